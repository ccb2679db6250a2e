#include "extract/suspects.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "base/testing_data.h"
#include "extract/test_doc.h"

namespace sitrep {
namespace {

class SuspectsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = SuspectFinder::Load(DataPath("extract"));
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    finder_ = std::move(x).value().release();
  }
  static void TearDownTestSuite() { delete finder_; }

  // The suspect's canonical name, "" when none. `one_sentence` keeps the text one sentence (the
  // test doc would split at the dot of a middle initial).
  std::string Suspect(const std::string& text, bool one_sentence = false,
                      const std::string& place = "") {
    text_ = text;
    Doc doc = testing_doc::MakeDoc(text_);
    if (one_sentence) doc.sentences = {{{0, uint32_t(text_.size())}, 0, 0}};
    WordStream ws(text_, doc);
    std::vector<Span> places;
    for (size_t at = place.empty() ? std::string::npos : text_.find(place); at != std::string::npos;
         at = text_.find(place, at + 1)) {
      places.push_back({uint32_t(at), uint32_t(at + place.size())});
    }
    std::optional<ActorMention> m = finder_->Find(ws, nullptr, &places);
    if (!m) return "";
    EXPECT_EQ(m->actor_class, ActorClass::kArmedGroup);
    EXPECT_EQ(m->role, ActorRole::kPerpetrator);
    EXPECT_EQ(m->responsibility, ActorMention::Responsibility::kAccused);
    // The span points at the name as written.
    std::string at = text_.substr(m->span.begin, m->span.size());
    EXPECT_NE(m->canonical.find(at.substr(at.rfind(' ') + 1)), std::string::npos) << at;
    return m->canonical;
  }

  static SuspectFinder* finder_;
  std::string text_;
};
SuspectFinder* SuspectsTest::finder_ = nullptr;

// ", of <residence>" without its closing comma ends at the first cue of the name's role: news
// often drops that comma.
TEST_F(SuspectsTest, ResidenceAppositionWithoutClosingComma) {
  EXPECT_EQ(Suspect("A boy, 4, was shot at a home on Monday. Darrel Fenwick, 31, of the 900 "
                    "block of Elm Street was charged with child endangering, a felony."),
            "Darrel Fenwick");
  EXPECT_EQ(Suspect("A boy, 4, was shot at a home on Monday. Darrel Fenwick, 31, of Oakdale "
                    "is charged with child endangering."),
            "Darrel Fenwick");
  // No cue after the residence: no suspect.
  EXPECT_EQ(Suspect("A boy, 4, was shot at a home on Monday. Darrel Fenwick, 31, of the 900 "
                    "block of Elm Street spoke to reporters."),
            "");
}

// "NAME used <a weapon> to kill": the means and its purpose in the name's clause accuse him; a
// comma or another clause between does not.
TEST_F(SuspectsTest, UsedAWeaponToKill) {
  EXPECT_EQ(Suspect("Three people were found dead in a house on Monday. Police said Darrel "
                    "Fenwick used a .38 caliber revolver to kill his brothers."),
            "Darrel Fenwick");
  EXPECT_EQ(Suspect("Three people were found dead in a house on Monday. Police said Darrel "
                    "Fenwick used to live there, and officers came to kill time."),
            "");
}

// "NAME was shooting toward ...": the one firing, the shooter of a hunting or target-practice
// accident. Without a direction the words fit a victim as well ("was shooting with friends
// when he was wounded").
TEST_F(SuspectsTest, WasShootingTowardNamesTheShooter) {
  EXPECT_EQ(Suspect("A hunter was killed on Saturday. Wardens said Darrel Fenwick was shooting "
                    "toward a ridge when the bullet struck his friend."),
            "Darrel Fenwick");
  EXPECT_EQ(Suspect("A woman was killed at a range on Saturday. Darrel Fenwick had been firing "
                    "at targets beside her."),
            "Darrel Fenwick");
  EXPECT_EQ(Suspect("A teen died on Saturday. Darrel Fenwick was shooting with friends when he "
                    "was wounded."),
            "");
}

