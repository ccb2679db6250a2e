#include "resolve/rules.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"

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

TEST(AttackMethodTest, ShippedMethodsTellBombsFromAirStrikes) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const uint16_t suicide = r->MethodOf("Suicide bomb");
  const uint16_t ied = r->MethodOf("Remote explosive/landmine/IED");
  const uint16_t air = r->MethodOf("Air/drone strike");
  const uint16_t shelling = r->MethodOf("Shelling/artillery/missile attack");
  const uint16_t clash = r->MethodOf("Armed clash");
  ASSERT_NE(suicide, 0);
  ASSERT_NE(air, 0);
  EXPECT_EQ(suicide, ied);  // one method: explosives
  EXPECT_TRUE(r->MethodsConflict(suicide, air));
  EXPECT_TRUE(r->MethodsConflict(air, ied));
  EXPECT_TRUE(r->MethodsConflict(clash, shelling));
  // One attack told two ways: an ambush opened with a bomb; a missile strike.
  EXPECT_FALSE(r->MethodsConflict(ied, clash));
  EXPECT_FALSE(r->MethodsConflict(air, shelling));
  // A generic "Attack" names no method; a side naming none never conflicts.
  EXPECT_EQ(r->MethodOf("Attack"), 0);
  EXPECT_EQ(r->MethodOf(""), 0);
  EXPECT_FALSE(r->MethodsConflict(0, air));
  // One method in common is enough, whatever else either side names.
  EXPECT_FALSE(r->MethodsConflict(static_cast<uint16_t>(air | suicide), suicide));
}

TEST(AttackMethodTest, WithoutTheFileNothingConflicts) {
  ResolveRules r;
  EXPECT_EQ(r.MethodOf("Suicide bomb"), 0);
  EXPECT_FALSE(r.MethodsConflict(1, 2));
}

}  // namespace
}  // namespace sitrep
