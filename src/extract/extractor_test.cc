#include "extract/extractor.h"

#include <gtest/gtest.h>

#include "extract/test_doc.h"

namespace sitrep {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = Extractor::Load("");
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    ex_ = std::move(x).value().release();
  }
  static void TearDownTestSuite() { delete ex_; }

  void SetText(const std::string& text) {
    article_ = Article();
    article_.doc_id = "d1";
    article_.source = "example.org";
    article_.published = CivilDate{2031, 5, 12};
    article_.text = text;
    doc_ = testing_doc::MakeDoc(article_.text);
    places_.clear();
  }
  // A place mention over the first occurrence of `name` at or after `from`.
  void AddPlace(const std::string& name, GeoLevel level, const std::string& admin1, uint32_t id,
                size_t from = 0, float confidence = 0.9f) {
    size_t at = article_.text.find(name, from);
    ASSERT_NE(at, std::string::npos);
    PlaceMention pm;
    pm.span = {uint32_t(at), uint32_t(at + name.size())};
    pm.place.gazetteer_id = id;
    pm.place.name = name;
    pm.place.country = "XX";
    pm.place.admin1 = admin1;
    pm.place.admin2 = level == GeoLevel::kProvince ? "" : name;
    pm.place.level = level;
    pm.confidence = confidence;
    places_.push_back(pm);
  }
  // SetText in the usual scene: the town Zorath (North, id 7).
  void SetZorath(const std::string& text) {
    SetText(text);
    AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  }
  // A day the timex stage would find at the first occurrence of `phrase`.
  void AddDay(const std::string& phrase, CivilDate date) {
    testing_doc::AddTimex(article_.text, &doc_, phrase, date, DatePrecision::kDay);
  }
  // Every event mention of `a`, one at least, is dated `date`.
  static void ExpectAllDated(const DocAnalysis& a, CivilDate date) {
    ASSERT_FALSE(a.mentions.empty());
    for (const EventMention& m : a.mentions) EXPECT_EQ(m.date.date, date);
  }
  // `a` gives one event mention, dated `date`.
  static void ExpectOneDated(const DocAnalysis& a, CivilDate date) {
    ASSERT_EQ(a.mentions.size(), 1u);
    EXPECT_EQ(a.mentions[0].date.date, date);
  }
  DocAnalysis Run() {
    DocAnalysis a = ex_->Extract(article_, doc_, places_);
    for (const Claim& c : a.claims) {
      EXPECT_EQ(c.quote, article_.text.substr(c.span.begin, c.span.size()));
      EXPECT_EQ(c.source, "example.org");
    }
    return a;
  }
  static const EventMention* At(const DocAnalysis& a, const std::string& place) {
    for (const auto& m : a.mentions) {
      if (!m.places.empty() && m.places[0].place.name == place) return &m;
    }
    return nullptr;
  }

  // The article gives one event mention, whose first actor is its perpetrator `name`.
  static void ExpectSolePerpetrator(const DocAnalysis& a, const std::string& name) {
    ASSERT_EQ(a.mentions.size(), 1u);
    ASSERT_FALSE(a.mentions[0].actors.empty());
    EXPECT_EQ(a.mentions[0].actors[0].canonical, name);
    EXPECT_EQ(a.mentions[0].actors[0].role, ActorRole::kPerpetrator);
  }

  static Extractor* ex_;
  Article article_;
  Doc doc_;
  std::vector<PlaceMention> places_;
};
Extractor* ExtractorTest::ex_ = nullptr;

TEST_F(ExtractorTest, NamedSuspectIsThePerpetratorWhenNoGroupIsNamed) {
  SetZorath(
      "A gunman killed two people at a diner in Zorath on Sunday. Police identified the "
      "gunman as Harlan Voss. Voss, 41, was charged with murder.");
  ExpectSolePerpetrator(Run(), "Harlan Voss");
}

TEST_F(ExtractorTest, NamedGroupOutranksANamedSuspect) {
  SetZorath(
      "The Tamil Tigers claimed the attack in Zorath that killed five soldiers. "
      "Police arrested Karim Dost, 30, near the scene.");
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  ASSERT_FALSE(a.mentions[0].actors.empty());
  EXPECT_EQ(a.mentions[0].actors[0].canonical, "Liberation Tigers of Tamil Eelam");
  for (const ActorMention& m : a.actors) EXPECT_NE(m.canonical, "Karim Dost");
}

// A strong background cue inside a relative clause (", which has ... in the past") describes the
// group: a sentence without figures stays news, so the group it blames is the perpetrator. With a
// figure, the clause recalls an earlier attack and the sentence is background.
TEST_F(ExtractorTest, ARecallInARelativeClauseDescribesTheGroup) {
  SetZorath(
      "A suicide bomber killed 14 people at a market in Zorath on Tuesday. No group has claimed "
      "responsibility, but suspicion fell on Boko Haram, which has used women as bombers in the "
      "past.");
  ExpectSolePerpetrator(Run(), "Boko Haram");

  SetZorath(
      "A suicide bomber killed 14 people at a market in Zorath on Tuesday. Police blamed Boko "
      "Haram, which killed 30 people in a similar bombing in the past.");
  for (const EventMention& m : Run().mentions) {
    if (m.background) continue;
    for (const Claim& c : m.claims) EXPECT_NE(c.value, 30) << c.quote;
  }
}

// A dateline ("ARDEN, May 11 (Reuters) -") tells where and when the report was filed: the day the
// lead names is the event's (with no other day the dateline's stands), and its place is no scene.
TEST_F(ExtractorTest, TheLeadsDayOutranksTheDatelines) {
  // The dateline's place is ARDEN; the scene Brisk; "May 11" the dateline's date.
  auto analyze = [&](const std::string& text) {
    SetText(text);
    AddPlace("ARDEN", GeoLevel::kPlace, "North", 7);
    AddPlace("Brisk", GeoLevel::kPlace, "North", 8);
    AddDay("May 11", {2031, 5, 11});
    AddDay("on Saturday", {2031, 5, 10});
    return Run();
  };
  DocAnalysis a = analyze(
      "ARDEN, May 11 (Reuters) - A bomb killed five people in Brisk on Saturday, police said.\n"
      "The rebels said they carried out the attack.\nEleven people were wounded.");
  EXPECT_EQ(At(a, "ARDEN"), nullptr);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_EQ(At(a, "Brisk")->date.date, (CivilDate{2031, 5, 10}));
  a = analyze("ARDEN, May 11 (Reuters) - A bomb killed five people in Brisk, police said.");
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_EQ(At(a, "Brisk")->date.date, (CivilDate{2031, 5, 11}));
}

TEST_F(ExtractorTest, SuicideBombBeatsExplosion) {
  SetZorath(
      "An explosion tore through the market in Zorath. A suicide bomber killed 14 people there.");
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_EQ(a.mentions[0].event_type, "Explosions/Remote violence");
  EXPECT_EQ(a.mentions[0].sub_event_type, "Suicide bomb");
  ASSERT_EQ(a.mentions[0].claims.size(), 1u);
  EXPECT_EQ(a.mentions[0].claims[0].value, 14);
  EXPECT_FALSE(a.mentions[0].background);
}

