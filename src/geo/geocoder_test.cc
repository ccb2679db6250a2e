#include "geo/geocoder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/data_dir.h"
#include "geo/gazetteer.h"
#include "geo/geo_test_util.h"
#include "geo/match_key.h"
#include "text/lexicon.h"
#include "text/piece_text_test_util.h"
#include "text/segment.h"

namespace sitrep {
namespace {

class GeocoderTest : public geo_test::GeocoderFixture {};

TEST_F(GeocoderTest, KavatSpellingsResolveToPakistaniTown) {
  for (const char* spelling : {"Kavat", "Qavat", "Khevat"}) {
    auto ms = Find(std::string("Gunmen opened fire on a bus near ") + spelling +
                   " in Varistan on Monday.");
    const PlaceMention* m = At(ms, spelling);
    ASSERT_NE(m, nullptr) << spelling;
    EXPECT_EQ(m->place.country, "PK") << spelling;
    EXPECT_EQ(m->place.admin1, "Varistan");
    EXPECT_EQ(m->place.admin2, "Kavat");
    EXPECT_NEAR(m->place.lat, 30.33, 0.01);
    const PlaceMention* prov = At(ms, "Varistan");
    ASSERT_NE(prov, nullptr);
    EXPECT_EQ(prov->place.level, GeoLevel::kProvince);
  }
}

TEST_F(GeocoderTest, QavatInAfghanContextIsAfghan) {
  auto ms = Find("Afghan officials said the convoy was hit outside Qavat, the Zabul capital.");
  const PlaceMention* m = At(ms, "Qavat");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "AF");
}

TEST_F(GeocoderTest, DistrictSuffixGivesDistrictLevel) {
  for (const char* spelling : {"Nurakhail", "Nurakhel", "Nura Khel"}) {
    auto ms = Find(std::string("Trucks were stopped on a highway in ") + spelling +
                   " district of Varistan.");
    const PlaceMention* m = At(ms, spelling);
    ASSERT_NE(m, nullptr) << spelling;
    EXPECT_EQ(m->place.level, GeoLevel::kDistrict) << spelling;
    EXPECT_EQ(m->place.admin2, "Nūra Khel") << spelling;
    EXPECT_EQ(m->place.country, "PK");
    EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), std::string(spelling) + " district");
  }
}

TEST_F(GeocoderTest, UnitWordBeforeTheNameGivesItsLevel) {
  // Romance order: the lower-case unit word, a connector, the name ("la province de Novagrad").
  // The province is meant, not the capital that bears its name.
  const std::pair<const char*, const char*> cases[] = {
      {"fr", "Trois soldats ont été tués dans la province de Novagrad, lundi."},
      {"es", "Tres soldados murieron en la provincia de Novagrad el lunes."}};
  for (const auto& [lang, text] : cases) {
    auto ms = FindIn(text, lang);
    const PlaceMention* m = At(ms, "Novagrad");
    ASSERT_NE(m, nullptr) << text;
    EXPECT_EQ(m->place.level, GeoLevel::kProvince) << text;
    EXPECT_EQ(m->place.name, "Novagrad Province") << text;
  }
  // Without the unit word the capital is read.
  auto ms = FindIn("Trois soldats ont été tués près de Novagrad, lundi.", "fr");
  const PlaceMention* m = At(ms, "Novagrad");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
}

TEST_F(GeocoderTest, GawamarIsGwamar) {
  auto ms = Find("A blast hit Pakistan's port city of Gawamar late on Tuesday.");
  const PlaceMention* m = At(ms, "Gawamar");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Gwamar");
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
  EXPECT_EQ(m->place.admin1, "Varistan");
}

TEST_F(GeocoderTest, HyderabadFollowsProvinceContext) {
  auto sindh = Find("Police in Hyderabad said two men were arrested. Sindh officials confirmed.");
  const PlaceMention* m = At(sindh, "Hyderabad");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "PK");
  EXPECT_EQ(m->place.admin1, "Sindh");
  auto tel = Find("Police in Hyderabad said two men were arrested. Telangana officials confirmed.");
  m = At(tel, "Hyderabad");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "IN");
}

TEST_F(GeocoderTest, CityCommaStatePicksTheState) {
  auto ms = Find("The rally in Springfield, Illinois drew a large crowd.");
  const PlaceMention* m = At(ms, "Springfield");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Illinois");
  EXPECT_NEAR(m->place.lon, -89.64, 0.01);
  ASSERT_NE(At(ms, "Illinois"), nullptr);
  ms = Find("The rally in Springfield, Missouri drew a large crowd.");
  m = At(ms, "Springfield");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Missouri");
}

// A word also written in lower case elsewhere is weak and alone never a place, so the geocoder
// skips its readings, except as the region of "Town, Region": there it still picks the town.
TEST_F(GeocoderTest, WeakWordStillNamesTheRegionOfATownCommaPair) {
  auto ms = Find(
      "The rally in Springfield, Missouri drew a large crowd. The missouri "
      "delegation left early.");
  const PlaceMention* m = At(ms, "Springfield");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Missouri");
  ms = Find(
      "The rally in Springfield drew a large crowd, Missouri officials said. The "
      "missouri delegation left early.");
  EXPECT_EQ(At(ms, "Missouri"), nullptr);  // weak, and no town's region
}

TEST_F(GeocoderTest, DatelineIsAPlace) {
  auto ms = Find("QUENZA: At least five people were hurt in Pakistan on Sunday.");
  const PlaceMention* m = At(ms, "QUENZA");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Quenza");
  EXPECT_GT(m->confidence, 0.5f);
  const PlaceMention* c = At(ms, "Pakistan");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->place.level, GeoLevel::kCountry);
  EXPECT_EQ(c->place.country, "PK");
}

TEST_F(GeocoderTest, CommonWordsAreNotPlaces) {
  auto ms = Find("Reading the statement, he said Mobile phone service was cut. Most shops shut.");
  EXPECT_EQ(At(ms, "Reading"), nullptr);
  EXPECT_EQ(At(ms, "Mobile"), nullptr);
  ms = Find("Officials said Karachi and Tarsung were calm, and a mobile team was sent.");
  EXPECT_NE(At(ms, "Karachi"), nullptr);
  EXPECT_NE(At(ms, "Tarsung"), nullptr);
}

TEST_F(GeocoderTest, DemonymsAreContextNotMentions) {
  auto ms = Find("Pakistani troops were deployed in Hyderabad.");
  EXPECT_EQ(At(ms, "Pakistani"), nullptr);
  const PlaceMention* m = At(ms, "Hyderabad");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "PK");
}

TEST_F(GeocoderTest, SpansAreInTextOrderAndThreadSafe) {
  std::string text = "QUENZA: Blasts hit Kavat and Gwamar, Varistan, and Karachi in Sindh.";
  auto base = Find(text);
  ASSERT_GE(base.size(), 5u);
  for (size_t i = 1; i < base.size(); ++i) EXPECT_LT(base[i - 1].span.begin, base[i].span.begin);
  std::vector<std::thread> ts;
  std::vector<size_t> sizes(4);
  for (int t = 0; t < 4; ++t) {
    ts.emplace_back([&, t] {
      for (int r = 0; r < 50; ++r) sizes[t] = geo_->Find(text, Doc(), "en").size();
    });
  }
  for (auto& t : ts) t.join();
  for (size_t s : sizes) EXPECT_EQ(s, base.size());
}

// An entry's population and feature-code facts are made on first use and shared by threads: a
// fresh geocoder first used by four threads at once ranks as a fresh one used by one thread.
TEST_F(GeocoderTest, EntryFactsMadeOnFirstUseAgreeAcrossThreads) {
  const std::string text =
      "QUENZA: Blasts hit Kavat and Gwamar, Varistan, and Karachi in Sindh near Hyderabad.";
  auto one = Geocoder::Create(&geo_test::FixtureGazetteer());
  auto many = Geocoder::Create(&geo_test::FixtureGazetteer());
  ASSERT_TRUE(one.ok() && many.ok());
  const std::vector<PlaceMention> want = (*one)->Find(text, Doc(), "en");
  ASSERT_GE(want.size(), 4u);
  std::vector<std::vector<PlaceMention>> got(4);
  std::atomic<int> ready{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t) {
    ts.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < 4) {
      }
      got[t] = (*many)->Find(text, Doc(), "en");
    });
  }
  for (auto& t : ts) t.join();
  for (const auto& ms : got) {
    ASSERT_EQ(ms.size(), want.size());
    for (size_t i = 0; i < ms.size(); ++i) {
      EXPECT_EQ(ms[i].span.begin, want[i].span.begin);
      EXPECT_EQ(ms[i].place.name, want[i].place.name);
      EXPECT_EQ(ms[i].place.admin1, want[i].place.admin1);
      EXPECT_EQ(ms[i].confidence, want[i].confidence);
    }
  }
}

