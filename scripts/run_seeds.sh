#!/usr/bin/env bash
# Builds sitrep if needed, analyses the seed articles and scores the result with the referee.
# Usage: scripts/run_seeds.sh [OUT.json]   (default out.json)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-out.json}"
[[ -x build/sitrep ]] || scripts/setup.sh
build/sitrep analyze ../shared/corpus/seeds.jsonl --out "$OUT"
python3 ../shared/eval/score.py ../shared/gold/seeds.json "$OUT" ../shared/corpus/seeds.jsonl
