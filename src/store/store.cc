#include "store/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "export/json_codec.h"
#include "ingest/dedup.h"
#include "resolve/place_names.h"

namespace sitrep {
namespace {

// documents has no text_hash column since schema version 3: it repeated what the text gives
// (hashing every text cost more than writing it), and a conflict compares the texts themselves.
// A database made before keeps the column and gets the hash written (Store::has_text_hash_).
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT NOT NULL, published TEXT,
  lang TEXT NOT NULL, text TEXT NOT NULL, copy_of TEXT,
  exact_duplicate INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (doc_id TEXT PRIMARY KEY, json TEXT NOT NULL);
)sql";
// The incidents table's columns: the table itself (kSchema) and the staging table a replace
// writes (ReplaceIncidentsFrom) are made from the same text, so the one renamed over the other is
// the same table.
constexpr const char* kIncidentColumns = R"sql( (
  id TEXT PRIMARY KEY, ord INTEGER NOT NULL, parent TEXT, date TEXT, date_end TEXT,
  country TEXT, admin1 TEXT, admin2 TEXT, place TEXT, lat REAL, lon REAL,
  geo_precision INTEGER, event_type TEXT, sub_event_type TEXT, perpetrator TEXT,
  killed_low REAL, killed_best REAL, killed_high REAL, injured_best REAL, json TEXT NOT NULL);
)sql";

// mentions and claims, the queryable copies of what the analyses hold, are views over the
// analyses' store form (json_codec.h) since schema version 3: as tables they cost an insert per
// row (most of what storing an analysis cost) for columns the analysis row already holds.
// incident_documents likewise reads the incidents' "documents" and "mentions" lists (as a
// table it cost two B-trees of rows per incident, staged, sorted and indexed at every replace;
// the view has no index on doc_id: a lookup by document reads every incident row). The
// columns are those of the tables databases made before keep (and still get rows written):
// defaults left out of the store form are put back, a mention's "date_of" is its timex's date,
// and a null low or high (an open range end) is -inf or +inf. A quote is the JSON string, where
// invalid UTF-8 is U+FFFD. The %NAME% placeholders are the model's default names (RowViewsSql).
constexpr const char* kRowViews = R"sql(
CREATE VIEW IF NOT EXISTS mentions AS SELECT a.doc_id AS doc_id, CAST(m.key AS INTEGER) AS idx,
  COALESCE(json_extract(m.value, '$.span[0]'), 0) AS begin,
  COALESCE(json_extract(m.value, '$.span[1]'), 0) AS end,
  json_extract(m.value, '$.event_type') AS event_type,
  json_extract(m.value, '$.sub_event_type') AS sub_event_type,
  CASE WHEN json_type(m.value, '$.date_of') IS NOT NULL
    THEN json_extract(a.json, '$.timexes[' || json_extract(m.value, '$.date_of') || '].date')
    ELSE json_extract(m.value, '$.date.date') END AS date,
  COALESCE(json_extract(m.value, '$.background'), 0) AS background,
  COALESCE(json_extract(m.value, '$.wave'), 0) AS wave
  FROM analyses AS a, json_each(a.json, '$.mentions') AS m;
CREATE VIEW IF NOT EXISTS claims AS SELECT a.doc_id AS doc_id, CAST(c.key AS INTEGER) AS idx,
  COALESCE(json_extract(c.value, '$.span[0]'), 0) AS begin,
  COALESCE(json_extract(c.value, '$.span[1]'), 0) AS end,
  COALESCE(json_extract(c.value, '$.field'), '%FIELD%') AS field,
  CAST(json_extract(c.value, '$.value') AS REAL) AS value,
  CASE json_type(c.value, '$.low') WHEN 'null' THEN -9e999
    ELSE CAST(COALESCE(json_extract(c.value, '$.low'), json_extract(c.value, '$.value')) AS REAL)
    END AS low,
  CASE json_type(c.value, '$.high') WHEN 'null' THEN 9e999
    ELSE CAST(COALESCE(json_extract(c.value, '$.high'), json_extract(c.value, '$.value')) AS REAL)
    END AS high,
  COALESCE(json_extract(c.value, '$.qualifier'), '%QUALIFIER%') AS qualifier,
  COALESCE(json_extract(c.value, '$.category'), '%CATEGORY%') AS category,
  json_extract(c.value, '$.attributed_to') AS attributed_to,
  COALESCE(json_extract(c.value, '$.quote'), '') AS quote
  FROM analyses AS a, json_each(a.json, '$.claims') AS c;
)sql";
// Made with the other views, and again by every replace of a version 3 database, which drops it
// while it swaps the incidents table (SQLite refuses to rename a table over a name a view reads).
constexpr const char* kIncidentDocumentsView = R"sql(
CREATE VIEW IF NOT EXISTS incident_documents AS
  SELECT DISTINCT i.id AS incident_id, d.value AS doc_id, 'document' AS role
  FROM incidents AS i, json_each(i.json, '$.documents') AS d
  UNION ALL SELECT DISTINCT i.id, m.value, 'mention'
  FROM incidents AS i, json_each(i.json, '$.mentions') AS m;
)sql";

// kRowViews with the names a reader assumes for a claim's left-out field, qualifier, category.
std::string RowViewsSql() {
  std::string sql = kRowViews;
  const Claim d;
  for (const auto& [key, name] :
       {std::pair<std::string, std::string>{"%FIELD%", FieldName(d.field)},
        {"%QUALIFIER%", QualifierName(d.qualifier)},
        {"%CATEGORY%", CategoryName(d.category)}}) {
    sql.replace(sql.find(key), key.size(), name);
  }
  return sql;
}

