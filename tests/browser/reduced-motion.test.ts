// With prefers-reduced-motion, selecting a version moves the camera at once (no flight), and
// the page runs no CSS transition or animation.
import { describe, expect, it } from 'vitest';
import { MAP, selectButton, useBrowser, waitForMapState } from './helpers.ts';

const browser = useBrowser();

describe('reduced motion', () => {
  it('jumps the camera to a selected version and animates nothing', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await s.open();
    await waitForMapState(page, 'idle');
    const before = await page.getAttribute(MAP, 'data-view');
    // Click and read the view within the same task plus one frame: only a camera change with
    // no duration has ended (and written data-view on moveend) by then.
    const after = await page.evaluate(
      async ({ button, map }) => {
        document.querySelector<HTMLButtonElement>(button)!.click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return document.querySelector(map)!.getAttribute('data-view');
      },
      { button: selectButton('syrian-government'), map: MAP },
    );
    expect(after, 'the view changed at once').not.toBe(before);
    const animated = await page.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter((el) => {
          const style = getComputedStyle(el);
          const seconds = (v: string) => Math.max(...v.split(',').map((t) => parseFloat(t) || 0));
          return (
            seconds(style.transitionDuration) > 0 || (style.animationName !== 'none' && seconds(style.animationDuration) > 0)
          );
        }).length,
    );
    expect(animated, 'elements with a running CSS transition or animation').toBe(0);
    s.expectClean();
  });
});
