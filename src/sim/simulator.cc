#include "sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "base/data_dir.h"
#include "base/tsv.h"
#include "geo/gazetteer.h"
#include "sim/templates.h"

namespace sitrep {

namespace {

using OJson = nlohmann::ordered_json;

struct SimPlace {
  std::string name;
  std::vector<std::string> variants;  // name first, then the spelling variants
  std::string country, admin1, admin2;
  double lat = 0, lon = 0;
};

struct Country {
  std::string name, adjective;
};

struct Kind {
  std::string name, event_type, sub_event_type, category;
};

// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return CivilDate{y, m, d};
}

// 0 = Monday; 1970-01-01 was a Thursday.
int WeekdayOf(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// How one outlet states one figure.
enum class Qual : uint8_t { kExact, kAtLeast, kMoreThan, kAbout, kVague };

struct Report {
  int value = 0;  // the number written (for kVague: the true figure, not written)
  Qual qual = Qual::kExact;
  const char* vague_class = nullptr;  // "several", "dozens", "scores", "hundreds"
};

const char* VagueClass(int k) {
  if (k >= 3 && k <= 9) return "several";
  if (k >= 24 && k <= 99) return "dozens";
  if (k >= 100 && k <= 199) return "scores";
  if (k >= 200) return "hundreds";
  return nullptr;
}

int RoundTo(int v, int step) { return (v + step / 2) / step * step; }

// One incident's truth, as the generator plans it before writing any article.
struct Part {
  uint32_t place = 0;
  uint32_t kind = 0;
  int killed = 0;     // victims (the figure outlets lead with)
  int militants = 0;  // attackers killed too (counted in the gold total)
  int injured = 0;
};

// What one outlet wrote, kept so a wire copy can repeat it.
struct OutletPiece {
  std::string source;
  std::string body;  // everything after the headline
  std::optional<CivilDate> published;
  std::vector<uint8_t> covers;  // per part: mentioned in this article
  int bg_incident = -1;
  std::string killed_num;  // for the copy's headline
};

struct GoldIncident {
  uint32_t story = 0;
  uint32_t place = 0;
  uint32_t kind = 0;
  int64_t day = 0;
  int k_low = 0, k_best = 0, k_high = 0;
  int militants = 0;
  int i_low = -1, i_best = -1, i_high = -1;
  std::vector<uint32_t> docs;
};

struct GoldStory {
  uint32_t first_incident = 0, n_incidents = 0;
  int k_low = 0, k_best = 0, k_high = 0;
  std::vector<uint32_t> background_docs;
};

std::string DocId(uint32_t index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "sim-%07u", index);
  return buf;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

const std::vector<std::string>& SimTemplateVariables() {
  static const std::vector<std::string> kVars = {
      "place",    "place_upper", "admin1",       "admin2",      "country",   "country_adj",
      "weekday",  "month",       "mday",         "day",         "killed",    "killed_num",
      "injured",  "mil_killed",  "claim_killed", "outlet_tag",  "bg_killed", "bg_victims",
      "bg_place", "bg_when",     "bg_when_noun", "wave_killed", "n_attacks", "score",
      "num",      "num_small",   "pct"};
  return kVars;
}

struct Simulator::Impl {
  SimOptions options;
  TemplateSet templates;
  std::vector<SimPlace> places;
  std::unordered_map<std::string, Country> countries;
  std::vector<Kind> kinds;
  std::map<std::string, std::vector<uint32_t>> by_admin1;  // "CC/admin1" -> places
  std::vector<std::string> outlets;
  Rng rng{1};
  int64_t start_day = 0;

  size_t produced = 0;
  std::deque<Article> pending;
  std::vector<GoldStory> stories;
  std::vector<GoldIncident> incidents;
  std::vector<uint32_t> recent;  // ring of recent incident indices, for background mentions
  size_t recent_next = 0;
  SlotVars vars;

  Status Load();
  void MakeNoise(int64_t day);
  void MakeStory(int64_t day, size_t budget);

  uint32_t NextDocIndex() const { return static_cast<uint32_t>(produced + pending.size()); }
  const std::string& Pick1(const std::vector<std::string>& v) { return v[rng.Below(v.size())]; }
  std::string NumberText(int v, bool words_ok);
  std::string Phrase(const Report& r);
  Report ChooseReport(int k, bool last, int offset_days);
  void FillContext(std::string_view section, std::string_view suffix, size_t target,
                   std::string_view sep, std::string* text, double filler_share);
  void SetDateVars(int64_t event_day, int offset_days, bool undated);
  void SetPlaceVars(const SimPlace& p);
  int SetBackground(int64_t event_day, uint32_t story);
  Article MakeArticle(uint32_t index, const std::string& source, std::string text,
                      std::optional<CivilDate> published);
};

Status Simulator::Impl::Load() {
  std::string dir = options.data_dir.empty() ? DataPath("sim") : options.data_dir;
  Result<TemplateSet> t = TemplateSet::Load(dir + "/templates.txt");
  if (!t.ok()) return t.status();
  templates = std::move(*t);

  const std::string places_path = dir + "/places.tsv";
  Result<std::string> ptext = ReadFile(places_path);
  if (!ptext.ok()) return ptext.status();
  if (!options.gazetteer_path.empty()) ptext = std::string();  // places come from the gazetteer
  SITREP_RETURN_IF_ERROR(ForEachTsvLine(
      *ptext, places_path, 1, [&](const std::vector<std::string_view>& f, int) -> Status {
        if (f.size() != 7) return InvalidArgument("expected 7 fields");
        SimPlace p;
        p.name = std::string(f[0]);
        p.variants.push_back(p.name);
        std::string_view vs = f[1];
        while (!vs.empty()) {
          size_t bar = vs.find('|');
          std::string_view v = vs.substr(0, bar);
          if (!v.empty()) p.variants.emplace_back(v);
          if (bar == std::string_view::npos) break;
          vs.remove_prefix(bar + 1);
        }
        p.country = std::string(f[2]);
        p.admin1 = std::string(f[3]);
        p.admin2 = std::string(f[4]);
        char* end = nullptr;
        std::string lat(f[5]), lon(f[6]);
        p.lat = std::strtod(lat.c_str(), &end);
        if (end == lat.c_str()) return InvalidArgument("bad lat");
        p.lon = std::strtod(lon.c_str(), &end);
        if (end == lon.c_str()) return InvalidArgument("bad lon");
        by_admin1[p.country + "/" + p.admin1].push_back(static_cast<uint32_t>(places.size()));
        places.push_back(std::move(p));
        return Status::Ok();
      }));

  const std::string countries_path = dir + "/countries.tsv";
  Result<std::string> ctext = ReadFile(countries_path);
  if (!ctext.ok()) return ctext.status();
  SITREP_RETURN_IF_ERROR(ForEachTsvLine(
      *ctext, countries_path, 1, [&](const std::vector<std::string_view>& f, int) -> Status {
        if (f.size() != 3) return InvalidArgument("expected 3 fields");
        countries[std::string(f[0])] = Country{std::string(f[1]), std::string(f[2])};
        return Status::Ok();
      }));
  if (!options.gazetteer_path.empty()) {
    Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Open(options.gazetteer_path);
    if (!gaz.ok()) return gaz.status();
    for (uint32_t i = 0; i < (*gaz)->size(); ++i) {
      const GazEntry e = (*gaz)->entry(i);
      if (e.level != GeoLevel::kPlace || e.feature_class != 'P' || e.admin1.empty() ||
          e.population < options.gazetteer_min_population ||
          !countries.count(std::string(e.country))) {
        continue;
      }
      SimPlace p;
      p.name = std::string(e.name);
      p.variants.push_back(p.name);
      p.country = std::string(e.country);
      p.admin1 = std::string(e.admin1);
      p.admin2 = std::string(e.admin2);
      p.lat = e.lat;
      p.lon = e.lon;
      by_admin1[p.country + "/" + p.admin1].push_back(static_cast<uint32_t>(places.size()));
      places.push_back(std::move(p));
    }
  }
  for (const SimPlace& p : places) {
    if (!countries.count(p.country)) {
      return InvalidArgument(countries_path + ": no country " + p.country + " (used by " + p.name +
                             ")");
    }
  }
  if (places.empty()) return InvalidArgument(places_path + ": no places");

  for (const std::string& line : templates.Get("kinds")) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 4) return InvalidArgument(dir + "/templates.txt: @kinds: expected 4 fields");
    kinds.push_back(
        Kind{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3])});
  }
  outlets = templates.Get("outlet");
  for (const char* need : {"kinds", "outlet", "weekday", "month", "number_words", "headline",
                           "lead", "context", "wave_lead", "wave_part", "noise", "background"}) {
    if (!templates.Has(need) && !templates.Has(std::string(need) + ".sports")) {
      return InvalidArgument(dir + "/templates.txt: missing section @" + need);
    }
  }
  if (templates.Get("weekday").size() != 7 || templates.Get("month").size() != 12) {
    return InvalidArgument(dir + "/templates.txt: @weekday needs 7 lines and @month 12");
  }
  if (outlets.size() < 6) return InvalidArgument(dir + "/templates.txt: @outlet needs 6+ lines");
  std::vector<std::string> unresolved = templates.UnresolvedSlots(SimTemplateVariables());
  if (!unresolved.empty()) {
    return InvalidArgument(dir + "/templates.txt: unknown slot {" + unresolved[0] + "}");
  }
  start_day = DaysFromCivil(options.start.year, options.start.month, options.start.day);
  rng = Rng(options.seed);
  recent.reserve(4096);
  return Status::Ok();
}

