// sitrep web page: fetches the JSON API of `sitrep serve` and draws a map, a brushable timeline
// and a list of incidents, plus incident and document views (hash routes #/incident/ID and
// #/document/ID). All text from the API is inserted with textContent, never as HTML.
'use strict';

const EVENT_COLORS = {
  'Battles': '#2c6fbb',
  'Explosions/Remote violence': '#d35400',
  'Violence against civilians': '#8e44ad',
  'Protests': '#16a085',
  'Riots': '#c0392b',
  'Strategic developments': '#7f8c8d',
};
const FALLBACK_COLOR = '#34495e';
const LIST_LIMIT = 10000;  // the API's maximum page

const state = {
  incidents: [],      // summaries from /api/incidents (server-side filters applied)
  byId: new Map(),
  brush: null,        // [fromIso, toIso] or null
  sort: '-date',
  markers: new Map(), // id -> Leaflet circle
  docCache: new Map(),
};

// ---------- small helpers ----------
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}
function colorOf(type) { return EVENT_COLORS[type] || FALLBACK_COLOR; }
function fmtNum(v) {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
function fmtFigure(f) {
  if (!f) return '–';
  if (f.low === f.high) return fmtNum(f.best);
  return `${fmtNum(f.best)} (${fmtNum(f.low)}–${fmtNum(f.high)})`;
}
function placeLabel(inc) {
  const parts = [inc.place, inc.admin2, inc.admin1, inc.country].filter((x) => x);
  const seen = new Set();
  return parts.filter((p) => (seen.has(p) ? false : seen.add(p))).join(', ') || 'unknown place';
}
function dateLabel(inc) {
  if (!inc.date) return 'date unknown';
  return inc.date_end && inc.date_end !== inc.date ? `${inc.date} – ${inc.date_end}` : inc.date;
}
function showError(msg) {
  const box = document.getElementById('error');
  box.textContent = msg;
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 6000);
}
async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (_) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}
// Days since the epoch for an ISO date (YYYY[-MM[-DD]]); NaN when absent.
function dayNum(iso) {
  if (!iso) return NaN;
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 86400000;
}
function isoOfDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

// UTF-8 byte spans -> JS strings: the API's spans are byte offsets into the article text.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function byteText(bytes, b, e) { return decoder.decode(bytes.subarray(b, e)); }

// Renders `text` with the given spans ({begin, end, kind, title}) as nested-free segments: the
// text is cut at every span boundary and each piece carries the classes of all spans covering it.
function renderSpans(container, text, spans, opts) {
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const clean = spans
    .map((s) => ({ ...s, begin: Math.max(0, Math.min(n, s.begin)), end: Math.max(0, Math.min(n, s.end)) }))
    .filter((s) => s.end > s.begin);
  const cuts = new Set([0, n]);
  for (const s of clean) { cuts.add(s.begin); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  let first = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const b = points[i], e = points[i + 1];
    const covering = clean.filter((s) => s.begin <= b && s.end >= e);
    const piece = byteText(bytes, b, e);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const classes = ['hl', ...new Set(covering.map((s) => 'k-' + s.kind))];
    if (covering.some((s) => s.cls)) classes.push(...covering.filter((s) => s.cls).map((s) => s.cls));
    const title = covering.map((s) => s.title).filter((t) => t).join('\n');
    const tag = opts && opts.mark && covering.some((s) => s.kind === 'quote') ? 'mark' : 'span';
    const node = el(tag, { class: classes.join(' '), title: title || null, text: piece });
    if (tag === 'mark') node.classList.add('q');
    if (!first) first = node;
    container.append(node);
  }
  return first;
}

// ---------- filters and loading ----------
function filterParams() {
  const p = new URLSearchParams();
  const q = document.getElementById('f-q').value.trim();
  const ev = document.getElementById('f-event').value;
  const co = document.getElementById('f-country').value;
  const mk = document.getElementById('f-min').value.trim();
  if (q) p.set('q', q);
  if (ev) p.set('event_type', ev);
  if (co) p.set('country', co);
  if (mk) p.set('min_killed', mk);
  return p;
}

