#include "ingest/ingest.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/data_dir.h"
#include "ingest/feed_date.h"
#include "ingest/html.h"
#include "ingest/url_date.h"
#include "text/lang.h"
#include "text/utf8.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

enum class Kind { kJsonLines, kJson, kText, kHtml, kOther };

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Kind KindOfExtension(const std::string& ext) {
  const std::string e = Lower(ext);
  if (e == ".jsonl" || e == ".ndjson") return Kind::kJsonLines;
  if (e == ".json") return Kind::kJson;
  if (e == ".txt" || e == ".text" || e == ".md") return Kind::kText;
  if (e == ".html" || e == ".htm" || e == ".xhtml") return Kind::kHtml;
  return Kind::kOther;
}

// How messages describe a file whose extension is none of KindOfExtension's.
constexpr char kUnknownType[] =
    "unknown file type (known: .jsonl, .ndjson, .json, .txt, .text, .md, .html, .htm)";

// Folder notes name at most this many skipped files.
constexpr size_t kSkippedNamesShown = 5;

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// What unknown input looks like from its first bytes.
Kind Sniff(std::string_view data) {
  data = StripBom(data);
  size_t i = data.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return Kind::kText;
  if (data[i] == '{') return Kind::kJsonLines;
  if (data[i] == '[') return Kind::kJson;
  if (data[i] == '<') {
    std::string head = Lower(std::string(data.substr(i, 2048)));
    if (head.find("<html") != std::string::npos ||
        head.find("<!doctype html") != std::string::npos ||
        head.find("<body") != std::string::npos || head.find("<p") != std::string::npos) {
      return Kind::kHtml;
    }
  }
  return Kind::kText;
}

// Many NULs or control bytes in the first 64 KiB: an image, an archive, UTF-16... A stray NUL
// in a text or a JSON line is not enough: that line is reported (or repaired) on its own, and the
// rest of the file is still read.
bool LooksBinary(std::string_view data) {
  const size_t n = std::min<size_t>(data.size(), 64 << 10);
  size_t nul = 0, control = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes a step; text has few bytes below 0x20 besides the allowed ones, so only a step that
  // holds one is counted.
  const __m128i top = _mm_set1_epi8(0x1f), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
  const __m128i esc = _mm_set1_epi8(0x1b), zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data.data() + i));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, top), v);  // v <= 0x1f
    const __m128i d = _mm_sub_epi8(v, nine);
    const __m128i spacing = _mm_cmpeq_epi8(_mm_min_epu8(d, four), d);  // \t \n \v \f \r
    const __m128i allowed = _mm_or_si128(spacing, _mm_cmpeq_epi8(v, esc));
    const unsigned bad = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(allowed, low)));
    if (bad == 0) continue;
    const unsigned nuls = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
    nul += static_cast<size_t>(std::popcount(nuls));
    control += static_cast<size_t>(std::popcount(bad & ~nuls));
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == 0)
      ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
             c != 0x1b) {
      ++control;
    }
  }
  return nul * 100 > n || (nul + control) * 20 > n;
}

std::string FileName(std::string_view path) {
  return fs::path(std::string(path)).filename().string();
}

std::string Stem(std::string_view path) { return fs::path(std::string(path)).stem().string(); }

std::string Where(std::string_view name, size_t line) {
  return std::string(name) + ":" + std::to_string(line);
}

void Report(IngestResult* out, std::string message) {
  out->errors.push_back(InvalidArgument(std::move(message)));
}

