// The geocoder on texts that end (or start) at an unreadable page: its word scan reads several
// bytes at a time, and an over-read past either end of the text faults here instead of passing
// unnoticed inside a larger buffer.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "base/data_dir.h"
#include "base/guard_page_test_util.h"
#include "geo/gazetteer.h"
#include "geo/geo_test_util.h"
#include "geo/geocoder.h"
#include "text/text_analyzer.h"

namespace sitrep {
namespace {

using testing_guard::ForEachGuardedPrefix;
using testing_guard::Guard;

TEST(GeocoderGuardPageTest, EveryPrefixOfAwkwardTextsStaysInsideItsBytes) {
  const std::string path = DataPath("gazetteer/gazetteer.bin");
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  auto gazetteer = Gazetteer::Open(path);
  ASSERT_TRUE(gazetteer.ok());
  auto real = Geocoder::Create(gazetteer->get(), DataDir());
  ASSERT_TRUE(real.ok()) << real.status().ToString();
  auto fixture = Geocoder::Create(&geo_test::FixtureGazetteer());
  ASSERT_TRUE(fixture.ok());
  auto analyzer = TextAnalyzer::Load(DataDir());
  ASSERT_TRUE(analyzer.ok());

  // Names at the very end, cut multi-byte characters, hyphens, apostrophes, a NUL, tabs.
  const std::string texts[] = {
      "Gunmen killed 12 people in Kabul, Afghanistan on Monday. Police in Lagos (Nigeria) said. "
      "North Waziristan's militants attacked Peshawar-based troops in Mogadishu",
      "In M\xc3\xbcnchen und K\xc3\xb6ln. Attack near Aleppo/Idlib. The U.S. and D.R. Congo's Goma",
      "Kabul.",
      "in Kabul's",
      "near Gao (",
      "x\xe2\x82",
      "Kabul -",
      "Sana'a",
      "Mosul\xe2\x80",
      std::string("Ill-formed \xff\xfe Kabul, a NUL ") + '\0' + " Herat\t\there.",
  };
  size_t runs = 0;
  for (const std::string& text : texts) {
    // The whole text in an ordinary string: the guarded copy must find the same places.
    TokenKeys plain_keys;
    const Doc plain_doc = (*analyzer)->Analyze(text, CivilDate{2024, 5, 6}, "", &plain_keys);
    const size_t expected = (*real)->Find(text, plain_doc, &plain_keys, "en").size();
    for (Guard side : {Guard::kAfter, Guard::kBefore}) {
      ASSERT_TRUE(ForEachGuardedPrefix(
          text, text.size(),
          [&](std::string_view v) {
            TokenKeys keys;
            const Doc doc = (*analyzer)->Analyze(v, CivilDate{2024, 5, 6}, "", &keys);
            const size_t found = (*real)->Find(v, doc, &keys, "en").size();
            if (v.size() == text.size()) {
              EXPECT_EQ(found, expected) << text;
            }
            (*real)->Find(v, doc, nullptr, "");
            (*fixture)->Find(v, doc, &keys, "en");
            (*fixture)->Find(v, Doc(), "de");
            ++runs;
          },
          side));
    }
  }
  EXPECT_GT(runs, 300u);
}

}  // namespace
}  // namespace sitrep
