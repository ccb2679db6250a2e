// Test helper: a tiny gazetteer compiled from GeoNames-format lines written for the tests, so the
// geo tests need neither the npm data nor the network. Used only by *_test.cc files.
#ifndef SITREP_GEO_GEO_TEST_UTIL_H_
#define SITREP_GEO_GEO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "model/doc.h"

namespace sitrep {
namespace geo_test {

// Writes the fixture tables into a fresh temporary directory and returns its path.
std::string WriteFixture();
// Builds the fixture into <dir>/fixture.bin (once per process) and opens it.
const Gazetteer& FixtureGazetteer();
// Path of the compiled fixture file.
std::string FixturePath();
// A Geocoder over the real gazetteer (data/gazetteer/gazetteer.bin), opened once per process, or
// null when that file is absent (the caller skips).
const Geocoder* RealGeocoder();
// A fresh temporary data directory whose geo/ holds a copy of the project's geo/*.tsv tables,
// for tests that load the geocoder's words from edited tables.
std::string CopyGeoTables();

// A Geocoder over the fixture gazetteer, for TEST_F suites (derive a suite-named class from it).
class GeocoderFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto g = Geocoder::Create(&FixtureGazetteer());
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    geo_ = std::move(g).value();
  }
  // Mentions in `text` (kept in text_, so spans index it), with no Doc and English cues.
  std::vector<PlaceMention> Find(const std::string& text) {
    text_ = text;
    return geo_->Find(text_, Doc(), "en");
  }
  // Mentions in `text` (kept in text_) read as an article in language `lang`.
  std::vector<PlaceMention> FindIn(const std::string& text, std::string_view lang) {
    text_ = text;
    return geo_->Find(text_, Doc(), lang);
  }
  // The mention starting where `surface` first occurs in text_, or nullptr.
  const PlaceMention* At(const std::vector<PlaceMention>& ms, std::string_view surface) {
    size_t pos = text_.find(surface);
    for (const PlaceMention& m : ms) {
      if (pos != std::string::npos && m.span.begin == pos) return &m;
    }
    return nullptr;
  }
  std::unique_ptr<Geocoder> geo_;
  std::string text_;
};

}  // namespace geo_test
}  // namespace sitrep

#endif  // SITREP_GEO_GEO_TEST_UTIL_H_
