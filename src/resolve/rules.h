// ResolveRules: the data resolution and reconciliation consult (which attributions count as
// official, how ACLED event types rank when votes tie). Loaded from data/resolve/ once and then
// read-only, so one instance may be shared by any number of threads.
//
// Files (see their header comments): official_sources.txt, event_types.tsv, limits.tsv,
// claim_context.tsv (optional), figure_cues.tsv (optional), attack_methods.tsv (optional).
#ifndef SITREP_RESOLVE_RULES_H_
#define SITREP_RESOLVE_RULES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/event.h"

namespace sitrep {

struct ResolveRules {
  // Lower-cased terms; an attribution is official when it contains one as a whole word sequence.
  std::vector<std::string> official_terms;
  // Rank (0 = highest priority) of "event_type" and "event_type\tsub_event_type".
  std::unordered_map<std::string, int> type_rank;
  // Figures above this are misread numbers (cumulative totals, years), never one incident's.
  double max_plausible_figure = 5000;

  // Sentence cues that take a figure away from the place incident its sentence sits in
  // (claim_context.tsv). kOperation: militants killed in the forces' operations, a separate
  // security-operations incident. kResponse: militants killed by the forces responding ("security
  // forces had killed"): the operations incident after a wave, the attack's own after one attack.
  // kRegion: a province- or country-wide
  // count ("throughout the province"), the wave's. kEarlier: an earlier event recalled relative
  // to the article's ("a day after the military said ..."), `days` before it; only figures after
  // the cue are recalled.
  enum class ContextKind : uint8_t { kOperation, kResponse, kRegion, kEarlier };
  struct ContextCue {
    ContextKind kind = ContextKind::kOperation;
    std::string phrase;  // lower-case, matched as whole words
    int days = 0;        // kEarlier: how many days before the article's event
  };
  std::vector<ContextCue> context_cues;

  // The first cue of `kind` in `text` (whole words, case-insensitive) ending at or before
  // `before` (npos = anywhere): its byte offset just past the phrase, or npos.
  size_t FindContext(std::string_view text, ContextKind kind, size_t before = std::string_view::npos,
                     const ContextCue** cue = nullptr) const;
  // Calls f(cue, begin, end) for each whole-word occurrence in `lower` (already lower-case) of
  // each cue of `kind`, cue by cue, in text order; f returns false to go on to the next cue.
  void ForEachContext(std::string_view lower, ContextKind kind,
                      const std::function<bool(const ContextCue&, size_t, size_t)>& f) const;

  // Words beside a figure that say what kind of statement it is (figure_cues.tsv), read by
  // reconciliation. kPartisan: the perpetrators' own claim ("the attackers claimed to have
  // killed"), the high end, never the best. kUpdate: a risen toll ("climbed to"), newer than any
  // smaller figure. kSuperseded: an earlier toll recalled ("up from", "an earlier toll of"),
  // a lower bound, never the best.
  enum class FigureCueKind : uint8_t { kPartisan, kUpdate, kSuperseded };
  struct FigureCue {
    FigureCueKind kind = FigureCueKind::kPartisan;
    bool before = true;  // the phrase stands before the figure (else after it)
    int window = 60;     // at most this many bytes between phrase and figure
    std::string phrase;  // lower-case, matched as whole words
  };
  std::vector<FigureCue> figure_cues;

  // How attacks are carried out (attack_methods.tsv): each listed sub-event type names one method
  // (bit `1 << index`); compatible[i] is the mask of methods one attack may also be reported as
  // (always including i itself).
  std::unordered_map<std::string, uint16_t> method_of;  // sub-event type -> method bit
  std::vector<uint16_t> method_compatible;               // by method index

  bool IsOfficial(std::string_view attributed_to) const;
  // The method bit of a sub-event type; 0 when it names no method.
  uint16_t MethodOf(std::string_view sub_type) const;
  // True when reports naming the methods in `a` and those in `b` (masks of MethodOf bits) cannot
  // be of one attack: both name one, and no method of `a` is compatible with any of `b`.
  bool MethodsConflict(uint16_t a, uint16_t b) const;
  // Rank of a type or (type, sub-type); a large number when unknown.
  int TypeRank(std::string_view type, std::string_view sub_type = {}) const;
};

// Reads <dir>/official_sources.txt, <dir>/event_types.tsv and (optional) <dir>/limits.tsv.
// Errors name the file and line.
[[nodiscard]] Result<ResolveRules> LoadResolveRules(const std::string& dir);

// True when a town or district bears its own province's name ("Mopti" in Mopti Region, "Donetsk"
// in Donetska oblast, "Balkh" in Balkh): a bare mention of that name may mean the province, as
// headlines and follow-up sentences often use it. The province's name may add an adjectival
// ending of up to three letters before its unit word ("Donetsk" / "Donetska oblast"). Pure.
bool NamesItsProvince(const Place& place);

// The rules under DataPath("resolve"), loaded on first use (thread-safe). When the files cannot be
// read the rules are empty: resolution still works, without official preference or type ranks.
const ResolveRules& DefaultResolveRules();

}  // namespace sitrep

#endif  // SITREP_RESOLVE_RULES_H_
