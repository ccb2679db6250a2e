#include "text/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "base/data_dir.h"
#include "text/key_table.h"
#include "text/piece_text_test_util.h"
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
  EXPECT_EQ(LowerString("\xD0\x9C\xD0\x9E"), "\xD0\xBC\xD0\xBE");  // МО -> мо
  std::string long_word(200, 'A');
  LowerBuf lb(long_word);
  EXPECT_TRUE(lb.overflow());
}

// Keys hold every apostrophe as ASCII '\'': Ukrainian writes "п'ять" (five) with U+0027, U+2019
// or U+02BC, and the lexicon lists it once.
TEST(LexiconTest, KeysFoldApostrophes) {
  const std::string want = "\u043F'\u044F\u0442\u044C";
  EXPECT_EQ(LowerBuf("\u041F\u2019\u044F\u0442\u044C").view(), want);
  EXPECT_EQ(LowerBuf("\u043F\u02BC\u044F\u0442\u044C").view(), want);
  EXPECT_EQ(LowerString("\u041F\u2019\u044F\u0442\u044C"), want);
  EXPECT_EQ(LowerString("aujourd\u2019hui"), "aujourd'hui");
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

// Phrases sharing their first word ("the") are told apart by the second (the pair index), the
// longest of those sharing two words wins, a one-word phrase is the fallback, the same from the
// last word backwards.
TEST(LexiconTest, PhraseTableSharedEdgeWords) {
  PhraseTable t;
  t.Add("the", 9);
  t.Add("the day before", 1);
  t.Add("the day before yesterday", 2);
  t.Add("the previous day", 3);
  t.Add("a day earlier", 4);
  t.Add("the same day", 5);
  std::string text = "The day before yesterday, the previous day and the day after; a day earlier";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  auto tok = [&](std::string_view w, size_t from) {
    for (size_t i = from; i < doc.tokens.size(); ++i) {
      if (TokenText(text, doc.tokens[i]) == w) return i;
    }
    return doc.tokens.size();
  };
  const size_t first = 0, second = tok("the", 1), third = tok("the", second + 1);
  size_t end = 0, begin = 0;
  EXPECT_EQ(t.MatchForward(keys, first, &end), 2);
  EXPECT_EQ(end, 4u);
  EXPECT_EQ(t.MatchForward(keys, second, &end), 3);
  EXPECT_EQ(end, second + 3);
  EXPECT_EQ(t.MatchForward(keys, third, &end), 9);  // "the day after": only "the" matches
  EXPECT_EQ(end, third + 1);
  EXPECT_EQ(t.MatchForward(keys, tok("day", 0), &end), -1);
  EXPECT_EQ(t.MatchBackward(keys, 3, &begin), 2);  // "... yesterday"
  EXPECT_EQ(begin, 0u);
  EXPECT_EQ(t.MatchBackward(keys, 2, &begin), 1);  // "... before"
  EXPECT_EQ(begin, 0u);
  const size_t earlier = tok("earlier", 0);
  EXPECT_EQ(t.MatchBackward(keys, earlier, &begin), 4);
  EXPECT_EQ(begin, earlier - 2);
  size_t firsts = 0;
  t.ForEachFirstWord([&](std::string_view) { ++firsts; });
  EXPECT_EQ(firsts, 2u);  // "the", "a"
}

TEST(LexiconTest, TokenKeysLowerAndHashEveryToken) {
  // Mixed case, a non-ASCII capital, punctuation and a token longer than LowerBuf's buffer.
  std::string text = "Killed MORE than 60 in F\xC3\x89VRIER, " + std::string(120, 'Q') +
                     "-x ok. Twenty-THREE mid-F\xC3\x89VRIER";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  ASSERT_EQ(keys.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    LowerBuf lb(TokenText(text, doc.tokens[i]));
    EXPECT_EQ(keys.lower(i), lb.view()) << i;  // truncation included
    EXPECT_EQ(keys[i].s, lb.view());
    EXPECT_EQ(keys[i].hash, StringHash{}(lb.view()));
    EXPECT_EQ(keys.hyphen(i), TokenText(text, doc.tokens[i]).find('-') != std::string::npos);
  }
  EXPECT_EQ(keys.lower(1), "more");
  EXPECT_EQ(keys.lower(5), "f\xC3\xA9vrier");
  EXPECT_TRUE(keys.hyphen(7));  // the hyphen lies past the truncated key
  EXPECT_EQ(keys.lower(7).size(), 96u);
  EXPECT_EQ(keys.lower(10), "twenty-three");
  EXPECT_TRUE(keys.hyphen(10));
  EXPECT_EQ(keys.lower(11), "mid-f\xC3\xA9vrier");
  EXPECT_TRUE(keys.hyphen(11));
  EXPECT_FALSE(keys.hyphen(1));
  // Rebuilding on other tokens replaces everything.
  std::string other = "Two";
  Doc doc2;
  Segment(other, &doc2);
  keys.Build(other, doc2.tokens);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys.lower(0), "two");
  Doc empty;
  keys.Build("", empty.tokens);
  EXPECT_EQ(keys.size(), 0u);
}

