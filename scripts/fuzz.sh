#!/usr/bin/env bash
# Builds the libFuzzer targets (src/*/*_fuzz.cc) with clang, ASan and UBSan in build-fuzz/ and
# runs each for SECONDS; fails when any target finds a crash, a leak, a sanitizer error, a
# timeout or runs out of memory. Prints executions and time per target.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target, default 20
# Environment: FUZZ_BUILD (build dir, default build-fuzz), FUZZ_JOBS (build jobs, default 2),
#   FUZZ_MAX_LEN (largest input, default 8192), FUZZ_NICE (default 10), FUZZ_SEED (libFuzzer's
#   random seed, default 1 so that a CI run is repeatable; 0 draws a new one for exploration).
#
# Seeds come from tests/hardening/fuzz_seeds/<target>/ (read-only); the growing corpus is kept in
# <build>/corpus/<target>/ so later runs start from what earlier runs found. A failing input is
# written to <build>/artifacts/<target>-crash-* (or -leak-, -timeout-, -oom-); reproduce it with
#   <build>/<target> <build>/artifacts/<file>
#
# sitrep_core itself must carry the coverage instrumentation, otherwise libFuzzer only sees the
# target file: CMakeLists.txt adds -fsanitize=fuzzer only to the targets, so this script passes
# -fsanitize=fuzzer-no-link for everything through CMAKE_CXX_FLAGS.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-20}"
shift || true
BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
JOBS="${FUZZ_JOBS:-2}"
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
NICE="${FUZZ_NICE:-10}"
SEED="${FUZZ_SEED:-1}"
SEEDS="$ROOT/tests/hardening/fuzz_seeds"

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt-get install -y clang libclang-rt-14-dev)" >&2
  exit 1
fi

TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
  for f in "$ROOT"/src/*/*_fuzz.cc; do TARGETS+=("$(basename "$f" .cc)"); done
fi

if [[ ! -f "$BUILD/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSITREP_FUZZ=ON -DSITREP_SANITIZE=ON -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null ||
    { echo "fuzz: configure failed" >&2; exit 1; }
fi
nice -n "$NICE" cmake --build "$BUILD" -j "$JOBS" --target "${TARGETS[@]}" >"$BUILD/fuzz-build.log" 2>&1 ||
  { tail -40 "$BUILD/fuzz-build.log"; echo "fuzz: build failed (log: $BUILD/fuzz-build.log)" >&2; exit 1; }

mkdir -p "$BUILD/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
FAILED=()
printf '%-20s %10s %8s %10s %8s  %s\n' target execs seconds execs/s corpus result
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus"
  seed_dir=()
  [[ -d "$SEEDS/$t" ]] && seed_dir=("$SEEDS/$t")
  log="$BUILD/fuzz-$t.log"
  start=$(date +%s.%N)
  # -timeout: one input taking longer is a hang. -rss_limit_mb bounds a runaway allocation.
  nice -n "$NICE" "$BUILD/$t" -max_total_time="$SECS" -max_len="$MAX_LEN" -seed="$SEED" -timeout=30 \
    -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$t-" \
    "$corpus" "${seed_dir[@]}" >"$log" 2>&1
  rc=$?
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  execs="${execs:-0}"
  n_corpus=$(find "$corpus" -type f | wc -l)
  rate=$(awk -v e="$execs" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')
  if [[ $rc -eq 0 ]]; then
    result=ok
  else
    result="FAILED (exit $rc): $(grep -m1 -oE 'ERROR: [A-Za-z]+: [^ ]+|FUZZ_CHECK failed: .*|runtime error: .*|ERROR: libFuzzer: [a-z-]+' "$log")"
    FAILED+=("$t")
  fi
  printf '%-20s %10s %8s %10s %8s  %s\n' "$t" "$execs" "$secs" "$rate" "$n_corpus" "$result"
done

if [[ ${#FAILED[@]} -gt 0 ]]; then
  echo "fuzz: ${FAILED[*]} failed; logs in $BUILD/fuzz-<target>.log, inputs in $BUILD/artifacts/" >&2
  exit 1
fi
