#include "resolve/resolve.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>

#include "export/export.h"
#include "resolve/place_names.h"

namespace sitrep {
namespace {

// A small invented geography (coordinates are only roughly plausible).
Place P(const std::string& name, const std::string& admin2, const std::string& admin1, double lat,
        double lon, GeoLevel level = GeoLevel::kPlace, const std::string& country = "PK") {
  Place p;
  p.name = name;
  p.admin2 = admin2;
  p.admin1 = admin1;
  p.country = country;
  p.lat = lat;
  p.lon = lon;
  p.has_coords = true;
  p.level = level;
  p.gazetteer_id = static_cast<uint32_t>(std::hash<std::string>()(name + admin2) & 0xffffff) + 1;
  return p;
}
Place Province(const std::string& admin1, const std::string& country = "PK") {
  Place p;
  p.name = admin1;
  p.admin1 = admin1;
  p.country = country;
  p.level = GeoLevel::kProvince;
  return p;
}

const Place kNorthTown = P("Northtown", "North District", "Highland", 30.0, 69.0);
const Place kNorthVillage = P("Hillside", "North District", "Highland", 30.05, 69.05);
const Place kSouthTown = P("Southtown", "South District", "Highland", 28.0, 66.0);
const Place kEastTown = P("Easttown", "East District", "Highland", 29.5, 67.5);
const Place kCoast = P("Portcity", "Coast District", "Lowland", 25.0, 62.0);

Timex Day(const std::string& iso) {
  Timex t;
  if (iso.empty()) return t;
  t.date = *CivilDate::FromIso(iso);
  t.precision = DatePrecision::kDay;
  return t;
}

Claim K(double v, Qualifier q = Qualifier::kExact, Field f = Field::kKilled,
        Category cat = Category::kUnknown, Scope scope = Scope::kIncident) {
  Claim c;
  c.field = f;
  c.value = c.low = c.high = v;
  c.qualifier = q;
  c.category = cat;
  c.scope = scope;
  return c;
}

class DocBuilder {
 public:
  DocBuilder(const std::string& id, const std::string& published) {
    d_.doc_id = id;
    d_.published = *CivilDate::FromIso(published);
  }
  DocBuilder& Mention(const std::string& type, const std::string& date, std::vector<Place> places,
                      std::vector<Claim> claims = {}, bool background = false, bool wave = false,
                      std::vector<ActorMention> actors = {}) {
    EventMention m;
    m.doc_id = d_.doc_id;
    m.span = {next_, next_ + 50};
    m.trigger = {next_ + 5, next_ + 10};
    m.event_type = type;
    m.sub_event_type = type == "Explosions/Remote violence" ? "Suicide bomb" : "Attack";
    m.date = Day(date);
    for (const Place& p : places) m.places.push_back({{next_ + 20, next_ + 25}, p, 0.9f});
    for (Claim& c : claims) {
      c.doc_id = d_.doc_id;
      c.span = m.span;
      c.figure_span = {next_ + 30, next_ + 32};
      c.quote = "an invented sentence number " + std::to_string(next_);
      c.published = d_.published;
      next_ += 1;  // distinct figure spans within a mention
    }
    m.claims = claims;
    m.background = background;
    m.wave = wave;
    m.actors = actors;
    for (const Claim& c : claims) d_.claims.push_back(c);
    for (const PlaceMention& pm : m.places) d_.places.push_back(pm);
    d_.mentions.push_back(std::move(m));
    next_ += 100;
    return *this;
  }
  // Sets the sub-event type of the last mention.
  DocBuilder& Sub(const std::string& sub_event_type) {
    d_.mentions.back().sub_event_type = sub_event_type;
    return *this;
  }
  // Names a person (extract/suspects.h) on the last mention and in the article's actors: its
  // suspect, else a victim.
  DocBuilder& Person(const std::string& name, bool suspect = true) {
    ActorMention a;
    a.span = {d_.mentions.back().span.begin + 1, d_.mentions.back().span.begin + 3};
    a.canonical = name;
    a.actor_class = suspect ? ActorClass::kArmedGroup : ActorClass::kCivilians;
    a.responsibility =
        suspect ? ActorMention::Responsibility::kAccused : ActorMention::Responsibility::kNone;
    a.person = true;
    d_.actors.push_back(a);
    d_.mentions.back().actors.push_back(a);
    return *this;
  }
  // A day the article writes out ("Jan. 2"), in the last mention's sentence or, with `outside`,
  // in a sentence of its own after it; `relative` as for "on Monday".
  DocBuilder& Writes(const std::string& iso, bool outside = false, bool relative = false) {
    Timex t = Day(iso);
    const uint32_t at = outside ? next_ + 60 : d_.mentions.back().span.begin + 40;
    t.span = {at, at + 6};
    t.relative = relative;
    d_.timexes.push_back(t);
    if (outside) next_ += 100;
    return *this;
  }
  DocBuilder& CopyOf(const std::string& id) {
    d_.copy_of = id;
    return *this;
  }
  DocAnalysis Build() const { return d_; }

 private:
  DocAnalysis d_;
  uint32_t next_ = 0;
};

const char* kVac = "Violence against civilians";
const char* kBomb = "Explosions/Remote violence";

std::vector<const Incident*> Leaves(const IncidentSet& s) {
  std::set<std::string> parents;
  for (const Incident& i : s.incidents) {
    if (!i.parent.empty()) parents.insert(i.parent);
  }
  std::vector<const Incident*> out;
  for (const Incident& i : s.incidents) {
    if (!parents.count(i.id)) out.push_back(&i);
  }
  return out;
}

const Incident* Find(const IncidentSet& s, const std::string& place) {
  for (const Incident& i : s.incidents) {
    if (i.place == place) return &i;
  }
  return nullptr;
}

ActorMention Group(const std::string& name, bool claimed = false) {
  ActorMention a;
  a.canonical = name;
  a.actor_class = ActorClass::kArmedGroup;
  if (claimed) a.responsibility = ActorMention::Responsibility::kClaimed;
  return a;
}

TEST(ResolveTest, MergesAcrossOutlets) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(22, Qualifier::kAtLeast)})
          .Build(),
      DocBuilder("b", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthVillage}, {K(22)}).Build(),
      DocBuilder("c", "2024-05-03").Mention(kBomb, "", {kNorthTown}, {K(26)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  const Incident& inc = s.incidents[0];
  EXPECT_EQ(inc.documents, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(inc.date->ToIso(), "2024-05-01");
  EXPECT_EQ(inc.place, "Northtown");
  EXPECT_EQ(inc.admin2, "North District");
  EXPECT_EQ(inc.geo_precision, 1);
  EXPECT_EQ(inc.event_type, kBomb);
  ASSERT_TRUE(inc.killed);
  EXPECT_EQ(inc.killed->best, 26);  // the latest figure
  EXPECT_EQ(inc.killed->low, 22);
  EXPECT_EQ(inc.claims.size(), 3u);
  EXPECT_TRUE(inc.parent.empty());
  // why[] tells how each article joined.
  int attached = 0;
  for (const Reason& r : inc.why) attached += r.decision == "attached";
  EXPECT_EQ(attached, 2);
}

TEST(ResolveTest, DifferentDistrictIsADifferentIncident) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b", "2024-05-02").Mention(kVac, "2024-05-01", {kSouthTown}, {K(5)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_EQ(Leaves(s).size(), 2u);
}

TEST(ResolveTest, DatesDaysApartAreDifferentIncidents) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)}).Build(),
      DocBuilder("b", "2024-05-07").Mention(kVac, "2024-05-06", {kNorthTown}, {K(3)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 2u);
  EXPECT_NE(s.incidents[0].id, s.incidents[1].id);
  // Newest first.
  EXPECT_EQ(s.incidents[0].date->ToIso(), "2024-05-06");
  EXPECT_EQ(s.incidents[1].date->ToIso(), "2024-05-01");
}

TEST(ResolveTest, UndatedFollowUpPublishedMuchLaterStaysApart) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "", {kNorthTown}, {K(3)}).Build(),
      DocBuilder("b", "2024-06-20").Mention(kVac, "", {kNorthTown}, {K(4)}).Build(),
  };
  EXPECT_EQ(Resolve(docs).incidents.size(), 2u);
}

// An article with no publication date: its mention's date, tagged `relative` ("on Monday"), was
// resolved against another clock.
DocAnalysis Undated(DocBuilder b, bool relative) {
  DocAnalysis d = b.Build();
  d.published = CivilDate{};
  for (EventMention& m : d.mentions) {
    m.date.relative = relative;
    for (Claim& c : m.claims) c.published = CivilDate{};
  }
  for (Claim& c : d.claims) c.published = CivilDate{};
  return d;
}

TEST(ResolveTest, RelativeDateWithoutPublicationIsUnknown) {
  // "Police said on Monday that 21 people died" in an undated report of the same bombing.
  DocAnalysis undated = Undated(
      DocBuilder("b", "2024-05-02").Mention(kBomb, "2026-11-16", {kNorthTown}, {K(21)}), true);
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(20)}).Build(),
      undated,
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  const Incident& inc = s.incidents[0];
  EXPECT_EQ(inc.documents, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(inc.date);
  EXPECT_EQ(inc.date->ToIso(), "2024-05-01");
  bool told = false;
  for (const Reason& r : inc.why) {
    told = told || (r.doc_id == "b" && r.decision == "attached" &&
                    r.detail.find("(undated)") != std::string::npos);
  }
  EXPECT_TRUE(told);
  // The same whatever the order.
  std::vector<DocAnalysis> reversed(docs.rbegin(), docs.rend());
  IncidentSet r = Resolve(reversed);
  ASSERT_EQ(r.incidents.size(), 1u);
  EXPECT_EQ(r.incidents[0].id, inc.id);
}

TEST(ResolveTest, AbsoluteDateWithoutPublicationIsKept) {
  // "On 3 March 2023 a bomb killed 21" names its day whatever the publication date: a report of
  // an older attack at the same place stays apart.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(20)}).Build(),
      Undated(DocBuilder("b", "2024-05-02").Mention(kBomb, "2023-03-03", {kNorthTown}, {K(21)}),
              false),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 2u);
  EXPECT_EQ(s.incidents[1].date->ToIso(), "2023-03-03");
}

// A mention dated by a span wider than the date window ("last week": the 4th to the 10th).
DocAnalysis LastWeek(const std::string& id, const std::string& published, const Place& place,
                     double killed) {
  DocAnalysis d =
      DocBuilder(id, published).Mention(kVac, "2024-03-04", {place}, {K(killed)}).Build();
  d.mentions.back().date.date_end = *CivilDate::FromIso("2024-03-10");
  d.mentions.back().date.relative = true;
  return d;
}

TEST(ResolveTest, AWeekSpanNamesNoDay) {
  // "The woman who shot her son in Northtown last week has been identified", published on the
  // 15th, follows up the report of the 9th: the span holds that day, its first day is no date.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-10").Mention(kVac, "2024-03-09", {kNorthTown}, {K(2)}).Build(),
      LastWeek("b", "2024-03-15", kNorthTown, 2),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(s.incidents[0].date);
  EXPECT_EQ(s.incidents[0].date->ToIso(), "2024-03-09");
  // Alone, the report is undated rather than dated the span's first day.
  IncidentSet alone = Resolve({LastWeek("b", "2024-03-15", kNorthTown, 2)});
  ASSERT_EQ(alone.incidents.size(), 1u);
  EXPECT_FALSE(alone.incidents[0].date);
  // A span within the date window ("over the weekend") still dates the report.
  DocAnalysis weekend =
      DocBuilder("c", "2024-03-11").Mention(kVac, "2024-03-09", {kNorthTown}, {K(1)}).Build();
  weekend.mentions.back().date.date_end = *CivilDate::FromIso("2024-03-10");
  IncidentSet w = Resolve({weekend});
  ASSERT_EQ(w.incidents.size(), 1u);
  ASSERT_TRUE(w.incidents[0].date);
  EXPECT_EQ(w.incidents[0].date->ToIso(), "2024-03-09");
}

TEST(ResolveTest, BackgroundOnlyLinksAsMention) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(10)}).Build(),
      // Reports a new attack elsewhere and recalls the one in Northtown.
      DocBuilder("b", "2024-09-10")
          .Mention(kVac, "2024-09-09", {kCoast}, {K(2)})
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(99)}, /*background=*/true)
          .Build(),
      // Recalls something that matches nothing: no incident is created for it.
      DocBuilder("c", "2024-09-10")
          .Mention(kBomb, "2023-01-15", {kSouthTown}, {K(40)}, /*background=*/true)
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 2u);
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  EXPECT_EQ(north->documents, std::vector<std::string>{"a"});
  EXPECT_EQ(north->mentions, std::vector<std::string>{"b"});
  EXPECT_EQ(north->killed->best, 10);  // the recalled 99 is not a figure
  for (const Incident& i : s.incidents) {
    EXPECT_EQ(std::count(i.documents.begin(), i.documents.end(), "c"), 0);
  }
}

// Dates the last background mention of `d` by its month or year only ("in March", "in 2023").
DocAnalysis Coarsen(DocAnalysis d, DatePrecision precision) {
  Timex& t = d.mentions.back().date;
  t.precision = precision;
  t.date.day = 0;
  if (precision == DatePrecision::kYear) t.date.month = 0;
  return d;
}

// The ids of the incidents (leaves and stories) that list `doc` as a background mention.
std::vector<std::string> RecalledBy(const IncidentSet& s, const std::string& doc) {
  std::vector<std::string> out;
  for (const Incident& i : s.incidents) {
    if (std::count(i.mentions.begin(), i.mentions.end(), doc)) {
      out.push_back(i.date ? i.date->ToIso() : "undated");
    }
  }
  return out;
}

// Three attacks in one town: an undated recall ("the town was attacked before") names the
// latest one before the article, not the town's whole history nor one after it.
TEST(ResolveTest, AnUndatedRecallLinksTheMostRecentEarlierIncidentOnly) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-01-11").Mention(kBomb, "2024-01-10", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b", "2024-03-06").Mention(kBomb, "2024-03-05", {kNorthTown}, {K(8)}).Build(),
      DocBuilder("c", "2024-06-21").Mention(kBomb, "2024-06-20", {kNorthTown}, {K(3)}).Build(),
      DocBuilder("r", "2024-05-01")
          .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
          .Mention(kBomb, "", {kNorthTown}, {K(8)}, /*background=*/true)
          .Build(),
      // A province is too coarse to say which attack: no link.
      DocBuilder("p", "2024-05-01")
          .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
          .Mention(kBomb, "", {Province("Highland")}, {}, /*background=*/true)
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_EQ(RecalledBy(s, "r"), std::vector<std::string>{"2024-03-05"});
  EXPECT_TRUE(RecalledBy(s, "p").empty());
  bool told = false;
  for (const Incident& i : s.incidents) {
    for (const Reason& w : i.why) {
      told |=
          w.doc_id == "r" && w.decision == "background" && w.detail.find("recalls Northtown") == 0;
    }
  }
  EXPECT_TRUE(told);
}

