import { useAppStore } from '../store/store-context.tsx';
import { useShowPartyToggle } from './use-show-party.ts';
import { selectEvent, selectLang, selectSelectedPartyId } from '../store/selectors.ts';
import type { Lang, NewsEvent, TimelineEntry } from '../domain/types.ts';
import { dateTimeFormat, formatDate, formatLocalAndUtcTime } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';
import { translateRich } from '../i18n/rich.tsx';
import { SourceLinks } from './source-list.tsx';

/** The entry's time, drawn with its precision: an exact time, an "about" time, a day, a month. */
function When({ event, entry, lang }: { event: NewsEvent; entry: TimelineEntry; lang: Lang }) {
  const { when } = entry;
  if (when.precision === 'month') {
    const month = dateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${when.date}T00:00:00Z`),
    );
    return <time dateTime={when.date.slice(0, 7)}>{month}</time>;
  }
  const day = formatDate(when.date, lang);
  if (!when.utc) {
    return (
      <>
        <time dateTime={when.date}>{day}</time> <span className="muted">({translate(lang, 'timeline.noHour')})</span>
      </>
    );
  }
  const time = formatLocalAndUtcTime(when.utc, event.occurred.timeZone, lang);
  return (
    <time dateTime={when.utc}>
      {day} · {when.precision === 'about' ? '≈ ' : ''}
      {translateRich(lang, 'card.timeLocal', { ...time, zone: localize(event.occurred.timeZoneName, lang) })}
    </time>
  );
}

/**
 * The dated steps of the story, earliest first, from top to bottom in both languages: a
 * vertical list reads the same way in Arabic and English, where a horizontal axis would have to
 * choose a direction (README, "Arabic and English"). Where the source article got a date
 * wrong, the entry gives the right one and says what the article says. An entry about one
 * party selects it.
 */
export function Timeline() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const selected = useAppStore(selectSelectedPartyId);
  const toggle = useShowPartyToggle();
  if (event.timeline.length === 0) return null;

  return (
    <section className="timeline" data-testid="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{translate(lang, 'timeline.heading')}</h2>
      <p className="panel-intro">{translate(lang, 'timeline.intro')}</p>
      <ol className="timeline-list">
        {event.timeline.map((entry) => {
          const party = entry.party ? event.parties.find((p) => p.id === entry.party) : undefined;
          return (
            <li
              key={entry.id}
              className="timeline-entry"
              data-entry={entry.id}
              data-precision={entry.when.precision}
              ref={(el) => el?.style.setProperty('--party-color', party?.mark.color ?? 'var(--ink-muted)')}
            >
              <p className="timeline-when">
                <When event={event} entry={entry} lang={lang} />
              </p>
              <p className="timeline-text">{localize(entry.text, lang)}</p>
              {entry.correction && (
                <p className="timeline-correction">
                  {translateRich(lang, 'timeline.articleSays', { says: localize(entry.correction.articleSays, lang) })}{' '}
                  {localize(entry.correction.note, lang)}
                </p>
              )}
              <p className="timeline-meta">
                <SourceLinks ids={entry.sources} sources={event.sources} lang={lang} />
                {party && (
                  <button
                    type="button"
                    className="timeline-select"
                    data-testid="timeline-select"
                    data-party={party.id}
                    aria-pressed={selected === party.id}
                    onClick={() => toggle(party.id)}
                  >
                    {localize(party.shortName, lang)}: {translate(lang, selected === party.id ? 'card.shown' : 'card.show')}
                  </button>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
