#include "resolve/spill.h"

#include <algorithm>
#include <utility>

namespace sitrep {

namespace {
constexpr size_t kBufferBytes = 1 << 20;  // writes in 1 MiB pieces
}  // namespace

SpillFile::SpillFile() : file_(std::tmpfile()) {}

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
  if (std::fseek(file_, 0, SEEK_END) != 0 ||
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    // The disk refused: keep the rest in memory (correct, just not bounded). Earlier bytes
    // stay readable from the file.
    return;
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

std::string SpillFile::Read(Ref ref) {
  if (ref.size == 0 || ref.offset + ref.size > size_) return {};
  std::string out(ref.size, '\0');
  size_t done = 0;
  if (ref.offset < flushed_) {  // the part already in the file
    const size_t n = static_cast<size_t>(std::min<uint64_t>(ref.size, flushed_ - ref.offset));
    if (std::fseek(file_, static_cast<long>(ref.offset), SEEK_SET) != 0 ||
        std::fread(out.data(), 1, n, file_) != n) {
      return {};
    }
    done = n;
  }
  if (done < ref.size) {
    const uint64_t from = ref.offset + done - flushed_;
    out.replace(done, ref.size - done, buffer_, static_cast<size_t>(from), ref.size - done);
  }
  return out;
}

}  // namespace sitrep
