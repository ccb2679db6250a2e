#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <span>

#include "base/data_dir.h"

namespace sitrep {
namespace {

using Responsibility = ActorMention::Responsibility;

// Days since 1970-01-01 (Howard Hinnant's algorithm); missing month/day count as the first.
long DaysFromCivil(CivilDate d) {
  int y = d.year, m = d.month > 0 ? d.month : 1, dd = d.day > 0 ? d.day : 1;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// A timex that names a time well before publication: the sentence recalls, it does not report.
bool RecallsPast(const Timex& t, const std::optional<CivilDate>& published) {
  if (t.past_reference) return true;
  if (!t.date.valid() || !published || !published->valid()) return false;
  // Measure from the end of the timex's period: "in August 2024" lasts until the end of August.
  long slack = t.precision == DatePrecision::kYear    ? 366
               : t.precision == DatePrecision::kMonth ? 31
                                                      : 0;
  return DaysFromCivil(*published) - DaysFromCivil(t.date) - slack > 45;
}

// Payload of a "here" row of background_cues.tsv ("the same village"): a recall at the article's
// own place.
constexpr uint32_t kSamePlaceCue = 3;
// A background cue that compares the news with another case ("the second shooting in a week").
constexpr uint32_t kOtherCaseCue = 4;
// A later occasion about an attack ("sentenced", "the anniversary of", "marched"): a sentence
// whose violence is the occasion's object (the cue comes before every trigger) recalls it.
constexpr uint32_t kOccasionCue = 5;

// Payload of an "outlet" row of place_cues.tsv in after_ (resident and facility rows are 1).
constexpr uint32_t kOutletCue = 2;
// Payload of an "agency" row of place_cues.tsv in after_: it marks only a county's agency.
constexpr uint32_t kAgencyCue = 3;
// Payload of a "venue" row of place_cues.tsv in after_: a facility when capitalised.
constexpr uint32_t kVenueCue = 4;

// Whether a dateline's tail starts at byte `k`: capitalised words, numbers and commas (none,
// ", Somalia", ", March 3"), perhaps the agency in parentheses, then a dash or a colon.
bool DatelineTail(std::string_view text, size_t k) {
  const size_t stop = std::min(text.size(), k + 60);
  bool word_start = true;
  for (; k < stop; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c == '(' || c == '-' || c == ':' || c == '\n' || c == 0xE2) break;
    if (c == ' ' || c == ',' || c == '.') {
      word_start = true;
      continue;
    }
    if (word_start && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c < 0x80) return false;
    word_start = false;
  }
  if (k < text.size() && text[k] == '(') {
    const size_t close = text.find(')', k);
    if (close == std::string_view::npos || close - k > 40) return false;
    k = close + 1;
    while (k < text.size() && text[k] == ' ') ++k;
  }
  return k < text.size() &&
         (text[k] == '-' || text[k] == ':' || text.compare(k, 3, "\xE2\x80\x94") == 0 ||
          text.compare(k, 3, "\xE2\x80\x93") == 0);
}

// Whether the timex at `sp` is a dateline's date: only capitalised words and commas stand
// before it on its line ("KABUL, ", "MOGADISHU, Somalia, ") and a dateline's tail follows it
// ("March 3 (Reuters) -", "Dec 14:").
bool OpensADateline(std::string_view text, Span sp) {
  size_t line = sp.begin == 0 ? std::string_view::npos : text.rfind('\n', sp.begin - 1);
  line = line == std::string_view::npos ? 0 : line + 1;
  if (sp.begin <= line || sp.begin - line > 60) return false;
  bool word_start = true;
  for (size_t k = line; k < sp.begin; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c == ' ' || c == ',') {
      word_start = true;
      continue;
    }
    if (word_start && !(c >= 'A' && c <= 'Z') && c < 0x80) return false;
    word_start = false;
  }
  return DatelineTail(text, sp.end);
}

// Whether `pm` names a county: a district, or a town that stands for the county the text names
// (PlaceMention::via_county, "the Boyle County sheriff" read as Danville).
bool NamesCounty(const PlaceMention& pm) {
  return pm.via_county || pm.place.level == GeoLevel::kDistrict;
}

std::string PlaceKey(const Place& p) {
  if (p.gazetteer_id != 0) {
    // Written in place: "g" + std::to_string built and moved two strings per place.
    char buf[24] = {'g'};
    char* end = std::to_chars(buf + 1, buf + sizeof(buf), p.gazetteer_id).ptr;
    return std::string(buf, static_cast<size_t>(end - buf));
  }
  return p.country + "|" + p.admin1 + "|" + p.admin2 + "|" + p.name;
}

int Level(const Place& p) { return static_cast<int>(p.level); }

// True when province `c` holds place `f`: the same admin1, or — where the gazetteer's sources
// disagree on the hierarchy (a province listed as a state, its towns under a region) — the town
// lies within kProvinceReachKm of the province's point.
bool Contains(const Place& c, const Place& f) {
  if (!c.admin1.empty() && c.admin1 == f.admin1) return true;
  if (!c.has_coords || !f.has_coords) return false;
  constexpr double kProvinceReachKm = 75;
  return KmBetween(c.lat, c.lon, f.lat, f.lon) <= kProvinceReachKm;
}

// True when town `f` lies in the county that `county` (a district, or the town standing for
// it) names: the same admin2 of the same province, or — the gazetteer gives a town one county
// though it may straddle a line — within kCountyReachKm of the county's point.
bool InCounty(const Place& county, const Place& f) {
  if (county.country != f.country || county.admin1 != f.admin1) return false;
  if (!county.admin2.empty() && county.admin2 == f.admin2) return true;
  if (!county.has_coords || !f.has_coords) return false;
  return KmBetween(county.lat, county.lon, f.lat, f.lon) <= kCountyReachKm;
}

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

// True when clause punctuation stands between spans a and b: they belong to different clauses
// ("charged Tuesday, a day after the shooting").
bool InOtherClause(std::string_view text, Span a, Span b) {
  const uint32_t lo = std::min(a.end, b.end), hi = std::max(a.begin, b.begin);
  return lo < hi && hi <= text.size() &&
         text.substr(lo, hi - lo).find_first_of(",;:()") != std::string_view::npos;
}

// The span a date reaches for the clause tests: its own, or up to the comma after it when it
// opens its sentence (at most one word, "On", before it): "On Thursday, the jury declined".
Span FrontedReach(std::string_view text, Span sentence, Span tx) {
  if (tx.begin < sentence.begin || tx.end >= text.size()) return tx;
  int words = 0;
  bool in_word = false;
  for (uint32_t k = sentence.begin; k < tx.begin; ++k) {
    const unsigned char ch = static_cast<unsigned char>(text[k]);
    if (ch == ' ' || ch == '\t' || ch == '\n') {
      in_word = false;
    } else if (std::isalpha(ch) == 0) {
      return tx;  // punctuation or a number before the date: not the sentence's opening
    } else if (!in_word) {
      in_word = true;
      if (++words > 1) return tx;
    }
  }
  uint32_t k = tx.end;
  while (k < text.size() && text[k] == ' ') ++k;
  if (k < text.size() && text[k] == ',') return Span{tx.begin, k + 1};
  return tx;
}

// Items grouped by sentence in one flat array: per-sentence lists without a vector (and an
// allocation) per sentence. Add() every item first, then Build() once; items keep the order they
// were added in within their sentence.
class SentenceLists {
 public:
  explicit SentenceLists(size_t num_sentences) : off_(num_sentences + 2, 0) {}
  void Add(uint32_t sentence, uint32_t item) {
    pending_.push_back({sentence, item});
    ++off_[sentence + 2];
  }
  void Build() {
    for (size_t k = 2; k < off_.size(); ++k) off_[k] += off_[k - 1];
    items_.resize(pending_.size());
    for (const auto& [sentence, item] : pending_) items_[off_[sentence + 1]++] = item;
  }
  struct Range {
    const uint32_t* b;
    const uint32_t* e;
    const uint32_t* begin() const { return b; }
    const uint32_t* end() const { return e; }
  };
  Range operator[](size_t s) const {
    return {items_.data() + off_[s], items_.data() + off_[s + 1]};
  }

 private:
  std::vector<uint32_t> off_;  // after Build(): sentence s holds items_[off_[s], off_[s + 1])
  std::vector<std::pair<uint32_t, uint32_t>> pending_;
  std::vector<uint32_t> items_;
};

// A kind of cue row (the value of a data file's kind column), the trie its phrases fill and what
// a match of the row reports: a table, so a new kind is one row.
struct CueKind {
  std::string_view name;
  PhraseTrie* trie;
  uint32_t payload;
};

// Adds `phrase` to the trie of the kind named `value`, read from column `column` (1-based) of a
// row. A value no kind has is an error naming the column, the value and the kinds there are
// (ForEachTsvRow adds the file and the line).
Status AddCue(std::span<const CueKind> kinds, int column, std::string_view value,
              std::string_view phrase) {
  for (const CueKind& k : kinds) {
    if (value == k.name) {
      k.trie->Add(phrase, k.payload);
      return Status::Ok();
    }
  }
  std::string names;
  for (const CueKind& k : kinds) names += (names.empty() ? "" : ", ") + std::string(k.name);
  return InvalidArgument("column " + std::to_string(column) + ": kind \"" + std::string(value) +
                         "\" is not one of " + names);
}

}  // namespace

