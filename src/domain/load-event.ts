/**
 * The one loader: turns the event's JSON files and the basemap's GeoJSON from `unknown` into the
 * typed model of `types.ts`, or throws a `DataValidationError` listing every problem found, each
 * naming the file, the record, the field and what was expected. The app (event-data.ts), the
 * build (scripts/vite-plugins/validate-data.ts) and the tests all go through here, so they agree on
 * what "valid" means. It reads no files itself: callers hand it parsed JSON.
 */
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import { eventBounds } from './geometry.ts';
import { CAPTION_DISTANCE } from './caption.ts';
import { deriveGeometry } from './derive.ts';
import { ZOOM_RANGE } from './camera.ts';
import { MAP_LAYERS, sameLayers, type MapLayer } from './layers.ts';
import { storyLayers } from './story.ts';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type {
  Basemap,
  BasemapManifest,
  ClaimGeometryRef,
  Comparison,
  ComparisonMark,
  EventData,
  EventMap,
  ClaimedPlace,
  KnownFact,
  Lang,
  LaterStatement,
  LonLat,
  NewsEvent,
  Story,
  StoryAction,
  StoryCamera,
  StoryChapter,
  Party,
  Place,
  Quote,
  RingSpec,
  SectorUncertainty,
  SourceRef,
  TimelineEntry,
  TimelineWhen,
  Version,
} from './types.ts';
import { COMPARISON_KINDS, COMPARISON_QUESTIONS, FILL_PATTERNS, LANGS, LINE_STYLES, TIMELINE_PRECISIONS } from './types.ts';
import {
  IdRegistry,
  IssueLog,
  RecordReader,
  canonicalLanguageTag,
  describeValue,
  hasArabicLetter,
  hasLatinLetter,
  isRecord,
  isTimeZone,
  languageDirection,
  localDateIn,
  type Extent,
} from './validate.ts';

export { DataValidationError, formatIssue } from './validate.ts';
export type { DataIssue, Extent } from './validate.ts';

/** File names inside an event folder (data/events/<id>/). */
export const EVENT_FILES = { event: 'event.json', places: 'places.geojson', areas: 'areas.geojson' } as const;

/** File names inside a basemap folder (data/basemap/ by default), by Basemap key. */
export const BASEMAP_FILES: Readonly<Record<keyof Basemap, string>> = {
  countries: 'countries.geojson',
  boundaryLines: 'boundary_lines.geojson',
  rivers: 'rivers.geojson',
  lakes: 'lakes.geojson',
  regions: 'regions.geojson',
  populatedPlaces: 'populated_places.geojson',
};

/** The basemap folder's manifest: its extent (written by scripts/cut-basemap.mjs). */
export const BASEMAP_MANIFEST = 'basemap.json';

/** The basemap an event uses when its event.json names none. */
export const DEFAULT_BASEMAP_DIR = 'data/basemap';

/** A kind is a lower-case word or kebab-case words: `village`, `border-crossing`. */
const PLACE_KIND = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export { CAPTION_DISTANCE } from './caption.ts';

/** `suppliedBy` may name the editors instead of a party: they drew the area when no party did. */
const EDITORS = 'editors';

export interface EventInput {
  /** The event folder as it should appear in messages, e.g. `data/events/badia-2018-12-02`. */
  readonly dir: string;
  readonly event: unknown;
  readonly places: unknown;
  readonly areas: unknown;
  /** The extent of the event's basemap (see `parseBasemapManifest`): every position must lie in it. */
  readonly extent: Extent;
}

type GeometryType = Geometry['type'];
type GeometryOf<T extends GeometryType> = Extract<Geometry, { type: T }>;

/** Nesting depth of `coordinates` above a single position, per geometry type. */
const COORDINATE_DEPTH: Readonly<Record<Exclude<GeometryType, 'GeometryCollection'>, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * Checks `coordinates` down to each position. Stops at the first bad position: one broken
 * polygon should produce one line in the report, not thousands.
 */
function checkCoordinates(
  r: RecordReader,
  value: unknown,
  field: string,
  type: keyof typeof COORDINATE_DEPTH,
  extent: Extent,
): boolean {
  const isPolygonal = type === 'Polygon' || type === 'MultiPolygon';
  /** The smallest array allowed at a depth: a ring needs 4 positions, a line 2, any other list 1. */
  const minimumAt = (depth: number): number => (depth === 1 && isPolygonal ? 4 : depth === 1 && type !== 'MultiPoint' ? 2 : 1);
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (depth === 0) return r.lonLat(node, path, extent) !== undefined;
    if (!Array.isArray(node)) {
      r.issue(path, 'an array of coordinates', node);
      return false;
    }
    const minimum = minimumAt(depth);
    if (node.length < minimum) {
      r.issue(
        path,
        depth === 1 && isPolygonal ? 'a linear ring of at least 4 positions' : `an array of at least ${minimum}`,
        node,
      );
      return false;
    }
    for (const [i, child] of node.entries()) {
      if (!walk(child, `${path}[${i}]`, depth - 1)) return false;
    }
    if (depth === 1 && isPolygonal) {
      const first = node[0] as readonly number[];
      const last = node[node.length - 1] as readonly number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        r.issue(`${path}[${node.length - 1}]`, 'a closed linear ring (last position equal to the first)', last);
        return false;
      }
    }
    return true;
  };
  return walk(value, field, COORDINATE_DEPTH[type]);
}

function readGeometry<T extends Exclude<GeometryType, 'GeometryCollection'>>(
  r: RecordReader,
  value: unknown,
  types: readonly T[],
  extent: Extent,
): GeometryOf<T> | undefined {
  if (!isRecord(value)) {
    r.issue('geometry', `a GeoJSON geometry of type ${types.join(' or ')}`, value);
    return undefined;
  }
  const type = types.find((t) => t === value.type);
  if (type === undefined) {
    r.issue('geometry.type', types.map((t) => `"${t}"`).join(' or '), value.type);
    return undefined;
  }
  if (!checkCoordinates(r, value.coordinates, 'geometry.coordinates', type, extent)) return undefined;
  // Safe: the type is one of T and every position was checked above.
  return { type, coordinates: value.coordinates } as GeometryOf<T>;
}

/** Returns the features array of a FeatureCollection, or logs why the file is not one. */
function readFeatureCollection(log: IssueLog, file: string, value: unknown): readonly unknown[] {
  const r = new RecordReader(log, file, '(file)');
  if (!isRecord(value)) {
    r.issue('(whole file)', 'a GeoJSON FeatureCollection object', value);
    return [];
  }
  if (value.type !== 'FeatureCollection') {
    r.issue('type', '"FeatureCollection"', value.type);
    return [];
  }
  return r.array(value.features, 'features');
}

/** Reader for the i-th feature, labelled by its id (or a property such as `name`) when it has one. */
function featureReader(log: IssueLog, file: string, feature: unknown, index: number, labelKey: 'id' | 'name'): RecordReader {
  const props = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
  const label = props[labelKey];
  const record =
    typeof label === 'string' && label.trim() !== ''
      ? labelKey === 'id'
        ? `feature "${label}"`
        : `feature #${index} ("${label}")`
      : `feature #${index}`;
  return new RecordReader(log, file, record);
}

