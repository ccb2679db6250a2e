// Case suffixes after an apostrophe on a place name (data/geo/name_suffixes.tsv): Turkish
// "Peshawar'da" is Peshawar, the mention's span the name alone; other languages and unlisted
// suffixes cut nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <string_view>

#include "base/data_dir.h"
#include "geo/geo_test_util.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

class NameSuffixTest : public geo_test::GeocoderFixture {};

TEST_F(NameSuffixTest, TurkishSuffixedNamesAreTheNameAlone) {
  struct Case {
    const char* text;
    const char* surface;  // the name as written, without its suffix
    const char* place;
  };
  const Case cases[] = {
      {"Dün Peshawar'da bir bomba patladı.", "Peshawar", "Peshawar"},
      {"Karachi'deki saldırıda iki kişi öldü.", "Karachi", "Karachi"},
      // U+2019 as the apostrophe, a dative and a genitive.
      {"Polis ekipleri Lahore’a gönderildi.", "Lahore", "Lahore"},
      {"Yetkililer Quenza'nın merkezinde konuştu.", "Quenza", "Quenza"},
      {"Saldırganlar Peshawar'dan kaçtı.", "Peshawar", "Peshawar"},
  };
  for (const Case& c : cases) {
    auto ms = FindIn(c.text, "tr");
    const PlaceMention* m = At(ms, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->place.name, c.place) << c.text;
    // The span is the name's letters only, so a quote of it is verbatim.
    EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), c.surface) << c.text;
  }
}

// French elided words (data/geo/name_elisions.tsv): "d'Peshawar" is Peshawar, the span the
// name alone; English keeps an apostrophe's word whole.
TEST_F(NameSuffixTest, FrenchElidedWordBeforeANameIsNotPartOfIt) {
  for (const char* text : {"Un attentat a frappé le marché d'Peshawar hier.",
                           "Les blessés ont été évacués vers l’Karachi."}) {
    auto ms = FindIn(text, "fr");
    const PlaceMention* m = nullptr;
    for (const PlaceMention& x : ms) {
      if (x.place.name == "Peshawar" || x.place.name == "Karachi") m = &x;
    }
    ASSERT_NE(m, nullptr) << text;
    EXPECT_EQ(text_.substr(m->span.begin, m->span.size()), m->place.name) << text;
  }
  auto ms = FindIn("A bomb hit the market d'Peshawar yesterday.", "en");
  for (const PlaceMention& x : ms) EXPECT_NE(x.place.name, "Peshawar");
}

TEST_F(NameSuffixTest, SuffixClosesTheName) {
  // The case ending ends the phrase: "Nura'da Khel Bazar" holds no three-word name across it.
  auto ms = FindIn("Nura'da Khel Bazar yolu kapandı. Karachi'de Tarsung polisleri vardı.", "tr");
  for (const PlaceMention& m : ms) {
    const std::string_view surface = std::string_view(text_).substr(m.span.begin, m.span.size());
    EXPECT_EQ(surface.find('\''), std::string_view::npos) << surface;
  }
  const PlaceMention* k = At(ms, "Karachi");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->span.size(), std::string_view("Karachi").size());
  EXPECT_EQ(At(ms, "Nura"), nullptr);
}

TEST_F(NameSuffixTest, UnlistedSuffixIsNotStripped) {
  auto ms = FindIn("Polis Peshawar'xyz bir açıklama yaptı.", "tr");
  EXPECT_EQ(At(ms, "Peshawar"), nullptr);
  // A word running on after the suffix ("da'bc") is no suffix either.
  ms = FindIn("Polis Peshawar'da'bc bir açıklama yaptı.", "tr");
  EXPECT_EQ(At(ms, "Peshawar"), nullptr);
}

TEST_F(NameSuffixTest, OtherLanguagesCutNothing) {
  // The suffix table is the article language's: in English "Peshawar'da" stays one word.
  auto ms = FindIn("Police in Peshawar'da said nothing.", "en");
  EXPECT_EQ(At(ms, "Peshawar"), nullptr);
}

TEST_F(NameSuffixTest, EnglishPossessiveStillWorks) {
  for (const char* lang : {"en", "tr"}) {
    auto ms = FindIn("Gunmen attacked Peshawar's main market on Monday.", lang);
    const PlaceMention* m = At(ms, "Peshawar");
    ASSERT_NE(m, nullptr) << lang;
    EXPECT_EQ(m->place.name, "Peshawar");
    EXPECT_EQ(m->span.size(), std::string_view("Peshawar").size());
  }
}

TEST(NameSuffixRealTest, RealGazetteerFindsTurkishSuffixedTowns) {
  std::string path = DataPath("gazetteer/gazetteer.bin");
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok());
  auto geo = Geocoder::Create(g->get());
  ASSERT_TRUE(geo.ok());
  const std::string text = "Pakistan'ın güneybatısındaki Quetta'da salı günü bir bomba patladı.";
  auto ms = (*geo)->Find(text, Doc(), "tr");
  bool quetta = false, pakistan = false;
  for (const PlaceMention& m : ms) {
    const std::string_view surface = std::string_view(text).substr(m.span.begin, m.span.size());
    if (surface == "Quetta" && m.place.country == "PK") quetta = true;
    if (surface == "Pakistan") pakistan = true;
  }
  EXPECT_TRUE(quetta);
  EXPECT_TRUE(pakistan);
}

}  // namespace
}  // namespace sitrep
