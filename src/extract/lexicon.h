// Word streams and phrase tries: the matching machinery shared by the extraction lexicons
// (actors, triggers, claim cues, attribution sources, background cues).
//
// A WordStream is extraction's own view of an article: words (lower-cased where the lower case
// is as long in UTF-8: ASCII, Latin-1, Cyrillic, Greek; split at hyphens and apostrophes so
// "al-Shabaab" and "Pakistan’s" match "al shabaab" / "pakistan s"),
// punctuation marks, and one kNumber word per Doc quantity ("at least 23" is one word). Every
// word carries its [begin,end) byte span into the article text. Its words do not depend on how
// the text stage tokenizes, only on its sentences and quantities (given the text stage's
// TokenKeys it reuses the plain ASCII tokens that are words of its own, to save a scan).
//
// A PhraseTrie maps word sequences to payloads and finds the longest match at a position.
// Built once at load, then read-only: safe to share between threads.
#ifndef SITREP_EXTRACT_LEXICON_H_
#define SITREP_EXTRACT_LEXICON_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/status.h"
#include "base/tsv.h"
#include "model/doc.h"
#include "text/lexicon.h"

namespace sitrep {

enum class WordKind : uint8_t { kWord, kNumber, kPunct };

// A word's start mask (WordStream::starts) in a stream made without a StartIndex: every trie
// falls back to its own first-word bitmap. No trie is given this bit by a StartIndex.
inline constexpr uint32_t kStartsUnfiltered = 1u << 31;

// 40 bytes: what the extractors read of a word. Which lexicons may start a phrase at it is kept
// apart, in WordStream::starts() (PhraseTrie::Match reads it there), so that the loop making the
// words writes one field less per word.
struct Word {
  Span span;
  std::string_view lower;  // lowercased word, the quantity's text, or the punctuation mark
  int32_t quantity = -1;   // index into Doc::quantities for kNumber
  uint32_t sentence = 0;   // index into WordStream sentences
  // WordKeyHash of the word's PhraseTrie key (kNumberKey for number words, else `lower`),
  // computed once by WordStream so tries do not rehash the word at every match attempt.
  uint32_t key_hash = 0;
  WordKind kind = WordKind::kWord;
};
static_assert(sizeof(Word) == 40);

// Equal bytes; eight or fewer (most words) without a call to memcmp. Shared by PhraseTrie's
// edges and WordSet's table.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 4 && n <= 8) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return a0 == b0 && a1 == b1;
  }
  if (n < 4) {
    // The first, middle and last bytes: all of one to three bytes, without a loop.
    if (n == 0) return true;
    return a[0] == b[0] && a[n - 1] == b[n - 1] && a[n >> 1] == b[n >> 1];
  }
  return std::memcmp(a, b, n) == 0;
}

// The hash PhraseTrie keys on; WordStream stores it in Word::key_hash. It is the low 32 bits of
// the text stage's StringHash (text/lexicon.h), so a word WordStream takes from TokenKeys
// brings its hash along and is not hashed again. Computed the same way (eight-byte
// little-endian chunks, the last zero-padded), but with whole loads instead of a loop per byte:
// a short tail with two overlapping loads, which put equal bytes at equal places.
inline uint32_t WordKeyHash(std::string_view key) {
  const char* p = key.data();
  const size_t n = key.size();
  uint64_t h = KeyHashSeed(n);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t c;
    std::memcpy(&c, p + i, 8);
    h = KeyHashChunk(h, c);
  }
  const size_t t = n - i;  // 0..7 bytes left
  if (t > 0) {
    uint64_t c;
    if (n >= 8) {
      std::memcpy(&c, p + n - 8, 8);  // the last eight bytes, the tail at the top
      c >>= 8 * (8 - t);
    } else if (t >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + t - 4, 4);
      c = a | static_cast<uint64_t>(b) << (8 * (t - 4));
    } else {
      c = static_cast<unsigned char>(p[0]);
      if (t > 1) c |= uint64_t{static_cast<unsigned char>(p[1])} << 8;
      if (t > 2) c |= uint64_t{static_cast<unsigned char>(p[2])} << 16;
    }
    h = KeyHashChunk(h, c);
  }
  return static_cast<uint32_t>(KeyHashFinish(h));
}

