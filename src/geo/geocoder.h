// Geocoder: finds place names in an article and resolves each to one gazetteer entry.
//
// Candidates are capitalised word n-grams (1-4 words, lower-case connectors such as "de", "al"
// allowed inside) for cased scripts, and any n-gram for scripts without case (Arabic, Devanagari,
// ...), looked up by match key (geo/match_key.h). A following or preceding unit word ("Oakhaven
// district", "Sindh province") says which level is meant. Each mention is then resolved by context:
// countries and provinces named in the article (demonyms count too), "Town, Province" pairs,
// the dateline ("SPRINGFIELD:"), nearness to the article's other places, population, feature type
// (capital, seat, populated place) and how exactly the text spells the entry's name. Common words
// that are also places ("Police", "Reading", month names, first names...) come from
// data/geo/geocoder_words.tsv and need strong context to count.
//
// A lower-case compass word between a locative word and the name, an article before it ("in
// northwest Harlow County", "outside a north Millbrook home"; geocoder_words.tsv direction, article,
// indefinite), leaves the name in the locative frame.
//
// English "the city of X", "the village of X" (a lower-case unit word, then "of") call X a place:
// enough for a small town with no country in view. A locative word before that phrase ("near the
// city of X"), or a noun of a town's surroundings before "of" ("on the outskirts of X";
// geocoder_words.tsv vicinity), frames X as "in X" does; in such a frame a spelling that doubles
// or drops a repeated letter of a well-known town's name ("Kismaayo" for Kismayo) counts as a
// recorded other name of it.
//
// Further evidence, all from data/geo/: region abbreviations ("Cartersville, Ga.", "Austin, TX";
// region_abbrevs.tsv) act like a named province; institution phrases ("county sheriff", "U.S.")
// and the article language (ur -> PK, hi -> IN) add weaker country context (context_cues.tsv);
// a name's own mentions are not its context (so "Georgia" in a sheriff's story is the US state).
// Not places: words used as a person's name in the article (after a title or first name, before
// "said", before an age: geocoder_words.tsv title/speech), 2-3 letter all-capital tokens other
// than country acronyms from countries.tsv ("BLA"). In caseless scripts only names of large or
// administrative places in the article's countries (or, with no country in view, capitals and
// cities of a million) count, and only when they recur, open a line or stand beside a locative
// word of their language (geocoder_words.tsv postposition/preposition: "لاہور میں", "في بغداد").
// In a caseless script that writes every vowel (data/geo/phonetic_scripts.tsv: Devanagari) the
// transliteration reaches the Latin name's key, so an entry reached by its official name counts
// as known in that script ("चुराचांदपुर" is Churachandpur, which GeoNames has only in Latin).
// A non-Latin word unknown as written is also looked up without an attached proclitic (Arabic
// "ببغداد") or a case ending (Russian "Багдаде"), from geocoder_words.tsv proclitic/ending.
// In a language of data/geo/name_suffixes.tsv (Turkish), a capitalised word ending in an
// apostrophe (' or U+2019) and a listed case suffix ("Kabil'de", "Ankara'ya") is the name alone:
// the mention's span stops before the apostrophe, and the suffix closes the name (no longer name
// runs across it). An unlisted suffix, or another language, leaves the word whole ("Sana'a").
// A name after a locative word of the article's language ("a Mosca", "à Moscou", "en Damasco")
// or with a locative case suffix ("Kabil'de"; data/geo/locative_cues.tsv) is in a locative frame
// as after English "in"; so a recorded other name of a capital or a city of a million counts
// there even against an exactly spelled town a twentieth its size ("Mosca", Peru). A Russian
// ending row may name the nominative it replaces ("Грозном" is looked up as "Грозный").
//
// Real-news namesakes (each rule fixed a class of wrong readings on US local and world news):
// a sentence's capitalised first word needs its official or a recorded spelling, not only the
// coarse key; a multi-word name holding a pronoun or a lone capital letter ("She Was", "Side A")
// is no place (nor, like all-capital text not spelled as the entry, evidence for the article's
// other names), nor is the word after a middle initial ("Booker T. Washington"), nor a name
// before an outlet noun ("the X channel", geocoder_words.tsv outlet); a small multi-word place
// outside the article's dominant country needs its region in the text; a dateline's small town
// in a state the story neither names nor implies is dropped, as elsewhere in the text, a
// city spelled exactly at a sentence start or a county after a preposition implies its state,
// a town section (PPLX) weighs no more population than a namesake town of its own
// ("UNIVERSAL CITY --" is the Texas town, not the Los Angeles quarter), and a title-case
// headline's "In X Of" is an idiom ("In Wake Of Shootings"), not a place.
//
// Parts and wholes: a section of a town (GeoNames PPLX, "North Lawndale") in an article that
// names the town stands for the town, and counts at all only when its country is in context; in
// countries listed in data/geo/district_seat_countries.tsv (US) a county mention carries the town
// in it that the article names, or else the county seat (its span stays the county's words, its
// admin2 the county); a state capital is the seat of a county that lists no other ("Leon
// County" is Tallahassee). "St. Louis", "Ft. Worth" are also looked up spelled out
// (data/geo/name_abbrevs.tsv).
//
// A region joined to the name before it by a possessive or a genitive word ("Chhattisgarh's
// Bijapur", Hindi "छत्तीसगढ़ के बीजापुर"; geocoder_words.tsv owner_link) pairs with it as in
// "Town, Province"; in a caseless script such a paired town counts as a known one.
// "X district" in an article that names a province holding a town X, where the gazetteer knows
// district X only in another province, is that town (standing for its district), not the
// namesake district; not in the seat countries, whose counties are named apart from their towns.
//
// Output: PlaceMention in text order, countries and provinces included (level kCountry /
// kProvince); a district-level reading (level kDistrict) when the text says "X district" or names
// a district entry (outside the seat countries above). confidence is in (0, 1]; a place used
// attributively ("Peshawar-bound", "Texas-based") is returned with confidence <= 0.2: named, but
// not where anything happened.
//
// Thread safety: a Geocoder is immutable after construction; Find() may run on many threads.
// Find() reuses per-thread scratch (the article's words and their folded forms, its mentions,
// bounded caches of n-gram lookups and of the readings made from their postings, per Geocoder,
// and a bounded pool of small readings buffers), which grows to the largest article a thread has
// seen.
// The Gazetteer must outlive the Geocoder.
#ifndef SITREP_GEO_GEOCODER_H_
#define SITREP_GEO_GEOCODER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "geo/gazetteer.h"
#include "model/doc.h"
#include "model/event.h"

