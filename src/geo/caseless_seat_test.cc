// Caseless scripts (Arabic, Urdu, Hindi): a district's seat named beside a locative word counts
// as a place when its country is in view, though it is neither a large town nor a provincial
// capital. Uses a gazetteer written here (GazetteerWriter) and the word lists under data/geo/.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geo_test_util.h"

namespace sitrep {
namespace {

class CaselessSeatTest : public geo_test::WrittenGazetteerTest<CaselessSeatTest> {
 public:
  static void Write(GazetteerWriter* writer) {
    GazetteerWriter& w = *writer;
    // Invented names in Arabic script: a country, a district seat of 40,000 and a village.
    uint32_t c = geo_test::AddWrittenEntry(&w, "Varistan", "VR", "", 30.0, 40.0, 5000000,
                                           GeoLevel::kCountry, "PCLI");
    w.AddName(c, "\u0641\u0627\u0631\u0633\u062A\u0627\u0646", GazPosting::kAlternate);  // فارستان
    uint32_t s = geo_test::AddWrittenEntry(&w, "Zamrud", "VR", "North", 31.0, 41.0, 40000,
                                           GeoLevel::kPlace, "PPLA2");
    w.AddName(s, "\u0632\u0645\u0631\u0648\u062F", GazPosting::kAlternate);  // زمرود
    uint32_t v = geo_test::AddWrittenEntry(&w, "Kharub", "VR", "North", 31.5, 41.5, 40000,
                                           GeoLevel::kPlace, "PPL");
    w.AddName(v, "\u062E\u0631\u0648\u0628", GazPosting::kAlternate);  // خروب
  }

 protected:
  std::vector<std::string> Found(const std::string& text) {
    std::vector<std::string> out;
    for (const PlaceMention& m : geo_->Find(text, Doc(), "ar")) out.push_back(m.place.name);
    return out;
  }
};

TEST_F(CaselessSeatTest, DistrictSeatCountsWithItsCountryInView) {
  // "Ten soldiers were killed in an attack in the city of Zamrud in Varistan."
  const std::string seat =
      "\u0642\u062A\u0644 \u0639\u0634\u0631\u0629 \u062C\u0646\u0648\u062F \u0641\u064A "
      "\u0647\u062C\u0648\u0645 \u0641\u064A \u0645\u062F\u064A\u0646\u0629 "
      "\u0632\u0645\u0631\u0648\u062F \u0641\u064A \u0641\u0627\u0631\u0633\u062A\u0627\u0646";
  EXPECT_EQ(Found(seat), (std::vector<std::string>{"Zamrud", "Varistan"}));
  // A town of the same size that is no seat still needs more (a second mention, a line start).
  const std::string town =
      "\u0642\u062A\u0644 \u0639\u0634\u0631\u0629 \u062C\u0646\u0648\u062F \u0641\u064A "
      "\u0647\u062C\u0648\u0645 \u0641\u064A \u0645\u062F\u064A\u0646\u0629 "
      "\u062E\u0631\u0648\u0628 \u0641\u064A \u0641\u0627\u0631\u0633\u062A\u0627\u0646";
  EXPECT_EQ(Found(town), (std::vector<std::string>{"Varistan"}));
}

}  // namespace
}  // namespace sitrep
