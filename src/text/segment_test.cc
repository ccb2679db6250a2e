#include "text/segment.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "text/key_table.h"
#include "text/lexicon.h"

namespace sitrep {
namespace {

class SegmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = Segmenter::Load(DataDir());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    seg_ = std::move(r).value();
  }
  // The sentences of the bare pass; the keyed one (which looks the abbreviations and months up
  // with the tokens' keys) must find the very same.
  std::vector<std::string> Sentences(std::string_view text) {
    Doc doc;
    seg_->Segment(text, &doc);
    std::vector<std::string> out;
    for (const Sentence& s : doc.sentences) {
      out.emplace_back(text.substr(s.span.begin, s.span.size()));
    }
    Doc keyed;
    TokenKeys keys;
    seg_->Segment(text, &keyed, &keys);
    EXPECT_EQ(keyed.sentences.size(), doc.sentences.size()) << text;
    for (size_t i = 0; i < keyed.sentences.size() && i < doc.sentences.size(); ++i) {
      EXPECT_EQ(keyed.sentences[i].span, doc.sentences[i].span) << text;
      EXPECT_EQ(keyed.sentences[i].first_token, doc.sentences[i].first_token) << text;
    }
    return out;
  }
  // TokenKeys::space_link's promise, where it is set: token i is a plain ASCII word one space
  // after token i - 1, and nothing after it can join it to a longer word.
  static void ExpectSpaceLinkHolds(const std::string& text, const std::vector<Token>& tokens,
                                   const TokenKeys& keys, size_t i) {
    if (!keys.space_link(i)) return;
    ASSERT_TRUE(keys.ascii_word(i)) << text << " token " << i;
    ASSERT_GT(i, 0u) << text;
    const Span sp = tokens[i].span;
    ASSERT_EQ(sp.begin, tokens[i - 1].span.end + 1) << text << " token " << i;
    ASSERT_EQ(text[sp.begin - 1], ' ') << text << " token " << i;
    if (sp.end < text.size()) {
      const unsigned char after = static_cast<unsigned char>(text[sp.end]);
      EXPECT_TRUE(after < 0x80 && !std::isalnum(after) && after != '-' && after != '\'')
          << text << " token " << i;
    }
  }
  // The keyed Segment of `text` (with `made`, reused like the pipeline's keys) must give the
  // bare pass's tokens, kinds and sentences, and the keys TokenKeys::Build makes of them.
  void ExpectKeyedMatchesBare(const std::string& text, TokenKeys* made) {
    Doc bare;
    std::vector<uint8_t> plain;
    seg_->Segment(text, &bare, &plain);
    TokenKeys built;
    built.Build(text, bare.tokens, plain);
    Doc fused;
    seg_->Segment(text, &fused, made);
    ASSERT_EQ(fused.tokens.size(), bare.tokens.size()) << text;
    ASSERT_EQ(made->size(), built.size()) << text;
    for (size_t i = 0; i < bare.tokens.size(); ++i) {
      ASSERT_EQ(fused.tokens[i].span, bare.tokens[i].span) << text << " token " << i;
      ASSERT_EQ(fused.tokens[i].kind, bare.tokens[i].kind) << text << " token " << i;
      ASSERT_EQ(made->lower(i), built.lower(i)) << text << " token " << i;
      ASSERT_EQ((*made)[i].hash, built[i].hash) << text << " token " << i;
      ASSERT_EQ(made->ascii_word(i), built.ascii_word(i)) << text << " token " << i;
      ASSERT_EQ(made->hyphen(i), built.hyphen(i)) << text << " token " << i;
      ExpectSpaceLinkHolds(text, fused.tokens, *made, i);
    }
    ASSERT_EQ(fused.sentences.size(), bare.sentences.size()) << text;
    for (size_t k = 0; k < bare.sentences.size(); ++k) {
      EXPECT_EQ(fused.sentences[k].span, bare.sentences[k].span) << text << " sentence " << k;
      EXPECT_EQ(fused.sentences[k].first_token, bare.sentences[k].first_token) << text;
    }
  }
  std::vector<std::string> Tokens(std::string_view text, std::vector<TokenKind>* kinds = nullptr) {
    Doc doc;
    seg_->Segment(text, &doc);
    std::vector<std::string> out;
    for (const Token& t : doc.tokens) {
      out.emplace_back(text.substr(t.span.begin, t.span.size()));
      if (kinds) kinds->push_back(t.kind);
    }
    return out;
  }
  std::unique_ptr<Segmenter> seg_;
};

