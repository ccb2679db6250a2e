#include "server/api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/query.h"
#include "server/static_files.h"
#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Sentences written for these tests (no corpus text).
constexpr char kTextA[] =
    "Gunmen attacked a bus depot in Northtown on Tuesday, killing 12 people, police said. "
    "The Ridge Brigade claimed the attack.";
constexpr char kTextB[] =
    "At least 20 people died when gunmen stormed a depot in Northtown, a hospital official "
    "said on Wednesday. A second blast hit Southport – café owners fled.";
constexpr char kTextC[] = "The depot attack in Northtown last month still weighs on voters.";

Span SpanOf(std::string_view text, std::string_view what) {
  size_t b = text.find(what);
  EXPECT_NE(b, std::string_view::npos) << what;
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + what.size())};
}

Claim MakeClaim(const char* doc, const char* source, std::string_view text,
                std::string_view sentence, std::string_view figure, double value, Qualifier q,
                const char* by, const char* published) {
  Claim c;
  c.doc_id = doc;
  c.source = source;
  c.span = SpanOf(text, sentence);
  c.figure_span = SpanOf(text, figure);
  c.quote = std::string(sentence);
  c.value = value;
  c.low = value;
  c.high = q == Qualifier::kAtLeast ? value * 1.5 : value;
  c.qualifier = q;
  c.attributed_to = by;
  c.published = *CivilDate::FromIso(published);
  return c;
}

Article MakeArticle(const char* id, const char* source, const char* published, const char* text) {
  Article a;
  a.doc_id = id;
  a.source = source;
  a.url = std::string("https://example.org/") + id;
  a.published = CivilDate::FromIso(published);
  a.lang = "en";
  a.text = text;
  return a;
}

IncidentSet MakeIncidents() {
  IncidentSet set;
  Incident story;
  story.id = "story-1";
  story.date = CivilDate::FromIso("2024-03-05");
  story.date_end = CivilDate::FromIso("2024-03-06");
  story.country = "XK";
  story.admin1 = "Lowland";
  story.event_type = "Explosions/Remote violence";
  story.sub_event_type = "Remote explosive/landmine/IED";
  story.killed = Figure{20, 22, 30};
  story.documents = {"doc-a", "doc-b"};
  set.incidents.push_back(story);

  Incident a;
  a.id = "inc-north";
  a.parent = "story-1";
  a.date = CivilDate::FromIso("2024-03-05");
  a.country = "XK";
  a.admin1 = "Lowland";
  a.place = "Northtown";
  a.lat = 42.5;
  a.lon = 20.9;
  a.geo_precision = 1;
  a.event_type = "Violence against civilians";
  a.sub_event_type = "Attack";
  a.perpetrator = "Ridge Brigade";
  a.killed = Figure{12, 20, 30};
  a.documents = {"doc-a", "doc-b"};
  a.mentions = {"doc-c"};
  a.claims.push_back(MakeClaim("doc-a", "Daily Courier", kTextA,
                               "Gunmen attacked a bus depot in Northtown on Tuesday, killing 12 "
                               "people, police said.",
                               "12", 12, Qualifier::kExact, "police", "2024-03-05"));
  a.claims.push_back(MakeClaim("doc-b", "Evening Post", kTextB,
                               "At least 20 people died when gunmen stormed a depot in Northtown",
                               "At least 20", 20, Qualifier::kAtLeast, "a hospital official",
                               "2024-03-06"));
  // Same document, another figure: not part of the contradiction.
  a.claims.push_back(MakeClaim("doc-a", "Daily Courier", kTextA, "The Ridge Brigade claimed",
                               "Ridge", 7, Qualifier::kExact, "", "2024-03-05"));
  a.contradictions.push_back({"killed", "doc-b says at least 20, doc-a says 12"});
  a.why.push_back({"doc-b", "attached", "same place, 1 day apart", 0.91});
  set.incidents.push_back(a);

  Incident b;
  b.id = "inc-south";
  b.parent = "story-1";
  b.date = CivilDate::FromIso("2024-03-06");
  b.country = "XK";
  b.admin1 = "Coast";
  b.place = "Southport";
  b.lat = 41.9;
  b.lon = 21.4;
  b.event_type = "Explosions/Remote violence";
  b.sub_event_type = "Remote explosive/landmine/IED";
  b.documents = {"doc-b"};
  set.incidents.push_back(b);

  Incident c;
  c.id = "inc-old";
  c.date = CivilDate::FromIso("2023-11-20");
  c.country = "YY";
  c.place = "Hillfort";
  c.event_type = "Battles";
  c.sub_event_type = "Armed clash";
  c.killed = Figure{3, 3, 3};
  set.incidents.push_back(c);
  return set;
}

