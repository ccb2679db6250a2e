#include "export/json_codec.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

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

// The buffer overloads replace the buffer's contents: a short document written after a long one
// into the same string gives exactly what the returning form gives, with no tail left over.
TEST(JsonCodecTest, TextIntoAReusedBufferEqualsTheReturnedText) {
  std::string buf = "stale bytes that must not survive";
  Incident bare;
  bare.id = "x";
  const Incident rich = RichIncident();
  for (const Incident* inc : std::vector<const Incident*>{&bare, &rich, &bare}) {
    IncidentToJsonText(*inc, &buf);
    EXPECT_EQ(buf, IncidentToJsonText(*inc));
  }
  DocAnalysis big;
  big.doc_id = "big";
  Claim c;
  c.doc_id = "big";
  c.quote = "Seven people were wounded, a hospital official said.";
  big.claims.assign(40, c);
  DocAnalysis small;
  small.doc_id = "s";
  for (const DocAnalysis* a : std::vector<const DocAnalysis*>{&big, &small, &big}) {
    DocAnalysisToJsonText(*a, &buf);
    EXPECT_EQ(buf, DocAnalysisToJsonText(*a));
  }
}

// Decodes `text` and writes the result in the full form: two texts that decode to the same
// DocAnalysis give the same string here (the full form keeps every field).
std::string Redecoded(const std::string& text) {
  Result<DocAnalysis> a = DocAnalysisFromJson(nlohmann::json::parse(text));
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? DocAnalysisToJsonText(*a) : "";
}

// An analysis exercising every rule of the store form: values equal to a default, to the
// document's, to the previous claim's, and values that differ from all of those.
DocAnalysis StoreFormHardCase() {
  DocAnalysis a;
  a.doc_id = "doc-1";
  a.published = CivilDate{2024, 3, 9};
  a.copy_of = "doc-0";
  Place town;
  town.gazetteer_id = 77;
  town.name = "Invented Town";
  town.country = "XX";
  town.admin1 = "North";
  town.lat = 1.5;
  town.lon = -2.25;
  town.has_coords = true;
  town.level = GeoLevel::kPlace;
  town.population = 1234;
  Place country;  // all defaults: no coordinates, country level
  country.country = "XX";
  a.places = {PlaceMention{{3, 8}, town, 0.75f}, PlaceMention{{20, 25}, town, 0.75f},
              PlaceMention{{30, 35}, town, 0.5f}, PlaceMention{{40, 42}, country, 0},
              PlaceMention{{}, town, 0.75f}};
  ActorMention gunmen;
  gunmen.span = {50, 56};
  gunmen.canonical = "gunmen";
  gunmen.actor_class = ActorClass::kMilitants;
  ActorMention bare;  // every field the default
  a.actors = {gunmen, bare};
  Timex day;
  day.span = {60, 66};
  day.date = CivilDate{2024, 3, 8};
  day.precision = DatePrecision::kDay;
  day.relative = true;
  Timex range;
  range.span = {70, 80};
  range.date = CivilDate{2024, 3, 1};
  range.date_end = CivilDate{2024, 3, 7};
  range.precision = DatePrecision::kMonth;
  range.past_reference = true;
  a.timexes = {day, range, Timex{}};
  Claim c1;
  c1.doc_id = a.doc_id;
  c1.source = "Example Wire";
  c1.quote = "Four people died, \"officials\" said.";
  c1.span = {90, 125};
  c1.figure_span = {90, 94};
  c1.value = c1.low = c1.high = 4;
  c1.attributed_to = "officials";
  c1.published = a.published;
  Claim c2 = c1;  // same source: left out; other doc_id, date, bounds and enums written
  c2.doc_id = "";
  c2.field = Field::kInjured;
  c2.category = Category::kCivilians;
  c2.qualifier = Qualifier::kAtLeast;
  c2.scope = Scope::kWave;
  c2.independent = false;
  c2.low = 2;
  c2.high = std::nan("");
  c2.published = CivilDate{};
  c2.attributed_to = "";
  Claim c3 = c1;  // a source after a different one, and an empty one after it
  c3.source = "Other Paper";
  c3.value = 0.333333333;
  c3.low = 0;
  c3.high = 1e7;
  Claim c4;  // all defaults, even the quote
  a.claims = {c1, c2, c3, c4};
  EventMention m1;
  m1.doc_id = a.doc_id;
  m1.span = {0, 125};
  m1.trigger = {10, 16};
  m1.event_type = "Violence against civilians";
  m1.sub_event_type = "Attack";
  m1.date = day;  // one of the timexes: a reference
  m1.places = {PlaceMention{{3, 8}, town, 0.75f}, PlaceMention{{3, 8}, town, 0.25f}};
  ActorMention perpetrator = gunmen;
  perpetrator.role = ActorRole::kPerpetrator;
  perpetrator.responsibility = ActorMention::Responsibility::kClaimed;
  ActorMention stranger;  // not among the document's actors
  stranger.span = {100, 104};
  stranger.canonical = "police";
  stranger.actor_class = ActorClass::kStateForce;
  stranger.role = ActorRole::kTarget;
  m1.actors = {perpetrator, stranger, bare};
  m1.claims = {c1, c3};
  EventMention m2;  // other doc_id, a date of its own, claims not in the document's list
  m2.doc_id = "elsewhere";
  m2.date = range;
  m2.date.span = {1, 2};
  Place nowhere;
  nowhere.name = "Unlisted";
  m2.places = {PlaceMention{{5, 6}, nowhere, 0.1f}};
  Claim own = c2;
  own.source = "Only Here";
  m2.claims = {own, c4};
  m2.background = true;
  m2.wave = true;
  EventMention m3;  // all defaults
  a.mentions = {m1, m2, m3};
  a.place_spellings = {{"XX|North|Invented Town", "INVENTED TOWN"}};
  return a;
}

