// Doc: the text stage's view of an Article: sentences and tokens, all as byte spans into the
// article's text, plus the annotations found on it (numbers, dates).
#ifndef SITREP_MODEL_DOC_H_
#define SITREP_MODEL_DOC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/article.h"

namespace sitrep {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;                 // trimmed of surrounding whitespace
  uint32_t first_token = 0;  // index into Doc::tokens
  uint32_t end_token = 0;    // one past the last token
};

// How a reported number is qualified. "dozens" is kVague with a [24, 99]-like range.
enum class Qualifier : uint8_t {
  kExact,
  kAtLeast,   // "at least", "a minimum of"
  kMoreThan,  // "more than", "over", "upwards of"
  kAbout,     // "about", "around", "some", "nearly", "approximately", "almost"
  kUpTo,      // "up to", "as many as"
  kRange,     // "10 to 12", "10-12"
  kVague,     // "dozens", "scores", "hundreds", "several"
};
const char* QualifierName(Qualifier q);  // "exact", "at_least", "more_than", ...

struct Quantity {
  Span span;         // covers the qualifier and the number ("at least 23")
  Span number_span;  // the number alone ("23")
  double value = 0;  // point value: the number itself, or the range midpoint for vague terms
  double low = 0;
  double high = 0;
  Qualifier qualifier = Qualifier::kExact;
  // "one" that may be a pronoun ("one of the attacks", "the one who"): a weak count.
  bool maybe_pronoun = false;
};

enum class DatePrecision : uint8_t { kDay, kMonth, kYear, kUnresolved };

// A temporal expression resolved against the publication date when there is one.
struct Timex {
  Span span;
  CivilDate date;      // fields 0 where unknown; invalid when unresolved
  CivilDate date_end;  // for ranges ("the past 24 hours"); invalid when a single date
  DatePrecision precision = DatePrecision::kUnresolved;
  bool relative = false;  // resolved from the publication date ("on Monday", "a day earlier")
  bool past_reference =
      false;  // clearly a past reference ("last year", "in August 2024" long before)
};

struct Doc {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Quantity> quantities;  // in text order
  std::vector<Timex> timexes;        // in text order
};

}  // namespace sitrep

#endif  // SITREP_MODEL_DOC_H_
