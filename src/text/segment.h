// Sentence splitting and tokenisation into byte spans (model/doc.h).
//
// Tokens: words (letters of any script with their combining marks; internal hyphens and
// apostrophes kept: "twenty-three", "O'Brien"; the possessive "'s" is its own token:
// "Pakistan's" -> "Pakistan" "'s"), numbers (digits of any script, with thousands groups
// "1,200" and one decimal part "3.5"), and single punctuation/symbol characters.
//
// Sentences end at . ! ? … ۔ ؟ । ॥ (plus any closing quotes/brackets right after them:
// `fight."` ends after the quote) when whitespace follows and the next word is not lower case,
// and always at a line break (news headlines have no final period). A period does not end a
// sentence after an abbreviation from <data_dir>/text/abbreviations.txt ("Mr.", "Gen.",
// "No. 3", "Jan. 31"), after a single initial ("J. Smith"), or after a dotted acronym
// ("U.S.") unless a typical sentence starter follows. A period glued between a lower-case word of
// two or more letters (not an abbreviation) and a capitalised word ends a sentence too ("was
// shot.Police said", text run together in scraping), unless more glued words make it a URL,
// e-mail or domain ("www.Example.com"), nor between a day number and a month
// name from <data_dir>/text/months.tsv ("22. März"). Sentence spans are trimmed of whitespace.
// A run of 300 tokens without any boundary is cut there, so junk input without sentence ends
// cannot make quoting stages quadratic.
//
// Thread safety: a loaded Segmenter is immutable; Segment() may run on many threads at once.
// The free function Segment() uses a Segmenter loaded once from DataDir() (without the
// abbreviation list if it cannot be read).
#ifndef SITREP_TEXT_SEGMENT_H_
#define SITREP_TEXT_SEGMENT_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/doc.h"
#include "text/key_table.h"
#include "text/lexicon.h"

namespace sitrep {

class Segmenter {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Segmenter>> Load(const std::string& data_dir);
  // Replaces doc->sentences and doc->tokens; leaves the other fields alone.
  void Segment(std::string_view text, Doc* doc) const;
  // The same, also replacing *plain with one byte per token: 1 when the token is ASCII letters
  // and digits only (known from how it was scanned; TokenKeys::Build takes it).
  void Segment(std::string_view text, Doc* doc, std::vector<uint8_t>* plain) const;
  // The same, building *keys (TokenKeys of the tokens, as Build(text, tokens, plain) would)
  // in the tokeniser's own loop, while each token's bytes are at hand, rather than in a second
  // pass. *keys refers to `text` afterwards, like after Build.
  void Segment(std::string_view text, Doc* doc, TokenKeys* keys) const;
  // The same, also returning the ascending indices of the tokens the text stage's finders may
  // look up (TimexParser and QuantityParser::Find's candidates): every number and every word,
  // except that a word of ASCII letters and digits alone is left out when its key does not pass
  // `filter` (the union of the finders' start words). They are the first entries of
  // *candidates, a buffer reused from text to text (kept as long as the longest text needed:
  // cutting and regrowing it would zero it every time); the span is valid until the next call
  // with the same buffer.
  std::span<const uint32_t> Segment(std::string_view text, Doc* doc, TokenKeys* keys,
                                    const KeyFilter& filter,
                                    std::vector<uint32_t>* candidates) const;

  enum class AbbrevType : uint8_t { kTitle, kNumber, kMonth, kGeneral };

 private:
  // This thread's tokeniser event list, emptied.
  static std::vector<uint32_t>& TokenEvents();
  // Sets doc->sentences from doc->tokens and the tokeniser's events. `keys`, when not null, are
  // the TokenKeys of doc->tokens: the word lists are then looked up with their keys instead of
  // lower-casing and hashing the words again (the same answers).
  void Sentences(std::string_view text, Doc* doc, const std::vector<uint32_t>& events,
                 const TokenKeys* keys) const;
  bool IsBoundary(std::string_view text, const std::vector<Token>& tokens, size_t term, size_t next,
                  const TokenKeys* keys) const;
  // IsBoundary() for a next token glued to the terminator ("shot.Police").
  bool GluedBoundary(std::string_view text, const std::vector<Token>& tokens, size_t term,
                     size_t next, const TokenKeys* keys) const;
  KeyTable<AbbrevType> abbrevs_;
  KeyTable<bool> starters_;
  KeyTable<bool> months_;  // from months.tsv: "22. März" is a date, not a sentence end
};

void Segment(std::string_view text, Doc* doc);

}  // namespace sitrep

#endif  // SITREP_TEXT_SEGMENT_H_