// Repairs invalid UTF-8 in place (reporting it once), fills in the language, and adds the article
// unless its text is empty or too big.
// `json_record` says whether messages should name the 'text' field (JSON inputs) or not;
// `valid_utf8` that the text is known to be valid UTF-8 already (NUL bytes are still looked for).
void AddArticle(Article a, std::string_view where, bool json_record, const IngestOptions& options,
                IngestResult* out, bool valid_utf8 = false) {
  const std::string field = json_record ? ": field 'text': " : ": ";
  if (a.text.size() > options.max_article_bytes) {
    Report(out, std::string(where) + field + std::to_string(a.text.size()) +
                    " bytes, over the limit of " + std::to_string(options.max_article_bytes) +
                    "; skipped");
    return;
  }
  size_t bad = 0;
  if ((!valid_utf8 && !IsValidUtf8(a.text)) || a.text.find('\0') != std::string::npos) {
    a.text = RepairUtf8(a.text, &bad);
    if (bad > 0) {
      Report(out, std::string(where) + field + "invalid UTF-8 or NUL bytes, " +
                      std::to_string(bad) + " sequence(s) replaced");
    }
  }
  if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Report(out, std::string(where) + field + "empty text; skipped");
    return;
  }
  if (a.lang.empty()) a.lang = DetectLanguage(a.text);
  // Without a publication date relative dates cannot resolve; many sites date the address.
  if (!a.published && !a.url.empty()) a.published = DateFromUrl(a.url);
  a.origin = std::string(where);
  out->articles.push_back(std::move(a));
}

// A direct scanner for the common JSON-lines record: one flat object whose known fields
// (doc_id, source, url, published, lang, text) are strings or null and whose other fields are
// scalars. It builds each string once, without a JSON tree, which makes reading several times
// cheaper than nlohmann's parser. It accepts only what is valid JSON in valid UTF-8 and what
// ArticleFromJson would take without a report; anything else (a nested value, a duplicate or
// escaped key, a lone surrogate, ill-formed UTF-8, a missing or empty doc_id, a bad date, ...)
// returns false and the caller takes the general path, which gives the same result or the usual
// message. It checks the UTF-8 of the strings and keys it reads (every other byte it accepts is
// ASCII), so a line it takes is valid UTF-8 as it stands, and so is the text it makes of it.
class FastRecordScanner {
 public:
  explicit FastRecordScanner(std::string_view line)
      : p_(line.data()), end_(line.data() + line.size()) {}

