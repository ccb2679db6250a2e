#include "export/json_codec.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep {
namespace {

using Json = nlohmann::json;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Reads typed fields out of JSON objects and remembers the first problem, so decoding code reads
// straight through instead of checking after every field.
class FieldReader {
 public:
  explicit FieldReader(std::string what) : what_(std::move(what)) {}

  bool ok() const { return error_.empty(); }
  Status status() const { return ok() ? Status::Ok() : InvalidArgument(what_ + ": " + error_); }
  void Fail(const std::string& key, const char* expected) {
    if (ok()) error_ = "field '" + key + "': expected " + expected;
  }
  void Fail(const std::string& key, const Status& st) {
    if (ok() && !st.ok()) error_ = "field '" + key + "': " + st.message();
  }

  // Missing and null leave *out unchanged.
  void Str(const Json& j, const char* key, std::string* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) return Fail(key, "a string");
    *out = it->get<std::string>();
  }
  void Num(const Json& j, const char* key, double* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number()) return Fail(key, "a number");
    *out = it->get<double>();
  }
  // A range bound: JSON has no infinity, so the writers write an unbounded end ("at least 5"
  // has no high) as null; null reads back as `unbounded` (+inf for a high, -inf for a low).
  void Bound(const Json& j, const char* key, double unbounded, double* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (it->is_null()) {
      *out = unbounded;
      return;
    }
    if (!it->is_number()) return Fail(key, "a number");
    *out = it->get<double>();
  }
  void OptNum(const Json& j, const char* key, std::optional<double>* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number()) return Fail(key, "a number");
    *out = it->get<double>();
  }
  template <typename I>
  void Int(const Json& j, const char* key, I* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number()) return Fail(key, "an integer");
    *out = static_cast<I>(it->get<int64_t>());
  }
  void Bool(const Json& j, const char* key, bool* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_boolean()) return Fail(key, "true or false");
    *out = it->get<bool>();
  }
  void Date(const Json& j, const char* key, std::optional<CivilDate>* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) return Fail(key, "a date string or null");
    auto d = CivilDate::FromIso(it->get<std::string>());
    if (!d) return Fail(key, "a date YYYY[-MM[-DD]]");
    *out = *d;
  }
  void Date(const Json& j, const char* key, CivilDate* out) {
    std::optional<CivilDate> d;
    Date(j, key, &d);
    if (d) *out = *d;
  }
  void SpanField(const Json& j, const char* key, Span* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
        !(*it)[1].is_number_unsigned()) {
      return Fail(key, "[begin, end] byte offsets");
    }
    out->begin = (*it)[0].get<uint32_t>();
    out->end = (*it)[1].get<uint32_t>();
  }
  void Strings(const Json& j, const char* key, std::vector<std::string>* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) return Fail(key, "a list of strings");
    for (const auto& e : *it) {
      if (!e.is_string()) return Fail(key, "a list of strings");
      out->push_back(e.get<std::string>());
    }
  }
  // Calls decode(element) for each element of the array `key`, appending its value.
  template <typename T, typename F>
  void List(const Json& j, const char* key, std::vector<T>* out, F decode) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) return Fail(key, "a list");
    for (const auto& e : *it) {
      Result<T> r = decode(e);
      if (!r.ok()) return Fail(key, r.status());
      out->push_back(std::move(r).value());
    }
  }

 private:
  std::string what_;
  std::string error_;
};

OrderedJson SpanToJson(Span s) { return OrderedJson::array({s.begin, s.end}); }

OrderedJson StrOrNull(const std::string& s) { return s.empty() ? OrderedJson() : OrderedJson(s); }

OrderedJson DateOrNull(const std::optional<CivilDate>& d) {
  return d && d->valid() ? OrderedJson(d->ToIso()) : OrderedJson();
}

OrderedJson FigureToJson(const Figure& f) {
  OrderedJson j;
  j["low"] = JsonNumber(f.low);
  j["best"] = JsonNumber(f.best);
  j["high"] = JsonNumber(f.high);
  return j;
}

OrderedJson OptFigure(const std::optional<Figure>& f) {
  return f ? FigureToJson(*f) : OrderedJson();
}

Result<Figure> FigureFromJson(const Json& j) {
  FieldReader r("figure");
  if (!j.is_object()) return InvalidArgument("figure: expected {low, best, high}");
  Figure f;
  r.Bound(j, "low", -kInfinity, &f.low);
  r.Num(j, "best", &f.best);
  r.Bound(j, "high", kInfinity, &f.high);
  if (!r.ok()) return r.status();
  return f;
}

void OptFigureFrom(FieldReader* r, const Json& j, const char* key, std::optional<Figure>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  Result<Figure> f = FigureFromJson(*it);
  if (!f.ok()) return r->Fail(key, f.status());
  *out = *f;
}

void FigureMapFrom(FieldReader* r, const Json& j, const char* key,
                   std::map<std::string, Figure>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_object()) return r->Fail(key, "an object of figures");
  for (const auto& [k, v] : it->items()) {
    if (v.is_null()) continue;
    Result<Figure> f = FigureFromJson(v);
    if (!f.ok()) return r->Fail(key, f.status());
    (*out)[k] = *f;
  }
}

// --- enums that are only stored internally go as small integers.

template <typename E>
int EnumInt(E e) {
  return static_cast<int>(e);
}

OrderedJson TimexToJson(const Timex& t) {
  OrderedJson j;
  j["span"] = SpanToJson(t.span);
  j["date"] = StrOrNull(t.date.ToIso());
  j["date_end"] = StrOrNull(t.date_end.ToIso());
  j["precision"] = EnumInt(t.precision);
  j["relative"] = t.relative;
  j["past_reference"] = t.past_reference;
  return j;
}

Result<Timex> TimexFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("timex: expected an object");
  FieldReader r("timex");
  Timex t;
  int precision = EnumInt(t.precision);
  r.SpanField(j, "span", &t.span);
  r.Date(j, "date", &t.date);
  r.Date(j, "date_end", &t.date_end);
  r.Int(j, "precision", &precision);
  r.Bool(j, "relative", &t.relative);
  r.Bool(j, "past_reference", &t.past_reference);
  if (!r.ok()) return r.status();
  t.precision = static_cast<DatePrecision>(precision);
  return t;
}

OrderedJson PlaceMentionToJson(const PlaceMention& m) {
  const Place& p = m.place;
  OrderedJson j;
  j["span"] = SpanToJson(m.span);
  j["gazetteer_id"] = p.gazetteer_id;
  j["name"] = p.name;
  j["country"] = p.country;
  j["admin1"] = p.admin1;
  j["admin2"] = p.admin2;
  j["lat"] = p.has_coords ? JsonNumber(p.lat) : OrderedJson();
  j["lon"] = p.has_coords ? JsonNumber(p.lon) : OrderedJson();
  j["level"] = EnumInt(p.level);
  j["population"] = p.population;
  j["confidence"] = JsonNumber(m.confidence);
  if (m.via_county) j["via_county"] = true;
  return j;
}

Result<PlaceMention> PlaceMentionFromJson(const Json& j) {
  if (j.is_array()) {
    // The store form's reference [begin, end, place_of(, confidence)]: the place itself and a
    // missing confidence are filled in once the document's places are read.
    if (j.size() < 3 || j.size() > 4 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned() ||
        !j[2].is_number_unsigned() || (j.size() == 4 && !j[3].is_number())) {
      return InvalidArgument("place: expected [begin, end, place_of, confidence]");
    }
    PlaceMention m;
    m.span = Span{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
    if (j.size() == 4) m.confidence = static_cast<float>(j[3].get<double>());
    return m;
  }
  if (!j.is_object()) return InvalidArgument("place: expected an object");
  FieldReader r("place");
  PlaceMention m;
  Place& p = m.place;
  std::optional<double> lat, lon;
  int level = EnumInt(p.level);
  double confidence = 0;
  r.SpanField(j, "span", &m.span);
  r.Int(j, "gazetteer_id", &p.gazetteer_id);
  r.Str(j, "name", &p.name);
  r.Str(j, "country", &p.country);
  r.Str(j, "admin1", &p.admin1);
  r.Str(j, "admin2", &p.admin2);
  r.OptNum(j, "lat", &lat);
  r.OptNum(j, "lon", &lon);
  r.Int(j, "level", &level);
  r.Int(j, "population", &p.population);
  r.Num(j, "confidence", &confidence);
  r.Bool(j, "via_county", &m.via_county);
  if (!r.ok()) return r.status();
  p.has_coords = lat.has_value() && lon.has_value();
  p.lat = lat.value_or(0);
  p.lon = lon.value_or(0);
  p.level = static_cast<GeoLevel>(level);
  m.confidence = static_cast<float>(confidence);
  return m;
}

OrderedJson ActorMentionToJson(const ActorMention& a) {
  OrderedJson j;
  j["span"] = SpanToJson(a.span);
  j["canonical"] = a.canonical;
  j["class"] = EnumInt(a.actor_class);
  j["role"] = EnumInt(a.role);
  j["responsibility"] = EnumInt(a.responsibility);
  if (a.person) j["person"] = true;  // written only when set: most actors are organisations
  return j;
}

// Reads the fields `j` has over *a (missing ones keep *a's values).
Status ReadActorInto(const Json& j, ActorMention* a) {
  if (!j.is_object()) return InvalidArgument("actor: expected an object");
  FieldReader r("actor");
  int cls = EnumInt(a->actor_class), role = EnumInt(a->role), resp = EnumInt(a->responsibility);
  r.SpanField(j, "span", &a->span);
  r.Str(j, "canonical", &a->canonical);
  r.Int(j, "class", &cls);
  r.Int(j, "role", &role);
  r.Int(j, "responsibility", &resp);
  r.Bool(j, "person", &a->person);
  if (!r.ok()) return r.status();
  a->actor_class = static_cast<ActorClass>(cls);
  a->role = static_cast<ActorRole>(role);
  a->responsibility = static_cast<ActorMention::Responsibility>(resp);
  return Status::Ok();
}

Result<ActorMention> ActorMentionFromJson(const Json& j) {
  ActorMention a;
  // The store form's [begin, end, canonical, class, role, responsibility, person].
  if (j.is_array()) {
    const size_t n = j.size();
    if (n < 3 || n > 7 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned() ||
        !j[2].is_string()) {
      return InvalidArgument("actor: expected [begin, end, canonical, ...]");
    }
    for (size_t i = 3; i < n; ++i) {
      if (!j[i].is_number_unsigned()) return InvalidArgument("actor: expected a small integer");
    }
    a.span = Span{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
    a.canonical = j[2].get<std::string>();
    if (n > 3) a.actor_class = static_cast<ActorClass>(j[3].get<int>());
    if (n > 4) a.role = static_cast<ActorRole>(j[4].get<int>());
    if (n > 5) a.responsibility = static_cast<ActorMention::Responsibility>(j[5].get<int>());
    if (n > 6) a.person = j[6].get<int>() != 0;
    return a;
  }
  SITREP_RETURN_IF_ERROR(ReadActorInto(j, &a));
  return a;
}

OrderedJson EventMentionToJson(const EventMention& m) {
  OrderedJson j;
  j["doc_id"] = m.doc_id;
  j["span"] = SpanToJson(m.span);
  j["trigger"] = SpanToJson(m.trigger);
  j["event_type"] = m.event_type;
  j["sub_event_type"] = m.sub_event_type;
  j["date"] = TimexToJson(m.date);
  j["places"] = OrderedJson::array();
  for (const auto& p : m.places) j["places"].push_back(PlaceMentionToJson(p));
  j["actors"] = OrderedJson::array();
  for (const auto& a : m.actors) j["actors"].push_back(ActorMentionToJson(a));
  j["claims"] = OrderedJson::array();
  for (const auto& c : m.claims) j["claims"].push_back(ClaimToJson(c));
  j["background"] = m.background;
  j["wave"] = m.wave;
  return j;
}

Result<EventMention> EventMentionFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("mention: expected an object");
  FieldReader r("mention");
  EventMention m;
  r.Str(j, "doc_id", &m.doc_id);
  r.SpanField(j, "span", &m.span);
  r.SpanField(j, "trigger", &m.trigger);
  r.Str(j, "event_type", &m.event_type);
  r.Str(j, "sub_event_type", &m.sub_event_type);
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    Result<Timex> t = TimexFromJson(*it);
    if (t.ok())
      m.date = *t;
    else
      r.Fail("date", t.status());
  }
  r.List(j, "places", &m.places, PlaceMentionFromJson);
  r.List(j, "actors", &m.actors, ActorMentionFromJson);
  r.List(j, "claims", &m.claims, [](const Json& e) { return ClaimFromJson(e); });
  r.Bool(j, "background", &m.background);
  r.Bool(j, "wave", &m.wave);
  if (!r.ok()) return r.status();
  return m;
}