/** A point inside the area for labels: the centre of mass when it falls inside, else a point on the surface. */
function areaAnchor(geometry: Polygon | MultiPolygon): LonLat {
  const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry, properties: {} };
  const center = centerOfMass(feature);
  const inside = booleanPointInPolygon(center, feature) ? center : pointOnFeature(feature);
  const [lon, lat] = inside.geometry.coordinates;
  return [lon ?? 0, lat ?? 0];
}

/** References collected while reading and checked once every id is known. */
type RefKind = 'source' | 'place' | 'ring' | 'party';

class References {
  private readonly pending: { r: RecordReader; field: string; id: string; kind: RefKind; expected?: string }[] = [];

  /** `expected` replaces the kind's usual wording in the message, where that would mislead. */
  expect(r: RecordReader, field: string, id: string, kind: RefKind, expected?: string): void {
    // An empty id was already reported as a missing string.
    if (id !== '') this.pending.push(expected === undefined ? { r, field, id, kind } : { r, field, id, kind, expected });
  }

  expectAll(r: RecordReader, field: string, ids: readonly string[], kind: RefKind): void {
    ids.forEach((id, i) => this.expect(r, `${field}[${i}]`, id, kind));
  }

  check(registries: Record<RefKind, IdRegistry>, describe: Record<RefKind, string>): void {
    for (const { r, field, id, kind, expected } of this.pending) {
      if (!registries[kind].has(id)) r.issueText(field, expected ?? describe[kind], JSON.stringify(id));
    }
  }
}

interface EventContext {
  readonly log: IssueLog;
  readonly refs: References;
  readonly ids: Record<RefKind, IdRegistry>;
  /** Known facts, timeline entries and comparison marks are never referenced, but their ids must still be unique. */
  readonly knownIds: IdRegistry;
  readonly timelineIds: IdRegistry;
  readonly markIds: IdRegistry;
  readonly eventFile: string;
  readonly extent: Extent;
}

/**
 * Starts reading one record of event.json that carries an `id`: its issues are labelled
 * `<kind> "<id>"`, or `<kind> #<index>` when the id itself is unusable.
 */
function openIdRecord(
  ctx: EventContext,
  value: unknown,
  index: number,
  kind: string,
): { r: RecordReader; o: Record<string, unknown>; id: string } {
  const label =
    isRecord(value) && typeof value.id === 'string' && value.id !== '' ? `${kind} "${value.id}"` : `${kind} #${index}`;
  const r = new RecordReader(ctx.log, ctx.eventFile, label);
  const o = r.object(value, '(record)');
  return { r, o, id: r.string(o.id, 'id') };
}