// True when PhraseTrie treats the word as a number: a Doc quantity, or digits the text stage did
// not take as one ("the past 24 hours").
inline bool IsTrieNumber(const Word& w) {
  return w.kind == WordKind::kNumber ||
         (!w.lower.empty() && w.lower[0] >= '0' && w.lower[0] <= '9');
}

class StartIndex;
class TokenKeys;

class WordStream {
 public:
  // `text` must outlive the stream. When `doc` has no sentences, lines are used instead. With
  // `starts` (optional, must outlive the stream's use) every word gets its start mask (starts()):
  // tries registered with that index answer from it with one load, others read their own bitmap.
  // With `keys` (optional: the text stage's TokenKeys of doc.tokens, which must then outlive the
  // stream), a plain ASCII token (TokenKeys::ascii_word) with no word character of this stream's
  // right beside it is taken as a word with the key's lower-cased bytes instead of being scanned
  // again; the words are the same as without. Keys of other tokens are ignored.
  WordStream(std::string_view text, const Doc& doc, const StartIndex* starts = nullptr,
             const TokenKeys* keys = nullptr);
  WordStream(const WordStream&) = delete;
  WordStream& operator=(const WordStream&) = delete;
  // Hands the stream's buffers to the next stream made on this thread (one spare set per
  // thread), so streams after the first allocate nothing and write into warm memory.
  ~WordStream();

  std::string_view text() const { return text_; }
  std::span<const Word> words() const { return {words_.data(), num_words_}; }
  // words()[i] and words().size(): the extractors index the stream itself, which PhraseTrie::Match
  // takes (it reads the word and its start mask).
  const Word& operator[](size_t i) const { return words_[i]; }
  size_t size() const { return num_words_; }
  size_t num_sentences() const { return sent_spans_.size(); }
  Span sentence_span(size_t s) const { return sent_spans_[s]; }
  uint32_t sentence_begin(size_t s) const { return sent_first_[s]; }  // word index
  uint32_t sentence_end(size_t s) const { return sent_first_[s + 1]; }
  // Whether the sentence has a number word (a Doc quantity), known without scanning it.
  bool has_number(size_t s) const { return sent_number_[s] != 0; }
  // Index of the paragraph (blocks separated by a line break) the sentence is in.
  uint32_t paragraph(size_t s) const { return sent_para_[s]; }
  // Original text of word i.
  std::string_view Original(size_t i) const {
    return text_.substr(words_[i].span.begin, words_[i].span.size());
  }
  // Sentence index containing byte offset `pos` (the last sentence starting at or before it).
  size_t SentenceAt(uint32_t pos) const;
  // The start mask of every word, back to back, then kStartsPadding zero masks: PhraseTrie::Next
  // scans these 4-byte masks a group at a time for the next candidate instead of striding over
  // whole words (the padding lets a group run past the last word).
  const uint32_t* starts() const { return starts_.data(); }
  static constexpr size_t kStartsPadding = 8;
  // Ascending indices of the kWord words of two bytes or more whose first byte in the text is
  // an ASCII capital or 0xC3 (the lead byte of the Latin-1 letters, capitals among them): the
  // words a name may start at, recorded while the stream is built so a name finder need not
  // visit every word.
  std::span<const uint32_t> capitalized() const { return {caps_.data(), num_caps_}; }
  // Ascending indices of the kNumber words (one per Doc quantity the stream took): a reader of
  // figures visits them without scanning every word of a sentence for them.
  std::span<const uint32_t> numbers() const { return numbers_; }

 private:
  std::string_view text_;
  // Moves in this thread's spare buffers (contents unspecified), if any.
  void TakeSpareBuffers();
  // Lower-cased bytes of the words of text_, at the same offsets (other bytes unset).
  std::unique_ptr<char[]> lower_;
  size_t lower_capacity_ = 0;
  // The words are its first num_words_ entries: the buffer is never shrunk, so that a reused
  // one is not value-initialized again for every stream (and the count needs no division by
  // sizeof(Word)).
  std::vector<Word> words_;
  size_t num_words_ = 0;
  // The words' start masks, then kStartsPadding zeros (the buffer may be longer). A word's
  // mask has the bit of every trie registered with the stream's StartIndex that may start a
  // phrase there (StartRefiner), or is kStartsUnfiltered without an index; 0 for punctuation in
  // an indexed stream.
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> caps_;  // capitalized() is its first num_caps_ entries
  std::vector<uint32_t> numbers_;
  size_t num_caps_ = 0;
  std::vector<Span> sent_spans_;
  std::vector<uint32_t> sent_first_;  // size num_sentences()+1
  std::vector<uint32_t> sent_para_;
  std::vector<uint8_t> sent_number_;  // 1: the sentence has a kNumber word
};

