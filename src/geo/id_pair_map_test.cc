#include "geo/id_pair_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <utility>

namespace sitrep {
namespace {

TEST(IdPairMapTest, EmptyFindsNothing) {
  IdPairMap<double> m;
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.size(), 0u);
  EXPECT_EQ(m.Find(0, 0), nullptr);
  EXPECT_EQ(m.Find(1, 2), nullptr);
}

TEST(IdPairMapTest, GetInsertsZeroAndAccumulates) {
  IdPairMap<double> m;
  m.Get(3, 7) += 0.5;
  m.Get(3, 7) += 0.25;
  ASSERT_NE(m.Find(3, 7), nullptr);
  EXPECT_EQ(*m.Find(3, 7), 0.75);
  EXPECT_EQ(m.size(), 1u);
  // The pair is ordered: (7, 3) is another key, as are pairs sharing one id.
  EXPECT_EQ(m.Find(7, 3), nullptr);
  EXPECT_EQ(m.Find(3, 8), nullptr);
  EXPECT_EQ(m.Find(4, 7), nullptr);
  // Get on an absent key inserts a value-initialised entry: present, and zero.
  EXPECT_EQ(m.Get(7, 3), 0.0);
  EXPECT_EQ(m.size(), 2u);
  ASSERT_NE(m.Find(7, 3), nullptr);
}

TEST(IdPairMapTest, ExtremeIdsDoNotCollide) {
  IdPairMap<int> m;
  m.Get(0, UINT32_MAX) = 1;
  m.Get(UINT32_MAX, 0) = 2;
  m.Get(UINT32_MAX, UINT32_MAX) = 3;
  m.Get(0, 0) = 4;
  EXPECT_EQ(*m.Find(0, UINT32_MAX), 1);
  EXPECT_EQ(*m.Find(UINT32_MAX, 0), 2);
  EXPECT_EQ(*m.Find(UINT32_MAX, UINT32_MAX), 3);
  EXPECT_EQ(*m.Find(0, 0), 4);
  EXPECT_EQ(m.size(), 4u);
}

TEST(IdPairMapTest, ClearForgetsEverythingAndIsReusable) {
  IdPairMap<double> m;
  for (uint32_t a = 1; a <= 40; ++a) m.Get(a, a % 5) = a;  // grows past the first table
  EXPECT_EQ(m.size(), 40u);
  m.Clear();
  EXPECT_TRUE(m.empty());
  for (uint32_t a = 1; a <= 40; ++a) EXPECT_EQ(m.Find(a, a % 5), nullptr);
  // A value left in a cleared slot must not leak into a new entry.
  EXPECT_EQ(m.Get(1, 1), 0.0);
  EXPECT_EQ(m.size(), 1u);
  m.Clear();
  m.Clear();  // clearing an empty map is fine
  EXPECT_TRUE(m.empty());
}

// Against std::map over many dense small ids, as the geocoder uses them (name id x country id),
// through several growths and clears.
TEST(IdPairMapTest, MatchesStdMap) {
  std::mt19937 rng(7);
  IdPairMap<int64_t> m;
  for (int round = 0; round < 4; ++round) {
    std::map<std::pair<uint32_t, uint32_t>, int64_t> ref;
    m.Clear();
    for (int i = 0; i < 3000; ++i) {
      const uint32_t a = rng() % 200, b = rng() % 60;
      const int64_t v = static_cast<int64_t>(rng() % 1000);
      m.Get(a, b) += v;
      ref[{a, b}] += v;
    }
    ASSERT_EQ(m.size(), ref.size());
    for (const auto& [k, v] : ref) {
      const int64_t* got = m.Find(k.first, k.second);
      ASSERT_NE(got, nullptr);
      EXPECT_EQ(*got, v);
    }
    for (uint32_t a = 200; a < 210; ++a) EXPECT_EQ(m.Find(a, 0), nullptr);
  }
}

}  // namespace
}  // namespace sitrep
