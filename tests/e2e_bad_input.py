#!/usr/bin/env python3
"""End-to-end: bad inputs never crash sitrep or stop the good ones; each gives one error line.
Uses only texts written for this test."""
import json
import os
import tempfile

from e2e_util import SITREP, check, error_lines, finish, run, validate_incidents

GOOD = [
    {"doc_id": "t-1", "source": "Test Wire", "url": None, "published": "2023-04-11", "lang": "en",
     "text": "Gunmen attacked a police post in a northern town on Monday, killing three officers, "
             "officials said. Two attackers were also killed in the exchange of fire."},
    {"doc_id": "t-2", "source": "Test Daily", "url": "https://example.test/2",
     "published": "2023-04-12", "lang": "en",
     "text": "A roadside bomb wounded five soldiers on Tuesday near the border, the army said."},
]

with tempfile.TemporaryDirectory() as tmp:
    def path(name):
        return os.path.join(tmp, name)

    with open(path("good.jsonl"), "w", encoding="utf-8") as f:
        for d in GOOD:
            f.write(json.dumps(d) + "\n")
    with open(path("truncated.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"doc_id": "t-3", "text": "Police said one man died in the clash."}) + "\n")
        f.write('{"doc_id": "t-4", "text": "This line stops in the mid')
    with open(path("badutf8.txt"), "wb") as f:
        f.write(b"Protesters clashed with police on Friday; \xff\xfe two people were hurt.\n")
    open(path("empty.txt"), "w").close()
    with open(path("blob.txt"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)

    inputs = [path(n) for n in ("good.jsonl", "truncated.jsonl", "badutf8.txt", "empty.txt",
                                "blob.txt", "missing.jsonl")]
    out = path("out.json")
    code, _, err = run("analyze", *inputs, "--out", out)
    check(code == 0, f"analyze with some bad inputs exits 0 (got {code}): {err}")
    doc = validate_incidents(open(out, encoding="utf-8").read(), "bad-input run") if os.path.exists(out) else None
    check(doc is not None, "out.json written")
    expect = {"truncated.jsonl:2": 1, "badutf8.txt": 1, "empty.txt": 1, "blob.txt": 1,
              "missing.jsonl": 1, "good.jsonl": 0}
    for name, n in expect.items():
        lines = error_lines(err, name)
        check(len(lines) == n, f"{name}: expected {n} error line(s), got {lines}")
    check("4 article(s) read" in err, f"summary counts the 4 readable articles: {err}")
    if doc is not None:
        known = {"t-1", "t-2", "t-3", "badutf8"}
        for inc in doc["incidents"]:
            check(set(inc["documents"]) <= known, f"documents are input doc_ids: {inc['documents']}")

    # Nothing readable at all: exit 1, and no output file is left behind.
    out2 = path("none.json")
    code, _, err = run("analyze", path("empty.txt"), path("blob.txt"), "--out", out2)
    check(code == 1, f"all-bad input exits 1 (got {code})")
    check(not os.path.exists(out2), "no output written when nothing was processed")

    # Usage errors exit 2.
    code, _, _ = run("analyze", "--bogus")
    check(code == 2, f"unknown option exits 2 (got {code})")
    code, _, _ = run("frobnicate")
    check(code == 2, f"unknown command exits 2 (got {code})")
    code, out_text, _ = run("version")
    check(code == 0 and out_text.startswith("sitrep "), "version prints 'sitrep X'")

finish("e2e_bad_input")
