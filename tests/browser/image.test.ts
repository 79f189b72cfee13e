// The pixel checks themselves can fail: Chromium's PNGs are read exactly, a blank or flat canvas
// is rejected, and the comparison sees a change. Pages here are built with setContent, so they need no app.
import { describe, expect, it } from 'vitest';
import { assertDrawn, crop, decodePng, diffCount, encodePng, pixel } from './image.ts';
import { useBrowser } from './helpers.ts';

const browser = useBrowser();

describe('pixel checks', () => {
  it("decodes Chromium's screenshots pixel for pixel", async () => {
    const page = await (await browser()).newPage();
    await page.setViewportSize({ width: 64, height: 48 });
    await page.setContent(`<style>html,body{margin:0}div{position:absolute;width:32px;height:24px}</style>
      <div style="left:0;top:0;background:rgb(255,0,0)"></div><div style="left:32px;top:0;background:rgb(0,128,255)"></div>
      <div style="left:0;top:24px;background:rgb(10,200,30)"></div><div style="left:32px;top:24px;background:rgb(250,250,250)"></div>`);
    const img = decodePng(await page.screenshot());
    expect([img.width, img.height]).toEqual([64, 48]);
    expect(pixel(img, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(pixel(img, 40, 5)).toEqual([0, 128, 255, 255]);
    expect(pixel(img, 5, 40)).toEqual([10, 200, 30, 255]);
    expect(pixel(img, 63, 47)).toEqual([250, 250, 250, 255]);
  });

  it('rejects a blank canvas and a single-colour canvas, accepts a drawn one', async () => {
    const page = await (await browser()).newPage();
    await page.setViewportSize({ width: 400, height: 300 });
    await page.setContent(`<canvas id="blank" width="300" height="200"></canvas>
      <canvas id="flat" width="300" height="200"></canvas><canvas id="drawn" width="300" height="200"></canvas>
      <script>
        const f = document.getElementById('flat').getContext('2d'); f.fillStyle = '#3a6ea5'; f.fillRect(0, 0, 300, 200);
        const d = document.getElementById('drawn').getContext('2d');
        d.fillStyle = '#e8e4d8'; d.fillRect(0, 0, 300, 200);
        ['#0072B2', '#B84A00', '#00785A', '#444'].forEach((c, i) => { d.fillStyle = c; d.fillRect(20 + i * 65, 40, 50, 120); });
      </script>`);
    const shot = async (id: string) => decodePng(await page.locator(`#${id}`).screenshot());
    const blank = await shot('blank');
    const flat = await shot('flat');
    expect(() => assertDrawn(blank, 'blank canvas')).toThrow(/looks blank/);
    expect(() => assertDrawn(flat, 'flat canvas')).toThrow(/looks blank/);
    const drawn = await shot('drawn');
    expect(() => assertDrawn(drawn, 'drawn canvas')).not.toThrow();
    expect(diffCount(blank, blank)).toBe(0);
    expect(diffCount(blank, flat)).toBe(300 * 200);
    expect(diffCount(drawn, flat), 'a drawn canvas differs from a flat one').toBeGreaterThan(300 * 200 * 0.5);
  });

  it('encodes a crop that decodes back to the same pixels', async () => {
    const page = await (await browser()).newPage();
    await page.setViewportSize({ width: 64, height: 48 });
    await page.setContent(
      `<style>html,body{margin:0;background:rgb(250,250,250)}div{position:absolute;left:8px;top:8px;width:20px;height:10px;background:rgb(0,128,255)}</style><div></div>`,
    );
    const img = decodePng(await page.screenshot());
    const part = crop(img, 4, 4, 30, 20);
    expect(pixel(part, 0, 0)).toEqual([250, 250, 250, 255]);
    expect(pixel(part, 4, 4)).toEqual([0, 128, 255, 255]);
    const again = decodePng(encodePng(part));
    expect([again.width, again.height]).toEqual([30, 20]);
    expect(diffCount(part, again, 0)).toBe(0);
    expect(part.data.equals(again.data)).toBe(true);
    expect(() => crop(img, 50, 40, 30, 20)).toThrow(/outside/);
  });
});
