// On a phone held upright (375 × 667 and 320 × 640), in English and in Arabic, selecting a
// version always shows its place: "Show on map" on any card, and a tap on any claim badge,
// leave that party's badge (at its claim's anchor) on screen inside the map, the map on
// screen, and the card the reader is in just below the map, not under it. Nothing reached
// with Tab hides under the map (WCAG 2.4.11).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  MAP,
  PARTIES,
  card,
  claimMarker,
  openIdle,
  selectButton,
  useBrowser,
  waitForMapState,
  waitSelected,
  waitSettled,
} from './helpers.ts';

const browser = useBrowser();

const VIEWPORTS = [
  { width: 375, height: 667 },
  { width: 320, height: 640 },
] as const;
const LANGS = ['en', 'ar'] as const;
/** Rounding of fractional layout positions. */
const SLACK = 1;

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface Layout {
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly scrollY: number;
  readonly map: Box;
  readonly badge: Box;
  readonly card: Box;
  readonly heading: Box;
}

async function layout(page: Page, party: string): Promise<Layout> {
  return page.evaluate(
    ({ map, badge, card }) => {
      const box = (selector: string): Box => {
        const el = document.querySelector(selector);
        if (!el) throw new Error(`no ${selector}`);
        const { top, bottom, left, right } = el.getBoundingClientRect();
        return { top, bottom, left, right };
      };
      return {
        innerWidth,
        innerHeight,
        scrollY,
        map: box(map),
        badge: box(badge),
        card: box(card),
        heading: box(`${card} h3`),
      };
    },
    { map: MAP, badge: claimMarker(party), card: card(party) },
  );
}

const fmt = (b: Box) =>
  `top ${b.top.toFixed(0)}, bottom ${b.bottom.toFixed(0)}, left ${b.left.toFixed(0)}, right ${b.right.toFixed(0)}`;
const inside = (inner: Box, outer: Box) =>
  inner.top >= outer.top - SLACK &&
  inner.bottom <= outer.bottom + SLACK &&
  inner.left >= outer.left - SLACK &&
  inner.right <= outer.right + SLACK;
const windowBox = (l: Layout): Box => ({ top: 0, bottom: l.innerHeight, left: 0, right: l.innerWidth });
/** Share of the map's height inside the window. */
const mapShown = (l: Layout) =>
  Math.max(0, Math.min(l.map.bottom, l.innerHeight) - Math.max(l.map.top, 0)) / (l.map.bottom - l.map.top);

/** The party's badge, at its claim's anchor, is on screen inside the map, and the map is on screen. */
function expectPlaceInSight(l: Layout, party: string, when: string): void {
  const shown = mapShown(l);
  expect(
    shown,
    `${when}: share of the map's height on screen (map ${fmt(l.map)}, window height ${l.innerHeight})`,
  ).toBeGreaterThanOrEqual(0.8);
  expect(inside(l.badge, l.map), `${when}: ${party}'s badge (${fmt(l.badge)}) inside the map (${fmt(l.map)})`).toBe(true);
  expect(
    inside(l.badge, windowBox(l)),
    `${when}: ${party}'s badge (${fmt(l.badge)}) inside the window (${l.innerWidth} × ${l.innerHeight})`,
  ).toBe(true);
}

