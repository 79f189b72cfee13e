/**
 * The downloads the build writes (scripts/vite-plugins/downloads.ts, from src/domain/export.ts):
 * the claims CSV read back by a real CSV parser, also for a hostile copy of each event, and the
 * GeoJSON checked as GeoJSON and against the map's own geometry.
 */
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLAIMS_CSV_COLUMNS,
  LIST_SEPARATOR,
  claimsCsvRows,
  downloadFiles,
  eventGeoJson,
  type ClaimsCsvRow,
} from '../../src/domain/export.ts';
import { claimArea } from '../../src/domain/geometry.ts';
import { parseEvent } from '../../src/domain/load-event.ts';
import type { NewsEvent } from '../../src/domain/types.ts';
import {
  claimsCsv,
  downloadAssets,
  downloadsPlugin,
  eventGeoJsonText,
  loadSelectedEvent,
} from '../../scripts/vite-plugins/downloads.ts';
import { FICTIONAL_EVENT_DIR, TEST_EVENT_DIRS, loadTestEvent, testEvents } from '../fixtures/events.ts';
import { REAL_EVENT_DIR, getAt, realEventInput, setAt } from '../fixtures/real-data.ts';

/** First characters a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** What the CSV must hold for a value: the value, with a `'` in front when it would start a formula. */
const defused = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** The CSV as a strict RFC 4180 reader sees it: BOM skipped, CRLF records, equal column counts. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false }) as string[][];
}

function expectCsvMatchesRows(text: string, rows: readonly ClaimsCsvRow[]): string[][] {
  const records = parseCsv(text);
  expect(records[0]).toEqual([...CLAIMS_CSV_COLUMNS]);
  expect(records).toHaveLength(rows.length + 1);
  records.forEach((record) => expect(record).toHaveLength(CLAIMS_CSV_COLUMNS.length));
  rows.forEach((row, i) => {
    expect(records[i + 1]).toEqual(CLAIMS_CSV_COLUMNS.map((column) => defused(row[column])));
  });
  return records;
}

/** The parsed record of a party, by column name. */
function recordOf(records: string[][], partyId: string): Record<string, string> {
  const [header = [], ...body] = records;
  const record = body.find((r) => r[0] === partyId);
  if (!record) throw new Error(`no CSV row for ${partyId}`);
  return Object.fromEntries(header.map((column, i) => [column, record[i] ?? '']));
}

describe.each(testEvents())('claims CSV of %s', (_dir, event) => {
  const text = claimsCsv(event);
  const rows = claimsCsvRows(event);

  it('is UTF-8 with one byte-order mark, and CRLF after every record', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).not.toContain('\uFEFF');
    expect(text.endsWith('\r\n')).toBe(true);
    // The shipped texts have no line break of their own: every LF is a record's CRLF.
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).not.toMatch(/\r(?!\n)/);
    expect(text.split('\r\n')).toHaveLength(event.versions.length + 2);
  });

  it('parses back to the header and one row per party, every cell as written', () => {
    const records = expectCsvMatchesRows(text, rows);
    expect(records.slice(1).map((r) => r[0])).toEqual(event.parties.map((p) => p.id));
  });

  it('carries every field of each version, in both languages', () => {
    const records = parseCsv(text);
    for (const version of event.versions) {
      const r = recordOf(records, version.party);
      const party = event.parties.find((p) => p.id === version.party);
      for (const lang of ['en', 'ar'] as const) {
        expect(r[`party_name_${lang}`]).toBe(party?.name[lang]);
        expect(r[`speaker_${lang}`]).toBe(defused(version.speaker[lang]));
        expect(r[`channel_${lang}`]).toBe(defused(version.channel[lang]));
        expect(r[`time_${lang}`]).toBe(defused(version.time.text[lang]));
        expect(r[`target_${lang}`]).toBe(defused(version.target[lang]));
        expect(r[`place_${lang}`]).toBe(defused(version.place.label[lang]));
        expect(r[`precision_${lang}`]).toBe(defused(version.place.precision[lang]));
        expect(r[`weapons_${lang}`]).toBe(defused(version.weapons[lang]));
        expect(r[`damage_${lang}`]).toBe(defused(version.damage[lang]));
        for (const later of version.later) expect(r[`later_${lang}`]).toContain(later.text[lang]);
        for (const quote of version.quotes) {
          const inLang = quote.original.lang.split('-')[0] === lang ? quote.original.text : quote.translations[lang];
          expect(r[`quotes_${lang}`]).toContain(inLang);
        }
        for (const id of version.sources) {
          const source = event.sources.find((s) => s.id === id);
          expect(r[`source_titles_${lang}`]).toContain(source?.title[lang]);
          expect(r[`source_publishers_${lang}`]).toContain(source?.publisher[lang]);
          if (source?.url) expect(r.source_urls).toContain(source.url);
        }
      }
      expect(r.time_utc).toBe(version.time.utc ?? '');
      expect(r.supplied_by).toBe(version.place.suppliedBy);
      for (const quote of version.quotes) expect(r.quotes_original).toContain(`[${quote.original.lang}] ${quote.original.text}`);
      expect(r.quote_sources).toBe(version.quotes.map((q) => q.source).join(LIST_SEPARATOR));
      expect(r.source_ids).toBe(version.sources.join(LIST_SEPARATOR));
      // Aligned lists: one item per source in every source column.
      for (const column of ['source_titles_en', 'source_titles_ar', 'source_urls', 'source_dates'] as const) {
        expect(r[column]?.split(LIST_SEPARATOR)).toHaveLength(version.sources.length);
      }
    }
  });
});

