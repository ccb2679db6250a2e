#include "pipeline/pipeline.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "base/data_dir.h"
#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "geo/match_key.h"
#include "resolve/place_names.h"
#include "resolve/resolve.h"
#include "text/text_analyzer.h"

namespace sitrep {
namespace {

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Stage times are summed across threads (CPU seconds per stage), so they stay meaningful when
// several threads run the stages at once.
struct AtomicTimes {
  std::atomic<int64_t> text_ns{0}, geo_ns{0}, extract_ns{0};
};

}  // namespace

struct Engine::Impl {
  EngineOptions options;
  std::unique_ptr<TextAnalyzer> text;
  std::unique_ptr<Gazetteer> gazetteer;  // may be null when no gazetteer was built
  std::unique_ptr<Geocoder> geocoder;
  std::unique_ptr<Extractor> extractor;
  ResolveOptions resolve_options;
  std::unique_ptr<PlaceNames> place_names;
  mutable AtomicTimes atimes;
  mutable StageTimes times;
  mutable std::mutex times_mu;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  // Place keys fold other scripts after geo/fold_rules.txt (DataDir's, as FoldName reads it).
  if (Status st = CheckFoldRules(); !st.ok()) return st;

  auto text = TextAnalyzer::Load(data_dir);
  if (!text.ok()) return text.status();
  impl->text = std::move(text).value();

  const std::string gaz_path = options.gazetteer_path.empty()
                                   ? data_dir + "/gazetteer/gazetteer.bin"
                                   : options.gazetteer_path;
  auto gaz = Gazetteer::Open(gaz_path);
  if (!gaz.ok()) {
    return Status(
        gaz.status().code(),
        gaz.status().message() + " (build it with scripts/fetch_data.sh or pass --gazetteer FILE)");
  }
  impl->gazetteer = std::move(gaz).value();
  auto geocoder = Geocoder::Create(impl->gazetteer.get(), data_dir);
  if (!geocoder.ok()) return geocoder.status();
  impl->geocoder = std::move(geocoder).value();

  auto extractor = Extractor::Load(data_dir);
  if (!extractor.ok()) return extractor.status();
  impl->extractor = std::move(extractor).value();

