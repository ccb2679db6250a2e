// Test helper: a tiny gazetteer compiled from GeoNames-format lines written for the tests, so the
// geo tests need neither the npm data nor the network. Used only by *_test.cc files.
#ifndef SITREP_GEO_GEO_TEST_UTIL_H_
#define SITREP_GEO_GEO_TEST_UTIL_H_

#include <memory>
#include <string>

#include "geo/gazetteer.h"

namespace sitrep {
namespace geo_test {

// Writes the fixture tables into a fresh temporary directory and returns its path.
std::string WriteFixture();
// Builds the fixture into <dir>/fixture.bin (once per process) and opens it.
const Gazetteer& FixtureGazetteer();
// Path of the compiled fixture file.
std::string FixturePath();

}  // namespace geo_test
}  // namespace sitrep

#endif  // SITREP_GEO_GEO_TEST_UTIL_H_