// How far back an undated recall looks is limits.tsv's recall_lookback_days: an attack older
// than that is history, not the one recalled.
TEST(ResolveTest, AnUndatedRecallLooksBackOnlyRecallLookbackDays) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-01-11").Mention(kBomb, "2024-01-10", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("r", "2024-05-01")
          .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
          .Mention(kBomb, "", {kNorthTown}, {}, /*background=*/true)
          .Build(),
  };
  EXPECT_EQ(DefaultResolveRules().recall_lookback_days, 365);  // data/resolve/limits.tsv
  EXPECT_EQ(RecalledBy(Resolve(docs), "r"), std::vector<std::string>{"2024-01-10"});
  ResolveRules rules = DefaultResolveRules();
  rules.recall_lookback_days = 60;
  ResolveOptions o;
  o.rules = &rules;
  EXPECT_TRUE(RecalledBy(Resolve(docs, o), "r").empty());
}

// A year-dated recall is the most recent attack there within that year.
TEST(ResolveTest, AYearRecallLinksTheLatestIncidentOfThatYear) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2023-02-11").Mention(kBomb, "2023-02-10", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b", "2023-09-06").Mention(kBomb, "2023-09-05", {kNorthTown}, {K(8)}).Build(),
      DocBuilder("c", "2024-02-21").Mention(kBomb, "2024-02-20", {kNorthTown}, {K(3)}).Build(),
      Coarsen(DocBuilder("r", "2024-05-01")
                  .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
                  .Mention(kBomb, "2023-01-01", {kNorthTown}, {}, /*background=*/true)
                  .Build(),
              DatePrecision::kYear),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_EQ(RecalledBy(s, "r"), std::vector<std::string>{"2023-09-05"});
}

// A month-dated recall links within the month, preferring the attack whose toll it states and
// the town it names over a neighbouring village.
TEST(ResolveTest, AMonthRecallLinksTheIncidentItsTollAndTownFit) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-04").Mention(kBomb, "2024-03-03", {kNorthTown}, {K(40)}).Build(),
      DocBuilder("b", "2024-03-21").Mention(kBomb, "2024-03-20", {kNorthTown}, {K(12)}).Build(),
      DocBuilder("c", "2024-03-11").Mention(kVac, "2024-03-10", {kNorthVillage}, {K(11)}).Build(),
      DocBuilder("d", "2024-04-11").Mention(kBomb, "2024-04-10", {kNorthTown}, {K(12)}).Build(),
      Coarsen(DocBuilder("r", "2024-05-01")
                  .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
                  .Mention(kBomb, "2024-03-01", {kNorthTown}, {K(12)}, /*background=*/true)
                  .Build(),
              DatePrecision::kMonth),
      // No toll stated: every attack in the town that month.
      Coarsen(DocBuilder("q", "2024-05-01")
                  .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
                  .Mention(kBomb, "2024-03-01", {kNorthTown}, {}, /*background=*/true)
                  .Build(),
              DatePrecision::kMonth),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_EQ(RecalledBy(s, "r"), std::vector<std::string>{"2024-03-20"});
  std::vector<std::string> q = RecalledBy(s, "q");
  std::sort(q.begin(), q.end());
  EXPECT_EQ(q, (std::vector<std::string>{"2024-03-03", "2024-03-20"}));
}

// A recall without a place recalls nothing findable, even on a day another attack happened.
TEST(ResolveTest, ARecallWithoutAPlaceLinksNothing) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-04").Mention(kBomb, "2024-03-03", {kNorthTown}, {K(40)}).Build(),
      DocBuilder("r", "2024-05-01")
          .Mention(kVac, "2024-04-30", {kCoast}, {K(2)})
          .Mention(kBomb, "2024-03-03", {}, {K(40)}, /*background=*/true)
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_TRUE(RecalledBy(s, "r").empty());
}

TEST(ResolveTest, ProvinceOnlyMentionAttachesToTheSingleIncidentThere) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(10)}).Build(),
      DocBuilder("b", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {Province("Highland")}, {K(11)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.incidents[0].geo_precision, 1);
}

TEST(ResolveTest, ProvinceOnlyArticleStillMakesAnIncident) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {Province("Lowland")}, {K(4)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].geo_precision, 3);
  EXPECT_EQ(s.incidents[0].admin1, "Lowland");
  EXPECT_TRUE(s.incidents[0].place.empty());
  EXPECT_EQ(s.incidents[0].killed->best, 4);
}

TEST(ResolveTest, PlacelessMentionJoinsTheMainEvent) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)})
          .Mention(kVac, "", {}, {K(7, Qualifier::kExact, Field::kInjured)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].injured->best, 7);
  EXPECT_EQ(s.incidents[0].killed->best, 3);
}

TEST(ResolveTest, WaveBecomesStoryWithChildren) {
  ActorMention nlf = Group("Northern Liberation Front", true);
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(60, Qualifier::kMoreThan)}, false,
                   true, {nlf})
          .Mention(kVac, "2024-08-26", {kNorthTown},
                   {K(23, Qualifier::kExact, Field::kKilled, Category::kCivilians)})
          .Mention(kBomb, "2024-08-26", {kEastTown}, {K(6)})
          .Build(),
      DocBuilder("b", "2024-08-27")
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(10, Qualifier::kAtLeast)})
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(74, Qualifier::kAtLeast)}, false,
                   true)
          .Build(),
      // Reports only one of the attacks, not the wave: still a child of the story.
      DocBuilder("c", "2024-08-26").Mention(kBomb, "2024-08-26", {kEastTown}, {K(6)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 4u);
  const Incident& story = s.incidents[0];
  EXPECT_TRUE(story.parent.empty());
  EXPECT_EQ(story.geo_precision, 3);
  EXPECT_EQ(story.admin1, "Highland");
  EXPECT_EQ(story.documents, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(story.perpetrator, "Northern Liberation Front");
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(s.incidents[i].parent, story.id);
  // Wave claims belong to the story, not to a child.
  EXPECT_EQ(story.claims.size(), 2u);
  ASSERT_TRUE(story.killed);
  EXPECT_EQ(story.killed->best, 74);
  EXPECT_EQ(story.killed->low, 61);
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  EXPECT_EQ(north->killed->best, 23);
  EXPECT_EQ(north->killed_by_category.at("civilians").best, 23);
  EXPECT_EQ(Find(s, "Southtown")->killed->best, 10);
  EXPECT_EQ(Find(s, "Easttown")->documents, (std::vector<std::string>{"a", "c"}));
  bool story_reason = false;
  for (const Reason& r : story.why) story_reason = story_reason || r.decision == "story";
  EXPECT_TRUE(story_reason);
}

TEST(ResolveTest, StoryTotalsAreNotDoubleCounted) {
  // Two attacks of one wave, no wave total: the story is the sum of its children.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {}, false, /*wave=*/true)
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(10)})
          .Build(),
      DocBuilder("b", "2024-08-26").Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 3u);
  EXPECT_EQ(s.incidents[0].killed->best, 33);  // 23 + 10, the second report of 23 not added
  // A wave total that covers the children is not added to them.
  docs[1] = DocBuilder("b", "2024-08-26")
                .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(40)}, false, true)
                .Build();
  s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 3u);
  EXPECT_EQ(s.incidents[0].killed->best, 40);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
}

TEST(ResolveTest, WaveThatNamesItsAttacksDoesNotTakeInOthersOfItsProvince) {
  // A wave report naming its two attacks makes their story; a third attack in the same province
  // that day, reported only elsewhere, is another event and stays apart. A wave report naming
  // none of its attacks is still linked to the province's incidents of that day.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {}, false, /*wave=*/true)
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(10)})
          .Build(),
      DocBuilder("c", "2024-08-26").Mention(kBomb, "2024-08-26", {kEastTown}, {K(4)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  const Incident* east = Find(s, "Easttown");
  ASSERT_NE(east, nullptr);
  EXPECT_TRUE(east->parent.empty());
  ASSERT_NE(Find(s, "Northtown"), nullptr);
  EXPECT_FALSE(Find(s, "Northtown")->parent.empty());
  EXPECT_EQ(Find(s, "Northtown")->parent, Find(s, "Southtown")->parent);
  docs.push_back(DocBuilder("d", "2024-08-26")
                     .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(37)}, false, true)
                     .Build());
  s = Resolve(docs);
  ASSERT_NE(Find(s, "Easttown"), nullptr);
  EXPECT_FALSE(Find(s, "Easttown")->parent.empty());  // the unnamed wave covers the province
}

TEST(ResolveTest, WaveAcrossTwoProvincesOfOneDayIsOneStory) {
  // "Rebels attacked posts in two towns ..., killing three": a wave naming no place whose
  // attacks lie in two provinces of one country on one day covers both.
  Claim total = K(3, Qualifier::kExact, Field::kKilled, Category::kUnknown, Scope::kWave);
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {}, {total}, false, /*wave=*/true)
          .Mention(kBomb, "2024-08-26", {kNorthTown}, {K(2)})
          .Mention(kVac, "2024-08-26", {kCoast}, {K(1)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_NE(Find(s, "Northtown"), nullptr);
  ASSERT_NE(Find(s, "Portcity"), nullptr);
  EXPECT_FALSE(Find(s, "Northtown")->parent.empty());
  EXPECT_EQ(Find(s, "Northtown")->parent, Find(s, "Portcity")->parent);
  EXPECT_EQ(Find(s, "Portcity")->killed->best, 1);  // the wave's total stays the story's
  // Two days apart, they are no one wave: each stays on its own.
  docs[0] = DocBuilder("a", "2024-08-28")
                .Mention(kVac, "2024-08-28", {}, {total}, false, /*wave=*/true)
                .Mention(kBomb, "2024-08-24", {kNorthTown}, {K(2)})
                .Mention(kVac, "2024-08-26", {kCoast}, {K(1)})
                .Build();
  s = Resolve(docs);
  ASSERT_NE(Find(s, "Northtown"), nullptr);
  ASSERT_NE(Find(s, "Portcity"), nullptr);
  EXPECT_TRUE(Find(s, "Northtown")->parent.empty() ||
              Find(s, "Northtown")->parent != Find(s, "Portcity")->parent);
}

TEST(ResolveTest, PartClaimIsALowerBoundForTheStory) {
  Claim part = K(38, Qualifier::kExact, Field::kKilled, Category::kUnknown, Scope::kPart);
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {}, false, /*wave=*/true)
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(10), part})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 3u);
  EXPECT_EQ(s.incidents[0].killed->best, 38);
  EXPECT_TRUE(s.incidents[0].contradictions.empty());
  EXPECT_EQ(Find(s, "Southtown")->killed->best, 10);
}

TEST(ResolveTest, ContradictionIsRecorded) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown},
                   {K(10, Qualifier::kExact, Field::kVehiclesDestroyed)})
          .Build(),
      DocBuilder("b", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown},
                   {K(35, Qualifier::kExact, Field::kVehiclesDestroyed)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  ASSERT_EQ(s.incidents[0].contradictions.size(), 1u);
  EXPECT_EQ(s.incidents[0].contradictions[0].field, "vehicles");
  EXPECT_EQ(s.incidents[0].other_figures.at("vehicles").low, 10);
  EXPECT_EQ(s.incidents[0].other_figures.at("vehicles").high, 35);
}

TEST(ResolveTest, WireCopyCountsAsDocumentButDoesNotVote) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(12)}).Build(),
      DocBuilder("b", "2024-05-03")
          .Mention(kVac, "2024-05-01", {kNorthTown}, {K(30)})
          .CopyOf("x")
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.incidents[0].killed->best, 12);
  EXPECT_FALSE(s.incidents[0].claims[1].independent);
}

TEST(ResolveTest, InjuriesWithoutDeathsMeanZeroKilled) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2014-02-13")
          .Mention("Battles", "2014-02-12",
                   {P("Steeltown", "Lake County", "Lakeland", 41.6, -87.3, GeoLevel::kPlace, "US")},
                   {K(5, Qualifier::kExact, Field::kInjured)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  ASSERT_TRUE(s.incidents[0].killed);
  EXPECT_EQ(s.incidents[0].killed->best, 0);
  ResolveOptions o;
  o.zero_killed_if_only_injured = false;
  EXPECT_FALSE(Resolve(docs, o).incidents[0].killed);
  // No figures at all: null.
  docs[0] = DocBuilder("a", "2014-02-13").Mention("Battles", "2014-02-12", {kNorthTown}).Build();
  EXPECT_FALSE(Resolve(docs).incidents[0].killed);
}

TEST(ResolveTest, PoliciesChangeTheBest) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(22)}).Build(),
      DocBuilder("b", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(24)}).Build(),
      DocBuilder("c", "2024-05-04").Mention(kVac, "2024-05-01", {kNorthTown}, {K(30)}).Build(),
  };
  ResolveOptions o;
  EXPECT_EQ(Resolve(docs, o).incidents[0].killed->best, 30);
  o.best_policy = "conservative";
  EXPECT_EQ(Resolve(docs, o).incidents[0].killed->best, 22);
  o.best_policy = "likely";
  EXPECT_EQ(Resolve(docs, o).incidents[0].killed->best, 24);
}

TEST(ResolveTest, PerpetratorPrefersTheClaimingGroup) {
  ActorMention generic;
  generic.canonical = "gunmen";
  generic.actor_class = ActorClass::kMilitants;
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown}, {}, false, false, {generic})
          .Build(),
      DocBuilder("b", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown}, {}, false, false,
                   {Group("Group B"), Group("Group A", true)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].perpetrator, "Group A");
  docs.pop_back();
  EXPECT_EQ(Resolve(docs).incidents[0].perpetrator, "gunmen");
}

