// `sitrep serve`: argument parsing for the HTTP server (server.h).
//
//   sitrep serve --db FILE [--port N] [--host ADDR] [--token T] [--web DIR] [--threads N]
//                [--max-body BYTES] [--data DIR] [--gazetteer FILE]
//
// The ingest token may also come from the SITREP_TOKEN environment variable (keeps it out of
// the process list). Exit codes: 0 after a clean stop (SIGINT/SIGTERM), 1 on a runtime error
// (database, socket), 2 on a usage error. Messages go to stderr.
#ifndef SITREP_SERVER_SERVE_CMD_H_
#define SITREP_SERVER_SERVE_CMD_H_

#include "base/status.h"
#include "server/api.h"

namespace sitrep {

// argv[0] is the command name ("serve"); options follow.
int RunServeCommand(int argc, char** argv);

// The parsing half, for tests. InvalidArgument names the bad option; `*help` is set for --help.
Result<ServerOptions> ParseServeArgs(int argc, char** argv, bool* help);

}  // namespace sitrep

#endif  // SITREP_SERVER_SERVE_CMD_H_
