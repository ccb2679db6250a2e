// Rows of data/extract/background_cues.tsv read through the Extractor: a figure in a sentence
// that recalls an earlier event is no figure of the news.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "base/data_dir.h"
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

// A row of a cue file whose kind is none of the file's kinds is a load error naming the file, the
// line, the column and the value read (background, place, procedure and wave cues share one kinds
// table reader).
TEST(BackgroundCuesTest, UnknownKindNamesFileLineColumnAndValue) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "cue_kinds_bad_row";
  struct Case {
    const char* file;
    const char* row;
    const char* column;
    const char* value;
  };
  for (const Case& c :
       {Case{"background_cues.tsv", "long before\tmild\n", "column 2", "mild"},
        Case{"place_cues.tsv", "harbour\tthe port of\n", "column 1", "harbour"},
        Case{"procedure_cues.tsv", "was booked|was held\tstep2\n", "column 2", "step2"},
        Case{"wave_cues.tsv", "a string of\tburst\n", "column 2", "burst"}}) {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(DataPath("extract"), root / "extract", fs::copy_options::recursive);
    const fs::path path = root / "extract" / c.file;
    std::ifstream in(path);
    const long lines = std::count(std::istreambuf_iterator<char>(in), {}, '\n');
    in.close();
    std::ofstream(path, std::ios::app) << c.row;
    auto x = Extractor::Load(root.string());
    ASSERT_FALSE(x.ok()) << c.row;
    const std::string msg = x.status().ToString();
    const std::string where = std::string(c.file) + ":" + std::to_string(lines + 1) + ": ";
    EXPECT_NE(msg.find(where), std::string::npos) << msg << " (wanted " << where << ")";
    EXPECT_NE(msg.find(c.column), std::string::npos) << msg;
    EXPECT_NE(msg.find(std::string("\"") + c.value + "\""), std::string::npos) << msg;
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace sitrep
