#include "server/server.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <thread>

#include "server/static_files.h"

#ifdef SITREP_HAVE_HTTPLIB
#include <httplib.h>
#include <sys/socket.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>
#endif

namespace sitrep {

#ifdef SITREP_HAVE_HTTPLIB
namespace {

// A fixed pool of workers over a bounded queue: enqueue() blocks the accepting thread while the
// queue is full (back-pressure into the listen backlog) instead of queueing without limit.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t capacity) : capacity_(capacity) {
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~BoundedTaskQueue() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return jobs_.size() < capacity_ || stop_; });
    if (stop_) return;  // fn's destructor releases nothing we own; httplib closes on stop
    jobs_.push_back(std::move(fn));
    not_empty_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_ && workers_.empty()) return;
      stop_ = true;
    }
    not_empty_.notify_all();
    not_full_.notify_all();
    for (auto& t : workers_) {
      if (t.joinable()) t.join();
    }
    workers_.clear();
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mu_);
        not_empty_.wait(lock, [this] { return !jobs_.empty() || stop_; });
        if (jobs_.empty()) return;  // stopping and drained
        fn = std::move(jobs_.front());
        jobs_.pop_front();
        not_full_.notify_one();
      }
      fn();
    }
  }

  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
};

HttpRequest ToRequest(const httplib::Request& in) {
  HttpRequest r;
  r.method = in.method;
  r.path = in.path;
  for (const auto& [k, v] : in.params) r.params.emplace_back(k, v);
  for (const auto& [k, v] : in.headers) {
    std::string key = k;
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    r.headers[key] = v;
  }
  r.body = in.body;
  return r;
}

}  // namespace

struct HttpServer::Impl {
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;
};

bool HttpSupported() { return true; }

Result<std::unique_ptr<HttpServer>> HttpServer::Create(const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return InvalidArgument("port must be in [0, 65535]");
  }
  auto api = Api::Create(options);
  if (!api.ok()) return api.status();
  auto impl = std::make_unique<Impl>();
  impl->api = std::move(api).value();
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  impl->http.new_task_queue = [threads] { return new BoundedTaskQueue(threads, threads * 4); };
  impl->http.set_payload_max_length(options.max_body_bytes);
  impl->http.set_read_timeout(options.read_timeout_s, 0);
  impl->http.set_write_timeout(options.read_timeout_s, 0);
  impl->http.set_keep_alive_max_count(1000);
  impl->http.set_keep_alive_timeout(2);
  // Responses go out in two writes (headers, body): without this, Nagle + delayed ACK add ~40 ms.
  impl->http.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which lets a second `sitrep serve` bind a port already
  // in use and the kernel then splits the requests between two servers (two databases).
  // SO_REUSEADDR alone still allows an immediate restart on the same port.
  impl->http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });

  Api* core = impl->api.get();
  auto handler = [core](const httplib::Request& req, httplib::Response& res) {
    HttpResponse r = core->Handle(ToRequest(req));
    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_content(std::move(r.body), r.content_type);
  };
  // One catch-all route per method: Api does its own routing (and answers 405 itself).
  const char* kAll = "/.*";
  impl->http.Get(kAll, handler);
  impl->http.Post(kAll, handler);
  impl->http.Put(kAll, handler);
  impl->http.Delete(kAll, handler);
  impl->http.Patch(kAll, handler);
  impl->http.Options(kAll, handler);
  // Errors httplib raises itself (413, 400 on malformed requests, 404 on odd paths) get JSON.
  impl->http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const char* what = res.status == 413   ? "request body too large"
                           : res.status == 414 ? "request URI too long"
                           : res.status == 404 ? "not found"
                           : res.status == 405 ? "method not allowed"
                                               : "bad request";
        HttpResponse r = JsonError(res.status, what);
        res.set_content(r.body, r.content_type);
        return httplib::Server::HandlerResponse::Handled;
      }));
  impl->http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        HttpResponse r = JsonError(500, "internal error");
        res.status = 500;
        res.set_content(r.body, r.content_type);
      });

  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port <= 0) return IoError("cannot bind to " + options.host);
  } else {
    if (!impl->http.bind_to_port(options.host, options.port)) {
      return IoError("cannot bind to " + options.host + ":" + std::to_string(options.port) +
                     " (is the port in use? --port 0 picks a free one)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Serve() {
  if (!impl_->http.listen_after_bind()) return IoError("listening socket failed");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->http.stop(); }

#else  // !SITREP_HAVE_HTTPLIB

struct HttpServer::Impl {};

bool HttpSupported() { return false; }

Result<std::unique_ptr<HttpServer>> HttpServer::Create(const ServerOptions&) {
  return Internal("this build has no HTTP support (cpp-httplib was not linked)");
}
int HttpServer::port() const { return 0; }
Status HttpServer::Serve() { return Internal("no HTTP support"); }
void HttpServer::Stop() {}

#endif  // SITREP_HAVE_HTTPLIB

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;

Status RunServer(const ServerOptions& options) {
  // Block SIGINT/SIGTERM in every thread (workers inherit the mask), and wait for them on a
  // dedicated thread that stops the server: no work inside a signal handler.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigset_t old;
  pthread_sigmask(SIG_BLOCK, &set, &old);
  auto server = HttpServer::Create(options);
  if (!server.ok()) {
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return server.status();
  }
  HttpServer* s = server->get();
  std::fprintf(stderr, "sitrep serve: http://%s:%d/ (db %s%s)\n", options.host.c_str(), s->port(),
               options.db_path.c_str(), options.token.empty() ? ", ingest disabled" : "");
  for (const std::string& problem : WebRootProblems(options.web_root)) {
    std::fprintf(stderr, "sitrep serve: warning: %s\n", problem.c_str());
  }
  std::atomic<bool> done{false};
  std::thread waiter([s, set, &done] {
    const timespec tick = {0, 200 * 1000 * 1000};
    while (!done.load()) {
      if (sigtimedwait(&set, nullptr, &tick) > 0) {
        s->Stop();
        return;
      }
    }
  });
  Status st = s->Serve();
  done.store(true);  // Serve() also returns on a socket failure
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return st;
}

}  // namespace sitrep