// The secondary indexes of the incident tables. A replace writes its rows into a staging table
// without them and builds them on it inside the swap (one sort per index instead of a B-tree
// descent per row at a random key).
constexpr const char* kIncidentIndexes = R"sql(
CREATE INDEX IF NOT EXISTS incidents_parent ON incidents(parent);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date);
)sql";
// The row tables of a database made before version 3 (one that has any of them gets all), and
// incident_documents' index (built again at each swap like the incidents' indexes). They are
// WITHOUT ROWID: the key's B-tree holds the row, so an insert writes one tree instead of a rowid
// table plus the key's index (a database made before that keeps its rowid tables; both read the
// same).
constexpr const char* kRowTables = R"sql(
CREATE TABLE IF NOT EXISTS mentions (
  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  event_type TEXT, sub_event_type TEXT, date TEXT, background INTEGER NOT NULL,
  wave INTEGER NOT NULL, PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claims (
  doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  field TEXT NOT NULL, value REAL, low REAL, high REAL, qualifier TEXT, category TEXT,
  attributed_to TEXT, quote TEXT, PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;
)sql";
constexpr const char* kIncidentDocumentsColumns = R"sql( (
  incident_id TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL,
  PRIMARY KEY (incident_id, doc_id, role)) WITHOUT ROWID;
)sql";
constexpr const char* kIncidentDocumentsIndex =
    "CREATE INDEX IF NOT EXISTS incident_documents_doc ON incident_documents(doc_id);";

// "CREATE TABLE IF NOT EXISTS name" with `columns` (one of the k*Columns above).
std::string CreateTableSql(const char* name, const char* columns) {
  return std::string("CREATE TABLE IF NOT EXISTS ") + name + columns;
}

// A replace's staging tables: it writes its rows there over bounded transactions (the write-ahead
// log then holds one batch, not the whole table, and is checkpointed between batches), and one
// short transaction at the end drops the live tables and renames these over them.
// kIncidentsPerTransaction bounds a batch: ~25 MB of rows at a few KB per incident.
constexpr const char* kIncidentsStaging = "incidents_staging";
constexpr const char* kIncidentDocumentsStaging = "incident_documents_staging";
constexpr int64_t kIncidentsPerTransaction = 8192;
constexpr const char* kDropStaging = R"sql(
DROP TABLE IF EXISTS incidents_staging;
DROP TABLE IF EXISTS incident_documents_staging;
)sql";
// The swap: the live tables out, the staging ones renamed in, their indexes built. A version 3
// database reads incident_documents through a view over incidents, which goes and comes back
// around the rename; an older one has a table staged like the incidents.
constexpr const char* kDropIncidentDocumentsView = "DROP VIEW IF EXISTS incident_documents;";
constexpr const char* kSwapIncidents = R"sql(
DROP TABLE incidents;
ALTER TABLE incidents_staging RENAME TO incidents;
)sql";
constexpr const char* kSwapIncidentDocuments = R"sql(
DROP TABLE incident_documents;
ALTER TABLE incident_documents_staging RENAME TO incident_documents;
)sql";

// A prepared statement that finalises itself. Bind indexes are 1-based, columns 0-based.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool prepared() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Binds without a copy: `s` must stay alive and unchanged until the next Reset().
  Stmt& BindStatic(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Bind() / BindStatic(), or NULL for an empty `s`.
  Stmt& BindOrNull(int i, std::string_view s) { return s.empty() ? BindNull(i) : Bind(i, s); }
  Stmt& BindStaticOrNull(int i, std::string_view s) {
    return s.empty() ? BindNull(i) : BindStatic(i, s);
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<double>& v) { return v ? Bind(i, *v) : BindNull(i); }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return rc_ = sqlite3_step(stmt_); }
  // Step() for a statement that returns no rows, then Reset(): the bindings are released, so
  // values bound with BindStatic need only live until Run() returns.
  int Run() {
    const int rc = Step();
    Reset();
    return rc;
  }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p),
                                      static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// CivilDate::ToIso() into `buf` without snprintf or a heap string ("" when invalid); a date
// outside the fixed-width form is ToIso() itself, kept in *spill.
std::string_view IsoDate(const CivilDate& d, char (&buf)[16], std::string* spill) {
  if (!d.valid()) return {};
  if (d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    *spill = d.ToIso();
    return *spill;
  }
  auto put = [&](size_t at, int v, int width) {
    for (int k = width - 1; k >= 0; --k, v /= 10) {
      buf[at + static_cast<size_t>(k)] = static_cast<char>('0' + v % 10);
    }
  };
  put(0, d.year, 4);
  if (d.month == 0) return std::string_view(buf, 4);
  buf[4] = '-';
  put(5, d.month, 2);
  if (d.day == 0) return std::string_view(buf, 7);
  buf[7] = '-';
  put(8, d.day, 2);
  return std::string_view(buf, 10);
}

// The text_hash column: TextHash() as 16 lower-case hex digits.
void HashHex(uint64_t h, char (&buf)[17]) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i, h >>= 4) buf[i] = kHex[h & 0xf];
  buf[16] = '\0';
}

