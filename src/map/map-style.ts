/**
 * The map's style as data: the embedded Natural Earth basemap and the event's layers. No
 * tile, glyph or sprite URL: every source is a same-origin GeoJSON file or an in-memory
 * object, and canvas text is drawn from the page's own self-hosted font (MapLibre renders
 * glyphs locally when the style has no `glyphs` URL).
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang, NewsEvent, Party } from '../domain/types.ts';
import { localize } from '../i18n/index.ts';
import type { EventSources } from './event-sources.ts';
import { claimWeights, composite, hexToRgb, inkAgainst } from './ink.ts';

export type BasemapUrls = Readonly<Record<'countries' | 'boundaryLines' | 'rivers' | 'lakes' | 'regions', string>>;

/**
 * Canvas labels are drawn by MapLibre from the page's own fonts (no glyph server, no
 * `font-faces` download of a file the page already has): each codepoint goes to the first
 * family that covers it, Latin to Noto Sans and Arabic to Noto Sans Arabic (their @font-face
 * unicode-ranges in src/styles/fonts.css), and MapLibre 6 joins and orders the Arabic itself.
 * The map is created only once they are loaded: see `labelFontsReady` in map-controller.ts.
 */
export const LABEL_FONT = ['Noto Sans', 'Noto Sans Arabic'];

/**
 * What to ask `document.fonts` for before the map draws its first label in `lang`: the Latin
 * face always (scale bar, numbers), and the Arabic face with the event's own Arabic names, so
 * that the browser fetches the unicode-range files those names need.
 */
export function labelFontRequests(event: NewsEvent, lang: Lang): { font: string; text?: string }[] {
  if (lang !== 'ar') return [{ font: '400 16px "Noto Sans"' }];
  const names = [
    ...event.map.labels.map((l) => l.name.ar),
    ...event.map.rivers.map((r) => r.label.ar),
    ...event.rings.map((r) => r.label.ar),
  ];
  return [{ font: '400 16px "Noto Sans"' }, { font: '400 16px "Noto Sans Arabic"', text: names.join(' ') || 'ا' }];
}

/**
 * The canvas's country names: their layer, and their size and letter spacing (ems), which the
 * markers binding also uses to estimate the box MapLibre draws them in and keep HTML labels
 * off them. The wide-spaced capitals of the Latin names have no Arabic counterpart, and spacing
 * would pull joined letters apart (MapLibre skips it for Arabic anyway; the style says so).
 */
export const COUNTRY_LABEL_LAYER = 'country-label';
export function countryLabelText(lang: Lang): { readonly size: number; readonly letterSpacing: number } {
  return lang === 'ar' ? { size: 15, letterSpacing: 0 } : { size: 14, letterSpacing: 0.2 };
}
/** The smallest text the style draws (river and ring names), in px. */
const SMALLEST_MAP_TEXT = 12;
/** The smallest map text in presentation mode, in px: read from the back of a classroom. */
export const PRESENTATION_MAP_TEXT = 20;

/** How much the canvas's text is scaled: 1, or enough for 20 px in presentation mode. */
export function mapTextScale(isPresenting: boolean): number {
  return isPresenting ? PRESENTATION_MAP_TEXT / SMALLEST_MAP_TEXT : 1;
}

/** The context rings' names (the 55 km zone), drawn at a point the markers binding chooses. */
export const RING_LABEL_TEXT = { size: 12 } as const;

export const SOURCE_IDS = {
  countries: 'countries',
  boundaryLines: 'boundary-lines',
  rivers: 'rivers',
  lakes: 'lakes',
  regions: 'regions',
  labels: 'labels',
  claimAreas: 'claim-areas',
  claimOutlines: 'claim-outlines',
  contextRings: 'context-rings',
  /** Where the rings' names go: points written by the markers binding (bindings/markers.ts). */
  contextRingLabels: 'context-ring-labels',
  mapLabels: 'map-labels',
  gapLines: 'gap-lines',
} as const;

