#include "text/quantity.h"

#include <gtest/gtest.h>

#include <cmath>

#include "base/data_dir.h"
#include "base/testing_data.h"
#include "text/segment.h"

namespace sitrep {
namespace {

class QuantityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Segmenter::Load(DataDir());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    seg_ = std::move(s).value().release();
    auto q = QuantityParser::Load(DataDir());
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    qp_ = std::move(q).value().release();
  }
  std::vector<Quantity> Find(const std::string& text) {
    text_ = text;
    Doc doc;
    seg_->Segment(text_, &doc);
    return qp_->Find(text_, doc);
  }
  // The only quantity in `text`; fails the test if there is not exactly one.
  Quantity One(const std::string& text) {
    std::vector<Quantity> qs = Find(text);
    EXPECT_EQ(qs.size(), 1u) << text;
    return qs.empty() ? Quantity{} : qs[0];
  }
  std::string SpanText(Span s) const { return text_.substr(s.begin, s.size()); }
  // The quantities of `text` in an article of language `lang`.
  std::vector<Quantity> FindIn(const std::string& text, std::string_view lang) {
    text_ = text;
    Doc doc;
    seg_->Segment(text_, &doc);
    return qp_->Find(text_, doc, lang);
  }
  // The only quantity of `text` in language `lang` is `value`, written `number` (when given).
  void ExpectOne(const std::string& text, std::string_view lang, double value,
                 std::string_view number = {}) {
    std::vector<Quantity> qs = FindIn(text, lang);
    ASSERT_EQ(qs.size(), 1u) << text;
    EXPECT_EQ(qs[0].value, value) << text;
    if (!number.empty()) {
      EXPECT_EQ(SpanText(qs[0].number_span), number) << text;
    }
  }

  static Segmenter* seg_;
  static QuantityParser* qp_;
  std::string text_;
};
Segmenter* QuantityTest::seg_ = nullptr;
QuantityParser* QuantityTest::qp_ = nullptr;

TEST_F(QuantityTest, PlainDigits) {
  Quantity q = One("Police said 23 passengers were killed.");
  EXPECT_EQ(q.value, 23);
  EXPECT_EQ(q.low, 23);
  EXPECT_EQ(q.high, 23);
  EXPECT_EQ(q.qualifier, Qualifier::kExact);
  EXPECT_EQ(SpanText(q.span), "23");
  q = One("The toll reached 1,200 by evening.");
  EXPECT_EQ(q.value, 1200);
  q = One("Some 2.5 million people fled.");
  EXPECT_EQ(q.value, 2500000);
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
}

TEST_F(QuantityTest, AtLeastAndMoreThan) {
  Quantity q = One("They killed at least 23 passengers.");
  EXPECT_EQ(q.qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(q.value, 23);
  EXPECT_EQ(q.low, 23);
  EXPECT_TRUE(std::isinf(q.high));
  EXPECT_EQ(SpanText(q.span), "at least 23");
  EXPECT_EQ(SpanText(q.number_span), "23");
  q = One("Officials said more than 60 people died.");
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(q.value, 60);
  EXPECT_EQ(q.low, 61);
  EXPECT_TRUE(74 >= q.low && 74 <= q.high);  // compatible with a later exact 74
  q = One("Over 100 homes burned.");
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  q = One("Officials reported a death toll exceeding 25.");
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(q.value, 25);
  q = One("More than a dozen were hurt.");
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(q.value, 12);
  q = One("Thirty or more were detained.");
  EXPECT_EQ(q.qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(q.value, 30);
  EXPECT_EQ(SpanText(q.span), "Thirty or more");
}

TEST_F(QuantityTest, ApproxPhrasesAreAboutTheirNumber) {
  // numbers.tsv kind approx: about one round number with the row's range, not a vague amount
  // read at its low end.
  std::vector<Quantity> qs = FindIn("L'embuscade a fait une vingtaine de morts.", "fr");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kAbout);
  EXPECT_EQ(qs[0].value, 20);
  EXPECT_EQ(qs[0].low, 17);
  EXPECT_EQ(qs[0].high, 24);
  qs = FindIn("El ataque dejó una veintena de muertos.", "es");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kAbout);
  EXPECT_EQ(qs[0].value, 20);
  Quantity q = One("A score of people were hurt.");
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
  EXPECT_EQ(q.value, 20);
  // "Dozens" stays an indefinite amount.
  EXPECT_EQ(One("Dozens were hurt.").qualifier, Qualifier::kVague);
}