function readSource(ctx: EventContext, value: unknown, index: number): SourceRef {
  const { r, o, id: sourceId } = openIdRecord(ctx, value, index, 'source');
  ctx.ids.source.claim(r, sourceId, `source #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'publisher', 'title', 'date', 'url', 'supports', 'archived']);
  const date = o.date === undefined ? undefined : r.isoDate(o.date, 'date');
  const url = r.optionalUrl(o.url, 'url');
  const archived = r.optionalUrl(o.archived, 'archived');
  return {
    id: sourceId,
    publisher: r.text(o.publisher, 'publisher'),
    title: r.text(o.title, 'title'),
    ...(date === undefined ? {} : { date }),
    ...(url === undefined ? {} : { url }),
    ...(o.supports === undefined ? {} : { supports: r.text(o.supports, 'supports') }),
    ...(archived === undefined ? {} : { archived }),
  };
}

function readParty(ctx: EventContext, value: unknown, index: number): Party {
  const { r, o, id: partyId } = openIdRecord(ctx, value, index, 'party');
  if (partyId === EDITORS) r.issueText('id', `an id other than "${EDITORS}" (reserved for suppliedBy)`, JSON.stringify(partyId));
  ctx.ids.party.claim(r, partyId, `party #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'name', 'shortName', 'mark']);
  const mark = r.object(o.mark, 'mark');
  r.onlyFields(mark, ['color', 'line', 'fill'], 'mark');
  return {
    id: partyId,
    name: r.text(o.name, 'name'),
    shortName: r.text(o.shortName, 'shortName'),
    mark: {
      color: r.hexColor(mark.color, 'mark.color'),
      line: r.oneOf(mark.line, 'mark.line', LINE_STYLES),
      fill: r.oneOf(mark.fill, 'mark.fill', FILL_PATTERNS),
    },
  };
}

function readRing(ctx: EventContext, value: unknown, index: number): RingSpec {
  const { r, o, id: ringId } = openIdRecord(ctx, value, index, 'ring');
  ctx.ids.ring.claim(r, ringId, `ring #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'center', 'radiusKm', 'bandKm', 'label', 'note', 'sources']);
  const center = r.string(o.center, 'center');
  ctx.refs.expect(r, 'center', center, 'place');
  const radiusKm = r.positiveNumber(o.radiusKm, 'radiusKm');
  let bandKm: number | undefined;
  if (o.bandKm !== undefined) {
    bandKm = r.positiveNumber(o.bandKm, 'bandKm');
    // The band is drawn as radius ± bandKm: a band wider than the radius would have no hole.
    if (bandKm >= radiusKm) r.issue('bandKm', `a number less than radiusKm (${radiusKm})`, bandKm);
  }
  const sources = r.stringArray(o.sources, 'sources');
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  return {
    id: ringId,
    center,
    radiusKm,
    ...(bandKm === undefined ? {} : { bandKm }),
    label: r.text(o.label, 'label'),
    note: r.text(o.note, 'note'),
    sources,
  };
}

function readUncertainty(ctx: EventContext, r: RecordReader, value: unknown, ownId: string): SectorUncertainty {
  const o = r.object(value, 'uncertainty');
  r.onlyFields(o, ['kind', 'around', 'innerKm', 'outerKm', 'fromBearing', 'toBearing'], 'uncertainty');
  r.oneOf(o.kind, 'uncertainty.kind', ['sector'] as const);
  const around = r.string(o.around, 'uncertainty.around');
  if (around === ownId)
    r.issueText(
      'uncertainty.around',
      'the id of another place (a sector cannot be measured from itself)',
      JSON.stringify(around),
    );
  else ctx.refs.expect(r, 'uncertainty.around', around, 'place');
  const innerKm = r.positiveNumber(o.innerKm, 'uncertainty.innerKm');
  const outerKm = r.positiveNumber(o.outerKm, 'uncertainty.outerKm');
  if (innerKm >= outerKm) r.issue('uncertainty.outerKm', `a number greater than innerKm (${innerKm})`, outerKm);
  const fromBearing = r.bearing(o.fromBearing, 'uncertainty.fromBearing');
  const toBearing = r.bearing(o.toBearing, 'uncertainty.toBearing');
  if (fromBearing % 360 === toBearing % 360) {
    r.issue(
      'uncertainty.toBearing',
      `a bearing different from fromBearing (${fromBearing}): the sector would be empty`,
      toBearing,
    );
  }
  return { kind: 'sector', around, innerKm, outerKm, fromBearing, toBearing };
}

function readPlace(ctx: EventContext, file: string, feature: unknown, index: number): Place | undefined {
  const r = featureReader(ctx.log, file, feature, index, 'id');
  const f = r.object(feature, '(feature)');
  if (f.type !== 'Feature') r.issue('type', '"Feature"', f.type);
  r.onlyFields(f, ['type', 'geometry', 'properties'], '(feature)');
  const p = r.object(f.properties, 'properties');
  r.onlyFields(p, [
    'id',
    'kind',
    'kindLabel',
    'country',
    'role',
    'name',
    'approximate',
    'labelSide',
    'labelAt',
    'precisionKm',
    'precision',
    'uncertainty',
    'sources',
  ]);
  const id = r.string(p.id, 'id');
  ctx.ids.place.claim(r, id, `feature #${index} in ${file}`);
  let precisionKm: number | null = null;
  if (p.precisionKm !== null) {
    const n = r.number(p.precisionKm, 'precisionKm', 'a positive number of km, or null when unknown');
    if (n !== undefined && n <= 0) r.issue('precisionKm', 'a positive number of km, or null when unknown', n);
    precisionKm = n ?? null;
  }
  const sources = r.stringArray(p.sources, 'sources');
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  const kind = r.string(p.kind, 'kind', 'a kind of place in kebab-case, e.g. "town", "village", "military-base"');
  if (kind !== '' && !PLACE_KIND.test(kind))
    r.issue('kind', 'a kind of place in lower-case kebab-case, e.g. "border-crossing"', kind);
  const base = {
    id,
    kind,
    ...(p.kindLabel === undefined ? {} : { kindLabel: r.text(p.kindLabel, 'kindLabel') }),
    ...(p.country === undefined
      ? {}
      : { country: r.string(p.country, 'country', "a country's name as in the basemap's countries.geojson") }),
    role: r.oneOf(p.role, 'role', ['event', 'context'] as const),
    name: r.text(p.name, 'name'),
    approximate: r.boolean(p.approximate, 'approximate', false),
    labelSide: p.labelSide === undefined ? 'right' : r.oneOf(p.labelSide, 'labelSide', ['left', 'right'] as const),
    precisionKm,
    precision: r.text(p.precision, 'precision'),
    ...(p.uncertainty === undefined ? {} : { uncertainty: readUncertainty(ctx, r, p.uncertainty, id) }),
    sources,
  };
  const geometry = readGeometry(r, f.geometry, ['Point', 'Polygon', 'MultiPolygon'] as const, ctx.extent);
  if (geometry === undefined) return undefined;
  if (geometry.type === 'Point') {
    return { ...base, geometry, anchor: [geometry.coordinates[0] ?? 0, geometry.coordinates[1] ?? 0] };
  }
  // An area's label may be placed by hand (`labelAt`), where it does not cover other places.
  const labelAt = p.labelAt === undefined ? undefined : r.lonLat(p.labelAt, 'labelAt', ctx.extent);
  if (labelAt && !booleanPointInPolygon([...labelAt], geometry)) {
    r.issue('labelAt', "a position inside the place's own area", p.labelAt);
  }
  return { ...base, geometry, anchor: labelAt ?? areaAnchor(geometry) };
}

function readClaimedPlace(ctx: EventContext, r: RecordReader, value: unknown): ClaimedPlace {
  const o = r.object(value, 'place');
  r.onlyFields(o, ['label', 'precision', 'suppliedBy', 'geometry'], 'place');
  const suppliedBy = r.string(o.suppliedBy, 'place.suppliedBy');
  if (suppliedBy !== EDITORS) ctx.refs.expect(r, 'place.suppliedBy', suppliedBy, 'party');
  const g = r.object(o.geometry, 'place.geometry');
  r.onlyFields(g, ['kind', 'place', 'ring'], 'place.geometry');
  const kind = r.oneOf(g.kind, 'place.geometry.kind', ['place', 'ring'] as const);
  let geometry: ClaimGeometryRef;
  if (kind === 'place') {
    const place = r.string(g.place, 'place.geometry.place');
    ctx.refs.expect(r, 'place.geometry.place', place, 'place');
    geometry = { kind, place };
  } else {
    const ring = r.string(g.ring, 'place.geometry.ring');
    ctx.refs.expect(r, 'place.geometry.ring', ring, 'ring');
    geometry = { kind, ring };
  }
  return { label: r.text(o.label, 'place.label'), precision: r.text(o.precision, 'place.precision'), suppliedBy, geometry };
}

function readVersion(ctx: EventContext, value: unknown, index: number): Version {
  const party = isRecord(value) && typeof value.party === 'string' && value.party !== '' ? value.party : undefined;
  const r = new RecordReader(ctx.log, ctx.eventFile, party === undefined ? `version #${index}` : `version "${party}"`);
  const o = r.object(value, '(record)');
  r.onlyFields(o, ['party', 'speaker', 'channel', 'time', 'target', 'place', 'weapons', 'damage', 'later', 'quotes', 'sources']);
  const partyId = r.string(o.party, 'party');
  ctx.refs.expect(r, 'party', partyId, 'party');
  const time = r.object(o.time, 'time');
  r.onlyFields(time, ['utc', 'text'], 'time');
  let utc: string | null = null;
  if (typeof time.utc === 'string') utc = r.utcTimestamp(time.utc, 'time.utc');
  else if (time.utc !== null)
    r.issue('time.utc', 'an ISO 8601 UTC timestamp ending in Z, or null when the party gave no time', time.utc);
  const later = r.array(o.later, 'later').map((item, i): LaterStatement => {
    const l = r.object(item, `later[${i}]`);
    r.onlyFields(l, ['date', 'text', 'sources'], `later[${i}]`);
    const sources = r.stringArray(l.sources, `later[${i}].sources`);
    ctx.refs.expectAll(r, `later[${i}].sources`, sources, 'source');
    return { date: r.isoDate(l.date, `later[${i}].date`), text: r.text(l.text, `later[${i}].text`), sources };
  });
  const quotes = r.array(o.quotes, 'quotes').map((item, i) => readQuote(ctx, r, item, `quotes[${i}]`));
  const sources = r.stringArray(o.sources, 'sources');
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  return {
    party: partyId,
    speaker: r.text(o.speaker, 'speaker'),
    channel: r.text(o.channel, 'channel'),
    time: { utc, text: r.text(time.text, 'time.text') },
    target: r.text(o.target, 'target'),
    place: readClaimedPlace(ctx, r, o.place),
    weapons: r.text(o.weapons, 'weapons'),
    damage: r.text(o.damage, 'damage'),
    later,
    quotes,
    sources,
  };
}

/** Letters a text in each app language must contain, so that a slip into the other script is caught. */
const SCRIPT_CHECK: Readonly<Record<Lang, { test: (text: string) => boolean; what: string }>> = {
  en: { test: hasLatinLetter, what: 'Latin letters' },
  ar: { test: hasArabicLetter, what: 'Arabic letters' },
};

const isAppLang = (tag: string): tag is Lang => (LANGS as readonly string[]).includes(tag);

/**
 * A quote in its original language (any language, tagged), with the editors' translation into
 * every app language but the original's: an English statement needs an Arabic translation, an
 * Arabic one an English translation, a French one both.
 */
function readQuote(ctx: EventContext, r: RecordReader, value: unknown, field: string): Quote {
  const q = r.object(value, field);
  r.onlyFields(q, ['original', 'translations', 'source'], field);
  const original = r.object(q.original, `${field}.original`);
  r.onlyFields(original, ['lang', 'text'], `${field}.original`);
  const rawLang = r.string(
    original.lang,
    `${field}.original.lang`,
    'the language of the original as a BCP 47 tag, e.g. "ar", "en", "fr"',
  );
  const lang = rawLang === '' ? '' : canonicalLanguageTag(rawLang);
  if (lang === null) r.issue(`${field}.original.lang`, 'a BCP 47 language tag, e.g. "ar", "en", "fr"', rawLang);
  const text = r.string(original.text, `${field}.original.text`, 'the original words, verbatim, as a non-empty string');
  const primary = (lang ?? '').split('-')[0] ?? '';
  if (text !== '' && isAppLang(primary) && !SCRIPT_CHECK[primary].test(text)) {
    r.issue(
      `${field}.original.text`,
      `words in the original's language ("${primary}"), containing ${SCRIPT_CHECK[primary].what}`,
      text,
    );
  }
  const given = q.translations === undefined ? {} : r.object(q.translations, `${field}.translations`);
  r.onlyFields(given, LANGS, `${field}.translations`);
  const translations: Partial<Record<Lang, string>> = {};
  for (const appLang of LANGS) {
    if (appLang === primary) {
      if (given[appLang] !== undefined)
        r.issue(
          `${field}.translations.${appLang}`,
          `no translation into the original's own language ("${appLang}")`,
          given[appLang],
        );
      continue;
    }
    const translation = r.string(
      given[appLang],
      `${field}.translations.${appLang}`,
      `the editors' translation into "${appLang}"`,
    );
    if (translation !== '' && !SCRIPT_CHECK[appLang].test(translation)) {
      r.issue(`${field}.translations.${appLang}`, `a translation containing ${SCRIPT_CHECK[appLang].what}`, translation);
    }
    translations[appLang] = translation;
  }
  const source = r.string(q.source, `${field}.source`);
  ctx.refs.expect(r, `${field}.source`, source, 'source');
  return { original: { lang: lang ?? '', dir: languageDirection(lang ?? ''), text }, translations, source };
}

function readKnownFact(ctx: EventContext, value: unknown, index: number): KnownFact {
  const { r, o, id: factId } = openIdRecord(ctx, value, index, 'known fact');
  ctx.knownIds.claim(r, factId, `known fact #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'text', 'sources']);
  const sources = r.stringArray(o.sources, 'sources');
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  return { id: factId, text: r.text(o.text, 'text'), sources };
}

/** `timeZone` is the event's (occurred.timeZone), or null when it is unusable (already reported). */
function readTimelineWhen(r: RecordReader, value: unknown, timeZone: string | null): TimelineWhen {
  const w = r.object(value, 'when');
  r.onlyFields(w, ['date', 'utc', 'precision'], 'when');
  const date = r.isoDate(w.date, 'when.date');
  const precision = r.oneOf(w.precision, 'when.precision', TIMELINE_PRECISIONS);
  const instant = precision === 'exact' || precision === 'about';
  if (w.utc === undefined) {
    if (instant && w.precision === precision)
      r.issue('when.utc', `an ISO 8601 UTC timestamp ending in Z: precision "${precision}" gives an instant`, w.utc);
    return { date, precision };
  }
  const utc = r.utcTimestamp(w.utc, 'when.utc');
  if (!instant && w.precision === precision) {
    r.issue(
      'when.utc',
      `no field "utc" with precision "${precision}" (a time is given only with precision "exact" or "about")`,
      w.utc,
    );
  }
  if (utc !== '' && date !== '' && timeZone !== null) {
    const local = localDateIn(utc, timeZone);
    if (local !== null && local !== date) {
      r.issueText(
        'when.utc',
        `an instant on when.date (${date}) in the event's time zone (${timeZone}); ${utc} is ${local} there`,
        JSON.stringify(utc),
      );
    }
  }
  return { date, utc, precision };
}

