// Shared plumbing for the browser tests: one headless Debian Chromium per test file, pages that
// record console errors, page errors and every request, and helpers to read the map's state.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, inject } from 'vitest';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { decodePng, type Image } from './image.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };
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

export class TestBrowser {
  private readonly sessions = new Set<Session>();

  private constructor(
    readonly context: BrowserContext,
    private readonly dir: string,
  ) {
    context.on('request', (req) => {
      for (const s of this.sessions) {
        s.requests.push(req.url());
        if (!allowedUrl(req.url(), s.origin)) s.offOrigin.push(req.url());
      }
    });
  }

  /** `locale` is what the page sees as `navigator.languages` (and Accept-Language). */
  static async launch(extraArgs: readonly string[] = [], locale = 'en-US'): Promise<TestBrowser> {
    const args = [...CHROMIUM_ARGS, ...extraArgs];
    try {
      await access(CHROMIUM_PATH, constants.X_OK);
    } catch {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need Debian's chromium package ` +
          '(apt-get install chromium); they fail rather than skip without it.',
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'badia-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args,
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        locale,
        timezoneId: 'UTC',
      });
      for (const p of context.pages()) await p.close();
      return new TestBrowser(context, dir);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Chromium could not be launched (${CHROMIUM_PATH} ${args.join(' ')}): ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** A page on the app; `base` serves another build than the one under test (see url-state.test.ts). */
  async newSession(viewport = { width: 1280, height: 800 }, base = baseUrl()): Promise<Session> {
    const page = await this.context.newPage();
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

  async closePages(): Promise<void> {
    for (const p of this.context.pages()) await p.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
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
 * One Chromium for the calling test file, launched on first use inside a test (so a missing or
 * broken Chromium fails each test with the launch error instead of skipping it); pages are closed
 * after each test and the browser after the file.
 */
export function useBrowser(extraArgs: readonly string[] = [], options: { locale?: string } = {}): () => Promise<TestBrowser> {
  let launched: Promise<TestBrowser> | undefined;
  afterEach(async () => {
    const b = await launched?.catch(() => undefined);
    await b?.closePages();
  });
  afterAll(async () => {
    const b = await launched?.catch(() => undefined);
    await b?.close();
  });
  return () => (launched ??= TestBrowser.launch(extraArgs, options.locale));
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

/**
 * Waits until the map is idle and its canvas and the store's camera stop changing (three
 * identical captures in a row), and returns the settled canvas image.
 */
export async function waitSettled(page: Page, timeout = 30_000): Promise<Image> {
  const deadline = Date.now() + timeout;
  let prev: Buffer | undefined;
  let prevView: string | null = null;
  let same = 0;
  let last = '';
  while (Date.now() < deadline) {
    const state = await mapState(page);
    const view = await settledCamera(page);
    const png = await canvasPng(page);
    if (state === 'idle' && prev && png.equals(prev) && view === prevView) {
      if (++same >= 2) return decodePng(png);
    } else {
      same = 0;
    }
    last = `state=${state}, camera=${view}`;
    prev = png;
    prevView = view;
    await page.waitForTimeout(250);
  }
  throw new Error(`the map did not settle (idle, unchanged canvas and camera) within ${timeout} ms; last ${last}`);
}

export async function selectedParties(page: Page): Promise<string[]> {
  return page.$$eval('article[data-testid="party-card"][aria-current="true"]', (els) =>
    els.map((e) => e.getAttribute('data-party') ?? '?'),
  );
}

/** Waits until exactly `party`'s card is the current one. */
export async function waitSelected(page: Page, party: string, how: string, timeout = 10_000): Promise<void> {
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

/** Selects `party` through its card button and waits for the map to settle. */
export async function selectViaButton(page: Page, party: string): Promise<Image> {
  await page.locator(selectButton(party)).click();
  await waitSelected(page, party, `clicking ${party}'s select button`);
  return waitSettled(page);
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
