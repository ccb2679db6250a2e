#include "text/key_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace sitrep {
namespace {

HashedWord Key(std::string_view w) { return HashedWord{w, StringHash{}(w)}; }

TEST(KeyTableTest, FindsWhatWasInsertedByKeyAndByString) {
  KeyTable<int> t;
  t["monday"] = 1;
  t["last"] = 2;
  t["il"] = 3;
  EXPECT_EQ(t.size(), 3u);
  ASSERT_NE(t.Find(Key("monday")), nullptr);
  EXPECT_EQ(*t.Find(Key("monday")), 1);
  EXPECT_EQ(*t.Find("last"), 2);
  EXPECT_TRUE(t.contains(Key("il")));
  EXPECT_TRUE(t.contains("il"));
  // Keys are bytes: a prefix, an extension or another case is another word.
  EXPECT_EQ(t.Find(Key("mon")), nullptr);
  EXPECT_EQ(t.Find(Key("mondays")), nullptr);
  EXPECT_EQ(t.Find(Key("Monday")), nullptr);
  EXPECT_FALSE(t.contains(""));
}

TEST(KeyTableTest, OperatorBracketUpdatesInPlace) {
  KeyTable<uint16_t> t;
  t["a"] |= 1;
  t["a"] |= 4;
  t["the"] |= 2;
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(*t.Find(Key("a")), 5);
  EXPECT_EQ(*t.Find(Key("the")), 2);
}

// Many entries (several rehashes of the flat table) and many absent words: every entry is
// found with its own value, no absent word is, and ForEach visits each entry once.
TEST(KeyTableTest, ManyEntriesSurviveGrowth) {
  KeyTable<int> t;
  for (int i = 0; i < 5000; ++i) t["w" + std::to_string(i)] = i;
  EXPECT_EQ(t.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string w = "w" + std::to_string(i);
    const int* v = t.Find(Key(w));
    ASSERT_NE(v, nullptr) << w;
    EXPECT_EQ(*v, i);
  }
  for (int i = 0; i < 5000; ++i) EXPECT_FALSE(t.contains("x" + std::to_string(i)));
  std::map<std::string, int> seen;
  t.ForEach([&](std::string_view k, int v) { seen[std::string(k)] += v + 1; });
  ASSERT_EQ(seen.size(), 5000u);
  EXPECT_EQ(seen["w0"], 1);
  EXPECT_EQ(seen["w4999"], 5000);
}

// A KeyFilter of two tables passes every key of either; an empty one passes nothing it was
// not given (no table: no bit), AddAll() passes everything.
TEST(KeyTableTest, KeyFilterPassesTheKeysOfEveryTableAdded) {
  KeyTable<int> dates;
  dates["monday"] = 1;
  dates["ago"] = 2;
  KeyTable<bool> numbers;
  numbers["dozens"] = true;
  KeyFilter filter;
  EXPECT_FALSE(filter.MayContain(Key("monday").hash));
  filter.Add(dates);
  filter.Add(numbers);
  for (std::string_view w : {"monday", "ago", "dozens"}) {
    EXPECT_TRUE(filter.MayContain(Key(w).hash)) << w;
  }
  // Most other words fail (a few may share a bit: the tables decide those).
  int passed = 0;
  for (int k = 0; k < 1000; ++k) passed += filter.MayContain(Key("w" + std::to_string(k)).hash);
  EXPECT_LT(passed, 20);
  KeyFilter all;
  all.AddAll();
  EXPECT_TRUE(all.MayContain(Key("anything").hash));
}

// The filter's own bitmap is wider than a table's: with thousands of keys (several tables' worth)
// few other words pass, where a table-sized bitmap would pass about one in six.
TEST(KeyTableTest, KeyFilterStaysSelectiveWithManyKeys) {
  KeyTable<bool> many;
  for (int k = 0; k < 3000; ++k) many["key" + std::to_string(k)] = true;
  KeyFilter filter;
  filter.Add(many);
  for (int k = 0; k < 3000; ++k)
    ASSERT_TRUE(filter.MayContain(Key("key" + std::to_string(k)).hash));
  int passed = 0;
  for (int k = 0; k < 10000; ++k)
    passed += filter.MayContain(Key("other" + std::to_string(k)).hash);
  EXPECT_LT(passed, 500);  // 5%
}

TEST(KeyTableTest, EmptyTableFindsNothing) {
  KeyTable<bool> t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.Find(Key("word")), nullptr);
  int calls = 0;
  t.ForEach([&](std::string_view, bool) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace sitrep