bool Extractor::CueBefore(const PhraseTrie& cues, const WordStream& w, size_t sentence_begin,
                          size_t place_word, size_t reach) {
  // The cue ends at most `reach` words before the place, with no punctuation in between.
  size_t lo = place_word > sentence_begin + reach ? place_word - reach : sentence_begin;
  for (size_t j = place_word; j-- > lo;) {
    if (w[j].kind == WordKind::kPunct) return false;
    uint32_t payload = 0;
    if (cues.Match(w, j, place_word, &payload) > 0) return true;
  }
  return false;
}

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& data_dir) {
  std::string dir = (data_dir.empty() ? DataDir() : data_dir) + "/extract";
  std::unique_ptr<Extractor> x(new Extractor());
  auto actors = ActorLexicon::Load(dir);
  if (!actors.ok()) return actors.status();
  x->actors_ = std::move(actors).value();
  auto triggers = TriggerLexicon::Load(dir);
  if (!triggers.ok()) return triggers.status();
  x->triggers_ = std::move(triggers).value();
  auto claims = ClaimExtractor::Load(dir);
  if (!claims.ok()) return claims.status();
  x->claims_ = std::move(claims).value();
  auto suspects = SuspectFinder::Load(dir);
  if (!suspects.ok()) return suspects.status();
  x->suspects_ = std::move(suspects).value();
  // Strong cues (payload 2) make a sentence background, weak ones (1) only a sentence with no
  // figure or date of the news; "none" (0) cancels a shorter cue it contains.
  const CueKind background_kinds[] = {
      {"strong", &x->background_, 2},
      {"weak", &x->background_, 1},
      {"none", &x->background_, 0},
      {"here", &x->background_, kSamePlaceCue},
      {"other", &x->background_, kOtherCaseCue},
      {"occasion", &x->background_, kOccasionCue},
  };
  Status st = ForEachTsvRow(dir + "/background_cues.tsv", 2, [&](const auto& cols, int) {
    return AddCue(background_kinds, 2, cols[1], cols[0]);
  });
  if (!st.ok()) return st;
  // An area around a place ("the suburbs of X") is read like a destination before the place
  // (never the scene) and like a home after it ("the X suburbs"); a distance from a place ("3
  // miles east of X") like a home; after_ tells its kinds apart by payload.
  const CueKind place_kinds[] = {
      {"destination", &x->destination_, 1}, {"area_before", &x->destination_, 1},
      {"area_after", &x->after_, 1},        {"spread", &x->spread_, 1},
      {"origin", &x->origin_, 1},           {"near", &x->origin_, 1},
      {"resident", &x->after_, 1},          {"facility", &x->after_, 1},
      {"outlet", &x->after_, kOutletCue},   {"agency", &x->after_, kAgencyCue},
      {"venue", &x->after_, kVenueCue},     {"institution", &x->institution_, 1},
  };
  st = ForEachTsvRow(dir + "/place_cues.tsv", 2, [&](const auto& cols, int) {
    return AddCue(place_kinds, 1, cols[0], cols[1]);
  });
  if (!st.ok()) return st;
  {
    const std::string path = dir + "/procedure_cues.tsv";
    if (std::FILE* f = std::fopen(path.c_str(), "r")) {
      std::fclose(f);
      const CueKind procedure_kinds[] = {{"step", &x->procedure_, 1},
                                         {"statement", &x->procedure_, 2},
                                         {"stamp", &x->procedure_, 3},
                                         {"followup", &x->procedure_, 4}};
      st = ForEachTsvRow(path, 1, [&](const auto& cols, int) {
        // The kind column may be left out or empty: a step.
        const std::string_view kind = cols.size() > 1 && !cols[1].empty() ? cols[1] : "step";
        for (std::string_view ph : SplitBar(cols[0])) {
          Status added = AddCue(procedure_kinds, 2, kind, ph);
          if (!added.ok()) return added;
        }
        return Status::Ok();
      });
      if (!st.ok()) return st;
    }
  }
  st = ForEachTsvRow(dir + "/recall_frames.tsv", 2, [&](const auto& cols, int) {
    x->recall_frames_.emplace(LowerString(cols[0]), LowerString(cols[1]));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  const CueKind wave_kinds[] = {{"wave", &x->wave_, 1}, {"tally", &x->wave_, 2}};
  st = ForEachTsvRow(dir + "/wave_cues.tsv", 1, [&](const auto& cols, int) {
    // The kind column may be left out: a wave.
    return AddCue(wave_kinds, 2, cols.size() > 1 ? cols[1] : "wave", cols[0]);
  });
  if (!st.ok()) return st;
  const WordClassSpec classes[] = {{"definite", &x->definite_},
                                   {"aside", &x->asides_},
                                   {"home_prep", &x->home_preps_},
                                   {"place_coord", &x->place_coord_},
                                   {"additive", &x->additives_}};
  st = LoadWordClasses(dir + "/function_words.tsv", classes);
  if (!st.ok()) return st;
  // Last, once every trie is complete. Every trie matched against the article's stream must be
  // registered, or a stream made with the index would hide its phrases.
  bool all = x->actors_->RegisterTries(&x->start_index_) &&
             x->triggers_->RegisterTries(&x->start_index_) &&
             x->claims_->RegisterTries(&x->start_index_) &&
             x->suspects_->RegisterTries(&x->start_index_);
  for (PhraseTrie* t : {&x->background_, &x->wave_, &x->destination_, &x->spread_, &x->origin_,
                        &x->after_, &x->institution_, &x->procedure_}) {
    all = all && x->start_index_.Register(t);
  }
  x->indexed_ = all;
  return x;
}

DocAnalysis Extractor::Extract(const Article& article, const Doc& doc,
                               std::vector<PlaceMention> places) const {
  return Extract(article, doc, nullptr, std::move(places));
}

DocAnalysis Extractor::Extract(const Article& article, const Doc& doc, const TokenKeys* keys,
                               std::vector<PlaceMention> places) const {
  DocAnalysis out;
  out.doc_id = article.doc_id;
  if (article.published) out.published = *article.published;
  out.copy_of = article.copy_of;
  out.timexes = doc.timexes;
  // Usually already in order: sorting would still move every mention (and its strings). Ties
  // are left to std::sort so that their order stays what it makes of them.
  {
    bool ascending = true;
    for (size_t p = 1; p < places.size() && ascending; ++p) {
      ascending = places[p - 1].span.begin < places[p].span.begin;
    }
    if (!ascending) {
      std::sort(places.begin(), places.end(), [](const PlaceMention& a, const PlaceMention& b) {
        return a.span.begin < b.span.begin;
      });
    }
  }
  if (article.text.empty()) {
    out.places = std::move(places);
    return out;
  }

  WordStream ws(article.text, doc, indexed_ ? &start_index_ : nullptr, keys);
  const WordStream& w = ws;
  const size_t ns = ws.num_sentences();
  out.actors = actors_->Find(ws);
  // A span the actor lexicon knows ("BLA", "the Haqqani Network") is not a place.
  // Compacted in place: most articles drop none, and then nothing moves.
  {
    size_t kept = 0;
    size_t a = 0;
    for (size_t i = 0; i < places.size(); ++i) {
      const PlaceMention& p = places[i];
      while (a < out.actors.size() && out.actors[a].span.end <= p.span.begin) ++a;
      bool overlaps = false;
      for (size_t k = a; k < out.actors.size() && out.actors[k].span.begin < p.span.end; ++k) {
        const ActorMention& am = out.actors[k];
        if (am.actor_class == ActorClass::kArmedGroup && am.span.begin < p.span.end &&
            p.span.begin < am.span.end) {
          overlaps = true;
        }
      }
      if (overlaps) continue;
      if (kept != i) places[kept] = std::move(places[i]);
      ++kept;
    }
    places.erase(places.begin() + static_cast<std::ptrdiff_t>(kept), places.end());
  }
  // Each place's key, made once (the rules below compare places by it many times).
  std::vector<std::string> place_key(places.size());
  for (size_t p = 0; p < places.size(); ++p) place_key[p] = PlaceKey(places[p].place);
  std::vector<TriggerHit> trig = triggers_->Find(ws);
  std::vector<uint32_t> claim_sent;
  std::vector<bool> claim_implicit;
  std::vector<Claim> claims = claims_->Extract(article, doc, ws, &claim_sent, &claim_implicit);

  // Per-sentence features.
  struct Sent {
    bool strong_bg = false, weak_bg = false, wave = false, past_timex = false;
    bool news_timex = false, has_claim = false, has_trigger = false, background = false;
    bool tally = false;  // counts many incidents over a period: no incident, no figure of one
    // A strong cue only inside a relative clause (", which has used bombers in the past"): it
    // describes an actor, so it makes background only a sentence that gives figures.
    bool relative_bg = false;
    bool same_place = false;       // says it happened at the article's own place ("the same town")
    bool other_case = false;       // compares the news with another case ("the second in a week")
    size_t occasion = SIZE_MAX;    // first word of its first occasion cue ("sentenced"), if any
    std::vector<uint32_t> places;  // indices into `places`, finest first
  };
  std::vector<Sent> sent(ns);
  SentenceLists sent_timexes(ns);  // indices into doc.timexes
  {
    // Only words where a cue of either kind may start: the next candidate of each is kept
    // until the scan passes it. One scan of the article, not one per sentence (most sentences
    // have no candidate): a cue never runs past its sentence's end, so the scan meets each
    // sentence's candidates in order, as a scan of the sentence alone would.
    const size_t nw = w.size();
    size_t next_bg = background_.Next(ws, 0, nw), next_wave = wave_.Next(ws, 0, nw);
    for (size_t i = std::min(next_bg, next_wave); i < nw;) {
      const size_t s = w[i].sentence;
      const size_t e = ws.sentence_end(s);
      uint32_t payload = 0;
      size_t len = background_.Match(w, i, e, &payload);
      if (len > 0 && payload == 2) {
        bool relative = false;
        for (size_t k = ws.sentence_begin(s) + 1; k < i && !relative; ++k) {
          relative =
              asides_.contains(w[k]) && w[k - 1].kind == WordKind::kPunct && w[k - 1].lower == ",";
        }
        (relative ? sent[s].relative_bg : sent[s].strong_bg) = true;
      }
      if (len > 0 && payload == 1) sent[s].weak_bg = true;
      if (len > 0 && payload == kSamePlaceCue) sent[s].same_place = true;
      if (len > 0 && payload == kOtherCaseCue) sent[s].other_case = true;
      if (len > 0 && payload == kOccasionCue) sent[s].occasion = std::min(sent[s].occasion, i);
      size_t wl = wave_.Match(w, i, e, &payload);
      if (wl > 0) (payload == 2 ? sent[s].tally : sent[s].wave) = true;
      i += std::max<size_t>(1, std::max(len, wl));
      if (next_bg < i) next_bg = background_.Next(ws, i, nw);
      if (next_wave < i) next_wave = wave_.Next(ws, i, nw);
      i = std::min(next_bg, next_wave);
    }
  }
  for (const TriggerHit& h : trig) sent[h.sentence].has_trigger = true;
  // An occasion cue before the sentence's first trigger ("a court sentenced two men for the
  // 2019 attack", "marked the anniversary of the bombing") makes the violence the occasion's
  // object: a recall. After a trigger ("gunmen attacked a rally") the occasion is the target. A
  // sentence with no violence at all ("he was sentenced to six months") recalls nothing: it
  // stays as it was (its names may still point to a suspect).
  {
    std::vector<size_t> first_trigger(ns, SIZE_MAX);
    std::vector<uint8_t> violent(ns, false);
    for (const TriggerHit& h : trig) {
      first_trigger[h.sentence] = std::min<size_t>(first_trigger[h.sentence], h.word);
      violent[h.sentence] = true;
    }
    for (uint32_t s : claim_sent) violent[s] = true;
    for (size_t s = 0; s < ns; ++s) {
      if (violent[s] && sent[s].occasion < first_trigger[s]) sent[s].strong_bg = true;
    }
  }
  // The first word that begins at or after byte `pos`.
  auto word_at = [&](uint32_t pos) {
    return static_cast<size_t>(
        std::lower_bound(ws.words().begin(), ws.words().end(), pos,
                         [](const Word& x, uint32_t p) { return x.span.begin < p; }) -
        ws.words().begin());
  };
  // recalls[t]: timex t names a time well before publication, so its sentence recalls. A
  // follow-up report (a trial, an arrest, a funeral weeks later) dates its own violence that
  // way too: when no violence sentence carries a recent date, an absolute day within
  // kFollowUpDays in a violence sentence is the article's event, not background.
  std::vector<uint8_t> recalls(doc.timexes.size(), false);
  {
    // Calls accept(end of the cue, its payload) for each procedure cue that starts at most
    // kCueWords + 1 words before `tx` in its sentence, nearest first, until accept says yes.
    // In a `clause`, the look-back stops at punctuation (an apostrophe is none).
    auto cue_before = [&](const Timex& tx, bool clause, auto&& accept) {
      const size_t k = word_at(tx.span.begin);
      constexpr size_t kCueWords = 4;
      for (size_t back = 1; back <= kCueWords + 1 && back <= k; ++back) {
        const size_t i = k - back;
        if (i >= w.size() || w[i].sentence != w[k - 1].sentence) break;
        if (clause && w[i].kind == WordKind::kPunct && w[i].lower != "'" &&
            w[i].lower != "\xE2\x80\x99") {
          break;
        }
        uint32_t payload = 0;
        const size_t len = procedure_.Match(w, i, k, &payload);
        if (len > 0 && accept(w[i + len - 1].span.end, payload)) return true;
      }
      return false;
    };
    // The page's own stamp ("Posted: May 4, 2031", often inside the headline's sentence) dates
    // no violence: the stamp cue ends at most 3 bytes of ": " before the timex.
    auto stamped = [&](const Timex& tx) {
      return cue_before(tx, false, [&](uint32_t end, uint32_t payload) {
        if (payload != 3 || end > tx.span.begin || tx.span.begin - end > 3) return false;
        for (uint32_t b = end; b < tx.span.begin; ++b) {
          if (article.text[b] != ':' && article.text[b] != ' ') return false;
        }
        return true;
      });
    };
    constexpr long kFollowUpDays = 183;
    // A named day or month ("on August 25", "in March") within kFollowUpDays: a relative phrase
    // ("last year", "a month ago") recalls by its words, not by its age alone.
    auto may_be_topic = [&](size_t t) {
      const Timex& tx = doc.timexes[t];
      if (!recalls[t] || tx.relative || tx.date_end.valid() ||
          (tx.precision != DatePrecision::kDay && tx.precision != DatePrecision::kMonth) ||
          tx.span.end > article.text.size() || !sent[ws.SentenceAt(tx.span.begin)].has_trigger) {
        return false;
      }
      const long age = DaysFromCivil(*article.published) - DaysFromCivil(tx.date);
      return age >= 0 && age <= kFollowUpDays;
    };
    bool candidate = false;
    for (size_t t = 0; t < doc.timexes.size(); ++t) {
      recalls[t] = RecallsPast(doc.timexes[t], article.published);
      candidate |= may_be_topic(t);
    }
    // A recent date that a later step governs ("was arrested Monday", "charged the teen on
    // Tuesday", "police said Thursday"): the cue stands a few words before it in its clause with
    // no trigger of violence between. It dates that step, so it is no recent violence either.
    auto step_dated = [&](const Timex& tx) {
      return cue_before(tx, true, [&](uint32_t end, uint32_t payload) {
        if (payload == 3) return false;  // a stamp is no step
        for (const TriggerHit& h : trig) {
          if (h.span.begin >= end && h.span.end <= tx.span.begin) return false;
        }
        return true;
      });
    };
    bool recent_violence = !candidate;
    for (size_t t = 0; !recent_violence && t < doc.timexes.size(); ++t) {
      const Timex& tx = doc.timexes[t];
      if (recalls[t] || !tx.date.valid() || tx.span.end > article.text.size()) continue;
      // "shot last month" is no newer violence than "on April 20" inside that month.
      bool holds_candidate = false;
      for (size_t u = 0; u < doc.timexes.size() && tx.precision == DatePrecision::kMonth; ++u) {
        holds_candidate |= may_be_topic(u) && doc.timexes[u].date.year == tx.date.year &&
                           doc.timexes[u].date.month == tx.date.month;
      }
      recent_violence = sent[ws.SentenceAt(tx.span.begin)].has_trigger && !stamped(tx) &&
                        !step_dated(tx) && !holds_candidate;
    }
    for (size_t t = 0; !recent_violence && t < doc.timexes.size(); ++t) {
      if (may_be_topic(t)) recalls[t] = false;
    }
  }
  for (size_t t = 0; t < doc.timexes.size(); ++t) {
    const Timex& tx = doc.timexes[t];
    if (tx.span.end > article.text.size()) continue;
    size_t s = ws.SentenceAt(tx.span.begin);
    sent_timexes.Add(static_cast<uint32_t>(s), static_cast<uint32_t>(t));
    if (recalls[t])
      sent[s].past_timex = true;
    else if (tx.date.valid())
      sent[s].news_timex = true;
  }
  sent_timexes.Build();
  for (uint32_t s : claim_sent) sent[s].has_claim = true;
  // "... the deadliest since January, when 13 soldiers died in X": every figure of the sentence
  // after the frame is the recalled event's, so the sentence is background.
  if (!recall_frames_.empty() && !claims.empty()) {
    for (const Timex& tx : doc.timexes) {
      if (tx.span.end > article.text.size()) continue;
      size_t first = word_at(tx.span.begin), after = word_at(tx.span.end);
      if (first >= w.size()) continue;
      const size_t s = w[first].sentence;
      auto frame = [&](size_t k) -> const std::string* {  // the frame whose opening word is k
        if (k >= w.size() || w[k].sentence != s) return nullptr;
        auto it = recall_frames_.find(w[k].lower);
        return it == recall_frames_.end() ? nullptr : &it->second;
      };
      const std::string* close = frame(first);
      if (close == nullptr && first > 0) close = frame(first - 1);
      if (close == nullptr) continue;
      size_t k = after;
      while (k < w.size() && w[k].sentence == s && w[k].kind == WordKind::kPunct) ++k;
      if (k >= w.size() || w[k].sentence != s || w[k].lower != *close) continue;
      bool all_after = true, any = false;
      for (size_t c = 0; c < claims.size(); ++c) {
        if (claim_sent[c] != s) continue;
        any = true;
        all_after &= claims[c].figure_span.begin >= w[k].span.end;
      }
      if (any && all_after) sent[s].strong_bg = true;
    }
  }
  // Each place's sentence, found once (the rules below ask for it many times).
  std::vector<uint32_t> place_sent(places.size());
  for (size_t p = 0; p < places.size(); ++p) {
    place_sent[p] = static_cast<uint32_t>(ws.SentenceAt(places[p].span.begin));
  }
  for (size_t p = 0; p < places.size(); ++p) {
    if (places[p].span.end > article.text.size()) continue;
    sent[place_sent[p]].places.push_back(static_cast<uint32_t>(p));
  }
  // Word index of each place's first word, for the cues before it: the first word beginning at
  // or after the place (words are in text order), by binary search (a place is one of a few
  // in hundreds of words).
  std::vector<size_t> place_word(places.size(), w.size());
  for (size_t p = 0; p < places.size(); ++p) place_word[p] = word_at(places[p].span.begin);
  auto cue_before = [&](const PhraseTrie& cues, size_t reach, uint32_t p) {
    if (place_word[p] >= w.size()) return false;
    return CueBefore(cues, w, ws.sentence_begin(w[place_word[p]].sentence), place_word[p], reach);
  };
  // Word index one past each place's last word, for the words after it.
  std::vector<size_t> place_end_word(places.size(), w.size());
  for (size_t p = 0; p < places.size(); ++p) {
    size_t i = place_word[p];
    while (i < w.size() && w[i].span.begin < places[p].span.end) ++i;
    place_end_word[p] = i;
  }
  // A place that names someone's home or an institution ("a Brookfield man", "Smith, 23, of
  // Elmira", "a resident of Reno", "St. Agnes Hospital") says little about where the violence was.
  auto home_or_facility = [&](uint32_t p) {
    const size_t i = place_word[p];
    if (i >= w.size()) return false;
    const size_t sb = ws.sentence_begin(w[i].sentence), se = ws.sentence_end(w[i].sentence);
    if (CueBefore(origin_, w, sb, i, 3)) return true;
    // ", of X" after a name, "23 of X" after an age, "Dana Reyes of X": where the person lives.
    if (i >= sb + 2 && home_preps_.contains(w[i - 1])) {
      const Word& y = w[i - 2];
      if (IsTrieNumber(y) || (y.kind == WordKind::kPunct && y.lower == ",")) return true;
      auto capital = [&](size_t k) {
        return w[k].kind == WordKind::kWord && article.text[w[k].span.begin] >= 'A' &&
               article.text[w[k].span.begin] <= 'Z';
      };
      // A two-word name (not "Police Department of X", "the University of X").
      uint32_t payload = 0;
      if (i >= sb + 3 && capital(i - 2) && capital(i - 3) &&
          institution_.Match(w, i - 2, i - 1, &payload) == 0 &&
          institution_.Match(w, i - 3, i - 2, &payload) == 0 && (i == sb + 3 || !capital(i - 4))) {
        return true;
      }
    }
    uint32_t payload = 0;
    const size_t e = place_end_word[p];
    if (e >= se || after_.Match(w, e, se, &payload) == 0) return false;
    // "Arden High School" is a school's proper name; "an Arden high school student" is a
    // student of the town, which the nouns after it decide.
    if (payload == kVenueCue) {
      const char c = article.text[w[e].span.begin];
      return c >= 'A' && c <= 'Z';
    }
    return payload != kAgencyCue;
  };
  // "the X County sheriff's office" says whose officials speak, not where it happened: the
  // county's evidence only. Unless the article names the town it stands for itself (the
  // geocoder read the county as a town named in it): then it only agrees with that town.
  auto county_agency = [&](uint32_t p) {
    const size_t i = place_word[p], e = place_end_word[p];
    if (i >= w.size() || !NamesCounty(places[p])) return false;
    const size_t se = ws.sentence_end(w[i].sentence);
    uint32_t payload = 0;
    if (e >= se || after_.Match(w, e, se, &payload) == 0 || payload != kAgencyCue) return false;
    for (uint32_t q = 0; q < places.size(); ++q) {
      if (!NamesCounty(places[q]) && place_key[q] == place_key[p]) return false;
    }
    return true;
  };
  // A place the victims were taken to ("were rushed to a hospital in X") is not a scene; nor is
  // the town of the facility they were taken to ("taken to St. Agnes Medical Center in X").
  std::vector<uint8_t> destination(places.size(), false);
  for (uint32_t p = 0; p < places.size(); ++p) {
    destination[p] = cue_before(destination_, 6, p);
    if (destination[p] || p == 0 || !destination[p - 1] || place_word[p] >= w.size()) continue;
    const size_t from = place_end_word[p - 1], to = place_word[p];
    bool joined = from <= to && to - from <= 6 && w[to].sentence == w[from].sentence;
    for (size_t k = from; joined && k < to; ++k) joined = w[k].kind != WordKind::kPunct;
    destination[p] = joined;
  }
  for (size_t s = 0; s < ns; ++s) {
    auto& in = sent[s].places;
    if (in.empty()) continue;  // most sentences name no place
    in.erase(std::remove_if(in.begin(), in.end(), [&](uint32_t p) { return destination[p] != 0; }),
             in.end());
  }
  // A dateline ("QUETTA: ...") says where the report was filed, not where it happened. It opens
  // the lead, which a byline or a time stamp may push down a few sentences ("By Ann Lee.",
  // "UPDATED: Oct 9"): no sentence between the headline and it reports violence.
  constexpr uint32_t kDatelineReach = 6;
  uint32_t lead_limit = 2;
  while (lead_limit + 1 < std::min<size_t>(ns, kDatelineReach) && !sent[lead_limit].has_trigger) {
    ++lead_limit;
  }
  // "MOGADISHU, Sept 8 (Reuters) -": the place, a comma and the dateline's date. Undated ("NEW
  // STANTON, Pa. (AP) -") a local report's dateline is often its scene.
  auto dated_dateline = [&](uint32_t end) {
    if (end + 2 >= article.text.size() || article.text[end] != ',') return false;
    for (const Timex& tx : doc.timexes) {
      if (tx.span.begin > end && tx.span.begin <= end + 2 && OpensADateline(article.text, tx.span))
        return true;
    }
    return false;
  };
  auto dateline = [&](uint32_t p) {
    Span sp = places[p].span;
    if (sp.end >= article.text.size() || place_sent[p] > lead_limit) return false;
    for (size_t k = sp.begin; k > 0 && article.text[k - 1] != '\n'; --k) {
      if (article.text[k - 1] != ' ' && article.text[k - 1] != '\t') return false;
    }
    size_t k = sp.end;
    while (k < article.text.size() && article.text[k] == ' ') ++k;
    return (k < article.text.size() &&
            (article.text[k] == ':' || article.text[k] == '(' || article.text[k] == '-' ||
             article.text.compare(k, 3, "\xE2\x80\x94") == 0)) ||
           dated_dateline(sp.end);
  };
  for (uint32_t p = 0; p < places.size() && places[p].span.end < article.text.size(); ++p) {
    if (!dateline(p)) continue;
    auto& in = sent[place_sent[p]].places;
    if (in.size() > 1) in.erase(std::remove(in.begin(), in.end(), p), in.end());
  }
  // A place that names a media outlet ("the X channel", "X TV") is never a scene.
  auto outlet = [&](uint32_t p) {
    const size_t e = place_end_word[p];
    if (place_word[p] >= w.size() || e >= w.size()) return false;
    const size_t se = ws.sentence_end(w[place_word[p]].sentence);
    uint32_t payload = 0;
    return e < se && after_.Match(w, e, se, &payload) > 0 && payload == kOutletCue;
  };
  for (size_t s = 0; s < ns; ++s) {
    Sent& st = sent[s];
    st.background = st.strong_bg || (st.relative_bg && st.has_claim) ||
                    (st.past_timex && !st.news_timex) ||
                    (st.weak_bg && !st.has_claim && !st.news_timex);
  }
  // Homes and institutions give way to the places the article reports from, when it names one
  // as fine: "a Brookfield man was shot in Elmira" happened in Elmira.
  std::vector<uint8_t> non_scene(places.size(), false);
  std::vector<uint8_t> is_outlet(places.size(), false);  // not even a fallback scene
  {
    std::vector<uint8_t> weak(places.size(), false);
    std::vector<uint8_t> agency(places.size(), false);
    int strong_level = static_cast<int>(GeoLevel::kCountry);
    // A headline's tail after " - " or " | " that reports no violence names the outlet ("...
    // shooting - WXYZ News Elmira"), not a scene.
    if (ns > 0) {
      const Span h = ws.sentence_span(0);
      const std::string_view head(article.text.data() + h.begin, h.size());
      // The tail starts at the first separator after the headline's last trigger: an outlet's
      // name may itself hold separators ("... - News9.com - Oklahoma City, OK - News, Weather").
      size_t from = 0;
      for (const TriggerHit& t : trig) {
        if (t.sentence == 0 && t.span.end > h.begin) {
          from = std::max<size_t>(from, t.span.end - h.begin);
        }
      }
      size_t cut = std::string_view::npos;
      for (std::string_view sep : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        const size_t at = head.find(sep, from);
        if (at != std::string_view::npos && (cut == std::string_view::npos || at < cut)) cut = at;
      }
      if (cut != std::string_view::npos && cut > 0) {
        const uint32_t tail = h.begin + static_cast<uint32_t>(cut);
        for (uint32_t p = 0; p < places.size(); ++p) {
          if (places[p].span.begin >= tail && places[p].span.end <= h.end) non_scene[p] = true;
        }
      }
    }
    for (uint32_t p = 0; p < places.size(); ++p) {
      if (places[p].span.end > article.text.size()) continue;
      agency[p] = county_agency(p);
      weak[p] = !agency[p] && home_or_facility(p);
      // "of Miami, Florida": the province after a home, set off by a comma, is the same home.
      if (!weak[p] && p > 0 && weak[p - 1] && places[p - 1].span.end < places[p].span.begin) {
        const std::string_view gap(article.text.data() + places[p - 1].span.end,
                                   places[p].span.begin - places[p - 1].span.end);
        weak[p] = gap.find_first_not_of(", ") == std::string_view::npos && gap[0] == ',';
      }
      is_outlet[p] = outlet(p);
      if (destination[p] || is_outlet[p]) non_scene[p] = true;
      // A doubtful reading ("Sheriff Ann Marsh" read as a town) outranks no home.
      constexpr float kSureScene = 0.5f;
      if (weak[p] || non_scene[p] || dateline(p) || places[p].place.level == GeoLevel::kCountry ||
          places[p].confidence < kSureScene || sent[place_sent[p]].background) {
        continue;
      }
      strong_level = std::min(strong_level, Level(places[p].place));
    }
    // A country named as where people come from ("gunmen from X", "citizens of X") gives way to
    // any other place the article reports from, a country included: the attackers' origin is
    // never the scene when the article names one.
    std::vector<uint8_t> sure(places.size(), false);
    for (uint32_t p = 0; p < places.size(); ++p) {
      sure[p] = !weak[p] && !non_scene[p] && places[p].confidence >= 0.5f &&
                places[p].span.end <= article.text.size() && !sent[place_sent[p]].background;
    }
    for (uint32_t p = 0; p < places.size(); ++p) {
      // A county's agency read as its seat (no town the article names stands for it) gives
      // way to a town the article itself reports from in that county; a town elsewhere (where
      // the autopsy is done) leaves the county the scene.
      for (uint32_t q = 0; agency[p] && q < places.size() && !non_scene[p]; ++q) {
        non_scene[p] = sure[q] && !places[q].via_county && place_key[q] != place_key[p] &&
                       places[q].place.level == GeoLevel::kPlace &&
                       InCounty(places[p].place, places[q].place);
      }
      if (!weak[p]) continue;
      if (places[p].place.level != GeoLevel::kCountry) {
        if (strong_level <= Level(places[p].place)) non_scene[p] = true;
        continue;
      }
      const std::string& key = place_key[p];
      for (uint32_t q = 0; q < places.size() && !non_scene[p]; ++q) {
        if (sure[q] && place_key[q] != key) non_scene[p] = true;
      }
    }
    for (size_t s = 0; s < ns; ++s) {
      auto& in = sent[s].places;
      if (in.empty()) continue;
      in.erase(std::remove_if(in.begin(), in.end(), [&](uint32_t p) { return non_scene[p] != 0; }),
               in.end());
    }
  }
  for (size_t s = 0; s < ns; ++s) {
    Sent& st = sent[s];
    // Keep the finest places: a province named beside a district ("in Musakhel, near the
    // Punjab border") is context, not a second scene.
    int finest = static_cast<int>(GeoLevel::kCountry);
    for (uint32_t p : st.places) finest = std::min(finest, Level(places[p].place));
    int cut = finest <= static_cast<int>(GeoLevel::kDistrict)
                  ? static_cast<int>(GeoLevel::kDistrict)
                  : finest;
    // In place, in order: no new list per sentence.
    st.places.erase(std::remove_if(st.places.begin(), st.places.end(),
                                   [&](uint32_t p) { return Level(places[p].place) > cut; }),
                    st.places.end());
  }

  // A province named as the scene ("18 killed in Borno state") stands for the one finer place
  // inside it that the article reports from ("the blasts hit Gwoza"): a coder codes the most
  // precise location the report gives. Two or more finer places there leave it coarse (a wave).
  {
    std::optional<uint32_t> finer;
    bool several = false;
    for (size_t s = 0; s < ns && !several; ++s) {
      if (sent[s].background) continue;
      for (uint32_t p : sent[s].places) {
        if (Level(places[p].place) >= static_cast<int>(GeoLevel::kProvince) || dateline(p))
          continue;
        if (!finer)
          finer = p;
        else if (place_key[p] != place_key[*finer])
          several = true;
      }
    }
    if (finer && !several) {
      const Place& f = places[*finer].place;
      for (size_t s = 0; s < ns; ++s) {
        if (sent[s].background) continue;
        bool all_coarse = !sent[s].places.empty();
        for (uint32_t p : sent[s].places) {
          const Place& c = places[p].place;
          all_coarse &= c.level == GeoLevel::kProvince && c.country == f.country &&
                        Contains(c, f) && !cue_before(spread_, 3, p);
        }
        if (all_coarse) sent[s].places.assign(1, *finer);
      }
      // "A series of blasts" at the one place the article reports from is one incident there,
      // not a wave over several places; a wave sentence naming an area keeps its wave.
      const std::string& key = place_key[*finer];
      for (size_t s = 0; s < ns; ++s) {
        bool only_finer = true;
        for (uint32_t p : sent[s].places) only_finer &= place_key[p] == key;
        if (only_finer) sent[s].wave = false;
      }
    }
  }

  // Doc-level: is this a wave; the main place and date.
  bool doc_wave = false;
  for (size_t s = 0; s < ns; ++s) doc_wave |= sent[s].wave && !sent[s].background;
  std::optional<uint32_t> main_place;
  {
    // The finest place of the first two sentences (headline, lead), else the most named.
    for (size_t s = 0; s < std::min<size_t>(ns, 2); ++s) {
      for (uint32_t p : sent[s].places) {
        if (dateline(p)) continue;
        if (!main_place || Level(places[p].place) < Level(places[*main_place].place)) {
          main_place = p;
        }
      }
    }
    if (!main_place && !sent.empty() && !sent[0].places.empty()) main_place = sent[0].places[0];
    // Else the most named place, a scene before a home, an institution or a destination.
    for (int pass = 0; pass < 2 && !main_place && !places.empty(); ++pass) {
      std::map<std::string, int> count;
      int best = 0;
      for (size_t p = 0; p < places.size(); ++p) {
        if (places[p].span.end > article.text.size()) continue;
        if (sent[place_sent[p]].background) continue;
        if ((pass == 0 && non_scene[p]) || is_outlet[p]) continue;
        int c = ++count[place_key[p]];
        if (c > best) {
          best = c;
          main_place = static_cast<uint32_t>(p);
        }
      }
    }
  }
  // A date next to a later procedural step ("was arraigned Monday", "charged on Tuesday"): a
  // procedure cue stands nearer to it than any trigger of violence in its sentence. In a report
  // on such a step or on a follow-up (an arrest, a death from wounds: later news too), a
  // statement's date ("police said Thursday") is the statement's too.
  std::vector<uint8_t> procedural(doc.timexes.size(), false);
  std::vector<uint8_t> arrest_day(doc.timexes.size(), false);  // set aside, the last resort
  // A date right after a statement's verb ("said on Monday", "said Monday"): when its sentence
  // names an earlier day too ("said on Monday that 42 died in the weekend violence"), it dates
  // the statement, not the violence.
  std::vector<uint8_t> stated(doc.timexes.size(), false);
  if (procedure_.size() > 0 && !doc.timexes.empty()) {
    // The cues in text order, flat: few per article, so each timex scans them all.
    struct ProcCue {
      uint32_t sentence;
      Span span;
      bool step;    // a step ("arraigned"); else a statement ("said"), a stamp or an arrest
      bool stamp;   // the page's own time stamp ("Updated:")
      bool arrest;  // a follow-up (an arrest, a death from wounds): often the day of the violence,
                    // so only set aside for another date
    };
    std::vector<ProcCue> pcues;
    bool step = false;
    for (size_t i = procedure_.Next(ws, 0, w.size()); i < w.size();
         i = procedure_.Next(ws, i, w.size())) {
      uint32_t payload = 0;
      const size_t len = procedure_.Match(w, i, ws.sentence_end(w[i].sentence), &payload);
      if (len == 0) {
        ++i;
        continue;
      }
      step |= (payload == 1 || payload == 4) && !sent[w[i].sentence].background;
      pcues.push_back({w[i].sentence, Span{w[i].span.begin, w[i + len - 1].span.end}, payload == 1,
                       payload == 3, payload == 4});
      i += len;
    }
    constexpr uint32_t kReachBytes = 32;  // "was arraigned in court on Monday"
    for (size_t t = 0; !pcues.empty() && t < doc.timexes.size(); ++t) {
      const Timex& tx = doc.timexes[t];
      if (tx.span.end > article.text.size()) continue;
      const size_t s = ws.SentenceAt(tx.span.begin);
      uint32_t to_cue = UINT32_MAX, to_arrest = UINT32_MAX, to_trigger = UINT32_MAX;
      bool stamped = false;
      // A fronted date ("On Thursday, a grand jury declined to indict him") sets off its comma
      // but dates the clause after it: the comma is part of the date's reach.
      const Span reach = FrontedReach(article.text, ws.sentence_span(s), tx.span);
      for (const ProcCue& pc : pcues) {
        if (pc.sentence != s) continue;
        const Span c = pc.span;
        if (pc.stamp) {
          // "Updated: Mar 21, 2016": the date right after the stamp, a colon between at most.
          bool adjacent = c.end <= tx.span.begin && tx.span.begin - c.end <= 3;
          for (uint32_t k = c.end; adjacent && k < tx.span.begin; ++k) {
            adjacent = article.text[k] == ':' || article.text[k] == ' ';
          }
          stamped |= adjacent;
          continue;
        }
        if (!pc.step && !pc.arrest && c.end <= tx.span.begin && tx.span.begin - c.end <= 1) {
          stated[t] = true;
        }
        // Statements count only in a report on a step.
        if (!(pc.step || pc.arrest || step)) continue;
        // Only a cue in the timex's clause: "on Sunday, a day before the trial" is no step's.
        // Beyond the reach a cue decides nothing: no clause scan over the gap.
        const uint32_t d = Distance(c, reach);
        if (d > kReachBytes || InOtherClause(article.text, c, reach)) continue;
        uint32_t& to = pc.arrest ? to_arrest : to_cue;
        to = std::min(to, d);
      }
      for (const TriggerHit& h : trig) {
        if (h.sentence != s) continue;
        // A word that is both a trigger and a step ("arrested Tuesday") is the step.
        bool is_step = false;
        for (const ProcCue& pc : pcues) {
          is_step |= pc.sentence == s && pc.span.begin <= h.span.begin && h.span.end <= pc.span.end;
        }
        // Only a trigger in the timex's clause, as for the cues ("charges ... on Wednesday, in
        // the shootings" dates the charges), and within the reach: one farther is farther than
        // any cue that counts.
        const uint32_t d = Distance(h.span, reach);
        if (is_step || d > kReachBytes || InOtherClause(article.text, h.span, reach)) continue;
        to_trigger = std::min(to_trigger, d);
      }
      procedural[t] = stamped || (to_cue <= kReachBytes && to_cue < to_trigger);
      arrest_day[t] = !stamped && to_arrest <= kReachBytes && to_arrest < to_trigger;
      procedural[t] = procedural[t] || arrest_day[t];
    }
  }
  // A dateline's date ("KABUL, March 3 (Reuters) - ...") is the day the report was filed: when its
  // sentence names another day ("on Friday"), that day is the event's. Without a publication
  // date the weekday was read as the dateline's own day (timex.h): nothing to choose.
  for (size_t t = 0; t < doc.timexes.size() && article.published; ++t) {
    const Timex& tx = doc.timexes[t];
    if (procedural[t] || recalls[t] || tx.span.end > article.text.size()) continue;
    if (!OpensADateline(article.text, tx.span)) continue;
    const size_t s = ws.SentenceAt(tx.span.begin);
    for (uint32_t u : sent_timexes[s]) {
      const Timex& other = doc.timexes[u];
      if (u != t && other.date.valid() && other.precision == DatePrecision::kDay &&
          other.date != tx.date && !recalls[u] && !procedural[u]) {
        procedural[t] = true;
        break;
      }
    }
  }
  for (size_t t = 0; t < doc.timexes.size(); ++t) {
    const Timex& tx = doc.timexes[t];
    if (!stated[t] || procedural[t] || recalls[t] || !tx.date.valid()) continue;
    for (uint32_t u : sent_timexes[ws.SentenceAt(tx.span.begin)]) {
      const Timex& other = doc.timexes[u];
      if (u != t && other.date.valid() && other.date < tx.date && !recalls[u] && !procedural[u]) {
        procedural[t] = true;
        break;
      }
    }
  }
  // A relative day after publication ("will be arraigned Wednesday") is a step still to come.
  for (size_t t = 0; t < doc.timexes.size() && article.published; ++t) {
    const Timex& tx = doc.timexes[t];
    if (tx.relative && tx.date.valid() && *article.published < tx.date) procedural[t] = true;
  }
  // A sentence that compares the news with another case ("the second shooting in a week here")
  // dates that case, and so does the next sentence of its paragraph when the cue sentence names
  // no date itself ("A boy was shot there on June 3."): set aside like a step's date, so the
  // article's own day ("found Thursday") dates its incident.
  for (size_t s = 0; s < ns; ++s) {
    if (!sent[s].other_case) continue;
    size_t dated = s;
    if (sent_timexes[s].begin() == sent_timexes[s].end() && s + 1 < ns &&
        ws.paragraph(s + 1) == ws.paragraph(s)) {
      dated = s + 1;
    }
    for (uint32_t t : sent_timexes[dated]) procedural[t] = true;
  }
  std::optional<Timex> main_date;
  for (size_t s = 0; s < ns && !main_date; ++s) {
    if (sent[s].background) continue;
    for (uint32_t t : sent_timexes[s]) {
      const Timex& tx = doc.timexes[t];
      if (tx.date.valid() && !recalls[t] && !procedural[t]) {
        main_date = tx;
        break;
      }
    }
  }
  // A figure dated only by a named day well before the news ("Gunmen killed 7 on Monday. ... after
  // 12 villagers were killed on March 2.") counts an earlier attack: its sentence recalls. Only
  // when the news itself is a dated violent figure, so a follow-up's later step never pushes the
  // violence it follows up into the background.
  if (main_date && main_date->precision == DatePrecision::kDay && !main_date->date_end.valid()) {
    constexpr long kEarlierDays = 5;
    const size_t news_sent = ws.SentenceAt(main_date->span.begin);
    const long news_day = DaysFromCivil(main_date->date);
    if (sent[news_sent].has_trigger && sent[news_sent].has_claim) {
      for (size_t s = 0; s < ns; ++s) {
        if (s == news_sent || sent[s].background || !sent[s].has_claim) continue;
        bool earlier = false, other = false;
        for (uint32_t t : sent_timexes[s]) {
          const Timex& tx = doc.timexes[t];
          // A month or year ("this month") holds both days: it decides nothing.
          if (!tx.date.valid() || procedural[t] || tx.precision != DatePrecision::kDay) continue;
          (!tx.relative && !tx.date_end.valid() && news_day - DaysFromCivil(tx.date) > kEarlierDays
               ? earlier
               : other) = true;
        }
        if (earlier && !other) sent[s].background = true;
      }
    }
  }
  // No other date: a follow-up's day ("was arrested Saturday night") is the likeliest one.
  for (size_t s = 0; s < ns && !main_date; ++s) {
    if (sent[s].background) continue;
    for (uint32_t t : sent_timexes[s]) {
      const Timex& tx = doc.timexes[t];
      if (arrest_day[t] && tx.date.valid() && !recalls[t]) {
        main_date = tx;
        break;
      }
    }
  }

  // An attack recalled from another state: a sentence whose places all lie in another province
  // of the article's own country ("..., Oregon, where nine were shot and killed last week") and
  // that either dates itself before the news ("last week") or names the attack by its place
  // ("the gunman in the Kestrel shooting") recalls another event, whatever figures it gives.
  if (main_place && main_date && !places[*main_place].place.admin1.empty()) {
    const Place& home = places[*main_place].place;
    const CivilDate& news = main_date->date;
    auto ends_before_news = [&](const Timex& tx) {
      const CivilDate& e = tx.date_end.valid() ? tx.date_end : tx.date;
      if (!e.valid() || e.month == 0) return false;
      if (e.day == 0) return e.year * 12 + e.month < news.year * 12 + news.month;
      return news.day > 0 && DaysFromCivil(e) < DaysFromCivil(news);
    };
    for (size_t s = 0; s < ns; ++s) {
      Sent& st = sent[s];
      if (st.background || !st.has_trigger) continue;
      bool elsewhere = false, named_attack = false;
      for (uint32_t p : st.places) {
        const Place& f = places[p].place;
        if (f.country != home.country || is_outlet[p]) continue;
        if (f.admin1.empty() || f.admin1 == home.admin1 || Contains(f, home)) {
          elsewhere = false;
          break;
        }
        elsewhere = true;
        // "the Kestrel shooting": the attack is named by its place, the definite article first.
        const size_t b = place_word[p], e = place_end_word[p];
        if (b == 0 || b >= w.size() || e >= w.size() || !definite_.contains(w[b - 1])) continue;
        for (const TriggerHit& h : trig) named_attack |= h.sentence == s && h.word == e;
      }
      if (!elsewhere) continue;
      bool dated_before = false;
      for (uint32_t t : sent_timexes[s]) dated_before |= ends_before_news(doc.timexes[t]);
      if (named_attack || dated_before) st.background = true;
    }
  }

  // Claim scopes: figures of wave sentences count the whole wave.
  for (size_t c = 0; c < claims.size(); ++c) {
    if (claims[c].scope == Scope::kIncident && sent[claim_sent[c]].wave) {
      claims[c].scope = Scope::kWave;
    }
  }
  // A figure a tally gives ("Two teens died in separate incidents") restated by the headline
  // ("Two teens die") counts the separate incidents too: each of them has at least one, and at
  // most all but one for the others. Only the headline (the first sentence) restates a summary;
  // an equal figure further down is the body's own.
  for (size_t c = 0; c < claims.size(); ++c) {
    Claim& cl = claims[c];
    if (claim_sent[c] != 0) continue;
    if (sent[claim_sent[c]].tally || cl.scope != Scope::kIncident || cl.low < 2) continue;
    for (size_t d = 0; d < claims.size(); ++d) {
      if (sent[claim_sent[d]].tally && claims[d].field == cl.field && claims[d].value == cl.value) {
        cl.high = cl.value - 1;
        cl.value = cl.low = 1;
        break;
      }
    }
  }

  // Event sentences and the place each of their parts belongs to.
  struct Group {
    bool background = false;
    std::optional<uint32_t> place;
    std::vector<uint32_t> sentences;
    std::vector<uint32_t> triggers;
    std::vector<uint32_t> claims;
    bool wave = false;
  };
  std::vector<Group> groups;
  std::map<std::string, size_t> group_of;
  SentenceLists sent_triggers(ns), sent_claims(ns);
  for (size_t t = 0; t < trig.size(); ++t)
    sent_triggers.Add(trig[t].sentence, static_cast<uint32_t>(t));
  for (size_t c = 0; c < claims.size(); ++c)
    sent_claims.Add(claim_sent[c], static_cast<uint32_t>(c));
  sent_triggers.Build();
  sent_claims.Build();
  std::vector<uint32_t> prev_places;  // places of the previous event sentence
  size_t prev_event = ns;
  for (size_t s = 0; s < ns; ++s) {
    const Sent& st = sent[s];
    // A tally counts many incidents: it is none of them, and its figures are none's.
    if ((!st.has_trigger && !st.has_claim) || st.tally) continue;
    std::vector<uint32_t> here;
    for (uint32_t p : st.places) {
      if (places[p].place.level != GeoLevel::kCountry) here.push_back(p);
    }
    bool carried = false;
    // A sentence whose only figures are implicit ("He died at Mercy Hospital") names no scene
    // of its own: it continues the last event sentence, else the article's main place.
    bool implicit_only = !st.has_trigger;
    for (uint32_t c : sent_claims[s]) implicit_only &= static_cast<bool>(claim_implicit[c]);
    if (implicit_only) {
      here.clear();
      if (prev_event < ns && !prev_places.empty() && sent[prev_event].background == st.background) {
        here = prev_places;
        carried = true;
      }
    }
    if (here.empty() && !st.wave && prev_event + 1 == s && !prev_places.empty() &&
        sent[prev_event].background == st.background) {
      here = prev_places;  // "They targeted vehicles ..." continues the last place named
      carried = true;
    }
    // A recall takes the article's place only when it says so ("in the same town"): one that
    // names no place the gazetteer reads ("since May, when 75 died in <a town abroad>"), or
    // none ("fighting in recent years"), recalls nothing at the article's place.
    // A news sentence of the wave naming no town ("attacked army posts in two towns on Sunday")
    // tells of the whole wave, not of the main place: taking that place would make its attack
    // the wave record and leave the town without its own incident. (A recalled wave still
    // takes the place, so the recall can find the incident there.)
    if (here.empty() && main_place && (!st.background || st.same_place) &&
        !(st.wave && !st.background)) {
      here.push_back(*main_place);
    }
    std::string date_key;
    if (st.background) {
      for (uint32_t t : sent_timexes[s]) date_key = doc.timexes[t].date.ToIso();
    }
    auto group_for = [&](std::optional<uint32_t> p) -> size_t {
      std::string key =
          (st.background ? "b" + date_key + "|" : "n|") + (p ? place_key[*p] : std::string("-"));
      auto it = group_of.find(key);
      if (it != group_of.end()) return it->second;
      Group g;
      g.background = st.background;
      g.place = p;
      groups.push_back(std::move(g));
      group_of.emplace(key, groups.size() - 1);
      return groups.size() - 1;
    };
    if (here.size() <= 1 || carried) {
      size_t g = group_for(here.empty() ? std::nullopt : std::optional<uint32_t>(here[0]));
      groups[g].sentences.push_back(static_cast<uint32_t>(s));
      for (uint32_t t : sent_triggers[s]) groups[g].triggers.push_back(t);
      for (uint32_t c : sent_claims[s]) groups[g].claims.push_back(c);
      groups[g].wave |= st.wave;
    } else {
      // Several places in one sentence: each trigger and figure goes to the place that follows
      // it in the same clause ("killed four guards in Arden"), else to the nearest one.
      std::vector<size_t> gs;
      for (uint32_t p : here) {
        gs.push_back(group_for(p));
        groups[gs.back()].sentences.push_back(static_cast<uint32_t>(s));
        groups[gs.back()].wave |= st.wave;
      }
      auto nearest = [&](Span sp) {
        for (size_t k = 0; k < here.size(); ++k) {
          Span pl = places[here[k]].span;
          if (pl.begin < sp.end) continue;
          std::string_view between(article.text.data() + sp.end, pl.begin - sp.end);
          if (between.find_first_of(",;:") == std::string_view::npos) return gs[k];
          break;
        }
        size_t best = 0;
        uint32_t best_d = UINT32_MAX;
        for (size_t k = 0; k < here.size(); ++k) {
          uint32_t d = Distance(sp, places[here[k]].span);
          if (d < best_d) {
            best_d = d;
            best = k;
          }
        }
        return gs[best];
      };
      for (uint32_t t : sent_triggers[s]) groups[nearest(trig[t].span)].triggers.push_back(t);
      // Towns joined by a coordinator with nothing of their own between them ("attacks on A and
      // B", "le camp de A et la brigade de B") share a figure that follows them all: it counts
      // the wave, not the nearer town.
      std::vector<uint32_t> towns;
      for (uint32_t p : here) {
        if (Level(places[p].place) < static_cast<int>(GeoLevel::kProvince)) towns.push_back(p);
      }
      std::sort(towns.begin(), towns.end(), [&](uint32_t a, uint32_t b) {
        return places[a].span.begin < places[b].span.begin;
      });
      bool joined = towns.size() > 1;
      for (size_t k = 0; joined && k + 1 < towns.size(); ++k) {
        const Span gap{places[towns[k]].span.end, places[towns[k + 1]].span.begin};
        if (gap.begin >= gap.end || place_key[towns[k]] == place_key[towns[k + 1]]) {
          joined = false;
          break;
        }
        bool coord = false;
        for (size_t i = word_at(gap.begin); i < w.size() && w[i].span.end <= gap.end; ++i) {
          coord |= place_coord_.contains(w[i]);
        }
        auto inside = [&](Span x) { return x.begin >= gap.begin && x.end <= gap.end; };
        for (uint32_t t : sent_triggers[s]) joined &= !inside(trig[t].span);
        for (uint32_t c : sent_claims[s]) joined &= !inside(claims[c].figure_span);
        joined &= coord;
      }
      for (uint32_t c : sent_claims[s]) {
        if (joined && claims[c].scope == Scope::kIncident &&
            claims[c].figure_span.begin >= places[towns.back()].span.end) {
          claims[c].scope = Scope::kWave;
        }
        groups[nearest(claims[c].figure_span)].claims.push_back(c);
      }
    }
    prev_event = s;
    prev_places.clear();
    for (uint32_t p : here) {
      if (Level(places[p].place) < static_cast<int>(GeoLevel::kProvince)) prev_places.push_back(p);
    }
    if (prev_places.size() > 1) prev_places.resize(1);
  }

  // A named person suspected of the violence ("police identified the gunman as ...") is the
  // perpetrator when the article names no armed group: a named group outranks any one person.
  {
    bool group = false;
    std::vector<bool> skip(ns);
    for (size_t s = 0; s < ns; ++s) skip[s] = sent[s].background;
    for (const ActorMention& a : out.actors) {
      group |= a.actor_class == ActorClass::kArmedGroup && !skip[ws.SentenceAt(a.span.begin)];
    }
    if (!group) {
      std::vector<Span> place_spans;
      for (const PlaceMention& pm : places) place_spans.push_back(pm.span);
      std::vector<ActorMention> victims;
      auto insert = [&](ActorMention a) {
        auto at =
            std::upper_bound(out.actors.begin(), out.actors.end(), a.span.begin,
                             [](uint32_t b, const ActorMention& x) { return b < x.span.begin; });
        out.actors.insert(at, std::move(a));
      };
      if (std::optional<ActorMention> p = suspects_->Find(ws, &skip, &place_spans, &victims)) {
        p->role = ActorRole::kUnknown;  // roles are set on the event mentions
        insert(std::move(*p));
      }
      // The named victims too: follow-up reports (a hearing, a funeral) join their incident by
      // the people they name (resolve.h).
      for (ActorMention& v : victims) {
        v.role = ActorRole::kUnknown;
        insert(std::move(v));
      }
    }
  }

  // The article's perpetrator: a group claiming, else one accused or named, else generic.
  auto rank = [](const ActorMention& a) {
    if (a.actor_class == ActorClass::kArmedGroup) {
      switch (a.responsibility) {
        case Responsibility::kClaimed:
          return 4;
        case Responsibility::kAccused:
          return 3;
        default:
          return 2;
      }
    }
    if (a.actor_class == ActorClass::kMilitants) return 1;
    return 0;
  };
  const ActorMention* doc_perp = nullptr;
  for (const ActorMention& a : out.actors) {
    if (sent[ws.SentenceAt(a.span.begin)].background) continue;
    if (rank(a) >= 2 && (doc_perp == nullptr || rank(a) > rank(*doc_perp))) doc_perp = &a;
  }

  for (Group& g : groups) {
    if (g.triggers.empty() && g.claims.empty()) continue;
    EventMention m;
    m.doc_id = article.doc_id;
    m.background = g.background;
    m.wave = g.wave;
    // The trigger: highest priority, first in text on ties.
    const TriggerHit* best = nullptr;
    for (uint32_t t : g.triggers) {
      if (best == nullptr || trig[t].priority > best->priority) best = &trig[t];
    }
    uint32_t anchor_sentence = g.sentences.front();
    if (best != nullptr) {
      const auto& type = triggers_->type(best->type);
      m.trigger = best->span;
      m.event_type = type.event_type;
      m.sub_event_type = type.sub_event_type;
      anchor_sentence = best->sentence;
    } else {
      Field f = claims[g.claims.front()].field;
      m.event_type =
          f == Field::kArrested ? "Strategic developments" : "Violence against civilians";
      m.sub_event_type = f == Field::kArrested   ? "Arrests"
                         : f == Field::kAbducted ? "Abduction/forced disappearance"
                                                 : "Attack";
    }
    m.span = ws.sentence_span(anchor_sentence);
    // An "attack" whose victims are all fighters is a battle.
    if (m.sub_event_type == "Attack") {
      bool civ = false, armed = false;
      for (uint32_t c : g.claims) {
        if (claims[c].field != Field::kKilled && claims[c].field != Field::kInjured) continue;
        if (claims[c].category == Category::kCivilians) civ = true;
        if (claims[c].category == Category::kSecurityForces ||
            claims[c].category == Category::kMilitants) {
          armed = true;
        }
      }
      if (armed && !civ) {
        m.event_type = "Battles";
        m.sub_event_type = "Armed clash";
      }
    }
    // Date: nearest timex in the trigger's sentence, then the group's sentences, then the
    // paragraph, then (news only) the article's main date.
    auto usable = [&](uint32_t i) {
      const Timex& t = doc.timexes[i];
      return t.date.valid() && (g.background || (!recalls[i] && !procedural[i]));
    };
    std::optional<Timex> date;
    {
      uint32_t best_d = UINT32_MAX;
      for (uint32_t t : sent_timexes[anchor_sentence]) {
        const Timex& tx = doc.timexes[t];
        uint32_t d = Distance(tx.span, m.trigger.empty() ? m.span : m.trigger);
        if (usable(t) && d < best_d) {
          best_d = d;
          date = tx;
        }
      }
      // Else the first of the group's sentences with a date, taking the date nearest to one of
      // the group's triggers there: "charged on Tuesday over last week's shooting" dates the
      // shooting by "last week", not by the charge.
      for (uint32_t s : g.sentences) {
        if (date) break;
        uint32_t best = UINT32_MAX;
        for (uint32_t t : sent_timexes[s]) {
          const Timex& tx = doc.timexes[t];
          if (!usable(t)) continue;
          uint32_t d = UINT32_MAX - 1;
          for (uint32_t h : g.triggers) {
            if (trig[h].sentence == s) d = std::min(d, Distance(tx.span, trig[h].span));
          }
          if (d < best) {
            best = d;
            date = tx;
          }
        }
      }
      if (!date) {
        for (size_t s = 0; s < ns; ++s) {
          if (ws.paragraph(s) != ws.paragraph(anchor_sentence) ||
              sent[s].background != g.background)
            continue;
          for (uint32_t t : sent_timexes[s]) {
            if (!date && usable(t)) date = doc.timexes[t];
          }
        }
      }
      if (!date && !g.background && main_date) date = main_date;
      // A span ("last week") narrows to a day the article names inside it ("on Dec. 13").
      if (date && date->date_end.valid() && date->precision == DatePrecision::kDay) {
        for (size_t s = 0; s < ns; ++s) {
          if (sent[s].background != g.background) continue;
          bool found = false;
          for (uint32_t t : sent_timexes[s]) {
            const Timex& tx = doc.timexes[t];
            if (usable(t) && !tx.date_end.valid() && tx.precision == DatePrecision::kDay &&
                date->date <= tx.date && tx.date <= date->date_end) {
              date = tx;
              found = true;
              break;
            }
          }
          if (found) break;
        }
      }
      // A weekday ("on Saturday") gives way to the absolute date naming the same day: it needs
      // no publication date to stand.
      if (date && date->relative) {
        for (uint32_t t = 0; t < doc.timexes.size(); ++t) {
          const Timex& tx = doc.timexes[t];
          if (!tx.relative && usable(t) && tx.date == date->date &&
              tx.precision == date->precision && !tx.date_end.valid()) {
            date = tx;
            break;
          }
        }
      }
    }
    if (date) m.date = *date;
    if (g.place) m.places.push_back(places[*g.place]);
    // Actors of the group's sentences; the perpetrator first.
    const ActorMention* perp = g.background ? nullptr : doc_perp;
    for (uint32_t s : g.sentences) {
      Span sp = ws.sentence_span(s);
      for (const ActorMention& a : out.actors) {
        if (a.span.begin < sp.begin || a.span.end > sp.end) continue;
        if (perp == nullptr ? rank(a) >= 1 : rank(a) > rank(*perp)) perp = &a;
      }
    }
    if (perp != nullptr) {
      ActorMention p = *perp;
      p.role = ActorRole::kPerpetrator;
      m.actors.push_back(std::move(p));
    }
    for (uint32_t s : g.sentences) {
      Span sp = ws.sentence_span(s);
      for (const ActorMention& a : out.actors) {
        if (a.span.begin < sp.begin || a.span.end > sp.end || &a == perp) continue;
        if (perp != nullptr && a.canonical == perp->canonical) continue;
        ActorMention x = a;
        if (a.actor_class == ActorClass::kCivilians) x.role = ActorRole::kTarget;
        m.actors.push_back(std::move(x));
      }
    }
    // A figure the article repeats (headline and lead) is one claim, not two: keep the first
    // attributed one. Equal figures of one sentence are distinct ("three women and three
    // children"). A figure stated as a number outranks implicit ones of its field ("two men were
    // shot ... one died" over "he died"), except an attacker's own death beside his victims' number
    // when no number counts attackers: in the same sentence ("killing 3, then killed himself" is
    // four deaths), or anywhere when every number names its victims ("two boys killed" ... "the
    // father took his own life" is three; "3 dead" may count him).
    bool numeric[8] = {};
    bool numeric_militants[8] = {};
    bool numeric_unknown[8] = {};
    for (uint32_t c : g.claims) {
      if (claim_implicit[c]) continue;
      const int f = static_cast<int>(claims[c].field) & 7;
      numeric[f] = true;
      numeric_militants[f] |= claims[c].category == Category::kMilitants;
      numeric_unknown[f] |= claims[c].category == Category::kUnknown;
    }
    auto beside_victims = [&](uint32_t c) {
      const Claim& x = claims[c];
      const int f = static_cast<int>(x.field) & 7;
      if (x.category != Category::kMilitants || numeric_militants[f]) return false;
      if (!numeric_unknown[f]) return true;
      for (uint32_t d : g.claims) {
        if (!claim_implicit[d] && claim_sent[d] == claim_sent[c] && claims[d].field == x.field) {
          return true;
        }
      }
      return false;
    };
    // A singular victim of a later sentence that says it is one more ("A soldier died. A police
    // officer was also killed."): an additive word in its predicate or right before it. It adds
    // to the earlier singular death, whose claim then quotes both sentences; without the word
    // ("The soldier, 24, died") it is the same victim told again.
    std::vector<int> kept_sent;  // per m.claims: its sentence if an implicit death, else -1
    auto additive = [&](uint32_t c) {
      const size_t s = claim_sent[c];
      const Span cue = claims[c].figure_span;
      for (size_t k = ws.sentence_begin(s); k < ws.sentence_end(s); ++k) {
        if (w[k].span.begin >= cue.end) break;
        const bool next_to = w[k].span.begin >= cue.begin ||
                             (k + 1 < ws.sentence_end(s) && w[k + 1].span.begin >= cue.begin);
        if (next_to && w[k].kind == WordKind::kWord && additives_.contains(w[k])) return true;
      }
      return false;
    };
    for (uint32_t c : g.claims) {
      const Claim& x = claims[c];
      if (claim_implicit[c] && numeric[static_cast<int>(x.field) & 7] && !beside_victims(c)) {
        continue;
      }
      if (claim_implicit[c] && x.field == Field::kKilled && x.scope == Scope::kIncident &&
          x.qualifier == Qualifier::kExact && additive(c)) {
        bool merged = false;
        for (size_t k = 0; k < m.claims.size() && !merged; ++k) {
          Claim& y = m.claims[k];
          if (kept_sent[k] < 0 || kept_sent[k] >= static_cast<int>(claim_sent[c]) ||
              y.field != x.field || y.scope != x.scope || y.qualifier != x.qualifier) {
            continue;
          }
          y.value += x.value;
          y.low += x.low;
          y.high += x.high;
          if (y.category != x.category) y.category = Category::kUnknown;
          y.span.end = std::max(y.span.end, x.span.end);
          y.quote = article.text.substr(y.span.begin, y.span.size());
          merged = true;
        }
        if (merged) continue;
      }
      bool dup = false;
      for (Claim& y : m.claims) {
        if (y.span == x.span || y.field != x.field || y.value != x.value ||
            y.qualifier != x.qualifier || y.category != x.category || y.scope != x.scope) {
          continue;
        }
        dup = true;
        if (y.attributed_to.empty() && !x.attributed_to.empty()) y = x;
      }
      if (!dup) {
        m.claims.push_back(x);
        const bool single_death = claim_implicit[c] && x.field == Field::kKilled;
        kept_sent.push_back(single_death ? static_cast<int>(claim_sent[c]) : -1);
      }
    }
    out.mentions.push_back(std::move(m));
  }
  std::stable_sort(
      out.mentions.begin(), out.mentions.end(),
      [](const EventMention& a, const EventMention& b) { return a.span.begin < b.span.begin; });
  // The article's claims are those of its mentions: repeated figures are dropped there.
  for (const EventMention& m : out.mentions) {
    out.claims.insert(out.claims.end(), m.claims.begin(), m.claims.end());
  }
  std::stable_sort(out.claims.begin(), out.claims.end(), [](const Claim& a, const Claim& b) {
    return a.figure_span.begin < b.figure_span.begin;
  });
  out.places = std::move(places);  // unchanged since the actor filter; moved, not copied
  return out;
}

}  // namespace sitrep
