#!/usr/bin/env bash
# Runs the referee on seeds, dev and gvc-dev and fails when a metric drops below its floor in
# tests/score_floors.json. Fractions ("3/5") are compared as numbers; 0/0 is skipped.
#
# Usage: scripts/check_scores.sh [--update]
#   --update   write the current values as the new floors (after an improvement)
#   SITREP=... the binary (default build/sitrep)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${SITREP:-build/sitrep}"
SHARED=../shared
FLOORS=tests/score_floors.json
UPDATE=0
[[ "${1:-}" == "--update" ]] && UPDATE=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in seeds dev gvc-dev; do
  "$BIN" analyze "$SHARED/corpus/$set.jsonl" --out "$tmp/$set.json" --quiet
  python3 "$SHARED/eval/score.py" "$SHARED/gold/$set.json" "$tmp/$set.json" \
    "$SHARED/corpus/$set.jsonl" --json > "$tmp/$set.score.json"
done

python3 - "$tmp" "$FLOORS" "$UPDATE" <<'PY'
import json, math, os, sys
tmp, floors_path, update = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
METRICS = ["score", "incidents.f1", "stories.bcubed_f1", "incidents.killed_in_range",
           "incidents.killed_close", "claims.quotes_verbatim"]

def value(v):
    if isinstance(v, str) and "/" in v:
        a, b = v.split("/")
        return None if float(b) == 0 else float(a) / float(b)
    return None if v is None else float(v)

floors = json.load(open(floors_path)) if os.path.exists(floors_path) else {}
current, failed = {}, []
for s in ("seeds", "dev", "gvc-dev"):
    got = json.load(open(os.path.join(tmp, s + ".score.json")))
    current[s] = {}
    for m in METRICS:
        v = value(got.get(m))
        if v is None:
            continue
        current[s][m] = math.floor(v * 1000 + 1e-6) / 1000  # a floor never above the value
        floor = floors.get(s, {}).get(m)
        mark = ""
        if floor is not None and v < floor - 1e-6:
            failed.append(f"{s} {m}: {v:.3f} < floor {floor:.3f}")
            mark = "  BELOW FLOOR"
        print(f"{s:8} {m:28} {v:.3f}" + ("" if floor is None else f"  (floor {floor:.3f})") + mark)
if update:
    with open(floors_path, "w") as f:
        json.dump(current, f, indent=2, sort_keys=True)
        f.write("\n")
    print("floors updated:", floors_path)
elif failed:
    print("score check failed:\n  " + "\n  ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
