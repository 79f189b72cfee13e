/**
 * Where the event's data files are, for the page to link to: apart from export.ts, which makes
 * them at build time, so that the page's links cost it nothing of that code.
 */

/** Where the files go in dist/, and so where the page links to (relative to index.html). */
export const DOWNLOADS_DIR = 'downloads';

/**
 * The event id as a file name: letters, digits, `_` and `-` kept, any other run of characters
 * one `-` (the loader takes any non-empty id; a `/`, `..` or space must not make a path).
 */
function fileStem(eventId: string): string {
  return eventId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'event';
}

/** The download files of an event, as paths relative to the page (and to dist/). */
export function downloadFiles(eventId: string): { readonly geojson: string; readonly csv: string } {
  const stem = fileStem(eventId);
  return { geojson: `${DOWNLOADS_DIR}/${stem}.geojson`, csv: `${DOWNLOADS_DIR}/${stem}-claims.csv` };
}
