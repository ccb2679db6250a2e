#include "extract/lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "base/data_dir.h"
#include "text/lexicon.h"

namespace sitrep {
namespace {

enum class CharClass : uint8_t { kWord, kSpace, kJoiner, kPunct };

// Decodes one UTF-8 sequence at s[i]; invalid bytes decode as themselves, length 1.
uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return c;
  }
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      *len = 1;
      return c;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = static_cast<size_t>(n);
  return cp;
}

constexpr CharClass AsciiClass(uint32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
    return CharClass::kWord;
  }
  if (cp <= ' ' || cp == 0x7F) return CharClass::kSpace;
  if (cp == '-' || cp == '\'' || cp == '_') return CharClass::kJoiner;
  return CharClass::kPunct;
}

struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (uint32_t c = 0; c < 128; ++c) cls[c] = AsciiClass(c);
  }
};
constexpr AsciiTable kAscii;

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      return CharClass::kWord;
    }
    if (cp <= ' ' || cp == 0x7F) return CharClass::kSpace;
    if (cp == '-' || cp == '\'' || cp == '_') return CharClass::kJoiner;
    return CharClass::kPunct;
  }
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (cp == 0x2010 || cp == 0x2011 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
    return CharClass::kJoiner;
  }
  if ((cp >= 0x2012 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB || cp == 0x060C || cp == 0x061B ||
      cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 ||
      (cp >= 0x3001 && cp <= 0x3011) || cp == 0xBF || cp == 0xA1) {
    return CharClass::kPunct;
  }
  return CharClass::kWord;
}

// ASCII lower-casing by table: one load per byte, no branch.
struct LowerTable {
  char to[256];
  // The lower-case form of an ASCII word character, 0 for every other byte: one load both
  // classifies and lower-cases a byte of the common run.
  char word[256];
  // 1 for a byte before a token that may continue a word into it: an ASCII word character or
  // any byte of a multi-byte character (not decoded there). One load instead of two tests.
  uint8_t joins[256];
  // 1 for a one-byte ASCII punctuation mark (CharClass::kPunct).
  uint8_t mark[256];
  // 1 for a byte a name may start with: an ASCII capital, or 0xC3 (the lead byte of the
  // Latin-1 letters, capitals among them). See WordStream::capitalized().
  uint8_t capital[256];
  constexpr LowerTable() : to(), word(), joins(), mark(), capital() {
    for (int c = 0; c < 256; ++c) {
      to[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      word[c] = c < 0x80 && AsciiClass(static_cast<uint32_t>(c)) == CharClass::kWord ? to[c] : 0;
      joins[c] = c >= 0x80 || word[c] != 0;
      mark[c] = c < 0x80 && AsciiClass(static_cast<uint32_t>(c)) == CharClass::kPunct;
      capital[c] = (c >= 'A' && c <= 'Z') || c == 0xC3;
    }
  }
};
constexpr LowerTable kLower;

// Writes the character cp (len bytes in UTF-8) lower-cased to out when its lower case is as
// long, else as it is: sentence-initial "Погибли", "Ärzte" meet the data's lower-case words
// while every key keeps its offsets (Turkish "İ", whose lower case is longer, stays).
void LowerWide(uint32_t cp, size_t len, const char* in, char* out) {
  const UChar32 lc = u_tolower(static_cast<UChar32>(cp));
  if (lc == static_cast<UChar32>(cp) || static_cast<size_t>(U8_LENGTH(lc)) != len) {
    std::memcpy(out, in, len);
    return;
  }
  int32_t n = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(out), n, lc);
}

