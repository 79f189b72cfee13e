// axe-core's WCAG 2.2 A/AA rules on the real page, wide and at 320 px, with and without a
// selection. axe cannot see into the canvas nor operate a keyboard: the other browser tests
// cover those (markers reached with Tab, Enter on claims and places).
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openIdle, claimMarker, useBrowser } from './helpers.ts';

const browser = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.2 AA rules)', () => {
  for (const [lang, viewport] of [
    ['en', { width: 1280, height: 800 }],
    ['en', { width: 320, height: 640 }],
    ['ar', { width: 1280, height: 800 }],
    ['ar', { width: 320, height: 640 }],
  ] as const) {
    it(`finds no violation in ${lang} at ${viewport.width} px, before and after selecting a party`, async () => {
      const s = await openIdle(browser, viewport, `?lang=${lang}`);
      const { page } = s;
      expect(await violations(page)).toEqual([]);
      await page.click(claimMarker('sohr'));
      await page.waitForTimeout(300);
      expect(await violations(page)).toEqual([]);
      s.expectClean();
    });
  }
});
