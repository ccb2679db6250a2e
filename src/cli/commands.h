// The `sitrep` commands as library functions: sitrep_main.cc parses the command line into these
// option structs and calls one Run* function, which returns the process exit code.
//
// Exit codes (also in README.md):
//   0  the command did its work; some inputs may have been skipped (each reported on stderr)
//   1  nothing could be processed (no readable article), or a fatal error: the engine, the
//      database or the output file could not be opened or written
//   2  usage error (unknown command or option, missing argument)
//
// Messages go to stderr, one line each, "sitrep: FILE:LINE: field 'x': message". Results go to
// the --out file (written whole, then renamed into place) or stdout. A progress line is drawn on
// stderr only when stderr is a terminal and --quiet is not given.
#ifndef SITREP_CLI_COMMANDS_H_
#define SITREP_CLI_COMMANDS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/incident.h"

namespace sitrep {

inline constexpr char kSitrepVersion[] = "0.1.0";

struct EngineFlags {
  std::string data_dir;   // --data
  std::string gazetteer;  // --gazetteer
  std::string policy;     // --policy: how `best` is chosen (resolve/reconcile.h)
  int threads = 0;        // --threads (0 = all cores)
  bool quiet = false;     // --quiet: no progress, no summary (errors are still printed)
};

struct AnalyzeCommand {
  std::vector<std::string> inputs;
  std::string out;     // "" or "-" = stdout
  std::string format;  // json | csv | geojson; "" = by --out's extension (OutputFormat)
  std::string db;      // also store articles, analyses and this run's incidents
  bool bom = false;    // --bom: a UTF-8 byte-order mark before a CSV (OutputFormat)
  EngineFlags engine;
};

struct IngestCommand {
  std::vector<std::string> inputs;
  std::string db;
  EngineFlags engine;
};

struct ExportCommand {
  std::string db;
  std::string format;  // json | csv | geojson; "" = by --out's extension (OutputFormat)
  std::string out;
  bool bom = false;  // --bom: a UTF-8 byte-order mark before a CSV (OutputFormat)
};

struct ExplainCommand {
  std::string incident_id;
  std::string db;
};

// analyze: read → dedup → analyse → resolve → write sitrep-incidents/1.
int RunAnalyze(const AnalyzeCommand& cmd);
// ingest: add new articles to the database, analyse them (and stored articles whose duplicate
// status changed or that lack an analysis), re-resolve every stored analysis, replace incidents.
int RunIngest(const IngestCommand& cmd);
int RunExport(const ExportCommand& cmd);
int RunExplain(const ExplainCommand& cmd);

// The human-readable `explain` text of one incident: its fields, children, documents (with the
// outlet and date from `articles` when known), claims with their quotes, and the why[] reasons.
std::string ExplainText(const Incident& inc, const std::vector<Incident>& children,
                        const std::map<std::string, Article>& articles);

// The warning `analyze --db` prints when the database `db`, holding `stored` articles after the
// run, has articles that `run` did not read (their incidents were just replaced); "" when the
// run read every stored article.
std::string ReplacedIncidentsWarning(const std::string& db, size_t stored,
                                     const std::vector<Article>& run);

// The output format: `format` when given (json, csv or geojson; anything else is an
// InvalidArgument naming --format), else csv for an `out` ending in .csv, geojson for .geojson,
// and json otherwise (stdout included), so `--out incidents.csv` never holds JSON. `bom` (--bom)
// is allowed for CSV only: anything else is an InvalidArgument naming --bom.
Result<std::string> OutputFormat(const std::string& format, const std::string& out,
                                 bool bom = false);
// The incidents as OutputFormat() names them (sitrep-incidents/1 JSON, CSV or GeoJSON); `bom`
// puts a UTF-8 byte-order mark before a CSV (Excel reads a CSV without one in a legacy code page).
std::string FormatIncidents(const IncidentSet& set, const std::string& format, bool bom = false);

// Ok when WriteOutput(path, ...) can be expected to succeed ("" and "-" are stdout): the folder
// exists and is writable and `path` is not a folder. Checked before long work, so a typo in
// --out fails at once instead of after the analysis.
Status CheckOutputPath(const std::string& path);

// Writes `content` to `path` ("" or "-" = stdout) via a temporary file and a rename, so a
// failed run never leaves half a file.
Status WriteOutput(const std::string& path, const std::string& content);

// The overview `sitrep help` prints.
std::string UsageText();
// The detailed help, with examples, of analyze, ingest, export or explain ("" for any other).
std::string CommandHelp(std::string_view command);

}  // namespace sitrep

#endif  // SITREP_CLI_COMMANDS_H_
