#include "resolve/spill.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace sitrep {

namespace {
constexpr size_t kBufferBytes = 1 << 20;  // writes in 1 MiB pieces
}  // namespace

SpillFile::SpillFile() : SpillFile(std::tmpfile()) {}

SpillFile::SpillFile(std::FILE* file) : file_(file) {}

SpillFile::~SpillFile() {
  if (file_ != nullptr) std::fclose(file_);
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      buffer_(std::move(other.buffer_)),
      flushed_(std::exchange(other.flushed_, 0)),
      size_(std::exchange(other.size_, 0)) {
  other.buffer_.clear();
}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    buffer_ = std::move(other.buffer_);
    other.buffer_.clear();
    flushed_ = std::exchange(other.flushed_, 0);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SpillFile::Flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  // Positioned writes and reads on the descriptor, not stdio: a read is one system call for
  // exactly its bytes (no seek, no block read into a stdio buffer), and a write that fails part
  // way is simply written again at the same offset by the next Flush().
  const int fd = fileno(file_);
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = pwrite(fd, buffer_.data() + done, buffer_.size() - done,
                             static_cast<off_t>(flushed_ + done));
    if (n < 0 && errno == EINTR) continue;
    // The disk refused: keep the rest in memory (correct, just not bounded). Earlier bytes
    // stay readable from the file.
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
  flushed_ += buffer_.size();
  buffer_.clear();
}

SpillFile::Ref SpillFile::Append(std::string_view bytes) {
  if (bytes.empty()) return {};
  Ref ref{size_, static_cast<uint32_t>(bytes.size())};
  buffer_.append(bytes);
  size_ += bytes.size();
  if (buffer_.size() >= kBufferBytes) Flush();
  return ref;
}

Result<std::string> SpillFile::Read(Ref ref) {
  if (ref.size == 0) return std::string();
  if (ref.offset + ref.size > size_) {
    return Internal("spill file: " + std::to_string(ref.size) + " bytes at offset " +
                    std::to_string(ref.offset) + " lie past the " + std::to_string(size_) +
                    " bytes appended");
  }
  std::string out(ref.size, '\0');
  size_t done = 0;
  if (ref.offset < flushed_) {  // the part already in the file
    const size_t n = static_cast<size_t>(std::min<uint64_t>(ref.size, flushed_ - ref.offset));
    const int fd = fileno(file_);
    while (done < n) {
      const ssize_t got =
          pread(fd, out.data() + done, n - done, static_cast<off_t>(ref.offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        return IoError("spill file: reading " + std::to_string(n - done) + " bytes at offset " +
                       std::to_string(ref.offset + done) + ": " +
                       (got < 0 ? std::strerror(errno) : "the file ends before them"));
      }
      done += static_cast<size_t>(got);
    }
  }
  if (done < ref.size) {
    const uint64_t from = ref.offset + done - flushed_;
    out.replace(done, ref.size - done, buffer_, static_cast<size_t>(from), ref.size - done);
  }
  return out;
}

}  // namespace sitrep
