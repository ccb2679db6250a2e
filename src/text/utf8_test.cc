#include "text/utf8.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Utf8Test, ValidAsciiAndMultibyte) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Plain ASCII text that is longer than eight bytes."));
  EXPECT_TRUE(IsValidUtf8("Huancayo \xD9\xB9\xDB\x81\xD9\x86\xDB\x8C and caf\xC3\xA9"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80 emoji"));
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));  // NUL is valid UTF-8
}

TEST(Utf8Test, InvalidSequencesReportOffset) {
  size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("abcdefghij\xFFxyz", &bad));
  EXPECT_EQ(bad, 10u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF", &bad));  // overlong '/'
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValidUtf8("ok \xED\xA0\x80", &bad));  // surrogate U+D800
  EXPECT_EQ(bad, 3u);
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("end \xE2\x82"));      // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
}

TEST(Utf8Test, RepairReplacesMaximalSubparts) {
  size_t n = 0;
  EXPECT_EQ(RepairUtf8("caf\xC3\xA9", &n), "caf\xC3\xA9");
  EXPECT_EQ(n, 0u);
  // A truncated 3-byte sequence is one subpart; the following ASCII is kept.
  EXPECT_EQ(RepairUtf8("a\xE2\x82z", &n), "a\xEF\xBF\xBDz");
  EXPECT_EQ(n, 1u);
  // Overlong: each byte is its own subpart.
  EXPECT_EQ(RepairUtf8("\xC0\xAF", &n), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(n, 2u);
  // Surrogate: ED is followed by a byte out of range -> three replacements.
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80", &n), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(n, 3u);
  std::string repaired = RepairUtf8("x\xFF\xFEy", &n);
  EXPECT_TRUE(IsValidUtf8(repaired));
  EXPECT_EQ(n, 2u);
}

TEST(Utf8Test, RepairTurnsNulIntoSpace) {
  size_t n = 0;
  std::string in("twelve bytes\0long text here", 27);
  EXPECT_EQ(RepairUtf8(in, &n), "twelve bytes long text here");
  EXPECT_EQ(n, 1u);
}

TEST(Utf8Test, RepairedOutputAlwaysValid) {
  // Every 2-byte combination repairs to valid UTF-8.
  for (int a = 0; a < 256; a += 3) {
    for (int b = 0; b < 256; b += 5) {
      std::string s = {static_cast<char>(a), static_cast<char>(b), 'x'};
      size_t n = 0;
      std::string r = RepairUtf8(s, &n);
      ASSERT_TRUE(IsValidUtf8(r)) << a << " " << b;
      if (IsValidUtf8(s) && a != 0 && b != 0) {
        EXPECT_EQ(r, s);
        EXPECT_EQ(n, 0u);
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
