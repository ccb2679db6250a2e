#include "extract/actors.h"

#include <algorithm>
#include <cstdlib>

namespace sitrep {
namespace {

using Responsibility = ActorMention::Responsibility;

std::string AlnumOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// Acronyms ("IS", "BLA", "TRF") must be matched in capitals: "is" is a verb.
// A short alias matched case-sensitively: all capitals ("TTP", "IS") or mixed case with two
// capitals or more ("LeT", "JuD"), so the words "is" and "let" are not groups.
bool IsAcronym(std::string_view alias) {
  int letters = 0, upper = 0, lower = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') ++lower;
    if (c >= 'A' && c <= 'Z') ++upper;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ++letters;
    if (c == ' ') return false;
  }
  if (lower > 0 && upper < 2) return false;
  return letters > 0 && letters <= 6;
}

bool ParseClass(std::string_view s, ActorClass* out, bool* anaphor) {
  *anaphor = false;
  if (s == "armed_group")
    *out = ActorClass::kArmedGroup;
  else if (s == "state_force")
    *out = ActorClass::kStateForce;
  else if (s == "militants")
    *out = ActorClass::kMilitants;
  else if (s == "civilians")
    *out = ActorClass::kCivilians;
  else if (s == "other")
    *out = ActorClass::kOther;
  else if (s == "anaphor") {
    *out = ActorClass::kArmedGroup;
    *anaphor = true;
  } else
    return false;
  return true;
}

// A word of two or more letters, all capitals ("THE", "GRAPHIC").
bool AllCapsWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool IsCapitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

Result<std::unique_ptr<ActorLexicon>> ActorLexicon::Load(const std::string& dir) {
  std::unique_ptr<ActorLexicon> lex(new ActorLexicon());
  Status st = ForEachTsvRow(dir + "/actors.tsv", 3, [&](const auto& cols, int) -> Status {
    Entry e;
    e.canonical = std::string(cols[0]);
    if (!ParseClass(cols[1], &e.actor_class, &e.anaphor)) {
      return InvalidArgument("unknown actor class '" + std::string(cols[1]) + "'");
    }
    uint32_t id = static_cast<uint32_t>(lex->entries_.size());
    lex->entries_.push_back(std::move(e));
    std::vector<std::string_view> names = SplitBar(cols[2]);
    if (!lex->entries_.back().anaphor) names.push_back(cols[0]);
    for (std::string_view name : names) {
      Alias a;
      a.entry = id;
      if (IsAcronym(name)) a.exact = AlnumOnly(name);
      lex->alias_trie_.Add(name, static_cast<uint32_t>(lex->aliases_.size()));
      lex->aliases_.push_back(std::move(a));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = ForEachTsvRow(dir + "/responsibility.tsv", 3, [&](const auto& cols, int) -> Status {
    if (cols[1] == "affiliation") {
      uint32_t side;
      if (cols[2] == "before")
        side = kAffiliateBefore;
      else if (cols[2] == "after")
        side = kAffiliateAfter;
      else if (cols[2] == "noun")
        side = kAffiliateNoun;
      else
        return InvalidArgument("an affiliation cue stands before or after its group, or is a noun");
      for (std::string_view p : SplitBar(cols[0])) lex->affiliation_trie_.Add(p, side);
      return Status::Ok();
    }
    Cue cue;
    if (cols[1] == "claimed")
      cue.kind = Responsibility::kClaimed;
    else if (cols[1] == "denied")
      cue.kind = Responsibility::kDenied;
    else if (cols[1] == "accused")
      cue.kind = Responsibility::kAccused;
    else if (cols[1] == "agent") {
      cue.kind = Responsibility::kAccused;
      cue.agent = true;
    } else
      return InvalidArgument("unknown responsibility kind '" + std::string(cols[1]) + "'");
    if (cols[2] == "before")
      cue.side = -1;
    else if (cols[2] == "after")
      cue.side = 1;
    else if (cols[2] == "either")
      cue.side = 0;
    else
      return InvalidArgument("unknown side '" + std::string(cols[2]) + "'");
    for (std::string_view p : SplitBar(cols[0])) {
      lex->cue_trie_.Add(p, static_cast<uint32_t>(lex->cues_.size()));
    }
    lex->cues_.push_back(cue);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  Result<WordSet> neg = WordSet::Load(dir + "/negators.txt");
  if (!neg.ok()) return neg.status();
  lex->negators_ = std::move(neg).value();
  const WordClassSpec classes[] = {{"article", &lex->articles_}, {"definite", &lex->definite_}};
  st = LoadWordClasses(dir + "/function_words.tsv", classes);
  if (!st.ok()) return st;
  return lex;
}

bool ActorLexicon::RegisterTries(StartIndex* index) {
  return index->Register(&alias_trie_) && index->Register(&cue_trie_) &&
         index->Register(&affiliation_trie_);
}

bool ActorLexicon::NamedAsAffiliation(const WordStream& ws, size_t i, size_t len,
                                      const std::vector<ActorMention>& before,
                                      const std::vector<uint32_t>& sent) const {
  const WordStream& w = ws;
  const uint32_t s = w[i].sentence;
  const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
  constexpr size_t kMaxCueWords = 5;
  // "Al-Shabaab, which has ties to al-Qaeda": a cue ends right before the group (an article may
  // stand between) and another armed group is named earlier in the sentence.
  bool other_before = false;
  for (size_t m = 0; m < before.size(); ++m) {
    other_before |= sent[m] == s && before[m].actor_class == ActorClass::kArmedGroup;
  }
  if (other_before) {
    size_t end = i;
    if (end > b && articles_.contains(w[end - 1])) --end;
    for (size_t k = end > b + kMaxCueWords ? end - kMaxCueWords : b; k < end; ++k) {
      uint32_t side = 0;
      if (affiliation_trie_.Match(w, k, end, &side) == end - k && side == kAffiliateAfter) {
        return true;
      }
    }
  }
  // "the al-Qaeda-linked al-Shabaab": a cue right after the group. Joined to it by a hyphen
  // ("al-Qaeda-linked", "IS-inspired") the cue makes a compound adjective, which always describes
  // someone else ("Al-Shabaab, an al-Qaeda-linked armed group, claimed ..."): the group is the
  // sponsor, never the actor. Unhyphenated, "linked" may be a verb ("the Taliban linked up"), so
  // an armed group or a generic class (militants) must follow.
  size_t k = i + len;
  if (k < e && w[k].kind == WordKind::kPunct && w[k].lower == "-") ++k;
  uint32_t side = 0;
  const size_t cl = k < e ? affiliation_trie_.Match(w, k, e, &side) : 0;
  // "an al-Qaeda affiliate", "the Islamic State offshoot": the group is a modifier of the noun
  // phrase the article opens, so the phrase names someone else.
  if (cl > 0 && side == kAffiliateNoun) {
    return i > b && articles_.contains(w[i - 1]);
  }
  if (cl == 0 || side != kAffiliateBefore) return false;
  const uint32_t gap_begin = w[i + len - 1].span.end, gap_end = w[k].span.begin;
  if (gap_end == gap_begin + 1 && ws.text()[gap_begin] == '-') return true;
  k += cl;
  if (k < e && definite_.contains(w[k])) ++k;
  uint32_t payload = 0;
  if (k >= e || alias_trie_.Match(w, k, e, &payload) == 0) return false;
  const Entry& next = entries_[aliases_[payload].entry];
  return (next.actor_class == ActorClass::kArmedGroup ||
          next.actor_class == ActorClass::kMilitants) &&
         !next.anaphor;
}

std::vector<ActorMention> ActorLexicon::Find(const WordStream& ws) const {
  const WordStream& w = ws;
  std::vector<ActorMention> out;
  std::vector<std::pair<uint32_t, uint32_t>> at;  // word range of each mention
  std::vector<uint32_t> sent;
  int last_group = -1;  // index in `out` of the last named armed group
  // Only words where an alias may start are looked at: Match finds nothing at the others.
  for (size_t i = alias_trie_.Next(ws, 0, w.size()); i < w.size();
       i = alias_trie_.Next(ws, i, w.size())) {
    uint32_t payload = 0;
    size_t end = ws.sentence_end(w[i].sentence);
    size_t len = alias_trie_.Match(w, i, end, &payload);
    if (len == 0) {
      ++i;
      continue;
    }
    const Alias& alias = aliases_[payload];
    const Entry& entry = entries_[alias.entry];
    Span span{w[i].span.begin, w[i + len - 1].span.end};
    if (!alias.exact.empty() &&
        AlnumOnly(ws.text().substr(span.begin, span.size())) != alias.exact) {
      ++i;
      continue;
    }
    // In a line set in capitals ("THE FOLLOWING IS GRAPHIC", "LET US PRAY") an acronym is just
    // a word: a neighbour in capitals too gives it away.
    if (!alias.exact.empty() &&
        ((i > 0 && w[i - 1].sentence == w[i].sentence && AllCapsWord(ws.Original(i - 1))) ||
         (i + len < end && AllCapsWord(ws.Original(i + len))))) {
      ++i;
      continue;
    }
    ActorMention m;
    m.span = span;
    if (entry.anaphor) {
      if (last_group < 0 || sent[last_group] + 3 < w[i].sentence) {
        i += len;
        continue;
      }
      m.canonical = out[last_group].canonical;
      m.actor_class = ActorClass::kArmedGroup;
    } else {
      m.canonical = entry.canonical;
      m.actor_class = entry.actor_class;
    }
    if (m.actor_class == ActorClass::kArmedGroup && !entry.anaphor) {
      if (NamedAsAffiliation(ws, i, len, out, sent)) {
        // Named, but as another group's parent or ally: no actor of the event, and no
        // antecedent of "the group".
        m.actor_class = ActorClass::kOther;
      } else {
        last_group = static_cast<int>(out.size());
      }
    }
    out.push_back(std::move(m));
    at.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(i + len));
    sent.push_back(w[i].sentence);
    i += len;
  }

  // Responsibility cues, sentence by sentence, in one scan of the article (most sentences have
  // no candidate): a cue never runs past its sentence's end.
  std::vector<ActorMention> extra;
  for (size_t c = cue_trie_.Next(ws, 0, w.size()); c < w.size();
       c = cue_trie_.Next(ws, c, w.size())) {
    const size_t s = w[c].sentence;
    const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
    uint32_t payload = 0;
    size_t len = cue_trie_.Match(w, c, e, &payload);
    if (len == 0) {
      ++c;
      continue;
    }
    Cue cue = cues_[payload];
    if (cue.kind == Responsibility::kClaimed) {
      for (size_t k = c >= b + 3 ? c - 3 : b; k < c; ++k) {
        if (negators_.contains(w[k].lower)) cue.kind = Responsibility::kDenied;
      }
      // A denial is its subject's: "No group has claimed responsibility, but officials blamed
      // Boko Haram" has Boko Haram deny nothing.
      if (cue.kind == Responsibility::kDenied && cue.side == 0) cue.side = -1;
    }
    // The nearest eligible actor on the allowed side, within 12 words: a named armed group; for
    // an agent cue, a state force within two words ("soldiers opened fire", "by the army").
    int best = -1;
    long best_dist = cue.agent ? 3 : 13;
    for (size_t m = 0; m < out.size(); ++m) {
      if (sent[m] != s) continue;
      ActorClass cls = out[m].actor_class;
      if (cls != (cue.agent ? ActorClass::kStateForce : ActorClass::kArmedGroup)) continue;
      long dist;
      if (at[m].second <= c) {
        if (cue.side > 0) continue;
        dist = static_cast<long>(c - at[m].second);
      } else if (at[m].first >= c + len) {
        if (cue.side < 0) continue;
        dist = static_cast<long>(at[m].first - (c + len)) + 1;  // ties go to the subject
      } else {
        continue;
      }
      if (dist < best_dist) {
        best_dist = dist;
        best = static_cast<int>(m);
      }
    }
    // "accused Ruritania of backing ...": a capitalised name right after the cue that the
    // lexicon does not know is the accused.
    size_t first = c + len;
    size_t k = first;
    if (cue.kind == Responsibility::kAccused && cue.side >= 0 && !cue.agent) {
      if (k < e && definite_.contains(w[k])) first = ++k;
      while (k < e && k < first + 4 && w[k].kind == WordKind::kWord &&
             IsCapitalized(ws.Original(k))) {
        ++k;
      }
      for (size_t m = 0; m < out.size() && k > first; ++m) {
        if (at[m].first == first) k = first;  // a known actor: handled above
      }
    }
    if (k > first) {
      ActorMention m;
      m.span = {w[first].span.begin, w[k - 1].span.end};
      m.canonical = std::string(ws.text().substr(m.span.begin, m.span.size()));
      m.actor_class = ActorClass::kOther;
      m.responsibility = Responsibility::kAccused;
      extra.push_back(std::move(m));
    } else if (best >= 0) {
      if (out[best].responsibility == Responsibility::kNone) out[best].responsibility = cue.kind;
    }
    c += len;
  }
  if (!extra.empty()) {
    out.insert(out.end(), extra.begin(), extra.end());
    std::stable_sort(out.begin(), out.end(), [](const ActorMention& a, const ActorMention& b) {
      return a.span.begin < b.span.begin;
    });
  }
  return out;
}

}  // namespace sitrep
