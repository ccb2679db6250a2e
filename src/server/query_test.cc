#include "server/query.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

Incident Make(std::string id, std::string date, std::string country, std::string place,
              double killed, std::optional<std::pair<double, double>> latlon = std::nullopt) {
  Incident inc;
  inc.id = std::move(id);
  if (!date.empty()) inc.date = CivilDate::FromIso(date);
  inc.country = std::move(country);
  inc.place = std::move(place);
  inc.event_type = "Explosions/Remote violence";
  inc.sub_event_type = "Suicide bomb";
  if (killed >= 0) inc.killed = Figure{killed, killed, killed + 2};
  if (latlon) {
    inc.lat = latlon->first;
    inc.lon = latlon->second;
  }
  return inc;
}

IncidentSet Sample() {
  IncidentSet s;
  s.incidents.push_back(Make("story-1", "2024-03-02", "PK", "", 30));
  s.incidents.back().date_end = CivilDate::FromIso("2024-03-04");
  s.incidents.push_back(Make("a", "2024-03-02", "PK", "Quenza", 12, {{31.48, 67.0}}));
  s.incidents.back().parent = "story-1";
  s.incidents.back().perpetrator = "Northern Front";
  s.incidents.push_back(Make("b", "2024-03-04", "PK", "Gwamar", 18, {{26.42, 62.32}}));
  s.incidents.back().parent = "story-1";
  s.incidents.back().admin1 = "Varistan";
  s.incidents.push_back(Make("c", "2024-01-15", "AF", "Kandahar", -1, {{31.6, 65.7}}));
  s.incidents.back().event_type = "Battles";
  s.incidents.back().sub_event_type = "Armed clash";
  Claim claim;
  claim.quote = "Officials said the river ferry was hit at dawn.";
  claim.source = "Daily Courier";
  s.incidents.back().claims.push_back(claim);
  s.incidents.push_back(Make("d", "", "IN", "Imphal", 3));
  return s;
}

std::vector<std::string> Ids(const IncidentIndex& index, const std::vector<size_t>& hits) {
  std::vector<std::string> out;
  for (size_t i : hits) out.push_back(index.set().incidents[i].id);
  return out;
}

std::vector<std::string> Select(const IncidentIndex& index, const QueryParams& params) {
  auto q = ParseIncidentQuery(params);
  EXPECT_TRUE(q.ok()) << q.status().message();
  if (!q.ok()) return {};
  return Ids(index, index.Select(*q));
}

TEST(ServerQueryTest, DefaultSortIsNewestFirstWithUndatedLastAndTiesById) {
  IncidentIndex index(Sample());
  EXPECT_EQ(Select(index, {}), (std::vector<std::string>{"b", "a", "story-1", "c", "d"}));
  EXPECT_EQ(Select(index, {{"sort", "date"}}),
            (std::vector<std::string>{"c", "a", "story-1", "b", "d"}));
}

TEST(ServerQueryTest, SortByKilledPutsUnknownLast) {
  IncidentIndex index(Sample());
  EXPECT_EQ(Select(index, {{"sort", "-killed"}}),
            (std::vector<std::string>{"story-1", "b", "a", "d", "c"}));
  EXPECT_EQ(Select(index, {{"sort", "killed"}}),
            (std::vector<std::string>{"d", "a", "b", "story-1", "c"}));
}

TEST(ServerQueryTest, DateRangeOverlapsIncidentSpanAndDropsUndated) {
  IncidentIndex index(Sample());
  // story-1 spans 03-02..03-04, so a range starting on 03-03 still catches it.
  EXPECT_EQ(Select(index, {{"date_from", "2024-03-03"}, {"sort", "date"}}),
            (std::vector<std::string>{"story-1", "b"}));
  EXPECT_EQ(Select(index, {{"date_to", "2024-02"}}), (std::vector<std::string>{"c"}));
  // A month-precision bound covers the whole month.
  EXPECT_EQ(Select(index, {{"date_from", "2024-03"}, {"date_to", "2024-03"}, {"sort", "date"}}),
            (std::vector<std::string>{"a", "story-1", "b"}));
}

