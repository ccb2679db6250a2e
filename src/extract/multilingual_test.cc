// Extraction from articles in other languages (fr, es, de, pt, ru, ar, hi, ur, id, fa, so), through
// the real text stage so that their numerals (Devanagari and Arabic-Indic digits included) are read
// as it reads them. The sentences are written for these tests.
#include <gtest/gtest.h>

#include <optional>

#include "base/data_dir.h"
#include "extract/extractor.h"
#include "text/text_analyzer.h"

namespace sitrep {
namespace {

class MultilingualTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = Extractor::Load("");
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    ex_ = std::move(x).value().release();
    auto t = TextAnalyzer::Load(DataDir());
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    text_ = std::move(t).value().release();
  }
  static void TearDownTestSuite() {
    delete ex_;
    delete text_;
  }

  DocAnalysis Run(const std::string& text, const std::string& lang) {
    article_ = Article();
    article_.doc_id = "m1";
    article_.source = "example.org";
    article_.lang = lang;
    article_.published = CivilDate{2031, 5, 12};
    article_.text = text;
    // The article's language, as the engine passes it: short test sentences are too few words
    // for the stop-word vote that would otherwise pick the number words.
    Doc doc = text_->Analyze(article_.text, article_.published, article_.lang);
    DocAnalysis a = ex_->Extract(article_, doc, {});
    for (const Claim& c : a.claims) {
      // Quotes are verbatim.
      EXPECT_EQ(c.quote, article_.text.substr(c.span.begin, c.span.size()));
    }
    return a;
  }
  // The value of the first claim of `field`, or -1.
  static double First(const DocAnalysis& a, Field field) {
    for (const Claim& c : a.claims) {
      if (c.field == field) return c.value;
    }
    return -1;
  }
  static bool HasType(const DocAnalysis& a, const std::string& type) {
    for (const EventMention& m : a.mentions) {
      if (m.event_type == type) return true;
    }
    return false;
  }

  // The first claim of `field`, or nullptr.
  static const Claim* FirstClaim(const DocAnalysis& a, Field field) {
    for (const Claim& c : a.claims) {
      if (c.field == field) return &c;
    }
    return nullptr;
  }
  // A pointer into a temporary analysis would dangle: a temporary's first claim is copied out.
  static const Claim* FirstClaim(DocAnalysis&& a, Field field) = delete;
  static std::optional<Claim> FirstClaimOf(const DocAnalysis& a, Field field) {
    const Claim* c = FirstClaim(a, field);
    return c != nullptr ? std::optional<Claim>(*c) : std::nullopt;
  }
  // The date of the first mention that is not background.
  static CivilDate MentionDate(const DocAnalysis& a) {
    for (const EventMention& m : a.mentions) {
      if (!m.background) return m.date.date;
    }
    return CivilDate{};
  }
  static bool HasSubType(const DocAnalysis& a, const std::string& sub) {
    for (const EventMention& m : a.mentions) {
      if (m.sub_event_type == sub) return true;
    }
    return false;
  }

  static Extractor* ex_;
  static TextAnalyzer* text_;
  Article article_;
};
Extractor* MultilingualTest::ex_ = nullptr;
TextAnalyzer* MultilingualTest::text_ = nullptr;

TEST_F(MultilingualTest, FrenchAuxiliariesBetweenNounAndVerb) {
  DocAnalysis a = Run("Selon la préfecture, 37 personnes ont été tuées lors de l'attaque.", "fr");
  EXPECT_EQ(First(a, Field::kKilled), 37);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
}

TEST_F(MultilingualTest, FrenchWoundedAndCivilians) {
  DocAnalysis a = Run("Une fusillade a fait 12 blessés; 4 civils ont été tués.", "fr");
  EXPECT_EQ(First(a, Field::kKilled), 4);
}

TEST_F(MultilingualTest, FrenchProtestersAreCivilians) {
  DocAnalysis a = Run("3 jeunes manifestants ont été tués près du stade.", "fr");
  EXPECT_EQ(First(a, Field::kKilled), 3);
}

TEST_F(MultilingualTest, RussianCueBeforeNumber) {
  DocAnalysis a = Run("В результате теракта погибли 41 человек, ещё 90 пострадали.", "ru");
  EXPECT_EQ(First(a, Field::kKilled), 41);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
}

