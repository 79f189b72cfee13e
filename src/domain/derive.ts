/**
 * What the build measures from a validated event, with Turf, once: each claim as an area with
 * its outline, size, badge point and frame; the context rings; the gaps between claims and
 * their lines; the distances the caption names. The loader attaches it to the event
 * (`NewsEvent.derived`), and the build ships the result (scripts/vite-plugins/selected-event.ts),
 * so no reader's browser carries Turf or spends its time on it.
 *
 * Positions are rounded to 1e-6 degrees (under 0.12 m): the geometry is drawn, not surveyed,
 * and full doubles would double what the page downloads.
 */
import { area as turfArea } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { CAPTION_DISTANCE, placePairKey } from './caption.ts';
import { gapLines } from './gap-lines.ts';
import { claimGaps, placeDistanceKm } from './gaps.ts';
import { claimArea, claimBounds, claimLabelPoint, eventBounds, ringGeometry } from './geometry.ts';
import { LANGS, type DerivedClaim, type DerivedGeometry, type EventData, type LonLat } from './types.ts';

const PRECISION = 1e6;

const round = (n: number): number => Math.round(n * PRECISION) / PRECISION;
const roundLonLat = (p: LonLat): LonLat => [round(p[0]), round(p[1])];
const roundPosition = (p: Position): Position => [round(p[0] ?? 0), round(p[1] ?? 0)];

function roundGeometry<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: roundPosition(geometry.coordinates) };
    case 'LineString':
    case 'MultiPoint':
      return { ...geometry, coordinates: geometry.coordinates.map(roundPosition) };
    case 'Polygon':
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
    default:
      return geometry;
  }
}

export function deriveGeometry(event: EventData): DerivedGeometry {
  const claimedRings = new Set<string>();
  const claims = event.versions.map((version): DerivedClaim => {
    const area = claimArea(event, version).geometry;
    const ref = version.place.geometry;
    const ring = ref.kind === 'ring' ? event.rings.find((r) => r.id === ref.ring) : undefined;
    if (ring) claimedRings.add(ring.id);
    const outline: Polygon | MultiPolygon = ring ? ringGeometry(event, ring).line.geometry : area;
    const label = claimLabelPoint(event, version);
    const [sw, ne] = claimBounds(event, version.party);
    return {
      party: version.party,
      area: roundGeometry(area),
      areaKm2: turfArea(area) / 1e6,
      outline: roundGeometry(outline),
      label: { at: roundLonLat(label.at), outwardBearing: label.outwardBearing },
      bounds: [roundLonLat(sw), roundLonLat(ne)],
    };
  });

  const contextRings = event.rings
    .filter((ring) => !claimedRings.has(ring.id))
    .map((ring) => ({ id: ring.id, line: roundGeometry(ringGeometry(event, ring).line.geometry) }));

  const gaps = claimGaps(event);
  const lines = gapLines(event, gaps);

  const placeDistancesKm: Record<string, number> = {};
  for (const lang of LANGS) {
    for (const [, from, to] of event.caption[lang].matchAll(CAPTION_DISTANCE)) {
      if (from !== undefined && to !== undefined) placeDistancesKm[placePairKey(from, to)] = placeDistanceKm(event, from, to);
    }
  }

  const [sw, ne] = eventBounds(event);
  return {
    claims,
    contextRings,
    gaps: gaps.map((gap) => ({
      ...gap,
      nearestPoints: [roundLonLat(gap.nearestPoints[0]), roundLonLat(gap.nearestPoints[1])],
      farthestPoints: [roundLonLat(gap.farthestPoints[0]), roundLonLat(gap.farthestPoints[1])],
    })),
    gapLines: {
      type: 'FeatureCollection',
      features: lines.features.map((line) => ({ ...line, geometry: roundGeometry(line.geometry) })),
    },
    placeDistancesKm,
    bounds: [roundLonLat(sw), roundLonLat(ne)],
  };
}
