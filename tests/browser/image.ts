// Pixels for the browser tests: PNG decoding and encoding by pngjs, image comparison by
// pixelmatch (what MapLibre's own render tests use), and the few statistics the tests assert
// on ("is this canvas drawn at all?").
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

/** An RGBA image, 4 bytes per pixel, row-major, as pngjs decodes it. */
export type Image = PNG;

export function decodePng(buffer: Uint8Array): Image {
  return PNG.sync.read(Buffer.from(buffer));
}

export function encodePng(image: Image): Buffer {
  return PNG.sync.write(image);
}

/** The `width` × `height` box at (`left`, `top`) of an image. */
export function crop(image: Image, left: number, top: number, width: number, height: number): Image {
  if (left < 0 || top < 0 || left + width > image.width || top + height > image.height) {
    throw new Error(`crop: ${width}×${height} at (${left}, ${top}) is outside the ${image.width}×${image.height} image`);
  }
  const out = new PNG({ width, height });
  PNG.bitblt(image, out, left, top, width, height, 0, 0);
  return out;
}

/**
 * How many pixels differ between two images of one size, by pixelmatch: a pixel counts when
 * its colour distance is over `threshold` (0–1; pixelmatch's default 0.1). Anti-aliased pixels
 * count too: the tests compare text and lines, where the edges are the point.
 */
export function diffCount(a: Image, b: Image, threshold = 0.1): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`diffCount: size mismatch ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold, includeAA: true });
}

export function pixel(image: Image, x: number, y: number): [number, number, number, number] {
  const o = (y * image.width + x) * 4;
  return [image.data[o]!, image.data[o + 1]!, image.data[o + 2]!, image.data[o + 3]!];
}

export interface PixelStats {
  readonly pixels: number;
  /** The most frequent colour, taken as the background. */
  readonly background: readonly [number, number, number];
  /** Share (0–1) of pixels farther than `tolerance` from the background. */
  readonly nonBackgroundShare: number;
  /** Colour buckets (4 bits per channel) that each hold at least `minBucketShare` of the pixels. */
  readonly distinctColours: number;
}

const maxChannelDiff = (d: Uint8Array, o: number, r: number, g: number, b: number) =>
  Math.max(Math.abs(d[o]! - r), Math.abs(d[o + 1]! - g), Math.abs(d[o + 2]! - b));

export function pixelStats(img: Image, { tolerance = 24, minBucketShare = 0.001 } = {}): PixelStats {
  const n = img.width * img.height;
  const buckets = new Map<number, number>();
  for (let o = 0; o < n * 4; o += 4) {
    const key = ((img.data[o]! >> 4) << 8) | ((img.data[o + 1]! >> 4) << 4) | (img.data[o + 2]! >> 4);
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  // Background: the exact colour most frequent in the largest bucket.
  let topKey = -1;
  let topCount = -1;
  for (const [k, c] of buckets) if (c > topCount) [topKey, topCount] = [k, c];
  const exact = new Map<number, number>();
  for (let o = 0; o < n * 4; o += 4) {
    const key = ((img.data[o]! >> 4) << 8) | ((img.data[o + 1]! >> 4) << 4) | (img.data[o + 2]! >> 4);
    if (key !== topKey) continue;
    const rgb = (img.data[o]! << 16) | (img.data[o + 1]! << 8) | img.data[o + 2]!;
    exact.set(rgb, (exact.get(rgb) ?? 0) + 1);
  }
  let bg = 0;
  let bgCount = -1;
  for (const [k, c] of exact) if (c > bgCount) [bg, bgCount] = [k, c];
  const br = (bg >> 16) & 0xff;
  const bgG = (bg >> 8) & 0xff;
  const bb = bg & 0xff;
  let off = 0;
  for (let o = 0; o < n * 4; o += 4) if (maxChannelDiff(img.data, o, br, bgG, bb) > tolerance) off++;
  let distinct = 0;
  for (const c of buckets.values()) if (c / n >= minBucketShare) distinct++;
  return { pixels: n, background: [br, bgG, bb], nonBackgroundShare: off / n, distinctColours: distinct };
}

/**
 * Throws unless the image looks drawn: at least `minShare` of its pixels differ from the dominant
 * (background) colour and at least `minColours` distinct colours each cover a visible share.
 */
export function assertDrawn(img: Image, what: string, { minShare = 0.05, minColours = 4 } = {}): PixelStats {
  const s = pixelStats(img);
  const desc = `${what} (${img.width}×${img.height}): ${(s.nonBackgroundShare * 100).toFixed(2)} % of pixels differ from the background rgb(${s.background.join(',')}), ${s.distinctColours} distinct colours`;
  if (s.nonBackgroundShare < minShare) {
    throw new Error(`${desc}; expected at least ${(minShare * 100).toFixed(1)} % — looks blank`);
  }
  if (s.distinctColours < minColours) {
    throw new Error(`${desc}; expected at least ${minColours} distinct colours — looks flat`);
  }
  return s;
}
