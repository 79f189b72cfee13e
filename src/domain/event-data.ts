/**
 * The app's entry to the bundled data. The event's files are bundled with the code (so they are
 * versioned and hashed with it) and go through the one loader; the basemap stays as separate
 * files that MapLibre's worker fetches by URL, validated at build time by
 * scripts/vite-plugins/validate-data.ts instead.
 */
import eventJson from '../../data/events/badia-2018-12-02/event.json';
// Vite does not treat .geojson as JSON, so these arrive as text and are parsed below.
import placesText from '../../data/events/badia-2018-12-02/places.geojson?raw';
import areasText from '../../data/events/badia-2018-12-02/areas.geojson?raw';
import countriesUrl from '../../data/basemap/countries.geojson?url';
import boundaryLinesUrl from '../../data/basemap/boundary_lines.geojson?url';
import riversUrl from '../../data/basemap/rivers.geojson?url';
import lakesUrl from '../../data/basemap/lakes.geojson?url';
import regionsUrl from '../../data/basemap/regions.geojson?url';
import populatedPlacesUrl from '../../data/basemap/populated_places.geojson?url';
import labelsUrl from '../../data/basemap/labels.geojson?url';
import { EVENT_FILES, parseEvent } from './load-event.ts';
import type { Basemap, NewsEvent } from './types.ts';
import { parseJsonText } from './validate.ts';

/** The bundled event's folder, as named in validation messages. */
export const BUNDLED_EVENT_DIR = 'data/events/badia-2018-12-02';

let bundled: NewsEvent | undefined;

/**
 * The bundled event, validated on first call and cached after.
 * @throws DataValidationError when the bundled files are malformed (the build plugin should
 * already have refused them; this keeps `vite dev` after an edit and the tests just as strict).
 */
export function loadBundledEvent(): NewsEvent {
  bundled ??= parseEvent({
    dir: BUNDLED_EVENT_DIR,
    event: eventJson,
    places: parseJsonText(`${BUNDLED_EVENT_DIR}/${EVENT_FILES.places}`, placesText),
    areas: parseJsonText(`${BUNDLED_EVENT_DIR}/${EVENT_FILES.areas}`, areasText),
  });
  return bundled;
}

/** URLs of the basemap layers, emitted as separate files (never inlined: see vite.config.ts). */
export const basemapUrls: Readonly<Record<keyof Basemap, string>> = {
  countries: countriesUrl,
  boundaryLines: boundaryLinesUrl,
  rivers: riversUrl,
  lakes: lakesUrl,
  regions: regionsUrl,
  populatedPlaces: populatedPlacesUrl,
  labels: labelsUrl,
};
