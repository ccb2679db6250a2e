#include "geo/geocoder.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <span>
#include <type_traits>

#include "base/data_dir.h"
#include "base/flat_map.h"
#include "base/tsv.h"
#include "geo/match_key.h"
#include "geo/word_class_table.h"
#include "text/lexicon.h"
#include "text/normalize.h"

namespace sitrep {

namespace {
// The hash of a folded word throughout the geocoder (word lists, the article's word sets, the
// n-gram cache): StringHash (text/lexicon.h), the value the text stage's TokenKeys carries for
// each token already, so that the words taken from the keys are not hashed again.
struct WordHash {
  uint64_t operator()(std::string_view s) const { return StringHash{}(s); }
};
template <typename V>
using WordMap = FlatMap<std::string, V, WordHash>;

// Strings looked up by std::string_view without making a std::string (a transparent hash).
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
};
using ViewSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

// Tables by language code: a short list, searched in order.
template <typename V>
using ByLanguage = std::vector<std::pair<std::string, V>>;
// The value for `lang`, or null.
template <typename V>
const V* FindLanguage(const ByLanguage<V>& table, std::string_view lang) {
  for (const auto& [code, value] : table) {
    if (code == lang) return &value;
  }
  return nullptr;
}
// The value for `lang`, added empty when absent.
template <typename V>
V& LanguageEntry(ByLanguage<V>* table, std::string_view lang) {
  for (auto& [code, value] : *table) {
    if (code == lang) return value;
  }
  return table->emplace_back(std::string(lang), V()).second;
}
}  // namespace

struct Geocoder::Words {
  ViewSet stop, firstname, connector, cue, title, speech, attributive;
  // Function words ("Along", "Despite"): capitalised only by position, never a place alone.
  ViewSet function;
  // Nouns naming a part of a town ("the West End neighborhood").
  ViewSet quarter;
  // Nouns of a town's surroundings or middle that frame the name after their genitive as a
  // locative word would ("on the outskirts of X", "in the heart of X").
  ViewSet vicinity;
  // Prepositions that join a noun to the name after it ("the 900 block of Ward", "the Chicago
  // neighborhood of Englewood", "East of Bozeman", a headline's "In Wake Of"). Required: the
  // rules that read it are silently off without it, so an empty class is a load error.
  ViewSet genitive;
  // What follows the apostrophe of a contraction ("I've", "they're"): such a word is no name.
  ViewSet contraction;
  // Person, street and venue evidence (see data/geo/geocoder_words.tsv).
  ViewSet kin, street, street_of, objverb, passive, personnoun, institution, direction;
  // "Lang was charged", "Lang has been arrested": the verbs between a name and a passive
  // participle (auxiliary), and the participle that may stand after one of them (perfect).
  ViewSet auxiliary, perfect;
  // Lower-case nouns after a name that make it a media outlet ("the Baza channel").
  ViewSet outlet;
  // Intersections ("61st and Elm"): endings of a numbered street ("st", "th") and the words that
  // join two streets ("and"); a name joined so to a numbered street is the other street.
  ViewSet ordinal_suffix, joiner;
  // A definite article ("near the city of X", "the West End neighborhood"): it may stand between
  // a locative word and the unit noun, or before a quarter's name.
  ViewSet article;
  // An indefinite article ("outside a north Millbrook home"): it may stand between a locative
  // word and a compass word before a name.
  ViewSet indefinite;
  // A genitive word between a region and a place of it ("छत्तीसगढ़ के बीजापुर"), as the
  // possessive "'s" in "Chhattisgarh's Bijapur": the region is the place's, as in "Town, Province".
  ViewSet owner_link;
  // A word that links the parts of one place name ("Mocímboa da Praia"; geocoder_words.tsv
  // name_link): see the linked tail in Find.
  ViewSet name_link;
  // "district" -> kDistrict (looked up by string_view: a transparent hash).
  std::unordered_map<std::string, GeoLevel, ViewHash, std::equal_to<>> unit;
  // Unit words that stand right before the name, with no connector ("в городе Одесса", "Stadt
  // Kundus"; admin_suffixes.tsv "before"): folded, each also in `unit`.
  ViewSet unit_before;
  // An inflected unit noun after an adjectival name (geocoder_words.tsv unit_form: "области"):
  // its nominative ("область") and the adjective endings it takes, each with the nominative
  // ending it replaces ("ой" -> "ая"), as written, longest first.
  struct UnitForm {
    std::string nominative;
    std::vector<std::pair<std::string, std::string>> adjective;
  };
  std::unordered_map<std::string, UnitForm, ViewHash, std::equal_to<>> unit_form;
  // Region abbreviations as written ("Ga.", "N.C.", "TX") -> country and province name.
  struct Abbrev {
    std::string country, region;
    bool after_comma = false;
  };
  StrFlatMap<Abbrev> abbrev;
  size_t max_abbrev_bytes = 0;  // the longest key of `abbrev`
  // One bit per pair of first bytes of the keys of `abbrev`, so that the many short capitalised
  // words that begin no abbreviation ("He", "The") are not looked up three times each; with a
  // key shorter than two bytes (abbrev_short) every word is looked up.
  std::vector<uint64_t> abbrev_prefix = std::vector<uint64_t>(65536 / 64, 0);
  bool abbrev_short = false;
  static size_t PrefixBit(unsigned char a, unsigned char b) { return (size_t{a} << 8) | b; }
  bool MaybeAbbrev(std::string_view text, size_t begin) const {
    if (abbrev_short) return true;
    if (begin + 1 >= text.size()) return false;  // a one-byte name is shorter than every key
    const size_t bit = PrefixBit(static_cast<unsigned char>(text[begin]),
                                 static_cast<unsigned char>(text[begin + 1]));
    return ((abbrev_prefix[bit >> 6] >> (bit & 63)) & 1) != 0;
  }
  // Abbreviated first words of names ("st" -> "saint", "ft" -> "fort"): "St. Louis" is also
  // looked up as "Saint Louis", the spelling the gazetteer gives the city.
  StrFlatMap<std::string> name_abbrev;
  // Countries whose counties stand for their seat town when no town in them is named
  // (data/geo/district_seat_countries.tsv).
  ViewSet seat_countries;
  // By CountrySlot: 1 for a country whose place names are native Latin spellings
  // (data/geo/latin_name_countries.tsv), where a coarse-key match is another word.
  std::vector<char> latin_names;
  // Countries whose news names an out-of-state town's state (state_named_countries.tsv).
  ViewSet state_named;
  // Caseless scripts that write every vowel (phonetic_scripts.tsv, ICU script codes): there the
  // transliteration reaches the Latin name's own key, so an entry reached by its official name
  // counts as one named in the script.
  std::vector<int> phonetic_scripts;
  // Folded phrase ("u s", "county sheriff") -> country evidence; lang code -> prior.
  std::unordered_map<std::string, std::pair<std::string, double>> phrase;
  size_t max_phrase_words = 0;
  std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> lang;
  // By the initial letter 'A'..'Z': the country whose broadcast stations take call signs with it
  // ("KTVI", "WSOC" are American), and the cue weight (context_cues.tsv callsign); all-capital
  // words of that shape that are no station ("WWII") are in not_callsign.
  std::array<std::pair<std::string, double>, 26> callsign;
  bool any_callsign = false;
  ViewSet not_callsign;
  // Short all-capital country aliases as written ("UAE", "USA", "DRC"): the only short
  // all-capital tokens that may be places.
  ViewSet acronym;
  // Caseless scripts: locative words that, right beside a name, make it a place mention on its
  // own (folded, a phrase may hold a space): postpositions after it (Urdu "میں", Hindi "में"),
  // prepositions before it (Arabic "في"). A proclitic listed as a preposition ("ب") counts too.
  ViewSet postposition, preposition;
  // Letters that attach to the next word (Arabic "و", "ب", "ل", "ف"): a word unknown as a whole
  // is also looked up without one of them.
  std::vector<std::string> proclitic;
  // Case endings of cased non-Latin scripts (Russian "е", "ом"), longest first: a word unknown
  // as a whole is also looked up without one, or with the nominative ending it replaces ("ом"
  // -> "ый": "Грозном" is "Грозный"), unless the next word is a lower-case one ending in
  // `noun` (an adjective before its noun: "в Белом доме" is no town "Белый").
  struct CaseEnding {
    std::string ending, nominative, noun;
  };
  std::vector<CaseEnding> ending;
  // By language (locative_cues.tsv): words that, right before a name, say it is where
  // something happened (Italian "a", French "à"), and case suffixes after its apostrophe that
  // say so (Turkish "Kabil'de"); cues of every language are in geocoder_words.tsv (kCue).
  struct LangCues {
    WordClassTable before;  // folded words, class bit 1 (looked up by the word's own hash)
    ViewSet suffix;         // as written; each also one of the language's name_suffixes
  };
  ByLanguage<LangCues> lang_cues;
  // The cues of `lang`, or null when it lists none.
  const LangCues* LocativeCues(std::string_view lang) const {
    return FindLanguage(lang_cues, lang);
  }
  // By language (name_suffixes.tsv): the case suffixes written after an apostrophe on a proper
  // name (Turkish "Kabil'de", "Ankara'ya"), as written. A capitalised word ending in an
  // apostrophe and one of its language's suffixes is the name alone (ScanWords).
  ByLanguage<ViewSet> name_suffixes;
  // The suffixes of `lang`, or null when it lists none (most languages: no word is cut).
  const ViewSet* NameSuffixes(std::string_view lang) const {
    return FindLanguage(name_suffixes, lang);
  }
  // By language (name_elisions.tsv): the elided words written onto the next word with an
  // apostrophe (French "d'", "l'"): "d'Ouallam" is "d" and the name "Ouallam" (ScanWords).
  ByLanguage<ViewSet> name_elisions;
  const ViewSet* NameElisions(std::string_view lang) const {
    return FindLanguage(name_elisions, lang);
  }

  // Every list above a word belongs to, as one bitmask (kStop | kCue | ...), so the geocoder
  // classifies each word of an article with a single lookup by the hash it has already.
  WordClassTable word_class;
  // The words of word_class with kPhrasePrefix, on their own: the scan looks up no other class.
  WordClassTable phrase_first;
  void BuildWordClass();
};

namespace {

// Whether `s` is the string literal `lit`, compared inline: feature codes are compared per
// candidate and short words per name word, where std::string_view's operator== is a call.
template <size_t N>
inline bool IsLiteral(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

// Word-list bits of Geocoder::Words::word_class.
enum WordClass : uint32_t {
  kStop = 1u << 0,
  kFirstname = 1u << 1,
  kConnector = 1u << 2,
  kCue = 1u << 3,
  kTitle = 1u << 4,
  kSpeech = 1u << 5,
  kAttributive = 1u << 6,
  kKin = 1u << 7,
  kStreet = 1u << 8,
  kStreetOf = 1u << 9,
  kObjverb = 1u << 10,
  kPassive = 1u << 11,
  kPersonnoun = 1u << 12,
  kInstitution = 1u << 13,
  kDirection = 1u << 14,
  kUnit = 1u << 15,
  kPhrasePrefix = 1u << 16,  // a context_cues phrase starts with this word (up to a space)
  kFunction = 1u << 17,
  kQuarter = 1u << 18,
  kOutlet = 1u << 19,
  kGenitive = 1u << 20,
  kAuxiliary = 1u << 21,
  kPerfect = 1u << 22,
  kVicinity = 1u << 23,
  kArticle = 1u << 24,
  kOwnerLink = 1u << 25,
  kNameLink = 1u << 26,
  kIndefinite = 1u << 27,
};

// Word::cls before the word's classes are looked up: no WordClass bit.
constexpr uint32_t kUnclassified = 1u << 31;

constexpr int kMaxWords = 4;
// The per-article filter of lower-case words (Geocoder::Find): 16K bits, so that an article's
// few hundred distinct words leave most bits clear.
constexpr size_t kLowerFilterWords = 256;
inline size_t LowerFilterBit(uint64_t hash) { return (hash >> 24) & (kLowerFilterWords * 64 - 1); }
constexpr float kAttributiveConfidence = 0.2f;
// Broadcast call signs are looked for among an article's first this many words.
constexpr size_t kCallSignWords = 120;
// A town section (PPLX) lies within this distance of the town's point.
constexpr double kSectionKm = 25;

// Word::flags bits.
enum WordFlag : uint16_t {
  kUpperInitial = 1u << 0,  // first letter upper-case
  kAllCaps = 1u << 1,
  kUncased = 1u << 2,  // script without case (Arabic, Devanagari, CJK...)
  kSentenceStart = 1u << 3,
  kBreakAfter = 1u << 4,  // punctuation (other than a space run) before the next word
  kCommaAfter = 1u << 5,
  kColonAfter = 1u << 6,     // ":" or a dash: a dateline ends here
  kHyphen = 1u << 7,         // a '-' inside the word ("Dera-Bugti", "Texas-based")
  kCapTail = 1u << 8,        // connector, hyphen, capital ("al-Abd"): a name word inside a name
  kNewlineBefore = 1u << 9,  // a line break between the previous word and this one
  kTitleLine = 1u << 10,     // in a line written in title case (a headline)
};

// An article's words are written by the scan and then read by several passes: the flags are
// bits of one integer, so that the scan sets them all with one store, and the fields are ordered
// without padding, so that a Word takes 48 bytes, not 56.
struct Word {
  Span span;
  // "Peshawar-bound": where the name ends, at the hyphen of an attributive suffix (0: none).
  uint32_t attr_end = 0;
  // WordClass bits of `lower`, looked up on first use (Classes): kUnclassified until then.
  mutable uint32_t cls = kUnclassified;
  std::string_view lower;   // FoldName of the word (in the scan's arena)
  uint64_t lower_hash = 0;  // WordHash(lower)
  uint16_t flags = 0;       // WordFlag bits

  bool upper_initial() const { return (flags & kUpperInitial) != 0; }
  bool all_caps() const { return (flags & kAllCaps) != 0; }
  bool uncased() const { return (flags & kUncased) != 0; }
  bool sentence_start() const { return (flags & kSentenceStart) != 0; }
  bool break_after() const { return (flags & kBreakAfter) != 0; }
  bool comma_after() const { return (flags & kCommaAfter) != 0; }
  bool colon_after() const { return (flags & kColonAfter) != 0; }
  bool hyphen() const { return (flags & kHyphen) != 0; }
  bool cap_tail() const { return (flags & kCapTail) != 0; }
  bool newline_before() const { return (flags & kNewlineBefore) != 0; }
  bool title_line() const { return (flags & kTitleLine) != 0; }
  void Set(WordFlag f, bool on) { flags = static_cast<uint16_t>(on ? flags | f : flags & ~f); }
};
static_assert(sizeof(Word) <= 48);
static_assert(std::is_trivially_copyable_v<Word>);

// The WordClass bits of `w`, looked up in `table` when first asked for and kept in the word:
// the later passes ask for the words around names only, so most words are never looked up.
// (The table's own lookup out of line: most words the filter turns away.)
[[gnu::noinline]] uint32_t Classify(const Word& w, const WordClassTable& table) {
  w.cls = table.Find(w.lower, w.lower_hash);
  return w.cls;
}
[[gnu::always_inline]] inline uint32_t Classes(const Word& w, const WordClassTable& table) {
  if ((w.cls & kUnclassified) == 0) return w.cls;
  if (!table.MaybeListed(w.lower_hash)) return w.cls = 0;
  return Classify(w, table);
}

// ASCII first: most text is ASCII, and these are called for every character.
inline bool AsciiAlpha(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ASCII letters and digits, as a table: the scanner asks for every byte of every text.
constexpr auto kAsciiWordChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return t;
}();

inline bool AsciiWordChar(unsigned char c) { return kAsciiWordChar[c]; }

bool NonAsciiWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

inline bool IsWordChar(UChar32 c) {
  if (c < 0x80) return AsciiWordChar(static_cast<unsigned char>(c));
  return NonAsciiWordChar(c);
}

// Whether ScanWords would make exactly the token `t` (a TokenKeys::ascii_word token of the text
// stage's) one word, so that it can take the token as it is. The text stage's tokeniser joins
// letters across hyphens and apostrophes as the scan does, but numbers not at all, and a few
// characters differently (segment.cc): the token qualifies only when the characters around it
// cannot extend it here. Before it: a non-word ASCII character other than a joiner (a word or a
// joiner there may belong to a word that runs into it; anything non-ASCII is left to the scan).
// After a word token: anything but U+2018, which only the scan takes as an apostrophe (the
// tokeniser stopped at the character, and whatever it does not join the scan does not join
// either). After a number token: a non-word ASCII character other than a joiner ("15-year-old",
// "3rd" are one word here).
// Bytes that may join a token to a word running into it (TakesToken): anything non-ASCII, an
// ASCII letter or digit, a hyphen or an apostrophe.
constexpr auto kJoinsWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c >= 0x80 || kAsciiWordChar[c] || c == '-' || c == '\'';
  return t;
}();

// TakesToken's test of the byte after the token (at `e`; `n` is the text's size).
inline bool TakesTokenEnd(const unsigned char* s, size_t n, uint32_t e, TokenKind kind) {
  if (e >= n) return true;
  const unsigned char a = s[e];
  if (kind == TokenKind::kWord) {
    return !(a == 0xE2 && e + 2 < n && s[e + 1] == 0x80 && s[e + 2] == 0x98);
  }
  return !kJoinsWord[a];
}

// Bytes between two tokens that ScanWords' fast path steps over itself: ASCII, no letter or
// digit (those would start a word of the byte loop's own).
constexpr auto kGapByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = !kAsciiWordChar[c];
  return t;
}();

inline bool TakesToken(std::string_view text, const Token& t) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t b = t.span.begin;
  if (b > 0 && kJoinsWord[s[b - 1]]) return false;
  return TakesTokenEnd(s, text.size(), t.span.end, t.kind);
}

// Whether the word characters from byte `j` of `text` (just after an apostrophe) to the end of
// the word are one of `suffixes` as written, with no apostrophe or hyphen joining more letters
// after them ("Ma'rib" goes on past "rib"); if so, *end is the byte after them. (Out of line:
// only a capitalised word with an apostrophe in an article of a listed language gets here.)
[[gnu::noinline]] bool NameSuffixAt(std::string_view text, int32_t j, const ViewSet& suffixes,
                                    int32_t* end) {
  constexpr int32_t kMaxSuffixBytes = 16;
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t q = j;
  while (q < n) {
    int32_t r = q;
    UChar32 c;
    U8_NEXT(s, r, n, c);
    if (c < 0 || !IsWordChar(c)) break;
    q = r;
    if (q - j > kMaxSuffixBytes) return false;
  }
  if (q == j) return false;
  if (q < n) {
    int32_t r = q;
    UChar32 c;
    U8_NEXT(s, r, n, c);
    if (c == '\'' || c == 0x2019 || c == 0x02BC || c == '-') {
      UChar32 e = -1;
      if (r < n) U8_NEXT(s, r, n, e);
      if (e >= 0 && u_isalpha(e)) return false;
    }
  }
  if (!suffixes.contains(text.substr(j, q - j))) return false;
  *end = q;
  return true;
}

// Whether the name that starts at word `i` and ends at byte `name_end` is said in a locative
// frame of the article's language (Words::LangCues): right after one of `before` ("a Mosca",
// "en Damasco") or with one of `suffix` after its apostrophe ("Kabil'de").
bool LanguageLocative(const WordClassTable& before, const ViewSet& suffix, std::string_view text,
                      std::span<const Word> words, size_t i, uint32_t name_end) {
  if (i > 0 && !words[i - 1].break_after()) {
    const Word& prev = words[i - 1];
    if (before.MaybeListed(prev.lower_hash) && before.Find(prev.lower, prev.lower_hash) != 0) {
      return true;
    }
  }
  if (suffix.empty() || name_end >= text.size()) return false;
  // The apostrophes ScanWords cuts a name suffix after: ', U+2019, U+02BC.
  const std::string_view rest = text.substr(name_end);
  size_t skip = 0;
  if (rest[0] == '\'') {
    skip = 1;
  } else if (rest.starts_with("\xE2\x80\x99")) {
    skip = 3;
  } else if (rest.starts_with("\xCA\xBC")) {
    skip = 2;
  }
  int32_t end = 0;
  return skip != 0 && NameSuffixAt(text, static_cast<int32_t>(name_end + skip), suffix, &end);
}

// An article's words and the indices the later passes start from, kept per thread and reused:
// the arrays only grow (to the largest article a thread has seen) and are never cleared, so a
// scan writes its words over the last article's without re-initialising or reallocating.
// `lists` holds three index lists of up to `words.size()` entries each (they are subsets of the
// words), one after another: kStartList, kNameList, kPhraseList.
struct WordBuffers {
  std::vector<Word> words;
  std::vector<uint32_t> lists;
  std::string arena;  // the folded forms of scanned words (Word::lower)
  size_t count = 0;   // words of the current text
  size_t list_size[3] = {};
};
enum WordList : uint32_t { kStartList = 0, kNameList = 1, kPhraseList = 2 };

// What the scan notes of each word as it makes it, for Find's later passes: the lists of the
// words they start from (WordBuffers::lists) and the article's filter of lower-case words.
struct WordNotes {
  const WordClassTable* phrase_first;  // Words::phrase_first
  uint64_t* lower_filter;              // kLowerFilterWords words (LowerFilterBit)
};

// Where a scan stands: its words and the ends of its lists (each with room for every word the
// rest of the text can make), and what the text since the last word says of the next one.
// Copied into locals by the token-run loop, so that its stores to words do not make the compiler
// reload these through a pointer.
struct ScanCursor {
  Word* words;
  uint32_t* list_end[3];  // one past the last entry of each WordList
  size_t count;           // words made
  size_t line_first;      // the current line's first word
  bool sentence_start;
  bool newline;  // a line break since the last word
};

// Headlines in title case ("Man Shoots Young Daughters") capitalise common words: a line whose
// longer words are nearly all capitalised gives a single word no place evidence by its case.
// Headlines are short; a sentence listing places keeps its "and", "hit", "in" lower-case.
// Marks the words [first, end) of one line title_line when so (out of line: once per line).
[[gnu::noinline]] void MarkTitleLine(Word* words, size_t first, size_t end) {
  if (end - first > 20) return;
  int longer = 0, capital = 0;
  for (size_t k = first; k < end; ++k) {
    const Word& w = words[k];
    if (!(w.uncased() || w.span.size() < 3 || w.all_caps())) {
      ++longer;
      capital += w.upper_initial();
    }
  }
  if (longer >= 3 && capital * 5 >= longer * 4) {
    for (size_t k = first; k < end; ++k) words[k].Set(kTitleLine, true);
  }
}

