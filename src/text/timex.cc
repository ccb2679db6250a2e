#include "text/timex.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <initializer_list>
#include <iterator>

namespace sitrep {

struct TimexParser::Ctx {
  std::string_view text;
  const std::vector<Token>& tokens;
  const TokenKeys& keys;  // lower-cased tokens, shared with the other finders
  std::optional<CivilDate> pub;
  int64_t pub_days = 0;
  // What the last successful Try*() saw, for the document-anchor pass in Find().
  int weekday = 0;  // weekday named in the expression
  bool explicit_year = false;
  bool day_month = false;  // day and month without a year
  int month = 0, day = 0;
  int small_hours = -1;  // whether the text gives a small-hours clock time; -1 not yet known
  // The Doc's sentences (empty when not segmented): a period inside one ends an abbreviation
  // ("St. Louis"), not a clause.
  const std::vector<Sentence>* sentences = nullptr;
  // Ascending token indices that include every number token (Find's candidates).
  const uint32_t* numbers = nullptr;
  size_t num_numbers = 0;
};

struct TimexParser::DatePart {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  int y = 0, m = 0, d = 0;
  bool month_alone = false;  // "in May"
  int prefix_n = 0;          // -1 for "last May"
};

namespace {

bool ParseInt(const std::string& s, int* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end == nullptr || *end != '\0') return false;
  *out = static_cast<int>(v);
  return true;
}

// What a word can start (TimexParser::starts_). A phrase bit (kWdPrefix, kAgoPre, kRelative) with
// its k*One bit clear means every phrase of that table starting with the word has a second
// word, so the next token must pass second_bits_.
enum StartBit : uint16_t {
  kWdName = 1 << 0,    // weekdays_: TryWeekday
  kWdPrefix = 1 << 1,  // wd_prefix_: TryWeekday
  kMonth = 1 << 2,     // months_: TryAbsolute (TryDate, month first)
  kCount = 1 << 3,     // counts_: TryAgo
  kAgoPre = 1 << 4,    // ago_pre_: TryAgo
  kRelative = 1 << 5,  // relative_: TryRelative
  kWdPrefixOne = 1 << 6,
  kAgoPreOne = 1 << 7,
  kRelativeOne = 1 << 8,
  kHoliday = 1 << 9,  // holidays_: TryHoliday
  kHolidayOne = 1 << 10,
};

bool Adjacent(const std::vector<Token>& t, size_t a, size_t b) {
  return t[a].span.end == t[b].span.begin;
}

// Value of a token made only of digits (any script), with its digit count; -1 otherwise.
int DigitsValue(std::string_view s, int* ndigits) {
  // ASCII digits (nearly every number token) without decoding; any other byte of 0x80 or more
  // goes the general way below, from the start.
  size_t k = 0;
  int v = 0;
  for (; k < s.size(); ++k) {
    const unsigned d = static_cast<unsigned>(static_cast<unsigned char>(s[k])) - '0';
    if (d > 9) break;
    if (k >= 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  if (k == s.size()) {
    if (k == 0) return -1;
    *ndigits = static_cast<int>(k);
    return v;
  }
  if (static_cast<unsigned char>(s[k]) < 0x80) return -1;  // an ASCII byte that is no digit
  v = 0;
  int n = 0;
  int32_t i = 0;
  const int32_t len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    int d = (c >= '0' && c <= '9') ? c - '0' : (c > 0x7F ? u_charDigitValue(c) : -1);
    if (d < 0 || n >= 9) return -1;
    v = v * 10 + d;
    ++n;
  }
  if (n == 0) return -1;
  *ndigits = n;
  return v;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return u_isupper(c);
}

}  // namespace

int64_t TimexParser::DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy =
      (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate TimexParser::CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int TimexParser::IsoWeekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

int64_t TimexParser::EasterDays(int y) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return DaysFromCivil(y, month, day);
}

int64_t TimexParser::HolidayDays(const Holiday& h, int y) {
  switch (h.kind) {
    case Holiday::Kind::kDate:
      return DaysFromCivil(y, h.month, std::min(h.day, DaysInMonth(y, h.month)));
    case Holiday::Kind::kNth: {
      if (h.n < 0) {
        const int64_t last = DaysFromCivil(y, h.month, DaysInMonth(y, h.month));
        return last - (IsoWeekday(last) - h.weekday + 7) % 7;
      }
      const int64_t first = DaysFromCivil(y, h.month, 1);
      return first + (h.weekday - IsoWeekday(first) + 7) % 7 + 7 * (h.n - 1);
    }
    case Holiday::Kind::kEaster:
      return EasterDays(y) + h.day;
  }
  return 0;
}

int TimexParser::DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  if (m == 2 && y == 0) return 29;  // year unknown: allow Feb 29
  return kDays[m - 1];
}

namespace {

// How one calendar table is read: <name> <number 1-max> [<flag>].
struct CalendarTable {
  std::string_view file;  // under <data_dir>/text/
  std::string_view unit;  // the number's name in the error message ("month")
  int max = 0;            // numbers run 1..max
  // The known flags. (The list's array lives as long as the braced table it is written in: the
  // reader's call.)
  std::initializer_list<std::string_view> flags;
  // An unknown flag is an error with this message; empty: the flag is dropped instead (months,
  // whose third column is "cap" or a note).
  std::string_view unknown_flag;
};

// The one reader of months.tsv and weekdays.tsv: each row checked as `t` says, errors naming
// the file and the line.
Result<std::vector<CalendarName>> ReadCalendarNames(const std::string& data_dir,
                                                    const CalendarTable& t) {
  const std::string path = data_dir + "/text/" + std::string(t.file);
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  auto known = [&](std::string_view flag) {
    return std::find(t.flags.begin(), t.flags.end(), flag) != t.flags.end();
  };
  std::vector<CalendarName> out;
  for (const TsvRow& r : *rows) {
    int n = 0;
    if (r.fields.size() < 2 || !ParseInt(r.fields[1], &n) || n < 1 || n > t.max) {
      return InvalidArgument(TsvWhere(path, r.line) + "expected <name> <" + std::string(t.unit) +
                             " 1-" + std::to_string(t.max) + ">");
    }
    std::string_view flag = r.fields.size() >= 3 ? r.fields[2] : std::string_view();
    if (!flag.empty() && !known(flag)) {
      if (!t.unknown_flag.empty()) {
        return InvalidArgument(TsvWhere(path, r.line) + std::string(t.unknown_flag));
      }
      flag = {};
    }
    out.push_back({LowerString(r.fields[0]), n, std::string(flag)});
  }
  return out;
}

}  // namespace

Result<std::vector<CalendarName>> ReadMonthNames(const std::string& data_dir) {
  return ReadCalendarNames(data_dir, {"months.tsv", "month", 12, {"cap"}, ""});
}

