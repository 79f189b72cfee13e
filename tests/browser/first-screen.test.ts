// What each reader sees before scrolling: on a laptop (1280 × 800, 1440 × 900) a party's
// version, not only the introduction and the legend; on a phone (375 and 320 px wide) a header
// whose tools keep to one row above the headline, the reuse tools one tap away under "Share".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PARTIES, axeViolations, card, openIdle, selectButton, useBrowser } from './helpers.ts';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';

const browser = useBrowser([], { reducedMotion: 'reduce' });
const DICTIONARIES = { en, ar } as const;

async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForFunction((w) => innerWidth === w, width);
  await page.evaluate(() => scrollTo(0, 0));
}

/** The boxes of the header's visible tools, in document order. */
async function headerTools(page: Page): Promise<{ name: string; top: number; bottom: number; right: number; left: number }[]> {
  return page.locator('.app-header-tools').evaluate((tools) =>
    [...tools.querySelectorAll<HTMLElement>('a, button')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: (el.textContent ?? '').trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }),
  );
}

describe('the first screen', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`shows a party's version on a laptop and keeps a phone's header to one row (${lang})`, async () => {
      const s = await openIdle(browser, { width: 1280, height: 800 }, `?lang=${lang}`);
      const { page } = s;
      for (const [width, height] of [
        [1280, 800],
        [1440, 900],
      ] as const) {
        await resize(page, width, height);
        const first = await page.locator(card(PARTIES[0])).evaluate((el) => el.getBoundingClientRect().top);
        const button = (await page.locator(selectButton(PARTIES[0])).boundingBox())!;
        expect(first, `${width} × ${height}: the first version starts on the first screen`).toBeLessThan(height - 150);
        expect(button.y + button.height, `${width} × ${height}: its "Show on map" is on the first screen`).toBeLessThanOrEqual(
          height,
        );
        // Every reuse tool is in the header itself, no "Share" button in the way.
        const names = (await headerTools(page)).map((t) => t.name);
        expect(names, `${width} px: the header's tools`).not.toContain(DICTIONARIES[lang]['app.shareTools']);
        expect(names.length, `${width} px: language, embed, map image and handout`).toBe(4);
      }

      for (const [width, height] of [
        [375, 667],
        [320, 640],
      ] as const) {
        await resize(page, width, height);
        const tools = await headerTools(page);
        expect(
          tools.map((t) => t.name),
          `${width} px: the language switch and "Share"`,
        ).toEqual([expect.any(String), DICTIONARIES[lang]['app.shareTools']]);
        const [a, b] = tools;
        expect(Math.abs(a!.top - b!.top), `${width} px: the header's tools on one row`).toBeLessThan(4);
        const h1 = await page.locator('.app-header h1').evaluate((el) => el.getBoundingClientRect().top);
        expect(h1, `${width} px: the headline right under them`).toBeLessThan(Math.max(a!.bottom, b!.bottom) + 40);
        for (const t of tools) expect(t.left >= 0 && t.right <= width, `${t.name} inside the screen`).toBe(true);

        // "Share" opens the three tools, each one tap away, and closes them again.
        const toggle = page.locator('[data-testid="share-tools-toggle"]');
        await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
        for (const id of ['embed-button', 'map-download', 'print-button']) {
          expect(
            await page.locator(`.app-header [data-testid="${id}"]`).isVisible(),
            `${width} px: ${id} shown under Share`,
          ).toBe(true);
        }
        // The header's tools (the whole page at 320 px is accessibility.test.ts's, from its opening view).
        if (width === 320)
          expect(await axeViolations(page, '.app-header'), 'axe on the header with the tools open at 320 px').toEqual([]);
        await toggle.click();
        await expect.poll(() => page.locator('.app-header [data-testid="embed-button"]').isVisible()).toBe(false);
      }
      s.expectClean();
    });
  }
});