template <typename E>
bool ParseByName(std::string_view s, E* out, const char* (*name)(E), int count) {
  for (int i = 0; i < count; ++i) {
    E e = static_cast<E>(i);
    if (s == name(e)) {
      *out = e;
      return true;
    }
  }
  return false;
}

}  // namespace

OrderedJson JsonNumber(double v) {
  if (!std::isfinite(v)) return OrderedJson();
  if (v == std::trunc(v) && std::fabs(v) < 9e15) return OrderedJson(static_cast<int64_t>(v));
  double r = std::round(v * 1e6) / 1e6;
  if (r == std::trunc(r)) return OrderedJson(static_cast<int64_t>(r));
  // Below 1e-4 the shortest form would use an exponent; such values carry no information here.
  if (std::fabs(r) < 1e-4) return OrderedJson(0);
  return OrderedJson(r);
}

bool ParseFieldName(std::string_view s, Field* out) {
  return ParseByName(s, out, FieldName, EnumInt(Field::kVehiclesDestroyed) + 1);
}
bool ParseCategoryName(std::string_view s, Category* out) {
  return ParseByName(s, out, CategoryName, EnumInt(Category::kMilitants) + 1);
}
bool ParseQualifierName(std::string_view s, Qualifier* out) {
  return ParseByName(s, out, QualifierName, EnumInt(Qualifier::kVague) + 1);
}
const char* ScopeName(Scope s) {
  switch (s) {
    case Scope::kIncident:
      return "incident";
    case Scope::kWave:
      return "wave";
    case Scope::kPart:
      return "part";
  }
  return "incident";
}
bool ParseScopeName(std::string_view s, Scope* out) {
  return ParseByName(s, out, ScopeName, EnumInt(Scope::kPart) + 1);
}

OrderedJson ClaimToJson(const Claim& c) {
  OrderedJson j;
  j["doc_id"] = c.doc_id;
  j["source"] = c.source;
  j["field"] = FieldName(c.field);
  j["value"] = JsonNumber(c.value);
  j["low"] = JsonNumber(c.low);
  j["high"] = JsonNumber(c.high);
  j["qualifier"] = QualifierName(c.qualifier);
  j["category"] = CategoryName(c.category);
  j["attributed_to"] = StrOrNull(c.attributed_to);
  j["quote"] = c.quote;
  j["span"] = SpanToJson(c.span);
  j["figure_span"] = SpanToJson(c.figure_span);
  j["independent"] = c.independent;
  j["scope"] = ScopeName(c.scope);
  j["published"] = StrOrNull(c.published.ToIso());
  return j;
}

Result<Claim> ClaimFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("claim: expected an object");
  FieldReader r("claim");
  Claim c;
  std::string field = FieldName(c.field), qualifier = QualifierName(c.qualifier),
              category = CategoryName(c.category), scope = ScopeName(c.scope);
  r.Str(j, "doc_id", &c.doc_id);
  r.Str(j, "source", &c.source);
  r.Str(j, "field", &field);
  r.Num(j, "value", &c.value);
  r.Bound(j, "low", -kInfinity, &c.low);
  r.Bound(j, "high", kInfinity, &c.high);
  r.Str(j, "qualifier", &qualifier);
  r.Str(j, "category", &category);
  r.Str(j, "attributed_to", &c.attributed_to);
  r.Str(j, "quote", &c.quote);
  r.SpanField(j, "span", &c.span);
  r.SpanField(j, "figure_span", &c.figure_span);
  r.Bool(j, "independent", &c.independent);
  r.Str(j, "scope", &scope);
  r.Date(j, "published", &c.published);
  if (r.ok() && !ParseFieldName(field, &c.field)) r.Fail("field", "a known field name");
  if (r.ok() && !ParseQualifierName(qualifier, &c.qualifier)) r.Fail("qualifier", "a qualifier");
  if (r.ok() && !ParseCategoryName(category, &c.category)) r.Fail("category", "a category");
  if (r.ok() && !ParseScopeName(scope, &c.scope)) r.Fail("scope", "incident, wave or part");
  if (!r.ok()) return r.status();
  return c;
}

OrderedJson JsonStringOrNull(const std::string& s) { return StrOrNull(s); }
OrderedJson JsonDateOrNull(const std::optional<CivilDate>& d) { return DateOrNull(d); }
OrderedJson JsonFigureOrNull(const std::optional<Figure>& f) { return OptFigure(f); }

OrderedJson IncidentScalarsToJson(const Incident& inc) {
  OrderedJson j;
  j["id"] = inc.id;
  j["parent"] = StrOrNull(inc.parent);
  j["date"] = DateOrNull(inc.date);
  j["date_end"] = DateOrNull(inc.date_end);
  j["country"] = inc.country;
  j["admin1"] = StrOrNull(inc.admin1);
  j["admin2"] = StrOrNull(inc.admin2);
  j["place"] = StrOrNull(inc.place);
  j["lat"] = inc.lat && inc.lon ? JsonNumber(*inc.lat) : OrderedJson();
  j["lon"] = inc.lat && inc.lon ? JsonNumber(*inc.lon) : OrderedJson();
  j["geo_precision"] = inc.geo_precision;
  j["event_type"] = inc.event_type;
  j["sub_event_type"] = inc.sub_event_type;
  j["perpetrator"] = StrOrNull(inc.perpetrator);
  j["killed"] = OptFigure(inc.killed);
  j["injured"] = OptFigure(inc.injured);
  return j;
}

OrderedJson IncidentToJson(const Incident& inc) {
  OrderedJson j = IncidentScalarsToJson(inc);
  // The three documented categories are always present (null when unknown), others follow.
  OrderedJson by_cat = OrderedJson::object();
  for (const char* cat : {"civilians", "security_forces", "militants"}) {
    auto it = inc.killed_by_category.find(cat);
    by_cat[cat] = it == inc.killed_by_category.end() ? OrderedJson() : FigureToJson(it->second);
  }
  for (const auto& [cat, f] : inc.killed_by_category) {
    if (!by_cat.contains(cat)) by_cat[cat] = FigureToJson(f);
  }
  j["place_aliases"] = inc.place_aliases;
  j["killed_by_category"] = std::move(by_cat);
  OrderedJson other = OrderedJson::object();
  for (const auto& [k, f] : inc.other_figures) other[k] = FigureToJson(f);
  j["other_figures"] = std::move(other);
  j["documents"] = inc.documents;
  j["mentions"] = inc.mentions;
  j["claims"] = OrderedJson::array();
  for (const auto& c : inc.claims) j["claims"].push_back(ClaimToJson(c));
  j["contradictions"] = OrderedJson::array();
  for (const auto& c : inc.contradictions) {
    j["contradictions"].push_back(OrderedJson{{"field", c.field}, {"description", c.description}});
  }
  j["why"] = OrderedJson::array();
  for (const auto& w : inc.why) {
    OrderedJson r;
    r["doc_id"] = w.doc_id;
    r["decision"] = w.decision;
    r["detail"] = w.detail;
    r["score"] = JsonNumber(w.score);
    j["why"].push_back(std::move(r));
  }
  return j;
}

namespace {

// Restores what IncidentToStoreText leaves out of claims: a missing doc_id, source or published
// is the previous claim's ("", "" and no date for the first), a missing low/high the value.
void FillIncidentStoreClaims(const Json& j, std::vector<Claim>* claims) {
  auto list = j.find("claims");
  if (list == j.end() || !list->is_array()) return;
  const Claim* prev = nullptr;
  for (size_t i = 0; i < claims->size() && i < list->size(); ++i) {
    const Json& e = (*list)[i];
    Claim& c = (*claims)[i];
    if (!e.contains("doc_id")) c.doc_id = prev != nullptr ? prev->doc_id : std::string();
    if (!e.contains("source")) c.source = prev != nullptr ? prev->source : std::string();
    if (!e.contains("published")) c.published = prev != nullptr ? prev->published : CivilDate();
    if (!e.contains("low")) c.low = c.value;
    if (!e.contains("high")) c.high = c.value;
    prev = &c;
  }
}

}  // namespace

