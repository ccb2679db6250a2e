// IdPairMap: a flat open-addressing hash map from a pair of small integer ids to a value, for the
// geocoder's per-article context tables ("what name N contributed to country C").
//
// It replaces nested std::unordered_map<std::string, std::unordered_map<std::string, V>>: no node
// or key allocation per entry, one probe sequence over contiguous slots, and Clear keeps the
// memory, so a table reused by one thread allocates nothing once it has grown to an article's
// size. Only insert, find and clear: no erase, no iteration (no order anyone may depend on).
//
// Thread safety: none inside; a const IdPairMap may be read from many threads.
#ifndef SITREP_GEO_ID_PAIR_MAP_H_
#define SITREP_GEO_ID_PAIR_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace sitrep {

template <typename V>
class IdPairMap {
 public:
  IdPairMap() { Rehash(16); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Removes every entry; keeps the memory.
  void Clear() {
    if (size_ == 0) return;
    for (Slot& s : slots_) s.used = false;
    size_ = 0;
  }

  // The value under (a, b), or nullptr. The pointer is valid until the next Get or Clear.
  const V* Find(uint32_t a, uint32_t b) const {
    const uint64_t key = Key(a, b);
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key) return &s.value;
    }
  }

  // The value under (a, b), inserted as V() when absent.
  V& Get(uint32_t a, uint32_t b) {
    const uint64_t key = Key(a, b);
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        if (2 * (size_ + 1) > slots_.size()) {
          Rehash(2 * slots_.size());
          return Get(a, b);
        }
        s.used = true;
        s.key = key;
        s.value = V();
        ++size_;
        return s.value;
      }
      if (s.key == key) return s.value;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    bool used = false;
    V value = V();
  };
  static uint64_t Key(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
  // Both ids are small and dense: multiply-shift spreads them over the table's low bits.
  static size_t Hash(uint64_t key) {
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
  void Rehash(size_t cap) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = Hash(s.key) & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_GEO_ID_PAIR_MAP_H_
