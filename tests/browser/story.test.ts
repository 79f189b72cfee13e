// The guided story end to end: stepped with the keys (mirrored in Arabic) through every chapter
// of the shipped story, the map moving each time; a chapter's link and Back; reduced motion;
// the live region and focus; presentation mode's type at 1920×1080; axe in story and
// presentation modes. The chapters come from the data: the test knows none of them.
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { loadTestEvent } from '../fixtures/events.ts';
import { REAL_EVENT_DIR } from '../fixtures/real-data.ts';
import type { Lang, StoryChapter } from '../../src/domain/types.ts';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import { CANVAS, appState, openIdle, useBrowser, type AppStateSnapshot } from './helpers.ts';

const browser = useBrowser();
const story = loadTestEvent(REAL_EVENT_DIR).story;
const chapters: readonly StoryChapter[] = story?.chapters ?? [];
const WIDE = { width: 1280, height: 800 };
const DICTIONARIES = { en, ar } as const;
/** A busy 2-core machine may take more than vitest's default second to settle a change. */
const POLL = { timeout: 10_000 } as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function storyState(page: Page): Promise<AppStateSnapshot> {
  return (await appState(page)) as AppStateSnapshot;
}

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
      { timeout: 20_000, polling: 50 },
    );
  } catch {
    const s = await storyState(page);
    throw new Error(
      `chapter ${index + 1} never settled on a new view: chapter ${s.story.chapter}, camera ${JSON.stringify(s.view.camera)} (was ${previousCamera})`,
    );
  }
  return storyState(page);
}

const heading = (page: Page) => page.locator('[data-testid="story"] h2');
const announcer = (page: Page) => page.locator('[data-testid="story-announcer"]');

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

