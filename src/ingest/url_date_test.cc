#include "ingest/url_date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::string Iso(std::string_view url) {
  std::optional<CivilDate> d = DateFromUrl(url);
  return d ? d->ToIso() : "none";
}

TEST(UrlDateTest, SlashSeparatedPathSegments) {
  EXPECT_EQ(Iso("https://news.example.com/world/2024/03/27/blast-in-the-market"), "2024-03-27");
  EXPECT_EQ(Iso("https://example.org/2019/7/4/"), "2019-07-04");
  EXPECT_EQ(Iso("http://example.net/a/2021/11/05-town-hall-fire.html"), "2021-11-05");
  EXPECT_EQ(Iso("/local/2020/02/29/leap-day"), "2020-02-29");
}

TEST(UrlDateTest, DashedAndCompactSegments) {
  EXPECT_EQ(Iso("https://example.com/story/2023-09-29/two-blasts"), "2023-09-29");
  EXPECT_EQ(Iso("https://example.com/story/2023_09_29_two_blasts"), "2023-09-29");
  EXPECT_EQ(Iso("https://example.com/archive/20180713/article.html"), "2018-07-13");
  EXPECT_EQ(Iso("https://example.com/archive/20180713-market-attack"), "2018-07-13");
}

TEST(UrlDateTest, NoDateWithoutADayOrAValidCalendarDate) {
  EXPECT_EQ(Iso("https://example.com/2024/03/monthly-roundup"), "none");  // a month is no date
  EXPECT_EQ(Iso("https://example.com/2023/02/29/not-a-leap-year"), "none");
  EXPECT_EQ(Iso("https://example.com/2024/13/01/"), "none");
  EXPECT_EQ(Iso("https://example.com/1850/01/01/history"), "none");
  EXPECT_EQ(Iso("https://example.com/article/123456789/"), "none");  // an id, not a date
  EXPECT_EQ(Iso("https://example.com/2024-03-271/"), "none");
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("not a url"), "none");
}

TEST(UrlDateTest, OnlyThePathIsRead) {
  EXPECT_EQ(Iso("https://20240101.example.com/story"), "none");
  EXPECT_EQ(Iso("https://example.com/story?d=/2024/01/02/"), "none");
  EXPECT_EQ(Iso("https://example.com/story#/2024/01/02/"), "none");
  EXPECT_EQ(Iso("https://example.com"), "none");
}

TEST(UrlDateTest, FirstDateInThePathWins) {
  EXPECT_EQ(Iso("https://example.com/2022/05/06/recap-of/2021/01/02/"), "2022-05-06");
}

}  // namespace
}  // namespace sitrep
