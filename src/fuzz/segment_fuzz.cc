// Fuzz target: the sentence splitter and tokenizer (text/segment.h) on arbitrary bytes, valid
// UTF-8 or not (the tokenizer must stay inside the buffer whatever it is given).
// Invariants: tokens non-empty, in order, not overlapping, inside the text; sentences in order
// with token ranges inside the token list.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "base/data_dir.h"
#include "fuzz/fuzz_util.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace {

const sitrep::Segmenter& TheSegmenter() {
  static const std::unique_ptr<sitrep::Segmenter> s = [] {
    auto r = sitrep::Segmenter::Load(sitrep::DataDir());
    FUZZ_CHECK(r.ok());
    return std::move(r).value();
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const Segmenter& seg = TheSegmenter();
  Doc doc;
  seg.Segment(text, &doc);
  fuzz::CheckSegmentation(text, doc);

  // The same text as the pipeline sees it (repaired) must segment the same way twice.
  std::string repaired = RepairUtf8(text, nullptr);
  Doc a, b;
  seg.Segment(repaired, &a);
  seg.Segment(repaired, &b);
  fuzz::CheckSegmentation(repaired, a);
  FUZZ_CHECK(a.tokens.size() == b.tokens.size());
  FUZZ_CHECK(a.sentences.size() == b.sentences.size());
  return 0;
}
