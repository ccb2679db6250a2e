#include "resolve/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "base/data_dir.h"
#include "base/testing_data.h"

namespace sitrep {
namespace {

Place Town(const char* name, const char* admin1, GeoLevel level = GeoLevel::kPlace) {
  Place p;
  p.name = name;
  p.admin1 = admin1;
  p.level = level;
  return p;
}

TEST(NamesItsProvinceTest, TownSharingItsProvincesName) {
  EXPECT_TRUE(NamesItsProvince(Town("Mopti", "Mopti Region")));
  EXPECT_TRUE(NamesItsProvince(Town("Balkh", "Balkh")));
  EXPECT_TRUE(NamesItsProvince(Town("Aleppo", "Aleppo Governorate")));
  // Diacritics and punctuation fold away: "Al Ḩasakah" / "Al-Hasakah Governorate".
  EXPECT_TRUE(
      NamesItsProvince(Town("Al \xE1\xB8\xA8"
                            "asakah",
                            "Al-Hasakah Governorate")));
  // Slavic adjectival form of the province: "Donetsk" / "Donetska oblast".
  EXPECT_TRUE(NamesItsProvince(Town("Donetsk", "Donetska oblast")));
  EXPECT_TRUE(NamesItsProvince(Town("Kharkiv", "Kharkivska oblast")));
  // A district bearing the name counts too.
  EXPECT_TRUE(NamesItsProvince(Town("Kaduna", "Kaduna", GeoLevel::kDistrict)));
}

TEST(NamesItsProvinceTest, OtherTownsAndUnitsDoNot) {
  EXPECT_FALSE(NamesItsProvince(Town("Djenne", "Mopti Region")));
  EXPECT_FALSE(NamesItsProvince(Town("Pokrovsk", "Donetska oblast")));
  // A prefix that runs on into a longer word is another name ("Bor" / "Borno").
  EXPECT_FALSE(NamesItsProvince(Town("Bor", "Bornoland State")));
  // The province itself, a place without a province, a too-short name.
  EXPECT_FALSE(NamesItsProvince(Town("Mopti Region", "Mopti Region", GeoLevel::kProvince)));
  EXPECT_FALSE(NamesItsProvince(Town("Juba", "")));
  EXPECT_FALSE(NamesItsProvince(Town("Al", "Al Anbar Governorate")));
}

TEST(AttackMethodTest, ShippedMethodsTellBombsFromAirStrikes) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const uint16_t suicide = r->MethodOf("Suicide bomb");
  const uint16_t ied = r->MethodOf("Remote explosive/landmine/IED");
  const uint16_t air = r->MethodOf("Air/drone strike");
  const uint16_t shelling = r->MethodOf("Shelling/artillery/missile attack");
  const uint16_t clash = r->MethodOf("Armed clash");
  ASSERT_NE(suicide, 0);
  ASSERT_NE(air, 0);
  EXPECT_EQ(suicide, ied);  // one method: explosives
  EXPECT_TRUE(r->MethodsConflict(suicide, air));
  EXPECT_TRUE(r->MethodsConflict(air, ied));
  EXPECT_TRUE(r->MethodsConflict(clash, shelling));
  // One attack told two ways: an ambush opened with a bomb; a missile strike.
  EXPECT_FALSE(r->MethodsConflict(ied, clash));
  EXPECT_FALSE(r->MethodsConflict(air, shelling));
  // A generic "Attack" names no method; a side naming none never conflicts.
  EXPECT_EQ(r->MethodOf("Attack"), 0);
  EXPECT_EQ(r->MethodOf(""), 0);
  EXPECT_FALSE(r->MethodsConflict(0, air));
  // One method in common is enough, whatever else either side names.
  EXPECT_FALSE(r->MethodsConflict(static_cast<uint16_t>(air | suicide), suicide));
}

TEST(AttackMethodTest, WithoutTheFileNothingConflicts) {
  ResolveRules r;
  EXPECT_EQ(r.MethodOf("Suicide bomb"), 0);
  EXPECT_FALSE(r.MethodsConflict(1, 2));
}

TEST(LimitsTest, NameFollowUpDaysIsShippedAndValidated) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name_followup_days, 730);
  testing_data::ScratchData data("name_followup_limits", "resolve");
  for (const char* value : {"30", "0.5", "4000"}) {
    data.Write("limits.tsv", std::string("# name\tvalue\nname_followup_days\t") + value + "\n");
    Result<ResolveRules> got = LoadResolveRules(data.folder());
    if (std::string(value) == "30") {
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(got->name_followup_days, 30);
    } else {
      ASSERT_FALSE(got.ok()) << value;
      EXPECT_NE(got.status().ToString().find("name_followup_days"), std::string::npos);
    }
  }
}

