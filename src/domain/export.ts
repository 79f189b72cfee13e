/**
 * The event's data as files a reader can download: a GeoJSON of every place, every party's
 * claimed area and every ring, and one row per party's version for a CSV. Pure, on the validated
 * event: the build (scripts/vite-plugins/downloads.ts) writes the files, the page only needs
 * `downloadFiles` to link to them. The claimed areas come from `claimArea`, so a reader's GIS
 * tool gets exactly what the map draws.
 *
 * Properties are flat scalars (strings, numbers, booleans, null), one per language with an
 * `_en` / `_ar` suffix: GIS tools (QGIS, ArcGIS, Mapshaper, ogr2ogr to a shapefile or a
 * spreadsheet) show flat fields as columns, and nested objects or arrays as opaque text. A list
 * (several sources, quotes, statements) is one string, its items joined with " | " in the same
 * order in every column that lists them, so `source_ids`, `source_titles_en` and `source_urls`
 * line up item by item (an item with no value, such as a source without a URL, is empty).
 *
 * Every feature has:
 *   feature_type   'place' | 'claim' | 'ring' | 'ring_band'
 *   event_id       the event's id
 *   source_ids, source_publishers_en, source_publishers_ar, source_titles_en, source_titles_ar,
 *   source_dates (YYYY-MM-DD or empty), source_urls (or empty): the record's sources, joined
 *
 * place (the stored geometry: a point, or a region's polygon):
 *   id, kind, kind_label_en, kind_label_ar (null unless the data words the kind), role
 *   ('event' | 'context'), country (basemap country name, or null), name_en, name_ar,
 *   approximate (true: never a confident pin), precision_km (stated error, or null when
 *   unknown), precision_en, precision_ar (how precise, and why, in words),
 *   sector_around, sector_inner_km, sector_outer_km, sector_from_bearing, sector_to_bearing
 *   (for a place only located relative to another: the sector the map draws, bearings in
 *   compass degrees clockwise; all null otherwise)
 *
 * claim (one per party: the area the map draws for its version, from claimArea):
 *   party_id, party_name_en, party_name_ar, party_short_en, party_short_ar,
 *   mark_color, mark_line, mark_fill (the party's colour, line style and fill pattern on the map),
 *   place_en, place_ar (the claimed place as the party put it), precision_en, precision_ar,
 *   supplied_by (party id, or 'editors'), supplied_by_en, supplied_by_ar (its name),
 *   drawn_from_kind ('place' | 'ring'), drawn_from_id (the place or ring the area is drawn from)
 *
 * ring (the circle) and ring_band (radius ± band_km, only for a ring with a band):
 *   id, center (place id), center_en, center_ar (its name), radius_km, band_km (or null),
 *   label_en, label_ar, note_en, note_ar
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { claimArea, placeById, ringGeometry } from './geometry.ts';
import type { LocalizedText, NewsEvent, Place, RingSpec, SourceRef, Version } from './types.ts';

export { DOWNLOADS_DIR, downloadFiles } from './downloads.ts';

/** Joins the items of a list inside one cell or property. */
export const LIST_SEPARATOR = ' | ';

/** `suppliedBy` names the editors when they, not a party, drew the area (see load-event.ts). */
const EDITORS_ID = 'editors';
const EDITORS_NAME: LocalizedText = { en: 'The editors', ar: 'المحررون' };

function sourceById(event: NewsEvent, id: string): SourceRef {
  const source = event.sources.find((s) => s.id === id);
  if (source === undefined) throw new Error(`sourceById: no source "${id}" in event "${event.id}"`);
  return source;
}

const joined = (items: readonly string[]): string => items.join(LIST_SEPARATOR);

/** The sources' ids, publishers, titles, dates and URLs, each list joined in the same order. */
function sourceColumns(event: NewsEvent, ids: readonly string[]) {
  const sources = ids.map((id) => sourceById(event, id));
  return {
    source_ids: joined(ids),
    source_publishers_en: joined(sources.map((s) => s.publisher.en)),
    source_publishers_ar: joined(sources.map((s) => s.publisher.ar)),
    source_titles_en: joined(sources.map((s) => s.title.en)),
    source_titles_ar: joined(sources.map((s) => s.title.ar)),
    source_dates: joined(sources.map((s) => s.date ?? '')),
    source_urls: joined(sources.map((s) => s.url ?? '')),
  };
}

type SourceProperties = ReturnType<typeof sourceColumns>;

export interface PlaceProperties extends SourceProperties {
  feature_type: 'place';
  event_id: string;
  id: string;
  kind: string;
  kind_label_en: string | null;
  kind_label_ar: string | null;
  role: 'event' | 'context';
  country: string | null;
  name_en: string;
  name_ar: string;
  approximate: boolean;
  precision_km: number | null;
  precision_en: string;
  precision_ar: string;
  sector_around: string | null;
  sector_inner_km: number | null;
  sector_outer_km: number | null;
  sector_from_bearing: number | null;
  sector_to_bearing: number | null;
}

