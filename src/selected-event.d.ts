/** The event the app is built for, chosen by `EVENT` (scripts/vite-plugins/selected-event.ts). */
declare module 'virtual:selected-event' {
  import type { BasemapLayer, NewsEvent } from './domain/types.ts';
  import type { DataIssue } from './domain/data-issue.ts';
  /** The event, validated and measured at build time (null when its data is malformed). */
  export const event: NewsEvent | null;
  /** What is wrong with the data, when the dev server serves an event that does not validate. */
  export const issues: readonly DataIssue[] | null;
  /** URLs of the basemap layers, emitted as separate files for MapLibre's worker to fetch. */
  export const basemapUrls: Readonly<Record<BasemapLayer, string>>;
}
