// Reconciliation: many reported figures for one quantity -> one {low, best, high}.
//
// Input claims are the figures sources gave for one incident (or story). Reconcile() treats all
// claims it is given as estimates of ONE quantity (the caller groups them by field and category);
// ReconcileField() does the grouping for one field and combines the total with its categories.
//
// Semantics (each claim reads as an interval):
//   exact 23 -> [23,23]; at_least 23 -> [23,inf); more_than 60 -> [61,inf); about 20 -> ~[16,25];
//   range 10-12 -> [10,12]; up_to 30 -> [0,30]; vague ("dozens") -> its [low,high], used only when
//   nothing more precise exists. So "at least 23" and "23" agree, and "more than 60" and "74"
//   agree. Claims are ranked in tiers: specific (exact, at_least, more_than) > about > range >
//   up_to > vague; `best` is chosen from the most precise tier present. Claims with Scope::kPart
//   ("38 in three of the assaults") are lower bounds: they never contradict, they raise
//   `best`/`low` to at least their value, and they stand alone only when nothing else is known.
//   Claims with independent == false (wire copies) take part only when no independent claim
//   exists, so a copied figure never outvotes.
//
// What the words beside a figure say (data/resolve/figure_cues.tsv, read from the claim's quote):
//   partisan ("the attackers claimed to have killed 98"): the perpetrators' own count; it raises
//     `high` but never gives `best`, nor a category floor for the total.
//   superseded ("up from 40", "an earlier toll of 40"): an earlier toll recalled; only `low`.
//   update ("the toll climbed to 149"): newer than any smaller figure not dated after it, so
//     under `latest` it wins even over dated figures when its own article is undated.
// These, and (in ReconcileField) a document's total below the sum of its own categories, vote
// for `best` only when nothing else is left.
//
// Policies (`best`):
//   latest (alias "default"): the most recently published specific figure; on the same day an
//     official attribution (data/resolve/official_sources.txt) wins, then the figure given by the
//     most documents, then the larger one. Death tolls rise as bodies are counted, so a later
//     figure supersedes an earlier one. An open-ended latest figure ("more than 30", "at least
//     128") is rounded or provisional: the largest specific figure within a quarter above its
//     floor ("32", "149") is taken instead.
//   conservative: the lowest credible specific figure (ACLED-style).
//   likely: the median of the independent specific figures, one per document (its largest), the
//     lower median for an even count (UCDP-style "best").
// For every policy: low = the smallest lower bound among the claims (the lowest credible count),
// high = the largest value any claim gives (at_least/more_than count as their number; an
// approximate one, its upper bound: "une vingtaine" [17,24] and "about 20" ~[18,22] give 24 and
// 22, vague "dozens" [24,99] 99), and low <= best <= high.
//
// Figures above rules.max_plausible_figure (data/resolve/limits.tsv) are left out as misreadings.
// Outliers: with three or more claims, a figure above ten times their (lower) median is left out
// as a misread number (a year, a count of something else), and the rationale says so.
//
// Contradictions: two independent claims from different documents whose intervals are disjoint
// (exact 10 vs exact 35), unless time explains them: a later, higher figure is an update, not a
// contradiction. Parts and vague claims never contradict.
//
// Thread safety: pure functions; safe from any thread.
#ifndef SITREP_RESOLVE_RECONCILE_H_
#define SITREP_RESOLVE_RECONCILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/event.h"
#include "model/incident.h"
#include "resolve/rules.h"

namespace sitrep {

enum class Policy { kLatest, kConservative, kLikely };

// "default" and "latest" -> kLatest; "conservative"; "likely". Anything else is InvalidArgument.
[[nodiscard]] Result<Policy> ParsePolicy(std::string_view name);
const char* PolicyName(Policy policy);

struct ReconcileResult {
  std::optional<Figure> figure;  // nullopt when there are no claims
  std::vector<Contradiction> contradictions;
  std::string rationale;  // one line: which claim gave best, where low/high came from
};

// Reconciles claims that all measure the same quantity. `field_name` labels contradictions.
ReconcileResult ReconcileClaims(const std::vector<Claim>& claims, Policy policy,
                                std::string_view field_name,
                                const ResolveRules& rules = DefaultResolveRules());

// The short form: the figure (nullopt when no claims); contradictions appended to *out if given.
std::optional<Figure> Reconcile(const std::vector<Claim>& claims, Policy policy,
                                std::vector<Contradiction>* out);

// One field of one incident: its total and, per category, its parts.
//   total = reconciled from uncategorised claims; it is raised to at least the largest sum of
//   categories given by any single document ("4 police and 5 civilians" -> at least 9). When no
//   source gives a total, it is the sum of the reconciled categories.
struct FieldFigures {
  std::optional<Figure> total;
  std::map<std::string, Figure> by_category;  // CategoryName() -> figure
  std::vector<Contradiction> contradictions;
  std::vector<std::string> notes;  // rationale lines for Incident::why
};

// "at least 23", "more than 60", "23", "about 20", "10-12", "up to 30", "dozens (24)".
std::string DescribeClaimFigure(const Claim& claim);

// What the words beside a claim's figure say about it (figure_cues.tsv; see above): the
// perpetrators' own count, a risen toll, an earlier toll recalled. All false when the claim's
// figure span does not lie in its quote or the rules have no cues.
struct FigureCues {
  bool partisan = false;
  bool update = false;
  bool superseded = false;
};
FigureCues ReadFigureCues(const Claim& claim, const ResolveRules& rules = DefaultResolveRules());
// ReadFigureCues() of each claim, in order.
std::vector<FigureCues> ReadFigureCues(const std::vector<Claim>& claims,
                                       const ResolveRules& rules = DefaultResolveRules());

// One field of one incident (see FieldFigures above).
FieldFigures ReconcileField(const std::vector<Claim>& claims, Field field, Policy policy,
                            const ResolveRules& rules = DefaultResolveRules());
// The same, given each claim's cues read before (cues[i] = ReadFigureCues(claims[i], rules)), so
// that a caller that read them when it first had the claim does not read every quote again. When
// cues.size() != claims.size() they are read here, as above.
FieldFigures ReconcileField(const std::vector<Claim>& claims, const std::vector<FigureCues>& cues,
                            Field field, Policy policy,
                            const ResolveRules& rules = DefaultResolveRules());

}  // namespace sitrep

#endif  // SITREP_RESOLVE_RECONCILE_H_