TEST_F(MultilingualTest, RussianTollRoseTo) {
  DocAnalysis a = Run("Взрыв на рынке: число погибших увеличилось до 52 человек.", "ru");
  EXPECT_EQ(First(a, Field::kKilled), 52);
}

TEST_F(MultilingualTest, HindiDevanagariDigits) {
  // १७ = 17: the figure is read from Devanagari digits.
  DocAnalysis a = Run("इस धमाके में १७ लोग मारे गए।", "hi");
  EXPECT_EQ(First(a, Field::kKilled), 17);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
}

TEST_F(MultilingualTest, HindiAsciiDigitsInjured) {
  DocAnalysis a = Run("हमले में 9 जवान घायल हो गए।", "hi");
  EXPECT_EQ(First(a, Field::kInjured), 9);
}

TEST_F(MultilingualTest, UrduArabicIndicDigits) {
  // ۱۴ = 14 in Extended Arabic-Indic digits, as Urdu writes them.
  DocAnalysis a = Run("بازار میں دھماکے سے ۱۴ افراد جاں بحق ہوگئے۔", "ur");
  EXPECT_EQ(First(a, Field::kKilled), 14);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
}

TEST_F(MultilingualTest, UrduSecurityForces) {
  DocAnalysis a = Run("فائرنگ سے 3 اہلکار شہید ہوگئے۔", "ur");
  ASSERT_FALSE(a.claims.empty());
  EXPECT_EQ(a.claims[0].value, 3);
  EXPECT_EQ(a.claims[0].category, Category::kSecurityForces);
}

TEST_F(MultilingualTest, SpanishAndGermanTriggers) {
  EXPECT_TRUE(HasType(Run("Un atentado con coche bomba sacudió la ciudad; 8 muertos.", "es"),
                      "Explosions/Remote violence"));
  EXPECT_TRUE(HasType(Run("Bei einem Anschlag auf einen Markt gab es viele Verletzte.", "de"),
                      "Violence against civilians"));
}

// Publication is Monday 2031-05-12 in every test: "yesterday" is 2031-05-11.
constexpr CivilDate kYesterday{2031, 5, 11};
constexpr CivilDate kPublished{2031, 5, 12};

TEST_F(MultilingualTest, RussianQualifiedToll) {
  DocAnalysis a = Run("Вчера не менее 23 человек погибли при взрыве на вокзале.", "ru");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 23);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, RussianInflectedTriggersAndWounded) {
  // "обстреле" (prepositional case) is shelling; "получили ранения" are the wounded; the
  // qualifier follows the cue ("погибли как минимум 6").
  DocAnalysis a =
      Run("При обстреле посёлка погибли как минимум 6 человек, ещё 17 получили ранения.", "ru");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 6);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 17);
  EXPECT_TRUE(HasSubType(a, "Shelling/artillery/missile attack"));
}

TEST_F(MultilingualTest, RussianAttackInGenitive) {
  DocAnalysis a = Run("В результате нападения на автобус по меньшей мере 4 человека убиты.", "ru");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 4);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
}

TEST_F(MultilingualTest, FrenchVerbBeforeFigureAndYesterday) {
  DocAnalysis a =
      Run("Hier soir, une explosion a tué au moins 9 personnes et blessé 14 autres.", "fr");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 9);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, FrenchNounFigure) {
  DocAnalysis a = Run("L'embuscade a fait au moins 5 morts selon l'armée.", "fr");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 5);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
}

TEST_F(MultilingualTest, SpanishVerbsAndQualifiers) {
  DocAnalysis a =
      Run("Ayer por lo menos 11 personas murieron y 30 resultaron heridas en un atentado.", "es");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 11);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 30);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, SpanishAbduction) {
  DocAnalysis a = Run("Hombres armados secuestraron a 6 trabajadores cerca de la mina.", "es");
  EXPECT_TRUE(HasSubType(a, "Abduction/forced disappearance"));
}

