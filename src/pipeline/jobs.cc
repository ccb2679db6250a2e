#include "pipeline/jobs.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace sitrep {

namespace {

// Stores a chunk of `analyze`: the articles, and each analysis beside its own text only.
Status StoreChunk(const std::vector<Article>& articles, const std::vector<DocAnalysis>& analyses,
                  Store* store, std::vector<Status>* conflicts) {
  std::vector<bool> inserted;
  if (Status st = store->PutArticles(articles, &inserted, conflicts); !st.ok()) return st;
  std::vector<DocAnalysis> keep;
  for (size_t i = 0; i < analyses.size() && i < articles.size(); ++i) {
    if (inserted[i]) {
      keep.push_back(analyses[i]);
      continue;
    }
    Result<Article> stored = store->GetArticle(articles[i].doc_id);
    if (!stored.ok()) return stored.status();
    if (stored->text == articles[i].text) keep.push_back(analyses[i]);
  }
  return store->PutAnalyses(keep);
}

}  // namespace

Result<AnalyzeRun> AnalyzeArticles(const Engine& engine, std::vector<Article>* articles,
                                   Store* store, const ProgressFn& progress) {
  AnalyzeRun run;
  run.dedup = MarkDuplicates(articles);
  // Analysed in chunks, each analysis reduced to what resolution keeps (ResolveBatch) and freed
  // once stored.
  const size_t total = articles->size();
  ResolveBatch batch = engine.StartResolve();
  for (size_t begin = 0; begin < total; begin += kAnalyzeChunk) {
    const size_t end = std::min(total, begin + kAnalyzeChunk);
    const std::vector<Article> slice(articles->begin() + static_cast<std::ptrdiff_t>(begin),
                                     articles->begin() + static_cast<std::ptrdiff_t>(end));
    ProgressFn fn;
    if (progress) fn = [&](size_t done, size_t) { progress(begin + done, total); };
    const std::vector<DocAnalysis> part = engine.AnalyzeAll(slice, fn);
    if (store != nullptr) {
      if (Status st = StoreChunk(slice, part, store, &run.conflicts); !st.ok()) return st;
    }
    for (const DocAnalysis& a : part) batch.Add(a);
  }
  Result<IncidentSet> resolved = engine.FinishResolve(std::move(batch));
  if (!resolved.ok()) return resolved.status();
  run.incidents = std::move(resolved).value();
  return run;
}

Result<IngestRun> AddToStore(const Engine& engine, std::vector<Article> articles, Store* store,
                             const ProgressFn& progress) {
  IngestRun run;
  Result<std::vector<Article>> stored = store->LoadArticles();
  if (!stored.ok()) return stored.status();
  // Only which articles have an analysis: the analyses themselves are read once, to resolve.
  Result<std::vector<std::string>> analysed_ids = store->AnalyzedDocIds();
  if (!analysed_ids.ok()) return analysed_ids.status();

  // The grown collection: the stored articles, then each new doc_id once (its first text).
  std::vector<Article> all = std::move(stored).value();
  const size_t n_stored = all.size();
  run.stored_before = n_stored;
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < all.size(); ++i) index.emplace(all[i].doc_id, i);
  for (Article& a : articles) {
    auto it = index.find(a.doc_id);
    if (it == index.end()) {
      index.emplace(a.doc_id, all.size());
      run.added_ids.push_back(a.doc_id);
      all.push_back(std::move(a));
    } else if (all[it->second].text != a.text) {
      run.conflicts.push_back(
          AlreadyExists(a.origin + ": field 'doc_id': '" + a.doc_id +
                        "' is already stored with different text; kept the stored one"));
    }
  }
  run.added = all.size() - n_stored;
  run.stored_after = all.size();

  // Dedup over everything, so a new article can become the canonical copy of stored ones.
  std::vector<std::pair<std::string, bool>> before;
  before.reserve(n_stored);
  for (size_t i = 0; i < n_stored; ++i) before.emplace_back(all[i].copy_of, all[i].exact_duplicate);
  run.dedup = MarkDuplicates(&all);

  const std::set<std::string> analysed(analysed_ids->begin(), analysed_ids->end());
  std::vector<Article> fresh(
      std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(n_stored)),
      std::make_move_iterator(all.end()));
  std::vector<Article> changed_marks, to_analyse = fresh;
  for (size_t i = 0; i < n_stored; ++i) {
    const bool changed = before[i] != std::make_pair(all[i].copy_of, all[i].exact_duplicate);
    if (changed) changed_marks.push_back(all[i]);
    if (changed || analysed.count(all[i].doc_id) == 0) to_analyse.push_back(all[i]);
  }
  run.analysed = to_analyse.size();

  Status st = store->PutArticles(fresh, nullptr);
  if (st.ok()) st = store->UpdateDuplicateMarks(changed_marks);
  if (!st.ok()) return st;
  if (to_analyse.empty()) {
    // Nothing new and no mark changed: the stored incidents stand, unless a run stopped before
    // writing them (analyses stored, no incident), which this one finishes.
    Result<IncidentSet> kept = store->LoadIncidents();
    if (!kept.ok()) return kept.status();
    if (!kept->incidents.empty() || analysed.empty()) {
      run.incidents = std::move(kept).value();
      return run;
    }
  } else {
    st = store->PutAnalyses(engine.AnalyzeAll(to_analyse, progress));
    if (!st.ok()) return st;
  }
  Result<std::vector<DocAnalysis>> analyses = store->LoadAnalyses();
  if (!analyses.ok()) return analyses.status();
  Result<IncidentSet> set = engine.Resolve(*analyses);
  if (!set.ok()) return set.status();
  if (Status rs = store->ReplaceIncidents(*set); !rs.ok()) return rs;
  run.resolved = true;
  run.incidents = std::move(set).value();
  return run;
}

}  // namespace sitrep