// An exclusive advisory lock (flock) on the file "<database>-replace", held while a replace
// stages its rows: replaces of one database run one after the other (between its bounded
// transactions a replace holds no SQLite lock), and Open() tells the staging tables of a live
// replace (locked) from those a crash left behind (the kernel released the lock). The file stays
// beside the database like its -wal and -shm files.
// How long a writer waits for another (SQLite's busy handler, the replace lock).
constexpr int kBusyTimeoutMs = 10000;

class ReplaceLock {
 public:
  // Waits up to `wait_ms` for another replace (of any process) to end, then fails (IoError);
  // bounded like SQLite's own busy wait, so a server request does not hang behind a long
  // command-line replace.
  static Result<ReplaceLock> Acquire(const std::string& db_path, int wait_ms) {
    const std::string path = db_path + "-replace";
    ReplaceLock lock(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (lock.fd_ < 0) return IoError(path + ": cannot open: " + std::strerror(errno));
    constexpr int kPollMs = 20;
    for (int waited = 0;; waited += kPollMs) {
      if (::flock(lock.fd_, LOCK_EX | LOCK_NB) == 0) return lock;
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) return IoError(path + ": cannot lock: " + std::strerror(errno));
      if (waited >= wait_ms) return IoError(path + ": another replace is running");
      ::usleep(kPollMs * 1000);
    }
  }
  ReplaceLock(ReplaceLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  ReplaceLock(const ReplaceLock&) = delete;
  ReplaceLock& operator=(const ReplaceLock&) = delete;
  ReplaceLock& operator=(ReplaceLock&&) = delete;
  ~ReplaceLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }

 private:
  explicit ReplaceLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace

Status Store::Error(const std::string& what) const {
  const int code = sqlite3_errcode(db_);
  std::string msg = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
  switch (code) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Corruption(path_ + ": not a sitrep database (or damaged): " + sqlite3_errmsg(db_));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return IoError(path_ + ": " + what +
                     ": cannot write (read-only file or folder?): " + sqlite3_errmsg(db_));
    default:
      return IoError(msg);
  }
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return Error("query failed");
  }
  return Status::Ok();
}

Status Store::InTransaction(const std::function<Status()>& body) {
  SITREP_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status st = body();
  if (st.ok()) st = Exec("COMMIT");
  if (!st.ok()) {
    char* err = nullptr;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, &err);
    sqlite3_free(err);
  }
  return st;
}

namespace {

// "file:" URI of a path, percent-encoding what a URI path cannot hold as is.
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    } else {
      uri.push_back(static_cast<char>(c));
    }
  }
  return uri + "?" + query;
}

// Process-wide SQLite settings, applied once before the library's first use in this process
// (sqlite3_config() is refused after that, harmlessly: the defaults then stay). Memory statistics
// off: with them every allocation SQLite makes takes a global mutex to count itself, a lock per
// row written, for figures nothing here reads (sqlite3_memory_used()).
void ConfigureSqlite() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

// The schema version a database holds in meta, "" when it has none (a new file).
std::string StoredSchemaVersion(sqlite3* db) {
  Stmt version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version.prepared() || version.Step() != SQLITE_ROW) return "";
  return version.Text(0);
}

