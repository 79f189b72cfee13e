/**
 * Build time only (src/entry-server.tsx): the map's opening view as an SVG drawing, written into
 * index.html so that a map is on screen at the first paint, with the versions, before any
 * script has run. The interactive map replaces it in the same box once it is drawn
 * (src/map/map-view.tsx).
 *
 * It draws what the canvas draws first, from the same data: the basemap (countries, the
 * highlighted ones lighter, the shaded regions, lakes, rivers, borders), each party's claimed
 * area with its outline in the party's line style, and the context rings. The areas are a light
 * tint of the party's colour, not its pattern: a pattern over a large area is what costs a
 * software-rendered first paint most (about 200 ms here), and the outlines' line styles
 * already tell the parties apart. No text: the names come with the interactive map, set in the
 * page's fonts. It is framed as MapLibre frames the opening view:
 * the view's bounds in Web Mercator, fitted inside the map's box less HOME_PADDING on each side
 * (CSS puts the drawing there; `preserveAspectRatio` fits it; `overflow: visible` shows the
 * basemap around it), so that the swap moves nothing.
 *
 * The basemap is cut to twice the view each way (a box twice as wide, or as tall, as the view is
 * still filled) and everything is simplified to under a pixel of the drawing, so the HTML stays
 * small.
 */
import { claimWeights } from './ink.ts';
import { bboxClip, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Basemap, LonLat, NewsEvent, Party } from '../domain/types.ts';
import { PALETTES } from './map-style.ts';
import { drawnLines } from './drawn-lines.ts';

/** The drawing's width in its own units; its height follows the view's shape. */
const WIDTH = 1000;
/** Douglas–Peucker tolerance, in drawing units (a map box is some 300 to 1200 px wide). */
const TOLERANCE = 0.75;

type Project = (p: Position) => Position;

/**
 * The parties' line styles in drawing units, which the drawing's scale shrinks (about 0.4 on a
 * phone to 1.2 on a wide screen): round dots and dashes much as the canvas draws them.
 */
const DASHES: Record<Party['mark']['line'], string | undefined> = {
  solid: undefined,
  dashed: '7 4',
  dotted: '0.01 6',
};

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Web Mercator onto the drawing: the view's west edge at x 0, its north edge at y 0. */
function projection(bounds: readonly [LonLat, LonLat]): { project: Project; height: number } {
  const [[west, south], [east, north]] = bounds;
  const scale = WIDTH / (((east - west) * Math.PI) / 180);
  const top = mercatorY(north);
  const height = (top - mercatorY(south)) * scale;
  const project: Project = ([lon = 0, lat = 0]) => [(((lon - west) * Math.PI) / 180) * scale, (top - mercatorY(lat)) * scale];
  return { project, height };
}

/**
 * SVG path data for one line, compact: whole units, each point relative to the one before
 * (`l`), repeated points dropped; empty when nothing is left to draw.
 */
function linePath(positions: Position[], closed: boolean): string {
  const numbers = (values: number[]) => values.map((v, i) => (i > 0 && v >= 0 ? ' ' : '') + String(v)).join('');
  const points = positions.map((p) => [Math.round(p[0] ?? 0), Math.round(p[1] ?? 0)] as const);
  const first = points[0];
  if (!first) return '';
  const deltas: number[] = [];
  let [x, y] = first;
  for (const [px, py] of points.slice(1)) {
    if (px === x && py === y) continue;
    deltas.push(px - x, py - y);
    [x, y] = [px, py];
  }
  if (deltas.length === 0) return '';
  return `M${numbers([...first])}l${numbers(deltas)}${closed ? 'z' : ''}`;
}

/** A geometry's lines projected and simplified to under a pixel of the drawing, as path data. */
function simplified(geometry: Geometry, project: Project): string {
  return drawnLines(geometry)
    .map(({ positions, closed }) => {
      if (positions.length < 2) return '';
      const line = simplify(
        { type: 'Feature', geometry: { type: 'LineString', coordinates: positions.map(project) }, properties: {} },
        { tolerance: TOLERANCE, highQuality: true },
      );
      return linePath(line.geometry.coordinates, closed);
    })
    .join('');
}

