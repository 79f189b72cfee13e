// A whole reading session: no console error, no uncaught error, no request off 127.0.0.1.
import { describe, expect, it } from 'vitest';
import {
  openIdle,
  CANVAS,
  PARTIES,
  claimMarker,
  selectViaButton,
  useBrowser,
  waitForMapState,
  waitSelected,
  waitSettled,
} from './helpers.ts';

const browser = useBrowser();

describe('page hygiene', () => {
  it('logs no console error or page error and requests nothing outside its own origin', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    await waitSettled(page);
    for (const party of PARTIES) await selectViaButton(page, party);
    // Keyboard and pointer on the map too: pan with the keys, zoom with the wheel.
    const marker = page.locator(claimMarker(PARTIES[0]));
    await marker.focus();
    await page.keyboard.press('Enter');
    await waitSelected(page, PARTIES[0], 'Enter on a claim marker');
    const box = (await page.locator(CANVAS).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.locator(CANVAS).focus();
    await page.keyboard.press('ArrowRight');
    await waitSettled(page);
    await page.reload({ waitUntil: 'load' });
    await waitForMapState(page, 'idle');

    console.log(`[hygiene] ${s.requests.length} requests, all to ${s.origin}, data: or blob:`);
    expect(s.requests.length, 'the page made requests at all (the recorder works)').toBeGreaterThan(0);
    expect(
      s.requests.some((u) => u.startsWith(s.origin)),
      'requests to the app origin recorded',
    ).toBe(true);
    expect(s.offOrigin, 'requests leaving 127.0.0.1').toEqual([]);
    expect(s.pageErrors, 'uncaught page errors').toEqual([]);
    expect(s.consoleErrors, 'console errors').toEqual([]);
  });
});
