#include "extract/suspects.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {
namespace {

constexpr size_t kMaxAsGap = 6;           // words between "identified" and "as"
constexpr size_t kMaxOfWords = 14;        // words of an ", of <residence>," apposition
constexpr size_t kMaxPredicateWords = 8;  // words of a first predicate before "and <cue>"
constexpr size_t kMaxMeansWords = 8;      // words from "used" to its purpose ("to kill")

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// First letter upper case: ASCII, or a Latin-1 capital (U+00C0..U+00DE but U+00D7) so "Élodie"
// and "Ñúñez" count.
bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  if (IsAsciiUpper(s[0])) return true;
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC3) {
    unsigned char d = static_cast<unsigned char>(s[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// StartsUpper of word w's text, read in place (no substring, no bounds check).
bool StartsUpper(std::string_view text, const Word& w) {
  const size_t n = w.span.size();
  if (n == 0) return false;
  const char* p = text.data() + w.span.begin;
  if (IsAsciiUpper(p[0])) return true;
  if (n >= 2 && static_cast<unsigned char>(p[0]) == 0xC3) {
    unsigned char d = static_cast<unsigned char>(p[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool IsPunct(const Word& w, char c) {
  return w.kind == WordKind::kPunct && w.lower.size() == 1 && w.lower[0] == c;
}

bool IsNumberish(const Word& w) {
  return w.kind == WordKind::kNumber ||
         (w.kind == WordKind::kWord && !w.lower.empty() && w.lower[0] >= '0' && w.lower[0] <= '9');
}

// Words i and i+1 are one token joined by a hyphen or apostrophe ("O'Brien", "Smith-Jones").
bool Joined(std::string_view text, const Word& a, const Word& b) {
  if (b.span.begin <= a.span.end || b.span.begin - a.span.end > 3) return false;
  for (uint32_t k = a.span.end; k < b.span.begin; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (c <= ' ') return false;
  }
  return a.kind == WordKind::kWord && b.kind == WordKind::kWord;
}

// Whether the end of `s` lies inside a quotation opened in it: an odd number of straight double
// quotes, or more opening curly quotes than closing ones.
bool InQuotation(std::string_view s) {
  int straight = 0, curly = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '"') {
      ++straight;
    } else if (s.compare(k, 3, "\xE2\x80\x9C") == 0) {
      ++curly;
    } else if (s.compare(k, 3, "\xE2\x80\x9D") == 0) {
      --curly;
    }
  }
  return straight % 2 == 1 || curly > 0;
}

struct Run {
  uint32_t begin = 0;  // first word
  uint32_t end = 0;    // one past the last word (initials, suffix and their dots included)
  uint32_t first = 0;  // first name word
  uint32_t last = 0;   // last name word (the surname)
  int name_words = 0;
  uint32_t initials[2] = {0, 0};  // words of middle initials ("J" of "J."), left out of names
  int num_initials = 0;
};

// A full name by its first and last name words (lower case, views into the WordStream); a
// word has no spaces, so this is the "first last" string without building it.
struct NameKey {
  std::string_view first, last;
  bool operator==(const NameKey&) const = default;
};

// A name word -> the full name it belongs to (and whether several do), for the surnames or the
// first names of an article's full names.
struct Surname {
  std::string_view surname;
  uint32_t hash;  // the word's Word::key_hash: compared before the bytes
  NameKey key;
  bool ambiguous;
};

// Surnames by their word's hash, in one flat open-addressing table sized once: an article may
// name dozens of people, and a linear search per mention grew with their square.
class NameTable {
 public:
  // Room for `max_entries` without growing.
  explicit NameTable(size_t max_entries) {
    size_t n = 8;
    while (n < 2 * max_entries) n *= 2;
    slots_.assign(n, -1);
    entries_.reserve(max_entries);
  }
  bool empty() const { return entries_.empty(); }
  // The entry of `name`'s lower-case word, or null.
  Surname* Find(const Word& name) {
    for (size_t s = name.key_hash & (slots_.size() - 1);; s = (s + 1) & (slots_.size() - 1)) {
      const int32_t k = slots_[s];
      if (k < 0) return nullptr;
      Surname& x = entries_[static_cast<size_t>(k)];
      if (x.hash == name.key_hash && x.surname == name.lower) return &x;
    }
  }
  // Adds an entry for a word Find() did not find.
  void Add(const Surname& x) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    size_t s = x.hash & (slots_.size() - 1);
    while (slots_[s] >= 0) s = (s + 1) & (slots_.size() - 1);
    slots_[s] = static_cast<int32_t>(entries_.size());
    entries_.push_back(x);
  }

 private:
  void Grow() {
    slots_.assign(2 * slots_.size(), -1);
    for (size_t k = 0; k < entries_.size(); ++k) {
      size_t s = entries_[k].hash & (slots_.size() - 1);
      while (slots_[s] >= 0) s = (s + 1) & (slots_.size() - 1);
      slots_[s] = static_cast<int32_t>(k);
    }
  }
  std::vector<int32_t> slots_;  // index into entries_, -1 empty; at most half full
  std::vector<Surname> entries_;
};

struct Tally {
  std::string canonical;
  Span span;           // at the first perpetrator cue
  Span victim_span;    // at the first victim cue
  uint32_t order = 0;  // first mention
  int perp = 0, victim = 0;
  int self = 0;  // own-death cues, perpetrator cues when someone else is a victim
  int weak = 0;  // victim cues that fit a shooter too ("died", "was taken to")
};

}  // namespace

Result<std::unique_ptr<SuspectFinder>> SuspectFinder::Load(const std::string& dir) {
  std::unique_ptr<SuspectFinder> f(new SuspectFinder());
  std::map<std::string, std::pair<std::string, uint32_t>> bits;  // normalized key -> phrase, bits
  Status st = ForEachTsvRow(dir + "/suspect_cues.tsv", 3, [&](const auto& cols, int) -> Status {
    static constexpr std::pair<std::string_view, Kind> kKinds[] = {
        {"before", kBefore},         {"after", kAfter}, {"as", kAs},      {"noun", kNoun},
        {"possessive", kPossessive}, {"agent", kAgent}, {"means", kMeans}};
    static constexpr std::pair<std::string_view, Role> kRoles[] = {
        {"perpetrator", kPerp}, {"victim", kVictim}, {"self", kSelf}, {"weak", kWeak}};
    // Single words of the name's clause: they take no role.
    const std::pair<std::string_view, WordSet*> word_sets[] = {
        {"coord", &f->coord_},           {"clause_end", &f->clause_end_},
        {"pronoun", &f->pronoun_},       {"reflexive", &f->reflexive_},
        {"speech", &f->speech_},         {"adverb", &f->adverb_},
        {"instrument", &f->instrument_}, {"suffix", &f->suffix_},
        {"appos_det", &f->appos_det_},   {"appos_open", &f->appos_open_},
        {"floating", &f->floating_},     {"relative", &f->relative_},
        {"report", &f->report_},         {"agent_prep", &f->agent_prep_},
        {"as_prep", &f->as_prep_},       {"list_joint", &f->list_joint_}};
    for (const auto& [name, set] : word_sets) {
      if (cols[1] != name) continue;
      if (cols[2] != "-") {
        return InvalidArgument("column 3: role of " + std::string(cols[1]) + " must be -, not \"" +
                               std::string(cols[2]) + "\"");
      }
      for (std::string_view p : SplitBar(cols[0])) {
        std::vector<std::string> words = NormalizePhrase(p);
        if (words.size() != 1) {
          return InvalidArgument("column 1: one word per " + std::string(cols[1]) + ", not \"" +
                                 std::string(p) + "\"");
        }
        set->Add(words[0]);
      }
      return Status::Ok();
    }
    const auto* kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                    [&](const auto& k) { return k.first == cols[1]; });
    if (kind == std::end(kKinds)) {
      return InvalidArgument(
          "column 2: kind \"" + std::string(cols[1]) +
          "\" is not before, after, as, noun, possessive, agent, means, coord, clause_end, "
          "pronoun, reflexive, speech, adverb, instrument, suffix, appos_det, appos_open, "
          "floating, relative, report, agent_prep, as_prep or list_joint");
    }
    const auto* role = std::find_if(std::begin(kRoles), std::end(kRoles),
                                    [&](const auto& r) { return r.first == cols[2]; });
    if (role == std::end(kRoles)) {
      return InvalidArgument("column 3: role \"" + std::string(cols[2]) +
                             "\" is not perpetrator, victim, self or weak");
    }
    for (std::string_view p : SplitBar(cols[0])) {
      std::vector<std::string> words = NormalizePhrase(p);
      if (words.empty()) return InvalidArgument("column 1: empty phrase");
      std::string key;
      for (const std::string& w : words) key += w + " ";
      auto& slot = bits[key];
      slot.first = std::string(p);
      slot.second |= Bit(kind->second, role->second);
      f->max_cue_words_ = std::max(f->max_cue_words_, words.size());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  for (const auto& [key, v] : bits) f->cues_.Add(v.first, v.second);
  Result<WordSet> stop = WordSet::Load(dir + "/name_stopwords.txt");
  if (!stop.ok()) return stop.status();
  f->stop_ = std::move(stop).value();
  // Classes the claim reader and the extractor read too: ", of Dayton," (someone's home), the
  // possessive's clitic ("s" of "Smith's") and an age's unit and tail ("22-year-old").
  const WordClassSpec shared[] = {{"home_prep", &f->home_prep_},
                                  {"clitic", &f->clitic_},
                                  {"year_unit", &f->age_unit_},
                                  {"age_tail", &f->age_tail_}};
  st = LoadWordClasses(dir + "/function_words.tsv", shared);
  if (!st.ok()) return st;
  return f;
}

bool SuspectFinder::RegisterTries(StartIndex* index) { return index->Register(&cues_); }

std::optional<ActorMention> SuspectFinder::Find(const WordStream& ws,
                                                const std::vector<bool>* skip_sentence,
                                                const std::vector<Span>* places,
                                                std::vector<ActorMention>* victims) const {
  if (victims != nullptr) victims->clear();
  const WordStream& w = ws;
  const std::string_view text = ws.text();
  auto skip = [&](size_t s) {
    return skip_sentence != nullptr && s < skip_sentence->size() && (*skip_sentence)[s];
  };
  // A capitalised word that may belong to a name.
  auto name_word = [&](size_t i) {
    return w[i].kind == WordKind::kWord && w[i].lower.size() >= 2 && StartsUpper(text, w[i]) &&
           !stop_.contains(w[i]) && !suffix_.contains(w[i]);
  };
  // The run of name words starting at i within [i, e), or a run with name_words == 0.
  auto run_at = [&](size_t i, size_t e) {
    Run r;
    r.begin = r.end = static_cast<uint32_t>(i);
    size_t k = i;
    while (k < e) {
      if (name_word(k)) {
        size_t t = k + 1;
        // Joined pieces ("O'Brien"); a possessive "'s" ends the name.
        bool age = false;
        while (t < e && Joined(text, w[t - 1], w[t]) && !clitic_.contains(w[t])) {
          age |= age_unit_.contains(w[t]);
          ++t;
        }
        // A spelled-out age ("Thirty-two-year-old") is no name word.
        if (age) break;
        if (r.name_words == 0) r.first = static_cast<uint32_t>(k);
        r.last = static_cast<uint32_t>(k);
        ++r.name_words;
        k = t;
        r.end = static_cast<uint32_t>(k);
        if (r.name_words == 4) break;
        continue;
      }
      // A middle initial "J." between name words.
      if (r.name_words > 0 && w[k].kind == WordKind::kWord && w[k].lower.size() == 1 &&
          IsAsciiUpper(ws.Original(k)[0]) && k + 2 < e && IsPunct(w[k + 1], '.') &&
          name_word(k + 2)) {
        if (r.num_initials < 2) r.initials[r.num_initials++] = static_cast<uint32_t>(k);
        k += 2;
        continue;
      }
      break;
    }
    // A suffix: "Jr.", ", Jr.", "III".
    if (r.name_words >= 2) {
      size_t k2 = r.end;
      if (k2 < e && IsPunct(w[k2], ',') && k2 + 1 < e && suffix_.contains(w[k2 + 1])) ++k2;
      if (k2 < e && suffix_.contains(w[k2]) && StartsUpper(ws.Original(k2))) {
        ++k2;
        if (k2 < e && IsPunct(w[k2], '.')) ++k2;
        r.end = static_cast<uint32_t>(k2);
      }
    }
    return r;
  };
  // Runs are read in text order: with places sorted by begin, the places beginning at or
  // before a run are a growing prefix, and one of them holds the run exactly when the largest
  // end in that prefix reaches the run's end.
  const bool places_sorted = places != nullptr && std::is_sorted(places->begin(), places->end(),
                                                                 [](const Span& x, const Span& y) {
                                                                   return x.begin < y.begin;
                                                                 });
  size_t place_prefix = 0;  // places[0, place_prefix) begin at or before the last run
  uint32_t prefix_end = 0;  // the largest end among them
  auto is_place = [&](const Run& r) {
    if (places == nullptr) return false;
    const uint32_t b = w[r.begin].span.begin, e = w[r.end - 1].span.end;
    if (places_sorted) {
      while (place_prefix < places->size() && (*places)[place_prefix].begin <= b) {
        prefix_end = std::max(prefix_end, (*places)[place_prefix++].end);
      }
      return place_prefix > 0 && e <= prefix_end;
    }
    for (const Span& p : *places) {
      if (p.begin <= b && e <= p.end) return true;
    }
    return false;
  };
  auto key_of = [&](const Run& r) { return NameKey{w[r.first].lower, w[r.last].lower}; };

  // Pass 1: the runs of every sentence (pass 2 reads them again), full names and their surnames
  // (a surname shared by two people is ambiguous).
  struct Found {
    Run run;
    uint32_t sentence;
    bool place;
  };
  std::vector<Found> runs;
  // At most one run per candidate word: one allocation, not one per doubling.
  runs.reserve(ws.capitalized().size());
  // surname -> (key, ambiguous), and first name -> (key, ambiguous) the same way: family
  // stories call their members by first names ("Tom shot his sister" after "Tom Roe, 12,").
  // A full name takes two capitalised words at least: room for all of them at once.
  NameTable surname_key(ws.capitalized().size() / 2);
  NameTable given_key(ws.capitalized().size() / 2);
  auto find_in = [](NameTable& v, const Word& name) { return v.Find(name); };
  auto find_surname = [&](const Word& surname) { return find_in(surname_key, surname); };
  // Most words start no name: only the words WordStream found may begin with a capital (what
  // StartsUpper accepts, two bytes or more) are read, in text order; a run read already covers
  // the candidates inside it. A run never leaves its sentence.
  size_t covered = 0;  // words before it belong to a run read already
  for (const uint32_t i : ws.capitalized()) {
    if (i < covered) continue;
    const size_t s = w[i].sentence;
    Run r = run_at(i, ws.sentence_end(s));
    if (r.name_words == 0) continue;
    const bool place = is_place(r);
    if (r.name_words >= 2 && !place) {
      NameKey key = key_of(r);
      if (Surname* x = find_surname(w[r.last])) {
        if (!(x->key == key)) x->ambiguous = true;
      } else {
        surname_key.Add({w[r.last].lower, w[r.last].key_hash, key, false});
      }
      if (Surname* x = find_in(given_key, w[r.first])) {
        if (!(x->key == key)) x->ambiguous = true;
      } else {
        given_key.Add({w[r.first].lower, w[r.first].key_hash, key, false});
      }
    }
    runs.push_back(Found{r, static_cast<uint32_t>(s), place});
    covered = r.end;
  }
  if (surname_key.empty()) return std::nullopt;

  // The bits of every cue phrase ending exactly at word `end` ("the gunman" and "gunman"); 0
  // when none.
  auto cue_ending_at = [&](size_t b, size_t end) -> uint32_t {
    uint32_t found = 0;
    for (size_t k = 1; k <= max_cue_words_ && k <= end - b; ++k) {
      uint32_t payload = 0;
      if (cues_.Match(w, end - k, end, &payload) == k) found |= payload;
    }
    return found;
  };

  // The bits of the cue phrase starting at word `at` (after a name). An agent verb followed by a
  // name ("NAME fatally shot NAME2") is a perpetrator cue; written in lower case, as running
  // text has it: in a title-case headline every word looks like a name.
  auto cue_after = [&](size_t at, size_t end) -> uint32_t {
    uint32_t p = 0;
    size_t n = cues_.Match(w, at, end, &p);
    // An adverb may stand before the verb: "NAME also allegedly told police".
    if (n == 0 && at + 1 < end && adverb_.contains(w[at])) n = cues_.Match(w, ++at, end, &p);
    if ((p & Bit(kAgent, kPerp)) && at + n < end && !StartsUpper(text, w[at]) &&
        name_word(at + n)) {
      p |= Bit(kAfter, kPerp);
    }
    // "NAME used a hunting rifle to kill ...": the means, then its purpose, in one
    // clause (no comma, no clause_end word between).
    if (n == 0 && at < end && instrument_.contains(w[at])) {
      for (size_t k = at + 1; k < end && k <= at + kMaxMeansWords; ++k) {
        if (IsPunct(w[k], ',') || clause_end_.contains(w[k])) break;
        uint32_t q = 0;
        if (cues_.Match(w, k, end, &q) > 0 && (q & Bit(kMeans, kPerp)) != 0) {
          p |= Bit(kAfter, kPerp);
          break;
        }
      }
    }
    return p;
  };

  // A speaker reports and is no pronoun's antecedent: "NAME said", or "said NAME" after a quote
  // or comma ("...," said NAME), not "police said NAME shot ...".
  auto speaker = [&](const Run& r) {
    const size_t b = ws.sentence_begin(w[r.begin].sentence),
                 e = ws.sentence_end(w[r.begin].sentence);
    return (r.end < e && speech_.contains(w[r.end])) ||
           (r.begin >= b + 2 && speech_.contains(w[r.begin - 1]) &&
            w[r.begin - 2].kind == WordKind::kPunct);
  };
  // The first name of each sentence that reads as a person, for the pronouns after it ("Smith
  // shot his wife. He then shot himself."): runs are read in order, so one per sentence.
  struct Antecedent {
    uint32_t sentence, word;
    int tally;                 // index into `tally`, -1 for a shared surname
    std::string_view surname;  // the shared surname
    Span name;
  };
  std::vector<Antecedent> antecedents;

  // Pass 2: cues around every mention.
  std::vector<std::pair<NameKey, Tally>> tally;
  tally.reserve(runs.size());  // at most one per run
  uint32_t order = 0;
  // The perpetrator and own-death cues of bare surnames several full names share.
  struct SharedCue {
    std::string_view surname;
    Span span;
    int perp, self;
  };
  std::vector<SharedCue> shared_cues;
  // The word after the last name a victim cue before it named, and its sentence: a name listed
  // right after it ("the murders of NAME and NAME") is a victim too.
  size_t list_end = SIZE_MAX, list_sentence = SIZE_MAX;
  for (const Found& f : runs) {
    const size_t s = f.sentence;
    if (skip(s) || f.place) continue;
    const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
    const Run& r = f.run;
    NameKey key;
    const Surname* shared = nullptr;  // a bare surname several full names share
    if (r.name_words >= 2) {
      key = key_of(r);
    } else {
      // A surname first; else a first name that is nobody's surname.
      const Surname* x = find_surname(w[r.last]);
      if (x != nullptr && x->ambiguous) {
        shared = x;
      } else {
        if (x == nullptr) x = find_in(given_key, w[r.last]);
        if (x == nullptr || x->ambiguous) continue;
        key = x->key;
      }
    }
    // A shared surname's cues are tallied apart and given to one of its bearers after the pass.
    Tally shared_tally;
    Tally* slot = &shared_tally;
    int slot_index = -1;  // into `tally`
    if (shared == nullptr) {
      slot = nullptr;
      for (size_t k = 0; k < tally.size(); ++k) {
        if (tally[k].first == key) {
          slot = &tally[k].second;
          slot_index = static_cast<int>(k);
          break;
        }
      }
      if (slot == nullptr) {
        slot_index = static_cast<int>(tally.size());
        slot = &tally.emplace_back(key, Tally()).second;
        slot->order = order++;
      }
    }
    Tally& t = *slot;
    Span name{w[r.begin].span.begin, w[r.end - 1].span.end};
    if ((antecedents.empty() || antecedents.back().sentence != s) && !speaker(r)) {
      antecedents.push_back({static_cast<uint32_t>(s), r.begin, slot_index,
                             shared == nullptr ? std::string_view() : shared->surname, name});
    }
    auto keep_shared = [&] {
      if (shared != nullptr && t.victim == 0 && (t.perp > 0 || t.self > 0)) {
        shared_cues.push_back({shared->surname, name, t.perp, t.self});
      }
    };
    if (r.name_words >= 2) {
      // As written, without middle initials: sources differ on them, not on the name.
      size_t size = name.size();
      for (int n = 0; n < r.num_initials; ++n) {
        size -= w[r.initials[n] + 2].span.begin - w[r.initials[n]].span.begin;
      }
      if (size > t.canonical.size()) {
        std::string canonical;
        canonical.reserve(size);
        uint32_t from = name.begin;
        for (int n = 0; n < r.num_initials; ++n) {
          canonical.append(text.substr(from, w[r.initials[n]].span.begin - from));
          from = w[r.initials[n] + 2].span.begin;
        }
        canonical.append(text.substr(from, name.end - from));
        t.canonical = std::move(canonical);
      }
    }
    // A possessive ("Smith's fiance", "Smith's wife was killed") modifies the noun after it:
    // the cues around it are that person's, not the named one's, but for a possessive cue
    // ("Smith's rifle went off").
    if (r.end < e && clitic_.contains(w[r.end]) && Joined(text, w[r.end - 1], w[r.end])) {
      uint32_t p = 0;
      if (cues_.Match(w, r.end + 1, e, &p) > 0 && (p & Bit(kPossessive, kPerp))) {
        if (t.perp == 0) t.span = name;
        ++t.perp;
      } else if (p & Bit(kPossessive, kSelf)) {
        // "NAME's gunshot wound appears to be self-inflicted": an own-death cue.
        if (t.perp == 0 && t.self == 0) t.span = name;
        ++t.self;
      }
      keep_shared();
      continue;
    }
    // Before the name: "[cue] [,] [22-year-old] [,] NAME".
    size_t k = r.begin;
    auto skip_age = [&] {
      if (k >= b + 3 && IsNumberish(w[k - 3]) && age_unit_.contains(w[k - 2]) &&
          age_tail_.contains(w[k - 1])) {
        k -= 3;
      }
    };
    skip_age();
    if (k > b && IsPunct(w[k - 1], ',')) --k;
    skip_age();
    uint32_t before = cue_ending_at(b, k);
    // The agent of a passive shooting verb: "was shot by NAME", "accidentally shot by his
    // grandfather, NAME". A victim cue ending in "by" ("shot by") names the victim before it and
    // the shooter after it.
    auto passive_by = [&](size_t end) {
      return end > b && agent_prep_.contains(w[end - 1]) &&
             (cue_ending_at(b, end) & Bit(kAfter, kVictim));
    };
    if ((before & Bit(kBefore, kPerp)) == 0) {
      bool comma = false;
      for (size_t j = k; j < r.begin; ++j) comma |= IsPunct(w[j], ',');
      // "by his grandfather, NAME": a determiner and a lower-case noun, then the comma.
      const bool apposition = comma && k >= b + 3 && w[k - 1].kind == WordKind::kWord &&
                              !StartsUpper(ws.Original(k - 1)) && appos_det_.contains(w[k - 2]);
      if (passive_by(k) || (apposition && passive_by(k - 2))) before |= Bit(kBefore, kPerp);
    }
    // "identified the gunman as NAME": the role noun nearest before "as" decides.
    if (k > b && as_prep_.contains(w[k - 1])) {
      size_t as = k - 1;
      bool licensed = false;
      for (size_t j = as; j > b && as - j < kMaxAsGap && !licensed; --j) {
        licensed = (cue_ending_at(b, j) & Bit(kAs, kPerp)) != 0;
      }
      if (licensed) {
        for (size_t j = as; j > b; --j) {
          uint32_t p = cue_ending_at(b, j);
          if (p & Bit(kNoun, kPerp)) {
            before |= Bit(kBefore, kPerp);
            break;
          }
          if (p & Bit(kNoun, kVictim)) {
            before |= Bit(kBefore, kVictim);
            break;
          }
        }
      }
    }
    // A list after a victim cue: "killed NAME, NAME and 4-year-old NAME".
    // (`k` stands before the comma and age the name may follow.)
    if ((before & (Bit(kBefore, kPerp) | Bit(kBefore, kVictim))) == 0 && s == list_sentence &&
        ((k > b && k - 1 == list_end &&
          (list_joint_.contains(w[k - 1]) || IsPunct(w[k - 1], ','))) ||
         (k == list_end && IsPunct(w[k], ',')))) {
      before |= Bit(kBefore, kVictim);
    }
    if (before & Bit(kBefore, kVictim)) {
      list_end = r.end;
      list_sentence = s;
    }
    // After the name: "NAME [, 23] [, of Dayton] [,] [who] [cue]".
    constexpr uint32_t kAfterRoles =
        Bit(kAfter, kPerp) | Bit(kAfter, kVictim) | Bit(kAfter, kSelf) | Bit(kAfter, kWeak);
    size_t a = r.end;
    if (a < e && IsPunct(w[a], '(') && a + 2 < e && IsNumberish(w[a + 1]) &&
        IsPunct(w[a + 2], ')')) {
      a += 3;
    }
    // The apposition: commas, an age, "of" and a capitalised place, in any order.
    if (a < e && IsPunct(w[a], ',')) {
      while (a < e) {
        if (IsPunct(w[a], ',') || IsNumberish(w[a])) {
          ++a;
        } else if (appos_open_.contains(w[a]) && a > r.end && IsPunct(w[a - 1], ',')) {
          // ", a 10th grader at Lincoln High," / ", an ex-con on parole,": up to the comma.
          size_t c = a + 1;
          while (c < e && c < a + kMaxOfWords && !IsPunct(w[c], ',')) ++c;
          if (c >= e || !IsPunct(w[c], ',')) break;
          a = c;
        } else if (home_prep_.contains(w[a]) && a > r.end && IsPunct(w[a - 1], ',')) {
          // ", of Dayton," / ", of the 100 block of Elm Street in Dayton,": up to the comma.
          // News often drops the closing comma (", of Dayton was charged with murder, a
          // felony"): a cue of the name's role before any punctuation ends it there.
          size_t c = a + 1;
          bool plain = true;  // only words and numbers so far
          for (; c < e && c < a + kMaxOfWords && !IsPunct(w[c], ','); ++c) {
            plain = plain && w[c].kind != WordKind::kPunct;
            if (plain && (cue_after(c, e) & kAfterRoles) != 0) break;
          }
          if (c >= e || !IsPunct(w[c], ',')) {
            if (plain && c < e && c < a + kMaxOfWords) a = c;  // at the cue
            break;
          }
          a = c;
        } else {
          break;
        }
      }
    }
    // A floating quantifier of a list of names: "Tom Roe and Ann Roe, both died".
    if (a > r.end && a < e && floating_.contains(w[a])) ++a;
    if (a < e && relative_.contains(w[a])) {
      ++a;
      // "NAME, who police say shot ...": a reporting clause between "who" and its verb.
      if (a + 1 < e && w[a].kind == WordKind::kWord && report_.contains(w[a + 1])) {
        a += 2;
      }
    }
    uint32_t after = a < e ? cue_after(a, e) : 0;
    // A second predicate of the name's clause: "NAME ran to the station and told police he had
    // shot a man". The words between stay in the clause: no punctuation, no other name, no word
    // that opens another clause ("when", "who").
    // A lone comma after the name is no apposition: the subject is someone else's ("a man in a
    // Ford Focus, rolled by and began shooting").
    if ((after & kAfterRoles) == 0 && a != r.end + 1) {
      for (size_t j = a; j < e && j <= a + kMaxPredicateWords; ++j) {
        if (w[j].kind != WordKind::kWord || name_word(j) || clause_end_.contains(w[j])) break;
        if (j == a || !coord_.contains(w[j])) continue;  // "NAME and ..." is a list
        size_t k = j + 1;
        if (k < e && coord_.contains(w[k])) ++k;  // "and then"
        if (k < e) after |= cue_after(k, e) & kAfterRoles;
        break;
      }
    }
    bool perp = (before & Bit(kBefore, kPerp)) || (after & Bit(kAfter, kPerp));
    bool victim = (before & Bit(kBefore, kVictim)) || (after & Bit(kAfter, kVictim));
    if (perp) {
      if (t.perp == 0) t.span = name;
      ++t.perp;
    }
    if (victim) {
      if (t.victim == 0) t.victim_span = name;
      ++t.victim;
    }
    if (!perp && !victim && (after & Bit(kAfter, kWeak))) ++t.weak;
    if (!perp && !victim && (after & Bit(kAfter, kSelf))) {
      if (t.perp == 0 && t.self == 0) t.span = name;
      ++t.self;
    }
    keep_shared();
  }
  // A reflexive own-death cue ("then turned the gun on himself") names the first person named
  // before it in its sentence: "NAME used a pistol to kill his children while they slept, then
  // turned the weapon on himself". After a subject pronoun ("police said he killed himself",
  // "He then shot himself."), the first named in the sentence before when its own names none
  // (the subject the pronoun continues). Not inside a quotation opened in its sentence: the
  // speaker's "he" may be anyone.
  // Own-death cues count only when someone else is a victim (below): without one, no sentence
  // is read; with one, only those that name a person and the ones right after them.
  constexpr uint32_t kOwnDeath = Bit(kAfter, kSelf) | Bit(kAfter, kPerp);
  bool any_victim = false;
  for (const auto& [k, t] : tally) any_victim |= t.victim > 0 || t.weak > 0;
  for (size_t s = 0, next = 0; any_victim && s < ws.num_sentences(); ++s) {
    while (next < antecedents.size() && antecedents[next].sentence + 1 < s) ++next;
    if (next == antecedents.size()) break;
    if (antecedents[next].sentence > s) {
      s = antecedents[next].sentence - 1;  // the loop's ++s lands on it
      continue;
    }
    if (skip(s)) continue;
    const size_t b = ws.sentence_begin(s), e = ws.sentence_end(s);
    for (size_t i = b + 1; i < e; ++i) {
      // In lower case, as running text writes it: a title-case headline reads as one long name.
      if (!reflexive_.contains(w[i]) || StartsUpper(text, w[i]) ||
          (cue_ending_at(b, i + 1) & kOwnDeath) == 0) {
        continue;
      }
      if (InQuotation(text.substr(ws.sentence_span(s).begin,
                                  w[i].span.begin - ws.sentence_span(s).begin))) {
        continue;
      }
      // The subject pronoun right before the cue, if any.
      bool pronoun = false;
      for (size_t j = i; j > b && !pronoun && i - j < max_cue_words_; --j) {
        uint32_t p = 0;
        pronoun = pronoun_.contains(w[j - 1]) && cues_.Match(w, j, e, &p) == i + 1 - j &&
                  (p & kOwnDeath) != 0;
      }
      const Antecedent* to = nullptr;
      for (size_t k = next; k < antecedents.size() && antecedents[k].sentence <= s; ++k) {
        const Antecedent& x = antecedents[k];
        if (x.sentence == s ? x.word < i : pronoun && !skip(x.sentence)) to = &x;
        if (x.sentence == s) break;
      }
      if (to == nullptr) continue;
      if (to->tally < 0) {
        shared_cues.push_back({to->surname, to->name, 0, 1});
      } else {
        Tally& t = tally[static_cast<size_t>(to->tally)].second;
        if (t.perp == 0 && t.self == 0) t.span = to->name;
        ++t.self;
      }
    }
  }
  // A bare surname several full names share ("Smith was arrested" after "Tom Smith" and "Ann
  // Smith"): its perpetrator and own-death cues go to the bearer the article accuses by full name
  // (the most cues), else to the first named, the story's principal (news style calls relatives
  // by their first names); never to one a victim cue names. A shared surname with a victim cue of
  // its own is left out: it may be anyone's.
  for (const SharedCue& c : shared_cues) {
    Tally* to = nullptr;
    for (auto& [k, t] : tally) {  // in the order first named
      if (k.last != c.surname || t.canonical.empty() || t.victim > 0) continue;
      if (to == nullptr || t.perp + t.self > to->perp + to->self) to = &t;
    }
    if (to == nullptr) continue;
    if (to->perp == 0 && to->self == 0) to->span = c.span;
    to->perp += c.perp;
    to->self += c.self;
  }
  // Own-death cues name a murder-suicide's shooter when someone else was hurt.
  for (auto& [key, t] : tally) {
    if (t.self == 0) continue;
    bool others = false;
    for (const auto& [k2, t2] : tally) others |= !(k2 == key) && (t2.victim > 0 || t2.weak > 0);
    if (others) t.perp += t.self;
  }

  const Tally* best = nullptr;
  for (const auto& [key, t] : tally) {
    // A weak victim cue weighs half: a murder-suicide's shooter is found dead too, an arrested
    // one is taken to jail.
    if (2 * t.perp <= 2 * t.victim + t.weak || t.canonical.empty()) continue;
    if (best == nullptr || t.perp > best->perp || (t.perp == best->perp && t.order < best->order)) {
      best = &t;
    }
  }
  if (victims != nullptr) {
    // Victims: full names whose victim cues outnumber their perpetrator and own-death cues, in
    // the order first named (tally order).
    for (const auto& [key, t] : tally) {
      if (&t == best || t.canonical.empty() || t.victim <= t.perp + t.self) continue;
      ActorMention v;
      v.span = t.victim_span;
      v.canonical = t.canonical;
      v.actor_class = ActorClass::kCivilians;
      v.role = ActorRole::kTarget;
      v.person = true;
      victims->push_back(std::move(v));
    }
  }
  if (best == nullptr) return std::nullopt;
  ActorMention m;
  m.span = best->span;
  m.canonical = best->canonical;
  m.actor_class = ActorClass::kArmedGroup;
  m.role = ActorRole::kPerpetrator;
  m.responsibility = ActorMention::Responsibility::kAccused;
  m.person = true;
  return m;
}

}  // namespace sitrep