TEST(ResolveTest, AStateForceThatFiredIsThePerpetratorOnlyWhenNoArmedGroupIs) {
  ActorMention troops;  // "soldiers opened fire on protesters" (an agent cue: accused)
  troops.canonical = "army";
  troops.actor_class = ActorClass::kStateForce;
  troops.responsibility = ActorMention::Responsibility::kAccused;
  ActorMention victims = troops;  // "two soldiers were killed": no responsibility
  victims.canonical = "police";
  victims.responsibility = ActorMention::Responsibility::kNone;
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)}, false, false, {victims, troops})
          .Build(),
  };
  EXPECT_EQ(Resolve(docs).incidents[0].perpetrator, "army");
  ActorMention generic;
  generic.canonical = "gunmen";
  generic.actor_class = ActorClass::kMilitants;
  docs.push_back(DocBuilder("b", "2024-05-02")
                     .Mention(kVac, "2024-05-01", {kNorthTown}, {}, false, false, {generic})
                     .Build());
  EXPECT_EQ(Resolve(docs).incidents[0].perpetrator, "gunmen");  // the forces fired back
}

std::vector<DocAnalysis> Mixed() {
  return {
      DocBuilder("a", "2024-08-26")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(60, Qualifier::kMoreThan)}, false,
                   true)
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Mention(kBomb, "2024-08-26", {kEastTown}, {K(6)})
          .Build(),
      DocBuilder("b", "2024-08-27")
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(10)})
          .Mention(kVac, "2024-08-26", {kNorthTown}, {K(23)})
          .Build(),
      DocBuilder("c", "2024-05-02").Mention(kBomb, "2024-05-01", {kCoast}, {K(8)}).Build(),
      DocBuilder("d", "2024-05-03").Mention(kBomb, "", {kCoast}, {K(9)}).Build(),
      DocBuilder("e", "2024-09-01").Mention(kBomb, "2024-05-01", {kCoast}, {}, true).Build(),
      DocBuilder("f", "2024-06-01").Mention(kVac, "2024-06-01", {kNorthVillage}, {K(1)}).Build(),
      DocBuilder("g", "2024-06-01").Mention(kVac, "2024-06-01", {kNorthTown}, {K(2)}).Build(),
  };
}

TEST(ResolveTest, SameResultWhateverTheOrder) {
  std::vector<DocAnalysis> docs = Mixed();
  const IncidentSet ref = Resolve(docs);
  ASSERT_GE(ref.incidents.size(), 5u);
  std::mt19937 rng(42);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(docs.begin(), docs.end(), rng);
    const IncidentSet got = Resolve(docs);
    ASSERT_EQ(got.incidents.size(), ref.incidents.size());
    for (size_t i = 0; i < ref.incidents.size(); ++i) {
      const Incident& x = ref.incidents[i];
      const Incident& y = got.incidents[i];
      EXPECT_EQ(x.id, y.id);
      EXPECT_EQ(x.parent, y.parent);
      EXPECT_EQ(x.documents, y.documents);
      EXPECT_EQ(x.mentions, y.mentions);
      EXPECT_EQ(x.date, y.date);
      EXPECT_EQ(x.place, y.place);
      EXPECT_EQ(x.killed.has_value(), y.killed.has_value());
      if (x.killed && y.killed) {
        EXPECT_EQ(x.killed->best, y.killed->best);
      }
      EXPECT_EQ(x.claims.size(), y.claims.size());
      ASSERT_EQ(x.why.size(), y.why.size());
      for (size_t k = 0; k < x.why.size(); ++k) EXPECT_EQ(x.why[k].detail, y.why[k].detail);
    }
  }
}

TEST(ResolveTest, IdsStableWhenAnUnrelatedArticleIsAdded) {
  std::vector<DocAnalysis> docs = Mixed();
  const IncidentSet before = Resolve(docs);
  std::vector<DocAnalysis> more = docs;
  more.push_back(
      DocBuilder("zz", "2024-07-01")
          .Mention(kVac, "2024-07-01",
                   {P("Farplace", "Far District", "Farland", 10, 10, GeoLevel::kPlace, "NG")},
                   {K(3)})
          .Build());
  const IncidentSet after = ResolveIncremental(before, more, {"zz"});
  ASSERT_EQ(after.incidents.size(), before.incidents.size() + 1);
  for (const Incident& x : before.incidents) {
    auto it = std::find_if(after.incidents.begin(), after.incidents.end(),
                           [&](const Incident& y) { return y.id == x.id; });
    ASSERT_NE(it, after.incidents.end()) << x.id;
    EXPECT_EQ(it->documents, x.documents);
    EXPECT_EQ(it->parent, x.parent);
    if (x.killed) {
      EXPECT_EQ(it->killed->best, x.killed->best);
    }
  }
  // Ids are unique.
  std::set<std::string> ids;
  for (const Incident& y : after.incidents) EXPECT_TRUE(ids.insert(y.id).second) << y.id;
}

TEST(ResolveTest, OneArticleWithoutAWaveTellsOneStory) {
  // The hospital city and a mis-resolved name abroad are the same attack seen from elsewhere.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(12)})
          .Mention(kBomb, "2024-05-01", {kSouthTown})
          .Mention(kBomb, "2024-05-01",
                   {P("Farplace", "Far District", "Farland", 10, 10, GeoLevel::kPlace, "NG")})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Northtown");
  EXPECT_EQ(s.incidents[0].killed->best, 12);
  // Another province with its own figures: a separate incident (and no story without a wave).
  docs[0] = DocBuilder("a", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)})
                .Mention(kBomb, "2024-05-01", {kCoast}, {K(9)})
                .Build();
  s = Resolve(docs);
  EXPECT_EQ(Leaves(s).size(), 2u);
  EXPECT_EQ(s.incidents.size(), 2u);
  // Same district within one article: one event even without folding.
  ResolveOptions o;
  o.one_story_per_article = false;
  docs[0] = DocBuilder("a", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)})
                .Mention(kBomb, "2024-05-01",
                         {P("Farhill", "North District", "Highland", 30.6, 69.6)}, {K(9)})
                .Build();
  EXPECT_EQ(Leaves(Resolve(docs, o)).size(), 1u);
  // Different districts, folding off: two incidents, one story.
  docs[0] = DocBuilder("a", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)})
                .Mention(kBomb, "2024-05-01", {kSouthTown}, {K(9)})
                .Build();
  s = Resolve(docs, o);
  EXPECT_EQ(Leaves(s).size(), 2u);
  EXPECT_EQ(s.incidents.size(), 3u);
}

// One article, two towns of one province, each with its own figure, and a figure the extractor
// gave both together (wave-scoped, in a news mention: "attacks on A and B killed 12"): separate
// attacks of one story, not one attack seen from two places.
TEST(ResolveTest, JointFigureOfTwoTownsKeepsThemApart) {
  auto docs = [](Scope joint) {
    return std::vector<DocAnalysis>{
        DocBuilder("a", "2024-05-02")
            .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(7)})
            .Mention(kBomb, "2024-05-01", {kSouthTown},
                     {K(5), K(12, Qualifier::kExact, Field::kKilled, Category::kUnknown, joint)})
            .Build(),
    };
  };
  IncidentSet s = Resolve(docs(Scope::kWave));
  std::vector<const Incident*> leaves = Leaves(s);
  ASSERT_EQ(leaves.size(), 2u);
  for (const Incident* i : leaves) {
    ASSERT_TRUE(i->killed);
    EXPECT_EQ(i->killed->best, i->place == "Northtown" ? 7 : 5) << i->place;
  }
  // Without the joint figure the article tells one attack: the towns fold into one.
  EXPECT_EQ(Leaves(Resolve(docs(Scope::kIncident))).size(), 1u);
}

TEST(ResolveTest, RepeatedFiguresInAnotherProvinceAreTheSameAttack) {
  // The second place only repeats the main event's toll: the attack retold from elsewhere.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kVac, "2024-05-01", {kNorthTown},
                   {K(4), K(2, Qualifier::kExact, Field::kInjured)})
          .Mention(kVac, "2024-05-01", {kCoast}, {K(4)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Northtown");
  EXPECT_EQ(s.incidents[0].killed->best, 4);
  // A different number there is a figure of its own: two incidents.
  docs[0] = DocBuilder("a", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthTown}, {K(4)})
                .Mention(kVac, "2024-05-01", {kCoast}, {K(7)})
                .Build();
  EXPECT_EQ(Resolve(docs).incidents.size(), 2u);
  // The same number of a different field is also its own figure.
  docs[0] = DocBuilder("a", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthTown}, {K(4)})
                .Mention(kVac, "2024-05-01", {kCoast}, {K(4, Qualifier::kExact, Field::kInjured)})
                .Build();
  EXPECT_EQ(Resolve(docs).incidents.size(), 2u);
}

TEST(ResolveTest, BlockingScalesToManyDocuments) {
  // 20k articles over 400 places and a year: must finish quickly (not a timed assertion).
  std::vector<DocAnalysis> docs;
  docs.reserve(20000);
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const int place = static_cast<int>(rng() % 400);
    const int day = 1 + static_cast<int>(rng() % 28);
    const int month = 1 + static_cast<int>(rng() % 12);
    char date[16];
    std::snprintf(date, sizeof date, "2023-%02d-%02d", month, day);
    Place p = P("Town" + std::to_string(place), "District" + std::to_string(place),
                "Province" + std::to_string(place % 20), 20 + place * 0.1, 60 + place * 0.1);
    docs.push_back(DocBuilder("doc" + std::to_string(i), date)
                       .Mention(kVac, date, {p}, {K(static_cast<double>(1 + rng() % 9))})
                       .Build());
  }
  const auto t0 = std::chrono::steady_clock::now();
  IncidentSet s = Resolve(docs);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GT(s.incidents.size(), 1000u);
  size_t total_docs = 0;
  for (const Incident* i : Leaves(s)) total_docs += i->documents.size();
  EXPECT_EQ(total_docs, 20000u);
  std::printf("resolved 20000 docs into %zu incidents in %.2f s\n", s.incidents.size(), secs);
}

// Every report of an attack must find the incident the first report made, however many incidents
// the blocking index holds (it grows and rehashes many times here), and reports of different
// attacks must not merge: 300 towns x 12 days, 3 reports each, three types of report (the same
// town, a village 5 km away, the province only) in a shuffled order.
TEST(ResolveTest, BlockingFindsEveryMatchAtScale) {
  std::vector<DocAnalysis> docs;
  std::mt19937 rng(11);
  const int kTowns = 300, kDays = 12;
  for (int t = 0; t < kTowns; ++t) {
    // Towns 1 degree apart: no two of them are near; each in its own district.
    const double lat = 10 + (t / 20), lon = 40 + (t % 20);
    const std::string province = "Province" + std::to_string(t / 20);
    const Place town =
        P("Town" + std::to_string(t), "District" + std::to_string(t), province, lat, lon);
    const Place village = P("Village" + std::to_string(t), "District" + std::to_string(t), province,
                            lat + 0.03, lon + 0.03);
    for (int d = 0; d < kDays; ++d) {
      char date[16];
      std::snprintf(date, sizeof date, "2023-05-%02d", 1 + 2 * d);  // two days apart: never merge
      const std::string id = "t" + std::to_string(t) + "d" + std::to_string(d);
      const double killed = 1 + (t + d) % 7;
      docs.push_back(DocBuilder(id + "a", date).Mention(kVac, date, {town}, {K(killed)}).Build());
      docs.push_back(
          DocBuilder(id + "b", date).Mention(kVac, date, {village}, {K(killed)}).Build());
      docs.push_back(
          DocBuilder(id + "c", date).Mention(kVac, date, {town}, {K(killed + 1)}).Build());
    }
  }
  std::shuffle(docs.begin(), docs.end(), rng);
  const IncidentSet s = Resolve(docs);
  const std::vector<const Incident*> leaves = Leaves(s);
  ASSERT_EQ(leaves.size(), static_cast<size_t>(kTowns * kDays));
  for (const Incident* i : leaves) {
    ASSERT_EQ(i->documents.size(), 3u) << i->id;
    const std::string prefix = i->documents[0].substr(0, i->documents[0].size() - 1);
    EXPECT_EQ(i->documents[1], prefix + "b");
    EXPECT_EQ(i->documents[2], prefix + "c");
    EXPECT_EQ(i->place.substr(0, 4), "Town");  // the finest, most reported place
  }
}

// An undated report placed in the city it names first (say, where the wounded were taken) that
// also names the attacked town joins the undated report placed in that town; so does a dated one
// on the very same day.
TEST(ResolveTest, UndatedReportJoinsByItsFoldedPlace) {
  auto build = [](const std::string& date) {
    return std::vector<DocAnalysis>{
        DocBuilder("a", "2024-05-02")
            .Mention(kBomb, date, {kSouthTown}, {K(9), K(20, Qualifier::kExact, Field::kInjured)})
            .Mention(kBomb, date, {kNorthTown})
            .Build(),
        DocBuilder("b", "2024-05-02").Mention(kBomb, date, {kNorthTown}, {K(9)}).Build(),
    };
  };
  for (bool reverse : {false, true}) {
    std::vector<DocAnalysis> docs = build("");
    if (reverse) std::reverse(docs.begin(), docs.end());
    IncidentSet s = Resolve(docs);
    ASSERT_EQ(Leaves(s).size(), 1u) << "reverse=" << reverse;
    bool why = false;
    for (const Reason& r : Leaves(s)[0]->why) {
      why = why || r.detail.find("place=folded-place") != std::string::npos;
    }
    EXPECT_TRUE(why);
  }
  EXPECT_EQ(Leaves(Resolve(build("2024-05-01"))).size(), 1u);
}

// A report at the attacked town whose article names the hospital's town outside any event
// sentence ("taken to Southtown") and a same-day report placed at that hospital town are one
// incident, at the attacked town, in either order; a day apart, or when both towns are stated
// by two articles each, they stay apart.
TEST(ResolveTest, DatedReportJoinsTheSameDayIncidentAtATownItNames) {
  auto build = [](const std::string& day_b, bool attested) {
    std::vector<DocAnalysis> docs = {
        DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(1)}).Build(),
        DocBuilder("b", "2024-05-02").Mention(kVac, day_b, {kSouthTown}, {K(1)}).Build(),
    };
    docs[0].places.push_back({{900, 909}, kSouthTown, 0.9f});  // "taken to Southtown"
    if (attested) {
      docs.push_back(
          DocBuilder("c", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(1)}).Build());
      docs.push_back(
          DocBuilder("d", "2024-05-02").Mention(kVac, day_b, {kSouthTown}, {K(1)}).Build());
    }
    return docs;
  };
  for (bool reverse : {false, true}) {
    std::vector<DocAnalysis> docs = build("2024-05-01", false);
    if (reverse) std::reverse(docs.begin(), docs.end());
    IncidentSet s = Resolve(docs);
    ASSERT_EQ(Leaves(s).size(), 1u) << "reverse=" << reverse;
    EXPECT_EQ(Leaves(s)[0]->place, "Northtown");
  }
  EXPECT_EQ(Leaves(Resolve(build("2024-04-30", false))).size(), 2u);
  EXPECT_EQ(Leaves(Resolve(build("2024-05-01", true))).size(), 2u);
}

