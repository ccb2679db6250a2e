#!/usr/bin/env bash
# Reproducer: one long "sentence" (no full stop, no line break) makes analysis quadratic in time
# and memory, because every claim copies its whole sentence as its quote
# (src/extract/claims.cc ClaimExtractor::Extract: c.quote = text[sentence span]).
# Usage: tests/hardening/repro/long_sentence.sh [KIB]   (default 128; 256 took 34 s, 1024 was
# killed for memory, against ~1.5 s for the same bytes with full stops)
set -eu  # no pipefail: `yes | head` ends with SIGPIPE
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
SITREP="${SITREP:-$ROOT/build/sitrep}"
KIB="${1:-128}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
yes 'Unidentified attackers torched two trucks on the highway and one guard died' |
  head -c $((KIB << 10)) | tr '\n' ' ' >"$TMP/one-sentence.txt"
yes 'Unidentified attackers torched two trucks on the highway and one guard died.' |
  head -c $((KIB << 10)) >"$TMP/sentences.txt"
for f in sentences one-sentence; do
  start=$(date +%s.%N)
  ( ulimit -v $((4 << 20)); "$SITREP" analyze "$TMP/$f.txt" --out "$TMP/out.json" --threads 1 --quiet ) || true
  echo "$f ($KIB KiB): $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
done
