// English phrases that call a name a place: a unit noun and "of" before it ("near the city of
// X", "the village of X"), a noun of a town's surroundings ("on the outskirts of X"), and a
// transliteration that doubles or drops a repeated letter of the official name ("Harbaayo" for
// Harbayo) after a locative word.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "geo/geo_test_util.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

class PlacePhraseTest : public geo_test::GeocoderFixture {
 protected:
  // The place read in English `text` at the first occurrence of `surface`, spanning exactly its
  // letters; "" when there is none.
  std::string PlaceAt(const std::string& text, std::string_view surface) {
    auto ms = Find(text);
    const PlaceMention* m = At(ms, surface);
    if (m == nullptr || m->span.size() != surface.size()) return "";
    return m->place.name;
  }
};

TEST_F(PlacePhraseTest, SmallVillageNeedsAPhraseThatCallsItAPlace) {
  // A bare small village with no country in view is too weak a reading.
  EXPECT_EQ(PlaceAt("Gunmen raided Dalmaro before dawn on Tuesday.", "Dalmaro"), "");
  EXPECT_EQ(PlaceAt("Gunmen raided the village of Dalmaro before dawn on Tuesday.", "Dalmaro"),
            "Dalmaro");
  EXPECT_EQ(PlaceAt("Two traders were shot near the town of Dalmaro late on Friday.", "Dalmaro"),
            "Dalmaro");
  EXPECT_EQ(PlaceAt("Mortar rounds landed on the outskirts of Dalmaro overnight.", "Dalmaro"),
            "Dalmaro");
  EXPECT_EQ(PlaceAt("Families fled the suburbs of Dalmaro as the fighting spread.", "Dalmaro"),
            "Dalmaro");
}

TEST_F(PlacePhraseTest, OtherNounsOfAreNoPlacePhrase) {
  // "of" after a noun that names neither a unit nor a town's surroundings says nothing.
  EXPECT_EQ(PlaceAt("Gunmen raided the farm of Dalmaro before dawn on Tuesday.", "Dalmaro"), "");
  // A capitalised unit word is part of a longer name, not a unit before this one.
  EXPECT_EQ(PlaceAt("Gunmen raided the Village of Dalmaro before dawn on Tuesday.", "Dalmaro"), "");
}

TEST_F(PlacePhraseTest, DoubledLetterSpellingAfterALocativeWord) {
  // The text doubles the official name's single "a" (or drops a double): a transliteration of
  // the same town when a locative word frames it, directly or through "the city of".
  EXPECT_EQ(PlaceAt("A roadside bomb struck a minibus near Harbaayo on Monday.", "Harbaayo"),
            "Harbayo");
  EXPECT_EQ(PlaceAt("Clashes broke out in Harbbayo late on Monday.", "Harbbayo"), "Harbayo");
  EXPECT_EQ(PlaceAt("A bomb went off in the city of Harbaayo on Monday.", "Harbaayo"), "Harbayo");
  // Without the frame the other spelling is no evidence of the place.
  EXPECT_EQ(PlaceAt("Harbaayo traders met the governor on Monday.", "Harbaayo"), "");
  EXPECT_EQ(PlaceAt("The governor praised Harbaayo on Monday.", "Harbaayo"), "");
}

}  // namespace
}  // namespace sitrep
