// What extraction makes of one article: places, actors, claims and event mentions.
#ifndef SITREP_MODEL_EVENT_H_
#define SITREP_MODEL_EVENT_H_

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "model/article.h"
#include "model/doc.h"

namespace sitrep {

// ACLED geo_precision: 1 place, 2 district, 3 province; 4 is used internally for country-only.
enum class GeoLevel : uint8_t { kPlace = 1, kDistrict = 2, kProvince = 3, kCountry = 4 };

// A resolved location from the gazetteer.
struct Place {
  uint32_t gazetteer_id = 0;  // 0 when none
  std::string name;           // as the gazetteer spells it
  std::string country;        // ISO 3166-1 alpha-2
  std::string admin1;         // province / state name
  std::string admin2;         // district name, may be empty
  double lat = 0, lon = 0;
  bool has_coords = false;
  GeoLevel level = GeoLevel::kCountry;
  int64_t population = 0;
};

// Great-circle distance in km between two points given in degrees (haversine, mean Earth
// radius). Pure; used wherever places are compared by distance.
double KmBetween(double lat1, double lon1, double lat2, double lon2);

// How far from a county's seat a town still counts as in that county: the gazetteer gives each
// town one county, though a town may straddle a line (extract's county agency, resolve's county
// stand-in).
inline constexpr double kCountyReachKm = 30;

struct PlaceMention {
  Span span;
  Place place;
  float confidence = 0;
  // The span names a county that stands for this town (geo/geocoder.h: "the Boyle County
  // sheriff" read as Danville, the county seat or the town in it the article names); set by the
  // geocoder where it makes that reading. False for a surface that is part of the town's own
  // name ("Bronx" for "The Bronx"). Resolution treats a town every mention of which is such a
  // stand-in as coarse as its county (resolve.cc NamedOnlyByCounty).
  bool via_county = false;
};

enum class ActorRole : uint8_t { kUnknown, kPerpetrator, kTarget };
enum class ActorClass : uint8_t {
  kArmedGroup,  // named organisation ("Northern Liberation Front")
  kStateForce,  // police, army, security forces
  kMilitants,   // generic: militants, gunmen, insurgents, separatists, attackers
  kCivilians,   // civilians, passengers, workers, tourists
  kOther,
};

struct ActorMention {
  Span span;
  std::string canonical;  // canonical name from the actor lexicon
  ActorClass actor_class = ActorClass::kOther;
  ActorRole role = ActorRole::kUnknown;  // set on EventMention::actors (perpetrator first)
  // Responsibility as the sentence reports it.
  enum class Responsibility : uint8_t {
    kNone,
    kClaimed,
    kAccused,
    kDenied
  } responsibility = Responsibility::kNone;
  // A named individual (extract/suspects.h: "John A. Smith Jr." as written), not an organisation
  // from the actor lexicon: resolution joins follow-up reports by the people they name.
  bool person = false;
};

enum class Field : uint8_t { kKilled, kInjured, kAbducted, kArrested, kFreed, kVehiclesDestroyed };
const char* FieldName(Field f);  // "killed", "injured", "abducted", "arrested", "freed", "vehicles"

enum class Category : uint8_t { kUnknown, kCivilians, kSecurityForces, kMilitants };
const char* CategoryName(Category c);  // "unknown", "civilians", "security_forces", "militants"

// Whether a figure counts this incident, the whole wave, or only a part of it.
enum class Scope : uint8_t { kIncident, kWave, kPart };

// One reported figure, with the words that said it.
struct Claim {
  std::string doc_id;
  std::string source;  // outlet of the article
  std::string quote;   // text[span]: kept so incidents are self-contained
  Span span;           // the quoted sentence or clause (verbatim in the article)
  Span figure_span;    // the number itself
  Field field = Field::kKilled;
  Category category = Category::kUnknown;
  double value = 0, low = 0, high = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::string attributed_to;  // "officials", "the military", "AFP", "" when unattributed
  Scope scope = Scope::kIncident;
  bool independent = true;  // false for wire copies
  CivilDate published;      // of the article, for "latest figure" policies
};

// One reported event in one article.
struct EventMention {
  std::string doc_id;
  Span span;  // the trigger's sentence
  Span trigger;
  std::string event_type;      // ACLED: "Battles", "Explosions/Remote violence", ...
  std::string sub_event_type;  // ACLED: "Suicide bomb", "Armed clash", "Attack", ...
  Timex date;
  std::vector<PlaceMention> places;  // best first
  std::vector<ActorMention> actors;
  std::vector<Claim> claims;
  bool background = false;  // recalled, not reported as news
  bool wave = false;        // describes a coordinated wave ("a string of attacks")
};

// How an article spelled one of its event places where that differs from the gazetteer's name
// ("Kyiv" written "KIEV" or "Kiev"): the text is gone by resolution, and the incidents'
// place_aliases (resolve/place_names.h) are made from these.
struct PlaceSpelling {
  std::string place_key;  // PlaceKey() of the gazetteer entry: "country|admin1|name"
  std::string surface;    // the text under the mention's span, whitespace runs folded to one space
  friend auto operator<=>(const PlaceSpelling&, const PlaceSpelling&) = default;
};

// Everything extraction found in one article.
struct DocAnalysis {
  std::string doc_id;
  CivilDate published;
  std::vector<EventMention> mentions;
  std::vector<PlaceMention> places;  // all place mentions in the article
  std::vector<ActorMention> actors;  // all actor mentions
  std::vector<Claim> claims;         // all claims (also attached to mentions)
  std::vector<Timex> timexes;
  std::string copy_of;  // wire copy of another doc
  // The spellings of the places of `mentions` other than the gazetteer's own names, sorted and
  // distinct (resolve/place_names.h CollectSpellings()); empty for most articles. Kept with the
  // analysis so that resolution needs nothing but the analyses.
  std::vector<PlaceSpelling> place_spellings;
};

}  // namespace sitrep

#endif  // SITREP_MODEL_EVENT_H_