Result<std::vector<CalendarName>> ReadWeekdayNames(const std::string& data_dir) {
  return ReadCalendarNames(data_dir, {"weekdays.tsv",
                                      "weekday",
                                      7,
                                      {"postpos", "full", "cue"},
                                      "unknown flag (postpos, full or cue)"});
}

Result<std::unique_ptr<TimexParser>> TimexParser::Load(const std::string& data_dir,
                                                       std::optional<CivilDate> today) {
  auto tp = std::unique_ptr<TimexParser>(new TimexParser());
  if (today) {
    tp->today_ = *today;
  } else {
    auto now = std::chrono::system_clock::now();
    int64_t days =
        std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
    tp->today_ = CivilFromDays(days);
  }
  {
    Result<std::vector<CalendarName>> months = ReadMonthNames(data_dir);
    if (!months.ok()) return months.status();
    for (const CalendarName& n : *months) tp->months_[n.name] = {n.number, n.flag == "cap"};
    Result<std::vector<CalendarName>> weekdays = ReadWeekdayNames(data_dir);
    if (!weekdays.ok()) return weekdays.status();
    for (const CalendarName& n : *weekdays) {
      tp->weekdays_[n.name] = {n.number, n.flag == "postpos", n.flag == "full", n.flag == "cue"};
    }
  }
  {
    // Cue words for weekdays.tsv "cue" rows: <lang> <word> <before|after> (every row loaded).
    std::string path = data_dir + "/text/weekday_cues.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      if (f.size() != 3 || (f[2] != "before" && f[2] != "after")) {
        return InvalidArgument(TsvWhere(path, r.line) + "expected <lang> <word> <before|after>");
      }
      (f[2] == "before" ? tp->wd_cue_before_ : tp->wd_cue_after_)[LowerString(f[1])] = true;
    }
  }
  // Start bits of a phrase's first word, and its second word's hash into second_bits_ (the
  // words split as PhraseTable::Add splits them).
  auto add_phrase = [&](std::string_view phrase, uint16_t bit, uint16_t one_bit) {
    std::vector<std::string> words = SplitWords(phrase);
    if (words.empty()) return;
    tp->starts_[words[0]] |= static_cast<uint16_t>(words.size() == 1 ? bit | one_bit : bit);
    if (words.size() >= 2) {
      size_t h = StringHash{}(words[1]);
      tp->second_bits_[(h >> 6) & (kSecondWords - 1)] |= uint64_t{1} << (h & 63);
    }
  };
  {
    std::string path = data_dir + "/text/relative.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      int n = 0;
      if (f.size() < 3 || !ParseInt(f[2], &n)) {
        return InvalidArgument(TsvWhere(path, r.line) + "expected <phrase> <rule> <n>");
      }
      bool past = f.size() >= 4 && f[3] == "past";
      const std::string& rule = f[1];
      RelRule rr{Rule::kDay, n, past, f.size() >= 4 && f[3] == "night"};
      if (rule == "day")
        rr.rule = Rule::kDay;
      else if (rule == "window")
        rr.rule = Rule::kWindow;
      else if (rule == "week")
        rr.rule = Rule::kWeek;
      else if (rule == "weekend")
        rr.rule = Rule::kWeekend;
      else if (rule == "month")
        rr.rule = Rule::kMonth;
      else if (rule == "year")
        rr.rule = Rule::kYear;
      else if (rule == "ago_unit") {
        tp->ago_units_[LowerString(f[0])] = {n, past};
        continue;
      } else if (rule == "wd_prefix") {
        tp->wd_prefix_.Add(f[0], n + 1);
        add_phrase(f[0], kWdPrefix, kWdPrefixOne);
        tp->wd_prefix_words_ = std::max(tp->wd_prefix_words_, SplitWords(f[0]).size());
        continue;
      } else if (rule == "wd_suffix") {
        tp->wd_suffix_[LowerString(f[0])] = true;
        continue;
      } else if (rule == "small_hours") {
        tp->small_hours_.emplace_back(LowerString(f[0]), n);
        continue;
      } else if (rule == "month_prefix") {
        tp->month_prefix_[LowerString(f[0])] = n;
        continue;
      } else
        return InvalidArgument(TsvWhere(path, r.line) + "unknown rule '" + rule + "'");
      tp->relative_.Add(f[0], static_cast<int>(tp->rules_.size()));
      add_phrase(f[0], kRelative, kRelativeOne);
      tp->rules_.push_back(rr);
    }
  }
  {
    std::string path = data_dir + "/text/date_words.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      if (f.size() < 2) return InvalidArgument(TsvWhere(path, r.line) + "expected <phrase> <role>");
      const std::string& role = f[1];
      std::string w = LowerString(f[0]);
      int n = 0;  // holiday_offset's <n>
      if (role == "holiday_offset" && (f.size() < 3 || !ParseInt(f[2], &n))) {
        return InvalidArgument(TsvWhere(path, r.line) + "expected <word> holiday_offset <n>");
      }
      if (role == "wd_postpos")
        tp->wd_postpos_[w] = true;
      else if (role == "ago_post")
        tp->ago_post_[w] = true;
      else if (role == "ago_pre") {
        tp->ago_pre_.Add(f[0], 0);
        add_phrase(f[0], kAgoPre, kAgoPreOne);
      } else if (role == "date_link")
        tp->date_link_[w] = true;
      else if (role == "day_suffix")
        tp->day_suffix_[w] = true;
      else if (role == "wd_generic")
        tp->wd_generic_[w] = true;
      else if (role == "wd_indefinite")
        tp->wd_indefinite_[w] = true;
      else if (role == "future")
        tp->future_[w] = true;
      else if (role == "year_suffix")
        tp->year_suffix_[w] = true;
      else if (role == "holiday_prefix")
        tp->holiday_prefix_[w] = true;
      else if (role == "holiday_article")
        tp->holiday_article_[w] = true;
      else if (role == "holiday_suffix")
        tp->holiday_suffix_[w] = true;
      else if (role == "holiday_day")
        tp->holiday_day_[w] = true;
      else if (role == "holiday_offset")
        tp->holiday_offset_[w] = n;
      else
        return InvalidArgument(TsvWhere(path, r.line) + "unknown role '" + role + "'");
    }
  }
  {
    // Holidays: <lang> <phrase> <rule> <args...> [cue] (holidays.tsv); every language's rows.
    std::string path = data_dir + "/text/holidays.tsv";
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      Holiday h{};
      size_t nargs = 0;
      bool ok = f.size() >= 4;
      if (ok && f[2] == "date") {
        h.kind = Holiday::Kind::kDate;
        nargs = 2;
        ok = f.size() >= 5 && ParseInt(f[3], &h.month) && ParseInt(f[4], &h.day) && h.month >= 1 &&
             h.month <= 12 && h.day >= 1 && h.day <= DaysInMonth(0, h.month);
      } else if (ok && f[2] == "nth") {
        h.kind = Holiday::Kind::kNth;
        nargs = 3;
        ok = f.size() >= 6 && ParseInt(f[3], &h.month) && ParseInt(f[4], &h.weekday) &&
             ParseInt(f[5], &h.n) && h.month >= 1 && h.month <= 12 && h.weekday >= 1 &&
             h.weekday <= 7 && (h.n == -1 || (h.n >= 1 && h.n <= 4));
      } else if (ok && f[2] == "easter") {
        h.kind = Holiday::Kind::kEaster;
        nargs = 1;
        ok = ParseInt(f[3], &h.day) && h.day > -60 && h.day < 60;
      } else {
        ok = false;
      }
      if (ok && f.size() > 3 + nargs) ok = f.size() == 4 + nargs && f[3 + nargs] == "cue";
      if (!ok) {
        return InvalidArgument(TsvWhere(path, r.line) +
                               "expected <lang> <phrase> date <month> <day> | nth <month> "
                               "<weekday> <n> | easter <offset> [cue]");
      }
      h.cue = f.size() == 4 + nargs;
      tp->holidays_.Add(f[1], static_cast<int>(tp->holiday_rules_.size()));
      add_phrase(f[1], kHoliday, kHolidayOne);
      tp->holiday_rules_.push_back(h);
    }
  }
  // Counts for "three days ago": numbers.tsv, and numbers_lang.tsv whose rows have a leading
  // language column (not checked here: the ago pattern around the count is specific enough).
  for (const char* file : {"numbers.tsv", "numbers_lang.tsv"}) {
    const size_t skip = file[7] == '_' ? 1 : 0;
    std::string path = data_dir + "/text/" + file;
    Result<std::vector<TsvRow>> rows = ReadTsv(path);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& r : *rows) {
      const auto& f = r.fields;
      int v = 0;
      if (f.size() < 3 + skip) return InvalidArgument(TsvWhere(path, r.line) + "expected 3 fields");
      const std::string& kind = f[1 + skip];
      if ((kind == "unit" || kind == "tens" || kind == "article") && ParseInt(f[2 + skip], &v)) {
        tp->counts_[LowerString(f[skip])] = v;
      }
    }
  }
  // The single words that can start an expression (the phrase tables' first words are in).
  tp->months_.ForEach([&](std::string_view w, const auto&) { tp->starts_[w] |= kMonth; });
  tp->weekdays_.ForEach([&](std::string_view w, const auto&) { tp->starts_[w] |= kWdName; });
  tp->counts_.ForEach([&](std::string_view w, const auto&) { tp->starts_[w] |= kCount; });
  // Words that start only phrases of two or more words ("the" of "the previous day"), by
  // hash bit; a bit that another start word shares is left clear, so that a set bit always
  // means "needs a second word" (Find's candidate filter).
  uint64_t other[kMultiWords] = {};
  constexpr uint16_t kPhrases = kWdPrefix | kAgoPre | kRelative | kHoliday;
  tp->starts_.ForEach([&](std::string_view w, uint16_t m) {
    const size_t h = StringHash{}(w);
    uint64_t* bits = (m & ~kPhrases) == 0 ? tp->multi_only_bits_ : other;
    bits[(h >> 6) & (kMultiWords - 1)] |= uint64_t{1} << (h & 63);
  });
  for (size_t k = 0; k < kMultiWords; ++k) tp->multi_only_bits_[k] &= ~other[k];
  return tp;
}

