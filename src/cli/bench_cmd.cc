#include "cli/bench_cmd.h"

#include <dlfcn.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
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

// Process CPU time (user + system, all threads). On a shared machine wall time includes waiting
// for a core; CPU time does not, so the table shows both.
double CpuSeconds() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return s(ru.ru_utime) + s(ru.ru_stime);
}

// Accumulates wall and CPU seconds over the intervals it is started and stopped for.
struct Meter {
  double wall = 0, cpu = 0;
  Clock::time_point t0;
  double c0 = 0;
  void Start() {
    t0 = Clock::now();
    c0 = CpuSeconds();
  }
  void Stop() {
    wall += Since(t0);
    cpu += CpuSeconds() - c0;
  }
};

constexpr char kUsage[] =
    "usage: sitrep bench simulate --articles N [--seed S] [--noise F] [--start YYYY-MM-DD]\n"
    "                             [--days D] [--sim-gazetteer FILE [--min-population P]]\n"
    "                             --out DIR\n"
    "       sitrep bench run --articles N [--seed S] [--threads T] [--db FILE]\n"
    "                        [--input FILE.jsonl] [--chunk K] [--out FILE.json]\n"
    "                        [--gazetteer FILE] [--data DIR] [--keep DIR]\n"
    "                        [--sim-gazetteer FILE [--min-population P]]\n";

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
  if (const std::string* v = get("articles");
      !v || !ParseSize(*v, &o->articles) || o->articles == 0) {
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
  if (const std::string* v = get("min-population")) {
    size_t pop = 0;
    if (!ParseSize(*v, &pop)) return "--min-population must be a non-negative integer";
    o->gazetteer_min_population = static_cast<int64_t>(pop);
  }
  if (const std::string* v = get("sim-gazetteer")) o->gazetteer_path = *v;
  if (const std::string* v = get("days")) {
    size_t days = 0;
    if (!ParseSize(*v, &days) || days == 0 || days > 100000) return "--days must be in [1, 100000]";
    o->days = static_cast<int>(days);
  }
  return "";
}

// Resident set now (Linux /proc/self/statm), to see what stays in memory between chunks.
double CurrentRssMb() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  long pages = 0, resident = 0;
  const int n = std::fscanf(f, "%ld %ld", &pages, &resident);
  std::fclose(f);
  return n == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
                      1048576.0
                : 0;
}

// jemalloc's control call when the process runs on jemalloc (linked or preloaded), else null.
using MallctlFn = int (*)(const char*, void*, size_t*, void*, size_t);
MallctlFn Mallctl() {
  static const MallctlFn fn = reinterpret_cast<MallctlFn>(dlsym(RTLD_DEFAULT, "mallctl"));
  return fn;
}

// Which allocator the numbers below were measured with.
std::string AllocatorName() {
  if (MallctlFn mallctl = Mallctl()) {
    const char* version = nullptr;
    size_t size = sizeof(version);
    if (mallctl("version", &version, &size, nullptr, 0) == 0 && version != nullptr) {
      const std::string v = version;  // "5.3.0-0-g<commit>": the release is enough
      return "jemalloc " + v.substr(0, v.find('-'));
    }
    return "jemalloc";
  }
  return "C library malloc";
}

// Bytes the allocator hands out now: with RSS it tells live data from fragmentation.
double HeapLiveMb() {
  if (MallctlFn mallctl = Mallctl()) {
    uint64_t epoch = 1;  // jemalloc's statistics are a snapshot refreshed by bumping the epoch
    size_t size = sizeof(epoch);
    mallctl("epoch", &epoch, &size, &epoch, size);
    size_t allocated = 0;
    size = sizeof(allocated);
    if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) != 0) return 0;
    return static_cast<double>(allocated) / 1048576.0;
  }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  const struct mallinfo2 mi = mallinfo2();
  return static_cast<double>(mi.uordblks + mi.hblkhd) / 1048576.0;
#else
  return 0;
