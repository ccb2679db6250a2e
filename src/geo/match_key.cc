#include "geo/match_key.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <unordered_map>

#include "base/data_dir.h"
#include "base/hash.h"
#include "base/tsv.h"
#include "text/normalize.h"

namespace sitrep {
namespace {

// Appends ASCII bytes folded: letters/digits lower-cased, apostrophes dropped (they sit inside
// names: Qal'ah), anything else a single word break.
void AppendAsciiFolded(std::string_view s, std::string* out) {
  // Each input byte gives at most one output byte: write into the grown buffer, then trim.
  size_t n = out->size();
  out->resize(n + s.size());
  char* p = out->data();
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') {
      p[n++] = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      p[n++] = static_cast<char>(c);
    } else if (c == '\'' || c == '`' || c >= 0x80) {
      // dropped: apostrophes, and whatever transliteration could not turn into ASCII
    } else if (n > 0 && p[n - 1] != ' ') {
      p[n++] = ' ';
    }
  }
  out->resize(n);
}

thread_local bool built_transliterator = false;

// The transliteration after the rules of geo/fold_rules.txt, as ICU rule statements.
constexpr std::string_view kLatinChain =
    "\n::Any-Latin; ::NFD; ::[:Nonspacing Mark:] Remove; ::NFC; ::Latin-ASCII;\n";

// The transliterator of `rules`, or null (then *error, when given, says where they fail).
std::unique_ptr<icu::Transliterator> FromRules(const std::string& rules,
                                               std::string* error = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr;
  std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createFromRules(
      "sitrep-fold", icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, perr, status));
  if (U_FAILURE(status)) {
    tr.reset();
    if (error != nullptr) {
      *error = std::string(u_errorName(status)) + " at rule line " + std::to_string(perr.line) +
               ", offset " + std::to_string(perr.offset);
    }
  }
  return tr;
}

// <data dir>/geo/fold_rules.txt then kLatinChain; the chain alone when the file is missing or
// its rules do not parse (folds then keep ICU's own spellings).
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    built_transliterator = true;
    std::unique_ptr<icu::Transliterator> tr;
    if (Result<std::string> rules = ReadFile(DataPath("geo/fold_rules.txt")); rules.ok()) {
      tr = FromRules(*rules + std::string(kLatinChain));
    }
    return tr ? std::move(tr) : FromRules(std::string(kLatinChain));
  }();
  return t.get();
}

// The transliterator's output for `name`, before ASCII folding (may hold non-ASCII leftovers).
std::string IcuLatin(std::string_view name) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  return latin;
}

constexpr std::string_view kFoldTableVersionTag = "!icu";
// The fold table's row naming the fold rules it was made with (RulesTag).
constexpr std::string_view kFoldTableRulesTag = "!rules";

// What identifies <data dir>/geo/fold_rules.txt for the fold table: "none" when the file is
// missing, else the 64-bit FNV-1a hash of its bytes in hex.
std::string RulesTag() {
  Result<std::string> rules = ReadFile(DataPath("geo/fold_rules.txt"));
  if (!rules.ok()) return "none";
  uint64_t h = Fnv1a(*rules);
  char hex[17];
  for (int i = 15; i >= 0; --i, h >>= 4) hex[i] = "0123456789abcdef"[h & 15];
  return std::string(hex, 16);
}

// The fold table's first rows: the ICU version and the fold rules it was made under.
std::string FoldTableHeader() {
  return std::string(kFoldTableVersionTag) + "\t" + U_ICU_VERSION + "\n" +
         std::string(kFoldTableRulesTag) + "\t" + RulesTag() + "\n";
}

// The precomputed transliterations of <data dir>/geo/folds.tsv (see FoldTableText), loaded once
// on the first fold that would otherwise need the transliterator. Empty when the file is missing,
// malformed or made with another ICU version or other fold rules, so folds fall back to ICU and
// stay the same.
struct FoldTable {
  std::unordered_map<UChar32, std::string> chars;      // one character -> its ASCII output
  std::unordered_map<std::string, std::string> names;  // a whole data-file string -> FoldName
};

