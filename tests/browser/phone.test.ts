// On a phone held upright (375 × 667 and 320 × 640), in English and in Arabic, selecting a
// version always shows its place: "Show on map" on any card, and a tap on any claim badge (from
// the top of the page, from the last card, and after another party's "Show on map" where the
// map shows the badge), leave that party's badge (at its claim's anchor) on screen inside the
// map, the map on screen, and the card the reader is in just below the map, not under it; with
// reduced motion a tap jumps to the card in one step. Nothing reached with Tab or Shift+Tab
// hides under the map (WCAG 2.4.11). Each viewport and language is one page, taken through
// these in turn: loading the map is most of what a phone test costs here.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  MAP,
  PARTIES,
  STATE_CEILING_MS,
  appState,
  card,
  claimMarker,
  openIdle,
  scrollSettled,
  selectButton,
  useBrowser,
  waitSelected,
  waitSettled,
  within,
  emulateMedia,
} from './helpers.ts';

const browser = useBrowser();

const VIEWPORTS = [
  { width: 375, height: 667 },
  { width: 320, height: 640 },
] as const;
const LANGS = ['en', 'ar'] as const;
/** Rounding of fractional layout positions. */
const SLACK = 1;
/** A ceiling for one page taken through every check below on a loaded 2-core machine, not a timing. */
const PAGE_TEST_TIMEOUT_MS = 400_000;

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

// The page is scrolled by the tests with `behavior: 'instant'`: such a scroll is over when the
// call returns (and ends any smooth scroll still under way), so there is nothing to wait for.

/** Scrolls the page so that `party`'s card starts at the top of what the reader sees. */
async function scrollToCard(page: Page, party: string): Promise<void> {
  await page.locator(card(party)).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
}

async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
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

/** The focused element, where it is, and where the map ends. */
interface Focused {
  readonly name: string;
  readonly inMap: boolean;
  readonly afterMap: boolean;
  readonly top: number;
  /** How far its focus ring reaches above it. */
  readonly ring: number;
  readonly mapBottom: number;
  readonly innerHeight: number;
}

