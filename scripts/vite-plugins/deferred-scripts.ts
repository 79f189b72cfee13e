import type { Plugin } from 'vite';

/** Vite's tag for the entry chunk, in the built index.html. */
const ENTRY_SCRIPT = /\s*<script type="module" crossorigin src="[^"]+"><\/script>/;

/** The id of the inert template holding the page's scripts until the first paint. */
export const DEFERRED_SCRIPTS_ID = 'deferred-scripts';

/**
 * No script is needed for the first paint: the versions are in the HTML (prerender.ts). So the
 * built page asks for none before it. Vite's entry `<script type="module">` moves out of <head>
 * into an inert `<template id="deferred-scripts">` (a template's scripts neither load nor run),
 * with a modulepreload link for the map chunk. The page's inline script (prerender.ts) puts
 * them in the document once the first frame is painted: the HTML, the stylesheet and the fonts
 * have the connection to themselves until then, and the map chunk is fetched alongside the main
 * one instead of after it has run (src/map/map-view.tsx evaluates it later still).
 *
 * The tags keep their `src`/`href` attributes as Vite writes them, so the build stays relative
 * (any sub-path) and scripts/assets-elsewhere.mjs can point them at another origin.
 */
export function deferredScriptsPlugin(): Plugin {
  return {
    name: 'deferred-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'map-controller');
        if (!chunk) throw new Error('deferred-scripts: no map-controller chunk in the bundle');
        const entry = ENTRY_SCRIPT.exec(html)?.[0];
        if (!entry) throw new Error('deferred-scripts: no entry <script type="module"> in index.html');
        const template =
          `<template id="${DEFERRED_SCRIPTS_ID}">${entry.trim()}` +
          `<link rel="modulepreload" crossorigin href="./${chunk.fileName}"></template>`;
        return html.replace(entry, '').replace('</body>', `  ${template}\n  </body>`);
      },
    },
  };
}