  bool Scan(std::string_view default_source, Article* a) {
    enum { kDocId, kSource, kUrl, kPublished, kLang, kText, kKnown };
    std::string values[kKnown];
    bool seen[kKnown] = {};     // the key appeared
    bool present[kKnown] = {};  // ... with a string value (not null)
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (p_ < end_ && *p_ == '}') return false;  // no doc_id: the general path reports it
    while (true) {
      SkipSpace();
      std::string_view key;
      if (!PlainKey(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      int k = kKnown;
      if (key == "doc_id")
        k = kDocId;
      else if (key == "source")
        k = kSource;
      else if (key == "url")
        k = kUrl;
      else if (key == "published")
        k = kPublished;
      else if (key == "lang")
        k = kLang;
      else if (key == "text")
        k = kText;
      if (k != kKnown) {
        if (seen[k]) return false;  // JSON's last-one-wins: leave it to the general path
        seen[k] = true;
        if (p_ < end_ && *p_ == '"') {
          ++p_;
          if (!String(&values[k])) return false;
          present[k] = true;
        } else if (!Literal("null")) {
          return false;  // a number, list, ... where a string belongs: reported by the general path
        }
      } else if (!SkipScalar()) {
        return false;
      }
      SkipSpace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (!Eat('}')) return false;
      break;
    }
    SkipSpace();
    if (p_ != end_) return false;
    if (!present[kDocId] || values[kDocId].empty() || !present[kText]) return false;
    std::optional<CivilDate> published;
    if (present[kPublished]) {
      published = ParseFeedDate(values[kPublished]);
      if (!published) return false;
    }
    a->doc_id = std::move(values[kDocId]);
    a->text = std::move(values[kText]);
    // Grown by appends, the text may hold up to twice its size; articles live for the whole
    // batch, so give back the slack (one copy, cheaper than the memory).
    if (a->text.capacity() > a->text.size() + a->text.size() / 16) a->text.shrink_to_fit();
    a->source = values[kSource].empty() ? std::string(default_source) : std::move(values[kSource]);
    a->url = std::move(values[kUrl]);
    a->lang = std::move(values[kLang]);
    for (char& c : a->lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a->published = published;
    return true;
  }

 private:
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool Eat(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }
  // A key without escapes, in valid UTF-8.
  bool PlainKey(std::string_view* key) {
    if (!Eat('"')) return false;
    const char* b = p_;
    unsigned high = 0;
    while (p_ < end_ && *p_ != '"') {
      if (*p_ == '\\' || static_cast<unsigned char>(*p_) < 0x20) return false;
      high |= static_cast<unsigned char>(*p_) >> 7;
      ++p_;
    }
    if (p_ == end_) return false;
    *key = std::string_view(b, static_cast<size_t>(p_ - b));
    ++p_;
    return high == 0 || IsValidUtf8(*key);
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(uint32_t* v) {
    if (end_ - p_ < 4) return false;
    uint32_t x = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = Hex(p_[i]);
      if (h < 0) return false;
      x = x << 4 | static_cast<uint32_t>(h);
    }
    p_ += 4;
    *v = x;
    return true;
  }
  // The UTF-8 bytes of code point cp (a scalar value) at dst; returns their number.
  static size_t EncodeUtf8(uint32_t cp, char* dst) {
    if (cp < 0x80) {
      dst[0] = static_cast<char>(cp);
      return 1;
    }
    if (cp < 0x800) {
      dst[0] = static_cast<char>(0xc0 | cp >> 6);
      dst[1] = static_cast<char>(0x80 | (cp & 0x3f));
      return 2;
    }
    if (cp < 0x10000) {
      dst[0] = static_cast<char>(0xe0 | cp >> 12);
      dst[1] = static_cast<char>(0x80 | (cp >> 6 & 0x3f));
      dst[2] = static_cast<char>(0x80 | (cp & 0x3f));
      return 3;
    }
    dst[0] = static_cast<char>(0xf0 | cp >> 18);
    dst[1] = static_cast<char>(0x80 | (cp >> 12 & 0x3f));
    dst[2] = static_cast<char>(0x80 | (cp >> 6 & 0x3f));
    dst[3] = static_cast<char>(0x80 | (cp & 0x3f));
    return 4;
  }
  // The escape after a backslash, at p_: advances past it and writes its UTF-8 bytes to dst (at
  // most 4), returning their number; 0 when it is not a valid JSON escape (or a lone surrogate).
  size_t Escape(char* dst) {
    if (p_ == end_) return 0;
    char c = *p_++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        break;
      case 'b':
        c = '\b';
        break;
      case 'f':
        c = '\f';
        break;
      case 'n':
        c = '\n';
        break;
      case 'r':
        c = '\r';
        break;
      case 't':
        c = '\t';
        break;
      case 'u': {
        uint32_t cp;
        if (!Hex4(&cp)) return 0;
        if (cp >= 0xdc00 && cp <= 0xdfff) return 0;  // a lone low surrogate
        if (cp >= 0xd800 && cp <= 0xdbff) {
          uint32_t lo;
          if (!Literal("\\u") || !Hex4(&lo) || lo < 0xdc00 || lo > 0xdfff) return 0;
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        }
        return EncodeUtf8(cp, dst);
      }
      default:
        return 0;
    }
    dst[0] = c;
    return 1;
  }
  // The rest of a string after its opening quote, unescaped into *out (which may be null to only
  // check it). One pass: runs of plain bytes are skipped many at a time; the UTF-8 of the raw
  // bytes is checked only when a byte >= 0x80 went by (the other bytes are ASCII). A string
  // without escapes is then one copy of its raw bytes; in one with escapes the runs and the
  // unescaped characters are gathered in a scratch buffer first, and copied once at their size.
  bool String(std::string* out) {
    const char* const begin = p_;
    unsigned high = 0;
    char* dst = nullptr;  // the end of the unescaped bytes, after the first escape
    while (true) {
      const char* const run = p_;
      high |= SkipPlain();
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      const bool last = *p_ == '"';
      if (last && dst == nullptr) break;
      if (dst == nullptr) dst = Scratch(begin);  // the first escape: runs start being gathered
      std::memcpy(dst, run, static_cast<size_t>(p_ - run));
      dst += p_ - run;
      if (last) break;
      ++p_;
      const size_t n = Escape(dst);  // at most as long as its escape: the scratch is big enough
      if (n == 0) return false;
      dst += n;
    }
    const size_t raw = static_cast<size_t>(p_ - begin);
    ++p_;
    if (high != 0 && !IsValidUtf8(std::string_view(begin, raw))) return false;
    if (out != nullptr) {
      if (dst == nullptr) {
        out->assign(begin, raw);
      } else {
        out->assign(scratch_.get(), static_cast<size_t>(dst - scratch_.get()));
      }
    }
    return true;
  }
  // A buffer for unescaping the string that starts at `begin`: the rest of the line bounds it,
  // and every later string of the line, so a line allocates it at most once.
  char* Scratch(const char* begin) {
    if (scratch_ == nullptr) scratch_.reset(new char[static_cast<size_t>(end_ - begin)]);
    return scratch_.get();
  }
  // Advances over plain string bytes (not '"', '\\' or a control character), 32 at a time with
  // SSE2 (eight with a bit trick otherwise), stopping at the first special byte or the end: an
  // article's text is long runs of plain bytes. Returns nonzero when a byte >= 0x80 may have
  // gone by (so the caller checks the string's UTF-8); it may also flag a byte past the stop.
  unsigned SkipPlain() {
    unsigned high = 0;
#if defined(__SSE2__)
    // One range test finds control bytes and '"' together: x ^ 2 <= 0x20 exactly when x is
    // below 0x20 (xor 2 keeps those below 0x20) or x is '"' (0x22 ^ 2 = 0x20).
    const __m128i two = _mm_set1_epi8(2), space = _mm_set1_epi8(0x20);
    const __m128i slash = _mm_set1_epi8('\\');
    auto special = [&](__m128i v) {
      const __m128i x = _mm_xor_si128(v, two);
      return _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, space), x), _mm_cmpeq_epi8(v, slash));
    };
    const char* p = p_;  // a local: the loop keeps it in a register
    __m128i any_high = _mm_setzero_si128();
    while (end_ - p >= 32) {
      const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
      const __m128i s0 = special(v0), s1 = special(v1);
      any_high = _mm_or_si128(any_high, _mm_or_si128(v0, v1));
      if (_mm_movemask_epi8(_mm_or_si128(s0, s1)) != 0) {
        const unsigned hit = static_cast<unsigned>(_mm_movemask_epi8(s0)) |
                             static_cast<unsigned>(_mm_movemask_epi8(s1)) << 16;
        p_ = p + std::countr_zero(hit);
        return static_cast<unsigned>(_mm_movemask_epi8(any_high));
      }
      p += 32;
    }
    high = static_cast<unsigned>(_mm_movemask_epi8(any_high));
    if (end_ - p >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      high |= static_cast<unsigned>(_mm_movemask_epi8(v));
      const unsigned hit = static_cast<unsigned>(_mm_movemask_epi8(special(v)));
      if (hit != 0) {
        p_ = p + std::countr_zero(hit);
        return high;
      }
      p += 16;
    }
    p_ = p;
#else
    if constexpr (std::endian::native == std::endian::little) {
      // Per 8-byte word, the standard bit trick flags bytes equal to '"', equal to '\\', or below
      // 0x20; borrows can flag a byte above a true hit but never below one, so the lowest flag is
      // exact.
      constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
      while (end_ - p_ >= 8) {
        uint64_t v;
        std::memcpy(&v, p_, 8);
        high |= (v & k80) != 0;
        const uint64_t quote = v ^ (k01 * '"'), slash = v ^ (k01 * '\\');
        const uint64_t hit =
            (((quote - k01) & ~quote) | ((slash - k01) & ~slash) | ((v - k01 * 0x20) & ~v)) & k80;
        if (hit != 0) {
          p_ += std::countr_zero(hit) >> 3;
          return high;
        }
        p_ += 8;
      }
    }
#endif
    while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) {
      high |= static_cast<unsigned char>(*p_) >> 7;
      ++p_;
    }
    return high;
  }
  // A string, number, true, false or null (the value of a field the article does not use).
  bool SkipScalar() {
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        ++p_;
        return String(nullptr);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }
  // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool Number() {
    auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    auto digits = [&] {
      if (!digit()) return false;
      while (digit()) ++p_;
      return true;
    };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ < end_ && *p_ == '0')
      ++p_;
    else if (!digits())
      return false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!digits()) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return false;
    }
    return true;
  }

  const char* p_;
  const char* end_;
  std::unique_ptr<char[]> scratch_;  // see Scratch()
};

