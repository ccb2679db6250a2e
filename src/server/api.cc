#include "server/api.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "export/export.h"
#include "export/json_codec.h"
#include "ingest/ingest.h"
#include "pipeline/jobs.h"
#include "server/query.h"
#include "server/static_files.h"
#include "store/store.h"

namespace sitrep {
namespace {

constexpr size_t kDefaultLimit = 100;

// ---------- JSON helpers ----------

std::string Dump(const OrderedJson& j) {
  // Replace rather than throw on invalid UTF-8 (article bytes are repaired, but be safe).
  std::string s = j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
  s.push_back('\n');
  return s;
}

HttpResponse JsonOk(const OrderedJson& j) {
  HttpResponse r;
  r.body = Dump(j);
  return r;
}

OrderedJson StrOrNull(const std::string& s) { return JsonStringOrNull(s); }

// The list form of an incident: scalars and counts, no claims.
OrderedJson Summary(const Incident& inc, size_t n_children) {
  OrderedJson j = IncidentScalarsToJson(inc);
  j["n_documents"] = inc.documents.size();
  j["n_mentions"] = inc.mentions.size();
  j["n_claims"] = inc.claims.size();
  j["n_children"] = n_children;
  return j;
}

std::string FormatNumber(double v) { return JsonNumber(v).dump(); }

// Whether `word` stands in `text` as a whole token (not inside a longer number or name).
bool HasToken(std::string_view text, std::string_view word) {
  auto is_word = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
           c == '_' || c == '-';
  };
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool left = at == 0 || !is_word(text[at - 1]);
    // A trailing '.' ends a sentence, not a number.
    const bool right = end == text.size() || !is_word(text[end]) ||
                       (text[end] == '.' && (end + 1 == text.size() || !is_word(text[end + 1])));
    if (left && right) return true;
  }
  return false;
}

// Which claims take part in the incident's recorded contradictions. The resolver describes
// each one as text naming the documents and their figures ("doc-b says 35, doc-a says 10",
// optionally "(category)"); a claim is marked when a description of its field names its
// document and its value (and its category, when one is named). When no description names
// any document, the resolver's own rule is applied instead: comparable claims (independent,
// whole-incident, not vague, same field and category) from different documents whose
// intervals are disjoint.
std::vector<bool> ContradictedClaims(const Incident& inc) {
  std::vector<bool> out(inc.claims.size(), false);
  if (inc.contradictions.empty()) return out;
  for (size_t i = 0; i < inc.claims.size(); ++i) {
    const Claim& a = inc.claims[i];
    const std::string field = FieldName(a.field);
    const std::string category = CategoryName(a.category);
    for (const Contradiction& con : inc.contradictions) {
      if (con.field != field || a.doc_id.empty() || !HasToken(con.description, a.doc_id)) {
        continue;
      }
      bool names_category = false, same_category = false;
      for (const char* cat : {"unknown", "civilians", "security_forces", "militants"}) {
        if (con.description.find(std::string("(") + cat + ")") != std::string::npos) {
          names_category = true;
          same_category = same_category || category == cat;
        }
      }
      if (names_category && !same_category) continue;
      if (HasToken(con.description, FormatNumber(a.value))) {
        out[i] = true;
        break;
      }
    }
  }
  bool any_named = false;
  for (const Contradiction& con : inc.contradictions) {
    for (const Claim& c : inc.claims) {
      any_named = any_named || (!c.doc_id.empty() && HasToken(con.description, c.doc_id));
    }
  }
  if (any_named) return out;
  auto comparable = [](const Claim& c) {
    return c.independent && c.scope == Scope::kIncident && c.qualifier != Qualifier::kVague;
  };
  auto field_contradicted = [&inc](Field f) {
    for (const Contradiction& con : inc.contradictions) {
      if (con.field == FieldName(f)) return true;
    }
    return false;
  };
  for (size_t i = 0; i < inc.claims.size(); ++i) {
    const Claim& a = inc.claims[i];
    if (!comparable(a) || !field_contradicted(a.field)) continue;
    for (size_t k = 0; k < inc.claims.size() && !out[i]; ++k) {
      const Claim& b = inc.claims[k];
      if (k == i || b.doc_id == a.doc_id || b.field != a.field || b.category != a.category ||
          !comparable(b)) {
        continue;
      }
      // An open upper bound (high < low, "at least 20") reaches to infinity.
      const double ah = a.high < a.low ? 1e300 : a.high, bh = b.high < b.low ? 1e300 : b.high;
      if (ah < b.low || bh < a.low) out[i] = true;
    }
  }
  return out;
}