TEST_F(QuantityTest, AtLeastAfterTheCountedNoun) {
  // qualifiers.tsv post_noun: the qualifier may follow the number's noun.
  std::vector<Quantity> qs = FindIn("قتل 8 أشخاص على الأقل في الهجوم.", "ar");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].value, 8);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(SpanText(qs[0].number_span), "8");
  qs = FindIn("L'explosion a fait 12 morts au moins, selon la police.", "fr");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kAtLeast);
  qs = FindIn("Погибли 8 человек по меньшей мере, сообщили власти.", "ru");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kAtLeast);
  // A plain post qualifier must follow the number itself: "or more" after a noun is another
  // phrase ("5 soldiers or more civilians").
  Quantity q = One("Gunmen killed 5 soldiers or more civilians fled.");
  EXPECT_EQ(q.qualifier, Qualifier::kExact);
  // Two words between are too many.
  qs = FindIn("قتل 8 أشخاص مدنيين على الأقل.", "ar");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].qualifier, Qualifier::kExact);
}

TEST_F(QuantityTest, AboutNearlyUpTo) {
  Quantity q = One("Nearly 40 people were wounded.");
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
  EXPECT_EQ(q.value, 40);
  EXPECT_EQ(q.high, 40);
  EXPECT_EQ(q.low, 36);
  q = One("Around 50 shops were closed.");
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
  EXPECT_EQ(q.low, 45);
  EXPECT_EQ(q.high, 55);
  q = One("As many as 15 may have died.");
  EXPECT_EQ(q.qualifier, Qualifier::kUpTo);
  EXPECT_EQ(q.low, 0);
  EXPECT_EQ(q.high, 15);
  q = One("Fewer than 10 escaped.");
  EXPECT_EQ(q.qualifier, Qualifier::kUpTo);
  EXPECT_EQ(q.high, 9);
  q = One("A 40-odd strong mob gathered.");
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
  EXPECT_EQ(q.value, 40);
}

TEST_F(QuantityTest, Ranges) {
  Quantity q = One("Between 10 and 12 soldiers died.");
  EXPECT_EQ(q.qualifier, Qualifier::kRange);
  EXPECT_EQ(q.low, 10);
  EXPECT_EQ(q.high, 12);
  EXPECT_EQ(q.value, 11);
  EXPECT_EQ(SpanText(q.span), "Between 10 and 12");
  EXPECT_EQ(SpanText(q.number_span), "10 and 12");
  q = One("It killed 10 to 12 soldiers.");
  EXPECT_EQ(q.qualifier, Qualifier::kRange);
  EXPECT_EQ(SpanText(q.span), "10 to 12");
  q = One("It killed 10-12 soldiers.");
  EXPECT_EQ(q.qualifier, Qualifier::kRange);
  EXPECT_EQ(q.low, 10);
  EXPECT_EQ(q.high, 12);
  q = One("Two or three guards fled.");
  EXPECT_EQ(q.qualifier, Qualifier::kRange);
  EXPECT_EQ(q.low, 2);
  EXPECT_EQ(q.high, 3);
}

TEST_F(QuantityTest, NumberWords) {
  EXPECT_EQ(One("It left twenty-three dead.").value, 23);
  EXPECT_EQ(One("It left twenty three dead.").value, 23);
  EXPECT_EQ(One("It left one hundred and five dead.").value, 105);
  EXPECT_EQ(One("It left six dead.").value, 6);
  EXPECT_EQ(One("It left two thousand five hundred homeless.").value, 2500);
  Quantity q = One("A dozen were injured.");
  EXPECT_EQ(q.value, 12);
  EXPECT_EQ(q.qualifier, Qualifier::kExact);
  EXPECT_EQ(SpanText(q.span), "A dozen");
  EXPECT_EQ(One("Two dozen were injured.").value, 24);
  EXPECT_EQ(One("Half a dozen were injured.").value, 6);
  EXPECT_EQ(One("A hundred were injured.").value, 100);
}

