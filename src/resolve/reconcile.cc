#include "resolve/reconcile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <tuple>

namespace sitrep {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr size_t kMaxContradictions = 16;
constexpr double kOutlierFactor = 10;

// Precision tiers, most precise first.
enum Tier { kSpecific = 0, kApprox = 1, kRanged = 2, kCeiling = 3, kVagueTier = 4 };

struct View {
  const Claim* claim;
  Tier tier;
  double point;  // the number this claim proposes as best
  double lb;     // its lower bound (0 when it gives none)
  double ub;     // its upper bound (inf when open)
  double top;    // its contribution to `high`: the largest number it states or, when it only
                 // approximates, allows ("une vingtaine": 24)
  // What its words say about it (figure_cues.tsv): the perpetrators' own count, a risen toll,
  // an earlier toll recalled.
  bool partisan = false;
  bool update = false;
  bool superseded = false;
};

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How far from a figure the cues of `rules` can stand (see ResolveRules::figure_reach_before):
// as BuildCueIndexes() worked it out when the index covers the cues, else worked out here.
struct CueReach {
  size_t before = 0, after = 0, longest = 0;
};
CueReach ReachOf(const ResolveRules& rules) {
  if (rules.figure_index.size() == rules.figure_cues.size()) {
    return {rules.figure_reach_before, rules.figure_reach_after, rules.figure_longest};
  }
  ResolveRules indexed;
  indexed.figure_cues = rules.figure_cues;
  indexed.BuildCueIndexes();
  return {indexed.figure_reach_before, indexed.figure_reach_after, indexed.figure_longest};
}

// Sets the cue flags of `w` from the words beside its figure in the quote. The figure must lie
// inside the quoted span; a cue counts only on its side, within its window, with no other number
// in between (so "killed 20; the group claimed to have killed 50" marks only the 50).
void ReadCues(const ResolveRules& rules, const CueReach& reach, View* w) {
  const Claim& c = *w->claim;
  if (rules.figure_cues.empty() || c.figure_span.empty()) return;
  if (c.figure_span.begin < c.span.begin || c.figure_span.end > c.span.end ||
      c.quote.size() != c.span.size()) {
    return;
  }
  PhraseSet built;
  const PhraseSet* index = &CueIndexOf(rules.figure_index, rules.figure_cues, &built);
  const size_t fb = c.figure_span.begin - c.span.begin;
  const size_t fe = c.figure_span.end - c.span.begin;
  // Only cues within reach of the figure can count: the rest of the sentence is neither
  // lower-cased nor read. The piece read keeps the byte before its first phrase start and the
  // byte after its last phrase end, so whole words are judged as in the full quote.
  const size_t from = fb > reach.before ? fb - reach.before : 0;
  const size_t to = std::min(c.quote.size(), fe + std::min(reach.after, c.quote.size()) + 1);
  const size_t lo = from > 0 ? from - 1 : 0;
  const size_t hi = std::min(c.quote.size(), to + reach.longest + 1);
  const AsciiLower lower(std::string_view(c.quote).substr(lo, hi - lo));
  const std::string_view text = lower.view();
  const size_t pb = fb - lo, pe = fe - lo;  // the figure in `text`
  // Each flag is set when any occurrence of a cue of its kind stands on the cue's side of the
  // figure, within its window, with no digit in between.
  index->ForEachStartingIn(text, from - lo, to - lo, [&](uint32_t i, size_t pos, size_t end) {
    const ResolveRules::FigureCue& cue = rules.figure_cues[i];
    bool* flag = cue.kind == ResolveRules::FigureCueKind::kPartisan ? &w->partisan
                 : cue.kind == ResolveRules::FigureCueKind::kUpdate ? &w->update
                                                                    : &w->superseded;
    if (*flag) return;
    const size_t window = static_cast<size_t>(cue.window);
    if (cue.before) {
      if (end <= pb && pb - end <= window && !HasDigit(text.substr(end, pb - end))) *flag = true;
    } else if (pos >= pe && pos - pe <= window && !HasDigit(text.substr(pe, pos - pe))) {
      *flag = true;
    }
  });
}

std::string Num(double v) {
  char buf[32];
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    // A whole number below 1e15 is an exact int64: "%.0f" prints its digits (and "-0" for -0).
    if (v != 0 || !std::signbit(v)) return std::to_string(static_cast<int64_t>(v));
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

View MakeView(const Claim& c) {
  const double v = c.value;
  View w{&c, kSpecific, v, v, v, v, false, false, false};
  switch (c.qualifier) {
    case Qualifier::kExact:
      break;
    case Qualifier::kAtLeast:
      w.ub = kInf;
      break;
    case Qualifier::kMoreThan:
      w.point = w.lb = std::floor(v) + 1;
      w.ub = kInf;
      w.top = w.point;
      break;
    case Qualifier::kAbout:
      w.tier = kApprox;
      w.lb = (c.low > 0 && c.low <= v) ? c.low : std::floor(v * 0.8);
      w.ub = (c.high >= v && c.high > 0) ? c.high : std::ceil(v * 1.25);
      w.top = w.ub;  // "une vingtaine" may be 24: the range, not only the round number
      break;
    case Qualifier::kRange:
      w.tier = kRanged;
      w.lb = c.low;
      w.ub = c.high >= c.low ? c.high : c.low;
      w.point = (v >= w.lb && v <= w.ub && v > 0) ? v : (w.lb + w.ub) / 2;
      w.top = w.ub;
      break;
    case Qualifier::kUpTo:
      w.tier = kCeiling;
      w.lb = 0;
      w.ub = v;
      break;
    case Qualifier::kVague:
      w.tier = kVagueTier;
      w.lb = c.low;
      w.ub = c.high > 0 ? c.high : kInf;
      w.point = c.low > 0 ? c.low : v;
      w.top = std::isfinite(w.ub) ? std::max(w.ub, w.point) : w.point;  // "dozens": up to 99
      break;
  }
  return w;
}

double LowerMedian(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[(v.size() - 1) / 2];
}

// True when a (earlier or same day) and b cannot both hold and time does not explain it.
bool Contradicts(const View& a, const View& b) {
  if (a.tier == kVagueTier || b.tier == kVagueTier) return false;
  const bool disjoint = a.ub < b.lb || b.ub < a.lb;
  if (!disjoint) return false;
  const CivilDate& pa = a.claim->published;
  const CivilDate& pb = b.claim->published;
  if (pa.valid() && pb.valid() && pa != pb) {
    const View& early = pa < pb ? a : b;
    const View& late = pa < pb ? b : a;
    if (early.ub < late.lb) return false;  // the toll rose: an update
  }
  return true;
}

// A document's total below the sum of its own categories counts one victim or an earlier toll,
// not the toll: doc_id -> that sum (see ReconcileField).
// Keys view the claims' doc_id.
using DocFloors = std::map<std::string_view, double>;

// The view of each claim (of `field` only, when given), its cues read: reconciling a field reads
// each claim several times, and its cues once. Pointers into `claims`.
// With `cues` (one per claim, read before) the quotes are not read again.
std::vector<View> ReadViews(const std::vector<Claim>& claims, const ResolveRules& rules,
                            std::optional<Field> field = std::nullopt,
                            const std::vector<FigureCues>* cues = nullptr) {
  std::vector<View> views;
  views.reserve(claims.size());
  std::optional<CueReach> reach;  // worked out when a quote is read
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (field && c.field != *field) continue;
    views.push_back(MakeView(c));
    View& w = views.back();
    if (cues != nullptr) {
      w.partisan = (*cues)[i].partisan;
      w.update = (*cues)[i].update;
      w.superseded = (*cues)[i].superseded;
    } else {
      if (!reach) reach = ReachOf(rules);
      ReadCues(rules, *reach, &w);
    }
  }
  return views;
}

ReconcileResult ReconcileImpl(const std::vector<const View*>& views, Policy policy,
                              std::string_view field_name, const ResolveRules& rules,
                              const DocFloors* doc_floors);

}  // namespace

