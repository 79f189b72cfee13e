/**
 * The PNG export's pure parts: what the picture says (from the event and the language), where
 * each band and each piece of text goes, the scale bar's round length, and the file's name.
 * No DOM and no MapLibre: text is measured through a function the caller passes (a canvas's
 * `measureText` in the page, a fake in the tests). The drawing is png-export.ts's.
 *
 * Every length here is in CSS px of the map as it is on screen; the drawing multiplies them by
 * the export's scale. The layout is worked out left to right and then mirrored whole for a
 * right-to-left language, so that an Arabic picture reads from the right like the Arabic page.
 */
import type { Lang, NewsEvent, Party } from '../domain/types.ts';
import { LANG_DIR, localize, translate } from '../i18n/index.ts';
import { formatEventDay, LOCALES } from '../i18n/format.ts';
import { LABEL_FONT } from './map-style.ts';

/** The export is drawn at this many times the screen's own resolution (issue 11). */
export const EXPORT_SCALE = 2;

const FAMILIES = LABEL_FONT.map((f) => `"${f}"`).join(', ');
/** The canvas fonts of the bands; the page's own faces (src/styles/fonts.css has 400 and 600). */
export const EXPORT_FONTS = {
  title: `600 20px ${FAMILIES}`,
  dateLine: `400 13px ${FAMILIES}`,
  legendHeading: `600 13px ${FAMILIES}`,
  legendItem: `400 14px ${FAMILIES}`,
  scale: `400 12px ${FAMILIES}`,
  attribution: `400 12px ${FAMILIES}`,
} as const;

/** What the picture says besides the map, in one language. */
export interface ExportContent {
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  readonly title: string;
  readonly dateLine: string | null;
  readonly legendHeading: string;
  /** Every party, in the event's order, each with its short name: the same weight for all. */
  readonly legend: readonly { readonly party: Party; readonly label: string }[];
  /** Natural Earth's line, as the on-screen map's attribution says it. */
  readonly attribution: string;
  readonly credits: string;
  /** Writes a scale bar's length: "50 km", "500 m". */
  readonly formatLength: (metres: number) => string;
}

export function exportContent(event: NewsEvent, lang: Lang): ExportContent {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  return {
    lang,
    dir: LANG_DIR[lang],
    title: localize(event.title, lang),
    dateLine: formatEventDay(event.occurred.utc, event.occurred.timeZone, lang),
    legendHeading: translate(lang, 'legend.claims'),
    legend: event.parties.map((party) => ({ party, label: localize(party.shortName, lang) })),
    attribution: translate(lang, 'map.attribution'),
    credits: localize(event.credits, lang),
    // MapLibre's own scale control writes its units from the same keys (bindings/locale.ts).
    formatLength: (metres) =>
      metres >= 1000
        ? `${number.format(metres / 1000)} ${translate(lang, 'maplibre.kilometers')}`
        : `${number.format(metres)} ${translate(lang, 'maplibre.meters')}`,
  };
}

/**
 * `<event>-map-<lang>.png`, with the selected party when there is one: a reader who saves
 * several can tell them apart, and the name says what the picture is of.
 */