describe('the guided story', () => {
  it('the shipped event has a story of six to nine chapters with questions', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(6);
    expect(chapters.length).toBeLessThanOrEqual(9);
    expect(story?.questions.length).toBeGreaterThan(0);
  });

  for (const [lang, nextKey, backKey] of [
    ['en', 'ArrowRight', 'ArrowLeft'],
    ['ar', 'ArrowLeft', 'ArrowRight'],
  ] as const satisfies readonly [Lang, string, string][]) {
    it(`in ${lang}, ${nextKey} steps through every chapter: the map moves, focus goes to the heading, the live region says it`, async () => {
      const s = await openIdle(browser, WIDE, `?lang=${lang}`);
      const { page } = s;
      const t = DICTIONARIES[lang];
      await page.click('[data-testid="story-start"]');
      let state = await waitForChapter(page, 0, JSON.stringify((await storyState(page)).view.camera));
      await expect.poll(() => heading(page).textContent(), POLL).toBe(chapters[0]!.title[lang]);
      const cameras = [JSON.stringify(state.view.camera)];
      for (let i = 1; i < chapters.length; i++) {
        await page.keyboard.press(nextKey);
        state = await waitForChapter(page, i, cameras[i - 1]!);
        cameras.push(JSON.stringify(state.view.camera));
        const chapter = chapters[i]!;
        expect(state.selection.partyId, `chapter ${i + 1}'s party`).toBe(chapter.party);
        expect(await heading(page).textContent()).toBe(chapter.title[lang]);
        expect(await page.evaluate(() => document.activeElement?.tagName), 'focus is on the heading').toBe('H2');
        const spoken = t['story.announce']
          .replace('{n}', String(i + 1))
          .replace('{total}', String(chapters.length))
          .replace('{title}', chapter.title[lang]);
        await expect.poll(() => announcer(page).textContent(), POLL).toBe(spoken);
        expect(await page.locator('[data-testid="story-progress"] [aria-hidden="true"]').textContent()).toBe(
          `${i + 1} / ${chapters.length}`,
        );
      }
      // Past the end, the story holds; the other arrow goes back; Home and End jump.
      await page.keyboard.press(nextKey);
      await page.waitForTimeout(300);
      expect((await storyState(page)).story.chapter).toBe(chapters.length - 1);
      await page.keyboard.press(backKey);
      await waitForChapter(page, chapters.length - 2, cameras[chapters.length - 1]!);
      await page.keyboard.press('Home');
      await waitForChapter(page, 0, cameras[chapters.length - 2]!);
      await page.keyboard.press('End');
      await waitForChapter(page, chapters.length - 1, cameras[0]!);
      await page.keyboard.press('PageUp');
      await waitForChapter(page, chapters.length - 2, cameras[chapters.length - 1]!);
      s.expectClean();
    });
  }

  it('?chapter=3 opens chapter 3 as its data says; after Next, Back returns to chapter 3 as it was', async () => {
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
    const next = await waitForChapter(page, 3, JSON.stringify(opened.view.camera));
    expect(new URL(page.url()).searchParams.get('chapter')).toBe('4');
    await page.goBack();
    const back = await waitForChapter(page, 2, JSON.stringify(next.view.camera));
    expect(back.selection.partyId).toBe(opened.selection.partyId);
    expect(back.view.layers).toEqual(opened.view.layers);
    for (const [a, b] of [
      [back.view.camera!.zoom, opened.view.camera!.zoom],
      [back.view.camera!.center[0], opened.view.camera!.center[0]],
      [back.view.camera!.center[1], opened.view.camera!.center[1]],
    ] as const)
      expect(a).toBeCloseTo(b, 3);
    // Back once more leaves nothing to return to in the story but the page it was opened on.
    s.expectClean();
  });

  it('with reduced motion, a step moves the camera at once', async () => {
    const s = await (await browser()).newSession(WIDE);
    const { page } = s;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await s.open('?chapter=1');
    await waitForChapter(page, 0, null);
    const [before, after] = await page.evaluate(async () => {
      const hook = (window as unknown as { __appState: () => AppStateSnapshot }).__appState;
      const camera = () => JSON.stringify(hook().view.camera);
      const was = camera();
      document.querySelector<HTMLButtonElement>('[data-testid="story-next"]')!.click();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return [was, camera()];
    });
    expect(after, 'the camera settled within one frame').not.toBe(before);
    s.expectClean();
  });

  it("Reset view returns to the chapter's view after the reader has moved the map", async () => {
    const s = await openIdle(browser, WIDE, '?chapter=2');
    const { page } = s;
    const opened = await waitForChapter(page, 1, null);
    const box = (await page.locator(CANVAS).boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      (was) => JSON.stringify((window as unknown as { __appState: () => AppStateSnapshot }).__appState().view.camera) !== was,
      JSON.stringify(opened.view.camera),
    );
    await page.click('[data-testid="reset-view"]');
    await expect
      .poll(async () => (await storyState(page)).view.camera!.zoom, { timeout: 10_000 })
      .toBeCloseTo(opened.view.camera!.zoom, 2);
    s.expectClean();
  });

  it('presentation mode at 1920×1080: body text ≥ 28 px, map labels ≥ 20 px, no page header; Esc leaves it', async () => {
    const s = await openIdle(browser, { width: 1920, height: 1080 }, '?present=1');
    const { page } = s;
    await waitForChapter(page, 0, null);
    expect((await storyState(page)).story.presenting).toBe(true);
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
    // Page Down, as a presenter's clicker sends it, steps on.
    await page.keyboard.press('PageDown');
    await waitForChapter(page, 1, JSON.stringify((await storyState(page)).view.camera));
    // The pointer hides when it rests.
    await page.mouse.move(600, 400);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-pointer-idle'), null, { timeout: 8000 });
    await page.mouse.move(620, 420);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-pointer-idle'))).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await storyState(page)).story.presenting, POLL).toBe(false);
    expect((await storyState(page)).story.chapter, 'the story stays open').toBe(1);
    s.expectClean();
  });

  it('the Present button asks for full screen where it may, and leaving full screen leaves the mode', async () => {
    const s = await openIdle(browser, WIDE);
    const { page } = s;
    await page.click('[data-testid="present"]');
    await expect.poll(async () => (await storyState(page)).story.presenting, POLL).toBe(true);
    const isFullscreen = await page.evaluate(() => document.fullscreenElement !== null);
    if (isFullscreen) {
      await page.evaluate(() => document.exitFullscreen());
      await expect.poll(async () => (await storyState(page)).story.presenting, POLL).toBe(false);
    } else {
      // Refused (headless may refuse): the mode goes on in the window, quietly.
      await page.click('[data-testid="present-leave"]');
      await expect.poll(async () => (await storyState(page)).story.presenting, POLL).toBe(false);
    }
    s.expectClean();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`axe finds nothing in story and presentation modes (${lang})`, async () => {
      const s = await openIdle(browser, WIDE, `?lang=${lang}&chapter=${chapters.length}`);
      const { page } = s;
      await waitForChapter(page, chapters.length - 1, null);
      await page.locator('.story-chapters summary').click();
      expect(await violations(page)).toEqual([]);
      await page.click('[data-testid="present"]');
      await expect.poll(async () => (await storyState(page)).story.presenting, POLL).toBe(true);
      await page.waitForTimeout(500);
      expect(await violations(page)).toEqual([]);
      s.expectClean();
    });
  }

  it('at 320 px the story fits: no horizontal scroll, Next in reach', async () => {
    const s = await openIdle(browser, { width: 320, height: 640 }, '?chapter=1&lang=ar');
    const { page } = s;
    await waitForChapter(page, 0, null);
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    await page.click('[data-testid="story-next"]');
    await waitForChapter(page, 1, null);
    s.expectClean();
  });
});