// Find() keeps per-thread scratch between calls (the article's words, its mentions, the name
// words and cue-phrase starts its passes visit): a long article, then a short one, then the long
// one again on one thread must each give what a fresh thread gives for that text.
TEST_F(GeocoderTest, PerThreadScratchCarriesNothingBetweenArticles) {
  const std::string long_text =
      "QUENZA: The county sheriff said Brian Carney, 34, fired first near Cartersville, Ga. "
      "Carney was taken to a hospital. Blasts also hit Kavat and Gwamar, Varistan, and "
      "Karachi in Sindh, where the Peshawar-bound express stopped near Tarsung. Along the road "
      "Sgt. Lang told reporters the county sheriff had closed Nura Khel district.";
  const std::string short_text = "Georgia said Lang met officials in Batumi.";
  auto fresh = [&](const std::string& text) {
    std::vector<PlaceMention> r;
    std::thread t([&] { r = geo_->Find(text, Doc(), "en"); });
    t.join();
    return r;
  };
  auto same = [](const std::vector<PlaceMention>& a, const std::vector<PlaceMention>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].span.begin, b[i].span.begin);
      EXPECT_EQ(a[i].span.end, b[i].span.end);
      EXPECT_EQ(a[i].place.name, b[i].place.name);
      EXPECT_EQ(a[i].place.country, b[i].place.country);
      EXPECT_EQ(a[i].place.level, b[i].place.level);
      EXPECT_EQ(a[i].confidence, b[i].confidence);
    }
  };
  const std::vector<PlaceMention> long_fresh = fresh(long_text);
  const std::vector<PlaceMention> short_fresh = fresh(short_text);
  // The long article: its towns are found, its persons are no places.
  ASSERT_GE(long_fresh.size(), 5u);
  for (const PlaceMention& m : long_fresh) {
    EXPECT_NE(m.place.name, "Carney");
    EXPECT_NE(m.place.name, "Lang");
  }
  // The short one: "Georgia" beside Batumi is the country, not the American state that the
  // long article's "county sheriff" would suggest if its context were carried over.
  text_ = short_text;
  const PlaceMention* georgia = At(short_fresh, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->place.country, "GE");
  for (int round = 0; round < 2; ++round) {
    same(geo_->Find(long_text, Doc(), "en"), long_fresh);
    same(geo_->Find(short_text, Doc(), "en"), short_fresh);
  }
}

TEST_F(GeocoderTest, CyrillicTextMatchesByTransliteration) {
  auto ms = geo_->Find("Взрыв в Квензе: в Пакистане", Doc(), "ru");
  // "Квензе" is an inflected form; the nominative must match.
  auto ms2 = geo_->Find("Взрыв произошёл в городе Квенза.", Doc(), "ru");
  bool found = false;
  for (const auto& m : ms2) found |= m.place.name == "Quenza";
  EXPECT_TRUE(found);
  (void)ms;
}

TEST(GeocoderRealTest, RealGazetteerResolvesJuninPlaces) {
  std::string path = DataPath("gazetteer/gazetteer.bin");
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok());
  auto geo = Geocoder::Create(g->get());
  ASSERT_TRUE(geo.ok());
  std::string text =
      "HUANCAYO: Attacks were reported in Jauja, Tarma and Concepcion, and on a highway in "
      "Satipo district of Junin, Peru.";
  auto ms = (*geo)->Find(text, Doc(), "en");
  int pe = 0;
  for (const auto& m : ms) {
    EXPECT_EQ(m.place.country, "PE") << text.substr(m.span.begin, m.span.size());
    if (m.place.country == "PE") ++pe;
  }
  EXPECT_GE(pe, 7);
}

TEST_F(GeocoderTest, StateAbbreviationPicksTheTownInThatState) {
  auto ms = Find("A deputy was shot in Cartersville, Ga., early on Sunday.");
  const PlaceMention* m = At(ms, "Cartersville");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Georgia");
  EXPECT_EQ(m->place.admin2, "Bartow");
  const PlaceMention* st = At(ms, "Ga.");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->place.level, GeoLevel::kProvince);
  EXPECT_EQ(st->place.country, "US");
  ms = Find("Two men were hurt in Cartersville, Fla., after a dispute.");
  m = At(ms, "Cartersville");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Florida");
  ms = Find("Police in Cartersville, FL said the suspect fled.");
  m = At(ms, "Cartersville");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Florida");
}

TEST_F(GeocoderTest, PostalCodeNeedsTheTownCommaForm) {
  // "IN" and "OR" are English words: alone they name no state.
  auto ms = Find("IN other news, the council met in Quenza.");
  EXPECT_EQ(At(ms, "IN"), nullptr);
}

TEST_F(GeocoderTest, AmericanInstitutionsMakeGeorgiaTheState) {
  auto ms = Find("The county sheriff's office said the shooting in Georgia left two dead.");
  const PlaceMention* m = At(ms, "Georgia");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  EXPECT_EQ(m->place.level, GeoLevel::kProvince);
  ms = Find("Officials in Batumi said Georgia would send more police to the coast.");
  m = At(ms, "Georgia");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "GE");
}

TEST_F(GeocoderTest, AttributivePlaceIsFlaggedWithLowConfidence) {
  auto ms = Find("Gunmen stopped the Peshawar-bound express near Tarsung.");
  const PlaceMention* m = At(ms, "Peshawar");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "PK");
  EXPECT_EQ(m->span.size(), std::string_view("Peshawar").size());  // the suffix is not the name
  EXPECT_LT(m->confidence, 0.3f);
  const PlaceMention* where = At(ms, "Tarsung");
  ASSERT_NE(where, nullptr);
  EXPECT_GT(where->confidence, 0.5f);
}

TEST_F(GeocoderTest, ShortAcronymIsNotATown) {
  auto ms = Find("The DLA said its fighters attacked a checkpoint in Varistan.");
  EXPECT_EQ(At(ms, "DLA"), nullptr);
  ms = Find("DLA: fighters attacked a checkpoint in Varistan.");
  EXPECT_EQ(At(ms, "DLA"), nullptr);  // not even where a dateline would stand
}

TEST_F(GeocoderTest, PersonNamesAreNotPlaces) {
  auto ms = Find(
      "Deputies said Brian Carney, 34, fired first in Cartersville, Ga. "
      "Carney was taken to a hospital.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find("Sgt. Carney told reporters the scene in Cartersville, Ga. was secure.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find("Carney said nobody else was hurt near Cartersville, Ga.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  // A real place before "said" keeps its reading when a preposition introduces it.
  ms = Find("Officials in Quenza said the road was reopened.");
  EXPECT_NE(At(ms, "Quenza"), nullptr);
}

TEST_F(GeocoderTest, UrduPlacesNeedTheLanguagePrior) {
  text_ = "کوئنزہ میں دھماکہ ہوا۔ کوئنزہ پولیس نے بتایا";
  auto ms = geo_->Find(text_, Doc(), "ur");
  const PlaceMention* m = At(ms, "کوئنزہ");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Quenza");
  // Without the language (and no country named) a coarse transliterated key is not trusted.
  ms = geo_->Find(text_, Doc(), "");
  EXPECT_EQ(At(ms, "کوئنزہ"), nullptr);
}

TEST_F(GeocoderTest, CaselessNameBesideALocativeWordCounts) {
  // Mid-line and mentioned once: only the postposition after it makes the name a place.
  text_ = "کل لاہور میں دھماکا ہوا";
  auto ms = geo_->Find(text_, Doc(), "ur");
  const PlaceMention* m = At(ms, "لاہور");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Lahore");
  text_ = "کل لاہور کے قریب دھماکا ہوا";  // a two-word postposition
  ms = geo_->Find(text_, Doc(), "ur");
  EXPECT_NE(At(ms, "لاہور"), nullptr);
  text_ = "कल श्रीनगर में धमाका हुआ";
  ms = geo_->Find(text_, Doc(), "hi");
  m = At(ms, "श्रीनगर");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Srinagar");
  text_ = "कल श्रीनगर के पास धमाका हुआ";
  ms = geo_->Find(text_, Doc(), "hi");
  EXPECT_NE(At(ms, "श्रीनगर"), nullptr);
  // Without a locative word, a single mid-line mention is still too weak.
  text_ = "کل لاہور دھماکا ہوا";
  ms = geo_->Find(text_, Doc(), "ur");
  EXPECT_EQ(At(ms, "لاہور"), nullptr);
  // A postposition after a punctuation mark does not belong to the name.
  text_ = "کل لاہور، میں نے سنا";
  ms = geo_->Find(text_, Doc(), "ur");
  EXPECT_EQ(At(ms, "لاہور"), nullptr);
}

TEST_F(GeocoderTest, ArabicCapitalAloneAndWithProclitics) {
  // No language prior for Arabic: a capital stands on its own at a line start...
  text_ = "بغداد";
  auto ms = geo_->Find(text_, Doc(), "ar");
  const PlaceMention* m = At(ms, "بغداد");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Baghdad");
  // ... and after a separate preposition mid-line.
  text_ = "انفجار في بغداد أمس";
  ms = geo_->Find(text_, Doc(), "ar");
  EXPECT_NE(At(ms, "بغداد"), nullptr);
  // Attached "ب" (in): the span leaves the proclitic out, and it counts as the preposition.
  text_ = "انفجار ببغداد أمس";
  ms = geo_->Find(text_, Doc(), "ar");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.name, "Baghdad");
  EXPECT_EQ(text_.substr(ms[0].span.begin, ms[0].span.size()), "بغداد");
  // Attached "و" (and) at a line start.
  text_ = "وبغداد";
  ms = geo_->Find(text_, Doc(), "ar");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.name, "Baghdad");
  EXPECT_EQ(ms[0].span.begin, 2u);
  // "و" is not a preposition: mid-line and once, the name is not enough.
  text_ = "انفجار وبغداد أمس";
  ms = geo_->Find(text_, Doc(), "ar");
  EXPECT_TRUE(ms.empty());
}

TEST_F(GeocoderTest, RussianCaseEndingsFindTheName) {
  text_ = "Взрыв в Багдаде";
  auto ms = geo_->Find(text_, Doc(), "ru");
  const PlaceMention* m = At(ms, "Багдаде");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Baghdad");
  EXPECT_EQ(m->span.size(), std::string_view("Багдаде").size());  // the whole inflected word
  // Two namesakes: the larger one, in the country of the language's prior.
  for (const char* t : {"Взрыв в Красногорске", "Красногорск"}) {
    text_ = t;
    ms = geo_->Find(text_, Doc(), "ru");
    ASSERT_EQ(ms.size(), 1u) << t;
    EXPECT_EQ(ms[0].place.name, "Krasnogorsk");
    EXPECT_NEAR(ms[0].place.lat, 55.82, 0.01);
  }
}

TEST_F(GeocoderTest, ZelanDistrictFromTheSupplement) {
  auto ms = Find("The train was attacked in Zelan district of Varistan.");
  const PlaceMention* m = At(ms, "Zelan");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kDistrict);
  EXPECT_EQ(m->place.name, "Sarhi");
  EXPECT_EQ(m->place.country, "PK");
}

