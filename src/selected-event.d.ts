/** The event the app is built for, chosen by `EVENT` (scripts/vite-plugins/selected-event.ts). */
declare module 'virtual:selected-event' {
  import type { BasemapLayer } from './domain/types.ts';
  /** event.json, parsed by Vite but not yet validated. */
  export const event: unknown;
  /** places.geojson and areas.geojson as text (Vite does not treat .geojson as JSON). */
  export const placesText: string;
  export const areasText: string;
  /** The basemap folder's basemap.json, not yet validated. */
  export const basemapManifest: unknown;
  /** The event folder as messages name it, e.g. `data/events/badia-2018-12-02`. */
  export const eventDir: string;
  export const basemapDir: string;
  /** URLs of the basemap layers, emitted as separate files for MapLibre's worker to fetch. */
  export const basemapUrls: Readonly<Record<BasemapLayer, string>>;
}