namespace sitrep {

class TokenKeys;

class Geocoder {
 public:
  // Loads the word lists from <data dir>/geo/; a missing list is treated as empty (the geocoder
  // then only has capitalisation and population to avoid false positives).
  explicit Geocoder(const Gazetteer* gaz);
  // Same, reporting a missing or malformed word list as an error. data_dir "" = DataDir().
  [[nodiscard]] static Result<std::unique_ptr<Geocoder>> Create(const Gazetteer* gaz,
                                                                const std::string& data_dir = "");

  // `doc` may be empty (the geocoder scans the text itself); `lang` is ISO 639-1 or "".
  std::vector<PlaceMention> Find(std::string_view text, const Doc& doc,
                                 std::string_view lang) const;
  // The same, given the text stage's TokenKeys of doc.tokens (TextAnalyzer::Analyze): words
  // that are plain ASCII tokens (TokenKeys::ascii_word) with nothing around them that would join
  // them to more are taken with their lower-cased form from `keys` instead of being scanned
  // again; the result is the same as without. Null keys, or keys of other tokens, are ignored.
  std::vector<PlaceMention> Find(std::string_view text, const Doc& doc, const TokenKeys* keys,
                                 std::string_view lang) const;

 private:
  struct Words;
  Geocoder(const Gazetteer* gaz, std::shared_ptr<const Words> words);
  static Result<std::shared_ptr<const Words>> LoadWords(const std::string& dir);

  // Indexes the seat town (PPLA2) of each county in Words::seat_countries, in seats_ and, with
  // the state capital of a county that has none, in county_seats_.
  void BuildSeats();
  // Allocates entry_facts_, every slot not yet made.
  void BuildEntryTables();
  static std::string SeatKey(std::string_view cc, std::string_view admin1, std::string_view admin2);

  const Gazetteer* gaz_;
  std::shared_ptr<const Words> words_;
  // "CC|admin1|admin2" -> gazetteer index of the county's seat town.
  std::unordered_map<std::string, uint32_t> seats_;
  // The same with, for a county that lists no PPLA2 town, the state capital in it: what a county
  // named alone stands for.
  std::unordered_map<std::string, uint32_t> county_seats_;
  // Distinct for every Geocoder ever made: names the owner of a thread's key-lookup cache.
  uint64_t id_;
  // Per gazetteer entry, computed once rather than for every candidate of every article: the
  // population term of the candidate score (log10 of the population, or of a seat's assumed
  // population, plus 10) and the feature code's rank (capital, province seat, ...). One record
  // per entry, so a candidate costs one memory access here.
  struct EntryFacts {
    double log_pop = 0;
    uint8_t fc_kind = 0;
  };
  // The facts of gazetteer entry `index` (< gaz_->size()), made on its first use: making them
  // for every entry at start-up cost a log10 and an entry decode each (~50M instructions for a
  // 250k-entry gazetteer), and an article reads a few hundred.
  EntryFacts Facts(uint32_t index) const;
  // A made slot has log_pop_bits != 0 (log_pop >= 1). Threads that race to make one store the
  // same values; the release store of log_pop_bits publishes fc_kind.
  struct EntryFactsSlot {
    std::atomic<uint64_t> log_pop_bits{0};
    std::atomic<uint8_t> fc_kind{0};
  };
  std::unique_ptr<EntryFactsSlot[]> entry_facts_;
};

}  // namespace sitrep

#endif  // SITREP_GEO_GEOCODER_H_
