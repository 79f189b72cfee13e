/**
 * Pure geometry on the validated event: rings, bands and sectors computed with Turf, and each
 * party's claim as an area plus a label anchor. No MapLibre, no DOM: everything takes and
 * returns GeoJSON, so the live map, a static fallback and the tests share one computation.
 *
 * Bearings are compass degrees, clockwise from north, in [0, 360]. Distances are km on Turf's
 * sphere (haversine), the same sphere `distanceKm` measures on, so a 35 km ring is 35 km by it.
 */
import { bbox, booleanClockwise, circle, destination, distance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { EventData, LonLat, Place, RingSpec, SectorUncertainty, Version } from './types.ts';

const KM = { units: 'kilometers' } as const;
/** Radius drawn around a point place whose precision is unknown: small enough to read as "here". */
const FALLBACK_PRECISION_KM = 1;
/**
 * Where a ring's badge sits: due south, hung below the ring. North would meet the label of a
 * claim south of al-Sukhnah on small screens, and west or north-west runs off a phone-sized map.
 */
const RING_ANCHOR_BEARING = 180;

function position(p: LonLat): Position {
  return [p[0], p[1]];
}

function toLonLat(p: Position): LonLat {
  return [p[0] ?? 0, p[1] ?? 0];
}

/** Turf's `destination` wants bearings in [-180, 180]. */
function turfBearing(compass: number): number {
  const b = ((compass % 360) + 360) % 360;
  return b > 180 ? b - 360 : b;
}

function pointAt(center: LonLat, km: number, compassBearing: number): Position {
  return destination(position(center), km, turfBearing(compassBearing), KM).geometry.coordinates;
}

/** RFC 7946: exterior rings counter-clockwise, holes clockwise. */
function wound(ring: Position[], clockwise: boolean): Position[] {
  return booleanClockwise(ring) === clockwise ? ring : [...ring].reverse();
}

/** A circle of `radiusKm` around `center`, as a polygon of `steps` vertices. */
export function ringPolygon(center: LonLat, radiusKm: number, steps = 128): Feature<Polygon> {
  const c = circle(position(center), radiusKm, { ...KM, steps });
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [wound(c.geometry.coordinates[0] ?? [], false)] },
    properties: {},
  };
}

/** The band between two circles: the outer circle with the inner one as a hole. */
export function annulus(center: LonLat, innerKm: number, outerKm: number, steps = 128): Feature<Polygon> {
  const outer = ringPolygon(center, outerKm, steps).geometry.coordinates[0] ?? [];
  const inner = ringPolygon(center, innerKm, steps).geometry.coordinates[0] ?? [];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [outer, wound(inner, true)] }, properties: {} };
}

/** Clockwise sweep from one compass bearing to another, in (0, 360]. */
function sweepDegrees(fromBearing: number, toBearing: number): number {
  const sweep = (((toBearing - fromBearing) % 360) + 360) % 360;
  if (sweep === 0) throw new RangeError(`sectorArea: fromBearing ${fromBearing} and toBearing ${toBearing} enclose no sector`);
  return sweep;
}

/**
 * The annular sector between `innerKm` and `outerKm` from `center`, sweeping clockwise from
 * `fromBearing` to `toBearing` (e.g. 135 → 225 is "south-east to south-west", i.e. "south of").
 * Both arcs are built point by point with `destination`, so every vertex is at the exact distance.
 */
export function sectorArea(
  center: LonLat,
  innerKm: number,
  outerKm: number,
  fromBearing: number,
  toBearing: number,
  steps = 64,
): Feature<Polygon> {
  const sweep = sweepDegrees(fromBearing, toBearing);
  const bearings = Array.from({ length: steps + 1 }, (_, i) => fromBearing + (sweep * i) / steps);
  const outerArc = bearings.map((b) => pointAt(center, outerKm, b));
  const innerArc = [...bearings].reverse().map((b) => pointAt(center, innerKm, b));
  const first = outerArc[0] ?? position(center);
  const ring = wound([...outerArc, ...innerArc, first], false);
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} };
}

export function distanceKm(a: LonLat, b: LonLat): number {
  return distance(position(a), position(b), KM);
}

/**
 * The place with this id. The loader has already checked every reference, so a miss here is a
 * programming error, not bad data.
 */
export function placeById(event: EventData, id: string): Place {
  const place = event.places.find((p) => p.id === id);
  if (place === undefined) throw new Error(`placeById: no place "${id}" in event "${event.id}"`);
  return place;
}

