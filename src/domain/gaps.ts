/**
 * Measured gaps between every pair of claimed locations: how far apart two parties' versions
 * put the event, as a range. Pure: GeoJSON in, numbers and positions out, no MapLibre, no DOM.
 *
 * Every claim is taken as the area `claimArea` draws (geometry.ts): a sector, a polygon, a
 * ring's band, or a point place's precision circle. For two such areas A and B:
 *
 * - `nearestKm` is the shortest distance between a point of A and a point of B: 0 when the
 *   areas overlap or touch (`overlaps`), else the minimum, over every boundary vertex of
 *   each area (holes included, so an area inside a ring's hole is measured to the hole's
 *   edge), of its geodesic distance to the nearest point of the other area's boundary edges.
 *   Two disjoint areas are nearest at a vertex of one of them and a point on an edge of the
 *   other, so this is the exact minimum for the boundaries as measured. Edges are the
 *   straight lines of the GeoJSON in longitude and latitude (as `booleanIntersects` and the
 *   drawing read them): long ones are first cut into pieces of at most `MAX_EDGE_KM`, and each
 *   piece is measured as a great-circle arc, which lies within metres of the drawn piece.
 * - `farthestKm` is the largest distance between a point of A and a point of B: the maximum
 *   over pairs of outer-boundary vertices, as the data gives them (the farthest point of an
 *   area from any point lies on its outer boundary, and along an edge at one of its ends).
 * - `nearestPoints` is `[on A, on B]` realising `nearestKm` (one point of the overlap, twice,
 *   when the areas overlap); `farthestPoints` likewise for `farthestKm`.
 * - `centreDistanceKm` is the distance between the claims' reference points: the anchor of
 *   the claimed place, or a ring's centre. It is a sanity figure only: a ring's centre is not
 *   part of its claim, so it need not lie between `nearestKm` and `farthestKm`.
 *
 * Distances are kilometres on Turf's sphere (haversine), the sphere geometry.ts measures on.
 * The search for the nearest pair runs on unit vectors (Turf's own method, inlined: it visits
 * thousands of edges) and prunes with spherical caps; the pair it finds is measured by Turf.
 * The Badia's three pairs take some tens of milliseconds: compute them once per event.
 */
import {
  booleanIntersects,
  booleanPointInPolygon,
  degreesToRadians,
  distance,
  lineIntersect,
  polygonToLine,
  radiansToDegrees,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { claimArea, distanceKm, placeById } from './geometry.ts';
import type { AreaGap, ClaimGap, ClaimKind, EventData, LonLat, Version } from './types.ts';

const KM = { units: 'kilometers' } as const;
/** Edges longer than this are cut into equal pieces before they are measured. */
export const MAX_EDGE_KM = 2;

export type { AreaGap, ClaimGap, ClaimKind } from './types.ts';

type Polygons = Position[][][];

function polygonsOf(area: Feature<Polygon | MultiPolygon>): Polygons {
  return area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
}

function lonLat(p: Position): LonLat {
  return [p[0] ?? 0, p[1] ?? 0];
}

/** The ring with every edge longer than MAX_EDGE_KM cut into equal pieces, in longitude and latitude. */
function densify(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    const pieces = Math.max(1, Math.ceil(distance(a, b, KM) / MAX_EDGE_KM));
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    for (let k = 0; k < pieces; k++) out.push([ax + ((bx - ax) * k) / pieces, ay + ((by - ay) * k) / pieces]);
  }
  const last = ring[ring.length - 1];
  if (last !== undefined) out.push(last);
  return out;
}

type Vec = readonly [number, number, number];

function toVec(p: Position): Vec {
  const lon = degreesToRadians(p[0] ?? 0);
  const lat = degreesToRadians(p[1] ?? 0);
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
}

function toPosition([x, y, z]: Vec): Position {
  return [radiansToDegrees(Math.atan2(y, x)), radiansToDegrees(Math.asin(Math.min(1, Math.max(-1, z))))];
}

