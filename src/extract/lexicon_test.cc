#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include "extract/test_doc.h"

namespace sitrep {
namespace {

TEST(WordStreamTest, SplitsAtHyphensApostrophesAndKeepsSpans) {
  std::string text = "Pakistan\xE2\x80\x99s al-Shabaab, at least 12 men.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  std::vector<std::string> got;
  for (const Word& w : ws.words()) got.emplace_back(w.lower);
  std::vector<std::string> want = {"pakistan", "s", "al", "shabaab", ",", "at least 12", "men", "."};
  EXPECT_EQ(got, want);
  const Word& num = ws.words()[5];
  EXPECT_EQ(num.kind, WordKind::kNumber);
  EXPECT_EQ(num.quantity, 0);
  EXPECT_EQ(text.substr(num.span.begin, num.span.size()), "at least 12");
}

TEST(WordStreamTest, SentencesAndParagraphs) {
  std::string text = "One blast. Two blasts.\nThree blasts.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  ASSERT_EQ(ws.num_sentences(), 3u);
  EXPECT_EQ(ws.paragraph(0), ws.paragraph(1));
  EXPECT_NE(ws.paragraph(1), ws.paragraph(2));
  EXPECT_EQ(ws.SentenceAt(text.find("Three")), 2u);
  // Without sentences from the text stage, lines are used.
  WordStream lines(text, Doc());
  EXPECT_EQ(lines.num_sentences(), 2u);
}

TEST(PhraseTrieTest, LongestMatchAndNumberSlot) {
  PhraseTrie trie;
  trie.Add("suicide", 1);
  trie.Add("suicide bombing", 2);
  trie.Add("at <n> locations", 3);
  std::string text = "A suicide bombing hit 12 locations";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  uint32_t p = 0;
  EXPECT_EQ(trie.Match(ws.words(), 1, ws.words().size(), &p), 2u);
  EXPECT_EQ(p, 2u);
  std::string t2 = "attacks at more than 12 locations";
  Doc d2 = testing_doc::MakeDoc(t2);
  WordStream w2(t2, d2);
  EXPECT_EQ(trie.Match(w2.words(), 1, w2.words().size(), &p), 3u);
  EXPECT_EQ(p, 3u);
}

TEST(WordStreamTest, NonLatinScriptsAreWords) {
  std::string text = "دھماکے 22 افراد۔";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  ASSERT_GE(ws.words().size(), 3u);
  EXPECT_EQ(ws.words().back().kind, WordKind::kPunct);  // the Urdu full stop
}

}  // namespace
}  // namespace sitrep