TEST_F(ExtractorTest, OneMentionPerPlaceWithItsOwnFigures) {
  SetText(
      "Militants attacked two towns in Vellmar province on Sunday.\n"
      "In Arden, gunmen killed five police officers.\n"
      "Separately, a roadside bomb killed three civilians in Brisk.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  AddDay("on Sunday", {2031, 5, 11});
  DocAnalysis a = Run();
  const EventMention* arden = At(a, "Arden");
  const EventMention* brisk = At(a, "Brisk");
  ASSERT_NE(arden, nullptr);
  ASSERT_NE(brisk, nullptr);
  ASSERT_EQ(arden->claims.size(), 1u);
  EXPECT_EQ(arden->claims[0].value, 5);
  EXPECT_EQ(arden->claims[0].category, Category::kSecurityForces);
  EXPECT_EQ(arden->sub_event_type, "Armed clash");  // all victims are security forces
  ASSERT_EQ(brisk->claims.size(), 1u);
  EXPECT_EQ(brisk->claims[0].value, 3);
  EXPECT_EQ(brisk->sub_event_type, "Remote explosive/landmine/IED");
  // No date in their sentences: the article's main date, not the publication date.
  EXPECT_EQ(arden->date.date, (CivilDate{2031, 5, 11}));
  EXPECT_EQ(a.claims.size(), 2u);
}

TEST_F(ExtractorTest, SeveralPlacesInOneSentence) {
  SetText("Gunmen killed four guards in Arden and a blast killed two shoppers in Brisk.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  ASSERT_EQ(At(a, "Arden")->claims.size(), 1u);
  EXPECT_EQ(At(a, "Arden")->claims[0].value, 4);
  ASSERT_EQ(At(a, "Brisk")->claims.size(), 1u);
  EXPECT_EQ(At(a, "Brisk")->claims[0].value, 2);
}

// A figure dated only by a named day well before the news day counts an earlier attack at the
// same place: it is background, not the news's toll. A day within a few days (the attack behind a
// later toll) and a month ("this month") that holds both days leave the sentence news.
TEST_F(ExtractorTest, AFigureDatedDaysBeforeTheNewsIsAnEarlierAttack) {
  auto news_killed = [&](const std::string& second, const std::string& day, CivilDate date) {
    SetText("Gunmen killed 7 people in Arden on Monday, officials said.\n" + second);
    AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
    AddDay("on Monday", {2031, 5, 12});
    testing_doc::AddTimex(article_.text, &doc_, "this month", {2031, 5, 0}, DatePrecision::kMonth);
    testing_doc::AddTimex(article_.text, &doc_, day, date, DatePrecision::kDay);
    std::vector<int> out;
    for (const EventMention& m : Run().mentions) {
      if (m.background) continue;
      for (const Claim& c : m.claims) {
        if (c.field == Field::kKilled) out.push_back(static_cast<int>(c.value));
      }
    }
    return out;
  };
  EXPECT_EQ(news_killed("It was the second attack there this month after 12 villagers were killed "
                        "on May 2.",
                        "on May 2", {2031, 5, 2}),
            std::vector<int>{7});
  // Two days before: the same attack, counted again.
  EXPECT_EQ(news_killed("Twelve villagers were killed in the raid on May 10.", "on May 10",
                        {2031, 5, 10}),
            (std::vector<int>{7, 12}));
}

TEST_F(ExtractorTest, BackgroundIsSeparateFromNews) {
  SetText(
      "Gunmen killed six workers at a quarry in Arden on Monday, officials said.\n"
      "Last year, militants killed 20 people in a similar attack in Brisk.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  AddDay("on Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "Last year", {2030, 0, 0}, DatePrecision::kYear,
                        true);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  EXPECT_TRUE(At(a, "Brisk")->background);
  EXPECT_EQ(At(a, "Brisk")->date.date.year, 2030);
  EXPECT_EQ(At(a, "Arden")->claims[0].attributed_to, "officials");
  EXPECT_EQ(At(a, "Arden")->claims[0].category, Category::kCivilians);
}

TEST_F(ExtractorTest, RecalledAttackWithoutADistantDateIsBackground) {
  // No timex far enough back: the cue alone says these figures belong to an earlier attack.
  SetText(
      "A bomb killed seven traders in Arden on Monday, police said.\n"
      "The bombing came weeks after eleven guards were killed in Brisk.\n"
      "Tolsby was hit in the spring, when nine people died in a similar raid.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  AddPlace("Tolsby", GeoLevel::kDistrict, "Vellmar", 4);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  ASSERT_EQ(At(a, "Arden")->claims.size(), 1u);
  EXPECT_EQ(At(a, "Arden")->claims[0].value, 7);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_TRUE(At(a, "Brisk")->background);
  ASSERT_NE(At(a, "Tolsby"), nullptr);
  EXPECT_TRUE(At(a, "Tolsby")->background);
}

TEST_F(ExtractorTest, DeadliestSinceWhenRecallsAnEarlierAttack) {
  SetText(
      "Gunmen killed four farmers in Arden on Monday, officials said.\n"
      "It was the worst attack in the valley since March, when 30 people died in Brisk.\n"
      "The raid, which killed four, was the worst since March, when 30 died.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  AddDay("on Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "since March", {2031, 3, 0}, DatePrecision::kMonth);
  size_t third = article_.text.find("The raid");
  size_t at = article_.text.find("March", third);
  Timex t;
  t.span = {uint32_t(at), uint32_t(at + 5)};
  t.date = {2031, 3, 0};
  t.precision = DatePrecision::kMonth;
  doc_.timexes.push_back(t);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_TRUE(At(a, "Brisk")->background);
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  // The third sentence also reports the news ("killed four"): it is not background, so the
  // news mention keeps its figures.
  bool news_four = false;
  for (const Claim& c : At(a, "Arden")->claims) news_four |= c.value == 4;
  EXPECT_TRUE(news_four);
}

// A recall that names no place the gazetteer read (a town abroad, say) or none at all is not
// at the article's place: it keeps no place, unless it says it was there ("the same town").
TEST_F(ExtractorTest, ARecallTakesTheArticlesPlaceOnlyWhenItSaysSo) {
  SetText(
      "Gunmen killed four farmers in Arden on Monday, officials said.\n"
      "In an earlier attack in March, 14 guards lost their lives in Qorvath.\n"
      "Militants have carried out similar attacks for years, killing hundreds.\n"
      "In January, nine people were killed in the same town.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("on Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "in March", {2031, 3, 0}, DatePrecision::kMonth,
                        true);
  testing_doc::AddTimex(article_.text, &doc_, "In January", {2031, 1, 0}, DatePrecision::kMonth,
                        true);
  DocAnalysis a = Run();
  int placeless = 0, here = 0, news = 0;
  for (const EventMention& m : a.mentions) {
    if (!m.background) {
      ++news;
      continue;
    }
    if (m.places.empty()) {
      ++placeless;
    } else {
      EXPECT_EQ(m.places[0].place.name, "Arden");
      EXPECT_EQ(m.date.date.month, 1) << "only the recall that says \"the same town\"";
      ++here;
    }
  }
  EXPECT_EQ(news, 1);
  EXPECT_EQ(here, 1);
  EXPECT_EQ(placeless, 2);  // Qorvath (no gazetteer reading) and the years of attacks
  const EventMention* arden = At(a, "Arden");
  ASSERT_NE(arden, nullptr);
  EXPECT_FALSE(arden->background);
}

TEST_F(ExtractorTest, ProvinceSceneStandsForTheOneTownNamedInIt) {
  SetText(
      "Suicide bombers killed twelve people in Vellmar province on Sunday.\n"
      "The blasts hit a wedding and a market in Arden.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  DocAnalysis a = Run();
  EXPECT_EQ(At(a, "Vellmar"), nullptr);
  ASSERT_NE(At(a, "Arden"), nullptr);
  ASSERT_EQ(At(a, "Arden")->claims.size(), 1u);
  EXPECT_EQ(At(a, "Arden")->claims[0].value, 12);
}

TEST_F(ExtractorTest, ProvinceHoldsANearbyTownWhenSourcesDisagreeOnTheHierarchy) {
  // The gazetteer lists the province as a state but files its town under a region: the town,
  // 20 km from the province's point, is still the one place inside it.
  SetText(
      "Gunmen killed eight people in Vellmar province on Sunday.\n"
      "The attack hit a market in Arden.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kPlace, "Northern Region", 2);
  places_[0].place.has_coords = places_[1].place.has_coords = true;
  places_[0].place.lat = 10.0, places_[0].place.lon = 20.0;
  places_[1].place.lat = 10.15, places_[1].place.lon = 20.1;
  DocAnalysis a = Run();
  EXPECT_EQ(At(a, "Vellmar"), nullptr);
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_EQ(At(a, "Arden")->claims[0].value, 8);
  // 300 km away it is another province's town.
  places_[1].place.lat = 12.7;
  a = Run();
  ASSERT_NE(At(a, "Vellmar"), nullptr);
}

TEST_F(ExtractorTest, ProvinceStaysCoarseWhenTheTownIsElsewhereOrNotAlone) {
  // The only town named lies in another province: the province's figure stays its own.
  SetText(
      "Suicide bombers killed twelve people in Vellmar province on Sunday.\n"
      "Separately, a blast killed two people in Arden.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kPlace, "Oskov", 2);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Vellmar"), nullptr);
  EXPECT_EQ(At(a, "Vellmar")->claims[0].value, 12);

  // Two towns in the province: a wave across it, the province keeps the total.
  SetText(
      "Bombers killed twelve people across Vellmar province on Sunday.\n"
      "Blasts hit markets in Arden and in Brisk.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  a = Run();
  ASSERT_NE(At(a, "Vellmar"), nullptr);
  EXPECT_EQ(At(a, "Vellmar")->claims[0].value, 12);
}

TEST_F(ExtractorTest, SeriesOfBlastsInOneTownIsNoWave) {
  SetText(
      "A series of blasts tore through a market in Arden on Sunday, killing nine people.\n"
      "The string of attacks has alarmed residents of Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2, 80);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_FALSE(a.mentions[0].wave);
  ASSERT_EQ(a.mentions[0].claims.size(), 1u);
  EXPECT_EQ(a.mentions[0].claims[0].scope, Scope::kIncident);
}

// A tally of many unrelated shootings over a period is no incident: its figures go to none, and
// its place makes no event of its own.
TEST_F(ExtractorTest, APeriodTallyOfShootingsIsNoIncident) {
  SetText(
      "A teenager was shot dead on Elm Road in Arden on Saturday night.\n"
      "Across Brill, nine people were killed and 30 wounded in 21 separate shootings over the "
      "weekend.\n"
      "Police said 212 people have been shot in Brill so far this year.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3);
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3, article_.text.find("212"));
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_EQ(At(a, "Brill"), nullptr);
  for (const Claim& c : a.claims) {
    EXPECT_NE(c.value, 9) << c.quote;
    EXPECT_NE(c.value, 30) << c.quote;
    EXPECT_NE(c.value, 212) << c.quote;
  }
  // Without the tally words the same figures are an incident's.
  SetText(
      "A teenager was shot dead on Elm Road in Arden on Saturday night.\n"
      "In Brill, nine people were killed and 30 wounded in a shooting at a party.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3);
  a = Run();
  ASSERT_NE(At(a, "Brill"), nullptr);
  bool nine = false;
  for (const Claim& c : At(a, "Brill")->claims) nine |= c.value == 9;
  EXPECT_TRUE(nine);
}

// "Two teens died in separate incidents": the headline's "Two teens die" counts both incidents
// too, so the one incident the article reports gets one death of them, not two.
TEST_F(ExtractorTest, AFigureOfSeparateIncidentsIsNoOneIncidentsToll) {
  SetText(
      "Two Arden teens die early Thursday\n"
      "Two teenagers died early Thursday in separate incidents in Arden.\n"
      "A 16-year-old boy was accidentally shot in the face at a friend's apartment in Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  bool killed = false;
  for (const Claim& c : At(a, "Arden")->claims) {
    if (c.field != Field::kKilled) continue;
    killed = true;
    EXPECT_EQ(c.value, 1) << c.quote;
    EXPECT_EQ(c.high, 1) << c.quote;
  }
  EXPECT_TRUE(killed);
  // Without the tally the headline's two deaths are the incident's.
  SetText(
      "Two Arden teens die early Thursday\n"
      "A 16-year-old boy and his friend were shot at an apartment in Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  bool two = false;
  for (const Claim& c : At(a, "Arden")->claims) two |= c.field == Field::kKilled && c.value == 2;
  EXPECT_TRUE(two);
  // An equal figure in the body, not the headline, is the body's own account of this attack.
  SetText(
      "Gunfire at an Arden apartment\n"
      "Two men were shot dead at an apartment in Arden early Thursday.\n"
      "Two people have died in separate incidents across the county this month.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  two = false;
  for (const Claim& c : At(a, "Arden")->claims) two |= c.field == Field::kKilled && c.value == 2;
  EXPECT_TRUE(two);
}

// A number of victims outranks implicit deaths of the mention, but not the killer's own death
// in the same sentence: "killing 3, then killed himself" is four deaths.
TEST_F(ExtractorTest, KillersOwnDeathBesideHisVictimsNumberIsKept) {
  SetText("A man shot his family in Arden on Sunday, killing 3, then killed himself.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  DocAnalysis a = Run();
  bool three = false, shooter = false;
  for (const Claim& c : a.claims) {
    three |= c.field == Field::kKilled && c.value == 3 && c.category == Category::kCivilians;
    shooter |= c.field == Field::kKilled && c.value == 1 && c.category == Category::kMilitants;
  }
  EXPECT_TRUE(three);
  EXPECT_TRUE(shooter);
  // In another sentence the number still outranks it ("3 dead" ... "he killed himself").
  SetText("3 dead in Arden shooting on Sunday.\nPolice said the gunman later killed himself.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  a = Run();
  for (const Claim& c : a.claims) EXPECT_NE(c.category, Category::kMilitants) << c.quote;
}

// When every number names its victims, the killer's own death in another sentence is his too:
// "two boys were shot dead" ... "their father then took his own life" is three deaths.
TEST_F(ExtractorTest, KillersOwnDeathAfterNamedVictimsIsKept) {
  SetText(
      "Two boys were shot dead in Arden on Sunday.\nPolice said their father then took his own "
      "life.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  DocAnalysis a = Run();
  bool boys = false, shooter = false;
  for (const Claim& c : a.claims) {
    boys |= c.field == Field::kKilled && c.value == 2 && c.category == Category::kCivilians;
    shooter |= c.field == Field::kKilled && c.value == 1 && c.category == Category::kMilitants;
  }
  EXPECT_TRUE(boys);
  EXPECT_TRUE(shooter);
}

// Tallies of a violent day or of several shootings are no incident's figures.
TEST_F(ExtractorTest, ViolentHoursAndSeveralShootingsAreTallies) {
  SetText(
      "A teenager was shot dead on Elm Road in Arden on Saturday night.\n"
      "2 dead, 2 injured during violent 24 hours in Brill.\n"
      "Police in Brill are investigating two shootings Monday that left five men dead.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3);
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3, article_.text.find("Police"));
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  for (const Claim& c : a.claims) {
    EXPECT_NE(c.value, 2) << c.quote;
    EXPECT_NE(c.value, 5) << c.quote;
  }
  // One shooting is an incident.
  SetText("Police in Brill are investigating a shooting Monday that left five men dead.");
  AddPlace("Brill", GeoLevel::kPlace, "Vellmar", 3);
  a = Run();
  bool five = false;
  for (const Claim& c : a.claims) five |= c.value == 5;
  EXPECT_TRUE(five);
}

TEST_F(ExtractorTest, FollowUpDatesTheShootingNotTheCharge) {
  SetText(
      "Teen charged in fatal shooting\n"
      "A man was charged on Tuesday over last week's fatal shooting in Arden.\n"
      "Police said the victim was shot on May 4 outside his home.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("on Tuesday", {2031, 5, 6});
  AddDay("last week's", {2031, 4, 28});
  doc_.timexes.back().date_end = {2031, 5, 4};
  AddDay("on May 4", {2031, 5, 4});
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  // "last week" is nearest the shooting; the day named inside that week makes it exact.
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 5, 4}));
}

TEST_F(ExtractorTest, AFollowUpWeeksLaterDatesItsOwnShooting) {
  // Published 2031-05-12: the shooting is seven weeks old, yet it is the article's topic; no
  // newer violence is reported, so its named day is the event's, not a recalled one.
  SetText(
      "Woman charged in death of Arden man\n"
      "A woman was charged with murder on Friday in the death of a man in Arden.\n"
      "The man was shot on March 23 outside his home and died at the scene.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("on Friday", {2031, 5, 9});
  testing_doc::AddTimex(article_.text, &doc_, "on March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 3, 23}));
  // A month named alone ("in March") dates it too, if coarsely.
  SetText(
      "Hunter charged in death of Arden man\n"
      "A hunter was charged in the death of a man who was shot in March near Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  testing_doc::AddTimex(article_.text, &doc_, "in March", {2031, 3, 0}, DatePrecision::kMonth,
                        true);
  a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 3, 0}));
}

// "the second shooting in a week": the comparison's dates (here in the next sentence) are the
// other case's; the article's own day, in a sentence with no violence word, dates the news.
TEST_F(ExtractorTest, AComparedCasesDateGivesWayToTheArticlesOwnDay) {
  for (const char* cue : {"the second shooting in a week", "the latest in a row of shootings"}) {
    SetText(
        std::string("Boy, 4, dies after shooting himself in Arden\n") +
        "The boy was found Sunday afternoon with a wound to the chest.\n" + "It is " + cue +
        " in Arden involving children. A girl was wounded on May 3 while playing with a rifle.");
    AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
    AddDay("Sunday afternoon", {2031, 5, 11});
    AddDay("on May 3", {2031, 5, 3});
    DocAnalysis a = Run();
    ASSERT_NE(At(a, "Arden"), nullptr) << cue;
    EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 5, 11})) << cue;
  }
}

TEST_F(ExtractorTest, APageStampIsNoNewerViolenceOfAFollowUp) {
  // The stamp sits in the headline's sentence beside "shooting"; it is the page's date, not a
  // newer shooting, so the seven-week-old day still dates the article's event.
  SetText(
      "Man charged in fatal shooting of woman Posted: May 11, 2031\n"
      "The woman was shot on March 23 outside her home in Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2, article_.text.find("home"));
  AddDay("May 11, 2031", {2031, 5, 11});
  testing_doc::AddTimex(article_.text, &doc_, "on March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 3, 23}));
}

// A recent day that an arrest or a charge governs ("was arrested Monday in the shooting") is the
// step's day, not newer violence: the weeks-old day of the shooting still dates the event.
TEST_F(ExtractorTest, AnArrestDayInTheShootingsSentenceIsNoNewerViolence) {
  SetText(
      "Teen held in Arden killing\n"
      "A teen was arrested Monday in the shooting death of a man outside a store in Arden on "
      "March 23.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "on March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 3, 23}));
  // The same with a charge and words between the step and its day.
  SetText(
      "Police charged the teen Tuesday with murder over the shooting of a man in Arden on "
      "March 23.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("Tuesday", {2031, 5, 11});
  testing_doc::AddTimex(article_.text, &doc_, "on March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 3, 23}));
  // A trigger between the step and the day: the day is the new violence's, and the old day
  // stays a recalled one.
  SetText("A man was arrested after a shooting Monday in Arden that echoed one on March 23.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "on March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_EQ(At(a, "Arden")->date.date, (CivilDate{2031, 5, 12}));
}

// "Shot last month" names the month the weeks-old day lies in: it is no newer violence, so the
// day ("on March 23") still dates the follow-up's event.
TEST_F(ExtractorTest, TheMonthOfTheShootingIsNoNewerViolence) {
  SetText(
      "Arden mother in court after son's death\n"
      "An Arden mother made her first court appearance on Friday.\n"
      "She was charged with neglect after her son fatally shot himself last month.\n"
      "The shooting happened on April 9 at their home.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddDay("on Friday", {2031, 5, 9});
  testing_doc::AddTimex(article_.text, &doc_, "last month", {2031, 4, 0}, DatePrecision::kMonth);
  testing_doc::AddTimex(article_.text, &doc_, "on April 9", {2031, 4, 9}, DatePrecision::kDay,
                        true);
  DocAnalysis a = Run();
  // "last month" itself recalls (a background mention); the news is the day inside it.
  const EventMention* news = nullptr;
  for (const EventMention& m : a.mentions) {
    if (!m.background && news == nullptr) news = &m;
  }
  ASSERT_NE(news, nullptr);
  ASSERT_FALSE(news->places.empty());
  EXPECT_EQ(news->places[0].place.name, "Arden");
  EXPECT_EQ(news->date.date, (CivilDate{2031, 4, 9}));
}

TEST_F(ExtractorTest, AnOldDateStaysBackgroundBesideNewViolenceOrWhenFarBack) {
  // New violence dated near publication: the older shooting is recalled.
  SetText(
      "A man was shot dead in Arden on Monday, police said.\n"
      "On March 23, another man was shot dead in Brisk.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  AddDay("on Monday", {2031, 5, 12});
  testing_doc::AddTimex(article_.text, &doc_, "On March 23", {2031, 3, 23}, DatePrecision::kDay,
                        true);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_TRUE(At(a, "Brisk")->background);
  // A relative phrase ("last year") recalls by its words even with no newer violence; so does
  // a named day more than half a year back (an anniversary report).
  SetText(
      "A vigil was held in Arden on Sunday.\n"
      "Last year, a gunman killed five people in Brisk.\n"
      "On June 2, 2030, a man was shot dead in Tolsby.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  AddPlace("Tolsby", GeoLevel::kPlace, "Vellmar", 4);
  AddDay("on Sunday", {2031, 5, 11});
  testing_doc::AddTimex(article_.text, &doc_, "Last year", {2030, 0, 0}, DatePrecision::kYear,
                        true);
  doc_.timexes.back().relative = true;
  testing_doc::AddTimex(article_.text, &doc_, "On June 2, 2030", {2030, 6, 2}, DatePrecision::kDay,
                        true);
  a = Run();
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_TRUE(At(a, "Brisk")->background);
  ASSERT_NE(At(a, "Tolsby"), nullptr);
  EXPECT_TRUE(At(a, "Tolsby")->background);
}

TEST_F(ExtractorTest, AHomeTownGivesWayToTheScene) {
  SetText(
      "A Varlow man was shot dead in Zorath on Sunday.\n"
      "Tomas Reed, 23, of Kestrel was charged with murder after the shooting.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Varlow"), nullptr);
  EXPECT_EQ(At(a, "Kestrel"), nullptr);
  EXPECT_EQ(a.places.size(), 3u);  // still place mentions, only no scene
}

// The scene may be named in a sentence of its own, with no word of violence ("outside a home in
// Zorath"): it still outranks the victim's home town ("a Varlow man") in the lead.
TEST_F(ExtractorTest, ASceneSentenceWithoutViolenceOutranksAHomeTown) {
  SetText(
      "A 22-year-old Varlow man died Sunday after he was accidentally shot in the chest.\n"
      "Witnesses said the two men were outside a home in Zorath comparing their handguns.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Varlow"), nullptr);
}

// A trade or a household after a town names someone's home too ("a Varlow rap musician").
TEST_F(ExtractorTest, AHomeTownBeforeATradeGivesWayToTheScene) {
  for (const char* who : {"rap musician", "singer", "veteran", "homeowner", "brothers"}) {
    SetText(std::string("A Varlow ") + who + " was shot dead early Saturday.\n" +
            "The party was held at a farm in Zorath.");
    AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
    AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
    DocAnalysis a = Run();
    EXPECT_NE(At(a, "Zorath"), nullptr) << who;
    EXPECT_EQ(At(a, "Varlow"), nullptr) << who;
  }
}

// "of Kestrel, Vellmar": the province after a home town is the same home, no scene.
TEST_F(ExtractorTest, TheProvinceAfterAHomeTownIsTheSameHome) {
  SetZorath(
      "A man was shot dead in Zorath on Sunday.\n"
      "Tomas Reed has been charged in the shooting death of 21-year-old Ian Cole, of Kestrel, "
      "Vellmar.");
  AddPlace("Kestrel", GeoLevel::kPlace, "Vellmar", 9);
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 11);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Vellmar"), nullptr);
}

TEST_F(ExtractorTest, AResidentOfSomewhereGivesWayToTheScene) {
  SetText(
      "Police said a resident of Varlow was fatally shot in Zorath.\n"
      "A woman from Kestrel was wounded in the shooting.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
}

TEST_F(ExtractorTest, AnAttackersCountryOfOriginGivesWayToTheScene) {
  // The scene is named in another sentence, and only as a country: the origin still gives way.
  SetText(
      "Four gunmen from Veloria stormed a theatre on Friday, killing 30 people.\n"
      "The attack in Castavia was the deadliest in a decade.");
  AddPlace("Veloria", GeoLevel::kCountry, "", 2);
  AddPlace("Castavia", GeoLevel::kCountry, "", 3);
  DocAnalysis a = Run();
  ASSERT_FALSE(a.mentions.empty());
  EXPECT_EQ(At(a, "Veloria"), nullptr);
  EXPECT_NE(At(a, "Castavia"), nullptr);
}

TEST_F(ExtractorTest, CitizensOfACountryAreNoSceneBesideATown) {
  SetText("The suspects, citizens of Veloria, opened fire in Zorath, killing 12 people.");
  AddPlace("Veloria", GeoLevel::kCountry, "", 2);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
}

TEST_F(ExtractorTest, ACountryOfOriginAloneStaysTheScene) {
  // Nothing else is named: the country is the best place the report gives.
  SetText("Gunmen from Veloria opened fire on Friday, killing 12 people.");
  AddPlace("Veloria", GeoLevel::kCountry, "", 2);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Veloria"), nullptr);
}

TEST_F(ExtractorTest, AMediaOutletIsNeverTheScene) {
  // The only place named is part of a channel's name: the mention stays without a place.
  SetZorath(
      "Gunmen opened fire at a theatre on Friday, killing 30 people, the Zorath channel "
      "reported.");
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_TRUE(a.mentions[0].places.empty());
  EXPECT_EQ(a.places.size(), 1u);  // still a place mention
}

TEST_F(ExtractorTest, TheAttackersAreFromACountryElsewhere) {
  SetText(
      "Gunmen killed 30 people at a theatre in Castavia on Friday.\n"
      "Most of the attackers are from Veloria, officials said.");
  AddPlace("Castavia", GeoLevel::kCountry, "", 3);
  AddPlace("Veloria", GeoLevel::kCountry, "", 2);
  DocAnalysis a = Run();
  EXPECT_EQ(At(a, "Veloria"), nullptr);
  EXPECT_NE(At(a, "Castavia"), nullptr);
}

TEST_F(ExtractorTest, AHomeTownAloneStaysTheScene) {
  // Nothing else is named: the home is the best place the report gives.
  SetText("A Varlow man was shot and killed on Sunday, police said.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Varlow"), nullptr);
}

TEST_F(ExtractorTest, AHomeTownStaysWhenTheOnlyOtherPlaceIsCoarser) {
  SetText("A Varlow man was shot and killed in North province on Sunday.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("North", GeoLevel::kProvince, "North", 1);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Varlow"), nullptr);
}

TEST_F(ExtractorTest, ADoubtfulPlaceDoesNotOutrankAHomeTown) {
  // "Zorath" is a surname the gazetteer read as a town, with low confidence.
  SetText("A Varlow man was shot dead on Sunday, Sheriff Tom Zorath said.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7, 0, 0.3f);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Varlow"), nullptr);
}

TEST_F(ExtractorTest, TheTownOfTheHospitalVictimsWereTakenToIsNoScene) {
  SetZorath(
      "A man was shot in Zorath on Friday.\n"
      "He was taken to Varlow Regional Medical Center in Kestrel after the shooting.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Kestrel"), nullptr);
}

TEST_F(ExtractorTest, ANamedPersonOfATownLivesThere) {
  SetText(
      "Police said Dana Reyes of Varlow was shot and killed in Zorath.\n"
      "The Police Department of Kestrel said the shooting was the third this year.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Varlow"), nullptr);
  // "Department of Kestrel" is an institution's name, not a home: Kestrel stays a scene.
  EXPECT_NE(At(a, "Kestrel"), nullptr);
}

// "Halden County" read as its seat, Corvale (PlaceMention::via_county), and towns around it:
// Brantley just over the county line (another admin2, 12 km from the seat), Ferrisburg far off.
class CountyAgencyTest : public ExtractorTest {
 protected:
  // AddPlace's mention of `surface`, made the town `name` of `county` at (lat, lon).
  void AddTown(const std::string& surface, const std::string& name, const std::string& county,
               double lat, double lon, uint32_t id, bool via_county, size_t from = 0) {
    const size_t before = places_.size();
    AddPlace(surface, GeoLevel::kPlace, "Vellmar", id, from);
    ASSERT_EQ(places_.size(), before + 1);
    Place& p = places_.back().place;
    p.name = name;
    p.admin2 = county;
    p.lat = lat;
    p.lon = lon;
    p.has_coords = true;
    places_.back().via_county = via_county;
  }
  void AddSeat(size_t from = 0) {
    AddTown("Halden County", "Corvale", "Halden", 40.00, -83.00, 11, true, from);
  }
  void AddBrantley() { AddTown("Brantley", "Brantley", "Orrin", 40.10, -83.05, 12, false); }
  void AddFerrisburg() { AddTown("Ferrisburg", "Ferrisburg", "Tamsin", 41.00, -84.00, 13, false); }
  // The scene of the article's one event mention ("" when it has none or several).
  std::string OnlyScene() {
    DocAnalysis a = Run();
    return a.mentions.size() == 1 ? Scenes(a)[0] : "";
  }
  // The first place of every mention.
  static std::vector<std::string> Scenes(const DocAnalysis& a) {
    std::vector<std::string> out;
    for (const EventMention& m : a.mentions) {
      out.push_back(m.places.empty() ? "" : m.places[0].place.name);
    }
    return out;
  }
};

TEST_F(CountyAgencyTest, TheSheriffsCountyGivesWayToTheTownTheArticleNames) {
  SetText(
      "A man was shot dead in Brantley on Saturday.\n\nAccording to the Halden County "
      "Sheriff's Office, a second man was wounded in the shooting.");
  AddBrantley();
  AddSeat();
  DocAnalysis a = Run();
  ASSERT_FALSE(a.mentions.empty());
  for (const std::string& scene : Scenes(a)) EXPECT_EQ(scene, "Brantley");
}

TEST_F(CountyAgencyTest, TheCoronersCountyAloneIsTheScene) {
  SetText("A man was shot dead on Saturday, the Halden County coroner said.");
  AddSeat();
  EXPECT_EQ(OnlyScene(), "Corvale");
}

TEST_F(CountyAgencyTest, ATownFarFromTheCountyLeavesItTheScene) {
  // The autopsy's town is no scene of the county's shooting.
  SetText(
      "A man was shot dead on Saturday, the Halden County Sheriff's Office said. An autopsy "
      "will be done in Ferrisburg.");
  AddSeat();
  AddFerrisburg();
  EXPECT_EQ(OnlyScene(), "Corvale");
}

TEST_F(CountyAgencyTest, ACountyInTheSceneSentenceIsNoAgency) {
  // "in Halden County" says where it happened: the county's seat stays the scene of its
  // sentence beside the town just over the line.
  SetText("A man was shot dead in Halden County on Saturday. His brother lives in Brantley.");
  AddSeat();
  AddBrantley();
  EXPECT_EQ(OnlyScene(), "Corvale");
}

TEST_F(ExtractorTest, AnInstitutionNamedAfterATownIsNoScene) {
  SetZorath(
      "A boy was shot in Zorath on Friday.\n"
      "Staff at Varlow Children's Hospital treated the boy after the shooting.\n"
      "The Kestrel Daily News first reported the shooting.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Varlow"), nullptr);
  EXPECT_EQ(At(a, "Kestrel"), nullptr);
}

TEST_F(ExtractorTest, AnOutletInTheHeadlineTailIsNoScene) {
  SetZorath(
      "Teen shot dead outside a store in Zorath - KXYZ News Varlow, Weather\n"
      "A teen was shot dead outside a store on Sunday, police said.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_NE(At(a, "Zorath"), nullptr);
}

TEST_F(ExtractorTest, AHeadlineTailThatReportsViolenceKeepsItsPlace) {
  SetZorath(
      "Two dead in Zorath - gunman kills guard in Varlow\n"
      "Police gave no details.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Varlow"), nullptr);
}

TEST_F(ExtractorTest, ADateBesideAProceduralStepDoesNotDateTheViolence) {
  SetZorath(
      "Man arraigned in Zorath killing\n"
      "A man accused of shooting a neighbor dead in Zorath was arraigned on Monday.");
  AddDay("on Monday", {2031, 5, 12});
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_FALSE(a.mentions[0].date.date.valid());  // undated, not the arraignment's day
}

TEST_F(ExtractorTest, AStatementDatesTheViolenceOnlyOutsideAReportOnALaterStep) {
  SetZorath("A man was shot dead in Zorath, police said on Monday.");
  AddDay("on Monday", {2031, 5, 12});
  DocAnalysis a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 12});

  SetZorath(
      "Teen indicted in Zorath killing\n"
      "Police said on Monday that the teen shot a neighbor dead in Zorath.");
  AddDay("on Monday", {2031, 5, 12});
  a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_FALSE(a.mentions[0].date.date.valid());
}

// Singular victims of separate sentences add up when the later one is said to be one more; the
// same victim told again does not.
TEST_F(ExtractorTest, SingularVictimsOfSeparateSentencesAddUpWhenOneMore) {
  auto killed = [&](const std::string& text) {
    SetZorath(text);
    double k = 0;
    for (const Claim& c : Run().claims) {
      if (c.field == Field::kKilled) {
        k = std::max(k, c.value);
        EXPECT_EQ(c.quote, article_.text.substr(c.span.begin, c.span.size()));
      }
    }
    return k;
  };
  EXPECT_EQ(killed("A soldier died when a bomb hit a checkpoint in Zorath.\n"
                   "A police officer was also killed in the blast."),
            2);
  EXPECT_EQ(killed("A soldier died when a bomb hit a checkpoint in Zorath.\n"
                   "The soldier, 24, died before reaching the hospital."),
            1);
}

// "said on Monday that 12 people died ... on Saturday": the statement's day gives way to the
// earlier day its sentence names, as a dateline's does.
TEST_F(ExtractorTest, AStatementsDayGivesWayToAnEarlierDayInItsSentence) {
  SetZorath("The governor said on Monday that 12 people died in Zorath on Saturday.");
  AddDay("on Monday", {2031, 5, 12});
  AddDay("on Saturday", {2031, 5, 10});
  ExpectOneDated(Run(), CivilDate{2031, 5, 10});
  // Alone in its sentence, the statement's day stands.
  SetZorath("The governor said on Monday that 12 people died in Zorath.");
  AddDay("on Monday", {2031, 5, 12});
  ExpectOneDated(Run(), CivilDate{2031, 5, 12});
}

TEST_F(ExtractorTest, AStatementInAReportOfADeathFromWoundsIsTheStatementsDay) {
  // A report that the victim died of the wounds is later news, like a report on a step: the
  // day police said so is not the day of the shooting.
  SetZorath(
      "Police said on Monday that a girl shot in Zorath had died from her injuries. She was "
      "shot on Sunday outside her home.");
  AddDay("on Monday", {2031, 5, 12});
  AddDay("on Sunday", {2031, 5, 11});
  DocAnalysis a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 11});
}

TEST_F(ExtractorTest, AProceduralSentenceKeepsTheDateOfTheShootingItNames) {
  SetZorath(
      "A man was charged on Tuesday in connection with the April 30 shooting in Zorath "
      "that killed a neighbor.");
  AddDay("on Tuesday", {2031, 5, 6});
  AddDay("April 30", {2031, 4, 30});
  DocAnalysis a = Run();
  ExpectOneDated(a, CivilDate{2031, 4, 30});
}

TEST_F(ExtractorTest, ADateNearerTheViolenceThanTheProcedureStands) {
  // The trial is another clause's: "on Sunday" dates the killing.
  SetZorath(
      "Gunmen killed two guards in Zorath on Sunday, a day before the trial of their leader.");
  AddDay("on Sunday", {2031, 5, 11});
  DocAnalysis a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 11});
}

