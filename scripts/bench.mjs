#!/usr/bin/env node
// `npm run bench`: builds the app and a bare MapLibre page (same basemap and ring, no React),
// then measures both in headless Chromium and writes the table to docs/perf.md.
//
//   (a) gzip size of every JS and CSS file each page loads (worker included), and totals;
//   (b) median / min / max time from navigation to the map's first `idle` over N cold loads
//       (fresh browser profile each), alternating app / bare so machine noise hits both alike;
//       first contentful paint, and for the app when the party cards became visible.
//
// Flags: --runs N (default 10), --skip-build (reuse .bench/app and .bench/bare), --bare-only.
// A target MISS is reported, not an error; a page that fails to load exits non-zero.
// Speed is measured only here, never by timed assertions in tests.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The app is built by `npx vite build` into its own folder, not dist/, so that other work
// rebuilding dist/ (tests, previews) cannot swap files under a running bench, nor the reverse.
const APP_ROOT = join(REPO, '.bench', 'app');
const BARE_ROOT = join(REPO, '.bench', 'bare');
const BARE_CONFIG = join(REPO, 'scripts', 'bench', 'bare', 'vite.config.mjs');
const REPORT = join(REPO, 'docs', 'perf.md');

const CHROMIUM = CHROMIUM_PATH;
const VIEWPORT = { width: 1280, height: 800 };
const IDLE_TIMEOUT_MS = 60_000;

const IDLE_RATIO_TARGET = 1.25;
const JS_BUDGET_OVER_BARE = 120_000; // bytes gzip; 1 kB = 1000 B, as Vite reports
const CARD_SELECTOR = 'article[data-testid="party-card"]';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'skip-build': { type: 'boolean', default: false },
    'bare-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number.parseInt(flags.runs, 10);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs must be a positive integer, got ${flags.runs}`);
  process.exit(2);
}

const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Build

async function buildBare() {
  log('building the bare MapLibre page into .bench/bare');
  const { build } = await import('vite');
  await build({ configFile: BARE_CONFIG, logLevel: 'warn' });
}

