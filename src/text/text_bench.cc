// Micro-benchmark of the text stage: TextAnalyzer::Analyze on a synthetic ~3 KB news text.
#include <benchmark/benchmark.h>

#include <string>

#include "base/data_dir.h"
#include "text/text_analyzer.h"

namespace sitrep {
namespace {

std::string SyntheticArticle() {
  static const char* kSentences[] = {
      "Gunmen attacked a police checkpoint on the outskirts of the city early on Monday, "
      "officials said.",
      "At least 12 people were killed and more than 20 were wounded, according to a spokesman.",
      "Dr. Ahmed Khan, who heads the district hospital, said nearly 40 patients had been brought "
      "in.",
      "\"We are doing everything we can,\" he said.",
      "The attack came a day after dozens of protesters gathered outside the U.S. consulate.",
      "In May, a similar assault left twenty-three soldiers dead in the same district.",
      "Security forces launched a search operation and arrested 1,200 suspects over the past 24 "
      "hours.",
      "No group immediately claimed responsibility for the violence on Saturday (Jan 31).",
      "Between 10 and 12 vehicles were set ablaze on the highway, police said.",
  };
  std::string text;
  size_t k = 0;
  while (text.size() < 3000) {
    text += kSentences[k % (sizeof(kSentences) / sizeof(kSentences[0]))];
    text += (k % 4 == 3) ? "\n" : " ";
    ++k;
  }
  return text;
}

// Times Analyze() on `text`, reporting bytes and quantities found per call.
void AnalyzeLoop(benchmark::State& state, const TextAnalyzer& ta, const std::string& text) {
  size_t items = 0;
  for (auto _ : state) {
    Doc doc = ta.Analyze(text, CivilDate{2024, 8, 26});
    items += doc.quantities.size();
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["quantities"] =
      static_cast<double>(items) / static_cast<double>(state.iterations());
}

void BM_TextAnalyze(benchmark::State& state) {
  auto r = TextAnalyzer::Load(DataDir());
  if (!r.ok()) {
    state.SkipWithError(r.status().ToString().c_str());
    return;
  }
  const TextAnalyzer& ta = **r;
  std::string text = SyntheticArticle();
  AnalyzeLoop(state, ta, text);
}
BENCHMARK(BM_TextAnalyze);

// The same text with a word that is a number only in another language ("once" is Spanish 11),
// so the article's language is detected once per Analyze() (quantity.h), and the cost of the
// other languages' dates and number words on a Hindi text of the same size.
void BM_TextAnalyzeLanguage(benchmark::State& state) {
  auto r = TextAnalyzer::Load(DataDir());
  if (!r.ok()) {
    state.SkipWithError(r.status().ToString().c_str());
    return;
  }
  const TextAnalyzer& ta = **r;
  std::string text;
  if (state.range(0) == 0) {
    text = "The UN said the town had once been calm. " + SyntheticArticle();
  } else {
    while (text.size() < 3000) {
      text += "पुलिस के अनुसार 22 मार्च 2024 को हुए हमले में तीन लोगों की मौत हो गई और बारह घायल हुए। ";
      text += "शुक्रवार को एक और धमाका हुआ।\n";
    }
  }
  AnalyzeLoop(state, ta, text);
}
BENCHMARK(BM_TextAnalyzeLanguage)->Arg(0)->Arg(1);

}  // namespace
}  // namespace sitrep
