#include "ingest/feed_date.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/data_dir.h"
#include "base/tsv.h"
#include "text/lexicon.h"
#include "text/timex.h"

namespace sitrep {
namespace {

// Month (1-12) and weekday names from the timex tables, lower-cased.
struct NameTables {
  std::unordered_map<std::string, int> months;
  std::unordered_map<std::string, int> weekdays;
};

const NameTables& Tables() {
  static const NameTables tables = [] {
    NameTables t;
    // A missing or bad table is not fatal here: the numeric forms still parse (and the engine's
    // own load reports the table).
    auto fill = [](Result<std::vector<CalendarName>> names,
                   std::unordered_map<std::string, int>* into) {
      if (!names.ok()) return;
      for (CalendarName& n : *names) into->emplace(std::move(n.name), n.number);
    };
    fill(ReadMonthNames(DataDir()), &t.months);
    fill(ReadWeekdayNames(DataDir()), &t.weekdays);
    return t;
  }();
  return tables;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The number made of all of `s`'s digits, at most `max_digits` of them; -1 otherwise.
int Number(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<CivilDate> Make(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > TimexParser::DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return CivilDate{y, m, d};
}

// "2024-03-05" / "2024/3/5" at the start of s, followed by the end, a blank or a 'T'.
std::optional<CivilDate> NumericDate(std::string_view s) {
  if (s.size() < 8 || !IsDigit(s[0]) || (s[4] != '-' && s[4] != '/')) return std::nullopt;
  const char sep = s[4];
  size_t end = s.find_first_of(" \tT");
  std::string_view date = s.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? "" : s.substr(end);
  if (sep == '-') {
    // ISO: two-digit month and day, as CivilDate::FromIso reads them.
    if (date.size() != 10 || date[7] != '-') return std::nullopt;
  } else if (!tail.empty() && tail[0] == 'T') {
    return std::nullopt;
  }
  const size_t second = date.find(sep, 5);
  if (second == std::string_view::npos) return std::nullopt;
  return Make(Number(date.substr(0, 4), 4), Number(date.substr(5, second - 5), 2),
              Number(date.substr(second + 1), 2));
}

// Words and numbers of s: split on blanks and commas, a trailing '.' dropped ("Mar.", "5.").
std::vector<std::string> Words(std::string_view s, std::vector<bool>* comma_after) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
      if (s[i] == ',' && !comma_after->empty()) comma_after->back() = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != ',') ++j;
    std::string_view w = s.substr(i, j - i);
    if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
    words.push_back(LowerString(w));
    comma_after->push_back(false);
    i = j;
  }
  return words;
}

// "[weekday,] 5 March 2024 ..." and "[weekday,] March 5, 2024 ...".
std::optional<CivilDate> NamedMonthDate(std::string_view s) {
  const NameTables& t = Tables();
  std::vector<bool> comma_after;
  std::vector<std::string> w = Words(s, &comma_after);
  size_t i = 0;
  if (!w.empty() && t.weekdays.count(w[0]) > 0 && comma_after[0]) i = 1;
  if (w.size() < i + 3) return std::nullopt;
  auto month = [&](const std::string& word) {
    auto it = t.months.find(word);
    return it == t.months.end() ? -1 : it->second;
  };
  const int year = Number(w[i + 2], 4);
  if (w[i + 2].size() != 4) return std::nullopt;
  if (const int m = month(w[i + 1]); m > 0 && !comma_after[i]) {
    return Make(year, m, Number(w[i], 2));  // day month year
  }
  if (const int m = month(w[i]); m > 0 && !comma_after[i]) {
    return Make(year, m, Number(w[i + 1], 2));  // month day, year
  }
  return std::nullopt;
}

}  // namespace

std::optional<CivilDate> ParseFeedDate(std::string_view s) {
  s = TrimBlanks(s);
  if (s.empty()) return std::nullopt;
  if (IsDigit(s[0]) && s.size() >= 8 && (s[4] == '-' || s[4] == '/')) return NumericDate(s);
  return NamedMonthDate(s);
}

}  // namespace sitrep