// One TokenKeys reused for documents of growing and shrinking size (as the pipeline's per-thread
// keys are): its buffers are not cleared between documents, so every key must come from the
// current text only. The last text lower-cases longer than itself (U+023A, two bytes, has a
// three-byte small letter), which grows the buffer midway and must keep the keys already made.
TEST(LexiconTest, TokenKeysReusedAcrossDocumentsOfAnySize) {
  std::string big;
  for (int i = 0; i < 300; ++i) big += (i % 3 == 0 ? "Alpha " : i % 3 == 1 ? "BRAVO-9 " : "x ");
  std::string grows;
  for (int i = 0; i < 60; ++i)
    grows +=
        "\xC8\xBA\xC8\xBA"
        "ab"
        "\xC8\xBA ";
  const std::vector<std::string> texts = {big, "Short one.", big + "Tail WORDS", "", grows, "Zulu"};
  TokenKeys keys;
  for (const std::string& text : texts) {
    Doc doc;
    Segment(text, &doc);
    keys.Build(text, doc.tokens);
    ASSERT_EQ(keys.size(), doc.tokens.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      LowerBuf lb(TokenText(text, doc.tokens[i]));
      ASSERT_EQ(keys.lower(i), lb.view()) << i;
      EXPECT_EQ(keys[i].hash, StringHash{}(lb.view())) << i;
      EXPECT_EQ(keys.hyphen(i), TokenText(text, doc.tokens[i]).find('-') != std::string::npos);
    }
  }
  // The growing text's keys are longer than its tokens: the buffer did grow.
  Doc doc;
  Segment(grows, &doc);
  keys.Build(grows, doc.tokens);
  ASSERT_EQ(keys.size(), 60u);
  EXPECT_EQ(keys.lower(0),
            "\xE2\xB1\xA5\xE2\xB1\xA5"
            "ab"
            "\xE2\xB1\xA5");
  EXPECT_EQ(keys.lower(59), keys.lower(0));
}

// TokenKeys hashes eight bytes at a time from the text (and falls back near the end of the
// text, where a whole chunk cannot be read): every length, case mix and position must give
// StringHash's value on the lower-cased key.
TEST(LexiconTest, TokenKeysChunkedHashMatchesStringHashAtEveryLength) {
  std::string text;
  for (size_t len = 1; len <= 40; ++len) {
    for (size_t j = 0; j < len; ++j) {
      text.push_back(static_cast<char>((j % 3 == 0 ? 'A' : 'a') + (j * 7 + len) % 26));
    }
    text += len % 5 == 0 ? "-Z " : " ";
  }
  text += "Z@[` end-OF-TEXT";  // '@', '[', '`' sit next to 'A', 'Z', 'a': not letters
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  ASSERT_EQ(keys.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    std::string_view t = TokenText(text, doc.tokens[i]);
    EXPECT_EQ(keys.lower(i), LowerString(t)) << i;
    EXPECT_EQ(keys[i].hash, StringHash{}(LowerString(t))) << i;
    EXPECT_EQ(keys.hyphen(i), t.find('-') != std::string_view::npos) << i;
  }
  EXPECT_EQ(keys.lower(keys.size() - 1), "end-of-text");
  // The symbols are their own keys, unchanged by lower-casing.
  bool saw_at = false;
  for (size_t i = 0; i < keys.size(); ++i) saw_at |= keys.lower(i) == "@" || keys.lower(i) == "[";
  EXPECT_TRUE(saw_at);
  // Distinct words get distinct hashes (a sanity check on the mixing, not a guarantee).
  EXPECT_NE(StringHash{}("killed"), StringHash{}("killes"));
  EXPECT_NE(StringHash{}(std::string_view("a\0", 2)), StringHash{}("a"));
}

