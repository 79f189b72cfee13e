// Shared plumbing for the browser tests: the run's headless Debian Chromium, a fresh context per
// test with pages that record console errors, page errors and every request, and helpers to read
// the map's state.
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { afterAll, afterEach, beforeEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { decodePng, type Image } from './image.ts';
import { BROWSER_TEST_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export { BROWSER_TEST_ARGS, CHROMIUM_PATH };
/** Checked in this Chromium (156): both make `getContext('webgl2')` and `getContext('webgl')` null. */
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-webgl2'] as const;

export const PARTIES = ['coalition', 'syrian-government', 'sohr'] as const;
export type PartyId = (typeof PARTIES)[number];
export const SECTIONS = [
  'speaker',
  'channel',
  'time',
  'target',
  'place',
  'weapons',
  'damage',
  'later',
  'quotes',
  'sources',
] as const;

export const MAP = '[data-testid="map"]';
export const CANVAS = `${MAP} canvas.maplibregl-canvas`;
export const card = (party: string) => `article[data-testid="party-card"][data-party="${party}"]`;
export const selectButton = (party: string) => `${card(party)} button[data-testid="select-party"]`;
export const claimMarker = (party: string) => `button[data-testid="claim-marker"][data-party="${party}"]`;

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface Session {
  readonly page: Page;
  readonly origin: string;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Every request URL the page (or its workers) made. */
  readonly requests: string[];
  /** Requests to anything but the app's own origin, `data:` or `blob:`. */
  readonly offOrigin: string[];
  /** Opens the app (optionally with a query string / path relative to the base URL). */
  open(path?: string, waitUntil?: 'load' | 'domcontentloaded' | 'commit'): Promise<void>;
  /** Fails on any page error, console error or off-origin request seen so far. */
  expectClean(opts?: { allowConsoleErrors?: boolean }): void;
}

/** How a test file's pages see the browser. */
export interface BrowserOptions {
  /** What the page sees as `navigator.languages` (and Accept-Language); en-US unless set. */
  locale?: string;
  /**
   * `'reduce'` for files that check where things end up, not how they get there: the camera and
   * the page jump instead of flying and scrolling smoothly, which here (SwiftShader) saves about
   * 0.6 s of CPU per "Show on map". The animated paths keep their own tests (phone, story,
   * interaction, map, hygiene, languages); reduced motion has its own (reduced-motion, phone).
   */
  reducedMotion?: 'reduce';
  /** A phone's touch screen: `hasTouch` and `isMobile`, so that `(pointer: coarse)` matches. */
  touch?: boolean;
}

/**
 * The browser a test file uses. Pages come from a browser context per test (its own cookies,
 * storage, permissions and request log), closed after the test; a page opened in `beforeAll`
 * belongs to a context for the whole file, closed after it. The browser itself is the one
 * Chromium the global setup started for the whole run (tests/browser/global-setup.ts), reached
 * over its WebSocket: no launch per file, and its GPU process stays warm from test to test.
 * A file that needs other flags (no WebGL) launches its own Chromium with them.
 */
export class TestBrowser {
  private readonly sessions = new Set<Session>();
  private testContext: Promise<BrowserContext> | undefined;
  private fileContext: Promise<BrowserContext> | undefined;
  /** Set by useBrowser's hooks: true from a test's start to its end. */
  inTest = false;

  private constructor(
    private readonly browser: Browser,
    private readonly options: BrowserOptions,
  ) {}

  static async launch(extraArgs: readonly string[] = [], options: BrowserOptions = {}): Promise<TestBrowser> {
    if (extraArgs.length === 0) {
      const { wsEndpoints, error } = inject('chromium');
      if (!wsEndpoints?.length) throw new Error(error ?? 'the global setup started no Chromium');
      // Vitest numbers its workers from 1 (VITEST_POOL_ID): each uses its own Chromium.
      const worker = Math.max(1, Number(process.env.VITEST_POOL_ID) || 1);
      return new TestBrowser(await chromium.connect(wsEndpoints[(worker - 1) % wsEndpoints.length]!), options);
    }
    const args = [...BROWSER_TEST_ARGS, ...extraArgs];
    try {
      await access(CHROMIUM_PATH, constants.X_OK);
    } catch {
      throw new Error(chromiumMissing());
    }
    try {
      return new TestBrowser(await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args }), options);
    } catch (err) {
      throw new Error(`Chromium could not be launched (${CHROMIUM_PATH} ${args.join(' ')}): ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** The context pages are made in now: the current test's, or the file's outside any test. */
  context(): Promise<BrowserContext> {
    if (this.inTest) return (this.testContext ??= this.newContext());
    return (this.fileContext ??= this.newContext());
  }

  /** A blank page in the current context, for tests that bring their own content. */
  async newPage(): Promise<Page> {
    return (await this.context()).newPage();
  }

  private async newContext(): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: this.options.locale ?? 'en-US',
      reducedMotion: this.options.reducedMotion ?? 'no-preference',
      hasTouch: this.options.touch ?? false,
      isMobile: this.options.touch ?? false,
      timezoneId: 'UTC',
    });
    context.on('request', (req) => {
      for (const s of this.sessions) {
        if (s.page.context() !== context) continue;
        s.requests.push(req.url());
        if (!allowedUrl(req.url(), s.origin)) s.offOrigin.push(req.url());
      }
    });
    return context;
  }

  /** A page on the app; `base` serves another build than the one under test (see url-state.test.ts). */
  async newSession(viewport = { width: 1280, height: 800 }, base = baseUrl()): Promise<Session> {
    const page = await this.newPage();
    await page.setViewportSize(viewport);
    const url = base;
    const origin = new URL(url).origin;
    const session: Session = {
      page,
      origin,
      consoleErrors: [],
      pageErrors: [],
      requests: [],
      offOrigin: [],
      async open(path = '', waitUntil = 'load') {
        await page.goto(new URL(path, url).href, { waitUntil });
      },
      expectClean({ allowConsoleErrors = false } = {}) {
        const problems: string[] = [];
        if (session.pageErrors.length) problems.push(`uncaught page errors:\n  ${session.pageErrors.join('\n  ')}`);
        if (!allowConsoleErrors && session.consoleErrors.length) {
          problems.push(`console errors:\n  ${session.consoleErrors.join('\n  ')}`);
        }
        if (session.offOrigin.length) {
          problems.push(`requests leaving ${origin}:\n  ${session.offOrigin.join('\n  ')}`);
        }
        if (problems.length) throw new Error(problems.join('\n'));
      },
    };
    const onConsole = (where: string) => (msg: ConsoleMessage) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      session.consoleErrors.push(`${where}${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    };
    page.on('console', onConsole(''));
    page.on('worker', (w) => w.on('console', onConsole(`[worker ${w.url()}] `)));
    page.on('pageerror', (err) => session.pageErrors.push(err.stack ?? String(err)));
    page.on('websocket', (ws) => {
      if (!allowedUrl(ws.url(), origin)) session.offOrigin.push(ws.url());
    });
    this.sessions.add(session);
    page.on('close', () => this.sessions.delete(session));
    return session;
  }

  /** Ends the current test's context: its pages, storage and permissions go with it. */
  async endTest(): Promise<void> {
    this.inTest = false;
    const context = await this.testContext?.catch(() => undefined);
    this.testContext = undefined;
    if (!context) return;
    for (const s of this.sessions) if (s.page.context() === context) this.sessions.delete(s);
    await context.close().catch(() => undefined);
  }

  /** Ends the file: its context, then the connection (or the browser this file launched). */
  async close(): Promise<void> {
    await this.endTest();
    const context = await this.fileContext?.catch(() => undefined);
    this.fileContext = undefined;
    this.sessions.clear();
    await context?.close().catch(() => undefined);
    // For a connection, close() only disconnects: the shared Chromium is the global setup's to stop.
    await this.browser.close().catch(() => undefined);
  }
}

/** The message for a machine without Debian's Chromium (the global setup checks the same). */
export function chromiumMissing(): string {
  return (
    `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need Debian's chromium package ` +
    '(sudo apt-get install -y chromium); they fail rather than skip without it.'
  );
}

function allowedUrl(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin && origin.startsWith('http://127.0.0.1:');
  } catch {
    return false;
  }
}

/**
 * The browser for the calling test file, reached on first use (inside a test, a missing or
 * broken Chromium fails each test with its error instead of skipping it); each test's context
 * is closed after it, the file's (pages opened in `beforeAll`) and the connection after the file.
 */
export function useBrowser(extraArgs: readonly string[] = [], options: BrowserOptions = {}): () => Promise<TestBrowser> {
  let launched: Promise<TestBrowser> | undefined;
  let inTest = false;
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    const b = await launched?.catch(() => undefined);
    await b?.endTest();
  });
  afterAll(async () => {
    const b = await launched?.catch(() => undefined);
    await b?.close();
  });
  return async () => {
    const b = await (launched ??= TestBrowser.launch(extraArgs, options));
    b.inTest = inTest;
    return b;
  };
}

