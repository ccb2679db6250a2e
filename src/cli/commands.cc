#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "base/data_dir.h"
#include "export/export.h"
#include "ingest/dedup.h"
#include "ingest/ingest.h"
#include "pipeline/jobs.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace sitrep {
namespace {

void PrintError(const std::string& message) {
  std::fprintf(stderr, "sitrep: %s\n", message.c_str());
}

void PrintErrors(const std::vector<Status>& errors) {
  for (const Status& e : errors) PrintError(e.message());
}

// Redraws one line on stderr, at most ~100 times per run.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO) == 1) {}
  ProgressFn Fn() {
    if (!enabled_) return nullptr;
    return [this](size_t done, size_t total) {
      const size_t step = total / 100 + 1;
      if (done != total && done % step != 0) return;
      std::fprintf(stderr, "\ranalysing %zu/%zu articles", done, total);
      if (done == total) std::fputc('\n', stderr);
      std::fflush(stderr);
    };
  }

 private:
  bool enabled_;
};

Result<std::unique_ptr<Engine>> MakeEngine(const EngineFlags& flags) {
  if (!flags.data_dir.empty()) SetDataDir(flags.data_dir);
  EngineOptions options;
  options.data_dir = flags.data_dir;
  options.gazetteer_path = flags.gazetteer;
  if (!flags.policy.empty()) options.best_policy = flags.policy;
  options.threads = flags.threads;
  return Engine::Create(options);
}

struct RunCounts {
  size_t read = 0, skipped = 0, files = 0, repeated = 0, unknown_type = 0;
  DedupStats dedup;
};

// Reads the inputs, printing each problem, and each note unless `quiet` (a note is
// information: "x.dat: read as JSON lines by its content"); *counts gets the ingest counts.
IngestResult ReadArticles(const std::vector<std::string>& inputs, bool quiet, RunCounts* counts) {
  IngestResult in = ReadInputs(inputs, IngestOptions());
  PrintErrors(in.errors);
  if (!quiet) {
    for (const std::string& note : in.notes) PrintError("note: " + note);
  }
  *counts = {in.articles.size(), in.errors.size(), in.files, in.repeated, in.skipped_unknown, {}};
  return in;
}

