#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "base/guard_page_test_util.h"
#include "extract/test_doc.h"
#include "text/lexicon.h"
#include "text/piece_text_test_util.h"
#include "text/segment.h"
#include "text/text_analyzer.h"

namespace sitrep {
namespace {

// WordStream::capitalized() as a vector, to compare.
std::vector<uint32_t> Caps(const WordStream& ws) {
  return {ws.capitalized().begin(), ws.capitalized().end()};
}

TEST(WordStreamTest, SplitsAtHyphensApostrophesAndKeepsSpans) {
  std::string text = "Pakistan\xE2\x80\x99s al-Shabaab, at least 12 men.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  std::vector<std::string> got;
  for (const Word& w : ws.words()) got.emplace_back(w.lower);
  std::vector<std::string> want = {"pakistan", "s",           "al",  "shabaab",
                                   ",",        "at least 12", "men", "."};
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

TEST(WordStreamTest, LowersWordsAndNumbersButNotOtherBytes) {
  // Capitals in words, in a quantity's qualifier and next to non-ASCII letters; punctuation
  // keeps its bytes. The views must match the text at the same offsets.
  std::string text = "GUNMEN Killed ABOUT 12 in S\xC3\xA3o Paulo \xE2\x80\x94 \xC3\x89LODIE said.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  std::vector<std::string> got;
  for (const Word& w : ws.words()) got.emplace_back(w.lower);
  std::vector<std::string> want = {"gunmen", "killed",       "about 12",      "in",   "s\xC3\xA3o",
                                   "paulo",  "\xE2\x80\x94", "\xC3\xA9lodie", "said", "."};
  EXPECT_EQ(got, want);
  for (size_t i = 0; i < ws.words().size(); ++i) {
    const Word& w = ws.words()[i];
    EXPECT_EQ(w.lower.size(), w.span.size()) << i;
    EXPECT_EQ(LowerString(ws.Original(i)), LowerString(w.lower)) << i;
  }
  // Keys: a word's own hash, the number slot's for numbers, none for punctuation.
  EXPECT_EQ(ws.words()[0].key_hash, WordKeyHash("gunmen"));
  EXPECT_EQ(ws.words()[2].key_hash, WordKeyHash(kNumberKey));
  EXPECT_EQ(ws.words()[6].kind, WordKind::kPunct);
}

// Capitals of other scripts are lowered when their lower case is as long (Cyrillic, Greek,
// Latin-1), so a sentence's first word meets the data's lower-case phrases; Turkish "İ" (longer
// in lower case) stays as written, keeping every word's bytes at the text's offsets.
TEST(WordStreamTest, LowersOtherScriptsInPlace) {
  std::string text = "Погибли семь. Ärzte ΘΑΝΑΤΟΙ İHA.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  std::vector<std::string> got;
  for (const Word& w : ws.words()) {
    if (w.kind == WordKind::kWord) got.emplace_back(w.lower);
    EXPECT_EQ(w.lower.size(), w.span.size());
  }
  std::vector<std::string> want = {"погибли", "семь", "ärzte", "θανατοι", "İha"};
  EXPECT_EQ(got, want);
  PhraseTrie trie;
  ASSERT_TRUE(trie.Add("Погибли", 7));  // phrases are lowered the same way
  uint32_t id = 0;
  EXPECT_EQ(trie.Match(ws, 0, ws.words().size(), &id), 1u);
  EXPECT_EQ(id, 7u);
}

TEST(WordStreamTest, SentenceRangesCoverEveryWordOnceAndEmptySentencesAreEmpty) {
  // The text stage may give sentences out of order and sentences without words ("..."), and
  // text before its first sentence; every word belongs to the last sentence starting at or
  // before it, and each sentence's range [begin, end) holds exactly its words.
  std::string text = "  x. Five men died. ... Then 3 more.";
  Doc doc = testing_doc::MakeDoc(text);
  doc.sentences.clear();
  auto span_of = [&](std::string_view piece) {
    uint32_t b = static_cast<uint32_t>(text.find(piece));
    return Span{b, b + static_cast<uint32_t>(piece.size())};
  };
  doc.sentences.push_back({span_of("Then 3 more."), 0, 0});
  doc.sentences.push_back({span_of("Five men died."), 0, 0});
  doc.sentences.push_back({span_of("..."), 0, 0});
  WordStream ws(text, doc);
  ASSERT_EQ(ws.num_sentences(), 3u);
  EXPECT_EQ(ws.sentence_span(0).begin, span_of("Five").begin);
  EXPECT_EQ(ws.sentence_begin(0), 0u);  // "x" and "." before the first sentence belong to it
  size_t covered = 0;
  for (size_t s = 0; s < ws.num_sentences(); ++s) {
    EXPECT_LE(ws.sentence_begin(s), ws.sentence_end(s));
    for (uint32_t i = ws.sentence_begin(s); i < ws.sentence_end(s); ++i) {
      EXPECT_EQ(ws.words()[i].sentence, s);
      ++covered;
    }
  }
  EXPECT_EQ(covered, ws.words().size());
  // "..." is three marks: a sentence of its own with its three words.
  EXPECT_EQ(ws.sentence_end(1) - ws.sentence_begin(1), 3u);
  EXPECT_EQ(ws.words()[ws.sentence_begin(2)].lower, "then");
  // Without words at all, every sentence is empty and ends at 0.
  std::string blank = "   ";
  WordStream none(blank, Doc());
  ASSERT_EQ(none.num_sentences(), 1u);
  EXPECT_EQ(none.sentence_begin(0), 0u);
  EXPECT_EQ(none.sentence_end(0), 0u);
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
  EXPECT_EQ(trie.Match(ws, 1, ws.words().size(), &p), 2u);
  EXPECT_EQ(p, 2u);
  std::string t2 = "attacks at more than 12 locations";
  Doc d2 = testing_doc::MakeDoc(t2);
  WordStream w2(t2, d2);
  EXPECT_EQ(trie.Match(w2, 1, w2.words().size(), &p), 3u);
  EXPECT_EQ(p, 3u);
}

TEST(PhraseTrieTest, FirstTwoWordsFilterKeepsEveryMatch) {
  // The pair filter rejects a position whose first two words start no phrase; it must not lose
  // one-word phrases sharing a first word with longer ones, number slots in second place, or
  // matches cut short by `end`.
  PhraseTrie trie;
  trie.Add("opened fire", 1);
  trie.Add("fire", 2);
  trie.Add("at <n>", 3);
  trie.Add("opened fire on", 5);
  std::string text = "Gunmen opened fire, then fire at 12 opened. Opened fire on it";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  const WordStream& w = ws;
  auto at = [&](std::string_view word, size_t from = 0) {
    for (size_t i = from; i < w.size(); ++i) {
      if (w[i].lower == word) return i;
    }
    return w.size();
  };
  uint32_t p = 0;
  const size_t opened = at("opened");
  EXPECT_EQ(trie.Match(w, opened, w.size(), &p), 2u);
  EXPECT_EQ(p, 1u);
  // Cut by `end` after the first word: "opened" alone is no phrase, "fire" alone is one.
  EXPECT_EQ(trie.Match(w, opened, opened + 1, &p), 0u);
  const size_t fire2 = at("fire", opened + 2);
  EXPECT_EQ(trie.Match(w, fire2, fire2 + 1, &p), 1u);
  EXPECT_EQ(p, 2u);
  // A number in second place.
  const size_t at_n = at("at");
  EXPECT_EQ(trie.Match(w, at_n, w.size(), &p), 2u);
  EXPECT_EQ(p, 3u);
  // "opened" before punctuation starts nothing; the longest phrase wins further on.
  const size_t opened2 = at("opened", at_n);
  EXPECT_EQ(trie.Match(w, opened2, w.size(), &p), 0u);
  const size_t opened3 = at("opened", opened2 + 1);
  EXPECT_EQ(trie.Match(w, opened3, w.size(), &p), 3u);
  EXPECT_EQ(p, 5u);
  // Punctuation and the word "then" start nothing.
  EXPECT_EQ(trie.Match(w, at("then"), w.size(), &p), 0u);
  EXPECT_EQ(trie.Match(w, opened + 2, w.size(), &p), 0u);  // the comma
}

TEST(StartIndexTest, IndexedStreamMatchesExactlyLikeAnUnindexedOne) {
  // With an index each word carries one bit per registered trie instead of each trie probing
  // its own bitmap: every match (and every non-match) must be the same either way, for numbers,
  // punctuation and words that start phrases of one trie only.
  PhraseTrie a, b;
  a.Add("opened fire", 1);
  a.Add("fire", 2);
  a.Add("at <n>", 3);
  b.Add("the group", 4);
  b.Add("killed", 5);
  b.Add("<n> people", 6);
  StartIndex index;
  ASSERT_TRUE(index.Register(&a));
  ASSERT_TRUE(index.Register(&b));
  std::string text = "The group opened fire at 12 sites, killed 5 people; fire, the, group.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream plain(text, doc);
  WordStream indexed(text, doc, &index);
  ASSERT_EQ(plain.words().size(), indexed.words().size());
  int matches = 0;
  for (const PhraseTrie* t : {&a, &b}) {
    for (size_t i = 0; i < plain.words().size(); ++i) {
      uint32_t p1 = 0, p2 = 0;
      size_t l1 = t->Match(plain, i, plain.words().size(), &p1);
      size_t l2 = t->Match(indexed, i, indexed.words().size(), &p2);
      EXPECT_EQ(l1, l2) << i;
      if (l1 > 0) {
        EXPECT_EQ(p1, p2) << i;
        ++matches;
      }
    }
  }
  EXPECT_EQ(matches, 7);  // the group, opened fire, fire x2, at 12, killed, 5 people
  // A trie the index never registered (a lexicon added later) still matches on an indexed
  // stream, from its own bitmap, and still rejects punctuation.
  PhraseTrie late;
  late.Add("killed", 9);
  late.Add("5 people", 10);
  int late_matches = 0;
  for (size_t i = 0; i < indexed.words().size(); ++i) {
    uint32_t p1 = 0, p2 = 0;
    size_t l1 = late.Match(plain, i, plain.words().size(), &p1);
    size_t l2 = late.Match(indexed, i, indexed.words().size(), &p2);
    EXPECT_EQ(l1, l2) << i;
    if (l2 > 0) ++late_matches;
  }
  EXPECT_EQ(late_matches, 1);  // "killed"; the number word is "<n>", not "5"
  // The index is full at 31 tries.
  StartIndex full;
  std::vector<PhraseTrie> many(32);
  for (size_t k = 0; k < many.size(); ++k) EXPECT_EQ(full.Register(&many[k]), k < 31) << k;
}

// An indexed stream keeps a trie's bit only where Match would walk the trie: at a one-word
// phrase, or at the first two words of a phrase. "the" starts "the group" but not "the market",
// and "opened" before a comma starts nothing; matches stay those of an unindexed stream.
TEST(StartIndexTest, RefinedMasksKeepOnlyWordsAPhraseMayStartAt) {
  PhraseTrie a, b;
  a.Add("the group", 1);
  a.Add("opened fire", 2);
  b.Add("fire", 3);
  StartIndex index;
  ASSERT_TRUE(index.Register(&a));
  ASSERT_TRUE(index.Register(&b));
  std::string text = "The group opened fire at the market; it opened, then fire.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream plain(text, doc);
  WordStream indexed(text, doc, &index);
  const WordStream& w = indexed;
  auto at = [&](std::string_view word, int nth) {
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i].lower == word && nth-- == 0) return i;
    }
    return w.size();
  };
  const uint32_t bit_a = indexed.starts()[at("the", 0)];
  ASSERT_NE(bit_a, 0u);
  EXPECT_EQ(indexed.starts()[at("the", 1)] & bit_a, 0u);     // "the market"
  EXPECT_NE(indexed.starts()[at("opened", 0)] & bit_a, 0u);  // "opened fire"
  EXPECT_EQ(indexed.starts()[at("opened", 1)], 0u);          // "opened ,"
  EXPECT_NE(indexed.starts()[at("fire", 1)], 0u);            // "fire" alone
  for (const PhraseTrie* t : {&a, &b}) {
    for (size_t i = 0; i < w.size(); ++i) {
      for (size_t end = i; end <= w.size(); ++end) {
        uint32_t p1 = 0, p2 = 0;
        EXPECT_EQ(t->Match(plain, i, end, &p1), t->Match(w, i, end, &p2)) << i << " " << end;
        EXPECT_EQ(p1, p2) << i;
      }
      EXPECT_EQ(t->Next(plain, i, w.size()) <= t->Next(indexed, i, w.size()), true) << i;
    }
  }
}

