// Casualty claims: every reported figure of killed, injured, abducted, arrested, freed and
// vehicles destroyed, read from the Doc's quantities with a small local grammar:
//   cue before the number   "killing at least 23 passengers", "the bodies of six people"
//   cue after its noun      "23 people were killed", "25 dead", "35 vehicles set ablaze"
//   toll phrases            "the death toll rose to 60"
//   verb-final clauses      "Drei Menschen wurden bei dem Angriff am Sonntag getötet": after a
//                           "bracket" auxiliary the clause's last cue (ClauseFinalCue); a date
//                           may stand between a verb and its figure ("starben am Dienstag zwei")
//                           and in a subordinate clause the verb group closes ("als zwei
//                           Polizisten bei einer Kontrolle verletzt wurden")
//   a subject's modifier    "four people involved in a shooting early Saturday have now died",
//                           "three men who were wounded ... have died": the figure's verb is the
//                           last cue of the clause (PredicateAfter); "injured in the blast
//                           later died" is a death
// A cue marked "ceiling" (claim_cues.tsv) gives an upper bound, qualifier up_to: "shot three
// people" counts the dead and the wounded, so at most three were killed; before the shooter's own
// death in the sentence ("shot his two sons before turning the gun on himself") they are his
// victims' deaths. Such a bound no larger than the article's own count of wounded ("3 injured
// in shooting ... shot three people") tells no death: it is dropped.
// Gapped parts: bare numbers after a comma or "and", each before a site ("in the ..."), in the
// clause of a claimed figure placed so, count into it ("52 deaths were recorded in the A
// hospital, six in the B hospital, and one in the C complex": 59, read at the 52); "three in
// Karachi" may be another town's attack and is no part.
// A number before an active transitive cue with its object ("three gunmen killed five people")
// counts agents and gives nothing.
//   coordination and parts  "four police and five civilians were killed" (two claims),
//                           "10 people, including five police" (the 5 is Scope::kPart);
//                           coordinated exact figures with one of no category: that one carries
//                           the total ("one man and two children dead": 3, and 2 civilians)
// The noun after the number gives the victim category; ages, times, distances and counts of
// attacks are never figures (an age set off by commas after a name or a singular person noun,
// "Smith, 23," "a boy, 6,", is an age), nor is a count after an ordinal of a series ("the first
// of two teenagers killed this weekend"); a negated or hypothetical cue ("could kill", "no one
// was") gives nothing. Each number yields at most one claim. Attribution comes from the
// sentence's reporting cue and the nearest named source ("police said", "according to
// officials", "told AFP").
//
// Figures without a number (data file singular.tsv) are "implicit" claims: one victim named by a
// singular noun, pronoun or name ("a man was shot and killed", "he died at the scene", "killing a
// 23-year-old woman") gives value 1; the shooter's own death ("killed himself") gives 1 with
// category militants, unless the sentence calls the shooting accidental (data kind "accident":
// category unknown) or a victim noun stands right before the cue ("a 15-year-old girl took her
// own life": that noun's category). Beside a shooter's own death, a death of no stated category
// counted before it in the sentence is a civilian's ("shot and killed his son before killing
// himself", "killing 3, then killed himself"): his victims, so totals add his death to theirs.
// An explicit zero ("no one was injured") gives 0. A plural subject or
// object gives none (the numeric grammar reads it); two coordinated singular objects give 2
// ("killed a woman and her 5-year-old son", also after a possessive, a name or an apposition:
// "killed her father and daughter", "killing 30-year-old Mia Lane and her son"), and coordinated
// singular subjects (nouns or names) of a plural or bare predicate count each ("a woman and her
// son were shot and killed", "the woman, the man and the child were pronounced dead"; a "was ..."
// predicate keeps one, a "were ..." one without such a list gives none); a headline may drop the
// article ("killed 7-year-old boy", "kills 5-year-old son"). Several victims of one killer are a
// lower bound (Scope::kPart): he may have died too. The killer's own death joined to his victim
// ("killed the boy and himself", "son, self") is read like a reflexive one. A young child who is
// the first person of the reflexive's clause is no attacker ("2-year-old boy took gun from
// mother's purse, fatally shot himself"). An event's name implies a least count of deaths, read
// once per article as at_least, kPart ("a deadly shooting" 1, "a murder-suicide" 2, "a triple
// murder-suicide" 4).
// Per sentence at most one implicit claim per field
// and category, and an implicit injury beside an implicit death of the same category is dropped
// (one victim, "critically wounded and later died"). Their figure_span is the cue's words.
//
// Scope here is kIncident or kPart; the Extractor upgrades figures of wave sentences to kWave.
// Data files: claim_cues.tsv, nouns.tsv, function_words.tsv, sources.tsv, negators.txt,
// singular.tsv.
// Load() compiles them once; Extract() is const and thread-safe.
#ifndef SITREP_EXTRACT_CLAIMS_H_
#define SITREP_EXTRACT_CLAIMS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"
#include "model/article.h"
#include "model/doc.h"
#include "model/event.h"

