#!/usr/bin/env bash
# Bad-input suite: feeds `sitrep ingest` / `sitrep analyze` what crawlers produce and checks that
# sitrep never crashes or hangs, reports each problem with a message naming the input, still
# stores every good article exactly once, and exits with the code README.md documents
# (0 = done, some inputs skipped; 1 = nothing readable; 2 = usage error).
#
# Usage: tests/hardening/bad_input.sh            (SITREP=path/to/sitrep to test another build)
# All inputs are generated in a temporary folder that is removed on exit; nothing is committed.
# Texts are written for this test (never taken from the corpora).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SITREP="${SITREP:-$ROOT/build/sitrep}"
# Each sitrep run is bounded; a run that takes longer counts as a hang.
RUN_TIMEOUT="${RUN_TIMEOUT:-900}"
# Checks that fail today because of a bug already reported to its owner: listed here they print
# KNOWN instead of failing the suite. Remove an entry once its fix lands.
#   nul-in-jsonl   one raw NUL byte in a .jsonl file skips the whole file as binary
#                  (src/ingest/ingest.cc ReadData/LooksBinary), good lines included
#   long-sentence  a long text without sentence ends takes quadratic time and memory: every claim
#                  copies its whole sentence as quote (src/extract/claims.cc Extract)
KNOWN_BUGS="${KNOWN_BUGS-}"

