// Place names that open with a connector word ("El Fasher", "Des Moines", "Dar es Salaam") and
// names whose inner article is assimilated ("Deir ez-Zor", "Salah ad-Din"): the geocoder finds
// them, while a capitalised connector alone ("On Monday") or two in a row ("Ad Ad") is no place,
// and a sentence-initial preposition ("In Dori") is no part of the name after it.
// Uses a gazetteer written here (GazetteerWriter) and the word lists under data/geo/.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geo_test_util.h"
#include "geo/geocoder.h"
#include "geo/match_key.h"

namespace sitrep {
namespace {

class LeadConnectorTest : public geo_test::WrittenGazetteerTest<LeadConnectorTest> {
 public:
  static void Write(GazetteerWriter* writer) {
    GazetteerWriter& w = *writer;
    auto add = [&](const char* name, const char* cc, const char* a1, double lat, double lon,
                   int64_t pop, GeoLevel level) {
      geo_test::AddWrittenEntry(&w, name, cc, a1, lat, lon, pop, level,
                                level == GeoLevel::kPlace ? "PPL" : "ADM1");
    };
    add("El Fasher", "SD", "North Darfur", 13.63, 25.35, 250000, GeoLevel::kPlace);
    add("Des Moines", "US", "Iowa", 41.60, -93.61, 210000, GeoLevel::kPlace);
    add("Dar es Salaam", "TZ", "Dar es Salaam", -6.82, 39.27, 4000000, GeoLevel::kPlace);
    add("Deir ez-Zor", "SY", "Deir ez-Zor Governorate", 35.34, 40.14, 240000, GeoLevel::kPlace);
    add("Salah ad-Din Governorate", "IQ", "Salah ad-Din Governorate", 34.53, 43.48, 0,
        GeoLevel::kProvince);
    w.AddName(static_cast<uint32_t>(w.size() - 1), "Salah ad-Din", GazPosting::kAlternate);
    add("Monday", "US", "Texas", 30.0, -95.0, 600, GeoLevel::kPlace);
    add("Adad", "IR", "Fars", 29.0, 52.0, 900, GeoLevel::kPlace);
    // "In Dori" folds to the key of this city's alternate "Indori"; "In Salah" is a name.
    add("Korinda", "IN", "Madhya Pradesh", 22.7, 75.8, 1800000, GeoLevel::kPlace);
    w.AddName(static_cast<uint32_t>(w.size() - 1), "Indori", GazPosting::kAlternate);
    add("Dori", "BF", "Sahel Region", 14.03, -0.03, 46000, GeoLevel::kPlace);
    add("In Salah", "DZ", "Tamanrasset", 27.2, 2.47, 32000, GeoLevel::kPlace);
    // GeoNames records "Mocímboa da Praia" by its first word; "Praia" is a capital elsewhere.
    add("Mocímboa", "MZ", "Cabo Delgado", -11.32, 40.35, 28000, GeoLevel::kPlace);
    add("Praia", "CV", "Praia", 14.93, -23.51, 160000, GeoLevel::kPlace);
  }

 protected:
  // Names of the places found in `text`, in text order, with their surface spans.
  std::vector<std::string> Found(const std::string& text) { return FoundWith(text, &Place::name); }
};

TEST_F(LeadConnectorTest, NameOpeningWithAnArticleIsFound) {
  EXPECT_EQ(Found("Shelling in El Fasher killed five people on Sunday."),
            std::vector<std::string>{"El Fasher=El Fasher"});
  EXPECT_EQ(Found("A man was shot in Des Moines late on Friday."),
            std::vector<std::string>{"Des Moines=Des Moines"});
  // Sentence-initial: the connector is capitalised for two reasons at once.
  EXPECT_EQ(Found("El Fasher has been under siege for months."),
            std::vector<std::string>{"El Fasher=El Fasher"});
}

TEST_F(LeadConnectorTest, AssimilatedArabicArticleContinuesTheName) {
  EXPECT_EQ(Found("A blast hit a market in Dar es Salaam on Monday evening."),
            std::vector<std::string>{"Dar es Salaam=Dar es Salaam"});
  EXPECT_EQ(Found("Warplanes struck a residential area in Deir ez-Zor overnight."),
            std::vector<std::string>{"Deir ez-Zor=Deir ez-Zor"});
  std::vector<std::string> salah =
      Found("Militants attacked a checkpoint in Salah ad-Din province.");
  ASSERT_EQ(salah.size(), 1u);
  EXPECT_EQ(salah[0].substr(salah[0].find('=') + 1), "Salah ad-Din Governorate");
}

TEST_F(LeadConnectorTest, ConnectorAloneOrDoubledIsNoPlace) {
  // "On" may start a name but never is one; "Monday" stays a weekday here as before.
  for (const std::string& s : Found("On Monday the market reopened.")) {
    EXPECT_EQ(s.find("On"), std::string::npos) << s;
  }
  // Two connectors in a row ("Ad Ad" of a page's advertising slots) start no name, even when
  // their letters make a gazetteer key.
  EXPECT_TRUE(Found("Skip Ad Ad Loading the page now.").empty());
}

TEST_F(LeadConnectorTest, SentenceInitialPrepositionIsNoPartOfTheName) {
  // Without the rule the joined "In Dori" is read as the Indian city's alternate name.
  EXPECT_EQ(Found("In Dori, gunmen stormed a military camp at dawn."),
            std::vector<std::string>{"Dori=Dori"});
  // A town whose own name opens with the preposition is still found whole.
  EXPECT_EQ(Found("In Salah was quiet on Monday after the strike."),
            std::vector<std::string>{"In Salah=In Salah"});
}

// "Mocímboa da Praia": a town's name, a linking word and a capitalised word the gazetteer does
// not know whole are one place read by its first part; the last word is no place alone.
TEST_F(LeadConnectorTest, LinkedTailBelongsToTheNameBeforeIt) {
  EXPECT_EQ(Found("Insurgents killed six people in Mocímboa da Praia on Wednesday."),
            std::vector<std::string>{"Mocímboa da Praia=Mocímboa"});
  // Without the head the last word is read as ever.
  EXPECT_EQ(Found("A blast hit the port of Praia on Monday."),
            std::vector<std::string>{"Praia=Praia"});
  // A head that is no place's own name links nothing.
  EXPECT_EQ(Found("The Universidade da Praia closed on Monday."),
            std::vector<std::string>{"Praia=Praia"});
}

}  // namespace
}  // namespace sitrep
