// "Skip the map": the first Tab stop of every page (reader, embed, story, presentation, the
// story in an embed), in each language, shown when it has focus; Enter on it takes focus past
// the header and the map's own stops, so that the next Tab reaches the first version's control
// (or, in a story, the chapter's first control). WCAG 2.4.1.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ar } from '../../src/i18n/ar.ts';
import { en } from '../../src/i18n/en.ts';
import { PARTIES, STATE_CEILING_MS, axeViolations, selectButton, useBrowser, waitForMapState } from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });
const DICTIONARIES = { en, ar } as const;

const MODES = [
  { name: 'reader', query: '', story: false },
  { name: 'embed', query: 'embed=1', story: false },
  { name: 'story', query: 'chapter=2', story: true },
  { name: 'presentation', query: 'present=1', story: true },
  { name: 'story in an embed', query: 'embed=1&chapter=1', story: true },
] as const;

interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
  readonly testId: string | null;
  readonly party: string | null;
  readonly inStory: boolean;
  readonly box: { top: number; left: number; bottom: number; right: number; width: number; height: number };
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim(),
      testId: el.getAttribute('data-testid'),
      party: el.closest('[data-party]')?.getAttribute('data-party') ?? null,
      inStory: el.closest('[data-testid="story"]') !== null,
      box: { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height },
    };
  });
}

describe('the skip link', () => {
  for (const mode of MODES) {
    for (const lang of ['en', 'ar'] as const) {
      it(`is the first Tab stop and takes the next one past the map (${mode.name}, ${lang})`, async () => {
        const s = await (await browser()).newSession({ width: 1280, height: 800 });
        const { page } = s;
        await s.open(`?${mode.query}${mode.query ? '&' : ''}lang=${lang}`);
        // In English with the live map and its markers on the page (what there is to skip); in
        // Arabic as soon as the app has started, before the map: the link comes first either way.
        if (lang === 'en') await waitForMapState(page, 'idle');
        else await page.waitForFunction(() => '__appState' in window, null, { timeout: STATE_CEILING_MS });

        await page.locator('body').focus();
        await page.keyboard.press('Tab');
        const link = await focused(page);
        expect(link?.tag, 'the first Tab stop is a link').toBe('a');
        expect(link?.text).toBe(DICTIONARIES[lang]['app.skipMap']);
        // Shown while it has focus: inside the window, with room for its words.
        expect(link!.box.top, 'skip link on screen').toBeGreaterThanOrEqual(0);
        expect(link!.box.left).toBeGreaterThanOrEqual(0);
        expect(link!.box.right).toBeLessThanOrEqual(1280);
        expect(link!.box.height, 'skip link has a visible height').toBeGreaterThan(20);
        if (mode.name === 'reader') expect(await axeViolations(page), 'axe with the skip link shown').toEqual([]);

        await page.keyboard.press('Enter');
        const target = await focused(page);
        expect(target?.id, 'focus moved to the skip target').toBe(mode.story ? 'story-chapter-title' : 'versions-list');
        expect(await page.evaluate(() => location.hash), 'the URL is left alone').toBe('');

        await page.keyboard.press('Tab');
        const next = await focused(page);
        if (mode.story) {
          expect(next?.inStory, `the next Tab is in the chapter's panel (got ${JSON.stringify(next)})`).toBe(true);
        } else {
          expect(next?.testId, `the next Tab is a "Show on map" button (got ${JSON.stringify(next)})`).toBe('select-party');
          expect(next?.party).toBe(PARTIES[0]);
          expect(await page.locator(selectButton(PARTIES[0])).evaluate((el) => el === document.activeElement)).toBe(true);
        }
        s.expectClean();
      });
    }
  }

  it('works before the scripts run: a plain link to the versions in the served HTML', async () => {
    const s = await (await browser()).newSession({ width: 1280, height: 800 });
    const { page } = s;
    await page.route(/\.m?js(\?|$)/, (route) => route.abort());
    await s.open('');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const link = await focused(page);
    expect(link?.text).toBe(en['app.skipMap']);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next?.testId, `the next Tab after the skip link, with no script (got ${JSON.stringify(next)})`).toBe('select-party');
  });
});