export function exportFileName(eventId: string, lang: Lang, partyId: string | null): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${[safe(eventId), 'map', lang, ...(partyId ? [safe(partyId)] : [])].join('-')}.png`;
}

/** Earth's equatorial circumference in metres, as MapLibre's Web Mercator uses it. */
const EARTH_CIRCUMFERENCE = 40_075_016.686;

/** Ground metres per CSS px at `latitude` and `zoom` (Web Mercator, MapLibre's 512 px tiles). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The longest round length (1, 2, 3 or 5 × 10ⁿ m, as MapLibre's scale control rounds) that fits
 * in `maxWidth` px, and its width in px.
 */
export function scaleBar(metresPerPx: number, maxWidth: number): { metres: number; width: number } {
  const maxMetres = metresPerPx * maxWidth;
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return { metres: 0, width: 0 };
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const steps = [5, 3, 2, 1];
  const step = steps.find((s) => s * power <= maxMetres) ?? 1;
  const metres = step * power;
  return { metres, width: metres / metresPerPx };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A line of text: its box (start edge on the reading side) and the font it was measured in. */
export interface TextLine {
  readonly text: string;
  readonly font: string;
  readonly box: Box;
}

export interface ExportLayout {
  /** The map's width and height, and the picture's width (CSS px). */
  readonly width: number;
  readonly mapHeight: number;
  /** Heights of the bands above and below the map (whole CSS px). */
  readonly bands: { readonly title: number; readonly legend: number; readonly footer: number };
  /** Each band's contents, in coordinates local to its band. */
  readonly title: readonly TextLine[];
  readonly legend: {
    readonly heading: TextLine;
    readonly items: readonly { readonly party: Party; readonly swatch: Box; readonly label: TextLine }[];
  };
  readonly scale: { readonly bar: Box; readonly label: TextLine } | null;
  readonly footer: readonly TextLine[];
}

export type Measure = (text: string, font: string) => number;

const PAD = 16;
const TITLE_LINE = 26;
const DATE_LINE = 18;
const LEGEND_ROW = 28;
const SWATCH = { width: 28, height: 20 } as const;
const SMALL_LINE = 16;
/** The scale bar is at most this long, like the on-screen one (map-controller.ts). */
export const SCALE_MAX_WIDTH = 120;

/** Greedy word wrap; a word longer than the line keeps a line of its own. */
export function wrapText(text: string, font: string, maxWidth: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Where everything goes around a map of `width` × `mapHeight` CSS px: a title band above it
 * (title, then the date line), and below it the legend (a heading, then every party's swatch
 * and name, in rows that wrap) and a footer (the scale bar, then the attribution and the
 * credits, which wrap). Mirrored for `content.dir === 'rtl'`.
 */
export function layoutExport(
  content: ExportContent,
  map: { width: number; height: number; metresPerPx: number },
  measure: Measure,
): ExportLayout {
  const { width } = map;
  const inner = Math.max(1, width - 2 * PAD);
  const line = (text: string, font: string, x: number, y: number, height: number, w = measure(text, font)): TextLine => ({
    text,
    font,
    box: { x, y, width: Math.min(w, inner), height },
  });

  // Title band.
  const title: TextLine[] = [];
  let y = PAD;
  for (const text of wrapText(content.title, EXPORT_FONTS.title, inner, measure)) {
    title.push(line(text, EXPORT_FONTS.title, PAD, y, TITLE_LINE));
    y += TITLE_LINE;
  }
  if (content.dateLine) {
    title.push(line(content.dateLine, EXPORT_FONTS.dateLine, PAD, y + 2, DATE_LINE));
    y += DATE_LINE + 2;
  }
  // No title (the printed handout has its own above the picture): no band.
  const titleBand = title.length > 0 ? Math.ceil(y + PAD / 2) : 0;

  // Legend band: the heading, then the items flowing in rows.
  const heading = line(content.legendHeading, EXPORT_FONTS.legendHeading, PAD, PAD / 2, SMALL_LINE + 2);
  let rowY = heading.box.y + heading.box.height + 4;
  let x = PAD;
  const items = content.legend.map(({ party, label }) => {
    const labelWidth = measure(label, EXPORT_FONTS.legendItem);
    const itemWidth = SWATCH.width + 6 + labelWidth;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      rowY += LEGEND_ROW;
    }
    const swatch = { x, y: rowY + (LEGEND_ROW - SWATCH.height) / 2, ...SWATCH };
    const text = line(label, EXPORT_FONTS.legendItem, x + SWATCH.width + 6, rowY, LEGEND_ROW, labelWidth);
    x += itemWidth + 24;
    return { party, swatch, label: text };
  });
  const legendBand = Math.ceil(rowY + LEGEND_ROW + PAD / 4);

  // Footer band: the scale bar, then attribution and credits.
  const bar = scaleBar(map.metresPerPx, Math.min(SCALE_MAX_WIDTH, inner));
  let footerY = PAD / 2;
  let scale: ExportLayout['scale'] = null;
  if (bar.width > 0) {
    const label = content.formatLength(bar.metres);
    scale = {
      label: line(label, EXPORT_FONTS.scale, PAD, footerY, SMALL_LINE),
      bar: { x: PAD, y: footerY + SMALL_LINE + 1, width: bar.width, height: 5 },
    };
    footerY += SMALL_LINE + 10;
  }
  const footer: TextLine[] = [];
  for (const text of [content.attribution, content.credits]) {
    for (const wrapped of wrapText(text, EXPORT_FONTS.attribution, inner, measure)) {
      footer.push(line(wrapped, EXPORT_FONTS.attribution, PAD, footerY, SMALL_LINE));
      footerY += SMALL_LINE;
    }
  }
  const footerBand = Math.ceil(footerY + PAD / 2);

  const layout: ExportLayout = {
    width,
    mapHeight: map.height,
    bands: { title: titleBand, legend: legendBand, footer: footerBand },
    title,
    legend: { heading, items },
    scale,
    footer,
  };
  return content.dir === 'rtl' ? mirrorLayout(layout) : layout;
}

/** The same layout read from the right: every box's x reflected across the picture. */
export function mirrorLayout(layout: ExportLayout): ExportLayout {
  const flip = (box: Box): Box => ({ ...box, x: layout.width - box.x - box.width });
  const flipLine = (l: TextLine): TextLine => ({ ...l, box: flip(l.box) });
  return {
    ...layout,
    title: layout.title.map(flipLine),
    legend: {
      heading: flipLine(layout.legend.heading),
      items: layout.legend.items.map((item) => ({ ...item, swatch: flip(item.swatch), label: flipLine(item.label) })),
    },
    scale: layout.scale && { bar: flip(layout.scale.bar), label: flipLine(layout.scale.label) },
    footer: layout.footer.map(flipLine),
  };
}

/**
 * Every (font, text) pair the bands draw: what `document.fonts` must have loaded before they
 * are measured and drawn (a canvas does not wait for a font: it draws with a fallback).
 */
export function exportFontRequests(content: ExportContent): { font: string; text: string }[] {
  return [
    { font: EXPORT_FONTS.title, text: content.title },
    { font: EXPORT_FONTS.dateLine, text: content.dateLine ?? '' },
    { font: EXPORT_FONTS.legendHeading, text: content.legendHeading },
    { font: EXPORT_FONTS.legendItem, text: content.legend.map((l) => l.label).join(' ') },
    { font: EXPORT_FONTS.scale, text: `${content.formatLength(500)} ${content.formatLength(5000)}` },
    { font: EXPORT_FONTS.attribution, text: `${content.attribution} ${content.credits}` },
  ].filter((r) => r.text.trim() !== '');
}