/** The first character of each hostile text, cycled: each one a spreadsheet would run as a formula. */
const LEADS = ['=', '+', '-', '@', '\t'] as const;

/**
 * A text no CSV writer gets right by accident: a formula start, commas, double quotes (doubled
 * and lone), Arabic (and its comma), CRLF, LF and CR line breaks, and the list separator. Latin,
 * Arabic and Greek letters all in it, so it passes the loader's script check in any slot.
 */
function hostileText(n: number, lang: string): string {
  const lead = LEADS[n % LEADS.length] ?? '=';
  return `${lead}HYPERLINK("http://evil.example/${n}","click"), ${lang} text ${n}, "quoted" ""doubled"" "lone,\r\nسطر ثانٍ، فيه «اقتباس» و"علامة"\nthird line ελληνικά\r | after the separator,`;
}

interface Hostile {
  readonly event: NewsEvent;
  /** For each party, the CSV column and the text the hostile input put there. */
  readonly expected: Map<string, [column: string, text: string][]>;
}

/** A deep copy of the event folder's data with hostile texts in every field the CSV prints alone in a cell. */
function hostileEvent(dir: string): Hostile {
  const input = realEventInput(dir);
  let n = 0;
  const expected = new Map<string, [string, string][]>();
  const versions = getAt(input.event, ['versions']) as { party: string; later: unknown[] }[];
  const parties = getAt(input.event, ['parties']) as { id: string }[];
  parties.forEach((party, p) => {
    const cells: [string, string][] = [];
    const set = (path: (string | number)[], column: string, lang: 'en' | 'ar') => {
      const text = hostileText(n++, lang);
      setAt(input.event, path, text);
      cells.push([column, text]);
    };
    const v = versions.findIndex((version) => version.party === party.id);
    for (const lang of ['en', 'ar'] as const) {
      set(['parties', p, 'name', lang], `party_name_${lang}`, lang);
      set(['versions', v, 'speaker', lang], `speaker_${lang}`, lang);
      set(['versions', v, 'channel', lang], `channel_${lang}`, lang);
      set(['versions', v, 'time', 'text', lang], `time_${lang}`, lang);
      set(['versions', v, 'target', lang], `target_${lang}`, lang);
      set(['versions', v, 'place', 'label', lang], `place_${lang}`, lang);
      set(['versions', v, 'place', 'precision', lang], `precision_${lang}`, lang);
      set(['versions', v, 'weapons', lang], `weapons_${lang}`, lang);
      set(['versions', v, 'damage', lang], `damage_${lang}`, lang);
    }
    // A quote whose original and translations are hostile too, and is the only one: its cells are the texts.
    const quote = getAt(input.event, ['versions', v, 'quotes', 0]) as { original: { lang: string }; source: string };
    const originalLang = quote.original.lang.split('-')[0];
    const original = hostileText(n++, 'original');
    const translations: Record<string, string> = {};
    for (const lang of ['en', 'ar'] as const) if (lang !== originalLang) translations[lang] = hostileText(n++, lang);
    setAt(
      input.event,
      ['versions', v, 'quotes'],
      [{ original: { lang: quote.original.lang, text: original }, translations, source: quote.source }],
    );
    cells.push(['quotes_original', `[${quote.original.lang}] ${original}`]);
    for (const lang of ['en', 'ar'] as const) cells.push([`quotes_${lang}`, translations[lang] ?? original]);
    expected.set(party.id, cells);
  });
  // Source titles and publishers too: they end up in the GeoJSON and in the CSV's source lists.
  (getAt(input.event, ['sources']) as unknown[]).forEach((_s, i) => {
    for (const lang of ['en', 'ar'] as const) {
      setAt(input.event, ['sources', i, 'title', lang], hostileText(n++, lang));
      setAt(input.event, ['sources', i, 'publisher', lang], hostileText(n++, lang));
    }
  });
  return { event: parseEvent(input), expected };
}

