#include "model/doc.h"

namespace sitrep {

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kAbout:
      return "about";
    case Qualifier::kUpTo:
      return "up_to";
    case Qualifier::kRange:
      return "range";
    case Qualifier::kVague:
      return "vague";
  }
  return "exact";
}

}  // namespace sitrep