// Opens and reads the schema table; SQLITE_OK or the (primary) error code, message in *msg.
int OpenAndProbe(const std::string& name, int flags, sqlite3** db, std::string* msg) {
  *db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), db, flags, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(*db, kBusyTimeoutMs);
    sqlite3_stmt* probe = nullptr;
    rc = sqlite3_prepare_v2(*db, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(probe);
      if (rc == SQLITE_ROW) rc = SQLITE_OK;
    }
    sqlite3_finalize(probe);
    if (rc != SQLITE_OK) rc = sqlite3_extended_errcode(*db);
  }
  if (rc != SQLITE_OK) *msg = *db != nullptr ? sqlite3_errmsg(*db) : "out of memory";
  return rc;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool read_only) {
  std::error_code ec;
  if (read_only && !std::filesystem::exists(path, ec)) {
    return NotFound(path + ": no such database");
  }
  ConfigureSqlite();
  sqlite3* db = nullptr;
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  std::string msg;
  int rc = OpenAndProbe(path, flags, &db, &msg);
  if (read_only && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)) {
    // A WAL database in a folder we cannot write: reading needs the -shm file, which cannot be
    // created there. Open it as immutable instead (no locks, no -shm; the WAL is not read, and a
    // writer closing cleanly has checkpointed it into the database).
    sqlite3_close(db);
    rc = OpenAndProbe(FileUri(path, "immutable=1"), flags | SQLITE_OPEN_URI, &db, &msg);
  }
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    switch (rc & 0xff) {
      case SQLITE_NOTADB:
      case SQLITE_CORRUPT:  // a non-database file is reported now, not at the first write
        return Corruption(path + ": not a sitrep database (or damaged): " + msg);
      case SQLITE_READONLY:
      case SQLITE_CANTOPEN:
      case SQLITE_PERM:
        return IoError(path + ": cannot open database (read-only file or folder?): " + msg);
      default:
        return IoError(path + ": cannot open database: " + msg);
    }
  }
  std::unique_ptr<Store> store(new Store(db, path));
  if (!read_only && sqlite3_db_readonly(db, "main") == 1) {
    return IoError(path + ": cannot write the database (read-only file?)");
  }
  if (!read_only) {
    // A new database gets 32 KB pages: an article's text and its analysis (a few KB each) fit in
    // one page instead of a chain of overflow pages, a page holds ~8 rows (with 16 KB pages the
    // space left after ~4 rows was 12% of the documents' pages, all of it written twice through
    // the WAL), and a batch takes half the write calls. Measured on 20k simulated articles:
    // store cpu -10..-20%, and fewer Ir on small runs too (larger pages cost more per B-tree
    // split, which is why 64 KB was slower on s500). No effect on an existing file.
    SITREP_RETURN_IF_ERROR(store->Exec("PRAGMA page_size=32768"));
    // WAL needs the folder to be writable (it creates -wal and -shm files beside the database).
    SITREP_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
    SITREP_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL"));
    // Some SQLite builds (Debian's) default to secure_delete, which zero-fills every new and
    // every freed B-tree page: a second pass over each page written, and freed incident pages
    // rewritten at every replace. The store keeps nothing that must be scrubbed from free pages;
    // crash safety comes from the WAL and is not affected.
    SITREP_RETURN_IF_ERROR(store->Exec("PRAGMA secure_delete=OFF"));
    // A batch of tens of thousands of articles touches many index pages; with SQLite's 2 MB
    // default cache they spill into the WAL mid-transaction and are re-read, so a batch's cost
    // grew with the database. 64 MB keeps a batch's working set in memory.
    SITREP_RETURN_IF_ERROR(store->Exec("PRAGMA cache_size=-65536"));
  }
  // The tables, indexes and views, unless the database has this version's already: the DDL
  // (parsed and checked statement by statement) cost more than the rest of opening, and the
  // server's write endpoint opens the database at every request.
  std::string stored = StoredSchemaVersion(db);
  if (!read_only && stored != std::to_string(kStoreSchemaVersion)) {
    SITREP_RETURN_IF_ERROR(store->InTransaction([&]() -> Status {
      SITREP_RETURN_IF_ERROR(store->Exec(kSchema));
      SITREP_RETURN_IF_ERROR(store->Exec(CreateTableSql("incidents", kIncidentColumns).c_str()));
      SITREP_RETURN_IF_ERROR(store->Exec(kIncidentIndexes));
      // A database made before version 3 has mention, claim and incident-document tables: it
      // keeps them (and gets rows written).
      Stmt tables(db,
                  "SELECT count(*) FROM sqlite_master"
                  " WHERE type = 'table' AND name IN ('mentions', 'claims', 'incident_documents')");
      if (!tables.prepared() || tables.Step() != SQLITE_ROW) {
        return store->Error("cannot read the schema");
      }
      if (tables.Int(0) == 0) {
        SITREP_RETURN_IF_ERROR(store->Exec(RowViewsSql().c_str()));
        SITREP_RETURN_IF_ERROR(store->Exec(kIncidentDocumentsView));
      } else {
        SITREP_RETURN_IF_ERROR(store->Exec(kRowTables));
        SITREP_RETURN_IF_ERROR(
            store->Exec(CreateTableSql("incident_documents", kIncidentDocumentsColumns).c_str()));
        SITREP_RETURN_IF_ERROR(store->Exec(kIncidentDocumentsIndex));
      }
      Stmt put(db, "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)");
      put.Bind(1, std::to_string(kStoreSchemaVersion));
      if (put.Step() != SQLITE_DONE) return store->Error("cannot write schema");
      return Status::Ok();
    }));
    stored = StoredSchemaVersion(db);
  }
  if (stored.empty()) return Corruption(path + ": not a sitrep database (no schema version)");
  bool staged = false;  // the schema has a replace's staging tables
  int v = 0;
  for (int i = kOldestReadableSchemaVersion; i <= kStoreSchemaVersion; ++i) {
    if (stored == std::to_string(i)) v = i;
  }
  if (v == 0) {
    return Corruption(path + ": schema version " + stored + ", this sitrep reads " +
                      std::to_string(kOldestReadableSchemaVersion) + " to " +
                      std::to_string(kStoreSchemaVersion));
  }
  {
    Stmt column(db, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'text_hash'");
    if (!column.prepared()) return store->Error("cannot read the documents table's columns");
    const int rc = column.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      return store->Error("cannot read the documents table's columns");
    }
    store->has_text_hash_ = rc == SQLITE_ROW;
    Stmt rows(db,
              "SELECT sum(name = 'claims'), sum(name != 'claims') FROM sqlite_master"
              " WHERE type = 'table' AND name IN ('claims', 'incidents_staging',"
              " 'incident_documents_staging')");
    if (!rows.prepared() || rows.Step() != SQLITE_ROW) {
      return store->Error("cannot read the schema");
    }
    store->has_row_tables_ = rows.Int(0) != 0;
    staged = rows.Int(1) != 0;
  }
  if (staged && !read_only) {
    // Staging tables with no replace holding the lock: one was interrupted (a crash, a failed
    // clean-up). The live incidents were never touched; free the space. A live replace's
    // staging tables (lock held) are left to it.
    if (Result<ReplaceLock> lock = ReplaceLock::Acquire(path, /*wait_ms=*/0); lock.ok()) {
      SITREP_RETURN_IF_ERROR(store->Exec(kDropStaging));
    }
  }
  if (!read_only && v < kStoreSchemaVersion) {
    // The tables are the same; only the rows this build writes are newer (see store.h).
    Stmt bump(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
    bump.Bind(1, std::to_string(kStoreSchemaVersion));
    if (bump.Step() != SQLITE_DONE) return store->Error("cannot update the schema version");
  }
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::PutArticles(const std::vector<Article>& articles, std::vector<bool>* inserted,
                          std::vector<Status>* conflicts) {
  if (inserted != nullptr) inserted->assign(articles.size(), false);
  return InTransaction([&]() -> Status {
    // New articles are the common case: insert first and look at the stored row only when the
    // doc_id was there already (one B-tree descent per new article instead of two).
    Stmt put(db_,
             has_text_hash_
                 ? "INSERT OR IGNORE INTO documents(doc_id, source, url, published, lang, text,"
                   " copy_of, exact_duplicate, origin, text_hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
                 : "INSERT OR IGNORE INTO documents(doc_id, source, url, published, lang, text,"
                   " copy_of, exact_duplicate, origin) VALUES (?,?,?,?,?,?,?,?,?)");
    Stmt find(db_, "SELECT text FROM documents WHERE doc_id = ?");
    if (!find.prepared() || !put.prepared()) return Error("cannot prepare");
    // The texts' hashes, for a database made before schema version 3 (TextHashes overlaps four
    // texts' hash chains).
    std::vector<uint64_t> hashes;
    if (has_text_hash_) {
      std::vector<std::string_view> texts(articles.size());
      for (size_t i = 0; i < articles.size(); ++i) texts[i] = articles[i].text;
      hashes.resize(articles.size());
      TextHashes(texts.data(), texts.size(), hashes.data());
    }
    char hash_buf[17];
    char date_buf[16];
    std::string date_spill;
    for (size_t i = 0; i < articles.size(); ++i) {
      const Article& a = articles[i];
      const std::string_view published =
          a.published ? IsoDate(*a.published, date_buf, &date_spill) : std::string_view();
      put.BindStatic(1, a.doc_id).BindStatic(2, a.source).BindStatic(3, a.url);
      put.BindStaticOrNull(4, published).BindStatic(5, a.lang).BindStatic(6, a.text);
      put.BindStaticOrNull(7, a.copy_of);
      put.Bind(8, static_cast<int64_t>(a.exact_duplicate)).BindStatic(9, a.origin);
      if (has_text_hash_) {
        HashHex(hashes[i], hash_buf);
        put.BindStatic(10, std::string_view(hash_buf, 16));
      }
      if (put.Run() != SQLITE_DONE) return Error("cannot store article '" + a.doc_id + "'");
      if (sqlite3_changes(db_) > 0) {
        if (inserted != nullptr) (*inserted)[i] = true;
        continue;
      }
      find.BindStatic(1, a.doc_id);
      const int rc = find.Step();
      const bool same = rc == SQLITE_ROW && find.Text(0) == a.text;
      find.Reset();
      if (rc != SQLITE_ROW) return Error("cannot read documents");
      if (!same) {
        if (conflicts != nullptr) {
          conflicts->push_back(AlreadyExists(
              (a.origin.empty() ? a.doc_id : a.origin) + ": field 'doc_id': '" + a.doc_id +
              "' is already stored with different text; kept the stored one"));
        }
      }
    }
    return Status::Ok();
  });
}

Status Store::UpdateDuplicateMarks(const std::vector<Article>& articles) {
  return InTransaction([&]() -> Status {
    Stmt upd(db_, "UPDATE documents SET copy_of = ?, exact_duplicate = ? WHERE doc_id = ?");
    if (!upd.prepared()) return Error("cannot prepare");
    for (const Article& a : articles) {
      upd.Reset();
      upd.BindOrNull(1, a.copy_of)
          .Bind(2, static_cast<int64_t>(a.exact_duplicate))
          .Bind(3, a.doc_id);
      if (upd.Step() != SQLITE_DONE) return Error("cannot update article '" + a.doc_id + "'");
    }
    return Status::Ok();
  });
}

namespace {

constexpr const char* kArticleColumns =
    "SELECT doc_id, source, url, published, lang, text, copy_of, exact_duplicate, origin "
    "FROM documents";

Article ArticleFromRow(const Stmt& s) {
  Article a;
  a.doc_id = s.Text(0);
  a.source = s.Text(1);
  a.url = s.Text(2);
  a.published = CivilDate::FromIso(s.Text(3));
  a.lang = s.Text(4);
  a.text = s.Text(5);
  a.copy_of = s.Text(6);
  a.exact_duplicate = s.Int(7) != 0;
  a.origin = s.Text(8);
  return a;
}

}  // namespace

Result<std::vector<Article>> Store::LoadArticles() {
  Stmt s(db_, (std::string(kArticleColumns) + " ORDER BY doc_id").c_str());
  if (!s.prepared()) return Error("cannot prepare");
  std::vector<Article> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ArticleFromRow(s));
  if (rc != SQLITE_DONE) return Error("cannot read documents");
  return out;
}

