#!/usr/bin/env node
// `npm run bench`: the speed budgets of the product, measured the way newsrooms measure pages,
// against two references built and served the same way in the same run:
//
//   app    the built site (`vite build`), every mode reachable by its URL;
//   bare   a bare MapLibre page drawing the same basemap, view and ring (scripts/bench/bare/);
//   floor  the app's own prerendered index.html with every script removed: what the HTML and
//          CSS alone cost, the floor any first paint of the versions can reach.
//
// All three are served gzipped from 127.0.0.1 (scripts/serve-static.mjs) and measured by
//   (a) Lighthouse, the npm package, mobile and desktop presets, N runs each, medians;
//   (b) cold loads in headless Chromium (a new profile each), the pages alternated so machine
//       noise hits all alike: time to the map's first `idle`, first contentful paint, when the
//       versions were painted, layout shift;
//   (c) layout shift in every mode of the app (reader, Arabic, embed, story, presentation),
//       on a laptop's and a phone's screen;
//   (d) the gzip size of what each page loads.
// It prints each figure beside its budget, writes the report to docs/perf.md, and exits 1
// when a budget is broken (2 when a page could not be measured). Speed is measured only here,
// never by timed assertions in tests; `npm test` does not run it.
//
// Flags: --runs N (cold loads per page, default 15), --lighthouse-runs N (default 3),
// --skip-build (reuse .bench/), --skip-lighthouse (a quick look: prints, writes no report).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_ARGS } from './chromium.mjs';
import { CATEGORIES, PRESETS, runLighthouse } from './bench/lighthouse.mjs';
import { floorHtml } from './bench/floor.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Built into their own folders, not dist/, so that other work rebuilding dist/ (tests,
// previews) cannot swap files under a running bench, nor the reverse.
const ROOTS = {
  app: join(REPO, '.bench', 'app'),
  bare: join(REPO, '.bench', 'bare'),
  floor: join(REPO, '.bench', 'floor'),
};
const PAGES = Object.keys(ROOTS);
const BARE_CONFIG = join(REPO, 'scripts', 'bench', 'bare', 'vite.config.mjs');
const REPORT = join(REPO, 'docs', 'perf.md');

const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };
const IDLE_TIMEOUT_MS = 60_000;
/** How long layout may still shift after the map's first idle before a mode's shift is read. */
const SETTLE_MS = 1500;
const CARD_SELECTOR = 'article[data-testid="party-card"]';

/** Every mode a reader, a journalist or a teacher opens, by its URL (see src/store/url-params.ts). */
const MODES = [
  ['reader', ''],
  ['reader, Arabic', '?lang=ar'],
  ['embed', '?embed=1'],
  ['embed, Arabic', '?embed=1&lang=ar'],
  ['story', '?chapter=1'],
  ['story, Arabic', '?chapter=1&lang=ar'],
  ['story in an embed', '?embed=1&chapter=1'],
  ['presentation', '?present=1'],
];

