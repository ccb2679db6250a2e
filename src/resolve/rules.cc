#include "resolve/rules.h"

#include <cctype>
#include <cstdlib>

#include "base/data_dir.h"
#include "geo/match_key.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Calls fn(line_number, line) for each non-blank, non-comment line.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  int number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    fn(number, line);
  }
}

// The tab-separated columns of a line, each trimmed.
std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> cols;
  while (true) {
    size_t tab = line.find('\t');
    cols.push_back(Trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return cols;
}

}  // namespace

AsciiLower::AsciiLower(std::string_view text) : size_(text.size()) {
  char* out = small_;
  if (text.size() > sizeof small_) {
    large_.resize(text.size());
    out = large_.data();
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  data_ = out;
}

PhraseSet::PhraseSet(const std::vector<std::string_view>& phrases) {
  phrases_.assign(phrases.begin(), phrases.end());
  for (size_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.size() == 1) {
      one_byte_.push_back(static_cast<uint32_t>(i));
    } else if (p.size() >= 2) {
      const uint32_t bigram = static_cast<uint32_t>(static_cast<unsigned char>(p[0])) << 8 |
                              static_cast<unsigned char>(p[1]);
      bigrams_[bigram >> 6] |= uint64_t{1} << (bigram & 63);
      by_bigram_.push_back(static_cast<uint64_t>(bigram) << 32 | i);
    }
  }
  std::sort(by_bigram_.begin(), by_bigram_.end());
}

void ResolveRules::BuildCueIndexes() {
  std::vector<std::string_view> phrases;
  for (const ContextCue& c : context_cues) phrases.push_back(c.phrase);
  context_index = PhraseSet(phrases);
  phrases.clear();
  for (const FigureCue& c : figure_cues) phrases.push_back(c.phrase);
  figure_index = PhraseSet(phrases);
}

bool ResolveRules::IsOfficial(std::string_view attributed_to) const {
  if (attributed_to.empty()) return false;
  const std::string a = Lower(attributed_to);
  for (const std::string& term : official_terms) {
    for (size_t pos = a.find(term); pos != std::string::npos; pos = a.find(term, pos + 1)) {
      const size_t end = pos + term.size();
      const bool left_ok = pos == 0 || !IsWordChar(a[pos - 1]);
      const bool right_ok = end == a.size() || !IsWordChar(a[end]);
      if (left_ok && right_ok) return true;
    }
  }
  return false;
}

int ResolveRules::TypeRank(std::string_view type, std::string_view sub_type) const {
  std::string key(type);
  if (!sub_type.empty()) {
    key += '\t';
    key += sub_type;
  }
  auto it = type_rank.find(key);
  return it == type_rank.end() ? 1 << 20 : it->second;
}

size_t ResolveRules::FindContext(std::string_view text, ContextKind kind, size_t before,
                                 const ContextCue** cue) const {
  size_t best = std::string::npos;
  ForEachContext(Lower(text), kind, [&](const ContextCue& c, size_t, size_t end) {
    if (before != std::string_view::npos && end > before) return false;
    if (best == std::string::npos || end < best) {
      best = end;
      if (cue != nullptr) *cue = &c;
    }
    return false;  // the first occurrence of each cue is the one that can be earliest
  });
  return best;
}

void ResolveRules::ForEachContext(
    std::string_view lower, ContextKind kind,
    const std::function<bool(const ContextCue&, size_t, size_t)>& f) const {
  for (const ContextCue& c : context_cues) {
    if (c.kind != kind || c.phrase.empty()) continue;
    for (size_t pos = lower.find(c.phrase); pos != std::string_view::npos;
         pos = lower.find(c.phrase, pos + 1)) {
      const size_t end = pos + c.phrase.size();
      const bool left_ok = pos == 0 || !IsWordChar(lower[pos - 1]);
      const bool right_ok = end == lower.size() || !IsWordChar(lower[end]);
      if (!left_ok || !right_ok) continue;
      if (!f(c, pos, end)) break;
    }
  }
}