namespace sitrep {

class ClaimExtractor {
 public:
  // `dir` holds the extract data files. Errors name the file and line.
  static Result<std::unique_ptr<ClaimExtractor>> Load(const std::string& dir);

  // All claims of the article, sentence by sentence. `sentences` (optional) receives the
  // WordStream sentence of each claim, `implicit` (optional) whether it is an implicit claim (no
  // number in the text; see above). Claim::span is the sentence and Claim::quote its exact bytes.
  std::vector<Claim> Extract(const Article& article, const Doc& doc, const WordStream& ws,
                             std::vector<uint32_t>* sentences,
                             std::vector<bool>* implicit = nullptr) const;

  // Who sentence `s` says reports its figures: a canonical short name ("police", "officials",
  // "the military", "AFP"), or "" when the sentence is not attributed.
  std::string Attribution(const WordStream& ws, size_t s) const;

  // Registers every trie of this lexicon with `index` (StartIndex); false when the index is
  // full. Call once, after Load.
  [[nodiscard]] bool RegisterTries(StartIndex* index);

 private:
  enum Position : uint8_t { kPre = 1, kPost = 2, kToll = 4 };
  enum class NounGroup : uint8_t { kNone, kPerson, kVehicle, kBodies, kLives, kOther, kEvent };
  enum class Requires : uint8_t { kAny, kPerson, kVehicle, kBodies, kLives };
  enum Role : uint16_t {
    kNpStop = 1,
    kPostSkip = 2,
    kPreFiller = 4,
    kPart = 8,
    kCoord = 16,
    kMajority = 32,
    kAge = 64,
    kSequence = 128
  };
  struct CueInfo {
    Field field = Field::kKilled;
    uint8_t positions = 0;
    Requires needs = Requires::kAny;
    bool ceiling = false;  // the number bounds the field from above ("shot three people")
  };
  struct NounInfo {
    NounGroup group = NounGroup::kNone;
    Category category = Category::kUnknown;
  };
  struct SourceInfo {
    std::string canonical;
    int kind = 0;  // 0 cue, 1 source, 2 outlet
  };
  struct NounPhrase {
    NounGroup group = NounGroup::kNone;
    Category category = Category::kUnknown;
    size_t end = 0;  // one past the last word of the noun phrase (the number itself when none)
  };
  struct Figure;
  enum class SingularKind : uint8_t { kPost, kPre, kReflexive, kZero, kTail, kImplied };
  struct SingularCue {
    SingularKind kind = SingularKind::kPost;
    Field field = Field::kKilled;
    Category category = Category::kUnknown;
    double value = 1;  // kImplied: the least number of deaths the event's name implies
  };
  struct Implicit {
    Span cue;
    Field field = Field::kKilled;
    Category category = Category::kUnknown;
    double value = 1;
    bool shooter = false;  // a reflexive cue read as the attacker's own death
    bool implied = false;  // a count implied by the event's name ("murder-suicide"): at least
    bool part = false;     // a lower bound: implied, or several victims of one killer named
  };

  ClaimExtractor() = default;