describe.each(TEST_EVENT_DIRS.map((dir) => [dir]))('hostile copy of %s', (dir) => {
  const hostile = hostileEvent(dir);
  const text = claimsCsv(hostile.event);
  const records = parseCsv(text);

  it('round-trips through a CSV parser with every value identical (formula starts defused)', () => {
    expectCsvMatchesRows(text, claimsCsvRows(hostile.event));
    for (const [partyId, cells] of hostile.expected) {
      const r = recordOf(records, partyId);
      for (const [column, value] of cells) expect(r[column], column).toBe(defused(value));
    }
  });

  it("prefixes every cell that would start a formula with ', and nothing else", () => {
    let prefixed = 0;
    for (const [partyId, cells] of hostile.expected) {
      const r = recordOf(records, partyId);
      for (const [column, value] of cells) {
        if (!FORMULA_START.test(value)) continue;
        prefixed += 1;
        expect(r[column]?.startsWith("'")).toBe(true);
        expect(r[column]?.slice(1)).toBe(value);
      }
    }
    expect(prefixed).toBeGreaterThan(10);
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(FORMULA_START);
    // A cell that starts like a formula only after its first character is left alone.
    expect(recordOf(records, hostile.event.parties[0]?.id ?? '').quotes_original).toMatch(/^\[[a-z]/);
  });

  it('keeps the BOM and CRLF records, with the texts’ own line breaks inside quoted fields', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(records.flat().some((cell) => cell.includes('\nthird line'))).toBe(true);
    expect(records.flat().some((cell) => cell.includes('\r\nسطر'))).toBe(true);
  });

  it('leaves the GeoJSON texts as they are', () => {
    const claims = eventGeoJson(hostile.event).features.filter((f) => f.properties.feature_type === 'claim');
    claims.forEach((feature, i) => {
      const party = hostile.event.parties[i];
      expect(feature.properties).toMatchObject({ party_name_en: party?.name.en, party_name_ar: party?.name.ar });
    });
    expect(JSON.parse(eventGeoJsonText(hostile.event))).toEqual(eventGeoJson(hostile.event));
  });
});

const SOURCE_PROPERTIES = [
  'source_ids',
  'source_publishers_en',
  'source_publishers_ar',
  'source_titles_en',
  'source_titles_ar',
  'source_dates',
  'source_urls',
];
/** The properties each kind of feature has, as documented at the top of src/domain/export.ts. */
const PROPERTIES: Record<string, readonly string[]> = {
  place: [
    'feature_type',
    'event_id',
    'id',
    'kind',
    'kind_label_en',
    'kind_label_ar',
    'role',
    'country',
    'name_en',
    'name_ar',
    'approximate',
    'precision_km',
    'precision_en',
    'precision_ar',
    'sector_around',
    'sector_inner_km',
    'sector_outer_km',
    'sector_from_bearing',
    'sector_to_bearing',
    ...SOURCE_PROPERTIES,
  ],
  claim: [
    'feature_type',
    'event_id',
    'party_id',
    'party_name_en',
    'party_name_ar',
    'party_short_en',
    'party_short_ar',
    'mark_color',
    'mark_line',
    'mark_fill',
    'place_en',
    'place_ar',
    'precision_en',
    'precision_ar',
    'supplied_by',
    'supplied_by_en',
    'supplied_by_ar',
    'drawn_from_kind',
    'drawn_from_id',
    ...SOURCE_PROPERTIES,
  ],
  ring: [
    'feature_type',
    'event_id',
    'id',
    'center',
    'center_en',
    'center_ar',
    'radius_km',
    'band_km',
    'label_en',
    'label_ar',
    'note_en',
    'note_ar',
    ...SOURCE_PROPERTIES,
  ],
};
PROPERTIES.ring_band = PROPERTIES.ring ?? [];

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