Result<ResolveRules> LoadResolveRules(const std::string& dir) {
  ResolveRules rules;
  const std::string official_path = dir + "/official_sources.txt";
  Result<std::string> official = ReadFile(official_path);
  if (!official.ok()) return official.status();
  ForEachLine(*official, [&](int, std::string_view line) {
    rules.official_terms.push_back(Lower(Trim(line)));
  });

  const std::string types_path = dir + "/event_types.tsv";
  Result<std::string> types = ReadFile(types_path);
  if (!types.ok()) return types.status();
  Status bad;
  int rank = 0;
  ForEachLine(*types, [&](int number, std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      if (bad.ok()) {
        bad = InvalidArgument(types_path + ":" + std::to_string(number) + ": expected a tab");
      }
      return;
    }
    std::string_view type = Trim(line.substr(0, tab));
    std::string_view sub = Trim(line.substr(tab + 1));
    std::string key(type);
    if (!sub.empty()) {
      key += '\t';
      key += sub;
    }
    rules.type_rank.emplace(std::move(key), rank++);
  });
  if (!bad.ok()) return bad;

  const std::string limits_path = dir + "/limits.tsv";
  Result<std::string> limits = ReadFile(limits_path);
  if (limits.ok()) {
    ForEachLine(*limits, [&](int number, std::string_view line) {
      size_t tab = line.find('\t');
      std::string_view name = Trim(line.substr(0, tab));
      std::string value(tab == std::string_view::npos ? "" : Trim(line.substr(tab + 1)));
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      if (value.empty() || end == nullptr || *end != '\0' || !(v > 0)) {
        if (bad.ok()) {
          bad = InvalidArgument(limits_path + ":" + std::to_string(number) + ": expected name<TAB>number");
        }
        return;
      }
      if (name == "max_plausible_figure") rules.max_plausible_figure = v;
    });
    if (!bad.ok()) return bad;
  }

  const std::string context_path = dir + "/claim_context.tsv";
  Result<std::string> context = ReadFile(context_path);
  if (context.ok()) {
    ForEachLine(*context, [&](int number, std::string_view line) {
      const std::vector<std::string_view> cols = Columns(line);
      ResolveRules::ContextCue c;
      const std::string where = context_path + ":" + std::to_string(number);
      if (cols.size() < 2 || cols[1].empty()) {
        if (bad.ok()) bad = InvalidArgument(where + ": expected kind<TAB>phrase[<TAB>days]");
        return;
      }
      if (cols[0] == "operation") {
        c.kind = ResolveRules::ContextKind::kOperation;
      } else if (cols[0] == "response") {
        c.kind = ResolveRules::ContextKind::kResponse;
      } else if (cols[0] == "region") {
        c.kind = ResolveRules::ContextKind::kRegion;
      } else if (cols[0] == "earlier") {
        c.kind = ResolveRules::ContextKind::kEarlier;
        const std::string days(cols.size() > 2 ? cols[2] : "");
        char* end = nullptr;
        const long v = std::strtol(days.c_str(), &end, 10);
        if (days.empty() || *end != '\0' || v <= 0 || v > 366) {
          if (bad.ok()) bad = InvalidArgument(where + ": earlier needs a day count 1..366");
          return;
        }
        c.days = static_cast<int>(v);
      } else {
        if (bad.ok()) bad = InvalidArgument(where + ": unknown kind " + std::string(cols[0]));
        return;
      }
      c.phrase = Lower(cols[1]);
      rules.context_cues.push_back(std::move(c));
    });
    if (!bad.ok()) return bad;
  }

  const std::string cues_path = dir + "/figure_cues.tsv";
  Result<std::string> cues = ReadFile(cues_path);
  if (cues.ok()) {
    ForEachLine(*cues, [&](int number, std::string_view line) {
      const std::vector<std::string_view> cols = Columns(line);
      const std::string where = cues_path + ":" + std::to_string(number);
      ResolveRules::FigureCue c;
      const std::string window(cols.size() == 4 ? cols[2] : "");
      char* end = nullptr;
      const long w = std::strtol(window.c_str(), &end, 10);
      if (cols.size() != 4 || cols[3].empty() || window.empty() || *end != '\0' || w <= 0 ||
          w > 1000 || (cols[1] != "before" && cols[1] != "after")) {
        if (bad.ok()) {
          bad = InvalidArgument(where + ": expected kind<TAB>before|after<TAB>bytes<TAB>phrase");
        }
        return;
      }
      if (cols[0] == "partisan") {
        c.kind = ResolveRules::FigureCueKind::kPartisan;
      } else if (cols[0] == "update") {
        c.kind = ResolveRules::FigureCueKind::kUpdate;
      } else if (cols[0] == "superseded") {
        c.kind = ResolveRules::FigureCueKind::kSuperseded;
      } else {
        if (bad.ok()) bad = InvalidArgument(where + ": unknown kind " + std::string(cols[0]));
        return;
      }
      c.before = cols[1] == "before";
      c.window = static_cast<int>(w);
      c.phrase = Lower(cols[3]);
      rules.figure_cues.push_back(std::move(c));
    });
    if (!bad.ok()) return bad;
  }

  const std::string methods_path = dir + "/attack_methods.tsv";
  Result<std::string> methods = ReadFile(methods_path);
  if (methods.ok()) {
    std::vector<std::string> names;
    auto index = [&](std::string_view name) -> int {
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return static_cast<int>(i);
      }
      if (names.size() >= 16) return -1;
      names.emplace_back(name);
      rules.method_compatible.push_back(static_cast<uint16_t>(1u << (names.size() - 1)));
      return static_cast<int>(names.size() - 1);
    };
    ForEachLine(*methods, [&](int number, std::string_view line) {
      const std::vector<std::string_view> cols = Columns(line);
      const std::string where = methods_path + ":" + std::to_string(number);
      if (cols.size() != 3 || cols[1].empty() || cols[2].empty() ||
          (cols[0] != "method" && cols[0] != "compatible")) {
        if (bad.ok()) {
          bad = InvalidArgument(where + ": expected method|compatible<TAB>name<TAB>name");
        }
        return;
      }
      const int a = index(cols[1]);
      const int b = cols[0] == "compatible" ? index(cols[2]) : a;
      if (a < 0 || b < 0) {
        if (bad.ok()) bad = InvalidArgument(where + ": more than 16 methods");
        return;
      }
      if (cols[0] == "method") {
        rules.method_of[std::string(cols[2])] = static_cast<uint16_t>(1u << a);
      } else {
        rules.method_compatible[a] |= static_cast<uint16_t>(1u << b);
        rules.method_compatible[b] |= static_cast<uint16_t>(1u << a);
      }
    });
    if (!bad.ok()) return bad;
  }
  rules.BuildCueIndexes();
  return rules;
}

