// Micro-benchmark of the geocoder alone: Geocoder::Find over a corpus of articles.
//
// The corpus is $SITREP_GEO_BENCH_CORPUS (JSON lines, see ingest/ingest.h), by default
// /work/shared/corpus/gvc-dev.jsonl; the gazetteer is <data dir>/gazetteer/gazetteer.bin.
// Reports documents per second ("docs/s") and mentions found per document.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "ingest/ingest.h"
#include "model/doc.h"

namespace sitrep {
namespace {

// Loaded once: the benchmark function runs several times and only Find() is measured.
struct Setup {
  std::vector<Article> articles;
  std::unique_ptr<Gazetteer> gaz;
  std::unique_ptr<Geocoder> geo;
  std::string error;
};

const Setup& GetSetup() {
  static const Setup* setup = [] {
    auto* s = new Setup;
    const char* env = std::getenv("SITREP_GEO_BENCH_CORPUS");
    const std::string corpus = env != nullptr ? env : "/work/shared/corpus/gvc-dev.jsonl";
    s->articles = ReadInputs({corpus}, IngestOptions{}).articles;
    if (s->articles.empty()) {
      s->error = "no articles in " + corpus;
      return s;
    }
    auto gaz = Gazetteer::Open(DataDir() + "/gazetteer/gazetteer.bin");
    if (!gaz.ok()) {
      s->error = gaz.status().ToString();
      return s;
    }
    s->gaz = std::move(gaz).value();
    auto geo = Geocoder::Create(s->gaz.get());
    if (!geo.ok()) {
      s->error = geo.status().ToString();
      return s;
    }
    s->geo = std::move(geo).value();
    return s;
  }();
  return *setup;
}

void BM_GeocoderFind(benchmark::State& state) {
  const Setup& setup = GetSetup();
  if (!setup.error.empty()) {
    state.SkipWithError(setup.error.c_str());
    return;
  }
  const Doc empty_doc;
  size_t docs = 0, mentions = 0, bytes = 0;
  for (auto _ : state) {
    for (const Article& a : setup.articles) {
      std::vector<PlaceMention> found = setup.geo->Find(a.text, empty_doc, a.lang);
      mentions += found.size();
      bytes += a.text.size();
      ++docs;
      benchmark::DoNotOptimize(found);
    }
  }
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["mentions/doc"] = static_cast<double>(mentions) / static_cast<double>(docs);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_GeocoderFind)->Unit(benchmark::kMillisecond);

// With $SITREP_GEO_BENCH_DUMP set, also writes every mention of the corpus to that file (one line
// each: doc_id, span, place, level, confidence) before benchmarking, to check that a faster
// geocoder gives byte-identical results.
[[maybe_unused]] const bool kDumped = [] {
  const char* path = std::getenv("SITREP_GEO_BENCH_DUMP");
  if (path == nullptr) return false;
  const Setup& setup = GetSetup();
  if (!setup.error.empty()) return false;
  std::FILE* f = std::fopen(path, "w");
  if (f == nullptr) return false;
  const Doc empty_doc;
  for (const Article& a : setup.articles) {
    for (const PlaceMention& m : setup.geo->Find(a.text, empty_doc, a.lang)) {
      std::fprintf(f, "%s\t%u\t%u\t%u\t%s\t%s\t%s\t%s\t%d\t%.9g\t%.9g\t%.9g\n", a.doc_id.c_str(),
                   m.span.begin, m.span.end, m.place.gazetteer_id, m.place.name.c_str(),
                   m.place.country.c_str(), m.place.admin1.c_str(), m.place.admin2.c_str(),
                   static_cast<int>(m.place.level), m.place.lat, m.place.lon,
                   static_cast<double>(m.confidence));
    }
  }
  std::fclose(f);
  return true;
}();

}  // namespace
}  // namespace sitrep
