/**
 * The JSON Schemas in docs/schema/ (what the editor shows: completion, red squiggles) kept from
 * drifting away from the validator (src/domain/load-event.ts, the truth about what is allowed),
 * and docs/NEW-EVENT.md kept from missing a field of the schemas.
 *
 * The drift checks are driven by the validator over the real data: every property the schema
 * calls required, deleted from a fresh copy, makes the loader fail on that very field; every
 * optional property, deleted, does not; and every property the data has, the schema knows.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_MANIFEST,
  DataValidationError,
  EVENT_FILES,
  parseBasemapManifest,
  parseEvent,
} from '../../src/domain/load-event.ts';
import type { DataIssue, EventInput } from '../../src/domain/load-event.ts';

const ROOT = new URL('../../', import.meta.url);
const SCHEMA_DIR = 'docs/schema';
const DOC = 'docs/NEW-EVENT.md';
const DEFAULT_BASEMAP = 'data/basemap';
const EVENT_PARENTS = ['data/events', 'tests/fixtures/events'];

type Key = string | number;
type JsonObject = Record<string, unknown>;
type FileKind = keyof typeof EVENT_FILES;
type SchemaName = FileKind | 'basemap';

const SCHEMA_NAMES: readonly SchemaName[] = ['event', 'places', 'areas', 'basemap'];
const schemaFile = (name: SchemaName) => `${name}.schema.json`;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, ROOT), 'utf8')) as unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const schemas = new Map<string, unknown>(
  SCHEMA_NAMES.map((name) => [schemaFile(name), readJson(`${SCHEMA_DIR}/${schemaFile(name)}`)]),
);

// `color-hex` is only a hint for VS Code's colour picker: the `pattern` beside it does the check.
// strictTuples: a position is [longitude, latitude] with an optional third number.
// strictTypes: the if/then branches name properties without repeating "type": "object".
const ajv = new Ajv({ allErrors: true, strictTuples: false, strictTypes: false, formats: { 'color-hex': true } });
for (const [key, schema] of schemas) ajv.addSchema(schema as object, key);

function validator(ref: string) {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  return validate;
}

function schemaErrors(name: SchemaName, data: unknown): string[] {
  const validate = validator(schemaFile(name));
  return validate(data)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------------------------------
// The event folders on disk, each with its basemap's manifest.

interface EventFolder {
  readonly dir: string;
  readonly basemapDir: string;
}

function eventFolders(): EventFolder[] {
  return EVENT_PARENTS.flatMap((parent) =>
    existsSync(new URL(parent, ROOT))
      ? readdirSync(new URL(parent, ROOT), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(new URL(`${parent}/${d.name}/${EVENT_FILES.event}`, ROOT)))
          .map((d) => `${parent}/${d.name}`)
      : [],
  ).map((dir) => {
    const event = readJson(`${dir}/${EVENT_FILES.event}`);
    const named = isObject(event) && isObject(event.map) ? event.map.basemap : undefined;
    return { dir, basemapDir: typeof named === 'string' ? posix.normalize(posix.join(dir, named)) : DEFAULT_BASEMAP };
  });
}

const FOLDERS = eventFolders();
const BASEMAP_DIRS = [...new Set([DEFAULT_BASEMAP, ...FOLDERS.map((f) => f.basemapDir)])];

function eventInput(folder: EventFolder): EventInput & Record<FileKind, unknown> {
  const manifest = `${folder.basemapDir}/${BASEMAP_MANIFEST}`;
  return {
    dir: folder.dir,
    event: readJson(`${folder.dir}/${EVENT_FILES.event}`),
    places: readJson(`${folder.dir}/${EVENT_FILES.places}`),
    areas: readJson(`${folder.dir}/${EVENT_FILES.areas}`),
    extent: parseBasemapManifest(manifest, readJson(manifest)),
  };
}

function loaderIssues(run: () => unknown): DataIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof DataValidationError) return [...error.issues];
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// A small walker over the schemas, resolving $ref, allOf, anyOf/oneOf and if/then/else against
// the data, so that the tests see what the schema says about each property of each record.

/** `file#/json/pointer` */
type SchemaRef = string;

function schemaAt(ref: SchemaRef): JsonObject {
  const [file = '', pointer = ''] = ref.split('#');
  let node = schemas.get(file);
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? (node as unknown[])[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) throw new Error(`schema ${ref} is not an object`);
  return node;
}