async function loadStats() {
  const s = await api('/api/stats');
  document.getElementById('stats').textContent =
    `${s.incidents} incidents · ${s.stories} stories · ${s.documents} articles · ` +
    `${fmtNum(s.killed_best_total)} killed (best)`;
  const fill = (id, counts) => {
    const sel = document.getElementById(id);
    for (const k of Object.keys(counts).sort()) {
      if (!k) continue;
      sel.append(el('option', { value: k, text: `${k} (${counts[k]})` }));
    }
  };
  fill('f-event', s.by_event_type || {});
  fill('f-country', s.by_country || {});
}

async function loadIncidents() {
  const p = filterParams();
  p.set('limit', String(LIST_LIMIT));
  p.set('sort', state.sort);
  const r = await api('/api/incidents?' + p.toString());
  state.incidents = r.incidents;
  state.byId = new Map(r.incidents.map((i) => [i.id, i]));
  drawTimeline();
  redraw();
}

// Incidents that pass the timeline brush.
function brushed() {
  if (!state.brush) return state.incidents;
  const [a, b] = state.brush.map(dayNum);
  return state.incidents.filter((i) => {
    const d = dayNum(i.date);
    if (Number.isNaN(d)) return false;
    const e = i.date_end ? dayNum(i.date_end) : d;
    return d <= b && e >= a;
  });
}
// Leaves carry the deaths once: a story's figure already counts its children.
function isLeaf(i) { return !i.n_children; }

function redraw() {
  const shown = brushed();
  drawMap(shown);
  drawList(shown);
}

// ---------- map ----------
let map = null, markerLayer = null;
function initMap() {
  map = L.map('map', { worldCopyJump: true, zoomSnap: 0.5, attributionControl: true }).setView([25, 45], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders: Natural Earth');
  fetch('vendor/world/countries-50m.json')
    .then((r) => r.json())
    .then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: { color: '#8d9aa6', weight: 0.7, fillColor: '#f6f4ee', fillOpacity: 1 },
      }).addTo(map);
      if (markerLayer) markerLayer.bringToFront();
      document.body.dataset.basemap = '1';
    })
    .catch(() => showError('Base map missing: run scripts/fetch_web_assets.sh'));
  markerLayer = L.featureGroup().addTo(map);
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const d = el('div', { class: 'map-legend' });
    for (const [k, c] of Object.entries(EVENT_COLORS)) {
      const i = el('i'); i.style.background = c;
      d.append(el('div', null, i, k));
    }
    return d;
  };
  legend.addTo(map);
}
let fittedOnce = false;
function drawMap(shown) {
  markerLayer.clearLayers();
  state.markers.clear();
  const leaves = shown.filter((i) => isLeaf(i) && i.lat !== null && i.lon !== null);
  // Largest first so small circles stay clickable on top.
  leaves.sort((a, b) => ((b.killed && b.killed.best) || 0) - ((a.killed && a.killed.best) || 0));
  for (const inc of leaves) {
    const killed = (inc.killed && inc.killed.best) || 0;
    const c = L.circleMarker([inc.lat, inc.lon], {
      radius: 4 + 2.2 * Math.sqrt(killed),
      color: '#1d232b', weight: 0.8, fillColor: colorOf(inc.event_type), fillOpacity: 0.75,
    });
    // An element, not a string: Leaflet puts a string tooltip in as HTML.
    const toll = inc.killed ? `${fmtFigure(inc.killed)} killed` : 'toll unknown';
    c.bindTooltip(el('span', { text: `${inc.place || inc.admin1 || inc.country} · ${dateLabel(inc)} · ${toll}` }));
    c.on('click', () => { location.hash = '#/incident/' + encodeURIComponent(inc.id); });
    c.addTo(markerLayer);
    state.markers.set(inc.id, c);
  }
  if (!fittedOnce && leaves.length) {
    fittedOnce = true;
    map.fitBounds(markerLayer.getBounds().pad(0.3), { maxZoom: 7 });
  }
}

