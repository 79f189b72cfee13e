// Geography for clicks on the map canvas: points inside each party's claimed geometry, computed
// from data/ with Turf, and Web-Mercator projection of a lon/lat onto the map's pixels.
import { readFileSync } from 'node:fs';
import {
  booleanPointInPolygon,
  destination,
  distance,
  bearing as turfBearing,
  point,
  pointToLineDistance,
  polygonToLine,
} from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { CANVAS, readView, type View } from './helpers.ts';

export type LonLat = [number, number];

const read = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../../data/events/badia-2018-12-02/${path}`, import.meta.url), 'utf8')) as T;

interface EventJson {
  parties: { id: string; name: { en: string; ar: string } }[];
  rings: { id: string; center: string; radiusKm: number; bandKm?: number }[];
  versions: { party: string; speaker: { en: string; ar: string }; place: { precision: { en: string; ar: string } } }[];
}
interface Sector {
  around: string;
  innerKm: number;
  outerKm: number;
  fromBearing: number;
  toBearing: number;
}

export const event = read<EventJson>('event.json');
const places = read<FeatureCollection<Point, { id: string; uncertainty?: Sector }>>('places.geojson');
const areas = read<FeatureCollection<Polygon | MultiPolygon, { id: string }>>('areas.geojson');

function placeCoords(id: string): LonLat {
  const f = places.features.find((p) => p.properties.id === id);
  if (!f) throw new Error(`places.geojson has no place "${id}"`);
  return f.geometry.coordinates as LonLat;
}

export const badia = areas.features.find((f) => f.properties.id === 'syrian-badia')!;
const sohrRing = event.rings.find((r) => r.id === 'sohr-35')!;
const zoneRing = event.rings.find((r) => r.id === 'zone-55');
export const tanf = placeCoords(sohrRing.center);
const ghurab = places.features.find((p) => p.properties.id === 'ghurab')!;
const sector = ghurab.properties.uncertainty!;
export const sukhnah = placeCoords(sector.around);

const bandKm = sohrRing.bandKm ?? 0;
const km = (a: LonLat, b: LonLat) => distance(a, b, { units: 'kilometers' });
const norm360 = (b: number) => ((b % 360) + 360) % 360;

export function inBadia(p: LonLat): boolean {
  return booleanPointInPolygon(point(p), badia);
}
export function inSohrBand(p: LonLat): boolean {
  const d = km(tanf, p);
  return d >= sohrRing.radiusKm - bandKm && d <= sohrRing.radiusKm + bandKm;
}
export function inSanaSector(p: LonLat): boolean {
  const d = km(sukhnah, p);
  const b = norm360(turfBearing(sukhnah, p));
  return d >= sector.innerKm && d <= sector.outerKm && b >= sector.fromBearing && b <= sector.toBearing;
}
const badiaEdge = polygonToLine(badia) as Feature<LineString | MultiLineString>;
function kmToBadiaEdge(p: LonLat): number {
  const g = badiaEdge.geometry;
  const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  return Math.min(
    ...lines.map((c) => pointToLineDistance(point(p), { type: 'LineString', coordinates: c }, { units: 'kilometers' })),
  );
}

const at = (from: LonLat, km: number, b: number): LonLat =>
  destination(from, km, b, { units: 'kilometers' }).geometry.coordinates as LonLat;

/** Points inside SOHR's band only (not inside the coalition's Badia nor SANA's sector). */
export function sohrOnlyPoints(): LonLat[] {
  const out: LonLat[] = [];
  for (let b = 0; b < 360; b += 10) out.push(at(tanf, sohrRing.radiusKm, b));
  return out.filter((p) => inSohrBand(p) && !inBadia(p) && !inSanaSector(p));
}

/** Points inside SOHR's band that also lie inside the coalition's (much larger) Badia polygon. */
export function sohrInsideBadiaPoints(): LonLat[] {
  const out: LonLat[] = [];
  for (let b = 0; b < 360; b += 10) out.push(at(tanf, sohrRing.radiusKm, b));
  return out.filter((p) => inSohrBand(p) && inBadia(p) && kmToBadiaEdge(p) > 5);
}

/** Points inside SANA's sector south of al-Sukhnah, 40 km at 200° first. */
export function sanaPoints(): LonLat[] {
  const out: LonLat[] = [];
  const mid = (sector.fromBearing + sector.toBearing) / 2;
  for (const d of [40, 30, 35, 25, 45, 20]) {
    for (const b of [200, mid - 20, mid + 20, mid - 35, mid + 35, mid]) out.push(at(sukhnah, d, b));
  }
  return out.filter((p) => inSanaSector(p) && !inBadia(p) && !inSohrBand(p));
}

/** Points inside the Badia only: well away from SOHR's band, the 55 km zone line and SANA's sector. */
export function coalitionOnlyPoints(): LonLat[] {
  const out: { p: LonLat; depth: number }[] = [];
  const zoneKm = zoneRing?.radiusKm ?? 55;
  for (let lon = 36.8; lon <= 40.4; lon += 0.1) {
    for (let lat = 32.3; lat <= 34.2; lat += 0.1) {
      const p: LonLat = [lon, lat];
      if (!inBadia(p) || inSanaSector(p)) continue;
      const d = km(tanf, p);
      if (d < zoneKm + 10) continue; // beyond the ring, its band and the zone line
      if (km(sukhnah, p) < sector.outerKm + 10) continue;
      out.push({ p, depth: kmToBadiaEdge(p) });
    }
  }
  return out
    .filter((c) => c.depth > 5)
    .sort((a, b) => b.depth - a.depth)
    .map((c) => c.p);
}

export function claimPoints(party: string): LonLat[] {
  if (party === 'coalition') return coalitionOnlyPoints();
  if (party === 'syrian-government') return sanaPoints();
  if (party === 'sohr') return sohrOnlyPoints();
  throw new Error(`no claim geometry known for ${party}`);
}

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/** Pixel of `p` inside a map of size w×h whose bounds are `view` (north up, no pitch). */
export function project(view: View, w: number, h: number, p: LonLat): { x: number; y: number } {
  const [west, south, east, north] = view;
  return {
    x: ((mercX(p[0]) - mercX(west)) / (mercX(east) - mercX(west))) * w,
    y: ((mercY(p[1]) - mercY(north)) / (mercY(south) - mercY(north))) * h,
  };
}

export interface CanvasHit {
  readonly lonLat: LonLat;
  /** Page (viewport) coordinates for page.mouse. */
  readonly x: number;
  readonly y: number;
}

/**
 * The first candidate that, at the map's current view, lands on the bare canvas (inside the
 * viewport, not under a marker, label or control — checked with elementFromPoint around it).
 */
export async function firstClickable(page: Page, candidates: readonly LonLat[], margin = 16): Promise<CanvasHit | null> {
  await page.locator(CANVAS).scrollIntoViewIfNeeded();
  const view = await readView(page);
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height, vw: innerWidth, vh: innerHeight };
  }, CANVAS);
  const pts = candidates.map((c) => {
    const { x, y } = project(view, box.w, box.h, c);
    return { lonLat: c, x: box.x + x, y: box.y + y };
  });
  const ok = await page.evaluate(
    ({ sel, pts, margin, box }) =>
      pts.map(({ x, y }) => {
        if (x < box.x + margin || y < box.y + margin || x > box.x + box.w - margin || y > box.y + box.h - margin) return false;
        if (x < margin || y < margin || x > box.vw - margin || y > box.vh - margin) return false;
        const canvas = document.querySelector(sel);
        const d = 6;
        return [
          [0, 0],
          [d, 0],
          [-d, 0],
          [0, d],
          [0, -d],
        ].every(([dx, dy]) => document.elementFromPoint(x + dx!, y + dy!) === canvas);
      }),
    { sel: CANVAS, pts: pts.map(({ x, y }) => ({ x, y })), margin, box },
  );
  const i = ok.indexOf(true);
  return i < 0 ? null : pts[i]!;
}