Result<Policy> ParsePolicy(std::string_view name) {
  if (name == "default" || name == "latest") return Policy::kLatest;
  if (name == "conservative") return Policy::kConservative;
  if (name == "likely") return Policy::kLikely;
  return InvalidArgument("unknown best policy '" + std::string(name) +
                         "' (expected default, latest, conservative or likely)");
}

const char* PolicyName(Policy policy) {
  switch (policy) {
    case Policy::kLatest:
      return "latest";
    case Policy::kConservative:
      return "conservative";
    case Policy::kLikely:
      return "likely";
  }
  return "latest";
}

FigureCues ReadFigureCues(const Claim& claim, const ResolveRules& rules) {
  View w{&claim, kSpecific, 0, 0, 0, 0};
  ReadCues(rules, ReachOf(rules), &w);
  return {w.partisan, w.update, w.superseded};
}

std::vector<FigureCues> ReadFigureCues(const std::vector<Claim>& claims,
                                       const ResolveRules& rules) {
  std::vector<FigureCues> out;
  out.reserve(claims.size());
  if (claims.empty()) return out;
  const CueReach reach = ReachOf(rules);
  for (const Claim& c : claims) {
    View w{&c, kSpecific, 0, 0, 0, 0};
    ReadCues(rules, reach, &w);
    out.push_back({w.partisan, w.update, w.superseded});
  }
  return out;
}

