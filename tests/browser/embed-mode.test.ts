// The page as a news article's <iframe> shows it (?embed=1, and its flags), and the Embed dialog
// that writes the code for it. The frame's height messages and real host pages are in
// embed-hosts.test.ts.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEvent } from '../../src/domain/load-event.ts';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import { roundCamera } from '../../src/store/url-params.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { pixel } from './image.ts';
import { contrastRatio } from '../../src/map/ink.ts';
import {
  CANVAS,
  MAP,
  NO_WEBGL_ARGS,
  STATE_CEILING_MS,
  appState,
  axeViolations,
  canvasImage,
  card,
  claimMarker,
  openIdle,
  scrollSettled,
  selectButton,
  settledCamera,
  useBrowser,
  waitForMapState,
  waitSelected,
  waitSettled,
  emulateMedia,
} from './helpers.ts';

const event = parseEvent(realEventInput());
// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The widths each language's page is checked at, in order: loaded at the first, resized to the others. */
const WIDTHS = { en: [320, 640, 1280], ar: [1280, 320, 640] } as const;
const EMBED_HEIGHT = 700;

/** Everything the compact page must show at the page's current width. */
async function expectCompactPage(page: Page, lang: 'en' | 'ar', width: number): Promise<void> {
  const t = lang === 'en' ? en : ar;
  const at = `${lang}, ${width} px`;
  expect(await page.evaluate(() => innerWidth), `the page is ${width} px wide`).toBe(width);
  expect(await page.locator('[data-testid="embed"]').count()).toBe(1);
  expect(await page.locator('h1').innerText()).toBe(event.title[lang]);
  expect(await page.locator('.app-dateline').count(), `no reader chrome (${at})`).toBe(0);
  // Every party, the same compact card each: target and place in one line, the rest one click away.
  for (const party of event.parties) {
    const c = page.locator(card(party.id));
    expect(await c.getAttribute('class')).toContain('party-card--compact');
    const version = event.versions.find((v) => v.party === party.id)!;
    expect(await c.innerText()).toContain(version.target[lang]);
    const more = c.locator('details.party-card-more');
    expect(await more.locator('> summary').innerText()).toContain(t['card.more']);
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  }
  expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(t['map.attribution']);
  const full = page.locator('a.embed-open-full');
  expect(await full.getAttribute('target')).toBe('_blank');
  const href = new URL((await full.getAttribute('href'))!, page.url());
  expect(href.searchParams.get('embed'), 'the full map is not an embed').toBeNull();
  expect(href.searchParams.get('lang')).toBe(lang);
  expect(await noHorizontalScroll(page), `no horizontal scroll (${at})`).toBe(true);
  // Sized by its content: the page is not stretched to the viewport, nor cut by it.
  const rootHeight = await page.evaluate(() => document.getElementById('root')!.getBoundingClientRect().height);
  const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(Math.abs(scrollHeight - Math.max(EMBED_HEIGHT, Math.ceil(rootHeight))), `content-sized (${at})`).toBeLessThanOrEqual(2);
  expect(await axeViolations(page), `axe (${at})`).toEqual([]);
}

/**
 * Resizes the page, then waits for the map to have taken its box's new size (MapLibre sizes its
 * canvas to its container in a ResizeObserver callback, and relabels then) and to be at rest.
 */
async function resizeTo(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: EMBED_HEIGHT });
  await page.waitForFunction(
    (sel) => {
      const canvas = document.querySelector<HTMLElement>(sel);
      const box = canvas?.closest<HTMLElement>('.maplibregl-map');
      return (
        !!canvas && !!box && canvas.style.width === `${box.clientWidth}px` && canvas.style.height === `${box.clientHeight}px`
      );
    },
    CANVAS,
    { timeout: STATE_CEILING_MS },
  );
  await waitSettled(page);
}

const GESTURE_SCREEN = `${MAP} .maplibregl-cooperative-gesture-screen`;

/**
 * Starts recording whether MapLibre shows its cooperative-gesture hint: it does so (for 100 ms)
 * exactly when it has received a gesture and refused it, which is the evidence that a wheel was
 * handled by the map, and not simply lost, before we check that the map did not move.
 */
async function recordGestureHint(page: Page): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __hintShown: boolean };
    w.__hintShown = false;
    const screen = document.querySelector(sel)!;
    new MutationObserver(() => {
      if (screen.classList.contains('maplibregl-show')) w.__hintShown = true;
    }).observe(screen, { attributes: true, attributeFilter: ['class'] });
  }, GESTURE_SCREEN);
}

