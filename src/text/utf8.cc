#include "text/utf8.h"

#include <cstdint>
#include <cstring>

namespace sitrep {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the well-formed sequence starting at p[0] (1..4), or 0 if ill-formed; on 0,
// *bad_len is the length of the maximal ill-formed subpart to replace (at least 1).
inline size_t DecodeLen(const unsigned char* p, size_t avail, size_t* bad_len) {
  unsigned char b0 = p[0];
  *bad_len = 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 < 0x80) return 1;
  if (b0 < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (b0 < 0xE0) {
    need = 2;
  } else if (b0 < 0xF0) {
    need = 3;
    if (b0 == 0xE0)
      lo = 0xA0;  // overlong
    else if (b0 == 0xED)
      hi = 0x9F;  // surrogates
  } else if (b0 < 0xF5) {
    need = 4;
    if (b0 == 0xF0)
      lo = 0x90;  // overlong
    else if (b0 == 0xF4)
      hi = 0x8F;  // > U+10FFFF
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (k >= avail) return 0;  // truncated: the bytes seen so far form one subpart
    unsigned char b = p[k];
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
    *bad_len = k + 1;
  }
  // All bytes matched; the subpart length is irrelevant on success.
  return need;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* first_bad) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & kHighBits) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t bad;
    size_t len = DecodeLen(p + i, n - i, &bad);
    if (len == 0) {
      if (first_bad != nullptr) *first_bad = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::string RepairUtf8(std::string_view s, size_t* n_repaired) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size() + 8);
  size_t repaired = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0, run = 0;  // [run, i) is pending well-formed text
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      // Stop on high bits or on a zero byte (NUL repair).
      if ((w & kHighBits) || ((w - 0x0101010101010101ULL) & ~w & kHighBits)) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char b = p[i];
    if (b == 0) {
      out.append(s.data() + run, i - run);
      out.push_back(' ');
      ++repaired;
      run = ++i;
      continue;
    }
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t bad;
    size_t len = DecodeLen(p + i, n - i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    out.append(s.data() + run, i - run);
    out.append(kReplacement, 3);
    ++repaired;
    i += bad;
    run = i;
  }
  out.append(s.data() + run, n - run);
  if (n_repaired != nullptr) *n_repaired = repaired;
  return out;
}

}  // namespace sitrep