OrderedJson SpanJson(Span s, const char* kind, std::string title) {
  OrderedJson j;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["kind"] = kind;
  j["title"] = std::move(title);
  return j;
}

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kUnresolved:
      break;
  }
  return "unresolved";
}

const char* ActorClassName(ActorClass c) {
  switch (c) {
    case ActorClass::kArmedGroup:
      return "armed_group";
    case ActorClass::kStateForce:
      return "state_force";
    case ActorClass::kMilitants:
      return "militants";
    case ActorClass::kCivilians:
      return "civilians";
    case ActorClass::kOther:
      break;
  }
  return "other";
}

// Every extraction of an analysis as highlightable spans, clamped to the text; spans that do
// not fit the text (a stale analysis) are dropped rather than sent.
OrderedJson AnalysisSpans(const DocAnalysis& a, size_t text_size) {
  OrderedJson spans = OrderedJson::array();
  auto fits = [text_size](Span s) { return s.begin < s.end && s.end <= text_size; };
  for (const PlaceMention& p : a.places) {
    if (!fits(p.span)) continue;
    std::string title = "place: " + p.place.name;
    if (!p.place.admin1.empty() && p.place.admin1 != p.place.name) title += ", " + p.place.admin1;
    if (!p.place.country.empty()) title += " (" + p.place.country + ")";
    OrderedJson j = SpanJson(p.span, "place", std::move(title));
    j["name"] = p.place.name;
    j["country"] = p.place.country;
    j["admin1"] = StrOrNull(p.place.admin1);
    j["lat"] = p.place.has_coords ? JsonNumber(p.place.lat) : OrderedJson();
    j["lon"] = p.place.has_coords ? JsonNumber(p.place.lon) : OrderedJson();
    j["confidence"] = JsonNumber(p.confidence);
    spans.push_back(std::move(j));
  }
  for (const Timex& t : a.timexes) {
    if (!fits(t.span)) continue;
    std::string iso = t.date.ToIso();
    OrderedJson j = SpanJson(t.span, "date",
                             "date: " + (iso.empty() ? std::string("unresolved") : iso) +
                                 (t.past_reference ? " (past reference)" : ""));
    j["date"] = StrOrNull(iso);
    j["date_end"] = StrOrNull(t.date_end.ToIso());
    j["precision"] = PrecisionName(t.precision);
    j["relative"] = t.relative;
    spans.push_back(std::move(j));
  }
  for (const ActorMention& m : a.actors) {
    if (!fits(m.span)) continue;
    OrderedJson j = SpanJson(m.span, "actor", "actor: " + m.canonical);
    j["canonical"] = m.canonical;
    j["class"] = ActorClassName(m.actor_class);
    spans.push_back(std::move(j));
  }
  for (const Claim& c : a.claims) {
    std::string what = std::string(FieldName(c.field)) + " " + FormatNumber(c.value) + " (" +
                       QualifierName(c.qualifier) + ", " + CategoryName(c.category) + ")";
    if (!c.attributed_to.empty()) what += " according to " + c.attributed_to;
    if (fits(c.span)) spans.push_back(SpanJson(c.span, "claim", "claim: " + what));
    if (fits(c.figure_span)) {
      OrderedJson j = SpanJson(c.figure_span, "figure", "figure: " + what);
      j["field"] = FieldName(c.field);
      j["value"] = JsonNumber(c.value);
      j["low"] = JsonNumber(c.low);
      j["high"] = JsonNumber(c.high);
      j["qualifier"] = QualifierName(c.qualifier);
      j["category"] = CategoryName(c.category);
      j["attributed_to"] = StrOrNull(c.attributed_to);
      spans.push_back(std::move(j));
    }
  }
  for (const EventMention& m : a.mentions) {
    if (!fits(m.trigger)) continue;
    std::string title = "event: " + m.event_type;
    if (!m.sub_event_type.empty()) title += " / " + m.sub_event_type;
    if (m.background) title += " (background)";
    OrderedJson j = SpanJson(m.trigger, "event", std::move(title));
    j["event_type"] = m.event_type;
    j["sub_event_type"] = m.sub_event_type;
    j["background"] = m.background;
    spans.push_back(std::move(j));
  }
  return spans;
}

