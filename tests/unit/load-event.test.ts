import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area as turfArea, booleanPointInPolygon } from '@turf/turf';
import { afterEach, describe, expect, it } from 'vitest';
import { DataValidationError, checkEventOnBasemap, parseBasemap, parseEvent } from '../../src/domain/load-event.ts';
import type { DataIssue } from '../../src/domain/load-event.ts';
import { basemapUrls, loadBundledEvent } from '../../src/domain/event-data.ts';
import { COMPARISON_QUESTIONS } from '../../src/domain/types.ts';
import { claimArea, claimBounds, distanceKm, placeById } from '../../src/domain/geometry.ts';
import { claimGaps } from '../../src/domain/gaps.ts';
import { validateDataDir, validateDataPlugin } from '../../scripts/vite-plugins/validate-data.ts';
import {
  REAL_EVENT_DIR,
  basemapExtent,
  REPO_ROOT,
  deleteAt,
  featureIndex,
  getAt,
  realBasemapInput,
  realEventInput,
  setAt,
} from '../fixtures/real-data.ts';
import { FICTIONAL_EVENT_DIR } from '../fixtures/events.ts';

const EVENT_FILE = `${REAL_EVENT_DIR}/event.json`;
const PLACES_FILE = `${REAL_EVENT_DIR}/places.geojson`;
const AREAS_FILE = `${REAL_EVENT_DIR}/areas.geojson`;
const EVENT_RECORD = 'event "badia-2018-12-02"';

interface ExpectedIssue {
  file: string;
  record: string;
  field: string;
  /** A phrase the `expected` text must contain. */
  expected: string;
}

function caught(run: () => unknown): DataValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError, but the data was accepted');
}

/** Asserts both the structured issue and the one-line message a build log would show. */
function expectIssue(run: () => unknown, want: ExpectedIssue): DataIssue {
  const error = caught(run);
  const issue = error.issues.find((i) => i.file === want.file && i.record === want.record && i.field === want.field);
  expect(issue, `no issue for ${want.file} / ${want.record} / ${want.field} in:\n${error.message}`).toBeDefined();
  expect(issue?.expected).toContain(want.expected);
  const line = error.message
    .split('\n')
    .find((l) => l.startsWith(`${want.file}: ${want.record}: field "${want.field}": expected `));
  expect(line, error.message).toBeDefined();
  expect(line).toContain(want.expected);
  return issue as DataIssue;
}

function placeIndex(id: string): number {
  return featureIndex(realEventInput().places, id);
}

