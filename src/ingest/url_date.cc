#include "ingest/url_date.h"

namespace sitrep {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads n digits at s[i..i+n) into *v; false when s is too short or a byte is no digit.
bool Digits(std::string_view s, size_t i, size_t n, int* v) {
  if (i + n > s.size()) return false;
  int x = 0;
  for (size_t k = i; k < i + n; ++k) {
    if (!IsDigit(s[k])) return false;
    x = x * 10 + (s[k] - '0');
  }
  *v = x;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<CivilDate> Make(int y, int m, int d) {
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return CivilDate{y, m, d};
}

// True when position i ends a segment-like token: end of path, '/', or a slug separator.
bool Closes(std::string_view s, size_t i, bool slug_ok) {
  if (i >= s.size()) return true;
  const char c = s[i];
  return c == '/' || (slug_ok && (c == '-' || c == '_' || c == '.'));
}

// The date that starts right after the '/' at s[i - 1], if any.
std::optional<CivilDate> DateAt(std::string_view s, size_t i) {
  int y = 0, m = 0, d = 0;
  if (!Digits(s, i, 4, &y)) return std::nullopt;
  const size_t after_year = i + 4;
  if (after_year < s.size() && s[after_year] == '/') {
    // "/YYYY/MM/DD": month and day each one or two digits, the day closed by '/' or a slug.
    size_t j = after_year + 1;
    size_t mlen = 0;
    while (j + mlen < s.size() && IsDigit(s[j + mlen]) && mlen < 3) ++mlen;
    if (mlen == 0 || mlen > 2 || j + mlen >= s.size() || s[j + mlen] != '/') return std::nullopt;
    Digits(s, j, mlen, &m);
    j += mlen + 1;
    size_t dlen = 0;
    while (j + dlen < s.size() && IsDigit(s[j + dlen]) && dlen < 3) ++dlen;
    if (dlen == 0 || dlen > 2 || !Closes(s, j + dlen, /*slug_ok=*/true)) return std::nullopt;
    Digits(s, j, dlen, &d);
    return Make(y, m, d);
  }
  if (after_year < s.size() && (s[after_year] == '-' || s[after_year] == '_')) {
    // "/YYYY-MM-DD" with the same separator twice, then no further digit.
    const char sep = s[after_year];
    if (!Digits(s, after_year + 1, 2, &m) || after_year + 3 >= s.size() ||
        s[after_year + 3] != sep || !Digits(s, after_year + 4, 2, &d)) {
      return std::nullopt;
    }
    const size_t end = after_year + 6;
    if (end < s.size() && IsDigit(s[end])) return std::nullopt;
    return Make(y, m, d);
  }
  // "/YYYYMMDD" as a whole token: exactly eight digits.
  if (Digits(s, after_year, 2, &m) && Digits(s, after_year + 2, 2, &d) &&
      Closes(s, after_year + 4, /*slug_ok=*/true)) {
    return Make(y, m, d);
  }
  return std::nullopt;
}

}  // namespace

std::optional<CivilDate> DateFromUrl(std::string_view url) {
  // Only the path: drop the fragment and query, then the scheme and host.
  url = url.substr(0, url.find_first_of("?#"));
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    const size_t path = url.find('/', scheme + 3);
    if (path == std::string_view::npos) return std::nullopt;
    url = url.substr(path);
  }
  for (size_t i = url.find('/'); i != std::string_view::npos; i = url.find('/', i + 1)) {
    if (std::optional<CivilDate> d = DateAt(url, i + 1)) return d;
  }
  return std::nullopt;
}

}  // namespace sitrep