TEST_F(GeocoderTest, SmallNamesakeAbroadLosesToTheStoryTowns) {
  auto ms = Find("Gunmen attacked Carney Beach in Karachi, then fled towards Quenza.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.country, "US");
}

// Whether any mention starts at byte `pos` of the last text.
bool MentionAt(const std::vector<PlaceMention>& ms, size_t pos) {
  for (const PlaceMention& m : ms) {
    if (m.span.begin == pos) return true;
  }
  return false;
}

TEST_F(GeocoderTest, AgeBeforeAFullNameMakesTheSurnameAPerson) {
  auto ms = Find(
      "Police said 15-year-old Marla Carney was shot at her home in Springfield, "
      "Illinois. Carney was a sophomore.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  const PlaceMention* s = At(ms, "Springfield");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->place.admin1, "Illinois");
}

TEST_F(GeocoderTest, AgeBeforeATownAndAPersonNounIsWhereSomeoneIsFrom) {
  auto ms = Find("A 22-year-old Springfield man was charged, police in Illinois said.");
  const PlaceMention* s = At(ms, "Springfield");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->place.admin1, "Illinois");
}

TEST_F(GeocoderTest, PossessiveBeforeKinshipNounIsAPerson) {
  auto ms = Find("Carney's mother said the boy found the gun in Springfield, Illinois.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find("Investigators said Carney' family was not home in Cartersville, Ga.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
}

TEST_F(GeocoderTest, GivenNameOfAPersonWithAnAgeIsNotAProvince) {
  auto ms = Find("Deputies said Georgia Carney, 41, was hurt in Springfield, Illinois.");
  EXPECT_FALSE(MentionAt(ms, text_.find("Georgia")));
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
}

TEST_F(GeocoderTest, BareCountyNameNeedsAUnitWordOrACue) {
  auto ms = Find(
      "Deputies said Stokes had been hunting with friends in Stokes County, North "
      "Carolina, when the rifle fired.");
  EXPECT_FALSE(MentionAt(ms, text_.find("Stokes had")));
  size_t county = text_.find("Stokes County");
  bool found = false;
  for (const PlaceMention& m : ms) {
    if (m.span.begin != county) continue;
    found = true;
    // A US county named alone stands for its seat (data/geo/district_seat_countries.tsv).
    EXPECT_EQ(m.place.admin2, "Stokes");
    EXPECT_EQ(m.place.name, "Danbury");
    EXPECT_EQ(m.place.admin1, "North Carolina");
  }
  EXPECT_TRUE(found);
}

TEST_F(GeocoderTest, StreetsAndVenuesAreNotTowns) {
  auto ms = Find(
      "The shooting happened in the 300 block of Carney in Springfield, Illinois, "
      "and a second one on Madrid Drive.");
  for (const PlaceMention& m : ms) {
    EXPECT_NE(m.place.name, "Carney");
    EXPECT_NE(m.place.name, "Madrid");
  }
  EXPECT_NE(At(ms, "Springfield"), nullptr);
}

// A data directory whose geo/ tables are the project's, but for geocoder_words.tsv's row `row`
// (without its newline) replaced by `rows` (made once per call, in a fresh directory).
std::string DataDirWithWordsRow(const std::string& row, const std::string& rows) {
  namespace fs = std::filesystem;
  const fs::path dir = geo_test::CopyGeoTables();
  std::ifstream in(dir / "geo" / "geocoder_words.tsv");
  std::stringstream words;
  words << in.rdbuf();
  std::string text = words.str();
  const std::string line = "\n" + row + "\n";
  const size_t at = text.find(line);
  EXPECT_NE(at, std::string::npos) << row;
  if (at != std::string::npos) text.replace(at, line.size(), "\n" + rows);
  std::ofstream(dir / "geo" / "geocoder_words.tsv", std::ios::trunc) << text;
  return dir.string();
}

// The same with the row "of<TAB>genitive" replaced by `genitive_rows`.
std::string DataDirWithGenitive(const std::string& genitive_rows) {
  return DataDirWithWordsRow("of\tgenitive", genitive_rows);
}

// The genitive class (geocoder_words.tsv) is data the street, quarter, person and headline rules
// read: a table without it, or with the type misspelt, does not load.
TEST(GeocoderWordsTest, GenitiveClassIsRequired) {
  auto missing = Geocoder::Create(&geo_test::FixtureGazetteer(), DataDirWithGenitive(""));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("genitive"), std::string::npos)
      << missing.status().ToString();
  auto misspelt =
      Geocoder::Create(&geo_test::FixtureGazetteer(), DataDirWithGenitive("of\tgenetive\n"));
  ASSERT_FALSE(misspelt.ok());
  EXPECT_NE(misspelt.status().ToString().find("genetive"), std::string::npos)
      << misspelt.status().ToString();
}

// "the 300 block of Carney" is a street because "of" is in the genitive class, not because the
// code names the word: with "per" listed instead, "block per Carney" is the street and "block
// of Carney" is not.
TEST(GeocoderWordsTest, GenitiveClassDrivesTheStreetRule) {
  auto geo =
      Geocoder::Create(&geo_test::FixtureGazetteer(), DataDirWithGenitive("per\tgenitive\n"));
  ASSERT_TRUE(geo.ok()) << geo.status().ToString();
  auto carney = [&](const std::string& text) {
    for (const PlaceMention& m : (*geo)->Find(text, Doc(), "en")) {
      if (m.place.name == "Carney") return true;
    }
    return false;
  };
  EXPECT_FALSE(carney("Police said the shooting happened in the 300 block per Carney on Friday."));
  EXPECT_TRUE(carney("Police said the shooting happened in the 300 block of Carney on Friday."));
}

// The per-thread context tables outlive each Geocoder: an article found after another
// Geocoder and its gazetteer (unmapped) and word lists are gone must not read what that one
// left, and resolves as on a fresh thread.
TEST(GeocoderWordsTest, FindAfterAnotherGeocoderIsGone) {
  const std::string text =
      "Deputies in Cartersville, Ga., said a U.S. citizen was hurt near Springfield, Illinois, "
      "and that the Kavat district police in Pakistan were told.";
  auto keep = Geocoder::Create(&geo_test::FixtureGazetteer());
  ASSERT_TRUE(keep.ok());
  std::vector<PlaceMention> fresh;
  std::thread([&] { fresh = (*keep)->Find(text, Doc(), "en"); }).join();
  ASSERT_FALSE(fresh.empty());
  for (int round = 0; round < 3; ++round) {
    {
      auto gaz = Gazetteer::Open(geo_test::FixturePath());
      ASSERT_TRUE(gaz.ok());
      auto gone = Geocoder::Create(gaz->get(), DataDirWithGenitive("of\tgenitive\n"));
      ASSERT_TRUE(gone.ok());
      EXPECT_FALSE((*gone)->Find(text, Doc(), "en").empty());
    }
    // Reuse the freed memory before the next article.
    std::vector<std::string> filler(64, std::string(200, 'Z'));
    const std::vector<PlaceMention> again = (*keep)->Find(text, Doc(), "en");
    ASSERT_EQ(again.size(), fresh.size());
    for (size_t i = 0; i < again.size(); ++i) {
      EXPECT_EQ(again[i].span.begin, fresh[i].span.begin);
      EXPECT_EQ(again[i].place.name, fresh[i].place.name);
      EXPECT_EQ(again[i].place.country, fresh[i].place.country);
    }
  }
}

TEST_F(GeocoderTest, TitleCaseHeadlineWordNeedsACue) {
  auto ms = Find(
      "Gunman Surrenders To Carney Deputies After Standoff\n\nDeputies in "
      "Cartersville, Ga., said nobody was hurt.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find(
      "Shooting In Carney Leaves Two Hurt\n\nDeputies in Cartersville, Ga., said two men "
      "were hurt.");
  const PlaceMention* c = At(ms, "Carney");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->place.country, "US");
}

TEST_F(GeocoderTest, FarAwayPlaceNeedsItsCountryNamed) {
  const std::string us =
      "Police in Springfield, Illinois, and in Cartersville, Ga., said the shooting was the "
      "third in the United States this month. The United States Attorney in Illinois said ";
  auto ms = Find(us + "the family once lived near Aleppo.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.country, "SY");
  ms = Find(us + "the family once lived near Aleppo in Syria.");
  const PlaceMention* a = At(ms, "Aleppo");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->place.country, "SY");
}

TEST_F(GeocoderTest, VictimAndSuspectVerbsMakeAPerson) {
  auto ms =
      Find("A neighbor said the gunman killed Carney in a driveway in Springfield, Illinois.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find("Carney was charged with murder, police in Springfield, Illinois, said.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
}

// "Carney was charged", "Carney has been charged": the verbs between the name and the participle
// are data (geocoder_words.tsv auxiliary and perfect), not words named in the code.
TEST(GeocoderWordsTest, AuxiliaryAndPerfectClassesDriveThePassiveRule) {
  auto carney = [](const Geocoder& geo, const std::string& text) {
    for (const PlaceMention& m : geo.Find(text, Doc(), "en")) {
      if (m.place.name == "Carney") return true;
    }
    return false;
  };
  const std::string tail = " charged with murder, police in Maryland said.";
  auto project = Geocoder::Create(&geo_test::FixtureGazetteer());
  ASSERT_TRUE(project.ok()) << project.status().ToString();
  EXPECT_FALSE(carney(**project, "Deputies said Carney was" + tail));
  EXPECT_FALSE(carney(**project, "Deputies said Carney has been" + tail));
  EXPECT_FALSE(carney(**project, "Deputies said Carney had been" + tail));
  // "wird" listed instead of "was", "worden" instead of "been".
  auto edited = Geocoder::Create(&geo_test::FixtureGazetteer(),
                                 DataDirWithWordsRow("was\tauxiliary", "wird\tauxiliary\n"));
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_TRUE(carney(**edited, "Deputies said Carney was" + tail));
  EXPECT_FALSE(carney(**edited, "Deputies said Carney wird" + tail));
  auto perfect = Geocoder::Create(&geo_test::FixtureGazetteer(),
                                  DataDirWithWordsRow("been\tperfect", "worden\tperfect\n"));
  ASSERT_TRUE(perfect.ok()) << perfect.status().ToString();
  EXPECT_TRUE(carney(**perfect, "Deputies said Carney has been" + tail));
  EXPECT_FALSE(carney(**perfect, "Deputies said Carney has worden" + tail));
}

TEST_F(GeocoderTest, TownBeforeItsInstitutionStaysATown) {
  auto ms = Find("Carney Police said two men were hurt in the shooting in Maryland.");
  const PlaceMention* c = At(ms, "Carney");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->place.admin1, "Maryland");
}

