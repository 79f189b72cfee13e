import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { localize, translate } from '../i18n/index.ts';
import { SourceList } from './source-list.tsx';

/** What the editors checked, kept apart from what the parties claim. */
export function KnownFacts() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const sourcesById = new Map(event.sources.map((s) => [s.id, s]));
  return (
    <section className="known-facts" data-testid="known" aria-labelledby="known-heading">
      <h2 id="known-heading">{translate(lang, 'known.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'known.intro')}</p>
      <ul>
        {event.known.map((fact) => (
          <li key={fact.id}>
            <p>{localize(fact.text, lang)}</p>
            <details className="known-sources">
              <summary>{translate(lang, 'card.sources')}</summary>
              <SourceList sources={fact.sources.flatMap((id) => sourcesById.get(id) ?? [])} lang={lang} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