#endif
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
  if (!ParseFlags(argc, argv, 2,
                  {"articles", "seed", "noise", "start", "days", "out", "data", "sim-gazetteer",
                   "min-population"},
                  &f, &error)) {
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
  std::printf(
      "wrote %zu articles (%.1f MB) to %s/articles.jsonl and the gold to %s/gold.json "
      "in %.2f s\n",
      options.articles, ec ? 0.0 : static_cast<double>(bytes) / 1e6, f["out"].c_str(),
      f["out"].c_str(), Since(t0));
  return 0;
}

struct RunStats {
  size_t articles = 0, bytes = 0, chunks = 0, ingest_errors = 0, duplicates = 0;
  size_t incidents = 0, top_level = 0;
  double simulate_s = 0, load_s = 0;
  Meter ingest, dedup, analyze, store, resolve, total, bare;
  // Parts of `store`: each chunk's articles and analyses, and the incidents at the end (only the
  // SQLite side: producing each incident from the stream is resolution and counted there, and
  // writing it to --out is `out_json`).
  Meter store_articles, store_analyses, store_incidents, stream, out_json;
  size_t bare_tokens = 0;
  StageTimes stage;
  int threads = 1;
};

void PrintTable(const RunStats& s, const std::string& corpus) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  const double n = static_cast<double>(s.articles);
  auto row = [](const char* name, const std::string& value) {
    std::printf("  %-34s %s\n", name, value.c_str());
  };
  auto fmt = [](const char* f, auto... v) {
    char buf[200];
    std::snprintf(buf, sizeof buf, f, v...);
    return std::string(buf);
  };
  auto per = [](double x, double t) { return t > 0 ? x / t : 0.0; };
  std::printf("sitrep bench run: %s\n", corpus.c_str());
  row("articles", fmt("%zu (%zu chunks, %zu ingest errors, %zu wire copies/duplicates)", s.articles,
                      s.chunks, s.ingest_errors, s.duplicates));
  row("input size", fmt("%.1f MB", mb));
  row("threads", fmt("%d", s.threads));
  if (s.simulate_s > 0) row("simulate (not counted)", fmt("%.2f s", s.simulate_s));
  row("engine load (not counted)", fmt("%.2f s", s.load_s));
  std::printf("  %-34s %9s %9s %7s\n", "stage", "wall s", "cpu s", "cpu %");
  auto stage = [&](const char* name, const Meter& m) {
    std::printf("  %-34s %9.2f %9.2f %6.1f%%\n", name, m.wall, m.cpu,
                s.total.cpu > 0 ? 100.0 * m.cpu / s.total.cpu : 0.0);
  };
  stage("ingest (read, parse, dedup)", s.ingest);
  stage("  of which dedup", s.dedup);
  stage("analyze (text+geo+extract)", s.analyze);
  // The engine's own clocks: thread time summed over threads (includes waiting for a core).
  std::printf("  %-34s %9s %9.2f\n", "  text (thread s)", "", s.stage.text_s);
  std::printf("  %-34s %9s %9.2f\n", "  geo (thread s)", "", s.stage.geo_s);
  std::printf("  %-34s %9s %9.2f\n", "  extract (thread s)", "", s.stage.extract_s);
  stage("resolve (with the incident stream)", s.resolve);
  stage("  of which incident stream", s.stream);
  stage("store (SQLite)", s.store);
  stage("  articles", s.store_articles);
  stage("  analyses", s.store_analyses);
  stage("  incidents", s.store_incidents);
  if (s.out_json.wall > 0) stage("--out JSON", s.out_json);
  stage("total", s.total);
  row("throughput (wall)",
      fmt("%.0f articles/s, %.2f MB/s, %.0f articles/s per core", per(n, s.total.wall),
          per(mb, s.total.wall), per(n, s.total.wall) / std::max(1, s.threads)));
  row("throughput (cpu)", fmt("%.0f articles per cpu-second, %.2f MB per cpu-second",
                              per(n, s.total.cpu), per(mb, s.total.cpu)));
  row("peak RSS", fmt("%.0f MB (%s)", PeakRssMb(), AllocatorName().c_str()));
  row("incidents", fmt("%zu (%zu top level)", s.incidents, s.top_level));
  row("bare pass (JSON parse + Segment)",
      fmt("%.2f s wall, %.2f s cpu, %.0f articles/s, %.2f MB/s, %zu tokens", s.bare.wall,
          s.bare.cpu, per(n, s.bare.wall), per(mb, s.bare.wall), s.bare_tokens));
  row("full / bare",
      fmt("%.1fx wall, %.1fx cpu", per(s.total.wall, s.bare.wall), per(s.total.cpu, s.bare.cpu)));
}