/** The budgets of issue 12. kB = 1000 bytes, gzip level 9. */
const BUDGET = {
  mobilePerformance: 0.9,
  desktopPerformance: 0.98,
  otherCategories: 1,
  cls: 0.01,
  fcpOverFloor: 1.2,
  idleOverBare: 1.25,
  jsOverBare: 100_000,
  basemap: 80_000,
};

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});
const positive = (name) => {
  const n = Number.parseInt(flags[name], 10);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, got ${flags[name]}`);
    process.exit(2);
  }
  return n;
};
const RUNS = positive('runs');
const LIGHTHOUSE_RUNS = positive('lighthouse-runs');

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
  // Build output goes to stderr so stdout carries only the report.
  const r = spawnSync('npx', ['vite', 'build', '--outDir', ROOTS.app, '--emptyOutDir'], {
    cwd: REPO,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) throw new Error(`npx vite build failed (exit ${r.status ?? r.signal})`);
}

/** The floor page: the app's build with its index.html stripped of every script. */
async function buildFloor() {
  log('writing the floor page (the app without scripts) into .bench/floor');
  await rm(ROOTS.floor, { recursive: true, force: true });
  await cp(ROOTS.app, ROOTS.floor, { recursive: true });
  const html = await readFile(join(ROOTS.app, 'index.html'), 'utf8');
  await writeFile(join(ROOTS.floor, 'index.html'), floorHtml(html));
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
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // Not supported: the report shows "—".
    }
  };
  observe('element', (e) => {
    if (e.identifier !== 'bench-party-card') return;
    const t = e.renderTime || e.loadTime || e.startTime;
    if (t && (window.__benchCardsPaintedAt === undefined || t < window.__benchCardsPaintedAt)) {
      window.__benchCardsPaintedAt = t;
    }
  });
  // Layout shift as Lighthouse counts it: shifts without recent input, summed.
  window.__benchCls = 0;
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) window.__benchCls += e.value;
  });
  // Fallback for the idle time, if a page marks its map container but not <html data-map-idle>.
  new MutationObserver(() => {
    if (window.__benchMapStateIdleAt === undefined && document.querySelector('[data-map-state="idle"]')) {
      window.__benchMapStateIdleAt = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'] });
}

// ---------------------------------------------------------------------------------------------
// One cold load: fresh profile dir, new browser, one navigation, close, delete.

/**
 * @param {string} page which page (app, bare, floor): the floor has no map to wait for
 * @param {string} url
 * @param {{ viewport?: { width: number, height: number }, settleMs?: number, timesCards?: boolean }} options
 *   `timesCards`: wait for the party cards' paint (the timing loads); a mode without cards (a
 *   story, a presentation) would wait for nothing.
 */
async function coldLoad(page, url, { viewport = VIEWPORT, settleMs = 0, timesCards = page !== 'bare' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  const origin = new URL(url).origin;
  const failures = [];
  const responses = [];
  const foreign = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: false, // `--headless=new` is in the args, so the switches are exactly those
      args: [...PLAYWRIGHT_CHROMIUM_ARGS],
      viewport,
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
    if (page === 'floor') {
      await tab.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
        timeout: IDLE_TIMEOUT_MS,
      });
    } else {
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
    }
    if (timesCards) {
      // The cards should long be there; if not, give them a moment so a late paint still counts.
      await tab.waitForFunction(() => window.__benchCardsPaintedAt !== undefined, undefined, { timeout: 5_000 }).catch(() => {});
    }
    if (settleMs) await tab.waitForTimeout(settleMs);
    const m = await tab.evaluate(async (cardSelector) => {
      const ds = document.documentElement.dataset;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        mapIdle: ds.mapIdle !== undefined ? Number(ds.mapIdle) : null,
        mapStateIdleAt: window.__benchMapStateIdleAt ?? null,
        mapError: ds.mapError ?? null,
        fcp: fcp ? fcp.startTime : null,
        cardsPaintedAt: window.__benchCardsPaintedAt ?? null,
        cards: document.querySelectorAll(cardSelector).length,
        cls: window.__benchCls ?? null,
        browserVersion:
          (await navigator.userAgentData?.getHighEntropyValues(['fullVersionList']))?.fullVersionList?.find(
            (b) => b.brand === 'Chromium',
          )?.version ?? null,
      };
    }, CARD_SELECTOR);
    if (m.mapError) failures.push(`${page}: map error: ${m.mapError}`);
    for (const u of foreign) failures.push(`${page}: request outside its origin: ${u}`);
    return { ...m, idle: m.mapIdle ?? m.mapStateIdleAt, responses, failures };
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
  const total = (kind) => ({
    raw: files.filter((x) => x.kind === kind).reduce((s, x) => s + x.raw, 0),
    gzip: files.filter((x) => x.kind === kind).reduce((s, x) => s + x.gzip, 0),
  });
  return { files, js: total('js'), css: total('css'), data: total('data'), font: total('font') };
}

// ---------------------------------------------------------------------------------------------
// Stats and formatting

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const finite = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const score = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));
const shift = (x) => (x === null || x === undefined ? '—' : x.toFixed(3));
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**PASS**' : '**MISS**');

/** Medians of Lighthouse runs, per page and preset. */
function lighthouseMedians(runs) {
  const out = {};
  for (const preset of PRESETS) {
    out[preset] = {};
    for (const page of PAGES) {
      const rs = runs.filter((r) => r.preset === preset && r.page === page);
      if (!rs.length) continue;
      out[preset][page] = {
        n: rs.length,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(rs.map((r) => r.scores[c]))])),
        metrics: Object.fromEntries(Object.keys(rs[0].metrics).map((k) => [k, median(rs.map((r) => r.metrics[k]))])),
        perRun: rs.map((r) => r.scores.performance),
        failedAudits: [...new Set(rs.flatMap((r) => r.failedAudits))],
      };
    }
  }
  return out;
}

/** Each budget: what it says, what was measured, and whether it holds (null: not measured). */
function checkBudgets({ lh, loads, modes, sizes }) {
  const rows = [];
  const add = (name, measured, ok) => rows.push({ name, measured, ok });
  const m = lh?.mobile;
  const d = lh?.desktop;
  const perf = (x) => x?.scores.performance ?? null;
  add(
    `Lighthouse performance, mobile ≥ ${BUDGET.mobilePerformance} and ≥ the bare page's`,
    m ? `app ${score(perf(m.app))}, bare ${score(perf(m.bare))}` : '—',
    m ? perf(m.app) >= BUDGET.mobilePerformance && perf(m.app) >= perf(m.bare) : null,
  );
  add(
    `Lighthouse performance, desktop ≥ ${BUDGET.desktopPerformance}`,
    d ? `app ${score(perf(d.app))} (bare ${score(perf(d.bare))})` : '—',
    d ? perf(d.app) >= BUDGET.desktopPerformance : null,
  );
  for (const c of CATEGORIES.filter((c) => c !== 'performance')) {
    const got = lh ? PRESETS.map((p) => lh[p].app?.scores[c] ?? null) : [];
    add(
      `Lighthouse ${c} = 1 (mobile, desktop)`,
      lh ? got.map(score).join(', ') : '—',
      lh ? got.every((x) => x !== null && x >= BUDGET.otherCategories) : null,
    );
  }
  const lhCls = lh ? PRESETS.map((p) => lh[p].app?.metrics.cls ?? null) : [];
  const modeCls = modes.length ? Math.max(...modes.map((x) => x.cls)) : null;
  const worstMode = modes.length ? modes.reduce((a, b) => (b.cls > a.cls ? b : a)) : null;
  add(
    `CLS ≤ ${BUDGET.cls} in every mode`,
    `Lighthouse ${lhCls.map(shift).join(', ') || '—'}; cold loads, worst of ${modes.length} modes × screens: ${shift(modeCls)}${
      worstMode && worstMode.cls > 0 ? ` (${worstMode.mode}, ${worstMode.screen})` : ''
    }`,
    lh && modes.length ? [...lhCls, modeCls].every((x) => x !== null && x <= BUDGET.cls) : null,
  );
  add(
    "mobile TBT ≤ the bare page's",
    m ? `app ${ms(m.app?.metrics.tbt)}, bare ${ms(m.bare?.metrics.tbt)}` : '—',
    m ? m.app.metrics.tbt <= m.bare.metrics.tbt : null,
  );
  const fcpLoads = ratio(loads.app.fcp, loads.floor.fcp);
  const fcpMobile = m ? ratio(m.app.metrics.fcp, m.floor.metrics.fcp) : null;
  add(
    `versions painted (FCP) ≤ ${BUDGET.fcpOverFloor} × the floor page's`,
    `cold loads ${ms(loads.app.fcp)} vs ${ms(loads.floor.fcp)} (${score(fcpLoads)}×); Lighthouse mobile ${
      m ? `${ms(m.app.metrics.fcp)} vs ${ms(m.floor.metrics.fcp)} (${score(fcpMobile)}×)` : '—'
    }`,
    m ? fcpLoads <= BUDGET.fcpOverFloor && fcpMobile <= BUDGET.fcpOverFloor : fcpLoads <= BUDGET.fcpOverFloor,
  );
  const idle = ratio(loads.app.idle, loads.bare.idle);
  add(
    `map's first idle ≤ ${BUDGET.idleOverBare} × the bare page's (median of ${RUNS} alternating cold loads)`,
    `${ms(loads.app.idle)} vs ${ms(loads.bare.idle)}: ${score(idle)}×`,
    idle <= BUDGET.idleOverBare,
  );
  const jsOver = sizes.app.js.gzip - sizes.bare.js.gzip;
  add(
    `JS (bundle + worker) ≤ the bare page's + ${kB(BUDGET.jsOverBare)} gzip`,
    `${kB(sizes.app.js.gzip)} vs ${kB(sizes.bare.js.gzip)}: ${jsOver >= 0 ? '+' : ''}${kB(jsOver)}`,
    jsOver <= BUDGET.jsOverBare,
  );
  add(`basemap data ≤ ${kB(BUDGET.basemap)} gzip`, kB(sizes.app.data.gzip), sizes.app.data.gzip <= BUDGET.basemap);
  return rows;
}