export interface ClaimProperties extends SourceProperties {
  feature_type: 'claim';
  event_id: string;
  party_id: string;
  party_name_en: string;
  party_name_ar: string;
  party_short_en: string;
  party_short_ar: string;
  mark_color: string;
  mark_line: string;
  mark_fill: string;
  place_en: string;
  place_ar: string;
  precision_en: string;
  precision_ar: string;
  supplied_by: string;
  supplied_by_en: string;
  supplied_by_ar: string;
  drawn_from_kind: 'place' | 'ring';
  drawn_from_id: string;
}

export interface RingProperties extends SourceProperties {
  feature_type: 'ring' | 'ring_band';
  event_id: string;
  id: string;
  center: string;
  center_en: string;
  center_ar: string;
  radius_km: number;
  band_km: number | null;
  label_en: string;
  label_ar: string;
  note_en: string;
  note_ar: string;
}

export type ExportProperties = PlaceProperties | ClaimProperties | RingProperties;
export type ExportFeature = Feature<Point | Polygon | MultiPolygon, ExportProperties>;

function placeFeature(event: NewsEvent, place: Place): Feature<Place['geometry'], PlaceProperties> {
  const u = place.uncertainty;
  return {
    type: 'Feature',
    id: `place:${place.id}`,
    geometry: place.geometry,
    properties: {
      feature_type: 'place',
      event_id: event.id,
      id: place.id,
      kind: place.kind,
      kind_label_en: place.kindLabel?.en ?? null,
      kind_label_ar: place.kindLabel?.ar ?? null,
      role: place.role,
      country: place.country ?? null,
      name_en: place.name.en,
      name_ar: place.name.ar,
      approximate: place.approximate,
      precision_km: place.precisionKm,
      precision_en: place.precision.en,
      precision_ar: place.precision.ar,
      sector_around: u?.around ?? null,
      sector_inner_km: u?.innerKm ?? null,
      sector_outer_km: u?.outerKm ?? null,
      sector_from_bearing: u?.fromBearing ?? null,
      sector_to_bearing: u?.toBearing ?? null,
      ...sourceColumns(event, place.sources),
    },
  };
}

/** The party's name, or the editors', for `suppliedBy`. */
function supplierName(event: NewsEvent, id: string): LocalizedText {
  if (id === EDITORS_ID) return EDITORS_NAME;
  const party = event.parties.find((p) => p.id === id);
  if (party === undefined) throw new Error(`supplierName: no party "${id}" in event "${event.id}"`);
  return party.name;
}

function partyOf(event: NewsEvent, version: Version) {
  const party = event.parties.find((p) => p.id === version.party);
  if (party === undefined) throw new Error(`partyOf: no party "${version.party}" in event "${event.id}"`);
  return party;
}

function claimFeature(event: NewsEvent, version: Version): Feature<Polygon | MultiPolygon, ClaimProperties> {
  const party = partyOf(event, version);
  const { place } = version;
  const supplier = supplierName(event, place.suppliedBy);
  return {
    type: 'Feature',
    id: `claim:${party.id}`,
    geometry: claimArea(event, version).geometry,
    properties: {
      feature_type: 'claim',
      event_id: event.id,
      party_id: party.id,
      party_name_en: party.name.en,
      party_name_ar: party.name.ar,
      party_short_en: party.shortName.en,
      party_short_ar: party.shortName.ar,
      mark_color: party.mark.color,
      mark_line: party.mark.line,
      mark_fill: party.mark.fill,
      place_en: place.label.en,
      place_ar: place.label.ar,
      precision_en: place.precision.en,
      precision_ar: place.precision.ar,
      supplied_by: place.suppliedBy,
      supplied_by_en: supplier.en,
      supplied_by_ar: supplier.ar,
      drawn_from_kind: place.geometry.kind,
      drawn_from_id: place.geometry.kind === 'place' ? place.geometry.place : place.geometry.ring,
      ...sourceColumns(event, version.sources),
    },
  };
}

function ringFeatures(event: NewsEvent, ring: RingSpec): Feature<Polygon, RingProperties>[] {
  const { line, band } = ringGeometry(event, ring);
  const center = placeById(event, ring.center);
  const properties = (featureType: RingProperties['feature_type']): RingProperties => ({
    feature_type: featureType,
    event_id: event.id,
    id: ring.id,
    center: ring.center,
    center_en: center.name.en,
    center_ar: center.name.ar,
    radius_km: ring.radiusKm,
    band_km: ring.bandKm ?? null,
    label_en: ring.label.en,
    label_ar: ring.label.ar,
    note_en: ring.note.en,
    note_ar: ring.note.ar,
    ...sourceColumns(event, ring.sources),
  });
  const features: Feature<Polygon, RingProperties>[] = [
    { type: 'Feature', id: `ring:${ring.id}`, geometry: line.geometry, properties: properties('ring') },
  ];
  if (band)
    features.push({ type: 'Feature', id: `ring_band:${ring.id}`, geometry: band.geometry, properties: properties('ring_band') });
  return features;
}