int RunRun(int argc, char** argv) {
  std::map<std::string, std::string> f;
  std::string error;
  if (!ParseFlags(argc, argv, 2,
                  {"articles", "seed", "noise", "start", "days", "threads", "db", "input", "chunk",
                   "out", "gazetteer", "data", "keep", "sim-gazetteer", "min-population"},
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
  // A chunk's texts and analyses are live at once: 2 000 articles (~10 MB of text) keep the
  // resident set near the engine's own, where 50 000 made the kernel fault in and zero ~300 MB
  // more pages (a tenth of the run's time on 10k) for no gain; duplicates are found per chunk.
  size_t chunk = 2000, threads = 0;
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
  const fs::path work =
      keep ? fs::path(f["keep"])
           : fs::temp_directory_path() / ("sitrep-bench-" + std::to_string(::getpid()));
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

  // A 1 MiB read buffer: the stream's default reads the corpus 4 KiB per system call.
  std::vector<char> read_buffer(1 << 20);
  std::ifstream in;
  in.rdbuf()->pubsetbuf(read_buffer.data(), static_cast<std::streamsize>(read_buffer.size()));
  in.open(input, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sitrep bench run: %s: cannot open\n", input.c_str());
    return 1;
  }
  // Chunks bound the memory of texts and analyses: each analysis is stored, then reduced to the
  // compact record resolution keeps (ResolveBatch) and freed.
  ResolveBatch batch = (*engine)->StartResolve();
  std::string data;
  size_t lines = 0;
  stats.total.Start();
  while (true) {
    stats.ingest.Start();
    if (!ReadChunk(in, chunk, &data, &lines)) {
      stats.ingest.Stop();
      break;
    }
    stats.bytes += data.size();
    IngestResult ingested;
    ReadJsonLines(input, data, IngestOptions(), &ingested);
    stats.dedup.Start();
    DedupOptions dedup_options;
    dedup_options.threads = static_cast<int>(threads);
    DedupStats dedup = MarkDuplicates(&ingested.articles, dedup_options);
    stats.dedup.Stop();
    stats.ingest.Stop();
    stats.ingest_errors += ingested.errors.size();
    stats.duplicates += dedup.exact + dedup.near;
    stats.articles += ingested.articles.size();
    ++stats.chunks;

    stats.analyze.Start();
    std::vector<DocAnalysis> chunk_analyses = (*engine)->AnalyzeAll(ingested.articles);
    stats.analyze.Stop();

    stats.store.Start();
    std::vector<bool> inserted;
    stats.store_articles.Start();
    Status st = (*store)->PutArticles(ingested.articles, &inserted);
    stats.store_articles.Stop();
    stats.store_analyses.Start();
    if (st.ok()) st = (*store)->PutAnalyses(chunk_analyses);
    stats.store_analyses.Stop();
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep bench run: store: %s\n", st.ToString().c_str());
      return 1;
    }
    stats.store.Stop();
    stats.resolve.Start();
    for (DocAnalysis& a : chunk_analyses) {
      batch.Add(a);
      a = DocAnalysis();  // free it now: the store has the full analysis
    }
    std::vector<DocAnalysis>().swap(chunk_analyses);
    stats.resolve.Stop();
    // The chunk's texts and analyses were spread over the worker threads' arenas; hand the freed
    // pages back so the resident set follows what is live (the kept units) between chunks.
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    const ResolveBatch::Stats kept = batch.stats();
    std::fprintf(
        stderr,
        "chunk %zu: %zu articles so far, rss %.0f MB, heap %.0f MB, peak %.0f MB; kept for "
        "resolution: %zu events (%zu naming a person), %zu waves, %zu recalls, %.1f MB of "
        "claims\n",
        stats.chunks, stats.articles, CurrentRssMb(), HeapLiveMb(), PeakRssMb(), kept.events,
        kept.named_events, kept.waves, kept.recalls, static_cast<double>(kept.claim_bytes) / 1e6);
  }

  std::string().swap(data);  // the last chunk's bytes: the bare pass below reads them again
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  stats.resolve.Start();
  IncidentStream incidents = (*engine)->FinishResolveStream(std::move(batch));
  stats.resolve.Stop();
  std::fprintf(stderr, "resolved: rss %.0f MB, heap %.0f MB, peak %.0f MB\n", CurrentRssMb(),
               HeapLiveMb(), PeakRssMb());
  // Incidents go to the store (and --out) one at a time: the whole set, with every claim and
  // quote, never exists in memory at once.
  std::ofstream out;
  std::unique_ptr<IncidentsJsonWriter> json;
  if (f.count("out")) {
    out.open(f["out"], std::ios::binary);
    if (!out) {
      std::fprintf(stderr, "sitrep bench run: %s: cannot write\n", f["out"].c_str());
      return 1;
    }
    json = std::make_unique<IncidentsJsonWriter>(out);
  }
  stats.store.Start();
  stats.store_incidents.Start();
  Status stored = (*store)->ReplaceIncidentsFrom(
      [&](Incident* inc) {
        // The stream builds each incident (resolution work) when asked: metered apart, moved from
        // store to resolve below.
        stats.stream.Start();
        const bool more = incidents.Next(inc);
        stats.stream.Stop();
        if (!more) return false;
        ++stats.incidents;
        stats.top_level += inc->parent.empty();
        if (json) {
          // Written as the store reads each incident: metered apart, moved out of store below.
          stats.out_json.Start();
          json->Add(*inc);
          stats.out_json.Stop();
        }
        return true;
      },
      [&] { return incidents.status(); });
  if (!stored.ok()) {
    std::fprintf(stderr, "sitrep bench run: store: %s\n", stored.ToString().c_str());
    return 1;
  }
  stats.store_incidents.Stop();
  stats.store.Stop();
  stats.total.Stop();
  for (Meter* m : {&stats.store, &stats.store_incidents}) {
    m->wall -= stats.stream.wall + stats.out_json.wall;
    m->cpu -= stats.stream.cpu + stats.out_json.cpu;
  }
  stats.resolve.wall += stats.stream.wall;
  stats.resolve.cpu += stats.stream.cpu;
  std::fprintf(stderr, "stored incidents: rss %.0f MB, peak %.0f MB\n", CurrentRssMb(),
               PeakRssMb());
  stats.stage = (*engine)->times();
  if (json) {
    stats.total.Start();
    stats.out_json.Start();
    const Status finished = json->Finish();
    stats.out_json.Stop();
    stats.total.Stop();
    if (!finished.ok()) {
      std::fprintf(stderr, "sitrep bench run: %s: write failed\n", f["out"].c_str());
      return 1;
    }
    std::fprintf(stderr, "wrote %s (with the store pass): rss %.0f MB, peak %.0f MB\n",
                 f["out"].c_str(), CurrentRssMb(), PeakRssMb());
  }

  // The floor: read and tokenise the same bytes on the same threads, nothing else.
  in.clear();
  in.seekg(0);
  std::atomic<size_t> tokens{0};
  stats.bare.Start();
  while (ReadChunk(in, chunk, &data, &lines)) {
    IngestResult ingested;
    ReadJsonLines(input, data, IngestOptions(), &ingested);
    ParallelFor(ingested.articles.size(), static_cast<int>(threads), [&](size_t i) {
      Doc doc;
      Segment(ingested.articles[i].text, &doc);
      tokens += doc.tokens.size();
    });
  }
  stats.bare.Stop();
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