  NounPhrase NounAfter(const WordStream& w, size_t n, size_t e) const;
  uint16_t RolesAt(const WordStream& w, size_t i, size_t e, size_t* len) const;
  const std::vector<CueInfo>* CueAt(const WordStream& w, size_t i, size_t e, size_t* len) const;
  static bool Accepts(const CueInfo& c, const NounPhrase& np);
  // True when an auxiliary stands before word `cue`, over adverbs ("were also killed").
  bool AfterAuxiliary(const WordStream& w, size_t b, size_t e, size_t cue) const;
  // True when the transitive cue of `len` words at word `cue` is active with its object right
  // after it ("three gunmen killed five people", "who killed a woman"): the subject before it is
  // the agent, no victim. A cue after an auxiliary ("were killed") is passive.
  bool ActiveWithObject(const WordStream& w, size_t b, size_t e, size_t cue, size_t len,
                        const CueInfo& c) const;
  // The predicate of a person-noun subject whose modifier starts at word `m` ("four people
  // involved in a shooting early Saturday have now died", "three men who were wounded ... have
  // died", "23 people in the market were killed"): the field of the last post cue within the
  // clause, within 16 words (no number, negator, clause end or clause link such as "and",
  // "which", "after" before it; commas may set off a place: "in Toledo, Ohio, have died"),
  // over transitive cues with no auxiliary before them ("who killed a woman", "accused of
  // killing") and cue words used as nouns after a determiner ("the shooting"); nullopt when none.
  // *at receives the cue's first word.
  std::optional<Field> PredicateAfter(const WordStream& w, size_t b, size_t e, size_t m,
                                      const NounPhrase& np, size_t* at) const;
  // The German verb-final clause ("Drei Menschen wurden bei dem Angriff am Sonntag getötet"):
  // the field of a post cue that `np` accepts standing last in the clause that goes on at word
  // `from` (only skip words such as "worden" after it, then punctuation, the sentence's end, a
  // clause link or a coordination), within 12 words (a date or time phrase counts as one) and
  // before any comma, number outside a date, negator or clause link; nullopt when none. *at
  // receives the cue's first word, *len its length.
  std::optional<Field> ClauseFinalCue(const WordStream& w, size_t e, size_t from,
                                      const NounPhrase& np, const std::vector<Timex>& timexes,
                                      size_t* at, size_t* len) const;
  // One past the date or time phrase at word k ("am Sonntag", "on Tuesday": a timex of the text
  // stage, with a time preposition before it), or k when none starts there.
  size_t TimexAfter(const WordStream& w, size_t k, size_t e,
                    const std::vector<Timex>& timexes) const;
  // The first word of the date or time phrase that ends right before word j (not before word b),
  // or j when none ends there.
  size_t TimexBefore(const WordStream& w, size_t b, size_t j,
                     const std::vector<Timex>& timexes) const;
  // Numeric figures of sentence s; `timexes` are the Doc's, in text order.
  void ReadSentence(const WordStream& ws, size_t s, const std::vector<Timex>& timexes,
                    std::vector<Figure>* figs) const;
  // Drops the claims at `ceilings` (from ceiling cues) that the article's own count of wounded
  // fills: "3 injured in shooting ... shot three people" tells no death. `sentences` and
  // `implicit` (optional) are kept in step with *out.
  static void DropFilledCeilings(const std::vector<size_t>& ceilings, std::vector<Claim>* out,
                                 std::vector<uint32_t>* sentences, std::vector<bool>* implicit);
  // Implicit claims of sentence s (see the header comment).
  void ReadSingular(const WordStream& ws, size_t s, std::vector<Implicit>* out) const;
  // The subject of a reflexive death whose cue starts at word `cue` (sentence from word b): the
  // singular noun right before it, over a relative pronoun ("a girl who shot herself") or a name
  // ("a 3-year-old, Sam Lee, shot himself"). A noun of unknown category naming a young child by
  // age ("a 4-year-old boy", "an 18-month-old") is a civilian: no such child is an attacker.
  bool ReflexiveSubject(const WordStream& ws, size_t b, size_t cue, Category* cat,
                        size_t* first) const;
  // True when the first person named in the reflexive cue's clause (words [b, cue)) is a young
  // child by age ("2-year-old boy took gun from mother's purse, fatally shot himself") and no
  // other person but a possessive one ("mother's") stands before the cue: no attacker.
  bool ChildSubject(const WordStream& ws, size_t b, size_t cue) const;
  // True when the age noun starting at word `first` ("year old", "months old"), or one before
  // the person noun there ("3-year-old boy"), follows a number of years up to 12, or of months.
  bool ReadsAsChild(const WordStream& ws, size_t b, size_t first) const;
  // The singular noun ending at word j (within [b, j]): its category and first word, or false.
  bool SingularNounEndingAt(const WordStream& w, size_t b, size_t j, Category* cat,
                            size_t* first) const;

  std::vector<std::vector<CueInfo>> cues_;
  PhraseTrie cue_trie_;
  std::vector<NounInfo> nouns_;
  PhraseTrie noun_trie_;
  std::vector<uint16_t> roles_;
  PhraseTrie role_trie_;
  std::vector<SourceInfo> sources_;
  PhraseTrie source_trie_;
  WordSet negators_;
  // Single-word classes of function_words.tsv that the subject readings (ReflexiveSubject,
  // ChildSubject) test word by word: year_unit, month_unit, relative, pronoun, joint, link.
  WordSet year_units_, month_units_, relatives_, pronouns_, joints_, links_;
  // Classes of the predicate readings (PredicateAfter, ActiveWithObject): modifier, auxiliary,
  // clause_link, object.
  WordSet modifiers_, auxiliaries_, clause_links_, objects_;
  WordSet brackets_;     // "wurden": an auxiliary whose participle may close the clause
  WordSet subords_;      // "als", "dass": open a clause whose verb group closes it (subordinator)
  WordSet time_preps_;   // "am", "on": open a date or time phrase ("am Sonntag")
  WordSet place_preps_;  // "in", "at": the place of a gapped part ("six in the civil hospital")
  // The singular-victim readings' words: victim_det ("and her son"), one_pronoun ("he"),
  // no_pronoun ("they"), object_pronoun ("shot him").
  WordSet victim_dets_, one_pronouns_, no_pronouns_, object_pronouns_;
  WordSet partitives_;    // "of" after a number, before its noun ("dozens of militants")
  WordSet spread_preps_;  // "in" before a count of events: "38 people in three assaults"
  WordSet age_tails_;     // "old" after an age unit: "a 3-year-old"
  // A verb's number after a coordinated subject: singular_verb ("was"), plural_verb ("were").
  WordSet singular_verbs_, plural_verbs_;
  WordSet clitics_;     // "s" of "mother's": the noun before it is a possessor
  WordSet name_preps_;  // "of", "in": a name after one is a place, no coordinated victim
  std::vector<std::vector<SingularCue>> singular_cues_;
  PhraseTrie singular_trie_;
  std::vector<Category> singular_nouns_;
  PhraseTrie singular_noun_trie_;
  PhraseTrie accident_trie_;  // "accidentally": a reflexive death is no attacker's
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_CLAIMS_H_
