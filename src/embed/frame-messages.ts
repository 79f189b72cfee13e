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
