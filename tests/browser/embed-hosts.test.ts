// The app inside newsroom host pages (QUALITY.md §1, §4, §7 rows 1–4, 6, 14): the generated embed
// code with our resizer (public/embed.js), the same frame sandboxed to `allow-scripts`, a Pym.js
// 1.3.2 parent, and the code with its <script> stripped by a CMS. The app is served from a copy
// of dist/ on one 127.0.0.1 port, with `Access-Control-Allow-Origin: *` (a sandboxed frame's
// module scripts are CORS requests from origin "null"); host pages from a second port.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { buildEmbedCode, DEFAULT_EMBED_HEIGHT, EMBED_MARKER } from '../../src/embed/embed-code.ts';
import { measureContentHeight } from '../../src/embed/auto-height.ts';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import {
  MAP,
  PARTIES,
  STATE_CEILING_MS,
  card,
  claimMarker,
  selectButton,
  scrollSettled,
  useBrowser,
  waitForMapState,
  type AppStateSnapshot,
  type Session,
  waitSettled,
  emulateMedia,
} from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const TEMPLATE = readFileSync(fileURLToPath(new URL('./hosts/article.html', import.meta.url)), 'utf8');
const PYM_JS = join(ROOT, 'node_modules/pym.js/dist/pym.v1.js');

/**
 * Wide first (the frame starts at its default height, below the wide page's content), then narrow,
 * then back: a height that depends on the frame's own height (`100vh`, `min-height: 100vh`) would
 * let the frame grow but never shrink back, and the repeated widths catch it.
 */
const WIDTHS = [1280, 640, 320, 640, 1280] as const;
const HOST_HEIGHT = 900;
/** What public/embed.js clamps to. */
const CLAMP = { min: 300, max: 4000 };
const TOLERANCE = 2;
const TITLE = 'Map: one strike in the Syrian desert, every version';
const event = parseEvent(realEventInput());

interface Served {
  url: string;
  close: () => Promise<void>;
}
type ServeStatic = (root: string, opts: { port: number; headers?: Record<string, string> }) => Promise<Served>;

let appServer: Served;
let hostServer: Served;
let appUrl: string;
let appOrigin: string;
let hostUrl: string;
const dirs: string[] = [];

/** A message as the host page's recorder saw it (an init script, before any of the page's own). */
interface HostMessage {
  origin: string;
  /** Index among the host's iframes of the one whose window sent it, or -1 (the host, another window). */
  from: number;
  type: string;
  text: string;
}

/** Runs in the host page (top window only) before its own scripts. */
function recordMessages(): void {
  if (window.top !== window) return;
  const w = window as unknown as { __hostMessages: unknown[] };
  w.__hostMessages = [];
  window.addEventListener('message', (e) => {
    const from = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source);
    let text: string;
    try {
      text = typeof e.data === 'string' ? e.data.slice(0, 4096) : (JSON.stringify(e.data) ?? String(e.data)).slice(0, 4096);
    } catch {
      text = '<not serialisable>';
    }
    w.__hostMessages.push({ origin: e.origin, from, type: typeof e.data, text });
  });
}

function hostPage(name: string, title: string, body: string): string {
  writeFileSync(
    join(dirs[1]!, name),
    TEMPLATE.replace('{{TITLE}}', () => title).replace('{{BODY}}', () => body),
  );
  return name;
}

function generatedCode(opts: { src?: string; script?: boolean } = {}): string {
  return buildEmbedCode({
    src: opts.src ?? `${appUrl}?embed=1`,
    title: TITLE,
    lang: 'en',
    height: DEFAULT_EMBED_HEIGHT,
    scriptSrc: opts.script === false ? null : `${appUrl}embed.js`,
  });
}

/** The code in `sandbox="allow-scripts"` alone (WordPress's oEmbed sandbox); fails if the code has no <iframe to put it on. */
function sandboxed(code: string): string {
  if (!code.startsWith('<iframe')) throw new Error(`the embed code does not start with <iframe: ${code.slice(0, 40)}`);
  return code.replace('<iframe', '<iframe sandbox="allow-scripts"');
}

