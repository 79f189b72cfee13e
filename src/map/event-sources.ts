/**
 * The event turned into the GeoJSON the map draws: pure, no MapLibre, so the static fallback
 * map and the tests use exactly what the live map uses.
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { PositionAnchor } from 'maplibre-gl';
import type { DerivedClaim, Lang, NewsEvent } from '../domain/types.ts';
import { localize } from '../i18n/index.ts';

export interface ClaimProperties {
  readonly party: string;
  /** Area in km², so a click where claims overlap can pick the most specific one. */
  readonly areaKm2: number;
}

export interface ClaimAnchorProperties {
  readonly party: string;
  /** Compass bearing pointing out of the claim at this point, or null inside an area. */
  readonly outwardBearing: number | null;
}

export interface ContextRingProperties {
  readonly id: string;
  readonly label: string;
}

export interface EventSources {
  /** Each party's claimed area, largest first so that smaller claims draw on top. */
  readonly claimAreas: FeatureCollection<Polygon | MultiPolygon, ClaimProperties>;
  /** The line that best states each claim: the ring itself for a distance, else the area's edge. */
  readonly claimOutlines: FeatureCollection<Polygon | MultiPolygon, ClaimProperties>;
  /** Rings that no party claims (the 55 km zone): context only. */
  readonly contextRings: FeatureCollection<Polygon, ContextRingProperties>;
  /** Where each claim's on-map badge goes. */
  readonly claimAnchors: FeatureCollection<Point, ClaimAnchorProperties>;
  /** The names the event prints on the map (countries, seas), in the page's language. */
  readonly mapLabels: FeatureCollection<Point, { readonly name: string }>;
  /** The measured gaps between claims, as lines with their distance in words (the `gaps` layer). */
  readonly gapLines: FeatureCollection<LineString | Point, { readonly label: string }>;
}

/**
 * The event's GeoJSON for the map, in `lang`: the geometry as the build measured it
 * (`event.derived`), with this language's labels. Cheap: no measuring happens here.
 */
export function buildEventSources(event: NewsEvent, lang: Lang = 'en'): EventSources {
  const claims = event.derived.claims;
  const properties = (claim: DerivedClaim): ClaimProperties => ({ party: claim.party, areaKm2: claim.areaKm2 });
  // Largest first, so that smaller claims draw on top; numeric ids let MapLibre address
  // features, in that draw order.
  const bySize = [...claims].sort((a, b) => b.areaKm2 - a.areaKm2);
  const labels = new Map(event.rings.map((ring) => [ring.id, ring.label[lang]]));

  return {
    claimAreas: {
      type: 'FeatureCollection',
      features: bySize.map((claim, i) => ({ type: 'Feature', id: i + 1, geometry: claim.area, properties: properties(claim) })),
    },
    claimOutlines: {
      type: 'FeatureCollection',
      features: claims.map((claim, i) => ({
        type: 'Feature',
        id: i + 1,
        geometry: claim.outline,
        properties: properties(claim),
      })),
    },
    contextRings: {
      type: 'FeatureCollection',
      features: event.derived.contextRings.map((ring) => ({
        type: 'Feature',
        geometry: ring.line,
        properties: { id: ring.id, label: labels.get(ring.id) ?? ring.id },
      })),
    },
    claimAnchors: {
      type: 'FeatureCollection',
      features: claims.map((claim) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [...claim.label.at] },
        properties: { party: claim.party, outwardBearing: claim.label.outwardBearing },
      })),
    },
    gapLines: { type: 'FeatureCollection', features: [] },
    mapLabels: {
      type: 'FeatureCollection',
      features: event.map.labels.map((label) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [label.at[0], label.at[1]] },
        properties: { name: localize(label.name, lang) },
      })),
    },
  };
}

/** The most specific claim among those hit by a click: the one with the smallest area. */
export function mostSpecificParty(hits: readonly { properties: { party?: unknown; areaKm2?: unknown } }[]): string | null {
  let best: { party: string; areaKm2: number } | null = null;
  for (const hit of hits) {
    const { party, areaKm2 } = hit.properties;
    if (typeof party !== 'string' || typeof areaKm2 !== 'number') continue;
    if (!best || areaKm2 < best.areaKm2) best = { party, areaKm2 };
  }
  return best?.party ?? null;
}

/**
 * The marker anchor that puts a label on the far side of its point, seen from the claim's
 * centre: a point facing north (bearing 0) gets its label above it, anchored at its bottom.
 */
export function anchorFacingAway(bearing: number | null): PositionAnchor {
  if (bearing === null) return 'center';
  const sides: PositionAnchor[] = ['bottom', 'bottom-left', 'left', 'top-left', 'top', 'top-right', 'right', 'bottom-right'];
  return sides[Math.round((((bearing % 360) + 360) % 360) / 45) % 8] ?? 'center';
}
