#include "model/event.h"

#include <algorithm>
#include <cmath>

namespace sitrep {

const char* FieldName(Field f) {
  switch (f) {
    case Field::kKilled:
      return "killed";
    case Field::kInjured:
      return "injured";
    case Field::kAbducted:
      return "abducted";
    case Field::kArrested:
      return "arrested";
    case Field::kFreed:
      return "freed";
    case Field::kVehiclesDestroyed:
      return "vehicles";
  }
  return "killed";
}

const char* CategoryName(Category c) {
  switch (c) {
    case Category::kUnknown:
      return "unknown";
    case Category::kCivilians:
      return "civilians";
    case Category::kSecurityForces:
      return "security_forces";
    case Category::kMilitants:
      return "militants";
  }
  return "unknown";
}

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double p1 = lat1 * kRad, p2 = lat2 * kRad;
  const double dp = p2 - p1, dl = (lon2 - lon1) * kRad;
  const double h = std::sin(dp / 2) * std::sin(dp / 2) +
                   std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 6371.0 * 2 * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace sitrep
