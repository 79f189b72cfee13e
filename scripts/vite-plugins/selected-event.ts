/**
 * Which event the app is built for: the environment variable `EVENT` (a folder name under
 * data/events/, or a path to an event folder anywhere, relative to the project or absolute),
 * by default the Badia event. `npm start`, `npm run dev`, `npm run build` and `npm run bench`
 * all go through Vite, so they all read it here.
 *
 * The app imports `virtual:selected-event`: the chosen event, validated and measured here in Node
 * (or the issues that stopped it), and its basemap's layer URLs. The code names no event; only
 * this module knows where one lives.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import {
  BASEMAP_FILES,
  BASEMAP_MANIFEST,
  DEFAULT_BASEMAP_DIR,
  EVENT_FILES,
  parseBasemapManifest,
  parseEvent,
} from '../../src/domain/load-event.ts';
import type { NewsEvent } from '../../src/domain/types.ts';
import { DataValidationError, parseJsonText, type DataIssue } from '../../src/domain/validate.ts';
import { escapeAttribute } from '../../src/embed/embed-code.ts';

export const DEFAULT_EVENT = 'badia-2018-12-02';
export const EVENTS_DIR = 'data/events';
const VIRTUAL_ID = 'virtual:selected-event';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface SelectedEvent {
  /** Absolute path of the event folder. */
  readonly dir: string;
  /** The folder as messages name it: project-relative when inside the project, else absolute. */
  readonly label: string;
  readonly basemapDir: string;
  readonly basemapLabel: string;
}

/** A bad `EVENT`: the message says what was asked for and what there is. */
export class EventSelectionError extends Error {
  override name = 'EventSelectionError';
}

/** The event folders under data/events/, by name. */
export function listEventFolders(root: string): string[] {
  const dir = join(root, EVENTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, EVENT_FILES.event)))
    .map((d) => d.name)
    .sort();
}

/** `path` as messages show it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * Resolves `EVENT` (or `value`) to an event folder and the basemap folder its event.json names.
 * @throws EventSelectionError naming the folders there are, when `value` names none of them.
 */
export function resolveSelectedEvent(root: string, value: string | undefined = process.env.EVENT): SelectedEvent {
  const asked = (value ?? '').trim() || DEFAULT_EVENT;
  const isPath = asked.includes('/') || asked.includes('\\') || asked.startsWith('.');
  const dir = isPath ? resolve(root, asked) : join(root, EVENTS_DIR, asked);
  if (!existsSync(join(dir, EVENT_FILES.event)) || !statSync(dir).isDirectory()) {
    const folders = listEventFolders(root);
    const there = folders.length
      ? `the folders in ${EVENTS_DIR}/ are: ${folders.join(', ')}`
      : `${EVENTS_DIR}/ has no event folder`;
    const what = isPath
      ? `no event folder at ${dir} (a folder holding ${EVENT_FILES.event})`
      : `no event folder ${EVENTS_DIR}/${asked}/`;
    throw new EventSelectionError(
      `EVENT=${JSON.stringify(asked)}: ${what}. Set EVENT to a folder name under ${EVENTS_DIR}/ or a path to an event folder; ${there}.`,
    );
  }
  const basemapDir = basemapDirOf(root, dir);
  return { dir, label: displayPath(root, dir), basemapDir, basemapLabel: displayPath(root, basemapDir) };
}

/**
 * The basemap folder an event.json names (`map.basemap`, relative to the event folder), or the
 * project's. Read raw: a malformed event.json is the validator's to report, with its fields.
 */
export function basemapDirOf(root: string, eventDir: string): string {
  let named: unknown;
  try {
    const event = JSON.parse(readFileSync(join(eventDir, EVENT_FILES.event), 'utf8')) as { map?: { basemap?: unknown } };
    named = event.map?.basemap;
  } catch {
    named = undefined;
  }
  return typeof named === 'string' && named.trim() !== '' ? resolve(eventDir, named) : join(root, DEFAULT_BASEMAP_DIR);
}

