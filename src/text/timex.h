// Temporal expressions ("Jan 31", "31 January 2026", "Saturday (Jan 31)", "2024-08-26",
// "Aug. 26, 2024", "on Monday", "overnight on Sunday", "yesterday", "a day earlier",
// "the past 24 hours", "last week", "last year", "in May", "in August 2024", "three days ago")
// found in a Doc's tokens and resolved to civil dates (model/doc.h Timex).
//
// Resolution, given the publication date P:
//   weekday ("on Monday", "Sunday night", "early on Monday"): the most recent such day on or
//       before P (P itself when P is that weekday); "last Monday": strictly before P; after a
//       future marker in its clause ("will be arraigned Wednesday"): the next such day on or
//       after P.
//   "today"/"yesterday"/"a day earlier"/"the previous day": P + n days. "A day earlier" is
//       anchored on P, an approximation when the story's own anchor is another date.
//   "overnight": P - 1, or P when the text gives a small-hours clock time ("at 2:05 a.m.").
//   "the past 24 hours": date = P - 1, date_end = P. "last week": Monday..Sunday of the week
//       before P's week, on a Sunday P Monday..Saturday P - 1 (either week start: the week
//       that ended yesterday when weeks start on Sunday); "this week": Monday of P's week .. P.
//       (day precision with date_end)
//   "last month"/"last year": month/year precision. "in May": the most recent May not after P
//       (month precision); "last May": strictly before P's month.
//   day and month without a year ("Jan 31"): the year that puts the date nearest to P, with
//       future dates counted twice as far (news reports the past); a weekday in the expression
//       picks the matching year among P's year +-1 when one matches.
// Without P: absolute dates with a year resolve as written; day+month with a weekday
// ("Saturday (Jan 31)") take the most recent year, not after `today` (Load()) and not before
// 1990, in which that date falls on that weekday. Then a fully written date elsewhere in the
// article ("August 2, 2024") anchors what is left (without one, a dateline "09 نومبر" and the
// nearest weekday named in the article, "ہفتہ کی صبح", are taken as the same day and give the
// year as above): a weekday takes the closest such date that
// falls on that weekday, a day+month without year takes the year nearest that date. Everything
// else is kUnresolved (date.year 0, with month/day kept when the text gave them), not invented.
// `relative` is set for expressions that need P. `past_reference` is set when P is known and the
// referenced period ends more than 14 days before P, and always for "last year"/"years ago".
// Holidays ("on Christmas Eve", "New Year's Day", "over the Fourth of July weekend", "on
// Thanksgiving"), from <data_dir>/text/holidays.tsv (rows for any language; fixed days, n-th
// weekday of a month, Easter + offset): the most recent such day not after P, spanning the
// holiday phrase and its suffix ("night", "weekend"). A holiday name that is also a plain noun
// ("Christmas tree") is a date only after an "on"-like prefix or before such a suffix. "The day
// after Thanksgiving" counts days from the holiday (date_words.tsv). Without P a fixed holiday
// is a day+month without a year, a rule-based or counted one only its month.
// Ambiguous numeric dates ("05/08/2024", both parts <= 12) are not returned, nor is a weekday
// that names no particular day ("every Friday", "on a rainy Friday") unless a date follows it.
// A weekday name that is also a common word (weekdays.tsv "cue": Turkish "pazar", Sunday and
// "market") is a weekday only with a cue word of weekday_cues.tsv right before or after it
// ("pazar günü", "geçen pazar"; "pazar yerinde" is no date).
//
// Other languages follow the same patterns with their own words: day-month-year with link
// words ("el 22 de marzo de 2024"), a period after the day ("22. März 2024"), a year suffix
// ("22 марта 2024 года"), paired month names ("22 مارس/آذار 2024"), and "ago" before or
// after the count ("il y a trois jours", "три дня назад"). Right-to-left text is in logical
// order, so "9 نومبر 2024" is day-first in the byte stream too.
//
// Words are data: <data_dir>/text/{months,weekdays,weekday_cues,relative,date_words,numbers,
// numbers_lang,holidays}.tsv.
// Thread safety: a loaded TimexParser is immutable; Find() may run on many threads at once.
#ifndef SITREP_TEXT_TIMEX_H_
#define SITREP_TEXT_TIMEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/article.h"
#include "model/doc.h"
#include "text/key_table.h"
#include "text/lexicon.h"