// Calls emit(begin, end, is_punct) for each word or punctuation mark of s[from, to). When
// `lower` is not null, the bytes of every word are written there lower-cased at the same
// offsets (ASCII by table, other letters by LowerWide; the scan reads them anyway), so the
// caller needs no second pass over the text.
template <typename Emit>
void Split(std::string_view s, size_t from, size_t to, char* lower, Emit emit) {
  size_t i = from;
  size_t word_begin = std::string_view::npos;
  while (i < to) {
    size_t len = 1;
    unsigned char b = static_cast<unsigned char>(s[i]);
    const uint32_t cp = b < 0x80 ? b : Decode(s, i, &len);
    CharClass cc = b < 0x80 ? kAscii.cls[b] : Classify(cp);
    if (cc == CharClass::kWord) {
      if (word_begin == std::string_view::npos) word_begin = i;
      if (lower != nullptr) {
        if (b < 0x80) {
          lower[i] = kLower.to[b];
        } else {
          LowerWide(cp, len, s.data() + i, lower + i);
        }
      }
      // The rest of an ASCII run of word characters, without the general step.
      i += len;
      if (lower != nullptr) {
        while (i < to) {
          const char l = kLower.word[static_cast<unsigned char>(s[i])];
          if (l == 0) break;
          lower[i++] = l;
        }
      } else {
        while (i < to) {
          unsigned char c = static_cast<unsigned char>(s[i]);
          if (c >= 0x80 || kAscii.cls[c] != CharClass::kWord) break;
          ++i;
        }
      }
      continue;
    }
    if (word_begin != std::string_view::npos) {
      emit(word_begin, i, false);
      word_begin = std::string_view::npos;
    }
    if (cc == CharClass::kPunct) emit(i, i + len, true);
    i += len;
  }
  if (word_begin != std::string_view::npos) emit(word_begin, to, false);
}

}  // namespace

namespace {

// The buffers of the last finished WordStream of this thread, for the next one to reuse.
struct SpareBuffers {
  bool full = false;
  std::unique_ptr<char[]> lower;
  size_t lower_capacity = 0;
  std::vector<Word> words;
  std::vector<uint32_t> starts;
  std::vector<uint32_t> caps;
  std::vector<uint32_t> numbers;
  std::vector<Span> sent_spans;
  std::vector<uint32_t> sent_first;
  std::vector<uint32_t> sent_para;
  std::vector<uint8_t> sent_number;
};
thread_local SpareBuffers t_spare;

// Whether the character at text[p] is one Split() puts in a word.
bool IsWordAt(std::string_view text, size_t p) {
  const unsigned char b = static_cast<unsigned char>(text[p]);
  if (b < 0x80) return kAscii.cls[b] == CharClass::kWord;
  size_t len = 1;
  return Classify(Decode(text, p, &len)) == CharClass::kWord;
}

// The sentences of a WordStream being made, and which one its words are in.
struct SentenceCursor {
  const Span* spans;     // ascending
  size_t num;            // at least 1
  uint32_t* first_word;  // WordStream's sent_first_
  size_t cur = 0;        // sentence of the last word
  // Where the sentence after `cur` begins (UINT32_MAX after the last): one compare per word.
  uint32_t next_begin;
  // first_word[0, filled) are set; first_word[0] is 0 (the first word, or none at all).
  size_t filled = 1;

