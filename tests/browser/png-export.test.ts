// "Download map (PNG)": the file a reader gets, in English and Arabic, decoded and measured;
// the map on screen is left as it was; without WebGL the button is inert and says why.
// SAMPLE_PNG=docs/sample-map.png writes the English file there (for the README).
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { assertDrawn, crop, decodePng, diffCount, pixelStats, type Image } from './image.ts';
import {
  CANVAS,
  MAP,
  NO_WEBGL_ARGS,
  appState,
  claimMarker,
  openIdle,
  useBrowser,
  waitForMapState,
  settledCanvas,
  waitSettled,
  STATE_CEILING_MS,
} from './helpers.ts';

const event = parseEvent(realEventInput());
const BUTTON = '[data-testid="map-download"]';
/** The export is drawn at twice the screen's resolution (src/map/png-export-layout.ts). */
const FACTOR = 2;

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

interface MapSize {
  cssWidth: number;
  cssHeight: number;
  canvasWidth: number;
  canvasHeight: number;
  dpr: number;
}

async function mapSize(page: Page): Promise<MapSize> {
  return page.evaluate(
    ({ map, canvas }) => {
      const container = document.querySelector<HTMLElement>(map)!;
      const c = document.querySelector<HTMLCanvasElement>(canvas)!;
      return {
        cssWidth: container.clientWidth,
        cssHeight: container.clientHeight,
        canvasWidth: c.width,
        canvasHeight: c.height,
        dpr: window.devicePixelRatio,
      };
    },
    { map: MAP, canvas: CANVAS },
  );
}

async function downloadPng(page: Page): Promise<{ name: string; bytes: Buffer; image: Image }> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-disabled') === 'false', BUTTON, {
    timeout: STATE_CEILING_MS,
  });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(BUTTON).click()]);
  // Read through the connection: the file sits on the browser's side (a shared Chromium).
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { name: download.suggestedFilename(), bytes, image: decodePng(bytes) };
}

/** Pixels dark enough to be text (ink on white, or on the map's light basemap). */
function darkPixels(img: Image): { count: number; meanX: number } {
  let count = 0;
  let sumX = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      if (Math.max(img.data[o]!, img.data[o + 1]!, img.data[o + 2]!) < 110) {
        count++;
        sumX += x;
      }
    }
  }
  return { count, meanX: count ? sumX / count : Number.NaN };
}

function flat(width: number, height: number, [r, g, b]: readonly [number, number, number]): Image {
  const img = new PNG({ width, height });
  for (let o = 0; o < img.data.length; o += 4) img.data.set([r, g, b, 255], o);
  return img;
}