int TimexParser::MonthAt(Ctx& c, size_t i, size_t* next) const {
  if (i >= c.tokens.size() || c.tokens[i].kind != TokenKind::kWord) return 0;
  std::string_view w = TokenText(c.text, c.tokens[i]);
  // "mid-August", "early-May"
  size_t hy = w.find('-');
  if (hy != std::string_view::npos) {
    LowerBuf pre(w.substr(0, hy));
    if (!month_prefix_.contains(pre.view())) return 0;
    w = w.substr(hy + 1);
  }
  const std::pair<int, bool>* month = nullptr;
  if (hy != std::string_view::npos) {
    LowerBuf lb(w);
    month = months_.Find(lb.view());
  } else {
    month = months_.Find(c.keys[i]);
  }
  if (month == nullptr) return 0;
  if (month->second && !StartsUpper(w)) return 0;
  *next = i + 1;
  // "مارس/آذار", "März/Maerz": two names of the same month joined by a slash.
  if (i + 2 < c.tokens.size() && TokenText(c.text, c.tokens[i + 1]) == "/" &&
      c.tokens[i + 2].kind == TokenKind::kWord) {
    const std::pair<int, bool>* other = months_.Find(c.keys[i + 2]);
    if (other != nullptr && other->first == month->first) *next = i + 3;
  }
  // "Aug. 26": skip the abbreviation's period when a number follows.
  if (*next + 1 < c.tokens.size() && TokenText(c.text, c.tokens[*next]) == "." &&
      Adjacent(c.tokens, i, *next) && c.tokens[*next + 1].kind == TokenKind::kNumber) {
    ++*next;
  }
  return month->first;
}

int TimexParser::WeekdayAt(Ctx& c, size_t i) const {
  if (i >= c.tokens.size() || c.tokens[i].kind != TokenKind::kWord) return 0;
  std::string_view w = TokenText(c.text, c.tokens[i]);
  const WeekdayName* weekday = weekdays_.Find(c.keys[i]);
  if (weekday == nullptr) return 0;
  // "sat", "wed", "sun" are words too; a short full name ("cuma") is not an abbreviation.
  if (w.size() <= 4 && !weekday->full && !StartsUpper(w)) return 0;
  if (weekday->postpos) {  // "ہفتہ" is Saturday only as "ہفتہ کو/کی/کے"; else "week"
    if (i + 1 >= c.tokens.size()) return 0;
    if (!wd_postpos_.contains(c.keys[i + 1])) return 0;
  }
  // "pazar günü" is Sunday, "pazar yerinde" the marketplace: a cue word must be adjacent.
  if (weekday->cue) {
    const auto& t = c.tokens;
    const bool after = i + 1 < t.size() && t[i + 1].kind == TokenKind::kWord &&
                       wd_cue_after_.contains(c.keys[i + 1]);
    const bool before =
        i > 0 && t[i - 1].kind == TokenKind::kWord && wd_cue_before_.contains(c.keys[i - 1]);
    if (!after && !before) return 0;
  }
  return weekday->weekday;
}

