/**
 * A PNG of the map as the reader sees it, for a file: a title band, the map at twice the
 * screen's resolution with its HTML markers (places, claim badges) drawn in, the legend, a scale
 * bar and the attribution. The layout and the words are png-export-layout.ts's; this draws.
 *
 * The map is drawn for the picture, not read back: WebGL clears its drawing buffer once a frame
 * is shown, and keeping it (`preserveDrawingBuffer`) would cost every frame of the session. So,
 * in one task: raise the pixel ratio, redraw synchronously, copy the canvas, put the ratio back
 * and redraw again. The browser paints only between tasks, so the reader never sees the large
 * frame, and the map on screen is left as it was (its CSS size never changes).
 */
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { SVG_DASHES } from '../ui/party-pattern.tsx';
import type { Party } from '../domain/types.ts';
import { recordPrintReport, type PngExportOptions, type PrintReport } from './map-handle.ts';
import { patternImage } from './map-style.ts';
import {
  EXPORT_SCALE,
  exportFontRequests,
  layoutExport,
  metresPerPixel,
  type Box,
  type ExportContent,
  type ExportLayout,
  type TextLine,
} from './png-export-layout.ts';

export type ExportMap = Pick<
  MapLibreMap,
  'getCanvas' | 'getContainer' | 'getPixelRatio' | 'setPixelRatio' | 'redraw' | 'getCenter' | 'getZoom'
>;

/** The bands' colours: the page's ink on white, whatever the map's theme (a file is printed). */
const INK = '#1f1d1a';
const MUTED = '#5c574f';
const PAPER = '#ffffff';
const RULE = '#d9d4c9';
/** How long the export waits for a font before drawing with whatever the browser has. */
const FONT_TIMEOUT_MS = 3000;

/**
 * The map as it is on screen, its HTML markers (places, claim badges) drawn in, at `factor` ×
 * the screen's resolution, in this task: the map is redrawn at that pixel ratio, copied, and put
 * back. Never `preserveDrawingBuffer`. For the PNG export, and for a print handler, which cannot
 * wait for a frame. Fonts must already be loaded (they are, for a map on screen). Without
 * `withMarkers`, the map alone (the print picture draws the markers at its own size).
 */
export function drawMapNow(map: ExportMap, factor = 1, withMarkers = true): { canvas: HTMLCanvasElement; scale: number } {
  const container = map.getContainer();
  const markers = withMarkers ? readMarkers(container) : [];
  const width = container.clientWidth;
  const screenRatio = map.getPixelRatio();
  // The controller sets no pixel ratio: the map follows devicePixelRatio (browser zoom, another
  // screen), and must again afterwards. MapLibre documents null as "no override" though its
  // type says number.
  const restoreRatio = screenRatio === window.devicePixelRatio ? (null as unknown as number) : screenRatio;
  try {
    if (factor !== 1) map.setPixelRatio(screenRatio * factor);
    const gl = map.redraw().getCanvas();
    // MapLibre may have clamped the ratio (maxCanvasSize): the canvas says what it drew.
    const scale = gl.width / width;
    const canvas = document.createElement('canvas');
    canvas.width = gl.width;
    canvas.height = gl.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gave no 2D canvas');
    ctx.drawImage(gl, 0, 0);
    // The markers, over the map and clipped to it, where the reader sees them.
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.beginPath();
    ctx.rect(0, 0, width, gl.height / scale);
    ctx.clip();
    for (const group of markers) for (const shape of group.shapes) drawMarker(ctx, shape);
    return { canvas, scale };
  } finally {
    if (factor !== 1) {
      map.setPixelRatio(restoreRatio);
      map.redraw();
    }
  }
}

/**
 * The printed map's width: A4's content width (210 mm less 15 mm margins each side, print.css),
 * in CSS px (96 to the inch). Letter's is wider; the image scales up a little there.
 */