using V = std::vector<std::string>;

TEST_F(SegmentTest, Abbreviations) {
  EXPECT_EQ(Sentences("Gen. Smith visited the base on Jan. 31 with Dr. Khan. The visit was short."),
            (V{"Gen. Smith visited the base on Jan. 31 with Dr. Khan.", "The visit was short."}));
  EXPECT_EQ(Sentences("Mr. Ali lives on St. Mark Road. He was not hurt."),
            (V{"Mr. Ali lives on St. Mark Road.", "He was not hurt."}));
  EXPECT_EQ(Sentences("The blast hit Gate No. 3 of the compound. Nobody was inside."),
            (V{"The blast hit Gate No. 3 of the compound.", "Nobody was inside."}));
}

TEST_F(SegmentTest, InitialsAndAcronyms) {
  EXPECT_EQ(Sentences("The report by J. Smith was released. It named nobody."),
            (V{"The report by J. Smith was released.", "It named nobody."}));
  EXPECT_EQ(Sentences("The U.S. embassy issued a warning. It urged caution."),
            (V{"The U.S. embassy issued a warning.", "It urged caution."}));
  EXPECT_EQ(Sentences("Aid came from the U.S. The rest came later."),
            (V{"Aid came from the U.S.", "The rest came later."}));
}

TEST_F(SegmentTest, DecimalsAreNotBoundaries) {
  EXPECT_EQ(Sentences("A 3.5 magnitude tremor was felt. Nobody was hurt."),
            (V{"A 3.5 magnitude tremor was felt.", "Nobody was hurt."}));
}

TEST_F(SegmentTest, ClosingQuotes) {
  EXPECT_EQ(Sentences("He said: \"We will rebuild.\" The crowd cheered."),
            (V{"He said: \"We will rebuild.\"", "The crowd cheered."}));
  EXPECT_EQ(Sentences("\xE2\x80\x9CWho did this?\xE2\x80\x9D she asked. Nobody answered."),
            (V{"\xE2\x80\x9CWho did this?\xE2\x80\x9D she asked.", "Nobody answered."}));
}

TEST_F(SegmentTest, NewlinesEndSentences) {
  EXPECT_EQ(Sentences("Blast rocks market town\nSeven people were hurt on Friday.\n\n  Police "
                      "sealed the area.  "),
            (V{"Blast rocks market town", "Seven people were hurt on Friday.",
               "Police sealed the area."}));
  EXPECT_EQ(Sentences("Line one\r\nLine two"), (V{"Line one", "Line two"}));
}

TEST_F(SegmentTest, NonLatinPunctuation) {
  // Urdu full stop U+06D4 and question mark U+061F; Devanagari danda U+0964.
  std::string ur =
      "\xD8\xAF\xDA\xBE\xD9\x85\xD8\xA7\xDA\xA9\xDB\x81 \xDB\x81\xD9\x88\xD8\xA7\xDB\x94 "
      "\xDA\xA9\xDB\x8C\xD9\x88\xDA\xBA\xD8\x9F \xD9\xBE\xD8\xAA\xDB\x81 "
      "\xD9\x86\xDB\x81\xDB\x8C\xDA\xBA";
  EXPECT_EQ(Sentences(ur).size(), 3u);
  std::string hi =
      "\xE0\xA4\xB9\xE0\xA4\xAE\xE0\xA4\xB2\xE0\xA4\xBE "
      "\xE0\xA4\xB9\xE0\xA5\x81\xE0\xA4\x86\xE0\xA5\xA4 "
      "\xE0\xA4\xAA\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\xB8 "
      "\xE0\xA4\x86\xE0\xA4\x88\xE0\xA5\xA4";
  V s = Sentences(hi);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0],
            "\xE0\xA4\xB9\xE0\xA4\xAE\xE0\xA4\xB2\xE0\xA4\xBE "
            "\xE0\xA4\xB9\xE0\xA5\x81\xE0\xA4\x86\xE0\xA5\xA4");
}

