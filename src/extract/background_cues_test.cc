// Rows of data/extract/background_cues.tsv read through the Extractor: a figure in a sentence
// that recalls an earlier event is no figure of the news.
#include <gtest/gtest.h>

#include <string>

#include "base/testing_data.h"
#include "extract/extractor.h"
#include "extract/test_doc.h"

namespace sitrep {
namespace {

// The claims of the news (mentions not in the background) of `text` whose quote contains
// `needle`.
size_t ClaimsQuoting(const Extractor& ex, const std::string& text, const std::string& needle) {
  Article article;
  article.doc_id = "d1";
  article.source = "example.org";
  article.published = CivilDate{2031, 5, 12};
  article.text = text;
  Doc doc = testing_doc::MakeDoc(article.text);
  DocAnalysis a = ex.Extract(article, doc, {});
  size_t n = 0;
  for (const EventMention& m : a.mentions) {
    if (m.background) continue;
    for (const Claim& c : m.claims) n += c.quote.find(needle) != std::string::npos;
  }
  return n;
}

// "a year ago", "a year and a half ago" recall an earlier death, as "years ago" does.
TEST(BackgroundCuesTest, AYearAgoRecallsAnEarlierDeath) {
  auto x = Extractor::Load("");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  const Extractor& ex = **x;
  const std::string news = "A man was shot and killed on Main Street on Monday, police said. ";
  EXPECT_EQ(ClaimsQuoting(ex, news, "Main Street"), 1u);
  EXPECT_EQ(ClaimsQuoting(ex, news + "A year and a half ago a 12-year-old girl was killed nearby.",
                          "12-year-old"),
            0u);
  EXPECT_EQ(
      ClaimsQuoting(ex, news + "A year ago a 12-year-old girl was killed nearby.", "12-year-old"),
      0u);
  // Without the cue the same sentence gives its figure.
  EXPECT_EQ(ClaimsQuoting(ex, news + "A 12-year-old girl was killed nearby.", "12-year-old"), 1u);
}

// "The attack came two weeks after a bombing in X that killed 40": the gap may be spelled out (a
// duration is no figure of the text, so <n> does not match it) or a figure; either way the
// bombing's toll is background. A one-day gap stays news: such reports often tell one story.
TEST(BackgroundCuesTest, CameWeeksAfterRecallsTheEarlierAttack) {
  auto x = Extractor::Load("");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  const Extractor& ex = **x;
  const std::string news = "A bomb exploded near a police van in Arden on Monday, killing nine. ";
  for (const char* recall : {"The attack came two weeks after a bombing in Lorne that killed 40.",
                             "The blast came 3 months after a bombing in Lorne that killed 40.",
                             "It comes just days after a bombing in Lorne that killed 40.",
                             "Troops will be sent to the border, weeks after a bombing in Lorne "
                             "killed 40."}) {
    EXPECT_EQ(ClaimsQuoting(ex, news + recall, "Lorne"), 0u) << recall;
    EXPECT_EQ(ClaimsQuoting(ex, news + recall, "nine"), 1u) << recall;
  }
  // Without the cue the same figure is news.
  EXPECT_EQ(ClaimsQuoting(ex, news + "A bombing in Lorne that day killed 40.", "Lorne"), 1u);
}

// News mentions (not background) of `text`, with the place `place` (a town) added where named.
size_t NewsMentions(const Extractor& ex, const std::string& text, const std::string& place) {
  Article article;
  article.doc_id = "d1";
  article.source = "example.org";
  article.published = CivilDate{2031, 5, 12};
  article.text = text;
  Doc doc = testing_doc::MakeDoc(article.text);
  std::vector<PlaceMention> places;
  if (size_t at = text.find(place); at != std::string::npos) {
    PlaceMention pm;
    pm.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + place.size())};
    pm.place.gazetteer_id = 5;
    pm.place.name = place;
    pm.place.country = "XX";
    pm.place.admin1 = "North";
    pm.place.admin2 = place;
    pm.place.level = GeoLevel::kPlace;
    pm.confidence = 0.9f;
    places.push_back(pm);
  }
  size_t n = 0;
  for (const EventMention& m : ex.Extract(article, doc, std::move(places)).mentions) {
    n += !m.background;
  }
  return n;
}

// A sentence, a sentencing, an anniversary or a protest march about an attack (an occasion cue
// before the violence) reports no new event; the same words after the violence name its target,
// and a court hearing stays news (a follow-up of the attack it names). In en, fr and es.
TEST(BackgroundCuesTest, OccasionBeforeTheViolenceRecallsIt) {
  auto x = Extractor::Load("");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  const Extractor& ex = **x;
  for (const char* recall :
       {"A court in Lorne sentenced three men to life for the bombing of a bus that killed 14.",
        "Hundreds gathered in Lorne to mark the fifth anniversary of the massacre of 30 farmers.",
        "Students marched peacefully through Lorne to denounce the killing of two teachers.",
        "Un tribunal de Lorne a condamné deux hommes pour l'attentat qui avait fait 9 morts.",
        "Miles de personas marcharon pacíficamente en Lorne para rechazar el ataque."}) {
    EXPECT_EQ(NewsMentions(ex, recall, "Lorne"), 0u) << recall;
  }
  for (const char* news :
       {"Gunmen attacked a peaceful march in Lorne, killing four protesters.",
        "A bomb exploded outside the court in Lorne where two men were sentenced, killing 3.",
        "A man appeared in court in Lorne charged with shooting two neighbours.",
        "Three gunmen were killed in Lorne as they fled after the verdict."}) {
    EXPECT_EQ(NewsMentions(ex, news, "Lorne"), 1u) << news;
  }
}

// "no arrests were made" denies the arrest: a peaceful protest's report gives no event.
TEST(BackgroundCuesTest, DeniedTriggerReportsNoEvent) {
  auto x = Extractor::Load("");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  const Extractor& ex = **x;
  EXPECT_EQ(NewsMentions(ex, "Police said the rally in Lorne was calm and no arrests were made.",
                         "Lorne"),
            0u);
  EXPECT_EQ(
      NewsMentions(ex, "Police said two men were arrested in Lorne after the rally.", "Lorne"), 1u);
}

// A row of a cue file whose kind is none of the file's kinds is a load error naming the file, the
// line, the column and the value read (background, place, procedure and wave cues share one kinds
// table reader).
TEST(BackgroundCuesTest, UnknownKindNamesFileLineColumnAndValue) {
  using testing_data::BadRow;
  for (const BadRow& c :
       {BadRow{"background_cues.tsv", "long before\tmild\n", "column 2", "\"mild\""},
        BadRow{"place_cues.tsv", "harbour\tthe port of\n", "column 1", "\"harbour\""},
        BadRow{"procedure_cues.tsv", "was booked|was held\tstep2\n", "column 2", "\"step2\""},
        BadRow{"wave_cues.tsv", "a string of\tburst\n", "column 2", "\"burst\""}}) {
    testing_data::ScratchData data("cue_kinds_bad_row", "extract");
    const int line = data.Append(c.file, c.row);
    EXPECT_TRUE(testing_data::NamesBadRow(Extractor::Load(data.root()).status(), c, line));
  }
}

}  // namespace
}  // namespace sitrep
