#include "model/article.h"

#include <cstdio>

namespace sitrep {

std::string CivilDate::ToIso() const {
  if (!valid()) return "";
  // A full date of years 1-9999 (every date written into a reason or a row) without printf.
  if (year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    char out[10];
    auto two = [](char* p, int v) {
      p[0] = static_cast<char>('0' + v / 10);
      p[1] = static_cast<char>('0' + v % 10);
    };
    two(out, year / 100);
    two(out + 2, year % 100);
    out[4] = '-';
    two(out + 5, month);
    out[7] = '-';
    two(out + 8, day);
    return std::string(out, sizeof out);
  }
  char buf[48];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::optional<CivilDate> CivilDate::FromIso(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, &d.year) || d.year < 1) return std::nullopt;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2, &d.month) || d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (s.size() >= 10) {
    if (s[7] != '-' || !digits(8, 2, &d.day) || d.day < 1 || d.day > 31) return std::nullopt;
  }
  return d;
}

}  // namespace sitrep