const FoldTable& Folds() {
  static const FoldTable* table = [] {
    auto* t = new FoldTable();
    Result<std::string> text = ReadFile(DataPath("geo/folds.tsv"));
    if (!text.ok()) return t;
    bool version_ok = false, rules_ok = false;
    const std::string rules = RulesTag();
    Status st = ForEachTsvLine(*text, "folds", 2,
                               [&](const std::vector<std::string_view>& cols, int) -> Status {
                                 if (cols[0] == kFoldTableVersionTag) {
                                   version_ok = cols[1] == U_ICU_VERSION;
                                   return Status::Ok();
                                 }
                                 if (cols[0] == kFoldTableRulesTag) {
                                   rules_ok = cols[1] == rules;
                                   return Status::Ok();
                                 }
                                 if (!version_ok || !rules_ok)
                                   return InvalidArgument("made with another ICU or fold rules");
                                 const std::string_view raw = cols[0];
                                 const int32_t n = static_cast<int32_t>(raw.size());
                                 int32_t i = 0;
                                 UChar32 c;
                                 U8_NEXT(raw.data(), i, n, c);
                                 if (c >= 0 && i == n) {
                                   t->chars[c] = std::string(cols[1]);
                                 } else {
                                   t->names.emplace(std::string(raw), std::string(cols[1]));
                                 }
                                 return Status::Ok();
                               });
    if (!st.ok()) *t = FoldTable();
    return t;
  }();
  return *table;
}

// Latin letters with diacritics (most non-ASCII names in the gazetteer) without the
// transliterator: the first code point of the canonical decomposition, when it is ASCII, or the
// character's precomputed output from `chars` (letters such as ø, ł, ı, đ with no decomposition,
// punctuation such as the en dash). Returns false, leaving *out unchanged, when some character
// needs full transliteration.
bool FoldLatinFast(std::string_view name, const std::unordered_map<UChar32, std::string>* chars,
                   std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  std::string ascii;
  ascii.reserve(name.size());
  const char* s = name.data();
  const int32_t n = static_cast<int32_t>(name.size());
  icu::UnicodeString dec;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (c < 0x80) {
      ascii.push_back(static_cast<char>(c));
      continue;
    }
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x02BB || c == 0x02BF || c == 0x02BE) {
      continue;  // apostrophe-like marks (Qal‘ah, Hawai‘i)
    }
    if (c >= 0x0300 && c <= 0x036F) continue;  // combining marks
    if (nfd->getDecomposition(c, dec) && dec.length() > 0 && dec.charAt(0) < 0x80) {
      ascii.push_back(static_cast<char>(dec.charAt(0)));
      continue;
    }
    if (chars == nullptr) return false;
    auto it = chars->find(c);
    if (it == chars->end()) return false;
    ascii += it->second;
  }
  AppendAsciiFolded(ascii, out);
  return true;
}

// Characters whose transliteration is looked up one by one (FoldLatinFast): Latin letters and
// general punctuation, which ICU turns into ASCII without looking at their neighbours.
bool PerCharacterRange(UChar32 c) {
  return (c >= 0x00A0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF) ||
         (c >= 0x2010 && c <= 0x205E);
}

}  // namespace

namespace {

// CheckFoldRules without the fold table's word for it: ICU parses the rules.
Status ParseFoldRules() {
  const std::string path = DataPath("geo/fold_rules.txt");
  if (!std::filesystem::exists(path)) return Status::Ok();
  Result<std::string> rules = ReadFile(path);
  if (!rules.ok()) return rules.status();
  std::string error;
  if (FromRules(*rules + std::string(kLatinChain), &error) == nullptr) {
    return InvalidArgument(path + ": the rules do not parse (" + error + ")");
  }
  return Status::Ok();
}

}  // namespace

Status CheckFoldRules() {
  // A fold table made from these rules under this ICU certifies that they parse (FoldTableText
  // parses them first): parsing them again would initialise ICU's transliterator registry,
  // ~150M instructions at every start-up, which the table exists to avoid.
  if (Result<std::string> table = ReadFile(DataPath("geo/folds.tsv")); table.ok()) {
    const size_t at = table->find(FoldTableHeader());
    if (at != std::string::npos && (at == 0 || (*table)[at - 1] == '\n')) return Status::Ok();
  }
  return ParseFoldRules();
}

