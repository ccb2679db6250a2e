#include "ingest/dedup.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "base/hash.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep {
namespace {

// splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Sorts values whose key (`key_of`, a 64-bit hash) is uniformly spread, into std::sort's order:
// one counting pass on the key's top bits puts each value into its bucket (about one value per
// bucket), and an insertion sort fixes the order inside buckets. Linear on such keys, several
// times faster than a comparison sort (whose branches on random keys mispredict half the time);
// still correct, only slower, on any input. *tmp is scratch; *v keeps its own buffer.
template <typename T, typename KeyOf>
void HashBucketSort(std::vector<T>* v, std::vector<T>* tmp, KeyOf key_of) {
  const size_t n = v->size();
  if (n < 32 || n > (size_t{1} << 24)) {  // tiny, or so big that std::sort is fine
    std::sort(v->begin(), v->end());
    return;
  }
  int bits = 1;
  while ((size_t{1} << bits) < n) ++bits;
  const int shift = 64 - bits;
  thread_local std::vector<uint32_t> start;
  start.assign((size_t{1} << bits) + 1, 0);
  for (const T& x : *v) ++start[(key_of(x) >> shift) + 1];
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  tmp->resize(n);
  T* out = tmp->data();
  for (const T& x : *v) out[start[key_of(x) >> shift]++] = x;
  for (size_t i = 1; i < n; ++i) {
    const T x = out[i];
    size_t j = i;
    while (j > 0 && x < out[j - 1]) {
      out[j] = out[j - 1];
      --j;
    }
    out[j] = x;
  }
  std::copy(out, out + n, v->data());
}

// (band key, document) pairs by key, then document.
void SortKeyed(std::vector<std::pair<uint64_t, uint32_t>>* v,
               std::vector<std::pair<uint64_t, uint32_t>>* tmp) {
  HashBucketSort(v, tmp, [](const std::pair<uint64_t, uint32_t>& x) { return x.first; });
}

// Word bytes (ASCII letters and digits, every byte of a multi-byte character) mapped to their
// ASCII-lower-case form; 0 for separators.
struct WordBytes {
  unsigned char lower[256];
  constexpr WordBytes() : lower() {
    for (int c = 0; c < 256; ++c) {
      const bool word =
          (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
      lower[c] = !word ? 0 : static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
  }
};
// The SSE2 path computes the same; only the portable path reads the table.
[[maybe_unused]] constexpr WordBytes kWordBytes;

// For the 64 bytes at p: writes their ASCII-lower-cased form to out[0, 64) (what a separator
// becomes does not matter: word hashes mask separators off) and returns the mask of word bytes
// (bit i set when p[i] is one). With SSE2 four 16-byte compares replace 64 table lookups: digits
// and (bytes | 0x20) in 'a'..'z' by signed range compares (bytes >= 0x80 are negative, so in
// neither range), and bytes >= 0x80 are the sign bits; a letter gets its case bit set.
inline uint64_t WordMaskLower64(const unsigned char* p, unsigned char* out) {
#if defined(__SSE2__)
  const __m128i below_0 = _mm_set1_epi8('0' - 1), above_9 = _mm_set1_epi8('9' + 1);
  const __m128i below_a = _mm_set1_epi8('a' - 1), above_z = _mm_set1_epi8('z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  uint64_t mask = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below_0), _mm_cmplt_epi8(v, above_9));
    const __m128i l = _mm_or_si128(v, case_bit);
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(l, below_a), _mm_cmplt_epi8(l, above_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * k),
                     _mm_or_si128(v, _mm_and_si128(letter, case_bit)));
    const uint32_t bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(digit, letter))) |
                          static_cast<uint32_t>(_mm_movemask_epi8(v));
    mask |= static_cast<uint64_t>(bits) << (16 * k);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    out[i] = kWordBytes.lower[p[i]];
    mask |= static_cast<uint64_t>(out[i] != 0) << i;
  }
  return mask;
#endif
}

