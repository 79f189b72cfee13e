import type { ReactNode } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { useShowPartyToggle } from './use-show-party.ts';
import { selectEvent, selectLang, selectSelectedPartyId } from '../store/selectors.ts';
import { COMPARISON_QUESTIONS, type ComparisonQuestion, type Lang, type Version } from '../domain/types.ts';
import { formatDate, LOCALES } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';
import { PartySwatch } from './party-swatch.tsx';
import { SourceLinks } from './source-list.tsx';
import { partyShortName } from '../i18n/event-text.ts';

/** What one party answered to one question, in short: the card's own words, or "not stated". */
function answer(version: Version, question: ComparisonQuestion, lang: Lang): ReactNode {
  switch (question) {
    case 'place':
      return (
        <>
          {localize(version.place.label, lang)}
          <span className="comparison-note">{localize(version.place.precision, lang)}</span>
        </>
      );
    case 'time':
      return localize(version.time.text, lang);
    case 'later':
      return version.later.length === 0 ? (
        <span className="muted">{translate(lang, 'compare.notStated')}</span>
      ) : (
        <ul className="comparison-later">
          {version.later.map((l) => (
            <li key={l.date + l.text.en}>
              <time dateTime={l.date}>{formatDate(l.date, lang)}</time>: {localize(l.text, lang)}
            </li>
          ))}
        </ul>
      );
    default:
      return localize(version[question], lang);
  }
}

/**
 * The versions as a table: a row per question, a column per party, each cell that party's own
 * answer, and under each row the editors' marks of agreement or contradiction (from data/,
 * never guessed), each saying between whom and citing its sources. On a phone the table
 * becomes one block per question (CSS), each answer labelled with its party. Selecting a
 * column shows that party on the map.
 */
export function ComparisonTable({ variant = 'screen' }: { variant?: 'screen' | 'print' }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const selected = useAppStore(selectSelectedPartyId);
  const list = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
  const versions = event.parties.flatMap((party) => {
    const version = event.versions.find((v) => v.party === party.id);
    return version ? [{ party, version }] : [];
  });
  const toggle = useShowPartyToggle();
  // The handout is in the page beside this table: its ids must differ, and paper has no buttons.
  const isPrint = variant === 'print';
  const headingId = isPrint ? 'print-comparison-heading' : 'comparison-heading';

  return (
    <section className="comparison" data-testid="comparison" aria-labelledby={headingId}>
      <h2 id={headingId}>{translate(lang, 'compare.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'compare.intro')}</p>
      <table className="comparison-table">
        <thead>
          <tr>
            <th scope="col">{translate(lang, 'compare.question')}</th>
            {versions.map(({ party }) => (
              <th
                key={party.id}
                scope="col"
                data-party={party.id}
                aria-current={selected === party.id && !isPrint ? 'true' : undefined}
              >
                <span className="comparison-party">
                  <PartySwatch party={party} idPrefix={isPrint ? 'print-comparison' : 'comparison'} />{' '}
                  {localize(party.shortName, lang)}
                </span>
                {!isPrint && (
                  <button
                    type="button"
                    className="comparison-select"
                    data-testid="comparison-select"
                    data-party={party.id}
                    aria-pressed={selected === party.id}
                    onClick={() => toggle(party.id)}
                  >
                    {translate(lang, selected === party.id ? 'card.shown' : 'card.show')}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        {COMPARISON_QUESTIONS.map((question) => {
          const marks = event.comparison.marks.filter((mark) => mark.question === question);
          return (
            <tbody key={question} data-question={question}>
              <tr>
                <th scope="row">{translate(lang, `card.${question}`)}</th>
                {versions.map(({ party, version }) => (
                  <td key={party.id} data-party={party.id}>
                    <span className="comparison-cell-party">{localize(party.shortName, lang)}: </span>
                    {answer(version, question, lang)}
                  </td>
                ))}
              </tr>
              {marks.length > 0 && (
                <tr className="comparison-marks">
                  <td colSpan={versions.length + 1}>
                    <ul>
                      {marks.map((mark) => (
                        <li key={mark.id} data-kind={mark.kind} data-testid="comparison-mark">
                          <strong className="comparison-mark-kind">
                            <span aria-hidden="true">{mark.kind === 'agree' ? '= ' : '≠ '}</span>
                            {translate(lang, mark.kind === 'agree' ? 'compare.agree' : 'compare.contradict')}
                          </strong>{' '}
                          ({list.format(mark.between.map((id) => partyShortName(event, id, lang)))}): {localize(mark.note, lang)}{' '}
                          <span className="comparison-sources">
                            <SourceLinks ids={mark.sources} sources={event.sources} lang={lang} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
