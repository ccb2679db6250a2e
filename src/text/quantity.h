// Cardinal numbers and their qualifiers in article text ("at least 23", "dozens", "10 to 12",
// "twenty-three", "more than a dozen", "۲۳", "२३") as Quantity values (model/doc.h).
//
// Interval semantics: [low, high] is the plausible range of the true figure given the wording,
// so that "more than 60" and "74" are compatible (74 lies in [61, +inf)):
//   exact N          "23", "a dozen"           value N  [N, N]
//   at_least N       "at least 23", "23 or more" value N [N, +inf)
//   more_than N      "more than 60", "over 60"   value N [N + 1, +inf)
//   about N          "about 40", "some 40"       value N [N - d, N + d], d = max(1, round(N/10))
//   about N (below)  "nearly 40", "almost 40"    value N [N - d, N]
//   up_to N          "up to 40", "as many as 40" value N [0, N]   ("fewer than 40": [0, N - 1])
//   range A..B       "10 to 12", "10-12", "between 10 and 12"  value (A+B)/2  [A, B]
//   vague            "dozens" [24, 99] value 36, "several" [3, 9] value 5, "hundreds" [200, 999]...
//                    (data/text/numbers.tsv); "tens of thousands" and "several hundred" multiply.
//   about N (approx) "une vingtaine", "a score of": a phrase around one round number, with the
//                    range its numbers.tsv row gives: value 20 [17, 24] (kind approx).
// The open upper bound is std::numeric_limits<double>::infinity(): test with std::isinf();
// exporters must write it as null. `value` is always finite.
//
// Not counts, so not returned: years (4-digit 1800-2100 without a thousands comma: "2024"; the
// cost is that "2000 people" is missed, write-ups use "2,000"), times ("10:30", "5 pm"), dates
// ("Jan 31", "31 January", "2024-08-26", "26/08/2024"), ages ("aged 21", "21-year-old"),
// ordinals ("3rd"), percentages, money ("$5", "Rs 500"), labels ("No. 3"), units and durations
// ("5 km", "24 hours"), designations ("F-16", "G20"), numbers with a leading zero or 7+ digits
// without separators (phone-like), and anything inside doc.timexes.
// Rules and words are in data/text/{numbers,numbers_lang,qualifiers,quantity_context,months}.tsv;
// numbers_lang.tsv holds other languages' number words, each active only in its languages.
// "one" is kept but flagged maybe_pronoun when its neighbours suggest a pronoun ("one of the").
//
// Thread safety: a loaded QuantityParser is immutable; Find() may run on many threads at once.
#ifndef SITREP_TEXT_QUANTITY_H_
#define SITREP_TEXT_QUANTITY_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/doc.h"
#include "text/key_table.h"
#include "text/lang.h"
#include "text/lexicon.h"

namespace sitrep {

class QuantityParser {
 public:
  // Reads the data files under <data_dir>/text/. Errors name the file and line.
  [[nodiscard]] static Result<std::unique_ptr<QuantityParser>> Load(const std::string& data_dir);

