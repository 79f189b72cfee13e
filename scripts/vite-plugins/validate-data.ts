/**
 * Build-time data check: `vite build` and `vite dev` refuse to start when anything in data/ (or
 * the event chosen by `EVENT`, wherever it is) is malformed, with the loader's own message (file,
 * record, field, expectation). The browser runs the same loader on the bundled event, but the
 * basemap is only fetched by MapLibre at runtime, so this is where it gets checked, and where
 * each event is checked against its basemap (places inside their countries, names that exist).
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  BASEMAP_FILES,
  BASEMAP_MANIFEST,
  EVENT_FILES,
  checkEventOnBasemap,
  parseBasemap,
  parseBasemapManifest,
  parseEvent,
} from '../../src/domain/load-event.ts';
import type { Basemap, BasemapLayer } from '../../src/domain/types.ts';
import { DataValidationError } from '../../src/domain/validate.ts';
import type { DataIssue, Extent } from '../../src/domain/validate.ts';
import { basemapDirOf, displayPath, EVENTS_DIR, listEventFolders, readDataJson, resolveSelectedEvent } from './selected-event.ts';

export interface DataSummary {
  /** Each event that passed: its id and folder. */
  readonly events: readonly { readonly id: string; readonly dir: string; readonly basemap: string }[];
  readonly basemaps: readonly string[];
}

/** Collects the issues of several independent checks, so one run reports all of them. */
class IssueCollector {
  readonly issues: DataIssue[] = [];

  run<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      this.issues.push(...error.issues);
      return undefined;
    }
  }
}

/** One basemap folder: its manifest and its layers, each checked against the manifest's extent. */
export function loadBasemap(root: string, dir: string): { extent: Extent; layers: Basemap } {
  const label = displayPath(root, dir);
  const extent = parseBasemapManifest(
    `${label}/${BASEMAP_MANIFEST}`,
    readDataJson(join(dir, BASEMAP_MANIFEST), `${label}/${BASEMAP_MANIFEST}`),
  );
  const files = {} as Record<BasemapLayer, { path: string; data: unknown }>;
  // Read every layer first so that a missing file and a malformed one are reported together.
  const reading = new IssueCollector();
  for (const key of Object.keys(BASEMAP_FILES) as BasemapLayer[]) {
    const path = `${label}/${BASEMAP_FILES[key]}`;
    reading.run(() => (files[key] = { path, data: readDataJson(join(dir, BASEMAP_FILES[key]), path) }));
  }
  if (reading.issues.length > 0) throw new DataValidationError(reading.issues);
  return { extent, layers: parseBasemap(files, extent) };
}

/**
 * Validates every event folder under `<root>/data/events/`, the event `EVENT` chooses (when it
 * lives elsewhere), and the basemap of each, reading them with node:fs.
 * @throws DataValidationError with every issue found across all files.
 * @throws EventSelectionError when `EVENT` names no event folder.
 */
export function validateDataDir(root: string, selectedEvent: string | undefined = process.env.EVENT): DataSummary {
  const collector = new IssueCollector();
  const dirs = listEventFolders(root).map((name) => join(root, EVENTS_DIR, name));
  const selected = resolveSelectedEvent(root, selectedEvent);
  if (!dirs.includes(selected.dir)) dirs.push(selected.dir);
  if (listEventFolders(root).length === 0) {
    collector.issues.push({ file: EVENTS_DIR, record: '(folder)', field: '(contents)', expected: 'at least one event folder' });
  }

  const basemaps = new Map<string, ReturnType<typeof loadBasemap> | undefined>();
  const events: { id: string; dir: string; basemap: string }[] = [];
  for (const dir of dirs) {
    const label = displayPath(root, dir);
    const basemapDir = basemapDirOf(root, dir);
    if (!basemaps.has(basemapDir))
      basemaps.set(
        basemapDir,
        collector.run(() => loadBasemap(root, basemapDir)),
      );
    const basemap = basemaps.get(basemapDir);
    // Without a readable manifest there is no extent to check the event's positions against.
    if (!basemap) continue;
    collector.run(() => {
      const event = parseEvent({
        dir: label,
        event: readDataJson(join(dir, EVENT_FILES.event), `${label}/${EVENT_FILES.event}`),
        places: readDataJson(join(dir, EVENT_FILES.places), `${label}/${EVENT_FILES.places}`),
        areas: readDataJson(join(dir, EVENT_FILES.areas), `${label}/${EVENT_FILES.areas}`),
        extent: basemap.extent,
      });
      checkEventOnBasemap(event, basemap.layers, label, displayPath(root, basemapDir));
      events.push({ id: event.id, dir: label, basemap: displayPath(root, basemapDir) });
    });
  }

  if (collector.issues.length > 0) throw new DataValidationError(collector.issues);
  return { events, basemaps: [...basemaps.keys()].map((dir) => displayPath(root, dir)) };
}

/** Stops `vite build` and `vite dev` when anything in data/ is malformed. */
export function validateDataPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'validate-data',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      try {
        validateDataDir(root);
      } catch (error) {
        if (error instanceof DataValidationError) this.error(`Invalid data:\n${error.message}`);
        throw error;
      }
    },
  };
}