// Splits a lexicon phrase the way WordStream splits text: lowercased words, no punctuation.
// The piece "<n>" stands for any number word (a Doc quantity).
inline constexpr std::string_view kNumberKey = "\x01";
std::vector<std::string> NormalizePhrase(std::string_view phrase);

class WordSet;

class PhraseTrie {
 public:
  // Adds `phrase` (any spelling: it is normalized). Returns false for an empty phrase. A later
  // payload for the same phrase replaces the earlier one.
  bool Add(std::string_view phrase, uint32_t payload);
  // Longest phrase starting at words[i] and ending before `end`; returns its length in words
  // (0 when none) and sets *payload. Punctuation never matches; numbers match only "<n>".
  // Reads the words and their start masks (WordStream::starts) of `ws`.
  // The quick reject is forced inline: it runs for every word under every lexicon, and most
  // positions start no phrase of a given lexicon.
  // With a StartIndex the word carries the answer for every registered trie (one load);
  // without, the trie's own bitmap is read.
  [[gnu::always_inline]] size_t Match(const WordStream& ws, size_t i, size_t end,
                                      uint32_t* payload) const {
    const size_t n = ws.size();
    if (i >= end || i >= n) return 0;
    const Word* const words = ws.words().data();
    const Word& w = words[i];
    // A trie no StartIndex registered reads its own bitmap on any stream, so a lexicon added
    // later without registering still matches (only more slowly).
    const uint32_t m =
        start_bit_ == kStartsUnfiltered ? kStartsUnfiltered : ws.starts()[i] & start_bit_;
    if (m == 0) return 0;
    // An indexed stream's bit passed this second filter already (StartRefiner).
    if (m & kStartsUnfiltered) {
      if (w.kind == WordKind::kPunct || !MayStart(w.key_hash)) return 0;
      // No one-word phrase and no phrase starting with this pair of words: no match, and no
      // call to walk the trie (most words that pass the first test fail this one).
      if (!TestBit(single_bits_, w.key_hash)) {
        if (i + 1 >= end || i + 1 >= n) return 0;
        const Word& next = words[i + 1];
        if (next.kind == WordKind::kPunct ||
            !TestBit(pair_bits_, PairHash(w.key_hash, next.key_hash))) {
          return 0;
        }
      }
    }
    return MatchFrom(words, i, std::min(end, n), payload);
  }
  // The first word index j in [i, min(end, words)) at which Match may find a phrase (its quick
  // reject passes), else that bound (or i, when i is past it already). Match returns 0 at every
  // word skipped, so a loop that only steps past words where Match finds nothing may jump
  // straight to the next candidate. Eight 4-byte masks per step (WordStream::starts). Forced
  // inline like Match: the extractors call it a few times per sentence and lexicon, and the
  // call itself cost about as much as the scan.
  [[gnu::always_inline]] size_t Next(const WordStream& ws, size_t i, size_t end) const {
    const size_t stop = std::min(end, ws.words().size());
    if (start_bit_ != kStartsUnfiltered) {
      if (i >= stop) return i;
      // Registered: a word's mask has kStartsUnfiltered only in a stream made without an index.
      // Eight masks at a time (the stream pads them, so a group may run past `stop`): the
      // group's hits as bits, the first one by counting zeros, no branch per word. A hit past
      // `stop` ends the scan like none: no group is cut to `stop` first.
      const uint32_t* st = ws.starts();
      const uint32_t bit = start_bit_;
      while (i < stop) {
        const uint32_t hits = StartHits8(st + i, bit);
        if (hits == 0) {
          i += 8;
          continue;
        }
        i += static_cast<size_t>(__builtin_ctz(hits));
        if (i >= stop) break;
        if ((st[i] & kStartsUnfiltered) == 0 || MayStartAt(ws.words()[i])) return i;
        ++i;
      }
      return stop;
    }
    while (i < stop && !MayStartAt(ws.words()[i])) ++i;
    return i;
  }
  size_t size() const { return count_; }

