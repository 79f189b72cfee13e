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
  settledCanvas,
  canvasImage,
} from './helpers.ts';

const browser = useBrowser();

describe('map canvas', () => {
  it("draws the basemap and claims (many pixels off the background, several colours), and the map handle's snapshot is that canvas", async () => {
    const s = await openIdle(browser);
    const { page } = s;
    const box = await page.locator(CANVAS).boundingBox();
    expect(box, 'map canvas has a box').not.toBeNull();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    const onScreen = await settledCanvas(page);
    const stats = assertDrawn(onScreen, 'map canvas', { minShare: 0.1, minColours: 5 });
    console.log(
      `[map] canvas ${onScreen.width}×${onScreen.height}: ${(stats.nonBackgroundShare * 100).toFixed(1)} % off background rgb(${stats.background.join(',')}), ${stats.distinctColours} colours`,
    );

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

  it('highlights each party in place when selected on the map (the canvas changes, the camera stays), then a selection by each card changes the canvas and marks its card and button alone', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    let before = await settledCanvas(page);
    const view = await readView(page);
    for (const party of PARTIES) {
      await page.click(claimMarker(party));
      await waitSelected(page, party, 'its claim marker');
      const after = await settledCanvas(page);
      expect(await readView(page), `the camera stays put when ${party} is selected on the map`).toEqual(view);
      const changed = diffCount(before, after);
      console.log(`[map] highlight ${party} in place: ${changed} canvas pixels changed`);
      // Only styling changed (opacity, line width), so this measures the highlight itself.
      expect(changed, `canvas pixels changed by highlighting ${party}`).toBeGreaterThanOrEqual(500);
      before = after;
    }

    // Then by the cards, from where the map now is (the last party selected on the map).
    const initial = await selectedParties(page);
    // Start with a party that is not already selected, so every click is a real change.
    const order = [...PARTIES.filter((p) => !initial.includes(p)), ...PARTIES.filter((p) => initial.includes(p))];
    const minChanged = Math.max(500, Math.round(before.width * before.height * 0.002));
    let previous: string | undefined = initial[0];
    for (const party of order) {
      await selectViaButton(page, party);
      const after = await canvasImage(page);
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
});
