#include "resolve/resolve.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/hash.h"
#include "resolve/place_names.h"
#include "resolve/spill.h"

namespace sitrep {
namespace {

constexpr size_t kMaxCandidates = 512;  // bounds pathological blocking buckets
constexpr double kGridDegrees = 0.5;    // blocking cell (~55 km), neighbours are searched too

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01), H. Hinnant's civil calendar algorithms.

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)), m, d};
}

std::optional<int64_t> DayOf(const CivilDate& d) {
  if (!d.valid() || d.month < 1 || d.day < 1) return std::nullopt;
  return DaysFromCivil(d.year, d.month, d.day);
}

std::optional<int64_t> DayOf(const Timex& t) {
  if (t.precision != DatePrecision::kDay) return std::nullopt;
  return DayOf(t.date);
}

int64_t Gap(int64_t a, int64_t b) { return a > b ? a - b : b - a; }

// std::tolower in the "C" locale the program runs in (it sets none), without its call.
char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Appends Lower(s) to *out, without a string of its own.
void AppendLower(std::string_view s, std::string* out) {
  const size_t at = out->size();
  out->append(s);
  for (size_t i = at; i < out->size(); ++i) (*out)[i] = LowerChar((*out)[i]);
}

std::string Lower(std::string_view s) {
  std::string out;
  AppendLower(s, &out);
  return out;
}

// "%.2f" written at `buf` (32 bytes at least); returns its length. Most values formatted (pair
// scores, their parts) are quarters, exact in binary and in two decimals: written directly, as
// printf would, without its cost.
size_t FmtTo(double v, char* buf) {
  const double q = v * 4;
  if (v >= 0 && v < 1e9 && q == std::floor(q) && !std::signbit(v)) {
    static constexpr const char* kCents[] = {"00", "25", "50", "75"};
    const auto quarters = static_cast<uint64_t>(q);
    char* end = std::to_chars(buf, buf + 16, quarters / 4).ptr;
    *end++ = '.';
    std::memcpy(end, kCents[quarters % 4], 2);
    return static_cast<size_t>(end + 2 - buf);
  }
  const int n = std::snprintf(buf, 32, "%.2f", v);
  return static_cast<size_t>(std::clamp(n, 0, 31));
}

void AppendFmt(double v, std::string* out) {
  char buf[32];
  out->append(buf, FmtTo(v, buf));
}

std::string Fmt(double v) {
  std::string out;
  AppendFmt(v, &out);
  return out;
}

// FNV-1a from the short offset basis (base/hash.h): incident ids and blocking keys are made
// with it, so ids stay what earlier versions wrote.
constexpr uint64_t kKeyBasis = kShortFnvBasis;
uint64_t KeyHash(std::string_view s) { return Fnv1aAppend(kKeyBasis, s); }

std::string HexId(std::string_view prefix, std::string_view content) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%012llx",
                static_cast<unsigned long long>(KeyHash(content) & 0xffffffffffffull));
  return std::string(prefix) + buf;
}

// ---------------------------------------------------------------------------------------------
// Places.

struct Loc {
  bool known = false;
  Place place;
  std::string key;          // identity of the place
  std::string admin1_key;   // country|admin1 ("" admin1 allowed)
  std::string admin2_key;   // "" when no district
  std::string country_key;  // lower-cased ISO code
  // KeyHash of the four keys, hashed once per place: the blocking index keys every lookup and
  // registration by them (Key), and rehashing the strings there was most of its cost.
  uint64_t key_hash = kKeyBasis, admin1_hash = kKeyBasis, admin2_hash = kKeyBasis,
           country_hash = kKeyBasis;
};

// A Loc shared by every unit that names the same place: the units of a large batch hold one
// pointer each (ResolveBatch::Impl interns them) instead of a copy with its place strings. Reads
// like a `const Loc*`; converts to `const Loc&`; assigning a Loc makes a fresh shared copy.
class LocRef {
 public:
  LocRef() : p_(Empty()) {}
  LocRef(Loc loc) : p_(std::make_shared<const Loc>(std::move(loc))) {}  // NOLINT: implicit
  explicit LocRef(std::shared_ptr<const Loc> p) : p_(std::move(p)) {}
  const Loc* operator->() const { return p_.get(); }
  const Loc& operator*() const { return *p_; }
  operator const Loc&() const { return *p_; }  // NOLINT: implicit, for functions of a Loc
  const std::shared_ptr<const Loc>& shared() const { return p_; }

 private:
  static const std::shared_ptr<const Loc>& Empty() {
    static const auto* empty = new std::shared_ptr<const Loc>(std::make_shared<const Loc>());
    return *empty;
  }
  std::shared_ptr<const Loc> p_;
};

GeoLevel LevelOf(const Place& p) {
  GeoLevel l = p.level;
  if (l == GeoLevel::kCountry && !p.admin1.empty() && p.name == p.admin1) l = GeoLevel::kProvince;
  return l;
}

Loc MakeLoc(const Place& p) {
  Loc loc;
  loc.known = !p.country.empty() || !p.admin1.empty() || !p.name.empty();
  loc.place = p;
  loc.place.level = LevelOf(p);
  // The keys are written in place, part after part (this runs for every mention's place).
  AppendLower(p.country, &loc.country_key);
  loc.admin1_key.reserve(loc.country_key.size() + 1 + p.admin1.size());
  loc.admin1_key = loc.country_key;
  loc.admin1_key += '|';
  AppendLower(p.admin1, &loc.admin1_key);
  if (!p.admin2.empty()) {
    loc.admin2_key.reserve(loc.admin1_key.size() + 1 + p.admin2.size());
    loc.admin2_key = loc.admin1_key;
    loc.admin2_key += '|';
    AppendLower(p.admin2, &loc.admin2_key);
  }
  // "prefix" + admin1_key + "|" + Lower(name).
  auto admin1_and_name = [&](std::string_view prefix) {
    loc.key.reserve(prefix.size() + loc.admin1_key.size() + 1 + p.name.size());
    loc.key = prefix;
    loc.key += loc.admin1_key;
    loc.key += '|';
    AppendLower(p.name, &loc.key);
  };
  switch (loc.place.level) {
    case GeoLevel::kCountry:
      loc.key = "c|";
      loc.key += loc.country_key;
      break;
    case GeoLevel::kProvince:
      loc.key = "a1|";
      loc.key += loc.admin1_key;
      break;
    case GeoLevel::kDistrict:
      if (loc.admin2_key.empty()) {
        admin1_and_name("a2|");
      } else {
        loc.key = "a2|";
        loc.key += loc.admin2_key;
      }
      break;
    case GeoLevel::kPlace:
      if (p.gazetteer_id != 0) {
        loc.key = "g|";
        loc.key += std::to_string(p.gazetteer_id);
      } else {
        admin1_and_name("p|");
      }
      break;
  }
  loc.key_hash = KeyHash(loc.key);
  loc.admin1_hash = KeyHash(loc.admin1_key);
  loc.admin2_hash = KeyHash(loc.admin2_key);
  loc.country_hash = KeyHash(loc.country_key);
  return loc;
}

int Level(const Loc& l) { return static_cast<int>(l.place.level); }
bool Fine(const Loc& l) { return l.place.level <= GeoLevel::kDistrict; }

// kFolded: one side's main place is a place the other side's article named for the same attack
// (a secondary place folded into its main event, e.g. the town hit vs the hospital city).
// kNamesake: a same-named place in another province, one side chosen among namesakes without a
// cue (NamesakeJoin).
enum class PlaceMatch {
  kNone,
  kSame,
  kNear,
  kSameAdmin2,
  kFar,
  kContains,
  kCountry,
  kFolded,
  kNamesake
};

const char* PlaceMatchName(PlaceMatch m) {
  switch (m) {
    case PlaceMatch::kNone:
      return "none";
    case PlaceMatch::kSame:
      return "same-place";
    case PlaceMatch::kNear:
      return "near";
    case PlaceMatch::kSameAdmin2:
      return "same-district";
    case PlaceMatch::kFar:
      return "within-far-km";
    case PlaceMatch::kContains:
      return "province-contains";
    case PlaceMatch::kCountry:
      return "country-contains";
    case PlaceMatch::kFolded:
      return "folded-place";
    case PlaceMatch::kNamesake:
      return "namesake";
  }
  return "none";
}

double PlaceScore(PlaceMatch m) {
  switch (m) {
    case PlaceMatch::kNone:
      return 0;
    case PlaceMatch::kSame:
      return 1.0;
    case PlaceMatch::kNear:
      return 0.9;
    case PlaceMatch::kSameAdmin2:
      return 0.75;
    case PlaceMatch::kFar:
      return 0.55;
    case PlaceMatch::kContains:
      return 0.45;
    case PlaceMatch::kCountry:
      return 0.25;
    case PlaceMatch::kFolded:
      return 0.75;
    case PlaceMatch::kNamesake:
      return 0.45;
  }
  return 0;
}

bool Coarse(PlaceMatch m) { return m == PlaceMatch::kContains || m == PlaceMatch::kCountry; }

PlaceMatch MatchPlaces(const Loc& a, const Loc& b, const ResolveOptions& o) {
  if (!a.known || !b.known) return PlaceMatch::kNone;
  if (!a.country_key.empty() && !b.country_key.empty() && a.country_key != b.country_key) {
    return PlaceMatch::kNone;
  }
  if (a.key == b.key) return PlaceMatch::kSame;
  if (Fine(a) && Fine(b)) {
    std::optional<double> d;
    if (a.place.has_coords && b.place.has_coords) {
      d = KmBetween(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
    }
    const bool both_admin2 = !a.admin2_key.empty() && !b.admin2_key.empty();
    const bool other_admin2 = both_admin2 && a.admin2_key != b.admin2_key;
    if (d && *d <= o.near_km && (!other_admin2 || *d <= 0.6 * o.near_km)) return PlaceMatch::kNear;
    if (both_admin2 && !other_admin2) return PlaceMatch::kSameAdmin2;
    if (other_admin2) return PlaceMatch::kNone;
    const bool other_admin1 =
        !a.place.admin1.empty() && !b.place.admin1.empty() && a.admin1_key != b.admin1_key;
    if (d && *d <= o.far_km && !other_admin1) return PlaceMatch::kFar;
    return PlaceMatch::kNone;
  }
  const Loc& coarse = Level(a) >= Level(b) ? a : b;
  const Loc& other = Level(a) >= Level(b) ? b : a;
  if (coarse.place.level == GeoLevel::kProvince) {
    if (coarse.admin1_key != other.admin1_key) return PlaceMatch::kNone;
    return other.place.level == GeoLevel::kProvince ? PlaceMatch::kSame : PlaceMatch::kContains;
  }
  // Country level: countries already agree.
  return other.place.level == GeoLevel::kCountry ? PlaceMatch::kSame : PlaceMatch::kCountry;
}

// The place of a mention: its best place, refined by a finer one it lists inside the same area.
Loc MentionLoc(const EventMention& m) {
  if (m.places.empty()) return Loc();
  const Place* best = &m.places.front().place;
  for (const PlaceMention& pm : m.places) {
    const Place& p = pm.place;
    if (LevelOf(p) >= LevelOf(*best)) continue;
    if (p.country != best->country) continue;
    if (!best->admin1.empty() && p.admin1 != best->admin1) continue;
    if (!best->admin2.empty() && p.admin2 != best->admin2) continue;
    best = &p;
  }
  return MakeLoc(*best);
}

// The article's own dominant place, for events that name none: the most frequent place, finer
// levels winning ties, then the earliest.
Loc DocLoc(const DocAnalysis& da) {
  std::map<std::string, std::tuple<int, int, uint32_t, const Place*>> votes;
  for (const PlaceMention& pm : da.places) {
    Loc l = MakeLoc(pm.place);
    if (!l.known) continue;
    auto [it, fresh] =
        votes.emplace(l.key, std::make_tuple(0, -Level(l), pm.span.begin, &pm.place));
    ++std::get<0>(it->second);
    if (!fresh) std::get<2>(it->second) = std::min(std::get<2>(it->second), pm.span.begin);
  }
  const Place* best = nullptr;
  std::tuple<int, int, int64_t> best_key{-1, 0, 0};
  for (const auto& [key, v] : votes) {
    std::tuple<int, int, int64_t> k{std::get<0>(v), std::get<1>(v),
                                    -static_cast<int64_t>(std::get<2>(v))};
    if (best == nullptr || k > best_key) {
      best = std::get<3>(v);
      best_key = k;
    }
  }
  return best != nullptr ? MakeLoc(*best) : Loc();
}

// Whether the article names the town `p` only through its county ("Fort Bend County" read as
// the county seat, geo/geocoder.h): the geocoder flagged every mention of it as naming the county
// (PlaceMention::via_county). Such a town is the county's stand-in, as coarse as the county
// itself: a town another report names inside that county is the finer place.
bool NamedOnlyByCounty(const DocAnalysis& da, const Place& p) {
  if (p.level != GeoLevel::kPlace || p.admin2.empty()) return false;
  bool any = false;
  for (const PlaceMention& pm : da.places) {
    if (pm.place.country != p.country || pm.place.admin1 != p.admin1 || pm.place.name != p.name) {
      continue;
    }
    if (!pm.via_county) return false;
    any = true;
  }
  return any;
}

// The name a place goes by in an article, for finding its namesakes: the county's for a town
// read as a county's stand-in ("Marion County" read as Ocala), else the place's own; lower-cased
// and hashed. 0 for a place coarser than a district.
uint64_t NamesakeKey(const Place& p, bool via_county) {
  if (LevelOf(p) > GeoLevel::kDistrict) return 0;
  const std::string& name = via_county && !p.admin2.empty() ? p.admin2 : p.name;
  return name.empty() ? 0 : KeyHash(Lower(name));
}

// Whether the article names no other place of p's province (the province itself, a town, a
// county; attributive uses aside) besides `namesake` (NamesakeKey of p): nothing in the text
// chose p's province over a namesake's, the geocoder took the most prominent one.
bool ProvinceUnanchored(const DocAnalysis& da, const Place& p, uint64_t namesake) {
  for (const PlaceMention& pm : da.places) {
    if (pm.confidence <= 0.2f || pm.place.country != p.country || pm.place.admin1 != p.admin1) {
      continue;
    }
    if (NamesakeKey(pm.place, pm.via_county) != namesake) return false;
  }
  return true;
}

// "Town, County, State, CC" appended to *out: each part unless empty or the whole so far.
void AppendPlaceDesc(const Loc& l, std::string* out) {
  if (!l.known) {
    *out += "(no place)";
    return;
  }
  const size_t from = out->size();
  auto whole = [&] { return std::string_view(*out).substr(from); };
  *out += l.place.name;
  for (const std::string* part : {&l.place.admin2, &l.place.admin1}) {
    if (part->empty() || *part == whole()) continue;
    *out += ", ";
    *out += *part;
  }
  if (!l.place.country.empty()) {
    *out += ", ";
    *out += l.place.country;
  }
}

std::string PlaceDesc(const Loc& l) {
  std::string s;
  AppendPlaceDesc(l, &s);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Per-article units.

// What resolution still reads of a mention once its article's units are built (step 1): the
// event types and the actors that can name a perpetrator. Interned and shared by every mention
// with the same content (ResolveBatch::Impl owns them), so a kept mention costs a pointer.
struct ActorLite {
  std::string_view canonical;
  ActorClass actor_class = ActorClass::kOther;
  ActorMention::Responsibility responsibility = ActorMention::Responsibility::kNone;
};
// Whether Perpetrator() may count `a`: a named armed group or militants, not denied, or a state
// force its sources say fired (accused).
bool CountsForPerpetrator(const ActorMention& a) {
  if (a.canonical.empty() || a.responsibility == ActorMention::Responsibility::kDenied) {
    return false;
  }
  return a.actor_class == ActorClass::kArmedGroup || a.actor_class == ActorClass::kMilitants ||
         (a.actor_class == ActorClass::kStateForce &&
          a.responsibility == ActorMention::Responsibility::kAccused);
}
struct MentionLite {
  std::string_view event_type, sub_event_type;
  // Armed groups and militants with a name, not denied; state forces that fired (accused).
  std::vector<ActorLite> actors;
};

// Claims per field, indexed by Field (kFields).
using ClaimCounts = std::array<uint32_t, 6>;

struct Event {
  std::vector<const MentionLite*> lite;  // what steps 2-6 read of its mentions
  LocRef loc;                            // shared (interned once the batch keeps the unit)
  // Fine places of secondary events folded into this one (the article tells one attack).
  std::vector<Loc> folded_locs;
  // The other fine places of its province that its article names but reports no event at (a
  // hospital's town, a victim's home town, the town a road or a range is named for), when the
  // article reports this one event only: a dated report may be the same-day incident at one
  // of them (ScorePair, NamesPlaceOf). Their Loc::key only: that is all that is compared.
  std::vector<std::string> named_keys;
  std::optional<int64_t> day;
  std::optional<int64_t> pub;
  // Views: into the analysis during step 1, then into the batch's interned strings (Add()), so
  // a kept event holds no string of its own.
  std::string_view type;
  std::vector<std::string_view> groups;  // named armed groups, sorted unique
  SpillFile::Ref claim_ref;  // its claims encoded (EncodeClaims) in the batch's spill file
  double killed_max = -1;    // largest specific killed figure, for compatibility
  // Its exact, unqualified death tolls (ExactTolls), [lo, hi]; -1 when it states none.
  double exact_lo = -1, exact_hi = -1;
  // The people its article's news mentions name by full name (PersonKey() of its suspect, then
  // victims; 0 for none): what NameFollowUp() joins reports by. Inline: no allocation per event.
  std::array<uint64_t, 3> people{};
  // The name its place goes by (NamesakeKey; 0 for a place coarser than a district), and whether
  // its article names nothing else in the place's province (ProvinceUnanchored, `unanchored`
  // below): a bare name such as "Madison" that the geocoder could only give the most prominent
  // namesake of. Such a report may be another report's same-named place elsewhere (NamesakeJoin).
  uint64_t namesake = 0;
  // "" for a place incident; "operations" (forces' operations against militants) and "earlier"
  // (an earlier event the article recalls) only ever cluster with their own kind. Views of
  // string literals (static storage), not a string per event.
  std::string_view kind;
  // The notes joined ("a; b; ") once the batch keeps the unit; from step 2 on, how it joined its
  // incident (EncodeReason), which takes the notes in: one reference for both.
  SpillFile::Ref reason_ref;
  // The fields of 4 bytes and less, last and together: no padding among the 8-byte ones.
  int doc = 0;  // index into the sorted docs
  int cluster = -1;
  uint32_t first_begin = 0;
  // Articles of their own (not wire copies; its own included) reporting an event at its fine
  // place on its day: set in step 2.
  int attested = 0;
  ClaimCounts claim_counts{};  // how many of its claims state each field (CountClaim)
  // Days its article writes out in full ("Jan. 2", "Oct. 26, 2013"; not "Monday"), not after
  // publication, first in text order; 0 slots unused: what DayFollowUp() joins reports by.
  // Bit i of named_in_background: named_days[i] is written only in background sentences (an
  // earlier event recalled). Inline, as `people`.
  std::array<int32_t, 4> named_days{};
  uint16_t methods = 0;  // attack methods its mentions name (ResolveRules::MethodOf)
  uint8_t named_in_background = 0;
  bool copy = false;  // its article is a wire copy of another
  // In an incident a report joined by the person it names (NameFollowUp), its day is not the
  // attack's (RedateNamedCluster): a hearing's or an arrest's, or a misread day recalled weeks
  // later. Its day and figures are then not the incident's.
  bool followup_day = false;
  // Its article names its town only through the town's county (NamedOnlyByCounty): the
  // incident's place prefers a town another report names.
  bool county_stand_in = false;
  bool unanchored = false;  // see `namesake`
};

// A local event as step 1 builds it: the Event steps 2-6 read, plus what only step 1 reads (the
// analysis's mentions, the claims and their cues before they are encoded, the notes before they
// are joined). The batch keeps the Event part alone: 96 bytes less per kept event.
struct LocalEvent : Event {
  std::vector<const EventMention*> mentions;  // point into the analysis
  std::vector<Claim> claims;                  // incident-scope claims (parts kept as parts)
  // cues[i] = ReadFigureCues(claims[i]), read once and encoded with the claims, so neither the
  // exact tolls nor reconciliation read the quotes again.
  std::vector<FigureCues> cues;
  std::vector<std::string> notes;
};

// Whether e's article folded the place keyed `key` (Loc::key) into e (Event::folded_locs).
bool FoldsPlace(const Event& e, std::string_view key) {
  return std::any_of(e.folded_locs.begin(), e.folded_locs.end(),
                     [&](const Loc& f) { return f.key == key; });
}

// Whether e's article names the place keyed `key` beside e's own (Event::named_keys).
bool NamesBeside(const Event& e, std::string_view key) {
  return std::find(e.named_keys.begin(), e.named_keys.end(), key) != e.named_keys.end();
}

struct Wave {
  int doc = 0;
  LocRef loc;
  std::optional<int64_t> day;
  bool explicit_wave = false;  // a mention said "wave"; else only wave/part-scoped claims
  // Its article's attacks lie in several provinces of one country within a day of each other and
  // a wave cue ties them ("attacked posts in two towns ..., killing three"): it covers them all,
  // not only those of the province most of them are in.
  bool cross_province = false;
  std::vector<Claim> claims;
  std::vector<const EventMention*> mentions;  // step 1 only
  std::vector<const MentionLite*> lite;
  std::vector<int> events;  // the article's events (indices into all events)
};

// An earlier event an article recalls as background (step 4). At most one of day, month, year.
struct Recall {
  int doc = 0;
  LocRef loc;  // always known: a recall that names no place recalls nothing findable
  std::optional<int64_t> day;
  std::optional<std::pair<int64_t, int64_t>> month;  // [first, last] day of a recalled month
  std::optional<std::pair<int64_t, int64_t>> year;   // [first, last] day of a recalled year
  // The last day the recalled event may fall on: the article's publication, else its latest
  // reported day (nobody recalls what had not happened yet); unset when it has neither.
  std::optional<int64_t> until;
  double killed = -1;  // the largest specific death toll it states (any victims), -1 none
};

struct DocUnits {
  std::vector<LocalEvent> events;
  std::optional<Wave> wave;
  std::vector<Recall> recalls;
  std::vector<Reason> dropped;
  // An article whose news names no place at all but names people (PeopleOf): the one incident
  // whose reports name one of them may take it in (PlacelessByName). 0 slots: none.
  std::array<uint64_t, 3> placeless_people{};
  std::optional<int64_t> placeless_day;  // the first day its news mentions give
};

// Frees a vector's storage (`v = {}` keeps the capacity: it assigns an empty initializer list).
template <typename T>
void Release(std::vector<T>* v) {
  std::vector<T>().swap(*v);
}

bool DatesFit(const std::optional<int64_t>& a, const std::optional<int64_t>& b, int window) {
  return !a || !b || Gap(*a, *b) <= window;
}

double KilledMax(const std::vector<Claim>& claims) {
  double m = -1;
  for (const Claim& c : claims) {
    if (c.field != Field::kKilled || c.category != Category::kUnknown) continue;
    if (c.qualifier == Qualifier::kVague || c.qualifier == Qualifier::kUpTo) continue;
    m = std::max(m, c.value);
  }
  return m;
}

// The range [*lo, *hi] of the exact death tolls among `claims` (left -1 when there are none): a
// plain number of dead for the whole incident ("killed 12", not "at least 12" nor "dozens"), in
// an article of its own (not a wire copy), that is not the perpetrators' claim or an earlier
// toll recalled (cues[i]: the cues of claims[i]). Two such tolls far apart are the strongest
// sign that two reports count different attacks.
void ExactTolls(const std::vector<Claim>& claims, const std::vector<FigureCues>& cues, double* lo,
                double* hi) {
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.field != Field::kKilled || c.category != Category::kUnknown ||
        c.qualifier != Qualifier::kExact || c.scope != Scope::kIncident || !c.independent) {
      continue;
    }
    if (cues[i].partisan || cues[i].superseded) continue;
    *lo = *lo < 0 ? c.value : std::min(*lo, c.value);
    *hi = std::max(*hi, c.value);
  }
}

