import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bbox as boundsOf } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { CutBasemapError, cutBasemap } from '../../scripts/cut-basemap.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/cut-basemap.mjs', import.meta.url));
const BBOX = [10, 20, 12, 22] as const;
const LAYER_FILES = [
  'boundary_lines.geojson',
  'countries.geojson',
  'lakes.geojson',
  'populated_places.geojson',
  'regions.geojson',
  'rivers.geojson',
];

const square = (west: number, south: number, east: number, north: number): Position[][] => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];
const feature = (properties: Record<string, unknown>, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });
const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });

/**
 * Natural-Earth-like layers, half under Natural Earth's own file names and upper-case
 * properties (as its shapefile-derived layers have them), half under this project's names.
 */
const SYNTHETIC_LAYERS: Record<string, Feature[]> = {
  'ne_10m_admin_0_countries.geojson': [
    feature(
      { featurecla: 'Admin-0 country', ADMIN: 'Republic of Crossing', NAME: 'Crossing', POP_EST: 1000 },
      { type: 'Polygon', coordinates: square(11, 20.5, 13, 21.5) },
    ),
    feature({ ADMIN: 'Inland', NAME: 'Inland' }, { type: 'Polygon', coordinates: square(10.123456789, 20.1, 10.9, 20.4) }),
    feature({ ADMIN: 'Faraway', NAME: 'Faraway' }, { type: 'Polygon', coordinates: square(40, 40, 41, 41) }),
  ],
  'ne_10m_admin_0_boundary_lines_land.geojson': [
    feature(
      { featurecla: 'International boundary (verify)', name: null, scalerank: 3, min_zoom: 2 },
      {
        type: 'LineString',
        coordinates: [
          [9, 21],
          [11, 21],
        ],
      },
    ),
  ],
  'rivers.geojson': [
    feature(
      { name: null, name_en: null, featurecla: 'River', scalerank: 7, wikidataid: 'Q1' },
      {
        type: 'LineString',
        coordinates: [
          [10.5, 20.5],
          [11.5, 21.5],
        ],
      },
    ),
    feature(
      { name: 'Elsewhere', featurecla: 'River', scalerank: 5 },
      {
        type: 'LineString',
        coordinates: [
          [30, 30],
          [31, 31],
        ],
      },
    ),
  ],
  'lakes.geojson': [
    feature({ name: 'Mere', featurecla: 'Lake', scalerank: 9 }, { type: 'Polygon', coordinates: square(11.1, 21.1, 11.2, 21.2) }),
  ],
  'ne_10m_geography_regions_polys.geojson': [
    feature(
      { featurecla: 'Desert', name: 'SAND SEA', scalerank: 3, region: 'Africa' },
      {
        type: 'MultiPolygon',
        coordinates: [square(11.5, 21.5, 12.5, 22.5), square(50, 50, 51, 51)],
      },
    ),
  ],
  'ne_10m_populated_places.geojson': [
    feature(
      { SCALERANK: 8, FEATURECLA: 'Populated place', NAME: 'Ayville', ADM0NAME: 'Crossing', ADM1NAME: 'North', POP_MAX: 500 },
      point(11.25, 21.75),
    ),
    feature({ SCALERANK: 9, NAME: 'Beeton', ADM0NAME: 'Inland', POP_MAX: 90 }, point(10.5, 20.2)),
    feature({ SCALERANK: 2, NAME: 'Far City', ADM0NAME: 'Crossing', POP_MAX: 9e6 }, point(30, 30)),
  ],
};

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cut-basemap-'));
  temps.push(dir);
  return dir;
}

function writeLayers(layers: Record<string, Feature[]> = SYNTHETIC_LAYERS): string {
  const from = tempDir();
  for (const [file, features] of Object.entries(layers)) {
    writeFileSync(join(from, file), JSON.stringify({ type: 'FeatureCollection', name: file, features }));
  }
  return from;
}

const readLayer = (out: string, file: string): FeatureCollection =>
  JSON.parse(readFileSync(join(out, file), 'utf8')) as FeatureCollection;

function positionsOf(collection: FeatureCollection): Position[] {
  const positions: Position[] = [];
  const walk = (coordinates: unknown): void => {
    if (!Array.isArray(coordinates)) return;
    if (typeof coordinates[0] === 'number') positions.push(coordinates as Position);
    else coordinates.forEach(walk);
  };
  for (const f of collection.features) if (f.geometry.type !== 'GeometryCollection') walk(f.geometry.coordinates);
  return positions;
}