bool TimexParser::TryDate(Ctx& c, size_t i, DatePart* dp) const {
  const auto& t = c.tokens;
  const size_t n = t.size();
  if (i >= n) return false;
  // The last token's DigitsValue, kept: the patterns below read the same token several times.
  size_t memo_j = n;
  int memo_v = -1, memo_nd = 0;
  auto number = [&](size_t j, int* nd) -> int {
    if (j >= n || t[j].kind != TokenKind::kNumber) return -1;
    if (j != memo_j) {
      memo_j = j;
      memo_v = DigitsValue(TokenText(c.text, t[j]), &memo_nd);
    }
    if (memo_v >= 0) *nd = memo_nd;  // as DigitsValue: set on success only
    return memo_v;
  };
  auto is = [&](size_t j, std::string_view s) { return j < n && TokenText(c.text, t[j]) == s; };
  // A day number, with an optional glued ordinal suffix ("26th"); returns the next token.
  auto day_at = [&](size_t j, int* day) -> size_t {
    int nd = 0;
    int v = number(j, &nd);
    if (v < 1 || v > 31 || nd > 2) return 0;
    if (j > 0 && Adjacent(t, j - 1, j) && t[j - 1].kind != TokenKind::kPunct) return 0;
    size_t k = j + 1;
    if (k < n && Adjacent(t, j, k)) {
      if (t[k].kind != TokenKind::kWord) {
        std::string_view s = TokenText(c.text, t[k]);
        if (s == ":" || s == "/" || s == "-" || s == ".") {
          if (k + 1 < n && Adjacent(t, k, k + 1) && t[k + 1].kind == TokenKind::kNumber) return 0;
        }
      } else {
        if (!day_suffix_.contains(c.keys[k])) return 0;
        ++k;
      }
    }
    *day = v;
    return k;
  };
  auto year_at = [&](size_t j) -> int {
    int nd = 0;
    int v = number(j, &nd);
    if (nd != 4 || v < 1900 || v > 2100) return 0;
    if (j + 1 < n && Adjacent(t, j, j + 1) && t[j + 1].kind != TokenKind::kPunct) return 0;
    return v;
  };
  // "of", "de": joins the parts of a date.
  auto link = [&](size_t j) {
    if (j >= n || t[j].kind != TokenKind::kWord) return false;
    return date_link_.contains(c.keys[j]);
  };
  *dp = DatePart{};
  dp->begin = i;
  size_t j = 0;
  // Month first: "Jan 31", "Aug. 26, 2024", "August 2024", "in May".
  int m = MonthAt(c, i, &j);
  if (m > 0) {
    dp->m = m;
    int day = 0;
    size_t k = day_at(j, &day);
    if (k > 0) {
      dp->d = day;
      dp->end = k;
      size_t y = is(k, ",") ? k + 1 : k;
      if (int yr = year_at(y); yr > 0) {
        dp->y = yr;
        dp->end = y + 1;
      }
    } else if (int yr = year_at(is(j, ",") || link(j) ? j + 1 : j); yr > 0) {
      dp->y = yr;
      dp->end = (is(j, ",") || link(j) ? j + 1 : j) + 1;
    } else {
      std::string_view w = TokenText(c.text, t[i]);
      bool glued_prefix = w.find('-') != std::string_view::npos;
      int pn = 0;
      bool prefixed = glued_prefix;
      if (!prefixed && i > 0) {
        if (const int* prefix = month_prefix_.Find(c.keys[i - 1])) {
          prefixed = true;
          pn = *prefix;
        }
      }
      if (!prefixed) return false;
      dp->month_alone = true;
      dp->prefix_n = pn;
      dp->end = i + 1;
    }
    if (dp->d > DaysInMonth(dp->y, dp->m)) return false;
    return true;
  }
  if (t[i].kind != TokenKind::kNumber) return false;
  // ISO "2024-08-26" / "2024/08/26".
  int nd = 0;
  int v = number(i, &nd);
  if (nd == 4 && i + 4 < n && (is(i + 1, "-") || is(i + 1, "/")) &&
      TokenText(c.text, t[i + 1]) == TokenText(c.text, t[i + 3]) && Adjacent(t, i, i + 1) &&
      Adjacent(t, i + 1, i + 2) && Adjacent(t, i + 2, i + 3) && Adjacent(t, i + 3, i + 4)) {
    int n1 = 0, n2 = 0;
    int mm = number(i + 2, &n1), dd = number(i + 4, &n2);
    if (mm >= 1 && mm <= 12 && dd >= 1 && n1 <= 2 && n2 <= 2 && dd <= DaysInMonth(v, mm) &&
        v >= 1900 && v <= 2100) {
      dp->y = v;
      dp->m = mm;
      dp->d = dd;
      dp->end = i + 5;
      return true;
    }
    return false;
  }
  // Numeric "26/08/2024": only when the day is unambiguous (> 12).
  if (nd <= 2 && i + 4 < n && is(i + 1, "/") && is(i + 3, "/") && Adjacent(t, i, i + 1) &&
      Adjacent(t, i + 1, i + 2) && Adjacent(t, i + 2, i + 3) && Adjacent(t, i + 3, i + 4)) {
    int n1 = 0, n2 = 0;
    int b = number(i + 2, &n1), y = number(i + 4, &n2);
    if (n2 == 2) y += 2000;
    if (b < 1 || y < 1900 || y > 2100 || (n2 != 2 && n2 != 4)) return false;
    int day = 0, mon = 0;
    if (v > 12 && b <= 12) {
      day = v;
      mon = b;
    } else if (b > 12 && v <= 12 && v >= 1) {
      day = b;
      mon = v;
    } else
      return false;
    if (day > DaysInMonth(y, mon)) return false;
    dp->y = y;
    dp->m = mon;
    dp->d = day;
    dp->end = i + 5;
    return true;
  }
  // Day first: "31 January 2026", "26th of August".
  int day = 0;
  size_t k = day_at(i, &day);
  if (k > 0) {
    // "22. März": the German ordinal period, glued to the day.
    if (k == i + 1 && is(k, ".") && Adjacent(t, i, k)) ++k;
    size_t mk = link(k) ? k + 1 : k;
    size_t after = 0;
    int mon = MonthAt(c, mk, &after);
    if (mon > 0 && TokenText(c.text, t[mk]).find('-') == std::string_view::npos) {
      if (day > DaysInMonth(0, mon)) return false;
      dp->d = day;
      dp->m = mon;
      dp->end = after;
      size_t y = is(after, ",") || link(after) ? after + 1 : after;
      if (int yr = year_at(y); yr > 0) {
        dp->y = yr;
        dp->end = y + 1;
        if (dp->end < n && t[dp->end].kind == TokenKind::kWord) {
          if (year_suffix_.contains(c.keys[dp->end])) ++dp->end;
        }
      }
      if (dp->d > DaysInMonth(dp->y, dp->m)) return false;
      return true;
    }
  }
  // A year after "in"/"since"/"during": "in 2024".
  if (int yr = year_at(i); yr > 0 && i > 0 && !(i > 0 && Adjacent(t, i - 1, i))) {
    const int* prefix = month_prefix_.Find(c.keys[i - 1]);
    if (prefix != nullptr && *prefix == 0) {
      dp->y = yr;
      dp->end = i + 1;
      return true;
    }
  }
  return false;
}

