// A map at the first paint: the build draws the map's opening view into index.html
// (src/map/map-placeholder.tsx), and the interactive map replaces it in the same box, framed the
// same way, once it is drawn.
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/load-event.ts';
import type { Geometry, Position } from 'geojson';
import { realEventInput } from '../fixtures/real-data.ts';
import { project } from './geo.ts';
import { MAP, PARTIES, readView, useBrowser, waitForMapState } from './helpers.ts';

const browser = useBrowser();
const event = parseEvent(realEventInput());
const DRAWING = '.map-placeholder svg';

/** Every position of a geometry. */
function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`positions: ${geometry.type} not expected here`);
  }
}

type Box = { left: number; top: number; right: number; bottom: number };

const SCREENS = [
  { name: 'laptop, English', lang: 'en', viewport: { width: 1280, height: 800 } },
  { name: 'phone, Arabic', lang: 'ar', viewport: { width: 375, height: 667 } },
] as const;

describe('the map at the first paint', () => {
  for (const screen of SCREENS) {
    it(`is drawn before any script runs, and the live map takes its place where it was (${screen.name})`, async () => {
      const query = screen.lang === 'ar' ? '?lang=ar' : '';
      const b = await browser();

      // Without scripts: what the HTML alone paints (the Arabic page too, whose inline script
      // is allowed; module scripts are what is blocked).
      const bare = await b.newSession(screen.viewport);
      await bare.page.route(/\.m?js(\?|$)/, (route) => route.abort());
      await bare.open(query, 'load');
      const drawn = await bare.page.evaluate(
        ({ drawing, parties }) => {
          const svg = document.querySelector(drawing);
          const box = (e: Element) => {
            const r = e.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          };
          return {
            lang: document.documentElement.lang,
            visible: svg !== null && svg.getBoundingClientRect().width > 100 && getComputedStyle(svg).visibility === 'visible',
            paths: svg?.querySelectorAll('path').length ?? 0,
            outlines: Object.fromEntries(
              parties.map((p) => {
                const path = svg?.querySelector(`path[data-party="${p}"]`);
                return [p, path ? box(path) : null];
              }),
            ),
          };
        },
        { drawing: DRAWING, parties: [...PARTIES] },
      );
      expect(drawn.lang).toBe(screen.lang);
      expect(drawn.visible, 'the drawing is on screen with no script').toBe(true);
      expect(drawn.paths, 'basemap and claims drawn').toBeGreaterThan(20);

      // With scripts: once the map is drawn, the drawing is gone, and each claim's outline
      // lies where the drawing had it.
      const live = await b.newSession(screen.viewport);
      await live.open(query);
      await waitForMapState(live.page, 'idle');
      expect(await live.page.locator(DRAWING).count(), 'the drawing is gone once the map is drawn').toBe(0);
      const view = await readView(live.page);
      const mapBox = (await live.page.locator(MAP).boundingBox())!;
      for (const party of PARTIES) {
        const had = drawn.outlines[party] as Box | null;
        expect(had, `${party}'s outline in the drawing`).not.toBeNull();
        const claim = event.derived.claims.find((c) => c.party === party)!;
        const points = positions(claim.outline).map((p) => project(view, mapBox.width, mapBox.height, [p[0]!, p[1]!]));
        const expected: Box = {
          left: mapBox.x + Math.max(0, Math.min(...points.map((p) => p.x))),
          right: mapBox.x + Math.min(mapBox.width, Math.max(...points.map((p) => p.x))),
          top: mapBox.y + Math.max(0, Math.min(...points.map((p) => p.y))),
          bottom: mapBox.y + Math.min(mapBox.height, Math.max(...points.map((p) => p.y))),
        };
        // Clipped to the map's box, as the reader sees both.
        const clip = (box: Box): Box => ({
          left: Math.max(box.left, mapBox.x),
          right: Math.min(box.right, mapBox.x + mapBox.width),
          top: Math.max(box.top, mapBox.y),
          bottom: Math.min(box.bottom, mapBox.y + mapBox.height),
        });
        const got = clip(had!);
        console.log(
          `[map-placeholder] ${screen.name}, ${party}: drawing ${JSON.stringify(got)} vs live ${JSON.stringify(expected)}`,
        );
        for (const side of ['left', 'right', 'top', 'bottom'] as const) {
          expect(Math.abs(got[side] - expected[side]), `${party}'s outline, ${side} edge (px)`).toBeLessThan(3);
        }
      }
      bare.expectClean({ allowConsoleErrors: true });
      live.expectClean();
    });
  }
});