const dot = (u: Vec, v: Vec): number => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
const cross = (u: Vec, v: Vec): Vec => [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
const norm = (u: Vec): number => Math.hypot(u[0], u[1], u[2]);
/** The angle between two unit vectors, accurate at small angles too. */
const angle = (u: Vec, v: Vec): number => Math.atan2(norm(cross(u, v)), dot(u, v));

/**
 * The point of the great-circle arc a→b nearest to c, all unit vectors: c's foot on the arc's
 * great circle when it falls between a and b, else the nearer end. The method of Turf's
 * `nearestPointOnLine`, without its per-call objects, as it runs for every candidate edge.
 */
function nearestOnArc(a: Vec, b: Vec, c: Vec): Vec {
  const axis = cross(a, b);
  const n = norm(axis);
  const nearerEnd = dot(a, c) >= dot(b, c) ? a : b;
  if (n < 1e-15) return nearerEnd;
  const k = dot(c, axis) / (n * n);
  const foot: Vec = [c[0] - k * axis[0], c[1] - k * axis[1], c[2] - k * axis[2]];
  const f = norm(foot);
  if (f < 1e-15) return nearerEnd;
  const i: Vec = [foot[0] / f, foot[1] / f, foot[2] / f];
  return dot(cross(a, i), axis) >= 0 && dot(cross(i, b), axis) >= 0 ? i : nearerEnd;
}

/** A run of consecutive boundary edges and a circle (spherical cap) that holds them all. */
interface Chunk {
  readonly vertices: readonly Vec[];
  readonly centre: Vec;
  /** The cap's radius, as an angle. */
  readonly radius: number;
}

/** Edges per chunk: a vertex is measured to a chunk's edges only when the chunk's cap could hold a nearer point. */
const CHUNK_EDGES = 8;

interface Shape {
  readonly feature: Feature<Polygon | MultiPolygon>;
  /** Every boundary vertex (outer rings and holes, densified). */
  readonly vertices: readonly Position[];
  /** Every boundary edge (outer rings and holes, densified), in chunks. */
  readonly chunks: readonly Chunk[];
  /** The outer rings' own vertices. */
  readonly outer: readonly Position[];
}

function chunksOf(ring: Position[]): Chunk[] {
  const vectors = ring.map(toVec);
  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < vectors.length; i += CHUNK_EDGES) {
    const vertices = vectors.slice(i, i + CHUNK_EDGES + 1);
    const centre = vertices[0] ?? [1, 0, 0];
    chunks.push({ vertices, centre, radius: Math.max(...vertices.map((v) => angle(centre, v))) });
  }
  return chunks;
}

function shapeOf(area: Feature<Polygon | MultiPolygon>): Shape {
  const polygons = polygonsOf(area);
  const rings = polygons.flat().map(densify);
  return {
    feature: area,
    vertices: rings.flat(),
    chunks: rings.flatMap(chunksOf),
    outer: polygons.flatMap((polygon) => polygon[0] ?? []),
  };
}

interface Nearest {
  /** As an angle while searching. */
  angle: number;
  on: Position;
  other: Position;
}

/**
 * The nearest point of `to`'s boundary edges to each boundary vertex of `from`, kept in `best`
 * when nearer. A chunk of edges is measured only when it could beat `best`: no point of it is
 * nearer than its cap's centre less the cap's radius (a cap smaller than a hemisphere holds
 * the great-circle arcs between its points). Vertices and chunks are taken nearest bound
 * first, so that `best` falls fast and the rest is skipped.
 */
function nearestVertexToEdges(from: Shape, to: Shape, best: Nearest, swap: boolean): void {
  const candidates = from.vertices.map((position) => {
    const v = toVec(position);
    const bounds = to.chunks
      .map((chunk) => ({ chunk, angle: angle(v, chunk.centre) - chunk.radius }))
      .sort((x, y) => x.angle - y.angle);
    return { position, v, bounds, angle: bounds[0]?.angle ?? Infinity };
  });
  candidates.sort((x, y) => x.angle - y.angle);
  for (const { position, v, bounds, angle: lowest } of candidates) {
    if (lowest >= best.angle) return;
    for (const bound of bounds) {
      if (bound.angle >= best.angle) break;
      const vertices = bound.chunk.vertices;
      for (let i = 0; i + 1 < vertices.length; i++) {
        const hit = nearestOnArc(vertices[i] ?? v, vertices[i + 1] ?? v, v);
        const d = angle(v, hit);
        if (d < best.angle) {
          best.angle = d;
          best.on = swap ? toPosition(hit) : position;
          best.other = swap ? position : toPosition(hit);
        }
      }
    }
  }
}