uint16_t ResolveRules::MethodOf(std::string_view sub_type) const {
  if (method_of.empty() || sub_type.empty()) return 0;
  auto it = method_of.find(std::string(sub_type));
  return it == method_of.end() ? 0 : it->second;
}

bool ResolveRules::MethodsConflict(uint16_t a, uint16_t b) const {
  if (a == 0 || b == 0 || method_compatible.empty()) return false;
  for (size_t i = 0; i < method_compatible.size(); ++i) {
    if ((a >> i & 1u) != 0 && (method_compatible[i] & b) != 0) return false;
  }
  return true;
}

const ResolveRules& DefaultResolveRules() {
  static const ResolveRules* rules = [] {
    Result<ResolveRules> loaded = LoadResolveRules(DataPath("resolve"));
    return new ResolveRules(loaded.ok() ? std::move(loaded).value() : ResolveRules());
  }();
  return *rules;
}

bool NamesItsProvince(const Place& place) {
  if (place.admin1.empty() || place.level > GeoLevel::kDistrict) return false;
  const std::string name = FoldName(place.name);
  const std::string province = FoldName(place.admin1);
  if (name.size() < 3 || province.compare(0, name.size(), name) != 0) return false;
  size_t end = name.size();
  while (end < province.size() && province[end] != ' ') ++end;
  return end - name.size() <= 3;
}

}  // namespace sitrep
