// The guided story end to end: stepped with the keys (mirrored in Arabic) through every chapter
// of the shipped story, the map moving each time; a chapter's link and Back; reduced motion;
// Reset view; the live region and focus; presentation mode's type at 1920×1080; the Present
// button's full screen; axe in story and presentation modes; the story at 320 px. The chapters
// come from the data: the test knows none of them.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadTestEvent } from '../fixtures/events.ts';
import { REAL_EVENT_DIR } from '../fixtures/real-data.ts';
import type { Lang, StoryChapter } from '../../src/domain/types.ts';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import {
  CANVAS,
  STATE_CEILING_MS,
  appState,
  axeViolations,
  openIdle,
  waitForMapState,
  useBrowser,
  waitSettled,
  type AppStateSnapshot,
  emulateMedia,
} from './helpers.ts';

const browser = useBrowser();
const story = loadTestEvent(REAL_EVENT_DIR).story;
const chapters: readonly StoryChapter[] = story?.chapters ?? [];
const last = chapters.length - 1;
const WIDE = { width: 1280, height: 800 };
const DICTIONARIES = { en, ar } as const;

async function storyState(page: Page): Promise<AppStateSnapshot> {
  return (await appState(page)) as AppStateSnapshot;
}

const cameraOf = (state: AppStateSnapshot) => JSON.stringify(state.view.camera);

/** Waits until chapter `index` is open and the map has settled on a camera other than `previous`. */
async function waitForChapter(page: Page, index: number, previousCamera: string | null): Promise<AppStateSnapshot> {
  try {
    await page.waitForFunction(
      ([i, previous]) => {
        const hook = (window as unknown as { __appState?: () => AppStateSnapshot }).__appState;
        // The app starts after the page's first paint: until then there is no state to read.
        if (!hook) return false;
        const s = hook();
        return s.story.chapter === i && s.view.cameraRequest === null && JSON.stringify(s.view.camera) !== previous;
      },
      [index, previousCamera] as const,
      { timeout: STATE_CEILING_MS, polling: 50 },
    );
  } catch {
    const s = await storyState(page);
    throw new Error(
      `chapter ${index + 1} never settled on a new view: chapter ${s.story.chapter}, camera ${JSON.stringify(s.view.camera)} (was ${previousCamera})`,
    );
  }
  return storyState(page);
}

/**
 * Presses `key` and returns once the page has dispatched its keydown to the end: whether a
 * handler took it (the story's calls preventDefault on every key it steps with). A listener on
 * the window runs after the story's own, on the document.
 */
async function pressAndSeeHandled(page: Page, key: string): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyTaken?: boolean };
    delete w.__keyTaken;
    window.addEventListener(
      'keydown',
      (e) => {
        w.__keyTaken = e.defaultPrevented;
      },
      { once: true },
    );
  });
  await page.keyboard.press(key);
  const taken = await page.waitForFunction(
    () => {
      const seen = (window as unknown as { __keyTaken?: boolean }).__keyTaken;
      return seen === undefined ? undefined : { seen };
    },
    null,
    { timeout: STATE_CEILING_MS },
  );
  return (await taken.jsonValue())!.seen;
}

/**
 * Clicks a Present button; returns once presentation mode is on and the browser has answered the
 * page's request for full screen (granted or refused: either event), with whether it was granted.
 */
async function present(page: Page): Promise<boolean> {
  expect(await page.evaluate(() => document.fullscreenElement), 'not yet in full screen').toBeNull();
  await page.evaluate(() => {
    const w = window as unknown as { __fullscreenAnswer?: string };
    delete w.__fullscreenAnswer;
    const answer = (e: Event) => {
      w.__fullscreenAnswer = e.type;
      document.removeEventListener('fullscreenchange', answer);
      document.removeEventListener('fullscreenerror', answer);
    };
    document.addEventListener('fullscreenchange', answer);
    document.addEventListener('fullscreenerror', answer);
  });
  await page.click('[data-testid="present"]');
  await expect.poll(async () => (await storyState(page)).story.presenting).toBe(true);
  // Where full screen is not enabled at all, the page asks for nothing (src/story/presentation.ts).
  await page.waitForFunction(
    () => !document.fullscreenEnabled || (window as unknown as { __fullscreenAnswer?: string }).__fullscreenAnswer !== undefined,
    null,
    { timeout: STATE_CEILING_MS },
  );
  return page.evaluate(() => document.fullscreenElement !== null);
}

