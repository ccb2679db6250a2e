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
                             "It comes just days after a bombing in Lorne that killed 40."}) {
    EXPECT_EQ(ClaimsQuoting(ex, news + recall, "Lorne"), 0u) << recall;
    EXPECT_EQ(ClaimsQuoting(ex, news + recall, "nine"), 1u) << recall;
  }
  // Without the cue the same figure is news.
  EXPECT_EQ(ClaimsQuoting(ex, news + "A bombing in Lorne that day killed 40.", "Lorne"), 1u);
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