TEST(LexiconTest, HashedWordLooksUpMapsAndKeyTables) {
  StringMap<int> m;
  m["march"] = 3;
  KeyTable<bool> q;
  q["ago"] = true;
  std::string text = "March ago Marching";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  auto it = m.find(keys[0]);
  ASSERT_NE(it, m.end());
  EXPECT_EQ(it->second, 3);
  EXPECT_EQ(m.find(keys[2]), m.end());
  EXPECT_TRUE(q.contains(keys[1]));
  EXPECT_FALSE(q.contains(keys[0]));
  EXPECT_FALSE(q.contains(keys[2]));
}

TEST(LexiconTest, PhraseTableOnKeysMatchesTheTextOverloads) {
  PhraseTable t;
  t.Add("more than", 1);
  t.Add("more", 2);
  t.Add("at least", 3);
  t.Add("a day earlier", 4);
  std::string text = "killed More than 60, MORE said, at least 5 a day earlier at";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  for (size_t i = 0; i <= doc.tokens.size(); ++i) {
    size_t e1 = 99, e2 = 99, b1 = 99, b2 = 99;
    EXPECT_EQ(t.MatchForward(keys, i, &e1), t.MatchForward(text, doc.tokens, i, &e2)) << i;
    EXPECT_EQ(e1, e2) << i;
    EXPECT_EQ(t.MatchBackward(keys, i, &b1), t.MatchBackward(text, doc.tokens, i, &b2)) << i;
    EXPECT_EQ(b1, b2) << i;
  }
  size_t end = 0, begin = 0;
  EXPECT_EQ(t.MatchForward(keys, 1, &end), 1);
  EXPECT_EQ(end, 3u);
  EXPECT_EQ(t.MatchForward(keys, 5, &end), 2);  // "MORE" alone
  EXPECT_EQ(t.MatchBackward(keys, 13, &begin), 4);
  EXPECT_EQ(begin, 11u);
  // A phrase cut off by the end of the text does not match; its first word alone might.
  EXPECT_EQ(t.MatchForward(keys, 14, &end), -1);  // "at" without "least"
}

// A KeyTable looked up with the token keys finds a word in any case, and nothing else.
TEST(LexiconTest, KeyTableFindsTokenKeysOfAnyCase) {
  KeyTable<int> m;
  m["march"] = 3;
  m["mai"] = 5;
  m["march"] = 4;  // replaces
  EXPECT_EQ(m.size(), 2u);
  std::string text = "MARCH Mai marching mar";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  ASSERT_NE(m.Find(keys[0]), nullptr);
  EXPECT_EQ(*m.Find(keys[0]), 4);
  ASSERT_NE(m.Find(keys[1]), nullptr);
  EXPECT_EQ(*m.Find(keys[1]), 5);
  EXPECT_EQ(m.Find(keys[2]), nullptr);
  EXPECT_EQ(m.Find(keys[3]), nullptr);
  EXPECT_EQ(*m.Find(std::string_view("mai")), 5);
  EXPECT_EQ(m.Find(std::string_view("")), nullptr);
}

// ascii_word: what the geocoder and the extraction WordStream rely on to take a token
// as a word of their own. Checked against a byte-by-byte reading of every token, on every byte
// value at every position of the 8-byte chunks (and near the end of the text, where the keys
// are made by the slow path).
// A View answers as the keys it was taken from, for keys the tokeniser made (with space_link
// marks) and keys built from tokens.
TEST(LexiconTest, TokenKeysViewAnswersAsTheKeys) {
  const std::string text =
      "Gunmen shot 3 POLICE officers in al-Hamra's market on Tuesday, O'Neil said. Caf\xC3\xA9 "
      "Z\xC3\xBCrich elders met later, and the men of the town went home after dark.";
  auto segmenter = Segmenter::Load(DataDir());
  ASSERT_TRUE(segmenter.ok());
  Doc doc;
  TokenKeys made;
  segmenter.value()->Segment(text, &doc, &made);
  const TokenKeys built(text, doc.tokens);
  size_t linked = 0;
  for (const TokenKeys* keys : {static_cast<const TokenKeys*>(&made), &built}) {
    const TokenKeys::View view = keys->view();
    ASSERT_EQ(keys->size(), doc.tokens.size());
    for (size_t i = 0; i < keys->size(); ++i) {
      EXPECT_EQ(view.lower(i), keys->lower(i)) << i;
      EXPECT_EQ(view.hash(i), (*keys)[i].hash) << i;
      EXPECT_EQ(view.ascii_word(i), keys->ascii_word(i)) << i;
      EXPECT_EQ(view.space_link(i), keys->space_link(i)) << i;
      linked += view.space_link(i);
    }
  }
  EXPECT_GT(linked, 10u);  // the tokeniser's keys mark most words
}