std::string Simulator::Impl::NumberText(int v, bool words_ok) {
  const auto& words = templates.Get("number_words");
  if (words_ok && v >= 0 && static_cast<size_t>(v) < words.size() && rng.Chance(0.5)) {
    return words[static_cast<size_t>(v)];
  }
  return std::to_string(v);
}

std::string Simulator::Impl::Phrase(const Report& r) {
  std::string out;
  switch (r.qual) {
    case Qual::kExact:
      return NumberText(r.value, true);
    case Qual::kAtLeast:
      out = Pick1(templates.Get("q_at_least"));
      break;
    case Qual::kMoreThan:
      out = Pick1(templates.Get("q_more_than"));
      break;
    case Qual::kAbout:
      out = Pick1(templates.Get("q_about"));
      break;
    case Qual::kVague:
      return Pick1(templates.Get(std::string("vague.") + r.vague_class));
  }
  out.push_back(' ');
  out.append(NumberText(r.value, true));
  return out;
}

// The figure an outlet gives for a true toll k. The latest outlet gives k itself, so the gold's
// best is always stated somewhere; the others vary as real coverage does.
Report Simulator::Impl::ChooseReport(int k, bool last, int offset_days) {
  Report r;
  r.value = k;
  const double u = rng.Unit();
  if (last || u < 0.45) {
    r.qual = rng.Chance(0.4) ? Qual::kAtLeast : Qual::kExact;
  } else if (u < 0.65 && k >= 4 && offset_days == 0) {
    r.value = std::max(2, static_cast<int>(std::lround(k * (0.5 + 0.4 * rng.Unit()))));
    r.qual = Qual::kAtLeast;  // an early, lower toll
  } else if (u < 0.8 && k > 10) {
    const int step = k >= 50 ? 10 : 5;
    r.value = (k - 1) / step * step;
    r.qual = Qual::kMoreThan;
  } else if (u < 0.9 && k >= 15) {
    r.value = RoundTo(k, k >= 50 ? 10 : 5);
    r.qual = Qual::kAbout;
  } else if (VagueClass(k) != nullptr) {
    r.qual = Qual::kVague;
    r.vague_class = VagueClass(k);
  }
  return r;
}

