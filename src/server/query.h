// Incident queries for the HTTP API: parsing of the filter/sort/paging parameters of
// GET /api/incidents and GET /api/export, and an in-memory index of an IncidentSet that answers
// them.
//
// Parameters (all optional; a repeated or unknown parameter, or a malformed value, is an
// InvalidArgument whose message names the parameter — the API answers 400 with it):
//   date_from, date_to  YYYY[-MM[-DD]]; keeps incidents whose [date, date_end] overlaps the
//                       range (undated incidents are dropped when either is given)
//   country             ISO 3166-1 alpha-2, comma-separated list, case-insensitive
//   admin1, event_type  comma-separated lists, case-insensitive exact match
//   actor               case-insensitive substring of the perpetrator
//   min_killed          number >= 0: killed.best >= it (incidents without a figure are dropped)
//   bbox                minlon,minlat,maxlon,maxlat: incidents with coordinates inside
//   q                   case-insensitive (ASCII folding) substring of place, admin1, admin2,
//                       country, perpetrator, event types or any claim's quote or source
//   parent              a story id: its children; "none": top-level incidents only
//   sort                date | -date (default) | killed | -killed; ties by id, unknowns last
//   limit, offset       paging; limit 1..10000 (default 100; export default: everything)
//
// Thread safety: IncidentIndex is immutable after construction; all const methods may be called
// from many threads at once.
#ifndef SITREP_SERVER_QUERY_H_
#define SITREP_SERVER_QUERY_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/incident.h"

namespace sitrep {

inline constexpr size_t kMaxQueryLimit = 10000;

struct IncidentQuery {
  enum class Sort { kDateAsc, kDateDesc, kKilledAsc, kKilledDesc };

  std::optional<CivilDate> date_from, date_to;
  std::vector<std::string> countries;    // upper case
  std::vector<std::string> admin1;       // lower case
  std::vector<std::string> event_types;  // lower case
  std::string actor;                     // lower case
  std::optional<double> min_killed;
  std::optional<std::array<double, 4>> bbox;  // minlon, minlat, maxlon, maxlat
  std::string q;                              // lower case
  std::optional<std::string> parent;          // story id, or "none"
  Sort sort = Sort::kDateDesc;
  size_t offset = 0;
  std::optional<size_t> limit;  // absent: the caller's default
};

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses the parameters above. `extra_allowed` names further parameters the caller handles
// itself (e.g. "format" for the export); they are skipped, not rejected.
Result<IncidentQuery> ParseIncidentQuery(const QueryParams& params,
                                         const std::vector<std::string_view>& extra_allowed = {});

// ASCII lower-casing (bytes >= 0x80 are kept), used for case-insensitive matching.
std::string AsciiLower(std::string_view s);

class IncidentIndex {
 public:
  explicit IncidentIndex(IncidentSet set);

  const IncidentSet& set() const { return set_; }
  // nullptr when no incident has this id.
  const Incident* Find(std::string_view id) const;
  // Indices (into set().incidents) of the children of story `id`, in set order.
  const std::vector<size_t>& Children(std::string_view id) const;
  // Indices of the incidents that list `doc_id` in documents or mentions, in set order.
  const std::vector<size_t>& IncidentsOfDocument(std::string_view doc_id) const;
  // Every incident that matches the query's filters, sorted as asked; paging is not applied.
  std::vector<size_t> Select(const IncidentQuery& q) const;
  // Whether incident `i` passes the filters of `q` (sort and paging ignored).
  bool Matches(size_t i, const IncidentQuery& q) const;

 private:
  IncidentSet set_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, std::vector<size_t>> children_;
  std::unordered_map<std::string, std::vector<size_t>> by_doc_;
  std::vector<std::string> haystack_;  // lower-cased searchable text per incident
};

}  // namespace sitrep

#endif  // SITREP_SERVER_QUERY_H_