// Gives the claims of mention `m` of `d` the sentence `quote`, each figure at the given word.
void SetQuote(DocAnalysis* d, size_t m, const std::string& quote,
              const std::vector<std::string>& figures) {
  EventMention& em = d->mentions[m];
  for (size_t i = 0; i < em.claims.size() && i < figures.size(); ++i) {
    Claim& c = em.claims[i];
    c.quote = quote;
    c.span = {em.span.begin, em.span.begin + static_cast<uint32_t>(quote.size())};
    const size_t at = quote.find(figures[i]);
    c.figure_span = {c.span.begin + static_cast<uint32_t>(at),
                     c.span.begin + static_cast<uint32_t>(at + figures[i].size())};
  }
  // The article's claims mirror its mentions'.
  d->claims.clear();
  for (const EventMention& x : d->mentions)
    d->claims.insert(d->claims.end(), x.claims.begin(), x.claims.end());
}

bool HasWhy(const Incident& inc, const std::string& words) {
  for (const Reason& r : inc.why) {
    if (r.detail.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST(ResolveTest, TollUpdateDatedLaterJoinsTheAttack) {
  // A Wednesday bombing in Highland; the article (Friday) says the toll in Northtown rose to 31
  // on Friday. That day is the count's, not a second attack's: the figure joins the bombing.
  auto build = [](const std::string& quote, const std::string& figure) {
    DocAnalysis d = DocBuilder("a", "2024-05-03")
                        .Mention(kBomb, "2024-05-01", {Province("Highland")}, {K(27)})
                        .Mention(kBomb, "2024-05-03", {kNorthTown}, {K(31)})
                        .Build();
    SetQuote(&d, 1, quote, {figure});
    return d;
  };
  IncidentSet s =
      Resolve({build("The toll from the Northtown bombing rose to 31 on Friday.", "31")});
  ASSERT_EQ(Leaves(s).size(), 1u);
  ASSERT_TRUE(Leaves(s)[0]->date);
  EXPECT_EQ(Leaves(s)[0]->date->ToIso(), "2024-05-01");
  ASSERT_TRUE(Leaves(s)[0]->killed);
  EXPECT_EQ(Leaves(s)[0]->killed->best, 31);
  // A death count without an update cue dated two days apart is another event: dropped.
  s = Resolve({build("A second bomb in Northtown on Friday killed 31 people.", "31")});
  ASSERT_EQ(Leaves(s).size(), 1u);
  EXPECT_EQ(Leaves(s)[0]->killed->best, 27);
}

TEST(ResolveTest, UndatedCountryOnlyReportJoinsTheOneIncidentItFits) {
  Place country;
  country.name = "Pakistan";
  country.country = "PK";
  country.level = GeoLevel::kCountry;
  // A report naming a venue the gazetteer lacks: only its country is placed, and no day.
  auto vague = [&](std::vector<Claim> claims) {
    return DocBuilder("b", "2024-05-03").Mention(kVac, "", {country}, std::move(claims)).Build();
  };
  const DocAnalysis bombing =
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(40)}).Build();
  IncidentSet s = Resolve({bombing, vague({K(44)})});
  ASSERT_EQ(Leaves(s).size(), 1u);
  EXPECT_EQ(Leaves(s)[0]->documents.size(), 2u);
  EXPECT_TRUE(HasWhy(*Leaves(s)[0], "placed only by its country"));
  // Without a toll it may be news of no attack: it stays apart.
  EXPECT_EQ(Leaves(Resolve({bombing, vague({})})).size(), 2u);
  // A toll that does not fit, or two incidents in the country it could join: apart too.
  EXPECT_EQ(Leaves(Resolve({bombing, vague({K(400)})})).size(), 2u);
  const DocAnalysis second =
      DocBuilder("c", "2024-05-02").Mention(kBomb, "2024-05-02", {kCoast}, {K(41)}).Build();
  EXPECT_EQ(Leaves(Resolve({bombing, second, vague({K(44)})})).size(), 3u);
}

const Claim kMilitants12 = K(12, Qualifier::kExact, Field::kKilled, Category::kMilitants);

// A wave article: a wave sentence, an attack in Northtown (9 killed), a second sentence of
// the Northtown mention carrying `extra` with the given quote, and an attack in Southtown (4).
DocAnalysis WaveArticle(const std::string& id, Claim extra, const std::string& quote,
                        const std::string& figure) {
  DocAnalysis d = DocBuilder(id, "2024-08-26")
                      .Mention(kVac, "2024-08-26", {Province("Highland")},
                               {K(30, Qualifier::kAtLeast)}, false, /*wave=*/true)
                      .Mention(kVac, "2024-08-26", {kNorthTown}, {K(9)})
                      .Mention(kVac, "2024-08-26", {kNorthTown}, {extra})
                      .Mention(kVac, "2024-08-26", {kSouthTown}, {K(4)})
                      .Build();
  SetQuote(&d, 2, quote, {figure});
  return d;
}

ResolveOptions NoContextIncidents() {
  ResolveOptions o;
  o.separate_context_incidents = false;
  return o;
}

TEST(ResolveContextTest, ForcesKillingMilitantsIsNotThePlaceIncidents) {
  IncidentSet s =
      Resolve({WaveArticle("a", kMilitants12,
                           "Troops responded by killing 12 insurgents near the town.", "12")},
              NoContextIncidents());
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  ASSERT_TRUE(north->killed);
  EXPECT_EQ(north->killed->best, 9);
  EXPECT_TRUE(HasWhy(*north, "killed by the security forces"));
  for (const Claim& c : north->claims) EXPECT_NE(c.value, 12);
}

TEST(ResolveContextTest, ForcesRespondingToOneAttackAreTheSameFight) {
  // One attack, no wave: the attackers the forces killed on the spot died in that attack.
  auto single = [](const std::string& quote) {
    DocAnalysis d = DocBuilder("a", "2024-08-26")
                        .Mention(kVac, "2024-08-26", {kNorthTown}, {K(9)})
                        .Mention(kVac, "2024-08-26", {kNorthTown}, {kMilitants12})
                        .Build();
    SetQuote(&d, 1, quote, {"12"});
    return d;
  };
  IncidentSet s =
      Resolve({single("Security forces killed 12 of the attackers in an exchange of fire.")});
  ASSERT_EQ(Leaves(s).size(), 1u);
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  EXPECT_FALSE(HasWhy(*north, "forces' operations"));
  bool has12 = false;
  for (const Claim& c : north->claims) has12 = has12 || c.value == 12;
  EXPECT_TRUE(has12);
  // Named operations are the forces' own event even after one attack.
  IncidentSet t =
      Resolve({single("Troops later killed 12 militants in a clearance operation nearby.")});
  north = Find(t, "Northtown");
  ASSERT_NE(north, nullptr);
  EXPECT_EQ(north->killed->best, 9);
  EXPECT_TRUE(HasWhy(*north, "forces' operations"));
}

TEST(ResolveContextTest, OperationsCueInAnotherClauseDoesNotCount) {
  // The cue sits in a clause of its own: the figure is still the attack's.
  IncidentSet s = Resolve({WaveArticle(
      "a", kMilitants12,
      "Four attackers and 12 militants died in the raid, and troops responded by killing others.",
      "12")});
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  // The sentence names the event's place (the mention's place span lies inside it), so the
  // militants' figure stays with the attack.
  EXPECT_FALSE(HasWhy(*north, "killed by the security forces"));
  bool has12 = false;
  for (const Claim& c : north->claims) has12 = has12 || c.value == 12;
  EXPECT_TRUE(has12);
}

TEST(ResolveContextTest, RegionWideCountGoesToTheWave) {
  IncidentSet s = Resolve({WaveArticle(
      "a", K(40), "Overall 40 people were killed throughout the province on Monday.", "40")});
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  EXPECT_EQ(north->killed->best, 9);
  const Incident& story = s.incidents[0];
  EXPECT_TRUE(story.parent.empty());
  bool forty = false;
  for (const Claim& c : story.claims) forty = forty || c.value == 40;
  EXPECT_TRUE(forty);
  EXPECT_GE(story.killed->best, 40);
}

TEST(ResolveContextTest, EarlierEventIsNotPartOfTheTotal) {
  const std::string q = "The raids came a day after the army said it had killed 41 rebels.";
  IncidentSet s = Resolve(
      {WaveArticle("a", K(41, Qualifier::kExact, Field::kKilled, Category::kMilitants), q, "41")},
      NoContextIncidents());
  for (const Incident& i : s.incidents) {
    for (const Claim& c : i.claims) EXPECT_NE(c.value, 41) << i.id;
    if (i.killed) {
      EXPECT_LT(i.killed->best, 41);
    }
  }
  bool told = false;
  for (const Incident& i : s.incidents) told = told || HasWhy(i, "earlier event recalled 1 day");
  EXPECT_TRUE(told);

  // With separate incidents: a province-level Battles incident a day earlier, in no story.
  ResolveOptions o;
  o.separate_context_incidents = true;
  IncidentSet t = Resolve(
      {WaveArticle("a", K(41, Qualifier::kExact, Field::kKilled, Category::kMilitants), q, "41")},
      o);
  const Incident* earlier = nullptr;
  for (const Incident& i : t.incidents) {
    if (i.date && i.date->ToIso() == "2024-08-25") earlier = &i;
  }
  ASSERT_NE(earlier, nullptr);
  EXPECT_TRUE(earlier->parent.empty());
  EXPECT_EQ(earlier->geo_precision, 3);
  EXPECT_EQ(earlier->event_type, "Battles");
  ASSERT_TRUE(earlier->killed);
  EXPECT_EQ(earlier->killed->best, 41);
}

TEST(ResolveContextTest, OperationsIncidentCarriesBothSidesOfTheFight) {
  // Default options: the forces' fight is its own province-level Battles incident in the wave's
  // story, with the soldiers killed in the same sentence as the militants.
  DocAnalysis d = DocBuilder("a", "2024-08-26")
                      .Mention(kVac, "2024-08-26", {Province("Highland")},
                               {K(30, Qualifier::kAtLeast)}, false, /*wave=*/true)
                      .Mention(kVac, "2024-08-26", {kNorthTown}, {K(9)})
                      .Mention(kVac, "2024-08-26", {kNorthTown},
                               {K(5, Qualifier::kExact, Field::kKilled, Category::kSecurityForces),
                                K(12, Qualifier::kExact, Field::kKilled, Category::kMilitants)})
                      .Mention(kVac, "2024-08-26", {kSouthTown}, {K(4)})
                      .Build();
  SetQuote(
      &d, 2,
      "Five soldiers and 12 insurgents were killed as troops responded by killing the attackers.",
      {"Five", "12"});
  IncidentSet s = Resolve({d});
  const Incident* north = Find(s, "Northtown");
  ASSERT_NE(north, nullptr);
  ASSERT_TRUE(north->killed);
  EXPECT_EQ(north->killed->best, 9);
  EXPECT_TRUE(HasWhy(*north, "forces' operations"));
  const Incident* ops = nullptr;
  for (const Incident& i : s.incidents) {
    if (i.event_type == "Battles" && i.geo_precision == 3 && !i.parent.empty()) ops = &i;
  }
  ASSERT_NE(ops, nullptr);
  ASSERT_TRUE(ops->killed);
  EXPECT_EQ(ops->killed->best, 17);
}

TEST(ResolveContextTest, DyingADayAfterIsTheSameEvent) {
  // Figure before the cue, and a cue in another clause: both stay with the attack.
  DocAnalysis d =
      DocBuilder("a", "2024-08-26").Mention(kVac, "2024-08-26", {kNorthTown}, {K(2)}).Build();
  SetQuote(&d, 0, "Two men died a day after the shooting in the market.", {"Two"});
  IncidentSet s = Resolve({d});
  ASSERT_EQ(s.incidents.size(), 1u);
  ASSERT_TRUE(s.incidents[0].killed);
  EXPECT_EQ(s.incidents[0].killed->best, 2);

  DocAnalysis e =
      DocBuilder("b", "2024-08-26").Mention(kVac, "2024-08-26", {kNorthTown}, {K(3)}).Build();
  SetQuote(&e, 0, "A day after the blast, three people died in hospital.", {"three"});
  IncidentSet t = Resolve({e});
  ASSERT_EQ(t.incidents.size(), 1u);
  ASSERT_TRUE(t.incidents[0].killed);
  EXPECT_EQ(t.incidents[0].killed->best, 3);
}

TEST(ResolveContextTest, ContextRoutingIsOrderIndependent) {
  std::vector<DocAnalysis> docs = {
      WaveArticle("a", kMilitants12, "Security forces killed 12 insurgents in operations.", "12"),
      WaveArticle("b", K(41, Qualifier::kExact, Field::kKilled, Category::kMilitants),
                  "It came a day after troops said they had killed 41 rebels.", "41"),
      DocBuilder("c", "2024-08-26").Mention(kVac, "2024-08-26", {kSouthTown}, {K(4)}).Build(),
  };
  ResolveOptions o;
  o.separate_context_incidents = true;
  IncidentSet a = Resolve(docs, o);
  std::reverse(docs.begin(), docs.end());
  IncidentSet b = Resolve(docs, o);
  ASSERT_EQ(a.incidents.size(), b.incidents.size());
  for (size_t i = 0; i < a.incidents.size(); ++i) {
    EXPECT_EQ(a.incidents[i].id, b.incidents[i].id);
    EXPECT_EQ(a.incidents[i].claims.size(), b.incidents[i].claims.size());
  }
}

// ---------------------------------------------------------------------------------------------
// ResolveBatch: the compact per-article form resolution keeps.

ActorMention Generic(const std::string& name, bool denied = false) {
  ActorMention a;
  a.canonical = name;
  a.actor_class = ActorClass::kMilitants;
  if (denied) a.responsibility = ActorMention::Responsibility::kDenied;
  return a;
}

// A corpus with every kind of unit: merges across outlets, a wave with its story, a background
// recall, perpetrators (claimed, named, generic, denied), a wire copy, a repeated doc id.
std::vector<DocAnalysis> BatchCorpus() {
  return {
      DocBuilder("a", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(22, Qualifier::kAtLeast)}, false, false,
                   {Group("Northern Liberation Front", true), Generic("militants")})
          .Build(),
      DocBuilder("b", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthVillage}, {K(24)}, false, false,
                   {Group("Southern Front", false), Group("Northern Liberation Front")})
          .Build(),
      DocBuilder("c", "2024-05-03").Mention(kVac, "", {kNorthTown}, {K(26)}).CopyOf("a").Build(),
      DocBuilder("d", "2024-08-27")
          .Mention(kVac, "2024-08-26", {Province("Highland")}, {K(60, Qualifier::kMoreThan)}, false,
                   true, {Group("Northern Liberation Front", true)})
          .Mention(kVac, "2024-08-26", {kSouthTown}, {K(12)})
          .Mention(kVac, "2024-08-26", {kEastTown}, {K(9)}, false, false, {Generic("gunmen", true)})
          .Build(),
      DocBuilder("e", "2024-08-27").Mention(kVac, "2024-08-26", {kSouthTown}, {K(14)}).Build(),
      DocBuilder("f", "2024-09-10")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(99)}, /*background=*/true)
          .Mention(kVac, "2024-09-09", {kCoast}, {K(3), K(5, Qualifier::kExact, Field::kInjured)})
          .Build(),
      // A repeated id: only the first one added counts, as in Resolve().
      DocBuilder("e", "2024-08-27").Mention(kBomb, "2024-08-26", {kCoast}, {K(77)}).Build(),
  };
}