/** Resolves once the page has not scrolled for `frames` frames in a row (a smooth scroll has ended). */
async function scrollSettled(page: Page, frames = 20): Promise<number> {
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
 * `waitSettled`, with the page left where the reader had it: its canvas captures are element
 * screenshots, which scroll the canvas into view first when it is off screen (on a page where
 * the map does not stay on screen, that alone would bring the map back and hide the failure).
 */
async function settledInPlace(page: Page): Promise<void> {
  const y = await page.evaluate(() => scrollY);
  await waitSettled(page);
  const moved = await page.evaluate((y) => {
    const moved = scrollY - y;
    if (moved) scrollTo({ top: y, behavior: 'instant' });
    return moved;
  }, y);
  if (moved) console.log(`[phone] waiting for the map to settle scrolled the page ${moved.toFixed(0)} px; scrolled back`);
}

/** Scrolls the page so that `party`'s card starts at the top of what the reader sees. */
async function scrollToCard(page: Page, party: string): Promise<void> {
  await page.locator(card(party)).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await scrollSettled(page);
}

/**
 * Taps `party`'s badge on the map, from wherever the page is, and checks what the reader sees
 * then: the badge and the map still on screen, the page scrolled to the party's card just below
 * the map. Returns how far the page scrolled.
 */
async function tapBadge(page: Page, party: string, where: string): Promise<number> {
  const before = await layout(page, party);
  expectPlaceInSight(before, party, `${where}, before tapping ${party}'s badge`);
  await page.locator(claimMarker(party)).click();
  await waitSelected(page, party, `tapping ${party}'s badge ${where}`);
  const scrollY = await scrollSettled(page);
  const after = await layout(page, party);
  const distance = scrollY - before.scrollY;
  console.log(
    `[phone] ${where}: tapping ${party}'s badge scrolled the page ${distance.toFixed(0)} px (from ${before.scrollY.toFixed(0)} to ${scrollY.toFixed(0)}); card top ${after.card.top.toFixed(0)}, map bottom ${after.map.bottom.toFixed(0)}`,
  );
  expectPlaceInSight(after, party, `${where}, after tapping ${party}'s badge`);
  expect(
    after.card.top,
    `${where}, after tapping ${party}'s badge: its card's top (${after.card.top.toFixed(0)}) below the map (bottom ${after.map.bottom.toFixed(0)})`,
  ).toBeGreaterThanOrEqual(after.map.bottom - SLACK);
  // Just below it: the card's own scroll margin and the page's padding, not a screen further.
  expect(
    after.card.top,
    `${where}, after tapping ${party}'s badge: its card's top (${after.card.top.toFixed(0)}) just below the map (bottom ${after.map.bottom.toFixed(0)}) and on screen`,
  ).toBeLessThanOrEqual(Math.min(after.map.bottom + 48, after.innerHeight - 48));
  return distance;
}

describe('on a phone held upright', () => {
  for (const viewport of VIEWPORTS) {
    for (const lang of LANGS) {
      const at = `${lang}, ${viewport.width} × ${viewport.height}`;

      it(`"Show on map" on every card shows that party's place on screen (${at})`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        const { page } = s;
        for (const party of PARTIES) {
          await scrollToCard(page, party);
          await page.locator(selectButton(party)).click();
          await waitSelected(page, party, `clicking ${party}'s "Show on map"`);
          await settledInPlace(page);
          await scrollSettled(page);
          const l = await layout(page, party);
          console.log(
            `[phone] ${at}: after ${party}'s "Show on map": map ${fmt(l.map)}, badge ${fmt(l.badge)}, heading ${fmt(l.heading)}`,
          );
          expectPlaceInSight(l, party, `after ${party}'s "Show on map" (${at})`);
          // The reader still sees the card whose button they pressed.
          expect(
            l.heading.top,
            `${party}'s card heading (${fmt(l.heading)}) not under the map (${fmt(l.map)})`,
          ).toBeGreaterThanOrEqual(l.map.bottom - SLACK);
          expect(l.heading.bottom, `${party}'s card heading (${fmt(l.heading)}) on screen`).toBeLessThanOrEqual(l.innerHeight);
        }
        s.expectClean();
      });

      it(`a tap on every badge keeps the map and the badge on screen and brings its card just below the map (${at})`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        const { page } = s;
        const distances: string[] = [];
        // The opening view shows every claim: each badge can be tapped from the top of the page
        // (the first check of tapBadge fails if one cannot) and, the map staying on screen, from
        // the last card too.
        for (const party of PARTIES) {
          await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
          await scrollSettled(page);
          distances.push(`top→${party} ${(await tapBadge(page, party, `from the top (${at})`)).toFixed(0)}`);
        }
        for (const party of PARTIES) {
          await scrollToCard(page, PARTIES[PARTIES.length - 1]!);
          distances.push(`last card→${party} ${(await tapBadge(page, party, `from the last card (${at})`)).toFixed(0)}`);
        }
        console.log(`[phone] ${at}: scroll distances (px): ${distances.join(', ')}`);
        s.expectClean();
      });

      it(`after "Show on map" of one party, a tap on another's badge, where the map shows it, keeps both in sight (${at})`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        const { page } = s;
        const tapped: string[] = [];
        const offView: string[] = [];
        for (const shown of PARTIES) {
          for (const party of PARTIES.filter((p) => p !== shown)) {
            // Shown again after a tap on another badge (which leaves the camera where it is).
            if ((await page.getAttribute(selectButton(shown), 'aria-pressed')) !== 'true') {
              await scrollToCard(page, shown);
              await page.locator(selectButton(shown)).click();
              await waitSelected(page, shown, `clicking ${shown}'s "Show on map"`);
              await settledInPlace(page);
            }
            const l = await layout(page, party);
            // The camera frames the shown party's claim; another's badge may lie outside it.
            if (!inside(l.badge, l.map)) {
              offView.push(`${party} after ${shown}`);
              continue;
            }
            await tapBadge(page, party, `after ${shown}'s "Show on map" (${at})`);
            tapped.push(`${party} after ${shown}`);
          }
        }
        console.log(
          `[phone] ${at}: badges tapped: ${tapped.join(', ')}; outside the map's view, not tapped: ${offView.join(', ') || 'none'}`,
        );
        expect(tapped.length, 'some badge of another party is in view after a "Show on map"').toBeGreaterThan(0);
        s.expectClean();
      });

      it(`nothing reached with Tab or Shift+Tab below the map hides under it (${at})`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        const { page } = s;
        await page.locator('body').focus();
        let checked = 0;
        /** Presses `key` and checks the focused element; false once focus has left the page. */
        const step = async (key: 'Tab' | 'Shift+Tab', n: number): Promise<boolean> => {
          await page.keyboard.press(key);
          await scrollSettled(page, 3);
          const f = await page.evaluate((mapSelector) => {
            const el = document.activeElement;
            const map = document.querySelector(mapSelector)!;
            if (!el || el === document.body) return null;
            const r = el.getBoundingClientRect();
            const m = map.getBoundingClientRect();
            const st = getComputedStyle(el);
            const ring = (parseFloat(st.outlineWidth) || 0) + Math.max(0, parseFloat(st.outlineOffset) || 0);
            return {
              name: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
              inMap: map.contains(el),
              afterMap: (map.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
              top: r.top,
              ring,
              mapBottom: m.bottom,
              innerHeight,
            };
          }, MAP);
          if (!f) return false;
          if (f.inMap || !f.afterMap) return true;
          checked++;
          const what = `${key} ${n}: ${f.name}`;
          expect(
            f.top,
            `${what} (top ${f.top.toFixed(0)}) not under the map (bottom ${f.mapBottom.toFixed(0)})`,
          ).toBeGreaterThanOrEqual(f.mapBottom - SLACK);
          // Its focus ring too: the page's scroll padding leaves room for it.
          expect(
            f.top - f.ring,
            `${what}: focus ring (top ${(f.top - f.ring).toFixed(0)}) not under the map (bottom ${f.mapBottom.toFixed(0)})`,
          ).toBeGreaterThanOrEqual(f.mapBottom - SLACK);
          expect(f.top, `${what} on screen`).toBeLessThan(f.innerHeight);
          return true;
        };
        // Forward, the page scrolls up to each element from below; backward, down to it from
        // above, where the map is.
        let forward = 0;
        while (forward < 60 && (await step('Tab', forward + 1))) forward++;
        let backward = 0;
        while (backward < 60 && (await step('Shift+Tab', backward + 1))) backward++;
        console.log(
          `[phone] ${at}: ${forward} Tab and ${backward} Shift+Tab presses, ${checked} stops below the map, none under it`,
        );
        expect(checked, 'Tab stops below the map checked').toBeGreaterThan(20);
        s.expectClean();
      });
    }
  }

  it('with reduced motion, a tap on a badge jumps to its card in one step (en, 375 × 667)', async () => {
    const s = await (await browser()).newSession({ width: 375, height: 667 });
    const { page } = s;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await s.open();
    await waitForMapState(page, 'idle');
    for (const party of PARTIES) {
      await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
      await scrollSettled(page);
      // Every scroll position the page takes, frame by frame, for a second and a half.
      const positions = await page.evaluate(async (badge) => {
        const seen = [scrollY];
        document.querySelector<HTMLButtonElement>(badge)!.click();
        for (let i = 0; i < 90; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          if (scrollY !== seen[seen.length - 1]) seen.push(scrollY);
        }
        return seen;
      }, claimMarker(party));
      await waitSelected(page, party, `tapping ${party}'s badge with reduced motion`);
      console.log(`[phone] reduced motion, ${party}'s badge: scroll positions ${positions.map((y) => y.toFixed(0)).join(' → ')}`);
      expect(positions.length, `${party}: the page scrolled to the card in one step (positions ${positions.join(', ')})`).toBe(2);
      const l = await layout(page, party);
      expectPlaceInSight(l, party, `reduced motion, after tapping ${party}'s badge`);
      expect(l.card.top, `reduced motion: ${party}'s card top below the map`).toBeGreaterThanOrEqual(l.map.bottom - SLACK);
      expect(l.card.top, `reduced motion: ${party}'s card top just below the map`).toBeLessThanOrEqual(l.map.bottom + 48);
    }
    s.expectClean();
  });
});
