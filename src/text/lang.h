// Language guess for an article: ISO 639-1 code from the dominant script, refined by marker
// letters (Urdu vs Arabic vs Persian) and, for Latin script, by stop-word profiles.
//
// Data: <data_dir>/text/lang_markers.tsv and <data_dir>/text/stopwords.tsv.
// Returns "und" when nothing can be said (no letters, an unlisted script, or Latin text that
// matches no profile at least twice). Only the first 64 KiB of text is looked at.
//
// Thread safety: a loaded LanguageDetector is immutable; Detect() may run on many threads at once.
// The free function DetectLanguage() uses a detector loaded once (thread-safe static) from
// DataDir(); if that data cannot be read it answers "und".
#ifndef SITREP_TEXT_LANG_H_
#define SITREP_TEXT_LANG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/doc.h"
#include "text/lexicon.h"

namespace sitrep {

class LanguageDetector {
 public:
  [[nodiscard]] static Result<std::unique_ptr<LanguageDetector>> Load(const std::string& data_dir);
  std::string Detect(std::string_view text) const;
  // The stop-word profile vote of Detect() alone, over the first `max_words` word tokens of an
  // already tokenised text: the language of Latin-script text at a fraction of the cost (no
  // script pass). "und" as in Detect(). `tokens` must be tokens of `text`.
  std::string DetectLatin(std::string_view text, const std::vector<Token>& tokens,
                          size_t max_words = 200) const;

 private:
  // The language whose stop words the profile counts most, or "und".
  std::string PickByStopWords(const std::vector<size_t>& profile) const;
  struct Marker {
    std::string script;
    std::string lang;
    std::vector<int32_t> letters;  // empty = default for the script
  };
  std::vector<Marker> markers_;
  std::vector<std::string> langs_;        // profile names, index = profile id
  StringMap<std::vector<uint8_t>> stop_;  // word -> profile ids
};

std::string DetectLanguage(std::string_view text);

}  // namespace sitrep

#endif  // SITREP_TEXT_LANG_H_
