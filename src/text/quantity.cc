#include "text/quantity.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace sitrep {

struct QuantityParser::Num {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  double value = 0, low = 0, high = 0;
  double scale = 1;  // multiplier applied by trailing scale words ("2.5 million")
  bool vague = false;
  bool approx = false;  // a vague phrase around one round number ("une vingtaine")
  bool digits = false;  // written with digits
  bool year_like = false;
  bool word_one = false;  // the single word "one"
};

// The article's language as a bit of lang_bits_, looked up once per Find() and only when a
// language-bound word is met.
struct QuantityParser::Gate {
  std::string_view text;
  std::string_view lang;
  const std::vector<Token>* tokens = nullptr;
  const TokenKeys* keys = nullptr;  // of *tokens
  bool resolved = false;
  uint32_t bit = 0;
};

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0';
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool Adjacent(const std::vector<Token>& t, size_t a, size_t b) {
  return t[a].span.end == t[b].span.begin;
}

bool IsText(std::string_view text, const Token& t, std::string_view s) {
  return TokenText(text, t) == s;
}

// Interval for a qualified point value; see the table in quantity.h.
void Bounds(Qualifier q, double v, bool below, bool strict, double* lo, double* hi) {
  double d = std::max(1.0, std::round(v / 10));
  switch (q) {
    case Qualifier::kAtLeast:
      *lo = v;
      *hi = kInf;
      return;
    case Qualifier::kMoreThan:
      *lo = std::floor(v) + 1;
      *hi = kInf;
      return;
    case Qualifier::kAbout:
      *lo = std::max(0.0, v - d);
      *hi = below ? v : v + d;
      return;
    case Qualifier::kUpTo:
      *lo = 0;
      *hi = strict ? std::max(0.0, std::ceil(v) - 1) : v;
      return;
    default:
      *lo = v;
      *hi = v;
      return;
  }
}

bool ParseQualifier(const std::string& s, Qualifier* q) {
  if (s == "exact")
    *q = Qualifier::kExact;
  else if (s == "at_least")
    *q = Qualifier::kAtLeast;
  else if (s == "more_than")
    *q = Qualifier::kMoreThan;
  else if (s == "about")
    *q = Qualifier::kAbout;
  else if (s == "up_to")
    *q = Qualifier::kUpTo;
  else if (s == "range")
    *q = Qualifier::kRange;
  else if (s == "vague")
    *q = Qualifier::kVague;
  else
    return false;
  return true;
}

}  // namespace

uint64_t QuantityParser::PackEdge(std::string_view s, bool from_end) {
  uint64_t x = 0;
  if constexpr (std::endian::native == std::endian::little) {
    if (s.size() >= kEdgeBytes) {
      // Eight bytes at once (SWAR): only the ASCII capitals change, as Lower() does.
      constexpr uint64_t kOnes = 0x0101010101010101ULL;
      constexpr uint64_t kHigh = 0x8080808080808080ULL;
      std::memcpy(&x, from_end ? s.data() + s.size() - kEdgeBytes : s.data(), kEdgeBytes);
      if (from_end) x = __builtin_bswap64(x);
      const uint64_t low7 = x & ~kHigh;
      const uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
      const uint64_t above_z = low7 + (0x7F - 'Z') * kOnes;
      return x | ((at_least_a & ~above_z & ~x & kHigh) >> 2);
    }
  }
  const size_t n = std::min(s.size(), kEdgeBytes);
  for (size_t k = 0; k < n; ++k) {
    const char c = Lower(from_end ? s[s.size() - 1 - k] : s[k]);
    x |= uint64_t{static_cast<unsigned char>(c)} << (8 * k);
  }
  return x;
}

QuantityParser::Edge QuantityParser::EdgeOf(std::string_view phrase, bool from_end) {
  const size_t n = std::min(phrase.size(), kEdgeBytes);
  Edge e;
  e.bytes = PackEdge(phrase, from_end);  // the phrase is lower case already
  e.mask = n == kEdgeBytes ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
  return e;
}

bool QuantityParser::MayStartHyphenated(std::string_view lower) const {
  // A key within one code point (4 bytes) of LowerBuf's capacity may have been cut before its
  // hyphen: no conclusion.
  constexpr size_t kMaxCodePointBytes = 4;
  if (lower.size() + kMaxCodePointBytes > LowerBuf::kCapacity) return true;
  const size_t hy = lower.find('-');
  if (hy == std::string_view::npos) return true;
  return hyphen_heads_.contains(lower.substr(0, hy));
}

