#include "base/flat_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>

namespace sitrep {
namespace {

// Every key lands on the same slot: all lookups go through the collision path.
struct ConstantHash {
  uint64_t operator()(std::string_view) const { return 7; }
  uint64_t operator()(const IdPair&) const { return 7; }
};

TEST(FlatMapTest, EmptyFindsNothing) {
  StrFlatMap<int> s;
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.Find(""), nullptr);
  EXPECT_EQ(s.Find("word"), nullptr);
  IdPairFlatMap<double> p;
  EXPECT_EQ(p.Find(0, 0), nullptr);
  EXPECT_EQ(p.Find(IdPair(1, 2)), nullptr);
}

TEST(FlatMapTest, InsertFindOverwriteAndDefaultOnGet) {
  StrFlatMap<int> m;
  m.Insert("kabul", 1);
  m.Insert("", 2);  // the empty key is a key like any other
  m["herat"] += 5;  // absent: starts at V()
  m.Insert("kabul", 3);
  ASSERT_NE(m.Find("kabul"), nullptr);
  EXPECT_EQ(*m.Find("kabul"), 3);
  EXPECT_EQ(*m.Find(""), 2);
  EXPECT_EQ(*m.Find("herat"), 5);
  EXPECT_EQ(m.Find("kabu"), nullptr);
  EXPECT_EQ(m.Find("kabull"), nullptr);
  EXPECT_EQ(m.size(), 3u);
  EXPECT_TRUE(m.Contains("herat"));
  EXPECT_FALSE(m.Contains("Herat"));
}

TEST(FlatMapTest, HeterogeneousLookupWithAndWithoutPrecomputedHash) {
  StrFlatMap<int> m;
  m.Insert(std::string("province"), 9);
  // A view into a different, larger buffer finds the key; so does a given hash.
  const std::string text = "the province of";
  const std::string_view view = std::string_view(text).substr(4, 8);
  ASSERT_NE(m.Find(view), nullptr);
  EXPECT_EQ(*m.Find(view, FlatMapHash(view)), 9);
  m.Get(view, FlatMapHash(view)) = 10;
  EXPECT_EQ(*m.Find("province"), 10);
  EXPECT_EQ(m.size(), 1u);
}

TEST(FlatMapTest, IdPairsAreOrderedAndExtremeIdsDoNotCollide) {
  IdPairFlatMap<double> m;
  m.Get(1, 2) += 1.5;
  m.Get(2, 1) += 4.0;
  m.Get(0xFFFFFFFFu, 0) = 7.0;
  m.Get(0, 0xFFFFFFFFu) = 8.0;
  EXPECT_EQ(*m.Find(1, 2), 1.5);
  EXPECT_EQ(*m.Find(2, 1), 4.0);
  EXPECT_EQ(*m.Find(0xFFFFFFFFu, 0), 7.0);
  EXPECT_EQ(*m.Find(IdPair(0, 0xFFFFFFFFu)), 8.0);
  EXPECT_EQ(m.Find(0xFFFFFFFFu, 0xFFFFFFFFu), nullptr);
  EXPECT_EQ(m.size(), 4u);
}

TEST(FlatMapTest, GrowsBeforeHalfFullAndKeepsEveryEntry) {
  StrFlatMap<int> m;
  EXPECT_EQ(m.capacity(), 16u);
  for (int i = 0; i < 1000; ++i) {
    m.Insert("k" + std::to_string(i), i);
    EXPECT_LE(2 * m.size(), m.capacity());
    EXPECT_EQ(m.capacity() & (m.capacity() - 1), 0u);  // a power of two
  }
  EXPECT_EQ(m.capacity(), 2048u);
  for (int i = 0; i < 1000; ++i) {
    const int* v = m.Find("k" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
}

TEST(FlatMapTest, CollisionsWithConstantHashStillSeparateKeys) {
  FlatMap<std::string, int, ConstantHash> s;
  FlatMap<IdPair, int, ConstantHash> p;
  for (int i = 0; i < 100; ++i) {
    s.Insert(std::string(static_cast<size_t>(i % 7), 'x') + std::to_string(i), i);
    p.Get(static_cast<uint32_t>(i), static_cast<uint32_t>(i * 3)) = i;
  }
  EXPECT_EQ(s.size(), 100u);
  EXPECT_EQ(p.size(), 100u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(*s.Find(std::string(static_cast<size_t>(i % 7), 'x') + std::to_string(i)), i);
    EXPECT_EQ(*p.Find(static_cast<uint32_t>(i), static_cast<uint32_t>(i * 3)), i);
  }
  EXPECT_EQ(s.Find("xx1"), nullptr);  // same hash as every key, absent
  EXPECT_EQ(p.Find(1, 2), nullptr);
}

TEST(FlatMapTest, ClearForgetsEverythingKeepsCapacityAndIsReusable) {
  StrFlatMap<std::string> m;
  IdPairFlatMap<int> p;
  for (int i = 0; i < 100; ++i) {
    m.Insert("key" + std::to_string(i), std::string(20, 'v'));
    p.Get(static_cast<uint32_t>(i), 1) = i;
  }
  const size_t cap = m.capacity(), pcap = p.capacity();
  m.Clear();
  p.Clear();
  EXPECT_TRUE(m.empty());
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(m.capacity(), cap);
  EXPECT_EQ(p.capacity(), pcap);
  EXPECT_EQ(m.Find("key5"), nullptr);
  EXPECT_EQ(p.Find(5, 1), nullptr);
  // Reinserted entries start from V(), not from the cleared value.
  EXPECT_EQ(m["key5"], "");
  EXPECT_EQ(p.Get(5, 1), 0);
  EXPECT_EQ(m.size(), 1u);
}

TEST(FlatMapTest, LargeRandomSetAgreesWithUnorderedMapThroughGrowthAndClear) {
  std::mt19937 rng(42);
  StrFlatMap<int> m;
  IdPairFlatMap<int> p;
  for (int round = 0; round < 3; ++round) {
    std::unordered_map<std::string, int> ref;
    std::unordered_map<uint64_t, int> pref;
    for (int i = 0; i < 20000; ++i) {
      std::string k(1 + rng() % 20, ' ');
      for (char& c : k) c = static_cast<char>('a' + rng() % 4);  // small alphabet: many repeats
      const int v = static_cast<int>(rng() % 1000);
      m.Get(k) += v;
      ref[k] += v;
      const uint32_t a = rng() % 300, b = rng() % 300;
      p.Get(a, b) += v;
      pref[(uint64_t{a} << 32) | b] += v;
    }
    ASSERT_EQ(m.size(), ref.size());
    ASSERT_EQ(p.size(), pref.size());
    for (const auto& [k, v] : ref) {
      const int* got = m.Find(k);
      ASSERT_NE(got, nullptr) << k;
      EXPECT_EQ(*got, v);
    }
    for (const auto& [k, v] : pref) {
      const int* got = p.Find(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k));
      ASSERT_NE(got, nullptr);
      EXPECT_EQ(*got, v);
    }
    for (int i = 0; i < 2000; ++i) {  // absent keys: longer than any inserted, or ids >= 300
      EXPECT_EQ(m.Find(std::string(21 + i % 5, 'a')), nullptr);
      EXPECT_EQ(p.Find(300 + static_cast<uint32_t>(i), 1), nullptr);
    }
    m.Clear();
    p.Clear();
  }
}

TEST(FlatMapTest, HashDependsOnEveryByteAndLength) {
  EXPECT_NE(FlatMapHash("abcdefgh"), FlatMapHash("abcdefgi"));
  EXPECT_NE(FlatMapHash("abcdefghi"), FlatMapHash("abcdefghj"));
  EXPECT_NE(FlatMapHash("abc"), FlatMapHash("abd"));
  EXPECT_NE(FlatMapHash("a"), FlatMapHash(std::string_view("a\0", 2)));
  EXPECT_NE(FlatMapHash(""), FlatMapHash(std::string_view("\0", 1)));
}

}  // namespace
}  // namespace sitrep
