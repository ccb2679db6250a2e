#include "cli/gazetteer_cmd.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_builder.h"
#include "geo/geocoder.h"

namespace sitrep {
namespace {

const char* LevelName(GeoLevel l) {
  switch (l) {
    case GeoLevel::kPlace:
      return "place";
    case GeoLevel::kDistrict:
      return "district";
    case GeoLevel::kProvince:
      return "province";
    case GeoLevel::kCountry:
      return "country";
  }
  return "?";
}

// Prints the usage to `to`; `sitrep gazetteer --help` asks for it (stdout, 0), a bad command
// line gets it on stderr with 2.
int Usage(FILE* to = stderr) {
  std::fprintf(to,
               "usage: sitrep gazetteer build --geonames FILE [--admin1 FILE] [--admin2 FILE]\n"
               "                              [--csc DIR] [--countries FILE] [--extra FILE]\n"
               "                              [--min-population N] --out FILE\n"
               "       sitrep gazetteer lookup [--gazetteer FILE] NAME...\n"
               "       sitrep gazetteer stats [--gazetteer FILE]\n"
               "       sitrep gazetteer geocode [--gazetteer FILE] [--lang XX] TEXT...\n"
               "       sitrep gazetteer bench [--gazetteer FILE] ARTICLES.jsonl\n"
               "       sitrep gazetteer folds [--data DIR] [--out FILE]\n"
               "           (writes DIR/geo/folds.tsv, the precomputed transliterations)\n"
               "example: sitrep gazetteer lookup Maiduguri \"Saint Louis\"\n");
  return to == stdout ? 0 : 2;
}

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

int Build(const std::vector<std::string>& args) {
  GazetteerBuildOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    auto val = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    const std::string& a = args[i];
    std::string pop;
    bool ok = a == "--geonames"    ? val(&o.geonames)
              : a == "--admin1"    ? val(&o.admin1)
              : a == "--admin2"    ? val(&o.admin2)
              : a == "--csc"       ? val(&o.csc_dir)
              : a == "--countries" ? val(&o.countries)
              : a == "--extra"     ? val(&o.extra)
              : a == "--out"       ? val(&o.out)
              : a == "--min-population"
                  ? (val(&pop) && (o.min_population = std::atoll(pop.c_str()), true))
                  : false;
    if (!ok) return Usage();
  }
  auto t0 = std::chrono::steady_clock::now();
  Result<GazetteerBuildStats> st = BuildGazetteer(o);
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep gazetteer build: %s\n", st.status().ToString().c_str());
    return 1;
  }
  const GazetteerBuildStats& s = *st;
  std::printf("wrote %s: %zu bytes in %.1f s\n", o.out.c_str(), s.bytes,
              Seconds(t0, std::chrono::steady_clock::now()));
  std::printf(
      "  places %zu (+%zu from country-state-city), districts %zu, provinces %zu, "
      "countries %zu\n",
      s.places, s.csc_added, s.districts, s.provinces, s.countries);
  std::printf("  supplement rows used %zu\n", s.extra);
  std::printf("  admin1 named %zu/%zu, admin2 named %zu/%zu; keys %zu, postings %zu\n",
              s.admin1_named, s.admin1_groups, s.admin2_named, s.admin2_groups, s.keys, s.postings);
  return 0;
}

Result<std::unique_ptr<Gazetteer>> OpenFrom(std::vector<std::string>* args) {
  std::string path = DataPath("gazetteer/gazetteer.bin");
  for (size_t i = 0; i < args->size(); ++i) {
    if ((*args)[i] == "--gazetteer" && i + 1 < args->size()) {
      path = (*args)[i + 1];
      args->erase(args->begin() + i, args->begin() + i + 2);
      break;
    }
  }
  return Gazetteer::Open(path);
}

void PrintEntry(const GazEntry& e, const char* prefix) {
  std::printf("%s%-28s %-2s  %-24s %-20s %8.4f %9.4f  %-8s %-6s pop %lld  id %u\n", prefix,
              std::string(e.name).c_str(), std::string(e.country).c_str(),
              std::string(e.admin1).c_str(), std::string(e.admin2).c_str(), e.lat, e.lon,
              LevelName(e.level), std::string(e.feature_code).c_str(),
              static_cast<long long>(e.population), e.id);
}

int Lookup(std::vector<std::string> args) {
  Result<std::unique_ptr<Gazetteer>> g = OpenFrom(&args);
  if (!g.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", g.status().ToString().c_str());
    return 1;
  }
  if (args.empty()) return Usage();
  for (const std::string& name : args) {
    std::string key = (*g)->Key(name);
    auto posts = (*g)->LookupKey(key);
    std::printf("%s  [key %s]  %zu candidates\n", name.c_str(), key.c_str(), posts.size());
    for (GazPosting p : posts) {
      PrintEntry((*g)->entry(p.entry()), p.demonym() ? "  D " : p.alternate() ? "  a " : "    ");
    }
  }
  return 0;
}

