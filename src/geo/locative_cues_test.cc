// Locative cues of other languages (data/geo/locative_cues.tsv) and Russian case endings with a
// nominative (geocoder_words.tsv "ending" rows with a third column): a town's exonym counts as a
// place when the article's language puts it in a locative frame ("a Dravicco", "à Dravique",
// "Dravikya'da"), as English "in X" does; a word that is a cue only in another language does
// not.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <string_view>

#include "geo/geo_test_util.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

class LocativeCuesTest : public geo_test::GeocoderFixture {
 protected:
  // The place read in `text` (language `lang`) at the first occurrence of `surface`, spanning
  // exactly its letters; "" when there is none.
  std::string PlaceAt(const std::string& text, std::string_view lang, std::string_view surface) {
    auto ms = FindIn(text, lang);
    const PlaceMention* m = At(ms, surface);
    if (m == nullptr || m->span.size() != surface.size()) return "";
    return m->place.name;
  }
};

TEST_F(LocativeCuesTest, ExonymAfterALocativeWordOfTheLanguage) {
  // Italian "a" before a town; a village spelled as the exonym is no rival to a capital.
  EXPECT_EQ(PlaceAt("Ieri a Dravicco un'autobomba ha ucciso tre persone.", "it", "Dravicco"),
            "Dravik");
  EXPECT_EQ(PlaceAt("L'attacco è avvenuto nel centro, a Dravicco.", "it", "Dravicco"), "Dravik");
  EXPECT_EQ(PlaceAt("Une voiture piégée a explosé à Dravique mardi.", "fr", "Dravique"), "Dravik");
  EXPECT_EQ(PlaceAt("Un coche bomba estalló en Dravicco el martes.", "es", "Dravicco"), "Dravik");
  EXPECT_EQ(PlaceAt("Um carro-bomba explodiu em Dravique ontem.", "pt", "Dravique"), "Dravik");
  // Turkish locative and ablative suffixes after the apostrophe.
  EXPECT_EQ(PlaceAt("Dün Dravikya'da bir bomba patladı.", "tr", "Dravikya"), "Dravik");
  EXPECT_EQ(PlaceAt("Yaralılar Dravikya'dan getirildi.", "tr", "Dravikya"), "Dravik");
}

TEST_F(LocativeCuesTest, NoCueNoExonym) {
  // Without a locative frame an exonym alone is not enough: a Turkish genitive is no locative,
  // and "di" (of) is none.
  EXPECT_EQ(PlaceAt("Dravikya'nın valisi konuştu.", "tr", "Dravikya"), "");
  EXPECT_EQ(PlaceAt("Il sindaco di Dravicco ha parlato.", "it", "Dravicco"), "");
}

TEST_F(LocativeCuesTest, CuesAreTheArticleLanguages) {
  // Italian "a" is the English article ("a Boston man"), French "à" folds to it: neither is a
  // cue in English text, and Italian "a" is none in German text.
  EXPECT_EQ(PlaceAt("He bought a Dravicco scarf at the market.", "en", "Dravicco"), "");
  EXPECT_EQ(PlaceAt("Er kaufte a Dravicco Schal.", "de", "Dravicco"), "");
  EXPECT_EQ(PlaceAt("Ieri a Dravicco un attacco.", "it", "Dravicco"), "Dravik");
}

TEST_F(LocativeCuesTest, ComparableRivalStillBlocksTheExonym) {
  // "Stellano" is also recorded for the capital, but a town of a fifteenth its size is spelled
  // so: a reader cannot tell which is meant, and the capital is not taken.
  EXPECT_NE(PlaceAt("Ieri a Stellano un'autobomba ha ucciso tre persone.", "it", "Stellano"),
            "Dravik");
}

TEST_F(LocativeCuesTest, RussianEndingsWithTheirNominative) {
  // "в Белогорном" is the locative of the adjective "Белогорный", "в Зеларии" of "Зелария"; the
  // mention spans the whole inflected word.
  EXPECT_EQ(PlaceAt("Взрыв в Белогорном убил двух человек.", "ru", "Белогорном"), "Belogorny");
  EXPECT_EQ(PlaceAt("Взрыв в Зеларии убил двух человек.", "ru", "Зеларии"), "Zelaria");
  // Before a noun of its case ("доме") the adjective qualifies that noun: no town.
  EXPECT_EQ(PlaceAt("Совещание прошло в Белогорном доме.", "ru", "Белогорном"), "");
}

TEST_F(LocativeCuesTest, RussianFeminineLocativeReachesTheNominativesTown) {
  // "в Тарзе" is the locative of "Тарза": the town that name spells, not the province abroad
  // whose core name "Tarza" the same coarse key reaches.
  auto ms = FindIn("Взрыв в Тарзе убил двух человек.", "ru");
  const PlaceMention* m = At(ms, "Тарзе");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Tarza");
  EXPECT_EQ(m->place.country, "SY");
  EXPECT_EQ(m->span.size(), std::string_view("Тарзе").size());
  EXPECT_EQ(PlaceAt("Взрыв в Тарза убил двух человек.", "ru", "Тарза"), "Tarza");
}