TEST(ServerQueryTest, CountryAdminEventActorFilters) {
  IncidentIndex index(Sample());
  EXPECT_EQ(Select(index, {{"country", "af,in"}, {"sort", "date"}}),
            (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(Select(index, {{"admin1", "VARISTAN"}}), (std::vector<std::string>{"b"}));
  EXPECT_EQ(Select(index, {{"event_type", "battles"}}), (std::vector<std::string>{"c"}));
  EXPECT_EQ(Select(index, {{"event_type", "Suicide bomb"}, {"country", "IN"}}),
            (std::vector<std::string>{"d"}));
  EXPECT_EQ(Select(index, {{"actor", "northern"}}), (std::vector<std::string>{"a"}));
}

TEST(ServerQueryTest, MinKilledBboxAndFreeText) {
  IncidentIndex index(Sample());
  EXPECT_EQ(Select(index, {{"min_killed", "13"}}), (std::vector<std::string>{"b", "story-1"}));
  EXPECT_EQ(Select(index, {{"bbox", "60,24,66,31"}}), (std::vector<std::string>{"b"}));
  EXPECT_EQ(Select(index, {{"q", "RIVER FERRY"}}), (std::vector<std::string>{"c"}));
  EXPECT_EQ(Select(index, {{"q", "courier"}}), (std::vector<std::string>{"c"}));
  EXPECT_EQ(Select(index, {{"q", "quenza"}}), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(Select(index, {{"q", "nowhere at all"}}).empty());
}

TEST(ServerQueryTest, ParentSelectsChildrenOrTopLevel) {
  IncidentIndex index(Sample());
  EXPECT_EQ(Select(index, {{"parent", "story-1"}, {"sort", "date"}}),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Select(index, {{"parent", "none"}, {"sort", "date"}}),
            (std::vector<std::string>{"c", "story-1", "d"}));
  EXPECT_EQ(index.Children("story-1").size(), 2u);
  EXPECT_TRUE(index.Children("a").empty());
}

TEST(ServerQueryTest, IndexFindsByIdAndDocument) {
  IncidentSet s = Sample();
  s.incidents[1].documents = {"doc-1", "doc-2"};
  s.incidents[3].mentions = {"doc-2"};
  IncidentIndex index(std::move(s));
  ASSERT_NE(index.Find("c"), nullptr);
  EXPECT_EQ(index.Find("c")->place, "Kandahar");
  EXPECT_EQ(index.Find("zzz"), nullptr);
  EXPECT_EQ(Ids(index, index.IncidentsOfDocument("doc-2")), (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(index.IncidentsOfDocument("doc-9").empty());
}

TEST(ServerQueryTest, PagingFields) {
  auto q = ParseIncidentQuery({{"limit", "2"}, {"offset", "3"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 2u);
  EXPECT_EQ(q->offset, 3u);
  EXPECT_FALSE(ParseIncidentQuery({}).value().limit.has_value());
}

TEST(ServerQueryTest, RejectsBadParameters) {
  const QueryParams bad[] = {
      {{"date_from", "yesterday"}},
      {{"date_from", "2024-13-01"}},
      {{"date_from", "2023-02-29"}},
      {{"date_to", "2024-03-01T00:00"}},
      {{"date_to", "24-03-01"}},
      {{"date_from", "2024-05-01"}, {"date_to", "2024-04-01"}},
      {{"min_killed", "-1"}},
      {{"min_killed", "ten"}},
      {{"min_killed", "nan"}},
      {{"bbox", "1,2,3"}},
      {{"bbox", "10,0,5,5"}},
      {{"bbox", "0,0,200,5"}},
      {{"bbox", "a,b,c,d"}},
      {{"sort", "place"}},
      {{"limit", "0"}},
      {{"limit", "10001"}},
      {{"limit", "-5"}},
      {{"offset", "x"}},
      {{"parent", ""}},
      {{"colour", "red"}},
      {{"country", "PK"}, {"country", "AF"}},
      {{"q", std::string(5000, 'x')}},
  };
  for (const QueryParams& p : bad) {
    auto q = ParseIncidentQuery(p);
    EXPECT_FALSE(q.ok()) << p.front().first << "=" << p.front().second;
    if (!q.ok()) {
      EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
    }
  }
  // Names the offending parameter.
  EXPECT_NE(ParseIncidentQuery({{"sort", "x"}}).status().message().find("sort"), std::string::npos);
  // A country name is refused (it would match nothing), quoted as the user wrote it.
  EXPECT_NE(ParseIncidentQuery({{"country", "pk, Nigeria"}})
                .status()
                .message()
                .find("alpha-2 codes (e.g. PK,NG), got 'pk, Nigeria'"),
            std::string::npos);
  EXPECT_TRUE(ParseIncidentQuery({{"country", " pk , ng "}}).ok());
  // Extra parameters the caller handles are let through.
  EXPECT_TRUE(ParseIncidentQuery({{"format", "csv"}}, {"format"}).ok());
}

}  // namespace
}  // namespace sitrep