DocAnalysis AnalysisOfA() {
  DocAnalysis d;
  d.doc_id = "doc-a";
  d.published = *CivilDate::FromIso("2024-03-05");
  PlaceMention p;
  p.span = SpanOf(kTextA, "Northtown");
  p.place.name = "Northtown";
  p.place.country = "XK";
  p.place.admin1 = "Lowland";
  p.place.has_coords = true;
  p.place.lat = 42.5;
  p.place.lon = 20.9;
  d.places.push_back(p);
  Timex t;
  t.span = SpanOf(kTextA, "on Tuesday");
  t.date = *CivilDate::FromIso("2024-03-05");
  t.precision = DatePrecision::kDay;
  t.relative = true;
  d.timexes.push_back(t);
  ActorMention m;
  m.span = SpanOf(kTextA, "Ridge Brigade");
  m.canonical = "Ridge Brigade";
  m.actor_class = ActorClass::kArmedGroup;
  d.actors.push_back(m);
  d.claims.push_back(MakeIncidents().incidents[1].claims[0]);
  EventMention e;
  e.doc_id = "doc-a";
  e.trigger = SpanOf(kTextA, "attacked");
  e.span = d.claims[0].span;
  e.event_type = "Violence against civilians";
  e.sub_event_type = "Attack";
  d.mentions.push_back(e);
  // A stale span past the end of the text must be dropped, not sent.
  ActorMention stale;
  stale.span = Span{5000, 5010};
  stale.canonical = "Nobody";
  d.actors.push_back(stale);
  return d;
}

class ServerApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/sitrep_api_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    db_ = dir_ + "/test.db";
    web_ = dir_ + "/web";
    fs::create_directories(web_ + "/vendor");
    std::ofstream(web_ + "/index.html") << "<!doctype html><title>t</title>";
    std::ofstream(web_ + "/app.js") << "console.log(1);";
    std::ofstream(web_ + "/vendor/x.css") << "body{}";
    std::ofstream(web_ + "/.secret") << "hidden";
    std::ofstream(dir_ + "/outside.txt") << "outside";
    fs::create_symlink(dir_ + "/outside.txt", web_ + "/link.txt");

    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<bool> inserted;
    ASSERT_TRUE((*store)
                    ->PutArticles({MakeArticle("doc-a", "Daily Courier", "2024-03-05", kTextA),
                                   MakeArticle("doc-b", "Evening Post", "2024-03-06", kTextB),
                                   MakeArticle("doc-c", "Weekly Review", "2024-04-10", kTextC)},
                                  &inserted)
                    .ok());
    ASSERT_TRUE((*store)->PutAnalyses({AnalysisOfA()}).ok());
    ASSERT_TRUE((*store)->ReplaceIncidents(MakeIncidents()).ok());
  }

  void TearDown() override {
    api_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Api& MakeApi(std::string token = "") {
    ServerOptions o;
    o.db_path = db_;
    o.web_root = web_;
    o.token = std::move(token);
    o.max_body_bytes = 4096;
    o.engine.data_dir = dir_ + "/no-data";  // ingest cannot build an engine here
    auto api = Api::Create(o);
    EXPECT_TRUE(api.ok()) << api.status().message();
    api_ = std::move(api).value();
    return *api_;
  }

  HttpResponse Get(const std::string& path, QueryParams params = {}) {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.params = std::move(params);
    return api_->Handle(r);
  }

  static json Body(const HttpResponse& r) {
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }

  std::string dir_, db_, web_;
  std::unique_ptr<Api> api_;
};