describe('parseEvent on the real data', () => {
  const event = parseEvent(realEventInput());

  it('returns three parties, each with its version, in order', () => {
    expect(event.parties.map((p) => p.id)).toEqual(['coalition', 'syrian-government', 'sohr']);
    expect(event.versions.map((v) => v.party)).toEqual(['coalition', 'syrian-government', 'sohr']);
  });

  it('merges places.geojson and areas.geojson into places', () => {
    const ids = event.places.map((p) => p.id);
    for (const id of [
      'tanf-base',
      'sukhnah',
      'ghurab',
      'tanf-crossing',
      'palmyra',
      'homs',
      'damascus',
      'deir-ez-zor',
      'abu-kamal',
      'rukban',
      'syrian-badia',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps approximate places approximate and defaults the flag to false', () => {
    const byId = new Map(event.places.map((p) => [p.id, p]));
    expect(byId.get('ghurab')?.approximate).toBe(true);
    expect(byId.get('syrian-badia')?.approximate).toBe(true);
    expect(byId.get('tanf-base')?.approximate).toBe(false);
    expect(byId.get('ghurab')?.uncertainty).toEqual({
      kind: 'sector',
      around: 'sukhnah',
      innerKm: 10,
      outerKm: 50,
      fromBearing: 135,
      toBearing: 225,
    });
  });

  it('anchors a point at itself and a region inside its polygon', () => {
    const tanf = event.places.find((p) => p.id === 'tanf-base');
    expect(tanf?.anchor).toEqual([38.61778, 33.50583]);
    const badia = event.places.find((p) => p.id === 'syrian-badia');
    if (badia === undefined || badia.geometry.type === 'Point') throw new Error('syrian-badia should be an area');
    expect(booleanPointInPolygon([...badia.anchor], badia.geometry)).toBe(true);
    expect(badia.anchor).toEqual([39.45, 33.9]);
  });

  it('reads the rings, sources and known facts', () => {
    expect(event.rings.map((r) => [r.id, r.center, r.radiusKm, r.bandKm])).toEqual([
      ['sohr-35', 'tanf-base', 35, 5],
      ['zone-55', 'tanf-base', 55, undefined],
    ]);
    expect(event.sources.length).toBeGreaterThan(5);
    expect(event.known.map((k) => k.id)).toContain('distance');
    expect(event.occurred).toMatchObject({ utc: '2018-12-02T18:00:00Z', timeZone: 'Asia/Damascus', approximate: true });
  });
});

describe('parseEvent rejects broken copies of the real data', () => {
  it('(1) an unknown place reference: ring centre "tanf-bas"', () => {
    const input = realEventInput();
    setAt(input.event, ['rings', 0, 'center'], 'tanf-bas');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'ring "sohr-35"',
      field: 'center',
      expected: 'the id of a place in places.geojson or areas.geojson',
    });
    expect(issue.got).toBe('"tanf-bas"');
  });

  it('(1) unknown places in a claim and in a sector, and an unknown ring', () => {
    const input = realEventInput();
    setAt(input.event, ['versions', 1, 'place', 'geometry', 'place'], 'gurab');
    setAt(input.event, ['versions', 2, 'place', 'geometry', 'ring'], 'sohr-53');
    setAt(input.places, ['features', placeIndex('ghurab'), 'properties', 'uncertainty', 'around'], 'sukhna');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "syrian-government"',
      field: 'place.geometry.place',
      expected: 'the id of a place',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "sohr"',
      field: 'place.geometry.ring',
      expected: 'the id of a ring',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "ghurab"',
      field: 'uncertainty.around',
      expected: 'the id of a place',
    });
  });

  it('(2) an out-of-range latitude (95)', () => {
    const input = realEventInput();
    setAt(input.places, ['features', placeIndex('tanf-base'), 'geometry', 'coordinates'], [38.61778, 95]);
    const issue = expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "tanf-base"',
      field: 'geometry.coordinates[1]',
      expected: 'a latitude in [-90, 90]',
    });
    expect(issue.got).toBe('95');
  });

  it("(2) a position outside the basemap's extent (with the fix), and a bad polygon vertex", () => {
    const input = realEventInput();
    setAt(input.places, ['features', placeIndex('homs'), 'geometry', 'coordinates'], [25.5, 34.7]);
    setAt(input.areas, ['features', 0, 'geometry', 'coordinates', 0, 5], [200, 33]);
    const issue = expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "homs"',
      field: 'geometry.coordinates',
      expected: "a position inside the basemap's extent (longitude 30 to 48, latitude 27 to 40, from data/basemap/basemap.json)",
    });
    expect(issue.expected).toContain('docs/BASEMAP.md');
    expect(issue.expected).toContain('map.basemap');
    expectIssue(() => parseEvent(input), {
      file: AREAS_FILE,
      record: 'feature "syrian-badia"',
      field: 'geometry.coordinates[0][5][0]',
      expected: 'a longitude in [-180, 180]',
    });
  });

  it('(6) a label side that is neither left nor right', () => {
    const input = realEventInput();
    setAt(input.places, ['features', placeIndex('tanf-base'), 'properties', 'labelSide'], 'up');
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "tanf-base"',
      field: 'labelSide',
      expected: '"left"',
    });
  });

  it('(2) a label position outside its own area', () => {
    const input = realEventInput();
    setAt(input.areas, ['features', 0, 'properties', 'labelAt'], [41.5, 33.0]);
    expectIssue(() => parseEvent(input), {
      file: AREAS_FILE,
      record: 'feature "syrian-badia"',
      field: 'labelAt',
      expected: "a position inside the place's own area",
    });
  });

  it('(2) an unclosed polygon ring and a wrong geometry type', () => {
    const input = realEventInput();
    const ring = getAt(input.areas, ['features', 0, 'geometry', 'coordinates', 0]);
    if (!Array.isArray(ring)) throw new Error('expected a ring');
    ring.pop();
    setAt(input.places, ['features', placeIndex('palmyra'), 'geometry', 'type'], 'LineString');
    expectIssue(() => parseEvent(input), {
      file: AREAS_FILE,
      record: 'feature "syrian-badia"',
      field: `geometry.coordinates[0][${ring.length - 1}]`,
      expected: 'a closed linear ring',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "palmyra"',
      field: 'geometry.type',
      expected: '"Point" or "Polygon" or "MultiPolygon"',
    });
  });

  it('(3) a missing Arabic translation, with the exact message line', () => {
    const input = realEventInput();
    deleteAt(input.places, ['features', placeIndex('ghurab'), 'properties', 'name', 'ar']);
    const error = caught(() => parseEvent(input));
    expect(error.message.split('\n')).toContain(
      'data/events/badia-2018-12-02/places.geojson: feature "ghurab": field "name.ar": expected a non-empty string (Arabic translation), got undefined',
    );
    expect(error.issues).toHaveLength(1);
  });

  it('(3) English pasted into an Arabic slot, and an empty English text in event.json', () => {
    const input = realEventInput();
    setAt(input.event, ['parties', 0, 'shortName', 'ar'], 'Coalition');
    setAt(input.event, ['known', 1, 'text', 'en'], '  ');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'party "coalition"',
      field: 'shortName.ar',
      expected: 'Arabic letters',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'known fact "distance"',
      field: 'text.en',
      expected: 'a non-empty string (English translation)',
    });
  });

  it('(4) a duplicate place id, within places.geojson and across to areas.geojson', () => {
    const input = realEventInput();
    setAt(input.places, ['features', placeIndex('palmyra'), 'properties', 'id'], 'sukhnah');
    setAt(input.areas, ['features', 0, 'properties', 'id'], 'tanf-base');
    const within = expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "sukhnah"',
      field: 'id',
      expected: `a unique place id (already used by feature #1 in ${PLACES_FILE})`,
    });
    expect(within.got).toBe('"sukhnah"');
    expectIssue(() => parseEvent(input), {
      file: AREAS_FILE,
      record: 'feature "tanf-base"',
      field: 'id',
      expected: `already used by feature #0 in ${PLACES_FILE}`,
    });
  });

  it.each([
    ['parties', 'party "coalition"', 'party'],
    ['rings', 'ring "sohr-35"', 'ring'],
    ['sources', 'source "afp-ar-2018-12-02"', 'source'],
    ['known', 'known fact "time"', 'known fact'],
  ] as const)('(4) a duplicate id in %s', (list, record, what) => {
    const input = realEventInput();
    setAt(input.event, [list, 1, 'id'], getAt(input.event, [list, 0, 'id']));
    expectIssue(() => parseEvent(input), { file: EVENT_FILE, record, field: 'id', expected: `a unique ${what} id` });
  });

  it('(5) an unknown source reference in a quote, a place, a ring and a later statement', () => {
    const input = realEventInput();
    setAt(input.event, ['versions', 0, 'quotes', 1, 'source'], 'afp-ar-2018-12-03');
    setAt(input.event, ['versions', 0, 'later', 1, 'sources', 0], 'mee');
    setAt(input.event, ['rings', 1, 'sources', 1], 'crisis-group');
    setAt(input.places, ['features', placeIndex('rukban'), 'properties', 'sources'], ['wikipedia-rukbn']);
    const expected = `the id of a source in ${EVENT_FILE} "sources"`;
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'quotes[1].source',
      expected,
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'later[1].sources[0]',
      expected,
    });
    expectIssue(() => parseEvent(input), { file: EVENT_FILE, record: 'ring "zone-55"', field: 'sources[1]', expected });
    expectIssue(() => parseEvent(input), { file: PLACES_FILE, record: 'feature "rukban"', field: 'sources[0]', expected });
    expect(caught(() => parseEvent(input)).issues).toHaveLength(4);
  });

  it('(6) a bad colour and bad enums', () => {
    const input = realEventInput();
    setAt(input.event, ['parties', 2, 'mark', 'color'], '#00785');
    setAt(input.event, ['parties', 1, 'mark', 'line'], 'wavy');
    setAt(input.event, ['parties', 0, 'mark', 'fill'], 'stripes');
    setAt(input.places, ['features', placeIndex('sukhnah'), 'properties', 'kind'], 'Village Of');
    setAt(input.places, ['features', placeIndex('homs'), 'properties', 'role'], 'background');
    expectIssue(() => parseEvent(input), { file: EVENT_FILE, record: 'party "sohr"', field: 'mark.color', expected: '#RRGGBB' });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'party "syrian-government"',
      field: 'mark.line',
      expected: 'one of "solid", "dashed", "dotted"',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'party "coalition"',
      field: 'mark.fill',
      expected: 'one of "hatch", "dots", "cross"',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "sukhnah"',
      field: 'kind',
      expected: 'a kind of place in lower-case kebab-case',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "homs"',
      field: 'role',
      expected: 'one of "event", "context"',
    });
  });

  it('(7) a party without a version', () => {
    const input = realEventInput();
    const versions = getAt(input.event, ['versions']);
    if (!Array.isArray(versions)) throw new Error('expected versions');
    versions.pop();
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'party "sohr"',
      field: 'versions',
      expected: 'exactly one entry in "versions" with party "sohr"',
    });
  });

  it("(7) versions out of the parties' order, a repeated version and an unknown party", () => {
    const swapped = realEventInput();
    const versions = getAt(swapped.event, ['versions']);
    if (!Array.isArray(versions)) throw new Error('expected versions');
    versions.reverse();
    expectIssue(() => parseEvent(swapped), {
      file: EVENT_FILE,
      record: 'version "sohr"',
      field: 'party',
      expected: '"coalition" at versions[0]',
    });

    const repeated = realEventInput();
    setAt(repeated.event, ['versions', 2, 'party'], 'coalition');
    expectIssue(() => parseEvent(repeated), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'party',
      expected: 'exactly one version per party',
    });
    expectIssue(() => parseEvent(repeated), {
      file: EVENT_FILE,
      record: 'party "sohr"',
      field: 'versions',
      expected: 'exactly one entry',
    });

    const unknown = realEventInput();
    setAt(unknown.event, ['versions', 2, 'place', 'suppliedBy'], 'observatory');
    expectIssue(() => parseEvent(unknown), {
      file: EVENT_FILE,
      record: 'version "sohr"',
      field: 'place.suppliedBy',
      expected: 'the id of a party',
    });
  });

  it('(8) malformed timestamps, dates and time zone', () => {
    const input = realEventInput();
    setAt(input.event, ['occurred', 'utc'], '2018-12-02 18:00');
    setAt(input.event, ['versions', 1, 'time', 'utc'], '2018-12-02T20:00:00+02:00');
    setAt(input.event, ['versions', 0, 'later', 0, 'date'], '2018-02-30');
    setAt(input.event, ['sources', 0, 'date'], '2 Dec 2018');
    setAt(input.event, ['occurred', 'timeZone'], 'Asia/Damscus');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'occurred.utc',
      expected: 'UTC timestamp ending in Z',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "syrian-government"',
      field: 'time.utc',
      expected: 'UTC timestamp ending in Z',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'later[0].date',
      expected: 'YYYY-MM-DD',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'source "afp-ar-2018-12-02"',
      field: 'date',
      expected: 'YYYY-MM-DD',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'occurred.timeZone',
      expected: 'Intl.DateTimeFormat',
    });
  });

  it('rejects bad numbers: radius, band, sector radii and bearings', () => {
    const input = realEventInput();
    setAt(input.event, ['rings', 1, 'radiusKm'], -55);
    setAt(input.event, ['rings', 0, 'bandKm'], 40);
    const ghurab = placeIndex('ghurab');
    setAt(input.places, ['features', ghurab, 'properties', 'uncertainty', 'innerKm'], 60);
    setAt(input.places, ['features', ghurab, 'properties', 'uncertainty', 'fromBearing'], 400);
    setAt(input.places, ['features', placeIndex('homs'), 'properties', 'precisionKm'], 0);
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'ring "zone-55"',
      field: 'radiusKm',
      expected: 'a positive number',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'ring "sohr-35"',
      field: 'bandKm',
      expected: 'less than radiusKm (35)',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "ghurab"',
      field: 'uncertainty.outerKm',
      expected: 'greater than innerKm (60)',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "ghurab"',
      field: 'uncertainty.fromBearing',
      expected: 'in [0, 360]',
    });
    expectIssue(() => parseEvent(input), {
      file: PLACES_FILE,
      record: 'feature "homs"',
      field: 'precisionKm',
      expected: 'a positive number of km, or null',
    });
  });

  it('rejects a bad view, a non-http URL and an English "Arabic" quote', () => {
    const input = realEventInput();
    setAt(input.event, ['view', 'bounds', 1, 0], 37);
    setAt(input.event, ['sources', 4, 'url'], 'ftp://feeds.bbci.co.uk/news');
    setAt(input.event, ['versions', 2, 'quotes', 1, 'original', 'text'], 'more than 14 missiles');
    setAt(input.event, ['versions', 2, 'quotes', 0, 'translations', 'en'], '');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'view.bounds[1][0]',
      expected: 'an east longitude greater than the west one (37.6)',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'source "bbc-2018-12-03"',
      field: 'url',
      expected: 'https: or http: URL',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "sohr"',
      field: 'quotes[1].original.text',
      expected: 'Arabic letters',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'version "sohr"',
      field: 'quotes[0].translations.en',
      expected: 'translation into "en"',
    });
  });

  it('takes a quote in any language with a translation into each other app language, and refuses a bad tag or a missing translation', () => {
    const english = realEventInput();
    setAt(english.event, ['versions', 0, 'quotes', 0], {
      original: { lang: 'en', text: 'We carried out precision strikes.' },
      translations: { ar: 'نفّذنا ضربات دقيقة.' },
      source: 'afp-ar-2018-12-02',
    });
    setAt(english.event, ['versions', 0, 'quotes', 1], {
      original: { lang: 'fr', text: 'Des frappes de précision.' },
      translations: { en: 'Precision strikes.', ar: 'ضربات دقيقة.' },
      source: 'afp-ar-2018-12-02',
    });
    const [inEnglish, inFrench] = parseEvent(english).versions[0]!.quotes;
    expect(inEnglish).toMatchObject({ original: { lang: 'en', dir: 'ltr' }, translations: { ar: 'نفّذنا ضربات دقيقة.' } });
    expect(inFrench?.original).toMatchObject({ lang: 'fr', dir: 'ltr' });
    expect(parseEvent(realEventInput()).versions[0]!.quotes[0]?.original.dir).toBe('rtl');

    const broken = realEventInput();
    setAt(broken.event, ['versions', 0, 'quotes', 0, 'original', 'lang'], 'Arabic!');
    setAt(broken.event, ['versions', 0, 'quotes', 1], {
      original: { lang: 'fr', text: 'Des frappes.' },
      translations: { en: 'Strikes.' },
      source: 'afp-ar-2018-12-02',
    });
    expectIssue(() => parseEvent(broken), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'quotes[0].original.lang',
      expected: 'a BCP 47 language tag',
    });
    expectIssue(() => parseEvent(broken), {
      file: EVENT_FILE,
      record: 'version "coalition"',
      field: 'quotes[1].translations.ar',
      expected: 'translation into "ar"',
    });
  });

  it("says so when longitude and latitude look swapped, out of the extent or out of the place's country", () => {
    // Swapped, Deir ez-Zor's pair leaves the basemap's box: the loader says what probably happened.
    const outOfBox = realEventInput();
    setAt(outOfBox.places, ['features', placeIndex('deir-ez-zor'), 'geometry', 'coordinates'], [35.33588, 40.14084]);
    const issue = expectIssue(() => parseEvent(outOfBox), {
      file: PLACES_FILE,
      record: 'feature "deir-ez-zor"',
      field: 'geometry.coordinates',
      expected: "a position inside the basemap's extent",
    });
    expect(issue.expected).toContain('longitude and latitude look swapped');

    // Swapped, Damascus's pair stays in the box (it lands in Turkey): only its country catches it.
    const inBox = realEventInput();
    setAt(inBox.places, ['features', placeIndex('damascus'), 'geometry', 'coordinates'], [33.5102, 36.29128]);
    const event = parseEvent(inBox);
    const basemap = parseBasemap(realBasemapInput(), basemapExtent());
    const countryIssue = expectIssue(() => checkEventOnBasemap(event, basemap, REAL_EVENT_DIR, 'data/basemap'), {
      file: PLACES_FILE,
      record: 'feature "damascus"',
      field: 'geometry.coordinates',
      expected: 'a position inside Syria, the country in its "country" field',
    });
    expect(countryIssue.expected).toContain('look swapped');
    expect(() => checkEventOnBasemap(parseEvent(realEventInput()), basemap, REAL_EVENT_DIR, 'data/basemap')).not.toThrow();
  });

  it('refuses a country, a region or a river that the basemap does not have', () => {
    const input = realEventInput();
    setAt(input.places, ['features', placeIndex('homs'), 'properties', 'country'], 'Syrie');
    setAt(input.event, ['map', 'regions', 0], 'SYRIAN DESSERT');
    setAt(input.event, ['map', 'rivers', 0, 'match', 0], 'Euphrate');
    const basemap = parseBasemap(realBasemapInput(), basemapExtent());
    const check = () => checkEventOnBasemap(parseEvent(input), basemap, REAL_EVENT_DIR, 'data/basemap');
    expectIssue(check, {
      file: PLACES_FILE,
      record: 'feature "homs"',
      field: 'country',
      expected: 'data/basemap/countries.geojson',
    });
    expectIssue(check, {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'map.regions[0]',
      expected: 'data/basemap/regions.geojson',
    });
    expectIssue(check, {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'map.rivers[0].match[0]',
      expected: 'data/basemap/rivers.geojson',
    });
  });

  it('refuses two parties told apart by colour alone, a caption placeholder that names no place, and an unknown one', () => {
    const input = realEventInput();
    const first = getAt(input.event, ['parties', 0, 'mark']) as { line: string; fill: string };
    setAt(input.event, ['parties', 2, 'mark', 'line'], first.line);
    setAt(input.event, ['parties', 2, 'mark', 'fill'], first.fill);
    setAt(input.event, ['caption', 'en'], 'About {distance:tanf-base:nowhere} apart.');
    setAt(input.event, ['caption', 'ar'], 'قال {party} ذلك.');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'party "sohr"',
      field: 'mark',
      expected: 'a line and fill unlike every other party\'s (party "coalition" already has',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'caption.en',
      expected: 'the id of a place',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: EVENT_RECORD,
      field: 'caption.ar',
      expected: 'only {distance:<place id>:<place id>} placeholders',
    });
  });

  it('derives the opening view from the claims when event.json gives none', () => {
    const input = realEventInput();
    deleteAt(input.event, ['view']);
    const event = parseEvent(input);
    const [[west, south], [east, north]] = event.view.bounds;
    for (const place of event.places.filter((p) => p.role === 'event')) {
      const [lon, lat] = place.anchor;
      expect(lon >= west && lon <= east && lat >= south && lat <= north, place.id).toBe(true);
    }
  });

  it('rejects files of the wrong shape, naming the file', () => {
    const notObject = realEventInput();
    notObject.event = [];
    expectIssue(() => parseEvent(notObject), {
      file: EVENT_FILE,
      record: '(file)',
      field: '(whole file)',
      expected: 'a JSON object',
    });

    const notCollection = realEventInput();
    setAt(notCollection.areas, ['type'], 'Feature');
    expectIssue(() => parseEvent(notCollection), {
      file: AREAS_FILE,
      record: '(file)',
      field: 'type',
      expected: '"FeatureCollection"',
    });
  });

  it('collects every issue instead of stopping at the first', () => {
    const input = realEventInput();
    setAt(input.event, ['rings', 0, 'center'], 'tanf-bas');
    deleteAt(input.places, ['features', placeIndex('ghurab'), 'properties', 'name', 'ar']);
    setAt(input.event, ['parties', 2, 'mark', 'color'], 'green');
    const error = caught(() => parseEvent(input));
    expect(error.issues.map((i) => `${i.file} ${i.record} ${i.field}`).sort()).toEqual(
      [
        `${EVENT_FILE} ring "sohr-35" center`,
        `${PLACES_FILE} feature "ghurab" name.ar`,
        `${EVENT_FILE} party "sohr" mark.color`,
      ].sort(),
    );
    expect(error.message.split('\n')).toHaveLength(3);
  });
});

