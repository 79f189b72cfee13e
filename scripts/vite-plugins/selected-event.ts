/**
 * Which event the app is built for: the environment variable `EVENT` (a folder name under
 * data/events/, or a path to an event folder anywhere, relative to the project or absolute),
 * by default the Badia event. `npm start`, `npm run dev`, `npm run build` and `npm run bench`
 * all go through Vite, so they all read it here.
 *
 * The app imports `virtual:selected-event`: the chosen folder's three files and its basemap's
 * manifest and layer URLs. The code names no event; only this module knows where one lives.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { BASEMAP_FILES, BASEMAP_MANIFEST, DEFAULT_BASEMAP_DIR, EVENT_FILES } from '../../src/domain/load-event.ts';
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

/** The `extent` of a basemap.json, as written (the loader validates it); null when unreadable. */
function readExtent(path: string): unknown {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { extent?: unknown }).extent ?? null;
  } catch {
    return null;
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
      const event = (file: string) => JSON.stringify(fsId(join(selected.dir, file)));
      const basemap = (file: string) => JSON.stringify(`${fsId(join(selected.basemapDir, file))}?url`);
      const layers = Object.entries(BASEMAP_FILES);
      return [
        `import event from ${event(EVENT_FILES.event)};`,
        `import placesText from ${JSON.stringify(`${fsId(join(selected.dir, EVENT_FILES.places))}?raw`)};`,
        `import areasText from ${JSON.stringify(`${fsId(join(selected.dir, EVENT_FILES.areas))}?raw`)};`,

        ...layers.map(([key, file]) => `import ${key}Url from ${basemap(file)};`),
        // Only the extent: the manifest's other lines (how it was cut, from what) are not the page's to ship.
        `export const basemapManifest = ${JSON.stringify({ extent: readExtent(join(selected.basemapDir, BASEMAP_MANIFEST)) })};`,
        `export { event, placesText, areasText };`,
        `export const eventDir = ${JSON.stringify(selected.label)};`,
        `export const basemapDir = ${JSON.stringify(selected.basemapLabel)};`,
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
