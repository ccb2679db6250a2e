#include "server/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/serve_cmd.h"
#include "server/static_files.h"
#include "store/store.h"

#ifdef SITREP_HAVE_HTTPLIB
#include <httplib.h>
#endif

namespace sitrep {
namespace {

namespace fs = std::filesystem;

TEST(ServerStaticTest, MimeTypes) {
  EXPECT_EQ(MimeTypeFor("/x/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("app.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("w/countries-50m.json"), "application/json");
  EXPECT_EQ(MimeTypeFor("i/marker-icon.png"), "image/png");
  EXPECT_EQ(MimeTypeFor("i/logo.svg"), "image/svg+xml");
  EXPECT_EQ(MimeTypeFor("vendor/leaflet/LICENSE"), "text/plain; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("blob.bin"), "application/octet-stream");
}

TEST(ServerStaticTest, WebRootProblemsNameTheMissingPageAndAssets) {
  char tmpl[] = "/tmp/sitrep_webroot_test_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string root = tmpl;
  std::vector<std::string> p = WebRootProblems(root + "/missing");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("index.html missing"), std::string::npos) << p[0];
  std::ofstream(root + "/index.html") << "i";
  p = WebRootProblems(root);
  ASSERT_EQ(p.size(), 4u);
  EXPECT_NE(p[0].find("/vendor/leaflet/leaflet.js is missing (run scripts/fetch_web_assets.sh)"),
            std::string::npos)
      << p[0];
  for (const char* f : {"leaflet/leaflet.js", "leaflet/leaflet.css",
                        "topojson/topojson-client.min.js", "world/countries-50m.json"}) {
    const fs::path path = fs::path(root) / "vendor" / f;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x";
  }
  EXPECT_TRUE(WebRootProblems(root).empty());
  fs::remove_all(root);
}

TEST(ServerStaticTest, ResolveRejectsUnsafePaths) {
  char tmpl[] = "/tmp/sitrep_static_test_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  std::string root = std::string(tmpl) + "/web";
  fs::create_directories(root + "/sub");
  std::ofstream(root + "/index.html") << "i";
  std::ofstream(root + "/sub/index.html") << "s";
  std::ofstream(root + "/sub/a.js") << "a";
  EXPECT_EQ(ResolveStaticPath(root, "/").value(), fs::canonical(root + "/index.html").string());
  EXPECT_EQ(ResolveStaticPath(root, "/sub/").value(),
            fs::canonical(root + "/sub/index.html").string());
  EXPECT_EQ(ResolveStaticPath(root, "//sub//a.js").value(),
            fs::canonical(root + "/sub/a.js").string());
  for (const char* bad : {"/../web/index.html", "/sub/../index.html", "/./index.html", "/sub/.",
                          "relative", "", "/c:/x", "/sub\\a.js"}) {
    auto r = ResolveStaticPath(root, bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    }
  }
  EXPECT_FALSE(ResolveStaticPath(root, std::string_view("/index.html\0.js", 15)).ok());
  EXPECT_EQ(ResolveStaticPath(root, "/nope.js").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ResolveStaticPath(root, "/sub").status().code(), StatusCode::kNotFound);  // a folder
  EXPECT_EQ(ResolveStaticPath(root + "/missing", "/").status().code(), StatusCode::kNotFound);
  fs::remove_all(tmpl);
}

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  return out;
}

TEST(ServerServeCmdTest, ParsesOptions) {
  std::vector<std::string> args = {"serve",      "--db",    "x.db",  "--port=0",  "--host",
                                   "0.0.0.0",    "--token", "t",     "--threads", "3",
                                   "--max-body", "1000",    "--web", "/tmp/w"};
  auto argv = Argv(args);
  bool help = false;
  auto o = ParseServeArgs(static_cast<int>(argv.size()), argv.data(), &help);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_FALSE(help);
  EXPECT_EQ(o->db_path, "x.db");
  EXPECT_EQ(o->port, 0);
  EXPECT_EQ(o->host, "0.0.0.0");
  EXPECT_EQ(o->token, "t");
  EXPECT_EQ(o->threads, 3);
  EXPECT_EQ(o->max_body_bytes, 1000u);
  EXPECT_EQ(o->web_root, "/tmp/w");
}

TEST(ServerServeCmdTest, RejectsBadOptions) {
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"serve"},
                                             {"serve", "--db"},
                                             {"serve", "--db", "x.db", "--port", "70000"},
                                             {"serve", "--db", "x.db", "--port", "http"},
                                             {"serve", "--db", "x.db", "--threads", "0"},
                                             {"serve", "--db", "x.db", "--frobnicate", "1"}}) {
    auto argv = Argv(args);
    bool help = false;
    EXPECT_FALSE(ParseServeArgs(static_cast<int>(argv.size()), argv.data(), &help).ok())
        << args.back();
  }
  std::vector<std::string> args = {"serve", "--help"};
  auto argv = Argv(args);
  bool help = false;
  EXPECT_TRUE(ParseServeArgs(2, argv.data(), &help).ok());
  EXPECT_TRUE(help);
  EXPECT_EQ(RunServeCommand(2, argv.data()), 0);
}