  // Moves to the sentence of a word at `begin` (at or past next_begin), the one of index
  // `index`: the sentences up to it (those without words of their own too) begin there.
  void Advance(uint32_t begin, uint32_t index) {
    while (cur + 1 < num && begin >= spans[cur + 1].begin) ++cur;
    next_begin = cur + 1 < num ? spans[cur + 1].begin : UINT32_MAX;
    while (filled <= cur) first_word[filled++] = index;
  }
};

// What TakeTokens reads: the text stage's tokens and keys and where the words go.
struct TokenSource {
  std::string_view text;
  const Token* tokens;
  size_t num_tokens;
  const TokenKeys* keys;
  const StartIndex* starts;  // may be null
  uint32_t number_hash;
};

// The state TakeTokens advances.
struct TokenRun {
  size_t token;  // the next token to look at
  size_t from;   // the text before it is made into words already
  size_t words;  // words made
  size_t caps;   // entries of WordStream::capitalized() made
  SentenceCursor* sentences;
  StartRefiner* refiner;  // null when src.starts is
};

// SentenceCursor::Advance, kept out of TakeTokens' loop.
[[gnu::noinline]] void NextSentence(SentenceCursor* sc, uint32_t begin, uint32_t index) {
  sc->Advance(begin, index);
}

static_assert(sizeof(Span) == 8 && offsetof(Span, end) == 4);

// WordStream's common case in a loop of its own (the constructor is too large for its state
// to stay in registers): from token run->token on, makes the words of the tokens Split() would
// make the same words of, as long as each is a plain ASCII word or a one-byte ASCII mark right
// after the last one or a single space after it, ends by `to`, and `capacity` words have
// room; it moves run->sentences on at a word of the next sentence (out of line: a sentence has
// many words, and a stop there for the general path cost a return and a call per sentence).
// Skips the tokens the constructor would skip. Stops at any other token, for the constructor's
// general path. A word that may start a name is recorded in `caps` (which has room for
// `capacity` entries, as many as words).
// kIndexed: src.starts is set (one loop for each case, for a test less per word).
template <bool kIndexed>
[[gnu::noinline]] void TakeTokens(const TokenSource& src, size_t to, Word* words, uint32_t* masks,
                                  uint32_t* caps, size_t capacity, TokenRun* run) {
  const unsigned char* const tb = reinterpret_cast<const unsigned char*>(src.text.data());
  const Token* const tk = src.tokens;
  const TokenKeys::View keys = src.keys->view();
  // The table itself, not the index: stores to the words would make the compiler reload the
  // vector's data pointer for every lookup. The refiner as a local, for the same reason.
  const StartIndex::Entry* const table = kIndexed ? src.starts->entries() : nullptr;
  const uint32_t punct_mask = kIndexed ? 0 : kStartsUnfiltered;
  StartRefiner refiner = kIndexed ? *run->refiner : StartRefiner();
  size_t i = run->token, from = run->from, n = run->words, nc = run->caps;
  Word* w = words + n;  // the next word's slot
  SentenceCursor* const sc = run->sentences;
  uint32_t next_begin = sc->next_begin;
  uint32_t sentence = static_cast<uint32_t>(sc->cur);
  // A token makes at most one word: stopping after capacity - n tokens (for the general path,
  // which grows the buffers) spares a room test per word.
  const size_t last = std::min(src.num_tokens, i + (capacity - n));
  for (; i < last; ++i) {
    // Both offsets in one general register (begin the low half: x86 is little-endian, as the
    // key hashing assumes too): a Span copied whole went through a vector register and cost
    // three moves more per token to take apart.
    uint64_t raw;
    std::memcpy(&raw, &tk[i].span, sizeof(raw));
    const Span sp{static_cast<uint32_t>(raw), static_cast<uint32_t>(raw >> 32)};
    if (sp.end > to) break;
    const unsigned char c0 = tb[sp.begin];
    if (!keys.ascii_word(i)) {
      // Any other token than a mark makes no word of its own (Split() makes its words from
      // the gaps).
      if (sp.size() != 1 || !kLower.mark[c0]) continue;
      const bool no_gap = sp.begin <= from || (sp.begin == from + 1 && tb[from] == ' ');
      if (!no_gap) break;
      if (sp.begin >= next_begin) {
        NextSentence(sc, sp.begin, static_cast<uint32_t>(n));
        next_begin = sc->next_begin;
        sentence = static_cast<uint32_t>(sc->cur);
      }
      w->span = sp;
      w->lower = src.text.substr(sp.begin, 1);
      w->kind = WordKind::kPunct;
      w->quantity = -1;
      w->sentence = sentence;
      w->key_hash = 0;
      masks[n] = punct_mask;
      if (kIndexed) refiner.Step(masks, n, true, 0, 0);
      ++n;
      ++w;
      from = sp.end;
      continue;
    }
    if (keys.space_link(i)) {
      // A space before it and no word character after it (the text stage's mark): the gap
      // test reduces to where the last word ended.
      if (sp.begin > from + 1) break;
    } else {
      const bool no_gap = sp.begin <= from || (sp.begin == from + 1 && tb[from] == ' ');
      if (!no_gap) break;
      // A word character right after it: Split() makes a longer word of the gap later.
      if (sp.end < to && kLower.joins[tb[sp.end]] && IsWordAt(src.text, sp.end)) continue;
    }
    if (sp.begin >= next_begin) {
      NextSentence(sc, sp.begin, static_cast<uint32_t>(n));
      next_begin = sc->next_begin;
      sentence = static_cast<uint32_t>(sc->cur);
    }
    const std::string_view key = keys.lower(i);
    // The key's StringHash is WordKeyHash's value (its low 32 bits). The key is one or more
    // ASCII letters and digits (c0 lower-cased): a number when it starts with a digit
    // (IsTrieNumber). The key's hash is loaded either way, for a conditional move rather than
    // a jump per word.
    const uint32_t key_hash = static_cast<uint32_t>(keys.hash(i));
    const uint32_t hash = c0 >= '0' && c0 <= '9' ? src.number_hash : key_hash;
    const StartIndex::Entry entry =
        kIndexed ? table[hash & StartIndex::kMask] : StartIndex::Entry{kStartsUnfiltered, 0};
    const uint32_t mask = entry.starts;
    w->span = sp;
    w->lower = key;
    w->kind = WordKind::kWord;
    w->quantity = -1;
    w->sentence = sentence;
    w->key_hash = hash;
    masks[n] = mask;
    if (kIndexed) refiner.Step(masks, n, false, hash, entry.pair_only);
    if (kLower.capital[c0] && key.size() >= 2) caps[nc++] = static_cast<uint32_t>(n);
    ++n;
    ++w;
    from = sp.end;
  }
  run->token = i;
  run->from = from;
  run->words = n;
  run->caps = nc;
  if (kIndexed) *run->refiner = refiner;
}

// A stream with more words than this gives its buffers back to the heap rather than keep them
// for the thread's next article (most articles have a few thousand words at most).
constexpr size_t kMaxSpareWords = size_t{1} << 16;

}  // namespace

