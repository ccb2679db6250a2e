#include "resolve/spill.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace sitrep {
namespace {

TEST(SpillFileTest, ReadsBackWhatWasAppended) {
  SpillFile spill;
  const SpillFile::Ref a = spill.Append("first");
  const SpillFile::Ref b = spill.Append(std::string("with\0nul", 8));
  const SpillFile::Ref none = spill.Append("");
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(spill.Read(none), "");
  EXPECT_EQ(spill.Read(b), std::string("with\0nul", 8));
  EXPECT_EQ(spill.Read(a), "first");  // any order, any number of times
  EXPECT_EQ(spill.Read(a), "first");
  EXPECT_EQ(spill.bytes(), 13u);
  EXPECT_EQ(spill.Read({100, 5}), "");  // past the end: nothing, not garbage
}

TEST(SpillFileTest, StringsAcrossTheFlushBoundaryAndOnDisk) {
  // Enough bytes that most are in the file, some still buffered, and some strings straddle the
  // boundary between the two.
  SpillFile spill;
  std::vector<std::pair<SpillFile::Ref, std::string>> kept;
  for (int i = 0; i < 3000; ++i) {
    std::string s(700 + i % 613, static_cast<char>('a' + i % 26));
    s += std::to_string(i);
    kept.emplace_back(spill.Append(s), s);
  }
  EXPECT_GT(spill.bytes(), 2u << 20);
  EXPECT_TRUE(spill.on_disk());
  for (size_t i = 0; i < kept.size(); i += 7) {
    ASSERT_EQ(spill.Read(kept[i].first), kept[i].second) << i;
  }
  // Reading does not disturb appending.
  const SpillFile::Ref more = spill.Append("after reads");
  EXPECT_EQ(spill.Read(more), "after reads");
  EXPECT_EQ(spill.Read(kept.back().first), kept.back().second);
}

TEST(SpillFileTest, MovesKeepTheContent) {
  SpillFile spill;
  const SpillFile::Ref r = spill.Append("moved along");
  SpillFile other = std::move(spill);
  EXPECT_EQ(other.Read(r), "moved along");
  SpillFile third;
  third = std::move(other);
  EXPECT_EQ(third.Read(r), "moved along");
}

}  // namespace
}  // namespace sitrep
