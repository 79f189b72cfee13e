// Reflow at 320 CSS px (WCAG 1.4.10): no page-level horizontal scroll, map shown, every card reachable.
// Checked once the map's own elements (controls, badges, places) are on the page: what the map
// draws on its canvas takes no room of its own, so its tiles are not waited for.
import { describe, expect, it } from 'vitest';
import { MAP, PARTIES, STATE_CEILING_MS, card, useBrowser } from './helpers.ts';

const browser = useBrowser();

describe('320 px wide', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`has no horizontal scroll, a visible map and all three cards reachable by scrolling (${lang})`, async () => {
      const s = await (await browser()).newSession({ width: 320, height: 640 });
      const { page } = s;
      await s.open(`?lang=${lang}`);
      await page.waitForFunction(
        (map) =>
          document.querySelector(`${map} .maplibregl-ctrl`) !== null &&
          document.querySelector(`${map} [data-testid="claim-marker"]`) !== null &&
          document.querySelector(`${map} .place-marker-label`) !== null,
        MAP,
        { timeout: STATE_CEILING_MS },
      );

      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        bodyScrollWidth: document.body.scrollWidth,
        innerWidth,
      }));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      console.log(
        `[reflow] ${lang} at 320 px: documentElement.scrollWidth ${widths.scrollWidth}, body ${widths.bodyScrollWidth}, innerWidth ${widths.innerWidth}`,
      );
      expect(widths.innerWidth).toBe(320);
      expect(widths.scrollWidth, 'document scrollWidth ≤ innerWidth').toBeLessThanOrEqual(widths.innerWidth);

      const map = page.locator(MAP);
      await map.scrollIntoViewIfNeeded();
      expect(await map.isVisible(), 'map container visible').toBe(true);
      const mapBox = (await map.boundingBox())!;
      expect(mapBox.height, 'map container height').toBeGreaterThan(0);
      expect(mapBox.width, 'map container width').toBeGreaterThan(0);
      expect(mapBox.width, 'map container fits the viewport').toBeLessThanOrEqual(320);

      for (const party of PARTIES) {
        const c = page.locator(card(party));
        await c.scrollIntoViewIfNeeded();
        expect(await c.isVisible(), `${party} card visible after scrolling to it`).toBe(true);
        const inView = await c.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.left >= -1 && r.right <= innerWidth + 1;
        });
        expect(inView, `${party} card inside the viewport after scrolling, not cut at the sides`).toBe(true);
      }

      // Anything rendered wider than the viewport, or sticking out at either side, that is not inside
      // a narrower scroll container of its own (tables and the like may scroll inside a box). Map
      // markers off the current view are clipped by the map itself, so clipping counts there only.
      const offenders = await page.evaluate(() => {
        const vw = innerWidth;
        const out: string[] = [];
        const describe = (el: Element) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
        const scrolledInside = (el: Element) => {
          for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
            const ox = getComputedStyle(a).overflowX;
            const clipsMap = (ox === 'hidden' || ox === 'clip') && a.closest('[data-testid="map"]') !== null;
            if (ox === 'auto' || ox === 'scroll' || clipsMap) {
              const r = a.getBoundingClientRect();
              if (r.width <= vw + 1 && r.left >= -1 && r.right <= vw + 1) return true;
            }
          }
          return false;
        };
        for (const el of document.body.querySelectorAll('*')) {
          const st = getComputedStyle(el);
          if (st.display === 'none' || st.visibility === 'hidden') continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.width <= 2 && r.height <= 2) continue; // visually hidden text (sr-only)
          const tooWide = r.width > vw + 1;
          const sticksOut = (r.right > vw + 1 && r.left < vw) || (r.left < -1 && r.right > 0);
          if ((tooWide || sticksOut) && !scrolledInside(el)) {
            out.push(`${describe(el)} left ${r.left.toFixed(0)} width ${r.width.toFixed(0)}`);
          }
        }
        return out;
      });
      expect(offenders, 'elements wider than / beyond the 320 px viewport').toEqual([]);
      s.expectClean();
    });
  }
});