describe('the timeline, the comparison marks and the sources (issue 10)', () => {
  const event = parseEvent(realEventInput());

  it('reads the real timeline, in order, each entry with its party', () => {
    expect(event.timeline.map((t) => [t.id, t.when.date, t.when.precision, t.party])).toEqual([
      ['kassig-abducted', '2013-10-01', 'day', undefined],
      ['kassig-video', '2014-11-16', 'day', undefined],
      ['strike', '2018-12-02', 'about', 'syrian-government'],
      ['coalition-statement', '2018-12-02', 'day', 'coalition'],
      ['sohr-report', '2018-12-02', 'day', 'sohr'],
      ['coalition-killed', '2018-12-03', 'day', 'coalition'],
    ]);
    expect(event.timeline.find((t) => t.id === 'strike')?.when.utc).toBe('2018-12-02T18:00:00Z');
    for (const entry of event.timeline) expect(entry.sources.length, entry.id).toBeGreaterThan(0);
  });

  it('gives the corrected dates where the article is wrong, with what the article says', () => {
    const abduction = event.timeline.find((t) => t.id === 'kassig-abducted');
    expect(abduction?.when.date).toBe('2013-10-01');
    expect(abduction?.correction?.articleSays.en).toMatch(/November/);
    expect(abduction?.correction?.articleSays.ar).toMatch(/نوفمبر/);
    const video = event.timeline.find((t) => t.id === 'kassig-video');
    expect(video?.when.date).toBe('2014-11-16');
    expect(video?.correction?.articleSays.en).toMatch(/17 November 2014/);
    // Only those two: the rest of the article's dates are right.
    expect(event.timeline.filter((t) => t.correction !== undefined).map((t) => t.id)).toEqual([
      'kassig-abducted',
      'kassig-video',
    ]);
  });

  it('reads the real comparison marks, each between known, distinct parties on a card question', () => {
    expect(event.comparison.marks.map((m) => [m.id, m.question, m.kind, m.between])).toEqual([
      ['target-coalition-sana', 'target', 'contradict', ['coalition', 'syrian-government']],
      ['target-coalition-sohr', 'target', 'contradict', ['coalition', 'sohr']],
      ['target-sana-sohr', 'target', 'agree', ['syrian-government', 'sohr']],
      ['place-sana-sohr', 'place', 'contradict', ['syrian-government', 'sohr']],
      ['weapons-sana-sohr', 'weapons', 'agree', ['syrian-government', 'sohr']],
      ['time-coalition-sana', 'time', 'agree', ['coalition', 'syrian-government']],
    ]);
    for (const mark of event.comparison.marks) {
      expect(COMPARISON_QUESTIONS).toContain(mark.question);
      expect(mark.sources.length, mark.id).toBeGreaterThan(0);
    }
  });

  it('says what every Badia source supports, and invents no archived copy', () => {
    for (const source of event.sources) {
      expect(source.supports?.en, source.id).toBeTruthy();
      expect(source.archived, `${source.id}: FACTS.md lists no archived copy`).toBeUndefined();
    }
  });

  it('loads the fictional event: a timeline across midnight UTC, marks, an archived copy', () => {
    const fictional = parseEvent(realEventInput(FICTIONAL_EVENT_DIR));
    // 21:15 UTC on 14 June is 00:15 on 15 June in Cyprus (UTC+3): the day is the local one.
    expect(fictional.timeline[0]?.when).toEqual({ date: '2021-06-15', utc: '2021-06-14T21:15:00Z', precision: 'about' });
    expect(fictional.timeline).toHaveLength(3);
    expect(fictional.comparison.marks.map((m) => m.kind).sort()).toEqual(['agree', 'contradict']);
    expect(fictional.sources.find((s) => s.archived !== undefined)?.archived).toMatch(/^https:\/\/example\.org\/fictional\//);
  });

  it('takes an event without a timeline or a comparison, as empty ones', () => {
    const input = realEventInput();
    deleteAt(input.event, ['timeline']);
    deleteAt(input.event, ['comparison']);
    const bare = parseEvent(input);
    expect(bare.timeline).toEqual([]);
    expect(bare.comparison).toEqual({ marks: [] });
  });

  const markIndex = (id: string) =>
    (getAt(realEventInput().event, ['comparison', 'marks']) as { id: string }[]).findIndex((m) => m.id === id);
  const entryIndex = (id: string) =>
    (getAt(realEventInput().event, ['timeline']) as { id: string }[]).findIndex((t) => t.id === id);

  it('rejects a mark naming an unknown party', () => {
    const input = realEventInput();
    setAt(input.event, ['comparison', 'marks', markIndex('place-sana-sohr'), 'between', 1], 'observatory');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "place-sana-sohr"',
      field: 'between[1]',
      expected: `the id of a party in ${EVENT_FILE} "parties"`,
    });
    expect(issue.got).toBe('"observatory"');
  });

  it('rejects a mark on an unknown question', () => {
    const input = realEventInput();
    setAt(input.event, ['comparison', 'marks', markIndex('place-sana-sohr'), 'question'], 'location');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "place-sana-sohr"',
      field: 'question',
      expected: 'one of "speaker", "channel", "time", "target", "place", "weapons", "damage", "later"',
    });
    expect(issue.got).toBe('"location"');
  });

  it('rejects a mark between one party only, and one naming a party twice', () => {
    const input = realEventInput();
    setAt(input.event, ['comparison', 'marks', markIndex('place-sana-sohr'), 'between'], ['sohr']);
    setAt(input.event, ['comparison', 'marks', markIndex('weapons-sana-sohr'), 'between'], ['sohr', 'sohr']);
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "place-sana-sohr"',
      field: 'between',
      expected: 'at least two party ids',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "weapons-sana-sohr"',
      field: 'between[1]',
      expected: 'a party not already in between (between[0] is "sohr")',
    });
  });

  it('rejects a second mark on the same question for the same parties, and a repeated mark id', () => {
    const input = realEventInput();
    const marks = getAt(input.event, ['comparison', 'marks']) as Record<string, unknown>[];
    const place = marks[markIndex('place-sana-sohr')] ?? {};
    marks.push({ ...place, id: 'place-again', kind: 'agree', between: ['sohr', 'syrian-government'] });
    marks.push({ ...place });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "place-again"',
      field: 'between',
      expected: 'parties not already marked on "place" together (comparison mark "place-sana-sohr"',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "place-sana-sohr"',
      field: 'id',
      expected: 'a unique comparison mark id (already used by comparison mark #3',
    });
  });

  it('rejects a timeline entry with a date that does not exist', () => {
    const input = realEventInput();
    setAt(input.event, ['timeline', entryIndex('kassig-video'), 'when', 'date'], '2014-11-31');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "kassig-video"',
      field: 'when.date',
      expected: 'a calendar date as YYYY-MM-DD',
    });
    expect(issue.got).toBe('"2014-11-31"');
  });

  it('rejects a timeline out of chronological order, naming the entry and the one it comes before', () => {
    const input = realEventInput();
    // A video dated after the strike puts the strike, and all that follows it, out of order.
    setAt(input.event, ['timeline', entryIndex('kassig-video'), 'when', 'date'], '2018-12-04');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "strike"',
      field: 'when.date',
      expected: 'a time no earlier than timeline[1] ("kassig-video", 2018-12-04): timeline entries are in chronological order',
    });
    expect(issue.got).toBe('"2018-12-02"');
  });

  it('rejects two instants out of order on the same day', () => {
    const input = realEventInput(FICTIONAL_EVENT_DIR);
    setAt(input.event, ['timeline', 1, 'when', 'utc'], '2021-06-14T21:00:00Z');
    expectIssue(() => parseEvent(input), {
      file: `${FICTIONAL_EVENT_DIR}/event.json`,
      record: 'timeline entry "fire-start-board"',
      field: 'when.utc',
      expected: 'a time no earlier than timeline[0] ("fire-start-union", 2021-06-14T21:15:00Z)',
    });
  });

  it('rejects a timeline entry concerning an unknown party', () => {
    const input = realEventInput();
    setAt(input.event, ['timeline', entryIndex('sohr-report'), 'party'], 'syrian-observatory');
    const issue = expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "sohr-report"',
      field: 'party',
      expected: `the id of a party in ${EVENT_FILE} "parties"`,
    });
    expect(issue.got).toBe('"syrian-observatory"');
  });

  it("rejects a time that falls on another day in the event's time zone, and a time with the wrong precision", () => {
    const input = realEventInput();
    const strike = entryIndex('strike');
    // 22:30 UTC on 2 December was 00:30 on 3 December in Damascus (UTC+2).
    setAt(input.event, ['timeline', strike, 'when', 'utc'], '2018-12-02T22:30:00Z');
    setAt(input.event, ['timeline', entryIndex('sohr-report'), 'when', 'utc'], '2018-12-02T18:00:00Z');
    deleteAt(input.event, ['timeline', entryIndex('coalition-statement'), 'when', 'precision']);
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "strike"',
      field: 'when.utc',
      expected:
        "an instant on when.date (2018-12-02) in the event's time zone (Asia/Damascus); 2018-12-02T22:30:00Z is 2018-12-03 there",
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "sohr-report"',
      field: 'when.utc',
      expected: 'no field "utc" with precision "day"',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "coalition-statement"',
      field: 'when.precision',
      expected: 'one of "exact", "about", "day", "month"',
    });
    const missing = realEventInput();
    deleteAt(missing.event, ['timeline', strike, 'when', 'utc']);
    expectIssue(() => parseEvent(missing), {
      file: EVENT_FILE,
      record: 'timeline entry "strike"',
      field: 'when.utc',
      expected: 'precision "about" gives an instant',
    });
  });

  it('rejects a timeline entry or a mark citing no source or an unknown one, and a bad archived URL', () => {
    const input = realEventInput();
    setAt(input.event, ['timeline', entryIndex('strike'), 'sources'], []);
    setAt(input.event, ['comparison', 'marks', markIndex('time-coalition-sana'), 'sources', 1], 'reuters');
    setAt(input.event, ['sources', 0, 'archived'], 'archive.org/afp');
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'timeline entry "strike"',
      field: 'sources',
      expected: 'at least one source id',
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'comparison mark "time-coalition-sana"',
      field: 'sources[1]',
      expected: `the id of a source in ${EVENT_FILE} "sources"`,
    });
    expectIssue(() => parseEvent(input), {
      file: EVENT_FILE,
      record: 'source "afp-ar-2018-12-02"',
      field: 'archived',
      expected: 'an absolute https: or http: URL',
    });
  });
});