/**
 * Issue 24 item 9: at 680 px the cards sit two in a row; one opened to its whole version must not
 * stretch its neighbour into a tall empty box. Each card ends within its padding of its content.
 */
async function expectNoStretchedCards(page: Page, lang: 'en' | 'ar'): Promise<void> {
  await resizeTo(page, 680);
  const first = page.locator(`${card(event.parties[0]!.id)} details.party-card-more`);
  await first.locator('> summary').click();
  expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  const cards = await page.locator('[data-testid="party-card"]').evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const last = el.lastElementChild!.getBoundingClientRect();
      return { party: el.getAttribute('data-party'), top: Math.round(box.top), empty: Math.round(box.bottom - last.bottom) };
    }),
  );
  expect(
    new Set(cards.map((c) => c.top)).size,
    `two cards share a row at 680 px (${lang}): ${JSON.stringify(cards)}`,
  ).toBeLessThan(cards.length);
  for (const c of cards) expect(c.empty, `${c.party}'s card ends at its content at 680 px (${lang})`).toBeLessThanOrEqual(24);
  await first.locator('> summary').click();
}

describe('?embed=1', () => {
  for (const lang of ['en', 'ar'] as const) {
    const widths = WIDTHS[lang];
    it(`shows the compact page in ${lang} at ${widths.join(', ')} px (title, map, every version, credits, attribution, a way to the full map), and lets the host page scroll past the map: cooperative gestures, with their hint in ${lang}`, async () => {
      const t = lang === 'en' ? en : ar;
      // One page per language: a fresh load at the first width, the others by resizing it (the
      // layout is responsive; a resize is as real as a load for it). Each width is checked once
      // the map, resized and relabelled, is at rest, for axe to see the page as the reader does.
      const s = await openIdle(browser, { width: widths[0], height: EMBED_HEIGHT }, `?embed=1&lang=${lang}`);
      const { page } = s;
      for (const [step, width] of widths.entries()) {
        if (step > 0) await resizeTo(page, width);
        await expectCompactPage(page, lang, width);
      }
      await expectNoStretchedCards(page, lang);

      // A plain wheel over the map is the host page's (it scrolls the article), never a zoom.
      expect(await page.locator(GESTURE_SCREEN).count()).toBe(1);
      expect(await page.locator(GESTURE_SCREEN).innerText()).toContain(t['maplibre.cooperativeWindows'].split(' ')[0]!);
      // At rest since the last resize.
      const before = await settledCamera(page);
      await page.locator(CANVAS).scrollIntoViewIfNeeded();
      await scrollSettled(page);
      await recordGestureHint(page);
      const box = (await page.locator(CANVAS).boundingBox())!;
      const [top, bottom] = [Math.max(box.y, 0), Math.min(box.y + box.height, EMBED_HEIGHT)];
      expect(bottom - top, 'some of the map is on screen').toBeGreaterThan(40);
      await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
      await page.mouse.wheel(0, 400);
      await page.waitForFunction(() => (window as unknown as { __hintShown: boolean }).__hintShown, null, {
        timeout: STATE_CEILING_MS,
      });
      await waitSettled(page);
      expect(await settledCamera(page), 'a plain wheel does not zoom the map').toBe(before);
      s.expectClean();
    });
  }

  it('opens the same party, language and view as the link it was made from', async () => {
    const s = await openIdle(browser, { width: 640, height: 700 }, '?lang=ar');
    const { page } = s;
    const party = event.parties.at(-1)!.id;
    await page.locator(selectButton(party)).click();
    await waitSelected(page, party, 'Show on map', STATE_CEILING_MS);
    await waitSettled(page);
    // The camera at the precision a URL keeps: what the link can carry.
    const camera = JSON.stringify(roundCamera((await appState(page)).view.camera!));
    const query = new URL(page.url()).search;

    const embed = await (await browser()).newSession({ width: 640, height: 700 });
    await embed.open(`${query}&embed=1`);
    await waitForMapState(embed.page, 'idle');
    await waitSelected(embed.page, party, 'opening the embed link', STATE_CEILING_MS);
    await waitSettled(embed.page);
    const state = await appState(embed.page);
    expect(state.view.lang).toBe('ar');
    expect(state.selection.partyId).toBe(party);
    expect(JSON.stringify(roundCamera(state.view.camera!))).toBe(camera);
    expect(await embed.page.locator('[data-testid="embed"]').count()).toBe(1);
    s.expectClean();
    embed.expectClean();
  });

  it('static=1: the map does not move under the pointer, and still follows the versions', async () => {
    const s = await openIdle(browser, { width: 640, height: 700 }, '?embed=1&static=1');
    const { page } = s;
    const before = await settledCamera(page);
    const box = (await page.locator(CANVAS).boundingBox())!;
    // The page's own record of the input, so that the check below follows the input's arrival.
    await page.evaluate(() => {
      const w = window as unknown as { __inputSeen: string[] };
      w.__inputSeen = [];
      for (const type of ['pointerup', 'keyup']) addEventListener(type, () => w.__inputSeen.push(type), true);
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 8 });
    await page.mouse.up();
    // "=" zooms a map that has focus (MapLibre's keyboard handler ignores it with Ctrl held). A
    // static map's canvas takes no focus, so the key reaches no map.
    await page.locator(CANVAS).focus();
    await page.keyboard.press('Equal');
    await page.waitForFunction(
      () => ['pointerup', 'keyup'].every((t) => (window as unknown as { __inputSeen: string[] }).__inputSeen.includes(t)),
      null,
      { timeout: STATE_CEILING_MS },
    );
    // Any move the drag had started (a pan, its inertia) ends before the map is at rest again.
    await waitSettled(page);
    expect(await settledCamera(page), 'dragging does not pan').toBe(before);
    const party = event.parties[0]!.id;
    await page.locator(selectButton(party)).click();
    await waitSelected(page, party, 'Show on map with static=1', STATE_CEILING_MS);
    await waitSettled(page);
    expect(await settledCamera(page), 'the version is still framed').not.toBe(before);
    s.expectClean();
  });

  it('plain=1: no header and no credits, but the map, every version, the attribution and the way out', async () => {
    const s = await openIdle(browser, { width: 640, height: 700 }, '?embed=1&plain=1');
    const { page } = s;
    expect(await page.locator('h1').count()).toBe(0);
    expect(await page.locator('.embed-credits').count()).toBe(0);
    expect(await page.locator('article[data-testid="party-card"]').count()).toBe(event.parties.length);
    expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain(en['map.attribution']);
    expect(await page.locator('a.embed-open-full').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    s.expectClean();
  });

  for (const [query, scheme, lang] of [
    ['?embed=1&theme=dark', 'light', 'en'],
    ['?embed=1&theme=auto&lang=ar', 'dark', 'ar'],
  ] as const) {
    it(`${query} with a ${scheme} system: dark page and dark basemap, still AA; the card's small map dark too, at 3:1, with a scale bar`, async () => {
      const session = await (await browser()).newSession({ width: 640, height: 700 });
      await emulateMedia(session.page, { colorScheme: scheme });
      await session.open(query);
      await waitForMapState(session.page, 'idle');
      const { page } = session;
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.embed-app')!).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!, `dark page background (${background})`).toBeLessThan(150);
      // The canvas as the reader sees it, at its first idle (every tile drawn). Not WebGL's
      // readPixels: without preserveDrawingBuffer it reads zeros once a frame is on screen, which
      // any basemap would pass. The light basemap's corner sums to about 730 here.
      const map = await canvasImage(page);
      const corner = pixel(map, 4, map.height - 5);
      expect(
        corner.slice(0, 3).reduce((a, c) => a + c, 0),
        `a dark basemap corner (${corner.join(',')})`,
      ).toBeLessThan(300);
      expect(await axeViolations(page)).toEqual([]);
      await expectDarkInset(page, lang);
      session.expectClean();
    });
  }
});

/**
 * On a phone-sized embed scrolled to SANA's card (the map off screen, no host to scroll it),
 * "Show on map" shows the claim's small map in the card: drawn in the dark palette, the claim's
 * outline and the places' marks at 3:1 or more against the ground (WCAG 1.4.11, as the live dark
 * map), the names' ink at 4.5:1 on their halo, and a scale bar in the reader's language, at the
 * bottom corner where the live map's scale sits (left in English, right in Arabic).
 */
async function expectDarkInset(page: Page, lang: 'en' | 'ar'): Promise<void> {
  const party = 'syrian-government';
  await page.setViewportSize({ width: 375, height: 600 });
  await page.locator(card(party)).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await scrollSettled(page);
  await page.locator(selectButton(party)).click();
  const inset = page.locator(`${card(party)} [data-testid="claim-inset"]`);
  await inset.waitFor({ state: 'visible', timeout: STATE_CEILING_MS });
  // The basemap's files arrive after the inset is shown (later on a loaded machine): until then
  // the claim's own area is the only path.
  await inset.locator('[data-ground="land"]').first().waitFor({ state: 'attached', timeout: STATE_CEILING_MS });
  const drawn = await inset.evaluate((figure) => {
    const attr = (selector: string, name: string) => figure.querySelector(selector)?.getAttribute(name) ?? null;
    const svg = figure.querySelector('svg')!.getBoundingClientRect();
    const bar = figure.querySelector('[data-testid="claim-inset-scale"]');
    const barBox = bar?.getBoundingClientRect();
    return {
      sea: attr('[data-ground="sea"], svg > g > rect', 'fill'),
      land: attr('[data-ground="land"], svg > g > path', 'fill'),
      outline: attr('.claim-inset-outline, path[stroke-linecap="round"]', 'stroke'),
      dot: attr('circle', 'fill'),
      name: attr('.claim-inset-place, text', 'fill'),
      halo: attr('.claim-inset-place, text', 'stroke'),
      scale: bar
        ? {
            text: bar.textContent ?? '',
            km: bar.getAttribute('data-km'),
            stroke: bar.querySelectorAll('path')[1]?.getAttribute('stroke') ?? null,
            middle: (barBox!.left + barBox!.right) / 2 - svg.left,
            width: svg.width,
          }
        : null,
    };
  });
  const colours = [drawn.sea, drawn.land, drawn.outline, drawn.dot, drawn.name, drawn.halo];
  expect(
    colours.every((c) => c !== null && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(c)),
    `colours drawn: ${JSON.stringify(drawn)}`,
  ).toBe(true);
  // #rgb as #rrggbb, for contrastRatio.
  const long = (c: string) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c);
  const [sea, land, outline, dot, name, halo] = (colours as string[]).map(long) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // A dark ground: at most twice black's luminance contrast (the light map's land is 17:1 from black).
  const grounds: [string, string][] = [
    ['sea', sea],
    ['land', land],
  ];
  for (const [what, ground] of grounds) {
    expect(contrastRatio(ground, '#000000'), `${lang}: the small map's ${what} is dark (${ground})`).toBeLessThan(2);
    expect(
      contrastRatio(outline!, ground),
      `${lang}: the claim's outline ${outline} on the ${what} ${ground}`,
    ).toBeGreaterThanOrEqual(3);
  }
  expect(contrastRatio(dot!, land!), `${lang}: a place's dot ${dot} on the land ${land}`).toBeGreaterThanOrEqual(3);
  expect(contrastRatio(name!, halo!), `${lang}: a place's name ${name} on its halo ${halo}`).toBeGreaterThanOrEqual(4.5);

  expect(drawn.scale, `${lang}: the small map has a scale bar`).not.toBeNull();
  const scale = drawn.scale!;
  expect(scale.text, `${lang}: the scale bar's length in the reader's language`).toMatch(
    lang === 'ar' ? /\d+\s*كم/ : /^\d+\s*km$/,
  );
  expect(scale.text).toContain(scale.km);
  expect(contrastRatio(scale.stroke ?? '#000000', land!), `${lang}: the scale bar's ink on the land`).toBeGreaterThanOrEqual(3);
  if (lang === 'ar') expect(scale.middle, 'Arabic: the scale bar on the right').toBeGreaterThan(scale.width / 2);
  else expect(scale.middle, 'English: the scale bar on the left').toBeLessThan(scale.width / 2);
}

