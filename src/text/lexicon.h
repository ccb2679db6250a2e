// Lexicon helpers shared by the text stage: reading the simple TSV data files under data/text/,
// lower-casing a token into a stack buffer, string-keyed hash maps that accept string_view
// lookups, and a phrase table that matches multi-word entries ("more than", "a day earlier")
// against a Doc's tokens.
//
// Thread safety: everything here is immutable after loading; const methods may be called from
// many threads at once. Nothing allocates per lookup (lower-casing writes into a caller buffer).
#ifndef SITREP_TEXT_LEXICON_H_
#define SITREP_TEXT_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/doc.h"

namespace sitrep {

// FNV-1a, inline: lexicon keys are short words, where it beats a call to the library's hash.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001B3ULL;
    }
    return static_cast<size_t>(h);
  }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// A set of words with a bitmap in front: most tokens are not in it, and the bitmap (one bit
// per hash value, 16K bits) rejects them without touching the hash table.
class QuickSet {
 public:
  void Add(std::string_view w) {
    size_t h = StringHash{}(w);
    bits_[(h >> 6) & (kWords - 1)] |= uint64_t{1} << (h & 63);
    set_[std::string(w)] = true;
  }
  bool contains(std::string_view w) const {
    size_t h = StringHash{}(w);
    if ((bits_[(h >> 6) & (kWords - 1)] & (uint64_t{1} << (h & 63))) == 0) return false;
    return set_.find(w) != set_.end();
  }

 private:
  static constexpr size_t kWords = 256;
  uint64_t bits_[kWords] = {};
  std::unordered_map<std::string, bool, StringHash, std::equal_to<>> set_;
};

// One non-comment line of a TSV data file, split on tabs.
struct TsvRow {
  int line = 0;  // 1-based line number, for messages
  std::vector<std::string> fields;
};

// Reads `path`: '#' starts a comment line, blank lines are skipped, fields are tab-separated and
// trimmed of surrounding spaces. The error names the file.
Result<std::vector<TsvRow>> ReadTsv(const std::string& path);

// Lower-cases `s` into a fixed buffer (ASCII fast path; other letters by ICU simple case mapping).
// Tokens longer than the buffer are truncated and flagged `overflow` (no lexicon entry is that long).
class LowerBuf {
 public:
  LowerBuf() = default;
  explicit LowerBuf(std::string_view s) { Set(s); }
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
  char buf_[96];
  size_t n_ = 0;
  bool overflow_ = false;
};

// Lower-cases a whole string (for building lexicons at load time).
std::string LowerString(std::string_view s);

// Splits a phrase on spaces into lower-cased words.
std::vector<std::string> SplitWords(std::string_view phrase);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.span.begin, t.span.size());
}

// Multi-word phrases matched token by token (case-insensitive), longest first. Each phrase carries
// an int payload chosen by the caller (an index into its own table).
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
  bool empty() const { return by_first_.empty(); }
  // Calls fn(word) for the first word of every phrase (to build quick-reject sets).
  template <typename Fn>
  void ForEachFirstWord(Fn fn) const {
    for (const auto& [w, entries] : by_first_) fn(w);
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    int payload;
  };
  StringMap<std::vector<Entry>> by_first_;  // sorted longest first
  StringMap<std::vector<Entry>> by_last_;   // sorted longest first
};

}  // namespace sitrep

#endif  // SITREP_TEXT_LEXICON_H_
