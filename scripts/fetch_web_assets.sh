#!/usr/bin/env bash
# Installs the web page's third-party assets (pinned npm packages) at setup time, so that
# `sitrep serve` needs no network at run time:
#   web/vendor/leaflet/       Leaflet (map widget), BSD-2-Clause
#   web/vendor/world/         Natural Earth country outlines as TopoJSON (world-atlas, ISC;
#                             Natural Earth is public domain), used as the offline base map
#   web/vendor/topojson/      topojson-client (TopoJSON -> GeoJSON), ISC
# and, for the browser test only, playwright-core into third_party/node_modules/.
# Both web/vendor/ and third_party/node_modules/ are git-ignored. Idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TP="$ROOT/third_party"
VENDOR="$ROOT/web/vendor"

LEAFLET=leaflet@1.9.4
WORLD=world-atlas@2.0.2
TOPOJSON=topojson-client@3.1.0
PLAYWRIGHT=playwright-core@1.65.1

mkdir -p "$TP"
if [[ ! -f "$TP/package.json" ]]; then
  echo '{"name":"sitrep-third-party","private":true}' > "$TP/package.json"
fi
# --no-save keeps third_party/package.json stable; playwright-core downloads no browser.
(cd "$TP" && npm install --no-save --no-audit --no-fund --loglevel=error \
  "$LEAFLET" "$WORLD" "$TOPOJSON" "$PLAYWRIGHT")

NM="$TP/node_modules"
rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/world" "$VENDOR/topojson"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$VENDOR/leaflet/"
cp "$NM/leaflet/dist/images/"*.png "$VENDOR/leaflet/images/"
cp "$NM/leaflet/LICENSE" "$VENDOR/leaflet/LICENSE"
cp "$NM/world-atlas/countries-50m.json" "$VENDOR/world/countries-50m.json"
cp "$NM/world-atlas/LICENSE"* "$VENDOR/world/" 2>/dev/null || true
cp "$NM/topojson-client/dist/topojson-client.min.js" "$VENDOR/topojson/"
cp "$NM/topojson-client/LICENSE" "$VENDOR/topojson/LICENSE"
echo "web assets installed in $VENDOR"