// A trigger beyond a comma is another clause's: it does not keep a step's date for the violence.
TEST_F(ExtractorTest, ATriggerInAnotherClauseDoesNotKeepTheStepsDate) {
  SetZorath(
      "The prosecutor announced charges at a news conference in Zorath on Wednesday, in two "
      "shootings.\n"
      "A neighbor was shot dead in Zorath on May 2.");
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7, article_.text.find("neighbor"));
  AddDay("on Wednesday", {2031, 5, 7});
  AddDay("on May 2", {2031, 5, 2});
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Zorath")->date.date, (CivilDate{2031, 5, 2}));
  // In the same clause the trigger stands nearer and keeps the date.
  SetZorath("Police said a neighbor was charged and shot dead in Zorath on Wednesday.");
  AddDay("on Wednesday", {2031, 5, 7});
  a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Zorath")->date.date, (CivilDate{2031, 5, 7}));
}

// A date opening its sentence reaches over its comma: "On Monday, a grand jury declined to
// indict" dates the jury's step, not the shooting.
TEST_F(ExtractorTest, AFrontedDateDatesTheStepAfterItsComma) {
  SetZorath(
      "A clerk was shot dead in Zorath.\n"
      "On Monday, a grand jury declined to indict the guard.");
  AddDay("On Monday", {2031, 5, 12});
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  EXPECT_FALSE(At(a, "Zorath")->date.date.valid());
  // A date inside its sentence keeps the comma as a clause boundary.
  SetZorath(
      "A clerk was shot dead in Zorath.\n"
      "A neighbor saw the guard there on Monday, before the grand jury met.");
  AddDay("on Monday", {2031, 5, 12});
  a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Zorath")->date.date, (CivilDate{2031, 5, 12}));
}

