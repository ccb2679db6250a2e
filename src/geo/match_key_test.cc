#include "geo/match_key.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(MatchKeyTest, FoldNameDropsCaseDiacriticsAndApostrophes) {
  EXPECT_EQ(FoldName("Nūra Khel"), "nura khel");
  EXPECT_EQ(FoldName("Nūrá Qal‘ah"), "nura qalah");
  EXPECT_EQ(FoldName("  Dera-Ismail  Khan, "), "dera ismail khan");
  EXPECT_EQ(FoldName("São Tomé"), "sao tome");
  EXPECT_EQ(FoldName("..."), "");
}

TEST(MatchKeyTest, SpellingVariantsCollide) {
  EXPECT_EQ(MatchKey("Kavat"), MatchKey("Qavat"));
  EXPECT_EQ(MatchKey("Kavat"), MatchKey("Khevat"));
  EXPECT_EQ(MatchKey("Nurakhail"), MatchKey("Nurakhel"));
  EXPECT_EQ(MatchKey("Nurakhel"), MatchKey("Nura Khel"));
  EXPECT_EQ(MatchKey("Nura Khel"), MatchKey("Nūra Khel"));
  EXPECT_EQ(MatchKey("Gwamar"), MatchKey("Gawamar"));
  EXPECT_EQ(MatchKey("Hyderābād"), MatchKey("HYDERABAD"));
  EXPECT_EQ(MatchKey("Tarsung"), MatchKey("Tarsungg"));
}

TEST(MatchKeyTest, UnrelatedNamesStayApart) {
  EXPECT_NE(MatchKey("Kavat"), MatchKey("Gwamar"));
  EXPECT_NE(MatchKey("Quenza"), MatchKey("Karachi"));
  EXPECT_NE(MatchKey("Lahore"), MatchKey("Lahad"));
  EXPECT_NE(MatchKey("Tarsung"), MatchKey("Mansehra"));
  EXPECT_NE(MatchKey("Springfield"), MatchKey("Springdale"));
}

TEST(MatchKeyTest, OtherScriptsAreTransliterated) {
  EXPECT_EQ(MatchKey("Квенза"), MatchKey("Kvenza"));
  EXPECT_EQ(MatchKey("Москва"), MatchKey("Moskva"));
  EXPECT_FALSE(MatchKey("کوئنزہ").empty());
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
  EXPECT_EQ(identity.Key("Nura Khel"), "nurakhel");
}

}  // namespace
}  // namespace sitrep