Result<Article> Store::GetArticle(const std::string& doc_id) {
  Stmt s(db_, (std::string(kArticleColumns) + " WHERE doc_id = ?").c_str());
  if (!s.prepared()) return Error("cannot prepare");
  s.Bind(1, doc_id);
  const int rc = s.Step();
  if (rc == SQLITE_ROW) return ArticleFromRow(s);
  if (rc == SQLITE_DONE) return NotFound(path_ + ": no article '" + doc_id + "'");
  return Error("cannot read documents");
}

Result<size_t> Store::CountArticles() {
  Stmt s(db_, "SELECT count(*) FROM documents");
  if (!s.prepared() || s.Step() != SQLITE_ROW) return Error("cannot count documents");
  return static_cast<size_t>(s.Int(0));
}

Result<std::vector<std::string>> Store::AnalyzedDocIds() {
  Stmt s(db_, "SELECT doc_id FROM analyses ORDER BY doc_id");
  if (!s.prepared()) return Error("cannot list analyses");
  std::vector<std::string> ids;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) ids.push_back(s.Text(0));
  if (rc != SQLITE_DONE) return Error("cannot list analyses");
  return ids;
}

Status Store::PutAnalyses(const std::vector<DocAnalysis>& analyses) {
  return InTransaction([&]() -> Status {
    // A new analysis (the common case) has no mention or claim rows to delete: insert, and only
    // when the doc_id was there already update the JSON and delete the old rows.
    Stmt put(db_, "INSERT OR IGNORE INTO analyses(doc_id, json) VALUES (?, ?)");
    Stmt update(db_, "UPDATE analyses SET json = ? WHERE doc_id = ?");
    if (!put.prepared() || !update.prepared()) return Error("cannot prepare");
    // The mention and claim rows of a database made before version 3 (in a new one they are
    // views over the analysis rows).
    std::optional<Stmt> del_m, del_c, put_m, put_c;
    if (has_row_tables_) {
      del_m.emplace(db_, "DELETE FROM mentions WHERE doc_id = ?");
      del_c.emplace(db_, "DELETE FROM claims WHERE doc_id = ?");
      put_m.emplace(db_,
                    "INSERT INTO mentions(doc_id, idx, begin, end, event_type, sub_event_type,"
                    " date, background, wave) VALUES (?,?,?,?,?,?,?,?,?)");
      put_c.emplace(db_,
                    "INSERT INTO claims(doc_id, idx, begin, end, field, value, low, high,"
                    " qualifier, category, attributed_to, quote) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
      if (!del_m->prepared() || !del_c->prepared() || !put_m->prepared() || !put_c->prepared()) {
        return Error("cannot prepare");
      }
    }
    std::string json, date_spill;
    char date_buf[16];
    for (const DocAnalysis& a : analyses) {
      DocAnalysisToStoreText(a, &json);
      put.BindStatic(1, a.doc_id).BindStatic(2, json);
      if (put.Run() != SQLITE_DONE) return Error("cannot store analysis of '" + a.doc_id + "'");
      if (sqlite3_changes(db_) == 0) {
        update.BindStatic(1, json).BindStatic(2, a.doc_id);
        if (update.Run() != SQLITE_DONE) {
          return Error("cannot store analysis of '" + a.doc_id + "'");
        }
        if (!has_row_tables_) continue;
        for (Stmt* del : {&*del_m, &*del_c}) {
          del->BindStatic(1, a.doc_id);
          if (del->Run() != SQLITE_DONE) return Error("cannot replace analysis rows");
        }
      }
      if (!has_row_tables_) continue;  // the views read the analysis row
      for (size_t i = 0; i < a.mentions.size(); ++i) {
        const EventMention& m = a.mentions[i];
        const std::string_view date = IsoDate(m.date.date, date_buf, &date_spill);
        put_m->BindStatic(1, a.doc_id).Bind(2, static_cast<int64_t>(i));
        put_m->Bind(3, static_cast<int64_t>(m.span.begin))
            .Bind(4, static_cast<int64_t>(m.span.end));
        put_m->BindOrNull(5, m.event_type).BindOrNull(6, m.sub_event_type);
        put_m->BindOrNull(7, date);
        put_m->Bind(8, static_cast<int64_t>(m.background)).Bind(9, static_cast<int64_t>(m.wave));
        if (put_m->Run() != SQLITE_DONE) return Error("cannot store mention");
      }
      for (size_t i = 0; i < a.claims.size(); ++i) {
        const Claim& c = a.claims[i];
        put_c->BindStatic(1, a.doc_id).Bind(2, static_cast<int64_t>(i));
        put_c->Bind(3, static_cast<int64_t>(c.span.begin))
            .Bind(4, static_cast<int64_t>(c.span.end));
        put_c->BindStatic(5, FieldName(c.field));
        put_c->Bind(6, c.value).Bind(7, c.low).Bind(8, c.high);
        put_c->BindStatic(9, QualifierName(c.qualifier));
        put_c->BindStatic(10, CategoryName(c.category));
        put_c->BindOrNull(11, c.attributed_to).BindStatic(12, c.quote);
        if (put_c->Run() != SQLITE_DONE) return Error("cannot store claim");
      }
    }
    return Status::Ok();
  });
}

Result<std::vector<DocAnalysis>> Store::LoadAnalyses() {
  Stmt s(db_, "SELECT doc_id, json FROM analyses ORDER BY doc_id");
  if (!s.prepared()) return Error("cannot prepare");
  std::vector<DocAnalysis> out;
  std::vector<size_t> without_spellings;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    nlohmann::json j = nlohmann::json::parse(s.Text(1), nullptr, false);
    if (j.is_discarded()) return Corruption(path_ + ": analysis of '" + s.Text(0) + "': bad JSON");
    Result<DocAnalysis> a = DocAnalysisFromJson(j);
    if (!a.ok()) return Corruption(path_ + ": " + a.status().message());
    if (!j.contains("place_spellings")) without_spellings.push_back(out.size());
    out.push_back(std::move(a).value());
  }
  if (rc != SQLITE_DONE) return Error("cannot read analyses");
  if (!without_spellings.empty()) {
    // Written by a build that did not keep the place spellings on the analysis: read them again
    // from the stored text under the analysis's place spans (the text it was made from). An
    // analysis whose article is not stored keeps none.
    Stmt text(db_, "SELECT text FROM documents WHERE doc_id = ?");
    if (!text.prepared()) return Error("cannot prepare");
    for (size_t i : without_spellings) {
      DocAnalysis& a = out[i];
      text.BindStatic(1, a.doc_id);
      const int found = text.Step();
      if (found == SQLITE_ROW) {
        a.place_spellings = CollectSpellings(text.Text(0), a);  // resolve/place_names.h
      } else if (found != SQLITE_DONE) {
        return Error("cannot read documents");
      }
      text.Reset();
    }
  }
  return out;
}

