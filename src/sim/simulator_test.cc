#include "sim/simulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "ingest/ingest.h"

namespace sitrep {
namespace {

using nlohmann::json;

struct Corpus {
  std::vector<Article> articles;
  std::string lines;  // the JSONL bytes
  std::string gold;
};

Corpus Generate(const SimOptions& options) {
  Corpus c;
  auto sim = Simulator::Create(options);
  EXPECT_TRUE(sim.ok()) << sim.status().ToString();
  if (!sim.ok()) return c;
  Article a;
  while ((*sim)->Next(&a)) {
    c.lines += ArticleToJsonLine(a) + "\n";
    c.articles.push_back(a);
  }
  c.gold = (*sim)->GoldJson();
  return c;
}

SimOptions Options(size_t n, uint64_t seed) {
  SimOptions o;
  o.articles = n;
  o.seed = seed;
  return o;
}

int DayNumber(const CivilDate& d) {
  using namespace std::chrono;
  return static_cast<int>(
      sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                              day(static_cast<unsigned>(d.day))))
          .time_since_epoch()
          .count());
}

// Case-insensitive containment, enough for ASCII place names and their variants.
bool Mentions(std::string text, std::string name) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text.find(name) != std::string::npos;
}

TEST(SimulatorTest, SameSeedSameBytes) {
  Corpus a = Generate(Options(300, 11));
  Corpus b = Generate(Options(300, 11));
  Corpus c = Generate(Options(300, 12));
  ASSERT_EQ(a.articles.size(), 300u);
  EXPECT_EQ(a.lines, b.lines);
  EXPECT_EQ(a.gold, b.gold);
  EXPECT_NE(a.lines, c.lines);
}

TEST(SimulatorTest, ProducesExactlyTheRequestedCount) {
  for (size_t n : {1u, 2u, 7u, 53u}) {
    Corpus c = Generate(Options(n, 5));
    EXPECT_EQ(c.articles.size(), n);
    std::set<std::string> ids;
    for (const Article& a : c.articles) ids.insert(a.doc_id);
    EXPECT_EQ(ids.size(), n) << "doc ids must be unique";
  }
}

TEST(SimulatorTest, ArticlesLookLikeNewsAndRoundTripThroughIngest) {
  Corpus c = Generate(Options(200, 3));
  size_t dated = 0;
  for (const Article& a : c.articles) {
    EXPECT_GE(a.text.size(), 1800u) << a.doc_id;
    EXPECT_LE(a.text.size(), 6500u) << a.doc_id;
    EXPECT_EQ(a.text.find('{'), std::string::npos) << "unfilled slot in " << a.doc_id;
    EXPECT_EQ(a.lang, "en");
    dated += a.published.has_value();
  }
  EXPECT_GT(dated, 180u);
  IngestResult in;
  ReadJsonLines("sim.jsonl", c.lines, IngestOptions(), &in);
  EXPECT_TRUE(in.errors.empty()) << in.errors[0].ToString();
  ASSERT_EQ(in.articles.size(), c.articles.size());
  for (size_t i = 0; i < c.articles.size(); ++i) {
    EXPECT_EQ(in.articles[i].doc_id, c.articles[i].doc_id);
    EXPECT_EQ(in.articles[i].text, c.articles[i].text);
    EXPECT_EQ(in.articles[i].published, c.articles[i].published);
  }
}

