/**
 * Small typed helpers for reading `unknown` JSON. Each reader records a `DataIssue` naming the
 * file, the record, the field and what was expected, then returns a placeholder so the caller
 * can keep going: one run reports every problem in a file, not just the first. The caller must
 * call `IssueLog.throwIfAny()` before trusting anything it built.
 */
import type { Lang, LocalizedText, LonLat } from './types.ts';
import { LANGS } from './types.ts';

export { DataValidationError, formatIssue, type DataIssue } from './data-issue.ts';
import { DataValidationError, type DataIssue } from './data-issue.ts';

/** Short, single-line rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class IssueLog {
  readonly issues: DataIssue[] = [];

  add(file: string, record: string, field: string, expected: string, got?: string): void {
    this.issues.push(got === undefined ? { file, record, field, expected } : { file, record, field, expected, got });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new DataValidationError(this.issues);
  }
}

/** Parses JSON text, turning a syntax error into a `DataValidationError` that names the file. */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataValidationError([{ file, record: '(file)', field: '(whole file)', expected: 'valid JSON', got: reason }]);
  }
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', ar: 'Arabic' };
/** A letter of the Arabic script, so that digits or punctuation alone do not pass as a translation. */
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/;
const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

/** A box in degrees: the basemap's extent, which every position of the event must fall in. */
export interface Extent {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
  /** Where the extent was read from, for messages: e.g. `data/basemap/basemap.json`. */
  readonly file: string;
}

