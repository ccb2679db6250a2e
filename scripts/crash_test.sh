#!/usr/bin/env bash
# Crash safety of the store: `sitrep ingest` is SIGKILLed at random points over a multi-file
# input, then run again to completion; the database must then hold every article exactly once,
# pass SQLite's integrity check, and export the same incidents (byte for byte) as one
# uninterrupted run. Also checks that a read-only database and a full disk give a clear error
# (exit 1, a message naming the database), never a crash or a damaged file.
#
# Usage: scripts/crash_test.sh [RUNS]     RUNS = interrupted runs (default 10), each with 1-2 kills
# Environment: SITREP (binary, default build/sitrep), CRASH_SEED (random seed, default 1),
#   CRASH_INPUT (a .jsonl to split into the input files; default ../shared/corpus/gvc-dev.jsonl,
#   or generated articles when it is absent).
# Everything happens in a temporary folder that is removed on exit, mounts included.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITREP="${SITREP:-$ROOT/build/sitrep}"
RUNS="${1:-10}"
RANDOM="${CRASH_SEED:-1}"
INPUT="${CRASH_INPUT:-$ROOT/../shared/corpus/gvc-dev.jsonl}"
RUN_TIMEOUT="${RUN_TIMEOUT:-600}"

[[ -x "$SITREP" ]] || { echo "crash_test: $SITREP not built" >&2; exit 1; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-crash.XXXXXX")"
MOUNTS=()
BG=""
cleanup() {
  [[ -n "$BG" ]] && kill -9 "$BG" 2>/dev/null
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
  chmod -R u+rwx "$TMP" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
# A private copy of the binary: build/ may be rebuilt by someone else while this runs.
cp "$SITREP" "$TMP/sitrep-under-test" && SITREP="$TMP/sitrep-under-test"
trap 'exit 130' INT TERM

FAILS=0
ok() { printf '  ok    %s\n' "$1"; }
bad() { printf '  FAIL  %s\n' "$1"; FAILS=$((FAILS + 1)); }
check() { local msg="$1"; shift; if "$@"; then ok "$msg"; else bad "$msg"; fi; }

# Crashed = killed by a signal other than ours, or a sanitizer report.
crashed() {  # crashed RC STDERR-FILE
  [[ $1 -ge 128 && $1 -ne 137 ]] || grep -qE 'Sanitizer|runtime error|Segmentation|terminate called' "$2"
}

# "doc_id count" lines, sorted; and the integrity check's answer.
doc_counts() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for doc_id, n in con.execute("SELECT doc_id, COUNT(*) FROM documents GROUP BY doc_id ORDER BY doc_id"):
    print(doc_id, n)
EOF
}
integrity() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
try:
    con = sqlite3.connect(sys.argv[1])
    print(con.execute("PRAGMA integrity_check").fetchone()[0])
except Exception as e:
    print("error:", e)
EOF
}

ingest() {  # ingest DB: the full input, to completion
  timeout -k 5 "$RUN_TIMEOUT" "$SITREP" ingest "${FILES[@]}" --db "$1" --threads 2 --quiet \
    2>"$TMP/ingest.err"
}
export_json() {  # export_json DB OUT
  timeout -k 5 "$RUN_TIMEOUT" "$SITREP" export --db "$1" --format json --out "$2" 2>"$TMP/export.err"
}

# ---------------------------------------------------------------- input files
mkdir -p "$TMP/in"
if [[ -f "$INPUT" ]]; then
  split -n l/4 -d --additional-suffix=.jsonl "$INPUT" "$TMP/in/part-"
else
  python3 - "$TMP/in" <<'EOF'
import json, os, sys
towns = ["Alder", "Birch", "Cedar", "Dover", "Elm", "Fir", "Gale", "Heath"]
for part in range(4):
    with open(os.path.join(sys.argv[1], f"part-{part:02d}.jsonl"), "w") as f:
        for i in range(60):
            n = part * 60 + i
            f.write(json.dumps({
                "doc_id": f"gen-{n}", "source": f"Wire {n % 5}", "url": None,
                "published": f"2024-0{1 + n % 9}-{1 + n % 27:02d}", "lang": "en",
                "text": f"Gunmen attacked a checkpoint near {towns[n % 8]} on Monday, killing "
                        f"{2 + n % 9} soldiers, officials said. At least {n % 4} attackers died."}) + "\n")
