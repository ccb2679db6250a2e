#include "text/segment.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/data_dir.h"

namespace sitrep {
namespace {

enum class CharClass : uint8_t {
  kSpace,
  kNewline,
  kFormat,
  kLetter,
  kDigit,
  kHyphen,
  kApostrophe,
  kDecimalSep,
  kGroupSep,
  kPunct,
  kSymbol,
};

CharClass ClassifyNonAscii(UChar32 c) {
  switch (c) {
    case 0x85:
    case 0x2028:
    case 0x2029:
      return CharClass::kNewline;
    case 0x2010:
    case 0x2011:
      return CharClass::kHyphen;
    case 0x2019:
      return CharClass::kApostrophe;
    case 0x066B:
      return CharClass::kDecimalSep;  // Arabic decimal separator
    case 0x066C:
      return CharClass::kGroupSep;  // Arabic thousands separator
    default:
      break;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::kSpace;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::kNewline;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kSymbol;
    default:
      return CharClass::kPunct;
  }
}

constexpr CharClass AsciiClass(int c) {
  if (c == '\n') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c < 0x20 || c == 0x7F)
    return CharClass::kSpace;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '-') return CharClass::kHyphen;
  if (c == '\'') return CharClass::kApostrophe;
  if (c == '.') return CharClass::kDecimalSep;
  if (c == ',') return CharClass::kGroupSep;
  if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
      c == '|' || c == '~')
    return CharClass::kSymbol;
  return CharClass::kPunct;
}

struct AsciiTable {
  CharClass cls[128];
  // For every byte value: an ASCII letter or digit (word[]), an ASCII digit (digit[]), an ASCII
  // letter (alpha[]). The tokeniser's inner loops run over such bytes with one load and test
  // each; any other byte (punctuation, space, the lead byte of a multi-byte character) goes the
  // general way.
  bool word[256];
  bool digit[256];
  bool alpha[256];
  constexpr AsciiTable() : cls(), word(), digit(), alpha() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = AsciiClass(c);
      alpha[c] = cls[c] == CharClass::kLetter;
      word[c] = cls[c] == CharClass::kLetter || cls[c] == CharClass::kDigit;
      digit[c] = cls[c] == CharClass::kDigit;
    }
  }
};
constexpr AsciiTable kAscii;

struct Cp {
  UChar32 c;
  int32_t next;
  CharClass cls;
};

// The non-ASCII path, kept out of line so the ASCII path of Decode inlines into the loops.
[[gnu::noinline]] Cp DecodeMultibyte(std::string_view s, int32_t i) {
  UChar32 c;
  int32_t pos = i;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  if (c < 0) return Cp{0xFFFD, pos, CharClass::kSymbol};
  return Cp{c, pos, ClassifyNonAscii(c)};
}

[[gnu::always_inline]] inline Cp Decode(std::string_view s, int32_t i) {
  unsigned char b = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
  if (b < 0x80) [[likely]]
    return Cp{b, i + 1, kAscii.cls[b]};
  return DecodeMultibyte(s, i);
}

#if defined(__SSE2__)
// Sixteen bytes at p: themselves (v), and bit k of `stop` set for each byte k that is not an
// ASCII letter or digit (bits 16 and up set too).
struct Classes16 {
  __m128i v;
  uint32_t stop;
};
inline Classes16 Classify16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed byte compares: bytes of 0x80 and above are negative and in neither range.
  const __m128i alpha =
      _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26),
                     _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(128 - 'a')));
  const __m128i digit =
      _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 10), _mm_add_epi8(v, _mm_set1_epi8(128 - '0')));
  return Classes16{v, ~static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)))};
}
#endif

// Index of the first byte at or after j that is not an ASCII letter or digit (n when none).
// Sixteen bytes per step (SSE2), or eight (SWAR) on other little-endian machines: a word's end
// is found with one count-trailing-zeros instead of a branch per byte, which mispredicts at
// every word's end.
inline int32_t SkipAsciiWord(const unsigned char* bytes, int32_t j, int32_t n) {
#if defined(__SSE2__)
  while (j + 16 <= n) {
    const uint32_t stop = Classify16(bytes + j).stop;
    if ((stop & 0xFFFF) != 0) return j + std::countr_zero(stop);
    j += 16;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    while (j + 8 <= n) {
      uint64_t c;
      std::memcpy(&c, bytes + j, 8);
      // On the low seven bits of every byte the range tests below cannot carry; a byte with
      // the high bit set (part of a multi-byte character) stops the run whatever they say.
      const uint64_t x = c & ~kHigh;
      const uint64_t l = x | (0x20 * kOnes);  // ASCII capitals to small letters
      const uint64_t alpha = (l + 0x1F * kOnes) & ~(l + 0x05 * kOnes);  // 'a'..'z'
      const uint64_t digit = (x + 0x50 * kOnes) & ~(x + 0x46 * kOnes);  // '0'..'9'
      const uint64_t stop = ((~(alpha | digit)) | c) & kHigh;
      if (stop != 0) return j + (std::countr_zero(stop) >> 3);
      j += 8;
    }
  }
  while (j < n && kAscii.word[bytes[j]]) ++j;
  return j;
}

inline bool IsWordChar(CharClass k) {
  return k == CharClass::kLetter || k == CharClass::kDigit || k == CharClass::kFormat;
}

bool IsTerminator(std::string_view t) {
  if (t.size() == 1) return t[0] == '.' || t[0] == '!' || t[0] == '?';
  return t == "\u2026" || t == "\u06D4" || t == "\u061F" || t == "\u0964" || t == "\u0965" ||
         t == "\u3002" || t == "\uFF01" || t == "\uFF1F";
}

