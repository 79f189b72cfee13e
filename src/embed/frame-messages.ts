/**
 * What the framed page tells its host, as pure data: the frame's context read from its own URL,
 * the height messages in every format hosts understand, and the one incoming message we answer.
 * No DOM here (src/embed/auto-height.ts posts them). Formats: docs/EMBED.md, from the hosts'
 * own code (datawrapper/chart-core lib/render.js, nprapps/pym.js src/pym.js, wp-embed.js).
 *
 * - Datawrapper `{"datawrapper-height": {[slug]: px}}` (object): the primary one; its current
 *   host snippet matches the frame by `event.source`, so it works from a sandboxed frame too.
 * - AMP `{sentinel: 'amp', type: 'embed-size', height}` (object).
 * - Medium/Embedly `JSON.stringify({src, context: 'iframe.resize', height})` (string).
 * - Flourish `JSON.stringify({sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src})` (string).
 * - Pym.js `pymxPYMx<childId>xPYMxheightxPYMx<px>` (string), only when Pym gave us a `childId`.
 * - WordPress `{message: 'height', value, secret}` (object), only when the src carries `#?secret=`.
 *
 * And a request to scroll the host so that a box of the frame (the map) is on the reader's
 * screen, for the hosts that can: our own `{"contested-map-scroll": {[slug]: {top, height}}}`
 * (object, Datawrapper-shaped, read by public/embed.js) and Pym.js's
 * `pymxPYMx<childId>xPYMxscrollToChildPosxPYMx<px>` (string, only with a `childId`).
 */

export interface FrameContext {
  /** Our key in the Datawrapper message (the event's id; it also appears in the frame's src). */
  readonly slug: string;
  /** The frame's own URL as it was opened, the `src` of the iframe.resize formats. */
  readonly href: string;
  /** Pym.js's `childId=` from the query, sanitised; null without one (then no Pym message). */
  readonly childId: string | null;
  /** WordPress's `#?secret=` from the hash, sanitised; null without one (then no WordPress message). */
  readonly wordpressSecret: string | null;
}

/** A value we accept from the URL for an id or a secret: short, and nothing but [A-Za-z0-9_-]. */
const SAFE_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const PYM = 'xPYMx';

function sanitiseToken(value: string | null | undefined): string | null {
  return typeof value === 'string' && SAFE_TOKEN.test(value) ? value : null;
}

/** The first value of `name` in a `a=1&b=2` string; URLSearchParams never throws on a string. */
function firstParam(search: string, name: string): string | null {
  return new URLSearchParams(search).get(name);
}

/**
 * The frame's context from its URL. Total: never throws, whatever `href` holds; a value that
 * is missing, longer than 64 characters or not made of [A-Za-z0-9_-] is null.
 */
export function readFrameContext(href: string, slug: string): FrameContext {
  const text = typeof href === 'string' ? href : '';
  let childId: string | null = null;
  let wordpressSecret: string | null = null;
  try {
    const hashAt = text.indexOf('#');
    const beforeHash = hashAt < 0 ? text : text.slice(0, hashAt);
    const hash = hashAt < 0 ? '' : text.slice(hashAt + 1);
    const queryAt = beforeHash.indexOf('?');
    if (queryAt >= 0) childId = sanitiseToken(firstParam(beforeHash.slice(queryAt + 1), 'childId'));
    // WordPress appends `#?secret=XXXX` to the iframe's src (tolerate more `&…` after it).
    if (hash.startsWith('?')) wordpressSecret = sanitiseToken(firstParam(hash.slice(1), 'secret'));
  } catch {
    childId = null;
    wordpressSecret = null;
  }
  return { slug, href: text, childId, wordpressSecret };
}

/**
 * The messages to post to the parent for a content height of `height` CSS px (rounded up to an
 * integer). None for a height that is not a positive finite number.
 */
export function heightMessages(height: number, ctx: FrameContext): unknown[] {
  const px = Math.ceil(height);
  if (!Number.isFinite(px) || px <= 0) return [];
  const messages: unknown[] = [
    { 'datawrapper-height': { [ctx.slug]: px } },
    { sentinel: 'amp', type: 'embed-size', height: px },
    JSON.stringify({ src: ctx.href, context: 'iframe.resize', height: px }),
    JSON.stringify({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height: px, src: ctx.href }),
  ];
  if (ctx.childId) messages.push(['pym', ctx.childId, 'height', String(px)].join(PYM));
  if (ctx.wordpressSecret) messages.push({ message: 'height', value: px, secret: ctx.wordpressSecret });
  return messages;
}

/** The longest width message we read: Pym's prefix, a 64-character id and a few digits. */
const MAX_PYM_MESSAGE = 128;

/**
 * Pym's parent → child `pymxPYMx<childId>xPYMxwidthxPYMx<n>`, for our own childId only, with an
 * integer width. The one incoming message the frame acts on (by re-sending its height).
 */
export function isPymWidthMessage(data: unknown, childId: string | null): boolean {
  if (typeof data !== 'string' || data.length > MAX_PYM_MESSAGE || !childId || !SAFE_TOKEN.test(childId)) return false;
  const prefix = ['pym', childId, 'width', ''].join(PYM);
  return data.startsWith(prefix) && /^\d{1,6}$/.test(data.slice(prefix.length));
}

/** The key of our scroll request; public/embed.js reads it (keep the two in step). */
export const SCROLL_REQUEST_KEY = 'contested-map-scroll';
/** The largest offset or height a scroll request carries: what public/embed.js clamps a frame to. */
export const MAX_FRAME_PX = 4000;

/** A box inside the frame, in CSS px from the top of the frame's document. */
export interface FrameBox {
  readonly top: number;
  readonly height: number;
}

function framePx(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.min(MAX_FRAME_PX, Math.max(0, Math.round(value)));
}

/**
 * The messages asking the host to scroll `box` of the frame into view. None for a box that is
 * not finite or has no height; offsets are rounded and clamped to 0–4000 px.
 */
export function scrollMessages(box: FrameBox, ctx: FrameContext): unknown[] {
  const top = framePx(box.top);
  const height = framePx(box.height);
  if (top === null || height === null || height <= 0) return [];
  const messages: unknown[] = [{ [SCROLL_REQUEST_KEY]: { [ctx.slug]: { top, height } } }];
  if (ctx.childId) messages.push(['pym', ctx.childId, 'scrollToChildPos', String(top)].join(PYM));
  return messages;
}

/**
 * Our scroll request read back, as public/embed.js reads it: the first entry of
 * `data['contested-map-scroll']` whose top and height are finite numbers, clamped to 0–4000 px
 * with a height of at least 1; null for anything else (a string, an array, NaN, a missing key).
 */
export function readScrollRequest(data: unknown): FrameBox | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const entries = (data as Record<string, unknown>)[SCROLL_REQUEST_KEY];
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return null;
  for (const value of Object.values(entries as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { top, height } = value as Record<string, unknown>;
    if (typeof top !== 'number' || typeof height !== 'number' || !Number.isFinite(top) || !Number.isFinite(height)) continue;
    return { top: framePx(top)!, height: Math.max(1, framePx(height)!) };
  }
  return null;
}
