// axe-core's WCAG 2.2 A/AA rules on the real page, wide and at 320 px, with and without a
// selection. axe cannot see into the canvas nor operate a keyboard: the other browser tests
// cover those (markers reached with Tab, Enter on claims and places).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  appState,
  axeViolations,
  claimMarker,
  openIdle,
  scrollSettled,
  selectButton,
  selectedParties,
  STATE_CEILING_MS,
  useBrowser,
  waitSelected,
  waitSettled,
} from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };

/** A click on SOHR's badge on the map; returns once the selection is made and the page is at rest. */
async function selectSohrOnTheMap(page: Page): Promise<void> {
  await page.click(claimMarker('sohr'));
  // The page then scrolls to the card (smoothly) while the map highlights it: axe reads the
  // page once both have come to rest.
  await waitSelected(page, 'sohr', "a click on SOHR's badge", STATE_CEILING_MS);
  await waitSettled(page);
  await scrollSettled(page);
}

/**
 * From a selection, back to the state of a page just opened at `viewport`: nothing selected
 * (SOHR's button pressed again lets go of it), the opening view as framed at that size (a
 * resize keeps the camera), scrolled to the top, focus on nothing.
 */
async function backToOpeningAt(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.click(selectButton('sohr'));
  await expect.poll(() => selectedParties(page), { message: 'nothing selected' }).toEqual([]);
  await page.setViewportSize(viewport);
  await expect.poll(() => page.evaluate(() => innerWidth), { message: `laid out at ${viewport.width} px` }).toBe(viewport.width);
  // Reset view: a jump, as the whole file runs with reduced motion.
  await page.locator('[data-testid="reset-view"]').click();
  await waitSettled(page);
  expect((await appState(page)).view.isHomeCamera, 'the opening view').toBe(true);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) if (el.scrollTop !== 0) el.scrollTo({ top: 0, behavior: 'instant' });
    window.scrollTo({ top: 0, behavior: 'instant' });
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await scrollSettled(page);
}

describe('accessibility (axe-core, WCAG 2.2 AA rules)', () => {
  // One page per language: opened at 1280 px, then put back into an opened page's state at 320 px.
  for (const lang of ['en', 'ar'] as const) {
    it(`finds no violation in ${lang} at 1280 px and at 320 px, before and after selecting a party`, async () => {
      const s = await openIdle(browser, WIDE, `?lang=${lang}`);
      const { page } = s;
      expect(await axeViolations(page), `${WIDE.width} px, nothing selected`).toEqual([]);
      await selectSohrOnTheMap(page);
      expect(await axeViolations(page), `${WIDE.width} px, SOHR selected`).toEqual([]);

      await backToOpeningAt(page, PHONE);
      expect(await axeViolations(page), `${PHONE.width} px, nothing selected`).toEqual([]);
      await selectSohrOnTheMap(page);
      expect(await axeViolations(page), `${PHONE.width} px, SOHR selected`).toEqual([]);
      s.expectClean();
    });
  }
});
