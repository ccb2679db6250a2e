// Lexicon helpers shared by the text stage: reading the simple TSV data files under data/text/,
// lower-casing a token into a stack buffer, string-keyed hash maps that accept string_view
// lookups, the lower-cased and hashed keys of a Doc's tokens (TokenKeys, built once per
// document and shared by the finders), and a phrase table that matches multi-word entries
// ("more than", "a day earlier") against a Doc's tokens.
//
// Thread safety: everything here is immutable after loading; const methods may be called from
// many threads at once. Nothing allocates per lookup (lower-casing writes into a caller buffer).
// A TokenKeys is per document: build and read it on one thread (or share it read-only).
#ifndef SITREP_TEXT_LEXICON_H_
#define SITREP_TEXT_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/flat_map.h"
#include "base/status.h"
#include "model/doc.h"

namespace sitrep {

// A lower-cased word with its StringHash, computed once per token (TokenKeys) so the many
// lexicon lookups of one token do not lower-case and hash it again. StringMap and KeyTable
// accept it as a lookup key.
struct HashedWord {
  std::string_view s;
  size_t hash = 0;
  friend bool operator==(const HashedWord& a, const std::string& b) { return a.s == b; }
};

// Word-at-a-time hashing of lexicon keys: eight bytes (little-endian, the last chunk
// zero-padded) per multiply, seeded with the length, then a final mix so that the low bits
// (which the KeyTable and PhraseTable bitmaps use) are well spread. Much cheaper than a
// byte-serial hash on the millions of tokens a batch has; TokenKeys computes the same value
// from its own lower-cased chunks. The values are only used in memory (never stored).
constexpr uint64_t KeyHashSeed(size_t n) { return 0xCBF29CE484222325ULL ^ (n * 0x100000001B3ULL); }
constexpr uint64_t KeyHashChunk(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}
constexpr uint64_t KeyHashFinish(uint64_t h) {
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 32);
}

// StringHash of every one-byte ASCII key (lower-cased), computed at compile time: TokenKeys
// looks up the commonest tokens' (punctuation) hashes instead of computing them.
struct OneByteKeyHashes {
  size_t hash[128];
  constexpr OneByteKeyHashes() : hash() {
    for (int b = 0; b < 128; ++b) {
      const uint64_t c = static_cast<uint64_t>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      hash[b] = static_cast<size_t>(KeyHashFinish(KeyHashChunk(KeyHashSeed(1), c)));
    }
  }
};
inline constexpr OneByteKeyHashes kOneByteKeyHashes{};

// A HashedWord brings its hash along.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    const size_t n = s.size();
    uint64_t h = KeyHashSeed(n);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t c = 0;
      for (size_t b = 0; b < 8; ++b) c |= uint64_t{static_cast<unsigned char>(s[i + b])} << (8 * b);
      h = KeyHashChunk(h, c);
    }
    if (i < n) {
      uint64_t c = 0;
      for (size_t b = 0; i + b < n; ++b)
        c |= uint64_t{static_cast<unsigned char>(s[i + b])} << (8 * b);
      h = KeyHashChunk(h, c);
    }
    return static_cast<size_t>(KeyHashFinish(h));
  }
  size_t operator()(const HashedWord& w) const { return w.hash; }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One non-comment line of a TSV data file, split on tabs.
struct TsvRow {
  int line = 0;  // 1-based line number, for messages
  std::vector<std::string> fields;
};

// "path:line: ", the start of a load error about row `line` of `path`.
inline std::string TsvWhere(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ": ";
}

// Reads `path`: '#' starts a comment line, blank lines are skipped, fields are tab-separated and
// trimmed of surrounding spaces. The error names the file.
Result<std::vector<TsvRow>> ReadTsv(const std::string& path);

// Lower-cases `s` into a fixed buffer (ASCII fast path; other letters by ICU simple case mapping;
// the apostrophes U+2019 and U+02BC become ASCII '\'', as in LowerString).
// Tokens longer than the buffer are truncated and flagged `overflow` (no lexicon entry is that
// long).
class LowerBuf {
 public:
  LowerBuf() = default;
  explicit LowerBuf(std::string_view s) { Set(s); }
  // Bytes of lower-cased text it holds; a longer token is cut at the last code point that fits.
  static constexpr size_t kCapacity = 96;
  // Inline ASCII path (most tokens); the rest goes through SetSlow.
  void Set(std::string_view s) {
    overflow_ = false;
    if (s.size() <= sizeof(buf_)) {
      size_t i = 0;
      for (; i < s.size(); ++i) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b >= 0x80) break;
        buf_[i] = (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
      }
      if (i == s.size()) {
        n_ = i;
        return;
      }
    }
    SetSlow(s);
  }
  std::string_view view() const { return std::string_view(buf_, n_); }
  bool overflow() const { return overflow_; }

 private:
  void SetSlow(std::string_view s);
  char buf_[kCapacity];
  size_t n_ = 0;
  bool overflow_ = false;
};

