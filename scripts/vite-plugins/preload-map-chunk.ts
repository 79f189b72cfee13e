import type { Plugin } from 'vite';

/**
 * The map chunk is a dynamic import, so the cards never wait for it; but left alone the
 * browser would only ask for it after the main chunk has run. A modulepreload link fetches
 * both at once, so the map is not later than on a page without React.
 */
export function preloadMapChunkPlugin(): Plugin {
  return {
    name: 'preload-map-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'map-controller');
        if (!chunk) throw new Error('preload-map-chunk: no map-controller chunk in the bundle');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
