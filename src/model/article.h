// The plain values that flow between pipeline stages (see src/README.md). They own their data,
// are immutable once built by their stage, and are safe to share read-only across threads.
#ifndef SITREP_MODEL_ARTICLE_H_
#define SITREP_MODEL_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitrep {

// A [begin, end) byte range into Article::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A civil date; fields are 0 when unknown (e.g. month precision has day == 0).
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const { return year > 0; }
  std::string ToIso() const;  // "YYYY-MM-DD" / "YYYY-MM" / "YYYY", "" when invalid
  static std::optional<CivilDate> FromIso(std::string_view s);  // accepts YYYY[-MM[-DD]]
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// One input article. `text` holds the original bytes (repaired only if they were not valid
// UTF-8; the repair is reported), and every Span points into it.
struct Article {
  std::string doc_id;
  std::string source;  // outlet or file name
  std::string url;
  std::optional<CivilDate> published;
  std::string lang;  // ISO 639-1; detected when the input does not say
  std::string text;
  std::string origin;  // "file:line" for messages
  // Set by ingest dedup: doc_id of the article this one copies (exact or near duplicate).
  std::string copy_of;
  bool exact_duplicate = false;  // identical text: not analysed again
};

}  // namespace sitrep

#endif  // SITREP_MODEL_ARTICLE_H_
