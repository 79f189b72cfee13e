import { Fragment, type ReactNode } from 'react';
import type { Lang } from '../domain/types.ts';
import { dictionaries, PLACEHOLDER, type MessageKey } from './index.ts';

/**
 * `translate` for React: each filled-in value is isolated in a `<bdi>`, so that a name or a
 * number of the other direction (a Latin name in Arabic, an Arabic one in English) cannot
 * reorder the words around it.
 */
export function translateRich(lang: Lang, key: MessageKey, values: Readonly<Record<string, ReactNode>>): ReactNode[] {
  const template = dictionaries[lang][key];
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    parts.push(template.slice(last, match.index));
    parts.push(name in values ? <bdi key={`${name}-${match.index}`}>{values[name]}</bdi> : match[0]);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return parts
    .filter((part) => part !== '')
    .map((part, i) => (typeof part === 'string' ? <Fragment key={i}>{part}</Fragment> : part));
}