/**
 * The event as one GeoJSON FeatureCollection (RFC 7946, WGS84): every place, then every party's
 * claimed area in the parties' order, then every ring (and its band). Properties: see the top
 * of this file.
 */
export function eventGeoJson(event: NewsEvent): FeatureCollection<Point | Polygon | MultiPolygon, ExportProperties> {
  return {
    type: 'FeatureCollection',
    features: [
      ...event.places.map((p): ExportFeature => placeFeature(event, p)),
      ...event.versions.map((v): ExportFeature => claimFeature(event, v)),
      ...event.rings.flatMap((r): ExportFeature[] => ringFeatures(event, r)),
    ],
  };
}

/**
 * The claims CSV's columns, in order; its header row is these names. A list is its items joined
 * with " | ", in the same order across the columns that list the same things:
 *   later_en / later_ar     each later statement as "YYYY-MM-DD: text (source ids)"
 *   quotes_original         each quote as the party said it, "[language tag] words"
 *   quotes_en / quotes_ar   each quote in that language: the editors' translation, or the
 *                           original itself when it was said in that language
 *   quote_sources           each quote's source id
 *   source_*                the version's sources (ids, publishers, titles, dates, URLs)
 */
export const CLAIMS_CSV_COLUMNS = [
  'party_id',
  'party_name_en',
  'party_name_ar',
  'speaker_en',
  'speaker_ar',
  'channel_en',
  'channel_ar',
  'time_en',
  'time_ar',
  'time_utc',
  'target_en',
  'target_ar',
  'place_en',
  'place_ar',
  'precision_en',
  'precision_ar',
  'supplied_by',
  'supplied_by_en',
  'supplied_by_ar',
  'weapons_en',
  'weapons_ar',
  'damage_en',
  'damage_ar',
  'later_en',
  'later_ar',
  'quotes_original',
  'quotes_en',
  'quotes_ar',
  'quote_sources',
  'source_ids',
  'source_publishers_en',
  'source_publishers_ar',
  'source_titles_en',
  'source_titles_ar',
  'source_dates',
  'source_urls',
] as const;

export type ClaimsCsvColumn = (typeof CLAIMS_CSV_COLUMNS)[number];
export type ClaimsCsvRow = Readonly<Record<ClaimsCsvColumn, string>>;

/** The quote in `lang`: the original when it was said in that language, else the editors' translation. */
function quoteIn(quote: Version['quotes'][number], lang: 'en' | 'ar'): string {
  const primary = quote.original.lang.split('-')[0];
  return primary === lang ? quote.original.text : (quote.translations[lang] ?? '');
}

/**
 * One row per party's version, in the parties' order, as the raw text of the data (the CSV
 * writer quotes it and defuses spreadsheet formulas; see scripts/vite-plugins/downloads.ts).
 */
export function claimsCsvRows(event: NewsEvent): ClaimsCsvRow[] {
  return event.versions.map((version): ClaimsCsvRow => {
    const party = partyOf(event, version);
    const supplier = supplierName(event, version.place.suppliedBy);
    const later = (lang: 'en' | 'ar') => joined(version.later.map((s) => `${s.date}: ${s.text[lang]} (${s.sources.join(', ')})`));
    const sources = sourceColumns(event, version.sources);
    return {
      party_id: party.id,
      party_name_en: party.name.en,
      party_name_ar: party.name.ar,
      speaker_en: version.speaker.en,
      speaker_ar: version.speaker.ar,
      channel_en: version.channel.en,
      channel_ar: version.channel.ar,
      time_en: version.time.text.en,
      time_ar: version.time.text.ar,
      time_utc: version.time.utc ?? '',
      target_en: version.target.en,
      target_ar: version.target.ar,
      place_en: version.place.label.en,
      place_ar: version.place.label.ar,
      precision_en: version.place.precision.en,
      precision_ar: version.place.precision.ar,
      supplied_by: version.place.suppliedBy,
      supplied_by_en: supplier.en,
      supplied_by_ar: supplier.ar,
      weapons_en: version.weapons.en,
      weapons_ar: version.weapons.ar,
      damage_en: version.damage.en,
      damage_ar: version.damage.ar,
      later_en: later('en'),
      later_ar: later('ar'),
      quotes_original: joined(version.quotes.map((q) => `[${q.original.lang}] ${q.original.text}`)),
      quotes_en: joined(version.quotes.map((q) => quoteIn(q, 'en'))),
      quotes_ar: joined(version.quotes.map((q) => quoteIn(q, 'ar'))),
      quote_sources: joined(version.quotes.map((q) => q.source)),
      ...sources,
    };
  });
}