/** Reads JSON at an absolute path, naming the file by `label` in any issue (a missing file is one). */
export function readDataJson(absolute: string, label: string): unknown {
  if (!existsSync(absolute)) {
    throw new DataValidationError([
      { file: label, record: '(file)', field: '(whole file)', expected: 'the file to exist', got: 'no such file' },
    ]);
  }
  return parseJsonText(label, readFileSync(absolute, 'utf8'));
}

/**
 * The chosen event as the app gets it: its files read, validated by the one loader and measured
 * (`NewsEvent.derived`), here in Node, at build time or when the dev server serves it. Never
 * throws for bad data: the issues go to the page, which shows them (the build itself has
 * already stopped on them, see validate-data.ts).
 */
export function compileEvent(selected: SelectedEvent): { event: NewsEvent | null; issues: readonly DataIssue[] | null } {
  const read = (dir: string, label: string, file: string) => readDataJson(join(dir, file), `${label}/${file}`);
  try {
    const event = parseEvent({
      dir: selected.label,
      event: read(selected.dir, selected.label, EVENT_FILES.event),
      places: read(selected.dir, selected.label, EVENT_FILES.places),
      areas: read(selected.dir, selected.label, EVENT_FILES.areas),
      extent: parseBasemapManifest(
        `${selected.basemapLabel}/${BASEMAP_MANIFEST}`,
        read(selected.basemapDir, selected.basemapLabel, BASEMAP_MANIFEST),
      ),
    });
    return { event, issues: null };
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return { event: null, issues: error.issues };
  }
}

/** The English title and description of the chosen event, for index.html before any prerender. */
function readHead(dir: string): { title: string; description: string } {
  try {
    const event = JSON.parse(readFileSync(join(dir, EVENT_FILES.event), 'utf8')) as {
      title?: { en?: unknown };
      description?: { en?: unknown };
    };
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return { title: text(event.title?.en), description: text(event.description?.en) };
  } catch {
    return { title: '', description: '' };
  }
}

/**
 * Serves `virtual:selected-event` and writes the event's title and description into index.html.
 * @param projectRoot where data/events/ is, when the Vite root is elsewhere (the bench's bare page).
 */
export function selectedEventPlugin(projectRoot?: string): Plugin {
  let selected: SelectedEvent;
  // Vite's own way to import a file by absolute path, inside or outside the project.
  const fsId = (path: string) => `/@fs/${path.split(sep).join('/').replace(/^\//, '')}`;
  return {
    name: 'selected-event',
    enforce: 'pre',
    config(config) {
      const root = projectRoot ?? resolve(config.root ?? process.cwd());
      selected = resolveSelectedEvent(root);
      // The dev server serves files outside the project only from folders it is told of.
      return { server: { fs: { allow: [root, selected.dir, selected.basemapDir] } } };
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const basemap = (file: string) => JSON.stringify(`${fsId(join(selected.basemapDir, file))}?url`);
      const layers = Object.entries(BASEMAP_FILES);
      // The dev server reloads the page when a data file changes.
      for (const file of Object.values(EVENT_FILES)) this.addWatchFile(join(selected.dir, file));
      this.addWatchFile(join(selected.basemapDir, BASEMAP_MANIFEST));
      const { event, issues } = compileEvent(selected);
      // JSON.parse of a string literal is parsed faster than the same object written as code;
      // marked pure so that a page that only wants the basemap's URLs (the bench's bare page)
      // drops it.
      const json = (value: unknown) => `/* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      return [
        ...layers.map(([key, file]) => `import ${key}Url from ${basemap(file)};`),
        `export const event = ${event ? json(event) : 'null'};`,
        `export const issues = ${issues ? json(issues) : 'null'};`,
        `export const basemapUrls = { ${layers.map(([key]) => `${key}: ${key}Url`).join(', ')} };`,
      ].join('\n');
    },
    transformIndexHtml(html) {
      const { title, description } = readHead(selected.dir);
      return html
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(title)}</title>`)
        .replace(
          /(<meta\s+name="description"\s+content=")[^"]*(")/,
          (_, start: string, end: string) => `${start}${escapeAttribute(description)}${end}`,
        );
    },
  };
}
