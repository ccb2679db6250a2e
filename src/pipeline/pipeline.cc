#include "pipeline/pipeline.h"

// Placeholder wiring: stages are connected here as they land.

namespace sitrep {

struct Engine::Impl {
  EngineOptions options;
  StageTimes times;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Doc Engine::AnalyzeText(const Article&) const { return Doc(); }

DocAnalysis Engine::Analyze(const Article& article) const {
  DocAnalysis a;
  a.doc_id = article.doc_id;
  if (article.published) a.published = *article.published;
  a.copy_of = article.copy_of;
  return a;
}

std::vector<DocAnalysis> Engine::AnalyzeAll(const std::vector<Article>& articles,
                                            const ProgressFn& progress) const {
  std::vector<DocAnalysis> out;
  out.reserve(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    out.push_back(Analyze(articles[i]));
    if (progress) progress(i + 1, articles.size());
  }
  return out;
}

IncidentSet Engine::Resolve(const std::vector<DocAnalysis>&) const { return IncidentSet(); }

const StageTimes& Engine::times() const { return impl_->times; }

}  // namespace sitrep