// One JSON object → Article. Reports each bad field; false when the record must be skipped.
bool ArticleFromJson(const Json& j, const std::string& where, std::string_view default_source,
                     IngestResult* out, Article* a) {
  if (!j.is_object()) {
    Report(out, where + ": expected a JSON object with doc_id and text; skipped");
    return false;
  }
  auto field = [&](const char* key) -> const Json* {
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
  };
  bool keep = true;
  const Json* id = field("doc_id");
  if (id == nullptr) {
    Report(out, where + ": field 'doc_id': missing; skipped");
    keep = false;
  } else if (id->is_number_integer()) {
    // Converted tables number their rows: an integer id is its decimal text.
    a->doc_id = id->dump();
  } else if (!id->is_string()) {
    Report(out, where + ": field 'doc_id': expected a string or an integer; skipped");
    keep = false;
  } else if (id->get_ref<const std::string&>().empty()) {
    Report(out, where + ": field 'doc_id': empty; skipped");
    keep = false;
  } else {
    a->doc_id = id->get<std::string>();
  }
  const Json* text = field("text");
  if (text == nullptr) {
    Report(out, where + ": field 'text': missing; skipped");
    keep = false;
  } else if (!text->is_string()) {
    Report(out, where + ": field 'text': expected a string; skipped");
    keep = false;
  } else {
    a->text = text->get<std::string>();
  }
  if (!keep) return false;
  // Optional fields: a bad one is reported and ignored, the article is kept.
  auto optional_string = [&](const char* key, std::string* dst) {
    const Json* v = field(key);
    if (v == nullptr) return;
    if (!v->is_string()) {
      Report(out, where + ": field '" + key + "': expected a string or null; ignored");
      return;
    }
    *dst = v->get<std::string>();
  };
  optional_string("source", &a->source);
  if (a->source.empty()) a->source = std::string(default_source);
  optional_string("url", &a->url);
  optional_string("lang", &a->lang);
  a->lang = Lower(a->lang);
  if (const Json* p = field("published")) {
    std::optional<CivilDate> d;
    if (p->is_string()) {
      d = ParseFeedDate(p->get_ref<const std::string&>());
    }
    if (d) {
      a->published = d;
    } else {
      std::string shown = p->dump(-1, ' ', false, Json::error_handler_t::replace);
      if (shown.size() > 40) {
        size_t cut = 37;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xc0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "...";
      }
      Report(out, where + ": field 'published': unrecognised date " + shown +
                      " (expected YYYY-MM-DD, an ISO or RFC 2822 timestamp, \"March 5, 2024\", "
                      "\"5 March 2024\" or \"2024/03/05\"); ignored, the article is kept");
    }
  }
  return true;
}