beforeAll(async () => {
  const { serveStatic } = (await import(new URL('../../scripts/serve-static.mjs', import.meta.url).href)) as {
    serveStatic: ServeStatic;
  };
  // A private copy of dist/ (a build started meanwhile empties dist/), checked complete.
  const appDir = mkdtempSync(join(tmpdir(), 'badia-embed-app-'));
  const hostDir = mkdtempSync(join(tmpdir(), 'badia-embed-hosts-'));
  dirs.push(appDir, hostDir);
  cpSync(DIST, appDir, { recursive: true });
  const html = readFileSync(join(appDir, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!).filter((f) => !existsSync(join(appDir, f)));
  if (missing.length) throw new Error(`dist/ changed while it was copied (missing ${missing.join(', ')}); run again`);
  if (!existsSync(join(appDir, 'embed.js')))
    throw new Error('dist/embed.js is missing: build again (Vite copies public/embed.js)');
  appServer = await serveStatic(appDir, { port: 0, headers: { 'access-control-allow-origin': '*' } });
  appUrl = appServer.url;
  appOrigin = new URL(appUrl).origin;
  // For testing only: Pym.js 1.3.2, as a newsroom would load it, copied next to the host pages.
  cpSync(PYM_JS, join(hostDir, 'pym.v1.js'));
  hostServer = await serveStatic(hostDir, { port: 0 });
  hostUrl = hostServer.url;
  if (new URL(hostUrl).origin === appOrigin) throw new Error('the host pages must be on another origin than the app');
});

afterAll(async () => {
  await appServer?.close();
  await hostServer?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// After the hooks above: vitest runs `afterAll` hooks last-registered first, so the browser closes
// (and drops its keep-alive connections) before the servers are closed.
// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

// ---------------------------------------------------------------------------------------------
// Helpers

async function openHost(file: string, width: number, height = HOST_HEIGHT): Promise<Session> {
  const s = await (await browser()).newSession({ width, height }, hostUrl);
  await s.page.addInitScript(recordMessages);
  await s.open(file);
  return s;
}

/** Both origins are ours here: the host page's and the app's. Anything else still fails expectClean. */
function expectClean(s: Session): void {
  const foreign = s.offOrigin.filter((u) => !u.startsWith(`${appOrigin}/`));
  s.offOrigin.splice(0, s.offOrigin.length, ...foreign);
  s.expectClean();
}

async function appFrame(page: Page, selector: string): Promise<Frame> {
  try {
    await page.waitForFunction(
      (sel) => {
        const f = document.querySelector<HTMLIFrameElement>(sel);
        return !!f && !!f.getAttribute('src');
      },
      selector,
      { timeout: STATE_CEILING_MS, polling: 100 },
    );
  } catch {
    throw new Error(`the host page has no ${selector} with a src`);
  }
  const frame = await (await page.$(selector))!.contentFrame();
  if (!frame) throw new Error(`${selector} has no content frame`);
  return frame;
}

/**
 * Whether a Latin font file arrived after the frame's first paint. The faces are
 * `font-display: optional`: one that misses the first layout is not swapped in, but Chromium
 * uses it for text whose font size changes later (a media query at another width), so the same
 * width can lay out in two faces, a few lines apart in height. Under load this happens here.
 */
async function fontsCameLate(frame: Frame): Promise<boolean> {
  return frame.evaluate(async () => {
    await document.fonts.ready;
    const firstPaint = performance.getEntriesByName('first-paint')[0]?.startTime ?? 0;
    return performance
      .getEntriesByType('resource')
      .some((e) => e.name.endsWith('.woff2') && (e as PerformanceResourceTiming).responseEnd > firstPaint);
  });
}

/** measureContentHeight itself (self-contained), run inside the frame. */
async function frameContentHeight(frame: Frame): Promise<number> {
  return frame.evaluate(`(${measureContentHeight.toString()})(document)`) as Promise<number>;
}

async function frameBoxHeight(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelector(sel)!.getBoundingClientRect().height, selector);
}

async function hostMessages(page: Page): Promise<HostMessage[]> {
  return page.evaluate(() => (window as unknown as { __hostMessages: HostMessage[] }).__hostMessages);
}

async function frameIndex(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => [...document.querySelectorAll('iframe')].indexOf(document.querySelector(sel)!), selector);
}

/** The messages our frame sent, sorted into the formats of src/embed/frame-messages.ts. */
function formatsOf(messages: HostMessage[]): Record<string, HostMessage[]> {
  const out: Record<string, HostMessage[]> = {};
  for (const m of messages) {
    let format = 'other';
    if (m.type === 'string' && m.text.startsWith('pymxPYMx')) format = 'pym';
    else if (m.type === 'string') {
      try {
        const o = JSON.parse(m.text) as Record<string, unknown>;
        format = o.sender === 'Flourish' ? 'flourish' : o.context === 'iframe.resize' ? 'iframe.resize' : 'other';
      } catch {
        format = 'other';
      }
    } else if (m.text.includes('"datawrapper-height"')) format = 'datawrapper';
    else if (m.text.includes('"sentinel":"amp"')) format = 'amp';
    else if (m.text.includes('"message":"height"')) format = 'wordpress';
    (out[format] ??= []).push(m);
  }
  return out;
}

/**
 * Polls `probe` until `ok` holds, or fails with `describe(last)` after the state ceiling: a wait
 * for a state, however late it comes on a loaded machine.
 */
async function waitUntil<T>(probe: () => Promise<T>, ok: (v: T) => boolean, describe: (v: T | undefined) => string): Promise<T> {
  const deadline = Date.now() + STATE_CEILING_MS;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(describe(last));
}

/** Resolves after the frame's document has drawn `count` more frames. */
async function frameFrames(frame: Frame, count = 2): Promise<void> {
  await frame.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

async function expectNoHorizontalScroll(frame: Frame, width: number): Promise<void> {
  const m = await frame.evaluate(() => ({
    innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(m.innerWidth, `the frame is ${width} px wide`).toBe(width);
  expect(m.scrollWidth, `no horizontal scroll inside the frame at ${width} px (${JSON.stringify(m)})`).toBeLessThanOrEqual(
    m.clientWidth,
  );
}

async function frameState(frame: Frame): Promise<AppStateSnapshot> {
  return frame.evaluate(() => {
    const hook = (window as unknown as { __appState?: () => AppStateSnapshot }).__appState;
    if (!hook) throw new Error('window.__appState is missing in the frame: the app has not started');
    return hook();
  });
}

// ---------------------------------------------------------------------------------------------
// The host variants

interface Variant {
  readonly name: string;
  /** The host page's body. */
  body(): string;
  /** Our iframe in the host page. */
  readonly frame: string;
  /** Whether something on the host resizes the frame (our resizer, or Pym's parent). */
  readonly resized: boolean;
  readonly pym: boolean;
  readonly sandboxed: boolean;
  /** The clamp of the host's resizer, if any. */
  readonly clamp: { min: number; max: number } | null;
}

const OURS = `iframe[${EMBED_MARKER}]`;
const VARIANTS: Variant[] = [
  {
    name: '(i) the generated embed code',
    body: () => generatedCode(),
    frame: OURS,
    resized: true,
    pym: false,
    sandboxed: false,
    clamp: CLAMP,
  },
  {
    name: '(ii) the generated code in sandbox="allow-scripts"',
    body: () => sandboxed(generatedCode()),
    frame: OURS,
    resized: true,
    pym: false,
    sandboxed: true,
    clamp: CLAMP,
  },
  {
    name: '(iii) a Pym.js 1.3.2 parent',
    body: () =>
      [
        '<div id="container"></div>',
        '<script src="pym.v1.js"></script>',
        `<script>new pym.Parent('container', ${JSON.stringify(`${appUrl}?embed=1`)}, {});</script>`,
      ].join('\n'),
    frame: '#container iframe',
    resized: true,
    pym: true,
    sandboxed: false,
    clamp: null,
  },
  {
    name: '(iv) the generated code with its <script> stripped',
    body: () => generatedCode({ script: false }),
    frame: OURS,
    resized: false,
    pym: false,
    sandboxed: false,
    clamp: null,
  },
];

describe('the test harness', () => {
  it('sees errors thrown and logged inside a cross-origin frame (so "no error in the frame" means something)', async () => {
    // A quiet page of the app's origin in the frame (robots.txt): what is checked is the
    // session's recording of a cross-origin frame, not the app, which loads in every test below.
    const code = generatedCode({ script: false }).replace(/src="[^"]*"/, `src="${appUrl}robots.txt"`);
    const s = await openHost(hostPage('probe.html', 'probe', code), 640);
    const frame = await appFrame(s.page, OURS);
    await frame.waitForLoadState('load');
    await frame.evaluate(() => {
      console.error('probe: console error inside the frame');
      setTimeout(() => {
        throw new Error('probe: uncaught error inside the frame');
      });
    });
    await waitUntil(
      async () => [s.consoleErrors.join('\n'), s.pageErrors.join('\n')],
      ([c, p]) => c!.includes('probe: console error') && p!.includes('probe: uncaught error'),
      (v) => `the session did not record the frame's errors: ${JSON.stringify(v)}`,
    );
  });
});

/** The frame's width, its content's height, its box on the host, and the last height it reported. */
interface Heights {
  readonly frameWidth: number;
  readonly content: number;
  readonly box: number;
  /** The last height in our frame's Datawrapper messages (every format carries the same), if any. */
  readonly reported: number | null;
  readonly messages: number;
}

for (const v of VARIANTS) {
  describe(v.name, () => {
    const file = () => hostPage(`${v.name.slice(1, v.name.indexOf(')'))}.html`, v.name, v.body());
    const sizing = v.resized
      ? "the frame's height follows its content, the same at the same width"
      : `the frame stays ${DEFAULT_EMBED_HEIGHT} px with everything reachable by scrolling inside it`;

    // One host page per variant, resized through the widths: a fresh load in a narrow frame is
    // embed-mode.test.ts's (the app does not know how wide its host is, only its own width).
    it(`the map draws in the frame at ${WIDTHS.join(' → ')} px with no error in frame or host and no horizontal scroll at 320 px; height messages reach the host, and ${sizing}`, async () => {
      const s = await openHost(file(), WIDTHS[0]);
      const { page } = s;
      let frame = await appFrame(page, v.frame);
      await waitForMapState(frame, 'idle');
      // The sweep compares heights at the same width, so it starts from a layout in the page's
      // own fonts: while they came late, the host is loaded again, the fonts now cached.
      for (let reload = 1; reload <= 3 && (await fontsCameLate(frame)); reload++) {
        console.log(
          `[embed-hosts] ${v.name}: the Latin fonts came after the frame's first paint; loading the host again (${reload})`,
        );
        await page.reload();
        frame = await appFrame(page, v.frame);
        await waitForMapState(frame, 'idle');
      }
      if (v.sandboxed) {
        expect(await frame.evaluate(() => window.origin), 'the sandboxed frame has an opaque origin').toBe('null');
      }
      const index = await frameIndex(page, v.frame);
      const ours = async () => (await hostMessages(page)).filter((m) => m.from === index);
      const expectedBox = (content: number) =>
        !v.resized ? DEFAULT_EMBED_HEIGHT : v.clamp ? Math.min(v.clamp.max, Math.max(v.clamp.min, content)) : content;
      const readHeights = async (): Promise<Heights> => {
        const [frameWidth, content, box, messages] = await Promise.all([
          frame.evaluate(() => innerWidth),
          frameContentHeight(frame),
          frameBoxHeight(page, v.frame),
          ours(),
        ]);
        const reported = formatsOf(messages).datawrapper?.map(
          (m) =>
            Object.values((JSON.parse(m.text) as { 'datawrapper-height': Record<string, number> })['datawrapper-height'])[0]!,
        );
        return { frameWidth, content, box, reported: reported?.at(-1) ?? null, messages: messages.length };
      };
      // At rest at `width`: the frame has that width, has reported its content's height, and the
      // host has sized it (or not) accordingly; and all of it still so after two more frames drawn.
      const restsAt = (h: Heights, width: number) =>
        h.frameWidth === width && h.reported === h.content && Math.abs(h.box - expectedBox(h.content)) <= TOLERANCE;
      const heightsAtRest = async (width: number): Promise<Heights> => {
        const { heights } = await waitUntil(
          async () => {
            const first = await readHeights();
            if (!restsAt(first, width)) return { heights: first, steady: false };
            await frameFrames(frame);
            const heights = await readHeights();
            return { heights, steady: heights.content === first.content && heights.box === first.box };
          },
          ({ heights, steady }) => steady && restsAt(heights, width),
          (last) => {
            const l = last?.heights;
            return l?.messages === 0
              ? `at ${width} px the host received no message from the frame (is startEmbedMessaging called in src/main.tsx?)`
              : `at ${width} px the frame is ${l?.box} px tall, its content ${l?.content} px, the last height it reported ${l?.reported} (±${TOLERANCE}${v.clamp ? `, clamped to ${v.clamp.min}–${v.clamp.max}` : ''}); frame width ${l?.frameWidth}; ${l?.messages} messages`;
          },
        );
        return heights;
      };
      const heightAt = new Map<number, number>();

      for (const [step, width] of WIDTHS.entries()) {
        if (step > 0) await page.setViewportSize({ width, height: HOST_HEIGHT });
        const last = await heightsAtRest(width);
        await waitForMapState(frame, 'idle');
        console.log(`[embed-hosts] ${v.name} at ${width} px: frame ${last.box} px, content ${last.content} px`);
        if (width === 320) await expectNoHorizontalScroll(frame, 320);
        const earlier = heightAt.get(width);
        if (earlier === undefined) heightAt.set(width, last.box);
        else {
          expect(
            Math.abs(last.box - earlier),
            `back at ${width} px the frame is ${last.box} px, it was ${earlier} px: its height depends on its own past height (100vh or min-height: 100vh in embed mode?)`,
          ).toBeLessThanOrEqual(TOLERANCE);
        }
      }
      expect((await frameState(frame)).view.mapStatus, 'the store in the frame').toBe('idle');

      const messages = await ours();
      const f = formatsOf(messages);
      const kinds = Object.keys(f).sort();
      expect(kinds, 'the formats our frame sent').toEqual(
        v.pym ? ['amp', 'datawrapper', 'flourish', 'iframe.resize', 'pym'] : ['amp', 'datawrapper', 'flourish', 'iframe.resize'],
      );
      expect(new Set(messages.map((m) => m.origin)), 'the origin the host sees').toEqual(
        new Set([v.sandboxed ? 'null' : appOrigin]),
      );
      const content = await frameContentHeight(frame);
      const heights = f.datawrapper!.map((m) => {
        const values = Object.values(
          (JSON.parse(m.text) as { 'datawrapper-height': Record<string, number> })['datawrapper-height'],
        );
        expect(values, m.text).toHaveLength(1);
        return values[0]!;
      });
      expect(
        heights.every((h) => Number.isInteger(h) && h > 0),
        `integer px: ${heights.join(', ')}`,
      ).toBe(true);
      expect(Math.abs(heights.at(-1)! - content), 'the last height sent is the content height').toBeLessThanOrEqual(TOLERANCE);
      for (const m of [...f['iframe.resize']!, ...f.flourish!]) {
        const o = JSON.parse(m.text) as { src: string; height: number };
        expect(o.src.startsWith(appUrl), `src of ${m.text}`).toBe(true);
        expect(Number.isInteger(o.height)).toBe(true);
      }
      if (v.pym) {
        for (const m of f.pym!) expect(m.text).toMatch(/^pymxPYMxcontainerxPYMxheightxPYMx\d+$/);
        // Pym's parent sends the width on every resize of its window; the frame answers with its
        // height, changed or not.
        const before = f.pym!.length;
        await page.evaluate(() => window.dispatchEvent(new Event('resize')));
        await waitUntil(
          async () => formatsOf(await ours()).pym?.length ?? 0,
          (n) => n > before,
          (n) => `no Pym height message answered the parent's width message (${n} Pym messages, ${before} before)`,
        );
      } else {
        // Idle: nothing more is sent while nothing changes (no polling). Counted from a frame at
        // rest: its height reported and applied, steady over two frames (just above, at the last
        // width), and its fonts loaded, so that anything sent after is unprompted.
        await frame.evaluate(async () => {
          await document.fonts.ready;
        });
        const count = (await ours()).length;
        // No event says "a poll would have fired by now", so this one wait is on time: 1.5 s, and
        // at least 60 of the frame's animation frames, so that a starved renderer waits longer.
        await frame.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const start = performance.now();
              let frames = 0;
              const tick = () => (++frames >= 60 && performance.now() - start >= 1500 ? resolve() : requestAnimationFrame(tick));
              requestAnimationFrame(tick);
            }),
        );
        expect((await ours()).length, 'messages sent while idle').toBe(count);
      }

      if (!v.resized) {
        // Without a resizer the frame keeps the height of the code, and everything is reachable by
        // scrolling inside it: the cards, the map's attribution.
        await page.setViewportSize({ width: 320, height: HOST_HEIGHT });
        await heightsAtRest(320);
        expect(await frameBoxHeight(page, v.frame), 'the frame keeps its default height').toBe(DEFAULT_EMBED_HEIGHT);
        const scroll = await frame.evaluate(() => ({
          scrollHeight: document.documentElement.scrollHeight,
          clientHeight: document.documentElement.clientHeight,
        }));
        console.log(`[embed-hosts] ${v.name}: content ${scroll.scrollHeight} px in a ${scroll.clientHeight} px frame`);
        for (const target of [card('sohr'), `${MAP} .maplibregl-ctrl-attrib`]) {
          const el = frame.locator(target).first();
          await el.scrollIntoViewIfNeeded();
          const inView = await el.evaluate((e) => {
            const r = e.getBoundingClientRect();
            return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          });
          expect(inView, `${target} is reachable by scrolling inside the ${DEFAULT_EMBED_HEIGHT} px frame`).toBe(true);
        }
        expect(await frameBoxHeight(page, v.frame), 'still the default height after scrolling').toBe(DEFAULT_EMBED_HEIGHT);
      }
      expectClean(s);
    });
  });
}

// ---------------------------------------------------------------------------------------------

describe('in a tall host page', () => {
  it('a wheel over the map inside the frame scrolls the host page and leaves the map as it was (cooperativeGestures in embed mode)', async () => {
    const body = `<div style="height: 400px"></div>\n${generatedCode()}\n<div style="height: 3000px"></div>`;
    const s = await openHost(hostPage('tall.html', 'tall', body), 1280, 800);
    const { page } = s;
    const frame = await appFrame(page, OURS);
    await waitForMapState(frame, 'idle');
    // Give the frame the height of its content here (what the resizer does), so that the frame has
    // no scroll of its own and this checks the map's gestures alone.
    const content = await frameContentHeight(frame);
    await page.evaluate(({ sel, h }) => (document.querySelector<HTMLElement>(sel)!.style.height = `${h}px`), {
      sel: OURS,
      h: content,
    });
    await page.evaluate((sel) => window.scrollTo(0, document.querySelector<HTMLElement>(sel)!.offsetTop - 100), OURS);
    await scrollSettled(page);
    await waitSettled(frame, STATE_CEILING_MS);
    const zoomBefore = (await frameState(frame)).view.camera?.zoom;
    const point = await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: r.left, y: r.top };
    }, OURS);
    const map = await frame.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: r.left + r.width / 2, top: r.top, bottom: r.bottom };
    }, MAP);
    // The middle of the part of the map that is on screen.
    const top = Math.max(point.y + map.top, 0);
    const bottom = Math.min(point.y + map.bottom, 800);
    expect(bottom - top, 'some of the map is on screen').toBeGreaterThan(40);
    const y = (top + bottom) / 2;
    const scrollBefore = await page.evaluate(() => scrollY);
    const frameScrollBefore = await frame.evaluate(() => scrollY);
    // MapLibre shows its hint exactly when it refuses a gesture it received: the evidence that the
    // map had the wheel, and let it go, before we check that the map did not move.
    await frame.evaluate(() => {
      const w = window as unknown as { __hintShown: boolean };
      w.__hintShown = false;
      const screen = document.querySelector('.maplibregl-cooperative-gesture-screen')!;
      new MutationObserver(() => {
        if (screen.classList.contains('maplibregl-show')) w.__hintShown = true;
      }).observe(screen, { attributes: true, attributeFilter: ['class'] });
    });
    await page.mouse.move(point.x + map.x, y);
    await page.mouse.wheel(0, 300);
    await waitUntil(
      () => page.evaluate(() => scrollY),
      (now) => now > scrollBefore,
      (now) =>
        `the host page did not scroll (scrollY ${scrollBefore} → ${now}): the map took the wheel (cooperativeGestures not on in embed mode?)`,
    );
    await frame.waitForFunction(() => (window as unknown as { __hintShown: boolean }).__hintShown, null, {
      timeout: STATE_CEILING_MS,
    });
    await scrollSettled(page);
    await waitSettled(frame, STATE_CEILING_MS);
    expect((await frameState(frame)).view.camera?.zoom, 'the map did not zoom').toBe(zoomBefore);
    expect(await frame.evaluate(() => scrollY), 'the frame itself did not scroll').toBe(frameScrollBefore);
    // Control: the pointer really is over the map, which zooms with Ctrl + wheel.
    const centre = await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: r.left, y: r.top };
    }, OURS);
    const mapNow = await frame.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, MAP);
    await page.mouse.move(centre.x + mapNow.x, Math.min(Math.max(centre.y + mapNow.y, 1), 799));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await waitUntil(
      async () => (await frameState(frame)).view.camera?.zoom,
      (z) => z !== zoomBefore,
      (z) =>
        `control failed: Ctrl + wheel over the map did not zoom it (zoom ${zoomBefore} → ${z}), so the wheel was not over the map`,
    );
    expectClean(s);
  });
});

