// Actor lexicon: named armed groups, state forces and generic actor classes (militants,
// civilians...), matched in a WordStream, with the responsibility each sentence reports
// ("claimed responsibility", "did not take responsibility", "accused X of backing"). A group
// named only as another group's parent or ally in the same sentence ("Al-Shabaab, which has ties
// to al-Qaeda", "the al-Qaeda-linked al-Shabaab") is kept as kOther: it is no actor of the
// event and never the antecedent of "the group". A group hyphen-joined to an affiliation
// adjective ("an al-Qaeda-linked armed group", "IS-inspired gunmen") is kOther whatever follows.
//
// Data (in the extract data dir): actors.tsv, responsibility.tsv, negators.txt and the article
// and definite classes of function_words.tsv. Load() compiles them into tries once; Find() is
// const and thread-safe.
#ifndef SITREP_EXTRACT_ACTORS_H_
#define SITREP_EXTRACT_ACTORS_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"
#include "model/event.h"

namespace sitrep {

class ActorLexicon {
 public:
  // `dir` holds the extract data files. Errors name the file and line.
  static Result<std::unique_ptr<ActorLexicon>> Load(const std::string& dir);

  // Every actor mention in text order. "the group" resolves to the last named armed group of the
  // preceding sentences (dropped when there is none). Responsibility is set on the mention the
  // cue points to; a state accused by name ("accused India of backing") is added as kOther.
  std::vector<ActorMention> Find(const WordStream& ws) const;

  size_t size() const { return entries_.size(); }

  // Registers every trie of this lexicon with `index` (StartIndex); false when the index is
  // full. Call once, after Load.
  [[nodiscard]] bool RegisterTries(StartIndex* index);

 private:
  struct Entry {
    std::string canonical;
    ActorClass actor_class = ActorClass::kOther;
    bool anaphor = false;
  };
  struct Alias {
    uint32_t entry = 0;
    std::string exact;  // alnum-only spelling when matching is case-sensitive (acronyms)
  };
  struct Cue {
    ActorMention::Responsibility kind = ActorMention::Responsibility::kNone;
    int side = 0;  // -1 actor before, +1 after, 0 either
    // kind agent: the state force right beside the cue fired ("soldiers opened fire on", "an
    // air strike by the army"); it is marked accused, as the sources name it as the attacker.
    bool agent = false;
  };

  ActorLexicon() = default;

  // Payloads of affiliation_trie_: on which side of its cue the affiliated group stands.
  static constexpr uint32_t kAffiliateBefore = 1;  // "the al-Qaeda-linked al-Shabaab"
  static constexpr uint32_t kAffiliateAfter = 2;   // "al-Shabaab, which has ties to al-Qaeda"
  static constexpr uint32_t kAffiliateNoun = 3;    // "JNIM, an al-Qaeda affiliate, claimed ..."
  // True when the armed group at words [i, i+len) is named as the parent or ally of another
  // armed group of its sentence, not as an actor. `before`/`sent`: the mentions found so far and
  // their sentences.
  bool NamedAsAffiliation(const WordStream& ws, size_t i, size_t len,
                          const std::vector<ActorMention>& before,
                          const std::vector<uint32_t>& sent) const;

  std::vector<Entry> entries_;
  std::vector<Alias> aliases_;
  PhraseTrie alias_trie_;
  std::vector<Cue> cues_;
  PhraseTrie cue_trie_;
  PhraseTrie affiliation_trie_;  // "ties to", "-linked": see responsibility.tsv
  WordSet negators_;
  WordSet articles_;  // "a", "the": open the noun phrase an affiliate noun heads
  WordSet definite_;  // "the": skipped before a group or an accused name
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_ACTORS_H_