// Whether `w` may open a context-cue phrase (out of line: the filter turns most words away).
[[gnu::noinline]] bool OpensPhrase(const WordClassTable& phrase_first, const Word& w) {
  return phrase_first.Find(w.lower, w.lower_hash) != 0;
}

// Notes word k of `c` (just made, its own fields final but for the break flags): the words the
// later passes start from are listed (a capitalised or caseless word may start a name, a
// capitalised one not all in capitals is a name word, and a word that may open a context-cue
// phrase), a lower-case word sets its bit of the lower-case filter (stop words too: the filter
// only says which names HasLowerCaseTwin need compare, and that leaves stop words out itself),
// and a word that opens a line closes the last (MarkTitleLine).
[[gnu::always_inline]] inline void NoteWord(const Word& w, uint32_t k, const WordNotes& notes,
                                            ScanCursor* c) {
  if (w.upper_initial() || w.uncased()) {
    *c->list_end[kStartList]++ = k;
    if (!w.all_caps() && !w.uncased()) *c->list_end[kNameList]++ = k;
  } else {
    const size_t b = LowerFilterBit(w.lower_hash);
    notes.lower_filter[b >> 6] |= uint64_t{1} << (b & 63);
  }
  if (notes.phrase_first->MaybeListed(w.lower_hash) && OpensPhrase(*notes.phrase_first, w)) {
    *c->list_end[kPhraseList]++ = k;
  }
  if (k > 0 && w.newline_before()) {
    MarkTitleLine(c->words, c->line_first, k);
    c->line_first = k;
  }
}

// The end of the chain of tokens from `first` that one space each joins (the commonest gap,
// which sets no flag): the last token `t` such that every token in (first, t] follows its
// predecessor after exactly one space and TakeTokenRun may take it (TokenKeys::ascii_word, and
// TakesTokenEnd: what is before it is that space). The text stage's space_link says so of most
// such tokens (a joiner or U+2018 never follows one); the bytes are tested for the others.
inline size_t SpaceChainEnd(const unsigned char* us, uint32_t un, const Token* toks,
                            size_t num_tokens, const TokenKeys& keys, size_t first) {
  size_t t = first;
  while (t + 1 < num_tokens) {
    if (!keys.space_link(t + 1)) {
      const uint32_t e = toks[t].span.end;
      const Token& u = toks[t + 1];
      if (u.span.begin != e + 1 || us[e] != ' ' || !keys.ascii_word(t + 1) ||
          !TakesTokenEnd(us, un, u.span.end, u.kind)) {
        break;
      }
    }
    ++t;
  }
  return t;
}

// Takes a run of plain ASCII word tokens (TokenKeys::ascii_word) as words, from token `next`,
// which TakesToken allows, the bulk of most text: between two of them only spaces and ASCII
// punctuation (", ", ". "), whose flags are set here as ScanWords' byte loop would set them; the
// next token is taken when TakesToken allows. Returns the first token not taken, and in *end the
// byte after the last word made. `c` has room for a word per token left. (Out of line, with its
// state in locals: most words are made here.)
// Each chain of words one space apart (SpaceChainEnd) is found first and then made in a loop
// of its own: a single space gives a word no flag, so only the chain's first word can open a
// sentence or a line, and the loop that makes the words tests no gap. The loop does NoteWord's
// work by hand, on its locals: a word made here is never uncased (ASCII), so NoteWord's tests
// reduce to the initial's case; a change to NoteWord must be made here too.
[[gnu::noinline]] size_t TakeTokenRun(std::string_view text, const Token* toks, size_t num_tokens,
                                      const TokenKeys& keys, size_t next, const WordNotes& notes,
                                      ScanCursor* cursor, uint32_t* end) {
  ScanCursor c = *cursor;
  const char* s = text.data();
  const unsigned char* us = reinterpret_cast<const unsigned char*>(s);
  const uint32_t un = static_cast<uint32_t>(text.size());
  // NoteWord's state in locals (this loop makes most words): the list ends, the filters.
  uint32_t* start_end = c.list_end[kStartList];
  uint32_t* name_end = c.list_end[kNameList];
  uint32_t* phrase_end = c.list_end[kPhraseList];
  uint64_t* const lower_filter = notes.lower_filter;
  const WordClassTable& phrase_first = *notes.phrase_first;
  Word* const words = c.words;
  uint32_t k = static_cast<uint32_t>(c.count);
  // The flags the text since the last word gives the next (kSentenceStart, kNewlineBefore).
  uint16_t pending = static_cast<uint16_t>((c.sentence_start ? kSentenceStart : 0) |
                                           (c.newline ? kNewlineBefore : 0));
  uint32_t e = 0;
  while (true) {
    const size_t last = SpaceChainEnd(us, un, toks, num_tokens, keys, next);
    // A word that opens a line closes the last (NoteWord); only the chain's first word can.
    if ((pending & kNewlineBefore) != 0 && k > 0) {
      MarkTitleLine(words, c.line_first, k);
      c.line_first = k;
    }
    uint16_t flags = pending;
    pending = 0;
    for (; next <= last; ++next, ++k, flags = 0) {
      const Span span = toks[next].span;
      // The key's fields one by one (a HashedWord temporary goes through the stack).
      const std::string_view lower = keys.lower(next);
      const uint64_t hash = keys[next].hash;  // StringHash(lower)
      Word& w = words[k];
      if (static_cast<unsigned char>(us[span.begin] - 'A') < 26) {
        flags |= kUpperInitial;
        bool caps = span.size() > 1;
        for (uint32_t q = span.begin + 1; q < span.end && caps; ++q) {
          caps = !(s[q] >= 'a' && s[q] <= 'z');
        }
        if (caps) flags |= kAllCaps;
        // NoteWord: a capitalised word may start a name; one not all in capitals is a name word.
        *start_end++ = k;
        if (!caps) *name_end++ = k;
      } else {
        const size_t b = LowerFilterBit(hash);
        lower_filter[b >> 6] |= uint64_t{1} << (b & 63);
      }
      // Every field stored once (the flags are one integer), with no blank Word copied first.
      w.span = span;
      w.attr_end = 0;
      w.cls = kUnclassified;
      w.lower = lower;
      w.lower_hash = hash;
      w.flags = flags;
      if (phrase_first.MaybeListed(hash) && OpensPhrase(phrase_first, w)) *phrase_end++ = k;
    }
    e = toks[last].span.end;
    if (next == num_tokens) break;
    // Else a gap of ASCII bytes that are no word characters (", ", ". "), or a token the chain
    // could not take.
    uint32_t p = e;
    while (p < un && kGapByte[us[p]]) ++p;
    if (p >= un) break;
    while (next < num_tokens && toks[next].span.begin < p) ++next;
    // (A space_link token after the gap is one TakesToken allows: a space before, no joiner after.)
    if (next == num_tokens || toks[next].span.begin != p ||
        !(keys.space_link(next) || (keys.ascii_word(next) && TakesToken(text, toks[next])))) {
      break;
    }
    uint16_t after = 0;                 // the flags the gap gives the word before it
    for (uint32_t q = e; q < p; ++q) {  // the byte loop's flags for each gap byte
      const unsigned char b = us[q];
      if (b == ' ') continue;
      if (b == '.' || b == '!' || b == '?' || b == '\n') pending |= kSentenceStart;
      if (b == '\n') pending |= kNewlineBefore;
      if (b != '\t' && b != '\r') {
        after |= kBreakAfter;
        if (b == ',') after |= kCommaAfter;
        if (b == ':' || b == '-') after |= kColonAfter;
      }
    }
    words[k - 1].flags |= after;
  }
  c.count = k;
  c.list_end[kStartList] = start_end;
  c.list_end[kNameList] = name_end;
  c.list_end[kPhraseList] = phrase_end;
  c.sentence_start = (pending & kSentenceStart) != 0;
  c.newline = (pending & kNewlineBefore) != 0;
  *cursor = c;
  *end = e;
  return next;
}

// Fills buf->words[0, buf->count) with the words of `text`, and buf->lists with the words Find's
// passes start from (NoteWord, with `notes`); the words' folded forms (Word::lower) are kept in
// buf->arena or the keys. Words of a line in title case are marked (MarkTitleLine).
// on_hyphen(Word& w) is called for each word with a hyphen inside (w.hyphen()) as soon as it is
// made (its own fields final but for the break flags, which the text after it sets); it may set the
// word's cap_tail and attr_end.
// With `keys` (the TokenKeys of `tokens`, the text stage's tokens of `text`), a word that is a
// plain ASCII token (TakesToken) is made from the token without scanning its bytes, its folded
// form the token's lower-cased key (the same bytes: letters and digits fold to lower case).
// With `suffixes` (the article language's Words::name_suffixes, or null), a capitalised word
// whose last part, after an apostrophe (' or U+2019, U+02BC), is one of them as written
// ("Kabil'de") ends before the apostrophe: the suffix is no word of its own, and the name has
// break_after (a case ending closes its phrase: "Ankara'da Kizilay" is no two-word name).
template <typename OnHyphen>
void ScanWords(std::string_view text, const TokenKeys* keys, const std::vector<Token>* tokens,
               const ViewSet* suffixes, const ViewSet* elisions, const WordNotes& notes,
               WordBuffers* buf, OnHyphen&& on_hyphen) {
  size_t cap = buf->words.size();
  ScanCursor cur{};
  cur.sentence_start = true;
  auto refresh = [&] {
    cur.words = buf->words.data();
    for (int l = 0; l < 3; ++l) cur.list_end[l] = buf->lists.data() + l * cap;
  };
  if (buf->lists.size() != 3 * cap) buf->lists.assign(3 * cap, 0);
  refresh();
  // Makes room for `more` words past the current ones, in the words and each list.
  auto reserve = [&](size_t more) {
    if (cur.count + more <= cap) return;
    size_t new_cap = std::max<size_t>(256, 2 * cap);
    while (new_cap < cur.count + more) new_cap *= 2;
    buf->words.resize(new_cap);
    std::vector<uint32_t> new_lists(3 * new_cap);
    for (int l = 0; l < 3; ++l) {
      uint32_t* first = buf->lists.data() + l * cap;
      std::copy(first, cur.list_end[l], new_lists.data() + l * new_cap);
      cur.list_end[l] = new_lists.data() + l * new_cap + (cur.list_end[l] - first);
    }
    buf->lists.swap(new_lists);
    cap = new_cap;
    cur.words = buf->words.data();
  };
  // ASCII words are folded straight into the arena. Invariant at the start of each word: the
  // arena has room for as many bytes as the text has left (an ASCII fold is never longer than
  // the word); a non-ASCII word's fold, which may be longer, re-establishes it.
  std::string* arena = &buf->arena;
  size_t used = 0;
  if (arena->size() < text.size() + 16) arena->resize(text.size() + 16);
  thread_local std::string slow_fold;
  // The Word::lower of each scanned word (not taken from the keys) is recorded as the word's
  // index, offset and length, and made a view once the arena has stopped growing.
  struct Folded {
    uint32_t word, begin, size;
  };
  thread_local std::vector<Folded> spans;
  spans.clear();
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  // Tokens taken as words have Word::lower and lower_hash set at once, and no spans entry.
  const size_t num_tokens = keys != nullptr ? tokens->size() : 0;
  const Token* toks = keys != nullptr ? tokens->data() : nullptr;
  size_t next_token = 0;  // the first token that does not begin before i
  while (i < n) {
    // A space changes nothing (it is no break, no sentence end, no line break).
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    if (next_token < num_tokens) {
      const uint32_t pos = static_cast<uint32_t>(i);
      while (next_token < num_tokens && toks[next_token].span.begin < pos) ++next_token;
      if (next_token < num_tokens && toks[next_token].span.begin == pos &&
          keys->ascii_word(next_token) && TakesToken(text, toks[next_token])) {
        reserve(num_tokens - next_token);  // a run makes at most a word per token
        uint32_t end = 0;
        next_token = TakeTokenRun(text, toks, num_tokens, *keys, next_token, notes, &cur, &end);
        i = static_cast<int32_t>(end);
        continue;
      }
    }
    int32_t start = i;
    UChar32 c;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      c = static_cast<unsigned char>(s[i++]);  // what U8_NEXT does for ASCII, inline
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (c < 0 || !IsWordChar(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') cur.sentence_start = true;
      if (c == '\n') cur.newline = true;
      if (cur.count > 0 && c != ' ' && c != '\t' && c != '\r' && c != 0xA0) {
        Word& back = cur.words[cur.count - 1];
        back.Set(kBreakAfter, true);
        if (c == ',') back.Set(kCommaAfter, true);
        if (c == ':' || c == 0x2014 || c == 0x2013 || c == '-') back.Set(kColonAfter, true);
      }
      continue;
    }
    reserve(1);
    Word& w = cur.words[cur.count];
    w = Word();
    w.span.begin = static_cast<uint32_t>(start);
    w.Set(kSentenceStart, cur.sentence_start);
    cur.sentence_start = false;
    w.Set(kNewlineBefore, cur.newline);
    cur.newline = false;
    if (c < 0x80) {
      w.Set(kUpperInitial, c >= 'A' && c <= 'Z');
      w.Set(kUncased, false);  // ASCII letters are cased; digits are not letters
    } else {
      w.Set(kUpperInitial, u_isupper(c) || u_istitle(c));
      w.Set(kUncased, !u_hasBinaryProperty(c, UCHAR_CASED) && u_isalpha(c));
    }
    bool all_caps = w.upper_initial();
    int32_t end = i;
    // FoldName of an ASCII word, made while scanning it: letters lower-cased ('A'..'Z' and the
    // digits all become themselves with bit 0x20 set), apostrophes dropped, a hyphen a space.
    // Words with other characters are folded by FoldNameInto.
    char* fold = arena->data() + used;
    size_t nfold = 0;
    bool ascii = c < 0x80;
    if (ascii) fold[nfold++] = static_cast<char>(c | 0x20);
    while (i < n) {
      // Runs of ASCII letters and digits, the bulk of most text, without decoding.
      const unsigned char b = static_cast<unsigned char>(s[i]);
      if (AsciiWordChar(b)) {
        if (b >= 'a' && b <= 'z') all_caps = false;
        fold[nfold++] = static_cast<char>(b | 0x20);
        end = ++i;
        continue;
      }
      int32_t j = i;
      UChar32 d;
      U8_NEXT(s, j, n, d);
      if (d >= 0 && IsWordChar(d)) {
        if (d < 0x80 ? (d >= 'a' && d <= 'z') : u_islower(d)) all_caps = false;
        ascii = false;  // only non-ASCII word characters get here
        i = j;
        end = j;
        continue;
      }
      // Apostrophes and hyphens inside a word (Qal'ah, Dera-Bugti) keep it one word, but a
      // possessive "'s" does not belong to the name (Pakistan's).
      if (d == '\'' || d == 0x2019 || d == 0x2018 || d == '-' || d == 0x02BC) {
        if (suffixes != nullptr && w.upper_initial() && d != '-' && d != 0x2018 &&
            NameSuffixAt(text, j, *suffixes, &i)) {
          w.Set(kBreakAfter, true);
          break;
        }
        // An elided word before a capitalised one ("d'Ouallam"): the word ends before the
        // apostrophe and the name starts after it.
        if (elisions != nullptr && d != '-' && d != 0x2018 && j < n &&
            elisions->contains(text.substr(start, i - start))) {
          int32_t k = j;
          UChar32 e;
          U8_NEXT(s, k, n, e);
          if (e >= 0 && (e < 0x80 ? (e >= 'A' && e <= 'Z') : (u_isupper(e) || u_istitle(e)))) {
            i = j;
            break;
          }
        }
        int32_t k = j;
        if (k < n) {
          UChar32 e;
          U8_NEXT(s, k, n, e);
          bool possessive = false;
          if ((e == 's' || e == 'S') && d != '-') {
            int32_t q = k;
            UChar32 f = ' ';
            if (q < n) U8_NEXT(s, q, n, f);
            possessive = q > n || k >= n || !(f >= 0 && IsWordChar(f));
          }
          if (e >= 0 && (e < 0x80 ? AsciiAlpha(e) : u_isalpha(e)) && !possessive) {
            if (d == '-') w.Set(kHyphen, true);
            if (d >= 0x80) ascii = false;
            if (d == '-' && nfold > 0 && fold[nfold - 1] != ' ') fold[nfold++] = ' ';
            i = j;
            continue;
          }
        }
      }
      break;
    }
    w.span.end = static_cast<uint32_t>(end);
    w.Set(kAllCaps, all_caps && w.span.size() > 1);
    if (ascii) {
      while (nfold > 0 && fold[nfold - 1] == ' ') --nfold;
    } else {
      slow_fold.clear();
      FoldNameInto(text.substr(w.span.begin, w.span.size()), &slow_fold);
      nfold = slow_fold.size();
      const size_t need = used + nfold + (text.size() - static_cast<size_t>(i)) + 16;
      if (arena->size() < need) arena->resize(need);
      std::memcpy(arena->data() + used, slow_fold.data(), nfold);
    }
    spans.push_back(Folded{static_cast<uint32_t>(cur.count), static_cast<uint32_t>(used),
                           static_cast<uint32_t>(nfold)});
    w.lower = std::string_view(arena->data() + used, nfold);
    w.lower_hash = WordHash{}(w.lower);
    used += nfold;
    const uint32_t k = static_cast<uint32_t>(cur.count++);
    NoteWord(w, k, notes, &cur);
    if (w.hyphen()) on_hyphen(w);  // the only '-' a word span can hold
  }
  if (cur.count > 0) MarkTitleLine(cur.words, cur.line_first, cur.count);
  buf->count = cur.count;
  for (int l = 0; l < 3; ++l) {
    buf->list_size[l] = static_cast<size_t>(cur.list_end[l] - (buf->lists.data() + l * cap));
  }
  for (const Folded& f : spans)
    cur.words[f.word].lower = std::string_view(arena->data() + f.begin, f.size);
}

// IsLatinStart for a word opening with a non-ASCII character (out of line: the rarer case).
[[gnu::noinline]] bool IsLatinStartSlow(std::string_view text, const Word& w) {
  const char* s = text.data();
  int32_t i = static_cast<int32_t>(w.span.begin);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(w.span.end), c);
  UErrorCode err = U_ZERO_ERROR;
  return c >= 0 && (c < 0x80 || uscript_getScript(c, &err) == USCRIPT_LATIN);
}

// Whether the word `w` of `text` opens with a letter of one of `scripts` (ICU script codes).
bool InScripts(std::string_view text, const Word& w, const std::vector<int>& scripts) {
  if (scripts.empty()) return false;
  const char* s = text.data();
  int32_t i = static_cast<int32_t>(w.span.begin);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(w.span.end), c);
  if (c < 0x80) return false;
  UErrorCode err = U_ZERO_ERROR;
  const int script = uscript_getScript(c, &err);
  return std::find(scripts.begin(), scripts.end(), script) != scripts.end();
}

// Whether the word `w` of `text` has a byte outside ASCII (a letter its fold changes or drops).
bool HasNonAscii(std::string_view text, const Word& w) {
  return !IsAscii(text.substr(w.span.begin, w.span.size()));
}

// Whether the word `w` of `text` opens with an ASCII or Latin-script character.
inline bool IsLatinStart(std::string_view text, const Word& w) {
  if (static_cast<unsigned char>(text[w.span.begin]) < 0x80) return true;
  return IsLatinStartSlow(text, w);
}

// Whether the caseless-script word `i` stands beside a locative word of its language: a
// postposition after it (one or two words: "میں", "کے قریب"), a preposition before it ("في",
// "في مدينة"), or an attached proclitic that is a preposition ("ب"). `clitic` is the byte length
// of that proclitic (0 if none).
bool CaselessLocative(const ViewSet& postposition, const ViewSet& preposition,
                      std::span<const Word> words, size_t i, size_t clitic, std::string_view text) {
  if (clitic > 0 && preposition.count(FoldName(text.substr(words[i].span.begin, clitic))) != 0) {
    return true;
  }
  // Two words joined by one space, in a reused buffer (a phrase key of the lists).
  thread_local std::string pair;
  auto joined = [&](size_t a) -> const std::string& {
    pair.assign(words[a].lower);
    pair.push_back(' ');
    pair.append(words[a + 1].lower);
    return pair;
  };
  const Word& w = words[i];
  if (!w.break_after() && i + 1 < words.size()) {
    if (postposition.contains(words[i + 1].lower)) return true;
    if (!words[i + 1].break_after() && i + 2 < words.size() &&
        postposition.count(joined(i + 1)) != 0) {
      return true;
    }
  }
  if (i >= 1 && !words[i - 1].break_after()) {
    if (preposition.contains(words[i - 1].lower)) return true;
    if (i >= 2 && !words[i - 2].break_after() && preposition.count(joined(i - 2)) != 0) {
      return true;
    }
  }
  return false;
}

struct Candidate {
  GazEntry e;
  bool alternate = false;
  bool demonym = false;
  bool exact = false;        // the text spells the entry's official name
  bool native = false;       // indexed from a name written in a non-Latin script
  bool paired = false;       // "Town, Province": the next mention names this entry's region
  bool in_province = false;  // lies in a province the article names or its other places imply
  // Matched by coarse key, yet spelled as the text spells it (Find's set_latin_spelled): made
  // with `exact`, for the candidates latin_namesake asks about.
  bool latin_spelled = false;
  double score = 0;
  // Scoring round 0 keeps what does not depend on the article's other resolved places, so
  // round 1 replays it (the same additions in the same order) instead of recomputing it.
  double static_score = 0;      // the score up to the province evidence
  bool check_province = false;  // has an admin1 and is no province: province evidence applies
  bool province_named = false;  // the article names its province (apart from this name)
  uint8_t hint_bonus = 0;       // kHint* bits: the unit-word additions made
  // Copied when the candidate is made (fill_facts in Find), so that scoring reads the candidate
  // alone and not the scattered gazetteer tables: Geocoder::EntryFacts of the entry, and the
  // slot of its country code in the memo of country terms (CountrySlot).
  double log_pop = 0;
  uint8_t fc_kind = 0;
  uint16_t country_slot = 0;
};

// The slot of a country code in the memo of country terms (Geocoder::Find, step 3): 0 for none,
// 1 + 26 * (first - 'A') + (second - 'A') for two capitals, kOddCountrySlot for anything else (no
// code of the gazetteer).
constexpr uint16_t kOddCountrySlot = 0xFFFF;
constexpr size_t kCountrySlots = 1 + 26 * 26;
inline uint16_t CountrySlot(std::string_view country) {
  if (country.empty()) return 0;
  if (country.size() == 2 && country[0] >= 'A' && country[0] <= 'Z' && country[1] >= 'A' &&
      country[1] <= 'Z') {
    return static_cast<uint16_t>(1 + (country[0] - 'A') * 26 + (country[1] - 'A'));
  }
  return kOddCountrySlot;
}
constexpr uint8_t kHintLevel = 1, kHintDistrictSeat = 2, kHintPlace = 4;
// Taken off a coarse-key namesake's score (Find, latin_namesake): more than any evidence adds.
constexpr double kLatinNamesakePenalty = 100;