// Eight bytes as a little-endian number (the same value on any platform).
inline uint64_t Load64(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

constexpr uint64_t kWordSeed = 0x9e3779b97f4a7c15ULL;  // times the word's length

// For words of 1 to 8 bytes (most words), indexed by length: the seed, and the mask of the low
// bytes of a little-endian chunk that are the word's.
struct ShortWord {
  uint64_t seed, mask;
};
constexpr ShortWord kShortWord[9] = {
    {0, 0},
    {1 * kWordSeed, 0xffULL},
    {2 * kWordSeed, 0xffffULL},
    {3 * kWordSeed, 0xffffffULL},
    {4 * kWordSeed, 0xffffffffULL},
    {5 * kWordSeed, 0xffffffffffULL},
    {6 * kWordSeed, 0xffffffffffffULL},
    {7 * kWordSeed, 0xffffffffffffffULL},
    {8 * kWordSeed, ~0ULL},
};

// Hash of a word of `len` bytes whose lower-cased bytes start at q (readable for 8 bytes past
// the start of the word's last 8-byte chunk): eight bytes a step, the last chunk masked to the
// word, then a final fold. The word's characters are not visited one by one.
inline uint64_t WordHash(const unsigned char* q, size_t len) {
  constexpr uint64_t kMul = 0x9fb21c651e98df25ULL;
  uint64_t h;
  if (len <= 8) [[likely]] {
    h = kShortWord[len].seed;
  } else {
    h = len * kWordSeed;
    for (; len > 8; len -= 8, q += 8) h = std::rotl((h ^ Load64(q)) * kMul, 29);
  }
  // One multiply and a fold: a bijection of the last chunk for a given prefix, so distinct short
  // words keep distinct values; the shingle hash mixes fully.
  h = (h ^ (Load64(q) & kShortWord[len].mask)) * kMul;  // 1 <= len <= 8
  return h ^ (h >> 32);
}

// Calls on_word(hash) for each word of the text, in text order. A word is a maximal run of word
// bytes (see kWordBytes). The scan takes 64 bytes at a time: one mask of word bytes and a
// lower-cased copy of the block; word starts and ends are bit masks of that mask's transitions,
// visited with count-trailing-zeros, so the cost is per block and per word, with no branch on
// each byte. The copy lets WordHash read whole lower-cased chunks past a block's end.
template <typename OnWord>
void ForEachWord(std::string_view text, OnWord&& on_word) {
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t len = text.size();
  const size_t blocks = (len + 63) / 64;
  thread_local std::vector<unsigned char> lowered;
  if (lowered.size() < 64 * blocks + 8) lowered.resize(64 * blocks + 8);  // + 8: Load64 past
  unsigned char* const lw = lowered.data();
  bool open = false;  // a word runs on from the previous block
  size_t start = 0;
  for (size_t base = 0; base < len; base += 64) {
    uint64_t mask;
    if (len - base >= 64) {
      mask = WordMaskLower64(p + base, lw + base);
    } else {
      unsigned char block[64] = {};  // zero bytes are separators
      std::memcpy(block, p + base, len - base);
      mask = WordMaskLower64(block, lw + base);
    }
    const uint64_t before = (mask << 1) | static_cast<uint64_t>(open);  // bit i: byte i-1 in a word
    uint64_t starts = mask & ~before, ends = ~mask & before;
    if (open) {
      if (ends == 0) continue;  // the whole block is inside the word
      const size_t at = base + static_cast<size_t>(std::countr_zero(ends));
      on_word(WordHash(lw + start, at - start));
      ends &= ends - 1;
      open = false;
    }
    // Starts and ends now alternate, a start first: each end closes the start before it, and a
    // start left over runs on into the next block.
    const unsigned char* const block = lw + base;
    while (ends != 0) {
      const unsigned from = static_cast<unsigned>(std::countr_zero(starts));
      const unsigned to = static_cast<unsigned>(std::countr_zero(ends));
      starts &= starts - 1;
      ends &= ends - 1;
      on_word(WordHash(block + from, to - from));
    }
    if (starts != 0) {
      start = base + static_cast<size_t>(std::countr_zero(starts));
      open = true;
    }
  }
  if (open) on_word(WordHash(lw + start, len - start));
  if (lowered.capacity() > (size_t{1} << 22)) std::vector<unsigned char>().swap(lowered);
}

// A set of 64-bit hashes for one text or one comparison: a per-thread open-addressing table
// (linear probing from the hash's top bits), under half full. A slot belongs to the set whose
// number (a byte, in an array of its own that stays in cache) it carries, so a new set starts
// empty without clearing the table; only every 255th set clears the numbers. One set at a time
// per thread.
class HashSet {
 public:
  // An empty set with room for `most` distinct hashes.
  explicit HashSet(size_t most) {
    int bits = 4;
    while ((size_t{1} << bits) < 2 * most + 1) ++bits;
    shift_ = 64 - bits;
    const size_t size = size_t{1} << bits;
    Tables& t = Thread();
    uint8_t& set = t.last_set;
    if (t.hashes.size() < size || (t.hashes.size() > (size_t{1} << 18) && bits < 14)) {
      t.hashes.assign(size, 0);  // grown, or shrunk after a huge text
      t.sets.assign(size, 0);
      set = 0;
    } else if (set == 0xff) {
      std::fill(t.sets.begin(), t.sets.end(), 0);
      set = 0;
    }
    set_ = ++set;
    hashes_ = t.hashes.data();
    sets_ = t.sets.data();
    mask_ = size - 1;
  }
  HashSet(const HashSet&) = delete;
  HashSet& operator=(const HashSet&) = delete;
  // Adds s; true when it was not in the set yet.
  bool Insert(uint64_t s) {
    size_t i = static_cast<size_t>(s >> shift_);
    while (sets_[i] == set_) {
      if (hashes_[i] == s) return false;
      i = (i + 1) & mask_;
    }
    hashes_[i] = s;
    sets_[i] = set_;
    return true;
  }
  bool Contains(uint64_t s) const {
    size_t i = static_cast<size_t>(s >> shift_);
    while (sets_[i] == set_) {
      if (hashes_[i] == s) return true;
      i = (i + 1) & mask_;
    }
    return false;
  }

 private:
  struct Tables {
    std::vector<uint64_t> hashes;
    std::vector<uint8_t> sets;  // the set each slot's hash belongs to; 0 before any
    uint8_t last_set = 0;
  };
  static Tables& Thread() {
    thread_local Tables t;
    return t;
  }
  int shift_;
  size_t mask_;
  uint64_t* hashes_;
  uint8_t* sets_;
  uint8_t set_;
};

// The hash of a 3-word shingle: its words' hashes (already mixed) each multiplied by its own odd
// constant, then one mix.
inline uint64_t Shingle3(uint64_t a, uint64_t b, uint64_t c) {
  return Mix(a * 0xd6e8feb86659fd93ULL + b * 0xa0761d6478bd642fULL + c);
}

// Per-thread scratch space that only grows. Its memory is not cleared (pages never written are
// never touched: a huge text's worst case costs only what it uses), and it is given back when
// a small need follows a huge one.
class Scratch {
 public:
  uint64_t* Get(size_t n) {
    constexpr size_t kKeep = size_t{1} << 20;
    if (n > size_ || (size_ > kKeep && n < kKeep)) {
      data_.reset(new uint64_t[n]);
      size_ = n;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<uint64_t[]> data_;
  size_t size_ = 0;
};

// The distinct hashes of the text's k-word shingles in first-seen order, in a per-thread
// buffer that the thread's next call reuses. Two tight loops: the words' hashes, then each
// shingle's hash and its test against the set.
std::span<const uint64_t> DistinctShingles(std::string_view text, int k) {
  const size_t kk = static_cast<size_t>(std::max(1, k));
  thread_local Scratch words, hashes;
  uint64_t* const w = words.Get(text.size() / 2 + 1);  // a word and a separator: 2 bytes
  size_t n = 0;
  ForEachWord(text, [&](uint64_t h) { w[n++] = h; });
  uint64_t* sh = nullptr;
  size_t distinct = 0;
  if (n >= kk) {
    const size_t windows = n - kk + 1;
    sh = hashes.Get(windows);
    HashSet set(windows);
    // Each window's hash goes to the buffer's next free place, kept there if it is new.
    if (kk == 3) {
      for (size_t i = 0; i < windows; ++i) {
        const uint64_t h = Shingle3(w[i], w[i + 1], w[i + 2]);
        sh[distinct] = h;
        distinct += set.Insert(h);
      }
    } else {
      for (size_t i = 0; i < windows; ++i) {
        uint64_t s = 0x9e3779b97f4a7c15ULL;
        for (size_t j = 0; j < kk; ++j) s = std::rotl(s * 0xa0761d6478bd642fULL, 23) ^ w[i + j];
        const uint64_t h = Mix(s);
        sh[distinct] = h;
        distinct += set.Insert(h);
      }
    }
  }
  return {sh, distinct};
}

// Distinct hashes of the text's k-word shingles, in first-seen order.
std::vector<uint64_t> Shingles(std::string_view text, int k) {
  const std::span<const uint64_t> sh = DistinctShingles(text, k);
  return std::vector<uint64_t>(sh.begin(), sh.end());
}

// Jaccard of two sets of distinct hashes: the smaller goes into a HashSet and the larger is
// looked up in it, which costs less than sorting both for a merge (most documents are compared
// once or twice).
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  const std::vector<uint64_t>& small = a.size() <= b.size() ? a : b;
  const std::vector<uint64_t>& large = a.size() <= b.size() ? b : a;
  HashSet set(small.size());
  for (uint64_t s : small) set.Insert(s);
  size_t both = 0;
  for (uint64_t s : large) both += set.Contains(s);
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

// Canonical order: dated before undated, earlier first, then the smaller doc_id.
bool CanonicalBefore(const Article& a, const Article& b) {
  if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
  if (a.published && *a.published != *b.published) return *a.published < *b.published;
  return a.doc_id < b.doc_id;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Runs fn(i) for i in [0, n) on `threads` threads; fn must only touch slot i.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i);
  };
  if (threads <= 1 || n < 64) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
}

// A hash of a whole text for grouping exact copies (confirmed by comparing bytes): eight bytes
// a step in four independent lanes, several times faster than TextHash's byte-serial FNV.
uint64_t GroupHash(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h[4] = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL,
                   0x082efa98ec4e6c89ULL};
  for (; n >= 32; n -= 32, p += 32) {
    for (int l = 0; l < 4; ++l) {
      uint64_t w;
      std::memcpy(&w, p + 8 * l, 8);
      h[l] = (h[l] ^ w) * kMul;
      h[l] ^= h[l] >> 29;
    }
  }
  uint64_t t = 0;
  for (int shift = 0; n > 0; --n, ++p, shift = (shift + 8) & 63) {
    t ^= static_cast<uint64_t>(static_cast<unsigned char>(*p)) << shift;
    if (shift == 56) t = Mix(t);
  }
  return Mix(Mix(h[0] ^ Mix(h[1] ^ Mix(h[2] ^ Mix(h[3] ^ t)))) ^ text.size());
}

