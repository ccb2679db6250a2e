// Guard-page buffers for tests of scanners that read several bytes at a time.
//
// ASan only reports a read that leaves its heap allocation: a 16-byte load that runs past a
// std::string's size() into its capacity, or past a string_view's end into whatever follows,
// goes unnoticed, yet a view may end at the last byte of a mapped page, and then such a load
// faults. GuardedBytes puts its bytes so that the last one is the last byte of a readable page
// and the next page is PROT_NONE (or, with Guard::kBefore, so that the first byte is the first
// of a page after a PROT_NONE one): any read past the end (or before the start) is a SIGSEGV, so
// a test that runs a scanner on view() crashes on an over-read whatever its size.
//
// ForEachGuardedPrefix runs a check on every prefix of a text up to a length, each ending at a
// page's end: the tails a word-at-a-time loop handles last are then each tried.
//
// Tests only (POSIX mmap); not thread-safe: one buffer per test.
#ifndef SITREP_BASE_GUARD_PAGE_TEST_UTIL_H_
#define SITREP_BASE_GUARD_PAGE_TEST_UTIL_H_

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

namespace sitrep {
namespace testing_guard {

enum class Guard { kAfter, kBefore };

class GuardedBytes {
 public:
  // Room for up to `capacity` bytes next to the guard page; empty until Set().
  explicit GuardedBytes(size_t capacity, Guard guard = Guard::kAfter) : guard_(guard) {
    page_ = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    data_pages_ = std::max<size_t>(1, (capacity + page_ - 1) / page_);
    size_ = (data_pages_ + 1) * page_;
    void* m = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return;
    char* base = static_cast<char*>(m);
    char* guard_page = guard == Guard::kAfter ? base + data_pages_ * page_ : base;
    if (mprotect(guard_page, page_, PROT_NONE) != 0) {
      munmap(m, size_);
      return;
    }
    map_ = base;
    data_ = guard == Guard::kAfter ? base : base + page_;
  }
  GuardedBytes(const GuardedBytes&) = delete;
  GuardedBytes& operator=(const GuardedBytes&) = delete;
  ~GuardedBytes() {
    if (map_ != nullptr) munmap(map_, size_);
  }

  // False when the pages could not be mapped (the test should fail).
  bool ok() const { return map_ != nullptr; }
  size_t capacity() const { return data_pages_ * page_; }

  // Copies `bytes` (at most capacity()) next to the guard page and returns the view of the
  // copy: its end is the guard page's start (kAfter), or its start the guard page's end
  // (kBefore). Bytes before (or after) the view keep whatever they held; 0xAA at first.
  std::string_view Set(std::string_view bytes) {
    if (map_ == nullptr || bytes.size() > capacity()) return {};
    if (!filled_) {
      std::memset(data_, 0xAA, capacity());
      filled_ = true;
    }
    char* at = guard_ == Guard::kAfter ? data_ + capacity() - bytes.size() : data_;
    if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
    return std::string_view(at, bytes.size());
  }

 private:
  Guard guard_;
  size_t page_ = 4096;
  size_t data_pages_ = 1;
  size_t size_ = 0;
  char* map_ = nullptr;   // the whole mapping, guard page included
  char* data_ = nullptr;  // the readable pages
  bool filled_ = false;
};

// Calls check(view) for each prefix of `text` of 0..max_len bytes (up to text.size()), each
// placed against a guard page on the `guard` side. Returns false when no guard page could be
// mapped (check is then never called).
template <typename Check>
bool ForEachGuardedPrefix(std::string_view text, size_t max_len, Check check,
                          Guard guard = Guard::kAfter) {
  GuardedBytes buf(std::max<size_t>(text.size(), 1), guard);
  if (!buf.ok()) return false;
  const size_t last = std::min(max_len, text.size());
  for (size_t len = 0; len <= last; ++len) check(buf.Set(text.substr(0, len)));
  return true;
}

}  // namespace testing_guard
}  // namespace sitrep

#endif  // SITREP_BASE_GUARD_PAGE_TEST_UTIL_H_