function readTimelineEntry(ctx: EventContext, value: unknown, index: number, timeZone: string | null): TimelineEntry {
  const { r, o, id } = openIdRecord(ctx, value, index, 'timeline entry');
  ctx.timelineIds.claim(r, id, `timeline entry #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'when', 'party', 'text', 'sources', 'correction']);
  const when = readTimelineWhen(r, o.when, timeZone);
  let party: string | undefined;
  if (o.party !== undefined) {
    party = r.string(o.party, 'party', 'a party id, or no field at all');
    ctx.refs.expect(r, 'party', party, 'party', `the id of a party in ${ctx.eventFile} "parties"`);
  }
  const sources = r.stringArray(o.sources, 'sources');
  if (Array.isArray(o.sources) && sources.length === 0) r.issue('sources', 'at least one source id', o.sources);
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  let correction: TimelineEntry['correction'];
  if (o.correction !== undefined) {
    const c = r.object(o.correction, 'correction');
    r.onlyFields(c, ['articleSays', 'note'], 'correction');
    correction = { articleSays: r.text(c.articleSays, 'correction.articleSays'), note: r.text(c.note, 'correction.note') };
  }
  return {
    id,
    when,
    ...(party === undefined ? {} : { party }),
    text: r.text(o.text, 'text'),
    sources,
    ...(correction === undefined ? {} : { correction }),
  };
}

/**
 * Which field of `later` puts it before `earlier`, if any: the day (the month, when either gives
 * only a month), or on the same day the instant when both give one.
 */
function outOfOrder(earlier: TimelineWhen, later: TimelineWhen): 'when.date' | 'when.utc' | null {
  if (earlier.date === '' || later.date === '') return null;
  if (earlier.precision === 'month' || later.precision === 'month')
    return later.date.slice(0, 7) < earlier.date.slice(0, 7) ? 'when.date' : null;
  if (later.date < earlier.date) return 'when.date';
  if (later.date === earlier.date && earlier.utc && later.utc && Date.parse(later.utc) < Date.parse(earlier.utc))
    return 'when.utc';
  return null;
}

/** The timeline is printed as given: each entry must be no earlier than every entry before it. */
function checkTimelineOrder(ctx: EventContext, timeline: readonly TimelineEntry[]): void {
  timeline.forEach((entry, i) => {
    for (const [j, before] of timeline.slice(0, i).entries()) {
      const field = outOfOrder(before.when, entry.when);
      if (field === null) continue;
      const r = new RecordReader(
        ctx.log,
        ctx.eventFile,
        entry.id === '' ? `timeline entry #${i}` : `timeline entry "${entry.id}"`,
      );
      const theirs = field === 'when.date' ? before.when.date : (before.when.utc ?? '');
      r.issueText(
        field,
        `a time no earlier than timeline[${j}] ("${before.id}", ${theirs}): timeline entries are in chronological order`,
        JSON.stringify(field === 'when.date' ? entry.when.date : entry.when.utc),
      );
      return;
    }
  });
}

