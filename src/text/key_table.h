// KeyTable: a word table of the text stage looked up at (nearly) every token with the token's
// precomputed key (TokenKeys: lower-cased text and StringHash), where most tokens are in it
// rarely or never.
//
// Two levels, both keyed by the StringHash the key already carries, so a lookup neither hashes
// nor lower-cases: a bitmap (one bit per hash value, 16K bits, 2 KB) that rejects most absent
// words with one load, then a flat open-addressing table (base/flat_map.h) whose slots keep the
// full hash, so a false positive of the bitmap costs one slot probe and rarely a byte compare.
// std::unordered_map, which this replaces in the finders' per-token loops, costs a division and
// a pointer chase per probe.
//
// Filled at load time only (operator[]); ForEach visits every key (in no meaningful order: only
// for building other sets). Keys are compared byte for byte: callers insert them lower-cased.
// Thread safety: none while filling; a filled KeyTable is immutable and may be read from many
// threads at once. Pointers returned by Find stay valid until the next insertion.
#ifndef SITREP_TEXT_KEY_TABLE_H_
#define SITREP_TEXT_KEY_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/flat_map.h"
#include "text/lexicon.h"

namespace sitrep {

// StringHash as FlatMap's hash: the slots then hold the very value TokenKeys computed.
struct KeyStringHash {
  uint64_t operator()(std::string_view s) const { return StringHash{}(s); }
};

class KeyFilter;

template <typename V>
class KeyTable {
 public:
  // The value under `key` (inserted as V() when absent). Load time only.
  V& operator[](std::string_view key) {
    const uint64_t h = KeyStringHash{}(key);
    bits_[(h >> 6) & (kWords - 1)] |= uint64_t{1} << (h & 63);
    const size_t before = map_.size();
    V& v = map_.Get(key, h);
    if (map_.size() != before) keys_.emplace_back(key);
    return v;
  }

  // The value under the word, or nullptr.
  const V* Find(const HashedWord& w) const {
    if (!MayContain(w.hash)) return nullptr;
    return map_.Find(w.s, w.hash);
  }
  // The bitmap alone: false means no key has this StringHash; true means Find must decide.
  // Branch-free, for filters that collect candidate tokens before looking any up.
  bool MayContain(size_t hash) const {
    return ((bits_[(hash >> 6) & (kWords - 1)] >> (hash & 63)) & 1) != 0;
  }
  const V* Find(std::string_view key) const { return Find(HashedWord{key, StringHash{}(key)}); }
  bool contains(const HashedWord& w) const { return Find(w) != nullptr; }
  bool contains(std::string_view key) const { return Find(key) != nullptr; }

  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }

  // fn(key, value) for every entry.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const std::string& k : keys_) fn(std::string_view(k), *map_.Find(k, KeyStringHash{}(k)));
  }

 private:
  friend class KeyFilter;
  static constexpr size_t kWords = 256;
  uint64_t bits_[kWords] = {};
  FlatMap<std::string, V, KeyStringHash> map_;
  std::vector<std::string> keys_;  // for ForEach (FlatMap does not iterate)
};

// The union of KeyTables' keys as one bitmap: one test per token finds those that any of
// several tables may hold (TextAnalyzer collects the tokens its finders look up once, for both).
// False means no table added has a key with this StringHash; true means the tables must decide.
// Its bitmap is eight times a KeyTable's (128K bits, 16 KB), set from the keys themselves: the
// union of several tables' keys fills a table-sized bitmap so densely that common words pass by
// chance, and every token that passes costs each finder a look.
// Immutable once filled; may be read from many threads at once.
class KeyFilter {
 public:
  template <typename V>
  void Add(const KeyTable<V>& table) {
    for (const std::string& k : table.keys_) {
      const uint64_t h = KeyStringHash{}(k);
      bits_[(h >> 6) & (kWords - 1)] |= uint64_t{1} << (h & 63);
    }
  }
  // Every hash passes.
  void AddAll() {
    for (uint64_t& w : bits_) w = ~uint64_t{0};
  }
  bool MayContain(size_t hash) const {
    return ((bits_[(hash >> 6) & (kWords - 1)] >> (hash & 63)) & 1) != 0;
  }

 private:
  static constexpr size_t kWords = 2048;
  uint64_t bits_[kWords] = {};
};

}  // namespace sitrep

#endif  // SITREP_TEXT_KEY_TABLE_H_