// "shots rang out" reports the violence: its sentence's date dates the event, not a later step's.
TEST_F(ExtractorTest, ShotsRangOutDatesTheShooting) {
  SetZorath(
      "Man charged in Zorath shooting\n"
      "A man has been charged in the Zorath shooting, police said.\n"
      "The girl was on her porch on Sunday when shots rang out.\n"
      "In the days after the shooting Tuesday, the mayor met residents.");
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7, article_.text.find('\n'));
  AddDay("on Sunday", {2031, 5, 11});
  AddDay("Tuesday", {2031, 5, 6});
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Zorath")->date.date, (CivilDate{2031, 5, 11}));
}

// Plural and noun forms of court steps ("hearings", "testimony", "took the stand") date the step.
TEST_F(ExtractorTest, PluralCourtStepsDateTheStep) {
  for (const char* step : {"Preliminary hearings ended on Monday in the Zorath killing.",
                           "Witnesses took the stand on Monday in the Zorath killing.",
                           "Testimony ended on Monday in the Zorath killing."}) {
    SetText(std::string("Two men shot a clerk dead in Zorath.\n") + step);
    AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
    AddPlace("Zorath", GeoLevel::kPlace, "North", 7, article_.text.find('\n'));
    AddDay("on Monday", {2031, 5, 12});
    DocAnalysis a = Run();
    ASSERT_NE(At(a, "Zorath"), nullptr) << step;
    EXPECT_FALSE(At(a, "Zorath")->date.date.valid()) << step;
  }
}

