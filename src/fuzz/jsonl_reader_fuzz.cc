// Fuzz target: the JSON-lines and plain-text readers of ingest on arbitrary bytes.
//
// Beyond "no crash": every article that comes out has a doc_id, NUL-free valid UTF-8 text no
// larger than the limit allows, and a source; every problem is a non-OK Status with a message
// naming the input. (Repeated doc_ids are dropped later, by ReadInputs, so they may appear here.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "ingest/ingest.h"
#include "text/utf8.h"

namespace sitrep {
namespace {

void CheckResult(const IngestResult& r, const IngestOptions& options) {
  for (const Article& a : r.articles) {
    FUZZ_CHECK(!a.doc_id.empty());
    FUZZ_CHECK(!a.text.empty());
    // The limit applies before UTF-8 repair, which can triple a byte (one bad byte -> U+FFFD).
    FUZZ_CHECK(a.text.size() <= 3 * options.max_article_bytes);
    FUZZ_CHECK(IsValidUtf8(a.text));
    FUZZ_CHECK(a.text.find('\0') == std::string::npos);
    FUZZ_CHECK(!a.source.empty());
    if (a.published) fuzz::CheckDate(*a.published);
  }
  for (const Status& s : r.errors) {
    FUZZ_CHECK(!s.ok());
    FUZZ_CHECK(s.message().starts_with("fuzz."));
  }
}

}  // namespace
}  // namespace sitrep

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  IngestOptions options;
  options.max_article_bytes = 4096;  // small, so the over-size path is reached too
  {
    IngestResult r;
    ReadJsonLines("fuzz.jsonl", bytes, options, &r);
    CheckResult(r, options);
  }
  {
    IngestResult r;
    ReadPlainText("fuzz.txt", bytes, options, &r);
    CheckResult(r, options);
  }
  return 0;
}
