#include "text/lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "base/data_dir.h"
#include "base/tsv.h"

namespace sitrep {

Result<std::vector<TsvRow>> ReadTsv(const std::string& path) {
  std::vector<TsvRow> rows;
  Status st = ForEachTsvRow(path, 1, [&](const std::vector<std::string_view>& cols, int line) {
    TsvRow row;
    row.line = line;
    row.fields.assign(cols.begin(), cols.end());
    rows.push_back(std::move(row));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return rows;
}

namespace {

// A character as keys hold it: lower case, and the typographic apostrophe (U+2019) and the
// modifier letter apostrophe (U+02BC) as ASCII '\'', so "п’ять" and "пʼять" (Ukrainian writes
// all three) find the lexicon's "п'ять", and "aujourd’hui" its "aujourd'hui".
UChar32 KeyChar(UChar32 c) {
  if (c == 0x2019 || c == 0x02BC) return '\'';
  return u_tolower(c);
}

}  // namespace

void LowerBuf::SetSlow(std::string_view s) {
  n_ = 0;
  overflow_ = false;
  const size_t cap = sizeof(buf_);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (n_ >= cap) {
        overflow_ = true;
        return;
      }
      buf_[n_++] = (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
      ++i;
      continue;
    }
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
    if (c < 0) c = 0xFFFD;
    c = KeyChar(c);
    if (n_ + U8_LENGTH(c) > cap) {
      overflow_ = true;
      return;
    }
    int32_t out = static_cast<int32_t>(n_);
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf_), out, c);
    n_ = static_cast<size_t>(out);
    i = static_cast<size_t>(pos);
  }
}

std::string LowerString(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back((b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
    if (c < 0) c = 0xFFFD;
    c = KeyChar(c);
    char tmp[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(tmp), n, c);
    out.append(tmp, static_cast<size_t>(n));
    i = static_cast<size_t>(pos);
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) words.push_back(LowerString(phrase.substr(i, j - i)));
    i = j;
  }
  return words;
}

void TokenKeys::Build(std::string_view text, const std::vector<Token>& tokens) {
  BuildKeys<false>(text, tokens, nullptr);
}

void TokenKeys::Build(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& plain) {
  if (plain.size() == tokens.size()) {
    BuildKeys<true>(text, tokens, plain.data());
  } else {
    BuildKeys<false>(text, tokens, nullptr);
  }
}

void TokenKeys::GrowLower(size_t need, size_t used) {
  const size_t cap = std::max(need, 2 * lower_cap_);
  std::unique_ptr<char[]> grown(new char[cap]);  // uninitialised: only written bytes are read
  if (used > 0) std::memcpy(grown.get(), lower_.get(), used);
  lower_ = std::move(grown);
  lower_cap_ = cap;
}

void TokenKeys::GrowKeys(size_t need) {
  const size_t cap = std::max(need, 2 * keys_cap_);
  std::unique_ptr<Key[]> grown(new Key[cap]);  // uninitialised: only written keys are read
  if (size_ > 0) std::memcpy(grown.get(), keys_.get(), size_ * sizeof(Key));
  keys_ = std::move(grown);
  keys_cap_ = cap;
}

void TokenKeys::Start(std::string_view text, size_t expected_tokens) {
  if (expected_tokens > keys_cap_) {
    keys_cap_ = std::max(expected_tokens, 2 * keys_cap_);
    keys_.reset(new Key[keys_cap_]);  // uninitialised: every key is written before it is read
  }
  size_ = 0;
  used_ = 0;
  // Tokens do not overlap, and ASCII lower-casing keeps lengths: the text's size is nearly
  // always enough (a non-ASCII capital whose small letter is longer grows the buffer). The
  // slack lets the fast path store whole 8-byte chunks.
  if (text.size() + 16 > lower_cap_) GrowLower(text.size() + 16, 0);
}

void TokenKeys::AddGiven(std::string_view text, Span span, uint8_t plain) {
  AddKey<true>(text, span, plain);
}

