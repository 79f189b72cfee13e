// Every piece of content ships in both languages, each written in its own script. The loader
// rejects a missing translation; this checks that what is there is a translation at all (not
// an English string copied into the Arabic slot, nor an empty one).
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/load-event.ts';
import { LANGS } from '../../src/domain/types.ts';
import { readRepoJson, realEventInput } from '../fixtures/real-data.ts';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

interface Found {
  readonly path: string;
  readonly text: Record<string, unknown>;
}

/** Every `{ en, ar }` object in a JSON tree, with where it sits. */
function localizedTexts(node: unknown, path = ''): Found[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here = 'en' in record || 'ar' in record ? [{ path, text: record }] : [];
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) =>
      key === 'en' || key === 'ar' ? [] : localizedTexts(value, `${path}.${key}`),
    ),
  ];
}

describe('content in both languages', () => {
  const input = realEventInput();
  const event = parseEvent(realEventInput());
  const files = { 'event.json': input.event, 'places.geojson': input.places, 'areas.geojson': input.areas };

  for (const [file, json] of Object.entries(files)) {
    it(`${file}: every text has English and Arabic, each in its own script`, () => {
      const found = localizedTexts(json);
      if (file !== 'areas.geojson') expect(found.length, `${file} has translated texts`).toBeGreaterThan(10);
      for (const { path, text } of found) {
        for (const lang of LANGS) {
          expect(typeof text[lang], `${file}${path}.${lang} is a string`).toBe('string');
          expect(String(text[lang]).trim(), `${file}${path}.${lang} is not empty`).not.toBe('');
        }
        expect(ARABIC_LETTER.test(String(text.ar)), `${file}${path}.ar is written in Arabic`).toBe(true);
        expect(ARABIC_LETTER.test(String(text.en)), `${file}${path}.en has no Arabic letter`).toBe(false);
        expect(text.en, `${file}${path}: the two languages differ`).not.toBe(text.ar);
      }
    });
  }

  it('gives every place, party, version field, ring, fact and source both languages after loading', () => {
    const texts = [
      event.title,
      event.summary,
      event.occurred.note,
      ...event.places.flatMap((p) => [p.name, p.precision]),
      ...event.parties.flatMap((p) => [p.name, p.shortName]),
      ...event.rings.flatMap((r) => [r.label, r.note]),
      ...event.versions.flatMap((v) => [
        v.speaker,
        v.channel,
        v.time.text,
        v.target,
        v.place.label,
        v.place.precision,
        v.weapons,
        v.damage,
        ...v.later.map((l) => l.text),
      ]),
      ...event.known.map((k) => k.text),
      ...event.sources.flatMap((s) => [s.publisher, s.title]),
    ];
    expect(texts.length).toBeGreaterThan(60);
    for (const text of texts) {
      expect(ARABIC_LETTER.test(text.ar), `"${text.en}" has an Arabic translation`).toBe(true);
    }
  });

  it('quotes every party in the Arabic original, with an English translation', () => {
    for (const version of event.versions) {
      expect(version.quotes.length, `${version.party} has a quote`).toBeGreaterThan(0);
      for (const quote of version.quotes) {
        expect(ARABIC_LETTER.test(quote.ar), `${version.party}: original is Arabic`).toBe(true);
        expect(ARABIC_LETTER.test(quote.en), `${version.party}: translation is English`).toBe(false);
        expect(quote.en.trim()).not.toBe('');
      }
    }
  });

  it('names every country label on the map in Arabic too', () => {
    const labels = readRepoJson('data/basemap/labels.geojson') as {
      features: { properties: { name: string; name_ar: string } }[];
    };
    expect(labels.features.length).toBeGreaterThanOrEqual(3);
    for (const { properties } of labels.features) {
      expect(ARABIC_LETTER.test(properties.name_ar), `${properties.name} has an Arabic name`).toBe(true);
    }
  });
});
