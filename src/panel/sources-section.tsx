import type { Lang, SourceRef } from '../domain/types.ts';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { downloadFiles } from '../domain/downloads.ts';
import { localize, translate } from '../i18n/index.ts';
import { Citation } from './source-list.tsx';

/**
 * Every source the page uses, once, each an anchor (`#source-<id>`) that the cards, the table
 * and the timeline link to: publisher, title, date, what it supports, and an archived copy where
 * there is one. Then the event's data to download, generated from the same files at build time.
 * On paper (`print`) each address is written out, since a printed link cannot be followed; the
 * anchors (the screen's list has them) and the downloads are left out.
 */
export function SourcesSection({ variant = 'screen' }: { variant?: 'screen' | 'print' }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const files = downloadFiles(event.id);
  const isPrint = variant === 'print';
  const headingId = isPrint ? 'print-sources-heading' : 'sources-heading';
  const sources = (
    <section className="sources" data-testid="sources" aria-labelledby={headingId}>
      <h2 id={headingId}>{translate(lang, 'sources.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'sources.intro')}</p>
      <ol className="sources-list">
        {event.sources.map((source) =>
          isPrint ? (
            <li key={source.id}>
              <SourceEntry source={source} lang={lang} isPrint />
            </li>
          ) : (
            <li key={source.id} id={`source-${source.id}`} tabIndex={-1}>
              <SourceEntry source={source} lang={lang} isPrint={false} />
            </li>
          ),
        )}
      </ol>
    </section>
  );
  if (isPrint) return sources;
  return (
    <>
      {sources}
      <section className="downloads" data-testid="downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{translate(lang, 'downloads.heading')}</h2>
        <p className="panel-intro">{translate(lang, 'downloads.intro')}</p>
        <ul>
          <li>
            <a href={files.geojson} download data-testid="download-geojson">
              {translate(lang, 'downloads.geojson')}
            </a>
          </li>
          <li>
            <a href={files.csv} download data-testid="download-csv">
              {translate(lang, 'downloads.csv')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

function SourceEntry({ source, lang, isPrint }: { source: SourceRef; lang: Lang; isPrint: boolean }) {
  return (
    <>
      <Citation source={source} lang={lang} />
      {isPrint && source.url && <PrintedUrl url={source.url} />}
      {source.archived && (
        <>
          {' · '}
          {isPrint ? (
            <>
              {translate(lang, 'sources.archived')}
              <PrintedUrl url={source.archived} />
            </>
          ) : (
            <a href={source.archived} target="_blank" rel="noopener noreferrer">
              {translate(lang, 'sources.archived')}
            </a>
          )}
        </>
      )}
      {source.supports && (
        <p className="sources-supports">
          <span className="sources-supports-label">{translate(lang, 'sources.supports')}:</span> {localize(source.supports, lang)}
        </p>
      )}
    </>
  );
}

/** An address on paper: left to right in either language, free to break anywhere rather than run off the page. */
function PrintedUrl({ url }: { url: string }) {
  return (
    <>
      {': '}
      <bdi className="printed-url" dir="ltr">
        {url}
      </bdi>
    </>
  );
}
