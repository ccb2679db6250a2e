#include "export/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

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
  story.admin1 = "Varistan";
  story.geo_precision = 3;
  story.event_type = "Explosions/Remote violence";
  story.killed = Figure{12, 14, 20};
  story.documents = {"doc-1", "doc-2"};
  Incident child;
  child.id = "inc-child";
  child.parent = "inc-story";
  child.date = CivilDate{2024, 2, 1};
  child.country = "PK";
  child.admin1 = "Varistan";
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

// The streamed document must be byte for byte what dumping one whole JSON tree gives.
std::string WholeTreeDump(const IncidentSet& set) {
  OrderedJson doc;
  doc["schema"] = kIncidentsSchema;
  doc["incidents"] = OrderedJson::array();
  for (const Incident& inc : set.incidents) doc["incidents"].push_back(IncidentToJson(inc));
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

TEST(ExportTest, StreamedJsonEqualsWholeTreeDump) {
  IncidentSet set = MakeSet();
  set.incidents[1].place = "Bad \xff byte and a\nline break";  // replaced, escaped alike
  EXPECT_EQ(IncidentsToJson(set), WholeTreeDump(set));
  std::ostringstream out;
  ASSERT_TRUE(WriteIncidentsJson(set, out).ok());
  EXPECT_EQ(out.str(), WholeTreeDump(set));
  IncidentSet one;
  one.incidents.push_back(set.incidents[0]);
  EXPECT_EQ(IncidentsToJson(one), WholeTreeDump(one));
}

// The document is the compact text re-indented: strings holding the structural bytes ({ } [ ] ,
// : and escaped quotes), empty and nested containers, map keys needing escapes, and fractions
// whose Grisu2 form is not the shortest must all come out as the tree's dump writes them.
TEST(ExportTest, IndentedJsonEqualsWholeTreeDumpOnHardCases) {
  IncidentSet set = MakeSet();
  Incident& c = set.incidents[1];
  c.place = "{\"a\": [1, 2]}, \\ back\\slash \"quoted\" \\\"";
  c.perpetrator = "tab\there, colon: here ]";
  c.lat = 26.001221;
  c.lon = 63.048489;  // dump() writes 63.048488999999996
  c.killed = Figure{0.5, 1.0 / 3.0, 1e12 + 0.25};
  c.killed_by_category["a \"quoted\" category"] = Figure{-2.5, 0.00001, 7};
  c.place_aliases = {"", "[", "}", ","};
  c.why.push_back({"doc-2", "", "", -0.123456789});
  c.claims.push_back(MakeClaim());
  c.claims.back().quote = "ends in a backslash \\";
  c.claims.back().attributed_to = "\x01 control and \xc3\x28 bad UTF-8";
  EXPECT_EQ(IncidentsToJson(set), WholeTreeDump(set));
  for (const Incident& inc : set.incidents) {
    EXPECT_EQ(IncidentToJsonText(inc),
              IncidentToJson(inc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  std::ostringstream out;
  {
    IncidentsJsonWriter writer(out);
    for (const Incident& inc : set.incidents) writer.Add(inc);
    ASSERT_TRUE(writer.Finish().ok());
  }
  EXPECT_EQ(out.str(), WholeTreeDump(set));
}

TEST(ExportTest, StreamedJsonOfNoIncidents) {
  IncidentSet empty;
  EXPECT_EQ(IncidentsToJson(empty), WholeTreeDump(empty));
  auto back = IncidentsFromJson(IncidentsToJson(empty));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->incidents.empty());
}

TEST(ExportTest, StreamedJsonReportsAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteIncidentsJson(MakeSet(), out).ok());
}

TEST(ExportTest, IncidentWriterEqualsWholeTreeDump) {
  // One incident at a time (the separator before each but the first, the end in Finish()) must
  // give the bytes of the whole document, for none, one and several incidents.
  IncidentSet set = MakeSet();
  set.incidents[1].place = "Bad \xff byte and a\nline break";
  for (size_t n = 0; n <= set.incidents.size(); ++n) {
    IncidentSet part;
    part.incidents.assign(set.incidents.begin(), set.incidents.begin() + n);
    std::ostringstream out;
    IncidentsJsonWriter writer(out);
    for (const Incident& inc : part.incidents) writer.Add(inc);
    EXPECT_EQ(writer.count(), n);
    ASSERT_TRUE(writer.Finish().ok());
    EXPECT_EQ(out.str(), WholeTreeDump(part)) << n << " incidents";
  }
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  IncidentsJsonWriter writer(bad);
  writer.Add(set.incidents[0]);
  EXPECT_FALSE(writer.Finish().ok());
}

TEST(ExportTest, JsonReaderRejectsBadDocuments) {
  EXPECT_FALSE(IncidentsFromJson("{").ok());
  EXPECT_FALSE(IncidentsFromJson("{\"schema\": \"other/1\", \"incidents\": []}").ok());
  Result<IncidentSet> r = IncidentsFromJson(
      "{\"schema\": \"sitrep-incidents/1\", \"incidents\": [{\"id\": \"i1\", \"lat\": "
      "\"north\"}]}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("incident 'i1': field 'lat': expected a number"),
            std::string::npos);
}

TEST(ExportTest, CsvQuotingAndColumns) {
  const std::string csv = IncidentsToCsv(MakeSet());
  const std::string header =
      "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,iso,"
      "country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,"
      "fatalities_low,fatalities_high,injured_best,parent_id\r\n";
  ASSERT_EQ(csv.substr(0, header.size()), header);
  // Without claims, `notes` says what is known and `source` stays empty.
  const std::string story_row =
      "inc-story,2024-02-01,2024,2,Explosions/Remote violence,,,586,Pakistan,Varistan,,,,,3,,"
      "\"Explosions/Remote violence in Varistan, Pakistan, 2024-02-01 .. 2024-02-02\",14,12,20,,"
      "\r\n";
  const std::string child_row =
      "inc-child,2024-02-01,2024,1,Battles,Armed clash,Example Front,586,Pakistan,Varistan,"
      "\"Example, District\",\"Town \"\"North\"\"\",29.123457,66.5,1,Example Post,"
      "\"At least 12 people were killed, officials said.\",3.5,3,4,10,inc-story\r\n";
  EXPECT_EQ(csv, header + story_row + child_row);
}

// A place whose name holds its province's name still gives both levels in `notes`; a level
// equal to one already said is said once.
TEST(ExportTest, CsvNotesNameEachLevelOnce) {
  IncidentSet set = MakeSet();
  set.incidents[0].place = "Varistan Heights";
  set.incidents[0].admin2 = "Varistan Heights";
  const std::string csv = IncidentsToCsv(set);
  EXPECT_NE(csv.find("\"Explosions/Remote violence in Varistan Heights, Varistan, Pakistan, "),
            std::string::npos)
      << csv;
}

std::vector<std::string> CsvCells(const std::string& row) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (c == '"') {
      if (quoted && i + 1 < row.size() && row[i + 1] == '"') {
        cells.back().push_back('"');
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back().push_back(c);
    }
  }
  return cells;
}

// The data row of a one-incident CSV, split into cells.
std::vector<std::string> OnlyRow(const Incident& inc) {
  IncidentSet set;
  set.incidents.push_back(inc);
  const std::string csv = IncidentsToCsv(set);
  const size_t begin = csv.find("\r\n") + 2;
  return CsvCells(csv.substr(begin, csv.size() - 2 - begin));
}

TEST(ExportTest, CsvGuardsTextCellsAgainstFormulasButNotNumbers) {
  Incident inc;
  inc.id = "i1";
  inc.event_type = "Battles";
  inc.perpetrator = "=HYPERLINK(\"http://x.test\")";
  inc.admin1 = "+Region";
  inc.admin2 = "@district";
  inc.place = "-Town";
  inc.country = "US";
  inc.lat = -33.5;
  inc.lon = -70.25;
  inc.geo_precision = 1;
  Claim c = MakeClaim();
  c.source = "=cmd|' /C calc'!A0";
  inc.claims.push_back(c);
  const std::vector<std::string> cells = OnlyRow(inc);
  ASSERT_EQ(cells.size(), 22u);
  EXPECT_EQ(cells[6], "'=HYPERLINK(\"http://x.test\")");  // actor1
  EXPECT_EQ(cells[7], "840");                             // iso
  EXPECT_EQ(cells[8], "United States");                   // country
  EXPECT_EQ(cells[9], "'+Region");
  EXPECT_EQ(cells[10], "'@district");
  EXPECT_EQ(cells[11], "'-Town");
  EXPECT_EQ(cells[12], "-33.5");  // numbers keep their sign
  EXPECT_EQ(cells[13], "-70.25");
  EXPECT_EQ(cells[15], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(cells[16], "At least 12 people were killed, officials said.");
}

TEST(ExportTest, CsvNotesNeverBlankAndUnknownCountryKeepsItsCode) {
  Incident inc;
  inc.id = "i2";
  inc.country = "XK";  // in countries.tsv, but without an ISO numeric code
  const std::vector<std::string> kosovo = OnlyRow(inc);
  EXPECT_EQ(kosovo[7], "");
  EXPECT_EQ(kosovo[8], "Kosovo");
  EXPECT_EQ(kosovo[15], "");  // no claims: no outlet to name
  EXPECT_EQ(kosovo[16], "Incident in Kosovo, date unknown");
  inc.country = "ZZ";  // no such country: the code is kept
  inc.place = "Northtown";
  inc.event_type = "Riots";
  inc.date = CivilDate{2023, 5, 0};
  const std::vector<std::string> other = OnlyRow(inc);
  EXPECT_EQ(other[7], "");
  EXPECT_EQ(other[8], "ZZ");
  EXPECT_EQ(other[16], "Riots in Northtown, ZZ, 2023-05");
}

TEST(ExportTest, CsvQuotesLineBreaksSoEachIncidentStaysOneRecord) {
  IncidentSet set = MakeSet();
  set.incidents[1].claims[0].quote = "Officials said:\n\"Nine, then\r\nten died\"";
  const std::string csv = IncidentsToCsv(set);
  EXPECT_NE(csv.find(",\"Officials said:\n\"\"Nine, then\r\nten died\"\"\","), std::string::npos)
      << csv;
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
  // The same ISO code the CSV's iso column gives the incident's country.
  const std::string csv = IncidentsToCsv(MakeSet());
  EXPECT_EQ(f["properties"]["iso"], "586");
  EXPECT_NE(csv.find(",586,Pakistan,"), std::string::npos) << csv;
  // A country the table gives no numeric code has none, as its CSV cell is empty.
  IncidentSet set = MakeSet();
  for (Incident& inc : set.incidents) inc.country = "XK";
  fc = nlohmann::json::parse(IncidentsToGeoJson(set));
  EXPECT_TRUE(fc["features"][0]["properties"]["iso"].is_null());
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
  ASSERT_EQ(bm.claims.size(), 1u);
  EXPECT_EQ(ClaimToJson(bm.claims[0]).dump(), ClaimToJson(MakeClaim()).dump());
}

TEST(ExportTest, DocAnalysisTextEqualsTreeDump) {
  DocAnalysis a;
  a.doc_id = "doc-\"7\"";
  a.published = CivilDate{2024, 2, 3};
  EventMention m;
  m.doc_id = a.doc_id;
  m.span = {0, 40};
  m.event_type = "Battles";
  m.date.date = CivilDate{2024, 2, 1};
  m.date.precision = DatePrecision::kDay;
  PlaceMention pm;
  pm.place.name = "S\xc3\xa3o Tom\xc3\xa9\ttab";
  pm.place.lat = -12.3456789;
  pm.place.lon = 0.00051;
  pm.place.has_coords = true;
  pm.confidence = 0.7f;
  PlaceMention no_coords = pm;
  no_coords.place.has_coords = false;
  m.places = {pm, no_coords};
  ActorMention am;
  am.canonical = "Front \\ back\x01";
  m.actors = {am};
  Claim c = MakeClaim();
  c.value = 2.5;
  c.high = 1e6;
  c.quote = "Quote with \"marks\", a newline\n and \xe2\x80\x9csmart\xe2\x80\x9d ones.";
  m.claims = {c};
  EventMention loose = m;
  loose.claims = {MakeClaim()};  // not among the document's claims
  a.mentions = {m, loose};
  a.places = {pm};
  a.actors = {am};
  a.claims = {c};
  a.timexes = {m.date};
  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text,
            DocAnalysisToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  DocAnalysis empty;
  empty.doc_id = "x";
  EXPECT_EQ(DocAnalysisToJsonText(empty), DocAnalysisToJson(empty).dump());
}

TEST(ExportTest, DocAnalysisTextReplacesInvalidUtf8) {
  DocAnalysis a;
  a.doc_id = "bad";
  Claim c = MakeClaim();
  c.quote = "cut \xe2\x80 here \xff and \xed\xa0\x80 surrogate";
  a.claims = {c};
  const std::string text = DocAnalysisToJsonText(a);
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const std::string quote = j["claims"][0]["quote"];
  EXPECT_EQ(quote.rfind("cut ", 0), 0u);
  EXPECT_NE(quote.find("\xef\xbf\xbd here \xef\xbf\xbd and "), std::string::npos);
}

TEST(ExportTest, DocAnalysisStoresSharedClaimsOnce) {
  DocAnalysis a;
  a.doc_id = "doc-1";
  Claim first = MakeClaim();
  Claim second = MakeClaim();
  second.span = {200, 240};
  second.quote = "Five more were wounded.";
  second.field = Field::kInjured;
  Claim own = MakeClaim();  // only on the mention: differs from every document claim
  own.value = 99;
  EventMention shared, mixed;
  shared.claims = {second, first};
  mixed.claims = {first, own};
  a.mentions = {shared, mixed};
  a.claims = {first, second};

  const OrderedJson j = DocAnalysisToJson(a);
  EXPECT_EQ(j["mentions"][0]["claim_refs"], OrderedJson::array({1, 0}));
  EXPECT_FALSE(j["mentions"][0].contains("claims"));
  EXPECT_EQ(j["mentions"][1]["claims"].size(), 2u);  // not all shared: written out in full
  EXPECT_EQ(j.dump().find("Five more were wounded."), j.dump().rfind("Five more were wounded."));

  Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(j.dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->mentions[0].claims.size(), 2u);
  EXPECT_EQ(back->mentions[0].claims[0].quote, "Five more were wounded.");
  EXPECT_EQ(back->mentions[0].claims[1].field, Field::kKilled);
  ASSERT_EQ(back->mentions[1].claims.size(), 2u);
  EXPECT_EQ(back->mentions[1].claims[1].value, 99);
  EXPECT_EQ(DocAnalysisToJson(*back).dump(), j.dump());

  EXPECT_EQ(DocAnalysisToJsonText(a), j.dump());

  nlohmann::json bad = nlohmann::json::parse(j.dump());
  bad["mentions"][0]["claim_refs"] = {7};
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
}

}  // namespace
}  // namespace sitrep
