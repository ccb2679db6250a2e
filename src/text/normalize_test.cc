#include "text/normalize.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace sitrep {
namespace {

TEST(NormalizeTest, NfcComposes) {
  EXPECT_EQ(NormalizeNfc("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(NormalizeNfc("already ascii"), "already ascii");
  EXPECT_EQ(NormalizeNfc("Caf\xC3\xA9"), "Caf\xC3\xA9");
}

TEST(NormalizeTest, FoldStripsAccentsAndCase) {
  EXPECT_EQ(FoldForMatch("Peshawar"), "peshawar");
  EXPECT_EQ(FoldForMatch("S\xC3\xA3o Paulo"), "sao paulo");         // São
  EXPECT_EQ(FoldForMatch("\xC5\x9Ar\xC4\xAB NAGAR"), "sri nagar");  // Śrī
  EXPECT_EQ(FoldForMatch("Stra\xC3\x9F"
                         "e"),
            "strasse");  // ß folds to ss
  EXPECT_EQ(FoldForMatch("Pakistan\xE2\x80\x99s"), "pakistan's");
  EXPECT_EQ(FoldForMatch("\xEF\xAC\x81re"), "fire");  // ﬁ ligature (NFKD)
}

TEST(NormalizeTest, FoldKeepsOtherScripts) {
  // Urdu "tahni" (twig) keeps its letters.
  EXPECT_EQ(FoldForMatch("\xD9\xB9\xDB\x81\xD9\x86\xDB\x8C"), "\xD9\xB9\xDB\x81\xD9\x86\xDB\x8C");
  // Arabic harakat (fatha U+064E) are stripped: they are optional in writing.
  EXPECT_EQ(FoldForMatch("\xD9\x85\xD9\x8E\xD8\xB1"), "\xD9\x85\xD8\xB1");
  // Devanagari vowel signs stay ("दिल्ली").
  std::string delhi = "\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D\xE0\xA4\xB2\xE0\xA5\x80";
  EXPECT_EQ(FoldForMatch(delhi), delhi);
  // Cyrillic is lower-cased.
  EXPECT_EQ(FoldForMatch("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
}

TEST(NormalizeTest, TransliterateToAscii) {
  EXPECT_EQ(Transliterate("Huancayo"), "Huancayo");
  // Cyrillic "Москва" -> "Moskva".
  EXPECT_EQ(Transliterate("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), "Moskva");
  std::string hi =
      Transliterate("\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D\xE0\xA4\xB2\xE0\xA5\x80");
  EXPECT_FALSE(hi.empty());
  for (char c : hi) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << hi;
  std::string ur = Transliterate("\xD9\xB9\xDB\x81\xD9\x86\xDB\x8C");
  EXPECT_EQ(ur, "thny");  // Urdu letters (ٹ ہ) are covered by data/text/translit.txt
  EXPECT_EQ(Transliterate("\xD9\xBE\xD8\xB4\xD8\xA7\xD9\x88\xD8\xB1"), "pshawr");  // پشاور
  EXPECT_EQ(Transliterate("Z\xC3\xBCrich"), "Zurich");
}

TEST(NormalizeTest, TransliterateFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([k, &results] {
      for (int r = 0; r < 50; ++r) {
        results[static_cast<size_t>(k)] =
            Transliterate("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, "Moskva");
}

// IsAscii reads eight bytes at a time and then the tail: a non-ASCII byte is found at every
// position of strings longer and shorter than a block, and an empty string is ASCII.
TEST(NormalizeTest, IsAsciiFindsAHighByteAnywhere) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("Nura Khel district, Varistan"));
  EXPECT_FALSE(IsAscii("Şam"));
  for (size_t len : {1u, 7u, 8u, 9u, 16u, 23u}) {
    for (size_t at = 0; at < len; ++at) {
      std::string s(len, 'a');
      s[at] = static_cast<char>(0x80);
      EXPECT_FALSE(IsAscii(s)) << len << " " << at;
      s[at] = 0x7f;
      EXPECT_TRUE(IsAscii(s)) << len << " " << at;
    }
  }
  // A view into a longer string stops at its end.
  const std::string text = "abcdefghij\xC3\xA9";
  EXPECT_TRUE(IsAscii(std::string_view(text).substr(0, 10)));
  EXPECT_FALSE(IsAscii(text));
}

}  // namespace
}  // namespace sitrep
