import type { Lang } from '../domain/types.ts';

/**
 * Locale tags, pinned: `ar-SY` for Levantine month names (كانون الأول, not ديسمبر) as Syrian
 * readers and SANA write them, with `-u-nu-latn` for Western digits, as AFP, SANA and SOHR
 * print them and as the quotes and the map's scale bar show them (README, "Digits in Arabic").
 * Plain `ar-SY` would give Arabic-Indic digits; plain `ar` Western digits but Egyptian month
 * names, and each has changed between CLDR versions, so neither is left to defaults.
 */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', ar: 'ar-SY-u-nu-latn' };

/**
 * Making an Intl formatter costs a millisecond or more (it loads locale and time-zone data);
 * the page formats the same few dates and distances in every card, on every render. Each
 * formatter is made once per locale and options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(LOCALES[lang], options)));
  return formatter;
}

export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `number ${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(LOCALES[lang], options)));
  return formatter;
}

const KILOMETRES: Intl.NumberFormatOptions = { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: 0 };

/** "20:00" in the event's time zone, and "18:00" in UTC, for a UTC instant. */
export function formatLocalAndUtcTime(utc: string, timeZone: string, lang: Lang): { local: string; utc: string } {
  const date = new Date(utc);
  const time = (zone: string) =>
    dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
  return { local: time(timeZone), utc: time('UTC') };
}

/** The day of a UTC instant as lived in `timeZone`, weekday included ("Sunday, 2 December 2018"). */
export function formatEventDay(utc: string, timeZone: string, lang: Lang): string {
  return dateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(utc),
  );
}

/** A calendar date ("2 December 2018") for an ISO date (YYYY-MM-DD), independent of the reader's zone. */
export function formatDate(isoDate: string, lang: Lang): string {
  return dateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A distance rounded to `step` km ("about 155 km" is written by the caller): "155 km", "155 كم". */
export function formatDistanceKm(km: number, lang: Lang, step = 5): string {
  return numberFormat(lang, KILOMETRES).format(Math.round(km / step) * step);
}

/**
 * The rounding rule for a measured distance range: never more precision than the data has.
 * Each end is rounded to 5 km when it is above 20 km and to 1 km at or below, and outward, so
 * that the printed range always holds the measured one: the low end down, the high end up
 * (64.3–189.6 km → 60–190 km; 1.9–18.1 km → 1–19 km). A millionth of a km is forgiven first,
 * so that a computed 34.9999999 does not fall to 30.
 */
export function roundDistanceRange(minKm: number, maxKm: number): { lowKm: number; highKm: number } {
  if (!Number.isFinite(minKm) || !Number.isFinite(maxKm) || minKm < 0 || maxKm < minKm) {
    throw new RangeError(`roundDistanceRange: expected 0 ≤ min ≤ max, got ${minKm} and ${maxKm}`);
  }
  const step = (km: number): number => (km > 20 ? 5 : 1);
  const slack = 1e-6;
  return {
    lowKm: Math.max(0, Math.floor((minKm + slack) / step(minKm)) * step(minKm)),
    highKm: Math.max(0, Math.ceil((maxKm - slack) / step(maxKm)) * step(maxKm)),
  };
}

/** A distance range in parts, for the dictionary's words to wrap (this file holds no words). */
export interface DistanceRangeParts {
  /** `overlap`: the areas share ground (low is 0); `about`: both ends round to one value; else `range`. */
  readonly kind: 'range' | 'about' | 'overlap';
  /** Each end with its unit: "65 km", "65 كم". */
  readonly low: string;
  readonly high: string;
  /** Each end without its unit, for a phrase that prints the unit once: "between {lowNumber} and {high}". */
  readonly lowNumber: string;
  readonly highNumber: string;
  /** The rounded ends (roundDistanceRange). */
  readonly lowKm: number;
  readonly highKm: number;
}

/**
 * The range from `minKm` to `maxKm` (the nearest and farthest distances between two claims),
 * rounded by roundDistanceRange, as parts. Meant to read "between 65 and 190 km" /
 * "بين 65 و190 كم" (`range`), "about 35 km" (`about`), or "they overlap; up to 250 km apart"
 * (`overlap`, which `overlaps` decides: by default a `minKm` of exactly 0).
 */
export function formatDistanceRange(minKm: number, maxKm: number, lang: Lang, overlaps = minKm === 0): DistanceRangeParts {
  const { lowKm: rounded, highKm } = roundDistanceRange(minKm, maxKm);
  const lowKm = overlaps ? 0 : rounded;
  const number = numberFormat(lang, { maximumFractionDigits: 0 });
  const withUnit = numberFormat(lang, KILOMETRES);
  return {
    kind: overlaps ? 'overlap' : lowKm === highKm ? 'about' : 'range',
    low: withUnit.format(lowKm),
    high: withUnit.format(highKm),
    lowNumber: number.format(lowKm),
    highNumber: number.format(highKm),
    lowKm,
    highKm,
  };
}