describe('parseBasemap', () => {
  it('accepts the real basemap', () => {
    const basemap = parseBasemap(realBasemapInput(), basemapExtent());
    expect(basemap.countries.features.map((f) => f.properties.name)).toContain('Syria');
    expect(basemap.regions.features.map((f) => f.properties.name)).toContain('SYRIAN DESERT');
    expect(basemap.populatedPlaces.features.every((f) => typeof f.properties.scalerank === 'number')).toBe(true);
    // Two Natural Earth rivers have no `name` key at all; the loader makes that an explicit null.
    expect(basemap.rivers.features.some((f) => f.properties.name === null)).toBe(true);
    expect(basemap.boundaryLines.features.length).toBeGreaterThan(0);
  });

  it('rejects a missing name, a wrong geometry type, a bad coordinate and a non-collection', () => {
    const files = realBasemapInput();
    deleteAt(files.countries.data, ['features', 3, 'properties', 'name']);
    setAt(files.populatedPlaces.data, ['features', 0, 'geometry', 'type'], 'Polygon');
    setAt(files.rivers.data, ['features', 0, 'geometry', 'coordinates', 0], [38, 95]);
    setAt(files.lakes.data, ['type'], 'GeometryCollection');
    expectIssue(() => parseBasemap(files, basemapExtent()), {
      file: 'data/basemap/countries.geojson',
      record: 'feature #3',
      field: 'name',
      expected: 'a non-empty string',
    });
    expectIssue(() => parseBasemap(files, basemapExtent()), {
      file: 'data/basemap/populated_places.geojson',
      record: 'feature #0 ("Dar\'a")',
      field: 'geometry.type',
      expected: '"Point"',
    });
    expectIssue(() => parseBasemap(files, basemapExtent()), {
      file: 'data/basemap/rivers.geojson',
      record: 'feature #0 ("Ceyhan")',
      field: 'geometry.coordinates[0][1]',
      expected: 'a latitude in [-90, 90]',
    });
    expectIssue(() => parseBasemap(files, basemapExtent()), {
      file: 'data/basemap/lakes.geojson',
      record: '(file)',
      field: 'type',
      expected: '"FeatureCollection"',
    });
  });
});