TEST_F(MultilingualTest, ArabicVerbBeforeFigure) {
  // "قتل 18 شخصا على الأقل": the verb comes first, the qualifier after the noun.
  DocAnalysis a = Run("قتل 18 شخصا على الأقل وأصيب 27 آخرون في انفجار أمس.", "ar");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 18);
  EXPECT_EQ(First(a, Field::kInjured), 27);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, HindiAtLeastAndYesterday) {
  DocAnalysis a = Run("कल बाजार में धमाके में कम से कम 8 लोगों की मौत हो गई और 19 लोग घायल हुए।", "hi");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 8);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 19);
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, HindiOneTouristDied) {
  // "एक" (one) with a loanword noun: one death.
  DocAnalysis a = Run("गोलीबारी में एक टूरिस्ट की मौत हो गई, जबकि 4 लोग घायल हैं।", "hi");
  EXPECT_EQ(First(a, Field::kKilled), 1);
  EXPECT_EQ(First(a, Field::kInjured), 4);
}

TEST_F(MultilingualTest, UrduAtLeastAndYesterday) {
  DocAnalysis a = Run("کل مارکیٹ میں دھماکے سے کم از کم 16 افراد جاں بحق اور 25 زخمی ہوگئے۔", "ur");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 16);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 25);
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, UrduMoreThanAfterTheNumber) {
  // "40 سے زائد": the qualifier follows the number.
  DocAnalysis a = Run("فائرنگ کے واقعے میں 12 سے زائد افراد زخمی ہو گئے۔", "ur");
  const Claim* c = FirstClaim(a, Field::kInjured);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 12);
  EXPECT_EQ(c->qualifier, Qualifier::kMoreThan);
}

TEST_F(MultilingualTest, TheDayBeforeInFrenchAndRussian) {
  EXPECT_EQ(MentionDate(Run("L'embuscade survenue la veille a fait 6 morts.", "fr")), kYesterday);
  EXPECT_EQ(MentionDate(Run("Накануне при взрыве на складе погибли 3 человека.", "ru")),
            kYesterday);
  EXPECT_EQ(MentionDate(Run("گزشتہ شب فائرنگ سے 2 افراد جاں بحق ہوگئے۔", "ur")), kYesterday);
  EXPECT_EQ(MentionDate(Run("बीती रात गोलीबारी में 2 लोगों की मौत हो गई।", "hi")), kYesterday);
}

