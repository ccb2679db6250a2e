#include "extract/actors.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "base/testing_data.h"
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

  // In `text`, `sponsor` is named only as the parent of `claimant`, which claimed the attack.
  void ExpectSponsorOfClaimant(const std::string& text, const std::string& sponsor,
                               const std::string& claimant) {
    const auto ms = Run(text);
    const ActorMention* s = Named(ms, sponsor);
    const ActorMention* c = Named(ms, claimant);
    ASSERT_NE(s, nullptr) << text;
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(s->actor_class, ActorClass::kOther) << text;
    EXPECT_EQ(s->responsibility, Responsibility::kNone) << text;
    EXPECT_EQ(c->actor_class, ActorClass::kArmedGroup) << text;
    EXPECT_EQ(c->responsibility, Responsibility::kClaimed) << text;
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

TEST_F(ActorsTest, GroupsOfEveryRegion) {
  auto v =
      Run("Officials blamed the NPA and Abu Sayyaf. The IPOB denied a role. The TNLA "
          "and the FDLR were also named.");
  for (const char* g :
       {"New People's Army", "Abu Sayyaf", "Indigenous People of Biafra",
        "Ta'ang National Liberation Army", "Democratic Forces for the Liberation of Rwanda"}) {
    EXPECT_NE(Named(v, g), nullptr) << g;
  }
  // A province named like a group's branch is a place, not the group.
  v = Run("Two soldiers were killed in North Sinai province.");
  EXPECT_EQ(Named(v, "Islamic State Sinai Province"), nullptr);
  // Pakistan's official name for the Balochistan-based groups it blames.
  v = Run("Officials blamed terrorists of Fitna al Hindustan for the blast.");
  EXPECT_NE(Named(v, "Fitna al-Hindustan"), nullptr);
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

TEST_F(ActorsTest, GenericPerpetratorsByKind) {
  // The kind the sources name is the canonical name: an incident no group is named for is
  // reported as they report it.
  auto v = Run("A suicide bomber struck the market. Gunmen fired on the convoy. Insurgents fled.");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].canonical, "suicide bomber");
  EXPECT_EQ(v[1].canonical, "gunmen");
  EXPECT_EQ(v[2].canonical, "militants");
  for (const ActorMention& a : v) EXPECT_EQ(a.actor_class, ActorClass::kMilitants);
  v = Run("An unidentified gunman opened fire.");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].canonical, "gunmen");
}

