#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

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


TEST(PhraseTrieTest, ManyPhrasesSharedPrefixesAndReplacedPayloads) {
  // Enough phrases to grow the edge table several times; prefixes shared between phrases.
  PhraseTrie trie;
  for (uint32_t k = 0; k < 500; ++k) {
    std::string a = "w" + std::to_string(k);
    EXPECT_TRUE(trie.Add(a + " common tail", k));
    EXPECT_TRUE(trie.Add("common " + a, 1000 + k));
  }
  EXPECT_FALSE(trie.Add(" , ", 7));  // no words
  EXPECT_TRUE(trie.Add("W17 Common Tail", 77));  // same phrase, other spelling: replaced
  EXPECT_EQ(trie.size(), 1000u);
  PhraseTrie copy = trie;  // lexicons are moved and copied around at load time
  std::string text = "then w17 common tail and common w499 but common w500 or w3 common";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  const std::vector<Word>& w = ws.words();
  uint32_t p = 0;
  EXPECT_EQ(copy.Match(w, 1, w.size(), &p), 3u);
  EXPECT_EQ(p, 77u);
  EXPECT_EQ(copy.Match(w, 5, w.size(), &p), 2u);
  EXPECT_EQ(p, 1499u);
  EXPECT_EQ(copy.Match(w, 8, w.size(), &p), 0u);   // "common w500": never added
  EXPECT_EQ(copy.Match(w, 11, w.size(), &p), 0u);  // "w3 common" without its tail
  EXPECT_EQ(copy.Match(w, 1, 3, &p), 0u);           // the end bound cuts the phrase
  EXPECT_EQ(copy.Match(w, 0, w.size(), &p), 0u);    // "then": no phrase starts there
}

TEST(PhraseTrieTest, PunctuationBreaksAndDigitsAreNumbers) {
  PhraseTrie trie;
  trie.Add("the past <n> hours", 4);
  trie.Add("al shabaab", 5);
  std::string text = "In the past 24 hours, al-Shabaab; al. Shabaab";
  WordStream ws(text, Doc());  // no quantities: "24" is a plain word that still matches <n>
  const std::vector<Word>& w = ws.words();
  uint32_t p = 0;
  EXPECT_EQ(trie.Match(w, 1, w.size(), &p), 4u);
  EXPECT_EQ(p, 4u);
  EXPECT_EQ(trie.Match(w, 6, w.size(), &p), 2u);  // the hyphen joins, it is not punctuation
  EXPECT_EQ(p, 5u);
  EXPECT_EQ(trie.Match(w, 9, w.size(), &p), 0u);  // "al . shabaab": the period breaks it
}

TEST(WordSetTest, ContainsWordUsesTheStreamsHashConsistently) {
  WordSet set;
  set.Add("not");
  set.Add("never");
  set.Add("12");
  std::string text = "They did NOT claim it, never 12 times; Notably, not-yet.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  int hits = 0;
  for (const Word& w : ws.words()) {
    // The Word overload agrees with the string one on every kind of word (numbers and
    // punctuation carry no word hash).
    EXPECT_EQ(set.contains(w), set.contains(w.lower)) << w.lower;
    if (w.kind == WordKind::kWord && set.contains(w)) ++hits;
  }
  EXPECT_EQ(hits, 3);  // "NOT", "never", the "not" of "not-yet"
}

TEST(WordKeyHashTest, SameBytesSameHashAndFewCollisions) {
  // Equal words from different buffers hash alike, whatever the length (tails of 0..7 bytes).
  std::string a = "xxinternationalxx", b = "international";
  for (size_t n = 0; n <= b.size(); ++n) {
    EXPECT_EQ(WordKeyHash(std::string_view(a).substr(2, n)), WordKeyHash(std::string_view(b).substr(0, n)));
  }
  // Every string of up to 4 letters from a small alphabet, and their lengths' prefixes of a
  // long word: no two collide in 32 bits, and the low bits the tries' bitmaps use spread.
  std::set<uint32_t> seen;
  std::set<uint32_t> low;
  size_t count = 0;
  const std::string alphabet = "aeinst-";
  std::vector<std::string> words = {""};
  for (int len = 1; len <= 4; ++len) {
    std::vector<std::string> next;
    for (const std::string& w : words) {
      if (static_cast<int>(w.size()) != len - 1) continue;
      for (char c : alphabet) next.push_back(w + c);
    }
    words.insert(words.end(), next.begin(), next.end());
  }
  for (size_t n = 5; n <= 40; ++n) words.push_back(std::string(n, 'a'));
  for (const std::string& w : words) {
    seen.insert(WordKeyHash(w));
    low.insert(WordKeyHash(w) & 16383);
    ++count;
  }
  EXPECT_EQ(seen.size(), count);
  EXPECT_GT(low.size(), count * 8 / 10);
}

}  // namespace
}  // namespace sitrep
