#include "text/timex.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "base/testing_data.h"
#include "text/segment.h"

namespace sitrep {
namespace {

class TimexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Segmenter::Load(DataDir());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    seg_ = std::move(s).value().release();
    // A fixed "today" keeps the year search deterministic.
    auto t = TimexParser::Load(DataDir(), CivilDate{2026, 11, 21});
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tp_ = std::move(t).value().release();
  }
  std::vector<Timex> Find(const std::string& text, std::optional<CivilDate> pub) {
    text_ = text;
    Doc doc;
    seg_->Segment(text_, &doc);
    return tp_->Find(text_, doc, pub);
  }
  Timex One(const std::string& text, std::optional<CivilDate> pub) {
    std::vector<Timex> ts = Find(text, pub);
    EXPECT_EQ(ts.size(), 1u) << text;
    return ts.empty() ? Timex{} : ts[0];
  }
  std::string SpanText(Span s) const { return text_.substr(s.begin, s.size()); }

  static Segmenter* seg_;
  static TimexParser* tp_;
  std::string text_;
};
Segmenter* TimexTest::seg_ = nullptr;
TimexParser* TimexTest::tp_ = nullptr;

const CivilDate kMon26Aug2024{2024, 8, 26};  // a Monday

TEST_F(TimexTest, CalendarHelpers) {
  EXPECT_EQ(TimexParser::IsoWeekday(TimexParser::DaysFromCivil(2024, 8, 26)), 1);
  EXPECT_EQ(TimexParser::IsoWeekday(TimexParser::DaysFromCivil(2026, 1, 31)), 6);
  EXPECT_EQ(TimexParser::CivilFromDays(TimexParser::DaysFromCivil(2024, 2, 29) + 1),
            (CivilDate{2024, 3, 1}));
  EXPECT_EQ(TimexParser::DaysInMonth(2023, 2), 28);
}

