// Incidents and stories: what resolution and reconciliation make of many DocAnalysis values.
#ifndef SITREP_MODEL_INCIDENT_H_
#define SITREP_MODEL_INCIDENT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/event.h"

namespace sitrep {

struct Figure {
  double low = 0, best = 0, high = 0;
};

struct Contradiction {
  std::string field;        // "killed", "vehicles", ...
  std::string description;  // "seed-002 says 35, seed-000 says 10"
};

// One recorded reason for a resolution decision (for `sitrep explain`).
struct Reason {
  std::string doc_id;
  std::string decision;  // "attached", "new incident", "background", "claim attached"
  std::string detail;    // features and scores
  double score = 0;
};

struct Incident {
  std::string id;      // stable: derived from content, not from input order
  std::string parent;  // story id, "" for top level
  std::optional<CivilDate> date, date_end;
  std::string country, admin1, admin2, place;
  // Other names of `place`: its other spellings in the incident's articles and the abbreviated /
  // spelled-out forms of its name ("Saint Louis" for "St. Louis"); never `place` itself.
  std::vector<std::string> place_aliases;
  std::optional<double> lat, lon;
  int geo_precision = 3;
  std::string event_type, sub_event_type;
  std::string perpetrator;
  std::optional<Figure> killed, injured;
  std::map<std::string, Figure> killed_by_category;  // civilians/security_forces/militants
  std::map<std::string, Figure> other_figures;       // abducted, vehicles, ...
  std::vector<std::string> documents;                // sorted
  std::vector<std::string> mentions;                 // background-only docs, sorted
  std::vector<Claim> claims;
  std::vector<Contradiction> contradictions;
  std::vector<Reason> why;
};

// The result of a run: stories and incidents, children listed after their parent.
struct IncidentSet {
  std::vector<Incident> incidents;
};

}  // namespace sitrep

#endif  // SITREP_MODEL_INCIDENT_H_