function buildApp() {
  log('building the app (npx vite build) into .bench/app');
  // Build output goes to stderr so stdout carries only the table.
  const r = spawnSync('npx', ['vite', 'build', '--outDir', APP_ROOT, '--emptyOutDir'], {
    cwd: REPO,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) throw new Error(`npx vite build failed (exit ${r.status ?? r.signal})`);
}

async function assertBuilt(root, what) {
  if (!(await stat(join(root, 'index.html')).catch(() => null))) {
    throw new Error(`${what}: no ${join(root, 'index.html')} (build it first, or drop --skip-build)`);
  }
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (runs before any page script)

function initScript({ cardSelector }) {
  // When the cards' text is first presented on screen: tag every element inside a card for the
  // Element Timing API as soon as it is inserted (before it can paint), keep the earliest.
  const tag = () => {
    for (const el of document.querySelectorAll(`${cardSelector}, ${cardSelector} *`)) {
      if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', 'bench-party-card');
    }
  };
  new MutationObserver(tag).observe(document, { subtree: true, childList: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier !== 'bench-party-card') continue;
        const t = e.renderTime || e.loadTime || e.startTime;
        if (t && (window.__benchCardsPaintedAt === undefined || t < window.__benchCardsPaintedAt)) {
          window.__benchCardsPaintedAt = t;
        }
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    // No Element Timing: the report shows "—".
  }
  // When the party cards first exist with a non-zero box (checked each animation frame).
  const poll = () => {
    const el = document.querySelector(cardSelector);
    if (el) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        window.__benchCardsVisibleAt = performance.now();
        return;
      }
    }
    if (performance.now() < 60_000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // Fallback for the idle time, if a page marks its map container but not <html data-map-idle>.
  new MutationObserver(() => {
    if (window.__benchMapStateIdleAt === undefined && document.querySelector('[data-map-state="idle"]')) {
      window.__benchMapStateIdleAt = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'] });
}

// ---------------------------------------------------------------------------------------------
// One cold load: fresh profile dir, new browser, one navigation, close, delete.

async function coldLoad(page, url) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const origin = new URL(url).origin;
  const failures = [];
  const responses = [];
  const foreign = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: false, // `--headless=new` is in CHROMIUM_ARGS, so the switches are exactly those
      args: [...CHROMIUM_ARGS],
      viewport: VIEWPORT,
    });
    context.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    context.on('response', (res) => {
      responses.push({ url: res.url(), status: res.status(), type: res.headers()['content-type'] ?? '' });
      if (res.status() >= 400) failures.push(`HTTP ${res.status()} ${res.url()}`);
    });
    context.on('requestfailed', (req) => {
      // Off-origin requests are reported separately (they also must not happen).
      if (req.url().startsWith(origin)) failures.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    context.on('weberror', (e) => failures.push(`page error: ${e.error().message}`));
    await context.addInitScript(initScript, { cardSelector: CARD_SELECTOR });
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(url, { waitUntil: 'load', timeout: IDLE_TIMEOUT_MS });
    await tab
      .waitForFunction(
        () =>
          document.documentElement.dataset.mapIdle !== undefined ||
          window.__benchMapStateIdleAt !== undefined ||
          document.documentElement.dataset.mapError !== undefined,
        undefined,
        { timeout: IDLE_TIMEOUT_MS, polling: 50 },
      )
      .catch(() => failures.push(`${page}: map did not reach idle within ${IDLE_TIMEOUT_MS} ms`));
    if (page === 'app') {
      // The cards should long be there; if not, give them a moment so a late paint still counts.
      await tab
        .waitForFunction(
          () => window.__benchCardsVisibleAt !== undefined && window.__benchCardsPaintedAt !== undefined,
          undefined,
          { timeout: 5_000 },
        )
        .catch(() => {});
    }
    const m = await tab.evaluate(async (cardSelector) => {
      const ds = document.documentElement.dataset;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        mapIdle: ds.mapIdle !== undefined ? Number(ds.mapIdle) : null,
        mapStateIdleAt: window.__benchMapStateIdleAt ?? null,
        mapError: ds.mapError ?? null,
        fcp: fcp ? fcp.startTime : null,
        cardsVisibleAt: window.__benchCardsVisibleAt ?? null,
        cardsPaintedAt: window.__benchCardsPaintedAt ?? null,
        cards: document.querySelectorAll(cardSelector).length,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        load: nav ? nav.loadEventEnd : null,
        browserVersion:
          (await navigator.userAgentData?.getHighEntropyValues(['fullVersionList']))?.fullVersionList?.find(
            (b) => b.brand === 'Chromium',
          )?.version ?? null,
      };
    }, CARD_SELECTOR);
    if (m.mapError) failures.push(`${page}: map error: ${m.mapError}`);
    for (const u of foreign) failures.push(`${page}: request outside its origin: ${u}`);
    const idle = m.mapIdle ?? m.mapStateIdleAt;
    return { ...m, idle, idleSource: m.mapIdle !== null ? 'dataset.mapIdle' : 'data-map-state', responses, failures };
  } finally {
    await context?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Sizes: the files a page actually requested, read back from the build dir and gzipped.

const kindOf = (path, type) => {
  const ext = extname(path).toLowerCase();
  if (ext === '.js' || ext === '.mjs' || /javascript/.test(type)) return 'js';
  if (ext === '.css' || /text\/css/.test(type)) return 'css';
  if (ext === '.woff2' || ext === '.woff' || ext === '.ttf' || ext === '.otf') return 'font';
  if (ext === '.geojson' || ext === '.json') return 'data';
  if (ext === '.html' || path.endsWith('/')) return 'html';
  return 'other';
};

async function sizesOf(root, baseUrl, responses) {
  const base = new URL(baseUrl);
  const seen = new Map();
  for (const r of responses) {
    const u = new URL(r.url);
    if (u.origin !== base.origin || r.status >= 400) continue;
    let rel = decodeURIComponent(u.pathname).slice(base.pathname.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (seen.has(rel)) continue;
    const file = resolve(root, rel);
    if (!file.startsWith(resolve(root) + sep)) continue;
    const body = await readFile(file);
    const gzip = gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    seen.set(rel, { file: rel, kind: kindOf(rel, r.type), raw: body.length, gzip });
  }
  const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  const sum = (k, f) => files.filter((x) => x.kind === k).reduce((s, x) => s + x[f], 0);
  return {
    files,
    js: { raw: sum('js', 'raw'), gzip: sum('js', 'gzip') },
    css: { raw: sum('css', 'raw'), gzip: sum('css', 'gzip') },
  };
}

// ---------------------------------------------------------------------------------------------
// Stats and formatting

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const summary = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length } : null;
};
const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const pass = (ok) => (ok ? '**PASS**' : '**MISS**');

function report({ date, machine, chromiumVersion, runs, results, sizes, loadBefore, loadAfter }) {
  const pages = Object.keys(results);
  const S = {};
  for (const p of pages) {
    const rs = results[p];
    S[p] = {
      idle: summary(rs.map((r) => r.idle)),
      fcp: summary(rs.map((r) => r.fcp)),
      cards: summary(rs.map((r) => r.cardsVisibleAt)),
      painted: summary(rs.map((r) => r.cardsPaintedAt)),
      dcl: summary(rs.map((r) => r.domContentLoaded)),
      idleSource: [...new Set(rs.map((r) => r.idleSource))].join(', '),
    };
  }
  const L = [];
  L.push('# Performance: app vs bare MapLibre page');
  L.push('');
  L.push('Written by `npm run bench` (scripts/bench.mjs); re-run it rather than editing this file.');
  L.push('The bare page (scripts/bench/bare/) draws the same basemap GeoJSON and 35 km ring with');
  L.push('MapLibre alone: no React, no state library, no text. Both are built by Vite the same way');
  L.push('and served from 127.0.0.1. Times are ms from navigation start, each load in a new');
  L.push('Chromium profile (cold: no HTTP or code cache), app and bare alternated. Times on a');
  L.push('software-rendered (SwiftShader), possibly busy machine: compare medians and ratios, not lone');
  L.push('times. FCP is Chromium\'s first-contentful-paint entry. "Cards laid out" is the first');
  L.push('animation frame in which an `article[data-testid="party-card"]` exists with a non-zero box;');
  L.push('"cards painted" is the earliest Element Timing render time of anything inside a card (the');
  L.push('bench tags card elements with `elementtiming` as they are inserted), i.e. when card text was');
  L.push('first presented on screen. 1 kB = 1000 bytes, gzip level 9.');
  L.push('');
  L.push('| | |');
  L.push('|---|---|');
  L.push(`| date | ${date} |`);
  L.push(`| machine | ${machine} |`);
  L.push(`| load average (1 min) before / after | ${loadBefore} / ${loadAfter} |`);
  L.push(`| browser | Chromium ${chromiumVersion}, headless, SwiftShader WebGL, ${VIEWPORT.width}×${VIEWPORT.height} |`);
  L.push(`| cold loads | ${runs} per page, alternating app / bare (after one unrecorded warm-up load of each) |`);
  L.push('');
  L.push("## Time to the map's first `idle`");
  L.push('');
  L.push(
    '| page | median to idle | min | max | median FCP | median cards laid out | median cards painted | median DOMContentLoaded |',
  );
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of pages) {
    const s = S[p];
    L.push(
      `| ${p} | ${ms(s.idle?.median)} | ${ms(s.idle?.min)} | ${ms(s.idle?.max)} | ${ms(s.fcp?.median)} | ${
        p === 'app' ? ms(s.cards?.median) : 'n/a'
      } | ${p === 'app' ? ms(s.painted?.median) : 'n/a'} | ${ms(s.dcl?.median)} |`,
    );
  }
  L.push('');
  const targets = [];
  if (S.app && S.bare) {
    const ratio = S.app.idle.median / S.bare.idle.median;
    const fcpRatio = S.app.fcp && S.bare.fcp ? S.app.fcp.median / S.bare.fcp.median : null;
    // Painted (Element Timing) when the browser reports it, else laid out (rAF).
    const cardsAt = (r) => r.cardsPaintedAt ?? r.cardsVisibleAt;
    const how = results.app.every((r) => r.cardsPaintedAt !== null) ? 'painted' : 'painted or laid out';
    const before = results.app.filter((r) => cardsAt(r) !== null && cardsAt(r) < r.idle).length;
    const fcpBefore = results.app.filter((r) => r.fcp !== null && r.fcp < r.idle).length;
    const cardsOk = before === results.app.length;
    const cardsMedian = summary(results.app.map(cardsAt))?.median;
    L.push('| target | measured | result |');
    L.push('|---|---|---|');
    L.push(
      `| app / bare, median time to idle ≤ ${IDLE_RATIO_TARGET} | ${ratio.toFixed(2)} | ${pass(ratio <= IDLE_RATIO_TARGET)} |`,
    );
    L.push(
      `| party cards painted before the map is idle (every load) | cards ${how} before idle in ${before}/${
        results.app.length
      } loads (median ${ms(cardsMedian)} vs idle ${ms(S.app.idle.median)}); FCP before idle in ${fcpBefore}/${
        results.app.length
      } | ${pass(cardsOk)} |`,
    );
    L.push(`| (info) app / bare, median FCP | ${fcpRatio === null ? '—' : fcpRatio.toFixed(2)} | |`);
    targets.push(['idle ratio', ratio <= IDLE_RATIO_TARGET], ['cards first', cardsOk]);
    L.push('');
  }
  L.push('Per-load time to idle (ms, in run order):');
  L.push('');
  for (const p of pages) L.push(`- ${p}: ${results[p].map((r) => Math.round(r.idle)).join(', ')}`);
  if (S.app) {
    L.push(
      `- app, cards laid out: ${results.app.map((r) => (r.cardsVisibleAt === null ? '—' : Math.round(r.cardsVisibleAt))).join(', ')}`,
    );
    L.push(
      `- app, cards painted: ${results.app.map((r) => (r.cardsPaintedAt === null ? '—' : Math.round(r.cardsPaintedAt))).join(', ')}`,
    );
    L.push(`- app, FCP: ${results.app.map((r) => (r.fcp === null ? '—' : Math.round(r.fcp))).join(', ')}`);
  }
  if (S.bare) L.push(`- bare, FCP: ${results.bare.map((r) => (r.fcp === null ? '—' : Math.round(r.fcp))).join(', ')}`);
  const sources = pages.map((p) => `${p}: ${S[p].idleSource}`).join('; ');
  L.push('');
  L.push(`Idle time read from: ${sources}.`);
  L.push('');
  L.push('## Size of what the page loads (gzip)');
  L.push('');
  for (const p of pages) {
    const z = sizes[p];
    L.push(`### ${p}`);
    L.push('');
    L.push('| file | kind | raw | gzip |');
    L.push('|---|---|---:|---:|');
    for (const f of z.files.filter((f) => f.kind === 'js' || f.kind === 'css')) {
      L.push(`| ${f.file} | ${f.kind} | ${kB(f.raw)} | ${kB(f.gzip)} |`);
    }
    L.push(`| **JS total** (bundle + worker) | | ${kB(z.js.raw)} | **${kB(z.js.gzip)}** |`);
    L.push(`| **CSS total** | | ${kB(z.css.raw)} | **${kB(z.css.gzip)}** |`);
    L.push(`| **JS + CSS** | | ${kB(z.js.raw + z.css.raw)} | **${kB(z.js.gzip + z.css.gzip)}** |`);
    const other = z.files.filter((f) => f.kind !== 'js' && f.kind !== 'css');
    if (other.length) {
      L.push('');
      L.push('Other assets (for information, not in the totals):');
      L.push('');
      L.push('| file | kind | raw | gzip |');
      L.push('|---|---|---:|---:|');
      for (const f of other) L.push(`| ${f.file} | ${f.kind} | ${kB(f.raw)} | ${kB(f.gzip)} |`);
    }
    L.push('');
  }
  if (sizes.app && sizes.bare) {
    const over = sizes.app.js.gzip - sizes.bare.js.gzip;
    const ok = over <= JS_BUDGET_OVER_BARE;
    L.push('| target | measured | result |');
    L.push('|---|---|---|');
    L.push(
      `| app JS ≤ bare JS + ${kB(JS_BUDGET_OVER_BARE)} gzip | ${kB(sizes.app.js.gzip)} vs ${kB(sizes.bare.js.gzip)}: ${
        over >= 0 ? '+' : ''
      }${kB(over)} | ${pass(ok)} |`,
    );
    L.push(`| (info) app CSS vs bare CSS | ${kB(sizes.app.css.gzip)} vs ${kB(sizes.bare.css.gzip)} | |`);
    targets.push(['js budget', ok]);
    L.push('');
  }
  return { text: L.join('\n'), targets };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0].toFixed(2);
  const pages = flags['bare-only'] ? ['bare'] : ['app', 'bare'];
  const roots = { app: APP_ROOT, bare: BARE_ROOT };

  if (!flags['skip-build']) {
    await buildBare();
    if (pages.includes('app')) buildApp();
  }
  for (const p of pages) await assertBuilt(roots[p], p);

  const servers = {};
  for (const p of pages) servers[p] = await serveStatic(roots[p], { port: 0 });
  const results = Object.fromEntries(pages.map((p) => [p, []]));
  const responses = Object.fromEntries(pages.map((p) => [p, []]));
  const failures = [];
  let browserVersion = '';
  try {
    // One warm-up load of each (page cache, first browser start), not recorded in the times;
    // its requests are the file list for the size table.
    for (const p of pages) {
      log(`warm-up ${p}`);
      const r = await coldLoad(p, servers[p].url);
      responses[p].push(...r.responses);
      failures.push(...r.failures.map((f) => `warm-up ${p}: ${f}`));
      browserVersion ||= r.browserVersion ?? '';
    }
    if (failures.length) throw new Error(failures.join('\n'));
    for (let i = 0; i < RUNS; i++) {
      for (const p of pages) {
        const r = await coldLoad(p, servers[p].url);
        responses[p].push(...r.responses);
        failures.push(...r.failures.map((f) => `run ${i + 1} ${p}: ${f}`));
        results[p].push(r);
        log(
          `run ${i + 1}/${RUNS} ${p}: idle ${ms(r.idle)}, FCP ${ms(r.fcp)}` +
            (p === 'app' ? `, ${r.cards} cards laid out ${ms(r.cardsVisibleAt)}, painted ${ms(r.cardsPaintedAt)}` : ''),
        );
      }
    }
  } finally {
    for (const s of Object.values(servers)) await s.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
  const missingIdle = pages.filter((p) => results[p].some((r) => r.idle === null));
  if (missingIdle.length) throw new Error(`no idle time recorded for: ${missingIdle.join(', ')}`);
  if (pages.includes('app') && results.app.every((r) => r.cards === 0)) {
    throw new Error(`app: no ${CARD_SELECTOR} on the page`);
  }

  const sizes = {};
  for (const p of pages) sizes[p] = await sizesOf(roots[p], servers[p].url, responses[p]);
  for (const p of pages) {
    if (!sizes[p].files.some((f) => /worker/i.test(f.file) && f.kind === 'js')) {
      log(`warning: no worker script seen among ${p}'s requests`);
    }
  }

  const c = cpus();
  const { text, targets } = report({
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${c.length} cores, ${c[0]?.model?.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
    chromiumVersion: browserVersion || 'unknown',
    runs: RUNS,
    results,
    sizes,
    loadBefore,
    loadAfter: loadavg()[0].toFixed(2),
  });
  console.log(text);
  await mkdir(dirname(REPORT), { recursive: true });
  await writeFile(REPORT, text + '\n');
  const missed = targets.filter(([, ok]) => !ok).map(([n]) => n);
  log(
    `wrote ${REPORT} in ${((Date.now() - started) / 1000).toFixed(0)} s` + (missed.length ? `; MISS: ${missed.join(', ')}` : ''),
  );
}

main().catch((e) => {
  console.error(`[bench] FAILED: ${e?.stack ?? e}`);
  process.exit(1);
});