TEST_F(LocativeCuesTest, ExonymSpelledWithItsLanguagesLettersIsNoGivenName) {
  // Turkish "Şam" folds to the given name "sam"; spelled with "Ş" in a locative frame it is the
  // capital's Turkish name. The plain spelling stays the given name.
  EXPECT_EQ(PlaceAt("Dün Şam'da bir bomba patladı.", "tr", "Şam"), "Qasmir");
  EXPECT_EQ(PlaceAt("Dün Sam'da bir bomba patladı.", "tr", "Sam"), "");
  EXPECT_EQ(PlaceAt("Police questioned Sam in the morning.", "en", "Sam"), "");
}

// The cue tables load only well-formed rows, and a bad row names the file, line and column: a
// misspelt kind is no silent "before" cue, and a suffix that is no name suffix of its language
// (never cut off a name, so never seen after one) is refused.
TEST(LocativeCuesLoadTest, BadRowsNameFileLineAndColumn) {
  auto load_with = [](const std::string& row) {
    const std::string dir = geo_test::CopyGeoTables();
    std::ofstream(dir + "/geo/locative_cues.tsv", std::ios::app) << row;
    return Geocoder::Create(&geo_test::FixtureGazetteer(), dir);
  };
  ASSERT_TRUE(load_with("it\tbefore\tpresso\n").ok());
  auto misspelt = load_with("it\tbefor\tpresso\n");
  ASSERT_FALSE(misspelt.ok());
  const std::string m = misspelt.status().ToString();
  EXPECT_NE(m.find("locative_cues.tsv:"), std::string::npos) << m;
  EXPECT_NE(m.find("column 2"), std::string::npos) << m;
  EXPECT_NE(m.find("befor"), std::string::npos) << m;
  auto uncut = load_with("tr\tsuffix\tdeyken\n");
  ASSERT_FALSE(uncut.ok());
  const std::string u = uncut.status().ToString();
  EXPECT_NE(u.find("column 3"), std::string::npos) << u;
  EXPECT_NE(u.find("deyken"), std::string::npos) << u;
  EXPECT_FALSE(load_with("xx\tsuffix\tda\n").ok());  // a language without name suffixes
}

