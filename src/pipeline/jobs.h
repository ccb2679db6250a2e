// The whole jobs a user runs, as library calls: `sitrep analyze` (a corpus in, incidents out, an
// optional store written) and `sitrep ingest` / the server's POST /api/articles (articles added
// to a store, its incidents made again). The CLI and the server only read their inputs, call
// these and print; the rules of what is stored, analysed again and resolved live here, once.
//
// Thread safety: each call uses the engine's const methods (its threads) and the store it is
// given, which must not be used by another thread during the call.
// Errors: a store that cannot be read or written, or resolution's scratch file that cannot be read
// back, gives the error; nothing is half written that the store's own transactions would not
// undo (store.h). Conflicting doc_ids are not errors: they are reported and the stored text kept.
#ifndef SITREP_PIPELINE_JOBS_H_
#define SITREP_PIPELINE_JOBS_H_

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "ingest/dedup.h"
#include "model/article.h"
#include "model/doc.h"
#include "model/incident.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace sitrep {

// Articles analysed at once before their analyses are reduced to what resolution keeps: bounds
// the memory of a run that does not store full analyses.
inline constexpr size_t kAnalyzeChunk = 5000;

struct AnalyzeRun {
  DedupStats dedup;
  IncidentSet incidents;
  std::vector<Status> conflicts;  // doc_ids the store holds with other text (the stored one kept)
};

// `analyze`: marks duplicates among *articles (copy_of, exact_duplicate), analyses them in
// chunks of kAnalyzeChunk and resolves them. With a `store`, each chunk's articles and analyses
// are stored as soon as the chunk is analysed, so full analyses never pile up in memory: an
// article whose doc_id the store holds with other text keeps the stored text (a conflict in
// the result) and its analysis is not stored. The stored incidents are left to the caller
// (Store::ReplaceIncidents with the result's), who may write its output first. `progress` sees
// (done, total) over all articles.
[[nodiscard]] Result<AnalyzeRun> AnalyzeArticles(const Engine& engine,
                                                 std::vector<Article>* articles, Store* store,
                                                 const ProgressFn& progress = nullptr);

struct IngestRun {
  size_t stored_before = 0;  // articles in the store before the call
  size_t added = 0;          // new articles stored (in the order given: added_ids)
  size_t analysed = 0;       // analyses made: the new articles and stored ones that needed one
  size_t stored_after = 0;
  bool resolved = false;  // false: nothing changed, the stored incidents were kept
  std::vector<std::string> added_ids;
  std::vector<Status> conflicts;  // doc_ids given again with other text; the first text kept
  DedupStats dedup;               // over the whole grown collection
  IncidentSet incidents;          // the store's incidents after the call
};

// `ingest`: adds `articles` to the store and makes its incidents again from every stored
// analysis. Duplicates are marked over the whole grown collection, so a new article can become
// the canonical copy of stored ones: stored articles whose marks change are analysed again, as
// are stored articles without an analysis. A doc_id given twice (in the call or already stored)
// keeps its first text. When nothing is added and no mark changes, the stored incidents are
// kept and loaded, not made again (unless there are none beside stored analyses: a run that
// stopped before writing them, which this call finishes).
[[nodiscard]] Result<IngestRun> AddToStore(const Engine& engine, std::vector<Article> articles,
                                           Store* store, const ProgressFn& progress = nullptr);

}  // namespace sitrep

#endif  // SITREP_PIPELINE_JOBS_H_
