import type { Plugin } from 'vite';

/** The faces the first paint needs, by the language whose text they draw. */
const FACES = {
  // Every page: the default language, and the digits and Latin names an Arabic page shows too.
  always: ['noto-sans-latin-400-normal', 'noto-sans-latin-600-normal'],
  ar: ['noto-sans-arabic-arabic-400-normal', 'noto-sans-arabic-arabic-600-normal'],
} as const;

/** `./assets/<hashed name>` of each face in `names`, from the bundle. */
export function fontUrls(bundle: Record<string, { fileName: string }>, names: readonly string[]): string[] {
  return names.map((name) => {
    const asset = Object.values(bundle).find((a) => a.fileName.endsWith('.woff2') && a.fileName.includes(`/${name}-`));
    if (!asset) throw new Error(`preload-fonts: no ${name}.woff2 in the bundle`);
    return `./${asset.fileName}`;
  });
}

/**
 * The page's Latin faces are `font-display: optional` (src/styles/fonts.css): a face that is not there
 * at the first layout is never swapped in, so text never reflows under the reader (a swap moved
 * the whole page by a line, CLS 0.3). Preloaded, Chromium holds the first paint briefly for such
 * a face, so the reader still gets Noto Sans. The Latin faces are preloaded here; the Arabic
 * ones (`swap`, so that the map's labels always get them) by the prerendered page's language script, and only for an Arabic page
 * (scripts/vite-plugins/prerender.ts), so an English reader does not fetch 100 KB for one button.
 */
export function preloadFontsPlugin(): Plugin {
  return {
    name: 'preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        fontUrls(ctx.bundle ?? {}, FACES.always).map((href) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href },
          injectTo: 'head' as const,
        })),
    },
  };
}

export const ARABIC_FACES = FACES.ar;