// True when the mention's figures give a risen toll ("the toll reached 60 on Sunday") and no
// other death count: its date is when the count was reported, not when the attack happened.
bool TollUpdateOnly(const EventMention& m, const ResolveRules& rules) {
  bool update = false;
  for (const Claim& c : m.claims) {
    if (c.field != Field::kKilled && c.field != Field::kInjured) continue;
    const bool risen = ReadFigureCues(c, rules).update;
    if (!risen && c.field == Field::kKilled) return false;
    update = update || risen;
  }
  return update;
}

// The day of a mention in an article published on `pub` (nullopt = unknown).
std::optional<int64_t> MentionDay(const EventMention& m, const std::optional<int64_t>& pub,
                                  int window_days) {
  std::optional<int64_t> d = DayOf(m.date);
  // A span wider than the date window ("last week") names no one day: its first day would be
  // an invented date, wrong by up to the span, that keeps the report from the incident it
  // follows up (dated a day inside the span) and dates a lone report wrongly. It is unknown;
  // the undated rules (publication date, a follow-up at its very fine place) place it.
  if (d && m.date.date_end.valid()) {
    const std::optional<int64_t> end = DayOf(m.date.date_end);
    if (end && *end - *d > window_days) return std::nullopt;
  }
  // A date after publication (beyond a day of time-zone slack) is an extraction error.
  if (d && pub && *d > *pub + 1) return std::nullopt;
  // "On Monday" in an article without a publication date was resolved against some other clock
  // (crawl or run time): the day is unknown, not that one.
  if (d && !pub && m.date.relative) return std::nullopt;
  return d;
}

// The key of a person's full name as written ("John A. Smith Jr.") in a role ('s' suspect, 'v'
// victim): its first and last name words, lower-cased, hashed with the role; 0 when fewer than
// two such words remain (a surname alone names no one for sure). Initials and abbreviations (a
// word ending in '.': "A.", "Jr.") and generational numerals (a word of the letters i, v and x
// only: "II", "IV") are no name words, so spellings with and without them share the key. Pure.
uint64_t PersonKey(std::string_view name, char role) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    std::string_view w = name.substr(i, j - i);
    i = j;
    if (w.empty() || w.back() == '.') continue;
    std::string lower;
    for (char c : w) {
      if (IsCueWordByte(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80) {
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      }
    }
    if (lower.size() < 2) continue;
    if (lower.find_first_not_of("ivx") == std::string::npos) continue;
    words.push_back(std::move(lower));
  }
  if (words.size() < 2) return 0;
  const uint64_t h = KeyHash(std::string(1, role) + ':' + words.front() + ' ' + words.back());
  return h == 0 ? 1 : h;
}

// The people the news (not background) mentions of `da` name by full name
// (ActorMention::person): its suspects first, then its victims, at most people.size() in all,
// distinct. A name recalled only in background says nothing of which incident the article is.
std::array<uint64_t, 3> PeopleOf(const DocAnalysis& da) {
  std::array<uint64_t, 3> out{};
  size_t n = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (const EventMention& m : da.mentions) {
      if (m.background) continue;
      for (const ActorMention& a : m.actors) {
        if (!a.person || a.responsibility == ActorMention::Responsibility::kDenied) continue;
        const bool suspect = a.actor_class != ActorClass::kCivilians;
        if (suspect != (pass == 0)) continue;
        const uint64_t k = PersonKey(a.canonical, suspect ? 's' : 'v');
        if (k == 0 || std::find(out.begin(), out.begin() + n, k) != out.begin() + n) continue;
        if (n == out.size()) return out;
        out[n++] = k;
      }
    }
  }
  return out;
}

// `mention_days[i]` is the day e->mentions[i] dates the event on (nullopt: none).
void FinishEvent(LocalEvent* e, const std::vector<std::optional<int64_t>>& mention_days) {
  std::map<std::string_view, int> types;
  std::set<std::string_view> groups;
  e->first_begin = UINT32_MAX;
  std::map<int64_t, int> days;
  for (const std::optional<int64_t>& d : mention_days) {
    if (d) ++days[*d];
  }
  for (const EventMention* m : e->mentions) {
    e->first_begin = std::min(e->first_begin, m->span.begin);
    if (!m->event_type.empty()) ++types[m->event_type];
    for (const ActorMention& a : m->actors) {
      if (a.actor_class == ActorClass::kArmedGroup &&
          a.responsibility != ActorMention::Responsibility::kDenied && !a.canonical.empty()) {
        groups.insert(a.canonical);
      }
    }
  }
  int best = 0;
  for (const auto& [t, n] : types) {
    if (n > best) {
      best = n;
      e->type = t;
    }
  }
  int best_days = 0;
  for (const auto& [d, n] : days) {  // mode, earliest on ties (map order)
    if (n > best_days) {
      best_days = n;
      e->day = d;
    }
  }
  e->groups.assign(groups.begin(), groups.end());
  e->killed_max = KilledMax(e->claims);
}

// Where a figure goes when its sentence says it is not its place incident's.
struct ContextRoute {
  enum To { kStay, kOperations, kWave, kEarlier } to = kStay;
  int days = 0;  // kEarlier
};

// True when [a, b) of the sentence holds no clause boundary: the cue and the figure are one clause.
bool OneClause(std::string_view q, size_t a, size_t b) {
  if (a > b) std::swap(a, b);
  if (b > q.size()) return false;
  return q.substr(a, b - a).find_first_of(",;:\"") == std::string_view::npos;
}

// The figure `c` of mention `m` (see claim_context.tsv): an earlier event named before it in its
// sentence ("a day after the army said it killed 41") is that event's; militants killed by the
// forces in the figure's clause are the operations'; a province-wide count in its clause is the
// wave's; in a wave article, militants killed in a sentence that names no place of `m` are the
// wave's too (a headline "Some 12 insurgents killed" is no one attack's).
ContextRoute ClaimContext(const Claim& c, const EventMention& m, bool placed, bool wave_article,
                          const ResolveRules& rules) {
  ContextRoute r;
  using K = ResolveRules::ContextKind;
  const std::string_view q = c.quote;
  if (c.figure_span.begin < c.span.begin || c.figure_span.end > c.span.begin + q.size()) return r;
  const size_t fb = c.figure_span.begin - c.span.begin, fe = c.figure_span.end - c.span.begin;
  // One pass over the cues: the recalled-event cue that ends first before the figure (earliest
  // in the file on a tie), and for each other kind whether one of its cues sits in the figure's
  // clause within 80 bytes of it.
  PhraseSet built;
  const PhraseSet* index = &CueIndexOf(rules.context_index, rules.context_cues, &built);
  const AsciiLower lower(q);
  size_t earlier_end = std::string_view::npos;
  const ResolveRules::ContextCue* cue = nullptr;
  bool near[4] = {false, false, false, false};
  // A cue beginning more than kReach bytes past the figure can count for nothing: not an
  // earlier event's (it must end before the figure), not near it. The rest is not scanned.
  constexpr size_t kReach = 80;
  index->ForEachStartingIn(
      lower.view(), 0, fe + kReach + 1, [&](uint32_t i, size_t pos, size_t end) {
        const ResolveRules::ContextCue& hit = rules.context_cues[i];
        if (hit.kind == K::kEarlier) {
          if (end <= fb &&
              (cue == nullptr || end < earlier_end || (end == earlier_end && &hit < cue))) {
            earlier_end = end;
            cue = &hit;
          }
          return;
        }
        bool& found = near[static_cast<int>(hit.kind)];
        if (found) return;
        const bool before = end <= fb;
        const size_t gap = before ? fb - end : (pos >= fe ? pos - fe : 0);
        found = gap <= kReach && OneClause(q, before ? end : fe, before ? fb : pos);
      });
  // The recalled clause must hold the figure: "a day after being shot, he died" is one event.
  if (cue != nullptr && OneClause(q, earlier_end, fb)) {
    r.to = ContextRoute::kEarlier;
    r.days = cue->days;
    return r;
  }
  auto near_kind = [&](K kind) { return near[static_cast<int>(kind)]; };
  const bool militants_killed = c.field == Field::kKilled && c.category == Category::kMilitants;
  // The forces' response ("troops killed three of the attackers") is an event of its own after
  // a wave of attacks or when spread over the region ("throughout the province"); after one
  // attack it is the same fight, and its dead are that attack's.
  if (militants_killed && (near_kind(K::kOperation) ||
                           (near_kind(K::kResponse) && (wave_article || near_kind(K::kRegion))))) {
    r.to = ContextRoute::kOperations;
    return r;
  }
  if (c.scope != Scope::kWave && near_kind(K::kRegion)) {
    r.to = ContextRoute::kWave;
    return r;
  }
  if (placed && wave_article && militants_killed && c.scope != Scope::kWave) {
    bool own_place = false;
    for (const PlaceMention& p : m.places) {
      own_place = own_place || (p.span.begin >= c.span.begin && p.span.end <= c.span.end);
    }
    if (!own_place) r.to = ContextRoute::kWave;
  }
  return r;
}

// The days `da` writes out in full (a month and a day, with or without the year: not a weekday
// nor "yesterday", which are resolved from publication), none after `pub` plus a day of
// time-zone slack; the first four distinct in text order, then 0 (no real day is day 0 of the
// epoch in news). Bit i of *background is set when day i stands only in background mentions'
// sentences (an earlier event recalled).
std::array<int32_t, 4> NamedDays(const DocAnalysis& da, const std::optional<int64_t>& pub,
                                 uint8_t* background) {
  std::array<int32_t, 4> out{};
  *background = 0;
  size_t n = 0;
  for (const Timex& t : da.timexes) {
    if (t.relative || t.date_end.valid()) continue;
    const std::optional<int64_t> d = DayOf(t);
    if (!d || *d == 0 || (pub && *d > *pub + 1)) continue;
    bool in_background = false;
    for (const EventMention& m : da.mentions) {
      in_background = in_background ||
                      (m.background && t.span.begin >= m.span.begin && t.span.end <= m.span.end);
    }
    const int32_t day = static_cast<int32_t>(*d);
    const size_t i = std::find(out.begin(), out.begin() + n, day) - out.begin();
    if (i < n) {
      if (!in_background) *background &= static_cast<uint8_t>(~(1u << i));
      continue;
    }
    if (n == out.size()) continue;
    if (in_background) *background |= static_cast<uint8_t>(1u << n);
    out[n++] = day;
  }
  return out;
}

// Whether Lower(a) + sep + Lower(b) == want (MakeLoc's joined keys), without building it.
bool LowerJoinEquals(std::string_view a, char sep, std::string_view b, std::string_view want) {
  if (a.size() + 1 + b.size() != want.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != want[i]) return false;
  }
  if (want[a.size()] != sep) return false;
  for (size_t i = 0; i < b.size(); ++i) {
    if (LowerChar(b[i]) != want[a.size() + 1 + i]) return false;
  }
  return true;
}

// The keys of the fine places of e's province that `da` names, other than e's own and its
// folded places, distinct, in text order (Event::named_keys). An article names many places,
// mostly outside e's province or e's own again: those are passed over before a Loc is made.
std::vector<std::string> NamedKeys(const DocAnalysis& da, const LocalEvent& e) {
  std::vector<std::string> out;
  const Loc& own = *e.loc;
  if (!own.known || !Fine(own)) return out;
  for (const PlaceMention& pm : da.places) {
    // A county's stand-in town (the "St. Johns County" sheriff read as its seat) names no town.
    if (pm.via_county) continue;
    const Place& p = pm.place;
    // e's own gazetteer town again ("g|<id>" both): the most named place, and the cheapest test.
    if (p.level == GeoLevel::kPlace && own.place.level == GeoLevel::kPlace && p.gazetteer_id != 0 &&
        p.gazetteer_id == own.place.gazetteer_id) {
      continue;
    }
    if (LevelOf(p) > GeoLevel::kDistrict ||
        !LowerJoinEquals(p.country, '|', p.admin1, own.admin1_key)) {
      continue;
    }
    Loc l = MakeLoc(p);
    if (!l.known || l.key == own.key) continue;
    if (std::find(out.begin(), out.end(), l.key) != out.end() || FoldsPlace(e, l.key)) continue;
    out.push_back(std::move(l.key));
  }
  return out;
}