const LATIN_LETTER = /(?=\p{Script=Latin})\p{L}/u;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Languages written right to left, by their primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function hasArabicLetter(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

export function hasLatinLetter(text: string): boolean {
  return LATIN_LETTER.test(text);
}

/** A well-formed BCP 47 tag that Intl knows, in its canonical spelling; null otherwise. */
export function canonicalLanguageTag(value: string): string | null {
  if (!LANGUAGE_TAG.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

export function languageDirection(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(tag.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

export function extentText(e: Extent): string {
  return `longitude ${e.west} to ${e.east}, latitude ${e.south} to ${e.north}, from ${e.file}`;
}

/** Checks that Y-M-D names a real calendar day (Date.UTC would silently roll 30 Feb over). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isUtcTimestamp(value: string): boolean {
  const m = UTC_TIMESTAMP.exec(value);
  if (m === null || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  return hour < 24 && minute < 60 && second < 60 && !Number.isNaN(Date.parse(value));
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a time zone, e.g. 2018-12-02T22:30:00Z is
 * 2018-12-03 in Asia/Damascus; null when the zone or the instant is unusable.
 */
export function localDateIn(utc: string, timeZone: string): string | null {
  const instant = new Date(utc);
  if (Number.isNaN(instant.getTime())) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-US-u-nu-latn-ca-gregory', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  } catch {
    return null;
  }
}

/** Reads the fields of one record (a feature, a party, a version...), logging issues against it. */
export class RecordReader {
  constructor(
    private readonly log: IssueLog,
    readonly file: string,
    readonly record: string,
  ) {}

  issue(field: string, expected: string, got?: unknown): void {
    this.log.add(this.file, this.record, field, expected, got === undefined ? describeValue(undefined) : describeValue(got));
  }

  /** For issues where the value itself is fine but its relation to others is not. */
  issueText(field: string, expected: string, got?: string): void {
    this.log.add(this.file, this.record, field, expected, got);
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (isRecord(value)) return value;
    this.issue(field, 'an object', value);
    return {};
  }

  /**
   * Reports every key of `o` that is not in `fields`: a misspelt optional field ("lableSide")
   * would otherwise be ignored without a word. `at` is the field path of `o` ('' for the record).
   */
  onlyFields(o: Record<string, unknown>, fields: readonly string[], at = ''): void {
    for (const key of Object.keys(o)) {
      if (!fields.includes(key)) {
        this.issueText(
          `${at === '' ? '' : `${at}.`}${key}`,
          `one of the known fields here (${fields.join(', ')}): no field "${key}"`,
          'a misspelt or unknown field',
        );
      }
    }
  }

  array(value: unknown, field: string): readonly unknown[] {
    if (Array.isArray(value)) return value;
    this.issue(field, 'an array', value);
    return [];
  }

  string(value: unknown, field: string, expected = 'a non-empty string'): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.issue(field, expected, value);
    return '';
  }

  optionalString(value: unknown, field: string): string | undefined {
    return value === undefined ? undefined : this.string(value, field, 'a non-empty string, or no field at all');
  }

  text(value: unknown, field: string): LocalizedText {
    if (!isRecord(value)) {
      this.issue(field, `an object with a non-empty string for each language (${LANGS.join(', ')})`, value);
      return { en: '', ar: '' };
    }
    const out: Record<Lang, string> = { en: '', ar: '' };
    this.onlyFields(value, LANGS, field);
    for (const lang of LANGS) {
      out[lang] = this.string(value[lang], `${field}.${lang}`, `a non-empty string (${LANG_NAMES[lang]} translation)`);
    }
    // English pasted into the Arabic slot is a missing translation too.
    if (out.ar !== '' && !hasArabicLetter(out.ar)) {
      this.issue(`${field}.ar`, 'Arabic text (Arabic translation) containing Arabic letters', out.ar);
    }
    return out;
  }

  boolean(value: unknown, field: string, fallback?: boolean): boolean {
    if (typeof value === 'boolean') return value;
    if (value === undefined && fallback !== undefined) return fallback;
    this.issue(field, fallback === undefined ? 'true or false' : 'true or false, or no field at all', value);
    return false;
  }

  number(value: unknown, field: string, expected = 'a finite number'): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.issue(field, expected, value);
    return undefined;
  }

  positiveNumber(value: unknown, field: string): number {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    this.issue(field, 'a positive number', value);
    return 1;
  }

  bearing(value: unknown, field: string): number {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 360) return value;
    this.issue(field, 'a compass bearing in degrees, in [0, 360]', value);
    return 0;
  }

  oneOf<T extends string>(value: unknown, field: string, options: readonly T[]): T {
    const found = options.find((option) => option === value);
    if (found !== undefined) return found;
    this.issue(field, `one of ${options.map((o) => `"${o}"`).join(', ')}`, value);
    // Placeholder only: the log is non-empty, so this value is never returned to a caller.
    return options[0] as T;
  }

  stringArray(value: unknown, field: string): string[] {
    if (!Array.isArray(value)) {
      this.issue(field, 'an array of ids', value);
      return [];
    }
    return value.map((item, i) => this.string(item, `${field}[${i}]`, 'a non-empty id string'));
  }

  isoDate(value: unknown, field: string): string {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    this.issue(field, 'a calendar date as YYYY-MM-DD', value);
    return '';
  }

  utcTimestamp(value: unknown, field: string): string {
    if (typeof value === 'string' && isUtcTimestamp(value)) return value;
    this.issue(field, 'an ISO 8601 UTC timestamp ending in Z, e.g. 2018-12-02T18:00:00Z', value);
    return '';
  }

  timeZone(value: unknown, field: string): string {
    if (typeof value === 'string' && isTimeZone(value)) return value;
    this.issue(field, 'an IANA time zone accepted by Intl.DateTimeFormat, e.g. "Europe/London"', value);
    return 'UTC';
  }

  hexColor(value: unknown, field: string): string {
    if (typeof value === 'string' && HEX_COLOR.test(value)) return value;
    this.issue(field, 'a colour as #RRGGBB hex', value);
    return '#000000';
  }

  optionalUrl(value: unknown, field: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      try {
        const url = new URL(value);
        if (url.protocol === 'https:' || url.protocol === 'http:') return value;
      } catch {
        // Falls through to the issue below.
      }
    }
    this.issue(field, 'an absolute https: or http: URL, or no field at all', value);
    return undefined;
  }

  /**
   * A [lon, lat] position. With an `extent`, also inside it (the basemap's). Returns undefined
   * (after logging) when the position is unusable.
   */
  lonLat(value: unknown, field: string, extent: Extent | null): LonLat | undefined {
    if (
      !Array.isArray(value) ||
      value.length < 2 ||
      value.length > 3 ||
      !value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      this.issue(field, 'a position [longitude, latitude] of finite numbers', value);
      return undefined;
    }
    const lon = value[0] as number;
    const lat = value[1] as number;
    if (lon < -180 || lon > 180) {
      this.issue(`${field}[0]`, 'a longitude in [-180, 180]', lon);
      return undefined;
    }
    if (lat < -90 || lat > 90) {
      this.issue(`${field}[1]`, 'a latitude in [-90, 90]', lat);
      return undefined;
    }
    if (extent && !isInExtent(extent, lon, lat)) {
      // The two mistakes behind nearly every such position: the pair written the wrong way
      // round, or an event outside the region the basemap was cut for.
      const fix = isInExtent(extent, lat, lon)
        ? ' (longitude and latitude look swapped: GeoJSON is [longitude, latitude])'
        : " (if the position is right, the event needs a basemap that covers it: cut one as docs/BASEMAP.md says and name it in event.json's map.basemap)";
      this.issue(field, `a position inside the basemap's extent (${extentText(extent)})${fix}`, value);
      return undefined;
    }
    return [lon, lat];
  }
}

export function isInExtent(e: Pick<Extent, 'west' | 'south' | 'east' | 'north'>, lon: number, lat: number): boolean {
  return lon >= e.west && lon <= e.east && lat >= e.south && lat <= e.north;
}

/**
 * Records the first occurrence of each id and reports later ones, so a duplicate names both places.
 * `where` describes the record for the "already used by" part of the message.
 */
export class IdRegistry {
  private readonly seen = new Map<string, string>();

  constructor(private readonly what: string) {}

  claim(reader: RecordReader, id: string, where: string): void {
    if (id === '') return;
    const first = this.seen.get(id);
    if (first === undefined) {
      this.seen.set(id, where);
      return;
    }
    reader.issueText('id', `a unique ${this.what} id (already used by ${first})`, JSON.stringify(id));
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  ids(): string[] {
    return [...this.seen.keys()];
  }
}