 private:
  friend class StartIndex;
  // All edges of the trie in one open-addressing table keyed by (parent node, word): a lookup
  // is one probe on the word's precomputed hash, no per-node map and no rehashing of the word.
  // One 32-byte slot, aligned so that a probe touches one cache line: the payload of the child
  // node and a short word (most are) live in the edge itself, so a step down the trie reads no
  // other array (a per-node payload array and a shared key string cost a cache miss each).
  struct alignas(32) Edge {
    uint32_t parent = 0;
    uint32_t child = 0;    // 0: empty slot (the root is nobody's child)
    uint32_t hash = 0;     // WordKeyHash of the word
    uint32_t payload = 0;  // the child's payload, when has_payload
    uint16_t key_len = 0;
    uint8_t has_payload = 0;  // 1: a phrase ends at the child
    // 1: some edge leaves the child. A walk stops at a leaf without probing the table for a
    // next word (most walks end there).
    uint8_t has_children = 0;
    uint32_t key_off = 0;  // the word in keys_, when longer than kInlineKey
    char key[8] = {};      // the word itself, when at most kInlineKey bytes
  };
  static constexpr size_t kInlineKey = sizeof(Edge::key);
  static_assert(sizeof(Edge) == 32);
  static size_t Slot(uint32_t parent, uint32_t hash) {
    uint64_t x = (static_cast<uint64_t>(parent) << 32 | hash) * 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(x >> 32);
  }
  // Bit k set when masks p[k] & bit != 0, for k < 8.
  static uint32_t StartHits8(const uint32_t* p, uint32_t bit) {
#if defined(__SSE2__)
    const __m128i b = _mm_set1_epi32(static_cast<int>(bit));
    const __m128i z = _mm_setzero_si128();
    const __m128i lo = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), b);
    const __m128i hi = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 4)), b);
    const int zero = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, z))) |
                     _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, z))) << 4;
    return ~static_cast<uint32_t>(zero) & 0xFFu;
#else
    uint32_t hits = 0;
    for (int k = 0; k < 8; ++k) hits |= static_cast<uint32_t>((p[k] & bit) != 0) << k;
    return hits;
#endif
  }
  // False when no phrase starts with a word of this hash (a bitmap of first-word hashes).
  bool MayStart(uint32_t hash) const { return TestBit(first_bits_, hash); }
  // Match's quick reject for a word whose mask says nothing about this trie.
  bool MayStartAt(const Word& w) const {
    return w.kind != WordKind::kPunct && MayStart(w.key_hash);
  }
  static bool TestBit(const uint64_t* bits, uint32_t hash) {
    return (bits[(hash >> 6) & kFirstMask] & (uint64_t{1} << (hash & 63))) != 0;
  }
  static void SetBit(uint64_t* bits, uint32_t hash) {
    bits[(hash >> 6) & kFirstMask] |= uint64_t{1} << (hash & 63);
  }
  // The bitmap key of a phrase's first two words. Only its low 14 bits are read, and the words'
  // hashes are well mixed already: one multiply (so that "a b" and "b a" differ) and an xor,
  // computed for most words of every stream (StartRefiner).
  static uint32_t PairHash(uint32_t first, uint32_t second) { return first * 0x9E3779B1u ^ second; }
  // Match past its quick rejects: the trie walk over words[i, stop).
  size_t MatchFrom(const Word* words, size_t i, size_t stop, uint32_t* payload) const;
  // The edge from `node` by `key`, or null. kFirstTested: the caller knows that some phrase
  // starts with a word of `hash` when node is the root (MatchFrom, after Match's filters), so
  // the edge table is not empty and the first-word bitmap need not be read again.
  template <bool kFirstTested = false>
  const Edge* FindEdge(uint32_t node, std::string_view key, uint32_t hash) const {
    if (!kFirstTested && node == 0 && !MayStart(hash)) return nullptr;
    for (size_t s = Slot(node, hash) & mask_;; s = (s + 1) & mask_) {
      const Edge& e = edges_[s];
      if (e.child == 0) return nullptr;
      if (e.hash == hash && e.parent == node && e.key_len == key.size() &&
          SameBytes(key.size() <= kInlineKey ? e.key : keys_.data() + e.key_off, key.data(),
                    key.size())) {
        return &e;
      }
    }
  }
  // Puts `edge` in the table (growing it first when needed); returns its slot.
  const Edge* Insert(const Edge& edge);

  static constexpr size_t kFirstWords = 256;  // 64-bit words of first_bits_
  static constexpr uint32_t kFirstMask = kFirstWords - 1;
  uint64_t first_bits_[kFirstWords] = {};  // bit (hash & 16383) set for each first word
  // Second filter, for common first words ("in", "the") that start phrases but rarely one here:
  // the hashes of the one-word phrases, and the PairHash of the first two words of the others.
  // A position whose word is no one-word phrase and whose pair is not in pair_bits_ starts none.
  uint64_t single_bits_[kFirstWords] = {};
  uint64_t pair_bits_[kFirstWords] = {};
  // This trie's bit in the start masks (StartIndex::Register), always with kStartsUnfiltered.
  uint32_t start_bit_ = kStartsUnfiltered;
  uint32_t num_nodes_ = 1;   // the root
  std::vector<Edge> edges_;  // size a power of two, at most a quarter full
  size_t mask_ = 0;
  size_t num_edges_ = 0;
  std::string keys_;  // the words longer than kInlineKey, back to back
  size_t count_ = 0;
  // WordStream gives every number word (IsTrieNumber) this key hash: MatchFrom reads a word's
  // text for the number test only when its hash is this one.
  uint32_t number_hash_ = WordKeyHash(kNumberKey);
};

