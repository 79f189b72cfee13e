import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { gapLabelText } from '../../src/map/gap-labels.ts';

const event = parseEvent(realEventInput());

describe('gap labels name the two claims they measure', () => {
  it("in English and Arabic, from the data's short party names", () => {
    const lines = event.derived.gapLines.features.map((f) => f.properties);
    expect(lines.length).toBeGreaterThan(0);
    const en = lines.map((g) => gapLabelText(event, g, 'en'));
    const ar = lines.map((g) => gapLabelText(event, g, 'ar'));
    console.log('[gap labels]', en, ar);
    expect(en).toContain('SANA ↔ SOHR: 65–190 km');
    for (const [i, g] of lines.entries()) {
      for (const [lang, text] of [
        ['en', en[i]!],
        ['ar', ar[i]!],
      ] as const) {
        for (const id of [g.from, g.to]) {
          expect(text).toContain(event.parties.find((p) => p.id === id)!.shortName[lang]);
        }
      }
    }
    expect(ar.every((t) => t.includes('كم'))).toBe(true);
  });
});
