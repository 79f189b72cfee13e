// Every piece of content ships in both languages, each written in its own script. The loader
// rejects a missing translation; this checks that what is there is a translation at all (not
// an English string copied into the Arabic slot, nor an empty one).
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/load-event.ts';
import { LANGS } from '../../src/domain/types.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { FICTIONAL_EVENT_DIR, TEST_EVENT_DIRS } from '../fixtures/events.ts';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

interface Found {
  readonly path: string;
  readonly text: Record<string, unknown>;
}

/**
 * Every `{ en, ar }` object in a JSON tree, with where it sits. A quote's `translations` is left
 * out: it holds only the languages the original is not in.
 */
function localizedTexts(node: unknown, path = ''): Found[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here = 'en' in record || 'ar' in record ? [{ path, text: record }] : [];
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) =>
      key === 'en' || key === 'ar' || key === 'translations' ? [] : localizedTexts(value, `${path}.${key}`),
    ),
  ];
}

describe.each(TEST_EVENT_DIRS)('content in both languages: %s', (dir) => {
  const input = realEventInput(dir);
  const event = parseEvent(realEventInput(dir));
  const files = { 'event.json': input.event, 'places.geojson': input.places, 'areas.geojson': input.areas };

  for (const [file, json] of Object.entries(files)) {
    it(`${file}: every text has English and Arabic, each in its own script`, () => {
      const found = localizedTexts(json);
      if (file === 'event.json') expect(found.length, `${file} has translated texts`).toBeGreaterThan(10);
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

  it('gives every place, party, version field, ring, fact, source and map label both languages after loading', () => {
    const texts = [
      event.title,
      event.summary,
      event.description,
      event.caption,
      event.credits,
      event.occurred.note,
      event.occurred.timeZoneName,
      ...event.map.labels.map((l) => l.name),
      ...event.map.rivers.map((r) => r.label),
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
    expect(texts.length).toBeGreaterThan(30);
    for (const text of texts) {
      expect(ARABIC_LETTER.test(text.ar), `"${text.en}" has an Arabic translation`).toBe(true);
    }
  });

  it('quotes every party in its original language, translated into each app language but that one', () => {
    for (const version of event.versions) {
      expect(version.quotes.length, `${version.party} has a quote`).toBeGreaterThan(0);
      for (const quote of version.quotes) {
        const original = quote.original.lang.split('-')[0];
        expect(quote.original.text.trim(), `${version.party}: an original`).not.toBe('');
        if (original === 'ar') expect(ARABIC_LETTER.test(quote.original.text), `${version.party}: Arabic original`).toBe(true);
        for (const lang of LANGS) {
          if (lang === original)
            expect(quote.translations[lang], `${version.party}: no translation into ${lang}`).toBeUndefined();
          else expect(quote.translations[lang]?.trim(), `${version.party}: a translation into ${lang}`).toBeTruthy();
        }
        if (quote.translations.ar !== undefined) expect(ARABIC_LETTER.test(quote.translations.ar)).toBe(true);
        if (quote.translations.en !== undefined) expect(ARABIC_LETTER.test(quote.translations.en)).toBe(false);
      }
    }
  });
});

it('the fictional event quotes at least one party in a language other than Arabic', () => {
  const event = parseEvent(realEventInput(FICTIONAL_EVENT_DIR));
  expect(event.versions.flatMap((v) => v.quotes).some((q) => !q.original.lang.startsWith('ar'))).toBe(true);
});
