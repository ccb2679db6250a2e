#include "geo/gazetteer_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/data_dir.h"
#include "base/tsv.h"
#include "geo/gazetteer.h"
#include "geo/match_key.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find('\t', pos);
    if (t == std::string_view::npos) {
      out.push_back(line.substr(pos));
      break;
    }
    out.push_back(line.substr(pos, t - pos));
    pos = t + 1;
  }
  return out;
}

// Calls fn(line_number, line) for every non-empty, non-comment line. Streams the file: GeoNames
// dumps run to gigabytes, so unlike base/tsv.h's readers the whole text is never held.
template <typename Fn>
Status ForEachLine(const std::string& path, Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    SITREP_RETURN_IF_ERROR(fn(n, std::string_view(line)));
  }
  return Status::Ok();
}

double ParseDouble(std::string_view s, bool* ok) {
  std::string tmp(s);
  char* end = nullptr;
  double v = std::strtod(tmp.c_str(), &end);
  *ok = !tmp.empty() && end == tmp.c_str() + tmp.size();
  return v;
}

struct GnPlace {
  uint32_t id = 0;
  std::string name, ascii, alts;
  double lat = 0, lon = 0;
  char fclass = 0;
  std::string fcode, cc, a1, a2;
  int64_t pop = 0;
};

struct AdminFeature {
  std::string name, alts;
  double lat = 0, lon = 0;
  uint32_t id = 0;
};

struct CscState {
  std::string name, code, cc;
  double lat = 0, lon = 0;
  bool has_coords = false;
  bool used = false;
};

struct CscCity {
  std::string name, cc, state;
  double lat = 0, lon = 0;
  bool matched = false;
  std::string admin_core;  // non-empty for "X District"-style entries: "X"
};

struct Group {
  std::vector<uint32_t> members;  // indexes into places
  std::string name;
  std::string alt_name;  // e.g. the csc spelling when the name came from elsewhere
  double lat = 0, lon = 0;
  bool has_coords = false;
  int64_t pop = 0;
};

bool Near(double lat1, double lon1, double lat2, double lon2, double deg) {
  return std::fabs(lat1 - lat2) <= deg && std::fabs(lon1 - lon2) <= deg;
}

// Splits "Mastung District" into ("Mastung", true) using the suffix words; ("X", false) if none.
std::pair<std::string, bool> StripAdminSuffix(const std::string& name,
                                              const std::unordered_set<std::string>& suffixes) {
  size_t sp = name.find_last_of(' ');
  if (sp == std::string::npos) return {name, false};
  std::string last = FoldName(name.substr(sp + 1));
  if (suffixes.count(last) == 0) return {name, false};
  std::string core = name.substr(0, sp);
  while (!core.empty() && (core.back() == ' ' || core.back() == ',')) core.pop_back();
  if (core.empty()) return {name, false};
  return {core, true};
}

// One row of the user supplement (data/geo/extra_places.tsv).
struct ExtraPlace {
  std::string name, cc, a1, a2, code;
  std::vector<std::string> alts;
  // Names written "-Name": the unit's old name is not kept as an alternate when it is one of
  // these (a name the public tables gave the unit by mistake).
  std::vector<std::string> not_names;
  double lat = 0, lon = 0;
  // No coordinates given (a row with an admin code only adds names): the unit keeps its own.
  bool keep_coords = false;
  int64_t pop = 0;
  GeoLevel level = GeoLevel::kPlace;
};