TEST(LexiconTest, TokenKeysMarkPlainAsciiWords) {
  std::string text =
      "Gunmen shot 3 POLICE officers in al-Hamra's market on Tuesday, O'Neil said. "
      "Caf\xC3\xA9 Z\xC3\xBCrich \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2 "
      "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF "
      "1,200 3.5 x2 2x COVID19\nNEXT line \xE2\x80\x9CQuoted\xE2\x80\x9D " +
      std::string(97, 'k') + " " + std::string(96, 'K') + " Ab";
  Doc doc;
  Segment(text, &doc);
  TokenKeys keys(text, doc.tokens);
  ASSERT_EQ(keys.size(), doc.tokens.size());
  auto find = [&](std::string_view t) {
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (TokenText(text, doc.tokens[i]) == t) return i;
    }
    ADD_FAILURE() << "no token " << t;
    return size_t{0};
  };
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    std::string_view t = TokenText(text, doc.tokens[i]);
    bool plain = !t.empty() && t.size() <= 96;
    for (char c : t) {
      plain &=
          std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
    }
    EXPECT_EQ(keys.ascii_word(i), plain) << t;
    if (plain) {
      EXPECT_EQ(keys.lower(i), LowerString(t));
    }
  }
  EXPECT_TRUE(keys.ascii_word(find("Gunmen")));
  EXPECT_TRUE(keys.ascii_word(find("3")));
  EXPECT_TRUE(keys.ascii_word(find("POLICE")));
  EXPECT_FALSE(keys.ascii_word(find("al-Hamra")));                          // hyphen inside
  EXPECT_FALSE(keys.ascii_word(find("'s")));                                // possessive
  EXPECT_FALSE(keys.ascii_word(find("O'Neil")));                            // apostrophe inside
  EXPECT_FALSE(keys.ascii_word(find("Caf\xC3\xA9")));                       // accented
  EXPECT_FALSE(keys.ascii_word(find("\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2")));  // Cyrillic
  EXPECT_FALSE(keys.ascii_word(find("1,200")));                             // a number with a group
  EXPECT_FALSE(keys.ascii_word(find("3.5")));
  EXPECT_TRUE(keys.ascii_word(find("x2")));
  EXPECT_TRUE(keys.ascii_word(find("COVID19")));
  EXPECT_TRUE(keys.ascii_word(find("Quoted")));
  EXPECT_FALSE(keys.ascii_word(find(",")));
  EXPECT_FALSE(keys.ascii_word(find(std::string(97, 'k'))));  // longer than a key
  EXPECT_TRUE(keys.ascii_word(find(std::string(96, 'K'))));
  EXPECT_TRUE(keys.ascii_word(doc.tokens.size() - 1));  // the last token ("Ab", slow path)

  // Every byte value beside letters at every chunk position: only ASCII letters and digits keep
  // a token plain.
  for (int b = 1; b < 256; ++b) {
    for (size_t pos = 0; pos < 9; ++pos) {
      std::string word(10, 'a');
      word[pos] = static_cast<char>(b);
      std::string t2 = "Xy " + word + "QQQQQQQQQQQQQQQQ";
      std::vector<Token> one = {Token{Span{3, 13}, TokenKind::kWord}};
      TokenKeys k2(t2, one);
      const bool want = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
      EXPECT_EQ(k2.ascii_word(0), want) << b << " at " << pos;
    }
  }
}

// The Segmenter's plain flags (known from how each token was scanned) give TokenKeys the same
// ascii_word marks, keys and hashes as testing the bytes, on texts put together at random from
// pieces around the tokeniser's cases: joiners, possessives, number groups and decimals,
// accented, non-Latin and format characters, line breaks, the end of the text.
TEST(LexiconTest, SegmenterPlainFlagsMatchTheBytes) {
  auto seg = Segmenter::Load(DataDir());
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  // clang-format off
  testing_text::PieceTexts texts({
      "Kabul", "police", "UN", "x2", "2x", "12", "1,200", "1,20", "3.5", "3.", "-", "'", "'s", " ",
      " ", "\n", ".", ",", "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xC3\xA9", "\xC3\x89",
      "\xE2\x82\xAC", "\xD0\x9A\xD0\xB8", "\xD9\xA3", "\xE2\x80\x8D", "\xE2\x80\x91", "_", "s",
      "Ma", "rd", "\xFF"}, 99, 30);
  // clang-format on
  for (int round = 0; round < 500; ++round) {
    std::string text = texts.Next();
    if (round == 0) text += std::string(100, 'w');  // longer than a key: not plain
    Doc doc;
    std::vector<uint8_t> plain;
    (*seg)->Segment(text, &doc, &plain);
    ASSERT_EQ(plain.size(), doc.tokens.size());
    TokenKeys tested(text, doc.tokens);
    TokenKeys given;
    given.Build(text, doc.tokens, plain);
    ASSERT_EQ(given.size(), tested.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      EXPECT_EQ(given.ascii_word(i), tested.ascii_word(i)) << text << " token " << i;
      EXPECT_EQ(given.lower(i), tested.lower(i));
      EXPECT_EQ(given[i].hash, tested[i].hash);
      EXPECT_EQ(given.hyphen(i), tested.hyphen(i));
    }
    // The same sentences as without the flags.
    Doc again;
    (*seg)->Segment(text, &again);
    ASSERT_EQ(again.sentences.size(), doc.sentences.size()) << text;
  }
}

