#include "text/lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "text/segment.h"

namespace sitrep {
namespace {

TEST(LexiconTest, ReadTsvSkipsCommentsAndTrims) {
  std::string path = ::testing::TempDir() + "/lexicon_test.tsv";
  {
    std::ofstream out(path);
    out << "# header\n\nmore than\tpre\tmore_than\r\n  up to \tpre\n";
  }
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 3);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"more than", "pre", "more_than"}));
  EXPECT_EQ((*rows)[1].fields[0], "up to");
  std::remove(path.c_str());
  Result<std::vector<TsvRow>> missing = ReadTsv("/nonexistent/x.tsv");
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/x.tsv"), std::string::npos);
}

TEST(LexiconTest, LowerCasing) {
  EXPECT_EQ(LowerBuf("MoRe").view(), "more");
  EXPECT_EQ(LowerBuf("F\xC3\x89VRIER").view(), "f\xC3\xA9vrier");  // FÉVRIER
  EXPECT_EQ(LowerString("\xD0\x9C\xD0\x9E"), "\xD0\xBC\xD0\xBE");   // МО -> мо
  std::string long_word(200, 'A');
  LowerBuf lb(long_word);
  EXPECT_TRUE(lb.overflow());
}

TEST(LexiconTest, PhraseTableLongestMatch) {
  PhraseTable t;
  t.Add("more than", 1);
  t.Add("more", 2);
  t.Add("at least", 3);
  std::string text = "killed More than 60 and at least 5";
  Doc doc;
  Segment(text, &doc);
  size_t end = 0, begin = 0;
  EXPECT_EQ(t.MatchForward(text, doc.tokens, 1, &end), 1);
  EXPECT_EQ(end, 3u);
  EXPECT_EQ(t.MatchForward(text, doc.tokens, 0, &end), -1);
  EXPECT_EQ(t.MatchBackward(text, doc.tokens, 6, &begin), 3);  // "at least" before "5"
  EXPECT_EQ(begin, 5u);
}

}  // namespace
}  // namespace sitrep
