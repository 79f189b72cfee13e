// Without WebGL the reader still gets a static map and every version.
import { describe, expect, it } from 'vitest';
import { decodePng, assertDrawn } from './image.ts';
import { ar } from '../../src/i18n/ar.ts';
import { MAP, NO_WEBGL_ARGS, PARTIES, STATE_CEILING_MS, card, useBrowser, waitForMapState } from './helpers.ts';

const browser = useBrowser(NO_WEBGL_ARGS);

describe('no WebGL', () => {
  it('shows the static SVG map and the three cards, with no uncaught error', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await s.open();
    const gl = await page.evaluate(() => ({
      webgl2: document.createElement('canvas').getContext('webgl2') !== null,
      webgl: document.createElement('canvas').getContext('webgl') !== null,
    }));
    expect(gl, `precondition: ${NO_WEBGL_ARGS.join(' ')} leaves no WebGL`).toEqual({ webgl2: false, webgl: false });

    await waitForMapState(page, 'static');
    const fallback = page.locator('[data-testid="static-map"]');
    expect(await fallback.count(), 'one static map').toBe(1);
    await fallback.scrollIntoViewIfNeeded();
    expect(await fallback.isVisible(), 'static map visible').toBe(true);
    const svg = await fallback.evaluate((el) => {
      const root = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
      if (!root) return null;
      const box = root.getBoundingClientRect();
      return {
        shapes: root.querySelectorAll('path, polygon, polyline, circle, ellipse, line, rect').length,
        width: box.width,
        height: box.height,
      };
    });
    expect(svg, 'static map is (or holds) an inline SVG').not.toBeNull();
    expect(svg!.shapes, 'SVG shapes drawn in the static map').toBeGreaterThanOrEqual(5);
    expect(svg!.width).toBeGreaterThan(100);
    expect(svg!.height).toBeGreaterThan(100);
    const img = decodePng(await fallback.screenshot({ animations: 'disabled' }));
    const stats = assertDrawn(img, 'static map', { minShare: 0.05, minColours: 3 });
    console.log(
      `[no-webgl] static map ${img.width}×${img.height}, ${svg!.shapes} shapes, ${(stats.nonBackgroundShare * 100).toFixed(1)} % off background, ${stats.distinctColours} colours`,
    );
    expect(
      await page
        .locator(`${MAP} canvas.maplibregl-canvas`)
        .isVisible()
        .catch(() => false),
      'no visible MapLibre canvas',
    ).toBe(false);

    for (const party of PARTIES) {
      const c = page.locator(card(party));
      await c.scrollIntoViewIfNeeded();
      expect(await c.isVisible(), `${party} card visible without WebGL`).toBe(true);
      expect((await c.innerText()).trim().length, `${party} card has text`).toBeGreaterThan(50);
    }

    if (s.consoleErrors.length)
      console.log(`[no-webgl] console errors (reported, not asserted):\n  ${s.consoleErrors.join('\n  ')}`);
    s.expectClean({ allowConsoleErrors: true });
  });

  it('draws the static map in Arabic for ?lang=ar: Arabic names, shaped by the browser', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await s.open('?lang=ar');
    await waitForMapState(page, 'static');
    const svg = page.locator('[data-testid="static-map"] svg');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="static-map"] svg text').length > 5, null, {
      timeout: STATE_CEILING_MS,
    });
    expect(await svg.getAttribute('aria-label')).toBe(ar['map.label']);
    expect(await svg.getAttribute('direction')).toBe('rtl');
    const texts = await svg.locator('text').allTextContents();
    for (const name of ['سوريا', 'قاعدة التنف', 'السخنة']) expect(texts.join(' | ')).toContain(name);
    expect(await page.locator('[data-testid="static-map"] .map-status').innerText()).toBe(ar['map.staticNote']);
    // Labels stay on their side of their dot, as in English (the map is not mirrored).
    const tanf = await svg.locator('.static-place', { hasText: 'قاعدة التنف' }).evaluate((g) => {
      const dot = g.querySelector('circle')!.getBoundingClientRect();
      const label = g.querySelector('text')!.getBoundingClientRect();
      return { dotLeft: dot.left, labelRight: label.right };
    });
    expect(tanf.labelRight, 'al-Tanf garrison named to the left of its dot').toBeLessThanOrEqual(tanf.dotLeft + 1);
    s.expectClean({ allowConsoleErrors: true });
  });
});
