// The map's labels never collide and are never cut by the map's edge: at five widths, in
// English and Arabic, at the opening view and after each party's "Show on map", no two visible
// HTML labels (place names, claim badges) overlap, none overlaps a map control, none crosses the
// map's edge; they are set in the page's fonts. The canvas labels (country names, the 55 km
// zone) are not in the DOM and the app exposes no map object: see the README of this folder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAP, openIdle, selectButton, useBrowser, waitSelected, waitSettled } from './helpers.ts';

const browser = useBrowser();

const eventJson = JSON.parse(readFileSync(new URL('../../data/events/badia-2018-12-02/event.json', import.meta.url), 'utf8')) as {
  parties: { id: string }[];
};
const PARTY_IDS = eventJson.parties.map((p) => p.id);
const WIDTHS = [320, 375, 768, 1280, 1920] as const;
const HEIGHT = 800;

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

describe('map labels: no collisions, nothing cut by the edge', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const width of WIDTHS) {
      it(`${lang}, ${width} × ${HEIGHT}: the opening view and each party's "Show on map"`, async () => {
        const s = await openIdle(browser, { width, height: HEIGHT }, `?lang=${lang}`);
        const { page } = s;
        await waitSettled(page);
        const states: [string, Measure][] = [['opening view', await measure(page)]];
        for (const party of PARTY_IDS) {
          await page.locator(selectButton(party)).click();
          await waitSelected(page, party, `clicking ${party}'s "Show on map"`);
          await waitSettled(page);
          states.push([`after ${party}`, await measure(page)]);
        }
        const failures: string[] = [];
        for (const [state, m] of states) {
          const places = m.labels.filter((b) => b.kind === 'place').length;
          const badges = m.labels.filter((b) => b.kind === 'badge').length;
          console.log(
            `[labels] ${lang} ${width}px, ${state}: map ${m.map.width} × ${m.map.height}; ${places} place labels and ${badges} badges shown, ` +
              `${m.hiddenPlaceLabels} place labels hidden (no room, or their place off the map), ${m.offscreenBadges} badges off the map; ${m.controls.length} controls`,
          );
          failures.push(...[...problems(m), ...fontProblems(m, lang)].map((p) => `${state}: ${p}`));
        }
        expect(failures).toEqual([]);
        // Every state shows some labels: a test that found none would pass by measuring nothing.
        for (const [state, m] of states) expect(m.labels.length, `labels shown at ${state}`).toBeGreaterThan(0);
        s.expectClean();
      }, 120_000);
    }
  }
});