Result<std::unique_ptr<QuantityParser>> QuantityParser::Load(const std::string& data_dir) {
  auto qp = std::unique_ptr<QuantityParser>(new QuantityParser());
  if (Status st = qp->LoadNumbers(data_dir + "/text/numbers.tsv", false); !st.ok()) return st;
  if (Status st = qp->LoadNumbers(data_dir + "/text/numbers_lang.tsv", true); !st.ok()) return st;
  if (Status st = qp->LoadCompounds(data_dir + "/text/number_compounds.tsv"); !st.ok()) return st;
  {
    Result<std::unique_ptr<LanguageDetector>> det = LanguageDetector::Load(data_dir);
    if (!det.ok()) return det.status();
    qp->detector_ = std::move(det).value();
  }
  // qualifiers.tsv
  {
    std::string path = data_dir + "/text/qualifiers.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      Qual q;
      if (f.size() < 3 || !ParseQualifier(f[2], &q.q)) {
        return InvalidArgument(TsvWhere(path, r.line) + "expected <phrase> <position> <qualifier>");
      }
      if (f.size() >= 4) {
        q.below = f[3] == "below";
        q.strict = f[3] == "strict";
      }
      const std::string& pos = f[1];
      int id = static_cast<int>(qp->quals_.size());
      if (pos == "pre")
        qp->pre_.Add(f[0], id);
      else if (pos == "post")
        qp->post_.Add(f[0], id);
      else if (pos == "post_noun") {
        qp->post_.Add(f[0], id);
        qp->post_noun_.Add(f[0], id);
      } else if (pos == "between")
        qp->between_.Add(f[0], id);
      else if (pos == "sep")
        qp->seps_[LowerString(f[0])] = true;
      else if (pos == "sep_between")
        qp->between_seps_[LowerString(f[0])] = true;
      else
        return InvalidArgument(TsvWhere(path, r.line) + "unknown position '" + pos + "'");
      qp->quals_.push_back(q);
    }
  }
  // quantity_context.tsv
  {
    std::string path = data_dir + "/text/quantity_context.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      if (f.size() < 2) return InvalidArgument(TsvWhere(path, r.line) + "expected <side> <phrase>");
      std::string phrase = LowerString(f[1]);
      if (f[0] == "before")
        qp->before_ctx_.push_back(phrase);
      else if (f[0] == "after")
        qp->after_ctx_.push_back(phrase);
      else if (f[0] == "pronoun_before")
        qp->pronoun_before_[phrase] = true;
      else if (f[0] == "pronoun_after")
        qp->pronoun_after_[phrase] = true;
      else
        return InvalidArgument(TsvWhere(path, r.line) + "unknown side '" + f[0] + "'");
    }
  }
  for (size_t k = 0; k < qp->before_ctx_.size(); ++k) {
    const std::string& p = qp->before_ctx_[k];
    if (p.empty())
      qp->empty_ctx_ = true;
    else
      qp->before_by_last_[static_cast<unsigned char>(p.back())].push_back(static_cast<uint16_t>(k));
  }
  for (size_t k = 0; k < qp->after_ctx_.size(); ++k) {
    const std::string& p = qp->after_ctx_[k];
    if (p.empty())
      qp->empty_ctx_ = true;
    else
      qp->after_by_first_[static_cast<unsigned char>(p.front())].push_back(
          static_cast<uint16_t>(k));
  }
  for (const std::string& p : qp->before_ctx_) qp->before_edge_.push_back(EdgeOf(p, true));
  for (const std::string& p : qp->after_ctx_) qp->after_edge_.push_back(EdgeOf(p, false));
  if (qp->before_ctx_.size() > 65535 || qp->after_ctx_.size() > 65535) {
    return InvalidArgument(data_dir + "/text/quantity_context.tsv: too many phrases");
  }
  // A trigger that starts a number only as an article before a multiplier ("a hundred") or as
  // the first word of a longer phrase ("a few") needs one of follow_'s words after it; a
  // conjunction starts none (ParseWords' first tests).
  KeyTable<bool> one_word;  // one-word phrases
  qp->phrase_table_.ForEachOpening([&](std::string_view first, std::string_view second) {
    (second.empty() ? one_word[first] : qp->follow_[second]) = true;
  });
  qp->words_.ForEach([&](std::string_view w, const Word& wd) {
    const bool article_only = wd.kind == WordKind::kArticle && !one_word.contains(w);
    qp->triggers_[w] = wd.kind == WordKind::kConj ? kStartsNone : article_only ? kNeedsFollow : 0;
    qp->hyphen_heads_[w.substr(0, std::min(w.find('-'), w.size()))] = true;
    if (wd.kind == WordKind::kScale || wd.kind == WordKind::kHundred ||
        wd.kind == WordKind::kDozen) {
      qp->follow_[w] = true;
    }
  });
  qp->phrase_table_.ForEachFirstWord([&](std::string_view w) {
    if (!qp->words_.contains(w)) qp->triggers_[w] = one_word.contains(w) ? 0 : kNeedsFollow;
  });
  // months.tsv: "Jan 31" and "31 January" are dates, not counts.
  {
    std::string path = data_dir + "/text/months.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      if (r.fields.size() < 2) return InvalidArgument(TsvWhere(path, r.line) + "expected 2 fields");
      qp->months_[LowerString(r.fields[0])] = r.fields.size() >= 3 && r.fields[2] == "cap";
    }
  }
  return qp;
}