TEST(JsonCodecTest, StoreFormDecodesToWhatTheFullFormDecodesTo) {
  DocAnalysis empty;
  empty.doc_id = "e";
  DocAnalysis bare = empty;
  bare.published = CivilDate{2020, 0, 0};
  for (const DocAnalysis& a : {StoreFormHardCase(), empty, bare}) {
    const std::string full = DocAnalysisToJsonText(a);
    const std::string store = DocAnalysisToStoreText(a);
    EXPECT_LT(store.size(), full.size());
    EXPECT_EQ(Redecoded(store), Redecoded(full)) << store;
    std::string buf = "stale";
    DocAnalysisToStoreText(a, &buf);
    EXPECT_EQ(buf, store);
  }
}

TEST(JsonCodecTest, StoreFormLeavesOutDefaultsAndUsesReferences) {
  const DocAnalysis a = StoreFormHardCase();
  const nlohmann::json j = nlohmann::json::parse(DocAnalysisToStoreText(a));
  EXPECT_EQ(j["form"], kStoreForm);
  EXPECT_TRUE(j.contains("place_spellings"));
  const nlohmann::json& m1 = j["mentions"][0];
  EXPECT_FALSE(m1.contains("doc_id"));
  EXPECT_FALSE(m1.contains("background"));
  EXPECT_EQ(m1["date_of"], 0);
  EXPECT_EQ(m1["places"][0], nlohmann::json::parse("[3,8,0]"));
  EXPECT_EQ(m1["places"][1], nlohmann::json::parse("[3,8,0,0.25]"));
  EXPECT_EQ(j["places"][2], nlohmann::json::parse("[30,35,0,0.5]"));
  EXPECT_EQ(j["places"][4], nlohmann::json::parse("[0,0,0]"));
  EXPECT_EQ(j["actors"], nlohmann::json::parse(R"([[50,56,"gunmen",2],[0,0,""]])"));
  EXPECT_EQ(m1["actors"][0],
            nlohmann::json::parse(R"({"actor_of":0,"role":1,"responsibility":1})"));
  EXPECT_FALSE(m1["actors"][1].contains("actor_of"));
  EXPECT_EQ(m1["claim_refs"], nlohmann::json::parse("[0,2]"));
  EXPECT_EQ(j["mentions"][1]["doc_id"], "elsewhere");
  EXPECT_TRUE(j["mentions"][1].contains("date"));
  EXPECT_EQ(j["mentions"][2], nlohmann::json::parse(R"({"doc_id":""})"));
  const nlohmann::json& c1 = j["claims"][0];
  EXPECT_FALSE(c1.contains("doc_id") || c1.contains("published") || c1.contains("low") ||
               c1.contains("high") || c1.contains("qualifier") || c1.contains("scope"));
  EXPECT_FALSE(j["claims"][1].contains("source"));  // the previous claim's
  EXPECT_EQ(j["claims"][1]["doc_id"], "");
  EXPECT_TRUE(j["claims"][1]["published"].is_null());
  EXPECT_EQ(j["claims"][3]["source"], "");
  EXPECT_EQ(j["timexes"][2], nlohmann::json::object());
}