// Pads *text to `target` bytes with paragraphs of 2-4 sentences: stock sentences of `section`
// and, with probability `filler_share` each, combinatorial @filler frames.
void Simulator::Impl::FillContext(std::string_view section, std::string_view suffix, size_t target,
                                  std::string_view sep, std::string* text, double filler_share) {
  const std::vector<std::string>& filler = templates.Get("filler");
  const std::vector<std::string>* alts = nullptr;
  std::string key(section);
  if (!suffix.empty() && templates.Has(key + "." + std::string(suffix))) {
    key += "." + std::string(suffix);
  }
  alts = &templates.Get(key);
  if (alts->empty()) return;
  // Sample without replacement so an article does not repeat itself; reshuffle when exhausted.
  std::vector<uint32_t> order(alts->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  size_t next = order.size();
  while (text->size() < target) {
    const int sentences = rng.Range(2, 4);
    text->append(sep);
    for (int s = 0; s < sentences; ++s) {
      if (next == order.size()) {
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
        next = 0;
      }
      if (s > 0) text->push_back(' ');
      if (!filler.empty() && rng.Chance(filler_share)) {
        templates.Expand(Pick1(filler), vars, suffix, rng, text);
        continue;
      }
      templates.Expand((*alts)[order[next++]], vars, suffix, rng, text);
    }
  }
}

void Simulator::Impl::SetDateVars(int64_t event_day, int offset_days, bool undated) {
  const CivilDate ev = CivilFromDays(event_day);
  vars.Set("weekday", templates.Get("weekday")[static_cast<size_t>(WeekdayOf(event_day))]);
  vars.Set("month", templates.Get("month")[static_cast<size_t>(ev.month - 1)]);
  vars.Set("mday", std::to_string(ev.day));
  // An undated article cannot lean on "on Monday": give the calendar date more often.
  const bool absolute = rng.Chance(undated ? 0.6 : 0.15);
  std::string section = absolute ? "day.abs" : "day." + std::to_string(offset_days);
  std::string day;
  templates.Expand(Pick1(templates.Get(section)), vars, "", rng, &day);
  vars.Set("day", std::move(day));
}

void Simulator::Impl::SetPlaceVars(const SimPlace& p) {
  const std::string& name = rng.Chance(0.35) ? Pick1(p.variants) : p.name;
  vars.Set("place", name);
  vars.Set("place_upper", Upper(name));
  vars.Set("admin1", p.admin1);
  vars.Set("admin2", p.admin2.empty() ? p.admin1 : p.admin2);
  const Country& c = countries.at(p.country);
  vars.Set("country", c.name);
  vars.Set("country_adj", c.adjective);
}

// Picks an older incident to recall and sets the bg_* variables; returns its index or -1.
int Simulator::Impl::SetBackground(int64_t event_day, uint32_t story) {
  if (recent.empty()) return -1;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const uint32_t idx = recent[rng.Below(recent.size())];
    const GoldIncident& old = incidents[idx];
    const int victims = old.k_best - old.militants;
    if (old.story == story || old.day > event_day - 10 || victims < 2) continue;
    const CivilDate od = CivilFromDays(old.day);
    const CivilDate ev = CivilFromDays(event_day);
    const std::string& month = templates.Get("month")[static_cast<size_t>(od.month - 1)];
    std::string when = month;
    if (od.year != ev.year) when += " " + std::to_string(od.year);
    const bool with_day = rng.Chance(0.3);
    vars.Set("bg_when", with_day ? "on " + month + " " + std::to_string(od.day) +
                                       (od.year != ev.year ? ", " + std::to_string(od.year) : "")
                                 : "in " + when);
    vars.Set("bg_when_noun", when);
    vars.Set("bg_killed", std::to_string(victims));
    vars.Set("bg_place", places[old.place].name);
    vars.Set("bg_victims", templates.Pick("victims", vars, kinds[old.kind].name, rng));
    return static_cast<int>(idx);
  }
  return -1;
}