void ReadOneJson(std::string_view name, std::string_view data, const IngestOptions& options,
                 IngestResult* out) {
  Json doc = Json::parse(data, nullptr, false);
  if (doc.is_discarded()) {
    // Not one JSON value: maybe JSON lines saved as .json.
    ReadJsonLines(name, data, options, out);
    return;
  }
  std::vector<const Json*> items;
  if (doc.is_array()) {
    for (const Json& e : doc) items.push_back(&e);
  } else if (doc.is_object() && doc.contains("articles") && doc["articles"].is_array()) {
    for (const Json& e : doc["articles"]) items.push_back(&e);
  } else {
    items.push_back(&doc);
  }
  const std::string source = FileName(name);
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string where = items.size() == 1 && !doc.is_array()
                                  ? std::string(name)
                                  : std::string(name) + "[" + std::to_string(i) + "]";
    Article a;
    if (ArticleFromJson(*items[i], where, source, out, &a)) {
      AddArticle(std::move(a), where, /*json_record=*/true, options, out);
    }
  }
}

void ReadData(std::string_view name, std::string_view data, Kind kind, const IngestOptions& options,
              IngestResult* out) {
  if (data.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    Report(out, std::string(name) + ": empty file; skipped");
    return;
  }
  const bool unknown = kind == Kind::kOther;
  if (unknown) kind = Sniff(data);
  // JSON lines may legitimately hold NUL-free control bytes inside strings only as escapes, so
  // the binary check applies to every kind.
  if (LooksBinary(data)) {
    Report(out, std::string(name) + ": looks like a binary file (NUL or control bytes); skipped");
    return;
  }
  if (unknown) {
    // A file named on the command line whose extension says nothing (a.csv, notes.log, README):
    // its content decides, and the user is told, since a table read as one article is rarely
    // what was meant.
    if (kind == Kind::kText && (!IsValidUtf8(data) || data.find('\0') != std::string_view::npos)) {
      Report(out, std::string(name) + ": " + kUnknownType + ", and not UTF-8 text; skipped");
      return;
    }
    const char* as = kind == Kind::kJsonLines ? "JSON lines"
                     : kind == Kind::kJson    ? "JSON"
                     : kind == Kind::kHtml    ? "HTML"
                                              : "one plain-text article";
    out->notes.push_back(std::string(name) + ": " + kUnknownType + "; read as " + as +
                         " by its content");
  }
  switch (kind) {
    case Kind::kJsonLines:
      ReadJsonLines(name, data, options, out);
      break;
    case Kind::kJson:
      ReadOneJson(name, data, options, out);
      break;
    case Kind::kHtml:
      ReadHtml(name, data, options, out);
      break;
    case Kind::kText:
    case Kind::kOther:
      ReadPlainText(name, data, options, out);
      break;
  }
}

