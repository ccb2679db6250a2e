// Plain HTTP request/response values for the server's request-handling core (api.h). They hold
// no sockets, so the API can be tested by calling Api::Handle() directly; server.cc converts
// between these and cpp-httplib's types. Plain values: safe to copy and to move across threads.
#ifndef SITREP_SERVER_HTTP_H_
#define SITREP_SERVER_HTTP_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

struct HttpRequest {
  std::string method = "GET";  // upper case
  std::string path;            // decoded path, without the query string ("/api/incidents")
  // Decoded query parameters, in order; a key may repeat (the API rejects repeats).
  std::vector<std::pair<std::string, std::string>> params;
  std::map<std::string, std::string> headers;  // keys lower case
  std::string body;

  // The header's value, "" when absent. `name` must be lower case.
  std::string Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, ...)
};

// {"error": message} with the given status (message is JSON-escaped).
HttpResponse JsonError(int status, std::string_view message);

}  // namespace sitrep

#endif  // SITREP_SERVER_HTTP_H_
