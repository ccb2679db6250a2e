#include "export/export.h"

#include <algorithm>
#include <ostream>
#include <set>
#include <unordered_map>
#include <vector>

#include "base/data_dir.h"
#include "base/tsv.h"
#include "export/json_codec.h"

namespace sitrep {
namespace {

std::string Dump(const OrderedJson& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string NumberText(double v) { return Dump(JsonNumber(v), -1); }

// RFC 4180: quote when the field holds a separator, quote or line break; double the quotes.
void AppendCsvField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Spreadsheets run a cell that starts with one of these as a formula ("=HYPERLINK(...)" in an
// outlet's name or a quote); a leading apostrophe makes it text and is not shown.
bool LooksLikeFormula(std::string_view s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// A text cell: guarded against formulas, then quoted as RFC 4180 wants.
void AppendCsvText(std::string_view s, std::string* out) {
  if (!LooksLikeFormula(s)) {
    AppendCsvField(s, out);
    return;
  }
  AppendCsvField("'" + std::string(s), out);
}

// English name and ISO 3166-1 numeric code of each alpha-2 code: data/geo/countries.tsv (the
// gazetteer's country table) and data/export/country_numeric.tsv. Loaded once; a missing table
// leaves the codes as they are and the numbers empty.
struct CountryInfo {
  std::string name, numeric;
};

const std::unordered_map<std::string, CountryInfo>& Countries() {
  static const std::unordered_map<std::string, CountryInfo> table = [] {
    std::unordered_map<std::string, CountryInfo> t;
    (void)ForEachTsvRow(DataPath("geo/countries.tsv"), 2,
                        [&](const std::vector<std::string_view>& cols, int) {
                          t[std::string(cols[0])].name = cols[1];
                          return Status::Ok();
                        });
    (void)ForEachTsvRow(DataPath("export/country_numeric.tsv"), 2,
                        [&](const std::vector<std::string_view>& cols, int) {
                          t[std::string(cols[0])].numeric = cols[1];
                          return Status::Ok();
                        });
    return t;
  }();
  return table;
}

// `notes` when no claim gives a quote: what is known of the incident, so the cell is never
// blank ("Battles (Armed clash) in Quetta, Balochistan, Pakistan, 2024-02-01 .. 2024-02-02").
std::string DescribeIncident(const Incident& inc, const std::string& country_name) {
  std::string d = inc.event_type.empty() ? "Incident" : inc.event_type;
  if (!inc.sub_event_type.empty()) d += " (" + inc.sub_event_type + ")";
  // Each level once ("Kalat, Kalat" is said once), compared whole: "Washington" the state is not
  // inside "Washington Heights" the place.
  std::string where;
  std::vector<const std::string*> said;
  for (const std::string* part : {&inc.place, &inc.admin2, &inc.admin1, &country_name}) {
    if (part->empty() ||
        std::any_of(said.begin(), said.end(), [&](const std::string* p) { return *p == *part; })) {
      continue;
    }
    if (!where.empty()) where += ", ";
    where += *part;
    said.push_back(part);
  }
  if (!where.empty()) d += " in " + where;
  if (inc.date && inc.date->valid()) {
    d += ", " + inc.date->ToIso();
    if (inc.date_end && inc.date_end->valid() && *inc.date_end != *inc.date) {
      d += " .. " + inc.date_end->ToIso();
    }
  } else {
    d += ", date unknown";
  }
  return d;
}

// ACLED time_precision: 1 day, 2 a span of days (or week), 3 month or coarser.
std::string TimePrecision(const Incident& inc) {
  if (!inc.date || !inc.date->valid()) return "";
  if (inc.date->day == 0) return "3";
  if (inc.date_end && inc.date_end->valid() && *inc.date_end != *inc.date) return "2";
  return "1";
}

}  // namespace

namespace {

constexpr char kJsonHead[] = "{\n  \"schema\": \"";
constexpr char kJsonIncidents[] = "\",\n  \"incidents\": ";

// Re-indents compact JSON text (what IncidentToJsonText writes) the way nlohmann's dump(2)
// writes the same value, every line `base` spaces further in: "{\n", one member per line,
// "key": value, empty containers as "{}" / "[]". Strings are copied as they are (the compact
// writer already escaped them as dump() does), so the bytes equal those of dumping the tree,
// without building it. Appends to *out.
void IndentCompactJson(std::string_view in, size_t base, std::string* out) {
  // One append per line's indent; an indent wider than this (no incident nests that deep)
  // takes several.
  static const std::string kSpaces(256, ' ');
  size_t indent = base;
  auto newline = [&](size_t n) {
    out->push_back('\n');
    while (n > kSpaces.size()) {
      out->append(kSpaces);
      n -= kSpaces.size();
    }
    out->append(kSpaces, 0, n);
  };
  const char* p = in.data();
  const char* end = p + in.size();
  while (p < end) {
    const char c = *p;
    switch (c) {
      case '"': {
        // A string: up to the closing quote that no backslash escapes.
        const char* q = p + 1;
        while (q < end && *q != '"') q += *q == '\\' ? 2 : 1;
        q = std::min(q + 1, end);
        out->append(p, static_cast<size_t>(q - p));
        p = q;
        continue;
      }
      case '{':
      case '[':
        if (p + 1 < end && p[1] == (c == '{' ? '}' : ']')) {
          out->push_back(c);
          out->push_back(p[1]);
          p += 2;
          continue;
        }
        out->push_back(c);
        indent += 2;
        newline(indent);
        break;
      case '}':
      case ']':
        indent -= 2;
        newline(indent);
        out->push_back(c);
        break;
      case ',':
        out->push_back(',');
        newline(indent);
        break;
      case ':':
        out->append(": ");
        break;
      default: {
        // A number or literal: up to the next structural byte.
        const char* q = p + 1;
        while (q < end && *q != ',' && *q != '}' && *q != ']') ++q;
        out->append(p, static_cast<size_t>(q - p));
        p = q;
        continue;
      }
    }
    ++p;
  }
}

// One element of the "incidents" list as the whole document's indent-2 dump writes it: nested
// two levels deep, so every line gains four spaces of indent. Replaces *out; *text is scratch.
void IndentedIncident(const Incident& inc, std::string* text, std::string* out) {
  IncidentToJsonText(inc, text);
  out->clear();
  out->reserve(text->size() * 2);
  out->append("    ");
  IndentCompactJson(*text, 4, out);
}

// Writes the document one incident at a time: the bytes are those of dumping the whole
// {"schema", "incidents"} object with indent 2, but only one incident's JSON exists at a time.
template <typename Sink>
void WriteIncidentsJsonTo(const IncidentSet& set, Sink&& sink) {
  sink(kJsonHead);
  sink(kIncidentsSchema);
  sink(kJsonIncidents);
  if (set.incidents.empty()) {
    sink("[]\n}\n");
    return;
  }
  sink("[\n");
  std::string text, indented;
  for (size_t i = 0; i < set.incidents.size(); ++i) {
    IndentedIncident(set.incidents[i], &text, &indented);
    if (i + 1 < set.incidents.size()) indented.append(",\n");
    sink(std::string_view(indented));
  }
  sink("\n  ]\n}\n");
}

}  // namespace

std::string IncidentsToJson(const IncidentSet& set) {
  std::string out;
  WriteIncidentsJsonTo(set, [&](std::string_view s) { out.append(s); });
  return out;
}

Status WriteIncidentsJson(const IncidentSet& set, std::ostream& out) {
  WriteIncidentsJsonTo(set, [&](std::string_view s) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
  });
  out.flush();
  if (!out) return IoError("cannot write the incidents document");
  return Status::Ok();
}

IncidentsJsonWriter::IncidentsJsonWriter(std::ostream& out) : out_(out) {
  Put(kJsonHead);
  Put(kIncidentsSchema);
  Put(kJsonIncidents);
}

void IncidentsJsonWriter::Put(std::string_view s) {
  out_.write(s.data(), static_cast<std::streamsize>(s.size()));
}

void IncidentsJsonWriter::Add(const Incident& inc) {
  // The separator goes before every element but the first: the last one is not known here.
  Put(count_ == 0 ? "[\n" : ",\n");
  IndentedIncident(inc, &text_, &indented_);
  Put(indented_);
  ++count_;
}

Status IncidentsJsonWriter::Finish() {
  Put(count_ == 0 ? "[]\n}\n" : "\n  ]\n}\n");
  out_.flush();
  if (!out_) return IoError("cannot write the incidents document");
  return Status::Ok();
}

Result<IncidentSet> IncidentsFromJson(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return InvalidArgument("incidents document: not valid JSON");
  if (!doc.is_object()) return InvalidArgument("incidents document: expected a JSON object");
  auto schema = doc.find("schema");
  if (schema == doc.end() || !schema->is_string() || *schema != kIncidentsSchema) {
    return InvalidArgument(std::string("incidents document: field 'schema': expected \"") +
                           kIncidentsSchema + "\"");
  }
  auto list = doc.find("incidents");
  if (list == doc.end() || !list->is_array()) {
    return InvalidArgument("incidents document: field 'incidents': expected a list");
  }
  IncidentSet set;
  set.incidents.reserve(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    Result<Incident> inc = IncidentFromJson((*list)[i]);
    if (!inc.ok()) {
      return InvalidArgument("incidents[" + std::to_string(i) + "]: " + inc.status().message());
    }
    set.incidents.push_back(std::move(inc).value());
  }
  return set;
}

std::string IncidentsToCsv(const IncidentSet& set) {
  // Text columns are guarded against formulas; numeric ones (a negative longitude) are not.
  struct Column {
    const char* name;
    bool text;
  };
  static constexpr Column kColumns[] = {{"event_id_cnty", true},   {"event_date", false},
                                        {"year", false},           {"time_precision", false},
                                        {"event_type", true},      {"sub_event_type", true},
                                        {"actor1", true},          {"iso", false},
                                        {"country", true},         {"admin1", true},
                                        {"admin2", true},          {"location", true},
                                        {"latitude", false},       {"longitude", false},
                                        {"geo_precision", false},  {"source", true},
                                        {"notes", true},           {"fatalities", false},
                                        {"fatalities_low", false}, {"fatalities_high", false},
                                        {"injured_best", false},   {"parent_id", true}};
  const auto& countries = Countries();
  std::string out;
  bool first = true;
  for (const Column& c : kColumns) {
    if (!first) out.push_back(',');
    first = false;
    out.append(c.name);
  }
  out.append("\r\n");
  for (const Incident& inc : set.incidents) {
    std::set<std::string> sources;
    std::string notes;
    for (const Claim& c : inc.claims) {
      if (!c.source.empty()) sources.insert(c.source);
      if (notes.empty() && c.field == Field::kKilled) notes = c.quote;
    }
    std::string source_list;
    for (const std::string& s : sources) {
      if (!source_list.empty()) source_list.append("; ");
      source_list.append(s);
    }
    const auto country = countries.find(inc.country);
    const bool known_country = country != countries.end() && !country->second.name.empty();
    const std::string country_name = known_country ? country->second.name : inc.country;
    if (notes.empty()) notes = DescribeIncident(inc, country_name);
    const bool has_coords = inc.lat && inc.lon;
    const bool has_date = inc.date && inc.date->valid();
    const std::string cells[] = {
        inc.id,
        has_date ? inc.date->ToIso() : "",
        has_date ? std::to_string(inc.date->year) : "",
        TimePrecision(inc),
        inc.event_type,
        inc.sub_event_type,
        inc.perpetrator,
        country != countries.end() ? country->second.numeric : "",
        country_name,
        inc.admin1,
        inc.admin2,
        inc.place,
        has_coords ? NumberText(*inc.lat) : "",
        has_coords ? NumberText(*inc.lon) : "",
        std::to_string(inc.geo_precision),
        source_list,
        notes,
        inc.killed ? NumberText(inc.killed->best) : "",
        inc.killed ? NumberText(inc.killed->low) : "",
        inc.killed ? NumberText(inc.killed->high) : "",
        inc.injured ? NumberText(inc.injured->best) : "",
        inc.parent,
    };
    static_assert(std::size(cells) == std::size(kColumns));
    for (size_t i = 0; i < std::size(cells); ++i) {
      if (i > 0) out.push_back(',');
      if (kColumns[i].text) {
        AppendCsvText(cells[i], &out);
      } else {
        AppendCsvField(cells[i], &out);
      }
    }
    out.append("\r\n");
  }
  return out;
}

std::string IncidentsToGeoJson(const IncidentSet& set) {
  const auto& countries = Countries();
  OrderedJson fc;
  fc["type"] = "FeatureCollection";
  fc["features"] = OrderedJson::array();
  for (const Incident& inc : set.incidents) {
    if (!inc.lat || !inc.lon) continue;
    OrderedJson full = IncidentToJson(inc);
    OrderedJson props;
    for (const char* k : {"id", "parent", "date", "date_end", "country", "admin1", "admin2",
                          "place", "place_aliases", "geo_precision", "event_type", "sub_event_type",
                          "perpetrator", "killed", "injured", "documents"}) {
      props[k] = full[k];
    }
    // The CSV's iso column: the ISO 3166-1 numeric code, as ACLED writes it (null when the
    // table has none), next to the alpha-2 `country`.
    const auto country = countries.find(inc.country);
    props["iso"] = country != countries.end() && !country->second.numeric.empty()
                       ? OrderedJson(country->second.numeric)
                       : OrderedJson(nullptr);
    OrderedJson f;
    f["type"] = "Feature";
    f["id"] = inc.id;
    // GeoJSON positions are [longitude, latitude].
    f["geometry"] = {
        {"type", "Point"},
        {"coordinates", OrderedJson::array({JsonNumber(*inc.lon), JsonNumber(*inc.lat)})}};
    f["properties"] = std::move(props);
    fc["features"].push_back(std::move(f));
  }
  return Dump(fc, 2) + "\n";
}

}  // namespace sitrep
