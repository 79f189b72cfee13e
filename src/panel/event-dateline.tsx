import type { Lang, NewsEvent } from '../domain/types.ts';
import { formatEventDay, formatLocalAndUtcTime } from '../i18n/format.ts';
import { localize } from '../i18n/index.ts';
import { translateRich } from '../i18n/rich.tsx';

/** When it happened: the day, the local time with its zone and UTC, and the editors' note on it. */
export function EventDateline({ event, lang }: { event: NewsEvent; lang: Lang }) {
  const time = formatLocalAndUtcTime(event.occurred.utc, event.occurred.timeZone, lang);
  return (
    <p className="app-dateline">
      <time dateTime={event.occurred.utc}>
        {formatEventDay(event.occurred.utc, event.occurred.timeZone, lang)} · {event.occurred.approximate ? '≈ ' : ''}
        {translateRich(lang, 'card.timeLocal', { ...time, zone: localize(event.occurred.timeZoneName, lang) })}
      </time>
      <span className="muted"> — {localize(event.occurred.note, lang)}</span>
    </p>
  );
}