// For every byte: whether a word of ASCII letters and digits ends before it for good. Any
// ASCII byte but '-' and '\'' (which may join more letters: "twenty-three", "O'Brien", or split
// off "'s") and the letters and digits themselves; no byte of a multi-byte character (which may
// be a letter, a format character or a typographic hyphen or apostrophe).
struct WordEndTable {
  bool ends[256];
  constexpr WordEndTable() : ends() {
    for (int c = 0; c < 128; ++c) {
      const CharClass k = AsciiClass(c);
      ends[c] = k != CharClass::kLetter && k != CharClass::kDigit && k != CharClass::kHyphen &&
                k != CharClass::kApostrophe;
    }
  }
};
constexpr WordEndTable kWordEnd;

// Bit 7 of every byte of `c` that is not an ASCII letter or digit (SkipAsciiWord's test).
inline uint64_t NotWordBytes(uint64_t c) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const uint64_t x = c & ~kHigh;
  const uint64_t l = x | (0x20 * kOnes);
  const uint64_t alpha = (l + 0x1F * kOnes) & ~(l + 0x05 * kOnes);
  const uint64_t digit = (x + 0x50 * kOnes) & ~(x + 0x46 * kOnes);
  return ((~(alpha | digit)) | c) & kHigh;
}

// The bytes TokenKeysWriter::AsciiRun looks at in one step (and may read and write past a word).
#if defined(__SSE2__)
constexpr size_t kRunChunk = 16;
#else
constexpr size_t kRunChunk = 8;
#endif

// kRunChunk bytes 0xFF then as many 0: the kRunChunk bytes from b + kRunChunk - len keep the
// first len bytes of a chunk (an AND) and clear the rest.
struct KeepBytes {
  unsigned char b[2 * kRunChunk];
  constexpr KeepBytes() : b() {
    for (size_t k = 0; k < kRunChunk; ++k) b[k] = 0xFF;
  }
};
constexpr KeepBytes kKeepBytes;

// KeyHashSeed of every length a chunk holds.
struct SeedTable {
  uint64_t seed[kRunChunk + 1];
  constexpr SeedTable() : seed() {
    for (size_t k = 0; k <= kRunChunk; ++k) seed[k] = KeyHashSeed(k);
  }
};
constexpr SeedTable kSeeds;

#if defined(__SSE2__)
// The key of a token of `len` (1 to 15) ASCII bytes, lower-cased already in the first bytes of
// `low`: those bytes stored at `out` as a whole chunk, zeros after them, and their StringHash
// (one or two chunks) before KeyHashFinish.
[[gnu::always_inline]] inline uint64_t LoweredKey16(__m128i low, size_t len, char* out) {
  const __m128i keep =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepBytes.b + kRunChunk - len));
  low = _mm_and_si128(low, keep);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), low);
  uint64_t h = KeyHashChunk(kSeeds.seed[len], static_cast<uint64_t>(_mm_cvtsi128_si64(low)));
  if (len > 8) {
    h = KeyHashChunk(h, static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_srli_si128(low, 8))));
  }
  return h;
}

// LoweredKey16 of a token of ASCII letters and digits whose bytes are the first of `v`: a
// letter's or digit's byte with 0x20 set is its small form.
[[gnu::always_inline]] inline uint64_t PlainKey16(__m128i v, size_t len, char* out) {
  return LoweredKey16(_mm_or_si128(v, _mm_set1_epi8(0x20)), len, out);
}
#endif

// The tokens of one text, appended through a cursor held in locals: the vector is sized ahead
// (value-initialised) and cut to the tokens made by Finish(), so that an append is a compare and
// a store, with no reload of the vector's fields after each byte store of the keys (char stores
// may alias them), and TokenKeysWriter::AsciiRun can fill the slots itself. The candidates
// (Segmenter::Segment) go alongside, in a vector as long as the tokens': Push() lists every word
// and number.
class TokenSink {
 public:
  TokenSink(std::vector<Token>* v, size_t expected, std::vector<uint32_t>* cands)
      : v_(v), cands_(cands) {
    v->clear();
    v->assign(expected, Token{});  // expected > 0; assign fills (resize constructs one by one)
    if (cands->size() < expected) cands->resize(expected);
    base_ = v->data();
    cur_ = base_;
    end_ = base_ + v->size();
    cand_ = cands->data();
  }
  void Push(Span span, TokenKind kind) {
    if (cur_ == end_) [[unlikely]] {
      Grow();
    }
    *cand_ = static_cast<uint32_t>(cur_ - base_);
    cand_ += static_cast<size_t>(kind == TokenKind::kWord || kind == TokenKind::kNumber);
    *cur_++ = Token{span, kind};
  }
  size_t size() const { return static_cast<size_t>(cur_ - base_); }
  const Token& back() const { return cur_[-1]; }
  // Cuts the tokens to those made; returns how many candidates were listed (*cands is not cut:
  // growing it again for the next text would zero it).
  size_t Finish() {
    v_->resize(size());
    return static_cast<size_t>(cand_ - cands_->data());
  }
  // The free slots, for a loop that fills them itself (TokenKeysWriter::AsciiRun) and then
  // hands back the new cursors (Advance). There is room for a candidate per free slot.
  Token* base() const { return base_; }
  Token* cursor() const { return cur_; }
  Token* end() const { return end_; }
  uint32_t* cand_cursor() const { return cand_; }
  void Advance(Token* cur, uint32_t* cand) {
    cur_ = cur;
    cand_ = cand;
  }

