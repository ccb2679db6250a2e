// Word streams and phrase tries: the matching machinery shared by the extraction lexicons
// (actors, triggers, claim cues, attribution sources, background cues).
//
// A WordStream is extraction's own view of an article: words (ASCII-lowercased, split at hyphens
// and apostrophes so "al-Shabaab" and "Pakistan’s" match "al shabaab" / "pakistan s"),
// punctuation marks, and one kNumber word per Doc quantity ("at least 23" is one word). Every
// word carries its [begin,end) byte span into the article text. It does not depend on how the
// text stage tokenizes, only on its sentences and quantities.
//
// A PhraseTrie maps word sequences to payloads and finds the longest match at a position.
// Built once at load, then read-only: safe to share between threads.
#ifndef SITREP_EXTRACT_LEXICON_H_
#define SITREP_EXTRACT_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "model/doc.h"

namespace sitrep {

enum class WordKind : uint8_t { kWord, kNumber, kPunct };

struct Word {
  Span span;
  std::string_view lower;  // lowercased word, the quantity's text, or the punctuation mark
  WordKind kind = WordKind::kWord;
  int32_t quantity = -1;   // index into Doc::quantities for kNumber
  uint32_t sentence = 0;   // index into WordStream sentences
};

class WordStream {
 public:
  // `text` must outlive the stream. When `doc` has no sentences, lines are used instead.
  WordStream(std::string_view text, const Doc& doc);
  WordStream(const WordStream&) = delete;
  WordStream& operator=(const WordStream&) = delete;

  std::string_view text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  size_t num_sentences() const { return sent_spans_.size(); }
  Span sentence_span(size_t s) const { return sent_spans_[s]; }
  uint32_t sentence_begin(size_t s) const { return sent_first_[s]; }  // word index
  uint32_t sentence_end(size_t s) const { return sent_first_[s + 1]; }
  // Index of the paragraph (blocks separated by a line break) the sentence is in.
  uint32_t paragraph(size_t s) const { return sent_para_[s]; }
  // Original text of word i.
  std::string_view Original(size_t i) const {
    return text_.substr(words_[i].span.begin, words_[i].span.size());
  }
  // Sentence index containing byte offset `pos` (the last sentence starting at or before it).
  size_t SentenceAt(uint32_t pos) const;

 private:
  std::string_view text_;
  std::string lower_;  // ASCII-lowercased copy of text_, same byte offsets
  std::vector<Word> words_;
  std::vector<Span> sent_spans_;
  std::vector<uint32_t> sent_first_;  // size num_sentences()+1
  std::vector<uint32_t> sent_para_;
};

// Splits a lexicon phrase the way WordStream splits text: lowercased words, no punctuation.
// The piece "<n>" stands for any number word (a Doc quantity).
inline constexpr std::string_view kNumberKey = "\x01";
std::vector<std::string> NormalizePhrase(std::string_view phrase);

class PhraseTrie {
 public:
  // Adds `phrase` (any spelling: it is normalized). Returns false for an empty phrase. A later
  // payload for the same phrase replaces the earlier one.
  bool Add(std::string_view phrase, uint32_t payload);
  // Longest phrase starting at words[i] and ending before `end`; returns its length in words
  // (0 when none) and sets *payload. Punctuation never matches; numbers match only "<n>".
  size_t Match(const std::vector<Word>& words, size_t i, size_t end, uint32_t* payload) const;
  size_t size() const { return count_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Node {
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> next;
    int64_t payload = -1;
  };
  std::vector<Node> nodes_ = std::vector<Node>(1);
  size_t count_ = 0;
};

// A set of single lowercase words, e.g. negators. Read-only after Load.
class WordSet {
 public:
  // One word per line; '#' lines and blank lines are skipped.
  static Result<WordSet> Load(const std::string& path);
  void Add(std::string_view w) { words_.emplace(w); }
  bool contains(std::string_view w) const { return words_.find(w) != words_.end(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

// Reads a data file of tab-separated lines; '#' lines and blank lines are skipped. Calls `fn`
// with the columns (trimmed) and the 1-based line number; a row with fewer than `min_cols`
// columns, or an error from `fn`, fails with "path:line: message".
Status ForEachTsvRow(
    const std::string& path, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int line)>& fn);

// Parses "a|b|c" into its non-empty parts.
std::vector<std::string_view> SplitBar(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_LEXICON_H_