// A count over months or years of many shootings is a tally: no figure of the incident.
TEST_F(ExtractorTest, ACountOverMonthsIsATally) {
  SetZorath(
      "A boy was shot dead in Zorath on Sunday.\n"
      "In the last 17 months, eleven children have been killed by guns in Zorath, the mayor "
      "said.");
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7, article_.text.find('\n'));
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Zorath"), nullptr);
  for (const Claim& c : a.claims) EXPECT_NE(c.value, 11) << c.quote;
}

TEST_F(ExtractorTest, WhereTheWoundedWereTakenIsNoScene) {
  SetText(
      "A bomb killed six people at a bus station in Arden on Sunday.\n"
      "Nine wounded people were rushed to a hospital in Brisk, officials said.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  EXPECT_EQ(At(a, "Brisk"), nullptr);
  ASSERT_NE(At(a, "Arden"), nullptr);
  ASSERT_EQ(At(a, "Arden")->claims.size(), 2u);  // the six killed and the nine injured
  EXPECT_EQ(a.places.size(), 2u);                // Brisk is still a place mention
}

TEST_F(ExtractorTest, WaveFiguresAndPerpetrator) {
  SetText(
      "A series of coordinated attacks across Vellmar province killed at least 40 people.\n"
      "In Arden, militants stormed a police station and killed seven officers.\n"
      "The Kashmir Tigers claimed responsibility for the attacks.");
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 1);
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  DocAnalysis a = Run();
  const EventMention* wave = At(a, "Vellmar");
  const EventMention* arden = At(a, "Arden");
  ASSERT_NE(wave, nullptr);
  ASSERT_NE(arden, nullptr);
  EXPECT_TRUE(wave->wave);
  ASSERT_EQ(wave->claims.size(), 1u);
  EXPECT_EQ(wave->claims[0].scope, Scope::kWave);
  EXPECT_EQ(arden->claims[0].scope, Scope::kIncident);
  ASSERT_FALSE(arden->actors.empty());
  EXPECT_EQ(arden->actors[0].canonical, "Kashmir Tigers");
  EXPECT_EQ(arden->actors[0].role, ActorRole::kPerpetrator);
  EXPECT_EQ(arden->actors[0].responsibility, ActorMention::Responsibility::kClaimed);
}