/**
 * `page.emulateMedia`, then waits until the page lays out in its own fonts again: Chromium
 * matches the page's font faces anew when the emulated media change, and for a few frames the
 * text is set in a fallback font (taller at 320 px), which moves everything below it.
 */
export async function emulateMedia(page: Page, media: Parameters<Page['emulateMedia']>[0]): Promise<void> {
  await page.emulateMedia(media);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The WCAG 2.2 A and AA rules of axe-core that every page of the app must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** axe-core's violations of those rules on the page as it is now, one line per rule with its nodes. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // axe.run in the page itself (AxeBuilder's legacy mode): its default runs each frame apart and
  // joins the results in a blank page of its own, a renderer started for every call (1.5 s of
  // the 2.7 s a call took here). The app's pages have no frame for that to matter; a page that
  // has one is refused rather than checked in part.
  const frames = await page.locator('iframe').count();
  if (frames > 0) throw new Error(`axeViolations checks pages without frames; this one has ${frames}`);
  const builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]).setLegacyMode();
  const result = await (within ? builder.include(within) : builder).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
}

/** Resolves once the page has not scrolled for `frames` frames in a row (a smooth scroll has ended). */
export async function scrollSettled(page: Page, frames = 20): Promise<number> {
  return page.evaluate(
    (frames) =>
      new Promise<number>((resolve) => {
        let last = scrollY;
        let still = 0;
        const tick = () => {
          if (scrollY !== last) {
            last = scrollY;
            still = 0;
          } else if (++still >= frames) {
            resolve(scrollY);
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/**
 * How long a test waits for a state (the map at rest, a selection, a message) before it fails:
 * long enough for a 2-core machine busy with other work. Tests never time the app.
 */
export const STATE_CEILING_MS = 30_000;

/**
 * `promise`, or a failure saying `what` did not happen within `ms`: a ceiling for events that
 * come late on a loaded machine, never a guess at when they come.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Map state

/** A page, or a frame inside one (an embed on a host page): both can be waited on and asked. */
type Document = Pick<Page, 'evaluate' | 'waitForFunction'>;

export async function mapState(page: Document): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-map-state') ?? null, MAP);
}

/** Waits until the map leaves `loading`, then requires `expected`. */
export async function waitForMapState(page: Document, expected: 'idle' | 'static', timeout = 45_000): Promise<void> {
  try {
    await page.waitForFunction(
      (sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-map-state');
        return s != null && s !== 'loading';
      },
      MAP,
      { timeout, polling: 100 },
    );
  } catch {
    throw new Error(
      `${MAP} never left data-map-state="loading" (now: ${JSON.stringify(await mapState(page))}) within ${timeout} ms`,
    );
  }
  const state = await mapState(page);
  if (state !== expected) throw new Error(`${MAP} reached data-map-state="${state}", expected "${expected}"`);
}

export type View = readonly [west: number, south: number, east: number, north: number];

/** The store's serializable state, through the app's documented test hook (`window.__appState`). */
export interface AppStateSnapshot {
  selection: { partyId: string | null; origin: string | null };
  view: {
    lang: string;
    mapStatus: string;
    camera: { center: [number, number]; zoom: number; bearing: number } | null;
    isHomeCamera: boolean;
    cameraRequest: unknown;
    layers: Record<string, boolean>;
  };
  story: { chapter: number | null; presenting: boolean };
}

export async function appState(page: Page): Promise<AppStateSnapshot> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __appState?: () => AppStateSnapshot }).__appState;
    if (!hook) throw new Error('window.__appState is missing: the app has not started (see src/main.tsx)');
    return hook();
  });
}

