#include "geo/match_key.h"

#include <gtest/gtest.h>
#include <unicode/uvernum.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "base/data_dir.h"
#include "base/testing_data.h"
#include "base/tsv.h"

namespace sitrep {
namespace {

// The project's fold rules parse; rules that do not are an error naming the file, which the
// engine and the gazetteer builder return instead of folding without them.
TEST(CheckFoldRulesTest, NamesTheFileWhoseRulesDoNotParse) {
  EXPECT_TRUE(CheckFoldRules().ok()) << CheckFoldRules().ToString();
  testing_data::ScratchData scratch("fold_rules_bad", "geo");
  scratch.Write("fold_rules.txt", "::No-Such-Transform;\n");
  const std::string old = DataDir();
  SetDataDir(scratch.root());
  const Status st = CheckFoldRules();
  SetDataDir(old);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.ToString().find("fold_rules.txt"), std::string::npos) << st.ToString();
}

// A fold table made from the rules vouches for them: CheckFoldRules does not parse them again
// (that builds ICU's transliterator registry at every start-up). Rules the table does not name,
// edited since it was made, are parsed.
TEST(CheckFoldRulesTest, TrustsTheFoldTableMadeFromTheSameRules) {
  testing_data::ScratchData scratch("fold_rules_table", "geo");
  const std::string bad = "::No-Such-Transform;\n";
  scratch.Write("fold_rules.txt", bad);
  const std::string old = DataDir();
  SetDataDir(scratch.root());
  // The table's header for these rules, as FoldTableText writes it (FNV-1a of the bytes).
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bad) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));
  scratch.Write("folds.tsv",
                std::string("# comment\n!icu\t") + U_ICU_VERSION + "\n!rules\t" + hex + "\n");
  const Status trusted = CheckFoldRules();
  scratch.Write("folds.tsv", std::string("!icu\t") + U_ICU_VERSION + "\n!rules\t0\n");
  const Status parsed = CheckFoldRules();
  const Result<std::string> table = FoldTableText(scratch.root());
  SetDataDir(old);
  EXPECT_TRUE(trusted.ok()) << trusted.ToString();
  EXPECT_FALSE(parsed.ok());
  EXPECT_FALSE(table.ok());  // no table vouches for rules that do not parse
}

TEST(MatchKeyTest, FoldNameDropsCaseDiacriticsAndApostrophes) {
  EXPECT_EQ(FoldName("Nūra Khel"), "nura khel");
  EXPECT_EQ(FoldName("Nūrá Qal‘ah"), "nura qalah");
  EXPECT_EQ(FoldName("  Dera-Ismail  Khan, "), "dera ismail khan");
  EXPECT_EQ(FoldName("São Tomé"), "sao tome");
  EXPECT_EQ(FoldName("..."), "");
}

TEST(MatchKeyTest, SpellingVariantsCollide) {
  EXPECT_EQ(MatchKey("Kavat"), MatchKey("Qavat"));
  EXPECT_EQ(MatchKey("Kavat"), MatchKey("Khevat"));
  EXPECT_EQ(MatchKey("Nurakhail"), MatchKey("Nurakhel"));
  EXPECT_EQ(MatchKey("Nurakhel"), MatchKey("Nura Khel"));
  EXPECT_EQ(MatchKey("Nura Khel"), MatchKey("Nūra Khel"));
  EXPECT_EQ(MatchKey("Gwamar"), MatchKey("Gawamar"));
  EXPECT_EQ(MatchKey("Hyderābād"), MatchKey("HYDERABAD"));
  EXPECT_EQ(MatchKey("Tarsung"), MatchKey("Tarsungg"));
}

TEST(MatchKeyTest, UnrelatedNamesStayApart) {
  EXPECT_NE(MatchKey("Kavat"), MatchKey("Gwamar"));
  EXPECT_NE(MatchKey("Quenza"), MatchKey("Karachi"));
  EXPECT_NE(MatchKey("Lahore"), MatchKey("Lahad"));
  EXPECT_NE(MatchKey("Tarsung"), MatchKey("Mansehra"));
  EXPECT_NE(MatchKey("Springfield"), MatchKey("Springdale"));
}

TEST(MatchKeyTest, OtherScriptsAreTransliterated) {
  EXPECT_EQ(MatchKey("Квенза"), MatchKey("Kvenza"));
  EXPECT_EQ(MatchKey("Москва"), MatchKey("Moskva"));
  EXPECT_FALSE(MatchKey("کوئنزہ").empty());
}