TEST_F(SegmentTest, SpansAreTrimmedAndTokensIndexed) {
  std::string text = "  First one.   Second one!  ";
  Doc doc;
  seg_->Segment(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].span.begin, 2u);
  EXPECT_EQ(doc.sentences[0].first_token, 0u);
  EXPECT_EQ(doc.sentences[0].end_token, 3u);
  EXPECT_EQ(doc.sentences[1].first_token, 3u);
  EXPECT_EQ(doc.sentences[1].end_token, doc.tokens.size());
  EXPECT_EQ(text.substr(doc.sentences[1].span.begin, doc.sentences[1].span.size()), "Second one!");
}

TEST_F(SegmentTest, WordTokens) {
  std::vector<TokenKind> kinds;
  EXPECT_EQ(Tokens("Pakistan's twenty-three O'Brien don't", &kinds),
            (V{"Pakistan", "'s", "twenty-three", "O'Brien", "don't"}));
  EXPECT_EQ(kinds[1], TokenKind::kWord);
  EXPECT_EQ(Tokens("Pakistan\xE2\x80\x99s army"), (V{"Pakistan", "\xE2\x80\x99s", "army"}));
  // Non-Latin words with combining marks stay whole.
  EXPECT_EQ(Tokens("\xE0\xA4\xAA\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\xB8 "
                   "\xD9\xBE\xD9\x88\xD9\x84\xDB\x8C\xD8\xB3")
                .size(),
            2u);
}

// Ukrainian writes an apostrophe inside words (п'ять "five", дев'ять "nine") as U+0027, U+2019 or
// U+02BC: each keeps the word whole.
TEST_F(SegmentTest, UkrainianApostropheKeepsTheWord) {
  EXPECT_EQ(Tokens("\u043F'\u044F\u0442\u0435\u0440\u043E \u043B\u044E\u0434\u0435\u0439"),
            (V{"\u043F'\u044F\u0442\u0435\u0440\u043E", "\u043B\u044E\u0434\u0435\u0439"}));
  EXPECT_EQ(Tokens("\u0434\u0435\u0432\u2019\u044F\u0442\u044C."),
            (V{"\u0434\u0435\u0432\u2019\u044F\u0442\u044C", "."}));
  EXPECT_EQ(Tokens("\u043F\u02BC\u044F\u0442\u044C"), (V{"\u043F\u02BC\u044F\u0442\u044C"}));
}

// The ASCII runs are scanned fast; a run that ends in a non-ASCII letter, a combining mark, a
// joiner or a separator must still be joined or split as one character at a time would.
TEST_F(SegmentTest, AsciiRunsHandOverToTheGeneralPath) {
  EXPECT_EQ(Tokens("Zu\xCC\x88rich Ko\xCC\x88ln na\xC3\xAFve"),
            (V{"Zu\xCC\x88rich", "Ko\xCC\x88ln", "na\xC3\xAFve"}));
  EXPECT_EQ(Tokens("abc\xE2\x80\x91"
                   "def x\xE2\x80\x94y"),  // non-breaking hyphen joins, dash not
            (V{"abc\xE2\x80\x91"
               "def",
               "x", "\xE2\x80\x94", "y"}));
  EXPECT_EQ(Tokens("police\xE2\x80\x99s"), (V{"police", "\xE2\x80\x99s"}));
  EXPECT_EQ(Tokens("ab12cd 12\xD9\xA3"
                   "34"),
            (V{"ab12cd",
               "12\xD9\xA3"
               "34"}));  // Arabic-Indic 3
  EXPECT_EQ(Tokens("1,234,567.89,5 12,34"), (V{"1,234,567.89", ",", "5", "12", ",", "34"}));
  EXPECT_EQ(Tokens("end-"), (V{"end", "-"}));
  EXPECT_EQ(Tokens("O'"), (V{"O", "'"}));
  EXPECT_EQ(Tokens("word"), (V{"word"}));
  EXPECT_EQ(Tokens("2024"), (V{"2024"}));
}