function readComparisonMark(ctx: EventContext, value: unknown, index: number): ComparisonMark {
  const { r, o, id } = openIdRecord(ctx, value, index, 'comparison mark');
  ctx.markIds.claim(r, id, `comparison mark #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'question', 'kind', 'between', 'note', 'sources']);
  const question = r.oneOf(o.question, 'question', COMPARISON_QUESTIONS);
  const kind = r.oneOf(o.kind, 'kind', COMPARISON_KINDS);
  const between = r.stringArray(o.between, 'between');
  if (Array.isArray(o.between) && between.length < 2)
    r.issue('between', 'at least two party ids: a mark compares parties', o.between);
  between.forEach((party, i) => {
    const first = between.indexOf(party);
    if (party !== '' && first < i)
      r.issueText(`between[${i}]`, `a party not already in between (between[${first}] is "${party}")`, JSON.stringify(party));
    else ctx.refs.expect(r, `between[${i}]`, party, 'party', `the id of a party in ${ctx.eventFile} "parties"`);
  });
  const sources = r.stringArray(o.sources, 'sources');
  if (Array.isArray(o.sources) && sources.length === 0) r.issue('sources', 'at least one source id', o.sources);
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  return { id, question, kind, between, note: r.text(o.note, 'note'), sources };
}

function readComparison(ctx: EventContext, r: RecordReader, value: unknown): Comparison {
  if (value === undefined) return { marks: [] };
  const o = r.object(value, 'comparison');
  r.onlyFields(o, ['marks'], 'comparison');
  const marks = r.array(o.marks, 'comparison.marks').map((m, i) => readComparisonMark(ctx, m, i));
  // One mark per question and set of parties: two would leave the table two answers for one cell.
  const seen = new Map<string, string>();
  for (const mark of marks) {
    if (mark.between.length < 2 || new Set(mark.between).size !== mark.between.length) continue;
    const key = `${mark.question}:${[...mark.between].sort().join(',')}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, mark.id);
      continue;
    }
    new RecordReader(ctx.log, ctx.eventFile, `comparison mark "${mark.id}"`).issueText(
      'between',
      `parties not already marked on "${mark.question}" together (comparison mark "${first}" marks the same parties)`,
      JSON.stringify(mark.between),
    );
  }
  return { marks };
}

/** One version per party, in the parties' order: the panels lay them side by side by index. */
function checkVersionsMatchParties(ctx: EventContext, parties: readonly Party[], versions: readonly Version[]): void {
  const partyIds = new Set(parties.map((p) => p.id));
  const seen = new Set<string>();
  let consistent = true;
  versions.forEach((v, i) => {
    if (v.party === '' || !partyIds.has(v.party)) {
      consistent = false;
      return;
    }
    if (seen.has(v.party)) {
      const r = new RecordReader(ctx.log, ctx.eventFile, `version "${v.party}"`);
      r.issueText('party', `exactly one version per party (versions[${i}] repeats "${v.party}")`, 'a second version');
      consistent = false;
    }
    seen.add(v.party);
  });
  for (const p of parties) {
    if (p.id !== '' && !seen.has(p.id)) {
      const r = new RecordReader(ctx.log, ctx.eventFile, `party "${p.id}"`);
      r.issueText('versions', `exactly one entry in "versions" with party "${p.id}"`, 'none');
      consistent = false;
    }
  }
  if (!consistent) return;
  versions.forEach((v, i) => {
    const expected = parties[i]?.id;
    if (expected !== undefined && v.party !== expected) {
      const r = new RecordReader(ctx.log, ctx.eventFile, `version "${v.party}"`);
      r.issueText('party', `"${expected}" at versions[${i}] (versions follow the order of "parties")`, JSON.stringify(v.party));
    }
  });
}

/** Colour may not be the only difference: no two parties share a line style and a fill pattern. */
function checkMarksDistinct(ctx: EventContext, parties: readonly Party[]): void {
  const seen = new Map<string, string>();
  for (const party of parties) {
    const shape = `${party.mark.line}/${party.mark.fill}`;
    const first = seen.get(shape);
    if (first !== undefined) {
      new RecordReader(ctx.log, ctx.eventFile, `party "${party.id}"`).issueText(
        'mark',
        `a line and fill unlike every other party's (party "${first}" already has line "${party.mark.line}" and fill "${party.mark.fill}"): colour alone does not tell parties apart`,
        JSON.stringify(shape),
      );
    } else seen.set(shape, party.id);
  }
}

function readLabel(r: RecordReader, value: unknown, field: string, extent: Extent): EventMap['labels'][number] {
  const o = r.object(value, field);
  r.onlyFields(o, ['name', 'at'], field);
  return { name: r.text(o.name, `${field}.name`), at: r.lonLat(o.at, `${field}.at`, extent) ?? [0, 0] };
}

function readEventMap(r: RecordReader, value: unknown, extent: Extent): EventMap {
  const o = r.object(value, 'map');
  r.onlyFields(o, ['basemap', 'highlightCountries', 'regions', 'rivers', 'labels'], 'map');
  const names = (v: unknown, field: string) => (v === undefined ? [] : r.stringArray(v, field));
  return {
    basemap:
      o.basemap === undefined
        ? null
        : r.string(o.basemap, 'map.basemap', 'a path to a basemap folder, relative to the event folder'),
    highlightCountries: names(o.highlightCountries, 'map.highlightCountries'),
    regions: names(o.regions, 'map.regions'),
    rivers:
      o.rivers === undefined
        ? []
        : r.array(o.rivers, 'map.rivers').map((river, i) => {
            const v = r.object(river, `map.rivers[${i}]`);
            r.onlyFields(v, ['match', 'label'], `map.rivers[${i}]`);
            return { match: r.stringArray(v.match, `map.rivers[${i}].match`), label: r.text(v.label, `map.rivers[${i}].label`) };
          }),
    labels:
      o.labels === undefined ? [] : r.array(o.labels, 'map.labels').map((l, i) => readLabel(r, l, `map.labels[${i}]`, extent)),
  };
}

/** Every `{…}` in a caption must be a `{distance:a:b}` between two known places. */
function readCaption(ctx: EventContext, r: RecordReader, value: unknown): NewsEvent['caption'] {
  const caption = r.text(value, 'caption');
  for (const lang of LANGS) {
    const field = `caption.${lang}`;
    const text = caption[lang];
    for (const m of text.matchAll(CAPTION_DISTANCE)) {
      ctx.refs.expect(r, field, m[1] ?? '', 'place');
      ctx.refs.expect(r, field, m[2] ?? '', 'place');
    }
    const stray = text.replace(CAPTION_DISTANCE, '').match(/\{[^}]*\}?/);
    if (stray) r.issue(field, 'only {distance:<place id>:<place id>} placeholders', stray[0]);
  }
  return caption;
}