describe('hostile messages', () => {
  it('junk posted to the frame by its host changes nothing: no navigation, same state, no error', async () => {
    const src = `${appUrl}?embed=1&childId=hostile`;
    const body = `${generatedCode({ src })}\n<iframe id="foreign" title="another embed" srcdoc="<p>another embed</p>"></iframe>`;
    const s = await openHost(hostPage('hostile.html', 'hostile', body), 640);
    const { page } = s;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const frame = await appFrame(page, OURS);
    await waitForMapState(frame, 'idle');
    const snapshot = async () => ({
      url: frame.url(),
      state: await frameState(frame),
      scroll: await frame.evaluate(() => [scrollX, scrollY]),
      injected: await frame.evaluate(() => document.querySelectorAll('script:not([src]), iframe, object, embed').length),
      hostUrl: page.url(),
    });
    const before = await snapshot();
    // Count what reaches the frame (a listener of the test's own), so that we wait on a condition.
    await frame.evaluate(() => {
      const w = window as unknown as { __received: number };
      w.__received = 0;
      window.addEventListener('message', () => w.__received++);
    });

    const huge = 'x'.repeat(1_000_000);
    const junk: unknown[] = [
      'pymxPYMxhostilexPYMxnavigateToxPYMxjavascript:alert(document.domain)',
      'pymxPYMxhostilexPYMxnavigateToxPYMxhttps://evil.example/',
      'pymxPYMxhostilexPYMxscrollToChildPosxPYMx5000',
      'pymxPYMxhostilexPYMxheightxPYMx1',
      `pymxPYMxhostilexPYMxwidthxPYMx${'9'.repeat(100_000)}`,
      huge,
      `pymxPYMxhostilexPYMxnavigateToxPYMx${huge}`,
      JSON.stringify({ context: 'iframe.resize', src: 'javascript:alert(1)', height: 1 }),
      { 'datawrapper-height': { 'badia-2018-12-02': 1 } },
      { 'datawrapper-height': { x: 'javascript:alert(1)' } },
      { sentinel: 'amp', type: 'embed-size', height: 1 },
      { message: 'link', value: 'javascript:alert(1)', secret: 'x' },
      { message: 'height', value: 1, secret: 'x' },
      { party: 'sohr', lang: 'ar', map: '1/0/0' },
      { type: 'navigate', url: 'javascript:alert(1)', html: '<img src=x onerror=alert(1)>' },
      '<img src=x onerror=alert(1)>',
      [1, 2, 3],
      null,
      42,
    ];
    await page.evaluate(
      ({ sel, messages }) => {
        const target = document.querySelector<HTMLIFrameElement>(sel)!.contentWindow!;
        for (const m of messages) target.postMessage(m, '*');
      },
      { sel: OURS, messages: junk },
    );
    await waitUntil(
      () => frame.evaluate(() => (window as unknown as { __received: number }).__received),
      (n) => n >= junk.length,
      (n) => `the frame received ${n} of ${junk.length} messages`,
    );
    // Lookalikes of our resizer's message, from windows that are not our frame, change nothing on the host.
    const heightBefore = await frameBoxHeight(page, OURS);
    const foreign = await (await page.$('#foreign'))!.contentFrame();
    await foreign!.evaluate(() => window.parent.postMessage({ 'datawrapper-height': { 'badia-2018-12-02': 3999 } }, '*'));
    await page.evaluate(() => window.postMessage({ 'datawrapper-height': { 'badia-2018-12-02': 3998 } }, '*'));
    await waitUntil(
      async () => (await hostMessages(page)).filter((m) => /399[89]/.test(m.text)).length,
      (n) => n === 2,
      (n) => `the host recorded ${n} of the 2 lookalike messages`,
    );
    expect(await frameBoxHeight(page, OURS), 'lookalikes from other windows do not resize our frame').toBe(heightBefore);

    // Whatever the junk set off (a selection, a camera move, a navigation) has happened by the
    // time the map is at rest again.
    await waitSettled(frame, STATE_CEILING_MS);
    const after = await snapshot();
    expect(after.url, 'the frame did not navigate').toBe(before.url);
    expect(after.hostUrl, 'the host did not navigate').toBe(before.hostUrl);
    expect(after.state.selection, 'selection unchanged').toEqual(before.state.selection);
    expect(after.state.view.lang, 'language unchanged').toBe(before.state.view.lang);
    expect(after.state.view.camera, 'camera unchanged').toEqual(before.state.view.camera);
    expect(after.scroll, 'the frame did not scroll').toEqual(before.scroll);
    expect(after.injected, 'nothing injected').toBe(before.injected);
    expect(dialogs, 'no dialog opened').toEqual([]);
    expectClean(s);
  });
});