TEST_F(ExtractorTest, WaveLedeNamingNoTownLeavesEachTownItsAttack) {
  // The lede tells of the whole wave and names only the country: it is the wave record, and the
  // first town (the article's main place) keeps an attack of its own, not the wave's role.
  SetText(
      "Gunmen attacked police posts in two towns of Vellmar on Sunday, killing at least 11 "
      "officers.\n"
      "In Arden, the attackers stormed a barracks and killed seven policemen.\n"
      "Later another group raided a checkpoint in Brisk, where four officers were killed.");
  AddPlace("Vellmar", GeoLevel::kCountry, "", 1);
  AddPlace("Arden", GeoLevel::kPlace, "North", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "North", 3);
  DocAnalysis a = Run();
  const EventMention* arden = At(a, "Arden");
  const EventMention* brisk = At(a, "Brisk");
  ASSERT_NE(arden, nullptr);
  ASSERT_NE(brisk, nullptr);
  EXPECT_FALSE(arden->wave);
  EXPECT_FALSE(brisk->wave);
  ASSERT_EQ(arden->claims.size(), 1u);
  EXPECT_EQ(arden->claims[0].value, 7);
  EXPECT_EQ(arden->claims[0].scope, Scope::kIncident);
  size_t wave_mentions = 0;
  for (const EventMention& m : a.mentions) {
    if (!m.wave) continue;
    ++wave_mentions;
    EXPECT_TRUE(m.places.empty() || m.places[0].place.level == GeoLevel::kCountry);
    ASSERT_EQ(m.claims.size(), 1u);
    EXPECT_EQ(m.claims[0].value, 11);
  }
  EXPECT_EQ(wave_mentions, 1u);
}