Status QuantityParser::LoadNumbers(const std::string& path, bool with_lang) {
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    std::vector<std::string> f = r.fields;
    uint32_t langs = 0;
    if (with_lang) {
      if (f.empty()) return InvalidArgument(TsvWhere(path, r.line) + "expected <languages>");
      std::string_view codes = f[0];
      while (!codes.empty()) {
        size_t comma = codes.find(',');
        std::string code(codes.substr(0, comma));
        codes = comma == std::string_view::npos ? std::string_view() : codes.substr(comma + 1);
        if (code.empty()) continue;
        auto it = lang_bits_.find(code);
        if (it == lang_bits_.end()) {
          if (lang_bits_.size() >= 32)
            return InvalidArgument(TsvWhere(path, r.line) + "too many languages");
          it = lang_bits_.emplace(code, uint32_t{1} << lang_bits_.size()).first;
        }
        langs |= it->second;
      }
      f.erase(f.begin());
      // Words in a script of their own (Devanagari, Arabic, Cyrillic...) are numbers wherever
      // they occur: the script is the language test, and text is mixed within a script only
      // rarely. Latin-script words ("once", "sept", "elf") need the article's language.
      if (!f.empty() && !f[0].empty() && static_cast<unsigned char>(f[0][0]) >= 0xC9) langs = 0;
    }
    double v = 0;
    if (f.size() < 3 || !ParseDouble(f[2], &v)) {
      return InvalidArgument(TsvWhere(path, r.line) + "expected <phrase> <kind> <value>");
    }
    const std::string& kind = f[1];
    if (kind == "fixed" || kind == "vague" || kind == "approx") {
      Phrase p{kind != "fixed", v, v, v, 0, false, langs};
      p.approx = kind == "approx";
      if (p.vague) {
        if (f.size() < 5 || !ParseDouble(f[3], &p.low) || !ParseDouble(f[4], &p.high)) {
          return InvalidArgument(TsvWhere(path, r.line) + "vague needs <low> <high>");
        }
        if (f.size() >= 6 && !ParseDouble(f[5], &p.plural_scale)) {
          return InvalidArgument(TsvWhere(path, r.line) + "bad plural scale");
        }
        p.needs_of = f.size() >= 7 && f[6] == "needs_of";
      }
      phrase_table_.Add(f[0], static_cast<int>(phrases_.size()));
      phrases_.push_back(p);
      continue;
    }
    if (kind == "conj_prefix") {
      conj_prefixes_.push_back(LowerString(f[0]));
      continue;
    }
    if (kind == "partitive" || kind == "joiner") {
      (kind == "partitive" ? partitives_ : joiners_)[LowerString(f[0])] = true;
      continue;
    }
    WordKind wk;
    if (kind == "unit" || kind == "final")
      wk = WordKind::kUnit;
    else if (kind == "tens")
      wk = WordKind::kTens;
    else if (kind == "hundred")
      wk = WordKind::kHundred;
    else if (kind == "scale")
      wk = WordKind::kScale;
    else if (kind == "dozen")
      wk = WordKind::kDozen;
    else if (kind == "article")
      wk = WordKind::kArticle;
    else if (kind == "conj")
      wk = WordKind::kConj;
    else
      return InvalidArgument(TsvWhere(path, r.line) + "unknown kind '" + kind + "'");
    const bool alone = f.size() >= 4 && f[3] == "alone";
    if (alone && wk != WordKind::kHundred && wk != WordKind::kScale) {
      // Column 4 of numbers.tsv, 5 of numbers_lang.tsv (its languages come first).
      return InvalidArgument(
          TsvWhere(path, r.line) + "column " + std::to_string(with_lang ? 5 : 4) +
          ": only hundred and scale words stand alone, not '" + kind + "' '" + f[0] + "'");
    }
    std::string key = LowerString(f[0]);
    if (words_.contains(key)) {
      // The same spelling in two rows: one entry for all of their languages, when they agree.
      Word& w = words_[key];
      if (w.kind != wk || w.value != v) {
        return InvalidArgument(TsvWhere(path, r.line) + "'" + f[0] +
                               "' listed twice with different values");
      }
      w.langs = (w.langs == 0 || langs == 0) ? 0 : (w.langs | langs);
      continue;
    }
    words_[key] = Word{wk, v, langs, alone, kind == "final"};
  }
  return Status::Ok();
}

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// One part of a number_compounds.tsv pattern: a slot "{lo-hi}" or literal text.
struct CompoundPart {
  bool slot = false;
  double lo = 0, hi = 0;
  std::string text;
};

// Parts joined by '+': "ein+und+{20-90}".
bool ParsePattern(std::string_view p, std::vector<CompoundPart>* out) {
  while (true) {
    const size_t plus = p.find('+');
    const std::string_view s = p.substr(0, plus);
    if (s.empty()) return false;
    CompoundPart part;
    if (s.front() == '{') {
      const size_t dash = s.find('-');
      if (s.back() != '}' || dash == std::string_view::npos ||
          !ParseDouble(std::string(s.substr(1, dash - 1)), &part.lo) ||
          !ParseDouble(std::string(s.substr(dash + 1, s.size() - dash - 2)), &part.hi)) {
        return false;
      }
      part.slot = true;
    } else {
      part.text = LowerString(s);
    }
    out->push_back(std::move(part));
    if (plus == std::string_view::npos) return true;
    p.remove_prefix(plus + 1);
  }
}

}  // namespace

Status QuantityParser::LoadCompounds(const std::string& path) {
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  // A spelling with its value; value < 0 for glue text that adds nothing ("und").
  struct Form {
    std::string text;
    double value;
  };
  for (const TsvRow& r : *rows) {
    const auto& f = r.fields;
    std::vector<CompoundPart> parts;
    if (f.size() < 2)
      return InvalidArgument(TsvWhere(path, r.line) + "expected <lang> <pattern> [elide]");
    if (!ParsePattern(f[1], &parts)) {
      return InvalidArgument(TsvWhere(path, r.line) + "column 2: pattern '" + f[1] +
                             "' is not words and {lo-hi} slots joined by '+'");
    }
    auto bit = lang_bits_.find(f[0]);
    if (bit == lang_bits_.end()) {
      return InvalidArgument(TsvWhere(path, r.line) + "column 1: no number words for language '" +
                             f[0] + "'");
    }
    const uint32_t lang = bit->second;
    const bool elide = f.size() >= 3 && f[2] == "elide";
    // The spellings each part can take: a slot's are the language's one-word units and tens
    // in its range (compounds of earlier rows included), a literal's is itself.
    std::vector<std::vector<Form>> choices;
    for (const CompoundPart& part : parts) {
      std::vector<Form> forms;
      if (part.slot) {
        words_.ForEach([&](std::string_view w, const Word& wd) {
          if ((wd.langs & lang) == 0 || wd.final || wd.value < part.lo || wd.value > part.hi ||
              (wd.kind != WordKind::kUnit && wd.kind != WordKind::kTens) ||
              w.find_first_of(" -") != std::string_view::npos) {
            return;
          }
          forms.push_back(Form{std::string(w), wd.value});
        });
        std::sort(forms.begin(), forms.end(),
                  [](const Form& a, const Form& b) { return a.text < b.text; });
      } else {
        const Word* wd = words_.Find(part.text);
        forms.push_back(
            Form{part.text, wd != nullptr && (wd->langs & lang) != 0 ? wd->value : -1.0});
      }
      if (forms.empty()) {
        return InvalidArgument(TsvWhere(path, r.line) + "column 2: a slot of '" + f[1] +
                               "' matches no word");
      }
      choices.push_back(std::move(forms));
    }
    // Every combination, as an odometer over the parts' choices.
    std::vector<size_t> at(choices.size(), 0);
    while (true) {
      std::string word;
      double total = 0, current = 0;
      for (size_t k = 0; k < choices.size(); ++k) {
        const Form& form = choices[k][at[k]];
        if (elide && !word.empty() && IsVowel(word.back()) && IsVowel(form.text[0])) {
          word.pop_back();  // "venti" + "uno" = "ventuno"
        }
        word += form.text;
        const double v = form.value;
        if (v < 0) continue;
        if (v >= 1000 && current > 0) {
          total += current * v;  // "due" + "mila"
          current = 0;
        } else if (v >= 100 && current > 0 && current < v) {
          current *= v;  // "zwei" + "hundert"
        } else {
          current += v;  // "venti" + "tré", "drei" + "und" + "zwanzig"
        }
      }
      const double value = total + current;
      if (!words_.contains(word)) {
        words_[word] = Word{WordKind::kUnit, value, lang};
      } else if (Word& w = words_[word]; w.value != value) {
        return InvalidArgument(TsvWhere(path, r.line) + "column 2: '" + f[1] + "' spells '" + word +
                               "', listed with another value");
      } else if (w.langs != 0) {
        w.langs |= lang;
      }
      size_t k = choices.size();
      while (k > 0 && ++at[k - 1] == choices[k - 1].size()) at[--k] = 0;
      if (k == 0) break;
    }
  }
  return Status::Ok();
}