// ---------- timeline ----------
const TL = { left: 34, right: 8, top: 6, bottom: 18 };
let tlScale = null;
function drawTimeline() {
  const root = document.getElementById('timeline');
  root.replaceChildren();
  const W = root.clientWidth || 600, H = root.clientHeight || 120;
  const dated = state.incidents.filter((i) => i.date);
  if (!dated.length) { tlScale = null; return; }
  let lo = Infinity, hi = -Infinity;
  for (const i of dated) {
    lo = Math.min(lo, dayNum(i.date));
    hi = Math.max(hi, dayNum(i.date_end || i.date));
  }
  lo -= 1; hi += 1;
  const deaths = new Map(), counts = new Map();
  for (const i of dated) {
    const d = dayNum(i.date);
    if (isLeaf(i)) {
      deaths.set(d, (deaths.get(d) || 0) + ((i.killed && i.killed.best) || 0));
      counts.set(d, (counts.get(d) || 0) + 1);
    }
  }
  const x = (d) => TL.left + ((d - lo) / (hi - lo)) * (W - TL.left - TL.right);
  tlScale = { lo, hi, x, inv: (px) => lo + ((px - TL.left) / (W - TL.left - TL.right)) * (hi - lo) };
  const maxDeaths = Math.max(1, ...deaths.values());
  const maxCount = Math.max(1, ...counts.values());
  const plotH = H - TL.top - TL.bottom;
  const barW = Math.max(2, (W - TL.left - TL.right) / (hi - lo + 1) * 0.7);
  // Axis: a few date ticks and the max of each series.
  const axis = svg('g', { class: 'axis' });
  axis.append(svg('line', { x1: TL.left, x2: W - TL.right, y1: H - TL.bottom, y2: H - TL.bottom }));
  const ticks = Math.min(8, Math.max(2, Math.floor((W - TL.left) / 90)));
  for (let k = 0; k <= ticks; k++) {
    const d = Math.round(lo + ((hi - lo) * k) / ticks);
    const anchor = k === 0 ? 'start' : k === ticks ? 'end' : 'middle';
    const t = svg('text', { x: x(d), y: H - 4, 'text-anchor': anchor });
    t.textContent = isoOfDay(d);
    axis.append(t);
  }
  const ymax = svg('text', { x: 2, y: TL.top + 8 });
  ymax.textContent = `${fmtNum(maxDeaths)}†`;
  axis.append(ymax);
  root.append(axis);
  for (const [d, v] of deaths) {
    const h = (v / maxDeaths) * plotH;
    const r = svg('rect', { class: 'bar', x: x(d) - barW / 2, y: TL.top + plotH - h, width: barW, height: Math.max(h, 1) });
    const tt = svg('title', {}); tt.textContent = `${isoOfDay(d)}: ${fmtNum(v)} killed, ${counts.get(d) || 0} incidents`;
    r.append(tt);
    root.append(r);
  }
  for (const [d, c] of counts) {
    root.append(svg('circle', { class: 'dot', cx: x(d), cy: TL.top + plotH - (c / maxCount) * plotH, r: 2.5 }));
  }
  const brushRect = svg('rect', { class: 'brush', x: 0, y: TL.top, width: 0, height: plotH, visibility: 'hidden' });
  root.append(brushRect);
  paintBrush();
}
function paintBrush() {
  const root = document.getElementById('timeline');
  const r = root.querySelector('.brush');
  const label = document.getElementById('brush-label');
  const clear = document.getElementById('brush-clear');
  if (!r || !tlScale || !state.brush) {
    if (r) r.setAttribute('visibility', 'hidden');
    label.textContent = '';
    clear.hidden = true;
    return;
  }
  const a = tlScale.x(dayNum(state.brush[0]) - 0.5), b = tlScale.x(dayNum(state.brush[1]) + 0.5);
  r.setAttribute('x', Math.min(a, b));
  r.setAttribute('width', Math.abs(b - a));
  r.setAttribute('visibility', 'visible');
  label.textContent = `${state.brush[0]} → ${state.brush[1]}`;
  clear.hidden = false;
}
function initBrush() {
  const root = document.getElementById('timeline');
  let start = null;
  const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
  root.addEventListener('pointerdown', (ev) => {
    if (!tlScale) return;
    start = px(ev);
    root.setPointerCapture(ev.pointerId);
  });
  root.addEventListener('pointermove', (ev) => {
    if (start === null || !tlScale) return;
    const a = Math.round(tlScale.inv(Math.min(start, px(ev))));
    const b = Math.round(tlScale.inv(Math.max(start, px(ev))));
    state.brush = [isoOfDay(a), isoOfDay(b)];
    paintBrush();
  });
  root.addEventListener('pointerup', (ev) => {
    if (start === null || !tlScale) return;
    const moved = Math.abs(px(ev) - start) > 3;
    start = null;
    if (!moved) state.brush = null;  // a click clears the range
    paintBrush();
    redraw();
  });
  document.getElementById('brush-clear').addEventListener('click', () => {
    state.brush = null; paintBrush(); redraw();
  });
}

