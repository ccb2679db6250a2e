#include "text/text_analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

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

// The finders collect the tokens that can start a date or a number first and skip those that
// an earlier match took: numbers inside a date or a range are not counted again, and the
// tokens right after a match still start their own. The same text twice in one Analyze call
// sequence (per-thread buffers reused, a shorter text after a longer one) gives the same Doc.
TEST(TextAnalyzerTest, CandidatesAfterAMatchAreNotSkipped) {
  auto r = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TextAnalyzer& ta = **r;
  const std::string text =
      "Between 10 and 12 guards, 5 police and twenty-three soldiers died on 3 March 2024 "
      "7 km away; 2 days ago 4 more died, and 8-9 were hurt.";
  auto spans = [&](const Doc& doc) {
    std::vector<std::string> q, t;
    for (const Quantity& x : doc.quantities) q.push_back(text.substr(x.span.begin, x.span.size()));
    for (const Timex& x : doc.timexes) t.push_back(text.substr(x.span.begin, x.span.size()));
    return std::make_pair(q, t);
  };
  Doc doc = ta.Analyze(text, CivilDate{2024, 3, 10});
  auto [q, t] = spans(doc);
  EXPECT_EQ(t, (std::vector<std::string>{"3 March 2024", "2 days ago"}));
  EXPECT_EQ(q, (std::vector<std::string>{"Between 10 and 12", "5", "twenty-three", "4", "8-9"}));
  ASSERT_EQ(doc.quantities.size(), 5u);
  EXPECT_EQ(doc.quantities[0].qualifier, Qualifier::kRange);
  EXPECT_EQ(doc.quantities[2].value, 23);
  EXPECT_EQ(doc.quantities[4].low, 8);
  EXPECT_EQ(doc.quantities[4].high, 9);
  ta.Analyze("Ten died.", CivilDate{2024, 3, 10});  // reuse of the per-thread buffers
  Doc again = ta.Analyze(text, CivilDate{2024, 3, 10});
  EXPECT_EQ(spans(again), spans(doc));
}

// Analyze hands the finders the tokens the tokeniser listed as candidates (numbers, words that
// are not plain ASCII, plain words whose key passes the finders' start words); they must find
// exactly what they find looking at every token themselves, on texts with words in every
// position of the tokeniser's runs, after line breaks and near the end of the text.
TEST(TextAnalyzerTest, CandidatesFromTheTokeniserFindWhatEveryTokenFinds) {
  auto r = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TextAnalyzer& ta = **r;
  const std::vector<std::string> texts = {
      "Gunmen killed twelve people on Monday and wounded dozens more, police said two days later.",
      "Three died\nlast week; a dozen were hurt in mid-August, and twenty-three fled two weeks "
      "ago. Nearly 40 were held yesterday",
      "On 3 March 2024 at least five died. Hundreds fled on Tuesday night.\nFive",
      "Zw\xC3\xB6lf Menschen starben am Montag; zwei Tage zuvor drei. Seven",
  };
  for (const std::string& text : texts) {
    const Doc doc = ta.Analyze(text, CivilDate{2024, 3, 10});
    Doc bare;
    ta.segmenter().Segment(text, &bare);
    bare.timexes = ta.timexes().Find(text, bare, CivilDate{2024, 3, 10});
    bare.quantities = ta.quantities().Find(text, bare);
    ASSERT_EQ(doc.timexes.size(), bare.timexes.size()) << text;
    for (size_t i = 0; i < doc.timexes.size(); ++i) {
      EXPECT_EQ(doc.timexes[i].span, bare.timexes[i].span) << text;
      EXPECT_EQ(doc.timexes[i].date, bare.timexes[i].date) << text;
    }
    ASSERT_EQ(doc.quantities.size(), bare.quantities.size()) << text;
    for (size_t i = 0; i < doc.quantities.size(); ++i) {
      EXPECT_EQ(doc.quantities[i].span, bare.quantities[i].span) << text;
      EXPECT_EQ(doc.quantities[i].value, bare.quantities[i].value) << text;
    }
    EXPECT_FALSE(doc.timexes.empty()) << text;
    EXPECT_FALSE(doc.quantities.empty()) << text;
  }
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
  EXPECT_TRUE(keys.ascii_word(0));  // "Gunmen"
  EXPECT_EQ(TokenText(text, b.tokens[6]), "Kavat-e-Nadir");
  EXPECT_FALSE(keys.ascii_word(6));
}

}  // namespace
}  // namespace sitrep
