#include "cli/bench_cmd.h"

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/data_dir.h"
#include "export/export.h"
#include "ingest/dedup.h"
#include "ingest/ingest.h"
#include "model/doc.h"
#include "pipeline/pipeline.h"
#include "sim/simulator.h"
#include "store/store.h"
#include "text/segment.h"

namespace sitrep {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

constexpr char kUsage[] =
    "usage: sitrep bench simulate --articles N [--seed S] [--noise F] [--start YYYY-MM-DD]\n"
    "                             [--days D] --out DIR\n"
    "       sitrep bench run --articles N [--seed S] [--threads T] [--db FILE]\n"
    "                        [--input FILE.jsonl] [--chunk K] [--out FILE.json]\n"
    "                        [--gazetteer FILE] [--data DIR] [--keep DIR]\n";

int Usage(const std::string& why) {
  if (!why.empty()) std::fprintf(stderr, "sitrep bench: %s\n", why.c_str());
  std::fputs(kUsage, stderr);
  return 2;
}

// "--name value" pairs; every flag takes a value.
bool ParseFlags(int argc, char** argv, int first, const std::vector<std::string>& allowed,
                std::map<std::string, std::string>* flags, std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) {
      *error = "unexpected argument '" + a + "'";
      return false;
    }
    std::string name = a.substr(2), value;
    const size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      *error = "flag --" + name + " needs a value";
      return false;
    }
    bool known = false;
    for (const std::string& k : allowed) known |= (k == name);
    if (!known) {
      *error = "unknown flag --" + name;
      return false;
    }
    (*flags)[name] = value;
  }
  return true;
}

bool ParseSize(const std::string& s, size_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (*end != '\0') return false;
  *out = static_cast<size_t>(v);
  return true;
}

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

// Fills the simulator options from the flags common to both sub-commands; "" when fine.
std::string SimOptionsFromFlags(const std::map<std::string, std::string>& f, SimOptions* o) {
  auto get = [&](const char* k) -> const std::string* {
    auto it = f.find(k);
    return it == f.end() ? nullptr : &it->second;
  };
  if (const std::string* v = get("articles"); !v || !ParseSize(*v, &o->articles) || o->articles == 0) {
    return "--articles N (N > 0) is required";
  }
  if (const std::string* v = get("seed")) {
    size_t seed = 0;
    if (!ParseSize(*v, &seed)) return "--seed must be a non-negative integer";
    o->seed = seed;
  }
  if (const std::string* v = get("noise")) {
    if (!ParseDouble(*v, &o->noise_fraction) || o->noise_fraction < 0 || o->noise_fraction >= 1) {
      return "--noise must be in [0, 1)";
    }
  }
  if (const std::string* v = get("start")) {
    std::optional<CivilDate> d = CivilDate::FromIso(*v);
    if (!d || d->day == 0) return "--start must be YYYY-MM-DD";
    o->start = *d;
  }
  if (const std::string* v = get("days")) {
    size_t days = 0;
    if (!ParseSize(*v, &days) || days == 0 || days > 100000) return "--days must be in [1, 100000]";
    o->days = static_cast<int>(days);
  }
  return "";
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// Reads up to `max_lines` lines of a JSONL stream into *chunk; false at end of input.
bool ReadChunk(std::istream& in, size_t max_lines, std::string* chunk, size_t* lines) {
  chunk->clear();
  *lines = 0;
  std::string line;
  while (*lines < max_lines && std::getline(in, line)) {
    chunk->append(line).push_back('\n');
    ++*lines;
  }
  return *lines > 0;
}

// Runs fn(i) for i in [0, n) on `threads` threads.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  if (threads <= 1 || n < 2) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
}

int RunSimulate(int argc, char** argv) {
  std::map<std::string, std::string> f;
  std::string error;
  if (!ParseFlags(argc, argv, 2, {"articles", "seed", "noise", "start", "days", "out", "data"}, &f,
                  &error)) {
    return Usage(error);
  }
  SimOptions options;
  error = SimOptionsFromFlags(f, &options);
  if (!error.empty()) return Usage(error);
  if (!f.count("out")) return Usage("--out DIR is required");
  if (f.count("data")) options.data_dir = f["data"] + "/sim";
  const auto t0 = Clock::now();
  Status st = SimulateToDir(options, f["out"]);
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep bench simulate: %s\n", st.ToString().c_str());
    return 1;
  }
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(f["out"] + "/articles.jsonl", ec);
  std::printf("wrote %zu articles (%.1f MB) to %s/articles.jsonl and the gold to %s/gold.json "
              "in %.2f s\n",
              options.articles, ec ? 0.0 : static_cast<double>(bytes) / 1e6, f["out"].c_str(),
              f["out"].c_str(), Since(t0));
  return 0;
}