// German: the participle ends the clause ("sind ... getötet worden"), the cue follows the noun.
TEST_F(MultilingualTest, GermanParticipleAtClauseEnd) {
  DocAnalysis a = Run(
      "Bei einem Bombenanschlag auf einen Busbahnhof sind gestern mindestens 17 Menschen getötet "
      "worden. Mehr als 40 weitere wurden verletzt, teilte die Polizei mit.",
      "de");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 17);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  const Claim* i = FirstClaim(a, Field::kInjured);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->value, 40);
  EXPECT_EQ(i->qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(i->attributed_to, "police");
  EXPECT_TRUE(HasSubType(a, "Remote explosive/landmine/IED"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

// A subordinate clause puts the participle before the auxiliary at its end; the figure is at
// its start, a few words after "als", "dass" or "nachdem".
TEST_F(MultilingualTest, GermanSubordinateClauseVerbGroup) {
  DocAnalysis a =
      Run("Die Schüsse fielen am Abend, als zwei Polizisten bei einer Kontrolle verletzt wurden.",
          "de");
  EXPECT_EQ(First(a, Field::kInjured), 2);
  EXPECT_EQ(First(a, Field::kKilled), -1);
  DocAnalysis b = Run(
      "Die Behörden teilten mit, dass mindestens 14 Personen in der Nähe des Marktes erschossen "
      "worden waren.",
      "de");
  EXPECT_EQ(First(b, Field::kKilled), 14);
  // The wounded of the "nachdem" clause are not killed by the main clause's verb.
  DocAnalysis c = Run(
      "Nachdem drei Soldaten in der Stadt verletzt worden waren, zog sich die Armee zurück.", "de");
  EXPECT_EQ(First(c, Field::kInjured), 3);
  EXPECT_EQ(First(c, Field::kKilled), -1);
}

// Number words written as compounds reach the claims: German "dreiundzwanzig", Italian
// "ventitré", French "quatre-vingt-douze", Spanish "ciento veinte".
TEST_F(MultilingualTest, CompoundNumberWordsAsFigures) {
  EXPECT_EQ(First(Run("Bei dem Anschlag sind dreiundzwanzig Menschen getötet worden.", "de"),
                  Field::kKilled),
            23);
  EXPECT_EQ(First(Run("Ventitré persone sono state uccise nell'attentato.", "it"), Field::kKilled),
            23);
  EXPECT_EQ(First(Run("L'attentat a fait quatre-vingt-douze blessés.", "fr"), Field::kInjured), 92);
  EXPECT_EQ(First(Run("Otras ciento veinte personas resultaron heridas.", "es"), Field::kInjured),
            120);
  EXPECT_EQ(First(Run("قتل ثلاثة وعشرون شخصا في الانفجار.", "ar"), Field::kKilled), 23);
}

// Arabic "و" (and) written onto a casualty verb: "وقتل", "وجرح".
TEST_F(MultilingualTest, ArabicVerbWithConjunction) {
  DocAnalysis a = Run("انفجرت سيارة مفخخة في السوق، وقتل خمسة أشخاص وجرح عشرة آخرون.", "ar");
  EXPECT_EQ(First(a, Field::kKilled), 5);
  EXPECT_EQ(First(a, Field::kInjured), 10);
}

// A capitalised Cyrillic cue at a sentence's start is the data's lower-case cue ("Погибли").
TEST_F(MultilingualTest, RussianCapitalisedCueOpensTheSentence) {
  DocAnalysis a =
      Run("Нападение произошло ночью. Погибли семь полицейских, ранены пять человек.", "ru");
  EXPECT_EQ(First(a, Field::kKilled), 7);
  EXPECT_EQ(First(a, Field::kInjured), 5);
}

TEST_F(MultilingualTest, GermanUmsLebenGekommenAndVerbFirst) {
  DocAnalysis a =
      Run("Bei der Explosion sind elf Menschen ums Leben gekommen, darunter drei Kinder.", "de");
  EXPECT_EQ(First(a, Field::kKilled), 11);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
  // The verb before its subject: "starben zwei Polizisten".
  DocAnalysis b = Run("Bei einer Schießerei im Hafen starben zwei Polizisten.", "de");
  const Claim* k = FirstClaim(b, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 2);
  EXPECT_EQ(k->category, Category::kSecurityForces);
}

TEST_F(MultilingualTest, GermanTollRoseTo) {
  DocAnalysis a = Run("Nach dem Angriff auf das Dorf stieg die Zahl der Toten auf 26.", "de");
  EXPECT_EQ(First(a, Field::kKilled), 26);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
}

TEST_F(MultilingualTest, PortugueseParticipleAndAtLeast) {
  DocAnalysis a =
      Run("Pelo menos sete pessoas foram mortas e outras 9 ficaram feridas em um tiroteio ontem, "
          "disse a polícia.",
          "pt");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 7);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 9);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, PortugueseVerbBeforeFigureAndNounFigures) {
  DocAnalysis a = Run("Uma explosão matou 13 soldados e feriu outros 20 na segunda-feira.", "pt");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 13);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  EXPECT_EQ(First(a, Field::kInjured), 20);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
  EXPECT_EQ(MentionDate(a), kPublished);
  // "ao menos 15 mortos e 40 feridos": figures named by the participle alone.
  DocAnalysis b = Run("O atentado a bomba deixou ao menos 15 mortos e 40 feridos.", "pt");
  const Claim* c = FirstClaim(b, Field::kKilled);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 15);
  EXPECT_EQ(c->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(b, Field::kInjured), 40);
  EXPECT_TRUE(HasSubType(b, "Remote explosive/landmine/IED"));
}

TEST_F(MultilingualTest, PortugueseTollAndAbduction) {
  EXPECT_EQ(First(Run("O número de mortos no ataque subiu para 31.", "pt"), Field::kKilled), 31);
  DocAnalysis a = Run("Homens armados sequestraram 30 alunos de uma escola no sábado.", "pt");
  EXPECT_EQ(First(a, Field::kAbducted), 30);
  EXPECT_TRUE(HasSubType(a, "Abduction/forced disappearance"));
}

