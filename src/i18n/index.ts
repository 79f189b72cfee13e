import type { Lang, LocalizedText } from '../domain/types.ts';
import { ar } from './ar.ts';
import { en, type MessageKey, type Messages } from './en.ts';

export const dictionaries: Readonly<Record<Lang, Messages>> = { en, ar };

/** The writing direction of each language, for `<html dir>` and for islands of the other language. */
export const LANG_DIR: Readonly<Record<Lang, 'ltr' | 'rtl'>> = { en: 'ltr', ar: 'rtl' };

/** The language a reader switches to from `lang`. */
export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'ar' : 'en');

export const PLACEHOLDER = /\{(\w+)\}/g;

/** The interface string for `key`, with `{name}` placeholders filled from `values`. */
export function translate(lang: Lang, key: MessageKey, values?: Readonly<Record<string, string>>): string {
  const template = dictionaries[lang][key];
  if (!values) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export function localize(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

export type { MessageKey, Messages };