// A key that identical texts share, from their length and up to 48 of their bytes (the first,
// middle and last 16): enough to tell most different texts apart without reading them whole.
uint64_t SampleKey(std::string_view text) {
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  uint64_t h = Mix(n ^ 0x243f6a8885a308d3ULL);
  if (n < 16) {
    unsigned char b[16] = {};
    std::memcpy(b, p, n);
    return Mix(Mix(h ^ Load64(b)) ^ Load64(b + 8));
  }
  for (size_t at : {size_t{0}, n / 2 - 8, n - 16}) {
    h = Mix(h ^ Load64(p + at));
    h = Mix(h ^ Load64(p + at + 8));
  }
  return h;
}

constexpr int kDfBits = 20;  // 1M document-frequency counters

// Document frequencies, counted in a fixed table of counters indexed by a shingle's top bits (a
// collision can only make a shingle look more common, never rarer): returns the bits (one per
// counter) of the counters that more than max_df of the documents' distinct shingles fall in,
// or nothing when no counter does. A bit is set when its counter reaches max_df + 1, so the
// million counters are never scanned; Counter only needs to hold max_df + 1 (past it, a wrapped
// counter can only set the same bit again). The result is the same as 16-bit saturating
// counters compared with max_df after counting. The tables come from calloc: fresh zeroed pages
// need no clearing.
template <typename Counter>
std::vector<uint64_t> CommonBits(const std::vector<std::vector<uint64_t>>& shingles,
                                 size_t max_df) {
  constexpr size_t kCounters = size_t{1} << kDfBits;
  constexpr int kShift = 64 - kDfBits;
  struct Free {
    void operator()(void* p) const { std::free(p); }
  };
  const std::unique_ptr<Counter[], Free> df(
      static_cast<Counter*>(std::calloc(kCounters, sizeof(Counter))));
  const std::unique_ptr<uint64_t[], Free> common(
      static_cast<uint64_t*>(std::calloc(kCounters / 64, sizeof(uint64_t))));
  // Without the tables no shingle is known to be boilerplate: every one then counts, as for a
  // corpus too small to have any.
  if (!df || !common) return {};
  // Locals for the loop: a Counter store may alias anything else.
  Counter* const counts = df.get();
  uint64_t* const bits = common.get();
  const Counter limit = static_cast<Counter>(max_df + 1);
  bool any = false;
  auto count = [&](uint64_t h) {
    const size_t b = static_cast<size_t>(h >> kShift);
    const Counter c = static_cast<Counter>(counts[b] + 1);
    counts[b] = c;
    if (c == limit) [[unlikely]] {
      bits[b >> 6] |= uint64_t{1} << (b & 63);
      any = true;
    }
  };
  // The counters are touched at random: fetch a few shingles ahead so the cache misses overlap
  // instead of stalling one after another.
  constexpr size_t kAhead = 16;
  for (const std::vector<uint64_t>& sh : shingles) {
    const uint64_t* p = sh.data();
    const uint64_t* const end = p + sh.size();
    if (sh.size() > kAhead) {
      for (; p != end - kAhead; ++p) {
        __builtin_prefetch(counts + (p[kAhead] >> kShift), 1);
        count(*p);
      }
    }
    for (; p != end; ++p) count(*p);
  }
  if (!any) return {};
  return std::vector<uint64_t>(bits, bits + kCounters / 64);
}

