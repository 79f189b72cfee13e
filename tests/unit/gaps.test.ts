/**
 * The measured gaps between claims (src/domain/gaps.ts), their lines (src/map/gap-lines.ts)
 * and their rounding (formatDistanceRange). Every distance is checked against a haversine and
 * a spherical destination written here, not against Turf, and against brute force over points
 * sampled from the areas.
 */
import { bbox, booleanPointInPolygon, lineString, pointToLineDistance } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaGap, claimGaps, claimKind, claimReferencePoint, placeDistanceKm } from '../../src/domain/gaps.ts';
import { claimArea, distanceKm, placeById, ringPolygon } from '../../src/domain/geometry.ts';
import type { ClaimGeometryRef, LonLat, NewsEvent, Place, RingSpec, Version } from '../../src/domain/types.ts';
import { formatDistanceKm, formatDistanceRange, roundDistanceRange } from '../../src/i18n/format.ts';
import { gapLines } from '../../src/domain/gap-lines.ts';
import { FICTIONAL_EVENT_DIR, loadTestEvent, testEvents } from '../fixtures/events.ts';
import { DISTANCE_RANGE_CASES } from '../fixtures/format-cases.ts';
import { REAL_EVENT_DIR } from '../fixtures/real-data.ts';

type Area = Feature<Polygon | MultiPolygon>;

const R = 6371.0088;
const rad = (d: number): number => (d * Math.PI) / 180;
const deg = (r: number): number => (r * 180) / Math.PI;

/** Independent great-circle distance, so the test does not check Turf against itself. */
function haversineKm(a: Position | LonLat, b: Position | LonLat): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const h = Math.sin(rad(by - ay) / 2) ** 2 + Math.cos(rad(ay)) * Math.cos(rad(by)) * Math.sin(rad(bx - ax) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Independent spherical destination: `km` from `from` on the compass bearing `bearing`. */
function destinationOf(from: LonLat, km: number, bearing: number): LonLat {
  const [lon, lat] = from;
  const d = km / R;
  const t = rad(bearing);
  const lat2 = Math.asin(Math.sin(rad(lat)) * Math.cos(d) + Math.cos(rad(lat)) * Math.sin(d) * Math.cos(t));
  const lon2 =
    rad(lon) + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(rad(lat)), Math.cos(d) - Math.sin(rad(lat)) * Math.sin(lat2));
  return [deg(lon2), deg(lat2)];
}

const within = (actual: number, expected: number, relative = 0.005, absolute = 0): boolean =>
  Math.abs(actual - expected) <= Math.max(relative * Math.abs(expected), absolute);

function rings(area: Area): Position[][] {
  return area.geometry.type === 'Polygon' ? area.geometry.coordinates : area.geometry.coordinates.flat();
}

function outerRings(area: Area): Position[][] {
  const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  return polygons.flatMap((p) => (p[0] === undefined ? [] : [p[0]]));
}

/** Every ring with points at most `stepKm` apart, interpolated here in longitude and latitude. */
function boundarySamples(ringsOf: Position[][], stepKm: number): Position[] {
  return ringsOf.flatMap((ring) =>
    ring.slice(1).flatMap((b, i) => {
      const a = ring[i] ?? b;
      const n = Math.max(1, Math.ceil(haversineKm(a, b) / stepKm));
      return Array.from({ length: n }, (_, k): Position => [
        (a[0] ?? 0) + (((b[0] ?? 0) - (a[0] ?? 0)) * k) / n,
        (a[1] ?? 0) + (((b[1] ?? 0) - (a[1] ?? 0)) * k) / n,
      ]);
    }),
  );
}

/** Deterministic points inside the area (a fixed-seed generator, by rejection in its box). */
function interiorSamples(area: Area, count: number, seed = 7): Position[] {
  let s = seed;
  const random = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const [w, so, e, n] = bbox(area);
  const out: Position[] = [];
  for (let tries = 0; out.length < count && tries < count * 200; tries++) {
    const p: Position = [w + (e - w) * random(), so + (n - so) * random()];
    if (booleanPointInPolygon(p, area)) out.push(p);
  }
  return out;
}

/**
 * In the area, or on its edge within 20 m. The edges are straight in longitude and latitude,
 * as drawn, so they are cut into 0.25 km pieces first: a 125 km edge of the Badia, taken whole
 * as a great circle, bows some hundred metres away from the drawn one.
 */