describe('public/embed.js', () => {
  it('resizes only our frame, by event.source, clamped to 300–4000 px, ignores non-numbers, and may be included twice', async () => {
    // The frame holds a quiet page of ours (robots.txt), not the app: the app posts its own
    // heights as it loads, which would race with the messages this test sends by hand.
    const code = generatedCode({ script: false }).replace(/src="[^"]*"/, `src="${appUrl}robots.txt"`);
    const script = `<script src="${appUrl}embed.js"></script>`;
    const body = `${code}\n${script}\n${script}\n<iframe id="plain" title="not ours" srcdoc="<p>not ours</p>" style="height: 200px; border: 0"></iframe>`;
    const s = await openHost(hostPage('resizer.html', 'resizer', body), 640);
    const { page } = s;
    await page.waitForFunction(
      () => (window as unknown as { __contestedMapEmbed?: boolean }).__contestedMapEmbed === true,
      null,
      { timeout: STATE_CEILING_MS },
    );
    const frame = await appFrame(page, OURS);
    await frame.waitForLoadState('load');
    // Posted from inside our frame: the resizer's message format, as the frame would send it.
    const postFromFrame = (data: unknown) =>
      frame.evaluate((d) => {
        window.parent.postMessage(d, '*');
      }, data);
    const heightAfter = async (data: unknown, expected: number) => {
      await postFromFrame(data);
      await waitUntil(
        () => frameBoxHeight(page, OURS),
        (h) => h === expected,
        (h) => `after ${JSON.stringify(data)} the frame is ${h} px, expected ${expected}`,
      );
    };
    await heightAfter({ 'datawrapper-height': { any: 1234 } }, 1234);
    await heightAfter({ 'datawrapper-height': { any: 10 } }, CLAMP.min);
    await heightAfter({ 'datawrapper-height': { any: 1e9 } }, CLAMP.max);
    await heightAfter({ 'datawrapper-height': { any: 777.4 } }, 777);
    // Not numbers, or not the format: the height stays (checked once the host has seen them all).
    const bad: unknown[] = [
      { 'datawrapper-height': { any: '99999' } },
      { 'datawrapper-height': { any: null } },
      { 'datawrapper-height': 500 },
      { 'datawrapper-height': { any: Number.NaN } },
      'pymxPYMxcontainerxPYMxheightxPYMx500',
      { sentinel: 'amp', type: 'embed-size', height: 500 },
    ];
    const seen = (await hostMessages(page)).length;
    for (const data of bad) await postFromFrame(data);
    await waitUntil(
      async () => (await hostMessages(page)).length - seen,
      (n) => n >= bad.length,
      (n) => `the host saw ${n} of the ${bad.length} messages`,
    );
    expect(await frameBoxHeight(page, OURS), 'messages without a numeric height change nothing').toBe(777);
    await heightAfter({ 'datawrapper-height': { a: 'skip', b: 901 } }, 901);
    expect(await frameBoxHeight(page, '#plain'), 'a frame without data-contested-map is never touched').toBe(200);
    expectClean(s);
  });
});