struct RunStats {
  size_t articles = 0, bytes = 0, chunks = 0, ingest_errors = 0, duplicates = 0;
  size_t incidents = 0, top_level = 0;
  double simulate_s = 0, load_s = 0, ingest_s = 0, analyze_s = 0, store_s = 0, resolve_s = 0;
  double total_s = 0, bare_s = 0;
  size_t bare_tokens = 0;
  StageTimes stage;
  int threads = 1;
};

void PrintTable(const RunStats& s, const std::string& corpus) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  const double aps = s.total_s > 0 ? static_cast<double>(s.articles) / s.total_s : 0;
  auto row = [](const char* name, const std::string& value) {
    std::printf("  %-34s %s\n", name, value.c_str());
  };
  auto fmt = [](const char* f, auto... v) {
    char buf[160];
    std::snprintf(buf, sizeof buf, f, v...);
    return std::string(buf);
  };
  auto pct = [&](double x) { return s.total_s > 0 ? 100.0 * x / s.total_s : 0.0; };
  std::printf("sitrep bench run: %s\n", corpus.c_str());
  row("articles", fmt("%zu (%zu chunks, %zu ingest errors, %zu wire copies/duplicates)",
                      s.articles, s.chunks, s.ingest_errors, s.duplicates));
  row("input size", fmt("%.1f MB", mb));
  row("threads", fmt("%d", s.threads));
  if (s.simulate_s > 0) row("simulate (not counted)", fmt("%.2f s", s.simulate_s));
  row("engine load (not counted)", fmt("%.2f s", s.load_s));
  std::printf("  %-34s %9s %9s %7s\n", "stage", "wall s", "cpu s", "share");
  auto stage = [&](const char* name, double wall, double cpu) {
    std::printf("  %-34s %9s %9s %6.1f%%\n", name, wall > 0 ? fmt("%.2f", wall).c_str() : "",
                cpu > 0 ? fmt("%.2f", cpu).c_str() : "", pct(wall));
  };
  stage("ingest/parse + dedup", s.ingest_s, 0);
  stage("analyze (text+geo+extract)", s.analyze_s, s.stage.text_s + s.stage.geo_s + s.stage.extract_s);
  std::printf("  %-34s %9s %9.2f\n", "  text", "", s.stage.text_s);
  std::printf("  %-34s %9s %9.2f\n", "  geo", "", s.stage.geo_s);
  std::printf("  %-34s %9s %9.2f\n", "  extract", "", s.stage.extract_s);
  stage("resolve", s.resolve_s, 0);
  stage("store (SQLite)", s.store_s, 0);
  stage("total", s.total_s, 0);
  row("throughput", fmt("%.0f articles/s, %.2f MB/s, %.0f articles/s per core", aps,
                        s.total_s > 0 ? mb / s.total_s : 0.0, aps / std::max(1, s.threads)));
  row("peak RSS", fmt("%.0f MB", PeakRssMb()));
  row("incidents", fmt("%zu (%zu top level)", s.incidents, s.top_level));
  row("bare pass (JSON parse + Segment)",
      fmt("%.2f s, %.0f articles/s, %.2f MB/s, %zu tokens", s.bare_s,
          s.bare_s > 0 ? static_cast<double>(s.articles) / s.bare_s : 0.0,
          s.bare_s > 0 ? mb / s.bare_s : 0.0, s.bare_tokens));
  row("full / bare", fmt("%.1fx", s.bare_s > 0 ? s.total_s / s.bare_s : 0.0));
}