void FoldNameInto(std::string_view name, std::string* out) {
  // Short ASCII names (the geocoder folds one per multi-word candidate of every article): one
  // pass into a stack buffer and one append, where AppendAsciiFolded zero-fills and trims the
  // string. The same bytes: letters and digits lower-cased, apostrophes dropped, other runs one
  // space, none leading or trailing.
  char buf[128];
  if (name.size() <= sizeof(buf)) {
    size_t n = 0;
    bool pending_space = false;
    bool ascii = true;
    for (unsigned char c : name) {
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      char f;
      if (c >= 'A' && c <= 'Z') {
        f = static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        f = static_cast<char>(c);
      } else {
        if (c != '\'' && c != '`') pending_space = n > 0;
        continue;
      }
      if (pending_space) {
        buf[n++] = ' ';
        pending_space = false;
      }
      buf[n++] = f;
    }
    if (ascii) {
      out->append(buf, n);
      return;
    }
  }
  const size_t start = out->size();
  bool ascii = true;
  for (unsigned char c : name) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    AppendAsciiFolded(name, out);
  } else if (!FoldLatinFast(name, nullptr, out)) {
    // Building the transliterator costs ~170M instructions (ICU's registry), so the table of
    // precomputed folds is tried first; start-up folds only data-file words found there.
    const FoldTable& folds = Folds();
    if (!FoldLatinFast(name, &folds.chars, out)) {
      auto it = folds.names.find(std::string(name));
      if (it != folds.names.end()) {
        out->append(it->second);
      } else {
        AppendAsciiFolded(IcuLatin(name), out);
      }
    }
  }
  while (out->size() > start && out->back() == ' ') out->pop_back();
  if (out->size() > start && (*out)[start] == ' ') out->erase(start, 1);
}

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  FoldNameInto(name, &out);
  return out;
}

Result<MatchRules> MatchRules::Parse(std::string_view text) {
  MatchRules r;
  r.text_ = std::string(text);
  Status st = ForEachTsvLine(text, "match rules", 1,
                             [&](const std::vector<std::string_view>& cols, int) -> Status {
                               Rule rule;
                               if (cols.size() == 1 && cols[0] == "!collapse") {
                                 rule.collapse = true;
                                 r.rules_.push_back(rule);
                                 return Status::Ok();
                               }
                               if (cols.size() < 2) return InvalidArgument("expected FROM<TAB>TO");
                               std::string_view from = cols[0], to = cols[1];
                               if (!from.empty() && from.front() == '^') {
                                 rule.at_start = true;
                                 from.remove_prefix(1);
                               }
                               if (!from.empty() && from.back() == '$') {
                                 rule.at_end = true;
                                 from.remove_suffix(1);
                               }
                               if (from.empty()) return InvalidArgument("empty pattern");
                               for (std::string_view part : {from, to}) {
                                 for (char c : part) {
                                   if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                                     return InvalidArgument("patterns use only a-z and 0-9");
                                   }
                                 }
                               }
                               rule.from = std::string(from);
                               rule.to = std::string(to);
                               r.rules_.push_back(std::move(rule));
                               return Status::Ok();
                             });
  if (!st.ok()) return st;
  return r;
}

const MatchRules& MatchRules::Default() {
  static const MatchRules* rules = [] {
    Result<std::string> text = ReadFile(DataPath("geo/match_rules.tsv"));
    if (text.ok()) {
      Result<MatchRules> parsed = Parse(*text);
      if (parsed.ok()) return new MatchRules(std::move(parsed).value());
    }
    return new MatchRules();
  }();
  return *rules;
}

void MatchRules::KeyFromFolded(std::string_view folded, std::string* out) const {
  // Two reusable buffers per thread: keys are made for every candidate n-gram of every article.
  thread_local std::string cur, next;
  cur.clear();
  // The bytes the key may hold (a superset once a rule has rewritten it): a rule whose pattern
  // opens with a byte not in it cannot match, so most rules cost one bit test, not a search.
  uint64_t present[4] = {};
  auto mark = [&present](unsigned char c) { present[c >> 6] |= uint64_t{1} << (c & 63); };
  for (char c : folded) {
    if (c == ' ') continue;
    cur.push_back(c);
    mark(static_cast<unsigned char>(c));
  }
  for (const Rule& rule : rules_) {
    if (rule.collapse) {
      // Squeezed in place: the last byte kept is cur[w - 1], and w never passes the read index.
      size_t w = 0;
      for (size_t r = 0; r < cur.size(); ++r) {
        const char c = cur[r];
        if (w == 0 || cur[w - 1] != c || (c >= '0' && c <= '9')) cur[w++] = c;
      }
      cur.resize(w);
      continue;
    }
    const std::string& f = rule.from;
    auto absent = [&present](char c) {
      const unsigned char b = static_cast<unsigned char>(c);
      return ((present[b >> 6] >> (b & 63)) & 1) == 0;
    };
    if (absent(f[0]) || (f.size() > 1 && absent(f[1]))) continue;
    // Patterns of one or two letters (nearly all of match_rules.tsv's) are searched for inline: the
    // library's search is a call per candidate position.
    size_t hit = std::string::npos;
    if (f.size() <= 2) {
      const char a = f[0], b = f.back();
      const size_t last = cur.size() - std::min(cur.size(), f.size() - 1);
      for (size_t i = 0; i < last; ++i) {
        if (cur[i] == a && cur[i + f.size() - 1] == b) {
          hit = i;
          break;
        }
      }
    } else {
      hit = cur.find(f);
    }
    if (hit == std::string::npos) continue;  // the common case: nothing to rewrite
    for (char c : rule.to) mark(static_cast<unsigned char>(c));
    if (f.size() == 1 && rule.to.size() == 1 && !rule.at_start && !rule.at_end) {
      // One letter for another ("q" -> "k"): every occurrence, in place.
      std::replace(cur.begin() + static_cast<std::ptrdiff_t>(hit), cur.end(), f[0], rule.to[0]);
      continue;
    }
    const size_t n = cur.size();
    auto matches_at = [&](size_t i) {
      return i + f.size() <= n && std::memcmp(cur.data() + i, f.data(), f.size()) == 0 &&
             (!rule.at_start || i == 0) && (!rule.at_end || i + f.size() == n);
    };
    if (rule.to.size() <= f.size()) {
      // Rewritten in place (every rule of match_rules.tsv shortens or keeps the length): the
      // write index never passes the read index, so each match is tested on unwritten bytes.
      size_t w = hit, i = hit;
      while (i < n) {
        if (matches_at(i)) {
          std::memcpy(cur.data() + w, rule.to.data(), rule.to.size());
          w += rule.to.size();
          i += f.size();
        } else {
          cur[w++] = cur[i++];
        }
      }
      cur.resize(w);
      continue;
    }
    // Nothing before the first occurrence matches.
    next.assign(cur, 0, hit);
    size_t i = hit;
    while (i < n) {
      if (matches_at(i)) {
        next += rule.to;
        i += f.size();
      } else {
        next.push_back(cur[i++]);
      }
    }
    cur.swap(next);
  }
  out->append(cur);
}

