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