TEST_F(SuspectsTest, IdentifiedTheGunmanAs) {
  EXPECT_EQ(Suspect("Two men were wounded at a bar on Elm Street. Police identified the gunman "
                    "as Darrel Fenwick and said he fled on foot."),
            "Darrel Fenwick");
}

// A later mention by surname alone finds its full name among many (a long list of mourners
// and officials), and a surname two of them share stays ambiguous however many are named.
TEST_F(SuspectsTest, SurnameAmongManyNamesFindsItsFullName) {
  std::string text = "Mourners included ";
  const char* firsts[] = {"Alma",  "Boris",  "Celia",  "Dmitri", "Edna",   "Felix", "Greta",
                          "Hiram", "Ingrid", "Jasper", "Kira",   "Lionel", "Mabel", "Nestor"};
  const char* lasts[] = {"Quayle",    "Rusk",      "Sorensen", "Thorne", "Underhill",
                         "Vance",     "Wexler",    "Yardley",  "Zabel",  "Abernathy",
                         "Blackwood", "Castellan", "Dunmore",  "Ellery"};
  for (int k = 0; k < 14; ++k) text += std::string(firsts[k]) + " " + lasts[k] + ", ";
  text += "and Otto Pruitt. Police said Pruitt opened fire on the crowd.";
  EXPECT_EQ(Suspect(text), "Otto Pruitt");
  // "Vance" now names two people and neither is accused by full name: the bare surname goes to
  // the first named bearer (the table must still find both).
  std::string shared = text;
  shared.replace(shared.find("and Otto Pruitt"), 15, "and Otto Vance");
  shared.replace(shared.find("said Pruitt"), 11, "said Vance");
  EXPECT_EQ(Suspect(shared), "Felix Vance");
}

TEST_F(SuspectsTest, IdentifiedTheVictimAsIsNotASuspect) {
  EXPECT_EQ(Suspect("A woman was killed on Sunday night. Police identified the victim as "
                    "Rosalind Achebe, a nurse."),
            "");
}

TEST_F(SuspectsTest, AgeAppositionThenCharged) {
  EXPECT_EQ(Suspect("Marcus Delane Whitby, 23, of Fairview, was charged with murder on "
                    "Tuesday."),
            "Marcus Delane Whitby");
}

TEST_F(SuspectsTest, ResidenceApposition) {
  EXPECT_EQ(Suspect("Omar Trelawny, 20, of the 400 block of Birch Road in Glenmoor Township, was "
                    "charged with aggravated assault."),
            "Omar Trelawny");
}

TEST_F(SuspectsTest, TheSuspectComma) {
  EXPECT_EQ(Suspect("The suspect, Corinne Vasquez, fled in a gray sedan."), "Corinne Vasquez");
}

TEST_F(SuspectsTest, AccusedAndCustodyAndTurnedHimselfIn) {
  EXPECT_EQ(Suspect("Elias Brandvold is accused of shooting his neighbor."), "Elias Brandvold");
  EXPECT_EQ(Suspect("Tobias Merriweather was taken into custody late Friday."),
            "Tobias Merriweather");
  EXPECT_EQ(Suspect("On Monday Quentin Ashby turned himself in at the county jail."),
            "Quentin Ashby");
}

TEST_F(SuspectsTest, AgeBeforeNameAndShotAndKilled) {
  // The shooter comes before "shot and killed", the victim after it.
  EXPECT_EQ(Suspect("Police said 19-year-old Darnell Okafor shot and killed Peter Lindqvist "
                    "outside a store."),
            "Darnell Okafor");
}

TEST_F(SuspectsTest, VictimsAreNeverSuspects) {
  EXPECT_EQ(Suspect("Jasmine Albright, 19, was killed in the shooting. The victim, Harold "
                    "Pemberton, died at the hospital."),
            "");
  EXPECT_EQ(Suspect("Friends gathered for a vigil for Leona Fairweather on Saturday."), "");
}

