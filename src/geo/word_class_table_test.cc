#include "geo/word_class_table.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "text/lexicon.h"

namespace sitrep {
namespace {

TEST(WordClassTableTest, OrsTheBitsOfEveryAddAndFindsByHash) {
  WordClassTable t;
  EXPECT_TRUE(t.empty());
  t.Add("the", 1);
  t.Add("of", 4);
  t.Add("the", 2);
  t.Add("nothing", 0);  // no bits: not kept
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.Find("the"), 3u);
  EXPECT_EQ(t.Find("of", StringHash{}("of")), 4u);
  EXPECT_EQ(t.Find("nothing"), 0u);
  EXPECT_EQ(t.Find("th"), 0u);   // a prefix is another word
  EXPECT_EQ(t.Find("The"), 0u);  // bytes as given: callers fold
  EXPECT_EQ(t.Find(""), 0u);
  EXPECT_TRUE(t.MaybeListed(StringHash{}("the")));
}

TEST(WordClassTableTest, AgreesWithAMapOverManyWordsOfManyLengths) {
  WordClassTable t;
  std::unordered_map<std::string, uint32_t> want;
  for (int i = 0; i < 3000; ++i) {
    // Lengths 1 to 40, so words sharing prefixes and long phrases are both in.
    std::string w(1 + i % 40, static_cast<char>('a' + i % 26));
    w += std::to_string(i / 7);
    const uint32_t bits = 1u << (i % 21);
    t.Add(w, bits);
    want[w] |= bits;
  }
  EXPECT_EQ(t.size(), want.size());
  for (const auto& [w, bits] : want) {
    EXPECT_EQ(t.Find(w, StringHash{}(w)), bits) << w;
    EXPECT_TRUE(t.MaybeListed(StringHash{}(w)));
    std::string other = w + "x";
    if (!want.count(other)) {
      EXPECT_EQ(t.Find(other), 0u) << other;
    }
  }
}

}  // namespace
}  // namespace sitrep