export const PRINT_WIDTH_PX = Math.floor(((210 - 30) / 25.4) * 96);
/** Device px per CSS px of the printed map: 288 dpi, sharp on a laser printer. */
export const PRINT_RESOLUTION = 3;
/** The printed map's height (72 mm): with its legend and scale no taller than the 100 mm the
 * screen-sized map took, so that the handout keeps its length (2–8 pages). */
export const PRINT_MAP_HEIGHT_PX = Math.floor((72 / 25.4) * 96);
/** No word on the printed map under 8 pt (in CSS px at 96 to the inch). */
export const PRINT_MIN_TEXT_PX = (8 * 96) / 72;

export type PrintMap = ExportMap &
  Pick<MapLibreMap, 'resize' | 'jumpTo' | 'cameraForBounds' | 'getBearing' | 'getBounds' | 'getStyle' | 'areTilesLoaded'>;

/** What the printed map frames, whatever the screen shows: the event's opening view. */
export interface PrintFrame {
  readonly bounds: LngLatBoundsLike;
  /** Room kept around the bounds, in CSS px of the paper, as "Reset view" keeps on screen. */
  readonly padding: number;
}

/**
 * The map for the printed handout, drawn now in this task (a `beforeprint` handler cannot wait):
 * the event's opening view (`frame`) at the paper's width and aspect, whatever the screen shows,
 * at print resolution, with the place names and claim badges drawn in, then the legend, a scale
 * bar for the printed scale and the attribution, as the PNG export draws them. The handout has
 * the title and caption itself.
 *
 * The frame is `framed`'s, the off-screen map print-frame.ts keeps at the paper's size on the
 * opening view, when it is ready [2]. Until then (and in an embed) the reader's map is put in
 * the paper's frame and back within this task: its container takes the paper's size in CSS px
 * (so MapLibre's own names, 12–15 px, print at 9–11 pt, and the markers binding lays the HTML
 * names out for that frame by the screen's rule), the camera jumps to the frame, the map is
 * drawn at print resolution and copied; then size, camera and pixel ratio are put back and the
 * map redrawn before the browser paints. The reader never sees the frame.
 */
export function drawPrintMapNow(
  map: PrintMap,
  content: ExportContent,
  frame: PrintFrame,
  framed: PrintMap | null = null,
): HTMLCanvasElement {
  // The off-screen map already in the paper's frame (print-frame.ts), when it is ready.
  if (framed) return composePrint(framed, content, 1, symbolTextSizes(framed), 'print-frame');
  const container = map.getContainer();
  if (container.clientWidth === 0 || container.clientHeight === 0) throw new Error('the map is not laid out');
  const symbolSizes = symbolTextSizes(map);
  // Paper CSS px per map CSS px: 1 unless a canvas name is set under 8 pt, then it grows to 8 pt.
  const scale = Math.max(1, PRINT_MIN_TEXT_PX / Math.min(...symbolSizes, PRINT_MIN_TEXT_PX));
  const width = PRINT_WIDTH_PX / scale;
  const height = PRINT_MAP_HEIGHT_PX / scale;
  const screen = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing() };
  const inlineStyle = container.getAttribute('style');
  try {
    for (const [property, value] of [
      ['width', `${width}px`],
      ['height', `${height}px`],
      // The map is a flex item that grows with its column on a wide screen.
      ['flex', 'none'],
      ['min-width', '0'],
      ['max-width', 'none'],
      ['min-height', '0'],
      ['max-height', 'none'],
    ] as const)
      container.style.setProperty(property, value, 'important');
    map.resize();
    const camera = map.cameraForBounds(frame.bounds, { padding: frame.padding / scale });
    if (camera) map.jumpTo({ ...camera, bearing: 0 });
    return composePrint(map, content, scale, symbolSizes, 'reader-map');
  } finally {
    if (inlineStyle === null) container.removeAttribute('style');
    else container.setAttribute('style', inlineStyle);
    map.resize();
    map.jumpTo(screen);
    map.redraw();
  }
}

