// Extraction from articles in other languages (fr, es, de, ru, hi, ur), through the real text
// stage so that their numerals (Devanagari and Arabic-Indic digits included) are read as it reads
// them. The sentences are written for these tests.
#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "base/data_dir.h"
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
    Doc doc = text_->Analyze(article_.text, article_.published);
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

}  // namespace
}  // namespace sitrep