Result<Incident> IncidentFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("incident: expected an object");
  Incident inc;
  std::string id;
  if (auto it = j.find("id"); it != j.end() && it->is_string()) id = it->get<std::string>();
  FieldReader r(id.empty() ? std::string("incident") : "incident '" + id + "'");
  if (id.empty()) r.Fail("id", "a non-empty string");
  inc.id = id;
  r.Str(j, "parent", &inc.parent);
  r.Date(j, "date", &inc.date);
  r.Date(j, "date_end", &inc.date_end);
  r.Str(j, "country", &inc.country);
  r.Str(j, "admin1", &inc.admin1);
  r.Str(j, "admin2", &inc.admin2);
  r.Str(j, "place", &inc.place);
  r.OptNum(j, "lat", &inc.lat);
  r.OptNum(j, "lon", &inc.lon);
  r.Int(j, "geo_precision", &inc.geo_precision);
  r.Str(j, "event_type", &inc.event_type);
  r.Str(j, "sub_event_type", &inc.sub_event_type);
  r.Str(j, "perpetrator", &inc.perpetrator);
  OptFigureFrom(&r, j, "killed", &inc.killed);
  OptFigureFrom(&r, j, "injured", &inc.injured);
  r.Strings(j, "place_aliases", &inc.place_aliases);
  FigureMapFrom(&r, j, "killed_by_category", &inc.killed_by_category);
  FigureMapFrom(&r, j, "other_figures", &inc.other_figures);
  r.Strings(j, "documents", &inc.documents);
  r.Strings(j, "mentions", &inc.mentions);
  r.List(j, "claims", &inc.claims, [](const Json& e) { return ClaimFromJson(e); });
  r.List(j, "contradictions", &inc.contradictions, [](const Json& e) -> Result<Contradiction> {
    if (!e.is_object()) return InvalidArgument("expected {field, description}");
    FieldReader cr("contradiction");
    Contradiction c;
    cr.Str(e, "field", &c.field);
    cr.Str(e, "description", &c.description);
    if (!cr.ok()) return cr.status();
    return c;
  });
  r.List(j, "why", &inc.why, [](const Json& e) -> Result<Reason> {
    if (e.is_array()) {  // the store form: [doc_id, decision, detail, score]
      if (e.size() != 4 || !e[0].is_string() || !e[1].is_string() || !e[2].is_string() ||
          !(e[3].is_number() || e[3].is_null())) {
        return InvalidArgument("expected [doc_id, decision, detail, score]");
      }
      Reason w;
      w.doc_id = e[0].get<std::string>();
      w.decision = e[1].get<std::string>();
      w.detail = e[2].get<std::string>();
      if (e[3].is_number()) w.score = e[3].get<double>();
      return w;
    }
    if (!e.is_object()) return InvalidArgument("expected {doc_id, decision, detail, score}");
    FieldReader wr("reason");
    Reason w;
    wr.Str(e, "doc_id", &w.doc_id);
    wr.Str(e, "decision", &w.decision);
    wr.Str(e, "detail", &w.detail);
    wr.Num(e, "score", &w.score);
    if (!wr.ok()) return wr.status();
    return w;
  });
  if (!r.ok()) return r.status();
  if (auto form = j.find("form"); form != j.end()) {
    if (!form->is_number_unsigned() || form->get<int64_t>() != kStoreForm) {
      return InvalidArgument("incident '" + id + "': field 'form': expected " +
                             std::to_string(kStoreForm));
    }
    FillIncidentStoreClaims(j, &inc.claims);
  }
  if (!inc.lat || !inc.lon) inc.lat = inc.lon = std::nullopt;
  return inc;
}

namespace {

// How JsonWriter::String() treats each byte: copied as is, escaped, or the start of a UTF-8
// sequence to validate.
enum ByteClass : unsigned char { kPlain, kEscaped, kMultibyte };
constexpr std::array<unsigned char, 256> MakeByteClass() {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c < 0x20 || c == '"' || c == '\\' ? kEscaped : c >= 0x80 ? kMultibyte : kPlain;
  }
  return t;
}
constexpr std::array<unsigned char, 256> kByteClass = MakeByteClass();

// Appends JSON text directly (no tree): the compact form nlohmann's dump(-1) gives for the same
// values, used for the store's per-article analyses where building a tree per article costs more
// than everything else the store does.
//
// Writes through a raw cursor into a per-thread scratch buffer, grown (doubling) only when a
// write would not fit: the store writes ~150 keys and values per article, and
// std::string::append / push_back per piece (a strlen, a capacity check and an out-of-line call
// each) cost more than the text. The scratch buffer is not zero-filled (resizing the string
// itself to the size hint cost as much as writing the text); Finish() appends what was written
// to `out`, which is unchanged until then. One writer at a time per thread (none nest).
//
// Every value is written followed by a ',' (a key by its ':'), so nothing needs to know whether
// a separator is due: closing a container overwrites the ',' after its last value (an empty
// one has none), and Finish() drops the one after the document.
//
// Each value checks for room for itself plus kSlack bytes; keys known at compile time and
// brackets do not check, and write into that slack. They come in short runs between values (a
// few closing brackets, a key, an opening bracket: far below kSlack, asserted in debug builds),
// and a check per bracket and key was a tenth of the writer's cost.
class JsonWriter {
 public:
  // dump_numbers: fractions exactly as nlohmann's dump() writes them (the output document);
  // otherwise as the shortest round-trip form (the store's analyses: lossless, and cheaper).
  JsonWriter(std::string* out, size_t size_hint, bool dump_numbers = false)
      : out_(out), dump_numbers_(dump_numbers) {
    Scratch& s = ScratchBuffer();
#ifndef NDEBUG
    assert(!s.in_use && "two JsonWriters live at once on one thread share its scratch buffer");
    s.in_use = true;
#endif
    if (s.size < size_hint + kSlack) s.Reserve(size_hint + kSlack, 0);
    begin_ = s.data.get();
    p_ = begin_;
    end_ = begin_ + s.size - kSlack;
  }
#ifndef NDEBUG
  ~JsonWriter() { ScratchBuffer().in_use = false; }
#endif
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Appends the text written to `out` (without the ',' after the last value).
  void Finish() {
    out_->append(begin_, static_cast<size_t>(p_ - begin_) - (p_ > begin_ && p_[-1] == ','));
    Scratch& s = ScratchBuffer();
    if (s.size > (size_t{1} << 22)) {  // after a huge document: give it back
      s.data.reset();
      s.size = 0;
    }
  }

  // A key known at compile time (a literal needing no escaping): its length is a constant, so
  // the copy is a few moves.
  template <size_t N>
  [[gnu::always_inline]] void Key(const char (&k)[N]) {
    static_assert(N + 2 <= 48, "a key written into the slack must be short");
    Unchecked(N + 2);
    char* p = p_;
    *p++ = '"';
    std::memcpy(p, k, N - 1);  // constant length: a few moves, no call
    p += N - 1;
    *p++ = '"';
    *p++ = ':';
    p_ = p;
  }
  // Where the text written so far ends, and the text written since such a mark: a caller keeps
  // a piece it will write again (offsets stay valid when the buffer grows).
  size_t Mark() const { return static_cast<size_t>(p_ - begin_); }
  std::string_view Since(size_t mark) const {
    return std::string_view(begin_ + mark, static_cast<size_t>(p_ - begin_) - mark);
  }
  // Text from Since(): keys and values complete with their separators.
  void Raw(std::string_view text) { Append(text.data(), text.size()); }
  // A key needing no escaping, given at run time.
  void KeyText(std::string_view k) {
    Ensure(k.size() + 3);
    char* p = p_;
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    p_ = p;
  }
  // A key that may need escaping (a map's key).
  void StringKey(std::string_view k) {
    String(k);
    p_[-1] = ':';  // in place of the ',' after the string
  }
  [[gnu::always_inline]] void BeginObject() { Open('{'); }
  [[gnu::always_inline]] void EndObject() { Close('}'); }
  [[gnu::always_inline]] void BeginArray() { Open('['); }
  [[gnu::always_inline]] void EndArray() { Close(']'); }
  void Null() { Value("null"); }
  void Bool(bool b) {
    if (b)
      Value("true");
    else
      Value("false");
  }
  // Inline: most values are spans, indexes and enums of a few digits, where the call itself
  // (saving and restoring registers) cost as much as the digits.
  [[gnu::always_inline]] void Int(int64_t v) {
    Ensure(20 + 1);  // "-9223372036854775808,"
    char* p = WriteSigned(p_, v);
    *p++ = ',';
    p_ = p;
  }
  // Several integers in a row (the values of an array): one room check for all.
  template <typename... T>
  [[gnu::always_inline]] void Ints(T... v) {
    Ensure(sizeof...(v) * (20 + 1));
    char* p = p_;
    ((p = WriteSigned(p, static_cast<int64_t>(v)), *p++ = ','), ...);
    p_ = p;
  }
  // JsonNumber()'s rules: whole values as integers, others rounded to 6 decimals. The whole
  // values most figures are, inline; fractions out of line.
  [[gnu::always_inline]] void Number(double v) {
    if (std::fabs(v) < 9e15) {  // finite; whole: as an integer (the cast truncates)
      const int64_t t = static_cast<int64_t>(v);
      if (static_cast<double>(t) == v) return Int(t);
    }
    Fraction(v);
  }
  // Number() for a value not whole (or not finite, or too large for an integer).
  [[gnu::noinline]] void Fraction(double v) {
    if (!std::isfinite(v)) return Null();
    if (!dump_numbers_ && std::fabs(v) < 1e9) {
      // n = round(v * 10^6), and r = n / 10^6 is the double JsonNumber() writes. Below 1e9
      // doubles are closer together than 10^-6 / 2, so r is whole exactly when n is a multiple
      // of 10^6, |r| < 1e-4 exactly when |n| < 100, and otherwise n's 6-decimal value is the
      // only decimal of <= 6 places rounding to r: the shortest round-trip form std::to_chars
      // would give (without its cost, nor a division or std::round's call here).
      const int64_t n = RoundToInt(v * 1e6);
      uint64_t m = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
      const uint32_t frac = static_cast<uint32_t>(m % 1000000);
      if (frac == 0) return Int(n / 1000000);
      if (m < 100) return Int(0);
      Ensure(1 + 10 + 1 + 6 + 1);
      char* p = p_;
      if (n < 0) *p++ = '-';
      p = WriteUnsigned(p, m / 1000000);
      // All six decimals two at a time, then the trailing zeros dropped (not all are zeros).
      *p++ = '.';
      std::memcpy(p, kPairs + 2 * (frac / 10000), 2);
      std::memcpy(p + 2, kPairs + 2 * (frac / 100 % 100), 2);
      std::memcpy(p + 4, kPairs + 2 * (frac % 100), 2);
      int digits = 6;
      while (p[digits - 1] == '0') --digits;
      p[digits] = ',';
      p_ = p + digits + 1;
      return;
    }
    const double r = std::round(v * 1e6) / 1e6;
    if (r == std::trunc(r)) return Int(static_cast<int64_t>(r));
    if (std::fabs(r) < 1e-4) return Int(0);
    if (dump_numbers_) {
      // nlohmann's own float formatter (Grisu2, what dump() uses): Grisu2 does not always give
      // the shortest form ("63.048488999999996" for the double nearest 63.048489), so only it
      // gives dump()'s bytes.
      Ensure(64 + 1);
      p_ = nlohmann::detail::to_chars(p_, p_ + 64, r);
      *p_++ = ',';
      return;
    }
    char buf[400];  // fixed notation of any finite double fits
    auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
    Append(buf, static_cast<size_t>(res.ptr - buf));
    Append(",", 1);
  }
  // Inline for the short strings most are (names, enums, ids): the call's register saving cost
  // as much as checking and copying them.
  [[gnu::always_inline]] void String(std::string_view s) {
#if defined(__SSE2__)
    const size_t n = s.size();
    if (n >= 16) return LongString(s);
    // Worst case per input byte: 6 output bytes ("\u001f"); U+FFFD (3 bytes) replaces one byte.
    // 16 more: the string is copied as one 16-byte block.
    Ensure(2 + 6 * n + 1 + 16);
    char* p = p_;
    *p++ = '"';
    // Staged in a 16-byte block (never reading past the string), checked and copied whole.
    alignas(16) char block[16] = {};
    StageShort(block, s.data(), n);
    const unsigned mask = SpecialBytes16(block) | (0xffffu << n);  // bytes past n: stop
    std::memcpy(p, block, 16);
    const size_t i = static_cast<size_t>(__builtin_ctz(mask));  // the leading plain run
    p += i;
    if (i < n) [[unlikely]] {
      p = StringRest(s, i, p);
    }
    *p++ = '"';
    *p++ = ',';
    p_ = p;
#else
    LongString(s);
#endif
  }
  void StringOrNull(std::string_view s) {
    if (s.empty())
      Null();
    else
      String(s);
  }
  // A date as CivilDate::ToIso() writes it ("YYYY-MM-DD", "YYYY-MM", "YYYY"), null when invalid,
  // without the temporary string.
  [[gnu::always_inline]] void DateOrNull(const CivilDate& d) {
    if (!d.valid()) return Null();
    if (d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
      return String(d.ToIso());  // outside the fixed-width form: the general path
    }
    Ensure(12 + 1);
    char* p = p_;
    *p++ = '"';
    std::memcpy(p, kPairs + 2 * (d.year / 100), 2);
    std::memcpy(p + 2, kPairs + 2 * (d.year % 100), 2);
    p += 4;
    if (d.month != 0) {
      *p++ = '-';
      std::memcpy(p, kPairs + 2 * d.month, 2);
      p += 2;
      if (d.day != 0) {
        *p++ = '-';
        std::memcpy(p, kPairs + 2 * d.day, 2);
        p += 2;
      }
    }
    *p++ = '"';
    *p++ = ',';
    p_ = p;
  }
  [[gnu::always_inline]] void Span(sitrep::Span sp) {
    Ensure(1 + 20 + 1 + 20 + 2);  // "[" begin "," end "],"
    char* p = p_;
    *p++ = '[';
    p = WriteSigned(p, sp.begin);
    *p++ = ',';
    p = WriteSigned(p, sp.end);
    *p++ = ']';
    *p++ = ',';
    p_ = p;
  }