OrderedJson DocumentInfo(const Article& a) {
  OrderedJson j;
  j["id"] = a.doc_id;
  j["source"] = StrOrNull(a.source);
  j["url"] = StrOrNull(a.url);
  j["published"] = a.published ? StrOrNull(a.published->ToIso()) : OrderedJson();
  j["lang"] = StrOrNull(a.lang);
  j["copy_of"] = StrOrNull(a.copy_of);
  return j;
}

// Constant-time comparison, so the token cannot be guessed byte by byte from timings.
bool SameToken(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// (mtime, size) of the database file and its WAL: changes whenever a writer commits.
struct FileStamp {
  int64_t db_mtime = -1, db_size = -1, wal_mtime = -1, wal_size = -1;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

FileStamp StampOf(const std::string& path) {
  FileStamp s;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    s.db_mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.db_size = st.st_size;
  }
  std::string wal = path + "-wal";
  if (::stat(wal.c_str(), &st) == 0) {
    s.wal_mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.wal_size = st.st_size;
  }
  return s;
}

bool IsReadMethod(const std::string& m) { return m == "GET" || m == "HEAD"; }

HttpResponse MethodNotAllowed(const char* allow) {
  HttpResponse r = JsonError(405, std::string("method not allowed; use ") + allow);
  r.headers.emplace_back("Allow", allow);
  return r;
}

}  // namespace

// A read-only connection: the Store, plus a raw handle for the one read the Store does not
// offer (a single document's analysis).
struct ReadConn {
  std::unique_ptr<Store> store;
  sqlite3* raw = nullptr;
  ~ReadConn() {
    if (raw != nullptr) sqlite3_close(raw);
  }
};

struct Snapshot {
  explicit Snapshot(IncidentSet set) : index(std::move(set)) {}
  IncidentIndex index;
  size_t articles = 0;
};

struct Api::Impl {
  ServerOptions options;
  std::string web_root;
  // Made by the first ingest (under ingest_mu): loading the gazetteer is not worth delaying
  // start-up for, and a server without one still serves reads.
  mutable std::unique_ptr<Engine> engine;

  // Pool of idle read connections; a request takes one and gives it back.
  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<ReadConn>> pool;

  mutable std::mutex snap_mu;    // guards snap and stamp
  mutable std::mutex reload_mu;  // one reload at a time
  mutable std::shared_ptr<const Snapshot> snap;
  mutable FileStamp stamp;

  mutable std::mutex ingest_mu;  // one writer at a time

  Result<std::unique_ptr<ReadConn>> Acquire() const;
  void Release(std::unique_ptr<ReadConn> c) const;
  Result<std::shared_ptr<const Snapshot>> Current() const;
  void Invalidate() const;
  Result<std::optional<DocAnalysis>> LoadAnalysis(ReadConn* c, const std::string& doc_id) const;

  HttpResponse ListIncidents(const HttpRequest& req) const;
  HttpResponse GetIncident(const std::string& id) const;
  HttpResponse GetDocument(const std::string& id) const;
  HttpResponse Export(const HttpRequest& req) const;
  HttpResponse Stats() const;
  HttpResponse PostArticles(const HttpRequest& req) const;
  HttpResponse Route(const HttpRequest& req) const;
};

