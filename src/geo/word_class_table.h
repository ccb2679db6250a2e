// WordClassTable: folded word -> the geocoder's word-class bits (a bitmask), looked up for every
// word of every article.
//
// Keyed by StringHash (text/lexicon.h), the hash the text stage's TokenKeys already carries for
// each token, so a lookup hashes nothing. Open addressing over slots that keep the word's full
// hash and length next to its bits: a probe compares the hash and length, and only a slot equal
// in both (in practice the word itself) compares bytes, inline: a word of up to eight bytes is
// read as one value from two overlapping loads within it and compared with the slot's copy of
// that value (most listed words are short; a memcmp call and the registers it spills cost more).
// A bitmap of 64K bits over hash bits 40..55 turns most unlisted words away before a probe
// (MaybeListed).
//
// Filled at load time only (Add); a filled table is immutable and may be read from many threads.
// A word's bits are those of every Add for it, OR-ed; a word added only with no bits is not kept.
#ifndef SITREP_GEO_WORD_CLASS_TABLE_H_
#define SITREP_GEO_WORD_CLASS_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.h"

namespace sitrep {

class WordClassTable {
 public:
  WordClassTable() : slots_(kMinSlots) {}

  // ORs `bits` into the classes of `word` (bytes as given: callers add folded words).
  void Add(std::string_view word, uint32_t bits) {
    if (bits == 0) return;
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t hash = StringHash{}(word);
    filter_[FilterBit(hash) >> 6] |= uint64_t{1} << (FilterBit(hash) & 63);
    Slot& s = Probe(word, hash);
    if (s.bits == 0) {
      s.hash = hash;
      s.head = Head(word.data(), word.size());
      s.len = static_cast<uint32_t>(word.size());
      s.off = static_cast<uint32_t>(bytes_.size());
      bytes_.append(word);
      ++size_;
    }
    s.bits |= bits;
  }

  // False when no word of the table has `hash` (StringHash of the word) in the bitmap: most
  // words of a text are listed nowhere.
  bool MaybeListed(uint64_t hash) const {
    const size_t b = FilterBit(hash);
    return ((filter_[b >> 6] >> (b & 63)) & 1) != 0;
  }
  // The classes of `word`, whose StringHash is `hash`; 0 when it is not listed.
  uint32_t Find(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.bits == 0) return 0;
      if (s.hash == hash && s.len == word.size() && Same(s, word)) return s.bits;
    }
  }
  uint32_t Find(std::string_view word) const { return Find(word, StringHash{}(word)); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t head = 0;  // Head() of the word
    uint32_t bits = 0;  // 0: empty
    uint32_t len = 0;
    uint32_t off = 0;  // of the word's bytes in bytes_
  };
  static constexpr size_t kMinSlots = 16;
  static size_t FilterBit(uint64_t hash) { return (hash >> 40) & 0xFFFF; }
  // A value of the word's bytes that, among words of its length n, is the word's own when n <= 8:
  // two four-byte loads that overlap cover 4..8 bytes, and bytes 0, n/2 and n-1 all of 1..3.
  // (Longer words: their first eight bytes, and the rest is compared byte by byte.)
  static uint64_t Head(const char* p, size_t n) {
    if (n >= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
    if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      return (uint64_t{a} << 32) | b;
    }
    if (n == 0) return 0;
    return uint64_t{static_cast<unsigned char>(p[0])} |
           uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
           uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  // Whether `word`, of the slot's length, is the slot's word.
  bool Same(const Slot& s, std::string_view word) const {
    if (Head(word.data(), word.size()) != s.head) return false;
    return word.size() <= 8 || SameBytes(bytes_.data() + s.off + 8, word.substr(8));
  }
  static bool SameBytes(const char* a, std::string_view b) {
    for (size_t k = 0; k < b.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  Slot& Probe(std::string_view word, uint64_t hash) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.bits == 0 || (s.hash == hash && s.len == word.size() && Same(s, word))) return s;
    }
  }
  void Grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.bits == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].bits != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string bytes_;        // the words' bytes, back to back
  size_t size_ = 0;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>((size_t{1} << 16) / 64, 0);
};

}  // namespace sitrep

#endif  // SITREP_GEO_WORD_CLASS_TABLE_H_