TEST_F(ServerApiTest, CreateFailsWithoutDatabase) {
  ServerOptions o;
  o.db_path = dir_ + "/missing.db";
  auto api = Api::Create(o);
  ASSERT_FALSE(api.ok());
  EXPECT_EQ(api.status().code(), StatusCode::kNotFound);
  o.db_path = "";
  EXPECT_EQ(Api::Create(o).status().code(), StatusCode::kInvalidArgument);
  // With a token the database is created, so a server can start empty and take articles.
  o.db_path = dir_ + "/fresh.db";
  o.token = "t0ken";
  EXPECT_TRUE(Api::Create(o).ok());
}

TEST_F(ServerApiTest, ListIncidentsWithSummariesAndPaging) {
  MakeApi();
  HttpResponse r = Get("/api/incidents");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json j = Body(r);
  EXPECT_EQ(j["total"], 4);
  EXPECT_EQ(j["limit"], 100);
  ASSERT_EQ(j["incidents"].size(), 4u);
  // Newest first; ties by id.
  EXPECT_EQ(j["incidents"][0]["id"], "inc-south");
  const json& story = j["incidents"][2];
  EXPECT_EQ(story["id"], "story-1");
  EXPECT_EQ(story["n_children"], 2);
  EXPECT_TRUE(story["parent"].is_null());
  const json& north = j["incidents"][1];
  EXPECT_EQ(north["id"], "inc-north");
  EXPECT_EQ(north["parent"], "story-1");
  EXPECT_EQ(north["killed"]["best"], 20);
  EXPECT_EQ(north["lat"], 42.5);
  EXPECT_EQ(north["n_documents"], 2);
  EXPECT_EQ(north["n_claims"], 3);
  EXPECT_FALSE(north.contains("claims"));

  json page = Body(Get("/api/incidents", {{"limit", "2"}, {"offset", "1"}, {"sort", "date"}}));
  EXPECT_EQ(page["total"], 4);
  ASSERT_EQ(page["incidents"].size(), 2u);
  EXPECT_EQ(page["incidents"][0]["id"], "inc-north");
  EXPECT_EQ(page["incidents"][1]["id"], "story-1");
  json past_end = Body(Get("/api/incidents", {{"offset", "99"}}));
  EXPECT_EQ(past_end["total"], 4);
  EXPECT_TRUE(past_end["incidents"].empty());
}

TEST_F(ServerApiTest, ListIncidentsFilters) {
  MakeApi();
  auto ids = [&](QueryParams p) {
    p.emplace_back("sort", "date");
    json j = Body(Get("/api/incidents", std::move(p)));
    std::vector<std::string> out;
    for (const auto& i : j["incidents"]) out.push_back(i["id"]);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids({{"country", "yy"}}), V{"inc-old"});
  EXPECT_EQ(ids({{"date_from", "2024-03-06"}}), (V{"story-1", "inc-south"}));
  EXPECT_EQ(ids({{"date_to", "2024-01-01"}}), V{"inc-old"});
  EXPECT_EQ(ids({{"admin1", "coast"}}), V{"inc-south"});
  EXPECT_EQ(ids({{"event_type", "Battles"}}), V{"inc-old"});
  EXPECT_EQ(ids({{"actor", "ridge"}}), V{"inc-north"});
  EXPECT_EQ(ids({{"min_killed", "20"}}), (V{"inc-north", "story-1"}));
  EXPECT_EQ(ids({{"bbox", "21,41,22,42"}}), V{"inc-south"});
  EXPECT_EQ(ids({{"q", "hospital official"}}), V{"inc-north"});
  EXPECT_EQ(ids({{"parent", "story-1"}}), (V{"inc-north", "inc-south"}));
  EXPECT_EQ(ids({{"parent", "none"}}), (V{"inc-old", "story-1"}));
}

