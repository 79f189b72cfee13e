import type { Lang, SourceRef } from '../domain/types.ts';
import { formatDate } from '../i18n/format.ts';
import { localize } from '../i18n/index.ts';

/** Citations, in the order given; a link only where the data has one. */
export function SourceList({ sources, lang }: { sources: readonly SourceRef[]; lang: Lang }) {
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          <cite>
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {localize(source.title, lang)}
              </a>
            ) : (
              localize(source.title, lang)
            )}
          </cite>
          {' — '}
          {localize(source.publisher, lang)}
          {source.date && <>, {formatDate(source.date, lang)}</>}
        </li>
      ))}
    </ul>
  );
}
