#include "server/http.h"

#include <nlohmann/json.hpp>

namespace sitrep {

std::string HttpRequest::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

HttpResponse JsonError(int status, std::string_view message) {
  HttpResponse r;
  r.status = status;
  nlohmann::json j = {{"error", std::string(message)}};
  // Replace, not throw, on invalid UTF-8 in a message that echoes user input.
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.body.push_back('\n');
  return r;
}

}  // namespace sitrep
