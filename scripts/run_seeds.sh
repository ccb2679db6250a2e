#!/usr/bin/env bash
# Builds sitrep if needed, analyses the seed articles and scores the result with the referee.
# Usage: scripts/run_seeds.sh [OUT.json]   (default out.json; the SQLite store is $DB, default sitrep.db)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-out.json}"
scripts/setup.sh   # idempotent: installs what is missing, rebuilds what changed
build/sitrep analyze ../shared/corpus/seeds.jsonl --out "$OUT" --db "${DB:-sitrep.db}"
python3 ../shared/eval/score.py ../shared/gold/seeds.json "$OUT" ../shared/corpus/seeds.jsonl