describe('cutBasemap', () => {
  it('clips a polygon crossing the bbox to it, and drops a feature wholly outside', () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out });
    const countries = readLayer(out, 'countries.geojson');
    expect(countries.features.map((f) => f.properties?.name)).toEqual(['Crossing', 'Inland']);
    expect(boundsOf(countries.features[0]!)).toEqual([11, 20.5, 12, 21.5]);
  });

  it('clips a line crossing the bbox to it, and drops a line wholly outside', () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out });
    expect(readLayer(out, 'boundary_lines.geojson').features[0]?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [10, 21],
        [11, 21],
      ],
    });
    expect(readLayer(out, 'rivers.geojson').features).toHaveLength(1);
  });

  it('keeps the parts of a multipolygon inside, as a multipolygon', () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out });
    const [desert] = readLayer(out, 'regions.geojson').features;
    expect(desert?.geometry.type).toBe('MultiPolygon');
    expect(boundsOf(desert!)).toEqual([11.5, 21.5, 12, 22]);
  });

  it('keeps every position inside the bbox, rounded to the precision', () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out, precision: 5 });
    for (const file of LAYER_FILES) {
      for (const [lon, lat] of positionsOf(readLayer(out, file))) {
        expect([lon! >= BBOX[0] && lon! <= BBOX[2], lat! >= BBOX[1] && lat! <= BBOX[3]]).toEqual([true, true]);
      }
    }
    const inland = readLayer(out, 'countries.geojson').features[1]!;
    expect(positionsOf({ type: 'FeatureCollection', features: [inland] })[0]).toEqual([10.12346, 20.1]);
  });

  it('simplifies lines and polygons to --simplify degrees, keeping their ends and corners, and says so in the manifest', () => {
    const from = writeLayers();
    // A river along latitude 21 that wavers by 0.0005 degrees (about 50 m) at every vertex.
    const wavering = Array.from({ length: 101 }, (_, i): Position => [10.1 + i * 0.018, 21 + (i % 2) * 0.0005]);
    writeFileSync(
      join(from, 'rivers.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [feature({ name: 'Wavering' }, { type: 'LineString', coordinates: wavering })],
      }),
    );
    const out = tempDir();
    const { manifest } = cutBasemap({ from, bbox: BBOX, out, precision: 5, simplify: 0.002 });
    const [river] = readLayer(out, 'rivers.geojson').features;
    expect(river?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [10.1, 21],
        [11.9, 21],
      ],
    });
    // A square has nothing to lose: its four corners stay.
    const inland = readLayer(out, 'countries.geojson').features[1]!;
    expect(positionsOf({ type: 'FeatureCollection', features: [inland] })).toHaveLength(5);
    expect(manifest.generatedBy).toContain('--simplify 0.002');
    // Without it, every vertex is kept.
    const unsimplified = tempDir();
    cutBasemap({ from, bbox: BBOX, out: unsimplified, precision: 5 });
    expect(positionsOf(readLayer(unsimplified, 'rivers.geojson'))).toHaveLength(101);
    expect(() => cutBasemap({ from, bbox: BBOX, out: tempDir(), simplify: -1 })).toThrow('--simplify must be a tolerance');
  });

  it("reduces properties to the kept ones, mapping Natural Earth's upper-case names and leaving nulls out", () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out });
    expect(readLayer(out, 'countries.geojson').features[0]?.properties).toEqual({ name: 'Crossing' });
    expect(readLayer(out, 'boundary_lines.geojson').features[0]?.properties).toEqual({
      featurecla: 'International boundary (verify)',
      scalerank: 3,
    });
    expect(readLayer(out, 'rivers.geojson').features[0]?.properties).toEqual({ featurecla: 'River', scalerank: 7 });
    expect(readLayer(out, 'regions.geojson').features[0]?.properties).toEqual({
      name: 'SAND SEA',
      featurecla: 'Desert',
      scalerank: 3,
    });
    const places = readLayer(out, 'populated_places.geojson').features;
    expect(places.map((f) => f.properties)).toEqual([
      { name: 'Ayville', featurecla: 'Populated place', scalerank: 8, adm0name: 'Crossing', adm1name: 'North', pop_max: 500 },
      { name: 'Beeton', scalerank: 9, adm0name: 'Inland', pop_max: 90 },
    ]);
  });

  it('keeps only the populated places of the countries asked for', () => {
    const out = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out, countries: ['Inland'] });
    expect(readLayer(out, 'populated_places.geojson').features.map((f) => f.properties?.name)).toEqual(['Beeton']);
  });

  it('writes a manifest whose extent is the bbox and whose command makes the cut again', () => {
    const from = writeLayers();
    const out = tempDir();
    cutBasemap({ from, bbox: BBOX, out, countries: ['Crossing', 'Inland'] });
    const manifest = JSON.parse(readFileSync(join(out, 'basemap.json'), 'utf8'));
    expect(manifest.extent).toEqual([
      [10, 20],
      [12, 22],
    ]);
    expect(manifest.source).toMatch(/Natural Earth/);
    expect(manifest.generatedBy).toBe(
      `node scripts/cut-basemap.mjs --from ${from} --bbox 10,20,12,22 --countries Crossing,Inland --out ${out}`,
    );
    expect(Object.values(manifest.layers).sort()).toEqual(LAYER_FILES);
    expect(readdirSync(out).sort()).toEqual(['basemap.json', ...LAYER_FILES].sort());
  });

  it('writes the same bytes when run twice', () => {
    const from = writeLayers();
    const out = tempDir();
    const snapshot = () => Object.fromEntries(readdirSync(out).map((file) => [file, readFileSync(join(out, file))]));
    cutBasemap({ from, bbox: BBOX, out });
    const first = snapshot();
    cutBasemap({ from, bbox: BBOX, out });
    expect(snapshot()).toEqual(first);
  });

  it('rebuilds its own output byte for byte: cutting an extract again to the same bbox changes nothing', () => {
    const first = tempDir();
    cutBasemap({ from: writeLayers(), bbox: BBOX, out: first });
    const second = tempDir();
    cutBasemap({ from: first, bbox: BBOX, out: second });
    for (const file of LAYER_FILES)
      expect(readFileSync(join(second, file), 'utf8')).toBe(readFileSync(join(first, file), 'utf8'));
  });

  it.each([
    { bbox: [12, 20, 10, 22], problem: 'west (12) must be less than east (10)' },
    { bbox: [10, 22, 12, 20], problem: 'south (22) must be less than north (20)' },
    { bbox: [10, 20, 12, 86], problem: 'latitudes must lie within -85 and 85' },
    { bbox: [-181, 20, 12, 22], problem: 'longitudes must lie within -180 and 180' },
    { bbox: [10, 20, 12], problem: 'must be four numbers' },
    { bbox: [10, 20, 12, 21.1234567], problem: 'has more decimals than --precision 5' },
  ])('refuses bbox $bbox: $problem', ({ bbox, problem }) => {
    const out = tempDir();
    expect(() => cutBasemap({ from: writeLayers(), bbox, out })).toThrow(CutBasemapError);
    expect(() => cutBasemap({ from: writeLayers(), bbox, out })).toThrow(problem);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names a missing layer, a layer given twice, a bbox with no country in it and a country with no place', () => {
    const { 'lakes.geojson': _lakes, ...withoutLakes } = SYNTHETIC_LAYERS;
    const out = tempDir();
    expect(() => cutBasemap({ from: writeLayers(withoutLakes), bbox: BBOX, out })).toThrow(
      'expected lakes.geojson or ne_10m_lakes.geojson',
    );
    const twice = { ...SYNTHETIC_LAYERS, 'ne_10m_lakes.geojson': SYNTHETIC_LAYERS['lakes.geojson']! };
    expect(() => cutBasemap({ from: writeLayers(twice), bbox: BBOX, out })).toThrow(
      'both lakes.geojson and ne_10m_lakes.geojson',
    );
    expect(() => cutBasemap({ from: writeLayers(), bbox: [-40, 0, -30, 10], out })).toThrow('no country inside');
    expect(() => cutBasemap({ from: writeLayers(), bbox: BBOX, out, countries: ['Atlantis'] })).toThrow(
      'no populated place inside the bbox has adm0name "Atlantis"',
    );
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the cut-basemap command', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

  it('cuts, and reads a western longitude as part of --bbox', () => {
    const from = writeLayers();
    const out = tempDir();
    const result = run('--from', from, '--bbox', '10,20,12,22', '--out', out, '--countries', 'Crossing, Inland');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('populated_places.geojson: 2 features');
    // Nothing of the synthetic world lies west of Greenwich: the argument is read, then refused for want of land.
    const western = run('--from', from, '--bbox', '-40,0,-30,10', '--out', out);
    expect(western.stderr).toContain('no country inside --bbox -40,0,-30,10');
  });

  it.each([
    { args: ['--bbox', '12,20,10,22'], problem: '--bbox west (12) must be less than east (10)' },
    { args: ['--bbox', '10,20,,22'], problem: '--bbox must be four numbers west,south,east,north, not 10,20,,22' },
    { args: ['--bbox', '10,20,12,22', '--precision', 'two'], problem: '--precision must be a whole number' },
    { args: ['--bbox', '10,20,12,22', '--zoom', '3'], problem: "Unknown option '--zoom'" },
  ])('exits 1 naming the problem: $problem', ({ args, problem }) => {
    const result = run('--from', writeLayers(), '--out', tempDir(), ...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cut-basemap: ${problem}`);
    expect(result.stderr).toContain('usage: node scripts/cut-basemap.mjs');
  });

  it('exits 1 when a required argument is missing', () => {
    const result = run('--bbox', '10,20,12,22', '--out', tempDir());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cut-basemap: --from is missing');
  });
});