// The real gazetteer's alternate names (GeoNames) in sentences of each language: the country of
// the place read at each name.
TEST(LocativeCuesRealTest, RealGazetteerFindsExonyms) {
  const Geocoder* geo = geo_test::RealGeocoder();
  if (geo == nullptr) GTEST_SKIP() << "no real gazetteer";
  auto country_at = [&](std::string_view lang, const std::string& text, std::string_view name) {
    for (const PlaceMention& m : geo->Find(text, Doc(), lang)) {
      if (std::string_view(text).substr(m.span.begin, m.span.size()) == name) {
        return m.place.country;
      }
    }
    return std::string();
  };
  struct Case {
    const char *lang, *text, *name, *country;
  };
  const Case cases[] = {
      {"it", "Ieri sera a Mogadiscio un'autobomba ha ucciso sei persone.", "Mogadiscio", "SO"},
      {"it", "Un uomo armato ha sparato sulla folla a Mosca.", "Mosca", "RU"},
      {"fr", "Deux policiers ont été blessés à Moscou dimanche.", "Moscou", "RU"},
      {"es", "Un coche bomba estalló en Damasco el martes.", "Damasco", "SY"},
      {"pt", "Um carro-bomba explodiu em Damasco ontem.", "Damasco", "SY"},
      {"de", "Bei einem Angriff in Kiew starben vier Menschen.", "Kiew", "UA"},
      {"tr", "Dün akşam Kabil'de bir bomba patladı.", "Kabil", "AF"},
      {"tr", "Halep'teki saldırıda beş kişi öldü.", "Halep", "SY"},
      {"ru", "Вчера в Грозном прогремел взрыв.", "Грозном", "RU"},
      // A short name: the nominative looked up ("Сирия") is long enough, the bare stem is not.
      {"ru", "Боевики атаковали колонну в Сирии.", "Сирии", "SY"},
      // A feminine name's locative reaches the town its nominative names ("Газа"), not a
      // province whose core name shares the key; a larger town keeps its inflected form from a
      // smaller namesake spelled as the nominative ("Odessa", Texas).
      {"ru", "В понедельник в Газе авиаудар разрушил дом.", "Газе", "PS"},
      {"ru", "Вечером в Одессе прогремели взрывы.", "Одессе", "UA"},
      // Provinces by their Russian names (data/geo/extra_places.tsv).
      {"ru", "Во вторник в Чечне задержали боевика.", "Чечне", "RU"},
      {"ru", "В Дагестане боевики напали на пост.", "Дагестане", "RU"},
      // Ukraine's oblasts by their Ukrainian and Russian names (extra_places.tsv, unit_form).
      {"uk", "Уночі в Харківській області загинули троє.", "Харківській області", "UA"},
      {"ru", "Ночью в Запорожской области погибли двое.", "Запорожской области", "UA"},
      // Genitive -и: the bare stem first ("Твери" of Тверь), else the nominative in -я ("Чечни").
      {"ru", "Боевики напали на полицейских на юге Чечни.", "Чечни", "RU"},
      {"ru", "Полиция Твери сообщила о стрельбе.", "Твери", "RU"},
      // An Indian state by its Hindi name, its final inherent vowel silent.
      {"hi", "मणिपुर में गोलीबारी में चार लोग मारे गए।", "मणिपुर", "IN"},
      // Turkish "Şam" (Damascus) is no given name "Sam".
      {"tr", "Pazartesi günü Şam'da bir bomba patladı.", "Şam", "SY"},
  };
  for (const Case& c : cases) EXPECT_EQ(country_at(c.lang, c.text, c.name), c.country) << c.text;
  // A compass noun after a cue is a direction, not the province or country its key reaches;
  // an adjective before its noun names no town ("Белый", "Красный" are also towns' names).
  EXPECT_TRUE(geo->Find("Im Süden wurden drei Häuser zerstört.", Doc(), "de").empty());
  EXPECT_TRUE(geo->Find("Совещание прошло в Белом доме вчера.", Doc(), "ru").empty());
  EXPECT_TRUE(geo->Find("Корабль атаковали в Красном море.", Doc(), "ru").empty());
  EXPECT_TRUE(
      geo->Find("Un attacco nel Nord del paese ha ucciso tre persone.", Doc(), "it").empty());
  // After a unit word the compass noun is a province's name: Haiti's Nord when Haiti is named.
  const std::string nord = "Des hommes armés ont attaqué le département du Nord, en Haïti.";
  bool haiti_nord = false;
  for (const PlaceMention& m : geo->Find(nord, Doc(), "fr")) {
    haiti_nord |= m.place.country == "HT" && m.place.level == GeoLevel::kProvince &&
                  m.place.admin1 == "Nord" && m.place.lat > 19 && m.place.lat < 20.2;
  }
  EXPECT_TRUE(haiti_nord);
  // The Russian names are provinces: the admin1 of the mention.
  auto chechnya = geo->Find("Взрыв произошел в Чечне.", Doc(), "ru");
  ASSERT_EQ(chechnya.size(), 1u);
  EXPECT_EQ(chechnya[0].place.level, GeoLevel::kProvince);
  EXPECT_EQ(chechnya[0].place.admin1, "Chechen Republic");
  auto chechni = geo->Find("Боевики напали на полицейских на юге Чечни.", Doc(), "ru");
  ASSERT_EQ(chechni.size(), 1u);
  EXPECT_EQ(chechni[0].place.admin1, "Chechen Republic");
  auto tver = geo->Find("Полиция Твери сообщила о стрельбе.", Doc(), "ru");
  ASSERT_EQ(tver.size(), 1u);
  EXPECT_EQ(tver[0].place.name, "Tver");
  auto kharkiv = geo->Find("Уночі в Харківській області загинули троє.", Doc(), "uk");
  ASSERT_EQ(kharkiv.size(), 1u);
  EXPECT_EQ(kharkiv[0].place.level, GeoLevel::kProvince);
  EXPECT_EQ(kharkiv[0].place.admin1, "Kharkivska oblast");
}

TEST_F(LocativeCuesTest, UnitNounBeforeTheNameKeepsItsLocativeFrame) {
  // "в городе Тарза", "in der Stadt Dravicco": a unit noun the language puts right before the
  // name (admin_suffixes.tsv "before") neither joins the name nor breaks the locative frame.
  EXPECT_EQ(PlaceAt("Взрыв произошёл в городе Тарза в понедельник.", "ru", "Тарза"), "Tarza");
  EXPECT_EQ(PlaceAt("Die Explosion ereignete sich in der Stadt Dravicco.", "de", "Dravicco"),
            "Dravik");
  // Without the unit noun a German capitalised word before the name makes one longer name.
  EXPECT_EQ(PlaceAt("Die Explosion ereignete sich in der Altstadt Dravicco.", "de", "Dravicco"),
            "");
}

TEST_F(LocativeCuesTest, UnitNounAfterTheNameWithACaseSuffix) {
  // Turkish "Şam kentinde" (in the city of Şam): the unit noun carries the locative.
  auto ms = FindIn("Dün Şam kentinde bir bomba patladı.", "tr");
  const PlaceMention* m = At(ms, "Şam");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Qasmir");
}

TEST_F(LocativeCuesTest, AdjectivalRegionNameWithItsUnitNoun) {
  // "в Ставровской области" is "Ставровская область" (geocoder_words.tsv unit_form), the
  // province, spanning both words; the bare adjective names nothing.
  const std::string text = "Вчера в Ставровской области погибли трое.";
  auto ms = FindIn(text, "ru");
  const PlaceMention* m = At(ms, "Ставровской");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Stavrovo Oblast");
  EXPECT_EQ(m->place.level, GeoLevel::kProvince);
  EXPECT_EQ(text.substr(m->span.begin, m->span.size()), "Ставровской области");
  EXPECT_EQ(At(FindIn("Вчера Ставровской погибли трое.", "ru"), "Ставровской"), nullptr);
}

}  // namespace
}  // namespace sitrep
