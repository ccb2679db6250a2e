// sitrep: command-line parsing and dispatch only; the commands live in cli/commands.h.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/gazetteer_cmd.h"
#include "resolve/reconcile.h"
#if __has_include("server/serve_cmd.h")
#include "server/serve_cmd.h"
#define SITREP_HAVE_SERVE 1
#endif
#if __has_include("cli/bench_cmd.h")
#include "cli/bench_cmd.h"
#define SITREP_HAVE_BENCH 1
#endif

namespace {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE
  std::set<std::string> switches;             // --name
};

int Usage(const std::string& problem) {
  std::fprintf(stderr, "sitrep: %s\n(run 'sitrep help' for usage)\n", problem.c_str());
  return 2;
}

// Parses argv[first..] accepting the listed options; false (and a message) on anything else.
bool Parse(int argc, char** argv, int first, const std::set<std::string>& with_value,
           const std::set<std::string>& switches, Args* out, std::string* problem) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() < 2 || a[0] != '-' || a == "-") {
      out->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      for (++i; i < argc; ++i) out->positional.emplace_back(argv[i]);
      break;
    }
    std::string value;
    bool has_inline = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      has_inline = true;
    }
    if (with_value.count(a) > 0) {
      if (!has_inline) {
        if (i + 1 >= argc) {
          *problem = "option " + a + " needs a value";
          return false;
        }
        value = argv[++i];
      }
      out->values[a] = value;
    } else if (switches.count(a) > 0 && !has_inline) {
      out->switches.insert(a);
    } else {
      *problem = "unknown option '" + a + "'";
      return false;
    }
  }
  return true;
}

int PrintHelp(const std::string& command) {
  std::fputs(sitrep::CommandHelp(command).c_str(), stdout);
  return 0;
}

bool ParseEngineFlags(const Args& args, sitrep::EngineFlags* f, std::string* problem) {
  auto get = [&](const char* k) {
    auto it = args.values.find(k);
    return it == args.values.end() ? std::string() : it->second;
  };
  f->data_dir = get("--data");
  f->gazetteer = get("--gazetteer");
  f->policy = get("--policy");
  // A misspelt policy is a usage error (2), caught before the engine loads.
  if (!f->policy.empty()) {
    if (sitrep::Result<sitrep::Policy> p = sitrep::ParsePolicy(f->policy); !p.ok()) {
      *problem = "--policy: " + p.status().message();
      return false;
    }
  }
  f->quiet = args.switches.count("--quiet") > 0;
  if (std::string t = get("--threads"); !t.empty()) {
    char* end = nullptr;
    long n = std::strtol(t.c_str(), &end, 10);
    if (end == t.c_str() || *end != '\0' || n < 0 || n > 1024) {
      *problem = "--threads: expected a number from 0 to 1024, got '" + t + "'";
      return false;
    }
    f->threads = static_cast<int>(n);
  }
  return true;
}

// The whole command line; main() only calls it (C++ forbids calling main itself).
int Run(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(sitrep::UsageText().c_str(), stderr);
    return 2;
  }
  const std::string command = argv[1];
  if (command == "help" || command == "--help" || command == "-h") {
    if (argc < 3) {
      std::fputs(sitrep::UsageText().c_str(), stdout);
      return 0;
    }
    // `sitrep help COMMAND` runs `sitrep COMMAND --help`.
    std::string topic = argv[2], help_flag = "--help";
    if (topic.empty() || topic[0] == '-' || topic == "help") return Run(2, argv);
    char* help_argv[] = {argv[0], topic.data(), help_flag.data(), nullptr};
    return Run(3, help_argv);
  }
  if (command == "version" || command == "--version") {
    std::printf("sitrep %s\n", sitrep::kSitrepVersion);
    return 0;
  }
  if (command == "gazetteer") return sitrep::RunGazetteerCommand(argc - 1, argv + 1);
#ifdef SITREP_HAVE_SERVE
  if (command == "serve") return sitrep::RunServeCommand(argc - 1, argv + 1);
#endif
#ifdef SITREP_HAVE_BENCH
  if (command == "bench") return sitrep::RunBenchCommand(argc - 1, argv + 1);
#endif

  const std::set<std::string> engine_values = {"--threads", "--data", "--gazetteer", "--policy"};
  Args args;
  std::string problem;
  auto wants_help = [&] { return args.switches.count("--help") > 0; };
  if (command == "analyze" || command == "analyse") {
    std::set<std::string> values = engine_values;
    values.insert({"--out", "--db", "--format"});
    if (!Parse(argc, argv, 2, values, {"--quiet", "--help", "--bom"}, &args, &problem))
      return Usage(problem);
    if (wants_help()) return PrintHelp(command);
    sitrep::AnalyzeCommand cmd;
    cmd.inputs = args.positional;
    cmd.out = args.values["--out"];
    cmd.db = args.values["--db"];
    cmd.format = args.values["--format"];
    cmd.bom = args.switches.count("--bom") > 0;
    if (cmd.inputs.empty()) return Usage("analyze: no INPUT given");
    if (!ParseEngineFlags(args, &cmd.engine, &problem)) return Usage(problem);
    return sitrep::RunAnalyze(cmd);
  }
  if (command == "ingest") {
    std::set<std::string> values = engine_values;
    values.insert("--db");
    if (!Parse(argc, argv, 2, values, {"--quiet", "--help"}, &args, &problem))
      return Usage(problem);
    if (wants_help()) return PrintHelp(command);
    sitrep::IngestCommand cmd;
    cmd.inputs = args.positional;
    cmd.db = args.values["--db"];
    if (cmd.inputs.empty()) return Usage("ingest: no INPUT given");
    if (cmd.db.empty()) return Usage("ingest: --db FILE is required");
    if (!ParseEngineFlags(args, &cmd.engine, &problem)) return Usage(problem);
    return sitrep::RunIngest(cmd);
  }
  if (command == "export") {
    if (!Parse(argc, argv, 2, {"--db", "--format", "--out"}, {"--help", "--bom"}, &args,
               &problem)) {
      return Usage(problem);
    }
    if (wants_help()) return PrintHelp(command);
    sitrep::ExportCommand cmd;
    cmd.db = args.values["--db"];
    cmd.format = args.values["--format"];
    cmd.out = args.values["--out"];
    cmd.bom = args.switches.count("--bom") > 0;
    if (cmd.db.empty()) return Usage("export: --db FILE is required");
    if (!args.positional.empty()) return Usage("export: unexpected '" + args.positional[0] + "'");
    return sitrep::RunExport(cmd);
  }
  if (command == "explain") {
    if (!Parse(argc, argv, 2, {"--db"}, {"--help"}, &args, &problem)) return Usage(problem);
    if (wants_help()) return PrintHelp(command);
    sitrep::ExplainCommand cmd;
    cmd.db = args.values["--db"];
    if (args.positional.size() != 1) return Usage("explain: give exactly one INCIDENT_ID");
    if (cmd.db.empty()) return Usage("explain: --db FILE is required");
    cmd.incident_id = args.positional[0];
    return sitrep::RunExplain(cmd);
  }
  return Usage("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
