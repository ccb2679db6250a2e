#include "base/tsv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::pair<int, std::vector<std::string>>> Rows(std::string_view text,
                                                           size_t min_cols = 1) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  Status st = ForEachTsvLine(
      text, "t.tsv", min_cols, [&](const std::vector<std::string_view>& cols, int line) {
        rows.emplace_back(line, std::vector<std::string>(cols.begin(), cols.end()));
        return Status::Ok();
      });
  EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

TEST(TsvTest, CommentsAndBlankLinesAreSkippedAndLinesKeepTheirNumbers) {
  auto rows = Rows("# header\n\nriver\tbank\n   \n  # indented comment\r\nhill\t3\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first, 3);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"river", "bank"}));
  EXPECT_EQ(rows[1].first, 6);
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"hill", "3"}));
}

TEST(TsvTest, ColumnsAreTrimmedAndEmptyColumnsKept) {
  auto rows = Rows(" a \t\t c\r\nlast line without newline");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"last line without newline"}));
  EXPECT_TRUE(Rows("").empty());
  EXPECT_TRUE(Rows("\n\n# only comments\n").empty());
}

TEST(TsvTest, ShortRowsAndCallbackErrorsNameSourceAndLine) {
  Status st =
      ForEachTsvLine("# x\none\ttwo\nthree\n", "words.tsv", 2,
                     [](const std::vector<std::string_view>&, int) { return Status::Ok(); });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "words.tsv:3: expected 2 tab-separated columns");

  int seen = 0;
  st = ForEachTsvLine("a\nb\nc\n", "words.tsv", 1,
                      [&](const std::vector<std::string_view>& cols, int) -> Status {
                        ++seen;
                        if (cols[0] == "b") return InvalidArgument("no b here");
                        return Status::Ok();
                      });
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.message(), "words.tsv:2: no b here");
  EXPECT_EQ(seen, 2);  // The walk stops at the first error.
}

TEST(TsvTest, DataLinesComeUntrimmedApartFromTheCarriageReturn) {
  std::vector<std::string> lines;
  Status st = ForEachDataLine(" lead\tx \r\n#c\n", "f", [&](std::string_view line, int) {
    lines.emplace_back(line);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(lines, (std::vector<std::string>{" lead\tx "}));
  EXPECT_EQ(TrimBlanks(" \t x y \r"), "x y");
  EXPECT_EQ(TrimBlanks(" \t\r"), "");
}

TEST(TsvTest, FileRowsNameThePathAndAMissingFileIsAnError) {
  const std::string path = ::testing::TempDir() + "/tsv_test_rows.tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# a table\nkey\tvalue\nbroken\n";
  }
  std::vector<std::string> keys;
  Status st = ForEachTsvRow(path, 2, [&](const std::vector<std::string_view>& cols, int) {
    keys.emplace_back(cols[0]);
    return Status::Ok();
  });
  EXPECT_EQ(keys, (std::vector<std::string>{"key"}));
  EXPECT_EQ(st.message(), path + ":3: expected 2 tab-separated columns");
  std::remove(path.c_str());
  st = ForEachTsvRow(path, 1,
                     [](const std::vector<std::string_view>&, int) { return Status::Ok(); });
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(path), std::string::npos);
}

}  // namespace
}  // namespace sitrep