describe('the guided story in a sandboxed frame', () => {
  it('?embed=1&chapter=1 plays the story in a sandbox="allow-scripts" frame on another origin, by click and by key, and the frame follows its height', async () => {
    const src = `${appUrl}?embed=1&chapter=1`;
    const file = hostPage('story-sandboxed.html', 'story in a sandboxed frame', sandboxed(generatedCode({ src })));
    const s = await openHost(file, 640);
    const frame = await appFrame(s.page, OURS);
    await waitForMapState(frame, 'idle');
    const chapterOf = async () => (await frameState(frame)).story.chapter;
    expect(await chapterOf()).toBe(0);
    expect(await frame.locator('[data-testid="story"] h2').count()).toBe(1);
    // The host page's own scroll does not step the story: once the host has scrolled and the
    // frame has drawn two frames at its new place (where a scroll-driven story would step), the
    // story is where it was.
    const hostScroll = await s.page.evaluate(() => scrollY);
    await s.page.mouse.wheel(0, 400);
    await waitUntil(
      () => s.page.evaluate(() => scrollY),
      (y) => y > hostScroll,
      (y) => `the host page did not scroll (scrollY ${hostScroll} → ${y})`,
    );
    await scrollSettled(s.page);
    await frameFrames(frame);
    expect(await chapterOf()).toBe(0);
    await frame.click('[data-testid="story-next"]');
    await waitUntil(
      chapterOf,
      (c) => c === 1,
      (c) => `a click on Next left the frame at chapter ${c}`,
    );
    // Focus is in the frame now (on the chapter's heading): the keys step it.
    await s.page.keyboard.press('ArrowRight');
    await waitUntil(
      chapterOf,
      (c) => c === 2,
      (c) => `ArrowRight left the frame at chapter ${c}`,
    );
    await s.page.keyboard.press('PageUp');
    await waitUntil(
      chapterOf,
      (c) => c === 1,
      (c) => `PageUp left the frame at chapter ${c}`,
    );
    // The resizer keeps the frame as tall as its content, chapter after chapter.
    await waitUntil(
      async () => ({ content: await frameContentHeight(frame), box: await frameBoxHeight(s.page, OURS) }),
      ({ content, box }) => Math.abs(box - Math.min(CLAMP.max, Math.max(CLAMP.min, content))) <= TOLERANCE,
      (h) => `the frame is ${h?.box} px for ${h?.content} px of content`,
    );
    expectClean(s);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 24, item 1: in a 375 px article scrolled to a card, "Show on map" changed a map 300–620 px
// above the screen. Now the frame asks its host to scroll the map into view (embed.js, Pym.js),
// and where no host helps (the code without its script, a sandboxed frame without it) the card
// shows the claim on a small map of its own.

/** The part of `selector` (inside the frame) that is on the host's screen, as a share of its height, and its box on the host. */
async function shareOnHostScreen(page: Page, frameSelector: string, frame: Frame, selector: string) {
  const host = await page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { top: r.top, left: r.left, height: innerHeight, width: innerWidth };
  }, frameSelector);
  const inner = await frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: innerHeight, width: innerWidth };
  }, selector);
  if (!inner || inner.bottom - inner.top <= 0 || inner.right - inner.left <= 0) return { share: 0, box: null };
  // Clipped by the frame's own viewport, then by the host's.
  const top = Math.max(host.top + Math.max(inner.top, 0), 0);
  const bottom = Math.min(host.top + Math.min(inner.bottom, inner.height), host.height);
  const left = Math.max(host.left + Math.max(inner.left, 0), 0);
  const right = Math.min(host.left + Math.min(inner.right, inner.width), host.width);
  const share = bottom > top && right > left ? (bottom - top) / (inner.bottom - inner.top) : 0;
  return { share, box: { top, bottom, left, right } };
}

