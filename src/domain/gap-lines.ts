/**
 * The measured gaps as lines the map can draw and label: for each pair of claims that do not
 * overlap, the great-circle line between the two points where they come nearest. Pure: GeoJSON
 * out, no MapLibre, so the live map, the static fallback and the tests share it.
 */
import { bearing, destination, distance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { claimGaps } from './gaps.ts';
import type { ClaimGap, EventData, GapLineProperties } from './types.ts';
import { roundDistanceRange } from '../i18n/format.ts';

const KM = { units: 'kilometers' } as const;
/** The line's vertices are at most this far apart, so that it bends as a great circle does on the map. */
const LINE_STEP_KM = 2;

/** The great circle from `a` to `b`, as points at most LINE_STEP_KM apart, `a` and `b` included exactly. */
function greatCircleLine(a: Position, b: Position): Position[] {
  const km = distance(a, b, KM);
  const pieces = Math.max(1, Math.ceil(km / LINE_STEP_KM));
  const heading = bearing(a, b);
  const inner = Array.from(
    { length: pieces - 1 },
    (_, i) => destination(a, (km * (i + 1)) / pieces, heading, KM).geometry.coordinates,
  );
  return [[...a], ...inner, [...b]];
}

/**
 * One line per gap whose claims do not overlap (an overlap has no gap to draw), in the gaps'
 * order, from the nearest point of `from`'s claim to the nearest point of `to`'s.
 */
export type { GapLineProperties } from './types.ts';

export function gapLines(
  event: EventData,
  gaps: readonly ClaimGap[] = claimGaps(event),
): FeatureCollection<LineString, GapLineProperties> {
  const parties = new Set(event.parties.map((p) => p.id));
  const features = gaps
    .filter((gap) => !gap.overlaps)
    .map((gap): Feature<LineString, GapLineProperties> => {
      for (const party of [gap.from, gap.to]) {
        if (!parties.has(party)) throw new Error(`gapLines: no party "${party}" in event "${event.id}"`);
      }
      const [a, b] = gap.nearestPoints;
      const { lowKm, highKm } = roundDistanceRange(gap.nearestKm, gap.farthestKm);
      return {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: greatCircleLine([...a], [...b]) },
        properties: {
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
        },
      };
    });
  return { type: 'FeatureCollection', features };
}