void TimexParser::Resolve(Ctx& c, const DatePart& dp, int weekday, Timex* out) const {
  c.weekday = weekday;
  c.explicit_year = dp.y > 0;
  c.day_month = dp.y == 0 && dp.m > 0 && dp.d > 0;
  c.month = dp.m;
  c.day = dp.d;
  out->date = CivilDate{dp.y, dp.m, dp.d};
  out->precision = DatePrecision::kUnresolved;
  if (dp.y > 0) {
    out->precision = dp.d > 0   ? DatePrecision::kDay
                     : dp.m > 0 ? DatePrecision::kMonth
                                : DatePrecision::kYear;
    return;
  }
  if (dp.month_alone) {
    if (!c.pub) return;
    int y = c.pub->year;
    if (dp.m > c.pub->month || (dp.prefix_n < 0 && dp.m >= c.pub->month)) --y;
    out->date = CivilDate{y, dp.m, 0};
    out->precision = DatePrecision::kMonth;
    return;
  }
  // Day and month without a year.
  if (c.pub) {
    int best_y = 0;
    int64_t best_cost = 0;
    bool best_wd = false;
    for (int y = c.pub->year - 1; y <= c.pub->year + 1; ++y) {
      if (dp.d > DaysInMonth(y, dp.m)) continue;
      int64_t days = DaysFromCivil(y, dp.m, dp.d);
      int64_t diff = days - c.pub_days;
      int64_t cost = diff < 0 ? -diff : 2 * diff;
      bool wd = weekday > 0 && IsoWeekday(days) == weekday;
      if (best_y == 0 || (wd && !best_wd) || (wd == best_wd && cost < best_cost)) {
        best_y = y;
        best_cost = cost;
        best_wd = wd;
      }
    }
    if (best_y > 0) {
      out->date.year = best_y;
      out->precision = DatePrecision::kDay;
    }
    return;
  }
  if (weekday > 0) {
    if (int y = YearForWeekday(dp.m, dp.d, weekday); y > 0) {
      out->date.year = y;
      out->precision = DatePrecision::kDay;
    }
  }
}

int TimexParser::YearForWeekday(int month, int day, int weekday) const {
  int64_t today = DaysFromCivil(today_.year, today_.month, today_.day);
  for (int y = today_.year; y >= 1990; --y) {
    if (day > DaysInMonth(y, month)) continue;
    int64_t days = DaysFromCivil(y, month, day);
    if (days > today || IsoWeekday(days) != weekday) continue;
    return y;
  }
  return 0;
}

bool TimexParser::NumberMayStartDate(const Ctx& c, size_t i) const {
  const auto& t = c.tokens;
  // Four bytes or more may be a year ("in 2024", "2024-08-26") or digits of another script.
  if (t[i].span.size() >= 4) return true;
  if (i + 1 >= t.size()) return false;
  const Token& next = t[i + 1];
  if (next.kind == TokenKind::kWord) {
    // A glued ordinal suffix ("26th"), a link word ("26 de marzo") or the month ("26 August";
    // a hyphenated month is no day's month).
    return Adjacent(t, i, i + 1) || months_.contains(c.keys[i + 1]) ||
           date_link_.contains(c.keys[i + 1]);
  }
  // "26/08/2024", "22. März" (a hyphen follows only the four digits of an ISO date's year).
  const std::string_view s = TokenText(c.text, next);
  return s == "/" || s == ".";
}

bool TimexParser::HyphenMayStartMonth(const Ctx& c, size_t i) const {
  // The key is lower-cased code point by code point, so its part before the first hyphen is
  // MonthAt's lower-cased prefix; a key cut short before any hyphen is left to MonthAt.
  const std::string_view key = c.keys.lower(i);
  const size_t hy = key.find('-');
  return hy == std::string_view::npos || month_prefix_.MayContain(StringHash{}(key.substr(0, hy)));
}

bool TimexParser::TryAbsolute(Ctx& c, size_t i, Timex* out, size_t* end) const {
  DatePart dp;
  if (!TryDate(c, i, &dp)) return false;
  *out = Timex{};
  out->span = Span{c.tokens[dp.begin].span.begin, c.tokens[dp.end - 1].span.end};
  Resolve(c, dp, 0, out);
  *end = dp.end;
  return true;
}

bool TimexParser::TryWeekday(Ctx& c, size_t i, Timex* out, size_t* end) const {
  const auto& t = c.tokens;
  const size_t n = t.size();
  size_t j = i;
  int strict = 0;
  int wd = WeekdayAt(c, i);
  if (wd == 0) {
    size_t pe = 0;
    int pn = wd_prefix_.MatchForward(c.keys, i, &pe);  // payload: n + 1
    if (pn < 0) return false;
    wd = WeekdayAt(c, pe);
    if (wd == 0) return false;  // a prefix needs a weekday right after it
    strict = pn - 1;
    j = pe;
  }
  size_t k = j + 1;
  if (k < n) {
    if (wd_suffix_.contains(c.keys[k])) ++k;
  }
  *out = Timex{};
  // "Saturday (Jan 31)", "Saturday, January 31, 2026": an absolute date checked by the weekday.
  size_t s = k;
  bool paren = false;
  if (s < n && TokenText(c.text, t[s]) == ",")
    ++s;
  else if (s < n && TokenText(c.text, t[s]) == "(") {
    ++s;
    paren = true;
  }
  DatePart dp;
  if (s < n && TryDate(c, s, &dp) && dp.d > 0) {
    size_t e = dp.end;
    if (paren && e < n && TokenText(c.text, t[e]) == ")") ++e;
    out->span = Span{t[i].span.begin, t[e - 1].span.end};
    Resolve(c, dp, wd, out);
    *end = e;
    return true;
  }
  // "every Friday", "on a rainy Friday": no particular day, so no date to resolve against P.
  if (j == i && j > 0) {
    if (wd_generic_.contains(c.keys[j - 1])) return false;
    for (size_t a = j - 1, back = 0; back < 2 && a > 0; --a, ++back) {
      if (t[a].kind != TokenKind::kWord) break;
      if (!wd_indefinite_.contains(c.keys[a])) continue;
      size_t pe = 0;
      if (wd_prefix_.MatchForward(c.keys, a - 1, &pe) == 1 && pe == a) return false;
      break;
    }
  }
  out->span = Span{t[i].span.begin, t[k - 1].span.end};
  out->relative = true;
  c.weekday = wd;
  if (c.pub) {
    int pw = IsoWeekday(c.pub_days);
    int back = (pw - wd + 7) % 7;
    if (strict < 0 && back == 0) back = 7;
    // "is expected to appear in court Tuesday": a future marker earlier in the clause (a few
    // words, no clause punctuation between) points forward. Within a segmented sentence a period
    // ends an abbreviation ("will be presented to the St. Louis County court Wednesday"): the
    // look-back stops at the sentence's start instead.
    if (strict == 0) {
      size_t first = 0;  // the sentence's first token, when the Doc is segmented
      bool in_sentence = false;
      if (c.sentences != nullptr && !c.sentences->empty()) {
        auto it =
            std::upper_bound(c.sentences->begin(), c.sentences->end(), i,
                             [](size_t tok, const Sentence& st) { return tok < st.first_token; });
        if (it != c.sentences->begin() && i < std::prev(it)->end_token) {
          first = std::prev(it)->first_token;
          in_sentence = true;
        }
      }
      constexpr size_t kFutureReach = 12;  // words
      for (size_t b = i, words = 0; b > first && words < kFutureReach; --b) {
        const Token& p = t[b - 1];
        if (p.kind == TokenKind::kPunct) {
          const std::string_view pt = TokenText(c.text, p);
          if ((pt == "." && !in_sentence) || pt == "," || pt == ";" || pt == ":" || pt == "!" ||
              pt == "?") {
            break;
          }
          continue;
        }
        ++words;
        if (future_.contains(c.keys[b - 1])) {
          back = -((wd - pw + 7) % 7);
          break;
        }
      }
    }
    out->date = CivilFromDays(c.pub_days - back);
    out->precision = DatePrecision::kDay;
  }
  *end = k;
  return true;
}

