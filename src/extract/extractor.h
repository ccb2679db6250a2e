// Extractor: what a conflict-data coder reads in one article. From the article, its Doc (text
// stage) and its place mentions (geo stage) it makes a DocAnalysis: actors with responsibility,
// casualty claims with qualifiers, categories, attribution and scope, and event mentions — one
// per place the article reports violence at, each with its ACLED type, date, places, actors
// (perpetrator first) and claims, flagged `background` when the article only recalls it and
// `wave` when it describes a coordinated series of attacks.
//
// Scenes: a place named as someone's home ("a Brookfield man", "Smith, 23, of Elmira", "a resident
// of Reno") or inside an institution's name ("St. Agnes Hospital", "the Elmira Daily News") is a
// scene only when the article names no other place as fine; a headline's tail naming the outlet
// ("... - WXYZ News Elmira"; it starts at the first separator after the headline's last trigger, as
// an outlet's name may hold separators of its own) is none, nor is a place naming a media outlet
// ("the X channel"), not even as a last resort (it stays in DocAnalysis::places, which lists every
// place mention). A place named only as the centre of an area around it ("the suburbs of X",
// "the X suburbs") is no scene either: the violence was somewhere near it. A country
// named as where people come from ("gunmen from X", "the attackers are from X") gives way to any
// other place the article names. Dates: a date beside a later procedural step ("was arraigned
// Monday", "the funeral on Saturday") never dates the violence; without another date the mention
// stays undated. Cue and trigger count only in the date's clause (no comma between them; a date
// opening its sentence reaches over its own comma: "On Monday, a grand jury declined to indict").
// An arrest is such a step even though "arrested" also reports an event, but as arrests often
// follow at once, its date stands when the article gives no other. A page's own time stamp
// ("Updated: Mar 21, 2016") never dates anything. A background sentence's place is its own, or
// the previous background sentence's; it takes the article's place only with a "here" cue of
// background_cues.tsv ("in the same town"), else it has none (a town the gazetteer did not read,
// or no specific event at all).
//
// Occasions: a sentence whose occasion cue of background_cues.tsv (a sentencing, an anniversary,
// a protest march) comes before its first trigger of violence recalls that violence ("a court
// sentenced two men for the 2019 bombing"); after a trigger ("gunmen fired on a march") the
// occasion is the target and the sentence is news. A denial row of triggers.tsv ("no arrests were
// made") hides the trigger it holds. Towns joined by a place_coord word of function_words.tsv
// ("attacks on A and B killed 12"), with no trigger or figure between them, share the figure that
// follows them all: it is scoped to the wave, not given to the nearer town.
//
// Load() reads every word list from <data_dir>/extract/ (see the header comment of each file)
// once (procedure_cues.tsv is optional: without it no date is set aside); Extract() is const and
// thread-safe, and never fails: an article in a language the lexicons do not cover gives its
// places and whatever figures they match, possibly none.
#ifndef SITREP_EXTRACT_EXTRACTOR_H_
#define SITREP_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/actors.h"
#include "extract/claims.h"
#include "extract/events.h"
#include "extract/lexicon.h"
#include "extract/suspects.h"
#include "model/article.h"
#include "model/doc.h"
#include "model/event.h"
#include "text/lexicon.h"

namespace sitrep {

class Extractor {
 public:
  // `data_dir` "" = DataDir(). Errors name the data file and line at fault.
  static Result<std::unique_ptr<Extractor>> Load(const std::string& data_dir);

  // Thread-safe. places: all place mentions in the article, in text order.
  DocAnalysis Extract(const Article& article, const Doc& doc,
                      std::vector<PlaceMention> places) const;
  // The same, given the text stage's TokenKeys of doc.tokens (TextAnalyzer::Analyze; may be
  // null): the WordStream reuses their plain ASCII words instead of scanning them again.
  DocAnalysis Extract(const Article& article, const Doc& doc, const TokenKeys* keys,
                      std::vector<PlaceMention> places) const;

 private:
  Extractor() = default;

  std::unique_ptr<ActorLexicon> actors_;
  std::unique_ptr<TriggerLexicon> triggers_;
  std::unique_ptr<ClaimExtractor> claims_;
  std::unique_ptr<SuspectFinder> suspects_;
  PhraseTrie background_;  // payload 2 strong, 1 weak, 0 cancels
  PhraseTrie wave_;
  PhraseTrie destination_;  // "rushed to": the place after it is where victims went
  PhraseTrie spread_;       // "across": the area after it is not one scene
  // "a resident of": the place after it is someone's home; "3 miles east of": the scene is only
  // near it. Both read alike: the place is a scene only when no other is named as fine.
  PhraseTrie origin_;
  // "man", "hospital": the place before it names a home or facility (payload 1); "channel",
  // "TV": it names a media outlet (payload 2), never a scene; "sheriff", "coroner": a county
  // before it names the county's agency (payload 3), read as a facility.
  PhraseTrie after_;
  PhraseTrie institution_;  // "Department": "X Department of Y" is no person living in Y
  // "arraigned", "funeral": a date next to one of these dates a later step, not the violence.
  PhraseTrie procedure_;
  // Recall frames around a date, opening word -> closing word ("since" -> "when").
  StringMap<std::string> recall_frames_;
  // function_words.tsv classes: "the" before a place that names an attack ("the Kestrel
  // shooting", definite), and "which"/"who" after a comma, whose clause's background cue leaves
  // the sentence's news standing (aside).
  WordSet definite_, asides_;
  WordSet home_preps_;  // "of" of "a resident of X", ", of X": a place that is someone's home
  // function_words.tsv class place_coord: joins two towns that share one figure ("A and B").
  WordSet place_coord_;
  // function_words.tsv class additive: a singular victim after one of these ("a police officer
  // was also killed", "another soldier died") is one more, not the earlier one told again.
  WordSet additives_;
  // Every trie above and in the lexicons, registered once at load: a WordStream made with it
  // answers "may a phrase of lexicon X start here" for all of them with one lookup per word.
  // Unused (streams made without it) if registration failed.
  StartIndex start_index_;
  bool indexed_ = false;

  // True when a phrase of `cues` ends within `reach` words before words[place_word], with no
  // punctuation between them, inside the sentence starting at word `sentence_begin`.
  static bool CueBefore(const PhraseTrie& cues, const WordStream& w, size_t sentence_begin,
                        size_t place_word, size_t reach);
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_EXTRACTOR_H_