void WordStream::TakeSpareBuffers() {
  SpareBuffers& sp = t_spare;
  if (!sp.full) return;
  sp.full = false;
  lower_ = std::move(sp.lower);
  lower_capacity_ = sp.lower_capacity;
  words_ = std::move(sp.words);
  starts_ = std::move(sp.starts);
  caps_ = std::move(sp.caps);
  numbers_ = std::move(sp.numbers);
  numbers_.clear();
  sent_spans_ = std::move(sp.sent_spans);
  sent_first_ = std::move(sp.sent_first);
  sent_para_ = std::move(sp.sent_para);
  sent_number_ = std::move(sp.sent_number);
  sent_spans_.clear();
}

WordStream::~WordStream() {
  SpareBuffers& sp = t_spare;
  if (sp.full || words_.capacity() > kMaxSpareWords) return;
  sp.full = true;
  sp.lower = std::move(lower_);
  sp.lower_capacity = lower_capacity_;
  sp.words = std::move(words_);
  sp.starts = std::move(starts_);
  sp.caps = std::move(caps_);
  sp.numbers = std::move(numbers_);
  sp.sent_spans = std::move(sent_spans_);
  sp.sent_first = std::move(sent_first_);
  sp.sent_para = std::move(sent_para_);
  sp.sent_number = std::move(sent_number_);
}

