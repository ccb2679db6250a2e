// Shared helpers for the libFuzzer targets in src/fuzz/ (each *_fuzz.cc is its own executable,
// built only with -DSITREP_FUZZ=ON; see scripts/fuzz.sh).
//
// FUZZ_CHECK aborts on a broken invariant so libFuzzer reports it as a crash with the input that
// caused it. The span checks state the contracts every stage promises (model/article.h: spans
// are [begin, end) byte ranges into the article text).
//
// Not thread-safe; a fuzzer runs one input at a time.
#ifndef SITREP_FUZZ_FUZZ_UTIL_H_
#define SITREP_FUZZ_FUZZ_UTIL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "model/article.h"
#include "model/doc.h"

namespace sitrep {
namespace fuzz {

[[noreturn]] inline void Fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "FUZZ_CHECK failed: %s at %s:%d\n", what, file, line);
  std::abort();
}

#define FUZZ_CHECK(cond)                                          \
  do {                                                            \
    if (!(cond)) ::sitrep::fuzz::Fail(#cond, __FILE__, __LINE__); \
  } while (0)

inline bool SpanIn(const Span& s, size_t text_size) {
  return s.begin <= s.end && s.end <= text_size;
}

inline bool SpanWithin(const Span& inner, const Span& outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

// Tokens in order, not overlapping, non-empty; sentences in order with token ranges in bounds.
inline void CheckSegmentation(std::string_view text, const Doc& doc) {
  uint32_t prev_end = 0;
  for (const Token& t : doc.tokens) {
    FUZZ_CHECK(SpanIn(t.span, text.size()));
    FUZZ_CHECK(!t.span.empty());
    FUZZ_CHECK(t.span.begin >= prev_end);
    prev_end = t.span.end;
  }
  uint32_t prev_sentence_end = 0;
  uint32_t prev_token_end = 0;
  for (const Sentence& s : doc.sentences) {
    FUZZ_CHECK(SpanIn(s.span, text.size()));
    FUZZ_CHECK(s.span.begin >= prev_sentence_end);
    FUZZ_CHECK(s.first_token <= s.end_token);
    FUZZ_CHECK(s.end_token <= doc.tokens.size());
    FUZZ_CHECK(s.first_token >= prev_token_end);
    prev_sentence_end = s.span.end;
    prev_token_end = s.end_token;
  }
}

inline void CheckDate(const CivilDate& d) {
  if (!d.valid()) return;
  FUZZ_CHECK(d.month >= 0 && d.month <= 12);
  FUZZ_CHECK(d.day >= 0 && d.day <= 31);
  FUZZ_CHECK(d.month > 0 || d.day == 0);
}

inline void CheckQuantities(std::string_view text, const Doc& doc) {
  uint32_t prev_begin = 0;
  for (const Quantity& q : doc.quantities) {
    FUZZ_CHECK(SpanIn(q.span, text.size()));
    FUZZ_CHECK(SpanWithin(q.number_span, q.span));
    FUZZ_CHECK(q.span.begin >= prev_begin);
    prev_begin = q.span.begin;
    FUZZ_CHECK(std::isfinite(q.value));
    FUZZ_CHECK(!std::isnan(q.low) && !std::isnan(q.high));
    FUZZ_CHECK(q.low <= q.high);
  }
}

inline void CheckTimexes(std::string_view text, const std::vector<Timex>& timexes) {
  uint32_t prev_end = 0;
  for (const Timex& t : timexes) {
    FUZZ_CHECK(SpanIn(t.span, text.size()));
    FUZZ_CHECK(!t.span.empty());
    FUZZ_CHECK(t.span.begin >= prev_end);  // in text order, not overlapping
    prev_end = t.span.end;
    CheckDate(t.date);
    CheckDate(t.date_end);
  }
}

// Splits off a leading "publication date" so one input drives both the date and the text:
// byte 0 = 0 means none, otherwise bytes 0..2 pick a day between 1990 and 2040.
inline std::optional<CivilDate> TakePublished(std::string_view* data) {
  if (data->size() < 3) return std::nullopt;
  const auto b0 = static_cast<uint8_t>((*data)[0]);
  const auto b1 = static_cast<uint8_t>((*data)[1]);
  const auto b2 = static_cast<uint8_t>((*data)[2]);
  data->remove_prefix(3);
  if (b0 == 0) return std::nullopt;
  CivilDate d;
  d.year = 1990 + b0 % 51;
  d.month = 1 + b1 % 12;
  d.day = 1 + b2 % 28;
  return d;
}

}  // namespace fuzz
}  // namespace sitrep

#endif  // SITREP_FUZZ_FUZZ_UTIL_H_