TEST(LimitsTest, UndatedFollowUpDaysIsShippedAndValidated) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->undated_followup_days, 90);
  // A fraction is no number of days: the file is rejected, not rounded.
  // The shipped files with only limits.tsv replaced.
  testing_data::ScratchData data("followup_limits", "resolve");
  data.Write("limits.tsv", "# name\tvalue\nundated_followup_days\t2.5\n");
  Result<ResolveRules> bad = LoadResolveRules(data.folder());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("undated_followup_days"), std::string::npos)
      << bad.status().ToString();
}

// Every (index, begin, end) PhraseSet::ForEach reports, sorted.
std::vector<std::tuple<uint32_t, size_t, size_t>> Hits(const PhraseSet& set,
                                                       std::string_view text) {
  std::vector<std::tuple<uint32_t, size_t, size_t>> hits;
  set.ForEach(text, [&](uint32_t i, size_t b, size_t e) { hits.emplace_back(i, b, e); });
  std::sort(hits.begin(), hits.end());
  return hits;
}

// The plain search PhraseSet replaces: each phrase found with find(), whole words only.
std::vector<std::tuple<uint32_t, size_t, size_t>> NaiveHits(const std::vector<std::string_view>& ps,
                                                            std::string_view text) {
  std::vector<std::tuple<uint32_t, size_t, size_t>> hits;
  for (uint32_t i = 0; i < ps.size(); ++i) {
    if (ps[i].empty()) continue;
    for (size_t pos = text.find(ps[i]); pos != std::string_view::npos;
         pos = text.find(ps[i], pos + 1)) {
      const size_t end = pos + ps[i].size();
      if ((pos > 0 && IsCueWordByte(text[pos - 1])) ||
          (end < text.size() && IsCueWordByte(text[end]))) {
        continue;
      }
      hits.emplace_back(i, pos, end);
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

// ForEachStartingIn reports exactly ForEach's occurrences that begin in the range, words judged
// on the whole text: a range starting inside a word finds no phrase there, and one ending
// before a phrase's last byte still reports it whole.
TEST(PhraseSetTest, StartingInARangeIsForEachRestricted) {
  const std::vector<std::string_view> phrases = {"killed", "up from", "a",
                                                 "claimed to have killed"};
  const PhraseSet set(phrases);
  const std::string text = "a group claimed to have killed 30, up from unkilled a killed";
  const auto all = NaiveHits(phrases, text);
  for (size_t from = 0; from <= text.size(); ++from) {
    for (size_t to = from; to <= text.size() + 2; to += 3) {
      std::vector<std::tuple<uint32_t, size_t, size_t>> got, want;
      set.ForEachStartingIn(text, from, to,
                            [&](uint32_t i, size_t b, size_t e) { got.emplace_back(i, b, e); });
      std::sort(got.begin(), got.end());
      for (const auto& h : all) {
        if (std::get<1>(h) >= from && std::get<1>(h) < to) want.push_back(h);
      }
      std::sort(want.begin(), want.end());
      ASSERT_EQ(got, want) << from << " " << to;
    }
  }
  // "killed" at 24 begins in [20, 25) though it ends past the range; "unkilled" at 43 is no word.
  std::vector<size_t> begins;
  set.ForEachStartingIn(text, 20, 25, [&](uint32_t, size_t b, size_t) { begins.push_back(b); });
  EXPECT_EQ(begins, std::vector<size_t>{24});
  begins.clear();
  set.ForEachStartingIn(text, 45, 50, [&](uint32_t, size_t b, size_t) { begins.push_back(b); });
  EXPECT_TRUE(begins.empty());
  // A default set (scratch that was never filled) finds nothing and holds no table.
  EXPECT_TRUE(Hits(PhraseSet(), text).empty());
}

// The rest of a word is skipped without looking for phrases: every byte value, at every offset
// of a long word, must end the word exactly when IsCueWordByte says it is no word byte.
TEST(PhraseSetTest, EveryByteEndsALongWordAsIsCueWordByteSays) {
  const std::vector<std::string_view> phrases = {"ki", "x", "(a", "killed"};
  const PhraseSet set(phrases);
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text = "abcdefghijKLMNOPQRST0123456789";  // one long word
      text[at] = static_cast<char>(b);
      text += " killed ki";
      ASSERT_EQ(Hits(set, text), NaiveHits(phrases, text)) << b << " at " << at;
      // The byte after it begins a phrase only when it ends the word.
      text[at + 1] = 'x';
      text[at + 2] = ' ';
      ASSERT_EQ(Hits(set, text), NaiveHits(phrases, text)) << b << " at " << at << " + x";
    }
  }
}

TEST(PhraseSetTest, FindsWholeWordsOnly) {
  const PhraseSet set({"forces killed", "killed", "up from"});
  using H = std::tuple<uint32_t, size_t, size_t>;
  // "forces killed" and the "killed" inside it both count; "killedx" and "unkilled" do not.
  EXPECT_EQ(Hits(set, "the forces killed three"), (std::vector<H>{{0, 4, 17}, {1, 11, 17}}));
  EXPECT_TRUE(Hits(set, "unkilled killedx upfrom").empty());
  // At the very start and end of the text, and after punctuation.
  EXPECT_EQ(Hits(set, "killed,up from"), (std::vector<H>{{1, 0, 6}, {2, 7, 14}}));
  EXPECT_TRUE(Hits(set, "").empty());
  EXPECT_TRUE(Hits(PhraseSet(), "killed").empty());
}

TEST(PhraseSetTest, OverlapsOneBytePhrasesAndSharedPrefixes) {
  // Phrases sharing their first two bytes, a one-byte phrase, an empty one (never matches), a
  // phrase starting with punctuation and one with a non-ASCII byte.
  const std::vector<std::string_view> phrases = {"ki", "kil", "killed by",      "x",
                                                 "",   "(a",  "caf\xC3\xA9 ki", "a a"};
  const PhraseSet set(phrases);
  EXPECT_EQ(set.size(), phrases.size());
  for (std::string_view text :
       {"ki kil killed by x kil", "x(a a a a) caf\xC3\xA9 ki", "xx ki-kil killed byx", "a a a a a",
        "((a a", "killed by killed by"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Hits(set, text), NaiveHits(phrases, text));
  }
}

TEST(PhraseSetTest, WordBytesAreAsciiLettersAndDigits) {
  EXPECT_TRUE(IsCueWordByte('a'));
  EXPECT_TRUE(IsCueWordByte('Z'));
  EXPECT_TRUE(IsCueWordByte('7'));
  for (char c : std::string_view(" -'.,@[`{/:\x80\xC3\xFF")) {
    EXPECT_FALSE(IsCueWordByte(c)) << static_cast<int>(static_cast<unsigned char>(c));
  }
}

TEST(AsciiLowerTest, LowersAsciiOnlyShortAndLong) {
  EXPECT_EQ(AsciiLower("Security Forces KILLED 12").view(), "security forces killed 12");
  // Non-ASCII bytes (UTF-8 of an accented capital) stay as they are.
  EXPECT_EQ(AsciiLower("\xC3\x89TAT").view(), "\xC3\x89tat");
  const std::string long_text(1000, 'Q');
  EXPECT_EQ(AsciiLower(long_text).view(), std::string(1000, 'q'));
  EXPECT_TRUE(AsciiLower("").view().empty());
}

// The lowering works eight bytes at a time: every byte value, at every offset within a word
// and in the tail, must come out as the one-byte rule says.
TEST(AsciiLowerTest, EveryByteAtEveryOffsetAsOneByteAtATime) {
  std::string all;
  for (int round = 0; round < 9; ++round) {  // shifts each byte through every lane
    all.push_back('x');
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  }
  for (size_t n : {all.size(), size_t{7}, size_t{8}, size_t{15}, size_t{300}}) {
    const std::string_view text = std::string_view(all).substr(0, n);
    std::string expected(text);
    for (char& c : expected) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    EXPECT_EQ(AsciiLower(text).view(), expected) << n;
  }
}

TEST(CueIndexTest, LoadedRulesIndexEveryCue) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->context_cues.empty());
  ASSERT_FALSE(r->figure_cues.empty());
  EXPECT_EQ(r->context_index.size(), r->context_cues.size());
  EXPECT_EQ(r->figure_index.size(), r->figure_cues.size());
  // Each cue is found by its index at its own position in a sentence of its own.
  for (size_t i = 0; i < r->context_cues.size(); ++i) {
    const std::string text = "then " + r->context_cues[i].phrase + " 5";
    bool found = false;
    r->context_index.ForEach(text, [&](uint32_t k, size_t b, size_t e) {
      found = found || (k == i && b == 5 && e == 5 + r->context_cues[i].phrase.size());
    });
    EXPECT_TRUE(found) << r->context_cues[i].phrase;
  }
}

}  // namespace
}  // namespace sitrep
