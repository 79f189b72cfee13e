import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { CLAIM_WEIGHT_RANGE, claimWeights, composite, contrastRatio, inkAgainst } from '../../src/map/ink.ts';
import { PALETTES, mapBackgrounds, partyInk } from '../../src/map/map-style.ts';

const event = parseEvent(realEventInput());

describe('claim weights: the vaguer (larger) a claim, the lighter its ink', () => {
  const weights = claimWeights(event);
  it('orders the parties by their measured areas, the smallest inked fully', () => {
    const byArea = [...event.derived.claims].sort((a, b) => a.areaKm2 - b.areaKm2).map((c) => c.party);
    console.log('[ink] areas', event.derived.claims.map((c) => `${c.party} ${Math.round(c.areaKm2)} km²`).join(', '), weights);
    expect(weights[byArea[0]!]).toBe(CLAIM_WEIGHT_RANGE.max);
    for (const [a, b] of byArea.slice(1).map((p, i) => [byArea[i]!, p] as const))
      expect(weights[b]!).toBeLessThanOrEqual(weights[a]!);
    // The coalition named no place: its "Syrian Badia" is the largest claim and the lightest.
    expect(byArea.at(-1)).toBe('coalition');
    expect(weights.coalition).toBeLessThan(0.6);
    expect(weights.coalition).toBeGreaterThanOrEqual(CLAIM_WEIGHT_RANGE.min);
  });
});

describe('ink against the basemap (WCAG 1.4.11: 3:1)', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(composite('#ffffff', '#000000', 0.5)).toBe('#808080');
  });
  it('lifts a colour only as far as it must', () => {
    expect(inkAgainst('#ffffff', ['#000000'], 3, 'white')).toBe('#ffffff');
    const lifted = inkAgainst('#00785A', ['#2a2926'], 3, 'white');
    expect(contrastRatio(lifted, '#2a2926')).toBeGreaterThanOrEqual(3);
  });
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every party's ink, the rings, the borders and the gaps stand out by 3:1 from every ground`, () => {
      const palette = PALETTES[theme];
      const grounds = mapBackgrounds(palette);
      const inks = {
        ...Object.fromEntries(event.parties.map((p) => [p.id, partyInk(p.mark.color, palette)])),
        contextRing: palette.contextRing,
        border: palette.border,
        gap: palette.gap,
      };
      for (const [what, ink] of Object.entries(inks)) {
        for (const ground of grounds) expect(contrastRatio(ink, ground), `${what} ${ink} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
  it('dark: the 55 km context ring is not brighter than any party', () => {
    const palette = PALETTES.dark;
    const ground = palette.land;
    for (const p of event.parties) {
      expect(contrastRatio(palette.contextRing, ground)).toBeLessThanOrEqual(
        contrastRatio(partyInk(p.mark.color, palette), ground),
      );
    }
  });
});

describe("the legend's samples (src/styles/app.css) in the map's palettes, visible on the legend's card", () => {
  const css = readFileSync(new URL('../../src/styles/app.css', import.meta.url), 'utf8');
  // The rule for `.legend-sample--<kind>` in a theme: its first colour value.
  const sampleColour = (kind: string, theme: 'light' | 'dark') => {
    const prefix = theme === 'dark' ? ":root[data-theme='dark'] " : '\n';
    const at = css.indexOf(`${prefix}.legend-sample--${kind}`);
    expect(at, `${theme} rule for .legend-sample--${kind}`).toBeGreaterThanOrEqual(0);
    return /#[0-9a-f]{6}/i.exec(css.slice(at))![0].toLowerCase();
  };
  const CARD = { light: '#ffffff', dark: '#23221f' } as const;
  for (const theme of ['light', 'dark'] as const) {
    it(theme, () => {
      const palette = PALETTES[theme];
      const expected = { ring: palette.contextRing, gap: palette.gap, border: palette.border, water: palette.river };
      for (const [kind, colour] of Object.entries(expected)) {
        expect(sampleColour(kind, theme), kind).toBe(colour.toLowerCase());
        expect(contrastRatio(colour, CARD[theme]), `${kind} on the ${theme} legend`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