// Splits one article into events, its wave record and its recalls.
DocUnits BuildDocUnits(const DocAnalysis& da, int doc_index, const ResolveOptions& o,
                       const ResolveRules& rules) {
  DocUnits u;
  const std::optional<int64_t> pub = DayOf(da.published);
  const bool copy = !da.copy_of.empty();
  auto fix = [&](Claim c) {
    if (c.doc_id.empty()) c.doc_id = da.doc_id;
    if (!c.published.valid()) c.published = da.published;
    if (copy) c.independent = false;
    return c;
  };
  auto mention_day = [&](const EventMention& m) { return MentionDay(m, pub, o.date_window_days); };
  auto wave = [&]() -> Wave& {
    if (!u.wave) {
      u.wave.emplace();
      u.wave->doc = doc_index;
    }
    return *u.wave;
  };

  std::vector<const EventMention*> news;
  for (const EventMention& m : da.mentions) {
    if (m.background) {
      Recall r;
      r.doc = doc_index;
      r.loc = MentionLoc(m);
      r.day = DayOf(m.date);
      if (!r.day && m.date.precision == DatePrecision::kMonth && m.date.date.month > 0) {
        const int64_t first = DaysFromCivil(m.date.date.year, m.date.date.month, 1);
        const CivilDate next = m.date.date.month == 12
                                   ? CivilDate{m.date.date.year + 1, 1, 1}
                                   : CivilDate{m.date.date.year, m.date.date.month + 1, 1};
        r.month = std::make_pair(first, DaysFromCivil(next.year, next.month, 1) - 1);
      }
      if (!r.day && !r.month && m.date.precision == DatePrecision::kYear && m.date.date.year > 0) {
        r.year = std::make_pair(DaysFromCivil(m.date.date.year, 1, 1),
                                DaysFromCivil(m.date.date.year + 1, 1, 1) - 1);
      }
      r.until = pub;
      for (const Claim& c : m.claims) {
        if (c.field == Field::kKilled && c.qualifier != Qualifier::kVague &&
            c.qualifier != Qualifier::kUpTo) {
          r.killed = std::max(r.killed, c.value);
        }
      }
      if (r.loc->known) u.recalls.push_back(std::move(r));
      continue;
    }
    if (m.wave) {
      Wave& w = wave();
      w.explicit_wave = true;
      w.mentions.push_back(&m);
      if (!w.loc->known) w.loc = MentionLoc(m);
      if (!w.day) w.day = mention_day(m);
      for (const Claim& c : m.claims) {
        Claim f = fix(c);
        if (f.scope == Scope::kIncident) f.scope = Scope::kWave;
        w.claims.push_back(std::move(f));
      }
      continue;
    }
    news.push_back(&m);
  }

  // Local events: finest places first so coarser mentions find what they contain.
  std::vector<const EventMention*> placed, placeless;
  for (const EventMention* m : news) (m->places.empty() ? placeless : placed).push_back(m);
  std::vector<Loc> locs;
  std::stable_sort(placed.begin(), placed.end(), [](const EventMention* a, const EventMention* b) {
    const int la = static_cast<int>(MentionLoc(*a).place.level);
    const int lb = static_cast<int>(MentionLoc(*b).place.level);
    return std::tie(la, a->span.begin) < std::tie(lb, b->span.begin);
  });
  struct Local {
    LocalEvent e;
    std::vector<std::optional<int64_t>> days;
  };
  std::vector<Local> locals;
  auto fits_dates = [&](const Local& l, const std::optional<int64_t>& d) {
    for (const auto& x : l.days) {
      if (!DatesFit(x, d, o.date_window_days)) return false;
    }
    return true;
  };
  for (const EventMention* m : placed) {
    Loc loc = MentionLoc(*m);
    std::optional<int64_t> d = mention_day(*m);
    int best = -1;
    double best_score = 0;
    std::vector<int> coarse;
    for (size_t i = 0; i < locals.size(); ++i) {
      if (!fits_dates(locals[i], d)) continue;
      PlaceMatch pm = MatchPlaces(locals[i].e.loc, loc, o);
      if (pm == PlaceMatch::kNone) continue;
      if (Coarse(pm)) {
        coarse.push_back(static_cast<int>(i));
      } else if (PlaceScore(pm) > best_score) {
        best_score = PlaceScore(pm);
        best = static_cast<int>(i);
      }
    }
    if (best < 0 && coarse.size() == 1) best = coarse.front();
    if (best < 0) {
      locals.emplace_back();
      locals.back().e.doc = doc_index;
      locals.back().e.loc = loc;
      locals.back().e.pub = pub;
      best = static_cast<int>(locals.size()) - 1;
    }
    locals[best].e.mentions.push_back(m);
    locals[best].days.push_back(d);
  }
  // Mentions without a place join the article's main event (its first), if their date fits.
  if (locals.empty() && !placeless.empty()) {
    Loc loc = DocLoc(da);
    if (loc.known) {
      locals.emplace_back();
      locals.back().e.doc = doc_index;
      locals.back().e.loc = loc;
      locals.back().e.pub = pub;
      locals.back().e.notes.push_back("no mention names a place: the article's main place " +
                                      loc.place.name);
    }
  }
  if (!locals.empty()) {
    std::vector<size_t> order(locals.size());
    std::iota(order.begin(), order.end(), 0);
    auto first_begin = [&](size_t i) {
      uint32_t b = UINT32_MAX;
      for (const EventMention* m : locals[i].e.mentions) b = std::min(b, m->span.begin);
      return b;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return first_begin(a) < first_begin(b); });
    for (const EventMention* m : placeless) {
      std::optional<int64_t> d = mention_day(*m);
      bool placed_it = false;
      for (size_t i : order) {
        if (!fits_dates(locals[i], d)) continue;
        locals[i].e.mentions.push_back(m);
        locals[i].days.push_back(d);
        placed_it = true;
        break;
      }
      if (!placed_it) {
        u.dropped.push_back({da.doc_id, "dropped mention",
                             "no place and its date fits none of the article's events", 0});
      }
    }
  } else if (!placeless.empty()) {
    u.dropped.push_back({da.doc_id, "dropped mention", "no place in the whole article", 0});
    u.placeless_people = PeopleOf(da);
    for (const EventMention* m : placeless) {
      if (!u.placeless_day) u.placeless_day = mention_day(*m);
    }
  }

  // Figures that belong to no place incident of their sentence (see ClaimContext): the forces'
  // operations, region-wide counts, and earlier events recalled relative to this one.
  std::vector<Claim> operations;
  std::map<int, std::vector<std::pair<Claim, std::optional<int64_t>>>> earlier;  // days before
  const bool wave_article = u.wave && u.wave->explicit_wave;
  // Sentences whose militants killed are the forces' operations: the security forces killed in
  // the same sentence ("N soldiers and M militants were killed in the fighting") fell in that
  // fight too, so the operations incident carries both sides.
  std::set<std::pair<size_t, size_t>> operation_sentences;
  if (o.separate_context_incidents) {
    auto mark = [&](const Claim& c, const EventMention& m) {
      // Only militants killed go to the operations (ClaimContext): the others need no reading.
      if (c.field != Field::kKilled || c.category != Category::kMilitants) return;
      if (ClaimContext(c, m, true, wave_article, rules).to == ContextRoute::kOperations) {
        operation_sentences.insert({c.span.begin, c.span.end});
      }
    };
    if (u.wave) {
      for (const Claim& c : u.wave->claims) {
        for (const EventMention* m : u.wave->mentions) mark(c, *m);
      }
    }
    for (const Local& l : locals) {
      for (const EventMention* m : l.e.mentions) {
        for (const Claim& c : m->claims) mark(c, *m);
      }
    }
  }
  auto route = [&](const Claim& f, const EventMention& m, bool placed) {
    ContextRoute r = ClaimContext(f, m, placed, wave_article, rules);
    if (r.to != ContextRoute::kEarlier && f.field == Field::kKilled &&
        f.category == Category::kSecurityForces &&
        operation_sentences.count({f.span.begin, f.span.end}) > 0) {
      r.to = ContextRoute::kOperations;
    }
    switch (r.to) {
      case ContextRoute::kStay:
        return false;
      case ContextRoute::kOperations:
        if (o.separate_context_incidents) {
          u.dropped.push_back({da.doc_id, "figure to operations",
                               std::string(FieldName(f.field)) + " " + DescribeClaimFigure(f) +
                                   ": killed in the fighting with the security forces, the "
                                   "forces' operations, a separate incident",
                               0});
          operations.push_back(f);
        } else {
          u.dropped.push_back({da.doc_id, "figure to wave",
                               std::string(FieldName(f.field)) + " " + DescribeClaimFigure(f) +
                                   ": militants killed by the security forces, the forces' "
                                   "operations, counted for the wave, not one attack",
                               0});
          Claim w = f;
          w.scope = Scope::kWave;
          wave().claims.push_back(std::move(w));
        }
        return true;
      case ContextRoute::kWave: {
        u.dropped.push_back({da.doc_id, "figure to wave",
                             std::string(FieldName(f.field)) + " " + DescribeClaimFigure(f) +
                                 ": a region-wide count or militants named at no place of this "
                                 "event, so the wave's, not one attack's",
                             0});
        Claim w = f;
        w.scope = Scope::kWave;
        wave().claims.push_back(std::move(w));
        return true;
      }
      case ContextRoute::kEarlier:
        if (o.separate_context_incidents) {
          u.dropped.push_back({da.doc_id, "figure to earlier incident",
                               std::string(FieldName(f.field)) + " " + DescribeClaimFigure(f) +
                                   ": an earlier event recalled " + std::to_string(r.days) +
                                   " day(s) before the article's, a separate incident",
                               0});
          earlier[r.days].emplace_back(f, mention_day(m));
        } else {
          u.dropped.push_back({da.doc_id, "dropped claim",
                               std::string(FieldName(f.field)) + " " + DescribeClaimFigure(f) +
                                   ": an earlier event recalled " + std::to_string(r.days) +
                                   " day(s) before the article's, not part of its total",
                               0});
        }
        return true;
    }
    return false;
  };
  if (u.wave) {
    // route() may append to the wave's claims: read them from a moved-out copy.
    std::vector<Claim> wave_claims = std::move(u.wave->claims);
    u.wave->claims.clear();
    for (Claim& c : wave_claims) {
      const EventMention* from = nullptr;
      for (const EventMention* m : u.wave->mentions) {
        if (c.span.begin >= m->span.begin || from == nullptr) from = m;
      }
      if (from == nullptr || !route(c, *from, true)) u.wave->claims.push_back(std::move(c));
    }
  }

  // Claims: incident-scoped ones stay with their event, wave/part ones go to the wave record.
  for (Local& l : locals) {
    for (const EventMention* m : l.e.mentions) {
      for (const Claim& c : m->claims) {
        Claim f = fix(c);
        if (route(f, *m, true)) continue;
        if (f.scope == Scope::kWave || (f.scope == Scope::kPart && locals.size() > 1)) {
          wave().claims.push_back(std::move(f));
        } else {
          l.e.claims.push_back(std::move(f));
        }
      }
    }
  }
  // An article that reports no wave tells one story: its secondary events are usually the same
  // attack seen from another place (a hospital city, a train's destination, a mis-resolved
  // name). They fold into the main event unless they carry their own figures in the same country
  // but another province; abroad or dated elsewhere, they are dropped.
  if (o.one_story_per_article && locals.size() > 1 && !(u.wave && u.wave->explicit_wave)) {
    size_t main = 0;
    auto weight = [&](const Local& l) {
      int claims = 0;
      for (const Claim& c : l.e.claims) {
        claims += c.field == Field::kKilled || c.field == Field::kInjured;
      }
      return 2 * claims + static_cast<int>(l.e.mentions.size());
    };
    auto first = [](const Local& l) {
      uint32_t b = UINT32_MAX;
      for (const EventMention* m : l.e.mentions) b = std::min(b, m->span.begin);
      return b;
    };
    // A town bearing its province's name ("attack in Mopti") beside a finer place of that
    // province that reports figures ("in Djenne, in Mali's Mopti region") most likely names the
    // province: the finer place is the main event.
    auto yields_to = [&](const Local& a, const Local& b) {
      const Loc& la = a.e.loc;
      const Loc& lb = b.e.loc;
      const bool b_has_figures = weight(b) >= 2 + static_cast<int>(b.e.mentions.size());
      return la.known && lb.known && Fine(la) && Fine(lb) && la.key != lb.key &&
             la.admin1_key == lb.admin1_key && b_has_figures && NamesItsProvince(la.place) &&
             !NamesItsProvince(lb.place);
    };
    for (size_t i = 1; i < locals.size(); ++i) {
      const int wi = weight(locals[i]), wm = weight(locals[main]);
      if (yields_to(locals[main], locals[i])) {
        main = i;
      } else if (!yields_to(locals[i], locals[main]) &&
                 (wi > wm || (wi == wm && first(locals[i]) < first(locals[main])))) {
        main = i;
      }
    }
    // A figure the extractor gave two towns together ("attacks on A and B killed 12") is
    // wave-scoped inside a news mention: the article tells of separate attacks, so a town with
    // figures of its own stays apart even within the main event's province.
    bool joint = false;
    for (const Local& l : locals) {
      for (const EventMention* em : l.e.mentions) {
        for (const Claim& c : em->claims) joint |= !em->wave && c.scope == Scope::kWave;
      }
    }
    std::vector<Local> kept;
    Local& m = locals[main];
    std::string folded, dropped;
    for (size_t i = 0; i < locals.size(); ++i) {
      if (i == main) continue;
      Local& l = locals[i];
      const bool same_country = l.e.loc->country_key == m.e.loc->country_key;
      // Figures that only repeat the main event's (same field, category and number) are the
      // main event retold from another place, not evidence of a second attack.
      bool own_figures = false;
      for (const Claim& c : l.e.claims) {
        bool repeated = false;
        for (const Claim& mc : m.e.claims) {
          repeated =
              repeated || (mc.field == c.field && mc.category == c.category && mc.value == c.value);
        }
        own_figures = own_figures || !repeated;
      }
      const bool same_a1 = l.e.loc->admin1_key == m.e.loc->admin1_key;
      // A toll update ("the toll reached 60 on Sunday") is dated when the count was reported,
      // not when the attack happened: only the other mentions' dates must fit the main event's.
      std::vector<uint8_t> update_only(l.e.mentions.size(), false);
      for (size_t k = 0; same_country && k < l.e.mentions.size(); ++k) {
        update_only[k] = TollUpdateOnly(*l.e.mentions[k], rules);
      }
      bool dates_fit = true;
      for (size_t k = 0; k < l.days.size(); ++k) {
        dates_fit =
            dates_fit && ((k < update_only.size() && update_only[k]) || fits_dates(m, l.days[k]));
      }
      if (same_country && own_figures && (!same_a1 || joint)) {
        kept.push_back(std::move(l));
      } else if (dates_fit) {
        folded += (folded.empty() ? "" : ", ") + PlaceDesc(l.e.loc);
        m.e.mentions.insert(m.e.mentions.end(), l.e.mentions.begin(), l.e.mentions.end());
        if (l.e.loc->known && Fine(l.e.loc) && l.e.loc->key != m.e.loc->key) {
          m.e.folded_locs.push_back(l.e.loc);
        }
        for (size_t k = 0; k < l.days.size(); ++k) {
          m.days.push_back(k < update_only.size() && update_only[k] ? std::nullopt : l.days[k]);
        }
        for (Claim& c : l.e.claims) m.e.claims.push_back(std::move(c));
      } else {
        dropped += (dropped.empty() ? "" : ", ") + PlaceDesc(l.e.loc);
      }
    }
    if (!folded.empty()) {
      m.e.notes.push_back("no wave reported: secondary places folded into the main event (" +
                          folded + ")");
    }
    if (!dropped.empty()) {
      u.dropped.push_back(
          {da.doc_id, "dropped mention",
           "no wave reported; secondary events dated apart from the main one: " + dropped, 0});
    }
    kept.insert(kept.begin(), std::move(m));
    locals = std::move(kept);
  }

  // A wave article's events abroad are misread names (a wave is national by nature): their
  // figures count towards the wave as parts, their places are dropped.
  if (o.one_story_per_article && locals.size() > 1 && u.wave && u.wave->explicit_wave) {
    std::map<std::string, int> votes;
    for (const Local& l : locals)
      votes[l.e.loc->country_key] += static_cast<int>(l.e.mentions.size());
    if (u.wave->loc->known) votes[u.wave->loc->country_key] += 1000;  // the wave says where it is
    std::string country;
    int n = 0;
    for (const auto& [c, v] : votes) {
      if (v > n) {
        n = v;
        country = c;
      }
    }
    std::vector<Local> kept;
    std::string dropped;
    for (Local& l : locals) {
      if (l.e.loc->country_key == country) {
        kept.push_back(std::move(l));
        continue;
      }
      dropped += (dropped.empty() ? "" : ", ") + PlaceDesc(l.e.loc);
      for (Claim& c : l.e.claims) {
        c.scope = Scope::kPart;
        wave().claims.push_back(std::move(c));
      }
    }
    if (!dropped.empty()) {
      u.dropped.push_back({da.doc_id, "dropped mention",
                           "wave article: places outside its country (" + dropped +
                               "); their figures count as parts of the wave",
                           0});
    }
    locals = std::move(kept);
  }
  // In a wave article, an event placed only at province or country level is the wave itself.
  if (u.wave && u.wave->explicit_wave) {
    Wave& w = *u.wave;
    std::vector<Local> kept;
    for (Local& l : locals) {
      const bool coarse = !Fine(l.e.loc);
      const bool region_ok = !w.loc->known || Fine(w.loc) ||
                             w.loc->place.level == GeoLevel::kCountry ||
                             l.e.loc->admin1_key == w.loc->admin1_key;
      if (!coarse || !region_ok || locals.size() == 1) {
        kept.push_back(std::move(l));
        continue;
      }
      if (!w.loc->known || Fine(w.loc)) w.loc = l.e.loc;  // a dateline city is not the wave's place
      w.mentions.insert(w.mentions.end(), l.e.mentions.begin(), l.e.mentions.end());
      for (Claim& c : l.e.claims) {
        if (c.scope == Scope::kIncident) c.scope = Scope::kWave;
        w.claims.push_back(std::move(c));
      }
    }
    locals = std::move(kept);
  }

  // Claims the extractor attached to no mention.
  std::set<std::tuple<uint32_t, uint32_t, int>> attached;
  for (const EventMention& m : da.mentions) {
    for (const Claim& c : m.claims) {
      attached.emplace(c.span.begin, c.figure_span.begin, static_cast<int>(c.field));
    }
  }
  for (const Claim& c : da.claims) {
    if (attached.count({c.span.begin, c.figure_span.begin, static_cast<int>(c.field)})) continue;
    if (c.scope != Scope::kIncident && (locals.size() != 1 || u.wave)) {
      wave().claims.push_back(fix(c));
    } else if (locals.size() == 1) {
      locals.front().e.claims.push_back(fix(c));
    } else {
      u.dropped.push_back({da.doc_id, "dropped claim",
                           std::string(FieldName(c.field)) + " " + DescribeClaimFigure(c) +
                               ": attached to no mention and the article reports " +
                               std::to_string(locals.size()) + " events",
                           0});
    }
  }
  if (locals.size() == 1 && !u.wave) locals.front().e.named_keys = NamedKeys(da, locals.front().e);
  for (Local& l : locals) {
    FinishEvent(&l.e, l.days);
    for (const EventMention* m : l.e.mentions) l.e.methods |= rules.MethodOf(m->sub_event_type);
    l.e.copy = copy;
    l.e.county_stand_in = NamedOnlyByCounty(da, l.e.loc->place);
    l.e.namesake = NamesakeKey(l.e.loc->place, l.e.county_stand_in);
    l.e.unanchored = l.e.namesake != 0 && ProvinceUnanchored(da, l.e.loc->place, l.e.namesake);
    l.e.cues = ReadFigureCues(l.e.claims, rules);
    ExactTolls(l.e.claims, l.e.cues, &l.e.exact_lo, &l.e.exact_hi);
    if (l.e.mentions.size() > 1) {
      l.e.notes.push_back(std::to_string(l.e.mentions.size()) +
                          " mentions merged within the article");
    }
    u.events.push_back(std::move(l.e));
  }
  if (!operations.empty() || !earlier.empty()) {
    // Their region: the wave's province, else the province of the article's first event.
    Place p;
    // A wave placed at a city is usually the dateline, so the article's events vote first.
    const Loc* from = nullptr;
    if (u.wave && u.wave->loc->known && !Fine(u.wave->loc)) from = &*u.wave->loc;
    if (from == nullptr) {
      std::map<std::string, std::pair<int, const Loc*>> votes;
      for (const LocalEvent& e : u.events) {
        if (!e.loc->known) continue;
        auto& v = votes[e.loc->admin1_key];
        if (v.first++ == 0) v.second = &*e.loc;
      }
      int n = 0;
      for (const auto& [k, v] : votes) {
        if (v.first > n) {
          n = v.first;
          from = v.second;
        }
      }
    }
    if (from == nullptr && u.wave && u.wave->loc->known) from = &*u.wave->loc;
    if (from == nullptr) {
      Loc d = DocLoc(da);
      if (d.known) p = d.place;
    } else {
      p = from->place;
    }
    Place region;
    region.country = p.country;
    region.admin1 = p.admin1;
    region.name = p.admin1.empty() ? p.country : p.admin1;
    region.level = p.admin1.empty() ? GeoLevel::kCountry : GeoLevel::kProvince;
    std::optional<int64_t> base = u.wave ? u.wave->day : std::nullopt;
    for (const LocalEvent& e : u.events) {
      if (!base && e.day) base = e.day;
    }
    if (!base) base = pub;
    auto add = [&](std::vector<Claim> claims, std::string_view kind,  // a literal
                   std::optional<int64_t> day, const std::string& note) {
      if (p.country.empty()) {
        u.dropped.push_back({da.doc_id, "dropped claim", note + ": the article names no place", 0});
        return;
      }
      LocalEvent e;
      e.doc = doc_index;
      e.loc = MakeLoc(region);
      e.pub = pub;
      e.kind = kind;
      e.claims = std::move(claims);
      e.day = day;
      e.type = "Battles";
      e.first_begin = e.claims.front().span.begin;
      e.killed_max = KilledMax(e.claims);
      e.notes.push_back(note);
      u.events.push_back(std::move(e));
    };
    if (!operations.empty()) {
      add(std::move(operations), "operations", base,
          "militants killed by the security forces: the forces' operations, a separate incident");
    }
    for (auto& [days, list] : earlier) {
      std::optional<int64_t> d = list.front().second ? list.front().second : base;
      if (d) *d -= days;
      std::vector<Claim> claims;
      for (auto& pr : list) claims.push_back(std::move(pr.first));
      add(std::move(claims), "earlier", d,
          "an earlier event recalled " + std::to_string(days) +
              " day(s) before the article's: a separate incident, not part of its total");
    }
  }
  if (u.wave) {
    Wave& w = *u.wave;
    if (!w.day) {
      std::map<int64_t, int> days;
      for (const LocalEvent& e : u.events) {
        if (e.day) ++days[*e.day];
      }
      int n = 0;
      for (const auto& [d, c] : days) {
        if (c > n) {
          n = c;
          w.day = d;
        }
      }
    }
    if (!w.loc->known) {
      // The wave's region: the province all its events share, if they share one.
      std::set<std::string> a1;
      const LocalEvent* any = nullptr;
      for (const LocalEvent& e : u.events) {
        if (!e.loc->known) continue;
        a1.insert(e.loc->admin1_key);
        any = &e;
      }
      if (a1.size() > 1) {
        bool cued = w.explicit_wave;
        for (const Claim& c : w.claims) cued = cued || c.scope == Scope::kWave;
        std::set<std::string> countries;
        std::optional<int64_t> lo, hi;
        bool dated = true;
        for (const LocalEvent& e : u.events) {
          if (!e.loc->known || !e.kind.empty()) continue;
          countries.insert(e.loc->country_key);
          if (!e.day) {
            dated = false;
          } else {
            lo = lo ? std::min(*lo, *e.day) : *e.day;
            hi = hi ? std::max(*hi, *e.day) : *e.day;
          }
        }
        w.cross_province = cued && countries.size() == 1 && dated && lo && *hi - *lo <= 1;
        // Several provinces: the wave is where most of the article's events are.
        std::map<std::string, int> votes;
        for (const LocalEvent& e : u.events) {
          if (e.loc->known) ++votes[e.loc->admin1_key];
        }
        int n = 0;
        for (const auto& [k, c] : votes) {
          if (c > n) {
            n = c;
            for (const LocalEvent& e : u.events) {
              if (e.loc->known && e.loc->admin1_key == k) any = &e;
            }
          }
        }
      }
      if (any != nullptr) {
        Place p;
        p.country = any->loc->place.country;
        p.admin1 = any->loc->place.admin1;
        p.name = p.admin1;
        p.level = p.admin1.empty() ? GeoLevel::kCountry : GeoLevel::kProvince;
        w.loc = MakeLoc(p);
      } else if (u.events.empty()) {
        w.loc = DocLoc(da);
      }
    }
  }
  // Without a publication date, the article's own latest day bounds what it can recall.
  if (!pub) {
    std::optional<int64_t> latest;
    for (const LocalEvent& e : u.events) {
      if (e.day && (!latest || *e.day > *latest)) latest = e.day;
    }
    for (Recall& r : u.recalls) r.until = latest;
  }
  const std::array<uint64_t, 3> people = PeopleOf(da);
  uint8_t named_in_background = 0;
  const std::array<int32_t, 4> named_days = NamedDays(da, pub, &named_in_background);
  for (LocalEvent& e : u.events) {
    e.people = people;
    e.named_days = named_days;
    e.named_in_background = named_in_background;
  }
  return u;
}

// ---------------------------------------------------------------------------------------------
// Clustering across articles.

// FinishStream's events in content order: pointers to the events where the batch keeps them.
class EventTable {
 public:
  Event& operator[](size_t i) const { return *p_[i]; }
  size_t size() const { return p_.size(); }
  void push_back(Event* e) { p_.push_back(e); }
  void Clear() { std::vector<Event*>().swap(p_); }

 private:
  std::vector<Event*> p_;
};

// What scoring reads of a cluster's events beyond its places and days (their articles, types,
// groups, publication days, folded places) is read from the events themselves: a cluster holds
// one or a few events, and a copy of each fact per cluster was most of clustering's memory.
struct Cluster {
  std::vector<int> events;
  std::vector<LocRef> locs;   // distinct
  std::vector<int64_t> days;  // distinct, in the order first seen
  double killed_max = -1;
  uint16_t methods = 0;  // union of its events' methods
  // Exact tolls of its events (Event::exact_lo/hi) and the publication days of the events that
  // state them; exact_undated when one of those has no publication day.
  double exact_lo = -1, exact_hi = -1;
  int64_t exact_pub_min = INT64_MAX, exact_pub_max = INT64_MIN;
  bool exact_undated = false;
  int attested = 0;       // the most Event::attested of its events
  std::string_view kind;  // Event::kind of its events
};

// A blocking key: the 64-bit hash of (tag, key string, numbers) and the day it is bucketed by
// (kNoDay for a whole-history key). The day is part of the key's identity already (it is mixed
// into the hash); the index also uses it to place the key (see Index).
constexpr int64_t kNoDay = INT64_MIN;
struct BlockKey {
  uint64_t hash;
  int64_t day = kNoDay;
};

// Blocking index: keys -> clusters. A hash collision only adds a candidate, which scoring then
// rejects, so it cannot change a decision. Flat: per table, one open-addressing array of (key,
// first, last) slots and one array of (cluster, next) entries chaining each key's clusters in
// insertion order — no node or vector per key (a cluster registers ~15 keys, most of them its
// own, so per-key containers were most of clustering's memory).
//
// One table per day plus one for whole-history keys: clustering visits events in day order and
// a lookup reads only the days around its own, so the slots and chains it touches are those of
// a few small tables that stay in cache. In one table for all days each of a report's ~20 key
// reads was a cache miss in an array growing with the corpus (the cost per report grew with it).
class Index {
 public:
  void Add(BlockKey key, int cluster) { TableFor(key.day)->Add(key.hash, cluster); }
  void Collect(BlockKey key, std::vector<int>* out) const {
    if (const Table* t = Find(key.day)) t->Collect(key.hash, out);
  }
  // Frees the storage (the index is not used after).
  void Clear() {
    whole_ = Table();
    std::unordered_map<int64_t, Table>().swap(days_);
    last_day_ = kNoDay;
    last_ = nullptr;
  }

 private:
  class Table {
   public:
    void Add(uint64_t key, int cluster) {
      if ((used_ + 1) * 4 > slots_.size() * 3) Grow();  // load factor <= 0.75
      Slot& s = slots_[Probe(key)];
      if (s.first < 0) {
        s.key = key;
        s.first = s.last = Push(cluster);
        ++used_;
      } else if (entries_[s.last].cluster != cluster) {
        const int32_t e = Push(cluster);
        entries_[s.last].next = e;
        s.last = e;
      }
    }
    void Collect(uint64_t key, std::vector<int>* out) const {
      if (slots_.empty()) return;
      for (int32_t e = slots_[Probe(key)].first; e >= 0; e = entries_[e].next) {
        if (out->size() >= kMaxCandidates) return;
        out->push_back(entries_[e].cluster);
      }
    }

   private:
    struct Slot {
      uint64_t key = 0;
      int32_t first = -1;  // -1: empty slot
      int32_t last = -1;
    };
    struct Entry {
      int32_t cluster;
      int32_t next;  // -1 at the end of a key's chain
    };

    // The slot holding `key`, or the empty slot where it goes (linear probing).
    size_t Probe(uint64_t key) const {
      const size_t mask = slots_.size() - 1;
      uint64_t h = key ^ (key >> 29);  // the keys are FNV products: mix the high bits down
      h *= 0xbf58476d1ce4e5b9ull;
      h ^= h >> 32;
      for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (slots_[i].first < 0 || slots_[i].key == key) return i;
      }
    }
    int32_t Push(int cluster) {
      entries_.push_back({cluster, -1});
      return static_cast<int32_t>(entries_.size() - 1);
    }
    void Grow() {
      std::vector<Slot> old;
      old.swap(slots_);
      // Small to start: most days of a long corpus hold a few keys.
      slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
      for (const Slot& s : old) {
        if (s.first >= 0) slots_[Probe(s.key)] = s;
      }
    }

    std::vector<Slot> slots_;  // size 0 or a power of two
    std::vector<Entry> entries_;
    size_t used_ = 0;
  };

  Table* TableFor(int64_t day) {
    if (day == kNoDay) return &whole_;
    if (day != last_day_ || last_ == nullptr) {
      last_ = &days_[day];  // node-based: the pointer stays valid as days are added
      last_day_ = day;
    }
    return last_;
  }
  const Table* Find(int64_t day) const {
    if (day == kNoDay) return &whole_;
    if (day == last_day_ && last_ != nullptr) return last_;
    auto it = days_.find(day);
    if (it == days_.end()) return nullptr;
    last_day_ = day;
    last_ = const_cast<Table*>(&it->second);
    return last_;
  }

  Table whole_;
  std::unordered_map<int64_t, Table> days_;
  // The table of the day last read or written: a report's lookups read a few days in turn.
  mutable int64_t last_day_ = kNoDay;
  mutable Table* last_ = nullptr;
};

// One multiply-xorshift round per number (a bijection of v for a given h): keys only need to
// differ, and FNV's eight byte rounds per number were most of the cost of making them.
uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v;
  h *= 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

// A blocking key is (tag, key string, n, m) hashed: Mix(Mix(Mix(KeyHash(tag), KeyHash(key)), n),
// m). KeyPrefix() is its first two parts, computed once per lookup from the Loc's cached string
// hashes; Key() and the loops over days only mix the numbers in.
uint64_t KeyPrefix(std::string_view tag, uint64_t key_hash) { return Mix(KeyHash(tag), key_hash); }

uint64_t Key(uint64_t prefix, int64_t n = 0, int64_t m = 0) {
  return Mix(Mix(prefix, static_cast<uint64_t>(n)), static_cast<uint64_t>(m));
}

// A whole-history key: (tag, key) over all time, or with a number that is not a day.
BlockKey WholeKey(uint64_t prefix, int64_t n = 0) { return {Key(prefix, n), kNoDay}; }

BlockKey DayKey(std::string_view tag, uint64_t key_hash, int64_t day) {
  return {Key(KeyPrefix(tag, key_hash), day), day};
}

