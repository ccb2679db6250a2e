#include "extract/claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "base/data_dir.h"
#include "base/testing_data.h"
#include "extract/test_doc.h"

namespace sitrep {
namespace {

class ClaimsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = ClaimExtractor::Load(DataPath("extract"));
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    extractor_ = std::move(x).value().release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  std::vector<Claim> Run(const std::string& text) {
    article_.doc_id = "t1";
    article_.source = "test";
    article_.text = text;
    Doc doc = testing_doc::MakeDoc(article_.text);
    WordStream ws(article_.text, doc);
    std::vector<Claim> claims = extractor_->Extract(article_, doc, ws, nullptr);
    for (const Claim& c : claims) {
      EXPECT_EQ(c.quote, article_.text.substr(c.span.begin, c.span.size()));
      EXPECT_LE(c.span.begin, c.figure_span.begin);
      EXPECT_GE(c.span.end, c.figure_span.end);
    }
    return claims;
  }

  static ClaimExtractor* extractor_;
  Article article_;
};
ClaimExtractor* ClaimsTest::extractor_ = nullptr;

TEST_F(ClaimsTest, ActiveVerbBeforeNumber) {
  auto c = Run("Gunmen killed 12 people at the market on Tuesday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 12);
  EXPECT_EQ(c[0].category, Category::kUnknown);
  EXPECT_EQ(c[0].doc_id, "t1");
  EXPECT_EQ(article_.text.substr(c[0].figure_span.begin, c[0].figure_span.size()), "12");
}

TEST_F(ClaimsTest, PassiveWithQualifierAndCategory) {
  auto c = Run("At least 23 passengers were killed when the bus was stopped.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(c[0].category, Category::kCivilians);
}

TEST_F(ClaimsTest, LeftDozensDeadWithAttribution) {
  auto c = Run("The raids on the villages left dozens dead, police said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].qualifier, Qualifier::kVague);
  EXPECT_EQ(c[0].attributed_to, "police");
}

TEST_F(ClaimsTest, CoordinatedFiguresGiveTwoClaims) {
  auto c = Run("Three soldiers and seven civilians were killed in the ambush.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, 3);
  EXPECT_EQ(c[0].category, Category::kSecurityForces);
  EXPECT_EQ(c[1].value, 7);
  EXPECT_EQ(c[1].category, Category::kCivilians);
  EXPECT_EQ(c[1].field, Field::kKilled);
  auto d = Run("The gunmen killed two policemen and nine villagers near the border.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].value, 9);
  EXPECT_EQ(d[1].field, Field::kKilled);
  EXPECT_EQ(d[1].category, Category::kCivilians);
}

TEST_F(ClaimsTest, IncludingMarksAPart) {
  auto c = Run("The attackers opened fire, killing 15 people, including four police officers.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, 15);
  EXPECT_EQ(c[0].scope, Scope::kIncident);
  EXPECT_EQ(c[1].value, 4);
  EXPECT_EQ(c[1].scope, Scope::kPart);
  EXPECT_EQ(c[1].field, Field::kKilled);
  EXPECT_EQ(c[1].category, Category::kSecurityForces);
  auto d = Run("Nine people, including two women and three children, were shot dead.");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].scope, Scope::kIncident);
  EXPECT_EQ(d[1].scope, Scope::kPart);
  EXPECT_EQ(d[2].scope, Scope::kPart);
  EXPECT_EQ(d[2].field, Field::kKilled);
}

TEST_F(ClaimsTest, TollsAndLives) {
  auto c = Run("The death toll rose to 41 on Friday, the health ministry said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 41);
  EXPECT_EQ(c[0].attributed_to, "health officials");
  auto d = Run("The bombing claimed 19 lives.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, Field::kKilled);
  auto e = Run("Two more victims succumbed to their injuries in hospital.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, Field::kKilled);
  auto f = Run("Police found the bodies of five men near the river.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, Field::kKilled);
  EXPECT_EQ(f[0].value, 5);
}

// "the loss of N lives", "the demise of N people", a toll, and a toll cue with the attack's
// description between it and its number.
TEST_F(ClaimsTest, LossDemiseExceedingAndADistantTollCue) {
  auto c = Run("The raid on the depot resulted in the loss of at least 14 lives.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 14);
  EXPECT_EQ(c[0].qualifier, Qualifier::kAtLeast);
  auto d = Run("The ambush led to the demise of 9 villagers.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, Field::kKilled);
  EXPECT_EQ(d[0].value, 9);
  auto e = Run("Officials reported a death toll of 25.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, Field::kKilled);
  auto f = Run("The number of fatalities in the Arden market bombing on Sunday night reached 33.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, Field::kKilled);
  EXPECT_EQ(f[0].value, 33);
}

// A toll cue may stand up to 26 words before its figure: an update names the attack by its day,
// kind, site and attackers ("from Saturday's car bombing near a busy junction in ...", "from an
// attack by gunmen on a village in ... at the weekend") before the new toll.
TEST_F(ClaimsTest, AnUpdatedTollAfterALongDescriptionOfTheAttack) {
  auto c = Run(
      "The death toll from Friday's truck bombing near the crowded bus station in Arden rose to 27 "
      "on Sunday, health officials said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 27);
  EXPECT_EQ(c[0].attributed_to, "health officials");
  auto l =
      Run("The number of people killed by a truck bomb outside a crowded bus depot in the town of "
          "Arden late on Friday has risen to 23, officials said.");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].field, Field::kKilled);
  EXPECT_EQ(l[0].value, 23);
  // Still one clause: a figure after the clause ends is no toll.
  auto d = Run("The death toll from Friday's bombing is not known; 27 families fled the town.");
  for (const Claim& x : d) EXPECT_NE(x.field, Field::kKilled) << x.quote;
}

TEST_F(ClaimsTest, InjuredAndKilledInOneSentence) {
  auto c = Run("At least 30 were wounded and 8 died.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[1].field, Field::kKilled);
  auto d = Run("The blast killed 12 people and injured 46 others.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].field, Field::kInjured);
  EXPECT_EQ(d[1].value, 46);
  auto e = Run("Six policemen were martyred and 11 others injured, according to the ISPR.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].category, Category::kSecurityForces);
  EXPECT_EQ(e[1].field, Field::kInjured);
  EXPECT_EQ(e[0].attributed_to, "ISPR");
}

TEST_F(ClaimsTest, OtherFields) {
  auto a = Run("Rebels abducted 14 students from a school.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].field, Field::kAbducted);
  EXPECT_EQ(a[0].category, Category::kCivilians);
  auto b = Run("Police arrested six suspects after the raid.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].field, Field::kArrested);
  auto f = Run("The militants freed 25 inmates from the prison.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, Field::kFreed);
  auto v = Run("Eight trucks were set on fire on the highway.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, Field::kVehiclesDestroyed);
  auto w = Run("The gunmen set 10 vehicles ablaze before fleeing.");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].field, Field::kVehiclesDestroyed);
}

TEST_F(ClaimsTest, NumbersThatAreNotFigures) {
  EXPECT_TRUE(Run("The 45-year-old driver survived the attack.").empty());
  EXPECT_TRUE(Run("The attack took place 30 km from the city.").empty());
  EXPECT_TRUE(Run("Two suicide bombers stormed the gate.").empty());
  EXPECT_TRUE(Run("The group has carried out 3 attacks this month.").empty());
  EXPECT_TRUE(Run("The attackers arrived in 4 cars at 9 in the morning.").empty());
}

TEST_F(ClaimsTest, NegatedAndHypotheticalFiguresAreSkipped) {
  EXPECT_TRUE(Run("The militants threatened to kill 50 hostages.").empty());
  EXPECT_TRUE(Run("Officials said 20 people were not injured in the fire.").empty());
}

TEST_F(ClaimsTest, CountOfAssaultsMakesAPart) {
  auto c = Run("Armed men killed 38 people in three separate assaults.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 38);
  EXPECT_EQ(c[0].scope, Scope::kPart);
}

TEST_F(ClaimsTest, MajorityNamesTheCategory) {
  auto c = Run("Militants opened fire on a meadow, killing 26 people, mostly tourists.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kCivilians);
}

TEST_F(ClaimsTest, DashesSetOffAppositions) {
  auto c = Run("At least 19 people\xE2\x80\x94mostly pilgrims\xE2\x80\x94were killed on the road.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 19);
}

TEST_F(ClaimsTest, SweepingTollsOfAConflictAreNoClaims) {
  std::string text = "The insurgency has killed thousands of people.";
  article_.text = text;
  Doc doc = testing_doc::MakeDoc(text);
  Quantity q;  // what the text stage makes of "thousands"
  q.span = q.number_span = {uint32_t(text.find("thousands")), uint32_t(text.find("thousands") + 9)};
  q.value = 5000;
  q.low = 1000;
  q.high = 9999;
  q.qualifier = Qualifier::kVague;
  doc.quantities = {q};
  WordStream ws(article_.text, doc);
  EXPECT_TRUE(extractor_->Extract(article_, doc, ws, nullptr).empty());
}

TEST_F(ClaimsTest, AttributionPrefersTheSpeakerOverTheOutlet) {
  auto c = Run("Four civilians died in the shelling, a local official told Reuters.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "officials");
  auto d = Run("The explosion killed 9 people, Reuters reported.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].attributed_to, "Reuters");
  auto e = Run("Seven soldiers were killed in the clash.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].attributed_to, "");
  auto f = Run("The military said in a statement that 17 insurgents were killed.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].attributed_to, "the military");
  EXPECT_EQ(f[0].category, Category::kMilitants);
}

TEST_F(ClaimsTest, QuoteIsTheSentenceVerbatim) {
  std::string text =
      "A bomb exploded at the bus stand.\nIt killed 7 people, officials said. Rescue work went on.";
  auto c = Run(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].quote, "It killed 7 people, officials said.");
  EXPECT_EQ(c[0].attributed_to, "officials");
}

// --- Implicit figures: one victim without a number, the shooter's own death, explicit zeros.

TEST_F(ClaimsTest, SingularVictimPassive) {
  auto c = Run("A delivery driver was shot and killed outside the depot on Friday night.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_EQ(c[0].category, Category::kCivilians);
  EXPECT_EQ(article_.text.substr(c[0].figure_span.begin, c[0].figure_span.size()),
            "was shot and killed");
}

TEST_F(ClaimsTest, SingularVictimWithAgeAndRelativeClause) {
  auto c = Run("Investigators said a 31-year-old man who was found near the river died later.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
}

// singular.tsv rows of other languages: a singular victim with its predicate is one, with the
// noun's category; the same sentence in the plural is the numeric grammar's.
TEST_F(ClaimsTest, SingularVictimInOtherLanguages) {
  struct Case {
    const char* text;
    Field field;
    Category category;
  };
  const Case cases[] = {
      {"Un soldado murió el martes en el puesto de control.", Field::kKilled,
       Category::kSecurityForces},
      {"Une femme a été tuée près du marché.", Field::kKilled, Category::kCivilians},
      {"Un poliziotto è rimasto ferito durante la sparatoria.", Field::kInjured,
       Category::kSecurityForces},
  };
  for (const Case& k : cases) {
    auto c = Run(k.text);
    ASSERT_EQ(c.size(), 1u) << k.text;
    EXPECT_EQ(c[0].field, k.field) << k.text;
    EXPECT_EQ(c[0].value, 1) << k.text;
    EXPECT_EQ(c[0].category, k.category) << k.text;
  }
}

TEST_F(ClaimsTest, PronounAndNameSubjects) {
  auto c = Run("He was taken to Mercy Hospital, where he was pronounced dead.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 1);
  c = Run("Jordan Pell, 44, died at the scene.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
}

TEST_F(ClaimsTest, SingularObjectOfActiveVerb) {
  auto c = Run("Deputies say the intruder fatally shot a 52-year-old homeowner.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  c = Run("The robber wounded a teacher and fled on foot.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[0].category, Category::kCivilians);
}

TEST_F(ClaimsTest, PluralSubjectIsLeftToNumbers) {
  auto c = Run("They died before help arrived.");
  EXPECT_TRUE(c.empty());
  c = Run("Residents of the block died in the blaze.");
  EXPECT_TRUE(c.empty());
  // "two" is read by the numeric grammar only, once.
  c = Run("Two teenagers were killed near the park.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 2);
}

TEST_F(ClaimsTest, OneSingularVictimPerSentence) {
  auto c = Run("A woman was critically wounded and later died at the hospital.");
  ASSERT_EQ(c.size(), 1u);  // one victim: the death only, no injury
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].category, Category::kCivilians);
}

TEST_F(ClaimsTest, ShooterKilledHimself) {
  auto c = Run("The gunman shot his wife and then killed himself, police said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].category, Category::kMilitants);
  EXPECT_EQ(c[0].attributed_to, "police");
  // A headline's present tense: "Two boys killed, father commits suicide" is three deaths.
  c = Run("Two boys killed, father commits suicide after standoff");
  ASSERT_EQ(c.size(), 2u);
  bool boys = false, father = false;
  for (const Claim& x : c) {
    boys |= x.value == 2 && x.category == Category::kCivilians;
    father |= x.value == 1 && x.field == Field::kKilled && x.category == Category::kMilitants;
  }
  EXPECT_TRUE(boys && father);
}

TEST_F(ClaimsTest, AccidentalSelfShootingAndGunshotDeath) {
  auto c = Run("A boy of six accidentally shot himself in the leg at his home on Friday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_NE(c[0].category, Category::kMilitants);  // a victim, not an attacker
  c = Run("Detectives are looking into the gunshot death of a retired teacher.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
}

TEST_F(ClaimsTest, ExplicitZeros) {
  auto c = Run("Shots hit two parked cars but no one was injured.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[0].value, 0);
  c = Run("Nobody was killed in the exchange.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 0);
  // "no one else" says nothing about the total.
  EXPECT_TRUE(Run("A clerk was hurt, but no one else was injured.").size() == 1u);
}

TEST_F(ClaimsTest, NegatedSingularGivesNothing) {
  EXPECT_TRUE(Run("Officials said the guard was not injured.").empty());
  EXPECT_TRUE(Run("The blast could have killed a passerby.").empty());
}

TEST_F(ClaimsTest, AgeAfterASingularPersonNounIsNoCount) {
  // "boy, 6," is an age; the count is the implicit one victim.
  std::vector<Claim> claims = Run("A Riverside boy, 6, was fatally shot on Sunday.");
  for (const Claim& c : claims) EXPECT_NE(c.value, 6);
  // A count after commas in a list still counts.
  std::vector<Claim> more = Run("In the attack, 6 people were killed.");
  ASSERT_FALSE(more.empty());
  EXPECT_EQ(more[0].value, 6);
}

TEST_F(ClaimsTest, HeadlineVictimDeadAfter) {
  auto c = Run("Teen dead after shooting near Elm Street park");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  // A plural subject is the numeric grammar's (or nobody's) business.
  EXPECT_TRUE(Run("They were dead after the storm passed.").empty());
}

TEST_F(ClaimsTest, HeadlineObjectWithoutArticle) {
  auto c = Run("Stray bullet that killed 9-year-old girl was fired from a passing car");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_EQ(c[0].category, Category::kCivilians);
  // A count is not an age: the numeric grammar reads it, once.
  c = Run("The gunman killed 4 people at the mall.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 4);
}

TEST_F(ClaimsTest, LaterPronouncedDeadAndDeathOf) {
  auto c = Run("She was rushed to the clinic, where she was later pronounced dead.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  c = Run("Deputies are investigating the death of a 40-year-old hunter's son.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
}

TEST_F(ClaimsTest, ShooterKillingHerselfAfterOthers) {
  auto c = Run("Police said the woman shot her husband before killing herself.");
  bool self = false;
  for (const Claim& x : c) {
    self |= x.field == Field::kKilled && x.category == Category::kMilitants && x.value == 1;
  }
  EXPECT_TRUE(self);
}

TEST_F(ClaimsTest, AccidentalSelfKillingIsNoAttacker) {
  auto c = Run("Boy, 5, accidentally shoots and kills himself with a relative's pistol");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_NE(c[0].category, Category::kMilitants);
}

TEST_F(ClaimsTest, SuicideOfANamedVictimKeepsItsCategory) {
  auto c = Run("On Monday a 15-year-old girl took her own life at her home.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].category, Category::kCivilians);
  // The noun right before is the object of another verb: the shooter's own death.
  c = Run("The man fatally shot his wife, then killed himself.");
  bool self = false;
  for (const Claim& x : c) self |= x.category == Category::kMilitants;
  EXPECT_TRUE(self);
}

TEST_F(ClaimsTest, TwoCoordinatedSingularVictims) {
  auto c = Run("Police say he fatally shot a neighbor and her 9-year-old daughter on Sunday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 2);
  c = Run("The intruder killed a man and woman inside the store.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 2);
  // A second verb after "and" starts another clause: one death (the injury of the same
  // category is folded into it by the one-victim rule).
  c = Run("The robber killed a clerk and wounded a customer before fleeing.");
  ASSERT_FALSE(c.empty());
  for (const Claim& x : c) EXPECT_EQ(x.value, 1);
  // "and himself" is the shooter, no second victim here.
  c = Run("He killed the boy and himself.");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].value, 1);
}

TEST_F(ClaimsTest, ASingularVictimShotIsOneWounded) {
  auto c = Run("A 9-year-old girl was accidentally shot while playing in the yard.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[0].value, 1);
  c = Run("Deputies found that the boy had been shot by his uncle.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  // Shot and then killed is a death only.
  c = Run("A cab driver was shot and killed near the station.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  // A plural subject is left to the numbers.
  c = Run("Two men were shot outside the bar.");
  for (const Claim& x : c) EXPECT_NE(x.value, 1);
}

TEST_F(ClaimsTest, TwoCoordinatedSingularSubjects) {
  auto c = Run("A woman and her 8-year-old son were shot and killed inside their home.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 2);
  c = Run("Police identified the girl and her mother who were shot and killed on Friday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 2);
  // A singular verb keeps one victim: the pair is inside the subject's modifier.
  c = Run("The father of a boy and a girl was shot and killed.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 1);
  // "were" without a pair is the numeric grammar's (or nobody's).
  c = Run("The victims were shot and killed.");
  EXPECT_TRUE(c.empty());
  c = Run("Detectives are investigating the deaths of a man and his wife.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 2);
}

TEST_F(ClaimsTest, AnAddressIsNoFigure) {
  auto c = Run("The teen was killed by a gunshot wound at 2208 County Road 11.");
  for (const Claim& x : c) EXPECT_NE(x.value, 2208);
  c = Run("Officers found two men wounded in the 2700 block of Elm Street.");
  for (const Claim& x : c) EXPECT_NE(x.value, 2700);
}

TEST_F(ClaimsTest, ShotDeadAfterAPerfectIsADeath) {
  auto c = Run("A young man has been shot dead near the ridge trail.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
}

TEST_F(ClaimsTest, AccidentWordAfterTheReflexiveCueStillCounts) {
  // The accident words are read over the whole sentence, also after the cue; without one the
  // same death stays the shooter's own.
  auto c = Run("A man killed himself at a range in what deputies called an accidental discharge.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_EQ(c[0].category, Category::kUnknown);
  auto d = Run("A man killed himself at a range in what deputies called a standoff.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].category, Category::kMilitants);
}

// A young child's own shooting: the child is the victim, never the attacker, whether the noun
// stands right before the cue, before a relative pronoun or before the child's name.
TEST_F(ClaimsTest, YoungChildShootingItselfIsAVictim) {
  const char* kTexts[] = {
      "Police said a 3-year-old boy fatally shot himself at a relative's house.",
      "The father of a 6-year-old boy who fatally shot himself was charged on Monday.",
      "Deputies said 20-month-old Tom Reyes fatally shot himself in the kitchen.",
      "A girl who shot and killed herself with her mother's pistol was 4, police said.",
      "A week after 19-month-old Ada Brun fatally shot herself, the county opened an inquiry.",
  };
  for (const char* text : kTexts) {
    auto c = Run(text);
    ASSERT_EQ(c.size(), 1u) << text;
    EXPECT_EQ(c[0].field, Field::kKilled) << text;
    EXPECT_EQ(c[0].value, 1) << text;
    EXPECT_EQ(c[0].category, Category::kCivilians) << text;
  }
  // An older subject or one of no stated age keeps the shooter's own death.
  for (const char* text : {"A 35-year-old man fatally shot himself after the standoff.",
                           "The man who shot the clerk later killed himself."}) {
    auto c = Run(text);
    bool shooter = false;
    for (const Claim& x : c)
      shooter |= x.field == Field::kKilled && x.category == Category::kMilitants;
    EXPECT_TRUE(shooter) << text;
  }
}

// A murder-suicide: the people the shooter killed before his own death are his victims, so a
// death of no stated category becomes a civilian's and the total adds the shooter's.
TEST_F(ClaimsTest, MurderSuicideVictimsAreNotTheShooter) {
  auto c = Run("Deputies said a farmer shot and killed his 9-year-old son before killing himself.");
  bool victim = false, shooter = false;
  for (const Claim& x : c) {
    if (x.field != Field::kKilled) continue;
    victim |= x.category == Category::kCivilians && x.value == 1;
    shooter |= x.category == Category::kMilitants && x.value == 1;
    EXPECT_NE(x.category, Category::kUnknown);
  }
  EXPECT_TRUE(victim);
  EXPECT_TRUE(shooter);
  c =
      Run("Officials said the gunman shot his relatives, killing 4, then turned the gun on "
          "himself.");
  bool four = false;
  for (const Claim& x : c) four |= x.value == 4 && x.category == Category::kCivilians;
  EXPECT_TRUE(four);
  // Without the shooter's own death the count keeps no category.
  c = Run("Officials said the gunman shot his relatives, killing 4, and fled.");
  ASSERT_FALSE(c.empty());
  for (const Claim& x : c) EXPECT_EQ(x.category, Category::kUnknown);
  // An accidental self-shooting is the victim's: nothing is re-read.
  c = Run("A boy accidentally shot and killed himself after 2 friends were killed nearby.");
  for (const Claim& x : c) EXPECT_NE(x.category, Category::kMilitants);
}

// "N found shot dead" counts the dead like "N found dead".
TEST_F(ClaimsTest, FoundShotDeadCountsTheDead) {
  auto c = Run("3 Found Shot Dead In Lakeside Home");
  bool three = false;
  for (const Claim& x : c) three |= x.field == Field::kKilled && x.value == 3;
  EXPECT_TRUE(three);
  c = Run("Deputies said 5 people were found shot to death inside the house.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 5);
}

// Helpers for the tests below: the killed claims of a text, by category.
double KilledOf(const std::vector<Claim>& c, Category cat) {
  double v = 0;
  for (const Claim& x : c) {
    if (x.field == Field::kKilled && x.category == cat) v = std::max(v, x.value);
  }
  return v;
}
double MaxKilled(const std::vector<Claim>& c) {
  double v = 0;
  for (const Claim& x : c) {
    if (x.field == Field::kKilled) v = std::max(v, x.value);
  }
  return v;
}

// Two victims after a possessive, a name or an apposition are two; so is a headline's bare age.
TEST_F(ClaimsTest, CoordinatedVictimsAfterPossessiveNameOrApposition) {
  EXPECT_EQ(MaxKilled(Run("Deputies said she killed her uncle and niece at the farm.")), 2);
  EXPECT_EQ(MaxKilled(Run("He is accused of killing 30-year-old Mia Lane and her four-year-old "
                          "son in the flat.")),
            2);
  EXPECT_EQ(MaxKilled(Run("Officers said Roe killed his niece, Ava Roe, and her mother.")), 2);
  EXPECT_EQ(MaxKilled(Run("Farmer kills 7-year-old grandson at ranch")), 1);
  // The victims of one killer are a lower bound: he may have died as well.
  for (const Claim& x : Run("She killed her uncle and niece at the farm.")) {
    if (x.value == 2) {
      EXPECT_EQ(x.scope, Scope::kPart);
    }
  }
  // A second verb keeps one victim.
  EXPECT_EQ(MaxKilled(Run("The gunman killed a clerk and wounded a guard.")), 1);
}

// A subject list with a name or more than two members counts them all, under a plural verb.
TEST_F(ClaimsTest, SubjectListsOfNamesAndNouns) {
  EXPECT_EQ(MaxKilled(Run("Police said Ann Cole and her 6-year-old son were found dead.")), 2);
  EXPECT_EQ(MaxKilled(Run("The woman, the man and the baby were pronounced dead at the scene.")),
            3);
  EXPECT_EQ(MaxKilled(Run("The aunt of Ann Cole and her son was killed.")), 1);
}

// Protesters and marchers are people counted by a figure, as civilians.
TEST_F(ClaimsTest, ProtestersAreCountedVictims) {
  for (const char* text : {"Three young protesters were shot dead near the stadium.",
                           "Police fired on the crowd and 4 demonstrators died."}) {
    auto c = Run(text);
    ASSERT_EQ(c.size(), 1u) << text;
    EXPECT_GE(c[0].value, 3) << text;
    EXPECT_EQ(c[0].category, Category::kCivilians) << text;
  }
}

// A name after a preposition is a place, not a victim joined to the next clause's subject.
TEST_F(ClaimsTest, PlaceNameBeforeAndIsNoVictim) {
  EXPECT_EQ(MaxKilled(Run("A bomb went off near a depot east of Harlow, and a guard died "
                          "when a second device hit a checkpoint.")),
            1);
  EXPECT_EQ(MaxKilled(Run("Guards at a camp in Tarnby, and a soldier died in the shelling.")), 1);
}

// "killed the boy and himself": the killer's own death joins his victim's.
TEST_F(ClaimsTest, KillerJoinedToHisVictim) {
  for (const char* text : {"Troopers said a father killed the boy and himself.",
                           "Sheriff: woman kills 4-year-old son, self"}) {
    auto c = Run(text);
    EXPECT_EQ(KilledOf(c, Category::kCivilians), 1) << text;
    EXPECT_EQ(KilledOf(c, Category::kMilitants), 1) << text;
  }
  // No death before it, or another word than a joint: nothing.
  EXPECT_EQ(KilledOf(Run("He wounded a clerk and himself."), Category::kMilitants), 0);
  EXPECT_EQ(KilledOf(Run("She killed a clerk in self defense."), Category::kMilitants), 0);
}

// An event's name implies its least count of deaths, once per article.
TEST_F(ClaimsTest, MurderSuicideImpliesAtLeastTwoDeaths) {
  auto c = Run("Police are calling it a murder-suicide.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 2);
  EXPECT_EQ(c[0].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(c[0].scope, Scope::kPart);
  EXPECT_EQ(MaxKilled(Run("Deputies found the family dead in a triple murder-suicide.")), 4);
  EXPECT_EQ(MaxKilled(Run("Detectives are investigating a double homicide.")), 2);
  EXPECT_TRUE(Run("He was charged with an attempted murder-suicide.").empty());
  c = Run("Police are calling it a murder-suicide.\nThe murder-suicide was the second this month.");
  EXPECT_EQ(c.size(), 1u);
  // A deadly shooting, a shooting death or a death investigation: at least one death.
  c = Run("A man was charged in the shooting death on Elm Street.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 1);
  EXPECT_EQ(c[0].scope, Scope::kPart);
  EXPECT_EQ(MaxKilled(Run("Deputies are looking for a man after a deadly shooting.")), 1);
  EXPECT_TRUE(Run("Police are investigating a non-fatal shooting on Elm Street.").empty());
}

// More predicates of a death or of a wound, after a singular subject.
TEST_F(ClaimsTest, MorePredicatesOfDeathAndWounds) {
  auto c = Run("The clerk had been shot to death.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  c = Run("Officers found the clerk had been fatally wounded.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  c = Run("The girl remains in critical condition.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
}

// "the first of two teenagers killed this weekend" counts separate events.
TEST_F(ClaimsTest, AnOrdinalOfASeriesIsNoFigure) {
  EXPECT_EQ(MaxKilled(Run("Lee was the first of two teenagers killed over the weekend.")), 0);
  EXPECT_EQ(MaxKilled(Run("Lee was one of two teenagers killed in the shooting.")), 2);
}

// Plural kin are victims: "shot his two young sons" before his own death is three deaths.
TEST_F(ClaimsTest, PluralKinAreVictims) {
  auto c = Run("Deputies said a man shot his two young sons before turning the gun on himself.");
  EXPECT_EQ(KilledOf(c, Category::kCivilians), 2);
  EXPECT_EQ(KilledOf(c, Category::kMilitants), 1);
}

// A young child who is the first person of the clause is no attacker even when the cue is far
// from the noun; a possessive person between does not count, another person does.
TEST_F(ClaimsTest, ChildSubjectOfAFarReflexive) {
  auto c = Run("Police: 3-year-old girl found gun in father's truck, fatally shot herself");
  EXPECT_EQ(KilledOf(c, Category::kCivilians), 1);
  EXPECT_EQ(KilledOf(c, Category::kMilitants), 0);
  c = Run("A 5-year-old boy was shot by his father, who then killed himself.");
  EXPECT_EQ(KilledOf(c, Category::kMilitants), 1);
}

// Coordinated figures of one cue are one total: the one of no category carries the others'.
TEST_F(ClaimsTest, CoordinatedFigureOfNoCategoryCarriesTheTotal) {
  auto c = Run("Police found one man and two children dead inside the house.");
  EXPECT_EQ(KilledOf(c, Category::kUnknown), 3);
  EXPECT_EQ(KilledOf(c, Category::kCivilians), 2);
  // All categorised: each keeps its own figure (the total is their sum downstream).
  c = Run("Four police and five civilians were killed.");
  EXPECT_EQ(KilledOf(c, Category::kSecurityForces), 4);
  EXPECT_EQ(KilledOf(c, Category::kCivilians), 5);
  EXPECT_EQ(KilledOf(c, Category::kUnknown), 0);
  // A part ("including") is no coordination.
  c = Run("Ten people, including five police officers, were killed.");
  EXPECT_EQ(KilledOf(c, Category::kUnknown), 10);
}

// A modifier between a figure's subject and its verb: a participle, a preposition or a relative
// clause ("four people involved in ... have died"). The cue that figure reads gives no singular
// victim besides (a weekday before "died" is no name).
TEST_F(ClaimsTest, PredicateAfterASubjectModifier) {
  auto c = Run("Four people involved in a crash early Saturday morning have now died.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 4);
  EXPECT_EQ(article_.text.substr(c[0].figure_span.begin, c[0].figure_span.size()), "Four");
  c = Run("The coroner says all three people involved in the fight at the bar have died.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 3);
  EXPECT_EQ(MaxKilled(Run("Three men who were wounded at the depot on Friday have died.")), 3);
  EXPECT_EQ(MaxKilled(Run("Five people in the crowded square were killed.")), 5);
  EXPECT_EQ(MaxKilled(Run("Two farmers from the next village, Elm Creek, also died.")), 2);
  // A participle that wounded them, then a verb that tells their deaths.
  c = Run("Four people injured in the blast later died in hospital.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kKilled);
  EXPECT_EQ(c[0].value, 4);
}

// The modifier's own verb is no predicate of the figure: an active verb with its object, a
// gerund, a cue used as a noun; a clause link ends the subject.
TEST_F(ClaimsTest, ModifierVerbsAreNotTheFiguresPredicate) {
  auto c = Run("Two men who killed a shopkeeper in the market were arrested.");
  double arrested = 0;
  for (const Claim& x : c) {
    if (x.field == Field::kArrested) arrested = x.value;
  }
  EXPECT_EQ(arrested, 2);
  EXPECT_LT(MaxKilled(c), 2);
  EXPECT_LT(MaxKilled(Run("Three teens arrested, accused of killing a 4-year-old girl.")), 3);
  EXPECT_LT(MaxKilled(Run("Two men involved in the killing of a guard fled.")), 2);
  EXPECT_EQ(MaxKilled(Run("Three men in a van that was found near the farm were killed.")), 0);
  EXPECT_EQ(MaxKilled(Run("Two children hurt and killed by gunfire.")), 0);
}

// "Three gunmen killed five villagers": the number before an active verb with its object
// counts the agents, not victims; a passive verb keeps its subject's figure.
TEST_F(ClaimsTest, AgentsBeforeAnActiveVerbAreNoVictims) {
  auto c = Run("Three gunmen killed five villagers near the river.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 5);
  EXPECT_EQ(KilledOf(c, Category::kMilitants), 0);
  c = Run("Three gunmen were killed the next day.");
  EXPECT_EQ(KilledOf(c, Category::kMilitants), 3);
}

// "shot three people" counts the dead and the wounded: killed up to 3, never more precise than
// a stated death ("killing one"); before the shooter's own death they are his victims' deaths.
TEST_F(ClaimsTest, PeopleShotBoundTheDead) {
  auto c = Run("A gunman shot three people outside the bar, killing one.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, 3);
  EXPECT_EQ(c[0].qualifier, Qualifier::kUpTo);
  EXPECT_EQ(c[0].low, 0);
  EXPECT_EQ(c[0].high, 3);
  EXPECT_EQ(c[1].value, 1);
  EXPECT_EQ(c[1].qualifier, Qualifier::kExact);
  c = Run("A man shot his two sons before turning the gun on himself.");
  auto sons = std::find_if(c.begin(), c.end(), [](const Claim& x) { return x.value == 2; });
  ASSERT_NE(sons, c.end());
  EXPECT_EQ(sons->qualifier, Qualifier::kExact);
  EXPECT_EQ(sons->category, Category::kCivilians);
}

// A bound no larger than the article's own count of wounded tells no death: the people shot
// are the wounded. A larger bound stays.
TEST_F(ClaimsTest, ABoundTheWoundedFillIsDropped) {
  article_.doc_id = "t1";
  article_.text = "Three hurt in bar shooting\nA gunman shot three people outside the bar.";
  Doc doc = testing_doc::MakeDoc(article_.text);
  WordStream ws(article_.text, doc);
  std::vector<uint32_t> sentences;
  std::vector<bool> implicit;
  auto c = extractor_->Extract(article_, doc, ws, &sentences, &implicit);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].field, Field::kInjured);
  EXPECT_EQ(c[0].value, 3);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0], 0u);
  ASSERT_EQ(implicit.size(), 1u);
  EXPECT_EQ(MaxKilled(Run("Two hurt in bar shooting\nA gunman shot three people outside the bar.")),
            3);
}

// Gapped parts of one count, each at a site of its own, add up at the head figure; a bare town
// name may be another attack's, and a part with a cue of its own is its own figure.
TEST_F(ClaimsTest, GappedPartsAtSitesAddUp) {
  auto c =
      Run("Officials said 40 deaths were recorded at the district hospital, seven in the "
          "military hospital and two in the morgue.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 49);
  EXPECT_EQ(article_.text.substr(c[0].figure_span.begin, c[0].figure_span.size()), "40");
  c = Run("Nine people were killed in the market, and four in the mosque nearby.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 13);
  EXPECT_EQ(MaxKilled(Run("Nine people were killed in Arden and four in Brisk.")), 9);
  c = Run("Nine people were killed in the market, four injured in the mosque.");
  EXPECT_EQ(MaxKilled(c), 9);
}

// The single-word classes of function_words.tsv (year_unit, relative, pronoun, joint, link...)
// are tested word by word: a phrase there is a load error naming the role and the phrase.
TEST(ClaimsLoadTest, SingleWordClassRejectsAPhrase) {
  testing_data::ScratchData data("claims_single_word_class", "extract");
  data.Append("function_words.tsv", "year old\tyear_unit\n");
  auto x = ClaimExtractor::Load(data.folder());
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.status().message().find("year_unit"), std::string::npos) << x.status().ToString();
  EXPECT_NE(x.status().message().find("year old"), std::string::npos) << x.status().ToString();
}

// The classes other modules read from function_words.tsv (kSharedWordClasses) are no unknown
// role to the claim reader; a misspelt class still is.
TEST(ClaimsLoadTest, SharedWordClassesAreNoUnknownRole) {
  testing_data::ScratchData data("claims_shared_class", "extract");
  for (std::string_view shared : kSharedWordClasses) {
    data.Append("function_words.tsv", "xx\t" + std::string(shared) + "\n");
  }
  auto x = ClaimExtractor::Load(data.folder());
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  data.Append("function_words.tsv", "xx\tarticel\n");
  x = ClaimExtractor::Load(data.folder());
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.status().message().find("articel"), std::string::npos) << x.status().ToString();
}

// The claims of `text` read by an extractor loaded from `data`, a load test's own copy of the
// data (a load error fails the test and reads nothing).
std::vector<Claim> ClaimsWith(const testing_data::ScratchData& data, const std::string& text) {
  auto x = ClaimExtractor::Load(data.folder());
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  if (!x.ok()) return {};
  Article a;
  a.doc_id = "t1";
  a.text = text;
  Doc doc = testing_doc::MakeDoc(a.text);
  WordStream ws(a.text, doc);
  return (*x)->Extract(a, doc, ws, nullptr);
}

// The readings' word classes come from function_words.tsv: one row there changes a reading.
// victim_det: "and <det> young daughter" counts a second victim. singular_verb: "A and B <verb>
// killed" is one victim (the uncle of A and B), not two. age_tail: "a 3-year-<tail> boy" who shot
// himself is a child, a civilian and no attacker.
TEST(ClaimsLoadTest, WordClassesComeFromTheData) {
  struct Case {
    std::string cls, text;
    std::string cue;                   // a singular.tsv row the sentence needs, or ""
    std::optional<Category> category;  // the figures' category; none: any
    double before, after;              // the largest killed figure without and with the row
  };
  const Case cases[] = {
      {"victim_det", "Police say he fatally shot a neighbor and zuh young daughter on Sunday.", "",
       std::nullopt, 1, 2},
      {"singular_verb", "The uncle of a girl and her brother zuh killed on Monday night.",
       "zuh killed\tpost\tkilled\t-\n", std::nullopt, 2, 1},
      {"age_tail", "Police said a 3-year-zuh boy shot and killed himself on Monday.", "",
       Category::kCivilians, 0, 1},
  };
  for (const Case& c : cases) {
    auto figure = [&](const std::vector<Claim>& claims) {
      return c.category ? KilledOf(claims, *c.category) : MaxKilled(claims);
    };
    testing_data::ScratchData data("claims_" + c.cls, "extract");
    if (!c.cue.empty()) data.Append("singular.tsv", c.cue);
    EXPECT_EQ(figure(ClaimsWith(data, c.text)), c.before) << c.cls;
    data.Append("function_words.tsv", "zuh\t" + c.cls + "\n");
    EXPECT_EQ(figure(ClaimsWith(data, c.text)), c.after) << c.cls;
  }
}

// The possessive's clitic ("s" of "uncle's") comes from function_words.tsv: without its row the
// possessor is a second person after the child, and the self-inflicted death an attacker's.
TEST(ClaimsLoadTest, PossessiveCliticComesFromTheData) {
  testing_data::ScratchData data("claims_clitic", "extract");
  const std::string text =
      "Police: 4-year-old boy found pistol in uncle's car, fatally shot himself";
  EXPECT_EQ(KilledOf(ClaimsWith(data, text), Category::kCivilians), 1);
  std::ifstream in(data.folder() + "/function_words.tsv");
  std::string rows((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t row = rows.find("\ns\tclitic\n");
  ASSERT_NE(row, std::string::npos);
  data.Write("function_words.tsv", rows.erase(row + 1, 9));
  EXPECT_EQ(KilledOf(ClaimsWith(data, text), Category::kCivilians), 0);
}

// The fifth column of claim_cues.tsv names a bound; only "ceiling" is known.
TEST(ClaimsLoadTest, UnknownCueBoundIsAnError) {
  testing_data::ScratchData data("claims_cue_bound", "extract");
  data.Append("claim_cues.tsv", "hit\tkilled\tpre\tperson\tfloor\n");
  auto x = ClaimExtractor::Load(data.folder());
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.status().message().find("floor"), std::string::npos) << x.status().ToString();
}

// An acronym written in capitals in sources.tsv ("UN") matches only capitals: the Romance
// article "un" next to a reporting verb is no United Nations source.
TEST_F(ClaimsTest, CapitalAcronymSourcesNeedCapitals) {
  auto c = Run("Nine people were killed in the raid, the UN said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "monitors");
  auto e = Run("Nine people were killed in the raid, said un.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].attributed_to, "");
}

}  // namespace
}  // namespace sitrep