/**
 * The basemap features around the view, projected and simplified, as path data (empty
 * features dropped).
 */
function basemapPaths(
  collection: FeatureCollection,
  bounds: readonly [LonLat, LonLat],
  project: Project,
  keep: (feature: Feature) => boolean = () => true,
): { d: string; feature: Feature }[] {
  const [[west, south], [east, north]] = bounds;
  const w = east - west;
  const h = north - south;
  const around: [number, number, number, number] = [
    west - w / 2,
    Math.max(-85, south - h / 2),
    east + w / 2,
    Math.min(85, north + h / 2),
  ];
  return collection.features.filter(keep).flatMap((feature) => {
    if (!feature.geometry) return [];
    const clipped = bboxClip(feature as Feature<Polygon | MultiPolygon>, around);
    const d = simplified(clipped.geometry, project);
    return d === '' ? [] : [{ d, feature }];
  });
}

/** The opening view of `event`'s map as an SVG element, drawn from `basemap`. */
export function MapPlaceholder({ event, basemap }: { event: NewsEvent; basemap: Basemap }) {
  const palette = PALETTES.light;
  const weights = claimWeights(event);
  const { project, height } = projection(event.view.bounds);
  const bounds = event.view.bounds;
  const highlighted = new Set(event.map.highlightCountries);
  const regions = new Set(event.map.regions);
  const name = (f: Feature) => String(f.properties?.name ?? '');
  const eventPath = (geometry: Geometry) => simplified(geometry, project);
  const parties = new Map(event.parties.map((party) => [party.id, party]));
  const bySize = [...event.derived.claims].sort((a, b) => b.areaKm2 - a.areaKm2);
  const stroke = { vectorEffect: 'non-scaling-stroke', fill: 'none' } as const;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${Math.round(height * 10) / 10}`}
      preserveAspectRatio="xMidYMid meet"
      focusable="false"
      data-testid="map-placeholder-drawing"
    >
      {basemapPaths(basemap.countries, bounds, project).map(({ d, feature }, i) => (
        <path key={`c${i}`} d={d} fill={highlighted.has(name(feature)) ? palette.focus : palette.land} />
      ))}
      {basemapPaths(basemap.regions, bounds, project, (f) => regions.has(name(f))).map(({ d }, i) => (
        <path key={`g${i}`} d={d} fill={palette.desert} fillOpacity="0.45" />
      ))}
      {basemapPaths(basemap.lakes, bounds, project).map(({ d }, i) => (
        <path key={`l${i}`} d={d} fill={palette.water} />
      ))}
      {basemapPaths(basemap.rivers, bounds, project).map(({ d }, i) => (
        <path key={`r${i}`} d={d} {...stroke} stroke={palette.river} strokeWidth="1.2" />
      ))}
      {basemapPaths(basemap.boundaryLines, bounds, project).map(({ d }, i) => (
        <path key={`b${i}`} d={d} {...stroke} stroke={palette.border} strokeWidth="1.2" />
      ))}
      {bySize.map((claim) => (
        <path
          key={`a${claim.party}`}
          d={eventPath(claim.area)}
          fill={parties.get(claim.party)?.mark.color}
          // As the live map inks it: a vaguer (larger) claim lighter (see claimWeights).
          fillOpacity={Math.round(0.14 * Math.sqrt(weights[claim.party] ?? 1) * 1000) / 1000}
        />
      ))}
      {event.derived.contextRings.map((ring) => (
        <path
          key={`z${ring.id}`}
          d={eventPath(ring.line)}
          {...stroke}
          stroke={palette.contextRing}
          strokeWidth="1.25"
          strokeDasharray="7.5 3.75"
        />
      ))}
      {event.derived.claims.map((claim) => {
        const party = parties.get(claim.party);
        if (!party) return null;
        return (
          <path
            key={`o${claim.party}`}
            data-party={claim.party}
            d={eventPath(claim.outline)}
            {...stroke}
            stroke={party.mark.color}
            strokeOpacity="0.95"
            strokeWidth="2.5"
            strokeDasharray={DASHES[party.mark.line]}
            strokeLinecap={party.mark.line === 'dotted' ? 'round' : 'butt'}
            strokeLinejoin="round"
          />
        );
      })}
    </svg>
  );
}
