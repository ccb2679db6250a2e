#!/usr/bin/env bash
# The hardening suite in its short form, for CI (scripts/test.sh): bad inputs, crash safety with
# a few kills, a few seconds of load, and 10 s of fuzzing per target. Each part cleans up its
# own temporary files and processes; this script stops at nothing and reports every part.
#
# Usage: tests/hardening/run_all.sh
# Environment: SITREP (binary, default build/sitrep); HARDENING_KILLS (default 3),
#   HARDENING_LOAD_S (default 5), HARDENING_FUZZ_S (default 10; 0 skips fuzzing, as does a
#   machine without clang).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SITREP="${SITREP:-$ROOT/build/sitrep}"
KILLS="${HARDENING_KILLS:-3}"
LOAD_S="${HARDENING_LOAD_S:-5}"
FUZZ_S="${HARDENING_FUZZ_S:-10}"

FAILED=()
part() {
  local name="$1"
  shift
  printf '\n== hardening: %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    printf '== hardening: %s passed (%d s)\n' "$name" $((SECONDS - start))
  else
    printf '== hardening: %s FAILED (%d s)\n' "$name" $((SECONDS - start))
    FAILED+=("$name")
  fi
}

part "bad input" "$ROOT/tests/hardening/bad_input.sh"
part "crash safety" "$ROOT/scripts/crash_test.sh" "$KILLS"
part "load" "$ROOT/scripts/load_test.sh" "$LOAD_S"
if [[ "$FUZZ_S" != 0 ]] && command -v clang++ >/dev/null; then
  part "fuzzing" "$ROOT/scripts/fuzz.sh" "$FUZZ_S"
else
  printf '\n== hardening: fuzzing skipped (no clang++ or HARDENING_FUZZ_S=0)\n'
fi

if [[ ${#FAILED[@]} -gt 0 ]]; then
  printf '\nhardening: FAILED: %s\n' "${FAILED[*]}"
  exit 1
fi
printf '\nhardening: all parts passed\n'