TEST_F(SuspectsTest, VictimAndSuspectInOneStory) {
  EXPECT_EQ(Suspect("Anton Greer, 31, was shot in the chest and died at the scene. Hours later "
                    "deputies arrested Wesley Carmody. Carmody was booked into the county jail "
                    "on a murder charge."),
            "Wesley Carmody");
}

TEST_F(SuspectsTest, SurnameMentionsCountForTheFullName) {
  // Hollis Vane has one perpetrator cue; Ray Dunmore one by full name, then two by surname.
  EXPECT_EQ(Suspect("Ray Dunmore was arrested on Friday. Dunmore is charged with manslaughter. "
                    "Hollis Vane was taken into custody for questioning. Vane was released. "
                    "Dunmore faces a hearing next week."),
            "Ray Dunmore");
}

TEST_F(SuspectsTest, MiddleInitialAndSuffix) {
  EXPECT_EQ(Suspect("Authorities said Lamont J. Whitaker Jr. was arrested without incident.",
                    /*one_sentence=*/true),
            "Lamont Whitaker Jr.");
}

TEST_F(SuspectsTest, TitlesAndOfficialsAreNotNames) {
  // The sheriff is a source, not a suspect; the title word stays out of the name.
  EXPECT_EQ(Suspect("Sheriff Dana Holloway said the investigation continues."), "");
  EXPECT_EQ(Suspect("Detective Owen Marsh arrested Felix Durand at his home."), "Felix Durand");
}

TEST_F(SuspectsTest, SharedSurnameIsNotCounted) {
  // Two Howards: the lone surname cannot be given to either.
  EXPECT_EQ(Suspect("Braden Howard, 3, died. Police said Lucas Howard, 8, is accused of firing the "
                    "shot. Howard "
                    "was taken into custody."),
            "Lucas Howard");
}

TEST_F(SuspectsTest, HeadlinePassivesAreVictims) {
  EXPECT_EQ(Suspect("Toddler Mireya Castellanos Accidentally Shot Dead by Cousin"), "");
  EXPECT_EQ(Suspect("Kelvin Orris fatally shot in parking lot"), "");
  EXPECT_EQ(Suspect("Kelvin Orris fatally shot his brother, police say."), "Kelvin Orris");
}

TEST_F(SuspectsTest, PlacesAreNotNames) {
  EXPECT_EQ(
      Suspect("A hiker from Maple Hollow was charged after the shooting.", false, "Maple Hollow"),
      "");
  EXPECT_EQ(Suspect("Maple Hollow was charged after the shooting."), "Maple Hollow");
}

// A run lies in a place when any place holds it, however the places are ordered and however
// they nest: a wide place beginning early covers a name even when a narrower one begins after
// it (and still before the name).
TEST_F(SuspectsTest, APlaceHoldingTheNameInAnyOrder) {
  const std::string text = "Police identified the gunman as Darrel Fenwick and said he fled.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  const uint32_t wide_b = uint32_t(text.find("identified")),
                 name_e = uint32_t(text.find(" and said"));
  const uint32_t narrow_b = uint32_t(text.find("gunman"));
  const Span wide{wide_b, name_e}, narrow{narrow_b, narrow_b + 6};
  const Span exact{uint32_t(text.find("Darrel")), name_e};
  const Span short_of{uint32_t(text.find("Darrel")), name_e - 1};
  auto find = [&](std::vector<Span> places) {
    std::optional<ActorMention> m = finder_->Find(ws, nullptr, &places);
    return m ? m->canonical : std::string();
  };
  EXPECT_EQ(find({}), "Darrel Fenwick");
  EXPECT_EQ(find({narrow}), "Darrel Fenwick");
  EXPECT_EQ(find({wide, narrow}), "");
  EXPECT_EQ(find({narrow, wide}), "");
  EXPECT_EQ(find({exact}), "");
  EXPECT_EQ(find({narrow, short_of}), "Darrel Fenwick");
  EXPECT_EQ(find({short_of, narrow}), "Darrel Fenwick");
}