  auto policy = ParsePolicy(options.best_policy);
  if (!policy.ok()) return policy.status();
  impl->resolve_options.best_policy = options.best_policy;
  auto place_names = PlaceNames::Load(data_dir);
  if (!place_names.ok()) return place_names.status();
  impl->place_names = std::move(place_names).value();
  impl->resolve_options.place_names = impl->place_names.get();  // aliases made in resolution
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Doc Engine::AnalyzeText(const Article& article) const {
  return impl_->text->Analyze(article.text, article.published, article.lang);
}

DocAnalysis Engine::Analyze(const Article& article) const {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  // The text stage's lower-cased token keys go on to the geocoder and the extractor, whose
  // word scans take the plain words from them. Per thread: reused from article to article.
  thread_local TokenKeys keys;
  Doc doc = impl_->text->Analyze(article.text, article.published, article.lang, &keys);
  auto t1 = Clock::now();
  std::vector<PlaceMention> places = impl_->geocoder->Find(article.text, doc, &keys, article.lang);
  auto t2 = Clock::now();
  DocAnalysis analysis = impl_->extractor->Extract(article, doc, &keys, std::move(places));
  auto t3 = Clock::now();
  analysis.doc_id = article.doc_id;
  if (article.published) analysis.published = *article.published;
  analysis.copy_of = article.copy_of;
  // The text is gone by resolution: the incidents' place_aliases are made from these.
  analysis.place_spellings = CollectSpellings(article.text, analysis);
  auto ns = [](auto a, auto b) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(b - a).count();
  };
  impl_->atimes.text_ns += ns(t0, t1);
  impl_->atimes.geo_ns += ns(t1, t2);
  impl_->atimes.extract_ns += ns(t2, t3);
  return analysis;
}

std::vector<DocAnalysis> Engine::AnalyzeAll(const std::vector<Article>& articles,
                                            const ProgressFn& progress) const {
  std::vector<DocAnalysis> out(articles.size());
  int threads = impl_->options.threads > 0 ? impl_->options.threads
                                           : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  if (static_cast<size_t>(threads) > articles.size()) threads = static_cast<int>(articles.size());
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mu;
  auto work = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= articles.size()) break;
      const Article& a = articles[i];
      if (a.exact_duplicate) {
        // Identical text is not analysed twice: the copy only records what it copies.
        out[i].doc_id = a.doc_id;
        if (a.published) out[i].published = *a.published;
        out[i].copy_of = a.copy_of;
      } else {
        out[i] = Analyze(a);
      }
      size_t d = done.fetch_add(1) + 1;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        progress(d, articles.size());
      }
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  // An exact copy reports what its identical twin reports: give it the twin's analysis under its
  // own id, with every claim marked as not independent. The twin is found by text, not by
  // copy_of: copy_of names the copy group's root, which may be a near copy with other words (a
  // different headline), and its quotes would not stand in this article.
  std::unordered_map<std::string_view, size_t> analysed;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].exact_duplicate) {
      if (analysed.empty()) {
        for (size_t j = 0; j < articles.size(); ++j) {
          if (!articles[j].exact_duplicate) analysed.emplace(articles[j].text, j);
        }
      }
      break;
    }
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!articles[i].exact_duplicate) continue;
    auto it = analysed.find(articles[i].text);
    if (it == analysed.end()) continue;
    DocAnalysis copy = out[it->second];
    copy.doc_id = articles[i].doc_id;
    copy.copy_of = articles[i].copy_of;
    if (articles[i].published) copy.published = *articles[i].published;
    auto fix = [&](Claim& c) {
      c.doc_id = copy.doc_id;
      c.source = articles[i].source;
      c.independent = false;
      c.published = copy.published;
    };
    for (auto& c : copy.claims) fix(c);
    for (auto& m : copy.mentions) {
      m.doc_id = copy.doc_id;
      for (auto& c : m.claims) fix(c);
    }
    out[i] = std::move(copy);
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].copy_of.empty() || articles[i].exact_duplicate) continue;
    for (auto& c : out[i].claims) c.independent = false;
    for (auto& m : out[i].mentions)
      for (auto& c : m.claims) c.independent = false;
  }
  std::lock_guard<std::mutex> lock(impl_->times_mu);
  impl_->times.text_s = impl_->atimes.text_ns.load() / 1e9;
  impl_->times.geo_s = impl_->atimes.geo_ns.load() / 1e9;
  impl_->times.extract_s = impl_->atimes.extract_ns.load() / 1e9;
  return out;
}

Result<IncidentSet> Engine::Resolve(const std::vector<DocAnalysis>& analyses) const {
  auto t0 = std::chrono::steady_clock::now();
  // Through a batch, not sitrep::Resolve(): its error is the caller's to report.
  ResolveBatch batch(impl_->resolve_options);
  for (const DocAnalysis& d : analyses) batch.Add(d);
  Result<IncidentSet> set = std::move(batch).Finish();
  auto t1 = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(impl_->times_mu);
  impl_->times.resolve_s += Seconds(t0, t1);
  return set;
}

ResolveBatch Engine::StartResolve() const { return ResolveBatch(impl_->resolve_options); }

Result<IncidentSet> Engine::FinishResolve(ResolveBatch batch) const {
  auto t0 = std::chrono::steady_clock::now();
  Result<IncidentSet> set = std::move(batch).Finish();
  auto t1 = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(impl_->times_mu);
  impl_->times.resolve_s += Seconds(t0, t1);
  return set;
}

IncidentStream Engine::FinishResolveStream(ResolveBatch batch) const {
  auto t0 = std::chrono::steady_clock::now();
  IncidentStream stream = std::move(batch).FinishStream();
  auto t1 = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(impl_->times_mu);
  impl_->times.resolve_s += Seconds(t0, t1);
  return stream;
}

const StageTimes& Engine::times() const { return impl_->times; }

}  // namespace sitrep