Status Store::ReplaceIncidents(const IncidentSet& set) {
  size_t i = 0;
  return ReplaceIncidentsFrom([&](Incident* out) {
    if (i == set.incidents.size()) return false;
    *out = set.incidents[i++];
    return true;
  });
}

namespace {

// Writes incident rows into `table`, and, for a database made before version 3, their
// incident-document rows into `documents_table` (null for a newer one, where that is a view).
class IncidentRows {
 public:
  IncidentRows(sqlite3* db, const std::string& table, const char* documents_table)
      : put_(db, ("INSERT INTO " + table +
                  "(id, ord, parent, date, date_end, country, admin1, admin2, place, lat, lon,"
                  " geo_precision, event_type, sub_event_type, perpetrator, killed_low,"
                  " killed_best, killed_high, injured_best, json)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                     .c_str()) {
    if (documents_table != nullptr) {
      // OR IGNORE: an incident may list a document twice.
      put_d_.emplace(db, (std::string("INSERT OR IGNORE INTO ") + documents_table +
                          "(incident_id, doc_id, role) VALUES (?,?,?)")
                             .c_str());
    }
  }
  bool prepared() const { return put_.prepared() && (!put_d_ || put_d_->prepared()); }

  // SQLITE_DONE, or the code of the insert that failed.
  int Put(const Incident& inc, int64_t ord) {
    auto opt = [](const std::optional<Figure>& f, double Figure::*m) -> std::optional<double> {
      return f ? std::optional<double>((*f).*m) : std::nullopt;
    };
    // `inc`, `json_` and the date buffers outlive each Run(), so their text is bound without a
    // copy.
    IncidentToStoreText(inc, &json_);
    put_.BindStatic(1, inc.id).Bind(2, ord).BindStaticOrNull(3, inc.parent);
    put_.BindStaticOrNull(4, inc.date ? IsoDate(*inc.date, date_buf_, &date_spill_) : "");
    put_.BindStaticOrNull(
        5, inc.date_end ? IsoDate(*inc.date_end, date_end_buf_, &date_end_spill_) : "");
    put_.BindStaticOrNull(6, inc.country).BindStaticOrNull(7, inc.admin1);
    put_.BindStaticOrNull(8, inc.admin2).BindStaticOrNull(9, inc.place);
    put_.Bind(10, inc.lat).Bind(11, inc.lon);
    put_.Bind(12, static_cast<int64_t>(inc.geo_precision));
    put_.BindStaticOrNull(13, inc.event_type).BindStaticOrNull(14, inc.sub_event_type);
    put_.BindStaticOrNull(15, inc.perpetrator);
    put_.Bind(16, opt(inc.killed, &Figure::low)).Bind(17, opt(inc.killed, &Figure::best));
    put_.Bind(18, opt(inc.killed, &Figure::high)).Bind(19, opt(inc.injured, &Figure::best));
    put_.BindStatic(20, json_);
    if (const int rc = put_.Run(); rc != SQLITE_DONE || !put_d_) return rc;
    for (const auto& [list, role] :
         {std::pair{&inc.documents, "document"}, std::pair{&inc.mentions, "mention"}}) {
      for (const std::string& d : *list) {
        put_d_->BindStatic(1, inc.id).BindStatic(2, d).BindStatic(3, std::string_view(role));
        if (const int rc = put_d_->Run(); rc != SQLITE_DONE) return rc;
      }
    }
    return SQLITE_DONE;
  }

 private:
  Stmt put_;
  std::optional<Stmt> put_d_;
  std::string json_, date_spill_, date_end_spill_;
  char date_buf_[16], date_end_buf_[16];
};

// A replace of at most this many incidents is written straight into the live tables in one
// transaction: the staging table's DDL, the rename (SQLite re-reads the schema) and the index
// builds cost more than so few rows (on 500 articles, 154 incidents: 4M Ir, +0.6% of a run).
constexpr size_t kDirectIncidents = 1024;

}  // namespace

Status Store::ReplaceIncidentsFrom(const std::function<bool(Incident*)>& next,
                                   const std::function<Status()>& fed) {
  Result<ReplaceLock> lock = ReplaceLock::Acquire(path_, kBusyTimeoutMs);
  if (!lock.ok()) return lock.status();
  // The first incidents are gathered to tell a small replace from a large one.
  std::vector<Incident> head;
  for (Incident inc; head.size() <= kDirectIncidents && next(&inc);) head.push_back(std::move(inc));
  if (head.size() <= kDirectIncidents) {
    if (fed) SITREP_RETURN_IF_ERROR(fed());
    return InTransaction([&]() -> Status {
      SITREP_RETURN_IF_ERROR(Exec(has_row_tables_
                                      ? "DELETE FROM incidents; DELETE FROM incident_documents;"
                                      : "DELETE FROM incidents;"));
      IncidentRows rows(db_, "incidents", has_row_tables_ ? "incident_documents" : nullptr);
      if (!rows.prepared()) return Error("cannot prepare");
      for (size_t i = 0; i < head.size(); ++i) {
        if (rows.Put(head[i], static_cast<int64_t>(i)) != SQLITE_DONE) {
          return Error("cannot store incident '" + head[i].id + "'");
        }
      }
      return Status::Ok();
    });
  }
  size_t given = 0;
  Status st = StageIncidents(
      [&](Incident* inc) {
        if (given == head.size()) return next(inc);
        *inc = std::move(head[given++]);
        return true;
      },
      fed);
  if (st.ok()) {
    // The swap: one short transaction. Readers see the old tables until it commits, then the
    // new ones.
    st = InTransaction([&]() -> Status {
      if (!has_row_tables_) SITREP_RETURN_IF_ERROR(Exec(kDropIncidentDocumentsView));
      SITREP_RETURN_IF_ERROR(Exec(kSwapIncidents));
      SITREP_RETURN_IF_ERROR(Exec(kIncidentIndexes));
      if (!has_row_tables_) return Exec(kIncidentDocumentsView);
      SITREP_RETURN_IF_ERROR(Exec(kSwapIncidentDocuments));
      return Exec(kIncidentDocumentsIndex);
    });
  }
  if (!st.ok()) {
    // The live tables are untouched; drop what was staged (if this fails too, the next Open()
    // does it).
    if (sqlite3_get_autocommit(db_) == 0) {
      char* err = nullptr;
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, &err);
      sqlite3_free(err);
    }
    (void)Exec(kDropStaging);
  }
  return st;
}