std::string DescribeClaimFigure(const Claim& c) {
  switch (c.qualifier) {
    case Qualifier::kExact:
      return Num(c.value);
    case Qualifier::kAtLeast:
      return "at least " + Num(c.value);
    case Qualifier::kMoreThan:
      return "more than " + Num(c.value);
    case Qualifier::kAbout:
      return "about " + Num(c.value);
    case Qualifier::kRange:
      return Num(c.low) + "-" + Num(c.high);
    case Qualifier::kUpTo:
      return "up to " + Num(c.value);
    case Qualifier::kVague:
      return "vague " + Num(c.low) + "-" + Num(c.high);
  }
  return Num(c.value);
}

ReconcileResult ReconcileClaims(const std::vector<Claim>& claims, Policy policy,
                                std::string_view field_name, const ResolveRules& rules) {
  const std::vector<View> views = ReadViews(claims, rules);
  std::vector<const View*> ptrs;
  ptrs.reserve(views.size());
  for (const View& v : views) ptrs.push_back(&v);
  return ReconcileImpl(ptrs, policy, field_name, rules, nullptr);
}

namespace {

ReconcileResult ReconcileImpl(const std::vector<const View*>& views, Policy policy,
                              std::string_view field_name, const ResolveRules& rules,
                              const DocFloors* doc_floors) {
  ReconcileResult out;
  std::vector<View> whole, parts;
  for (const View* v : views) {
    const Claim& c = *v->claim;
    if (!(c.value >= 0) || !std::isfinite(c.value)) continue;  // NaN or garbage: ignore
    if (c.value > rules.max_plausible_figure) {
      out.rationale = "left out " + Num(c.value) + " from " + c.doc_id + " (implausible); ";
      continue;
    }
    (c.scope == Scope::kPart ? parts : whole).push_back(*v);
  }
  if (whole.empty() && parts.empty()) return out;

  Figure f;
  std::string why = std::move(out.rationale);

  // A figure ten times the median of at least three others is a misread number (a year, a
  // count of something else), not a toll: it is left out.
  if (whole.size() >= 3) {
    std::vector<double> points;
    for (const View& w : whole) points.push_back(w.point);
    const double limit = kOutlierFactor * std::max(1.0, LowerMedian(points));
    size_t before = whole.size();
    whole.erase(
        std::remove_if(whole.begin(), whole.end(), [&](const View& w) { return w.point > limit; }),
        whole.end());
    if (whole.size() < before) {
      why +=
          std::to_string(before - whole.size()) + " outlier(s) above " + Num(limit) + " left out; ";
    }
  }
  if (!whole.empty()) {
    // Wire copies take part only when nothing independent exists. The perpetrators' own count,
    // an earlier toll recalled and a document's total below its own categories do not vote
    // either (they still set low/high), unless nothing else is left.
    auto below_floor = [&](const View& w) {
      if (doc_floors == nullptr) return false;
      auto it = doc_floors->find(w.claim->doc_id);
      return it != doc_floors->end() && w.tier <= kApprox && w.point < it->second;
    };
    std::vector<const View*> pool;
    size_t partisan = 0, superseded = 0, under = 0;
    for (const View& w : whole) {
      if (!w.claim->independent) continue;
      if (w.partisan) {
        ++partisan;
      } else if (w.superseded) {
        ++superseded;
      } else if (below_floor(w)) {
        ++under;
      } else {
        pool.push_back(&w);
      }
    }
    if (pool.empty()) {
      for (const View& w : whole) {
        if (!w.partisan && !w.superseded && !below_floor(w)) pool.push_back(&w);
      }
      if (!pool.empty()) why += "only wire copies; ";
    }
    if (pool.empty()) {
      for (const View& w : whole) pool.push_back(&w);
      partisan = superseded = under = 0;
    }
    if (partisan > 0) why += std::to_string(partisan) + " perpetrators' claim(s) only for high; ";
    if (superseded > 0) why += std::to_string(superseded) + " earlier toll(s) only for low; ";
    if (under > 0) why += std::to_string(under) + " total(s) below their own categories; ";
    Tier tier = kVagueTier;
    for (const View* w : pool) tier = std::min(tier, w->tier);
    std::vector<const View*> cands;
    for (const View* w : pool) {
      if (w->tier == tier) cands.push_back(w);
    }
    const View* chosen = nullptr;
    switch (policy) {
      case Policy::kLatest: {
        // Same day: official first, then the figure most documents give, then the larger.
        std::map<double, std::set<std::string_view>> support;  // views of the claims' doc_id
        for (const View* w : cands) support[w->point].insert(w->claim->doc_id);
        // An undated report has no place in time: it counts as being as recent as the latest
        // dated one (it was clustered with it), so that a date alone does not win.
        CivilDate newest;
        for (const View* w : cands) newest = std::max(newest, w->claim->published);
        auto when = [&](const View* w) {
          return w->claim->published.valid() ? w->claim->published : newest;
        };
        auto key = [&](const View* w) {
          return std::make_tuple(when(w), rules.IsOfficial(w->claim->attributed_to),
                                 support[w->point].size(), w->point);
        };
        // Each candidate's key once (an attribution is matched against the official terms
        // once, not at every comparison); the first largest wins.
        std::vector<decltype(key(chosen))> keys;
        keys.reserve(cands.size());
        for (const View* w : cands) keys.push_back(key(w));
        size_t top = 0;
        for (size_t i = 1; i < cands.size(); ++i) {
          if (keys[i] > keys[top]) top = i;
        }
        chosen = cands[top];
        // "The toll climbed to N": newer than any smaller figure unless dated before it.
        // Of several, the latest, then the largest (ties by document, for a stable rationale).
        const View* risen = nullptr;
        auto risen_key = [](const View* w) {
          return std::make_tuple(w->claim->published, w->point, std::string_view(w->claim->doc_id));
        };
        for (const View* w : cands) {
          if (!w->update || w->point <= chosen->point) continue;
          if (w->claim->published.valid() && chosen->claim->published.valid() &&
              w->claim->published < chosen->claim->published) {
            continue;
          }
          if (risen == nullptr || risen_key(w) > risen_key(risen)) risen = w;
        }
        if (risen != nullptr) {
          chosen = risen;
          why += "risen toll; ";
        }
        // An open-ended latest figure ("more than 30", "at least 128") is rounded or provisional:
        // a larger specific figure it admits, within a quarter above its floor, is the count. An
        // exact figure of the same day (or both undated) is as recent and agrees with it at any
        // size: the open-ended one is only its floor ("a toll exceeding 60" beside "115 were
        // killed"). Not so another open-ended one ("at least 30"), nor one whose own document
        // also gives a figure no larger than the floor: that document counts something else
        // with it ("at least 18 were killed ... in 2019, 30 people died"); nor one fewer
        // documents give than the floor.
        auto far_refiner = [&](const View* w) {
          if (when(w) != when(chosen) || w->claim->qualifier != Qualifier::kExact) return false;
          if (support[w->point].size() < support[chosen->point].size()) return false;
          return std::none_of(cands.begin(), cands.end(), [&](const View* o) {
            return o->claim->doc_id == w->claim->doc_id && o->point <= chosen->point;
          });
        };
        if (chosen->claim->qualifier == Qualifier::kAtLeast ||
            chosen->claim->qualifier == Qualifier::kMoreThan) {
          const View* refined = nullptr;
          for (const View* w : cands) {
            if (w->point <= chosen->point) continue;
            if (w->point > std::ceil(chosen->lb * 1.25) && !far_refiner(w)) continue;
            if (refined == nullptr || w->point > refined->point ||
                (w->point == refined->point && w->claim->doc_id < refined->claim->doc_id)) {
              refined = w;
            }
          }
          if (refined != nullptr) {
            why += "refines " + DescribeClaimFigure(*chosen->claim) + "; ";
            chosen = refined;
          }
        }
        f.best = chosen->point;
        break;
      }
      case Policy::kConservative: {
        chosen = cands.front();
        for (const View* w : cands) {
          if (w->point < chosen->point) chosen = w;
        }
        f.best = chosen->point;
        break;
      }
      case Policy::kLikely: {
        std::map<std::string, double> per_doc;  // a document's largest figure
        for (const View* w : cands) {
          auto [it, fresh] = per_doc.emplace(w->claim->doc_id, w->point);
          if (!fresh) it->second = std::max(it->second, w->point);
        }
        std::vector<double> values;
        for (const auto& [doc, v] : per_doc) values.push_back(v);
        f.best = LowerMedian(std::move(values));
        for (const View* w : cands) {
          if (w->point == f.best) {
            chosen = w;
            break;
          }
        }
        break;
      }
    }
    // Appended part by part: this runs for every field of every incident.
    why += PolicyName(policy);
    why += " best ";
    why += Num(f.best);
    if (chosen != nullptr) {
      why += " (";
      why += DescribeClaimFigure(*chosen->claim);
      why += " from ";
      why += chosen->claim->doc_id;
      if (!chosen->claim->attributed_to.empty()) {
        why += ", ";
        why += chosen->claim->attributed_to;
      }
      if (chosen->claim->published.valid()) {
        why += ", ";
        why += chosen->claim->published.ToIso();
      }
      why += ")";
    }
    if (pool.size() < whole.size()) {
      why += "; " + std::to_string(whole.size() - pool.size()) + " wire-copy claim(s) not voting";
    }

    // low: the smallest lower bound stated; high: the largest number stated. Vague claims only
    // count when they are all there is.
    double low = kInf, high = 0;
    for (const View& w : whole) {
      if (w.tier == kVagueTier && tier != kVagueTier) continue;
      if (w.tier != kCeiling) low = std::min(low, w.lb);
      high = std::max(high, w.top);
    }
    if (!std::isfinite(low)) low = f.best;
    f.low = std::min(low, f.best);
    f.high = std::max(high, f.best);

    // Contradictions between independent sources.
    std::set<std::string> seen;
    for (size_t i = 0; i < whole.size(); ++i) {
      for (size_t j = i + 1; j < whole.size(); ++j) {
        const View& a = whole[i];
        const View& b = whole[j];
        if (!a.claim->independent || !b.claim->independent) continue;
        if (a.claim->doc_id == b.claim->doc_id) continue;  // an article updating itself
        if (!Contradicts(a, b)) continue;
        const View& x = a.claim->doc_id < b.claim->doc_id ? b : a;
        const View& y = a.claim->doc_id < b.claim->doc_id ? a : b;
        std::string desc = x.claim->doc_id + " says " + DescribeClaimFigure(*x.claim) + ", " +
                           y.claim->doc_id + " says " + DescribeClaimFigure(*y.claim);
        if (x.claim->category != Category::kUnknown) {
          desc += " (" + std::string(CategoryName(x.claim->category)) + ")";
        }
        if (!seen.insert(desc).second) continue;
        if (out.contradictions.size() >= kMaxContradictions) break;
        out.contradictions.push_back({std::string(field_name), std::move(desc)});
      }
    }
  }

  if (!parts.empty()) {
    double part_max = 0;
    const Claim* part_claim = nullptr;
    for (const View& w : parts) {
      if (part_claim == nullptr || w.point > part_max) {
        part_max = w.point;
        part_claim = w.claim;
      }
    }
    if (whole.empty()) {
      f.low = f.best = f.high = part_max;
      why = "only partial counts: best = largest part " + Num(part_max) + " (" +
            part_claim->doc_id + ")";
    } else if (part_max > f.best) {
      f.best = part_max;
      f.high = std::max(f.high, part_max);
      why += "; raised to partial count " + Num(part_max) + " (" + part_claim->doc_id + ")";
    }
    if (!whole.empty()) {
      why += "; " + std::to_string(parts.size()) + " partial count(s) read as lower bounds";
    }
  }
  why += "; low ";
  why += Num(f.low);
  why += " high ";
  why += Num(f.high);
  out.figure = f;
  out.rationale = std::move(why);
  return out;
}

}  // namespace

