// Geocoder rules against namesakes elsewhere, checked on the real gazetteer (skipped without it):
// a sentence-initial word matched only by coarse key, a small multi-word namesake outside the
// article's dominant country, a dateline town whose every reading lies outside the state the
// story is set in, a town section (PPLX) abroad with no context for its country, a surname after
// a middle initial, a media outlet ("the X channel"), a pronoun or lone letter inside a longer
// name, the state set by a large city opening a sentence or by a county "in X", a town section
// (PPLX) outweighing a namesake town only by its recorded population, a county whose seat is the
// state capital, and a title-case headline's idiom "In X Of".
// The sentences are written for these tests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_dir.h"
#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "model/doc.h"

namespace sitrep {
namespace {

class NamesakeRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = DataPath("gazetteer/gazetteer.bin");
    if (access(path.c_str(), R_OK) != 0) return;
    auto g = Gazetteer::Open(path);
    if (!g.ok()) return;
    gaz_ = std::move(g).value().release();
    auto geo = Geocoder::Create(gaz_);
    if (geo.ok()) geo_ = std::move(geo).value().release();
  }
  void SetUp() override {
    if (geo_ == nullptr) GTEST_SKIP() << "no real gazetteer";
  }
  std::vector<PlaceMention> Find(const std::string& text) {
    text_ = text;
    return geo_->Find(text_, Doc(), "en");
  }
  // The mention that starts where `surface` first occurs, or nullptr.
  const PlaceMention* At(const std::vector<PlaceMention>& ms, std::string_view surface) {
    const size_t pos = text_.find(surface);
    for (const PlaceMention& m : ms) {
      if (pos != std::string::npos && m.span.begin == pos) return &m;
    }
    return nullptr;
  }
  // Shared by the suite and never freed: the gazetteer is large and opened once.
  static Gazetteer* gaz_;
  static Geocoder* geo_;
  std::string text_;
};

Gazetteer* NamesakeRulesTest::gaz_ = nullptr;
Geocoder* NamesakeRulesTest::geo_ = nullptr;

TEST_F(NamesakeRulesTest, SentenceInitialPronounIsNoTown) {
  // "His" and "Her" open sentences in every story; in an American one they must not become a
  // small town whose key they share.
  auto ms = Find(
      "Deputies with the county sheriff's office found the injured driver beside Route 9 on "
      "Sunday night. His sister said he had been driving home from work. Her account matched "
      "what the police department said.");
  EXPECT_EQ(At(ms, "His"), nullptr);
  EXPECT_EQ(At(ms, "Her"), nullptr);
}

TEST_F(NamesakeRulesTest, SentenceInitialTownSpelledExactlyStillCounts) {
  // The coarse-key rule leaves a town spelled as the gazetteer spells it alone.
  auto ms = Find(
      "A teenager was shot on Saturday, the county sheriff's office said. Cincinnati police "
      "later arrested a suspect.");
  const PlaceMention* m = At(ms, "Cincinnati");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Ohio");
}

TEST_F(NamesakeRulesTest, SmallMultiwordNamesakeOutsideTheStoryCountryIsDropped) {
  // A Kenyan story that names the United States once in passing: "Lido Beach" is a local site,
  // not the small town of that name in New York.
  auto ms = Find(
      "Gunmen fired on families at Lido Beach in Mombasa, Kenya, on Sunday evening. Kenyan "
      "police said four attackers were arrested near Mombasa. The Kenyan government thanked the "
      "United States for its help with the inquiry, and Kenya closed the beach.");
  const PlaceMention* m = At(ms, "Lido Beach");
  if (m != nullptr) {
    EXPECT_NE(m->place.country, "US");
  }
  for (const PlaceMention& p : ms) {
    if (p.place.level == GeoLevel::kPlace) {
      EXPECT_EQ(p.place.country, "KE");
    }
  }
}

TEST_F(NamesakeRulesTest, SmallMultiwordNamesakeWithItsStateStays) {
  // Tied to its state by the text, the same name is the town.
  auto ms = Find(
      "A man was shot at Lido Beach, New York, on Sunday, police said. Kenya's foreign ministry "
      "said the victim was a Kenyan student visiting Nairobi friends in Kenya.");
  const PlaceMention* m = At(ms, "Lido Beach");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.country, "US");
  EXPECT_EQ(m->place.admin1, "New York");
}

