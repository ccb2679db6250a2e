#include "resolve/place_names.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "base/tsv.h"

namespace sitrep {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whitespace runs become one space; leading and trailing whitespace go.
std::string FoldSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The comparison form: whitespace folded, ASCII letters lower-cased (other scripts have no case
// or keep it; a byte-wise fold would break UTF-8).
std::string FoldName(std::string_view s) {
  std::string out = FoldSpace(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool HasLower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "saint" -> "Saint": the replacement takes a capital when the word it replaces had one.
std::string CaseLike(std::string_view word, std::string repl) {
  if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z' && !repl.empty() && repl[0] >= 'a' &&
      repl[0] <= 'z') {
    repl[0] = static_cast<char>(repl[0] - 'a' + 'A');
  }
  return repl;
}

const std::string* Lookup(const std::vector<std::pair<std::string, std::string>>& sorted,
                          std::string_view key) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != sorted.end() && it->first == key ? &it->second : nullptr;
}

// Calls row(first field, second field) for each row of a two-column table. A row without a
// second field is skipped, not an error: these tables only add spellings, and a bad row should
// cost one spelling, not the run.
template <typename Fn>
void ForEachRow(std::string_view tsv, Fn&& row) {
  const Status st =
      ForEachTsvLine(tsv, "place names", 1, [&](const std::vector<std::string_view>& cols, int) {
        if (cols.size() >= 2) row(cols[0], cols[1]);
        return Status::Ok();
      });
  (void)st;  // The callback never fails.
}

Result<std::string> ReadOptional(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string();
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return IoError("cannot read " + path);
  return text.str();
}

bool Contains(const std::vector<std::string>& sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

// The ASCII letters and digits of `s`, lower-cased: the skeleton spellings are compared on.
std::string Skeleton(std::string_view s) {
  std::string out;
  for (char c : s) {
    c = Lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Whether `surface` reads as a spelling of `canonical` rather than another name the geocoder
// took for it (a county read as its seat town, a neighbourhood as its city, a misread word):
// written in another script, or the same skeleton give or take a word ("Bronx" / "The Bronx"),
// a shared start of four letters ("Musakhail" / "Musa Khel Bazar"), or few letters changed: at
// most two fifths from the same first letter ("Moscou" / "Moscow"), a quarter when the first
// letter differs too ("Kalat" / "Qalat").
bool LooksLikeSpelling(std::string_view surface, std::string_view canonical) {
  const std::string a = Skeleton(surface), b = Skeleton(canonical);
  if (a.empty() || b.empty()) return a.empty() && !surface.empty();
  if (a.size() >= 4 && b.size() >= 4 &&
      (a.find(b) != std::string::npos || b.find(a) != std::string::npos)) {
    return true;
  }
  if (a.size() >= 4 && b.size() >= 4 && a.compare(0, 4, b, 0, 4) == 0) return true;
  const size_t changed = EditDistance(a, b), longer = std::max(a.size(), b.size());
  return a[0] == b[0] ? changed * 5 <= longer * 2 : changed * 4 <= longer;
}

}  // namespace

std::string PlaceKey(std::string_view country, std::string_view admin1, std::string_view name) {
  std::string key;
  key.reserve(country.size() + admin1.size() + name.size() + 2);
  key.append(country).append("|").append(admin1).append("|").append(name);
  return key;
}

std::vector<PlaceSpelling> CollectSpellings(std::string_view text, const DocAnalysis& analysis) {
  std::vector<PlaceSpelling> out;
  for (const EventMention& m : analysis.mentions) {
    for (const PlaceMention& pm : m.places) {
      const Place& p = pm.place;
      if (p.name.empty() || p.level > GeoLevel::kDistrict) continue;
      if (pm.span.begin >= pm.span.end || pm.span.end > text.size()) continue;
      std::string surface = FoldSpace(text.substr(pm.span.begin, pm.span.end - pm.span.begin));
      // Only another spelling is worth keeping: the gazetteer's own name is the canonical one.
      if (surface.empty() || FoldName(surface) == FoldName(p.name)) continue;
      out.push_back(PlaceSpelling{PlaceKey(p.country, p.admin1, p.name), std::move(surface)});
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PlaceSpellingIndex::PlaceSpellingIndex(const std::vector<DocAnalysis>& analyses) {
  for (const DocAnalysis& a : analyses) Add(a);
}

void PlaceSpellingIndex::Add(const DocAnalysis& analysis) {
  if (analysis.place_spellings.empty()) return;
  by_doc_.try_emplace(analysis.doc_id, analysis.place_spellings);
}

const std::vector<PlaceSpelling>& PlaceSpellingIndex::Find(const std::string& doc_id) const {
  static const std::vector<PlaceSpelling> kNone;
  auto it = by_doc_.find(doc_id);
  return it == by_doc_.end() ? kNone : it->second;
}

std::unique_ptr<PlaceNames> PlaceNames::FromTables(std::string_view abbrevs_tsv,
                                                   std::string_view suffixes_tsv) {
  std::unique_ptr<PlaceNames> names(new PlaceNames());
  ForEachRow(abbrevs_tsv, [&](std::string_view first, std::string_view second) {
    std::string abbrev = FoldName(first);
    while (!abbrev.empty() && abbrev.back() == '.') abbrev.pop_back();
    std::string full = FoldName(second);
    if (abbrev.empty() || full.empty()) return;
    names->abbrev_to_full_.emplace_back(abbrev, full);
    names->full_to_abbrev_.emplace_back(full, abbrev);
  });
  ForEachRow(suffixes_tsv, [&](std::string_view first, std::string_view second) {
    std::string word = FoldName(first);
    if (word.empty()) return;
    (FoldName(second) == "place" ? names->settlement_words_ : names->unit_words_)
        .push_back(std::move(word));
  });
  for (auto* v : {&names->unit_words_, &names->settlement_words_}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  // Stable: on a repeated key the first line of the table wins.
  auto by_first = [](const auto& a, const auto& b) { return a.first < b.first; };
  for (auto* v : {&names->abbrev_to_full_, &names->full_to_abbrev_}) {
    std::stable_sort(v->begin(), v->end(), by_first);
    v->erase(std::unique(v->begin(), v->end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }),
             v->end());
  }
  return names;
}

Result<std::unique_ptr<PlaceNames>> PlaceNames::Load(const std::string& data_dir) {
  Result<std::string> abbrevs = ReadOptional(data_dir + "/geo/name_abbrevs.tsv");
  if (!abbrevs.ok()) return abbrevs.status();
  Result<std::string> suffixes = ReadOptional(data_dir + "/geo/admin_suffixes.tsv");
  if (!suffixes.ok()) return suffixes.status();
  return FromTables(*abbrevs, *suffixes);
}

std::vector<std::string> PlaceNames::Variants(std::string_view name) const {
  std::string spelled, abbreviated;
  bool any_spelled = false, any_abbreviated = false;
  const std::string folded = FoldSpace(name);
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    const std::string_view word = std::string_view(folded).substr(pos, end - pos);
    pos = end + 1;
    std::string key = FoldName(word);
    const bool had_period = !key.empty() && key.back() == '.';
    if (had_period) key.pop_back();
    std::string as_spelled(word), as_abbreviated(word);
    if (const std::string* full = Lookup(abbrev_to_full_, key)) {
      as_spelled = CaseLike(word, *full);
      any_spelled = true;
    } else if (const std::string* ab = Lookup(full_to_abbrev_, key); ab && !had_period) {
      as_abbreviated = CaseLike(word, *ab) + ".";
      any_abbreviated = true;
    }
    for (auto [out, w] : {std::pair{&spelled, &as_spelled}, {&abbreviated, &as_abbreviated}}) {
      if (!out->empty()) out->push_back(' ');
      out->append(*w);
    }
  }
  std::vector<std::string> out;
  if (any_spelled) out.push_back(std::move(spelled));
  if (any_abbreviated) out.push_back(std::move(abbreviated));
  return out;
}

std::vector<std::string> PlaceNames::Aliases(std::string_view canonical,
                                             const std::vector<std::string>& surfaces) const {
  const std::string canon_key = FoldName(canonical);
  // Folded form -> the spelling shown: a mixed-case one over an all-capital one ("KALAT" in a
  // headline), else the byte-wise smallest, so the choice does not depend on input order.
  std::map<std::string, std::string> chosen;
  for (const std::string& s : surfaces) {
    std::string shown = FoldSpace(s);
    // A unit word first or last: the text named the district or province, not the place.
    const size_t first_space = shown.find(' '), last_space = shown.rfind(' ');
    if (first_space != std::string::npos) {
      const std::string head = FoldName(std::string_view(shown).substr(0, first_space));
      const std::string tail = FoldName(std::string_view(shown).substr(last_space + 1));
      if (Contains(unit_words_, head) || Contains(unit_words_, tail)) continue;
      if (Contains(settlement_words_, tail))
        shown.resize(last_space);
      else if (Contains(settlement_words_, head))
        shown.erase(0, first_space + 1);
    }
    std::string key = FoldName(shown);
    if (key.empty() || key == canon_key || !LooksLikeSpelling(shown, canonical)) continue;
    auto [it, fresh] = chosen.emplace(std::move(key), shown);
    if (fresh) continue;
    const bool better =
        HasLower(shown) != HasLower(it->second) ? HasLower(shown) : shown < it->second;
    if (better) it->second = std::move(shown);
  }
  std::vector<std::string> out;
  out.reserve(chosen.size() + 2);
  for (auto& [key, shown] : chosen) out.push_back(std::move(shown));
  for (std::string& v : Variants(canonical)) {
    const std::string key = FoldName(v);
    if (key == canon_key || chosen.count(key)) continue;
    chosen.emplace(key, v);
    out.push_back(std::move(v));
  }
  return out;
}

void PlaceNames::FillOne(const PlaceSpellingIndex& spellings, Incident* inc) const {
  inc->place_aliases.clear();
  if (inc->place.empty()) return;
  std::vector<std::string> surfaces;
  if (spellings.size() != 0) {
    const std::string key = PlaceKey(inc->country, inc->admin1, inc->place);
    for (const std::string& doc : inc->documents) {
      const std::vector<PlaceSpelling>& sp = spellings.Find(doc);
      auto lo = std::lower_bound(
          sp.begin(), sp.end(), key,
          [](const PlaceSpelling& e, const std::string& k) { return e.place_key < k; });
      for (; lo != sp.end() && lo->place_key == key; ++lo) surfaces.push_back(lo->surface);
    }
  }
  inc->place_aliases = Aliases(inc->place, surfaces);
}

}  // namespace sitrep
