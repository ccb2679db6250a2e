#include "model/article.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// Full dates (written without printf) and partial ones (with it) read as "%04d-%02d-%02d" would.
TEST(CivilDateTest, ToIsoPadsEachPart) {
  EXPECT_EQ((CivilDate{2024, 5, 1}).ToIso(), "2024-05-01");
  EXPECT_EQ((CivilDate{1999, 12, 31}).ToIso(), "1999-12-31");
  EXPECT_EQ((CivilDate{1, 1, 1}).ToIso(), "0001-01-01");
  EXPECT_EQ((CivilDate{9999, 12, 31}).ToIso(), "9999-12-31");
  EXPECT_EQ((CivilDate{2024, 5, 0}).ToIso(), "2024-05");
  EXPECT_EQ((CivilDate{2024, 0, 0}).ToIso(), "2024");
  EXPECT_EQ((CivilDate{12345, 1, 2}).ToIso(), "12345-01-02");
  EXPECT_EQ((CivilDate{2024, 13, 2}).ToIso(), "2024-13-02");
}

TEST(CivilDateTest, ToIsoOfAnInvalidDateIsEmpty) {
  EXPECT_EQ((CivilDate{0, 0, 0}).ToIso(), "");
  EXPECT_EQ((CivilDate{-5, 1, 1}).ToIso(), "");
}

TEST(CivilDateTest, FromIsoReadsWhatToIsoWrites) {
  for (const CivilDate& d : {CivilDate{2024, 5, 1}, CivilDate{2024, 5, 0}, CivilDate{2024, 0, 0}}) {
    std::optional<CivilDate> back = CivilDate::FromIso(d.ToIso());
    ASSERT_TRUE(back.has_value()) << d.ToIso();
    EXPECT_EQ(*back, d);
  }
}

}  // namespace
}  // namespace sitrep