Status LoadExtraPlaces(const std::string& path, std::vector<ExtraPlace>* out) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return NotFound(text.status().message());
  return ForEachTsvLine(*text, path, 9, [&](const std::vector<std::string_view>& f, int) -> Status {
    auto bad = [](const std::string& why) { return InvalidArgument(why); };
    ExtraPlace x;
    x.name = std::string(f[0]);
    size_t pos = 0;
    while (pos < f[1].size()) {
      size_t c = std::min(f[1].find(',', pos), f[1].size());
      if (c > pos + 1 && f[1][pos] == '-') {
        x.not_names.emplace_back(f[1].substr(pos + 1, c - pos - 1));
      } else if (c > pos) {
        x.alts.emplace_back(f[1].substr(pos, c - pos));
      }
      pos = c + 1;
    }
    x.cc = std::string(f[2]);
    x.a1 = std::string(f[3]);
    x.a2 = std::string(f[4]);
    bool ok1 = false, ok2 = false;
    x.lat = ParseDouble(f[5], &ok1);
    x.lon = ParseDouble(f[6], &ok2);
    if (f.size() > 9 && !f[9].empty() && f[5].empty() && f[6].empty()) {
      x.keep_coords = ok1 = ok2 = true;
    }
    if (x.name.empty() || x.cc.size() != 2 || !ok1 || !ok2)
      return bad("bad name, country or coordinates");
    if (f[7] == "place") {
      x.level = GeoLevel::kPlace;
    } else if (f[7] == "district") {
      x.level = GeoLevel::kDistrict;
    } else if (f[7] == "province") {
      x.level = GeoLevel::kProvince;
    } else {
      return bad("level must be place, district or province");
    }
    x.pop = std::strtoll(std::string(f[8]).c_str(), nullptr, 10);
    if (f.size() > 9) x.code = std::string(f[9]);
    out->push_back(std::move(x));
    return Status::Ok();
  });
}

bool IsCodeLike(std::string_view alt) {
  if (alt.size() > 4) return false;
  for (char c : alt) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

}  // namespace

