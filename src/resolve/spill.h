// SpillFile: an append-only scratch store of byte strings, kept in an anonymous temporary file
// (tmpfile(3), gone when closed), so that what a long resolution only needs again at the end
// (encoded claims, why[] reasons) does not stay in memory. Append() returns a small reference;
// Read() gives the bytes back, or an error when the file cannot be read back (an I/O error) or
// the reference lies past what was appended. If no temporary file can be made the bytes are kept
// in memory instead: same results, only the memory bound is lost.
//
// The FILE is kept only for its descriptor and its removal on close: every read and write is a
// positioned pread/pwrite on fileno(), never stdio, so no stdio buffer or offset is involved.
// Short strings are read back through a small cache of file blocks (kCachedBlocks of
// kBlockBytes): resolution reads its strings back many at a time from the same region, and one
// system call per string cost more than the rest of the read (35k preads for 10k articles).
//
// Thread safety: one thread at a time (the write buffer is shared state). Movable,
// not copyable; the file is closed (and removed by the system) on destruction.
#ifndef SITREP_RESOLVE_SPILL_H_
#define SITREP_RESOLVE_SPILL_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

class SpillFile {
 public:
  // Where Append() put a string: `size` bytes at `offset`. size 0 = the empty string.
  struct Ref {
    uint64_t offset = 0;
    uint32_t size = 0;
    bool empty() const { return size == 0; }
  };

  SpillFile();
  // Keeps its strings in `file` (owned from here; nullptr: in memory), for tests that need a
  // file they can break under it.
  explicit SpillFile(std::FILE* file);
  ~SpillFile();
  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Stores `bytes` (at most 4 GiB - 1 per string); the empty string costs nothing.
  Ref Append(std::string_view bytes);
  // The bytes of `ref` ("" for an empty reference). An IoError when the file cannot be read back
  // (a failed or short read), an Internal error for a reference past the bytes appended.
  Result<std::string> Read(Ref ref);
  uint64_t bytes() const { return size_; }  // appended so far
  bool on_disk() const { return file_ != nullptr; }

  // Strings shorter than a block are read through the cache; longer ones straight from the file.
  static constexpr size_t kBlockBytes = 1 << 18;
  static constexpr size_t kCachedBlocks = 16;  // at most 4 MiB of cached file bytes

 private:
  // A block of the file as read: `bytes` from offset `start` (a multiple of kBlockBytes; shorter
  // than a block when the file was shorter then).
  struct Block {
    uint64_t start = UINT64_MAX;  // none
    uint64_t last_use = 0;
    std::string bytes;
  };

  void Flush();
  // Reads exactly `n` bytes at `offset` of the file into `out`; an IoError naming the offset.
  Status ReadFile(uint64_t offset, size_t n, char* out);
  // The cached block starting at `start` holding at least up to `end`, read in when needed.
  Result<const Block*> CachedBlock(uint64_t start, uint64_t end);

  std::FILE* file_ = nullptr;
  std::string buffer_;         // not yet written (or everything, without a file)
  uint64_t flushed_ = 0;       // bytes in the file
  uint64_t size_ = 0;          // flushed_ + buffer_.size()
  std::vector<Block> blocks_;  // the read cache, least recently used replaced first
  uint64_t reads_ = 0;         // use stamp for blocks_
};

}  // namespace sitrep

#endif  // SITREP_RESOLVE_SPILL_H_
