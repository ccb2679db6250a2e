#include "ingest/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "base/guard_page_test_util.h"

namespace sitrep {
namespace {

// A wire story written for this test, and outlet rewrites of it.
constexpr const char* kWire =
    "Security forces in the northern hills said on Tuesday that armed men attacked a checkpoint "
    "near the river crossing before dawn, killing four guards and wounding six others. A "
    "spokesman for the provincial government said reinforcements had been sent to the area and "
    "that a search operation was under way in the surrounding villages. No group has so far said "
    "it carried out the attack, the third on a checkpoint in the district this month. Residents "
    "said the gunfire lasted for nearly an hour and that roads leading to the crossing remained "
    "closed on Tuesday afternoon.";

constexpr const char* kUnrelated =
    "The city council approved a new budget for public libraries on Wednesday after a long debate "
    "about opening hours, staff numbers and the cost of repairing the old reading room roof, which "
    "has leaked for several winters. Council members also agreed to review parking fees next year.";

Article Make(std::string id, std::string text, std::optional<CivilDate> published = std::nullopt) {
  Article a;
  a.doc_id = std::move(id);
  a.text = std::move(text);
  a.published = published;
  return a;
}

std::string Edited() {
  // Dateline added, one word changed, the last clause trimmed: still a wire copy.
  std::string t = std::string("HILLTOWN (Wire) - ") + kWire;
  t.replace(t.find("wounding six"), 12, "injuring six");
  t.erase(t.find(" on Tuesday afternoon."));
  return t;
}

TEST(DedupTest, ExactDuplicatesPointToCanonical) {
  std::vector<Article> v = {Make("b", kWire), Make("a", kWire), Make("c", kUnrelated)};
  DedupStats s = MarkDuplicates(&v);
  EXPECT_EQ(s.exact, 1u);
  EXPECT_EQ(s.near, 0u);
  EXPECT_TRUE(v[0].exact_duplicate);
  EXPECT_EQ(v[0].copy_of, "a");  // smallest doc_id wins when none is dated
  EXPECT_FALSE(v[1].exact_duplicate);
  EXPECT_EQ(v[1].copy_of, "");
  EXPECT_EQ(v[2].copy_of, "");
}

TEST(DedupTest, NearDuplicateWireCopy) {
  EXPECT_GE(ShingleJaccard(kWire, Edited()), 0.8);
  EXPECT_LT(ShingleJaccard(kWire, kUnrelated), 0.1);
  std::vector<Article> v = {Make("outlet-2", Edited(), CivilDate{2024, 5, 8}),
                            Make("outlet-1", kWire, CivilDate{2024, 5, 7}),
                            Make("other", kUnrelated, CivilDate{2024, 5, 6})};
  DedupStats s = MarkDuplicates(&v);
  EXPECT_EQ(s.exact, 0u);
  EXPECT_EQ(s.near, 1u);
  EXPECT_EQ(v[0].copy_of, "outlet-1");  // earliest published is canonical
  EXPECT_FALSE(v[0].exact_duplicate);
  EXPECT_EQ(v[1].copy_of, "");
  EXPECT_EQ(v[2].copy_of, "");
}

TEST(DedupTest, RewrittenStoryIsNotACopy) {
  const std::string rewrite =
      "Four guards died when gunmen stormed a river checkpoint in the northern hills early on "
      "Tuesday, officials said, adding that six more were hurt and troops were combing nearby "
      "villages for the attackers, who have not been identified.";
  std::vector<Article> v = {Make("x", kWire), Make("y", rewrite)};
  MarkDuplicates(&v);
  EXPECT_EQ(v[0].copy_of, "");
  EXPECT_EQ(v[1].copy_of, "");
}

TEST(DedupTest, ResultDoesNotDependOnInputOrder) {
  std::vector<Article> base = {Make("d3", Edited(), CivilDate{2024, 5, 9}), Make("d1", kWire),
                               Make("d2", kWire, CivilDate{2024, 5, 9}), Make("d4", kUnrelated),
                               Make("d5", Edited(), CivilDate{2024, 5, 8})};
  auto run = [](std::vector<Article> v) {
    MarkDuplicates(&v);
    std::sort(v.begin(), v.end(),
              [](const Article& a, const Article& b) { return a.doc_id < b.doc_id; });
    std::vector<std::pair<std::string, bool>> out;
    for (const Article& a : v) out.emplace_back(a.copy_of, a.exact_duplicate);
    return out;
  };
  const auto expected = run(base);
  // d5 is the earliest dated member of the wire group; undated d1 comes after dated ones.
  EXPECT_EQ(expected[0], std::make_pair(std::string("d5"), true));   // d1 == d2's text
  EXPECT_EQ(expected[1], std::make_pair(std::string("d5"), false));  // d2
  EXPECT_EQ(expected[2], std::make_pair(std::string("d5"), true));   // d3 == d5's text
  EXPECT_EQ(expected[3], std::make_pair(std::string(""), false));    // d4
  EXPECT_EQ(expected[4], std::make_pair(std::string(""), false));    // d5
  std::vector<Article> perm = base;
  std::sort(perm.begin(), perm.end(),
            [](const Article& a, const Article& b) { return a.doc_id > b.doc_id; });
  EXPECT_EQ(run(perm), expected);
  std::rotate(perm.begin(), perm.begin() + 2, perm.end());
  EXPECT_EQ(run(perm), expected);
}

TEST(DedupTest, ClearsOldMarksAndIgnoresTinyTexts) {
  std::vector<Article> v = {Make("a", "Two dead."), Make("b", "Two dead!")};
  v[1].copy_of = "stale";
  v[1].exact_duplicate = true;
  MarkDuplicates(&v);
  EXPECT_EQ(v[1].copy_of, "");  // too short for near matching, and not byte-identical
  EXPECT_FALSE(v[1].exact_duplicate);
}

// Marks the duplicates of `v` with `o` on one thread and on two (shingles and signatures are
// made in parallel then): each time the last article, and it only, is a near copy, of the one
// with doc_id `original`.
void ExpectOnlyLastIsCopyOf(std::vector<Article>* v, const std::string& original,
                            DedupOptions o = {}) {
  for (int threads : {1, 2}) {
    SCOPED_TRACE(testing::Message() << threads << " threads");
    o.threads = threads;
    DedupStats s = MarkDuplicates(v, o);
    EXPECT_EQ(s.exact, 0u);
    EXPECT_EQ(s.near, 1u);
    EXPECT_EQ(v->back().copy_of, original);
    for (size_t i = 0; i + 1 < v->size(); ++i) EXPECT_EQ((*v)[i].copy_of, "") << (*v)[i].doc_id;
  }
}

// A long standard paragraph (a footer every outlet appends) shared by many different stories:
// they must not become copies of each other, real copies among them still must, and the bucket
// the footer creates must not make the work quadratic.
TEST(DedupTest, SharedBoilerplateDoesNotMakeCopies) {
  const std::string footer =
      " This report was compiled by the regional desk from statements by local officials, "
      "hospital staff and residents reached by telephone; figures may change as more information "
      "becomes available and the desk will update the story when it does.";
  std::vector<Article> v;
  auto story = [](int i) {
    // Distinct wording per story: numbered words make every shingle of the body unique.
    std::string t = "Story " + std::to_string(i) + ":";
    for (int w = 0; w < 12; ++w) t += " w" + std::to_string(i * 100 + w);
    return t;
  };
  for (int i = 0; i < 3000; ++i) {
    v.push_back(Make("s" + std::to_string(10000 + i), story(i) + footer));
  }
  // One real wire copy among them: same body and footer under another outlet's dateline.
  v.push_back(Make("t0", "CITY (Agency) - " + story(7) + footer));
  ExpectOnlyLastIsCopyOf(&v, "s10007");
}

// A footer far longer than the stories: any two of them share almost all their shingles, so only
// leaving the footer's shingles (found in more than 200 of the documents) out of the signatures
// keeps different stories from being compared and linked. The real copy is still found.
TEST(DedupTest, BoilerplateLongerThanTheStoriesIsLeftOutOfTheSignatures) {
  std::string footer;
  for (int w = 0; w < 100; ++w) footer += " note" + std::to_string(w);
  std::vector<Article> v;
  auto story = [](int i) {
    std::string t = "Item " + std::to_string(i) + ":";
    for (int w = 0; w < 6; ++w) t += " u" + std::to_string(i * 100 + w);
    return t;
  };
  for (int i = 0; i < 300; ++i) {
    v.push_back(Make("b" + std::to_string(1000 + i), story(i) + footer));
  }
  v.push_back(Make("c0", "CITY (Agency) - " + story(9) + footer));
  ASSERT_GE(ShingleJaccard(v[0].text, v[1].text), 0.8);  // different stories, yet "copies"
  ExpectOnlyLastIsCopyOf(&v, "b1009");
}

// The boilerplate threshold is found while counting, in counters just wide enough for it (8 bits
// up to 254 documents, 16 bits above): both widths must leave the shared footer out and still
// find the real copy, and so must turning the boilerplate rule off.
TEST(DedupTest, BoilerplateRuleWorksForEveryCounterWidth) {
  const std::string footer =
      " Figures were given by the district office and may be revised once the count of those "
      "treated at the two clinics in the valley is complete, officials said in a statement.";
  for (size_t min_docs : {size_t{20}, size_t{300}, size_t{100000}}) {
    SCOPED_TRACE(testing::Message() << min_docs << " documents");
    std::vector<Article> v;
    for (int i = 0; i < 400; ++i) {
      std::string t = "Report " + std::to_string(i) + ":";
      for (int w = 0; w < 10; ++w) t += " v" + std::to_string(i * 100 + w);
      v.push_back(Make("r" + std::to_string(1000 + i), t + footer));
    }
    v.push_back(Make("z-copy", "TOWN (Agency) - " + v[42].text));
    DedupOptions o;
    o.min_boilerplate_docs = min_docs;
    o.max_doc_fraction = min_docs > 1000 ? 1.0 : 0.01;
    ExpectOnlyLastIsCopyOf(&v, "r1042", o);
  }
}

// Words are runs of letters, digits and multi-byte characters, compared ASCII-case-insensitively:
// the same words with other spacing, punctuation and case give the same shingles, also when the
// words are long (hashed 8 bytes a step) and fall across the scan's 64-byte blocks.
TEST(DedupTest, ShinglesIgnoreSpacingPunctuationAndCase) {
  std::string a, b;
  for (int i = 0; i < 50; ++i) {
    const std::string w = "Word" + std::to_string(i * 37) + (i % 4 == 0 ? "Extraordinarily" : "");
    a += w + " ";
    std::string upper = w;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    b += (i % 3 == 0 ? ",\n  \"" : i % 3 == 1 ? " -- " : "\t") + upper;
  }
  a += "caf\xc3\xa9 end";
  b += "...CAF\xc3\xa9!!end?";
  for (int k : {1, 2, 3, 5}) {
    SCOPED_TRACE(k);
    EXPECT_DOUBLE_EQ(ShingleJaccard(a, b, k), 1.0);
    // A changed multi-byte character is another word.
    std::string c = a;
    c.replace(c.find("\xc3\xa9"), 2, "\xc3\xa8");
    EXPECT_LT(ShingleJaccard(a, c, k), 1.0);
  }
}

// Many copies of one story fall into one big bucket; with bounded comparisons per member they
// must still all join the same group through their neighbours.
TEST(DedupTest, BigGroupOfCopiesChainsIntoOneGroup) {
  std::vector<Article> v;
  for (int i = 0; i < 60; ++i) {
    std::string t = Edited();
    t += " Outlet note " + std::to_string(i) + ".";
    v.push_back(Make("c" + std::to_string(100 + i), t, CivilDate{2024, 5, 8}));
  }
  DedupOptions o;
  o.max_bucket_pairs_per_doc = 2;
  DedupStats s = MarkDuplicates(&v, o);
  EXPECT_EQ(s.near, 59u);
  for (size_t i = 1; i < v.size(); ++i) EXPECT_EQ(v[i].copy_of, "c100");
}

// Exact copies are grouped by a fast hash and confirmed byte by byte: texts of one length that
// differ in a single byte (anywhere, also past the last whole 32-byte block) are not copies.
TEST(DedupTest, OneByteDifferenceIsNotAnExactCopy) {
  const std::string base = std::string(kWire) + " tail";  // not a multiple of 32 bytes long
  std::vector<Article> v;
  v.push_back(Make("a", base));
  for (size_t pos : {size_t{0}, size_t{31}, size_t{32}, base.size() / 2, base.size() - 1}) {
    std::string t = base;
    t[pos] = t[pos] == 'x' ? 'y' : 'x';
    v.push_back(Make("p" + std::to_string(pos), t));
  }
  v.push_back(Make("z", base));
  MarkDuplicates(&v);
  for (size_t i = 1; i + 1 < v.size(); ++i) EXPECT_FALSE(v[i].exact_duplicate) << v[i].doc_id;
  EXPECT_TRUE(v.back().exact_duplicate);
  EXPECT_EQ(v.back().copy_of, "a");
}

// Texts are first told apart by their length and a few sampled bytes, and only texts that agree
// on those are hashed whole: a difference at any position, in or out of the samples, of short
// texts and long ones, still keeps texts apart, and identical texts are still found.
TEST(DedupTest, ExactCopiesFoundWhateverTheLengthAndPlaceOfADifference) {
  for (size_t len : {1, 7, 15, 16, 17, 31, 33, 48, 100}) {
    SCOPED_TRACE(len);
    std::string base;
    for (size_t i = 0; i < len; ++i) base += static_cast<char>('a' + (i * 7) % 26);
    std::vector<Article> v;
    v.push_back(Make("a", base));
    for (size_t pos = 0; pos < len; ++pos) {
      std::string t = base;
      t[pos] = '#';
      v.push_back(Make("p" + std::to_string(1000 + pos), t));
    }
    v.push_back(Make("z1", base));
    v.push_back(Make("z2", base + "."));
    MarkDuplicates(&v);
    for (size_t i = 1; i < v.size(); ++i) {
      EXPECT_EQ(v[i].exact_duplicate, v[i].doc_id == "z1") << v[i].doc_id;
    }
    EXPECT_EQ(v[v.size() - 2].copy_of, "a");
  }
}

// Shingles repeated inside one text count once (set semantics), whatever their order.
TEST(DedupTest, ShingleJaccardIsASetMeasure) {
  const std::string once = "alpha beta gamma delta epsilon";
  const std::string twice = once + " " + once;
  // twice adds "delta epsilon alpha" and "epsilon alpha beta" to the three shingles of once.
  EXPECT_DOUBLE_EQ(ShingleJaccard(once, twice), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(ShingleJaccard(twice, twice + " " + once), 1.0);
  EXPECT_DOUBLE_EQ(ShingleJaccard(once, twice), ShingleJaccard(twice, once));
}

TEST(DedupTest, TextHashIsStable) {
  EXPECT_EQ(TextHash("abc"), TextHash(std::string("abc")));
  EXPECT_NE(TextHash("abc"), TextHash("abd"));
  EXPECT_NE(TextHash(""), TextHash(std::string_view("\0", 1)));
}

// FNV-1a byte by byte, then the final mix: what TextHash() is specified to be.
uint64_t ReferenceTextHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  h ^= text.size();
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

TEST(DedupTest, TextHashesMatchTextHashForAnyMixOfLengths) {
  // Lanes run out at different times and take the next text: empty texts, equal lengths, one
  // long text among short ones, fewer texts than lanes, and texts with every byte value.
  std::vector<std::string> owned = {
      "", "a", "", "abc", std::string(5000, 'x'), "abd", "", std::string("\0\xff\x80 z", 5), "abc"};
  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes.push_back(static_cast<char>(c));
  owned.push_back(all_bytes);
  for (int i = 0; i < 37; ++i)
    owned.push_back(std::string(static_cast<size_t>(i * 13 % 97), 'a' + i % 26));
  for (size_t count = 0; count <= owned.size(); ++count) {
    SCOPED_TRACE(count);
    std::vector<std::string_view> texts(owned.begin(), owned.begin() + static_cast<long>(count));
    std::vector<uint64_t> hashes(count, 0);
    TextHashes(texts.data(), count, hashes.data());
    for (size_t i = 0; i < count; ++i) {
      EXPECT_EQ(hashes[i], TextHash(texts[i])) << i;
      EXPECT_EQ(hashes[i], ReferenceTextHash(texts[i])) << i;
    }
  }
}

// Reference: Jaccard of the sets of k-word tuples, words lower-cased ASCII letters and digits
// (and bytes >= 0x80), built from strings the slow way.
double ReferenceJaccard(const std::string& a, const std::string& b, int k) {
  auto tuples = [k](const std::string& t) {
    std::vector<std::string> words;
    std::string w;
    for (char ch : t) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c >= 0x80) {
        w.push_back(static_cast<char>(std::tolower(c)));
      } else if (!w.empty()) {
        words.push_back(w);
        w.clear();
      }
    }
    if (!w.empty()) words.push_back(w);
    std::set<std::string> out;
    for (size_t i = 0; i + static_cast<size_t>(k) <= words.size(); ++i) {
      std::string key;
      for (int j = 0; j < k; ++j) key += words[i + static_cast<size_t>(j)] + " ";
      out.insert(key);
    }
    return out;
  };
  const std::set<std::string> x = tuples(a), y = tuples(b);
  if (x.empty() && y.empty()) return 1.0;
  size_t both = 0;
  for (const std::string& s : x) both += y.count(s);
  return static_cast<double>(both) / static_cast<double>(x.size() + y.size() - both);
}

TEST(DedupTest, ShingleJaccardMatchesReferenceForAnyShingleLength) {
  // Long texts (hundreds of shingles) take the radix sort; repeated phrases test the unique step.
  std::string long_a, long_b;
  for (int i = 0; i < 40; ++i) {
    long_a += kWire;
    long_a += " Paragraph " + std::to_string(i) + " of the same report. ";
    long_b += kWire;
    long_b += " Section " + std::to_string(i * 7 % 13) + " of a similar report. ";
  }
  const std::string edited = Edited();
  for (int k : {1, 2, 3, 5, 16, 17, 24}) {
    SCOPED_TRACE(k);
    EXPECT_DOUBLE_EQ(ShingleJaccard(kWire, edited, k), ReferenceJaccard(kWire, edited, k));
    EXPECT_DOUBLE_EQ(ShingleJaccard(kWire, kUnrelated, k), ReferenceJaccard(kWire, kUnrelated, k));
    EXPECT_DOUBLE_EQ(ShingleJaccard(long_a, long_b, k), ReferenceJaccard(long_a, long_b, k));
    EXPECT_DOUBLE_EQ(ShingleJaccard(long_a, long_a, k), 1.0);
  }
  // Cut texts at every length so the ends fall inside words, on separators, in a multi-byte
  // character and at runs of punctuation; words must come out the same as the slow way.
  const std::string mixed =
      "Ab  cd,e-f... G\xc3\xa9rard 12 345!!  xyz\tq\xe2\x80\x94r s\n\nTT tt uU  ";
  const std::string other = "ab cd e f gerard 12 345 xyz q r s tt uu vv";
  for (size_t cut = 0; cut <= mixed.size(); ++cut) {
    SCOPED_TRACE(cut);
    const std::string t = mixed.substr(0, cut), u = mixed.substr(cut);
    for (int k : {1, 2, 3}) {
      EXPECT_DOUBLE_EQ(ShingleJaccard(t, other, k), ReferenceJaccard(t, other, k));
      EXPECT_DOUBLE_EQ(ShingleJaccard(u, other, k), ReferenceJaccard(u, other, k));
      EXPECT_DOUBLE_EQ(ShingleJaccard(t, u, k), ReferenceJaccard(t, u, k));
    }
  }
  // The scan takes 64 bytes at a time: words that cross a block boundary, end exactly on one,
  // or run to the end of a text whose length is a multiple of 64; words longer than 8 bytes
  // (hashed 8 bytes a step) and of 16 or more bytes; mixed case across the 8-byte steps.
  std::string blocks;
  // clang-format off
  const char* const kPieces[] = {"Internationally", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "x", "9",
                                 "\xc3\xa9t\xc3\xa9", "MiXeD-CaSe", "word", "eightchr",
                                 "ninechars", "sixteencharacter"};
  // clang-format on
  for (int i = 0; i < 120; ++i) {
    blocks += kPieces[(i * 7) % 10];
    blocks += (i % 3 == 0) ? ",  " : " ";
  }
  const std::string lowered_other = "internationally abcdefghijklmnopqrstuvwxyz x 9 eightchr word";
  for (size_t cut = 50; cut <= blocks.size(); cut += 7) {
    SCOPED_TRACE(cut);
    const std::string t = blocks.substr(0, cut);
    const std::string u = blocks.substr(blocks.size() - cut);
    for (int k : {1, 3}) {
      EXPECT_DOUBLE_EQ(ShingleJaccard(t, u, k), ReferenceJaccard(t, u, k));
      EXPECT_DOUBLE_EQ(ShingleJaccard(t, lowered_other, k), ReferenceJaccard(t, lowered_other, k));
    }
  }
  for (size_t len : {63, 64, 65, 127, 128, 129}) {
    SCOPED_TRACE(len);
    const std::string t = blocks.substr(0, len);
    std::string upper = t;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_DOUBLE_EQ(ShingleJaccard(t, upper, 1), 1.0);
    EXPECT_DOUBLE_EQ(ShingleJaccard(t, t + "!", 2), 1.0);
    EXPECT_DOUBLE_EQ(ShingleJaccard(t, upper, 2), ReferenceJaccard(t, upper, 2));
  }
  // A text of over a megabyte grows the thread's buffers, which the next smaller text gives
  // back: the same sets on each side of that size.
  std::string big;
  for (int i = 0; big.size() <= (size_t{1} << 20) + 100; ++i) {
    big += "Word" + std::to_string(i * 7919 % 5003) + (i % 9 == 0 ? ", " : " ");
  }
  const std::string cut = big.substr(0, (size_t{1} << 20) - 1000);
  EXPECT_DOUBLE_EQ(ShingleJaccard(big, cut, 3), ReferenceJaccard(big, cut, 3));
  EXPECT_DOUBLE_EQ(ShingleJaccard(big, big.substr(500), 3),
                   ReferenceJaccard(big, big.substr(500), 3));
  // Fewer words than the shingle length: no shingles at all on either side.
  EXPECT_DOUBLE_EQ(ShingleJaccard("two words", "other two", 3), 1.0);
  EXPECT_DOUBLE_EQ(ShingleJaccard("ALL Caps, punctuation!", "all caps punctuation", 2), 1.0);
}

// Each text's shingle set starts empty without clearing the thread's table: a slot counts only
// when it carries the set's number (a byte, all cleared every 255th set), and the table is
// given back after a huge text. Hundreds of sets in a row, each sharing shingles with the one
// before (whose slots then look full of the same hashes), of sizes that grow and shrink, must
// each measure what the reference does.
TEST(DedupTest, ShingleSetsStayApartOverManyTextsOfAnySize) {
  std::string huge;
  for (int i = 0; huge.size() <= (size_t{1} << 21); ++i) huge += "n" + std::to_string(i) + " ";
  std::string previous = kWire;
  for (int i = 0; i < 700; ++i) {
    SCOPED_TRACE(i);
    std::string text;
    const int words = (i * 37) % 150;
    for (int w = 0; w < words; ++w) text += "t" + std::to_string((i + w * 3) % 97) + " ";
    text += previous.substr(0, previous.size() / 2);
    EXPECT_DOUBLE_EQ(ShingleJaccard(text, previous), ReferenceJaccard(text, previous, 3));
    if (i == 100) {  // over 2 MB: the buffers and the table grow, then shrink again
      const std::string tail = huge.substr(huge.size() / 3);
      EXPECT_DOUBLE_EQ(ShingleJaccard(huge, tail), ReferenceJaccard(huge, tail, 3));
    }
    previous = std::move(text);
  }
}

// The word scan reads 64-byte blocks and the word hash eight bytes at a time: with a text's last
// byte the last of a mapped page (the next unreadable), or its first byte the first after an
// unreadable page, no read may leave the text, at any length (every tail of a block and of a
// word). A text is its own near copy, and the measure is symmetric.
TEST(DedupGuardPageTest, ShinglingNeverReadsOutsideTheText) {
  using testing_guard::Guard;
  using testing_guard::GuardedBytes;
  std::string text = kWire;
  text += " Caf\xc3\xa9 ZZ9 \xe2\x80\x94 x\xff";  // a multi-byte word, digits, a stray byte
  for (Guard side : {Guard::kAfter, Guard::kBefore}) {
    GuardedBytes a(text.size(), side), b(text.size(), side);
    ASSERT_TRUE(a.ok() && b.ok());
    for (size_t len = 0; len <= 200; ++len) {
      const std::string_view va = a.Set(std::string_view(text).substr(0, len));
      const std::string_view vb = b.Set(std::string_view(text).substr(text.size() - len));
      EXPECT_EQ(ShingleJaccard(va, std::string(va)), 1.0) << len;
      EXPECT_EQ(ShingleJaccard(va, vb), ShingleJaccard(vb, va)) << len;
    }
    const std::string_view whole = a.Set(text);
    EXPECT_EQ(ShingleJaccard(whole, kWire), ShingleJaccard(kWire, whole));
    EXPECT_GT(ShingleJaccard(whole, kWire), 0.8);
  }
}

}  // namespace
}  // namespace sitrep
