// JSON encoding of the model values (src/model/), shared by the exporters and the store.
//
// Writers produce nlohmann::ordered_json so keys come out in a fixed, documented order; numbers
// that hold whole values are written as integers and coordinates are rounded to 1e-6 degrees, so
// the text is deterministic and free of "23.000000001"-style noise. Readers accept what the
// writers produce (and tolerate missing optional keys); a wrong type gives an InvalidArgument
// naming the field. All functions are pure and thread-safe.
#ifndef SITREP_EXPORT_JSON_CODEC_H_
#define SITREP_EXPORT_JSON_CODEC_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/event.h"
#include "model/incident.h"

namespace sitrep {

using OrderedJson = nlohmann::ordered_json;

// A number as JSON: integral values as integers, others rounded to 6 decimals.
OrderedJson JsonNumber(double v);

// Strings, dates and figures as the output document writes them: empty/unknown → null.
OrderedJson JsonStringOrNull(const std::string& s);
OrderedJson JsonDateOrNull(const std::optional<CivilDate>& d);
OrderedJson JsonFigureOrNull(const std::optional<Figure>& f);

// The scalar fields of an incident (id .. injured), in output order; IncidentToJson() adds the
// lists. The server's list view uses this alone.
OrderedJson IncidentScalarsToJson(const Incident& inc);

OrderedJson ClaimToJson(const Claim& c);
Result<Claim> ClaimFromJson(const nlohmann::json& j);

// The `sitrep-incidents/1` form of one incident (see /shared/eval/README.md), plus
// `other_figures` and `why`.
OrderedJson IncidentToJson(const Incident& inc);
Result<Incident> IncidentFromJson(const nlohmann::json& j);
// IncidentFromJson reads this form and the store form (IncidentToStoreText, with "form").
// The same document as compact text: byte for byte what IncidentToJson(inc).dump() gives
// (fractions through nlohmann's own formatter), written directly without building a JSON tree;
// the output document (export.h) is this text re-indented. Invalid UTF-8 becomes U+FFFD.
std::string IncidentToJsonText(const Incident& inc);
// The same into *text (replacing its contents, keeping its capacity): a caller writing many
// incidents reuses one buffer.
void IncidentToJsonText(const Incident& inc, std::string* text);

// The store's form of an incident: what IncidentFromJson() reads back to the same Incident as
// the full form, in about a third of the bytes (the incident rows are the store's largest cost
// at scale). It begins with "form": kStoreForm; keys whose value reads back as the default
// (null, "", 3 for geo_precision, empty lists and maps) are left out; a claim's "doc_id",
// "source" and "published" are left out when they equal the previous claim's in the list, and
// its defaults as in DocAnalysisToStoreText; a reason in "why" is the array
// [doc_id, decision, detail, score]. IncidentFromJson() reads both forms.
std::string IncidentToStoreText(const Incident& inc);
// The same into *text (replacing its contents, keeping its capacity), for the store's loop.
void IncidentToStoreText(const Incident& inc, std::string* text);

// Complete, lossless encoding of an analysis (used by the store so incidents can be re-resolved
// without re-reading the text).
// A mention's claims that are also the document's claims are written once, as indexes
// ("claim_refs") into the document's "claims"; the reader restores them. Likewise a place
// mention whose gazetteer entry an earlier document place already has (or, in a mention, any
// document place) is written as {"span", "place_of": index, "confidence"}. Analyses written
// before place_of existed (full entries everywhere) read the same. "place_spellings" (a list of
// [place key, spelling]) is always written, empty or not, so a reader can tell an analysis
// written before it existed (no key: read as no spellings; the store reads them again from the
// article text, see store.h). A place mention's "via_county" (PlaceMention::via_county) is
// written only when true, so analyses without it keep their bytes; an analysis written before
// the flag existed reads with every flag false: re-resolving it finds no town named only through
// its county (resolve.cc NamedOnlyByCounty) until the article is analysed again, a documented
// difference (such towns then count as named towns when incidents vote for their place).
OrderedJson DocAnalysisToJson(const DocAnalysis& a);
// The same document as compact text (what DocAnalysisToJson(a).dump() gives), written directly
// without building a JSON tree: several times faster, for the store. Invalid UTF-8 becomes U+FFFD.
// One difference: a fraction is written in the fewest digits that read back to the same double,
// where dump() sometimes writes more ("63.048489" for its "63.048488999999996"); both decode to
// the same value. IncidentToJsonText, whose output is user-facing, matches dump() exactly.
std::string DocAnalysisToJsonText(const DocAnalysis& a);
// The same into *text (replacing its contents, keeping its capacity), for the store's loop.
void DocAnalysisToJsonText(const DocAnalysis& a, std::string* text);
// The store's form of an analysis: the same JSON document minus what a reader restores, about
// half the bytes. It begins with "form": kStoreForm, under which a reader also restores:
//  - keys left out because their value reads back as the default (false, 0, "", null, empty
//    lists, the first enum value a reader assumes), as in any analysis;
//  - a mention's or claim's missing "doc_id" and a claim's missing "published": the document's;
//  - a claim's missing "source": the previous claim's in the same list ("" for the first);
//    a missing "low" or "high": its "value";
//  - a place reference is the array [begin, end, place_of] (its confidence the place's) or
//    [begin, end, place_of, confidence], or, when it has "via_county", the object {"span",
//    "place_of", "confidence" (when not the place's), "via_county"}; the document's actors are
//    arrays [begin, end, canonical, class, role, responsibility] without trailing default values;
//  - a mention's "date_of": k (its date is the document's timexes[k]) and a mention's actor
//    {"actor_of": k, ...}: the document's actors[k] with the fields given replacing its own.
// "place_spellings" is always written. DocAnalysisFromJson() reads both forms to the same
// DocAnalysis (the store form of `a` and DocAnalysisToJson(a) decode equal).
inline constexpr int kStoreForm = 2;
std::string DocAnalysisToStoreText(const DocAnalysis& a);
// The same into *text (replacing its contents, keeping its capacity), for the store's loop.
void DocAnalysisToStoreText(const DocAnalysis& a, std::string* text);
// Reads the full form (DocAnalysisToJson) and the store form (DocAnalysisToStoreText).
Result<DocAnalysis> DocAnalysisFromJson(const nlohmann::json& j);

// Name <-> enum for the values exported by name; false when the name is unknown.
bool ParseFieldName(std::string_view s, Field* out);
bool ParseCategoryName(std::string_view s, Category* out);
bool ParseQualifierName(std::string_view s, Qualifier* out);
const char* ScopeName(Scope s);  // "incident", "wave", "part"
bool ParseScopeName(std::string_view s, Scope* out);

}  // namespace sitrep

#endif  // SITREP_EXPORT_JSON_CODEC_H_