Result<std::unique_ptr<ReadConn>> Api::Impl::Acquire() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu);
    if (!pool.empty()) {
      auto c = std::move(pool.back());
      pool.pop_back();
      return c;
    }
  }
  auto store = Store::Open(options.db_path, /*read_only=*/true);
  if (!store.ok()) return store.status();
  auto c = std::make_unique<ReadConn>();
  c->store = std::move(store).value();
  return c;
}

void Api::Impl::Release(std::unique_ptr<ReadConn> c) const {
  std::lock_guard<std::mutex> lock(pool_mu);
  // Keep at most one idle connection per worker; the rest close.
  if (pool.size() < static_cast<size_t>(std::max(1, options.threads)) + 2) {
    pool.push_back(std::move(c));
  }
}

void Api::Impl::Invalidate() const {
  std::lock_guard<std::mutex> lock(snap_mu);
  snap.reset();
}

Result<std::shared_ptr<const Snapshot>> Api::Impl::Current() const {
  FileStamp now = StampOf(options.db_path);
  {
    std::lock_guard<std::mutex> lock(snap_mu);
    if (snap && now == stamp) return snap;
  }
  std::lock_guard<std::mutex> reload(reload_mu);
  {
    std::lock_guard<std::mutex> lock(snap_mu);  // another thread may have reloaded meanwhile
    if (snap && now == stamp) return snap;
  }
  auto conn = Acquire();
  if (!conn.ok()) return conn.status();
  auto set = (*conn)->store->LoadIncidents();
  if (!set.ok()) return set.status();
  auto count = (*conn)->store->CountArticles();
  Release(std::move(conn).value());
  auto fresh = std::make_shared<Snapshot>(std::move(set).value());
  fresh->articles = count.ok() ? *count : 0;
  std::lock_guard<std::mutex> lock(snap_mu);
  snap = fresh;
  stamp = now;
  return std::shared_ptr<const Snapshot>(fresh);
}

Result<std::optional<DocAnalysis>> Api::Impl::LoadAnalysis(ReadConn* c,
                                                           const std::string& doc_id) const {
  // The store keeps the lossless analysis JSON in analyses(doc_id, json) (store.h); reading one
  // row directly avoids loading every analysis for one document.
  if (c->raw == nullptr) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(options.db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
      if (db != nullptr) sqlite3_close(db);
      return IoError("cannot open " + options.db_path);
    }
    sqlite3_busy_timeout(db, 5000);
    c->raw = db;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(c->raw, "SELECT json FROM analyses WHERE doc_id = ?", -1, &st, nullptr) !=
      SQLITE_OK) {
    return Internal(std::string("analyses query: ") + sqlite3_errmsg(c->raw));
  }
  sqlite3_bind_text(st, 1, doc_id.data(), static_cast<int>(doc_id.size()), SQLITE_TRANSIENT);
  std::optional<DocAnalysis> out;
  Status status;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    int n = sqlite3_column_bytes(st, 0);
    auto j = nlohmann::json::parse(std::string_view(text ? text : "", n), nullptr, false);
    if (j.is_discarded()) {
      status = Corruption("analysis of " + doc_id + ": not JSON");
    } else {
      auto a = DocAnalysisFromJson(j);
      if (a.ok()) {
        out = std::move(a).value();
      } else {
        status = a.status();
      }
    }
  } else if (rc != SQLITE_DONE) {
    status = IoError(std::string("analyses query: ") + sqlite3_errmsg(c->raw));
  }
  sqlite3_finalize(st);
  if (!status.ok()) return status;
  return out;
}

