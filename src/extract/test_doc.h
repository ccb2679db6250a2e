// A stand-in for the text stage in extraction's unit tests: builds a Doc with sentences (split at
// ". ", "! ", "? " and line breaks) and quantities (digits and English number words with a
// qualifier), so extraction can be tested on its own. Not a tokenizer: tests only.
#ifndef SITREP_EXTRACT_TEST_DOC_H_
#define SITREP_EXTRACT_TEST_DOC_H_

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "model/doc.h"

namespace sitrep {
namespace testing_doc {

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline Doc MakeDoc(std::string_view text) {
  Doc doc;
  // Sentences.
  size_t b = 0;
  auto push_sentence = [&](size_t from, size_t to) {
    while (from < to && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
    while (to > from && std::isspace(static_cast<unsigned char>(text[to - 1]))) --to;
    if (to > from) doc.sentences.push_back({{uint32_t(from), uint32_t(to)}, 0, 0});
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      push_sentence(b, i);
      b = i + 1;
    } else if ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ') {
      size_t j = i + 1;
      if (j < text.size() && text[j] == '"') ++j;
      push_sentence(b, i + 1);
      b = i + 1;
    }
  }
  push_sentence(b, text.size());
  // Quantities.
  static const std::pair<const char*, double> kWords[] = {
      {"one", 1},      {"two", 2},     {"three", 3},     {"four", 4},    {"five", 5},
      {"six", 6},      {"seven", 7},   {"eight", 8},     {"nine", 9},    {"ten", 10},
      {"eleven", 11},  {"twelve", 12}, {"fourteen", 14}, {"twenty", 20}, {"dozens", 36},
      {"a dozen", 12}, {"scores", 40}};
  static const std::pair<const char*, Qualifier> kQual[] = {
      {"at least ", Qualifier::kAtLeast}, {"more than ", Qualifier::kMoreThan},
      {"over ", Qualifier::kMoreThan},    {"about ", Qualifier::kAbout},
      {"some ", Qualifier::kAbout},       {"nearly ", Qualifier::kAbout},
      {"as many as ", Qualifier::kUpTo},  {"up to ", Qualifier::kUpTo}};
  std::string low = Lower(text);
  auto word_start = [&](size_t i) {
    return i == 0 || !std::isalnum(static_cast<unsigned char>(low[i - 1]));
  };
  size_t i = 0;
  while (i < low.size()) {
    if (!word_start(i)) {
      ++i;
      continue;
    }
    Quantity q;
    size_t start = i, p = i;
    for (const auto& [qs, qual] : kQual) {
      if (low.compare(p, std::char_traits<char>::length(qs), qs) == 0) {
        q.qualifier = qual;
        p += std::char_traits<char>::length(qs);
        break;
      }
    }
    size_t ne = p;
    double v = -1;
    if (p < low.size() && std::isdigit(static_cast<unsigned char>(low[p]))) {
      v = 0;
      while (ne < low.size() && std::isdigit(static_cast<unsigned char>(low[ne])))
        v = v * 10 + (low[ne++] - '0');
    } else {
      for (const auto& [ws, wv] : kWords) {
        size_t n = std::char_traits<char>::length(ws);
        if (low.compare(p, n, ws) == 0 &&
            (p + n == low.size() || !std::isalnum(static_cast<unsigned char>(low[p + n])))) {
          v = wv;
          ne = p + n;
          break;
        }
      }
    }
    if (v < 0 || (ne < low.size() && std::isalpha(static_cast<unsigned char>(low[ne])))) {
      ++i;
      continue;
    }
    q.span = {uint32_t(start), uint32_t(ne)};
    q.number_span = {uint32_t(p), uint32_t(ne)};
    q.value = q.low = q.high = v;
    if (low.compare(p, 6, "dozens") == 0) {
      q.qualifier = Qualifier::kVague;
      q.low = 24;
      q.high = 99;
    }
    doc.quantities.push_back(q);
    i = ne;
  }
  return doc;
}

// Adds a resolved timex over the first occurrence of `phrase`.
inline void AddTimex(std::string_view text, Doc* doc, std::string_view phrase, CivilDate date,
                     DatePrecision precision, bool past = false) {
  size_t at = text.find(phrase);
  if (at == std::string_view::npos) return;
  Timex t;
  t.span = {uint32_t(at), uint32_t(at + phrase.size())};
  t.date = date;
  t.precision = precision;
  t.past_reference = past;
  doc->timexes.push_back(t);
}

}  // namespace testing_doc
}  // namespace sitrep

#endif  // SITREP_EXTRACT_TEST_DOC_H_
