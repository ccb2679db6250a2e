// Readings of a name that the gazetteer holds only in another form or place: a town of a script
// that writes every vowel (data/geo/phonetic_scripts.tsv: Devanagari) reached through its Latin
// name; "X district" where the district of that name lies in another province than the one the
// article names; a province joined to the name by a possessive or genitive ("Eastvale's Rampur").
// Uses a gazetteer written here (GazetteerWriter) and the word lists under data/geo/. Every name is
// invented.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geo_test_util.h"

namespace sitrep {
namespace {

class PhoneticScriptTest : public geo_test::WrittenGazetteerTest<PhoneticScriptTest> {
 public:
  static void Write(GazetteerWriter* writer) {
    GazetteerWriter& w = *writer;
    uint32_t c = geo_test::AddWrittenEntry(&w, "Varistan", "VR", "", 30.0, 40.0, 5000000,
                                           GeoLevel::kCountry, "PCLI");
    w.AddName(c, "\u0935\u093E\u0930\u093F\u0938\u094D\u0924\u093E\u0928",  // वारिस्तान
              GazPosting::kAlternate);
    // A district seat with no name recorded in Devanagari.
    geo_test::AddWrittenEntry(&w, "Tarapur", "VR", "North", 31.0, 41.0, 40000, GeoLevel::kPlace,
                              "PPLA2");
    uint32_t east = geo_test::AddWrittenEntry(&w, "Eastvale", "VR", "Eastvale", 32.0, 42.0, 3000000,
                                              GeoLevel::kProvince, "ADM1");
    w.AddName(east, "\u092A\u0942\u0930\u094D\u0935\u093E\u0902\u091A\u0932",  // पूर्वांचल
              GazPosting::kAlternate);
    geo_test::AddWrittenEntry(&w, "Westmark", "VR", "Westmark", 28.0, 38.0, 3000000,
                              GeoLevel::kProvince, "ADM1");
    // District Rampur and its town lie in Westmark; Eastvale has a town Rampur of unknown size
    // whose district the gazetteer lacks.
    geo_test::AddWrittenEntry(&w, "Rampur", "VR", "Westmark", 28.5, 38.5, 400000,
                              GeoLevel::kDistrict, "ADM2");
    geo_test::AddWrittenEntry(&w, "Rampur", "VR", "Westmark", 28.5, 38.5, 250000, GeoLevel::kPlace,
                              "PPL");
    geo_test::AddWrittenEntry(&w, "Rampur", "VR", "Eastvale", 32.5, 42.5, 0, GeoLevel::kPlace,
                              "PPL");
  }

 protected:
  std::vector<std::string> Found(const std::string& text, std::string_view lang) {
    std::vector<std::string> out;
    for (const PlaceMention& m : geo_->Find(text, Doc(), lang)) {
      out.push_back(m.place.name + "/" + m.place.admin1);
    }
    return out;
  }
};

TEST_F(PhoneticScriptTest, DevanagariReachesALatinOnlyName) {
  // "Yesterday a blast in Varistan's Tarapur": तारापुर transliterates to Tarapur's own key.
  const std::string text =
      "\u0935\u093E\u0930\u093F\u0938\u094D\u0924\u093E\u0928 \u0915\u0947 "
      "\u0924\u093E\u0930\u093E\u092A\u0941\u0930 \u092E\u0947\u0902 \u0915\u0932 "
      "\u0927\u092E\u093E\u0915\u093E \u0939\u0941\u0906";
  const std::vector<std::string> found = Found(text, "hi");
  EXPECT_NE(std::find(found.begin(), found.end(), "Tarapur/North"), found.end());
}

TEST_F(PhoneticScriptTest, NamedProvinceOutweighsADistrictElsewhere) {
  EXPECT_EQ(Found("Eight soldiers were killed in Rampur district of Eastvale on Tuesday.", "en"),
            (std::vector<std::string>{"Rampur/Eastvale", "Eastvale/Eastvale"}));
  // With no province named, the district the gazetteer knows.
  EXPECT_EQ(Found("Eight soldiers were killed in Rampur district on Tuesday.", "en"),
            (std::vector<std::string>{"Rampur/Westmark"}));
}

TEST_F(PhoneticScriptTest, ARegionJoinedByAGenitiveOwnsTheName) {
  // "Eastvale's Rampur" ties the name to its province as "Rampur, Eastvale" does.
  EXPECT_EQ(Found("Gunmen killed five people in Eastvale's Rampur on Monday.", "en"),
            (std::vector<std::string>{"Eastvale/Eastvale", "Rampur/Eastvale"}));
  EXPECT_EQ(Found("Gunmen killed five people in Rampur on Monday.", "en"),
            (std::vector<std::string>{"Rampur/Westmark"}));
  // Hindi "के" (geocoder_words.tsv owner_link): "Yesterday an attack in Purvanchal's Rampur".
  const std::string text =
      "\u092A\u0942\u0930\u094D\u0935\u093E\u0902\u091A\u0932 \u0915\u0947 "
      "\u0930\u093E\u092E\u092A\u0941\u0930 \u092E\u0947\u0902 \u0915\u0932 "
      "\u0939\u092E\u0932\u093E \u0939\u0941\u0906";
  const std::vector<std::string> found = Found(text, "hi");
  EXPECT_NE(std::find(found.begin(), found.end(), "Rampur/Eastvale"), found.end());
  EXPECT_EQ(std::find(found.begin(), found.end(), "Rampur/Westmark"), found.end());
}

}  // namespace
}  // namespace sitrep