 private:
  [[gnu::noinline]] void Grow() {
    const size_t n = size();
    const size_t nc = static_cast<size_t>(cand_ - cands_->data());
    v_->resize(2 * n);
    if (cands_->size() < 2 * n) cands_->resize(2 * n);
    base_ = v_->data();
    cur_ = base_ + n;
    end_ = base_ + v_->size();
    cand_ = cands_->data() + nc;
  }
  std::vector<Token>* v_;
  std::vector<uint32_t>* cands_;
  Token* base_;
  Token* cur_;
  Token* end_;
  uint32_t* cand_;
};

// TokenSink's appends as push_back into the reserved vector, for the bare pass (no keys): there
// nothing aliases the vector's fields, and sizing ahead would cost more than it saves.
class PushBackSink {
 public:
  PushBackSink(std::vector<Token>* v, size_t expected, std::vector<uint32_t>*) : v_(v) {
    v->clear();
    v->reserve(expected);
  }
  void Push(Span span, TokenKind kind) { v_->push_back(Token{span, kind}); }
  size_t size() const { return v_->size(); }
  const Token& back() const { return v_->back(); }
  size_t Finish() { return 0; }

 private:
  std::vector<Token>* v_;
};

}  // namespace

// The keys of the tokens as the tokeniser makes them, through cursors held in locals (TokenKeys'
// own Add reloads them after every byte it stores). Between Load() and Sync() the TokenKeys'
// members are stale: Add() syncs around the calls it leaves to TokenKeys.
class TokenKeysWriter {
 public:
  // Writes the key at `k`: its first eight bytes (off, len, hyphen, flags) as one store, then
  // its hash. The tokeniser's fast paths make every key this way.
  [[gnu::always_inline]] static void StoreKey(TokenKeys::Key* k, size_t off, size_t len,
                                              bool hyphen, uint8_t flags, size_t hash) {
    static_assert(offsetof(TokenKeys::Key, off) == 0 && offsetof(TokenKeys::Key, len) == 4 &&
                  offsetof(TokenKeys::Key, hyphen) == 6 && offsetof(TokenKeys::Key, flags) == 7 &&
                  offsetof(TokenKeys::Key, hash) == 8);
    const uint64_t head = static_cast<uint64_t>(off) | (static_cast<uint64_t>(len) << 32) |
                          (static_cast<uint64_t>(hyphen) << 48) |
                          (static_cast<uint64_t>(flags) << 56);
    std::memcpy(static_cast<void*>(k), &head, sizeof(head));
    k->hash = hash;
  }
  // `k` may be null: a writer then does nothing (and must not be called).
  explicit TokenKeysWriter(TokenKeys* k) : k_(k) {
    if (k != nullptr) Load();
  }
  void Load() {
    keys_ = k_->keys_.get();
    size_ = k_->size_;
    keys_cap_ = k_->keys_cap_;
    lower_ = k_->lower_.get();
    used_ = k_->used_;
    lower_cap_ = k_->lower_cap_;
  }
  void Sync() const {
    k_->size_ = size_;
    k_->used_ = used_;
  }
  // TokenKeys::Add(text, span, plain), with the one-byte marks (the commonest token this is
  // called for) taken here.
  [[gnu::always_inline]] void Add(std::string_view text, Span span, bool plain) {
    const unsigned char b = static_cast<unsigned char>(text[span.begin]);
    if (!plain && span.size() == 1 && b < 0x80 && size_ < keys_cap_ && used_ + 1 <= lower_cap_) {
      lower_[used_] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      TokenKeys::Key& k = keys_[size_++];
      k.off = static_cast<uint32_t>(used_);
      k.len = 1;
      k.hyphen = b == '-';
      k.flags = 0;
      k.hash = kOneByteKeyHashes.hash[b];
      used_ += 1;
      return;
    }
#if defined(__SSE2__)
    // A plain token (a number, a word the runs left) of a chunk or less, with a chunk of the
    // text and of lower_ from it: TokenKeys::AddPlainFast's key, from one load.
    const size_t len = span.size();
    if (plain && len < kRunChunk && span.begin + kRunChunk <= text.size() && size_ < keys_cap_ &&
        used_ + kRunChunk <= lower_cap_) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + span.begin));
      const uint64_t h = PlainKey16(v, len, lower_ + used_);
      StoreKey(keys_ + size_++, used_, len, false, TokenKeys::kAsciiWord,
               static_cast<size_t>(KeyHashFinish(h)));
      used_ += len;
      return;
    }
    // Any other ASCII token of a chunk or less ("al-Shabaab", "'s", "1,200"): lower-cased
    // 'A'..'Z' only, with its hyphen flag, as TokenKeys::Add(text, span, false) makes it.
    if (!plain && len < kRunChunk && span.begin + kRunChunk <= text.size() && size_ < keys_cap_ &&
        used_ + kRunChunk <= lower_cap_) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + span.begin));
      const uint32_t in = (uint32_t{1} << len) - 1;
      if ((static_cast<uint32_t>(_mm_movemask_epi8(v)) & in) == 0) {
        const __m128i upper =
            _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26), _mm_add_epi8(v, _mm_set1_epi8(128 - 'A')));
        const uint64_t h = LoweredKey16(_mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))),
                                        len, lower_ + used_);
        const bool hyphen =
            (static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')))) &
             in) != 0;
        StoreKey(keys_ + size_++, used_, len, hyphen, 0, static_cast<size_t>(KeyHashFinish(h)));
        used_ += len;
        return;
      }
    }