TEST(MatchKeyTest, DevanagariDropsTheSilentInherentVowel) {
  // geo/fold_rules.txt: the word-final inherent a and the medial one between V C and C V are
  // silent, as in the Latin spellings; a final conjunct and a one-letter word keep theirs.
  EXPECT_EQ(FoldName("छत्तीसगढ़"), "chattisgarh");
  EXPECT_EQ(FoldName("मणिपुर"), "manipur");
  EXPECT_EQ(FoldName("हमला"), "hamla");
  EXPECT_EQ(FoldName("इन्द्र"), "indra");
  EXPECT_EQ(FoldName("न"), "na");
  // च is written "ch" as Latin spellings write it, so the keys meet.
  EXPECT_EQ(FoldName("चुराचांदपुर"), "churachandpur");
  EXPECT_EQ(MatchKey("छत्तीसगढ़"), MatchKey("Chhattisgarh"));
  EXPECT_EQ(MatchKey("चुराचांदपुर"), MatchKey("Churachandpur"));
  // Other scripts are untouched by these rules.
  EXPECT_EQ(FoldName("Москва"), "moskva");
}

// The committed geo/folds.tsv must be what `sitrep gazetteer folds` makes of the data files now,
// or a data-file word added since would build the transliterator at every start-up.
TEST(MatchKeyTest, FoldTableMatchesTheDataFiles) {
  Result<std::string> committed = ReadFile(DataPath("geo/folds.tsv"));
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  if (committed->find(std::string("!icu\t") + U_ICU_VERSION + "\n") == std::string::npos) {
    GTEST_SKIP() << "geo/folds.tsv was made with another ICU version";
  }
  Result<std::string> made = FoldTableText(DataDir());
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(*made, *committed) << "run `sitrep gazetteer folds` to remake data/geo/folds.tsv";
}

// Latin letters without a decomposition, punctuation and the data files' words in other scripts
// fold from the table, to what ICU gives; other text still builds the transliterator.
TEST(MatchKeyTest, DataWordsAndLatinNamesFoldWithoutTheTransliterator) {
  Result<std::string> committed = ReadFile(DataPath("geo/folds.tsv"));
  ASSERT_TRUE(committed.ok());
  if (committed->find(std::string("!icu\t") + U_ICU_VERSION + "\n") == std::string::npos) {
    GTEST_SKIP() << "geo/folds.tsv was made with another ICU version";
  }
  Result<std::string> words = ReadFile(DataPath("geo/geocoder_words.tsv"));
  ASSERT_TRUE(words.ok());
  std::vector<std::string> latin, data_words;
  bool built_after_latin = true, built_after_words = true, built_after_cyrillic = false;
  std::string moskva;
  // A fresh thread: the transliterator is per thread, and other tests may have built this one's.
  std::thread([&] {
    for (const char* name : {"Łódź Voivodeship", "Møre og Romsdal", "Diyarbakır",
                             "Friuli–Venezia Giulia", "Gießen", "Đà Nẵng", "Ærøskøbing"}) {
      latin.push_back(FoldName(name));
    }
    built_after_latin = ThisThreadBuiltTransliterator();
    Status st = ForEachTsvLine(*words, "words", 1,
                               [&](const std::vector<std::string_view>& cols, int) -> Status {
                                 data_words.push_back(FoldName(cols[0]));
                                 return Status::Ok();
                               });
    EXPECT_TRUE(st.ok());
    built_after_words = ThisThreadBuiltTransliterator();
    moskva = FoldName("Москва");
    built_after_cyrillic = ThisThreadBuiltTransliterator();
  }).join();
  EXPECT_EQ(latin, (std::vector<std::string>{"lodz voivodeship", "more og romsdal", "diyarbakir",
                                             "friuli venezia giulia", "giessen", "da nang",
                                             "aeroskobing"}));
  EXPECT_FALSE(built_after_latin);
  EXPECT_FALSE(built_after_words);
  EXPECT_FALSE(data_words.empty());
  EXPECT_EQ(moskva, "moskva");
  EXPECT_TRUE(built_after_cyrillic);
}

