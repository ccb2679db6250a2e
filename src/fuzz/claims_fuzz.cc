// Fuzz target: the extraction stage on arbitrary text. Text analysis, geocoding (with the real
// compiled gazetteer when data/gazetteer/gazetteer.bin exists, otherwise no places), the
// Extractor, then resolution of the one analysis into incidents.
// Invariants: every span lies inside the text; a claim's quote is exactly text[span] and its
// figure lies inside the text; claim ranges are ordered (low <= high); event mentions carry
// the article's doc_id; every incident names only this document.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_dir.h"
#include "extract/extractor.h"
#include "fuzz/fuzz_util.h"
#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "resolve/resolve.h"
#include "text/text_analyzer.h"
#include "text/utf8.h"

namespace {

struct Stages {
  std::unique_ptr<sitrep::TextAnalyzer> text;
  std::unique_ptr<sitrep::Gazetteer> gazetteer;  // null when the compiled file is absent
  std::unique_ptr<sitrep::Geocoder> geocoder;
  std::unique_ptr<sitrep::Extractor> extractor;
};

const Stages& TheStages() {
  static const Stages* s = [] {
    auto* out = new Stages;
    const std::string& dir = sitrep::DataDir();
    auto t = sitrep::TextAnalyzer::Load(dir);
    FUZZ_CHECK(t.ok());
    out->text = std::move(t).value();
    auto g = sitrep::Gazetteer::Open(dir + "/gazetteer/gazetteer.bin");
    if (g.ok()) {
      out->gazetteer = std::move(g).value();
      auto gc = sitrep::Geocoder::Create(out->gazetteer.get(), dir);
      FUZZ_CHECK(gc.ok());
      out->geocoder = std::move(gc).value();
    } else {
      std::fprintf(stderr, "claims_fuzz: no gazetteer (%s); fuzzing without places\n",
                   g.status().message().c_str());
    }
    auto e = sitrep::Extractor::Load(dir);
    FUZZ_CHECK(e.ok());
    out->extractor = std::move(e).value();
    return out;
  }();
  return *s;
}

void CheckClaim(std::string_view text, const sitrep::Claim& c) {
  FUZZ_CHECK(sitrep::fuzz::SpanIn(c.span, text.size()));
  FUZZ_CHECK(sitrep::fuzz::SpanIn(c.figure_span, text.size()));
  FUZZ_CHECK(c.quote == text.substr(c.span.begin, c.span.size()));
  FUZZ_CHECK(!std::isnan(c.value) && !std::isnan(c.low) && !std::isnan(c.high));
  FUZZ_CHECK(c.low <= c.high);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::optional<CivilDate> published = fuzz::TakePublished(&bytes);
  const Stages& st = TheStages();

  Article article;
  article.doc_id = "fuzz-1";
  article.source = "Fuzz Wire";
  article.lang = "en";
  article.published = published;
  article.text = RepairUtf8(bytes, nullptr);
  const std::string_view text = article.text;

  Doc doc = st.text->Analyze(text, published);
  std::vector<PlaceMention> places;
  if (st.geocoder) places = st.geocoder->Find(text, doc, article.lang);
  for (const PlaceMention& p : places) FUZZ_CHECK(fuzz::SpanIn(p.span, text.size()));

  DocAnalysis a = st.extractor->Extract(article, doc, places);
  FUZZ_CHECK(a.doc_id == article.doc_id);
  for (const Claim& c : a.claims) CheckClaim(text, c);
  for (const ActorMention& m : a.actors) FUZZ_CHECK(fuzz::SpanIn(m.span, text.size()));
  for (const EventMention& m : a.mentions) {
    FUZZ_CHECK(m.doc_id == article.doc_id);
    FUZZ_CHECK(fuzz::SpanIn(m.span, text.size()));
    FUZZ_CHECK(fuzz::SpanIn(m.trigger, text.size()));
    for (const Claim& c : m.claims) CheckClaim(text, c);
    for (const PlaceMention& p : m.places) FUZZ_CHECK(fuzz::SpanIn(p.span, text.size()));
    for (const ActorMention& am : m.actors) FUZZ_CHECK(fuzz::SpanIn(am.span, text.size()));
  }

  IncidentSet set = Resolve({a});
  for (const Incident& inc : set.incidents) {
    for (const std::string& d : inc.documents) FUZZ_CHECK(d == article.doc_id);
  }
  return 0;
}
