/**
 * How strongly the map inks things, computed rather than picked by eye: colours lifted to a
 * contrast against the basemap they are drawn on (WCAG 1.4.11 asks 3:1 of graphics), and each
 * claim's weight, which makes a vaguer (larger) claim lighter so that no party reads as the
 * heaviest for having named the least. Pure: the live map, the static map, the first-paint
 * drawing and the legend share it, and it is tested in Node.
 */
import type { NewsEvent } from '../domain/types.ts';

type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const linear = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(hexToRgb(a)), luminance(hexToRgb(b))].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** `top` laid over `bottom` at `opacity`, as the map composites a translucent fill. */
export function composite(top: string, bottom: string, opacity: number): string {
  const t = hexToRgb(top);
  const b = hexToRgb(bottom);
  return toHex(t.map((v, i) => v * opacity + b[i]! * (1 - opacity)) as unknown as Rgb);
}

/**
 * `color`, or the least mix of it towards white (on a dark basemap) or black (on a light one)
 * that stands out by `ratio` from every colour in `backgrounds`. The hue is kept, so a party
 * stays recognisable by its colour in either theme.
 */
export function inkAgainst(color: string, backgrounds: readonly string[], ratio: number, towards: 'white' | 'black'): string {
  const target = towards === 'white' ? '#ffffff' : '#000000';
  for (let step = 0; step <= 20; step++) {
    const mixed = composite(target, color, step / 20);
    if (backgrounds.every((bg) => contrastRatio(mixed, bg) >= ratio)) return mixed;
  }
  return target;
}

/** The least and most a claim's fill is inked: the vaguest still seen, the most precise unchanged. */
export const CLAIM_WEIGHT_RANGE = { min: 0.35, max: 1 } as const;

/**
 * Each party's claim weight, from 1 (its claimed area is the smallest) down to
 * CLAIM_WEIGHT_RANGE.min: the square root of the smallest area over its own, so that a claim
 * a hundred times larger is inked a tenth as strongly (and no lighter than the minimum).
 * Computed from the measured areas (`event.derived.claims`), not set per party.
 */
export function claimWeights(event: Pick<NewsEvent, 'derived'>): Readonly<Record<string, number>> {
  const areas = event.derived.claims.map((c) => ({ party: c.party, km2: Math.max(c.areaKm2, 1) }));
  const smallest = Math.min(...areas.map((a) => a.km2));
  return Object.fromEntries(
    areas.map(({ party, km2 }) => [
      party,
      Math.round(Math.max(CLAIM_WEIGHT_RANGE.min, Math.min(CLAIM_WEIGHT_RANGE.max, Math.sqrt(smallest / km2))) * 100) / 100,
    ]),
  );
}