struct Mention {
  Span span;  // the name, plus a unit word when there is one
  size_t first_word = 0, end_word = 0;
  std::string folded;       // FoldName of the name words (abbreviation spelled out: "saint louis")
  std::string folded_abbr;  // as written when `folded` spells out an abbreviation ("st louis")
  GeoLevel hint = GeoLevel::kPlace;
  bool has_hint = false;
  bool cue = false;         // preceded by "in", "near", ...
  bool locative = false;    // caseless script: a locative word beside it ("في", "میں")
  size_t clitic_bytes = 0;  // bytes of an attached proclitic left out of the name ("ب")
  bool dateline = false;
  bool weak = false;            // stop word, first name, word seen in lower case
  bool sentence_start = false;  // single word opening a sentence: capitalised anyway
  bool acronym = false;
  bool embedded = false;  // inside a longer capitalised name
  bool multiword = false;
  bool person = false;         // a person's name here (Mr. X, X said, X, 23,)
  bool person_strong = false;  // ... even over a country or province ("Kenya Lang, 38,")
  bool street = false;         // a street or venue ("Madrid Drive", "the 300 block of Page")
  bool quarter = false;        // "the West End neighborhood": a part of some town, not a namesake
  // A capitalised compass word before ("East Elm"), or a possessive after ("Elm's"): a street,
  // a quarter, a person or a business unless the place is a large one ("East Boston").
  bool minor_form = false;
  // A possessive that stands alone ("walking toward Elm's on Main"): a shop or a person's home,
  // whatever preposition comes before it.
  bool bare_possessive = false;
  bool title_line = false;   // inside a headline written in title case
  bool of_before = false;    // right after a genitive ("East of Bozeman", "a man of Carlton")
  bool attributive = false;  // "X-bound", "X-based": named, but not where it happened
  bool abbrev = false;       // a region abbreviation ("Ga.", "TX")
  bool exact_done = false;   // Candidate::exact is set
  uint32_t name_id = 0;      // equal for mentions with equal `folded`
  // After a lower-case unit word and a genitive ("the city of Marib", "the village of Tsafe"):
  // the text calls the name a town (or district, province) of its own.
  bool unit_of = false;
  // The postings the name matched (spelled-out abbreviation first); `cands` is made from them
  // once every mention is known, and only for mentions whose readings can matter.
  std::span<const GazPosting> posts, alt_posts;
  std::vector<Candidate> cands;
  int best = -1;
};

// FoldName(name), remembered per thread: the non-ASCII gazetteer names FoldsTo meets recur, and
// folding them takes ICU. The reference is valid until the next call on this thread.
const std::string& CachedFoldName(std::string_view name) {
  constexpr size_t kMaxEntries = 1 << 14;
  thread_local StrFlatMap<std::string> cache;
  if (const std::string* hit = cache.Find(name)) return *hit;
  if (cache.size() >= kMaxEntries) cache.Clear();
  std::string& folded = cache[name];
  folded = FoldName(name);
  return folded;
}

// Whether a gazetteer name folds to `folded`. ASCII names (most) are compared without
// allocating; others go through FoldName.
bool FoldsTo(std::string_view name, std::string_view folded) {
  size_t j = 0;
  bool pending_space = false;
  for (unsigned char c : name) {
    if (c >= 0x80) return CachedFoldName(name) == folded;
    char f;
    if (c >= 'A' && c <= 'Z') {
      f = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      f = static_cast<char>(c);
    } else {
      if (c != '\'' && c != '`' && j > 0) pending_space = true;
      continue;
    }
    if (pending_space) {
      if (j >= folded.size() || folded[j] != ' ') return false;
      ++j;
      pending_space = false;
    }
    if (j >= folded.size() || folded[j] != f) return false;
    ++j;
  }
  return j == folded.size();
}

// Whether a gazetteer name folds to `folded` once spaces are ignored ("De Kalb" is "DeKalb").
bool FoldsToJoined(std::string_view name, std::string_view folded) {
  const std::string& f = CachedFoldName(name);
  size_t i = 0, j = 0;
  while (true) {
    while (i < f.size() && f[i] == ' ') ++i;
    while (j < folded.size() && folded[j] == ' ') ++j;
    if (i == f.size() || j == folded.size()) return i == f.size() && j == folded.size();
    if (f[i++] != folded[j++]) return false;
  }
}

// Whether a gazetteer name folds to `folded` once each run of one repeated letter counts as one
// letter, and differs from it as written: transliterations write a long vowel or a geminate
// either doubled or single ("Kismaayo" / "Kismayo", "Afgoye" / "Afgooye").
bool FoldsToUndoubled(std::string_view name, std::string_view folded) {
  const std::string& f = CachedFoldName(name);
  if (f == folded) return false;
  size_t i = 0, j = 0;
  while (i < f.size() && j < folded.size()) {
    const char c = f[i];
    if (folded[j] != c) return false;
    while (i < f.size() && f[i] == c) ++i;
    while (j < folded.size() && folded[j] == c) ++j;
  }
  return i == f.size() && j == folded.size();
}

// Reads a tab-separated table whose rows have at least `min_fields` fields (base/tsv.h), calling
// fn(fields) for each row. A missing file is an empty table (these lists only refine the
// geocoder); a short row, or an error fn returns (when it returns a Status), is an error naming
// the file and line.
template <typename Fn>
Status LoadOptionalTable(const std::string& path, size_t min_fields, Fn fn) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return Status::Ok();
  return ForEachTsvLine(*text, path, min_fields,
                        [&](const std::vector<std::string_view>& f, int) -> Status {
                          if constexpr (std::is_void_v<decltype(fn(f))>) {
                            fn(f);
                            return Status::Ok();
                          } else {
                            return fn(f);
                          }
                        });
}

// Whether a folded word is the "s" the scanner leaves of a possessive (tested by bytes: a
// string comparison is a library call, and this runs per mention).
inline bool IsLetterS(std::string_view lower) { return lower.size() == 1 && lower[0] == 's'; }

// Whether `raw` may hold an apostrophe: '\'' or the first byte of U+2019 (a quick test before
// the contraction search).
inline bool HasApostropheByte(std::string_view raw) {
  for (const char c : raw) {
    if (c == '\'' || c == '\xE2') return true;
  }
  return false;
}

// Whether `gap` (the text between two words) is only spaces, optionally after one '.'.
inline bool PlainGap(std::string_view gap) {
  if (gap.size() == 1) return gap[0] == ' ' || gap[0] == '.';  // most gaps: one byte
  size_t i = 0;
  if (i < gap.size() && gap[i] == '.') ++i;
  for (; i < gap.size(); ++i) {
    if (gap[i] != ' ') return false;
  }
  return true;
}

// A set of an article's words by folded form (Word::lower), without per-element allocation
// (open addressing over word indices); reused per thread. A slot is 8 bytes, so the table of a
// long article stays in the first-level cache. Reset() empties the set by starting a new
// generation, without touching the slots.
class WordSet {
 public:
  // Makes room for n words of `words`, which must outlive the calls until the next Reset.
  void Reset(std::span<const Word> words, size_t n) {
    words_ = words;
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap > slots_.size() || ++gen_ == 0) {
      slots_.assign(std::max(cap, slots_.size()), Slot());
      gen_ = 1;
    }
    mask_ = std::min(cap, slots_.size()) - 1;
  }
  void Insert(uint32_t k) {
    const Word& w = words_[k];
    for (size_t h = w.lower_hash & mask_;; h = (h + 1) & mask_) {
      if (slots_[h].gen != gen_) {
        slots_[h] = Slot{gen_, k};
        return;
      }
      if (Same(words_[slots_[h].word], w.lower, w.lower_hash)) return;
    }
  }
  // `hash` is WordHash(v).
  bool Contains(std::string_view v, uint64_t hash) const {
    for (size_t h = hash & mask_;; h = (h + 1) & mask_) {
      if (slots_[h].gen != gen_) return false;
      if (Same(words_[slots_[h].word], v, hash)) return true;
    }
  }

 private:
  static bool Same(const Word& w, std::string_view v, uint64_t hash) {
    return w.lower_hash == hash && w.lower == v;
  }
  struct Slot {
    uint32_t gen = 0;  // in the set when equal to gen_
    uint32_t word = 0;
  };
  std::span<const Word> words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t gen_ = 0;
};

// The country terms of one candidate score (see Geocoder::Find, step 3), memoized per name.
struct CountryTerms {
  uint32_t gen = 0;    // the article they were made for
  uint32_t name = 0;   // the Mention::name_id they were made for (they depend on nothing else)
  bool named = false;  // the article's context names the country apart from the mention itself
  double v = 0;        // that context's weight
  double cue = 0;      // the country's cue weight (ContextTables::cue)
};

// A province the article names or implies: views into the gazetteer, which outlives Find.
struct ProvinceRef {
  std::string_view country, admin1;
  // Compared for every candidate against each province in view: the two-letter country codes
  // without a library call, and the admin1 names by length first, then by address (the
  // gazetteer keeps one copy of a name its entries share), then by bytes.
  bool Is(std::string_view c, std::string_view a) const {
    if (admin1.size() != a.size() || country.size() != c.size()) return false;
    if (country.size() == 2) {
      if (country[0] != c[0] || country[1] != c[1]) return false;
    } else if (country != c) {
      return false;
    }
    return admin1.data() == a.data() || admin1 == a;
  }
};

// Per-article context (Geocoder::Find, step 2): countries and provinces by a dense id each,
// interned in first-seen order, and what each name (Mention::name_id) contributed to them. One
// per thread, cleared per article and keeping its memory, so an article allocates nothing here
// once the tables have grown to its size. Every value is summed in the same order as before
// (mention order, then text order for cues), so the sums are bit-for-bit the same.
struct ContextTables {
  // Country codes: `cc_ids` maps a code to its id (1-based); `cc[id]` is the code, a view into
  // the gazetteer or the word lists (both outlive Find).
  // (Codes of two capitals, all the gazetteer has, are looked up by CountrySlot in `slot_ids`
  // instead: no hashing for the lookups made per candidate.)
  StrFlatMap<uint32_t> cc_ids;
  std::vector<uint32_t> slot_ids = std::vector<uint32_t>(kCountrySlots, 0);
  std::vector<uint16_t> used_slots;  // the slots set in slot_ids
  std::vector<std::string_view> cc;
  // By country id: the article's context for it (ctx_country), its non-name cues (ctx_cue) and
  // its place votes, each with whether the article has an entry at all (iterations visit only
  // those, as they visited only the keys of the maps these replace).
  std::vector<double> country, cue, votes;
  std::vector<uint8_t> has_country, has_cue, has_votes;
  // Provinces: `prov_ids` maps "CC|admin1" to its id (1-based), `prov[id]` is the province and
  // `province[id]` its context (ctx_province).
  StrFlatMap<uint32_t> prov_ids;
  std::vector<ProvinceRef> prov;
  // By CountrySlot: whether some province of that country has an id (most readings lie in
  // countries with none, which FindProvince then turns away without comparing names), and the
  // slots so set.
  std::vector<uint8_t> slot_has_prov = std::vector<uint8_t>(kCountrySlots, 0);
  std::vector<uint16_t> prov_slots;
  std::vector<double> province;
  // (name_id, country id) -> what that name contributed: its country and province readings
  // (self_ctx), its place votes (name_votes) and their share of a country's vote (self_vote);
  // (name_id, province id) -> its province readings (self_prov).
  IdPairFlatMap<double> self_ctx, name_votes, self_vote, self_prov;
  std::string key;  // scratch for a province key

  void Clear() {
    cc_ids.Clear();
    // (By the slots recorded, not by reading cc: its views may belong to a gazetteer or word
    // lists gone since the last article.)
    for (const uint16_t slot : used_slots) slot_ids[slot] = 0;
    used_slots.clear();
    prov_ids.Clear();
    for (const uint16_t slot : prov_slots) slot_has_prov[slot] = 0;
    prov_slots.clear();
    self_ctx.Clear();
    name_votes.Clear();
    self_vote.Clear();
    self_prov.Clear();
    cc.assign(1, std::string_view());
    for (std::vector<double>* v : {&country, &cue, &votes, &province}) v->assign(1, 0.0);
    for (std::vector<uint8_t>* v : {&has_country, &has_cue, &has_votes}) v->assign(1, 0);
    prov.assign(1, ProvinceRef());
  }
  size_t num_countries() const { return cc.size() - 1; }
  size_t num_provinces() const { return prov.size() - 1; }
  // Province `pid`'s context apart from what name `name_id` itself gave it: "Kaduna" the state
  // does not place "Kaduna" the city.
  double ProvinceApart(uint32_t name_id, uint32_t pid) const {
    double pv = province[pid];
    if (pv > 1e-9) {
      if (const double* sp = self_prov.Find(name_id, pid)) pv -= *sp;
    }
    return pv;
  }
  // The id of a country code, 0 if the article has no entry for it.
  uint32_t FindCountry(std::string_view code) const {
    const uint16_t slot = CountrySlot(code);
    if (slot != kOddCountrySlot) return slot_ids[slot];
    const uint32_t* id = cc_ids.Find(code);
    return id == nullptr ? 0 : *id;
  }
  // The id of a country code, made when new; `code` must outlive the article's Find.
  uint32_t CountryId(std::string_view code) {
    const uint16_t slot = CountrySlot(code);
    uint32_t& id = slot != kOddCountrySlot ? slot_ids[slot] : cc_ids[code];
    if (id == 0) {
      id = static_cast<uint32_t>(cc.size());
      if (slot != kOddCountrySlot) used_slots.push_back(slot);
      cc.push_back(code);
      country.push_back(0);
      cue.push_back(0);
      votes.push_back(0);
      has_country.push_back(0);
      has_cue.push_back(0);
      has_votes.push_back(0);
    }
    return id;
  }
  // The id of a province, made when new; the views must outlive the article's Find.
  uint32_t ProvinceId(std::string_view country_code, std::string_view admin1) {
    key.assign(country_code).append("|").append(admin1);
    uint32_t& id = prov_ids[key];
    if (id == 0) {
      id = static_cast<uint32_t>(prov.size());
      if (const uint16_t slot = CountrySlot(country_code);
          slot != kOddCountrySlot && slot_has_prov[slot] == 0) {
        slot_has_prov[slot] = 1;
        prov_slots.push_back(slot);
      }
      prov.push_back(ProvinceRef{country_code, admin1});
      province.push_back(0);
    }
    return id;
  }
  // The id of a province, 0 if the article has none for it; `slot` is CountrySlot(country_code).
  uint32_t FindProvince(std::string_view country_code, uint16_t slot, std::string_view admin1) {
    if (slot != kOddCountrySlot && slot_has_prov[slot] == 0) return 0;
    if (num_provinces() <= 8) {
      // A few named provinces: comparing the parts beats making a key and hashing it.
      for (size_t i = 1; i < prov.size(); ++i) {
        if (prov[i].Is(country_code, admin1)) return static_cast<uint32_t>(i);
      }
      return 0;
    }
    key.assign(country_code).append("|").append(admin1);
    const uint32_t* id = prov_ids.Find(key);
    return id == nullptr ? 0 : *id;
  }
};

// Feature code ranks (Geocoder::EntryFacts::fc_kind), and town sections (PPLX), which the rules
// ask about per candidate.
enum FcKind : uint8_t {
  kFcOther,
  kFcCapital,
  kFcProvinceSeat,
  kFcDistrictSeat,
  kFcLowerSeat,
  kFcSection
};

// A population for ranking an administrative seat that the gazetteer lists without one: a seat
// is a town of some size, not a hamlet.
int64_t SeatPopulation(std::string_view fc) {
  if (IsLiteral(fc, "PPLC") || IsLiteral(fc, "PPLA")) return 50000;
  if (IsLiteral(fc, "PPLA2")) return 10000;
  return 0;
}

// A place a news reader knows without help: a large town, a capital or a province or district
// seat.
bool WellKnown(const Candidate& c) {
  return c.e.population >= 100000 || c.fc_kind == kFcCapital || c.fc_kind == kFcProvinceSeat ||
         c.fc_kind == kFcDistrictSeat;
}

// A capital or a city of a million: a place few namesakes or common words rival.
bool Landmark(const Candidate& c) { return c.fc_kind == kFcCapital || c.e.population >= 1000000; }

// Whether `c` is a well-known town (usually the seat) of a province that `cands` (one mention's
// candidates) also holds under the same name: "Kaduna" the city and "Kaduna" the state. The town
// must be spelled at least as exactly as the province.
bool SeatOfNamedProvince(const std::vector<Candidate>& cands, const Candidate& c) {
  if (c.e.level != GeoLevel::kPlace || !WellKnown(c)) return false;
  for (const Candidate& o : cands) {
    if (o.e.level == GeoLevel::kProvince && o.e.country == c.e.country &&
        o.e.admin1 == c.e.admin1 && (o.exact || o.alternate) && (c.exact || !o.exact)) {
      return true;
    }
  }
  return false;
}

// For a town section (GeoNames PPLX) among one mention's candidates: the population term
// (Candidate::log_pop) of the largest town of its own (a populated place, not a section) that
// `cands` hold spelled at least as exactly; 0 when `c` is no section or no such town exists.
double SectionTownNamesakeLogPop(const std::vector<Candidate>& cands, const Candidate& c) {
  if (c.e.level != GeoLevel::kPlace || c.fc_kind != kFcSection) return 0;
  double best = 0;
  for (const Candidate& o : cands) {
    if (o.e.level == GeoLevel::kPlace && o.fc_kind != kFcSection && (o.exact || !c.exact)) {
      best = std::max(best, o.log_pop);
    }
  }
  return best;
}

// Whether Geocoder::Find's scoring reads mention `m` exactly as `src`, an earlier mention of the
// same name (equal Mention::folded) in the same round, neither in a "Town, Province" pair: the
// same frame (unit word, locative cue, dateline), a first word of the same case and script, and
// the same readings with the same posting flags and spelling (Candidate::e follows from its
// index). The readings' scores are then the same, and are copied instead of made again: half of
// an article's readings are a recurring name's.
bool ScoresAs(std::string_view text, std::span<const Word> words, const Mention& m,
              const Mention& src) {
  if (m.has_hint != src.has_hint || m.hint != src.hint || m.cue != src.cue ||
      m.dateline != src.dateline || m.cands.size() != src.cands.size()) {
    return false;
  }
  const Word& a = words[m.first_word];
  const Word& b = words[src.first_word];
  if (a.uncased() != b.uncased() || IsLatinStart(text, a) != IsLatinStart(text, b)) return false;
  for (size_t i = 0; i < m.cands.size(); ++i) {
    const Candidate& x = m.cands[i];
    const Candidate& y = src.cands[i];
    if (x.e.index != y.e.index || x.demonym != y.demonym || x.exact != y.exact ||
        x.alternate != y.alternate || x.native != y.native || x.latin_spelled != y.latin_spelled) {
      return false;
    }
  }
  return true;
}

// Copies what scoring made of `src`'s readings into `m`'s (ScoresAs(.., m, src)).
void CopyScores(const Mention& src, Mention* m) {
  for (size_t i = 0; i < m->cands.size(); ++i) {
    Candidate& c = m->cands[i];
    const Candidate& o = src.cands[i];
    c.score = o.score;
    c.static_score = o.static_score;
    c.check_province = o.check_province;
    c.province_named = o.province_named;
    c.paired = o.paired;
    c.hint_bonus = o.hint_bonus;
    c.in_province = o.in_province;
  }
  m->best = src.best;
}

