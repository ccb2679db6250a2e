// The HTTP server of `sitrep serve`: cpp-httplib (Debian's libcpp-httplib) around Api (api.h).
//
// Bounded: `threads` workers take connections from a queue of at most 4 * threads; when it is
// full the accepting thread waits, so excess clients wait in the kernel's listen backlog instead
// of growing memory. Bodies over max_body_bytes get 413 before they are read; sockets time out
// after read_timeout_s. Every error is a JSON {"error": ...} body.
//
// HTTP support needs the build to link cpp-httplib (CMake defines SITREP_HAVE_HTTPLIB); without
// it HttpServer::Create() returns an Internal error and HttpSupported() is false.
//
// Thread safety: Stop() may be called from any thread; the rest from the owning thread.
#ifndef SITREP_SERVER_SERVER_H_
#define SITREP_SERVER_SERVER_H_

#include <memory>

#include "base/status.h"
#include "server/api.h"  // ServerOptions

namespace sitrep {

bool HttpSupported();

class HttpServer {
 public:
  // Opens the store (Api::Create) and binds the socket (port 0: an ephemeral port).
  [[nodiscard]] static Result<std::unique_ptr<HttpServer>> Create(const ServerOptions& options);
  ~HttpServer();

  int port() const;  // the bound port
  // Serves until Stop(); returns an error only when the listening socket fails.
  Status Serve();
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Create() + Serve(), stopping cleanly on SIGINT/SIGTERM. Prints the URL to stderr. Blocks.
Status RunServer(const ServerOptions& options);

}  // namespace sitrep

#endif  // SITREP_SERVER_SERVER_H_
