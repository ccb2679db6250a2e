// Where sitrep finds its data files (lexicons, rule tables, the compiled gazetteer).
//
// Order: an explicit directory set with SetDataDir(), the SITREP_DATA environment variable, then
// the checkout's data/ folder compiled in at build time. Thread-safe after start-up (set once).
#ifndef SITREP_BASE_DATA_DIR_H_
#define SITREP_BASE_DATA_DIR_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

void SetDataDir(std::string dir);
const std::string& DataDir();
// Path of `name` under the data dir.
std::string DataPath(std::string_view name);
// Reads a whole file; the error names the path.
Result<std::string> ReadFile(const std::string& path);

}  // namespace sitrep

#endif  // SITREP_BASE_DATA_DIR_H_
