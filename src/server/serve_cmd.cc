#include "server/serve_cmd.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "server/server.h"

namespace sitrep {
namespace {

constexpr char kUsage[] =
    "usage: sitrep serve --db FILE [--port N] [--host ADDR] [--token T] [--web DIR]\n"
    "                    [--threads N] [--max-body BYTES] [--data DIR] [--gazetteer FILE]\n"
    "  --db FILE        sitrep database (made by `sitrep ingest`)\n"
    "  --port N         TCP port (default 8080; 0 picks a free one)\n"
    "  --host ADDR      address to listen on (default 127.0.0.1)\n"
    "  --token T        enables POST /api/articles with `Authorization: Bearer T`\n"
    "                   (or set SITREP_TOKEN)\n"
    "  --web DIR        web page folder (default: the checkout's web/)\n"
    "  --threads N      request worker threads (default 16)\n"
    "  --max-body BYTES largest accepted request body (default 8 MiB)\n"
    "  --data DIR       data folder for ingest (default: see SITREP_DATA)\n"
    "  --gazetteer FILE compiled gazetteer for ingest\n"
    "API (JSON; errors are {\"error\": \"...\"} with status 400/404):\n"
    "  GET /api/stats              counts, date range, totals by type and country\n"
    "  GET /api/incidents          filters: date_from, date_to (YYYY[-MM[-DD]]), country (ISO\n"
    "                              alpha-2 list), admin1, event_type, actor, min_killed, bbox\n"
    "                              (minlon,minlat,maxlon,maxlat), q, parent (story id | none);\n"
    "                              sort=date|-date|killed|-killed; limit (1..10000), offset\n"
    "  GET /api/incidents/ID       one incident with its claims and documents\n"
    "  GET /api/documents/ID       one article with its text\n"
    "  GET /api/export?format=json|csv|geojson   the filtered incidents as a file\n"
    "  POST /api/articles          add articles (needs --token)\n"
    "example: sitrep serve --db conflict.db --port 8080   (then open http://127.0.0.1:8080/)\n";

bool ParseInt(std::string_view s, long long lo, long long hi, long long* out) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

}  // namespace

Result<ServerOptions> ParseServeArgs(int argc, char** argv, bool* help) {
  ServerOptions o;
  *help = false;
  if (const char* t = std::getenv("SITREP_TOKEN"); t != nullptr) o.token = t;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string_view value;
    // Accept both "--opt value" and "--opt=value".
    if (size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (arg != "--help" && arg != "-h") {
      if (i + 1 >= argc) return InvalidArgument(std::string(arg) + ": missing value");
      value = argv[++i];
    }
    long long n = 0;
    if (arg == "--help" || arg == "-h") {
      *help = true;
    } else if (arg == "--db") {
      o.db_path = value;
    } else if (arg == "--port") {
      if (!ParseInt(value, 0, 65535, &n)) return InvalidArgument("--port: expected 0..65535");
      o.port = static_cast<int>(n);
    } else if (arg == "--host") {
      o.host = value;
    } else if (arg == "--token") {
      o.token = value;
    } else if (arg == "--web") {
      o.web_root = value;
    } else if (arg == "--threads") {
      if (!ParseInt(value, 1, 256, &n)) return InvalidArgument("--threads: expected 1..256");
      o.threads = static_cast<int>(n);
    } else if (arg == "--max-body") {
      if (!ParseInt(value, 1, 1LL << 32, &n)) {
        return InvalidArgument("--max-body: expected a positive number of bytes");
      }
      o.max_body_bytes = static_cast<size_t>(n);
    } else if (arg == "--data") {
      o.engine.data_dir = value;
    } else if (arg == "--gazetteer") {
      o.engine.gazetteer_path = value;
    } else {
      return InvalidArgument("unknown option " + std::string(arg));
    }
  }
  if (!*help && o.db_path.empty()) return InvalidArgument("--db FILE is required");
  return o;
}

int RunServeCommand(int argc, char** argv) {
  bool help = false;
  auto options = ParseServeArgs(argc, argv, &help);
  if (help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!options.ok()) {
    std::fprintf(stderr, "sitrep serve: %s\n%s", options.status().message().c_str(), kUsage);
    return 2;
  }
  Status st = RunServer(*options);
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep serve: %s\n", st.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace sitrep
