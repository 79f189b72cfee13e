// The benchmark's baseline: the same basemap and 35 km ring as the app, drawn by MapLibre
// alone (no React, no state library, no text). See scripts/bench.mjs.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { circle } from '@turf/turf';
import countriesUrl from '../../../data/basemap/countries.geojson?url';
import boundaryLinesUrl from '../../../data/basemap/boundary_lines.geojson?url';
import riversUrl from '../../../data/basemap/rivers.geojson?url';
import lakesUrl from '../../../data/basemap/lakes.geojson?url';
import regionsUrl from '../../../data/basemap/regions.geojson?url';

// Required in MapLibre 6: without a worker URL the map never goes idle.
setWorkerUrl(workerUrl);

// The worker resolves URLs against its own location, so hand it absolute ones.
const abs = (url) => new URL(url, document.baseURI).href;

const AL_TANF = [38.61778, 33.50583];
const ring = circle(AL_TANF, 35, { units: 'kilometers' });

const map = new Map({
  container: 'map',
  bounds: [
    [37.6, 32.95],
    [40.0, 35.25],
  ],
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