// Whether the text gives a clock time in the small hours ("2:05 a.m.", "12:30 AM", "3 am"):
// an hour token, its minutes, then a small_hours word (relative.tsv) whose limit the hour is
// under. "3 amid" is no time; "12" a.m. is hour 0.
bool TimexParser::GivesSmallHoursTime(const Ctx& c) const {
  const std::string_view x = c.text;
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch; };
  for (size_t k = 0; k < c.num_numbers; ++k) {
    const Token& t = c.tokens[c.numbers[k]];
    if (t.kind != TokenKind::kNumber) continue;  // before touching the text's bytes
    size_t q = t.span.begin;
    const bool minutes = q > 0 && (digit(x[q - 1]) || x[q - 1] == ':');
    if (minutes) continue;
    int hour = 0;
    for (; q < x.size() && digit(x[q]) && hour < 100; ++q) hour = hour * 10 + (x[q] - '0');
    while (q < x.size() && (digit(x[q]) || x[q] == ':')) ++q;  // the minutes
    while (q < x.size() && x[q] == ' ') ++q;
    if (hour == 12) hour = 0;
    for (const auto& [word, limit] : small_hours_) {
      const size_t e = q + word.size();
      if (hour >= limit || e > x.size()) continue;
      if (e < x.size() && lower(x[e]) >= 'a' && lower(x[e]) <= 'z') continue;  // "3 amid"
      size_t j = 0;
      while (j < word.size() && lower(x[q + j]) == word[j]) ++j;
      if (j == word.size()) return true;
    }
  }
  return false;
}

bool TimexParser::TryRelative(Ctx& c, size_t i, Timex* out, size_t* end) const {
  size_t e = 0;
  int id = relative_.MatchForward(c.keys, i, &e);
  if (id < 0) return false;
  const RelRule& r = rules_[static_cast<size_t>(id)];
  *out = Timex{};
  out->span = Span{c.tokens[i].span.begin, c.tokens[e - 1].span.end};
  out->relative = true;
  out->past_reference = r.past;
  *end = e;
  if (!c.pub) return true;
  const CivilDate& p = *c.pub;
  switch (r.rule) {
    case Rule::kDay: {
      // A night before P reaches into P's small hours: a report that gives a clock time there
      // ("at 2:05 a.m.") dates "overnight" by P's calendar day, as coders do.
      if (r.night && c.small_hours < 0) c.small_hours = GivesSmallHoursTime(c) ? 1 : 0;
      out->date = CivilFromDays(c.pub_days + r.n + (r.night && c.small_hours == 1 ? 1 : 0));
      out->precision = DatePrecision::kDay;
      break;
    }
    case Rule::kWindow:
      out->date = CivilFromDays(c.pub_days - r.n);
      out->date_end = p;
      out->precision = DatePrecision::kDay;
      break;
    case Rule::kWeek: {
      int64_t monday = c.pub_days - (IsoWeekday(c.pub_days) - 1) + 7 * r.n;
      int64_t sunday = monday + 6;
      // On a Sunday, where weeks start on Sunday (the US, much of the Americas and Asia) "last
      // week" is the week that ended yesterday: the span reaches to Saturday so a day named in
      // either reading ("shot Friday") narrows it.
      if (r.n < 0 && IsoWeekday(c.pub_days) == 7) sunday += 6;
      if (sunday > c.pub_days) sunday = c.pub_days;
      out->date = CivilFromDays(monday);
      out->date_end = CivilFromDays(sunday);
      out->precision = DatePrecision::kDay;
      break;
    }
    case Rule::kWeekend: {
      // The Saturday and Sunday of the last weekend begun by publication, n weeks from it: on a
      // weekday the one just past, on a Saturday that day, on a Sunday both days.
      const int wd = IsoWeekday(c.pub_days);  // 1 Monday .. 7 Sunday
      int64_t saturday = c.pub_days - (wd >= 6 ? wd - 6 : wd + 1) + 7 * r.n;
      int64_t sunday = std::min<int64_t>(saturday + 1, c.pub_days);
      out->date = CivilFromDays(saturday);
      if (sunday != saturday) out->date_end = CivilFromDays(sunday);
      out->precision = DatePrecision::kDay;
      break;
    }
    case Rule::kMonth: {
      int months = p.year * 12 + (p.month - 1) + r.n;
      out->date = CivilDate{months / 12, months % 12 + 1, 0};
      out->precision = DatePrecision::kMonth;
      break;
    }
    case Rule::kYear:
      out->date = CivilDate{p.year + r.n, 0, 0};
      out->precision = DatePrecision::kYear;
      break;
  }
  return true;
}