TEST_F(MultilingualTest, ItalianAuxiliariesAndYesterday) {
  DocAnalysis a = Run(
      "Almeno 12 persone sono state uccise e oltre 30 sono rimaste ferite ieri in un attentato, "
      "ha detto la polizia.",
      "it");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 12);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(k->attributed_to, "police");
  const Claim* i = FirstClaim(a, Field::kInjured);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->value, 30);
  EXPECT_EQ(i->qualifier, Qualifier::kMoreThan);
  EXPECT_TRUE(HasType(a, "Violence against civilians"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, ItalianNumberWordsAndVerbBeforeFigure) {
  DocAnalysis a = Run("Un'esplosione ha ucciso sette soldati vicino alla caserma.", "it");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 7);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  EXPECT_TRUE(HasType(a, "Explosions/Remote violence"));
}

// Turkish is verb-final: the cue follows the noun ("14 kişi hayatını kaybetti").
TEST_F(MultilingualTest, TurkishVerbFinal) {
  DocAnalysis a =
      Run("Dün düzenlenen intihar saldırısında en az 14 kişi hayatını kaybetti, 20 kişi yaralandı.",
          "tr");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 14);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(First(a, Field::kInjured), 20);
  EXPECT_TRUE(HasSubType(a, "Suicide bomb"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, TurkishNumberWordsAndSecurityForces) {
  // "yirmi iki" = 22: tens and unit written apart.
  DocAnalysis a = Run("Pazartesi günü silahlı saldırıda yirmi iki asker şehit oldu.", "tr");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 22);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  ASSERT_FALSE(a.mentions.empty());  // "silahlı saldırıda": in an armed attack
  EXPECT_EQ(MentionDate(a), kPublished);
}

// German word order: the participle ends the clause after a date or place ("Drei Menschen
// wurden bei dem Angriff am Sonntag getötet"), the verb comes second before a date ("Bei dem
// Anschlag starben am Dienstag zwei Menschen").
TEST_F(MultilingualTest, GermanParticipleAfterPhrases) {
  const Claim* k = nullptr;
  DocAnalysis a = Run("Drei Menschen wurden bei dem Angriff am Sonntag getötet.", "de");
  k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 3);
  EXPECT_EQ(k->qualifier, Qualifier::kExact);
  DocAnalysis b = Run("Bei dem Anschlag starben am Dienstag zwei Menschen.", "de");
  k = FirstClaim(b, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 2);
  DocAnalysis c = Run("Mindestens 14 Menschen sind ums Leben gekommen.", "de");
  k = FirstClaim(c, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 14);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  DocAnalysis d = Run("Zwei Polizisten wurden verletzt.", "de");
  k = FirstClaim(d, Field::kInjured);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 2);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  DocAnalysis e = Run("Die Zahl der Toten stieg auf 25.", "de");
  EXPECT_EQ(First(e, Field::kKilled), 25);
  DocAnalysis f = Run("Bei dem Überfall gab es mindestens fünf Tote.", "de");
  k = FirstClaim(f, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 5);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  DocAnalysis g = Run("Der Anschlag forderte fünf Tote und zwölf Verletzte.", "de");
  EXPECT_EQ(First(g, Field::kKilled), 5);
  EXPECT_EQ(First(g, Field::kInjured), 12);
}

// The auxiliary before its subject, the participle after a place; a date with its own numbers.
TEST_F(MultilingualTest, GermanAuxiliaryBeforeSubjectAndDatedClause) {
  DocAnalysis a = Run("Am Montagabend wurden vier Soldaten in der Stadt erschossen.", "de");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 4);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  DocAnalysis b = Run("Zwei Menschen wurden am 5. Mai 2031 in ihrem Haus getötet.", "de");
  ASSERT_EQ(b.claims.size(), 1u);
  EXPECT_EQ(b.claims[0].field, Field::kKilled);
  EXPECT_EQ(b.claims[0].value, 2);
}

// The search for a clause-final participle stops at a negation and at a clause link.
TEST_F(MultilingualTest, GermanClauseFinalStops) {
  EXPECT_EQ(
      First(Run("Zwei Menschen wurden bei dem Angriff nicht verletzt.", "de"), Field::kInjured),
      -1);
  // Without a comma too: "als" opens another clause, whose participle is not the three's.
  DocAnalysis a =
      Run("Drei Menschen waren im Haus als die Bombe explodierte und ein Polizist verletzt wurde.",
          "de");
  EXPECT_EQ(First(a, Field::kInjured), -1);
  EXPECT_EQ(First(a, Field::kKilled), -1);
  // English keeps the participle next to its auxiliary: "is awaiting trial in those deaths" has
  // no clause-final cue for "one".
  EXPECT_EQ(First(Run("The husband of one of the women is awaiting trial in those deaths.", "en"),
                  Field::kKilled),
            -1);
}