#endif
    AddOther(text, span, plain);
  }
  [[gnu::noinline]] void AddOther(std::string_view text, Span span, bool plain) {
    Sync();
    k_->Add(text, span, plain);
    Load();
  }
  // Where an ASCII run (AsciiRun) writes its tokens, their candidate indices and the
  // tokeniser's sentence events: cursors in and out.
  struct RunOut {
    const Token* tok_base;  // token 0 (candidates are indices from it)
    Token* tok;             // the next free token slot (value-initialised: kind kWord)
    Token* tok_end;         // one past the last free slot
    uint32_t* cand;         // the next candidate slot (room for one per free token slot)
    std::vector<uint32_t>* events;
    bool at_word;  // out: the run stopped at a word it leaves to the caller
    // In: the run's first word begins one space after the token before it (space_link).
    bool linked;
  };
  // The tokens and keys of the run of words from i (an ASCII letter) where each word follows
  // the one before after one space, or after one ASCII punctuation mark of the tokeniser's
  // general case (",", ".", ")": a one-byte kPunct token) and a space ("word word, word. Word":
  // most of a text). A word of ASCII letters and digits that a byte of kWordEnd (or the text's
  // end) ends, of at most kFastLen bytes, is emitted with its key made from the bytes its end was
  // found in, as TokenKeys::Add(text, span, true) makes it; a punctuation mark as Add(text, span,
  // false) makes it, with its sentence event when it is a terminator. Returns where the run
  // stops: with out->at_word set, at the start of a word it leaves to the caller (a hyphen,
  // apostrophe or non-ASCII character follows its ASCII letters, or the text or a buffer ends
  // too soon for whole chunks); else after the last token, which no space and letter follow.
  // Every local in registers: the stores of the keys' bytes cannot make the loop reload its
  // cursors. Each word also goes into the candidates when its key passes `filter`.
  [[gnu::noinline]] int32_t AsciiRun(const unsigned char* bytes, int32_t n, int32_t i,
                                     const KeyFilter& filter, RunOut* out);

 private:
  TokenKeys* k_;
  TokenKeys::Key* keys_;
  size_t size_;
  size_t keys_cap_;
  char* lower_;
  size_t used_;
  size_t lower_cap_;
};

// One byte each: an ASCII punctuation mark that the tokeniser's general case makes a one-byte
// kPunct token of (CharClass kPunct, kGroupSep or kDecimalSep), after which it takes a word that
// a space and a letter start as a run again; and whether the mark ends a sentence (IsTerminator).
struct RunPunctTable {
  bool punct[256];
  bool terminator[256];
  constexpr RunPunctTable() : punct(), terminator() {
    for (int c = 0; c < 128; ++c) {
      const CharClass k = AsciiClass(c);
      punct[c] = k == CharClass::kPunct || k == CharClass::kGroupSep || k == CharClass::kDecimalSep;
      terminator[c] = c == '.' || c == '!' || c == '?';
    }
  }
};
constexpr RunPunctTable kRunPunct;

int32_t TokenKeysWriter::AsciiRun(const unsigned char* bytes, int32_t n, int32_t i,
                                  const KeyFilter& filter, RunOut* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  Token* tok = out->tok;
  uint32_t* cand = out->cand;
  uint32_t index = static_cast<uint32_t>(tok - out->tok_base);  // of the next token
  TokenKeys::Key* key = keys_ + size_;
  char* const lower = lower_;
  size_t used = used_;
  // A token takes a token slot, a key and as many bytes of lower_ as of the text: room in
  // lower_ for the rest of the text (and a chunk) now is room for every token of the run. (A
  // text whose non-ASCII capitals took more bytes lower-cased may lack it: the caller's word()
  // then takes the words.)
  const size_t room = std::min(static_cast<size_t>(out->tok_end - tok), keys_cap_ - size_);
  // A word starts no further than here: a chunk and the two bytes after it are read at every
  // word start (so the bytes after a word's end need no test against n), and every token takes
  // at least one byte of the text, so below it there is room for a word and a mark more.
  int32_t limit = n - static_cast<int32_t>(kRunChunk) - 2;
  if (room < 2 || used + static_cast<size_t>(n - i) + kRunChunk > lower_cap_) {
    limit = -1;
  } else if (limit > i && room - 2 < static_cast<size_t>(limit - i)) {
    limit = i + static_cast<int32_t>(room - 2);
  }
  bool word_left = true;
  // Every word is stored with TokenKeys::kSpaceLink: each ends at a kWordEnd byte or the text's
  // end, and all but the first are reached after one space (a word's or a mark's). The first
  // word's flag is cleared after the loop unless the caller says it holds (a constant flag in
  // the loop costs nothing per word).
  TokenKeys::Key* const first_key = key;
  while (i <= limit) {
    const unsigned char* p = bytes + i;
    size_t len;
    uint64_t h;
    unsigned char end;
#if defined(__SSE2__)
    // Sixteen bytes at once: the word's end, and its key's bytes lower-cased.
    const auto [v, stop] = Classify16(p);
    if ((stop & 0xFFFF) != 0) [[likely]] {
      len = static_cast<size_t>(std::countr_zero(stop));  // 1 to 15: p[0] is a letter
      end = p[len];
      if (end != ' ' && !kWordEnd.ends[end]) break;
      h = PlainKey16(v, len, lower + used);
#else
    uint64_t c;
    std::memcpy(&c, p, 8);
    const uint64_t stop = NotWordBytes(c);
    if (stop != 0) [[likely]] {
      // Shorter than eight bytes: the word's key is this very chunk, lower-cased.
      len = static_cast<size_t>(std::countr_zero(stop) >> 3);  // 1 to 7: p[0] is a letter
      end = p[len];
      if (!kWordEnd.ends[end]) break;
      c &= ~uint64_t{0} >> (64 - 8 * len);
      c |= ((c + 0x3F * kOnes) & ~(c + 0x25 * kOnes) & kHigh) >> 2;  // 'A'..'Z' to small
      std::memcpy(lower + used, &c, 8);
      h = KeyHashChunk(kSeeds.seed[len], c);
#endif
    } else {
      const int32_t j = SkipAsciiWord(bytes, i + static_cast<int32_t>(kRunChunk), n);
      len = static_cast<size_t>(j - i);
      const size_t padded = (len + 7) & ~size_t{7};
      if (len > TokenKeys::kFastLen || static_cast<size_t>(i) + padded > static_cast<size_t>(n) ||
          used + padded > lower_cap_ || (j < n && !kWordEnd.ends[bytes[j]])) {
        break;
      }
      // 0 (neither a space nor a mark) ends the run where the bytes after the word run out.
      end = j + 2 < n ? bytes[j] : 0;
      h = KeyHashSeed(len);
      for (size_t off = 0; off < len; off += 8) {
        uint64_t c;
        std::memcpy(&c, p + off, 8);
        if (len - off < 8) c &= ~uint64_t{0} >> (8 * (8 - (len - off)));
        c |= ((c + 0x3F * kOnes) & ~(c + 0x25 * kOnes) & kHigh) >> 2;
        std::memcpy(lower + used + off, &c, 8);
        h = KeyHashChunk(h, c);
      }
    }
    const size_t hash = static_cast<size_t>(KeyHashFinish(h));
    StoreKey(key++, used, len, false, TokenKeys::kAsciiWord | TokenKeys::kSpaceLink, hash);
    used += len;
    const int32_t j = i + static_cast<int32_t>(len);
    *cand = index++;
    cand += static_cast<size_t>(filter.MayContain(hash));
    tok->span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};  // kind: kWord
    ++tok;
    if (end == ' ') {
      if (kAscii.alpha[bytes[j + 1]]) {
        i = j + 1;
        continue;
      }
    } else if (kRunPunct.punct[end]) {
      // The mark as the tokeniser's general case emits it (TokenKeys::AddAsciiMark's key).
      lower[used] = static_cast<char>(end);
      StoreKey(key++, used, 1, false, 0, kOneByteKeyHashes.hash[end]);
      used += 1;
      *cand = index;  // not a candidate: the slot is overwritten
      if (kRunPunct.terminator[end]) [[unlikely]] {
        out->events->push_back(2 * index);
      }
      ++index;
      *tok++ =
          Token{Span{static_cast<uint32_t>(j), static_cast<uint32_t>(j + 1)}, TokenKind::kPunct};
      if (bytes[j + 1] == ' ' && kAscii.alpha[bytes[j + 2]]) {
        i = j + 2;
        continue;
      }
      i = j + 1;
      word_left = false;
      break;
    }
    i = j;
    word_left = false;
    break;
  }
  if (!out->linked && key != first_key) first_key->flags = TokenKeys::kAsciiWord;
  out->tok = tok;
  out->cand = cand;
  size_ = static_cast<size_t>(key - keys_);
  used_ = used;
  out->at_word = word_left;
  return i;
}

