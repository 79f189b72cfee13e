// The map's labels never collide and are never cut by the map's edge: at five widths, in
// English and Arabic, at the opening view and after each party's "Show on map", no two visible
// HTML labels (place names, claim badges) overlap, none overlaps a map control, none crosses the
// map's edge; they are set in the page's fonts. One page per language is resized from width to
// width, and "Reset view" (with no version selected) brings back each width's opening view.
// The canvas labels (country names, the 55 km zone) are not in the DOM and the app exposes no
// map object: see the README of this folder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CANVAS,
  MAP,
  STATE_CEILING_MS,
  appState,
  openIdle,
  selectButton,
  useBrowser,
  waitSelected,
  waitSettled,
} from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

const eventJson = JSON.parse(readFileSync(new URL('../../data/events/badia-2018-12-02/event.json', import.meta.url), 'utf8')) as {
  parties: { id: string; shortName: { en: string; ar: string } }[];
};
const SHORT_NAMES = eventJson.parties;
const PARTY_IDS = eventJson.parties.map((p) => p.id);
const WIDTHS = [320, 375, 768, 1280, 1920] as const;
const HEIGHT = 800;
/** A ceiling for one page taken through every width on a loaded 2-core machine, not a timing. */
const PAGE_TEST_TIMEOUT_MS = 400_000;

interface Box {
  name: string;
  kind: 'place' | 'badge' | 'control';
  x: number;
  y: number;
  width: number;
  height: number;
  font: string;
}

interface Measure {
  map: { width: number; height: number };
  labels: Box[];
  controls: Box[];
  hiddenPlaceLabels: number;
  offscreenBadges: number;
}

/** Every label box in the map, relative to the map's container, with what the reader sees. */
async function measure(page: Page): Promise<Measure> {
  return page.evaluate((mapSel) => {
    const map = document.querySelector<HTMLElement>(mapSel)!;
    const origin = map.getBoundingClientRect();
    // Shown: not display:none, visibility:hidden, transparent, nor clipped away (an off-map badge).
    const seen = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      !getComputedStyle(el).clipPath.startsWith('inset(50%');
    const box = (el: Element, kind: 'place' | 'badge' | 'control') => {
      const r = el.getBoundingClientRect();
      return {
        name: (
          el.closest('[data-place]')?.getAttribute('data-place') ??
          el.getAttribute('data-party') ??
          el.className
        ).toString(),
        kind,
        x: r.left - origin.left,
        y: r.top - origin.top,
        width: r.width,
        height: r.height,
        font: getComputedStyle(el).fontFamily,
      };
    };
    const placeLabels = [...map.querySelectorAll('.place-marker-label')];
    const badges = [...map.querySelectorAll('[data-testid="claim-marker"]')];
    return {
      map: { width: map.clientWidth, height: map.clientHeight },
      labels: [
        ...placeLabels.filter(seen).map((el) => box(el, 'place')),
        ...badges.filter(seen).map((el) => box(el, 'badge')),
      ].filter((b) => b.width > 0 && b.height > 0),
      controls: [...map.querySelectorAll('.maplibregl-ctrl')]
        .filter(seen)
        .map((el) => box(el, 'control'))
        .filter((b) => b.width > 0),
      hiddenPlaceLabels: placeLabels.filter((el) => el.closest('button')!.checkVisibility() && !seen(el)).length,
      offscreenBadges: badges.filter((el) => !seen(el)).length,
    };
  }, MAP);
}

const EPS = 0.5;
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > EPS &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > EPS;
const describeBox = (b: Box) => `${b.kind} ${b.name} [${[b.x, b.y, b.width, b.height].map((n) => n.toFixed(1)).join(', ')}]`;

function problems(m: Measure): string[] {
  const out: string[] = [];
  for (const [i, a] of m.labels.entries()) {
    if (a.x < -EPS || a.y < -EPS || a.x + a.width > m.map.width + EPS || a.y + a.height > m.map.height + EPS) {
      out.push(`${describeBox(a)} crosses the map's edge (${m.map.width} × ${m.map.height})`);
    }
    for (const b of m.labels.slice(i + 1)) if (overlap(a, b)) out.push(`${describeBox(a)} overlaps ${describeBox(b)}`);
    for (const c of m.controls) if (overlap(a, c)) out.push(`${describeBox(a)} lies under ${describeBox(c)}`);
  }
  return out;
}

function fontProblems(m: Measure, lang: 'en' | 'ar'): string[] {
  const first = lang === 'ar' ? '"Noto Sans Arabic"' : '"Noto Sans"';
  return m.labels.filter((b) => !b.font.startsWith(first)).map((b) => `${describeBox(b)} is set in ${b.font}`);
}

/**
 * Resizes the page to `width` and brings the map back to its opening view there, as a page
 * opened at that width shows it: no version selected, and the camera fitted to the new size
 * (MapLibre keeps the old centre and zoom on a resize; "Reset view" fits the opening view again).
 */
async function openingViewAt(page: Page, width: number): Promise<void> {
  const { selection } = await appState(page);
  // Pressed again, "Show on map" lets go of the version; the camera stays where it is.
  if (selection.partyId) await page.locator(selectButton(selection.partyId)).click();
  await page.setViewportSize({ width, height: HEIGHT });
  // The map has taken its new size once its canvas is as large as its container.
  await page.waitForFunction(
    ({ map, canvas, width }) => {
      const container = document.querySelector<HTMLElement>(map);
      const c = document.querySelector<HTMLElement>(canvas);
      return (
        innerWidth === width &&
        container !== null &&
        c !== null &&
        c.clientWidth === container.clientWidth &&
        c.clientHeight === container.clientHeight
      );
    },
    { map: MAP, canvas: CANVAS, width },
    { polling: 'raf', timeout: STATE_CEILING_MS },
  );
  await page.locator('[data-testid="reset-view"]').click();
}

