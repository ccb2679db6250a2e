#include "text/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/data_dir.h"

namespace sitrep {
namespace {

enum class CharClass : uint8_t {
  kSpace, kNewline, kFormat, kLetter, kDigit, kHyphen, kApostrophe, kDecimalSep, kGroupSep,
  kPunct, kSymbol,
};

CharClass ClassifyNonAscii(UChar32 c) {
  switch (c) {
    case 0x85: case 0x2028: case 0x2029: return CharClass::kNewline;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x2019: return CharClass::kApostrophe;
    case 0x066B: return CharClass::kDecimalSep;  // Arabic decimal separator
    case 0x066C: return CharClass::kGroupSep;    // Arabic thousands separator
    default: break;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
      return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER: return CharClass::kDigit;
    case U_SPACE_SEPARATOR: case U_CONTROL_CHAR: return CharClass::kSpace;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: return CharClass::kNewline;
    case U_FORMAT_CHAR: return CharClass::kFormat;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharClass::kSymbol;
    default: return CharClass::kPunct;
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
  // For every byte value: an ASCII letter or digit (word[]), an ASCII digit (digit[]). The
  // tokeniser's inner loops run over such bytes with one load and test each; any other byte
  // (punctuation, space, the lead byte of a multi-byte character) goes the general way.
  bool word[256];
  bool digit[256];
  constexpr AsciiTable() : cls(), word(), digit() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = AsciiClass(c);
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
  if (b < 0x80) [[likely]] return Cp{b, i + 1, kAscii.cls[b]};
  return DecodeMultibyte(s, i);
}

inline bool IsWordChar(CharClass k) {
  return k == CharClass::kLetter || k == CharClass::kDigit || k == CharClass::kFormat;
}

// Tokenises `text`. nl[i] has bit kNewlineBefore when a line break lies between token i-1 and
// token i, and bit kPlainToken when token i is ASCII letters and digits only (a word or number
// that the ASCII run loops made alone, which the scan knows without looking at it again).
constexpr uint8_t kNewlineBefore = 1;
constexpr uint8_t kPlainToken = 2;
void Tokenize(std::string_view text, std::vector<Token>* tokens, std::vector<uint8_t>* nl) {
  const int32_t n = static_cast<int32_t>(text.size());
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  int32_t i = 0;
  bool newline = false;
  auto emit = [&](int32_t b, int32_t e, TokenKind kind, bool plain = false)
                  __attribute__((always_inline)) {
    tokens->push_back(Token{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, kind});
    nl->push_back(static_cast<uint8_t>((newline ? kNewlineBefore : 0) | (plain ? kPlainToken : 0)));
    newline = false;
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
      case CharClass::kLetter: {
        int32_t j = cp.next;
        bool plain = cp.c < 0x80;  // until a character other than an ASCII letter or digit
        while (j < n) {
          while (j < n && kAscii.word[bytes[j]]) ++j;  // the ASCII run, fast
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
        i = j;
        continue;
      }
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
        if (!tokens->empty() && tokens->back().kind == TokenKind::kWord &&
            tokens->back().span.end == static_cast<uint32_t>(i) && cp.next < n) {
          Cp e = Decode(text, cp.next);
          if ((e.c == 's' || e.c == 'S') && (e.next >= n || !IsWordChar(Decode(text, e.next).cls))) {
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
        i = cp.next;
        continue;
    }
  }
}

bool IsTerminator(std::string_view t) {
  if (t.size() == 1) return t[0] == '.' || t[0] == '!' || t[0] == '?';
  return t == "\u2026" || t == "\u06D4" || t == "\u061F" || t == "\u0964" || t == "\u0965" ||
         t == "\u3002" || t == "\uFF01" || t == "\uFF1F";
}

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
    if (b == "title") type = AbbrevType::kTitle;
    else if (b == "number") type = AbbrevType::kNumber;
    else if (b == "month") type = AbbrevType::kMonth;
    else if (b == "general") type = AbbrevType::kGeneral;
    else return InvalidArgument(path + ":" + std::to_string(r.line) + ": unknown type '" + b + "'");
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

bool Segmenter::IsBoundary(std::string_view text, const std::vector<Token>& tokens, size_t term,
                           size_t next) const {
  if (Adjacent(tokens, next - 1, next)) return false;  // "example.com", "U.S.-led"
  const Token& nt = tokens[next];
  std::string_view next_text = TokenText(text, nt);
  UChar32 first = FirstCp(next_text);
  if (u_islower(first)) return false;  // '"Why?" he asked', "approx. five"
  if (TokenText(text, tokens[term]) != "." || term == 0 || !Adjacent(tokens, term - 1, term)) {
    return true;
  }
  const Token& pt = tokens[term - 1];
  if (pt.kind == TokenKind::kNumber && pt.span.size() <= 2 && nt.kind == TokenKind::kWord) {
    LowerBuf mb(next_text);
    if (months_.find(mb.view()) != months_.end()) return false;  // "22. März"
  }
  if (pt.kind != TokenKind::kWord) return true;
  std::string_view prev = TokenText(text, pt);
  bool next_is_number = nt.kind == TokenKind::kNumber;
  LowerBuf lb(prev);
  auto it = abbrevs_.find(lb.view());
  if (it != abbrevs_.end()) {
    switch (it->second) {
      case AbbrevType::kTitle: return false;
      case AbbrevType::kNumber:
      case AbbrevType::kMonth: return !next_is_number;
      case AbbrevType::kGeneral: return true;
    }
  }
  if (IsSingleUpper(prev)) {
    // "U.S." (a dotted acronym) ends a sentence only before a typical sentence starter;
    // a lone initial ("J. Smith") never does.
    bool acronym = term >= 3 && TokenText(text, tokens[term - 2]) == "." &&
                   Adjacent(tokens, term - 2, term - 1) && Adjacent(tokens, term - 3, term - 2) &&
                   IsSingleUpper(TokenText(text, tokens[term - 3]));
    if (!acronym) return false;
    return starters_.find(next_text) != starters_.end();
  }
  return true;
}

void Segmenter::Segment(std::string_view text, Doc* doc) const { Segment(text, doc, nullptr); }

void Segmenter::Segment(std::string_view text, Doc* doc, std::vector<uint8_t>* plain) const {
  constexpr size_t kMaxSentenceTokens = 300;
  std::vector<Token>& tokens = doc->tokens;
  tokens.clear();
  doc->sentences.clear();
  tokens.reserve(text.size() / 5 + 8);
  std::vector<uint8_t> nl;
  nl.reserve(text.size() / 5 + 8);
  Tokenize(text, &tokens, &nl);
  const size_t n = tokens.size();
  if (plain != nullptr) {
    plain->resize(n);
    for (size_t t = 0; t < n; ++t) (*plain)[t] = (nl[t] & kPlainToken) != 0 ? 1 : 0;
  }
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end <= start) return;
    doc->sentences.push_back(Sentence{Span{tokens[start].span.begin, tokens[end - 1].span.end},
                                      static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = end;
  };
  for (size_t t = 0; t < n; ++t) {
    if (nl[t] & kNewlineBefore) close(t);
    // Text without sentence ends (crawler junk, tables) is cut into bounded pieces so later
    // stages, which quote whole sentences, stay linear in the input size.
    if (t - start >= kMaxSentenceTokens) close(t);
    if (tokens[t].kind != TokenKind::kPunct || !IsTerminator(TokenText(text, tokens[t]))) continue;
    size_t k = t + 1;
    while (k < n && Adjacent(tokens, k - 1, k) && IsTerminator(TokenText(text, tokens[k]))) ++k;
    while (k < n && Adjacent(tokens, k - 1, k) && IsCloser(TokenText(text, tokens[k]))) ++k;
    if (k < n && !(nl[k] & kNewlineBefore) && IsBoundary(text, tokens, t, k)) close(k);
    t = k - 1;
  }
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