function ringById(event: EventData, id: string): RingSpec {
  const ring = event.rings.find((r) => r.id === id);
  if (ring === undefined) throw new Error(`ringById: no ring "${id}" in event "${event.id}"`);
  return ring;
}

/** The ring as a polygon (`line`), and the shaded band radius ± bandKm when the ring has one. */
export function ringGeometry(event: EventData, ring: RingSpec): { line: Feature<Polygon>; band?: Feature<Polygon> } {
  const center = placeById(event, ring.center).anchor;
  const line = ringPolygon(center, ring.radiusKm);
  if (ring.bandKm === undefined) return { line };
  return { line, band: annulus(center, ring.radiusKm - ring.bandKm, ring.radiusKm + ring.bandKm) };
}

function uncertaintySector(event: EventData, u: SectorUncertainty): Feature<Polygon> {
  return sectorArea(placeById(event, u.around).anchor, u.innerKm, u.outerKm, u.fromBearing, u.toBearing);
}

/** The area a place stands for: its sector if it is only located relative to another place, its polygon, or a precision circle. */
function placeArea(event: EventData, place: Place): Feature<Polygon | MultiPolygon> {
  if (place.uncertainty !== undefined) return uncertaintySector(event, place.uncertainty);
  if (place.geometry.type !== 'Point') return { type: 'Feature', geometry: place.geometry, properties: {} };
  return ringPolygon(place.anchor, place.precisionKm ?? FALLBACK_PRECISION_KM);
}

/** The party's claimed location as an area, with `{ party }` so layers can style it by party. */
export function claimArea(event: EventData, version: Version): Feature<Polygon | MultiPolygon, { party: string }> {
  const ref = version.place.geometry;
  let shape: Feature<Polygon | MultiPolygon>;
  if (ref.kind === 'place') {
    shape = placeArea(event, placeById(event, ref.place));
  } else {
    const { line, band } = ringGeometry(event, ringById(event, ref.ring));
    shape = band ?? line;
  }
  return { type: 'Feature', geometry: shape.geometry, properties: { party: version.party } };
}

/**
 * Where the on-map label for a claim goes: on the ring at north-west, at a sector's outer
 * middle, or the place's anchor. `outwardBearing` is the compass direction from the claim's
 * centre through that point (null for an area's own label point), so that a label can be
 * hung outside the claim rather than over it.
 */
export function claimLabelPoint(event: EventData, version: Version): { at: LonLat; outwardBearing: number | null } {
  const ref = version.place.geometry;
  if (ref.kind === 'ring') {
    const ring = ringById(event, ref.ring);
    const at = toLonLat(pointAt(placeById(event, ring.center).anchor, ring.radiusKm, RING_ANCHOR_BEARING));
    return { at, outwardBearing: RING_ANCHOR_BEARING };
  }
  const place = placeById(event, ref.place);
  const u = place.uncertainty;
  if (u === undefined) return { at: place.anchor, outwardBearing: null };
  const middle = (u.fromBearing + sweepDegrees(u.fromBearing, u.toBearing) / 2) % 360;
  return { at: toLonLat(pointAt(placeById(event, u.around).anchor, u.outerKm, middle)), outwardBearing: middle };
}

/** Where the on-map label for a claim goes (see claimLabelPoint). */
export function claimAnchor(event: EventData, version: Version): LonLat {
  return claimLabelPoint(event, version).at;
}

/** [[west, south], [east, north]] around every claim area and every `event` place. */
export function eventBounds(event: EventData): [LonLat, LonLat] {
  const features: Feature<Geometry>[] = [
    ...event.versions.map((v) => claimArea(event, v)),
    ...event.places
      .filter((p) => p.role === 'event')
      .map((p): Feature<Geometry> => ({ type: 'Feature', geometry: p.geometry, properties: {} })),
  ];
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const [west, south, east, north] = bbox(collection);
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * [[west, south], [east, north]] around a party's claimed area (and the point its badge hangs
 * from), for framing that claim. A party without a version has no claim: the event's bounds.
 */
export function claimBounds(event: EventData, partyId: string): [LonLat, LonLat] {
  const version = event.versions.find((v) => v.party === partyId);
  if (!version) return eventBounds(event);
  const [west, south, east, north] = bbox({
    type: 'FeatureCollection',
    features: [
      claimArea(event, version),
      { type: 'Feature', geometry: { type: 'Point', coordinates: position(claimAnchor(event, version)) }, properties: {} },
    ],
  } satisfies FeatureCollection);
  return [
    [west, south],
    [east, north],
  ];
}