TEST_F(ExtractorTest, PlaceCarriesToTheNextSentence) {
  SetText(
      "The first attack took place in Arden overnight.\n"
      "They stopped a bus, killing 11 passengers.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  ASSERT_EQ(a.mentions[0].claims.size(), 1u);
  EXPECT_EQ(a.mentions[0].places[0].place.name, "Arden");
}

TEST_F(ExtractorTest, DatelineAndActorNamesAreNoScenes) {
  SetText("ARDEN: A bomb killed four people in Brisk, where the TRF is active.");
  AddPlace("ARDEN", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  AddPlace("TRF", GeoLevel::kPlace, "Elsewhere", 4);  // a gazetteer false match
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_EQ(a.mentions[0].places[0].place.name, "Brisk");
  EXPECT_EQ(a.places.size(), 2u);  // the place overlapping the armed group is dropped
}

TEST_F(ExtractorTest, DatelineAfterBylineAndStampIsNoScene) {
  // A byline and a time stamp push the dateline down to the fourth sentence; it still only says
  // where the report was filed.
  SetText(
      "Sad day on campus\n\nBy Ann Lee and Tom Fry.\n\nUpdated on the hour.\n\n"
      "ARDEN (KXYZ) - A gunman killed one student at a college in Vellmar on Friday.\n\n"
      "The suspect studied at the Brisk school.");
  AddPlace("ARDEN", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Vellmar", GeoLevel::kProvince, "Vellmar", 4);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Brisk"), nullptr);
  for (const EventMention& m : a.mentions) {
    for (const PlaceMention& pm : m.places) EXPECT_NE(pm.place.name, "ARDEN");
  }
}

TEST_F(ExtractorTest, ParagraphOpeningPlaceAfterTheLeadIsNoDateline) {
  // Once a sentence has reported the violence, a later paragraph opening with a place and a dash
  // is no dateline: "Arden - ..." there names a scene.
  SetText(
      "Two attacks\n\nA gunman killed one student on Friday.\n\nMore news.\n\n"
      "ARDEN - A second gunman killed one guard in Brisk on Friday.");
  AddPlace("ARDEN", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  bool arden = false;
  for (const EventMention& m : a.mentions) {
    for (const PlaceMention& pm : m.places) arden |= pm.place.name == "ARDEN";
  }
  EXPECT_TRUE(arden);
}

TEST_F(ExtractorTest, CentreOfSuburbsIsNoScene) {
  // "the suburbs of Arden", "the Arden suburbs": the shootings were near Arden, at Brisk.
  for (const std::string text :
       {"Shootings in the suburbs of Arden killed two men on Friday. The gunman opened fire at "
        "a mall in Brisk.",
        "Shootings in the Arden suburbs killed two men on Friday. The gunman opened fire at a "
        "mall in Brisk."}) {
    SCOPED_TRACE(text);
    SetText(text);
    AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
    AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
    DocAnalysis a = Run();
    EXPECT_NE(At(a, "Brisk"), nullptr);
    EXPECT_EQ(At(a, "Arden"), nullptr);
  }
}

TEST_F(ExtractorTest, ASchoolNamedAfterATownIsNoScene) {
  // A student's school names where the victim studied; the school may stand in another town.
  for (const std::string text :
       {"A student at Arden High School was shot dead at a home in Brisk on Friday.",
        "An Arden Elementary School teacher was shot dead at a home in Brisk on Friday.",
        "A woman was shot dead at Arden Middle School in Brisk on Friday."}) {
    SCOPED_TRACE(text);
    SetText(text);
    AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
    AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
    DocAnalysis a = Run();
    EXPECT_NE(At(a, "Brisk"), nullptr);
    EXPECT_EQ(At(a, "Arden"), nullptr);
  }
}

TEST_F(ExtractorTest, ASchoolNamedAfterTheOnlyTownStillPlacesIt) {
  // With no other town named, the school's town is the best scene there is.
  SetText("A student at Arden High School was shot dead on Friday.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  EXPECT_NE(At(Run(), "Arden"), nullptr);
}

TEST_F(ExtractorTest, AnUncapitalisedSchoolLeavesItsTownAPlace) {
  // "an Arden high school student" names no school building: Arden is no venue, and outranks
  // the home of the man from Brisk.
  SetText("An Arden high school student was shot dead on Friday by a Brisk man.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Arden"), nullptr);
  EXPECT_EQ(At(a, "Brisk"), nullptr);
}

TEST_F(ExtractorTest, ATownSomeMilesFromTheSceneGivesWayToTheSceneItself) {
  // "3 miles east of Arden", on a farm in Brisk: the scene is Brisk. Alone, the town measured from
  // is the nearest place the article gives.
  SetText(
      "A man was shot dead on Friday 3 miles east of Arden. The farm where he was shot lies in "
      "Brisk.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Brisk"), nullptr);
  EXPECT_EQ(At(a, "Arden"), nullptr);
  SetText("A man was shot dead on Friday at a farm 14 miles north of Arden.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  EXPECT_NE(At(Run(), "Arden"), nullptr);
}

TEST_F(ExtractorTest, PlacesGivenOutOfOrderComeBackSortedWithoutTheActorOne) {
  // The geo stage's order is not guaranteed: the places are sorted, the one overlapping an
  // armed group is dropped from the middle, and the rest keep their order and contents.
  SetText("A bomb killed four people in Brisk, where the TRF is active, and two in Arden.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("TRF", GeoLevel::kPlace, "Elsewhere", 4);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  DocAnalysis a = Run();
  ASSERT_EQ(a.places.size(), 2u);
  EXPECT_EQ(a.places[0].place.name, "Brisk");
  EXPECT_EQ(a.places[0].place.gazetteer_id, 3u);
  EXPECT_EQ(a.places[1].place.name, "Arden");
  EXPECT_LT(a.places[0].span.begin, a.places[1].span.begin);
  EXPECT_NE(At(a, "Brisk"), nullptr);
}

TEST_F(ExtractorTest, NoDateMeansNoDate) {
  SetText("Gunmen killed three farmers.");
  article_.published.reset();
  DocAnalysis a = Run();
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_FALSE(a.mentions[0].date.date.valid());
  EXPECT_TRUE(a.mentions[0].places.empty());
}

TEST_F(ExtractorTest, OtherLanguagesDoNotCrash) {
  SetText(
      "کوئنزہ میں دھماکے کے نتیجے میں 22 افراد جاں بحق اور 40 زخمی ہوگئے۔\n"
      "Взрыв: погибли 12 человек.\n"
      "हमले में 26 लोगों की मौत हो गई।");
  AddPlace("کوئنزہ", GeoLevel::kDistrict, "Vellmar", 9);
  DocAnalysis a = Run();
  EXPECT_EQ(a.places.size(), 1u);
  int killed = 0, injured = 0;
  for (const Claim& c : a.claims) {
    killed += c.field == Field::kKilled;
    injured += c.field == Field::kInjured;
  }
  EXPECT_GE(killed, 2);
  EXPECT_GE(injured, 1);
  SetText(std::string("\xff\xfe garbage \x80 12 \xe2\x80"));
  DocAnalysis b = Run();
  EXPECT_TRUE(b.claims.empty());
  SetText("");
  EXPECT_TRUE(Run().mentions.empty());
}

TEST_F(ExtractorTest, SingularVictimRepeatedIsOneClaimAndNumbersWin) {
  SetText(
      "A man was shot dead in Corvale on Sunday.\n"
      "The victim died at the scene, police said.\n"
      "He was not armed.");
  AddPlace("Corvale", GeoLevel::kPlace, "North", 7);
  DocAnalysis a = Run();
  int killed = 0;
  for (const Claim& c : a.claims) killed += c.field == Field::kKilled;
  EXPECT_EQ(killed, 1);

  SetText(
      "Two men were shot in Corvale on Sunday, one fatally.\n"
      "The man died at the scene, police said.");
  AddPlace("Corvale", GeoLevel::kPlace, "North", 7);
  a = Run();
  ASSERT_FALSE(a.claims.empty());
  for (const Claim& c : a.claims) {
    if (c.field == Field::kKilled) {
      EXPECT_EQ(c.value, 1);
      EXPECT_EQ(article_.text.substr(c.figure_span.begin, c.figure_span.size()), "one");
    }
  }
}

// "arrested" is both a trigger and a later step: the step's date does not date the shooting.
TEST_F(ExtractorTest, AnArrestDateGivesWayToTheShootingsDate) {
  SetZorath(
      "Two men were arrested on Wednesday over a party shooting in Zorath.\n"
      "Around 10 p.m. Saturday, guests were dancing when a car pulled up and fired at them.");
  AddDay("on Wednesday", {2031, 5, 10});
  AddDay("Saturday", {2031, 5, 6});
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 6});
  // With no other date the arrest's day is the likeliest: arrests often follow at once.
  SetZorath("A teen was arrested Saturday night after he shot a friend dead in Zorath.");
  AddDay("Saturday night", {2031, 5, 10});
  a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 10});
}

// A death from wounds days later dates the death, not the shooting.
TEST_F(ExtractorTest, ALaterDeathFromWoundsGivesWayToTheShootingsDate) {
  SetZorath(
      "A Zorath man died from his injuries on Sunday, days after a shooting.\n"
      "He was shot on Thursday outside a bar.");
  AddDay("on Sunday", {2031, 5, 11});
  AddDay("on Thursday", {2031, 5, 8});
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 8});
}

// "Taken to a hospital, where she died Sunday": a death after the transport dates the death,
// not the shooting the article dates elsewhere; with no other date it stands.
TEST_F(ExtractorTest, ADeathAtTheHospitalGivesWayToTheShootingsDate) {
  SetZorath(
      "A Zorath woman has died after a shooting at her farm.\n"
      "Deputies went to the farm at about 4 p.m. Friday.\n"
      "She was flown to Zorath General, where she died Saturday.");
  AddDay("Friday", {2031, 5, 9});
  AddDay("Saturday", {2031, 5, 10});
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 9});
  SetZorath("A Zorath man was shot and taken to a clinic, where he died Saturday.");
  AddDay("Saturday", {2031, 5, 10});
  a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 10});
}

// A patient's condition is reported on its own, often later, day ("was still in critical
// condition on Sunday"): the shooting's day stands when the article gives it, else the
// condition's day; a trigger nearer to the date than "condition" keeps the date its own.
TEST_F(ExtractorTest, APatientsConditionDateGivesWayToTheShootingsDate) {
  SetZorath(
      "A boy shot in a Zorath park was still in critical condition on Sunday, police said.\n"
      "The shooting happened at about 6 p.m. Friday near the swings.");
  AddDay("on Sunday", {2031, 5, 11});
  AddDay("Friday", {2031, 5, 9});
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 9});
  // The condition's day is the only one: it stands.
  SetZorath("A woman shot in Zorath was listed in stable condition Tuesday.");
  AddDay("Tuesday", {2031, 5, 13});
  a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 13});
  // The shot comes nearer to the date than the condition: the date is the shooting's.
  SetZorath(
      "A man in critical condition after he was shot Tuesday in Zorath has died.\n"
      "His family spoke on Thursday.");
  AddDay("Tuesday", {2031, 5, 13});
  AddDay("on Thursday", {2031, 5, 15});
  a = Run();
  ASSERT_FALSE(a.mentions.empty());
  EXPECT_EQ(a.mentions[0].date.date, (CivilDate{2031, 5, 13}));
}

// A relative day after publication ("will gather Wednesday", resolved forward by the timex
// finder) is still to come: it dates no violence.
TEST_F(ExtractorTest, AFutureDayIsNoDateOfTheViolence) {
  SetZorath(
      "Relatives will gather Wednesday for a man shot dead in Zorath.\n"
      "The man was shot on Sunday outside his home.");
  AddDay("Wednesday", {2031, 5, 14});
  doc_.timexes.back().relative = true;
  AddDay("on Sunday", {2031, 5, 11});
  doc_.timexes.back().relative = true;
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 11});
}