bool TimexParser::TryHoliday(Ctx& c, size_t i, Timex* out, size_t* end) const {
  const auto& t = c.tokens;
  const size_t n = t.size();
  size_t e = 0;
  const int id = holidays_.MatchForward(c.keys, i, &e);
  if (id < 0 || !StartsUpper(TokenText(c.text, t[i]))) return false;  // a proper noun
  const Holiday& h = holiday_rules_[static_cast<size_t>(id)];
  size_t k = e;
  if (k < n && t[k].kind == TokenKind::kWord &&
      (holiday_suffix_.contains(c.keys[k]) || wd_suffix_.contains(c.keys[k]))) {
    ++k;
  }
  // "the day after Thanksgiving": a day counted from the holiday.
  size_t b = i;
  int offset = 0;
  if (i >= 2 && holiday_day_.contains(c.keys[i - 2])) {
    if (const int* o = holiday_offset_.Find(c.keys[i - 1])) {
      offset = *o;
      b = i - 2;
    }
  }
  if (h.cue && k == e && b == i) {  // "Christmas tree": a date only after "on", "over the"
    size_t p = i;
    if (p > 0 && holiday_article_.contains(c.keys[p - 1])) --p;
    if (p == 0 || !holiday_prefix_.contains(c.keys[p - 1])) return false;
  }
  *out = Timex{};
  out->span = Span{t[b].span.begin, t[k - 1].span.end};
  *end = k;
  if (h.kind == Holiday::Kind::kDate && offset == 0) {
    // Like "Dec 25" without a year, for the anchor passes of Find() when P is unknown.
    c.day_month = true;
    c.month = h.month;
    c.day = h.day;
  }
  if (!c.pub) {
    out->date = CivilDate{0, h.kind == Holiday::Kind::kEaster ? 0 : h.month,
                          h.kind == Holiday::Kind::kDate && offset == 0 ? h.day : 0};
    out->precision = DatePrecision::kUnresolved;
    return true;
  }
  int64_t days = HolidayDays(h, c.pub->year) + offset;
  if (days > c.pub_days) days = HolidayDays(h, c.pub->year - 1) + offset;
  out->date = CivilFromDays(days);
  out->precision = DatePrecision::kDay;
  return true;
}

bool TimexParser::TryAgo(Ctx& c, size_t i, Timex* out, size_t* end) const {
  const auto& t = c.tokens;
  // "il y a trois jours" / "three days ago": the ago word before the count or after the unit.
  size_t j = i;
  size_t pe = 0;
  const bool pre = ago_pre_.MatchForward(c.keys, i, &pe) >= 0;
  if (pre) j = pe;
  if (j + (pre ? 1 : 2) >= t.size()) return false;
  // The unit first: most counts ("a", every number) are followed by no unit.
  const std::pair<int, bool>* unit = ago_units_.Find(c.keys[j + 1]);
  if (unit == nullptr) return false;
  int count = -1;
  if (t[j].kind == TokenKind::kNumber) {
    int nd = 0;
    count = DigitsValue(TokenText(c.text, t[j]), &nd);
  } else if (t[j].kind == TokenKind::kWord) {
    if (const int* n = counts_.Find(c.keys[j])) count = *n;
  }
  if (count < 0 || count > 1000) return false;
  size_t last = j + 1;
  if (!pre) {
    if (!ago_post_.contains(c.keys[j + 2])) return false;
    last = j + 2;
  }
  *out = Timex{};
  out->span = Span{t[i].span.begin, t[last].span.end};
  out->relative = true;
  out->past_reference = unit->second;
  *end = last + 1;
  if (!c.pub) return true;
  int per = unit->first;
  CivilDate d = CivilFromDays(c.pub_days - static_cast<int64_t>(count) * per);
  if (per >= 365) {
    out->date = CivilDate{c.pub->year - count, 0, 0};
    out->precision = DatePrecision::kYear;
  } else if (per >= 28) {
    int months = c.pub->year * 12 + (c.pub->month - 1) - count;
    out->date = CivilDate{months / 12, months % 12 + 1, 0};
    out->precision = DatePrecision::kMonth;
  } else {
    out->date = d;
    out->precision = DatePrecision::kDay;
  }
  return true;
}

// Without a publication date, a fully written date in the same article ("August 2, 2024") is
// the best anchor there is: an unresolved weekday takes the closest (in the text) such date that
// falls on that weekday, and a day+month without a year takes the year that puts it nearest to
// the closest fully written date. Nothing else is inferred.
template <typename SeenT>
static void AnchorPass(std::vector<Timex>& out, const std::vector<SeenT>& seen) {
  std::vector<size_t> anchors;
  for (size_t k = 0; k < out.size(); ++k) {
    if (seen[k].explicit_year && out[k].precision == DatePrecision::kDay) anchors.push_back(k);
  }
  if (anchors.empty()) return;
  auto distance = [&](size_t a, size_t b) {
    int64_t d = static_cast<int64_t>(out[a].span.begin) - static_cast<int64_t>(out[b].span.begin);
    return d < 0 ? -d : d;
  };
  for (size_t k = 0; k < out.size(); ++k) {
    Timex& t = out[k];
    if (t.precision != DatePrecision::kUnresolved) continue;
    size_t best = out.size();
    for (size_t a : anchors) {
      const CivilDate& ad = out[a].date;
      int64_t days = TimexParser::DaysFromCivil(ad.year, ad.month, ad.day);
      if (seen[k].day_month) {
        // Any anchor will do; the closest one in the text wins.
      } else if (seen[k].weekday == 0 || TimexParser::IsoWeekday(days) != seen[k].weekday) {
        continue;
      }
      if (best == out.size() || distance(a, k) < distance(best, k)) best = a;
    }
    if (best == out.size()) continue;
    const CivilDate& ad = out[best].date;
    if (seen[k].day_month) {
      int64_t anchor_days = TimexParser::DaysFromCivil(ad.year, ad.month, ad.day);
      int best_y = 0;
      int64_t best_cost = 0;
      for (int y = ad.year - 1; y <= ad.year + 1; ++y) {
        if (seen[k].day > TimexParser::DaysInMonth(y, seen[k].month)) continue;
        int64_t diff = TimexParser::DaysFromCivil(y, seen[k].month, seen[k].day) - anchor_days;
        int64_t cost = diff < 0 ? -diff : diff;
        if (best_y == 0 || cost < best_cost) {
          best_y = y;
          best_cost = cost;
        }
      }
      if (best_y == 0) continue;
      t.date = CivilDate{best_y, seen[k].month, seen[k].day};
    } else {
      t.date = ad;
    }
    t.precision = DatePrecision::kDay;
  }
}

std::vector<Timex> TimexParser::Find(std::string_view text, const Doc& doc,
                                     std::optional<CivilDate> published) const {
  TokenKeys keys(text, doc.tokens);
  return Find(text, doc, keys, published);
}

std::vector<Timex> TimexParser::Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                                     std::optional<CivilDate> published) const {
  return FindAmong(text, doc, keys, published, nullptr, doc.tokens.size());
}

std::vector<Timex> TimexParser::Find(std::string_view text, const Doc& doc, const TokenKeys& keys,
                                     std::optional<CivilDate> published,
                                     std::span<const uint32_t> candidates) const {
  return FindAmong(text, doc, keys, published, candidates.data(), candidates.size());
}

