#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include "export/export.h"
#include "ingest/dedup.h"
#include "sim/simulator.h"

namespace sitrep {
namespace {

std::vector<Article> Simulated(size_t n, uint64_t seed) {
  SimOptions o;
  o.articles = n;
  o.seed = seed;
  std::vector<Article> out;
  auto sim = Simulator::Create(o);
  EXPECT_TRUE(sim.ok()) << sim.status().ToString();
  if (!sim.ok()) return out;
  Article a;
  while ((*sim)->Next(&a)) out.push_back(a);
  return out;
}

// Resolution over compacted analyses (what `bench run` keeps for a whole corpus) must give the
// very incidents that the full analyses give.
TEST(PipelineTest, CompactedAnalysesResolveTheSame) {
  EngineOptions eo;
  eo.threads = 2;
  auto engine = Engine::Create(eo);
  if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
  std::vector<Article> articles = Simulated(400, 3);
  ASSERT_EQ(articles.size(), 400u);
  MarkDuplicates(&articles);
  const std::vector<DocAnalysis> full = (*engine)->AnalyzeAll(articles);

  std::vector<DocAnalysis> compact = full;
  size_t claims_before = 0, claims_after = 0;
  for (DocAnalysis& a : compact) {
    claims_before += a.claims.size();
    Engine::CompactForResolve(&a);
    claims_after += a.claims.size();
    EXPECT_TRUE(a.actors.empty());
    EXPECT_TRUE(a.timexes.empty());
  }
  EXPECT_LT(claims_after, claims_before);  // attached claims are kept once, on their mention

  const IncidentSet from_full = (*engine)->Resolve(full);
  const IncidentSet from_compact = (*engine)->Resolve(compact);
  ASSERT_GT(from_full.incidents.size(), 10u);
  EXPECT_EQ(IncidentsToJson(from_compact), IncidentsToJson(from_full));
}

TEST(PipelineTest, CompactKeepsUnattachedClaims) {
  DocAnalysis a;
  a.doc_id = "d";
  Claim attached, loose;
  attached.span = {0, 10};
  attached.figure_span = {3, 4};
  loose.span = {20, 30};
  loose.figure_span = {22, 23};
  loose.field = Field::kInjured;
  Claim same_sentence_other_field = attached;
  same_sentence_other_field.field = Field::kInjured;
  EventMention m;
  m.claims = {attached};
  a.mentions = {m};
  a.claims = {attached, loose, same_sentence_other_field};
  a.actors.resize(3);
  a.timexes.resize(2);
  Engine::CompactForResolve(&a);
  ASSERT_EQ(a.claims.size(), 2u);
  EXPECT_EQ(a.claims[0].span.begin, 20u);
  EXPECT_EQ(a.claims[1].field, Field::kInjured);
  EXPECT_EQ(a.claims[1].span.begin, 0u);
  ASSERT_EQ(a.mentions[0].claims.size(), 1u);
  EXPECT_TRUE(a.actors.empty());
  EXPECT_TRUE(a.timexes.empty());
}

}  // namespace
}  // namespace sitrep