 private:
  // The per-thread buffer the text is written to before Finish() appends it.
  struct Scratch {
    std::unique_ptr<char[]> data;
    size_t size = 0;
#ifndef NDEBUG
    bool in_use = false;  // a writer is live on this thread: none may nest (checked in debug)
#endif
    // Room for at least `want` bytes (doubling), keeping the first `used` bytes.
    void Reserve(size_t want, size_t used) {
      const size_t grown = std::max<size_t>({want, 2 * size, 4096});
      std::unique_ptr<char[]> bigger(new char[grown]);  // not zero-filled: written before read
      if (used > 0) std::memcpy(bigger.get(), data.get(), used);
      data = std::move(bigger);
      size = grown;
    }
  };
  static Scratch& ScratchBuffer() {
    thread_local Scratch scratch;
    return scratch;
  }

  // String() for any string (the one used for 16 bytes or more).
  [[gnu::noinline]] void LongString(std::string_view s) {
    const char* data = s.data();
    const size_t n = s.size();
    Ensure(2 + 6 * n + 1);  // 6 bytes at most per input byte ("\u001f")
    char* p = p_;
    *p++ = '"';
    // The leading run of bytes copied as they are: most strings are one such run.
#if defined(__SSE2__)
    // 16 bytes a step, each block stored as it is checked (what follows the run's end is
    // written over by StringRest()); the last, partial step is the block ending at n.
    size_t i = 0;
    unsigned mask = 0;
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + i), v);
      mask = SpecialBytes16(v);
      if (mask != 0) break;
    }
    if (mask == 0 && i < n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + n - 16));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + n - 16), v);
      mask = SpecialBytes16(v) >> (16 - (n - i));
    }
    if (mask != 0)
      i += static_cast<size_t>(__builtin_ctz(mask));
    else
      i = n;
#else
    const size_t i = PlainRunEnd(data, 0, n);
    if (i > 0) CopyRun(p, data, i);
#endif
    p += i;
    if (i < n) p = StringRest(s, i, p);
    *p++ = '"';
    *p++ = ',';
    p_ = p;
  }
  // String() from s[i] on, which is escaped or starts a multi-byte sequence; writes at p (room
  // ensured) and returns the end. Out of line: few strings need it.
  [[gnu::noinline]] static char* StringRest(std::string_view s, size_t i, char* p) {
    const char* data = s.data();
    const size_t n = s.size();
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(data[i]);
      if (kByteClass[c] == kEscaped) {
        p = Escape(c, p);
        ++i;
      } else {
        const size_t len = Utf8Length(s, i);
        if (len == 0) {
          std::memcpy(p, "\xEF\xBF\xBD", 3);  // U+FFFD for a byte that starts no valid sequence
          p += 3;
          ++i;
        } else {
          std::memcpy(p, data + i, len);
          p += len;
          i += len;
        }
      }
      const size_t j = PlainRunEnd(data, i, n);
      if (j > i) {
        CopyRun(p, data + i, j - i);
        p += j - i;
        i = j;
      }
    }
    return p;
  }
  // std::round(x) (halves away from zero) as an integer, for |x| < 2^52, without the library
  // call: x minus its truncation is exact there.
  static int64_t RoundToInt(double x) {
    const int64_t t = static_cast<int64_t>(x);
    const double rest = x - static_cast<double>(t);
    return t + (rest >= 0.5) - (rest <= -0.5);
  }
  // "00" to "99": decimals are written two digits a step.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";

  // v in decimal at p (room for 20 bytes); returns the end.
  [[gnu::always_inline]] static char* WriteSigned(char* p, int64_t v) {
    uint64_t u = static_cast<uint64_t>(v);
    if (v < 0) {
      *p++ = '-';
      u = 0 - u;
    }
    return WriteUnsigned(p, u);
  }
  // The decimal digits of u at p (room for 20 bytes); returns the end. Two digits a step from a
  // table: most numbers written are spans and indexes of one to four digits, where
  // std::to_chars' length loop and out-of-line call cost more than the digits.
  [[gnu::always_inline]] static char* WriteUnsigned(char* p, uint64_t u) {
    if (u < 10) {
      *p = static_cast<char>('0' + u);
      return p + 1;
    }
    if (u < 100) {
      std::memcpy(p, kPairs + 2 * u, 2);
      return p + 2;
    }
    if (u < 10000) {
      // u / 100 as a multiply and shift, exact below 43699.
      const uint32_t hi = (static_cast<uint32_t>(u) * 5243) >> 19;
      const uint32_t lo = static_cast<uint32_t>(u) - 100 * hi;
      if (hi < 10) {
        *p++ = static_cast<char>('0' + hi);
      } else {
        std::memcpy(p, kPairs + 2 * hi, 2);
        p += 2;
      }
      std::memcpy(p, kPairs + 2 * lo, 2);
      return p + 2;
    }
    return WriteLong(p, u);
  }
  // WriteUnsigned() for u >= 10000: out of line, few numbers are this long.
  [[gnu::noinline]] static char* WriteLong(char* p, uint64_t u) {
    int len = 5;
    for (uint64_t t = u / 100000; t != 0; t /= 10) ++len;
    char* const end = p + len;
    char* q = end;
    while (u >= 100) {
      q -= 2;
      std::memcpy(q, kPairs + 2 * (u % 100), 2);
      u /= 100;
    }
    if (u >= 10) {
      std::memcpy(q - 2, kPairs + 2 * u, 2);
    } else {
      q[-1] = static_cast<char>('0' + u);
    }
    return end;
  }

  // End of the run of bytes of data[i, n) that String() copies as they are (kPlain). With
  // SSE2, 16 bytes a step: a signed compare below 0x20 finds the control bytes and the bytes
  // >= 0x80 (negative) at once, two equality compares the quote and the backslash.
  // A string of 16 bytes or more ends with one more block that overlaps the one before
  // (never reading past the string); shorter ones are read byte by byte.
  static size_t PlainRunEnd(const char* data, size_t i, size_t n) {
#if defined(__SSE2__)
    if (n >= 16) {
      for (; i + 16 <= n; i += 16) {
        const unsigned mask = SpecialBytes16(data + i);
        if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
      }
      if (i == n) return n;
      // The last n - i bytes are the top bits of the block ending at n.
      const unsigned mask = SpecialBytes16(data + n - 16) >> (16 - (n - i));
      return mask != 0 ? i + static_cast<size_t>(__builtin_ctz(mask)) : n;
    }
#endif
    while (i < n && kByteClass[static_cast<unsigned char>(data[i])] == kPlain) ++i;
    return i;
  }
#if defined(__SSE2__)
  // Bit k set when p[k] (of 16) is not kPlain.
  [[gnu::always_inline]] static unsigned SpecialBytes16(const char* p) {
    return SpecialBytes16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
  [[gnu::always_inline]] static unsigned SpecialBytes16(__m128i v) {
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(v, space),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    return static_cast<unsigned>(_mm_movemask_epi8(special));
  }
#endif
  // memcpy(to, from, n) for n < 16, without the call a variable length costs: overlapping
  // fixed-size moves, as CopyRun.
  [[gnu::always_inline]] static void StageShort(char* to, const char* from, size_t n) {
    if (n >= 8) {
      std::memcpy(to, from, 8);
      std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n > 0) {
      CopyRun(to, from, n);
    }
  }
  // memcpy(to, from, n) for n > 0, without a call for the short runs most strings are: two
  // overlapping fixed-size moves.
  [[gnu::always_inline]] static void CopyRun(char* to, const char* from, size_t n) {
    if (n >= 16) {
      std::memcpy(to, from, n);
    } else if (n >= 8) {
      std::memcpy(to, from, 8);
      std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
      std::memcpy(to, from, 4);
      std::memcpy(to + n - 4, from + n - 4, 4);
    } else {
      to[0] = from[0];
      to[n / 2] = from[n / 2];
      to[n - 1] = from[n - 1];
    }
  }

  // Room for n bytes and kSlack more. end_ is kSlack before the buffer's end, and p_ may be
  // past it (in the slack): the difference is signed.
  [[gnu::always_inline]] void Ensure(size_t n) {
    if (end_ - p_ < static_cast<ptrdiff_t>(n)) [[unlikely]] {
      Grow(n);
    }
#ifndef NDEBUG
    unchecked_ = 0;
#endif
  }
  // A write of n bytes (n small) into the slack, without a check.
  [[gnu::always_inline]] void Unchecked([[maybe_unused]] size_t n) {
#ifndef NDEBUG
    unchecked_ += n;
    assert(unchecked_ <= kSlack && "too many keys and brackets without a value between");
#endif
  }
  [[gnu::noinline]] void Grow(size_t n) {
    Scratch& s = ScratchBuffer();
    const size_t used = static_cast<size_t>(p_ - begin_);
    s.Reserve(used + n + kSlack, used);
    begin_ = s.data.get();
    p_ = begin_ + used;
    end_ = begin_ + s.size - kSlack;
  }
  void Append(const char* s, size_t n) {
    Ensure(n);
    std::memcpy(p_, s, n);
    p_ += n;
  }
  template <size_t N>
  void Value(const char (&v)[N]) {
    Ensure(N - 1 + 1);
    char* p = p_;
    std::memcpy(p, v, N - 1);
    p[N - 1] = ',';
    p_ = p + N;
  }
  [[gnu::always_inline]] void Open(char c) {
    Unchecked(1);
    *p_++ = c;
  }
  // Over the ',' after the container's last value, or after its opening bracket when empty.
  [[gnu::always_inline]] void Close(char c) {
    Unchecked(2);
    char* p = p_;
    p -= p[-1] == ',';
    p[0] = c;
    p[1] = ',';
    p_ = p + 2;
  }
  // One ASCII byte that JSON escapes; the caller ensured 6 bytes of room.
  static char* Escape(unsigned char c, char* p) {
    char e = 0;
    switch (c) {
      case '"':
        e = '"';
        break;
      case '\\':
        e = '\\';
        break;
      case '\b':
        e = 'b';
        break;
      case '\f':
        e = 'f';
        break;
      case '\n':
        e = 'n';
        break;
      case '\r':
        e = 'r';
        break;
      case '\t':
        e = 't';
        break;
      default:
        break;
    }
    *p++ = '\\';
    if (e != 0) {
      *p++ = e;
      return p;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    *p++ = 'u';
    *p++ = '0';
    *p++ = '0';
    *p++ = kHex[c >> 4];
    *p++ = kHex[c & 0xf];
    return p;
  }

  // Length of the valid UTF-8 sequence starting at s[i], 0 when there is none.
  static size_t Utf8Length(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      cp = c & 0x07;
    } else
      return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xc0) != 0x80) return 0;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      return 0;
    }
    return len;
  }

  static constexpr size_t kSlack = 256;

  std::string* out_;
  bool dump_numbers_;
  char* begin_;
  char* p_;
  char* end_;
