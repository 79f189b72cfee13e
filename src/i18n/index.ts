import type { Lang, LocalizedText } from '../domain/types.ts';
import { en, type MessageKey, type Messages } from './en.ts';

// Arabic interface strings arrive with the bilingual work; until then every language reads
// the English dictionary, while content already comes in both languages from data/.
const dictionaries: Record<Lang, Messages> = { en, ar: en };

/** The interface string for `key`, with `{name}` placeholders filled from `values`. */
export function translate(lang: Lang, key: MessageKey, values?: Readonly<Record<string, string>>): string {
  const template = dictionaries[lang][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function localize(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

export type { MessageKey, Messages };
