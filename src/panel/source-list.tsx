import type { Lang, SourceRef } from '../domain/types.ts';
import { formatDate } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';

/**
 * Citations, in the order given; a link only where the data has one, and (`linkToList`) one to
 * the source's entry in the page's sources list, where what it supports is said.
 */
export function SourceList({
  sources,
  lang,
  linkToList = true,
}: {
  sources: readonly SourceRef[];
  lang: Lang;
  linkToList?: boolean;
}) {
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          <Citation source={source} lang={lang} />
          {linkToList && (
            <>
              {' · '}
              <a className="source-details" href={`#source-${source.id}`}>
                {translate(lang, 'sources.details')}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * One source's title (a link where the data has one), publisher and date. Titles and publishers
 * carry Latin names and numbers inside Arabic (and the reverse): each is isolated so that it
 * cannot reorder its neighbours.
 */
export function Citation({ source, lang }: { source: SourceRef; lang: Lang }) {
  return (
    <>
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
          <time dateTime={source.date}>{formatDate(source.date, lang)}</time>
        </>
      )}
    </>
  );
}

/**
 * Links to sources' entries in the page's sources list (`#source-<id>`), by publisher, comma
 * separated: what a table mark or a timeline entry cites.
 */
export function SourceLinks({ ids, sources, lang }: { ids: readonly string[]; sources: readonly SourceRef[]; lang: Lang }) {
  return (
    <>
      {ids.map((id, i) => {
        const source = sources.find((s) => s.id === id);
        return (
          <span key={id}>
            {i > 0 && translate(lang, 'punctuation.comma')}
            <a href={`#source-${id}`}>
              <bdi>{source ? localize(source.publisher, lang) : id}</bdi>
            </a>
          </span>
        );
      })}
    </>
  );
}
