// The WebGL map draws, and selecting a party changes what it draws.
import { describe, expect, it } from 'vitest';
import { assertDrawn, crop, decodePng, diffCount } from './image.ts';
import {
  openIdle,
  CANVAS,
  PARTIES,
  card,
  claimMarker,
  readView,
  selectButton,
  selectViaButton,
  selectedParties,
  useBrowser,
  waitSelected,
  waitSettled,
} from './helpers.ts';

const browser = useBrowser();

describe('map canvas', () => {
  it("the map handle's snapshot is a PNG of the drawn canvas, the same as on screen", async () => {
    const s = await openIdle(browser);
    const { page } = s;
    const onScreen = await waitSettled(page);
    const base64 = await page.evaluate(() =>
      (window as unknown as { __mapSnapshot: () => Promise<string | null> }).__mapSnapshot(),
    );
    expect(base64, 'a snapshot while the map is interactive').not.toBeNull();
    const snapshot = decodePng(Buffer.from(base64!, 'base64'));
    const size = await page.evaluate((sel) => {
      const canvas = document.querySelector<HTMLCanvasElement>(sel)!;
      return [canvas.width, canvas.height];
    }, CANVAS);
    expect([snapshot.width, snapshot.height], 'the canvas size').toEqual(size);
    assertDrawn(snapshot, 'map snapshot');
    // The canvas sits at a fractional CSS offset, so the element screenshot has a row more and
    // may be shifted by one: compare the rows both have, at the better of the two alignments.
    const width = Math.min(snapshot.width, onScreen.width);
    const height = Math.min(snapshot.height, onScreen.height) - 1;
    const differing =
      Math.min(...[0, 1].map((dy) => diffCount(crop(snapshot, 0, 0, width, height), crop(onScreen, 0, dy, width, height)))) /
      (width * height);
    console.log(`[map] snapshot ${snapshot.width}×${snapshot.height}: ${(differing * 100).toFixed(2)} % differs from the screen`);
    expect(differing, 'share of pixels that differ from the canvas on screen').toBeLessThan(0.01);
    s.expectClean();
  });

  it('draws the basemap and claims: many pixels off the background, several colours', async () => {
    const s = await openIdle(browser);
    const box = await s.page.locator(CANVAS).boundingBox();
    expect(box, 'map canvas has a box').not.toBeNull();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    const img = await waitSettled(s.page);
    const stats = assertDrawn(img, 'map canvas', { minShare: 0.1, minColours: 5 });
    console.log(
      `[map] canvas ${img.width}×${img.height}: ${(stats.nonBackgroundShare * 100).toFixed(1)} % off background rgb(${stats.background.join(',')}), ${stats.distinctColours} colours`,
    );
    s.expectClean();
  });

  it('selecting each party changes the canvas, marks its card and button, and deselects the others', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    let before = await waitSettled(page);
    const initial = await selectedParties(page);
    // Start with a party that is not already selected, so every click is a real change.
    const order = [...PARTIES.filter((p) => !initial.includes(p)), ...PARTIES.filter((p) => initial.includes(p))];
    const minChanged = Math.max(500, Math.round(before.width * before.height * 0.002));
    let previous: string | undefined = initial[0];
    for (const party of order) {
      const after = await selectViaButton(page, party);
      const changed = diffCount(before, after);
      console.log(
        `[map] select ${party}: ${changed} canvas pixels changed (${((changed / (after.width * after.height)) * 100).toFixed(2)} %)`,
      );
      expect(changed, `canvas pixels changed when selecting ${party} (after ${previous ?? 'nothing'})`).toBeGreaterThanOrEqual(
        minChanged,
      );

      expect(await page.getAttribute(card(party), 'aria-current')).toBe('true');
      expect(await page.getAttribute(selectButton(party), 'aria-pressed')).toBe('true');
      for (const other of PARTIES.filter((p) => p !== party)) {
        expect(await page.getAttribute(card(other), 'aria-current'), `${other}'s card after selecting ${party}`).not.toBe('true');
        expect(await page.getAttribute(selectButton(other), 'aria-pressed'), `${other}'s button after selecting ${party}`).toBe(
          'false',
        );
      }
      before = after;
      previous = party;
    }
    s.expectClean();
  });

  it('highlights the selected party in place: a selection made on the map changes the canvas without moving it', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    let before = await waitSettled(page);
    const view = await readView(page);
    for (const party of PARTIES) {
      await page.click(claimMarker(party));
      await waitSelected(page, party, 'its claim marker');
      const after = await waitSettled(page);
      expect(await readView(page), `the camera stays put when ${party} is selected on the map`).toEqual(view);
      const changed = diffCount(before, after);
      console.log(`[map] highlight ${party} in place: ${changed} canvas pixels changed`);
      // Only styling changed (opacity, line width), so this measures the highlight itself.
      expect(changed, `canvas pixels changed by highlighting ${party}`).toBeGreaterThanOrEqual(500);
      before = after;
    }
    s.expectClean();
  });
});
