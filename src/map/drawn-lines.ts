import type { Geometry, Position } from 'geojson';

/**
 * The lines a geometry is drawn with: each polygon ring, closed, and each line string, open.
 * Points and collections draw none. Shared by the two SVG maps (static-map.tsx and, at build
 * time, map-placeholder.tsx), which differ only in how they project and write each line.
 */
export function drawnLines(geometry: Geometry): { readonly positions: Position[]; readonly closed: boolean }[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((positions) => ({ positions, closed: true }));
    case 'MultiPolygon':
      return geometry.coordinates.flat().map((positions) => ({ positions, closed: true }));
    case 'LineString':
      return [{ positions: geometry.coordinates, closed: false }];
    case 'MultiLineString':
      return geometry.coordinates.map((positions) => ({ positions, closed: false }));
    default:
      return [];
  }
}