// Rows of the store form keep their meaning only under "form": without it the same keys read
// with the plain defaults, and an unknown form or a dangling reference is an error.
TEST(JsonCodecTest, StoreFormReferencesAreChecked) {
  nlohmann::json j = nlohmann::json::parse(DocAnalysisToStoreText(StoreFormHardCase()));
  nlohmann::json bad = j;
  bad["form"] = 3;
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["mentions"][0]["date_of"] = 9;
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["mentions"][0]["actors"][0]["actor_of"] = 2;
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["mentions"][0]["actors"][0]["actor_of"] = -1;
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["places"][1] = nlohmann::json::parse("[20,25,1]");  // refers to itself
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["places"][1] = nlohmann::json::parse("[20,25]");
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  bad = j;
  bad["actors"][0] = nlohmann::json::parse(R"([50,56])");
  EXPECT_FALSE(DocAnalysisFromJson(bad).ok());
  nlohmann::json plain = j;
  plain.erase("form");
  Result<DocAnalysis> a = DocAnalysisFromJson(plain);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->claims[0].doc_id, "");  // no form: a missing key is the default
  EXPECT_EQ(a->claims[1].source, "");
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

// The direct writer against the tree dump on the inputs where a raw-buffer writer goes wrong:
// text far beyond the size estimate (the buffer regrows mid-string), every escaped byte, dates
// of each precision (and outside the fixed-width form), numbers of every formatting branch.
TEST(JsonCodecTest, AnalysisTextEqualsTreeDumpOnHardInputs) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  controls += "\"\\/\x7f";
  DocAnalysis a;
  a.doc_id = controls;  // escapes right at the start of the document
  a.published = CivilDate{2021, 0, 0};
  a.copy_of = std::string(5000, 'x') + "\"";  // one run far longer than the initial buffer
  const double numbers[] = {0.0,  -3.0, 2.5,        -0.125,  1e-5,     -1e-5, 0.0000004,
                            9e15, 1e15, 123456.789, 1.0 / 3, -2.0 / 3, 7e-4,  12.0000001};
  for (int i = 0; i < 40; ++i) {  // enough claims and places to regrow the buffer many times
    Claim c;
    c.doc_id = "d" + std::to_string(i);
    c.source = i % 2 ? "" : "Some \xe2\x80\x9cpaper\xe2\x80\x9d";
    c.value = numbers[i % std::size(numbers)];
    c.low = -c.value;
    c.high = c.value * 1000;
    c.quote = std::string(static_cast<size_t>(i) * 37, 'q') + controls + "\xff\xc3";
    c.attributed_to = i % 3 ? "" : "a spokesman";
    const uint32_t u = static_cast<uint32_t>(i);
    c.span = {u, u + 100000};
    c.figure_span = {4000000000u, 4294967295u};
    c.published = i % 4 == 0   ? CivilDate{}
                  : i % 4 == 1 ? CivilDate{1999, 12, 31}
                  : i % 4 == 2 ? CivilDate{812, 3, 0}
                               : CivilDate{12345, 1, 2};  // wider than %04d
    a.claims.push_back(c);
    PlaceMention pm;
    pm.span = {u, u + 3};
    pm.place.gazetteer_id = i % 5;  // repeats become place_of references
    pm.place.name = "Place " + std::to_string(i % 5);
    pm.place.has_coords = i % 2 == 0;
    pm.place.lat = numbers[(i + 3) % std::size(numbers)];
    pm.place.lon = -numbers[(i + 5) % std::size(numbers)];
    pm.place.population = int64_t{1} << 40;
    pm.confidence = 0.1f * static_cast<float>(i % 10);
    a.places.push_back(pm);
    Timex t;
    t.span = {u, u + 1};
    t.date = CivilDate{2020 + i, i % 13, i % 29};
    t.date_end = CivilDate{-1, 0, 0};
    a.timexes.push_back(t);
  }
  EventMention m;
  m.doc_id = a.doc_id;
  m.claims = {a.claims[3], a.claims[0]};
  m.places = {a.places[7]};
  a.mentions = {m, m};
  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text,
            DocAnalysisToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  EXPECT_NE(text.find("\"published\":\"2021\""), std::string::npos);
  EXPECT_NE(text.find("\"published\":\"0812-03\""), std::string::npos);
  EXPECT_NE(text.find("\"published\":\"12345-01-02\""), std::string::npos);
  EXPECT_NE(text.find("\\u001f"), std::string::npos);
}