/** The focused element; null once focus has left the page. */
async function focusedElement(page: Page): Promise<Focused | null> {
  return page.evaluate((mapSelector) => {
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
}

/** What the checks below require of an element after the map: it and its ring clear of the map, on screen. */
const clearOfMap = (f: Focused) => f.top - f.ring >= f.mapBottom - SLACK && f.top < f.innerHeight;

/** Tab forward from the top, then Shift+Tab back out: no stop below the map lies under it. */
async function checkTabStops(page: Page, at: string): Promise<void> {
  await page.locator('body').focus();
  let checked = 0;
  let readAgain = 0;
  /** Presses `key` and checks the focused element; false once focus has left the page. */
  const step = async (key: 'Tab' | 'Shift+Tab', n: number): Promise<boolean> => {
    await page.keyboard.press(key);
    // Focus scrolls the page before the key press is acknowledged (the page has no smooth
    // scrolling), so this read is where the element stays. One that would fail is read again
    // once the page has stood still: a smooth scroll would only then have ended.
    let f = await focusedElement(page);
    if (f && !f.inMap && f.afterMap && !clearOfMap(f)) {
      await scrollSettled(page, 3);
      f = await focusedElement(page);
      readAgain++;
    }
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
    `[phone] ${at}: ${forward} Tab and ${backward} Shift+Tab presses, ${checked} stops below the map, none under it (${readAgain} read again after the page stood still)`,
  );
  expect(checked, 'Tab stops below the map checked').toBeGreaterThan(20);
}

/**
 * From the opening view, which shows every claim: each badge can be tapped from the top of the
 * page (the first check of tapBadge fails if one cannot) and, the map staying on screen, from
 * the last card too.
 */
async function checkBadgeTaps(page: Page, at: string): Promise<void> {
  const { view } = await appState(page);
  expect(view.isHomeCamera, `${at}: the map still shows the opening view before the badges are tapped`).toBe(true);
  const distances: string[] = [];
  for (const party of PARTIES) {
    await scrollToTop(page);
    distances.push(`top→${party} ${(await tapBadge(page, party, `from the top (${at})`)).toFixed(0)}`);
  }
  for (const party of PARTIES) {
    await scrollToCard(page, PARTIES[PARTIES.length - 1]!);
    distances.push(`last card→${party} ${(await tapBadge(page, party, `from the last card (${at})`)).toFixed(0)}`);
  }
  console.log(`[phone] ${at}: scroll distances (px): ${distances.join(', ')}`);
}

/**
 * With reduced motion (switched on here, on the opening view, and off again after), a tap on
 * each badge from the top of the page scrolls to its card in one step.
 */
async function checkReducedMotionTaps(page: Page, at: string): Promise<void> {
  await emulateMedia(page, { reducedMotion: 'reduce' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduced motion emulated').toBe(true);
  for (const party of PARTIES) {
    await scrollToTop(page);
    // Every scroll position the page takes, frame by frame, from the tap until the card is the
    // current one and the page, having moved, has stood still for 20 frames: a smooth scroll
    // moves every frame until it ends, so it would leave more than one new position.
    const positions = await within(
      page.evaluate(
        async ({ badge, current }) => {
          const seen = [scrollY];
          document.querySelector<HTMLButtonElement>(badge)!.click();
          let still = 0;
          while (!(document.querySelector(current) && seen.length > 1 && still >= 20)) {
            await new Promise((r) => requestAnimationFrame(r));
            if (scrollY !== seen[seen.length - 1]) {
              seen.push(scrollY);
              still = 0;
            } else still++;
          }
          return seen;
        },
        { badge: claimMarker(party), current: `${card(party)}[aria-current="true"]` },
      ),
      STATE_CEILING_MS,
      `${at}: with reduced motion, the page scrolling to ${party}'s card after a tap on its badge and coming to rest`,
    );
    await waitSelected(page, party, `tapping ${party}'s badge with reduced motion`);
    console.log(
      `[phone] ${at}, reduced motion, ${party}'s badge: scroll positions ${positions.map((y) => y.toFixed(0)).join(' → ')}`,
    );
    expect(positions.length, `${party}: the page scrolled to the card in one step (positions ${positions.join(', ')})`).toBe(2);
    const l = await layout(page, party);
    expectPlaceInSight(l, party, `reduced motion, after tapping ${party}'s badge (${at})`);
    expect(l.card.top, `reduced motion: ${party}'s card top below the map (${at})`).toBeGreaterThanOrEqual(l.map.bottom - SLACK);
    expect(l.card.top, `reduced motion: ${party}'s card top just below the map (${at})`).toBeLessThanOrEqual(l.map.bottom + 48);
  }
  await emulateMedia(page, { reducedMotion: null });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduced motion off again').toBe(
    false,
  );
}

/**
 * "Show on map" on every card leaves that party's place on screen and its card's heading just
 * below the map; then a tap on each other party's badge, where the map shows it, keeps both in
 * sight. Before each tap the shown party is shown again, if the last tap took the selection.
 */
async function checkShowOnMapAndTaps(page: Page, at: string): Promise<void> {
  const isPressed = async (party: string) => (await page.getAttribute(selectButton(party), 'aria-pressed')) === 'true';
  /** Whose claim the camera frames: the party of the last "Show on map". */
  let framed: string | null = null;
  const showOnMap = async (party: string) => {
    // Pressed by a tap on its badge (which leaves the camera where it is): pressed again, the
    // button would let go of the version instead of showing it.
    if (await isPressed(party)) {
      await page.locator(selectButton(party)).click();
      await expect.poll(() => isPressed(party), { message: `${party}'s "Show on map" let go of` }).toBe(false);
    }
    await scrollToCard(page, party);
    await page.locator(selectButton(party)).click();
    await waitSelected(page, party, `clicking ${party}'s "Show on map"`);
    await waitSettled(page);
    await scrollSettled(page);
    framed = party;
    const l = await layout(page, party);
    console.log(
      `[phone] ${at}: after ${party}'s "Show on map": map ${fmt(l.map)}, badge ${fmt(l.badge)}, heading ${fmt(l.heading)}`,
    );
    expectPlaceInSight(l, party, `after ${party}'s "Show on map" (${at})`);
    // The reader still sees the card whose button they pressed.
    expect(l.heading.top, `${party}'s card heading (${fmt(l.heading)}) not under the map (${fmt(l.map)})`).toBeGreaterThanOrEqual(
      l.map.bottom - SLACK,
    );
    expect(l.heading.bottom, `${party}'s card heading (${fmt(l.heading)}) on screen`).toBeLessThanOrEqual(l.innerHeight);
  };

  const tapped: string[] = [];
  const offView: string[] = [];
  for (const shown of PARTIES) {
    for (const party of PARTIES.filter((p) => p !== shown)) {
      if (framed !== shown || !(await isPressed(shown))) await showOnMap(shown);
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
}

describe('on a phone held upright', () => {
  for (const viewport of VIEWPORTS) {
    for (const lang of LANGS) {
      const at = `${lang}, ${viewport.width} × ${viewport.height}`;

      it(
        `Tab stops below the map stay clear of it; a tap on every badge (also with reduced motion) and "Show on map" on every card keep the place and the card in sight (${at})`,
        async () => {
          const s = await openIdle(browser, viewport, `?lang=${lang}`);
          const { page } = s;
          // In this order: the Tab walk needs focus at the top of a page nothing has been
          // clicked on yet, and the taps need the opening view, which neither Tab nor a tap moves.
          await checkTabStops(page, at);
          await checkBadgeTaps(page, at);
          await checkReducedMotionTaps(page, at);
          await checkShowOnMapAndTaps(page, at);
          s.expectClean();
        },
        PAGE_TEST_TIMEOUT_MS,
      );
    }
  }
});

const touchBrowser = useBrowser([], { touch: true });

/**
 * A drag by `fingers` fingers side by side, `dy` px upwards from `at` in ten moves, as the
 * phone's touch screen sends it (CDP touch events go through Chromium's input pipeline, where
 * `touch-action` decides between scrolling the page and handing the touches to the map).
 */
async function touchDrag(page: Page, at: { x: number; y: number }, dy: number, fingers: 1 | 2): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const points = (y: number) => Array.from({ length: fingers }, (_, i) => ({ x: at.x + i * 40, y, id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(at.y) });
  for (let step = 1; step <= 10; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(at.y - (dy * step) / 10) });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The map's box and whether it can be seen at all (it stands down past the versions). */
async function mapOnScreen(page: Page): Promise<{ top: number; bottom: number; visible: boolean }> {
  return page.locator(MAP).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, visible: getComputedStyle(el).visibility === 'visible' && r.bottom > 0 };
  });
}

describe('on a phone with a touch screen', () => {
  for (const lang of LANGS) {
    it(`one finger on the map scrolls the page and two move the map; past the versions the map stands down and a selection calls it back (${lang}, 375 × 667)`, async () => {
      const s = await openIdle(touchBrowser, { width: 375, height: 667 }, `?lang=${lang}`);
      const { page } = s;
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen').toBe(true);
      const box = (await page.locator(MAP).boundingBox())!;
      const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

      // One finger, upwards over the middle of the map: the page scrolls, the map stays put.
      const before = await appState(page);
      await touchDrag(page, middle, 250, 1);
      const scrolled = await scrollSettled(page);
      expect(scrolled, 'a one-finger swipe on the map scrolled the page').toBeGreaterThan(100);
      await waitSettled(page);
      expect((await appState(page)).view.camera, 'and left the map where it was').toEqual(before.view.camera);

      // Two fingers on the sticky map: the map moves, the page does not.
      const stuck = (await page.locator(MAP).boundingBox())!;
      await touchDrag(page, { x: stuck.x + stuck.width / 3, y: stuck.y + stuck.height * 0.7 }, 120, 2);
      await expect
        .poll(async () => (await appState(page)).view.camera?.center[1] ?? 0, { message: 'two fingers move the map' })
        .toBeLessThan(before.view.camera!.center[1] - 0.05);
      expect(await scrollSettled(page), 'two fingers leave the page where it was').toBe(scrolled);
      await waitSettled(page);

      // Past the versions, in the glossary: the map has gone from the screen and from Tab.
      await page.locator('#glossary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await scrollSettled(page);
      await expect
        .poll(() => mapOnScreen(page), { message: 'past the versions the map stands down' })
        .toMatchObject({
          visible: false,
        });
      const atTop = await page.evaluate((map) => document.elementFromPoint(innerWidth / 2, 40)?.closest(map) === null, MAP);
      expect(atTop, 'the top of the screen shows the page, not the map').toBe(true);

      // "Show on map" in the timeline, down there: the map comes back with that party's place.
      const party = PARTIES[2];
      const timelineButton = page.locator(`[data-testid="timeline-select"][data-party="${party}"]`).first();
      await timelineButton.scrollIntoViewIfNeeded();
      await timelineButton.click();
      await waitSelected(page, party, `the timeline's "Show on map" for ${party}`);
      await expect
        .poll(() => mapOnScreen(page), { message: 'a selection calls the map back' })
        .toMatchObject({
          visible: true,
          top: 0,
        });
      await waitSettled(page);
      const l = await layout(page, party);
      expect(inside(l.badge, l.map), `${party}'s badge inside the map that came back`).toBe(true);

      // Back up in the versions the map sticks as before.
      await page.locator(card(PARTIES[0])).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await scrollSettled(page);
      await expect
        .poll(() => mapOnScreen(page), { message: 'the map sticks over the versions' })
        .toMatchObject({
          visible: true,
          top: 0,
        });
      s.expectClean();
    });
  }
});