Result<GazetteerBuildStats> BuildGazetteer(const GazetteerBuildOptions& o) {
  if (Status st = CheckFoldRules(); !st.ok()) return st;
  GazetteerBuildStats stats;
  if (o.geonames.empty()) return InvalidArgument("gazetteer build: --geonames FILE is required");
  if (o.out.empty()) return InvalidArgument("gazetteer build: --out FILE is required");

  // Rules.
  std::string rules_path = o.rules.empty() ? DataPath("geo/match_rules.tsv") : o.rules;
  Result<std::string> rules_text = ReadFile(rules_path);
  if (!rules_text.ok()) return rules_text.status();
  Result<MatchRules> rules = MatchRules::Parse(*rules_text);
  if (!rules.ok())
    return Status(rules.status().code(), rules_path + ": " + rules.status().message());
  GazetteerWriter w(*rules);
  auto key = [&](std::string_view s) { return w.rules().Key(s); };

  // Suffix words (district, county, ...) for "X District" names: the unit nouns the geocoder
  // reads in text, one table for both.
  std::unordered_set<std::string> suffixes;
  {
    const std::string path =
        o.admin_suffixes.empty() ? DataPath("geo/admin_suffixes.tsv") : o.admin_suffixes;
    SITREP_RETURN_IF_ERROR(
        ForEachTsvRow(path, 2, [&](const std::vector<std::string_view>& cols, int) {
          // A place word ("city", "Stadt") is part of a town's name, not a unit's suffix.
          if (cols[1] != "place") suffixes.insert(FoldName(cols[0]));
          return Status::Ok();
        }));
  }

  // Countries.
  struct Country {
    std::string iso, name;
    std::vector<std::string> aliases, demonyms;
    double lat = 0, lon = 0;
    int64_t pop = 0;
  };
  std::map<std::string, Country> countries;
  {
    std::string path = o.countries.empty() ? DataPath("geo/countries.tsv") : o.countries;
    auto split_bar = [](std::string_view s) {
      std::vector<std::string> out;
      size_t pos = 0;
      while (pos <= s.size() && !s.empty()) {
        size_t b = s.find('|', pos);
        if (b == std::string_view::npos) b = s.size();
        if (b > pos) out.emplace_back(s.substr(pos, b - pos));
        pos = b + 1;
      }
      return out;
    };
    SITREP_RETURN_IF_ERROR(ForEachLine(path, [&](size_t n, std::string_view line) -> Status {
      auto f = SplitTabs(line);
      if (f.size() < 2 || f[0].size() != 2) {
        return InvalidArgument(path + ":" + std::to_string(n) + ": expected ISO2<TAB>NAME...");
      }
      Country c;
      c.iso = std::string(f[0]);
      c.name = std::string(f[1]);
      if (f.size() > 2) c.aliases = split_bar(f[2]);
      if (f.size() > 3) c.demonyms = split_bar(f[3]);
      countries[c.iso] = std::move(c);
      return Status::Ok();
    }));
  }
  std::unordered_set<std::string> seat_exclude;
  {
    std::string path =
        o.seat_exclude.empty() ? DataPath("geo/admin2_seat_exclude.tsv") : o.seat_exclude;
    Status s = ForEachLine(path, [&](size_t, std::string_view line) -> Status {
      seat_exclude.insert(std::string(line.substr(0, 2)));
      return Status::Ok();
    });
    if (!s.ok() && !o.seat_exclude.empty()) return s;
  }

  // The user supplement: missing is fine when it is the default path.
  std::vector<ExtraPlace> extras;
  {
    std::string path = o.extra.empty() ? DataPath("geo/extra_places.tsv") : o.extra;
    Status s = LoadExtraPlaces(path, &extras);
    if (!s.ok() && (!o.extra.empty() || s.code() != StatusCode::kNotFound)) return s;
  }

  // country-state-city.
  std::vector<CscState> csc_states;
  std::vector<CscCity> csc_cities;
  std::map<std::string, size_t> csc_state_index;  // "CC|code"
  if (!o.csc_dir.empty()) {
    auto load = [&](const char* name) -> Result<json> {
      Result<std::string> t = ReadFile(o.csc_dir + "/" + name);
      if (!t.ok()) return t.status();
      json j = json::parse(*t, nullptr, false);
      if (j.is_discarded() || !j.is_array()) {
        return InvalidArgument(o.csc_dir + "/" + name + ": not a JSON array");
      }
      return j;
    };
    auto num = [](const json& v, bool* ok) -> double {
      if (v.is_number()) {
        *ok = true;
        return v.get<double>();
      }
      if (v.is_string()) return ParseDouble(v.get<std::string>(), ok);
      *ok = false;
      return 0;
    };
    auto str = [](const json& o2, const char* k) -> std::string {
      auto it = o2.find(k);
      return it != o2.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Result<json> cj = load("country.json");
    if (!cj.ok()) return cj.status();
    for (const json& c : *cj) {
      if (!c.is_object()) continue;
      auto it = countries.find(str(c, "isoCode"));
      if (it == countries.end()) continue;
      bool ok1 = false, ok2 = false;
      double la = c.contains("latitude") ? num(c["latitude"], &ok1) : 0;
      double lo = c.contains("longitude") ? num(c["longitude"], &ok2) : 0;
      if (ok1 && ok2) {
        it->second.lat = la;
        it->second.lon = lo;
      }
    }
    Result<json> sj = load("state.json");
    if (!sj.ok()) return sj.status();
    for (const json& s : *sj) {
      if (!s.is_object()) continue;
      CscState st;
      st.name = str(s, "name");
      st.code = str(s, "isoCode");
      st.cc = str(s, "countryCode");
      bool ok1 = false, ok2 = false;
      if (s.contains("latitude")) st.lat = num(s["latitude"], &ok1);
      if (s.contains("longitude")) st.lon = num(s["longitude"], &ok2);
      st.has_coords = ok1 && ok2;
      if (st.name.empty() || st.cc.empty()) continue;
      csc_state_index[st.cc + "|" + st.code] = csc_states.size();
      csc_states.push_back(std::move(st));
    }
    Result<json> tj = load("city.json");
    if (!tj.ok()) return tj.status();
    for (const json& c : *tj) {
      // [name, countryCode, stateCode, lat, lon]
      if (!c.is_array() || c.size() < 5 || !c[0].is_string() || !c[1].is_string()) continue;
      CscCity city;
      city.name = c[0].get<std::string>();
      city.cc = c[1].get<std::string>();
      city.state = c[2].is_string() ? c[2].get<std::string>() : "";
      bool ok1 = false, ok2 = false;
      city.lat = num(c[3], &ok1);
      city.lon = num(c[4], &ok2);
      if (!ok1 || !ok2) continue;
      auto [core, is_admin] = StripAdminSuffix(city.name, suffixes);
      if (is_admin) city.admin_core = core;
      csc_cities.push_back(std::move(city));
    }
  }
  std::unordered_map<std::string, std::vector<uint32_t>> csc_by_key;  // "CC|key"
  std::map<std::string, std::vector<uint32_t>> csc_admin_by_state;    // "CC|state"
  for (uint32_t i = 0; i < csc_cities.size(); ++i) {
    const CscCity& c = csc_cities[i];
    if (!c.admin_core.empty()) {
      csc_admin_by_state[c.cc + "|" + c.state].push_back(i);
    } else {
      csc_by_key[c.cc + "|" + key(c.name)].push_back(i);
    }
  }

  // Admin code files.
  std::unordered_map<std::string, AdminFeature> admin1_names, admin2_names;
  auto load_codes = [&](const std::string& path,
                        std::unordered_map<std::string, AdminFeature>* out) -> Status {
    if (path.empty()) return Status::Ok();
    return ForEachLine(path, [&](size_t n, std::string_view line) -> Status {
      auto f = SplitTabs(line);
      if (f.size() < 2)
        return InvalidArgument(path + ":" + std::to_string(n) + ": expected CODE<TAB>NAME");
      AdminFeature a;
      a.name = std::string(f[1]);
      if (f.size() > 2 && f[2] != f[1]) a.alts = std::string(f[2]);
      (*out)[std::string(f[0])] = std::move(a);
      return Status::Ok();
    });
  };
  SITREP_RETURN_IF_ERROR(load_codes(o.admin1, &admin1_names));
  SITREP_RETURN_IF_ERROR(load_codes(o.admin2, &admin2_names));

  // GeoNames table.
  std::vector<GnPlace> places;
  std::unordered_map<std::string, AdminFeature> adm1_features, adm2_features;
  SITREP_RETURN_IF_ERROR(ForEachLine(o.geonames, [&](size_t n, std::string_view line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() < 15) {
      return InvalidArgument(o.geonames + ":" + std::to_string(n) +
                             ": expected 19 GeoNames columns, got " + std::to_string(f.size()));
    }
    bool ok_lat = false, ok_lon = false;
    GnPlace p;
    p.id = static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    p.lat = ParseDouble(f[4], &ok_lat);
    p.lon = ParseDouble(f[5], &ok_lon);
    if (!ok_lat || !ok_lon || f[1].empty()) return Status::Ok();  // skip malformed rows
    p.fclass = f[6].empty() ? 0 : f[6][0];
    p.fcode = std::string(f[7]);
    p.cc = std::string(f[8]);
    p.a1 = std::string(f[10]);
    p.a2 = std::string(f[11]);
    p.pop = std::strtoll(std::string(f[14]).c_str(), nullptr, 10);
    if (p.fclass == 'A' && (p.fcode == "ADM1" || p.fcode == "ADM2")) {
      AdminFeature a;
      a.name = std::string(f[1]);
      a.alts = std::string(f[3]);
      a.lat = p.lat;
      a.lon = p.lon;
      a.id = p.id;
      if (p.fcode == "ADM1") {
        adm1_features[p.cc + "." + p.a1] = std::move(a);
      } else {
        adm2_features[p.cc + "." + p.a1 + "." + p.a2] = std::move(a);
      }
      return Status::Ok();
    }
    if (p.fclass != 'P') return Status::Ok();
    bool seat = p.fcode.rfind("PPLA", 0) == 0 || p.fcode == "PPLC";
    if (p.pop < o.min_population && !seat) return Status::Ok();
    p.name = std::string(f[1]);
    if (f[2] != f[1]) p.ascii = std::string(f[2]);
    p.alts = std::string(f[3]);
    places.push_back(std::move(p));
    return Status::Ok();
  }));

  // Group places by admin1 and admin2 codes.
  std::map<std::string, Group> g1, g2;  // "CC.A1", "CC.A1.A2"
  for (uint32_t i = 0; i < places.size(); ++i) {
    const GnPlace& p = places[i];
    if (!p.a1.empty() && p.a1 != "00") {
      g1[p.cc + "." + p.a1].members.push_back(i);
      if (!p.a2.empty()) g2[p.cc + "." + p.a1 + "." + p.a2].members.push_back(i);
    }
  }
  auto centroid = [&](Group& g) {
    double la = 0, lo = 0;
    int64_t pop = 0;
    for (uint32_t m : g.members) {
      la += places[m].lat;
      lo += places[m].lon;
      pop += places[m].pop;
    }
    if (!g.members.empty()) {
      g.lat = la / g.members.size();
      g.lon = lo / g.members.size();
      g.has_coords = true;
    }
    g.pop = pop;
  };

  // Admin1 names: code file, ADM1 feature, else country-state-city majority vote.
  std::map<std::string, int> g1_state;  // "CC.A1" -> csc state index
  for (auto& [code, g] : g1) {
    centroid(g);
    ++stats.admin1_groups;
    std::map<size_t, int> votes;
    for (uint32_t m : g.members) {
      const GnPlace& p = places[m];
      auto it = csc_by_key.find(p.cc + "|" + key(p.name));
      if (it == csc_by_key.end()) continue;
      for (uint32_t ci : it->second) {
        CscCity& c = csc_cities[ci];
        if (!Near(c.lat, c.lon, p.lat, p.lon, 0.05)) continue;
        c.matched = true;
        auto si = csc_state_index.find(c.cc + "|" + c.state);
        if (si != csc_state_index.end()) ++votes[si->second];
        break;
      }
    }
    int best = -1, best_votes = 0;
    for (auto [si, v] : votes) {
      if (v > best_votes) {
        best = static_cast<int>(si);
        best_votes = v;
      }
    }
    if (best >= 0) {
      g1_state[code] = best;
      csc_states[best].used = true;
    }
    if (auto a = admin1_names.find(code); a != admin1_names.end()) {
      g.name = a->second.name;
      g.alt_name = a->second.alts;
    } else if (auto f = adm1_features.find(code); f != adm1_features.end()) {
      g.name = f->second.name;
    } else if (best >= 0) {
      g.name = csc_states[best].name;
    }
    if (best >= 0 && g.name != csc_states[best].name) g.alt_name = csc_states[best].name;
    if (auto f = adm1_features.find(code); f != adm1_features.end()) {
      g.lat = f->second.lat;
      g.lon = f->second.lon;
    } else if (best >= 0 && csc_states[best].has_coords) {
      g.lat = csc_states[best].lat;
      g.lon = csc_states[best].lon;
    }
    if (!g.name.empty()) ++stats.admin1_named;
  }

  // Admin2 names: code file, ADM2 feature, csc "X District" whose X is a member's name, seat.
  std::unordered_map<uint32_t, uint32_t> csc_admin_used;  // csc index -> 1
  for (auto& [code, g] : g2) {
    centroid(g);
    ++stats.admin2_groups;
    const std::string c1 = code.substr(0, code.rfind('.'));
    const GnPlace& first = places[g.members[0]];
    if (auto a = admin2_names.find(code); a != admin2_names.end()) {
      g.name = a->second.name;
    } else if (auto f = adm2_features.find(code); f != adm2_features.end()) {
      g.name = f->second.name;
      g.lat = f->second.lat;
      g.lon = f->second.lon;
    }
    auto st = g1_state.find(c1);
    if (st != g1_state.end()) {
      auto list = csc_admin_by_state.find(first.cc + "|" + csc_states[st->second].code);
      if (list != csc_admin_by_state.end() && !g.name.empty()) {
        // Named by a code file: only the same district's country-state-city entry is merged (a
        // member town's namesake county elsewhere in the state is not this district).
        std::string gk = key(StripAdminSuffix(g.name, suffixes).first);
        for (uint32_t ci : list->second) {
          if (key(csc_cities[ci].admin_core) == gk) {
            csc_admin_used[ci] = 1;
            break;
          }
        }
      } else if (list != csc_admin_by_state.end()) {
        int found = -1;
        bool exact = false;
        for (uint32_t ci : list->second) {
          std::string ck = key(csc_cities[ci].admin_core);
          for (uint32_t m : g.members) {
            std::string mk = key(places[m].name);
            if (mk == ck) {
              found = static_cast<int>(ci);
              exact = true;
              break;
            }
            if (found < 0 && ck.size() >= 4 && mk.rfind(ck, 0) == 0) found = static_cast<int>(ci);
          }
          if (exact) break;
        }
        if (found >= 0) {
          const CscCity& c = csc_cities[found];
          csc_admin_used[found] = 1;
          if (g.name.empty()) {
            g.name = c.admin_core;
            g.lat = c.lat;
            g.lon = c.lon;
          } else {
            g.alt_name = c.admin_core;
          }
        }
      }
    }
    if (g.name.empty() && seat_exclude.count(first.cc) == 0) {
      int64_t best_pop = -1;
      for (uint32_t m : g.members) {
        const GnPlace& p = places[m];
        if (p.fcode == "PPLA2" || p.fcode == "PPLA" || p.fcode == "PPLC") {
          if (p.pop > best_pop) {
            best_pop = p.pop;
            g.name = p.name;
            g.lat = p.lat;
            g.lon = p.lon;
          }
        }
      }
    }
    if (g.name.empty() && seat_exclude.count(first.cc) == 0) {
      // No seat recorded: a clearly dominant town usually gives the district its name.
      int64_t top = -1, second = -1;
      const GnPlace* top_p = nullptr;
      for (uint32_t m : g.members) {
        const GnPlace& p = places[m];
        if (p.pop > top) {
          second = top;
          top = p.pop;
          top_p = &p;
        } else if (p.pop > second) {
          second = p.pop;
        }
      }
      if (top_p != nullptr && top >= 10000 && top >= 2 * std::max<int64_t>(second, 0)) {
        g.name = top_p->name;
        g.lat = top_p->lat;
        g.lon = top_p->lon;
      }
    }
    if (!g.name.empty()) ++stats.admin2_named;
  }

  // Supplement rows tied to a GeoNames admin code name (or rename) that unit and add their
  // alternate names to it; the others become entries of their own below.
  std::map<std::string, std::vector<std::string>> extra_alts;  // admin code -> names
  std::vector<const ExtraPlace*> extra_free;
  for (const ExtraPlace& x : extras) {
    Group* g = nullptr;
    if (!x.code.empty() && x.level == GeoLevel::kDistrict) {
      if (auto it = g2.find(x.code); it != g2.end()) g = &it->second;
    } else if (!x.code.empty() && x.level == GeoLevel::kProvince) {
      if (auto it = g1.find(x.code); it != g1.end()) g = &it->second;
    }
    if (g == nullptr) {
      extra_free.push_back(&x);
      continue;
    }
    // The user's row wins: the name it replaces stays findable as an alternate.
    std::vector<std::string>& names = extra_alts[x.code];
    if (g->name.empty() && x.level == GeoLevel::kDistrict) ++stats.admin2_named;
    if (!g->name.empty() && g->name != x.name &&
        std::find(x.not_names.begin(), x.not_names.end(), g->name) == x.not_names.end()) {
      names.push_back(g->name);
    }
    g->name = x.name;
    if (!x.keep_coords) {
      g->lat = x.lat;
      g->lon = x.lon;
    }
    names.insert(names.end(), x.alts.begin(), x.alts.end());
    ++stats.extra;
  }

  // Entries: countries, provinces, districts, places, then csc-only towns.
  std::map<std::string, int64_t> country_pop;
  for (const GnPlace& p : places) country_pop[p.cc] += p.pop;
  for (const auto& [iso, c] : countries) {
    GazetteerWriter::Entry e;
    e.name = c.name;
    e.country = iso;
    e.lat = c.lat;
    e.lon = c.lon;
    e.population = country_pop[iso];
    e.feature_class = 'A';
    e.feature_code = "PCLI";
    e.level = GeoLevel::kCountry;
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = 0x80000000u | idx;
    w.AddName(idx, c.name, 0);
    for (const std::string& a : c.aliases) w.AddName(idx, a, GazPosting::kAlternate);
    for (const std::string& d : c.demonyms) w.AddName(idx, d, GazPosting::kDemonym);
    ++stats.countries;
  }
  auto add_core = [&](uint32_t idx, const std::string& name) {
    auto [core, stripped] = StripAdminSuffix(name, suffixes);
    if (stripped) w.AddName(idx, core, GazPosting::kAlternate);
  };
  auto add_alts = [&](uint32_t idx, std::string_view alts) {
    size_t pos = 0;
    while (pos < alts.size()) {
      size_t comma = alts.find(',', pos);
      if (comma == std::string_view::npos) comma = alts.size();
      std::string_view a = alts.substr(pos, comma - pos);
      pos = comma + 1;
      if (a.empty() || a.size() > 80 || IsCodeLike(a)) continue;
      w.AddName(idx, a, GazPosting::kAlternate);
    }
  };
  for (auto& [code, g] : g1) {
    if (g.name.empty()) continue;
    GazetteerWriter::Entry e;
    e.name = g.name;
    e.country = code.substr(0, 2);
    e.admin1 = g.name;
    e.lat = g.lat;
    e.lon = g.lon;
    e.population = g.pop;
    e.feature_class = 'A';
    e.feature_code = "ADM1";
    e.level = GeoLevel::kProvince;
    auto f = adm1_features.find(code);
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = f != adm1_features.end() ? f->second.id : (0x80000000u | idx);
    w.AddName(idx, g.name, 0);
    add_core(idx, g.name);
    if (!g.alt_name.empty()) {
      w.AddName(idx, g.alt_name, GazPosting::kAlternate);
      add_core(idx, g.alt_name);
    }
    if (f != adm1_features.end()) add_alts(idx, f->second.alts);
    if (auto x = extra_alts.find(code); x != extra_alts.end()) {
      for (const std::string& a : x->second) w.AddName(idx, a, GazPosting::kAlternate);
    }
    ++stats.provinces;
  }
  for (const CscState& s : csc_states) {
    if (s.used || countries.count(s.cc) == 0) continue;
    GazetteerWriter::Entry e;
    e.name = s.name;
    e.country = s.cc;
    e.admin1 = s.name;
    e.lat = s.lat;
    e.lon = s.lon;
    e.feature_class = 'A';
    e.feature_code = "ADM1";
    e.level = GeoLevel::kProvince;
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = 0x80000000u | idx;
    w.AddName(idx, s.name, 0);
    add_core(idx, s.name);
    ++stats.provinces;
  }
  for (auto& [code, g] : g2) {
    if (g.name.empty()) continue;
    const std::string c1 = code.substr(0, code.rfind('.'));
    GazetteerWriter::Entry e;
    e.name = StripAdminSuffix(g.name, suffixes).first;
    e.country = code.substr(0, 2);
    e.admin1 = g1[c1].name;
    e.admin2 = e.name;
    e.lat = g.lat;
    e.lon = g.lon;
    e.population = g.pop;
    e.feature_class = 'A';
    e.feature_code = "ADM2";
    e.level = GeoLevel::kDistrict;
    auto f = adm2_features.find(code);
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = f != adm2_features.end() ? f->second.id : (0x80000000u | idx);
    w.AddName(idx, e.name, 0);
    if (e.name != g.name) w.AddName(idx, g.name, 0);
    if (!g.alt_name.empty()) w.AddName(idx, g.alt_name, GazPosting::kAlternate);
    if (f != adm2_features.end()) add_alts(idx, f->second.alts);
    if (auto x = extra_alts.find(code); x != extra_alts.end()) {
      for (const std::string& a : x->second) w.AddName(idx, a, GazPosting::kAlternate);
    }
    ++stats.districts;
  }
  for (uint32_t ci = 0; ci < csc_cities.size(); ++ci) {
    const CscCity& c = csc_cities[ci];
    if (c.admin_core.empty() || csc_admin_used.count(ci) || countries.count(c.cc) == 0) continue;
    auto si = csc_state_index.find(c.cc + "|" + c.state);
    GazetteerWriter::Entry e;
    e.name = c.admin_core;
    e.country = c.cc;
    e.admin1 = si != csc_state_index.end() ? csc_states[si->second].name : "";
    e.admin2 = c.admin_core;
    e.lat = c.lat;
    e.lon = c.lon;
    e.feature_class = 'A';
    e.feature_code = "ADM2";
    e.level = GeoLevel::kDistrict;
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = 0x80000000u | idx;
    w.AddName(idx, c.admin_core, 0);
    w.AddName(idx, c.name, 0);
    ++stats.districts;
  }
  for (const GnPlace& p : places) {
    GazetteerWriter::Entry e;
    e.id = p.id;
    e.name = p.name;
    e.country = p.cc;
    if (!p.a1.empty()) {
      auto it = g1.find(p.cc + "." + p.a1);
      if (it != g1.end()) e.admin1 = it->second.name;
      auto it2 = g2.find(p.cc + "." + p.a1 + "." + p.a2);
      if (it2 != g2.end()) e.admin2 = StripAdminSuffix(it2->second.name, suffixes).first;
    }
    e.lat = p.lat;
    e.lon = p.lon;
    e.population = p.pop;
    e.feature_class = p.fclass;
    e.feature_code = p.fcode;
    e.level = GeoLevel::kPlace;
    uint32_t idx = w.AddEntry(e);
    w.AddName(idx, p.name, 0);
    if (!p.ascii.empty()) w.AddName(idx, p.ascii, 0);
    add_alts(idx, p.alts);
    ++stats.places;
  }
  for (const CscCity& c : csc_cities) {
    if (!c.admin_core.empty() || c.matched || countries.count(c.cc) == 0) continue;
    auto si = csc_state_index.find(c.cc + "|" + c.state);
    GazetteerWriter::Entry e;
    e.name = c.name;
    e.country = c.cc;
    e.admin1 = si != csc_state_index.end() ? csc_states[si->second].name : "";
    e.lat = c.lat;
    e.lon = c.lon;
    e.feature_class = 'P';
    e.feature_code = "PPL";
    e.level = GeoLevel::kPlace;
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = 0x80000000u | idx;
    w.AddName(idx, c.name, 0);
    ++stats.csc_added;
  }

  for (const ExtraPlace* x : extra_free) {
    GazetteerWriter::Entry e;
    e.name = x->name;
    e.country = x->cc;
    e.admin1 = x->level == GeoLevel::kProvince && x->a1.empty() ? x->name : x->a1;
    e.admin2 = x->level == GeoLevel::kDistrict && x->a2.empty() ? x->name : x->a2;
    e.lat = x->lat;
    e.lon = x->lon;
    e.population = x->pop;
    e.level = x->level;
    e.feature_class = x->level == GeoLevel::kPlace ? 'P' : 'A';
    e.feature_code = x->level == GeoLevel::kPlace      ? "PPL"
                     : x->level == GeoLevel::kDistrict ? "ADM2"
                                                       : "ADM1";
    uint32_t idx = w.AddEntry(e);
    w.mutable_entry(idx).id = 0x80000000u | idx;
    w.AddName(idx, x->name, 0);
    for (const std::string& a : x->alts) w.AddName(idx, a, GazPosting::kAlternate);
    ++stats.extra;
  }

  std::string bytes = w.Serialize();
  Result<std::unique_ptr<Gazetteer>> check = Gazetteer::FromBytes(bytes);
  if (!check.ok())
    return Internal("gazetteer build produced an unreadable file: " + check.status().message());
  stats.keys = (*check)->num_keys();
  stats.postings = (*check)->num_postings();
  stats.bytes = bytes.size();
  std::string tmp = o.out + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(tmp + ": cannot create");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), o.out.c_str()) != 0) return IoError(o.out + ": rename failed");
  return stats;
}

}  // namespace sitrep