TEST_F(QuantityTest, VagueAmountsAreRanges) {
  Quantity q = One("The attacks left dozens dead.");
  EXPECT_EQ(q.qualifier, Qualifier::kVague);
  EXPECT_EQ(q.low, 24);
  EXPECT_EQ(q.high, 99);
  EXPECT_NE(q.value, 24);
  EXPECT_GT(q.value, q.low);
  q = One("Scores of people were hurt.");
  EXPECT_EQ(q.qualifier, Qualifier::kVague);
  EXPECT_EQ(q.low, 40);
  q = One("Hundreds fled.");
  EXPECT_EQ(q.low, 200);
  EXPECT_EQ(q.high, 999);
  q = One("Several were hurt.");
  EXPECT_EQ(q.low, 3);
  EXPECT_EQ(q.high, 9);
  q = One("Tens of thousands marched.");
  EXPECT_EQ(q.low, 20000);
  EXPECT_EQ(q.high, 99000);
  q = One("Several hundred marched.");
  EXPECT_EQ(q.low, 300);
  EXPECT_EQ(q.high, 900);
  q = One("A few were arrested.");
  EXPECT_EQ(q.qualifier, Qualifier::kVague);
  // "scores" without "of" is a verb.
  EXPECT_TRUE(Find("The striker scores again.").empty());
}

TEST_F(QuantityTest, OtherScriptsDigits) {
  Quantity q = One("\xDB\xB2\xDB\xB3 \xD8\xA7\xD9\x81\xD8\xB1\xD8\xA7\xD8\xAF");  // ۲۳ افراد
  EXPECT_EQ(q.value, 23);
  q = One("\xD9\xA1\xD9\xA2 killed");  // ١٢ (Arabic-Indic)
  EXPECT_EQ(q.value, 12);
  q = One("\xE0\xA5\xA8\xE0\xA5\xAA \xE0\xA4\xB2\xE0\xA5\x8B\xE0\xA4\x97");  // २४ लोग
  EXPECT_EQ(q.value, 24);
}

TEST_F(QuantityTest, NotCounts) {
  EXPECT_TRUE(Find("The attack in 2024 shocked the region.").empty());
  EXPECT_TRUE(Find("It happened at 10:30 on Jan 31.").empty());
  EXPECT_TRUE(Find("The blast struck on 31 January near the bridge.").empty());
  EXPECT_TRUE(Find("A man aged 21 was held.").empty());
  EXPECT_TRUE(Find("A 21-year-old was held.").empty());
  EXPECT_TRUE(Find("He was 21 years old.").empty());
  EXPECT_TRUE(Find("It was the 3rd attack.").empty());
  EXPECT_TRUE(Find("Prices rose 15% and 20 percent.").empty());
  EXPECT_TRUE(Find("He paid $500 and Rs 2,000 in fines.").empty());
  EXPECT_TRUE(Find("The blast hit Gate No. 3 of the compound.").empty());
  EXPECT_TRUE(Find("Call 0300-1234567 for help.").empty());
  EXPECT_TRUE(Find("The F-16 flew 200 km in 3 hours.").empty());
  EXPECT_TRUE(Find("The report dated 2024-08-26 was leaked.").empty());
  EXPECT_TRUE(Find("The meeting was at 5 pm.").empty());
  EXPECT_TRUE(Find("A man aged 18 to 25 was seen.").empty());
  EXPECT_TRUE(Find("Call (555) 389-4869 with tips.").empty());
  EXPECT_TRUE(Find("Jane Roe, 16, was shot near the 800 block of Elm Street.").empty());
  EXPECT_EQ(Find("In Lahore, 12 people died, and 3, including a child, were hurt.").size(), 2u);
}

TEST_F(QuantityTest, CompoundAdjectivesAreNotCounts) {
  EXPECT_TRUE(Find("The 15-year insurgency went on.").empty());
  EXPECT_TRUE(Find("The 6,200-seat hall was full.").empty());
}