void ReadPath(const std::string& path, Kind kind, const IngestOptions& options, IngestResult* out) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > options.max_article_bytes && kind != Kind::kJsonLines && kind != Kind::kJson) {
    Report(out, path + ": " + std::to_string(size) + " bytes, over the limit of " +
                    std::to_string(options.max_article_bytes) + "; skipped");
    return;
  }
  Result<std::string> data = ReadFile(path);
  ++out->files;
  if (!data.ok()) {
    out->errors.push_back(IoError(data.status().message()));
    return;
  }
  ReadData(path, *data, kind, options, out);
}

void ReadFolder(const std::string& dir, const IngestOptions& options, IngestResult* out) {
  std::vector<std::string> files, unknown;
  std::error_code ec;
  auto opts = fs::directory_options::skip_permission_denied;
  auto collect = [&](const fs::directory_entry& e) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') return;
    std::error_code fec;
    if (!e.is_regular_file(fec)) return;
    (KindOfExtension(e.path().extension().string()) == Kind::kOther ? unknown : files)
        .push_back(e.path().string());
  };
  if (options.recurse) {
    fs::recursive_directory_iterator it(dir, opts, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.' && it->is_directory()) {
        it.disable_recursion_pending();
        continue;
      }
      collect(*it);
    }
  } else {
    fs::directory_iterator it(dir, opts, ec), end;
    for (; !ec && it != end; it.increment(ec)) collect(*it);
  }
  if (ec) Report(out, dir + ": cannot list folder: " + ec.message());
  std::sort(files.begin(), files.end());
  if (!unknown.empty()) {
    // In a folder other files are expected (a README, a spreadsheet): skipped, but counted.
    std::sort(unknown.begin(), unknown.end());
    out->skipped_unknown += unknown.size();
    std::string names;
    for (size_t i = 0; i < unknown.size() && i < kSkippedNamesShown; ++i) {
      if (i > 0) names += ", ";
      names += fs::path(unknown[i]).lexically_relative(dir).string();
    }
    if (unknown.size() > kSkippedNamesShown) names += ", ...";
    out->notes.push_back(dir + ": skipped " + std::to_string(unknown.size()) + " file" +
                         (unknown.size() == 1 ? "" : "s") + " of unknown type: " + names);
  }
  if (files.empty() && !ec) Report(out, dir + ": no .jsonl, .json, .txt or .html files in folder");
  for (const std::string& f : files) {
    ReadPath(f, KindOfExtension(fs::path(f).extension().string()), options, out);
  }
}

