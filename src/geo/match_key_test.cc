#include "geo/match_key.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(MatchKeyTest, FoldNameDropsCaseDiacriticsAndApostrophes) {
  EXPECT_EQ(FoldName("Mūsa Khel"), "musa khel");
  EXPECT_EQ(FoldName("Mūsá Qal‘ah"), "musa qalah");
  EXPECT_EQ(FoldName("  Dera-Ismail  Khan, "), "dera ismail khan");
  EXPECT_EQ(FoldName("São Tomé"), "sao tome");
  EXPECT_EQ(FoldName("..."), "");
}

TEST(MatchKeyTest, SpellingVariantsCollide) {
  EXPECT_EQ(MatchKey("Kalat"), MatchKey("Qalat"));
  EXPECT_EQ(MatchKey("Kalat"), MatchKey("Khelat"));
  EXPECT_EQ(MatchKey("Musakhail"), MatchKey("Musakhel"));
  EXPECT_EQ(MatchKey("Musakhel"), MatchKey("Musa Khel"));
  EXPECT_EQ(MatchKey("Musa Khel"), MatchKey("Mūsa Khel"));
  EXPECT_EQ(MatchKey("Gwadar"), MatchKey("Gawadar"));
  EXPECT_EQ(MatchKey("Hyderābād"), MatchKey("HYDERABAD"));
  EXPECT_EQ(MatchKey("Mastung"), MatchKey("Mastungg"));
}

TEST(MatchKeyTest, UnrelatedNamesStayApart) {
  EXPECT_NE(MatchKey("Kalat"), MatchKey("Gwadar"));
  EXPECT_NE(MatchKey("Quetta"), MatchKey("Karachi"));
  EXPECT_NE(MatchKey("Lahore"), MatchKey("Lahad"));
  EXPECT_NE(MatchKey("Mastung"), MatchKey("Mansehra"));
  EXPECT_NE(MatchKey("Springfield"), MatchKey("Springdale"));
}

TEST(MatchKeyTest, OtherScriptsAreTransliterated) {
  EXPECT_EQ(MatchKey("Кветта"), MatchKey("Kvetta"));
  EXPECT_EQ(MatchKey("Москва"), MatchKey("Moskva"));
  EXPECT_FALSE(MatchKey("کوئٹہ").empty());
}

TEST(MatchKeyTest, RulesParseAnchorsAndErrors) {
  auto r = MatchRules::Parse("# c\n^ab\tx\nz$\ty\n!collapse\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Key("abab"), "xab");
  EXPECT_EQ(r->Key("zaz"), "zay");
  EXPECT_EQ(r->Key("aabb"), "ab");
  EXPECT_FALSE(MatchRules::Parse("no tab here\n").ok());
  EXPECT_FALSE(MatchRules::Parse("A\tb\n").ok());
  MatchRules identity;
  EXPECT_EQ(identity.Key("Musa Khel"), "musakhel");
}

}  // namespace
}  // namespace sitrep