TEST(WordStreamTest, HasNumberIsWhetherTheSentenceHasANumberWord) {
  // Digits the text stage took as no quantity ("the past 24 hours" here has one) do not count:
  // only kNumber words do, in the sentence whose range holds them.
  std::string text = "Two men died. Nobody else was hurt.\nAt least 12 were hurt. Then calm.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  ASSERT_EQ(ws.num_sentences(), 4u);
  for (size_t s = 0; s < ws.num_sentences(); ++s) {
    bool scanned = false;
    for (size_t i = ws.sentence_begin(s); i < ws.sentence_end(s); ++i) {
      scanned |= ws.words()[i].kind == WordKind::kNumber;
    }
    EXPECT_EQ(ws.has_number(s), scanned) << s;
  }
  EXPECT_TRUE(ws.has_number(0));
  EXPECT_FALSE(ws.has_number(1));
  EXPECT_TRUE(ws.has_number(2));
  EXPECT_FALSE(ws.has_number(3));
  std::string plain = "In the past 24 hours";
  WordStream none(plain, Doc());  // no quantities: "24" is a plain word
  EXPECT_FALSE(none.has_number(0));
  EXPECT_TRUE(none.numbers().empty());
}

// numbers() lists exactly the kNumber words, ascending, also for a stream made after another
// on the same thread (which hands its buffers on).
TEST(WordStreamTest, NumbersListsTheNumberWordsInOrder) {
  std::string text = "Two men died. Nobody else was hurt.\nAt least 12 were hurt, 3 badly.";
  Doc doc = testing_doc::MakeDoc(text);
  for (int round = 0; round < 2; ++round) {
    WordStream ws(text, doc);
    std::vector<uint32_t> scanned;
    for (size_t i = 0; i < ws.words().size(); ++i) {
      if (ws.words()[i].kind == WordKind::kNumber) scanned.push_back(static_cast<uint32_t>(i));
    }
    ASSERT_EQ(scanned.size(), 3u) << round;
    EXPECT_EQ(std::vector<uint32_t>(ws.numbers().begin(), ws.numbers().end()), scanned) << round;
  }
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
  EXPECT_FALSE(trie.Add(" , ", 7));              // no words
  EXPECT_TRUE(trie.Add("W17 Common Tail", 77));  // same phrase, other spelling: replaced
  EXPECT_EQ(trie.size(), 1000u);
  PhraseTrie copy = trie;  // lexicons are moved and copied around at load time
  std::string text = "then w17 common tail and common w499 but common w500 or w3 common";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  const WordStream& w = ws;
  uint32_t p = 0;
  EXPECT_EQ(copy.Match(w, 1, w.size(), &p), 3u);
  EXPECT_EQ(p, 77u);
  EXPECT_EQ(copy.Match(w, 5, w.size(), &p), 2u);
  EXPECT_EQ(p, 1499u);
  EXPECT_EQ(copy.Match(w, 8, w.size(), &p), 0u);   // "common w500": never added
  EXPECT_EQ(copy.Match(w, 11, w.size(), &p), 0u);  // "w3 common" without its tail
  EXPECT_EQ(copy.Match(w, 1, 3, &p), 0u);          // the end bound cuts the phrase
  EXPECT_EQ(copy.Match(w, 0, w.size(), &p), 0u);   // "then": no phrase starts there
}

