// Store: the SQLite database that keeps articles, their analyses and the resolved incidents.
//
// Schema (version in meta.schema_version, see store.cc for the DDL):
//   documents(doc_id PK, source, url, published, lang, text, copy_of, exact_duplicate, origin)
//             (a database made before version 3 also has text_hash, TextHash() of the text in
//             hex, and keeps getting it written)
//   analyses(doc_id PK, json)                  the full DocAnalysis, so incidents can be
//                                              re-resolved without re-reading any text
//   mentions(doc_id, idx, begin, end, event_type, sub_event_type, date, background, wave)
//   claims(doc_id, idx, begin, end, field, value, low, high, qualifier, category,
//          attributed_to, quote)               queryable copies of what the analyses hold:
//                                              views over analyses.json since version 3
//                                              (tables, still written, in older databases)
//   incidents(id PK, ord, parent, date, date_end, country, admin1, admin2, place, lat, lon,
//             geo_precision, event_type, sub_event_type, perpetrator, killed_low, killed_best,
//             killed_high, injured_best, json)  json = the incident's store form
//                                              (json_codec.h IncidentToStoreText: claims do not
//                                              repeat the previous claim's document, outlet and
//                                              date); rows of earlier builds hold the full
//                                              sitrep-incidents/1 form, and both read the same
//   incident_documents(incident_id, doc_id, role)  role 'document' or 'mention': a view over
//                                              incidents.json since version 3 (no index on
//                                              doc_id); a table in older databases
//   meta(key PK, value)
//
// The database runs in WAL mode with a busy timeout, so readers (the server, `export`) are not
// blocked by a writer. Every write method lands completely or not at all: one transaction, except
// a replace of the incidents (see ReplaceIncidentsFrom), which stages its rows over several and
// swaps them in with one.
//
// Errors: IoError when the file cannot be opened or written (read-only file or folder, disk
// full), Corruption when the file is not a sitrep database or has another schema version,
// NotFound for a missing id, AlreadyExists for a doc_id stored with different text.
//
// Thread safety: a Store is one connection; use it from one thread at a time (open one Store
// per thread to share a database file).
#ifndef SITREP_STORE_STORE_H_
#define SITREP_STORE_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/event.h"
#include "model/incident.h"

struct sqlite3;

namespace sitrep {

// Version 2: analyses and incident rows may be in their compact store forms (json_codec.h),
// which builds of version 1 cannot decode. Version 3: documents may lack the text_hash column,
// and mentions and claims may be views, which builds of version 2 insert into. This build reads
// versions 1 to 3; opening an older database for writing marks it version 3 (rows written from then
// on may be compact), so an older build then refuses it with a clear "schema version" error instead
// of failing on a row.
inline constexpr int kStoreSchemaVersion = 3;
inline constexpr int kOldestReadableSchemaVersion = 1;

class Store {
 public:
  // Creates the file and schema unless read_only. A read-only open of a missing file is NotFound.
  // A database that already holds this version's schema_version is taken as it is (no DDL is
  // run); a new or older one gets the tables, indexes and views it lacks. Opening for writing
  // drops the staging tables an interrupted replace left (not those of a replace running now).
  [[nodiscard]] static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                                           bool read_only = false);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds articles not stored yet. (*inserted)[i] tells whether articles[i] was new. An article
  // whose doc_id is stored with the same text changes nothing; with different text it is not
  // stored and an AlreadyExists status is appended to *conflicts (if given). Exact-duplicate
  // marks and copy_of are written as given.
  Status PutArticles(const std::vector<Article>& articles, std::vector<bool>* inserted,
                     std::vector<Status>* conflicts = nullptr);
  // Rewrites copy_of / exact_duplicate of stored articles (after dedup over the grown set).
  Status UpdateDuplicateMarks(const std::vector<Article>& articles);
  Result<std::vector<Article>> LoadArticles();  // ordered by doc_id
  Result<Article> GetArticle(const std::string& doc_id);
  Result<size_t> CountArticles();

  // Inserts or replaces the analyses (and their mention and claim rows) by doc_id.
  Status PutAnalyses(const std::vector<DocAnalysis>& analyses);
  // Ordered by doc_id. An analysis stored by a build that did not keep place_spellings on the
  // analysis gets them read again from its stored article's text (resolve/place_names.h
  // CollectSpellings), so re-resolution gives the aliases an earlier batch wrote; without its
  // article it has none. An analysis stored before place mentions carried via_county reads
  // with the flag false (json_codec.h): its towns named only through their county count as named
  // towns until it is analysed again.
  Result<std::vector<DocAnalysis>> LoadAnalyses();
  // The doc_ids that have an analysis, ordered: what LoadAnalyses() would return the ids of,
  // without reading the analyses.
  Result<std::vector<std::string>> AnalyzedDocIds();

  // Replaces every stored incident with `set` (order kept): ReplaceIncidentsFrom() over it.
  Status ReplaceIncidents(const IncidentSet& set);
  Result<IncidentSet> LoadIncidents();
  Result<Incident> GetIncident(const std::string& id);

  const std::string& path() const { return path_; }

 private:
  Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql);
  Status Error(const std::string& what) const;
  Status InTransaction(const std::function<Status()>& body);
  // ReplaceIncidentsFrom's first part: the rows into the staging tables, committed.
  Status StageIncidents(const std::function<bool(Incident*)>& next,
                        const std::function<Status()>& fed);

  sqlite3* db_;
  std::string path_;
  bool has_text_hash_ = false;   // documents has the text_hash column (made before version 3)
  bool has_row_tables_ = false;  // mentions and claims are tables (made before version 3)
 public:
  // ReplaceIncidents() fed one incident at a time, for result sets too large to hold at once:
  // `next` fills *inc and returns true, or returns false when there are no more. Every stored
  // incident is replaced by those given, in the order given. Up to 1 024 incidents are held and
  // written straight into the live tables in one transaction; past that, memory stays at one
  // incident and the rows go into staging tables over transactions of a few thousand incidents each
  // (so the write-ahead log stays at one batch, checkpointed between batches, instead of growing to
  // the whole table), then one final transaction drops the live tables, renames the staging ones
  // over them and builds their indexes (a sort per index instead of a descent per row; at a million
  // incidents this takes seconds, and it holds the write lock meanwhile). Readers see
  // the old incidents until that commits, then the new, never a mix; on any error, or a crash,
  // the old incidents stay as they were (the staging tables are dropped on error, or by the next
  // Open() after a crash). Replaces of one database run one at a time: a second one (another
  // Store, another process) waits for the first, through a lock on the file "<path>-replace", for
  // at most SQLite's busy timeout (10 s), then fails with IoError "another replace is running".
  // The file holds the old and new incidents at once while a replace runs. In a database made
  // before version 3 the incident-document rows are staged in a temporary table and moved over
  // sorted by key, so large runs do not insert them at random places. `fed`, when given, is asked
  // once `next` returns false whether the feed ended cleanly (an IncidentStream's status()): its
  // error abandons the replacement and is returned, so an incomplete feed is never stored.
  // Errors: IoError (as the other write methods, or the lock file cannot be opened), or `fed`'s.
  Status ReplaceIncidentsFrom(const std::function<bool(Incident*)>& next,
                              const std::function<Status()>& fed = nullptr);
};

}  // namespace sitrep

#endif  // SITREP_STORE_STORE_H_