TEST(ResolveBatchTest, SameIncidentsAsResolveWhateverTheAddOrder) {
  const std::vector<DocAnalysis> docs = BatchCorpus();
  const std::string expected = IncidentsToJson(Resolve(docs));
  ASSERT_NE(expected.find("Northern Liberation Front"), std::string::npos);
  ASSERT_NE(expected.find("\"parent\": \"s"), std::string::npos) << "the corpus has a story";
  ASSERT_NE(expected.find("\"mentions\": [\n        \"f\""), std::string::npos)
      << "the corpus has a background recall";

  ResolveBatch forward;
  for (const DocAnalysis& d : docs) forward.Add(d);
  EXPECT_EQ(forward.size(), docs.size());
  EXPECT_EQ(IncidentsToJson(std::move(forward).Finish().value()), expected);

  // Another order gives the same bytes when the repeated id keeps its first-added analysis.
  std::vector<size_t> order = {5, 3, 0, 4, 2, 1, 6};
  ResolveBatch shuffled;
  for (size_t i : order) shuffled.Add(docs[i]);
  EXPECT_EQ(IncidentsToJson(std::move(shuffled).Finish().value()), expected);
}

TEST(ResolveBatchTest, AnalysesMayBeFreedRightAfterAdd) {
  const std::string expected = IncidentsToJson(Resolve(BatchCorpus()));
  ResolveBatch batch;
  {
    std::vector<DocAnalysis> docs = BatchCorpus();
    for (DocAnalysis& d : docs) {
      batch.Add(d);
      // Overwrite what the mentions held before freeing, so a dangling view would show.
      for (EventMention& m : d.mentions) {
        m.event_type.assign(40, 'x');
        m.sub_event_type.assign(40, 'y');
        for (ActorMention& a : m.actors) a.canonical.assign(40, 'z');
        for (Claim& c : m.claims) c.quote.assign(60, 'q');
      }
      d = DocAnalysis();
    }
  }
  const IncidentSet set = std::move(batch).Finish().value();
  EXPECT_EQ(IncidentsToJson(set), expected);
  const Incident* north = Find(set, "Northtown");
  ASSERT_NE(north, nullptr);
  // Claimed beats named beats generic; the denial of "gunmen" is respected.
  EXPECT_EQ(north->perpetrator, "Northern Liberation Front");
  EXPECT_EQ(north->event_type, kBomb);
  EXPECT_EQ(north->sub_event_type, "Suicide bomb");
  for (const Incident& inc : set.incidents) EXPECT_NE(inc.perpetrator, "gunmen");
}

TEST(ResolveBatchTest, MentionsAlikeShareOneRecord) {
  ResolveBatch batch;
  for (int i = 0; i < 200; ++i) {
    const std::string day = i % 2 == 0 ? "2024-05-01" : "2024-05-02";
    batch.Add(DocBuilder("n" + std::to_string(1000 + i), "2024-05-03")
                  .Mention(kBomb, day, {i % 3 == 0 ? kNorthTown : kCoast}, {K(i % 7 + 1)}, false,
                           false, {Group("Northern Liberation Front", i % 2 == 0)})
                  .Build());
  }
  EXPECT_EQ(batch.size(), 200u);
  // Two records: claimed and merely named; the place, date and figures live in the units.
  EXPECT_EQ(batch.distinct_mentions(), 2u);
  // Two places for 200 events: each unit holds a pointer to one shared record.
  EXPECT_EQ(batch.distinct_places(), 2u);
  const ResolveBatch::Stats kept = batch.stats();
  EXPECT_EQ(kept.events, 200u);  // one local event per article
  EXPECT_EQ(kept.waves, 0u);
  EXPECT_EQ(kept.recalls, 0u);
  EXPECT_GT(kept.claim_bytes, 200u * 30);  // each event's claim, quote included
  const IncidentSet set = std::move(batch).Finish().value();
  size_t claims = 0;
  for (const Incident* inc : Leaves(set)) claims += inc->claims.size();
  EXPECT_EQ(claims, 200u);  // every figure reaches its incident, each once
}

TEST(ResolveBatchTest, EmptyBatchGivesNoIncidents) {
  ResolveBatch batch;
  EXPECT_EQ(batch.size(), 0u);
  EXPECT_TRUE(std::move(batch).Finish().value().incidents.empty());
}

TEST(ResolveBatchTest, ClaimsReachTheirIncidentUnchanged) {
  // Every field of a claim, with values a lossy form would change: fractions, a non-ASCII
  // quote, an attribution, a wire copy's dependence, spans past 2^16.
  Claim c = K(12.5, Qualifier::kRange);
  c.low = 10.25;
  c.high = 15.75;
  c.category = Category::kSecurityForces;
  c.attributed_to = "the provincial police";
  std::vector<DocAnalysis> docs = {
      DocBuilder("w1", "2024-03-04").Mention(kVac, "2024-03-03", {kCoast}, {c}).Build()};
  Claim& in = docs[0].mentions[0].claims[0];
  in.quote = "Zw\xC3\xB6lf Polizisten \xE2\x80\x94 \"mindestens\" zehn \xE2\x80\x94 starben.";
  in.source = "a-very-long-outlet-name.example";
  in.span = {70000, 70090};
  in.figure_span = {70010, 70012};
  in.independent = false;
  docs[0].claims[0] = in;
  ResolveBatch batch;
  batch.Add(docs[0]);
  const IncidentSet set = std::move(batch).Finish().value();
  ASSERT_EQ(set.incidents.size(), 1u);
  ASSERT_EQ(set.incidents[0].claims.size(), 1u);
  const Claim& out = set.incidents[0].claims[0];
  EXPECT_EQ(out.doc_id, "w1");
  EXPECT_EQ(out.source, in.source);
  EXPECT_EQ(out.quote, in.quote);
  EXPECT_EQ(out.attributed_to, "the provincial police");
  EXPECT_EQ(out.span, in.span);
  EXPECT_EQ(out.figure_span, in.figure_span);
  EXPECT_EQ(out.field, Field::kKilled);
  EXPECT_EQ(out.category, Category::kSecurityForces);
  EXPECT_EQ(out.qualifier, Qualifier::kRange);
  EXPECT_EQ(out.scope, Scope::kIncident);
  EXPECT_FALSE(out.independent);
  EXPECT_EQ(out.value, 12.5);
  EXPECT_EQ(out.low, 10.25);
  EXPECT_EQ(out.high, 15.75);
  EXPECT_EQ(out.published.ToIso(), "2024-03-04");
}

TEST(ResolveBatchTest, FigureCuesAreReadOnceWhenAClaimIsAdded) {
  // The cues beside a figure are read when its article is added and travel with the encoded
  // claim: reconciliation reads those, not the quote again. Rules changed after Add() (which no
  // caller does) show which reading counted: the perpetrators' 40 stays the high end only.
  ResolveRules rules;
  rules.figure_cues = {
      {ResolveRules::FigureCueKind::kPartisan, true, 40, "claimed to have killed"}};
  rules.BuildCueIndexes();
  ResolveOptions o;
  o.rules = &rules;
  auto with_quote = [](DocAnalysis d, const std::string& quote, const std::string& figure) {
    for (Claim* c : {&d.mentions[0].claims[0], &d.claims[0]}) {
      c->quote = quote;
      c->figure_span.begin = c->span.begin + static_cast<uint32_t>(quote.find(figure));
      c->figure_span.end = c->figure_span.begin + static_cast<uint32_t>(figure.size());
      c->span.end = c->span.begin + static_cast<uint32_t>(quote.size());
    }
    return d;
  };
  const DocAnalysis official = with_quote(
      DocBuilder("c1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(12)}).Build(),
      "Officials said 12 guards died in the raid.", "12");
  const DocAnalysis rebels = with_quote(
      DocBuilder("c2", "2024-05-03").Mention(kVac, "2024-05-01", {kNorthTown}, {K(40)}).Build(),
      "The rebels claimed to have killed 40 guards in the raid.", "40");
  for (bool change_rules : {false, true}) {
    SCOPED_TRACE(change_rules);
    rules.figure_cues[0].phrase = "claimed to have killed";
    rules.BuildCueIndexes();
    ResolveBatch batch(o);
    batch.Add(official);
    batch.Add(rebels);
    const size_t claim_bytes = batch.stats().claim_bytes;
    if (change_rules) {
      rules.figure_cues[0].phrase = "no such words";
      rules.BuildCueIndexes();
    }
    const IncidentSet set = std::move(batch).Finish().value();
    const Incident* inc = Find(set, "Northtown");
    ASSERT_NE(inc, nullptr);
    ASSERT_TRUE(inc->killed);
    EXPECT_EQ(inc->killed->best, 12);  // the later 40 is the rebels' own count
    EXPECT_EQ(inc->killed->high, 40);
    ASSERT_EQ(inc->claims.size(), 2u);
    EXPECT_TRUE(inc->claims[0].independent && inc->claims[1].independent);
    // The cues ride in the byte the claim's independence already took.
    size_t quotes = 0;
    for (const DocAnalysis* d : {&official, &rebels}) quotes += d->claims[0].quote.size();
    EXPECT_LT(claim_bytes, quotes + 2 * 60);
  }
}

TEST(ResolveBatchTest, StreamGivesFinishIncidentsInOrder) {
  // FinishStream() parks claims and reasons in a temporary file until each incident is handed
  // out: the incidents must be Finish()'s, field for field, in the same order.
  const std::vector<DocAnalysis> docs = BatchCorpus();
  ResolveBatch whole;
  ResolveBatch streamed;
  for (const DocAnalysis& d : docs) whole.Add(d);
  // Another order (the repeated id "e" keeps its first-added analysis in both).
  for (size_t i : {5, 3, 0, 4, 2, 1, 6}) streamed.Add(docs[i]);
  const IncidentSet expected = std::move(whole).Finish().value();
  IncidentStream stream = std::move(streamed).FinishStream();
  EXPECT_EQ(stream.size(), expected.incidents.size());
  IncidentSet got;
  Incident inc;
  inc.claims.resize(3);  // stale content must not leak into the next incident
  inc.why.resize(2);
  while (stream.Next(&inc)) got.incidents.push_back(inc);
  EXPECT_FALSE(stream.Next(&inc));  // stays at the end
  ASSERT_EQ(got.incidents.size(), expected.incidents.size());
  EXPECT_EQ(IncidentsToJson(got), IncidentsToJson(expected));
  size_t claims = 0, reasons = 0;
  for (size_t i = 0; i < got.incidents.size(); ++i) {
    const Incident& a = got.incidents[i];
    const Incident& b = expected.incidents[i];
    EXPECT_EQ(a.id, b.id);
    ASSERT_EQ(a.why.size(), b.why.size()) << a.id;
    for (size_t k = 0; k < a.why.size(); ++k) {
      EXPECT_EQ(a.why[k].doc_id, b.why[k].doc_id);
      EXPECT_EQ(a.why[k].decision, b.why[k].decision);
      EXPECT_EQ(a.why[k].detail, b.why[k].detail);
      EXPECT_EQ(a.why[k].score, b.why[k].score);
    }
    ASSERT_EQ(a.claims.size(), b.claims.size()) << a.id;
    for (size_t k = 0; k < a.claims.size(); ++k) {
      EXPECT_EQ(a.claims[k].quote, b.claims[k].quote);
      EXPECT_EQ(a.claims[k].doc_id, b.claims[k].doc_id);
      EXPECT_EQ(a.claims[k].value, b.claims[k].value);
    }
    claims += a.claims.size();
    reasons += a.why.size();
  }
  EXPECT_GT(claims, 8u);  // the corpus has figures on leaves and on the story
  EXPECT_GT(reasons, 10u);
  // Parking keeps the reasons' order: what a leaf got when it was built (its decisions, claims
  // attached) comes before what reconciliation added after the first park (figures).
  size_t checked = 0;
  for (const Incident& i : got.incidents) {
    size_t last_built = 0, first_figure = i.why.size();
    for (size_t k = 0; k < i.why.size(); ++k) {
      const std::string& d = i.why[k].decision;
      if (d == "attached" || d == "new incident" || d == "claims attached") last_built = k;
      if (d == "figure" && first_figure == i.why.size()) first_figure = k;
    }
    if (first_figure == i.why.size() || i.claims.empty()) continue;
    EXPECT_LT(last_built, first_figure) << i.id;
    ++checked;
  }
  EXPECT_GT(checked, 0u);
}

TEST(ResolveBatchTest, EmptyStream) {
  ResolveBatch batch;
  IncidentStream stream = std::move(batch).FinishStream();
  Incident inc;
  inc.id = "untouched";
  EXPECT_EQ(stream.size(), 0u);
  EXPECT_FALSE(stream.Next(&inc));
  EXPECT_EQ(inc.id, "untouched");
}

// The descriptors of deleted files this process holds (a SpillFile's temporary file is one).
std::set<int> DeletedFileFds() {
  namespace fs = std::filesystem;
  std::set<int> fds;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator("/proc/self/fd", ec)) {
    const std::string target = fs::read_symlink(e.path(), ec).string();
    if (!ec && target.find("(deleted)") != std::string::npos) {
      fds.insert(std::stoi(e.path().filename().string()));
    }
  }
  return fds;
}

