/**
 * The app's state in a URL, and back: one pure, total parser and its inverse.
 *
 * `parseAppParams` never throws and always returns a valid state, whatever it is handed: a URL
 * is untrusted input (pasted, shared, decorated by a host page). Unknown keys are ignored,
 * since hosts add their own (`childId`, `initialWidth`, `parentTitle`, `parentUrl`, WordPress's
 * `#?secret=…`); each key is read on its own, so a bad `map` does not lose a good `lang`; a value
 * that does not parse is as if absent.
 *
 * Display flags (`embed`, `theme`, `plain`, `static`) say how the page is shown, not what it
 * shows: they are read once at boot and kept in every URL the page writes. Later issues add keys
 * (layers, a story `chapter`): each is one more field, one more reader in `parseAppParams` and
 * one more entry in `writeParam`.
 */
import type { Lang } from '../domain/types.ts';
import { MAX_LATITUDE, ZOOM_RANGE, type Camera } from '../domain/camera.ts';
import { MAP_LAYERS, sameLayers, type LayerVisibility, type MapLayer } from '../domain/layers.ts';

export interface AppParams {
  /** `?lang=`; null when the URL does not choose (the reader's preference then decides). */
  readonly lang: Lang | null;
  /** `?party=<id>`, or else the fragment `#<id>`; null when absent or not one of the event's parties. */
  readonly party: string | null;
  /** `?map=zoom/lat/lon` or `zoom/lat/lon/bearing`; null when absent or malformed. */
  readonly camera: Camera | null;
  /** `?layers=claims,rings` (the visible ones, or `none`); null when absent or malformed (the default set). */
  readonly layers: LayerVisibility | null;
  /** `?chapter=3`: a story chapter, counted from 1; null when absent, malformed or not one of the story's. */
  readonly chapter: number | null;
  /** `?present=1`: the story in presentation mode (false when the event has no story). */
  readonly present: boolean;
  readonly display: DisplayFlags;
}

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** How the page is shown: a news site's embed, its colours, its chrome, whether the map moves. */
export interface DisplayFlags {
  /** `?embed=1`: the compact page for an `<iframe>` in an article. */
  readonly embed: boolean;
  /** `?theme=light|dark|auto`; auto follows the reader's `prefers-color-scheme`. */
  readonly theme: Theme;
  /** `?plain=1`: no header or footer (the host's article gives the title and credits). */
  readonly plain: boolean;
  /** `?static=1`: the map does not pan or zoom (a picture that still answers the panel). */
  readonly isStatic: boolean;
}

export const DEFAULT_DISPLAY: DisplayFlags = Object.freeze({ embed: false, theme: 'light', plain: false, isStatic: false });

/** What the parser must know about the event: which party ids exist. */
export interface ParamContext {
  readonly partyIds: readonly string[];
  /** How many chapters the event's story has (0 without a story). */
  readonly chapterCount: number;
}

export const NO_PARAMS: AppParams = Object.freeze({
  lang: null,
  party: null,
  camera: null,
  layers: null,
  chapter: null,
  present: false,
  display: DEFAULT_DISPLAY,
});

/** The keys this app owns in a query string, in the order it writes them. */
const OWN_KEYS = ['embed', 'theme', 'plain', 'static', 'present', 'lang', 'chapter', 'party', 'map', 'layers'] as const;

/** Longer values are not ours: no id, language or camera needs more. */
const MAX_VALUE_LENGTH = 64;

/** A plain decimal: no exponent, hex, sign `+`, `Infinity` or `NaN`. */
const DECIMAL = /^-?\d{1,4}(\.\d{1,12})?$/;