// Portuguese: a date between the auxiliary and its participle, or between the verb and its
// figure ("no" opens the date here, no negation).
TEST_F(MultilingualTest, PortugueseDateInsideTheVerbGroup) {
  // The analysis is kept in a named value: FirstClaim points into it.
  DocAnalysis first = Run("Três pessoas foram no domingo mortas.", "pt");
  const Claim* k = FirstClaim(first, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 3);
  DocAnalysis a = Run("Morreram no sábado três soldados.", "pt");
  k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 3);
  EXPECT_EQ(k->category, Category::kSecurityForces);
}

TEST_F(MultilingualTest, UkrainianTollsWeekdaysAndShelling) {
  // Ukrainian words of the dead and wounded, its collective numbers (троє, двоє) and weekdays.
  DocAnalysis a =
      Run("Унаслідок обстрілу міста у неділю загинули троє людей, ще двоє поранені, повідомили "
          "місцеві власті.",
          "uk");
  EXPECT_EQ(First(a, Field::kKilled), 3);
  EXPECT_EQ(First(a, Field::kInjured), 2);
  EXPECT_TRUE(HasSubType(a, "Shelling/artillery/missile attack"));
  EXPECT_EQ(MentionDate(a), (CivilDate{2031, 5, 11}));
}

TEST_F(MultilingualTest, IndonesianTensAndYesterday) {
  // "dua puluh lima": a unit times "puluh" (ten) plus a unit; the verb follows the noun.
  DocAnalysis a =
      Run("Kemarin sedikitnya dua puluh lima warga tewas dalam ledakan di sebuah pasar.", "id");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 25);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(k->category, Category::kCivilians);
  EXPECT_TRUE(HasSubType(a, "Remote explosive/landmine/IED"));
  EXPECT_EQ(MentionDate(a), kYesterday);
}

TEST_F(MultilingualTest, IndonesianSundayNeedsHari) {
  // "Minggu" is Sunday after "hari" (weekday_cues.tsv), and "week" otherwise.
  DocAnalysis a = Run("Pada hari Minggu, 12 orang tewas dalam serangan di sebuah gereja.", "id");
  EXPECT_EQ(First(a, Field::kKilled), 12);
  EXPECT_EQ(MentionDate(a), (CivilDate{2031, 5, 11}));
}

TEST_F(MultilingualTest, PersianVerbAtTheClauseEnd) {
  // The verb closes the clause after a prepositional phrase ("در" opens it); "یک" is the
  // indefinite article there, no figure.
  DocAnalysis a = Run(
      "روز یکشنبه هفت سرباز در یک حمله مسلحانه در نزدیکی مرز کشته شدند و ده نفر زخمی شدند.", "fa");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 7);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  EXPECT_EQ(First(a, Field::kInjured), 10);
  EXPECT_EQ(MentionDate(a), (CivilDate{2031, 5, 11}));
}

TEST_F(MultilingualTest, SomaliSubjectMarkerBeforeTheVerb) {
  // "ayaa" stands between the counted noun and its verb.
  DocAnalysis a = Run("Xalay, ugu yaraan siddeed askari ayaa lagu dilay weerar.", "so");
  const Claim* k = FirstClaim(a, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 8);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(MentionDate(a), kYesterday);
}

// The toll as subject, then a copula or verb, then the figure: the toll phrases of
// claim_cues.tsv are read whatever verb stands between ("sono", "se elevó a", "mencapai").
TEST_F(MultilingualTest, TollSubjectCopulaOrVerbThenFigure) {
  const Claim* k = nullptr;
  DocAnalysis it = Run("Dopo l'attacco al mercato, i morti sono almeno 15.", "it");
  k = FirstClaim(it, Field::kKilled);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->value, 15);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(
      First(Run("Tras el atentado, el número de muertos se elevó a 20.", "es"), Field::kKilled),
      20);
  EXPECT_EQ(First(Run("Tras la explosión, los muertos son al menos 11.", "es"), Field::kKilled),
            11);
  EXPECT_EQ(First(Run("Saldırının ardından hayatını kaybedenlerin sayısı 18'e çıktı.", "tr"),
                  Field::kKilled),
            18);
  EXPECT_EQ(
      First(Run("Setelah ledakan itu, korban tewas mencapai 13 orang.", "id"), Field::kKilled), 13);
}

