// Place names: every name an incident's place went by ("Kyiv, also spelled Kiev"), for the
// `place_aliases` field of the output.
//
// Two sources: (a) the spellings the incident's own articles wrote for the place (the text under
// a place mention's span), collected per article by Engine::Analyze() while its text is at hand
// (CollectSpellings) and kept on the analysis (DocAnalysis::place_spellings), and (b) the
// spelled-out and abbreviated forms of the canonical name from data/geo/name_abbrevs.tsv
// ("St. Louis" <-> "Saint Louis", "Ft." <-> "Fort"). Filling reads nothing but the analyses (or a
// PlaceSpellingIndex of them): the same analyses give the same aliases in any process.
//
// Thread safety: a loaded PlaceNames is read-only; every const method may be called from many
// threads at once. A PlaceSpellingIndex is a plain value: const methods from many threads,
// Add() from one. Errors: Load() fails only when the table exists but cannot be read.
#ifndef SITREP_RESOLVE_PLACE_NAMES_H_
#define SITREP_RESOLVE_PLACE_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/event.h"
#include "model/incident.h"

namespace sitrep {

// The key an incident and a place mention share when they name the same place:
// "country|admin1|name".
std::string PlaceKey(std::string_view country, std::string_view admin1, std::string_view name);

// The spellings of the places of `analysis`'s event mentions (the places incidents are made
// from) as written in `text`, the article the analysis was made from: what
// DocAnalysis::place_spellings holds. Only surfaces other than the gazetteer's own name (compared
// without case) are kept, sorted and distinct. Spans outside the text are skipped, so a text that
// is not the analysis's own gives fewer or wrong spellings but never fails.
std::vector<PlaceSpelling> CollectSpellings(std::string_view text, const DocAnalysis& analysis);

// The place spellings of many analyses by doc_id, for filling aliases after the analyses
// themselves are gone (ResolveBatch keeps only what resolution reads; add every analysis here
// too). Only analyses with spellings take room, a few short strings each. A repeated doc_id
// counts once, as first added (as in ResolveBatch).
class PlaceSpellingIndex {
 public:
  PlaceSpellingIndex() = default;
  // The index of `analyses` (copies of their place_spellings).
  explicit PlaceSpellingIndex(const std::vector<DocAnalysis>& analyses);

  void Add(const DocAnalysis& analysis);
  // The spellings of `doc_id`, sorted by place key; empty when it has none or was not added.
  const std::vector<PlaceSpelling>& Find(const std::string& doc_id) const;
  // Documents with at least one spelling.
  size_t size() const { return by_doc_.size(); }

 private:
  std::unordered_map<std::string, std::vector<PlaceSpelling>> by_doc_;
};

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

  // Sets inc->place_aliases (overwriting what was there): for an incident with a place,
  // Aliases() of the place over the spellings its documents (looked up by doc_id in
  // `spellings`, which may lack some) wrote for that place key; empty otherwise. Resolution calls
  // it for each incident as it is handed out (resolve.h ResolveOptions::place_names).
  void FillOne(const PlaceSpellingIndex& spellings, Incident* inc) const;

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
