// Builds the bare MapLibre baseline page for `npm run bench`, minified the same way as the app.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The same EVENT as the app's build: the bare page draws that event's basemap, view and ring.
import { resolveSelectedEvent, selectedEventPlugin } from '../../vite-plugins/selected-event.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The event's opening view and first ring, read here (raw: the app's build validates the same
 * files) and handed to the page as two constants, so that the bare page ships none of the
 * event's data and stays a fair baseline. An event without a stated view opens on its points.
 */
function bareScene() {
  const { dir } = resolveSelectedEvent(repo);
  const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8'));
  const points = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')).features.filter(
    (f) => f.geometry.type === 'Point',
  );
  const ring = event.rings?.[0];
  const center = ring && points.find((f) => f.properties.id === ring.center)?.geometry.coordinates;
  const coordinates = points.map((f) => f.geometry.coordinates);
  const bounds = event.view?.bounds ?? [
    [Math.min(...coordinates.map((c) => c[0])), Math.min(...coordinates.map((c) => c[1]))],
    [Math.max(...coordinates.map((c) => c[0])), Math.max(...coordinates.map((c) => c[1]))],
  ];
  return { bounds, ring: center ? { center, radiusKm: ring.radiusKm } : null };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [selectedEventPlugin(repo)],
  define: { __BARE_SCENE__: JSON.stringify(bareScene()) },
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
