#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run):
#   1. scripts/setup.sh (packages, build/, data)
#   2. unit tests (ctest on build/)
#   3. end-to-end tests: every tests/e2e_*.py against build/sitrep
#   4. scripts/check_scores.sh: referee scores must not drop below tests/score_floors.json
#   5. the web page driven in headless Chromium (tests/e2e_web/run.mjs)
#   6. hardening (tests/hardening/run_all.sh): bad inputs, SIGKILL crash safety, load, fuzzing
#   7. ASan+UBSan build in build-asan/: unit tests and the bad-input end-to-end test
#      (skip with SITREP_SKIP_ASAN=1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# ccache hits across checkouts in different folders (CI clones elsewhere).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
export JOBS

step() { printf '\n== %s\n' "$*" >&2; }

step "setup"
scripts/setup.sh

step "unit tests"
ctest --test-dir build --output-on-failure -j "$JOBS"

step "end-to-end tests"
for t in tests/e2e_*.py; do
  SITREP="$ROOT/build/sitrep" python3 "$t"
done

step "referee scores"
scripts/check_scores.sh

step "web page in headless Chromium"
node tests/e2e_web/run.mjs

step "hardening: bad input, crash safety, load, fuzzing"
tests/hardening/run_all.sh

if [[ "${SITREP_SKIP_ASAN:-0}" != "1" ]]; then
  step "ASan+UBSan build"
  cmake -S "$ROOT" -B "$ROOT/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSITREP_SANITIZE=ON >/dev/null
  cmake --build "$ROOT/build-asan" -j "$JOBS"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1"
  ctest --test-dir build-asan --output-on-failure -j "$JOBS"
  SITREP="$ROOT/build-asan/sitrep" python3 tests/e2e_bad_input.py
fi
step "all tests passed"
