// Fuzz target: temporal expressions (text/timex.h) with and without a publication date.
// Invariants: timexes in text order, not overlapping, inside the text; resolved dates have
// month 0..12 and day 0..31; the calendar helpers round-trip.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/data_dir.h"
#include "fuzz/fuzz_util.h"
#include "text/segment.h"
#include "text/timex.h"
#include "text/utf8.h"

namespace {

struct Parsers {
  std::unique_ptr<sitrep::Segmenter> segmenter;
  std::unique_ptr<sitrep::TimexParser> timex;
};

const Parsers& TheParsers() {
  static const Parsers* p = [] {
    auto* out = new Parsers;
    auto s = sitrep::Segmenter::Load(sitrep::DataDir());
    FUZZ_CHECK(s.ok());
    out->segmenter = std::move(s).value();
    // A fixed "today" so runs are reproducible.
    auto t = sitrep::TimexParser::Load(sitrep::DataDir(), sitrep::CivilDate{2025, 6, 15});
    FUZZ_CHECK(t.ok());
    out->timex = std::move(t).value();
    return out;
  }();
  return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::optional<CivilDate> published = fuzz::TakePublished(&bytes);
  const std::string text = RepairUtf8(bytes, nullptr);
  const Parsers& p = TheParsers();
  Doc doc;
  p.segmenter->Segment(text, &doc);
  fuzz::CheckTimexes(text, p.timex->Find(text, doc, published));
  fuzz::CheckTimexes(text, p.timex->Find(text, doc, std::nullopt));

  if (published) {
    int64_t days = TimexParser::DaysFromCivil(published->year, published->month, published->day);
    FUZZ_CHECK(TimexParser::CivilFromDays(days) == *published);
    int wd = TimexParser::IsoWeekday(days);
    FUZZ_CHECK(wd >= 1 && wd <= 7);
  }
  return 0;
}
