// The benchmark's baseline: the same basemap, opening view and first ring as the app (the event
// EVENT chooses), drawn by MapLibre alone (no React, no state library, no text). See
// scripts/bench.mjs.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { circle } from '@turf/turf';
import { basemapUrls } from 'virtual:selected-event';

// Required in MapLibre 6: without a worker URL the map never goes idle.
setWorkerUrl(workerUrl);

// The worker resolves URLs against its own location, so hand it absolute ones.
const abs = (url) => new URL(url, document.baseURI).href;

// The event's view and first ring, computed in vite.config.mjs (__BARE_SCENE__ is replaced at
// build time), so that this page ships none of the event's data.
// eslint-disable-next-line no-undef
const { bounds, ring: firstRing } = __BARE_SCENE__;
const ring = firstRing
  ? circle(firstRing.center, firstRing.radiusKm, { units: 'kilometers' })
  : { type: 'FeatureCollection', features: [] };
const {
  countries: countriesUrl,
  boundaryLines: boundaryLinesUrl,
  rivers: riversUrl,
  lakes: lakesUrl,
  regions: regionsUrl,
} = basemapUrls;

const map = new Map({
  container: 'map',
  bounds,
  style: {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: abs(countriesUrl) },
      regions: { type: 'geojson', data: abs(regionsUrl) },
      lakes: { type: 'geojson', data: abs(lakesUrl) },
      rivers: { type: 'geojson', data: abs(riversUrl) },
      boundary_lines: { type: 'geojson', data: abs(boundaryLinesUrl) },
      ring: { type: 'geojson', data: ring },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ee' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3efe6' } },
      { id: 'regions', type: 'fill', source: 'regions', paint: { 'fill-color': '#e8dcc0', 'fill-opacity': 0.5 } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#b7cfe0' } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#8fb4d0', 'line-width': 1.2 } },
      {
        id: 'boundary_lines',
        type: 'line',
        source: 'boundary_lines',
        paint: { 'line-color': '#7a6f66', 'line-width': 1.2, 'line-dasharray': [3, 2] },
      },
      { id: 'ring-fill', type: 'fill', source: 'ring', paint: { 'fill-color': '#b3412b', 'fill-opacity': 0.08 } },
      { id: 'ring-line', type: 'line', source: 'ring', paint: { 'line-color': '#b3412b', 'line-width': 2 } },
    ],
  },
});

map.once('idle', () => {
  document.documentElement.dataset.mapIdle = String(performance.now());
});
map.on('error', (e) => {
  document.documentElement.dataset.mapError = String(e?.error?.message ?? e);
});