// Which tries may start a phrase at a word, for all registered tries with one lookup per word
// (WordStream sets the start masks) instead of one bitmap probe per trie and word. Each registered
// trie gets a bit; a word's mask has the bit of every trie whose first-word bitmap has the
// word's hash, so the answer is exactly the trie's own MayStart. A StartRefiner then narrows a
// stream's masks by Match's second filter (a one-word phrase, or the pair of the word and the
// next one) as the words are made, so that a set bit is exactly a position where Match walks
// the trie. Register every trie that will be matched against streams made with this index,
// after the trie is complete, at load time; then read-only. At most 31 tries; the index must
// not be copied after tries register.
class StartIndex {
 public:
  // False when 31 tries are registered already (the trie keeps its own bitmap then).
  bool Register(PhraseTrie* trie);
  // A word's mask before refinement (`starts`), and the bits of it that stand only when the
  // next word completes the pair a phrase starts with (`pair_only`: the tries with no one-word
  // phrase of the word): one load gives both.
  struct Entry {
    uint32_t starts = 0;
    uint32_t pair_only = 0;
  };
  const Entry& Lookup(uint32_t hash) const { return entries_[hash & kMask]; }
  // Lookup's table, for a loop that keeps it in a register: Lookup(h) is entries()[h & kMask].
  const Entry* entries() const { return entries_.data(); }
  // The tries with a phrase starting with words of hashes `first` then `second`, maybe (a
  // bitmap of the pairs): pairs()[PairKey(first, second) & kMask].
  const uint32_t* pairs() const { return pair_masks_.data(); }
  static uint32_t PairKey(uint32_t first, uint32_t second) {
    return PhraseTrie::PairHash(first, second);
  }
  static constexpr uint32_t kMask = PhraseTrie::kFirstWords * 64 - 1;

 private:
  static constexpr size_t kSlots = PhraseTrie::kFirstWords * 64;  // one per first-bitmap bit
  std::vector<Entry> entries_ = std::vector<Entry>(kSlots);
  // The same per slot of a trie's single_bits_ and pair_bits_ (PhraseTrie::PairHash).
  std::vector<uint32_t> single_masks_ = std::vector<uint32_t>(kSlots, 0);
  std::vector<uint32_t> pair_masks_ = std::vector<uint32_t>(kSlots, 0);
  int next_bit_ = 0;
};

// StartIndex's refinement of a stream's masks, one word at a time as the words are made (no
// second pass over them): given word n, it clears in masks[n - 1] the bit of every trie that
// has no one-word phrase of word n - 1's hash and no phrase starting with the pair of words n - 1
// and n (none when word n is punctuation); Finish() does the same for the last word, which has no
// next one. Match finds nothing at a cleared bit for any `end`, and Next() need not stop there.
class StartRefiner {
 public:
  StartRefiner() = default;  // refines nothing: for a stream made without an index
  explicit StartRefiner(const StartIndex& index) : pairs_(index.pairs()) {}
  // Word n (punctuation, or a word of key hash `hash` whose StartIndex::Entry has `pair_only`)
  // was just made; masks[0, n] are set.
  [[gnu::always_inline]] void Step(uint32_t* masks, size_t n, bool punct, uint32_t hash,
                                   uint32_t pair_only) {
    if (pending_ != 0) {
      const uint32_t paired =
          punct ? 0 : pairs_[StartIndex::PairKey(hash_, hash) & StartIndex::kMask];
      Clear(masks, n - 1, pending_ & ~paired);
    }
    pending_ = punct ? 0 : pair_only;
    hash_ = hash;
  }
  void Finish(uint32_t* masks, size_t n) {
    if (pending_ != 0 && n > 0) Clear(masks, n - 1, pending_);
    pending_ = 0;
  }