bool QuantityParser::Allowed(uint32_t langs, Gate& gate) const {
  if (langs == 0) return true;
  if (!gate.resolved) {
    gate.resolved = true;
    // Only Latin-script words are bound to a language (see LoadNumbers), so the stop-word vote
    // over the first words is enough.
    std::string lang = gate.lang.empty() ? detector_->DetectLatin(gate.text, *gate.tokens)
                                         : std::string(gate.lang);
    auto it = lang_bits_.find(lang);
    gate.bit = it == lang_bits_.end() ? 0 : it->second;
  }
  return (langs & gate.bit) != 0;
}

const QuantityParser::Word* QuantityParser::LookupWord(std::string_view lower, Gate& gate) const {
  const Word* w = words_.Find(lower);
  if (w == nullptr || !Allowed(w->langs, gate)) return nullptr;
  return w;
}

const QuantityParser::Word* QuantityParser::LookupWord(const HashedWord& lower, Gate& gate) const {
  const Word* w = words_.Find(lower);
  if (w == nullptr || !Allowed(w->langs, gate)) return nullptr;
  return w;
}

const QuantityParser::Word* QuantityParser::PrefixedWord(std::string_view w, Gate& gate) const {
  if (conj_prefixes_.empty()) return nullptr;
  LowerBuf lower(w);
  const std::string_view lw = lower.view();
  for (const std::string& prefix : conj_prefixes_) {
    if (lw.size() <= prefix.size() || lw.substr(0, prefix.size()) != prefix) continue;
    const Word* wd = LookupWord(lw.substr(prefix.size()), gate);
    if (wd != nullptr && (wd->kind == WordKind::kUnit || wd->kind == WordKind::kTens)) return wd;
  }
  return nullptr;
}

bool QuantityParser::ParseAsciiDigits(std::string_view token, std::optional<double>* value,
                                      int* digits, int* int_digits, bool* sep, bool* decimal,
                                      bool* leading_zero) {
  for (char ch : token) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  // ParseDigits' arithmetic, step for step, so the value is the same double.
  double int_part = 0, frac = 0, frac_scale = 1;
  bool any = false, bad = false;
  for (char ch : token) {
    if (ch == ',') {
      *sep = true;
      continue;
    }
    if (ch == '.') {
      bad |= *decimal;
      *decimal = true;
      continue;
    }
    const int d = ch - '0';
    if (d < 0 || d > 9) {
      bad = true;
      break;
    }
    if (*digits == 0 && d == 0) *leading_zero = true;
    ++*digits;
    any = true;
    if (*decimal) {
      frac_scale /= 10;
      frac += d * frac_scale;
    } else {
      ++*int_digits;
      int_part = int_part * 10 + d;
    }
  }
  if (bad || !any) {
    value->reset();
  } else {
    *value = int_part + frac;
  }
  return true;
}

std::optional<double> QuantityParser::ParseDigits(std::string_view token) {
  double int_part = 0, frac = 0, frac_scale = 1;
  bool decimal = false, any = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(token.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(token.data(), i, n, c);
    if (c == ',' || c == 0x066C) continue;
    if (c == '.' || c == 0x066B) {
      if (decimal) return std::nullopt;
      decimal = true;
      continue;
    }
    int d = (c >= '0' && c <= '9') ? c - '0' : (c > 0x7F ? u_charDigitValue(c) : -1);
    if (d < 0) return std::nullopt;
    any = true;
    if (decimal) {
      frac_scale /= 10;
      frac += d * frac_scale;
    } else {
      int_part = int_part * 10 + d;
    }
  }
  if (!any) return std::nullopt;
  return int_part + frac;
}