interface ShowOnMapHost {
  readonly name: string;
  readonly body: () => string;
  readonly frame: string;
  /** The host scrolls to the map (true) or the card shows its small map (false). */
  readonly scrolls: boolean;
  readonly sandboxed?: boolean;
}

const SHOW_ON_MAP_HOSTS: ShowOnMapHost[] = [
  { name: 'the generated code with embed.js', body: () => generatedCode(), frame: OURS, scrolls: true },
  {
    name: 'a Pym.js 1.3.2 parent',
    body: () =>
      [
        '<div id="container"></div>',
        '<script src="pym.v1.js"></script>',
        `<script>new pym.Parent('container', ${JSON.stringify(`${appUrl}?embed=1`)}, {});</script>`,
      ].join('\n'),
    frame: '#container iframe',
    scrolls: true,
  },
  { name: 'the code without its script', body: () => generatedCode({ script: false }), frame: OURS, scrolls: false },
  {
    name: 'a sandbox="allow-scripts" frame without the script',
    body: () => sandboxed(generatedCode({ script: false })),
    frame: OURS,
    scrolls: false,
    sandboxed: true,
  },
];

const PHONE = { width: 375, height: 700 };
const ARTICLE_TEXT = `<p class="story">${'The article tells what happened in the desert that night. '.repeat(12)}</p>`;

