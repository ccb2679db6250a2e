#!/usr/bin/env bash
# End-to-end benchmark on the synthetic news wire: simulate N articles, run the whole pipeline
# (ingest, dedup, text, geo, extract, store, resolve) with `sitrep bench run`, print its table,
# then score the output against the simulated gold with the referee.
#
#   bench/run.sh N [SEED] [THREADS]
#
# Environment: BUILD (build dir, default build), OUT (work dir, default /tmp/sitrep-bench-N),
# SIM_ARGS (more `bench simulate` flags, e.g. "--sim-gazetteer data/gazetteer/gazetteer.bin
# --min-population 5000" for the gazetteer world used at 100k and 1M, see bench/README.md),
# SCORE_MAX (largest N to score with the full referee, default 10000: its story B-cubed is
# quadratic in the number of documents, ~4 s at 1k and ~6 min at 10k; above it the referee runs on
# a random sample of ~4 000 articles' stories, bench/score_sample.py).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:?usage: bench/run.sh N [SEED] [THREADS]}"
seed="${2:-1}"
threads="${3:-0}"
build="${BUILD:-$here/build}"
out="${OUT:-/tmp/sitrep-bench-$n}"
score_max="${SCORE_MAX:-10000}"
referee="${REFEREE:-$here/../shared/eval/score.py}"

mkdir -p "$out"
rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"  # a fresh store each run
# shellcheck disable=SC2086  # SIM_ARGS is a list of flags
"$build/sitrep" bench simulate --articles "$n" --seed "$seed" --out "$out" ${SIM_ARGS:-}
"$build/sitrep" bench run --input "$out/articles.jsonl" --threads "$threads" \
  --db "$out/bench.db" --out "$out/incidents.json"
if [ "$n" -le "$score_max" ] && [ -f "$referee" ]; then
  python3 "$referee" "$out/gold.json" "$out/incidents.json" "$out/articles.jsonl"
elif [ -f "$referee" ]; then
  echo "N > SCORE_MAX=$score_max: referee on a sample of the stories (bench/score_sample.py)"
  python3 "$here/bench/score_sample.py" --referee "$referee" \
    "$out/gold.json" "$out/incidents.json" "$out/articles.jsonl"
else
  echo "referee skipped ($referee missing)"
fi
