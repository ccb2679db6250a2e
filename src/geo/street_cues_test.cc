// Street, compass and possessive cues of the geocoder (geocoder.cc MarkStreetCues and the
// minor_form acceptance rule), on the fixture gazetteer. Kept apart from geocoder_test.cc so the
// cue rules can be read and changed on their own.
#include <gtest/gtest.h>

#include "geo/geo_test_util.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

class StreetCueTest : public geo_test::GeocoderFixture {};

// A small town's name in a street's place: the other street of an intersection (after "&" or
// after "<numbered street> and"), after a capitalised compass word, or in the possessive (a
// person or a business). A large town keeps its reading in the same positions.
TEST_F(StreetCueTest, IntersectionsCompassNamesAndPossessivesAreNoSmallTowns) {
  for (const char* text : {
           "A man was shot near 41st and Carney in Springfield, Illinois, on Friday.",
           "A man was shot at Pembroke & Carney in Springfield, Illinois, on Friday.",
           "The house lies just south of East Carney in Springfield, Illinois.",
           "Police said Carney's death was ruled a homicide in Springfield, Illinois.",
           // A possessive owning no noun is a shop, even after a preposition.
           "She was walking toward Carney's on Friday in Springfield, Illinois.",
       }) {
    auto ms = Find(text);
    for (const PlaceMention& m : ms) EXPECT_NE(m.place.name, "Carney") << text;
    EXPECT_NE(At(ms, "Springfield"), nullptr) << text;
  }
  // The plain town, and a numbered street joined by another word, keep the place.
  auto ms = Find("A man was shot in Carney, Maryland, on Friday.");
  EXPECT_NE(At(ms, "Carney"), nullptr);
  ms = Find("A man was shot on 41st Street, and Carney, Maryland, police said.");
  EXPECT_NE(At(ms, "Carney"), nullptr);
  // After a preposition, a possessive owning a noun keeps the place.
  ms = Find("A man was shot in Carney's main square, Maryland, on Friday.");
  EXPECT_NE(At(ms, "Carney"), nullptr);
  // A large city stays a city in the possessive and after a compass word.
  ms = Find("Gunmen attacked Karachi's port on Friday.");
  EXPECT_NE(At(ms, "Karachi"), nullptr);
  ms = Find("Gunmen attacked a market in North Karachi on Friday.");
  EXPECT_NE(At(ms, "Karachi"), nullptr);
}

}  // namespace
}  // namespace sitrep