// Should the batch's temporary file fail to read back, the stream stops before handing out an
// incident without its claims and says why, and Finish() is that error.
TEST(ResolveBatchTest, UnreadableSpillFileStopsTheStream) {
  for (const bool stream : {true, false}) {
    const std::set<int> before = DeletedFileFds();
    ResolveBatch batch;
    int fd = -1;
    for (int f : DeletedFileFds()) fd = before.count(f) ? fd : f;
    if (fd < 0) GTEST_SKIP() << "no temporary file: the spill is kept in memory";
    // Claims with long quotes, enough that the spill writes them to its file.
    for (int i = 0; i < 300; ++i) {
      DocAnalysis d = DocBuilder("doc" + std::to_string(i), "2024-05-02")
                          .Mention(kBomb, "2024-05-01", {i % 2 ? kNorthTown : kCoast}, {K(3)})
                          .Build();
      for (Claim& c : d.mentions[0].claims) c.quote += std::string(5000, 'q');
      d.claims = d.mentions[0].claims;
      batch.Add(d);
    }
    ASSERT_GT(batch.stats().claim_bytes, 1u << 20);
    // The descriptor no longer reads (a write-only file in its place).
    const int write_only = open("/dev/null", O_WRONLY);
    ASSERT_GE(write_only, 0);
    ASSERT_EQ(dup2(write_only, fd), fd);
    close(write_only);
    if (stream) {
      IncidentStream incidents = std::move(batch).FinishStream();
      EXPECT_GT(incidents.size(), 0u);
      Incident inc;
      EXPECT_FALSE(incidents.Next(&inc));
      EXPECT_EQ(incidents.status().code(), StatusCode::kIoError);
      EXPECT_NE(incidents.status().message().find("spill file"), std::string::npos)
          << incidents.status().ToString();
    } else {
      Result<IncidentSet> set = std::move(batch).Finish();
      ASSERT_FALSE(set.ok());
      EXPECT_EQ(set.status().code(), StatusCode::kIoError);
    }
  }
}

std::string Day(int d) {  // 2024-03-01 + d, d < 60
  static const int kLen[] = {31, 30};
  int m = 3;
  for (int i = 0; d >= kLen[i] && i < 2; ++i) {
    d -= kLen[i];
    ++m;
  }
  char buf[16];
  std::snprintf(buf, sizeof(buf), "2024-%02d-%02d", m, d + 1);
  return buf;
}

// A busy town with an attack every day for two months: each attack is reported by two dated
// articles and one undated article published the same day. Each day stays its own incident (no
// chaining from day to day through the window or the undated reports), and the candidates a
// report is scored against stay few however long the town's history grows (blocking by time).
TEST(ResolveTest, BusyTownAtDensityKeepsDaysApartAndCandidatesBounded) {
  std::vector<DocAnalysis> docs;
  constexpr int kDays = 60;
  for (int d = 0; d < kDays; ++d) {
    const std::string id = "d" + std::to_string(100 + d);
    const double killed = d % 3 == 0 ? 3 : d % 3 == 1 ? 20 : 60;  // neighbours disagree
    const char* type = d % 2 == 0 ? kVac : kBomb;
    docs.push_back(
        DocBuilder(id + "a", Day(d)).Mention(type, Day(d), {kNorthTown}, {K(killed)}).Build());
    docs.push_back(
        DocBuilder(id + "b", Day(d)).Mention(type, Day(d), {kNorthTown}, {K(killed)}).Build());
    docs.push_back(
        DocBuilder(id + "c", Day(d)).Mention(type, "", {kNorthTown}, {K(killed)}).Build());
  }
  const IncidentSet s = Resolve(docs);
  const std::vector<const Incident*> leaves = Leaves(s);
  ASSERT_EQ(leaves.size(), static_cast<size_t>(kDays));
  size_t most = 0;
  for (const Incident* i : leaves) {
    ASSERT_EQ(i->documents.size(), 3u) << i->id;
    const std::string prefix = i->documents[0].substr(0, i->documents[0].size() - 1);
    EXPECT_EQ(i->documents[1], prefix + "b");
    EXPECT_EQ(i->documents[2], prefix + "c");
    for (const Reason& r : i->why) {
      const size_t at = r.detail.find(" among ");
      if (at != std::string::npos)
        most = std::max<size_t>(most, std::stoul(r.detail.substr(at + 7)));
    }
  }
  EXPECT_LE(most, 8u);  // the clusters of a few days, not of the whole two months
}

// The reasons resolution writes (read by `sitrep explain` and kept in the exports) name each
// report's day as an ISO date, its figures counted per field in the order of the fields' names,
// and the parts of the pair score that attached it.
TEST(ResolveTest, ReasonsGiveDaysFieldCountsAndScoreParts) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown},
                   {K(3), K(5, Qualifier::kExact, Field::kInjured), K(4)})
          .Build(),
      DocBuilder("b", "2024-05-03").Mention(kBomb, "2024-05-02", {kNorthTown}, {K(4)}).Build(),
  };
  const IncidentSet set = Resolve(docs);
  const std::vector<const Incident*> leaves = Leaves(set);
  ASSERT_EQ(leaves.size(), 1u);
  std::vector<std::string> details;
  for (const Reason& r : leaves[0]->why) details.push_back(r.decision + ": " + r.detail);
  auto has = [&](const std::string& part) {
    for (const std::string& d : details) {
      if (d.find(part) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(" on 2024-05-01; ")) << ::testing::PrintToString(details);
  EXPECT_TRUE(has("claims attached: 1 injured, 2 killed")) << ::testing::PrintToString(details);
  EXPECT_TRUE(has("claims attached: 1 killed")) << ::testing::PrintToString(details);
  EXPECT_TRUE(has("place=same-place date_gap=1 type=1.00 actors=0.50 figures=1.00 score="))
      << ::testing::PrintToString(details);
}

// Reports of a nearby town the next day that disagree on both the kind of attack and the toll
// are another attack; agreeing on either keeps them one.
TEST(ResolveTest, NearbyNextDayWithOtherTypeAndTollIsAnotherAttack) {
  std::vector<DocAnalysis> apart = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(3)}).Build(),
      DocBuilder("b", "2024-05-03").Mention(kVac, "2024-05-02", {kNorthVillage}, {K(30)}).Build(),
  };
  EXPECT_EQ(Leaves(Resolve(apart)).size(), 2u);
  std::vector<DocAnalysis> same_toll = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {kNorthTown}, {K(3)}).Build(),
      DocBuilder("b", "2024-05-03").Mention(kVac, "2024-05-02", {kNorthVillage}, {K(4)}).Build(),
  };
  EXPECT_EQ(Leaves(Resolve(same_toll)).size(), 1u);
}

// A report fits every place of an incident, not one of them: a town two steps from the first
// does not join by being near the second.
TEST(ResolveTest, IncidentDoesNotChainFromTownToTown) {
  const Place a = P("Alpha", "", "Highland", 30.0, 69.0);
  const Place b = P("Beta", "", "Highland", 30.0, 69.2);    // ~19 km east of Alpha
  const Place c = P("Gamma", "", "Highland", 30.0, 69.55);  // ~34 km east of Beta, 53 of Alpha
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02").Mention(kBomb, "2024-05-01", {a}, {K(5)}).Build(),
      DocBuilder("b", "2024-05-02").Mention(kBomb, "2024-05-01", {b}, {K(5)}).Build(),
      DocBuilder("c", "2024-05-02").Mention(kBomb, "2024-05-01", {c}, {K(5)}).Build(),
  };
  const IncidentSet set = Resolve(docs);  // kept alive: Leaves() points into it
  const std::vector<const Incident*> leaves = Leaves(set);
  ASSERT_EQ(leaves.size(), 2u);
  EXPECT_NE(leaves[0]->documents.size(), 3u);
}

// Reports that say how the attack was carried out, in ways that cannot describe one attack (a
// suicide bombing, an air strike), are two attacks even in one town on one day; ways outlets do
// use for one attack (a suicide bomber's blast as an IED, an ambush opened with a bomb as a
// clash, a missile strike as shelling or an air strike) keep them one.
TEST(ResolveTest, BombingAndAirStrikeInOneTownOnOneDayAreTwoAttacks) {
  auto leaves = [](const std::string& sub_a, const std::string& sub_b) {
    std::vector<DocAnalysis> docs = {
        DocBuilder("a", "2024-05-02")
            .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(5)})
            .Sub(sub_a)
            .Build(),
        DocBuilder("b", "2024-05-02")
            .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(5)})
            .Sub(sub_b)
            .Build(),
    };
    return Leaves(Resolve(docs)).size();
  };
  EXPECT_EQ(leaves("Suicide bomb", "Air/drone strike"), 2u);
  EXPECT_EQ(leaves("Remote explosive/landmine/IED", "Shelling/artillery/missile attack"), 2u);
  EXPECT_EQ(leaves("Suicide bomb", "Remote explosive/landmine/IED"), 1u);
  EXPECT_EQ(leaves("Remote explosive/landmine/IED", "Armed clash"), 1u);
  EXPECT_EQ(leaves("Air/drone strike", "Shelling/artillery/missile attack"), 1u);
  EXPECT_EQ(leaves("Suicide bomb", "Attack"), 1u);  // a generic attack names no method
  // A third report naming both ways joins the one it shares a way with, not the other.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(5)})
          .Sub("Suicide bomb")
          .Build(),
      DocBuilder("b", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown}, {K(5)})
          .Sub("Air/drone strike")
          .Build(),
  };
  const IncidentSet set = Resolve(docs);
  ASSERT_EQ(Leaves(set).size(), 2u);
  for (const Incident* i : Leaves(set)) EXPECT_EQ(i->documents.size(), 1u);
}

// Exact tolls far apart from outlets at neighbouring places on one day count different attacks;
// the same disagreement at the very same place and day is outlets misreporting one attack (kept
// one), and so is a higher toll published later (an update) or a toll given as a floor.
TEST(ResolveTest, ExactTollsFarApartAtANearbyPlaceAreTwoAttacks) {
  auto leaves = [](const Place& second, const std::string& published, Qualifier q) {
    std::vector<DocAnalysis> docs = {
        DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(3)}).Build(),
        DocBuilder("b", published).Mention(kVac, "2024-05-01", {second}, {K(40, q)}).Build(),
    };
    return Leaves(Resolve(docs)).size();
  };
  EXPECT_EQ(leaves(kNorthVillage, "2024-05-02", Qualifier::kExact), 2u);
  EXPECT_EQ(leaves(kNorthTown, "2024-05-02", Qualifier::kExact), 1u);
  EXPECT_EQ(leaves(kNorthVillage, "2024-05-03", Qualifier::kExact), 1u);  // a later update
  EXPECT_EQ(leaves(kNorthVillage, "2024-05-02", Qualifier::kAtLeast), 1u);
  // Tolls that can be one count (5 and 8) do not tell attacks apart.
  std::vector<DocAnalysis> close = {
      DocBuilder("a", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(8)}).Build(),
  };
  EXPECT_EQ(Leaves(Resolve(close)).size(), 1u);
}

// Several outlets placing an attack in one town and several others placing one in the next
// village on the same day report two attacks, though they agree on kind and toll; a lone report
// at the village is the town's attack under another name.
TEST(ResolveTest, TwoAttestedNearbyPlacesOnOneDayAreTwoAttacks) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("a2", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build(),
      DocBuilder("b2", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build(),
  };
  {
    const IncidentSet set = Resolve(docs);
    const std::vector<const Incident*> leaves = Leaves(set);
    ASSERT_EQ(leaves.size(), 2u);
    for (const Incident* i : leaves) {
      ASSERT_EQ(i->documents.size(), 2u);
      EXPECT_EQ(i->documents[0][0], i->documents[1][0]) << i->id;
    }
  }
  // Two outlets in the town on one day and two there the next day: as above.
  docs[2] =
      DocBuilder("b1", "2024-05-03").Mention(kVac, "2024-05-02", {kNorthTown}, {K(5)}).Build();
  docs[3] =
      DocBuilder("b2", "2024-05-03").Mention(kVac, "2024-05-02", {kNorthTown}, {K(5)}).Build();
  EXPECT_EQ(Leaves(Resolve(docs)).size(), 2u);
  // A wire copy of the village's report attests nothing of its own: one attack.
  docs[2] =
      DocBuilder("b1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build();
  docs[3] = DocBuilder("b2", "2024-05-02")
                .Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)})
                .CopyOf("b1")
                .Build();
  EXPECT_EQ(Leaves(Resolve(docs)).size(), 1u);
  docs.pop_back();
  // One report alone at the village (or on the next day) joins the attested attack.
  docs[2] =
      DocBuilder("b1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build();
  {
    const IncidentSet set = Resolve(docs);
    ASSERT_EQ(Leaves(set).size(), 1u);
    EXPECT_EQ(Leaves(set)[0]->documents.size(), 3u);
  }
  docs[2] =
      DocBuilder("b1", "2024-05-03").Mention(kVac, "2024-05-02", {kNorthTown}, {K(5)}).Build();
  EXPECT_EQ(Leaves(Resolve(docs)).size(), 1u);
}

// How many articles attest a place and day is a rule (limits.tsv attested_reports), not code:
// with 3, two outlets in the town and two in the village are one attack; with 1, even a lone
// report in the village stands apart from the town's.
TEST(ResolveTest, AttestedReportsIsARule) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("a2", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthTown}, {K(5)}).Build(),
      DocBuilder("b1", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build(),
      DocBuilder("b2", "2024-05-02").Mention(kVac, "2024-05-01", {kNorthVillage}, {K(5)}).Build(),
  };
  ResolveRules rules = DefaultResolveRules();
  ASSERT_EQ(rules.attested_reports, 2);
  ResolveOptions o;
  o.rules = &rules;
  EXPECT_EQ(Leaves(Resolve(docs, o)).size(), 2u);
  rules.attested_reports = 3;
  EXPECT_EQ(Leaves(Resolve(docs, o)).size(), 1u);
  docs.pop_back();
  EXPECT_EQ(Leaves(Resolve(docs, o)).size(), 1u);
  rules.attested_reports = 1;
  EXPECT_EQ(Leaves(Resolve(docs, o)).size(), 2u);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Undated follow-ups (charges filed, a victim dying in hospital) weeks after a dated attack.
