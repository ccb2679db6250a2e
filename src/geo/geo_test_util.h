// Test helper: a tiny gazetteer compiled from GeoNames-format lines written for the tests, so the
// geo tests need neither the npm data nor the network. Used only by *_test.cc files.
#ifndef SITREP_GEO_GEO_TEST_UTIL_H_
#define SITREP_GEO_GEO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "geo/match_key.h"
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

// Adds to `w` an entry whose official name is `name` (feature class 'P' for a place, else 'A')
// and returns its index; for the Write() of WrittenGazetteerTest suites.
inline uint32_t AddWrittenEntry(GazetteerWriter* w, const char* name, const char* country,
                                const char* admin1, double lat, double lon, int64_t population,
                                GeoLevel level, const char* feature_code) {
  GazetteerWriter::Entry e;
  e.name = name;
  e.country = country;
  e.admin1 = admin1;
  e.lat = lat;
  e.lon = lon;
  e.population = population;
  e.level = level;
  e.feature_class = level == GeoLevel::kPlace ? 'P' : 'A';
  e.feature_code = feature_code;
  const uint32_t i = w->AddEntry(e);
  w->mutable_entry(i).id = i + 1;
  w->AddName(i, name, 0);
  return i;
}

// A Geocoder over a small gazetteer a suite writes itself, built once per suite. Derived (CRTP)
// provides `static void Write(GazetteerWriter* w)`, which adds the suite's entries.
template <class Derived>
class WrittenGazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    GazetteerWriter w(MatchRules::Default());
    Derived::Write(&w);
    auto gaz = Gazetteer::FromBytes(w.Serialize());
    ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
    gaz_ = std::move(gaz).value().release();
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  void SetUp() override {
    auto g = Geocoder::Create(gaz_);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    geo_ = std::move(g).value();
  }
  // "surface=<field>" of each place found in `text` (English cues, no Doc), in text order.
  std::vector<std::string> FoundWith(const std::string& text, std::string Place::*field) {
    std::vector<std::string> out;
    for (const PlaceMention& m : geo_->Find(text, Doc(), "en")) {
      out.push_back(text.substr(m.span.begin, m.span.end - m.span.begin) + "=" + m.place.*field);
    }
    return out;
  }
  static inline const Gazetteer* gaz_ = nullptr;
  std::unique_ptr<Geocoder> geo_;
};

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