TEST_F(SuspectsTest, NoNameNoSuspect) {
  EXPECT_EQ(Suspect("A gunman opened fire at a mall, killing three people. He was arrested."), "");
}

// A murder-suicide's shooter is the perpetrator, though he is also among the dead.
TEST_F(SuspectsTest, TheShooterWhoKilledHimself) {
  EXPECT_EQ(Suspect("Two boys were found dead in a house on Elm Street. Darren Holt also shot "
                    "himself and died later in hospital."),
            "Darren Holt");
  EXPECT_EQ(Suspect("Marta Vinsky, 41, turned the gun on herself after shooting her husband."),
            "Marta Vinsky");
}

// "NAME ... was a suspect" names the role with a copula.
TEST_F(SuspectsTest, ACopulaNamesTheSuspect) {
  EXPECT_EQ(Suspect("Officers say Lonnie Vance was a suspect in an armed robbery before the "
                    "shooting."),
            "Lonnie Vance");
  EXPECT_EQ(Suspect("The uncle, Pete Marlow, faced charges of culpable negligence on Monday."),
            "Pete Marlow");
}

// The agent of a passive shooting verb is the shooter, named right after "by" or in an
// apposition to a kin noun.
TEST_F(SuspectsTest, TheAgentOfAPassiveShooting) {
  EXPECT_EQ(Suspect("A boy of 12 was accidentally shot by his uncle, 51-year-old Dwayne Kettler, "
                    "at a cabin on Sunday."),
            "Dwayne Kettler");
  EXPECT_EQ(Suspect("Investigators say the clerk was shot by Rolf Adamczyk during a robbery."),
            "Rolf Adamczyk");
  // The victim before "shot by" stays a victim.
  EXPECT_EQ(Suspect("Tanya Brill was shot by a stray bullet on Sunday."), "");
}

// A reporting clause after "who" and a descriptive apposition stand between a name and its cue.
TEST_F(SuspectsTest, ReportingClauseAndDescriptiveApposition) {
  EXPECT_EQ(Suspect("Deputies found Arlo Pettigrew, who witnesses said is the alleged gunman, "
                    "at a neighbor's house."),
            "Arlo Pettigrew");
  EXPECT_EQ(Suspect("Officers say Lonnie Vance, a ninth grader at a city school, was a suspect in "
                    "an armed robbery."),
            "Lonnie Vance");
  // The same shapes carry a victim's cue.
  EXPECT_EQ(Suspect("Marla Quist, a mother of two, was killed in the crossfire."), "");
}

TEST_F(SuspectsTest, AccusedOfKillingApposition) {
  EXPECT_EQ(Suspect("Marcus Delane, accused of killing a cashier and wounding two customers, "
                    "changed his plea on Monday."),
            "Marcus Delane");
}

TEST_F(SuspectsTest, HedgedAgentiveVerb) {
  EXPECT_EQ(Suspect("Detectives would not say in what order Wendell Oakes, 41, may have shot his "
                    "wife and their son."),
            "Wendell Oakes");
}

TEST_F(SuspectsTest, FiredAt) {
  EXPECT_EQ(Suspect("Witnesses said Orrin Kessel fired at a passing car after an argument."),
            "Orrin Kessel");
}

TEST_F(SuspectsTest, PossessiveTakesNoCues) {
  // "by Salter's husband": the husband, not Salter, is the agent; the husband is named after.
  EXPECT_EQ(Suspect("Pamela Salter, 40, was shot and killed by Salter's husband, Dorian Brisk, "
                    "30, who was arrested later."),
            "Dorian Brisk");
  EXPECT_EQ(Suspect("Hollis Grange, 52, and his son were found at home. Police arrested "
                    "Grange's neighbor on Tuesday."),
            "");
}

TEST_F(SuspectsTest, SelfInflictedDeathInAMurderSuicide) {
  EXPECT_EQ(Suspect("Two children, Ada Ferrow and Lee Ferrow, both died from gunshot wounds. "
                    "Their father, 51-year-old Martin Ferrow, died from an apparent "
                    "self-inflicted gunshot wound."),
            "Martin Ferrow");
}

