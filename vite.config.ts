/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// Every plugin of the build lives in scripts/vite-plugins/.
import {
  contentSecurityPolicyPlugin,
  downloadsPlugin,
  headersFilePlugin,
  precompressPlugin,
  preloadFontsPlugin,
  deferredScriptsPlugin,
  prerenderPlugin,
  selectedEventPlugin,
  shareMetaPlugin,
  validateDataPlugin,
} from './scripts/vite-plugins/index.ts';

import { BROWSER_WORKERS } from './tests/browser/workers.ts';

const SCREENSHOTS = 'tests/browser/screenshots.test.ts';
/** What every project run in headless Chromium shares (see tests/browser/README.md). */
const BROWSER = {
  environment: 'node' as const,
  globalSetup: ['tests/browser/global-setup.ts'],
  // Files side by side, each worker with its own Chromium (tests/browser/workers.ts).
  // Ceilings for a loaded machine, not timings: tests wait for states (tests/browser/helpers.ts).
  testTimeout: 120_000,
  hookTimeout: 120_000,
  expect: { poll: { timeout: 30_000, interval: 50 } },
  // A worker's files share the modules they import: playwright-core and axe-core are loaded once
  // per worker, not once per file (about 2.3 s each here). No browser test keeps state in a
  // shared module; each file's own state is in the file.
  isolate: false,
};

export default defineConfig({
  // Relative base: the build works from any sub-path, and inside a newsroom's iframe.
  base: './',
  plugins: [
    react(),
    selectedEventPlugin(),
    validateDataPlugin(),
    shareMetaPlugin(),
    downloadsPlugin(),
    contentSecurityPolicyPlugin(),
    preloadFontsPlugin(),
    deferredScriptsPlugin(),
    prerenderPlugin(),
    // After the prerender's writeBundle (both read the final index.html), in this order.
    headersFilePlugin(),
    precompressPlugin(),
  ],
  build: {
    target: 'es2022',
    // MapLibre alone is about 1 MB minified; it already sits in its own lazily loaded chunk.
    chunkSizeWarningLimit: 1200,
    // The basemap GeoJSON must stay separate files fetched by MapLibre's worker, never inlined.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.woff2') ? false : undefined),
  },
  test: {
    // Vitest's default on 2 cores is one worker: every file, unit or browser, one after another.
    maxWorkers: BROWSER_WORKERS,
    projects: [
      {
        extends: true,
        // A ceiling for the tests that start Node processes (cut-basemap, validate-data) on a busy machine.
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // The map's bindings against a fake map, in Node (tests/map/fake-map.ts).
        extends: true,
        test: { name: 'map', environment: 'node', include: ['tests/map/**/*.test.ts'] },
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
          ...BROWSER,
          include: ['tests/browser/**/*.test.ts'],
          exclude: [SCREENSHOTS],
        },
      },
      {
        // `npm run screenshots` only: rewrites the tracked docs/screenshot*.png, so never part
        // of `npm test`, which must leave the work tree as it found it.
        extends: true,
        test: { name: 'screenshots', ...BROWSER, include: [SCREENSHOTS] },
      },
    ],
  },
});
