import { useId, type ReactNode } from 'react';
import type { Lang, NewsEvent, Party, Quote, Version } from '../domain/types.ts';
import { formatDate, formatLocalAndUtcTime } from '../i18n/format.ts';
import { localize, translate, type MessageKey } from '../i18n/index.ts';
import { translateRich } from '../i18n/rich.tsx';
import { languageName, quoteText } from '../i18n/event-text.ts';
import { PartySwatch } from './party-swatch.tsx';
import { SourceList } from './source-list.tsx';
import { CardInsetSlot } from '../embed/card-inset-slot.tsx';

/** The sections every card has, in this order, whatever the party said or did not say. */
export const CARD_SECTIONS = [
  'speaker',
  'channel',
  'time',
  'target',
  'place',
  'weapons',
  'damage',
  'later',
  'quotes',
  'sources',
] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

interface PartyCardProps {
  readonly event: NewsEvent;
  readonly party: Party;
  readonly version: Version;
  readonly lang: Lang;
  readonly isSelected: boolean;
  readonly onSelect: (partyId: string) => void;
  /**
   * `compact` (an embed): the claimed target and place in one line, every section one click
   * away. `print` (the handout): every section and every quote's original open, no controls,
   * since paper cannot be clicked. Every party's card has the same variant or none does: the
   * same structure and weight for all.
   */
  readonly variant?: 'full' | 'compact' | 'print';
}

export function PartyCard({ event, party, version, lang, isSelected, onSelect, variant = 'full' }: PartyCardProps) {
  const headingId = useId();
  const isPrint = variant === 'print';
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);
  const sourcesById = new Map(event.sources.map((s) => [s.id, s]));
  const citations = version.sources.flatMap((id) => sourcesById.get(id) ?? []);
  const quotePublisher = (sourceId: string) => {
    const source = sourcesById.get(sourceId);
    return source ? localize(source.publisher, lang) : null;
  };

  const body: Record<CardSection, ReactNode> = {
    speaker: localize(version.speaker, lang),
    channel: localize(version.channel, lang),
    time: <ClaimedTime event={event} version={version} lang={lang} />,
    target: localize(version.target, lang),
    place: (
      <>
        <p className="claim-place">{localize(version.place.label, lang)}</p>
        <p className="claim-precision">
          <span className="claim-precision-label">{t('card.precision')}:</span> {localize(version.place.precision, lang)}
        </p>
      </>
    ),
    weapons: localize(version.weapons, lang),
    damage: localize(version.damage, lang),
    later:
      version.later.length === 0 ? (
        <p className="muted">{t('card.laterNone')}</p>
      ) : (
        <ul className="later-list">
          {version.later.map((statement) => (
            <li key={statement.date + statement.text.en}>
              <time dateTime={statement.date}>{formatDate(statement.date, lang)}</time>: {localize(statement.text, lang)}
            </li>
          ))}
        </ul>
      ),
    quotes: (
      <ul className="quote-list">
        {version.quotes.map((quote) => (
          <li key={quote.original.text}>
            <QuoteFigure quote={quote} lang={lang} publisher={quotePublisher(quote.source)} showOriginal={isPrint} />
          </li>
        ))}
      </ul>
    ),
    // On paper the sources list is found by its title, not by a link to it.
    sources: <SourceList sources={citations} lang={lang} linkToList={!isPrint} />,
  };

  const sections = (
    <dl className="party-card-body">
      {CARD_SECTIONS.map((section) => (
        <div key={section} className="card-section" data-section={section}>
          <dt>{t(`card.${section}`)}</dt>
          <dd>{body[section]}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <article
      className={variant === 'compact' ? 'party-card party-card--compact' : 'party-card'}
      data-testid="party-card"
      data-party={party.id}
      aria-labelledby={headingId}
      aria-current={isSelected && !isPrint ? 'true' : undefined}
      // Set through the CSSOM, not a style attribute: the prerendered HTML must pass a CSP
      // without 'unsafe-inline' styles. Until the script runs, the card has a neutral edge.
      ref={(el) => el?.style.setProperty('--party-color', party.mark.color)}
    >
      <header className="party-card-header">
        {/* The handout's swatches need patterns of their own: the screen's are in a hidden subtree. */}
        <PartySwatch party={party} idPrefix={isPrint ? 'print-swatch' : undefined} />
        <h3 id={headingId}>{localize(party.name, lang)}</h3>
        {!isPrint && (
          <button
            type="button"
            className="select-party"
            data-testid="select-party"
            aria-pressed={isSelected}
            onClick={() => onSelect(party.id)}
          >
            {isSelected ? t('card.shown') : t('card.show')}
          </button>
        )}
      </header>
      {variant === 'compact' ? (
        <>
          <CardInsetSlot partyId={party.id} />
          <p className="party-card-gist">
            <span className="party-card-gist-label">{t('card.target')}:</span> {localize(version.target, lang)}
            <br />
            <span className="party-card-gist-label">{t('card.place')}:</span> {localize(version.place.label, lang)}
          </p>
          <details className="party-card-more">
            <summary>{t('card.more')}</summary>
            {sections}
          </details>
        </>
      ) : (
        sections
      )}
    </article>
  );
}

function ClaimedTime({ event, version, lang }: { event: NewsEvent; version: Version; lang: Lang }) {
  const text = localize(version.time.text, lang);
  if (!version.time.utc) return <>{text}</>;
  const { local, utc } = formatLocalAndUtcTime(version.time.utc, event.occurred.timeZone, lang);
  return (
    <>
      {text}
      <br />
      <time dateTime={version.time.utc}>
        {translateRich(lang, 'card.timeLocal', { local, utc, zone: localize(event.occurred.timeZoneName, lang) })}
      </time>
    </>
  );
}

/**
 * In the original's language, the words as the party said them. In any other, the editors'
 * translation, with the original one click away (a closed <details>, so it does not double the
 * card's length), marked with its own language and direction.
 */
function QuoteFigure({
  quote,
  lang,
  publisher,
  showOriginal,
}: {
  quote: Quote;
  lang: Lang;
  publisher: string | null;
  /** On paper there is no click: the original is printed under the translation. */
  showOriginal: boolean;
}) {
  const language = languageName(quote.original.lang, lang);
  const t = (key: MessageKey) => translate(lang, key, { language });
  const citation = publisher && <> · {translateRich(lang, 'card.quoteSource', { publisher })}</>;
  const original = (
    <blockquote lang={quote.original.lang} dir={quote.original.dir} className="quote-original">
      <p>{quote.original.text}</p>
    </blockquote>
  );
  const shown = quoteText(quote, lang);
  if (shown.isOriginal) {
    return (
      <figure className="quote">
        {original}
        <figcaption className="quote-caption">
          {t('card.quoteOriginal')}
          {citation}
        </figcaption>
      </figure>
    );
  }
  return (
    <figure className="quote">
      <blockquote lang={lang}>
        <p>{lang === 'ar' ? `«${shown.text}»` : `“${shown.text}”`}</p>
      </blockquote>
      <figcaption className="quote-caption">
        {t('card.quoteTranslation')}
        {citation}
      </figcaption>
      {showOriginal ? (
        <>
          {original}
          <p className="quote-caption">{t('card.quoteOriginal')}</p>
        </>
      ) : (
        <details className="quote-original-toggle">
          <summary>{t('card.quoteShowOriginal')}</summary>
          {original}
        </details>
      )}
    </figure>
  );
}