TEST_F(QuantityTest, QualifiersInOtherLanguages) {
  Quantity q = One("Au moins 40 personnes sont mortes.");
  EXPECT_EQ(q.qualifier, Qualifier::kAtLeast);
  // Urdu "40 سے زائد" = more than 40.
  q =
      One("40 \xD8\xB3\xDB\x92 \xD8\xB2\xD8\xA7\xD8\xA6\xD8\xAF "
          "\xD8\xA7\xD9\x81\xD8\xB1\xD8\xA7\xD8\xAF");
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(q.low, 41);
}

TEST_F(QuantityTest, GermanAndPortugueseQualifiers) {
  Quantity q = One("Bei dem Angriff starben über 30 Menschen.");
  EXPECT_EQ(q.value, 30);
  EXPECT_EQ(q.qualifier, Qualifier::kMoreThan);
  q = One("Es gab bis zu 12 Verletzte.");
  EXPECT_EQ(q.qualifier, Qualifier::kUpTo);
  EXPECT_EQ(q.high, 12);
  q = One("O ataque deixou ao menos 15 mortos.");
  EXPECT_EQ(q.value, 15);
  EXPECT_EQ(q.qualifier, Qualifier::kAtLeast);
  q = One("Quase 50 pessoas ficaram feridas.");
  EXPECT_EQ(q.qualifier, Qualifier::kAbout);
  EXPECT_EQ(q.high, 50);  // "nearly": at most the number
  EXPECT_LT(q.low, 50);
}

TEST_F(QuantityTest, ItalianAndTurkishNumberWords) {
  text_ = "sono morte dodici persone e quindici soldati";
  Doc doc;
  seg_->Segment(text_, &doc);
  std::vector<Quantity> qs = qp_->Find(text_, doc, "it");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].value, 12);
  EXPECT_EQ(qs[1].value, 15);
  text_ = "saldırıda yirmi beş kişi öldü";
  Doc tr;
  seg_->Segment(text_, &tr);
  qs = qp_->Find(text_, tr, "tr");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].value, 25);
  EXPECT_EQ(SpanText(qs[0].number_span), "yirmi beş");
  // Not numbers in English text: "due" (it 2), "on" (tr 10).
  EXPECT_TRUE(Find("The report was due on the desk before the attack.").empty());
  Quantity q = One("Almeno 40 persone sono morte.");
  EXPECT_EQ(q.qualifier, Qualifier::kAtLeast);
}

TEST_F(QuantityTest, PronounOneIsMarked) {
  Quantity q = One("One of the attackers escaped.");
  EXPECT_EQ(q.value, 1);
  EXPECT_TRUE(q.maybe_pronoun);
  q = One("One soldier was killed.");
  EXPECT_FALSE(q.maybe_pronoun);
  q = One("At least one soldier was killed.");
  EXPECT_FALSE(q.maybe_pronoun);
}

TEST_F(QuantityTest, SeveralInOneSentenceInOrder) {
  std::vector<Quantity> qs = Find(
      "Gunmen killed four police officers and five civilians, while at least 10 vehicles burned.");
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].value, 4);
  EXPECT_EQ(qs[1].value, 5);
  EXPECT_EQ(qs[2].value, 10);
  EXPECT_EQ(qs[2].qualifier, Qualifier::kAtLeast);
  EXPECT_LT(qs[0].span.begin, qs[1].span.begin);
}

// The quick rejects (articles, hyphenated words, context phrases compared eight bytes at a
// time, ASCII digits parsed in one pass) keep what the full parse finds.
TEST_F(QuantityTest, QuickRejectsKeepResults) {
  EXPECT_EQ(One("A few were hurt").qualifier, Qualifier::kVague);
  EXPECT_EQ(One("a dozen died").value, 12);
  EXPECT_EQ(One("He saw A hundred people").value, 100);
  EXPECT_TRUE(Find("a man and a").empty());
  EXPECT_TRUE(Find("a year-old dispute and a colonial-era fort").empty());
  EXPECT_EQ(One("Twenty-THREE died").value, 23);
  // Context phrases longer and shorter than eight bytes, with the text's edge nearer than that.
  EXPECT_TRUE(Find("AGED BETWEEN 20").empty());
  EXPECT_TRUE(Find("Rs. 500").empty());
  EXPECT_TRUE(Find("aged 5").empty());
  EXPECT_EQ(One("Imaged 5 times").value, 5);  // "aged" must start a word
  EXPECT_EQ(One("1,200 fled").value, 1200);
  EXPECT_EQ(One("3.25 thousand").value, 3250);
  EXPECT_TRUE(Find("code 08 fired").empty());
  EXPECT_EQ(One("\xD9\xA2\xD9\xA3 killed").value, 23);  // Arabic-Indic digits: the general path
}

