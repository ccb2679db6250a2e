#!/usr/bin/env bash
# Load test of `sitrep serve` on 127.0.0.1: many concurrent readers (wrk, or bounded curl loops
# when wrk is missing) on the JSON API while writers grow the same database, one with
# `sitrep ingest` (another process) and one with POST /api/articles (the server's own ingest).
# Passes when no request failed (no socket error, no non-2xx answer to a valid request), both
# writers succeeded, every article is in the store exactly once, and the server then serves
# the new articles and stops cleanly on SIGTERM.
#
# Usage: scripts/load_test.sh [SECONDS]     reading time (default 20); CONNECTIONS=16 readers
# Environment: SITREP (binary, default build/sitrep), LOAD_INPUT (a .jsonl; default
#   ../shared/corpus/gvc-dev.jsonl, or generated articles when it is absent).
# Loopback only, bounded in time; the server and all temporary files are removed on exit.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITREP="${SITREP:-$ROOT/build/sitrep}"
SECS="${1:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
INPUT="${LOAD_INPUT:-$ROOT/../shared/corpus/gvc-dev.jsonl}"
TOKEN="load-test-$$-$RANDOM"

[[ -x "$SITREP" ]] || { echo "load_test: $SITREP not built" >&2; exit 1; }
command -v curl >/dev/null || { echo "load_test: curl is needed" >&2; exit 1; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-load.XXXXXX")"
SERVER=""
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; done
  if [[ -n "$SERVER" ]]; then
    kill "$SERVER" 2>/dev/null
    sleep 1
    kill -9 "$SERVER" 2>/dev/null
  fi
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

# ---------------------------------------------------------------- inputs: A stored first,
# B ingested by the CLI during the load, C posted to the server during the load
if [[ -f "$INPUT" ]]; then
  cp "$INPUT" "$TMP/all.jsonl"
else
  python3 - "$TMP/all.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for n in range(240):
        f.write(json.dumps({"doc_id": f"gen-{n}", "source": f"Wire {n % 5}", "url": None,
                            "published": f"2024-0{1 + n % 9}-{1 + n % 27:02d}", "lang": "en",
                            "text": f"Gunmen attacked a checkpoint in district {n % 13} on Monday, "
                                    f"killing {2 + n % 9} soldiers, officials said."}) + "\n")
EOF
fi
total=$(wc -l <"$TMP/all.jsonl")
third=$((total / 3))
head -n "$third" "$TMP/all.jsonl" >"$TMP/a.jsonl"
sed -n "$((third + 1)),$((2 * third))p" "$TMP/all.jsonl" >"$TMP/b.jsonl"
tail -n +"$((2 * third + 1))" "$TMP/all.jsonl" >"$TMP/c.jsonl"
split -l 25 -d --additional-suffix=.jsonl "$TMP/c.jsonl" "$TMP/c-part-"
DB="$TMP/store.db"
"$SITREP" ingest "$TMP/a.jsonl" --db "$DB" --threads 2 --quiet 2>"$TMP/a.err" ||
  { echo "load_test: initial ingest failed"; cat "$TMP/a.err"; exit 1; }

# ---------------------------------------------------------------- server
SITREP_TOKEN="$TOKEN" "$SITREP" serve --db "$DB" --host 127.0.0.1 --port 0 --threads 8 \
  2>"$TMP/server.err" &
SERVER=$!
PORT=""
for _ in $(seq 1 300); do
  PORT="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/server.err" | head -1 | sed 's/.*://')"
  [[ -n "$PORT" ]] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/stats" && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.2
done
if [[ -z "$PORT" ]] || ! curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/stats"; then
  echo "load_test: server did not start"; cat "$TMP/server.err"; exit 1
fi
BASE="http://127.0.0.1:$PORT"
echo "load_test: server on $BASE, $(wc -l <"$TMP/a.jsonl") articles stored; reading for $SECS s"

# Paths the readers cycle through: lists, filters, one incident, one document, stats, exports.
INC_ID="$(curl -sf "$BASE/api/incidents?limit=1" | python3 -c 'import json,sys; d=json.load(sys.stdin)["incidents"]; print(d[0]["id"] if d else "")')"
DOC_ID="$(head -1 "$TMP/a.jsonl" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.loads(sys.stdin.read())["doc_id"], safe=""))')"
PATHS=("/api/incidents" "/api/incidents?limit=5&offset=3&sort=date" "/api/stats"
       "/api/documents/$DOC_ID" "/api/export?format=csv" "/api/incidents?q=police")
[[ -n "$INC_ID" ]] && PATHS+=("/api/incidents/$INC_ID")

# ---------------------------------------------------------------- writers
writer() {
  local rc=0
  timeout -k 5 600 "$SITREP" ingest "$TMP/b.jsonl" --db "$DB" --threads 1 --quiet 2>"$TMP/b.err" || rc=1
  echo "cli_ingest_exit=$rc" >"$TMP/writer.out"
  local posted=0 failed=0
  for f in "$TMP"/c-part-*.jsonl; do
    code="$(curl -s -o "$TMP/post.json" -w '%{http_code}' --max-time 300 \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary @"$f" "$BASE/api/articles")"
    if [[ "$code" == 200 ]]; then posted=$((posted + 1)); else failed=$((failed + 1)); cp "$TMP/post.json" "$TMP/post-failed.json"; fi
  done
  echo "posts_ok=$posted posts_failed=$failed" >>"$TMP/writer.out"
}
writer &
WRITER=$!
PIDS+=("$WRITER")

