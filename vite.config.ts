/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { validateDataPlugin } from './scripts/validate-data-plugin.ts';
import { prerenderPlugin } from './scripts/prerender-plugin.ts';

// Same-origin only. `worker-src data:` is for sandboxed iframes (opaque origin), where
// MapLibre starts its worker from a data: URL. Added at build time only: Vite's dev server
// injects inline styles that this policy would block.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The map chunk is a dynamic import, so the cards never wait for it; but left alone the
 * browser would only ask for it after the main chunk has run. A modulepreload link fetches
 * both at once, so the map is not later than on a page without React.
 */
function preloadMapChunkPlugin(): Plugin {
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

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative base: the build works from any sub-path, and inside a newsroom's iframe.
  base: './',
  plugins: [react(), validateDataPlugin(), contentSecurityPolicyPlugin(), preloadMapChunkPlugin(), prerenderPlugin()],
  build: {
    target: 'es2022',
    // MapLibre alone is about 1 MB minified; it already sits in its own lazily loaded chunk.
    chunkSizeWarningLimit: 1200,
    // The basemap GeoJSON must stay separate files fetched by MapLibre's worker, never inlined.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.woff2') ? false : undefined),
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        // Headless Chromium against the production build (see tests/browser/README.md).
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