TEST_F(ServerApiTest, BadParametersAre400WithJsonError) {
  MakeApi();
  for (QueryParams p : std::vector<QueryParams>{{{"limit", "0"}},
                                                {{"sort", "colour"}},
                                                {{"bbox", "1,2"}},
                                                {{"min_killed", "many"}},
                                                {{"date_from", "2024-02-30x"}},
                                                {{"country", "Pakistan"}},
                                                {{"country", "pk,Nigeria"}},
                                                {{"nonsense", "1"}}}) {
    HttpResponse r = Get("/api/incidents", p);
    EXPECT_EQ(r.status, 400) << p.front().first;
    json j = Body(r);
    ASSERT_TRUE(j.contains("error"));
    EXPECT_NE(j["error"].get<std::string>().find(p.front().first), std::string::npos);
  }
  // Invalid UTF-8 in a parameter is answered, not crashed on.
  HttpResponse r = Get("/api/incidents", {{"q", "\xff\xfe"}});
  EXPECT_EQ(r.status, 200);
  r = Get("/api/incidents", {{"sort", "\xff"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_FALSE(Body(r).is_discarded());
}

TEST_F(ServerApiTest, IncidentDetailHasChildrenDocumentsAndMarkedContradictions) {
  MakeApi();
  HttpResponse r = Get("/api/incidents/inc-north");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Body(r);
  EXPECT_EQ(j["id"], "inc-north");
  EXPECT_EQ(j["parent"], "story-1");
  ASSERT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(j["documents"][0]["id"], "doc-a");
  EXPECT_EQ(j["documents"][0]["source"], "Daily Courier");
  EXPECT_EQ(j["documents"][0]["url"], "https://example.org/doc-a");
  EXPECT_EQ(j["documents"][0]["published"], "2024-03-05");
  ASSERT_EQ(j["mentions"].size(), 1u);
  EXPECT_EQ(j["mentions"][0]["source"], "Weekly Review");
  ASSERT_EQ(j["claims"].size(), 3u);
  EXPECT_EQ(j["claims"][0]["source"], "Daily Courier");
  EXPECT_EQ(j["claims"][0]["value"], 12);
  EXPECT_EQ(j["claims"][0]["attributed_to"], "police");
  EXPECT_EQ(j["claims"][0]["contradicted"], true);
  EXPECT_EQ(j["claims"][1]["qualifier"], "at_least");
  EXPECT_EQ(j["claims"][1]["contradicted"], true);
  EXPECT_EQ(j["claims"][2]["contradicted"], false);
  ASSERT_EQ(j["contradictions"].size(), 1u);
  EXPECT_EQ(j["why"][0]["decision"], "attached");
  EXPECT_TRUE(j["children"].empty());

  json story = Body(Get("/api/incidents/story-1"));
  ASSERT_EQ(story["children"].size(), 2u);
  EXPECT_EQ(story["children"][0]["id"], "inc-north");
  EXPECT_EQ(story["children"][1]["place"], "Southport");
}

TEST_F(ServerApiTest, ContradictionsWithoutDocumentNamesUseDisjointIntervals) {
  {
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    IncidentSet set = MakeIncidents();
    set.incidents[1].contradictions = {{"killed", "two reports disagree"}};
    set.incidents[1].claims[1].qualifier = Qualifier::kExact;  // 20..20 vs 12..12 vs 7..7
    ASSERT_TRUE((*store)->ReplaceIncidents(set).ok());
  }
  MakeApi();
  json j = Body(Get("/api/incidents/inc-north"));
  ASSERT_EQ(j["claims"].size(), 3u);
  EXPECT_EQ(j["claims"][0]["contradicted"], true);
  EXPECT_EQ(j["claims"][1]["contradicted"], true);
  EXPECT_EQ(j["claims"][2]["contradicted"], true);  // 7 from doc-a vs 20 from doc-b
  json south = Body(Get("/api/incidents/inc-south"));
  EXPECT_TRUE(south["claims"].empty());
}

TEST_F(ServerApiTest, UnknownIncidentAndDocumentAre404) {
  MakeApi();
  HttpResponse r = Get("/api/incidents/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("nope"), std::string::npos);
  EXPECT_EQ(Get("/api/documents/nope").status, 404);
  EXPECT_EQ(Get("/api/nothing-here").status, 404);
  EXPECT_EQ(Get("/api/incidents/").status, 404);
}

TEST_F(ServerApiTest, DocumentHasTextAndSpansOfEverythingExtracted) {
  MakeApi();
  HttpResponse r = Get("/api/documents/doc-a");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Body(r);
  const std::string text = j["text"];
  EXPECT_EQ(text, kTextA);
  EXPECT_EQ(j["source"], "Daily Courier");
  EXPECT_EQ(j["analyzed"], true);
  std::map<std::string, std::vector<std::string>> by_kind;
  for (const auto& s : j["spans"]) {
    size_t b = s["begin"], e = s["end"];
    ASSERT_LE(e, text.size());
    by_kind[s["kind"]].push_back(text.substr(b, e - b));
    EXPECT_FALSE(s["title"].get<std::string>().empty());
  }
  EXPECT_EQ(by_kind["place"], std::vector<std::string>{"Northtown"});
  EXPECT_EQ(by_kind["date"], std::vector<std::string>{"on Tuesday"});
  EXPECT_EQ(by_kind["actor"], std::vector<std::string>{"Ridge Brigade"});  // stale one dropped
  EXPECT_EQ(by_kind["figure"], std::vector<std::string>{"12"});
  EXPECT_EQ(by_kind["event"], std::vector<std::string>{"attacked"});
  ASSERT_EQ(by_kind["claim"].size(), 1u);
  EXPECT_EQ(j["incidents"], json::array({"story-1", "inc-north"}));

  // A stored document without an analysis still shows its text (non-ASCII bytes intact).
  json b = Body(Get("/api/documents/doc-b"));
  EXPECT_EQ(b["analyzed"], false);
  EXPECT_TRUE(b["spans"].empty());
  EXPECT_EQ(b["text"], kTextB);
}

TEST_F(ServerApiTest, ExportFormatsHonourFilters) {
  MakeApi();
  HttpResponse r = Get("/api/export", {{"format", "json"}, {"country", "XK"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json j = Body(r);
  EXPECT_EQ(j["schema"], "sitrep-incidents/1");
  EXPECT_EQ(j["incidents"].size(), 3u);

  r = Get("/api/export", {{"format", "csv"}, {"country", "YY"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(r.body.find("Hillfort"), std::string::npos);
  EXPECT_EQ(r.body.find("Northtown"), std::string::npos);

  r = Get("/api/export", {{"format", "geojson"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/geo+json");
  json g = Body(r);
  EXPECT_EQ(g["type"], "FeatureCollection");
  EXPECT_EQ(g["features"].size(), 2u);  // only the incidents with coordinates

  EXPECT_EQ(Get("/api/export").status, 200);  // json by default
  EXPECT_EQ(Get("/api/export", {{"format", "xml"}}).status, 400);
  EXPECT_EQ(Get("/api/export", {{"format", "csv"}, {"sort", "x"}}).status, 400);
}

TEST_F(ServerApiTest, Stats) {
  MakeApi();
  json j = Body(Get("/api/stats"));
  EXPECT_EQ(j["incidents"], 4);
  EXPECT_EQ(j["stories"], 1);
  EXPECT_EQ(j["top_level"], 2);
  EXPECT_EQ(j["leaves"], 3);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["killed_best_total"], 25);  // story 22 + inc-old 3; children not counted twice
  EXPECT_EQ(j["date_min"], "2023-11-20");
  EXPECT_EQ(j["date_max"], "2024-03-06");
  EXPECT_EQ(j["by_country"]["XK"], 2);
  EXPECT_EQ(j["by_event_type"]["Battles"], 1);
  EXPECT_EQ(j["ingest_enabled"], false);
}

TEST_F(ServerApiTest, WrongMethodsAre405WithAllow) {
  MakeApi();
  HttpRequest r;
  r.method = "DELETE";
  r.path = "/api/incidents";
  HttpResponse res = api_->Handle(r);
  EXPECT_EQ(res.status, 405);
  bool allow = false;
  for (const auto& [k, v] : res.headers) allow = allow || (k == "Allow" && v == "GET, HEAD");
  EXPECT_TRUE(allow);
  r.method = "GET";
  r.path = "/api/articles";
  EXPECT_EQ(api_->Handle(r).status, 405);
  r.method = "POST";
  r.path = "/index.html";
  EXPECT_EQ(api_->Handle(r).status, 405);
  r.path = "/api/stats";
  EXPECT_EQ(api_->Handle(r).status, 405);
}

TEST_F(ServerApiTest, IngestIsForbiddenWithoutConfiguredToken) {
  MakeApi();
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/articles";
  r.headers["authorization"] = "Bearer anything";
  r.body = R"({"doc_id":"n1","text":"Some words."})";
  HttpResponse res = api_->Handle(r);
  EXPECT_EQ(res.status, 403);
  EXPECT_TRUE(Body(res).contains("error"));
}

TEST_F(ServerApiTest, IngestChecksTokenSizeAndBody) {
  MakeApi("s3cret");
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/articles";
  r.body = R"({"doc_id":"n1","source":"Test Wire","text":"Some words of my own."})";
  EXPECT_EQ(api_->Handle(r).status, 401);  // no header
  r.headers["authorization"] = "Bearer s3cre";
  EXPECT_EQ(api_->Handle(r).status, 401);
  r.headers["authorization"] = "Basic s3cret";
  EXPECT_EQ(api_->Handle(r).status, 401);
  r.headers["authorization"] = "Bearer s3cret";

  HttpRequest big = r;
  big.body = std::string(5000, ' ');
  EXPECT_EQ(api_->Handle(big).status, 413);
  HttpRequest junk = r;
  junk.body = "this is not json\n{\"also\": ";
  HttpResponse res = api_->Handle(junk);
  EXPECT_EQ(res.status, 400);
  EXPECT_TRUE(Body(res).contains("error"));

  // The engine cannot load (no data here): 503 with the reason, and nothing breaks.
  res = api_->Handle(r);
  EXPECT_EQ(res.status, 503) << res.body;
  EXPECT_EQ(Get("/api/stats").status, 200);
}

TEST_F(ServerApiTest, StaticFilesAndTraversal) {
  MakeApi();
  HttpResponse r = Get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<title>t</title>"), std::string::npos);
  r = Get("/app.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/vendor/x.css").content_type, "text/css; charset=utf-8");
  for (const char* bad :
       {"/../test.db", "/vendor/../../outside.txt", "/..", "/.secret", "/link.txt",
        "/vendor/..%2f..%2foutside.txt", "/a\\..\\b", "/missing.js", "/vendor"}) {
    HttpResponse res = Get(bad);
    EXPECT_EQ(res.status, 404) << bad;
    EXPECT_EQ(res.body.find("outside"), std::string::npos) << bad;
  }
  HttpRequest head;
  head.method = "HEAD";
  head.path = "/";
  EXPECT_EQ(api_->Handle(head).status, 200);
}

TEST_F(ServerApiTest, SeesWritesOfAnotherConnection) {
  MakeApi();
  EXPECT_EQ(Body(Get("/api/incidents"))["total"], 4);
  {
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    IncidentSet set = MakeIncidents();
    set.incidents.pop_back();
    ASSERT_TRUE((*store)->ReplaceIncidents(set).ok());
  }
  EXPECT_EQ(Body(Get("/api/incidents"))["total"], 3);
  EXPECT_EQ(Get("/api/incidents/inc-old").status, 404);
}

TEST_F(ServerApiTest, ReadsWorkWhileAWriterReplacesIncidents) {
  MakeApi();
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    IncidentSet full = MakeIncidents(), part = MakeIncidents();
    part.incidents.pop_back();
    for (int i = 0; i < 40 && !stop; ++i) {
      if (!(*store)->ReplaceIncidents(i % 2 ? full : part).ok()) ++failures;
    }
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 60; ++i) {
        HttpRequest r;
        r.path = i % 3 == 0   ? "/api/incidents"
                 : i % 3 == 1 ? "/api/documents/doc-a"
                              : "/api/incidents/story-1";
        HttpResponse res = api_->Handle(r);
        if (res.status != 200) ++failures;
      }
    });
  }
  for (auto& t : readers) t.join();
  stop = true;
  writer.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace sitrep