// Lower-cases a whole string (for building lexicons at load time), U+2019 and U+02BC as '\''.
std::string LowerString(std::string_view s);

// Splits a phrase on spaces into lower-cased words.
std::vector<std::string> SplitWords(std::string_view phrase);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.span.begin, t.span.size());
}

class TokenKeysWriter;  // segment.cc: the tokeniser's direct access while it adds keys

// The lower-cased text (LowerBuf's, truncation included) and StringHash of every token of a
// Doc, computed once so that the text stage's finders share them (the text stage has the
// tokeniser make them as it makes the tokens: Start/Add, Segmenter::Segment); the pipeline
// hands the same keys on to the geocoder and the extractor, whose word scanners reuse the spans
// and lower-cased forms of plain ASCII words (ascii_word) rather than re-scanning the text.
// Build() and Start() replace the contents; the keys own their bytes and stay valid until the
// next Build() or Start(), or destruction.
class TokenKeys {
 public:
  TokenKeys() = default;
  TokenKeys(std::string_view text, const std::vector<Token>& tokens) { Build(text, tokens); }
  TokenKeys(const TokenKeys&) = delete;
  TokenKeys& operator=(const TokenKeys&) = delete;

  void Build(std::string_view text, const std::vector<Token>& tokens);
  // The same, given the Segmenter's plain flags of the tokens (Segmenter::Segment: 1 for a
  // token of ASCII letters and digits only), which spare Build testing every byte for
  // ascii_word. Flags of another size are ignored.
  void Build(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<uint8_t>& plain);
  // Building token by token, for a tokeniser that makes the keys as it emits its tokens
  // (Segmenter::Segment with keys) instead of a second pass over them: Start() clears the keys
  // for `text`, then Add() appends the key of each token in order, with the same result as
  // Build(text, tokens, plain) on the tokens and flags so added (but for space_link, which only
  // the tokeniser sets). `plain` is the Segmenter's
  // flag (the token is ASCII letters and digits only). The text must stay the same until the
  // last Add().
  void Start(std::string_view text, size_t expected_tokens);
  [[gnu::always_inline]] void Add(std::string_view text, Span span, bool plain) {
    if (size_ == keys_cap_) GrowKeys(size_ + 1);
    if (plain) {
      if (AddPlainFast(text, span)) return;
      AddGiven(text, span, 1);
    } else if (span.size() == 1 && static_cast<unsigned char>(text[span.begin]) < 0x80 &&
               used_ + 1 <= lower_cap_) {
      AddAsciiMark(static_cast<unsigned char>(text[span.begin]));
    } else {
      AddGiven(text, span, 0);
    }
  }
  size_t size() const { return size_; }
  HashedWord operator[](size_t i) const {
    const Key& k = keys_[i];
    return HashedWord{std::string_view(lower_.get() + k.off, k.len), k.hash};
  }
  std::string_view lower(size_t i) const {
    return std::string_view(lower_.get() + keys_[i].off, keys_[i].len);
  }
  // Whether token i's text (all of it, also when the key is truncated) contains '-'.
  bool hyphen(size_t i) const { return keys_[i].hyphen; }
  // Whether token i is 1 to LowerBuf::kCapacity bytes of ASCII letters and digits only, so that
  // lower(i) is its whole text lower-cased byte for byte. The geocoder and the extraction
  // WordStream take such tokens as their own words as they are (when the characters around them
  // allow it) instead of scanning and lower-casing their bytes again.
  bool ascii_word(size_t i) const { return (keys_[i].flags & kAsciiWord) != 0; }
  // The per-word facts the word scanners downstream share, known to the tokeniser as it makes
  // the token so that the geocoder and the extraction WordStream need not test the bytes around
  // it again. True only when token i is an ascii_word that begins one space after token i - 1
  // ends and is followed by the text's end or an ASCII byte that is neither a letter, a digit,
  // a hyphen nor an apostrophe (nothing can join it to a longer word). Set by the tokeniser's
  // ASCII runs (Segmenter::Segment with keys) on the words they continue with; false says
  // nothing (Build and Add leave it unset), so a reader tests the bytes itself then.
  bool space_link(size_t i) const { return (keys_[i].flags & kSpaceLink) != 0; }

  // The keys' arrays as plain pointers, for a word scanner's per-token loop: held in registers,
  // they are not reloaded after each store the loop makes (stores through other pointers may
  // alias a TokenKeys' members, so reading through the object reloads its arrays every time).
  // The same answers as the TokenKeys' accessors; valid until the keys next change.
  class View;
  View view() const;

