import { useAppStore } from '../store/store-context.tsx';
import { selectLang } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';

const TERMS = ['claimed', 'denied', 'notVerified', 'approximate', 'notStated'] as const;

/**
 * The words the page uses for certainty, defined where a reader meets them: a disclosure that
 * opens by keyboard and by touch (not a hover tooltip), linked from the panel's introduction.
 */
export function Glossary() {
  const lang = useAppStore(selectLang);
  return (
    <details className="glossary" id="glossary" data-testid="glossary">
      <summary>{translate(lang, 'glossary.heading')}</summary>
      <dl>
        {TERMS.map((term) => (
          <div key={term} data-term={term}>
            <dt>{translate(lang, `glossary.${term}.term`)}</dt>
            <dd>{translate(lang, `glossary.${term}.definition`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
