// Fuzz target: HTML text extraction (ingest/html.h) and the HTML reader on arbitrary bytes.
// The extracted text must be valid UTF-8 and any date it reports a real calendar date.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "ingest/html.h"
#include "ingest/ingest.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The HTML reader repairs UTF-8 before gumbo sees it; feed gumbo repaired bytes as well so the
  // extractor's own invariants are tested on the input it gets in production.
  std::string repaired = RepairUtf8(bytes, nullptr);
  Result<HtmlDocument> doc = ExtractHtml(repaired);
  FUZZ_CHECK(doc.ok());  // fails only when the rules file cannot be read
  FUZZ_CHECK(IsValidUtf8(doc->text));
  FUZZ_CHECK(IsValidUtf8(doc->title));
  if (doc->published) fuzz::CheckDate(*doc->published);

  IngestOptions options;
  IngestResult r;
  ReadHtml("fuzz.html", bytes, options, &r);
  FUZZ_CHECK(r.articles.size() <= 1);
  for (const Article& a : r.articles) {
    FUZZ_CHECK(!a.doc_id.empty());
    FUZZ_CHECK(IsValidUtf8(a.text));
    FUZZ_CHECK(a.text.find('\0') == std::string::npos);
  }
  return 0;
}
