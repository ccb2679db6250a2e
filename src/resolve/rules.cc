#include "resolve/rules.h"

#include <cmath>
#include <cstdlib>

#include "base/data_dir.h"
#include "base/tsv.h"
#include "geo/match_key.h"

namespace sitrep {
namespace {

// AsciiLower(s) as a string of its own (std::tolower in the "C" locale sitrep runs in).
std::string Lower(std::string_view s) { return std::string(AsciiLower(s).view()); }

// Calls f(begin, end) for each occurrence of `phrase` in `lower` that is a whole word (no cue
// word byte on either side), first to last, until f returns false.
template <typename F>
void ForEachWholeWord(std::string_view lower, std::string_view phrase, F f) {
  for (size_t pos = lower.find(phrase); pos != std::string_view::npos;
       pos = lower.find(phrase, pos + 1)) {
    const size_t end = pos + phrase.size();
    if (pos > 0 && IsCueWordByte(lower[pos - 1])) continue;
    if (end < lower.size() && IsCueWordByte(lower[end])) continue;
    if (!f(pos, end)) return;
  }
}

}  // namespace

AsciiLower::AsciiLower(std::string_view text) : size_(text.size()) {
  char* out = small_;
  if (text.size() > sizeof small_) {
    large_.resize(text.size());
    out = large_.data();
  }
  // Eight bytes at a time: a byte is an upper-case letter when its low seven bits reach 'A' but
  // not '[' and its top bit is clear; 0x20 is or-ed into exactly those. No carry crosses a byte
  // (each low-seven-bit sum stays below 0x100).
  constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL, kTop = 0x8080808080808080ULL;
  constexpr uint64_t kToA = 0x3f3f3f3f3f3f3f3fULL;    // 0x80 - 'A' per byte
  constexpr uint64_t kPastZ = 0x2525252525252525ULL;  // 0x80 - '[' per byte
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t low = w & kLow7;
    const uint64_t upper = (low + kToA) & ~(low + kPastZ) & ~w & kTop;
    w |= upper >> 2;
    std::memcpy(out + i, &w, 8);
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  data_ = out;
}

PhraseSet::PhraseSet(const std::vector<std::string_view>& phrases) : bigrams_(1024) {
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
  bigram_rank_.resize(bigrams_.size());
  uint32_t rank = 0;
  for (size_t w = 0; w < bigrams_.size(); ++w) {
    bigram_rank_[w] = rank;
    rank += BitCount(bigrams_[w]);
  }
  for (size_t k = 0; k < by_bigram_.size(); ++k) {
    if (k == 0 || by_bigram_[k] >> 32 != by_bigram_[k - 1] >> 32) {
      bigram_start_.push_back(static_cast<uint32_t>(k));
    }
  }
  bigram_start_.push_back(static_cast<uint32_t>(by_bigram_.size()));
}

void ResolveRules::BuildCueIndexes() {
  std::vector<std::string_view> phrases;
  for (const ContextCue& c : context_cues) phrases.push_back(c.phrase);
  context_index = PhraseSet(phrases);
  phrases.clear();
  for (const FigureCue& c : figure_cues) phrases.push_back(c.phrase);
  figure_index = PhraseSet(phrases);
  constexpr size_t kAny = UINT32_MAX;  // beyond any quote
  figure_reach_before = figure_reach_after = figure_longest = 0;
  for (const FigureCue& c : figure_cues) {
    const size_t window = c.window < 0 ? kAny : static_cast<size_t>(c.window);
    if (c.before) {
      figure_reach_before = std::max(figure_reach_before, window + c.phrase.size());
    } else {
      figure_reach_after = std::max(figure_reach_after, window);
    }
    figure_longest = std::max(figure_longest, c.phrase.size());
  }
}

bool ResolveRules::IsOfficial(std::string_view attributed_to) const {
  if (attributed_to.empty()) return false;
  // On the stack: reconciliation asks this of every candidate figure's attribution.
  const AsciiLower lower(attributed_to);
  bool found = false;
  for (const std::string& term : official_terms) {
    ForEachWholeWord(lower.view(), term, [&](size_t, size_t) {
      found = true;
      return false;
    });
    if (found) return true;
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
  const AsciiLower lower(text);
  ForEachContext(lower.view(), kind, [&](const ContextCue& c, size_t, size_t end) {
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
    ForEachWholeWord(lower, c.phrase, [&](size_t pos, size_t end) { return f(c, pos, end); });
  }
}

namespace {

// Reads an optional table: a missing file is no rule, a malformed row is an error.
Status ForEachOptionalRow(
    const std::string& path, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int number)>& fn) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return Status::Ok();
  return ForEachTsvLine(*text, path, min_cols, fn);
}

}  // namespace

Result<ResolveRules> LoadResolveRules(const std::string& dir) {
  ResolveRules rules;
  const std::string official_path = dir + "/official_sources.txt";
  Result<std::string> official = ReadFile(official_path);
  if (!official.ok()) return official.status();
  SITREP_RETURN_IF_ERROR(
      ForEachDataLine(*official, official_path, [&](std::string_view line, int) -> Status {
        rules.official_terms.push_back(Lower(TrimBlanks(line)));
        return Status::Ok();
      }));

  int rank = 0;
  SITREP_RETURN_IF_ERROR(ForEachTsvRow(
      dir + "/event_types.tsv", 2, [&](const std::vector<std::string_view>& cols, int) -> Status {
        std::string key(cols[0]);
        if (!cols[1].empty()) {
          key += '\t';
          key += cols[1];
        }
        rules.type_rank.emplace(std::move(key), rank++);
        return Status::Ok();
      }));

  SITREP_RETURN_IF_ERROR(ForEachOptionalRow(
      dir + "/limits.tsv", 1, [&](const std::vector<std::string_view>& cols, int) -> Status {
        const std::string value(cols.size() > 1 ? cols[1] : "");
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (value.empty() || end == nullptr || *end != '\0' || !(v > 0)) {
          return InvalidArgument("expected name<TAB>number");
        }
        if (cols[0] == "max_plausible_figure") rules.max_plausible_figure = v;
        // The integer limits: name, where it goes, its largest value (the smallest is 1).
        const struct {
          std::string_view name;
          int* field;
          double max;
        } kIntegers[] = {{"attested_reports", &rules.attested_reports, 1e6},
                         {"undated_followup_days", &rules.undated_followup_days, 3650},
                         {"recall_lookback_days", &rules.recall_lookback_days, 3650},
                         {"name_followup_days", &rules.name_followup_days, 3650}};
        for (const auto& limit : kIntegers) {
          if (cols[0] != limit.name) continue;
          if (v != std::floor(v) || v > limit.max) {
            return InvalidArgument(std::string(limit.name) + ": expected an integer in [1, " +
                                   std::to_string(static_cast<int64_t>(limit.max)) + "]");
          }
          *limit.field = static_cast<int>(v);
        }
        return Status::Ok();
      }));

  SITREP_RETURN_IF_ERROR(ForEachOptionalRow(
      dir + "/claim_context.tsv", 1, [&](const std::vector<std::string_view>& cols, int) -> Status {
        ResolveRules::ContextCue c;
        if (cols.size() < 2 || cols[1].empty()) {
          return InvalidArgument("expected kind<TAB>phrase[<TAB>days]");
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
            return InvalidArgument("earlier needs a day count 1..366");
          }
          c.days = static_cast<int>(v);
        } else {
          return InvalidArgument("unknown kind " + std::string(cols[0]));
        }
        c.phrase = Lower(cols[1]);
        rules.context_cues.push_back(std::move(c));
        return Status::Ok();
      }));