template <bool kGivenPlain>
inline void TokenKeys::AddKey(std::string_view text, Span span, uint8_t plain) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const size_t len = span.size();
  Key& k = keys_[size_++];
  k.off = static_cast<uint32_t>(used_);
  // ASCII, eight bytes at a time (SWAR): lower-case, look for '-', hash (StringHash's value).
  // Whole chunks are read from the text and written to the buffer, so both need the room.
  if constexpr (std::endian::native == std::endian::little) {
    const size_t padded = (len + 7) & ~size_t{7};
    if (len <= kFastLen && span.begin + padded <= text.size() && used_ + padded <= lower_cap_) {
      const char* src = text.data() + span.begin;
      char* out = lower_.get() + used_;
      uint64_t h = KeyHashSeed(len);
      uint64_t hyphen = 0, high = 0, other = 0;
      for (size_t off = 0; off < len; off += 8) {
        uint64_t c;
        std::memcpy(&c, src + off, 8);
        uint64_t valid = kHigh;  // the high bit of every byte of the token in this chunk
        if (len - off < 8) {
          c &= ~uint64_t{0} >> (8 * (8 - (len - off)));
          if constexpr (!kGivenPlain) valid &= ~uint64_t{0} >> (8 * (8 - (len - off)));
        }
        high |= c;
        // Bytes 'A'..'Z' (the additions cannot carry: every byte is below 0x80 when it counts).
        const uint64_t upper = (c + 0x3F * kOnes) & ~(c + 0x25 * kOnes) & kHigh;
        c |= upper >> 2;
        if constexpr (!kGivenPlain) {
          // Bytes 'a'..'z' and '0'..'9' after lower-casing (the same range test).
          const uint64_t alpha = (c + 0x1F * kOnes) & ~(c + 0x05 * kOnes) & kHigh;
          const uint64_t digit = (c + 0x50 * kOnes) & ~(c + 0x46 * kOnes) & kHigh;
          other |= valid & ~(alpha | digit);
        }
        const uint64_t x = c ^ (uint64_t{'-'} * kOnes);
        hyphen |= (x - kOnes) & ~x & kHigh;
        std::memcpy(out + off, &c, 8);
        h = KeyHashChunk(h, c);
      }
      if ((high & kHigh) == 0) {
        k.len = static_cast<uint16_t>(len);
        k.hyphen = hyphen != 0;
        if constexpr (kGivenPlain) {
          k.flags = plain != 0 && len > 0 ? kAsciiWord : 0;
        } else {
          k.flags = other == 0 && len > 0 ? kAsciiWord : 0;
        }
        k.hash = static_cast<size_t>(KeyHashFinish(h));
        used_ += len;
        return;
      }
    }
  }
  std::string_view t = text.substr(span.begin, len);
  LowerBuf lb;
  lb.Set(t);
  std::string_view v = lb.view();
  if (used_ + v.size() + 8 > lower_cap_) GrowLower(2 * lower_cap_ + v.size() + 8, used_);
  std::memcpy(lower_.get() + used_, v.data(), v.size());
  k.len = static_cast<uint16_t>(v.size());
  k.hyphen = t.find('-') != std::string_view::npos;
  k.hash = StringHash{}(v);
  k.flags = 0;
  if constexpr (kGivenPlain) {
    if (plain != 0 && !t.empty() && t.size() <= kFastLen) k.flags = kAsciiWord;
  } else if (!t.empty() && t.size() <= kFastLen) {
    uint8_t flags = kAsciiWord;
    for (char ch : t) {
      const unsigned char b = static_cast<unsigned char>(ch);
      if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))) {
        flags = 0;
        break;
      }
    }
    k.flags = flags;
  }
  used_ += v.size();
}

template <bool kGivenPlain>
void TokenKeys::BuildKeys(std::string_view text, const std::vector<Token>& tokens,
                          const uint8_t* plain) {
  Start(text, tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    AddKey<kGivenPlain>(text, tokens[i].span, kGivenPlain ? plain[i] : 0);
  }
}