describe('event-data (the bundled entry)', () => {
  it('loads the bundled event once and returns the same object after', () => {
    const first = loadBundledEvent();
    expect(first.id).toBe('badia-2018-12-02');
    expect(first.places.length).toBe(parseEvent(realEventInput()).places.length);
    expect(loadBundledEvent()).toBe(first);
  });

  it('gives a URL for each of the six basemap files', () => {
    expect(Object.keys(basemapUrls).sort()).toEqual([
      'boundaryLines',
      'countries',
      'lakes',
      'populatedPlaces',
      'regions',
      'rivers',
    ]);
    expect(basemapUrls.countries).toMatch(/countries\.geojson/);
    expect(basemapUrls.populatedPlaces).toMatch(/populated_places\.geojson/);
    expect(new Set(Object.values(basemapUrls)).size).toBe(6);
  });
});

describe("validateDataDir (the build plugin's check)", () => {
  const repoRoot = fileURLToPath(REPO_ROOT);
  const temps: string[] = [];

  /** A temp copy of data/ whose one file is rewritten by `edit`. */
  function brokenCopy(file: string, edit: (json: unknown) => unknown): string {
    const root = mkdtempSync(join(tmpdir(), 'validate-data-'));
    temps.push(root);
    cpSync(join(repoRoot, 'data'), join(root, 'data'), { recursive: true });
    const path = join(root, file);
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(edit(json)));
    return root;
  }

  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('passes on the real data', () => {
    expect(validateDataDir(repoRoot, undefined)).toEqual({
      events: [{ id: 'badia-2018-12-02', dir: REAL_EVENT_DIR, basemap: 'data/basemap' }],
      basemaps: ['data/basemap'],
    });
  });

  it('also checks the event EVENT names outside data/events/, by path', () => {
    const summary = validateDataDir(repoRoot, FICTIONAL_EVENT_DIR);
    expect(summary.events.map((e) => e.dir)).toEqual([REAL_EVENT_DIR, FICTIONAL_EVENT_DIR]);
    expect(validateDataDir(repoRoot, join(repoRoot, FICTIONAL_EVENT_DIR)).events.map((e) => e.dir)).toContain(
      FICTIONAL_EVENT_DIR,
    );
  });

  it('refuses an EVENT that names no event folder, listing the ones there are', () => {
    expect(() => validateDataDir(repoRoot, 'no-such-event')).toThrow(
      /EVENT="no-such-event": no event folder data\/events\/no-such-event\/\..*the folders in data\/events\/ are: badia-2018-12-02/,
    );
    expect(() => validateDataDir(repoRoot, './tests/fixtures')).toThrow(/no event folder at .*tests\/fixtures/);
  });

  it('refuses an event whose basemap has no manifest, naming the file', () => {
    const root = brokenCopy(EVENT_FILE, (json) => {
      setAt(json, ['map'], { ...(getAt(json, ['map']) as object), basemap: '../../no-basemap' });
      return json;
    });
    expectIssue(() => validateDataDir(root, undefined), {
      file: 'data/no-basemap/basemap.json',
      record: '(file)',
      field: '(whole file)',
      expected: 'the file to exist',
    });
  });

  it('names the file, record and field of a broken event field', () => {
    const root = brokenCopy(PLACES_FILE, (json) => {
      setAt(json, ['features', featureIndex(json, 'ghurab'), 'properties', 'name', 'ar'], '');
      return json;
    });
    expectIssue(() => validateDataDir(root), {
      file: PLACES_FILE,
      record: 'feature "ghurab"',
      field: 'name.ar',
      expected: 'Arabic translation',
    });
  });

  it('names the file, record and field of a broken basemap field', () => {
    const root = brokenCopy('data/basemap/regions.geojson', (json) => {
      setAt(json, ['features', 0, 'properties', 'name'], null);
      return json;
    });
    expectIssue(() => validateDataDir(root), {
      file: 'data/basemap/regions.geojson',
      record: 'feature #0',
      field: 'name',
      expected: 'a non-empty string',
    });
  });

  it('names a file that is not JSON', () => {
    const root = brokenCopy(EVENT_FILE, (json) => json);
    writeFileSync(join(root, EVENT_FILE), '{ "id": "badia-2018-12-02", ');
    expectIssue(() => validateDataDir(root), {
      file: EVENT_FILE,
      record: '(file)',
      field: '(whole file)',
      expected: 'valid JSON',
    });
  });

  it("stops the build through this.error with the loader's message", () => {
    const root = brokenCopy(EVENT_FILE, (json) => {
      setAt(json, ['rings', 0, 'center'], 'tanf-bas');
      return json;
    });
    const plugin = validateDataPlugin();
    const configResolved = plugin.configResolved;
    const buildStart = plugin.buildStart;
    if (typeof configResolved !== 'function' || typeof buildStart !== 'function')
      throw new Error('plugin hooks should be plain functions');
    const errors: string[] = [];
    const context = {
      error(message: string): never {
        errors.push(message);
        throw new Error(message);
      },
    };
    // The hooks' real context types are Rollup's; the plugin only uses `this.error`.
    configResolved.call(context as never, { root } as never);
    expect(() => buildStart.call(context as never, {} as never)).toThrow(/ring "sohr-35": field "center"/);
    expect(errors[0]).toContain(`${EVENT_FILE}: ring "sohr-35": field "center": expected the id of a place`);

    configResolved.call(context as never, { root: repoRoot } as never);
    expect(() => buildStart.call(context as never, {} as never)).not.toThrow();
  });
});

