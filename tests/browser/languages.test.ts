// Arabic and English in the real page: how the language is chosen, what it changes (direction,
// names on the page and on the map, MapLibre's own strings, the side the panel sits on), what
// it must not change (the map itself, the selection, the view), and how it switches.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEvent } from '../../src/domain/load-event.ts';
import { ar } from '../../src/i18n/ar.ts';
import { en } from '../../src/i18n/en.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import {
  appState,
  claimMarker,
  MAP,
  openIdle,
  PARTIES,
  card,
  readView,
  selectButton,
  settledCanvas,
  STATE_CEILING_MS,
  useBrowser,
  waitForMapState,
  waitSelected,
  type Session,
  emulateMedia,
} from './helpers.ts';
import { crop, diffCount, type Image } from './image.ts';
import { project } from './geo.ts';

const event = parseEvent(realEventInput());
const ARABIC_LETTER = /[\u0600-\u06FF]/;
const WIDE = { width: 1280, height: 800 };

const browser = useBrowser();

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));
}

/**
 * Waits for a map built in `lang` to be idle: after a switch the old one is torn down first. A
 * rebuild is a map's first load again: the ceiling is waitForMapState's.
 */
async function waitForMapIn(page: Page, lang: 'en' | 'ar') {
  await page.waitForFunction(
    ({ lang, map }) =>
      document.documentElement.lang === lang &&
      document.documentElement.dataset.mapIdle !== undefined &&
      document.querySelector(map)?.getAttribute('data-map-state') === 'idle' &&
      document.querySelector('[data-testid="claim-marker"]')?.getAttribute('lang') === lang,
    { lang, map: MAP },
    { timeout: 45_000, polling: 100 },
  );
}

/**
 * The camera behind a view box: its centre and its span in longitude. A taller header in one
 * language makes the map shorter, so the box's south and north differ while the camera does not.
 */
function cameraOf([west, south, east, north]: readonly number[]) {
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const lat = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;
  return { lon: (west! + east!) / 2, lat: lat((mercY(south!) + mercY(north!)) / 2), lonSpan: east! - west! };
}

function expectSameCamera(a: readonly number[], b: readonly number[], what: string) {
  const [ca, cb] = [cameraOf(a), cameraOf(b)];
  expect(cb.lon, `${what}: centre longitude`).toBeCloseTo(ca.lon, 3);
  expect(cb.lat, `${what}: centre latitude`).toBeCloseTo(ca.lat, 3);
  expect(cb.lonSpan, `${what}: zoom (longitude span)`).toBeCloseTo(ca.lonSpan, 3);
}

/** The middle `height` rows of an image: the same ground in two maps with one camera. */
const middleRows = (img: Image, height: number): Image => crop(img, 0, Math.floor((img.height - height) / 2), img.width, height);

/** Each place marker's centre, relative to the map's own box. */
async function markerPositions(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate((map) => {
    const box = document.querySelector(map)!.getBoundingClientRect();
    const out: Record<string, [number, number]> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="place-marker"]')) {
      const dot = (el.querySelector('.place-marker-dot') as HTMLElement | null) ?? el;
      const r = dot.getBoundingClientRect();
      if (r.width === 0) continue;
      out[el.dataset.place!] = [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top];
    }
    return out;
  }, MAP);
}

/** What decides the panel's side and whether the map is mirrored, at the page's current state. */
async function layout(page: Page) {
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  return {
    map: await box(MAP),
    panel: await box('.panel'),
    zoom: await box('.maplibregl-ctrl-zoom-in'),
    view: await readView(page),
    markers: await markerPositions(page),
  };
}