function inOrOn(area: Area, p: LonLat): boolean {
  if (booleanPointInPolygon([...p], area)) return true;
  return rings(area).some((ring) => {
    const pieces = boundarySamples([ring], 0.25);
    const closed = [...pieces, pieces[0] ?? [0, 0]];
    return pointToLineDistance([...p], lineString(closed), { units: 'kilometers' }) < 0.02;
  });
}

function versionOf(event: NewsEvent, party: string): Version {
  const v = event.versions.find((x) => x.party === party);
  if (v === undefined) throw new Error(`no version for ${party}`);
  return v;
}

function gapOf(event: NewsEvent, from: string, to: string) {
  const gap = claimGaps(event).find((g) => g.from === from && g.to === to);
  if (gap === undefined) throw new Error(`no gap ${from}--${to}`);
  return gap;
}

// ---------------------------------------------------------------------------------------------
// Constructed cases, whose answers are known on paper. The Badia event lends its parties and
// its versions' words; the places, rings and claims are replaced.

const base = loadTestEvent(REAL_EVENT_DIR);
const CENTRE: LonLat = [38.6, 33.5];

function pointPlace(id: string, at: LonLat, precisionKm: number): Place {
  const template = placeById(base, 'sukhnah');
  return { ...template, id, geometry: { type: 'Point', coordinates: [...at] }, anchor: at, precisionKm };
}

function polygonPlace(id: string, ring: LonLat[], anchor: LonLat): Place {
  const template = placeById(base, 'sukhnah');
  return { ...template, id, geometry: { type: 'Polygon', coordinates: [ring.map((p) => [...p])] }, anchor, precisionKm: null };
}

function ringSpec(id: string, center: string, radiusKm: number, bandKm: number): RingSpec {
  const template = base.rings[0];
  if (template === undefined) throw new Error('the Badia has rings');
  return { ...template, id, center, radiusKm, bandKm };
}

/** An event whose parties (the Badia's, in order) claim `claims`, one each. */
function constructed(places: Place[], ringsOf: RingSpec[], claims: ClaimGeometryRef[]): NewsEvent {
  const versions = claims.map((geometry, i): Version => {
    const v = base.versions[i];
    if (v === undefined) throw new Error('the Badia has three versions');
    return { ...v, place: { ...v.place, geometry } };
  });
  return { ...base, places, rings: ringsOf, parties: base.parties.slice(0, claims.length), versions };
}

const place = (id: string): ClaimGeometryRef => ({ kind: 'place', place: id });
const ring = (id: string): ClaimGeometryRef => ({ kind: 'ring', ring: id });

/** A square 10 km across whose south edge is 95 km due north of CENTRE. */
function squareNorth(): { corners: LonLat[]; middle: LonLat; southMiddle: LonLat; farCorner: LonLat } {
  const southMiddle = destinationOf(CENTRE, 95, 0);
  const northMiddle = destinationOf(CENTRE, 105, 0);
  const sw = destinationOf(southMiddle, 5, 270);
  const se = destinationOf(southMiddle, 5, 90);
  const ne = destinationOf(northMiddle, 5, 90);
  const nw = destinationOf(northMiddle, 5, 270);
  return { corners: [sw, se, ne, nw, sw], middle: destinationOf(CENTRE, 100, 0), southMiddle, farCorner: ne };
}

