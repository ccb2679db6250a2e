#include "resolve/rules.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

Place Town(const char* name, const char* admin1, GeoLevel level = GeoLevel::kPlace) {
  Place p;
  p.name = name;
  p.admin1 = admin1;
  p.level = level;
  return p;
}

TEST(NamesItsProvinceTest, TownSharingItsProvincesName) {
  EXPECT_TRUE(NamesItsProvince(Town("Mopti", "Mopti Region")));
  EXPECT_TRUE(NamesItsProvince(Town("Balkh", "Balkh")));
  EXPECT_TRUE(NamesItsProvince(Town("Aleppo", "Aleppo Governorate")));
  // Diacritics and punctuation fold away: "Al Ḩasakah" / "Al-Hasakah Governorate".
  EXPECT_TRUE(NamesItsProvince(Town("Al \xE1\xB8\xA8" "asakah", "Al-Hasakah Governorate")));
  // Slavic adjectival form of the province: "Donetsk" / "Donetska oblast".
  EXPECT_TRUE(NamesItsProvince(Town("Donetsk", "Donetska oblast")));
  EXPECT_TRUE(NamesItsProvince(Town("Kharkiv", "Kharkivska oblast")));
  // A district bearing the name counts too.
  EXPECT_TRUE(NamesItsProvince(Town("Kaduna", "Kaduna", GeoLevel::kDistrict)));
}

TEST(NamesItsProvinceTest, OtherTownsAndUnitsDoNot) {
  EXPECT_FALSE(NamesItsProvince(Town("Djenne", "Mopti Region")));
  EXPECT_FALSE(NamesItsProvince(Town("Pokrovsk", "Donetska oblast")));
  // A prefix that runs on into a longer word is another name ("Bor" / "Borno").
  EXPECT_FALSE(NamesItsProvince(Town("Bor", "Bornoland State")));
  // The province itself, a place without a province, a too-short name.
  EXPECT_FALSE(NamesItsProvince(Town("Mopti Region", "Mopti Region", GeoLevel::kProvince)));
  EXPECT_FALSE(NamesItsProvince(Town("Juba", "")));
  EXPECT_FALSE(NamesItsProvince(Town("Al", "Al Anbar Governorate")));
}

}  // namespace
}  // namespace sitrep