function polygonRings(geometry: Geometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

describe.each(testEvents())('GeoJSON of %s', (_dir, event) => {
  const text = eventGeoJsonText(event);
  const collection = JSON.parse(text) as FeatureCollection;
  const ofType = (type: string) => collection.features.filter((f) => f.properties?.feature_type === type);

  it('is a FeatureCollection whose JSON text is the same data', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection).toEqual(eventGeoJson(event));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives every feature a geometry with finite WGS84 coordinates, closed rings, and the documented properties', () => {
    const ids = new Set<unknown>();
    for (const feature of collection.features as Feature[]) {
      expect(feature.type).toBe('Feature');
      expect(['Point', 'Polygon', 'MultiPolygon']).toContain(feature.geometry?.type);
      for (const [lon, lat, ...rest] of positions(feature.geometry)) {
        expect(rest).toEqual([]);
        expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);
        expect(Math.abs(lon ?? NaN)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat ?? NaN)).toBeLessThanOrEqual(90);
      }
      for (const ring of polygonRings(feature.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
      }
      const type = String(feature.properties?.feature_type);
      expect(Object.keys(feature.properties ?? {}).sort(), type).toEqual([...(PROPERTIES[type] ?? ['?'])].sort());
      for (const value of Object.values(feature.properties ?? {})) {
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
      }
      expect(feature.properties?.event_id).toBe(event.id);
      ids.add(feature.id);
    }
    expect(ids.size).toBe(collection.features.length);
  });

  it('has every place with its geometry, names and precision', () => {
    const places = ofType('place');
    expect(places.map((f) => f.properties?.id)).toEqual(event.places.map((p) => p.id));
    places.forEach((feature, i) => {
      const place = event.places[i];
      expect(feature.geometry).toEqual(place?.geometry);
      expect(feature.properties).toMatchObject({
        kind: place?.kind,
        role: place?.role,
        name_en: place?.name.en,
        name_ar: place?.name.ar,
        approximate: place?.approximate,
        precision_km: place?.precisionKm,
        precision_en: place?.precision.en,
        precision_ar: place?.precision.ar,
        source_ids: place?.sources.join(LIST_SEPARATOR),
      });
    });
  });

  it("has one claim per party, in the parties' order, drawn as claimArea draws it", () => {
    const claims = ofType('claim');
    expect(claims.map((f) => f.properties?.party_id)).toEqual(event.parties.map((p) => p.id));
    claims.forEach((feature, i) => {
      const version = event.versions[i];
      if (!version) throw new Error('no version');
      expect(feature.geometry).toEqual(claimArea(event, version).geometry);
      expect(feature.properties).toMatchObject({
        place_en: version.place.label.en,
        place_ar: version.place.label.ar,
        precision_en: version.place.precision.en,
        precision_ar: version.place.precision.ar,
        supplied_by: version.place.suppliedBy,
        source_ids: version.sources.join(LIST_SEPARATOR),
      });
    });
  });

  it('has every ring as a polygon with its label and note, and the band of a ring that has one', () => {
    expect(ofType('ring').map((f) => f.properties?.id)).toEqual(event.rings.map((r) => r.id));
    expect(ofType('ring_band').map((f) => f.properties?.id)).toEqual(
      event.rings.filter((r) => r.bandKm !== undefined).map((r) => r.id),
    );
    for (const feature of ofType('ring')) {
      const ring = event.rings.find((r) => r.id === feature.properties?.id);
      expect(feature.geometry.type).toBe('Polygon');
      expect(feature.properties).toMatchObject({
        label_en: ring?.label.en,
        label_ar: ring?.label.ar,
        note_en: ring?.note.en,
        note_ar: ring?.note.ar,
        radius_km: ring?.radiusKm,
      });
    }
  });
});

describe('the downloads the build emits', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('are the files downloadFiles names, for the event EVENT chooses', () => {
    vi.stubEnv('EVENT', FICTIONAL_EVENT_DIR);
    const plugin = downloadsPlugin();
    (plugin.configResolved as unknown as (config: { root: string }) => void)({ root: process.cwd() });
    const emitted: { type: string; fileName: string; source: string }[] = [];
    (plugin.generateBundle as unknown as (this: unknown) => void).call({
      emitFile: (file: { type: string; fileName: string; source: string }) => emitted.push(file),
    });
    const event = loadTestEvent(FICTIONAL_EVENT_DIR);
    const files = downloadFiles(event.id);
    expect(files).toEqual({
      geojson: 'downloads/harbour-fire-fictional.geojson',
      csv: 'downloads/harbour-fire-fictional-claims.csv',
    });
    expect(emitted.map((f) => f.fileName)).toEqual([files.geojson, files.csv]);
    expect(emitted).toEqual(downloadAssets(event).map((asset) => ({ type: 'asset', ...asset })));
  });

  it('are made from the event as the loader reads it', () => {
    expect(loadSelectedEvent(process.cwd(), '')).toEqual(loadTestEvent(REAL_EVENT_DIR));
    expect(loadSelectedEvent(process.cwd(), FICTIONAL_EVENT_DIR)).toEqual(loadTestEvent(FICTIONAL_EVENT_DIR));
  });

  it('name a file, never a path, whatever the event id', () => {
    expect(downloadFiles('badia-2018-12-02').csv).toBe('downloads/badia-2018-12-02-claims.csv');
    expect(downloadFiles('../up/ and over.')).toEqual({
      geojson: 'downloads/up-and-over.geojson',
      csv: 'downloads/up-and-over-claims.csv',
    });
    expect(downloadFiles('حدث').geojson).toBe('downloads/event.geojson');
  });
});
