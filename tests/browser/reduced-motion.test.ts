// With prefers-reduced-motion, selecting a version moves the camera at once (no flight), and
// the page runs no CSS transition or animation.
import { describe, expect, it } from 'vitest';
import { selectButton, settledCamera, useBrowser, waitForMapState, emulateMedia } from './helpers.ts';

const browser = useBrowser();

describe('reduced motion', () => {
  it('jumps the camera to a selected version and animates nothing', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await emulateMedia(page, { reducedMotion: 'reduce' });
    await s.open();
    await waitForMapState(page, 'idle');
    const before = await settledCamera(page);
    // Click and read the store's camera in the same task: a camera change with no duration
    // ends (and is written to the store on moveend) before the click returns, while a flight,
    // however slow or fast the machine, cannot end before its first frame.
    const after = await page.evaluate((button) => {
      document.querySelector<HTMLButtonElement>(button)!.click();
      const hook = (window as unknown as { __appState: () => { view: { camera: unknown } } }).__appState;
      return JSON.stringify(hook().view.camera);
    }, selectButton('syrian-government'));
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
