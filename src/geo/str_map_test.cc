#include "geo/str_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace sitrep {
namespace {

TEST(StrMapTest, EmptyFindsNothing) {
  StrMap<int> m;
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.Find("anything"), nullptr);
  EXPECT_EQ(m.Find(""), nullptr);
}

TEST(StrMapTest, InsertFindOverwrite) {
  StrMap<uint32_t> m;
  m["river"] |= 1;
  m["river"] |= 4;
  m.Insert("bridge", 7);
  ASSERT_NE(m.Find("river"), nullptr);
  EXPECT_EQ(*m.Find("river"), 5u);
  EXPECT_EQ(*m.Find("bridge"), 7u);
  m.Insert("bridge", 9);
  EXPECT_EQ(*m.Find("bridge"), 9u);
  EXPECT_EQ(m.size(), 2u);
  // Prefixes, extensions and the empty key are other keys.
  EXPECT_EQ(m.Find("rive"), nullptr);
  EXPECT_EQ(m.Find("rivers"), nullptr);
  EXPECT_EQ(m.Find(""), nullptr);
  m.Insert("", 3);
  EXPECT_EQ(*m.Find(""), 3u);
}

TEST(StrMapTest, LookupByViewIntoOtherBuffer) {
  StrMap<std::string> m;
  m.Insert("st", "saint");
  const std::string text = "st louis";
  const std::string* v = m.Find(std::string_view(text).substr(0, 2));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(*v, "saint");
}

// Many keys of every length around the 8-byte hash step, through several rehashes and a Clear,
// agree with std::map.
TEST(StrMapTest, AgreesWithStdMapThroughGrowthAndClear) {
  std::mt19937 rng(7);
  StrMap<int> m;
  std::map<std::string, int> ref;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 5000; ++i) {
      std::string k(rng() % 20, 'a');
      for (char& c : k) c = static_cast<char>('a' + rng() % 3);  // many near-collisions
      int v = static_cast<int>(rng() % 1000);
      m.Insert(k, v);
      ref[k] = v;
    }
    EXPECT_EQ(m.size(), ref.size());
    for (const auto& [k, v] : ref) {
      const int* got = m.Find(k);
      ASSERT_NE(got, nullptr) << k;
      EXPECT_EQ(*got, v) << k;
    }
    for (int i = 0; i < 2000; ++i) {
      std::string k(rng() % 20, 'a');
      for (char& c : k) c = static_cast<char>('a' + rng() % 4);
      EXPECT_EQ(m.Find(k) != nullptr, ref.count(k) != 0) << k;
    }
    m.Clear();
    ref.clear();
    EXPECT_TRUE(m.empty());
    EXPECT_EQ(m.Find("ab"), nullptr);
  }
}

TEST(StrMapTest, HashDependsOnEveryByteAndLength) {
  EXPECT_NE(StrMapHash("abcdefgh"), StrMapHash("abcdefgi"));
  EXPECT_NE(StrMapHash("abcdefghi"), StrMapHash("abcdefghj"));
  EXPECT_NE(StrMapHash("a"), StrMapHash(std::string_view("a\0", 2)));
  EXPECT_NE(StrMapHash(""), StrMapHash(std::string_view("\0", 1)));
}

}  // namespace
}  // namespace sitrep