TEST(QuantityParseDigitsTest, Values) {
  EXPECT_EQ(*QuantityParser::ParseDigits("1,200"), 1200);
  EXPECT_DOUBLE_EQ(*QuantityParser::ParseDigits("3.5"), 3.5);
  EXPECT_EQ(*QuantityParser::ParseDigits("\xE0\xA5\xA7\xE0\xA5\xA6"), 10);  // १०
  EXPECT_FALSE(QuantityParser::ParseDigits("12a").has_value());
}

// Number words of other languages (data/text/numbers_lang.tsv), with exact byte spans.
TEST_F(QuantityTest, HindiNumberWords) {
  Quantity q = One("एक टूरिस्ट की मौत हो गई");
  EXPECT_EQ(q.value, 1);
  EXPECT_FALSE(q.maybe_pronoun);
  EXPECT_EQ(SpanText(q.number_span), "एक");
  Quantity p = One("हमले में तीन सौ लोग घायल हुए");
  EXPECT_EQ(p.value, 300);
  EXPECT_EQ(SpanText(p.number_span), "तीन सौ");
}

TEST_F(QuantityTest, UrduNumberWords) {
  Quantity q = One("دھماکے میں پانچ افراد ہلاک ہو گئے");
  EXPECT_EQ(q.value, 5);
  EXPECT_EQ(SpanText(q.number_span), "پانچ");
  Quantity p = One("ان میں سے ایک پولیس اہلکار تھا");
  EXPECT_EQ(p.value, 1);
  EXPECT_TRUE(p.maybe_pronoun);
}

TEST_F(QuantityTest, RussianCollectiveAndCases) {
  Quantity q = One("В результате обстрела двое погибших и много раненых.");
  EXPECT_EQ(q.value, 2);
  EXPECT_EQ(SpanText(q.number_span), "двое");
  Quantity t = One("Погибли двадцать три человека.");
  EXPECT_EQ(t.value, 23);
  EXPECT_EQ(SpanText(t.number_span), "двадцать три");
  Quantity o = One("Один из нападавших был задержан.");
  EXPECT_TRUE(o.maybe_pronoun);
}

TEST_F(QuantityTest, FrenchNumberWordsAndArticles) {
  Quantity q = One("L'explosion a fait trois morts dans la ville et les environs.");
  EXPECT_EQ(q.value, 3);
  EXPECT_EQ(SpanText(q.number_span), "trois");
  // "un"/"une" are articles: no figure of their own.
  EXPECT_TRUE(Find("Un homme a été tué et une femme a été blessée dans la nuit.").empty());
  Quantity d = One("Le bilan est de dix-sept morts selon la police.");
  EXPECT_EQ(d.value, 17);
  Quantity v = One("Les combats ont fait quatre-vingts morts dans la région.");
  EXPECT_EQ(v.value, 80);
}

TEST_F(QuantityTest, GermanAndSpanishNumberWords) {
  Quantity q = One("Bei dem Angriff gab es zwei Tote und einen Verletzten in der Stadt.");
  EXPECT_EQ(q.value, 2);
  EXPECT_EQ(SpanText(q.number_span), "zwei");
  Quantity s =
      One("El ataque dejó treinta y dos muertos, según los datos de las autoridades del país.");
  EXPECT_EQ(s.value, 32);
  EXPECT_EQ(SpanText(s.number_span), "treinta y dos");
  Quantity a = One("وقتل ثلاثة عشر شخصا في الهجوم");
  EXPECT_EQ(a.value, 13);
}

