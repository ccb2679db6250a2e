#include "ingest/feed_date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::string Iso(std::string_view s) {
  std::optional<CivilDate> d = ParseFeedDate(s);
  return d ? d->ToIso() : "none";
}

TEST(FeedDateTest, IsoDatesAndTimestamps) {
  EXPECT_EQ(Iso("2024-03-05"), "2024-03-05");
  EXPECT_EQ(Iso("2024-03-05T23:59:00-05:00"), "2024-03-05");  // the date as written
  EXPECT_EQ(Iso("2024-03-05 14:03"), "2024-03-05");
  EXPECT_EQ(Iso("  2024-03-05  "), "2024-03-05");
  EXPECT_EQ(Iso("2024-3-5"), "none");  // ISO has two-digit parts
  EXPECT_EQ(Iso("2024-03-05x"), "none");
}

TEST(FeedDateTest, SlashedYearMonthDay) {
  EXPECT_EQ(Iso("2024/03/05"), "2024-03-05");
  EXPECT_EQ(Iso("2024/3/5 14:03"), "2024-03-05");
  EXPECT_EQ(Iso("2024/13/05"), "none");
  EXPECT_EQ(Iso("2024/03"), "none");
}

TEST(FeedDateTest, Rfc2822AsRssWritesIt) {
  EXPECT_EQ(Iso("Tue, 05 Mar 2024 14:03:00 +0000"), "2024-03-05");
  EXPECT_EQ(Iso("05 Mar 2024 14:03:00 GMT"), "2024-03-05");
  EXPECT_EQ(Iso("Sun, 1 Dec 2019 00:00:00 -0800"), "2019-12-01");
  EXPECT_EQ(Iso("Tue, 05 Mar 24 14:03:00 +0000"), "none");  // two-digit years are not guessed
}

TEST(FeedDateTest, WrittenOutMonthEitherOrder) {
  EXPECT_EQ(Iso("March 5, 2024"), "2024-03-05");
  EXPECT_EQ(Iso("Mar. 5, 2024"), "2024-03-05");
  EXPECT_EQ(Iso("Tuesday, March 5, 2024"), "2024-03-05");
  EXPECT_EQ(Iso("5 March 2024"), "2024-03-05");
  EXPECT_EQ(Iso("5 MARCH 2024"), "2024-03-05");
  EXPECT_EQ(Iso("5 mars 2024"), "2024-03-05");  // months.tsv lists other languages too
  EXPECT_EQ(Iso("5. März 2024"), "2024-03-05");
}

TEST(FeedDateTest, RejectsWhatIsNoDate) {
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("yesterday"), "none");
  EXPECT_EQ(Iso("March 2024"), "none");        // no day
  EXPECT_EQ(Iso("31 April 2024"), "none");     // not in the calendar
  EXPECT_EQ(Iso("29 February 2023"), "none");  // not a leap year
  EXPECT_EQ(Iso("29 February 2024"), "2024-02-29");
  EXPECT_EQ(Iso("5, March 2024"), "none");         // a comma between day and month
  EXPECT_EQ(Iso("Funday, 5 March 2024"), "none");  // not a weekday name
  EXPECT_EQ(Iso("5 Smarch 2024"), "none");
}

}  // namespace
}  // namespace sitrep