std::optional<Figure> Reconcile(const std::vector<Claim>& claims, Policy policy,
                                std::vector<Contradiction>* out) {
  if (claims.empty()) return std::nullopt;
  ReconcileResult r = ReconcileClaims(claims, policy, FieldName(claims.front().field));
  if (out != nullptr) {
    out->insert(out->end(), r.contradictions.begin(), r.contradictions.end());
  }
  return r.figure;
}

FieldFigures ReconcileField(const std::vector<Claim>& claims, Field field, Policy policy,
                            const ResolveRules& rules) {
  return ReconcileField(claims, {}, field, policy, rules);
}

FieldFigures ReconcileField(const std::vector<Claim>& claims, const std::vector<FigureCues>& cues,
                            Field field, Policy policy, const ResolveRules& rules) {
  FieldFigures out;
  const std::string name = FieldName(field);
  // Every claim of the field is viewed once; the passes below share the views.
  const std::vector<View> views =
      ReadViews(claims, rules, field, cues.size() == claims.size() ? &cues : nullptr);
  std::vector<const View*> totals;
  std::map<Category, std::vector<const View*>> by_cat;
  for (const View& v : views) {
    if (v.claim->category == Category::kUnknown) {
      totals.push_back(&v);
    } else {
      by_cat[v.claim->category].push_back(&v);
    }
  }
  auto take = [&](ReconcileResult r, std::string label) {
    for (Contradiction& c : r.contradictions) out.contradictions.push_back(std::move(c));
    if (r.figure) {
      label += ": ";
      label += r.rationale;
      out.notes.push_back(std::move(label));
    }
    return r.figure;
  };
  // The split each document gives: per document and category its largest specific figure
  // (the perpetrators' count and earlier tolls left out).
  std::map<std::string_view, std::map<Category, double>> doc_cat;  // views of claims' doc_id
  for (const auto& [cat, vs] : by_cat) {
    for (const View* w : vs) {
      const Claim& c = *w->claim;
      if (c.scope == Scope::kPart) continue;
      if (w->tier > kApprox) continue;
      if (w->partisan || w->superseded) continue;
      double& slot = doc_cat[c.doc_id][cat];
      slot = std::max(slot, w->point);
    }
  }
  DocFloors doc_floors;
  for (const auto& [doc, cats] : doc_cat) {
    double s = 0;
    for (const auto& [cat, v] : cats) s += v;
    doc_floors[doc] = s;
  }
  Figure cat_sum;
  for (const auto& [cat, cs] : by_cat) {
    std::optional<Figure> f =
        take(ReconcileImpl(cs, policy, name, rules, nullptr), name + "/" + CategoryName(cat));
    if (!f) continue;
    out.by_category[CategoryName(cat)] = *f;
    cat_sum.low += f->low;
    cat_sum.best += f->best;
    cat_sum.high += f->high;
  }
  out.total = take(ReconcileImpl(totals, policy, name, rules, &doc_floors), name);
  if (by_cat.empty()) return out;

  if (!out.total) {
    out.total = cat_sum;
    out.notes.push_back(name + ": no total given; sum of categories " + Num(cat_sum.best));
  }
  // The largest split one document gives is a floor for the total (no death counted twice: the
  // categories of one document are disjoint by construction, across documents they may not be).
  // It holds also when no total is given: the latest figure of each category may come from
  // different documents and add up to less than one document's own split ("3 victims and the
  // shooter" = 4, then a later "2 children" leaves the sum at 3).
  double floor_sum = 0;
  std::string_view floor_doc;
  for (const auto& [doc, s] : doc_floors) {
    if (s > floor_sum) {
      floor_sum = s;
      floor_doc = doc;
    }
  }
  if (floor_sum > out.total->best) {
    out.total->best = floor_sum;
    out.total->high = std::max(out.total->high, floor_sum);
    out.notes.push_back(name + ": raised to " + Num(floor_sum) + ", the sum of categories in " +
                        std::string(floor_doc));
  }
  return out;
}

}  // namespace sitrep
