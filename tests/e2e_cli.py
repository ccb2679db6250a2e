#!/usr/bin/env python3
"""End-to-end: the command line as a user meets it. Every command's help (stdout, exit 0, an
example), `help COMMAND`; growing a database with seeds then dev (nothing lost, the same
incidents as analysing both at once, a re-run changes nothing and says what it read); the warning
when `analyze --db` replaces the incidents of articles it did not read."""
import os
import tempfile

from e2e_util import SHARED, check, finish, run

seeds = os.path.join(SHARED, "corpus", "seeds.jsonl")
dev = os.path.join(SHARED, "corpus", "dev.jsonl")

for command in ("analyze", "ingest", "export", "explain", "serve", "gazetteer", "bench"):
    code, out, err = run(command, "--help")
    check(code == 0 and out.startswith("usage: sitrep " + command),
          f"{command} --help: exit {code}, stdout {out[:80]!r}, stderr {err[:200]!r}")
    check("example" in out or command == "bench", f"{command} --help gives an example")
    code2, out2, _ = run("help", command)
    check(code2 == 0 and out2 == out, f"'sitrep help {command}' is '{command} --help'")
code, out, _ = run("--help")
check(code == 0 and "examples:" in out and "help [COMMAND]" in out,
      "sitrep --help lists the commands with examples")
code, _, err = run("help", "frobnicate")
check(code == 2 and "unknown command 'frobnicate'" in err, f"help on an unknown command: {err}")

code, _, err = run("analyze", seeds, "--policy", "highest")
check(code == 2 and "--policy: unknown best policy 'highest'" in err, f"a bad --policy: {err}")

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "grow.db")
    code, _, err = run("analyze", seeds, "--db", db, "--out", os.devnull, "--quiet")
    check(code == 0 and err == "", f"analyze seeds into a new db: {code} {err}")
    code, _, err = run("ingest", dev, "--db", db)
    check(code == 0, f"ingest dev into it: {err}")
    code, grown, _ = run("export", "--db", db)
    code, both, _ = run("analyze", seeds, dev, "--quiet")
    check(grown == both, "seeds then dev into one db gives the incidents of analysing both")

    code, _, err = run("ingest", dev, "--db", db)
    check(code == 0 and "0 new article(s) stored" in err, f"re-ingest stores nothing: {err}")
    n_dev = sum(1 for line in open(dev, encoding="utf-8") if line.strip())
    check(f"{n_dev} article(s) read" in err, f"re-ingest still says it read {n_dev}: {err}")
    code, again, _ = run("export", "--db", db)
    check(again == grown, "re-ingesting the same file changes nothing")

    # analyze --db replaces the stored incidents: warn when that drops stored articles' ones.
    code, _, err = run("analyze", dev, "--db", db, "--out", os.devnull, "--quiet")
    n_seed = sum(1 for line in open(seeds, encoding="utf-8") if line.strip())
    check(code == 0 and f"holds {n_seed} article(s) this run did not read" in err
          and "sitrep ingest" in err, f"analyze --db over a bigger db warns: {err}")

    # A bad --out or --db fails before the analysis, and writes nothing.
    out = os.path.join(tmp, "out.json")
    notdb = os.path.join(tmp, "notes.db")
    open(notdb, "w").write("plain words, not a database\n")
    code, _, err = run("analyze", seeds, "--db", notdb, "--out", out, "--quiet")
    check(code == 1 and "not a sitrep database" in err and not os.path.exists(out),
          f"analyze into a non-database fails before writing --out: {err}")
    code, _, err = run("analyze", seeds, "--out", os.path.join(tmp, "no", "out.json"))
    check(code == 1 and "cannot write: no folder" in err and "read from" not in err,
          f"analyze to a missing folder fails before the analysis: {err}")

    # --out's extension picks the format; --format overrides it.
    csv_out = os.path.join(tmp, "incidents.csv")
    code, _, err = run("analyze", seeds, "--out", csv_out, "--quiet")
    head = open(csv_out, encoding="utf-8").readline() if code == 0 else ""
    check(head.startswith("event_id_cnty,event_date,"), f"analyze --out x.csv writes CSV: {head!r}")
    code, text, _ = run("export", "--db", db, "--out", "-", "--format", "geojson")
    check(code == 0 and '"FeatureCollection"' in text, "export --format geojson to stdout")
    # --quiet silences notes (information), not problems.
    odd = os.path.join(tmp, "reports.dat")
    with open(seeds, encoding="utf-8") as f:
        open(odd, "w", encoding="utf-8").write(f.readline())
    code, _, err = run("analyze", odd, "--out", os.devnull)
    check(code == 0 and "note: " in err, f"a file of unknown type is read with a note: {err}")
    code, _, err = run("analyze", odd, "--out", os.devnull, "--quiet")
    check(code == 0 and err == "", f"analyze --quiet prints no note: {err!r}")
    bad = os.path.join(tmp, "bad.jsonl")
    open(bad, "w").write("{not json\n")
    code, _, err = run("analyze", odd, bad, "--out", os.devnull, "--quiet")
    check("bad.jsonl" in err and "note: " not in err, f"--quiet still reports problems: {err!r}")
    # The one-line command list shows each command's options as the README does.
    code, out, _ = run("help")
    analyze_line = next((l for l in out.splitlines() if "sitrep analyze" in l), "")
    check("[--bom]" in analyze_line, f"help's analyze line shows --bom: {analyze_line!r}")

    code, _, err = run("analyze", seeds, "--format", "xml")
    check(code == 2 and "--format: expected json, csv or geojson" in err, f"bad --format: {err}")

finish("e2e_cli")
