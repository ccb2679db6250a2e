#include "resolve/place_names.h"

#include <gtest/gtest.h>

#include "export/export.h"

namespace sitrep {
namespace {

constexpr char kAbbrevs[] =
    "# test table\n"
    "st\tsaint\n"
    "ft\tfort\n"
    "mt\tmount\n";
constexpr char kSuffixes[] =
    "# test table\n"
    "county\tdistrict\n"
    "district\tdistrict\n"
    "province\tprovince\n"
    "town\tplace\n"
    "city\tplace\n";

std::unique_ptr<PlaceNames> Names() { return PlaceNames::FromTables(kAbbrevs, kSuffixes); }

using Strings = std::vector<std::string>;

TEST(PlaceNamesTest, VariantsSpellOutAndAbbreviate) {
  auto names = Names();
  EXPECT_EQ(names->Variants("St. Louis"), Strings({"Saint Louis"}));
  EXPECT_EQ(names->Variants("St Louis"), Strings({"Saint Louis"}));
  EXPECT_EQ(names->Variants("Saint Louis"), Strings({"St. Louis"}));
  EXPECT_EQ(names->Variants("Fort Worth"), Strings({"Ft. Worth"}));
  // A word inside the name counts too; each word switches on its own.
  EXPECT_EQ(names->Variants("Port St. Lucie"), Strings({"Port Saint Lucie"}));
  EXPECT_EQ(names->Variants("Mount Saint Joseph"), Strings({"Mt. St. Joseph"}));
  EXPECT_EQ(names->Variants("Ft. Saint Ives"), Strings({"Fort Saint Ives", "Ft. St. Ives"}));
  // No table word: no variant. A word that merely starts like one is no match.
  EXPECT_TRUE(names->Variants("Stockton").empty());
  EXPECT_TRUE(names->Variants("Fortuna").empty());
  EXPECT_TRUE(names->Variants("").empty());
}

TEST(PlaceNamesTest, AliasesFoldCaseAndSpaceAndSkipTheCanonical) {
  auto names = Names();
  EXPECT_EQ(names->Aliases("Brookhaven", {"BROOKHAVEN", "brookhaven", " Brook  haven "}),
            Strings({"Brook haven"}));
  // The mixed-case spelling is shown rather than the headline capitals, whatever the order.
  EXPECT_EQ(names->Aliases("Qavat", {"KAVAT", "Kavat"}), Strings({"Kavat"}));
  EXPECT_EQ(names->Aliases("Qavat", {"Kavat", "KAVAT"}), Strings({"Kavat"}));
  // Surfaces first (by folded form), then the canonical name's variants, without repeats.
  EXPECT_EQ(names->Aliases("Saint Louis", {"St. Louis", "Saint Louis", "St Louis"}),
            Strings({"St Louis", "St. Louis"}));
  EXPECT_EQ(names->Aliases("St. Louis", {"Saint Louis"}), Strings({"Saint Louis"}));
  EXPECT_EQ(names->Aliases("St. Louis", {}), Strings({"Saint Louis"}));
}

TEST(PlaceNamesTest, AliasesLeaveOutUnitsAndOtherNames) {
  auto names = Names();
  // The county the town was found under names the county, not the town.
  EXPECT_TRUE(names->Aliases("Greenfield", {"Harlan County"}).empty());
  EXPECT_TRUE(names->Aliases("Greenfield", {"Greenfield district"}).empty());
  // A settlement word is no part of the name.
  EXPECT_EQ(names->Aliases("Pahalgam", {"Pahalgaam town"}), Strings({"Pahalgaam"}));
  EXPECT_TRUE(names->Aliases("Pahalgam", {"Pahalgam town"}).empty());
  // Another place taken for this one (a neighbourhood read as its city, a misread word) is no
  // spelling of it.
  EXPECT_TRUE(names->Aliases("Riverton", {"Oak Hollow"}).empty());
  EXPECT_TRUE(names->Aliases("Eastby", {"ANYBODY"}).empty());
  // Spellings: a changed letter, an added word, a shared start, another script.
  EXPECT_EQ(names->Aliases("Lisbon", {"Lisbonne"}), Strings({"Lisbonne"}));
  EXPECT_EQ(names->Aliases("The Hollows", {"Hollows"}), Strings({"Hollows"}));
  EXPECT_EQ(names->Aliases("Karimabad Bazar", {"Karimabaad"}), Strings({"Karimabaad"}));
  EXPECT_EQ(names->Aliases("Kyiv", {"Київ"}), Strings({"Київ"}));
}

TEST(PlaceNamesTest, CollectSpellingsReadsTheTextUnderTheSpan) {
  Article article;
  article.doc_id = "d1";
  article.text = "Gunmen attacked a market in KAVAT on Monday. Kavat  Town was calm.";
  DocAnalysis a;
  a.doc_id = "d1";
  EventMention m;
  Place p;
  p.name = "Qavat";
  p.country = "AF";
  p.admin1 = "Zabul";
  p.level = GeoLevel::kPlace;
  const uint32_t first = static_cast<uint32_t>(article.text.find("KAVAT"));
  const uint32_t second = static_cast<uint32_t>(article.text.find("Kavat  Town"));
  m.places.push_back(PlaceMention{Span{first, first + 5}, p, 1.0f});
  m.places.push_back(PlaceMention{Span{second, second + 11}, p, 1.0f});
  m.places.push_back(PlaceMention{Span{second, 9999}, p, 1.0f});  // out of the text: skipped
  Place same = p;
  same.name = "Qavat";
  const uint32_t q = static_cast<uint32_t>(article.text.find("on Monday"));
  m.places.push_back(PlaceMention{Span{q, q + 2}, same, 1.0f});
  a.mentions.push_back(m);
  // The gazetteer's own spelling is not kept: it is the canonical name already.
  DocAnalysis b = a;
  b.mentions[0].places = {PlaceMention{Span{0, 5}, p, 1.0f}};
  EXPECT_TRUE(CollectSpellings("Qavat", b).empty());

  const std::vector<PlaceSpelling> sp = CollectSpellings(article.text, a);
  const std::string key = PlaceKey("AF", "Zabul", "Qavat");
  ASSERT_EQ(sp.size(), 3u);
  EXPECT_EQ(sp[0], (PlaceSpelling{key, "KAVAT"}));
  EXPECT_EQ(sp[1], (PlaceSpelling{key, "Kavat Town"}));
  EXPECT_EQ(sp[2], (PlaceSpelling{key, "on"}));

  // FillOne() gives the incident the spellings of its own documents only, of its own place
  // only.
  auto names = Names();
  std::vector<DocAnalysis> docs(4);
  docs[0].doc_id = "d1";
  docs[0].place_spellings = sp;
  docs[1].doc_id = "d2";
  docs[1].place_spellings = {PlaceSpelling{PlaceKey("AF", "Kandahar", "Qavat"), "Qavvat"},
                             PlaceSpelling{key, "Qavaat"}};  // sorted
  docs[2].doc_id = "d3";
  docs[2].place_spellings = {PlaceSpelling{key, "Qavatt"}};
  docs[3].doc_id = "d1";  // a repeated doc_id counts once, as first added
  docs[3].place_spellings = {PlaceSpelling{key, "Qevat"}};
  const PlaceSpellingIndex index(docs);
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.Find("d1"), sp);
  EXPECT_TRUE(index.Find("d9").empty());
  IncidentSet set;
  Incident inc;
  inc.place = "Qavat";
  inc.country = "AF";
  inc.admin1 = "Zabul";
  inc.documents = {"d1", "d2"};
  set.incidents.push_back(inc);
  Incident no_place = inc;
  no_place.place.clear();
  set.incidents.push_back(no_place);
  for (Incident& i : set.incidents) names->FillOne(index, &i);
  EXPECT_EQ(set.incidents[0].place_aliases, Strings({"Kavat", "Qavaat"}));
  EXPECT_TRUE(set.incidents[1].place_aliases.empty());
  IncidentSet from_analyses = set;
  for (Incident& i : from_analyses.incidents) names->FillOne(PlaceSpellingIndex(docs), &i);
  EXPECT_EQ(from_analyses.incidents[0].place_aliases, Strings({"Kavat", "Qavaat"}));
  names->FillOne(PlaceSpellingIndex(), &set.incidents[0]);
  EXPECT_TRUE(set.incidents[0].place_aliases.empty());
}

TEST(PlaceNamesTest, AliasesSurviveTheJsonRoundTripAndReachGeoJson) {
  IncidentSet set;
  Incident inc;
  inc.id = "i1";
  inc.country = "US";
  inc.place = "St. Louis";
  inc.place_aliases = {"Saint Louis"};
  inc.lat = 38.6;
  inc.lon = -90.2;
  set.incidents.push_back(inc);
  const std::string json = IncidentsToJson(set);
  EXPECT_NE(json.find("\"place_aliases\": [\n        \"Saint Louis\"\n      ]"), std::string::npos)
      << json;
  Result<IncidentSet> back = IncidentsFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->incidents[0].place_aliases, Strings({"Saint Louis"}));
  EXPECT_NE(IncidentsToGeoJson(set).find("\"place_aliases\""), std::string::npos);
  // A document written before the field existed reads with no aliases.
  std::string old = json;
  old.erase(old.find("\"place_aliases\""),
            old.find("\"killed_by_category\"") - old.find("\"place_aliases\""));
  Result<IncidentSet> old_back = IncidentsFromJson(old);
  ASSERT_TRUE(old_back.ok()) << old_back.status().message();
  EXPECT_TRUE(old_back->incidents[0].place_aliases.empty());
}

}  // namespace
}  // namespace sitrep