  // Quantities in text order. `doc` must hold the tokens of `text` (see segment.h); numbers that
  // lie inside doc.timexes are skipped. `lang` (ISO 639-1) enables the Latin-script number
  // words of that language from numbers_lang.tsv ("trois", "zwei"); when empty, the language is
  // guessed from the first words of `doc` (LanguageDetector::DetectLatin) the first time such a
  // word is met, so "once" and "sept" stay words in English text. Number words in other
  // scripts ("एक", "двое") need no language.
  std::vector<Quantity> Find(std::string_view text, const Doc& doc,
                             std::string_view lang = {}) const;
  // The same with the tokens' keys already built (TokenKeys of doc.tokens), as TextAnalyzer
  // shares them between the finders.
  std::vector<Quantity> Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                             std::string_view lang = {}) const;
  // The same, looking only at `candidates`: ascending indices of doc.tokens that include every
  // number token and every word token that is hyphenated or whose key passes a KeyFilter that
  // AddTriggersTo() filled (others may be among them; see TimexParser::Find).
  std::vector<Quantity> Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                             std::string_view lang, std::span<const uint32_t> candidates) const;
  // Adds the words that can start a number to `filter` (for Find's candidates).
  void AddTriggersTo(KeyFilter* filter) const { filter->Add(triggers_); }

  // The value of a number token ("1,200", "3.5", "۲۳"), or nullopt if it is not one.
  static std::optional<double> ParseDigits(std::string_view token);

 private:
  // ParseDigits and the digit statistics ParseNumber needs in one pass, for a token of ASCII
  // bytes only (false, nothing set, for any other): *value is ParseDigits(token); the counts and
  // flags are only meaningful when it has a value.
  static bool ParseAsciiDigits(std::string_view token, std::optional<double>* value, int* digits,
                               int* int_digits, bool* sep, bool* decimal, bool* leading_zero);
  // Find() on the tokens given[0..count) (a superset of those that can start a number), or on
  // tokens 0..count when `given` is null.
  std::vector<Quantity> FindAmong(std::string_view text, const Doc& doc, const TokenKeys& keys,
                                  std::string_view lang, const uint32_t* given, size_t count) const;
  enum class WordKind : uint8_t { kUnit, kTens, kHundred, kScale, kDozen, kArticle, kConj };
  struct Word {
    WordKind kind;
    double value;
    uint32_t langs;      // bit set of languages (lang_bits_); 0 = every language
    bool alone = false;  // a hundred or scale word that is a number by itself ("mille", "yüz")
    bool final = false;  // only written last in a compound ("tré" of "ventitré")
  };
  struct Gate;     // the article's language, resolved lazily (quantity.cc)
  struct Phrase {  // fixed and vague entries of numbers.tsv
    bool vague;
    double value, low, high;
    double plural_scale;  // > 0 when usable as a multiplier after "of" ("thousands")
    bool needs_of;        // only a number when "of" follows ("scores of")
    uint32_t langs = 0;   // as Word::langs
    bool approx = false;  // kind approx: about one round number, qualifier about
  };
  struct Qual {
    Qualifier q;
    bool below = false, strict = false;
  };
  struct Context {
    std::string phrase;  // lower case
  };
  struct Num;  // a parsed number before qualification (quantity.cc)

  bool ParseNumber(std::string_view text, const std::vector<Token>& tokens, size_t i, Gate& gate,
                   Num* out) const;
  bool ParseWords(std::string_view text, const std::vector<Token>& tokens, size_t i, Gate& gate,
                  Num* out) const;
  // The entry for a lower-cased word if it is a number word in the article's language.
  const Word* LookupWord(std::string_view lower, Gate& gate) const;
  const Word* LookupWord(const HashedWord& lower, Gate& gate) const;
  bool Allowed(uint32_t langs, Gate& gate) const;
  // The unit or tens that `w` spells after one of conj_prefixes_ ("وعشرون"), or nullptr.
  const Word* PrefixedWord(std::string_view w, Gate& gate) const;
  Status LoadNumbers(const std::string& path, bool with_lang);
  // Adds the one-word compounds that number_compounds.tsv's patterns spell ("ventitré",
  // "dreiundzwanzig") to words_ as units of their language.
  Status LoadCompounds(const std::string& path);
  // `range_end`: num is the B of "A-B", so a glued hyphen on its left is expected.
  bool Excluded(std::string_view text, const std::vector<Token>& tokens, const TokenKeys& keys,
                const Num& num, bool range_end = false) const;
  bool MaybePronoun(const std::vector<Token>& tokens, const TokenKeys& keys, const Num& num) const;
  bool IsMonthToken(std::string_view text, const std::vector<Token>& tokens, const TokenKeys& keys,
                    size_t i) const;
  bool IsSep(const TokenKeys& keys, size_t i, bool between) const;

  KeyTable<Word> words_;
  // Conjunctions written as a prefix of the next number word (Arabic "و" of "وعشرون"), lower case.
  std::vector<std::string> conj_prefixes_;
  KeyTable<bool> partitives_;  // "of": after a needs_of vague word ("scores of people")
  KeyTable<bool> joiners_;     // "and": between hundreds and what follows ("one hundred and five")
  StringMap<uint32_t> lang_bits_;               // "fr" -> 1 << k
  std::unique_ptr<LanguageDetector> detector_;  // for articles whose language is not given
  std::vector<Phrase> phrases_;
  PhraseTable phrase_table_;  // payload: index into phrases_
  std::vector<Qual> quals_;
  PhraseTable pre_;   // payload: index into quals_
  PhraseTable post_;  // payload: index into quals_
  // Qualifiers that may also follow the number's counted noun ("8 أشخاص على الأقل", "12 morts au
  // moins"): position post_noun. Payload: index into quals_.
  PhraseTable post_noun_;
  PhraseTable between_;
  KeyTable<bool> seps_;          // "to", "-", "or"...
  KeyTable<bool> between_seps_;  // "and"
  std::vector<std::string> before_ctx_, after_ctx_;
  // Indexes into before_ctx_ by the phrase's last byte and into after_ctx_ by its first: the
  // byte next to the number picks the few phrases worth comparing. Empty phrases match always.
  std::vector<uint16_t> before_by_last_[256], after_by_first_[256];
  bool empty_ctx_ = false;
  // The (up to) kEdgeBytes bytes of a context phrase next to the number, packed nearest first
  // (PackEdge), and the mask of those present: before_edge_[k] is before_ctx_[k]'s last bytes,
  // after_edge_[k] after_ctx_[k]'s first.
  static constexpr size_t kEdgeBytes = 8;
  struct Edge {
    uint64_t bytes = 0, mask = 0;
  };
  std::vector<Edge> before_edge_, after_edge_;
  // s's first (or, from_end, last) kEdgeBytes bytes, ASCII-lower-cased, nearest the number in
  // the lowest byte.
  static uint64_t PackEdge(std::string_view s, bool from_end);
  static Edge EdgeOf(std::string_view phrase, bool from_end);
  // Whether one of `phrases` (those numbered in `cands`, with their `edges`) ends `s` (from_end:
  // the text before the number) or starts it (the text after), as a whole word on its far side.
  bool ContextAt(std::string_view s, bool from_end, const std::vector<uint16_t>& cands,
                 const std::vector<std::string>& phrases, const std::vector<Edge>& edges) const;
  // False when a hyphenated word (lower-cased key) cannot start a number: no number word is
  // spelt with its first hyphen-separated part (ParseWords tries the word's hyphen-joined
  // prefixes, all of which begin with that part).
  bool MayStartHyphenated(std::string_view lower) const;
  KeyTable<bool> hyphen_heads_;  // each number word's part before its first hyphen (or whole)
  KeyTable<bool> pronoun_before_, pronoun_after_;
  // Words that can start a number (quick reject), with what else it takes (FindAmong):
  // kStartsNone for a conjunction, kNeedsFollow when a word of follow_ must come next.
  static constexpr uint8_t kStartsNone = 1, kNeedsFollow = 2;
  KeyTable<uint8_t> triggers_;
  // Multipliers ("hundred", "dozen") and the second words of number phrases ("few" of "a few").
  KeyTable<bool> follow_;
  KeyTable<bool> months_;  // name -> only a month when capitalised ("May")
};

}  // namespace sitrep

#endif  // SITREP_TEXT_QUANTITY_H_