 private:
  // The Segmenter's tokeniser appends the keys of plain ASCII words with the bytes it scanned
  // them from still in a register (segment.cc), between Start() and its last Add().
  friend class TokenKeysWriter;
  static constexpr uint8_t kAsciiWord = 1;
  static constexpr uint8_t kSpaceLink = 2;  // space_link(); only with kAsciiWord
  // Build(), with the ascii_word flags from `plain` (kGivenPlain) or from the bytes.
  template <bool kGivenPlain>
  void BuildKeys(std::string_view text, const std::vector<Token>& tokens, const uint8_t* plain);
  // Appends the key of the token at `span` (keys_ has room for it): BuildKeys' step, with
  // `plain` its flag when kGivenPlain.
  template <bool kGivenPlain>
  void AddKey(std::string_view text, Span span, uint8_t plain);
  // AddKey<true>, out of line (Add's path for the tokens AddPlainFast does not take).
  void AddGiven(std::string_view text, Span span, uint8_t plain);
  // AddKey<true>(text, span, 1) for a token the fast path can take (ASCII letters and digits
  // only, so no byte is tested for a capital's or hyphen's sake beyond the lower-casing):
  // false, with nothing written, when the token is too long or too near the end of the text
  // or of the buffer for whole eight-byte chunks.
  [[gnu::always_inline]] bool AddPlainFast(std::string_view text, Span span) {
    const size_t len = span.size();
    const size_t padded = (len + 7) & ~size_t{7};
    if (len == 0 || len > kFastLen || span.begin + padded > text.size() ||
        used_ + padded > lower_cap_) {
      return false;
    }
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    const char* src = text.data() + span.begin;
    char* out = lower_.get() + used_;
    uint64_t h = KeyHashSeed(len);
    for (size_t off = 0; off < len; off += 8) {
      uint64_t c;
      std::memcpy(&c, src + off, 8);
      if (len - off < 8) c &= ~uint64_t{0} >> (8 * (8 - (len - off)));
      // Bytes 'A'..'Z' (all bytes are ASCII: the additions cannot carry).
      c |= ((c + 0x3F * kOnes) & ~(c + 0x25 * kOnes) & kHigh) >> 2;
      std::memcpy(out + off, &c, 8);
      h = KeyHashChunk(h, c);
    }
    Key& k = keys_[size_++];
    k.off = static_cast<uint32_t>(used_);
    k.len = static_cast<uint16_t>(len);
    k.hyphen = false;
    k.flags = kAsciiWord;
    k.hash = static_cast<size_t>(KeyHashFinish(h));
    used_ += len;
    return true;
  }
  // AddKey<true>(text, span, 0) for a one-byte ASCII token (a punctuation mark or symbol, the
  // commonest token the tokeniser does not flag plain): its hash from a table.
  [[gnu::always_inline]] void AddAsciiMark(unsigned char b) {
    const char lower = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    lower_[used_] = lower;
    Key& k = keys_[size_++];
    k.off = static_cast<uint32_t>(used_);
    k.len = 1;
    k.hyphen = b == '-';
    k.flags = 0;
    k.hash = kOneByteKeyHashes.hash[b];
    used_ += 1;
  }
  // Grows keys_ to at least `need` keys, keeping the first size_.
  void GrowKeys(size_t need);
  // Trivial (no member initialisers), so that growing the array leaves it uninitialised: Build
  // writes every key it reads.
  struct Key {
    uint32_t off;
    uint16_t len;  // at most LowerBuf::kCapacity bytes
    bool hyphen;
    uint8_t flags;  // kAsciiWord, kSpaceLink
    size_t hash;
  };
  // Longest token lower-cased inline; LowerBuf (which truncates longer ones) does the rest.
  static constexpr size_t kFastLen = LowerBuf::kCapacity;
  // Grows lower_ to at least `need` bytes, keeping its first `used`.
  void GrowLower(size_t need, size_t used);
  // Plain arrays rather than std::string/std::vector: those zero every byte they grow by, for
  // every document (the keys are reused per thread, but each text is a new size), and Build
  // overwrites what it uses anyway.
  std::unique_ptr<char[]> lower_;  // every token's lower-cased text, back to back (and slack)
  size_t lower_cap_ = 0;
  std::unique_ptr<Key[]> keys_;
  size_t keys_cap_ = 0;
  size_t size_ = 0;  // keys in use
  size_t used_ = 0;  // bytes of lower_ in use