TEST_F(SuspectsTest, SelfInflictedAloneIsNoPerpetrator) {
  // An accident or a suicide: nobody else was hurt.
  EXPECT_EQ(Suspect("Tobin Marsh, 15, a member of the school band, died after an accident at "
                    "home. Police said Marsh accidentally shot himself in the head."),
            "");
  // An institution's name is no person: "Lakeview Marching Band, died" names no other victim.
  EXPECT_EQ(Suspect("Tobin Marsh, 15, a member of the Lakeview Marching Band, died after an "
                    "accident at home. Police said Marsh accidentally shot himself in the head."),
            "");
  EXPECT_EQ(Suspect("Investigators say 14-year-old Kirby Lund died of a self-inflicted gunshot "
                    "wound in the woods behind his home."),
            "");
}

TEST_F(SuspectsTest, DeathWeighsLessThanAnAgentiveCue) {
  // A murder-suicide's shooter is found dead as well.
  EXPECT_EQ(Suspect("Officers said Gerald Pike shot his wife and his stepson at their home. When "
                    "they arrived, Pike was found dead from a gunshot wound."),
            "Gerald Pike");
  // Two victim cues still outweigh one agentive cue.
  EXPECT_EQ(Suspect("Gerald Pike shot his rifle at a target. A neighbor shot Pike, and Pike was "
                    "killed."),
            "");
}

TEST_F(SuspectsTest, SpelledOutAgeIsNoName) {
  EXPECT_EQ(Suspect("Thirty-two-year-old Lyle Brannock was charged with murder on Friday."),
            "Lyle Brannock");
}

TEST_F(SuspectsTest, PossessiveWeaponDischarged) {
  EXPECT_EQ(Suspect("Police said Wade Corliss, 13, was hunting with his cousin Ray Emmet when "
                    "Corliss's rifle accidentally discharged, striking Emmet in the leg."),
            "Wade Corliss");
}

TEST_F(SuspectsTest, RoleAppositionAfterTheName) {
  EXPECT_EQ(Suspect("Neville Tarrant, the suspected gunman, left the store before officers came."),
            "Neville Tarrant");
  EXPECT_EQ(Suspect("Neville Tarrant, the victim, was a cashier at the store."), "");
  EXPECT_EQ(Suspect("Neville Tarrant was identified as the shooter by two witnesses."),
            "Neville Tarrant");
}

TEST_F(SuspectsTest, PossessiveArrest) {
  EXPECT_EQ(Suspect("A man was wounded outside a bar. Officers made Ansel Broome's arrest on "
                    "Friday, and Broome's bond was set at $50,000."),
            "Ansel Broome");
}

TEST_F(SuspectsTest, FirstNameLaterMention) {
  EXPECT_EQ(Suspect("Police named the dead as Ronda Quill, 50, and Tavish Quill, 23. Officers "
                    "said Tavish shot the other victim and then killed himself."),
            "Tavish Quill");
  // A first name two people share names nobody.
  EXPECT_EQ(Suspect("Tavish Quill and Tavish Morrow were at the party. Officers said Tavish shot "
                    "the other man."),
            "");
}

TEST_F(SuspectsTest, TakenToIsAWeakVictimCue) {
  // The arrested boy is taken to the barracks: half a victim cue, less than his charge.
  EXPECT_EQ(Suspect("Court papers say 15-year-old Emil Harrow is being charged in the shooting. "
                    "Emil was taken to the state police barracks."),
            "Emil Harrow");
}