WordStream::WordStream(std::string_view text, const Doc& doc, const StartIndex* starts,
                       const TokenKeys* keys)
    : text_(text) {
  TakeSpareBuffers();
  if (lower_capacity_ < text.size() + 1) {
    lower_capacity_ = std::max(text.size() + 1, 2 * lower_capacity_);
    lower_.reset(new char[lower_capacity_]);
  }
  // Sentences: the text stage's, or lines when it gave none.
  sent_spans_.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    if (s.span.end <= text.size() && !s.span.empty()) sent_spans_.push_back(s.span);
  }
  std::sort(sent_spans_.begin(), sent_spans_.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  if (sent_spans_.empty()) {
    size_t b = 0;
    while (b < text.size()) {
      size_t e = text.find('\n', b);
      if (e == std::string_view::npos) e = text.size();
      size_t tb = b, te = e;
      while (tb < te && static_cast<unsigned char>(text[tb]) <= ' ') ++tb;
      while (te > tb && static_cast<unsigned char>(text[te - 1]) <= ' ') --te;
      if (te > tb) sent_spans_.push_back({static_cast<uint32_t>(tb), static_cast<uint32_t>(te)});
      b = e + 1;
    }
  }
  if (sent_spans_.empty()) sent_spans_.push_back({0, static_cast<uint32_t>(text.size())});
  const size_t ns = sent_spans_.size();

  // Words, with one number word per quantity, in one pass: each word's sentence and each
  // sentence's first word are set as the words are made (words come in text order).
  sent_first_.assign(ns + 1, 0);
  sent_number_.assign(ns, 0);
  SentenceCursor sc{sent_spans_.data(), ns, sent_first_.data()};
  sc.next_begin = ns > 1 ? sent_spans_[1].begin : UINT32_MAX;
  char* const lower = lower_.get();
  // Grown by doubling and never shrunk (num_words_ counts the words): Word slots are written
  // in place, without a (not inlined) emplace_back per word. A reused buffer keeps its old
  // words, which every slot written overwrites whole (all fields), so only its growth is
  // value-initialized.
  if (words_.size() < text.size() / 5 + 8) words_.resize(text.size() / 5 + 8);
  // starts_ and caps_ have room for every word (and starts_ for its padding): written in place,
  // never shrunk, so a reused buffer is not value-initialized again for every stream.
  if (starts_.size() < words_.size() + kStartsPadding) {
    starts_.resize(words_.size() + kStartsPadding);
  }
  if (caps_.size() < words_.size()) caps_.resize(words_.size());
  size_t nw = 0;
  size_t ncaps = 0;
  // The buffers' data, held here so that stores to words need not reload them.
  Word* wbuf = words_.data();
  uint32_t* sbuf = starts_.data();
  uint32_t* cbuf = caps_.data();
  size_t wcap = words_.size();
  auto add = [&](Span span) __attribute__((always_inline))->Word& {
    const uint32_t index = static_cast<uint32_t>(nw);
    if (span.begin >= sc.next_begin) sc.Advance(span.begin, index);
    if (nw == wcap) [[unlikely]] {
      words_.resize(2 * nw);
      starts_.resize(2 * nw + kStartsPadding);
      caps_.resize(2 * nw);
      wbuf = words_.data();
      sbuf = starts_.data();
      cbuf = caps_.data();
      wcap = words_.size();
    }
    Word& w = wbuf[nw++];
    w.span = span;
    w.kind = WordKind::kWord;
    w.quantity = -1;
    w.sentence = static_cast<uint32_t>(sc.cur);
    return w;
  };
  // The start mask of word `w` (the one add() just made, with its kind and key_hash set), from
  // the index (refined as the next word comes), into starts_.
  StartRefiner refiner = starts != nullptr ? StartRefiner(*starts) : StartRefiner();
  auto set_starts = [&](Word & w) __attribute__((always_inline)) {
    if (starts == nullptr) {
      sbuf[nw - 1] = kStartsUnfiltered;
      return;
    }
    const bool punct = w.kind == WordKind::kPunct;
    const StartIndex::Entry entry = punct ? StartIndex::Entry{} : starts->Lookup(w.key_hash);
    sbuf[nw - 1] = entry.starts;
    refiner.Step(sbuf, nw - 1, punct, w.key_hash, entry.pair_only);
  };
  // Records word `w` (the one add() just made, a kWord) in caps_ when it may start a name.
  auto note_capital = [&](const Word& w) __attribute__((always_inline)) {
    const unsigned char c0 = static_cast<unsigned char>(text[w.span.begin]);
    if (((c0 >= 'A' && c0 <= 'Z') || c0 == 0xC3) && w.lower.size() >= 2) {
      cbuf[ncaps++] = static_cast<uint32_t>(nw - 1);
    }
  };
  size_t qi = 0;
  size_t pos = 0;
  const auto& qs = doc.quantities;
  const uint32_t number_hash = WordKeyHash(kNumberKey);
  auto emit = [&](size_t b, size_t e, bool punct) __attribute__((always_inline)) {
    Word& w = add({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    if (punct) {
      // Punctuation has no case: the text's own bytes. It starts no phrase.
      w.lower = text.substr(b, e - b);
      w.kind = WordKind::kPunct;
      w.key_hash = 0;
      set_starts(w);
    } else {
      w.lower = std::string_view(lower + b, e - b);
      w.key_hash = IsTrieNumber(w) ? number_hash : WordKeyHash(w.lower);
      set_starts(w);
      note_capital(w);
    }
  };
  // Split() of [from, to), taking the text stage's plain ASCII tokens as they are: one is a word
  // of Split's when the characters just outside it are not word characters (or are cut off by
  // the range), and then Split() of the text between such tokens makes the rest.
  const std::vector<Token>& toks = doc.tokens;
  const bool use_keys = keys != nullptr && keys->size() == toks.size();
  size_t ti = 0;  // tokens before ti end before the current range
  const Token* const tk = toks.data();
  const size_t nt = toks.size();
  const unsigned char* const tb = reinterpret_cast<const unsigned char*>(text.data());
  const TokenSource source{text, tk, nt, keys, starts, number_hash};
  auto split = [&](size_t from, size_t to) {
    if (use_keys) {
      while (ti < nt && tk[ti].span.begin < from) ++ti;
      while (true) {
        TokenRun run{ti, from, nw, ncaps, &sc, &refiner};
        (starts != nullptr ? TakeTokens<true> : TakeTokens<false>)(source, to, wbuf, sbuf, cbuf,
                                                                   wcap, &run);
        ti = run.token;
        from = run.from;
        nw = run.words;
        ncaps = run.caps;
        if (ti >= nt || tk[ti].span.end > to) break;
        // The token TakeTokens stopped at, in general.
        const Span sp = tk[ti].span;
        const bool no_gap = sp.begin <= from || (sp.begin == from + 1 && tb[from] == ' ');
        if (!keys->ascii_word(ti)) {
          // A one-byte ASCII mark Split() takes as punctuation is that word whatever stands
          // beside it (it ends any word run): made here, it spares a Split() of the gap with it.
          if (sp.size() == 1 && kLower.mark[tb[sp.begin]]) {
            if (!no_gap) Split(text, from, sp.begin, lower, emit);
            emit(sp.begin, sp.end, true);
            from = sp.end;
          }
        } else if ((no_gap || !kLower.joins[tb[sp.begin - 1]]) &&
                   !(sp.end < to && kLower.joins[tb[sp.end]] && IsWordAt(text, sp.end))) {
          // A plain ASCII token with no word character of Split()'s right beside it (before
          // it, only an ASCII byte is looked at: a multi-byte character ends there): the words
          // of the gap before it, then the token's key as its word.
          if (!no_gap) Split(text, from, sp.begin, lower, emit);
          const HashedWord key = (*keys)[ti];
          const unsigned char k0 = static_cast<unsigned char>(key.s[0]);
          const uint32_t hash =
              k0 >= '0' && k0 <= '9' ? number_hash : static_cast<uint32_t>(key.hash);
          Word& w = add(sp);
          w.lower = key.s;
          w.key_hash = hash;
          set_starts(w);
          if (kLower.capital[tb[sp.begin]] && key.s.size() >= 2) {
            cbuf[ncaps++] = static_cast<uint32_t>(nw - 1);
          }
          from = sp.end;
        }
        ++ti;
      }
    }
    if (from < to) Split(text, from, to, lower, emit);
  };
  while (pos < text.size()) {
    while (qi < qs.size() &&
           (qs[qi].span.begin < pos || qs[qi].span.end > text.size() || qs[qi].span.empty())) {
      ++qi;
    }
    size_t next = qi < qs.size() ? qs[qi].span.begin : text.size();
    split(pos, next);
    if (qi < qs.size()) {
      const Span sp = qs[qi].span;
      for (uint32_t k = sp.begin; k < sp.end; ++k) {
        lower[k] = kLower.to[static_cast<unsigned char>(text[k])];
      }
      Word& w = add(sp);
      w.lower = std::string_view(lower + sp.begin, sp.size());
      w.kind = WordKind::kNumber;
      w.quantity = static_cast<int32_t>(qi);
      sent_number_[w.sentence] = 1;
      numbers_.push_back(static_cast<uint32_t>(nw - 1));
      w.key_hash = number_hash;
      set_starts(w);
      pos = sp.end;
      ++qi;
    } else {
      pos = text.size();
    }
  }
  refiner.Finish(sbuf, nw);
  num_words_ = nw;
  num_caps_ = ncaps;
  std::fill_n(starts_.data() + nw, kStartsPadding, 0u);
  // Sentences after the last word (or all, without words) begin and end at the end.
  while (sc.filled <= ns) sent_first_[sc.filled++] = static_cast<uint32_t>(nw);

  // Paragraphs: a line break between two sentences starts a new one.
  sent_para_.resize(ns);
  uint32_t para = 0;
  for (size_t k = 0; k < ns; ++k) {
    if (k > 0) {
      // The gap between two sentences is a byte or two: a plain loop, not a call to memchr.
      bool line_break = false;
      for (size_t b = sent_spans_[k - 1].end, e = sent_spans_[k].begin; b < e && !line_break; ++b) {
        line_break = text[b] == '\n';
      }
      para += line_break;
    }
    sent_para_[k] = para;
  }
}

size_t WordStream::SentenceAt(uint32_t pos) const {
  // Branch-free halving (a conditional move per step): the sentence a position falls in is
  // unpredictable, and the mispredicted branches of a plain binary search cost more than the
  // search. Ends at the last sentence beginning at or before pos, or at 0 when none does.
  const Span* base = sent_spans_.data();
  size_t n = sent_spans_.size();
  while (n > 1) {
    const size_t half = n / 2;
    base = base[half].begin <= pos ? base + half : base;
    n -= half;
  }
  return static_cast<size_t>(base - sent_spans_.data());
}

std::vector<std::string> NormalizePhrase(std::string_view phrase) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < phrase.size()) {
    size_t e = phrase.find(' ', b);
    if (e == std::string_view::npos) e = phrase.size();
    std::string_view piece = phrase.substr(b, e - b);
    b = e + 1;
    if (piece == "<n>") {
      out.emplace_back(kNumberKey);
      continue;
    }
    // Lower-cased as WordStream lower-cases the text.
    std::string lower(piece.size(), '\0');
    Split(piece, 0, piece.size(), lower.data(), [&](size_t wb, size_t we, bool punct) {
      if (!punct) out.push_back(lower.substr(wb, we - wb));
    });
  }
  return out;
}

