/**
 * The event's domain model, typed once. Everything here comes out of `load-event.ts`,
 * which validated it; code after the loader trusts these types.
 */
import type { MapLayer } from './layers.ts';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

export const LANGS = ['en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** A piece of content in every language the app speaks. */
export type LocalizedText = Readonly<Record<Lang, string>>;

/** [longitude, latitude], WGS84, GeoJSON order. */
export type LonLat = readonly [number, number];

export interface SourceRef {
  readonly id: string;
  readonly publisher: LocalizedText;
  readonly title: LocalizedText;
  /** ISO date (YYYY-MM-DD) of publication, when known. */
  readonly date?: string;
  readonly url?: string;
  /** What the source supports, in words, shown in the sources list. */
  readonly supports?: LocalizedText;
  /** Absolute URL of an archived copy (a web archive's snapshot), when one exists. */
  readonly archived?: string;
}

/**
 * Kinds of place the documentation names and the schema suggests. The list is open: any
 * lower-case kebab-case word (`village`, `depot`, `hospital`) is a kind too, with `kindLabel`
 * to say it in words.
 */
export const KNOWN_PLACE_KINDS = [
  'military-base',
  'village',
  'town',
  'city',
  'capital',
  'border-crossing',
  'camp',
  'ridge',
  'region',
  'site',
] as const;
export type PlaceKind = string;

/** An area drawn instead of a pin when a place is named but not located. */
export interface SectorUncertainty {
  readonly kind: 'sector';
  /** Place id the sector is measured from. */
  readonly around: string;
  readonly innerKm: number;
  readonly outerKm: number;
  /** Compass bearings in degrees, clockwise from `fromBearing` to `toBearing`. */
  readonly fromBearing: number;
  readonly toBearing: number;
}

export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  /** The kind in words, when it is not one the reader would guess from the name. */
  readonly kindLabel?: LocalizedText;
  /** The basemap country the place lies in (its `name` in countries.geojson), when stated: checked at build time. */
  readonly country?: string;
  /** `event` places are part of the story; `context` places orient the reader. */
  readonly role: 'event' | 'context';
  readonly name: LocalizedText;
  /** True when the position is a placeholder or a region: never draw it as a confident pin. */
  readonly approximate: boolean;
  /** Which side of its marker the name is printed on, where neighbours would collide. */
  readonly labelSide: 'left' | 'right';
  /** Stated position error in km, or null when unknown. */
  readonly precisionKm: number | null;
  /** How precise the location is, and why, in words. */
  readonly precision: LocalizedText;
  readonly uncertainty?: SectorUncertainty;
  readonly sources: readonly string[];
  readonly geometry: Point | Polygon | MultiPolygon;
  /** A point to anchor the label: the point itself, or a representative point of an area. */
  readonly anchor: LonLat;
}

/** A circle around a place, computed at load time; never stored as a polygon. */
export interface RingSpec {
  readonly id: string;
  readonly center: string;
  readonly radiusKm: number;
  /** Half-width of the shaded band drawn around the ring for a vague distance ("about 35 km"). */
  readonly bandKm?: number;
  readonly label: LocalizedText;
  readonly note: LocalizedText;
  readonly sources: readonly string[];
}

export const LINE_STYLES = ['solid', 'dashed', 'dotted'] as const;
export const FILL_PATTERNS = ['hatch', 'dots', 'cross'] as const;

export interface Party {
  readonly id: string;
  readonly name: LocalizedText;
  readonly shortName: LocalizedText;
  /** Colour *and* shape, so that no party is told apart by colour alone. */
  readonly mark: {
    readonly color: string;
    readonly line: (typeof LINE_STYLES)[number];
    readonly fill: (typeof FILL_PATTERNS)[number];
  };
}

export type ClaimGeometryRef =
  { readonly kind: 'place'; readonly place: string } | { readonly kind: 'ring'; readonly ring: string };

export interface ClaimedPlace {
  readonly label: LocalizedText;
  /** Precision label in words, saying who supplied the location. */
  readonly precision: LocalizedText;
  /** Party id (or `editors`) that supplied the location. */
  readonly suppliedBy: string;
  readonly geometry: ClaimGeometryRef;
}

