// The URL carries the state: a deep link opens the same party, language and view; Back and
// Forward walk through selections and language switches; the prerendered page is hydrated
// without a warning whatever the URL says, and a hostile URL still gives a working page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PARTIES,
  STATE_CEILING_MS,
  appState,
  card,
  openIdle,
  selectButton,
  selectedParties,
  useBrowser,
  waitForMapState,
  waitSelected,
  waitSettled,
  type AppStateSnapshot,
} from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

type Camera = NonNullable<AppStateSnapshot['view']['camera']>;

/** The map's settled camera, once no move is pending. */
async function settled(page: Page): Promise<{ camera: Camera; isHome: boolean }> {
  await waitSettled(page);
  const { view } = await appState(page);
  expect(view.cameraRequest, 'no camera request left pending').toBeNull();
  return { camera: view.camera!, isHome: view.isHomeCamera };
}

/** Within half a pixel at this zoom: what the URL's rounding allows. */
function expectSameCamera(actual: Camera, expected: Camera, what: string) {
  const pixel = 360 / (512 * 2 ** expected.zoom);
  expect(Math.abs(actual.zoom - expected.zoom), `${what}: zoom`).toBeLessThanOrEqual(0.005);
  expect(Math.abs(actual.center[0] - expected.center[0]), `${what}: longitude`).toBeLessThanOrEqual(pixel);
  expect(Math.abs(actual.center[1] - expected.center[1]), `${what}: latitude`).toBeLessThanOrEqual(pixel);
}

const noCardSelected = () => !document.querySelector('article[data-testid="party-card"][aria-current="true"]');

function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describe('deep links', () => {
  it("links made on the page for each party's version (in Arabic) reopen the same party, language and view", async () => {
    // The links are made one after the other on one page (each "Show on map" frames its party
    // wherever the map was); each is then opened fresh, as a reader following it would.
    const s = await openIdle(browser, undefined, '?lang=ar');
    const links: { party: string; link: string; camera: Camera }[] = [];
    for (const party of PARTIES) {
      await s.page.locator(selectButton(party)).click();
      await waitSelected(s.page, party, `"Show on map" for ${party}`, STATE_CEILING_MS);
      const { camera } = await settled(s.page);
      const link = s.page.url();
      expect(query(s.page)).toMatchObject({ lang: 'ar', party });
      expect(query(s.page).map, 'the framed view is in the link').toMatch(/^\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/);
      console.log(`[url] ${party}: ${new URL(link).search}`);
      links.push({ party, link, camera });
    }
    s.expectClean();

    for (const { party, link, camera } of links) {
      const t = await (await browser()).newSession();
      await t.page.goto(link);
      await waitForMapState(t.page, 'idle');
      await waitSelected(t.page, party, `opening ${new URL(link).search}`, STATE_CEILING_MS);
      expect(await t.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      const reopened = await settled(t.page);
      expectSameCamera(reopened.camera, camera, `${party}'s link`);
      expect(t.page.url(), 'opening a link does not rewrite it').toBe(link);
      const heading = await t.page.locator(`${card(party)} h3`).boundingBox();
      const viewport = t.page.viewportSize()!;
      expect(heading, `${party}'s card heading is rendered`).not.toBeNull();
      expect(heading!.y >= 0 && heading!.y + heading!.height <= viewport.height, `${party}'s card is in view`).toBe(true);
      t.expectClean();
      // Done with: its map need not keep the machine busy while the next link loads.
      await t.page.close();
    }
  });

  it('a fragment naming a party (#id) selects it and frames its place', async () => {
    const party = PARTIES[PARTIES.length - 1]!;
    const s = await openIdle(browser, undefined, `#${party}`);
    await waitSelected(s.page, party, `opening #${party}`, STATE_CEILING_MS);
    const { isHome } = await settled(s.page);
    expect(isHome, 'the camera framed the party, not the opening view').toBe(false);
    s.expectClean();
  });
});

describe('Back and Forward', () => {
  it('walk through selections and language switches and restore each, on the same page', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    const home = await settled(page);
    expect(home.isHome).toBe(true);

    const [first, second] = [PARTIES[0], PARTIES[2]];
    await page.locator(selectButton(first)).click();
    await waitSelected(page, first, `"Show on map" for ${first}`, STATE_CEILING_MS);
    const firstView = await settled(page);
    await page.locator(selectButton(second)).click();
    await waitSelected(page, second, `"Show on map" for ${second}`, STATE_CEILING_MS);
    const secondView = await settled(page);
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar', null, { timeout: STATE_CEILING_MS });
    await waitForMapState(page, 'idle');
    expect(query(page)).toMatchObject({ lang: 'ar', party: second });

    const expectAt = async (lang: string, party: string | null, view: { camera: Camera }, step: string) => {
      await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: STATE_CEILING_MS });
      if (party) await waitSelected(page, party, step, STATE_CEILING_MS);
      else await page.waitForFunction(noCardSelected, null, { timeout: STATE_CEILING_MS });
      await waitForMapState(page, 'idle');
      expect(await selectedParties(page), step).toEqual(party ? [party] : []);
      const reached = await settled(page);
      expectSameCamera(reached.camera, view.camera, step);
      return reached;
    };

    await page.goBack();
    await expectAt('en', second, secondView, 'Back to before the language switch');
    await page.goBack();
    await expectAt('en', first, firstView, `Back to ${first}`);
    await page.goBack();
    const opening = await expectAt('en', null, home, 'Back to the opening state');
    expect(opening.isHome, 'the opening view again').toBe(true);
    await page.goForward();
    await expectAt('en', first, firstView, `Forward to ${first}`);
    await page.goForward();
    await page.goForward();
    await expectAt('ar', second, secondView, 'Forward to the Arabic page');
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage), 'no reload').toBe(true);
    s.expectClean();
  });
});

