// TemplateSet: the sentence templates and word lists of the news-wire simulator
// (data/sim/templates.txt), and the slot filler that expands them.
//
// Format: "@name" opens a section; each following non-empty line is one alternative. In a line,
// "{slot}" expands to a variable of the caller (SlotVars) if it has one, else to a random
// alternative of the section "slot.SUFFIX" (SUFFIX given by the caller: the incident kind, the
// day offset, ...) or of "slot", expanded in turn. "{^slot}" capitalises the first letter of the
// expansion, "{_slot}" lowercases it. Lines starting with "#" are comments.
//
// Thread safety: a parsed TemplateSet is immutable; Expand() takes the caller's Rng and output,
// so many threads may share one set.
#ifndef SITREP_SIM_TEMPLATES_H_
#define SITREP_SIM_TEMPLATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"

namespace sitrep {

// A small deterministic generator (xoshiro256**, seeded through splitmix64). Not the standard
// distributions: their output differs between standard libraries, and the corpus must not.
class Rng {
 public:
  explicit Rng(uint64_t seed);
  uint64_t Next();
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi].
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1).
  double Unit();
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t s_[4];
};

// The caller's variables for one expansion: name -> value. Few entries; a flat vector is faster
// to fill and search than a map.
class SlotVars {
 public:
  void Set(std::string_view name, std::string value);
  const std::string* Find(std::string_view name) const;
  void Clear() { vars_.clear(); }

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

class TemplateSet {
 public:
  // Parses the text of a templates file; `origin` names it in error messages.
  [[nodiscard]] static Result<TemplateSet> Parse(std::string_view text, std::string_view origin);
  // Reads and parses a file.
  [[nodiscard]] static Result<TemplateSet> Load(const std::string& path);

  bool Has(std::string_view section) const { return sections_.count(std::string(section)) != 0; }
  // The alternatives of a section; empty when there is none.
  const std::vector<std::string>& Get(std::string_view section) const;

  // Appends the expansion of `tmpl` to *out. Unknown slots expand to "{slot}" and are counted in
  // *unknown (when given), so tests can check that every template fills.
  void Expand(std::string_view tmpl, const SlotVars& vars, std::string_view suffix, Rng& rng,
              std::string* out, int* unknown = nullptr) const;
  // Expands a random alternative of `section` (with the suffix rule) and returns it.
  std::string Pick(std::string_view section, const SlotVars& vars, std::string_view suffix,
                   Rng& rng, int* unknown = nullptr) const;

  // Every slot name used anywhere that is neither a section nor in `known_vars`; empty when the
  // file is consistent.
  std::vector<std::string> UnresolvedSlots(const std::vector<std::string>& known_vars) const;

 private:
  const std::vector<std::string>* Section(std::string_view name, std::string_view suffix) const;
  void ExpandRec(std::string_view tmpl, const SlotVars& vars, std::string_view suffix, Rng& rng,
                 std::string* out, int depth, int* unknown) const;

  std::unordered_map<std::string, std::vector<std::string>> sections_;
};

}  // namespace sitrep

#endif  // SITREP_SIM_TEMPLATES_H_