export interface Quote {
  /** The words as the party said or wrote them, verbatim from the source. */
  readonly original: {
    /** BCP 47 language tag of the original, e.g. `ar`, `en`, `fr`. */
    readonly lang: string;
    readonly dir: 'ltr' | 'rtl';
    readonly text: string;
  };
  /** The editors' translation into each app language other than the original's. */
  readonly translations: Readonly<Partial<Record<Lang, string>>>;
  readonly source: string;
}

export interface LaterStatement {
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  readonly text: LocalizedText;
  readonly sources: readonly string[];
}

export interface Version {
  readonly party: string;
  readonly speaker: LocalizedText;
  readonly channel: LocalizedText;
  /** The time the party gave for the strike: `utc` is null when it gave none. */
  readonly time: { readonly utc: string | null; readonly text: LocalizedText };
  readonly target: LocalizedText;
  readonly place: ClaimedPlace;
  readonly weapons: LocalizedText;
  readonly damage: LocalizedText;
  readonly later: readonly LaterStatement[];
  readonly quotes: readonly Quote[];
  readonly sources: readonly string[];
}

export interface KnownFact {
  readonly id: string;
  readonly text: LocalizedText;
  readonly sources: readonly string[];
}

/**
 * How precise a timeline entry's time is: `exact` and `about` give an instant (`utc`), `about`
 * being a time the source hedged ("about 8 pm"); `day` gives only the day, `month` only the
 * month (the day of `date` is then not printed).
 */
export const TIMELINE_PRECISIONS = ['exact', 'about', 'day', 'month'] as const;
export type TimelinePrecision = (typeof TIMELINE_PRECISIONS)[number];

/** When a timeline entry happened, as precisely as the sources say. */
export interface TimelineWhen {
  /** ISO date (YYYY-MM-DD), the day in the event's time zone (`occurred.timeZone`). */
  readonly date: string;
  /** The instant in UTC, ending in Z: given exactly when `precision` is `exact` or `about`. */
  readonly utc?: string;
  readonly precision: TimelinePrecision;
}

/**
 * Where the source article gives a wrong date and the entry gives the right one: what the
 * article says, and the editors' note on why the entry differs.
 */
export interface TimelineCorrection {
  readonly articleSays: LocalizedText;
  readonly note: LocalizedText;
}

/** One dated step of the story, in chronological order with the others. */
export interface TimelineEntry {
  readonly id: string;
  readonly when: TimelineWhen;
  /** The party the entry concerns (its statement, its claim), for selecting it; none for a plain fact. */
  readonly party?: string;
  readonly text: LocalizedText;
  readonly sources: readonly string[];
  readonly correction?: TimelineCorrection;
}

/**
 * The questions a comparison mark may be about: the card sections the comparison table's rows
 * use (src/panel/party-card.tsx has the card's own list, CARD_SECTIONS, which adds quotes and
 * sources). Defined here so that the data's vocabulary lives in the domain.
 */
export const COMPARISON_QUESTIONS = ['speaker', 'channel', 'time', 'target', 'place', 'weapons', 'damage', 'later'] as const;
export type ComparisonQuestion = (typeof COMPARISON_QUESTIONS)[number];

export const COMPARISON_KINDS = ['agree', 'contradict'] as const;
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

/**
 * An editors' judgement that two or more parties agree, or contradict each other, on one
 * question: made by people from the sources, never computed from the texts.
 */
export interface ComparisonMark {
  readonly id: string;
  readonly question: ComparisonQuestion;
  readonly kind: ComparisonKind;
  /** Party ids, at least two, all different, in the order event.json gives them. */
  readonly between: readonly string[];
  /** Between whom and why, in words. */
  readonly note: LocalizedText;
  readonly sources: readonly string[];
}

export interface Comparison {
  readonly marks: readonly ComparisonMark[];
}

/** A name printed on the map (a country, a sea): a cartographic placement, not a location. */
export interface MapLabel {
  readonly name: LocalizedText;
  readonly at: LonLat;
}

/** A basemap river whose name the map prints, in the event's languages. */
export interface RiverLabel {
  /** Its `name` values in the basemap's rivers layer (Natural Earth names one river several ways). */
  readonly match: readonly string[];
  readonly label: LocalizedText;
}