// The grid cell of a point: (column, row) of kGridDegrees.
std::pair<int64_t, int64_t> CellOf(double lat, double lon) {
  return {static_cast<int64_t>(std::floor(lon / kGridDegrees)),
          static_cast<int64_t>(std::floor(lat / kGridDegrees))};
}

// The key of cell (x, y) on `day`; a point's cells are worked out once (CellOf) for all the
// days and neighbours a registration or lookup reads.
BlockKey CellKey(int64_t x, int64_t y, int64_t day) {
  static const uint64_t prefix = KeyPrefix("g", kKeyBasis);
  return {Key(prefix, day, x * 100003 + y), day};
}

// Keys are of two kinds. Whole-history keys (a place, district, province or country over all
// time) are read only by lookups no date bounds: an undated report without a publication date,
// a recalled month. Every other lookup reads time-bucketed keys, (tag, key, kind, t): kind 1 a
// dated event on day t, 2 an undated one published on day t, 3 an undated one without a
// publication date. A busy place's incidents over a year are thus never read by a report from
// one week: the candidates of a lookup are those its dates can fit, so their number depends on
// how dense the news is, not on how long the corpus runs.
enum TimeKind : int64_t { kDatedKey = 1, kPublishedKey = 2, kTimelessKey = 3 };

void AddTimed(uint64_t prefix, const Event& e, int cluster, Index* idx) {
  if (e.day) {
    idx->Add({Key(prefix, kDatedKey, *e.day), *e.day}, cluster);
  } else if (e.pub) {
    idx->Add({Key(prefix, kPublishedKey, *e.pub), *e.pub}, cluster);
  } else {
    idx->Add(WholeKey(prefix, kTimelessKey), cluster);
  }
}

// Clusters under (tag, key) whose dates can fit something on `day` or, undated, published on
// `pub` (one of them set): ScorePair's date rules read backwards. A dated cluster fits a day
// within the window and an undated report published 1 day before to undated_publish_gap_days
// after it; an undated cluster fits when one of its reports was published within that gap (or
// none has a publication date).
void CollectTimed(uint64_t prefix, const std::optional<int64_t>& day,
                  const std::optional<int64_t>& pub, const ResolveOptions& o, const Index& idx,
                  std::vector<int>* out) {
  const int64_t gap = o.undated_publish_gap_days;
  // Key(prefix, kind, t) = Mix(Mix(prefix, kind), t): the kind is mixed in once per call.
  const uint64_t dated = Mix(prefix, kDatedKey);
  const uint64_t published = Mix(prefix, kPublishedKey);
  if (day) {
    for (int64_t d = *day - o.date_window_days; d <= *day + o.date_window_days; ++d) {
      idx.Collect({Mix(dated, static_cast<uint64_t>(d)), d}, out);
    }
    for (int64_t p = *day - 1; p <= *day + gap; ++p) {
      idx.Collect({Mix(published, static_cast<uint64_t>(p)), p}, out);
    }
  } else {
    for (int64_t d = *pub - gap; d <= *pub + 1; ++d) {
      idx.Collect({Mix(dated, static_cast<uint64_t>(d)), d}, out);
    }
    for (int64_t p = *pub - gap; p <= *pub + gap; ++p) {
      idx.Collect({Mix(published, static_cast<uint64_t>(p)), p}, out);
    }
  }
  idx.Collect(WholeKey(prefix, kTimelessKey), out);
}

void IndexEvent(const Event& e, int cluster, Index* idx) {
  const uint64_t country = e.loc->country_hash;
  const uint64_t place = KeyPrefix("p", e.loc->key_hash);
  idx->Add(WholeKey(place), cluster);
  AddTimed(place, e, cluster, idx);
  for (const Loc& f : e.folded_locs) {
    const uint64_t folded = KeyPrefix("p", f.key_hash);
    idx->Add(WholeKey(folded), cluster);
    AddTimed(folded, e, cluster, idx);
  }
  if (!e.loc->admin2_key.empty()) {
    const uint64_t admin2 = KeyPrefix("a2", e.loc->admin2_hash);
    idx->Add(WholeKey(admin2), cluster);
    AddTimed(admin2, e, cluster, idx);
  }
  if (e.namesake != 0) AddTimed(KeyPrefix("ns", e.namesake), e, cluster, idx);
  idx->Add(WholeKey(KeyPrefix("a1all", e.loc->admin1_hash)), cluster);
  idx->Add(WholeKey(KeyPrefix("call", country)), cluster);
  AddTimed(KeyPrefix("a1", e.loc->admin1_hash), e, cluster, idx);
  AddTimed(KeyPrefix("c", country), e, cluster, idx);
  if (e.day) {
    idx->Add(DayKey("d", e.loc->admin1_hash, *e.day), cluster);
    idx->Add(DayKey("c", country, *e.day), cluster);
    idx->Add(DayKey("day", kKeyBasis, *e.day), cluster);
    if (e.loc->place.has_coords && Fine(e.loc)) {
      // Registered in the neighbouring cells too, so a lookup reads one cell per day.
      const auto [x, y] = CellOf(e.loc->place.lat, e.loc->place.lon);
      for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) idx->Add(CellKey(x + dx, y + dy, *e.day), cluster);
      }
    }
  }
}

