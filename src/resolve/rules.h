// ResolveRules: the data resolution and reconciliation consult (which attributions count as
// official, how ACLED event types rank when votes tie). Loaded from data/resolve/ once and then
// read-only, so one instance may be shared by any number of threads.
//
// Files (see their header comments): official_sources.txt, event_types.tsv, limits.tsv,
// claim_context.tsv (optional), figure_cues.tsv (optional), attack_methods.tsv (optional).
// The cue phrases are also indexed (PhraseSet) so that a quote is read once against all of them.
#ifndef SITREP_RESOLVE_RULES_H_
#define SITREP_RESOLVE_RULES_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/event.h"

namespace sitrep {

// True for the bytes that make words in cue matching: ASCII letters and digits (std::isalnum in
// the "C" locale, which sitrep never changes). Pure.
constexpr bool IsCueWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return static_cast<unsigned char>(u - '0') < 10 ||
         static_cast<unsigned char>((u | 0x20) - 'a') < 26;
}

// The ASCII lower-case of a text (other bytes unchanged), on the stack when it is short: cue
// matching lower-cases every quote it reads, and most are a sentence.
class AsciiLower {
 public:
  explicit AsciiLower(std::string_view text);
  AsciiLower(const AsciiLower&) = delete;
  AsciiLower& operator=(const AsciiLower&) = delete;
  std::string_view view() const { return {data_, size_}; }

 private:
  char small_[320];
  std::string large_;
  const char* data_;
  size_t size_;
};

// A fixed set of lower-case phrases found as whole words in one pass over a text: a position
// where a phrase may start (the text's first byte or one after a non-word byte) is looked up by
// its first two bytes, so a text is read once whatever the number of phrases. Immutable once
// built; one instance may be shared by any number of threads.
class PhraseSet {
 public:
  PhraseSet() = default;
  // Indexes are positions in `phrases`; empty phrases never match.
  explicit PhraseSet(const std::vector<std::string_view>& phrases);
  size_t size() const { return phrases_.size(); }  // phrases given, empty ones included

  // Calls f(index, begin, end) for every whole-word occurrence [begin, end) of every phrase in
  // `lower` (already lower-case, as the phrases are), overlapping ones included, by begin.
  template <typename F>
  void ForEach(std::string_view lower, F&& f) const {
    ForEachStartingIn(lower, 0, lower.size(), f);
  }
  // ForEach() for the occurrences that begin in [from, to) of `lower` (whole words of all of
  // `lower`: the byte before `from` counts): a caller that only reads phrases near a point need
  // not scan the rest.
  template <typename F>
  void ForEachStartingIn(std::string_view lower, size_t from, size_t to, F&& f) const {
    if (phrases_.empty()) return;  // default-constructed: no bitmap either
    const size_t n = lower.size();
    to = std::min(to, n);
    const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
    size_t pos = from;
    while (pos < to) {
      // A phrase starts only after a non-word byte: the rest of a word is skipped in one tight
      // loop, most bytes being inside words.
      if (pos > 0 && kWordByte[s[pos - 1]]) {
        while (pos < to && kWordByte[s[pos]]) ++pos;
        ++pos;  // past the non-word byte (or `to`): the next candidate start
        continue;
      }
      for (uint32_t i : one_byte_) Try(lower, pos, i, f);
      if (pos + 1 == n) break;
      const uint32_t bigram = static_cast<uint32_t>(s[pos]) << 8 | s[pos + 1];
      const uint64_t word = bigrams_[bigram >> 6];
      const uint64_t bit = uint64_t{1} << (bigram & 63);
      if ((word & bit) != 0) {
        // The phrases of this bigram are a run of by_bigram_: its rank among the bigrams
        // present (the set bits before it) indexes the run's start.
        const uint32_t rank = bigram_rank_[bigram >> 6] + BitCount(word & (bit - 1));
        for (uint32_t k = bigram_start_[rank]; k < bigram_start_[rank + 1]; ++k) {
          Try(lower, pos, static_cast<uint32_t>(by_bigram_[k]), f);
        }
      }
      ++pos;
    }
  }

