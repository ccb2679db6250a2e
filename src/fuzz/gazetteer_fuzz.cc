// Fuzz target: opening a compiled gazetteer (geo/gazetteer.h promises that a truncated or corrupt
// file gives kCorruption, never a crash) and using what opens.
//
// Random bytes would almost never get past the header checks, so the input is applied as a patch
// to a small valid file built in-process with GazetteerWriter: the first two bytes choose where
// to cut the file, then each 3-byte group (offset hi, offset lo, value) overwrites one byte.
// A file that opens must then survive every entry(), lookups of its own names, and geocoding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "geo/match_key.h"
#include "text/utf8.h"

namespace {

const std::string& ValidFile() {
  static const std::string* bytes = [] {
    sitrep::GazetteerWriter w(sitrep::MatchRules::Default());
    struct Row {
      const char* name;
      const char* alt;
      const char* country;
      const char* admin1;
      sitrep::GeoLevel level;
      int64_t population;
    };
    // Invented places, so nothing depends on real data.
    const Row rows[] = {
        {"Testland", "Testlandia", "XT", "", sitrep::GeoLevel::kCountry, 5000000},
        {"North Province", "Shimal", "XT", "North Province", sitrep::GeoLevel::kProvince, 900000},
        {"Alderford", "\xd8\xa7\xd9\x84\xd8\xaf\xd8\xb1", "XT", "North Province",
         sitrep::GeoLevel::kPlace, 120000},
        {"Birchmoor", "Birch Moor", "XT", "North Province", sitrep::GeoLevel::kDistrict, 40000},
        {"Cedar Bay", "Cedarbay", "XT", "South Province", sitrep::GeoLevel::kPlace, 800},
    };
    uint32_t id = 1;
    for (const Row& r : rows) {
      sitrep::GazetteerWriter::Entry e;
      e.id = id++;
      e.name = r.name;
      e.country = r.country;
      e.admin1 = r.admin1;
      e.lat = 10.5 + id;
      e.lon = 60.25 - id;
      e.population = r.population;
      e.feature_class = r.level == sitrep::GeoLevel::kPlace ? 'P' : 'A';
      e.feature_code = r.level == sitrep::GeoLevel::kPlace ? "PPL" : "ADM1";
      e.level = r.level;
      uint32_t index = w.AddEntry(e);
      w.AddName(index, r.name, 0);
      w.AddName(index, r.alt, sitrep::GazPosting::kAlternate);
    }
    return new std::string(w.Serialize());
  }();
  return *bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string file = ValidFile();
  if (size >= 2) {
    const size_t cut = (static_cast<size_t>(data[0]) << 8 | data[1]);
    if (cut < file.size()) file.resize(file.size() - cut);
    data += 2;
    size -= 2;
  }
  for (size_t i = 0; i + 3 <= size && !file.empty(); i += 3) {
    const size_t off = (static_cast<size_t>(data[i]) << 8 | data[i + 1]) % file.size();
    file[off] = static_cast<char>(data[i + 2]);
  }

  Result<std::unique_ptr<Gazetteer>> g = Gazetteer::FromBytes(file);
  if (!g.ok()) {
    FUZZ_CHECK(!g.status().message().empty());
    return 0;
  }
  const Gazetteer& gaz = **g;
  for (uint32_t i = 0; i < gaz.size(); ++i) {
    GazEntry e = gaz.entry(i);
    for (GazPosting p : gaz.Lookup(e.name)) FUZZ_CHECK(p.entry() < gaz.size());
    Place place = e.ToPlace();
    (void)place;
  }
  for (const char* name : {"Alderford", "testland", "Birch Moor", "nowhere"}) {
    for (GazPosting p : gaz.Lookup(name)) FUZZ_CHECK(p.entry() < gaz.size());
  }
  Geocoder geocoder(&gaz);
  const std::string text =
      "ALDERFORD: Gunmen attacked a market in Alderford, North Province, on Monday; "
      "officials in Birchmoor district and Cedar Bay said Testland troops responded.";
  for (const PlaceMention& m : geocoder.Find(text, Doc(), "en")) {
    FUZZ_CHECK(fuzz::SpanIn(m.span, text.size()));
  }
  return 0;
}