const PhraseTrie::Edge* PhraseTrie::Insert(const Edge& edge) {
  if ((num_edges_ + 1) * 4 > edges_.size()) {
    std::vector<Edge> old = std::move(edges_);
    edges_.assign(old.empty() ? 64 : old.size() * 2, Edge());
    mask_ = edges_.size() - 1;
    num_edges_ = 0;
    for (const Edge& e : old) {
      if (e.child != 0) Insert(e);
    }
  }
  size_t s = Slot(edge.parent, edge.hash) & mask_;
  while (edges_[s].child != 0) s = (s + 1) & mask_;
  edges_[s] = edge;
  ++num_edges_;
  return &edges_[s];
}

bool PhraseTrie::Add(std::string_view phrase, uint32_t payload) {
  std::vector<std::string> words = NormalizePhrase(phrase);
  if (words.empty()) return false;
  const uint32_t h0 = WordKeyHash(words[0]);
  if (words.size() == 1) {
    SetBit(single_bits_, h0);
  } else {
    SetBit(pair_bits_, PairHash(h0, WordKeyHash(words[1])));
  }
  uint32_t node = 0;
  const Edge* last = nullptr;
  for (const std::string& w : words) {
    uint32_t h = WordKeyHash(w);
    // The edge into `node` gets a child (slots are only written here, at load time).
    if (last != nullptr) edges_[static_cast<size_t>(last - edges_.data())].has_children = 1;
    last = FindEdge(node, w, h);
    if (last == nullptr) {
      Edge e;
      e.parent = node;
      e.child = num_nodes_++;
      e.hash = h;
      e.key_len = static_cast<uint16_t>(w.size());
      if (w.size() <= kInlineKey) {
        std::memcpy(e.key, w.data(), w.size());
      } else {
        e.key_off = static_cast<uint32_t>(keys_.size());
        keys_.append(w);
      }
      last = Insert(e);
      if (node == 0) SetBit(first_bits_, h);
    }
    node = last->child;
  }
  // The table is only written here, at load time; FindEdge hands out read-only slots.
  Edge& end = edges_[static_cast<size_t>(last - edges_.data())];
  if (!end.has_payload) ++count_;
  end.has_payload = 1;
  end.payload = payload;
  return true;
}

