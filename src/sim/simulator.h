// Simulator: a synthetic news wire for benchmarks and end-to-end checks.
//
// Generates N English articles (2-5 KB each) about invented incidents at real places
// (data/sim/places.tsv, or the towns of the compiled gazetteer), written from the templates in
// data/sim/templates.txt with the variation real coverage has: 2-6 outlets per incident, different
// figures and qualifiers ("at least 23", "more than 20", "dozens of"), early lower tolls, spelling
// variants of place names, relative dates ("on Monday") against a publication date 0-2 days after
// the event, background mentions of older incidents, coordinated waves (one story, several
// incidents), wire copies (the same body under another outlet) and unrelated sports/economy noise.
// Alongside it keeps the answer: a `sitrep-gold/1` document (see /work/shared/eval/README.md)
// naming, for every incident, its date, place (+ spelling variants), coordinates, killed/injured
// ranges and reporting articles.
//
// Streaming: Next() makes one article at a time; only the compact gold (numbers and doc indices,
// a few dozen bytes per incident) grows with N, so a million articles fit in little memory.
// Determinism: the same options (seed included) give the same bytes on every platform: the
// generator uses its own PRNG, never the standard distributions.
//
// Thread safety: a Simulator is a stateful generator; use it from one thread.
//
// Template variables set for each article (slots resolved before the template sections):
//   place place_upper admin1 admin2 country country_adj weekday month mday day killed killed_num
//   injured mil_killed claim_killed outlet_tag bg_killed bg_victims bg_place bg_when bg_when_noun
//   wave_killed n_attacks score num num_small pct
#ifndef SITREP_SIM_SIMULATOR_H_
#define SITREP_SIM_SIMULATOR_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/article.h"

namespace sitrep {

struct SimOptions {
  size_t articles = 1000;
  uint64_t seed = 1;
  double noise_fraction = 0.2;        // share of unrelated sports/economy articles
  double wave_fraction = 0.08;        // share of stories that are coordinated waves (2-4 incidents)
  double wire_fraction = 0.12;        // chance an outlet's article is a copy of the previous one
  double background_fraction = 0.25;  // chance an article recalls an older incident
  double undated_fraction = 0.03;     // articles without a publication date
  CivilDate start{2024, 1, 1};        // first event date
  int days = 365;                     // events are spread over [start, start + days)
  std::string data_dir;               // holds places.tsv, countries.tsv, templates.txt;
                                      // "" = DataPath("sim")
  // When set, incidents happen at towns of this compiled gazetteer (populated places of at least
  // `gazetteer_min_population` in the countries of countries.tsv) instead of places.tsv. Such
  // places have no spelling variants: the gold's aliases are the official name only.
  std::string gazetteer_path;
  int64_t gazetteer_min_population = 20000;
};

// The names of the template variables the simulator sets (the list in the header comment).
const std::vector<std::string>& SimTemplateVariables();

class Simulator {
 public:
  // Loads the data files; InvalidArgument/NotFound name the file and line at fault.
  [[nodiscard]] static Result<std::unique_ptr<Simulator>> Create(const SimOptions& options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Writes the next article into *out and returns true; false once `articles` have been made.
  bool Next(Article* out);
  size_t produced() const;

  // The gold for the articles produced so far, as a `sitrep-gold/1` JSON document. Streams: the
  // text is never held whole in memory.
  Status WriteGold(std::ostream& out) const;
  std::string GoldJson() const;

 private:
  struct Impl;
  explicit Simulator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One line of the shared JSONL article format (doc_id, source, url, published, lang, text),
// without the trailing newline.
std::string ArticleToJsonLine(const Article& article);

// Runs a Simulator to the end, writing dir/articles.jsonl and dir/gold.json (dir is created).
[[nodiscard]] Status SimulateToDir(const SimOptions& options, const std::string& dir);

}  // namespace sitrep

#endif  // SITREP_SIM_SIMULATOR_H_