// Words are scanned sixteen (SSE2) or eight bytes at a time: ends before, at and after a chunk
// boundary, at the end of the text (no whole chunk left), and the ASCII bytes around the letter
// and digit ranges ('@' '[' '`' '{' '/' ':') must all stop a word exactly where one byte at a
// time would.
TEST_F(SegmentTest, WordEndsAtEveryOffsetOfAChunk) {
  for (size_t len = 1; len <= 40; ++len) {
    const std::string w = std::string(len, 'k') + "Z9";
    for (const char* stop : {" ", ",", "@", "[", "`", "{", "/", ":", "\xC3\xA9!", ""}) {
      const std::string text = w + stop + "tail";
      const std::vector<std::string> got = Tokens(text);
      ASSERT_FALSE(got.empty());
      if (std::string_view(stop).empty()) {
        EXPECT_EQ(got, (V{w + "tail"})) << text;
      } else if (std::string_view(stop) == " ") {
        EXPECT_EQ(got, (V{w, "tail"})) << text;
      } else if (std::string_view(stop) == "\xC3\xA9!") {
        EXPECT_EQ(got, (V{w + "\xC3\xA9", "!", "tail"})) << text;  // a non-ASCII letter joins
      } else {
        EXPECT_EQ(got, (V{w, stop, "tail"})) << text;
      }
    }
    EXPECT_EQ(Tokens(w), (V{w}));  // the text ends inside the word's last chunk
  }
  EXPECT_EQ(Tokens("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789."),
            (V{"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "."}));
}

// The plain flags (TokenKeys::Build takes them): 1 only for tokens of ASCII letters and digits.
TEST_F(SegmentTest, PlainFlagsMarkAsciiOnlyTokens) {
  const std::string text = "internationally recognised na\xC3\xAFve twenty-three 1,200 42, ok";
  Doc doc;
  std::vector<uint8_t> plain;
  seg_->Segment(text, &doc, &plain);
  ASSERT_EQ(doc.tokens.size(), 8u);
  EXPECT_EQ(plain, (std::vector<uint8_t>{1, 1, 0, 0, 0, 1, 0, 1}));
}

// Words after a single space, a comma or a period are taken without the general dispatch;
// the tokens must be those of the general path, including a quote or a possessive after a
// space and runs of other white space.
TEST_F(SegmentTest, WordRunsAfterSpacesAndPunctuation) {
  EXPECT_EQ(Tokens("one two, three. Four;five  six\tseven 's 'x"),
            (V{"one", "two", ",", "three", ".", "Four", ";", "five", "six", "seven", "'", "s", "'",
               "x"}));
  EXPECT_EQ(Sentences("It rained. Then it stopped.\nA new line, a new sentence"),
            (V{"It rained.", "Then it stopped.", "A new line, a new sentence"}));
}

// With keys, a run of words after single spaces is scanned sixteen bytes at a time with each
// word's key made from the same load; a word the run does not take (a joiner, an apostrophe or a
// non-ASCII character after its letters, a word longer than a chunk, the text's last bytes) goes
// the general way. Every token, kind and key must be what the bare tokeniser and
// TokenKeys::Build make, for words of every length before every kind of end, at every distance
// from the end of the text.
TEST_F(SegmentTest, KeyedWordRunsMatchTheBareTokensAndBuiltKeys) {
  TokenKeys made;  // reused, like the pipeline's
  for (size_t len = 1; len <= 40; ++len) {
    std::string w;
    for (size_t k = 0; k < len; ++k) w += "aZ7qM"[k % 5];
    for (const char* stop : {" ", ", ", ".", "-x", "'s", "'t", "\xC3\xA9", "\xE2\x80\x99s", "\n",
                             "@", "`", "{", "/", ":", "[", ""}) {
      for (const char* tail : {" Tail end", " x", ""}) {
        ExpectKeyedMatchesBare("Go " + w + stop + " and " + w + tail, &made);
      }
    }
  }
  // A run of short words that fills many chunks, with capitals and digits lower-cased alike.
  Doc fused;
  seg_->Segment("The UN said 12 Police in KABUL had X3 the staff", &fused, &made);
  ASSERT_EQ(made.size(), 11u);
  EXPECT_EQ(made.lower(0), "the");
  EXPECT_EQ(made.lower(6), "kabul");
  EXPECT_EQ(made[6].hash, StringHash{}("kabul"));
  EXPECT_TRUE(made.ascii_word(8));
  EXPECT_EQ(made.lower(8), "x3");
}

// With keys, a run also takes a one-byte punctuation mark after a word (",", ".", ")") and the
// word after it and a space, with the mark's key and, for ".", "!" and "?", its sentence end;
// the tokens the runs leave to the general path (numbers, "O'Brien", "UN-Backed", "'s",
// "1,200") are keyed there from one load. Every mark after a word and after a number, before a
// capital, a small letter, a digit, a line break or the text's end, in a text dense enough (two
// tokens every three bytes) that the run meets the end of the token room the tokeniser sized
// ahead, must give the bare tokeniser's tokens and sentences and the keys TokenKeys::Build
// makes.
TEST_F(SegmentTest, KeyedRunsThroughPunctuationMatchTheBareTokensAndBuiltKeys) {
  TokenKeys made;
  std::string dense;
  for (int k = 0; k < 200; ++k) dense += std::string(1, static_cast<char>('a' + k % 26)) + ", ";
  for (int c = 0x21; c < 0x7F; ++c) {
    const std::string mark(1, static_cast<char>(c));
    for (const char* after : {" Next word", " next word", " 42 words", "\nNew line", "", "Glued",
                              "  two spaces", mark.c_str()}) {
      const std::string text = "We met police" + mark + after + " then 12" + mark + after +
                               " 7 left" + mark + " " + dense +
                               "O'Brien, UN-Backed AL-SHABAAB's 1,200" + mark +
                               " 3.5 it ended 2024" + mark + after;
      ExpectKeyedMatchesBare(text, &made);
    }
  }
  Doc doc;
  seg_->Segment("Shots rang out. Police came, then left!", &doc, &made);
  ASSERT_EQ(doc.tokens.size(), 10u);
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kPunct);
  EXPECT_EQ(made.lower(3), ".");
  EXPECT_EQ(made[3].hash, StringHash{}("."));
  EXPECT_FALSE(made.ascii_word(3));
  EXPECT_EQ(made.lower(4), "police");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].first_token, 4u);
}