// ---------- list ----------
function incidentRow(inc, isChild) {
  const sw = el('span', { class: 'swatch' }); sw.style.background = colorOf(inc.event_type);
  const title = el('div', { class: 'title' }, inc.place || inc.admin1 || inc.country || 'unknown place',
    inc.n_children ? el('span', { class: 'story-tag', text: `story · ${inc.n_children} incidents` }) : null);
  const sub = el('div', { class: 'sub' },
    `${dateLabel(inc)} · ${inc.sub_event_type || inc.event_type || 'event'}` +
    (inc.perpetrator ? ` · ${inc.perpetrator}` : '') + ` · ${inc.n_documents} report${inc.n_documents === 1 ? "" : "s"}`);
  const li = el('li', {
    class: isChild ? 'child' : null, 'data-id': inc.id,
    onclick: () => { location.hash = '#/incident/' + encodeURIComponent(inc.id); },
    onmouseenter: () => highlightMarker(inc.id, true),
    onmouseleave: () => highlightMarker(inc.id, false),
  }, sw, el('div', { class: 'main' }, title, sub), el('div', { class: 'killed', text: inc.killed ? `${fmtFigure(inc.killed)} †` : '' }));
  return li;
}
function drawList(shown) {
  const list = document.getElementById('list');
  list.replaceChildren();
  const ids = new Set(shown.map((i) => i.id));
  // Children are listed under their story when the story is shown, otherwise on their own.
  const children = new Map();
  for (const i of shown) {
    if (i.parent && ids.has(i.parent)) {
      if (!children.has(i.parent)) children.set(i.parent, []);
      children.get(i.parent).push(i);
    }
  }
  let n = 0;
  for (const inc of shown) {
    if (inc.parent && ids.has(inc.parent)) continue;
    list.append(incidentRow(inc, false)); n++;
    for (const c of children.get(inc.id) || []) { list.append(incidentRow(c, true)); n++; }
  }
  document.getElementById('list-count').textContent =
    `${n} incident${n === 1 ? '' : 's'}` + (state.brush ? ' in range' : '');
  if (!n) list.append(el('li', { class: 'empty', text: 'No incident matches.' }));
}
function highlightMarker(id, on) {
  const m = state.markers.get(id);
  if (m) m.setStyle({ weight: on ? 3 : 0.8, color: on ? '#f1c40f' : '#1d232b' });
}

