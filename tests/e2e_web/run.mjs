// End-to-end test of the web page: builds a database from the seed corpus with `sitrep ingest`,
// starts `sitrep serve` on a free loopback port, drives Debian's Chromium through playwright-core
// and checks that clicking an incident shows each outlet's figures in the claims table, that a
// claim's quote is highlighted in its article, and that the document view highlights what was
// extracted. Screenshots go to tests/e2e_web/out/ (git-ignored).
//
//   bash scripts/fetch_web_assets.sh          # once: leaflet, base map, playwright-core
//   node tests/e2e_web/run.mjs                # SITREP_BIN=build-x/sitrep to pick another build
//
// Prints "N passed, M failed" and exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'third_party/node_modules/'));
const { chromium } = require('playwright-core');

const sitrep = path.resolve(root, process.env.SITREP_BIN || 'build/sitrep');
const corpus = path.resolve(root, process.env.SITREP_CORPUS || '../shared/corpus/seeds.jsonl');
const outDir = path.join(here, 'out');
fs.mkdirSync(outDir, { recursive: true });

let passed = 0, failed = 0;
function check(cond, what) {
  if (cond) { passed++; console.log(`ok   ${what}`); } else { failed++; console.log(`FAIL ${what}`); }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'));
const db = path.join(tmp, 'tmp.db');
let server = null, browser = null;

async function startServer() {
  server = spawn(sitrep, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 15000);
    server.stderr.on('data', (d) => {
      err += d.toString();
      const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

async function main() {
  const ing = spawnSync(sitrep, ['ingest', corpus, '--db', db, '--quiet'], { encoding: 'utf8' });
  check(ing.status === 0, `sitrep ingest exits 0 (${(ing.stderr || '').trim().split('\n').pop()})`);
  const base = await startServer();
  console.log(`server at ${base}`);

  // What the page should show, straight from the API.
  const list = await (await fetch(`${base}/api/incidents?limit=10000`)).json();
  check(list.total > 0, `API lists incidents (${list.total})`);
  // The incident with claims from the most outlets (ties: most claims) is the interesting one.
  let target = null, best = [-1, -1];
  for (const s of list.incidents) {
    if (!s.n_claims) continue;
    const inc = await (await fetch(`${base}/api/incidents/${encodeURIComponent(s.id)}`)).json();
    const outlets = new Set(inc.claims.map((c) => c.source)).size;
    if (outlets > best[0] || (outlets === best[0] && inc.claims.length > best[1])) {
      best = [outlets, inc.claims.length];
      target = inc;
    }
  }
  check(target !== null, `an incident with claims exists (${target && target.id}, ${best[0]} outlets)`);
  if (!target) return;

  // A fresh profile per run (playwright passes it to Chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = browser.pages()[0] || await browser.newPage();
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const rows = await page.locator('#list li[data-id]').count();
  check(rows === list.total, `list shows every incident (${rows}/${list.total})`);
  const circles = await page.locator('#map path.leaflet-interactive').count();
  check(circles > 0, `map draws incident circles (${circles})`);
  // Hovering a circle shows its place, date and toll as text (not as HTML).
  await page.locator('#map path.leaflet-interactive').last().hover({ force: true });
  const tip = await page.locator('.leaflet-tooltip').first().textContent({ timeout: 5000 }).catch(() => '');
  check(/ · .* (killed|toll unknown)$/.test(tip || ''), `hovering a circle shows a tooltip ("${tip}")`);
  await page.waitForSelector('body[data-basemap="1"]', { timeout: 15000 }).catch(() => {});
  const land = await page.locator('#map .leaflet-overlay-pane path:not(.leaflet-interactive)').count();
  check(land > 0, `base map draws country outlines offline (${land} paths)`);
  const bars = await page.locator('#timeline rect.bar').count();
  check(bars > 0, `timeline draws bars (${bars})`);
  await page.screenshot({ path: path.join(outDir, 'overview.png') });

  // Brushing the timeline filters the list.
  const box = await page.locator('#timeline').boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const brushed = await page.locator('#list li[data-id]').count();
  check(brushed < rows, `brushing the timeline narrows the list (${brushed} < ${rows})`);
  await page.click('#brush-clear');
  check((await page.locator('#list li[data-id]').count()) === rows, 'clearing the brush restores the list');

  // Click the incident in the list.
  await page.click(`#list li[data-id="${target.id}"]`);
  await page.waitForSelector('table.claims tbody tr');
  const tableRows = await page.locator('table.claims tbody tr').allInnerTexts();
  check(tableRows.length === target.claims.length,
    `claims table has one row per claim (${tableRows.length}/${target.claims.length})`);
  const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  const byOutlet = new Map();
  for (const c of target.claims) {
    if (!byOutlet.has(c.source)) byOutlet.set(c.source, new Set());
    byOutlet.get(c.source).add(fmt(c.value));
  }
  for (const [outlet, figures] of byOutlet) {
    const shown = tableRows.filter((t) => t.startsWith(outlet));
    const missing = [...figures].filter((f) => !shown.some((t) => t.split('\t')[1].trim().split(/\s/)[0] === f));
    check(shown.length > 0 && missing.length === 0,
      `claims table shows ${outlet}'s figures ${[...figures].join(', ')}`);
  }
  const contradicted = target.claims.filter((c) => c.contradicted).length;
  check((await page.locator('table.claims tr.contradicted').count()) === contradicted,
    `contradicted claims are marked (${contradicted})`);
  check(await page.locator('.range svg').first().isVisible(), 'low/best/high range bar is drawn');

  // Clicking a claim shows its quote highlighted in the article.
  await page.locator('table.claims tbody tr').first().click();
  await page.waitForSelector('.quote-view mark.q');
  const marked = (await page.locator('.quote-view mark.q').allInnerTexts()).join('');
  const sorted = [...target.claims].sort((a, b) => (a.field || '').localeCompare(b.field || '') ||
    (a.source || '').localeCompare(b.source || '') || (a.doc_id || '').localeCompare(b.doc_id || ''));
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  check(norm(marked) === norm(sorted[0].quote), `the quote is highlighted in its article ("${norm(marked).slice(0, 50)}…")`);
  await page.evaluate(() => { document.getElementById('right').scrollTop = 0; });
  await page.screenshot({ path: path.join(outDir, 'screenshot.png') });
  await page.locator('.quote-view mark.q').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, 'quote.png') });

  // The document view highlights places, dates, actors and figures.
  const docId = sorted[0].doc_id;
  await page.goto(`${base}/#/document/${encodeURIComponent(docId)}`);
  await page.waitForSelector('.doc-full .doctext');
  const kinds = {};
  for (const k of ['place', 'date', 'actor', 'figure']) kinds[k] = await page.locator(`.doc-full .k-${k}`).count();
  check(kinds.figure > 0 && kinds.place + kinds.date + kinds.actor > 0,
    `document view highlights extractions ${JSON.stringify(kinds)}`);
  await page.screenshot({ path: path.join(outDir, 'document.png') });

  check(external.length === 0, `no request leaves the server (${external.slice(0, 3).join(' ')})`);
  check(pageErrors.length === 0, `no page errors (${pageErrors.slice(0, 3).join(' | ')})`);
}

try {
  await main();
} catch (e) {
  check(false, `unexpected error: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  if (server && server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