HttpResponse Api::Impl::ListIncidents(const HttpRequest& req) const {
  auto q = ParseIncidentQuery(req.params);
  if (!q.ok()) return JsonError(400, q.status().message());
  auto snapshot = Current();
  if (!snapshot.ok()) return JsonError(500, snapshot.status().message());
  const IncidentIndex& index = (*snapshot)->index;
  std::vector<size_t> hits = index.Select(*q);
  const size_t limit = q->limit.value_or(kDefaultLimit);
  OrderedJson j;
  j["total"] = hits.size();
  j["offset"] = q->offset;
  j["limit"] = limit;
  OrderedJson list = OrderedJson::array();
  for (size_t k = q->offset; k < hits.size() && k < q->offset + limit; ++k) {
    const Incident& inc = index.set().incidents[hits[k]];
    list.push_back(Summary(inc, index.Children(inc.id).size()));
  }
  j["incidents"] = std::move(list);
  return JsonOk(j);
}

HttpResponse Api::Impl::GetIncident(const std::string& id) const {
  auto snapshot = Current();
  if (!snapshot.ok()) return JsonError(500, snapshot.status().message());
  const IncidentIndex& index = (*snapshot)->index;
  const Incident* inc = index.Find(id);
  if (inc == nullptr) return JsonError(404, "no incident with id '" + id + "'");
  OrderedJson j = IncidentToJson(*inc);
  std::vector<bool> contradicted = ContradictedClaims(*inc);
  for (size_t i = 0; i < contradicted.size() && i < j["claims"].size(); ++i) {
    j["claims"][i]["contradicted"] = static_cast<bool>(contradicted[i]);
  }
  OrderedJson children = OrderedJson::array();
  for (size_t c : index.Children(inc->id)) {
    const Incident& child = index.set().incidents[c];
    children.push_back(Summary(child, index.Children(child.id).size()));
  }
  j["children"] = std::move(children);
  auto conn = Acquire();
  if (!conn.ok()) return JsonError(500, conn.status().message());
  for (const char* key : {"documents", "mentions"}) {
    const auto& ids = std::string_view(key) == "documents" ? inc->documents : inc->mentions;
    OrderedJson docs = OrderedJson::array();
    for (const std::string& doc_id : ids) {
      auto a = (*conn)->store->GetArticle(doc_id);
      if (a.ok()) {
        docs.push_back(DocumentInfo(*a));
      } else {
        // Listed but not stored (e.g. a store filled from an export): still name it.
        OrderedJson d;
        d["id"] = doc_id;
        docs.push_back(std::move(d));
      }
    }
    j[key] = std::move(docs);
  }
  Release(std::move(conn).value());
  return JsonOk(j);
}

HttpResponse Api::Impl::GetDocument(const std::string& id) const {
  auto conn = Acquire();
  if (!conn.ok()) return JsonError(500, conn.status().message());
  auto article = (*conn)->store->GetArticle(id);
  if (!article.ok()) {
    Release(std::move(conn).value());
    if (article.status().code() == StatusCode::kNotFound) {
      return JsonError(404, "no document with id '" + id + "'");
    }
    return JsonError(500, article.status().message());
  }
  auto analysis = LoadAnalysis(conn->get(), id);
  Release(std::move(conn).value());
  OrderedJson j = DocumentInfo(*article);
  j["text"] = article->text;
  j["analyzed"] = analysis.ok() && analysis->has_value();
  j["spans"] = analysis.ok() && analysis->has_value()
                   ? AnalysisSpans(**analysis, article->text.size())
                   : OrderedJson::array();
  OrderedJson incidents = OrderedJson::array();
  auto snapshot = Current();
  if (snapshot.ok()) {
    for (size_t i : (*snapshot)->index.IncidentsOfDocument(id)) {
      incidents.push_back((*snapshot)->index.set().incidents[i].id);
    }
  }
  j["incidents"] = std::move(incidents);
  return JsonOk(j);
}