function report({ context, lh, lighthouseRuns, loads, loadResults, modes, sizes, budgets }) {
  const L = [];
  L.push('# Performance: the app against a bare MapLibre page and its own HTML');
  L.push('');
  L.push('Written by `npm run bench` (scripts/bench.mjs); re-run it rather than editing this file.');
  L.push('Three pages, built and served the same way (gzip, 127.0.0.1) in the same run: **app** (the');
  L.push('site), **bare** (scripts/bench/bare/: MapLibre alone drawing the same basemap, view and');
  L.push("ring; no text) and **floor** (the app's own prerendered index.html with every script");
  L.push('removed). Lighthouse is the npm package with its mobile preset (simulated mid-range phone: 4×');
  L.push('CPU slowdown, slow 4G) and its desktop preset; figures are medians of its runs. Cold loads');
  L.push('are real loads in a new Chromium profile each, the pages alternated; times are ms from');
  L.push('navigation start. WebGL here is SwiftShader (software) on 2 cores, so absolute times are slow');
  L.push('and noisy: compare ratios within one run. 1 kB = 1000 bytes, gzip level 9.');
  L.push('');
  L.push('| | |');
  L.push('|---|---|');
  for (const [k, v] of Object.entries(context)) L.push(`| ${k} | ${v} |`);
  L.push('');
  L.push('## Budgets');
  L.push('');
  L.push('| budget | measured | result |');
  L.push('|---|---|---|');
  for (const b of budgets) L.push(`| ${b.name} | ${b.measured} | ${verdict(b.ok)} |`);
  L.push('');
  if (lh) {
    L.push(`## Lighthouse (median of ${LIGHTHOUSE_RUNS} runs per page and preset)`);
    L.push('');
    L.push('| preset | page | performance | accessibility | best practices | SEO | FCP | LCP | Speed Index | TBT | CLS |');
    L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const preset of PRESETS) {
      for (const page of PAGES) {
        const x = lh[preset][page];
        if (!x) continue;
        const s = x.scores;
        const t = x.metrics;
        L.push(
          `| ${preset} | ${page} | ${score(s.performance)} | ${score(s.accessibility)} | ${score(s['best-practices'])} | ${score(
            s.seo,
          )} | ${ms(t.fcp)} | ${ms(t.lcp)} | ${ms(t.si)} | ${ms(t.tbt)} | ${shift(t.cls)} |`,
        );
      }
    }
    L.push('');
    L.push('Performance score of each run, in run order:');
    L.push('');
    for (const preset of PRESETS) {
      for (const page of PAGES) {
        const x = lh[preset][page];
        if (x) L.push(`- ${preset}, ${page}: ${x.perRun.map(score).join(', ')}`);
      }
    }
    const failed = PRESETS.flatMap((p) => PAGES.map((page) => [p, page, lh[p][page]?.failedAudits ?? []]));
    if (failed.some(([, , f]) => f.length)) {
      L.push('');
      L.push('Audits below full marks outside performance (in any run):');
      L.push('');
      for (const [p, page, f] of failed) if (f.length) L.push(`- ${p}, ${page}: ${f.join('; ')}`);
    }
    const tasks = lighthouseRuns.filter((r) => r.page === 'app' && r.preset === 'mobile').at(0)?.longTasks ?? [];
    if (tasks.length) {
      L.push('');
      L.push("Long tasks in the app's first mobile run (simulated ms, by script):");
      L.push('');
      const byUrl = new Map();
      for (const t of tasks) {
        const name = t.url.replace(/^https?:\/\/[^/]+\//, '') || '(page)';
        byUrl.set(name, [...(byUrl.get(name) ?? []), Math.round(t.duration)]);
      }
      for (const [url, ds] of byUrl) L.push(`- ${url}: ${ds.join(', ')}`);
    }
    L.push('');
  }
  L.push(`## Cold loads (${RUNS} per page, alternating app / bare / floor, ${VIEWPORT.width}×${VIEWPORT.height})`);
  L.push('');
  L.push('"Versions painted" is the earliest Element Timing render time of anything inside a party card.');
  L.push('');
  L.push('| page | median to map idle | min | max | median FCP | median versions painted | worst CLS |');
  L.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const p of PAGES) {
    const rs = loadResults[p];
    const idles = finite(rs.map((r) => r.idle));
    L.push(
      `| ${p} | ${p === 'floor' ? 'n/a' : ms(loads[p].idle)} | ${idles.length ? ms(Math.min(...idles)) : 'n/a'} | ${
        idles.length ? ms(Math.max(...idles)) : 'n/a'
      } | ${ms(loads[p].fcp)} | ${p === 'bare' ? 'n/a' : ms(loads[p].painted)} | ${shift(Math.max(...finite(rs.map((r) => r.cls))))} |`,
    );
  }
  L.push('');
  L.push('Per load, in run order (ms):');
  L.push('');
  for (const p of PAGES) {
    const rs = loadResults[p];
    if (p !== 'floor') L.push(`- ${p}, to idle: ${rs.map((r) => (r.idle === null ? '—' : Math.round(r.idle))).join(', ')}`);
    L.push(`- ${p}, FCP: ${rs.map((r) => (r.fcp === null ? '—' : Math.round(r.fcp))).join(', ')}`);
  }
  L.push('');
  if (modes.length) {
    L.push(`## Layout shift in every mode (cold loads, read ${SETTLE_MS} ms after the map's first idle)`);
    L.push('');
    L.push('| mode | URL | screen | CLS |');
    L.push('|---|---|---|---:|');
    for (const x of modes) L.push(`| ${x.mode} | \`${x.query || '/'}\` | ${x.screen} | ${shift(x.cls)} |`);
    L.push('');
  }
  L.push('## Size of what each page loads (gzip)');
  L.push('');
  for (const p of PAGES) {
    const z = sizes[p];
    L.push(`### ${p}`);
    L.push('');
    L.push('| file | kind | raw | gzip |');
    L.push('|---|---|---:|---:|');
    for (const f of z.files) L.push(`| ${f.file} | ${f.kind} | ${kB(f.raw)} | ${kB(f.gzip)} |`);
    L.push(`| **JS** (bundle + worker) | | ${kB(z.js.raw)} | **${kB(z.js.gzip)}** |`);
    L.push(`| **CSS** | | ${kB(z.css.raw)} | **${kB(z.css.gzip)}** |`);
    L.push(`| **data** (basemap) | | ${kB(z.data.raw)} | **${kB(z.data.gzip)}** |`);
    L.push('');
  }
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0].toFixed(2);

  if (!flags['skip-build']) {
    await buildBare();
    buildApp();
    await buildFloor();
  }
  for (const p of PAGES) await assertBuilt(ROOTS[p], p);

  const servers = {};
  for (const p of PAGES) servers[p] = await serveStatic(ROOTS[p], { port: 0, gzip: true });
  const loadResults = Object.fromEntries(PAGES.map((p) => [p, []]));
  const responses = Object.fromEntries(PAGES.map((p) => [p, []]));
  const failures = [];
  const modes = [];
  const lighthouseRuns = [];
  let browserVersion = '';
  try {
    // One warm-up load of each (page cache, first browser start), not recorded in the times;
    // its requests are the file list for the size table.
    for (const p of PAGES) {
      log(`warm-up ${p}`);
      const r = await coldLoad(p, servers[p].url);
      responses[p].push(...r.responses);
      failures.push(...r.failures.map((f) => `warm-up ${p}: ${f}`));
      browserVersion ||= r.browserVersion ?? '';
    }
    if (failures.length) throw new Error(failures.join('\n'));
    for (let i = 0; i < RUNS; i++) {
      for (const p of PAGES) {
        const r = await coldLoad(p, servers[p].url);
        responses[p].push(...r.responses);
        failures.push(...r.failures.map((f) => `run ${i + 1} ${p}: ${f}`));
        loadResults[p].push(r);
        log(`load ${i + 1}/${RUNS} ${p}: idle ${ms(r.idle)}, FCP ${ms(r.fcp)}, CLS ${shift(r.cls)}`);
      }
    }
    for (const [mode, query] of MODES) {
      for (const [screen, viewport] of [
        [`${VIEWPORT.width}×${VIEWPORT.height}`, VIEWPORT],
        [`${PHONE.width}×${PHONE.height}`, PHONE],
      ]) {
        const r = await coldLoad('app', servers.app.url + query, { viewport, settleMs: SETTLE_MS, timesCards: false });
        failures.push(...r.failures.map((f) => `${mode} ${screen}: ${f}`));
        modes.push({ mode, query, screen, cls: r.cls });
        log(`mode ${mode} (${query || '/'}) at ${screen}: CLS ${shift(r.cls)}`);
      }
    }
    if (!flags['skip-lighthouse']) {
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        for (const preset of PRESETS) {
          for (const page of PAGES) {
            const r = await runLighthouse(servers[page].url, preset);
            if (r.runtimeError) failures.push(`Lighthouse ${preset} ${page}: ${r.runtimeError}`);
            lighthouseRuns.push({ ...r, preset, page });
            log(
              `Lighthouse ${i + 1}/${LIGHTHOUSE_RUNS} ${preset} ${page}: performance ${score(r.scores.performance)}, ` +
                `TBT ${ms(r.metrics.tbt)}, FCP ${ms(r.metrics.fcp)}, LCP ${ms(r.metrics.lcp)}, CLS ${shift(r.metrics.cls)}`,
            );
          }
        }
      }
    }
  } finally {
    for (const s of Object.values(servers)) await s.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
  for (const p of ['app', 'bare']) {
    if (loadResults[p].some((r) => r.idle === null)) throw new Error(`no idle time recorded for ${p}`);
  }
  if (loadResults.app.every((r) => r.cards === 0)) throw new Error(`app: no ${CARD_SELECTOR} on the page`);

  const sizes = {};
  for (const p of PAGES) sizes[p] = await sizesOf(ROOTS[p], servers[p].url, responses[p]);
  if (!sizes.app.files.some((f) => /worker/i.test(f.file) && f.kind === 'js')) {
    log("warning: no worker script seen among the app's requests");
  }

  const loads = Object.fromEntries(
    PAGES.map((p) => [
      p,
      {
        idle: median(loadResults[p].map((r) => r.idle)),
        fcp: median(loadResults[p].map((r) => r.fcp)),
        painted: median(loadResults[p].map((r) => r.cardsPaintedAt)),
      },
    ]),
  );
  const lh = lighthouseRuns.length ? lighthouseMedians(lighthouseRuns) : null;
  const budgets = checkBudgets({ lh, loads, modes, sizes });
  const c = cpus();
  const context = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${c.length} cores, ${c[0]?.model?.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
    browser: `Chromium ${browserVersion || 'unknown'}, headless, SwiftShader WebGL`,
    'load average (1 min) before / after': `${loadBefore} / ${loadavg()[0].toFixed(2)}`,
    runs: `${RUNS} cold loads per page; ${lh ? `${LIGHTHOUSE_RUNS} Lighthouse runs per page and preset` : 'Lighthouse skipped'}`,
  };
  const text = report({ context, lh, lighthouseRuns, loads, loadResults, modes, sizes, budgets });
  console.log(text);
  if (lh) {
    await mkdir(dirname(REPORT), { recursive: true });
    await writeFile(REPORT, text + '\n');
  }
  const missed = budgets.filter((b) => b.ok === false).map((b) => b.name);
  log(
    `${lh ? `wrote ${REPORT}` : 'Lighthouse skipped: docs/perf.md left as it was'} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
      (missed.length ? `; ${missed.length} budget(s) broken:\n  ${missed.join('\n  ')}` : '; every measured budget holds'),
  );
  if (missed.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`[bench] FAILED: ${e?.stack ?? e}`);
  process.exit(2);
});
