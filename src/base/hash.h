// 64-bit FNV-1a: a fast, stable (across runs and machines) hash of bytes, for keys that are
// written to disk or compared between builds (the fold table's rules tag) and for in-memory
// blocking keys. Not for adversarial input. Thread-safe: pure functions.
#ifndef SITREP_BASE_HASH_H_
#define SITREP_BASE_HASH_H_

#include <cstdint>
#include <string_view>

namespace sitrep {

inline constexpr uint64_t kFnvBasis = 14695981039346656037ull;  // Fnv1a("")
// The offset basis one digit short that resolve's and the gazetteer's hashes have always
// started from: incident ids and the compiled gazetteer's key hashes depend on it, so they keep
// it (Fnv1aAppend(kShortFnvBasis, s)).
inline constexpr uint64_t kShortFnvBasis = 1469598103934665603ull;
inline constexpr uint64_t kFnvPrime = 1099511628211ull;

// Continues the hash `h` over the bytes of `s` (Fnv1a(a + b) == Fnv1aAppend(Fnv1a(a), b)).
constexpr uint64_t Fnv1aAppend(uint64_t h, std::string_view s) {
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return h;
}

constexpr uint64_t Fnv1a(std::string_view s) { return Fnv1aAppend(kFnvBasis, s); }

}  // namespace sitrep

#endif  // SITREP_BASE_HASH_H_