// Whether shingle h is common by the bits of CommonBits (not empty).
inline bool IsCommon(const uint64_t* bits, uint64_t h) {
  const size_t b = static_cast<size_t>(h >> (64 - kDfBits));
  return (bits[b >> 6] >> (b & 63)) & 1;
}

}  // namespace

uint64_t TextHash(std::string_view text) { return Mix(Fnv1a(text) ^ text.size()); }

void TextHashes(const std::string_view* texts, size_t n, uint64_t* out) {
  constexpr uint64_t kBasis = kFnvBasis, kPrime = kFnvPrime;  // Fnv1a, four texts at a time
  constexpr int kLanes = 4;
  // Each lane hashes one text; when its text ends the lane stores the hash and takes the next
  // text, so lanes stay busy whatever the lengths. Between refills every lane steps the same
  // number of bytes (the shortest remaining), so the inner loop has no per-byte branch.
  struct Lane {
    const unsigned char* p = nullptr;
    size_t left = 0;
    uint64_t h = kBasis;
    size_t index = 0;
    bool active = false;
  };
  Lane lane[kLanes];
  size_t next = 0;
  auto refill = [&](Lane& l) {
    while (next < n) {
      const size_t i = next++;
      if (texts[i].empty()) {  // nothing to step over: finish it here
        out[i] = Mix(kBasis ^ 0);
        continue;
      }
      l.p = reinterpret_cast<const unsigned char*>(texts[i].data());
      l.left = texts[i].size();
      l.h = kBasis;
      l.index = i;
      l.active = true;
      return;
    }
    l.active = false;
  };
  for (Lane& l : lane) refill(l);
  while (true) {
    int active = 0;
    size_t step = std::numeric_limits<size_t>::max();
    for (const Lane& l : lane) {
      if (!l.active) continue;
      ++active;
      step = std::min(step, l.left);
    }
    if (active == 0) break;
    if (active == kLanes) {
      uint64_t h0 = lane[0].h, h1 = lane[1].h, h2 = lane[2].h, h3 = lane[3].h;
      const unsigned char *p0 = lane[0].p, *p1 = lane[1].p, *p2 = lane[2].p, *p3 = lane[3].p;
      for (size_t k = 0; k < step; ++k) {
        h0 = (h0 ^ p0[k]) * kPrime;
        h1 = (h1 ^ p1[k]) * kPrime;
        h2 = (h2 ^ p2[k]) * kPrime;
        h3 = (h3 ^ p3[k]) * kPrime;
      }
      lane[0].h = h0, lane[1].h = h1, lane[2].h = h2, lane[3].h = h3;
      for (Lane& l : lane) {
        l.p += step;
        l.left -= step;
      }
    } else {
      for (Lane& l : lane) {  // the last few texts: one at a time
        if (!l.active) continue;
        uint64_t h = l.h;
        for (size_t k = 0; k < l.left; ++k) h = (h ^ l.p[k]) * kPrime;
        l.h = h;
        l.p += l.left;
        l.left = 0;
      }
    }
    for (Lane& l : lane) {
      if (l.active && l.left == 0) {
        out[l.index] = Mix(l.h ^ texts[l.index].size());
        refill(l);
      }
    }
  }
}

