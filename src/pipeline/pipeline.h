// Engine: the whole pipeline, article in, incidents out. Owns the read-only resources every stage
// needs (lexicons, rule tables, the gazetteer), loaded once by Create().
//
// Thread safety: after Create(), every const method may be called from many threads at once.
// Determinism: the same articles give the same incidents whatever their order or the thread count.
// Purity: resolution reads nothing but the analyses it is given (place spellings included, see
// DocAnalysis::place_spellings), never state left by earlier calls, so analyses made by another
// run or process resolve exactly as those made here.
#ifndef SITREP_PIPELINE_PIPELINE_H_
#define SITREP_PIPELINE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/doc.h"
#include "model/event.h"
#include "model/incident.h"
#include "resolve/resolve.h"

namespace sitrep {

struct EngineOptions {
  std::string data_dir;                 // "" = default (see base/data_dir.h)
  std::string gazetteer_path;           // "" = <data_dir>/gazetteer/gazetteer.bin
  int threads = 0;                      // 0 = hardware concurrency
  std::string best_policy = "default";  // see resolve/reconcile.h
};

// Called with (done, total) from one thread at a time.
using ProgressFn = std::function<void(size_t done, size_t total)>;

struct StageTimes {
  double text_s = 0, geo_s = 0, extract_s = 0, resolve_s = 0;
};

class Engine {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();

  // Text analysis alone (sentences, tokens, numbers, dates).
  Doc AnalyzeText(const Article& article) const;
  // Everything up to extraction for one article. Never fails: a document with nothing
  // recognisable gives an empty analysis. The analysis carries how the text spelled its event
  // places (DocAnalysis::place_spellings), so resolution needs no text and no engine state.
  DocAnalysis Analyze(const Article& article) const;
  // Analyze() over many articles on `threads` threads; result[i] belongs to articles[i].
  std::vector<DocAnalysis> AnalyzeAll(const std::vector<Article>& articles,
                                      const ProgressFn& progress = nullptr) const;
  // Resolution and reconciliation over all analyses, with the incidents' place_aliases made
  // from the analyses' place_spellings (resolve/place_names.h). Pure: the same analyses give the
  // same incidents whichever engine (or process) made them. An error only when resolution's
  // scratch file cannot be read back (resolve.h IncidentStream).
  [[nodiscard]] Result<IncidentSet> Resolve(const std::vector<DocAnalysis>& analyses) const;

  // Resolve() for corpora whose analyses do not fit in memory at once: Add() every analysis to
  // the batch this returns (the analysis may be freed right after: the batch keeps what it
  // needs, place spellings included; see resolve.h), then FinishResolve(). The incidents are
  // those of Resolve() over the same analyses.
  ResolveBatch StartResolve() const;
  [[nodiscard]] Result<IncidentSet> FinishResolve(ResolveBatch batch) const;
  // FinishResolve() one incident at a time (resolve.h IncidentStream), for runs too large to hold
  // every incident's claims and reasons at once: the same incidents, place_aliases included, in
  // the same order. The stream reads the engine's alias tables: use it while the engine lives.
  // The resolve time counted in times() is that of building the stream. Check the stream's
  // status() once Next() returns false.
  [[nodiscard]] IncidentStream FinishResolveStream(ResolveBatch batch) const;

  const StageTimes& times() const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_PIPELINE_H_