Status Store::StageIncidents(const std::function<bool(Incident*)>& next,
                             const std::function<Status()>& fed) {
  SITREP_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  SITREP_RETURN_IF_ERROR(Exec(kDropStaging));
  SITREP_RETURN_IF_ERROR(Exec(CreateTableSql(kIncidentsStaging, kIncidentColumns).c_str()));
  // The incident_documents table of a database made before version 3 (in a new one it is a
  // view). Its rows are keyed by incident id, a hash: inserted as the incidents come, each
  // lands at a random place in a B-tree that outgrows the page cache on large runs. They are
  // appended to a temporary table instead (the connection's own, kept across the batches'
  // commits) and moved over sorted by key at the end (one sort, then appends at the tree's right
  // edge).
  if (has_row_tables_) {
    SITREP_RETURN_IF_ERROR(
        Exec(CreateTableSql(kIncidentDocumentsStaging, kIncidentDocumentsColumns).c_str()));
    SITREP_RETURN_IF_ERROR(
        Exec("DROP TABLE IF EXISTS temp.incident_documents_new;"
             " CREATE TEMP TABLE incident_documents_new(incident_id TEXT NOT NULL,"
             " doc_id TEXT NOT NULL, role TEXT NOT NULL);"));
  }
  IncidentRows rows(db_, kIncidentsStaging,
                    has_row_tables_ ? "temp.incident_documents_new" : nullptr);
  if (!rows.prepared()) return Error("cannot prepare");
  Incident inc;
  for (int64_t i = 0; next(&inc); ++i) {
    if (i > 0 && i % kIncidentsPerTransaction == 0) {
      SITREP_RETURN_IF_ERROR(Exec("COMMIT; BEGIN IMMEDIATE"));
    }
    if (rows.Put(inc, i) != SQLITE_DONE) return Error("cannot store incident '" + inc.id + "'");
  }
  if (fed) SITREP_RETURN_IF_ERROR(fed());
  if (has_row_tables_) {
    SITREP_RETURN_IF_ERROR(
        Exec("INSERT OR IGNORE INTO incident_documents_staging(incident_id, doc_id, role)"
             " SELECT incident_id, doc_id, role FROM temp.incident_documents_new"
             " ORDER BY incident_id, doc_id, role;"
             " DROP TABLE temp.incident_documents_new;"));
  }
  return Exec("COMMIT");
}

