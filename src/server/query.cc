#include "server/query.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

namespace sitrep {
namespace {

constexpr size_t kMaxParamBytes = 1024;  // longer values are certainly not meant

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool ParseSize(std::string_view s, size_t* out) {
  if (s.empty() || s.size() > 12) return false;
  size_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  *out = v;
  return true;
}

std::vector<std::string> SplitList(std::string_view s, bool upper) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string_view item = s.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      std::string v = AsciiLower(item);
      if (upper) {
        for (char& c : v) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      }
      out.push_back(std::move(v));
    }
    start = comma + 1;
  }
  return out;
}

// Strict YYYY[-MM[-DD]] with a real calendar day (CivilDate::FromIso is more lenient).
std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return std::nullopt;
  }
  auto num = [&s](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  CivilDate d;
  d.year = num(0, 4);
  if (d.year == 0) return std::nullopt;
  if (s.size() >= 7) {
    d.month = num(5, 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (s.size() == 10) {
    d.day = num(8, 2);
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int max = d.month == 2 && !leap ? 28 : kDays[d.month - 1];
    if (d.day < 1 || d.day > max) return std::nullopt;
  }
  return d;
}

Status Bad(std::string_view name, std::string_view why) {
  return InvalidArgument("parameter '" + std::string(name) + "': " + std::string(why));
}

// The last day a possibly partial date can mean (2024-05 -> 2024-05-31), for range overlap.
CivilDate EndOf(CivilDate d) {
  if (d.month == 0) d.month = 12;
  if (d.day == 0) d.day = 31;
  return d;
}

bool Contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

void AppendLower(std::string* out, std::string_view s) {
  if (s.empty()) return;
  out->append(AsciiLower(s));
  out->push_back('\n');  // a separator no query can span
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

Result<IncidentQuery> ParseIncidentQuery(const QueryParams& params,
                                         const std::vector<std::string_view>& extra_allowed) {
  IncidentQuery q;
  std::set<std::string_view> seen;
  for (const auto& [key, value] : params) {
    if (!seen.insert(key).second) return Bad(key, "given more than once");
    if (value.size() > kMaxParamBytes) return Bad(key, "value too long");
    if (key == "date_from" || key == "date_to") {
      auto d = ParseIsoDate(value);
      if (!d) return Bad(key, "expected YYYY[-MM[-DD]]");
      (key == "date_from" ? q.date_from : q.date_to) = *d;
    } else if (key == "country") {
      q.countries = SplitList(value, /*upper=*/true);
      // A country name ("Pakistan") would match nothing and answer an empty list: say why.
      for (const std::string& c : q.countries) {
        if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
            !std::isalpha(static_cast<unsigned char>(c[1]))) {
          return Bad(key, "expected ISO 3166-1 alpha-2 codes (e.g. PK,NG), got '" + value + "'");
        }
      }
    } else if (key == "admin1") {
      q.admin1 = SplitList(value, false);
    } else if (key == "event_type") {
      q.event_types = SplitList(value, false);
    } else if (key == "actor") {
      q.actor = AsciiLower(value);
    } else if (key == "q") {
      q.q = AsciiLower(value);
    } else if (key == "min_killed") {
      double v = 0;
      if (!ParseDouble(value, &v) || v < 0) return Bad(key, "expected a number >= 0");
      q.min_killed = v;
    } else if (key == "bbox") {
      std::array<double, 4> b{};
      size_t start = 0;
      for (int k = 0; k < 4; ++k) {
        size_t comma = k < 3 ? value.find(',', start) : value.size();
        if (comma == std::string::npos) return Bad(key, "expected minlon,minlat,maxlon,maxlat");
        if (!ParseDouble(std::string_view(value).substr(start, comma - start), &b[k])) {
          return Bad(key, "expected minlon,minlat,maxlon,maxlat");
        }
        start = comma + 1;
      }
      if (b[0] > b[2] || b[1] > b[3] || b[1] < -90 || b[3] > 90 || b[0] < -180 || b[2] > 180) {
        return Bad(key, "expected minlon<=maxlon, minlat<=maxlat within [-180,180]x[-90,90]");
      }
      q.bbox = b;
    } else if (key == "parent") {
      if (value.empty()) return Bad(key, "expected a story id or 'none'");
      q.parent = value;
    } else if (key == "sort") {
      if (value == "date") {
        q.sort = IncidentQuery::Sort::kDateAsc;
      } else if (value == "-date") {
        q.sort = IncidentQuery::Sort::kDateDesc;
      } else if (value == "killed") {
        q.sort = IncidentQuery::Sort::kKilledAsc;
      } else if (value == "-killed") {
        q.sort = IncidentQuery::Sort::kKilledDesc;
      } else {
        return Bad(key, "expected date, -date, killed or -killed");
      }
    } else if (key == "limit") {
      size_t v = 0;
      if (!ParseSize(value, &v) || v < 1 || v > kMaxQueryLimit) {
        return Bad(key, "expected an integer in [1, " + std::to_string(kMaxQueryLimit) + "]");
      }
      q.limit = v;
    } else if (key == "offset") {
      size_t v = 0;
      if (!ParseSize(value, &v)) return Bad(key, "expected an integer >= 0");
      q.offset = v;
    } else if (std::find(extra_allowed.begin(), extra_allowed.end(), key) == extra_allowed.end()) {
      return Bad(key, "unknown parameter");
    }
  }
  if (q.date_from && q.date_to && EndOf(*q.date_to) < *q.date_from) {
    return Bad("date_to", "before date_from");
  }
  return q;
}

IncidentIndex::IncidentIndex(IncidentSet set) : set_(std::move(set)) {
  const auto& incs = set_.incidents;
  haystack_.resize(incs.size());
  for (size_t i = 0; i < incs.size(); ++i) {
    const Incident& inc = incs[i];
    by_id_.emplace(inc.id, i);
    if (!inc.parent.empty()) children_[inc.parent].push_back(i);
    for (const auto* docs : {&inc.documents, &inc.mentions}) {
      for (const std::string& d : *docs) {
        auto& v = by_doc_[d];
        if (v.empty() || v.back() != i) v.push_back(i);
      }
    }
    std::string& h = haystack_[i];
    for (std::string_view s :
         {std::string_view(inc.place), std::string_view(inc.admin1), std::string_view(inc.admin2),
          std::string_view(inc.country), std::string_view(inc.perpetrator),
          std::string_view(inc.event_type), std::string_view(inc.sub_event_type)}) {
      AppendLower(&h, s);
    }
    for (const Claim& c : inc.claims) {
      AppendLower(&h, c.quote);
      AppendLower(&h, c.source);
      AppendLower(&h, c.attributed_to);
    }
  }
}

const Incident* IncidentIndex::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &set_.incidents[it->second];
}

const std::vector<size_t>& IncidentIndex::Children(std::string_view id) const {
  static const std::vector<size_t> kNone;
  auto it = children_.find(std::string(id));
  return it == children_.end() ? kNone : it->second;
}

const std::vector<size_t>& IncidentIndex::IncidentsOfDocument(std::string_view doc_id) const {
  static const std::vector<size_t> kNone;
  auto it = by_doc_.find(std::string(doc_id));
  return it == by_doc_.end() ? kNone : it->second;
}

bool IncidentIndex::Matches(size_t i, const IncidentQuery& q) const {
  const Incident& inc = set_.incidents[i];
  if (q.parent) {
    if (*q.parent == "none") {
      if (!inc.parent.empty()) return false;
    } else if (inc.parent != *q.parent) {
      return false;
    }
  }
  if (q.date_from || q.date_to) {
    if (!inc.date || !inc.date->valid()) return false;
    CivilDate start = *inc.date;
    CivilDate end = EndOf(inc.date_end && inc.date_end->valid() ? *inc.date_end : *inc.date);
    if (q.date_from && end < *q.date_from) return false;
    if (q.date_to && EndOf(*q.date_to) < start) return false;
  }
  if (!q.countries.empty()) {
    std::string c = inc.country;
    for (char& ch : c) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    if (!Contains(q.countries, c)) return false;
  }
  if (!q.admin1.empty() && !Contains(q.admin1, AsciiLower(inc.admin1))) return false;
  if (!q.event_types.empty() && !Contains(q.event_types, AsciiLower(inc.event_type)) &&
      !Contains(q.event_types, AsciiLower(inc.sub_event_type))) {
    return false;
  }
  if (!q.actor.empty() && AsciiLower(inc.perpetrator).find(q.actor) == std::string::npos) {
    return false;
  }
  if (q.min_killed && (!inc.killed || inc.killed->best < *q.min_killed)) return false;
  if (q.bbox) {
    if (!inc.lat || !inc.lon) return false;
    const auto& b = *q.bbox;
    if (*inc.lon < b[0] || *inc.lon > b[2] || *inc.lat < b[1] || *inc.lat > b[3]) return false;
  }
  if (!q.q.empty() && haystack_[i].find(q.q) == std::string::npos) return false;
  return true;
}

std::vector<size_t> IncidentIndex::Select(const IncidentQuery& q) const {
  std::vector<size_t> out;
  const auto& incs = set_.incidents;
  if (q.parent && *q.parent != "none") {
    for (size_t i : Children(*q.parent)) {
      if (Matches(i, q)) out.push_back(i);
    }
  } else {
    for (size_t i = 0; i < incs.size(); ++i) {
      if (Matches(i, q)) out.push_back(i);
    }
  }
  using Sort = IncidentQuery::Sort;
  const bool by_date = q.sort == Sort::kDateAsc || q.sort == Sort::kDateDesc;
  const bool desc = q.sort == Sort::kDateDesc || q.sort == Sort::kKilledDesc;
  // Unknown keys sort last in both directions; ties by id keep the order deterministic.
  std::sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    const Incident& x = incs[a];
    const Incident& y = incs[b];
    if (by_date) {
      bool hx = x.date && x.date->valid(), hy = y.date && y.date->valid();
      if (hx != hy) return hx;
      if (hx && *x.date != *y.date) return desc ? *y.date < *x.date : *x.date < *y.date;
    } else {
      bool hx = x.killed.has_value(), hy = y.killed.has_value();
      if (hx != hy) return hx;
      if (hx && x.killed->best != y.killed->best) {
        return desc ? x.killed->best > y.killed->best : x.killed->best < y.killed->best;
      }
    }
    return x.id < y.id;
  });
  return out;
}

}  // namespace sitrep