function resolveRef(from: SchemaRef, ref: string): SchemaRef {
  const file = from.split('#')[0] ?? '';
  if (ref.startsWith('#')) return `${file}${ref}`;
  const [target = '', pointer = ''] = ref.split('#');
  return `${posix.join(posix.dirname(file), target)}#${pointer}`;
}

const child = (ref: SchemaRef, ...keys: Key[]) =>
  `${ref}${ref.includes('#') ? '' : '#'}/${keys.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Every subschema that applies to `data` at `ref`: itself, its $ref, its allOf, the branches it matches. */
function applicable(ref: SchemaRef, data: unknown, out: SchemaRef[] = []): SchemaRef[] {
  const s = schemaAt(ref);
  out.push(ref);
  if (typeof s.$ref === 'string') applicable(resolveRef(ref, s.$ref), data, out);
  if (Array.isArray(s.allOf)) s.allOf.forEach((_, i) => applicable(child(ref, 'allOf', i), data, out));
  for (const k of ['anyOf', 'oneOf'] as const) {
    const branches = s[k];
    if (Array.isArray(branches))
      branches.forEach((_, i) => {
        if (validator(child(ref, k, i))(data)) applicable(child(ref, k, i), data, out);
      });
  }
  if (s.if !== undefined) {
    const branch = validator(child(ref, 'if'))(data) ? 'then' : 'else';
    if (s[branch] !== undefined) applicable(child(ref, branch), data, out);
  }
  return out;
}

interface PropertySeen {
  /** Path from the file's root to the property. */
  readonly path: readonly Key[];
  readonly required: boolean;
  /** Some applicable subschema lists the property under `properties`. */
  readonly known: boolean;
}

/** Every property of every object in `data`, with what the schema at `refs` says of it. */
function walkData(
  refs: readonly SchemaRef[],
  data: unknown,
  path: readonly Key[] = [],
  out: PropertySeen[] = [],
): PropertySeen[] {
  const subs = [...new Set(refs.flatMap((r) => applicable(r, data)))];
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      const items = subs.flatMap((r) => {
        const s = schemaAt(r).items;
        if (Array.isArray(s)) return i < s.length ? [child(r, 'items', i)] : [];
        return s === undefined ? [] : [child(r, 'items')];
      });
      walkData(items, item, [...path, i], out);
    });
  } else if (isObject(data)) {
    const required = new Set(subs.flatMap((r) => schemaAt(r).required ?? []) as string[]);
    for (const [key, value] of Object.entries(data)) {
      const refsOfKey = subs.filter((r) => {
        const props = schemaAt(r).properties;
        return isObject(props) && key in props;
      });
      out.push({ path: [...path, key], required: required.has(key), known: refsOfKey.length > 0 });
      walkData(
        refsOfKey.map((r) => child(r, 'properties', key)),
        value,
        [...path, key],
        out,
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where the loader reports a property: the file, the record and the field it names.

const formatPath = (keys: readonly Key[]) =>
  keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

const ID_RECORDS: Readonly<Record<string, string>> = {
  sources: 'source',
  parties: 'party',
  rings: 'ring',
  known: 'known fact',
  timeline: 'timeline entry',
};

/** Records with ids one level down: `comparison.marks[i]`, `story.chapters[i]`. */
const NESTED_ID_RECORDS: Readonly<Record<string, { list: string; kind: string }>> = {
  comparison: { list: 'marks', kind: 'comparison mark' },
  story: { list: 'chapters', kind: 'story chapter' },
};

function labelled(kind: string, value: unknown, key: string, index: number): string {
  const label = isObject(value) ? value[key] : undefined;
  return typeof label === 'string' && label.trim() !== '' ? `${kind} "${label}"` : `${kind} #${index}`;
}