TEST_F(TimexTest, WeekdayAgainstPublication) {
  Timex t = One("Officials said on Monday that the roads were closed.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));  // published that Monday: same day
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  EXPECT_TRUE(t.relative);
  EXPECT_FALSE(t.past_reference);
  EXPECT_EQ(SpanText(t.span), "on Monday");

  t = One("The first attack took place overnight on Sunday in the hills.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "overnight on Sunday");

  t = One("Then early on Monday a second attack followed.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(SpanText(t.span), "early on Monday");

  t = One("Shots were heard late Friday near the camp.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));

  t = One("The raid came on Sunday night.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "on Sunday night");

  t = One("The office reopened last Monday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 19}));  // "last": strictly before
}

// A weekday that names no particular day is no date; an article or a count that is no
// indefinite "on a ..." keeps the day.
TEST_F(TimexTest, GenericAndIndefiniteWeekdaysAreNoDate) {
  EXPECT_TRUE(Find("The market opens every Friday in summer.", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("It happened on a Saturday long ago.", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("They met on a rainy Tuesday afternoon.", kMon26Aug2024).empty());
  // No "on" before the article: "a man" is the object, Friday the day it happened.
  Timex t = One("Police shot a man Friday near the depot.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  // "a Saturday shooting" names a particular recent day.
  t = One("Police are investigating a Saturday shooting.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  t = One("Gunmen left one dead on Sunday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  // A date after the weekday still makes it a particular day.
  t = One("It happened on a Friday, August 16, 2024.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 16}));
  EXPECT_TRUE(Find("Le marché ouvre chaque vendredi.", kMon26Aug2024).empty());
}

// A future marker earlier in the clause points a weekday forward; punctuation ends its reach.
TEST_F(TimexTest, FutureMarkerPointsAWeekdayForward) {
  Timex t = One("The suspect will be arraigned in the county court Wednesday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 28}));
  t = One("She is expected to appear before a judge on Friday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 30}));
  t = One("He will be charged Monday.", kMon26Aug2024);  // P's own weekday: P
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  t = One("Police say it will take time, after the shooting Friday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  t = One("The car will be towed; gunmen struck Friday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  // An abbreviation's period inside the sentence ends no clause.
  t = One("The file will go to the St. Louis County prosecutor's office Wednesday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 28}));
  // A sentence's end still does.
  t = One("Police will say more. The shooting happened Friday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
}

TEST_F(TimexTest, WeekdayWithoutAnchorIsUnresolved) {
  Timex t = One("The attack happened on Monday.", std::nullopt);
  EXPECT_EQ(t.precision, DatePrecision::kUnresolved);
  EXPECT_FALSE(t.date.valid());
  EXPECT_TRUE(t.relative);
  t = One("It happened yesterday.", std::nullopt);
  EXPECT_EQ(t.precision, DatePrecision::kUnresolved);
}

TEST_F(TimexTest, WeekdayWithDateFixesYearWithoutPublication) {
  Timex t = One("The bombing on Saturday (Jan 31) killed many.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2026, 1, 31}));
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  EXPECT_EQ(SpanText(t.span), "on Saturday (Jan 31)");
  t = One("It began on Sunday, August 25.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
}

TEST_F(TimexTest, DocumentDateAnchorsWhenNoPublication) {
  // 2 August 2024 was a Friday: "on Friday" takes it; "3 August" takes its year.
  std::vector<Timex> ts = Find(
      "Gunmen struck on Friday. The statement was dated August 2, 2024. "
      "Funerals were held on 3 August.",
      std::nullopt);
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].date, (CivilDate{2024, 8, 2}));
  EXPECT_EQ(ts[0].precision, DatePrecision::kDay);
  EXPECT_EQ(ts[2].date, (CivilDate{2024, 8, 3}));
  // A weekday that matches no written date stays unresolved.
  ts = Find("Gunmen struck on Monday. The statement was dated August 2, 2024.", std::nullopt);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].precision, DatePrecision::kUnresolved);
}

TEST_F(TimexTest, AbsoluteDates) {
  Timex t = One("The ceasefire of 2024-08-26 held.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  EXPECT_FALSE(t.relative);
  t = One("It was signed on Aug. 26, 2024 in the capital.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(SpanText(t.span), "Aug. 26, 2024");
  t = One("Voting ends on 31 January 2026.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2026, 1, 31}));
  t = One("The form was dated 26/08/2024.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  EXPECT_TRUE(Find("The form was dated 05/08/2024.", std::nullopt).empty());  // ambiguous
  t = One("Le 31 janvier 2026, rien.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2026, 1, 31}));
}

TEST_F(TimexTest, DayMonthWithoutYear) {
  Timex t = One("The attack on Jan 31 was condemned.", CivilDate{2026, 2, 2});
  EXPECT_EQ(t.date, (CivilDate{2026, 1, 31}));
  t = One("The attack on December 30 was condemned.", CivilDate{2026, 1, 2});
  EXPECT_EQ(t.date, (CivilDate{2025, 12, 30}));
  t = One("The attack on Jan 31 was condemned.", std::nullopt);
  EXPECT_EQ(t.precision, DatePrecision::kUnresolved);
  EXPECT_EQ(t.date.month, 1);
  EXPECT_EQ(t.date.day, 31);
  EXPECT_FALSE(t.date.valid());
}

TEST_F(TimexTest, MonthsAndYears) {
  Timex t = One("A similar attack took place in May.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 5, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);
  EXPECT_TRUE(t.past_reference);
  t = One("A similar attack took place in October.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2023, 10, 0}));
  t = One("A similar attack took place in August 2024.", CivilDate{2026, 1, 3});
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);
  EXPECT_TRUE(t.past_reference);
  t = One("A similar attack took place in 2024.", CivilDate{2026, 1, 3});
  EXPECT_EQ(t.date, (CivilDate{2024, 0, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kYear);
  EXPECT_TRUE(t.past_reference);
  // "may" the verb is not a month.
  EXPECT_TRUE(Find("The toll may rise.", kMon26Aug2024).empty());
}

TEST_F(TimexTest, RelativePhrases) {
  Timex t = One("A similar blast hit the town last year.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2023, 0, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kYear);
  EXPECT_TRUE(t.past_reference);
  EXPECT_TRUE(t.relative);

  t = One("A day earlier, troops had moved in.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));

  t = One("Eleven people died in the past 24 hours.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(SpanText(t.span), "the past 24 hours");

  t = One("Police said yesterday that two were held.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));

  t = One("Clashes erupted last week.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 19}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 25}));
  // Published on a Sunday: the week before by either start day, Monday Aug 12 .. Saturday Aug 24.
  t = One("Clashes erupted last week.", CivilDate{2024, 8, 25});
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 12}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 24}));
  // On a Saturday the ISO week before stands.
  t = One("Clashes erupted last week.", CivilDate{2024, 8, 24});
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 12}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 18}));

  // "the weekend": the Saturday and Sunday just past (a Monday's), or a Saturday's own day.
  t = One("Gunmen raided a village over the weekend.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "over the weekend");
  t = One("The toll from the raid at the weekend rose to 12.", CivilDate{2024, 8, 30});
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 25}));
  t = One("Gunmen raided a village at the weekend.", CivilDate{2024, 8, 24});
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  EXPECT_FALSE(t.date_end.valid());

  t = One("Clashes erupted last month.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 7, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);

  t = One("The camp was raided three days ago.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
}

// "last January" is the most recent January strictly before the publication month, with month
// precision: in May it is this year's, in January itself the year before ("in January" is still
// this one).
TEST_F(TimexTest, LastMonthNameIsStrictlyBeforeThePublicationMonth) {
  Timex t = One("She was shot last January.", CivilDate{2024, 5, 10});
  EXPECT_EQ(t.date, (CivilDate{2024, 1, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);
  t = One("She was shot last January.", CivilDate{2024, 1, 20});
  EXPECT_EQ(t.date, (CivilDate{2023, 1, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);
  t = One("She was shot in January.", CivilDate{2024, 1, 20});
  EXPECT_EQ(t.date, (CivilDate{2024, 1, 0}));
}

TEST_F(TimexTest, SeveralInOrderWithoutOverlap) {
  std::vector<Timex> ts = Find(
      "Gunmen struck on Sunday. On Jan 3, 2024 a similar attack was reported; last year was worse.",
      kMon26Aug2024);
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(ts[1].date, (CivilDate{2024, 1, 3}));
  EXPECT_TRUE(ts[1].past_reference);
  EXPECT_EQ(ts[2].date, (CivilDate{2023, 0, 0}));
  EXPECT_LT(ts[0].span.end, ts[1].span.begin);
}

// Dates written in other languages, without a publication date: the text alone gives the day.
TEST_F(TimexTest, UrduDayMonthYear) {
  Timex t = One("پولیس کے مطابق 9 نومبر 2024 کو دھماکہ ہوا۔", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 11, 9}));
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  EXPECT_EQ(SpanText(t.span), "9 نومبر 2024");
}

TEST_F(TimexTest, UrduExtendedDigitsAndSpellingVariant) {
  Timex t = One("حملہ ۲۲ مئ ۲۰۲۴ کو ہوا", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 5, 22}));
  EXPECT_EQ(SpanText(t.span), "۲۲ مئ ۲۰۲۴");
}

TEST_F(TimexTest, RussianGenitiveMonthWithYearWord) {
  Timex t = One("Взрыв произошёл 22 марта 2024 года в Москве.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(t.span), "22 марта 2024 года");
}

TEST_F(TimexTest, RussianPrepositionalMonthAndWeekday) {
  Timex m = One("Теракт случился в марте.", CivilDate{2024, 6, 1});
  EXPECT_EQ(m.date, (CivilDate{2024, 3, 0}));
  EXPECT_EQ(m.precision, DatePrecision::kMonth);
  Timex w = One("Нападение произошло в пятницу.", kMon26Aug2024);
  EXPECT_EQ(w.date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(SpanText(w.span), "в пятницу");
}

TEST_F(TimexTest, HindiDayMonthYear) {
  Timex t = One("यह हमला 22 मार्च 2024 को हुआ।", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(t.span), "22 मार्च 2024");
  // Nukta spelled precomposed or decomposed.
  EXPECT_EQ(One("3 फ़रवरी 2023", std::nullopt).date, (CivilDate{2023, 2, 3}));
  EXPECT_EQ(One("3 फ\u093Cरवरी 2023", std::nullopt).date, (CivilDate{2023, 2, 3}));
}

TEST_F(TimexTest, ArabicPairedMonthNames) {
  Timex t = One("وقع الهجوم في 22 مارس/آذار 2024 قرب الحدود", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(t.span), "22 مارس/آذار 2024");
  EXPECT_EQ(One("١٥ أيلول ٢٠٢٣", std::nullopt).date, (CivilDate{2023, 9, 15}));
}

TEST_F(TimexTest, GermanOrdinalPeriod) {
  Timex t = One("Am 22. März 2024 wurde das Dorf angegriffen.", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(t.span), "22. März 2024");
  EXPECT_EQ(One("seit dem 3. Maerz 2022", std::nullopt).date, (CivilDate{2022, 3, 3}));
}

TEST_F(TimexTest, GermanAndPortugueseRelativeDays) {
  // Published Monday 2024-08-26.
  EXPECT_EQ(One("Vergangene Nacht wurde das Lager angegriffen.", kMon26Aug2024).date,
            (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Die Polizei meldete tags zuvor zwei Festnahmen.", kMon26Aug2024).date,
            (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Homens armados atacaram a aldeia ontem à noite.", kMon26Aug2024).date,
            (CivilDate{2024, 8, 25}));
  Timex t = One("O ataque aconteceu três dias atrás.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  Timex w = One("O grupo atacou a cidade na semana passada.", kMon26Aug2024);
  EXPECT_EQ(w.date, (CivilDate{2024, 8, 19}));  // the week before: Monday 19 .. Sunday 25
  EXPECT_EQ(w.date_end, (CivilDate{2024, 8, 25}));
}

TEST_F(TimexTest, ItalianAndTurkishDates) {
  // Published Monday 2024-08-26.
  EXPECT_EQ(One("L'attacco è avvenuto il 3 maggio 2024.", std::nullopt).date,
            (CivilDate{2024, 5, 3}));
  EXPECT_EQ(One("Uomini armati hanno colpito ieri sera.", kMon26Aug2024).date,
            (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Il villaggio è stato attaccato tre giorni fa.", kMon26Aug2024).date,
            (CivilDate{2024, 8, 23}));
  EXPECT_EQ(One("Saldırı 12 Ağustos 2024 tarihinde gerçekleşti.", std::nullopt).date,
            (CivilDate{2024, 8, 12}));
  EXPECT_EQ(One("Saldırı dün akşam gerçekleşti.", kMon26Aug2024).date, (CivilDate{2024, 8, 25}));
  Timex t = One("Saldırganlar cuma günü köye girdi.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));  // the Friday before publication
}

TEST_F(TimexTest, WeekdayNameThatIsACommonWordNeedsACue) {
  // Published Tuesday 2024-08-27. Turkish "pazar" is Sunday and "market".
  const CivilDate tue{2024, 8, 27};
  EXPECT_TRUE(Find("Şehir merkezindeki pazar yerinde bir bomba patladı.", tue).empty());
  EXPECT_TRUE(Find("Pazar Yerinde Patlama", tue).empty());  // a headline in title case
  Timex t = One("Saldırı pazar günü şehrin girişinde oldu.", tue);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));  // the Sunday before publication
  EXPECT_EQ(SpanText(t.span), "pazar");
  EXPECT_EQ(One("Köye geçen pazar saldırı düzenlendi.", tue).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Pazar sabahı iki kişi yaralandı.", tue).date, (CivilDate{2024, 8, 25}));
  // Names without the flag need no cue: English, and "pazartesi" (Monday).
  EXPECT_EQ(One("Gunmen attacked the market Sunday.", tue).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Saldırı pazartesi oldu.", tue).date, (CivilDate{2024, 8, 26}));
}

// Russian "среду" is Wednesday and "environment", Arabic "الاثنين" Monday and "the two": a
// weekday only with a cue word beside it (data/text/weekday_cues.tsv).
TEST_F(TimexTest, RussianAndArabicWeekdaysThatAreCommonWords) {
  const CivilDate tue{2024, 8, 27};
  EXPECT_TRUE(Find("Завод загрязняет окружающую среду.", tue).empty());
  EXPECT_EQ(One("Взрыв произошёл в среду на рынке.", tue).date, (CivilDate{2024, 8, 21}));
  EXPECT_EQ(One("Нападение случилось среду вечером.", tue).date, (CivilDate{2024, 8, 21}));
  EXPECT_TRUE(Find("وقال إن الخلاف بين الاثنين قديم.", tue).empty());
  EXPECT_EQ(One("وقع الانفجار يوم الاثنين في السوق.", tue).date, (CivilDate{2024, 8, 26}));
}

// German writes the part of the day onto the weekday: "Montagabend", "Dienstagmorgen".
TEST_F(TimexTest, GermanWeekdayWithPartOfDayInOneWord) {
  const CivilDate thu{2024, 8, 29};
  Timex t = One("Der Anschlag ereignete sich am Montagabend.", thu);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 26}));
  EXPECT_EQ(SpanText(t.span), "Montagabend");
  EXPECT_EQ(One("Am Dienstagmorgen fielen Schüsse.", thu).date, (CivilDate{2024, 8, 27}));
  EXPECT_EQ(One("Die Polizei kam Mittwochnachmittag.", thu).date, (CivilDate{2024, 8, 28}));
}

TEST_F(TimexTest, WeekdayCueFilesAreChecked) {
  // A copy of the text data whose cue file or weekday flag is malformed fails to load, naming
  // the file, instead of silently treating "pazar" as an unconditional weekday.
  testing_data::ScratchData data("timex_cue_test", "text");
  data.Write("weekday_cues.tsv", "tr\tgünü\tbeside\n");
  auto bad = TimexParser::Load(data.root());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("weekday_cues.tsv"), std::string::npos);
  data.Write("weekday_cues.tsv", "tr\tgünü\tafter\n");
  data.Write("weekdays.tsv", "pazar\t7\tcues\n");
  bad = TimexParser::Load(data.root());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("weekdays.tsv"), std::string::npos);
}

// The ordinal endings written onto a day's digits ("26th") come from date_words.tsv: a
// day_suffix row reads "26zz August 2024" as that day.
TEST_F(TimexTest, DaySuffixesComeFromTheData) {
  testing_data::ScratchData data("timex_day_suffix", "text");
  const std::string text = "The attack on 26zz August 2024 killed two.";
  auto day = [&] {
    auto tp = TimexParser::Load(data.root(), CivilDate{2026, 11, 21});
    EXPECT_TRUE(tp.ok()) << tp.status().ToString();
    Doc doc;
    seg_->Segment(text, &doc);
    for (const Timex& t : tp.ok() ? (*tp)->Find(text, doc, std::nullopt) : std::vector<Timex>()) {
      if (t.precision == DatePrecision::kDay) return t.date;
    }
    return CivilDate{};
  };
  EXPECT_EQ(day(), CivilDate{});
  data.Append("date_words.tsv", "zz\tday_suffix\n");
  EXPECT_EQ(day(), (CivilDate{2024, 8, 26}));
}

// months.tsv and weekdays.tsv share one reader but keep their own checks: each names its file,
// line and range; a weekday flag must be known, a month's third column is "cap" or dropped.
TEST(CalendarNamesTest, EachFileKeepsItsChecks) {
  testing_data::ScratchData data("timex_calendar_names", "text");
  data.Write("months.tsv", "# months\nzorb\t3\tcap\nzarb\t4\tnote\n");
  data.Write("weekdays.tsv", "# weekdays\nzund\t7\tpostpos\nzind\t1\n");
  Result<std::vector<CalendarName>> months = ReadMonthNames(data.root());
  ASSERT_TRUE(months.ok()) << months.status().ToString();
  ASSERT_EQ(months->size(), 2u);
  EXPECT_EQ((*months)[0].name, "zorb");
  EXPECT_EQ((*months)[0].number, 3);
  EXPECT_EQ((*months)[0].flag, "cap");
  EXPECT_EQ((*months)[1].flag, "");
  Result<std::vector<CalendarName>> weekdays = ReadWeekdayNames(data.root());
  ASSERT_TRUE(weekdays.ok()) << weekdays.status().ToString();
  ASSERT_EQ(weekdays->size(), 2u);
  EXPECT_EQ((*weekdays)[0].flag, "postpos");
  EXPECT_EQ((*weekdays)[1].number, 1);

  data.Write("months.tsv", "zorb\t3\nzarb\t13\n");
  months = ReadMonthNames(data.root());
  ASSERT_FALSE(months.ok());
  EXPECT_NE(months.status().message().find("months.tsv:2"), std::string::npos);
  EXPECT_NE(months.status().message().find("<month 1-12>"), std::string::npos);
  data.Write("weekdays.tsv", "zund\t8\n");
  weekdays = ReadWeekdayNames(data.root());
  ASSERT_FALSE(weekdays.ok());
  EXPECT_NE(weekdays.status().message().find("weekdays.tsv:1"), std::string::npos);
  EXPECT_NE(weekdays.status().message().find("<weekday 1-7>"), std::string::npos);
  data.Write("weekdays.tsv", "zund\t7\n\nzind\t1\tcap\n");
  weekdays = ReadWeekdayNames(data.root());
  ASSERT_FALSE(weekdays.ok());
  EXPECT_NE(weekdays.status().message().find("weekdays.tsv:3: unknown flag"), std::string::npos)
      << weekdays.status().ToString();
}

TEST_F(TimexTest, FrenchAndSpanishDates) {
  Timex f = One("L'attaque a eu lieu le 22 mars 2024 au soir.", std::nullopt);
  EXPECT_EQ(f.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(f.span), "22 mars 2024");
  Timex e = One("Ocurrió el 22 de marzo de 2024 en la capital.", std::nullopt);
  EXPECT_EQ(e.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(e.span), "22 de marzo de 2024");
  Timex p = One("O ataque foi em 5 de abril de 2023.", std::nullopt);
  EXPECT_EQ(p.date, (CivilDate{2023, 4, 5}));
}

TEST_F(TimexTest, WeekdayWithForeignDate) {
  Timex t = One("Freitag, 22. März 2024", std::nullopt);
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 22}));
  EXPECT_EQ(SpanText(t.span), "Freitag, 22. März 2024");
}

TEST_F(TimexTest, ForeignRelativeWords) {
  const CivilDate pub = kMon26Aug2024;
  EXPECT_EQ(One("Gestern wurden zwei Menschen getötet.", pub).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("Вчера погибли люди.", pub).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("ayer por la tarde", pub).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("hier soir", pub).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("گزشتہ روز فائرنگ ہوئی", pub).date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(One("आज सुबह", pub).date, pub);
  EXPECT_EQ(One("قتل أمس ثلاثة", pub).date, (CivilDate{2024, 8, 25}));
  Timex w = One("am Freitag", pub);
  EXPECT_EQ(w.date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(One("शुक्रवार को", pub).date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(One("يوم الجمعة", pub).date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(One("na sexta-feira", pub).date, (CivilDate{2024, 8, 23}));
}

TEST_F(TimexTest, ForeignAgoBeforeAndAfter) {
  const CivilDate pub = kMon26Aug2024;
  Timex fr = One("il y a trois jours", pub);
  EXPECT_EQ(fr.date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(SpanText(fr.span), "il y a trois jours");
  EXPECT_EQ(One("hace dos semanas", pub).date, (CivilDate{2024, 8, 12}));
  EXPECT_EQ(One("vor drei Tagen", pub).date, (CivilDate{2024, 8, 23}));
  Timex ru = One("два дня назад", pub);
  EXPECT_EQ(ru.date, (CivilDate{2024, 8, 24}));
  EXPECT_EQ(SpanText(ru.span), "два дня назад");
  EXPECT_EQ(One("दो दिन पहले", pub).date, (CivilDate{2024, 8, 24}));
}

TEST_F(TimexTest, DeLinkNeedsADate) {
  // "de" joins date parts only; alone it is not a date.
  EXPECT_TRUE(Find("el jefe de la policía de la ciudad", kMon26Aug2024).empty());
}

TEST_F(TimexTest, UrduDatelineWithWeekdayGivesYear) {
  // No publication date and no year: the dateline's day+month and the weekday named in the
  // report are the same day, in the most recent year where they coincide (2024 here).
  std::vector<Timex> ts =
      Find("لاہور، 14 دسمبر: پولیس کے مطابق فائرنگ کا واقعہ ہفتہ کو پیش آیا۔", std::nullopt);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(SpanText(ts[0].span), "14 دسمبر");
  EXPECT_EQ(ts[0].date, (CivilDate{2024, 12, 14}));
  EXPECT_EQ(ts[0].precision, DatePrecision::kDay);
  EXPECT_EQ(SpanText(ts[1].span), "ہفتہ");
  // "ہفتہ" without a postposition is "week", not Saturday.
  EXPECT_TRUE(Find("ایک ہفتہ پہلے", kMon26Aug2024).size() <= 1u);
  EXPECT_TRUE(Find("اس پورے ہفتہ میں", kMon26Aug2024).empty());
}
TEST_F(TimexTest, WeekdayFarFromADayMonthIsAnotherDay) {
  // No publication date: "on Friday" reports the attack, "on July 25" the coming vote; the
  // weekday paragraphs away from a day+month that is not a dateline gives it no year.
  std::string text = "The bombing on Friday killed dozens at a rally in the hills.\n" +
                     std::string(400, 'x') + "\nIt came ahead of the elections on July 25.";
  std::vector<Timex> ts = Find(text, std::nullopt);
  for (const Timex& t : ts) {
    if (SpanText(t.span).find("July") != std::string_view::npos) {
      EXPECT_FALSE(t.date.valid()) << t.date.ToIso();
    }
  }
}

// Find() runs only the Try* functions a word can start (starts_), and skips a phrase-only start
// whose next token is no phrase's second word: the cases where a word starts several kinds of
// expression, one-word and longer phrases at once, or sits at the end of the text.
TEST_F(TimexTest, StartFilterKeepsOneWordPhraseAtTextEnd) {
  // "yesterday" starts a one-word and longer phrases; nothing follows it here.
  Timex t = One("Troops withdrew yesterday", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "yesterday");
  // The longer phrase still wins when its second word follows.
  t = One("Troops withdrew yesterday morning.", kMon26Aug2024);
  EXPECT_EQ(SpanText(t.span), "yesterday morning");
  // A multi-word-only start with no next token, or a next token that is no second word.
  EXPECT_TRUE(Find("They stayed until the", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("The last convoy left the day after.", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("Officials met last, week by week.", kMon26Aug2024).empty());
}

TEST_F(TimexTest, StartFilterWordsWithSeveralRoles) {
  // "last": a weekday prefix (one word) and the start of relative phrases.
  Timex t = One("Gunmen struck last Monday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 19}));  // strictly before the Monday of publication
  EXPECT_EQ(SpanText(t.span), "last Monday");
  t = One("Gunmen struck LAST WEEK.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 19}));
  EXPECT_EQ(t.date_end, (CivilDate{2024, 8, 25}));
  // "overnight": a one-word relative phrase and a weekday prefix.
  t = One("Shelling continued overnight on Sunday.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "overnight on Sunday");
  t = One("Shelling continued overnight near the border.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 25}));
  EXPECT_EQ(SpanText(t.span), "overnight");
  // A count that starts a relative phrase ("two days earlier") or an ago expression.
  t = One("The convoy had left two days earlier.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  EXPECT_EQ(SpanText(t.span), "two days earlier");
  t = One("The convoy had left two days ago.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 24}));
  EXPECT_EQ(SpanText(t.span), "two days ago");
  t = One("A week ago the market reopened.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 19}));
  EXPECT_EQ(SpanText(t.span), "A week ago");
  // An ago word before the count, in another language.
  t = One("Les combats ont repris il y a trois jours.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  EXPECT_EQ(SpanText(t.span), "il y a trois jours");
}

TEST_F(TimexTest, StartFilterNumbersAndHyphenatedMonths) {
  // Numbers start numeric dates and counts without being in any word list.
  Timex t = One("The camp was raided 3 days ago.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 23}));
  t = One("The report is dated 2024-08-20 in the archive.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 20}));
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  // A hyphenated word is not a list word but can carry a month.
  t = One("Fighting resumed in mid-August.", kMon26Aug2024);
  EXPECT_EQ(t.date, (CivilDate{2024, 8, 0}));
  EXPECT_EQ(t.precision, DatePrecision::kMonth);
}

TEST_F(TimexTest, OvernightReachesThePublicationDayAtSmallHours) {
  const CivilDate pub{2024, 8, 26}, night_before{2024, 8, 25};
  struct Case {
    const char* text;
    CivilDate date;  // of the first timex
  };
  const Case cases[] = {
      // No clock time: the night before publication.
      {"A man was shot overnight in the market district.", night_before},
      // A small-hours clock time: the shooting fell on the publication day itself.
      {"A man was shot overnight in the market district. Officers came at 2:05 a.m. to the "
       "corner.",
       pub},
      {"Shots rang out overnight. The call came just after 12:30 a.m.", pub},
      {"Shots rang out overnight; the call came at 3 a.m. on a quiet block.", pub},
      {"Shots rang out overnight, about 4 AM, neighbours said.", pub},
      // A number that is no clock time ("3 amid"), an evening clock time, or a morning one
      // after the small hours: still the night before.
      {"A man was shot overnight, 3 amid a crowd were hurt.", night_before},
      {"A man was shot overnight. Police were called at 11:40 p.m. to the bar.", night_before},
      {"A man was shot overnight. He was found at 8:15 a.m. by a neighbour.", night_before},
      // "yesterday" is no night: a small-hours time does not move it.
      {"A man was shot yesterday at 2 a.m. near the station.", night_before},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<Timex> ts = Find(c.text, pub);
    ASSERT_FALSE(ts.empty());
    EXPECT_EQ(ts[0].date, c.date);
  }
  // The date is the phrase's own: the first timex is "overnight", not the clock time.
  const std::vector<Timex> ts = Find(cases[1].text, pub);
  ASSERT_FALSE(ts.empty());
  EXPECT_EQ(SpanText(ts[0].span), "overnight");
  EXPECT_EQ(Find(cases[0].text, pub).size(), 1u);
}
TEST_F(TimexTest, HolidayCalendar) {
  auto civil = [](int64_t d) { return TimexParser::CivilFromDays(d); };
  EXPECT_EQ(civil(TimexParser::EasterDays(2024)), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(civil(TimexParser::EasterDays(2025)), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(civil(TimexParser::EasterDays(2000)), (CivilDate{2000, 4, 23}));
  EXPECT_EQ(civil(TimexParser::EasterDays(2019)), (CivilDate{2019, 4, 21}));
}

TEST_F(TimexTest, FixedHolidaysAreTheLastSuchDayNotAfterPublication) {
  Timex t = One("Two men were hurt on Christmas Eve outside a bar.", CivilDate{2025, 12, 26});
  EXPECT_EQ(t.date, (CivilDate{2025, 12, 24}));
  EXPECT_EQ(t.precision, DatePrecision::kDay);
  EXPECT_EQ(SpanText(t.span), "Christmas Eve");

  t = One("The fire started on New Year's Eve near the pier.", CivilDate{2026, 1, 2});
  EXPECT_EQ(t.date, (CivilDate{2025, 12, 31}));
  EXPECT_EQ(SpanText(t.span), "New Year's Eve");

  t = One("A New Year's Day crash left one dead.", CivilDate{2026, 1, 3});
  EXPECT_EQ(t.date, (CivilDate{2026, 1, 1}));

  t = One("Three people were shot over the Fourth of July weekend in the city.",
          CivilDate{2025, 7, 7});
  EXPECT_EQ(t.date, (CivilDate{2025, 7, 4}));
  EXPECT_EQ(SpanText(t.span), "Fourth of July weekend");

  t = One("A teenager was robbed Halloween night on Elm Street.", CivilDate{2025, 11, 1});
  EXPECT_EQ(t.date, (CivilDate{2025, 10, 31}));
  EXPECT_EQ(SpanText(t.span), "Halloween night");

  // Published before this year's Christmas: last year's.
  t = One("He was last seen on Christmas with his family.", CivilDate{2025, 12, 20});
  EXPECT_EQ(t.date, (CivilDate{2024, 12, 25}));
  EXPECT_TRUE(t.past_reference);
}

TEST_F(TimexTest, RuleBasedHolidays) {
  // Thanksgiving: the 4th Thursday of November (2025-11-27, 2024-11-28).
  Timex t = One("The shooting happened on Thanksgiving at a home.", CivilDate{2025, 11, 30});
  EXPECT_EQ(t.date, (CivilDate{2025, 11, 27}));
  EXPECT_EQ(SpanText(t.span), "Thanksgiving");
  t = One("The shooting happened on Thanksgiving at a home.", CivilDate{2025, 11, 20});
  EXPECT_EQ(t.date, (CivilDate{2024, 11, 28}));
  // Memorial Day: the last Monday of May; Labor Day: the 1st Monday of September.
  // A day counted from the holiday.
  t = One("She was shot the day after Thanksgiving near her home.", CivilDate{2025, 12, 2});
  EXPECT_EQ(t.date, (CivilDate{2025, 11, 28}));
  EXPECT_EQ(SpanText(t.span), "day after Thanksgiving");
  t = One("Police were called on Memorial Day to the park.", CivilDate{2025, 6, 1});
  EXPECT_EQ(t.date, (CivilDate{2025, 5, 26}));
  t = One("Police were called on Labor Day to the park.", CivilDate{2025, 9, 10});
  EXPECT_EQ(t.date, (CivilDate{2025, 9, 1}));
  // Easter and its offsets.
  t = One("A church was attacked on Easter Sunday in the town.", CivilDate{2025, 4, 22});
  EXPECT_EQ(t.date, (CivilDate{2025, 4, 20}));
  t = One("The march on Good Friday was peaceful.", CivilDate{2024, 4, 1});
  EXPECT_EQ(t.date, (CivilDate{2024, 3, 29}));
}

TEST_F(TimexTest, HolidayNamesThatAreNotDates) {
  const CivilDate pub{2025, 12, 28};
  // A plain noun or adjective without an "on"-like prefix or a suffix; lower case.
  EXPECT_TRUE(Find("They sold a Christmas tree to the officer.", pub).empty());
  EXPECT_TRUE(Find("She wore a Halloween costume to the party.", pub).empty());
  EXPECT_TRUE(Find("Everyone had plans on christmas eve at home.", pub).empty());
  EXPECT_TRUE(Find("He made a New Year's resolution.", pub).empty());
  EXPECT_TRUE(Find("He was enjoying the Thanksgiving break with friends.", pub).empty());
}

TEST_F(TimexTest, HolidayWithoutPublicationDate) {
  Timex t = One("Two men were hurt on Christmas Eve outside a bar.", std::nullopt);
  EXPECT_EQ(t.precision, DatePrecision::kUnresolved);
  EXPECT_EQ(t.date, (CivilDate{0, 12, 24}));
  // A fully written date in the article gives the year, as for "Dec 24".
  std::vector<Timex> ts =
      Find("On Dec. 30, 2024, police said two men were hurt on Christmas Eve.", std::nullopt);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[1].date, (CivilDate{2024, 12, 24}));
  EXPECT_EQ(ts[1].precision, DatePrecision::kDay);
}

// Find's quick rejects (a number followed by nothing a date can go on with, a count without an
// ago unit after it, a prefix without a weekday within its reach) keep every date start.
TEST_F(TimexTest, QuickRejectsKeepEveryDateStart) {
  const std::pair<std::string, std::string> kCases[] = {
      {"The office closed on 26 August 2024 for good.", "26 August 2024"},
      {"The office closed on the 26th of August.", "26th of August"},
      {"The office closed on 26/08/2024 for good.", "26/08/2024"},
      {"The office closed on 2024-08-20 for good.", "2024-08-20"},
      {"Das Büro schloss am 22. März 2024 endgültig.", "22. März 2024"},
      {"The office closed three days ago.", "three days ago"},
      {"The office closed 3 weeks ago.", "3 weeks ago"},
      {"The office closed early on Sunday.", "early on Sunday"},
      {"The office closed on Sunday.", "on Sunday"},
  };
  for (const auto& [text, span] : kCases) {
    std::vector<Timex> ts = Find(text, kMon26Aug2024);
    ASSERT_EQ(ts.size(), 1u) << text;
    EXPECT_EQ(SpanText(ts[0].span), span) << text;
    EXPECT_NE(ts[0].precision, DatePrecision::kUnresolved) << text;
  }
  // Numbers and start words with nothing after them that makes a date.
  EXPECT_TRUE(Find("12 people were hurt, 3 of them badly, on a bus of 40.", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("It took a long time and the rest was on hold.", kMon26Aug2024).empty());
  EXPECT_TRUE(Find("Some 12-15 people, 3 medical teams and 9 solar lamps.", kMon26Aug2024).empty());
}

}  // namespace
}  // namespace sitrep