namespace {

// Tokenises `text` into *tokens (replacing them). (*plain)[i] is 1 when token i is ASCII
// letters and digits only (a word or number that the ASCII run loops made alone, which the scan
// knows without looking at it again), else 0. *events gets, in ascending token order, the
// tokens that the sentence pass must look at, as 2 * index + 1 for a token with a line break
// before it (first) and 2 * index for a terminator; every other token can only be cut at
// (Segment).
// With kKeys, the flags are not stored: each token's key is added to *keys instead as the token
// is made (TokenKeys::Add, which takes the flag), and `plain` is unused; a word of ASCII letters
// and digits that a space or punctuation mark ends (most words) is then scanned eight bytes at
// a time with its key made from the same load.
// Returns how many candidates (kKeys) the first entries of *cands hold.
template <bool kKeys>
size_t Tokenize(std::string_view text, std::vector<Token>* tokens, std::vector<uint8_t>* plain,
                TokenKeys* keys, const KeyFilter* filter, std::vector<uint32_t>* cands,
                std::vector<uint32_t>* events) {
  const int32_t n = static_cast<int32_t>(text.size());
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::conditional_t<kKeys, TokenSink, PushBackSink> sink(tokens, text.size() / 5 + 8, cands);
  TokenKeysWriter writer(keys);  // unused without kKeys (keys is null then)
  int32_t i = 0;
  bool newline = false;
  auto emit = [&](int32_t b, int32_t e, TokenKind kind, bool plain_token = false)
      __attribute__((always_inline)) {
    if (newline) events->push_back(2 * static_cast<uint32_t>(sink.size()) + 1);
    const Span span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    sink.Push(span, kind);
    if constexpr (kKeys) {
      writer.Add(text, span, plain_token);
    } else {
      plain->push_back(plain_token ? 1 : 0);
    }
    newline = false;
  };
  // Scans and emits the word whose first character (a letter) is cp at i; returns its end.
  auto word = [&](int32_t i, Cp cp) __attribute__((always_inline)) {
    int32_t j = cp.next;
    bool plain = cp.c < 0x80;  // until a character other than an ASCII letter or digit
    while (j < n) {
      j = SkipAsciiWord(bytes, j, n);  // the ASCII run, fast
      if (j >= n) break;
      Cp d = Decode(text, j);
      if (IsWordChar(d.cls)) {
        plain = false;
        j = d.next;
        continue;
      }
      if ((d.cls == CharClass::kHyphen || d.cls == CharClass::kApostrophe) && d.next < n) {
        Cp e = Decode(text, d.next);
        bool joins = d.cls == CharClass::kHyphen ? IsWordChar(e.cls) : e.cls == CharClass::kLetter;
        if (joins && d.cls == CharClass::kApostrophe && (e.c == 's' || e.c == 'S')) {
          // Possessive "'s" is split off unless more letters follow ("Ma'sum").
          if (e.next >= n || !IsWordChar(Decode(text, e.next).cls)) joins = false;
        }
        if (joins) {
          plain = false;
          j = e.next;
          continue;
        }
      }
      break;
    }
    emit(i, j, TokenKind::kWord, plain);
    return j;
  };
  // The word at i, then every word that follows it after a single space: most of a text is
  // "word word word", and taking the next word here spares the dispatch below (a hard to
  // predict indirect jump) on the space and again on the letter. Returns where the run ends.
  // With kKeys, the words of the run that AsciiRun takes (most) are scanned and keyed there.
  auto words_from = [&](int32_t i, Cp cp) __attribute__((always_inline)) {
    if constexpr (kKeys) {
      bool linked = false;  // whether i is one space after the last token
      if (cp.c >= 0x80 || newline) {  // AsciiRun takes neither
        const int32_t j = word(i, cp);
        if (!(j + 1 < n && bytes[j] == ' ' && kAscii.alpha[bytes[j + 1]])) return j;
        i = j + 1;
        linked = true;
      }
      for (;;) {
        TokenKeysWriter::RunOut run{sink.base(), sink.cursor(), sink.end(), sink.cand_cursor(),
                                    events,      true,          linked};
        i = writer.AsciiRun(bytes, n, i, *filter, &run);
        sink.Advance(run.tok, run.cand);
        if (!run.at_word) return i;
        const int32_t j = word(i, Cp{bytes[i], i + 1, CharClass::kLetter});
        if (!(j + 1 < n && bytes[j] == ' ' && kAscii.alpha[bytes[j + 1]])) return j;
        i = j + 1;
        linked = true;
      }
    } else {
      int32_t j = word(i, cp);
      while (j + 1 < n && bytes[j] == ' ' && kAscii.alpha[bytes[j + 1]]) {
        j = word(j + 1, Cp{bytes[j + 1], j + 2, CharClass::kLetter});
      }
      return j;
    }
  };
  while (i < n) {
    Cp cp = Decode(text, i);
    switch (cp.cls) {
      case CharClass::kSpace:
      case CharClass::kFormat:
        i = cp.next;
        continue;
      case CharClass::kNewline:
        newline = true;
        i = cp.next;
        continue;
      case CharClass::kLetter:
        i = words_from(i, cp);
        continue;
      case CharClass::kDigit: {
        int32_t j = cp.next;
        bool decimal = false;
        bool plain = cp.c < 0x80;
        while (j < n) {
          while (j < n && kAscii.digit[bytes[j]]) ++j;  // the ASCII run, fast
          if (j >= n) break;
          Cp d = Decode(text, j);
          if (d.cls == CharClass::kDigit) {
            plain = false;
            j = d.next;
            continue;
          }
          if (!decimal && d.cls == CharClass::kGroupSep) {
            // A thousands group: exactly three digits, then no further digit.
            int32_t k = d.next;
            int digits = 0;
            while (k < n && digits < 4) {
              Cp e = Decode(text, k);
              if (e.cls != CharClass::kDigit) break;
              ++digits;
              k = e.next;
            }
            if (digits == 3) {
              plain = false;
              j = k;
              continue;
            }
            break;
          }
          if (!decimal && d.cls == CharClass::kDecimalSep && d.next < n &&
              Decode(text, d.next).cls == CharClass::kDigit) {
            decimal = true;
            plain = false;
            j = d.next;
            continue;
          }
          break;
        }
        emit(i, j, TokenKind::kNumber, plain);
        i = j;
        continue;
      }
      case CharClass::kApostrophe: {
        // "'s" after a word it was split from.
        if (sink.size() > 0 && sink.back().kind == TokenKind::kWord &&
            sink.back().span.end == static_cast<uint32_t>(i) && cp.next < n) {
          Cp e = Decode(text, cp.next);
          if ((e.c == 's' || e.c == 'S') &&
              (e.next >= n || !IsWordChar(Decode(text, e.next).cls))) {
            emit(i, e.next, TokenKind::kWord);
            i = e.next;
            continue;
          }
        }
        emit(i, cp.next, TokenKind::kPunct);
        i = cp.next;
        continue;
      }
      case CharClass::kSymbol:
        emit(i, cp.next, TokenKind::kSymbol);
        i = cp.next;
        continue;
      default:
        emit(i, cp.next, TokenKind::kPunct);
        if (IsTerminator(text.substr(static_cast<size_t>(i), static_cast<size_t>(cp.next - i)))) {
          events->push_back(2 * static_cast<uint32_t>(sink.size() - 1));
        }
        i = cp.next;
        // ", word": the words after a comma or a period, as after a word (words_from).
        if (i + 1 < n && bytes[i] == ' ' && kAscii.alpha[bytes[i + 1]]) {
          i = words_from(i + 1, Cp{bytes[i + 1], i + 2, CharClass::kLetter});
        }
        continue;
    }
  }
  if constexpr (kKeys) writer.Sync();
  return sink.Finish();
}

// A sentence is cut after this many tokens without a boundary (segment.h).
constexpr size_t kMaxSentenceTokens = 300;

bool IsCloser(std::string_view t) {
  if (t.size() == 1) return t[0] == '"' || t[0] == '\'' || t[0] == ')' || t[0] == ']';
  return t == "\u201D" || t == "\u2019" || t == "\u00BB" || t == "\u203A" || t == "\u300D" ||
         t == "\u300F";
}

UChar32 FirstCp(std::string_view s) {
  if (s.empty()) return 0;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsSingleUpper(std::string_view s) {
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && i == static_cast<int32_t>(s.size()) && u_isupper(c);
}

inline bool Adjacent(const std::vector<Token>& t, size_t a, size_t b) {
  return t[a].span.end == t[b].span.begin;
}

}  // namespace

Result<std::unique_ptr<Segmenter>> Segmenter::Load(const std::string& data_dir) {
  auto seg = std::unique_ptr<Segmenter>(new Segmenter());
  std::string path = data_dir + "/text/abbreviations.txt";
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    if (r.fields.size() < 2) {
      return InvalidArgument(path + ":" + std::to_string(r.line) + ": expected 2 fields");
    }
    const std::string& a = r.fields[0];
    const std::string& b = r.fields[1];
    if (a == "@starter") {
      seg->starters_[b] = true;
      continue;
    }
    AbbrevType type;
    if (b == "title")
      type = AbbrevType::kTitle;
    else if (b == "number")
      type = AbbrevType::kNumber;
    else if (b == "month")
      type = AbbrevType::kMonth;
    else if (b == "general")
      type = AbbrevType::kGeneral;
    else
      return InvalidArgument(path + ":" + std::to_string(r.line) + ": unknown type '" + b + "'");
    seg->abbrevs_[LowerString(a)] = type;
  }
  // Month names: "22. März" (a German ordinal day) does not end a sentence.
  std::string mpath = data_dir + "/text/months.tsv";
  Result<std::vector<TsvRow>> mrows = ReadTsv(mpath);
  if (!mrows.ok()) return mrows.status();
  for (const TsvRow& r : *mrows) {
    if (!r.fields.empty()) seg->months_[LowerString(r.fields[0])] = true;
  }
  return seg;
}