Article Simulator::Impl::MakeArticle(uint32_t index, const std::string& source, std::string text,
                                     std::optional<CivilDate> published) {
  Article a;
  a.doc_id = DocId(index);
  a.source = source;
  const CivilDate url_date = published ? *published : CivilFromDays(start_day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "/%04d/%02d/", url_date.year, url_date.month);
  a.url = "https://" + source + buf + a.doc_id;
  a.published = published;
  a.lang = "en";
  a.text = std::move(text);
  a.origin = "sim:" + std::to_string(index);
  return a;
}

void Simulator::Impl::MakeNoise(int64_t day) {
  vars.Clear();
  const char* topic = rng.Chance(0.5) ? "sports" : "economy";
  const SimPlace& p = places[rng.Below(places.size())];
  SetPlaceVars(p);
  vars.Set("score", std::to_string(rng.Range(1, 4)) + "-" + std::to_string(rng.Range(0, 2)));
  vars.Set("num", std::to_string(rng.Range(2, 60) * 1000));
  vars.Set("num_small", std::to_string(rng.Range(2, 9)));
  char pct[16];
  std::snprintf(pct, sizeof pct, "%d.%d", rng.Range(1, 12), rng.Range(0, 9));
  vars.Set("pct", pct);
  std::string text = templates.Pick("noise_headline", vars, topic, rng);
  const std::string sep = rng.Chance(0.5) ? "\n\n" : "\n";
  text.append(sep);
  templates.Expand(Pick1(templates.Get(std::string("noise.") + topic)), vars, topic, rng, &text);
  FillContext("noise", topic, static_cast<size_t>(rng.Range(2000, 5000)), sep, &text, 0.5);
  std::optional<CivilDate> published;
  if (!rng.Chance(options.undated_fraction)) published = CivilFromDays(day + rng.Range(0, 2));
  pending.push_back(MakeArticle(NextDocIndex(), Pick1(outlets), std::move(text), published));
}