// Candidate clusters for something at `loc` on `day`; undated, published on `pub`. With neither,
// every cluster of the place (district, province, country) ever indexed, up to kMaxCandidates.
std::vector<int> Candidates(const Loc& loc, const std::optional<int64_t>& day,
                            const std::optional<int64_t>& pub, const ResolveOptions& o,
                            const Index& idx) {
  std::vector<int> out;
  const uint64_t country = loc.country_hash;
  const bool country_level = loc.place.level == GeoLevel::kCountry;
  if (day) {
    // Dated: the province's (country's) clusters on the days that fit, and the fine grid cells.
    CollectTimed(country_level ? KeyPrefix("c", country) : KeyPrefix("a1", loc.admin1_hash), day,
                 std::nullopt, o, idx, &out);
    if (loc.place.has_coords && Fine(loc)) {
      const auto [x, y] = CellOf(loc.place.lat, loc.place.lon);
      for (int64_t d = *day - o.date_window_days; d <= *day + o.date_window_days; ++d) {
        idx.Collect(CellKey(x, y, d), &out);
      }
    }
  } else if (pub) {
    CollectTimed(KeyPrefix("p", loc.key_hash), day, pub, o, idx, &out);
    if (!loc.admin2_key.empty()) {
      CollectTimed(KeyPrefix("a2", loc.admin2_hash), day, pub, o, idx, &out);
    }
    if (loc.place.level == GeoLevel::kProvince) {
      CollectTimed(KeyPrefix("a1", loc.admin1_hash), day, pub, o, idx, &out);
    }
    if (country_level) CollectTimed(KeyPrefix("c", country), day, pub, o, idx, &out);
  } else {
    idx.Collect(WholeKey(KeyPrefix("p", loc.key_hash)), &out);
    if (!loc.admin2_key.empty()) idx.Collect(WholeKey(KeyPrefix("a2", loc.admin2_hash)), &out);
    if (loc.place.level == GeoLevel::kProvince) {
      idx.Collect(WholeKey(KeyPrefix("a1all", loc.admin1_hash)), &out);
    }
    if (country_level) idx.Collect(WholeKey(KeyPrefix("call", country)), &out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A pair's score and its parts. The parts are formatted (Detail) only for the pair that
// attaches: most pairs scored are rejected, and formatting each was a third of scoring.
struct PairScore {
  bool ok = false;
  PlaceMatch place = PlaceMatch::kNone;
  double total = 0;
  int64_t date_gap = -1;  // days; -1 when a date is unknown
  double type = 0, actors = 0, figures = 0;
};

void AppendDetail(const PairScore& s, std::string* out) {
  // Written in a buffer, appended once: this runs for every report that joins an incident.
  char buf[256];
  size_t n = 0;
  auto put = [&](std::string_view v) {
    std::memcpy(buf + n, v.data(), v.size());
    n += v.size();
  };
  put("place=");
  put(PlaceMatchName(s.place));
  put(" date_gap=");
  if (s.date_gap < 0) {
    put("unknown");
  } else {
    n = static_cast<size_t>(std::to_chars(buf + n, buf + n + 24, s.date_gap).ptr - buf);
  }
  put(" type=");
  n += FmtTo(s.type, buf + n);
  put(" actors=");
  n += FmtTo(s.actors, buf + n);
  put(" figures=");
  n += FmtTo(s.figures, buf + n);
  put(" score=");
  n += FmtTo(s.total, buf + n);
  out->append(buf, n);
}

// Dates: an unknown event date is compatible with a known one only when the article's
// publication could follow it (same day up to undated_publish_gap_days later).
bool UndatedFits(const std::optional<int64_t>& pub, const std::vector<int64_t>& days, int pub_gap) {
  if (!pub || days.empty()) return true;
  for (int64_t d : days) {
    if (*pub >= d - 1 && *pub - d <= pub_gap) return true;
  }
  return false;
}

// Tolls are compatible when the larger is at most 2.5 times the smaller plus 3: early and late
// counts of one attack differ, but rarely by more.
bool TollsFit(double a, double b) {
  const double lo = std::min(a, b), hi = std::max(a, b);
  return hi <= 2.5 * lo + 3;
}

// True when `e` and cluster `c` both state exact tolls and none of e's fits any of c's, and
// time does not explain the gap: a higher toll published after the lower one is an update
// ("killed 3" in the morning, "killed 12" the next day), never a conflict; so are tolls whose
// publication day is unknown.
bool ExactTollsConflict(const Event& e, const Cluster& c) {
  if (e.exact_lo < 0 || c.exact_lo < 0 || !e.pub || c.exact_undated) return false;
  if (e.exact_lo > c.exact_hi) {  // e reports more
    return !TollsFit(e.exact_lo, c.exact_hi) && *e.pub <= c.exact_pub_min;
  }
  if (e.exact_hi < c.exact_lo) {  // e reports fewer
    return !TollsFit(e.exact_hi, c.exact_lo) && *e.pub >= c.exact_pub_max;
  }
  return false;  // the ranges overlap
}

// Whether x's article names `l` among its folded places or, with `named`, its named places.
bool ArticleNames(const Event& x, const Loc& l, bool named) {
  return FoldsPlace(x, l.key) || (named && NamesBeside(x, l.key));
}

// Whether e's article names a place of cluster `c` among its folded places, or an article of
// c names e's place so; with `named`, also among their named places (Event::named_keys).
bool NamesPlaceOf(const Event& e, const Cluster& c, const EventTable& events, bool named) {
  for (const Loc& l : c.locs) {
    if (ArticleNames(e, l, named)) return true;
  }
  for (int ei : c.events) {
    if (ArticleNames(events[ei], e.loc, named)) return true;
  }
  return false;
}

// Whether e's article names the place `l` of cluster `c` and every report of c at `l` names e's
// place in turn (ArticleNames; named places only for a dated report): the two towns are one
// attack's two names (the scene and the hospital's town), not a chain from town to town.
bool NamedBothWays(const Event& e, const Loc& l, const Cluster& c, const EventTable& events) {
  const bool named = e.day.has_value();
  if (!ArticleNames(e, l, named)) return false;
  for (int ei : c.events) {
    const Event& x = events[ei];
    if (x.loc->key == l.key && !ArticleNames(x, e.loc, named)) return false;
  }
  return true;
}

// Whether `e` and the cluster's place `l` are a town and a county's stand-in town (Event::
// county_stand_in, "the Fort Bend County sheriff" read as Richmond) within the county's reach
// of it: the county holds the town, though the gazetteer puts it over the line (a town may
// straddle one).
bool StandInHolds(const Event& e, const Loc& l, const Cluster& c, const EventTable& events) {
  if (!Fine(e.loc) || !Fine(l) || e.loc->admin1_key != l.admin1_key || !e.loc->place.has_coords ||
      !l.place.has_coords ||
      KmBetween(e.loc->place.lat, e.loc->place.lon, l.place.lat, l.place.lon) > kCountyReachKm) {
    return false;
  }
  if (e.county_stand_in) return true;
  return std::any_of(c.events.begin(), c.events.end(), [&](int ei) {
    return events[ei].county_stand_in && events[ei].loc->key == l.key;
  });
}

// The event-type part of a pair's score: 1 when a report of `c` has e's type, 0 when they all
// have another, 0.5 when either side has none.
double TypeScore(const Event& e, const Cluster& c, const EventTable& events) {
  if (e.type.empty()) return 0.5;
  bool any = false, same = false;
  for (int ei : c.events) {
    const std::string_view t = events[ei].type;
    any = any || !t.empty();
    same = same || t == e.type;
  }
  return !any ? 0.5 : same ? 1.0 : 0.0;
}

// The figures part: whether the largest death tolls fit one count (TollsFit); 0.5 when either
// side states none.
double FiguresScore(const Event& e, const Cluster& c) {
  if (e.killed_max < 0 || c.killed_max < 0) return 0.5;
  return TollsFit(e.killed_max, c.killed_max) ? 1.0 : 0.0;
}

PairScore ScorePair(const Event& e, const Cluster& c, const EventTable& events,
                    const ResolveOptions& o, const ResolveRules& rules) {
  // The vetoes are tried cheapest first (what the cluster holds, then its places, then its
  // events): most candidates are rejected, and which veto rejects them changes nothing.
  PairScore s;
  if (c.kind != e.kind) return s;  // operations and recalled events stay apart
  // A bombing and an air strike are two attacks wherever and whenever they fall: when both
  // sides say how the attack was carried out, the ways must be able to describe one attack.
  if (rules.MethodsConflict(e.methods, c.methods)) return s;
  PlaceMatch best = PlaceMatch::kNone;
  bool misfit = false;  // a fine place of the incident that the report's place does not match
  for (const Loc& l : c.locs) {
    PlaceMatch m = MatchPlaces(e.loc, l, o);
    if (m == PlaceMatch::kNone && StandInHolds(e, l, c, events)) m = PlaceMatch::kContains;
    if (PlaceScore(m) > PlaceScore(best)) best = m;
    misfit = misfit || (m == PlaceMatch::kNone && Fine(l) && !NamedBothWays(e, l, c, events));
  }
  // Another place matches by name only between undated reports or on one same day (dates would
  // otherwise tell attacks apart).
  const bool same_day =
      e.day && !c.days.empty() &&
      std::all_of(c.days.begin(), c.days.end(), [&](int64_t d) { return d == *e.day; });
  if (best == PlaceMatch::kNone && (e.day || !c.days.empty()) && !same_day) return s;
  for (int ei : c.events) {
    if (events[ei].doc == e.doc) return s;  // the article keeps its events apart
  }
  // Only the same gazetteer place: a folded or named place is a name the article gave, not a
  // location to measure distances from. Undated reports match by folded places only; on one
  // same day, an article that names the other's town beside its own (the hospital's town, the
  // victim's home) most likely reports that town's attack from the wrong one.
  // A place and day that several outlets state is no misreading: then it stays its own attack
  // (two neighbouring towns' attacks on one day, each article naming the other's town).
  const bool attested =
      e.attested >= rules.attested_reports || c.attested >= rules.attested_reports;
  if (best == PlaceMatch::kNone && !(same_day && attested) &&
      NamesPlaceOf(e, c, events, /*named=*/same_day)) {
    best = PlaceMatch::kFolded;
  }
  if (best == PlaceMatch::kNone) return s;
  // An incident is one place and one day, so a report must fit every report already in it, not
  // merely one of them: otherwise reports chain an incident from town to town and day to day
  // wherever attacks are frequent (a busy town, a province at war).
  // (A folded place is a name the article itself gave the attack: no distance to check.)
  if (Fine(e.loc) && best != PlaceMatch::kFolded && misfit) return s;
  double date = 0.5;
  int64_t gap_days = 0;  // 0 also when a date is unknown (no tolerance was used)
  if (e.day && !c.days.empty()) {
    int64_t gap = INT64_MAX, far = 0;
    for (int64_t d : c.days) {
      gap = std::min(gap, Gap(d, *e.day));
      far = std::max(far, Gap(d, *e.day));
    }
    if (far > 2 * o.date_window_days) return s;
    date = gap == 0 ? 1.0 : 0.6;
    s.date_gap = gap;
    gap_days = gap;
  } else if (e.day) {
    bool fits = false, any = false;
    for (int ei : c.events) {
      const std::optional<int64_t>& p = events[ei].pub;
      if (!p) continue;
      any = true;
      fits = fits || UndatedFits(p, {*e.day}, o.undated_publish_gap_days);
    }
    if (any && !fits) return s;
  } else if (!c.days.empty()) {
    if (!UndatedFits(e.pub, c.days, o.undated_publish_gap_days)) return s;
  } else {
    bool fits = !e.pub;
    bool any = false;
    for (int ei : c.events) {
      const std::optional<int64_t>& p = events[ei].pub;
      if (!p) continue;
      any = true;
      fits = fits || Gap(*p, *e.pub) <= o.undated_publish_gap_days;
    }
    if (any && !fits) return s;
  }
  const double type = TypeScore(e, c, events);
  double actors = 0.5;
  if (!e.groups.empty()) {
    bool any = false, shared = false;
    for (int ei : c.events) {
      const std::vector<std::string_view>& gs = events[ei].groups;
      any = any || !gs.empty();
      for (std::string_view g : e.groups) {
        shared = shared || std::find(gs.begin(), gs.end(), g) != gs.end();
      }
    }
    if (any) actors = shared ? 1.0 : 0.0;
  }
  const double figures = FiguresScore(e, c);
  s.place = best;
  s.type = type;
  s.actors = actors;
  s.figures = figures;
  s.total = 2 * PlaceScore(best) + 1.5 * date + 0.5 * (type + actors + figures);
  s.ok = s.total >= o.attach_threshold;
  // Place and date within tolerance (a nearby place, the next day) are not enough against two
  // independent disagreements: reports that differ on both the kind of attack and the toll are
  // of another attack, as at a busy town where attacks a day apart are common.
  const bool nearby = best != PlaceMatch::kSame && !Coarse(best);
  const bool tolerance = nearby || gap_days > 0;
  if (tolerance && type == 0 && figures == 0) s.ok = false;
  // Outlets stating exact tolls that cannot be one count (12 and 40 dead, the same day) are
  // not describing one attack; at the very same place and day the tolerance is kept, as
  // outlets do misreport.
  if (tolerance && ExactTollsConflict(e, c)) s.ok = false;
  // A place and day that several outlets state is no slip of a place name or a date: when the
  // report's and the incident's are both so attested, they are two attacks (a lone report at a
  // nearby place may still be either's).
  if (tolerance && e.attested >= rules.attested_reports && c.attested >= rules.attested_reports) {
    s.ok = false;
  }
  return s;
}

// An undated report that nothing took within undated_publish_gap_days may be a follow-up
// (charges, a trial, a later death) of an incident weeks earlier. Place alone cannot tell two
// incidents at one town apart, so it joins only when exactly one dated incident was indexed at
// its very fine place from `followup.undated_publish_gap_days` days before its publication to
// the day after, and that incident scores with it under the longer gap without disagreeing on
// both the type of attack and the toll. `cands`
// is scratch. Returns true with *best and *best_s set when it joins.
bool FollowUp(const Event& e, const std::vector<Cluster>& clusters, const EventTable& events,
              const ResolveOptions& followup, const ResolveRules& rules, const Index& idx,
              std::vector<int>* cands, int* best, PairScore* best_s) {
  if (e.day || !e.pub || !Fine(e.loc) || !e.kind.empty()) return false;
  if (rules.undated_followup_days <= 0) return false;
  cands->clear();
  const uint64_t dated = Mix(KeyPrefix("p", e.loc->key_hash), kDatedKey);
  for (int64_t d = *e.pub - followup.undated_publish_gap_days; d <= *e.pub + 1; ++d) {
    idx.Collect({Mix(dated, static_cast<uint64_t>(d)), d}, cands);
  }
  std::sort(cands->begin(), cands->end());
  cands->erase(std::unique(cands->begin(), cands->end()), cands->end());
  int only = -1;
  for (int ci : *cands) {
    const Cluster& c = clusters[ci];
    if (!c.kind.empty() || c.days.empty()) continue;
    bool here = false;  // indexed under the place as its main place, not only a folded one
    for (const LocRef& l : c.locs) here = here || l->key == e.loc->key;
    if (!here) continue;
    if (only >= 0) return false;  // two incidents there: nothing says which it follows
    only = ci;
  }
  if (only < 0) return false;
  PairScore s = ScorePair(e, clusters[only], events, followup, rules);
  // Weeks apart, as with a nearby place or day, two independent disagreements (another kind of
  // attack and a toll that cannot be the same) are another attack. (Rejecting on either alone
  // lost half the follow-ups on gvc-dev: a later report often restates the toll as it grew.)
  if (!s.ok || s.place != PlaceMatch::kSame || (s.type == 0 && s.figures == 0)) return false;
  *best = only;
  *best_s = std::move(s);
  return true;
}

// A report that nothing else took may follow up an earlier incident by the day its article
// writes out for it (Event::named_days): a later death, a funeral or a hearing, dated by its own
// day or undated, that says "the injuries she sustained Jan. 2" or "the Oct. 26, 2013 shooting".
// It joins when exactly one dated incident at its very fine place holds a day within
// date_window_days of such a day that is before the report's own (a follow-up comes after), and
// the report, dated that day, scores with it without disagreeing on both the type of attack and
// the toll. A dated report does not join by a day written only in background sentences (a new
// attack recalling an earlier one there follows none); an undated one does (a hearing's report
// recalls the attack it is about). Returns true with *best, *best_s and *day (the
// incident's day the report names) set when it joins. `cands` is scratch.
bool DayFollowUp(const Event& e, const std::vector<Cluster>& clusters, const EventTable& events,
                 const ResolveOptions& o, const ResolveRules& rules, const Index& idx,
                 std::vector<int>* cands, int* best, PairScore* best_s, int64_t* day) {
  if (e.named_days[0] == 0 || !Fine(e.loc) || !e.kind.empty()) return false;
  const uint64_t dated = Mix(KeyPrefix("p", e.loc->key_hash), kDatedKey);
  int only = -1;
  int64_t only_day = 0;
  for (size_t i = 0; i < e.named_days.size(); ++i) {
    const int32_t named = e.named_days[i];
    if (named == 0) break;
    if (e.day && (named >= *e.day || (e.named_in_background >> i & 1))) continue;
    cands->clear();
    for (int64_t d = named - o.date_window_days; d <= named + o.date_window_days; ++d) {
      idx.Collect({Mix(dated, static_cast<uint64_t>(d)), d}, cands);
    }
    for (int ci : *cands) {
      const Cluster& c = clusters[ci];
      if (!c.kind.empty() || c.days.empty()) continue;
      bool here = false;  // indexed under the place as its main place, not only a folded one
      for (const LocRef& l : c.locs) here = here || l->key == e.loc->key;
      if (!here) continue;
      std::optional<int64_t> near;
      for (int64_t d : c.days) {
        if (Gap(d, named) <= o.date_window_days && (!near || Gap(d, named) < Gap(*near, named))) {
          near = d;
        }
      }
      if (!near || ci == only) continue;
      if (only >= 0) return false;  // two incidents there about then: nothing says which
      only = ci;
      only_day = *near;
    }
  }
  if (only < 0) return false;
  Event dated_as_named = e;
  dated_as_named.day = only_day;
  PairScore s = ScorePair(dated_as_named, clusters[only], events, o, rules);
  if (!s.ok || s.place != PlaceMatch::kSame || (s.type == 0 && s.figures == 0)) return false;
  *best = only;
  *best_s = std::move(s);
  *day = only_day;
  return true;
}

// A report that names a person by full name (Event::people: its suspect or a victim) and that
// nothing else took may follow up an earlier incident (an arrest, a hearing, a plea, weeks or
// months later, dated by that day or undated): it joins the incident whose reports name the
// same person in the same role when
//  - the incident's reports lie at its town or in its county (same country, province and
//    admin2, or the same place when there is no admin2): a common name elsewhere is someone else;
//  - the incident began no later than the report's day (else its publication) plus
//    date_window_days and at most rules.name_followup_days before it;
//  - it is a place incident (not operations nor a recalled event), no article already in it is
//    the report's, and the two do not name attack methods that cannot be one attack;
//  - it is the only such incident (the same person at two incidents there: nothing says which).
// A name read only in background mentions is none of Event::people. Returns true with *best and
// *best_s set when it joins; *day_apart is then true when the report's day is not within
// date_window_days of the incident's days (RedateNamedCluster then tells the attack's day).
// Place and date of the pair are reported; its other parts are not scored (0).
bool NameFollowUp(const Event& e, const std::vector<Cluster>& clusters, const EventTable& events,
                  const std::unordered_map<uint64_t, std::vector<int>>& by_person,
                  const ResolveOptions& o, const ResolveRules& rules, int* best, PairScore* best_s,
                  bool* day_apart) {
  if (e.people[0] == 0 || !e.kind.empty() || !Fine(e.loc) || rules.name_followup_days <= 0) {
    return false;
  }
  const std::optional<int64_t> t = e.day ? e.day : e.pub;
  if (!t) return false;
  std::vector<int> named;  // clusters naming one of its people in the same role
  for (uint64_t k : e.people) {
    if (k == 0) break;
    auto it = by_person.find(k);
    if (it != by_person.end()) named.insert(named.end(), it->second.begin(), it->second.end());
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  auto same_area = [&](const Loc& a, const Loc& b) {
    if (a.country_key != b.country_key || a.admin1_key != b.admin1_key) return false;
    if (a.key == b.key) return true;
    return !a.place.admin2.empty() && a.admin2_key == b.admin2_key;
  };
  int only = -1;
  PairScore s;
  for (int ci : named) {
    const Cluster& c = clusters[ci];
    if (!c.kind.empty() || rules.MethodsConflict(e.methods, c.methods)) continue;
    bool ok = true, fine = false;
    for (const Loc& l : c.locs) {
      if (!Fine(l)) continue;
      fine = true;
      ok = ok && same_area(e.loc, l);
    }
    if (!ok || !fine) continue;
    std::optional<int64_t> start;
    for (int64_t d : c.days) start = start ? std::min(*start, d) : d;
    for (int ei : c.events) {
      const Event& x = events[ei];
      ok = ok && x.doc != e.doc;
      if (c.days.empty() && x.pub) start = start ? std::min(*start, *x.pub) : *x.pub;
    }
    if (!ok || !start || *start > *t + o.date_window_days ||
        *t - *start > rules.name_followup_days) {
      continue;
    }
    if (only >= 0) return false;
    only = ci;
    s = PairScore();
    s.ok = true;
    s.place = PlaceMatch::kNone;
    for (const Loc& l : c.locs) {
      const PlaceMatch m = MatchPlaces(e.loc, l, o);
      if (PlaceScore(m) > PlaceScore(s.place)) s.place = m;
    }
    s.date_gap = e.day ? *e.day - *start : -1;
  }
  if (only < 0) return false;
  bool near = false;
  for (int64_t d : clusters[only].days) {
    near = near || (e.day && Gap(d, *e.day) <= o.date_window_days);
  }
  *day_apart = e.day.has_value() && !near;
  *best = only;
  *best_s = std::move(s);
  return true;
}

// An article whose news names no place at all ("Family identifies the 2-year-old killed in a
// drive-by") but names a person by full name (`people`, PeopleOf: its suspect or a victim) joins
// the incident whose reports name the same person in the same role when
//  - it is a place incident (not operations nor a recalled event);
//  - it began no later than the article's day (else its publication) plus date_window_days and
//    at most rules.undated_followup_days before it: without a place to check, only a short
//    span, not NameFollowUp's years;
//  - it is the only such incident (a name at two incidents says nothing of which).
// Only its document joins, with the reason in *detail; its figures stay out (no place and so no
// check that they are the incident's). Returns true with *best set when it joins.
bool PlacelessByName(const std::array<uint64_t, 3>& people, const std::optional<int64_t>& day,
                     const std::optional<int64_t>& pub, const std::vector<Cluster>& clusters,
                     const std::unordered_map<uint64_t, std::vector<int>>& by_person,
                     const ResolveOptions& o, const ResolveRules& rules, int* best,
                     std::string* detail) {
  const std::optional<int64_t> t = day ? day : pub;
  if (people[0] == 0 || !t || rules.undated_followup_days <= 0) return false;
  std::vector<int> named;
  for (uint64_t k : people) {
    if (k == 0) break;
    auto it = by_person.find(k);
    if (it != by_person.end()) named.insert(named.end(), it->second.begin(), it->second.end());
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  int only = -1;
  for (int ci : named) {
    const Cluster& c = clusters[ci];
    if (!c.kind.empty() || c.days.empty()) continue;
    const int64_t start = *std::min_element(c.days.begin(), c.days.end());
    if (start > *t + o.date_window_days || *t - start > rules.undated_followup_days) continue;
    if (only >= 0) return false;
    only = ci;
  }
  if (only < 0) return false;
  *best = only;
  *detail = "names no place; names the same person as a report of it, " +
            std::string(day ? "dated " + CivilFromDays(*day).ToIso() : "undated") +
            "; its document only, its figures left out";
  return true;
}

// Whether every report of cluster `c` at its place `l` is unanchored (Event::unanchored).
bool AllUnanchoredAt(const Loc& l, const Cluster& c, const EventTable& events) {
  return std::all_of(c.events.begin(), c.events.end(),
                     [&](int ei) { return events[ei].loc->key != l.key || events[ei].unanchored; });
}

// A report that nothing else took may be an incident's report placed at a namesake of its place
// ("Madison" read as Wisconsin's in a Tennessee story): it joins the only incident that
//  - holds a report whose place goes by the same name (Event::namesake) in another province or
//    country, on the report's very day (an undated side: published within
//    undated_publish_gap_days of the other's day or publication), where the report's place or
//    all of the incident's reports at that place are unanchored (no other place of their
//    province in their articles: the geocoder took the most prominent namesake);
//  - and whose other fine places are the report's own or near it;
//  - when no article of the incident is the report's, the two do not name attack methods that
//    cannot be one attack, do not disagree on both the kind of attack and the toll, and do not
//    state exact tolls that cannot be one count.
// Two anchored reports stay apart: each article chose its province. Returns true with *best and
// *best_s set when it joins. `cands` is scratch.
bool NamesakeJoin(const Event& e, const std::vector<Cluster>& clusters, const EventTable& events,
                  const ResolveOptions& o, const ResolveRules& rules, const Index& idx,
                  std::vector<int>* cands, int* best, PairScore* best_s) {
  if (e.namesake == 0 || !e.kind.empty() || (!e.day && !e.pub)) return false;
  cands->clear();
  CollectTimed(KeyPrefix("ns", e.namesake), e.day, e.pub, o, idx, cands);
  std::sort(cands->begin(), cands->end());
  cands->erase(std::unique(cands->begin(), cands->end()), cands->end());
  int only = -1;
  PairScore only_s;
  for (int ci : *cands) {
    const Cluster& c = clusters[ci];
    if (!c.kind.empty() || rules.MethodsConflict(e.methods, c.methods)) continue;
    bool fits = true, namesake = false;
    for (const LocRef& l : c.locs) {
      const PlaceMatch m = MatchPlaces(e.loc, l, o);
      if (m == PlaceMatch::kSame || m == PlaceMatch::kNear) continue;
      const bool elsewhere = l->admin1_key != e.loc->admin1_key;
      const bool same_name = std::any_of(c.events.begin(), c.events.end(), [&](int ei) {
        return events[ei].loc->key == l->key && events[ei].namesake == e.namesake;
      });
      if (!elsewhere || !same_name || (!e.unanchored && !AllUnanchoredAt(l, c, events))) {
        fits = false;
        break;
      }
      namesake = true;
    }
    if (!fits || !namesake) continue;
    std::optional<int64_t> pub_lo, pub_hi;
    bool same_doc = false;
    for (int ei : c.events) {
      const Event& x = events[ei];
      same_doc = same_doc || x.doc == e.doc;
      if (x.pub) {
        pub_lo = pub_lo ? std::min(*pub_lo, *x.pub) : *x.pub;
        pub_hi = pub_hi ? std::max(*pub_hi, *x.pub) : *x.pub;
      }
    }
    if (same_doc) continue;
    if (e.day && !c.days.empty()) {
      if (!std::all_of(c.days.begin(), c.days.end(), [&](int64_t d) { return d == *e.day; })) {
        continue;
      }
    } else if (e.day) {
      if (!pub_lo || !UndatedFits(pub_lo, {*e.day}, o.undated_publish_gap_days)) continue;
    } else if (!c.days.empty()) {
      if (!UndatedFits(e.pub, c.days, o.undated_publish_gap_days)) continue;
    } else if (!pub_lo || Gap(*pub_lo, *e.pub) > o.undated_publish_gap_days ||
               Gap(*pub_hi, *e.pub) > o.undated_publish_gap_days) {
      continue;
    }
    PairScore s;
    s.place = PlaceMatch::kNamesake;
    s.date_gap = e.day && !c.days.empty() ? 0 : -1;
    s.type = TypeScore(e, c, events);
    s.actors = 0.5;
    s.figures = FiguresScore(e, c);
    if ((s.type == 0 && s.figures == 0) || ExactTollsConflict(e, c)) continue;
    s.total = 2 * PlaceScore(s.place) + 1.5 * (s.date_gap == 0 ? 1.0 : 0.5) +
              0.5 * (s.type + s.actors + s.figures);
    s.ok = true;
    if (only >= 0) return false;  // two incidents it could be: nothing says which
    only = ci;
    only_s = s;
  }
  if (only < 0) return false;
  *best = only;
  *best_s = std::move(only_s);
  return true;
}

// After a report joined cluster `c` by name on a day apart from its days, which days are the
// attack's: news days (a report published within undated_publish_gap_days of its day) outrank
// days recalled weeks later ("the Nov. 7 shooting", often misread), and the earliest news day
// is the attack's, a later one beyond twice the window a hearing's or an arrest's. Without news
// days the earliest day is the attack's. Sets Event::followup_day on the reports whose day is
// not the attack's and rebuilds c->days from the others.
void RedateNamedCluster(Cluster* c, const EventTable& events, const ResolveOptions& o) {
  std::optional<int64_t> attack;
  for (int ei : c->events) {
    const Event& x = events[ei];
    if (x.day && x.pub && *x.pub >= *x.day && *x.pub - *x.day <= o.undated_publish_gap_days) {
      attack = attack ? std::min(*attack, *x.day) : *x.day;
    }
  }
  if (!attack) {
    for (int ei : c->events) {
      const Event& x = events[ei];
      if (x.day) attack = attack ? std::min(*attack, *x.day) : *x.day;
    }
  }
  if (!attack) return;
  c->days.clear();
  for (int ei : c->events) {
    Event& x = events[ei];
    if (!x.day) continue;
    x.followup_day = Gap(*x.day, *attack) > 2 * o.date_window_days;
    if (!x.followup_day) c->days.push_back(*x.day);
  }
}

void AddToCluster(int ei, Event* e, int ci, Cluster* c, Index* idx) {
  c->events.push_back(ei);
  bool have = false;
  for (const Loc& l : c->locs) have = have || l.key == e->loc->key;
  if (!have) c->locs.push_back(e->loc);
  // Every reader of the days asks whether any (or every) day fits: each day once, so that
  // scoring a report against a busy incident does not read one day per report it holds. A
  // follow-up's day (a hearing) is not the incident's: later reports of the attack must still
  // fit the attack's day.
  if (e->day && !e->followup_day &&
      std::find(c->days.begin(), c->days.end(), *e->day) == c->days.end()) {
    c->days.push_back(*e->day);
  }
  c->kind = e->kind;
  c->killed_max = std::max(c->killed_max, e->killed_max);
  c->methods |= e->methods;
  c->attested = std::max(c->attested, e->attested);
  if (e->exact_lo >= 0) {
    c->exact_lo = c->exact_lo < 0 ? e->exact_lo : std::min(c->exact_lo, e->exact_lo);
    c->exact_hi = std::max(c->exact_hi, e->exact_hi);
    if (e->pub) {
      c->exact_pub_min = std::min(c->exact_pub_min, *e->pub);
      c->exact_pub_max = std::max(c->exact_pub_max, *e->pub);
    } else {
      c->exact_undated = true;
    }
  }
  e->cluster = ci;
  IndexEvent(*e, ci, idx);
}

// ---------------------------------------------------------------------------------------------
// Union-find for stories.

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// ---------------------------------------------------------------------------------------------
// Building incidents.

std::string Perpetrator(const std::vector<const MentionLite*>& mentions) {
  // Views into the batch's interned strings, ordered as the strings are.
  // Last resort: a state force its sources say fired ("soldiers opened fire on protesters"),
  // when no armed group nor militants are named: in a battle the forces fire back.
  std::map<std::string_view, int> claimed, named, generic, forces;
  for (const MentionLite* m : mentions) {
    for (const ActorLite& a : m->actors) {
      if (a.canonical.empty() || a.responsibility == ActorMention::Responsibility::kDenied) {
        continue;
      }
      if (a.actor_class == ActorClass::kArmedGroup) {
        ++named[a.canonical];
        if (a.responsibility == ActorMention::Responsibility::kClaimed) ++claimed[a.canonical];
      } else if (a.actor_class == ActorClass::kMilitants) {
        ++generic[a.canonical];
      } else if (a.actor_class == ActorClass::kStateForce &&
                 a.responsibility == ActorMention::Responsibility::kAccused) {
        ++forces[a.canonical];
      }
    }
  }
  for (const auto* votes : {&claimed, &named, &generic, &forces}) {
    std::string_view best;
    int n = 0;
    for (const auto& [name, c] : *votes) {
      if (c > n) {
        n = c;
        best = name;
      }
    }
    if (!best.empty()) return std::string(best);
  }
  return "";
}

// Majority type and sub-type, ties broken by the rule table's priority, then by name.
std::pair<std::string, std::string> Types(const std::vector<const MentionLite*>& mentions,
                                          const ResolveRules& rules) {
  // Views into the batch's interned strings, ordered as the strings are.
  std::map<std::string_view, int> types;
  for (const MentionLite* m : mentions) {
    if (!m->event_type.empty()) ++types[m->event_type];
  }
  std::string_view type;
  std::tuple<int, int> best{0, 0};
  for (const auto& [t, n] : types) {
    std::tuple<int, int> k{n, -rules.TypeRank(t)};
    if (type.empty() || k > best) {
      best = k;
      type = t;
    }
  }
  std::map<std::string_view, int> subs;
  for (const MentionLite* m : mentions) {
    if (m->event_type == type && !m->sub_event_type.empty()) ++subs[m->sub_event_type];
  }
  std::string_view sub;
  for (const auto& [t, n] : subs) {
    std::tuple<int, int> k{n, -rules.TypeRank(type, t)};
    if (sub.empty() || k > best) {
      best = k;
      sub = t;
    }
  }
  return {std::string(type), std::string(sub)};
}

bool ClaimBefore(const Claim& a, const Claim& b) {
  return std::forward_as_tuple(a.doc_id, a.span.begin, a.figure_span.begin,
                               static_cast<int>(a.field)) <
         std::forward_as_tuple(b.doc_id, b.span.begin, b.figure_span.begin,
                               static_cast<int>(b.field));
}
bool SameClaim(const Claim& a, const Claim& b) {
  return a.doc_id == b.doc_id && a.span == b.span && a.figure_span == b.figure_span &&
         a.field == b.field && a.category == b.category;
}

void SortClaims(std::vector<Claim>* claims) {
  std::sort(claims->begin(), claims->end(), ClaimBefore);
  claims->erase(std::unique(claims->begin(), claims->end(), SameClaim), claims->end());
}

// SortClaims() with (*bits)[i] kept beside (*claims)[i]. The index order is the one sorting the
// claims themselves gives (std::sort makes the same comparisons and moves whatever it moves), so
// the claims come out exactly as SortClaims() leaves them. *kept, when given, is set to the
// indexes of the claims kept, in their sorted order: the same claims decoded again in the same
// order are put in this order by TakeInOrder() without sorting them again.
void SortClaims(std::vector<Claim>* claims, std::vector<uint8_t>* bits,
                std::vector<uint32_t>* kept = nullptr) {
  std::vector<uint32_t> order(claims->size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return ClaimBefore((*claims)[a], (*claims)[b]); });
  std::vector<Claim> sorted;
  std::vector<uint8_t> sorted_bits;
  sorted.reserve(order.size());
  sorted_bits.reserve(order.size());
  if (kept != nullptr) kept->clear();
  for (uint32_t i : order) {
    if (!sorted.empty() && SameClaim(sorted.back(), (*claims)[i])) continue;  // std::unique
    sorted.push_back(std::move((*claims)[i]));
    sorted_bits.push_back((*bits)[i]);
    if (kept != nullptr) kept->push_back(i);
  }
  *claims = std::move(sorted);
  *bits = std::move(sorted_bits);
}

// The claims at the indexes `kept` (SortClaims' *kept), in that order.
void TakeInOrder(const std::vector<uint32_t>& kept, std::vector<Claim>* claims) {
  std::vector<Claim> out;
  out.reserve(kept.size());
  for (uint32_t i : kept) {
    if (i < claims->size()) out.push_back(std::move((*claims)[i]));
  }
  *claims = std::move(out);
}

constexpr Field kFields[] = {Field::kKilled,   Field::kInjured, Field::kAbducted,
                             Field::kArrested, Field::kFreed,   Field::kVehiclesDestroyed};
static_assert(static_cast<int>(kFields[5]) == 5, "kFields[i] is Field(i)");
static_assert(std::tuple_size_v<ClaimCounts> == std::size(kFields), "a count per field");

// A claim's cues as its encoding carries them (EncodeClaims): bit 0 is Claim::independent, bit
// 1 says the cues were read, bits 2-4 are partisan, update and superseded. One byte as before.
constexpr uint8_t kIndependentBit = 1, kCuesReadBit = 2;
uint8_t CueBits(const FigureCues& c) {
  return kCuesReadBit | (c.partisan ? 4 : 0) | (c.update ? 8 : 0) | (c.superseded ? 16 : 0);
}

// Fills killed / injured / killed_by_category / other_figures / contradictions from inc->claims.
// `cue_bits` (when given, one per claim, as DecodeClaimsInto gives them) carries the cues read when
// the claims were added; a claim without them has its quote read.
void ReconcileIncident(Incident* inc, Policy policy, const ResolveOptions& o,
                       const ResolveRules& rules, const std::vector<uint8_t>* cue_bits = nullptr) {
  std::vector<FigureCues> cues;
  if (cue_bits == nullptr) cues = ReadFigureCues(inc->claims, rules);
  cues.reserve(inc->claims.size());
  for (size_t i = cues.size(); i < inc->claims.size(); ++i) {
    const uint8_t bits = i < cue_bits->size() ? (*cue_bits)[i] : 0;
    if ((bits & kCuesReadBit) == 0) {
      cues.push_back(ReadFigureCues(inc->claims[i], rules));
    } else {
      cues.push_back({(bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0});
    }
  }
  // A field no claim states reconciles to nothing (no figure, note or contradiction): only the
  // fields present are read, each pass over the claims being most of the cost.
  uint32_t present = 0;
  for (const Claim& c : inc->claims) {
    if (static_cast<unsigned>(c.field) < 32) present |= 1u << static_cast<unsigned>(c.field);
  }
  for (Field f : kFields) {
    if ((present >> static_cast<unsigned>(f) & 1) == 0) continue;
    FieldFigures ff = ReconcileField(inc->claims, cues, f, policy, rules);
    for (Contradiction& c : ff.contradictions) inc->contradictions.push_back(std::move(c));
    for (std::string& n : ff.notes) inc->why.push_back({"", "figure", std::move(n), 0});
    if (!ff.total) continue;
    switch (f) {
      case Field::kKilled:
        inc->killed = ff.total;
        inc->killed_by_category = std::move(ff.by_category);
        break;
      case Field::kInjured:
        inc->injured = ff.total;
        break;
      default:
        inc->other_figures[FieldName(f)] = *ff.total;
        break;
    }
  }
  if (o.zero_killed_if_only_injured && !inc->killed && inc->injured) {
    inc->killed = Figure{0, 0, 0};
    inc->why.push_back({"", "figure", "killed: 0 (sources count injured and report no deaths)", 0});
  }
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

Figure AddFigures(const Figure& a, const Figure& b) {
  return {a.low + b.low, a.best + b.best, a.high + b.high};
}

// Story figure from its own reconciled figure and its children's sum (see resolve.h, step 5).
std::optional<Figure> Combine(const std::optional<Figure>& story,
                              const std::optional<Figure>& children) {
  if (!story) return children;
  if (!children) return story;
  Figure f;
  f.best = std::max(story->best, children->best);
  f.low = std::min(story->low, f.best);
  f.high = std::max({story->high, children->high, f.best});
  return f;
}

// Claims as a batch keeps them until their incident is built: one byte string per event
// (varint lengths and numbers, raw doubles) instead of 200-byte structs with four strings each.
void PutVarint(uint64_t v, std::string* out) {
  char buf[10];  // 7 bits a byte: 64 bits fit in 10
  size_t n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, n);
}
void PutString(std::string_view v, std::string* out) {
  PutVarint(v.size(), out);
  out->append(v);
}
void PutDouble(double v, std::string* out) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out->append(b, sizeof v);
}

struct BlobReader {
  std::string_view in;
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; !in.empty() && shift < 64; shift += 7) {
      const auto byte = static_cast<unsigned char>(in.front());
      in.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    return v;
  }
  uint32_t U32() { return static_cast<uint32_t>(Varint()); }
  void Skip(size_t n) { in.remove_prefix(std::min(n, in.size())); }
  void SkipString() { Skip(static_cast<size_t>(std::min<uint64_t>(Varint(), in.size()))); }
  std::string String() {
    const size_t n = std::min<size_t>(Varint(), in.size());
    std::string v(in.substr(0, n));
    in.remove_prefix(n);
    return v;
  }
  double Double() {
    double v = 0;
    if (in.size() >= sizeof v) {
      std::memcpy(&v, in.data(), sizeof v);
      in.remove_prefix(sizeof v);
    }
    return v;
  }
};

// `cues` (one per claim, or nullptr when they were not read) ride in the byte of
// Claim::independent (CueBits).
std::string EncodeClaims(const std::vector<Claim>& claims,
                         const std::vector<FigureCues>* cues = nullptr) {
  std::string out;
  // One allocation: the strings, then at most 10 bytes a varint (17 of them: 13 numbers and 4
  // lengths) and three doubles a claim.
  size_t size = 10;
  for (const Claim& c : claims) {
    size += c.doc_id.size() + c.source.size() + c.quote.size() + c.attributed_to.size() + 17 * 10 +
            3 * sizeof(double);
  }
  out.reserve(size);
  PutVarint(claims.size(), &out);
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    const uint8_t flags = (c.independent ? kIndependentBit : 0) |
                          (cues != nullptr && i < cues->size() ? CueBits((*cues)[i]) : 0);
    PutString(c.doc_id, &out);
    PutString(c.source, &out);
    PutString(c.quote, &out);
    PutString(c.attributed_to, &out);
    for (uint32_t v : {c.span.begin, c.span.end, c.figure_span.begin, c.figure_span.end}) {
      PutVarint(v, &out);
    }
    for (int v :
         {static_cast<int>(c.field), static_cast<int>(c.category), static_cast<int>(c.qualifier),
          static_cast<int>(c.scope), static_cast<int>(flags)}) {
      PutVarint(static_cast<uint64_t>(v), &out);
    }
    PutDouble(c.value, &out);
    PutDouble(c.low, &out);
    PutDouble(c.high, &out);
    // Dates are small non-negative numbers (0 = unknown).
    for (int v : {c.published.year, c.published.month, c.published.day}) {
      PutVarint(static_cast<uint64_t>(std::max(0, v)), &out);
    }
  }
  return out;  // read once, by SpillFile::Append(): not shrunk to fit (a copy for nothing)
}

// The claims of an EncodeClaims blob; their cue bits (CueBits, 0 when not read) appended to
// *cue_bits when given. Without `texts` the claims are for reconciliation only: source and quote
// are left empty, except the quote of a claim whose cues were not read (it is read from it).
// Decoded onto the end of *claims (no claim moved twice).
void DecodeClaimsInto(std::string_view blob, std::vector<Claim>* claims,
                      std::vector<uint8_t>* cue_bits = nullptr, bool texts = true) {
  BlobReader r{blob};
  const size_t first = claims->size();
  claims->resize(first + std::min<uint64_t>(r.Varint(), blob.size()));
  for (size_t i = first; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    c.doc_id = r.String();
    std::string_view quote;
    if (texts) {
      c.source = r.String();
      c.quote = r.String();
    } else {
      r.SkipString();
      const size_t n = std::min<size_t>(r.Varint(), r.in.size());
      quote = r.in.substr(0, n);
      r.Skip(n);
    }
    c.attributed_to = r.String();
    c.span.begin = r.U32();
    c.span.end = r.U32();
    c.figure_span.begin = r.U32();
    c.figure_span.end = r.U32();
    c.field = static_cast<Field>(r.Varint());
    c.category = static_cast<Category>(r.Varint());
    c.qualifier = static_cast<Qualifier>(r.Varint());
    c.scope = static_cast<Scope>(r.Varint());
    const uint64_t flags = r.Varint();
    c.independent = (flags & kIndependentBit) != 0;
    if (cue_bits != nullptr) cue_bits->push_back(static_cast<uint8_t>(flags & ~kIndependentBit));
    if (!texts && (flags & kCuesReadBit) == 0) c.quote = quote;
    c.value = r.Double();
    c.low = r.Double();
    c.high = r.Double();
    c.published.year = static_cast<int>(r.Varint());
    c.published.month = static_cast<int>(r.Varint());
    c.published.day = static_cast<int>(r.Varint());
  }
}

// How many claims of each field an event brings (ClaimCounts), written for the reason a leaf
// records when the event's claims join it ("2 injured, 3 killed": by field name), while the
// claims themselves stay encoded until reconciliation.
void CountClaim(const Claim& c, ClaimCounts* counts) {
  const Field f = c.field;
  const auto k = static_cast<size_t>(f);
  if (k < std::size(kFields) && kFields[k] == f) {
    ++(*counts)[k];
    return;
  }
  size_t slot = 0;  // an unknown value is counted as the field FieldName() names it
  for (size_t i = 0; i < std::size(kFields); ++i) {
    if (std::string_view(FieldName(kFields[i])) == FieldName(f)) {
      slot = i;
      break;
    }
  }
  ++(*counts)[slot];
}

std::string ClaimCountsText(const ClaimCounts& count) {
  // Written in the order of the fields' names.
  static const std::array<Field, std::size(kFields)> by_name = [] {
    std::array<Field, std::size(kFields)> a;
    std::copy(std::begin(kFields), std::end(kFields), a.begin());
    std::sort(a.begin(), a.end(), [](Field x, Field y) {
      return std::string_view(FieldName(x)) < std::string_view(FieldName(y));
    });
    return a;
  }();
  std::string d;
  d.reserve(64);
  for (Field f : by_name) {
    const uint32_t n = count[static_cast<size_t>(f)];
    if (n == 0) continue;
    if (!d.empty()) d += ", ";
    char buf[16];
    d.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    d += ' ';
    d += FieldName(f);
  }
  return d;
}

void PutReason(std::string_view doc_id, std::string_view decision, std::string_view detail,
               double score, std::string* out) {
  PutString(doc_id, out);
  PutString(decision, out);
  PutString(detail, out);
  PutDouble(score, out);
}

std::string EncodeReasons(const std::vector<Reason>& reasons) {
  std::string out;
  size_t size = 10;  // one allocation: the strings, their lengths (<= 10 bytes) and the score
  for (const Reason& r : reasons) {
    size += r.doc_id.size() + r.decision.size() + r.detail.size() + 3 * 10 + sizeof(double);
  }
  out.reserve(size);
  PutVarint(reasons.size(), &out);
  for (const Reason& r : reasons) PutReason(r.doc_id, r.decision, r.detail, r.score, &out);
  return out;
}

// Reasons encoded as EncodeReasons() writes them, added one by one or as whole blobs, without
// making a Reason of each: a leaf's reasons go from its reports' blobs to its own this way.
struct ReasonWriter {
  std::string body;  // the reasons, each as PutReason() writes it
  uint64_t count = 0;
  void Add(std::string_view doc_id, std::string_view decision, std::string_view detail,
           double score) {
    PutReason(doc_id, decision, detail, score, &body);
    ++count;
  }
  void AddEncoded(std::string_view blob) {  // an EncodeReasons() blob
    if (blob.empty()) return;
    BlobReader r{blob};
    count += r.Varint();
    body.append(r.in);
  }
  std::string Finish() const {
    std::string out;
    out.reserve(body.size() + 10);
    PutVarint(count, &out);
    out += body;
    return out;
  }
};

// EncodeReasons() of the one reason {doc_id, decision, detail, score}, without making it.
std::string EncodeReason(std::string_view doc_id, std::string_view decision,
                         std::string_view detail, double score) {
  std::string out;
  out.reserve(detail.size() + doc_id.size() + decision.size() + 16);
  PutVarint(1, &out);
  PutReason(doc_id, decision, detail, score, &out);
  return out;
}

std::vector<Reason> DecodeReasons(std::string_view blob) {
  if (blob.empty()) return {};
  BlobReader r{blob};
  std::vector<Reason> reasons(std::min<uint64_t>(r.Varint(), blob.size()));
  for (Reason& x : reasons) {
    x.doc_id = r.String();
    x.decision = r.String();
    x.detail = r.String();
    x.score = r.Double();
  }
  return reasons;
}

// The spill file of a batch and of its stream, and the first error reading it back. A failed read
// gives "" and is kept in `error`: what is built from it lacks claims or reasons, so the stream
// stops there and reports it (IncidentStream::status()).
struct CheckedSpill {
  SpillFile file;
  Status error;

  SpillFile::Ref Append(std::string_view bytes) { return file.Append(bytes); }
  std::string Read(SpillFile::Ref ref) {
    Result<std::string> bytes = file.Read(ref);
    if (bytes.ok()) return std::move(bytes).value();
    if (error.ok()) error = bytes.status();
    return std::string();
  }
};

// What an incident under construction has moved to the spill file: its claims and reasons so
// far, in segments (each EncodeClaims / EncodeReasons), oldest first. Unparking puts them back
// in front of what the incident gained since, so the order is the one never parked.
struct Background {
  uint32_t recall = 0;  // index into the recalls
  PlaceMatch pm = PlaceMatch::kNone;
};
// A recall's candidate clusters whose places and days fit it, with their place match, in the
// order step 4 tries them, in groups: fits[group_ends[i-1], group_ends[i]) (from 0 for i = 0).
struct RecallCandidates {
  std::vector<std::pair<int, PlaceMatch>> fits;
  std::vector<uint32_t> group_ends;
};
struct Parked {
  std::vector<SpillFile::Ref> claims, why;
  std::vector<Background> background;  // step 4's links, after `why` (it comes last)
  // The claims were parked as they were gathered, not as reconciled: once reconciled, the
  // indexes of the reconciled list in the decoded one (SortClaims' *kept), so that emitting the
  // incident neither keeps a second encoded copy of every claim nor sorts them again.
  bool sort_claims = false;
  std::vector<uint32_t> claim_order;
};

// The reason step 4 records when a recall links to an incident.
std::string RecallDetail(const Recall& r, PlaceMatch pm) {
  return std::string("recalls ") + PlaceDesc(r.loc) +
         (r.day     ? " on " + CivilFromDays(*r.day).ToIso()
          : r.month ? " in " + CivilFromDays(r.month->first).ToIso().substr(0, 7)
          : r.year  ? " in " + CivilFromDays(r.year->first).ToIso().substr(0, 4)
                    : "") +
         ": place=" + PlaceMatchName(pm);
}

void Park(Incident* inc, Parked* p, CheckedSpill* spill) {
  if (!inc->claims.empty()) p->claims.push_back(spill->Append(EncodeClaims(inc->claims)));
  if (!inc->why.empty()) p->why.push_back(spill->Append(EncodeReasons(inc->why)));
  Release(&inc->claims);
  Release(&inc->why);
}

// With `cue_bits`, it is set to the cue bits of the claims (0 for those never encoded). Without
// `texts`, see DecodeClaimsInto.
void UnparkClaims(Incident* inc, Parked* p, CheckedSpill* spill,
                  std::vector<uint8_t>* cue_bits = nullptr, bool texts = true) {
  if (cue_bits != nullptr) cue_bits->clear();
  if (p->claims.empty()) {
    if (cue_bits != nullptr) cue_bits->assign(inc->claims.size(), 0);
    return;
  }
  std::vector<Claim> all;
  for (SpillFile::Ref ref : p->claims) DecodeClaimsInto(spill->Read(ref), &all, cue_bits, texts);
  for (Claim& c : inc->claims) all.push_back(std::move(c));
  if (cue_bits != nullptr) cue_bits->resize(all.size(), 0);
  inc->claims = std::move(all);
  Release(&p->claims);
}

void UnparkWhy(Incident* inc, Parked* p, CheckedSpill* spill) {
  if (p->why.empty()) return;
  std::vector<Reason> all;
  for (SpillFile::Ref ref : p->why) {
    for (Reason& r : DecodeReasons(spill->Read(ref))) all.push_back(std::move(r));
  }
  for (Reason& r : inc->why) all.push_back(std::move(r));
  inc->why = std::move(all);
  Release(&p->why);
}

// One article as resolution keeps it: its id, publication date and units (step 1).
struct DocRef {
  std::string doc_id;
  CivilDate published;
};

}  // namespace

struct ResolveBatch::Impl {
  ResolveOptions options;
  const ResolveRules* rules = nullptr;
  std::vector<DocRef> docs;      // in Add() order
  PlaceSpellingIndex spellings;  // kept only when options.place_names is set
  // What step 1 made of docs[i]. DocUnits holds its optional wave inline (~450 bytes even when
  // there is none); kept, it is held by pointer.
  struct Kept {
    std::vector<Event> events;
    std::unique_ptr<Wave> wave;
    std::vector<Recall> recalls;
    SpillFile::Ref dropped;                      // EncodeReasons of DocUnits::dropped
    std::array<uint64_t, 3> placeless_people{};  // DocUnits::placeless_people
    std::optional<int64_t> placeless_day;
  };
  std::vector<Kept> units;  // units[i] belongs to docs[i]
  ResolveBatch::Stats stats;
  // Interned strings and mentions: node-based containers, so the views and pointers the units
  // hold stay valid as they grow.
  std::unordered_set<std::string> strings;
  std::unordered_map<std::string, MentionLite> lites;
  // Encoded claims and, in Finish(), reasons and parked incidents: read back only when their
  // incident is built or emitted.
  CheckedSpill spill;

  std::string_view Intern(std::string_view v) { return *strings.emplace(v).first; }

  // One shared Loc per distinct place record (every field equal), for all units alike.
  std::unordered_map<std::string, std::shared_ptr<const Loc>> locs;
  LocRef InternLoc(const LocRef& ref) {
    const Loc& l = *ref;
    const Place& p = l.place;
    std::string key;
    key.reserve(64 + p.name.size() + p.country.size() + p.admin1.size() + p.admin2.size() +
                l.key.size() + l.admin1_key.size() + l.admin2_key.size() + l.country_key.size());
    auto str = [&](std::string_view v) {
      key += v;
      key += '\x1f';
    };
    auto raw = [&](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    raw(l.known);
    raw(p.gazetteer_id);
    raw(p.lat);
    raw(p.lon);
    raw(p.has_coords);
    raw(p.level);
    raw(p.population);
    for (std::string_view v :
         {std::string_view(p.name), std::string_view(p.country), std::string_view(p.admin1),
          std::string_view(p.admin2), std::string_view(l.key), std::string_view(l.admin1_key),
          std::string_view(l.admin2_key), std::string_view(l.country_key)}) {
      str(v);
    }
    auto [it, fresh] = locs.try_emplace(std::move(key));
    if (fresh) it->second = ref.shared();
    return LocRef(it->second);
  }

  const MentionLite* Lite(const EventMention& m) {
    std::string key = m.event_type;
    key += '\x1f';
    key += m.sub_event_type;
    std::vector<ActorLite> actors;
    for (const ActorMention& a : m.actors) {
      if (!CountsForPerpetrator(a)) continue;  // only what Perpetrator() counts
      key += '\x1f';
      key += a.canonical;
      key += static_cast<char>('0' + static_cast<int>(a.actor_class));
      key += static_cast<char>('0' + static_cast<int>(a.responsibility));
      actors.push_back({{}, a.actor_class, a.responsibility});
    }
    auto [it, fresh] = lites.try_emplace(std::move(key));
    if (fresh) {
      MentionLite& l = it->second;
      l.event_type = Intern(m.event_type);
      l.sub_event_type = Intern(m.sub_event_type);
      size_t k = 0;
      for (const ActorMention& a : m.actors) {
        if (CountsForPerpetrator(a)) actors[k++].canonical = Intern(a.canonical);
      }
      l.actors = std::move(actors);
    }
    return &it->second;
  }
};

ResolveBatch::ResolveBatch(const ResolveOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->rules = options.rules != nullptr ? options.rules : &DefaultResolveRules();
}
ResolveBatch::~ResolveBatch() = default;
ResolveBatch::ResolveBatch(ResolveBatch&&) noexcept = default;
ResolveBatch& ResolveBatch::operator=(ResolveBatch&&) noexcept = default;

size_t ResolveBatch::size() const { return impl_->docs.size(); }
size_t ResolveBatch::distinct_mentions() const { return impl_->lites.size(); }
size_t ResolveBatch::distinct_places() const { return impl_->locs.size(); }
ResolveBatch::Stats ResolveBatch::stats() const { return impl_->stats; }

void ResolveBatch::Add(const DocAnalysis& doc) {
  Impl& b = *impl_;
  if (b.options.place_names != nullptr) b.spellings.Add(doc);
  // The index is provisional: Finish() renumbers the units in doc-id order.
  const int index = static_cast<int>(b.docs.size());
  DocUnits u = BuildDocUnits(doc, index, b.options, *b.rules);
  std::unordered_map<const EventMention*, const MentionLite*> seen;
  auto freeze = [&](std::vector<const EventMention*>* mentions,
                    std::vector<const MentionLite*>* lite) {
    lite->reserve(mentions->size());
    for (const EventMention* m : *mentions) {
      auto [it, fresh] = seen.emplace(m, nullptr);
      if (fresh) it->second = b.Lite(*m);
      lite->push_back(it->second);
    }
    Release(mentions);  // they point into `doc`, which the caller may free
  };
  for (LocalEvent& e : u.events) {
    freeze(&e.mentions, &e.lite);
    // Events made in step 1 without their cues read (the forces' operations, earlier events)
    // have them read here: every claim is encoded with its cues.
    if (e.cues.size() != e.claims.size()) e.cues = ReadFigureCues(e.claims, *b.rules);
    if (!e.claims.empty()) e.claim_ref = b.spill.Append(EncodeClaims(e.claims, &e.cues));
    for (const Claim& c : e.claims) CountClaim(c, &e.claim_counts);
    Release(&e.claims);
    Release(&e.cues);
    e.folded_locs.shrink_to_fit();
    e.named_keys.shrink_to_fit();
    // The notes are only read into the event's reason: joined as Finish() joins them.
    std::string notes;
    for (const std::string& n : e.notes) notes += n + "; ";
    e.reason_ref = b.spill.Append(notes);
    Release(&e.notes);
    e.loc = b.InternLoc(e.loc);
    // Until now the views point into `doc`.
    e.type = b.Intern(e.type);
    for (std::string_view& g : e.groups) g = b.Intern(g);
    e.groups.shrink_to_fit();
  }
  if (u.wave) {
    freeze(&u.wave->mentions, &u.wave->lite);
    u.wave->claims.shrink_to_fit();
    u.wave->loc = b.InternLoc(u.wave->loc);
  }
  for (Recall& r : u.recalls) r.loc = b.InternLoc(r.loc);
  u.recalls.shrink_to_fit();
  u.dropped.shrink_to_fit();
  b.docs.push_back({doc.doc_id, doc.published});
  Impl::Kept k;
  b.stats.events += u.events.size();
  b.stats.recalls += u.recalls.size();
  for (const Event& e : u.events) {
    b.stats.claim_bytes += e.claim_ref.size;
    if (e.people[0] != 0) ++b.stats.named_events;
  }
  // The Event part of each: what step 1 alone read stays behind, freed with `u`.
  k.events.reserve(u.events.size());
  for (LocalEvent& e : u.events) k.events.push_back(std::move(static_cast<Event&>(e)));
  if (u.wave) {
    ++b.stats.waves;
    k.wave = std::make_unique<Wave>(std::move(*u.wave));
  }
  k.recalls = std::move(u.recalls);
  k.placeless_people = u.placeless_people;
  k.placeless_day = u.placeless_day;
  if (!u.dropped.empty()) k.dropped = b.spill.Append(EncodeReasons(u.dropped));
  b.units.push_back(std::move(k));
}

IncidentSet Resolve(const std::vector<DocAnalysis>& input, const ResolveOptions& o) {
  ResolveBatch batch(o);
  for (const DocAnalysis& d : input) batch.Add(d);
  Result<IncidentSet> set = std::move(batch).Finish();
  return set.ok() ? std::move(set).value() : IncidentSet();
}

struct IncidentStream::Impl {
  CheckedSpill spill;                // with the first error reading it back, the batch's included
  std::vector<std::string> doc_ids;  // sorted, unique: index order is id order
  std::vector<Recall> recalls;       // what Parked::background points into
  const PlaceNames* place_names = nullptr;  // ResolveOptions::place_names
  PlaceSpellingIndex spellings;             // the batch's, for place_aliases
  // The incidents where FinishStream() built them (leaf incidents, stories), claims and reasons
  // parked, handed out in `order`: not moved into a second array first, which would hold two
  // shells per incident at the peak.
  std::vector<Incident> leaves, stories;
  std::vector<Parked> leaf_parked, story_parked;  // [i] belongs to leaves[i] / stories[i]
  struct Item {
    bool story;
    uint32_t index;
  };
  std::vector<Item> order;  // output order
  size_t next = 0;
};

IncidentStream::IncidentStream() : impl_(std::make_unique<Impl>()) {}
IncidentStream::~IncidentStream() = default;
IncidentStream::IncidentStream(IncidentStream&&) noexcept = default;
IncidentStream& IncidentStream::operator=(IncidentStream&&) noexcept = default;

size_t IncidentStream::size() const { return impl_->order.size(); }

const Status& IncidentStream::status() const { return impl_->spill.error; }

bool IncidentStream::Next(Incident* out) {
  Impl& s = *impl_;
  if (s.next >= s.order.size() || !s.spill.error.ok()) return false;
  const Impl::Item item = s.order[s.next++];
  Incident& slot = item.story ? s.stories[item.index] : s.leaves[item.index];
  Parked& parked = item.story ? s.story_parked[item.index] : s.leaf_parked[item.index];
  // Built in place in *out (every field assigned by the move), not in a local moved out after.
  *out = std::move(slot);
  slot = Incident();  // release the moved-from shell's capacity too
  Incident& inc = *out;
  SortUnique(&inc.mentions);
  UnparkWhy(&inc, &parked, &s.spill);
  UnparkClaims(&inc, &parked, &s.spill);
  if (!s.spill.error.ok()) return false;  // it lacks what could not be read back
  if (parked.sort_claims) TakeInOrder(parked.claim_order, &inc.claims);
  if (!parked.background.empty()) {
    std::vector<int> docs;
    for (const Background& b : parked.background) {
      const Recall& r = s.recalls[b.recall];
      docs.push_back(r.doc);
      inc.why.push_back({s.doc_ids[r.doc], "background", RecallDetail(r, b.pm), 0});
    }
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    for (int d : docs) inc.mentions.push_back(s.doc_ids[d]);
    std::sort(inc.mentions.begin(), inc.mentions.end());
    inc.mentions.erase(std::unique(inc.mentions.begin(), inc.mentions.end()), inc.mentions.end());
  }
  parked = {};
  if (s.place_names != nullptr) s.place_names->FillOne(s.spellings, &inc);
  return true;
}

Result<IncidentSet> ResolveBatch::Finish() && {
  IncidentStream stream = std::move(*this).FinishStream();
  IncidentSet out;
  out.incidents.reserve(stream.size());
  Incident inc;
  while (stream.Next(&inc)) out.incidents.push_back(std::move(inc));
  if (!stream.status().ok()) return stream.status();
  return out;
}

IncidentStream ResolveBatch::FinishStream() && {
  Impl& b = *impl_;
  const ResolveOptions& o = b.options;
  const ResolveRules& rules = *b.rules;
  Result<Policy> parsed = ParsePolicy(o.best_policy);
  const Policy policy = parsed.ok() ? *parsed : Policy::kLatest;

  // Content order: documents by id (a repeated id counts once, as first added).
  std::vector<int> perm(b.docs.size());
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(),
                   [&](int x, int y) { return b.docs[x].doc_id < b.docs[y].doc_id; });
  perm.erase(std::unique(perm.begin(), perm.end(),
                         [&](int x, int y) { return b.docs[x].doc_id == b.docs[y].doc_id; }),
             perm.end());
  std::vector<DocRef> docs;
  docs.reserve(perm.size());
  for (int k : perm) docs.push_back(std::move(b.docs[k]));

  // The events stay where Add() kept them (each article's vector) and are numbered in content
  // order through a table of pointers: moving them into one container would need a second copy
  // of every event at the peak. An article's events are numbered consecutively:
  // doc_events(d) = [doc_first[d], doc_first[d + 1]).
  EventTable events;
  std::vector<Wave> waves;
  std::vector<Recall> recalls;
  std::vector<int> doc_first(docs.size() + 1, 0);
  auto doc_events = [&](size_t d) {
    std::vector<int> v(doc_first[d + 1] - doc_first[d]);
    std::iota(v.begin(), v.end(), doc_first[d]);
    return v;
  };
  std::vector<SpillFile::Ref> doc_dropped(docs.size());
  // Articles that name no place but name people: (doc, its Kept unit), in doc-id order.
  std::vector<std::pair<int, const Impl::Kept*>> placeless_named;
  std::vector<bool> used(b.units.size(), false);
  for (size_t i = 0; i < docs.size(); ++i) {
    Impl::Kept& u = b.units[perm[i]];
    used[perm[i]] = true;
    const int doc = static_cast<int>(i);
    doc_dropped[i] = u.dropped;
    if (u.placeless_people[0] != 0) placeless_named.emplace_back(doc, &u);
    doc_first[i] = static_cast<int>(events.size());
    for (Event& e : u.events) {
      e.doc = doc;
      events.push_back(&e);
    }
    doc_first[i + 1] = static_cast<int>(events.size());
    if (u.wave) {
      u.wave->doc = doc;
      u.wave->events = doc_events(i);
      waves.push_back(std::move(*u.wave));
      u.wave.reset();
    }
    for (Recall& r : u.recalls) {
      r.doc = doc;
      recalls.push_back(std::move(r));
    }
    Release(&u.recalls);
  }
  for (size_t k = 0; k < b.units.size(); ++k) {
    if (!used[k]) b.units[k] = Impl::Kept();  // a repeated doc_id: only its first Add() counts
  }
  Release(&b.docs);

  // 2. Clustering, in content order.
  {
    // How many articles report an event at each fine place on each day (Event::attested). A
    // wire copy repeats its original's place and day: it attests nothing of its own.
    std::unordered_map<uint64_t, std::pair<int, int>> seen;  // key -> (last doc, articles)
    auto attest_key = [](const Event& e) { return DayKey("a", e.loc->key_hash, *e.day).hash; };
    auto attestable = [](const Event& e) { return e.day && Fine(e.loc) && e.kind.empty(); };
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      if (!attestable(e)) continue;
      auto it = seen.try_emplace(attest_key(e), -1, 0).first;
      if (!e.copy && it->second.first != e.doc) {  // an article's events are consecutive
        it->second.first = e.doc;
        ++it->second.second;
      }
    }
    for (size_t i = 0; i < events.size(); ++i) {
      Event& e = events[i];
      if (attestable(e)) e.attested = seen.find(attest_key(e))->second.second;
    }
  }
  std::vector<int> order(events.size());
  std::iota(order.begin(), order.end(), 0);
  auto order_less = [&](int a, int b) {
    const Event& x = events[a];
    const Event& y = events[b];
    if (Level(x.loc) != Level(y.loc)) return Level(x.loc) < Level(y.loc);
    if (x.day.has_value() != y.day.has_value()) return x.day.has_value();
    if (x.day != y.day) return *x.day < *y.day;
    if (int c = x.loc->key.compare(y.loc->key); c != 0) return c < 0;
    if (x.doc != y.doc) return x.doc < y.doc;  // docs are sorted by id
    return x.first_begin < y.first_begin;
  };
  std::sort(order.begin(), order.end(), order_less);
  std::vector<Cluster> clusters;
  Index idx;
  // Scoring for an undated follow-up weeks after its incident (FollowUp()): the ordinary rules
  // with the longer publication gap.
  ResolveOptions followup = o;
  followup.undated_publish_gap_days =
      std::max(o.undated_publish_gap_days, rules.undated_followup_days);
  std::vector<int> followup_cands;
  // Person key -> the clusters holding a report that names that person (NameFollowUp).
  std::unordered_map<uint64_t, std::vector<int>> by_person;
  for (int ei : order) {
    Event& e = events[ei];
    const std::string& doc_id = docs[e.doc].doc_id;
    std::vector<int> cands = Candidates(e.loc, e.day, e.pub, o, idx);
    // Clusters at the article's folded places, and clusters holding this place among theirs.
    auto place_key = [&](uint64_t key_hash) {
      const uint64_t prefix = KeyPrefix("p", key_hash);
      if (e.day || e.pub) {
        CollectTimed(prefix, e.day, e.pub, o, idx, &cands);
      } else {
        idx.Collect(WholeKey(prefix), &cands);
      }
    };
    for (const Loc& f : e.folded_locs) place_key(f.key_hash);
    // An undated event's Candidates() already read its own place key; a dated one's read the
    // province and grid cells only.
    if (e.day) place_key(e.loc->key_hash);
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    int best = -1;
    PairScore best_s;
    std::vector<std::pair<double, int>> coarse;
    PairScore best_coarse;
    // A report with no day and no place finer than its country tells no attack apart from
    // another there: the candidates no veto rules out (ScorePair total > 0), for the last resort.
    const bool vague = !e.day && e.loc->known && e.loc->place.level == GeoLevel::kCountry;
    int unvetoed = 0, only = -1;
    PairScore only_s;
    for (int ci : cands) {
      PairScore s = ScorePair(e, clusters[ci], events, o, rules);
      if (vague && s.total > 0 && unvetoed++ == 0) {
        only = ci;
        only_s = s;
      }
      if (!s.ok) continue;
      if (Coarse(s.place)) {
        coarse.emplace_back(s.total, ci);
        if (coarse.size() == 1 || s.total > best_coarse.total) best_coarse = s;
      } else if (best < 0 || s.total > best_s.total) {
        best = ci;
        best_s = std::move(s);
      }
    }
    std::string how;
    if (best < 0 && !coarse.empty()) {
      std::sort(coarse.begin(), coarse.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      if (coarse.size() == 1 || coarse[0].first - coarse[1].first >= 0.5) {
        best = coarse[0].second;
        best_s = best_coarse;
        how = coarse.size() == 1 ? "; the only incident it can contain"
                                 : "; clearly the best of " + std::to_string(coarse.size());
      } else {
        how = "; coarse place ambiguous between " + std::to_string(coarse.size()) + " incidents";
      }
    }
    bool followup_day = false;
    if (best < 0 &&
        NameFollowUp(e, clusters, events, by_person, o, rules, &best, &best_s, &followup_day)) {
      e.followup_day = followup_day;
      how += "; names the same person as a report of it";
      if (followup_day) how += " on another day";
    } else if (best < 0 && coarse.empty() &&
               NamesakeJoin(e, clusters, events, o, rules, idx, &followup_cands, &best, &best_s)) {
      how = "; a same-named place elsewhere, one of them read without a cue to its province";
    } else if (best < 0 && coarse.empty() &&
               FollowUp(e, clusters, events, followup, rules, idx, &followup_cands, &best,
                        &best_s)) {
      how = "; the only incident at its place in the " +
            std::to_string(followup.undated_publish_gap_days) + " days before it";
    } else if (int64_t named = 0; best < 0 && coarse.empty() &&
                                  DayFollowUp(e, clusters, events, o, rules, idx, &followup_cands,
                                              &best, &best_s, &named)) {
      // The article says which day the attack was: its own day (a death, a hearing) is not.
      how = "; dated " + (e.day ? CivilFromDays(*e.day).ToIso() : std::string("nothing")) +
            " by its own mention, its article names " + CivilFromDays(named).ToIso() +
            ", the day of the only incident at its place then";
      e.day = named;
    } else if (best < 0 && vague && unvetoed == 1 && only_s.figures >= 1.0) {
      // Alone it would be an incident nobody can place or date: with a toll that fits, it joins
      // the one incident of its country it can be part of (a report of that story naming a venue
      // the gazetteer lacks). Without a toll, it is as likely news of no attack.
      best = only;
      best_s = std::move(only_s);
      how = "; undated and placed only by its country: the one incident there it fits";
    }
    // The reason is written in one string, part after part (this runs once per report).
    std::string detail;
    detail.reserve(256);  // most reasons fit: one allocation
    detail += "at ";
    AppendPlaceDesc(e.loc, &detail);
    if (e.day) {
      detail += " on ";
      detail += CivilFromDays(*e.day).ToIso();
    } else {
      detail += " (undated)";
    }
    detail += "; ";
    detail += b.spill.Read(e.reason_ref);
    if (best >= 0) {
      AppendDetail(best_s, &detail);
      detail += how;
      e.reason_ref = b.spill.Append(EncodeReason(doc_id, "attached", detail, best_s.total));
    } else {
      best = static_cast<int>(clusters.size());
      clusters.emplace_back();
      detail += "no candidate scored >= ";
      AppendFmt(o.attach_threshold, &detail);
      detail += " among ";
      detail += std::to_string(cands.size());
      detail += how;
      e.reason_ref = b.spill.Append(EncodeReason(doc_id, "new incident", detail, 0));
    }
    AddToCluster(ei, &e, best, &clusters[best], &idx);
    if (followup_day) RedateNamedCluster(&clusters[best], events, o);
    for (uint64_t k : e.people) {
      if (k == 0) break;
      std::vector<int>& v = by_person[k];
      if (std::find(v.begin(), v.end(), best) == v.end()) v.push_back(best);
    }
  }

  // An article that names no place joins by the person it names (PlacelessByName): its
  // document only, as its figures have no place to be checked against.
  std::vector<std::vector<std::pair<int, std::string>>> placeless_docs(clusters.size());
  for (const auto& [doc, u] : placeless_named) {
    int ci = -1;
    std::string detail;
    if (PlacelessByName(u->placeless_people, u->placeless_day, DayOf(docs[doc].published), clusters,
                        by_person, o, rules, &ci, &detail)) {
      placeless_docs[ci].emplace_back(doc, std::move(detail));
    }
  }

  // 3. Stories.
  UnionFind uf(clusters.size());
  std::vector<std::vector<Reason>> link_why(clusters.size());
  auto same_region = [](const Loc& a, const Loc& b) {
    if (a.country_key != b.country_key) return false;
    return a.place.admin1.empty() || b.place.admin1.empty() || a.admin1_key == b.admin1_key;
  };
  for (size_t d = 0; d < docs.size(); ++d) {
    for (int i = doc_first[d]; i < doc_first[d + 1]; ++i) {
      for (int j = i + 1; j < doc_first[d + 1]; ++j) {
        const Event& a = events[i];
        const Event& b = events[j];
        if (a.cluster == b.cluster || !same_region(a.loc, b.loc)) continue;
        if (!DatesFit(a.day, b.day, 1)) continue;
        // An earlier event the article recalls is its own story, not part of the one reported.
        if (a.kind == "earlier" || b.kind == "earlier") continue;
        uf.Union(a.cluster, b.cluster);
        link_why[a.cluster].push_back(
            {docs[d].doc_id, "story",
             "reported together with " + PlaceDesc(b.loc) + " (same province, within a day)", 0});
      }
    }
  }
  // Waves: link what each wave record covers; remember which wave belongs to which group.
  std::vector<int> wave_root(waves.size(), -1);
  for (size_t w = 0; w < waves.size(); ++w) {
    Wave& wv = waves[w];
    std::vector<int> members;
    for (int pass = 0; pass < 2 && members.empty(); ++pass) {
      // Second pass: the wave's own place (often the dateline, where the reporter sits) holds
      // none of the article's events, so the events say where the wave is.
      for (int ei : wv.events) {
        const Event& e = events[ei];
        if (e.kind == "earlier") continue;  // recalled, not part of this wave
        if (pass == 0 && wv.loc->known &&
            !(wv.cross_province ? wv.loc->country_key == e.loc->country_key
                                : same_region(wv.loc, e.loc))) {
          continue;
        }
        if (!DatesFit(wv.day, e.day, 1)) continue;
        members.push_back(e.cluster);
      }
      if (pass == 1 && !members.empty()) {
        std::map<std::string, std::pair<int, const Loc*>> votes;
        for (int ei : wv.events) {
          auto& v = votes[events[ei].loc->admin1_key];
          ++v.first;
          v.second = &*events[ei].loc;
        }
        int n = 0;
        for (const auto& [k, v] : votes) {
          if (v.first > n) {
            n = v.first;
            Place p;
            p.country = v.second->place.country;
            p.admin1 = v.second->place.admin1;
            p.name = p.admin1;
            p.level = p.admin1.empty() ? GeoLevel::kCountry : GeoLevel::kProvince;
            wv.loc = MakeLoc(p);
          }
        }
        members.erase(std::remove_if(members.begin(), members.end(),
                                     [&](int c) {
                                       for (int ei : wv.events) {
                                         if (events[ei].cluster == c) {
                                           return !same_region(wv.loc, events[ei].loc);
                                         }
                                       }
                                       return true;
                                     }),
                      members.end());
      }
    }
    if (members.empty() && wv.loc->known) {
      // A wave report that names none of its attacks joins the one incident it can contain.
      std::set<int> found;
      for (int ci : Candidates(wv.loc, wv.day, std::nullopt, o, idx)) {
        const Cluster& c = clusters[ci];
        bool place_ok = false;
        for (const Loc& l : c.locs)
          place_ok = place_ok || MatchPlaces(wv.loc, l, o) != PlaceMatch::kNone;
        bool date_ok = true;
        if (wv.day && !c.days.empty()) {
          date_ok = false;
          for (int64_t d : c.days) date_ok = date_ok || Gap(d, *wv.day) <= o.date_window_days;
        } else if (!wv.day) {
          date_ok = UndatedFits(DayOf(docs[wv.doc].published), c.days, o.undated_publish_gap_days);
        }
        if (place_ok && date_ok) found.insert(ci);
      }
      if (found.size() == 1) members.push_back(*found.begin());
    }
    // By region only for a wave report that names none of its attacks: one that names them is
    // linked to those, and pulling in every incident of its province that day would join
    // unrelated attacks wherever a province sees several a day.
    if (o.link_wave_by_region && members.empty() && wv.explicit_wave && wv.loc->known && wv.day &&
        wv.loc->place.level <= GeoLevel::kProvince && !wv.loc->place.admin1.empty()) {
      for (int64_t d = *wv.day - 1; d <= *wv.day + 1; ++d) {
        std::vector<int> found;
        idx.Collect(DayKey("d", wv.loc->admin1_hash, d), &found);
        members.insert(members.end(), found.begin(), found.end());
      }
    }
    members.erase(std::remove_if(members.begin(), members.end(),
                                 [&](int c) { return clusters[c].kind == "earlier"; }),
                  members.end());
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    for (int c : members) {
      uf.Union(members.front(), c);
      link_why[c].push_back({docs[wv.doc].doc_id, "story",
                             std::string("covered by a wave report") +
                                 (wv.loc->known ? " in " + PlaceDesc(wv.loc) : "") +
                                 (wv.day ? " on " + CivilFromDays(*wv.day).ToIso() : ""),
                             0});
    }
    if (!members.empty()) wave_root[w] = members.front();
  }

  // The recalls' candidates for step 4, worked out now so the blocking index (the largest part
  // of clustering's memory) is freed before the leaves are built. Kept: the clusters whose
  // places and days fit (step 4 then only drops an incident of the recall's own article), with
  // their place match, in the order step 4 tries them; for a recall that names one earlier
  // attack (`latest_only`), in groups by day, latest first.
  std::vector<RecallCandidates> recall_cands(recalls.size());
  for (size_t ri = 0; ri < recalls.size(); ++ri) {
    const Recall& r = recalls[ri];
    RecallCandidates& rc = recall_cands[ri];
    const bool latest_only = !r.day && !r.month;  // a year, or no date
    if (latest_only && (!Fine(r.loc) || !r.until)) continue;
    // Cluster `ci`'s place match if its places and days fit the recall, else kNone.
    auto fit = [&](int ci) {
      const Cluster& c = clusters[ci];
      PlaceMatch pm = PlaceMatch::kNone;
      for (const Loc& l : c.locs) {
        PlaceMatch m = MatchPlaces(r.loc, l, o);
        if (PlaceScore(m) > PlaceScore(pm)) pm = m;
      }
      if (pm == PlaceMatch::kNone || (latest_only && Coarse(pm))) return PlaceMatch::kNone;
      bool date_ok = false;
      if (r.day) {
        for (int64_t d : c.days) date_ok = date_ok || Gap(d, *r.day) <= o.date_window_days;
      } else if (r.month || r.year) {
        const std::pair<int64_t, int64_t>& span = r.month ? *r.month : *r.year;
        for (int64_t d : c.days) date_ok = date_ok || (d >= span.first && d <= span.second);
      } else {
        date_ok = !c.days.empty();  // the scan below found it on one of its days
      }
      // Nobody recalls what had not happened yet.
      if (r.until) {
        for (int64_t d : c.days) date_ok = date_ok && d <= *r.until;
      }
      return date_ok ? pm : PlaceMatch::kNone;
    };
    auto keep = [&](const std::vector<int>& cands) {
      for (int ci : cands) {
        if (const PlaceMatch pm = fit(ci); pm != PlaceMatch::kNone) rc.fits.emplace_back(ci, pm);
      }
      if (rc.group_ends.empty() || rc.group_ends.back() != rc.fits.size()) {
        rc.group_ends.push_back(static_cast<uint32_t>(rc.fits.size()));
      }
    };
    // Dated incidents of the recall's province (country) on day d.
    auto day_key = [&](int64_t d) {
      return r.loc->place.level == GeoLevel::kCountry ? DayKey("c", r.loc->country_hash, d)
                                                      : DayKey("d", r.loc->admin1_hash, d);
    };
    std::vector<int> cands;
    if (r.day) {
      keep(Candidates(r.loc, r.day, std::nullopt, o, idx));
    } else if (r.month) {
      const int64_t last = r.until ? std::min(r.month->second, *r.until) : r.month->second;
      for (int64_t d = r.month->first; d <= last; ++d) idx.Collect(day_key(d), &cands);
      std::sort(cands.begin(), cands.end());
      cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
      keep(cands);
    } else {
      // Back from the latest day the recall may name; step 4 stops at the first day that links.
      const int64_t last = r.year ? std::min(r.year->second, *r.until) : *r.until;
      const int64_t first = r.year ? r.year->first : *r.until - rules.recall_lookback_days;
      for (int64_t d = last; d >= first; --d) {
        cands.clear();
        idx.Collect(day_key(d), &cands);
        std::sort(cands.begin(), cands.end());
        cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
        keep(cands);
      }
    }
  }
  idx.Clear();  // read by nothing after

  // Leaf incidents.
  std::vector<Incident> leaves(clusters.size());
  // Each leaf's reasons until it is parked, kept encoded: its reports' reasons are copied from
  // their blobs, never decoded here.
  std::vector<ReasonWriter> leaf_why(clusters.size());
  for (size_t d = 0; d < docs.size(); ++d) {  // what an article lost is told where it went
    if (doc_first[d] == doc_first[d + 1]) continue;
    leaf_why[events[doc_first[d]].cluster].AddEncoded(b.spill.Read(doc_dropped[d]));
  }
  // A wave whose claims find no story go to the incident of its article's first event: noted
  // now, as the events are freed while the leaves are built.
  std::vector<int> wave_first_cluster(waves.size(), -1);
  for (size_t w = 0; w < waves.size(); ++w) {
    if (!waves[w].events.empty()) wave_first_cluster[w] = events[waves[w].events.front()].cluster;
    Release(&waves[w].events);
  }
  // Each article's events are freed once every event of it is in its leaf (its last one read),
  // so the leaves take the place of the events instead of adding to them at the peak.
  std::vector<uint32_t> events_left(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) events_left[d] = doc_first[d + 1] - doc_first[d];
  std::vector<Parked> leaf_parked(clusters.size());
  std::vector<std::vector<const MentionLite*>> leaf_mentions(clusters.size());
  std::vector<std::tuple<std::string, uint32_t>> leaf_first(clusters.size());
  for (size_t ci = 0; ci < clusters.size(); ++ci) {
    const Cluster& c = clusters[ci];
    Incident& inc = leaves[ci];
    ReasonWriter& why = leaf_why[ci];
    std::map<std::string, std::tuple<int, int>> loc_votes;  // key -> (-level, count)
    std::map<int64_t, int> day_votes;
    std::vector<int> evs = c.events;
    std::sort(evs.begin(), evs.end(), [&](int a, int b) {
      return std::make_tuple(docs[events[a].doc].doc_id, events[a].first_begin) <
             std::make_tuple(docs[events[b].doc].doc_id, events[b].first_begin);
    });
    leaf_first[ci] = {docs[events[evs.front()].doc].doc_id, events[evs.front()].first_begin};
    for (int ei : evs) {
      // The event's claims and reason move to the incident: nothing reads them after this. The
      // claims stay encoded where Add() put them, parked as the leaf's (UnparkClaims reads the
      // segments in this order): decoded once, for reconciliation.
      Event& e = events[ei];
      inc.documents.push_back(docs[e.doc].doc_id);
      why.AddEncoded(b.spill.Read(e.reason_ref));
      e.reason_ref = {};
      for (const MentionLite* m : e.lite) leaf_mentions[ci].push_back(m);
      // A county's stand-in town ranks as its county unless another report names it.
      auto& v = loc_votes.try_emplace(e.loc->key, INT_MIN, 0).first->second;
      const int level = e.county_stand_in ? static_cast<int>(GeoLevel::kDistrict) : Level(e.loc);
      std::get<0>(v) = std::max(std::get<0>(v), -level);
      ++std::get<1>(v);
      if (e.day && !e.followup_day) ++day_votes[*e.day];  // a hearing's day is not the attack's
      if (!e.claim_ref.empty() && e.followup_day) {
        // A report whose day is not the attack's (RedateNamedCluster: a hearing, an arrest, or
        // a day misread weeks later): its figures are the case's (other shootings, the
        // charges) or as doubtful as its day, not a count of the attack.
        why.Add(docs[e.doc].doc_id, "claims left out",
                "its day is not the attack's (a later hearing or arrest, or misread): " +
                    ClaimCountsText(e.claim_counts),
                0);
        e.claim_ref = {};
      } else if (!e.claim_ref.empty()) {
        why.Add(docs[e.doc].doc_id, "claims attached", ClaimCountsText(e.claim_counts), 0);
        leaf_parked[ci].claims.push_back(e.claim_ref);
        e.claim_ref = {};
      }
    }
    for (const auto& [doc, detail] : placeless_docs[ci]) {
      inc.documents.push_back(docs[doc].doc_id);
      why.Add(docs[doc].doc_id, "attached", detail, 0);
    }
    // Place: the finest, most reported; a place one report's article names beside its own (the
    // hospital's town, the victim's home) ranks below every place none names so.
    auto named_aside = [&](const Loc& l) {
      return std::any_of(evs.begin(), evs.end(), [&](int ei) {
        return events[ei].loc->key != l.key && NamesBeside(events[ei], l.key);
      });
    };
    // A place only unanchored reports give, beside a same-named place of another province that
    // an article chose with a cue (NamesakeJoin), is the namesake misread.
    auto namesake_misread = [&](const Loc& l) {
      if (!AllUnanchoredAt(l, c, events)) return false;
      return std::any_of(evs.begin(), evs.end(), [&](int ei) {
        const Event& x = events[ei];
        return !x.unanchored && x.loc->admin1_key != l.admin1_key &&
               std::any_of(evs.begin(), evs.end(), [&](int ej) {
                 return events[ej].loc->key == l.key && events[ej].namesake == x.namesake;
               });
      });
    };
    const Loc* loc = nullptr;
    bool loc_aside = false;
    std::tuple<int, int, std::string> best_loc;
    for (const Loc& l : c.locs) {
      const auto& v = loc_votes[l.key];
      std::tuple<int, int, std::string> k{std::get<0>(v), std::get<1>(v), l.key};
      const bool aside = c.locs.size() > 1 && (named_aside(l) || namesake_misread(l));
      if (loc != nullptr && aside != loc_aside) {
        if (!aside) {
          loc = &l;
          best_loc = k;
          loc_aside = false;
        }
        continue;
      }
      if (loc == nullptr || std::get<0>(k) > std::get<0>(best_loc) ||
          (std::get<0>(k) == std::get<0>(best_loc) &&
           (std::get<1>(k) > std::get<1>(best_loc) ||
            (std::get<1>(k) == std::get<1>(best_loc) && std::get<2>(k) < std::get<2>(best_loc))))) {
        loc = &l;
        best_loc = k;
        loc_aside = aside;
      }
    }
    const Place& p = loc->place;
    inc.country = p.country;
    inc.admin1 = p.admin1;
    inc.admin2 = p.admin2;
    if (p.level <= GeoLevel::kDistrict) {
      inc.place = p.name;
      if (inc.admin2.empty() && p.level == GeoLevel::kDistrict) inc.admin2 = p.name;
    }
    if (p.has_coords) {
      inc.lat = p.lat;
      inc.lon = p.lon;
    }
    inc.geo_precision = std::min(3, static_cast<int>(p.level));
    // A town every report names only through its county (the "X County sheriff" read as its
    // seat) is the county's stand-in: coded as ACLED codes an event known only by its district,
    // at the seat's point with the district's precision.
    if (p.level == GeoLevel::kPlace &&
        std::get<0>(loc_votes[loc->key]) == -static_cast<int>(GeoLevel::kDistrict)) {
      inc.geo_precision = static_cast<int>(GeoLevel::kDistrict);
    }
    int n = 0;
    for (const auto& [d, count] : day_votes) {
      if (count > n) {
        n = count;
        inc.date = CivilFromDays(d);
      }
    }
    std::tie(inc.event_type, inc.sub_event_type) = Types(leaf_mentions[ci], rules);
    inc.perpetrator = Perpetrator(leaf_mentions[ci]);
    if (!c.kind.empty() && inc.event_type.empty()) {
      inc.event_type = "Battles";  // the forces against militants (ACLED codes it apart)
      inc.sub_event_type = "Armed clash";
    }
    SortUnique(&inc.documents);
    // Until its figures are reconciled nothing reads the leaf's claims or reasons.
    if (why.count > 0) leaf_parked[ci].why.push_back(b.spill.Append(why.Finish()));
    // Freed, the blob is in the spill file. (Move-assigning an empty, short string would keep
    // the buffer: libstdc++ copies a short string into the capacity it has.)
    std::string().swap(why.body);
    why.count = 0;
    Park(&inc, &leaf_parked[ci], &b.spill);
    for (int ei : evs) {
      const int d = events[ei].doc;
      if (--events_left[d] == 0) Release(&b.units[perm[d]].events);
    }
  }
  // Every event is freed (with the units that held them): not read after this.
  events.Clear();
  std::vector<Impl::Kept>().swap(b.units);
  Release(&doc_first);
  Release(&events_left);

  // Groups -> stories, wave claims to the story or to the lone incident.
  // Indexed by root, read in root order (as a map by root would be): no node per group.
  std::vector<std::vector<int>> groups(clusters.size());  // root -> clusters
  for (size_t ci = 0; ci < clusters.size(); ++ci)
    groups[uf.Find(static_cast<int>(ci))].push_back(ci);
  std::vector<std::vector<int>> group_waves(clusters.size());  // root -> waves
  std::vector<int> lone_waves;
  for (size_t w = 0; w < waves.size(); ++w) {
    if (wave_root[w] >= 0) {
      group_waves[uf.Find(wave_root[w])].push_back(static_cast<int>(w));
    } else if (waves[w].loc->known && (!waves[w].claims.empty() || waves[w].explicit_wave)) {
      lone_waves.push_back(static_cast<int>(w));
    } else {
      // Wave-scoped claims of an article whose events all fell elsewhere: fold into its events.
      if (wave_first_cluster[w] >= 0) {
        Incident& inc = leaves[wave_first_cluster[w]];
        for (const Claim& c : waves[w].claims) inc.claims.push_back(c);
      }
    }
  }
  struct Story {
    Incident inc;
    std::vector<int> children;
    std::vector<const MentionLite*> mentions;
    Parked parked;
  };
  std::vector<Story> stories;
  for (size_t root = 0; root < groups.size(); ++root) {
    const std::vector<int>& members = groups[root];
    if (members.empty()) continue;
    const std::vector<int>& ws = group_waves[root];
    if (members.size() == 1) {
      Incident& inc = leaves[members.front()];
      for (int w : ws) {
        for (const Claim& c : waves[w].claims) inc.claims.push_back(c);
        inc.documents.push_back(docs[waves[w].doc].doc_id);
        if (!waves[w].claims.empty()) {
          inc.why.push_back({docs[waves[w].doc].doc_id, "claims attached",
                             "wave-scoped figures of a wave with one known incident", 0});
        }
      }
      SortUnique(&inc.documents);
      continue;
    }
    Story s;
    s.children = members;
    for (int ci : members) {
      for (Reason& r : link_why[ci]) s.inc.why.push_back(std::move(r));
      s.mentions.insert(s.mentions.end(), leaf_mentions[ci].begin(), leaf_mentions[ci].end());
    }
    for (int w : ws) {
      const Wave& wv = waves[w];
      for (const Claim& c : wv.claims) s.inc.claims.push_back(c);
      s.inc.documents.push_back(docs[wv.doc].doc_id);
      s.mentions.insert(s.mentions.end(), wv.lite.begin(), wv.lite.end());
      if (!wv.claims.empty()) {
        s.inc.why.push_back({docs[wv.doc].doc_id, "claims attached",
                             std::to_string(wv.claims.size()) + " wave/part figure(s) to the story",
                             0});
      }
    }
    stories.push_back(std::move(s));
  }
  std::vector<std::vector<int>>().swap(groups);
  std::vector<std::vector<int>>().swap(group_waves);
  // Wave reports that match no incident: province-level incidents of their own, merged when
  // they report the same region within the window.
  std::vector<std::vector<int>> wave_only;
  for (int w : lone_waves) {
    bool joined = false;
    for (std::vector<int>& g : wave_only) {
      const Wave& a = waves[g.front()];
      if (MatchPlaces(a.loc, waves[w].loc, o) == PlaceMatch::kSame &&
          DatesFit(a.day, waves[w].day, o.date_window_days)) {
        g.push_back(w);
        joined = true;
        break;
      }
    }
    if (!joined) wave_only.push_back({w});
  }
  for (const std::vector<int>& g : wave_only) {
    Story s;
    for (int w : g) {
      const Wave& wv = waves[w];
      for (const Claim& c : wv.claims) s.inc.claims.push_back(c);
      s.inc.documents.push_back(docs[wv.doc].doc_id);
      s.mentions.insert(s.mentions.end(), wv.lite.begin(), wv.lite.end());
      s.inc.why.push_back({docs[wv.doc].doc_id, "new incident",
                           "a wave report matching no incident: at " + PlaceDesc(wv.loc) +
                               (wv.day ? " on " + CivilFromDays(*wv.day).ToIso() : ""),
                           0});
    }
    const Wave& first = waves[g.front()];
    s.inc.country = first.loc->place.country;
    s.inc.admin1 = first.loc->place.admin1;
    if (first.loc->place.has_coords && first.loc->place.level >= GeoLevel::kProvince) {
      s.inc.lat = first.loc->place.lat;
      s.inc.lon = first.loc->place.lon;
    }
    if (first.day) s.inc.date = CivilFromDays(*first.day);
    stories.push_back(std::move(s));
  }

  // The wave records and link reasons are not read after this: freed before reconciliation,
  // the peak of the incidents' own memory.
  std::vector<Wave>().swap(waves);
  Release(&wave_first_cluster);
  std::vector<std::vector<Reason>>().swap(link_why);

  // Story attributes and figures.
  for (Story& s : stories) {
    Incident& inc = s.inc;
    inc.geo_precision = 3;
    if (!s.children.empty()) {
      std::map<std::string, int> regions;
      std::optional<CivilDate> first, last;
      for (int ci : s.children) {
        const Incident& ch = leaves[ci];
        ++regions[ch.country + "\t" + ch.admin1];
        if (ch.date) {
          if (!first || *ch.date < *first) first = ch.date;
          if (!last || *ch.date > *last) last = ch.date;
        }
        inc.documents.insert(inc.documents.end(), ch.documents.begin(), ch.documents.end());
      }
      int n = 0;
      for (const auto& [r, count] : regions) {
        if (count > n || (count == n && inc.admin1.empty())) {
          n = count;
          const size_t tab = r.find('\t');
          inc.country = r.substr(0, tab);
          inc.admin1 = r.substr(tab + 1);
        }
      }
      inc.date = first;
      if (last && first && *last != *first) inc.date_end = last;
    }
    std::tie(inc.event_type, inc.sub_event_type) = Types(s.mentions, rules);
    if (inc.event_type.empty()) {
      std::vector<const MentionLite*> all = s.mentions;
      for (int ci : s.children) {
        all.insert(all.end(), leaf_mentions[ci].begin(), leaf_mentions[ci].end());
      }
      std::tie(inc.event_type, inc.sub_event_type) = Types(all, rules);
    }
    inc.perpetrator = Perpetrator(s.mentions);
    SortUnique(&inc.documents);
  }

  // Reconcile leaves, then stories (which need their children's figures).
  for (size_t ci = 0; ci < leaves.size(); ++ci) {
    Incident& inc = leaves[ci];
    Parked& parked = leaf_parked[ci];
    // The claims gained since parking (a wave's) are parked too, so that the segments alone
    // give the claims again when the leaf is emitted (Parked::sort_claims).
    if (!inc.claims.empty()) {
      parked.claims.push_back(b.spill.Append(EncodeClaims(inc.claims)));
      Release(&inc.claims);
    }
    std::vector<SpillFile::Ref> segments = parked.claims;
    // The cues were read in Add() (except a wave's claims'): reconciliation needs neither the
    // quotes nor the sources, which the emitted incident decodes again from the segments.
    std::vector<uint8_t> cue_bits;
    UnparkClaims(&inc, &parked, &b.spill, &cue_bits, /*texts=*/false);
    SortClaims(&inc.claims, &cue_bits, &parked.claim_order);
    ReconcileIncident(&inc, policy, o, rules, &cue_bits);
    Release(&inc.claims);
    parked.claims = std::move(segments);
    parked.sort_claims = true;
    Park(&inc, &parked, &b.spill);  // read again only when emitted
  }
  for (Story& s : stories) {
    Incident& inc = s.inc;
    SortClaims(&inc.claims);
    Incident own;
    own.claims = inc.claims;
    ResolveOptions no_zero = o;
    no_zero.zero_killed_if_only_injured = false;
    ReconcileIncident(&own, policy, no_zero, rules);
    std::optional<Figure> kids_killed, kids_injured;
    std::map<std::string, Figure> kids_cat;
    for (int ci : s.children) {
      const Incident& ch = leaves[ci];
      if (ch.killed) kids_killed = AddFigures(kids_killed.value_or(Figure{}), *ch.killed);
      if (ch.injured) kids_injured = AddFigures(kids_injured.value_or(Figure{}), *ch.injured);
      for (const auto& [cat, f] : ch.killed_by_category)
        kids_cat[cat] = AddFigures(kids_cat[cat], f);
    }
    inc.killed = Combine(own.killed, kids_killed);
    inc.injured = Combine(own.injured, kids_injured);
    inc.killed_by_category = own.killed_by_category;
    for (const auto& [cat, f] : kids_cat) {
      auto it = inc.killed_by_category.find(cat);
      inc.killed_by_category[cat] = *Combine(
          it == inc.killed_by_category.end() ? std::nullopt : std::optional<Figure>(it->second), f);
    }
    inc.other_figures = own.other_figures;
    inc.contradictions = own.contradictions;
    for (Reason& r : own.why) inc.why.push_back(std::move(r));
    if (kids_killed) {
      inc.why.push_back({"", "figure",
                         "story killed = max(story-level " +
                             (own.killed ? Fmt(own.killed->best) : std::string("none")) +
                             ", children's sum " + Fmt(kids_killed->best) + ")",
                         0});
    }
    if (o.zero_killed_if_only_injured && !inc.killed && inc.injured) {
      inc.killed = Figure{0, 0, 0};
      inc.why.push_back(
          {"", "figure", "killed: 0 (sources count injured and report no deaths)", 0});
    }
    Park(&inc, &s.parked, &b.spill);
  }

  // 6. Ids.
  auto date_str = [](const Incident& i) { return i.date ? i.date->ToIso() : std::string(); };
  std::map<std::string, std::vector<std::pair<std::tuple<std::string, uint32_t>, size_t>>> leaf_ids;
  for (size_t ci = 0; ci < leaves.size(); ++ci) {
    const Incident& inc = leaves[ci];
    const std::string base =
        HexId("i", Lower(inc.country + "|" + inc.admin1 + "|" + inc.admin2 + "|" + inc.place + "|" +
                         std::to_string(inc.geo_precision) + "|" + date_str(inc)));
    leaf_ids[base].push_back({leaf_first[ci], ci});
  }
  for (auto& [base, v] : leaf_ids) {
    std::sort(v.begin(), v.end());
    for (size_t k = 0; k < v.size(); ++k) {
      leaves[v[k].second].id = k == 0 ? base : base + "-" + std::to_string(k + 1);
    }
  }
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> story_ids;
  for (size_t si = 0; si < stories.size(); ++si) {
    const Incident& inc = stories[si].inc;
    const std::string base =
        HexId("s", Lower(inc.country + "|" + inc.admin1 + "|" + date_str(inc)));
    std::string tie = inc.documents.empty() ? "" : inc.documents.front();
    for (int ci : stories[si].children) tie = std::min(tie, leaves[ci].id);
    story_ids[base].push_back({tie, si});
  }
  for (auto& [base, v] : story_ids) {
    std::sort(v.begin(), v.end());
    for (size_t k = 0; k < v.size(); ++k) {
      stories[v[k].second].inc.id = k == 0 ? base : base + "-" + std::to_string(k + 1);
    }
  }
  std::vector<int> story_of(leaves.size(), -1);
  for (size_t si = 0; si < stories.size(); ++si) {
    for (int ci : stories[si].children) {
      story_of[ci] = static_cast<int>(si);
      leaves[ci].parent = stories[si].inc.id;
    }
  }

  // 4. Background recalls -> mentions. A recall links to the incidents at its place (any place
  // match; a province or country one reaches an incident it contains through its story, if it
  // has one) that had all happened by the day it was made (Recall::until), by its date: a day,
  // the incidents within date_window_days of it; a month, those in the month. A year, or no
  // date at all, names one earlier attack, not the place's whole history: the most recent
  // incident at the recall's fine place (all of them when tied on that day) within the year,
  // or undated within recall_lookback_days (limits.tsv) before `until`; none when the place is
  // coarse or `until` unknown. An article never recalls an incident it reports itself. Among
  // the incidents that fit (on one day, for the most recent), a stated toll keeps those whose
  // toll fits it when any does, then the best place match wins.
  std::vector<std::pair<int, PlaceMatch>> fits;  // scratch: the candidates that fit a recall
  for (size_t ri = 0; ri < recalls.size(); ++ri) {
    const Recall& r = recalls[ri];
    const std::string& doc_id = docs[r.doc].doc_id;
    // Links the candidates of one group (their places and days fit: recall_cands) with the best
    // place match (the town named over its neighbour's: "hit in March" at a town recalls its own
    // attack); returns whether any.
    auto link = [&](const std::pair<int, PlaceMatch>* begin,
                    const std::pair<int, PlaceMatch>* end) {
      fits.clear();
      bool toll_fits = false;  // some candidate's toll agrees with the recalled one
      for (const auto* f = begin; f != end; ++f) {
        const int ci = f->first;
        const Incident& leaf = leaves[ci];
        const Incident& target = story_of[ci] >= 0 ? stories[story_of[ci]].inc : leaf;
        if (std::binary_search(leaf.documents.begin(), leaf.documents.end(), doc_id) ||
            std::binary_search(target.documents.begin(), target.documents.end(), doc_id)) {
          continue;
        }
        fits.push_back(*f);
        toll_fits |= r.killed >= 0 && clusters[ci].killed_max >= 0 &&
                     TollsFit(r.killed, clusters[ci].killed_max);
      }
      // "when 12 were killed" names that attack, not another one there with 40 dead.
      auto contradicted = [&](int ci) {
        return toll_fits && clusters[ci].killed_max >= 0 &&
               !TollsFit(r.killed, clusters[ci].killed_max);
      };
      double best = 0;
      for (const auto& [ci, pm] : fits) {
        if (!contradicted(ci)) best = std::max(best, PlaceScore(pm));
      }
      for (const auto& [ci, pm] : fits) {
        if (contradicted(ci) || PlaceScore(pm) < best) continue;
        // Recorded as (recall, place match): the mention and its reason are made when the
        // incident is emitted (a recall can link to several incidents).
        const Background bg{static_cast<uint32_t>(ri), pm};
        const bool in_story = story_of[ci] >= 0;
        if (!Coarse(pm) || !in_story) leaf_parked[ci].background.push_back(bg);
        if (in_story) stories[story_of[ci]].parked.background.push_back(bg);
      }
      return !fits.empty();
    };
    // The first group that links ends the search (one group but for `latest_only`); an unmatched
    // recall is dropped: it never creates an incident.
    const RecallCandidates& rc = recall_cands[ri];
    uint32_t begin = 0;
    for (uint32_t end : rc.group_ends) {
      if (link(rc.fits.data() + begin, rc.fits.data() + end)) break;
      begin = end;
    }
  }
  std::vector<RecallCandidates>().swap(recall_cands);

  // What only clustering and linking read: freed before the output order is built, so the peak
  // is not their sum with the incidents.
  std::vector<Cluster>().swap(clusters);
  std::vector<SpillFile::Ref>().swap(doc_dropped);
  std::vector<std::vector<const MentionLite*>>().swap(leaf_mentions);
  std::vector<std::tuple<std::string, uint32_t>>().swap(leaf_first);
  for (Story& st : stories) Release(&st.mentions);

  // Output: top level newest first, then by (country, admin1, id), each story followed by its
  // children, most precisely located first.
  IncidentStream stream;
  IncidentStream::Impl& out = *stream.impl_;
  out.place_names = o.place_names;
  out.spellings = std::move(b.spellings);
  using Item = IncidentStream::Impl::Item;
  std::vector<Item> tops;
  for (size_t si = 0; si < stories.size(); ++si) tops.push_back({true, static_cast<uint32_t>(si)});
  for (size_t ci = 0; ci < leaves.size(); ++ci) {
    if (story_of[ci] < 0) tops.push_back({false, static_cast<uint32_t>(ci)});
  }
  auto top_inc = [&](const Item& t) -> const Incident& {
    return t.story ? stories[t.index].inc : leaves[t.index];
  };
  auto sort_key = [](const Incident& i) {
    return std::make_tuple(i.date.value_or(CivilDate{9999, 12, 31}), i.country, i.admin1, i.id);
  };
  // Newest first, as a news desk reads a feed; undated ones last.
  std::sort(tops.begin(), tops.end(), [&](const Item& a, const Item& b) {
    const Incident& x = top_inc(a);
    const Incident& y = top_inc(b);
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    if (x.date != y.date) return y.date < x.date;
    return sort_key(x) < sort_key(y);
  });
  out.order.reserve(leaves.size() + stories.size());
  for (const Item& t : tops) {
    out.order.push_back(t);
    if (!t.story) continue;
    std::vector<int> kids = stories[t.index].children;
    std::sort(kids.begin(), kids.end(), [&](int a, int b) {
      const Incident& x = leaves[a];
      const Incident& y = leaves[b];
      // Most specific first: place incidents before the story's province-wide ones.
      return std::make_tuple(x.geo_precision, x.date.value_or(CivilDate{9999, 12, 31}), x.admin2,
                             x.place, x.id) <
             std::make_tuple(y.geo_precision, y.date.value_or(CivilDate{9999, 12, 31}), y.admin2,
                             y.place, y.id);
    });
    for (int ci : kids) out.order.push_back({false, static_cast<uint32_t>(ci)});
  }
  out.stories.reserve(stories.size());
  out.story_parked.reserve(stories.size());
  for (Story& st : stories) {
    out.stories.push_back(std::move(st.inc));
    out.story_parked.push_back(std::move(st.parked));
  }
  std::vector<Story>().swap(stories);
  out.leaves = std::move(leaves);
  out.leaf_parked = std::move(leaf_parked);
  out.spill = std::move(b.spill);
  out.recalls = std::move(recalls);
  out.doc_ids.reserve(docs.size());
  for (DocRef& d : docs) out.doc_ids.push_back(std::move(d.doc_id));
  return stream;
}

IncidentSet ResolveIncremental(const IncidentSet& /*previous*/,
                               const std::vector<DocAnalysis>& all_docs,
                               const std::vector<std::string>& /*new_doc_ids*/,
                               const ResolveOptions& options) {
  return Resolve(all_docs, options);
}

}  // namespace sitrep