// The tokeniser marks the words its ASCII runs take after one space (TokenKeys::space_link), the
// bulk of a text, so the geocoder and the extraction WordStream take them without testing the
// bytes around them again; a word after anything else, or one a joiner follows, is not marked.
TEST_F(SegmentTest, KeyedRunsMarkTheWordsOneSpaceApart) {
  TokenKeys keys;
  Doc doc;
  // The runs leave a text's last bytes (a chunk and more) to the general path: a tail of
  // filler words puts the words tested inside the runs.
  const std::string text =
      "Shots rang out. Police came, then O'Brien left  two well-known men in all of the town, "
      "said the officers who came later";
  seg_->Segment(text, &doc, &keys);
  std::vector<std::string> linked;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    ExpectSpaceLinkHolds(text, doc.tokens, keys, i);
    if (keys.space_link(i)) {
      linked.emplace_back(text.substr(doc.tokens[i].span.begin, doc.tokens[i].span.size()));
    }
  }
  // Not "Shots" (first), "O'Brien" (a joiner inside), "two" (two spaces before it), "well-known";
  // "men" follows a word the run left to the general path, and is marked all the same.
  ASSERT_GE(linked.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(linked.begin(), linked.begin() + 8),
            (std::vector<std::string>{"rang", "out", "Police", "came", "then", "left", "men",
                                      "in"}));
  // Keys built from tokens leave the mark unset: it is the tokeniser's to give.
  TokenKeys built(text, doc.tokens);
  for (size_t i = 0; i < doc.tokens.size(); ++i) EXPECT_FALSE(built.space_link(i)) << i;
}

