// Cards come first: the versions are readable while the lazily loaded map chunk is still on its way.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { event } from './geo.ts';
import { MAP, PARTIES, baseUrl, card, mapState, useBrowser, waitForMapState, within } from './helpers.ts';

const browser = useBrowser();
const HOLD_MS = 3000;

describe('loading order', () => {
  it('shows the three cards with their text while the map chunk is held back, then the map reaches idle', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    // Record when the map settles, from inside the page (performance.now(), same clock as FCP).
    await page.addInitScript(() => {
      const w = window as unknown as { __mapIdleAt?: number };
      new MutationObserver(() => {
        const s = document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state');
        if (s === 'idle' && w.__mapIdleAt === undefined) w.__mapIdleAt = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'] });
    });
    let held = 0;
    let released = false;
    let onHit: () => void = () => undefined;
    const hit = new Promise<void>((r) => (onHit = r));
    // Held for HOLD_MS, and in any case until the cards have been checked.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((r) => (openGate = r));
    await page.route(/map-controller/, async (route) => {
      held++;
      onHit();
      await Promise.all([new Promise((r) => setTimeout(r, HOLD_MS)), gate]);
      released = true;
      await route.continue();
    });

    await s.open('', 'commit');
    try {
      for (const party of PARTIES) {
        const c = page.locator(card(party));
        await c.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {
          throw new Error(`${party}'s card was not visible while the map chunk was held back`);
        });
        const text = (await c.innerText()).trim();
        const v = event.versions.find((x) => x.party === party)!;
        expect(text.includes(v.speaker.en) || text.includes(v.speaker.ar), `${party} card has its text before the map`).toBe(
          true,
        );
      }
      // The page asks for the map chunk once its first paint is on screen: later on a loaded
      // machine, so this waits for the request itself (the gate holds it until the end here).
      await within(hit, 30_000, 'a request for the map chunk (/map-controller/)');
      const stateMeanwhile = await mapState(page);
      expect(released, 'cards checked before the map chunk was released').toBe(false);
      expect(held, 'a request matching /map-controller/ (the lazily loaded map chunk) was made').toBeGreaterThan(0);
      expect(await page.locator(MAP).count(), 'map container present while its code loads').toBe(1);
      expect(stateMeanwhile, 'data-map-state while the map chunk is held back').toBe('loading');
    } finally {
      openGate();
    }

    await waitForMapState(page, 'idle');
    expect(released).toBe(true);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      idle: (window as unknown as { __mapIdleAt?: number }).__mapIdleAt ?? null,
    }));
    console.log(
      `[first-paint] with the map chunk held ${HOLD_MS} ms: first contentful paint ${t.fcp?.toFixed(0) ?? '?'} ms, map idle ${t.idle?.toFixed(0) ?? '?'} ms (information only, no assertion)`,
    );
    s.expectClean();
  });

  it('has every version in the HTML itself: readable with no script at all', async () => {
    const s = await (await browser()).newSession({ width: 390, height: 800 });
    const { page } = s;
    let blocked = 0;
    await page.route(/\.(m?js)(\?|$)/, async (route) => {
      blocked++;
      await route.abort();
    });
    await s.open('', 'load');
    // The scripts are asked for once the page has been painted (see the next test), up to 3 s
    // after load by the page's own fallback: waited for as a state, under any load.
    await page.waitForFunction(() => document.head.querySelector('script[type="module"][src]') !== null, null, {
      timeout: 30_000,
    });
    await expect
      .poll(() => blocked, { message: 'the page asked for its scripts (and got none)', timeout: 30_000 })
      .toBeGreaterThan(0);
    for (const party of PARTIES) {
      const c = page.locator(card(party));
      await expect(c.isVisible(), `${party}'s card is in the served HTML`).resolves.toBe(true);
      const v = event.versions.find((x) => x.party === party)!;
      const text = await c.innerText();
      expect(text).toContain(v.speaker.en);
      expect(text).toContain(v.place.precision.en);
    }
    expect(await page.locator('[data-testid="known"]').isVisible()).toBe(true);
    expect(await mapState(page)).toBe('loading');
  });

  it("shows an article's embed before any script: its own compact page, in the URL's language", async () => {
    const variants = [
      { query: '?embed=1', lang: 'en', plain: false },
      { query: '?embed=1&lang=ar', lang: 'ar', plain: false },
      { query: '?embed=1&plain=1&lang=ar', lang: 'ar', plain: true },
    ] as const;
    for (const { query, lang, plain } of variants) {
      const s = await (await browser()).newSession({ width: 375, height: 800 });
      const { page } = s;
      await page.route(/\.(m?js)(\?|$)/, (route) => route.abort());
      await s.open(query, 'load');
      const shown = await page.evaluate(() => {
        const root = document.getElementById('root')!;
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
        return {
          mode: root.dataset.mode,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          embedFlag: document.documentElement.dataset.embed !== undefined,
          embedApp: root.querySelector('[data-testid="embed"]') !== null,
          header: box('.embed-header'),
          credits: root.querySelector('.embed-credits') !== null,
          drawing: root.querySelector('[data-testid="map"] .map-placeholder > svg') !== null,
          notice: box('.map-status'),
          map: box('[data-testid="map"]'),
          width: document.documentElement.scrollWidth,
        };
      });
      const what = `${query} with no script`;
      expect(shown.mode, `${what}: the prerendered embed`).toBe('embed');
      expect(shown.embedApp, `${what}: the embed's layout, not the reader's page`).toBe(true);
      expect(shown.embedFlag, `${what}: <html data-embed> (its styles)`).toBe(true);
      expect([shown.lang, shown.dir], `${what}: language and direction`).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
      expect(shown.header === null, `${what}: the title ${plain ? 'left to the article' : 'shown'}`).toBe(plain);
      expect(shown.credits, `${what}: the credits ${plain ? 'left to the article' : 'shown'}`).toBe(!plain);
      expect(shown.drawing, `${what}: the drawing of the map in the map's box`).toBe(true);
      expect(shown.width, `${what}: no sideways scroll`).toBeLessThanOrEqual(375);
      // The loading notice lies over the map, not over the title above it.
      expect(shown.notice!.top, `${what}: the loading notice on the map`).toBeGreaterThanOrEqual(shown.map!.top - 1);
      for (const party of PARTIES) {
        const c = page.locator(card(party));
        expect(await c.isVisible(), `${what}: ${party}'s card`).toBe(true);
        const { name } = event.parties.find((p) => p.id === party)!;
        expect(await c.innerText(), `${what}: ${party}'s card in ${lang}`).toContain(name[lang]);
      }
      await page.close();
    }
  });

  it('asks for no script before its first contentful paint, then starts the app and the map', async () => {
    for (const lang of ['en', 'ar'] as const) {
      const s = await (await browser()).newSession();
      const { page } = s;
      await s.open(lang === 'ar' ? '?lang=ar' : '', 'load');
      await waitForMapState(page, 'idle');
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        scripts: performance
          .getEntriesByType('resource')
          .filter((e) => /\.m?js(\?|$)/.test(e.name) && !e.name.startsWith('data:'))
          .map((e) => ({ name: e.name.replace(/^.*\//, ''), startTime: e.startTime })),
      }));
      expect(t.fcp, `${lang}: a first contentful paint`).not.toBeNull();
      expect(t.scripts.length, `${lang}: the app's chunks were loaded`).toBeGreaterThanOrEqual(2);
      for (const script of t.scripts) {
        expect(
          script.startTime,
          `${lang}: ${script.name} asked for after the first contentful paint (${t.fcp} ms)`,
        ).toBeGreaterThanOrEqual(t.fcp!);
      }
      s.expectClean();
    }
  });

  it("shows no other page while the HTML is still arriving: the URL's language and mode from the first paint", async () => {
    // The document stops after the first language's reader page (as on a slow connection, where
    // Chromium paints what it has): the inline script in <head> has run, the swap has not.
    const held = await heldDocumentServer('<template id="prerendered-reader-');
    try {
      const variants = [
        { query: '', shown: true, header: true },
        { query: '?lang=ar', shown: false, header: true },
        { query: '?embed=1', shown: false, header: true },
        { query: '?present=1', shown: true, header: false },
        { query: '?present=1&chapter=4', shown: true, header: false },
      ];
      for (const { query, shown, header } of variants) {
        const s = await (await browser()).newSession({ width: 600, height: 800 }, held.url);
        const { page } = s;
        const release = held.nextHold();
        await s.open(query, 'commit');
        await page.waitForFunction(() => document.querySelector('#root .app-header'), null, { timeout: 30_000 });
        const partial = await page.evaluate(() => ({
          parsing: document.readyState === 'loading',
          rootVisible: getComputedStyle(document.getElementById('root')!).visibility === 'visible',
          headerShown: getComputedStyle(document.querySelector('#root .app-header')!).display !== 'none',
        }));
        const what = `${query || 'the reader page'} with half its HTML`;
        expect(partial.parsing, `${what}: the document is still arriving`).toBe(true);
        expect(partial.rootVisible, `${what}: the first language's reader page ${shown ? 'shown' : 'hidden'}`).toBe(shown);
        expect(partial.headerShown, `${what}: its header ${header ? 'shown' : 'hidden'}`).toBe(header);
        release();
        await page.waitForFunction(() => document.readyState !== 'loading', null, { timeout: 30_000 });
        const whole = await page.evaluate(() => ({
          rootVisible: getComputedStyle(document.getElementById('root')!).visibility === 'visible',
          lang: document.documentElement.lang,
          mode: document.getElementById('root')!.dataset.mode,
        }));
        expect(whole.rootVisible, `${query}: the page shown once the HTML is in`).toBe(true);
        expect(whole.lang, `${query}: the page's language`).toBe(query.includes('lang=ar') ? 'ar' : 'en');
        expect(whole.mode, `${query}: the page's mode`).toBe(query.includes('embed') ? 'embed' : 'reader');
        await page.close();
      }
    } finally {
      await held.close();
    }
  });
});

/**
 * A server in front of the build whose index.html stops before `marker` until the test releases
 * it; every other file is passed through.
 */
async function heldDocumentServer(
  marker: string,
): Promise<{ url: string; nextHold: () => () => void; close: () => Promise<void> }> {
  const upstream = baseUrl();
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const answer = await fetch(new URL(`.${path}`, upstream));
      const body = Buffer.from(await answer.arrayBuffer());
      const type = answer.headers.get('content-type') ?? 'application/octet-stream';
      if (!type.startsWith('text/html')) {
        res.writeHead(answer.status, { 'content-type': type });
        res.end(body);
        return;
      }
      const html = body.toString('utf8');
      const cut = html.indexOf(marker);
      if (cut < 0) throw new Error(`the built index.html has no ${marker}`);
      res.writeHead(answer.status, { 'content-type': type, 'cache-control': 'no-store' });
      res.write(html.slice(0, cut));
      await gate;
      res.end(html.slice(cut));
    })().catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    nextHold: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