export const LAYER_IDS = {
  claimFill: 'claim-fill',
  claimOutline: (partyId: string) => `claim-outline-${partyId}`,
  contextRingLine: 'context-ring-line',
  contextRingLabel: 'context-ring-label',
  gapLine: 'gap-line',
} as const;

export const patternImageId = (partyId: string) => `pattern-${partyId}`;

const isSelected: ExpressionSpecification = ['==', ['get', 'party'], ['global-state', 'selectedParty']];
const noneSelected: ExpressionSpecification = ['==', ['global-state', 'selectedParty'], ''];

const DASHES: Record<Party['mark']['line'], number[] | undefined> = {
  solid: undefined,
  dashed: [4, 2],
  dotted: [0.6, 1.6],
};

export interface MapPalette {
  readonly sea: string;
  readonly land: string;
  /** The countries the event highlights as its setting. */
  readonly focus: string;
  readonly desert: string;
  readonly water: string;
  readonly river: string;
  readonly border: string;
  readonly contextRing: string;
  readonly countryLabel: string;
  readonly riverLabel: string;
  readonly halo: string;
  /** The measured gaps' lines and labels: ink, not any party's colour. */
  readonly gap: string;
  /**
   * The contrast a party's lines and patterns keep against every ground they cross (see
   * `partyInk`): 3:1 (WCAG 1.4.11) on the light map, more on the dark one, where the context
   * ring and the borders are drawn at 3:1 and the claims must stay the brightest shapes.
   */
  readonly partyContrast: number;
  readonly tone: 'light' | 'dark';
}

/** The basemap's colours, light (the default) and dark (`?theme=dark`, or auto at night). */
export const PALETTES: Readonly<Record<'light' | 'dark', MapPalette>> = {
  light: {
    sea: '#c6dcea',
    land: '#ece7dc',
    focus: '#f8f5ee',
    desert: '#e8dcc0',
    water: '#c6dcea',
    river: '#4a8cc4',
    border: '#6f675a',
    contextRing: '#4d4d4d',
    countryLabel: '#7a7365',
    riverLabel: '#2f6a9c',
    halo: '#f8f5ee',
    gap: '#1f1d1a',
    partyContrast: 3,
    tone: 'light',
  },
  dark: {
    sea: '#16232d',
    land: '#2a2926',
    focus: '#3a3935',
    desert: '#4d4533',
    water: '#16232d',
    river: '#5f95c6',
    border: '#aaa191',
    // Grey at 3:1, dimmer than every party's ink: a context, not the brightest shape.
    contextRing: '#a39e96',
    countryLabel: '#b9b2a4',
    riverLabel: '#8fb8de',
    halo: '#1f1e1b',
    gap: '#f2efe9',
    partyContrast: 4.5,
    tone: 'dark',
  },
};

/** The region's fill is drawn at this opacity over the countries. */
const REGION_OPACITY = 0.45;

/** Every ground the event's lines are drawn on: the countries, the focus countries, the desert over either. */
export function mapBackgrounds(palette: MapPalette): string[] {
  return [
    palette.land,
    palette.focus,
    composite(palette.desert, palette.land, REGION_OPACITY),
    composite(palette.desert, palette.focus, REGION_OPACITY),
  ];
}

/**
 * A party's colour as this palette draws it: the data's colour, lifted towards white on the
 * dark map (or deepened on a light one) just enough to keep `palette.partyContrast` against
 * every ground. On the light map the data's colours already do, and are drawn unchanged.
 */
export function partyInk(color: string, palette: MapPalette): string {
  return inkAgainst(color, mapBackgrounds(palette), palette.partyContrast, palette.tone === 'dark' ? 'white' : 'black');
}

/** The light palette, for code that draws without a theme (the static map's defaults). */
export const COLORS = PALETTES.light;