/** A page freshly opened with ?lang=ar: Arabic everywhere, MapLibre's own strings, Intl's dates. */
async function expectArabicPage(page: Page): Promise<void> {
  expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl', title: event.title.ar });
  expect(await page.locator('h1').innerText()).toBe(event.title.ar);

  for (const party of PARTIES) {
    const text = await page.locator(card(party)).innerText();
    const version = event.versions.find((v) => v.party === party)!;
    expect(text, `${party} card in Arabic`).toContain(version.speaker.ar);
    expect(text, `${party} card has no English speaker line`).not.toContain(version.speaker.en);
  }

  const markers = await page.$$eval('[data-testid="place-marker"]', (els) =>
    els.map((el) => ({
      id: (el as HTMLElement).dataset.place!,
      text: el.textContent ?? '',
      label: el.getAttribute('aria-label') ?? '',
    })),
  );
  expect(markers.length).toBeGreaterThanOrEqual(5);
  for (const marker of markers) {
    const place = event.places.find((p) => p.id === marker.id)!;
    expect(marker.text, `marker ${marker.id} shows its Arabic name`).toContain(place.name.ar);
    expect(marker.label, `marker ${marker.id} is announced in Arabic`).toContain(place.name.ar);
  }
  for (const party of PARTIES) {
    const badge = page.locator(claimMarker(party));
    expect(await badge.getAttribute('lang')).toBe('ar');
    expect(await badge.innerText()).toContain(ar['map.claimBadge']);
  }

  // MapLibre's own strings come through its `locale` option.
  expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe(ar['maplibre.zoomIn']);
  expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label')).toBe(ar['maplibre.zoomOut']);
  expect(await page.locator('.maplibregl-ctrl-scale').innerText()).toContain(ar['maplibre.kilometers']);
  expect(await page.locator(`${MAP} canvas`).getAttribute('aria-label')).toBe(ar['maplibre.mapTitle']);

  // Dates and times through Intl: Levantine month, Western digits, Damascus time.
  const dateline = await page.locator('.app-dateline time').innerText();
  expect(dateline).toContain('الأحد، 2 كانون الأول 2018');
  expect(dateline).toContain('20:00');
  expect(dateline).toContain('18:00');
}

/** The self-hosted Arabic font among `requests`, all fonts from the page's own origin. */
function expectArabicFontFromOwnOrigin(s: Session, requests: readonly string[]): void {
  const fonts = requests.filter((url) => url.endsWith('.woff2'));
  expect(
    fonts.some((url) => /noto-sans-arabic-arabic-400/.test(url)),
    `Arabic 400 woff2 requested: ${fonts.join(', ')}`,
  ).toBe(true);
  expect(
    fonts.every((url) => url.startsWith(s.origin)),
    'fonts from the page’s own origin',
  ).toBe(true);
}

/** In English: the translation, and the Arabic original one click away. */
async function expectQuotesInEnglish(page: Page): Promise<void> {
  const version = event.versions.find((v) => v.party === 'syrian-government')!;
  const quote = version.quotes[0]!;
  const c = page.locator(card('syrian-government'));
  await c.scrollIntoViewIfNeeded();
  expect(await c.innerText()).toContain(quote.translations.en);
  const original = c.locator('blockquote[lang="ar"]').first();
  expect(await original.isVisible(), 'original hidden at first').toBe(false);
  await c
    .locator('summary', { hasText: en['card.quoteShowOriginal'].replace('{language}', 'Arabic') })
    .first()
    .click();
  expect(await original.isVisible(), 'original shown after one click').toBe(true);
  expect(await original.getAttribute('dir')).toBe('rtl');
  expect(await original.innerText()).toBe(quote.original.text);
}

/** In Arabic: the original, shown, with no translation back from English. */
async function expectQuotesInArabic(page: Page): Promise<void> {
  for (const version of event.versions) {
    const c = page.locator(card(version.party));
    for (const quote of version.quotes) {
      const text = await c.innerText();
      expect(text).toContain(quote.original.text);
      expect(text).not.toContain(quote.translations.en);
    }
  }
}