// Same doc_id twice: identical text is dropped quietly, different text is reported; the first
// occurrence is kept either way.
void DropRepeatedDocIds(IngestResult* out) {
  std::unordered_map<std::string, size_t> first;
  std::vector<Article> kept;
  kept.reserve(out->articles.size());
  for (Article& a : out->articles) {
    auto [it, fresh] = first.emplace(a.doc_id, kept.size());
    if (fresh) {
      kept.push_back(std::move(a));
      continue;
    }
    const Article& prev = kept[it->second];
    if (prev.text == a.text) {
      ++out->repeated;
    } else {
      out->errors.push_back(AlreadyExists(a.origin + ": field 'doc_id': '" + a.doc_id +
                                          "' already read from " + prev.origin +
                                          " with different text; kept the first"));
    }
  }
  out->articles = std::move(kept);
}

}  // namespace

void ReadJsonLines(std::string_view name, std::string_view data, const IngestOptions& options,
                   IngestResult* out) {
  data = StripBom(data);
  const std::string source = FileName(name);
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = Where(name, line_no);
    // The common record first: the scanner takes only valid UTF-8 (checking it as it reads), so
    // a line it takes is one the general path would not have repaired.
    if (Article a; FastRecordScanner(line).Scan(source, &a)) {
      AddArticle(std::move(a), where, /*json_record=*/true, options, out, /*valid_utf8=*/true);
      continue;
    }
    // The JSON parser rejects invalid UTF-8, so repair the line first and say so.
    std::string repaired;
    if (!IsValidUtf8(line)) {
      size_t bad = 0;
      repaired = RepairUtf8(line, &bad);
      Report(out, where + ": invalid UTF-8, " + std::to_string(bad) +
                      " sequence(s) replaced with U+FFFD");
      line = repaired;
      if (Article a; FastRecordScanner(line).Scan(source, &a)) {
        AddArticle(std::move(a), where, /*json_record=*/true, options, out);
        continue;
      }
    }
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      Report(out, where + ": not valid JSON (truncated or malformed line); skipped");
      continue;
    }
    Article a;
    if (ArticleFromJson(j, where, source, out, &a)) {
      AddArticle(std::move(a), where, /*json_record=*/true, options, out);
    }
  }
}

void ReadPlainText(std::string_view name, std::string_view data, const IngestOptions& options,
                   IngestResult* out) {
  Article a;
  a.doc_id = Stem(name);
  a.source = FileName(name);
  a.text = std::string(StripBom(data));
  AddArticle(std::move(a), name, /*json_record=*/false, options, out);
}

void ReadHtml(std::string_view name, std::string_view data, const IngestOptions& options,
              IngestResult* out) {
  std::string repaired;
  if (!IsValidUtf8(data)) {
    size_t bad = 0;
    repaired = RepairUtf8(data, &bad);
    Report(out, std::string(name) + ": invalid UTF-8, " + std::to_string(bad) +
                    " sequence(s) replaced with U+FFFD");
    data = repaired;
  }
  Result<HtmlDocument> doc = ExtractHtml(StripBom(data));
  if (!doc.ok()) {
    out->errors.push_back(InvalidArgument(std::string(name) + ": " + doc.status().message()));
    return;
  }
  Article a;
  a.doc_id = Stem(name);
  a.source = FileName(name);
  a.url = doc->url;
  a.published = doc->published;
  a.lang = doc->lang;
  a.text = std::move(doc->text);
  AddArticle(std::move(a), name, /*json_record=*/false, options, out);
}

IngestResult ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options) {
  IngestResult out;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string data((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
      ++out.files;
      Kind kind = Sniff(data);
      if (kind == Kind::kText) {
        // A bare text on stdin: call it "stdin" in messages and as its doc_id.
        if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
          Report(&out, "stdin: empty input; skipped");
        } else if (LooksBinary(data)) {
          Report(&out, "stdin: looks like binary data; skipped");
        } else {
          ReadPlainText("stdin", data, options, &out);
        }
      } else {
        ReadData("stdin", data, kind, options, &out);
      }
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(NotFound(path + ": no such file or folder"));
    } else if (fs::is_directory(st)) {
      ReadFolder(path, options, &out);
    } else {
      ReadPath(path, KindOfExtension(fs::path(path).extension().string()), options, &out);
    }
  }
  DropRepeatedDocIds(&out);
  return out;
}

}  // namespace sitrep
