#include "server/static_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace sitrep {
namespace fs = std::filesystem;

namespace {

constexpr uintmax_t kMaxStaticBytes = 64u << 20;  // the web page's assets are far smaller

bool SafeSegment(std::string_view seg) {
  if (seg.empty() || seg.front() == '.') return false;  // "..", ".", hidden files
  for (unsigned char c : seg) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<std::string> ResolveStaticPath(const std::string& web_root, std::string_view url_path) {
  if (web_root.empty()) return NotFound("no web root configured");
  if (url_path.empty() || url_path.front() != '/') return InvalidArgument("path must start with /");
  std::string rel;
  size_t start = 1;
  while (start <= url_path.size()) {
    size_t slash = url_path.find('/', start);
    if (slash == std::string_view::npos) slash = url_path.size();
    std::string_view seg = url_path.substr(start, slash - start);
    if (seg.empty()) {
      // "//" and a trailing "/" are tolerated; only the last one means "index.html".
      if (slash == url_path.size()) break;
    } else {
      if (!SafeSegment(seg)) return InvalidArgument("unsafe path");
      if (!rel.empty()) rel.push_back('/');
      rel.append(seg);
    }
    start = slash + 1;
  }
  if (rel.empty() || url_path.back() == '/') {
    rel += rel.empty() ? "index.html" : "/index.html";
  }
  std::error_code ec;
  fs::path root = fs::canonical(web_root, ec);
  if (ec) return NotFound("web root not found: " + web_root);
  fs::path file = fs::weakly_canonical(root / rel, ec);
  if (ec) return NotFound("not found");
  // The canonical path must stay under the root (symlinks cannot lead out).
  auto [r_end, f_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (r_end != root.end()) return InvalidArgument("path outside the web root");
  if (!fs::is_regular_file(file, ec) || ec) return NotFound("not found");
  return file.string();
}

std::string MimeTypeFor(std::string_view path) {
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".geojson", "application/geo+json"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  std::string lower(path);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (const Entry& e : kTypes) {
    if (EndsWith(lower, e.ext)) return std::string(e.type);
  }
  if (EndsWith(lower, "/license")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

HttpResponse ServeStatic(const std::string& web_root, std::string_view url_path) {
  auto file = ResolveStaticPath(web_root, url_path);
  if (!file.ok()) return JsonError(404, "not found");
  std::error_code ec;
  uintmax_t size = fs::file_size(*file, ec);
  if (ec || size > kMaxStaticBytes) return JsonError(404, "not found");
  std::ifstream in(*file, std::ios::binary);
  if (!in) return JsonError(404, "not found");
  HttpResponse r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.content_type = MimeTypeFor(*file);
  // Vendor assets are pinned versions: let the browser keep them; the page itself revalidates.
  r.headers.emplace_back("Cache-Control",
                         url_path.starts_with("/vendor/") ? "max-age=86400" : "no-cache");
  return r;
}

std::string DefaultWebRoot() {
  if (const char* env = std::getenv("SITREP_WEB"); env != nullptr && *env != '\0') return env;
#ifdef SITREP_SOURCE_DIR
  return std::string(SITREP_SOURCE_DIR) + "/web";
#else
  return "web";
#endif
}

std::vector<std::string> WebRootProblems(const std::string& web_root) {
  const std::string root = web_root.empty() ? DefaultWebRoot() : web_root;
  if (!ResolveStaticPath(root, "/").ok()) {
    return {"no web page in " + root +
            " (index.html missing; --web DIR or SITREP_WEB sets it): "
            "the API works, the page does not"};
  }
  std::vector<std::string> problems;
  // The files index.html and app.js load from web/vendor/.
  for (const char* asset :
       {"/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css",
        "/vendor/topojson/topojson-client.min.js", "/vendor/world/countries-50m.json"}) {
    if (!ResolveStaticPath(root, asset).ok()) {
      problems.push_back(root + asset +
                         " is missing (run scripts/fetch_web_assets.sh): the page "
                         "will not draw the map");
    }
  }
  return problems;
}

}  // namespace sitrep
