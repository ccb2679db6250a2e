#include "export/json_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

std::string TreeDump(const Incident& inc) {
  return IncidentToJson(inc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Incident RichIncident() {
  Incident inc;
  inc.id = "inc-7";
  inc.parent = "story-2";
  inc.date = CivilDate{2023, 11, 4};
  inc.date_end = CivilDate{2023, 11, 5};
  inc.country = "Examplestan";
  inc.admin1 = "North \"Quoted\" Province";
  inc.place = "Tab\there";
  inc.lat = 12.3456789;
  inc.lon = -0.00001;  // rounds to 0
  inc.geo_precision = 2;
  inc.event_type = "Explosions/Remote violence";
  inc.sub_event_type = "Air/drone strike";
  inc.perpetrator = "a made-up group";
  inc.killed = Figure{10, 12.5, 1e7};
  inc.killed_by_category["militants"] = Figure{2, 2, 3};
  inc.killed_by_category["bystanders \\ others"] = Figure{1, 1, 1};
  inc.other_figures["abducted"] = Figure{0.333333333, 4, 5};
  inc.documents = {"d1", "d2"};
  inc.mentions = {"d3"};
  Claim c;
  c.doc_id = "d1";
  c.source = "An Invented Daily";
  c.quote = "Twelve died \xe2\x80\x94 a bad byte \xff here, and a bell \x07.";
  c.span = {5, 60};
  c.figure_span = {5, 11};
  c.value = 12;
  c.low = 12;
  c.high = 12;
  c.attributed_to = "the ministry";
  c.published = CivilDate{2023, 11, 5};
  inc.claims = {c, c};
  inc.contradictions.push_back({"killed", "d1 says 12, d2 says 10"});
  inc.why.push_back({"d2", "merged", "same place and date", 0.8765432});
  inc.why.push_back({"d3", "mention", "", -2.0});
  return inc;
}

TEST(JsonCodecTest, IncidentTextEqualsTreeDump) {
  EXPECT_EQ(IncidentToJsonText(RichIncident()), TreeDump(RichIncident()));
  Incident bare;
  bare.id = "x";
  EXPECT_EQ(IncidentToJsonText(bare), TreeDump(bare));
  Incident no_lon = RichIncident();
  no_lon.lon.reset();  // coordinates come in pairs: both null
  EXPECT_EQ(IncidentToJsonText(no_lon), TreeDump(no_lon));
}

TEST(JsonCodecTest, IncidentTextReadsBack) {
  const Incident inc = RichIncident();
  Result<Incident> back = IncidentFromJson(nlohmann::json::parse(IncidentToJsonText(inc)));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->id, inc.id);
  EXPECT_EQ(back->admin1, inc.admin1);
  EXPECT_EQ(back->killed_by_category.size(), 2u);
  EXPECT_DOUBLE_EQ(back->killed_by_category.at("bystanders \\ others").best, 1);
  EXPECT_DOUBLE_EQ(back->other_figures.at("abducted").low, 0.333333);
  ASSERT_EQ(back->claims.size(), 2u);
  EXPECT_EQ(back->claims[0].quote.find('\xff'), std::string::npos);  // replaced by U+FFFD
  ASSERT_EQ(back->why.size(), 2u);
  EXPECT_DOUBLE_EQ(back->why[0].score, 0.876543);
}

PlaceMention MakePlace(uint32_t id, const std::string& name, Span span, float confidence) {
  PlaceMention m;
  m.span = span;
  m.confidence = confidence;
  m.place.gazetteer_id = id;
  m.place.name = name;
  m.place.country = "XX";
  m.place.admin1 = name + " Province";
  m.place.lat = 10.25;
  m.place.lon = -3.5;
  m.place.has_coords = true;
  m.place.level = GeoLevel::kPlace;
  m.place.population = 12000 + id;
  return m;
}

// The full JSON entry of a place mention, as an analysis holding only that place writes it.
std::string PlaceFullJson(const PlaceMention& p) {
  DocAnalysis one;
  one.doc_id = "one";
  one.places = {p};
  return nlohmann::json::parse(DocAnalysisToJsonText(one))["places"][0].dump();
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(JsonCodecTest, RepeatedPlacesAreWrittenOnceAndReadBack) {
  DocAnalysis a;
  a.doc_id = "d";
  const PlaceMention town = MakePlace(7, "Newtown", {10, 17}, 0.9f);
  const PlaceMention river = MakePlace(8, "Rivermouth", {30, 40}, 0.5f);
  PlaceMention town_again = town;
  town_again.span = {80, 87};
  town_again.confidence = 0.75f;
  PlaceMention town_moved = town;  // same name, other coordinates: another place
  town_moved.place.lat = 11;
  town_moved.span = {120, 127};
  a.places = {town, river, town_again, town_moved};
  EventMention m;
  m.doc_id = "d";
  PlaceMention elsewhere = MakePlace(9, "Hilltop", {200, 207}, 0.25f);  // not a document place
  m.places = {town_again, elsewhere, river};
  a.mentions = {m};

  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text, DocAnalysisToJson(a).dump());
  EXPECT_EQ(Count(text, "\"gazetteer_id\""), 4u);  // town, river, town_moved, elsewhere
  EXPECT_EQ(Count(text, "\"place_of\""), 3u);

  Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->places.size(), 4u);
  EXPECT_EQ(back->places[2].place.name, "Newtown");
  EXPECT_EQ(back->places[2].place.population, 12007);
  EXPECT_EQ(back->places[2].span.begin, 80u);
  EXPECT_FLOAT_EQ(back->places[2].confidence, 0.75f);
  EXPECT_DOUBLE_EQ(back->places[3].place.lat, 11);
  ASSERT_EQ(back->mentions.size(), 1u);
  ASSERT_EQ(back->mentions[0].places.size(), 3u);
  EXPECT_EQ(back->mentions[0].places[0].place.admin1, "Newtown Province");
  EXPECT_EQ(back->mentions[0].places[0].span.begin, 80u);
  EXPECT_EQ(back->mentions[0].places[1].place.name, "Hilltop");
  EXPECT_EQ(back->mentions[0].places[2].place.name, "Rivermouth");
  EXPECT_EQ(DocAnalysisToJsonText(*back), text);

  // The older form (every place in full) reads the same.
  nlohmann::json full = nlohmann::json::parse(text);
  full["places"][2] = nlohmann::json::parse(PlaceFullJson(town_again));
  full["mentions"][0]["places"][0] = nlohmann::json::parse(PlaceFullJson(town_again));
  Result<DocAnalysis> old = DocAnalysisFromJson(full);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(DocAnalysisToJsonText(*old), text);

  nlohmann::json bad = nlohmann::json::parse(text);
  bad["places"][2]["place_of"] = 2;  // must point to an earlier place
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = nlohmann::json::parse(text);
  bad["mentions"][0]["places"][0]["place_of"] = 4;
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
}

}  // namespace
}  // namespace sitrep