TEST_F(SuspectsTest, SharedSurnameGoesToTheFirstNamedBearer) {
  // Relatives share the surname; the bare surname is the principal's, the first named.
  EXPECT_EQ(Suspect("Orrin Valdane, 41, lived on Mill Road with his daughter Tess Valdane. "
                    "Valdane was arrested on Monday."),
            "Orrin Valdane");
  // Never one a victim cue names: the victim named first is skipped.
  EXPECT_EQ(Suspect("Tess Valdane, 9, was shot in the head. Her uncle, Orrin Valdane, lived "
                    "nearby. Valdane was charged with murder."),
            "Orrin Valdane");
  // The bearer accused by full name outranks the first named.
  EXPECT_EQ(Suspect("The bodies of Tess Valdane and her grandfather were found in a shed. Her "
                    "mother, Marla Valdane, 25, has been arrested. Deputies said Valdane shot "
                    "them in July."),
            "Marla Valdane");
  // A shared surname with a victim cue of its own counts for nobody.
  EXPECT_EQ(Suspect("Orrin Valdane and Tess Valdane were at home. Valdane was shot by an "
                    "intruder."),
            "");
}

TEST_F(SuspectsTest, SecondPredicateOfTheNamesClause) {
  EXPECT_EQ(Suspect("Police said Corwin Ashby ran to the station and told police he had "
                    "accidentally shot a friend."),
            "Corwin Ashby");
  EXPECT_EQ(Suspect("Corwin Ashby, 30, argued with his neighbor and then shot the man."),
            "Corwin Ashby");
  // Another clause opens before the cue: its subject is someone else.
  EXPECT_EQ(Suspect("Corwin Ashby was sitting in his car when a man walked up and shot the "
                    "driver."),
            "");
  // Another name stands between.
  EXPECT_EQ(Suspect("Corwin Ashby called Dana Rusk and shot the dog."), "");
  // "NAME and ..." is a list of subjects, not a second predicate.
  EXPECT_EQ(Suspect("Corwin Ashby and a friend were shot at the park."), "");
}

TEST_F(SuspectsTest, VictimsAreListedApartFromTheSuspect) {
  const std::string text =
      "Police arrested Milo Brandt on Friday. The victim, Ava Lindqvist, was shot in the chest. "
      "Tomas Oduya was wounded. Officer Jane Pike said the case is open.";
  Doc doc = testing_doc::MakeDoc(text);
  WordStream ws(text, doc);
  std::vector<ActorMention> victims;
  std::optional<ActorMention> m = finder_->Find(ws, nullptr, nullptr, &victims);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->canonical, "Milo Brandt");
  EXPECT_TRUE(m->person);
  ASSERT_EQ(victims.size(), 2u);
  EXPECT_EQ(victims[0].canonical, "Ava Lindqvist");
  EXPECT_EQ(victims[1].canonical, "Tomas Oduya");
  for (const ActorMention& v : victims) {
    EXPECT_TRUE(v.person);
    EXPECT_EQ(v.actor_class, ActorClass::kCivilians);
    EXPECT_EQ(v.role, ActorRole::kTarget);
    EXPECT_EQ(text.substr(v.span.begin, v.span.size()), v.canonical);
  }
  // A list after a victim cue: each name in it is a victim.
  const std::string list =
      "Police arrested Milo Brandt for the murders of Ava Lindqvist, Tomas Oduya and "
      "4-year-old Rina Oduya.";
  Doc doc3 = testing_doc::MakeDoc(list);
  WordStream ws3(list, doc3);
  std::optional<ActorMention> s3 = finder_->Find(ws3, nullptr, nullptr, &victims);
  ASSERT_TRUE(s3);
  EXPECT_EQ(s3->canonical, "Milo Brandt");
  std::vector<std::string> names;
  for (const ActorMention& v : victims) names.push_back(v.canonical);
  EXPECT_EQ(names, (std::vector<std::string>{"Ava Lindqvist", "Tomas Oduya", "Rina Oduya"}));
  // Victims are listed when the article names no suspect too.
  const std::string alone = "The victim, Ava Lindqvist, was shot in the chest.";
  Doc doc2 = testing_doc::MakeDoc(alone);
  WordStream ws2(alone, doc2);
  EXPECT_FALSE(finder_->Find(ws2, nullptr, nullptr, &victims));
  ASSERT_EQ(victims.size(), 1u);
  EXPECT_EQ(victims[0].canonical, "Ava Lindqvist");
}