Result<IncidentSet> Store::LoadIncidents() {
  Stmt s(db_, "SELECT id, json FROM incidents ORDER BY ord");
  if (!s.prepared()) return Error("cannot prepare");
  IncidentSet set;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    nlohmann::json j = nlohmann::json::parse(s.Text(1), nullptr, false);
    if (j.is_discarded()) return Corruption(path_ + ": incident '" + s.Text(0) + "': bad JSON");
    Result<Incident> inc = IncidentFromJson(j);
    if (!inc.ok()) return Corruption(path_ + ": " + inc.status().message());
    set.incidents.push_back(std::move(inc).value());
  }
  if (rc != SQLITE_DONE) return Error("cannot read incidents");
  return set;
}

Result<Incident> Store::GetIncident(const std::string& id) {
  Stmt s(db_, "SELECT json FROM incidents WHERE id = ?");
  if (!s.prepared()) return Error("cannot prepare");
  s.Bind(1, id);
  const int rc = s.Step();
  if (rc == SQLITE_DONE) return NotFound(path_ + ": no incident '" + id + "'");
  if (rc != SQLITE_ROW) return Error("cannot read incidents");
  nlohmann::json j = nlohmann::json::parse(s.Text(0), nullptr, false);
  if (j.is_discarded()) return Corruption(path_ + ": incident '" + id + "': bad JSON");
  Result<Incident> inc = IncidentFromJson(j);
  if (!inc.ok()) return Corruption(path_ + ": " + inc.status().message());
  return inc;
}

}  // namespace sitrep
