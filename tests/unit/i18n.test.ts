import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import { PLACEHOLDER, translate } from '../../src/i18n/index.ts';
import { chooseLang } from '../../src/i18n/choose-lang.ts';
import * as format from '../../src/i18n/format.ts';
import { FORMAT_CASES } from '../fixtures/format-cases.ts';

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

describe('interface dictionaries', () => {
  it('have exactly the same keys in English and Arabic', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty string, and the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(ar[key].trim(), `ar ${key}`).not.toBe('');
      expect(placeholders(ar[key]), `placeholders of ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('are each written in their own language, except the switch, which names the other one', () => {
    const switchKeys = new Set(['lang.switchTo', 'lang.switchLabel']);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (switchKeys.has(key)) {
        expect(ARABIC_LETTER.test(en[key]), `en ${key} is Arabic`).toBe(true);
        expect(ARABIC_LETTER.test(ar[key]), `ar ${key} is not Arabic`).toBe(false);
        continue;
      }
      expect(ARABIC_LETTER.test(en[key]), `en ${key} has no Arabic letter`).toBe(false);
      // Punctuation and unit symbols may be shared; anything with a Latin word must have Arabic.
      if (/[A-Za-z]{2}/.test(en[key].replace(PLACEHOLDER, '')))
        expect(ARABIC_LETTER.test(ar[key]), `ar ${key} is written in Arabic`).toBe(true);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'card.quoteSource', { publisher: 'AFP' })).toBe('Quoted in AFP');
    expect(translate('ar', 'card.quoteSource', { publisher: 'فرانس برس' })).toBe('نقلًا عن فرانس برس');
    expect(translate('en', 'card.quoteSource', {})).toBe('Quoted in {publisher}');
  });
});

describe('chooseLang', () => {
  const cases: [search: string, preferred: string[], expected: 'en' | 'ar'][] = [
    ['?lang=ar', ['en-GB'], 'ar'],
    ['?lang=en', ['ar-SY'], 'en'],
    ['?lang=AR', ['en'], 'ar'],
    ['?lang=%20ar%20', ['en'], 'ar'],
    ['', ['ar'], 'ar'],
    ['', ['ar-EG', 'en'], 'ar'],
    ['', ['en-US', 'ar'], 'en'],
    ['', ['fr-FR'], 'en'],
    ['', [], 'en'],
    ['', ['arn'], 'en'], // Mapudungun, not Arabic
    ['?lang=fr', ['ar-SY'], 'ar'],
    ['?lang=fr', ['en-GB'], 'en'],
    ['?lang=', ['ar'], 'ar'],
    ['?lang=ar&lang=en', ['en'], 'ar'],
    ['?lang=%E0%A4%A', ['en'], 'en'],
    ['?lang=<script>alert(1)</script>', ['en'], 'en'],
    [`?lang=${'a'.repeat(100_000)}`, ['ar'], 'ar'],
    ['?party=sohr&lang=ar', ['en'], 'ar'],
  ];
  for (const [search, preferred, expected] of cases) {
    it(`${JSON.stringify(search.slice(0, 40))} with ${JSON.stringify(preferred)} → ${expected}`, () => {
      expect(chooseLang(search, preferred)).toBe(expected);
    });
  }
});

describe('formatting in Node', () => {
  it(`runs under ICU ${process.versions.icu}`, () => {
    expect(process.versions.icu).toBeTruthy();
  });
  for (const c of FORMAT_CASES) {
    it(`${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')}) → ${JSON.stringify(c.expected)}`, () => {
      const fn = format[c.fn] as (...args: readonly unknown[]) => unknown;
      expect(fn(...c.args)).toEqual(c.expected);
    });
  }
});