describe('?embed=1 without WebGL', () => {
  const noWebGl = useBrowser([...NO_WEBGL_ARGS]);
  for (const lang of ['en', 'ar'] as const) {
    it(`still gives the static map and every version (${lang}, 320 px)`, async () => {
      const s = await (await noWebGl()).newSession({ width: 320, height: 640 });
      await s.open(`?embed=1&lang=${lang}`);
      await waitForMapState(s.page, 'static');
      expect(await s.page.locator('[data-testid="static-map"] svg').count()).toBe(1);
      for (const party of event.parties) expect(await s.page.locator(card(party.id)).isVisible()).toBe(true);
      expect(await noHorizontalScroll(s.page)).toBe(true);
      s.expectClean();
    });
  }
});

/** The Embed dialog's modal behaviour in the page's language, ending with the dialog closed. */
async function expectModalDialog(page: Page, lang: 'en' | 'ar'): Promise<void> {
  const t = lang === 'en' ? en : ar;
  const opener = page.locator('[data-testid="embed-button"]');
  expect(await opener.innerText()).toBe(t['embed.button']);
  await opener.click();
  const dialog = page.locator('[data-testid="embed-dialog"]');
  await dialog.waitFor({ state: 'visible' });
  expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'focus is inside').toBe(true);
  expect(await dialog.locator('h2').innerText()).toBe(t['embed.dialogTitle']);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'Tab stays inside').toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('embed-button');
}

