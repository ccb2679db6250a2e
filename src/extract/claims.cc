#include "extract/claims.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>
#include <unordered_map>

namespace sitrep {

struct ClaimExtractor::Figure {
  size_t num = 0;  // word index of the number
  Field field = Field::kKilled;
  Category category = Category::kUnknown;
  bool part = false;
  bool coord = false;     // shares its cue with the figure before it ("one man and two children")
  bool ceiling = false;   // an upper bound of the field ("shot three people": killed up to 3)
  double add = 0;         // the coordinated figures of other categories counted into this one
  size_t cue = SIZE_MAX;  // word index of its post cue ("were killed"), SIZE_MAX when none
  // A gapped part of the figure at this index of the sentence's figures ("52 died in A, six in
  // B"): counted into that figure, no claim of its own. SIZE_MAX when none.
  size_t gap_of = SIZE_MAX;
};

namespace {

// How many words before its number a toll cue may start: room for the attack's description
// between them ("the number of fatalities in the Mastung suicide attack Sunday reached 60", "the
// death toll from an attack by gunmen on a village in X state at the weekend has risen to 52").
constexpr size_t kTollReach = 26;

bool ParseField(std::string_view s, Field* f) {
  static const std::pair<std::string_view, Field> kFields[] = {
      {"killed", Field::kKilled},     {"injured", Field::kInjured},
      {"abducted", Field::kAbducted}, {"arrested", Field::kArrested},
      {"freed", Field::kFreed},       {"vehicles", Field::kVehiclesDestroyed}};
  for (const auto& [name, field] : kFields) {
    if (s == name) {
      *f = field;
      return true;
    }
  }
  return false;
}

bool ParseCategory(std::string_view s, Category* c) {
  if (s == "unknown")
    *c = Category::kUnknown;
  else if (s == "civilians")
    *c = Category::kCivilians;
  else if (s == "security_forces")
    *c = Category::kSecurityForces;
  else if (s == "militants")
    *c = Category::kMilitants;
  else
    return false;
  return true;
}

bool IsPunct(const Word& w, std::string_view p) {
  return w.kind == WordKind::kPunct && w.lower == p;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A mark that ends a clause for the claim grammar ("." ";" ":" quotes...). Commas do not.
bool EndsClause(const Word& w) {
  return w.kind == WordKind::kPunct && w.lower != "," && w.lower != "(" && w.lower != ")";
}

}  // namespace

Result<std::unique_ptr<ClaimExtractor>> ClaimExtractor::Load(const std::string& dir) {
  std::unique_ptr<ClaimExtractor> x(new ClaimExtractor());
  std::unordered_map<std::string, uint32_t> cue_ids;
  Status st = ForEachTsvRow(dir + "/claim_cues.tsv", 4, [&](const auto& cols, int) -> Status {
    CueInfo info;
    if (!ParseField(cols[1], &info.field)) return InvalidArgument("unknown field");
    if (cols[2] == "pre")
      info.positions = kPre;
    else if (cols[2] == "post")
      info.positions = kPost;
    else if (cols[2] == "both")
      info.positions = kPre | kPost;
    else if (cols[2] == "toll")
      info.positions = kToll;
    else
      return InvalidArgument("unknown position '" + std::string(cols[2]) + "'");
    if (cols[3] == "any")
      info.needs = Requires::kAny;
    else if (cols[3] == "person")
      info.needs = Requires::kPerson;
    else if (cols[3] == "vehicle")
      info.needs = Requires::kVehicle;
    else if (cols[3] == "bodies")
      info.needs = Requires::kBodies;
    else if (cols[3] == "lives")
      info.needs = Requires::kLives;
    else
      return InvalidArgument("unknown requirement '" + std::string(cols[3]) + "'");
    if (cols.size() > 4 && !cols[4].empty()) {
      if (cols[4] != "ceiling") {
        return InvalidArgument("unknown bound '" + std::string(cols[4]) + "'");
      }
      info.ceiling = true;
    }
    for (std::string_view p : SplitBar(cols[0])) {
      std::string key;
      for (const std::string& w : NormalizePhrase(p)) key += w + " ";
      if (key.empty()) continue;
      auto [it, fresh] = cue_ids.emplace(key, static_cast<uint32_t>(x->cues_.size()));
      if (fresh) {
        x->cues_.emplace_back();
        x->cue_trie_.Add(p, it->second);
      }
      x->cues_[it->second].push_back(info);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = ForEachTsvRow(dir + "/nouns.tsv", 3, [&](const auto& cols, int) -> Status {
    NounInfo info;
    if (cols[1] == "person")
      info.group = NounGroup::kPerson;
    else if (cols[1] == "vehicle")
      info.group = NounGroup::kVehicle;
    else if (cols[1] == "bodies")
      info.group = NounGroup::kBodies;
    else if (cols[1] == "lives")
      info.group = NounGroup::kLives;
    else if (cols[1] == "other")
      info.group = NounGroup::kOther;
    else if (cols[1] == "event")
      info.group = NounGroup::kEvent;
    else
      return InvalidArgument("unknown noun group '" + std::string(cols[1]) + "'");
    if (!ParseCategory(cols[2], &info.category)) return InvalidArgument("unknown category");
    uint32_t id = static_cast<uint32_t>(x->nouns_.size());
    x->nouns_.push_back(info);
    for (std::string_view p : SplitBar(cols[0])) x->noun_trie_.Add(p, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::unordered_map<std::string, uint32_t> role_ids;
  const std::pair<std::string_view, WordSet*> word_classes[] = {
      {"year_unit", &x->year_units_},
      {"month_unit", &x->month_units_},
      {"relative", &x->relatives_},
      {"pronoun", &x->pronouns_},
      {"joint", &x->joints_},
      {"link", &x->links_},
      {"modifier", &x->modifiers_},
      {"auxiliary", &x->auxiliaries_},
      {"clause_link", &x->clause_links_},
      {"object", &x->objects_},
      {"place_prep", &x->place_preps_},
      {"time_prep", &x->time_preps_},
      {"bracket", &x->brackets_},
      {"subordinator", &x->subords_},
      {"victim_det", &x->victim_dets_},
      {"one_pronoun", &x->one_pronouns_},
      {"no_pronoun", &x->no_pronouns_},
      {"object_pronoun", &x->object_pronouns_},
      {"partitive", &x->partitives_},
      {"spread_prep", &x->spread_preps_},
      {"age_tail", &x->age_tails_},
      {"singular_verb", &x->singular_verbs_},
      {"plural_verb", &x->plural_verbs_},
      {"clitic", &x->clitics_},
      {"name_prep", &x->name_preps_}};
  st = ForEachTsvRow(dir + "/function_words.tsv", 2, [&](const auto& cols, int) -> Status {
    for (const auto& [name, set] : word_classes) {
      if (cols[1] == name) return AddSingleWords(name, cols[0], set);
    }
    for (std::string_view shared : kSharedWordClasses) {
      if (cols[1] == shared) return Status::Ok();  // read by another module
    }
    uint16_t role;
    if (cols[1] == "np_stop")
      role = kNpStop;
    else if (cols[1] == "post_skip")
      role = kPostSkip;
    else if (cols[1] == "pre_filler")
      role = kPreFiller;
    else if (cols[1] == "part")
      role = kPart;
    else if (cols[1] == "coord")
      role = kCoord;
    else if (cols[1] == "majority")
      role = kMajority;
    else if (cols[1] == "age")
      role = kAge;
    else if (cols[1] == "sequence")
      role = kSequence;
    else
      return InvalidArgument("unknown role '" + std::string(cols[1]) + "'");
    for (std::string_view p : SplitBar(cols[0])) {
      std::string key;
      for (const std::string& w : NormalizePhrase(p)) key += w + " ";
      if (key.empty()) continue;
      auto [it, fresh] = role_ids.emplace(key, static_cast<uint32_t>(x->roles_.size()));
      if (fresh) {
        x->roles_.push_back(0);
        x->role_trie_.Add(p, it->second);
      }
      x->roles_[it->second] |= role;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = ForEachTsvRow(dir + "/sources.tsv", 3, [&](const auto& cols, int) -> Status {
    SourceInfo info;
    info.canonical = std::string(cols[1]);
    if (cols[2] == "cue")
      info.kind = 0;
    else if (cols[2] == "source")
      info.kind = 1;
    else if (cols[2] == "outlet")
      info.kind = 2;
    else
      return InvalidArgument("unknown source kind '" + std::string(cols[2]) + "'");
    uint32_t id = static_cast<uint32_t>(x->sources_.size());
    x->sources_.push_back(std::move(info));
    // A phrase written all in capitals ("UN", "AP") is an acronym that matches only text in
    // capitals: lower-case "un" is French, Spanish or Italian "a". A capitalised noun
    // ("Polizei") is no acronym. The flag rides in the payload's low bit.
    for (std::string_view p : SplitBar(cols[0])) {
      const bool acronym =
          std::any_of(p.begin(), p.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
          std::none_of(p.begin(), p.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      x->source_trie_.Add(p, id * 2 + (acronym ? 1 : 0));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::unordered_map<std::string, uint32_t> singular_ids;
  st = ForEachTsvRow(dir + "/singular.tsv", 4, [&](const auto& cols, int) -> Status {
    Category cat = Category::kUnknown;
    if (cols[3] != "-" && !ParseCategory(cols[3], &cat)) return InvalidArgument("unknown category");
    if (cols[1] == "noun") {
      uint32_t id = static_cast<uint32_t>(x->singular_nouns_.size());
      x->singular_nouns_.push_back(cat);
      for (std::string_view p : SplitBar(cols[0])) x->singular_noun_trie_.Add(p, id);
      return Status::Ok();
    }
    if (cols[1] == "accident") {
      for (std::string_view p : SplitBar(cols[0])) x->accident_trie_.Add(p, 0);
      return Status::Ok();
    }
    SingularCue cue;
    cue.category = cat;
    if (cols[1] == "post")
      cue.kind = SingularKind::kPost;
    else if (cols[1] == "pre")
      cue.kind = SingularKind::kPre;
    else if (cols[1] == "reflexive")
      cue.kind = SingularKind::kReflexive;
    else if (cols[1] == "zero")
      cue.kind = SingularKind::kZero;
    else if (cols[1] == "tail")
      cue.kind = SingularKind::kTail;
    else if (cols[1] == "implied")
      cue.kind = SingularKind::kImplied;
    else
      return InvalidArgument("unknown kind '" + std::string(cols[1]) + "'");
    if (cue.kind == SingularKind::kImplied) {
      int v = 0;
      const std::string_view c4 = cols.size() > 4 ? cols[4] : std::string_view();
      auto [end, ec] = std::from_chars(c4.data(), c4.data() + c4.size(), v);
      if (ec != std::errc() || end != c4.data() + c4.size() || v < 1) {
        return InvalidArgument("an implied count needs a positive count in column 5");
      }
      cue.value = v;
    }
    if (!ParseField(cols[2], &cue.field) ||
        (cue.field != Field::kKilled && cue.field != Field::kInjured)) {
      return InvalidArgument("field must be killed or injured");
    }
    for (std::string_view p : SplitBar(cols[0])) {
      std::string key;
      for (const std::string& w : NormalizePhrase(p)) key += w + " ";
      if (key.empty()) continue;
      auto [it, fresh] = singular_ids.emplace(key, static_cast<uint32_t>(x->singular_cues_.size()));
      if (fresh) {
        x->singular_cues_.emplace_back();
        x->singular_trie_.Add(p, it->second);
      }
      x->singular_cues_[it->second].push_back(cue);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  Result<WordSet> neg = WordSet::Load(dir + "/negators.txt");
  if (!neg.ok()) return neg.status();
  x->negators_ = std::move(neg).value();
  return x;
}

bool ClaimExtractor::RegisterTries(StartIndex* index) {
  for (PhraseTrie* t : {&cue_trie_, &noun_trie_, &role_trie_, &source_trie_, &singular_trie_,
                        &singular_noun_trie_, &accident_trie_}) {
    if (!index->Register(t)) return false;
  }
  return true;
}

uint16_t ClaimExtractor::RolesAt(const WordStream& w, size_t i, size_t e, size_t* len) const {
  uint32_t id = 0;
  *len = role_trie_.Match(w, i, e, &id);
  return *len == 0 ? 0 : roles_[id];
}

const std::vector<ClaimExtractor::CueInfo>* ClaimExtractor::CueAt(const WordStream& w, size_t i,
                                                                  size_t e, size_t* len) const {
  uint32_t id = 0;
  *len = cue_trie_.Match(w, i, e, &id);
  return *len == 0 ? nullptr : &cues_[id];
}

bool ClaimExtractor::Accepts(const CueInfo& c, const NounPhrase& np) {
  switch (c.needs) {
    case Requires::kAny:
      return np.group == NounGroup::kNone || np.group == NounGroup::kPerson;
    case Requires::kPerson:
      return np.group == NounGroup::kPerson;
    case Requires::kVehicle:
      return np.group == NounGroup::kVehicle;
    case Requires::kBodies:
      return np.group == NounGroup::kBodies;
    case Requires::kLives:
      return np.group == NounGroup::kLives;
  }
  return false;
}

bool ClaimExtractor::AfterAuxiliary(const WordStream& w, size_t b, size_t e, size_t cue) const {
  for (size_t k = cue; k > b && cue - k < 4;) {
    --k;
    if (w[k].kind != WordKind::kWord) return false;
    if (auxiliaries_.contains(w[k])) return true;
    size_t rl = 0;
    if (!(RolesAt(w, k, e, &rl) & kPostSkip)) return false;
  }
  return false;
}

bool ClaimExtractor::ActiveWithObject(const WordStream& w, size_t b, size_t e, size_t cue,
                                      size_t len, const CueInfo& c) const {
  if (!(c.positions & kPre) || cue + len >= e) return false;
  const Word& next = w[cue + len];
  if (next.kind != WordKind::kNumber && !objects_.contains(next)) return false;
  return !AfterAuxiliary(w, b, e, cue);
}

std::optional<Field> ClaimExtractor::PredicateAfter(const WordStream& w, size_t b, size_t e,
                                                    size_t m, const NounPhrase& np,
                                                    size_t* at) const {
  constexpr size_t kReach = 16;  // words and commas
  std::optional<Field> field;
  for (size_t k = m; k < e && k < m + kReach;) {
    const Word& x = w[k];
    if (IsPunct(x, ",")) {  // "in Toledo, Ohio, have died"
      ++k;
      continue;
    }
    if (x.kind != WordKind::kWord) break;  // a clause's end, another number
    if (negators_.contains(x.lower)) return std::nullopt;
    if (clause_links_.contains(x) && !(k == m && modifiers_.contains(x))) break;
    size_t len = 0;
    const std::vector<CueInfo>* infos = CueAt(w, k, e, &len);
    // "involved in the shooting": a cue word after a determiner is a noun.
    const bool noun = k > b && objects_.contains(w[k - 1]);
    if (infos != nullptr && !noun) {
      for (const CueInfo& c : *infos) {
        if (!(c.positions & kPost) || !Accepts(c, np)) continue;
        // A transitive cue needs an auxiliary ("were killed"): bare, it is the modifier's own
        // verb ("who killed a woman", "accused of killing").
        if ((c.positions & kPre) && !AfterAuxiliary(w, b, e, k)) break;
        field = c.field;
        *at = k;
        break;
      }
      k += len;
      continue;
    }
    ++k;
  }
  return field;
}

ClaimExtractor::NounPhrase ClaimExtractor::NounAfter(const WordStream& w, size_t n,
                                                     size_t e) const {
  NounPhrase np;
  np.end = n + 1;
  for (size_t k = n + 1; k < e && k <= n + 5; ++k) {
    if (w[k].kind != WordKind::kWord) break;
    uint32_t id = 0;
    size_t len = noun_trie_.Match(w, k, e, &id);
    if (len > 0) {
      np.group = nouns_[id].group;
      np.category = nouns_[id].category;
      np.end = k + len;
      // "three members of the security forces", "۶ نفر از نیروهای پلیس": a counted person noun
      // of no category, a partitive, then (within three words) a person noun that has one.
      if (np.group == NounGroup::kPerson && np.category == Category::kUnknown && np.end < e &&
          w[np.end].kind == WordKind::kWord && partitives_.contains(w[np.end])) {
        for (size_t j = np.end + 1; j < e && j <= np.end + 3; ++j) {
          if (w[j].kind != WordKind::kWord) break;
          uint32_t of = 0;
          const size_t ol = noun_trie_.Match(w, j, e, &of);
          if (ol == 0) continue;
          if (nouns_[of].group == NounGroup::kPerson && nouns_[of].category != Category::kUnknown) {
            np.category = nouns_[of].category;
            np.end = j + ol;
          }
          break;
        }
      }
      return np;
    }
    if (k == n + 1 && partitives_.contains(w[k])) continue;  // "dozens of militants"
    size_t rl = 0;
    if (RolesAt(w, k, e, &rl) & kNpStop) break;
    size_t cl = 0;
    if (CueAt(w, k, e, &cl) != nullptr) break;  // "25 dead": the cue is no modifier
  }
  return np;
}

namespace {

// The timex whose bytes hold `pos`, or nullptr.
const Timex* TimexAt(const std::vector<Timex>& timexes, uint32_t pos) {
  auto it = std::partition_point(timexes.begin(), timexes.end(),
                                 [pos](const Timex& t) { return t.span.end <= pos; });
  return it != timexes.end() && it->span.begin <= pos ? &*it : nullptr;
}

}  // namespace

size_t ClaimExtractor::TimexAfter(const WordStream& w, size_t k, size_t e,
                                  const std::vector<Timex>& timexes) const {
  if (timexes.empty()) return k;
  size_t j = k;
  if (w[j].kind == WordKind::kWord && time_preps_.contains(w[j])) ++j;
  if (j >= e) return k;
  const Timex* t = TimexAt(timexes, w[j].span.begin);
  if (t == nullptr) return k;
  while (j < e && w[j].span.begin < t->span.end) ++j;
  return j;
}

size_t ClaimExtractor::TimexBefore(const WordStream& w, size_t b, size_t j,
                                   const std::vector<Timex>& timexes) const {
  if (timexes.empty() || j <= b) return j;
  const Timex* t = TimexAt(timexes, w[j - 1].span.begin);
  if (t == nullptr) return j;
  size_t k = j - 1;
  while (k > b && w[k - 1].span.begin >= t->span.begin) --k;
  if (k > b && w[k - 1].kind == WordKind::kWord && time_preps_.contains(w[k - 1])) --k;
  return k;
}

std::optional<Field> ClaimExtractor::ClauseFinalCue(const WordStream& w, size_t e, size_t from,
                                                    const NounPhrase& np,
                                                    const std::vector<Timex>& timexes, size_t* at,
                                                    size_t* len) const {
  constexpr size_t kReach = 12;  // words; a date or time phrase counts as one
  size_t words = 0;
  for (size_t k = from; k < e && words < kReach; ++words) {
    const size_t t = TimexAfter(w, k, e, timexes);
    if (t > k) {  // "am Sonntag", "am 5. Mai": its number is no figure
      k = t;
      continue;
    }
    const Word& x = w[k];
    if (x.kind != WordKind::kWord) return std::nullopt;  // a comma, another number
    if (negators_.contains(x.lower) || clause_links_.contains(x)) return std::nullopt;
    size_t cl = 0;
    const std::vector<CueInfo>* infos = CueAt(w, k, e, &cl);
    if (infos == nullptr) {
      ++k;
      continue;
    }
    // Final: only skip words ("worden") between the cue and the clause's end.
    size_t f = k + cl;
    size_t rl = 0;
    while (f < e && w[f].kind == WordKind::kWord && (RolesAt(w, f, e, &rl) & kPostSkip)) f += rl;
    const bool last = f >= e || w[f].kind == WordKind::kPunct || clause_links_.contains(w[f]) ||
                      (w[f].kind == WordKind::kWord && (RolesAt(w, f, e, &rl) & kCoord));
    if (last) {
      for (const CueInfo& c : *infos) {
        if ((c.positions & kPost) && Accepts(c, np)) {
          *at = k;
          *len = cl;
          return c.field;
        }
      }
    }
    k += cl;  // a cue word inside the clause ("unter den Toten identifiziert") is no predicate
  }
  return std::nullopt;
}

void ClaimExtractor::ReadSentence(const WordStream& ws, size_t s, const std::vector<Timex>& timexes,
                                  std::vector<Figure>* figs) const {
  const WordStream& w = ws;
  const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
  struct Seen {
    size_t num;
    NounPhrase np;
    bool claimed;
    Field field;
    bool part;
    bool ceiling = false;
    // A claimed figure that a gapped part may follow ("52 died in A, six in B"): the index of
    // its head in *figs, and the word after its cue (or its noun), where its place is read.
    size_t head = SIZE_MAX;
    size_t from = 0;
  };
  std::vector<Seen> seen;
  auto negated_in = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      if (w[k].kind == WordKind::kWord && negators_.contains(w[k].lower)) return true;
    }
    return false;
  };
  // The sentence's number words, from the stream's list of them.
  const std::span<const uint32_t> nums = ws.numbers();
  // Whether a cue may start anywhere in the sentence: where none may, the searches below that
  // only look for one (cue before the number, toll phrase) find nothing, and are not run.
  const bool cues_here = cue_trie_.Next(ws, b, e) < e;
  for (auto it = std::lower_bound(nums.begin(), nums.end(), static_cast<uint32_t>(b));
       it != nums.end() && *it < e; ++it) {
    const size_t n = *it;
    NounPhrase np = NounAfter(w, n, e);
    size_t rl = 0;
    bool skip = np.group == NounGroup::kOther || np.group == NounGroup::kEvent;
    if (n > b && (RolesAt(w, n - 1, e, &rl) & kAge) && rl == 1) skip = true;
    if (np.end < e && (RolesAt(w, np.end, e, &rl) & kAge)) skip = true;
    // "the first of two teenagers killed this weekend": a count of separate events.
    for (size_t k = n >= b + 3 ? n - 3 : b; k < n && !skip; ++k) {
      if ((RolesAt(w, k, e, &rl) & kSequence) && k + rl == n) skip = true;
    }
    // "Jordan Pell, 44, died": an age set off by commas after a name.
    if (n >= b + 2 && n + 1 < e && IsPunct(w[n - 1], ",") && IsPunct(w[n + 1], ",") &&
        w[n - 2].kind == WordKind::kWord) {
      std::string_view name = ws.Original(n - 2);
      if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') skip = true;
      // "a Little Rock boy, 6, was shot": the same age after a singular person noun.
      Category cat = Category::kUnknown;
      size_t first = 0;
      if (SingularNounEndingAt(w, b, n - 2, &cat, &first)) skip = true;
    }
    // "no one was hurt", "not one": a zero, which the implicit reading gives.
    if (n > b && w[n - 1].kind == WordKind::kWord && negators_.contains(w[n - 1].lower)) {
      skip = true;
    }
    Seen me{n, np, false, Field::kKilled, false};
    if (skip) {
      seen.push_back(me);
      continue;
    }
    // "52 deaths were recorded in the A hospital, six in the B hospital, and one in the C
    // complex": a bare number after a comma or "and", before a site ("in the ..."), in the
    // clause of a claimed figure placed so, is a part of it. A bare name ("three in Karachi")
    // may be another town's attack: no part.
    if (np.group == NounGroup::kNone && n + 2 < e && place_preps_.contains(w[n + 1]) &&
        objects_.contains(w[n + 2]) && n > b &&
        (IsPunct(w[n - 1], ",") || joints_.contains(w[n - 1])) && !seen.empty() &&
        seen.back().head != SIZE_MAX) {
      const Seen& prev = seen.back();
      bool placed = false, clean = true;
      for (size_t k = prev.from; k + 1 < n && clean; ++k) {
        size_t cl = 0;
        if (EndsClause(w[k]) || negators_.contains(w[k].lower) || CueAt(w, k, n, &cl) != nullptr) {
          clean = false;
        }
        placed |= place_preps_.contains(w[k]);
      }
      if (placed && clean) {
        me.claimed = true;
        me.field = prev.field;
        me.head = prev.head;
        me.from = n + 1;
        Figure f;
        f.num = n;
        f.field = prev.field;
        f.gap_of = prev.head;
        figs->push_back(f);
        seen.push_back(me);
        continue;
      }
    }
    // What stands right before the number: a part marker or a coordination with a figure.
    const Seen* partner = nullptr;  // coordinated figure sharing this one's cue
    const Seen* whole = nullptr;    // the figure this one is a part of
    if (n > b) {
      size_t j = n - 1;
      bool coord = IsPunct(w[j], ",");
      if (!coord) {
        for (size_t k = j >= b + 2 ? j - 2 : b; k <= j; ++k) {
          uint16_t r = RolesAt(w, k, e, &rl);
          if (k + rl != j + 1) continue;
          if (r & kPart) {
            for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
              if (it->num < k && it->claimed) {
                whole = &*it;
                break;
              }
            }
            me.part = true;
          } else if (r & kCoord) {
            coord = true;
            j = k;
          }
          break;
        }
      }
      if (coord && !seen.empty() && j > b) {
        const Seen& prev = seen.back();
        size_t pe = prev.np.end;
        if (pe == j || (pe + 1 == j && IsPunct(w[pe], ","))) {
          partner = &prev;
          me.part = prev.part;
        }
      }
    }

    std::optional<Field> field;
    bool negated = false;
    bool ceiling = false;
    // 1. A cue before the number, over a few fillers.
    if (cues_here) {
      size_t j = n;
      int fillers = 0;
      bool dated = false;  // "starben am Dienstag zwei Menschen": one date between cue and number
      while (j > b && fillers < 3) {
        size_t fl = 0;
        uint16_t r = RolesAt(w, j - 1, e, &fl);
        if ((r & kPreFiller) && fl == 1) {
          --j;
          ++fillers;
          continue;
        }
        const size_t t = dated ? j : TimexBefore(w, b, j, timexes);
        if (t == j) break;
        j = t;
        dated = true;
        ++fillers;
      }
      // The cue ends somewhere among the fillers ("bodies of" ends on a filler).
      for (size_t ce = n; ce >= j && ce > b && !field; --ce) {
        for (size_t k = ce >= b + 4 ? ce - 4 : b; k < ce && !field; ++k) {
          size_t len = 0;
          const std::vector<CueInfo>* infos = CueAt(w, k, ce, &len);
          if (infos == nullptr || k + len != ce) continue;
          for (const CueInfo& c : *infos) {
            if ((c.positions & kPre) && Accepts(c, np)) {
              field = c.field;
              ceiling = c.ceiling;
              negated = negated_in(k >= b + 3 ? k - 3 : b, k);
              break;
            }
          }
        }
      }
    }
    // 2. A cue after the number's noun, over auxiliaries, coordinated figures and parentheses.
    size_t cue_at = SIZE_MAX;      // the post cue's first word
    size_t cue_end = SIZE_MAX;     // one past its last word
    size_t final_from = SIZE_MAX;  // where a verb-final clause's rest starts, after its auxiliary
    if (!field) {
      size_t pos = np.end;
      // An auxiliary passed ("wurden") whose participle may end the clause; or standing before
      // the subject ("wurden vier Soldaten in der Stadt erschossen").
      // Up to three words may stand between ("wurden in Kabul drei Polizisten ... getötet").
      constexpr size_t kAuxReach = 4;
      bool aux = false;
      for (size_t k = n; !aux && k > b && k + kAuxReach > n && w[k - 1].kind == WordKind::kWord;) {
        aux = brackets_.contains(w[--k]);
      }
      // A subordinate clause opened a few words before ("als zwei Polizisten ... verletzt
      // wurden", "dass mindestens 31 Personen ... verletzt wurden") closes with its verb group.
      // Three words cover a subject's determiner and quantifier ("dass dabei mindestens 31");
      // further back, the subordinator more likely opened a clause that already closed.
      constexpr size_t kSubordinatorReach = 3;
      for (size_t k = n;
           !aux && k > b && k + kSubordinatorReach >= n && w[k - 1].kind == WordKind::kWord;) {
        aux = subords_.contains(w[--k]);
      }
      for (int budget = 14; pos < e && budget > 0 && !field; --budget) {
        const Word& x = w[pos];
        if (x.kind == WordKind::kPunct) {
          // Commas and dashes set off appositions: "28 people—mostly tourists—were killed".
          if (x.lower == "," || x.lower == "\xE2\x80\x94" || x.lower == "\xE2\x80\x93") {
            ++pos;
            continue;
          }
          if (x.lower == "(") {
            while (pos < e && !IsPunct(w[pos], ")")) ++pos;
            ++pos;
            continue;
          }
          break;
        }
        if (x.kind == WordKind::kNumber) break;
        size_t len = 0;
        const std::vector<CueInfo>* infos = CueAt(w, pos, e, &len);
        if (infos != nullptr) {
          bool agent = false;
          for (const CueInfo& c : *infos) {
            if ((c.positions & kPost) && Accepts(c, np)) {
              // "Three gunmen killed five people": the number counts the killers.
              if (ActiveWithObject(w, b, e, pos, len, c)) {
                agent = true;
                break;
              }
              field = c.field;
              cue_at = pos;
              cue_end = pos + len;
              break;
            }
          }
          if (agent) break;
          // "four people injured in the blast have died": the participle describes them, the
          // later predicate tells their fate.
          if (field && *field != Field::kKilled && pos == np.end) {
            size_t at = 0;
            if (PredicateAfter(w, b, e, pos + len, np, &at) == Field::kKilled) {
              field = Field::kKilled;
              cue_at = at;
              cue_end = at + 1;
            }
          }
          if (field) break;
        }
        // "foram no domingo mortas": a date after the auxiliary ("no" is no negator here).
        if (aux && TimexAfter(w, pos, e, timexes) > pos) {
          final_from = pos;
          break;
        }
        if (negators_.contains(x.lower)) {
          negated = true;
          break;
        }
        uint16_t r = RolesAt(w, pos, e, &len);
        if (r & kPart) {  // ", including five police officers," is skipped
          size_t k = pos + len;
          while (k < e && !IsPunct(w[k], ",") && !EndsClause(w[k]) && k < pos + 14) ++k;
          if (k >= e || !IsPunct(w[k], ",")) break;
          pos = k + 1;
          continue;
        }
        if (r & kCoord) {  // "... and 21 militants", "soldiers and police"
          size_t k = pos + len;
          if (k < e && w[k].kind == WordKind::kNumber) {
            pos = NounAfter(w, k, e).end;
            continue;
          }
          uint32_t id = 0;
          size_t nl = noun_trie_.Match(w, k, e, &id);
          if (nl > 0 && nouns_[id].group == NounGroup::kPerson) {
            pos = k + nl;
            continue;
          }
          break;
        }
        if (r & kMajority) {  // "—mostly tourists—"
          size_t k = pos + len;
          uint32_t id = 0;
          size_t nl = noun_trie_.Match(w, k, e, &id);
          pos = k + nl;
          continue;
        }
        if (r & kPostSkip) {
          aux |= brackets_.contains(x);
          pos += len;
          continue;
        }
        if (aux) final_from = pos;
        break;
      }
    }
    // 2a. The participle at the clause's end: "Drei Menschen wurden bei dem Angriff am Sonntag
    // getötet".
    if (!field && !negated && final_from != SIZE_MAX) {
      size_t at = 0, len = 0;
      field = ClauseFinalCue(w, e, final_from, np, timexes, &at, &len);
      if (field) {
        cue_at = at;
        cue_end = at + len;
      }
    }
    // 2b. A modifier between the subject and its verb: "four people involved in a shooting
    // early Saturday have now died", "23 people in the market were killed".
    if (!field && !negated && np.group == NounGroup::kPerson && np.end < e &&
        w[np.end].kind == WordKind::kWord && modifiers_.contains(w[np.end])) {
      size_t at = 0;
      field = PredicateAfter(w, b, e, np.end, np, &at);
      if (field) {
        cue_at = at;
        cue_end = at + 1;
      }
    }
    // 3. A toll phrase before the number: "the death toll has risen to 60".
    if (!field && !negated && cues_here) {
      for (size_t k = n; k-- > b && k + kTollReach > n;) {
        if (EndsClause(w[k]) || w[k].kind == WordKind::kNumber) break;
        size_t len = 0;
        const std::vector<CueInfo>* infos = CueAt(w, k, n, &len);
        if (infos == nullptr) continue;
        for (const CueInfo& c : *infos) {
          if ((c.positions & kToll) && Accepts(c, np)) field = c.field;
        }
        if (field) break;
      }
    }
    // 4. Bodies are deaths; coordinated figures and parts share their head's cue.
    if (!field && !negated && np.group == NounGroup::kBodies) field = Field::kKilled;
    if (!field && !negated && partner != nullptr && partner->claimed) {
      field = partner->field;
      ceiling = partner->ceiling;
    }
    if (!field && !negated && whole != nullptr) field = whole->field;
    if (field && !negated) {
      bool vehicle = np.group == NounGroup::kVehicle;
      if (vehicle == (*field == Field::kVehiclesDestroyed)) {
        me.claimed = true;
        me.field = *field;
        me.ceiling = ceiling;
        me.head = figs->size();
        me.from = cue_end != SIZE_MAX ? cue_end : np.end;
        Figure f;
        f.num = n;
        f.field = *field;
        f.category = np.category;
        f.part = me.part;
        f.coord = partner != nullptr && partner->claimed && partner->field == *field;
        f.cue = cue_at;
        f.ceiling = ceiling;
        // "38 people in three assaults": the figure covers only some of the attacks.
        for (size_t k = np.end; k + 1 < e && k < np.end + 8 && !EndsClause(w[k]); ++k) {
          if (w[k].kind == WordKind::kWord && spread_preps_.contains(w[k]) &&
              w[k + 1].kind == WordKind::kNumber &&
              NounAfter(w, k + 1, e).group == NounGroup::kEvent) {
            f.part = true;
          }
        }
        // "26 people, mostly tourists": the majority names the category.
        if (f.category == Category::kUnknown && np.end + 1 < e && IsPunct(w[np.end], ",")) {
          size_t ml = 0;
          if (RolesAt(w, np.end + 1, e, &ml) & kMajority) {
            uint32_t id = 0;
            if (noun_trie_.Match(w, np.end + 1 + ml, e, &id) > 0 &&
                nouns_[id].group == NounGroup::kPerson) {
              f.category = nouns_[id].category;
            }
          }
        }
        figs->push_back(f);
      }
    }
    seen.push_back(me);
  }
}

bool ClaimExtractor::SingularNounEndingAt(const WordStream& w, size_t b, size_t j, Category* cat,
                                          size_t* first) const {
  for (size_t k = j >= b + 2 ? j - 2 : b; k <= j; ++k) {
    uint32_t id = 0;
    size_t len = singular_noun_trie_.Match(w, k, j + 1, &id);
    if (len > 0 && k + len == j + 1) {
      *cat = singular_nouns_[id];
      *first = k;
      return true;
    }
  }
  return false;
}

bool ClaimExtractor::ReadsAsChild(const WordStream& ws, size_t b, size_t first) const {
  const WordStream& w = ws;
  auto is_unit = [&](size_t k) {
    return w[k].kind == WordKind::kWord &&
           (year_units_.contains(w[k]) || month_units_.contains(w[k]));
  };
  // The age noun itself ("a 3-year-old") or one before a person noun ("a 3-year-old boy").
  size_t unit = first;
  if (!is_unit(unit)) {
    if (first < b + 2 || w[first - 1].kind != WordKind::kWord ||
        !age_tails_.contains(w[first - 1]) || !is_unit(first - 2)) {
      return false;
    }
    unit = first - 2;
  }
  if (unit <= b) return false;
  // The text stage makes no quantity of an age, so "3" in "3-year-old" may be a plain word.
  const std::string_view n = w[unit - 1].lower;
  int age = 0;
  auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), age);
  const bool digits = ec == std::errc() && end == n.data() + n.size();
  if (!digits && w[unit - 1].kind != WordKind::kNumber) return false;
  if (month_units_.contains(w[unit])) return true;  // months old
  // Below the age of criminal responsibility almost everywhere: a child's own shooting is an
  // accident, never an attack.
  constexpr int kChildAge = 12;
  return digits && age <= kChildAge;
}

bool ClaimExtractor::ReflexiveSubject(const WordStream& ws, size_t b, size_t cue, Category* cat,
                                      size_t* first) const {
  const WordStream& w = ws;
  size_t j = cue;
  if (j > b && w[j - 1].kind == WordKind::kWord && relatives_.contains(w[j - 1])) --j;
  // A name after the noun ("a 2-year-old boy, Sam Lee, shot himself"; "21-month-old Sam Lee
  // shot himself"): up to three capitalised words and the commas around them.
  size_t k = j;
  for (int names = 0; k > b && names < 3; --k) {
    const std::string_view o = ws.Original(k - 1);
    if (w[k - 1].kind == WordKind::kPunct && o == ",") continue;
    if (w[k - 1].kind != WordKind::kWord || o.empty() || o[0] < 'A' || o[0] > 'Z') break;
    ++names;
  }
  for (size_t end : {j, k}) {
    if (end <= b || !SingularNounEndingAt(w, b, end - 1, cat, first)) continue;
    if (*cat == Category::kUnknown && ReadsAsChild(ws, b, *first)) *cat = Category::kCivilians;
    return true;
  }
  return false;
}

bool ClaimExtractor::ChildSubject(const WordStream& ws, size_t b, size_t cue) const {
  const WordStream& w = ws;
  size_t from = b;  // the clause: after a headline's "Police:" or a dash
  for (size_t k = b; k < cue; ++k) {
    if (EndsClause(w[k])) from = k + 1;
  }
  // "mother's purse": the noun's last word is word `last`, an apostrophe and a clitic follow.
  auto possessive = [&](size_t last) {
    if (last + 1 >= w.size() || !clitics_.contains(w[last + 1])) return false;
    const std::string_view gap =
        ws.text().substr(w[last].span.end, w[last + 1].span.begin - w[last].span.end);
    return gap == "'" || gap == "\xE2\x80\x99";
  };
  bool child = false;
  for (size_t k = from; k < cue; ++k) {
    if (w[k].kind != WordKind::kWord) continue;
    if (pronouns_.contains(w[k])) return false;
    uint32_t id = 0;
    const size_t len = singular_noun_trie_.Match(w, k, cue, &id);
    if (len == 0) continue;
    if (possessive(k + len - 1)) {
      k += len - 1;
      continue;
    }
    // The first person named is the subject; any other one may be the shooter's victim.
    if (child) return false;
    size_t end = k + len;
    if (end < cue && singular_noun_trie_.Match(w, end, cue, &id) > 0) {
      end += singular_noun_trie_.Match(w, end, cue, &id);  // "2-year-old boy"
    }
    if (!ReadsAsChild(ws, b, k) && !(end > k + len && ReadsAsChild(ws, b, k + len))) {
      return false;
    }
    child = true;
    k = end - 1;
  }
  return child;
}

void ClaimExtractor::ReadSingular(const WordStream& ws, size_t s,
                                  std::vector<Implicit>* out) const {
  const WordStream& w = ws;
  const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
  const size_t first_out = out->size();
  // Whether word k is a word of the class `set` (no number or sign).
  auto is_in = [&](size_t k, const WordSet& set) {
    return w[k].kind == WordKind::kWord && set.contains(w[k]);
  };
  auto capitalized = [&](size_t k) {
    if (w[k].kind != WordKind::kWord) return false;
    std::string_view o = ws.Original(k);
    return !o.empty() && o[0] >= 'A' && o[0] <= 'Z';
  };
  // An age, not a count: "Smith, 23, died", "a 17-year-old".
  auto is_age = [&](size_t k) {
    if (k + 1 < e && (is_in(k + 1, year_units_) || is_in(k + 1, month_units_))) return true;
    size_t rl = 0;
    if (k > b && (RolesAt(w, k - 1, e, &rl) & kAge) && rl == 1) return true;
    return k > b && k + 1 < e && IsPunct(w[k - 1], ",") && IsPunct(w[k + 1], ",");
  };
  auto negated_before = [&](size_t k) {
    for (size_t j = k >= b + 3 ? k - 3 : b; j < k; ++j) {
      if (w[j].kind == WordKind::kWord && negators_.contains(w[j].lower)) return true;
    }
    return false;
  };
  // Singular nouns or names coordinated before word `first`, the one starting there not
  // counted: "a woman and her 8-year-old son" 1, "the woman, the man and the child" 2,
  // "Rachel Lee and her son" 1. Between a joint ("and", then commas further back) and the next
  // noun only a determiner, a possessive or an age. Sets *cat to unknown when they differ.
  auto coordinated_before = [&](size_t first, Category* cat) -> int {
    int more = 0;
    for (size_t k = first, steps = 0; k > b + 1 && steps < 6; ++steps) {
      --k;
      const Word& y = w[k];
      const bool joint = more == 0 ? joints_.contains(y) : IsPunct(y, ",");
      if (joint) {
        size_t m = k;  // one past the member before the joint; "A, B, and C" has a comma too
        if (more == 0 && m > b + 1 && IsPunct(w[m - 1], ",")) --m;
        Category c2 = Category::kUnknown;
        size_t f2 = 0;
        if (!SingularNounEndingAt(w, b, m - 1, &c2, &f2)) {
          // A name of up to three capitalised words ("Rachel Lee and her son").
          if (!capitalized(m - 1)) break;
          f2 = m - 1;
          while (f2 > b && f2 + 3 > m && capitalized(f2 - 1)) --f2;
          size_t rl = 0;
          if (f2 == b && RolesAt(w, f2, e, &rl) != 0) break;  // "The and ..."
          // "south of Cali, and a soldier died": a place or an owner, not a second victim.
          if (f2 > b && is_in(f2 - 1, name_preps_)) break;
          c2 = Category::kUnknown;
        }
        if (c2 != *cat) *cat = Category::kUnknown;
        ++more;
        k = f2;
        steps = 0;
        continue;
      }
      if (y.kind == WordKind::kNumber || IsPunct(y, "-") || is_age(k)) continue;
      if (y.kind != WordKind::kWord) break;
      if (!links_.contains(y)) break;
    }
    return more;
  };
  // 1 singular, 2 two coordinated singular nouns, 0 none (plural, or no subject in reach).
  // Sets *cat.
  auto subject_before = [&](size_t i, Category* cat) -> int {
    for (size_t j = i, steps = 0; j > b && steps < 12; ++steps) {
      --j;
      const Word& x = w[j];
      if (x.kind == WordKind::kPunct) {
        if (EndsClause(x)) return 0;
        continue;
      }
      if (x.kind == WordKind::kNumber) {
        if (is_age(j)) continue;
        return 0;  // "two men ... died", "one died": the numeric grammar's
      }
      size_t first = 0;
      if (SingularNounEndingAt(w, b, j, cat, &first)) {
        // "one man", "three year old": a number right before is a count or an age.
        if (first > b && w[first - 1].kind == WordKind::kNumber && !is_age(first - 1)) return 0;
        return 1 + coordinated_before(first, cat);
      }
      if (one_pronouns_.contains(x)) {
        *cat = Category::kUnknown;
        return 1;
      }
      if (no_pronouns_.contains(x)) return 0;
      uint32_t id = 0;
      if (noun_trie_.Match(w, j, e, &id) > 0 && nouns_[id].group != NounGroup::kOther) {
        return 0;  // a plural noun: "residents ... died"
      }
      // A name ("Smith died"); a capitalized first word may be a function word ("The").
      size_t rl = 0;
      if (capitalized(j) && (j > b || RolesAt(w, j, e, &rl) == 0)) {
        *cat = Category::kUnknown;
        return 1;
      }
    }
    return 0;
  };
  // A second singular victim after the first one's noun, which ends before word p: joined by
  // "and" ("a woman and her 5-year-old son"), also over the first one's name ("30-year-old
  // Rachel Lee and her son") or an apposition ("her daughter, Mia Lee, and her father"). Between
  // "and" and the noun only a determiner, an age and one more word ("young"), so that "killed a
  // man and wounded a woman" stays one. Sets *cat to unknown when the two differ.
  auto another_after = [&](size_t p, Category* cat) {
    size_t names = 0;
    while (p < e && names < 3 && capitalized(p)) ++p, ++names;
    if (names == 0 && p + 2 < e && IsPunct(w[p], ",")) {
      size_t q = p + 1;
      while (q < e && q < p + 5 &&
             (capitalized(q) || w[q].kind == WordKind::kNumber || IsPunct(w[q], ","))) {
        ++q;
      }
      if (q > p + 2 && IsPunct(w[q - 1], ",")) p = q - 1;
    }
    if (p + 1 < e && IsPunct(w[p], ",") && is_in(p + 1, joints_)) ++p;
    if (p + 1 >= e || !is_in(p, joints_)) return false;
    size_t q = p + 1;
    // A number word ("and one man") is no determiner to skip: a count ends the reading.
    if (victim_dets_.contains(w[q]) && w[q].kind != WordKind::kNumber) ++q;
    uint32_t id = 0;
    for (size_t r = q, other = 0; r < e && r <= q + 4 && other <= 1; ++r) {
      if (w[r].kind == WordKind::kPunct) break;
      if (w[r].kind == WordKind::kNumber) {
        if (is_age(r)) continue;
        break;
      }
      if (singular_noun_trie_.Match(w, r, e, &id) > 0) {
        if (singular_nouns_[id] != *cat) *cat = Category::kUnknown;
        return true;
      }
      ++other;
    }
    return false;
  };
  auto object_after = [&](size_t k, Category* cat) -> int {
    if (k >= e ||
        (w[k].kind != WordKind::kWord && !(w[k].kind == WordKind::kNumber && is_age(k)))) {
      return 0;
    }
    if (object_pronouns_.contains(w[k])) {
      // "her" may be a possessive: "killed her husband"; "killed her father and daughter".
      Category c2 = Category::kUnknown;
      size_t first = 0;
      for (size_t j = k + 1; j < e && j <= k + 3 && w[j].kind == WordKind::kWord; ++j) {
        if (SingularNounEndingAt(w, k + 1, j, &c2, &first)) {
          *cat = c2;
          return another_after(j + 1, cat) ? 2 : 1;
        }
      }
      *cat = Category::kUnknown;
      return 1;
    }
    bool det = victim_dets_.contains(w[k]);
    // A headline drops the article: "shot that killed 7-year-old boy" (the age's digits may be
    // a plain word: the text stage makes no quantity of an age).
    det |= is_age(k) && (w[k].kind == WordKind::kNumber || IsDigits(w[k].lower));
    if (!det && !capitalized(k)) return 0;
    for (size_t j = k; j < e && j <= k + 5; ++j) {
      if (w[j].kind == WordKind::kPunct) {
        if (IsPunct(w[j], ",") && j > k && capitalized(j - 1)) break;
        return 0;
      }
      if (w[j].kind == WordKind::kNumber) {
        if (is_age(j)) continue;
        return 0;
      }
      uint32_t id = 0;
      size_t sl = singular_noun_trie_.Match(w, j, e, &id);
      if (sl > 0) {
        *cat = singular_nouns_[id];
        size_t p = j + sl;
        // "a 52-year-old homeowner": the noun after the age names the category.
        if (size_t sl2 = p < e ? singular_noun_trie_.Match(w, p, e, &id) : 0; sl2 > 0) {
          *cat = singular_nouns_[id];
          p += sl2;
        }
        // Two singular victims: "killed a woman and her 5-year-old son".
        return another_after(p, cat) ? 2 : 1;
      }
      if (noun_trie_.Match(w, j, e, &id) > 0) return 0;  // a plural or a thing
      size_t rl = 0;
      if ((RolesAt(w, j, e, &rl) & kNpStop) && j > k) break;
    }
    // A name: "killed John Smith".
    if (capitalized(k) && !det) {
      *cat = Category::kUnknown;
      return another_after(k, cat) ? 2 : 1;
    }
    return 0;
  };
  // An accidental self-shooting kills a victim, not an attacker. Read only when a reflexive cue
  // asks (few sentences have one): 0 unknown, 1 no, 2 yes.
  int accident_state = 0;
  auto accident = [&] {
    if (accident_state == 0) {
      accident_state = 1;
      for (size_t i = accident_trie_.Next(ws, b, e); i < e && accident_state == 1;
           i = accident_trie_.Next(ws, i + 1, e)) {
        uint32_t id = 0;
        if (accident_trie_.Match(w, i, e, &id) > 0) accident_state = 2;
      }
    }
    return accident_state == 2;
  };
  // Only words where a cue may start: Match finds nothing at the others.
  for (size_t i = singular_trie_.Next(ws, b, e); i < e; i = singular_trie_.Next(ws, i, e)) {
    uint32_t id = 0;
    size_t len = singular_trie_.Match(w, i, e, &id);
    if (len == 0) {
      ++i;
      continue;
    }
    Span cue{w[i].span.begin, w[i + len - 1].span.end};
    for (const SingularCue& c : singular_cues_[id]) {
      Implicit im;
      im.cue = cue;
      im.field = c.field;
      im.category = c.category;
      bool ok = false;
      switch (c.kind) {
        case SingularKind::kZero:
          im.value = 0;
          // "no one else was hurt" does not match; "it is not true that no one died" is rare.
          ok = !negated_before(i);
          break;
        case SingularKind::kReflexive:
          ok = !negated_before(i);
          if (im.category == Category::kMilitants) {
            Category sc = Category::kUnknown;
            size_t first = 0;
            if (accident()) {
              im.category = Category::kUnknown;
            } else if (ReflexiveSubject(ws, b, i, &sc, &first) && sc != Category::kUnknown) {
              // "a 15-year-old girl took her own life": the noun right before names who died
              // (a victim, as later sentences call her), not an attacker.
              im.category = sc;
            } else if (ChildSubject(ws, b, i)) {
              // "2-year-old boy took gun from mother's purse, fatally shot himself".
              im.category = Category::kCivilians;
            }
          }
          im.shooter = im.category == Category::kMilitants;
          break;
        case SingularKind::kPost: {
          // The verb's number settles a coordinated subject: "a woman and her son were killed"
          // is two, "the father of a boy and a girl was killed" one.
          int n = negated_before(i) ? 0 : subject_before(i, &im.category);
          if (n >= 2 && is_in(i, singular_verbs_)) n = 1;
          if (n == 1 && is_in(i, plural_verbs_)) n = 0;
          ok = n >= 1;
          im.value = n;
          break;
        }
        case SingularKind::kPre:
          if (!negated_before(i)) {
            int n = object_after(i + len, &im.category);
            ok = n >= 1;
            im.value = n;
            // "he killed his wife and son": his victims; he may have died too.
            im.part = n >= 2;
          }
          break;
        case SingularKind::kTail: {
          // "killed the boy and himself", "kills 5-year-old son, self": the killer's own death
          // after a victim's, read earlier in the sentence. A lone "self" must be joined so.
          bool victim = false;
          for (size_t k = first_out; k < out->size(); ++k) {
            const Implicit& y = (*out)[k];
            victim |= y.field == Field::kKilled && y.value > 0 && !y.implied && !y.shooter &&
                      y.cue.end <= cue.begin;
          }
          const bool joined =
              len > 1 || (i > b && (IsPunct(w[i - 1], ",") || is_in(i - 1, joints_)));
          ok = victim && joined && !negated_before(i);
          im.category = accident() ? Category::kUnknown : Category::kMilitants;
          im.shooter = im.category == Category::kMilitants;
          break;
        }
        case SingularKind::kImplied:
          // "a murder-suicide", "a double homicide": at least the deaths the name implies.
          ok = !negated_before(i);
          im.value = c.value;
          im.implied = im.part = true;
          break;
      }
      if (!ok) continue;
      bool dup = false;
      for (size_t k = first_out; k < out->size(); ++k) {
        const Implicit& y = (*out)[k];
        if (y.field == im.field && y.category == im.category && y.value == im.value) dup = true;
      }
      if (!dup) out->push_back(im);
    }
    i += len;
  }
  // One victim "critically wounded and later died": the death only.
  for (size_t k = first_out; k < out->size();) {
    const Implicit& x = (*out)[k];
    bool died = false;
    for (size_t m = first_out; m < out->size(); ++m) {
      const Implicit& y = (*out)[m];
      died |= y.field == Field::kKilled && y.value > 0 && y.category == x.category && !y.implied;
    }
    if (x.field == Field::kInjured && x.value > 0 && died) {
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
}

namespace {
// Whether words [b, e) have no lower-case ASCII letter as written: an acronym's test.
bool WrittenInCapitals(std::string_view text, const WordStream& w, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k) {
    for (size_t j = w[k].span.begin; j < w[k].span.end && j < text.size(); ++j) {
      if (text[j] >= 'a' && text[j] <= 'z') return false;
    }
  }
  return true;
}
}  // namespace

std::string ClaimExtractor::Attribution(const WordStream& ws, size_t s) const {
  const WordStream& w = ws;
  const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
  std::vector<size_t> cue_pos;
  struct Hit {
    size_t pos;
    const SourceInfo* info;
  };
  std::vector<Hit> hits;
  for (size_t i = source_trie_.Next(ws, b, e); i < e; i = source_trie_.Next(ws, i, e)) {
    uint32_t id = 0;
    size_t len = source_trie_.Match(w, i, e, &id);
    if (len == 0) {
      ++i;
      continue;
    }
    if ((id & 1) != 0 && !WrittenInCapitals(ws.text(), w, i, i + len)) {
      ++i;
      continue;
    }
    const SourceInfo& info = sources_[id >> 1];
    if (info.kind == 0) {
      cue_pos.push_back(i);
    } else {
      hits.push_back({i, &info});
    }
    i += len;
  }
  if (cue_pos.empty()) return "";
  const Hit* best = nullptr;
  long best_score = 1 << 30;
  for (const Hit& h : hits) {
    long d = 1 << 20;
    for (size_t c : cue_pos) {
      long dist = h.pos > c ? static_cast<long>(h.pos - c) : static_cast<long>(c - h.pos);
      d = std::min(d, dist);
    }
    long score = d + (h.info->kind == 2 ? 1000 : 0);  // an outlet only relays
    if (score < best_score) {
      best_score = score;
      best = &h;
    }
  }
  if (best != nullptr) return best->info->canonical;
  // "he said": the speaker was named in the sentence before, in the same paragraph.
  if (s > 0 && ws.paragraph(s - 1) == ws.paragraph(s)) return Attribution(ws, s - 1);
  return "";
}

std::vector<Claim> ClaimExtractor::Extract(const Article& article, const Doc& doc,
                                           const WordStream& ws, std::vector<uint32_t>* sentences,
                                           std::vector<bool>* implicit) const {
  std::vector<Claim> out;
  std::vector<size_t> ceilings;  // indexes in `out` of claims from ceiling cues
  std::vector<Figure> figs;
  std::vector<Implicit> singles;
  bool implied_seen = false;
  const WordStream& w = ws;
  for (size_t s = 0; s < ws.num_sentences(); ++s) {
    figs.clear();
    singles.clear();
    // Sentences without a number have no numeric figure.
    if (ws.has_number(s)) ReadSentence(ws, s, doc.timexes, &figs);
    // Most sentences hold no singular cue at all: no call to find that out.
    if (singular_trie_.Next(ws, ws.sentence_begin(s), ws.sentence_end(s)) < ws.sentence_end(s)) {
      ReadSingular(ws, s, &singles);
    }
    if (figs.empty() && singles.empty()) continue;
    // A killer's own death after his killings ("shot his wife and son, then killed himself"):
    // whoever he killed before it is a victim, never the attacker counted again, so a death of
    // no stated category before the cue is a civilian's. Totals then add the shooter's death.
    uint32_t shooter_at = UINT32_MAX;
    for (const Implicit& im : singles) {
      if (im.shooter && im.field == Field::kKilled) shooter_at = std::min(shooter_at, im.cue.begin);
    }
    if (shooter_at != UINT32_MAX) {
      for (Implicit& im : singles) {
        if (!im.shooter && !im.implied && im.field == Field::kKilled &&
            im.category == Category::kUnknown && im.value > 0 && im.cue.end <= shooter_at) {
          im.category = Category::kCivilians;
        }
      }
      for (Figure& f : figs) {
        if (f.field != Field::kKilled || w[f.num].span.end > shooter_at) continue;
        if (f.category == Category::kUnknown) f.category = Category::kCivilians;
        // "shot his two sons before turning the gun on himself": a murder-suicide's victims.
        f.ceiling = false;
      }
    }
    // A cue a figure read ("four people ... have now died") is that figure's, not a singular
    // subject's found further back ("Saturday").
    for (const Figure& f : figs) {
      if (f.cue == SIZE_MAX) continue;
      const Span& cs = w[f.cue].span;
      singles.erase(std::remove_if(singles.begin(), singles.end(),
                                   [&](const Implicit& im) {
                                     return im.field == f.field && !im.implied && !im.shooter &&
                                            im.cue.begin < cs.end && cs.begin < im.cue.end;
                                   }),
                    singles.end());
    }
    std::string attributed = Attribution(ws, s);
    Span sspan = ws.sentence_span(s);
    for (const Implicit& im : singles) {
      // An article names its event's kind once where it tells it; a later "the murder-suicide
      // was the second this month" recalls it or counts others.
      if (im.implied && implied_seen) continue;
      implied_seen |= im.implied;
      Claim c;
      c.doc_id = article.doc_id;
      c.source = article.source;
      c.span = sspan;
      c.quote = article.text.substr(sspan.begin, sspan.size());
      c.figure_span = im.cue;
      c.field = im.field;
      c.category = im.category;
      c.value = c.low = c.high = im.value;
      c.qualifier = Qualifier::kExact;
      if (im.implied) {
        c.qualifier = Qualifier::kAtLeast;
        c.high = std::numeric_limits<double>::infinity();
      }
      c.attributed_to = attributed;
      // A killer's victims counted by name or noun ("killed his wife and son"), or the least
      // count an event's name implies, are a lower bound: the killer may have died too.
      c.scope = im.part ? Scope::kPart : Scope::kIncident;
      c.independent = article.copy_of.empty();
      if (article.published) c.published = *article.published;
      out.push_back(std::move(c));
      if (sentences != nullptr) sentences->push_back(static_cast<uint32_t>(s));
      if (implicit != nullptr) implicit->push_back(true);
    }
    // Gapped parts count into their head ("52 in A, six in B": 58), with no claim of their own.
    for (const Figure& f : figs) {
      if (f.gap_of != SIZE_MAX) figs[f.gap_of].add += doc.quantities[w[f.num].quantity].value;
    }
    std::erase_if(figs, [](const Figure& f) { return f.gap_of != SIZE_MAX; });
    // "one man and two children dead": the figure of no category beside figures of one counts
    // the rest of one total, so it carries their sum ("the total is 3, 2 of them children").
    for (size_t i = 0; i < figs.size();) {
      size_t j = i + 1;
      while (j < figs.size() && figs[j].coord && figs[j].field == figs[i].field) ++j;
      size_t unknown = j, n_unknown = 0;
      double others = 0;
      bool exact = true;
      for (size_t k = i; k < j; ++k) {
        const Quantity& q = doc.quantities[w[figs[k].num].quantity];
        exact &= q.qualifier == Qualifier::kExact && !figs[k].part;
        if (figs[k].category == Category::kUnknown) {
          unknown = k;
          ++n_unknown;
        } else {
          others += q.value;
        }
      }
      if (j - i >= 2 && n_unknown == 1 && exact) figs[unknown].add += others;
      i = j;
    }
    for (const Figure& f : figs) {
      const Quantity& q = doc.quantities[w[f.num].quantity];
      bool in_timex = false;
      for (const Timex& t : doc.timexes) {
        if (t.span.begin < q.span.end && q.span.begin < t.span.end) in_timex = true;
      }
      // "thousands of people" over years of conflict is no incident's toll.
      bool sweeping = q.qualifier == Qualifier::kVague && q.low >= 1000;
      if (in_timex || sweeping || q.value <= 0 || q.value > 1e6) continue;
      Claim c;
      c.doc_id = article.doc_id;
      c.source = article.source;
      c.span = sspan;
      c.quote = article.text.substr(sspan.begin, sspan.size());
      c.figure_span = q.number_span.empty() ? q.span : q.number_span;
      c.field = f.field;
      c.category = f.category;
      c.value = q.value + f.add;
      c.low = q.low + f.add;
      c.high = q.high + f.add;
      c.qualifier = q.qualifier;
      if (f.ceiling) {  // "shot three people": the dead among them, at most three
        c.qualifier = Qualifier::kUpTo;
        c.low = 0;
        c.high = c.value;
        ceilings.push_back(out.size());
      }
      c.attributed_to = attributed;
      c.scope = f.part ? Scope::kPart : Scope::kIncident;
      c.independent = article.copy_of.empty();
      if (article.published) c.published = *article.published;
      out.push_back(std::move(c));
      if (sentences != nullptr) sentences->push_back(static_cast<uint32_t>(s));
      if (implicit != nullptr) implicit->push_back(false);
    }
  }
  DropFilledCeilings(ceilings, &out, sentences, implicit);
  return out;
}

void ClaimExtractor::DropFilledCeilings(const std::vector<size_t>& ceilings,
                                        std::vector<Claim>* out, std::vector<uint32_t>* sentences,
                                        std::vector<bool>* implicit) {
  if (ceilings.empty()) return;
  double hurt = -1;  // the article's largest specific count of wounded, -1 when none
  for (const Claim& c : *out) {
    if (c.field == Field::kInjured && c.scope != Scope::kPart &&
        (c.qualifier == Qualifier::kExact || c.qualifier == Qualifier::kAtLeast ||
         c.qualifier == Qualifier::kMoreThan)) {
      hurt = std::max(hurt, c.value);
    }
  }
  if (hurt <= 0) return;
  std::vector<bool> drop(out->size(), false);
  for (size_t i : ceilings) drop[i] = (*out)[i].value <= hurt;
  size_t kept = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) {
      (*out)[kept] = std::move((*out)[i]);
      if (sentences != nullptr) (*sentences)[kept] = (*sentences)[i];
      if (implicit != nullptr) (*implicit)[kept] = (*implicit)[i];
    }
    ++kept;
  }
  out->resize(kept);
  if (sentences != nullptr) sentences->resize(kept);
  if (implicit != nullptr) implicit->resize(kept);
}

}  // namespace sitrep