#ifdef SITREP_HAVE_HTTPLIB

class ServerSocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/sitrep_socket_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    fs::create_directories(dir_ + "/web");
    std::ofstream(dir_ + "/web/index.html") << "<!doctype html><p>hello</p>";
    std::ofstream(dir_ + "/secret.txt") << "do not serve";
    auto store = Store::Open(dir_ + "/t.db");
    ASSERT_TRUE(store.ok());
    IncidentSet set;
    Incident inc;
    inc.id = "inc-1";
    inc.country = "XK";
    inc.place = "Northtown";
    inc.killed = Figure{4, 5, 6};
    set.incidents.push_back(inc);
    ASSERT_TRUE((*store)->ReplaceIncidents(set).ok());

    ServerOptions o;
    o.db_path = dir_ + "/t.db";
    o.web_root = dir_ + "/web";
    o.port = 0;  // ephemeral
    o.threads = 2;
    o.max_body_bytes = 1024;
    o.token = "tok";
    o.engine.data_dir = dir_ + "/no-data";
    auto server = HttpServer::Create(o);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value();
    ASSERT_GT(server_->port(), 0);
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Serve().ok()); });
    // Wait until it answers: Stop() before the accept loop has started is lost, and TearDown's
    // join would then wait for ever.
    for (int i = 0; i < 500 && !Client().Get("/api/stats"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(dir_);
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    return c;
  }

  std::string dir_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(ServerSocketTest, ServesApiAndPageOverTcp) {
  auto c = Client();
  auto r = c.Get("/api/incidents?country=xk");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  auto j = nlohmann::json::parse(r->body, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["incidents"][0]["place"], "Northtown");

  r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");

  r = c.Get("/api/incidents?limit=abc");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("\"error\""), std::string::npos);

  r = c.Delete("/api/incidents/inc-1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
}

TEST_F(ServerSocketTest, APortInUseIsAnErrorNotASharedPort) {
  ServerOptions o;
  o.db_path = dir_ + "/t.db";
  o.web_root = dir_ + "/web";
  o.port = server_->port();
  auto second = HttpServer::Create(o);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("is the port in use?"), std::string::npos)
      << second.status().message();
}

TEST_F(ServerSocketTest, EncodedTraversalIsRefused) {
  auto c = Client();
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_NE(r->status, 200) << path;
    EXPECT_EQ(r->body.find("do not serve"), std::string::npos) << path;
  }
}

TEST_F(ServerSocketTest, OversizedBodyIs413AndWrongTokenIs401) {
  auto c = Client();
  httplib::Headers auth = {{"Authorization", "Bearer tok"}};
  auto r = c.Post("/api/articles", auth, std::string(4096, 'x'), "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("\"error\""), std::string::npos);
  r = c.Post("/api/articles", {{"Authorization", "Bearer nope"}}, "{}", "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  // The server is still up.
  r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerSocketTest, ManyConcurrentClients) {
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&] {
      auto c = Client();
      for (int i = 0; i < 20; ++i) {
        auto r = c.Get("/api/incidents/inc-1");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok.load(), 120);
}

#endif  // SITREP_HAVE_HTTPLIB

}  // namespace
}  // namespace sitrep
