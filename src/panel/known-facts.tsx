import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { localize, translate } from '../i18n/index.ts';
import { SourceList } from './source-list.tsx';

/** What the editors checked, kept apart from what the parties claim; on paper, its sources printed under each fact. */
export function KnownFacts({ variant = 'screen' }: { variant?: 'screen' | 'print' }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const sourcesById = new Map(event.sources.map((s) => [s.id, s]));
  const isPrint = variant === 'print';
  const headingId = isPrint ? 'print-known-heading' : 'known-heading';
  return (
    <section className="known-facts" data-testid="known" aria-labelledby={headingId}>
      <h2 id={headingId}>{translate(lang, 'known.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'known.intro')}</p>
      <ul>
        {event.known.map((fact) => {
          const sources = fact.sources.flatMap((id) => sourcesById.get(id) ?? []);
          return (
            <li key={fact.id}>
              <p>{localize(fact.text, lang)}</p>
              {isPrint ? (
                <SourceList sources={sources} lang={lang} linkToList={false} />
              ) : (
                <details className="known-sources">
                  <summary>{translate(lang, 'card.sources')}</summary>
                  <SourceList sources={sources} lang={lang} />
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
