#!/usr/bin/env python3
"""End-to-end: analyze the shared seed corpus as JSONL, as a folder of .txt files and from stdin;
each gives a valid sitrep-incidents/1 document, and the output does not depend on the thread
count."""
import os
import tempfile

from e2e_util import SHARED, check, finish, run, validate_incidents

seeds = os.path.join(SHARED, "corpus", "seeds.jsonl")
raw = os.path.join(SHARED, "corpus", "seeds-raw")

with tempfile.TemporaryDirectory() as tmp:
    outs = {}
    for name, args in (("jsonl-1", [seeds, "--threads", "1"]), ("jsonl-2", [seeds, "--threads", "2"]),
                       ("folder", [raw + "/"])):
        out = os.path.join(tmp, name + ".json")
        code, _, err = run("analyze", *args, "--out", out, "--quiet")
        check(code == 0, f"analyze {name} exits 0 (got {code}): {err[-2000:]}")
        check(err.strip() == "", f"analyze {name}: no messages on the good corpus: {err[-2000:]}")
        if os.path.exists(out):
            outs[name] = open(out, encoding="utf-8").read()
            validate_incidents(outs[name], name)
    check(outs.get("jsonl-1") == outs.get("jsonl-2"), "same output with 1 and 2 threads")
    code, stdout, err = run("analyze", "-", "--quiet", stdin=open(seeds, "rb").read())
    check(code == 0, f"analyze - (stdin) exits 0: {err[-2000:]}")
    validate_incidents(stdout, "stdin")
    check(stdout == outs.get("jsonl-1"), "stdin gives the same document as the file")

finish("e2e_corpus")
