#include "pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "export/export.h"
#include "ingest/dedup.h"
#include "store/store.h"

namespace sitrep {
namespace {

// An exact copy of a near copy takes the analysis of its identical twin, not of the copy group's
// root (whose headline differs): every quote it carries stands in its own text.
TEST(PipelineTest, ExactCopyOfANearCopyQuotesItsOwnText) {
  auto engine = Engine::Create(EngineOptions());
  if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
  const std::string body =
      "Gunmen attacked a checkpoint in the town of Larkspur on Monday, killing at least seven "
      "police officers, a district official said. Nine other people were wounded in the attack.";
  Article root, near, exact;
  root.doc_id = "root";
  root.text = "Seven police killed at Larkspur checkpoint\n\n" + body;
  near.doc_id = "near";
  near.text = "Checkpoint attack leaves seven officers dead\n\n" + body;
  exact.doc_id = "exact";
  exact.text = near.text;
  near.copy_of = "root";
  exact.copy_of = "root";  // the group's root, as dedup records it
  exact.exact_duplicate = true;
  const std::vector<DocAnalysis> out = (*engine)->AnalyzeAll({root, near, exact});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[2].doc_id, "exact");
  EXPECT_EQ(out[2].claims.size(), out[1].claims.size());
  ASSERT_FALSE(out[2].claims.empty());
  for (const Claim& c : out[2].claims) {
    EXPECT_NE(exact.text.find(c.quote), std::string::npos) << c.quote;
    EXPECT_EQ(c.doc_id, "exact");
    EXPECT_FALSE(c.independent);
  }
}

// Place-alias tests: an article that writes a place the way another language does ("Moscou"),
// which the gazetteer knows under its own name, and one elsewhere.
Article AliasArticle(const std::string& id, const std::string& text) {
  Article a;
  a.doc_id = id;
  a.source = "Test Wire";
  a.lang = "en";
  a.text = text;
  a.published = CivilDate{2024, 3, 5};
  return a;
}

const Incident* IncidentAt(const IncidentSet& set, const std::string& place) {
  for (const Incident& inc : set.incidents) {
    if (inc.place == place) return &inc;
  }
  return nullptr;
}

bool HasAlias(const Incident* inc, const std::string& alias) {
  return inc != nullptr &&
         std::count(inc->place_aliases.begin(), inc->place_aliases.end(), alias) != 0;
}

// A second `ingest` batch, or a restarted server, re-resolves analyses an earlier run stored:
// the spellings travel with the analysis, so a new engine that never saw the first batch's
// text gives the same aliases, and resolution reads nothing but the analyses.
TEST(PipelineTest, AliasesOfAStoredBatchSurviveReResolutionInANewEngine) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("sitrep_pipeline_alias_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "store.db").string();
  EngineOptions eo;
  eo.threads = 1;
  const Article moscou =
      AliasArticle("one", "A bomb killed three soldiers in Moscou on Sunday, the police said.");
  {
    auto first = Engine::Create(eo);
    if (!first.ok()) GTEST_SKIP() << "no engine data: " << first.status().ToString();  // NOLINT
    std::vector<Article> batch = {moscou};
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<bool> inserted;
    ASSERT_TRUE((*store)->PutArticles(batch, &inserted).ok());
    const std::vector<DocAnalysis> analyses = (*first)->AnalyzeAll(batch);
    // The analysis carries the spelling, read from the text under the place's span.
    ASSERT_EQ(analyses.size(), 1u);
    ASSERT_EQ(analyses[0].place_spellings.size(), 1u);
    EXPECT_EQ(analyses[0].place_spellings[0].surface, "Moscou");
    const Span span = analyses[0].mentions.at(0).places.at(0).span;
    EXPECT_EQ(moscou.text.substr(span.begin, span.end - span.begin), "Moscou");
    ASSERT_TRUE((*store)->PutAnalyses(analyses).ok());
    const IncidentSet set = (*first)->Resolve(analyses).value();
    ASSERT_TRUE(HasAlias(IncidentAt(set, "Moscow"), "Moscou"));
  }

  // Second batch in a new engine (a new process): the first article is only in the store.
  auto second = Engine::Create(eo);
  ASSERT_TRUE(second.ok());
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Article> batch = {AliasArticle(
      "two", "Gunmen killed two guards in Saint Louis, Missouri on Saturday, the police said.")};
  std::vector<bool> inserted;
  ASSERT_TRUE((*store)->PutArticles(batch, &inserted).ok());
  ASSERT_TRUE((*store)->PutAnalyses((*second)->AnalyzeAll(batch)).ok());
  auto analyses = (*store)->LoadAnalyses();
  ASSERT_TRUE(analyses.ok());
  ASSERT_EQ(analyses->size(), 2u);

  const IncidentSet set = (*second)->Resolve(*analyses).value();
  EXPECT_TRUE(HasAlias(IncidentAt(set, "Moscow"), "Moscou"));
  EXPECT_TRUE(HasAlias(IncidentAt(set, "St. Louis"), "Saint Louis"));
  // Pure: resolving again, or in yet another engine, gives the same incidents.
  auto third = Engine::Create(eo);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(IncidentsToJson((*second)->Resolve(*analyses).value()), IncidentsToJson(set));
  EXPECT_EQ(IncidentsToJson((*third)->Resolve(*analyses).value()), IncidentsToJson(set));

  // The spellings give the aliases and nothing else: without them the incidents are the same
  // apart from the text's own spellings (the canonical name's variants stay).
  std::vector<DocAnalysis> bare = *analyses;
  for (DocAnalysis& a : bare) a.place_spellings.clear();
  const IncidentSet blind = (*second)->Resolve(bare).value();
  EXPECT_FALSE(HasAlias(IncidentAt(blind, "Moscow"), "Moscou"));
  EXPECT_TRUE(HasAlias(IncidentAt(blind, "St. Louis"), "Saint Louis"));
  IncidentSet same = set;
  for (Incident& inc : same.incidents) inc.place_aliases.clear();
  IncidentSet blind_same = blind;
  for (Incident& inc : blind_same.incidents) inc.place_aliases.clear();
  EXPECT_EQ(IncidentsToJson(same), IncidentsToJson(blind_same));

  store->reset();
  fs::remove_all(dir);
}

// `bench run --out` streams incidents one at a time: each carries the place_aliases
// FinishResolve() gives, and Resolve() gives the same, though the analyses were freed as they
// were added (the batch keeps their place spellings).
TEST(PipelineTest, StreamedIncidentsCarryPlaceAliases) {
  EngineOptions eo;
  eo.threads = 1;
  auto engine = Engine::Create(eo);
  if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
  std::vector<Article> articles = {
      AliasArticle("one", "A bomb killed three soldiers in Moscou on Sunday, the police said."),
      AliasArticle("two",
                   "Gunmen killed two guards in Saint Louis, Missouri on Saturday, the police "
                   "said."),
      AliasArticle("three", "A car bomb killed six people in Kabul on Monday, officials said.")};
  std::vector<DocAnalysis> analyses = (*engine)->AnalyzeAll(articles);
  EXPECT_FALSE(analyses[0].place_spellings.empty());  // "Moscou"
  EXPECT_TRUE(analyses[2].place_spellings.empty());   // the gazetteer's own spelling
  const IncidentSet direct = (*engine)->Resolve(analyses).value();
  ResolveBatch whole = (*engine)->StartResolve();
  ResolveBatch streamed = (*engine)->StartResolve();
  for (DocAnalysis& a : analyses) {
    whole.Add(a);
    streamed.Add(a);
    a = DocAnalysis();  // the batches keep what they need
  }
  const IncidentSet expected = (*engine)->FinishResolve(std::move(whole)).value();
  ASSERT_TRUE(HasAlias(IncidentAt(expected, "Moscow"), "Moscou"));
  EXPECT_EQ(IncidentsToJson(expected), IncidentsToJson(direct));
  IncidentStream stream = (*engine)->FinishResolveStream(std::move(streamed));
  EXPECT_EQ(stream.size(), expected.incidents.size());
  IncidentSet got;
  Incident inc;
  inc.place_aliases = {"stale"};  // every incident's aliases are overwritten
  while (stream.Next(&inc)) got.incidents.push_back(inc);
  EXPECT_FALSE(stream.Next(&inc));
  EXPECT_TRUE(stream.status().ok()) << stream.status().ToString();  // ended, not stopped
  EXPECT_TRUE(HasAlias(IncidentAt(got, "Moscow"), "Moscou"));
  EXPECT_TRUE(HasAlias(IncidentAt(got, "St. Louis"), "Saint Louis"));
  EXPECT_EQ(IncidentsToJson(got), IncidentsToJson(expected));
}

}  // namespace
}  // namespace sitrep