bool StartIndex::Register(PhraseTrie* trie) {
  if (next_bit_ >= 31) return false;
  const uint32_t bit = uint32_t{1} << next_bit_++;
  trie->start_bit_ = bit | kStartsUnfiltered;
  for (size_t k = 0; k < kSlots; ++k) {
    const uint64_t b = uint64_t{1} << (k & 63);
    if (trie->first_bits_[k >> 6] & b) entries_[k].starts |= bit;
    if (trie->single_bits_[k >> 6] & b) single_masks_[k] |= bit;
    if (trie->pair_bits_[k >> 6] & b) pair_masks_[k] |= bit;
    entries_[k].pair_only = entries_[k].starts & ~single_masks_[k];
  }
  return true;
}

size_t PhraseTrie::MatchFrom(const Word* words, size_t i, size_t stop, uint32_t* payload) const {
  // Match() checked the first word and the first two against the filters. The payload is
  // stored once at the end: a store through it in the loop would make the compiler reload the
  // trie's members after it.
  uint32_t node = 0;
  size_t best = 0;
  uint32_t found = 0;
  for (size_t k = i; k < stop; ++k) {
    const Word& w = words[k];
    if (w.kind == WordKind::kPunct) break;
    const bool number = w.key_hash == number_hash_ && IsTrieNumber(w);
    const Edge* e = FindEdge<true>(node, number ? kNumberKey : w.lower, w.key_hash);
    if (e == nullptr) break;
    node = e->child;
    if (e->has_payload) {
      best = k - i + 1;
      found = e->payload;
    }
    if (!e->has_children) break;
  }
  if (best > 0) *payload = found;
  return best;
}