// One page per language: the modal checks first, on the untouched page, then the copy buttons
// (which change the page: a selection, a clipboard that refuses).
describe('the Embed dialog', () => {
  it('is a real modal in ar (focus moves in, Esc closes it, focus returns to its button), then writes the code for the state on screen, in its language, and copies it (and the link)', async () => {
    const s = await openIdle(browser, { width: 1280, height: 800 }, '?lang=ar');
    const { page } = s;
    await expectModalDialog(page, 'ar');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
    const party = event.parties[1]!.id;
    await page.locator(claimMarker(party)).click();
    await waitSelected(page, party, 'a click on its badge', STATE_CEILING_MS);
    await page.locator('[data-testid="embed-button"]').click();
    const code = await page.locator('[data-testid="embed-code"]').inputValue();
    // Parsed on a blank page, as a CMS would: parsed in the app's page, its style attribute would
    // trip the app's own CSP.
    const blank = await page.context().newPage();
    const doc = await blank.evaluate((html) => {
      const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
      return (
        frame && { src: frame.src, title: frame.title, loading: frame.loading, allow: frame.allow, full: frame.allowFullscreen }
      );
    }, code);
    await blank.close();
    expect(doc).toMatchObject({ loading: 'lazy', allow: 'fullscreen', full: true });
    expect(doc!.title).toBe(ar['embed.frameTitle'].replace('{title}', event.title.ar));
    const src = new URL(doc!.src);
    expect(src.origin).toBe(s.origin);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('lang')).toBe('ar');
    expect(src.searchParams.get('party')).toBe(party);
    expect(code).toContain(`${s.origin}/embed.js`);
    // Issue 24 item 9: the Arabic title is a line of its own in the left-to-right box, a bidi
    // paragraph that cannot be reordered with the attributes around it.
    const titleLine = code.split('\n').find((line) => line.includes('title="'));
    expect(titleLine?.trim(), 'the title attribute alone on its line').toBe(`title="${doc!.title}"`);
    expect(await page.locator('[data-testid="embed-code"]').getAttribute('dir')).toBe('ltr');
    await page.locator('[data-testid="copy-code"]').click();
    await page.locator('[data-testid="embed-status"]', { hasText: ar['embed.copied'] }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    // Without the script, for a CMS that strips scripts anyway.
    await page.locator('.embed-option input').uncheck();
    expect(await page.locator('[data-testid="embed-code"]').inputValue()).not.toContain('<script');

    await page.locator('[data-testid="copy-link"]').click();
    await page.locator('[data-testid="embed-status"]', { hasText: ar['embed.linkCopied'] }).waitFor();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.searchParams.get('party')).toBe(party);
    expect(link.searchParams.get('embed')).toBeNull();
    s.expectClean();
  });

  it('is a real modal in en (focus moves in, Esc closes it, focus returns to its button), then says what to do when the browser refuses to copy, with the code selected', async () => {
    const s = await openIdle(browser, { width: 1280, height: 800 }, '?lang=en');
    const { page } = s;
    await expectModalDialog(page, 'en');

    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    });
    await page.locator('[data-testid="embed-button"]').click();
    await page.locator('[data-testid="copy-code"]').click();
    await page.locator('[data-testid="embed-status"]', { hasText: en['embed.copyFailed'] }).waitFor();
    const selected = await page.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('[data-testid="embed-code"]')!;
      return document.activeElement === field && field.selectionEnd - field.selectionStart === field.value.length;
    });
    expect(selected, 'the whole code is selected for Ctrl+C').toBe(true);
    s.expectClean();
  });
});