describe('map labels: no collisions, nothing cut by the edge', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(
      `${lang}, at ${WIDTHS.join(', ')} × ${HEIGHT}: the opening view and each party's "Show on map"`,
      async () => {
        const s = await openIdle(browser, { width: WIDTHS[0], height: HEIGHT }, `?lang=${lang}`);
        const { page } = s;
        const states: [string, Measure][] = [];
        for (const width of WIDTHS) {
          // The page opened at the first width, on its opening view.
          if (width !== WIDTHS[0]) await openingViewAt(page, width);
          await waitSettled(page);
          const { view, selection } = await appState(page);
          expect(selection.partyId, `${width} px: no version selected at the opening view`).toBeNull();
          expect(view.isHomeCamera, `${width} px: the camera at the opening view`).toBe(true);
          states.push([`${width}px, opening view`, await measure(page)]);
          for (const party of PARTY_IDS) {
            await page.locator(selectButton(party)).click();
            await waitSelected(page, party, `clicking ${party}'s "Show on map"`);
            await waitSettled(page);
            states.push([`${width}px, after ${party}`, await measure(page)]);
          }
        }
        const failures: string[] = [];
        for (const [state, m] of states) {
          const places = m.labels.filter((b) => b.kind === 'place').length;
          const badges = m.labels.filter((b) => b.kind === 'badge').length;
          console.log(
            `[labels] ${lang} ${state}: map ${m.map.width} × ${m.map.height}; ${places} place labels and ${badges} badges shown, ` +
              `${m.hiddenPlaceLabels} place labels hidden (no room, or their place off the map), ${m.offscreenBadges} badges off the map; ${m.controls.length} controls`,
          );
          failures.push(...[...problems(m), ...fontProblems(m, lang)].map((p) => `${state}: ${p}`));
        }
        expect(failures).toEqual([]);
        // Every state shows some labels: a test that found none would pass by measuring nothing.
        for (const [state, m] of states) expect(m.labels.length, `labels shown at ${state}`).toBeGreaterThan(0);
        s.expectClean();
      },
      PAGE_TEST_TIMEOUT_MS,
    );
  }
});

describe("the measured gaps' labels read in their reader's direction", () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: the range reads lowest first (left to right in English, right to left in Arabic), kept so by bidi isolation when a party's short name is in the other script`, async () => {
      const s = await openIdle(browser, { width: 1280, height: HEIGHT }, `?lang=${lang}&layers=claims,rings,context,gaps`);
      const { page } = s;
      await waitSettled(page);
      // The numbers' left edges in each label as drawn, and in a copy whose second party's short
      // name is swapped for one in the other script (a newsroom's own event may keep "ISW" in
      // Arabic, or an Arabic acronym in English): without isolation, its strong direction pulls the
      // range that follows into its own order.
      const foreign = lang === 'ar' ? 'ISW' : 'داعش';
      const labels = await page.evaluate(
        ({ foreign, to }) => {
          const numbersAt = (el: Element) => {
            const out: { n: number; left: number }[] = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
              for (const m of t.data.matchAll(/\d+/g)) {
                const r = document.createRange();
                r.setStart(t, m.index);
                r.setEnd(t, m.index + m[0].length);
                out.push({ n: Number(m[0]), left: r.getBoundingClientRect().left });
              }
            }
            return out;
          };
          return [...document.querySelectorAll('[data-testid="gap-label"]')].map((el) => {
            const copy = el.cloneNode(true) as HTMLElement;
            el.after(copy);
            const name = to[el.getAttribute('data-gap')!.split('--')[1]!]!;
            const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
              const at = t.data.lastIndexOf(name);
              if (at >= 0) t.data = t.data.slice(0, at) + foreign + t.data.slice(at + name.length);
            }
            const swapped = numbersAt(copy);
            const text = copy.textContent;
            copy.remove();
            return { gap: el.getAttribute('data-gap'), text: el.textContent, drawn: numbersAt(el), swapped, swappedText: text };
          });
        },
        { foreign, to: Object.fromEntries(SHORT_NAMES.map((p) => [p.id, p.shortName[lang]])) },
      );
      expect(labels.length, 'gap labels shown').toBeGreaterThan(0);
      for (const label of labels) {
        for (const [what, numbers] of [
          ['as drawn', label.drawn],
          [`with a short name in the other script (${label.swappedText})`, label.swapped],
        ] as const) {
          expect(numbers.length, `${label.gap} ${what}: a range of two numbers in "${label.text}"`).toBe(2);
          const [low, high] = [...numbers].sort((a, b) => a.n - b.n);
          const order = lang === 'ar' ? low!.left > high!.left : low!.left < high!.left;
          expect(
            order,
            `${label.gap} ${what}: ${low!.n} (at ${low!.left.toFixed(0)} px) reads before ${high!.n} (at ${high!.left.toFixed(0)} px) ${lang === 'ar' ? 'from the right' : 'from the left'}`,
          ).toBe(true);
        }
      }
      s.expectClean();
    });
  }
});
