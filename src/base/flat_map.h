// FlatMap: the project's one flat open-addressing hash map, for small hot tables (the geocoder's
// word classes, per-thread caches, per-article context tables keyed by id pairs).
//
// std::unordered_map costs a node allocation per entry and a pointer chase per probe; here slots
// are contiguous, probing is linear from `hash & (capacity - 1)`, and the table doubles before it
// is more than half full (capacity is a power of two, at least 16). Two key kinds:
//   - std::string keys: the bytes are copied into one arena owned by the map (no allocation per
//     entry), each slot keeps the full 64-bit hash (compared before the bytes), lookups take a
//     std::string_view (heterogeneous, no std::string is built) and may pass a hash the caller
//     already computed (it must equal Hash{}(key)).
//   - any other key (ids, id pairs): copied into the slot; the hash is recomputed on rehash.
//     Find/Get with several arguments build the key from them: Get(a, b) is Get(K(a, b)).
// Only insert, overwrite, find and clear: no erase and no iteration, so no order anyone may
// depend on (the probe order decides nothing but speed).
//
// Missing keys: Find returns nullptr; Get / operator[] insert V() and return a reference to it.
// Pointers and references are valid until the next insertion or Clear. Clear keeps the memory
// (slots and arena), so a table reused by one thread allocates nothing once it has grown.
//
// Thread safety: none inside; a const FlatMap, once built, may be read from many threads.
// Hash must be a cheap stateless functor returning uint64_t; Eq compares a stored key with a
// looked-up one (std::equal_to<> unless K needs otherwise).
#ifndef SITREP_BASE_FLAT_MAP_H_
#define SITREP_BASE_FLAT_MAP_H_

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sitrep {

// A fast 64-bit hash of a short byte string (8 bytes per step); not for untrusted adversarial
// keys in long-lived tables, which these are not (word lists, one thread's cache). Its values
// decide probe order only; they are never stored on disk. Always inlined: the geocoder hashes
// every word of every article, and an out-of-line call costs more than the hash of a short word.
[[gnu::always_inline]] inline uint64_t FlatMapHash(std::string_view s) {
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

struct FlatStringHash {
  uint64_t operator()(std::string_view s) const { return FlatMapHash(s); }
};

// A pair of small dense ids (e.g. name id, country id) as one key.
struct IdPair {
  uint32_t a = 0, b = 0;
  IdPair() = default;
  IdPair(uint32_t first, uint32_t second) : a(first), b(second) {}
  friend bool operator==(const IdPair&, const IdPair&) = default;
};
// Both ids are small and dense: multiply-shift spreads them over the table's low bits.
struct IdPairHash {
  uint64_t operator()(const IdPair& k) const {
    uint64_t h = ((uint64_t{k.a} << 32) | k.b) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }
};

template <typename K>
struct FlatMapDefaultHash;
template <>
struct FlatMapDefaultHash<std::string> : FlatStringHash {};
template <>
struct FlatMapDefaultHash<IdPair> : IdPairHash {};

template <typename K, typename V, typename Hash = FlatMapDefaultHash<K>,
          typename Eq = std::equal_to<>>
class FlatMap {
  static constexpr bool kStringKey = std::is_same_v<K, std::string>;
  // What lookups take: a string_view for string keys, else the key itself.
  using Lookup = std::conditional_t<kStringKey, std::string_view, K>;

 public:
  FlatMap() { Rehash(16); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Number of slots (a power of two, more than twice size()).
  size_t capacity() const { return slots_.size(); }

  // Removes every entry; keeps the memory.
  void Clear() {
    if (size_ == 0) return;
    for (Slot& s : slots_) s.used = false;
    if constexpr (kStringKey) arena_.clear();
    size_ = 0;
  }

  // The value under `key`, or nullptr.
  const V* Find(const Lookup& key) const { return Find(key, Hash{}(key)); }
  // The same with `hash` == Hash{}(key) already known.
  const V* Find(const Lookup& key, uint64_t hash) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (SameKey(s, key, hash)) return &s.value;
    }
  }
  // Find(K(parts...)) for composite keys.
  template <typename... Parts>
  requires(!kStringKey && sizeof...(Parts) > 1 &&
           std::constructible_from<K, Parts...>) const V* Find(const Parts&... parts) const {
    return Find(K(parts...));
  }
  bool Contains(const Lookup& key) const { return Find(key) != nullptr; }

  // The value under `key`, inserted as V() when absent.
  V& operator[](const Lookup& key) { return Get(key, Hash{}(key)); }
  V& Get(const Lookup& key) { return Get(key, Hash{}(key)); }
  template <typename... Parts>
  requires(!kStringKey && sizeof...(Parts) > 1 &&
           std::constructible_from<K, Parts...>) V& Get(const Parts&... parts) {
    return Get(K(parts...));
  }
  // The same with `hash` == Hash{}(key) already known.
  V& Get(const Lookup& key, uint64_t hash) {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        if (2 * (size_ + 1) > slots_.size()) {
          Rehash(2 * slots_.size());
          return Get(key, hash);
        }
        s.used = true;
        if constexpr (kStringKey) {
          s.hash = hash;
          s.key_begin = static_cast<uint32_t>(arena_.size());
          s.key_size = static_cast<uint32_t>(key.size());
          arena_.append(key);
        } else {
          s.key = key;
        }
        s.value = V();
        ++size_;
        return s.value;
      }
      if (SameKey(s, key, hash)) return s.value;
    }
  }
  // Sets the value under `key`, replacing any.
  void Insert(const Lookup& key, const V& value) { Get(key) = value; }

 private:
  struct StringSlot {
    uint64_t hash = 0;
    uint32_t key_begin = 0, key_size = 0;
    bool used = false;
    V value = V();
  };
  struct KeySlot {
    K key = K();
    bool used = false;
    V value = V();
  };
  using Slot = std::conditional_t<kStringKey, StringSlot, KeySlot>;

  bool SameKey(const Slot& s, const Lookup& key, [[maybe_unused]] uint64_t hash) const {
    if constexpr (kStringKey) {
      return s.hash == hash && Eq{}(std::string_view(arena_.data() + s.key_begin, s.key_size), key);
    } else {
      return Eq{}(s.key, key);
    }
  }
  uint64_t SlotHash(const Slot& s) const {
    if constexpr (kStringKey) {
      return s.hash;
    } else {
      return Hash{}(s.key);
    }
  }
  void Rehash(size_t cap) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = SlotHash(s) & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;  // string keys only: all keys back to back
  size_t size_ = 0;
  size_t mask_ = 0;
};

// The common instances.
template <typename V>
using StrFlatMap = FlatMap<std::string, V>;
template <typename V>
using IdPairFlatMap = FlatMap<IdPair, V>;

}  // namespace sitrep

#endif  // SITREP_BASE_FLAT_MAP_H_