// A verb of violence between two names makes the first the shooter; without a name after it the
// verb says nothing ("NAME shot in"), and a title-case headline's capitalised verb is no cue.
TEST_F(SuspectsTest, AgentVerbBetweenTwoNames) {
  EXPECT_EQ(Suspect("Officers were called to a diner on Pike Road. Investigators said Dale Ormsby "
                    "walked to the counter and fatally shot Lena Marsh, 38, before fleeing."),
            "Dale Ormsby");
  EXPECT_EQ(Suspect("Investigators said Dale Ormsby shot Lena Marsh in the arm."), "Dale Ormsby");
  EXPECT_EQ(Suspect("Dale Ormsby shot in the arm outside a diner, police said."), "");
  EXPECT_EQ(Suspect("Dale Ormsby Killed Walking Home From Work\n\nA man was killed on Pike Road."),
            "");
}

// "he killed himself": the pronoun's own-death cue goes to the first person named before it in
// its sentence, else in the sentence before; it names the shooter when someone else is a victim.
TEST_F(SuspectsTest, PronounWithReflexiveOwnDeathCue) {
  EXPECT_EQ(Suspect("Ellen Crabtree, 52, was shot in the head at her home on Tuesday. Victor "
                    "Crabtree never came back: deputies said he killed himself in the garage."),
            "Victor Crabtree");
  EXPECT_EQ(Suspect("Ellen Crabtree, 52, was shot in the head at her home on Tuesday. Deputies "
                    "said Victor Crabtree, 55, had argued with her for hours. He then turned the "
                    "rifle on himself."),
            "Victor Crabtree");
  // Without a pronoun: the first person named in the sentence, across a clause.
  EXPECT_EQ(Suspect("Ellen Crabtree, 52, and Tim Crabtree, 9, were shot in their beds. Deputies "
                    "said Victor Crabtree used a rifle from the barn while they slept, then turned "
                    "the weapon on himself."),
            "Victor Crabtree");
  // A title-case headline reads as one long name: its reflexive is no cue.
  EXPECT_EQ(Suspect("Teen Accidentally Shot Himself While Cleaning Rifle\n\nEllen Crabtree, 52, "
                    "was shot in the arm on Tuesday."),
            "");
  // Alone, it may be a suicide.
  EXPECT_EQ(Suspect("Deputies said Victor Crabtree, 55, was found in the garage. He had killed "
                    "himself."),
            "");
}

// A speaker is no antecedent, and a pronoun inside a quotation may be anyone.
TEST_F(SuspectsTest, PronounSkipsSpeakersAndQuotations) {
  EXPECT_EQ(Suspect("Ray Tolliver, the county sheriff, spoke on Monday. Cody Marsh, 4, died at a "
                    "hospital. \"The boy found the pistol and he shot himself,\" Tolliver said."),
            "");
  EXPECT_EQ(Suspect("Ellen Crabtree, 52, was shot in the head on Tuesday. \"We loved her,\" "
                    "said Nora Pike. Deputies believe he then killed himself."),
            "");
}

// "NAME's gunshot wound appears to be self-inflicted" is an own-death cue.
TEST_F(SuspectsTest, PossessiveOwnDeathCue) {
  EXPECT_EQ(Suspect("Dana Pryor, 44, was found dead in the bedroom. Police said Wendell Pryor's "
                    "gunshot wound appears to be self-inflicted."),
            "Wendell Pryor");
  EXPECT_EQ(Suspect("Police said Wendell Pryor's gunshot wound appears to be self-inflicted."), "");
}

// Being shot by the police weighs half a victim cue: the man who opened fire is the suspect.
TEST_F(SuspectsTest, ShotByPoliceIsAWeakVictimCue) {
  EXPECT_EQ(Suspect("Deputies said Rory Kestrel, 29, opened fire on them outside a motel. Kestrel "
                    "was shot by a deputy and taken to a hospital."),
            "Rory Kestrel");
  // Shot by anyone else, he is a victim as much as a shooter.
  EXPECT_EQ(Suspect("Deputies said Rory Kestrel, 29, opened fire on them outside a motel. Kestrel "
                    "was shot in the leg."),
            "");
}

