// TextAnalyzer: the text stage in one call. Tokens and sentences (segment.h), then temporal
// expressions (timex.h), then quantities (quantity.h; numbers inside timexes are not quantities).
//
// Load() reads every data file of the stage once from <data_dir>/text/ and fails with the first
// file error. Thread safety: immutable after Load(); Analyze() may run on many threads at once.
// The Doc it returns owns its data; its spans point into the `text` passed in.
#ifndef SITREP_TEXT_TEXT_ANALYZER_H_
#define SITREP_TEXT_TEXT_ANALYZER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/article.h"
#include "model/doc.h"
#include "text/key_table.h"
#include "text/lexicon.h"
#include "text/quantity.h"
#include "text/segment.h"
#include "text/timex.h"

namespace sitrep {

class TextAnalyzer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TextAnalyzer>> Load(const std::string& data_dir);

  // `lang` (ISO 639-1, Article::lang) selects other languages' number words; when empty it is
  // detected from the text if one is needed (quantity.h).
  Doc Analyze(std::string_view text, std::optional<CivilDate> published,
              std::string_view lang = {}) const;
  // The same, leaving in *keys the TokenKeys of the Doc's tokens (built here anyway) for the
  // later stages: Geocoder::Find and Extractor::Extract take them to skip their own scans of the
  // text's plain words. *keys refers to `text`'s tokens until the next Build.
  Doc Analyze(std::string_view text, std::optional<CivilDate> published, std::string_view lang,
              TokenKeys* keys) const;

  const Segmenter& segmenter() const { return *segmenter_; }
  const QuantityParser& quantities() const { return *quantities_; }
  const TimexParser& timexes() const { return *timexes_; }

 private:
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<QuantityParser> quantities_;
  std::unique_ptr<TimexParser> timexes_;
  // The words either finder can start with: Analyze collects the tokens that pass it (with the
  // numbers and hyphenated words) once, and both finders look only at those.
  KeyFilter starts_;
};

}  // namespace sitrep

#endif  // SITREP_TEXT_TEXT_ANALYZER_H_
