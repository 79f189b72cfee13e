// When the browser takes the WebGL context away, the map says it is paused; when the context
// comes back, the map draws again; when it does not, the static map takes over.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertDrawn } from './image.ts';
import { CONTEXT_RESTORE_TIMEOUT_MS } from '../../src/map/bindings/context-loss.ts';
import { openIdle, CANVAS, MAP, PARTIES, STATE_CEILING_MS, card, mapState, settledCanvas, useBrowser } from './helpers.ts';

// The map's own notices; the page has other status regions (the PNG download's, the story's).
const MAP_FIGURE = '.map-figure';

const browser = useBrowser();

/** Loses (or restores) the map canvas's WebGL context through WEBGL_lose_context. */
async function context(page: Page, action: 'loseContext' | 'restoreContext'): Promise<void> {
  await page.evaluate(
    ({ canvas, action }) => {
      // Kept on window: once the context is lost, getExtension no longer hands it out. A restored
      // context is the same object, so the same extension loses it again.
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

async function waitForState(page: Page, state: string): Promise<void> {
  try {
    await page.waitForFunction(
      ({ map, state }) => document.querySelector(map)?.getAttribute('data-map-state') === state,
      { map: MAP, state },
      { timeout: STATE_CEILING_MS },
    );
  } catch {
    throw new Error(`the map did not reach data-map-state="${state}" (it is "${await mapState(page)}")`);
  }
}

describe('WebGL context loss', () => {
  // One page for both: a context that came back once is lost again, and this time stays lost.
  it('shows a paused notice while the context is lost and draws again once it is restored; when it is not, the static map replaces the map', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    await context(page, 'loseContext');
    await waitForState(page, 'paused');
    expect(await page.locator(MAP_FIGURE).getByRole('status').innerText()).toMatch(/paused/i);
    for (const party of PARTIES) expect(await page.isVisible(card(party))).toBe(true);

    await context(page, 'restoreContext');
    await waitForState(page, 'idle');
    assertDrawn(await settledCanvas(page), 'map canvas after the context came back', { minShare: 0.1, minColours: 5 });
    expect(await page.locator('.map-status').count(), 'no notice once the map is back').toBe(0);

    // The app gives a lost context CONTEXT_RESTORE_TIMEOUT_MS to come back. The page's clock is
    // taken over from here and run past that time, rather than the test sitting through it.
    await page.clock.install();
    await context(page, 'loseContext');
    await waitForState(page, 'paused');
    expect(await page.locator(MAP_FIGURE).getByRole('status').innerText()).toMatch(/paused/i);
    await page.clock.fastForward(CONTEXT_RESTORE_TIMEOUT_MS);
    await waitForState(page, 'static');
    expect(await page.isVisible('[data-testid="static-map"] svg')).toBe(true);
    // The static map fetches its basemap files when it appears: wait for them to be drawn.
    await page
      .waitForFunction(() => document.querySelectorAll('[data-testid="static-map"] svg path').length > 20, null, {
        timeout: STATE_CEILING_MS,
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