function readView(r: RecordReader, value: unknown, extent: Extent): NewsEvent['view'] | null {
  if (value === undefined) return null;
  const view = r.object(value, 'view');
  r.onlyFields(view, ['bounds'], 'view');
  const bounds = r.array(view.bounds, 'view.bounds');
  const sw = r.lonLat(bounds[0], 'view.bounds[0]', extent);
  const ne = r.lonLat(bounds[1], 'view.bounds[1]', extent);
  if (bounds.length !== 2) r.issue('view.bounds', 'exactly two positions [[west, south], [east, north]]', bounds);
  if (sw !== undefined && ne !== undefined) {
    if (sw[0] >= ne[0]) r.issue('view.bounds[1][0]', `an east longitude greater than the west one (${sw[0]})`, ne[0]);
    if (sw[1] >= ne[1]) r.issue('view.bounds[1][1]', `a north latitude greater than the south one (${sw[1]})`, ne[1]);
  }
  return { bounds: [sw ?? [0, 0], ne ?? [0, 0]] };
}

function readStoryCamera(ctx: EventContext, r: RecordReader, value: unknown, field: string): StoryCamera {
  const o = r.object(value, field);
  if ('bounds' in o) {
    r.onlyFields(o, ['bounds'], field);
    const bounds = r.array(o.bounds, `${field}.bounds`);
    if (bounds.length !== 2) r.issue(`${field}.bounds`, 'exactly two positions [[west, south], [east, north]]', bounds);
    const sw = r.lonLat(bounds[0], `${field}.bounds[0]`, ctx.extent);
    const ne = r.lonLat(bounds[1], `${field}.bounds[1]`, ctx.extent);
    // Compared only when both corners are usable: a bad corner is reported once, as itself.
    if (bounds.length === 2 && sw !== undefined && ne !== undefined) {
      if (sw[0] >= ne[0]) r.issue(`${field}.bounds[1][0]`, `an east longitude greater than the west one (${sw[0]})`, ne[0]);
      if (sw[1] >= ne[1]) r.issue(`${field}.bounds[1][1]`, `a north latitude greater than the south one (${sw[1]})`, ne[1]);
    }
    return { bounds: [sw ?? [0, 0], ne ?? [0, 0]] };
  }
  r.onlyFields(o, ['center', 'zoom'], field);
  if (!('center' in o)) {
    // Named after the field that is missing: "center" beside a zoom, else "bounds" (the usual way).
    if ('zoom' in o) r.issue(`${field}.center`, 'a centre [longitude, latitude] to go with "zoom" (or "bounds" instead)');
    else r.issue(`${field}.bounds`, 'either "bounds" ([[west, south], [east, north]]) or "center" and "zoom"');
    return { center: [0, 0], zoom: ZOOM_RANGE.min };
  }
  const center = r.lonLat(o.center, `${field}.center`, ctx.extent) ?? [0, 0];
  const zoom = r.number(o.zoom, `${field}.zoom`, `a zoom from ${ZOOM_RANGE.min} to ${ZOOM_RANGE.max}`);
  if (zoom !== undefined && (zoom < ZOOM_RANGE.min || zoom > ZOOM_RANGE.max))
    r.issue(`${field}.zoom`, `a zoom from ${ZOOM_RANGE.min} to ${ZOOM_RANGE.max}`, zoom);
  return { center, zoom: zoom ?? ZOOM_RANGE.min };
}

function readStoryLayers(r: RecordReader, value: unknown, field: string): MapLayer[] {
  const names = r.stringArray(value, field);
  return names.filter((name, i): name is MapLayer => {
    if (!(MAP_LAYERS as readonly string[]).includes(name)) {
      r.issue(`${field}[${i}]`, `one of ${MAP_LAYERS.map((l) => `"${l}"`).join(', ')}`, name);
      return false;
    }
    if (names.indexOf(name) < i) r.issue(`${field}[${i}]`, 'a layer not already listed', name);
    return true;
  });
}

function expectStoryParty(ctx: EventContext, r: RecordReader, value: unknown, field: string): string {
  const party = r.string(value, field, 'a party id');
  ctx.refs.expect(r, field, party, 'party', `the id of a party in ${ctx.eventFile} "parties"`);
  return party;
}

function readStoryAction(ctx: EventContext, r: RecordReader, value: unknown, field: string): StoryAction {
  const o = r.object(value, field);
  r.onlyFields(o, ['id', 'label', 'party', 'camera', 'layers'], field);
  const action: StoryAction = {
    id: r.string(o.id, `${field}.id`),
    label: r.text(o.label, `${field}.label`),
    ...(o.party === undefined ? {} : { party: expectStoryParty(ctx, r, o.party, `${field}.party`) }),
    ...(o.camera === undefined ? {} : { camera: readStoryCamera(ctx, r, o.camera, `${field}.camera`) }),
    ...(o.layers === undefined ? {} : { layers: readStoryLayers(r, o.layers, `${field}.layers`) }),
  };
  if (o.party === undefined && o.camera === undefined && o.layers === undefined)
    r.issue(field, 'at least one of "party", "camera" or "layers": a button that changes nothing', o);
  return action;
}

function readStoryChapter(ctx: EventContext, value: unknown, index: number, chapterIds: IdRegistry): StoryChapter {
  const { r, o, id } = openIdRecord(ctx, value, index, 'story chapter');
  chapterIds.claim(r, id, `story chapter #${index} in ${ctx.eventFile}`);
  r.onlyFields(o, ['id', 'title', 'text', 'camera', 'party', 'places', 'layers', 'note', 'actions', 'sources']);
  const places = o.places === undefined ? [] : r.stringArray(o.places, 'places');
  ctx.refs.expectAll(r, 'places', places, 'place');
  const actions =
    o.actions === undefined ? [] : r.array(o.actions, 'actions').map((a, i) => readStoryAction(ctx, r, a, `actions[${i}]`));
  actions.forEach((action, i) => {
    const first = actions.findIndex((a) => a.id === action.id);
    if (action.id !== '' && first < i) r.issue(`actions[${i}].id`, `an id not already used (actions[${first}])`, action.id);
  });
  const sources = o.sources === undefined ? [] : r.stringArray(o.sources, 'sources');
  ctx.refs.expectAll(r, 'sources', sources, 'source');
  const chapter: StoryChapter = {
    id,
    title: r.text(o.title, 'title'),
    text: r.text(o.text, 'text'),
    camera: readStoryCamera(ctx, r, o.camera, 'camera'),
    party: o.party === undefined || o.party === null ? null : expectStoryParty(ctx, r, o.party, 'party'),
    places,
    layers: o.layers === undefined ? null : readStoryLayers(r, o.layers, 'layers'),
    note: o.note === undefined ? null : r.text(o.note, 'note'),
    actions,
    sources,
  };
  // A button whose every field repeats the chapter's ("Show SANA's version" in SANA's own
  // chapter) changes nothing either: a reader would press it and see nothing happen.
  actions.forEach((action, i) => {
    if (action.party === undefined && action.camera === undefined && action.layers === undefined) return;
    const sameParty = action.party === undefined || action.party === chapter.party;
    const sameCamera = action.camera === undefined || JSON.stringify(action.camera) === JSON.stringify(chapter.camera);
    const sameLayersShown = action.layers === undefined || sameLayers(storyLayers(action.layers), storyLayers(chapter.layers));
    if (sameParty && sameCamera && sameLayersShown)
      r.issue(
        `actions[${i}]`,
        "a button that changes something: its party, camera and layers are all the chapter's own",
        Array.isArray(o.actions) ? (o.actions as unknown[])[i] : undefined,
      );
  });
  return chapter;
}

