#include "base/data_dir.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sitrep {
namespace {

std::string& Dir() {
  static std::string dir = [] {
    const char* env = std::getenv("SITREP_DATA");
    if (env != nullptr && *env != '\0') return std::string(env);
    return std::string(SITREP_SOURCE_DIR) + "/data";
  }();
  return dir;
}

}  // namespace

void SetDataDir(std::string dir) { Dir() = std::move(dir); }
const std::string& DataDir() { return Dir(); }
std::string DataPath(std::string_view name) { return Dir() + "/" + std::string(name); }

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ss.str();
}

}  // namespace sitrep