// With a KeyFilter, the keyed Segment lists the candidates: every number and every word that
// is not plain ASCII letters and digits, and the plain words whose key passes the filter, in
// token order (a word the general path takes may be listed although its key fails: a superset
// is the contract).
TEST_F(SegmentTest, CandidatesAreNumbersOtherWordsAndPlainWordsThatPassTheFilter) {
  KeyTable<bool> starts;
  starts["monday"] = true;
  starts["killed"] = true;
  KeyFilter filter;
  filter.Add(starts);
  const std::string text =
      "On Monday 12 gunmen killed twenty-three people in Z\xC3\xBCrich, officials said. "
      "The rest of this line is padding so that no word above is near the end.";
  Doc doc;
  TokenKeys keys;
  std::vector<uint32_t> buffer = {77, 78};  // overwritten
  const std::span<const uint32_t> cands = seg_->Segment(text, &doc, &keys, filter, &buffer);
  EXPECT_EQ(cands.data(), buffer.data());
  ASSERT_GE(doc.tokens.size(), 12u);
  // On Monday 12 gunmen killed twenty-three people in Zürich , officials said .
  const std::vector<uint32_t> head = {1, 2, 4, 5, 8};
  std::vector<uint32_t> got;
  for (uint32_t c : cands) {
    if (c < 13) got.push_back(c);
  }
  EXPECT_EQ(got, head);
  for (size_t k = 0; k < cands.size(); ++k) {
    ASSERT_LT(cands[k], doc.tokens.size());
    if (k > 0) {
      EXPECT_LT(cands[k - 1], cands[k]);
    }
    const TokenKind kind = doc.tokens[cands[k]].kind;
    EXPECT_TRUE(kind == TokenKind::kWord || kind == TokenKind::kNumber);
  }
  // The buffer is reused: a shorter text after it lists its own candidates only (here every
  // word: too near the text's end for the filtered runs).
  Doc short_doc;
  TokenKeys short_keys;
  const std::span<const uint32_t> again =
      seg_->Segment("Killed on Monday", &short_doc, &short_keys, filter, &buffer);
  EXPECT_EQ(std::vector<uint32_t>(again.begin(), again.end()), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_GT(buffer.size(), again.size());
  // The keys and tokens are those of the keyed Segment without candidates.
  Doc plain_doc;
  TokenKeys plain_keys;
  seg_->Segment(text, &plain_doc, &plain_keys);
  ASSERT_EQ(plain_doc.tokens.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(plain_doc.tokens[i].span, doc.tokens[i].span);
    EXPECT_EQ(plain_keys[i].hash, keys[i].hash);
  }
}

// The 300-token cut interleaved with line breaks and terminators: a line break closes first,
// the cut counts from there, and a terminator found at the cut ends a one-token sentence.
TEST_F(SegmentTest, LongRunsAreCutAroundLineBreaksAndTerminators) {
  auto sizes = [&](const std::string& text) {
    Doc doc;
    seg_->Segment(text, &doc);
    std::vector<uint32_t> out;
    for (const Sentence& s : doc.sentences) out.push_back(s.end_token - s.first_token);
    return out;
  };
  auto words = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "word ";
    return s;
  };
  EXPECT_EQ(sizes(words(299) + "\n" + words(649) + "word. Next " + words(9)),
            (std::vector<uint32_t>{299, 300, 300, 51, 10}));
  EXPECT_EQ(sizes(words(298) + "word. Next " + words(9)), (std::vector<uint32_t>{300, 10}));
  EXPECT_EQ(sizes(words(299) + "word. Next " + words(9)), (std::vector<uint32_t>{300, 1, 10}));
  EXPECT_EQ(sizes(words(300) + ". Next " + words(9)), (std::vector<uint32_t>{300, 1, 10}));
  EXPECT_EQ(sizes(words(600)), (std::vector<uint32_t>{300, 300}));
  EXPECT_EQ(sizes(words(601)), (std::vector<uint32_t>{300, 300, 1}));
}