describe('the measured event (src/domain/derive.ts)', () => {
  const event = parseEvent(realEventInput());

  it('is what the page is given: the bundled event is the loader and the measure, through JSON', () => {
    expect(loadBundledEvent()).toEqual(JSON.parse(JSON.stringify(event)));
  });

  it('agrees with Turf measured again, to the 1e-6 degrees it is rounded to', () => {
    const near = (a: readonly number[], b: readonly number[]) =>
      a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 1e-6 + 1e-12);
    for (const [i, version] of event.versions.entries()) {
      const claim = event.derived.claims[i]!;
      expect(claim.party).toBe(version.party);
      const area = claimArea(event, version).geometry;
      const flat = (g: typeof area) => g.coordinates.flat(3) as number[];
      expect(near(flat(claim.area), flat(area)), `${version.party}: area`).toBe(true);
      expect(claim.areaKm2).toBeCloseTo(turfArea(area) / 1e6, 6);
      expect(near(claim.bounds.flat(), claimBounds(event, version.party).flat()), `${version.party}: bounds`).toBe(true);
    }
    const gaps = claimGaps(event);
    expect(event.derived.gaps.map((g) => g.id)).toEqual(gaps.map((g) => g.id));
    event.derived.gaps.forEach((gap, i) => {
      expect(gap.nearestKm).toBe(gaps[i]!.nearestKm);
      expect(gap.farthestKm).toBe(gaps[i]!.farthestKm);
      expect(near(gap.nearestPoints.flat(), gaps[i]!.nearestPoints.flat())).toBe(true);
    });
    // The caption's one distance, garrison to al-Sukhnah: about 155 km (FACTS.md), by haversine.
    const [[key, km]] = Object.entries(event.derived.placeDistancesKm) as [[string, number]];
    const [from, to] = key.split(':') as [string, string];
    expect(km).toBeCloseTo(distanceKm(placeById(event, from).anchor, placeById(event, to).anchor), 9);
    expect(km).toBeGreaterThan(150);
    expect(km).toBeLessThan(160);
  });

  it('keeps context rings apart from claimed ones, every vertex at its radius', () => {
    const claimedRings = new Set(
      event.versions.flatMap((v) => (v.place.geometry.kind === 'ring' ? [v.place.geometry.ring] : [])),
    );
    const context = event.rings.filter((ring) => !claimedRings.has(ring.id));
    expect(event.derived.contextRings.map((r) => r.id)).toEqual(context.map((r) => r.id));
    for (const ring of context) {
      const line = event.derived.contextRings.find((r) => r.id === ring.id)!.line;
      const centre = placeById(event, ring.center).anchor;
      for (const p of line.coordinates[0]!) {
        expect(Math.abs(distanceKm(centre, [p[0]!, p[1]!]) - ring.radiusKm)).toBeLessThan(0.01);
      }
    }
  });
});
