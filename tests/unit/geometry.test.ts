import {
  bearing,
  booleanClockwise,
  booleanPointInPolygon,
  booleanValid,
  distance,
  lineString,
  pointToLineDistance,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  annulus,
  claimAnchor,
  claimArea,
  distanceKm,
  eventBounds,
  placeById,
  ringGeometry,
  ringPolygon,
  sectorArea,
} from '../../src/domain/geometry.ts';
import { parseEvent } from '../../src/domain/load-event.ts';
import type { LonLat, NewsEvent, Version } from '../../src/domain/types.ts';
import { featureIndex, realEventInput, setAt } from '../fixtures/real-data.ts';

const event = parseEvent(realEventInput());
const garrison = placeById(event, 'tanf-base').anchor;
const sukhnah = placeById(event, 'sukhnah').anchor;
const KM = { units: 'kilometers' } as const;

/** Independent great-circle distance, so the test does not check Turf against itself. */
function haversineKm(a: LonLat, b: LonLat): number {
  const R = 6371.0088;
  const rad = (d: number): number => (d * Math.PI) / 180;
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function vertices(ring: Position[] | undefined): Position[] {
  if (ring === undefined || ring.length < 4) throw new Error('expected a linear ring');
  return ring;
}

function km(from: LonLat, to: Position): number {
  return distance([...from], to, KM);
}

function compass(from: LonLat, to: Position): number {
  return (bearing([...from], to) + 360) % 360;
}

function versionOf(e: NewsEvent, party: string): Version {
  const v = e.versions.find((x) => x.party === party);
  if (v === undefined) throw new Error(`no version for ${party}`);
  return v;
}

/** Inside the area, or on its edge (within 10 m): a badge on a sector's outer arc touches it. */
function containsOrTouches(area: Feature<Polygon | MultiPolygon>, point: LonLat): boolean {
  if (booleanPointInPolygon([...point], area)) return true;
  const rings = area.geometry.type === 'Polygon' ? area.geometry.coordinates : area.geometry.coordinates.flat();
  return rings.some((ring) => pointToLineDistance([...point], lineString(ring), KM) < 0.01);
}

describe('distances', () => {
  it('garrison → al-Sukhnah agrees with an independent haversine within 0.5 % (about 155 km)', () => {
    const turfKm = distanceKm(garrison, sukhnah);
    const ownKm = haversineKm(garrison, sukhnah);
    expect(Math.abs(turfKm - ownKm) / ownKm).toBeLessThan(0.005);
    expect(ownKm).toBeGreaterThan(150);
    expect(ownKm).toBeLessThan(160);
  });
});

describe('rings', () => {
  const sohr = event.rings.find((r) => r.id === 'sohr-35');
  if (sohr === undefined) throw new Error('sohr-35 missing');
  const { line, band } = ringGeometry(event, sohr);

  it('puts every vertex of the 35 km ring 35 ± 0.1 km from the garrison', () => {
    const ring = vertices(line.geometry.coordinates[0]);
    expect(ring.length).toBeGreaterThan(100);
    for (const v of ring) expect(Math.abs(km(garrison, v) - 35)).toBeLessThan(0.1);
  });

  it('draws the ±5 km band from 30 to 40 km, outer ring counter-clockwise, hole clockwise', () => {
    if (band === undefined) throw new Error('sohr-35 has a band');
    const [outer, inner] = band.geometry.coordinates;
    for (const v of vertices(outer)) expect(Math.abs(km(garrison, v) - 40)).toBeLessThan(0.1);
    for (const v of vertices(inner)) expect(Math.abs(km(garrison, v) - 30)).toBeLessThan(0.1);
    expect(booleanClockwise(vertices(outer))).toBe(false);
    expect(booleanClockwise(vertices(inner))).toBe(true);
    expect(booleanValid(band)).toBe(true);
    // A point on the 35 km ring is in the band; the garrison itself is in the hole.
    expect(booleanPointInPolygon(vertices(line.geometry.coordinates[0])[10] ?? [0, 0], band)).toBe(true);
    expect(booleanPointInPolygon([...garrison], band)).toBe(false);
  });

  it('gives no band to a ring without bandKm', () => {
    const zone = event.rings.find((r) => r.id === 'zone-55');
    if (zone === undefined) throw new Error('zone-55 missing');
    const geometry = ringGeometry(event, zone);
    expect(geometry.band).toBeUndefined();
    for (const v of vertices(geometry.line.geometry.coordinates[0])) expect(Math.abs(km(garrison, v) - 55)).toBeLessThan(0.1);
  });

  it('builds circles and annuli with the requested number of steps', () => {
    expect(ringPolygon(garrison, 10, 16).geometry.coordinates[0]).toHaveLength(17);
    expect(annulus(garrison, 5, 10, 16).geometry.coordinates).toHaveLength(2);
  });
});

describe('sectors', () => {
  const area = claimArea(event, versionOf(event, 'syrian-government'));

  it("keeps every vertex of Jabal al-Ghurab's sector 10–50 km from al-Sukhnah, at bearings 135–225", () => {
    const ring = vertices(area.geometry.type === 'Polygon' ? area.geometry.coordinates[0] : undefined);
    const distances = ring.map((v) => km(sukhnah, v));
    for (const d of distances) {
      expect(d).toBeGreaterThan(10 - 0.1);
      expect(d).toBeLessThan(50 + 0.1);
    }
    // Both arcs are really there, not just points somewhere in between.
    expect(distances.filter((d) => Math.abs(d - 10) < 0.1).length).toBeGreaterThan(60);
    expect(distances.filter((d) => Math.abs(d - 50) < 0.1).length).toBeGreaterThan(60);
    for (const v of ring) {
      const b = compass(sukhnah, v);
      expect(b).toBeGreaterThanOrEqual(135 - 1e-6);
      expect(b).toBeLessThanOrEqual(225 + 1e-6);
    }
    expect(booleanClockwise(ring)).toBe(false);
  });

  it('sweeps clockwise across north when fromBearing > toBearing', () => {
    const north = sectorArea(sukhnah, 10, 20, 315, 45, 32);
    const ring = vertices(north.geometry.coordinates[0]);
    for (const v of ring) {
      const b = compass(sukhnah, v);
      expect(b >= 315 - 1e-6 || b <= 45 + 1e-6).toBe(true);
    }
    expect(booleanValid(north)).toBe(true);
    expect(() => sectorArea(sukhnah, 10, 20, 90, 90)).toThrow(RangeError);
  });
});

describe('claims', () => {
  it.each(['coalition', 'syrian-government', 'sohr'])('%s: the claim area is a valid polygon that holds its anchor', (party) => {
    const version = versionOf(event, party);
    const area = claimArea(event, version);
    expect(area.properties).toEqual({ party });
    expect(booleanValid(area)).toBe(true);
    expect(containsOrTouches(area, claimAnchor(event, version))).toBe(true);
  });

  it('anchors the SOHR ring claim on the ring, due south', () => {
    const anchor = claimAnchor(event, versionOf(event, 'sohr'));
    expect(Math.abs(distanceKm(garrison, anchor) - 35)).toBeLessThan(0.1);
    expect(compass(garrison, [...anchor])).toBeCloseTo(180, 3);
  });

  it('anchors the sector claim at the outer middle, 50 km due south of al-Sukhnah', () => {
    const anchor = claimAnchor(event, versionOf(event, 'syrian-government'));
    expect(Math.abs(distanceKm(sukhnah, anchor) - 50)).toBeLessThan(0.1);
    expect(compass(sukhnah, [...anchor])).toBeCloseTo(180, 3);
  });

  it("uses the region itself for the coalition, anchored at the region's anchor", () => {
    const badia = placeById(event, 'syrian-badia');
    const version = versionOf(event, 'coalition');
    expect(claimArea(event, version).geometry).toEqual(badia.geometry);
    expect(claimAnchor(event, version)).toEqual(badia.anchor);
  });

  it('falls back to a precision circle for a point place: precisionKm, else 1 km', () => {
    const input = realEventInput();
    setAt(input.event, ['versions', 1, 'place', 'geometry', 'place'], 'tanf-base');
    setAt(input.event, ['versions', 0, 'place', 'geometry', 'place'], 'tanf-crossing');
    setAt(input.places, ['features', featureIndex(input.places, 'tanf-crossing'), 'properties', 'precisionKm'], null);
    const changed = parseEvent(input);
    const around = (party: string, center: LonLat): number[] => {
      const area = claimArea(changed, versionOf(changed, party));
      const ring = vertices(area.geometry.type === 'Polygon' ? area.geometry.coordinates[0] : undefined);
      return ring.map((v) => km(center, v));
    };
    for (const d of around('syrian-government', garrison)) expect(Math.abs(d - 5)).toBeLessThan(0.01);
    for (const d of around('coalition', placeById(changed, 'tanf-crossing').anchor)) expect(Math.abs(d - 1)).toBeLessThan(0.01);
    expect(claimAnchor(changed, versionOf(changed, 'syrian-government'))).toEqual(garrison);
  });

  it('bounds every claim anchor and every event place', () => {
    const [[west, south], [east, north]] = eventBounds(event);
    const inside = ([lon, lat]: LonLat): boolean => lon >= west && lon <= east && lat >= south && lat <= north;
    for (const version of event.versions) expect(inside(claimAnchor(event, version))).toBe(true);
    for (const place of event.places.filter((p) => p.role === 'event')) expect(inside(place.anchor)).toBe(true);
    // The SOHR band reaches 40 km from the garrison, beyond the garrison point itself.
    expect(south).toBeLessThan(garrison[1] - 0.3);
    expect(inside(placeById(event, 'homs').anchor)).toBe(false);
  });

  it('throws on an id the loader would have rejected', () => {
    expect(() => placeById(event, 'tanf-bas')).toThrow(/tanf-bas/);
  });
});