TEST(MatchKeyTest, RulesParseAnchorsAndErrors) {
  auto r = MatchRules::Parse("# c\n^ab\tx\nz$\ty\n!collapse\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Key("abab"), "xab");
  EXPECT_EQ(r->Key("zaz"), "zay");
  EXPECT_EQ(r->Key("aabb"), "ab");
  EXPECT_FALSE(MatchRules::Parse("no tab here\n").ok());
  EXPECT_FALSE(MatchRules::Parse("A\tb\n").ok());
  MatchRules identity;
  EXPECT_EQ(identity.Key("Nura Khel"), "nurakhel");
}

// Short ASCII names are folded through a stack buffer, longer ones by the general path: both
// must give the same bytes. Every name of up to five characters over letters, digits, spaces,
// punctuation and apostrophes, folded alone (short path) and with 200 trailing spaces (long
// path, which trims them), and appended after other text.
TEST(MatchKeyTest, ShortAsciiFoldsEqualTheGeneralPath) {
  const std::string alphabet = "Aa1 -'`.";
  std::vector<std::string> level = {""};
  for (int len = 1; len <= 5; ++len) {
    std::vector<std::string> longer;
    for (const std::string& s : level) {
      for (char c : alphabet) longer.push_back(s + c);
    }
    for (const std::string& name : longer) {
      const std::string general = FoldName(name + std::string(200, ' '));
      ASSERT_EQ(FoldName(name), general) << "[" << name << "]";
      std::string after = "x ";
      FoldNameInto(name, &after);
      ASSERT_EQ(after, "x " + general) << "[" << name << "]";
    }
    level = std::move(longer);
  }
  EXPECT_EQ(FoldName("  Dera-Ismail  Khan, "), "dera ismail khan");
  EXPECT_EQ(FoldName("Qal'ah - O`Neill"), "qalah oneill");
}

// The rules applied one by one as match_rules.tsv describes them, written plainly: each rule
// rewrites every non-overlapping occurrence left to right; "!collapse" squeezes doubled letters.
std::string ReferenceKey(const std::vector<std::string>& rules, std::string_view folded) {
  std::string cur;
  for (char c : folded) {
    if (c != ' ') cur.push_back(c);
  }
  for (const std::string& line : rules) {
    std::string next;
    if (line == "!collapse") {
      for (char c : cur) {
        if (next.empty() || next.back() != c || (c >= '0' && c <= '9')) next.push_back(c);
      }
    } else {
      std::string from = line.substr(0, line.find('\t'));
      const std::string to = line.substr(line.find('\t') + 1);
      const bool at_start = from.front() == '^', at_end = from.back() == '$';
      if (at_start) from.erase(0, 1);
      if (at_end) from.pop_back();
      for (size_t i = 0; i < cur.size();) {
        if (cur.compare(i, from.size(), from) == 0 && (!at_start || i == 0) &&
            (!at_end || i + from.size() == cur.size())) {
          next += to;
          i += from.size();
        } else {
          next.push_back(cur[i++]);
        }
      }
    }
    cur = next;
  }
  return cur;
}

// KeyFromFolded skips the rules whose pattern cannot occur and rewrites single letters, and any
// pattern whose replacement is no longer, in place: the keys must be those of the plain rewrite,
// also when one rule makes another's pattern ("ck" -> "k" then "kh"), on anchors, on a
// three-letter pattern, on a lengthening rule ("x" -> "ks") and on digits (never squeezed).
TEST(MatchKeyTest, KeysEqualThePlainRewrite) {
  const std::vector<std::string> rules = {
      "!collapse", "ck\tk", "kh\tk", "q\tk",  "w\tv",    "ai\te", "^ab\tx", "z$\ty",    "e\ta",
      "o\tu",      "y\ti",  "aa\ta", "ee\ti", "gaw\tgw", "x\tks", "b$\tp",  "!collapse"};
  std::string text;
  for (const std::string& r : rules) text += r + "\n";
  Result<MatchRules> parsed = MatchRules::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  // Every string of up to four letters over an alphabet that meets all the rules, and some
  // longer names.
  const std::string alphabet = "ackhqwizbeyg1x";
  std::vector<std::string> inputs = {
      "", "nura khel", "qaqckhh zz", "abab", "kkhhckq 11", "waiqooyee z", "aab aa", "ckh", "xabxb"};
  std::vector<std::string> level = {""};
  for (int len = 1; len <= 4; ++len) {
    std::vector<std::string> longer;
    for (const std::string& s : level) {
      for (char c : alphabet) longer.push_back(s + c);
    }
    inputs.insert(inputs.end(), longer.begin(), longer.end());
    level = std::move(longer);
  }
  for (const std::string& in : inputs) {
    std::string key = "pre:";
    parsed->KeyFromFolded(in, &key);
    ASSERT_EQ(key, "pre:" + ReferenceKey(rules, in)) << in;
  }
}

}  // namespace
}  // namespace sitrep
