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

    # Converted tables and feeds: an integer doc_id and feed-style dates are read; a date that
    # is none is one warning naming the line and field, and the article is still kept.
    with open(path("feed.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"doc_id": 41, "text": "Gunmen attacked a police post in Peshawar on "
                            "Monday, killing three officers, officials said.",
                            "published": "Tue, 11 Apr 2023 09:30:00 +0000"}) + "\n")
        f.write(json.dumps({"doc_id": 42, "text": "A roadside bomb killed two soldiers near Quetta "
                            "on Tuesday, the army said.", "published": "April 12, 2023"}) + "\n")
        f.write(json.dumps({"doc_id": 43.5, "text": "A float is no id."}) + "\n")
        f.write(json.dumps({"doc_id": "t-44", "text": "Police said one man died in the clash.",
                            "published": "sometime"}) + "\n")
        f.write("[\"not\", \"an\", \"object\"]\n")
    db = path("feed.db")
    code, _, err = run("analyze", path("feed.jsonl"), "--out", path("feed.json"), "--db", db)
    check(code == 0, f"feed-style input analyses (got {code}): {err}")
    check("3 article(s) read" in err, f"integer ids and the undated article are read: {err}")
    check(any(":3: field 'doc_id': expected a string or an integer; skipped" in l
              for l in error_lines(err, "feed.jsonl")), f"a float id is reported: {err}")
    check(any(":4: field 'published': unrecognised date" in l and "article is kept" in l
              for l in error_lines(err, "feed.jsonl")), f"a bad date is a warning: {err}")
    check(any(":5: expected a JSON object" in l and l.endswith("; skipped")
              for l in error_lines(err, "feed.jsonl")), f"a non-object line says skipped: {err}")
    feed = json.load(open(path("feed.json"), encoding="utf-8"))
    docs = {d for inc in feed["incidents"] for d in inc["documents"]}
    check({"41", "42"} <= docs, f"integer doc_ids appear as their decimal text: {docs}")
    dates = {inc.get("date") for inc in feed["incidents"]}
    check({"2023-04-10", "2023-04-11"} <= dates,
          f"'Monday' and 'Tuesday' resolve against the feed dates: {dates}")

    # Files of unknown type: named ones are read by content with a note, a folder's are counted.
    folder = path("mixed")
    os.makedirs(folder)
    with open(os.path.join(folder, "story.txt"), "w", encoding="utf-8") as f:
        f.write(GOOD[0]["text"])
    for name in ("sheet.csv", "scan.pdf"):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("id,text\n1,a row\n")
    code, _, err = run("analyze", folder, "--out", path("mixed.json"))
    check(code == 0, f"a folder with other files analyses (got {code}): {err}")
    check("note: " + folder + ": skipped 2 files of unknown type: scan.pdf, sheet.csv" in err,
          f"the folder note names the skipped files: {err}")
    check("2 file(s) of unknown type skipped" in err, f"the summary counts them: {err}")
    code, _, err = run("analyze", os.path.join(folder, "sheet.csv"), "--out", path("csv.json"))
    check(code == 0 and "read as one plain-text article" in err,
          f"a named .csv is read as text and a note says so (got {code}): {err}")
    with open(path("latin1.csv"), "wb") as f:
        f.write(b"Caf\xe9 bomb, an old encoding\n")
    # Nothing read: ingest exits 1 and leaves no empty database behind.
    nodb = path("never.db")
    code, _, err = run("ingest", path("latin1.csv"), "--db", nodb)
    check(code == 1, f"ingest of only unreadable input exits 1 (got {code})")
    check("not UTF-8 text; skipped" in err, f"a non-text file of unknown type is skipped: {err}")
    check(not os.path.exists(nodb), "ingest that read nothing creates no database file")

    # Usage errors exit 2.
    code, _, _ = run("analyze", "--bogus")
    check(code == 2, f"unknown option exits 2 (got {code})")
    code, _, _ = run("frobnicate")
    check(code == 2, f"unknown command exits 2 (got {code})")
    code, out_text, _ = run("version")
    check(code == 0 and out_text.startswith("sitrep "), "version prints 'sitrep X'")

finish("e2e_bad_input")