/** The symbol layers' text sizes now (presentation mode scales them), in CSS px. */
function symbolTextSizes(map: Pick<MapLibreMap, 'getStyle'>): number[] {
  return (map.getStyle().layers ?? []).flatMap((layer) => {
    const size = layer.type === 'symbol' ? layer.layout?.['text-size'] : undefined;
    return typeof size === 'number' ? [size] : [];
  });
}

/** The print picture of the map as it is now framed (see drawPrintMapNow). */
function composePrint(
  map: PrintMap,
  content: ExportContent,
  scale: number,
  symbolSizes: readonly number[],
  drawnBy: PrintReport['drawnBy'],
): HTMLCanvasElement {
  const container = map.getContainer();
  const width = container.clientWidth;
  const height = container.clientHeight;
  const groups = readMarkers(container);
  const measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) throw new Error('this browser gave no 2D canvas');
  const measure = (text: string, font: string) => {
    measureContext.font = font;
    return measureContext.measureText(text).width;
  };
  const mapWidth = PRINT_WIDTH_PX;
  const mapHeight = Math.round(height * scale);
  const layout = layoutExport(
    // The handout prints the title, the attribution and the credits beside the picture.
    { ...content, title: '', dateLine: null, attribution: '', credits: '' },
    { width: PRINT_WIDTH_PX, height: mapHeight, metresPerPx: metresPerPixel(map.getCenter().lat, map.getZoom()) / scale },
    measure,
  );
  const picture = drawMapNow(map, (PRINT_WIDTH_PX * PRINT_RESOLUTION) / (width * map.getPixelRatio()), false);
  const tilesLoaded = map.areTilesLoaded();
  const resolution = PRINT_RESOLUTION;
  const output = document.createElement('canvas');
  output.width = PRINT_WIDTH_PX * resolution;
  const mapTop = Math.round(layout.bands.title * resolution);
  const mapPixels = mapHeight * resolution;
  output.height = mapTop + mapPixels + Math.round((layout.bands.legend + layout.bands.footer) * resolution);
  const ctx = output.getContext('2d');
  if (!ctx) throw new Error('this browser gave no 2D canvas');
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, output.width, output.height);
  ctx.drawImage(picture.canvas, 0, 0, picture.canvas.width, picture.canvas.height, 0, mapTop, mapWidth * resolution, mapPixels);

  ctx.save();
  ctx.setTransform(resolution, 0, 0, resolution, 0, mapTop);
  ctx.beginPath();
  ctx.rect(0, 0, mapWidth, mapHeight);
  ctx.clip();
  // The markers binding has laid the names out for this frame; a name that must grow to reach
  // 8 pt may then cover another's: it is moved to the other side of its point, or left out if
  // it fits neither (its dot stays), claims' badges and the places of the claims first.
  const taken: Box[] = [];
  const labels: { text: string; box: Box; fontPx: number }[] = [];
  const mapBox: Box = { x: 0, y: 0, width: mapWidth, height: mapHeight };
  for (const group of [...groups].sort((a, b) => a.priority - b.priority)) {
    const fontPx = Math.min(...group.shapes.flatMap((shape) => (shape.text ? [shape.text.size] : [])));
    const grow = Number.isFinite(fontPx) && fontPx > 0 ? Math.max(scale, PRINT_MIN_TEXT_PX / fontPx) : scale;
    const ax = group.anchor.x * scale;
    const ay = group.anchor.y * scale;
    for (const shape of group.shapes) {
      const placed = {
        x: ax + (shape.box.x - group.anchor.x) * grow,
        y: ay + (shape.box.y - group.anchor.y) * grow,
        width: shape.box.width * grow,
        height: shape.box.height * grow,
      };
      let box: Box | null = placed;
      if (group.movable && shape.kind === 'chip') {
        const mirrored = { ...placed, x: 2 * ax - placed.x - placed.width };
        box = [placed, mirrored].find((b) => within(b, mapBox) && !taken.some((t) => overlaps(b, t))) ?? null;
      }
      if (!box) continue;
      taken.push(box);
      if (shape.text) labels.push({ text: shape.text.text, box, fontPx: shape.text.size * grow });
      ctx.save();
      ctx.translate(box.x, box.y);
      ctx.scale(grow, grow);
      drawMarker(ctx, { ...shape, box: { x: 0, y: 0, width: shape.box.width, height: shape.box.height } });
      ctx.restore();
    }
  }
  ctx.restore();
  drawPicture(ctx, layout, content, { scale: resolution, mapTop, mapHeight: mapPixels });
  const bounds = map.getBounds();
  recordPrintReport({
    drawnBy,
    frame: {
      width,
      height,
      scale,
      zoom: map.getZoom(),
      bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    },
    tilesLoaded,
    symbolTextPx: symbolSizes.map((size) => size * scale),
    labels,
  });
  return output;
}