describe('"Show on map" from a card below the map, in a 375 px article (issue 24)', () => {
  for (const host of SHOW_ON_MAP_HOSTS) {
    const outcome = host.scrolls
      ? 'the host scrolls the map into view with the claim on screen'
      : "the card shows the claim on a small map, on the host's screen";
    it(`${host.name}: for each card, scrolled so that the map is off screen, ${outcome}`, async () => {
      const name = `show-on-map-${SHOW_ON_MAP_HOSTS.indexOf(host)}.html`;
      const body = `${ARTICLE_TEXT}\n${host.body()}\n${ARTICLE_TEXT}\n${ARTICLE_TEXT}\n${ARTICLE_TEXT}`;
      const s = await openHost(hostPage(name, host.name, body), PHONE.width, PHONE.height);
      const { page } = s;
      const frame = await appFrame(page, host.frame);
      await waitForMapState(frame, 'idle');
      if (host.sandboxed) {
        expect(await frame.evaluate(() => window.origin), 'the sandboxed frame has an opaque origin').toBe('null');
      }
      if (host.scrolls) {
        // Resized to its content by the host (so that the host's scroll is the only one).
        await waitUntil(
          async () => ({ content: await frameContentHeight(frame), box: await frameBoxHeight(page, host.frame) }),
          ({ content, box }) => Math.abs(box - content) <= TOLERANCE,
          (h) => `the host did not size the frame to its content: ${JSON.stringify(h)}`,
        );
      }

      for (const party of PARTIES) {
        // The reader's place: the card at the top of the screen, by the host's scroll (a frame
        // as tall as its content) or, in a fixed frame, the host's and then the frame's own.
        const cardTop = await frame.evaluate(
          (sel) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY,
          card(party),
        );
        const frameTop = await page.evaluate(
          (sel) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY,
          host.frame,
        );
        if (host.scrolls) {
          await page.evaluate((y) => window.scrollTo(0, y), frameTop + cardTop - 8);
        } else {
          await page.evaluate((y) => window.scrollTo(0, y), frameTop);
          await frame.evaluate((y) => window.scrollTo(0, y), cardTop - 8);
          await frameFrames(frame);
        }
        await scrollSettled(page);
        const mapBefore = await shareOnHostScreen(page, host.frame, frame, MAP);
        expect(mapBefore.share, `${party}: the map is off the host's screen before the click`).toBeLessThan(0.5);
        const button = await shareOnHostScreen(page, host.frame, frame, selectButton(party));
        expect(button.share, `${party}: its "Show on map" is on the host's screen`).toBe(1);
        const hostScroll = await page.evaluate(() => scrollY);

        await frame.locator(selectButton(party)).click();
        await waitUntil(
          async () => (await frameState(frame)).selection.partyId,
          (p) => p === party,
          (p) => `a click on ${party}'s "Show on map" left the selection at ${p}`,
        );

        if (host.scrolls) {
          const marker = await waitUntil(
            () => shareOnHostScreen(page, host.frame, frame, claimMarker(party)),
            (m) => m.share === 1,
            (m) =>
              `${party}'s claim on the map never came on the host's screen (${JSON.stringify(m)}; host scrollY ${hostScroll})`,
          );
          expect(marker.box, `${party}'s claim is on the host's screen`).not.toBeNull();
          await waitSettled(frame, STATE_CEILING_MS);
          expect(
            (await shareOnHostScreen(page, host.frame, frame, claimMarker(party))).share,
            `${party}: still on screen once settled`,
          ).toBe(1);
          expect(await frame.locator('[data-testid="claim-inset"]').count(), 'no small map where the host scrolled').toBe(0);
        } else {
          const inset = `${card(party)} [data-testid="claim-inset"][data-party="${party}"]`;
          await waitUntil(
            () => shareOnHostScreen(page, host.frame, frame, `${inset} svg`),
            (m) => m.share === 1,
            (m) => `${party}'s small map never came on the host's screen beside its card (${JSON.stringify(m)})`,
          );
          // It shows the claim: the party's area is drawn inside the small map's box.
          const claim = await shareOnHostScreen(page, host.frame, frame, `${inset} path[data-party="${party}"]`);
          expect(claim.share, `${party}'s area is drawn in its small map, on screen`).toBeGreaterThan(0.5);
          expect(await frame.locator(`${inset} svg`).getAttribute('aria-label')).toContain(
            event.parties.find((p) => p.id === party)!.name.en,
          );
          expect(await frame.locator('[data-testid="claim-inset"]').count(), 'one small map, the selected party’s').toBe(1);
          expect(await page.evaluate(() => scrollY), 'the host did not scroll').toBe(hostScroll);
        }
      }
      expectClean(s);
    });
  }
});