// A page's own time stamp dates the page, not the violence.
TEST_F(ExtractorTest, AnUpdateStampIsNoDateOfTheViolence) {
  SetZorath(
      "Girl shot dead in Zorath | Updated: May 11, 2031 - 6:38 PM\n"
      "A girl was shot dead in Zorath. The shooting happened at about 1:30 p.m. Saturday.");
  AddDay("May 11, 2031", {2031, 5, 11});
  AddDay("Saturday", {2031, 5, 10});
  DocAnalysis a = Run();
  ExpectAllDated(a, CivilDate{2031, 5, 10});
  // A date after "updated" in running text, a word between, is no stamp.
  SetZorath("Police updated the count on Sunday after a man was shot dead in Zorath.");
  AddDay("on Sunday", {2031, 5, 11});
  a = Run();
  ExpectOneDated(a, CivilDate{2031, 5, 11});
}

// "The blast comes hours after ..." recalls an earlier attack, however recent: its figures and
// place are background, not a second attack of the article's own news.
TEST_F(ExtractorTest, AnAttackTheNewsComesHoursAfterIsBackground) {
  SetText(
      "A bomb killed nine traders in Arden on Friday, police said.\n"
      "The blast comes hours after 4 people were killed when a bomb hit a convoy in Brisk.");
  AddPlace("Arden", GeoLevel::kDistrict, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kDistrict, "Vellmar", 3);
  AddDay("on Friday", {2031, 5, 9});
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  EXPECT_FALSE(At(a, "Arden")->background);
  ASSERT_NE(At(a, "Brisk"), nullptr);
  EXPECT_TRUE(At(a, "Brisk")->background);
}

// Where the wounded are treated or the dead are mourned is no scene, with or without a verb of
// taking them there.
TEST_F(ExtractorTest, TheTownOfAHospitalOrOfTreatmentIsNoScene) {
  SetText(
      "Relatives mourn a blast victim at a hospital in Kestrel.\n"
      "A suicide bomber killed 12 people at a rally in Zorath on Friday.\n"
      "One of the wounded, a boy, is under treatment at the Central Hospital in Tolsby.\n"
      "A girl wounded in the shooting was air lifted to Brenton.");
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  AddPlace("Tolsby", GeoLevel::kPlace, "North", 5);
  AddPlace("Brenton", GeoLevel::kPlace, "North", 11);
  AddDay("on Friday", {2031, 5, 9});
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Kestrel"), nullptr);
  EXPECT_EQ(At(a, "Tolsby"), nullptr);
  EXPECT_EQ(At(a, "Brenton"), nullptr);
}

// A university or college named after a town or region is an institution, no scene, when the
// article names the scene as finely.
TEST_F(ExtractorTest, AUniversityNamedAfterAPlaceIsNoScene) {
  SetZorath(
      "A student was shot dead on Friday in Zorath.\n"
      "Two students of Varlow University were wounded in the shooting, police said.");
  AddPlace("Varlow", GeoLevel::kPlace, "North", 5);
  AddDay("on Friday", {2031, 5, 9});
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Varlow"), nullptr);
}

// An outlet's name in the headline's tail may hold separators of its own: the tail starts at the
// first separator after the headline's last trigger.
TEST_F(ExtractorTest, AnOutletTailWithSeveralSeparatorsIsNoScene) {
  SetText(
      "Boy shot dead outside store - WXYZ.com - Kestrel, ST - News, Weather and Sports\n"
      "The boy was shot in Zorath on Friday, police said.");
  AddPlace("Kestrel", GeoLevel::kPlace, "North", 9);
  AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
  AddDay("on Friday", {2031, 5, 9});
  DocAnalysis a = Run();
  EXPECT_NE(At(a, "Zorath"), nullptr);
  EXPECT_EQ(At(a, "Kestrel"), nullptr);
}

// An attack in another province of the article's country is recalled, not reported, when its
// sentence dates it before the news or names it by its place ("the Kestrel shooting"); in the
// article's own province the same sentences are news. (May 8 is three days before the news: an
// earlier day more than five days back is background anywhere, see the earlier-attack rule.)
TEST_F(ExtractorTest, AttackInAnotherProvinceDatedEarlierOrNamedByPlaceIsRecalled) {
  const std::string dated =
      "A man was shot and killed in Zorath on Sunday, police said. Four people were shot dead "
      "in Kestrel on May 8.";
  const std::string named =
      "A man was shot and killed in Zorath on Sunday, police said. The gunman in the Kestrel "
      "shooting wounded two others.";
  for (const std::string& text : {dated, named}) {
    for (const char* province : {"South", "North"}) {
      SetText(text);
      AddPlace("Zorath", GeoLevel::kPlace, "North", 7);
      AddPlace("Kestrel", GeoLevel::kPlace, province, 8);
      AddDay("on Sunday", {2031, 5, 11});
      AddDay("May 8", {2031, 5, 8});
      DocAnalysis a = Run();
      const EventMention* zorath = At(a, "Zorath");
      ASSERT_NE(zorath, nullptr) << text;
      EXPECT_FALSE(zorath->background) << text;
      const EventMention* kestrel = At(a, "Kestrel");
      const bool recalled = kestrel == nullptr || kestrel->background;
      EXPECT_EQ(recalled, std::string(province) == "South") << province << ": " << text;
    }
  }
}

// A declared day of mourning is a later step (procedure_cues.tsv): its date ("on Wednesday")
// dates neither the attacks it mourns nor, as the article's main date, a toll of both given in
// a sentence with no date of its own.
TEST_F(ExtractorTest, DayOfMourningDatesNoAttack) {
  SetText(
      "The government declared three days of national mourning on Wednesday for the soldiers "
      "killed in Sunday's attacks on Arden and Brisk.\n"
      "The army said 25 soldiers had been killed in the two attacks.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  testing_doc::AddTimex(article_.text, &doc_, "on Wednesday", {2031, 5, 12}, DatePrecision::kDay);
  testing_doc::AddTimex(article_.text, &doc_, "Sunday", {2031, 5, 9}, DatePrecision::kDay);
  DocAnalysis a = Run();
  ASSERT_FALSE(a.mentions.empty());
  for (const EventMention& m : a.mentions) {
    EXPECT_NE(m.date.date, (CivilDate{2031, 5, 12}))
        << (m.places.empty() ? "-" : m.places[0].place.name);
  }
}

// Two towns joined by "and" (or "et", "y") with nothing of their own between them share a figure
// that follows them both: it counts the wave, not the nearer town. Figures given town by town,
// and a town named after the figure, stay each town's.
TEST_F(ExtractorTest, FigureAfterTwoJoinedTownsCountsTheWave) {
  auto scopes = [&](const std::string& text) {
    SetText(text);
    AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
    AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
    std::vector<std::pair<int, Scope>> out;
    for (const EventMention& m : Run().mentions) {
      for (const Claim& c : m.claims) out.emplace_back(static_cast<int>(c.value), c.scope);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<std::pair<int, Scope>>;
  EXPECT_EQ(scopes("Gunmen attacked the army camp of Arden and the police post of Brisk on "
                   "Sunday, killing at least 26 soldiers."),
            (V{{26, Scope::kWave}}));
  EXPECT_EQ(scopes("Des hommes armés ont attaqué le camp de Arden et la brigade de Brisk, faisant "
                   "au moins 26 morts."),
            (V{{26, Scope::kWave}}));
  EXPECT_EQ(scopes("Gunmen killed 5 soldiers in Arden and 7 policemen were killed in Brisk."),
            (V{{5, Scope::kIncident}, {7, Scope::kIncident}}));
  EXPECT_EQ(scopes("Twelve soldiers were killed in Arden, after which troops moved to Brisk."),
            (V{{12, Scope::kIncident}}));
  // "the toll from the attacks" (plural) counts them all, even in a sentence naming one town.
  EXPECT_EQ(scopes("Gunmen killed 3 guards in Arden and a driver in Brisk on Friday.\n"
                   "A guard hurt in Arden died, raising the toll from the attacks to 5."),
            (V{{3, Scope::kIncident}, {5, Scope::kWave}}));
}

// A movement after the attack ("troops then moved to B") does not place the attack at B.
TEST_F(ExtractorTest, MovementAfterTheAttackDoesNotPlaceIt) {
  SetText("After the attack in Arden that killed nine, troops moved to Brisk.");
  AddPlace("Arden", GeoLevel::kPlace, "Vellmar", 2);
  AddPlace("Brisk", GeoLevel::kPlace, "Vellmar", 3);
  DocAnalysis a = Run();
  ASSERT_NE(At(a, "Arden"), nullptr);
  ASSERT_EQ(At(a, "Arden")->claims.size(), 1u);
  EXPECT_EQ(At(a, "Arden")->claims[0].value, 9);
  EXPECT_EQ(At(a, "Brisk"), nullptr);
}

}  // namespace
}  // namespace sitrep
