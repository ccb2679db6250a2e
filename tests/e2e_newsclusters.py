#!/usr/bin/env python3
"""End-to-end: the referee scores sitrep on tests/data/newsclusters, 61 invented reports (our own
sentences; make.py writes the JSONL and its hand-made gold) of twenty attacks, each told by two to
five outlets in different styles: an agency lede, a dated dateline, a local paper's long human
opening, live updates, a follow-up with a funeral or a vigil, an analysis piece, reports in French
and in Spanish; three are coordinated waves (Dori and Gorom-Gorom, Jamundi and Corinto in two
provinces, Gusau and Tsafe, the last two with a toll given for both towns together), towns are
spelled differently across outlets (Tuz Khurmatu / Tuz Khormato, Kryvyi Rih / Krivoy Rog / Kryvyy
Rih, Manbij / Menbij, Beledweyne / Belet Weyne), tolls grow and disagree (a market bombing's toll
rises over three days), one attack targets a peaceful march and security forces fire on another,
and six pieces report no new attack (a court case, a peaceful march, two anniversaries, a policy
piece, a march against an attack of the set). The second round adds a convoy ambush, a drone
strike, a bus on a mine, a jailbreak, herder-farmer clashes across villages, a mass kidnapping, a
school shooting abroad and a report that counts its two dead one by one."""
import os
import sys
import tempfile

from e2e_util import ROOT, SCORE, check, finish, score_against_floors

DATA = os.path.join(ROOT, "tests", "data", "newsclusters")
ARTICLES = os.path.join(DATA, "articles.jsonl")
GOLD = os.path.join(DATA, "gold.json")

# Floors as last reached. Still wrong: a follow-up "three days after the drone attack ... that
# killed 21" makes an incident of its own day and an earlier one apart from the attack's; "a
# fourth protester died" is read as one death, not a toll of four. The court case, the peaceful march, the anniversary and
# the policy piece make no incident; the French report's joint toll of Dori and Gorom-Gorom
# counts the wave.
FLOORS = {"score": 0.965, "incidents.f1": 0.95, "stories.bcubed_f1": 0.96,
          "incidents.killed_in_range": 23 / 23, "incidents.killed_close": 22 / 23,
          "incidents.date_exact": 23 / 23, "stories.background_leaks": 0,
          "claims.quotes_verbatim": 1.0}


