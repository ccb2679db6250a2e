// StrMap: a flat open-addressing hash map from short strings to small values, for the geocoder's
// per-word lookups (word classes, the per-thread n-gram cache).
//
// std::unordered_map<std::string, V> costs a node allocation per entry, a pointer chase per probe
// and a std::string key to look up; here keys are copied into one arena, slots are contiguous and
// carry the full 64-bit hash (compared before the bytes), and lookups take a std::string_view.
// Only insert, overwrite, find and clear: no erase, no iteration order anyone may depend on.
//
// Thread safety: none inside; a const StrMap may be read from many threads.
#ifndef SITREP_GEO_STR_MAP_H_
#define SITREP_GEO_STR_MAP_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

// A fast 64-bit hash of a short byte string (8 bytes per step); not for untrusted adversarial keys
// in long-lived tables, which these are not (word lists, one thread's cache).
inline uint64_t StrMapHash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  // The last 1-7 bytes with fixed-size loads (a variable-size memcpy is a library call): the
  // last 8 bytes of the string when it is that long, else two overlapping 4-byte loads, else
  // the first, middle and last byte. Together they cover every byte; the length is in the seed.
  if (n > 0) {
    uint64_t v;
    if (s.size() >= 8) {
      std::memcpy(&v, s.data() + s.size() - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      v = (uint64_t{a} << 32) | b;
    } else {
      v = uint64_t{static_cast<unsigned char>(p[0])} |
          uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
          uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
    }
    h = (h ^ v) * 0x94D049BB133111EBull;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

template <typename V>
class StrMap {
 public:
  StrMap() { Rehash(16); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Removes every entry; keeps the memory.
  void Clear() {
    if (size_ == 0) return;
    for (Slot& s : slots_) s.used = false;
    arena_.clear();
    size_ = 0;
  }

  // The value under `key`, or nullptr. The pointer is valid until the next Insert or Clear.
  const V* Find(std::string_view key) const { return Find(key, StrMapHash(key)); }
  const V* Find(std::string_view key, uint64_t hash) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == hash && KeyOf(s) == key) return &s.value;
    }
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // The value under `key`, inserted as V() when absent.
  V& operator[](std::string_view key) { return Get(key, StrMapHash(key)); }
  // Sets the value under `key`, replacing any.
  void Insert(std::string_view key, const V& value) { operator[](key) = value; }
  V& Get(std::string_view key, uint64_t hash) {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        if (2 * (size_ + 1) > slots_.size()) {
          Rehash(2 * slots_.size());
          return Get(key, hash);
        }
        s.used = true;
        s.hash = hash;
        s.key_begin = static_cast<uint32_t>(arena_.size());
        s.key_size = static_cast<uint32_t>(key.size());
        arena_.append(key);
        s.value = V();
        ++size_;
        return s.value;
      }
      if (s.hash == hash && KeyOf(s) == key) return s.value;
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_begin = 0, key_size = 0;
    bool used = false;
    V value = V();
  };
  std::string_view KeyOf(const Slot& s) const {
    return std::string_view(arena_.data() + s.key_begin, s.key_size);
  }
  void Rehash(size_t cap) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_GEO_STR_MAP_H_
