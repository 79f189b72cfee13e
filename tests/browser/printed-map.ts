// Reads the map out of a printed PDF's first page (pdf.js) and measures what a reader of the
// paper sees in it: how wide it is printed, how tall its names' letters are, whether a scale
// bar is drawn. The names and the scale are drawn into the map's image (src/map/png-export.ts,
// drawPrintMapNow), so they are measured in its pixels, not read as PDF text.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDF points per inch; CSS has 96 px to the inch. */
const PT_PER_IN = 72;

export interface PrintedMap {
  /** The image's printed width and height, in pt. */
  readonly widthPt: number;
  readonly heightPt: number;
  /** The image's own pixels (RGBA), as embedded. */
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

interface PdfImage {
  width: number;
  height: number;
  data?: Uint8ClampedArray;
  kind?: number;
}

/** The largest image painted on the PDF's first page (the map), with its printed size. */
export async function firstPageMap(pdf: Buffer): Promise<PrintedMap | null> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
  }).promise;
  try {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    let best = null as { id: string; widthPt: number; heightPt: number } | null;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.paintImageXObject) {
        // An image is drawn into the unit square: the CTM's columns are its printed sides.
        const widthPt = Math.hypot(ctm[0], ctm[1]);
        const heightPt = Math.hypot(ctm[2], ctm[3]);
        if (!best || widthPt * heightPt > best.widthPt * best.heightPt) best = { id: args[0] as string, widthPt, heightPt };
      }
    });
    if (!best) return null;
    const { id, widthPt, heightPt } = best;
    const objs = (id.startsWith('g_') ? page.commonObjs : page.objs) as { get(id: string, then: (o: unknown) => void): void };
    // Decoded after the operator list: asked for with a callback, it comes when ready.
    const image = await new Promise<PdfImage>((resolve) => objs.get(id, (o) => resolve(o as PdfImage)));
    if (!image.data) throw new Error(`the map image ${id} came without its pixels (kind ${image.kind})`);
    const pixels = image.width * image.height;
    // pdf.js hands out RGB (kind 2) or RGBA (kind 3) rows.
    const rgba = new Uint8ClampedArray(pixels * 4);
    const channels = image.data.length / pixels;
    for (let p = 0; p < pixels; p++) {
      rgba[p * 4] = image.data[p * channels]!;
      rgba[p * 4 + 1] = image.data[p * channels + 1]!;
      rgba[p * 4 + 2] = image.data[p * channels + 2]!;
      rgba[p * 4 + 3] = channels === 4 ? image.data[p * channels + 3]! : 255;
    }
    return { widthPt, heightPt, width: image.width, height: image.height, data: rgba };
  } finally {
    await doc.destroy();
  }
}

const luminance = (d: Uint8ClampedArray, p: number) => 0.2126 * d[p * 4]! + 0.7152 * d[p * 4 + 1]! + 0.0722 * d[p * 4 + 2]!;

/**
 * The rows of the image that are the map: from the top to the first light rule across the whole
 * width (the line the print picture draws between the map and its legend), or all of it.
 */
export function mapRows(map: PrintedMap): number {
  for (let y = Math.floor(map.height / 3); y < map.height; y++) {
    let rule = 0;
    for (let x = 0; x < map.width; x++) {
      const p = y * map.width + x;
      const [r, g, b] = [map.data[p * 4]!, map.data[p * 4 + 1]!, map.data[p * 4 + 2]!];
      if (Math.abs(r - 0xd9) < 8 && Math.abs(g - 0xd4) < 8 && Math.abs(b - 0xc9) < 8) rule++;
    }
    if (rule > map.width * 0.9) return y;
  }
  return map.height;
}

/**
 * The heights in pt of the dark marks (letters, dots) in the map's rows: each 4-connected group
 * of pixels darker than the names' ink threshold, as tall as it is printed. Marks wider than
 * three times their height (lines, rules) are left out.
 */
export function darkMarkHeightsPt(map: PrintedMap, rows = mapRows(map)): number[] {
  const { width } = map;
  const ptPerPx = map.widthPt / width;
  const dark = new Uint8Array(width * rows);
  for (let p = 0; p < width * rows; p++) dark[p] = luminance(map.data, p) < 90 ? 1 : 0;
  const heights: number[] = [];
  const queue = new Int32Array(width * rows);
  for (let start = 0; start < dark.length; start++) {
    if (!dark[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    dark[start] = 0;
    let top = rows;
    let bottom = 0;
    let left = width;
    let right = 0;
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % width;
      const y = (p - x) / width;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
      for (const q of [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p - width, p + width]) {
        if (q >= 0 && q < dark.length && dark[q]) {
          dark[q] = 0;
          queue[tail++] = q;
        }
      }
    }
    const h = bottom - top + 1;
    const w = right - left + 1;
    if (h >= 2 && w <= 3 * h) heights.push(h * ptPerPx);
  }
  return heights.sort((a, b) => a - b);
}

/** The longest run of dark pixels along one row, in pt: a scale bar's length on paper. */
export function longestDarkRunPt(map: PrintedMap, fromRow = 0): number {
  let longest = 0;
  for (let y = fromRow; y < map.height; y++) {
    let run = 0;
    for (let x = 0; x < map.width; x++) {
      run = luminance(map.data, y * map.width + x) < 90 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
  }
  return (longest * map.widthPt) / map.width;
}

export const ptFromCssPx = (px: number) => (px * PT_PER_IN) / 96;