/**
 * React reports a hydration mismatch only in its development build (the production build
 * stays silent), so these tests build the app once more in development mode, prerender
 * included, and serve it beside the production build.
 */
function useDevelopmentBuild(): () => string {
  let dir = '';
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'badia-dev-build-'));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    // The project's config without its precompress plugin: the .gz and .br siblings it writes
    // (brotli at its slowest setting, over unminified code) are never served by serveStatic,
    // and are the build's longest step. Everything the page is made of is built as usual.
    const config = join(dir, 'vite.config.mjs');
    const outDir = join(dir, 'dist');
    writeFileSync(
      config,
      [
        `import config from ${JSON.stringify(pathToFileURL(join(root, 'vite.config.ts')).href)};`,
        "export default { ...config, plugins: config.plugins.flat(Infinity).filter((p) => p && p.name !== 'precompress') };",
      ].join('\n'),
    );
    const r = spawnSync(
      process.execPath,
      [vite, 'build', '--config', config, '--mode', 'development', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'development' },
      },
    );
    if (r.status !== 0) throw new Error(`the development build failed (exit ${r.status ?? r.signal})`);
    const { serveStatic } = (await import(new URL('../../scripts/serve-static.mjs', import.meta.url).href)) as {
      serveStatic: (root: string, opts: { port: number }) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    server = await serveStatic(outDir, { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('the development build is not served');
    return server.url;
  };
}

describe('hydration and hostile URLs (React development build)', () => {
  const developmentUrl = useDevelopmentBuild();

  // Each URL with the language and party the page must then show.
  const urls: [url: string, lang: string, party: string | null][] = [
    ['', 'en', null],
    ['?lang=ar', 'ar', null],
    [`?party=${PARTIES[1]}`, 'en', PARTIES[1]],
    [`?lang=ar&party=${PARTIES[0]}&map=7.5/34.2/38.1`, 'ar', PARTIES[0]],
    [`#${PARTIES[2]}`, 'en', PARTIES[2]],
    // An article's embed is prerendered too (scripts/vite-plugins/prerender.ts).
    ['?embed=1', 'en', null],
    [`?embed=1&lang=ar&party=${PARTIES[2]}`, 'ar', PARTIES[2]],
    ['?childId=graphic&initialWidth=320&parentUrl=https%3A%2F%2Fnews.example%2F#?secret=abc', 'en', null],
    ['?lang=<script>alert(1)</script>&party=%E0%A4%A&map=NaN/Infinity/1e308', 'en', null],
    // Long, but under the 8 KB request line that web servers accept (nginx's default); the
    // parser's own tests go to a million characters.
    [`?party=${'x'.repeat(4_000)}&map=99/99/999/999&lang=ar&lang=en`, 'ar', null],
  ];
  for (const [url, lang, party] of urls) {
    it(`hydrates the prerendered page with no warning and works: ${JSON.stringify(url.slice(0, 60))}`, async () => {
      const s = await (await browser()).newSession(undefined, developmentUrl());
      const { page } = s;
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      // Remember the prerendered heading as the page's inline script adds the app's scripts
      // (after it has shown the URL's language and mode), before they run: hydration keeps
      // the same element, a client render would replace it.
      await page.addInitScript(() => {
        new MutationObserver((records, observer) => {
          const added = records.flatMap((record) => [...record.addedNodes]);
          if (!added.some((node) => node instanceof HTMLScriptElement && node.type === 'module')) return;
          observer.disconnect();
          (window as unknown as { __prerendered: Element | null }).__prerendered = document.querySelector('#root h1');
        }).observe(document, { childList: true, subtree: true });
      });
      await s.open(url);
      await waitForMapState(page, 'idle');
      const kept = await page.evaluate(() => {
        const first = (window as unknown as { __prerendered?: Element | null }).__prerendered;
        return first != null && first === document.querySelector('#root h1');
      });
      expect(kept, 'the prerendered markup was hydrated, not replaced').toBe(true);
      // React's production build neither reports nor repairs an attribute that differs from
      // the server's HTML: the page must show the URL's state, not only survive it.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      if (party) await waitSelected(page, party, `opening ${url}`, STATE_CEILING_MS);
      expect(await selectedParties(page), 'the selected cards').toEqual(party ? [party] : []);
      if (party) {
        const pressed = await page.locator(`${selectButton(party)}[aria-pressed="true"]`).count();
        expect(pressed, `${party}'s "Show on map" is pressed`).toBe(1);
      }
      for (const party of PARTIES) expect(await page.locator(card(party)).isVisible(), `${party}'s card`).toBe(true);
      expect(dialogs, 'no dialog opened').toBe(0);
      expect(await page.locator('script:not([src]):not([type])').count(), 'only the build-time inline script').toBe(1);
      s.expectClean();
    });
  }
});