// A state force beside a cue of firing is the one that fired; one only named is not.
TEST_F(ActorsTest, AStateForceThatFiredIsAccused) {
  for (const char* text : {"Soldiers opened fire on protesters outside the ministry.",
                           "Three villagers died in an air strike by the army."}) {
    auto v = Run(text);
    const ActorMention* f = nullptr;
    for (const ActorMention& a : v) {
      if (a.actor_class == ActorClass::kStateForce) f = &a;
    }
    ASSERT_NE(f, nullptr) << text;
    EXPECT_EQ(f->responsibility, Responsibility::kAccused) << text;
  }
  for (const ActorMention& a : Run("Gunmen opened fire on soldiers at a checkpoint.")) {
    EXPECT_EQ(a.responsibility, Responsibility::kNone) << a.canonical;
  }
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
  auto v =
      Run("The United Liberation Front of Asom had warned drivers.\n"
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
  EXPECT_EQ(
      Named(Run("[PLEASE NOTE THE FOLLOWING IS VERY GRAPHIC] Two men were shot."), "Islamic State"),
      nullptr);
  EXPECT_EQ(Named(Run("LET US PRAY FOR THE VICTIMS."), "Lashkar-e-Taiba"), nullptr);
  // An acronym in ordinary text still counts.
  EXPECT_NE(Named(Run("IS claimed the attack on Monday."), "Islamic State"), nullptr);
}

// "X-linked" joined by a hyphen is a compound adjective: X is the sponsor of whatever follows,
// named group or not, and the claim goes to the group the apposition describes.
TEST_F(ActorsTest, HyphenatedAffiliationNamesTheSponsor) {
  ExpectSponsorOfClaimant(
      "Boko Haram, an IS-linked faction, claimed responsibility for the ambush.", "Islamic State",
      "Boko Haram");

  // Generic described actors: the sponsor is still no actor.
  for (const char* text : {"Al-Qaeda-inspired gunmen opened fire on the convoy.",
                           "An al-Qaeda-backed militia shelled the town.",
                           "The al Qaeda-affiliated fighters retreated after the raid."}) {
    const auto described = Run(text);  // Named() points into it: keep it alive
    const ActorMention* aq = Named(described, "Al-Qaeda");
    ASSERT_NE(aq, nullptr) << text;
    EXPECT_EQ(aq->actor_class, ActorClass::kOther) << text;
  }
  // Unhyphenated before a generic class: still an affiliation.
  auto ms = Run("Al-Qaeda linked militants stormed the base.");
  const ActorMention* aq = Named(ms, "Al-Qaeda");
  ASSERT_NE(aq, nullptr);
  EXPECT_EQ(aq->actor_class, ActorClass::kOther);
  // Unhyphenated "linked" as a verb: the group stays the actor.
  ms = Run("Al-Qaeda linked up with local fighters before the attack.");
  aq = Named(ms, "Al-Qaeda");
  ASSERT_NE(aq, nullptr);
  EXPECT_EQ(aq->actor_class, ActorClass::kArmedGroup);
  // "an affiliate of" / "loyal to" after the described group.
  ms = Run("Al-Shabaab, an affiliate of al-Qaeda, claimed the bombing.");
  ASSERT_NE(Named(ms, "Al-Qaeda"), nullptr);
  EXPECT_EQ(Named(ms, "Al-Qaeda")->actor_class, ActorClass::kOther);
  EXPECT_EQ(Named(ms, "Al-Shabaab")->responsibility, Responsibility::kClaimed);
  ms = Run("Fighters of Boko Haram, loyal to IS, raided the village.");
  ASSERT_NE(Named(ms, "Islamic State"), nullptr);
  EXPECT_EQ(Named(ms, "Islamic State")->actor_class, ActorClass::kOther);
}

// "an al-Qaeda affiliate", "the IS offshoot": a group inside a noun phrase that an article opens
// and a sponsor noun closes names another group by its parent; the claim goes to the group
// described.
TEST_F(ActorsTest, AffiliateNounNamesTheSponsor) {
  ExpectSponsorOfClaimant(
      "Jama'at Nusrat al-Islam wal-Muslimin, an al-Qaeda affiliate, claimed responsibility for the "
      "ambush.",
      "Al-Qaeda", "Jama'at Nusrat al-Islam wal-Muslimin");
  auto ms = Run("Fighters of the Islamic State offshoot overran the base.");
  ASSERT_NE(Named(ms, "Islamic State"), nullptr);
  EXPECT_EQ(Named(ms, "Islamic State")->actor_class, ActorClass::kOther);
  // The noun must follow the group inside the phrase: "its affiliate" names no sponsor.
  ms = Run("Al-Shabaab said its affiliate in the north carried out the raid.");
  ASSERT_NE(Named(ms, "Al-Shabaab"), nullptr);
  EXPECT_EQ(Named(ms, "Al-Shabaab")->actor_class, ActorClass::kArmedGroup);
}

// The articles that open such a noun phrase are data (function_words.tsv article): a row for
// another language's article is all it takes.
TEST(ActorArticleTest, ArticlesComeFromTheData) {
  testing_data::ScratchData data("actors_article", "extract");
  const std::string text =
      "Jama'at Nusrat al-Islam wal-Muslimin, une al-Qaeda affiliate, claimed the ambush.";
  auto qaeda_class = [&](const std::string& folder) {
    auto lex = ActorLexicon::Load(folder);
    EXPECT_TRUE(lex.ok()) << lex.status().ToString();
    if (!lex.ok()) return ActorClass::kCivilians;
    Doc doc = testing_doc::MakeDoc(text);
    WordStream ws(text, doc);
    for (const ActorMention& m : (*lex)->Find(ws)) {
      if (m.canonical == "Al-Qaeda") return m.actor_class;
    }
    return ActorClass::kCivilians;
  };
  EXPECT_EQ(qaeda_class(data.folder()), ActorClass::kArmedGroup);
  data.Append("function_words.tsv", "une\tarticle\n");
  EXPECT_EQ(qaeda_class(data.folder()), ActorClass::kOther);
}

// A negated claim is its subject's denial: it never reaches a group named after it. "Suspicion fell
// on X" accuses X.
TEST_F(ActorsTest, NoGroupClaimingDeniesNothingForTheGroupBlamedAfter) {
  struct Case {
    const char* text;
    Responsibility want;
  };
  for (const Case& c : {
           Case{"No group has claimed responsibility, but suspicion fell on Boko Haram.",
                Responsibility::kAccused},
           Case{"No group has claimed responsibility for the blast near the Boko Haram stronghold.",
                Responsibility::kNone},
           // The subject's denial stands.
           Case{"Boko Haram has not claimed responsibility for the blast.",
                Responsibility::kDenied},
       }) {
    const auto ms = Run(c.text);
    const ActorMention* bh = Named(ms, "Boko Haram");
    ASSERT_NE(bh, nullptr) << c.text;
    EXPECT_EQ(bh->responsibility, c.want) << c.text;
  }
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
  auto ms = find(
      "The raid was blamed on al-Shabaab, which has ties to al-Qaeda. "
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

TEST_F(ActorsTest, GroupsNamedInOtherLanguagesAndScripts) {
  // Each sentence names one group in its own language; the canonical name is the English one.
  const std::pair<const char*, const char*> cases[] = {
      {"Ответственность за взрыв взяла на себя группировка Исламское государство.",
       "Islamic State"},
      {"Власти подозревают боевиков Исламского государства.", "Islamic State"},
      {"وتبنى تنظيم الدولة الإسلامية التفجير في بيان.", "Islamic State"},
      {"Die Terrormiliz Islamischer Staat reklamierte den Überfall für sich.", "Islamic State"},
      {"Le raid a été revendiqué par l'État islamique au Sahel.", "Islamic State Sahel Province"},
      {"El Estado Islámico reivindicó el atentado.", "Islamic State"},
      {"حملے کی ذمہ داری تحریک طالبان پاکستان نے قبول کی۔", "Tehrik-i-Taliban Pakistan"},
      {"पुलिस ने कहा कि हमला नक्सलियों ने किया।", "Communist Party of India (Maoist)"},
      {"Yetkililer saldırıdan IŞİD'i sorumlu tuttu.", "Islamic State"},
  };
  for (const auto& [text, group] : cases) {
    auto v = Run(text);
    const ActorMention* a = Named(v, group);
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(a->actor_class, ActorClass::kArmedGroup) << text;
  }
}

TEST_F(ActorsTest, ResponsibilityCuesInOtherLanguages) {
  const std::pair<const char*, Responsibility> cases[] = {
      {"Ответственность за взрыв взяла на себя группировка Исламское государство.",
       Responsibility::kClaimed},
      {"وتبنى تنظيم الدولة الإسلامية التفجير في بيان.", Responsibility::kClaimed},
      {"Die Terrormiliz Islamischer Staat reklamierte den Überfall für sich.",
       Responsibility::kClaimed},
      {"Le raid a été revendiqué par l'État islamique.", Responsibility::kClaimed},
      {"El Estado Islámico reivindicó el atentado.", Responsibility::kClaimed},
      {"Las autoridades atribuyeron el ataque al Estado Islámico.", Responsibility::kAccused},
      {"Власти обвинили в нападении боевиков ИГИЛ.", Responsibility::kAccused},
  };
  for (const auto& [text, kind] : cases) {
    auto v = Run(text);
    const ActorMention* a = Named(v, "Islamic State");
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(a->responsibility, kind) << text;
  }
}

}  // namespace
}  // namespace sitrep