const heading = (page: Page) => page.locator('[data-testid="story"] h2');
const announcer = (page: Page) => page.locator('[data-testid="story-announcer"]');

describe('the guided story', () => {
  it('the shipped event has a story of six to nine chapters with questions', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(6);
    expect(chapters.length).toBeLessThanOrEqual(9);
    expect(story?.questions.length).toBeGreaterThan(0);
  });

  // One page per language: the keys through every chapter, then axe on the last chapter in story
  // and presentation modes, then (in English) the opening page's Present button, (in Arabic)
  // the story at 320 px.
  for (const [lang, nextKey, backKey] of [
    ['en', 'ArrowRight', 'ArrowLeft'],
    ['ar', 'ArrowLeft', 'ArrowRight'],
  ] as const satisfies readonly [Lang, string, string][]) {
    const after = lang === 'en' ? 'the Present button asks for full screen' : 'at 320 px the story fits';
    const motion = lang === 'en' ? 'flying' : 'with reduced motion';
    it(`in ${lang}, ${nextKey} steps (${motion}) through every chapter (the map moves, focus goes to the heading, the live region says it); axe finds nothing in story and presentation modes; ${after}`, async () => {
      const s = await openIdle(browser, WIDE, `?lang=${lang}`);
      const { page } = s;
      const t = DICTIONARIES[lang];
      // English flies from chapter to chapter; Arabic steps with reduced motion, where the camera
      // jumps: each way through every chapter, at half the cost of flying twice.
      if (lang === 'ar') await emulateMedia(page, { reducedMotion: 'reduce' });
      // The opening camera, read before the click: with reduced motion the jump is done by the
      // time the click returns.
      const opening = cameraOf(await storyState(page));
      await page.click('[data-testid="story-start"]');
      let state = await waitForChapter(page, 0, opening);
      await expect.poll(() => heading(page).textContent()).toBe(chapters[0]!.title[lang]);
      const cameras = [cameraOf(state)];
      for (let i = 1; i < chapters.length; i++) {
        await page.keyboard.press(nextKey);
        state = await waitForChapter(page, i, cameras[i - 1]!);
        cameras.push(cameraOf(state));
        const chapter = chapters[i]!;
        expect(state.selection.partyId, `chapter ${i + 1}'s party`).toBe(chapter.party);
        expect(await heading(page).textContent()).toBe(chapter.title[lang]);
        expect(await page.evaluate(() => document.activeElement?.tagName), 'focus is on the heading').toBe('H2');
        const spoken = t['story.announce']
          .replace('{n}', String(i + 1))
          .replace('{total}', String(chapters.length))
          .replace('{title}', chapter.title[lang]);
        await expect.poll(() => announcer(page).textContent()).toBe(spoken);
        expect(await page.locator('[data-testid="story-progress"] [aria-hidden="true"]').textContent()).toBe(
          `${i + 1} / ${chapters.length}`,
        );
      }
      // Past the end, the story holds: it takes the key and stays, with no move asked of the map.
      expect(await pressAndSeeHandled(page, nextKey), `${nextKey} on the last chapter is the story's`).toBe(true);
      const held = await storyState(page);
      expect(held.story.chapter).toBe(last);
      expect(held.view.cameraRequest).toBeNull();
      // The other arrow goes back; Home and End jump.
      await page.keyboard.press(backKey);
      await waitForChapter(page, last - 1, cameras[last]!);
      await page.keyboard.press('Home');
      await waitForChapter(page, 0, cameras[last - 1]!);
      await page.keyboard.press('End');
      await waitForChapter(page, last, cameras[0]!);
      await page.keyboard.press('PageUp');
      await waitForChapter(page, last - 1, cameras[last]!);

      // axe on the last chapter (its questions), with the list of chapters open.
      await page.keyboard.press('End');
      await waitForChapter(page, last, cameras[last - 1]!);
      await page.locator('.story-chapters summary').click();
      expect(await axeViolations(page)).toEqual([]);
      // And in presentation mode, once its layout is on and the map has been redrawn in it.
      await present(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-presenting'), null, {
        timeout: STATE_CEILING_MS,
      });
      await waitSettled(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('[data-testid="present-leave"]');
      await expect.poll(async () => (await storyState(page)).story.presenting).toBe(false);
      await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: STATE_CEILING_MS });

      if (lang === 'en') {
        // The opening page's Present button (the story closed): full screen where the browser
        // grants it, and leaving full screen leaves the mode.
        await page.click('[data-testid="story-leave"]');
        await expect.poll(async () => (await storyState(page)).story.chapter).toBeNull();
        if (await present(page)) {
          await page.evaluate(() => document.exitFullscreen());
        } else {
          // Refused (headless may refuse): the mode goes on in the window, quietly.
          await page.click('[data-testid="present-leave"]');
        }
        await expect.poll(async () => (await storyState(page)).story.presenting).toBe(false);
      } else {
        // At 320 px, the first chapter as framed at that size: no horizontal scroll, and Next in reach.
        await page.setViewportSize({ width: 320, height: 640 });
        await expect.poll(() => page.evaluate(() => innerWidth), { message: 'the page laid out at 320 px' }).toBe(320);
        await page.keyboard.press('Home');
        const first = await waitForChapter(page, 0, cameras[last]!);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(m.scroll).toBeLessThanOrEqual(m.client);
        await page.click('[data-testid="story-next"]');
        await waitForChapter(page, 1, cameraOf(first));
      }
      s.expectClean();
    });
  }

  it('?chapter=3 opens chapter 3 as its data says; after Next, Back returns to chapter 3 as it was; with reduced motion a step moves the camera at once; Reset view returns to the chapter’s view after the reader has moved the map', async () => {
    const s = await openIdle(browser, WIDE, '?chapter=3');
    const { page } = s;
    const opened = await waitForChapter(page, 2, null);
    const chapter = chapters[2]!;
    expect(await heading(page).textContent()).toBe(chapter.title.en);
    expect(opened.selection.partyId).toBe(chapter.party);
    expect(new URL(page.url()).searchParams.get('chapter')).toBe('3');
    // Opened by a link, the page does not move focus by itself.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await page.click('[data-testid="story-next"]');
    const next = await waitForChapter(page, 3, cameraOf(opened));
    expect(new URL(page.url()).searchParams.get('chapter')).toBe('4');
    await page.goBack();
    const back = await waitForChapter(page, 2, cameraOf(next));
    expect(back.selection.partyId).toBe(opened.selection.partyId);
    expect(back.view.layers).toEqual(opened.view.layers);
    for (const [a, b] of [
      [back.view.camera!.zoom, opened.view.camera!.zoom],
      [back.view.camera!.center[0], opened.view.camera!.center[0]],
      [back.view.camera!.center[1], opened.view.camera!.center[1]],
    ] as const)
      expect(a).toBeCloseTo(b, 3);

    // With reduced motion, Next moves the camera within one frame (the map asks the media
    // query at each move). Back has settled: nothing else is moving the camera.
    await emulateMedia(page, { reducedMotion: 'reduce' });
    const [before, afterOneFrame] = await page.evaluate(async () => {
      const hook = (window as unknown as { __appState: () => AppStateSnapshot }).__appState;
      const camera = () => JSON.stringify(hook().view.camera);
      const was = camera();
      document.querySelector<HTMLButtonElement>('[data-testid="story-next"]')!.click();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return [was, camera()];
    });
    expect(afterOneFrame, 'the camera settled within one frame').not.toBe(before);
    const fourth = await waitForChapter(page, 3, before);
    await emulateMedia(page, { reducedMotion: null });

    // The reader zooms with the wheel; Reset view returns to the chapter's view.
    const box = (await page.locator(CANVAS).boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      (was) => JSON.stringify((window as unknown as { __appState: () => AppStateSnapshot }).__appState().view.camera) !== was,
      cameraOf(fourth),
      { timeout: STATE_CEILING_MS },
    );
    await page.click('[data-testid="reset-view"]');
    await expect.poll(async () => (await storyState(page)).view.camera!.zoom).toBeCloseTo(fourth.view.camera!.zoom, 2);
    s.expectClean();
  });

  // Issue 24: a teacher at a projector. One page per language, stepped with reduced motion (the
  // camera jumps: where it ends is not what is checked here).
  for (const [lang, nextKey, backKey] of [
    ['en', 'ArrowRight', 'ArrowLeft'],
    ['ar', 'ArrowLeft', 'ArrowRight'],
  ] as const satisfies readonly [Lang, string, string][]) {
    it(`in ${lang}, presentation fits the screen: Previous and Next in view in every chapter at 1920×1080 and 1280×720; the map's controls and scale read from the back of a room; no focus ring on the heading after an arrow step, one after Tab`, async () => {
      const s = await openIdle(browser, { width: 1920, height: 1080 }, `?lang=${lang}&present=1`);
      const { page } = s;
      await emulateMedia(page, { reducedMotion: 'reduce' });
      await waitForChapter(page, 0, null);
      const atChapter = (i: number) =>
        page.waitForFunction(
          (n) => (window as unknown as { __appState: () => AppStateSnapshot }).__appState().story.chapter === n,
          i,
          { timeout: STATE_CEILING_MS },
        );
      /** Where Previous and Next are not wholly inside the window, or are covered there. */
      const navOutOfView = () =>
        page.evaluate(() => {
          const problems: string[] = [];
          for (const id of ['story-previous', 'story-next']) {
            const button = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
            const r = button.getBoundingClientRect();
            if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth || r.height === 0)
              problems.push(
                `${id} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} of ${innerWidth}×${innerHeight}`,
              );
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!hit || !button.contains(hit)) problems.push(`${id} covered by ${hit?.className}`);
          }
          return problems;
        });

      for (const [size, order] of [
        [{ width: 1920, height: 1080 }, 'forwards'],
        [{ width: 1280, height: 720 }, 'backwards'],
      ] as const) {
        if (size.width !== 1920) {
          await page.setViewportSize(size);
          await expect.poll(() => page.evaluate(() => innerHeight)).toBe(size.height);
        }
        for (let step = 0; step < chapters.length; step++) {
          const i = order === 'forwards' ? step : last - step;
          if (step > 0) {
            await page.keyboard.press(order === 'forwards' ? nextKey : backKey);
            await atChapter(i);
          } else if (order === 'backwards') {
            await page.keyboard.press('End');
            await atChapter(last);
          }
          expect(await navOutOfView(), `chapter ${i + 1} at ${size.width}×${size.height}`).toEqual([]);
          if (step === 1) {
            // Stepped with an arrow key: focus is on the heading for screen readers, with no ring
            // drawn round it; a Tab from there shows where focus went (WCAG 2.4.7).
            const heading = await page.evaluate(() => ({
              tag: document.activeElement?.tagName,
              ring: document.activeElement?.matches(':focus-visible'),
            }));
            expect(heading, `focus after ${nextKey} at ${size.width}×${size.height}`).toEqual({ tag: 'H2', ring: false });
            await page.keyboard.press('Tab');
            const next = await page.evaluate(() => {
              const el = document.activeElement!;
              const style = getComputedStyle(el);
              return {
                tag: el.tagName,
                ring: el.matches(':focus-visible'),
                drawn: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
              };
            });
            expect(next.tag).not.toBe('H2');
            expect(next.ring, 'Tab shows its focus').toBe(true);
            expect(next.drawn, 'and draws a ring').toBe(true);
          }
        }
        // The map's controls, at a size read from the back of a room.
        const controls = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          const font = (sel: string) => parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
          const icon = getComputedStyle(document.querySelector('.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon')!);
          return {
            zoomIn: box('.maplibregl-ctrl-zoom-in'),
            zoomOut: box('.maplibregl-ctrl-zoom-out'),
            iconSize: icon.backgroundSize,
            scale: font('.maplibregl-ctrl-scale'),
            reset: font('[data-testid="reset-view"]'),
            attribution: font('.maplibregl-ctrl-attrib'),
          };
        });
        for (const button of [controls.zoomIn, controls.zoomOut]) {
          expect(button.width).toBeGreaterThanOrEqual(44);
          expect(button.height).toBeGreaterThanOrEqual(44);
        }
        expect(controls.iconSize, 'the zoom icons drawn to the button').toBe('contain');
        expect(controls.scale).toBeGreaterThanOrEqual(20);
        expect(controls.reset).toBeGreaterThanOrEqual(20);
        expect(controls.attribution).toBeGreaterThanOrEqual(16);
      }
      s.expectClean();
    });
  }

  it('presentation mode at 1920×1080: nothing moves as it starts; body text ≥ 28 px, map labels ≥ 20 px, no page header; Page Down steps; the pointer hides when it rests; Esc leaves it', async () => {
    const s = await (await browser()).newSession({ width: 1920, height: 1080 });
    const { page } = s;
    await page.addInitScript(() => {
      const w = window as unknown as { __layoutShifts: { value: number; node: string }[] };
      w.__layoutShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
          const node = entry.sources?.[0]?.node;
          w.__layoutShifts.push({ value: entry.value, node: node instanceof Element ? node.className : String(node?.nodeName) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await s.open('?present=1');
    await waitForMapState(page, 'idle');
    const opened = await waitForChapter(page, 0, null);
    expect(opened.story.presenting).toBe(true);
    // The story replaces the prerendered versions in the same panel: a change of its content,
    // not a move (Chromium reported the whole panel sliding in from the left, CLS 0.48).
    const shifts = await page.evaluate(
      () => (window as unknown as { __layoutShifts: { value: number; node: string }[] }).__layoutShifts,
    );
    const shifted = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(shifted, `layout shifts as presentation mode starts: ${JSON.stringify(shifts)}`).toBeLessThan(0.05);
    const sizes = await page.evaluate(() => {
      const px = (sel: string) => [...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize));
      return {
        text: px('.story-text p'),
        mapLabels: px('.place-marker-label, .claim-marker'),
        headerShown: [...document.querySelectorAll('.app-header')].some((el) => (el as HTMLElement).offsetHeight > 0),
      };
    });
    expect(sizes.text.length).toBeGreaterThan(0);
    expect(Math.min(...sizes.text)).toBeGreaterThanOrEqual(28);
    expect(sizes.mapLabels.length).toBeGreaterThan(0);
    expect(Math.min(...sizes.mapLabels)).toBeGreaterThanOrEqual(20);
    expect(sizes.headerShown).toBe(false);
    // The pointer comes to rest here; while its idle timer runs, Page Down (as a presenter's
    // clicker sends it, no pointer event) steps on.
    await page.mouse.move(600, 400);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-pointer-idle')), 'a moving pointer shows').toBe(
      false,
    );
    await page.keyboard.press('PageDown');
    await waitForChapter(page, 1, cameraOf(opened));
    // The pointer hides when it rests, and shows again when it moves.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-pointer-idle'), null, {
      timeout: STATE_CEILING_MS,
    });
    await page.mouse.move(620, 420);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-pointer-idle'))).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await storyState(page)).story.presenting).toBe(false);
    expect((await storyState(page)).story.chapter, 'the story stays open').toBe(1);
    s.expectClean();
  });
});