TEST(PhraseTrieTest, PunctuationBreaksAndDigitsAreNumbers) {
  PhraseTrie trie;
  trie.Add("the past <n> hours", 4);
  trie.Add("al shabaab", 5);
  std::string text = "In the past 24 hours, al-Shabaab; al. Shabaab";
  WordStream ws(text, Doc());  // no quantities: "24" is a plain word that still matches <n>
  const WordStream& w = ws;
  uint32_t p = 0;
  EXPECT_EQ(trie.Match(w, 1, w.size(), &p), 4u);
  EXPECT_EQ(p, 4u);
  EXPECT_EQ(trie.Match(w, 6, w.size(), &p), 2u);  // the hyphen joins, it is not punctuation
  EXPECT_EQ(p, 5u);
  EXPECT_EQ(trie.Match(w, 9, w.size(), &p), 0u);  // "al . shabaab": the period breaks it
}

// A walk stops at a leaf: a phrase that makes a leaf into an inner node (added after the
// shorter one, or before it) is still found, and a walk past a leaf finds nothing longer.
TEST(PhraseTrieTest, LongerPhraseAddedAfterAShorterOneExtendsIt) {
  PhraseTrie later, earlier;
  later.Add("shot dead", 1);
  later.Add("shot dead outside", 2);
  earlier.Add("shot dead outside", 2);
  earlier.Add("shot dead", 1);
  std::string text = "He was shot dead outside; shot dead inside";
  WordStream ws(text, Doc());
  for (const PhraseTrie* t : {&later, &earlier}) {
    uint32_t p = 0;
    EXPECT_EQ(t->Match(ws, 2, ws.size(), &p), 3u);
    EXPECT_EQ(p, 2u);
    EXPECT_EQ(t->Match(ws, 6, ws.size(), &p), 2u);  // "inside" leaves the phrase
    EXPECT_EQ(p, 1u);
  }
  PhraseTrie leaf;
  leaf.Add("shot dead", 1);
  uint32_t p = 0;
  EXPECT_EQ(leaf.Match(ws, 2, ws.size(), &p), 2u);  // "outside" follows a leaf
  EXPECT_EQ(p, 1u);
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

// WordSet keeps its words in a flat table that grows as words are added: every word added is
// found (also after the table grew, and when added twice), words never added are not, whatever
// their length, and the Word overload agrees.
TEST(WordSetTest, ManyWordsAfterGrowthDuplicatesAndAbsentWords) {
  WordSet set;
  std::vector<std::string> in, out;
  for (int k = 0; k < 300; ++k) {
    in.push_back("in" + std::to_string(k) + std::string(static_cast<size_t>(k % 13), 'x'));
    out.push_back("out" + std::to_string(k) + std::string(static_cast<size_t>(k % 11), 'y'));
  }
  for (const std::string& w : in) set.Add(w);
  for (const std::string& w : in) set.Add(w);  // twice: no second entry, still found
  for (const std::string& w : in) EXPECT_TRUE(set.contains(w)) << w;
  for (const std::string& w : out) EXPECT_FALSE(set.contains(w)) << w;
  EXPECT_FALSE(set.contains(""));
  EXPECT_FALSE(set.contains("in2x"));  // a prefix of "in2xx" is another word
  const std::string text = "in7xxxxxxx out7 in250xxx in12";
  const Doc doc = testing_doc::MakeDoc(text);
  const WordStream ws(text, doc);
  ASSERT_EQ(ws.words().size(), 4u);
  EXPECT_TRUE(set.contains(ws.words()[0]));
  EXPECT_FALSE(set.contains(ws.words()[1]));
  EXPECT_TRUE(set.contains(ws.words()[2]));
  EXPECT_FALSE(set.contains(ws.words()[3]));  // "in12" is no word of the set ("in12x" is)
}

TEST(WordKeyHashTest, SameBytesSameHashAndFewCollisions) {
  // Equal words from different buffers hash alike, whatever the length (tails of 0..7 bytes).
  std::string a = "xxinternationalxx", b = "international";
  for (size_t n = 0; n <= b.size(); ++n) {
    EXPECT_EQ(WordKeyHash(std::string_view(a).substr(2, n)),
              WordKeyHash(std::string_view(b).substr(0, n)));
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

// SameBytes compares short words without a loop (first, middle and last byte up to three
// bytes, two overlapping loads up to eight): it agrees with memcmp at every length and wherever
// the one differing byte is.
TEST(SameBytesTest, AgreesWithMemcmpAtEveryLengthAndPosition) {
  const std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 0; n <= 12; ++n) {
    EXPECT_TRUE(SameBytes(base.data(), std::string(base).data(), n)) << n;
    for (size_t k = 0; k < n; ++k) {
      std::string other = base;
      other[k] = '#';
      EXPECT_FALSE(SameBytes(base.data(), other.data(), n)) << n << " " << k;
    }
  }
}

// StartRefiner settles a word's pair-only bits when the next word comes: kept where the pair
// is a phrase's first two words, cleared before another pair, before punctuation and at the end.
TEST(StartRefinerTest, KeepsPairOnlyBitsOnlyBeforeTheirSecondWord) {
  PhraseTrie a;
  a.Add("the group", 1);
  StartIndex index;
  ASSERT_TRUE(index.Register(&a));
  const uint32_t the = WordKeyHash("the"), group = WordKeyHash("group"), man = WordKeyHash("man");
  const StartIndex::Entry e = index.Lookup(the);
  ASSERT_NE(e.starts, 0u);
  EXPECT_EQ(e.pair_only, e.starts);  // "the" alone is no phrase
  // the group . the man the
  const std::vector<std::pair<bool, uint32_t>> seq = {{false, the}, {false, group}, {true, 0},
                                                      {false, the}, {false, man},   {false, the}};
  std::vector<uint32_t> masks(seq.size());
  StartRefiner refiner(index);
  for (size_t k = 0; k < seq.size(); ++k) {
    const auto [punct, h] = seq[k];
    const StartIndex::Entry x = punct ? StartIndex::Entry{} : index.Lookup(h);
    masks[k] = x.starts;
    refiner.Step(masks.data(), k, punct, h, x.pair_only);
  }
  refiner.Finish(masks.data(), masks.size());
  EXPECT_EQ(masks[0], e.starts);  // "the group"
  EXPECT_EQ(masks[3], 0u);        // "the man"
  EXPECT_EQ(masks[5], 0u);        // the last word
}

// WordKeyHash is the low half of the text stage's StringHash, so a word taken from TokenKeys
// keeps its key's hash: the same value for every length (whole chunks, tails of 1..7 bytes, the
// overlapping loads of short words) and for any bytes, read from inside a larger buffer.
TEST(WordKeyHashTest, IsTheLowHalfOfTheTextStagesStringHash) {
  std::string buf = "xx";
  for (int k = 0; k < 48; ++k) {
    buf += static_cast<char>(k % 3 == 0 ? 'A' + k : k % 3 == 1 ? 0xC3 : '-');
  }
  buf += "yy";
  for (size_t from = 0; from < 4; ++from) {
    for (size_t n = 0; from + n <= buf.size(); ++n) {
      const std::string_view key = std::string_view(buf).substr(from, n);
      EXPECT_EQ(WordKeyHash(key), static_cast<uint32_t>(StringHash{}(key))) << from << " " << n;
    }
  }
  std::string text = "Gunmen OPENED fire on a checkpoint in al-Hamra, killing 12 people.";
  Doc doc = testing_doc::MakeDoc(text);
  Doc seg;
  Segment(text, &seg);
  doc.tokens = seg.tokens;
  TokenKeys keys(text, doc.tokens);
  for (size_t t = 0; t < keys.size(); ++t) {
    EXPECT_EQ(WordKeyHash(keys.lower(t)), static_cast<uint32_t>(keys[t].hash)) << t;
  }
}

// The words of a stream made with the text stage's TokenKeys are exactly those of one made
// without: same spans, lower-cased forms, kinds, quantities, sentences and hashes.
// With `tokeniser_keys`, the keys are the keyed Segmenter's own, which mark the words of its
// ASCII runs (TokenKeys::space_link) that the stream then takes without testing their bytes.
void ExpectSameWords(const std::string& text, bool tokeniser_keys = false) {
  Doc doc = testing_doc::MakeDoc(text);
  Doc seg;
  TokenKeys keys;
  if (tokeniser_keys) {
    static const std::unique_ptr<Segmenter> segmenter = Segmenter::Load(DataDir()).value();
    segmenter->Segment(text, &seg, &keys);
  } else {
    Segment(text, &seg);
    keys.Build(text, seg.tokens);
  }
  doc.tokens = seg.tokens;
  WordStream plain(text, doc);
  WordStream shared(text, doc, nullptr, &keys);
  ASSERT_EQ(shared.words().size(), plain.words().size()) << text;
  for (size_t i = 0; i < plain.words().size(); ++i) {
    const Word& a = shared.words()[i];
    const Word& b = plain.words()[i];
    EXPECT_EQ(a.span.begin, b.span.begin) << text << " word " << i;
    EXPECT_EQ(a.span.end, b.span.end) << text << " word " << i;
    EXPECT_EQ(a.lower, b.lower) << text << " word " << i;
    EXPECT_EQ(a.kind, b.kind) << text << " word " << i;
    EXPECT_EQ(a.quantity, b.quantity) << text << " word " << i;
    EXPECT_EQ(a.sentence, b.sentence) << text << " word " << i;
    EXPECT_EQ(a.key_hash, b.key_hash) << text << " word " << i;
  }
  ASSERT_EQ(shared.num_sentences(), plain.num_sentences());
  for (size_t s = 0; s < plain.num_sentences(); ++s) {
    EXPECT_EQ(shared.sentence_begin(s), plain.sentence_begin(s));
    EXPECT_EQ(shared.sentence_end(s), plain.sentence_end(s));
  }
  EXPECT_EQ(Caps(shared), Caps(plain)) << text;
}

TEST(WordStreamTest, SharedTokenKeysGiveTheSameWords) {
  // Hyphens, apostrophes (straight, curly, possessive), accented and non-Latin words, symbols
  // that are word characters here but not to the text stage, numbers, line breaks.
  ExpectSameWords("Gunmen killed at least 12 people in al-Hamra's market, police said.");
  ExpectSameWords(
      "O'Neil and Ma\xE2\x80\x99sum met twenty-three elders in "
      "Caf\xC3\xA9 Z\xC3\xBCrich.");
  ExpectSameWords("\xE2\x80\x9CWe fled,\xE2\x80\x9D said Ali\xE2\x80\x99s son. 5km away, 3rd day.");
  ExpectSameWords(
      "Price 50\xE2\x82\xAC or \xE2\x82\xAC"
      "50, temp 40\xC2\xB0"
      "C; "
      "1,200 troops; 3.5 tonnes.");
  ExpectSameWords(
      "\xD0\x92\xD0\xB7\xD1\x80\xD1\x8B\xD0\xB2 \xD0\xB2 Kabul\n"
      "\xD8\xA7\xD9\x86\xD9\x81\xD8\xAC\xD8\xA7\xD8\xB1 "
      "in Lahore \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82 blast");
  ExpectSameWords("HEADLINE: Two dead\n\nSecond paragraph_with_underscores and x2 COVID19 cases.");
  ExpectSameWords("Ends without a stop at Huancayo");
  ExpectSameWords(
      "a\xCA\xBC"
      "b c\xE2\x80\x91"
      "d e\xE2\x80\x98"
      "f 15-year-old about 40 men");
  ExpectSameWords(
      "\xFF\xFE"
      "broken bytes\x80"
      "after and before\xC3");
}

// The tokeniser's keys mark most words of a text one space apart: taken by that mark, they are
// the same words, also next to numbers, hyphens, apostrophes, underscores and quantities.
TEST(WordStreamTest, TokeniserMarkedWordsGiveTheSameWords) {
  ExpectSameWords(
      "Gunmen killed at least 12 people in the market of al-Hamra's old town on Monday, police "
      "said. The attackers fled toward the hills after the blast, witnesses told reporters.",
      true);
  ExpectSameWords(
      "HEADLINE: Two dead in the attack\n\nA second paragraph_with_underscores and x2 COVID19 "
      "cases were found near 15-year-old victims, about 40 men and O'Neil said so. Then more "
      "came to the town of Kabul where twenty-three elders met at dawn to talk again.",
      true);
}

// TakeTokens' loop moves on to the next sentence itself: a sentence with no word of its own
// (here one that is a single space) begins and ends at the next word, with or without keys.
TEST(WordStreamTest, SharedTokenKeysKeepSentencesWithoutWords) {
  const std::string text = "Men died. Police came.";
  Doc doc = testing_doc::MakeDoc(text);
  Doc seg;
  Segment(text, &seg);
  doc.tokens = seg.tokens;
  doc.sentences.clear();
  doc.sentences.push_back({Span{0, 9}, 0, 0});    // "Men died."
  doc.sentences.push_back({Span{9, 10}, 0, 0});   // " "
  doc.sentences.push_back({Span{10, 22}, 0, 0});  // "Police came."
  const TokenKeys keys(text, doc.tokens);
  StartIndex index;
  const WordStream plain(text, doc, &index);
  const WordStream shared(text, doc, &index, &keys);
  ASSERT_EQ(shared.words().size(), 6u);
  ASSERT_EQ(plain.words().size(), 6u);
  for (const WordStream* ws : {&plain, &shared}) {
    EXPECT_EQ(ws->sentence_begin(1), 3u);  // "Police"
    EXPECT_EQ(ws->sentence_end(1), 3u);
    EXPECT_EQ(ws->sentence_begin(2), 3u);
    EXPECT_EQ(ws->sentence_end(2), 6u);
    EXPECT_EQ(ws->words()[2].sentence, 0u);  // "."
    EXPECT_EQ(ws->words()[3].sentence, 2u);
  }
}

// The words the text stage's keys give (TakeTokens' loop) carry the same StartIndex masks as
// the words the stream scans itself, also across sentence ends, marks right after words, gaps
// of several spaces and a stream longer than its first buffer (one-letter words grow it).
TEST(WordStreamTest, SharedTokenKeysGiveTheSameMasksAndGrowTheBuffer) {
  PhraseTrie a, b;
  a.Add("opened fire", 1);
  a.Add("a b", 2);
  b.Add("police", 3);
  b.Add("<n> people", 4);
  StartIndex index;
  ASSERT_TRUE(index.Register(&a));
  ASSERT_TRUE(index.Register(&b));
  std::string text = "Police said gunmen opened fire,  killing 5 people.  Then:\n";
  for (int k = 0; k < 400; ++k) text += k % 50 == 49 ? "a. " : "a b ";
  text += "The End";
  Doc doc = testing_doc::MakeDoc(text);
  Doc seg;
  Segment(text, &seg);
  doc.tokens = seg.tokens;
  const TokenKeys keys(text, doc.tokens);
  const WordStream plain(text, doc, &index);
  const WordStream shared(text, doc, &index, &keys);
  ASSERT_GT(plain.words().size(), text.size() / 5 + 8);  // past the first buffer
  ASSERT_EQ(shared.words().size(), plain.words().size());
  for (size_t i = 0; i < plain.words().size(); ++i) {
    const Word& x = shared.words()[i];
    const Word& y = plain.words()[i];
    EXPECT_EQ(x.span.begin, y.span.begin) << i;
    EXPECT_EQ(x.lower, y.lower) << i;
    EXPECT_EQ(x.kind, y.kind) << i;
    EXPECT_EQ(x.sentence, y.sentence) << i;
    EXPECT_EQ(shared.starts()[i], plain.starts()[i]) << i;
  }
  for (size_t k = 0; k < WordStream::kStartsPadding; ++k) {
    EXPECT_EQ(shared.starts()[shared.words().size() + k], 0u);
  }
  ASSERT_EQ(shared.num_sentences(), plain.num_sentences());
  for (size_t s = 0; s < plain.num_sentences(); ++s) {
    EXPECT_EQ(shared.sentence_begin(s), plain.sentence_begin(s)) << s;
  }
  EXPECT_EQ(Caps(shared), Caps(plain));
  // Matches read the masks: "a b" 392 times (the eight "a." do not pair), "opened fire",
  // "police", "5 people".
  int matches = 0;
  for (const PhraseTrie* t : {&a, &b}) {
    for (size_t i = 0; i < shared.words().size(); ++i) {
      uint32_t p = 0;
      if (t->Match(shared, i, shared.words().size(), &p) > 0) ++matches;
    }
  }
  EXPECT_EQ(matches, 392 + 3);
}

// capitalized(): exactly the kWord words of two bytes or more whose first byte is an ASCII
// capital or 0xC3, in order: not one-letter words ("A."), numbers, punctuation or lower-case
// words; Latin-1 capitals count, other scripts do not. Checked against every word on fixed and
// random texts, with and without the text stage's keys.
TEST(WordStreamTest, CapitalizedListsTheWordsANameMayStartAt) {
  auto expect_caps = [](const std::string& text, const WordStream& ws) {
    std::vector<uint32_t> want;
    for (size_t i = 0; i < ws.words().size(); ++i) {
      const Word& w = ws.words()[i];
      const unsigned char c0 = static_cast<unsigned char>(text[w.span.begin]);
      if (w.kind == WordKind::kWord && w.lower.size() >= 2 &&
          ((c0 >= 'A' && c0 <= 'Z') || c0 == 0xC3)) {
        want.push_back(static_cast<uint32_t>(i));
      }
    }
    EXPECT_EQ(Caps(ws), want) << text;
  };
  const std::string text =
      "Police said \xC3\x89lodie Roe, 23, and A. Smith met O'Brien in Twelve Oaks; "
      "\xD0\x9A\xD0\xB8"
      "ev and x2 UN staff. At least 12 Died.";
  const Doc doc = testing_doc::MakeDoc(text);
  const WordStream ws(text, doc);
  std::vector<std::string> got;
  for (uint32_t i : ws.capitalized()) got.emplace_back(ws.Original(i));
  const std::vector<std::string> want = {"Police", "\xC3\x89lodie", "Roe", "Smith",
                                         "Brien",  "Oaks",          "UN",  "Died"};
  // "O" and "A" are one letter; "Twelve" and "At least 12" are number words.
  EXPECT_EQ(got, want);
  expect_caps(text, ws);
  testing_text::PieceTexts texts(
      {"Kabul", "police", "UN", "A", "x2", "12", "at least ", "O'", "\xC3\x89", "\xC3\xA9",
       "\xD0\x9A", " ", " ", ".", ",", "-", "\n", "Ma\xE2\x80\x99", "sum"},
      4242, 30);
  for (int round = 0; round < 300; ++round) {
    const std::string t = texts.Next();
    const Doc d = testing_doc::MakeDoc(t);
    const WordStream plain(t, d);
    expect_caps(t, plain);
    Doc with_tokens = d;
    Doc seg;
    Segment(t, &seg);
    with_tokens.tokens = seg.tokens;
    const TokenKeys keys(t, with_tokens.tokens);
    const WordStream keyed(t, with_tokens, nullptr, &keys);
    expect_caps(t, keyed);
  }
}

// A stream made after another on the same thread reuses that stream's buffers, which still
// hold its words: the new stream must be exactly what fresh buffers give, every field of every
// word (a number word's quantity, punctuation's empty hash and mask, the start masks), its
// sentences, number flags, paragraphs and capitalized list, whether the text before was longer
// or shorter, indexed or not.
TEST(WordStreamTest, ReusedBuffersGiveTheSameStreamAsFreshOnes) {
  PhraseTrie trie;
  trie.Add("opened fire", 1);
  trie.Add("<n> people", 2);
  StartIndex index;
  ASSERT_TRUE(index.Register(&trie));
  testing_text::PieceTexts texts(
      {"The ", "gunmen ", "opened ", "fire", "at least 12 ", "five ", "people", ", ", ". ", "\n",
       "Kabul ", "O'Neil ", "x ", "\xC3\x89lodie ", "dozens "},
      99, 60);
  auto same = [](const WordStream& a, const WordStream& b, const std::string& text) {
    ASSERT_EQ(a.words().size(), b.words().size()) << text;
    for (size_t i = 0; i < a.words().size(); ++i) {
      const Word& x = a.words()[i];
      const Word& y = b.words()[i];
      EXPECT_EQ(x.span.begin, y.span.begin) << text << " word " << i;
      EXPECT_EQ(x.span.end, y.span.end) << text << " word " << i;
      EXPECT_EQ(x.lower, y.lower) << text << " word " << i;
      EXPECT_EQ(x.kind, y.kind) << text << " word " << i;
      EXPECT_EQ(x.quantity, y.quantity) << text << " word " << i;
      EXPECT_EQ(x.sentence, y.sentence) << text << " word " << i;
      EXPECT_EQ(x.key_hash, y.key_hash) << text << " word " << i;
      EXPECT_EQ(a.starts()[i], b.starts()[i]) << text << " word " << i;
    }
    ASSERT_EQ(a.num_sentences(), b.num_sentences()) << text;
    for (size_t s = 0; s < a.num_sentences(); ++s) {
      EXPECT_EQ(a.sentence_begin(s), b.sentence_begin(s)) << text;
      EXPECT_EQ(a.sentence_end(s), b.sentence_end(s)) << text;
      EXPECT_EQ(a.has_number(s), b.has_number(s)) << text;
      EXPECT_EQ(a.paragraph(s), b.paragraph(s)) << text;
    }
    EXPECT_EQ(Caps(a), Caps(b)) << text;
    // The padding after the last word is zero also in a buffer a longer stream filled.
    for (size_t k = 0; k < WordStream::kStartsPadding; ++k) {
      EXPECT_EQ(a.starts()[a.words().size() + k], 0u) << text;
      EXPECT_EQ(b.starts()[b.words().size() + k], 0u) << text;
    }
  };
  std::string before = texts.Next() + texts.Next();  // long: many words, numbers in places
  for (int round = 0; round < 200; ++round) {
    const std::string text = round % 3 == 0 ? texts.Next() + texts.Next() : texts.Next();
    const Doc doc = testing_doc::MakeDoc(text);
    const StartIndex* idx = round % 2 == 0 ? &index : nullptr;
    const Doc before_doc = testing_doc::MakeDoc(before);
    // While `held` lives the thread has no spare buffers: `fresh` allocates its own.
    auto held = std::make_unique<WordStream>(before, before_doc, idx);
    auto fresh = std::make_unique<WordStream>(text, doc, idx);
    held.reset();  // its buffers, full of the other text's words, become the spare
    const WordStream reused(text, doc, idx);
    same(*fresh, reused, text);
    before = text;
  }
}

// Texts put together at random from pieces that sit on every side of the tokenisers'
// differences: each must give the same words with and without the keys.
TEST(WordStreamTest, SharedTokenKeysGiveTheSameWordsOnRandomTexts) {
  // clang-format off
  testing_text::PieceTexts texts({
      "Kabul", "police", "UN", "x2", "2x", "12", "1,200", "3.5", "-", "'", "'s", " ", " ", " ",
      "\n", ".", ",", ":", "\xE2\x80\x99", "\xE2\x80\x98", "\xE2\x80\x9C", "\xCA\xBC", "\xC3\xA9",
      "\xE2\x82\xAC", "\xC2\xB0", "\xD0\x9A\xD0\xB8", "\xD8\xA8", "\xE2\x80\x8D", "_", "at least ",
      "dozens", "\xE2\x80\x94", "(", ")", "\xC2\xA0", "\xE2\x80\x90", "9", "s"}, 12345, 30);
  // clang-format on
  for (int round = 0; round < 400; ++round) {
    std::string text = texts.Next();
    ExpectSameWords(text);
  }
}

// Edges keep words of up to eight bytes inside themselves and longer ones in the shared key
// string: words on both sides of that length, words equal in their first eight bytes, one-word
// and longer phrases ending at the same node, and payloads that are replaced or look negative.
TEST(PhraseTrieTest, ShortAndLongWordsAndPayloadsInTheEdges) {
  PhraseTrie trie;
  EXPECT_TRUE(trie.Add("abcdefgh", 1));             // eight bytes: inside the edge
  EXPECT_TRUE(trie.Add("abcdefghi", 2));            // nine: in the key string
  EXPECT_TRUE(trie.Add("abcdefghij abcdefgh", 3));  // shares eight bytes with both
  EXPECT_TRUE(trie.Add("a", 4));
  EXPECT_TRUE(trie.Add("a b", 0xFFFFFFFFu));  // the largest payload is a payload
  EXPECT_TRUE(trie.Add("a b c", 0));          // and so is zero
  EXPECT_TRUE(trie.Add("ABCDEFGHI", 22));     // the same phrase again: replaced
  EXPECT_EQ(trie.size(), 6u);
  const std::string text = "abcdefgh abcdefghi abcdefghij abcdefgh abcdefghik a b c a b x abcdefg";
  WordStream ws(text, Doc());
  const WordStream& w = ws;
  ASSERT_EQ(w.size(), 12u);
  uint32_t p = 7;
  EXPECT_EQ(trie.Match(w, 0, w.size(), &p), 1u);
  EXPECT_EQ(p, 1u);
  EXPECT_EQ(trie.Match(w, 1, w.size(), &p), 1u);
  EXPECT_EQ(p, 22u);
  EXPECT_EQ(trie.Match(w, 2, w.size(), &p), 2u);
  EXPECT_EQ(p, 3u);
  EXPECT_EQ(trie.Match(w, 4, w.size(), &p), 0u);  // "abcdefghik": no such word
  EXPECT_EQ(trie.Match(w, 5, w.size(), &p), 3u);
  EXPECT_EQ(p, 0u);
  EXPECT_EQ(trie.Match(w, 8, w.size(), &p), 2u);  // "a b x": the longest phrase is "a b"
  EXPECT_EQ(p, 0xFFFFFFFFu);
  EXPECT_EQ(trie.Match(w, 8, 9, &p), 1u);  // cut by the end: "a" alone
  EXPECT_EQ(p, 4u);
  EXPECT_EQ(trie.Match(w, 11, w.size(), &p), 0u);  // "abcdefg": a prefix of a word is none
}

// SentenceAt is the last sentence beginning at or before the position (the first sentence
// for positions before it), for every byte of random texts and for sentences that begin at
// the same byte, checked against a plain scan.
TEST(WordStreamTest, SentenceAtIsTheLastSentenceBeginningAtOrBefore) {
  auto expect_scan = [](const WordStream& ws, size_t limit, const std::string& what) {
    for (uint32_t pos = 0; pos <= limit; ++pos) {
      size_t want = 0;
      for (size_t s = 0; s < ws.num_sentences(); ++s) {
        if (ws.sentence_span(s).begin <= pos) want = s;
      }
      ASSERT_EQ(ws.SentenceAt(pos), want) << what << " at " << pos;
    }
  };
  testing_text::PieceTexts texts({"One ", "blast", ". ", "\n", "  ", "Two men died", "! ", "x"},
                                 4242, 40);
  for (int round = 0; round < 200; ++round) {
    const std::string text = texts.Next();
    const WordStream ws(text, testing_doc::MakeDoc(text));
    expect_scan(ws, static_cast<uint32_t>(text.size() + 2), text);
  }
  // Sentences sharing a first byte (and given out of order), and text before the first one.
  const std::string text = "  aa bb cc dd ee ff";
  Doc doc;
  for (uint32_t b : {8u, 2u, 5u, 5u, 11u, 5u, 14u}) doc.sentences.push_back({{b, b + 2}, 0, 0});
  const WordStream ws(text, doc);
  ASSERT_EQ(ws.num_sentences(), 7u);
  expect_scan(ws, static_cast<uint32_t>(text.size()), "shared begins");
  EXPECT_EQ(ws.SentenceAt(0), 0u);
  EXPECT_EQ(ws.sentence_span(ws.SentenceAt(6)).begin, 5u);
}

// One-byte punctuation tokens are taken from the text stage's tokens as they are: the words
// (and their sentences) must be those of a scan of the text, with marks between, beside and
// inside words, runs of marks, and marks at the ends of the text and of a quantity.
TEST(WordStreamTest, SharedTokenKeysKeepPunctuationWords) {
  ExpectSameWords("a,b.c;d:e!f?g (h) [i] {j} k/l m|n o&p q*r s+t u=v w<x y>z");
  ExpectSameWords("...,,;;!!?\?--'' x,,y ..z \"quoted,\" (paren). 12, 13. at least 4,");
  ExpectSameWords(",start and end.");
  ExpectSameWords("5. 6, seven.\nEight; 9:30 #tag @name $5 %x ^y ~z `w`");
}

// The words a loop finds by jumping from candidate to candidate (PhraseTrie::Next) must be
// exactly those it finds by trying Match at every word: Next may only skip words where Match
// finds nothing. Checked for a registered trie on indexed and unindexed streams and for a trie
// no index knows, on random texts with numbers, punctuation, shared first words and sentence
// ends, and with sentence-bounded scans as the extractors run them.
TEST(PhraseTrieTest, NextSkipsOnlyWordsWhereMatchFindsNothing) {
  PhraseTrie a, b, late;
  a.Add("opened fire", 1);
  a.Add("fire", 2);
  a.Add("at <n>", 3);
  a.Add("the group", 4);
  b.Add("the", 5);
  b.Add("<n> people", 6);
  b.Add("security forces", 7);
  late.Add("killed", 8);
  late.Add("the group", 9);
  StartIndex index;
  ASSERT_TRUE(index.Register(&a));
  ASSERT_TRUE(index.Register(&b));
  testing_text::PieceTexts texts(
      {"the ", "The ", "group ", "opened ", "fire", "at ", "12 ", "five ", "people", "security ",
       "forces", "killed ", ", ", ". ", "; ", "\n", "fire-", "x ", "Group "},
      777, 40);
  size_t found = 0, skipped = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string text = texts.Next();
    const Doc doc = testing_doc::MakeDoc(text);
    const WordStream plain(text, doc);
    const WordStream indexed(text, doc, &index);
    for (const WordStream* ws : {&plain, &indexed}) {
      const WordStream& w = *ws;
      for (const PhraseTrie* t : {&a, &b, &late}) {
        for (size_t s = 0; s < ws->num_sentences(); ++s) {
          const size_t e = ws->sentence_end(s);
          for (size_t i = ws->sentence_begin(s); i <= e; ++i) {
            const size_t next = t->Next(*ws, i, e);
            ASSERT_GE(next, i) << text;
            ASSERT_LE(next, e) << text;
            uint32_t p = 0;
            for (size_t j = i; j < next; ++j) {
              ASSERT_EQ(t->Match(w, j, e, &p), 0u) << text << " word " << j;
            }
            skipped += next - i;
            if (next < e && t->Match(w, next, e, &p) > 0) ++found;
          }
        }
        // Unbounded by sentences, as the trigger and actor scans run.
        std::vector<size_t> every, jumped;
        for (size_t i = 0; i < w.size(); ++i) {
          uint32_t p = 0;
          if (t->Match(w, i, ws->sentence_end(w[i].sentence), &p) > 0) every.push_back(i);
        }
        for (size_t i = t->Next(*ws, 0, w.size()); i < w.size();
             i = t->Next(*ws, i + 1, w.size())) {
          uint32_t p = 0;
          if (t->Match(w, i, ws->sentence_end(w[i].sentence), &p) > 0) jumped.push_back(i);
        }
        EXPECT_EQ(jumped, every) << text;
      }
    }
  }
  EXPECT_GT(found, 1000u);    // the texts do hold phrases
  EXPECT_GT(skipped, 1000u);  // and Next does skip
  // With an end beyond the stream, Next stops at the stream's end; from past it, where it is.
  std::string text = "x x x";
  WordStream ws(text, testing_doc::MakeDoc(text), &index);
  EXPECT_EQ(a.Next(ws, 0, 100), ws.words().size());
  EXPECT_EQ(late.Next(ws, 0, 100), ws.words().size());
  EXPECT_EQ(a.Next(ws, 5, 100), 5u);
  EXPECT_EQ(late.Next(ws, 5, 100), 5u);
}

// The text stage and WordStream read 8 bytes at a time (TokenKeys' chunks, the tokeniser's word
// runs, UTF-8 checks, WordKeyHash's overlapping tail loads): with a text's last byte the last of
// a mapped page and the next page unreadable (or its first byte right after an unreadable page),
// no read may leave the text, for every prefix up to 80 bytes (each tail alignment) and whole
// texts ending in a word, a number, a mark or a cut multi-byte character. The stream made with
// the text stage's keys must still equal the one that scans the text itself.
TEST(WordStreamGuardPageTest, TextStageAndStreamNeverReadOutsideTheText) {
  using testing_guard::ForEachGuardedPrefix;
  using testing_guard::Guard;
  auto analyzer = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  PhraseTrie trie;
  trie.Add("opened fire", 1);
  trie.Add("<n> people", 2);
  trie.Add("police", 3);
  StartIndex index;
  ASSERT_TRUE(index.Register(&trie));
  WordSet set;
  set.Add("police");
  set.Add("attackers");
  const std::string texts[] = {
      "Gunmen opened fire and killed at least 12 people in the town on Monday. Police said the "
      "attackers fled.\nCaf\xc3\xa9 owner Jos\xc3\xa9 Ruiz, 45, was hurt \xe2\x80\x94 Dr. Smith "
      "said. Al-Shabaab's fighters fired 3 rockets",
      "Zwei Tote am 3. M\xc3\xa4rz 2024 in M\xc3\xbcnchen; UPPER CASE WORDS and abcdefghijklmnopq "
      "rstuvwxyz0123456789 long-words 24",
      "A cut character at the end: x\xe2\x82",
      std::string("Ill-formed \xff\xfe bytes, a NUL ") + '\0' + " and tabs\t\there.",
  };
  size_t streams = 0;
  for (const std::string& text : texts) {
    for (Guard side : {Guard::kAfter, Guard::kBefore}) {
      auto check = [&](std::string_view v) {
        for (size_t n = 0; n <= v.size(); ++n) {
          const std::string_view key = v.substr(v.size() - n);
          EXPECT_EQ(WordKeyHash(key), static_cast<uint32_t>(StringHash{}(key)));
        }
        Doc seg;
        Segment(v, &seg);
        TokenKeys keys;
        const Doc doc = (*analyzer)->Analyze(v, CivilDate{2024, 5, 6}, "", &keys);
        const TokenKeys built(v, doc.tokens);
        ASSERT_EQ(built.size(), keys.size());
        for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(built[i].s, keys[i].s);
        // The same text in a string of its own: bytes beside the view (0xAA) change nothing.
        const std::string copy(v);
        TokenKeys copy_keys;
        const Doc copy_doc = (*analyzer)->Analyze(copy, CivilDate{2024, 5, 6}, "", &copy_keys);
        const WordStream plain(v, doc);
        const WordStream shared(v, doc, &index, &keys);
        const WordStream reference(copy, copy_doc, &index, &copy_keys);
        ++streams;
        ASSERT_EQ(shared.words().size(), plain.words().size()) << v;
        ASSERT_EQ(reference.words().size(), plain.words().size()) << v;
        for (size_t i = 0; i < plain.words().size(); ++i) {
          EXPECT_EQ(shared.words()[i].lower, plain.words()[i].lower);
          EXPECT_EQ(reference.words()[i].lower, plain.words()[i].lower);
          EXPECT_EQ(set.contains(shared.words()[i]), set.contains(plain.words()[i].lower));
        }
        for (size_t s = 0; s < shared.num_sentences(); ++s) {
          const size_t e = shared.sentence_end(s);
          for (size_t i = shared.sentence_begin(s); i < e; ++i) {
            uint32_t payload = 0;
            i = trie.Next(shared, i, e);
            if (i < e) trie.Match(shared, i, e, &payload);
          }
        }
      };
      ASSERT_TRUE(ForEachGuardedPrefix(text, 80, check, side));
      ASSERT_TRUE(ForEachGuardedPrefix(
          text, text.size(),
          [&](std::string_view v) {
            if (v.size() + 8 >= text.size()) check(v);  // the whole text and its last cuts
          },
          side));
    }
  }
  EXPECT_GT(streams, 500u);
}

}  // namespace
}  // namespace sitrep