export function buildMapStyle(
  event: NewsEvent,
  basemap: BasemapUrls,
  sources: EventSources,
  lang: Lang,
  palette: MapPalette = PALETTES.light,
): StyleSpecification {
  const COLORS = palette;
  const weights = claimWeights(event);
  // A vaguer claim's fill is lighter (see claimWeights); a selected one is lifted, never to full ink.
  const byWeight = (scale: (weight: number) => number): ExpressionSpecification =>
    [
      'match',
      ['get', 'party'],
      ...event.parties.flatMap((p) => [p.id, Math.round(scale(weights[p.id] ?? 1) * 100) / 100]),
      scale(1),
    ] as unknown as ExpressionSpecification;
  const claimOutlineLayers = event.parties.map((party): LayerSpecification => ({
    id: LAYER_IDS.claimOutline(party.id),
    type: 'line',
    source: SOURCE_IDS.claimOutlines,
    filter: ['==', ['get', 'party'], party.id],
    layout: { 'line-join': 'round', 'line-cap': party.mark.line === 'dotted' ? 'round' : 'butt' },
    paint: {
      'line-color': partyInk(party.mark.color, palette),
      'line-width': ['case', isSelected, 4, noneSelected, 2.5, 1.75],
      'line-opacity': ['case', isSelected, 1, noneSelected, 0.95, 0.55],
      ...(DASHES[party.mark.line] ? { 'line-dasharray': DASHES[party.mark.line] } : {}),
    },
  }));

  return {
    version: 8,
    name: `${event.id}-offline`,
    state: { selectedParty: { default: '' } },
    sources: {
      [SOURCE_IDS.countries]: { type: 'geojson', data: basemap.countries },
      [SOURCE_IDS.boundaryLines]: { type: 'geojson', data: basemap.boundaryLines },
      [SOURCE_IDS.rivers]: { type: 'geojson', data: basemap.rivers },
      [SOURCE_IDS.lakes]: { type: 'geojson', data: basemap.lakes },
      [SOURCE_IDS.regions]: { type: 'geojson', data: basemap.regions },
      [SOURCE_IDS.mapLabels]: { type: 'geojson', data: sources.mapLabels },
      [SOURCE_IDS.gapLines]: { type: 'geojson', data: sources.gapLines },
      [SOURCE_IDS.claimAreas]: { type: 'geojson', data: sources.claimAreas },
      [SOURCE_IDS.claimOutlines]: { type: 'geojson', data: sources.claimOutlines },
      [SOURCE_IDS.contextRings]: { type: 'geojson', data: sources.contextRings },
      [SOURCE_IDS.contextRingLabels]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: SOURCE_IDS.countries,
        paint: {
          'fill-color': ['case', ['in', ['get', 'name'], ['literal', event.map.highlightCountries]], COLORS.focus, COLORS.land],
        },
      },
      {
        id: 'region-fill',
        type: 'fill',
        source: SOURCE_IDS.regions,
        filter: ['in', ['get', 'name'], ['literal', event.map.regions]],
        paint: { 'fill-color': COLORS.desert, 'fill-opacity': REGION_OPACITY },
      },
      { id: 'lakes-fill', type: 'fill', source: SOURCE_IDS.lakes, paint: { 'fill-color': COLORS.water } },
      {
        id: 'rivers-line',
        type: 'line',
        source: SOURCE_IDS.rivers,
        paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2.5] },
      },
      {
        id: 'boundaries-line',
        type: 'line',
        source: SOURCE_IDS.boundaryLines,
        paint: { 'line-color': COLORS.border, 'line-width': 1.2 },
      },
      {
        id: LAYER_IDS.claimFill,
        type: 'fill',
        source: SOURCE_IDS.claimAreas,
        paint: {
          'fill-pattern': ['concat', 'pattern-', ['get', 'party']],
          'fill-opacity': [
            'case',
            isSelected,
            byWeight((w) => 0.5 + 0.5 * w),
            noneSelected,
            byWeight((w) => 0.75 * Math.sqrt(w)),
            byWeight((w) => 0.3 * Math.sqrt(w)),
          ],
        },
      },
      {
        id: LAYER_IDS.contextRingLine,
        type: 'line',
        source: SOURCE_IDS.contextRings,
        paint: { 'line-color': COLORS.contextRing, 'line-width': 1.25, 'line-dasharray': [6, 3] },
      },
      ...claimOutlineLayers,
      {
        id: LAYER_IDS.gapLine,
        type: 'line',
        source: SOURCE_IDS.gapLines,
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { visibility: 'none', 'line-cap': 'round' },
        // Dashes long enough to read as a line on any ground; its labels are HTML markers,
        // placed with the others (bindings/markers.ts).
        paint: { 'line-color': COLORS.gap, 'line-width': 2.5, 'line-dasharray': [2.5, 1.5] },
      },
      {
        // One point label, beside the ring where it fits whole in the view: the markers binding
        // picks the point and the anchor after every move (see RING_LABEL_TEXT).
        id: LAYER_IDS.contextRingLabel,
        type: 'symbol',
        source: SOURCE_IDS.contextRingLabels,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': LABEL_FONT,
          'text-size': RING_LABEL_TEXT.size,
          'text-anchor': ['get', 'anchor'],
          // One line, as its box is estimated (the binding skips it where that does not fit).
          'text-max-width': 100,
        },
        paint: { 'text-color': COLORS.contextRing, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
      },
      {
        id: COUNTRY_LABEL_LAYER,
        type: 'symbol',
        source: SOURCE_IDS.mapLabels,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': countryLabelText(lang).size,
          'text-letter-spacing': countryLabelText(lang).letterSpacing,
          'text-allow-overlap': false,
        },
        paint: { 'text-color': COLORS.countryLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
      },
      ...event.map.rivers.map((river, i): LayerSpecification => ({
        id: `river-label-${i}`,
        type: 'symbol',
        source: SOURCE_IDS.rivers,
        filter: ['in', ['get', 'name'], ['literal', river.match]],
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 300,
          'text-field': localize(river.label, lang),
          'text-font': LABEL_FONT,
          'text-size': 12,
          'text-letter-spacing': lang === 'ar' ? 0 : 0.05,
        },
        paint: { 'text-color': '#2f6a9c', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
      })),
    ],
  };
}

