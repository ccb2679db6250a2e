#include "export/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/json_codec.h"

namespace sitrep {
namespace {

Claim MakeClaim() {
  Claim c;
  c.doc_id = "doc-1";
  c.source = "Example Post";
  c.quote = "At least 12 people were killed, officials said.";
  c.span = {100, 147};
  c.figure_span = {109, 111};
  c.field = Field::kKilled;
  c.category = Category::kCivilians;
  c.value = 12;
  c.low = 12;
  c.high = 20.5;
  c.qualifier = Qualifier::kAtLeast;
  c.attributed_to = "officials";
  c.scope = Scope::kWave;
  c.independent = false;
  c.published = CivilDate{2024, 2, 3};
  return c;
}

IncidentSet MakeSet() {
  Incident story;
  story.id = "inc-story";
  story.date = CivilDate{2024, 2, 1};
  story.date_end = CivilDate{2024, 2, 2};
  story.country = "PK";
  story.admin1 = "Balochistan";
  story.geo_precision = 3;
  story.event_type = "Explosions/Remote violence";
  story.killed = Figure{12, 14, 20};
  story.documents = {"doc-1", "doc-2"};
  Incident child;
  child.id = "inc-child";
  child.parent = "inc-story";
  child.date = CivilDate{2024, 2, 1};
  child.country = "PK";
  child.admin1 = "Balochistan";
  child.admin2 = "Example, District";
  child.place = "Town \"North\"";
  child.lat = 29.123456789;
  child.lon = 66.5;
  child.geo_precision = 1;
  child.event_type = "Battles";
  child.sub_event_type = "Armed clash";
  child.perpetrator = "Example Front";
  child.killed = Figure{3, 3.5, 4};
  child.injured = Figure{10, 10, 10};
  child.killed_by_category["civilians"] = Figure{2, 2, 2};
  child.killed_by_category["police"] = Figure{1, 1, 1};
  child.other_figures["abducted"] = Figure{5, 5, 5};
  child.documents = {"doc-1"};
  child.mentions = {"doc-9"};
  child.claims = {MakeClaim()};
  child.contradictions = {{"killed", "doc-1 says 3, doc-2 says 4"}};
  child.why = {{"doc-1", "attached", "same day, same district", 0.875}};
  return IncidentSet{{story, child}};
}

TEST(ExportTest, JsonRoundTrip) {
  const IncidentSet set = MakeSet();
  const std::string text = IncidentsToJson(set);
  Result<IncidentSet> back = IncidentsFromJson(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->incidents.size(), 2u);
  // Writing what was read gives the same bytes.
  EXPECT_EQ(IncidentsToJson(*back), text);
  const Incident& c = back->incidents[1];
  EXPECT_EQ(c.parent, "inc-story");
  EXPECT_EQ(c.place, "Town \"North\"");
  ASSERT_TRUE(c.lat.has_value());
  EXPECT_DOUBLE_EQ(*c.lat, 29.123457);  // rounded to 1e-6
  EXPECT_DOUBLE_EQ(c.killed->best, 3.5);
  EXPECT_DOUBLE_EQ(c.killed_by_category.at("police").best, 1);
  EXPECT_EQ(c.killed_by_category.count("militants"), 0u);
  EXPECT_DOUBLE_EQ(c.other_figures.at("abducted").best, 5);
  ASSERT_EQ(c.claims.size(), 1u);
  const Claim& cl = c.claims[0];
  EXPECT_EQ(cl.quote, MakeClaim().quote);
  EXPECT_EQ(cl.span, (Span{100, 147}));
  EXPECT_EQ(cl.figure_span, (Span{109, 111}));
  EXPECT_EQ(cl.qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(cl.category, Category::kCivilians);
  EXPECT_EQ(cl.scope, Scope::kWave);
  EXPECT_FALSE(cl.independent);
  EXPECT_EQ(cl.published, (CivilDate{2024, 2, 3}));
  EXPECT_EQ(c.why[0].detail, "same day, same district");
  EXPECT_DOUBLE_EQ(c.why[0].score, 0.875);
}

TEST(ExportTest, JsonMatchesTheDocumentedShape) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(IncidentsToJson(MakeSet()));
  EXPECT_EQ(doc["schema"], "sitrep-incidents/1");
  const auto& story = doc["incidents"][0];
  EXPECT_TRUE(story["parent"].is_null());
  EXPECT_TRUE(story["place"].is_null());
  EXPECT_TRUE(story["lat"].is_null());
  EXPECT_TRUE(story["injured"].is_null());
  EXPECT_EQ(story["date"], "2024-02-01");
  EXPECT_TRUE(story["killed"]["best"].is_number_integer());  // 14, not 14.0
  for (const char* cat : {"civilians", "security_forces", "militants"}) {
    EXPECT_TRUE(story["killed_by_category"].contains(cat));
  }
  const auto& claim = doc["incidents"][1]["claims"][0];
  for (const char* k : {"doc_id", "source", "field", "value", "low", "high", "qualifier",
                        "category", "attributed_to", "quote", "span", "independent", "scope"}) {
    EXPECT_TRUE(claim.contains(k)) << k;
  }
  EXPECT_EQ(claim["qualifier"], "at_least");
  EXPECT_EQ(claim["span"], nlohmann::ordered_json::array({100, 147}));
  // Key order is fixed: id first.
  EXPECT_EQ(story.begin().key(), "id");
}

TEST(ExportTest, JsonReaderRejectsBadDocuments) {
  EXPECT_FALSE(IncidentsFromJson("{").ok());
  EXPECT_FALSE(IncidentsFromJson("{\"schema\": \"other/1\", \"incidents\": []}").ok());
  Result<IncidentSet> r = IncidentsFromJson(
      "{\"schema\": \"sitrep-incidents/1\", \"incidents\": [{\"id\": \"i1\", \"lat\": \"north\"}]}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("incident 'i1': field 'lat': expected a number"),
            std::string::npos);
}

TEST(ExportTest, CsvQuotingAndColumns) {
  const std::string csv = IncidentsToCsv(MakeSet());
  const std::string header =
      "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,"
      "admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,"
      "fatalities_low,fatalities_high,injured_best,parent_id\r\n";
  ASSERT_EQ(csv.substr(0, header.size()), header);
  const std::string story_row =
      "inc-story,2024-02-01,2024,2,Explosions/Remote violence,,,PK,Balochistan,,,,,3,,,14,12,20,,"
      "\r\n";
  const std::string child_row =
      "inc-child,2024-02-01,2024,1,Battles,Armed clash,Example Front,PK,Balochistan,"
      "\"Example, District\",\"Town \"\"North\"\"\",29.123457,66.5,1,Example Post,"
      "\"At least 12 people were killed, officials said.\",3.5,3,4,10,inc-story\r\n";
  EXPECT_EQ(csv, header + story_row + child_row);
}

TEST(ExportTest, GeoJsonPointsOnlyForPlacedIncidents) {
  nlohmann::json fc = nlohmann::json::parse(IncidentsToGeoJson(MakeSet()));
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), 1u);  // the story has no coordinates
  const auto& f = fc["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_EQ(f["geometry"]["coordinates"], nlohmann::json::array({66.5, 29.123457}));
  EXPECT_EQ(f["properties"]["id"], "inc-child");
  EXPECT_EQ(f["properties"]["parent"], "inc-story");
}

TEST(ExportTest, NumbersHaveNoExponentNoise) {
  EXPECT_EQ(JsonNumber(23.0).dump(), "23");
  EXPECT_EQ(JsonNumber(0.1 + 0.2).dump(), "0.3");
  EXPECT_EQ(JsonNumber(1e-9).dump(), "0");
  EXPECT_EQ(JsonNumber(-71.0000004).dump(), "-71");
  EXPECT_EQ(JsonNumber(1e12).dump(), "1000000000000");
}

TEST(ExportTest, DocAnalysisRoundTrip) {
  DocAnalysis a;
  a.doc_id = "doc-1";
  a.published = CivilDate{2024, 2, 3};
  a.copy_of = "doc-0";
  EventMention m;
  m.doc_id = "doc-1";
  m.span = {0, 40};
  m.trigger = {10, 15};
  m.event_type = "Battles";
  m.date.span = {20, 28};
  m.date.date = CivilDate{2024, 2, 1};
  m.date.precision = DatePrecision::kDay;
  m.date.relative = true;
  PlaceMention pm;
  pm.span = {30, 36};
  pm.place.gazetteer_id = 77;
  pm.place.name = "Exampletown";
  pm.place.country = "PK";
  pm.place.lat = 30.5;
  pm.place.lon = 67.25;
  pm.place.has_coords = true;
  pm.place.level = GeoLevel::kPlace;
  pm.place.population = 12000;
  pm.confidence = 0.5f;
  m.places = {pm};
  ActorMention am;
  am.span = {1, 8};
  am.canonical = "Example Front";
  am.actor_class = ActorClass::kArmedGroup;
  am.responsibility = ActorMention::Responsibility::kClaimed;
  m.actors = {am};
  m.claims = {MakeClaim()};
  m.wave = true;
  a.mentions = {m};
  a.places = {pm};
  a.actors = {am};
  a.claims = {MakeClaim()};
  a.timexes = {m.date};

  const std::string text = DocAnalysisToJson(a).dump();
  Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(DocAnalysisToJson(*back).dump(), text);
  const EventMention& bm = back->mentions[0];
  EXPECT_EQ(bm.date.precision, DatePrecision::kDay);
  EXPECT_TRUE(bm.date.relative);
  EXPECT_EQ(bm.places[0].place.level, GeoLevel::kPlace);
  EXPECT_TRUE(bm.places[0].place.has_coords);
  EXPECT_EQ(bm.actors[0].responsibility, ActorMention::Responsibility::kClaimed);
  EXPECT_TRUE(bm.wave);
  EXPECT_EQ(back->copy_of, "doc-0");
}

}  // namespace
}  // namespace sitrep