bool QuantityParser::ParseWords(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                Gate& gate, Num* out) const {
  const size_t n = tokens.size();
  size_t n_unused = 0;
  const TokenKeys& keys = *gate.keys;
  {
    const HashedWord lw = keys[i];
    if (!triggers_.contains(lw) && !keys.hyphen(i)) {
      return false;
    }
    // Cheap rejects before the language is resolved: a conjunction never starts a number, and
    // an article ("un", "UN", "a") only counts before a multiplier of some language or as the
    // start of a phrase ("a few"). A language-bound article needs a word after it at all.
    const Word* it = words_.Find(lw);
    if (it != nullptr && it->kind == WordKind::kConj) return false;
    if (it != nullptr && it->kind == WordKind::kArticle) {
      const bool word_next = i + 1 < n && tokens[i + 1].kind == TokenKind::kWord;
      if (it->langs != 0 && !word_next) return false;
      const Word* nx = word_next ? words_.Find(keys[i + 1]) : nullptr;
      if (nx == nullptr || (nx->kind != WordKind::kScale && nx->kind != WordKind::kHundred &&
                            nx->kind != WordKind::kDozen)) {
        if (phrase_table_.MatchForward(keys, i, &n_unused) < 0) return false;
      }
    }
  }
  auto kind_at = [&](size_t j, WordKind* k, double* v) {
    if (j >= n || tokens[j].kind != TokenKind::kWord) return false;
    const Word* wd = LookupWord(keys[j], gate);
    if (wd == nullptr) return false;
    *k = wd->kind;
    *v = wd->value;
    return true;
  };
  auto is_multiplier = [&](size_t j, double* m) {
    WordKind k;
    double v;
    if (!kind_at(j, &k, &v)) return false;
    if (k != WordKind::kScale && k != WordKind::kHundred && k != WordKind::kDozen) return false;
    *m = v;
    return true;
  };

  // Fixed and vague phrases first ("a few" starts like "a hundred").
  size_t e = 0;
  int pid = phrase_table_.MatchForward(keys, i, &e);
  if (pid >= 0 && !Allowed(phrases_[static_cast<size_t>(pid)].langs, gate)) pid = -1;
  if (pid >= 0) {
    const Phrase& p = phrases_[static_cast<size_t>(pid)];
    bool of_next = e < n && partitives_.contains(keys[e]);
    if (!p.needs_of || of_next) {
      *out = Num{};
      out->begin = i;
      out->value = p.value;
      out->low = p.low;
      out->high = p.high;
      out->vague = p.vague;
      out->approx = p.approx;
      double m;
      if (p.vague && is_multiplier(e, &m)) {  // "several hundred", "a few dozen"
        out->value *= m;
        out->low *= m;
        out->high *= m;
        out->scale = m;
        ++e;
      } else if (p.vague && p.plural_scale > 0 && of_next && e + 1 < n) {  // "tens of thousands"
        size_t e2 = 0;
        int q = phrase_table_.MatchForward(keys, e + 1, &e2);
        if (q >= 0 && phrases_[static_cast<size_t>(q)].plural_scale > 0 &&
            Allowed(phrases_[static_cast<size_t>(q)].langs, gate)) {
          double s = phrases_[static_cast<size_t>(q)].plural_scale;
          out->value *= s;
          out->low *= s;
          out->high *= s;
          out->scale = s;
          e = e2;
        }
      }
      out->end = e;
      return true;
    }
  }

  enum class Last { kNone, kUnit, kTeen, kTens, kHundred, kScale, kAnd };
  Last last = Last::kNone;
  double total = 0, current = 0;
  size_t j = i;
  bool any = false;
  WordKind k;
  double v;
  if (kind_at(j, &k, &v) && k == WordKind::kArticle) {
    double m;
    if (!is_multiplier(j + 1, &m)) return false;
    current = 1;
    last = Last::kUnit;
    ++j;
  }
  // Adds one number word to the number so far; false (nothing changed) when it cannot follow.
  auto step = [&](const Word& wd) {
    const double x = wd.value;
    const bool has = last == Last::kUnit || last == Last::kTeen || last == Last::kTens;
    const bool fresh = last == Last::kNone || last == Last::kScale || last == Last::kAnd;
    switch (wd.kind) {
      case WordKind::kUnit:
        if (x >= 100) {  // "ciento", "сто", "centoventi": a hundreds figure of its own
          if (!fresh) return false;
          current += x;
          last = Last::kHundred;
          return true;
        }
        if (last == Last::kUnit || last == Last::kTeen || (last == Last::kTens && x >= 10)) {
          return false;
        }
        current += x;
        last = x >= 10 ? Last::kTeen : Last::kUnit;
        return true;
      case WordKind::kTens:
        if (has) return false;
        current += x;
        last = Last::kTens;
        return true;
      case WordKind::kHundred:
        if (last == Last::kUnit || last == Last::kTeen) {
          current *= x;
        } else if (wd.alone && fresh) {  // "cento morti", "yüz kişi"
          current += x;
        } else {
          return false;
        }
        last = Last::kHundred;
        return true;
      case WordKind::kScale:
        if (has || last == Last::kHundred) {
          total += current * x;
        } else if (wd.alone && last == Last::kNone) {  // "mille persone", "bin kişi"
          total += x;
        } else {
          return false;
        }
        current = 0;
        last = Last::kScale;
        return true;
      case WordKind::kDozen:
        if (!has) return false;
        current *= x;
        last = Last::kHundred;
        return true;
      default:
        return false;
    }
  };
  const Word kOne{WordKind::kUnit, 1, 0};
  bool one_next = false;  // a conjunction took "un" as the unit of "trente et un"
  while (j < n && tokens[j].kind == TokenKind::kWord) {
    std::string_view w = TokenText(text, tokens[j]);
    const HashedWord lw = keys[j];
    const Word* wd = LookupWord(lw, gate);
    if (wd == nullptr && w.find('-') != std::string_view::npos) {
      // "twenty-three", "quatre-vingt-dix-sept", "deux-cents", "vingt-et-un": each piece (the
      // longest listed run of hyphen-joined parts, "dix-sept", "quatre-vingt") continues the
      // number, and the token counts whole or not at all.
      const Last last0 = last;
      const double total0 = total, current0 = current;
      bool ok = true, conj = false;
      size_t p = 0;
      while (ok && p < w.size()) {
        const Word* piece = nullptr;
        size_t end = w.size();
        while (true) {
          LowerBuf part(w.substr(p, end - p));
          piece = part.overflow() ? nullptr : LookupWord(part.view(), gate);
          if (piece != nullptr || end <= p) break;
          end = w.rfind('-', end - 1);
          if (end == std::string_view::npos || end < p) end = p;
        }
        if (piece == nullptr || end == p) {
          ok = false;
          break;
        }
        if (piece->kind == WordKind::kConj) {
          ok = last == Last::kTens && !conj;
          conj = true;
        } else {
          ok = step(conj && piece->kind == WordKind::kArticle && piece->value == 1 ? kOne : *piece);
          conj = false;
        }
        p = end + 1;
      }
      if (!ok || conj) {
        last = last0;
        total = total0;
        current = current0;
        break;
      }
      any = true;
      ++j;
      continue;
    }
    if (joiners_.contains(lw) || (wd != nullptr && wd->kind == WordKind::kConj)) {
      // "one hundred and five"; "treinta y dos", "vinte e três", "trente et un" (tens, then a
      // unit).
      WordKind k2;
      double v2;
      if ((last == Last::kHundred || last == Last::kScale) && kind_at(j + 1, &k2, &v2) &&
          (k2 == WordKind::kUnit || k2 == WordKind::kTens)) {
        last = Last::kAnd;
        ++j;
        continue;
      }
      if (wd != nullptr && last == Last::kTens && kind_at(j + 1, &k2, &v2) &&
          ((k2 == WordKind::kUnit && v2 >= 1 && v2 <= 9) ||
           (k2 == WordKind::kArticle && v2 == 1))) {
        last = Last::kAnd;
        one_next = k2 == WordKind::kArticle;
        ++j;
        continue;
      }
      break;
    }
    if (wd == nullptr && last != Last::kNone) {
      // "ثلاثة وعشرون" (three and twenty), "مئة وعشرون": a conjunction written onto the word.
      wd = PrefixedWord(w, gate);
      if (wd == nullptr) break;
      if (last == Last::kUnit && wd->kind == WordKind::kTens) {
        current += wd->value;
        last = Last::kTeen;
        any = true;
        ++j;
        continue;
      }
      if (last != Last::kHundred && last != Last::kScale) break;
    }
    if (wd == nullptr) break;
    if (!step(one_next && wd->kind == WordKind::kArticle ? kOne : *wd)) break;
    one_next = false;
    any = true;
    ++j;
  }
  if (!any) return false;
  if (last == Last::kAnd) --j;
  *out = Num{};
  out->begin = i;
  out->end = j;
  out->value = out->low = out->high = total + current;
  out->word_one = j == i + 1 && out->value == 1;
  return true;
}