int RunRun(int argc, char** argv) {
  std::map<std::string, std::string> f;
  std::string error;
  if (!ParseFlags(argc, argv, 2,
                  {"articles", "seed", "noise", "start", "days", "threads", "db", "input", "chunk",
                   "out", "gazetteer", "data", "keep"},
                  &f, &error)) {
    return Usage(error);
  }
  RunStats stats;
  SimOptions sim;
  const bool simulate = !f.count("input");
  if (simulate) {
    error = SimOptionsFromFlags(f, &sim);
    if (!error.empty()) return Usage(error);
  }
  size_t chunk = 50000, threads = 0;
  if (f.count("chunk") && (!ParseSize(f["chunk"], &chunk) || chunk == 0)) {
    return Usage("--chunk must be a positive integer");
  }
  if (f.count("threads") && !ParseSize(f["threads"], &threads)) {
    return Usage("--threads must be a non-negative integer");
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  stats.threads = static_cast<int>(threads);

  // Scratch space for the simulated corpus and the default database.
  namespace fs = std::filesystem;
  const bool keep = f.count("keep") != 0;
  const fs::path work = keep ? fs::path(f["keep"])
                             : fs::temp_directory_path() /
                                   ("sitrep-bench-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(work, ec);
  if (ec) {
    std::fprintf(stderr, "sitrep bench run: %s: %s\n", work.c_str(), ec.message().c_str());
    return 1;
  }
  struct Cleanup {
    fs::path dir;
    bool active;
    ~Cleanup() {
      std::error_code e;
      if (active) fs::remove_all(dir, e);
    }
  } cleanup{work, !keep};

  std::string input = simulate ? (work / "articles.jsonl").string() : f["input"];
  std::string corpus;
  if (simulate) {
    if (f.count("data")) sim.data_dir = f["data"] + "/sim";
    const auto t0 = Clock::now();
    Status st = SimulateToDir(sim, work.string());
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep bench run: simulate: %s\n", st.ToString().c_str());
      return 1;
    }
    stats.simulate_s = Since(t0);
    corpus = "simulated, seed " + std::to_string(sim.seed);
  } else {
    corpus = input;
  }

  EngineOptions eo;
  if (f.count("data")) eo.data_dir = f["data"];
  if (f.count("gazetteer")) eo.gazetteer_path = f["gazetteer"];
  eo.threads = static_cast<int>(threads);
  auto t_load = Clock::now();
  Result<std::unique_ptr<Engine>> engine = Engine::Create(eo);
  if (!engine.ok()) {
    std::fprintf(stderr, "sitrep bench run: engine: %s\n", engine.status().ToString().c_str());
    return 1;
  }
  stats.load_s = Since(t_load);

  const std::string db_path = f.count("db") ? f["db"] : (work / "bench.db").string();
  if (!f.count("db")) fs::remove(db_path, ec);
  Result<std::unique_ptr<Store>> store = Store::Open(db_path);
  if (!store.ok()) {
    std::fprintf(stderr, "sitrep bench run: store: %s\n", store.status().ToString().c_str());
    return 1;
  }

  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sitrep bench run: %s: cannot open\n", input.c_str());
    return 1;
  }
  // Chunks bound the memory of texts; analyses are kept for Resolve(), which needs them all.
  std::vector<DocAnalysis> analyses;
  std::string data;
  size_t lines = 0;
  const auto t_total = Clock::now();
  while (true) {
    auto t0 = Clock::now();
    if (!ReadChunk(in, chunk, &data, &lines)) break;
    stats.bytes += data.size();
    IngestResult ingested;
    ReadJsonLines(input, data, IngestOptions(), &ingested);
    DedupStats dedup = MarkDuplicates(&ingested.articles);
    stats.ingest_s += Since(t0);
    stats.ingest_errors += ingested.errors.size();
    stats.duplicates += dedup.exact + dedup.near;
    stats.articles += ingested.articles.size();
    ++stats.chunks;

    t0 = Clock::now();
    std::vector<DocAnalysis> chunk_analyses = (*engine)->AnalyzeAll(ingested.articles);
    stats.analyze_s += Since(t0);

    t0 = Clock::now();
    std::vector<bool> inserted;
    Status st = (*store)->PutArticles(ingested.articles, &inserted);
    if (st.ok()) st = (*store)->PutAnalyses(chunk_analyses);
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep bench run: store: %s\n", st.ToString().c_str());
      return 1;
    }
    stats.store_s += Since(t0);
    for (DocAnalysis& a : chunk_analyses) analyses.push_back(std::move(a));
  }

  auto t0 = Clock::now();
  IncidentSet set = (*engine)->Resolve(analyses);
  stats.resolve_s = Since(t0);
  t0 = Clock::now();
  if (Status st = (*store)->ReplaceIncidents(set); !st.ok()) {
    std::fprintf(stderr, "sitrep bench run: store: %s\n", st.ToString().c_str());
    return 1;
  }
  stats.store_s += Since(t0);
  stats.total_s = Since(t_total);
  stats.stage = (*engine)->times();
  stats.incidents = set.incidents.size();
  for (const Incident& inc : set.incidents) stats.top_level += inc.parent.empty();
  analyses.clear();
  analyses.shrink_to_fit();

  if (f.count("out")) {
    std::ofstream out(f["out"], std::ios::binary);
    out << IncidentsToJson(set);
    if (!out) {
      std::fprintf(stderr, "sitrep bench run: %s: write failed\n", f["out"].c_str());
      return 1;
    }
  }

  // The floor: read and tokenise the same bytes on the same threads, nothing else.
  in.clear();
  in.seekg(0);
  std::atomic<size_t> tokens{0};
  t0 = Clock::now();
  while (ReadChunk(in, chunk, &data, &lines)) {
    IngestResult ingested;
    ReadJsonLines(input, data, IngestOptions(), &ingested);
    ParallelFor(ingested.articles.size(), static_cast<int>(threads), [&](size_t i) {
      Doc doc;
      Segment(ingested.articles[i].text, &doc);
      tokens += doc.tokens.size();
    });
  }
  stats.bare_s = Since(t0);
  stats.bare_tokens = tokens.load();

  PrintTable(stats, corpus);
  return 0;
}

}  // namespace

int RunBenchCommand(int argc, char** argv) {
  if (argc < 2) return Usage("");
  const std::string sub = argv[1];
  if (sub == "simulate") return RunSimulate(argc, argv);
  if (sub == "run") return RunRun(argc, argv);
  if (sub == "help" || sub == "--help" || sub == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  return Usage("unknown sub-command '" + sub + "'");
}

}  // namespace sitrep
