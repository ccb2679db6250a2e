"""Helpers shared by the end-to-end tests (tests/e2e_*.py): run the sitrep binary, check the
sitrep-incidents/1 document it writes. Standard library only."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
SITREP = os.environ.get("SITREP", os.path.join(ROOT, "build", "sitrep"))
SCORE = os.path.join(SHARED, "eval", "score.py")  # the referee
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

failures = []


def run(*args, stdin=None, timeout=300):
    """Runs sitrep; returns (exit code, stdout, stderr) as text."""
    p = subprocess.run([SITREP, *args], input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)
    return cond


def metric_value(v):
    """A referee metric as a number: "3/5" -> 0.6, "0/0" -> None."""
    if isinstance(v, str) and "/" in v:
        a, b = v.split("/")
        return float(a) / float(b) if float(b) else None
    return None if v is None else float(v)


def score_against_floors(articles, gold, floors, tmp):
    """Runs `sitrep analyze` on `articles`, scores it with the referee against `gold` and checks
    each metric of `floors` (stories.background_leaks is a count that must not exceed its floor;
    the others are values that must reach theirs). Returns the output's incidents ([] on
    failure). The caller skips the test when the referee is absent (SCORE)."""
    out = os.path.join(tmp, "out.json")
    code, _, err = run("analyze", articles, "--out", out, "--quiet")
    check(code == 0, f"analyze exits 0 (got {code}): {err[-2000:]}")
    p = subprocess.run([sys.executable, SCORE, gold, out, articles, "--json"],
                       capture_output=True, text=True)
    check(p.returncode == 0, f"score.py runs: {p.stderr[-2000:]}")
    got = json.loads(p.stdout) if p.returncode == 0 else {}
    for metric, floor in floors.items():
        if metric == "stories.background_leaks":
            leaks = int(str(got.get(metric, "1/1")).split("/")[0])
            check(leaks <= floor, f"{metric} {got.get(metric)}: no background article reported")
            continue
        v = metric_value(got.get(metric, 0))
        check(v is not None and v >= floor - 1e-9, f"{metric} {got.get(metric)} >= {floor:.3f}")
    return json.load(open(out, encoding="utf-8"))["incidents"] if code == 0 else []


def validate_incidents(text, what):
    """Checks the shape of a sitrep-incidents/1 document; returns it (or None)."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        check(False, f"{what}: not JSON: {e}")
        return None
    if not check(isinstance(doc, dict) and doc.get("schema") == "sitrep-incidents/1",
                 f"{what}: schema is not sitrep-incidents/1"):
        return None
    incs = doc.get("incidents")
    if not check(isinstance(incs, list), f"{what}: 'incidents' is not a list"):
        return None
    ids = {i.get("id") for i in incs}
    for i in incs:
        iid = i.get("id")
        check(isinstance(iid, str) and iid, f"{what}: incident without id")
        check(i.get("parent") is None or i["parent"] in ids, f"{what}: {iid}: unknown parent")
        for k in ("date", "date_end"):
            check(i.get(k) is None or DATE.match(str(i[k])), f"{what}: {iid}: bad {k}")
        for k in ("lat", "lon"):
            check(i.get(k) is None or isinstance(i[k], (int, float)), f"{what}: {iid}: bad {k}")
        check(i.get("geo_precision") in (1, 2, 3, 4), f"{what}: {iid}: bad geo_precision")
        for k in ("killed", "injured"):
            f = i.get(k)
            check(f is None or all(isinstance(f.get(x), (int, float)) for x in ("low", "best", "high")),
                  f"{what}: {iid}: bad {k}")
        check(isinstance(i.get("documents"), list), f"{what}: {iid}: documents not a list")
        check(isinstance(i.get("mentions"), list), f"{what}: {iid}: mentions not a list")
        for c in i.get("claims") or []:
            check(isinstance(c.get("quote"), str) and isinstance(c.get("span"), list)
                  and len(c["span"]) == 2, f"{what}: {iid}: bad claim")
    return doc


def error_lines(stderr, marker):
    """The stderr lines that report a problem with an input under `marker` (a path)."""
    return [l for l in stderr.splitlines() if l.startswith("sitrep: ") and marker in l]


def finish(name):
    if failures:
        print(f"{name}: {len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print(f"{name}: ok")