// The string writer scans 16 bytes at a time (the last block overlapping the one before) and
// copies short runs with overlapping moves: a byte to escape or validate must be found at every
// position of every length, alone or after another one.
TEST(JsonCodecTest, AnalysisTextEqualsTreeDumpForEverySpecialBytePosition) {
  const std::string specials[] = {
      "\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\xc3\xa9", "\xe2\x80\x9c", "\xff", "\xc3"};
  DocAnalysis a;
  a.doc_id = "d";
  for (size_t len = 0; len <= 40; ++len) {
    for (size_t at = 0; at <= len; ++at) {
      for (const std::string& special : specials) {
        std::string s(len, 'a');
        for (size_t k = 0; k < len; ++k) s[k] = static_cast<char>('a' + k % 26);
        s.insert(at, special);
        ActorMention actor;
        actor.canonical = s;
        a.actors.push_back(actor);
        ActorMention twice;
        twice.canonical = s;
        // A second one inside the plain run after the first (the writer replaces each byte of a
        // cut multi-byte sequence, nlohmann the whole sequence: not compared here).
        twice.canonical.insert(at + special.size() + (len - at) / 2, special);
        a.actors.push_back(twice);
      }
    }
  }
  EXPECT_EQ(DocAnalysisToJsonText(a),
            DocAnalysisToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Integers are written two digits a step with shortcuts below 10, 100 and 10000: every width and
// both signs must print what nlohmann prints.
TEST(JsonCodecTest, AnalysisTextIntegersEqualTreeDump) {
  DocAnalysis a;
  a.doc_id = "d";
  const double values[] = {0,      1,     9,         10,          11,     99,
                           100,    101,   999,       1000,        1009,   9999,
                           10000,  10001, 43698,     43699,       99999,  100000,
                           999999, 1e6,   123456789, 4294967295., 1e12,   8999999999999999,
                           -1,     -10,   -100,      -9999,       -10000, -123456789012};
  for (double v : values) {
    Claim c;
    c.doc_id = "d";
    c.value = v;
    c.low = -v;
    c.high = v;
    a.claims.push_back(c);
  }
  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text, DocAnalysisToJson(a).dump());
  EXPECT_NE(text.find("\"value\":43699,"), std::string::npos);
  EXPECT_NE(text.find("\"value\":-123456789012,"), std::string::npos);
}

// JsonNumber()'s rules with the general shortest fixed-notation formatting: what the text writer
// printed before its fast path for fractional values below 1e9.
std::string GeneralNumberText(double v) {
  if (v == std::trunc(v) && std::fabs(v) < 9e15) return std::to_string(static_cast<int64_t>(v));
  const double r = std::round(v * 1e6) / 1e6;
  if (r == std::trunc(r)) return std::to_string(static_cast<int64_t>(r));
  if (std::fabs(r) < 1e-4) return "0";
  char buf[400];
  auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
  return std::string(buf, res.ptr);
}

// Fractional numbers take a fast path below 1e9 that must print what the general shortest
// formatting prints, over values of every magnitude and next to 6-decimal rounding boundaries.
TEST(JsonCodecTest, AnalysisTextNumbersEqualGeneralFormatting) {
  uint64_t state = 88172645463325252u;  // xorshift: deterministic, no <random> distribution drift
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const double scale[] = {1e-4, 1e-3, 0.1, 1, 90, 1e4, 1e6, 9.99e8, 1e9, 3e12};
  int mismatches = 0;
  for (int i = 0; i < 200000 && mismatches < 5; ++i) {
    DocAnalysis a;
    a.doc_id = "n";
    PlaceMention pm;
    pm.place.has_coords = true;
    const double unit = static_cast<double>(next() >> 11) / 9007199254740992.0;  // [0, 1)
    pm.place.lat = (i % 2 ? -1 : 1) * unit * scale[i % std::size(scale)];
    pm.place.lon =
        static_cast<double>(static_cast<int64_t>(next() % 2000000000) - 1000000000) / 1e6 +
        (i % 3 == 0   ? 5e-7
         : i % 3 == 1 ? 4.9999e-7
                      : 0);
    pm.confidence = static_cast<float>(unit);
    a.places.push_back(pm);
    const std::string text = DocAnalysisToJsonText(a);
    const std::string want = "\"lat\":" + GeneralNumberText(pm.place.lat) +
                             ",\"lon\":" + GeneralNumberText(pm.place.lon) + ",";
    const std::string want_conf = "\"confidence\":" + GeneralNumberText(pm.confidence) + "}";
    if (text.find(want) == std::string::npos || text.find(want_conf) == std::string::npos) {
      ++mismatches;
      ADD_FAILURE() << want << " " << want_conf << "\n" << text;
    }
  }
}

TEST(JsonCodecTest, IncidentTextEqualsTreeDumpWithManyClaims) {
  Incident inc = RichIncident();
  inc.date = CivilDate{2023, 0, 0};
  inc.date_end = CivilDate{};  // invalid: null
  for (int i = 0; i < 60; ++i) {
    inc.claims.push_back(inc.claims[0]);
    inc.claims.back().quote += std::string(static_cast<size_t>(i) * 50, '\n');
    inc.killed_by_category["category \"" + std::to_string(i) + "\""] = Figure{0, 0.5, 1};
  }
  EXPECT_EQ(IncidentToJsonText(inc), TreeDump(inc));
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

// The full form decoded, written again: what a stored incident must read back as.
std::string FullRoundTrip(const Incident& inc) {
  Result<Incident> back = IncidentFromJson(nlohmann::json::parse(IncidentToJsonText(inc)));
  EXPECT_TRUE(back.ok()) << back.status().ToString();
  return back.ok() ? IncidentToJsonText(*back) : "";
}

std::string StoreRoundTrip(const Incident& inc) {
  Result<Incident> back = IncidentFromJson(nlohmann::json::parse(IncidentToStoreText(inc)));
  EXPECT_TRUE(back.ok()) << back.status().ToString();
  return back.ok() ? IncidentToJsonText(*back) : "";
}

// The store form leaves out what reads back as the default or as the previous claim's value;
// every left-out case must read back as the full form does: claims of documents interleaved
// (A, B, A), an empty doc_id and source on the first claim, a date that only the previous claim
// of another document shares, invalid dates (written null by the full form), NaN numbers,
// low/high equal to the value or not, documented and other categories, a bare incident.
TEST(JsonCodecTest, IncidentStoreFormReadsBackAsTheFullForm) {
  Incident inc = RichIncident();
  Claim first;  // no doc_id, no source, no date: the defaults the reader starts from
  first.value = 3;
  first.low = 2;
  first.high = std::nan("");
  Claim a = inc.claims[0];
  Claim b = a;
  b.doc_id = "d2";
  b.source = "Another Invented Daily";
  b.qualifier = Qualifier::kAtLeast;
  b.category = Category::kCivilians;
  b.scope = Scope::kPart;
  b.independent = false;
  b.field = Field::kInjured;
  b.attributed_to.clear();
  b.quote.clear();
  b.span = {0, 0};
  Claim a2 = a;  // back to d1, published on another day than d1's claim before
  a2.published = CivilDate{2023, 11, 7};
  a2.value = std::nan("");
  Claim same_day = b;  // same document, outlet and date as the claim before: left out
  same_day.value = 0.1234567;
  Claim invalid = same_day;
  invalid.published = CivilDate{0, 5, 1};  // invalid, yet not the default
  Claim after_invalid = same_day;          // d2's date again after an invalid one
  inc.claims = {first, a, b, same_day, invalid, after_invalid, a2, a};
  inc.killed_by_category["civilians"] = Figure{1, 2, 3};
  inc.why.push_back({"d4", "new incident", "scores: \"x\" 0.5", std::nan("")});
  const std::string full = FullRoundTrip(inc);
  EXPECT_EQ(StoreRoundTrip(inc), full);
  const std::string text = IncidentToStoreText(inc);
  EXPECT_EQ(text.rfind("{\"form\":2,", 0), 0u) << text;
  EXPECT_LT(text.size(), IncidentToJsonText(inc).size());
  // The claims after the first of a run do not repeat its document, outlet or date.
  EXPECT_EQ(Count(text, "\"doc_id\":\"d2\""), 1u) << text;
  EXPECT_EQ(Count(text, "\"source\":\"Another Invented Daily\""), 1u) << text;

  Incident bare;
  bare.id = "bare";
  bare.date = CivilDate{2023, 0, 0};  // a year alone
  bare.lat = 1.5;                     // no lon: neither is written
  EXPECT_EQ(StoreRoundTrip(bare), FullRoundTrip(bare));
  EXPECT_EQ(IncidentToStoreText(bare).find("lat"), std::string::npos);
  Incident no_date = bare;
  no_date.date = CivilDate{2023, 2, 31};
  no_date.geo_precision = 1;
  EXPECT_EQ(StoreRoundTrip(no_date), FullRoundTrip(no_date));

  // The buffer form replaces what the buffer held.
  std::string buf = IncidentToStoreText(inc);
  IncidentToStoreText(bare, &buf);
  EXPECT_EQ(buf, IncidentToStoreText(bare));

  // A form this build does not know, and a malformed reason, are errors naming the field.
  nlohmann::json other = nlohmann::json::parse(IncidentToStoreText(bare));
  other["form"] = 9;
  EXPECT_FALSE(IncidentFromJson(other).ok());
  nlohmann::json bad_why = nlohmann::json::parse(IncidentToStoreText(inc));
  bad_why["why"][0] = nlohmann::json::array({"d1", "merged"});
  Result<Incident> r = IncidentFromJson(bad_why);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("why"), std::string::npos) << r.status().ToString();
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

// The store form keeps the text of places written before (per thread) and copies it back for
// the same place: a place under the same gazetteer id with other fields, written between, gets
// its own text, and the first one's text is the same when it comes back.
TEST(JsonCodecTest, StoreTextOfAPlaceWrittenBeforeIsItsOwn) {
  DocAnalysis first;
  first.doc_id = "d1";
  first.places = {MakePlace(7, "Newtown", {10, 17}, 0.9f)};
  DocAnalysis renamed = first;
  renamed.doc_id = "d2";
  renamed.places[0].place.name = "Oldtown";
  DocAnalysis moved = first;
  moved.doc_id = "d3";
  moved.places[0].place.lat = 10.5;
  const std::string first_text = DocAnalysisToStoreText(first);
  for (const DocAnalysis& a : {renamed, moved, first}) {
    const std::string text = DocAnalysisToStoreText(a);
    EXPECT_EQ(Redecoded(text), DocAnalysisToJsonText(a)) << text;
  }
  EXPECT_NE(DocAnalysisToStoreText(renamed).find("\"Oldtown\""), std::string::npos);
  EXPECT_NE(DocAnalysisToStoreText(moved).find("\"lat\":10.5,"), std::string::npos);
  EXPECT_EQ(DocAnalysisToStoreText(first), first_text);
}

// More distinct places than the writer tracks (16) and long names (the text outgrows the
// writer's buffer several times): every repeat is still a reference to the first place equal
// to it, and the store form reads back as the full form.
TEST(JsonCodecTest, StoreFormOfManyPlacesReferencesEveryRepeat) {
  DocAnalysis a;
  a.doc_id = "many";
  const std::string long_name(300, 'n');
  for (uint32_t round = 0; round < 3; ++round) {
    for (uint32_t id = 1; id <= 40; ++id) {
      const uint32_t at = 1000 * round + 10 * id;
      a.places.push_back(MakePlace(id, long_name + std::to_string(id), {at, at + 5}, 0.5f));
    }
  }
  EventMention m;
  m.doc_id = "many";
  m.places = {a.places[45], a.places[3]};
  a.mentions = {m};
  const std::string text = DocAnalysisToStoreText(a);
  EXPECT_EQ(Redecoded(text), DocAnalysisToJsonText(a));
  const nlohmann::json j = nlohmann::json::parse(text);
  for (size_t i = 0; i < a.places.size(); ++i) {
    if (i < 40) {
      EXPECT_TRUE(j["places"][i].is_object()) << i;
    } else {
      EXPECT_EQ(j["places"][i],
                nlohmann::json::array({a.places[i].span.begin, a.places[i].span.end, i % 40}))
          << i;
    }
  }
  EXPECT_EQ(j["mentions"][0]["places"][0], nlohmann::json::parse("[1060,1065,5]"));
  EXPECT_EQ(j["mentions"][0]["places"][1], nlohmann::json::parse("[40,45,3]"));
}

// A mention that names a town through its county (PlaceMention::via_county) keeps the flag in
// every form, as a full entry and as a reference; without it nothing is written.
TEST(JsonCodecTest, CountyFlagReadsBackInEveryForm) {
  DocAnalysis a;
  a.doc_id = "d";
  PlaceMention county = MakePlace(7, "Newtown", {10, 23}, 0.9f);  // "Newtown County"
  county.via_county = true;
  PlaceMention town = county;  // "Newtown" itself
  town.span = {40, 47};
  town.via_county = false;
  PlaceMention county_again = county;
  county_again.span = {60, 73};
  a.places = {county, town, county_again};
  EventMention m;
  m.doc_id = "d";
  m.places = {county_again, town};
  a.mentions = {m};

  auto flags = [](const DocAnalysis& d) {
    std::vector<bool> f;
    for (const PlaceMention& p : d.places) f.push_back(p.via_county);
    for (const PlaceMention& p : d.mentions[0].places) f.push_back(p.via_county);
    return f;
  };
  const std::vector<bool> want = {true, false, true, true, false};
  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text, DocAnalysisToJson(a).dump());
  EXPECT_EQ(Count(text, "\"via_county\":true"), 3u);
  Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(flags(*back), want);
  EXPECT_EQ(DocAnalysisToJsonText(*back), text);

  const std::string store = DocAnalysisToStoreText(a);
  EXPECT_EQ(Count(store, "\"via_county\":true"), 3u);
  Result<DocAnalysis> stored = DocAnalysisFromJson(nlohmann::json::parse(store));
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(flags(*stored), want);
  EXPECT_EQ(DocAnalysisToJsonText(*stored), text);

  // Without the flag no key is written: analyses of earlier builds keep their bytes.
  for (PlaceMention& p : a.places) p.via_county = false;
  for (PlaceMention& p : a.mentions[0].places) p.via_county = false;
  EXPECT_EQ(Count(DocAnalysisToJsonText(a), "via_county"), 0u);
  EXPECT_EQ(Count(DocAnalysisToStoreText(a), "via_county"), 0u);
}

TEST(JsonCodecTest, PlaceSpellingsAreWrittenAlwaysAndReadBack) {
  DocAnalysis a;
  a.doc_id = "d";
  a.place_spellings = {PlaceSpelling{"XA|North Province|Newtown", "NEWTOWN"},
                       PlaceSpelling{"XA|North Province|Newtown", "New \"Town\" \xC3\xA9"}};
  const std::string text = DocAnalysisToJsonText(a);
  EXPECT_EQ(text, DocAnalysisToJson(a).dump());
  EXPECT_NE(text.find(R"("place_spellings":[["XA|North Province|Newtown","NEWTOWN"],)"),
            std::string::npos);
  Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->place_spellings, a.place_spellings);

  // An analysis without spellings still writes the key (empty), so that a reader can tell it
  // from one written before the key existed; both read as no spellings.
  DocAnalysis plain;
  plain.doc_id = "p";
  const std::string plain_text = DocAnalysisToJsonText(plain);
  EXPECT_NE(plain_text.find(R"("place_spellings":[])"), std::string::npos);
  EXPECT_EQ(plain_text, DocAnalysisToJson(plain).dump());
  nlohmann::json older = nlohmann::json::parse(text);
  older.erase("place_spellings");
  Result<DocAnalysis> old = DocAnalysisFromJson(older);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_TRUE(old->place_spellings.empty());

  for (const char* wrong :
       {R"(["XA|North Province|Newtown"])", R"([["a", 3]])", R"("x")", R"([["a", "b", "c"]])"}) {
    nlohmann::json bad = nlohmann::json::parse(text);
    bad["place_spellings"] = nlohmann::json::parse(wrong);
    EXPECT_FALSE(DocAnalysisFromJson(bad).ok()) << wrong;
  }
}