// The state the article is about, implied by its other places (no state named): a small
// namesake there beats a larger one in another state.
TEST_F(GeocoderTest, NamesakeInImpliedStateWins) {
  auto ms = Find(
      "Police in Greyport said the man fled after the shooting. He was arrested "
      "hours later in Oakhaven.");
  const PlaceMention* m = At(ms, "Oakhaven");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  EXPECT_EQ(m->place.admin1, "North Carolina");
  // Alone, the larger namesake wins: the state comes only from the other place.
  ms = Find("He was arrested hours later in Oakhaven.");
  m = At(ms, "Oakhaven");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Missouri");
}

// A named state still wins over the one the other places imply.
TEST_F(GeocoderTest, NamedStateBeatsImpliedState) {
  auto ms = Find(
      "Police in Greyport said the man fled to Oakhaven, Missouri, where he was "
      "arrested.");
  const PlaceMention* m = At(ms, "Oakhaven");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Missouri");
}

// A well-known town named by a recorded alternate spelling, in a locative frame, with no
// competing namesake: taken even though the article names no country.
TEST_F(GeocoderTest, LocativeFrameAcceptsKnownTownByAlternateName) {
  auto ms = Find("A bomb in Zubayra killed five people on Monday, police said.");
  const PlaceMention* m = At(ms, "Zubayra");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "IQ");
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
  // Without the locative frame the spelling alone is not enough.
  ms = Find("Officials said Zubayra was calm.");
  EXPECT_EQ(At(ms, "Zubayra"), nullptr);
}

// "in Kandara": the city, not its same-named state; "Kandara State" is the state.
TEST_F(GeocoderTest, CityBeatsSameNamedProvinceInLocativeFrame) {
  auto ms = Find("An attack in Kandara killed five soldiers on Sunday.");
  const PlaceMention* m = At(ms, "Kandara");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
  EXPECT_EQ(m->place.admin1, "Kandara");
  ms = Find("Gunmen roam the villages of Kandara State, officials said.");
  m = At(ms, "Kandara");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kProvince);
}

// A sentence-initial preposition is never a town, even one in the article's country.
TEST_F(GeocoderTest, FunctionWordOpeningSentenceIsNoPlace) {
  auto ms = Find("Along the highway to Hyderabad, India, rebels ambushed a convoy.");
  EXPECT_EQ(At(ms, "Along"), nullptr);
  EXPECT_NE(At(ms, "India"), nullptr);
}

// "Bir al-Abd": a hyphenated lower-case article inside a name continues it.
TEST_F(GeocoderTest, HyphenatedArticleContinuesName) {
  auto ms = Find("A roadside bomb in Bir al-Abd killed two soldiers.");
  const PlaceMention* m = At(ms, "Bir al-Abd");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "EG");
  EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), "Bir al-Abd");
}

// The exactly spelled town beats a larger one that matches only through the coarse key.
TEST_F(GeocoderTest, ExactSpellingBeatsCoarseKeyNeighbour) {
  auto ms = Find("A car bomb in Tamarra wounded twelve people.");
  const PlaceMention* m = At(ms, "Tamarra");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "IQ");
}

// A name's own mentions are not its context: five mentions of "Ashwick" do not make it the
// English town when the article names the American town's county.
TEST_F(GeocoderTest, NamedCountyPlacesTownOverLargerForeignNamesake) {
  auto ms = Find(
      "Ashwick Police confirm death after shooting\n\n"
      "ASHWICK  One man died on Thursday. According to the Ashwick Police, a call "
      "from the Tenango County 911 center reached the Ashwick Police at 6 p.m. from a "
      "home in the City of Ashwick.");
  const PlaceMention* county = At(ms, "Tenango County");
  ASSERT_NE(county, nullptr);
  // The county stands for the town in it that the article names.
  EXPECT_EQ(county->place.admin2, "Tenango");
  EXPECT_EQ(county->place.name, "Ashwick");
  int found = 0;
  for (const PlaceMention& m : ms) {
    if (m.place.name != "Ashwick") continue;
    ++found;
    EXPECT_EQ(m.place.country, "US");
    EXPECT_EQ(m.place.admin1, "New York");
  }
  EXPECT_GE(found, 3);
}

// "Prince Arthur's County": the possessive belongs to the name; the unit word says the level.
TEST_F(GeocoderTest, PossessiveInsideCountyName) {
  for (const char* apostrophe : {"'", "\xE2\x80\x99"}) {
    std::string name = std::string("Prince Arthur") + apostrophe + "s County";
    auto ms = Find("The case is handled by " + name + " police detectives.");
    const PlaceMention* m = At(ms, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->place.level, GeoLevel::kDistrict);
    EXPECT_EQ(m->place.admin1, "Maryland");
    EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), name);
  }
}

// "the Bellmead neighborhood" is a quarter of the article's town, not a namesake abroad; "the
// Bellmead neighborhood of ..." would name the town itself.
TEST_F(GeocoderTest, NeighborhoodNameIsNoNamesakeTown) {
  auto ms = Find("The man was shot in the Bellmead neighborhood late on Friday.");
  EXPECT_EQ(At(ms, "Bellmead"), nullptr);
  ms = Find("The man was shot in the Bellmead neighborhood of Fairview late on Friday.");
  EXPECT_NE(At(ms, "Bellmead"), nullptr);
}

// New York's press says "section" for a neighbourhood ("the Bellmead section of the borough"):
// data/geo/geocoder_words.tsv lists it as a quarter word, so no namesake town is read.
TEST_F(GeocoderTest, SectionNameIsNoNamesakeTown) {
  auto ms = Find("The boy was shot in his apartment in the Bellmead section around 5 p.m.");
  EXPECT_EQ(At(ms, "Bellmead"), nullptr);
  // The same sentence without the quarter word reads the town (the test is not vacuous).
  ms = Find("The boy was shot in his apartment in Bellmead around 5 p.m.");
  EXPECT_NE(At(ms, "Bellmead"), nullptr);
}

// "Jerry Mali": a known given name before a single name word makes a person, even over a
// country reading, for the rest of the article.
TEST_F(GeocoderTest, GivenNameBeforeCountryNameMakesPerson) {
  auto ms = Find("Officers spoke with Jerry Mali outside the store. Mali said he heard shots.");
  EXPECT_TRUE(ms.empty());
  ms = Find("Officers said the suspect fled to Mali.");
  EXPECT_NE(At(ms, "Mali"), nullptr);
}

// "St. Aldric": the abbreviated first word and its period belong to the name, which the
// gazetteer spells out ("Saint Aldric"); "Ft." and "Mt." work the same way (name_abbrevs.tsv).
TEST_F(GeocoderTest, AbbreviatedSaintIsLookedUpSpelledOut) {
  for (const char* spelling : {"St. Aldric", "St Aldric", "ST. ALDRIC"}) {
    auto ms = Find(std::string("A man was shot in ") + spelling + " on Friday, police said.");
    const PlaceMention* m = At(ms, spelling);
    ASSERT_NE(m, nullptr) << spelling;
    EXPECT_EQ(m->place.name, "Saint Aldric") << spelling;
    EXPECT_EQ(m->place.admin1, "Missouri");
    EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), spelling);
  }
  // A sentence that ends with an abbreviation-like word does not join the next sentence.
  auto ms = Find("He lives on Oak St. Aldric police said nothing.");
  EXPECT_EQ(At(ms, "St. Aldric"), nullptr);
}

// A section of a town (PPLX) stands for the town the article names; alone it stays itself.
TEST_F(GeocoderTest, TownSectionStandsForNamedTown) {
  auto ms = Find("Two men were shot in Elm Hollow on the east side of Springfield, Illinois.");
  const PlaceMention* m = At(ms, "Elm Hollow");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Springfield");
  EXPECT_EQ(m->place.admin1, "Illinois");
  EXPECT_NEAR(m->place.lat, 39.801, 0.01);
  EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), "Elm Hollow");
  // Springfield, Illinois is no county seat (PPLA): alone the section stays itself.
  ms = Find("Two men were shot in Elm Hollow, Illinois, on Friday.");
  m = At(ms, "Elm Hollow");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Elm Hollow");
  // A section beside its county's seat stands for the seat even when the town is not named.
  ms = Find("Two men were shot in Birch Flats, Missouri, on Friday.");
  m = At(ms, "Birch Flats");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Springfield");
  EXPECT_EQ(m->place.admin1, "Missouri");
}

// A US county named alone stands for the town in it that the article names, else its seat.
TEST_F(GeocoderTest, CountyStandsForNamedTownOrSeat) {
  auto ms = Find("Bartow County deputies said the woman was shot at her home on Sunday.");
  const PlaceMention* m = At(ms, "Bartow County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Cartersville");
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
  EXPECT_EQ(m->place.admin2, "Bartow");
  EXPECT_TRUE(m->via_county);  // the article names Cartersville only through its county
  ms = Find("Stokes County deputies said the man was shot outside a store in Greyport.");
  m = At(ms, "Stokes County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Greyport");
  EXPECT_TRUE(m->via_county);  // the county stands for the town the article names
  m = At(ms, "Greyport");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->via_county);  // the town by its own name
  // Elsewhere a district named alone stays the district.
  ms = Find("Gunmen attacked a checkpoint in Tarsung district on Monday.");
  m = At(ms, "Tarsung district");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kDistrict);
}

