/**
 * The event's domain model, typed once. Everything here comes out of `load-event.ts`,
 * which validated it; code after the loader trusts these types.
 */
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
}

export const PLACE_KINDS = ['military-base', 'town', 'city', 'capital', 'border-crossing', 'camp', 'ridge', 'region'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

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
  /** The Arabic original, verbatim from the source. */
  readonly ar: string;
  /** The editors' English translation. */
  readonly en: string;
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

export interface NewsEvent {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly occurred: {
    readonly utc: string;
    readonly timeZone: string;
    readonly approximate: boolean;
    readonly note: LocalizedText;
  };
  /** Initial view: [[west, south], [east, north]]. */
  readonly view: { readonly bounds: readonly [LonLat, LonLat] };
  readonly places: readonly Place[];
  readonly rings: readonly RingSpec[];
  readonly parties: readonly Party[];
  /** One version per party, in the parties' order. */
  readonly versions: readonly Version[];
  readonly known: readonly KnownFact[];
  readonly sources: readonly SourceRef[];
}

/** Basemap layers as shipped in data/basemap/, each validated for geometry type and name. */
export interface Basemap {
  readonly countries: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  readonly boundaryLines: FeatureCollection<LineString | MultiLineString>;
  readonly rivers: FeatureCollection<LineString | MultiLineString, { name: string | null }>;
  readonly lakes: FeatureCollection<Polygon | MultiPolygon, { name: string | null }>;
  readonly regions: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  readonly populatedPlaces: FeatureCollection<Point, { name: string; scalerank: number }>;
  /** Where the map prints country names: cartographic placements, not locations. */
  readonly labels: FeatureCollection<Point, { name: string; name_ar: string }>;
}

export type BasemapFeature = Feature;
