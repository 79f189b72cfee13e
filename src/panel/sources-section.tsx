import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { downloadFiles } from '../domain/export.ts';
import { localize, translate } from '../i18n/index.ts';
import { Citation } from './source-list.tsx';

/**
 * Every source the page uses, once, each an anchor (`#source-<id>`) that the cards, the table
 * and the timeline link to: publisher, title, date, what it supports, and an archived copy where
 * there is one. Then the event's data to download, generated from the same files at build time.
 */
export function SourcesSection() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const files = downloadFiles(event.id);
  return (
    <>
      <section className="sources" data-testid="sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{translate(lang, 'sources.heading')}</h2>
        <p className="panel-intro">{translate(lang, 'sources.intro')}</p>
        <ol className="sources-list">
          {event.sources.map((source) => (
            <li key={source.id} id={`source-${source.id}`} tabIndex={-1}>
              <Citation source={source} lang={lang} />
              {source.archived && (
                <>
                  {' · '}
                  <a href={source.archived} target="_blank" rel="noopener noreferrer">
                    {translate(lang, 'sources.archived')}
                  </a>
                </>
              )}
              {source.supports && (
                <p className="sources-supports">
                  <span className="sources-supports-label">{translate(lang, 'sources.supports')}:</span>{' '}
                  {localize(source.supports, lang)}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
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