void PhraseTable::AddTo(Index* index, const Entry& entry, bool forward) {
  const size_t n = entry.words.size();
  const size_t edge = forward ? 0 : n - 1;
  const size_t h = entry.hashes[edge];
  index->bits[(h >> 6) & (kBitWords - 1)] |= uint64_t{1} << (h & 63);
  if (n == 1) {
    if (index->single.Find(entry.words[0], h) == nullptr) {
      index->single.Get(entry.words[0], h) = entry.payload;  // the first added wins
    }
    return;
  }
  std::vector<Entry>& group = index->pairs[PairKey{h, entry.hashes[forward ? 1 : n - 2]}];
  group.push_back(entry);
  std::stable_sort(group.begin(), group.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

void PhraseTable::Add(std::string_view phrase, int payload) {
  Entry entry;
  entry.words = SplitWords(phrase);
  if (entry.words.empty()) return;
  for (const std::string& w : entry.words) entry.hashes.push_back(StringHash{}(w));
  entry.payload = payload;
  if (std::find(first_words_.begin(), first_words_.end(), entry.words[0]) == first_words_.end()) {
    first_words_.push_back(entry.words[0]);
  }
  std::pair<std::string, std::string> opening(entry.words[0],
                                              entry.words.size() > 1 ? entry.words[1] : "");
  if (std::find(openings_.begin(), openings_.end(), opening) == openings_.end()) {
    openings_.push_back(std::move(opening));
  }
  AddTo(&first_, entry, true);
  AddTo(&last_, entry, false);
}

template <typename WordAt>
int PhraseTable::Match(const Index& index, size_t count, size_t edge, bool forward, WordAt word_at,
                       size_t* other) {
  if (edge >= count) return -1;
  LowerBuf edge_scratch, scratch;
  const HashedWord e = word_at(edge, &edge_scratch);
  if (!TestBit(index.bits, e.hash)) return -1;
  if (forward ? edge + 1 < count : edge > 0) {
    const HashedWord next = word_at(forward ? edge + 1 : edge - 1, &scratch);
    if (const std::vector<Entry>* entries = index.pairs.Find(PairKey{e.hash, next.hash})) {
      for (const Entry& en : *entries) {
        const size_t n = en.words.size();
        if (forward ? edge + n > count : n > edge + 1) continue;
        const size_t first = forward ? edge : edge + 1 - n;
        bool ok = true;
        for (size_t k = 0; k < n && ok; ++k) {
          const HashedWord w = word_at(first + k, &scratch);
          ok = w.hash == en.hashes[k] && w.s == en.words[k];
        }
        if (ok) {
          *other = forward ? first + n : first;
          return en.payload;
        }
      }
    }
  }
  if (const int* p = index.single.Find(e.s, e.hash)) {
    *other = forward ? edge + 1 : edge;
    return *p;
  }
  return -1;
}

namespace {

// Token k's lower-cased, hashed text, made in `scratch` (the text-based Match* calls).
struct TextWordAt {
  std::string_view text;
  const std::vector<Token>& tokens;
  HashedWord operator()(size_t k, LowerBuf* scratch) const {
    scratch->Set(TokenText(text, tokens[k]));
    return HashedWord{scratch->view(), StringHash{}(scratch->view())};
  }
};

// Token k's key as the Doc's TokenKeys hold it (no scratch needed).
struct KeyWordAt {
  const TokenKeys& keys;
  HashedWord operator()(size_t k, LowerBuf*) const { return keys[k]; }
};

}  // namespace

int PhraseTable::MatchForward(std::string_view text, const std::vector<Token>& tokens, size_t i,
                              size_t* end_token) const {
  return Match(first_, tokens.size(), i, true, TextWordAt{text, tokens}, end_token);
}

int PhraseTable::MatchBackward(std::string_view text, const std::vector<Token>& tokens, size_t last,
                               size_t* begin_token) const {
  return Match(last_, tokens.size(), last, false, TextWordAt{text, tokens}, begin_token);
}

int PhraseTable::MatchForward(const TokenKeys& keys, size_t i, size_t* end_token) const {
  return Match(first_, keys.size(), i, true, KeyWordAt{keys}, end_token);
}

int PhraseTable::MatchBackward(const TokenKeys& keys, size_t last, size_t* begin_token) const {
  return Match(last_, keys.size(), last, false, KeyWordAt{keys}, begin_token);
}

}  // namespace sitrep