/** A point the two overlapping areas share: a vertex of one inside the other, else a crossing of their edges. */
function sharedPoint(a: Shape, b: Shape): Position | undefined {
  for (const polygon of polygonsOf(a.feature)) for (const v of polygon.flat()) if (booleanPointInPolygon(v, b.feature)) return v;
  for (const polygon of polygonsOf(b.feature)) for (const v of polygon.flat()) if (booleanPointInPolygon(v, a.feature)) return v;
  return lineIntersect(polygonToLine(a.feature), polygonToLine(b.feature)).features[0]?.geometry.coordinates;
}

function farthest(a: Shape, b: Shape): { km: number; on: Position; other: Position } {
  const best = { km: -Infinity, on: a.outer[0] ?? [0, 0], other: b.outer[0] ?? [0, 0] };
  for (const p of a.outer) {
    for (const q of b.outer) {
      const d = distance(p, q, KM);
      if (d > best.km) {
        best.km = d;
        best.on = p;
        best.other = q;
      }
    }
  }
  return best;
}

/** The gap between two areas (see the module's comment for the definitions). */
export function areaGap(first: Feature<Polygon | MultiPolygon>, second: Feature<Polygon | MultiPolygon>): AreaGap {
  const a = shapeOf(first);
  const b = shapeOf(second);
  const far = farthest(a, b);
  const farthestPoints = [lonLat(far.on), lonLat(far.other)] as const;
  const overlaps = booleanIntersects(first, second);
  const shared = overlaps ? sharedPoint(a, b) : undefined;
  if (shared !== undefined) {
    return { nearestKm: 0, farthestKm: far.km, nearestPoints: [lonLat(shared), lonLat(shared)], farthestPoints, overlaps };
  }
  const best: Nearest = { angle: Infinity, on: [0, 0], other: [0, 0] };
  nearestVertexToEdges(a, b, best, false);
  nearestVertexToEdges(b, a, best, true);
  return {
    // Measured again by Turf: the search compares angles, the answer is Turf's kilometres.
    nearestKm: overlaps ? 0 : distance(best.on, best.other, KM),
    farthestKm: far.km,
    nearestPoints: [lonLat(best.on), lonLat(best.other)],
    farthestPoints,
    overlaps,
  };
}

function ringOf(event: EventData, id: string) {
  const ring = event.rings.find((r) => r.id === id);
  if (ring === undefined) throw new Error(`claimGaps: no ring "${id}" in event "${event.id}"`);
  return ring;
}

/** `ring` for a distance, `point` for a point place (drawn as its precision circle), else `area`. */
export function claimKind(event: EventData, version: Version): ClaimKind {
  const ref = version.place.geometry;
  if (ref.kind === 'ring') return 'ring';
  const place = placeById(event, ref.place);
  return place.uncertainty === undefined && place.geometry.type === 'Point' ? 'point' : 'area';
}

/** The claim's reference point: the claimed place's anchor, or the ring's centre. */
export function claimReferencePoint(event: EventData, version: Version): LonLat {
  const ref = version.place.geometry;
  if (ref.kind === 'ring') return placeById(event, ringOf(event, ref.ring).center).anchor;
  return placeById(event, ref.place).anchor;
}

/** The distance between two places' anchors, as the caption's `{distance:a:b}` gives it. */
export function placeDistanceKm(event: EventData, a: string, b: string): number {
  return distanceKm(placeById(event, a).anchor, placeById(event, b).anchor);
}

/** The gap between the claims of every unordered pair of parties that have a version, in the parties' order. */
/**
 * Measured once per event (events are immutable after the loader): the panel's table and the
 * map's gap lines ask for the same pairs, and the table renders again on every selection.
 */
const measured = new WeakMap<EventData, readonly ClaimGap[]>();

export function claimGaps(event: EventData): readonly ClaimGap[] {
  const cached = measured.get(event);
  if (cached) return cached;
  const claims = event.parties.flatMap((party) => {
    const version = event.versions.find((v) => v.party === party.id);
    return version === undefined ? [] : [{ party: party.id, version, area: claimArea(event, version) }];
  });
  const gaps: ClaimGap[] = [];
  claims.forEach((from, i) => {
    for (const to of claims.slice(i + 1)) {
      gaps.push({
        id: `${from.party}--${to.party}`,
        from: from.party,
        to: to.party,
        fromKind: claimKind(event, from.version),
        toKind: claimKind(event, to.version),
        centreDistanceKm: distanceKm(claimReferencePoint(event, from.version), claimReferencePoint(event, to.version)),
        ...areaGap(from.area, to.area),
      });
    }
  });
  measured.set(event, gaps);
  return gaps;
}