namespace {

// The key of token i, from `keys` or made here (the same key: TokenKeys holds LowerBuf's text).
// `key` may point into `buf`: use it within the full expression that made the WordKey.
struct WordKey {
  WordKey(std::string_view text, const std::vector<Token>& tokens, size_t i,
          const TokenKeys* keys) {
    if (keys != nullptr) {
      key = (*keys)[i];
    } else {
      buf.Set(TokenText(text, tokens[i]));
      key = HashedWord{buf.view(), StringHash{}(buf.view())};
    }
  }
  WordKey(const WordKey&) = delete;
  WordKey& operator=(const WordKey&) = delete;
  LowerBuf buf;
  HashedWord key;
};

}  // namespace

bool Segmenter::IsBoundary(std::string_view text, const std::vector<Token>& tokens, size_t term,
                           size_t next, const TokenKeys* keys) const {
  if (Adjacent(tokens, next - 1, next)) return GluedBoundary(text, tokens, term, next, keys);
  const Token& nt = tokens[next];
  std::string_view next_text = TokenText(text, nt);
  const unsigned char b0 = next_text.empty() ? 0 : static_cast<unsigned char>(next_text[0]);
  // ASCII: only 'a'..'z' are lower case letters (what u_islower says for them).
  const bool lower = b0 < 0x80 ? (b0 >= 'a' && b0 <= 'z') : u_islower(FirstCp(next_text));
  if (lower) return false;  // '"Why?" he asked', "approx. five"
  if (TokenText(text, tokens[term]) != "." || term == 0 || !Adjacent(tokens, term - 1, term)) {
    return true;
  }
  const Token& pt = tokens[term - 1];
  if (pt.kind == TokenKind::kNumber && pt.span.size() <= 2 && nt.kind == TokenKind::kWord) {
    if (months_.contains(WordKey(text, tokens, next, keys).key)) return false;  // "22. März"
  }
  if (pt.kind != TokenKind::kWord) return true;
  std::string_view prev = TokenText(text, pt);
  bool next_is_number = nt.kind == TokenKind::kNumber;
  if (const AbbrevType* type = abbrevs_.Find(WordKey(text, tokens, term - 1, keys).key)) {
    switch (*type) {
      case AbbrevType::kTitle:
        return false;
      case AbbrevType::kNumber:
      case AbbrevType::kMonth:
        return !next_is_number;
      case AbbrevType::kGeneral:
        return true;
    }
  }
  if (IsSingleUpper(prev)) {
    // "U.S." (a dotted acronym) ends a sentence only before a typical sentence starter;
    // a lone initial ("J. Smith") never does.
    bool acronym = term >= 3 && TokenText(text, tokens[term - 2]) == "." &&
                   Adjacent(tokens, term - 2, term - 1) && Adjacent(tokens, term - 3, term - 2) &&
                   IsSingleUpper(TokenText(text, tokens[term - 3]));
    if (!acronym) return false;
    return starters_.contains(next_text);
  }
  return true;
}