// Whether words[k] (all capitals, 3-4 bytes) is a broadcast call sign: ASCII letters, and either
// in parentheses ("(KTVI)", "(KMOX/AP)", "(WIBQ-FM)") or a 4-letter word in running text whose
// neighbours are not in capitals too ("WSOC reports"; a shouted headline is no evidence).
bool IsCallSign(std::string_view text, std::span<const Word> words, size_t k,
                const ViewSet& not_callsign) {
  const Word& w = words[k];
  const std::string_view t = text.substr(w.span.begin, w.span.size());
  for (char c : t) {
    if (c < 'A' || c > 'Z') return false;
  }
  const bool open = w.span.begin > 0 && text[w.span.begin - 1] == '(';
  const bool close =
      w.span.end < text.size() &&
      (text[w.span.end] == ')' || text[w.span.end] == '/' || text[w.span.end] == '-');
  if (!(open && close)) {
    if (t.size() != 4) return false;
    if (k > 0 && words[k - 1].all_caps() && !w.newline_before()) return false;
    if (k + 1 < words.size() && words[k + 1].all_caps() && !words[k + 1].newline_before()) {
      return false;
    }
  }
  return !not_callsign.contains(t);
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "61st", "2nd": digits, then an ordinal ending of the table.
bool NumberedStreet(const ViewSet& ordinal_suffix, std::string_view w) {
  size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  return d > 0 && d < w.size() && ordinal_suffix.contains(w.substr(d));
}

// Street cues around the name of words [i, end) (see Mention::street, Mention::minor_form):
// "Pembroke & Elm" and "61st and Elm" name an intersection; "East Elm" after a capitalised
// compass word and "Elm's" with a possessive are names of something smaller than a town unless
// the town is large (decided at acceptance).
void MarkStreetCues(const ViewSet& ordinal_suffix, const ViewSet& joiner, const WordClassTable& wc,
                    std::span<const Word> words, std::string_view text, size_t i, size_t end,
                    Mention* m) {
  if (i > 0) {
    std::string_view gap =
        text.substr(words[i - 1].span.end, words[i].span.begin - words[i - 1].span.end);
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    if (gap.size() == 1 && gap[0] == '&') m->street = true;
    if (i >= 2 && gap.empty() && !words[i - 2].break_after() &&
        NumberedStreet(ordinal_suffix, words[i - 2].lower) && joiner.contains(words[i - 1].lower)) {
      m->street = true;
    }
    if (!words[i - 1].break_after() && words[i - 1].upper_initial() && !words[i - 1].all_caps() &&
        (Classes(words[i - 1], wc) & kDirection) != 0) {
      m->minor_form = true;
    }
  }
  // The scanner leaves the "s" of "Elm's" as a word of its own after an apostrophe.
  if (end < words.size() && end > 0 && IsLetterS(words[end].lower) && !words[end].upper_initial()) {
    std::string_view g =
        text.substr(words[end - 1].span.end, words[end].span.begin - words[end - 1].span.end);
    if (g == "'" || g == "\xE2\x80\x99") {
      m->minor_form = true;
      // "Elm's port" owns a noun; "toward Elm's on Main", "at Elm's." own nothing.
      const size_t k = end + 1;
      const bool owns_noun = !words[end].break_after() && k < words.size() &&
                             !words[k].upper_initial() &&
                             (Classes(words[k], wc) & (kCue | kFunction | kConnector)) == 0;
      if (!owns_noun) m->bare_possessive = true;
    }
  }
}

// Sets *out to FoldNameInto of the text of words [i, i + n) when the words' own folds make it:
// the text is ASCII and the words one space apart, so its fold is their folds (Word::lower,
// which for an ASCII word is FoldNameInto of the word) joined by single spaces. False, with
// *out untouched, otherwise. n >= 1. (The candidate search folds a multi-word name per start
// word.)
bool JoinAsciiFolds(std::string_view text, std::span<const Word> words, size_t i, int n,
                    std::string* out) {
  const size_t end = i + static_cast<size_t>(n);
  for (size_t k = i; k + 1 < end; ++k) {
    const Span sp = words[k].span;
    if (words[k + 1].span.begin != sp.end + 1 || text[sp.end] != ' ') return false;
  }
  // The words and the single spaces between them are one range of the text.
  const uint32_t from = words[i].span.begin;
  if (!IsAscii(text.substr(from, words[end - 1].span.end - from))) return false;
  out->clear();
  for (size_t k = i; k < end; ++k) {
    if (k > i) out->push_back(' ');
    out->append(words[k].lower);
  }
  return true;
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether `w` is a piece of an e-mail or web address ("jdoe@ci.fairbanks.ak.us",
// "springfield.gov"): joined to the text before it by '.', '@' or '/', or to a word after it by
// '.' or '@'. Addresses are written in lower case whatever the name, so such a piece is no
// lower-case use of the word.
bool InAddress(std::string_view text, const Word& w) {
  const size_t b = w.span.begin, e = w.span.end;
  if (b > 0 && (text[b - 1] == '.' || text[b - 1] == '@' || text[b - 1] == '/')) {
    return b > 1 && IsAsciiAlnum(text[b - 2]);
  }
  return e + 1 < text.size() && (text[e] == '.' || text[e] == '@') && IsAsciiAlnum(text[e + 1]);
}

// Whether the text has a word that is `w` in lower case: the same folded form, written neither
// capitalised nor in a caseless script, no stop word, and not a piece of an address.
bool HasLowerCaseTwin(const WordClassTable& wc, std::string_view text, std::span<const Word> words,
                      const Word& w) {
  for (const Word& o : words) {
    if (o.lower_hash == w.lower_hash && !o.upper_initial() && !o.uncased() &&
        (Classes(o, wc) & kStop) == 0 && o.lower == w.lower && !InAddress(text, o)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::shared_ptr<const Geocoder::Words>> Geocoder::LoadWords(const std::string& dir) {
  auto words = std::make_shared<Words>();
  // The word classes of geocoder_words.tsv's TYPE column.
  static const std::pair<std::string_view, ViewSet Words::*> kSets[] = {
      {"stop", &Words::stop},
      {"firstname", &Words::firstname},
      {"connector", &Words::connector},
      {"cue", &Words::cue},
      {"title", &Words::title},
      {"speech", &Words::speech},
      {"attributive", &Words::attributive},
      {"kin", &Words::kin},
      {"street", &Words::street},
      {"outlet", &Words::outlet},
      {"street_of", &Words::street_of},
      {"objverb", &Words::objverb},
      {"passive", &Words::passive},
      {"auxiliary", &Words::auxiliary},
      {"perfect", &Words::perfect},
      {"personnoun", &Words::personnoun},
      {"institution", &Words::institution},
      {"direction", &Words::direction},
      {"ordinal_suffix", &Words::ordinal_suffix},
      {"joiner", &Words::joiner},
      {"function", &Words::function},
      {"quarter", &Words::quarter},
      {"vicinity", &Words::vicinity},
      {"genitive", &Words::genitive},
      {"contraction", &Words::contraction},
      {"article", &Words::article},
      {"indefinite", &Words::indefinite},
      {"owner_link", &Words::owner_link},
      {"name_link", &Words::name_link},
      {"postposition", &Words::postposition},
      {"preposition", &Words::preposition},
  };
  SITREP_RETURN_IF_ERROR(ForEachTsvRow(
      dir + "/geo/geocoder_words.tsv", 2,
      [&](const std::vector<std::string_view>& f, int) -> Status {
        const std::string_view word = f[0], type = f[1];
        // Matched on raw text, so kept as written.
        if (type == "proclitic") {
          words->proclitic.emplace_back(word);
          return Status::Ok();
        }
        if (type == "unit_form") {
          if (f.size() < 4) return InvalidArgument("unit_form needs a nominative and endings");
          Words::UnitForm& u = words->unit_form[FoldName(word)];
          u.nominative = std::string(f[2]);
          for (std::string_view rest = f[3]; !rest.empty();) {
            const size_t comma = rest.find(',');
            const std::string_view pair = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            const size_t colon = pair.find(':');
            if (colon == std::string_view::npos) {
              return InvalidArgument("unit_form ending not FORM:NOMINATIVE: " + std::string(pair));
            }
            u.adjective.emplace_back(pair.substr(0, colon), pair.substr(colon + 1));
          }
          std::stable_sort(
              u.adjective.begin(), u.adjective.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
          return Status::Ok();
        }
        if (type == "ending") {
          words->ending.push_back({std::string(word), std::string(f.size() > 2 ? f[2] : ""),
                                   std::string(f.size() > 3 ? f[3] : "")});
          return Status::Ok();
        }
        for (const auto& [name, set] : kSets) {
          if (type == name) {
            ((*words).*set).insert(FoldName(word));
            return Status::Ok();
          }
        }
        return InvalidArgument("unknown type " + std::string(type));
      }));
  if (words->genitive.empty()) {
    return InvalidArgument(dir + "/geo/geocoder_words.tsv lists no genitive word");
  }
  std::stable_sort(words->ending.begin(), words->ending.end(),
                   [](const auto& a, const auto& b) { return a.ending.size() > b.ending.size(); });
  SITREP_RETURN_IF_ERROR(ForEachTsvRow(dir + "/geo/admin_suffixes.tsv", 2,
                                       [&](const std::vector<std::string_view>& f, int) -> Status {
                                         const std::string_view lvl = f[1];
                                         const GeoLevel level =
                                             lvl == "district"   ? GeoLevel::kDistrict
                                             : lvl == "province" ? GeoLevel::kProvince
                                                                 : GeoLevel::kPlace;
                                         words->unit[FoldName(f[0])] = level;
                                         if (f.size() > 2 && f[2] == "before") {
                                           words->unit_before.insert(FoldName(f[0]));
                                         }
                                         return Status::Ok();
                                       }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/region_abbrevs.tsv", 4, [&](const std::vector<std::string_view>& f) {
        Words::Abbrev a;
        a.country = std::string(f[1]);
        a.region = std::string(f[2]);
        a.after_comma = f[3] == "comma";
        words->abbrev[std::string(f[0])] = std::move(a);
        words->max_abbrev_bytes = std::max(words->max_abbrev_bytes, f[0].size());
        if (f[0].size() < 2) {
          words->abbrev_short = true;
        } else {
          const size_t bit = Words::PrefixBit(static_cast<unsigned char>(f[0][0]),
                                              static_cast<unsigned char>(f[0][1]));
          words->abbrev_prefix[bit >> 6] |= uint64_t{1} << (bit & 63);
        }
      }));
  ViewSet phrase_first;
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/context_cues.tsv", 4, [&](const std::vector<std::string_view>& f) {
        double weight = std::atof(std::string(f[3]).c_str());
        if (f[0] == "lang") {
          words->lang[std::string(f[1])].emplace_back(std::string(f[2]), weight);
        } else if (f[0] == "callsign") {
          if (f[1].size() == 1 && f[1][0] >= 'A' && f[1][0] <= 'Z') {
            words->callsign[f[1][0] - 'A'] = {std::string(f[2]), weight};
            words->any_callsign = true;
          }
        } else if (f[0] == "notcallsign") {
          words->not_callsign.emplace(f[1]);
        } else {
          std::string key = FoldName(f[1]);
          size_t n = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
          words->max_phrase_words = std::max(words->max_phrase_words, n);
          words->phrase[key] = {std::string(f[2]), weight};
        }
      }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(dir + "/geo/name_abbrevs.tsv", 2,
                                           [&](const std::vector<std::string_view>& f) {
                                             words->name_abbrev[FoldName(f[0])] = FoldName(f[1]);
                                           }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/name_suffixes.tsv", 2, [&](const std::vector<std::string_view>& f) {
        LanguageEntry(&words->name_suffixes, f[0]).emplace(f[1]);
      }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/name_elisions.tsv", 2, [&](const std::vector<std::string_view>& f) {
        LanguageEntry(&words->name_elisions, f[0]).emplace(f[1]);
      }));
  // A locative suffix must also be a name suffix of its language: only those are cut off the
  // name, so another would never be seen after one.
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/locative_cues.tsv", 3, [&](const std::vector<std::string_view>& f) -> Status {
        Words::LangCues& cues = LanguageEntry(&words->lang_cues, f[0]);
        if (f[1] == "before") {
          cues.before.Add(FoldName(f[2]), 1);
        } else if (f[1] == "suffix") {
          const ViewSet* cut = words->NameSuffixes(f[0]);
          if (cut == nullptr || !cut->contains(f[2])) {
            return InvalidArgument("column 3: suffix \"" + std::string(f[2]) +
                                   "\" is not in name_suffixes.tsv for " + std::string(f[0]));
          }
          cues.suffix.emplace(f[2]);
        } else {
          return InvalidArgument("column 2: \"" + std::string(f[1]) +
                                 "\" is neither \"before\" nor \"suffix\"");
        }
        return Status::Ok();
      }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/district_seat_countries.tsv", 1,
      [&](const std::vector<std::string_view>& f) { words->seat_countries.emplace(f[0]); }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/state_named_countries.tsv", 1,
      [&](const std::vector<std::string_view>& f) { words->state_named.emplace(f[0]); }));
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(
      dir + "/geo/phonetic_scripts.tsv", 1, [&](const std::vector<std::string_view>& f) -> Status {
        const std::string name(f[0]);
        const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, name.c_str());
        if (code == UCHAR_INVALID_CODE) {
          return InvalidArgument(dir + "/geo/phonetic_scripts.tsv: unknown script \"" + name +
                                 "\"");
        }
        words->phonetic_scripts.push_back(code);
        return Status::Ok();
      }));
  words->latin_names.assign(kCountrySlots, 0);
  SITREP_RETURN_IF_ERROR(LoadOptionalTable(dir + "/geo/latin_name_countries.tsv", 1,
                                           [&](const std::vector<std::string_view>& f) {
                                             const uint16_t slot = CountrySlot(f[0]);
                                             if (slot != kOddCountrySlot)
                                               words->latin_names[slot] = 1;
                                           }));
  // Short all-capital aliases of countries ("UAE", "DRC") from the countries table.
  SITREP_RETURN_IF_ERROR(
      LoadOptionalTable(dir + "/geo/countries.tsv", 2, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 3) return;
        std::string_view aliases = f[2];
        size_t p = 0;
        while (p <= aliases.size()) {
          size_t bar = std::min(aliases.find('|', p), aliases.size());
          std::string_view a = aliases.substr(p, bar - p);
          p = bar + 1;
          bool caps = !a.empty() && a.size() <= 4;
          for (char c : a) caps = caps && c >= 'A' && c <= 'Z';
          if (caps) words->acronym.insert(std::string(a));
        }
      }));
  words->BuildWordClass();
  return std::shared_ptr<const Words>(std::move(words));
}

void Geocoder::Words::BuildWordClass() {
  auto add = [&](const ViewSet& set, uint32_t bit) {
    for (const std::string& w : set) word_class.Add(w, bit);
  };
  add(stop, kStop);
  add(firstname, kFirstname);
  add(connector, kConnector);
  add(cue, kCue);
  add(title, kTitle);
  add(speech, kSpeech);
  add(attributive, kAttributive);
  add(kin, kKin);
  add(street, kStreet);
  add(street_of, kStreetOf);
  add(objverb, kObjverb);
  add(passive, kPassive);
  add(auxiliary, kAuxiliary);
  add(perfect, kPerfect);
  add(personnoun, kPersonnoun);
  add(institution, kInstitution);
  add(direction, kDirection);
  add(function, kFunction);
  add(quarter, kQuarter);
  add(vicinity, kVicinity);
  add(outlet, kOutlet);
  add(genitive, kGenitive);
  add(article, kArticle);
  add(indefinite, kIndefinite);
  add(owner_link, kOwnerLink);
  add(name_link, kNameLink);
  for (const auto& [w, level] : unit) word_class.Add(w, kUnit);
  // A phrase can match from a word only if the word's folded form is the phrase up to one of its
  // spaces, or all of it.
  for (const auto& [p, cue] : phrase) {
    for (size_t sp = p.find(' '); sp != std::string::npos; sp = p.find(' ', sp + 1)) {
      word_class.Add(std::string_view(p).substr(0, sp), kPhrasePrefix);
      phrase_first.Add(std::string_view(p).substr(0, sp), kPhrasePrefix);
    }
    word_class.Add(p, kPhrasePrefix);
    phrase_first.Add(p, kPhrasePrefix);
  }
}

