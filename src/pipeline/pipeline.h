// Engine: the whole pipeline, article in, incidents out. Owns the read-only resources every stage
// needs (lexicons, rule tables, the gazetteer), loaded once by Create().
//
// Thread safety: after Create(), every const method may be called from many threads at once.
// Determinism: the same articles give the same incidents whatever their order or the thread count.
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
  std::string data_dir;        // "" = default (see base/data_dir.h)
  std::string gazetteer_path;  // "" = <data_dir>/gazetteer/gazetteer.bin
  int threads = 0;             // 0 = hardware concurrency
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
  // recognisable gives an empty analysis.
  DocAnalysis Analyze(const Article& article) const;
  // Analyze() over many articles on `threads` threads; result[i] belongs to articles[i].
  std::vector<DocAnalysis> AnalyzeAll(const std::vector<Article>& articles,
                                      const ProgressFn& progress = nullptr) const;
  // Resolution and reconciliation over all analyses. Incidents' place_aliases come from the
  // spellings this engine recorded while analysing (Analyze()); an analysis made by another run
  // adds none of its own: for those, pass the texts (the overload below).
  IncidentSet Resolve(const std::vector<DocAnalysis>& analyses) const;
  // Resolve() over analyses kept by a store (possibly made by an earlier run or another
  // process), with the stored articles they were made from, matched by doc_id: each article's
  // place spellings are read again from its text under the analysis's place spans, so the
  // incidents keep the aliases an earlier batch wrote. An analysis without its article falls
  // back to the recorded spellings. The engine forgets what it recorded for the given articles
  // (their texts are persisted, so the spellings can be read again), which keeps a long-running
  // server's memory bounded. The incidents are those of Resolve(analyses) apart from
  // place_aliases.
  IncidentSet Resolve(const std::vector<DocAnalysis>& analyses,
                      const std::vector<Article>& articles) const;

  // Resolve() for corpora whose analyses do not fit in memory at once: Add() every analysis to
  // the batch this returns (the analysis may be freed right after; see resolve.h), then
  // FinishResolve(). The incidents are those of Resolve() over the same analyses.
  ResolveBatch StartResolve() const;
  IncidentSet FinishResolve(ResolveBatch batch) const;
  // FinishResolve() one incident at a time (resolve.h IncidentStream): the same incidents in the
  // same order, for runs too large to hold every incident's claims and reasons at once. The
  // resolve time counted in times() is that of building the stream.
  // Each incident's place_aliases are filled as it is handed out (from the spellings this engine
  // recorded), so no second copy of the incidents is kept.
  class Stream;
  Stream FinishResolveStream(ResolveBatch batch) const;

  const StageTimes& times() const;

  // Drops from an analysis what Resolve() does not read, so a whole corpus of analyses fits in
  // memory at resolution: the document-level actors and timexes, and the document-level claims
  // that are also attached to a mention (Resolve() only reads the unattached ones there).
  // Resolve() over compacted analyses gives the same incidents; the store and `explain` want the
  // full analysis, so compact only what is kept for resolution. Capacity is released.
  static void CompactForResolve(DocAnalysis* analysis);

  // What FinishResolveStream() returns: the IncidentStream (resolve.h) with place_aliases
  // filled. Valid while the engine lives; one thread at a time.
  class Stream {
   public:
    Stream(Stream&&) noexcept = default;
    Stream& operator=(Stream&&) noexcept = default;
    // Sets *out to the next incident (all fields overwritten); false at the end.
    bool Next(Incident* out);
    size_t size() const { return incidents_.size(); }

   private:
    friend class Engine;
    Stream(const Engine* engine, IncidentStream incidents)
        : engine_(engine), incidents_(std::move(incidents)) {}
    const Engine* engine_;
    IncidentStream incidents_;
  };

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_PIPELINE_H_
