// Writers (and one reader) for the run's outputs: the `sitrep-incidents/1` JSON document
// (/shared/eval/README.md), an ACLED-style CSV and GeoJSON.
//
// Every writer is a pure function of the IncidentSet (and, for the CSV, the country tables): same
// set, same bytes (fixed key and column order, integers for whole numbers, no exponents).
// Invalid UTF-8 in strings is replaced with U+FFFD rather than failing. Thread-safe.
#ifndef SITREP_EXPORT_EXPORT_H_
#define SITREP_EXPORT_EXPORT_H_

#include <iosfwd>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/incident.h"

namespace sitrep {

inline constexpr char kIncidentsSchema[] = "sitrep-incidents/1";

// {"schema": "sitrep-incidents/1", "incidents": [...]}, indented, ending in a newline.
// Built one incident at a time (no document-sized JSON tree): memory is the output string. Each
// incident is IncidentToJsonText() re-indented, the bytes of dumping the whole tree.
std::string IncidentsToJson(const IncidentSet& set);
// The same bytes written to `out` as they are made, so memory stays at one incident. IoError
// when the stream fails.
[[nodiscard]] Status WriteIncidentsJson(const IncidentSet& set, std::ostream& out);
// WriteIncidentsJson() for incidents that come one at a time (resolve.h IncidentStream): the
// constructor writes the head, Add() one incident, Finish() the end. The bytes are those
// WriteIncidentsJson() writes for the same incidents in the same order. Not thread-safe; `out`
// must outlive the writer.
class IncidentsJsonWriter {
 public:
  explicit IncidentsJsonWriter(std::ostream& out);
  void Add(const Incident& inc);
  size_t count() const { return count_; }  // incidents added
  // Writes the end of the document and flushes. IoError when the stream failed at any point.
  [[nodiscard]] Status Finish();

 private:
  void Put(std::string_view s);

  std::ostream& out_;
  size_t count_ = 0;
  std::string text_, indented_;  // reused between incidents
};

// Reads what IncidentsToJson writes. Errors: not JSON, wrong schema, a field of the wrong type
// (the message names the incident and field).
Result<IncidentSet> IncidentsFromJson(std::string_view json);

// One row per incident, ACLED column names where ACLED has one (event_id_cnty, event_date, year,
// time_precision, event_type, sub_event_type, actor1, iso, country, admin1, admin2, location,
// latitude, longitude, geo_precision, source, notes, fatalities) then fatalities_low,
// fatalities_high, injured_best, parent_id. RFC 4180: CRLF line ends, fields quoted when they
// hold a comma, quote or line break; no byte-order mark (the CLI's --bom adds one). Unknown
// numbers are empty cells. `country` is the English name (data/geo/countries.tsv; the code
// itself when the table lacks it) and `iso` the ISO 3166-1 numeric code as ACLED writes it
// (data/export/country_numeric.tsv; empty when none). `source` lists the claims' outlets (empty
// without claims); `notes` is the first killed claim's quote, else what is known (event type,
// place, date), never blank. A text cell starting with = + - @ tab or CR gets a leading
// apostrophe so spreadsheets do not run it as a formula; numeric cells are never changed.
// The tables load once, from DataDir(), on first use.
std::string IncidentsToCsv(const IncidentSet& set);

// A FeatureCollection with one Point feature per incident that has coordinates (the others are
// left out: GeoJSON has no useful form for them). Properties mirror the JSON's scalar fields,
// plus `iso`: the CSV's ISO 3166-1 numeric code of `country` (null when none).
std::string IncidentsToGeoJson(const IncidentSet& set);

}  // namespace sitrep

#endif  // SITREP_EXPORT_EXPORT_H_