// One page, opened in English (the browser's language), switched, reloaded, then opened afresh
// with ?lang=ar: each check that is about a freshly opened page runs right after an opening.
describe('English and Arabic on one page', () => {
  it('the language switch is the first Tab stop after the skip link and works with Enter and with a click: the selection and the view stay, the map is rebuilt in the other language, ?lang= goes in the URL; quotes in English; a reload opens in the URL’s language; ?lang=ar opens the Arabic page (direction, title, names on the page and the map, MapLibre’s strings, dates, the self-hosted font, quotes), with the panel on the other side and the map unmirrored', async () => {
    const s = await openIdle(browser, WIDE);
    const { page } = s;
    const english = await layout(page);

    // Reached with the keyboard from the top of a fresh page: the first stop after "Skip the
    // map" (the page's own first stop, skip-link.test.ts), before anything else in the header.
    const tabToNext = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.className ?? null;
      });
    };
    expect(await tabToNext(), 'the first stop: the skip link').toBe('skip-link');
    expect(await tabToNext(), 'the language switch is the next stop').toBe('language-switch');

    // A selection and its view, then the switch, used with Enter.
    await emulateMedia(page, { reducedMotion: 'reduce' });
    await page.click(selectButton('sohr'));
    await waitSelected(page, 'sohr', 'the card button', STATE_CEILING_MS);
    const canvasBefore = await settledCanvas(page);
    const viewBefore = await readView(page);
    const toggle = page.getByTestId('language-switch');
    expect(await toggle.innerText()).toBe(en['lang.switchTo']);
    expect(await toggle.getAttribute('lang')).toBe('ar');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await waitForMapIn(page, 'ar');

    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl', title: event.title.ar });
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    expect(await page.locator(card('sohr')).getAttribute('aria-current'), 'sohr still selected in the panel').toBe('true');
    expect(await page.locator(selectButton('sohr')).innerText()).toBe(ar['card.shown']);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true',
      claimMarker('sohr'),
      {
        timeout: STATE_CEILING_MS,
      },
    );
    expectSameCamera(viewBefore, await readView(page), 'after the switch');

    // The same map at the same camera; only its printed names differ (Arabic country names).
    const canvasAfter = await settledCanvas(page);
    const rows = Math.min(canvasBefore.height, canvasAfter.height) - 2;
    const differing = diffCount(middleRows(canvasBefore, rows), middleRows(canvasAfter, rows));
    const share = differing / (canvasBefore.width * rows);
    console.log(
      `[languages] canvas: ${differing} px (${(share * 100).toFixed(2)} %) differ between English and Arabic at one camera`,
    );
    expect(differing, 'the Arabic canvas prints other names').toBeGreaterThan(200);
    expect(share, 'but draws the same map, not mirrored').toBeLessThan(0.05);

    // And back, with a click on the switch now written in English.
    expect(await toggle.innerText()).toBe(ar['lang.switchTo']);
    await toggle.click();
    await waitForMapIn(page, 'en');
    expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr', title: event.title.en });
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator(card('sohr')).getAttribute('aria-current')).toBe('true');

    await expectQuotesInEnglish(page);

    // A reload opens in the language of the URL.
    await page.goto(page.url().replace('lang=en', 'lang=ar'));
    expect((await documentLanguage(page)).lang).toBe('ar');

    // The Arabic page opened afresh from a plain ?lang=ar: no selection, the opening view, the
    // reader's motion preference back to the browser's.
    await emulateMedia(page, { reducedMotion: null });
    const requestsBefore = s.requests.length;
    await s.open('?lang=ar');
    await waitForMapState(page, 'idle');
    expect((await appState(page)).selection.partyId, 'nothing selected').toBeNull();
    await expectArabicPage(page);
    expectArabicFontFromOwnOrigin(s, s.requests.slice(requestsBefore));
    await expectQuotesInArabic(page);

    // The panel on the other side from English, the zoom buttons too; the map itself unmirrored.
    const arabic = await layout(page);
    expect(english.panel.x, 'English: panel right of the map').toBeGreaterThan(english.map.x);
    expect(arabic.panel.x, 'Arabic: panel left of the map').toBeLessThan(arabic.map.x);
    expect(arabic.map.width, 'the map keeps its size').toBeCloseTo(english.map.width, 0);
    // The zoom buttons follow the reading direction: near the map's outer edge each time.
    expect(english.zoom.x - english.map.x, 'English: zoom at the right').toBeGreaterThan(english.map.width / 2);
    expect(arabic.zoom.x - arabic.map.x, 'Arabic: zoom at the left').toBeLessThan(arabic.map.width / 2);
    // Not mirrored: in both languages every pinned place sits where its longitude and
    // latitude put it on the map's view (east stays east).
    for (const [lang, result] of [
      ['en', english],
      ['ar', arabic],
    ] as const) {
      const ids = Object.keys(result.markers);
      expect(ids.length, `${lang}: pinned places on the map`).toBeGreaterThanOrEqual(5);
      for (const id of ids) {
        const place = event.places.find((p) => p.id === id)!;
        const expected = project(result.view, result.map.width, result.map.height, [place.anchor[0], place.anchor[1]]);
        const [x, y] = result.markers[id]!;
        expect(Math.abs(x - expected.x), `${lang} ${id}: x`).toBeLessThanOrEqual(2);
        expect(Math.abs(y - expected.y), `${lang} ${id}: y`).toBeLessThanOrEqual(2);
      }
    }
    s.expectClean();
  });
});