  SITREP_RETURN_IF_ERROR(ForEachOptionalRow(
      dir + "/figure_cues.tsv", 1, [&](const std::vector<std::string_view>& cols, int) -> Status {
        ResolveRules::FigureCue c;
        const std::string window(cols.size() == 4 ? cols[2] : "");
        char* end = nullptr;
        const long w = std::strtol(window.c_str(), &end, 10);
        if (cols.size() != 4 || cols[3].empty() || window.empty() || *end != '\0' || w <= 0 ||
            w > 1000 || (cols[1] != "before" && cols[1] != "after")) {
          return InvalidArgument("expected kind<TAB>before|after<TAB>bytes<TAB>phrase");
        }
        if (cols[0] == "partisan") {
          c.kind = ResolveRules::FigureCueKind::kPartisan;
        } else if (cols[0] == "update") {
          c.kind = ResolveRules::FigureCueKind::kUpdate;
        } else if (cols[0] == "superseded") {
          c.kind = ResolveRules::FigureCueKind::kSuperseded;
        } else {
          return InvalidArgument("unknown kind " + std::string(cols[0]));
        }
        c.before = cols[1] == "before";
        c.window = static_cast<int>(w);
        c.phrase = Lower(cols[3]);
        rules.figure_cues.push_back(std::move(c));
        return Status::Ok();
      }));

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
  SITREP_RETURN_IF_ERROR(
      ForEachOptionalRow(dir + "/attack_methods.tsv", 1,
                         [&](const std::vector<std::string_view>& cols, int) -> Status {
                           if (cols.size() != 3 || cols[1].empty() || cols[2].empty() ||
                               (cols[0] != "method" && cols[0] != "compatible")) {
                             return InvalidArgument("expected method|compatible<TAB>name<TAB>name");
                           }
                           const int a = index(cols[1]);
                           const int b = cols[0] == "compatible" ? index(cols[2]) : a;
                           if (a < 0 || b < 0) return InvalidArgument("more than 16 methods");
                           if (cols[0] == "method") {
                             rules.method_of[std::string(cols[2])] = static_cast<uint16_t>(1u << a);
                           } else {
                             rules.method_compatible[a] |= static_cast<uint16_t>(1u << b);
                             rules.method_compatible[b] |= static_cast<uint16_t>(1u << a);
                           }
                           return Status::Ok();
                         }));
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
