#include "base/data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

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
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path + ": cannot open: " + std::strerror(errno));
  // Straight into the string, sized from the file when it has a size: a stream would read it
  // 8 KiB per system call into a buffer that is copied twice more (a corpus is tens of MB).
  std::string out;
  struct stat st;
  size_t want = 1 << 16;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    want = static_cast<size_t>(st.st_size) + 1;  // +1: the read that sees the end needs room
  }
  out.resize(want);
  size_t size = 0;
  while (true) {
    if (size == out.size()) out.resize(out.size() * 2);  // a pipe, or a file still growing
    const ssize_t n = read(fd, out.data() + size, out.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      close(fd);
      return IoError(path + ": read failed: " + std::strerror(err));
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  close(fd);
  out.resize(size);
  return out;
}

}  // namespace sitrep
