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
