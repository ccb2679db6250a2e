// `sitrep bench ...`: the synthetic news wire and the throughput benchmark.
//
//   sitrep bench simulate --articles N [--seed S] [--noise F] [--start YYYY-MM-DD] [--days D]
//                         [--sim-gazetteer FILE [--min-population P]] --out DIR
//       writes DIR/articles.jsonl (the shared article format) and DIR/gold.json (sitrep-gold/1);
//       --sim-gazetteer draws the towns from a compiled gazetteer instead of data/sim/places.tsv.
//   sitrep bench run --articles N [--seed S] [--threads T] [--db FILE] [--input FILE.jsonl]
//                    [--chunk K] [--out FILE.json] [--gazetteer FILE] [--data DIR] [--keep DIR]
//                    [--sim-gazetteer FILE [--min-population P]]
//       runs ingest -> dedup -> text/geo/extract (Engine::AnalyzeAll) -> store -> resolve -> store
//       over a simulated corpus (or --input), K articles at a time (default 50000), then a bare
//       pass (JSON parse + Segment) over the same bytes, and prints a table of throughput, peak
//       RSS and time per stage. --out writes the sitrep-incidents/1 document (for the referee).
//
// argv[0] is "bench". Prints to stdout, errors to stderr; returns the process exit code
// (0 ok, 1 failure, 2 usage).
#ifndef SITREP_CLI_BENCH_CMD_H_
#define SITREP_CLI_BENCH_CMD_H_

namespace sitrep {

int RunBenchCommand(int argc, char** argv);

}  // namespace sitrep

#endif  // SITREP_CLI_BENCH_CMD_H_
