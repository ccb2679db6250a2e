#include "sim/templates.h"

#include <gtest/gtest.h>

#include <set>

#include "base/data_dir.h"
#include "sim/simulator.h"

namespace sitrep {
namespace {

TEST(SimTemplatesTest, FillsVariablesBeforeSections) {
  auto set = TemplateSet::Parse(
      "# comment\n"
      "@greeting\n"
      "{who} met {friend} in {place}.\n"
      "@friend\n"
      "an old friend\n"
      "@who\n"
      "nobody\n",
      "test");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  SlotVars vars;
  vars.Set("who", "the reporter");
  vars.Set("place", "Harbour Town");
  Rng rng(7);
  int unknown = 0;
  std::string out = set->Pick("greeting", vars, "", rng, &unknown);
  // A variable wins over a section of the same name.
  EXPECT_EQ(out, "the reporter met an old friend in Harbour Town.");
  EXPECT_EQ(unknown, 0);
}

TEST(SimTemplatesTest, SuffixSectionWinsAndCaseMarkersApply) {
  auto set = TemplateSet::Parse(
      "@noun\nthing\n"
      "@noun.storm\nhailstorm\n"
      "@line\n{^noun} and {_Title}.\n"
      "@Title\nLoud Thunder\n",
      "test");
  ASSERT_TRUE(set.ok());
  SlotVars vars;
  Rng rng(1);
  EXPECT_EQ(set->Pick("line", vars, "storm", rng), "Hailstorm and loud Thunder.");
  EXPECT_EQ(set->Pick("line", vars, "calm", rng), "Thing and loud Thunder.");
}

TEST(SimTemplatesTest, UnknownSlotsAreKeptAndCounted) {
  auto set = TemplateSet::Parse("@a\nsee {missing} here\n", "test");
  ASSERT_TRUE(set.ok());
  SlotVars vars;
  Rng rng(1);
  int unknown = 0;
  EXPECT_EQ(set->Pick("a", vars, "", rng, &unknown), "see {missing} here");
  EXPECT_EQ(unknown, 1);
  EXPECT_EQ(set->UnresolvedSlots({}), std::vector<std::string>{"missing"});
  EXPECT_TRUE(set->UnresolvedSlots({"missing"}).empty());
}

TEST(SimTemplatesTest, RejectsMalformedFiles) {
  EXPECT_FALSE(TemplateSet::Parse("text before any section\n", "t").ok());
  EXPECT_FALSE(TemplateSet::Parse("@a\nopen {brace\n", "t").ok());
  EXPECT_FALSE(TemplateSet::Parse("@a\n@b\nx\n", "t").ok());  // @a is empty
  auto bad = TemplateSet::Parse("@a\n{x}}\n", "file.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("file.txt:2"), std::string::npos);
}

TEST(SimTemplatesTest, RngIsDeterministicAndInRange) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
  std::set<int> seen;
  for (int i = 0; i < 1000; ++i) {
    const int v = a.Range(2, 6);
    ASSERT_GE(v, 2);
    ASSERT_LE(v, 6);
    seen.insert(v);
    const double u = a.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  EXPECT_EQ(seen.size(), 5u);
}

// The shipped templates only use slots the simulator sets or sections the file defines, and
// every section expands completely once the simulator's variables are set.
TEST(SimTemplatesTest, ShippedTemplatesFillCompletely) {
  auto set = TemplateSet::Load(DataPath("sim/templates.txt"));
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->UnresolvedSlots(SimTemplateVariables()).empty());
  SlotVars vars;
  for (const std::string& v : SimTemplateVariables()) vars.Set(v, "VALUE");
  Rng rng(3);
  for (const char* section : {"lead", "headline", "wave_lead", "wave_part", "background", "injured",
                              "militants", "quote", "context", "filler"}) {
    for (const char* kind : {"bombing", "roadside", "raid", "ambush", "airstrike", "shelling"}) {
      for (const std::string& line : set->Get(section)) {
        int unknown = 0;
        std::string out;
        set->Expand(line, vars, kind, rng, &out, &unknown);
        EXPECT_EQ(unknown, 0) << section << "/" << kind << ": " << out;
        EXPECT_EQ(out.find('{'), std::string::npos) << out;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
