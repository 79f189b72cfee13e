import type { Lang, SourceRef } from '../domain/types.ts';
import { formatDate } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';

/** Citations, in the order given; a link only where the data has one. */
export function SourceList({ sources, lang }: { sources: readonly SourceRef[]; lang: Lang }) {
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          {/* Titles and publishers carry Latin names and numbers inside Arabic (and the
              reverse): each is isolated so that it cannot reorder its neighbours. */}
          <cite>
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                <bdi>{localize(source.title, lang)}</bdi>
              </a>
            ) : (
              <bdi>{localize(source.title, lang)}</bdi>
            )}
          </cite>
          {' — '}
          <bdi>{localize(source.publisher, lang)}</bdi>
          {source.date && (
            <>
              {translate(lang, 'punctuation.comma')}
              {formatDate(source.date, lang)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