TEST_F(NamesakeRulesTest, DatelineTownNeedsAReadingInTheStoryState) {
  // American datelines omit the state of a town in the paper's own state: with the story set in
  // Vermont, "SHELBY" is no Shelby in another state.
  auto ms = Find(
      "SHELBY – A hunter was wounded on Saturday when his rifle went off, the Vermont State "
      "Police said. He was taken to a hospital in Burlington, Vermont.");
  const PlaceMention* m = At(ms, "SHELBY");
  if (m != nullptr) {
    EXPECT_EQ(m->place.admin1, "Vermont");
  }
}

TEST_F(NamesakeRulesTest, DatelineTownInTheStoryStateStays) {
  auto ms = Find(
      "SHELBY – A hunter was wounded on Saturday when his rifle went off, deputies of the "
      "Cleveland County Sheriff's Office said. He was flown to a hospital in Charlotte, North "
      "Carolina.");
  const PlaceMention* m = At(ms, "SHELBY");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "North Carolina");
}

TEST_F(NamesakeRulesTest, TownSectionAbroadNeedsItsCountryInView) {
  // "Lower East Side" is unknown; its last words name a town section in Australia that nothing in
  // the story points to.
  auto ms = Find(
      "LOWER EAST SIDE – Detectives are looking for a man who shot two people during a brawl on "
      "Sunday morning, witnesses said.");
  for (const PlaceMention& p : ms) EXPECT_NE(p.place.country, "AU");
}

TEST_F(NamesakeRulesTest, SurnameAfterAMiddleInitialIsNoPlace) {
  // A state's or city's name after a given name and a middle initial is a surname (a school
  // named after a person); the initial's period opens no sentence.
  auto ms = Find(
      "The girl was a senior at Booker T. Washington High School in Memphis, Tennessee. Her "
      "teacher, Anna J. Houston, said classes would resume.");
  EXPECT_EQ(At(ms, "Washington"), nullptr);
  EXPECT_EQ(At(ms, "Houston"), nullptr);
  const PlaceMention* m = At(ms, "Memphis");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Tennessee");
}

TEST_F(NamesakeRulesTest, InitialsOfARegionAreNoMiddleInitial) {
  // "U.S." and "St." are not a name word and an initial: the state after them stays a place.
  auto ms =
      Find("Officials in the U.S. Virginia office said a man was shot in St. Louis on Friday.");
  EXPECT_NE(At(ms, "St. Louis"), nullptr);
}

TEST_F(NamesakeRulesTest, LargeCityOpeningASentenceSetsTheState) {
  // "Cincinnati" opens its sentence but, a large city spelled exactly, still sets the story in
  // Ohio: a small namesake of a city quarter in another state is not meant.
  auto ms = Find(
      "A woman was wounded in Hyde Park late Friday. Cincinnati police said the gunman "
      "fled on foot.");
  const PlaceMention* m = At(ms, "Hyde Park");
  if (m != nullptr) {
    EXPECT_EQ(m->place.admin1, "Ohio");
  }
  const PlaceMention* c = At(ms, "Cincinnati");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->place.admin1, "Ohio");
}

TEST_F(NamesakeRulesTest, CountyInALocativeFrameSetsTheState) {
  // "in Pinellas" names a Florida county without its unit word: a town of another state named
  // later is a namesake.
  auto ms = Find(
      "A man was shot outside a store in Pinellas on Monday, the county sheriff's "
      "office said. Witnesses saw the car drive toward Eastlake.");
  const PlaceMention* m = At(ms, "Eastlake");
  if (m != nullptr) {
    EXPECT_EQ(m->place.admin1, "Florida");
  }
  const PlaceMention* c = At(ms, "Pinellas");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->place.admin1, "Florida");
}

TEST_F(NamesakeRulesTest, ACompassWordKeepsTheLocativeFrame) {
  // "in northwest Pinellas", "outside a south Pinellas home": the compass word (and an article
  // before it) stand between the locative word and the county it frames. Without the locative
  // word the bare county name is not read.
  for (const char* text : {"A girl was shot in northwest Pinellas on Sunday night.",
                           "A girl was shot outside a south Pinellas home on Sunday night."}) {
    auto ms = Find(text);
    const PlaceMention* c = At(ms, "Pinellas");
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->place.admin1, "Florida");
  }
}