export async function exportMapPng(map: ExportMap, content: ExportContent, options: PngExportOptions = {}): Promise<Blob> {
  const factor = options.scale ?? EXPORT_SCALE;
  const container = map.getContainer();
  const markersBefore = readMarkers(container).flatMap((group) => group.shapes);
  await fontsLoaded([
    ...exportFontRequests(content),
    ...markersBefore.flatMap((m) => (m.text ? [{ font: m.text.font, text: m.text.text }] : [])),
  ]);

  const measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) throw new Error('this browser gave no 2D canvas');
  const measure = (text: string, font: string) => {
    measureContext.font = font;
    return measureContext.measureText(text).width;
  };
  const width = container.clientWidth;
  const height = container.clientHeight;
  const layout = layoutExport(
    content,
    { width, height, metresPerPx: metresPerPixel(map.getCenter().lat, map.getZoom()) },
    measure,
  );

  // [1] One task from here to the end of this function: no await.
  const picture = drawMapNow(map, factor);
  const { scale } = picture;
  const band = (cssPx: number) => Math.round(cssPx * scale);
  const output = document.createElement('canvas');
  output.width = picture.canvas.width;
  output.height = band(layout.bands.title) + picture.canvas.height + band(layout.bands.legend) + band(layout.bands.footer);
  const ctx = output.getContext('2d');
  if (!ctx) throw new Error('this browser gave no 2D canvas');
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, output.width, output.height);
  const mapTop = band(layout.bands.title);
  ctx.drawImage(picture.canvas, 0, mapTop);
  drawPicture(ctx, layout, content, { scale, mapTop, mapHeight: picture.canvas.height });
  return new Promise((resolve, reject) => {
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the export canvas gave no PNG'))), 'image/png');
  });
}

interface Placement {
  readonly scale: number;
  /** The map's top and height in the picture, in device px. */
  readonly mapTop: number;
  readonly mapHeight: number;
}

function drawPicture(
  ctx: CanvasRenderingContext2D,
  layout: ExportLayout,
  content: ExportContent,
  { scale, mapTop, mapHeight }: Placement,
): void {
  const at = (top: number) => ctx.setTransform(scale, 0, 0, scale, 0, top);

  ctx.direction = content.dir;
  at(0);
  for (const line of layout.title) drawText(ctx, line, line === layout.title[0] ? INK : MUTED, content.dir);

  const below = mapTop + mapHeight;
  at(below);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, 0, layout.width, 1);
  drawText(ctx, layout.legend.heading, INK, content.dir);
  for (const item of layout.legend.items) {
    drawSwatch(ctx, item.party, item.swatch, scale);
    drawText(ctx, item.label, INK, content.dir);
  }

  at(below + Math.round(layout.bands.legend * scale));
  if (layout.scale) {
    const { bar, label } = layout.scale;
    drawText(ctx, label, INK, content.dir);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(bar.x, bar.y);
    ctx.lineTo(bar.x, bar.y + bar.height);
    ctx.lineTo(bar.x + bar.width, bar.y + bar.height);
    ctx.lineTo(bar.x + bar.width, bar.y);
    ctx.stroke();
  }
  for (const line of layout.footer) drawText(ctx, line, MUTED, content.dir);
}