void Simulator::Impl::MakeStory(int64_t day, size_t budget) {
  const uint32_t story_index = static_cast<uint32_t>(stories.size());
  const size_t n_out = std::min<size_t>(budget, static_cast<size_t>(rng.Range(2, 6)));

  // The truth: one incident, or a wave of 2-4 in one province (or country) on one day.
  std::vector<Part> parts;
  const uint32_t first_place = static_cast<uint32_t>(rng.Below(places.size()));
  const SimPlace& anchor = places[first_place];
  const std::vector<uint32_t>& same_admin1 = by_admin1[anchor.country + "/" + anchor.admin1];
  size_t n_parts = 1;
  if (same_admin1.size() >= 2 && rng.Chance(options.wave_fraction)) {
    n_parts = std::min<size_t>(same_admin1.size(), static_cast<size_t>(rng.Range(2, 4)));
  }
  std::vector<uint32_t> chosen = {first_place};
  while (chosen.size() < n_parts) {
    uint32_t c = same_admin1[rng.Below(same_admin1.size())];
    if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
  }
  for (uint32_t place : chosen) {
    Part part;
    part.place = place;
    part.kind = static_cast<uint32_t>(rng.Below(kinds.size()));
    const bool none = n_parts == 1 && rng.Chance(0.06);
    part.killed = none ? 0 : 2 + static_cast<int>(std::pow(rng.Unit(), 2.5) * 120);
    const std::string& kind = kinds[part.kind].name;
    if (part.killed > 0 && (kind == "ambush" || kind == "raid") && rng.Chance(0.25)) {
      part.militants = rng.Range(1, 8);
    }
    if (none || rng.Chance(0.7)) {
      part.injured = rng.Range(1, 5) + static_cast<int>(part.killed * (0.5 + 2.0 * rng.Unit()));
    }
    parts.push_back(part);
  }

  // Publication offsets, earliest first: the last outlet states the settled toll.
  std::vector<int> offsets(n_out);
  for (int& d : offsets) {
    const double u = rng.Unit();
    d = u < 0.35 ? 0 : (u < 0.85 ? 1 : 2);
  }
  std::sort(offsets.begin(), offsets.end());
  std::vector<std::string> sources = outlets;
  for (size_t i = 0; i < n_out; ++i)
    std::swap(sources[i], sources[i + rng.Below(sources.size() - i)]);

  // Gold incidents for this story.
  const uint32_t first_incident = static_cast<uint32_t>(incidents.size());
  for (const Part& part : parts) {
    GoldIncident g;
    g.story = story_index;
    g.place = part.place;
    g.kind = part.kind;
    g.day = day;
    g.k_low = g.k_best = g.k_high = part.killed;
    g.militants = part.militants;
    incidents.push_back(std::move(g));
  }
  GoldStory story;
  story.first_incident = first_incident;
  story.n_incidents = static_cast<uint32_t>(parts.size());
  int wave_low = -1, wave_high = -1;

  std::vector<OutletPiece> pieces;
  for (size_t o = 0; o < n_out; ++o) {
    const bool last = o + 1 == n_out;
    const uint32_t doc = NextDocIndex();
    vars.Clear();
    const std::string& source = sources[o];
    vars.Set("outlet_tag", Upper(source.substr(0, source.find('.'))));
    SetPlaceVars(places[parts[0].place]);
    const std::string sep = rng.Chance(0.5) ? "\n\n" : "\n";

    // A wire copy repeats the previous outlet's body under a new headline.
    if (o > 0 && rng.Chance(options.wire_fraction)) {
      OutletPiece copy = pieces.back();
      copy.source = source;
      for (size_t p = 0; p < parts.size(); ++p) {
        if (copy.covers[p]) incidents[first_incident + p].docs.push_back(doc);
      }
      if (copy.bg_incident >= 0) {
        stories[incidents[static_cast<size_t>(copy.bg_incident)].story].background_docs.push_back(
            doc);
      }
      vars.Set("killed_num", copy.killed_num);
      const char* section =
          n_parts > 1 ? "wave_headline" : (parts[0].killed > 0 ? "headline" : "headline_nodeaths");
      std::string text =
          templates.Pick(section, vars, n_parts > 1 ? "wave" : kinds[parts[0].kind].name, rng);
      text.append(copy.body);
      pending.push_back(MakeArticle(doc, source, std::move(text), copy.published));
      pieces.push_back(std::move(copy));
      continue;
    }

    OutletPiece piece;
    piece.source = source;
    const bool undated = rng.Chance(options.undated_fraction);
    if (!undated) piece.published = CivilFromDays(day + offsets[o]);
    SetDateVars(day, offsets[o], undated);
    piece.covers.assign(parts.size(), 1);
    if (n_parts > 1 && o > 0) {  // the first outlet covers every part: none goes unreported
      size_t covered = parts.size();
      for (size_t p = 0; p < parts.size(); ++p) {
        if (covered > 2 && rng.Chance(0.15)) {
          piece.covers[p] = 0;
          --covered;
        }
      }
    }

    std::string headline, body;
    if (n_parts == 1) {
      const Part& part = parts[0];
      GoldIncident& g = incidents[first_incident];
      const std::string& kind = kinds[part.kind].name;
      if (part.killed > 0) {
        Report r = ChooseReport(part.killed, last, offsets[o]);
        vars.Set("killed", Phrase(r));
        vars.Set("killed_num",
                 r.qual == Qual::kVague ? Capitalized(r.vague_class) : std::to_string(r.value));
        if (r.qual != Qual::kVague) {
          g.k_low = std::min(g.k_low, r.value);
          g.k_high = std::max(g.k_high, r.value);
        }
      }
      const bool tell_injured = part.injured > 0 && (part.killed == 0 || rng.Chance(0.6));
      if (tell_injured) {
        Report r;
        r.value = part.injured;
        r.qual = rng.Chance(0.5) ? Qual::kAtLeast : Qual::kExact;
        if (!last && offsets[o] == 0 && part.injured >= 6 && rng.Chance(0.4)) {
          r.value = part.injured * 2 / 3;
        }
        vars.Set("injured", Phrase(r));
        g.i_best = part.injured;
        g.i_low = g.i_low < 0 ? std::min(r.value, part.injured) : std::min(g.i_low, r.value);
        g.i_high = std::max(g.i_high, std::max(r.value, part.injured));
      }
      headline =
          templates.Pick(part.killed > 0 ? "headline" : "headline_nodeaths", vars, kind, rng);
      if (rng.Chance(0.3)) {
        body.append(templates.Pick("dateline", vars, kind, rng)).push_back(' ');
      }
      body.append(templates.Pick(part.killed > 0 ? "lead" : "lead_nodeaths", vars, kind, rng));
      if (tell_injured) body.append(" ").append(templates.Pick("injured", vars, kind, rng));
      std::string details;
      if (part.militants > 0 && (last || rng.Chance(0.7))) {
        vars.Set("mil_killed", NumberText(part.militants, true));
        details.append(templates.Pick("militants", vars, kind, rng));
      }
      if (part.killed > 0 && rng.Chance(0.12)) {
        const int claim = part.killed * 2 + rng.Range(0, 10);
        vars.Set("claim_killed", std::to_string(claim));
        if (!details.empty()) details.push_back(' ');
        details.append(templates.Pick("claim", vars, kind, rng));
        g.k_high = std::max(g.k_high, claim);
      }
      if (!last && offsets[o] == 0 && rng.Chance(0.3)) {
        if (!details.empty()) details.push_back(' ');
        details.append(templates.Pick("update", vars, kind, rng));
      }
      if (!details.empty()) body.append(sep).append(details);
      if (rng.Chance(0.6)) body.append(sep).append(templates.Pick("quote", vars, kind, rng));
      piece.bg_incident =
          rng.Chance(options.background_fraction) ? SetBackground(day, story_index) : -1;
      if (piece.bg_incident >= 0)
        body.append(sep).append(templates.Pick("background", vars, kind, rng));
      g.docs.push_back(doc);
    } else {
      // Wave: a lead with the total, then one sentence per incident the outlet covers.
      int total = 0, covered = 0;
      std::vector<std::string> part_text;
      for (size_t p = 0; p < parts.size(); ++p) {
        if (!piece.covers[p]) continue;
        const Part& part = parts[p];
        GoldIncident& g = incidents[first_incident + p];
        SetPlaceVars(places[part.place]);
        Report r = ChooseReport(part.killed, last, offsets[o]);
        if (r.qual == Qual::kVague) r.qual = Qual::kExact;  // the total needs numbers
        vars.Set("killed", Phrase(r));
        g.k_low = std::min(g.k_low, r.value);
        g.k_high = std::max(g.k_high, r.value);
        total += r.value + part.militants;
        ++covered;
        part_text.push_back(templates.Pick("wave_part", vars, kinds[part.kind].name, rng));
        g.docs.push_back(doc);
      }
      SetPlaceVars(places[parts[0].place]);
      Report wr;
      wr.value = total;
      wr.qual = rng.Chance(0.5) ? Qual::kAtLeast : Qual::kExact;
      vars.Set("wave_killed", Phrase(wr));
      vars.Set("killed_num", std::to_string(total));
      const auto& nw = templates.Get("number_words");
      vars.Set("n_attacks", nw[std::min(nw.size() - 1, static_cast<size_t>(covered))]);
      if (covered == static_cast<int>(parts.size())) {
        wave_low = wave_low < 0 ? total : std::min(wave_low, total);
        wave_high = std::max(wave_high, total);
      }
      headline = templates.Pick("wave_headline", vars, "wave", rng);
      body.append(templates.Pick("wave_lead", vars, "wave", rng));
      body.append(sep);
      for (size_t i = 0; i < part_text.size(); ++i) {
        if (i > 0) body.push_back(' ');
        body.append(part_text[i]);
      }
      if (rng.Chance(0.6)) body.append(sep).append(templates.Pick("quote", vars, "wave", rng));
      piece.bg_incident =
          rng.Chance(options.background_fraction) ? SetBackground(day, story_index) : -1;
      if (piece.bg_incident >= 0)
        body.append(sep).append(templates.Pick("background", vars, "wave", rng));
    }
    if (piece.bg_incident >= 0) {
      stories[incidents[static_cast<size_t>(piece.bg_incident)].story].background_docs.push_back(
          doc);
    }
    const size_t target = static_cast<size_t>(rng.Range(2000, 5000));
    FillContext("context", "", target - std::min(target, headline.size()), sep, &body, 0.75);
    piece.body = sep + body;
    if (const std::string* kn = vars.Find("killed_num")) piece.killed_num = *kn;
    pending.push_back(MakeArticle(doc, source, headline + piece.body, piece.published));
    pieces.push_back(std::move(piece));
  }

  // Totals: militants killed are deaths too; ranges always contain the best figure.
  story.k_low = story.k_best = story.k_high = 0;
  for (size_t p = 0; p < parts.size(); ++p) {
    GoldIncident& g = incidents[first_incident + p];
    // k_low/k_high so far hold the victims' figures as stated; attackers come on top.
    g.k_best = parts[p].killed + parts[p].militants;
    g.k_low = std::min(g.k_low, parts[p].killed) + parts[p].militants;
    g.k_high = std::max(g.k_high, parts[p].killed) + parts[p].militants;
    story.k_low += g.k_low;
    story.k_best += g.k_best;
    story.k_high += g.k_high;
  }
  if (wave_low >= 0) story.k_low = std::min(story.k_low, wave_low);
  if (wave_high >= 0) story.k_high = std::max(story.k_high, wave_high);
  stories.push_back(std::move(story));

  for (size_t p = 0; p < parts.size(); ++p) {
    if (incidents[first_incident + p].k_best <= 0) continue;
    const uint32_t idx = first_incident + static_cast<uint32_t>(p);
    if (recent.size() < 4096) {
      recent.push_back(idx);
    } else {
      recent[recent_next] = idx;
      recent_next = (recent_next + 1) % recent.size();
    }
  }
}