std::vector<Timex> TimexParser::FindAmong(std::string_view text, const Doc& doc,
                                          const TokenKeys& keys, std::optional<CivilDate> published,
                                          const uint32_t* given, size_t count) const {
  std::vector<Timex> out;
  if (published && !published->valid()) published.reset();
  Ctx c{text, doc.tokens, keys, published, 0};
  c.sentences = &doc.sentences;
  if (published) {
    int m = published->month > 0 ? published->month : 1;
    int d = published->day > 0 ? published->day : 1;
    c.pub = CivilDate{published->year, m, d};
    c.pub_days = DaysFromCivil(published->year, m, d);
  }
  const size_t n = doc.tokens.size();
  struct Seen {
    int weekday;
    bool explicit_year, day_month;
    int month, day;
  };
  std::vector<Seen> seen;
  // The tokens that can start an expression at all: numbers, hyphenated words, and words whose
  // hash is in starts_' bitmap; collected without a branch per token (which mispredicts at
  // random on running text), then looked up one by one below. Reused per thread.
  thread_local std::vector<uint32_t> cand;
  if (cand.size() < count) cand.resize(count);
  size_t nc = 0;
  // A word that starts only multi-word phrases is dropped here already when the next token
  // is no phrase's second word (the last token is tested against itself: kept, and decided
  // below).
  auto take = [&](size_t i) {
    const TokenKind k = doc.tokens[i].kind;
    const bool word_or_number = k == TokenKind::kWord || k == TokenKind::kNumber;
    const size_t h = keys[i].hash;
    const bool needs_second = MultiOnly(h) & !SecondWord(keys[i + (i + 1 < n)].hash);
    cand[nc] = static_cast<uint32_t>(i);
    nc += static_cast<size_t>(word_or_number & ((k == TokenKind::kNumber) | keys.hyphen(i) |
                                                (starts_.MayContain(h) & !needs_second)));
  };
  if (given == nullptr) {
    for (size_t i = 0; i < count; ++i) take(i);
  } else {
    for (size_t g = 0; g < count; ++g) take(given[g]);  // a superset of what take() keeps
  }
  c.numbers = cand.data();
  c.num_numbers = nc;
  size_t next = 0;  // the tokens before it are inside a timex found
  for (size_t ci = 0; ci < nc; ++ci) {
    const size_t i = cand[ci];
    if (i < next) continue;
    const TokenKind k = doc.tokens[i].kind;
    // Run only the Try* functions that can match here (a skipped one would return false): a
    // number can start a numeric date or a count; "mid-August" a month; the rest needs a word
    // of starts_, and a phrase of two or more words also the next token's second_bits_.
    uint16_t m = 0;
    if (const uint16_t* bits = starts_.Find(keys[i])) m = *bits;
    if (m & (kWdPrefix | kAgoPre | kRelative | kHoliday)) {
      bool second = false;
      if (i + 1 < n) second = SecondWord(keys[i + 1].hash);
      if (!second) {
        if (!(m & kWdPrefixOne)) m &= static_cast<uint16_t>(~kWdPrefix);
        if (!(m & kAgoPreOne)) m &= static_cast<uint16_t>(~kAgoPre);
        if (!(m & kRelativeOne)) m &= static_cast<uint16_t>(~kRelative);
        if (!(m & kHolidayOne)) m &= static_cast<uint16_t>(~kHoliday);
      }
    }
    const bool number = k == TokenKind::kNumber;
    // After a prefix ("on", "early on") a weekday name must follow within the prefix's reach.
    bool weekday = (m & kWdName) != 0;
    if (!weekday && (m & kWdPrefix) != 0) {
      for (size_t w = 1; !weekday && w <= wd_prefix_words_ && i + w < n; ++w) {
        weekday = weekdays_.MayContain(keys[i + w].hash);
      }
    }
    const bool absolute = (number && NumberMayStartDate(c, i)) || (m & kMonth) != 0 ||
                          (keys.hyphen(i) && HyphenMayStartMonth(c, i));
    // Without an "il y a"-like word first, a count needs an ago unit right after it ("three
    // days"): most numbers and "a"s are followed by none.
    const bool ago = (m & kAgoPre) != 0 || ((number || (m & kCount) != 0) && i + 1 < n &&
                                            ago_units_.MayContain(keys[i + 1].hash));
    const bool relative = (m & kRelative) != 0;
    const bool holiday = (m & kHoliday) != 0;
    if (!weekday && !absolute && !ago && !relative && !holiday) continue;
    Timex tx;
    size_t end = 0;
    c.weekday = 0;
    c.explicit_year = c.day_month = false;
    if ((holiday && TryHoliday(c, i, &tx, &end)) || (weekday && TryWeekday(c, i, &tx, &end)) ||
        (absolute && TryAbsolute(c, i, &tx, &end)) || (ago && TryAgo(c, i, &tx, &end)) ||
        (relative && TryRelative(c, i, &tx, &end))) {
      if (c.pub && tx.precision != DatePrecision::kUnresolved) {
        // The last day of the referenced period.
        CivilDate last = tx.date_end.valid() ? tx.date_end : tx.date;
        int lm = last.month > 0 ? last.month : 12;
        int ld = last.day > 0 ? last.day : DaysInMonth(last.year, lm);
        if (DaysFromCivil(last.year, lm, ld) < c.pub_days - 14) tx.past_reference = true;
      }
      out.push_back(tx);
      seen.push_back(Seen{c.weekday, c.explicit_year, c.day_month, c.month, c.day});
      next = end;
    }
  }
  if (!c.pub) {
    AnchorPass(out, seen);
    // Still no year for a day+month: a weekday named with it ("Saturday (Jan 31)") is the same
    // day; so is the weekday the report names for a dateline's day+month ("LAHORE, Dec 14: ...
    // on Saturday"). Elsewhere a weekday paragraphs away is another day ("polls on July 25").
    constexpr int64_t kNear = 80;       // bytes: the same phrase
    constexpr int64_t kDateline = 300;  // bytes from the top: the dateline's reach
    constexpr int64_t kFromDateline = 1500;
    for (size_t k = 0; k < out.size(); ++k) {
      if (out[k].precision != DatePrecision::kUnresolved || !seen[k].day_month) continue;
      const int64_t reach = out[k].span.begin < kDateline ? kFromDateline : kNear;
      size_t best = out.size();
      int64_t best_d = 0;
      for (size_t m = 0; m < out.size(); ++m) {
        if (seen[m].weekday == 0 || out[m].precision != DatePrecision::kUnresolved) continue;
        int64_t d =
            static_cast<int64_t>(out[m].span.begin) - static_cast<int64_t>(out[k].span.begin);
        if (d < 0) d = -d;
        if (d <= reach && (best == out.size() || d < best_d)) {
          best = m;
          best_d = d;
        }
      }
      if (best == out.size()) continue;
      int y = YearForWeekday(seen[k].month, seen[k].day, seen[best].weekday);
      if (y == 0) continue;
      out[k].date = CivilDate{y, seen[k].month, seen[k].day};
      out[k].precision = DatePrecision::kDay;
      out[best].date = out[k].date;
      out[best].precision = DatePrecision::kDay;
    }
  }
  return out;
}

}  // namespace sitrep
