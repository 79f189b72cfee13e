/**
 * The app's entry to the bundled data: the event chosen at build time by `EVENT`, validated by
 * the one loader and measured with Turf in Node (scripts/vite-plugins/selected-event.ts), so
 * the page ships the result and neither the validator nor Turf. The basemap stays as separate
 * files that MapLibre's worker fetches by URL (checked at build time by validate-data.ts).
 */
import { basemapUrls as selectedBasemapUrls, event, issues } from 'virtual:selected-event';
import { DataValidationError } from './data-issue.ts';
import type { BasemapLayer, NewsEvent } from './types.ts';

/**
 * The bundled event.
 * @throws DataValidationError when its files are malformed: only the dev server serves such an
 * event (the build stops on it), and the page then lists what is wrong.
 */
export function loadBundledEvent(): NewsEvent {
  if (issues || !event) throw new DataValidationError(issues ?? []);
  return event;
}

/** URLs of the basemap layers, emitted as separate files (never inlined: see vite.config.ts). */
export const basemapUrls: Readonly<Record<BasemapLayer, string>> = selectedBasemapUrls;
