#include "text/text_analyzer.h"

#include <gtest/gtest.h>

#include <thread>

#include "base/data_dir.h"

namespace sitrep {
namespace {

TEST(TextAnalyzerTest, EndToEnd) {
  auto r = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TextAnalyzer& ta = **r;
  std::string text =
      "Blasts hit two towns\n"
      "Officials said on Monday that more than 60 people were killed. Gen. Rana said at least "
      "14 soldiers died on Jan. 31 and in 2023.";
  Doc doc = ta.Analyze(text, CivilDate{2024, 8, 26});
  ASSERT_EQ(doc.sentences.size(), 3u);
  // "two", "more than 60", "at least 14"; not 31 (a date) nor 2023 (a year).
  ASSERT_EQ(doc.quantities.size(), 3u);
  EXPECT_EQ(doc.quantities[1].qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(doc.quantities[2].value, 14);
  ASSERT_EQ(doc.timexes.size(), 3u);
  EXPECT_EQ(doc.timexes[0].date, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(doc.timexes[1].date, (CivilDate{2024, 1, 31}));
  EXPECT_EQ(doc.timexes[2].date, (CivilDate{2023, 0, 0}));
}

TEST(TextAnalyzerTest, SameResultFromManyThreads) {
  auto r = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(r.ok());
  const TextAnalyzer& ta = **r;
  std::string text = "Dozens were hurt on Sunday night. Nearly 40 died in the past 24 hours.";
  Doc ref = ta.Analyze(text, CivilDate{2024, 8, 26});
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 100; ++i) {
        Doc d = ta.Analyze(text, CivilDate{2024, 8, 26});
        if (d.tokens.size() == ref.tokens.size() && d.quantities.size() == ref.quantities.size() &&
            d.timexes.size() == ref.timexes.size()) {
          ++ok[static_cast<size_t>(k)];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int v : ok) EXPECT_EQ(v, 100);
  EXPECT_EQ(ref.quantities.size(), 2u);
  EXPECT_EQ(ref.timexes.size(), 2u);
}

TEST(TextAnalyzerTest, MissingDataDirIsAnError) {
  auto r = TextAnalyzer::Load("/nonexistent-dir");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent-dir"), std::string::npos);
}

// The overload that hands the TokenKeys on: the same Doc, and keys of exactly its tokens.
TEST(TextAnalyzerTest, AnalyzeHandsOnTheTokenKeys) {
  auto r = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TextAnalyzer& ta = **r;
  std::string text = "Gunmen killed at least 14 in Kavat-e-Nadir\xE2\x80\x99s bazaar on Monday.";
  Doc a = ta.Analyze(text, CivilDate{2024, 8, 26}, "en");
  TokenKeys keys;
  Doc b = ta.Analyze(text, CivilDate{2024, 8, 26}, "en", &keys);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  ASSERT_EQ(keys.size(), b.tokens.size());
  ASSERT_EQ(a.quantities.size(), b.quantities.size());
  ASSERT_EQ(a.timexes.size(), b.timexes.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(keys.lower(i), LowerString(TokenText(text, b.tokens[i])));
  }
  EXPECT_TRUE(keys.ascii_word(0));    // "Gunmen"
  EXPECT_EQ(TokenText(text, b.tokens[6]), "Kavat-e-Nadir");
  EXPECT_FALSE(keys.ascii_word(6));
}

}  // namespace
}  // namespace sitrep
