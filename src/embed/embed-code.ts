/**
 * The code a journalist pastes into an article: an `<iframe>` of the current state, usable as
 * it is (a fixed, sensible height, full width, a title for screen readers), followed by an
 * optional small script from our own origin that resizes the frame to its content. A CMS that
 * strips scripts keeps a working, scrollable embed.
 */

export interface EmbedCodeOptions {
  /** The page to embed, with the state to open in (already carrying `embed=1`). */
  readonly src: string;
  /** The frame's accessible name, in the page's current language. */
  readonly title: string;
  readonly lang: string;
  /** The height the frame has before (or without) the resizer script. */
  readonly height: number;
  /** The host-side resizer (public/embed.js on our origin), or null for the iframe alone. */
  readonly scriptSrc: string | null;
}

/** The frame's default height: the compact embed's versions and map, without scrolling, on a phone. */
export const DEFAULT_EMBED_HEIGHT = 640;

/** The attribute our resizer looks for (it matches frames by `event.source`, this narrows the search). */
export const EMBED_MARKER = 'data-contested-map';

export function buildEmbedCode({ src, title, lang, height, scriptSrc }: EmbedCodeOptions): string {
  const frame = [
    '<iframe',
    `src="${escapeAttribute(src)}"`,
    `title="${escapeAttribute(title)}"`,
    `lang="${escapeAttribute(lang)}"`,
    'loading="lazy"',
    'allow="fullscreen"',
    'allowfullscreen',
    `width="100%"`,
    `height="${Math.round(height)}"`,
    // Datawrapper's pattern: `width: 0; min-width: 100%` lets the frame shrink inside narrow columns.
    'style="width: 0; min-width: 100%; border: none;"',
    `${EMBED_MARKER}`,
    // One attribute a line: easier to read and edit, and the title (in the page's language) is a
    // bidi paragraph of its own, so an Arabic title reads in order in the left-to-right code box
    // instead of being reordered with the attributes around it where the line wraps.
  ].join('\n  ');
  const code = `${frame}></iframe>`;
  return scriptSrc ? `${code}\n<script src="${escapeAttribute(scriptSrc)}" async></script>` : code;
}

/** Text made safe inside a double-quoted HTML attribute (or an element's text). */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