bool QuantityParser::ParseNumber(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                 Gate& gate, Num* out) const {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kWord) return ParseWords(text, tokens, i, gate, out);
  if (t.kind != TokenKind::kNumber) return false;
  std::string_view raw = TokenText(text, t);
  // Leading zeros ("08", "0300") are codes, dates and phone numbers.
  int digits = 0, int_digits = 0;
  bool sep = false, decimal = false, leading_zero = false;
  std::optional<double> v;
  if (!ParseAsciiDigits(raw, &v, &digits, &int_digits, &sep, &decimal, &leading_zero)) {
    v = ParseDigits(raw);
    if (!v) return false;
    int32_t p = 0;
    const int32_t n = static_cast<int32_t>(raw.size());
    while (p < n) {
      UChar32 c;
      U8_NEXT(raw.data(), p, n, c);
      if (c == ',' || c == 0x066C) {
        sep = true;
        continue;
      }
      if (c == '.' || c == 0x066B) {
        decimal = true;
        continue;
      }
      if (digits == 0 && u_charDigitValue(c) == 0) leading_zero = true;
      ++digits;
      if (!decimal) ++int_digits;
    }
  }
  if (!v) return false;
  if (leading_zero && int_digits > 1) return false;
  if (!sep && !decimal && digits >= 7) return false;
  *out = Num{};
  out->begin = i;
  out->end = i + 1;
  out->digits = true;
  out->value = *v;
  out->year_like = !sep && !decimal && int_digits == 4 && *v >= 1800 && *v <= 2100;
  // Scale words: "2.5 million", "3 dozen", "5 lakh".
  const size_t nt = tokens.size();
  while (out->end < nt && tokens[out->end].kind == TokenKind::kWord) {
    const Word* wd = LookupWord((*gate.keys)[out->end], gate);
    if (wd == nullptr) break;
    WordKind k = wd->kind;
    if (k != WordKind::kScale && k != WordKind::kHundred && k != WordKind::kDozen) break;
    out->scale *= wd->value;
    ++out->end;
  }
  if (out->scale != 1) {
    out->value *= out->scale;
    out->year_like = false;
  }
  out->low = out->high = out->value;
  return true;
}

bool QuantityParser::IsMonthToken(std::string_view text, const std::vector<Token>& tokens,
                                  const TokenKeys& keys, size_t i) const {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kWord) return false;
  std::string_view w = TokenText(text, t);
  const bool* cap = months_.Find(keys[i]);
  if (cap == nullptr) return false;
  return !*cap || (w[0] >= 'A' && w[0] <= 'Z');
}

bool QuantityParser::IsSep(const TokenKeys& keys, size_t i, bool between) const {
  const auto& m = between ? between_seps_ : seps_;
  return m.contains(keys[i]);
}