namespace {
uint64_t NextGeocoderId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// Folded n-gram -> its gazetteer postings (empty when the key is too short to look up). Key making
// and the key-table search are most of the candidate search, and the same capitalised words recur
// within and across articles. One cache per thread, owned by one Geocoder at a time; bounded.
struct KeyCache {
  uint64_t owner = 0;
  WordMap<std::span<const GazPosting>> map;
};
constexpr size_t kKeyCacheMax = 1 << 16;

// A mention's readings (Candidate::e and the posting flags) follow from its posting lists
// alone, and the same few names recur within and across articles; decoding each entry again
// reads several scattered cache lines of the gazetteer. So the readings made for a pair of
// posting lists (identified by where they start: the gazetteer is immutable) are kept per
// thread, owned by one Geocoder at a time and bounded, and later mentions copy them.
struct PostsKey {
  uintptr_t posts = 0, alt = 0;  // data() of Mention::posts and alt_posts (0 when empty)
  friend bool operator==(const PostsKey&, const PostsKey&) = default;
};
struct PostsKeyHash {
  uint64_t operator()(const PostsKey& k) const {
    uint64_t h = (k.posts ^ (k.alt * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }
};
struct CandidateCache {
  uint64_t owner = 0;
  struct Range {
    uint32_t begin = 0, count = 0;
    // The spelling the stored readings' Candidate::exact was found for (Mention::folded and
    // folded_abbr): a mention spelled otherwise under the same key finds its own.
    std::string folded, folded_abbr;
  };
  FlatMap<PostsKey, Range, PostsKeyHash> index;
  std::vector<Candidate> store;  // the readings of every cached pair, back to back
  void Reset(uint64_t id) {
    index.Clear();
    store.clear();
    owner = id;
  }
};
constexpr size_t kCandidateCacheMax = 1 << 14;  // candidates kept per thread (~3 MB)
}  // namespace

Geocoder::Geocoder(const Gazetteer* gaz) : gaz_(gaz), id_(NextGeocoderId()) {
  Result<std::shared_ptr<const Words>> w = LoadWords(DataDir());
  words_ = w.ok() ? *w : std::make_shared<const Words>();
  BuildSeats();
  BuildEntryTables();
}

Geocoder::Geocoder(const Gazetteer* gaz, std::shared_ptr<const Words> words)
    : gaz_(gaz), words_(std::move(words)), id_(NextGeocoderId()) {
  BuildSeats();
  BuildEntryTables();
}

void Geocoder::BuildEntryTables() {
  if (gaz_ == nullptr) return;
  entry_facts_ = std::make_unique<EntryFactsSlot[]>(gaz_->size());
}

Geocoder::EntryFacts Geocoder::Facts(uint32_t index) const {
  EntryFactsSlot& slot = entry_facts_[index];
  EntryFacts f;
  const uint64_t bits = slot.log_pop_bits.load(std::memory_order_acquire);
  if (bits != 0) {
    f.log_pop = std::bit_cast<double>(bits);
    f.fc_kind = slot.fc_kind.load(std::memory_order_relaxed);
    return f;
  }
  const GazEntry e = gaz_->entry(index);
  std::string_view fc = e.feature_code;
  const int64_t pop = std::max(e.population, SeatPopulation(fc));
  f.log_pop = std::log10(static_cast<double>(pop) + 10.0);
  f.fc_kind = IsLiteral(fc, "PPLC")                              ? kFcCapital
              : IsLiteral(fc, "PPLA")                            ? kFcProvinceSeat
              : IsLiteral(fc, "PPLA2")                           ? kFcDistrictSeat
              : IsLiteral(fc, "PPLA3") || IsLiteral(fc, "PPLA4") ? kFcLowerSeat
              : IsLiteral(fc, "PPLX")                            ? kFcSection
                                                                 : kFcOther;
  slot.fc_kind.store(f.fc_kind, std::memory_order_relaxed);
  slot.log_pop_bits.store(std::bit_cast<uint64_t>(f.log_pop), std::memory_order_release);
  return f;
}

std::string Geocoder::SeatKey(std::string_view cc, std::string_view admin1,
                              std::string_view admin2) {
  std::string k;
  k.reserve(cc.size() + admin1.size() + admin2.size() + 2);
  k.append(cc).push_back('|');
  k.append(admin1).push_back('|');
  k.append(admin2);
  return k;
}

void Geocoder::BuildSeats() {
  if (gaz_ == nullptr || words_->seat_countries.empty()) return;
  // A state capital (PPLA, PPLC) is listed as the capital, not as its county's seat, though it
  // nearly always is that too ("Leon County" is Tallahassee): a county named alone that lists no
  // PPLA2 town stands for its capital (county_seats_). A town section stays with PPLA2 seats.
  std::unordered_map<std::string, uint32_t> capitals;
  for (uint32_t i = 0; i < gaz_->size(); ++i) {
    // Most entries are no seat or capital: decided on the feature code before decoding one.
    const std::string_view fc = gaz_->feature_code(i);
    if (!IsLiteral(fc, "PPLA2") && !IsLiteral(fc, "PPLA") && !IsLiteral(fc, "PPLC")) continue;
    GazEntry e = gaz_->entry(i);
    if (e.admin2.empty() || e.level != GeoLevel::kPlace) continue;
    if (!words_->seat_countries.contains(e.country)) continue;
    auto& to = IsLiteral(fc, "PPLA2") ? seats_ : capitals;
    auto [it, fresh] = to.emplace(SeatKey(e.country, e.admin1, e.admin2), i);
    if (!fresh && gaz_->entry(it->second).population < e.population) it->second = i;
  }
  county_seats_ = seats_;
  for (const auto& [key, i] : capitals) county_seats_.emplace(key, i);
}

Result<std::unique_ptr<Geocoder>> Geocoder::Create(const Gazetteer* gaz,
                                                   const std::string& data_dir) {
  if (gaz == nullptr) return InvalidArgument("geocoder: no gazetteer");
  Result<std::shared_ptr<const Words>> w = LoadWords(data_dir.empty() ? DataDir() : data_dir);
  if (!w.ok()) return w.status();
  return std::unique_ptr<Geocoder>(new Geocoder(gaz, *w));
}

std::vector<PlaceMention> Geocoder::Find(std::string_view text, const Doc& doc,
                                         std::string_view lang) const {
  return Find(text, doc, nullptr, lang);
}

std::vector<PlaceMention> Geocoder::Find(std::string_view text, const Doc& doc,
                                         const TokenKeys* keys, std::string_view lang) const {
  std::vector<PlaceMention> out;
  if (gaz_ == nullptr || text.empty()) return out;
  const Words& W = *words_;
  const WordClassTable& wc = W.word_class;  // for Classes()
  thread_local WordBuffers word_buf;
  if (keys != nullptr && keys->size() != doc.tokens.size()) keys = nullptr;
  const MatchRules& rules = gaz_->rules();
  const Words::LangCues* const lang_cues = W.LocativeCues(lang);
  // What each word's own text and line say, found as the scan makes the word: its word classes,
  // the lower-case filter, a hyphenated name tail, an attributive suffix, and headline lines.
  // Words that also occur in lower case in this text are common words here ("Mobile" phone): the
  // filter holds a bit per lower-case word other than a stop word (stop words are weak anyway,
  // and a word's classes follow from its folded form), so a name with no lower-case twin is
  // known at once; a name whose bit is set is compared with the words (HasLowerCaseTwin).
  std::array<uint64_t, kLowerFilterWords> lower_filter{};
  // A hyphenated word (rare: out of the per-word path).
  auto on_hyphen = [&](Word & w) __attribute__((noinline)) {
    const std::string_view raw = text.substr(w.span.begin, w.span.size());
    // "Bir al-Abd", "Ras al-Ain": a lower-case connector joined by a hyphen to a capitalised
    // word continues a name (but does not start one: "al-Qaeda" is no place).
    if (!w.upper_initial() && !w.uncased()) {
      size_t h = raw.find('-');
      if (h != std::string_view::npos && h + 1 < raw.size()) {
        const char* p = raw.data();
        int32_t j = static_cast<int32_t>(h + 1);
        UChar32 c;
        U8_NEXT(p, j, static_cast<int32_t>(raw.size()), c);
        if (c >= 0 && (u_isupper(c) || u_istitle(c))) {
          w.Set(kCapTail, (W.word_class.Find(FoldName(raw.substr(0, h))) & kConnector) != 0);
        }
      }
    }
    // "Peshawar-bound", "Texas-based": the name ends at the hyphen of an attributive suffix.
    size_t h = raw.rfind('-');
    if (h != std::string_view::npos && h != 0 && W.attributive.count(FoldName(raw.substr(h + 1)))) {
      w.attr_end = w.span.begin + static_cast<uint32_t>(h);
    }
  };
  const WordNotes notes{&W.phrase_first, lower_filter.data()};
  ScanWords(text, keys, &doc.tokens, W.NameSuffixes(lang), W.NameElisions(lang), notes, &word_buf,
            on_hyphen);
  // The words through a local view: a thread_local vector's bounds would be reloaded after
  // every store to a Word (its flags are chars, which may alias anything).
  const std::span<Word> words(word_buf.words.data(), word_buf.count);
  const size_t list_cap = word_buf.words.size();
  const std::span<const uint32_t> start_words(word_buf.lists.data() + kStartList * list_cap,
                                              word_buf.list_size[kStartList]);
  const std::span<const uint32_t> name_words(word_buf.lists.data() + kNameList * list_cap,
                                             word_buf.list_size[kNameList]);
  const std::span<const uint32_t> phrase_starts(word_buf.lists.data() + kPhraseList * list_cap,
                                                word_buf.list_size[kPhraseList]);
  auto lower_twin = [&](const Word& w) {
    const size_t b = LowerFilterBit(w.lower_hash);
    return ((lower_filter[b >> 6] >> (b & 63)) & 1) != 0 &&
           HasLowerCaseTwin(W.word_class, text, words, w);
  };

  auto gap = [&](size_t i) {  // text between words[i] and words[i + 1]
    return text.substr(words[i].span.end, words[i + 1].span.begin - words[i].span.end);
  };

  // Names used for people in this text: after a title ("Sgt. Lee") or a first name ("Kyle
  // Carney"), before a speech verb ("Lang said") or a person's passive ("Lang was charged"), as
  // the object of a verb of violence ("killed Lang"). Such a word alone is that person throughout
  // the article, not a namesake town. Stronger evidence also outranks a country or province
  // reading ("Kenya Lang, 38," / "a 15-year-old Devon Lang" / "Devon's mother"): an age, an
  // "N-year-old" before a full name, a possessive before a kinship noun; the given name before
  // such a surname is a person too.
  thread_local WordSet person, person_strong;
  person.Reset(words, words.size());
  person_strong.Reset(words, words.size());
  // The test by which the word pass collected name_words.
  auto is_name_word = [&](size_t k) {
    return words[k].upper_initial() && !words[k].all_caps() && !words[k].uncased();
  };
  auto add_person = [&](size_t k, bool strong) {
    if ((Classes(words[k], wc) & (kTitle | kUnit | kStop | kInstitution)) != 0) return;
    if ((Classes(words[k], wc) & kFirstname) == 0 || strong) {
      person.Insert(static_cast<uint32_t>(k));
    }
    if (strong) person_strong.Insert(static_cast<uint32_t>(k));
  };
  // The given name right before a surname (plain space between, not opening a sentence unless
  // it is a known first name).
  auto add_given = [&](size_t k) {
    if (k == 0 || !PlainGap(gap(k - 1)) || !is_name_word(k - 1)) return;
    if (words[k - 1].sentence_start() && !((Classes(words[k - 1], wc) & kFirstname) != 0)) return;
    add_person(k - 1, true);
  };
  auto is_age_word = [&](size_t k) __attribute__((always_inline)) {  // "15-year-old", "35-year old"
    std::string_view l = words[k].lower;
    // Ends in "old" (tested by bytes: a string comparison here is a library call per name word).
    const size_t n = l.size();
    if (n < 3 || l[n - 3] != 'o' || l[n - 2] != 'l' || l[n - 1] != 'd') return false;
    if (l.find("year") != std::string_view::npos) return true;
    return k > 0 && words[k - 1].lower.size() >= 4 &&
           words[k - 1].lower.find("year") != std::string::npos;
  };
  for (const uint32_t i : name_words) {  // is_name_word(i)
    const Word& w = words[i];
    const bool has_next = i + 1 < words.size();
    bool is_person = false, strong = false, surname = false;
    // (The word tests first: they are cheaper than the gap's, and rarely pass.)
    if (i > 0 &&
        (((Classes(words[i - 1], wc) & kTitle) != 0) ||
         (((Classes(words[i - 1], wc) & kFirstname) != 0) && words[i - 1].upper_initial())) &&
        PlainGap(gap(i - 1))) {
      is_person = true;
      // "Jerry Jordan": a known given name right before a single name word makes a full
      // personal name, even over a country reading (a unit word after it keeps the place).
      // The given name itself keeps its own reading ("Gary Methodist Hospital").
      surname = ((Classes(words[i - 1], wc) & kFirstname) != 0) && !words[i - 1].all_caps() &&
                (w.break_after() || i + 1 >= words.size() || !is_name_word(i + 1)) &&
                (i + 1 >= words.size() || (Classes(words[i + 1], wc) & kUnit) == 0);
    }
    const bool after_cue = i > 0 && (Classes(words[i - 1], wc) & (kCue | kGenitive)) != 0;
    if (has_next && !w.break_after() && ((Classes(words[i + 1], wc) & kSpeech) != 0) &&
        !after_cue) {
      is_person = true;
    }
    // "Lang was charged", "Lang has been arrested".
    if (has_next && !w.break_after() && !after_cue && i + 2 < words.size() &&
        (Classes(words[i + 1], wc) & kAuxiliary) != 0) {
      size_t k = i + 2;
      if ((Classes(words[k], wc) & kPerfect) != 0 && k + 1 < words.size()) ++k;
      if ((Classes(words[k], wc) & kPassive) != 0) is_person = true;
    }
    // "killed Lang", "shot Lang": a bare object that is not the start of a longer name.
    if (i > 0 && !words[i - 1].break_after() && ((Classes(words[i - 1], wc) & kObjverb) != 0) &&
        PlainGap(gap(i - 1)) && (w.break_after() || !has_next || !is_name_word(i + 1))) {
      is_person = true;
    }
    // "Roupe, 17,": an age in apposition.
    if (has_next && w.comma_after() && AllDigits(words[i + 1].lower) &&
        words[i + 1].comma_after() && IsLiteral(gap(i), ", ")) {
      is_person = strong = true;
    }
    // "Lang's mother", "Lang' family".
    // The scanner leaves the "s" of "Lang's" as a word of its own. An apostrophe after the
    // word is a break (ScanWords), so a word without one is followed by spaces only.
    if (has_next && w.break_after()) {
      const std::string_view apostrophe = gap(i);
      const bool apos = IsLiteral(apostrophe, "'") || IsLiteral(apostrophe, "\xE2\x80\x99");
      size_t k = i + 1;
      if (apos && IsLiteral(words[k].lower, "s") && k + 1 < words.size() &&
          IsLiteral(gap(k), " ")) {
        ++k;
      } else if (!(IsLiteral(apostrophe, "' ") || IsLiteral(apostrophe, "\xE2\x80\x99 "))) {
        k = 0;
      }
      if (k != 0 && !words[k].upper_initial() && ((Classes(words[k], wc) & kKin) != 0)) {
        is_person = strong = true;
      }
    }
    if (is_person) {
      add_person(i, strong || surname);
      if (strong) add_given(i);
    }
    // "a 15-year-old Given Surname" (two or three name words) that is not followed by a person
    // noun ("a 9-year-old Cedar Rapids boy" names where the boy is from).
    if (i > 0 && is_age_word(i - 1) && PlainGap(gap(i - 1))) {
      size_t e = i;
      while (e + 1 < words.size() && e - i < 2 && !words[e].break_after() && is_name_word(e + 1)) {
        ++e;
      }
      const bool origin = !words[e].break_after() && e + 1 < words.size() &&
                          (((Classes(words[e + 1], wc) & kPersonnoun) != 0) ||
                           ((Classes(words[e + 1], wc) & kUnit) != 0));
      bool unit_inside = false;
      for (size_t k = i; k <= e; ++k) unit_inside |= ((Classes(words[k], wc) & kUnit) != 0);
      if (e > i && !origin && !unit_inside) {
        for (size_t k = i; k <= e; ++k) add_person(k, true);
      }
    }
  }

  // The "s" the scanner leaves of a possessive ("George's" -> "George", "s").
  auto possessive_s = [&](size_t k) {
    if (k == 0 || !IsLetterS(words[k].lower) || words[k].upper_initial()) return false;
    std::string_view g = gap(k - 1);
    return IsLiteral(g, "'") || IsLiteral(g, "\xE2\x80\x99");
  };

  // 1. Candidate mentions: longest n-gram with gazetteer entries.
  // Per thread, so most articles allocate nothing for it; read through the view `mentions`
  // once made (as `words`).
  thread_local std::vector<Mention> mention_store;
  // The previous articles' readings buffers, kept for this one's mentions (take_cands), so that
  // a mention's readings are copied into memory already allocated rather than allocated and
  // freed per mention. Small buffers only and a bounded number (at most ~2.5 MB per thread), so
  // a rare article with huge posting lists pins nothing.
  thread_local std::vector<std::vector<Candidate>> cand_pool;
  constexpr size_t kPooledCands = 64, kPoolMax = 256;
  for (Mention& m : mention_store) {
    if (m.cands.capacity() == 0 || m.cands.capacity() > kPooledCands) continue;
    if (cand_pool.size() >= kPoolMax) break;
    m.cands.clear();
    cand_pool.push_back(std::move(m.cands));
  }
  mention_store.clear();
  // Gives m.cands a pooled buffer (m.cands is empty: each mention's readings are made once).
  auto take_cands = [&](Mention& m) {
    if (m.cands.capacity() != 0 || cand_pool.empty()) return;
    m.cands = std::move(cand_pool.back());
    cand_pool.pop_back();
  };
  mention_store.reserve(words.size() / 8 + 8);  // a guess that spares most regrowth (moves)
  std::string folded, key, expanded, variant;
  thread_local KeyCache cache;
  if (cache.owner != id_) {
    cache.map.Clear();
    cache.owner = id_;
  }
  auto fill_facts = [&](Candidate& c) {
    const EntryFacts facts = Facts(c.e.index);
    c.log_pop = facts.log_pop;
    c.fc_kind = facts.fc_kind;
    c.country_slot = CountrySlot(c.e.country);
  };
  // `hash` is WordHash(f).
  auto lookup_folded_hashed = [&](std::string_view f,
                                  uint64_t hash) -> std::span<const GazPosting> {
    if (const auto* hit = cache.map.Find(f, hash)) return *hit;
    key.clear();
    rules.KeyFromFolded(f, &key);
    // A key under three letters collides with too many names ("Ka" ~ Kai, Kay), so a short
    // word has none; a name of four letters or more whose key the rules shorten that far
    // ("Kaya" -> "ka") keeps it, and its exact spelling still decides among the postings.
    std::span<const GazPosting> p = key.size() < 3 && (key.empty() || f.size() < 4)
                                        ? std::span<const GazPosting>()
                                        : gaz_->LookupKey(key);
    if (cache.map.size() >= kKeyCacheMax) cache.map.Clear();
    cache.map.Get(f, hash) = p;
    return p;
  };
  auto lookup_folded = [&](const std::string& f) { return lookup_folded_hashed(f, WordHash{}(f)); };
  // The end (a word index) of a linked tail after the name of words [i, i + n) that `posts`
  // match ("Mocímboa" + "da Praia"), or 0; see its use below.
  auto linked_tail = [&](size_t i, int n, std::span<const GazPosting> ps) -> size_t {
    size_t j = i + static_cast<size_t>(n);
    if (n < 1 || words[i].uncased() || j + 1 >= words.size() || words[j - 1].break_after() ||
        words[j].upper_initial() || (Classes(words[j], wc) & kNameLink) == 0 ||
        words[j].break_after()) {
      return 0;
    }
    ++j;
    if (!words[j].upper_initial() && (Classes(words[j], wc) & kConnector) != 0 &&
        !words[j].break_after() && j + 1 < words.size()) {
      ++j;  // "Santa Cruz de la Sierra"
    }
    const Word& t = words[j];
    if (!t.upper_initial() || t.uncased() || t.all_caps()) return 0;
    const std::string head(folded);
    if (std::none_of(ps.begin(), ps.end(),
                     [&](GazPosting p) { return FoldsTo(gaz_->entry(p.entry()).name, head); })) {
      return 0;
    }
    for (GazPosting p : lookup_folded_hashed(t.lower, t.lower_hash)) {
      if (gaz_->entry(p.entry()).level == GeoLevel::kCountry) return 0;
    }
    return j + 1;
  };
  size_t next_start = 0;  // the first of start_words not before i
  for (size_t i = 0; i < words.size();) {
    // A word neither capitalised nor caseless starts no name: on to the next that may.
    while (next_start < start_words.size() && start_words[next_start] < i) ++next_start;
    if (next_start == start_words.size()) break;
    i = start_words[next_start];
    const Word& w0 = words[i];
    // A capitalised connector starts a name of two words or more ("El Fasher", "Des Moines");
    // alone it is a sentence-initial function word ("On", "Of").
    const bool lead_connector = (Classes(w0, wc) & kConnector) != 0;
    if (lead_connector &&
        (i + 1 >= words.size() || (Classes(words[i + 1], wc) & kConnector) != 0)) {
      ++i;  // "Ad Ad", "De La": two function words in a row are no name's start
      continue;
    }
    bool startable = w0.upper_initial() || (w0.uncased() && !lead_connector);
    if (!startable) {
      ++i;
      continue;
    }
    // A region abbreviation as written: "Ga.", "N.C.", "W. Va.", "TX" (after "Town, ").
    if (!W.abbrev.empty() && w0.upper_initial() && w0.span.size() <= 5 &&
        W.MaybeAbbrev(text, w0.span.begin)) {
      int abbrev_n = 0;
      uint32_t abbrev_end = 0;
      const Words::Abbrev* ab = nullptr;
      for (int n = std::min<int>(3, static_cast<int>(words.size() - i)); n >= 1 && !ab; --n) {
        uint32_t end = words[i + n - 1].span.end;
        if (end < text.size() && text[end] == '.') ++end;
        if (end - w0.span.begin > W.max_abbrev_bytes) continue;  // longer than any listed
        const Words::Abbrev* it = W.abbrev.Find(text.substr(w0.span.begin, end - w0.span.begin));
        if (it == nullptr) continue;
        bool after_comma = i > 0 && words[i - 1].comma_after() && words[i - 1].upper_initial();
        if (it->after_comma && !after_comma) continue;
        ab = it;
        abbrev_n = n;
        abbrev_end = end;
      }
      if (ab != nullptr) {
        Mention m;
        m.first_word = i;
        m.end_word = i + abbrev_n;
        m.span = {w0.span.begin, abbrev_end};
        m.folded = FoldName(ab->region);
        m.multiword = true;
        m.abbrev = true;
        for (GazPosting p : gaz_->Lookup(ab->region)) {
          GazEntry e = gaz_->entry(p.entry());
          if (e.level != GeoLevel::kProvince || e.country != ab->country) continue;
          Candidate c;
          c.e = e;
          c.alternate = p.alternate();
          fill_facts(c);
          m.cands.push_back(c);
        }
        if (!m.cands.empty()) {
          mention_store.push_back(std::move(m));
          i += abbrev_n;
          continue;
        }
      }
    }
    int matched_n = 0;
    std::span<const GazPosting> posts, alt_posts;
    uint32_t name_end = 0;
    // A longer name ends in a capitalised or caseless word or a hyphenated name tail: the
    // longest n worth trying.
    int max_n = 1;
    for (int n = std::min<int>(kMaxWords, static_cast<int>(words.size() - i)); n > 1; --n) {
      const Word& last = words[i + n - 1];
      if (last.upper_initial() || last.uncased() || last.cap_tail()) {
        max_n = n;
        break;
      }
    }
    for (int n = max_n; n >= 1; --n) {
      const Word& last = words[i + n - 1];
      if (lead_connector && n == 1) continue;
      bool ok = last.upper_initial() || last.uncased() || (n > 1 && last.cap_tail());
      for (int k = 0; ok && k < n - 1; ++k) {
        const Word& wk = words[i + k];
        // A possessive inside a name ("Prince George's County", "Martha's Vineyard").
        const bool poss_next = k + 1 < n - 1 && possessive_s(i + k + 1);
        // "St. Louis": the period of an abbreviated first word does not end the name.
        const bool abbr_dot =
            k == 0 && wk.lower.size() <= 4 && wk.upper_initial() &&
            W.name_abbrev.Contains(wk.lower) &&
            PlainGap(text.substr(wk.span.end, words[i + 1].span.begin - wk.span.end));
        if (wk.break_after() && !poss_next && !abbr_dot) ok = false;
        if (k > 0 && !(wk.upper_initial() || wk.uncased() || wk.cap_tail()) &&
            !((Classes(wk, wc) & kConnector) != 0) && !possessive_s(i + k)) {
          ok = false;
        }
      }
      if (!ok) continue;
      if (w0.uncased() && n > 1) continue;  // word pairs of caseless text collide too often
      name_end = last.attr_end != 0 ? last.attr_end : last.span.end;
      if (n == 1 && name_end == w0.span.end) {
        // The scan folded the word already (Word::lower); `folded` is only read on a match.
        posts = lookup_folded_hashed(w0.lower, w0.lower_hash);
        if (!posts.empty()) folded.assign(w0.lower);
      } else {
        if (name_end != last.span.end || !JoinAsciiFolds(text, words, i, n, &folded)) {
          folded.clear();
          FoldNameInto(text.substr(w0.span.begin, name_end - w0.span.begin), &folded);
        }
        posts = lookup_folded(folded);
      }
      // "St. Louis", "Ft. Worth": the abbreviated first word spelled out is how the gazetteer
      // usually names the town; both spellings' entries are candidates, the full one ranks.
      alt_posts = {};
      if (n > 1 && !W.name_abbrev.empty()) {
        size_t sp = folded.find(' ');
        if (sp != std::string::npos && sp <= 4) {  // abbreviations are short
          if (const std::string* ab = W.name_abbrev.Find(std::string_view(folded).substr(0, sp))) {
            expanded.assign(*ab);
            expanded.append(folded, sp, std::string::npos);
            alt_posts = lookup_folded(expanded);
          }
        }
      }
      // "The Los Angeles County": a phrase opened by a determiner or function word that some
      // entry matches only by coarse key ("The Los" ~ Thelus) is no name; the name starts after
      // that word. An entry spelled so ("The Dalles") or recorded so (an alternate) stays.
      if (n > 1 && alt_posts.empty() && !posts.empty() &&
          (Classes(w0, wc) & (kStop | kFunction)) != 0 &&
          std::none_of(posts.begin(), posts.end(), [&](GazPosting p) {
            return p.alternate() || FoldsTo(gaz_->entry(p.entry()).name, folded);
          })) {
        continue;
      }
      // "In Dori, ...": a locative preposition capitalised by the sentence start is no part of
      // the name after it, even where the joined words fold to some entry's alternate
      // ("Indori"); only an entry whose own name opens with that word ("In Salah") stays.
      if (n > 1 && !posts.empty() && (Classes(w0, wc) & kCue) != 0 && w0.sentence_start() &&
          std::none_of(posts.begin(), posts.end(), [&](GazPosting p) {
            return FoldsTo(gaz_->entry(p.entry()).name, folded);
          })) {
        continue;
      }
      if (!posts.empty() || !alt_posts.empty()) {
        matched_n = n;
        break;
      }
    }
    // A single non-Latin word may carry an attached proclitic (Arabic "وبغداد" = "and Baghdad")
    // or a case ending (Russian "Багдаде"): the bare form is looked up when the whole word
    // matched nothing or only by coarse key (no name of its own script under that key). Arabic
    // writes a doubled consonant once (with shadda), so a word opening with a proclitic letter
    // twice ("ببغداد" = "in Baghdad") is that proclitic before a word even when the whole word
    // matched a native name. A cased word whose whole form matched native names takes the bare
    // form only when that names a larger place ("Киеве": Kyiv, not a small namesake).
    // "в Белгородской области": an adjectival name before an inflected unit noun
    // (geocoder_words.tsv unit_form) is looked up as the gazetteer records it, both in the
    // nominative ("Белгородская область"); the unit noun is then the name's last word and says
    // its level. Tried first: the bare adjective names a town at best ("Курской": Kursk).
    if (matched_n <= 1 && !W.unit_form.empty() && w0.upper_initial() && !w0.break_after() &&
        i + 1 < words.size() && !words[i + 1].upper_initial()) {
      if (auto uf = W.unit_form.find(words[i + 1].lower); uf != W.unit_form.end()) {
        const std::string_view raw = text.substr(w0.span.begin, w0.span.size());
        for (const auto& [form, nominative] : uf->second.adjective) {
          if (raw.size() <= form.size() + 4 || !raw.ends_with(form)) continue;
          thread_local std::string phrase;
          phrase.assign(raw.substr(0, raw.size() - form.size()))
              .append(nominative)
              .append(" ")
              .append(uf->second.nominative);
          variant.clear();
          FoldNameInto(phrase, &variant);
          if (auto found = lookup_folded(variant); !found.empty()) {
            posts = found;
            alt_posts = {};
            matched_n = 2;
            name_end = words[i + 1].span.end;
            folded.swap(variant);
            break;
          }
        }
      }
    }
    size_t clitic_bytes = 0;
    auto native_pop = [&](std::span<const GazPosting> ps) {
      double best = -1;
      for (const GazPosting& p : ps) {
        if (p.native()) best = std::max(best, Facts(p.entry()).log_pop);
      }
      return best;
    };
    if (matched_n <= 1 && (w0.uncased() || w0.upper_initial()) && !IsLatinStart(text, w0)) {
      bool whole_native = false;
      if (matched_n == 1) {
        for (const GazPosting& p : posts) whole_native |= p.native();
      }
      const std::string_view raw = text.substr(w0.span.begin, w0.span.size());
      std::span<const GazPosting> bare;
      if (w0.uncased()) {
        for (const std::string& p : W.proclitic) {
          // The bare form keeps at least three letters of two bytes or more.
          if (raw.size() < p.size() + 6 || raw.substr(0, p.size()) != p) continue;
          if (whole_native && raw.substr(p.size(), p.size()) != p) continue;
          variant.clear();
          FoldNameInto(raw.substr(p.size()), &variant);
          bare = lookup_folded(variant);
          if (!bare.empty()) {
            clitic_bytes = p.size();
            break;
          }
        }
      } else {
        for (const auto& [e, nominative, noun] : W.ending) {
          // The form looked up keeps at least four letters of two bytes.
          if (raw.size() <= e.size() || raw.size() - e.size() + nominative.size() < 8 ||
              !raw.ends_with(e)) {
            continue;
          }
          if (!noun.empty() && !w0.break_after() && i + 1 < words.size() &&
              !words[i + 1].upper_initial() &&
              text.substr(words[i + 1].span.begin, words[i + 1].span.size()).ends_with(noun)) {
            continue;
          }
          variant.clear();
          if (nominative.empty()) {
            FoldNameInto(raw.substr(0, raw.size() - e.size()), &variant);
          } else {
            thread_local std::string stem;
            stem.assign(raw.substr(0, raw.size() - e.size())).append(nominative);
            FoldNameInto(stem, &variant);
          }
          bare = lookup_folded(variant);
          if (whole_native && bare.data() == posts.data()) {
            // The same coarse key ("Газе", "Газа"): the whole word matched its native names
            // only by that key. The nominative is taken when it spells the name of the most
            // prominent entry known in a non-Latin script under this key and the whole word
            // does not, so exactness picks among the same entries ("Газе" is Gaza, not Gaza
            // Province; "Одессе" stays Odesa, not a smaller "Odessa" with a Russian alternate).
            const double top = native_pop(posts);
            auto spells = [&](const std::string& f) {
              return std::any_of(posts.begin(), posts.end(), [&](GazPosting p) {
                return p.native() && Facts(p.entry()).log_pop >= top &&
                       FoldsTo(gaz_->entry(p.entry()).name, f);
              });
            };
            if (!spells(variant) || spells(folded)) bare = {};
          } else if (whole_native && native_pop(bare) <= native_pop(posts)) {
            bare = {};
          }
          if (!bare.empty()) break;
        }
      }
      if (!bare.empty()) {
        posts = bare;
        matched_n = 1;
        name_end = w0.span.end;
        folded.swap(variant);
        alt_posts = {};
      }
    }
    // "Along the road ...", "Despite the curfew ...": a function word is capitalised only by its
    // position; alone it is never the place meant (it may still open a longer name).
    if (matched_n == 0 || (matched_n == 1 && (Classes(w0, wc) & kFunction) != 0)) {
      ++i;
      continue;
    }
    // "I've", "They're": a contraction is a pronoun or verb, never a name ("'s" is a possessive
    // and not in the list).
    if (matched_n == 1 && !W.contraction.empty() &&
        HasApostropheByte(text.substr(w0.span.begin, w0.span.size()))) {
      std::string_view raw = text.substr(w0.span.begin, w0.span.size());
      size_t ap = raw.rfind('\'');
      size_t skip = 1;
      if (size_t curly = raw.rfind("\xE2\x80\x99");
          curly != std::string_view::npos && (ap == std::string_view::npos || curly > ap)) {
        ap = curly;
        skip = 3;
      }
      if (ap != std::string_view::npos && ap + skip < raw.size() &&
          W.contraction.count(FoldName(raw.substr(ap + skip)))) {
        ++i;
        continue;
      }
    }
    // "Mocímboa da Praia": a name, a word linking the parts of one name (name_link, then perhaps
    // an article: "de la") and a capitalised word, unknown whole to the gazetteer (the longer
    // phrase was tried above), are one place read by its first part: GeoNames often records a
    // town by its first word only. The last word is then no place of its own ("Praia", the capital
    // of Cape Verde). The first part must spell an entry's own name (not only a recorded other
    // name or its coarse key: "Presidente", "Polícia"), and the last word must name no country
    // ("Governo de Moçambique").
    const size_t tail_end = linked_tail(i, matched_n, posts);
    if (tail_end != 0) name_end = words[tail_end - 1].span.end;
    // Made in place: a Mention is large, and this path always keeps it.
    Mention& m = mention_store.emplace_back();
    m.first_word = i;
    m.end_word = tail_end != 0 ? tail_end : i + matched_n;
    m.span = {static_cast<uint32_t>(w0.span.begin + clitic_bytes), name_end};
    m.clitic_bytes = clitic_bytes;
    m.folded = alt_posts.empty() ? folded : expanded;
    if (!alt_posts.empty()) m.folded_abbr = folded;
    m.multiword = matched_n > 1;
    m.attributive = words[i + matched_n - 1].attr_end != 0;
    const Word& last = words[m.end_word - 1];
    // Unit word after ("Mastung district"); before it, see below.
    if (!m.attributive && !last.break_after() && m.end_word < words.size() &&
        (Classes(words[m.end_word], wc) & kUnit) != 0) {
      auto u = W.unit.find(words[m.end_word].lower);
      if (u != W.unit.end()) {
        m.hint = u->second;
        m.has_hint = true;
        m.span.end = words[m.end_word].span.end;
        ++m.end_word;
      }
    }
    // Unit word right before, where a language puts it so ("в городе Одесса", "Stadt Kundus",
    // "مدينة تدمر"; admin_suffixes.tsv "before"). A locative word before the unit word puts the
    // name in a locative frame as it would right before the name ("в городе X" as "в X").
    bool unit_before = false;
    if (!m.has_hint && !m.attributive && i >= 1 && !words[i - 1].break_after() &&
        (Classes(words[i - 1], wc) & kUnit) != 0 && W.unit_before.contains(words[i - 1].lower)) {
      if (auto u = W.unit.find(words[i - 1].lower); u != W.unit.end()) {
        m.hint = u->second;
        m.has_hint = true;
        unit_before = true;
      }
    }
    // Unit word before, joined by a connector, as Romance languages order it ("le département
    // du Nord", "la provincia de Sindh"): the unit word is lower case, so no name of its own.
    // English "the town of X" is left to its own rules ("of" is a genitive): a town's unit word
    // there says little against a coarse-key namesake.
    if (!m.has_hint && i >= 2 && !words[i - 2].upper_initial() && !words[i - 2].break_after() &&
        !words[i - 1].break_after() &&
        (Classes(words[i - 1], wc) & (kConnector | kGenitive)) == kConnector &&
        (Classes(words[i - 2], wc) & kUnit) != 0) {
      if (auto u = W.unit.find(words[i - 2].lower);
          u != W.unit.end() && u->second != GeoLevel::kPlace) {
        m.hint = u->second;
        m.has_hint = true;
      }
    }
    // The gazetteer knows the name with its unit ("Chenango County"): the text says the level.
    if (!m.has_hint && matched_n > 1 && (Classes(last, wc) & kUnit) != 0) {
      if (auto u = W.unit.find(last.lower); u != W.unit.end()) {
        m.hint = u->second;
        m.has_hint = true;
      }
    }
    if (i > 0 && !words[i - 1].break_after() && ((Classes(words[i - 1], wc) & kCue) != 0)) {
      m.cue = true;
    } else if (lang_cues != nullptr) {
      m.cue = LanguageLocative(lang_cues->before, lang_cues->suffix, text, words, i, name_end);
    }
    // A compass word between the locative word and the name, an article before it ("in
    // northwest Harlow County", "outside a north Millbrook home") frames the name as the locative
    // word right before it would: the part of the place is no other place.
    if (!m.cue && i >= 2 && !words[i - 1].break_after() && !words[i - 1].upper_initial() &&
        (Classes(words[i - 1], wc) & kDirection) != 0) {
      size_t k = i - 1;
      if (k >= 2 && !words[k - 1].break_after() &&
          (Classes(words[k - 1], wc) & (kArticle | kIndefinite)) != 0) {
        --k;
      }
      m.cue = !words[k - 1].break_after() && (Classes(words[k - 1], wc) & kCue) != 0;
    }
    if (!m.cue && unit_before && i >= 2 && !words[i - 2].break_after()) {
      m.cue = (Classes(words[i - 2], wc) & kCue) != 0 ||
              (lang_cues != nullptr && LanguageLocative(lang_cues->before, lang_cues->suffix, text,
                                                        words, i - 1, name_end));
    }
    // English puts the unit word before the name with a genitive ("near the city of Marib",
    // "in the village of X"): the name is called a place, and a locative word before the phrase
    // frames it as it would right before the name. (The unit word gives no level: see above.)
    // A noun of the surroundings there ("on the outskirts of X") is a locative frame itself.
    if (!m.has_hint && i >= 2 && !words[i - 1].break_after() && !words[i - 2].break_after() &&
        !words[i - 2].upper_initial() && (Classes(words[i - 1], wc) & kGenitive) != 0) {
      const uint32_t noun = Classes(words[i - 2], wc);
      if ((noun & kUnit) != 0) {
        m.unit_of = true;
        size_t k = i - 2;  // the unit word, then an article if any, then the locative word
        if (k >= 1 && !words[k - 1].break_after() && (Classes(words[k - 1], wc) & kArticle) != 0) {
          --k;
        }
        if (!m.cue && k >= 1 && !words[k - 1].break_after()) {
          m.cue = (Classes(words[k - 1], wc) & kCue) != 0;
        }
      } else if ((noun & kVicinity) != 0) {
        m.cue = true;
      }
    }
    if (w0.uncased() && matched_n == 1) {
      m.locative = CaselessLocative(W.postposition, W.preposition, words, i, clitic_bytes, text);
    }
    // Dateline: capitalised words at the very start of a line, then ":" or a dash or ",".
    const bool line_start = i == 0 || w0.newline_before();
    if (line_start && w0.all_caps() && (last.colon_after() || last.comma_after()))
      m.dateline = true;
    const bool single = matched_n == 1;
    if (single && (((Classes(w0, wc) & kStop) != 0) || lower_twin(w0))) m.weak = true;
    // Short all-capital words are acronyms (BLA, TV) unless they open a dateline; of two or
    // three letters, even there, only a known country acronym ("UAE") is a place.
    if (single && w0.all_caps() && w0.span.size() <= 4 && !m.dateline) m.acronym = true;
    if (single && w0.all_caps() && w0.span.size() <= 3) m.acronym = true;
    if (single && !m.has_hint && person.Contains(w0.lower, w0.lower_hash)) m.person = true;
    if (single && !m.has_hint && person_strong.Contains(w0.lower, w0.lower_hash)) {
      m.person_strong = true;
    }
    // "Booker T. Washington", "John F. Kennedy": after a name word and a middle initial comes a
    // surname, even one spelled as a state; the initial's period does not open a sentence.
    if (single && !m.has_hint && i >= 2 && words[i - 1].span.size() == 1 &&
        words[i - 1].upper_initial() && words[i - 1].span.end < text.size() &&
        text[words[i - 1].span.end] == '.' && !words[i - 2].break_after() &&
        words[i - 2].upper_initial() && !words[i - 2].uncased()) {
      m.person_strong = true;
    }
    // "Madrid Drive", "Hampton Inn", "the 900 block of Ward": a street or venue.
    if (!m.has_hint && !last.break_after() && m.end_word < words.size() &&
        words[m.end_word].upper_initial() && ((Classes(words[m.end_word], wc) & kStreet) != 0)) {
      m.street = true;
    }
    if (i >= 2 && (Classes(words[i - 1], wc) & kGenitive) != 0 && !words[i - 2].break_after() &&
        ((Classes(words[i - 2], wc) & kStreetOf) != 0)) {
      m.street = true;
    }
    // "the Baza channel", "a Tolo newspaper report": the name of a media outlet, not a town.
    if (!m.has_hint && !last.break_after() && m.end_word < words.size() &&
        (Classes(words[m.end_word], wc) & kOutlet) != 0) {
      m.street = true;
    }
    // "the 6700 block of South Aberdeen": a direction word may open the street's name.
    if (i >= 3 && (Classes(words[i - 1], wc) & kDirection) != 0 && !words[i - 1].break_after() &&
        (Classes(words[i - 2], wc) & kGenitive) != 0 && !words[i - 2].break_after() &&
        !words[i - 3].break_after() && ((Classes(words[i - 3], wc) & kStreetOf) != 0)) {
      m.street = true;
    }
    MarkStreetCues(W.ordinal_suffix, W.joiner, W.word_class, words, text, i, m.end_word, &m);
    // "in the West End neighborhood" (or "the city's West End neighborhood") names a quarter;
    // "the Chicago neighborhood of Englewood" and "a Chicago neighborhood" name the town it is in.
    // (The quarter noun is tested first: it is rare, the words before it are compared by text.)
    if (!m.has_hint && m.end_word < words.size() &&
        (Classes(words[m.end_word], wc) & kQuarter) != 0 && i > 0 &&
        ((Classes(words[i - 1], wc) & kArticle) != 0 || possessive_s(i - 1)) &&
        !last.break_after() &&
        !(m.end_word + 1 < words.size() && (Classes(words[m.end_word + 1], wc) & kGenitive) != 0 &&
          !words[m.end_word].break_after())) {
      m.quarter = true;
    }
    m.title_line = w0.title_line();
    m.of_before =
        i > 0 && !words[i - 1].break_after() && (Classes(words[i - 1], wc) & kGenitive) != 0;
    if (single && w0.sentence_start() && !m.dateline) m.sentence_start = true;
    // Inside a longer capitalised name: "Imran Khan", "Quetta Gladiators" keep some place sense
    // only for well-known places, handled in acceptance below.
    bool prev_cap = i > 0 && !words[i - 1].break_after() && words[i - 1].upper_initial() &&
                    !words[i - 1].sentence_start() && !unit_before &&
                    !((Classes(words[i - 1], wc) & kDirection) != 0);
    bool prev_first =
        i > 0 && !words[i - 1].break_after() && ((Classes(words[i - 1], wc) & kFirstname) != 0);
    bool next_cap = !last.break_after() && m.end_word < words.size() && !m.has_hint &&
                    words[m.end_word].upper_initial() && !words[m.end_word].all_caps() &&
                    !((Classes(words[m.end_word], wc) & kInstitution) != 0) &&
                    !((Classes(words[m.end_word], wc) & kTitle) != 0) &&
                    !((Classes(words[m.end_word], wc) & kStop) != 0);
    if (prev_cap || prev_first || next_cap) m.embedded = true;
    if (single && ((Classes(w0, wc) & kFirstname) != 0) && next_cap) m.weak = true;
    m.posts = posts;
    m.alt_posts = alt_posts;
    i = tail_end != 0 ? tail_end : i + matched_n;
  }
  const std::span<Mention> mentions(mention_store);
  thread_local CandidateCache cand_cache;
  if (cand_cache.owner != id_) cand_cache.Reset(id_);
  // Whether the text spells the candidate's official name (Candidate::exact).
  // An abbreviation spelled out ("St. Louis" as "saint louis") makes a name exact only when no
  // entry is officially spelled as the text writes it: "St. Louis" is that city's own spelling,
  // and Saint-Louis (Senegal) one the reader has to make.
  // Whether a candidate matched by coarse key in a country whose names are Latin spellings
  // (Words::latin_names) is still spelled as the text spells it: an alternate name, or a spelling
  // that differs only in spaces ("De Kalb"). A district or province is also indexed with its
  // unit word ("Lancaster County" for Lancaster): the name without that word is its spelling.
  // Only candidates that latin_namesake (below) asks about are looked at.
  auto set_latin_spelled = [&](const Mention& m, Candidate& c) {
    c.latin_spelled = false;
    if (c.exact || c.alternate || c.e.level == GeoLevel::kCountry ||
        c.country_slot == kOddCountrySlot || c.country_slot >= W.latin_names.size() ||
        !W.latin_names[c.country_slot]) {
      return;
    }
    auto spells = [&](std::string_view folded) {
      if (folded.empty()) return false;
      if (FoldsToJoined(c.e.name, folded)) return true;
      if (c.e.level == GeoLevel::kPlace) return false;
      const size_t sp = folded.rfind(' ');
      return sp != std::string_view::npos && W.unit.count(folded.substr(sp + 1)) != 0 &&
             FoldsToJoined(c.e.name, folded.substr(0, sp));
    };
    c.latin_spelled = spells(m.folded) || spells(m.folded_abbr);
  };
  // Sets Candidate::exact, and latin_spelled from it, for one mention's candidates.
  auto set_exact_all = [&](const Mention& m, std::span<Candidate> cands) {
    bool as_written = false;
    if (!m.folded_abbr.empty()) {
      for (Candidate& c : cands) {
        c.exact = FoldsTo(c.e.name, m.folded_abbr);
        as_written |= c.exact;
      }
      if (as_written) {
        // Found under the spelled-out key as another name of the entry, but the text spells
        // the official name itself. (Cached candidates keep this: a cache hit has the same
        // keys, so the same spelling as written.)
        for (Candidate& c : cands) c.alternate &= !c.exact;
      }
    }
    if (!as_written) {
      for (Candidate& c : cands) c.exact = FoldsTo(c.e.name, m.folded);
    }
    for (Candidate& c : cands) set_latin_spelled(m, c);
  };
  // Readings. A weak name (a stop word, a word also seen in lower case) with no unit word,
  // dateline, cue or acronym reading can never be accepted, is no context and resolves nothing
  // for the other names; its readings matter only as the region of a "Town, Region" pair, so
  // they are looked at only when it directly follows a name and its comma.
  for (size_t mi = 0; mi < mentions.size(); ++mi) {
    Mention& m = mentions[mi];
    if (m.posts.empty() && m.alt_posts.empty()) continue;  // region abbreviations: made above
    if (m.weak && !m.has_hint && !m.dateline && !m.cue && !m.acronym) {
      const bool pair_region = mi > 0 && words[mentions[mi - 1].end_word - 1].comma_after() &&
                               m.first_word == mentions[mi - 1].end_word;
      if (!pair_region) continue;
    }
    const PostsKey pk{m.posts.empty() ? 0 : reinterpret_cast<uintptr_t>(m.posts.data()),
                      m.alt_posts.empty() ? 0 : reinterpret_cast<uintptr_t>(m.alt_posts.data())};
    const uint64_t pk_hash = PostsKeyHash{}(pk);
    m.exact_done = true;
    take_cands(m);
    if (const auto* hit = cand_cache.index.Find(pk, pk_hash)) {
      m.cands.assign(cand_cache.store.begin() + hit->begin,
                     cand_cache.store.begin() + hit->begin + hit->count);
      if (hit->folded != m.folded || hit->folded_abbr != m.folded_abbr) {
        set_exact_all(m, m.cands);
      }
      continue;
    }
    // The entries lie scattered over the gazetteer: start all their loads before reading any.
    for (GazPosting p : m.alt_posts) {
      gaz_->Prefetch(p.entry());
      __builtin_prefetch(&entry_facts_[p.entry()]);
    }
    for (GazPosting p : m.posts) {
      gaz_->Prefetch(p.entry());
      __builtin_prefetch(&entry_facts_[p.entry()]);
    }
    m.cands.reserve(m.posts.size() + m.alt_posts.size());
    auto add_candidate = [&](GazPosting p) {
      Candidate& c = m.cands.emplace_back();
      c.e = gaz_->entry(p.entry());
      __builtin_prefetch(c.e.name.data());  // read by FoldsTo in step 2
      c.alternate = p.alternate();
      c.demonym = p.demonym();
      c.native = p.native();
      fill_facts(c);
    };
    for (GazPosting p : m.alt_posts) add_candidate(p);
    for (GazPosting p : m.posts) {
      const bool seen = std::any_of(m.alt_posts.begin(), m.alt_posts.end(),
                                    [&](GazPosting q) { return q.entry() == p.entry(); });
      if (!seen) add_candidate(p);
    }
    set_exact_all(m, m.cands);
    if (cand_cache.store.size() + m.cands.size() > kCandidateCacheMax) {
      cand_cache.Reset(id_);
    }
    if (m.cands.size() <= kCandidateCacheMax) {
      CandidateCache::Range& r = cand_cache.index.Get(pk, pk_hash);
      r.begin = static_cast<uint32_t>(cand_cache.store.size());
      r.count = static_cast<uint32_t>(m.cands.size());
      r.folded = m.folded;
      r.folded_abbr = m.folded_abbr;
      cand_cache.store.insert(cand_cache.store.end(), m.cands.begin(), m.cands.end());
    }
  }
  if (mentions.empty()) return out;
  size_t n_names = 0;
  {
    thread_local StrFlatMap<uint32_t> ids;
    ids.Clear();
    for (Mention& m : mentions) {
      uint32_t& id = ids[m.folded];
      if (id == 0) id = static_cast<uint32_t>(ids.size());
      m.name_id = id;
    }
    n_names = ids.size();
  }
  // How many mentions each name has (by name_id), counted once for the acceptance rules.
  thread_local std::vector<uint32_t> name_mentions;
  name_mentions.assign(n_names + 1, 0);
  for (const Mention& m : mentions) ++name_mentions[m.name_id];
  // A name once called a quarter ("the Garfield neighborhood") is that quarter throughout the
  // article ("Shot in Garfield" in its headline), as a person's name is.
  for (const Mention& q : mentions) {
    if (!q.quarter) continue;
    for (Mention& m : mentions) {
      if (!m.has_hint && m.folded == q.folded) m.quarter = true;
    }
  }

  // 2. Context: countries and provinces the article names unambiguously enough.
  thread_local ContextTables ctx;
  ctx.Clear();
  // ctx.self_ctx: what each name contributed, so a name is not its own context ("Georgia" the
  // country must not win only because "Georgia" was named); ctx.self_prov: the same for
  // provinces ("Kaduna" the state is no context for "Kaduna" the city).
  for (Mention& m : mentions) {
    if (m.weak && !m.has_hint && !m.dateline) continue;
    if (m.person || m.street) continue;
    const bool uncased = words[m.first_word].uncased();
    if (uncased) {
      // In a script that writes every vowel the transliteration spells the Latin name
      // ("चुराचांदपुर" reaches Churachandpur): an entry reached by its official name is known in
      // the script too. Elsewhere (Arabic script, without short vowels) keys are too coarse.
      if (InScripts(text, words[m.first_word], W.phonetic_scripts)) {
        for (Candidate& c : m.cands) c.native |= !c.alternate;
      }
      // Only a name the gazetteer knows in this script is evidence.
      m.cands.erase(std::remove_if(m.cands.begin(), m.cands.end(),
                                   [](const Candidate& c) { return !c.native; }),
                    m.cands.end());
    }
    double n_country = 0, n_prov = 0;
    const bool exact_done = m.exact_done;
    m.exact_done = true;
    if (!exact_done) set_exact_all(m, m.cands);
    for (Candidate& c : m.cands) {
      if (c.e.level == GeoLevel::kCountry) ++n_country;
      if (c.e.level == GeoLevel::kProvince) ++n_prov;
    }
    for (const Candidate& c : m.cands) {
      if (c.e.level == GeoLevel::kCountry) {
        const uint32_t id = ctx.CountryId(c.e.country);
        ctx.country[id] += 1.0 / n_country;
        ctx.has_country[id] = 1;
        ctx.self_ctx.Get(m.name_id, id) += 1.0 / n_country;
      }
      if (c.e.level == GeoLevel::kProvince) {
        const uint32_t pid = ctx.ProvinceId(c.e.country, c.e.admin1);
        ctx.province[pid] += 1.0 / n_prov;
        ctx.self_prov.Get(m.name_id, pid) += 1.0 / n_prov;
        const uint32_t id = ctx.CountryId(c.e.country);
        ctx.country[id] += 0.5 / n_prov;
        ctx.has_country[id] = 1;
        ctx.self_ctx.Get(m.name_id, id) += 0.5 / n_prov;
      }
    }
  }
  // Places spelled exactly as official names that all lie in one country (Quetta, Gwadar) hint
  // at that country too, more weakly than naming it.
  for (Mention& m : mentions) {
    if (m.exact_done) continue;  // computed above, for the same candidates
    set_exact_all(m, m.cands);
  }
  bool any_votes = false;  // ctx.votes has an entry (the place_votes map was not empty)
  for (Mention& m : mentions) {
    if (m.weak || m.sentence_start || m.embedded || m.person || m.attributive || m.street ||
        words[m.first_word].uncased()) {
      continue;
    }
    std::string_view only;
    bool one_country = true, any = false;
    for (const Candidate& c : m.cands) {
      if (!c.exact || c.alternate || c.e.level == GeoLevel::kCountry) continue;
      if (c.e.population < 50000 && !m.dateline && !m.has_hint) continue;
      if (any && c.e.country != only) one_country = false;
      only = c.e.country;
      any = true;
    }
    if (any && one_country) {
      const double v = m.dateline ? 1.0 : 0.5;
      const uint32_t id = ctx.CountryId(only);
      ctx.votes[id] += v;
      ctx.has_votes[id] = 1;
      any_votes = true;
      ctx.name_votes.Get(m.name_id, id) += v;
    }
  }
  // One passing mention is not enough: "We" is also a town somewhere. Each name's share is kept
  // (self_vote) so that its own votes do not rank its own readings. Each country and name pair
  // is visited once, so the order of the visits does not change a sum.
  for (uint32_t id = 1; id <= ctx.num_countries(); ++id) {
    if (!ctx.has_votes[id]) continue;
    const double v = ctx.votes[id];
    if (v < 1.0) continue;
    ctx.country[id] += 1.0;
    ctx.has_country[id] = 1;
    for (uint32_t name = 1; name <= n_names; ++name) {
      if (const double* by = ctx.name_votes.Find(name, id)) {
        ctx.self_vote.Get(name, id) += *by / v;
      }
    }
  }
  // What the name `name_id` itself contributed to ctx.country[id]: its own country or province
  // readings and, with `votes`, its own place votes. Its votes do not rank its own readings
  // ("Norwich" named five times does not outrank Norwich, NY in the county the article names),
  // but a town named again and again still counts as the article's setting when deciding whether
  // to accept it.
  auto self_part = [&](uint32_t name_id, uint32_t id, bool votes = false) {
    double v = 0;
    if (const double* sc = ctx.self_ctx.Find(name_id, id)) v += *sc;
    if (!votes || ctx.self_vote.empty()) return v;
    if (const double* sc = ctx.self_vote.Find(name_id, id)) v += *sc;
    return v;
  };
  // Evidence that is not a place name: institutions typical of one country ("county sheriff",
  // "U.S."), and the article's language. Weaker than naming the country.
  bool any_cue_entry = false;  // ctx.cue has an entry (the ctx_cue map was not empty)
  if (!W.phrase.empty()) {
    thread_local std::string buf;
    for (const uint32_t i : phrase_starts) {  // Classes(words[i], wc) has kPhrasePrefix
      buf.clear();
      for (size_t n = 0; n < W.max_phrase_words && i + n < words.size(); ++n) {
        if (n > 0) buf += ' ';
        buf += words[i + n].lower;
        auto it = W.phrase.find(buf);
        if (it != W.phrase.end()) {
          const uint32_t id = ctx.CountryId(it->second.first);
          ctx.cue[id] += it->second.second;
          ctx.has_cue[id] = 1;
          any_cue_entry = true;
        }
      }
    }
  }
  // A broadcast call sign names the station's country ("ST. LOUIS (KTVI) -", "WSOC reports"):
  // once per article, however often it recurs. Stations credit themselves in the headline,
  // dateline or first sentences, so only the opening words are read.
  const size_t callsign_end = W.any_callsign ? std::min(words.size(), kCallSignWords) : 0;
  for (size_t k = 0; k < callsign_end; ++k) {
    const Word& w = words[k];
    if (!w.all_caps() || w.span.size() < 3 || w.span.size() > 4) continue;
    if (!IsCallSign(text, words, k, W.not_callsign)) continue;
    const auto& [cc, wt] = W.callsign[static_cast<unsigned char>(text[words[k].span.begin]) - 'A'];
    if (cc.empty()) continue;
    const uint32_t id = ctx.CountryId(cc);
    ctx.cue[id] += wt;
    ctx.has_cue[id] = 1;
    any_cue_entry = true;
    break;
  }
  if (!lang.empty()) {
    if (auto it = W.lang.find(std::string(lang)); it != W.lang.end()) {
      for (const auto& [cc, wt] : it->second) {
        const uint32_t id = ctx.CountryId(cc);
        ctx.cue[id] += wt;
        ctx.has_cue[id] = 1;
        any_cue_entry = true;
      }
    }
  }
  bool any_cue = false;
  for (uint32_t id = 1; id <= ctx.num_countries(); ++id) {
    if (!ctx.has_cue[id]) continue;
    double& v = ctx.cue[id];
    v = std::min(v, 1.0);
    any_cue |= v >= 0.5;
  }
  // The cue weight of a country id (0 for none).
  auto cue_of_id = [&](uint32_t id) { return any_cue_entry ? ctx.cue[id] : 0.0; };

  // A reading matched only by the coarse key, of a country whose names are Latin spellings
  // (Words::latin_names), from a Latin-script word: a different word that shares the key
  // ("Micheal" ~ Mitchell, "Pitt St" ~ Pitesti). Alternate names and spellings that differ only
  // in spaces ("De Kalb") are the place. A native posting is no exception: its flag says only
  // that some non-Latin name of the entry folds to the key too (merged with the official name's
  // posting), which a Latin-script word does not spell; so whether a namesake counts does not
  // hinge on how a foreign-script exonym happens to fold ("HE IS" ~ Hays, Kansas).
  auto latin_namesake = [&](const Mention& m, const Candidate& c) {
    if (c.exact || c.alternate || c.e.level == GeoLevel::kCountry ||
        c.country_slot == kOddCountrySlot || c.country_slot >= W.latin_names.size() ||
        !W.latin_names[c.country_slot]) {
      return false;
    }
    const Word& w0 = words[m.first_word];
    if (w0.uncased() || !IsLatinStart(text, w0)) return false;
    return !c.latin_spelled;  // set with Candidate::exact (set_exact_all)
  };

  // Whether province `p` is dwarfed by a large town of another country among `m`'s readings
  // (not a Latin namesake), and has no town of its own so named: "St. Paul" is the state capital
  // of 300,000, not a parish of 4,000 abroad, though provinces rank above towns. The province's
  // level bonus then goes. A province of a size with the town, or named like its own town (the
  // town and its county both), keeps it.
  auto dwarfed_province = [&](const Mention& m, const Candidate& p) {
    if (p.e.level != GeoLevel::kProvince) return false;
    bool dwarfed = false;
    for (const Candidate& o : m.cands) {
      if (o.e.level != GeoLevel::kPlace || o.demonym) continue;
      if (o.e.country == p.e.country && o.e.admin1 == p.e.admin1) return false;
      dwarfed |= o.e.country != p.e.country && o.e.population >= 100000 &&
                 o.log_pop >= p.log_pop + 1 && !latin_namesake(m, o);
    }
    return dwarfed;
  };

  // Whether the way the text writes `m` rules out reading `b` whatever the context (acceptance
  // drops it, and round 1 takes no evidence from it):
  // a longer name not spelled as the entry's official name, with a pronoun, auxiliary or other
  // function word in it, or a lone capital letter ("She Was" ~ Sivas, "Side A" ~ Sidon), is a
  // sentence opening or a label, not a place (connectors "de", "al" and stop words "Saint",
  // "Port" stand inside real names); and text in capitals carries no case evidence ("WE HAVE",
  // "AGAIN" in a shouted caption are no names): there only an entry's own spelling counts, an
  // alternate or coarse key does not.
  auto spelled_no_place = [&](const Mention& m, const Candidate& b) {
    if (b.exact || m.abbrev) return false;
    if (m.multiword && m.folded_abbr.empty()) {
      for (size_t k = m.first_word; k < m.end_word; ++k) {
        const Word& w = words[k];
        if ((Classes(w, wc) & kConnector) != 0) continue;
        if ((Classes(w, wc) & kFunction) != 0 || (w.span.size() == 1 && w.upper_initial())) {
          return true;
        }
      }
    }
    if (m.dateline) return false;
    for (size_t k = m.first_word; k < m.end_word; ++k) {
      if (!words[k].all_caps()) return false;
    }
    return true;
  };

  // 3. Score candidates; two rounds so places near the article's other places gain.
  thread_local std::vector<CountryTerms> country_memo(kCountrySlots);
  thread_local uint32_t country_memo_gen = 0;
  // The places resolved in round 0, with the name_id of the mention each came from.
  struct Resolved {
    double lat, lon;
    uint32_t index, name_id;
  };
  thread_local std::vector<Resolved> resolved;
  // The first of `rs` (sorted by latitude) at or north of `lat`: std::lower_bound, but by a
  // linear walk when there are few (an article resolves a handful of places, and the search is
  // made per reading).
  auto first_from = [](std::span<const Resolved> rs, double lat) {
    if (rs.size() > 16) {
      return std::lower_bound(rs.begin(), rs.end(), lat,
                              [](const Resolved& r, double l) { return r.lat < l; });
    }
    auto it = rs.begin();
    while (it != rs.end() && it->lat < lat) ++it;
    return it;
  };
  // Provinces implied by the article's other resolved places, with the name_id of the name: a
  // namesake in the state the article is about beats one elsewhere, as a named state does.
  thread_local std::vector<std::pair<ProvinceRef, uint32_t>> implied_prov;
  resolved.clear();
  implied_prov.clear();
  if (++country_memo_gen == 0) {  // wrapped: forget every stamp
    std::fill(country_memo.begin(), country_memo.end(), CountryTerms());
    country_memo_gen = 1;
  }
  // By name_id: the first mention of the name scored this round outside a "Town, Province"
  // pair, whose scores a later mention read the same way copies (ScoresAs); -1 for none yet.
  thread_local std::vector<int32_t> scored_first;
  for (int round = 0; round < 2; ++round) {
    scored_first.assign(n_names + 1, -1);
    if (round == 1) {
      for (size_t mi = 0; mi < mentions.size(); ++mi) {
        const Mention& m = mentions[mi];
        // A place, or a district the text names with its unit ("Chenango County"): it implies
        // its province for the article's other names.
        const bool district = m.best >= 0 && m.has_hint && m.hint == GeoLevel::kDistrict &&
                              m.cands[m.best].e.level == GeoLevel::kDistrict;
        if (m.best >= 0 && (m.cands[m.best].e.level == GeoLevel::kPlace || district) && !m.weak &&
            !m.person && !m.attributive && !spelled_no_place(m, m.cands[m.best])) {
          const GazEntry& e = m.cands[m.best].e;
          bool dup = false;  // the same reading of the same name adds nothing
          for (size_t ri = 0; ri < resolved.size() && !dup; ++ri) {
            dup = resolved[ri].index == e.index && resolved[ri].name_id == m.name_id;
          }
          if (!dup) resolved.push_back(Resolved{e.lat, e.lon, e.index, m.name_id});
          // Only places resolved with their own evidence imply a province: a bare small name
          // could itself be the wrong namesake.
          const Candidate& b = m.cands[m.best];
          if (!e.admin1.empty() && !m.embedded && !m.sentence_start &&
              (b.paired || m.dateline || m.multiword || district || e.population >= 100000)) {
            // Only whether some other name implies the province counts: no duplicates.
            bool seen = false;
            for (const auto& [k, name] : implied_prov) {
              seen |= name == m.name_id && k.Is(e.country, e.admin1);
            }
            if (!seen) implied_prov.emplace_back(ProvinceRef{e.country, e.admin1}, m.name_id);
          }
        }
      }
      // By latitude, so a candidate visits only the places in its latitude band (whether any
      // resolved place is near is all that counts, so the order does not matter otherwise).
      std::sort(resolved.begin(), resolved.end(),
                [](const Resolved& a, const Resolved& b) { return a.lat < b.lat; });
    }
    for (size_t mi = 0; mi < mentions.size(); ++mi) {
      Mention& m = mentions[mi];
      // "Town, Province" / "Town, Country": the next mention right after a comma.
      const Mention* next = nullptr;
      if (mi + 1 < mentions.size() && words[m.end_word - 1].comma_after() &&
          mentions[mi + 1].first_word == m.end_word) {
        next = &mentions[mi + 1];
      }
      // "Chhattisgarh's Bijapur", "छत्तीसगढ़ के बीजापुर": the mention before, joined by a
      // possessive or an owner_link word, names the region as "Town, Province" does.
      const Mention* owner = nullptr;
      if (mi > 0 && m.first_word > 0 && mentions[mi - 1].end_word + 1 == m.first_word &&
          (possessive_s(m.first_word - 1) ||
           (Classes(words[m.first_word - 1], wc) & kOwnerLink) != 0)) {
        owner = &mentions[mi - 1];
      }
      // A recurring name read as its first scored mention was: the same scores (ScoresAs).
      if (next == nullptr && owner == nullptr) {
        int32_t& first = scored_first[m.name_id];
        if (first >= 0 && ScoresAs(text, words, m, mentions[first])) {
          CopyScores(mentions[first], &m);
          continue;
        }
        if (first < 0) first = static_cast<int32_t>(mi);
      }
      double best_score = -1e9;
      m.best = -1;
      // The country terms of a candidate's score for this mention: the article's context for
      // the country apart from this name's own share (ctx.country minus self_part(m.name_id, id,
      // votes)), and its cue weight. The same for every candidate in one country and every
      // mention of one name, so they are made once per country code and name in a row (the memo
      // keeps the last name's terms per country).
      auto compute_terms = [&](std::string_view country, CountryTerms* t) {
        const uint32_t id = ctx.FindCountry(country);
        t->named = false;
        t->v = 0;
        if (ctx.has_country[id]) {
          double own = 0;
          if (const double* sc = ctx.self_ctx.Find(m.name_id, id)) own += *sc;
          if (const double* sc = ctx.self_vote.Find(m.name_id, id)) own += *sc;
          t->v = ctx.country[id] - own;
          t->named = t->v > 1e-9;
        }
        t->cue = cue_of_id(id);
      };
      CountryTerms odd_terms;  // for a country code outside A-Z (none in the gazetteer)
      // `slot` is CountrySlot(country), made with the candidate.
      auto country_terms = [&](std::string_view country, uint16_t slot) -> const CountryTerms& {
        if (slot == kOddCountrySlot) {
          compute_terms(country, &odd_terms);
          return odd_terms;
        }
        CountryTerms& t = country_memo[slot];
        if (t.gen != country_memo_gen || t.name != m.name_id) {
          compute_terms(country, &t);
          t.gen = country_memo_gen;
          t.name = m.name_id;
        }
        return t;
      };
      // SeatOfNamedProvince's rule applies only in a locative frame or dateline, and only where
      // the readings hold a province spelled or recorded so: tested once per mention.
      const bool seat_rule = round == 0 && !m.has_hint && (m.cue || m.dateline) &&
                             std::any_of(m.cands.begin(), m.cands.end(), [](const Candidate& o) {
                               return o.e.level == GeoLevel::kProvince && (o.exact || o.alternate);
                             });
      // The readings and the round's evidence through local views: the loop stores to the
      // readings, after which the thread_local vectors' bounds would be reloaded.
      const std::span<Candidate> cands(m.cands);
      const std::span<const Resolved> near_places(resolved);
      const std::span<const std::pair<ProvinceRef, uint32_t>> implied(implied_prov);
      // Whether `c` lies in a province the article names apart from this name.
      auto in_named_province = [&](const Candidate& c) {
        if (c.e.admin1.empty() || c.e.level == GeoLevel::kProvince) return false;
        const uint32_t pid = ctx.FindProvince(c.e.country, c.country_slot, c.e.admin1);
        return ctx.ProvinceApart(m.name_id, pid) > 1e-9;
      };
      // "X district" where the article names a province that holds a town X but the gazetteer
      // knows district X only in another province (outside district_seat_countries.tsv) ("छत्तीसगढ़ के
      // बीजापुर जिले"): the town stands for its district, and the other province's district is a
      // namesake. Tested once per mention.
      bool seat_for_district = false;
      if (round == 0 && m.has_hint && m.hint == GeoLevel::kDistrict && ctx.num_provinces() > 0) {
        bool district_in = false, place_in = false;
        for (const Candidate& c : m.cands) {
          if (c.demonym || !in_named_province(c)) continue;
          district_in |= c.e.level == GeoLevel::kDistrict;
          // Not in the seat countries (US), whose counties are named apart from their towns:
          // there "X County" is no town X.
          place_in |= c.e.level == GeoLevel::kPlace && !W.seat_countries.contains(c.e.country);
        }
        seat_for_district = place_in && !district_in;
      }
      int best = -1;
      for (size_t ci = 0; ci < cands.size(); ++ci) {
        Candidate& c = cands[ci];
        if (c.demonym) {
          c.score = -1e9;
          continue;
        }
        const GazEntry& e = c.e;
        if (round == 0) {
          // log10(max(population, SeatPopulation(fc)) + 10), from EntryFacts (fill_facts).
          double s = c.log_pop;
          const uint8_t fc = c.fc_kind;
          if (e.level == GeoLevel::kCountry)
            s += 6;
          else if (e.level == GeoLevel::kProvince)
            s += dwarfed_province(m, c) ? 0 : 4;
          else if (e.level == GeoLevel::kDistrict)
            s += m.has_hint ? 1.5 : -1;
          else if (fc == kFcCapital)
            s += 3;
          else if (fc == kFcProvinceSeat)
            s += 2;
          else if (fc == kFcDistrictSeat)
            s += 1.5;
          else if (fc == kFcLowerSeat)
            s += 0.5;
          if (c.exact) s += 2;
          if (!c.alternate) s += 1;
          // Matched only because the key is coarse: the entry's official name is spelled
          // otherwise and no recorded name of it was the key's source ("Samarra" is not
          // "Samara"). Text in another script (Cyrillic "Багдад") never spells the official
          // Latin name exactly: there a native posting is no accident.
          if (!c.exact && !c.alternate && !words[m.first_word].uncased() &&
              !(c.native && !IsLatinStart(text, words[m.first_word]))) {
            s -= 1.5;
          }
          // ... and where names are Latin spellings, not transliterations, no place at all: any
          // reading spelled as the text spells it ranks first.
          if (latin_namesake(m, c)) s -= kLatinNamesakePenalty;
          // A city in a locative frame or a dateline ("in Kaduna", "KADUNA, Nigeria:") rather
          // than its same-named province: news names the town where a thing happened; "Kaduna
          // State" or "Kaduna province" would name the province. The province reading's level
          // bonus is undone.
          if (seat_rule && SeatOfNamedProvince(m.cands, c)) s += 4;
          // A town section's population is its town's share, not a town's: against a namesake
          // town spelled as exactly, it counts only as the town's ("UNIVERSAL CITY --" is the
          // town, not the Los Angeles quarter). The article naming the quarter's town still
          // wins it the nearness and province bonuses below.
          if (const double town = SectionTownNamesakeLogPop(m.cands, c); town > 0) {
            s -= std::max(0.0, c.log_pop - town);
          }
          const CountryTerms& ct = country_terms(e.country, c.country_slot);
          if (ct.named) s += 4 + std::min(2.0, ct.v);
          s += 3 * ct.cue;
          c.static_score = s;
          c.check_province = !e.admin1.empty() && e.level != GeoLevel::kProvince;
          c.province_named = false;
          if (c.check_province && ctx.num_provinces() > 0) c.province_named = in_named_province(c);
          c.paired = false;
          for (const Mention* region : {next, owner}) {
            if (region == nullptr || c.paired) continue;
            for (const Candidate& nc : region->cands) {
              if (nc.e.country != e.country) continue;
              if (nc.e.level == GeoLevel::kCountry ||
                  (nc.e.level == GeoLevel::kProvince && nc.e.admin1 == e.admin1) ||
                  (nc.e.level == GeoLevel::kDistrict && nc.e.admin2 == e.admin2)) {
                c.paired = true;
                break;
              }
            }
          }
          c.hint_bonus = 0;
          if (seat_for_district) {
            if (e.level == GeoLevel::kPlace && c.province_named) {
              c.hint_bonus |= kHintLevel | kHintDistrictSeat;
            }
          } else if (m.has_hint) {
            if (m.hint == e.level) c.hint_bonus |= kHintLevel;
            if (m.hint == GeoLevel::kDistrict && e.level == GeoLevel::kPlace &&
                FoldsTo(e.admin2, m.folded)) {
              c.hint_bonus |= kHintDistrictSeat;
            }
            if (m.hint == GeoLevel::kPlace && e.level == GeoLevel::kPlace) {
              c.hint_bonus |= kHintPlace;
            }
          }
        }
        double s = c.static_score;
        if (c.check_province) {
          c.in_province = false;
          if (c.province_named) {
            s += 4;
            c.in_province = true;
          } else if (!implied.empty()) {
            for (const auto& [pk, name] : implied) {
              if (name != m.name_id && pk.Is(e.country, e.admin1)) {
                s += 3;
                c.in_province = true;
                break;
              }
            }
          }
        }
        if (c.paired) s += 8;
        if ((c.hint_bonus & kHintLevel) != 0) s += 5;
        if ((c.hint_bonus & kHintDistrictSeat) != 0) s += 3;
        if ((c.hint_bonus & kHintPlace) != 0) s += 2;
        // The band is a little wider than the 1.4 degrees tested below, so rounding at its
        // edge cannot leave a place out that the test would keep.
        auto band = near_places.empty()  // as in round 0
                        ? near_places.end()
                        : first_from(near_places, e.lat - 1.5);
        for (; band != near_places.end() && band->lat <= e.lat + 1.5; ++band) {
          const Resolved& r = *band;
          // 150 km is under 1.4 degrees of latitude; the box test skips most trigonometry.
          if (std::fabs(r.lat - e.lat) > 1.4) continue;
          // Neither the entry itself nor a reading of this same name is evidence for it.
          if (r.index == e.index || r.name_id == m.name_id) continue;
          // Below 60 degrees of latitude 3 degrees of longitude are over 160 km (cos 60 = 0.5):
          // such pairs are certainly not within 150 km.
          if (std::fabs(r.lat) < 60 && std::fabs(e.lat) < 60) {
            const double dlon = std::fabs(r.lon - e.lon);
            if (std::min(dlon, 360 - dlon) > 3.0) continue;
          }
          if (KmBetween(r.lat, r.lon, e.lat, e.lon) < 150) {
            // A county the text names with its unit word is local news's own: near the
            // article's places it outweighs a populous namesake county far away.
            s += e.level == GeoLevel::kDistrict && (c.hint_bonus & kHintLevel) != 0 ? 4 : 2;
            break;
          }
        }
        c.score = s;
        if (s > best_score) {
          best_score = s;
          best = static_cast<int>(ci);
        }
      }
      m.best = best;
    }
  }

  // The article's own country, apart from what `folded` itself contributes: named (or hinted at by
  // its places and institutions) clearly more than any other. A small place elsewhere is then a
  // far-away mention or a namesake.
  // Each country's value is made on its own and a tie for the top returns {}, so the order of
  // the countries does not matter.
  auto dominant_apart = [&](uint32_t name_id) -> std::string_view {
    double top = 0, runner = 0;
    std::string_view best;
    for (uint32_t id = 1; id <= ctx.num_countries(); ++id) {
      if (!ctx.has_country[id]) continue;
      double v = ctx.country[id] + cue_of_id(id) - self_part(name_id, id);
      if (v > top) {
        runner = top;
        top = v;
        best = ctx.cc[id];
      } else {
        runner = std::max(runner, v);
      }
    }
    if (top < 2.0 || runner * 2 > top) return {};
    return best;
  };
  // Countries the article names itself (a country or province mention), apart from the name
  // `name_id`. Summed in the order the names first occur.
  auto named_apart = [&](std::string_view cc, uint32_t name_id) {
    const uint32_t id = ctx.FindCountry(cc);
    if (id == 0) return false;
    double v = 0;
    for (uint32_t name = 1; name <= n_names; ++name) {
      if (name == name_id) continue;
      if (const double* sc = ctx.self_ctx.Find(name, id)) v += *sc;
    }
    return v >= 0.5;
  };

  // 4. Accept and emit.
  thread_local std::vector<GazEntry> out_entry;  // the entry of each out[i]
  out_entry.clear();
  // At most one place per mention: room made once, not regrown (each regrowth moves every
  // place made so far, four strings each).
  out.reserve(mentions.size());
  // Per name_id: whether the article has context apart from the name (-1: not yet known), and
  // its dominant country apart from the name.
  thread_local std::vector<int8_t> no_context_of;
  no_context_of.assign(n_names + 1, -1);
  // The provinces the article's names imply as finally resolved (the rule of implied_prov, over
  // the last round's readings, so that a county read otherwise in round 0 does not count).
  thread_local std::vector<std::pair<ProvinceRef, uint32_t>> final_prov;
  final_prov.clear();
  for (const Mention& m : mentions) {
    if (m.best < 0 || m.weak || m.person || m.attributive || m.embedded) continue;
    const Candidate& b = m.cands[m.best];
    const GazEntry& e = b.e;
    // Capitalised by position, only a large town spelled exactly is surely meant ("Cincinnati
    // police said ..."): its state is the story's as much as anywhere else in the text.
    if (m.sentence_start && !(b.exact && e.population >= 100000)) continue;
    // A county named in a locative frame ("in Pinellas") says the state as a unit word would.
    const bool district =
        e.level == GeoLevel::kDistrict &&
        ((m.has_hint && m.hint == GeoLevel::kDistrict) || (!m.has_hint && m.cue && b.exact));
    if (e.admin1.empty() || !(e.level == GeoLevel::kPlace || district)) continue;
    if (b.paired || m.dateline || m.multiword || district || e.population >= 100000) {
      final_prov.emplace_back(ProvinceRef{e.country, e.admin1}, m.name_id);
    }
  }
  // The headline: the words of the text's first line.
  size_t headline_end = 1;
  while (headline_end < words.size() && !words[headline_end].newline_before()) ++headline_end;
  thread_local std::vector<std::string_view> dominant_of;
  thread_local std::vector<char> dominant_done;
  dominant_of.assign(n_names + 1, std::string_view());
  dominant_done.assign(n_names + 1, 0);
  for (Mention& m : mentions) {
    if (m.best < 0) continue;
    bool demonym = false;
    for (const Candidate& c : m.cands) demonym |= c.demonym;
    if (demonym) continue;  // "Somali" is the people, not the Somali Region
    // A country's name in a story set in a state of another country that has a town so named
    // ("the Denmark man" in a South Carolina story): local news names local towns. The country
    // has no context apart from its own name, and the town, spelled exactly, lies in a state
    // that the article's other names name or imply.
    if (const GazEntry& be = m.cands[m.best].e;
        be.level == GeoLevel::kCountry && !m.has_hint &&
        ctx.country[ctx.FindCountry(be.country)] -
                self_part(m.name_id, ctx.FindCountry(be.country)) <=
            1e-9 &&
        cue_of_id(ctx.FindCountry(be.country)) <= 0) {
      int town = -1;
      for (size_t ci = 0; ci < m.cands.size(); ++ci) {
        const Candidate& c = m.cands[ci];
        if (c.e.level == GeoLevel::kPlace && c.exact && c.in_province &&
            (town < 0 || c.score > m.cands[town].score)) {
          town = static_cast<int>(ci);
        }
      }
      if (town >= 0) m.best = town;
    }
    const Candidate& b = m.cands[m.best];
    const GazEntry& e = b.e;
    double second = -1e9;
    for (size_t ci = 0; ci < m.cands.size(); ++ci) {
      if (static_cast<int>(ci) != m.best) second = std::max(second, m.cands[ci].score);
    }
    const bool big =
        e.population >= 100000 || e.level == GeoLevel::kCountry || e.level == GeoLevel::kProvince;
    // Context apart from this name itself: "Kaduna" the state does not place "Kaduna" the city.
    auto ctx_apart = [&](uint32_t id) { return ctx.country[id] - self_part(m.name_id, id) > 1e-9; };
    const uint32_t eid = ctx.FindCountry(e.country);
    bool in_context = cue_of_id(eid) >= 0.5 || b.in_province;
    if (!in_context && ctx.has_country[eid]) in_context = ctx_apart(eid);
    // The same for every mention of one name: found once per name.
    int8_t& no_context_memo = no_context_of[m.name_id];
    if (no_context_memo < 0) {
      bool none = !any_cue;
      for (uint32_t id = 1; none && id <= ctx.num_countries(); ++id) {
        if (ctx.has_country[id]) none = !ctx_apart(id);
      }
      no_context_memo = none ? 1 : 0;
    }
    const bool no_context = no_context_memo == 1;
    const bool strong = m.has_hint || m.dateline || m.multiword || m.cue || m.unit_of;
    const bool admin = e.level == GeoLevel::kCountry || e.level == GeoLevel::kProvince;
    bool accept;
    if (m.abbrev) {
      accept = true;
    } else if (m.street || (m.person_strong && !m.has_hint)) {
      accept = false;  // "Madrid Drive"; "Devon's mother", "Kenya Lang, 38,"
    } else if (m.quarter && !big) {
      accept = false;  // "the West End neighborhood": a quarter of the article's town
    } else if (m.minor_form && (!m.cue || m.bare_possessive) && !big && !m.has_hint) {
      accept =
          false;  // "south of East Elm", "Elm's death" (not "in Elm's port"): a street, a person
    } else if (m.person && !admin) {
      accept = false;  // "Sgt. Carney", "Lang said": a person, not the namesake town
    } else if (m.multiword && !m.has_hint && !b.exact &&
               (Classes(words[m.end_word - 1], wc) & kStreet) != 0) {
      accept = false;  // "Pitt St" ~ Pitesti: a name ending in a street word not spelled so
    } else if (!m.multiword && !m.has_hint && !b.exact &&
               (Classes(words[m.first_word], wc) & kFirstname) != 0 &&
               !(m.cue && b.alternate && HasNonAscii(text, words[m.first_word]))) {
      // "Michael" is not "Mitchell": a given name matched only by coarse key. A word spelled
      // with letters its fold drops ("Şam'da", Turkish for Damascus, folds to "sam") and said
      // in a locative frame is that language's other name of the place, not the given name.
      accept = false;
    } else if (!m.multiword && !m.has_hint && !m.cue && !m.dateline && !in_context &&
               e.level == GeoLevel::kPlace &&
               (Classes(words[m.first_word], wc) & kFirstname) != 0) {
      accept = false;  // "Mary said" in a Californian story: the person, not a town abroad
    } else if (latin_namesake(m, b)) {
      accept = false;  // "Krystal" is not "Crystal": US names are not transliterated
    } else if (m.acronym) {
      // US, UAE, DRC; a 2-3 letter token only as a known country acronym, never a town (BLA).
      const Word& w0 = words[m.first_word];
      accept =
          e.level == GeoLevel::kCountry &&
          (w0.span.size() > 3 || W.acronym.contains(text.substr(w0.span.begin, w0.span.size())));
    } else if (m.weak) {
      accept = m.dateline || ((m.has_hint || m.cue) && in_context && b.exact && big);
    } else if (m.sentence_start) {
      // Capitalised only by position: a word that matches the place only by coarse key, not as
      // its name or a recorded other name ("His" ~ Heath), is a common word there.
      accept = big || m.has_hint ||
               (in_context && e.population >= 1000 && !m.embedded && (b.exact || b.alternate));
    } else if (m.embedded) {
      // Inside a longer capitalised name (a person, a group): only context or fame.
      // A county or small town inside a longer name is a surname or a venue ("Cateria Stokes",
      // "Gravois Park").
      accept = (in_context && (b.exact || strong) && e.level == GeoLevel::kPlace &&
                (e.population >= 100000 || (m.cue && e.population >= 10000))) ||
               m.has_hint ||
               (b.exact && (e.level == GeoLevel::kCountry || e.level == GeoLevel::kProvince ||
                            e.population >= 1000000));
    } else {
      // A unit word that names this entry's level ("Chenango County", "Mastung district") is
      // evidence enough on its own.
      accept = big || in_context || (no_context && (strong || e.population >= 20000)) ||
               (m.has_hint && m.hint == e.level);
    }
    // A county named by a bare word: American usage says "Rusk County"; without the unit word a
    // county name is a surname ("Stokes", "Harris") unless a preposition, a dateline or a
    // following region ("Navarro, Texas") marks a place.
    if (e.level == GeoLevel::kDistrict && !m.has_hint && !m.abbrev && !m.multiword && !m.cue &&
        !m.of_before && !m.dateline && !b.paired) {
      accept = false;
    }
    // A title-case headline's "In X Of" is an idiom ("In Wake Of Shootings", "In Light Of"),
    // not a place: its words are capitalised like the rest of the line.
    if (m.title_line && !m.multiword && !m.has_hint && !m.abbrev && !m.dateline && !b.paired &&
        m.end_word < words.size() && (Classes(words[m.end_word], wc) & kGenitive) != 0) {
      accept = false;
    }
    // A bare small town in a state the article neither names nor implies, where it names or
    // implies another state of that country and its news would name an out-of-state town's
    // state (Words::state_named): a namesake of some local place, not the town elsewhere. A
    // dateline without its state ("SHELBY –") is no exception: such news datelines a town of
    // another state with the state.
    // A headline's place is what the story is about, whatever else it names, if the headline
    // (the first line; later title-case lines are captions and update lines) spells the
    // official name (an old or other name is no surer there than elsewhere). A town
    // section (PPLX) is known only with its town, and a town reached by an alternate name ("West
    // Side" for one city) is no surer than that name, whatever their population.
    if (accept && e.level == GeoLevel::kPlace &&
        (e.population < 100000 || IsLiteral(e.feature_code, "PPLX") || b.alternate) && !b.paired &&
        !m.abbrev && !(m.title_line && b.exact && m.first_word < headline_end) &&
        !W.state_named.empty() && W.state_named.contains(e.country)) {
      // In the state by either round's readings: the two rounds may disagree on a name.
      bool in_state = b.province_named || b.in_province, other_state = false;
      for (const auto& [pk, name] : final_prov) {
        if (name == m.name_id || pk.country != e.country) continue;
        if (pk.admin1 == e.admin1) {
          in_state = true;
        } else {
          other_state = true;
        }
      }
      for (uint32_t pid = 1; !other_state && pid <= ctx.num_provinces(); ++pid) {
        if (ctx.prov[pid].country != e.country || ctx.prov[pid].admin1 == e.admin1) continue;
        other_state = ctx.ProvinceApart(m.name_id, pid) > 1e-9;
      }
      if (other_state && !in_state) accept = false;
    }
    if (spelled_no_place(m, b)) accept = false;
    // A title-case headline capitalises every word: a lone small place there needs a cue.
    if (m.title_line && !m.multiword && !big && !m.has_hint && !m.cue && !m.dateline && !m.abbrev &&
        !m.of_before) {
      accept = false;
    }
    // Far from the article's own country: a single-word place needs its country named in the
    // article, its exact spelling, and a preposition or unit word ("Aleppo" in a US story about a
    // refugee family is background, "Kaleb" is not Aleppo).
    if (!dominant_done[m.name_id]) {
      dominant_of[m.name_id] = dominant_apart(m.name_id);
      dominant_done[m.name_id] = 1;
    }
    const std::string_view dominant = dominant_of[m.name_id];
    if (!dominant.empty() && e.country != dominant && !m.multiword && !m.abbrev && !m.dateline &&
        e.level != GeoLevel::kCountry && e.level != GeoLevel::kProvince &&
        !IsLiteral(e.feature_code, "PPLC")) {
      if (!b.exact || !named_apart(e.country, m.name_id) ||
          !(m.cue || m.has_hint || e.population >= 1000000)) {
        accept = false;
      }
    }
    // A longer name is no proof either: a small namesake abroad ("Lido Beach" in a Somali story
    // that names the United States in passing) is a local site of the article's own country that
    // the gazetteer does not know, unless the text ties it to its region.
    if (!dominant.empty() && e.country != dominant && m.multiword && !m.abbrev && !m.dateline &&
        e.level == GeoLevel::kPlace && e.population < 100000 && !b.paired && !b.in_province &&
        !(m.has_hint && m.hint == e.level)) {
      accept = false;
    }
    // A town section (PPLX: "East Side") is known only with its town: in an article without its
    // country in view it is a common description of some other town's part ("the Lower East
    // Side"), not a quarter abroad.
    if (IsLiteral(e.feature_code, "PPLX") && !in_context && !b.paired && !m.abbrev) accept = false;
    // A coarse-key match (spelling differs) outside the article's countries is a guess too far.
    // An exact but small place abroad ("at Lido beach" in a Somali story) is usually a common noun
    // or a namesake: the article's own countries win.
    if (!in_context && !no_context && e.population < 100000 && !m.dateline && !m.abbrev && !admin &&
        !(m.has_hint && m.hint == e.level)) {
      accept = false;
    }
    // Without named countries, the article's well-known towns still say where it is: a small
    // namesake elsewhere ("Lido Beach" in a story about Mogadishu) is not meant.
    // Votes of this same name do not count ("Norwich" does not outvote itself).
    if (no_context && any_votes && e.population < 100000 && !m.dateline &&
        e.level == GeoLevel::kPlace && !b.in_province) {
      bool other = false, mine = false;
      for (uint32_t id = 1; id <= ctx.num_countries(); ++id) {
        if (!ctx.has_votes[id]) continue;
        double v = ctx.votes[id];
        if (const double* o = ctx.name_votes.Find(m.name_id, id)) v -= *o;
        if (v <= 1e-9) continue;
        other = true;
        mine |= id == eid;
      }
      if (other && !mine) accept = false;
    }
    // A single word spelled differently from the official name, abroad: a coarse-key accident
    // ("Among" ~ an alternate of Xiamen) unless the place is very large.
    // In a non-Latin script, a name indexed from that script counts as spelled exactly.
    const bool exactish = b.exact || (b.native && !IsLatinStart(text, words[m.first_word]));
    // ... but "in Fallujah" is a recorded name (an alternate, not a coarse-key neighbour) of a
    // well-known town, said in a locative frame, and no other well-known or exactly spelled
    // namesake competes for it: a news reader takes the town.
    bool locative_known = false;
    if (m.cue && !m.weak && !m.embedded && !m.person && SeatOfNamedProvince(m.cands, b)) {
      locative_known = true;  // "in Daraa": the town of the province known by that name
    } else if (m.cue && (b.alternate || (!b.exact && FoldsToUndoubled(e.name, m.folded))) &&
               !m.weak && !m.embedded && !m.person && WellKnown(b) && e.level == GeoLevel::kPlace) {
      locative_known = true;
      // A capital or a city of a million outweighs a town of a twentieth its size that is
      // spelled so: "a Mosca" (Italian) is Moscow, not a Peruvian village named Mosca.
      const bool landmark = Landmark(b);
      for (const Candidate& o : m.cands) {
        if (&o == &b || o.demonym) continue;
        if (std::fabs(o.e.lat - e.lat) < 0.5 && std::fabs(o.e.lon - e.lon) < 0.5) continue;
        if (landmark && o.e.level == GeoLevel::kPlace && o.e.population * 20 < e.population) {
          continue;
        }
        if (o.exact || o.e.level == GeoLevel::kCountry || o.e.level == GeoLevel::kProvince ||
            WellKnown(o)) {
          locative_known = false;
          break;
        }
      }
    }
    if (!m.multiword && !exactish && !in_context && !m.has_hint && !m.abbrev && !locative_known &&
        !admin) {
      const size_t seen = name_mentions[m.name_id];
      if (e.level != GeoLevel::kPlace || e.population < 1000000 || seen < 2 || !no_context) {
        accept = false;
      }
    }
    // Scripts without case: only names the gazetteer knows in a non-Latin script count, and
    // only well-known or in-context places (any word could be a coarse-key accident).
    // Transliterated keys are short and coarse ("kvi" for Quetta in Urdu), so a caseless word
    // must also be a well-known place (a large town or an administrative seat) and no common
    // word of that language (data/geo/geocoder_words.tsv "stop"). A district's seat (PPLA2, or a
    // town named as its district: GeoNames codes many Indian district towns PPL) is
    // administrative too, and counts in context ("مدينة تدمر" in a Syrian report).
    if (words[m.first_word].uncased()) {
      std::string_view fc = e.feature_code;
      // ... or the town the text names as "X district" (its seat, kHintDistrictSeat). A town the
      // text ties to its region ("छत्तीसगढ़ के बीजापुर") is no chance collision either.
      const bool seat = IsLiteral(fc, "PPLA2") || (!e.admin2.empty() && e.admin2 == e.name) ||
                        (b.hint_bonus & kHintDistrictSeat) != 0;
      const bool known = e.population >= 100000 || IsLiteral(fc, "PPLC") || IsLiteral(fc, "PPLA") ||
                         admin || ((seat || b.paired) && in_context);
      // One passing caseless mention is too weak a signal against that collision risk: the name
      // must recur or open a line (a dateline).
      const size_t seen = name_mentions[m.name_id];
      const size_t fw = m.first_word;
      const bool line_start = fw == 0 || words[fw].newline_before();
      // With no other country in view (a language without a prior, such as Arabic), a capital
      // or a city of a million stands on its own: few common words collide with those.
      const bool landmark = no_context && (Landmark(b) || e.level == GeoLevel::kCountry);
      // "في مدينة إدلب", "على مدينة درعا": a name the text calls a town (a unit word right
      // before it) is no chance collision either; with no country in view, a provincial capital
      // or a town of 100,000 so called counts on its own, as a landmark does.
      const bool called_town =
          no_context && m.has_hint && m.hint == GeoLevel::kPlace && e.level == GeoLevel::kPlace &&
          (e.population >= 100000 || IsLiteral(fc, "PPLC") || IsLiteral(fc, "PPLA"));
      accept = accept && b.native && (in_context || landmark || called_town) && known && !m.weak &&
               (seen >= 2 || line_start || m.locative || called_town);
    }
    if (!accept) continue;
    PlaceMention& pm = out.emplace_back();
    pm.span = m.span;
    e.FillPlace(&pm.place);
    if (m.has_hint && m.hint == GeoLevel::kDistrict && e.level == GeoLevel::kPlace &&
        !e.admin2.empty() && FoldsTo(e.admin2, m.folded)) {
      pm.place.name = std::string(e.admin2);
      pm.place.level = GeoLevel::kDistrict;
    }
    double margin = second < -1e8 ? 6 : b.score - second;
    double base =
        m.weak || m.embedded || m.sentence_start ? 0.3 : (strong || in_context ? 0.55 : 0.45);
    pm.confidence = static_cast<float>(
        std::min(1.0, base + (1.0 - base) * (1.0 - std::exp(-std::max(0.0, margin) / 3.0))));
    // "Peshawar-bound": the place is named, but nothing happened there.
    if (m.attributive) pm.confidence = std::min(pm.confidence, kAttributiveConfidence);
    out_entry.push_back(e);
  }

  // 5. Parts and wholes. A section of a town (GeoNames PPLX: "North Lawndale") in an article that
  // names the town it lies in stands for that town (or, in the seat countries, for the county
  // seat it lies beside): the section's point is approximate and news records the event under
  // the town.
  for (size_t i = 0; i < out.size(); ++i) {
    const GazEntry& e = out_entry[i];
    if (!IsLiteral(e.feature_code, "PPLX")) continue;
    int whole = -1;
    for (size_t j = 0; j < out.size(); ++j) {
      const GazEntry& c = out_entry[j];
      if (c.level != GeoLevel::kPlace || IsLiteral(c.feature_code, "PPLX") ||
          c.country != e.country || c.admin1 != e.admin1 ||
          c.population < std::max<int64_t>(2 * e.population, 50000) ||
          KmBetween(e.lat, e.lon, c.lat, c.lon) > kSectionKm) {
        continue;
      }
      if (whole < 0 || c.population > out_entry[whole].population) whole = static_cast<int>(j);
    }
    GazEntry to;
    if (whole >= 0) {
      to = out_entry[whole];
    } else if (auto it = seats_.find(SeatKey(e.country, e.admin1, e.admin2)); it != seats_.end()) {
      // The town unnamed: the county seat it lies beside ("Bridgeport" by Chicago).
      to = gaz_->entry(it->second);
      if (to.population < std::max<int64_t>(2 * e.population, 50000) ||
          KmBetween(e.lat, e.lon, to.lat, to.lon) > kSectionKm) {
        continue;
      }
    } else {
      continue;
    }
    to.FillPlace(&out[i].place);
    out_entry[i] = to;
  }
  // A county named alone (where county names are not places: data/geo/
  // district_seat_countries.tsv) stands for the town in it that the article names, or else for
  // its seat: "the Boyle County sheriff" reports from Danville.
  if (!county_seats_.empty()) {
    for (size_t i = 0; i < out.size(); ++i) {
      const GazEntry& e = out_entry[i];
      if (e.level != GeoLevel::kDistrict || !W.seat_countries.contains(e.country)) {
        continue;
      }
      int town = -1;
      for (size_t j = 0; j < out.size() && town < 0; ++j) {
        const GazEntry& c = out_entry[j];
        if (c.level == GeoLevel::kPlace && c.country == e.country && c.admin1 == e.admin1 &&
            c.admin2 == e.admin2 && out[j].confidence > kAttributiveConfidence) {
          town = static_cast<int>(j);
        }
      }
      GazEntry to;
      if (town >= 0) {
        to = out_entry[town];
      } else if (auto it = county_seats_.find(SeatKey(e.country, e.admin1, e.admin2));
                 it != county_seats_.end()) {
        to = gaz_->entry(it->second);
      } else {
        continue;
      }
      to.FillPlace(&out[i].place);
      out_entry[i] = to;
      // The mention names the county, not the town: unless it is part of the town's own name
      // ("Bronx" for "The Bronx", in Bronx County), which names the town itself.
      const Span sp = out[i].span;
      out[i].via_county =
          sp.end <= text.size() && sp.begin < sp.end &&
          FoldName(to.name).find(FoldName(text.substr(sp.begin, sp.size()))) == std::string::npos;
    }
  }
  return out;
}

}  // namespace sitrep
