import { useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { gapText, partyShortName } from '../i18n/event-text.ts';
import { translate } from '../i18n/index.ts';
import { LOCALES } from '../i18n/format.ts';

/**
 * The measured gaps between every pair of claims (measured by the build), in words with their
 * uncertainty, shown when the reader opens it, and drawn on the map from the same switch as the
 * legend's. On paper (`print`) the table is simply there, without the switch.
 */
export function GapsTable({ variant = 'screen' }: { variant?: 'screen' | 'print' }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const isDrawn = useAppStore((s) => s.view.layers.gaps);
  const store = useAppStoreApi();
  const [isOpen, setOpen] = useState(false);
  const list = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
  if (event.versions.length < 2) return null;

  const table = (
    <table className="gaps-table" data-testid="gaps-table">
      <thead>
        <tr>
          <th scope="col">{translate(lang, 'gaps.pair')}</th>
          <th scope="col">{translate(lang, 'gaps.distance')}</th>
        </tr>
      </thead>
      <tbody>
        {event.derived.gaps.map((gap) => (
          <tr key={gap.id} data-gap={gap.id}>
            <th scope="row">{list.format([partyShortName(event, gap.from, lang), partyShortName(event, gap.to, lang)])}</th>
            <td>{gapText(gap, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (variant === 'print') {
    return (
      <section className="gaps" data-testid="gaps" aria-labelledby="print-gaps-heading">
        <h2 id="print-gaps-heading">{translate(lang, 'gaps.heading')}</h2>
        <p className="panel-intro">{translate(lang, 'gaps.intro')}</p>
        {table}
      </section>
    );
  }

  return (
    <section className="gaps" data-testid="gaps" aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">{translate(lang, 'gaps.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'gaps.intro')}</p>
      <label className="legend-toggle">
        <input
          type="checkbox"
          data-testid="gaps-draw"
          checked={isDrawn}
          onChange={(e) => store.getState().setLayer('gaps', e.currentTarget.checked)}
        />{' '}
        {translate(lang, 'gaps.draw')}
      </label>
      <details className="gaps-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{translate(lang, 'gaps.open')}</summary>
        {isOpen && table}
      </details>
    </section>
  );
}