/** The loader's (record, field) for a property at `path` of `file` in the (mutated) `root`. */
function loaderLocation(file: FileKind, root: unknown, path: readonly Key[]): { record: string; field: string } {
  const [first, index, ...rest] = path;
  const at = (i: number) =>
    Array.isArray((root as JsonObject)[String(first)]) ? ((root as JsonObject)[String(first)] as unknown[])[i] : undefined;
  if (file === 'event') {
    if (typeof first === 'string' && typeof index === 'number' && rest.length > 0) {
      const kind = ID_RECORDS[first];
      if (kind !== undefined) return { record: labelled(kind, at(index), 'id', index), field: formatPath(rest) };
      if (first === 'versions') return { record: labelled('version', at(index), 'party', index), field: formatPath(rest) };
    }
    const [, , nestedIndex, ...nestedRest] = path;
    const nested = typeof first === 'string' ? NESTED_ID_RECORDS[first] : undefined;
    if (nested && index === nested.list && typeof nestedIndex === 'number' && nestedRest.length > 0) {
      const parent = isObject(root) ? root[String(first)] : undefined;
      const list = isObject(parent) ? parent[nested.list] : undefined;
      const record = Array.isArray(list) ? (list as unknown[])[nestedIndex] : undefined;
      return { record: labelled(nested.kind, record, 'id', nestedIndex), field: formatPath(nestedRest) };
    }
    const id = isObject(root) ? root.id : undefined;
    return { record: typeof id === 'string' && id !== '' ? `event "${id}"` : 'event', field: formatPath(path) };
  }
  if (first === 'features' && typeof index === 'number' && rest.length > 0) {
    const feature = at(index);
    const props = isObject(feature) ? feature.properties : undefined;
    const field = rest[0] === 'properties' && rest.length > 1 ? formatPath(rest.slice(1)) : formatPath(rest);
    return { record: labelled('feature', props, 'id', index), field };
  }
  return { record: '(file)', field: formatPath(path) };
}

function deleteAt(root: unknown, path: readonly Key[]): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<Key, unknown>)[key];
  delete (node as Record<Key, unknown>)[path[path.length - 1] as Key];
}

function setAt(root: unknown, path: readonly Key[], value: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<Key, unknown>)[key];
    if (typeof node !== 'object' || node === null) throw new Error(`no ${formatPath(path)} in the data`);
  }
  (node as Record<Key, unknown>)[path[path.length - 1] as Key] = value;
}

const names = (field: string, issue: DataIssue) =>
  issue.field === field || issue.field.startsWith(`${field}.`) || issue.field.startsWith(`${field}[`);

// ---------------------------------------------------------------------------------------------

describe('the schemas', () => {
  it('are found: at least the shipped event and the basemap', () => {
    expect(FOLDERS.map((f) => f.dir)).toContain('data/events/badia-2018-12-02');
  });

  describe.each(FOLDERS)('accept the event in $dir', (folder) => {
    it.each(Object.entries(EVENT_FILES) as [FileKind, string][])('%s (%s)', (kind, file) => {
      expect(schemaErrors(kind, readJson(`${folder.dir}/${file}`))).toEqual([]);
    });
  });

  it.each(BASEMAP_DIRS)('accept the basemap manifest %s/basemap.json', (dir) => {
    expect(schemaErrors('basemap', readJson(`${dir}/${BASEMAP_MANIFEST}`))).toEqual([]);
  });
});

/** One full parse per property of the data: a few hundred parses, more than the default 5 s on a busy machine. */
const DELETION_TIMEOUT_MS = 60_000;

describe.each(FOLDERS)('schema and validator agree on $dir', (folder) => {
  const files = Object.keys(EVENT_FILES) as FileKind[];
  const seen = files.flatMap((file) => walkData([`${schemaFile(file)}#`], eventInput(folder)[file]).map((p) => ({ file, ...p })));

  it('the parsed data is valid to start with', () => {
    expect(loaderIssues(() => parseEvent(eventInput(folder)))).toEqual([]);
  });

  it('the schema knows every property in the data (none slips through additionalProperties)', () => {
    const unknown = seen.filter((p) => !p.known).map((p) => `${EVENT_FILES[p.file]}: ${formatPath(p.path)}`);
    expect(unknown).toEqual([]);
  });

  it(
    'deleting a property the schema requires makes the loader fail on that field',
    () => {
      const required = seen.filter((p) => p.required);
      expect(required.length).toBeGreaterThan(20);
      const misses: string[] = [];
      for (const { file, path } of required) {
        const input = eventInput(folder);
        deleteAt(input[file], path);
        const { record, field } = loaderLocation(file, input[file], path);
        const fileName = `${folder.dir}/${EVENT_FILES[file]}`;
        const issues = loaderIssues(() => parseEvent(input));
        if (!issues.some((i) => i.file === fileName && i.record === record && names(field, i))) {
          const got = issues.length === 0 ? 'accepted' : issues.map((i) => `${i.record}: ${i.field}`).join('; ');
          misses.push(`${EVENT_FILES[file]}: ${formatPath(path)} (want ${record}: ${field}; got ${got})`);
        }
      }
      expect(misses).toEqual([]);
    },
    DELETION_TIMEOUT_MS,
  );

  it(
    'deleting a property the schema calls optional leaves the data valid, for both',
    () => {
      const failures: string[] = [];
      for (const { file, path } of seen.filter((p) => !p.required)) {
        const input = eventInput(folder);
        deleteAt(input[file], path);
        const issues = loaderIssues(() => parseEvent(input));
        const errors = schemaErrors(file, input[file]);
        if (issues.length > 0 || errors.length > 0) {
          failures.push(`${EVENT_FILES[file]}: ${formatPath(path)}: ${[...issues.map((i) => i.field), ...errors].join('; ')}`);
        }
      }
      expect(failures).toEqual([]);
    },
    DELETION_TIMEOUT_MS,
  );
});

