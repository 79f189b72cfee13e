import type { Lang } from '../domain/types.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', ar: 'ar-SY' };

/** "20:00" in the event's time zone, and "18:00" in UTC, for a UTC instant. */
export function formatLocalAndUtcTime(utc: string, timeZone: string, lang: Lang): { local: string; utc: string } {
  const date = new Date(utc);
  const time = (zone: string) =>
    new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
  return { local: time(timeZone), utc: time('UTC') };
}

/** A calendar date ("2 December 2018") for an ISO date (YYYY-MM-DD), independent of the reader's zone. */
export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