// Contractions are pronouns and verbs; a given name matched only by a coarse key is a person.
TEST_F(GeocoderTest, ContractionsAndCoarseGivenNamesAreNoPlaces) {
  for (const char* she : {"She'll", "She\xE2\x80\x99ll"}) {
    auto ms = Find(std::string(she) + " be fine, Springfield, Illinois, police said.");
    EXPECT_EQ(At(ms, she), nullptr) << she;
    EXPECT_NE(At(ms, "Springfield"), nullptr);
  }
  auto ms = Find("A man was shot in Shell, Illinois, on Friday.");
  const PlaceMention* m = At(ms, "Shell");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Shell");
  // "Brian" shares only a coarse key with the town of Brien; as a given name it is a person.
  ms = Find("Officers spoke with Brian outside a store in Springfield, Illinois.");
  EXPECT_EQ(At(ms, "Brian"), nullptr);
  ms = Find("Officers were called to a store in Brien, Illinois.");
  EXPECT_NE(At(ms, "Brien"), nullptr);
}

// "the city's Carney neighborhood" names a quarter, and the name stays that quarter elsewhere in
// the article (its headline); "the 300 block of North Carney" is a street.
TEST_F(GeocoderTest, QuarterAfterPossessiveAndStreetAfterDirection) {
  auto ms = Find(
      "Man Shot In Carney\n\nA man was killed in the city's Carney neighborhood, "
      "Springfield, Illinois, police said.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  EXPECT_NE(At(ms, "Springfield"), nullptr);
  ms = Find("A man was shot in the 300 block of North Carney in Springfield, Illinois.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ms = Find("A man was shot in Carney, Maryland, on Friday.");
  EXPECT_NE(At(ms, "Carney"), nullptr);
}

// Find keeps per-thread buffers (the word scan, its folded words, the n-gram cache): a call must
// not see anything of the one before. Words whose fold is longer than their bytes (CJK
// transliterated), a word longer than any name, hyphens and apostrophes exercise the scanner's
// folding paths.
TEST_F(GeocoderTest, RepeatedAndInterleavedCallsGiveTheSameResult) {
  const std::string long_word(300, 'q');
  const std::string a = "QUENZA: Gunmen from Kavat attacked a Quenza-bound bus; " + long_word +
                        " police in Gwamar's port said Karachi's traders fled. 中华人民共和国";
  const std::string b = "中华人民共和国中华人民共和国 Ein Anschlag in Peshawar, sagte Müller.";
  auto key = [](const std::vector<PlaceMention>& ms) {
    std::string k;
    for (const PlaceMention& m : ms) {
      k += std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + ":" + m.place.name +
           "/" + m.place.country + "@" + std::to_string(m.confidence) + ";";
    }
    return k;
  };
  const std::string first_a = key(geo_->Find(a, Doc(), "en"));
  const std::string first_b = key(geo_->Find(b, Doc(), "de"));
  EXPECT_NE(first_a.find(":Quenza/PK"), std::string::npos) << first_a;
  EXPECT_NE(first_a.find(":Gwamar/PK"), std::string::npos) << first_a;
  EXPECT_NE(first_b.find(":Peshawar/PK"), std::string::npos) << first_b;
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ(key(geo_->Find(b, Doc(), "de")), first_b);
    EXPECT_EQ(key(geo_->Find(a, Doc(), "en")), first_a);
    EXPECT_TRUE(geo_->Find("", Doc(), "en").empty());
  }
  // A second geocoder on the same thread has its own cache and the same answers.
  auto other = Geocoder::Create(&geo_test::FixtureGazetteer());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(key((*other)->Find(a, Doc(), "en")), first_a);
  EXPECT_EQ(key(geo_->Find(a, Doc(), "en")), first_a);
}

// A single capitalised word that the article also writes in lower case is a common word there,
// wherever the lower-case one stands (before or after it) and however many such names the
// article has; the same names with no lower-case twin are places.
TEST_F(GeocoderTest, NameAlsoWrittenInLowerCaseIsWeakWhereverItStands) {
  auto ms = Find("Officials said Tarsung and Gwamar in Varistan were calm.");
  EXPECT_NE(At(ms, "Tarsung"), nullptr);
  EXPECT_NE(At(ms, "Gwamar"), nullptr);
  ms = Find(
      "A gwamar unit came. Officials said Tarsung and Gwamar in Varistan were calm; "
      "tarsung on.");
  EXPECT_EQ(At(ms, "Tarsung"), nullptr);
  EXPECT_EQ(At(ms, "Gwamar"), nullptr);
  ms = Find("Officials said Tarsung and Gwamar in Varistan were calm; a gwamar unit came.");
  EXPECT_NE(At(ms, "Tarsung"), nullptr);
  EXPECT_EQ(At(ms, "Gwamar"), nullptr);
  // A capitalised or all-capital twin is no lower-case use.
  ms = Find("Officials said Tarsung and Gwamar in Varistan were calm. GWAMAR units came.");
  EXPECT_NE(At(ms, "Tarsung"), nullptr);
  EXPECT_NE(At(ms, "Gwamar"), nullptr);
}

// Addresses are written in lower case whatever the name: a piece of an e-mail or web address is
// no lower-case use of the word, but the same word in prose still is.
TEST_F(GeocoderTest, NameInsideAnAddressIsNoLowerCaseTwin) {
  for (const char* tail : {"Write to desk@ci.gwamar.va.pk for details.",
                           "Tips go to gwamar@example.org or www.gwamar.gov.pk/news."}) {
    auto ms = Find(std::string("Officials said Gwamar in Varistan was calm. ") + tail);
    EXPECT_NE(At(ms, "Gwamar"), nullptr) << tail;
  }
  auto ms = Find("Officials said Gwamar in Varistan was calm. A gwamar unit came.");
  EXPECT_EQ(At(ms, "Gwamar"), nullptr);
}

// Find keeps the readings made for a name's postings per thread, for the name's later mentions
// in the article and in later articles: answers must not depend on what was read before, also
// for a name spelled otherwise under the same key (Kavat, Qavat, Khevat: whether the text spells
// an entry's official name differs) and for the region abbreviations, made apart.
TEST_F(GeocoderTest, CachedReadingsGiveTheSameAnswersAsAFreshGeocoder) {
  const std::vector<std::string> texts = {
      "Gunmen attacked a bus near Kavat in Varistan. Kavat police said Kavat was calm.",
      "Gunmen attacked a bus near Qavat in Varistan on Monday; Qavat elders met.",
      "Officials in Khevat and Quenza said the road to Kavat had reopened.",
      "QUENZA: Blasts hit Kavat, Gwamar and Karachi in Sindh. Gwamur and Gwamar were shut.",
      "Cartersville, Ga. police said a man was held in Cartersville and in Tarsung district.",
      "Police in Springfield, Missouri, and Springfield said Hyderabad, Sindh, was calm.",
  };
  auto key = [](const std::vector<PlaceMention>& ms) {
    std::string k;
    for (const PlaceMention& m : ms) {
      k += std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + ":" + m.place.name +
           "/" + m.place.country + "/" + m.place.admin1 + "/" + m.place.admin2 + "#" +
           std::to_string(m.place.gazetteer_id) + "L" +
           std::to_string(static_cast<int>(m.place.level)) + "@" + std::to_string(m.confidence) +
           ";";
    }
    return k;
  };
  // Each text on a geocoder of its own: nothing cached before it.
  std::vector<std::string> expected;
  for (const std::string& t : texts) {
    auto fresh = Geocoder::Create(&geo_test::FixtureGazetteer());
    ASSERT_TRUE(fresh.ok());
    expected.push_back(key((*fresh)->Find(t, Doc(), "en")));
  }
  EXPECT_NE(expected[0].find(":Kavat/PK"), std::string::npos) << expected[0];
  EXPECT_NE(expected[1].find(":Kavat/PK"), std::string::npos) << expected[1];
  EXPECT_NE(expected[3].find(":Gwamar/PK"), std::string::npos) << expected[3];
  EXPECT_NE(expected[4].find(":Cartersville/US/Georgia"), std::string::npos) << expected[4];
  // One geocoder over the texts forwards, backwards and forwards again.
  const size_t n = texts.size();
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t j = 0; j < n; ++j) {
      const size_t i = pass == 1 ? n - 1 - j : j;
      EXPECT_EQ(key(geo_->Find(texts[i], Doc(), "en")), expected[i]) << texts[i];
    }
  }
}

// A name can start only at a capitalised or caseless word, and the candidate search goes from
// one such word to the next: a name after a long run of lower-case words, at the very end of the
// text, right after a lower-case connector or a lone capitalised word, and names in a caseless
// script are all found; a text without one finds nothing.
TEST_F(GeocoderTest, NamesAreFoundWhereverTheNextCapitalisedWordStands) {
  std::string filler;
  for (int i = 0; i < 200; ++i) filler += "the men said that it was over and went ";
  auto ms = Find("After the talks " + filler + "home to Gwamar in Varistan");
  EXPECT_NE(At(ms, "Gwamar"), nullptr);
  const PlaceMention* prov = At(ms, "Varistan");
  ASSERT_NE(prov, nullptr);
  EXPECT_EQ(prov->span.end, text_.size());
  EXPECT_EQ(prov->place.level, GeoLevel::kProvince);
  ms = Find("A bus was stopped near Nura Khel district in Varistan");
  const PlaceMention* district = At(ms, "Nura Khel");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->place.level, GeoLevel::kDistrict);
  EXPECT_TRUE(Find("the quiet lane led past the old mill and on to the river").empty());
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("   ...   ").empty());
  // Caseless words start names too: a capital after a locative preposition, past a run of
  // caseless words that start none.
  text_ = "وقع انفجار كبير صباح اليوم في بغداد";
  ms = geo_->Find(text_, Doc(), "ar");
  const PlaceMention* capital = At(ms, "بغداد");
  ASSERT_NE(capital, nullptr);
  EXPECT_EQ(capital->place.name, "Baghdad");
  EXPECT_EQ(capital->span.end, text_.size());
}