namespace sitrep {

// The rows of <data_dir>/text/months.tsv and weekdays.tsv, checked as the timex reads them
// (month 1-12, ISO weekday 1-7, known flags; a bad row is an error naming file and line), names
// lower-cased. Shared with readers of dates outside the text stage (ingest/feed_date.h), so that
// every reader knows the same names.
struct CalendarName {
  std::string name;  // lower-cased
  int number = 0;    // month 1-12, or ISO weekday 1-7
  std::string flag;  // months: "cap" (needs a capital) or ""; weekdays: postpos, full, cue or ""
};
Result<std::vector<CalendarName>> ReadMonthNames(const std::string& data_dir);
Result<std::vector<CalendarName>> ReadWeekdayNames(const std::string& data_dir);

class TimexParser {
 public:
  // `today` bounds the year search for weekday dates without a publication date; default: the
  // UTC system date at load time.
  [[nodiscard]] static Result<std::unique_ptr<TimexParser>> Load(
      const std::string& data_dir, std::optional<CivilDate> today = std::nullopt);

  // Timexes in text order, not overlapping. `doc` must hold the tokens of `text`.
  std::vector<Timex> Find(std::string_view text, const Doc& doc,
                          std::optional<CivilDate> published) const;
  // The same with the tokens' keys already built (TokenKeys of doc.tokens), as TextAnalyzer
  // shares them between the finders.
  std::vector<Timex> Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                          std::optional<CivilDate> published) const;
  // The same, looking only at `candidates`: ascending indices of doc.tokens that include every
  // number token and every word token that is hyphenated or whose key passes a KeyFilter that
  // AddStartsTo() filled (others may be among them). TextAnalyzer collects them once for this
  // and QuantityParser::Find rather than each finder testing every token.
  std::vector<Timex> Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                          std::optional<CivilDate> published,
                          std::span<const uint32_t> candidates) const;
  // Adds the words that can start a timex to `filter` (for Find's candidates).
  void AddStartsTo(KeyFilter* filter) const { filter->Add(starts_); }

  // Calendar helpers (proleptic Gregorian), exposed for tests and other stages.
  static int64_t DaysFromCivil(int y, int m, int d);
  static CivilDate CivilFromDays(int64_t days);
  static int IsoWeekday(int64_t days);  // 1 = Monday .. 7 = Sunday
  static int DaysInMonth(int y, int m);
  // Days (DaysFromCivil) of Western Easter Sunday in year y (Gregorian computus).
  static int64_t EasterDays(int y);

 private:
  // Find() on the tokens given[0..count) (a superset of those that can start a timex), or on
  // tokens 0..count when `given` is null.
  std::vector<Timex> FindAmong(std::string_view text, const Doc& doc, const TokenKeys& keys,
                               std::optional<CivilDate> published, const uint32_t* given,
                               size_t count) const;
  enum class Rule : uint8_t { kDay, kWindow, kWeek, kWeekend, kMonth, kYear };
  struct RelRule {
    Rule rule;
    int n;
    bool past;
    bool night = false;  // "overnight": P itself when the text gives a small-hours clock time
  };
  // A holidays.tsv row: kDate month/day; kNth the n-th (-1 last) `weekday` of `month`; kEaster
  // Easter Sunday + `day` days.
  struct Holiday {
    enum class Kind : uint8_t { kDate, kNth, kEaster } kind;
    int month = 0, day = 0, weekday = 0, n = 0;
    bool cue = false;  // needs a holiday_prefix before or a suffix after to be a date
  };
  // Days (DaysFromCivil) of holiday h in year y.
  static int64_t HolidayDays(const Holiday& h, int y);

  struct Ctx;       // per-call state (timex.cc)
  struct DatePart;  // a parsed day/month/year expression (timex.cc)

  bool TryWeekday(Ctx& c, size_t i, Timex* out, size_t* end) const;
  bool TryDate(Ctx& c, size_t i, DatePart* dp) const;
  bool TryAbsolute(Ctx& c, size_t i, Timex* out, size_t* end) const;
  // False when TryAbsolute cannot match at the number token i (Find's quick reject): what
  // follows it can be no part of a date that starts with a number.
  bool NumberMayStartDate(const Ctx& c, size_t i) const;
  // False when the hyphenated word i cannot start a month ("mid-August"): its part before the
  // hyphen is no month_prefix_ word ("year-old").
  bool HyphenMayStartMonth(const Ctx& c, size_t i) const;
  bool TryRelative(Ctx& c, size_t i, Timex* out, size_t* end) const;
  bool GivesSmallHoursTime(const Ctx& c) const;
  bool TryAgo(Ctx& c, size_t i, Timex* out, size_t* end) const;
  bool TryHoliday(Ctx& c, size_t i, Timex* out, size_t* end) const;
  int MonthAt(Ctx& c, size_t i, size_t* next) const;  // 0 if none
  int WeekdayAt(Ctx& c, size_t i) const;              // 0 if none
  void Resolve(Ctx& c, const DatePart& dp, int weekday, Timex* out) const;
  // The most recent year (not after today_, not before 1990) in which month/day falls on
  // `weekday`; 0 if none.
  int YearForWeekday(int month, int day, int weekday) const;

  KeyTable<std::pair<int, bool>> months_;  // name -> (month, needs capital)
  struct WeekdayName {
    int weekday = 0;       // ISO 1-7
    bool postpos = false;  // needs a wd_postpos word right after it ("ہفتہ کو")
    bool full = false;     // a full name, a weekday in lower case even when short ("cuma")
    bool cue = false;      // a weekday only next to a cue word ("pazar günü"; else "market")
  };
  KeyTable<WeekdayName> weekdays_;
  KeyTable<bool> wd_postpos_;  // "کو", "کی": after a weekday name that is also a noun
  // weekday_cues.tsv: words right before ("geçen") or after ("günü") a "cue" weekday name.
  KeyTable<bool> wd_cue_before_;
  KeyTable<bool> wd_cue_after_;
  std::vector<RelRule> rules_;
  PhraseTable relative_;        // payload: index into rules_
  PhraseTable wd_prefix_;       // payload: n (0 or -1)
  size_t wd_prefix_words_ = 0;  // the most words (tokens) of a wd_prefix_ phrase
  KeyTable<bool> wd_suffix_;
  // No particular day: "every Friday" (wd_generic, right before the weekday); "on a rainy
  // Friday" (wd_indefinite, after an "on"-like prefix, at most one word before the weekday).
  KeyTable<bool> wd_generic_;
  KeyTable<bool> wd_indefinite_;
  // "will", "expected": a weekday later in the clause is the next such day, not the last.
  KeyTable<bool> future_;
  // ("a.m", hour): a clock time before the hour is in the small hours; lower-case.
  std::vector<std::pair<std::string, int>> small_hours_;
  KeyTable<int> month_prefix_;
  KeyTable<std::pair<int, bool>> ago_units_;  // unit -> (days, past)
  KeyTable<int> counts_;                      // "two" -> 2, "a" -> 1
  KeyTable<bool> ago_post_;                   // "ago", "назад": after "<count> <unit>"
  PhraseTable ago_pre_;                       // "il y a", "hace", "vor": before "<count> <unit>"
  KeyTable<bool> date_link_;                  // "of", "de": between day, month and year
  KeyTable<bool> day_suffix_;                 // "th", "st": written onto the day ("26th")
  KeyTable<bool> year_suffix_;                // "года", "г.": after the year, part of the date
  std::vector<Holiday> holiday_rules_;
  PhraseTable holidays_;            // payload: index into holiday_rules_
  KeyTable<bool> holiday_prefix_;   // "on", "over": makes a "cue" holiday a date
  KeyTable<bool> holiday_article_;  // "the": between the prefix and the holiday
  KeyTable<bool> holiday_suffix_;   // "weekend": after a holiday, part of it
  KeyTable<bool> holiday_day_;      // "day" in "the day after Christmas"
  KeyTable<int> holiday_offset_;    // "after" -> 1, "before" -> -1
  // Which Try* can start at a lower-cased word (StartBit in timex.cc), from the first words of
  // every table: Find() skips words not in it and runs only the Try* functions that can match.
  KeyTable<uint16_t> starts_;
  // One bit per StringHash value of the second word of every multi-word phrase: a word that
  // starts only multi-word phrases of a table cannot start one when the next token's bit is clear.
  static constexpr size_t kSecondWords = 256;
  uint64_t second_bits_[kSecondWords] = {};
  bool SecondWord(size_t h) const {
    return ((second_bits_[(h >> 6) & (kSecondWords - 1)] >> (h & 63)) & 1) != 0;
  }
  // One bit per StringHash value (as starts_' bitmap) of the words that start only multi-word
  // phrases and nothing else, bits shared with any other start word cleared: Find() drops such
  // a word from its candidates unless the next token passes second_bits_.
  static constexpr size_t kMultiWords = 256;
  uint64_t multi_only_bits_[kMultiWords] = {};
  bool MultiOnly(size_t h) const {
    return ((multi_only_bits_[(h >> 6) & (kMultiWords - 1)] >> (h & 63)) & 1) != 0;
  }
  CivilDate today_;
};

}  // namespace sitrep

#endif  // SITREP_TEXT_TIMEX_H_