Simulator::Simulator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Simulator::~Simulator() = default;

Result<std::unique_ptr<Simulator>> Simulator::Create(const SimOptions& options) {
  if (options.days <= 0) return InvalidArgument("simulator: days must be positive");
  if (!options.start.valid() || options.start.month < 1 || options.start.day < 1) {
    return InvalidArgument("simulator: invalid start date");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  SITREP_RETURN_IF_ERROR(impl->Load());
  return std::unique_ptr<Simulator>(new Simulator(std::move(impl)));
}

bool Simulator::Next(Article* out) {
  Impl& s = *impl_;
  if (s.produced >= s.options.articles) return false;
  if (s.pending.empty()) {
    // The clock runs with the article count, so the corpus is roughly in publication order.
    const int64_t day =
        s.start_day + static_cast<int64_t>(static_cast<double>(s.produced) * s.options.days /
                                           static_cast<double>(s.options.articles));
    if (s.rng.Chance(s.options.noise_fraction)) {
      s.MakeNoise(day);
    } else {
      s.MakeStory(day, s.options.articles - s.produced);
    }
  }
  *out = std::move(s.pending.front());
  s.pending.pop_front();
  ++s.produced;
  return true;
}

size_t Simulator::produced() const { return impl_->produced; }

namespace {

OJson Range3(int low, int best, int high) {
  OJson j;
  j["low"] = low;
  j["best"] = best;
  j["high"] = high;
  return j;
}

OJson DocList(std::vector<uint32_t> docs) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  OJson j = OJson::array();
  for (uint32_t d : docs) j.push_back(DocId(d));
  return j;
}

std::string StoryId(uint32_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "S%06u", i + 1);
  return buf;
}

}  // namespace

