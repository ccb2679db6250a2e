// Static files of the web page (web/): safe mapping of URL paths to files under the web root,
// and MIME types.
//
// Safety: a URL path is mapped only if every segment is a plain name — no "..", no ".", no
// hidden names (".git"), no backslash, NUL or control byte — and the file's canonical path still
// lies under the canonical web root (so a symlink cannot lead out). Pure functions over the file
// system; thread-safe.
#ifndef SITREP_SERVER_STATIC_FILES_H_
#define SITREP_SERVER_STATIC_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "server/http.h"

namespace sitrep {

// The file that serves `url_path` ("/" -> index.html). InvalidArgument for an unsafe path,
// NotFound when there is no such regular file.
Result<std::string> ResolveStaticPath(const std::string& web_root, std::string_view url_path);

// "text/html; charset=utf-8", "text/javascript; charset=utf-8", ... by extension;
// "application/octet-stream" when unknown.
std::string MimeTypeFor(std::string_view path);

// GET of a static file: 200 with the bytes, 404 (JSON error) when absent or unsafe.
HttpResponse ServeStatic(const std::string& web_root, std::string_view url_path);

// The web root used when none is configured: $SITREP_WEB, else the checkout's web/ folder.
std::string DefaultWebRoot();

// What keeps the web page from working under `web_root` ("" = DefaultWebRoot()): its
// index.html missing, or one of the vendored assets the page loads (web/vendor/, installed by
// scripts/fetch_web_assets.sh). Empty when the page can load; each entry is one sentence.
std::vector<std::string> WebRootProblems(const std::string& web_root);

}  // namespace sitrep

#endif  // SITREP_SERVER_STATIC_FILES_H_