std::string MatchRules::Key(std::string_view name) const {
  std::string folded = FoldName(name);
  std::string key;
  KeyFromFolded(folded, &key);
  return key;
}

std::string MatchKey(std::string_view name) { return MatchRules::Default().Key(name); }

bool ThisThreadBuiltTransliterator() { return built_transliterator; }

Result<std::string> FoldTableText(const std::string& data_dir) {
  // The table's rules row certifies that the rules parse (CheckFoldRules trusts it).
  if (Status st = ParseFoldRules(); !st.ok()) return st;
  std::string out =
      "# Precomputed ICU transliterations for FoldName (geo/match_key.h), so that loading the\n"
      "# data files does not build ICU's transliterator. Made by `sitrep gazetteer folds`; rows\n"
      "# are used only under the ICU version and the geo/fold_rules.txt (its hash) named on the\n"
      "# first two rows.\n"
      "# Rows: one character and its ASCII transliteration, or a data-file string and its\n"
      "# FoldName (empty when nothing letter-like remains).\n";
  out += FoldTableHeader();
  std::unordered_map<UChar32, std::string> chars;
  for (UChar32 c = 0x80; c <= 0x205E; ++c) {
    if (!PerCharacterRange(c) || u_isspace(c) || u_charType(c) == U_NON_SPACING_MARK) continue;
    std::string raw;
    icu::UnicodeString(c).toUTF8String(raw);
    std::string folded;
    if (FoldLatinFast(raw, nullptr, &folded)) continue;
    const std::string latin = IcuLatin(raw);
    if (latin.empty() || !IsAscii(latin) || latin.find_first_of(" \t#") != std::string::npos) {
      continue;
    }
    chars[c] = latin;
    out += raw + "\t" + latin + "\n";
  }
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& f : std::filesystem::recursive_directory_iterator(data_dir, ec)) {
    if (f.is_regular_file() && f.path().extension() == ".tsv") files.push_back(f.path());
  }
  if (ec) return InvalidArgument("cannot list " + data_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::set<std::string> names;
  for (const auto& path : files) {
    Result<std::string> text = ReadFile(path.string());
    if (!text.ok()) return text.status();
    Status st = ForEachTsvLine(*text, path.string(), 1,
                               [&](const std::vector<std::string_view>& cols, int) -> Status {
                                 for (std::string_view cell : cols) {
                                   std::string folded;
                                   if (IsAscii(cell) || FoldLatinFast(cell, &chars, &folded)) {
                                     continue;
                                   }
                                   names.emplace(cell);
                                 }
                                 return Status::Ok();
                               });
    if (!st.ok()) return st;
  }
  for (const std::string& name : names) {
    std::string folded;
    AppendAsciiFolded(IcuLatin(name), &folded);
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (!folded.empty() && folded[0] == ' ') folded.erase(0, 1);
    out += name + "\t" + folded + "\n";
  }
  return out;
}

}  // namespace sitrep