// An adverb may stand between the name and its verb.
TEST_F(SuspectsTest, AdverbBeforeTheCue) {
  EXPECT_EQ(Suspect("Wade Pellam, 30, argued with a neighbor on Elm Street. Pellam later shot a "
                    "man who tried to calm him, police said."),
            "Wade Pellam");
  EXPECT_EQ(Suspect("Nell Ostrow, 40, was found in the yard. Ostrow also allegedly told deputies "
                    "where the rifle was."),
            "Nell Ostrow");
}

// A copula names the role: "the accused shooter is NAME", "NAME was one of the shooters".
TEST_F(SuspectsTest, CopulaNamesTheShooter) {
  EXPECT_EQ(Suspect("Sources said the accused shooter is 16-year-old Theo Brandt."), "Theo Brandt");
  EXPECT_EQ(Suspect("Police named the two men as Ray Dunn, 56, and Gil Okafor, 30. Police said "
                    "Okafor was one of the shooters and Dunn was a bystander."),
            "Gil Okafor");
}

// The suspect `text` names to a finder loaded from `data`, a load test's own copy of the data
// ("" for none; a load error fails the test).
std::string SuspectWith(const testing_data::ScratchData& data, const std::string& text) {
  auto f = SuspectFinder::Load(data.folder());
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  if (!f.ok()) return "?";
  Doc doc = testing_doc::MakeDoc(text);
  doc.sentences = {{{0, uint32_t(text.size())}, 0, 0}};
  WordStream ws(text, doc);
  std::optional<ActorMention> m = (*f)->Find(ws, nullptr, nullptr);
  return m ? m->canonical : std::string();
}

// The name's word classes come from suspect_cues.tsv: one row there changes the suspect.
// suffix: ", Esq." is part of the name. as_prep: "identified the gunman <as> NAME" names the
// shooter.
TEST(SuspectsLoadTest, WordClassesComeFromTheData) {
  struct Case {
    std::string row, text, before, after;
  };
  const Case cases[] = {
      {"esq\tsuffix\t-\n", "Authorities said Dana Reyes, Esq. was arrested without incident.", "",
       "Dana Reyes, Esq."},
      {"zas\tas_prep\t-\n", "Police on Monday identified the gunman zas Dana Reyes of Elmira.", "",
       "Dana Reyes"},
  };
  for (const Case& c : cases) {
    testing_data::ScratchData data("suspects_word_class", "extract");
    EXPECT_EQ(SuspectWith(data, c.text), c.before) << c.row;
    data.Append("suspect_cues.tsv", c.row);
    EXPECT_EQ(SuspectWith(data, c.text), c.after) << c.row;
  }
}

// A bad suspect_cues.tsv row is a load error naming the file, the line, the column and the value.
TEST(SuspectsLoadTest, BadRowNamesFileLineColumnAndValue) {
  using testing_data::BadRow;
  const char* kFile = "suspect_cues.tsv";
  for (const BadRow& c : {BadRow{kFile, "and then\tcoord\t-\n", "column 1", "and then"},
                          BadRow{kFile, "was nabbed\tbeside\tperpetrator\n", "column 2", "beside"},
                          BadRow{kFile, "was nabbed\tafter\tculprit\n", "column 3", "culprit"},
                          BadRow{kFile, "then\tclause_end\tvictim\n", "column 3", "victim"},
                          BadRow{kFile, "he she\tpronoun\t-\n", "column 1", "he she"}}) {
    testing_data::ScratchData data("suspects_bad_row", "extract");
    const int line = data.Append(c.file, c.row);
    EXPECT_TRUE(testing_data::NamesBadRow(SuspectFinder::Load(data.folder()).status(), c, line));
  }
}

}  // namespace
}  // namespace sitrep