// JSON has no infinity: an open end ("at least 40": no high) is written null and must read back
// open, not as 0, from every form that holds claims or figures.
TEST(JsonCodecTest, OpenRangeEndsReadBackOpen) {
  const double inf = std::numeric_limits<double>::infinity();
  Claim at_least;
  at_least.doc_id = "d1";
  at_least.value = 40;
  at_least.low = 40;
  at_least.high = inf;
  at_least.qualifier = Qualifier::kAtLeast;
  Claim up_to = at_least;
  up_to.value = 12;
  up_to.low = -inf;
  up_to.high = 12;
  up_to.qualifier = Qualifier::kUpTo;

  Incident inc;
  inc.id = "open";
  inc.killed = Figure{40, 40, inf};
  inc.claims = {at_least, up_to};
  for (const std::string& text : {IncidentToJsonText(inc), IncidentToStoreText(inc)}) {
    Result<Incident> back = IncidentFromJson(nlohmann::json::parse(text));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->claims.size(), 2u);
    EXPECT_EQ(back->claims[0].high, inf) << text;
    EXPECT_EQ(back->claims[0].low, 40) << text;
    EXPECT_EQ(back->claims[1].low, -inf) << text;
    EXPECT_EQ(back->claims[1].high, 12) << text;
    ASSERT_TRUE(back->killed.has_value());
    EXPECT_EQ(back->killed->high, inf) << text;
  }

  DocAnalysis a;
  a.doc_id = "d1";
  a.claims = {at_least, up_to};
  for (const std::string& text : {DocAnalysisToJsonText(a), DocAnalysisToStoreText(a)}) {
    Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->claims.size(), 2u);
    EXPECT_EQ(back->claims[0].high, inf) << text;
    EXPECT_EQ(back->claims[1].low, -inf) << text;
  }
}