# ---------------------------------------------------------------- readers
READ_START=$SECONDS
if command -v wrk >/dev/null; then
  {
    echo 'local paths = {'
    for p in "${PATHS[@]}"; do printf '  "%s",\n' "$p"; done
    echo '}'
    cat <<'EOF'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
  } >"$TMP/paths.lua"
  # --timeout: a reply slower than this is an error. The writer keeps going meanwhile.
  wrk -t 2 -c "$CONNECTIONS" -d "${SECS}s" --timeout 10s -s "$TMP/paths.lua" "$BASE" >"$TMP/wrk.txt" 2>&1
  cat "$TMP/wrk.txt" | sed 's/^/    /'
  REQUESTS="$(grep -oE '^ *[0-9]+ requests in' "$TMP/wrk.txt" | grep -oE '[0-9]+' | head -1)"
  NON2XX="$(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$TMP/wrk.txt" | grep -oE '[0-9]+$' || true)"
  SOCKERR="$(grep -oE 'Socket errors:.*' "$TMP/wrk.txt" || true)"
  REQUESTS="${REQUESTS:-0}"
  check "readers: $REQUESTS requests, no non-2xx answers" test -z "$NON2XX"
  check "readers: no socket errors or timeouts ${SOCKERR}" test -z "$SOCKERR"
  check "readers: requests were served" test "$REQUESTS" -gt 0
else
  # Bounded curl loops: CONNECTIONS workers, each until the time is up.
  for w in $(seq 1 "$CONNECTIONS"); do
    (
      n=0 errs=0
      end=$((SECONDS + SECS))
      while [[ $SECONDS -lt $end ]]; do
        p="${PATHS[$(((n + w) % ${#PATHS[@]}))]}"
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE$p")"
        [[ "$code" == 200 ]] || errs=$((errs + 1))
        n=$((n + 1))
      done
      echo "$n $errs" >"$TMP/reader-$w.txt"
    ) &
    PIDS+=("$!")
  done
  for p in "${PIDS[@]}"; do [[ "$p" == "$WRITER" ]] || wait "$p"; done
  REQUESTS=$(cat "$TMP"/reader-*.txt | awk '{ s += $1 } END { print s + 0 }')
  ERRS=$(cat "$TMP"/reader-*.txt | awk '{ s += $2 } END { print s + 0 }')
  check "readers: $REQUESTS requests, $ERRS failed" test "$ERRS" -eq 0 -a "$REQUESTS" -gt 0
fi
READ_S=$((SECONDS - READ_START))

# Writers finish (bounded: they get at most 10 minutes).
for _ in $(seq 1 600); do kill -0 "$WRITER" 2>/dev/null || break; sleep 1; done
if kill -0 "$WRITER" 2>/dev/null; then
  bad "writers did not finish within 10 minutes"
  kill "$WRITER" 2>/dev/null
fi
wait "$WRITER" 2>/dev/null
cat "$TMP/writer.out" 2>/dev/null | sed 's/^/    /'
check "CLI ingest during the load succeeded: $(head -2 "$TMP/b.err" 2>/dev/null)" grep -q 'cli_ingest_exit=0' "$TMP/writer.out"
check "POST /api/articles during the load succeeded $(cat "$TMP/post-failed.json" 2>/dev/null | head -c 300)" \
  grep -q 'posts_failed=0' "$TMP/writer.out"

# ---------------------------------------------------------------- nothing lost
EXPECTED=$(python3 -c 'import json,sys; print(len({json.loads(l)["doc_id"] for l in open(sys.argv[1]) if l.strip()}))' "$TMP/all.jsonl")
read -r STORED ONCE < <(python3 - "$DB" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT doc_id, COUNT(*) FROM documents GROUP BY doc_id").fetchall()
print(len(rows), all(n == 1 for _, n in rows))
EOF
)
LOST=$((EXPECTED - STORED))
check "store: $STORED of $EXPECTED articles, each once (lost: $LOST)" test "$LOST" -eq 0 -a "$ONCE" == True

# The server sees the grown store: the last posted and the last CLI-ingested document.
for f in "$TMP/b.jsonl" "$TMP/c.jsonl"; do
  id="$(tail -1 "$f" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.loads(sys.stdin.read())["doc_id"], safe=""))')"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE/api/documents/$id")"
  check "server serves new document $id (HTTP $code)" test "$code" == 200
done
EXPORTED=$("$SITREP" export --db "$DB" --format json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["incidents"]))')
SERVED=""
for _ in $(seq 1 20); do  # the snapshot reloads when the file changes; give it a moment
  SERVED=$(curl -sf "$BASE/api/incidents?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  [[ "$SERVED" == "$EXPORTED" ]] && break
  sleep 0.5
done
check "server lists the incidents the store holds ($SERVED served, $EXPORTED exported)" test "$SERVED" == "$EXPORTED"

# ---------------------------------------------------------------- clean stop
kill -TERM "$SERVER"
rc=""
for _ in $(seq 1 100); do
  if ! kill -0 "$SERVER" 2>/dev/null; then wait "$SERVER"; rc=$?; break; fi
  sleep 0.1
done
check "server stops on SIGTERM with exit 0 (exit ${rc:-still running})" test "$rc" == 0
[[ -z "$rc" ]] && kill -9 "$SERVER" 2>/dev/null
SERVER=""
grep -qE 'Sanitizer|runtime error' "$TMP/server.err" && bad "sanitizer report in server log"

echo "load_test: $REQUESTS requests in $READ_S s with $CONNECTIONS readers, articles lost: $LOST, $FAILS failure(s)"
[[ $FAILS -eq 0 ]]
