#!/usr/bin/env python3
"""End-to-end: reports in other languages. tests/data/langs holds 39 short paragraphs we wrote,
two per language (ru, uk, ar, ur, hi, fr, es, tr, de, pt, it, id, fa, so), one in Pashto and ten
more (Arabic, Turkish, Urdu, West-African French, Mexican and Colombian Spanish, Philippine English
with Tagalog, Swahili; make.py writes the JSONL). EXPECT says,
for each, the incident it should give: place, date (from a word: "вчора", "hier", "dün",
weekdays), killed best and the claim's qualifier, perpetrator. Every report must give an incident;
each field must hold in at least its floor of the 39 (as last reached), so a regression in one
language shows without every gap being a failure."""
import json
import os
import sys
import tempfile
import unicodedata

from e2e_util import ROOT, check, finish, run

ARTICLES = os.path.join(ROOT, "tests", "data", "langs", "articles.jsonl")

# doc_id: (place or "place/admin1", date, killed best, qualifier, perpetrator or None)
EXPECT = {
    "ru1": ("Donetsk", "2024-03-14", 7, "at_least", None),
    "ru2": ("Belgorod", "2024-03-11", 11, "more_than", None),
    "uk1": ("Kherson", "2024-03-14", 5, "exact", None),
    "uk2": ("Kharkiv", "2024-03-13", 5, "at_least", None),
    "ar1": ("Tadmur", "2024-03-13", 10, "at_least", "Islamic State"),
    "ar2": ("Mosul", "2024-03-14", 16, "more_than", "Islamic State"),
    "ur1": ("Peshawar", "2024-03-14", 12, "at_least", "Tehrik-i-Taliban Pakistan"),
    "ur2": ("Quetta", "2024-03-14", 6, "exact", None),
    "hi1": ("Bijapur/Chhattisgarh", "2024-03-12", 8, "at_least", "Communist Party of India (Maoist)"),
    "hi2": ("Churachandpur", "2024-03-14", 5, "exact", None),
    "fr1": ("Tillabéri", "2024-03-14", 12, "at_least", None),
    "fr2": ("Djibo", "2024-03-12", 20, "about", "Jama'at Nusrat al-Islam wal-Muslimin"),
    "es1": ("Culiacán", "2024-03-14", 9, "at_least", None),
    "es2": (None, "2024-03-12", 4, "exact", "National Liberation Army (Colombia)"),
    "tr1": ("Diyarbakır", "2024-03-14", 6, "at_least", "Kurdistan Workers' Party"),
    "tr2": ("Istanbul", "2024-03-13", 1, "exact", "Islamic State"),
    "de1": ("Solingen", "2024-03-14", 3, "at_least", "Islamic State"),
    "de2": ("Hanau", "2024-03-11", 9, "exact", None),
    "pt1": ("Mocímboa", "2024-03-14", 11, "at_least", "Islamic State"),
    "pt2": ("Beni", "2024-03-12", 15, "about", "Allied Democratic Forces"),
    "it1": ("Maiduguri", "2024-03-14", 7, "at_least", "Boko Haram"),
    "it2": ("Kabul", "2024-03-11", 20, "about", "Islamic State"),
    "id1": ("Sugapa", "2024-03-14", 5, "at_least", "West Papua National Liberation Army"),
    "id2": ("Makassar", "2024-03-13", 3, "exact", "Jamaah Ansharut Daulah"),
    "fa1": ("Kerman", "2024-03-14", 9, "at_least", "Islamic State"),
    "fa2": ("Zahedan", "2024-03-12", 5, "exact", "Jaish al-Adl"),
    "ps1": ("Kandahar", "2024-03-14", 8, "at_least", "Islamic State"),
    "so1": ("Mogadishu", "2024-03-14", 10, "at_least", "Al-Shabaab"),
    "so2": ("Baidoa", "2024-03-12", 6, "exact", None),
    "ar3": ("Maiduguri", "2024-03-12", 8, "at_least", "Boko Haram"),
    "ar4": ("Baghdad", "2024-03-14", 21, "more_than", "Islamic State"),
    "ar5": ("Lahore", "2024-03-13", 30, "about", "Tehrik-i-Taliban Pakistan"),
    "tr3": ("Mogadishu", "2024-03-12", 12, "at_least", "Al-Shabaab"),
    "ur3": ("Bannu", "2024-03-12", 5, "at_least", "Tehrik-i-Taliban Pakistan"),
    "fr3": ("Fada", "2024-03-13", 15, "about", "Jama'at Nusrat al-Islam wal-Muslimin"),
    "es3": ("Celaya", "2024-03-14", 8, "at_least", "Santa Rosa de Lima Cartel"),
    "es4": ("Tibú", "2024-03-13", 4, "exact", "Revolutionary Armed Forces of Colombia"),
    "tl1": ("Catarman", "2024-03-12", 6, "at_least", "New People's Army"),
    "sw1": ("Mandera", "2024-03-12", 7, "at_least", "Al-Shabaab"),
}
# Reached so far, of 39. Missed: see the report of the session that set them.
FLOORS = {"incident": 39, "place": 39, "date": 39, "killed": 39, "qualifier": 39, "perpetrator": 39}


def same_place(want, inc):
    # Gazetteer names may carry a qualifier ("Hanau am Main"); "Bijapur/Chhattisgarh" also names
    # the state, as two Indian states have a Bijapur.
    if want is None:
        return True
    place, _, admin1 = want.partition("/")
    got = inc.get("place")
    return got is not None and plain(got).startswith(plain(place)) and admin1 in ("", inc.get("admin1"))


def plain(name):
    # GeoNames writes long vowels ("Churāchāndpur"); the expectations do not.
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "langs.json")
    code, _, err = run("analyze", ARTICLES, "--out", out, "--quiet")
    check(code == 0, f"analyze exits 0 (got {code}): {err[-2000:]}")
    incidents = json.load(open(out, encoding="utf-8"))["incidents"] if code == 0 else []
    got = {k: 0 for k in FLOORS}
    for doc, (place, date, killed, qual, perp) in EXPECT.items():
        mine = [i for i in incidents if doc in i["documents"] and not any(
            j.get("parent") == i["id"] for j in incidents)]
        if not mine:
            print(f"  {doc}: no incident", file=sys.stderr)
            continue
        inc = mine[0]
        claims = [c for c in inc["claims"] if c["doc_id"] == doc and c["field"] == "killed"]
        ok = {
            "incident": True,
            "place": same_place(place, inc),
            "date": inc.get("date") == date,
            "killed": (inc.get("killed") or {}).get("best") == killed,
            "qualifier": any(c["qualifier"] == qual for c in claims),
            "perpetrator": inc.get("perpetrator") == perp,
        }
        for k, v in ok.items():
            got[k] += v
        missed = [k for k, v in ok.items() if not v]
        if missed:
            print(f"  {doc}: missed {', '.join(missed)} (place {inc.get('place')}, date "
                  f"{inc.get('date')}, killed {inc.get('killed')}, perpetrator "
                  f"{inc.get('perpetrator')})", file=sys.stderr)
    print("e2e_langs:", ", ".join(f"{k} {v}/{len(EXPECT)}" for k, v in got.items()))
    for k, floor in FLOORS.items():
        check(got[k] >= floor, f"{k}: {got[k]}/{len(EXPECT)} >= {floor}")

finish("e2e_langs")