/** Runs in the host page before its own scripts: records the arguments of every window.scrollTo. */
function spyOnScrollTo(): void {
  if (window.top !== window) return;
  const w = window as unknown as { __scrollCalls: string[] };
  w.__scrollCalls = [];
  const original = window.scrollTo.bind(window);
  window.scrollTo = ((...args: unknown[]) => {
    w.__scrollCalls.push(JSON.stringify(args));
    return (original as (...a: unknown[]) => void)(...args);
  }) as typeof window.scrollTo;
}

describe("embed.js's scroll request and the reader's motion preference", () => {
  // An article that glides its own anchors (`scroll-behavior: smooth` on <html>, common in
  // newsroom templates): a scroll asked for with behavior 'auto' glides there too.
  const SMOOTH_HOST = '<style>html { scroll-behavior: smooth; }</style>';

  it('scrolls the host at once under prefers-reduced-motion: reduce, and smoothly otherwise (a smooth-scrolling article)', async () => {
    const body = `${SMOOTH_HOST}\n${ARTICLE_TEXT}\n${generatedCode()}\n${ARTICLE_TEXT}\n${ARTICLE_TEXT}\n${ARTICLE_TEXT}`;
    const s = await (await browser()).newSession(PHONE, hostUrl);
    await s.page.addInitScript(spyOnScrollTo);
    await s.open(hostPage('scroll-motion.html', 'embed.js and reduced motion', body));
    const { page } = s;
    const frame = await appFrame(page, OURS);
    await waitForMapState(frame, 'idle');
    await waitUntil(
      async () => ({ content: await frameContentHeight(frame), box: await frameBoxHeight(page, OURS) }),
      ({ content, box }) => Math.abs(box - content) <= TOLERANCE,
      (h) => `embed.js did not size the frame to its content: ${JSON.stringify(h)}`,
    );

    /**
     * Scrolls the host (at once) to `party`'s card, clicks its "Show on map", and returns the
     * host's scrollTo calls since and its scroll position at every frame until the page rests
     * with the claim's badge on screen.
     */
    const showFromCard = async (party: string) => {
      const cardTop = await frame.evaluate(
        (sel) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY,
        card(party),
      );
      const frameTop = await page.evaluate((sel) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY, OURS);
      await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), frameTop + cardTop - 8);
      await scrollSettled(page);
      expect((await shareOnHostScreen(page, OURS, frame, MAP)).share, `${party}: the map is off screen first`).toBeLessThan(0.5);
      const start = await page.evaluate(() => {
        const w = window as unknown as { __scrollCalls: string[]; __scrollSamples: number[] };
        w.__scrollCalls = [];
        w.__scrollSamples = [scrollY];
        const sample = () => {
          w.__scrollSamples.push(scrollY);
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
        return scrollY;
      });
      await frame.locator(selectButton(party)).click();
      await waitUntil(
        () => shareOnHostScreen(page, OURS, frame, claimMarker(party)),
        (m) => m.share === 1,
        (m) => `${party}'s badge never came on the host's screen (${JSON.stringify(m)})`,
      );
      const end = await scrollSettled(page);
      const { calls, samples } = await page.evaluate(() => {
        const w = window as unknown as { __scrollCalls: string[]; __scrollSamples: number[] };
        return { calls: w.__scrollCalls.map((c) => JSON.parse(c) as unknown[]), samples: w.__scrollSamples };
      });
      // Positions strictly between where the page was and where it came to rest: a glide's steps.
      const between = new Set(
        samples.filter((y) => (y - start) * (end - y) > 0 && Math.abs(y - start) > 1 && Math.abs(end - y) > 1),
      );
      return { calls, steps: between.size, start, end };
    };

    // The file's pages prefer reduced motion.
    const still = await showFromCard('syrian-government');
    expect(still.end, 'the host scrolled up to the map').toBeLessThan(still.start);
    expect(
      still.calls.map((c) => (c[0] as { behavior?: string }).behavior),
      'scrollTo asked for no motion',
    ).toEqual(['instant']);
    expect(still.steps, `reduced motion: one jump, no positions on the way (${still.start} -> ${still.end})`).toBe(0);

    await emulateMedia(page, { reducedMotion: 'no-preference' });
    const moving = await showFromCard('sohr');
    expect(moving.end, 'the host scrolled up to the map').toBeLessThan(moving.start);
    expect(
      moving.calls.map((c) => (c[0] as { behavior?: string }).behavior),
      'scrollTo asked for a glide',
    ).toEqual(['smooth']);
    expect(
      moving.steps,
      `no preference: a smooth scroll through positions on the way (${moving.start} -> ${moving.end})`,
    ).toBeGreaterThan(1);
    expectClean(s);
  });
});