// Keys made by the tokeniser as it goes (Segment with TokenKeys) are the keys Build makes from
// the finished tokens and flags: same marks, lower-cased bytes, hashes and hyphen flags, and the
// same tokens and sentences, on the random piece texts (one-byte marks, words near the end of the
// text, words longer than a key, non-ASCII capitals) and on keys reused from a longer text.
TEST(LexiconTest, SegmenterBuildsTheKeysBuildWould) {
  auto seg = Segmenter::Load(DataDir());
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  // clang-format off
  testing_text::PieceTexts texts({
      "Kabul", "POLICE", "x2", "12", "1,200", "3.5", "-", "'", "'s", " ", " ", "\n", ".", ",", "!",
      "A", "Z", "\"", "$", "\x7F", "\t", "\xE2\x80\x99", "\xC3\x89", "\xC3\xA9", "\xD0\x9A",
      "\xE2\x80\x91", "_", "Ma", "\xFF"}, 99, 30);
  // clang-format on
  TokenKeys made;  // reused from text to text, like the pipeline's
  for (int round = 0; round < 500; ++round) {
    std::string text = texts.Next();
    if (round == 0) text += " " + std::string(100, 'W');   // longer than a key
    if (round == 1) text = std::string(3000, 'a') + " B";  // grows the buffers
    Doc doc;
    std::vector<uint8_t> plain;
    (*seg)->Segment(text, &doc, &plain);
    TokenKeys built;
    built.Build(text, doc.tokens, plain);
    Doc fused;
    (*seg)->Segment(text, &fused, &made);
    ASSERT_EQ(fused.tokens.size(), doc.tokens.size()) << text;
    ASSERT_EQ(fused.sentences.size(), doc.sentences.size()) << text;
    ASSERT_EQ(made.size(), built.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      EXPECT_EQ(fused.tokens[i].span.begin, doc.tokens[i].span.begin);
      EXPECT_EQ(fused.tokens[i].span.end, doc.tokens[i].span.end);
      EXPECT_EQ(made.ascii_word(i), built.ascii_word(i)) << text << " token " << i;
      EXPECT_EQ(made.lower(i), built.lower(i)) << text << " token " << i;
      EXPECT_EQ(made[i].hash, built[i].hash) << text << " token " << i;
      EXPECT_EQ(made.hyphen(i), built.hyphen(i));
    }
  }
}

// The table of one-byte keys' hashes holds StringHash of each lower-cased byte.
TEST(LexiconTest, OneByteKeyHashesAreStringHashes) {
  for (int b = 0; b < 128; ++b) {
    const char c = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    EXPECT_EQ(kOneByteKeyHashes.hash[b], StringHash{}(std::string_view(&c, 1))) << b;
  }
}

// Load errors of the text tables start with the file and the line of the row.
TEST(TsvWhereTest, NamesFileAndLine) {
  EXPECT_EQ(TsvWhere("data/text/numbers.tsv", 7), "data/text/numbers.tsv:7: ");
}

// ForEachOpening: each phrase's first two words (the second empty for a one-word phrase), each
// distinct pair once.
TEST(LexiconTest, PhraseTableOpenings) {
  PhraseTable t;
  t.Add("a few", 1);
  t.Add("a few dozen", 2);
  t.Add("a dozen", 3);
  t.Add("several", 4);
  std::vector<std::pair<std::string, std::string>> seen;
  t.ForEachOpening(
      [&](std::string_view first, std::string_view second) { seen.emplace_back(first, second); });
  std::sort(seen.begin(), seen.end());
  const std::vector<std::pair<std::string, std::string>> want = {
      {"a", "dozen"}, {"a", "few"}, {"several", ""}};
  EXPECT_EQ(seen, want);
}

}  // namespace
}  // namespace sitrep