// "was shot.Police said": sentences glued by scraping. The period must end a lower-case word
// of two or more letters that is no abbreviation, with a capitalised word right after it; a
// word glued before the first one or after the second ("www.Example.com", "a@b.Com", "x/y.Z")
// makes it a URL, e-mail or domain. "3.5" is one number token; "St.Louis", "U.S.Army" have no
// lower-case word before the period.
bool Segmenter::GluedBoundary(std::string_view text, const std::vector<Token>& tokens, size_t term,
                              size_t next, const TokenKeys* keys) const {
  if (TokenText(text, tokens[term]) != "." || term == 0 || next != term + 1) return false;
  const Token& pt = tokens[term - 1];
  const Token& nt = tokens[next];
  if (pt.kind != TokenKind::kWord || nt.kind != TokenKind::kWord) return false;
  if (!Adjacent(tokens, term - 1, term)) return false;
  if (term >= 2 && Adjacent(tokens, term - 2, term - 1)) return false;  // "a@b.Com", "x.y.Z"
  if (next + 1 < tokens.size() && Adjacent(tokens, next, next + 1)) {
    std::string_view after = TokenText(text, tokens[next + 1]);
    if (after == "." || after == "@" || after == "/" || after == ":") {
      if (next + 2 < tokens.size() && Adjacent(tokens, next + 1, next + 2) &&
          tokens[next + 2].kind != TokenKind::kPunct) {
        return false;  // "www.Example.com"
      }
    }
  }
  std::string_view prev = TokenText(text, pt);
  if (!u_isupper(FirstCp(TokenText(text, nt)))) return false;
  int32_t i = 0, letters = 0;
  const int32_t len = static_cast<int32_t>(prev.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(prev.data(), i, len, c);
    if (!u_islower(c)) return false;
    ++letters;
  }
  if (letters < 2) return false;
  return !abbrevs_.contains(WordKey(text, tokens, term - 1, keys).key);
}