HttpResponse Api::Impl::Export(const HttpRequest& req) const {
  auto q = ParseIncidentQuery(req.params, {"format"});
  if (!q.ok()) return JsonError(400, q.status().message());
  std::string format = "json";
  for (const auto& [k, v] : req.params) {
    if (k == "format") format = v;
  }
  if (format != "json" && format != "csv" && format != "geojson") {
    return JsonError(400, "parameter 'format': expected json, csv or geojson");
  }
  auto snapshot = Current();
  if (!snapshot.ok()) return JsonError(500, snapshot.status().message());
  const IncidentIndex& index = (*snapshot)->index;
  std::vector<size_t> hits = index.Select(*q);
  IncidentSet out;
  const size_t limit = q->limit.value_or(hits.size());
  for (size_t k = q->offset; k < hits.size() && k - q->offset < limit; ++k) {
    out.incidents.push_back(index.set().incidents[hits[k]]);
  }
  HttpResponse r;
  if (format == "json") {
    r.body = IncidentsToJson(out);
    r.content_type = "application/json";
  } else if (format == "csv") {
    r.body = IncidentsToCsv(out);
    r.content_type = "text/csv; charset=utf-8";
  } else {
    r.body = IncidentsToGeoJson(out);
    r.content_type = "application/geo+json";
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"incidents." + format + "\"");
  return r;
}

HttpResponse Api::Impl::Stats() const {
  auto snapshot = Current();
  if (!snapshot.ok()) return JsonError(500, snapshot.status().message());
  const IncidentIndex& index = (*snapshot)->index;
  size_t stories = 0, top = 0, leaves = 0;
  double killed = 0;
  std::set<std::string> docs;
  std::map<std::string, size_t> by_type, by_country;
  std::optional<CivilDate> lo, hi;
  for (const Incident& inc : index.set().incidents) {
    const bool story = !index.Children(inc.id).empty();
    stories += story;
    if (inc.parent.empty()) {
      ++top;
      // A story's figure already counts its children: sum top-level figures only.
      if (inc.killed) killed += inc.killed->best;
    }
    if (!story) {
      ++leaves;
      ++by_type[inc.event_type];
      ++by_country[inc.country];
    }
    docs.insert(inc.documents.begin(), inc.documents.end());
    if (inc.date && inc.date->valid()) {
      if (!lo || *inc.date < *lo) lo = *inc.date;
      CivilDate end = inc.date_end && inc.date_end->valid() ? *inc.date_end : *inc.date;
      if (!hi || *hi < end) hi = end;
    }
  }
  OrderedJson j;
  j["incidents"] = index.set().incidents.size();
  j["stories"] = stories;
  j["top_level"] = top;
  j["leaves"] = leaves;
  j["documents"] = docs.size();
  j["articles"] = (*snapshot)->articles;
  j["killed_best_total"] = JsonNumber(killed);
  j["date_min"] = JsonDateOrNull(lo);
  j["date_max"] = JsonDateOrNull(hi);
  j["by_event_type"] = by_type;
  j["by_country"] = by_country;
  j["ingest_enabled"] = !options.token.empty();
  return JsonOk(j);
}