/** A line of text from its start edge: the left in English, the right in Arabic. */
function drawText(ctx: CanvasRenderingContext2D, line: TextLine, color: string, dir: 'ltr' | 'rtl'): void {
  ctx.font = line.font;
  ctx.fillStyle = color;
  ctx.direction = dir;
  ctx.textAlign = 'start';
  ctx.textBaseline = 'middle';
  const x = dir === 'rtl' ? line.box.x + line.box.width : line.box.x;
  ctx.fillText(line.text, x, line.box.y + line.box.height / 2, line.box.width + 1);
}

/** The party's mark in small, as the legend on the page draws it (party-swatch.tsx). */
function drawSwatch(ctx: CanvasRenderingContext2D, party: Party, box: Box, scale: number): void {
  const image = patternImage(party, scale);
  const tile = document.createElement('canvas');
  tile.width = image.width;
  tile.height = image.height;
  tile.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const pattern = ctx.createPattern(tile, 'repeat');
  // The tile is in device px; the context draws in CSS px.
  pattern?.setTransform(new DOMMatrix().scale(1 / scale));
  const r = { x: box.x + 1.5, y: box.y + 1.5, width: box.width - 3, height: box.height - 3 };
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.width, r.height, 2);
  ctx.fillStyle = PAPER;
  ctx.fill();
  if (pattern) {
    ctx.fillStyle = pattern;
    ctx.fill();
  }
  const dash = SVG_DASHES[party.mark.line];
  ctx.setLineDash(dash ? dash.split(' ').map(Number) : []);
  ctx.strokeStyle = party.mark.color;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.setLineDash([]);
}

// ---------------------------------------------------------------------------------------------
// The HTML markers, as drawn on screen

/** One marker part to draw: a dot, or a chip (a place's name, a claim badge) with its text. */
interface MarkerShape {
  readonly kind: 'dot' | 'chip';
  /** In CSS px from the map's top left corner. */
  readonly box: Box;
  readonly radius: number;
  readonly fill: string;
  readonly border: { readonly color: string; readonly width: number; readonly style: string } | null;
  /** A dot's outer ring (its box-shadow on screen). */
  readonly ring: string | null;
  readonly shadow: boolean;
  readonly text: {
    readonly text: string;
    readonly font: string;
    /** The font's size in CSS px. */
    readonly size: number;
    readonly color: string;
    readonly dir: 'ltr' | 'rtl';
  } | null;
}

/** A marker's shapes and the map point they stand for (a place's dot, a badge's centre). */
interface MarkerGroup {
  readonly anchor: { readonly x: number; readonly y: number };
  readonly shapes: readonly MarkerShape[];
  /** Drawn in this order where names may collide: 0 a claim's badge, 1 a place, 2 a context place. */
  readonly priority: number;
  /** A place's name beside its dot, which may change sides; a badge or a dotless name may not. */
  readonly movable: boolean;
}

const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, outer: Box) =>
  a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width && a.y + a.height <= outer.y + outer.height;

/**
 * The markers the reader sees now, in stacking order, read from the page: their boxes are where
 * the markers binding put them (`map.project()` of each point, then each label's chosen side),
 * and their colours and fonts are the stylesheet's, so the picture shows what the screen does.
 * What is not drawn on screen (a town left out at this size, a badge whose point is out of
 * view, a switched-off layer, a name with no room) is not drawn here.
 */
