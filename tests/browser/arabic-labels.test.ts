// Arabic drawn on the map canvas: joined letters, right to left. No DOM can be asked what the
// canvas shows, so each country name is compared with a crop reviewed by eye and kept in
// tests/browser/baselines/ (a missing baseline is written and the test fails, to be reviewed).
// The English canvas at the same place is the control: the comparison must tell them apart.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { project } from './geo.ts';
import { canvasImage, openIdle, readView, useBrowser, MAP } from './helpers.ts';
import { crop, decodePng, diffCount, encodePng, type Image } from './image.ts';

const browser = useBrowser();
const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));
// The names the Badia event prints on its map (event.json's map.labels), as the page was built for it.
const labels = {
  features: parseEvent(realEventInput()).map.labels.map((label) => ({
    geometry: { coordinates: [label.at[0], label.at[1]] as [number, number] },
    properties: { name: label.name.en, name_ar: label.name.ar },
  })),
};
const BOX = { width: 90, height: 34 };
/** Label placement rounds to whole pixels differently as the view shifts: search a few. */
const SHIFT = 3;
/** pixelmatch's colour distance (0–1) under which two pixels count as the same: text edges differ by a shade. */
const SAME_COLOUR = 0.15;

/** The smallest share of differing pixels between `expected` and a box of `img` near (`x`, `y`). */
function bestMatch(img: Image, expected: Image, x: number, y: number): number {
  let best = Infinity;
  for (let dy = -SHIFT; dy <= SHIFT; dy++) {
    for (let dx = -SHIFT; dx <= SHIFT; dx++) {
      const left = Math.round(x - expected.width / 2) + dx;
      const top = Math.round(y - expected.height / 2) + dy;
      best = Math.min(best, diffCount(crop(img, left, top, expected.width, expected.height), expected, SAME_COLOUR));
    }
  }
  return best / (expected.width * expected.height);
}

async function canvasAt(lang: 'en' | 'ar') {
  const s = await openIdle(browser, { width: 1280, height: 800 }, `?lang=${lang}`);
  const view = await readView(s.page);
  const box = (await s.page.locator(MAP).boundingBox())!;
  const image = await canvasImage(s.page);
  s.expectClean();
  await s.page.close();
  return { view, image, size: box };
}

describe('Arabic labels on the map canvas', () => {
  it('match the reviewed crops: joined, in order, and unlike the English ones at the same place', async () => {
    const arabic = await canvasAt('ar');
    const english = await canvasAt('en');
    mkdirSync(BASELINES, { recursive: true });
    const written: string[] = [];
    for (const { geometry, properties } of labels.features.slice(0, 2)) {
      const file = `${BASELINES}country-${properties.name.toLowerCase()}-ar.png`;
      const at = (map: typeof arabic) => project(map.view, map.size.width, map.size.height, geometry.coordinates);
      const { x, y } = at(arabic);
      if (!existsSync(file)) {
        writeFileSync(
          file,
          encodePng(crop(arabic.image, Math.round(x - BOX.width / 2), Math.round(y - BOX.height / 2), BOX.width, BOX.height)),
        );
        written.push(file);
        continue;
      }
      const baseline = decodePng(readFileSync(file));
      const arabicShare = bestMatch(arabic.image, baseline, x, y);
      const english_ = at(english);
      const englishShare = bestMatch(english.image, baseline, english_.x, english_.y);
      console.log(
        `[arabic-labels] ${properties.name_ar}: ${(arabicShare * 100).toFixed(2)} % of pixels differ from the baseline; English "${properties.name}" there: ${(englishShare * 100).toFixed(2)} %`,
      );
      expect(englishShare, `control: the English label differs from the Arabic baseline of ${properties.name}`).toBeGreaterThan(
        0.03,
      );
      expect(arabicShare, `${properties.name_ar} as reviewed in ${file}`).toBeLessThanOrEqual(0.01);
    }
    expect(written, 'baselines written: look at them, and commit them if they are right').toEqual([]);
  });
});