function readStory(ctx: EventContext, r: RecordReader, value: unknown): Story | null {
  if (value === undefined) return null;
  const o = r.object(value, 'story');
  r.onlyFields(o, ['title', 'chapters', 'questions'], 'story');
  const chapterIds = new IdRegistry('story chapter');
  const chapters = r.array(o.chapters, 'story.chapters').map((c, i) => readStoryChapter(ctx, c, i, chapterIds));
  if (Array.isArray(o.chapters) && chapters.length === 0) r.issue('story.chapters', 'at least one chapter', o.chapters);
  const questions =
    o.questions === undefined ? [] : r.array(o.questions, 'story.questions').map((q, i) => r.text(q, `story.questions[${i}]`));
  return { title: r.text(o.title, 'story.title'), chapters, questions };
}

/**
 * Validates one event folder's three files and returns the typed event. Places from
 * places.geojson and areas.geojson are merged into `places`; their ids share one namespace.
 * @throws DataValidationError listing every issue found.
 */
export function parseEvent(input: EventInput): NewsEvent {
  const log = new IssueLog();
  const eventFile = `${input.dir}/${EVENT_FILES.event}`;
  const ctx: EventContext = {
    log,
    refs: new References(),
    eventFile,
    ids: {
      source: new IdRegistry('source'),
      place: new IdRegistry('place'),
      ring: new IdRegistry('ring'),
      party: new IdRegistry('party'),
    },
    knownIds: new IdRegistry('known fact'),
    timelineIds: new IdRegistry('timeline entry'),
    markIds: new IdRegistry('comparison mark'),
    extent: input.extent,
  };

  if (!isRecord(input.event)) {
    log.add(eventFile, '(file)', '(whole file)', 'a JSON object describing the event', describeValue(input.event));
    log.throwIfAny();
  }
  const e = input.event as Record<string, unknown>;
  const eventId = typeof e.id === 'string' && e.id !== '' ? e.id : undefined;
  const r = new RecordReader(log, eventFile, eventId === undefined ? 'event' : `event "${eventId}"`);

  r.onlyFields(e, [
    '$schema',
    'id',
    'title',
    'summary',
    'description',
    'caption',
    'credits',
    'occurred',
    'view',
    'map',
    'rings',
    'parties',
    'versions',
    'known',
    'timeline',
    'comparison',
    'sources',
    'story',
  ]);
  const id = r.string(e.id, 'id');
  const title = r.text(e.title, 'title');
  const summary = r.text(e.summary, 'summary');
  const description = r.text(e.description, 'description');
  const caption = readCaption(ctx, r, e.caption);
  const credits = r.text(e.credits, 'credits');
  const occurredObj = r.object(e.occurred, 'occurred');
  r.onlyFields(occurredObj, ['utc', 'timeZone', 'timeZoneName', 'approximate', 'note'], 'occurred');
  const occurred = {
    utc: r.utcTimestamp(occurredObj.utc, 'occurred.utc'),
    timeZone: r.timeZone(occurredObj.timeZone, 'occurred.timeZone'),
    timeZoneName: r.text(occurredObj.timeZoneName, 'occurred.timeZoneName'),
    approximate: r.boolean(occurredObj.approximate, 'occurred.approximate'),
    note: r.text(occurredObj.note, 'occurred.note'),
  };
  const view = readView(r, e.view, ctx.extent);
  const map = readEventMap(r, e.map, ctx.extent);

  const sources = r.array(e.sources, 'sources').map((s, i) => readSource(ctx, s, i));
  const parties = r.array(e.parties, 'parties').map((p, i) => readParty(ctx, p, i));
  if (parties.length === 0) r.issue('parties', 'at least one party', e.parties);
  checkMarksDistinct(ctx, parties);
  const rings = r.array(e.rings, 'rings').map((ring, i) => readRing(ctx, ring, i));
  const versions = r.array(e.versions, 'versions').map((v, i) => readVersion(ctx, v, i));
  const known = r.array(e.known, 'known').map((k, i) => readKnownFact(ctx, k, i));
  // Timeline days are days in the event's time zone; with an unusable zone (already reported)
  // only the timestamps themselves are checked.
  const zone = typeof occurredObj.timeZone === 'string' && isTimeZone(occurredObj.timeZone) ? occurredObj.timeZone : null;
  const timeline =
    e.timeline === undefined ? [] : r.array(e.timeline, 'timeline').map((t, i) => readTimelineEntry(ctx, t, i, zone));
  checkTimelineOrder(ctx, timeline);
  const comparison = readComparison(ctx, r, e.comparison);
  const story = readStory(ctx, r, e.story);

  const places: Place[] = [];
  for (const name of [EVENT_FILES.places, EVENT_FILES.areas]) {
    const file = `${input.dir}/${name}`;
    const features = readFeatureCollection(log, file, name === EVENT_FILES.places ? input.places : input.areas);
    features.forEach((feature, i) => {
      const place = readPlace(ctx, file, feature, i);
      if (place !== undefined) places.push(place);
    });
  }

  ctx.refs.check(ctx.ids, {
    source: `the id of a source in ${eventFile} "sources"`,
    place: `the id of a place in ${EVENT_FILES.places} or ${EVENT_FILES.areas}`,
    ring: `the id of a ring in ${eventFile} "rings"`,
    party: `the id of a party in ${eventFile} "parties" (or "${EDITORS}" for suppliedBy)`,
  });
  checkVersionsMatchParties(ctx, parties, versions);

  log.throwIfAny();
  const data: EventData = {
    id,
    title,
    summary,
    description,
    caption,
    credits,
    occurred,
    view: view ?? {
      bounds: [
        [0, 0],
        [0, 0],
      ],
    },
    map,
    places,
    rings,
    parties,
    versions,
    known,
    timeline,
    comparison,
    sources,
    story,
  };
  // Without a stated opening view, the map opens on every claim and every event place.
  const event = view ? data : { ...data, view: { bounds: eventBounds(data) } };
  return { ...event, derived: deriveGeometry(event) };
}