export function parseAppParams(href: string, context: ParamContext): AppParams {
  let url: URL;
  try {
    url = new URL(String(href), 'http://localhost/');
  } catch {
    return NO_PARAMS;
  }
  const value = (key: (typeof OWN_KEYS)[number]): string | null => {
    const raw = url.searchParams.get(key);
    return raw !== null && raw.length <= MAX_VALUE_LENGTH ? raw : null;
  };
  return {
    lang: parseLang(value('lang')),
    party: parseParty(value('party'), context) ?? parseParty(fragment(url.hash), context),
    camera: parseCamera(value('map')),
    layers: parseLayers(value('layers')),
    chapter: parseChapter(value('chapter'), context),
    present: context.chapterCount > 0 && parseFlag(value('present')),
    display: {
      embed: parseFlag(value('embed')),
      theme: parseTheme(value('theme')),
      plain: parseFlag(value('plain')),
      isStatic: parseFlag(value('static')),
    },
  };
}

/** The canonical query string for `params`: `''`, or `?` and the keys in a fixed order. */
export function serializeAppParams(params: AppParams): string {
  const parts = OWN_KEYS.flatMap((key) => {
    const text = writeParam(key, params);
    return text === null ? [] : [`${key}=${encodeURIComponent(text).replaceAll('%2F', '/').replaceAll('%2C', ',')}`];
  });
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * `href` with the app's keys set from `params` (a null removes its key) and everything else
 * kept: the other query parameters in their order and spelling, and the fragment, unless the
 * fragment named a party (`#sohr`), which `party=` now says.
 */
export function hrefWithAppParams(href: string, params: AppParams, context: ParamContext): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return serializeAppParams(params) || '?';
  }
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !(OWN_KEYS as readonly string[]).includes(keyOf(pair)));
  const ours = serializeAppParams(params).replace(/^\?/, '');
  const search = [...kept, ...(ours ? [ours] : [])].join('&');
  const hash = parseParty(fragment(url.hash), context) ? '' : url.hash;
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}${hash}`;
}

/**
 * A camera at the precision a URL keeps: zoom to 1/100; longitude and latitude to the decimals
 * that move the map by under half a pixel at that zoom (MapLibre's world is 512·2^zoom px
 * wide); bearing to a degree. Idempotent, and always within the map's range (rounding never
 * takes a latitude past MAX_LATITUDE: the tests check it).
 */
export function roundCamera(camera: Camera): Camera {
  const zoom = clamp(round(camera.zoom, 2), ZOOM_RANGE.min, ZOOM_RANGE.max);
  const decimals = clamp(Math.ceil(Math.log10((512 * 2 ** zoom) / 360)), 0, 6);
  const [lon, lat] = camera.center;
  // Rounded to the nearest, a latitude at the clamp could land just past it (85.051129 → 85.05113):
  // rounded toward the equator instead, it stays inside.
  let roundedLat = round(clamp(lat, -MAX_LATITUDE, MAX_LATITUDE), decimals);
  if (Math.abs(roundedLat) > MAX_LATITUDE)
    roundedLat = Math.trunc(roundedLat * 10 ** decimals - Math.sign(roundedLat)) / 10 ** decimals;
  return {
    center: [round(wrapLongitude(lon), decimals, -180, 180), roundedLat],
    zoom,
    bearing: wrapBearing(round(camera.bearing, 0)),
  };
}

export function sameAppParams(a: AppParams, b: AppParams): boolean {
  return (
    a.lang === b.lang &&
    a.party === b.party &&
    sameCamera(a.camera, b.camera) &&
    (a.layers === null || b.layers === null ? a.layers === b.layers : sameLayers(a.layers, b.layers)) &&
    a.chapter === b.chapter &&
    a.present === b.present &&
    sameDisplay(a.display, b.display)
  );
}

function sameDisplay(a: DisplayFlags, b: DisplayFlags): boolean {
  return a.embed === b.embed && a.theme === b.theme && a.plain === b.plain && a.isStatic === b.isStatic;
}

function writeParam(key: (typeof OWN_KEYS)[number], params: AppParams): string | null {
  switch (key) {
    case 'embed':
      return params.display.embed ? '1' : null;
    case 'theme':
      return params.display.theme === DEFAULT_DISPLAY.theme ? null : params.display.theme;
    case 'plain':
      return params.display.plain ? '1' : null;
    case 'static':
      return params.display.isStatic ? '1' : null;
    case 'layers':
      return params.layers === null ? null : MAP_LAYERS.filter((layer) => params.layers?.[layer]).join(',') || 'none';
    case 'present':
      return params.present ? '1' : null;
    case 'chapter':
      return params.chapter === null ? null : String(params.chapter);
    case 'lang':
      return params.lang;
    case 'party':
      return params.party;
    case 'map': {
      if (!params.camera) return null;
      // Rounded here, once: printing a raw 6.7249995 as 6.725 and rounding that again on the
      // way back would land on 6.73.
      const { zoom, center, bearing } = roundCamera(params.camera);
      return [zoom, center[1], center[0], ...(bearing === 0 ? [] : [bearing])].map(decimal).join('/');
    }
  }
}

/** The visible layers, each named once, or `none`; anything else is as if absent. */
function parseLayers(value: string | null): LayerVisibility | null {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return null;
  if (text === 'none') return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, false])) as Record<MapLayer, boolean>;
  const names = text.split(',').map((name) => name.trim());
  const known = (name: string): name is MapLayer => (MAP_LAYERS as readonly string[]).includes(name);
  if (!names.every(known) || new Set(names).size !== names.length) return null;
  return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, names.includes(layer)])) as Record<MapLayer, boolean>;
}

/** A chapter number the story has, written in plain digits (`3`, not `03`, `3.0` or `+3`). */
function parseChapter(value: string | null, context: ParamContext): number | null {
  const text = (value ?? '').trim();
  if (!/^[1-9]\d{0,3}$/.test(text)) return null;
  const chapter = Number(text);
  return chapter <= context.chapterCount ? chapter : null;
}

/** `1` or `true` turns a flag on; anything else (absent, `0`, junk) leaves it off. */
function parseFlag(value: string | null): boolean {
  const flag = (value ?? '').trim().toLowerCase();
  return flag === '1' || flag === 'true';
}

function parseTheme(value: string | null): Theme {
  const theme = (value ?? '').trim().toLowerCase();
  return (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : DEFAULT_DISPLAY.theme;
}

function parseLang(value: string | null): Lang | null {
  const lang = (value ?? '').trim().toLowerCase();
  return lang === 'ar' || lang === 'en' ? lang : null;
}

function parseParty(value: string | null, context: ParamContext): string | null {
  const id = (value ?? '').trim().toLowerCase();
  return id !== '' && context.partyIds.includes(id) ? id : null;
}

function parseCamera(value: string | null): Camera | null {
  const parts = (value ?? '').split('/');
  if ((parts.length !== 3 && parts.length !== 4) || !parts.every((part) => DECIMAL.test(part))) return null;
  const [zoom, lat, lon, bearing = 0] = parts.map(Number) as [number, number, number, number?];
  return roundCamera({ center: [lon, lat], zoom, bearing });
}

/** The fragment without `#`, percent-decoded; '' when it does not decode or is too long. */
function fragment(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (raw.length > MAX_VALUE_LENGTH) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function keyOf(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (a === null || b === null) return a === b;
  return a.zoom === b.zoom && a.bearing === b.bearing && a.center[0] === b.center[0] && a.center[1] === b.center[1];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounded to `decimals`, with -0 as 0; `min`/`max` keep a wrapped value in its half-open range. */
function round(value: number, decimals: number, min = -Infinity, max = Infinity): number {
  const factor = 10 ** decimals;
  let rounded = Math.round(value * factor) / factor;
  if (rounded >= max) rounded = min + (rounded - max);
  return rounded === 0 ? 0 : rounded;
}

/** Into [-180, 180). */
function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Into (-180, 180]. */
function wrapBearing(bearing: number): number {
  const wrapped = ((((bearing + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped === 0 ? 0 : wrapped;
}

/** Shortest decimal text, never in exponent form (rounded values have at most 6 decimals). */
function decimal(value: number): string {
  return value.toFixed(6).replace(/\.?0+$/, '') || '0';
}