bool QuantityParser::Excluded(std::string_view text, const std::vector<Token>& tokens,
                              const TokenKeys& keys, const Num& num, bool range_end) const {
  if (num.year_like) return true;
  const size_t n = tokens.size();
  const size_t b = num.begin;
  const size_t last = num.end - 1;
  if (num.digits) {
    // Glued to the left: "F-16", "G20", "10:30", "26/08", the tail of "2024-08-26".
    if (b > 0 && Adjacent(tokens, b - 1, b) && !range_end) {
      const Token& l = tokens[b - 1];
      std::string_view lt = TokenText(text, l);
      if (l.kind == TokenKind::kWord || lt == "/" || lt == ":") return true;
      if ((lt == "-" || lt == ".") && b > 1 && Adjacent(tokens, b - 2, b - 1)) return true;
    }
    // Glued to the right (only when no scale word follows): "3rd", "5km", "10:30", "10/12".
    if (num.scale == 1 && num.end < n && Adjacent(tokens, last, num.end)) {
      const Token& r = tokens[num.end];
      std::string_view rt = TokenText(text, r);
      if (r.kind == TokenKind::kWord) return true;
      bool glued_next = num.end + 1 < n && Adjacent(tokens, num.end, num.end + 1) &&
                        tokens[num.end + 1].kind == TokenKind::kNumber;
      if ((rt == "/" || rt == ":") && glued_next) return true;
      // "15-year insurgency", "6,200-seat hall": a compound adjective, unless "40-odd".
      size_t pe = 0;
      if (rt == "-" && num.end + 1 < n && Adjacent(tokens, num.end, num.end + 1) &&
          tokens[num.end + 1].kind == TokenKind::kWord &&
          post_.MatchForward(keys, num.end + 1, &pe) < 0) {
        return true;
      }
      // "0300-1234-567", "2024-08-26": a second glued hyphen group.
      if (rt == "-" && glued_next && num.end + 3 < n &&
          Adjacent(tokens, num.end + 1, num.end + 2) && IsText(text, tokens[num.end + 2], "-") &&
          Adjacent(tokens, num.end + 2, num.end + 3) &&
          tokens[num.end + 3].kind == TokenKind::kNumber) {
        return true;
      }
    }
  }
  // Apposed ages: "John Smith, 16, was shot" / "Smith (16)"; phone area codes "(419) 255-1111".
  if (num.digits && num.scale == 1 && b >= 2 && num.end < n) {
    std::string_view lt = TokenText(text, tokens[b - 1]);
    std::string_view rt = TokenText(text, tokens[num.end]);
    const Token& name = tokens[b - 2];
    bool capitalised = name.kind == TokenKind::kWord && TokenText(text, name)[0] >= 'A' &&
                       TokenText(text, name)[0] <= 'Z';
    if (capitalised && num.value <= 120 && ((lt == "," && rt == ",") || (lt == "(" && rt == ")"))) {
      return true;
    }
    if (lt == "(" && rt == ")" && num.end + 1 < n &&
        tokens[num.end + 1].kind == TokenKind::kNumber) {
      return true;
    }
  }
  // Dates: "Jan 31", "Jan. 31", "31 January", "31 of January".
  if (num.value >= 1 && num.value <= 31 && num.scale == 1 && !num.vague) {
    if (b > 0 && IsMonthToken(text, tokens, keys, b - 1)) return true;
    if (b > 1 && IsText(text, tokens[b - 1], ".") && IsMonthToken(text, tokens, keys, b - 2)) {
      return true;
    }
    if (num.end < n && IsMonthToken(text, tokens, keys, num.end)) return true;
  }
  // Text context before the number.
  std::string_view before = text.substr(0, tokens[b].span.begin);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
    before.remove_suffix(1);
  if (empty_ctx_) return true;
  if (!before.empty() &&
      ContextAt(before, /*from_end=*/true,
                before_by_last_[static_cast<unsigned char>(Lower(before.back()))], before_ctx_,
                before_edge_)) {
    return true;
  }
  // Text context after the number.
  std::string_view after = text.substr(tokens[last].span.end);
  while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) after.remove_prefix(1);
  return !after.empty() &&
         ContextAt(after, /*from_end=*/false,
                   after_by_first_[static_cast<unsigned char>(Lower(after.front()))], after_ctx_,
                   after_edge_);
}

[[gnu::always_inline]] inline bool QuantityParser::ContextAt(
    std::string_view s, bool from_end, const std::vector<uint16_t>& cands,
    const std::vector<std::string>& phrases, const std::vector<Edge>& edges) const {
  if (cands.empty()) return false;
  // Each phrase's (up to) eight bytes next to the number are compared at once with the text's
  // (lower-cased once), the rest byte by byte.
  const uint64_t near = PackEdge(s, from_end);
  for (uint16_t pi : cands) {
    const std::string& p = phrases[pi];
    if (s.size() < p.size() || (near & edges[pi].mask) != edges[pi].bytes) continue;
    const size_t off = from_end ? s.size() - p.size() : 0;
    const size_t rest_begin = from_end ? 0 : kEdgeBytes;
    const size_t rest_end = from_end ? p.size() - std::min(p.size(), kEdgeBytes) : p.size();
    bool match = true;
    for (size_t k = rest_begin; k < rest_end && match; ++k) match = Lower(s[off + k]) == p[k];
    if (!match) continue;
    // A phrase that ends in a letter on the number's far side must end a word there too.
    if (from_end ? IsAsciiLetter(p.front()) && off > 0 && IsAsciiLetter(s[off - 1])
                 : IsAsciiLetter(p.back()) && s.size() > p.size() && IsAsciiLetter(s[p.size()])) {
      continue;
    }
    return true;
  }
  return false;
}

bool QuantityParser::MaybePronoun(const std::vector<Token>& tokens, const TokenKeys& keys,
                                  const Num& num) const {
  if (!num.word_one) return false;
  if (num.begin > 0) {
    if (pronoun_before_.contains(keys[num.begin - 1])) return true;
  }
  if (num.end < tokens.size()) {
    if (tokens[num.end].kind != TokenKind::kWord) return true;  // "only one.", "one, who"
    if (pronoun_after_.contains(keys[num.end])) return true;
  } else {
    return true;
  }
  return false;
}

std::vector<Quantity> QuantityParser::Find(std::string_view text, const Doc& doc,
                                           std::string_view lang) const {
  TokenKeys keys(text, doc.tokens);
  return Find(text, doc, keys, lang);
}

std::vector<Quantity> QuantityParser::Find(std::string_view text, const Doc& doc,
                                           const TokenKeys& keys, std::string_view lang) const {
  return FindAmong(text, doc, keys, lang, nullptr, doc.tokens.size());
}

std::vector<Quantity> QuantityParser::Find(std::string_view text, const Doc& doc,
                                           const TokenKeys& keys, std::string_view lang,
                                           std::span<const uint32_t> candidates) const {
  return FindAmong(text, doc, keys, lang, candidates.data(), candidates.size());
}

