import type { Lang } from '../domain/types.ts';

/**
 * Locale tags, pinned: `ar-SY` for Levantine month names (كانون الأول, not ديسمبر) as Syrian
 * readers and SANA write them, with `-u-nu-latn` for Western digits, as AFP, SANA and SOHR
 * print them and as the quotes and the map's scale bar show them (README, "Digits in Arabic").
 * Plain `ar-SY` would give Arabic-Indic digits; plain `ar` Western digits but Egyptian month
 * names, and each has changed between CLDR versions, so neither is left to defaults.
 */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', ar: 'ar-SY-u-nu-latn' };

/** "20:00" in the event's time zone, and "18:00" in UTC, for a UTC instant. */
export function formatLocalAndUtcTime(utc: string, timeZone: string, lang: Lang): { local: string; utc: string } {
  const date = new Date(utc);
  const time = (zone: string) =>
    new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
  return { local: time(timeZone), utc: time('UTC') };
}

/** The day of a UTC instant as lived in `timeZone`, weekday included ("Sunday, 2 December 2018"). */
export function formatEventDay(utc: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(utc));
}

/** A calendar date ("2 December 2018") for an ISO date (YYYY-MM-DD), independent of the reader's zone. */
export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A distance rounded to `step` km ("about 155 km" is written by the caller): "155 km", "155 كم". */
export function formatDistanceKm(km: number, lang: Lang, step = 5): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(Math.round(km / step) * step);
}
