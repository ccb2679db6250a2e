#include "model/event.h"

namespace sitrep {

const char* FieldName(Field f) {
  switch (f) {
    case Field::kKilled: return "killed";
    case Field::kInjured: return "injured";
    case Field::kAbducted: return "abducted";
    case Field::kArrested: return "arrested";
    case Field::kFreed: return "freed";
    case Field::kVehiclesDestroyed: return "vehicles";
  }
  return "killed";
}

const char* CategoryName(Category c) {
  switch (c) {
    case Category::kUnknown: return "unknown";
    case Category::kCivilians: return "civilians";
    case Category::kSecurityForces: return "security_forces";
    case Category::kMilitants: return "militants";
  }
  return "unknown";
}

}  // namespace sitrep