std::vector<Quantity> QuantityParser::FindAmong(std::string_view text, const Doc& doc,
                                                const TokenKeys& keys, std::string_view lang,
                                                const uint32_t* given, size_t count) const {
  std::vector<Quantity> out;
  Gate gate{text, lang, &doc.tokens, &keys};
  const std::vector<Token>& tokens = doc.tokens;
  const size_t n = tokens.size();
  size_t tx = 0;  // next timex that may cover a token
  // The tokens that can start a number: number tokens, and words that are hyphenated or whose
  // hash is in triggers_' bitmap; collected without a branch per token (which mispredicts at
  // random on running text), then tested one by one below. Reused per thread.
  thread_local std::vector<uint32_t> cand;
  if (cand.size() < count) cand.resize(count);
  size_t nc = 0;
  auto take = [&](size_t k) {
    const TokenKind kind = tokens[k].kind;
    cand[nc] = static_cast<uint32_t>(k);
    nc += static_cast<size_t>(
        (kind == TokenKind::kNumber) |
        ((kind == TokenKind::kWord) & (keys.hyphen(k) | triggers_.MayContain(keys[k].hash))));
  };
  if (given == nullptr) {
    for (size_t k = 0; k < count; ++k) take(k);
  } else {
    for (size_t g = 0; g < count; ++g) take(given[g]);  // a superset of what take() keeps
  }
  size_t next = 0;  // the tokens before it were taken by an earlier number or range
  for (size_t ci = 0; ci < nc; ++ci) {
    const size_t i = cand[ci];
    if (i < next) continue;
    next = i + 1;
    const Token& t = tokens[i];
    // Most words start no number: ParseWords' own first tests, made here without the call.
    if (t.kind == TokenKind::kWord) {
      const uint8_t* trigger = triggers_.Find(keys[i]);
      if (keys.hyphen(i)) {  // its pieces may be number words ("twenty-three")
        if (trigger == nullptr && !MayStartHyphenated(keys.lower(i))) continue;
      } else if (trigger == nullptr || (*trigger & kStartsNone) != 0 ||
                 ((*trigger & kNeedsFollow) != 0 &&
                  (i + 1 >= n || !follow_.MayContain(keys[i + 1].hash)))) {
        continue;
      }
    }
    while (tx < doc.timexes.size() && doc.timexes[tx].span.end <= t.span.begin) ++tx;
    if (tx < doc.timexes.size() && doc.timexes[tx].span.begin <= t.span.begin) continue;
    Num a;
    if (!ParseNumber(text, tokens, i, gate, &a)) continue;
    // Ranges: "10 to 12", "10-12", "between 10 and 12", "two or three".
    // "between" before the number matters only when a separator follows it (IsSep below).
    size_t qb = 0;
    int between = -1;
    if (!a.vague && i > 0 && a.end + 1 < n &&
        (seps_.MayContain(keys[a.end].hash) || between_seps_.MayContain(keys[a.end].hash))) {
      between = between_.MatchBackward(keys, i - 1, &qb);
    }
    Num b;
    bool range = false;
    if (!a.vague && a.end + 1 < n && IsSep(keys, a.end, between >= 0) &&
        ParseNumber(text, tokens, a.end + 1, gate, &b) && !b.vague && b.digits == a.digits) {
      if (a.scale == 1 && b.scale > 1) {
        a.value *= b.scale;
        a.scale = b.scale;
      }
      if (a.year_like && b.value > 0 && b.value < 100) {
        // "2023-24" (a season), not a range: skip both.
        next = b.end;
        continue;
      }
      range = b.value > a.value && !b.year_like;
      // "389-4869", "255-1111": phone numbers, not ranges (real ranges have similar magnitudes).
      if (range && a.digits && Adjacent(tokens, a.end - 1, a.end) &&
          Adjacent(tokens, a.end, a.end + 1) &&
          (b.value > 10 * a.value ||
           (a.value >= 100 && a.value < 1000 && b.value >= 1000 && b.value < 10000 &&
            TokenText(text, tokens[b.begin]).find(',') == std::string_view::npos))) {
        next = b.end;
        continue;
      }
    }
    if (Excluded(text, tokens, keys, a)) {
      if (range) next = b.end;  // "aged 18 to 25": the whole range is an age
      continue;
    }
    Quantity q;
    q.number_span = Span{tokens[a.begin].span.begin, tokens[a.end - 1].span.end};
    q.span = q.number_span;
    size_t end = a.end;
    if (range && !Excluded(text, tokens, keys, b, /*range_end=*/true)) {
      q.qualifier = Qualifier::kRange;
      q.number_span.end = tokens[b.end - 1].span.end;
      q.span = q.number_span;
      q.low = a.value;
      q.high = b.value;
      q.value = (a.value + b.value) / 2;
      if (between >= 0) q.span.begin = tokens[qb].span.begin;
      end = b.end;
    } else if (a.vague) {
      // "Une vingtaine" is about twenty (its range around the number); "dozens" is no number.
      q.qualifier = a.approx ? Qualifier::kAbout : Qualifier::kVague;
      q.value = a.value;
      q.low = a.low;
      q.high = a.high;
      size_t pb = 0;
      if (i > 0 && pre_.MatchBackward(keys, i - 1, &pb) >= 0) {
        q.span.begin = tokens[pb].span.begin;  // "more than dozens": keep the vague range
      }
    } else {
      q.value = a.value;
      size_t pb = 0, pe = 0;
      int pre = i > 0 ? pre_.MatchBackward(keys, i - 1, &pb) : -1;
      int post = -1;
      if (pre < 0 && end < n) {
        size_t s = end;
        if (IsText(text, tokens[s], "-") && Adjacent(tokens, s - 1, s)) ++s;  // "40-odd"
        post = post_.MatchForward(keys, s, &pe);
        // One word, the counted noun, may stand between the number and a post_noun qualifier.
        if (post < 0 && s == end && s + 1 < n && tokens[s].kind == TokenKind::kWord) {
          post = post_noun_.MatchForward(keys, s + 1, &pe);
        }
      }
      const Qual* qual = nullptr;
      if (pre >= 0) {
        qual = &quals_[static_cast<size_t>(pre)];
        q.span.begin = tokens[pb].span.begin;
      } else if (post >= 0) {
        qual = &quals_[static_cast<size_t>(post)];
        q.span.end = tokens[pe - 1].span.end;
        end = pe;
      }
      q.qualifier = qual != nullptr ? qual->q : Qualifier::kExact;
      Bounds(q.qualifier, a.value, qual != nullptr && qual->below, qual != nullptr && qual->strict,
             &q.low, &q.high);
      q.maybe_pronoun = pre < 0 && MaybePronoun(tokens, keys, a);
    }
    out.push_back(q);
    next = end;
  }
  return out;
}

}  // namespace sitrep
