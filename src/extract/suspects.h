// Named suspects: the person an article says did the shooting or attack ("police identified the
// gunman as John Smith", "John Smith, 23, was charged with murder", "the suspect, Jane Doe,"), as
// opposed to the people it names as victims ("John Doe, 19, was killed", "the victim, Jane Roe").
//
// Names are recognised generally, never listed: a run of two to four capitalised words (a middle
// initial "J." and a suffix "Jr.", "Sr.", "II", "III", "IV" allowed) that contains no word of
// name_stopwords.txt (titles, institutions, calendar words: "Officer John Smith" gives
// "John Smith"). A single capitalised word counts as a later mention ("Smith was arrested") when
// it is the surname of exactly one full name of the article, or, being nobody's surname, the first
// name of exactly one ("Tom shot his sister" after "Tom Roe, 12,"); a spelled-out age
// ("Thirty-two-year-old") is no name word. The cues (suspect_cues.tsv) look
// at the words right before the name (an age "22-year-old" and a comma may stand between), right
// after it (an apposition ", 23, of Dayton," or ", who", and an adverb "also", "later", may
// stand between), right after a
// coordinating word that joins a second predicate to the name's clause ("NAME ran to the station
// and told police he had shot a man": no punctuation, other name or clause opener such as "who"
// or "when" between), or decide an "identified ... as NAME" by the nearest role noun before it.
// A bare surname that several full names of the article share ("Smith was charged" after "Tom
// Smith" and "Ann Smith") gives its perpetrator and own-death cues to the bearer already accused
// by full name, else to the first named (the story's principal: relatives go by first names),
// never to one a victim cue names; with a victim cue of its own it counts for nobody.
//
// A verb of violence between two names ("NAME fatally shot NAME2", written in lower case: a
// title-case headline's words all look like names) is a perpetrator cue for the first.
//
// A murder-suicide's shooter is the perpetrator though also among the dead: "NAME also shot
// himself", "NAME turned the gun on herself" are perpetrator cues, and so is a copula naming the
// role ("NAME was a suspect in"). A reflexive own-death cue in running text ("then turned the
// weapon on himself", "police said he killed himself") is an own-death cue of the first person
// named before it in its sentence, or, after a subject pronoun when the sentence names nobody
// before it, of the first named in the sentence before; never of a speaker ("NAME said", '..."
// said NAME'), and not inside a quotation opened in its sentence (the speaker's "he" may be
// anyone). A possessive own-death cue ("NAME's gunshot wound appears to be self-inflicted")
// counts the same. A death by one's own hand ("NAME died from an apparent self-inflicted gunshot
// wound", "NAME committed suicide") counts as a perpetrator cue only when another named person
// has a victim or weak cue: alone (also "NAME shot himself") it may be a suicide or an accident.
// A possessive ("Smith's fiance") takes no cues: they belong to the noun after it; only a
// possessive cue ("Smith's gun went off") names the owner of the weapon that fired. A name is the
// suspect when its perpetrator cues outnumber its victim cues; the one with the most such cues
// wins, the first named on ties. A weak victim cue, one that fits a shooter too ("NAME died",
// "NAME was found dead", "NAME was taken to", "NAME was shot by police": the person police shoot
// is most often the armed suspect), weighs half a victim cue: the shooter of a murder-suicide is
// found dead too, so "NAME shot his wife" outweighs it, while a second victim cue does not.
//
// Data (in the extract data dir): suspect_cues.tsv, name_stopwords.txt. Load() compiles them
// once; Find() is const and thread-safe.
#ifndef SITREP_EXTRACT_SUSPECTS_H_
#define SITREP_EXTRACT_SUSPECTS_H_

#include <bit>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"
#include "model/event.h"

namespace sitrep {

class SuspectFinder {
 public:
  // `dir` holds the extract data files. Errors name the file and line.
  static Result<std::unique_ptr<SuspectFinder>> Load(const std::string& dir);

  // The article's named suspect, or nullopt. `skip_sentence` (optional, one flag per WordStream
  // sentence) marks sentences not to read (background); `places` (optional) are spans known to
  // be places: a capitalised run lying inside one ("Sun Valley") is not a name. The mention's span
  // is the name at its first perpetrator cue, `canonical` its fullest spelling as written ("John A.
  // Smith Jr."), actor_class kArmedGroup (a named perpetrator), responsibility kAccused, role
  // kPerpetrator. With `victims` set, it is filled with the people the article names as victims:
  // full names whose victim cues outnumber their perpetrator and own-death cues (a name listed
  // right after one a victim cue before it named, "the murders of NAME and NAME", has that cue
  // too), in the order first named, each actor_class kCivilians, role kTarget, person, span at its
  // first victim cue.
  std::optional<ActorMention> Find(const WordStream& ws,
                                   const std::vector<bool>* skip_sentence = nullptr,
                                   const std::vector<Span>* places = nullptr,
                                   std::vector<ActorMention>* victims = nullptr) const;

  // Registers every trie of this lexicon with `index` (StartIndex); false when the index is
  // full. Call once, after Load.
  [[nodiscard]] bool RegisterTries(StartIndex* index);

 private:
  enum Kind : uint8_t {
    kBefore = 1,
    kAfter = 2,
    kAs = 4,
    kNoun = 8,
    kPossessive = 16,
    kAgent = 32,
    kMeans = 64
  };
  enum Role : uint8_t { kPerp = 0, kVictim = 1, kSelf = 2, kWeak = 3 };
  // Payload of a trie: bit (kind * 4 + role) set for every (kind, role) the phrase has.
  static constexpr uint32_t Bit(Kind k, Role r) {
    return 1u << (std::countr_zero(unsigned{k}) * 4 + r);  // 7 kinds x 4 roles: bits 0..27
  }

  SuspectFinder() = default;

  PhraseTrie cues_;
  size_t max_cue_words_ = 0;
  WordSet stop_;
  WordSet coord_;       // joins a second predicate to the name's clause ("and", "then")
  WordSet clause_end_;  // opens another clause ("who", "when"): the name's predicate ends
  WordSet pronoun_;     // a singular subject pronoun ("he", "she")
  WordSet reflexive_;   // a singular reflexive ("himself", "herself")
  WordSet speech_;      // a reporting verb ("said"): the name next to it is a speaker
  WordSet adverb_;      // may stand between a name and its after cue ("also", "later")
  WordSet instrument_;  // "used": the name's means before a `means` cue ("used a pistol to kill")
  WordSet suffix_;      // "jr", "iii": a generational suffix, part of the name
  WordSet appos_det_;   // "his": opens the apposition of a passive's agent ("by his uncle, NAME")
  WordSet appos_open_;  // "a": opens an apposition after a name (", a student at X,")
  WordSet floating_;    // "both": a floating quantifier after a list of names
  WordSet relative_;    // "who": a relative clause after a name whose verb is the name's
  WordSet report_;      // "said": a reporting verb right after that relative pronoun
  // function_words.tsv classes: clitic ("s" of "'s": ends a name, opens a possessive cue),
  // year_unit and age_tail ("year", "old" of "22-year-old": a joined age is no name word, an age
  // may stand before the name).
  WordSet clitic_, age_unit_, age_tail_;
  WordSet agent_prep_;  // "by": a victim cue ending in it names the shooter after it
  WordSet as_prep_;     // "as" of "identified the gunman as NAME"
  WordSet list_joint_;  // "and" before the last name of a victim list
  WordSet home_prep_;   // "of" of ", of Dayton,": a function_words.tsv class
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_SUSPECTS_H_