/**
 * Reads a basemap folder's manifest (basemap.json) into the extent its layers were cut to.
 * @throws DataValidationError when it is malformed.
 */
export function parseBasemapManifest(file: string, value: unknown): Extent & BasemapManifest {
  const log = new IssueLog();
  const r = new RecordReader(log, file, '(manifest)');
  const o = r.object(value, '(whole file)');
  const box = r.array(o.extent, 'extent');
  const sw = r.lonLat(box[0], 'extent[0]', null);
  const ne = r.lonLat(box[1], 'extent[1]', null);
  if (box.length !== 2) r.issue('extent', 'exactly two positions [[west, south], [east, north]]', box);
  if (sw && ne && (sw[0] >= ne[0] || sw[1] >= ne[1])) r.issue('extent', 'a box with west < east and south < north', box);
  log.throwIfAny();
  const [west, south] = sw ?? [0, 0];
  const [east, north] = ne ?? [0, 0];
  return {
    west,
    south,
    east,
    north,
    file,
    extent: [
      [west, south],
      [east, north],
    ],
  };
}

/**
 * What can only be checked with the basemap's layers at hand (the build does it, the browser
 * does not fetch them to validate): each place lies in the country it says, and the countries,
 * regions and rivers `map` names exist.
 * @throws DataValidationError listing every issue found.
 */
export function checkEventOnBasemap(event: NewsEvent, basemap: Basemap, dir: string, basemapDir: string): void {
  const log = new IssueLog();
  const countries = new Map(basemap.countries.features.map((f) => [f.properties.name, f]));
  for (const place of event.places) {
    if (place.country === undefined) continue;
    const file = `${dir}/${place.geometry.type === 'Point' ? EVENT_FILES.places : EVENT_FILES.areas}`;
    const r = new RecordReader(log, file, `feature "${place.id}"`);
    const country = countries.get(place.country);
    if (!country) {
      r.issueText('country', `the name of a country in ${basemapDir}/${BASEMAP_FILES.countries}`, JSON.stringify(place.country));
    } else if (!booleanPointInPolygon([...place.anchor], country)) {
      const [lon, lat] = place.anchor;
      const swappedFits = booleanPointInPolygon([lat, lon], country);
      r.issueText(
        'geometry.coordinates',
        `a position inside ${place.country}, the country in its "country" field${swappedFits ? ' (longitude and latitude look swapped: GeoJSON is [longitude, latitude])' : ''}`,
        JSON.stringify([lon, lat]),
      );
    }
  }
  const r = new RecordReader(log, `${dir}/${EVENT_FILES.event}`, `event "${event.id}"`);
  const known = (names: Iterable<string | null>) => new Set([...names].filter((n): n is string => n !== null));
  const checkNames = (names: readonly string[], field: string, layer: keyof Basemap, have: Set<string>) =>
    names.forEach((name, i) => {
      if (!have.has(name)) r.issueText(`${field}[${i}]`, `a name in ${basemapDir}/${BASEMAP_FILES[layer]}`, JSON.stringify(name));
    });
  checkNames(event.map.highlightCountries, 'map.highlightCountries', 'countries', new Set(countries.keys()));
  checkNames(event.map.regions, 'map.regions', 'regions', known(basemap.regions.features.map((f) => f.properties.name)));
  const rivers = known(basemap.rivers.features.map((f) => f.properties.name));
  event.map.rivers.forEach((river, i) => checkNames(river.match, `map.rivers[${i}].match`, 'rivers', rivers));
  log.throwIfAny();
}

interface BasemapLayerRule {
  readonly types: readonly Exclude<GeometryType, 'GeometryCollection'>[];
  /** `required`: a non-empty string; `nullable`: a string or null (absent counts as null); `none`: not read. */
  readonly name: 'required' | 'nullable' | 'none';
  readonly scalerank?: boolean;
}

const POLYGONS = ['Polygon', 'MultiPolygon'] as const;
const LINES = ['LineString', 'MultiLineString'] as const;

const BASEMAP_RULES: Readonly<Record<keyof Basemap, BasemapLayerRule>> = {
  countries: { types: POLYGONS, name: 'required' },
  boundaryLines: { types: LINES, name: 'none' },
  rivers: { types: LINES, name: 'nullable' },
  lakes: { types: POLYGONS, name: 'nullable' },
  regions: { types: POLYGONS, name: 'required' },
  populatedPlaces: { types: ['Point'], name: 'required', scalerank: true },
};

function readBasemapLayer(log: IssueLog, file: string, data: unknown, rule: BasemapLayerRule, extent: Extent): Feature[] {
  const out: Feature[] = [];
  readFeatureCollection(log, file, data).forEach((feature, i) => {
    const r = featureReader(log, file, feature, i, 'name');
    const f = r.object(feature, '(feature)');
    if (f.type !== 'Feature') r.issue('type', '"Feature"', f.type);
    const props = f.properties === null || f.properties === undefined ? {} : r.object(f.properties, 'properties');
    const extra: Record<string, unknown> = {};
    if (rule.name === 'required') extra.name = r.string(props.name, 'name');
    if (rule.name === 'nullable') {
      // Natural Earth leaves some rivers unnamed, sometimes by omitting the key.
      if (props.name === undefined || props.name === null) extra.name = null;
      else extra.name = r.string(props.name, 'name', 'a non-empty string or null');
    }
    if (rule.scalerank === true) extra.scalerank = r.number(props.scalerank, 'scalerank', 'a number (Natural Earth scalerank)');
    const geometry = readGeometry(r, f.geometry, rule.types, extent);
    if (geometry !== undefined) out.push({ type: 'Feature', geometry, properties: { ...props, ...extra } });
  });
  return out;
}

/**
 * Validates the basemap layers: FeatureCollections, geometry types as in `Basemap`,
 * positions inside the manifest's extent, and `name` (and `scalerank`) where the type needs them.
 * @throws DataValidationError listing every issue found.
 */
export function parseBasemap(
  files: Readonly<Record<keyof Basemap, { readonly path: string; readonly data: unknown }>>,
  extent: Extent,
): Basemap {
  const log = new IssueLog();
  const layer = (key: keyof Basemap): Feature[] =>
    readBasemapLayer(log, files[key].path, files[key].data, BASEMAP_RULES[key], extent);
  const features = {
    countries: layer('countries'),
    boundaryLines: layer('boundaryLines'),
    rivers: layer('rivers'),
    lakes: layer('lakes'),
    regions: layer('regions'),
    populatedPlaces: layer('populatedPlaces'),
  };
  log.throwIfAny();
  // Safe: each layer's geometry types and typed properties were checked against BASEMAP_RULES,
  // which mirrors the Basemap type field by field.
  const collection = <K extends keyof Basemap>(key: K): Basemap[K] =>
    ({ type: 'FeatureCollection', features: features[key] }) as Basemap[K];
  return {
    countries: collection('countries'),
    boundaryLines: collection('boundaryLines'),
    rivers: collection('rivers'),
    lakes: collection('lakes'),
    regions: collection('regions'),
    populatedPlaces: collection('populatedPlaces'),
  };
}