/** What the event asks of the basemap: which one, and what of it to bring forward. */
export interface EventMap {
  /** The basemap folder as given in event.json (relative to the event folder), or null for data/basemap. */
  readonly basemap: string | null;
  /** Basemap countries (`name` in countries.geojson) drawn lighter, as the story's setting. */
  readonly highlightCountries: readonly string[];
  /** Basemap regions (`name` in regions.geojson) shaded, such as a desert the story speaks of. */
  readonly regions: readonly string[];
  readonly rivers: readonly RiverLabel[];
  readonly labels: readonly MapLabel[];
}

/**
 * An event as its files state it, validated: everything but what the build measures from it
 * (`NewsEvent.derived`).
 */
export interface EventData {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** One or two sentences for search results and share previews (meta description). */
  readonly description: LocalizedText;
  /**
   * The map's caption. `{distance:<place>:<place>}` is replaced by the computed distance
   * between two places, so the words follow the geometry.
   */
  readonly caption: LocalizedText;
  /** The footer's credits: basemap, source article, editors. */
  readonly credits: LocalizedText;
  readonly occurred: {
    readonly utc: string;
    readonly timeZone: string;
    /** The time zone as readers say it ("Syria time"), printed after local times. */
    readonly timeZoneName: LocalizedText;
    readonly approximate: boolean;
    readonly note: LocalizedText;
  };
  /** Initial view: [[west, south], [east, north]]; derived from the claims when event.json gives none. */
  readonly view: { readonly bounds: readonly [LonLat, LonLat] };
  readonly map: EventMap;
  readonly places: readonly Place[];
  readonly rings: readonly RingSpec[];
  readonly parties: readonly Party[];
  /** One version per party, in the parties' order. */
  readonly versions: readonly Version[];
  readonly known: readonly KnownFact[];
  /** Dated steps of the story, in chronological order; empty when event.json gives none. */
  readonly timeline: readonly TimelineEntry[];
  /** The editors' agree/contradict marks between parties; no marks when event.json gives none. */
  readonly comparison: Comparison;
  readonly sources: readonly SourceRef[];
  /** The guided story for a class or a first-time reader; null when event.json gives none. */
  readonly story: Story | null;
}

/** What a party's claimed location is: a named area (a sector, a region), a distance ring, or a point place. */
export type ClaimKind = 'area' | 'ring' | 'point';

/** The measured distance between two claims, in kilometres (see src/domain/gaps.ts). */
export interface AreaGap {
  readonly nearestKm: number;
  readonly farthestKm: number;
  /** `[on the first area, on the second]`, realising `nearestKm`. */
  readonly nearestPoints: readonly [LonLat, LonLat];
  /** `[on the first area, on the second]`, realising `farthestKm`. */
  readonly farthestPoints: readonly [LonLat, LonLat];
  /** The areas share at least one point (they overlap or touch): then `nearestKm` is 0. */
  readonly overlaps: boolean;
}

export interface ClaimGap extends AreaGap {
  /** `<from>--<to>`: stable, one per unordered pair. */
  readonly id: string;
  /** Party ids, `from` before `to` in the event's parties order. */
  readonly from: string;
  readonly to: string;
  readonly fromKind: ClaimKind;
  readonly toKind: ClaimKind;
  /** Between the claims' reference points: a place's anchor, or a ring's centre. */
  readonly centreDistanceKm: number;
}

export interface GapLineProperties {
  /** The gap's id, `<from>--<to>`. */
  readonly id: string;
  /** Party ids, in the parties' order: the line runs from `from`'s claim to `to`'s. */
  readonly from: string;
  readonly to: string;
  readonly fromKind: ClaimKind;
  readonly toKind: ClaimKind;
  /** Measured, unrounded (see src/domain/gaps.ts). */
  readonly nearestKm: number;
  readonly farthestKm: number;
  readonly centreDistanceKm: number;
  /** The range as a label may print it (roundDistanceRange): e.g. 65 and 190 for 65.3–189.6 km. */
  readonly lowKm: number;
  readonly highKm: number;
}