 private:
  static void Clear(uint32_t* masks, size_t i, uint32_t bits) {
    if (bits == 0) return;
    masks[i] &= ~bits;
  }
  const uint32_t* pairs_ = nullptr;
  uint32_t pending_ = 0;  // the last word's pair_only bits, not yet settled
  uint32_t hash_ = 0;     // its key hash
};

// A set of single lowercase words, e.g. negators. Read-only after Load (then safe to read from
// many threads); Add is for load time.
class WordSet {
 public:
  // One word per line; '#' lines and blank lines are skipped.
  static Result<WordSet> Load(const std::string& path);
  void Add(std::string_view w);
  bool contains(std::string_view w) const { return Contains(w, WordKeyHash(w)); }
  // Whether w.lower is in the set, reusing the hash WordStream computed for the word. Inline
  // up to the bitmap test (the extractors ask it of many words, most not in the set); a word
  // whose key hash is not its text's (punctuation, numbers) is hashed out of line.
  [[gnu::always_inline]] bool contains(const Word& w) const {
    if (w.kind != WordKind::kWord || IsTrieNumber(w)) return ContainsText(w.lower);
    return Contains(w.lower, w.key_hash);
  }

 private:
  // A bitmap of the words' hashes in front of the table: most words looked up are not in it.
  static constexpr size_t kBitWords = 64;
  // The table: open addressing on the word's hash (linear probing), each slot the hash and
  // 1 + the word's index in words_ (0: empty), at most half full. A probe compares hashes
  // before bytes, so a lookup that passes the bitmap rarely compares a string that differs
  // (std::unordered_set cost a division, a node per word and a call to compare).
  struct Slot {
    uint32_t hash = 0;
    uint32_t word = 0;
  };
  static size_t Home(uint32_t h) { return (h ^ (h >> 15)) * 0x9E3779B1u; }
  // The bitmap inline, the table (rarely reached) out of line.
  bool Contains(std::string_view w, uint32_t h) const {
    if ((bits_[(h >> 6) & (kBitWords - 1)] & (uint64_t{1} << (h & 63))) == 0) return false;
    return InTable(w, h);
  }
  bool InTable(std::string_view w, uint32_t h) const;
  // contains(w) for contains(const Word&)'s rare words, out of line.
  bool ContainsText(std::string_view w) const;
  uint64_t bits_[kBitWords] = {};
  std::vector<Slot> slots_ = std::vector<Slot>(8);  // size a power of two
  size_t mask_ = 7;
  std::vector<std::string> words_;
};

// Parses "a|b|c" into its non-empty parts.
std::vector<std::string_view> SplitBar(std::string_view s);

// Adds each single word of the "a|b|c" list `words` (a row of function_words.tsv's class
// `name`) to `set`, normalised as Word::lower holds it (a sign such as "&", which normalises to
// no word, as written). A phrase of several words is an error: these classes are tested word by
// word.
Status AddSingleWords(std::string_view name, std::string_view words, WordSet* set);

// The single-word classes of function_words.tsv that modules other than ClaimExtractor read:
// ClaimExtractor rejects a class it does not know (a typo would silently empty a class) and
// skips these.
inline constexpr std::string_view kSharedWordClasses[] = {"article",   "definite",    "aside",
                                                          "home_prep", "place_coord", "additive"};

// One single-word class of function_words.tsv and the set it fills.
struct WordClassSpec {
  std::string_view name;
  WordSet* set;
};
// Reads the classes `classes` of the function_words.tsv at `path` into their sets, once at
// start-up; rows of other classes are left to their readers.
Status LoadWordClasses(const std::string& path, std::span<const WordClassSpec> classes);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_LEXICON_H_