function readMarkers(container: HTMLElement): MarkerGroup[] {
  const origin = container.getBoundingClientRect();
  const local = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  };
  const isShown = (el: Element, style: CSSStyleDeclaration) =>
    el.getClientRects().length > 0 && style.visibility === 'visible' && style.display !== 'none';
  const groups: MarkerGroup[] = [];
  for (const marker of container.querySelectorAll<HTMLElement>('.place-marker, .claim-marker, .gap-label')) {
    const style = getComputedStyle(marker);
    const isOffscreen = marker.classList.contains('claim-marker--offscreen') || marker.classList.contains('gap-label--offscreen');
    if (!isShown(marker, style) || isOffscreen) continue;
    // A claim's badge and a gap's label: one chip each, where the screen has it.
    if (marker.classList.contains('claim-marker') || marker.classList.contains('gap-label')) {
      const box = local(marker);
      groups.push({
        anchor: centreOf(box),
        shapes: [chip(marker, box, style, textOf(marker, style))],
        priority: 0,
        movable: false,
      });
      continue;
    }
    const shapes: MarkerShape[] = [];
    const dot = marker.querySelector<HTMLElement>('.place-marker-dot > span');
    const dotStyle = dot && getComputedStyle(dot);
    if (dot && dotStyle && isShown(dot, dotStyle)) {
      const ring = /rgba?\([^)]*\)/.exec(dotStyle.boxShadow)?.[0] ?? null;
      shapes.push({
        kind: 'dot',
        box: local(dot),
        radius: 0,
        fill: dotStyle.backgroundColor,
        border: borderOf(dotStyle),
        ring: dotStyle.boxShadow === 'none' ? null : ring,
        shadow: false,
        text: null,
      });
    }
    const label = marker.querySelector<HTMLElement>('.place-marker-label');
    const labelStyle = label && getComputedStyle(label);
    if (label && labelStyle && isShown(label, labelStyle))
      shapes.push(chip(label, local(label), labelStyle, textOf(label, labelStyle)));
    if (shapes.length === 0) continue;
    // A place's point is its dot; without one (an unlocated place), its name's centre.
    const hasDot = shapes[0]!.kind === 'dot';
    groups.push({
      anchor: centreOf(shapes[0]!.box),
      shapes,
      priority: !hasDot ? 0 : marker.classList.contains('place-marker--context') ? 2 : 1,
      movable: hasDot,
    });
  }
  return groups;
}

function chip(el: HTMLElement, box: Box, style: CSSStyleDeclaration, text: MarkerShape['text']): MarkerShape {
  return {
    kind: 'chip',
    box,
    radius: Math.min(parseFloat(style.borderTopLeftRadius) || 0, box.height / 2),
    fill: style.backgroundColor,
    border: borderOf(style),
    ring: null,
    shadow: style.boxShadow !== 'none' && el.classList.contains('claim-marker'),
    text,
  };
}

function borderOf(style: CSSStyleDeclaration): MarkerShape['border'] {
  const width = parseFloat(style.borderTopWidth) || 0;
  if (width === 0 || style.borderTopStyle === 'none') return null;
  return { color: style.borderTopColor, width, style: style.borderTopStyle };
}

function textOf(el: HTMLElement, style: CSSStyleDeclaration): MarkerShape['text'] {
  const text = el.textContent?.trim() ?? '';
  if (!text) return null;
  return {
    text,
    font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
    size: parseFloat(style.fontSize),
    color: style.color,
    dir: style.direction === 'rtl' ? 'rtl' : 'ltr',
  };
}