// French elides "de" before "au moins": "d'au moins 15 morts" is at least 15.
TEST_F(MultilingualTest, FrenchElidedAtLeast) {
  std::optional<Claim> k =
      FirstClaimOf(Run("Le bilan de l'embuscade est d'au moins 15 morts.", "fr"), Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->value, 15);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
}

// "N persons of the police forces": the noun a partitive leads to names the category.
TEST_F(MultilingualTest, PartitiveNamesTheCategory) {
  std::optional<Claim> k =
      FirstClaimOf(Run("در این حمله ۴ نفر از نیروهای پلیس کشته شدند.", "fa"), Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->value, 4);
  EXPECT_EQ(k->category, Category::kSecurityForces);
  k = FirstClaimOf(Run("Three members of the security forces were killed in the ambush.", "en"),
                 Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->category, Category::kSecurityForces);
}

// Round-three rows: Arabic "لقي N جنود مصرعهم", Spanish "asesinó a N", French "une quinzaine"
// (about 15, 13-18), Swahili "watu wasiopungua N waliuawa" (noun, qualifier, number, verb).
TEST_F(MultilingualTest, RoundThreeShapes) {
  EXPECT_EQ(First(Run("لقي ستة جنود مصرعهم في الهجوم.", "ar"), Field::kKilled), 6);
  EXPECT_EQ(First(Run("Un comando asesinó a 9 personas en un bar.", "es"), Field::kKilled), 9);
  std::optional<Claim> k =
      FirstClaimOf(Run("Une quinzaine de civils ont été tués dans l'attaque.", "fr"), Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->value, 15);
  EXPECT_EQ(k->qualifier, Qualifier::kAbout);
  EXPECT_EQ(k->low, 13);
  EXPECT_EQ(k->high, 18);
  k = FirstClaimOf(Run("Watu wasiopungua 7 waliuawa katika shambulio hilo.", "sw"), Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->value, 7);
  EXPECT_EQ(k->qualifier, Qualifier::kAtLeast);
}

// German auxiliary a few words before the subject, participle at the clause's end; Russian
// "унес жизни N" (took N lives) and "жертвами ... стали N" (N became the victims).
TEST_F(MultilingualTest, AuxiliaryBeforeSubjectAndRussianLivesTaken) {
  EXPECT_EQ(
      First(Run("Am Dienstag wurden in der Stadt drei Polizisten bei einem Angriff getötet.", "de"),
            Field::kKilled),
      3);
  EXPECT_EQ(First(Run("Удар по рынку унес жизни 12 человек.", "ru"), Field::kKilled), 12);
  EXPECT_EQ(First(Run("Жертвами обстрела города стали десять человек.", "ru"), Field::kKilled), 10);
}

// Latin-American and West-African press shapes: "ultimaron a balazos a N", "fueron ultimados N",
// "N ont trouvé la mort", "N terroristes ont été neutralisés" (militants killed).
TEST_F(MultilingualTest, LatinAmericanAndWestAfricanPress) {
  EXPECT_EQ(
      First(Run("Sicarios ultimaron a balazos a cinco personas en un bar.", "es"), Field::kKilled),
      5);
  EXPECT_EQ(
      First(Run("Anoche fueron ultimados cuatro policías en la carretera.", "es"), Field::kKilled),
      4);
  EXPECT_EQ(First(Run("Au moins huit personnes ont trouvé la mort dans l'attaque.", "fr"),
                  Field::kKilled),
            8);
  std::optional<Claim> k =
      FirstClaimOf(Run("Douze terroristes ont été neutralisés par l'armée.", "fr"), Field::kKilled);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->value, 12);
  EXPECT_EQ(k->category, Category::kMilitants);
}

}  // namespace
}  // namespace sitrep