/** The camera the map last settled at, as the store holds it (a JSON string, for comparisons). */
export async function settledCamera(page: Page): Promise<string> {
  return JSON.stringify((await appState(page)).view.camera);
}

/**
 * The map's visible box, [west, south, east, north], from the store's settled camera and the
 * canvas's size in CSS px (Web Mercator, 512 px tiles as MapLibre draws them; the map cannot
 * rotate, so the box is the view).
 */
export async function readView(page: Page): Promise<View> {
  const { view } = await appState(page);
  if (!view.camera) throw new Error('the store has no settled camera yet');
  if (view.camera.bearing !== 0)
    throw new Error(`the map is rotated (bearing ${view.camera.bearing}); readView assumes north up`);
  const size = await page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLElement>(sel);
    return canvas ? { width: canvas.clientWidth, height: canvas.clientHeight } : null;
  }, CANVAS);
  if (!size) throw new Error(`no ${CANVAS} to measure`);
  const world = 512 * 2 ** view.camera.zoom;
  const [lon, lat] = view.camera.center;
  const cx = ((lon + 180) / 360) * world;
  const cy = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  const lonAt = (x: number) => (x / world) * 360 - 180;
  const latAt = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - (2 * y) / world))) - 90;
  return [lonAt(cx - size.width / 2), latAt(cy + size.height / 2), lonAt(cx + size.width / 2), latAt(cy - size.height / 2)];
}

