/**
 * The event's data to download, written into dist/ by the build from the same validated data
 * the page shows: `downloads/<event id>.geojson` (every place, every party's claimed area as the
 * map draws it, every ring) and `downloads/<event id>-claims.csv` (one row per party's version).
 * The names come from `downloadFiles` (src/domain/export.ts), which the page links with.
 *
 * The CSV is written here, at build time, with csv-stringify, so that the browser bundle never
 * carries a CSV writer: src/domain/export.ts only makes the rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Plugin } from 'vite';
import { CLAIMS_CSV_COLUMNS, claimsCsvRows, downloadFiles, eventGeoJson } from '../../src/domain/export.ts';
import { BASEMAP_MANIFEST, EVENT_FILES, parseBasemapManifest, parseEvent } from '../../src/domain/load-event.ts';
import type { NewsEvent } from '../../src/domain/types.ts';
import { parseJsonText } from '../../src/domain/validate.ts';
import { displayPath, resolveSelectedEvent } from './selected-event.ts';

/**
 * The claims as CSV text (RFC 4180): a header row of `CLAIMS_CSV_COLUMNS`, then one row per
 * party; every field that holds a comma, a double quote or a line break quoted, quotes doubled.
 *
 * - UTF-8 with a byte-order mark: Excel opens a CSV without one in the system's legacy code page
 *   (Windows-1252 and the like), which turns every Arabic letter into mojibake; the BOM is what
 *   makes it read UTF-8. LibreOffice, Numbers, Google Sheets, pandas and csv-parse (`bom: true`)
 *   all skip it.
 * - CRLF between records, as RFC 4180 asks (line breaks inside a quoted field stay as written).
 * - Spreadsheet formula injection defused (csv-stringify's `escape_formulas`): a cell starting
 *   with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms) gets a
 *   leading `'`, so that Excel, LibreOffice and Sheets show the text instead of running it as a
 *   formula (OWASP "CSV Injection"). The GeoJSON keeps the text as it is.
 */
export function claimsCsv(event: NewsEvent): string {
  return stringify(claimsCsvRows(event), {
    bom: true,
    header: true,
    columns: [...CLAIMS_CSV_COLUMNS],
    record_delimiter: '\r\n',
    escape_formulas: true,
  });
}

/** The GeoJSON text: compact (a GIS tool does not need the indentation), one final newline. */
export function eventGeoJsonText(event: NewsEvent): string {
  return `${JSON.stringify(eventGeoJson(event))}\n`;
}

export interface DownloadAsset {
  /** Path inside dist/, as `downloadFiles` names it. */
  readonly fileName: string;
  readonly source: string;
}

/** The files the build emits for this event. */
export function downloadAssets(event: NewsEvent): DownloadAsset[] {
  const files = downloadFiles(event.id);
  return [
    { fileName: files.geojson, source: eventGeoJsonText(event) },
    { fileName: files.csv, source: claimsCsv(event) },
  ];
}

/**
 * The event `EVENT` chooses, read from its folder and its basemap's manifest (for the extent)
 * and validated by the one loader, as the page gets it.
 * @throws DataValidationError when a file is malformed (validate-data.ts reports it first, with
 * everything else that is wrong).
 */
export function loadSelectedEvent(root: string, value: string | undefined = process.env.EVENT): NewsEvent {
  const selected = resolveSelectedEvent(root, value);
  const read = (dir: string, file: string) => {
    const label = `${displayPath(root, dir)}/${file}`;
    return { label, value: parseJsonText(label, readFileSync(join(dir, file), 'utf8')) };
  };
  const manifest = read(selected.basemapDir, BASEMAP_MANIFEST);
  return parseEvent({
    dir: selected.label,
    event: read(selected.dir, EVENT_FILES.event).value,
    places: read(selected.dir, EVENT_FILES.places).value,
    areas: read(selected.dir, EVENT_FILES.areas).value,
    extent: parseBasemapManifest(manifest.label, manifest.value),
  });
}

/** Emits the event's GeoJSON and claims CSV into dist/downloads/ (client build only). */
export function downloadsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'downloads',
    // Not in the prerender's server build (see prerender.ts), whose output is thrown away.
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      for (const asset of downloadAssets(loadSelectedEvent(root))) {
        this.emitFile({ type: 'asset', fileName: asset.fileName, source: asset.source });
      }
    },
  };
}
