// ResolveRules: the data resolution and reconciliation consult (which attributions count as
// official, how ACLED event types rank when votes tie). Loaded from data/resolve/ once and then
// read-only, so one instance may be shared by any number of threads.
//
// Files (see their header comments): official_sources.txt, event_types.tsv, limits.tsv.
#ifndef SITREP_RESOLVE_RULES_H_
#define SITREP_RESOLVE_RULES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct ResolveRules {
  // Lower-cased terms; an attribution is official when it contains one as a whole word sequence.
  std::vector<std::string> official_terms;
  // Rank (0 = highest priority) of "event_type" and "event_type\tsub_event_type".
  std::unordered_map<std::string, int> type_rank;
  // Figures above this are misread numbers (cumulative totals, years), never one incident's.
  double max_plausible_figure = 5000;

  bool IsOfficial(std::string_view attributed_to) const;
  // Rank of a type or (type, sub-type); a large number when unknown.
  int TypeRank(std::string_view type, std::string_view sub_type = {}) const;
};

// Reads <dir>/official_sources.txt, <dir>/event_types.tsv and (optional) <dir>/limits.tsv.
// Errors name the file and line.
[[nodiscard]] Result<ResolveRules> LoadResolveRules(const std::string& dir);

// The rules under DataPath("resolve"), loaded on first use (thread-safe). When the files cannot be
// read the rules are empty: resolution still works, without official preference or type ranks.
const ResolveRules& DefaultResolveRules();

}  // namespace sitrep

#endif  // SITREP_RESOLVE_RULES_H_
