#include "extract/actors.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "extract/test_doc.h"

namespace sitrep {
namespace {

using Responsibility = ActorMention::Responsibility;

class ActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = ActorLexicon::Load(DataPath("extract"));
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    lex_ = std::move(x).value().release();
  }
  static void TearDownTestSuite() { delete lex_; }

  std::vector<ActorMention> Run(const std::string& text) {
    text_ = text;
    Doc doc = testing_doc::MakeDoc(text_);
    WordStream ws(text_, doc);
    return lex_->Find(ws);
  }
  const ActorMention* Named(const std::vector<ActorMention>& v, const std::string& canonical) {
    for (const ActorMention& a : v) {
      if (a.canonical == canonical) return &a;
    }
    return nullptr;
  }

  static ActorLexicon* lex_;
  std::string text_;
};
ActorLexicon* ActorsTest::lex_ = nullptr;

TEST_F(ActorsTest, LexiconIsAWorldList) { EXPECT_GT(lex_->size(), 80u); }

TEST_F(ActorsTest, AliasesAndAcronymsShareOneCanonicalName) {
  auto v = Run("The Tamil Tigers (LTTE) and the TTP were blamed. Al-Shabab fighters fled.");
  ASSERT_NE(Named(v, "Liberation Tigers of Tamil Eelam"), nullptr);
  ASSERT_NE(Named(v, "Tehrik-i-Taliban Pakistan"), nullptr);
  ASSERT_NE(Named(v, "Al-Shabaab"), nullptr);
  int ltte = 0;
  for (const auto& a : v) ltte += a.canonical == "Liberation Tigers of Tamil Eelam";
  EXPECT_EQ(ltte, 2);
  const ActorMention* s = Named(v, "Al-Shabaab");
  EXPECT_EQ(text_.substr(s->span.begin, s->span.size()), "Al-Shabab");
  EXPECT_EQ(s->actor_class, ActorClass::kArmedGroup);
}

TEST_F(ActorsTest, AcronymsMatchOnlyInCapitals) {
  auto v = Run("This is the place where IS fighters attacked.");
  int is = 0;
  for (const auto& a : v) is += a.canonical == "Islamic State";
  EXPECT_EQ(is, 1);
}

TEST_F(ActorsTest, GenericClasses) {
  auto v = Run("Gunmen attacked soldiers and passengers.");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].actor_class, ActorClass::kMilitants);
  EXPECT_EQ(v[1].actor_class, ActorClass::kStateForce);
  EXPECT_EQ(v[2].actor_class, ActorClass::kCivilians);
}

TEST_F(ActorsTest, ClaimedResponsibility) {
  auto v = Run("The Islamic State group claimed responsibility for the blast.");
  const ActorMention* a = Named(v, "Islamic State");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->responsibility, Responsibility::kClaimed);
  auto w = Run("The bombing was claimed by Jaish-e-Mohammed.");
  ASSERT_NE(Named(w, "Jaish-e-Mohammed"), nullptr);
  EXPECT_EQ(Named(w, "Jaish-e-Mohammed")->responsibility, Responsibility::kClaimed);
}

TEST_F(ActorsTest, NegatedClaimThroughAnaphor) {
  auto v = Run("The United Liberation Front of Asom had warned drivers.\n"
               "The group did not officially take responsibility for the attack.");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].responsibility, Responsibility::kNone);
  EXPECT_EQ(v[1].canonical, "United Liberation Front of Asom");
  EXPECT_EQ(v[1].responsibility, Responsibility::kDenied);
  auto w = Run("No group has claimed the attack so far.");
  for (const auto& a : w) EXPECT_NE(a.responsibility, Responsibility::kClaimed);
  auto x = Run("Hamas denied any role in the shooting.");
  ASSERT_NE(Named(x, "Hamas"), nullptr);
  EXPECT_EQ(Named(x, "Hamas")->responsibility, Responsibility::kDenied);
}

TEST_F(ActorsTest, AccusedOfBacking) {
  auto v = Run("The minister accused Ruritania of backing the insurgents.");
  const ActorMention* a = Named(v, "Ruritania");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->responsibility, Responsibility::kAccused);
  EXPECT_EQ(a->actor_class, ActorClass::kOther);
  auto w = Run("Officials blamed the Haqqani Network for the raid.");
  ASSERT_NE(Named(w, "Haqqani Network"), nullptr);
  EXPECT_EQ(Named(w, "Haqqani Network")->responsibility, Responsibility::kAccused);
}

TEST_F(ActorsTest, AcronymsInCapitalisedLinesAreWords) {
  EXPECT_EQ(Named(Run("[PLEASE NOTE THE FOLLOWING IS VERY GRAPHIC] Two men were shot."),
                  "Islamic State"),
            nullptr);
  EXPECT_EQ(Named(Run("LET US PRAY FOR THE VICTIMS."), "Lashkar-e-Taiba"), nullptr);
  // An acronym in ordinary text still counts.
  EXPECT_NE(Named(Run("IS claimed the attack on Monday."), "Islamic State"), nullptr);
}

// A group named as another's parent or ally is no actor: "the group" and the claim go to the
// group the sentence is about.
TEST(ActorAffiliationTest, AParentGroupIsNoActorNorAntecedent) {
  auto lex = ActorLexicon::Load(DataPath("extract"));
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  auto find = [&](const std::string& text) {
    Doc doc = testing_doc::MakeDoc(text);
    WordStream ws(text, doc);
    return (*lex)->Find(ws);
  };
  auto ms = find("The raid was blamed on al-Shabaab, which has ties to al-Qaeda. "
                 "The group claimed responsibility on its radio station.");
  int claimed_shabaab = 0;
  for (const ActorMention& m : ms) {
    if (m.canonical == "Al-Qaeda") {
      EXPECT_EQ(m.actor_class, ActorClass::kOther);
    }
    if (m.canonical == "Al-Shabaab" && m.responsibility == ActorMention::Responsibility::kClaimed) {
      ++claimed_shabaab;
    }
  }
  EXPECT_EQ(claimed_shabaab, 1);
  ms = find("No claim came from the al-Qaeda-linked al-Shabaab after the raid.");
  for (const ActorMention& m : ms) {
    if (m.canonical == "Al-Qaeda") {
      EXPECT_EQ(m.actor_class, ActorClass::kOther);
    } else if (m.canonical == "Al-Shabaab") {
      EXPECT_EQ(m.actor_class, ActorClass::kArmedGroup);
    }
  }
  // Alone in its sentence, a group "linked to" militants stays an actor.
  ms = find("Gunmen linked to al-Qaeda stormed the hotel.");
  bool qaeda = false;
  for (const ActorMention& m : ms) {
    qaeda |= m.canonical == "Al-Qaeda" && m.actor_class == ActorClass::kArmedGroup;
  }
  EXPECT_TRUE(qaeda);
}

}  // namespace
}  // namespace sitrep