bool WordSet::ContainsText(std::string_view w) const { return contains(w); }

bool WordSet::InTable(std::string_view w, uint32_t h) const {
  for (size_t s = Home(h) & mask_;; s = (s + 1) & mask_) {
    const Slot& slot = slots_[s];
    if (slot.word == 0) return false;
    if (slot.hash != h) continue;
    // Most words that reach the table are in it, and short: the bytes compared without a call
    // to memcmp.
    const std::string& x = words_[slot.word - 1];
    if (x.size() == w.size() && SameBytes(x.data(), w.data(), w.size())) return true;
  }
}

void WordSet::Add(std::string_view w) {
  const uint32_t h = WordKeyHash(w);
  if (contains(w)) return;
  bits_[(h >> 6) & (kBitWords - 1)] |= uint64_t{1} << (h & 63);
  words_.emplace_back(w);
  if (words_.size() * 2 > slots_.size()) {
    slots_.assign(slots_.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (size_t k = 0; k < words_.size(); ++k) {
      const uint32_t hk = WordKeyHash(words_[k]);
      size_t s = Home(hk) & mask_;
      while (slots_[s].word != 0) s = (s + 1) & mask_;
      slots_[s] = {hk, static_cast<uint32_t>(k + 1)};
    }
    return;
  }
  size_t s = Home(h) & mask_;
  while (slots_[s].word != 0) s = (s + 1) & mask_;
  slots_[s] = {h, static_cast<uint32_t>(words_.size())};
}

Result<WordSet> WordSet::Load(const std::string& path) {
  WordSet set;
  Status st = ForEachTsvRow(path, 1, [&](const std::vector<std::string_view>& cols, int) {
    for (const std::string& w : NormalizePhrase(cols[0])) set.Add(w);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return set;
}

Status AddSingleWords(std::string_view name, std::string_view words, WordSet* set) {
  for (std::string_view p : SplitBar(words)) {
    const std::vector<std::string> norm = NormalizePhrase(p);
    if (norm.size() > 1 || p.find(' ') != std::string_view::npos) {
      return InvalidArgument("role '" + std::string(name) + "' takes single words, not '" +
                             std::string(p) + "'");
    }
    set->Add(norm.empty() ? p : std::string_view(norm[0]));
  }
  return Status::Ok();
}

Status LoadWordClasses(const std::string& path, std::span<const WordClassSpec> classes) {
  return ForEachTsvRow(path, 2, [&](const std::vector<std::string_view>& cols, int) {
    for (const WordClassSpec& c : classes) {
      if (cols[1] == c.name) return AddSingleWords(c.name, cols[0], c.set);
    }
    return Status::Ok();
  });
}

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('|', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view part = TrimBlanks(s.substr(b, e - b));
    if (!part.empty()) out.push_back(part);
    b = e + 1;
  }
  return out;
}

}  // namespace sitrep