 public:
  class View {
   public:
    bool ascii_word(size_t i) const { return (keys_[i].flags & kAsciiWord) != 0; }
    bool space_link(size_t i) const { return (keys_[i].flags & kSpaceLink) != 0; }
    std::string_view lower(size_t i) const {
      return std::string_view(lower_ + keys_[i].off, keys_[i].len);
    }
    size_t hash(size_t i) const { return keys_[i].hash; }

   private:
    friend class TokenKeys;
    View(const Key* keys, const char* lower) : keys_(keys), lower_(lower) {}
    const Key* keys_;
    const char* lower_;
  };
};

inline TokenKeys::View TokenKeys::view() const { return View(keys_.get(), lower_.get()); }

// Multi-word phrases matched token by token (case-insensitive), longest first. Each phrase carries
// an int payload chosen by the caller (an index into its own table).
//
// Phrases of two or more words are indexed by the hashes of their first two words (and, for
// MatchBackward, their last two), so a lookup probes once for the pair at the token and its
// neighbour instead of walking every phrase that starts with a common word ("the", "a"); the
// words are then compared in full (hash, then bytes), so a hash collision costs time, not
// correctness.
class PhraseTable {
 public:
  void Add(std::string_view phrase, int payload);
  // Longest phrase starting at token `i`; returns the payload and sets *end_token one past its
  // last token, or returns -1.
  int MatchForward(std::string_view text, const std::vector<Token>& tokens, size_t i,
                   size_t* end_token) const;
  // Longest phrase whose last token is `last` (inclusive); sets *begin_token to its first token.
  int MatchBackward(std::string_view text, const std::vector<Token>& tokens, size_t last,
                    size_t* begin_token) const;
  // The same on precomputed keys (TokenKeys of the Doc's tokens): no lower-casing or hashing.
  int MatchForward(const TokenKeys& keys, size_t i, size_t* end_token) const;
  int MatchBackward(const TokenKeys& keys, size_t last, size_t* begin_token) const;
  bool empty() const { return first_words_.empty(); }
  // Calls fn(word) for the first word of every phrase (to build quick-reject sets).
  template <typename Fn>
  void ForEachFirstWord(Fn fn) const {
    for (const std::string& w : first_words_) fn(std::string_view(w));
  }
  // Calls fn(first, second) for every phrase's first two words (second empty for a one-word
  // phrase), once per distinct pair: what must follow a word for a phrase to start with it.
  template <typename Fn>
  void ForEachOpening(Fn fn) const {
    for (const auto& [first, second] : openings_) {
      fn(std::string_view(first), std::string_view(second));
    }
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    std::vector<size_t> hashes;  // StringHash of each word: most mismatches fail on it
    int payload;
  };
  // StringHash as FlatMap's hash, so a token's key (TokenKeys) is looked up with the hash it
  // carries.
  struct WordHash {
    uint64_t operator()(std::string_view s) const { return StringHash{}(s); }
  };
  // The StringHashes of a phrase's edge word (first or last) and of the word next to it.
  struct PairKey {
    uint64_t edge = 0, next = 0;
    friend bool operator==(const PairKey&, const PairKey&) = default;
  };
  struct PairHash {
    uint64_t operator()(const PairKey& k) const {
      const uint64_t h = (k.edge ^ (k.next * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
      return h ^ (h >> 32);
    }
  };
  // The phrases seen from one end (the first word for MatchForward, the last for MatchBackward).
  static constexpr size_t kBitWords = 64;
  struct Index {
    // One bit per hash value of the edge words: most tokens start (end) no phrase, and the
    // bitmap rejects them before any table is probed.
    uint64_t bits[kBitWords] = {};
    FlatMap<std::string, int, WordHash> single;  // one-word phrase -> payload (the first added)
    FlatMap<PairKey, std::vector<Entry>, PairHash> pairs;  // longer phrases, longest first
  };
  static bool TestBit(const uint64_t* bits, size_t h) {
    return (bits[(h >> 6) & (kBitWords - 1)] & (uint64_t{1} << (h & 63))) != 0;
  }
  static void AddTo(Index* index, const Entry& entry, bool forward);
  // The longest phrase of `index` with its edge word at token `edge` (of `count`), reading
  // token k's key as word_at(k, scratch) (a HashedWord that may live in *scratch); sets *other
  // to one past its last token (forward) or to its first token (backward).
  template <typename WordAt>
  static int Match(const Index& index, size_t count, size_t edge, bool forward, WordAt word_at,
                   size_t* other);
  Index first_, last_;
  std::vector<std::string> first_words_;  // every phrase's first word, once (for ForEachFirstWord)
  std::vector<std::pair<std::string, std::string>> openings_;  // for ForEachOpening, once each
};

}  // namespace sitrep

#endif  // SITREP_TEXT_LEXICON_H_
