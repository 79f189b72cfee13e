// Builds the bare MapLibre baseline page for `npm run bench`, minified the same way as the app.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  server: { fs: { allow: [repo] } },
  build: {
    outDir: fileURLToPath(new URL('../../../.bench/bare', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Same rule as the app: GeoJSON stays separate files fetched by MapLibre's worker.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.woff2') ? false : undefined),
  },
});
