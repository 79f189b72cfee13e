/**
 * The app's entry to the bundled data: the event chosen at build time by `EVENT` (see
 * scripts/vite-plugins/selected-event.ts). The event's files are bundled with the code (so they
 * are versioned and hashed with it) and go through the one loader; the basemap stays as separate
 * files that MapLibre's worker fetches by URL, validated at build time by
 * scripts/vite-plugins/validate-data.ts instead.
 */
import {
  areasText,
  basemapDir,
  basemapManifest,
  basemapUrls as selectedBasemapUrls,
  event as eventJson,
  eventDir,
  placesText,
} from 'virtual:selected-event';
import { BASEMAP_MANIFEST, EVENT_FILES, parseBasemapManifest, parseEvent } from './load-event.ts';
import type { BasemapLayer, NewsEvent } from './types.ts';
import { parseJsonText } from './validate.ts';

/** The bundled event's folder, as named in validation messages. */
export const BUNDLED_EVENT_DIR = eventDir;

let bundled: NewsEvent | undefined;

/**
 * The bundled event, validated on first call and cached after.
 * @throws DataValidationError when the bundled files are malformed (the build plugin should
 * already have refused them; this keeps `vite dev` after an edit and the tests just as strict).
 */
export function loadBundledEvent(): NewsEvent {
  bundled ??= parseEvent({
    dir: eventDir,
    event: eventJson,
    places: parseJsonText(`${eventDir}/${EVENT_FILES.places}`, placesText),
    areas: parseJsonText(`${eventDir}/${EVENT_FILES.areas}`, areasText),
    extent: parseBasemapManifest(`${basemapDir}/${BASEMAP_MANIFEST}`, basemapManifest),
  });
  return bundled;
}

/** URLs of the basemap layers, emitted as separate files (never inlined: see vite.config.ts). */
export const basemapUrls: Readonly<Record<BasemapLayer, string>> = selectedBasemapUrls;
