// A whole reading session: no console error, no uncaught error, no request off 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { event } from './geo.ts';
import {
  baseUrl,
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

describe('relative URLs only', () => {
  // What lets one build work from any sub-path (tests/browser/nginx.test.ts) and inside frames:
  // every URL resolves against the page or the file that names it, never the site's root.
  it('index.html, its CSS and every JS chunk name their files relatively', async () => {
    const base = baseUrl();
    const html = await (await fetch(base)).text();
    const rootRelative = [...html.matchAll(/\b(?:src|href|content)="(\/[^/"][^"]*)"/g)].map((m) => `index.html: ${m[1]}`);
    const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:m?js|css))"/g)].map((m) => m[1]!);
    expect(queue.length, 'index.html names its scripts and styles as ./assets/…').toBeGreaterThan(1);
    const seen = new Set<string>();
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const res = await fetch(new URL(file, base));
      expect(res.status, file).toBe(200);
      const text = await res.text();
      const absolute = /\.css$/.test(file)
        ? [...text.matchAll(/url\(\s*["']?(\/[^/)][^)]*)\)/g)]
        : [...text.matchAll(/["'`](\/assets\/[^"'`]*)["'`]/g)];
      rootRelative.push(...absolute.map((m) => `${file}: ${m[1]}`));
      // The chunks and styles this file names (imports, the worker, lazy CSS), beside it in assets/.
      for (const m of text.matchAll(/["'`(]\.?\/?([\w.-]+-[\w-]{8}\.(?:m?js|css))["'`)]/g)) queue.push(`assets/${m[1]}`);
    }
    console.log(`[hygiene] relative URLs: index.html and ${seen.size} files read`);
    expect(
      [...seen].some((f) => f.includes('maplibre-gl-worker')),
      "MapLibre's worker reached through the chunks",
    ).toBe(true);
    expect(rootRelative, 'URLs from the site root').toEqual([]);
  });
});

describe('what the page ships', () => {
  // The build validates and measures the event (src/domain/derive.ts) and ships the result: the
  // validator and Turf are build tools, not the reader's download. One message of each stands
  // for it (both were in the main chunk when the browser validated and measured).
  const BUILD_ONLY = [
    ['the validator (src/domain/load-event.ts)', 'longitude and latitude look swapped'],
    ['Turf (@turf/invariant)', 'coord must be GeoJSON Point or an Array of numbers'],
  ] as const;

  it('carries neither the validator nor Turf in any chunk reached from index.html', async () => {
    const base = baseUrl();
    const html = await (await fetch(base)).text();
    const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.m?js)"/g)].map((m) => m[1]!);
    const seen = new Map<string, string>();
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      const text = await (await fetch(new URL(file, base))).text();
      seen.set(file, text);
      for (const m of text.matchAll(/["'`(]\.?\/?([\w.-]+-[\w-]{8}\.m?js)["'`)]/g)) queue.push(`assets/${m[1]}`);
    }
    expect(seen.size, 'chunks read').toBeGreaterThan(2);
    const js = [...seen.values()].join('\n');
    const speaker = event.versions[0]!.speaker.en;
    expect(js.includes(speaker), 'the event itself is in the chunks (the search reads them)').toBe(true);
    for (const [what, text] of BUILD_ONLY) expect(js.includes(text), `${what} shipped to the browser`).toBe(false);
  });
});