#ifndef NDEBUG
  size_t unchecked_ = 0;  // bytes written into the slack since the last check
#endif
};

// [[place_key, surface], ...]: the same in the full and the store form.
void WritePlaceSpellings(JsonWriter& w, const std::vector<PlaceSpelling>& spellings) {
  w.BeginArray();
  for (const PlaceSpelling& p : spellings) {
    w.BeginArray();
    w.String(p.place_key);
    w.String(p.surface);
    w.EndArray();
  }
  w.EndArray();
}

void WriteTimex(JsonWriter& w, const Timex& t) {
  w.BeginObject();
  w.Key("span");
  w.Span(t.span);
  w.Key("date");
  w.DateOrNull(t.date);
  w.Key("date_end");
  w.DateOrNull(t.date_end);
  w.Key("precision");
  w.Int(EnumInt(t.precision));
  w.Key("relative");
  w.Bool(t.relative);
  w.Key("past_reference");
  w.Bool(t.past_reference);
  w.EndObject();
}

void WritePlaceMention(JsonWriter& w, const PlaceMention& m) {
  const Place& p = m.place;
  w.BeginObject();
  w.Key("span");
  w.Span(m.span);
  w.Key("gazetteer_id");
  w.Int(p.gazetteer_id);
  w.Key("name");
  w.String(p.name);
  w.Key("country");
  w.String(p.country);
  w.Key("admin1");
  w.String(p.admin1);
  w.Key("admin2");
  w.String(p.admin2);
  w.Key("lat");
  if (p.has_coords)
    w.Number(p.lat);
  else
    w.Null();
  w.Key("lon");
  if (p.has_coords)
    w.Number(p.lon);
  else
    w.Null();
  w.Key("level");
  w.Int(EnumInt(p.level));
  w.Key("population");
  w.Int(p.population);
  w.Key("confidence");
  w.Number(m.confidence);
  if (m.via_county) {
    w.Key("via_county");
    w.Bool(true);
  }
  w.EndObject();
}

void WriteActorMention(JsonWriter& w, const ActorMention& a) {
  w.BeginObject();
  w.Key("span");
  w.Span(a.span);
  w.Key("canonical");
  w.String(a.canonical);
  w.Key("class");
  w.Int(EnumInt(a.actor_class));
  w.Key("role");
  w.Int(EnumInt(a.role));
  w.Key("responsibility");
  w.Int(EnumInt(a.responsibility));
  if (a.person) {
    w.Key("person");
    w.Bool(true);
  }
  w.EndObject();
}

void WriteClaim(JsonWriter& w, const Claim& c) {
  w.BeginObject();
  w.Key("doc_id");
  w.String(c.doc_id);
  w.Key("source");
  w.String(c.source);
  w.Key("field");
  w.String(FieldName(c.field));
  w.Key("value");
  w.Number(c.value);
  w.Key("low");
  w.Number(c.low);
  w.Key("high");
  w.Number(c.high);
  w.Key("qualifier");
  w.String(QualifierName(c.qualifier));
  w.Key("category");
  w.String(CategoryName(c.category));
  w.Key("attributed_to");
  w.StringOrNull(c.attributed_to);
  w.Key("quote");
  w.String(c.quote);
  w.Key("span");
  w.Span(c.span);
  w.Key("figure_span");
  w.Span(c.figure_span);
  w.Key("independent");
  w.Bool(c.independent);
  w.Key("scope");
  w.String(ScopeName(c.scope));
  w.Key("published");
  w.DateOrNull(c.published);
  w.EndObject();
}

}  // namespace