if not os.path.exists(SCORE):
    print("e2e_newsclusters: skipped (no referee at " + SCORE + ")")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    incidents = score_against_floors(ARTICLES, GOLD, FLOORS, tmp)
    by_id = {i["id"]: i for i in incidents}

    # "In Dori, ..." is Burkina Faso's Dori, not the Indian city whose alternate name is Indori.
    # The French report's "sixteen" is the latest; its joint toll of both towns is the wave's.
    dori = [i for i in incidents if i.get("place") == "Dori"]
    check(len(dori) == 1 and dori[0]["country"] == "BF" and (dori[0]["killed"] or {}).get("best") == 16,
          "Dori: its own attack, 16 soldiers, not the wave's total")
    # The wave lede names no town: Dori and Gorom-Gorom are children of one story.
    gorom = [i for i in incidents if i.get("place") == "Gorom-Gorom"]
    check(len(gorom) == 1 and (gorom[0]["killed"] or {}).get("best") == 10,
          "Gorom-Gorom: ten gendarmes, not the French report's joint toll of both towns")
    # Noise pieces (a sentencing, a peaceful march, an anniversary, a policy piece) make no
    # incident of their own.
    noise = {"nc-29", "nc-30", "nc-31", "nc-32", "nc-35", "nc-38"}
    check(not any(noise & set(i["documents"]) for i in incidents),
          "the court case, the marches, the anniversaries and the policy piece report no attack")
    # Gunmen firing on a march is an attack; the vigil for its victims joins it.
    celaya = [i for i in incidents if i.get("place") == "Celaya"]
    check(len(celaya) == 1 and set(celaya[0]["documents"]) == {"nc-33", "nc-34"} and
          (celaya[0]["killed"] or {}).get("best") == 6,
          "Celaya: the attack on a march, joined by the vigil, 6 killed")
    # "attacked Gusau and Tsafe ..., killing 12": the joint toll is the wave's, each town keeps its own.
    zam = {i.get("place"): i for i in incidents if i.get("place") in ("Gusau", "Tsafe")}
    check(len(zam) == 2 and (zam["Gusau"]["killed"] or {}).get("best") == 7 and
          (zam["Tsafe"]["killed"] or {}).get("best") == 5 and zam["Gusau"].get("parent") and
          zam["Gusau"]["parent"] == zam["Tsafe"].get("parent") and
          (by_id[zam["Gusau"]["parent"]]["killed"] or {}).get("best") == 14,
          "Gusau 7 and Tsafe 5 under one story of 14")
    check(len(gorom) == 1 and dori and gorom[0].get("parent") and
          gorom[0].get("parent") == dori[0].get("parent") and gorom[0]["parent"] in by_id,
          "Dori and Gorom-Gorom belong to one story")
    # Jamundi (Valle del Cauca) and Corinto (Cauca) on one day, tied by "in two towns": one
    # story across two provinces; "the toll from the attacks" is the story's, not Jamundi's.
    col = {i.get("place"): i for i in incidents if i.get("country") == "CO" and i.get("parent")}
    check(set(col) == {"Jamundí", "Corinto"} and col["Jamundí"]["parent"] == col["Corinto"]["parent"]
          and (col["Corinto"]["killed"] or {}).get("best") == 1 and
          (col["Jamundí"]["killed"] or {}).get("best") == 2 and
          (by_id[col["Corinto"]["parent"]]["killed"] or {}).get("best") == 4,
          "Jamundi 2 and Corinto 1 under one story of 4")
    # The toll that rose to 19 after a long description of the bombing is read; the spellings
    # of one town make one incident.
    tuz = [i for i in incidents if i.get("country") == "IQ"]
    check(len(tuz) == 1 and (tuz[0]["killed"] or {}).get("best") == 19 and
          set(tuz[0]["documents"]) == {"nc-01", "nc-02", "nc-03", "nc-04"} and
          tuz[0]["mentions"] == ["nc-05"],
          "Tuz Khurmatu: four reports, 19 killed, the analysis piece only recalls it")
    # "at the weekend" dates the Reuters update: it joins the Bokkos raid.
    bokkos = [i for i in incidents if i.get("place") == "Bokkos"]
    check(len(bokkos) == 1 and "nc-24" in bokkos[0]["documents"] and
          (bokkos[0]["killed"] or {}).get("best") == 52,
          "Bokkos: one incident, the weekend's toll of 52")

    # "Security forces opened fire on protesters": the force is the perpetrator, the protesters
    # are counted ("trois manifestants").
    gn = [i for i in incidents if i.get("country") == "GN"]
    check(len(gn) == 1 and gn[0].get("perpetrator") == "security forces" and
          (gn[0]["killed"] or {}).get("best", 0) >= 3,
          "Conakry: security forces fired, three protesters at least")
    # "said on Monday that 42 people died in the weekend violence": the weekend, not Monday.
    ka = [i for i in incidents if i.get("place") == "Katsina-Ala"]
    check(len(ka) == 1 and ka[0]["date"] == "2025-09-20" and
          (ka[0]["killed"] or {}).get("best") == 42,
          "Katsina-Ala: one incident at the weekend, 42 killed")
    # The toll that rose over three days; the gunman who killed himself is counted.
    so = [i for i in incidents if i.get("country") == "SO"]
    check(len(so) == 1 and (so[0]["killed"] or {}).get("best") == 31, "Beledweyne: 31 killed")
    cz = [i for i in incidents if i.get("country") == "CZ"]
    check(len(cz) == 1 and (cz[0]["killed"] or {}).get("best") == 5, "Ostrava: 4 and the gunman")

    # "près d'Ouallam", "d'El-Obeid": the French reports' towns after an elided article are found.
    fr = {"nc-40": "Ouallam", "nc-43": "El Obeid"}
    check(all(any(d in i["documents"] and i.get("place") == p for i in incidents)
              for d, p in fr.items()), "French reports join Ouallam and El Obeid")
    # "A soldier died ... A police officer was also killed": the second report counts two.
    tu = [i for i in incidents if i.get("place") == "Tumaco"]
    check(len(tu) == 1 and any(c["doc_id"] == "nc-62" and c["field"] == "killed" and
                               c["value"] == 2 for c in tu[0]["claims"]),
          "Tumaco: the singular victims of two sentences add up")

finish("e2e_newsclusters")