double ShingleJaccard(std::string_view a, std::string_view b, int shingle_words) {
  return Jaccard(Shingles(a, shingle_words), Shingles(b, shingle_words));
}

DedupStats MarkDuplicates(std::vector<Article>* articles, const DedupOptions& options) {
  std::vector<Article>& arts = *articles;
  const size_t n = arts.size();
  DedupStats stats;
  for (Article& a : arts) {
    a.copy_of.clear();
    a.exact_duplicate = false;
  }

  // 1. Exact duplicates: group by hash, confirm by comparing bytes with the group's canonical.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return CanonicalBefore(arts[x], arts[y]); });
  // Most texts share their length and sampled bytes with no other text, so cannot have a copy:
  // only texts whose sample key is shared are hashed whole (GroupHash reads every byte).
  std::vector<uint64_t> group_key(n);
  {
    std::vector<std::pair<uint64_t, uint32_t>> keyed(n), tmp;
    for (uint32_t i = 0; i < n; ++i) keyed[i] = {SampleKey(arts[i].text), i};
    SortKeyed(&keyed, &tmp);
    for (size_t lo = 0; lo < n;) {
      size_t hi = lo + 1;
      while (hi < n && keyed[hi].first == keyed[lo].first) ++hi;
      for (size_t x = lo; x < hi; ++x) {
        const uint32_t i = keyed[x].second;
        group_key[i] =
            hi - lo == 1 ? keyed[x].first : Mix(keyed[x].first ^ GroupHash(arts[i].text));
      }
      lo = hi;
    }
  }
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash;  // canonical-first lists
  std::vector<int64_t> exact_of(n, -1);  // index of the identical canonical, -1 when canonical
  std::vector<uint32_t> uniques;         // one per distinct text, in canonical order
  for (uint32_t i : order) {
    std::vector<uint32_t>& same = by_hash[group_key[i]];
    for (uint32_t c : same) {
      if (arts[c].text == arts[i].text) {
        exact_of[i] = c;
        break;
      }
    }
    if (exact_of[i] < 0) {
      same.push_back(i);
      uniques.push_back(i);
    }
  }

  // 2. Near duplicates among distinct texts: MinHash + LSH banding, verified by exact Jaccard.
  // One-permutation MinHash (one hash per shingle, binned) keeps the signature O(shingles)
  // instead of O(shingles x hash functions); empty bins borrow from the next filled bin. The
  // shingle hash is already well mixed: it is its own MinHash value, and its top bits pick the
  // bin.
  const int bands = std::max(1, options.bands), rows = std::max(1, options.rows);
  const size_t bins = static_cast<size_t>(bands * rows);
  const size_t m = uniques.size();
  const int threads = std::max(1, options.threads);
  auto bin_of = [bins](uint64_t h) { return static_cast<size_t>((h >> 32) * bins >> 32); };

  std::vector<std::vector<uint64_t>> shingles(m);
  ParallelFor(m, threads, [&](size_t u) {
    const std::span<const uint64_t> sh =
        DistinctShingles(arts[uniques[u]].text, options.shingle_words);
    shingles[u].assign(sh.begin(), sh.end());
  });

  // Shingles found in very many documents (boilerplate: bylines, agency footers, standard
  // paragraphs) are left out of the signatures so they do not put unrelated articles into the
  // same buckets (see CommonBits). Counting follows the shingling rather than interleaving with
  // it: the counters' misses then overlap (prefetched) instead of evicting the shingling's data.
  std::vector<uint64_t> common_bits;
  if (options.max_doc_fraction < 1.0 && m > 0) {
    const size_t max_df =
        std::max(options.min_boilerplate_docs,
                 static_cast<size_t>(options.max_doc_fraction * static_cast<double>(m)));
    if (max_df < 0xff) {
      common_bits = CommonBits<uint8_t>(shingles, max_df);
    } else if (max_df < 0xffff) {
      common_bits = CommonBits<uint16_t>(shingles, max_df);
    }  // else no 16-bit saturating counter could go over max_df: nothing is boilerplate
  }

  // Band keys of document u at [u * bands, (u + 1) * bands), valid when has_keys[u] (texts with
  // too few shingles have none).
  const size_t nb = static_cast<size_t>(bands);
  std::vector<uint64_t> band_keys(m * nb);
  std::vector<uint8_t> has_keys(m, 0);
  ParallelFor(m, threads, [&](size_t u) {
    const std::vector<uint64_t>& sh = shingles[u];
    if (sh.size() < options.min_shingles || sh.empty()) return;
    thread_local std::vector<uint64_t> sig_buf;
    thread_local std::vector<uint8_t> filled_buf;
    sig_buf.assign(bins, ~0ULL);
    filled_buf.assign(bins, 0);
    uint64_t* const sig = sig_buf.data();
    uint8_t* const filled = filled_buf.data();
    // One pass keeps the minimum per bin over the shingles that are not boilerplate; without
    // any boilerplate the pass needs no test at all. (What the loop reads is captured by value:
    // a store to `filled` could alias anything reached through a reference.)
    auto keep_min = [sig, filled, bin_of, begin = sh.data(),
                     end = sh.data() + sh.size()](auto left_out) {
      size_t kept = 0;
      for (const uint64_t* p = begin; p != end; ++p) {
        const uint64_t h = *p;
        if (left_out(h)) continue;  // boilerplate: rare, so well predicted
        const size_t bin = bin_of(h);
        sig[bin] = std::min(sig[bin], h);
        filled[bin] = 1;
        ++kept;
      }
      return kept;
    };
    auto none = [](uint64_t) { return false; };
    if (common_bits.empty()) {
      keep_min(none);
    } else if (keep_min([bits = common_bits.data()](uint64_t h) { return IsCommon(bits, h); }) ==
               0) {
      keep_min(none);  // every shingle is boilerplate: then it is the text, and all of it counts
    }
    // Densification: an empty bin takes the value of the next filled bin (cyclically), mixed
    // with the distance, so two similar documents fill it the same way.
    for (size_t f = 0; f < bins; ++f) {
      if (filled[f]) continue;
      size_t d = 1;
      while (!filled[(f + d) % bins]) ++d;
      sig[f] = Mix(sig[(f + d) % bins] + d);
    }
    has_keys[u] = 1;
    for (int b = 0; b < bands; ++b) {
      uint64_t key = Mix(static_cast<uint64_t>(b) + 1);
      for (int r = 0; r < rows; ++r) key = Mix(key ^ sig[static_cast<size_t>(b * rows + r)]);
      band_keys[u * nb + static_cast<size_t>(b)] = key;
    }
  });
  UnionFind uf(m);
  std::unordered_set<uint64_t> tried;
  const size_t window = std::max<size_t>(1, options.max_bucket_pairs_per_doc);
  std::vector<std::pair<uint64_t, uint32_t>> keyed, keyed_tmp;
  keyed.reserve(m);
  for (int b = 0; b < bands; ++b) {
    keyed.clear();
    for (size_t u = 0; u < m; ++u) {
      if (has_keys[u]) {
        keyed.emplace_back(band_keys[u * nb + static_cast<size_t>(b)], static_cast<uint32_t>(u));
      }
    }
    SortKeyed(&keyed, &keyed_tmp);
    for (size_t lo = 0; lo < keyed.size();) {
      size_t hi = lo + 1;
      while (hi < keyed.size() && keyed[hi].first == keyed[lo].first) ++hi;
      // A bucket's members are in canonical order. Each is compared with the next `window`
      // members only, so a huge bucket costs O(size x window) rather than O(size^2); copies
      // of one story still chain together through their neighbours.
      for (size_t x = lo; x < hi; ++x) {
        for (size_t y = x + 1; y < hi && y <= x + window; ++y) {
          const uint32_t p = keyed[x].second, q = keyed[y].second;
          if (uf.Find(p) == uf.Find(q)) continue;
          if (!tried.insert((static_cast<uint64_t>(p) << 32) | q).second) continue;
          if (Jaccard(shingles[p], shingles[q]) >= options.near_threshold) uf.Union(p, q);
        }
      }
      lo = hi;
    }
  }

  // 3. Mark. `uniques` is in canonical order and the union-find root is the smallest index, so
  // each group's root is its canonical article.
  std::vector<uint32_t> unique_pos(n, 0);
  for (size_t u = 0; u < m; ++u) unique_pos[uniques[u]] = static_cast<uint32_t>(u);
  for (size_t u = 0; u < m; ++u) {
    const uint32_t root = uf.Find(static_cast<uint32_t>(u));
    if (root != u) {
      arts[uniques[u]].copy_of = arts[uniques[root]].doc_id;
      ++stats.near;
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (exact_of[i] < 0) continue;
    const uint32_t twin = static_cast<uint32_t>(exact_of[i]);
    const uint32_t root = uf.Find(unique_pos[twin]);
    arts[i].exact_duplicate = true;
    arts[i].copy_of = arts[uniques[root]].doc_id;
    ++stats.exact;
  }
  return stats;
}

}  // namespace sitrep
