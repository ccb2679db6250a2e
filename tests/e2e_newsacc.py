#!/usr/bin/env python3
"""End-to-end: the referee scores sitrep on tests/data/newsacc, 22 invented English wire reports
of political violence (our own sentences; make.py writes the JSONL and its hand-made gold). Floors
hold what sitrep gets right today: a toll updated after a long description of the attack, a
group named by its sponsor ("an al-Qaeda affiliate"), an earlier attack recalled as background
("came two weeks after a bombing in X that killed 40"), an earlier attack at the same place dated
by its day ("after 12 villagers were killed on March 2"), a dated dateline ("MOGADISHU, Sept 8
(Reuters) - ... in Kismayo on Sunday") that gives neither the scene nor the day."""
import os
import sys
import tempfile

from e2e_util import ROOT, SCORE, check, finish, score_against_floors

DATA = os.path.join(ROOT, "tests", "data", "newsacc")
ARTICLES = os.path.join(DATA, "articles.jsonl")
GOLD = os.path.join(DATA, "gold.json")

# Floors as last reached. The one perpetrator missed is Kharkiv's Russian forces (state forces
# are never perpetrators).
FLOORS = {"score": 1.0, "incidents.f1": 1.0, "incidents.killed_in_range": 21 / 21,
          "incidents.perpetrator": 13 / 14}


if not os.path.exists(SCORE):
    print("e2e_newsacc: skipped (no referee at " + SCORE + ")")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    incidents = score_against_floors(ARTICLES, GOLD, FLOORS, tmp)
    # The Quetta bombing is only recalled: no incident lists the report among its documents.
    for inc in incidents:
        if inc.get("place") == "Quetta":
            check("na-17" not in inc["documents"], "the recalled Quetta bombing is background")
    # The updated toll is the Mogadishu bombing's figure.
    moga = [i for i in incidents if i.get("place") == "Mogadishu"]
    check(len(moga) == 1 and (moga[0]["killed"] or {}).get("best") == 31,
          "Mogadishu: the toll that rose to 31")

    # Bama's news is Monday's seven; the attack on March 2 is recalled.
    bama = [i for i in incidents if i.get("place") == "Bama" and "na-21" in i["documents"]]
    check(len(bama) == 1 and (bama[0]["killed"] or {}).get("best") == 7,
          "Bama: seven killed, not the earlier attack's 12")
    # The dateline's city and day are the filing's; the bombing was in Kismayo on Sunday.
    k = [i for i in incidents if "na-22" in i["documents"]]
    check([(i.get("place"), i.get("date")) for i in k] == [("Kismayo", "2025-09-07")],
          f"na-22: Kismayo on Sunday 7 Sept, nothing at the dateline's Mogadishu: {k and k[0]['id']}")

finish("e2e_newsacc")
