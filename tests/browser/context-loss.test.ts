// When the browser takes the WebGL context away, the map says it is paused; when the context
// comes back, the map draws again; when it does not, the static map takes over.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertDrawn } from './image.ts';
import { openIdle, CANVAS, MAP, PARTIES, card, mapState, useBrowser, waitSettled } from './helpers.ts';

// The map's own notices; the page has other status regions (the PNG download's, the story's).
const MAP_FIGURE = '.map-figure';

const browser = useBrowser();

/** Loses (or restores) the map canvas's WebGL context through WEBGL_lose_context. */
async function context(page: Page, action: 'loseContext' | 'restoreContext'): Promise<void> {
  await page.evaluate(
    ({ canvas, action }) => {
      // Kept on window: once the context is lost, getExtension no longer hands it out.
      const w = window as unknown as { __loseContext?: WEBGL_lose_context | null };
      w.__loseContext ??= document
        .querySelector<HTMLCanvasElement>(canvas)
        ?.getContext('webgl2')
        ?.getExtension('WEBGL_lose_context');
      if (!w.__loseContext) throw new Error('WEBGL_lose_context is not available on the map canvas');
      w.__loseContext[action]();
    },
    { canvas: CANVAS, action },
  );
}

async function waitForState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ({ map, state }) => document.querySelector(map)?.getAttribute('data-map-state') === state,
    { map: MAP, state },
    { timeout },
  );
}

describe('WebGL context loss', () => {
  it('shows a paused notice while the context is lost, and draws again once it is restored', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    await context(page, 'loseContext');
    await waitForState(page, 'paused');
    expect(await page.locator(MAP_FIGURE).getByRole('status').innerText()).toMatch(/paused/i);
    for (const party of PARTIES) expect(await page.isVisible(card(party))).toBe(true);

    await context(page, 'restoreContext');
    await waitForState(page, 'idle');
    assertDrawn(await waitSettled(page), 'map canvas after the context came back', { minShare: 0.1, minColours: 5 });
    expect(await page.locator('.map-status').count(), 'no notice once the map is back').toBe(0);
    s.expectClean();
  });

  it('replaces the map with the static map when the context does not come back', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    await context(page, 'loseContext');
    await waitForState(page, 'paused');
    await waitForState(page, 'static', 15_000);
    expect(await page.isVisible('[data-testid="static-map"] svg')).toBe(true);
    // The static map fetches its basemap files when it appears: wait for them to be drawn.
    await page
      .waitForFunction(() => document.querySelectorAll('[data-testid="static-map"] svg path').length > 20, null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    expect(
      await page.locator('[data-testid="static-map"] svg path').count(),
      'basemap and claims drawn in the static map',
    ).toBeGreaterThan(20);
    expect(await mapState(page)).toBe('static');
    for (const party of PARTIES) expect(await page.isVisible(card(party))).toBe(true);
    s.expectClean();
  });
});
