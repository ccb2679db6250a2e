#!/usr/bin/env python3
"""Scores a large simulated run on a random sample of its stories.

The referee (../shared/eval/score.py) compares every document with every other for the story
B-cubed, so it takes minutes at 10 000 articles and cannot finish at 100 000 or 1 000 000. This
script keeps a deterministic sample of the gold stories (chosen by a hash of the story id) with
their documents (and background documents, see below), the same fraction of the articles that belong to no
story (noise), and restricts the system output to those documents: an incident keeps only its
sampled documents, mentions and claims, and is dropped when no document of a sampled story or
sampled noise article is left. Figures, dates and
places of the kept incidents are the system's own, computed over all documents. It then runs the
referee on the three restricted files.

What the estimate can miss: a system incident that wrongly joins a sampled story with an
unsampled one loses the unsampled part, so such merges are under-counted. bench/README.md
compares this estimate with the full referee at 10 000 articles.

  bench/score_sample.py GOLD SYSTEM ARTICLES [--articles N] [--referee PATH] [--keep DIR]

N is the target number of sampled articles (default 4000).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def unit(key):
    """A deterministic number in [0, 1) for `key`."""
    h = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2.0**64


def iter_incidents(path, chunk=1 << 22):
    """Yields the objects of the document's "incidents" array one at a time, so that a
    multi-GB output (about 4 KB per article) is never held in memory whole."""
    dec = json.JSONDecoder()
    with open(path, encoding="utf-8") as f:
        buf = ""
        while True:  # find the array
            more = f.read(chunk)
            buf += more
            k = buf.find('"incidents"')
            if k >= 0 and buf.find("[", k) >= 0:
                buf = buf[buf.find("[", k) + 1:]
                break
            if not more:
                return
        eof = False
        pos = 0
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n,":
                pos += 1
            if pos < len(buf) and buf[pos] == "]":
                return
            try:
                obj, end = dec.raw_decode(buf, pos)
            except json.JSONDecodeError:
                if eof:
                    raise
                more = f.read(chunk)
                eof = not more
                buf = buf[pos:] + more
                pos = 0
                continue
            yield obj
            pos = end
            if pos > chunk:
                buf = buf[pos:]
                pos = 0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("articles")
    ap.add_argument("--articles", dest="target", type=int, default=4000)
    ap.add_argument("--referee", default=os.path.join(here, "..", "..", "shared", "eval",
                                                      "score.py"))
    ap.add_argument("--keep", help="write the sampled files here instead of a temp dir")
    args = ap.parse_args()

    # Pass 1 over the articles: ids only, so a multi-GB corpus is never held in memory.
    doc_ids = []
    with open(args.articles, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                doc_ids.append(json.loads(line)["doc_id"])
            except (ValueError, KeyError):
                continue
    total = len(doc_ids)
    if total == 0:
        sys.exit(f"{args.articles}: no articles")
    frac = min(1.0, args.target / total)

    gold = json.load(open(args.gold, encoding="utf-8"))
    stories = [s for s in gold["stories"] if unit("story:" + s["story_id"]) < frac]
    story_ids = {s["story_id"] for s in stories}
    in_story = set()
    for s in gold["stories"]:
        in_story.update(s["docs"])
        in_story.update(s.get("background_docs", []))
    # core: the sampled stories' own documents and the sampled noise. keep adds the sampled
    # stories' background documents, which are about other (mostly unsampled) stories: they stay
    # in the kept incidents so that a background leak still counts, but do not keep an incident.
    core = set()
    for s in stories:
        core.update(s["docs"])
    core.update(d for d in doc_ids if d not in in_story and unit("doc:" + d) < frac)
    keep = set(core)
    for s in stories:
        keep.update(s.get("background_docs", []))
    del in_story

    gold_out = dict(gold)
    gold_out["stories"] = stories
    gold_out["incidents"] = [i for i in gold["incidents"] if i["story_id"] in story_ids]
    gold_out["corpus"] = f"{gold.get('corpus', '')} (sample {frac:.4f} of stories)"

    kept = []
    for inc in iter_incidents(args.system):
        docs = [d for d in inc.get("documents") or [] if d in keep]
        if not any(d in core for d in docs):
            continue
        inc = dict(inc)
        inc["documents"] = docs
        inc["mentions"] = [d for d in inc.get("mentions") or [] if d in keep]
        inc["claims"] = [c for c in inc.get("claims") or [] if c.get("doc_id") in keep]
        kept.append(inc)
    ids = {i["id"] for i in kept}
    for inc in kept:  # a parent with no sampled documents left makes its children top level
        if inc.get("parent") and inc["parent"] not in ids:
            inc["parent"] = None
    system_out = {"schema": "sitrep-incidents/1", "incidents": kept}

    out_dir = args.keep or tempfile.mkdtemp(prefix="sitrep-sample-")
    os.makedirs(out_dir, exist_ok=True)
    paths = [os.path.join(out_dir, n) for n in ("gold.json", "system.json", "articles.jsonl")]
    json.dump(gold_out, open(paths[0], "w", encoding="utf-8"))
    json.dump(system_out, open(paths[1], "w", encoding="utf-8"))
    n = 0
    with open(args.articles, encoding="utf-8") as f, open(paths[2], "w", encoding="utf-8") as o:
        for line in f:
            if not line.strip():
                continue
            try:
                d = json.loads(line)["doc_id"]
            except (ValueError, KeyError):
                continue
            if d in keep:
                o.write(line if line.endswith("\n") else line + "\n")
                n += 1
    print(f"sample: {len(stories)} of {len(gold['stories'])} stories, {n} of {total} articles, "
          f"{len(kept)} system incidents kept", flush=True)
    return subprocess.call([sys.executable, args.referee] + paths)


if __name__ == "__main__":
    sys.exit(main())