describe('PNG export of the map view', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: a PNG at 2× the screen, drawn, with its title on the reading side and the attribution in, the screen unchanged; named for the language, and for the party once one is selected`, async () => {
      const s = await openIdle(browser, undefined, lang === 'ar' ? '?lang=ar' : '');
      const { page } = s;
      const before = await settledCanvas(page);
      const sizeBefore = await mapSize(page);
      const cameraBefore = JSON.stringify((await appState(page)).view.camera);

      const { name, bytes, image } = await downloadPng(page);
      expect(name).toBe(`${event.id}-map-${lang}.png`);
      if (lang === 'en' && process.env.SAMPLE_PNG) await writeFile(process.env.SAMPLE_PNG, bytes);
      if (process.env.SAMPLE_PNG) await writeFile(`${tmpdir()}/png-export-${lang}.png`, bytes);
      expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

      // The width is the map's; the height the map's plus the bands, all at the export's scale.
      const scale = sizeBefore.dpr * FACTOR;
      const mapWidth = Math.round(sizeBefore.cssWidth * scale);
      const mapHeight = Math.round(sizeBefore.cssHeight * scale);
      expect(image.width, 'PNG width = map width × devicePixelRatio × 2').toBe(mapWidth);
      const bands = (image.height - mapHeight) / scale;
      console.log(
        `[png-export] ${lang}: ${name} ${image.width}×${image.height} (${bytes.length} bytes): map ${sizeBefore.cssWidth}×${sizeBefore.cssHeight} CSS px × ${scale}, bands ${bands} CSS px`,
      );
      expect(bands, 'title, legend and footer bands (CSS px)').toBeGreaterThanOrEqual(100);
      expect(bands).toBeLessThanOrEqual(400);

      // The map's middle (well inside it, whatever the bands' exact heights) is drawn: many
      // colours, and nothing like a plain fill of its own commonest colour.
      const top = Math.round(image.height * 0.3);
      const middle = crop(image, 0, top, image.width, Math.round(image.height * 0.3));
      const stats = assertDrawn(middle, 'the exported map', { minShare: 0.1, minColours: 5 });
      const plain = flat(middle.width, middle.height, stats.background);
      // (The basemap is pale and wide areas of it are one colour: 7 % here; a blank copy is 0 %.)
      const offPlain = diffCount(middle, plain) / (middle.width * middle.height);
      expect(offPlain, 'share differing from a plain fill').toBeGreaterThan(0.04);

      // The title band: dark text, starting on the reading side (left in English, right in Arabic).
      const title = darkPixels(crop(image, 0, 0, image.width, Math.round(30 * scale)));
      expect(title.count, 'dark title pixels').toBeGreaterThan(200);
      if (lang === 'ar') expect(title.meanX, 'the Arabic title sits on the right').toBeGreaterThan(image.width / 2);
      else expect(title.meanX, 'the English title sits on the left').toBeLessThan(image.width / 2);

      // The footer's last lines are the attribution and the credits: dark text on white.
      const footer = crop(image, 0, image.height - Math.round(40 * scale), image.width, Math.round(40 * scale));
      expect(darkPixels(footer).count, 'dark text pixels in the attribution area').toBeGreaterThan(200);
      expect(pixelStats(footer).background, 'the footer is white paper').toEqual([255, 255, 255]);

      // The screen: the canvas back at its own resolution and drawing the same view.
      const sizeAfter = await mapSize(page);
      expect(sizeAfter, 'canvas size and pixel ratio restored').toEqual(sizeBefore);
      const after = await settledCanvas(page);
      const changed = diffCount(before, after) / (after.width * after.height);
      expect(changed, 'share of the on-screen canvas changed by the export').toBeLessThan(0.001);
      expect(JSON.stringify((await appState(page)).view.camera), 'the camera').toBe(cameraBefore);
      expect(await page.getAttribute(BUTTON, 'aria-disabled')).toBe('false');

      // With a party selected, the file is named for it too.
      await page.locator(claimMarker('sohr')).click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true',
        claimMarker('sohr'),
      );
      await waitSettled(page);
      const selected = await downloadPng(page);
      expect(selected.name).toBe(`${event.id}-map-${lang}-sohr.png`);
      assertDrawn(selected.image, 'the export with SOHR selected');
      s.expectClean();
    });
  }
});

describe('PNG export without WebGL', () => {
  const noWebgl = useBrowser(NO_WEBGL_ARGS);

  it('the button is inert and described by the reason; clicking it downloads nothing', async () => {
    const s = await (await noWebgl()).newSession();
    const { page } = s;
    await s.open();
    await waitForMapState(page, 'static');
    const button = page.locator(BUTTON);
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    const reasonId = await button.getAttribute('aria-describedby');
    expect(reasonId, 'aria-describedby').toBeTruthy();
    const reason = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '', reasonId!);
    expect(reason).toMatch(/static map/);
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    // Still focusable, so that the reason is heard; Enter does nothing.
    await button.focus();
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), BUTTON)).toBe(true);
    await page.keyboard.press('Enter');
    // Nothing can signal that no download started: a download would be asked for while the key
    // is handled; the second after it is a bound on a negative, which a slow machine can only
    // make weaker, never make fail.
    await page.waitForTimeout(1000);
    expect(downloaded, 'a download from the static map').toBe(false);
    s.expectClean({ allowConsoleErrors: true });
  });
});