/** The side of a pattern's tile at full weight, in CSS px. */
export const PATTERN_TILE = 8;

/** A pattern's tile side for a claim of `weight`: ink per area falls with the weight. */
export function patternTile(weight: number): number {
  return Math.round(PATTERN_TILE / Math.sqrt(weight));
}

/**
 * A tiling pattern per party, drawn into pixels here because the style has no sprite. The
 * three marks differ in shape (lines, dots, crosses), not only in colour. A lighter `weight`
 * (a vaguer claim: see claimWeights) spaces the marks further apart; `palette` gives the ink.
 */
export function patternImage(
  party: Party,
  pixelRatio: number,
  { palette = PALETTES.light, weight = 1 }: { palette?: MapPalette; weight?: number } = {},
): { width: number; height: number; data: Uint8Array } {
  const size = Math.round(patternTile(weight) * pixelRatio);
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = hexToRgb(partyInk(party.mark.color, palette));
  const plot = (x: number, y: number, alpha: number) => {
    const px = ((x % size) + size) % size;
    const py = ((y % size) + size) % size;
    const i = (py * size + px) * 4;
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    data[i + 3] = Math.max(data[i + 3] ?? 0, alpha);
  };
  const stroke = Math.max(1, Math.round(pixelRatio));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onDiagonal = (x + y) % size < stroke;
      const onCross = x % size < stroke || y % size < stroke;
      const centre = size / 2;
      const onDot = (x - centre) ** 2 + (y - centre) ** 2 <= (1.2 * pixelRatio) ** 2;
      if (party.mark.fill === 'hatch' && onDiagonal) plot(x, y, 200);
      if (party.mark.fill === 'cross' && onCross) plot(x, y, 130);
      if (party.mark.fill === 'dots' && onDot) plot(x, y, 220);
    }
  }
  return { width: size, height: size, data };
}