 private:
  // IsCueWordByte() of every byte value, read once per byte of a scanned text.
  static constexpr std::array<bool, 256> kWordByte = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = IsCueWordByte(static_cast<char>(c));
    return t;
  }();

  // The set bits of v, inline (without -mpopcnt the builtin is a library call per lookup).
  static constexpr uint32_t BitCount(uint64_t v) {
    v -= (v >> 1) & 0x5555555555555555ULL;
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return static_cast<uint32_t>((v * 0x0101010101010101ULL) >> 56);
  }

  template <typename F>
  void Try(std::string_view lower, size_t pos, uint32_t i, F& f) const {
    const std::string& p = phrases_[i];
    const size_t end = pos + p.size();
    if (end > lower.size()) return;
    // The first two bytes matched (the bigram): the third rules out most phrases before the
    // comparison is called.
    if (p.size() > 2 && lower[pos + 2] != p[2]) return;
    if (std::memcmp(lower.data() + pos, p.data(), p.size()) != 0) return;
    if (end < lower.size() && kWordByte[static_cast<unsigned char>(lower[end])]) return;
    f(i, pos, end);
  }

  std::vector<std::string> phrases_;
  // A bit per first two bytes: 1024 words once there are phrases, none in a default instance
  // (callers keep one on the stack as scratch, CueIndexOf, and seldom fill it).
  std::vector<uint64_t> bigrams_;
  std::vector<uint64_t> by_bigram_;  // (first two bytes << 32 | index), sorted
  // Set bits of bigrams_ before each of its words, and where each bigram's run of by_bigram_
  // begins (by rank among the bigrams present; one more entry for the end).
  std::vector<uint32_t> bigram_rank_;
  std::vector<uint32_t> bigram_start_;
  std::vector<uint32_t> one_byte_;  // indexes of one-byte phrases
};

// `index` when it covers `cues` (BuildCueIndexes ran), else an index of their phrases built into
// *scratch: rules edited by hand without re-indexing still read every cue.
template <typename Cue>
const PhraseSet& CueIndexOf(const PhraseSet& index, const std::vector<Cue>& cues,
                            PhraseSet* scratch) {
  if (index.size() == cues.size()) return index;
  std::vector<std::string_view> phrases;
  for (const Cue& cue : cues) phrases.push_back(cue.phrase);
  *scratch = PhraseSet(phrases);
  return *scratch;
}

struct ResolveRules {
  // Lower-cased terms; an attribution is official when it contains one as a whole word sequence.
  std::vector<std::string> official_terms;
  // Rank (0 = highest priority) of "event_type" and "event_type\tsub_event_type".
  std::unordered_map<std::string, int> type_rank;
  // Figures above this are misread numbers (cumulative totals, years), never one incident's.
  double max_plausible_figure = 5000;
  // Articles (wire copies not counted) that must report an event at one fine place on one day
  // before it stands as its own incident there, never joining a neighbouring place's or day's
  // incident that is as well attested (limits.tsv `attested_reports`, an integer >= 1).
  int attested_reports = 2;
  // How many days after a dated incident an undated follow-up report (charges, a trial, a later
  // death) may still join it, when the incident is the only one at the report's fine place over
  // that span (limits.tsv `undated_followup_days`, an integer >= 1). Within
  // ResolveOptions::undated_publish_gap_days the ordinary rules apply; beyond it uniqueness is
  // the evidence, since two incidents at one town weeks apart cannot be told apart by place.
  int undated_followup_days = 90;
  // How far back before an article (its publication, else its latest reported day) an undated
  // background recall looks for the most recent incident at its place (limits.tsv
  // `recall_lookback_days`, an integer >= 1): older attacks are history, not the one it recalls.
  int recall_lookback_days = 365;
  // How many days after an incident a report that names the same suspect (a full name) at the
  // same town or county may still join it, whatever its own date (a hearing, an arrest) or none
  // (limits.tsv `name_followup_days`, an integer >= 1): see NameFollowUp in resolve.cc.
  int name_followup_days = 730;

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
  size_t FindContext(std::string_view text, ContextKind kind,
                     size_t before = std::string_view::npos,
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

  // The phrases of context_cues and figure_cues (same indexes), for reading a quote once
  // against all of them. LoadResolveRules() builds them; whoever changes the cue lists by hand
  // calls BuildCueIndexes(). Readers treat an index whose size differs from its list as missing
  // (and build one for the call).
  PhraseSet context_index;
  PhraseSet figure_index;
  // How far from a figure its cues can stand, made with figure_index: a phrase before the figure
  // starts at most figure_reach_before bytes ahead of it (window plus length), one after it at
  // most figure_reach_after bytes past it; figure_longest is the longest phrase. A negative
  // window (rules made by hand) reaches any distance.
  size_t figure_reach_before = 0, figure_reach_after = 0, figure_longest = 0;
  void BuildCueIndexes();

  // How attacks are carried out (attack_methods.tsv): each listed sub-event type names one method
  // (bit `1 << index`); compatible[i] is the mask of methods one attack may also be reported as
  // (always including i itself).
  std::unordered_map<std::string, uint16_t> method_of;  // sub-event type -> method bit
  std::vector<uint16_t> method_compatible;              // by method index

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