TEST_F(SegmentTest, NumberTokens) {
  std::vector<TokenKind> kinds;
  EXPECT_EQ(Tokens("1,200 3.5 24, 10-12 $5 50%", &kinds),
            (V{"1,200", "3.5", "24", ",", "10", "-", "12", "$", "5", "50", "%"}));
  EXPECT_EQ(kinds[0], TokenKind::kNumber);
  EXPECT_EQ(kinds[3], TokenKind::kPunct);
  EXPECT_EQ(kinds[7], TokenKind::kSymbol);
  // Arabic-Indic and Devanagari digits are numbers.
  kinds.clear();
  EXPECT_EQ(Tokens("\xDB\xB2\xDB\xB3 \xE0\xA5\xA8\xE0\xA5\xAA", &kinds).size(), 2u);
  EXPECT_EQ(kinds[0], TokenKind::kNumber);
  EXPECT_EQ(kinds[1], TokenKind::kNumber);
  // "3rd": number then glued word.
  EXPECT_EQ(Tokens("3rd"), (V{"3", "rd"}));
}

TEST(SegmentFreeTest, DefaultSegmenter) {
  Doc doc;
  Segment("Dr. Aziz arrived. He spoke.", &doc);
  EXPECT_EQ(doc.sentences.size(), 2u);
}

TEST(SegmentFreeTest, EndlessTextIsCutIntoBoundedSentences) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word ";
  Doc doc;
  Segment(text, &doc);
  ASSERT_GT(doc.sentences.size(), 5u);
  for (const Sentence& s : doc.sentences) EXPECT_LE(s.end_token - s.first_token, 300u);
  EXPECT_EQ(doc.sentences.back().end_token, doc.tokens.size());
}

TEST_F(SegmentTest, GermanOrdinalDayBeforeMonth) {
  auto s = Sentences("Am 22. März 2024 wurde das Dorf angegriffen. Zwei Menschen starben.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Am 22. März 2024 wurde das Dorf angegriffen.");
  // A number and a period before another capitalised word still end the sentence.
  EXPECT_EQ(Sentences("Die Zahl der Toten stieg auf 22. Berlin reagierte.").size(), 2u);
}
TEST_F(SegmentTest, SentencesRunTogetherWithoutSpace) {
  EXPECT_EQ(Sentences("A man was shot.Police said he died."),
            (V{"A man was shot.", "Police said he died."}));
  // Byte spans stay exact: the second sentence starts at the capital.
  Doc doc;
  const std::string_view text = "It burned.Crews came.";
  seg_->Segment(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].span.end, 10u);
  EXPECT_EQ(doc.sentences[1].span.begin, 10u);
  // No split: an abbreviation, a capitalised word, an initial or acronym, a one-letter word,
  // a URL or domain, an e-mail address, a decimal.
  EXPECT_EQ(Sentences("He lived in St.Louis for years."), (V{"He lived in St.Louis for years."}));
  EXPECT_EQ(Sentences("The U.S.Army base was closed."), (V{"The U.S.Army base was closed."}));
  EXPECT_EQ(Sentences("See www.Example.com for more."), (V{"See www.Example.com for more."}));
  EXPECT_EQ(Sentences("Write to tips@news.Example.org now."),
            (V{"Write to tips@news.Example.org now."}));
  EXPECT_EQ(Sentences("It rose 3.5 percent."), (V{"It rose 3.5 percent."}));
  EXPECT_EQ(Sentences("Fruit, etc.Bread too."), (V{"Fruit, etc.Bread too."}));
  EXPECT_EQ(Sentences("Plan a.Then b."), (V{"Plan a.Then b."}));
}

}  // namespace
}  // namespace sitrep