// ---------- incident view ----------
function rangeBar(label, f, scaleMax) {
  const box = el('div', { class: 'range' }, el('div', { class: 'label', text: `${label}: ${fmtFigure(f)}` }));
  if (!f) return box;
  const W = 400, pad = 12;
  const s = svg('svg', { viewBox: `0 0 ${W} 34`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': `${label} low ${f.low} best ${f.best} high ${f.high}` });
  const max = Math.max(scaleMax, f.high, 1);
  const X = (v) => pad + (v / max) * (W - 2 * pad);
  s.append(svg('rect', { class: 'track', x: pad, y: 8, width: W - 2 * pad, height: 10, rx: 3 }));
  s.append(svg('rect', { class: 'span', x: X(f.low), y: 8, width: Math.max(2, X(f.high) - X(f.low)), height: 10, rx: 3 }));
  s.append(svg('rect', { class: 'best', x: X(f.best) - 1.5, y: 4, width: 3, height: 18 }));
  // Label low and high under their ends; one label when they (nearly) coincide.
  const labels = X(f.high) - X(f.low) < 24 ? [[f.high, 'middle']] : [[f.low, 'end'], [f.high, 'start']];
  for (const [v, anchor] of labels) {
    const t = svg('text', { x: X(v), y: 31, 'text-anchor': anchor });
    t.textContent = fmtNum(v);
    s.append(t);
  }
  box.append(s);
  return box;
}

async function getDocument(id) {
  if (state.docCache.has(id)) return state.docCache.get(id);
  const d = await api('/api/documents/' + encodeURIComponent(id));
  state.docCache.set(id, d);
  return d;
}

async function showQuote(viewer, claim) {
  viewer.replaceChildren(el('div', { class: 'qhead', text: `Loading ${claim.doc_id}…` }));
  try {
    const doc = await getDocument(claim.doc_id);
    const head = el('div', { class: 'qhead' },
      el('a', { href: '#/document/' + encodeURIComponent(doc.id), text: doc.id }),
      ` · ${doc.source || ''}${doc.published ? ' · ' + doc.published : ''}`,
      doc.url ? ' · ' : null, doc.url ? el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank', text: 'original' }) : null);
    const body = el('div', { class: 'doctext' });
    const spans = [];
    if (claim.span) spans.push({ begin: claim.span[0], end: claim.span[1], kind: 'quote', title: 'quoted claim' });
    if (claim.figure_span) spans.push({ begin: claim.figure_span[0], end: claim.figure_span[1], kind: 'quote', cls: 'fig', title: 'figure' });
    const first = renderSpans(body, doc.text, spans, { mark: true });
    viewer.replaceChildren(head, body);
    if (first) {
      body.scrollTop = Math.max(0, first.offsetTop - body.offsetTop - 60);
    }
  } catch (e) {
    viewer.replaceChildren(el('div', { class: 'qhead', text: `Could not load ${claim.doc_id}: ${e.message}` }));
  }
}

function claimsTable(inc, viewer) {
  const t = el('table', { class: 'claims' });
  t.append(el('thead', null, el('tr', null, ...['Outlet', 'Figure', 'Field', 'Category', 'Who said it', 'Published'].map((h) => el('th', { text: h })))));
  const tb = el('tbody');
  const claims = [...(inc.claims || [])];
  claims.sort((a, b) => (a.field || '').localeCompare(b.field || '') || (a.source || '').localeCompare(b.source || '') || (a.doc_id || '').localeCompare(b.doc_id || ''));
  for (const c of claims) {
    // An open upper bound ("at least 23") is stored with high < low: the qualifier says it.
    const range = typeof c.low === 'number' && typeof c.high === 'number' && c.high > c.low
      ? ` (${fmtNum(c.low)}–${fmtNum(c.high)})` : '';
    const qual = c.qualifier && c.qualifier !== 'exact' ? c.qualifier.replace(/_/g, ' ') : '';
    const tr = el('tr', { class: c.contradicted ? 'contradicted' : null, 'data-doc': c.doc_id },
      el('td', { class: 'outlet', text: c.source || c.doc_id, title: c.doc_id }),
      el('td', { class: 'figure' }, fmtNum(c.value) + range,
        qual ? el('div', { class: 'qual', text: qual }) : null,
        c.contradicted ? el('div', { class: 'flag', title: 'contradicted by another report', text: '⚠ contradicted' }) : null),
      el('td', { text: c.field || '' }),
      el('td', { text: (c.category || '').replace(/_/g, ' ') }),
      el('td', { text: c.attributed_to || '—' }),
      el('td', { class: 'date', text: c.published || '' }));
    tr.addEventListener('click', () => {
      for (const r of tb.querySelectorAll('tr.selected')) r.classList.remove('selected');
      tr.classList.add('selected');
      showQuote(viewer, c);
    });
    tb.append(tr);
  }
  t.append(tb);
  return t;
}

function docList(docs) {
  const ul = el('ul', { class: 'plain' });
  for (const d of docs) {
    ul.append(el('li', null, el('a', { href: '#/document/' + encodeURIComponent(d.id), text: d.id }),
      ` · ${d.source || 'unknown outlet'}${d.published ? ' · ' + d.published : ''}`,
      d.copy_of ? ` (copy of ${d.copy_of})` : ''));
  }
  return ul;
}

async function showIncident(id) {
  const view = document.getElementById('detail-view');
  document.getElementById('list-view').hidden = true;
  view.hidden = false;
  view.replaceChildren(el('div', { class: 'meta', text: 'Loading…' }));
  let inc;
  try { inc = await api('/api/incidents/' + encodeURIComponent(id)); } catch (e) {
    view.replaceChildren(el('a', { class: 'back', href: '#/', text: '← all incidents' }), el('p', { text: e.message }));
    return;
  }
  const parts = [el('a', { class: 'back', href: '#/', text: '← all incidents' })];
  if (inc.parent) parts.push(' · ', el('a', { class: 'back', href: '#/incident/' + encodeURIComponent(inc.parent), text: 'part of story ' + inc.parent }));
  parts.push(el('h2', { text: `${inc.sub_event_type || inc.event_type || 'Incident'} — ${placeLabel(inc)}` }));
  parts.push(el('div', { class: 'meta', text: `${dateLabel(inc)} · id ${inc.id}` }));
  const kv = el('dl', { class: 'kv' });
  const add = (k, v) => { if (v !== null && v !== undefined && v !== '') kv.append(el('dt', { text: k }), el('dd', { text: v })); };
  add('Event', [inc.event_type, inc.sub_event_type].filter((x) => x).join(' / '));
  add('Perpetrator', inc.perpetrator);
  add('Place', placeLabel(inc));
  if (inc.lat !== null && inc.lat !== undefined) add('Coordinates', `${inc.lat}, ${inc.lon} (precision ${inc.geo_precision})`);
  parts.push(kv);
  parts.push(el('h3', { text: 'Casualties' }));
  const scale = Math.max(...['killed', 'injured'].map((k) => (inc[k] ? inc[k].high : 0)), 1);
  parts.push(rangeBar('Killed', inc.killed, scale));
  parts.push(rangeBar('Injured', inc.injured, scale));
  for (const [cat, f] of Object.entries(inc.killed_by_category || {})) {
    if (f) parts.push(rangeBar(`Killed: ${cat.replace(/_/g, ' ')}`, f, scale));
  }
  if (inc.contradictions && inc.contradictions.length) {
    const box = el('div', { class: 'contradictions' }, el('strong', { text: 'Contradictions' }));
    const ul = el('ul', { class: 'plain' });
    for (const c of inc.contradictions) ul.append(el('li', { text: `${c.field}: ${c.description}` }));
    box.append(ul);
    parts.push(box);
  }
  parts.push(el('h3', { text: `Claims (${(inc.claims || []).length})` }));
  const viewer = el('div', { class: 'quote-view' }, el('div', { class: 'qhead', text: 'Click a claim to read it in its article.' }));
  parts.push((inc.claims || []).length ? el('div', { class: 'claims-wrap' }, claimsTable(inc, viewer))
    : el('p', { class: 'empty', text: 'No figures reported.' }));
  parts.push(viewer);
  if (inc.children && inc.children.length) {
    parts.push(el('h3', { text: `Incidents in this story (${inc.children.length})` }));
    const ol = el('ol', { id: 'children', class: 'plain' });
    for (const c of inc.children) {
      ol.append(el('li', null, el('a', { href: '#/incident/' + encodeURIComponent(c.id), text: `${c.place || c.admin1 || c.country || c.id}` }),
        ` · ${dateLabel(c)} · ${c.sub_event_type || c.event_type || ''} · ${fmtFigure(c.killed)} killed`));
    }
    parts.push(ol);
  }
  parts.push(el('h3', { text: `Reports (${(inc.documents || []).length})` }), docList(inc.documents || []));
  if (inc.mentions && inc.mentions.length) {
    parts.push(el('h3', { text: `Background mentions (${inc.mentions.length})` }), docList(inc.mentions));
  }
  if (inc.why && inc.why.length) {
    parts.push(el('h3', { text: 'Why these reports were grouped' }));
    const ul = el('ul', { class: 'plain why' });
    for (const w of inc.why) ul.append(el('li', { text: `${w.doc_id}: ${w.decision}${w.detail ? ' — ' + w.detail : ''}` }));
    parts.push(ul);
  }
  view.replaceChildren(...parts);
  document.getElementById('right').scrollTop = 0;
  for (const m of state.markers.values()) m.setStyle({ weight: 0.8, color: '#1d232b' });
  const focus = [inc.id, ...(inc.children || []).map((c) => c.id)];
  for (const f of focus) highlightMarker(f, true);
  if (inc.lat !== null && inc.lat !== undefined && map) map.panTo([inc.lat, inc.lon]);
}

// ---------- document view ----------
async function showDocument(id) {
  const view = document.getElementById('detail-view');
  document.getElementById('list-view').hidden = true;
  view.hidden = false;
  view.replaceChildren(el('div', { class: 'meta', text: 'Loading…' }));
  let doc;
  try { doc = await getDocument(id); } catch (e) {
    view.replaceChildren(el('a', { class: 'back', href: '#/', text: '← all incidents' }), el('p', { text: e.message }));
    return;
  }
  const parts = [el('a', { class: 'back', href: '#/', text: '← back',
    onclick: (ev) => { if (history.length > 1) { ev.preventDefault(); history.back(); } } })];
  parts.push(el('h2', { text: doc.id }));
  parts.push(el('div', { class: 'meta' }, `${doc.source || 'unknown outlet'}${doc.published ? ' · ' + doc.published : ''}${doc.lang ? ' · ' + doc.lang : ''}`,
    doc.url ? ' · ' : null, doc.url ? el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank', text: 'original' }) : null,
    doc.copy_of ? ` · copy of ${doc.copy_of}` : null));
  if (doc.incidents && doc.incidents.length) {
    const p = el('div', { class: 'meta' }, 'Incidents: ');
    doc.incidents.forEach((iid, k) => {
      if (k) p.append(', ');
      p.append(el('a', { href: '#/incident/' + encodeURIComponent(iid), text: iid }));
    });
    parts.push(p);
  }
  const counts = {};
  for (const s of doc.spans) counts[s.kind] = (counts[s.kind] || 0) + 1;
  const legend = el('div', { class: 'legend' });
  for (const [k, name] of [['place', 'places'], ['date', 'dates'], ['actor', 'actors'], ['figure', 'figures'], ['claim', 'claims'], ['event', 'event triggers']]) {
    legend.append(el('span', { class: 'k-' + k, text: `${name} (${counts[k] || 0})` }));
  }
  parts.push(legend);
  const body = el('div', { class: 'doctext' });
  renderSpans(body, doc.text, doc.spans);
  parts.push(el('div', { class: 'doc-full' }, body));
  view.replaceChildren(...parts);
  document.getElementById('right').scrollTop = 0;
}

// ---------- routing ----------
function route() {
  const h = location.hash.replace(/^#/, '');
  let m;
  if ((m = h.match(/^\/incident\/(.+)$/))) return showIncident(decodeURIComponent(m[1]));
  if ((m = h.match(/^\/document\/(.+)$/))) return showDocument(decodeURIComponent(m[1]));
  document.getElementById('detail-view').hidden = true;
  document.getElementById('list-view').hidden = false;
  return null;
}

async function main() {
  initMap();
  initBrush();
  document.getElementById('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    loadIncidents().catch((e) => showError(e.message));
  });
  document.getElementById('f-reset').addEventListener('click', () => {
    document.getElementById('filters').reset();
    state.brush = null;
    loadIncidents().catch((e) => showError(e.message));
  });
  document.getElementById('sort').addEventListener('change', (ev) => {
    state.sort = ev.target.value;
    loadIncidents().catch((e) => showError(e.message));
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => { drawTimeline(); });
  try {
    await loadStats();
    await loadIncidents();
  } catch (e) {
    showError(e.message);
  }
  route();
  document.body.dataset.ready = '1';  // for the browser test
}
main();