/** One party's claim as the map draws it, measured from the data (src/domain/derive.ts). */
export interface DerivedClaim {
  readonly party: string;
  /** The claimed area: a sector, a polygon, a ring's band, or a point's precision circle. */
  readonly area: Polygon | MultiPolygon;
  /** In km², so a click where claims overlap can pick the most specific one. */
  readonly areaKm2: number;
  /** The line that best states the claim: the ring itself for a distance, else the area's edge. */
  readonly outline: Polygon | MultiPolygon;
  /** Where the claim's badge goes, and the compass bearing pointing out of the claim there (null inside an area). */
  readonly label: { readonly at: LonLat; readonly outwardBearing: number | null };
  /** The box that frames the claim whole: [[west, south], [east, north]]. */
  readonly bounds: readonly [LonLat, LonLat];
}

/**
 * Everything the build measures from an event's data with Turf, once, so that no reader's
 * browser carries Turf or spends time on it: the claims as areas, the context rings, the gaps
 * between claims and their lines, and the distances the caption names.
 */
export interface DerivedGeometry {
  /** One per version, in the versions' order. */
  readonly claims: readonly DerivedClaim[];
  /** The rings no party claims (such as a de-confliction zone), as polygons. */
  readonly contextRings: readonly { readonly id: string; readonly line: Polygon }[];
  /** Every unordered pair of claims, in the parties' order. */
  readonly gaps: readonly ClaimGap[];
  /** A great-circle line for each gap whose claims do not overlap. */
  readonly gapLines: FeatureCollection<LineString, GapLineProperties>;
  /** The distance between two places' anchors, by `<place>:<place>`, for each `{distance:…}` of the caption. */
  readonly placeDistancesKm: Readonly<Record<string, number>>;
  /** The box holding every claim and event place. */
  readonly bounds: readonly [LonLat, LonLat];
}

/** A validated event with what the build measured from it: what the app is given. */
export interface NewsEvent extends EventData {
  readonly derived: DerivedGeometry;
}

/**
 * Where a chapter (or one of its buttons) puts the map: a box fitted to the map's size, or an
 * exact centre and zoom.
 */
export type StoryCamera = { readonly bounds: readonly [LonLat, LonLat] } | { readonly center: LonLat; readonly zoom: number };

/**
 * A change of view a chapter offers as a button ("Show SANA's area"). It is never needed to go
 * on: the chapter's own view is always back one "Reset view" away.
 */
export interface StoryAction {
  readonly id: string;
  readonly label: LocalizedText;
  /** The party to highlight; absent leaves the chapter's. */
  readonly party?: string;
  readonly camera?: StoryCamera;
  /** The layers to show; absent leaves the chapter's. */
  readonly layers?: readonly MapLayer[];
}

/** One step of the story: what the reader sees (text) and what the map shows (the rest). */
export interface StoryChapter {
  readonly id: string;
  readonly title: LocalizedText;
  /** Paragraphs are separated by a blank line. */
  readonly text: LocalizedText;
  readonly camera: StoryCamera;
  /** The party whose version the chapter highlights; null for none. */
  readonly party: string | null;
  /** Places (from places.geojson or areas.geojson) the map marks out in this chapter. */
  readonly places: readonly string[];
  /** The layers shown; every layer not listed is hidden. Absent in the data: the default set. */
  readonly layers: readonly MapLayer[] | null;
  /** A line under the legend for this chapter only (what to look at). */
  readonly note: LocalizedText | null;
  readonly actions: readonly StoryAction[];
  /** Ids of the sources that support the chapter's text. */
  readonly sources: readonly string[];
}

export interface Story {
  readonly title: LocalizedText;
  readonly chapters: readonly StoryChapter[];
  /** Questions for discussion: in the story's last chapter and on the printed handout. */
  readonly questions: readonly LocalizedText[];
}

/** Basemap layers as shipped in data/basemap/, each validated for geometry type and name. */
export interface Basemap {
  readonly countries: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  readonly boundaryLines: FeatureCollection<LineString | MultiLineString>;
  readonly rivers: FeatureCollection<LineString | MultiLineString, { name: string | null }>;
  readonly lakes: FeatureCollection<Polygon | MultiPolygon, { name: string | null }>;
  readonly regions: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  readonly populatedPlaces: FeatureCollection<Point, { name: string; scalerank: number }>;
}

/** data/basemap/basemap.json (or another basemap folder's): what the folder covers. */
export interface BasemapManifest {
  /** [[west, south], [east, north]]: the layers were clipped to this box. */
  readonly extent: readonly [LonLat, LonLat];
}

export type BasemapFeature = Feature;
export type BasemapLayer = keyof Basemap;
