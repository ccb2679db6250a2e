// Api: the request-handling core of `sitrep serve`, independent of sockets. server.cc feeds it
// HttpRequest values; tests call Handle() directly.
//
// Endpoints (all JSON; errors are {"error": "..."} with 400 bad parameter or body, 401 wrong
// token, 403 ingest disabled, 404 unknown id or path, 405 wrong method (with Allow), 413 body
// too large, 500 store failure, 503 ingest engine unavailable):
//   GET  /api/incidents           filtered, sorted, paged summaries (see query.h):
//                                 {"total", "offset", "limit", "incidents": [...]}
//   GET  /api/incidents/{id}      the sitrep-incidents/1 incident plus "children" (summaries),
//                                 "documents"/"mentions" as {id, source, url, published, lang,
//                                 copy_of}, and per claim "contradicted"
//   GET  /api/documents/{id}      article text and metadata, "spans" of everything extracted
//                                 ({begin, end, kind: place|date|actor|figure|claim|event,
//                                 title, ...}; byte offsets into text) and "incidents"
//   GET  /api/export?format=json|csv|geojson&<filters>   the export module's bytes
//   POST /api/articles            JSONL body, `Authorization: Bearer TOKEN`; stores, analyses
//                                 and re-resolves; {"received", "stored", "errors": [...],
//                                 "incidents": [ids touched]}
//   GET  /api/stats               counts, date range, per event type and country
//   GET  anything else            a static file of the web root (static_files.h)
//
// Consistency: incidents are served from an in-memory snapshot of the store, reloaded when the
// database file (or its WAL) changes, so reads never wait for an ingest in progress (SQLite WAL;
// per-document reads use a small pool of read-only connections). Ingests are serialised.
//
// Thread safety: Handle() may be called from many threads at once.
#ifndef SITREP_SERVER_API_H_
#define SITREP_SERVER_API_H_

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"
#include "pipeline/pipeline.h"
#include "server/http.h"

namespace sitrep {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = an ephemeral port (see HttpServer::port())
  std::string db_path;
  std::string token;  // "" = POST /api/articles disabled (403)
  size_t max_body_bytes = 8 << 20;
  std::string web_root;     // "" = DefaultWebRoot()
  int threads = 16;         // request worker threads (bounded)
  int read_timeout_s = 10;  // per socket read/write
  EngineOptions engine;     // for ingest through the API
};

class Api {
 public:
  // Opens the store (read-only unless a token is set; with a token a missing file is created).
  // Errors: NotFound / IoError / Corruption from the store. The engine is created by the first
  // ingest; when that fails (no gazetteer...) POST /api/articles answers 503 with the reason.
  [[nodiscard]] static Result<std::unique_ptr<Api>> Create(const ServerOptions& options);
  ~Api();

  HttpResponse Handle(const HttpRequest& request) const;

 private:
  struct Impl;
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_SERVER_API_H_
