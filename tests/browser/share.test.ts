// What a link to the map shows before anyone opens it (Open Graph, Twitter cards), and the files
// served as they are: the share image, robots.txt, the favicon, the host-side resizer.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { parseEvent } from '../../src/domain/load-event.ts';
import { SHARE_IMAGE_SIZE } from '../../src/embed/oembed.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { baseUrl, useBrowser } from './helpers.ts';

const event = parseEvent(realEventInput());
const browser = useBrowser();

describe('share previews and the files served as they are', () => {
  it('gives the page Open Graph and Twitter tags from the event, with an image and its alt text', async () => {
    const s = await (await browser()).newSession();
    await s.open('', 'domcontentloaded');
    const content = (selector: string) => s.page.locator(selector).getAttribute('content');
    expect(await content('meta[property="og:title"]')).toBe(event.title.en);
    expect(await content('meta[property="og:description"]')).toBe(event.description.en);
    expect(await content('meta[property="og:type"]')).toBe('article');
    expect(await content('meta[property="og:locale:alternate"]')).toBe('ar_SY');
    expect(await content('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await content('meta[name="twitter:title"]')).toBe(event.title.en);
    expect(await content('meta[property="og:image"]')).toBe('share.png');
    expect((await content('meta[property="og:image:alt"]'))?.length).toBeGreaterThan(40);
    expect(await s.page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/favicon\.svg$/);
    s.expectClean();
  });

  it('serves the share image at 1200 × 630, robots.txt, the favicon and the resizer script', async () => {
    const get = async (path: string) => {
      const response = await fetch(new URL(path, baseUrl()));
      expect(response.status, path).toBe(200);
      return response;
    };
    const image = PNG.sync.read(Buffer.from(await (await get('share.png')).arrayBuffer()));
    expect({ width: image.width, height: image.height }).toEqual(SHARE_IMAGE_SIZE);
    expect(await (await get('robots.txt')).text()).toMatch(/^User-agent: \*$/m);
    expect(await (await get('favicon.svg')).text()).toContain('<svg');
    expect(await (await get('embed.js')).text()).toContain('data-contested-map');
  });
});
