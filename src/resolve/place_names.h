// Place names: every name an incident's place went by ("Kalat, also spelled Qalat"), for the
// `place_aliases` field of the output.
//
// Two sources: (a) the spellings the incident's own articles wrote for the place (the text under
// a place mention's span), collected per article while its text is at hand (CollectSpellings),
// and (b) the spelled-out and abbreviated forms of the canonical name from
// data/geo/name_abbrevs.tsv ("St. Louis" <-> "Saint Louis", "Ft." <-> "Fort").
//
// Thread safety: a loaded PlaceNames is read-only; every const method may be called from many
// threads at once. Errors: Load() fails only when the table exists but cannot be read.
#ifndef SITREP_RESOLVE_PLACE_NAMES_H_
#define SITREP_RESOLVE_PLACE_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/event.h"
#include "model/incident.h"

namespace sitrep {

// How one article spelled the places it names: (place key, surface) pairs, sorted and distinct.
// The key is PlaceKey() of the gazetteer entry; the surface is the text under the mention's span
// with whitespace runs folded to one space. Only surfaces other than the gazetteer's own name
// (compared without case) are kept, so most articles hold none.
struct DocSpellings {
  std::vector<std::pair<std::string, std::string>> spellings;
};

// The key an incident and a place mention share when they name the same place:
// "country|admin1|name".
std::string PlaceKey(std::string_view country, std::string_view admin1, std::string_view name);

// The spellings of the places of `analysis`'s event mentions (the places incidents are made
// from) as written in `article.text`. Spans outside the text are skipped.
DocSpellings CollectSpellings(const Article& article, const DocAnalysis& analysis);

class PlaceNames {
 public:
  // Reads <data_dir>/geo/name_abbrevs.tsv (ABBREVIATION<TAB>FULL WORD) and
  // <data_dir>/geo/admin_suffixes.tsv (WORD<TAB>district|province|place); '#' starts a comment.
  // A missing file gives an empty table.
  [[nodiscard]] static Result<std::unique_ptr<PlaceNames>> Load(const std::string& data_dir);
  // The same from the tables' text (for tests).
  static std::unique_ptr<PlaceNames> FromTables(std::string_view abbrevs_tsv,
                                                std::string_view suffixes_tsv);

  // The other names of `canonical`: first the distinct `surfaces` (compared without case, in
  // byte order of their folded form, a mixed-case spelling preferred over an all-capital one),
  // then the abbreviated / spelled-out variants of `canonical`, never `canonical` itself.
  // A surface with a district or province word first or last ("Wayne County") names the unit
  // the place lies in, not the place, and is left out; a settlement word ("Pahalgam town") is
  // dropped from the spelling.
  std::vector<std::string> Aliases(std::string_view canonical,
                                   const std::vector<std::string>& surfaces) const;

  // The abbreviation variants of `name` alone: every abbreviated word spelled out ("St. Louis"
  // -> "Saint Louis"), and every spelled-out word abbreviated ("Fort Worth" -> "Ft. Worth").
  // Empty when no word of `name` is in the table.
  std::vector<std::string> Variants(std::string_view name) const;

  // Sets inc->place_aliases for every incident of `set` with a place, from the spellings of its
  // documents (looked up by doc_id in `spelling_of`, which may be null or lack some documents)
  // and the variants of its place name.
  void Fill(const std::unordered_map<std::string, DocSpellings>* spelling_of,
            IncidentSet* set) const;
  // Fill() for one incident: for incidents handed out one at a time (IncidentStream), so the
  // set never has to exist at once.
  void FillOne(const std::unordered_map<std::string, DocSpellings>* spelling_of,
               Incident* inc) const;

 private:
  PlaceNames() = default;
  // (lower-case abbreviation without period, lower-case full word), sorted by the first.
  std::vector<std::pair<std::string, std::string>> abbrev_to_full_;
  // The same pairs sorted by the full word.
  std::vector<std::pair<std::string, std::string>> full_to_abbrev_;
  // Lower-case unit words, sorted: district/province level, and settlement ("town") level.
  std::vector<std::string> unit_words_, settlement_words_;
};

}  // namespace sitrep

#endif  // SITREP_RESOLVE_PLACE_NAMES_H_