// Find keeps the buffers of one article's readings for the next article's mentions (per thread):
// what a buffer held before must not leak into the readings made in it. A thread of its own gives
// each text's answer with nothing pooled; one thread over all texts in several orders must agree.
TEST_F(GeocoderTest, PooledReadingBuffersGiveTheSameAnswersAsAFreshThread) {
  const std::vector<std::string> texts = {
      "QUENZA: Blasts hit Kavat, Gwamar and Karachi in Sindh. Gwamur and Gwamar were shut; "
      "Peshawar, Hyderabad, Tarsung district and Springfield, Illinois were calm.",
      "Police in Hyderabad said two men were arrested. Telangana officials confirmed.",
      "Gunmen attacked a bus near Qavat in Varistan on Monday; Qavat elders met.",
      "The rally in Springfield, Illinois drew a large crowd.",
      "Officials in Khevat and Quenza said the road to Kavat had reopened.",
  };
  auto key = [](const std::vector<PlaceMention>& ms) {
    std::string k;
    for (const PlaceMention& m : ms) {
      k += std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + ":" + m.place.name +
           "/" + m.place.country + "/" + m.place.admin1 + "/" + m.place.admin2 + "#" +
           std::to_string(m.place.gazetteer_id) + "@" + std::to_string(m.confidence) + ";";
    }
    return k;
  };
  std::vector<std::string> expected(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    std::thread([&, i] {
      auto fresh = Geocoder::Create(&geo_test::FixtureGazetteer());
      ASSERT_TRUE(fresh.ok());
      expected[i] = key((*fresh)->Find(texts[i], Doc(), "en"));
    }).join();
  }
  EXPECT_NE(expected[0].find(":Gwamar/PK"), std::string::npos) << expected[0];
  EXPECT_NE(expected[1].find("/IN/Telangana/"), std::string::npos) << expected[1];
  EXPECT_NE(expected[3].find(":Springfield/US/Illinois"), std::string::npos) << expected[3];
  const size_t n = texts.size();
  for (int pass = 0; pass < 4; ++pass) {
    for (size_t j = 0; j < n; ++j) {
      const size_t i = pass % 2 == 1 ? n - 1 - j : (j + pass) % n;
      EXPECT_EQ(key(geo_->Find(texts[i], Doc(), "en")), expected[i]) << pass << ": " << texts[i];
    }
  }
}

// Find with the text stage's TokenKeys takes plain ASCII tokens as words instead of scanning
// them: every mention must come out exactly as without the keys.
// Where place names are Latin spellings (data/geo/latin_name_countries.tsv) a word that only
// shares the coarse key with a town is another word: "Carnay" is not Carney, Maryland, even in a
// Maryland story with a cue; the town's own spelling still resolves.
TEST_F(GeocoderTest, CoarseKeyNamesakeInLatinCountryIsNoPlace) {
  auto ms = Find("Maryland police said the van was found near Carnay on Tuesday.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney");
  ASSERT_NE(At(ms, "Maryland"), nullptr);
  ms = Find("Maryland police said the van was found near Carney on Tuesday.");
  const PlaceMention* m = At(ms, "Carney");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Maryland");
  // Transliterated names keep their spelling variants (Pakistan is not in the list).
  ms = Find("Gunmen opened fire near Khevat in Varistan on Monday.");
  m = At(ms, "Khevat");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "PK");
}

// A bare small town whose state the article neither names nor implies, in a story that names
// another state, is a local namesake: "Cartersville" in a North Carolina story is neither the
// Georgia nor the Florida town. Named with its state, or a large town, it stays.
TEST_F(GeocoderTest, SmallTownOutsideTheArticlesStateIsDropped) {
  auto ms = Find(
      "Deputies in Greyport, North Carolina, said the truck was later found in "
      "Cartersville.");
  ASSERT_NE(At(ms, "Greyport"), nullptr);
  EXPECT_EQ(At(ms, "Cartersville"), nullptr);
  ms = Find(
      "Deputies in Greyport, North Carolina, said the truck was later found in "
      "Cartersville, Georgia.");
  const PlaceMention* m = At(ms, "Cartersville");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Georgia");
  ms = Find(
      "Deputies in Greyport, North Carolina, said the truck was later found in "
      "Springfield.");
  EXPECT_NE(At(ms, "Springfield"), nullptr);
  // With no state in view the town is still read.
  ms = Find("Police said the truck was later found in Cartersville on Sunday.");
  EXPECT_NE(At(ms, "Cartersville"), nullptr);
}

// Capitals carry no case evidence: in a shouted caption only an entry's own spelling counts, not
// an alternate name or a coarse-key neighbour; a dateline still does.
TEST_F(GeocoderTest, AllCapsWordsNeedTheOfficialSpelling) {
  auto ms = Find("THE CROWD KEPT SHOUTING GWAMUR AGAIN AND AGAIN.");
  EXPECT_EQ(At(ms, "GWAMUR"), nullptr);
  ms = Find("A blast hit the port of Gwamur in Varistan late on Tuesday.");
  const PlaceMention* m = At(ms, "Gwamur");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Gwamar");
  ms = Find("GWAMUR: A blast hit the port in Varistan late on Tuesday.");
  m = At(ms, "GWAMUR");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Gwamar");
}

// A name followed by a venue's head noun names the venue ("Springfield Hospital"), and a name
// with a passive such as "was taken" or a possessive before "friends" is a person.
TEST_F(GeocoderTest, VenueHeadsAndPersonCuesAreNoTowns) {
  auto ms = Find("The two victims were taken to Springfield Hospital in stable condition.");
  EXPECT_EQ(At(ms, "Springfield"), nullptr);
  ms = Find("Mourners gathered at Springfield Park on Friday night.");
  EXPECT_EQ(At(ms, "Springfield"), nullptr);
  ms = Find("The two victims were taken to a hospital in Springfield, Illinois.");
  EXPECT_NE(At(ms, "Springfield"), nullptr);
  ms = Find(
      "Officers found the girl on the porch in Cartersville, Ga. Carney was taken to a "
      "hospital, where she died.");
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.name, "Carney");
  ms = Find("Carney's friends lit candles outside the house in Cartersville, Ga.");
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.name, "Carney");
}

// A known given name standing alone, with no locative word, that would be a town outside the
// article's countries is the person: "Tamara said" in an Illinois story is not the Russian city.
// With a preposition, or in a story about its country, the town stays.
TEST_F(GeocoderTest, LoneGivenNameAbroadIsThePerson) {
  auto ms = Find(
      "The shop was closed on Friday, Tamara said. Police in Springfield, Illinois, "
      "said nobody was hurt.");
  EXPECT_EQ(At(ms, "Tamara"), nullptr);
  ASSERT_NE(At(ms, "Springfield"), nullptr);
  ms = Find("The convoy was stopped near Tamara on Friday, officials in Russia said.");
  const PlaceMention* m = At(ms, "Tamara");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "RU");
}

// "St. Corwin" as written is the official spelling of the American city; the Senegalese seat
// (and its province) match only once the reader spells the abbreviation out, and so lose the
// exact-spelling evidence. Spelled out, the foreign one stays.
TEST_F(GeocoderTest, AbbreviationAsWrittenBeatsTheSpelledOutName) {
  auto ms = Find("Two men were shot overnight in St. Corwin. Police have no suspect.");
  const PlaceMention* m = At(ms, "St. Corwin");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  EXPECT_EQ(m->place.admin1, "Missouri");
  ms = Find("Fishermen protested in Saint-Corwin on Monday.");
  m = At(ms, "Saint-Corwin");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "SN");
}

// A broadcast call sign ("WKRX reports", "(KWTX/AP)") is weak evidence that the story is
// American: enough to prefer the American town over a foreign capital known by its old name,
// not in a shouted line, not for words of that shape listed as no station (WWII).
TEST_F(GeocoderTest, BroadcastCallSignIsAmericanContext) {
  auto ms = Find("A girl was killed after a home in Oldbury was hit by gunfire, WKRX reports.");
  const PlaceMention* m = At(ms, "Oldbury");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  ms = Find("A girl was killed after a home in Oldbury was hit by gunfire (KWTX).");
  m = At(ms, "Oldbury");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  // Without a call sign the American town has no evidence over the capital's old name (which
  // alone is no place either); a shouted line and a listed non-station are no call sign.
  for (const char* text :
       {"A girl was killed after a home in Oldbury was hit by gunfire, the paper reports.",
        "A girl was killed after a home in Oldbury was hit by gunfire. WE WANT KWTX OUT NOW.",
        "A memorial in Oldbury honours soldiers who died in WWII, the paper reports."}) {
    ms = Find(text);
    m = At(ms, "Oldbury");
    EXPECT_TRUE(m == nullptr || m->place.country != "US") << text;
  }
}

// A capitalised determiner does not open a name that only a coarse key matches: "The Los" is
// not Thelos, and the county after it is read whole.
TEST_F(GeocoderTest, DeterminerDoesNotOpenACoarseKeyName) {
  auto ms = Find("Officials said. The Los Verdes County coroner said the man died there.");
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.country, "FR");
  const PlaceMention* m = At(ms, "Los Verdes County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "California");
  EXPECT_EQ(m->place.admin2, "Los Verdes");
}

// A name ending in a street word ("Varn St") that no entry spells so is a street, not the
// foreign town recorded under a similar alternate.
TEST_F(GeocoderTest, NameEndingInStreetWordIsAStreet) {
  auto ms = Find(
      "Police in Springfield, Illinois, said the man was shot outside a shop on "
      "Varn St late on Friday.");
  EXPECT_EQ(At(ms, "Varn St"), nullptr);
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.country, "RO");
  EXPECT_NE(At(ms, "Springfield"), nullptr);
}

