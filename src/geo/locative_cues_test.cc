// Locative cues of other languages (data/geo/locative_cues.tsv) and Russian case endings with a
// nominative (geocoder_words.tsv "ending" rows with a third column): a town's exonym counts as a
// place when the article's language puts it in a locative frame ("a Dravicco", "à Dravique",
// "Dravikya'da"), as English "in X" does; a word that is a cue only in another language does
// not.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <string_view>

#include "base/data_dir.h"
#include "geo/geo_test_util.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

class LocativeCuesTest : public geo_test::GeocoderFixture {
 protected:
  std::vector<PlaceMention> FindIn(const std::string& text, std::string_view lang) {
    text_ = text;
    return geo_->Find(text_, Doc(), lang);
  }
  // The place name read at `surface` in `text`, or "" when it is no place.
  std::string PlaceAt(const std::string& text, std::string_view lang, std::string_view surface) {
    auto ms = FindIn(text, lang);
    const PlaceMention* m = At(ms, surface);
    return m == nullptr ? "" : m->place.name;
  }
};

TEST_F(LocativeCuesTest, ExonymAfterALocativeWordOfTheLanguage) {
  struct Case {
    const char* lang;
    const char* text;
    const char* surface;
  };
  const Case cases[] = {
      // Italian "a" before a town; a village spelled as the exonym is no rival to a capital.
      {"it", "Ieri a Dravicco un'autobomba ha ucciso tre persone.", "Dravicco"},
      {"it", "Tre morti nella capitale: l'attacco è avvenuto nel centro, a Dravicco.", "Dravicco"},
      {"fr", "Une voiture piégée a explosé à Dravique mardi.", "Dravique"},
      {"es", "Un coche bomba estalló en Dravicco el martes.", "Dravicco"},
      {"pt", "Um carro-bomba explodiu em Dravique na terça-feira.", "Dravique"},
      {"tr", "Dün Dravikya'da bir bomba patladı.", "Dravikya"},
      {"tr", "Yaralılar Dravikya'dan getirildi.", "Dravikya"},
  };
  for (const Case& c : cases) {
    auto ms = FindIn(c.text, c.lang);
    const PlaceMention* m = At(ms, c.surface);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->place.name, "Dravik") << c.text;
    EXPECT_EQ(m->span.size(), std::string_view(c.surface).size()) << c.text;
  }
}

TEST_F(LocativeCuesTest, NoCueNoExonym) {
  // Without a locative frame an exonym alone is not enough: a Turkish genitive is no locative,
  // and a bare subject is none.
  EXPECT_EQ(PlaceAt("Dravikya'nın valisi konuştu.", "tr", "Dravikya"), "");
  EXPECT_EQ(PlaceAt("Il sindaco di Dravicco ha parlato.", "it", "Dravicco"), "");
}

TEST_F(LocativeCuesTest, CuesAreTheArticleLanguages) {
  // Italian "a" is the English article ("a Boston man"), French "à" folds to it: neither is a
  // cue in English text, and Italian "a" is none in German text.
  EXPECT_EQ(PlaceAt("He bought a Dravicco scarf at the market.", "en", "Dravicco"), "");
  EXPECT_EQ(PlaceAt("Er kaufte a Dravicco Schal.", "de", "Dravicco"), "");
  // The same sentence in Italian is read with the cue.
  EXPECT_EQ(PlaceAt("Ieri a Dravicco un attacco.", "it", "Dravicco"), "Dravik");
}

TEST_F(LocativeCuesTest, ComparableRivalStillBlocksTheExonym) {
  // "Stellano" is also recorded for the capital, but a town of a fifteenth its size is spelled
  // so: a reader cannot tell which is meant, and the capital is not taken.
  EXPECT_NE(PlaceAt("Ieri a Stellano un'autobomba ha ucciso tre persone.", "it", "Stellano"),
            "Dravik");
}

TEST_F(LocativeCuesTest, RussianEndingsWithTheirNominative) {
  // "в Белогорном" is the locative of the adjective "Белогорный"; "в Зеларии" of "Зелария".
  auto ms = FindIn("Взрыв в Белогорном убил двух человек.", "ru");
  const PlaceMention* m = At(ms, "Белогорном");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Belogorny");
  EXPECT_EQ(m->span.size(), std::string_view("Белогорном").size());  // the whole inflected word
  EXPECT_EQ(PlaceAt("Взрыв в Зеларии убил двух человек.", "ru", "Зеларии"), "Zelaria");
}

// The real gazetteer's alternate names (GeoNames) in sentences of each language.
TEST(LocativeCuesRealTest, RealGazetteerFindsExonyms) {
  std::string path = DataPath("gazetteer/gazetteer.bin");
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok());
  auto geo = Geocoder::Create(g->get());
  ASSERT_TRUE(geo.ok());
  struct Case {
    const char* lang;
    const char* text;
    const char* surface;
    const char* country;
  };
  const Case cases[] = {
      {"it", "Ieri sera a Mogadiscio un'autobomba ha ucciso sei persone.", "Mogadiscio", "SO"},
      {"it", "Un uomo armato ha sparato sulla folla a Mosca.", "Mosca", "RU"},
      {"fr", "Deux policiers ont été blessés à Moscou dimanche.", "Moscou", "RU"},
      {"es", "Un coche bomba estalló en Damasco el martes.", "Damasco", "SY"},
      {"pt", "Um carro-bomba explodiu em Damasco na terça-feira.", "Damasco", "SY"},
      {"de", "Bei einem Angriff in Kiew starben vier Menschen.", "Kiew", "UA"},
      {"tr", "Dün akşam Kabil'de bir bomba patladı.", "Kabil", "AF"},
      {"tr", "Halep'teki saldırıda beş kişi öldü.", "Halep", "SY"},
      {"ru", "Вчера в Грозном прогремел взрыв.", "Грозном", "RU"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    auto ms = (*geo)->Find(text, Doc(), c.lang);
    bool found = false;
    for (const PlaceMention& m : ms) {
      const std::string_view surface = std::string_view(text).substr(m.span.begin, m.span.size());
      if (surface == c.surface && m.place.country == c.country) found = true;
    }
    EXPECT_TRUE(found) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