bool JoinedAsFollowUp(const Incident& inc, const std::string& doc) {
  for (const Reason& r : inc.why) {
    if (r.doc_id == doc && r.decision == "attached" &&
        r.detail.find("the only incident at its place") != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(ResolveFollowUpTest, UndatedReportWeeksLaterJoinsTheOnlyIncidentThere) {
  // "A man was charged with murder in the Northtown shooting", published 40 days after it.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-02").Mention(kVac, "2024-03-01", {kNorthTown}, {K(2)}).Build(),
      DocBuilder("b", "2024-04-10").Mention(kVac, "", {kNorthTown}, {K(2)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(s.incidents[0].date);
  EXPECT_EQ(s.incidents[0].date->ToIso(), "2024-03-01");
  EXPECT_TRUE(JoinedAsFollowUp(s.incidents[0], "b"));
  std::vector<DocAnalysis> reversed(docs.rbegin(), docs.rend());
  EXPECT_EQ(Resolve(reversed).incidents.size(), 1u);
}

TEST(ResolveFollowUpTest, TwoIncidentsAtThePlaceLeaveTheFollowUpApart) {
  // Two attacks in one town three weeks apart: a report weeks later names neither by date, and
  // the place cannot say which it follows.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-02").Mention(kVac, "2024-03-01", {kNorthTown}, {K(2)}).Build(),
      DocBuilder("b", "2024-03-23").Mention(kVac, "2024-03-22", {kNorthTown}, {K(1)}).Build(),
      DocBuilder("c", "2024-04-30").Mention(kVac, "", {kNorthTown}).Build(),
  };
  IncidentSet s = Resolve(docs);
  EXPECT_EQ(s.incidents.size(), 3u);
  for (const Incident& inc : s.incidents) EXPECT_FALSE(JoinedAsFollowUp(inc, "c"));
}

TEST(ResolveFollowUpTest, OnlyWithinTheSpanAtTheSamePlaceAndFittingIt) {
  const std::string dated = "2024-03-01";
  auto attack = [&] {
    return DocBuilder("a", "2024-03-02").Mention(kVac, dated, {kNorthTown}, {K(2)}).Build();
  };
  // Beyond undated_followup_days (90): apart.
  EXPECT_EQ(
      Resolve({attack(), DocBuilder("b", "2024-07-15").Mention(kVac, "", {kNorthTown}).Build()})
          .incidents.size(),
      2u);
  // A neighbouring village of the same district weeks later: another attack, not a follow-up.
  EXPECT_EQ(
      Resolve({attack(), DocBuilder("b", "2024-04-10").Mention(kVac, "", {kNorthVillage}).Build()})
          .incidents.size(),
      2u);
  // Another kind of attack with another toll: the ordinary scoring still rejects it.
  EXPECT_EQ(
      Resolve({attack(),
               DocBuilder("b", "2024-04-10").Mention(kBomb, "", {kNorthTown}, {K(30)}).Build()})
          .incidents.size(),
      2u);
  // Published before the attack: no follow-up of it.
  EXPECT_EQ(
      Resolve({attack(), DocBuilder("b", "2024-02-01").Mention(kVac, "", {kNorthTown}).Build()})
          .incidents.size(),
      2u);
  // Within the span the ordinary gap (3 days) still decides first, as before.
  IncidentSet near =
      Resolve({attack(), DocBuilder("b", "2024-03-03").Mention(kVac, "", {kNorthTown}).Build()});
  ASSERT_EQ(near.incidents.size(), 1u);
  EXPECT_FALSE(JoinedAsFollowUp(near.incidents[0], "b"));
}

// A US county named alone reads as its seat town (geo/geocoder.h). `surface` is how the article
// spelled the place; the spans are as long as the surface, as the geocoder makes them, and
// `via_county` is the geocoder's flag (PlaceMention::via_county): the surface names the county.
DocAnalysis NamedAs(DocAnalysis d, const Place& p, const std::string& surface, bool via_county) {
  auto respan = [&](PlaceMention& pm) {
    if (pm.place.name != p.name) return;
    pm.span.end = pm.span.begin + static_cast<uint32_t>(surface.size());
    pm.via_county = via_county;
  };
  for (EventMention& m : d.mentions) {
    for (PlaceMention& pm : m.places) respan(pm);
  }
  for (PlaceMention& pm : d.places) respan(pm);
  if (surface != p.name) {
    d.place_spellings.push_back({PlaceKey(p.country, p.admin1, p.name), surface});
  }
  return d;
}

const Place kSeat = P("Millbrook", "Cedar", "Ohio", 40.00, -83.00, GeoLevel::kPlace, "US");
const Place kVillage = P("Fernvale", "Cedar", "Ohio", 40.05, -83.08, GeoLevel::kPlace, "US");
const Place kBorough = P("The Heights", "Heights", "Ohio", 40.20, -83.20, GeoLevel::kPlace, "US");

TEST(ResolveTest, TownNamedOnlyThroughItsCountyYieldsToTheTownAReportNames) {
  // Two reports say only "the Cedar County sheriff" (read as the seat, Millbrook); one names
  // the village where it happened. The incident is at the village, though outvoted.
  std::vector<DocAnalysis> docs = {
      NamedAs(DocBuilder("a", "2024-03-02").Mention(kVac, "2024-03-01", {kSeat}, {K(1)}).Build(),
              kSeat, "Cedar County", true),
      NamedAs(DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {kSeat}, {K(1)}).Build(),
              kSeat, "Cedar County", true),
      DocBuilder("c", "2024-03-02").Mention(kVac, "2024-03-01", {kVillage}, {K(1)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Fernvale");
  EXPECT_EQ(s.incidents[0].admin2, "Cedar");
}

// A report of the attack in Cedar County on 2024-03-01 that names only "the Cedar County sheriff".
DocAnalysis CountyReport(const std::string& id) {
  return NamedAs(DocBuilder(id, "2024-03-02").Mention(kVac, "2024-03-01", {kSeat}, {K(1)}).Build(),
                 kSeat, "Cedar County", true);
}

TEST(ResolveTest, TownNamedOnlyThroughItsCountyByEveryReportIsAtCountyPrecision) {
  // Both reports say only "the Cedar County sheriff": the incident keeps the seat's name and
  // point (the county's stand-in) at precision 2; a report naming the seat itself makes it 1.
  std::vector<DocAnalysis> docs = {CountyReport("a"), CountyReport("b")};
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Millbrook");
  EXPECT_EQ(s.incidents[0].admin2, "Cedar");
  EXPECT_EQ(s.incidents[0].geo_precision, 2);
  docs[1] = NamedAs(docs[1], kSeat, "Millbrook", false);
  s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Millbrook");
  EXPECT_EQ(s.incidents[0].geo_precision, 1);
}

TEST(ResolveTest, CountyStandInHoldsATownJustOverTheCountyLine) {
  // "the Cedar County sheriff" (read as Millbrook) and a report naming Pinecrest, which the
  // gazetteer puts in the next county 20 km from the seat: one incident, at the named town.
  const Place over_line = P("Pinecrest", "Oakes", "Ohio", 40.15, -83.10, GeoLevel::kPlace, "US");
  std::vector<DocAnalysis> docs = {
      CountyReport("a"),
      DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {over_line}, {K(1)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Pinecrest");
  EXPECT_EQ(s.incidents[0].geo_precision, 1);
  // A town 60 km off is beyond the county: two incidents.
  docs[1] =
      DocBuilder("b", "2024-03-02")
          .Mention(kVac, "2024-03-01",
                   {P("Farhill", "Oakes", "Ohio", 40.50, -83.20, GeoLevel::kPlace, "US")}, {K(1)})
          .Build();
  EXPECT_EQ(Resolve(docs).incidents.size(), 2u);
  // Named by its own name, the seat is a town like any other: 20 km over a county line is
  // another town's attack.
  docs[0] = NamedAs(docs[0], kSeat, "Millbrook", false);
  docs[1] = DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {over_line}, {K(1)}).Build();
  EXPECT_EQ(Resolve(docs).incidents.size(), 2u);
}

TEST(ResolveTest, SeatNamedByItsOwnNameStaysATown) {
  // One of the county reports also names Millbrook itself (a mention not via the county): then
  // Millbrook is a town named twice and wins the vote as before.
  DocAnalysis a =
      DocBuilder("a", "2024-03-02").Mention(kVac, "2024-03-01", {kSeat}, {K(1)}).Build();
  a.places.push_back({{400, 409}, kSeat, 0.9f});
  std::vector<DocAnalysis> docs = {
      NamedAs(a, kSeat, "Cedar County", true),
      DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {kSeat}, {K(1)}).Build(),
      DocBuilder("c", "2024-03-02").Mention(kVac, "2024-03-01", {kVillage}, {K(1)}).Build(),
  };
  // NamedAs respans and flags every Millbrook: undo for this one.
  docs[0].places.back().span = {400, 409};
  docs[0].places.back().via_county = false;
  docs[1] = NamedAs(docs[1], kSeat, "Millbrook", false);
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "Millbrook");
}

TEST(ResolveTest, ShortFormOfATownsOwnNameIsNoCounty) {
  // "Heights" for "The Heights" (whose county is Heights) is the town's own name shortened, not
  // its county (the geocoder leaves it unflagged): the town keeps its two votes.
  std::vector<DocAnalysis> docs = {
      NamedAs(DocBuilder("a", "2024-03-02").Mention(kVac, "2024-03-01", {kBorough}, {K(1)}).Build(),
              kBorough, "Heights", false),
      NamedAs(DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {kBorough}, {K(1)}).Build(),
              kBorough, "Heights", false),
      DocBuilder("c", "2024-03-02")
          .Mention(kVac, "2024-03-01",
                   {P("Elmwood", "Heights", "Ohio", 40.22, -83.21, GeoLevel::kPlace, "US")}, {K(1)})
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].place, "The Heights");
}

// A report that joined by the person it names (NameFollowUp).
bool JoinedByName(const Incident& inc, const std::string& doc) {
  for (const Reason& r : inc.why) {
    if (r.doc_id == doc && r.decision == "attached" &&
        r.detail.find("names the same person") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The shooting in Northtown on 2024-03-01, its suspect named.
DocAnalysis NamedAttack() {
  return DocBuilder("a", "2024-03-02")
      .Mention(kVac, "2024-03-01", {kNorthTown}, {K(2)})
      .Person("Dana Q. Reyes")
      .Build();
}

TEST(ResolveNameFollowUpTest, HearingMonthsLaterJoinsOnTheSameFullName) {
  // "Dana Reyes Jr., accused of killing two, pleaded guilty Tuesday": dated by the hearing, with
  // a figure of the case (other charges), months later.
  std::vector<DocAnalysis> docs = {
      NamedAttack(),
      DocBuilder("b", "2024-09-11")
          .Mention(kVac, "2024-09-10", {kNorthTown}, {K(7)})
          .Person("Dana Reyes Jr.")
          .Build(),
  };
  for (int pass = 0; pass < 2; ++pass) {
    IncidentSet s = Resolve(docs);
    ASSERT_EQ(s.incidents.size(), 1u);
    const Incident& inc = s.incidents[0];
    EXPECT_EQ(inc.documents, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(JoinedByName(inc, "b"));
    // The hearing's day and figures do not move the attack's.
    ASSERT_TRUE(inc.date);
    EXPECT_EQ(inc.date->ToIso(), "2024-03-01");
    ASSERT_TRUE(inc.killed);
    EXPECT_EQ(inc.killed->best, 2);
    std::reverse(docs.begin(), docs.end());  // the same whatever the input order
  }
}

TEST(ResolveNameFollowUpTest, UndatedOrCountyLevelFollowUpsJoinAndLaterNewsOfTheAttackStill) {
  // Undated, in the same county; and a second report of the attack itself the next day still
  // finds the incident by its date.
  const Place county =
      P("North District", "North District", "Highland", 30.0, 69.0, GeoLevel::kDistrict);
  std::vector<DocAnalysis> docs = {
      NamedAttack(),
      DocBuilder("b", "2024-06-01").Mention(kVac, "", {county}).Person("Dana Reyes").Build(),
      DocBuilder("c", "2024-07-01")
          .Mention(kVac, "2024-07-01", {kNorthVillage})
          .Person("Dana Reyes")
          .Build(),
      DocBuilder("d", "2024-03-03").Mention(kVac, "2024-03-02", {kNorthTown}, {K(2)}).Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_TRUE(JoinedByName(s.incidents[0], "b"));
  EXPECT_TRUE(JoinedByName(s.incidents[0], "c"));
  EXPECT_EQ(s.incidents[0].date->ToIso(), "2024-03-01");
}

TEST(ResolveNameFollowUpTest, AnArticleNamingNoPlaceJoinsByTheNameOnly) {
  // "Family identifies the man charged in the shooting of two": no town in the whole article,
  // the suspect named. Its document joins the attack; its figure (5, of nothing checked) not.
  auto placeless = [](const std::string& published, const std::string& name) {
    return DocBuilder("b", published).Mention(kVac, "", {}, {K(5)}).Person(name).Build();
  };
  IncidentSet s = Resolve({NamedAttack(), placeless("2024-03-05", "Dana Reyes")});
  ASSERT_EQ(s.incidents.size(), 1u);
  const Incident& inc = s.incidents[0];
  EXPECT_EQ(inc.documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(JoinedByName(inc, "b"));
  ASSERT_TRUE(inc.killed);
  EXPECT_EQ(inc.killed->best, 2);
  for (const Claim& c : inc.claims) EXPECT_NE(c.doc_id, "b");
  // Another name, or beyond undated_followup_days (90): nothing to join, and no incident of
  // its own (it has no place).
  EXPECT_EQ(Resolve({NamedAttack(), placeless("2024-03-05", "Robin Reyes")})
                .incidents[0]
                .documents.size(),
            1u);
  IncidentSet late = Resolve({NamedAttack(), placeless("2024-07-15", "Dana Reyes")});
  ASSERT_EQ(late.incidents.size(), 1u);
  EXPECT_EQ(late.incidents[0].documents, (std::vector<std::string>{"a"}));
  // Published before the attack: not its report.
  IncidentSet early = Resolve({NamedAttack(), placeless("2024-02-20", "Dana Reyes")});
  EXPECT_EQ(early.incidents[0].documents, (std::vector<std::string>{"a"}));
  // The same person at two incidents: nothing says which.
  IncidentSet two = Resolve({NamedAttack(),
                             DocBuilder("c", "2024-03-03")
                                 .Mention(kVac, "2024-03-02", {kCoast}, {K(1)})
                                 .Person("Dana Reyes")
                                 .Build(),
                             placeless("2024-03-05", "Dana Reyes")});
  ASSERT_EQ(two.incidents.size(), 2u);
  for (const Incident& i : two.incidents) EXPECT_FALSE(JoinedByName(i, "b"));
}

TEST(ResolveNameFollowUpTest, BatchCountsTheEventsNamingAPerson) {
  ResolveBatch batch;
  batch.Add(NamedAttack());
  batch.Add(DocBuilder("b", "2024-03-02").Mention(kVac, "2024-03-01", {kSouthTown}).Build());
  batch.Add(DocBuilder("c", "2024-03-02")
                .Mention(kVac, "2024-03-01", {kEastTown})
                .Person("Reyes")  // a surname alone is no key
                .Build());
  EXPECT_EQ(batch.stats().events, 3u);
  EXPECT_EQ(batch.stats().named_events, 1u);
}

TEST(ResolveNameFollowUpTest, VictimNamedByBothJoins) {
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-02")
          .Mention(kVac, "2024-03-01", {kNorthTown}, {K(1)})
          .Person("Ava Lindqvist", false)
          .Build(),
      DocBuilder("b", "2024-05-20")
          .Mention(kVac, "2024-05-20", {kNorthTown})
          .Person("Milo Brandt")
          .Person("Ava Lindqvist", false)
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_TRUE(JoinedByName(s.incidents[0], "b"));
}

TEST(ResolveNameFollowUpTest, StaysApartWithoutTheSameFullNameInTheSameArea) {
  auto hearing = [](const Place& place, const std::string& name, const std::string& published) {
    return DocBuilder("b", published).Mention(kVac, published, {place}).Person(name).Build();
  };
  // Another name; a surname alone; the same name in another province (another state) and in
  // another district; a suspect named as someone's victim; beyond name_followup_days (730).
  const Place other_state = P("Northtown", "North District", "Lowland", 25.5, 62.5);
  EXPECT_EQ(
      Resolve({NamedAttack(), hearing(kNorthTown, "Dana Rivers", "2024-09-10")}).incidents.size(),
      2u);
  EXPECT_EQ(Resolve({NamedAttack(), hearing(kNorthTown, "Reyes", "2024-09-10")}).incidents.size(),
            2u);
  EXPECT_EQ(
      Resolve({NamedAttack(), hearing(other_state, "Dana Reyes", "2024-09-10")}).incidents.size(),
      2u);
  EXPECT_EQ(
      Resolve({NamedAttack(), hearing(kSouthTown, "Dana Reyes", "2024-09-10")}).incidents.size(),
      2u);
  EXPECT_EQ(
      Resolve({NamedAttack(), hearing(kNorthTown, "Dana Reyes", "2026-09-10")}).incidents.size(),
      2u);
  EXPECT_EQ(Resolve({NamedAttack(), DocBuilder("b", "2024-09-10")
                                        .Mention(kVac, "2024-09-10", {kNorthTown})
                                        .Person("Dana Reyes", false)
                                        .Build()})
                .incidents.size(),
            2u);
  // Named only in a background mention (a recalled earlier case): no join.
  EXPECT_EQ(Resolve({NamedAttack(), DocBuilder("b", "2024-09-10")
                                        .Mention(kVac, "2024-09-10", {kNorthTown})
                                        .Mention(kVac, "2024-03-01", {kNorthTown}, {}, true)
                                        .Person("Dana Reyes")
                                        .Build()})
                .incidents.size(),
            2u);
  // The same person at two incidents there (a bombing and an air strike cannot be one attack):
  // nothing says which the report follows.
  std::vector<DocAnalysis> two = {
      DocBuilder("a", "2024-03-02")
          .Mention(kBomb, "2024-03-01", {kNorthTown}, {K(2)})
          .Person("Dana Q. Reyes")
          .Build(),
      DocBuilder("c", "2024-05-02")
          .Mention(kBomb, "2024-05-01", {kNorthTown})
          .Sub("Air/drone strike")
          .Person("Dana Reyes")
          .Build(),
      hearing(kNorthTown, "Dana Reyes", "2024-09-10"),
  };
  IncidentSet s = Resolve(two);
  EXPECT_EQ(s.incidents.size(), 3u);
  for (const Incident& inc : s.incidents) EXPECT_FALSE(JoinedByName(inc, "b"));
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Whether `doc` joined `inc` by the day its article names (DayFollowUp).
bool JoinedByNamedDay(const Incident& inc, const std::string& doc) {
  for (const Reason& r : inc.why) {
    if (r.doc_id == doc && r.decision == "attached" &&
        r.detail.find("its article names") != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(ResolveDayFollowUpTest, LaterDeathNamingTheAttacksDayJoinsAndCounts) {
  // "One dead, one hurt in a Northtown shooting"; eleven days later "the woman died Tuesday of
  // the wounds she suffered March 1 in Northtown": dated by the death, it names the attack's day.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-03-01")
          .Mention(kVac, "2024-03-01", {kNorthTown},
                   {K(1), K(1, Qualifier::kExact, Field::kInjured)})
          .Build(),
      DocBuilder("b", "2024-03-13")
          .Mention(kVac, "2024-03-12", {kNorthTown}, {K(2)})
          .Writes("2024-03-01")
          .Build(),
  };
  for (int pass = 0; pass < 2; ++pass) {
    IncidentSet s = Resolve(docs);
    ASSERT_EQ(s.incidents.size(), 1u);
    const Incident& inc = s.incidents[0];
    EXPECT_EQ(inc.documents, (std::vector<std::string>{"a", "b"}));
    ASSERT_TRUE(inc.date);
    EXPECT_EQ(inc.date->ToIso(), "2024-03-01");  // the attack's day, not the death's
    ASSERT_TRUE(inc.killed);
    EXPECT_EQ(inc.killed->best, 2);  // the later count is the incident's
    EXPECT_TRUE(JoinedByNamedDay(inc, "b"));
    std::reverse(docs.begin(), docs.end());
  }
}

TEST(ResolveDayFollowUpTest, UndatedTrialReportYearsLaterJoinsByTheDayItWrites) {
  // "He pleaded guilty in the shooting at the club at 3:30 a.m. Oct. 26, 2023": beyond the
  // undated follow-up span, no name shared, but the article writes the attack's day.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2023-10-26").Mention(kVac, "2023-10-26", {kNorthTown}, {K(1)}).Build(),
      DocBuilder("b", "2025-11-10")
          .Mention(kVac, "", {kNorthTown}, {K(1)})
          .Writes("2023-10-26", true)
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_TRUE(JoinedByNamedDay(s.incidents[0], "b"));
  EXPECT_EQ(s.incidents[0].date->ToIso(), "2023-10-26");
}

TEST(ResolveDayFollowUpTest, UndatedHearingJoinsByTheDayItsRecalledAttackWrites) {
  // "The hearing was continued to September. The brothers are charged with shooting four women
  // inside an apartment Jan. 7": the attack is recalled in background, the report has no day of
  // its own; the recalled day says which incident it is about.
  std::vector<DocAnalysis> docs = {
      DocBuilder("a", "2024-01-07").Mention(kVac, "2024-01-07", {kNorthTown}, {K(4)}).Build(),
      DocBuilder("b", "2024-07-16")
          .Mention(kVac, "", {kNorthTown})
          .Mention(kVac, "2024-01-07", {kNorthTown}, {K(4)}, /*background=*/true)
          .Writes("2024-01-07")
          .Build(),
  };
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(JoinedByNamedDay(s.incidents[0], "b"));
}

TEST(ResolveDayFollowUpTest, StaysApartUnlessTheDayIsWrittenForTheNewsAtItsTownBeforeIt) {
  auto attack = [] {
    return DocBuilder("a", "2024-03-01").Mention(kVac, "2024-03-01", {kNorthTown}, {K(1)}).Build();
  };
  auto apart = [&](const DocAnalysis& b) {
    IncidentSet s = Resolve({attack(), b});
    for (const Incident& inc : s.incidents) EXPECT_FALSE(JoinedByNamedDay(inc, "b"));
    return s.incidents.size();
  };
  // A new attack whose article recalls "the March 1 shooting" in a background sentence.
  EXPECT_EQ(apart(DocBuilder("b", "2024-03-20")
                      .Mention(kVac, "2024-03-19", {kNorthTown}, {K(3)})
                      .Mention(kVac, "2024-03-01", {kNorthTown}, {}, /*background=*/true)
                      .Writes("2024-03-01")
                      .Build()),
            2u);
  // "On Friday" is read from publication, not written out.
  EXPECT_EQ(apart(DocBuilder("b", "2024-03-20")
                      .Mention(kVac, "2024-03-19", {kNorthTown}, {K(1)})
                      .Writes("2024-03-01", true, /*relative=*/true)
                      .Build()),
            2u);
  // Another town.
  EXPECT_EQ(apart(DocBuilder("b", "2024-03-20")
                      .Mention(kVac, "2024-03-19", {kSouthTown}, {K(1)})
                      .Writes("2024-03-01", true)
                      .Build()),
            2u);
  // A day after the report's own (a hearing set for then) is no attack it follows.
  EXPECT_EQ(apart(DocBuilder("b", "2024-03-05")
                      .Mention(kVac, "2024-02-25", {kNorthTown}, {K(1)})
                      .Writes("2024-03-01", true)
                      .Build()),
            2u);
}

// Two towns named Maplewood in two states, and a county named Linden in each (read as its seat).
const Place kMaplewoodOhio = P("Maplewood", "Ash", "Ohio", 40.3, -82.9, GeoLevel::kPlace, "US");
const Place kMaplewoodIowa = P("Maplewood", "Birch", "Iowa", 41.6, -93.6, GeoLevel::kPlace, "US");
const Place kLindenSeatOhio = P("Oakford", "Linden", "Ohio", 39.9, -83.4, GeoLevel::kPlace, "US");
const Place kLindenSeatTexas = P("Rayburn", "Linden", "Texas", 32.7, -94.4, GeoLevel::kPlace, "US");

// A report at `p` on `day` (killed `killed`) whose article names nothing else; with `anchor`,
// its article also names that place of the same state (its province, a nearby town).
DocAnalysis NamesakeReport(const std::string& id, const Place& p, const std::string& day,
                           double killed, const Place* anchor = nullptr,
                           const std::string& type = kVac) {
  DocAnalysis d = DocBuilder(id, "2024-05-05").Mention(type, day, {p}, {K(killed)}).Build();
  if (anchor != nullptr) d.places.push_back({{900, 910}, *anchor, 0.9f});
  return d;
}

TEST(ResolveTest, ABareNameJoinsTheSameDaysIncidentAtItsNamesakeInAnotherState) {
  // One article says "Maplewood, Ohio"; another says only "Maplewood", which the geocoder gave
  // Iowa's namesake: one attack, placed where the article with a cue put it.
  const Place ohio = Province("Ohio", "US");
  std::vector<DocAnalysis> docs = {NamesakeReport("a", kMaplewoodOhio, "2024-05-04", 1, &ohio),
                                   NamesakeReport("b", kMaplewoodIowa, "2024-05-04", 1),
                                   NamesakeReport("c", kMaplewoodIowa, "2024-05-04", 1)};
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].admin1, "Ohio");  // though two reports said Iowa's
  EXPECT_EQ(s.incidents[0].documents.size(), 3u);
  bool why = false;
  for (const Reason& r : s.incidents[0].why) {
    why = why || r.detail.find("place=namesake") != std::string::npos;
  }
  EXPECT_TRUE(why);
  // Two bare names alone are one attack too.
  EXPECT_EQ(
      Resolve({docs[1], NamesakeReport("d", kMaplewoodOhio, "2024-05-04", 1)}).incidents.size(),
      1u);
}

TEST(ResolveTest, NamesakesStayApartWhenBothArticlesChoseTheirStateOrTheyDisagree) {
  const Place ohio = Province("Ohio", "US");
  const Place iowa = Province("Iowa", "US");
  const DocAnalysis a = NamesakeReport("a", kMaplewoodOhio, "2024-05-04", 1, &ohio);
  // Each article names its state: two attacks.
  EXPECT_EQ(
      Resolve({a, NamesakeReport("b", kMaplewoodIowa, "2024-05-04", 1, &iowa)}).incidents.size(),
      2u);
  // Another day: two attacks.
  EXPECT_EQ(Resolve({a, NamesakeReport("b", kMaplewoodIowa, "2024-05-03", 1)}).incidents.size(),
            2u);
  // Another kind of attack and a toll that cannot be the same count: two attacks.
  EXPECT_EQ(Resolve({a, NamesakeReport("b", kMaplewoodIowa, "2024-05-04", 30, nullptr, kBomb)})
                .incidents.size(),
            2u);
  // Another town of the same name in the report's own state is no namesake misreading.
  const Place other = P("Maplewood", "Elm", "Ohio", 41.2, -81.5, GeoLevel::kPlace, "US");
  EXPECT_EQ(Resolve({a, NamesakeReport("b", other, "2024-05-04", 1)}).incidents.size(), 2u);
}

TEST(ResolveTest, ACountyReadInTheWrongStateJoinsByTheCountysName) {
  // "Linden County" read as Ohio's (its seat Oakford) in one article, as Texas's in another that
  // names Dallas; and an undated third report of Ohio's reading, published the next day.
  const Place dallas = P("Dallas", "Dallas", "Texas", 32.8, -96.8, GeoLevel::kPlace, "US");
  DocAnalysis undated =
      DocBuilder("c", "2024-05-05").Mention(kVac, "", {kLindenSeatOhio}, {K(1)}).Build();
  std::vector<DocAnalysis> docs = {
      NamedAs(NamesakeReport("a", kLindenSeatOhio, "2024-05-04", 1), kLindenSeatOhio,
              "Linden County", true),
      NamedAs(NamesakeReport("b", kLindenSeatTexas, "2024-05-04", 1, &dallas), kLindenSeatTexas,
              "Linden County", true),
      NamedAs(undated, kLindenSeatOhio, "Linden County", true)};
  IncidentSet s = Resolve(docs);
  ASSERT_EQ(s.incidents.size(), 1u);
  EXPECT_EQ(s.incidents[0].admin1, "Texas");
  EXPECT_EQ(s.incidents[0].admin2, "Linden");
}

}  // namespace
}  // namespace sitrep