/**
 * PNG of the map canvas only: markers, controls and labels laid over it are hidden for the shot.
 * They are hidden through the CSSOM (element.style), not Playwright's `style` option, which
 * injects a <style> element that the app's Content-Security-Policy (style-src 'self') blocks.
 */
export async function canvasPng(page: Page): Promise<Buffer> {
  await page.evaluate(
    ({ map, canvas }) => {
      const w = window as unknown as { __testHidden?: [HTMLElement, string, string][] };
      const saved: [HTMLElement, string, string][] = [];
      const set = (el: HTMLElement, v: string) => {
        saved.push([el, el.style.getPropertyValue('visibility'), el.style.getPropertyPriority('visibility')]);
        el.style.setProperty('visibility', v, 'important');
      };
      for (const el of document.querySelectorAll<HTMLElement>(`${map} *`)) set(el, 'hidden');
      const c = document.querySelector<HTMLElement>(canvas);
      if (c) set(c, 'visible');
      w.__testHidden = saved;
    },
    { map: MAP, canvas: CANVAS },
  );
  try {
    return await page.locator(CANVAS).screenshot({ animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate(() => {
      const w = window as unknown as { __testHidden?: [HTMLElement, string, string][] };
      for (const [el, v, prio] of (w.__testHidden ?? []).reverse()) {
        if (v) el.style.setProperty('visibility', v, prio);
        else el.style.removeProperty('visibility');
      }
      delete w.__testHidden;
    });
  }
}

export async function canvasImage(page: Page): Promise<Image> {
  return decodePng(await canvasPng(page));
}

interface SettleProbe {
  readonly done: boolean;
  readonly state: string;
}

/**
 * Waits until the map is at rest, by the app's own state: the map is idle with no camera request
 * left to carry out, and MapLibre has drawn a frame with nothing more to do (its `idle` event,
 * through the app's `window.__mapSettled` hook) while the store's camera stayed where it was.
 * Under load this takes longer; it never guesses a time.
 */
export async function waitSettled(page: Document, timeout = 45_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = 'never read';
  while (Date.now() < deadline) {
    try {
      await page.waitForFunction(
        () => {
          const s = (window as unknown as { __appState?: () => AppStateSnapshot }).__appState?.();
          return s !== undefined && s.view.mapStatus === 'idle' && s.view.cameraRequest === null;
        },
        null,
        { timeout: Math.max(1, deadline - Date.now()), polling: 50 },
      );
    } catch {
      break;
    }
    const probe = await page.evaluate(async (): Promise<SettleProbe> => {
      const w = window as unknown as { __appState: () => AppStateSnapshot; __mapSettled: () => Promise<boolean> };
      const before = w.__appState();
      const hasMap = await w.__mapSettled();
      const after = w.__appState();
      const state = `mapStatus=${after.view.mapStatus}, camera=${JSON.stringify(after.view.camera)}, request=${JSON.stringify(after.view.cameraRequest)}`;
      const done =
        hasMap &&
        after.view.mapStatus === 'idle' &&
        after.view.cameraRequest === null &&
        JSON.stringify(after.view.camera) === JSON.stringify(before.view.camera);
      return { done, state };
    });
    if (probe.done) return;
    last = probe.state;
  }
  throw new Error(
    `the map did not come to rest (idle, no camera request, camera unchanged over a frame) within ${timeout} ms; last ${last}`,
  );
}

/** `waitSettled`, then the canvas as drawn at rest. */
export async function settledCanvas(page: Page, timeout?: number): Promise<Image> {
  await waitSettled(page, timeout);
  return canvasImage(page);
}

export async function selectedParties(page: Page): Promise<string[]> {
  return page.$$eval('article[data-testid="party-card"][aria-current="true"]', (els) =>
    els.map((e) => e.getAttribute('data-party') ?? '?'),
  );
}

/** Waits until exactly `party`'s card is the current one. */
export async function waitSelected(page: Page, party: string, how: string, timeout = STATE_CEILING_MS): Promise<void> {
  try {
    await page.waitForFunction(
      (p) => {
        const cur = [...document.querySelectorAll('article[data-testid="party-card"][aria-current="true"]')];
        return cur.length === 1 && cur[0]!.getAttribute('data-party') === p;
      },
      party,
      { timeout, polling: 100 },
    );
  } catch {
    throw new Error(
      `after ${how}, expected only ${party}'s card to have aria-current="true"; cards with it: ${JSON.stringify(await selectedParties(page))}`,
    );
  }
}

/** Selects `party` through its card button and waits for the map to come to rest. */
export async function selectViaButton(page: Page, party: string): Promise<void> {
  await page.locator(selectButton(party)).click();
  await waitSelected(page, party, `clicking ${party}'s select button`);
  await waitSettled(page);
}

/**
 * Presses Tab from the top of the page until every wanted element has had focus (or up to
 * `maxPresses`). Elements are `[data-testid=testId]`, told apart by their `attribute`.
 * Returns the values reached.
 */
export async function tabThrough(
  page: Page,
  testId: string,
  attribute: string,
  wanted: readonly string[],
  maxPresses = 300,
): Promise<Set<string>> {
  await page.locator('body').focus();
  const reached = new Set<string>();
  for (let i = 0; i < maxPresses && !wanted.every((w) => reached.has(w)); i++) {
    await page.keyboard.press('Tab');
    const value = await page.evaluate(
      ({ testId, attribute }) => {
        const el = document.activeElement;
        return el?.getAttribute('data-testid') === testId ? el.getAttribute(attribute) : null;
      },
      { testId, attribute },
    );
    if (value) reached.add(value);
  }
  return reached;
}

/** A new page on the app, returned once the map has reached its first `idle`. */
export async function openIdle(
  browser: () => Promise<TestBrowser>,
  viewport?: { width: number; height: number },
  path = '',
): Promise<Session> {
  const s = await (await browser()).newSession(viewport);
  await s.open(path);
  await waitForMapState(s.page, 'idle');
  return s;
}