void PrintSummary(const RunCounts& c, const IncidentSet& set, double seconds) {
  std::set<std::string> parents, places;
  for (const Incident& inc : set.incidents) {
    if (!inc.parent.empty()) parents.insert(inc.parent);
  }
  std::optional<CivilDate> first, last;
  double killed = 0;
  size_t leaves = 0;
  for (const Incident& inc : set.incidents) {
    const bool is_story = parents.count(inc.id) > 0;
    if (!is_story) {
      ++leaves;
      const std::string& where = !inc.place.empty()    ? inc.place
                                 : !inc.admin2.empty() ? inc.admin2
                                                       : inc.admin1;
      if (!where.empty()) places.insert(inc.country + "/" + where);
    }
    if (inc.parent.empty() && inc.killed) killed += inc.killed->best;  // stories hold the total
    if (inc.date && inc.date->valid()) {
      if (!first || *inc.date < *first) first = inc.date;
      if (!last || *inc.date > *last) last = inc.date;
    }
  }
  std::fprintf(
      stderr,
      "sitrep: %zu article(s) read from %zu file(s), %zu input problem(s), "
      "%zu duplicate(s) (%zu exact, %zu near)%s\n",
      c.read, c.files, c.skipped, c.dedup.exact + c.dedup.near + c.repeated,
      c.dedup.exact + c.repeated, c.dedup.near,
      c.unknown_type == 0
          ? ""
          : (", " + std::to_string(c.unknown_type) + " file(s) of unknown type skipped").c_str());
  std::string range = first ? first->ToIso() + " .. " + last->ToIso() : "no dates";
  char killed_text[32];
  std::snprintf(killed_text, sizeof killed_text, "%.0f", killed);
  std::fprintf(stderr,
               "sitrep: %zu incident(s), %zu story(ies), %zu place(s), %s, %s killed (best, "
               "top level), %.2f s\n",
               leaves, parents.size(), places.size(), range.c_str(), killed_text, seconds);
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string FigureText(const Figure& f) {
  return Num(f.best) + " (low " + Num(f.low) + ", high " + Num(f.high) + ")";
}

// The extension of `path`, ASCII lower-cased (".CSV" -> ".csv"); "" when it has none.
std::string AsciiLowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

std::string ReplacedIncidentsWarning(const std::string& db, size_t stored,
                                     const std::vector<Article>& run) {
  std::set<std::string_view> ids;
  for (const Article& a : run) ids.insert(a.doc_id);
  if (stored <= ids.size()) return "";
  return db + ": holds " + std::to_string(stored - ids.size()) +
         " article(s) this run did not read; the stored incidents were replaced by this run's "
         "(use 'sitrep ingest' to add articles to a database and keep them)";
}

Result<std::string> OutputFormat(const std::string& format, const std::string& out, bool bom) {
  std::string chosen;
  if (format == "json" || format == "csv" || format == "geojson") {
    chosen = format;
  } else if (!format.empty()) {
    return InvalidArgument("--format: expected json, csv or geojson, got '" + format + "'");
  } else {
    const std::string ext = AsciiLowerExtension(out);
    chosen = ext == ".csv" ? "csv" : ext == ".geojson" ? "geojson" : "json";
  }
  // A byte-order mark is what Excel needs to read a CSV as UTF-8; JSON must not start with one.
  if (bom && chosen != "csv") {
    return InvalidArgument("--bom: only for CSV output (the format here is " + chosen + ")");
  }
  return chosen;
}

std::string FormatIncidents(const IncidentSet& set, const std::string& format, bool bom) {
  if (format == "csv") return (bom ? "\xEF\xBB\xBF" : "") + IncidentsToCsv(set);
  if (format == "geojson") return IncidentsToGeoJson(set);
  return IncidentsToJson(set);
}

Status CheckOutputPath(const std::string& path) {
  if (path.empty() || path == "-") return Status::Ok();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return IoError(path + ": is a folder, expected a file name");
  const fs::path dir =
      fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  if (!fs::is_directory(dir, ec))
    return IoError(path + ": cannot write: no folder " + dir.string());
  // WriteOutput writes a temporary file beside the output, then renames it.
  if (access(dir.c_str(), W_OK) != 0) {
    return IoError(path + ": cannot write: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    return std::cout ? Status::Ok() : IoError("stdout: write failed");
  }
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(path + ": cannot write: " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return IoError(path + ": write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return IoError(path + ": cannot write: " + ec.message());
  }
  return Status::Ok();
}

int RunAnalyze(const AnalyzeCommand& cmd) {
  const double start = Now();
  // The format, output and database are checked before the analysis, which can take long.
  Result<std::string> format = OutputFormat(cmd.format, cmd.out, cmd.bom);
  if (!format.ok()) {
    PrintError(format.status().message());
    return 2;
  }
  if (Status st = CheckOutputPath(cmd.out); !st.ok()) {
    PrintError(st.message());
    return 1;
  }
  Result<std::unique_ptr<Engine>> engine = MakeEngine(cmd.engine);
  if (!engine.ok()) {
    PrintError(engine.status().message());
    return 1;
  }
  RunCounts counts;
  IngestResult in = ReadArticles(cmd.inputs, cmd.engine.quiet, &counts);
  if (in.articles.empty()) {
    PrintError("no article could be read; nothing to analyse");
    return 1;
  }
  // Opened only once there is something to store: a run that read nothing leaves no file.
  std::unique_ptr<Store> store;
  if (!cmd.db.empty()) {
    Result<std::unique_ptr<Store>> opened = Store::Open(cmd.db);
    if (!opened.ok()) {
      PrintError(opened.status().message());
      return 1;
    }
    store = std::move(opened).value();
  }
  Progress progress(!cmd.engine.quiet);
  Result<AnalyzeRun> run = AnalyzeArticles(**engine, &in.articles, store.get(), progress.Fn());
  PrintErrors(run.ok() ? run->conflicts : std::vector<Status>());
  if (!run.ok()) {
    PrintError(run.status().message());
    return 1;
  }
  counts.dedup = run->dedup;
  const IncidentSet& set = run->incidents;

  // The output before the stored incidents: a store that cannot be written does not cost the
  // run's result.
  if (Status st = WriteOutput(cmd.out, FormatIncidents(set, *format, cmd.bom)); !st.ok()) {
    PrintError(st.message());
    return 1;
  }
  if (store) {
    if (Status st = store->ReplaceIncidents(set); !st.ok()) {
      PrintError(st.message());
      return 1;
    }
    // analyze replaces the stored incidents with this run's: say so when the database holds
    // articles this run did not read, whose incidents are now gone (ingest keeps them).
    if (Result<size_t> n = store->CountArticles(); n.ok()) {
      if (std::string w = ReplacedIncidentsWarning(cmd.db, *n, in.articles); !w.empty())
        PrintError(w);
    }
  }
  if (!cmd.engine.quiet) PrintSummary(counts, set, Now() - start);
  return 0;
}

int RunIngest(const IngestCommand& cmd) {
  const double start = Now();
  Result<std::unique_ptr<Engine>> engine = MakeEngine(cmd.engine);
  if (!engine.ok()) {
    PrintError(engine.status().message());
    return 1;
  }
  RunCounts counts;
  IngestResult in = ReadArticles(cmd.inputs, cmd.engine.quiet, &counts);
  if (in.articles.empty()) {
    PrintError("no article could be read; the database is unchanged");
    return 1;
  }
  // Opened after reading, so that input which gives nothing creates no empty database.
  Result<std::unique_ptr<Store>> store = Store::Open(cmd.db);
  if (!store.ok()) {
    PrintError(store.status().message());
    return 1;
  }
  Progress progress(!cmd.engine.quiet);
  Result<IngestRun> run = AddToStore(**engine, std::move(in.articles), store->get(), progress.Fn());
  if (!run.ok()) {
    PrintError(run.status().message());
    return 1;
  }
  PrintErrors(run->conflicts);
  counts.dedup = run->dedup;
  if (!cmd.engine.quiet) {
    std::fprintf(stderr, "sitrep: %zu new article(s) stored, %zu analysed, %zu in the database\n",
                 run->added, run->analysed, run->stored_after);
    PrintSummary(counts, run->incidents, Now() - start);
  }
  return 0;
}

int RunExport(const ExportCommand& cmd) {
  Result<std::string> format = OutputFormat(cmd.format, cmd.out, cmd.bom);
  if (!format.ok()) {
    PrintError(format.status().message());
    return 2;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(cmd.db, /*read_only=*/true);
  if (!store.ok()) {
    PrintError(store.status().message());
    return 1;
  }
  Result<IncidentSet> set = (*store)->LoadIncidents();
  if (!set.ok()) {
    PrintError(set.status().message());
    return 1;
  }
  if (Status st = WriteOutput(cmd.out, FormatIncidents(*set, *format, cmd.bom)); !st.ok()) {
    PrintError(st.message());
    return 1;
  }
  return 0;
}

std::string ExplainText(const Incident& inc, const std::vector<Incident>& children,
                        const std::map<std::string, Article>& articles) {
  std::string o;
  auto line = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) o += "  " + label + ": " + value + "\n";
  };
  o += "incident " + inc.id + (inc.parent.empty() ? "" : " (part of " + inc.parent + ")") + "\n";
  std::string when = inc.date ? inc.date->ToIso() : "unknown";
  if (inc.date_end && inc.date_end != inc.date) when += " .. " + inc.date_end->ToIso();
  line("date", when);
  std::vector<std::string> where;
  for (const std::string* s : {&inc.place, &inc.admin2, &inc.admin1, &inc.country}) {
    if (!s->empty()) where.push_back(*s);
  }
  std::string where_text = Join(where, ", ");
  if (inc.lat && inc.lon) where_text += " (" + Num(*inc.lat) + ", " + Num(*inc.lon) + ")";
  line("where", where_text + " [geo_precision " + std::to_string(inc.geo_precision) + "]");
  line("type", inc.event_type + (inc.sub_event_type.empty() ? "" : " / " + inc.sub_event_type));
  line("perpetrator", inc.perpetrator);
  line("killed", inc.killed ? FigureText(*inc.killed) : "unknown");
  if (inc.injured) line("injured", FigureText(*inc.injured));
  for (const auto& [cat, f] : inc.killed_by_category) line("killed " + cat, FigureText(f));
  for (const auto& [name, f] : inc.other_figures) line(name, FigureText(f));
  if (!children.empty()) {
    o += "parts (" + std::to_string(children.size()) + "):\n";
    for (const Incident& c : children) {
      o += "  " + c.id + "  " + (c.date ? c.date->ToIso() : "no date") + "  " +
           (!c.place.empty()    ? c.place
            : !c.admin2.empty() ? c.admin2
                                : c.admin1) +
           (c.killed ? "  killed " + Num(c.killed->best) : "") + "\n";
    }
  }
  auto doc_line = [&](const std::string& id) {
    std::string s = "  " + id;
    if (auto it = articles.find(id); it != articles.end()) {
      const Article& a = it->second;
      s += "  " + a.source + "  " + (a.published ? a.published->ToIso() : "no date");
      if (!a.url.empty()) s += "  " + a.url;
      if (!a.copy_of.empty()) s += "  (copy of " + a.copy_of + ")";
    }
    return s + "\n";
  };
  o += "documents (" + std::to_string(inc.documents.size()) + "):\n";
  for (const std::string& d : inc.documents) o += doc_line(d);
  if (!inc.mentions.empty()) {
    o += "background mentions (" + std::to_string(inc.mentions.size()) + "):\n";
    for (const std::string& d : inc.mentions) o += doc_line(d);
  }
  o += "claims (" + std::to_string(inc.claims.size()) + "):\n";
  for (const Claim& c : inc.claims) {
    o += "  [" + c.doc_id + "] " + FieldName(c.field) + " " + Num(c.value) + " (" +
         QualifierName(c.qualifier) + ", " + CategoryName(c.category);
    // An open upper bound ("at least 23") is stored as infinity, or as 0 after a JSON round trip.
    const bool open_high = std::isinf(c.high) || c.high < c.low;
    if (c.low != c.value || c.high != c.value) {
      o += ", " + Num(c.low) + "-" + (open_high ? std::string() : Num(c.high));
    }
    if (!c.attributed_to.empty()) o += ", according to " + c.attributed_to;
    if (!c.independent) o += ", wire copy";
    o += ")\n      \"" + c.quote + "\" [" + std::to_string(c.span.begin) + "," +
         std::to_string(c.span.end) + ")\n";
  }
  if (!inc.contradictions.empty()) {
    o += "contradictions:\n";
    for (const Contradiction& c : inc.contradictions)
      o += "  " + c.field + ": " + c.description + "\n";
  }
  o += "why (" + std::to_string(inc.why.size()) + "):\n";
  for (const Reason& r : inc.why) {
    o += "  [" + r.doc_id + "] " + r.decision + " (score " + Num(r.score) + ")" +
         (r.detail.empty() ? "" : ": " + r.detail) + "\n";
  }
  return o;
}

int RunExplain(const ExplainCommand& cmd) {
  Result<std::unique_ptr<Store>> store = Store::Open(cmd.db, /*read_only=*/true);
  if (!store.ok()) {
    PrintError(store.status().message());
    return 1;
  }
  Result<Incident> inc = (*store)->GetIncident(cmd.incident_id);
  if (!inc.ok()) {
    PrintError(inc.status().message());
    return 1;
  }
  std::vector<Incident> children;
  Result<IncidentSet> all = (*store)->LoadIncidents();
  if (all.ok()) {
    for (Incident& c : all->incidents) {
      if (c.parent == inc->id) children.push_back(std::move(c));
    }
  }
  std::map<std::string, Article> articles;
  for (const auto* list : {&inc->documents, &inc->mentions}) {
    for (const std::string& d : *list) {
      if (Result<Article> a = (*store)->GetArticle(d); a.ok())
        articles.emplace(d, std::move(a).value());
    }
  }
  if (Status st = WriteOutput("", ExplainText(*inc, children, articles)); !st.ok()) {
    PrintError(st.message());
    return 1;
  }
  return 0;
}

std::string UsageText() {
  return R"(sitrep — news reports of political violence in, incident database out.

usage:
  sitrep analyze INPUT... [--out FILE] [--format json|csv|geojson] [--db FILE] [--bom] [options]
      Reads articles, finds incidents, writes a sitrep-incidents/1 JSON document (stdout
      without --out; CSV or GeoJSON by --format or --out's extension). With --db, also
      stores the articles, analyses and these incidents.
  sitrep ingest INPUT... --db FILE [options]
      Adds new articles to the database, analyses them and re-resolves all stored incidents.
  sitrep export --db FILE [--out FILE] [--format json|csv|geojson] [--bom]
      Writes the stored incidents as JSON, an ACLED-style CSV or GeoJSON.
  sitrep explain INCIDENT_ID --db FILE
      Prints an incident, its documents, its claims with their quotes and why it was formed.
  sitrep serve --db FILE [--port N]   HTTP API and web page
  sitrep gazetteer build|lookup|stats|geocode|folds ...   build and query the gazetteer
  sitrep bench simulate|run ...       simulated corpora and throughput
  sitrep version | help [COMMAND]

options (analyze, ingest): --threads N (default: all cores), --data DIR, --gazetteer FILE,
  --policy latest|conservative|likely (how each figure's best is chosen), --quiet

INPUT is a .jsonl file (doc_id, source, url, published, lang, text per line), a .json file,
a .txt or .html file, a folder of them (recursively), or - for standard input.

examples:
  sitrep analyze reports.jsonl --out incidents.json
  sitrep ingest reports/ --db conflict.db && sitrep export --db conflict.db --out acled.csv
  sitrep serve --db conflict.db --port 8080

'sitrep COMMAND --help' (or 'sitrep help COMMAND') details one command.
exit codes: 0 done (skipped inputs are reported on stderr), 1 nothing could be processed or a
fatal error (engine, database, output file), 2 usage error.
)";
}

std::string CommandHelp(std::string_view command) {
  static constexpr char kEngineOptions[] = R"(
  --threads N      worker threads (default 0 = all cores)
  --data DIR       data folder (default: SITREP_DATA, else the checkout's data/)
  --gazetteer FILE compiled gazetteer (default: DIR/gazetteer/gazetteer.bin)
  --policy P       how each figure's best is chosen: latest (default; the most recent specific
                   figure), conservative (the lowest credible one, ACLED-style) or likely (the
                   median of independent reports, UCDP-style)
  --quiet          no progress line, summary or notes (problems are still reported)

INPUT: a .jsonl file (one article per line: doc_id (a string or an integer), source, url,
published (null, YYYY-MM-DD, an ISO or RFC 2822 timestamp, "March 5, 2024", "5 March 2024" or
"2024/03/05"), lang, text), a .json file (an article or a list), a .txt, .md or .html file
(doc_id = file name), a folder of them (recursively; other files are skipped and counted), or -
for standard input. Another file named here is read by its content, with a note. Bad input is
reported on stderr as "sitrep: FILE:LINE: field 'x': problem" and the rest is processed.
)";
  if (command == "analyze" || command == "analyse") {
    return std::string(
               R"(usage: sitrep analyze INPUT... [--out FILE] [--format F] [--db FILE] [options]

Reads the articles, marks duplicates, finds and resolves incidents and writes them as a
sitrep-incidents/1 JSON document. A summary goes to stderr.
  --out FILE       where to write (default: stdout)
  --format F       json, csv (ACLED-style, see 'sitrep help export') or geojson; default: csv
                   for an --out ending in .csv, geojson for .geojson, else json
  --bom            CSV only: start with a UTF-8 byte-order mark, so that Excel shows accented
                   and non-Latin names correctly when the file is double-clicked
  --db FILE        also store the articles, their analyses and this run's incidents; the
                   stored incidents are REPLACED by this run's (use 'sitrep ingest' to grow a
                   database))") +
           kEngineOptions + R"(
examples:
  sitrep analyze reports.jsonl --out incidents.json
  sitrep analyze page.html notes.txt --policy conservative > incidents.json
  sitrep analyze reports/ --out incidents.csv             # an ACLED-style table
  cat reports.jsonl | sitrep analyze - --quiet --out incidents.json
)";
  }
  if (command == "ingest") {
    return std::string(R"(usage: sitrep ingest INPUT... --db FILE [options]

Grows a database: stores the articles it has not seen (a doc_id already stored with the same
text changes nothing), analyses them, re-resolves every stored analysis and replaces the stored
incidents. Running it again on the same input is a no-op.
  --db FILE        the SQLite database (created when missing))") +
           kEngineOptions + R"(
examples:
  sitrep ingest monday.jsonl --db conflict.db
  sitrep ingest tuesday/ --db conflict.db      # adds to Monday's incidents
)";
  }
  if (command == "export") {
    return R"(usage: sitrep export --db FILE [--out FILE] [--format json|csv|geojson] [--bom]

Writes the stored incidents, to stdout without --out. Without --format, an --out ending in
.csv gets CSV, one ending in .geojson GeoJSON, anything else JSON.
  --format json     the sitrep-incidents/1 document, as 'analyze' writes it
  --format csv      one row per incident with ACLED's column names (event_id_cnty, event_date,
                    year, time_precision, event_type, sub_event_type, actor1, iso, country,
                    admin1, admin2, location, latitude, longitude, geo_precision, source,
                    notes, fatalities) then fatalities_low, fatalities_high, injured_best,
                    parent_id. A story (a coordinated wave) has a row of its own holding the
                    wave's total, and its incidents name it in parent_id: to total the deaths,
                    sum the rows whose parent_id is empty. country is the English name, iso the
                    ISO 3166-1 numeric code; source lists the reporting outlets (empty when no
                    claim names one); notes quotes the first death report, else says what is
                    known (type, place, date). Text cells starting with = + - @ get a leading
                    ' so spreadsheets do not run them as formulas. UTF-8, CRLF line ends.
  --bom             CSV only: start with a UTF-8 byte-order mark, which Excel needs to show
                    accented and non-Latin names when the file is double-clicked (or use
                    Data > From Text/CSV and pick UTF-8)
  --format geojson  a FeatureCollection of Points ([lon, lat]); incidents without coordinates
                    are left out
  --out FILE        where to write (default: stdout)

examples:
  sitrep export --db conflict.db --out incidents.csv
  sitrep export --db conflict.db --out for-excel.csv --bom
  sitrep export --db conflict.db --format geojson > incidents.geojson
)";
  }
  if (command == "explain") {
    return R"(usage: sitrep explain INCIDENT_ID --db FILE

Prints one stored incident: date, place, type, perpetrator, figures, its parts if it is a story,
its documents, every claim with its verbatim quote and byte span, contradictions between
sources and the recorded reason for each decision. Incident ids are in the exported JSON/CSV.

example:
  sitrep explain i9c9f79ba4abc --db conflict.db
)";
  }
  return "";
}

}  // namespace sitrep