HttpResponse Api::Impl::PostArticles(const HttpRequest& req) const {
  if (options.token.empty()) {
    return JsonError(403, "ingest is disabled: start the server with --token");
  }
  std::string auth = req.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0 ||
      !SameToken(std::string_view(auth).substr(kBearer.size()), options.token)) {
    HttpResponse r = JsonError(401, "missing or wrong bearer token");
    r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
  }
  if (req.body.size() > options.max_body_bytes) return JsonError(413, "request body too large");
  IngestOptions iopt;
  iopt.max_article_bytes = options.max_body_bytes;
  IngestResult in;
  ReadJsonLines("request", req.body, iopt, &in);
  OrderedJson errors = OrderedJson::array();
  for (const Status& e : in.errors) errors.push_back(e.message());
  if (in.articles.empty()) {
    HttpResponse r =
        JsonError(400, in.errors.empty() ? "no article in the body" : in.errors.front().message());
    return r;
  }

  std::lock_guard<std::mutex> lock(ingest_mu);
  if (engine == nullptr) {
    auto made = Engine::Create(options.engine);
    if (!made.ok()) return JsonError(503, "ingest unavailable: " + made.status().message());
    engine = std::move(made).value();
  }
  auto opened = Store::Open(options.db_path, /*read_only=*/false);
  if (!opened.ok()) return JsonError(500, opened.status().message());
  // Added as `sitrep ingest` adds them (pipeline/jobs.h): one rule for what is stored, analysed
  // again and resolved.
  const size_t received = in.articles.size();
  std::set<std::string> posted;
  for (const Article& a : in.articles) posted.insert(a.doc_id);
  Result<IngestRun> run = AddToStore(*engine, std::move(in.articles), opened->get());
  if (!run.ok()) return JsonError(500, run.status().message());
  for (const Status& c : run->conflicts) errors.push_back(c.message());
  Invalidate();

  // The incidents that now list any posted article (new or already stored).
  OrderedJson touched = OrderedJson::array();
  auto snapshot = Current();
  if (snapshot.ok()) {
    for (const Incident& inc : (*snapshot)->index.set().incidents) {
      bool hit = false;
      for (const auto* list : {&inc.documents, &inc.mentions}) {
        for (const std::string& d : *list) hit = hit || posted.count(d) != 0;
      }
      if (hit) touched.push_back(inc.id);
    }
  }
  OrderedJson j;
  j["received"] = received;
  j["stored"] = run->added;
  j["errors"] = std::move(errors);
  j["incidents"] = std::move(touched);
  return JsonOk(j);
}

HttpResponse Api::Impl::Route(const HttpRequest& req) const {
  const std::string& path = req.path;
  if (!path.starts_with("/api/") && path != "/api") {
    if (!IsReadMethod(req.method)) return MethodNotAllowed("GET, HEAD");
    return ServeStatic(web_root, path);
  }
  auto tail = [&path](std::string_view prefix) { return path.substr(prefix.size()); };
  if (path == "/api/incidents") {
    return IsReadMethod(req.method) ? ListIncidents(req) : MethodNotAllowed("GET, HEAD");
  }
  if (path.starts_with("/api/incidents/") && path.size() > 15) {
    return IsReadMethod(req.method) ? GetIncident(tail("/api/incidents/"))
                                    : MethodNotAllowed("GET, HEAD");
  }
  if (path.starts_with("/api/documents/") && path.size() > 15) {
    return IsReadMethod(req.method) ? GetDocument(tail("/api/documents/"))
                                    : MethodNotAllowed("GET, HEAD");
  }
  if (path == "/api/export") {
    return IsReadMethod(req.method) ? Export(req) : MethodNotAllowed("GET, HEAD");
  }
  if (path == "/api/stats") {
    return IsReadMethod(req.method) ? Stats() : MethodNotAllowed("GET, HEAD");
  }
  if (path == "/api/articles") {
    return req.method == "POST" ? PostArticles(req) : MethodNotAllowed("POST");
  }
  return JsonError(404, "no such endpoint: " + path);
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::Create(const ServerOptions& options) {
  if (options.db_path.empty()) return InvalidArgument("no database given (--db FILE)");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->web_root = options.web_root.empty() ? DefaultWebRoot() : options.web_root;
  if (!options.token.empty()) {
    // Ingest writes: create the database when it does not exist yet.
    auto w = Store::Open(options.db_path, /*read_only=*/false);
    if (!w.ok()) return w.status();
  }
  // Fail now, not at the first request, when the database cannot be read.
  auto snapshot = impl->Current();
  if (!snapshot.ok()) return snapshot.status();
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

HttpResponse Api::Handle(const HttpRequest& request) const {
  // Nothing thrown below may take the server down: answer 500 instead.
  try {
    HttpResponse r = impl_->Route(request);
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
  } catch (const std::exception& e) {
    return JsonError(500, std::string("internal error: ") + e.what());
  } catch (...) {
    return JsonError(500, "internal error");
  }
}

}  // namespace sitrep