describe.each(BASEMAP_DIRS)('schema and validator agree on %s/basemap.json', (dir) => {
  const file = `${dir}/${BASEMAP_MANIFEST}`;
  const seen = walkData(['basemap.schema.json#'], readJson(file));

  it('the schema knows every property', () => {
    expect(seen.filter((p) => !p.known).map((p) => formatPath(p.path))).toEqual([]);
  });

  it('a required property deleted fails the loader on that field; an optional one does not', () => {
    const wrong: string[] = [];
    for (const { path, required } of seen) {
      const data = readJson(file);
      deleteAt(data, path);
      const issues = loaderIssues(() => parseBasemapManifest(file, data));
      const field = formatPath(path);
      if (required !== issues.some((i) => names(field, i)))
        wrong.push(`${field} (required: ${required}; loader: ${issues.map((i) => i.field).join(', ') || 'accepted'})`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a mistake the validator rejects, the schema rejects too', () => {
  const BADIA = FOLDERS.find((f) => f.dir === 'data/events/badia-2018-12-02') ?? {
    dir: 'data/events/badia-2018-12-02',
    basemapDir: DEFAULT_BASEMAP,
  };
  const tanf = ['features', 0, 'properties'];
  const quote = ['versions', 0, 'quotes', 0];
  const chapter = ['story', 'chapters', 0];
  const cases: [string, FileKind, Key[], unknown][] = [
    ['a line style not in the list', 'event', ['parties', 0, 'mark', 'line'], 'wavy'],
    ['a fill pattern not in the list', 'event', ['parties', 0, 'mark', 'fill'], 'stripes'],
    ['a colour by name', 'event', ['parties', 0, 'mark', 'color'], 'blue'],
    ['a short hex colour', 'event', ['parties', 0, 'mark', 'color'], '#07B'],
    ['a party called "editors"', 'event', ['parties', 0, 'id'], 'editors'],
    ['a UTC time without Z', 'event', ['occurred', 'utc'], '2018-12-02T18:00:00'],
    ['a local time with an offset', 'event', ['occurred', 'utc'], '2018-12-02T20:00:00+02:00'],
    ['a date in another order', 'event', ['sources', 0, 'date'], '02-12-2018'],
    ['a url without http(s)', 'event', ['sources', 0, 'url'], 'www.example.com/story'],
    ['English in the Arabic slot', 'event', ['title', 'ar'], 'One strike, three versions'],
    ['an empty English text', 'event', ['summary', 'en'], '  '],
    ['a stray placeholder in the caption', 'event', ['caption', 'en'], 'About {km} apart'],
    ['a language name instead of a tag', 'event', [...quote, 'original', 'lang'], 'Arabic'],
    ['a translation into the original language', 'event', [...quote, 'translations', 'ar'], 'نص'],
    ['a claim geometry of another kind', 'event', ['versions', 0, 'place', 'geometry', 'kind'], 'area'],
    ['a negative radius', 'event', ['rings', 0, 'radiusKm'], -35],
    ['no party at all', 'event', ['parties'], []],
    ['a bounds of one position', 'event', ['view', 'bounds'], [[37.6, 32.95]]],
    ['a timeline precision not in the list', 'event', ['timeline', 0, 'when', 'precision'], 'roughly'],
    ['a timeline date not written YYYY-MM-DD', 'event', ['timeline', 0, 'when', 'date'], '2013-10-1'],
    ['a timeline time with precision "day"', 'event', ['timeline', 0, 'when', 'utc'], '2013-10-01T08:00:00Z'],
    ['a timeline entry with no source', 'event', ['timeline', 0, 'sources'], []],
    ['a mark on a question that is not a row', 'event', ['comparison', 'marks', 0, 'question'], 'motive'],
    ['a mark of another kind', 'event', ['comparison', 'marks', 0, 'kind'], 'partly'],
    ['a mark between one party', 'event', ['comparison', 'marks', 0, 'between'], ['coalition']],
    ['a mark naming a party twice', 'event', ['comparison', 'marks', 0, 'between'], ['coalition', 'coalition']],
    ['an archived copy without http(s)', 'event', ['sources', 0, 'archived'], 'web.archive.org/web/2018/x'],
    ['a latitude out of range', 'event', ['map', 'labels', 0, 'at'], [37.5, 135.1]],
    ['a story with no chapter', 'event', ['story', 'chapters'], []],
    ['a chapter layer not in the list', 'event', [...chapter, 'layers'], ['labels']],
    ['a chapter layer listed twice', 'event', [...chapter, 'layers'], ['context', 'context']],
    ['a chapter camera with neither bounds nor center', 'event', [...chapter, 'camera'], {}],
    ['a chapter camera with a zoom out of range', 'event', [...chapter, 'camera'], { center: [38.6, 33.5], zoom: 22 }],
    ['a chapter camera with a centre but no zoom', 'event', [...chapter, 'camera'], { center: [38.6, 33.5] }],
    [
      'a chapter camera with both bounds and a centre',
      'event',
      [...chapter, 'camera'],
      {
        bounds: [
          [37.6, 32.95],
          [40, 35.25],
        ],
        center: [38.6, 33.5],
        zoom: 6,
      },
    ],
    ['a chapter bounds of one position', 'event', [...chapter, 'camera'], { bounds: [[37.6, 32.95]] }],
    ['a chapter text that is not a text', 'event', [...chapter, 'text'], 'Where this is'],
    ['a chapter party that is a number', 'event', [...chapter, 'party'], 3],
    [
      'a button that changes nothing',
      'event',
      [...chapter, 'actions'],
      [{ id: 'nothing', label: { en: 'Nothing', ar: 'لا شيء' } }],
    ],
    [
      'a button with a layer not in the list',
      'event',
      [...chapter, 'actions'],
      [{ id: 'x', label: { en: 'X', ar: 'س' }, layers: ['roads'] }],
    ],
    ['a question in English only', 'event', ['story', 'questions', 0], { en: 'Why?' }],
    ['a role not in the list', 'places', [...tanf, 'role'], 'both'],
    ['a label side not in the list', 'places', [...tanf, 'labelSide'], 'top'],
    ['a kind in words', 'places', [...tanf, 'kind'], 'Military base'],
    ['a kind in camelCase', 'places', [...tanf, 'kind'], 'militaryBase'],
    ['a zero precision', 'places', [...tanf, 'precisionKm'], 0],
    ['approximate as a string', 'places', [...tanf, 'approximate'], 'yes'],
    ['a line instead of a point', 'places', ['features', 0, 'geometry', 'type'], 'LineString'],
    ['a point of one number', 'places', ['features', 0, 'geometry', 'coordinates'], [38.6]],
    ['a bearing over 360', 'places', ['features', 2, 'properties', 'uncertainty', 'toBearing'], 400],
    ['a sector of another kind', 'places', ['features', 2, 'properties', 'uncertainty', 'kind'], 'circle'],
    [
      'an open polygon ring of three positions',
      'areas',
      ['features', 0, 'geometry', 'coordinates'],
      [
        [
          [37, 33],
          [38, 33],
          [37, 33],
        ],
      ],
    ],
  ];

  it.each(cases)('%s', (_, file, path, value) => {
    const input = eventInput(BADIA);
    setAt(input[file], path, value);
    expect(loaderIssues(() => parseEvent(input)).length, 'the validator accepted it').toBeGreaterThan(0);
    expect(schemaErrors(file, input[file]).length, 'the schema accepted it').toBeGreaterThan(0);
  });

  it('a misspelt field is refused by the loader, naming it, and is red in the editor', () => {
    const input = eventInput(BADIA);
    setAt(input.event, ['parties', 0, 'mark', 'colour'], '#0072B2');
    setAt(input.places, [...tanf, 'lable'], 'left');
    setAt(input.event, ['title', 'fr'], 'Une frappe, trois versions');
    expect(
      loaderIssues(() => parseEvent(input))
        .map((i) => `${i.record}: ${i.field}`)
        .sort(),
    ).toEqual(['event "badia-2018-12-02": title.fr', 'feature "tanf-base": lable', 'party "coalition": mark.colour']);
    expect(schemaErrors('event', input.event).length).toBe(2);
    expect(schemaErrors('places', input.places).length).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// docs/NEW-EVENT.md: one table row per property path of the schemas, saying the same.

/** Types documented once in NEW-EVENT.md rather than field by field. */
const DOCUMENTED_TYPES = new Set(['localizedText', 'captionText']);

interface SchemaProperty {
  readonly description: string | undefined;
  readonly required: boolean;
}

/** Every property path a schema defines (`parties[].mark.color`), with its description. */
function schemaPaths(ref: SchemaRef, prefix = '', out = new Map<string, SchemaProperty>()): Map<string, SchemaProperty> {
  const s = schemaAt(ref);
  if (isObject(s.properties)) {
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    for (const [key, value] of Object.entries(s.properties)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const propRef = child(ref, 'properties', key);
      let description = isObject(value) && typeof value.description === 'string' ? value.description : undefined;
      if (description === undefined && isObject(value) && typeof value.$ref === 'string') {
        const target = schemaAt(resolveRef(propRef, value.$ref)).description;
        description = typeof target === 'string' ? target : undefined;
      }
      const before = out.get(path);
      if (before === undefined || (before.description === undefined && description !== undefined)) {
        out.set(path, { description, required: (before?.required ?? false) || required.includes(key) });
      }
      schemaPaths(propRef, path, out);
    }
  }
  if (isObject(s.items)) schemaPaths(child(ref, 'items'), `${prefix}[]`, out);
  if (typeof s.$ref === 'string') {
    const target = resolveRef(ref, s.$ref);
    if (!DOCUMENTED_TYPES.has(target.split('/').pop() ?? '')) schemaPaths(target, prefix, out);
  }
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = s[k];
    if (Array.isArray(branches)) branches.forEach((_, i) => schemaPaths(child(ref, k, i), prefix, out));
  }
  for (const k of ['then', 'else'] as const) if (isObject(s[k])) schemaPaths(child(ref, k), prefix, out);
  return out;
}

/** The text of the doc's section whose heading starts with `### <title>`, up to the next heading of that level. */
function docSection(doc: string, title: string): string {
  const start = doc.indexOf(`\n### ${title}`);
  if (start < 0) return '';
  const end = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

const unescapeMarkdown = (text: string) => text.replace(/\\([<>|*_])/g, '$1').trim();

describe(DOC, () => {
  const doc = existsSync(new URL(DOC, ROOT)) ? readFileSync(new URL(DOC, ROOT), 'utf8') : '';
  const sections: [SchemaName, string][] = [
    ['event', 'event.json'],
    ['places', 'places.geojson and areas.geojson'],
    ['areas', 'places.geojson and areas.geojson'],
    ['basemap', 'basemap.json'],
  ];

  it.each(sections)('documents every field of %s.schema.json under "### %s", with its description', (name, title) => {
    const section = docSection(doc, title);
    expect(section, `no "### ${title}" section`).not.toBe('');
    const rows = new Map(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => {
          const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
          return [cells[1]?.replace(/^`|`$/g, '') ?? '', cells] as const;
        }),
    );
    const problems: string[] = [];
    for (const [path, { description, required }] of schemaPaths(`${schemaFile(name)}#`)) {
      const cells = rows.get(path);
      if (!cells) {
        problems.push(`missing row for \`${path}\` (${required ? 'required' : 'optional'}: ${description ?? 'no description'})`);
        continue;
      }
      if (description === undefined) problems.push(`\`${path}\` has no description in the schema`);
      else if (unescapeMarkdown(cells[4] ?? '') !== description) problems.push(`\`${path}\`: the schema says: ${description}`);
      if ((cells[3] ?? '').startsWith('yes') !== required)
        problems.push(`\`${path}\`: required should start with ${required ? '"yes"' : 'something else'}`);
    }
    expect(problems).toEqual([]);
  });

  it('documents the texts in both languages once', () => {
    for (const field of ['`en`', '`ar`']) expect(docSection(doc, 'Texts in both languages')).toContain(field);
  });
});
