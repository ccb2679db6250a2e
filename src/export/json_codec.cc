#include "export/json_codec.h"

#include <cmath>
#include <cstdint>
#include <optional>

namespace sitrep {
namespace {

using Json = nlohmann::json;

// Reads typed fields out of JSON objects and remembers the first problem, so decoding code reads
// straight through instead of checking after every field.
class FieldReader {
 public:
  explicit FieldReader(std::string what) : what_(std::move(what)) {}

  bool ok() const { return error_.empty(); }
  Status status() const {
    return ok() ? Status::Ok() : InvalidArgument(what_ + ": " + error_);
  }
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
  r.Num(j, "low", &f.low);
  r.Num(j, "best", &f.best);
  r.Num(j, "high", &f.high);
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
  return j;
}

Result<PlaceMention> PlaceMentionFromJson(const Json& j) {
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
  return j;
}

Result<ActorMention> ActorMentionFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("actor: expected an object");
  FieldReader r("actor");
  ActorMention a;
  int cls = EnumInt(a.actor_class), role = EnumInt(a.role), resp = EnumInt(a.responsibility);
  r.SpanField(j, "span", &a.span);
  r.Str(j, "canonical", &a.canonical);
  r.Int(j, "class", &cls);
  r.Int(j, "role", &role);
  r.Int(j, "responsibility", &resp);
  if (!r.ok()) return r.status();
  a.actor_class = static_cast<ActorClass>(cls);
  a.role = static_cast<ActorRole>(role);
  a.responsibility = static_cast<ActorMention::Responsibility>(resp);
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
    if (t.ok()) m.date = *t;
    else r.Fail("date", t.status());
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
    case Scope::kIncident: return "incident";
    case Scope::kWave: return "wave";
    case Scope::kPart: return "part";
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
  r.Num(j, "low", &c.low);
  r.Num(j, "high", &c.high);
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
  if (!inc.lat || !inc.lon) inc.lat = inc.lon = std::nullopt;
  return inc;
}

OrderedJson DocAnalysisToJson(const DocAnalysis& a) {
  OrderedJson j;
  j["doc_id"] = a.doc_id;
  j["published"] = StrOrNull(a.published.ToIso());
  j["copy_of"] = StrOrNull(a.copy_of);
  j["mentions"] = OrderedJson::array();
  for (const auto& m : a.mentions) j["mentions"].push_back(EventMentionToJson(m));
  j["places"] = OrderedJson::array();
  for (const auto& p : a.places) j["places"].push_back(PlaceMentionToJson(p));
  j["actors"] = OrderedJson::array();
  for (const auto& x : a.actors) j["actors"].push_back(ActorMentionToJson(x));
  j["claims"] = OrderedJson::array();
  for (const auto& c : a.claims) j["claims"].push_back(ClaimToJson(c));
  j["timexes"] = OrderedJson::array();
  for (const auto& t : a.timexes) j["timexes"].push_back(TimexToJson(t));
  return j;
}

Result<DocAnalysis> DocAnalysisFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("analysis: expected an object");
  DocAnalysis a;
  if (auto it = j.find("doc_id"); it != j.end() && it->is_string()) a.doc_id = it->get<std::string>();
  FieldReader r("analysis of '" + a.doc_id + "'");
  if (a.doc_id.empty()) r.Fail("doc_id", "a non-empty string");
  r.Date(j, "published", &a.published);
  r.Str(j, "copy_of", &a.copy_of);
  r.List(j, "mentions", &a.mentions, EventMentionFromJson);
  r.List(j, "places", &a.places, PlaceMentionFromJson);
  r.List(j, "actors", &a.actors, ActorMentionFromJson);
  r.List(j, "claims", &a.claims, [](const Json& e) { return ClaimFromJson(e); });
  r.List(j, "timexes", &a.timexes, TimexFromJson);
  if (!r.ok()) return r.status();
  return a;
}

}  // namespace sitrep