TEST(JsonCodecTest, NamedPersonsReadBackInBothForms) {
  // A named suspect and victim (extract/suspects.h) stay people through the store: resolution
  // joins follow-up reports by them.
  DocAnalysis a;
  a.doc_id = "d";
  ActorMention suspect;
  suspect.span = {10, 20};
  suspect.canonical = "Dana Reyes";
  suspect.responsibility = ActorMention::Responsibility::kAccused;
  suspect.person = true;
  ActorMention victim;
  victim.span = {30, 42};
  victim.canonical = "Ava Lindqvist";
  victim.actor_class = ActorClass::kCivilians;
  victim.person = true;
  ActorMention group;
  group.span = {50, 56};
  group.canonical = "Invented Front";
  a.actors = {suspect, victim, group};
  EventMention m;
  m.doc_id = "d";
  ActorMention perp = suspect;
  perp.role = ActorRole::kPerpetrator;
  m.actors = {perp, victim};
  a.mentions = {m};
  for (const std::string& text : {DocAnalysisToJsonText(a), DocAnalysisToStoreText(a)}) {
    Result<DocAnalysis> back = DocAnalysisFromJson(nlohmann::json::parse(text));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->actors.size(), 3u);
    EXPECT_TRUE(back->actors[0].person) << text;
    EXPECT_TRUE(back->actors[1].person) << text;
    EXPECT_FALSE(back->actors[2].person) << text;
    ASSERT_EQ(back->mentions[0].actors.size(), 2u);
    EXPECT_TRUE(back->mentions[0].actors[0].person) << text;
    EXPECT_EQ(back->mentions[0].actors[0].role, ActorRole::kPerpetrator);
    EXPECT_TRUE(back->mentions[0].actors[1].person) << text;
  }
  // Without people the texts are as before: no "person" key, no seventh array element.
  for (ActorMention& x : a.actors) x.person = false;
  for (ActorMention& x : a.mentions[0].actors) x.person = false;
  EXPECT_EQ(DocAnalysisToJsonText(a).find("person"), std::string::npos);
  EXPECT_EQ(DocAnalysisToStoreText(a).find("person"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(DocAnalysisToStoreText(a))["actors"][0].size(), 6u);
}

}  // namespace
}  // namespace sitrep