// An AP state abbreviation written without its period counts right after "Town, " only.
TEST_F(GeocoderTest, UndottedStateAbbreviationAfterComma) {
  auto ms = Find("Greyport, Ala (WIBX) - A teen died on Sunday, deputies said.");
  const PlaceMention* m = At(ms, "Ala");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.level, GeoLevel::kProvince);
  EXPECT_EQ(m->place.admin1, "Alabama");
  ms = Find("The Ala team won again on Sunday.");
  EXPECT_EQ(At(ms, "Ala"), nullptr);
}

// "Springfield Children's Hospital" is a venue, not the town.
TEST_F(GeocoderTest, ChildrensHospitalIsAVenue) {
  auto ms = Find("The boy was taken to Springfield Children's Hospital on Friday night.");
  EXPECT_EQ(At(ms, "Springfield"), nullptr);
}

// A town out of the story's state reached only by an old name is dropped even in a title-case
// line; the headline's official spelling of a place keeps it.
TEST_F(GeocoderTest, OldNameInTitleLineOutOfStateIsDropped) {
  auto ms = Find(
      "Jane Doe, Harmon Glen School District\n\nSPRINGFIELD, Ill. - A teen was killed "
      "by an officer on Sunday, police said.");
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.name, "Tallbridge");
  EXPECT_NE(At(ms, "SPRINGFIELD"), nullptr);
}

// A country's name in a story set in a state of another country that has a town so named is
// the town ("the Mali man" in a North Carolina county story); elsewhere it is the country.
TEST_F(GeocoderTest, CountryNamedTownInTheStorysState) {
  auto ms = Find("The Mali man was charged on Friday, deputies in Stokes County said.");
  const PlaceMention* m = At(ms, "Mali");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  EXPECT_EQ(m->place.admin1, "North Carolina");
  ms = Find("Troops were deployed in Mali on Friday, officials said.");
  m = At(ms, "Mali");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "ML");
  EXPECT_EQ(m->place.level, GeoLevel::kCountry);
}

// Only the first line is the headline whose small town stands whatever state the story names;
// a later title-case line (an update line, a caption) is read like the body.
TEST_F(GeocoderTest, OnlyTheFirstLineIsTheHeadline) {
  auto ms = Find(
      "Teen Killed After Gun Goes Off\n\nUpdate: Man Charged In Cartersville Death\n\n"
      "Police in Springfield, Illinois, said a man was charged on Friday.");
  EXPECT_EQ(At(ms, "Cartersville"), nullptr);
  ms = Find(
      "Teen Shot Dead In Cartersville\n\n"
      "Police in Springfield, Illinois, said a man was charged on Friday.");
  EXPECT_NE(At(ms, "Cartersville"), nullptr);
}

class GeocoderSharedKeysTest : public GeocoderTest {
 protected:
  // Expects the same mentions with and without the keys, and returns them.
  std::vector<PlaceMention> ExpectSame(const std::string& text, std::string_view lang = "en") {
    Doc doc;
    Segment(text, &doc);
    TokenKeys keys(text, doc.tokens);
    std::vector<PlaceMention> plain = geo_->Find(text, doc, lang);
    std::vector<PlaceMention> shared = geo_->Find(text, doc, &keys, lang);
    ExpectSameMentions(text, plain, shared);
    // The tokeniser's own keys, which mark the words of its runs (TokenKeys::space_link) that
    // the scan then takes without testing the bytes around them.
    static const std::unique_ptr<Segmenter> segmenter = Segmenter::Load(DataDir()).value();
    Doc keyed;
    TokenKeys made;
    segmenter->Segment(text, &keyed, &made);
    ExpectSameMentions(text, plain, geo_->Find(text, keyed, &made, lang));
    return shared;
  }
  static void ExpectSameMentions(const std::string& text, const std::vector<PlaceMention>& plain,
                                 const std::vector<PlaceMention>& shared) {
    EXPECT_EQ(shared.size(), plain.size()) << text;
    if (shared.size() != plain.size()) return;
    for (size_t i = 0; i < plain.size(); ++i) {
      EXPECT_EQ(shared[i].span.begin, plain[i].span.begin) << text;
      EXPECT_EQ(shared[i].span.end, plain[i].span.end) << text;
      EXPECT_EQ(shared[i].place.gazetteer_id, plain[i].place.gazetteer_id) << text;
      EXPECT_EQ(shared[i].place.level, plain[i].place.level) << text;
      EXPECT_EQ(shared[i].place.admin2, plain[i].place.admin2) << text;
      EXPECT_EQ(shared[i].confidence, plain[i].confidence) << text;
    }
  }
};

TEST_F(GeocoderSharedKeysTest, SameMentionsWithTheTextStagesKeys) {
  ExpectSame("QUENZA: Blasts hit Kavat and Gwamar, Varistan, and Karachi in Sindh.");
  // Hyphens, apostrophes and possessives around names, numbers glued to words.
  ExpectSame(
      "Peshawar-bound buses left Quenza's station; Kavat\xE2\x80\x99s elders and "
      "Tarsung-based police met 15-year-old Ali in Hyderabad, Sindh, on the 3rd day.");
  ExpectSame(
      "\xE2\x80\x9CKarachi\xE2\x80\x9D, \xE2\x80\x98Gwamar\xE2\x80\x99 and "
      "Kavat\xE2\x80\x98s "
      "people.\nTARSUNG DISTRICT: two killed in GWAMAR\n\nLahore 12 Kavat-Tarsung road.");
  ExpectSame("Cartersville, Ga. police said a Georgia man, 38, was held in Hyderabad.");
  ExpectSame(
      "\xD0\x92\xD0\xB7\xD1\x80\xD1\x8B\xD0\xB2 \xD0\xB2 "
      "\xD0\x9A\xD0\xB2\xD0\xB5\xD0\xBD\xD0\xB7\xD0\xB5: "
      "Quenza",
      "ru");
  ExpectSame(
      "Caf\xC3\xA9 in Quenza\xC3\xA9 and Karachi\xE2\x82\xAC 40\xC2\xB0"
      "C Gwamar");
  ExpectSame("Ends at Gwamar");
  // Long runs of words one space apart (most of them marked by the tokeniser), broken by
  // commas, full stops, a colon, a dash, a line break, hyphens and apostrophes.
  ExpectSame(
      "Police in Karachi said the men from Kavat were held. Elders of Gwamar, Varistan, met "
      "at the Quenza market on Monday: a Tarsung-based group - the Hyderabad wing - and "
      "O'Brien of Sindh said the blast in Lahore killed two.\nKARACHI police said more "
      "people from Kavat Tarsung and Gwamar would be questioned later in the week.");
}

// A multi-word name's fold is made from its words' folds when they are ASCII and one space
// apart, else from its text: the name reads the same either way.
TEST_F(GeocoderTest, MultiWordNameReadsTheSameWhateverItsSpacing) {
  for (const char* text : {"Police in North Carolina said.", "Police in North  Carolina said.",
                           "Police in North\tCarolina said.", "Police in NORTH CAROLINA said.",
                           "Police in North Carolina-based units said."}) {
    auto ms = Find(text);
    const PlaceMention* m = At(ms, "North");
    if (m == nullptr) m = At(ms, "NORTH");
    ASSERT_NE(m, nullptr) << text;
    EXPECT_EQ(m->place.name, "North Carolina") << text;
    EXPECT_EQ(m->place.level, GeoLevel::kProvince) << text;
  }
}

// Between the tokens it takes, the scan steps over ASCII punctuation itself (", ", ". ", "? ")
// and sets the flags the byte loop would: sentence starts, breaks, commas, datelines.
TEST_F(GeocoderSharedKeysTest, SameMentionsAcrossPunctuationGaps) {
  ExpectSame("Kavat. Gwamar, Karachi; Sindh! Quenza? Tarsung: (Varistan) Kavat & Gwamar / Sindh");
  ExpectSame("QUENZA -- Blasts hit Kavat.\r\nGWAMAR, Varistan: police said.\tKarachi \"Sindh\"");
  ExpectSame("Police in North Carolina, North  Carolina and NORTH CAROLINA. North\nCarolina");
}

// Words the scan takes from the keys in runs still mark title-case headline lines, note the
// words that open a context phrase ("county sheriff", "U.S.") and the lower-case twins of names,
// as the byte loop does.
TEST_F(GeocoderSharedKeysTest, SameMentionsForHeadlinesCuesAndTwins) {
  EXPECT_FALSE(ExpectSame("Man Shot Dead In Cartersville Home\n\nThe county sheriff said a man "
                          "from Springfield was held.\nUpdate: Teen Charged In Kavat Death\n")
                   .empty());
  EXPECT_FALSE(ExpectSame("Blasts In Wake Of Attack On Quenza Market\nPolice in Gwamar, "
                          "Varistan, said the quenza market was hit, U.S. officials said.")
                   .empty());
  EXPECT_FALSE(
      ExpectSame("Kavat\nGwamar Police Say Two Killed\n\nkavat residents fled to Gwamar, Varistan.")
          .empty());
}

TEST_F(GeocoderSharedKeysTest, SameMentionsOnRandomTexts) {
  // clang-format off
  testing_text::PieceTexts texts({
      "Quenza", "Kavat", "Gwamar", "Karachi", "Sindh", "Varistan", "Tarsung", "district", "police",
      "said", "in", "near", "TARSUNG", "12", "3", "1,200", "-", "'", "'s", " ", " ", " ", "\n", ".",
      ",", ":", "\xE2\x80\x99", "\xE2\x80\x98", "\xE2\x80\x9C", "\xCA\xBC", "\xC3\xA9",
      "\xE2\x82\xAC", "\xD0\x9A\xD0\xB2", "\xE2\x80\x8D", "\xE2\x80\x94", "al", "x2", "s", "rd",
      "A", "QUENZA", "Q1", "GWAMAR9", "!", "?", ";", "(", ")", "\t", "\r", "&", "North", "Carolina",
      ". ", ", "}, 777, 40);
  // clang-format on
  for (int round = 0; round < 300; ++round) {
    std::string text = texts.Next();
    ExpectSame(text);
  }
}