TEST_F(NamesakeRulesTest, NameBeforeAnOutletNounIsNoTown) {
  // "the Baza channel" is a broadcaster; the town of that name in Spain is not meant. The same
  // town in a locative frame still counts.
  auto ms = Find(
      "Citing the Baza channel, reporters said the toll had risen. Troops later moved "
      "into Quetta, Pakistan.");
  EXPECT_EQ(At(ms, "Baza"), nullptr);
  const PlaceMention* q = At(ms, "Quetta");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->place.country, "PK");
  auto ms2 = Find("Police in Granada said two men were arrested in Baza, Spain, on Monday.");
  const PlaceMention* b = At(ms2, "Baza");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->place.country, "ES");
}

TEST_F(NamesakeRulesTest, PronounOrLetterInsideALongerNameIsNoPlace) {
  // A capitalised pronoun and verb, or words around a lone letter, that match a place only by
  // key: a quote's opening, a run-on headline or shouted text, not a place.
  auto ms = Find("Friends spoke at the vigil.\n\n'She Was a Kind Nurse': Family Speaks Out");
  EXPECT_EQ(At(ms, "She Was"), nullptr);
  ms = Find("Police: Teen wounded on West Side A 16-year-old boy was wounded late Friday");
  EXPECT_EQ(At(ms, "West Side"), nullptr);
  ms = Find("DEPUTIES SAID THE GIRL WAS HURT. THEN H SAID SHE RAN.");
  EXPECT_EQ(At(ms, "THEN"), nullptr);
  // A spelled-out abbreviation is no lone letter or stop word: "St. Paul" stays.
  ms = Find("Two men were wounded in St. Paul, Minnesota, on Friday.");
  const PlaceMention* m = At(ms, "St. Paul");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Minnesota");
}

TEST_F(NamesakeRulesTest, TownSectionDoesNotOutweighANamesakeTown) {
  // "Universal City" is a town in Texas and a quarter of Los Angeles (PPLX) with a larger
  // recorded population: a dateline with no other place names the town.
  auto ms = Find(
      "UNIVERSAL CITY -- A 17-year-old boy died early Thursday after a handgun went off at a "
      "friend's home, the police department said.");
  const PlaceMention* m = At(ms, "UNIVERSAL CITY");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "Texas");
  // An article set in Los Angeles still reads the quarter (standing for its city).
  ms = Find(
      "A man was shot near a studio lot in Universal City on Friday, Los Angeles police said. "
      "The Los Angeles Police Department is investigating.");
  m = At(ms, "Universal City");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.admin1, "California");
}

TEST_F(NamesakeRulesTest, CountyWhoseSeatIsTheStateCapitalStandsForTheCapital) {
  // Tallahassee is listed as Florida's capital (PPLA), not as Leon County's seat (PPLA2): it is
  // still the town the county's sheriff reports from.
  auto ms = Find(
      "Deputies with the Leon County Sheriff's Office said a man was shot outside his home on "
      "Sunday night.");
  const PlaceMention* m = At(ms, "Leon County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->place.name, "Tallahassee");
  EXPECT_EQ(m->place.admin2, "Leon");
  EXPECT_EQ(m->place.level, GeoLevel::kPlace);
}

TEST_F(NamesakeRulesTest, TitleCaseInXOfIsAnIdiom) {
  // "In Wake Of" in a title-case headline is no "in Wake" (Wake County): every word there is
  // capitalised, and "In X Of" is an idiom.
  auto ms = Find(
      "Neighbors Rally In Wake Of Weekend Shootings\n\nResidents gathered on Monday after two "
      "men were wounded, the police department said.");
  EXPECT_EQ(At(ms, "Wake"), nullptr);
  // Without the idiom a county after a preposition still counts.
  ms = Find("Two Men Wounded In Wake County Shooting\n\nDeputies said both men will recover.");
  EXPECT_NE(At(ms, "Wake County"), nullptr);
}

}  // namespace
}  // namespace sitrep