describe('constructed gaps, known on paper', () => {
  it('a square 95–105 km north of a 35 ± 5 km ring: nearest 95 − 40 = 55 km, farthest |centre → far corner| + 40', () => {
    const sq = squareNorth();
    const event = constructed(
      [pointPlace('centre', CENTRE, 1), polygonPlace('square', sq.corners, sq.middle)],
      [ringSpec('r35', 'centre', 35, 5)],
      [place('square'), ring('r35')],
    );
    const [gap, ...rest] = claimGaps(event);
    expect(rest).toEqual([]);
    if (gap === undefined) throw new Error('one pair');
    expect([gap.fromKind, gap.toKind]).toEqual(['area', 'ring']);
    expect(gap.overlaps).toBe(false);
    expect(gap.nearestKm).toBeCloseTo(55, 1);
    // The far corner is √(105² + 5²) ≈ 105.1 km from the centre; the ring's far side 40 km beyond.
    const farthest = haversineKm(CENTRE, sq.farCorner) + 40;
    expect(farthest).toBeCloseTo(145.12, 1);
    expect(within(gap.farthestKm, farthest, 0.0005)).toBe(true);
    // Where: the middle of the square's south edge, and the ring's outer edge due north.
    expect(haversineKm(gap.nearestPoints[0], sq.southMiddle)).toBeLessThan(0.1);
    expect(haversineKm(gap.nearestPoints[1], destinationOf(CENTRE, 40, 0))).toBeLessThan(0.1);
    expect(within(haversineKm(...gap.nearestPoints), gap.nearestKm)).toBe(true);
    expect(within(haversineKm(...gap.farthestPoints), gap.farthestKm)).toBe(true);
    // The reference points: the square's anchor and the ring's centre, 100 km apart.
    expect(within(gap.centreDistanceKm, 100)).toBe(true);
  });

  it('a point claim inside the ring’s hole is measured to the hole’s edge: 30 − 10 − 2 = 18 km, farthest 40 + 10 + 2 = 52 km', () => {
    const p = destinationOf(CENTRE, 10, 90);
    const event = constructed(
      [pointPlace('centre', CENTRE, 1), pointPlace('p', p, 2)],
      [ringSpec('r35', 'centre', 35, 5)],
      [ring('r35'), place('p')],
    );
    const [gap] = claimGaps(event);
    if (gap === undefined) throw new Error('one pair');
    expect([gap.fromKind, gap.toKind]).toEqual(['ring', 'point']);
    expect(gap.overlaps).toBe(false);
    expect(gap.nearestKm).toBeCloseTo(18, 1);
    expect(gap.farthestKm).toBeCloseTo(52, 1);
    expect(within(gap.centreDistanceKm, 10)).toBe(true);
    // Nearest on the inner circle, due east. Two nested circles are nearly parallel there, so
    // the 128-gons' vertices may move the nearest pair by up to an edge (1.5 km on a 30 km circle).
    expect(haversineKm(gap.nearestPoints[0], destinationOf(CENTRE, 30, 90))).toBeLessThan(1.5);
    expect(haversineKm(gap.nearestPoints[1], destinationOf(CENTRE, 12, 90))).toBeLessThan(1.5);
  });

  it('two precision circles, 3 and 4 km, 50 km apart: 43 to 57 km', () => {
    const event = constructed(
      [pointPlace('a', CENTRE, 3), pointPlace('b', destinationOf(CENTRE, 50, 60), 4)],
      [],
      [place('a'), place('b')],
    );
    const [gap] = claimGaps(event);
    if (gap === undefined) throw new Error('one pair');
    expect([gap.fromKind, gap.toKind]).toEqual(['point', 'point']);
    expect(gap.nearestKm).toBeCloseTo(43, 1);
    expect(gap.farthestKm).toBeCloseTo(57, 1);
    expect(within(gap.centreDistanceKm, 50)).toBe(true);
  });

  it('overlapping circles give nearest 0, overlaps, and a shared point', () => {
    const event = constructed(
      [pointPlace('a', CENTRE, 6), pointPlace('b', destinationOf(CENTRE, 10, 0), 6)],
      [],
      [place('a'), place('b')],
    );
    const [gap] = claimGaps(event);
    if (gap === undefined) throw new Error('one pair');
    expect(gap.overlaps).toBe(true);
    expect(gap.nearestKm).toBe(0);
    expect(gap.nearestPoints[0]).toEqual(gap.nearestPoints[1]);
    for (const v of event.versions) expect(inOrOn(claimArea(event, v), gap.nearestPoints[0])).toBe(true);
    expect(gap.farthestKm).toBeCloseTo(22, 1);
    expect(gapLines(event).features).toEqual([]);
  });

  it('an area wholly inside another overlaps it, though their edges never cross', () => {
    const sq = squareNorth();
    const event = constructed(
      [polygonPlace('square', sq.corners, sq.middle), pointPlace('inside', sq.middle, 2)],
      [],
      [place('square'), place('inside')],
    );
    const [gap] = claimGaps(event);
    if (gap === undefined) throw new Error('one pair');
    expect(gap.overlaps).toBe(true);
    expect(gap.nearestKm).toBe(0);
    expect(inOrOn(claimArea(event, versionOf(event, 'coalition')), gap.nearestPoints[0])).toBe(true);
    expect(inOrOn(claimArea(event, versionOf(event, 'syrian-government')), gap.nearestPoints[0])).toBe(true);
  });

  it('any two circles: nearest max(0, d − r₁ − r₂), farthest d + r₁ + r₂, overlap when d < r₁ + r₂ (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 359.99, noNaN: true }),
        (r1, r2, d, bearing) => {
          fc.pre(Math.abs(d - r1 - r2) > 0.2);
          const a = ringPolygon(CENTRE, r1);
          const b = ringPolygon(destinationOf(CENTRE, d, bearing), r2);
          const gap = areaGap(a, b);
          const reverse = areaGap(b, a);
          expect(gap.overlaps).toBe(d < r1 + r2);
          // A 128-gon's edges cut inside its circle by r(1 − cos(π/128)) ≤ 0.015 km for r ≤ 50.
          expect(within(gap.nearestKm, Math.max(0, d - r1 - r2), 0.005, 0.04)).toBe(true);
          expect(within(gap.farthestKm, d + r1 + r2, 0.005, 0.04)).toBe(true);
          expect(reverse.nearestKm).toBeCloseTo(gap.nearestKm, 6);
          expect(reverse.farthestKm).toBeCloseTo(gap.farthestKm, 6);
          expect(within(haversineKm(...gap.nearestPoints), gap.nearestKm, 0.005, 1e-6)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe.each(testEvents())('%s: every pair of claims', (_dir, event) => {
  const gaps = claimGaps(event);
  const withVersion = event.parties.filter((p) => event.versions.some((v) => v.party === p.id)).map((p) => p.id);
  const areaOf = (party: string): Area => claimArea(event, versionOf(event, party));

  it('has one gap per unordered pair of parties, in the parties’ order', () => {
    const expected = withVersion.flatMap((from, i) => withVersion.slice(i + 1).map((to) => `${from}--${to}`));
    expect(gaps.map((g) => g.id)).toEqual(expected);
    expect(gaps.length).toBe((withVersion.length * (withVersion.length - 1)) / 2);
    for (const g of gaps) {
      expect(g.fromKind).toBe(claimKind(event, versionOf(event, g.from)));
      expect(g.toKind).toBe(claimKind(event, versionOf(event, g.to)));
    }
  });

  it.each(gaps.map((g) => [g.id, g] as const))('%s: nearest and farthest agree with an independent haversine', (_id, gap) => {
    const a = areaOf(gap.from);
    const b = areaOf(gap.to);
    expect(inOrOn(a, gap.nearestPoints[0])).toBe(true);
    expect(inOrOn(b, gap.nearestPoints[1])).toBe(true);
    expect(inOrOn(a, gap.farthestPoints[0])).toBe(true);
    expect(inOrOn(b, gap.farthestPoints[1])).toBe(true);
    expect(within(haversineKm(...gap.nearestPoints), gap.nearestKm, 0.005, 1e-6)).toBe(true);
    expect(within(haversineKm(...gap.farthestPoints), gap.farthestKm)).toBe(true);
    expect(gap.nearestKm).toBeLessThanOrEqual(gap.farthestKm);

    // Brute force: the boundaries every 0.5 km, and 300 points inside each area.
    const boundaryA = boundarySamples(rings(a), 0.5);
    const boundaryB = boundarySamples(rings(b), 0.5);
    const pointsA = [...boundarySamples(outerRings(a), 0.5), ...interiorSamples(a, 300)];
    const pointsB = [...boundarySamples(outerRings(b), 0.5), ...interiorSamples(b, 300, 11)];
    let far = 0;
    for (const p of pointsA) for (const q of pointsB) far = Math.max(far, haversineKm(p, q));
    expect(far).toBeLessThanOrEqual(gap.farthestKm * 1.005);
    expect(far).toBeGreaterThanOrEqual(gap.farthestKm * 0.995);

    const aInB = [...pointsA, ...boundaryA].some((p) => booleanPointInPolygon(p, b));
    const bInA = [...pointsB, ...boundaryB].some((p) => booleanPointInPolygon(p, a));
    if (gap.overlaps) {
      expect(gap.nearestKm).toBe(0);
      expect(inOrOn(a, gap.nearestPoints[0]) && inOrOn(b, gap.nearestPoints[0])).toBe(true);
    } else {
      expect(aInB || bInA).toBe(false);
      let near = Infinity;
      for (const p of boundaryA) for (const q of boundaryB) near = Math.min(near, haversineKm(p, q));
      // The samples lie on the boundaries, so they can only be farther; 0.5 km apart, by at most
      // a quarter of a km from each side.
      expect(near).toBeGreaterThanOrEqual(gap.nearestKm * 0.995 - 1e-6);
      expect(near - gap.nearestKm).toBeLessThan(Math.max(0.5, 0.005 * gap.nearestKm));
    }
  });

  it('is symmetric: the reversed pair gives the same distances and the points swapped', () => {
    for (const gap of gaps) {
      const reverse = areaGap(areaOf(gap.to), areaOf(gap.from));
      expect(reverse.overlaps).toBe(gap.overlaps);
      expect(reverse.nearestKm).toBeCloseTo(gap.nearestKm, 6);
      expect(reverse.farthestKm).toBeCloseTo(gap.farthestKm, 6);
      if (!gap.overlaps) {
        expect(haversineKm(reverse.nearestPoints[0], gap.nearestPoints[1])).toBeLessThan(0.01);
        expect(haversineKm(reverse.nearestPoints[1], gap.nearestPoints[0])).toBeLessThan(0.01);
      }
    }
  });

  it('puts the reference points’ distance between nearest and farthest, as far as the triangle inequality allows', () => {
    // A reference point outside its own area (a ring's centre, in the ring's hole) loosens the
    // lower bound by its distance to the area: the ring's inner radius.
    const slack = (party: string): number => {
      const version = versionOf(event, party);
      const ref = version.place.geometry;
      if (ref.kind === 'ring') {
        const spec = event.rings.find((r) => r.id === ref.ring);
        return spec === undefined ? Infinity : spec.radiusKm - (spec.bandKm ?? 0);
      }
      expect(booleanPointInPolygon([...claimReferencePoint(event, version)], areaOf(party))).toBe(true);
      return 0;
    };
    for (const gap of gaps) {
      const [from, to] = [versionOf(event, gap.from), versionOf(event, gap.to)];
      expect(within(gap.centreDistanceKm, haversineKm(claimReferencePoint(event, from), claimReferencePoint(event, to)))).toBe(
        true,
      );
      expect(gap.nearestKm).toBeLessThanOrEqual(gap.centreDistanceKm + slack(gap.from) + slack(gap.to));
      expect(gap.centreDistanceKm).toBeLessThanOrEqual(gap.farthestKm);
    }
  });

  it('draws one great-circle line per pair that does not overlap, from nearest point to nearest point', () => {
    const lines = gapLines(event, gaps);
    const apart = gaps.filter((g) => !g.overlaps);
    expect(lines.features.map((f) => f.properties.id)).toEqual(apart.map((g) => g.id));
    lines.features.forEach((line, i) => {
      const gap = apart[i];
      if (gap === undefined) throw new Error('as many lines as gaps apart');
      const coords = line.geometry.coordinates;
      expect(coords[0]).toEqual([...gap.nearestPoints[0]]);
      expect(coords[coords.length - 1]).toEqual([...gap.nearestPoints[1]]);
      const [start = [0, 0], end = [0, 0]] = [coords[0], coords[coords.length - 1]];
      const length = coords.slice(1).reduce((sum, q, k) => sum + haversineKm(coords[k] ?? q, q), 0);
      expect(within(length, gap.nearestKm)).toBe(true);
      // On the great circle: no vertex makes a detour (start → v → end is the straight way, to 1 m).
      for (const v of coords) expect(haversineKm(start, v) + haversineKm(v, end) - haversineKm(start, end)).toBeLessThan(0.001);
      for (let k = 1; k < coords.length; k++)
        expect(haversineKm(coords[k - 1] ?? start, coords[k] ?? end)).toBeLessThanOrEqual(2.01);
      const { lowKm, highKm } = roundDistanceRange(gap.nearestKm, gap.farthestKm);
      expect(line.properties).toEqual({
        id: gap.id,
        from: gap.from,
        to: gap.to,
        fromKind: gap.fromKind,
        toKind: gap.toKind,
        nearestKm: gap.nearestKm,
        farthestKm: gap.farthestKm,
        centreDistanceKm: gap.centreDistanceKm,
        lowKm,
        highKm,
      });
    });
    expect(gapLines(event).features).toEqual(lines.features);
  });
});

describe('the Badia’s gaps', () => {
  const event = loadTestEvent(REAL_EVENT_DIR);
  const garrison = placeById(event, 'tanf-base').anchor;
  const sukhnah = placeById(event, 'sukhnah').anchor;

  it('SANA’s sector south of al-Sukhnah lies about 65–190 km from SOHR’s 30–40 km band, and never touches it', () => {
    const gap = gapOf(event, 'syrian-government', 'sohr');
    expect([gap.fromKind, gap.toKind]).toEqual(['area', 'ring']);
    expect(gap.overlaps).toBe(false);
    // The garrison's bearing from al-Sukhnah (about 190°) falls inside the sector's 135–225°, so
    // the sector's nearest point to it is 50 km along that bearing: 155 − 50 km away, less the
    // band's outer 40 km.
    expect(within(gap.nearestKm, haversineKm(sukhnah, garrison) - 50 - 40)).toBe(true);
    const sector = claimArea(event, versionOf(event, 'syrian-government'));
    const farthestFromGarrison = Math.max(
      ...outerRings(sector)
        .flat()
        .map((v) => haversineKm(v, garrison)),
    );
    expect(within(gap.farthestKm, farthestFromGarrison + 40)).toBe(true);
    expect(gap.nearestKm).toBeGreaterThan(60);
    expect(gap.nearestKm).toBeLessThan(70);
    expect(gap.farthestKm).toBeGreaterThan(185);
    expect(gap.farthestKm).toBeLessThan(195);
    expect(formatDistanceRange(gap.nearestKm, gap.farthestKm, 'en')).toMatchObject({
      kind: 'range',
      lowNumber: '65',
      high: '190 km',
    });
  });

  it('the coalition’s region overlaps SOHR’s ring', () => {
    const gap = gapOf(event, 'coalition', 'sohr');
    expect(gap.overlaps).toBe(true);
    expect(gap.nearestKm).toBe(0);
    expect(formatDistanceRange(gap.nearestKm, gap.farthestKm, 'en').kind).toBe('overlap');
  });

  it('the coalition’s region (Natural Earth’s Syrian Desert) stops short of SANA’s sector', () => {
    const gap = gapOf(event, 'coalition', 'syrian-government');
    expect(gap.overlaps).toBe(false);
    expect(gap.nearestKm).toBeGreaterThan(40);
    expect(gap.nearestKm).toBeLessThan(60);
  });

  it('reuses the caption’s distance between places: about 155 km from the garrison to al-Sukhnah', () => {
    const km = placeDistanceKm(event, 'tanf-base', 'sukhnah');
    expect(km).toBe(distanceKm(garrison, sukhnah));
    expect(within(km, haversineKm(garrison, sukhnah))).toBe(true);
    expect(formatDistanceKm(km, 'en')).toBe('155 km');
  });
});

describe('the fictional event’s gap', () => {
  it('the Board’s yards lie inside the union’s ring, 2–18 km from its 8–12 km band', () => {
    const event = loadTestEvent(FICTIONAL_EVENT_DIR);
    const gap = gapOf(event, 'harbour-board', 'depot-union');
    expect(gap.overlaps).toBe(false);
    // Measured to the band's inner edge, 8 km from the depot: the yards are about 5 km out.
    const depot = placeById(event, 'harbour-depot').anchor;
    expect(within(haversineKm(depot, gap.nearestPoints[1]), 8, 0.005)).toBe(true);
    expect(gap.nearestKm).toBeGreaterThan(1);
    expect(gap.farthestKm).toBeLessThan(20);
  });
});

describe('rounding and formatting a distance range', () => {
  it.each(DISTANCE_RANGE_CASES.map((c) => [c.args.join(', '), c] as const))('formatDistanceRange(%s)', (_name, c) => {
    const [min, max, lang, overlaps] = c.args;
    expect(formatDistanceRange(min, max, lang, overlaps ?? min === 0)).toEqual(c.expected);
  });

  it('widens outward to 5 km above 20 km and to 1 km at or below, never narrowing the range (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), (x, y) => {
        const [min, max] = x <= y ? [x, y] : [y, x];
        const { lowKm, highKm } = roundDistanceRange(min, max);
        const step = (km: number): number => (km > 20 ? 5 : 1);
        expect(lowKm).toBeLessThanOrEqual(min + 1e-6);
        expect(highKm).toBeGreaterThanOrEqual(max - 1e-6);
        expect(min - lowKm).toBeLessThan(step(min) + 1e-6);
        expect(highKm - max).toBeLessThan(step(max) + 1e-6);
        expect(lowKm % step(min)).toBe(0);
        expect(highKm % step(max)).toBe(0);
        const parts = formatDistanceRange(min, max, 'en');
        expect(parts.kind).toBe(min === 0 ? 'overlap' : lowKm === highKm ? 'about' : 'range');
      }),
    );
  });

  it('rejects a range that is not one', () => {
    expect(() => roundDistanceRange(5, 4)).toThrow(RangeError);
    expect(() => roundDistanceRange(-1, 4)).toThrow(RangeError);
    expect(() => roundDistanceRange(Number.NaN, 4)).toThrow(RangeError);
  });
});