TEST(SimulatorTest, GoldIsConsistentWithTheArticles) {
  Corpus c = Generate(Options(600, 21));
  json gold = json::parse(c.gold, nullptr, false);
  ASSERT_FALSE(gold.is_discarded());
  EXPECT_EQ(gold["schema"], "sitrep-gold/1");
  std::map<std::string, const Article*> by_id;
  for (const Article& a : c.articles) by_id[a.doc_id] = &a;

  std::map<std::string, std::set<std::string>> story_docs;
  size_t waves = 0;
  for (const json& inc : gold["incidents"]) {
    ASSERT_FALSE(inc["docs"].empty()) << inc["incident_id"];
    const json& k = inc["killed"];
    EXPECT_LE(k["low"].get<int>(), k["best"].get<int>()) << inc["incident_id"];
    EXPECT_LE(k["best"].get<int>(), k["high"].get<int>()) << inc["incident_id"];
    auto event = CivilDate::FromIso(inc["date"].get<std::string>());
    ASSERT_TRUE(event.has_value());
    for (const json& d : inc["docs"]) {
      const std::string id = d.get<std::string>();
      ASSERT_TRUE(by_id.count(id)) << id << " is in the gold but not in the corpus";
      const Article& a = *by_id[id];
      // The article names the place in one of its spellings.
      bool named = false;
      for (const json& alias : inc["place_aliases"])
        named |= Mentions(a.text, alias.get<std::string>());
      EXPECT_TRUE(named) << id << " does not name " << inc["place"];
      // Publication 0-2 days after the event.
      if (a.published) {
        const int gap = DayNumber(*a.published) - DayNumber(*event);
        EXPECT_GE(gap, 0) << id;
        EXPECT_LE(gap, 2) << id;
      }
      story_docs[inc["story_id"].get<std::string>()].insert(id);
    }
    waves += inc["incident_id"].get<std::string>().back() == '2';
  }
  EXPECT_GT(waves, 0u) << "expected at least one coordinated wave";
  size_t with_background = 0;
  for (const json& st : gold["stories"]) {
    std::set<std::string> docs;
    for (const json& d : st["docs"]) docs.insert(d.get<std::string>());
    EXPECT_EQ(docs, story_docs[st["story_id"].get<std::string>()]) << st["story_id"];
    for (const json& d : st["background_docs"]) {
      ASSERT_TRUE(by_id.count(d.get<std::string>()));
      EXPECT_FALSE(docs.count(d.get<std::string>())) << "a doc cannot both report and recall";
    }
    with_background += !st["background_docs"].empty();
    EXPECT_LE(st["killed"]["low"].get<int>(), st["killed"]["best"].get<int>());
    EXPECT_LE(st["killed"]["best"].get<int>(), st["killed"]["high"].get<int>());
  }
  EXPECT_GT(with_background, 0u);

  // Noise articles belong to no story; roughly the requested share.
  std::set<std::string> reported;
  for (const auto& [story, docs] : story_docs) reported.insert(docs.begin(), docs.end());
  const double noise = 1.0 - static_cast<double>(reported.size()) / c.articles.size();
  EXPECT_GT(noise, 0.03);
  EXPECT_LT(noise, 0.25);
}

TEST(SimulatorTest, OutletsDisagreeAndCopyEachOther) {
  Corpus c = Generate(Options(800, 8));
  json gold = json::parse(c.gold, nullptr, false);
  ASSERT_FALSE(gold.is_discarded());
  size_t multi_outlet = 0, ranged = 0;
  for (const json& inc : gold["incidents"]) {
    multi_outlet += inc["docs"].size() >= 2;
    ranged += inc["killed"]["low"] != inc["killed"]["high"];
  }
  EXPECT_GT(multi_outlet, gold["incidents"].size() / 2);
  EXPECT_GT(ranged, 10u) << "outlets should report different figures";
  // Wire copies: the same body (after the headline) under another outlet.
  std::map<std::string, std::string> body_source;
  size_t copies = 0;
  for (const Article& a : c.articles) {
    const std::string body = a.text.substr(a.text.find('\n'));
    auto [it, fresh] = body_source.emplace(body, a.source);
    if (!fresh && it->second != a.source) ++copies;
  }
  EXPECT_GT(copies, 5u);
}

TEST(SimulatorTest, DrawsTownsFromAGazetteer) {
  GazetteerWriter w(MatchRules::Default());
  auto add = [&](const char* name, const char* cc, const char* admin1, int64_t pop) {
    GazetteerWriter::Entry e;
    e.name = name;
    e.country = cc;
    e.admin1 = admin1;
    e.admin2 = "Testdistrict";
    e.lat = 10;
    e.lon = 20;
    e.population = pop;
    e.feature_class = 'P';
    e.feature_code = "PPL";
    e.level = GeoLevel::kPlace;
    w.AddName(w.AddEntry(e), name, 0);
  };
  add("Alphaville", "NG", "Northprov", 50000);
  add("Betatown", "NG", "Northprov", 40000);
  add("Tinyhamlet", "NG", "Northprov", 300);  // below the population floor
  add("Elsewhere", "ZZ", "Nowhere", 90000);   // a country the templates cannot name
  const std::string path = ::testing::TempDir() + "/sim_gazetteer.bin";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string bytes = w.Serialize();
    ASSERT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    std::fclose(f);
  }
  SimOptions o = Options(150, 4);
  o.gazetteer_path = path;
  o.gazetteer_min_population = 10000;
  Corpus c = Generate(o);
  json gold = json::parse(c.gold, nullptr, false);
  ASSERT_FALSE(gold.is_discarded());
  std::set<std::string> places;
  for (const json& inc : gold["incidents"]) places.insert(inc["place"].get<std::string>());
  EXPECT_EQ(places, (std::set<std::string>{"Alphaville", "Betatown"}));
}

TEST(SimulatorTest, RejectsBadOptions) {
  SimOptions o = Options(10, 1);
  o.days = 0;
  EXPECT_FALSE(Simulator::Create(o).ok());
  o = Options(10, 1);
  o.data_dir = "/nonexistent/sim";
  auto sim = Simulator::Create(o);
  ASSERT_FALSE(sim.ok());
  EXPECT_NE(sim.status().message().find("/nonexistent/sim"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