Status Simulator::WriteGold(std::ostream& out) const {
  const Impl& s = *impl_;
  OJson head;
  head["schema"] = "sitrep-gold/1";
  head["corpus"] = "sitrep-sim seed=" + std::to_string(s.options.seed) +
                   " articles=" + std::to_string(s.produced);
  std::string h = head.dump();
  h.pop_back();  // reopen the object to stream the two lists
  out << h << ",\n\"stories\": [";
  for (size_t i = 0; i < s.stories.size(); ++i) {
    const GoldStory& st = s.stories[i];
    const GoldIncident& first = s.incidents[st.first_incident];
    const SimPlace& p = s.places[first.place];
    std::vector<uint32_t> docs;
    for (uint32_t k = 0; k < st.n_incidents; ++k) {
      const auto& d = s.incidents[st.first_incident + k].docs;
      docs.insert(docs.end(), d.begin(), d.end());
    }
    OJson j;
    j["story_id"] = StoryId(static_cast<uint32_t>(i));
    j["summary"] = st.n_incidents > 1 ? "synthetic wave of " + std::to_string(st.n_incidents) +
                                            " attacks in " + p.admin1
                                      : "synthetic " + s.kinds[first.kind].name + " in " + p.name;
    j["docs"] = DocList(std::move(docs));
    j["background_docs"] = DocList(st.background_docs);
    j["date"] = CivilFromDays(first.day).ToIso();
    j["country"] = p.country;
    j["admin1"] = p.admin1;
    j["killed"] = Range3(st.k_low, st.k_best, st.k_high);
    out << (i ? ",\n" : "\n") << j.dump();
  }
  out << "\n],\n\"incidents\": [";
  for (size_t i = 0; i < s.incidents.size(); ++i) {
    const GoldIncident& g = s.incidents[i];
    const GoldStory& st = s.stories[g.story];
    const SimPlace& p = s.places[g.place];
    const Kind& kind = s.kinds[g.kind];
    OJson j;
    j["incident_id"] = StoryId(g.story) + "." + std::to_string(i - st.first_incident + 1);
    j["story_id"] = StoryId(g.story);
    j["date"] = CivilFromDays(g.day).ToIso();
    j["country"] = p.country;
    j["admin1"] = p.admin1;
    j["admin2"] = p.admin2.empty() ? nullptr : OJson(p.admin2);
    j["place"] = p.name;
    j["place_aliases"] = p.variants;
    j["lat"] = p.lat;
    j["lon"] = p.lon;
    j["radius_km"] = 25;
    j["event_type"] = OJson::array({kind.event_type});
    j["sub_event_type"] = kind.sub_event_type;
    j["killed"] = Range3(g.k_low, g.k_best, g.k_high);
    OJson by_cat;
    const int victims = g.k_best - g.militants;
    by_cat["civilians"] = kind.category == "civilians" ? OJson(victims) : OJson(nullptr);
    by_cat["security_forces"] =
        kind.category == "security_forces" ? OJson(victims) : OJson(nullptr);
    by_cat["militants"] = g.militants > 0 ? OJson(g.militants) : OJson(nullptr);
    j["killed_by_category"] = std::move(by_cat);
    j["injured"] = g.i_best >= 0 ? Range3(g.i_low, g.i_best, g.i_high) : OJson(nullptr);
    j["docs"] = DocList(g.docs);
    out << (i ? ",\n" : "\n") << j.dump();
  }
  out << "\n]}\n";
  if (!out) return IoError("gold: write failed");
  return Status::Ok();
}