// One-word compounds spelled by data/text/number_compounds.tsv: Italian tens and units with
// elision and the final accent, hundreds either way round, German "unit und tens".
TEST_F(QuantityTest, OneWordCompounds) {
  const std::pair<const char*, double> italian[] = {
      {"ventitré", 23},  {"Ventitre", 23},  {"trentadue", 32},
      {"ventuno", 21},   {"trentotto", 38}, {"centoventi", 120},
      {"centotré", 103}, {"duecento", 200}, {"tremila", 3000}};
  for (const auto& [word, value] : italian) {
    ExpectOne(std::string("Nell'attacco sono morte ") + word + " persone.", "it", value, word);
  }
  const std::pair<const char*, double> german[] = {{"dreiundzwanzig", 23},
                                                   {"einunddreißig", 31},
                                                   {"zweihundert", 200},
                                                   {"hundertzwölf", 112},
                                                   {"fünftausend", 5000}};
  for (const auto& [word, value] : german) {
    ExpectOne(std::string("Bei dem Anschlag wurden ") + word + " Menschen getötet.", "de", value,
              word);
  }
  // A compound is a word of its language only: "ventitre" stays a word in German text.
  EXPECT_TRUE(FindIn("Der Name ventitre steht auf dem Schild.", "de").empty());
}

// Hyphenated numbers of several pieces, each the longest listed run ("quatre-vingt", "dix-sept"):
// the token counts whole or not at all.
TEST_F(QuantityTest, HyphenatedPieces) {
  const std::pair<const char*, double> french[] = {
      {"vingt-trois", 23},           {"quatre-vingt-douze", 92}, {"soixante-dix-sept", 77},
      {"quatre-vingt-dix-neuf", 99}, {"deux-cents", 200},        {"vingt-et-un", 21}};
  for (const auto& [word, value] : french) {
    ExpectOne(std::string("L'attaque a fait ") + word + " morts.", "fr", value, word);
  }
  EXPECT_EQ(One("Forty-five people were hurt.").value, 45);
  // Two units, or a number word inside a longer compound, are no number.
  EXPECT_TRUE(Find("The one-two punch and a seventy-two-hour curfew.").empty());
}

// Hundreds and thousands: a word that is a number alone ("cento", "yüz", "mille"), hundreds
// followed by tens ("ciento veinte", "cento e vinte", "сто двадцать"), "trente et un".
TEST_F(QuantityTest, HundredsAndConjunctions) {
  const struct {
    const char* lang;
    const char* text;
    const char* number;
    double value;
  } cases[] = {
      {"it", "Sono morte cento persone.", "cento", 100},
      {"it", "Sono morte mille persone.", "mille", 1000},
      {"tr", "Saldırıda yüz yirmi kişi yaralandı.", "yüz yirmi", 120},
      {"tr", "Saldırıda iki yüz kişi yaralandı.", "iki yüz", 200},
      {"es", "Resultaron heridas ciento veinte personas.", "ciento veinte", 120},
      {"es", "Murieron doscientos cincuenta civiles.", "doscientos cincuenta", 250},
      {"es", "Murieron treinta y un soldados.", "treinta y un", 31},
      {"es", "Murieron veintitrés personas.", "veintitrés", 23},
      {"pt", "Cento e vinte ficaram feridas.", "Cento e vinte", 120},
      {"pt", "Morreram duzentos civis.", "duzentos", 200},
      {"fr", "Au moins trente et un civils ont été tués.", "trente et un", 31},
      {"ru", "Ранены сто двадцать человек.", "сто двадцать", 120},
      // Turkish "bir" is the numeral one too ("bir kişi öldü").
      {"tr", "Saldırıda bir kişi öldü.", "bir", 1},
      // Ukrainian numbers with an apostrophe, written with U+0027, U+2019 and U+02BC.
      {"uk", "Загинули п'ятеро людей.", "п'ятеро", 5},
      {"uk", "Загинули дев\u2019ять людей.", "дев\u2019ять", 9},
      {"uk", "Поранені п\u02BCятнадцять людей.", "п\u02BCятнадцять", 15},
  };
  for (const auto& c : cases) ExpectOne(c.text, c.lang, c.value, c.number);
  // French "cent" needs a count before it: "pour cent" is a percentage word, not 100.
  for (const Quantity& q : FindIn("Le taux a baissé de cinq pour cent.", "fr")) {
    EXPECT_NE(q.value, 100);
  }
}