void Segmenter::Segment(std::string_view text, Doc* doc) const {
  Segment(text, doc, static_cast<std::vector<uint8_t>*>(nullptr));
}

void Segmenter::Segment(std::string_view text, Doc* doc, std::vector<uint8_t>* plain) const {
  // Per thread, reused from text to text.
  thread_local std::vector<uint8_t> scratch;
  std::vector<uint8_t>& flags = plain != nullptr ? *plain : scratch;
  flags.clear();
  flags.reserve(text.size() / 5 + 8);
  std::vector<uint32_t>& events = TokenEvents();
  Tokenize<false>(text, &doc->tokens, &flags, nullptr, nullptr, nullptr, &events);
  Sentences(text, doc, events, nullptr);
}

void Segmenter::Segment(std::string_view text, Doc* doc, TokenKeys* keys) const {
  static const KeyFilter* all = [] {
    auto* f = new KeyFilter();
    f->AddAll();
    return f;
  }();
  thread_local std::vector<uint32_t> candidates;  // not asked for
  Segment(text, doc, keys, *all, &candidates);
}

std::span<const uint32_t> Segmenter::Segment(std::string_view text, Doc* doc, TokenKeys* keys,
                                             const KeyFilter& filter,
                                             std::vector<uint32_t>* candidates) const {
  keys->Start(text, text.size() / 5 + 8);
  std::vector<uint32_t>& events = TokenEvents();
  const size_t count =
      Tokenize<true>(text, &doc->tokens, nullptr, keys, &filter, candidates, &events);
  // Every sentence but the last ends at an event or at a cut every kMaxSentenceTokens tokens:
  // room for all of them at once spares the vector's regrowths (the bare pass, the yardstick,
  // is left as it was).
  doc->sentences.clear();
  doc->sentences.reserve(events.size() + doc->tokens.size() / kMaxSentenceTokens + 1);
  Sentences(text, doc, events, keys);
  return std::span<const uint32_t>(candidates->data(), count);
}

std::vector<uint32_t>& Segmenter::TokenEvents() {
  thread_local std::vector<uint32_t> events;  // per thread, reused from text to text
  events.clear();
  return events;
}

void Segmenter::Sentences(std::string_view text, Doc* doc, const std::vector<uint32_t>& events,
                          const TokenKeys* keys) const {
  const std::vector<Token>& tokens = doc->tokens;
  doc->sentences.clear();
  const size_t n = tokens.size();
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end <= start) return;
    doc->sentences.push_back(Sentence{Span{tokens[start].span.begin, tokens[end - 1].span.end},
                                      static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = end;
  };
  // Text without sentence ends (crawler junk, tables) is cut into bounded pieces so later
  // stages, which quote whole sentences, stay linear in the input size: a sentence is cut at
  // the first token looked at that is kMaxSentenceTokens or more past its start. Between
  // events (Tokenize) every token is looked at; that rule is all that can happen there.
  auto cut_before = [&](size_t from, size_t to) {
    for (size_t c = std::max(from, start + kMaxSentenceTokens); c < to;
         c = start + kMaxSentenceTokens) {
      close(c);
    }
  };
  size_t t = 0;  // the next token to look at
  for (size_t p = 0; p < events.size(); ++p) {
    const size_t e = events[p] >> 1;
    if (e < t) continue;  // taken with a terminator before it, or listed twice
    cut_before(t, e);
    t = e;
    if (events[p] & 1) close(t);  // a line break before it
    if (t - start >= kMaxSentenceTokens) close(t);
    if (tokens[t].kind != TokenKind::kPunct || !IsTerminator(TokenText(text, tokens[t]))) {
      ++t;
      continue;
    }
    size_t k = t + 1;
    while (k < n && Adjacent(tokens, k - 1, k) && IsTerminator(TokenText(text, tokens[k]))) ++k;
    while (k < n && Adjacent(tokens, k - 1, k) && IsCloser(TokenText(text, tokens[k]))) ++k;
    // Whether a line break comes before token k: its event, if any, is among the next few
    // (the tokens from t to k are glued terminators and closers).
    size_t q = p + 1;
    while (q < events.size() && (events[q] >> 1) < k) ++q;
    const bool line_before_k = q < events.size() && events[q] == 2 * k + 1;
    if (k < n && !line_before_k && IsBoundary(text, tokens, t, k, keys)) close(k);
    t = k;
  }
  cut_before(t, n);
  close(n);
}

void Segment(std::string_view text, Doc* doc) {
  static const Segmenter* seg = [] {
    Result<std::unique_ptr<Segmenter>> r = Segmenter::Load(DataDir());
    return r.ok() ? std::move(r).value().release() : new Segmenter();
  }();
  seg->Segment(text, doc);
}

}  // namespace sitrep