EOF
fi
FILES=("$TMP"/in/*.jsonl)
N_INPUT=$(cat "${FILES[@]}" | grep -c '"doc_id"')
echo "crash_test: ${#FILES[@]} input files, $N_INPUT records"

# ---------------------------------------------------------------- reference run
start=$(date +%s.%N)
ingest "$TMP/ref.db"
RC=$?
REF_S=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
[[ $RC -eq 0 ]] || { echo "crash_test: reference ingest failed ($RC)"; cat "$TMP/ingest.err"; exit 1; }
export_json "$TMP/ref.db" "$TMP/ref.json" || { echo "crash_test: reference export failed"; exit 1; }
REF_DOCS="$(doc_counts "$TMP/ref.db")"
N_REF=$(wc -l <<<"$REF_DOCS")
echo "crash_test: uninterrupted ingest: $REF_S s, $N_REF articles, $(grep -o '"id":' "$TMP/ref.json" | wc -l) incident ids"

# ---------------------------------------------------------------- one file per run
# Ingesting the files one run at a time must end in the same store as one run over all of them
# (the README promise that re-resolution covers every stored analysis); this is also what makes
# a resumed run comparable with the reference below.
for f in "${FILES[@]}"; do
  timeout -k 5 "$RUN_TIMEOUT" "$SITREP" ingest "$f" --db "$TMP/batches.db" --threads 2 --quiet \
    2>"$TMP/ingest.err" || bad "batch ingest of $(basename "$f") failed: $(head -1 "$TMP/ingest.err")"
done
export_json "$TMP/batches.db" "$TMP/batches.json"
check "one ingest per file gives the same export as one ingest of all files" \
  cmp -s "$TMP/ref.json" "$TMP/batches.json"
rm -f "$TMP"/batches.*

# ---------------------------------------------------------------- interrupted runs
KILLS=0
for run in $(seq 1 "$RUNS"); do
  db="$TMP/run-$run.db"
  rm -f "$db" "$db-wal" "$db-shm"
  n_attempts=$((1 + RANDOM % 2))
  killed_at=()
  for _ in $(seq 1 "$n_attempts"); do
    # A random point within the reference run's duration (plus 20%, so some runs finish).
    delay=$(awk -v r="$RANDOM" -v t="$REF_S" 'BEGIN { printf "%.3f", r / 32768 * t * 1.2 }')
    "$SITREP" ingest "${FILES[@]}" --db "$db" --threads 2 --quiet 2>"$TMP/bg.err" &
    BG=$!
    sleep "$delay"
    if kill -9 "$BG" 2>/dev/null; then
      KILLS=$((KILLS + 1))
      killed_at+=("${delay}s")
    else
      killed_at+=("done")
    fi
    wait "$BG" 2>/dev/null
    rc=$?
    BG=""
    crashed "$rc" "$TMP/bg.err" && bad "run $run: ingest crashed by itself (exit $rc)"
  done
  ingest "$db"
  rc=$?
  [[ $rc -eq 0 ]] || { bad "run $run: ingest after kills exits $rc: $(head -3 "$TMP/ingest.err")"; continue; }
  docs="$(doc_counts "$db")"
  export_json "$db" "$TMP/run.json"
  problems=()
  [[ "$(integrity "$db")" == ok ]] || problems+=("integrity check failed")
  [[ "$docs" == "$REF_DOCS" ]] || problems+=("articles differ: $(diff <(echo "$REF_DOCS") <(echo "$docs") | grep -c '^[<>]') line(s)")
  cmp -s "$TMP/ref.json" "$TMP/run.json" || problems+=("export differs from the uninterrupted run")
  if [[ ${#problems[@]} -eq 0 ]]; then
    ok "run $run: killed at ${killed_at[*]}; store complete ($N_REF articles once each), same incidents"
  else
    bad "run $run: killed at ${killed_at[*]}: ${problems[*]}"
  fi
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "crash_test: $KILLS kill(s) survived over $RUNS run(s)"

# ---------------------------------------------------------------- read-only database
echo "crash_test: read-only database"
RO="$TMP/ro"
mkdir -p "$RO"
cp "$TMP/ref.db" "$RO/store.db"
printf '{"doc_id":"ro-new","text":"A bomb killed two people at a bus stop on Friday, police said."}\n' >"$RO/new.jsonl"
chmod 444 "$RO/store.db" "$RO/new.jsonl"
chmod 555 "$RO"
chmod 755 "$TMP"
AS=()
if [[ $(id -u) -eq 0 ]]; then
  # root writes through file modes; drop to nobody when that is possible.
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SITREP"; then
    AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else
    AS=(skip)
  fi
fi
if [[ "${AS[*]-}" == skip ]]; then
  echo "  skip  running as root and cannot drop privileges to test a read-only file"
else
  timeout -k 5 "$RUN_TIMEOUT" "${AS[@]}" "$SITREP" ingest "$RO/new.jsonl" --db "$RO/store.db" --quiet \
    >/dev/null 2>"$TMP/ro.err"
  rc=$?
  check "read-only ingest: no crash" eval '! crashed $rc "$TMP/ro.err"'
  check "read-only ingest: exit 1 ($rc) with a message: $(head -1 "$TMP/ro.err")" \
    test "$rc" -eq 1 -a -s "$TMP/ro.err"
  check "read-only ingest: database unchanged" test "$(doc_counts "$RO/store.db")" == "$REF_DOCS"
  timeout -k 5 "$RUN_TIMEOUT" "${AS[@]}" "$SITREP" export --db "$RO/store.db" >"$TMP/ro.json" 2>"$TMP/ro.err"
  rc=$?
  check "read-only export: no crash (exit $rc$( [[ $rc -ne 0 ]] && echo ": $(head -1 "$TMP/ro.err")"))" \
    eval '! crashed $rc "$TMP/ro.err"'
fi
chmod 755 "$RO"

# ---------------------------------------------------------------- full disk
# Fills the disk part-way through a transaction; then the file must still be a sound database,
# and an ingest with room to spare must complete it.
full_disk_case() {  # full_disk_case NAME DB-PATH PREFIX-COMMAND...
  local name="$1" db="$2"
  shift 2
  timeout -k 5 "$RUN_TIMEOUT" "$@" "$SITREP" ingest "${FILES[@]}" --db "$db" --threads 2 --quiet \
    >/dev/null 2>"$TMP/full.err"
  local rc=$?
  check "$name: no crash (exit $rc)" eval '! crashed $rc "$TMP/full.err"'
  check "$name: exit 1 with a message: $(head -1 "$TMP/full.err")" test "$rc" -eq 1 -a -s "$TMP/full.err"
  if [[ -f "$db" ]]; then
    cp "$db" "$TMP/after-full.db"
    [[ -f "$db-wal" ]] && cp "$db-wal" "$TMP/after-full.db-wal"
    check "$name: database passes the integrity check" test "$(integrity "$TMP/after-full.db")" == ok
    ingest "$TMP/after-full.db"
    rc=$?
    export_json "$TMP/after-full.db" "$TMP/after-full.json"
    check "$name: a later ingest with room completes it (exit $rc, same export)" \
      cmp -s "$TMP/ref.json" "$TMP/after-full.json"
    rm -f "$TMP"/after-full.*
  fi
}
echo "crash_test: full disk"
mkdir -p "$TMP/small"
if mount -t tmpfs -o size=1m tmpfs "$TMP/small" 2>/dev/null; then
  MOUNTS+=("$TMP/small")
  full_disk_case "1 MiB tmpfs" "$TMP/small/store.db" env
  umount "$TMP/small" && MOUNTS=()
else
  echo "  skip  cannot mount a tmpfs here; using a file-size limit only"
fi
# ulimit -f: writes past the limit fail with EFBIG (SIGXFSZ ignored, so the process survives).
full_disk_case "ulimit -f 1 MiB" "$TMP/limited.db" bash -c 'trap "" XFSZ; ulimit -f 1024; exec "$@"' limit

echo "crash_test: $KILLS kill(s), $FAILS failure(s)"
[[ $FAILS -eq 0 ]]
