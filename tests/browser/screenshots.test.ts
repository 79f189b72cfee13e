// docs/screenshot.png (1280×800) and docs/screenshot-320.png (320×640), and their Arabic twins
// docs/screenshot-ar.png and docs/screenshot-ar-320.png, made from the real build: the
// overview, with one party selected on the map. And the embed (?embed=1) at 320 and 640 px in
// both languages, whole (an embed is as tall as its content): docs/embed*.png. The guided story
// and presentation mode: docs/story-*.png and docs/present-*.png.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePng, assertDrawn, diffCount, type Image } from './image.ts';
import { openIdle, claimMarker, useBrowser, waitSettled } from './helpers.ts';

const browser = useBrowser();
const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const PARTY = 'syrian-government';

describe('README screenshots', () => {
  for (const [file, lang, viewport, isEmbed] of [
    ['screenshot.png', 'en', { width: 1280, height: 800 }, false],
    ['screenshot-320.png', 'en', { width: 320, height: 640 }, false],
    ['screenshot-ar.png', 'ar', { width: 1280, height: 800 }, false],
    ['screenshot-ar-320.png', 'ar', { width: 320, height: 640 }, false],
    ['embed-320.png', 'en', { width: 320, height: 640 }, true],
    ['embed-640.png', 'en', { width: 640, height: 640 }, true],
    ['embed-ar-320.png', 'ar', { width: 320, height: 640 }, true],
    ['embed-ar-640.png', 'ar', { width: 640, height: 640 }, true],
  ] as const) {
    it(`writes docs/${file} (${lang}, ${viewport.width}×${viewport.height}${isEmbed ? ', embed' : ''}, ${PARTY} selected)`, async () => {
      const s = await openIdle(browser, viewport, `?lang=${lang}${isEmbed ? '&embed=1' : ''}`);
      const { page } = s;
      // Instant scrolling, so that the shot does not catch a smooth scroll half-way.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // Selected from its badge on the map: the camera stays on the whole story, and the
      // panel brings the party's card into view.
      await page.click(claimMarker(PARTY));
      await page.evaluate(() => window.scrollTo(0, 0));
      await waitSettled(page);
      const png = await page.screenshot({ animations: 'disabled', caret: 'hide', fullPage: isEmbed });
      const img = decodePng(png);
      expect(img.width).toBe(viewport.width);
      if (!isEmbed) expect(img.height).toBe(viewport.height);
      assertDrawn(img, `docs/${file}`, { minShare: 0.05, minColours: 4 });
      // Rewritten only when the page looks different, not for a few pixels of rendering noise,
      // so that a test run does not leave a changed file behind for nothing.
      const path = `${docs}${file}`;
      const previous = existsSync(path) ? decodePng(readFileSync(path)) : null;
      if (previous && sameSize(previous, img) && diffCount(previous, img) <= img.width * img.height * 0.005) {
        console.log(`[screenshot] docs/${file} unchanged (under 0.5 % of pixels differ)`);
      } else {
        mkdirSync(docs, { recursive: true });
        writeFileSync(path, png);
        console.log(`[screenshot] wrote docs/${file}`);
      }
      s.expectClean();
    });
  }
});

const sameSize = (a: Image, b: Image) => a.width === b.width && a.height === b.height;

/** Writes docs/<file> unless it already looks the same (under 0.5 % of pixels differ). */
function writeIfChanged(file: string, png: Buffer): void {
  const img = decodePng(png);
  const path = `${docs}${file}`;
  const previous = existsSync(path) ? decodePng(readFileSync(path)) : null;
  if (previous && sameSize(previous, img) && diffCount(previous, img) <= img.width * img.height * 0.005) {
    console.log(`[screenshot] docs/${file} unchanged (under 0.5 % of pixels differ)`);
    return;
  }
  mkdirSync(docs, { recursive: true });
  writeFileSync(path, png);
  console.log(`[screenshot] wrote docs/${file}`);
}

describe('screenshots of the legend, the comparison table and the timeline', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 740 },
    ]) {
      it(`writes docs/weigh-*-${lang}-${viewport.width}.png`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        const { page } = s;
        await page.emulateMedia({ reducedMotion: 'reduce' });
        const expand = page.locator('.legend-expand');
        if (await expand.isVisible()) await expand.click();
        for (const section of ['legend', 'comparison', 'timeline']) {
          await page.locator(`[data-testid="${section}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await page.waitForTimeout(200);
          const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
          assertDrawn(decodePng(png), `docs/weigh-${section}-${lang}-${viewport.width}.png`, { minShare: 0.05, minColours: 4 });
          writeIfChanged(`weigh-${section}-${lang}-${viewport.width}.png`, png);
        }
        s.expectClean();
      });
    }
  }
});

describe('screenshots of the guided story and presentation mode', () => {
  for (const [file, path, viewport] of [
    ['story-en-1280.png', '?lang=en&chapter=4', { width: 1280, height: 800 }],
    ['story-ar-1280.png', '?lang=ar&chapter=5', { width: 1280, height: 800 }],
    ['story-en-375.png', '?lang=en&chapter=6', { width: 375, height: 740 }],
    ['present-en-1920.png', '?lang=en&present=1&chapter=7', { width: 1920, height: 1080 }],
    ['present-ar-1920.png', '?lang=ar&present=1&chapter=3', { width: 1920, height: 1080 }],
  ] as const) {
    it(`writes docs/${file}`, async () => {
      const s = await (await browser()).newSession(viewport);
      const { page } = s;
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await s.open(path);
      await page.waitForFunction(() => {
        const hook = (window as unknown as { __appState: () => { view: { mapStatus: string; cameraRequest: unknown } } })
          .__appState;
        const state = hook?.();
        return state?.view.mapStatus === 'idle' && state.view.cameraRequest === null;
      });
      await waitSettled(page);
      const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      assertDrawn(decodePng(png), `docs/${file}`, { minShare: 0.05, minColours: 4 });
      writeIfChanged(file, png);
      s.expectClean();
    });
  }
});