[[ -x "$SITREP" ]] || { echo "bad_input: $SITREP not built" >&2; exit 1; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bad-input.XXXXXX")"
cleanup() { chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
# A private copy of the binary: build/ may be rebuilt by someone else while this runs.
cp "$SITREP" "$TMP/sitrep-under-test" && SITREP="$TMP/sitrep-under-test"

FAILS=0
TRIED=0
pass() { printf '  ok    %s\n' "$1"; }
fail() {
  local id="$1" msg="$2"
  if [[ " $KNOWN_BUGS " == *" $id "* ]]; then
    printf '  KNOWN %s (%s)\n' "$msg" "$id"
  else
    printf '  FAIL  %s\n' "$msg"
    FAILS=$((FAILS + 1))
  fi
}
check() {  # check ID "message" test-expression...
  local id="$1" msg="$2"
  shift 2
  if "$@"; then pass "$msg"; else fail "$id" "$msg"; fi
}

# Runs sitrep with a time limit; sets RC, ERR (stderr text), OUT (stdout file).
run_sitrep() {
  local errf="$TMP/stderr.txt"
  OUT="$TMP/stdout.txt"
  timeout -k 5 "$RUN_TIMEOUT" "$SITREP" "$@" >"$OUT" 2>"$errf"
  RC=$?
  ERR="$(cat "$errf")"
}

# No crash, no hang, no sanitizer report.
no_crash() {
  [[ $RC -ne 124 && $RC -ne 137 && $RC -lt 128 ]] &&
    ! grep -qE 'Sanitizer|runtime error|Segmentation|terminate called|Assertion' <<<"$ERR"
}

# Count of problem lines on stderr that name $1.
err_lines() { grep -c -F -- "$1" <<<"$ERR" || true; }

# doc_id|count|text-length of every stored article.
stored() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for doc_id, n, length in con.execute(
        "SELECT doc_id, COUNT(*), MAX(LENGTH(CAST(text AS BLOB))) FROM documents GROUP BY doc_id"):
    print(f"{doc_id}|{n}|{length}")
EOF
}
stored_text() {
  python3 - "$1" "$2" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
row = con.execute("SELECT text FROM documents WHERE doc_id = ?", (sys.argv[2],)).fetchone()
print(row[0] if row else "<missing>")
EOF
}
has_once() { grep -qx "$2|1|.*" <<<"$1"; }
absent() { ! grep -q "^$2|" <<<"$1"; }

good_line() {  # good_line DOC_ID N: one JSON line with a short article written for this test
  printf '{"doc_id":"%s","source":"Test Wire","url":null,"published":"2024-03-%02d","lang":"en","text":"Gunmen attacked a police checkpoint in a hill town on Monday, killing %d officers, a provincial official said. Two attackers were arrested."}\n' \
    "$1" $((1 + $2 % 28)) $((2 + $2 % 7))
}

mkdir -p "$TMP/in"
cd "$TMP/in"

# ---------------------------------------------------------------- inputs
good_line good-1 1 >good.jsonl
good_line good-2 2 >>good.jsonl
printf 'A car bomb exploded near a market on Friday and wounded six people, the police said.\n' >good-3.txt

# invalid UTF-8 in a JSON line and in a text file: repaired, reported, kept
{ good_line utf8-ok 3; printf '{"doc_id":"utf8-bad","text":"Clashes \xff\xfe broke out \xc3\x28 near the bridge; two died.\xe2\x82"}\n'; } >utf8.jsonl
printf 'Protesters clashed \xed\xa0\x80 with riot police \xf8\x88\x80\x80\x80 on Sunday; nine were hurt.\n' >utf8-bad.txt

# NUL bytes: escaped inside JSON (repaired), raw inside one JSON line (that line alone is bad),
# raw inside a text file (repaired or skipped as binary, either way reported)
{ good_line nulesc-ok 4; printf '{"doc_id":"nul-escaped","text":"A grenade \\u0000 attack on a bus killed one man."}\n'; } >nul-escaped.jsonl
{ good_line nulraw-ok1 5; printf '{"doc_id":"nul-raw","text":"Raw \x00 byte inside."}\n'; good_line nulraw-ok2 6; } >nul-raw.jsonl
printf 'Soldiers repelled an attack \x00 on an outpost overnight.\n' >nul.txt

# a 50 MB article (over the 20 MB limit: skipped with a message) as .txt and inside JSON lines
yes 'Militants fired rockets at an army camp on Tuesday, killing four soldiers, officials said.' |
  head -c $((50 << 20)) >huge.txt
{
  good_line huge-ok 7
  printf '{"doc_id":"huge-json","text":"'
  yes 'Police said three people were shot dead at a wedding in a border village.' | head -c $((50 << 20)) | tr '\n' ' '
  printf '"}\n'
} >huge.jsonl

# a single 10 MB line: one JSON record (under the limit: stored) and a text without line breaks
{
  printf '{"doc_id":"long-line","text":"'
  yes 'Rebels ambushed a convoy near the river crossing and five drivers were killed.' | head -c $((10 << 20)) | tr '\n' ' '
  printf '"}\n'
  good_line long-ok 8
} >long-line.jsonl
# one "sentence" of 512 KiB (no full stop, no line break): must take about as long as normal text
yes 'Unidentified attackers torched two trucks on the highway and one guard died' | head -c $((512 << 10)) | tr '\n' ' ' >long-sentence.txt

# deeply nested JSON: a bare nest (not an article) and an article carrying a deep extra field
python3 - <<'EOF'
import json
depth = 200000
with open("deep.jsonl", "w") as f:
    f.write("[" * depth + "]" * depth + "\n")
    f.write('{"doc_id":"deep-open","text":' + "[" * depth + "\n")
    f.write(json.dumps({"doc_id": "deep-ok", "text": "An explosion at a depot killed two workers on Monday, police said."}) + "\n")
    f.write('{"doc_id":"deep-extra","text":"Security forces killed three insurgents in a raid, the army said.","extra":'
            + "[" * 5000 + "]" * 5000 + "}\n")
with open("deep.json", "w") as f:
    f.write('{"a":' * depth + "1" + "}" * depth)
EOF

# truncated JSON: a cut last line, and a .json list cut in the middle
{ good_line trunc-ok 9; printf '{"doc_id":"trunc-cut","text":"This record stops in the mid'; } >truncated.jsonl
printf '[{"doc_id":"trunc-list-1","text":"Two policemen were shot dead at a market."},{"doc_id":"trunc-list-2","te' >truncated.json

# wrong field types; missing doc_id / text; bad optional fields keep the article
{
  printf '{"doc_id":42,"text":"Numeric id story: a bomb killed one person."}\n'
  printf '{"doc_id":"types-text","text":["not","a","string"]}\n'
  printf '{"doc_id":"types-opt","source":17,"url":{"x":1},"published":"last tuesday","lang":["en"],"text":"A drone strike hit a compound and killed four militants on Wednesday, officials said."}\n'
  printf '{"text":"A story without any doc_id: an attack killed two guards."}\n'
  printf '{"doc_id":"","text":"Empty doc_id story."}\n'
  printf '{"doc_id":"no-text"}\n'
  printf '{"doc_id":"null-text","text":null}\n'
  printf '"just a string"\n'
  printf '12345\n'
  printf 'null\n'
  good_line types-ok 10
} >types.jsonl

# duplicate doc_id: different text (first kept, repeat reported) and identical text (dropped quietly)
{
  printf '{"doc_id":"dup-1","text":"FIRST version: gunmen killed two farmers in a village."}\n'
  printf '{"doc_id":"dup-1","text":"SECOND version: gunmen killed five farmers in a village."}\n'
  good_line dup-same 11
  good_line dup-same 11
} >dup.jsonl

# BOM and CRLF line ends are ordinary input, not problems
{ printf '\xef\xbb\xbf'; good_line crlf-1 12 | sed 's/$/\r/'; good_line crlf-2 13 | sed 's/$/\r/'; } >bom-crlf.jsonl

# a folder with a binary file, a good file, an empty file, a sub-folder and an unreadable file
mkdir -p folder/sub folder/.hidden emptydir
printf 'Fighters seized a police station in a northern district on Thursday; three officers died.\n' >folder/folder-good.txt
printf 'Security guards fought off an attack on a bank; one robber was killed.\n' >folder/sub/folder-sub.txt
{ printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'; head -c 4096 /dev/urandom; } >folder/photo.txt
head -c 8192 /dev/urandom >folder/blob.html
: >folder/empty.txt
printf 'Hidden text that must not be read.\n' >folder/.hidden/secret.txt
printf 'An unreadable file about an ambush that killed seven.\n' >folder/locked.txt
chmod 000 folder/locked.txt
LOCKED_READABLE=0
[[ -r folder/locked.txt ]] && LOCKED_READABLE=1  # root reads anything (as in CI)

: >empty.jsonl
printf '  \n\t\n' >blank.txt
printf '<html><body><script>var x = "<p>";</script><p>Police said a bomb killed ' >cut.html
printf 'three people.</p></body>' >>cut.html
printf '\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00' >utf16.html

# ---------------------------------------------------------------- pre-flight
# The engine must start at all (data files, gazetteer); otherwise every check below would fail
# for one reason, so say that reason once.
run_sitrep analyze good-3.txt --out "$TMP/preflight.json"
if [[ $RC -ne 0 ]]; then
  echo "bad_input: sitrep cannot analyse a good article (exit $RC): $ERR" >&2
  exit 1
fi

# ---------------------------------------------------------------- one run over everything
echo "bad_input: one ingest over every input"
DB="$TMP/all.db"
INPUTS=(good.jsonl good-3.txt utf8.jsonl utf8-bad.txt nul-escaped.jsonl nul-raw.jsonl nul.txt
        huge.txt huge.jsonl long-line.jsonl deep.jsonl deep.json truncated.jsonl
        truncated.json types.jsonl dup.jsonl bom-crlf.jsonl folder emptydir empty.jsonl blank.txt
        cut.html utf16.html missing-file.jsonl)
TRIED=${#INPUTS[@]}
start=$SECONDS
run_sitrep ingest "${INPUTS[@]}" --db "$DB" --threads 2
echo "  (ingest took $((SECONDS - start)) s, exit $RC)"
check crash "no crash, hang or sanitizer report (exit $RC)" no_crash
check rc "exit code 0 when some inputs are good" test "$RC" -eq 0
S="$(stored "$DB")"

for id in good-1 good-2 good-3 utf8-ok utf8-bad nulesc-ok nul-escaped huge-ok long-line long-ok \
          deep-ok deep-extra trunc-ok types-opt types-ok dup-1 dup-same crlf-1 crlf-2 folder-good \
          folder-sub cut; do
  check lost "article $id stored exactly once" has_once "$S" "$id"
done
for id in nulraw-ok1 nulraw-ok2; do
  check nul-in-jsonl "article $id (next to a raw NUL line) stored exactly once" has_once "$S" "$id"
done
for id in huge huge-json trunc-cut types-text no-text null-text secret photo blob empty; do
  check extra "bad record $id not stored" absent "$S" "$id"
done
check dup "duplicate doc_id keeps the first text" grep -q '^FIRST version' <<<"$(stored_text "$DB" dup-1)"
check utf8 "invalid UTF-8 repaired to U+FFFD" grep -q $'\xef\xbf\xbd' <<<"$(stored_text "$DB" utf8-bad)"
check utf8 "stored long line is 10 MB" grep -qE '^long-line\|1\|10[0-9]{6}$' <<<"$S"

# Each problem named on stderr (at least one line), good inputs not complained about.
for name in utf8.jsonl:2 utf8-bad.txt nul-escaped.jsonl:2 nul.txt huge.txt huge.jsonl:2 deep.jsonl:1 \
            deep.jsonl:2 deep.json truncated.jsonl:2 truncated.json types.jsonl:1 types.jsonl:2 \
            types.jsonl:3 types.jsonl:4 types.jsonl:5 types.jsonl:6 types.jsonl:7 types.jsonl:8 \
            types.jsonl:9 types.jsonl:10 dup.jsonl:2 photo.txt blob.html empty.txt emptydir \
            empty.jsonl blank.txt utf16.html missing-file.jsonl; do
  n="$(err_lines "$name")"
  check msg "problem in $name reported ($n line(s))" test "$n" -ge 1
done
n="$(err_lines "nul-raw.jsonl:2")"
check nul-in-jsonl "raw NUL reported on its own line nul-raw.jsonl:2 ($n line(s))" test "$n" -ge 1
if [[ $LOCKED_READABLE -eq 0 ]]; then
  n="$(err_lines locked.txt)"
  check msg "unreadable locked.txt reported ($n line(s))" test "$n" -ge 1
  check extra "unreadable locked.txt not stored" absent "$S" locked
else
  echo "  skip  unreadable file (running as root: chmod 000 does not stop reads)"
  check lost "chmod-000 file readable by root is stored" has_once "$S" locked
fi
for name in good.jsonl good-3.txt bom-crlf.jsonl folder-good.txt folder-sub.txt; do
  n="$(err_lines "$name")"
  check msg "good input $name not reported ($n line(s))" test "$n" -eq 0
done
check msg "summary line counts problems" grep -q 'input problem(s)' <<<"$ERR"

# ---------------------------------------------------------------- the same store again
echo "bad_input: the same inputs again (nothing new)"
run_sitrep ingest "${INPUTS[@]}" --db "$DB" --threads 2
check crash "second run: no crash (exit $RC)" no_crash
check rc "second run: exit 0" test "$RC" -eq 0
S2="$(stored "$DB")"
check lost "second run: store unchanged" test "$S" == "$S2"

# ---------------------------------------------------------------- one endless sentence
echo "bad_input: one 512 KiB sentence (bounded: 60 s, 2 GiB)"
TRIED=$((TRIED + 1))
if grep -q -a -m1 AddressSanitizer "$SITREP"; then
  # ASan cannot take an address-space limit, and a known blow-up would then eat the machine.
  if [[ " $KNOWN_BUGS " == *" long-sentence "* ]]; then
    echo "  skip  sanitizer build and long-sentence is a known bug"
  else
    run_sitrep analyze long-sentence.txt --out "$TMP/long.json" --threads 1
    check long-sentence "long sentence analysed (exit $RC)" test "$RC" -eq 0
  fi
else
  start=$SECONDS
  RUN_TIMEOUT_SAVED=$RUN_TIMEOUT
  RUN_TIMEOUT=60
  ( ulimit -v $((2 << 20)); run_sitrep analyze long-sentence.txt --out "$TMP/long.json" --threads 1
    exit $RC )
  RC=$?
  RUN_TIMEOUT=$RUN_TIMEOUT_SAVED
  echo "  (analyze took $((SECONDS - start)) s, exit $RC)"
  check long-sentence "long sentence analysed within 60 s and 2 GiB (exit $RC)" test "$RC" -eq 0
fi

# ---------------------------------------------------------------- nothing readable: exit 1
echo "bad_input: only bad inputs"
TRIED=$((TRIED + 1))
run_sitrep ingest empty.jsonl blank.txt emptydir folder/photo.txt missing-file.jsonl huge.txt --db "$TMP/none.db"
check crash "only-bad ingest: no crash (exit $RC)" no_crash
check rc "only-bad ingest exits 1" test "$RC" -eq 1
run_sitrep analyze empty.jsonl emptydir deep.json truncated.json --out "$TMP/none.json"
check crash "only-bad analyze: no crash (exit $RC)" no_crash
check rc "only-bad analyze exits 1" test "$RC" -eq 1
check rc "no output file left behind" test ! -e "$TMP/none.json"

# ---------------------------------------------------------------- stdin
echo "bad_input: standard input"
TRIED=$((TRIED + 3))
timeout -k 5 "$RUN_TIMEOUT" "$SITREP" analyze - --out "$TMP/stdin.json" <types.jsonl >/dev/null 2>"$TMP/stderr.txt"
RC=$?; ERR="$(cat "$TMP/stderr.txt")"
check crash "JSON lines on stdin: no crash (exit $RC)" no_crash
check rc "JSON lines on stdin: exit 0" test "$RC" -eq 0
timeout -k 5 "$RUN_TIMEOUT" "$SITREP" analyze - --out "$TMP/stdin2.json" </dev/null >/dev/null 2>"$TMP/stderr.txt"
RC=$?; ERR="$(cat "$TMP/stderr.txt")"
check crash "empty stdin: no crash (exit $RC)" no_crash
check rc "empty stdin: exit 1 with a message" test "$RC" -eq 1 -a -n "$ERR"
head -c 20000 /dev/urandom | timeout -k 5 "$RUN_TIMEOUT" "$SITREP" analyze - --out "$TMP/stdin3.json" >/dev/null 2>"$TMP/stderr.txt"
RC=$?; ERR="$(cat "$TMP/stderr.txt")"
check crash "binary stdin: no crash (exit $RC)" no_crash
check rc "binary stdin: exit 1 with a message" test "$RC" -eq 1 -a -n "$ERR"

# ---------------------------------------------------------------- usage errors: exit 2
echo "bad_input: usage errors"
run_sitrep ingest good.jsonl
check rc "ingest without --db exits 2" test "$RC" -eq 2
run_sitrep analyze good.jsonl --bogus
check rc "unknown option exits 2" test "$RC" -eq 2
run_sitrep frobnicate
check rc "unknown command exits 2" test "$RC" -eq 2

# ---------------------------------------------------------------- a file that is not a database
echo "bad_input: database that is not a sitrep database"
TRIED=$((TRIED + 1))
head -c 65536 /dev/urandom >"$TMP/garbage.db"
run_sitrep ingest good.jsonl --db "$TMP/garbage.db"
check crash "garbage database: no crash (exit $RC)" no_crash
check rc "garbage database: exit 1 with a message" test "$RC" -eq 1 -a -n "$ERR"
run_sitrep export --db "$TMP/garbage.db"
check crash "export of garbage database: no crash (exit $RC)" no_crash
check rc "export of garbage database: exit 1" test "$RC" -eq 1

echo "bad_input: $TRIED bad or odd inputs tried, $FAILS failure(s)"
[[ $FAILS -eq 0 ]]