// Arabic writes "and" onto the next word: units before tens ("three and twenty") and tens
// after hundreds.
TEST_F(QuantityTest, ArabicConjunctionPrefix) {
  ExpectOne("قتل ثلاثة وعشرون شخصا في الانفجار", "ar", 23, "ثلاثة وعشرون");
  ExpectOne("وأصيب مئة وعشرون آخرون", "ar", 120, "مئة وعشرون");
  ExpectOne("وأصيب مئة وثلاثة وعشرون آخرون", "ar", 123);
  // Two units joined by "and" are no sum ("three and four").
  ExpectOne("قتل ثلاثة وأربعة", "ar", 3, "ثلاثة");
}

TEST_F(QuantityTest, ForeignWordsStayOutOfEnglish) {
  // "once" is Spanish 11, "sept" French 7, "elf" German 11: not numbers in English text.
  EXPECT_TRUE(Find("The town was once attacked, and the police said the elf costume "
                   "was found in the house.")
                  .empty());
  // With the language given, the same word is a number.
  text_ = "murieron once personas";
  Doc doc;
  seg_->Segment(text_, &doc);
  std::vector<Quantity> qs = qp_->Find(text_, doc, "es");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].value, 11);
}

// A bad number_compounds.tsv or numbers_lang.tsv row is a load error naming the file, the line,
// the column and what it read there.
TEST(QuantityLoadTest, BadRowNamesFileLineColumnAndValue) {
  using testing_data::BadRow;
  for (const BadRow& c : {
           BadRow{"number_compounds.tsv", "xx\t{1-9}+cento\n", "column 1", "'xx'"},
           BadRow{"number_compounds.tsv", "it\t{1-9+cento\n", "column 2", "{1-9+cento"},
           BadRow{"number_compounds.tsv", "it\t{77777777-88888888}+cento\n", "column 2",
                  "{77777777-88888888}"},
           // Two glue texts spelling "ventuno", which a row above makes 21.
           BadRow{"number_compounds.tsv", "it\tventu+no\n", "column 2", "'ventuno'"},
           BadRow{"numbers_lang.tsv", "it\tdodici\tunit\t12\talone\n", "column 5", "dodici"},
       }) {
    testing_data::ScratchData data("quantity_bad_row", "text");
    const int line = data.Append(c.file, c.row);
    EXPECT_TRUE(testing_data::NamesBadRow(QuantityParser::Load(data.root()).status(), c, line));
  }
}

// The word a needs_of phrase needs after it and the joiner of "one hundred and five" come from
// numbers.tsv: a partitive row makes "scores zof people" a number, a joiner row "one hundred zand
// five" 105.
TEST_F(QuantityTest, PartitivesAndJoinersComeFromTheData) {
  testing_data::ScratchData data("quantity_partitive", "text");
  auto values = [&](const std::string& text) {
    auto q = QuantityParser::Load(data.root());
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    Doc doc;
    seg_->Segment(text, &doc);
    std::vector<double> out;
    for (const Quantity& x : q.ok() ? (*q)->Find(text, doc) : std::vector<Quantity>()) {
      out.push_back(x.value);
    }
    return out;
  };
  EXPECT_TRUE(values("Scores zof people fled.").empty());
  EXPECT_EQ(values("It left one hundred zand five dead."), (std::vector<double>{100, 5}));
  data.Append("numbers.tsv", "zof\tpartitive\t0\nzand\tjoiner\t0\n");
  EXPECT_EQ(values("Scores zof people fled."), (std::vector<double>{60}));
  EXPECT_EQ(values("It left one hundred zand five dead."), (std::vector<double>{105}));
}

// An article or a phrase's first word is a number only with a multiplier or the phrase's next
// word after it (Find's quick reject); a conjunction alone is none.
TEST_F(QuantityTest, StartWordsThatNeedAFollowingWord) {
  EXPECT_EQ(One("a hundred people fled").value, 100);
  EXPECT_EQ(One("a dozen people fled").value, 12);
  Quantity few = One("a few people fled");
  EXPECT_EQ(few.qualifier, Qualifier::kVague);
  EXPECT_EQ(SpanText(few.span), "a few");
  EXPECT_EQ(One("twenty-three people fled").value, 23);
  EXPECT_TRUE(Find("a man and a woman fled with an aid worker").empty());
  EXPECT_TRUE(Find("and then they fled").empty());
}

}  // namespace
}  // namespace sitrep
