// Fuzz target: number and qualifier parsing (text/quantity.h) through the text stage, and
// QuantityParser::ParseDigits on every token. Invariants: spans in bounds, number_span inside
// span, quantities in text order, value finite, low <= high, nothing NaN.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/data_dir.h"
#include "fuzz/fuzz_util.h"
#include "text/quantity.h"
#include "text/text_analyzer.h"
#include "text/utf8.h"

namespace {

const sitrep::TextAnalyzer& TheAnalyzer() {
  static const std::unique_ptr<sitrep::TextAnalyzer> a = [] {
    auto r = sitrep::TextAnalyzer::Load(sitrep::DataDir());
    FUZZ_CHECK(r.ok());
    return std::move(r).value();
  }();
  return *a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::optional<CivilDate> published = fuzz::TakePublished(&bytes);
  // Articles reach the text stage repaired (ingest.h), so that is what is fuzzed here.
  const std::string text = RepairUtf8(bytes, nullptr);
  Doc doc = TheAnalyzer().Analyze(text, published);
  fuzz::CheckSegmentation(text, doc);
  fuzz::CheckQuantities(text, doc);
  for (const Token& t : doc.tokens) {
    std::optional<double> v = QuantityParser::ParseDigits(TokenText(text, t));
    if (v) FUZZ_CHECK(!std::isnan(*v));
  }
  return 0;
}