std::string Simulator::GoldJson() const {
  std::ostringstream out;
  Status st = WriteGold(out);
  (void)st;  // an ostringstream does not fail short of memory exhaustion
  return out.str();
}

std::string ArticleToJsonLine(const Article& a) {
  OJson j;
  j["doc_id"] = a.doc_id;
  j["source"] = a.source;
  j["url"] = a.url.empty() ? OJson(nullptr) : OJson(a.url);
  j["published"] = a.published ? OJson(a.published->ToIso()) : OJson(nullptr);
  j["lang"] = a.lang;
  j["text"] = a.text;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status SimulateToDir(const SimOptions& options, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError(dir + ": " + ec.message());
  Result<std::unique_ptr<Simulator>> sim = Simulator::Create(options);
  if (!sim.ok()) return sim.status();
  const std::string articles_path = dir + "/articles.jsonl";
  std::ofstream articles(articles_path, std::ios::binary);
  if (!articles) return IoError(articles_path + ": cannot open for writing");
  Article a;
  std::string line;
  while ((*sim)->Next(&a)) {
    line = ArticleToJsonLine(a);
    line.push_back('\n');
    articles.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  articles.close();
  if (!articles) return IoError(articles_path + ": write failed");
  const std::string gold_path = dir + "/gold.json";
  std::ofstream gold(gold_path, std::ios::binary);
  if (!gold) return IoError(gold_path + ": cannot open for writing");
  SITREP_RETURN_IF_ERROR((*sim)->WriteGold(gold));
  gold.close();
  if (!gold) return IoError(gold_path + ": write failed");
  return Status::Ok();
}

}  // namespace sitrep