// A name that recurs in one frame is read the same at every mention (its scores are made once
// and copied), while a mention of it in another frame (a unit word, a "Town, Province" pair) is
// read in its own.
TEST_F(GeocoderTest, RecurringNameIsReadPerFrame) {
  auto ms = Find(
      "Trucks were stopped in Nurakhail district of Varistan. Police in Nurakhail said "
      "the road to Nurakhail was shut, and Nurakhail, Varistan, was calm.");
  std::vector<const PlaceMention*> seen;
  for (const PlaceMention& m : ms) {
    if (text_.compare(m.span.begin, 9, "Nurakhail") == 0) seen.push_back(&m);
  }
  ASSERT_EQ(seen.size(), 4u);
  // The unit word's mention is the district; the bare ones, in their own frame, the town.
  EXPECT_EQ(seen[0]->place.level, GeoLevel::kDistrict);
  for (size_t i = 1; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i]->place.level, GeoLevel::kPlace) << i;
    EXPECT_EQ(seen[i]->place.admin2, "Nūra Khel") << i;
    EXPECT_EQ(seen[i]->place.gazetteer_id, seen[1]->place.gazetteer_id) << i;
    EXPECT_EQ(seen[i]->confidence, seen[1]->confidence) << i;
  }
}

// Place choice in Latin-alphabet countries against evidence that only looks like a name: a
// gazetteer written here (GazetteerWriter), with invented towns, and the word lists of data/geo/.
class NamesakeEvidenceTest : public geo_test::WrittenGazetteerTest<NamesakeEvidenceTest> {
 public:
  static void Write(GazetteerWriter* writer) {
    GazetteerWriter& w = *writer;
    auto add = [&](const char* name, const char* cc, const char* a1, double lat, double lon,
                   int64_t pop) {
      return geo_test::AddWrittenEntry(&w, name, cc, a1, lat, lon, pop, GeoLevel::kPlace, "PPLA2");
    };
    // A big city and small namesake seats.
    add("Stockbury", "US", "California", 37.96, -121.29, 300000);
    add("Stockbury", "US", "Kansas", 39.44, -99.27, 1300);
    add("Stockbury", "US", "Nebraska", 41.10, -100.20, 1300);
    // A Kansas town near the small Stockbury with an old name that the shouted "SHE WAS" shares
    // a key with (an alternate name: no coarse-key namesake, so only the caps rule stops it).
    const uint32_t elmdale = add("Elmdale", "US", "Kansas", 38.88, -99.33, 21000);
    w.AddName(elmdale, "Shevas", GazPosting::kAlternate);
    // A Nebraska city whose key some non-Latin name of it also folds to: the merged posting is
    // the official name's, flagged native.
    const uint32_t hays = add("Hays", "US", "Nebraska", 41.00, -100.00, 150000);
    w.AddKey(hays, MatchKey("Hays"), GazPosting::kAlternate | GazPosting::kNative);
    // A small town abroad (no Latin-alphabet country) recorded as "Hess".
    const uint32_t khash = add("Khash", "IR", "Sistan", 28.22, 61.22, 5000);
    w.AddName(khash, "Hess", GazPosting::kAlternate);
    GazetteerWriter::Entry kansas;
    kansas.name = kansas.admin1 = "Kansas";
    kansas.country = "US";
    kansas.lat = 38.5;
    kansas.lon = -98.0;
    kansas.population = 2900000;
    kansas.feature_class = 'A';
    kansas.feature_code = "ADM1";
    kansas.level = GeoLevel::kProvince;
    const uint32_t k = w.AddEntry(kansas);
    w.mutable_entry(k).id = k + 1;
    w.AddName(k, "Kansas", 0);
  }

 protected:
  // "surface=admin1" of each place found in `text`, in text order.
  std::vector<std::string> Found(const std::string& text) {
    return FoundWith(text, &Place::admin1);
  }
};

// A Latin-script word that only shares the coarse key with a US city ("Hess" ~ Hays) is another
// word, whether or not some foreign-script name of the city folds to that key as well (the
// posting's native flag says nothing about a Latin spelling): the word is no evidence that the
// article is about that city's state.
TEST_F(NamesakeEvidenceTest, NativeFlagDoesNotExcuseALatinCoarseKeyNamesake) {
  ASSERT_EQ(MatchKey("Hess"), MatchKey("Hays"));
  EXPECT_EQ(Found("Police in Stockbury said the stolen truck was found near Hess."),
            std::vector<std::string>{"Stockbury=California"});
  // The city's own spelling still counts.
  EXPECT_EQ(Found("Police in Stockbury said the stolen truck was found near Hays."),
            (std::vector<std::string>{"Stockbury=Nebraska", "Hays=Nebraska"}));
}

// A reading the text's spelling rules out (a shouted, not exactly spelled "SHE WAS" ~ an old
// name of a Kansas town) is no evidence for the article's other names either: the big city
// keeps its name, as without the caption.
TEST_F(NamesakeEvidenceTest, ShoutedNonNameImpliesNoState) {
  ASSERT_EQ(MatchKey("SHE WAS"), MatchKey("Shevas"));
  const std::vector<std::string> expected{"Stockbury=California"};
  EXPECT_EQ(Found("Police in Stockbury said a boy was shot on Thursday."), expected);
  EXPECT_EQ(Found("Police in Stockbury said a boy was shot on Thursday. SHE WAS AT HOME "
                  "WITH HIM."),
            expected);
  // Written as a name, the old name still counts.
  EXPECT_EQ(Found("Police in Stockbury said the boy was taken to a hospital in Shevas, Kansas."),
            (std::vector<std::string>{"Stockbury=Kansas", "Shevas=Kansas", "Kansas=Kansas"}));
}

// A name of four letters or more whose match key the rules shorten below three letters ("Kaya"
// -> "ka") is still looked up; a short word with such a key is not ("Kay said").
TEST(GeocoderRealTest, ANameWithAShortKeyIsFound) {
  const Geocoder* geo = geo_test::RealGeocoder();
  if (geo == nullptr) GTEST_SKIP() << "no real gazetteer";
  auto found = [&](const std::string& text, std::string_view name) {
    for (const PlaceMention& m : geo->Find(text, Doc(), "en")) {
      if (std::string_view(text).substr(m.span.begin, m.span.size()) == name) {
        return m.place.country;
      }
    }
    return std::string();
  };
  EXPECT_EQ(found("Gunmen attacked a market in Kaya, Burkina Faso, on Sunday.", "Kaya"), "BF");
  EXPECT_EQ(found("Kay said the market in Kaya was closed.", "Kay"), "");
}

// Arabic names no country ahead of its towns: a provincial capital the text calls a town ("مدينة
// إدلب") is found with no country in view, as a capital is; the same name without the unit word
// and mentioned once is still too weak. Country names of other languages are aliases
// (countries.tsv: "Moçambique").
TEST(GeocoderRealTest, ArabicTownCalledSoAndForeignCountryNames) {
  const Geocoder* geo = geo_test::RealGeocoder();
  if (geo == nullptr) GTEST_SKIP() << "no real gazetteer";
  auto found = [&](const std::string& text, std::string_view name, const char* lang) {
    for (const PlaceMention& m : geo->Find(text, Doc(), lang)) {
      if (std::string_view(text).substr(m.span.begin, m.span.size()) == name) {
        return m.place.country + "/" + m.place.name;
      }
    }
    return std::string();
  };
  EXPECT_EQ(found("سقط عشرة قتلى في قصف على مدينة إدلب أمس", "إدلب", "ar"), "SY/Idlib");
  EXPECT_EQ(found("سقط عشرة قتلى في قصف على إدلب أمس", "إدلب", "ar"), "");
  EXPECT_EQ(found("Homens armados atacaram uma aldeia no norte de Moçambique.", "Moçambique", "pt"),
            "MZ/Mozambique");
  EXPECT_EQ(
      found("Insurgentes mataram seis pessoas em Mocímboa da Praia.", "Mocímboa da Praia", "pt"),
      "MZ/Mocímboa");
  // A Mexican state by the short name the press writes (extra_places.tsv alternate).
  EXPECT_EQ(
      found("Hombres armados atacaron un bar en Zamora, Michoacán, el martes.", "Zamora", "es"),
      "MX/Zamora");
}

// A small province abroad (a parish of a few thousand people) does not outrank a large town of
// the same name for its level alone: a bare "St. Paul" is the Minnesota capital. A province named
// like its own town keeps its rank against a large foreign namesake.
TEST(GeocoderRealTest, SmallForeignProvinceYieldsToLargeTown) {
  const Geocoder* geo = geo_test::RealGeocoder();
  if (geo == nullptr) GTEST_SKIP() << "no real gazetteer";
  auto found = [&](const std::string& text, std::string_view name) {
    for (const PlaceMention& m : geo->Find(text, Doc(), "en")) {
      if (std::string_view(text).substr(m.span.begin, m.span.size()) == name) {
        return m.place.country + "/" + m.place.admin1;
      }
    }
    return std::string();
  };
  EXPECT_EQ(found("Police in St. Paul said a man was shot on Tuesday.", "St. Paul"),
            "US/Minnesota");
  EXPECT_EQ(found("A drone strike in Mandera killed four people on Thursday.", "Mandera"),
            "KE/Mandera");
}

// "X County" named with its unit word near the article's other places is the local county,
// though a namesake county in another state holds far more people: a Louisiana outlet's
// "Marion County" across the Texas line is not Indianapolis's.
TEST(GeocoderRealTest, NearCountyBeatsPopulousNamesakeCounty) {
  const Geocoder* geo = geo_test::RealGeocoder();
  if (geo == nullptr) GTEST_SKIP() << "no real gazetteer";
  const std::string text =
      "A reporter in Shreveport, Louisiana, said deputies found the car in Marion County.";
  std::string state;
  for (const PlaceMention& m : geo->Find(text, Doc(), "en")) {
    if (std::string_view(text).substr(m.span.begin, m.span.size()) == "Marion County") {
      state = m.place.admin1;
    }
  }
  EXPECT_EQ(state, "Texas");
}

}  // namespace
}  // namespace sitrep
