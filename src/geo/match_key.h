// Match keys: the spelling-insensitive form under which place names are indexed and looked up.
//
// A key is made in two steps. FoldName() turns any name into lower-case ASCII words: non-Latin
// scripts are transliterated (ICU Any-Latin, after the rules of <data dir>/geo/fold_rules.txt:
// Devanagari's silent inherent vowel), diacritics and apostrophes dropped, other punctuation
// becomes a word break ("Nūrá Qal‘ah" -> "nura qalah"). MatchRules then joins the words and applies
// ordered substitutions read from data/geo/match_rules.tsv (q->k, kh->k, w->v, ai->e, vowel
// classes, doubled letters squeezed), so that Kavat/Qavat/Khevat, Nurakhail/Nurakhel/Nura Khel and
// Gwamar/Gawamar share one key. Keys are deliberately coarse; callers rank the candidates a key
// returns by how closely each one's own spelling matches (FoldName equality).
//
// Thread safety: all functions are safe to call from many threads; a MatchRules is immutable once
// parsed. FoldName keeps one ICU transliterator per thread, created on the first input that needs
// it: text in a non-Latin script that <data dir>/geo/folds.tsv does not list. That table
// (FoldTableText) holds ICU's output for single Latin letters and punctuation without an ASCII
// decomposition (ø, ł, ı, the en dash) and for the non-Latin strings of the data files, so
// start-up and Latin-script articles never build the transliterator (~170M instructions); it is
// used only under the ICU version that made it, so folds are the same with or without it.
#ifndef SITREP_GEO_MATCH_KEY_H_
#define SITREP_GEO_MATCH_KEY_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// Lower-case ASCII words separated by single spaces; "" when nothing letter-like remains.
// OK when <data dir>/geo/fold_rules.txt is absent or its rules parse; else InvalidArgument naming
// the file and where ICU stopped. FoldName falls back to plain Any-Latin on rules that do not
// parse, and its keys would then no longer match a gazetteer built with them: the engine and
// the gazetteer builder call this first and refuse to start. Rules that geo/folds.tsv names (by
// their hash, under this ICU version) parsed when that table was made and are not parsed again:
// parsing builds ICU's transliterator registry (~150M instructions) at every start-up.
[[nodiscard]] Status CheckFoldRules();
std::string FoldName(std::string_view name);
// Appends FoldName(name) to *out (no allocation when *out has capacity and the input is ASCII).
void FoldNameInto(std::string_view name, std::string* out);

class MatchRules {
 public:
  MatchRules() = default;  // no substitutions: a key is the folded name without spaces

  // Parses the rules format (see data/geo/match_rules.tsv). Errors name the line.
  [[nodiscard]] static Result<MatchRules> Parse(std::string_view text);
  // Rules from <data dir>/geo/match_rules.tsv, loaded once; the identity rules when the file is
  // missing or malformed (so lookups still work, only less forgiving).
  static const MatchRules& Default();

  // The match key of a raw name.
  std::string Key(std::string_view name) const;
  // The key of an already folded name (output of FoldName); spaces are ignored.
  void KeyFromFolded(std::string_view folded, std::string* out) const;

  // The source text, stored in compiled gazetteers so keys are always made with the rules the
  // index was built with.
  const std::string& text() const { return text_; }

 private:
  struct Rule {
    std::string from, to;
    bool at_start = false, at_end = false, collapse = false;
  };
  std::vector<Rule> rules_;
  std::string text_;
};

// MatchRules::Default().Key(name).
std::string MatchKey(std::string_view name);

// True once a fold on the calling thread has built its ICU transliterator (for tests: loading
// the data files and folding Latin-script names must not).
bool ThisThreadBuiltTransliterator();

// The text of geo/folds.tsv for the data files under data_dir (every *.tsv there, recursively),
// made with the transliterator itself: a version row, a row with the hash of the fold rules, one
// row per Latin letter or punctuation character FoldName cannot decompose, one row per data-file
// cell in another script. The table is used only under that ICU version and those rules. Errors:
// the fold rules do not parse, data_dir or a file in it cannot be read.
[[nodiscard]] Result<std::string> FoldTableText(const std::string& data_dir);

}  // namespace sitrep

#endif  // SITREP_GEO_MATCH_KEY_H_