namespace {

// a == b for the short names the model holds, without memcmp's call below 16 bytes: places,
// actors and claims are compared with every earlier one of their document before writing.
[[gnu::always_inline]] inline bool SameText(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 16) return std::memcmp(x, y, n) == 0;
  // Two overlapping loads cover n bytes from both ends (as JsonWriter::CopyRun).
  if (n >= 8) {
    uint64_t x0, x1, y0, y1;
    std::memcpy(&x0, x, 8);
    std::memcpy(&x1, x + n - 8, 8);
    std::memcpy(&y0, y, 8);
    std::memcpy(&y1, y + n - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n >= 4) {
    uint32_t x0, x1, y0, y1;
    std::memcpy(&x0, x, 4);
    std::memcpy(&x1, x + n - 4, 4);
    std::memcpy(&y0, y, 4);
    std::memcpy(&y1, y + n - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n >= 2) {  // two overlapping 2-byte loads (country codes)
    uint16_t x0, x1, y0, y1;
    std::memcpy(&x0, x, 2);
    std::memcpy(&x1, x + n - 2, 2);
    std::memcpy(&y0, y, 2);
    std::memcpy(&y1, y + n - 2, 2);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  return n == 0 || x[0] == y[0];
}

bool SameClaim(const Claim& a, const Claim& b) {
  return a.span == b.span && a.figure_span == b.figure_span && a.field == b.field &&
         a.category == b.category && a.value == b.value && a.low == b.low && a.high == b.high &&
         a.qualifier == b.qualifier && a.scope == b.scope && a.independent == b.independent &&
         a.published == b.published && SameText(a.doc_id, b.doc_id) &&
         SameText(a.source, b.source) && SameText(a.attributed_to, b.attributed_to) &&
         SameText(a.quote, b.quote);
}

// Indexes into `all` of the mention's claims, or nullopt when one of them is not in `all`.
std::optional<std::vector<size_t>> ClaimRefs(const std::vector<Claim>& mention,
                                             const std::vector<Claim>& all) {
  std::vector<size_t> refs;
  refs.reserve(mention.size());
  for (const Claim& c : mention) {
    size_t i = 0;
    while (i < all.size() && !SameClaim(c, all[i])) ++i;
    if (i == all.size()) return std::nullopt;
    refs.push_back(i);
  }
  return refs;
}

[[gnu::always_inline]] inline bool SamePlace(const Place& a, const Place& b) {
  return a.gazetteer_id == b.gazetteer_id && a.has_coords == b.has_coords && a.lat == b.lat &&
         a.lon == b.lon && a.level == b.level && a.population == b.population &&
         SameText(a.name, b.name) && SameText(a.country, b.country) &&
         SameText(a.admin1, b.admin1) && SameText(a.admin2, b.admin2);
}

// Index of the first of the document's places (before `limit`) naming the same place as `p`,
// or `limit` when there is none. A text names the same few places many times: the repeats are
// written as {"span", "place_of": index, "confidence"} instead of the full gazetteer entry.
size_t PlaceOf(const Place& p, const std::vector<PlaceMention>& all, size_t limit) {
  size_t k = 0;
  // The ids first, inline: most places of a document are other places.
  while (k < limit &&
         (all[k].place.gazetteer_id != p.gazetteer_id || !SamePlace(p, all[k].place))) {
    ++k;
  }
  return k;
}

OrderedJson PlaceRefToJson(const PlaceMention& m, size_t k) {
  OrderedJson j;
  j["span"] = SpanToJson(m.span);
  j["place_of"] = k;
  j["confidence"] = JsonNumber(m.confidence);
  if (m.via_county) j["via_county"] = true;
  return j;
}

void WritePlaceRef(JsonWriter& w, const PlaceMention& m, size_t k) {
  w.BeginObject();
  w.Key("span");
  w.Span(m.span);
  w.Key("place_of");
  w.Int(static_cast<int64_t>(k));
  w.Key("confidence");
  w.Number(m.confidence);
  if (m.via_county) {
    w.Key("via_county");
    w.Bool(true);
  }
  w.EndObject();
}

}  // namespace

OrderedJson DocAnalysisToJson(const DocAnalysis& a) {
  OrderedJson j;
  j["doc_id"] = a.doc_id;
  j["published"] = StrOrNull(a.published.ToIso());
  j["copy_of"] = StrOrNull(a.copy_of);
  j["mentions"] = OrderedJson::array();
  for (const auto& m : a.mentions) {
    // A mention's claims are normally also the document's claims: store them once, as indexes
    // ("claim_refs") into the document's list.
    std::optional<std::vector<size_t>> refs = ClaimRefs(m.claims, a.claims);
    OrderedJson mention;
    if (!refs || refs->empty()) {
      mention = EventMentionToJson(m);
    } else {
      EventMention shallow;
      shallow.doc_id = m.doc_id;
      shallow.span = m.span;
      shallow.trigger = m.trigger;
      shallow.event_type = m.event_type;
      shallow.sub_event_type = m.sub_event_type;
      shallow.date = m.date;
      shallow.places = m.places;
      shallow.actors = m.actors;
      shallow.background = m.background;
      shallow.wave = m.wave;
      OrderedJson mj = EventMentionToJson(shallow);
      for (auto it = mj.begin(); it != mj.end(); ++it) {
        if (it.key() == "claims") {
          mention["claim_refs"] = *refs;
        } else {
          mention[it.key()] = std::move(it.value());
        }
      }
    }
    for (size_t q = 0; q < m.places.size(); ++q) {
      const size_t k = PlaceOf(m.places[q].place, a.places, a.places.size());
      if (k < a.places.size()) mention["places"][q] = PlaceRefToJson(m.places[q], k);
    }
    j["mentions"].push_back(std::move(mention));
  }
  j["places"] = OrderedJson::array();
  for (size_t i = 0; i < a.places.size(); ++i) {
    const size_t k = PlaceOf(a.places[i].place, a.places, i);
    j["places"].push_back(k < i ? PlaceRefToJson(a.places[i], k) : PlaceMentionToJson(a.places[i]));
  }
  j["actors"] = OrderedJson::array();
  for (const auto& x : a.actors) j["actors"].push_back(ActorMentionToJson(x));
  j["claims"] = OrderedJson::array();
  for (const auto& c : a.claims) j["claims"].push_back(ClaimToJson(c));
  j["timexes"] = OrderedJson::array();
  for (const auto& t : a.timexes) j["timexes"].push_back(TimexToJson(t));
  j["place_spellings"] = OrderedJson::array();
  for (const PlaceSpelling& p : a.place_spellings) {
    j["place_spellings"].push_back(OrderedJson::array({p.place_key, p.surface}));
  }
  return j;
}

namespace {

// Bytes of text an analysis usually takes (measured means plus margin), so the writer's buffer
// is allocated once; a larger document only costs a regrowth.
size_t EstimateSize(const DocAnalysis& a) {
  size_t n = 128 + 260 * a.mentions.size() + 300 * a.places.size() + 100 * a.actors.size() +
             120 * a.timexes.size();
  for (const Claim& c : a.claims) n += 330 + c.quote.size() + c.attributed_to.size();
  for (const EventMention& m : a.mentions) n += 8 * m.claims.size();
  for (const PlaceSpelling& p : a.place_spellings) n += 8 + p.place_key.size() + p.surface.size();
  return n;
}

}  // namespace

std::string DocAnalysisToJsonText(const DocAnalysis& a) {
  std::string out;
  DocAnalysisToJsonText(a, &out);
  return out;
}

void DocAnalysisToJsonText(const DocAnalysis& a, std::string* text) {
  text->clear();  // keeps the capacity: a caller writing many analyses allocates once
  std::string& out = *text;
  JsonWriter w(&out, EstimateSize(a));
  w.BeginObject();
  w.Key("doc_id");
  w.String(a.doc_id);
  w.Key("published");
  w.DateOrNull(a.published);
  w.Key("copy_of");
  w.StringOrNull(a.copy_of);
  w.Key("mentions");
  w.BeginArray();
  for (const EventMention& m : a.mentions) {
    std::optional<std::vector<size_t>> refs = ClaimRefs(m.claims, a.claims);
    if (refs && refs->empty()) refs.reset();
    w.BeginObject();
    w.Key("doc_id");
    w.String(m.doc_id);
    w.Key("span");
    w.Span(m.span);
    w.Key("trigger");
    w.Span(m.trigger);
    w.Key("event_type");
    w.String(m.event_type);
    w.Key("sub_event_type");
    w.String(m.sub_event_type);
    w.Key("date");
    WriteTimex(w, m.date);
    w.Key("places");
    w.BeginArray();
    for (const PlaceMention& p : m.places) {
      const size_t k = PlaceOf(p.place, a.places, a.places.size());
      if (k < a.places.size())
        WritePlaceRef(w, p, k);
      else
        WritePlaceMention(w, p);
    }
    w.EndArray();
    w.Key("actors");
    w.BeginArray();
    for (const ActorMention& x : m.actors) WriteActorMention(w, x);
    w.EndArray();
    if (refs) {
      w.Key("claim_refs");
      w.BeginArray();
      for (size_t r : *refs) w.Int(static_cast<int64_t>(r));
      w.EndArray();
    } else {
      w.Key("claims");
      w.BeginArray();
      for (const Claim& c : m.claims) WriteClaim(w, c);
      w.EndArray();
    }
    w.Key("background");
    w.Bool(m.background);
    w.Key("wave");
    w.Bool(m.wave);
    w.EndObject();
  }
  w.EndArray();
  w.Key("places");
  w.BeginArray();
  for (size_t i = 0; i < a.places.size(); ++i) {
    const size_t k = PlaceOf(a.places[i].place, a.places, i);
    if (k < i)
      WritePlaceRef(w, a.places[i], k);
    else
      WritePlaceMention(w, a.places[i]);
  }
  w.EndArray();
  w.Key("actors");
  w.BeginArray();
  for (const ActorMention& x : a.actors) WriteActorMention(w, x);
  w.EndArray();
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : a.claims) WriteClaim(w, c);
  w.EndArray();
  w.Key("timexes");
  w.BeginArray();
  for (const Timex& t : a.timexes) WriteTimex(w, t);
  w.EndArray();
  w.Key("place_spellings");
  WritePlaceSpellings(w, a.place_spellings);
  w.EndObject();
  w.Finish();
}

namespace {

// --- The store form (DocAnalysisToStoreText): the full form minus what a reader can restore.
// Keys whose value reads back as the field's default are left out, and so are values the
// document already holds (see json_codec.h). Each Compact* writer leaves out exactly what the
// matching reader (the FieldReader defaults, or FillStoreForm below) restores.

bool ZeroSpan(Span s) { return s.begin == 0 && s.end == 0; }

void WriteCompactTimex(JsonWriter& w, const Timex& t) {
  static const Timex d;
  w.BeginObject();
  if (!ZeroSpan(t.span)) {
    w.Key("span");
    w.Span(t.span);
  }
  // An invalid date is written as null by the full form, which reads as the default.
  if (t.date.valid()) {
    w.Key("date");
    w.DateOrNull(t.date);
  }
  if (t.date_end.valid()) {
    w.Key("date_end");
    w.DateOrNull(t.date_end);
  }
  if (t.precision != d.precision) {
    w.Key("precision");
    w.Int(EnumInt(t.precision));
  }
  if (t.relative != d.relative) {
    w.Key("relative");
    w.Bool(t.relative);
  }
  if (t.past_reference != d.past_reference) {
    w.Key("past_reference");
    w.Bool(t.past_reference);
  }
  w.EndObject();
}

// The store form's text of recently written places' gazetteer fields (gazetteer_id ..
// population), per thread: the same places recur across a batch's articles (1362 entries for
// 240 places in 500 simulated articles), and copying their text back costs a fifth of
// formatting it. Direct-mapped by gazetteer id, a slot overwritten by the next place there:
// bounded memory, and an entry is used only for a place equal to the one it was written for.
struct PlaceTextCache {
  struct Entry {
    bool used = false;
    Place place;
    std::string text;
  };
  static constexpr int kBits = 11;
  std::vector<Entry> slots = std::vector<Entry>(size_t{1} << kBits);
  Entry& Slot(uint32_t id) { return slots[(id * 0x9E3779B1u) >> (32 - kBits)]; }
};

void WriteCompactPlaceMention(JsonWriter& w, const PlaceMention& m) {
  const Place& p = m.place;
  static const Place d;  // static: constructing its strings at every call showed in the profile
  w.BeginObject();
  if (!ZeroSpan(m.span)) {
    w.Key("span");
    w.Span(m.span);
  }
  thread_local PlaceTextCache cache;
  PlaceTextCache::Entry& known = cache.Slot(p.gazetteer_id);
  if (known.used && SamePlace(known.place, p)) {
    w.Raw(known.text);
  } else {
    const size_t mark = w.Mark();
    if (p.gazetteer_id != d.gazetteer_id) {
      w.Key("gazetteer_id");
      w.Int(p.gazetteer_id);
    }
    if (!p.name.empty()) {
      w.Key("name");
      w.String(p.name);
    }
    if (!p.country.empty()) {
      w.Key("country");
      w.String(p.country);
    }
    if (!p.admin1.empty()) {
      w.Key("admin1");
      w.String(p.admin1);
    }
    if (!p.admin2.empty()) {
      w.Key("admin2");
      w.String(p.admin2);
    }
    if (p.has_coords) {
      w.Key("lat");
      w.Number(p.lat);
      w.Key("lon");
      w.Number(p.lon);
    }
    if (p.level != d.level) {
      w.Key("level");
      w.Int(EnumInt(p.level));
    }
    if (p.population != d.population) {
      w.Key("population");
      w.Int(p.population);
    }
    known.used = true;
    known.place = p;
    known.text.assign(w.Since(mark));
  }
  if (m.confidence != 0) {
    w.Key("confidence");
    w.Number(m.confidence);
  }
  if (m.via_county) {
    w.Key("via_county");
    w.Bool(true);
  }
  w.EndObject();
}

// A place whose gazetteer entry is places[k]'s; its confidence is left out when it is that
// place's too.
// Written as the array [begin, end, place_of] or [begin, end, place_of, confidence]: an
// article names its few places many times, and the keys would be most of the bytes. A mention
// that names the town through its county (rare) is the object {"span", "place_of",
// "confidence" (when not the place's), "via_county": true}, which the reader also takes.
void WriteCompactPlaceRef(JsonWriter& w, const PlaceMention& m, size_t k,
                          const std::vector<PlaceMention>& places) {
  if (m.via_county) {
    w.BeginObject();
    w.Key("span");
    w.Span(m.span);
    w.Key("place_of");
    w.Int(static_cast<int64_t>(k));
    if (m.confidence != places[k].confidence) {
      w.Key("confidence");
      w.Number(m.confidence);
    }
    w.Key("via_county");
    w.Bool(true);
    w.EndObject();
    return;
  }
  w.BeginArray();
  w.Ints(m.span.begin, m.span.end, k);
  if (m.confidence != places[k].confidence) w.Number(m.confidence);
  w.EndArray();
}

void WriteCompactPlaces(JsonWriter& w, const std::vector<PlaceMention>& list,
                        const std::vector<PlaceMention>& doc_places, bool own_list) {
  w.Key("places");
  w.BeginArray();
  // In the document's own list, the places written in full so far (the first of each place,
  // when there are at most kFirsts): PlaceOf() finds its answer among them, since an earlier
  // place equal to this one is equal to its own first (equality is transitive), which is not
  // later. Scanning them alone skips the many references between them.
  constexpr size_t kFirsts = 16;
  uint32_t firsts[kFirsts];
  size_t num_firsts = 0;
  bool all_firsts = own_list;
  for (size_t i = 0; i < list.size(); ++i) {
    const Place& p = list[i].place;
    const size_t limit = own_list ? i : doc_places.size();
    size_t k = limit;
    if (all_firsts) {
      for (size_t f = 0; f < num_firsts; ++f) {
        const Place& q = doc_places[firsts[f]].place;
        if (q.gazetteer_id == p.gazetteer_id && SamePlace(p, q)) {
          k = firsts[f];
          break;
        }
      }
    } else {
      k = PlaceOf(p, doc_places, limit);
    }
    if (k < limit) {
      WriteCompactPlaceRef(w, list[i], k, doc_places);
    } else {
      WriteCompactPlaceMention(w, list[i]);
      if (num_firsts < kFirsts)
        firsts[num_firsts++] = static_cast<uint32_t>(i);
      else
        all_firsts = false;
    }
  }
  w.EndArray();
}

// The fields of `a` that differ from `base` (a default actor, or the document's actor a
// mention's actor refers to).
void WriteActorFields(JsonWriter& w, const ActorMention& a, const ActorMention& base) {
  if (!(a.span == base.span)) {
    w.Key("span");
    w.Span(a.span);
  }
  if (a.canonical != base.canonical) {
    w.Key("canonical");
    w.String(a.canonical);
  }
  if (a.actor_class != base.actor_class) {
    w.Key("class");
    w.Int(EnumInt(a.actor_class));
  }
  if (a.role != base.role) {
    w.Key("role");
    w.Int(EnumInt(a.role));
  }
  if (a.responsibility != base.responsibility) {
    w.Key("responsibility");
    w.Int(EnumInt(a.responsibility));
  }
  if (a.person != base.person) {
    w.Key("person");
    w.Bool(a.person);
  }
}

// A mention's actors: one that the document's actors list has (same span, name and class) is
// written as {"actor_of": index} plus the fields that differ (its role, usually).
void WriteCompactActors(JsonWriter& w, const std::vector<ActorMention>& list,
                        const std::vector<ActorMention>* doc_actors) {
  static const ActorMention kDefault;
  w.Key("actors");
  w.BeginArray();
  for (const ActorMention& x : list) {
    size_t k = 0;
    const size_t n = doc_actors ? doc_actors->size() : 0;
    while (k < n &&
           !((*doc_actors)[k].span == x.span && SameText((*doc_actors)[k].canonical, x.canonical) &&
             (*doc_actors)[k].actor_class == x.actor_class)) {
      ++k;
    }
    if (doc_actors == nullptr) {
      // The document's own actors, as arrays [begin, end, canonical, class, role,
      // responsibility, person] without the trailing values that are the defaults.
      const int fields = x.person                                      ? 7
                         : x.responsibility != kDefault.responsibility ? 6
                         : x.role != kDefault.role                     ? 5
                         : x.actor_class != kDefault.actor_class       ? 4
                                                                       : 3;
      w.BeginArray();
      w.Ints(x.span.begin, x.span.end);
      w.String(x.canonical);
      switch (fields) {  // the trailing values, written together
        case 7:
          w.Ints(EnumInt(x.actor_class), EnumInt(x.role), EnumInt(x.responsibility), 1);
          break;
        case 6:
          w.Ints(EnumInt(x.actor_class), EnumInt(x.role), EnumInt(x.responsibility));
          break;
        case 5:
          w.Ints(EnumInt(x.actor_class), EnumInt(x.role));
          break;
        case 4:
          w.Ints(EnumInt(x.actor_class));
          break;
        default:
          break;
      }
      w.EndArray();
      continue;
    }
    w.BeginObject();
    if (k < n) {
      w.Key("actor_of");
      w.Int(static_cast<int64_t>(k));
      WriteActorFields(w, x, (*doc_actors)[k]);
    } else {
      WriteActorFields(w, x, kDefault);
    }
    w.EndObject();
  }
  w.EndArray();
}

// A claim's published date as the full form reads it back: an invalid date is written as null,
// which reads as the default.
CivilDate ReadBackDate(const CivilDate& d) { return d.valid() ? d : CivilDate(); }

// A claim in a store form. "doc_id", "source" and "published" are left out when they equal what
// the reader restores in their place (`implied_doc`, `implied_source`, `implied_published`: the
// document's or the previous claim's, per form); the other fields when they read back as the
// default. Missing low/high read as the value.
void WriteCompactClaim(JsonWriter& w, const Claim& c, std::string_view implied_doc,
                       std::string_view implied_source, const CivilDate& implied_published) {
  static const Claim d;
  w.BeginObject();
  if (!SameText(c.doc_id, implied_doc)) {
    w.Key("doc_id");
    w.String(c.doc_id);
  }
  if (!SameText(c.source, implied_source)) {
    w.Key("source");
    w.String(c.source);
  }
  if (c.field != d.field) {
    w.Key("field");
    w.String(FieldName(c.field));
  }
  w.Key("value");
  w.Number(c.value);
  if (!(c.low == c.value)) {
    w.Key("low");
    w.Number(c.low);
  }
  if (!(c.high == c.value)) {
    w.Key("high");
    w.Number(c.high);
  }
  if (c.qualifier != d.qualifier) {
    w.Key("qualifier");
    w.String(QualifierName(c.qualifier));
  }
  if (c.category != d.category) {
    w.Key("category");
    w.String(CategoryName(c.category));
  }
  if (!c.attributed_to.empty()) {
    w.Key("attributed_to");
    w.String(c.attributed_to);
  }
  if (!c.quote.empty()) {
    w.Key("quote");
    w.String(c.quote);
  }
  if (!ZeroSpan(c.span)) {
    w.Key("span");
    w.Span(c.span);
  }
  if (!ZeroSpan(c.figure_span)) {
    w.Key("figure_span");
    w.Span(c.figure_span);
  }
  if (c.independent != d.independent) {
    w.Key("independent");
    w.Bool(c.independent);
  }
  if (c.scope != d.scope) {
    w.Key("scope");
    w.String(ScopeName(c.scope));
  }
  // Two invalid dates both read back as the default.
  if (!(ReadBackDate(c.published) == ReadBackDate(implied_published))) {
    w.Key("published");
    w.DateOrNull(c.published);
  }
  w.EndObject();
}

void WriteCompactClaims(JsonWriter& w, const std::vector<Claim>& list, const DocAnalysis& a) {
  w.Key("claims");
  w.BeginArray();
  static const std::string kNone;
  const std::string* prev = &kNone;
  for (const Claim& c : list) {
    WriteCompactClaim(w, c, a.doc_id, *prev, a.published);
    prev = &c.source;
  }
  w.EndArray();
}

bool SameTimex(const Timex& a, const Timex& b) {
  return a.span == b.span && a.date == b.date && a.date_end == b.date_end &&
         a.precision == b.precision && a.relative == b.relative &&
         a.past_reference == b.past_reference;
}

}  // namespace

std::string DocAnalysisToStoreText(const DocAnalysis& a) {
  std::string out;
  DocAnalysisToStoreText(a, &out);
  return out;
}

void DocAnalysisToStoreText(const DocAnalysis& a, std::string* text) {
  text->clear();
  JsonWriter w(text, EstimateSize(a) / 2);
  w.BeginObject();
  w.Key("form");
  w.Int(kStoreForm);
  w.Key("doc_id");
  w.String(a.doc_id);
  if (a.published.valid()) {
    w.Key("published");
    w.DateOrNull(a.published);
  }
  if (!a.copy_of.empty()) {
    w.Key("copy_of");
    w.String(a.copy_of);
  }
  if (!a.mentions.empty()) {
    w.Key("mentions");
    w.BeginArray();
    for (const EventMention& m : a.mentions) {
      std::optional<std::vector<size_t>> refs = ClaimRefs(m.claims, a.claims);
      w.BeginObject();
      if (m.doc_id != a.doc_id) {
        w.Key("doc_id");
        w.String(m.doc_id);
      }
      if (!ZeroSpan(m.span)) {
        w.Key("span");
        w.Span(m.span);
      }
      if (!ZeroSpan(m.trigger)) {
        w.Key("trigger");
        w.Span(m.trigger);
      }
      if (!m.event_type.empty()) {
        w.Key("event_type");
        w.String(m.event_type);
      }
      if (!m.sub_event_type.empty()) {
        w.Key("sub_event_type");
        w.String(m.sub_event_type);
      }
      if (!SameTimex(m.date, Timex{})) {
        size_t t = 0;
        while (t < a.timexes.size() && !SameTimex(m.date, a.timexes[t])) ++t;
        if (t < a.timexes.size()) {
          w.Key("date_of");
          w.Int(static_cast<int64_t>(t));
        } else {
          w.Key("date");
          WriteCompactTimex(w, m.date);
        }
      }
      if (!m.places.empty()) WriteCompactPlaces(w, m.places, a.places, /*own_list=*/false);
      if (!m.actors.empty()) WriteCompactActors(w, m.actors, &a.actors);
      if (refs && !refs->empty()) {
        w.Key("claim_refs");
        w.BeginArray();
        for (size_t r : *refs) w.Int(static_cast<int64_t>(r));
        w.EndArray();
      } else if (!m.claims.empty()) {
        WriteCompactClaims(w, m.claims, a);
      }
      if (m.background) {
        w.Key("background");
        w.Bool(true);
      }
      if (m.wave) {
        w.Key("wave");
        w.Bool(true);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  if (!a.places.empty()) WriteCompactPlaces(w, a.places, a.places, /*own_list=*/true);
  if (!a.actors.empty()) WriteCompactActors(w, a.actors, nullptr);
  if (!a.claims.empty()) WriteCompactClaims(w, a.claims, a);
  if (!a.timexes.empty()) {
    w.Key("timexes");
    w.BeginArray();
    for (const Timex& t : a.timexes) WriteCompactTimex(w, t);
    w.EndArray();
  }
  w.Key("place_spellings");  // always: its absence marks an analysis written before it existed
  WritePlaceSpellings(w, a.place_spellings);
  w.EndObject();
  w.Finish();
}

namespace {

void WriteDateOrNull(JsonWriter& w, const std::optional<CivilDate>& d) {
  if (d)
    w.DateOrNull(*d);
  else
    w.Null();
}

void WriteFigure(JsonWriter& w, const Figure& f) {
  w.BeginObject();
  w.Key("low");
  w.Number(f.low);
  w.Key("best");
  w.Number(f.best);
  w.Key("high");
  w.Number(f.high);
  w.EndObject();
}

void WriteOptFigure(JsonWriter& w, const std::optional<Figure>& f) {
  if (f)
    WriteFigure(w, *f);
  else
    w.Null();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

}  // namespace

std::string IncidentToJsonText(const Incident& inc) {
  std::string out;
  IncidentToJsonText(inc, &out);
  return out;
}

void IncidentToJsonText(const Incident& inc, std::string* text) {
  text->clear();  // keeps the capacity
  std::string& out = *text;
  JsonWriter w(&out, 2048 + 512 * inc.claims.size(), /*dump_numbers=*/true);
  w.BeginObject();
  // IncidentScalarsToJson's keys and values.
  w.Key("id");
  w.String(inc.id);
  w.Key("parent");
  w.StringOrNull(inc.parent);
  w.Key("date");
  WriteDateOrNull(w, inc.date);
  w.Key("date_end");
  WriteDateOrNull(w, inc.date_end);
  w.Key("country");
  w.String(inc.country);
  w.Key("admin1");
  w.StringOrNull(inc.admin1);
  w.Key("admin2");
  w.StringOrNull(inc.admin2);
  w.Key("place");
  w.StringOrNull(inc.place);
  const bool coords = inc.lat && inc.lon;
  w.Key("lat");
  if (coords)
    w.Number(*inc.lat);
  else
    w.Null();
  w.Key("lon");
  if (coords)
    w.Number(*inc.lon);
  else
    w.Null();
  w.Key("geo_precision");
  w.Int(inc.geo_precision);
  w.Key("event_type");
  w.String(inc.event_type);
  w.Key("sub_event_type");
  w.String(inc.sub_event_type);
  w.Key("perpetrator");
  w.StringOrNull(inc.perpetrator);
  w.Key("killed");
  WriteOptFigure(w, inc.killed);
  w.Key("injured");
  WriteOptFigure(w, inc.injured);
  // IncidentToJson's lists.
  w.Key("place_aliases");
  WriteStrings(w, inc.place_aliases);
  w.Key("killed_by_category");
  w.BeginObject();
  static constexpr const char* kDocumented[] = {"civilians", "security_forces", "militants"};
  for (const char* cat : kDocumented) {
    w.KeyText(cat);
    auto it = inc.killed_by_category.find(cat);
    if (it == inc.killed_by_category.end())
      w.Null();
    else
      WriteFigure(w, it->second);
  }
  for (const auto& [cat, f] : inc.killed_by_category) {
    if (std::find(std::begin(kDocumented), std::end(kDocumented), cat) != std::end(kDocumented)) {
      continue;
    }
    w.StringKey(cat);
    WriteFigure(w, f);
  }
  w.EndObject();
  w.Key("other_figures");
  w.BeginObject();
  for (const auto& [k, f] : inc.other_figures) {
    w.StringKey(k);
    WriteFigure(w, f);
  }
  w.EndObject();
  w.Key("documents");
  WriteStrings(w, inc.documents);
  w.Key("mentions");
  WriteStrings(w, inc.mentions);
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : inc.claims) WriteClaim(w, c);
  w.EndArray();
  w.Key("contradictions");
  w.BeginArray();
  for (const Contradiction& c : inc.contradictions) {
    w.BeginObject();
    w.Key("field");
    w.String(c.field);
    w.Key("description");
    w.String(c.description);
    w.EndObject();
  }
  w.EndArray();
  w.Key("why");
  w.BeginArray();
  for (const Reason& r : inc.why) {
    w.BeginObject();
    w.Key("doc_id");
    w.String(r.doc_id);
    w.Key("decision");
    w.String(r.decision);
    w.Key("detail");
    w.String(r.detail);
    w.Key("score");
    w.Number(r.score);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Finish();
}

std::string IncidentToStoreText(const Incident& inc) {
  std::string out;
  IncidentToStoreText(inc, &out);
  return out;
}

void IncidentToStoreText(const Incident& inc, std::string* text) {
  text->clear();  // keeps the capacity
  JsonWriter w(text, 1024 + 256 * inc.claims.size());
  w.BeginObject();
  w.Key("form");
  w.Int(kStoreForm);
  w.Key("id");
  w.String(inc.id);
  if (!inc.parent.empty()) {
    w.Key("parent");
    w.String(inc.parent);
  }
  if (inc.date && inc.date->valid()) {
    w.Key("date");
    w.DateOrNull(*inc.date);
  }
  if (inc.date_end && inc.date_end->valid()) {
    w.Key("date_end");
    w.DateOrNull(*inc.date_end);
  }
  if (!inc.country.empty()) {
    w.Key("country");
    w.String(inc.country);
  }
  if (!inc.admin1.empty()) {
    w.Key("admin1");
    w.String(inc.admin1);
  }
  if (!inc.admin2.empty()) {
    w.Key("admin2");
    w.String(inc.admin2);
  }
  if (!inc.place.empty()) {
    w.Key("place");
    w.String(inc.place);
  }
  if (inc.lat && inc.lon) {
    w.Key("lat");
    w.Number(*inc.lat);
    w.Key("lon");
    w.Number(*inc.lon);
  }
  if (inc.geo_precision != Incident().geo_precision) {
    w.Key("geo_precision");
    w.Int(inc.geo_precision);
  }
  if (!inc.event_type.empty()) {
    w.Key("event_type");
    w.String(inc.event_type);
  }
  if (!inc.sub_event_type.empty()) {
    w.Key("sub_event_type");
    w.String(inc.sub_event_type);
  }
  if (!inc.perpetrator.empty()) {
    w.Key("perpetrator");
    w.String(inc.perpetrator);
  }
  if (inc.killed) {
    w.Key("killed");
    WriteFigure(w, *inc.killed);
  }
  if (inc.injured) {
    w.Key("injured");
    WriteFigure(w, *inc.injured);
  }
  if (!inc.place_aliases.empty()) {
    w.Key("place_aliases");
    WriteStrings(w, inc.place_aliases);
  }
  if (!inc.killed_by_category.empty()) {
    w.Key("killed_by_category");
    w.BeginObject();
    for (const auto& [cat, f] : inc.killed_by_category) {
      w.StringKey(cat);
      WriteFigure(w, f);
    }
    w.EndObject();
  }
  if (!inc.other_figures.empty()) {
    w.Key("other_figures");
    w.BeginObject();
    for (const auto& [k, f] : inc.other_figures) {
      w.StringKey(k);
      WriteFigure(w, f);
    }
    w.EndObject();
  }
  if (!inc.documents.empty()) {
    w.Key("documents");
    WriteStrings(w, inc.documents);
  }
  if (!inc.mentions.empty()) {
    w.Key("mentions");
    WriteStrings(w, inc.mentions);
  }
  if (!inc.claims.empty()) {
    w.Key("claims");
    w.BeginArray();
    // doc_id, source and published are left out when equal to the previous claim's ("", "" and
    // no date before the first).
    static const Claim kFirst;
    const Claim* prev = &kFirst;
    for (const Claim& c : inc.claims) {
      WriteCompactClaim(w, c, prev->doc_id, prev->source, prev->published);
      prev = &c;
    }
    w.EndArray();
  }
  if (!inc.contradictions.empty()) {
    w.Key("contradictions");
    w.BeginArray();
    for (const Contradiction& c : inc.contradictions) {
      w.BeginObject();
      w.Key("field");
      w.String(c.field);
      w.Key("description");
      w.String(c.description);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!inc.why.empty()) {
    w.Key("why");
    w.BeginArray();
    for (const Reason& r : inc.why) {
      w.BeginArray();
      w.String(r.doc_id);
      w.String(r.decision);
      w.String(r.detail);
      w.Number(r.score);
      w.EndArray();
    }
    w.EndArray();
  }
  w.EndObject();
  w.Finish();
}

namespace {

// Restores what the store form leaves out of claims (see DocAnalysisToStoreText): a missing
// doc_id or published is the document's, a missing source the previous claim's, a missing
// low/high the value.
void FillStoreClaims(const Json& list, const DocAnalysis& a, std::vector<Claim>* claims) {
  if (!list.is_array()) return;
  static const std::string kNone;
  const std::string* prev = &kNone;
  for (size_t i = 0; i < claims->size() && i < list.size(); ++i) {
    const Json& e = list[i];
    Claim& c = (*claims)[i];
    if (!e.contains("doc_id")) c.doc_id = a.doc_id;
    if (!e.contains("source")) c.source = *prev;
    prev = &c.source;
    if (!e.contains("low")) c.low = c.value;
    if (!e.contains("high")) c.high = c.value;
    if (!e.contains("published")) c.published = a.published;
  }
}

// The rest of the store form's references: a mention's missing doc_id, "date_of" (an index
// into the document's timexes) and "actor_of" (an index into its actors, with the fields that
// differ). The document's own lists are read already.
Status FillStoreForm(const Json& j, Json::const_iterator mentions_it, size_t listed,
                     DocAnalysis* a) {
  const std::string what = "analysis of '" + a->doc_id + "': ";
  if (auto it = j.find("claims"); it != j.end()) FillStoreClaims(*it, *a, &a->claims);
  for (size_t i = 0; i < a->mentions.size() && i < listed; ++i) {
    const Json& mj = (*mentions_it)[i];
    EventMention& m = a->mentions[i];
    if (!mj.contains("doc_id")) m.doc_id = a->doc_id;
    if (auto it = mj.find("date_of"); it != mj.end()) {
      if (!it->is_number_unsigned() || it->get<size_t>() >= a->timexes.size()) {
        return InvalidArgument(what + "field 'date_of': index out of range");
      }
      m.date = a->timexes[it->get<size_t>()];
    }
    if (auto it = mj.find("claims"); it != mj.end()) FillStoreClaims(*it, *a, &m.claims);
    auto actors = mj.find("actors");
    if (actors == mj.end() || !actors->is_array()) continue;
    for (size_t q = 0; q < m.actors.size() && q < actors->size(); ++q) {
      const Json& e = (*actors)[q];
      auto it = e.find("actor_of");
      if (it == e.end()) continue;
      if (!it->is_number_unsigned() || it->get<size_t>() >= a->actors.size()) {
        return InvalidArgument(what + "field 'actor_of': index out of range");
      }
      m.actors[q] = a->actors[it->get<size_t>()];
      SITREP_RETURN_IF_ERROR(ReadActorInto(e, &m.actors[q]));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DocAnalysis> DocAnalysisFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("analysis: expected an object");
  DocAnalysis a;
  if (auto it = j.find("doc_id"); it != j.end() && it->is_string())
    a.doc_id = it->get<std::string>();
  FieldReader r("analysis of '" + a.doc_id + "'");
  if (a.doc_id.empty()) r.Fail("doc_id", "a non-empty string");
  r.Date(j, "published", &a.published);
  r.Str(j, "copy_of", &a.copy_of);
  r.List(j, "mentions", &a.mentions, EventMentionFromJson);
  r.List(j, "places", &a.places, PlaceMentionFromJson);
  r.List(j, "actors", &a.actors, ActorMentionFromJson);
  r.List(j, "claims", &a.claims, [](const Json& e) { return ClaimFromJson(e); });
  r.List(j, "timexes", &a.timexes, TimexFromJson);
  r.List(j, "place_spellings", &a.place_spellings, [](const Json& e) -> Result<PlaceSpelling> {
    if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_string()) {
      return InvalidArgument("expected [place key, spelling]");
    }
    return PlaceSpelling{e[0].get<std::string>(), e[1].get<std::string>()};
  });
  if (!r.ok()) return r.status();
  auto mentions_it = j.find("mentions");
  const size_t listed = mentions_it != j.end() && mentions_it->is_array() ? mentions_it->size() : 0;
  if (auto form = j.find("form"); form != j.end()) {
    if (!form->is_number_unsigned() || form->get<int64_t>() != kStoreForm) {
      return InvalidArgument("analysis of '" + a.doc_id + "': field 'form': expected " +
                             std::to_string(kStoreForm));
    }
    SITREP_RETURN_IF_ERROR(FillStoreForm(j, mentions_it, listed, &a));
  }
  // Mentions whose claims were stored as indexes into the document's claims.
  for (size_t i = 0; i < a.mentions.size() && i < listed; ++i) {
    const Json& mention = (*mentions_it)[i];
    auto refs = mention.find("claim_refs");
    if (refs == mention.end()) continue;
    if (!refs->is_array()) {
      return InvalidArgument("analysis of '" + a.doc_id + "': field 'claim_refs': expected a list");
    }
    for (const Json& ref : *refs) {
      if (!ref.is_number_unsigned() || ref.get<size_t>() >= a.claims.size()) {
        return InvalidArgument("analysis of '" + a.doc_id +
                               "': field 'claim_refs': index out of range");
      }
      a.mentions[i].claims.push_back(a.claims[ref.get<size_t>()]);
    }
  }
  // Places written as "place_of": an index into the document's places (an earlier one for the
  // document's own list), whose gazetteer entry they share.
  // In the store form a reference without "confidence" has its place's.
  const bool store_form = j.contains("form");
  auto place_of = [&](const Json& e, size_t limit, PlaceMention* out) -> Status {
    const Json* index = nullptr;
    bool has_confidence = true;
    if (e.is_array()) {  // [begin, end, place_of(, confidence)], checked when read
      index = &e[2];
      has_confidence = e.size() == 4;
    } else if (e.is_object()) {
      auto it = e.find("place_of");
      if (it == e.end()) return Status::Ok();
      index = &*it;
      has_confidence = !store_form || e.contains("confidence");
    } else {
      return Status::Ok();
    }
    if (!index->is_number_unsigned() || index->get<size_t>() >= limit) {
      return InvalidArgument("analysis of '" + a.doc_id +
                             "': field 'place_of': index out of range");
    }
    const PlaceMention& base = a.places[index->get<size_t>()];
    out->place = base.place;
    if (!has_confidence) out->confidence = base.confidence;
    return Status::Ok();
  };
  if (auto places_it = j.find("places"); places_it != j.end() && places_it->is_array()) {
    for (size_t i = 0; i < a.places.size() && i < places_it->size(); ++i) {
      SITREP_RETURN_IF_ERROR(place_of((*places_it)[i], i, &a.places[i]));
    }
  }
  for (size_t i = 0; i < a.mentions.size() && i < listed; ++i) {
    auto places_it = (*mentions_it)[i].find("places");
    if (places_it == (*mentions_it)[i].end() || !places_it->is_array()) continue;
    std::vector<PlaceMention>& places = a.mentions[i].places;
    for (size_t q = 0; q < places.size() && q < places_it->size(); ++q) {
      SITREP_RETURN_IF_ERROR(place_of((*places_it)[q], a.places.size(), &places[q]));
    }
  }
  return a;
}

}  // namespace sitrep
