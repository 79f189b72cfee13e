/**
 * Build-time data check: `vite build` and `vite dev` refuse to start when anything in data/ is
 * malformed, with the loader's own message (file, record, field, expectation). The browser runs
 * the same loader on the bundled event, but the basemap is only fetched by MapLibre at runtime,
 * so this is where it gets checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { BASEMAP_FILES, EVENT_FILES, parseBasemap, parseEvent } from '../../src/domain/load-event.ts';
import type { Basemap } from '../../src/domain/types.ts';
import { DataValidationError, parseJsonText } from '../../src/domain/validate.ts';
import type { DataIssue } from '../../src/domain/validate.ts';

export interface DataSummary {
  /** Ids of the events that passed. */
  readonly events: readonly string[];
  readonly basemapLayers: number;
}

function readJson(root: string, relative: string): unknown {
  const absolute = join(root, relative);
  if (!existsSync(absolute)) {
    throw new DataValidationError([
      { file: relative, record: '(file)', field: '(whole file)', expected: 'the file to exist', got: 'no such file' },
    ]);
  }
  return parseJsonText(relative, readFileSync(absolute, 'utf8'));
}

/**
 * Validates every event folder under `<root>/data/events/` and the basemap under
 * `<root>/data/basemap/`, reading them with node:fs.
 * @throws DataValidationError with every issue found across all files.
 */
export function validateDataDir(root: string): DataSummary {
  const issues: DataIssue[] = [];
  const collect = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      issues.push(...error.issues);
    }
  };

  const events: string[] = [];
  const eventsDir = join(root, 'data', 'events');
  const folders = existsSync(eventsDir) ? readdirSync(eventsDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  if (folders.length === 0) {
    issues.push({ file: 'data/events', record: '(folder)', field: '(contents)', expected: 'at least one event folder' });
  }
  for (const folder of folders) {
    const dir = `data/events/${folder.name}`;
    collect(() => {
      const event = parseEvent({
        dir,
        event: readJson(root, `${dir}/${EVENT_FILES.event}`),
        places: readJson(root, `${dir}/${EVENT_FILES.places}`),
        areas: readJson(root, `${dir}/${EVENT_FILES.areas}`),
      });
      events.push(event.id);
    });
  }

  collect(() => {
    const keys = Object.keys(BASEMAP_FILES) as (keyof Basemap)[];
    const files = {} as Record<keyof Basemap, { path: string; data: unknown }>;
    // Read every layer first so that a missing file and a malformed one are reported together.
    const readIssues: DataIssue[] = [];
    for (const key of keys) {
      const path = `data/basemap/${BASEMAP_FILES[key]}`;
      try {
        files[key] = { path, data: readJson(root, path) };
      } catch (error) {
        if (!(error instanceof DataValidationError)) throw error;
        readIssues.push(...error.issues);
      }
    }
    if (readIssues.length > 0) throw new DataValidationError(readIssues);
    parseBasemap(files);
  });

  if (issues.length > 0) throw new DataValidationError(issues);
  return { events, basemapLayers: Object.keys(BASEMAP_FILES).length };
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
        if (error instanceof DataValidationError) this.error(`Invalid data in data/:\n${error.message}`);
        throw error;
      }
    },
  };
}
