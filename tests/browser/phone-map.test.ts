// The map on a 320 px phone (issue 24, item 9), in English and Arabic, from the opening view and
// after the page is narrowed from 1440 px without "Reset view": the three claim badges and the
// event's places (the al-Tanf garrison among them) lie inside the map with no two overlapping,
// each at least CONTROL_CLEARANCE px from every map control; no point inside SANA's or SOHR's
// claim lies under "Reset view" (the coalition's Badia covers most of the map at any view); and
// axe finds no violation (target size, WCAG 2.5.8, among them). One page per case.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CANVAS,
  MAP,
  STATE_CEILING_MS,
  appState,
  axeViolations,
  openIdle,
  readView,
  useBrowser,
  waitSettled,
} from './helpers.ts';
import { claimPoints, project } from './geo.ts';

// Where things end up is what counts here, not a flight there.
const browser = useBrowser([], { reducedMotion: 'reduce' });

const PHONE = { width: 320, height: 640 } as const;
const LAPTOP = { width: 1440, height: 900 } as const;
/** The least room between a badge or a place and a map control (px): touching reads as one thing. */
const CONTROL_CLEARANCE = 4;
const EPS = 0.5;

interface Box {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Measure {
  readonly map: { readonly width: number; readonly height: number };
  /** Claim badges, place dots (their 24 px targets) and the place names shown beside them. */
  readonly marks: readonly Box[];
  readonly controls: readonly Box[];
  readonly resetView: Box;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate((mapSel) => {
    const map = document.querySelector<HTMLElement>(mapSel)!;
    const origin = map.getBoundingClientRect();
    const seen = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      !getComputedStyle(el).clipPath.startsWith('inset(50%') &&
      el.getBoundingClientRect().width > 0;
    const box = (el: Element, name: string) => {
      const r = el.getBoundingClientRect();
      return { name, x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
    };
    const marks = [
      ...[...map.querySelectorAll('[data-testid="claim-marker"]')]
        .filter(seen)
        .map((el) => box(el, `badge ${el.getAttribute('data-party')}`)),
      ...[...map.querySelectorAll<HTMLElement>('[data-testid="place-marker"]')].filter(seen).flatMap((el) => {
        const label = el.querySelector('.place-marker-label');
        return [
          box(el.querySelector('.place-marker-dot') ?? el, `place ${el.dataset.place}`),
          ...(label && seen(label) ? [box(label, `name of ${el.dataset.place}`)] : []),
        ];
      }),
    ];
    const controls = [...map.querySelectorAll('.maplibregl-ctrl')].filter(seen).map((el) => box(el, el.className));
    const reset = map.querySelector('[data-testid="reset-view"]')!;
    return { map: { width: map.clientWidth, height: map.clientHeight }, marks, controls, resetView: box(reset, 'Reset view') };
  }, MAP);
}

const overlap = (a: Box, b: Box, by = 0) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > -by + EPS &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > -by + EPS;
const show = (b: Box) => `${b.name} [${[b.x, b.y, b.width, b.height].map((n) => n.toFixed(0)).join(', ')}]`;

async function problems(page: Page): Promise<string[]> {
  const m = await measure(page);
  const out: string[] = [];
  const names = m.marks.map((b) => b.name);
  for (const must of ['badge coalition', 'badge syrian-government', 'badge sohr', 'place tanf-base', 'name of tanf-base']) {
    if (!names.includes(must)) out.push(`${must} is not shown on the map`);
  }
  for (const [i, a] of m.marks.entries()) {
    if (a.x < -EPS || a.y < -EPS || a.x + a.width > m.map.width + EPS || a.y + a.height > m.map.height + EPS) {
      out.push(`${show(a)} crosses the map's edge (${m.map.width} × ${m.map.height})`);
    }
    for (const b of m.marks.slice(i + 1)) {
      // A place's own name sits beside its own dot.
      const own = a.name.endsWith(` ${b.name.split(' ').at(-1)}`) && b.name.endsWith(` ${a.name.split(' ').at(-1)}`);
      if (!own && overlap(a, b)) out.push(`${show(a)} overlaps ${show(b)}`);
    }
    for (const c of m.controls) {
      if (overlap(a, c, CONTROL_CLEARANCE)) out.push(`${show(a)} is within ${CONTROL_CLEARANCE} px of ${show(c)}`);
    }
  }
  const view = await readView(page);
  for (const party of ['syrian-government', 'sohr']) {
    const under = claimPoints(party)
      .map((p) => project(view, m.map.width, m.map.height, p))
      .filter((p) => overlap(m.resetView, { name: 'point', x: p.x, y: p.y, width: 0.01, height: 0.01 }));
    if (under.length > 0) out.push(`${show(m.resetView)} covers ${under.length} points of ${party}'s claim`);
  }
  return out;
}

/** Waits until the map has its new size (the canvas as large as its container) and has settled. */
async function resizedTo(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForFunction(
    ({ map, canvas, width }) => {
      const container = document.querySelector<HTMLElement>(map);
      const c = document.querySelector<HTMLElement>(canvas);
      return (
        innerWidth === width &&
        !!container &&
        !!c &&
        c.clientWidth === container.clientWidth &&
        c.clientHeight === container.clientHeight
      );
    },
    { map: MAP, canvas: CANVAS, width: viewport.width },
    { polling: 'raf', timeout: STATE_CEILING_MS },
  );
  await waitSettled(page);
}

describe('the map on a 320 px phone', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: the opening view shows every badge and the garrison clear of each other and of the controls`, async () => {
      const s = await openIdle(browser, PHONE, `?lang=${lang}`);
      await waitSettled(s.page);
      expect((await appState(s.page)).view.isHomeCamera).toBe(true);
      expect(await problems(s.page)).toEqual([]);
      expect(await axeViolations(s.page)).toEqual([]);
      s.expectClean();
    });

    it(`${lang}: narrowed from ${LAPTOP.width} px without "Reset view", the same`, async () => {
      const s = await openIdle(browser, LAPTOP, `?lang=${lang}`);
      await waitSettled(s.page);
      await resizedTo(s.page, PHONE);
      expect((await appState(s.page)).view.isHomeCamera, 'still the opening view').toBe(true);
      expect(await problems(s.page)).toEqual([]);
      expect(await axeViolations(s.page)).toEqual([]);
      s.expectClean();
    });
  }
});
