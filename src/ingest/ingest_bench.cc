// Throughput of reading JSON lines and of duplicate detection, on the shared GVC corpus
// (../shared/corpus/gvc-dev.jsonl beside the checkout; skipped when absent).
#include <benchmark/benchmark.h>

#include "base/data_dir.h"
#include "ingest/dedup.h"
#include "ingest/ingest.h"

namespace sitrep {
namespace {

const std::string& Corpus() {
  static const std::string data = [] {
    Result<std::string> r =
        ReadFile(std::string(SITREP_SOURCE_DIR) + "/../shared/corpus/gvc-dev.jsonl");
    return r.ok() ? *r : std::string();
  }();
  return data;
}

void BM_ReadJsonLines(benchmark::State& state) {
  if (Corpus().empty()) return state.SkipWithError("corpus not found");
  size_t n = 0;
  for (auto _ : state) {
    IngestResult r;
    ReadJsonLines("gvc-dev.jsonl", Corpus(), IngestOptions(), &r);
    n = r.articles.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_ReadJsonLines)->Unit(benchmark::kMillisecond);

void BM_MarkDuplicates(benchmark::State& state) {
  if (Corpus().empty()) return state.SkipWithError("corpus not found");
  IngestResult r;
  ReadJsonLines("gvc-dev.jsonl", Corpus(), IngestOptions(), &r);
  for (auto _ : state) {
    std::vector<Article> v = r.articles;
    benchmark::DoNotOptimize(MarkDuplicates(&v));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * r.articles.size()));
}
BENCHMARK(BM_MarkDuplicates)->Unit(benchmark::kMillisecond);

// The documents' text_hash: one text at a time against four side by side (same values).
void BM_TextHash(benchmark::State& state) {
  if (Corpus().empty()) return state.SkipWithError("corpus not found");
  IngestResult r;
  ReadJsonLines("gvc-dev.jsonl", Corpus(), IngestOptions(), &r);
  size_t bytes = 0;
  for (const Article& a : r.articles) bytes += a.text.size();
  for (auto _ : state) {
    uint64_t x = 0;
    for (const Article& a : r.articles) x ^= TextHash(a.text);
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TextHash)->Unit(benchmark::kMillisecond);

void BM_TextHashes(benchmark::State& state) {
  if (Corpus().empty()) return state.SkipWithError("corpus not found");
  IngestResult r;
  ReadJsonLines("gvc-dev.jsonl", Corpus(), IngestOptions(), &r);
  std::vector<std::string_view> texts;
  size_t bytes = 0;
  for (const Article& a : r.articles) {
    texts.push_back(a.text);
    bytes += a.text.size();
  }
  std::vector<uint64_t> out(texts.size());
  for (auto _ : state) {
    TextHashes(texts.data(), texts.size(), out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TextHashes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
