// A small PNG decoder for the screenshots Chromium hands back (8-bit, non-interlaced,
// RGBA/RGB/grey), an encoder for the crops kept as reviewed baselines, and the pixel
// statistics the browser tests assert on.
// No dependency: zlib does the (de)flating, the rest is the PNG filter spec (RFC 2083 §6).
import { deflateSync, inflateSync } from 'node:zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  readonly data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(buf: Uint8Array): Image {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  SIGNATURE.forEach((b, i) => {
    if (buf[i] !== b) throw new Error('decodePng: not a PNG (bad signature)');
  });
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= buf.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(buf[pos + 4]!, buf[pos + 5]!, buf[pos + 6]!, buf[pos + 7]!);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const bitDepth = body[8];
      colorType = body[9]!;
      const interlace = body[12];
      if (bitDepth !== 8) throw new Error(`decodePng: bit depth ${bitDepth} not supported`);
      if (!(colorType in CHANNELS)) throw new Error(`decodePng: colour type ${colorType} not supported`);
      if (interlace !== 0) throw new Error('decodePng: interlaced PNG not supported');
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  if (!width || !height || colorType < 0) throw new Error('decodePng: missing IHDR');
  const channels = CHANNELS[colorType]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('decodePng: truncated image data');

  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const cur = raw[src + x]!;
      const a = x >= channels ? px[dst + x - channels]! : 0;
      const b = y > 0 ? px[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[dst - stride + x - channels]! : 0;
      let v: number;
      switch (filter) {
        case 0:
          v = cur;
          break;
        case 1:
          v = cur + a;
          break;
        case 2:
          v = cur + b;
          break;
        case 3:
          v = cur + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = cur + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`decodePng: bad filter type ${filter} on row ${y}`);
      }
      px[dst + x] = v & 0xff;
    }
  }

  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const o = i * 4;
    if (channels >= 3) {
      data[o] = px[j]!;
      data[o + 1] = px[j + 1]!;
      data[o + 2] = px[j + 2]!;
      data[o + 3] = channels === 4 ? px[j + 3]! : 255;
    } else {
      data[o] = data[o + 1] = data[o + 2] = px[j]!;
      data[o + 3] = channels === 2 ? px[j + 1]! : 255;
    }
  }
  return { width, height, data };
}

export function pixel(img: Image, x: number, y: number): [number, number, number, number] {
  const o = (y * img.width + x) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!, img.data[o + 3]!];
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

/** Number of pixels whose colour differs by more than `tolerance` in any channel. */
export function diffCount(a: Image, b: Image, tolerance = 16): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`diffCount: size mismatch ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  let n = 0;
  for (let o = 0; o < a.data.length; o += 4) {
    if (maxChannelDiff(a.data, o, b.data[o]!, b.data[o + 1]!, b.data[o + 2]!) > tolerance) n++;
  }
  return n;
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

/** The `width` × `height` box at (`left`, `top`) of an image. */
export function crop(img: Image, left: number, top: number, width: number, height: number): Image {
  if (left < 0 || top < 0 || left + width > img.width || top + height > img.height) {
    throw new Error(`crop: ${width}×${height} at (${left}, ${top}) is outside the ${img.width}×${img.height} image`);
  }
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * img.width + left) * 4;
    data.set(img.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An 8-bit RGBA PNG, unfiltered: for small baseline crops, not for size. */
export function encodePng(img: Image): Buffer {
  const chunk = (type: string, body: Uint8Array) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const out = Buffer.alloc(typed.length + 8);
    out.writeUInt32BE(body.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), typed.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(img.width, 0);
  header.writeUInt32BE(img.height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(img.height * (img.width * 4 + 1));
  for (let y = 0; y < img.height; y++)
    raw.set(img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4), y * (img.width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
