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
      size_(std::exchange(other.size_, 0)),
      blocks_(std::move(other.blocks_)),
      reads_(std::exchange(other.reads_, 0)) {
  other.buffer_.clear();
  other.blocks_.clear();
}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    buffer_ = std::move(other.buffer_);
    other.buffer_.clear();
    flushed_ = std::exchange(other.flushed_, 0);
    size_ = std::exchange(other.size_, 0);
    blocks_ = std::move(other.blocks_);
    other.blocks_.clear();
    reads_ = std::exchange(other.reads_, 0);
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

Status SpillFile::ReadFile(uint64_t offset, size_t n, char* out) {
  const int fd = fileno(file_);
  size_t done = 0;
  while (done < n) {
    const ssize_t got = pread(fd, out + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      return IoError("spill file: reading " + std::to_string(n - done) + " bytes at offset " +
                     std::to_string(offset + done) + ": " +
                     (got < 0 ? std::strerror(errno) : "the file ends before them"));
    }
    done += static_cast<size_t>(got);
  }
  return Status::Ok();
}

Result<const SpillFile::Block*> SpillFile::CachedBlock(uint64_t start, uint64_t end) {
  ++reads_;
  Block* victim = nullptr;
  for (Block& b : blocks_) {
    if (b.start == start) {
      if (b.start + b.bytes.size() >= end) {
        b.last_use = reads_;
        return &b;
      }
      victim = &b;  // read while the file was shorter: read it again
      break;
    }
  }
  if (victim == nullptr) {
    if (blocks_.size() < kCachedBlocks) {
      victim = &blocks_.emplace_back();
    } else {
      victim = &*std::min_element(
          blocks_.begin(), blocks_.end(),
          [](const Block& a, const Block& b) { return a.last_use < b.last_use; });
    }
  }
  const size_t n = static_cast<size_t>(std::min<uint64_t>(kBlockBytes, flushed_ - start));
  victim->bytes.resize(n);
  if (Status s = ReadFile(start, n, victim->bytes.data()); !s.ok()) {
    victim->start = UINT64_MAX;  // nothing trustworthy in it
    victim->bytes.clear();
    return s;
  }
  victim->start = start;
  victim->last_use = reads_;
  return victim;
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
    if (n >= kBlockBytes) {
      if (Status s = ReadFile(ref.offset, n, out.data()); !s.ok()) return s;
      done = n;
    }
    while (done < n) {
      const uint64_t pos = ref.offset + done;
      const uint64_t start = pos - pos % kBlockBytes;
      const uint64_t end = std::min<uint64_t>(ref.offset + n, start + kBlockBytes);
      Result<const Block*> block = CachedBlock(start, end);
      if (!block.ok()) return block.status();
      const size_t take = static_cast<size_t>(end - pos);
      std::memcpy(out.data() + done, (*block)->bytes.data() + (pos - start), take);
      done += take;
    }
  }
  if (done < ref.size) {
    const uint64_t from = ref.offset + done - flushed_;
    out.replace(done, ref.size - done, buffer_, static_cast<size_t>(from), ref.size - done);
  }
  return out;
}

}  // namespace sitrep