function drawMarker(ctx: CanvasRenderingContext2D, shape: MarkerShape): void {
  const { box } = shape;
  ctx.save();
  ctx.beginPath();
  if (shape.kind === 'dot') {
    const r = Math.min(box.width, box.height) / 2;
    if (shape.ring) {
      ctx.arc(box.x + r, box.y + r, r + 1, 0, 2 * Math.PI);
      ctx.fillStyle = shape.ring;
      ctx.fill();
      ctx.beginPath();
    }
    ctx.arc(box.x + r, box.y + r, r, 0, 2 * Math.PI);
    ctx.fillStyle = shape.border?.color ?? shape.fill;
    ctx.fill();
    const inner = r - (shape.border?.width ?? 0);
    if (shape.border && inner > 0) {
      ctx.beginPath();
      ctx.arc(box.x + r, box.y + r, inner, 0, 2 * Math.PI);
      ctx.fillStyle = shape.fill;
      ctx.fill();
    }
    ctx.restore();
    return;
  }
  ctx.roundRect(box.x, box.y, box.width, box.height, shape.radius);
  if (shape.shadow) {
    ctx.shadowColor = 'rgb(0 0 0 / 0.25)';
    ctx.shadowBlur = 3;
    ctx.shadowOffsetY = 1;
  }
  ctx.fillStyle = shape.fill;
  ctx.fill();
  ctx.shadowColor = 'transparent';
  if (shape.border) {
    const { width, color, style } = shape.border;
    // The border is inside the box on screen: stroke half a width in.
    ctx.beginPath();
    ctx.roundRect(
      box.x + width / 2,
      box.y + width / 2,
      box.width - width,
      box.height - width,
      Math.max(0, shape.radius - width / 2),
    );
    ctx.setLineDash(style === 'dashed' ? [3 * width, 2 * width] : style === 'dotted' ? [width, width] : []);
    ctx.lineWidth = width;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  if (shape.text) {
    ctx.font = shape.text.font;
    ctx.fillStyle = shape.text.color;
    ctx.direction = shape.text.dir;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(shape.text.text, box.x + box.width / 2, box.y + box.height / 2);
  }
  ctx.restore();
}

/** Resolves once every (font, text) pair is loaded, or after FONT_TIMEOUT_MS. */
function fontsLoaded(requests: readonly { font: string; text: string }[]): Promise<void> {
  if (!document.fonts) return Promise.resolve();
  const loads = requests.map(({ font, text }) => document.fonts.load(font, text).catch(() => []));
  return Promise.race([
    Promise.all(loads).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, FONT_TIMEOUT_MS)),
  ]);
}

// [1] WebGL's drawing buffer is only whole between MapLibre's draw and the end of the task it
//     ran in (the browser then shows it and may clear it). `redraw()` draws synchronously, and
//     `drawImage` copies it at once; the pixel ratio is put back in `finally`, so a failure
//     halfway leaves the map as it was.
// [2] Two ways to have the frame in a synchronous handler, both measured (print-handout.test.ts
//     logs `tilesLoaded` and `drawnBy`). The reader's map put in the paper's frame and back in
//     one task costs two redraws and no second WebGL context, and the markers binding lays the
//     names out for the frame by the screen's rule (its `resize` and `moveend` handlers run
//     synchronously; the camera binding writes the frame's camera to the store and then the
//     reader's again, so store and URL end as they were). But it cannot wait: MapLibre draws the
//     tiles it has, and the frame's (zoom 5.8) were never loaded by a 1920 px view (zoom 7.5:
//     the sides came out blank) nor after zooming in (most of the frame blank); and the country
//     names' filter and the 55 km zone's name point the binding sets for the frame reach the
//     worker after the task, so the frame showed the screen's. So the handout's map is drawn by
//     a second map kept ready off screen in the paper's frame (print-frame.ts): every tile
//     loaded, its names laid out for that frame, the same picture from any screen; its cost is
//     a second map's load and its memory, paid only when the reader means to print (the Print
//     button pointed at, focused or pressed; Ctrl/⌘+P, which waits for it): made for every reader
//     once the first map had drawn, it cost each page load as much again. The reframed reader's
//     map remains the fallback for a print from the browser's menu before that, and in an embed,
//     which makes none.