describe('before any module script has run', () => {
  it('already shows the Arabic page for ?lang=ar: direction, title and cards from the prerendered HTML', async () => {
    const s = await (await browser()).newSession(WIDE);
    const { page } = s;
    await page.route(/\.(m?js)(\?|$)/, (route) => route.abort());
    await s.open('?lang=ar', 'load');
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl', title: event.title.ar });
    for (const version of event.versions) {
      const text = await page.locator(card(version.party)).innerText();
      expect(text).toContain(version.speaker.ar);
    }
    // One copy of the page, not two: the English one was replaced, not hidden.
    expect(await page.locator('article[data-testid="party-card"]').count()).toBe(PARTIES.length);
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('with scripts off entirely, shows the English page once (the Arabic copy stays inert)', async () => {
    const s = await (await browser()).newSession(WIDE);
    const { page } = s;
    // The persistent context is shared; scripts are turned off for this page alone.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await s.open('?lang=ar', 'load');
    expect((await documentLanguage(page)).lang).toBe('en');
    expect(await page.locator('article[data-testid="party-card"]').count()).toBe(PARTIES.length);
    expect(await page.locator('h1').count()).toBe(1);
    expect(ARABIC_LETTER.test(await page.locator('h1').innerText()), 'the heading is English').toBe(false);
  });
});

describe('the browser’s preferred language', () => {
  const arabicBrowser = useBrowser([], { locale: 'ar-SY' });

  it('opens in Arabic with no ?lang=, and in English with ?lang=en', async () => {
    const s = await (await arabicBrowser()).newSession(WIDE);
    const { page } = s;
    await s.open('', 'load');
    expect(await page.evaluate(() => navigator.languages[0])).toMatch(/^ar/);
    expect((await documentLanguage(page)).dir).toBe('rtl');
    await s.open('?lang=en', 'load');
    expect((await documentLanguage(page)).dir).toBe('ltr');
    s.expectClean();
  });

  it('falls back to it, without an error, for a value it does not know', async () => {
    const s = await (await arabicBrowser()).newSession(WIDE);
    const { page } = s;
    for (const bad of [
      '?lang=fr',
      '?lang=',
      '?lang=%3Cscript%3Ealert(1)%3C/script%3E',
      `?lang=${'x'.repeat(5000)}`,
      '?lang=ar-EG',
      '?lang=%E0%A4%A',
    ]) {
      await s.open(bad, 'load');
      expect((await documentLanguage(page)).lang, bad.slice(0, 40)).toBe('ar');
      expect(await page.locator('script:not([src]):not([type])').count(), 'only the one inline script').toBe(1);
    }
    s.expectClean();
  });
});
