#!/usr/bin/env python3
"""End-to-end: ingest into a SQLite database (twice: idempotent), export in every format,
explain an incident, and clear errors for unusable databases."""
import csv
import io
import json
import os
import sqlite3
import tempfile

from e2e_util import SHARED, check, finish, run, validate_incidents

seeds = os.path.join(SHARED, "corpus", "seeds.jsonl")

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "s.db")
    code, _, err = run("ingest", seeds, "--db", db, "--quiet")
    check(code == 0, f"ingest exits 0: {err[-2000:]}")
    code, first, err = run("export", "--db", db, "--format", "json")
    check(code == 0, f"export json exits 0: {err}")
    doc = validate_incidents(first, "export json")

    code, _, err = run("ingest", seeds, "--db", db, "--quiet")
    check(code == 0, f"second ingest exits 0: {err}")
    code, second, _ = run("export", "--db", db)
    check(first == second, "re-ingesting the same articles changes nothing")
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    n_seed = sum(1 for l in open(seeds, encoding="utf-8") if l.strip())
    check(n_docs == n_seed, f"{n_seed} documents stored once each (got {n_docs})")
    check(con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "3",
          "schema version recorded")
    n_inc = con.execute("SELECT count(*) FROM incidents").fetchone()[0]
    con.close()
    if doc is not None:
        check(n_inc == len(doc["incidents"]), "incidents table matches the export")
    # What the store gives back is what analyze writes: every figure and claim survives the
    # round trip (open range ends included, written null).
    code, direct, err = run("analyze", seeds, "--quiet")
    check(code == 0, f"analyze exits 0: {err[-2000:]}")
    check(direct == first, "export from the store equals analyze's own output")

    code, text, err = run("export", "--db", db, "--format", "csv")
    check(code == 0, f"export csv exits 0: {err}")
    rows = list(csv.reader(io.StringIO(text)))
    check(rows and rows[0][:3] == ["event_id_cnty", "event_date", "year"], "csv header")
    check(len(rows) == 1 + n_inc, f"one csv row per incident ({len(rows) - 1} vs {n_inc})")
    if rows and doc is not None:
        col = {name: i for i, name in enumerate(rows[0])}
        by_id = {i["id"]: i for i in doc["incidents"]}
        for r in rows[1:]:
            inc = by_id.get(r[col["event_id_cnty"]], {})
            # ACLED-style: the country's name, its ISO numeric code, and notes never blank.
            if inc.get("country") == "PK":
                check(r[col["country"]] == "Pakistan" and r[col["iso"]] == "586",
                      f"country name and iso code: {r}")
            check(r[col["notes"]] != "", f"notes filled: {r}")
            check(r[col["longitude"]] == "" or not r[col["longitude"]].startswith("'"),
                  f"numbers are not guarded: {r}")
    code, raw, err = run("export", "--db", db, "--format", "csv", "--bom")
    check(code == 0 and raw.startswith("\ufeffevent_id_cnty,"), f"--bom starts the CSV with a BOM: {err}")
    code, _, err = run("export", "--db", db, "--format", "json", "--bom")
    check(code == 2 and "--bom: only for CSV output" in err, f"--bom with JSON is a usage error: {err}")

    out = os.path.join(tmp, "g.geojson")
    code, _, err = run("export", "--db", db, "--format", "geojson", "--out", out)
    check(code == 0, f"export geojson exits 0: {err}")
    gj = json.load(open(out, encoding="utf-8"))
    check(gj.get("type") == "FeatureCollection", "geojson is a FeatureCollection")
    for f in gj.get("features", []):
        c = f["geometry"]["coordinates"]
        check(-180 <= c[0] <= 180 and -90 <= c[1] <= 90, f"coordinates in range: {c}")
    if doc is not None:
        # RFC 7946: one Point per located incident, positions [longitude, latitude].
        placed = {i["id"]: [i["lon"], i["lat"]] for i in doc["incidents"]
                  if i["lat"] is not None and i["lon"] is not None}
        got = {f.get("id"): f["geometry"]["coordinates"] for f in gj.get("features", [])
               if f.get("type") == "Feature" and f["geometry"].get("type") == "Point"}
        check(got == placed, "geojson: a [lon, lat] Point for each incident with coordinates")

    if doc and doc["incidents"]:
        iid = doc["incidents"][0]["id"]
        code, text, err = run("explain", iid, "--db", db)
        check(code == 0 and text.startswith("incident " + iid), f"explain {iid}: {err}{text[:200]}")
        check("why (" in text and "documents (" in text, "explain lists documents and reasons")
    code, _, err = run("explain", "no-such-incident", "--db", db)
    check(code == 1 and "no incident 'no-such-incident'" in err, f"explain unknown id: {err}")

    code, _, err = run("export", "--db", os.path.join(tmp, "missing.db"))
    check(code == 1 and "no such database" in err, f"export from a missing db: {err}")
    notdb = os.path.join(tmp, "notes.txt")
    open(notdb, "w").write("plain words, not a database\n" * 10)
    code, _, err = run("ingest", seeds, "--db", notdb, "--quiet")
    check(code == 1 and "not a sitrep database" in err, f"ingest into a non-database: {err}")
    code, _, err = run("ingest", seeds, "--db", os.path.join(tmp, "no", "dir", "x.db"), "--quiet")
    check(code == 1 and "cannot open database" in err, f"ingest into a missing folder: {err}")

finish("e2e_store")
