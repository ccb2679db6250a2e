#include "text/lang.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "base/data_dir.h"

namespace sitrep {
namespace {

constexpr size_t kMaxScan = 64 * 1024;

// The scripts we tell apart, by name as used in lang_markers.tsv.
struct ScriptName {
  UScriptCode code;
  const char* name;
};
constexpr ScriptName kScripts[] = {
    {USCRIPT_LATIN, "latin"},
    {USCRIPT_ARABIC, "arabic"},
    {USCRIPT_DEVANAGARI, "devanagari"},
    {USCRIPT_CYRILLIC, "cyrillic"},
    {USCRIPT_BENGALI, "bengali"},
    {USCRIPT_GURMUKHI, "gurmukhi"},
    {USCRIPT_GREEK, "greek"},
    {USCRIPT_HEBREW, "hebrew"},
    {USCRIPT_THAI, "thai"},
    {USCRIPT_HANGUL, "hangul"},
    {USCRIPT_HIRAGANA, "kana"},
    {USCRIPT_KATAKANA, "kana"},
    {USCRIPT_HAN, "han"},
    {USCRIPT_TAMIL, "tamil"},
    {USCRIPT_GEORGIAN, "georgian"},
    {USCRIPT_ARMENIAN, "armenian"},
    {USCRIPT_ETHIOPIC, "ethiopic"},
};
constexpr size_t kNumScripts = sizeof(kScripts) / sizeof(kScripts[0]);

int ScriptIndex(UChar32 c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 0 : -1;
  if (!u_isalpha(c)) return -1;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &st);
  for (size_t k = 0; k < kNumScripts; ++k) {
    if (kScripts[k].code == sc) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

Result<std::unique_ptr<LanguageDetector>> LanguageDetector::Load(const std::string& data_dir) {
  auto det = std::unique_ptr<LanguageDetector>(new LanguageDetector());
  std::string mpath = data_dir + "/text/lang_markers.tsv";
  Result<std::vector<TsvRow>> mrows = ReadTsv(mpath);
  if (!mrows.ok()) return mrows.status();
  for (const TsvRow& r : *mrows) {
    if (r.fields.size() < 3) {
      return InvalidArgument(mpath + ":" + std::to_string(r.line) + ": expected 3 fields");
    }
    Marker m{r.fields[0], r.fields[1], {}};
    if (r.fields[2] != "default") {
      const std::string& s = r.fields[2];
      int32_t i = 0;
      while (i < static_cast<int32_t>(s.size())) {
        UChar32 c;
        U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
        if (c >= 0) m.letters.push_back(c);
      }
    }
    det->markers_.push_back(std::move(m));
  }
  std::string spath = data_dir + "/text/stopwords.tsv";
  Result<std::vector<TsvRow>> srows = ReadTsv(spath);
  if (!srows.ok()) return srows.status();
  for (const TsvRow& r : *srows) {
    if (r.fields.size() < 2) {
      return InvalidArgument(spath + ":" + std::to_string(r.line) + ": expected 2 fields");
    }
    auto it = std::find(det->langs_.begin(), det->langs_.end(), r.fields[0]);
    size_t id = static_cast<size_t>(it - det->langs_.begin());
    if (it == det->langs_.end()) det->langs_.push_back(r.fields[0]);
    if (id > 255) return InvalidArgument(spath + ": too many languages");
    auto& v = det->stop_[LowerString(r.fields[1])];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(static_cast<uint8_t>(id));
  }
  return det;
}

std::string LanguageDetector::DetectLatin(std::string_view text, const std::vector<Token>& tokens,
                                          size_t max_words) const {
  std::vector<size_t> profile(langs_.size(), 0);
  size_t words = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    if (++words > max_words) break;
    if (t.span.size() > 8) continue;  // stop words are short
    LowerBuf lb(TokenText(text, t));
    auto it = stop_.find(lb.view());
    if (it == stop_.end()) continue;
    for (uint8_t id : it->second) ++profile[id];
  }
  return PickByStopWords(profile);
}

std::string LanguageDetector::PickByStopWords(const std::vector<size_t>& profile) const {
  size_t top = 0, second = 0, top_id = 0;
  for (size_t k = 0; k < profile.size(); ++k) {
    if (profile[k] > top) {
      second = top;
      top = profile[k];
      top_id = k;
    } else if (profile[k] > second) {
      second = profile[k];
    }
  }
  // Two hits at least, and no tie: too little evidence is "und", not a guess.
  if (top < 2 || top == second) return "und";
  return langs_[top_id];
}

std::string LanguageDetector::Detect(std::string_view text) const {
  if (text.size() > kMaxScan) text = text.substr(0, kMaxScan);
  std::array<size_t, kNumScripts> counts{};
  std::vector<size_t> profile(langs_.size(), 0);
  // One pass: count letters by script and, for Latin words, stop-word hits.
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t word_begin = -1;
  bool word_latin = true;
  auto end_word = [&](int32_t end) {
    if (word_begin >= 0 && word_latin && !stop_.empty()) {
      LowerBuf lb(text.substr(word_begin, end - word_begin));
      auto it = stop_.find(lb.view());
      if (it != stop_.end()) {
        for (uint8_t id : it->second) ++profile[id];
      }
    }
    word_begin = -1;
    word_latin = true;
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    int si = c < 0 ? -1 : ScriptIndex(c);
    bool letter = si >= 0 || (c >= 0x80 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)));
    if (letter) {
      if (si >= 0) ++counts[static_cast<size_t>(si)];
      if (word_begin < 0) word_begin = start;
      if (si > 0) word_latin = false;
    } else {
      end_word(start);
    }
  }
  end_word(n);
  size_t best = 0;
  for (size_t k = 1; k < kNumScripts; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  if (counts[best] == 0) return "und";
  const char* script = kScripts[best].name;
  if (best == 0) {
    return PickByStopWords(profile);
  }
  // Marker letters: scan again only for the chosen script (rare path).
  for (const Marker& m : markers_) {
    if (m.script != script) continue;
    if (m.letters.empty()) return m.lang;
    int32_t j = 0;
    while (j < n) {
      UChar32 c;
      U8_NEXT(text.data(), j, n, c);
      if (std::find(m.letters.begin(), m.letters.end(), c) != m.letters.end()) return m.lang;
    }
  }
  return "und";
}

std::string DetectLanguage(std::string_view text) {
  static const LanguageDetector* det = [] {
    Result<std::unique_ptr<LanguageDetector>> r = LanguageDetector::Load(DataDir());
    return r.ok() ? std::move(r).value().release() : static_cast<LanguageDetector*>(nullptr);
  }();
  if (det != nullptr) return det->Detect(text);
  static const LanguageDetector empty_det{};
  return empty_det.Detect(text);
}

}  // namespace sitrep