int Stats(std::vector<std::string> args) {
  auto t0 = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Gazetteer>> g = OpenFrom(&args);
  auto t1 = std::chrono::steady_clock::now();
  if (!g.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", g.status().ToString().c_str());
    return 1;
  }
  const Gazetteer& gz = **g;
  size_t by_level[5] = {0, 0, 0, 0, 0};
  for (uint32_t i = 0; i < gz.size(); ++i) ++by_level[static_cast<int>(gz.entry(i).level)];
  std::printf("entries %zu (places %zu, districts %zu, provinces %zu, countries %zu)\n", gz.size(),
              by_level[1], by_level[2], by_level[3], by_level[4]);
  std::printf("keys %zu, postings %zu, bytes %zu, open %.1f ms\n", gz.num_keys(), gz.num_postings(),
              gz.bytes(), Seconds(t0, t1) * 1000);
  // Lookup speed over the entries' own names (key computation included).
  std::vector<std::string> names;
  for (uint32_t i = 0; i < gz.size() && names.size() < 20000; i += 7) {
    names.emplace_back(gz.entry(i).name);
  }
  size_t hits = 0;
  auto t2 = std::chrono::steady_clock::now();
  for (int rep = 0; rep < 5; ++rep) {
    for (const std::string& n : names) hits += gz.Lookup(n).size();
  }
  double secs = Seconds(t2, std::chrono::steady_clock::now());
  std::printf("lookups/s %.0f (name -> key -> candidates, %zu postings seen)\n",
              names.size() * 5 / secs, hits);
  return 0;
}

int Geocode(std::vector<std::string> args) {
  Result<std::unique_ptr<Gazetteer>> g = OpenFrom(&args);
  if (!g.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", g.status().ToString().c_str());
    return 1;
  }
  std::string lang = "en";
  std::string text;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      lang = args[++i];
      continue;
    }
    if (!text.empty()) text += ' ';
    text += args[i];
  }
  Result<std::unique_ptr<Geocoder>> geo = Geocoder::Create(g->get());
  if (!geo.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", geo.status().ToString().c_str());
    return 1;
  }
  for (const PlaceMention& m : (*geo)->Find(text, Doc(), lang)) {
    const Place& p = m.place;
    std::printf("[%u,%u) %-20s -> %s | %s | %s | %s  (%.4f, %.4f) %s conf %.2f\n", m.span.begin,
                m.span.end, text.substr(m.span.begin, m.span.size()).c_str(), p.name.c_str(),
                p.admin2.c_str(), p.admin1.c_str(), p.country.c_str(), p.lat, p.lon,
                LevelName(p.level), m.confidence);
  }
  return 0;
}

// Geocodes every article of a JSONL file (field "text") and reports articles/s on one thread.
int Bench(std::vector<std::string> args) {
  Result<std::unique_ptr<Gazetteer>> g = OpenFrom(&args);
  if (!g.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", g.status().ToString().c_str());
    return 1;
  }
  if (args.size() != 1) return Usage();
  Result<std::string> data = ReadFile(args[0]);
  if (!data.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", data.status().ToString().c_str());
    return 1;
  }
  std::vector<std::string> texts;
  size_t pos = 0, bytes = 0;
  while (pos < data->size()) {
    size_t eol = data->find('\n', pos);
    if (eol == std::string::npos) eol = data->size();
    nlohmann::json j = nlohmann::json::parse(data->substr(pos, eol - pos), nullptr, false);
    pos = eol + 1;
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      texts.push_back(j["text"].get<std::string>());
      bytes += texts.back().size();
    }
  }
  Result<std::unique_ptr<Geocoder>> geo = Geocoder::Create(g->get());
  if (!geo.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", geo.status().ToString().c_str());
    return 1;
  }
  size_t mentions = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const std::string& t : texts) mentions += (*geo)->Find(t, Doc(), "").size();
  double secs = Seconds(t0, std::chrono::steady_clock::now());
  std::printf("%zu articles (%.1f MB) in %.3f s: %.0f articles/s, %.1f MB/s, %zu mentions\n",
              texts.size(), bytes / 1e6, secs, texts.size() / secs, bytes / 1e6 / secs, mentions);
  return 0;
}

// Regenerates <data dir>/geo/folds.tsv (geo/match_key.h) after a data file changed.
int Folds(const std::vector<std::string>& args) {
  std::string dir = DataDir(), out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data" && i + 1 < args.size()) {
      dir = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else {
      return Usage();
    }
  }
  if (out.empty()) out = dir + "/geo/folds.tsv";
  Result<std::string> text = FoldTableText(dir);
  if (!text.ok()) {
    std::fprintf(stderr, "sitrep gazetteer: %s\n", text.status().ToString().c_str());
    return 1;
  }
  std::FILE* f = std::fopen(out.c_str(), "wb");
  if (f == nullptr || std::fwrite(text->data(), 1, text->size(), f) != text->size() ||
      std::fclose(f) != 0) {
    std::fprintf(stderr, "sitrep gazetteer: cannot write %s\n", out.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int RunGazetteerCommand(int argc, char** argv) {
  if (argc < 2) return Usage();
  std::string sub = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (sub == "build") return Build(args);
  if (sub == "lookup") return Lookup(std::move(args));
  if (sub == "stats") return Stats(std::move(args));
  if (sub == "geocode") return Geocode(std::move(args));
  if (sub == "bench") return Bench(std::move(args));
  if (sub == "folds") return Folds(args);
  if (sub == "--help" || sub == "-h" || sub == "help") return Usage(stdout);
  return Usage();
}

}  // namespace sitrep
