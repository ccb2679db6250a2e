// Builds the compiled gazetteer (geo/gazetteer.h) from public place tables.
//
// Inputs, all optional but the first:
//  - a GeoNames table in the dump format (cities500.txt, cities1000.txt, allCountries.txt, a
//    country file: 19 tab-separated columns). Populated places (class P) become places; ADM1/ADM2
//    features, when the table has them, become provinces/districts and name their codes.
//  - GeoNames admin1CodesASCII.txt / admin2Codes.txt ("CC.A1[.A2]<TAB>name<TAB>ascii<TAB>id"):
//    the authoritative province/district names.
//  - the country-state-city package's assets directory (country.json, state.json, city.json).
//    Without admin code files, it names GeoNames admin1 codes by majority vote of matching cities,
//    names districts from its "X District"/"X County"/"X Rayon" entries, adds provinces with
//    coordinates, and adds the few towns GeoNames lacks.
//  - data/geo/countries.tsv: country names, aliases and demonyms.
//  - data/geo/admin2_seat_exclude.tsv: countries where a district is not named after its seat
//    (elsewhere the seat's name, a PPLA2 town, names an otherwise unnamed district).
//  - data/geo/extra_places.tsv: the user's supplement (missing names, historical names), see the
//    file's header. A row with a GeoNames admin code names or renames that unit, so its towns
//    carry the district name; other rows become entries of their own.
//
// Not thread-safe (one build at a time); memory grows with the input (cities500: ~1 GB peak).
#ifndef SITREP_GEO_GAZETTEER_BUILDER_H_
#define SITREP_GEO_GAZETTEER_BUILDER_H_

#include <cstdint>
#include <string>

#include "base/status.h"

namespace sitrep {

struct GazetteerBuildOptions {
  std::string geonames;        // required
  std::string admin1;          // admin1CodesASCII.txt, "" = none
  std::string admin2;          // admin2Codes.txt, "" = none
  std::string csc_dir;         // country-state-city lib/assets, "" = none
  std::string countries;       // "" = <data dir>/geo/countries.tsv
  std::string seat_exclude;    // "" = <data dir>/geo/admin2_seat_exclude.tsv
  std::string rules;           // "" = <data dir>/geo/match_rules.tsv
  std::string extra;           // "" = <data dir>/geo/extra_places.tsv (may be missing)
  std::string admin_suffixes;  // "" = <data dir>/geo/admin_suffixes.tsv: "X District" unit words
  int64_t min_population = 0;  // places below are dropped (admin seats are always kept)
  std::string out;             // written atomically (tmp + rename)
};

struct GazetteerBuildStats {
  size_t places = 0, districts = 0, provinces = 0, countries = 0;
  size_t csc_added = 0;  // towns only country-state-city knew
  size_t extra = 0;      // rows of the supplement used
  size_t admin1_named = 0, admin1_groups = 0;
  size_t admin2_named = 0, admin2_groups = 0;
  size_t keys = 0, postings = 0, bytes = 0;
};

[[nodiscard]] Result<GazetteerBuildStats> BuildGazetteer(const GazetteerBuildOptions& options);

}  // namespace sitrep

#endif  // SITREP_GEO_GAZETTEER_BUILDER_H_
