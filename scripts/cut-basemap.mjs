// `npm run cut-basemap -- --from <folder> --bbox west,south,east,north --out <folder>`: cuts the
// offline basemap for one region out of Natural Earth's 1:10m GeoJSON layers, and writes
// basemap.json, the manifest that says which area it covers and how it was made. A newsroom
// mapping an event elsewhere runs this instead of editing GeoJSON by hand (docs/BASEMAP.md).
// Output is deterministic: the same input and arguments give the same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bboxClip, simplify, truncate } from '@turf/turf';

export const DEFAULT_PRECISION = 5;
/** Douglas–Peucker tolerance in degrees; 0 keeps every vertex Natural Earth has. */
export const DEFAULT_SIMPLIFY = 0;
export const MANIFEST_FILE = 'basemap.json';
const SOURCE = 'Natural Earth 1:10m vector data (naturalearthdata.com), public domain: "Made with Natural Earth"';
// Web Mercator, which MapLibre draws in, stops short of the poles.
const MAX_LATITUDE = 85;

/** Reads a property under its own name or Natural Earth's upper-case spelling (shapefile-derived layers use both). */
const sameName = (...keys) => Object.fromEntries(keys.map((key) => [key, [key, key.toUpperCase()]]));

/**
 * The layers, keyed as the app's Basemap type. `properties` maps each kept property, in the
 * order written, to the source names to take it from, first found wins. They are the
 * properties today's data/basemap/ keeps, so that re-cutting its extract reproduces it byte
 * for byte: the app reads `name` and `scalerank`; `featurecla`, `name_en`, `adm0name`,
 * `adm1name` and `pop_max` stay for the editors choosing which places to label.
 */
const LAYERS = {
  countries: {
    file: 'countries.geojson',
    naturalEarthFile: 'ne_10m_admin_0_countries.geojson',
    // NAME is the short form the map prints ("N. Cyprus"); ADMIN the long one, a fallback.
    properties: { name: ['name', 'NAME', 'ADMIN'] },
  },
  boundaryLines: {
    file: 'boundary_lines.geojson',
    naturalEarthFile: 'ne_10m_admin_0_boundary_lines_land.geojson',
    properties: sameName('featurecla', 'name', 'scalerank'),
  },
  rivers: {
    file: 'rivers.geojson',
    naturalEarthFile: 'ne_10m_rivers_lake_centerlines.geojson',
    properties: sameName('name', 'name_en', 'featurecla', 'scalerank'),
  },
  lakes: {
    file: 'lakes.geojson',
    naturalEarthFile: 'ne_10m_lakes.geojson',
    properties: sameName('name', 'featurecla', 'scalerank'),
  },
  regions: {
    file: 'regions.geojson',
    naturalEarthFile: 'ne_10m_geography_regions_polys.geojson',
    properties: sameName('name', 'featurecla', 'scalerank'),
  },
  populatedPlaces: {
    file: 'populated_places.geojson',
    naturalEarthFile: 'ne_10m_populated_places.geojson',
    properties: sameName('name', 'name_en', 'featurecla', 'scalerank', 'adm0name', 'adm1name', 'pop_max'),
  },
};

/** A problem with the arguments or the input, worded for the person running the script. */
export class CutBasemapError extends Error {}

/**
 * Cuts every layer to `bbox`, keeps only the listed properties, rounds positions to
 * `precision` decimals (after simplifying lines and polygons to `simplify` degrees, when given) and writes the layers and basemap.json into `out`. Nothing is written
 * unless every layer could be read and the result is usable.
 * @param {import('./cut-basemap.d.mts').CutBasemapOptions} options
 * @returns {import('./cut-basemap.d.mts').CutBasemapResult}
 * @throws CutBasemapError naming the problem.
 */
export function cutBasemap({
  from,
  bbox,
  out,
  countries,
  precision = DEFAULT_PRECISION,
  simplify: tolerance = DEFAULT_SIMPLIFY,
}) {
  checkPrecision(precision);
  checkSimplify(tolerance);
  checkBbox(bbox, precision);
  const collections = {};
  for (const [key, layer] of Object.entries(LAYERS)) {
    const input = readLayer(from, layer);
    let features = input.features.map((feature) => cutFeature(feature, layer, bbox, precision, tolerance)).filter(Boolean);
    if (key === 'populatedPlaces' && countries !== undefined) features = keepCountries(features, countries);
    collections[key] = { type: 'FeatureCollection', features };
  }
  if (collections.countries.features.length === 0) {
    throw new CutBasemapError(
      `no country inside --bbox ${bbox.join(',')}: is the box at sea, or are longitude and latitude swapped?`,
    );
  }

  mkdirSync(out, { recursive: true });
  for (const [key, collection] of Object.entries(collections)) {
    // One line, no trailing newline: the format of the layers this project has always shipped.
    writeFileSync(join(out, LAYERS[key].file), JSON.stringify(collection));
  }
  const manifest = {
    extent: [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[3]],
    ],
    source: SOURCE,
    generatedBy: commandLine({ from, bbox, out, countries, precision, simplify: tolerance }),
    layers: Object.fromEntries(Object.entries(LAYERS).map(([key, layer]) => [key, layer.file])),
  };
  writeFileSync(join(out, MANIFEST_FILE), formatManifest(manifest));
  return { manifest, featureCounts: Object.fromEntries(Object.entries(collections).map(([k, c]) => [k, c.features.length])) };
}

const badPrecision = (value) => new CutBasemapError(`--precision must be a whole number of decimals from 0 to 10, not ${value}`);

function checkPrecision(precision) {
  if (!Number.isInteger(precision) || precision < 0 || precision > 10) throw badPrecision(precision);
}

function checkSimplify(tolerance) {
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 1) {
    throw new CutBasemapError(`--simplify must be a tolerance in degrees from 0 to 1, not ${tolerance}`);
  }
}

function checkBbox(bbox, precision) {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    throw new CutBasemapError(`--bbox must be four numbers west,south,east,north, not ${String(bbox)}`);
  }
  const [west, south, east, north] = bbox;
  if (west < -180 || east > 180) {
    throw new CutBasemapError(`--bbox longitudes must lie within -180 and 180, not ${west} and ${east}`);
  }
  if (south < -MAX_LATITUDE || north > MAX_LATITUDE) {
    throw new CutBasemapError(
      `--bbox latitudes must lie within -${MAX_LATITUDE} and ${MAX_LATITUDE} (the map's projection), not ${south} and ${north}`,
    );
  }
  // A box across the antimeridian would need two cuts; no event so far has needed one.
  if (west >= east) throw new CutBasemapError(`--bbox west (${west}) must be less than east (${east})`);
  if (south >= north) throw new CutBasemapError(`--bbox south (${south}) must be less than north (${north})`);
  // Otherwise rounding could push a clipped edge just outside the box, and a second cut would change it.
  const factor = 10 ** precision;
  const unrounded = bbox.find((value) => Math.round(value * factor) / factor !== value);
  if (unrounded !== undefined) {
    throw new CutBasemapError(`--bbox ${unrounded} has more decimals than --precision ${precision}`);
  }
}

/** Reads a layer under this project's file name or Natural Earth's own, refusing to guess between both. */
function readLayer(from, layer) {
  const found = [layer.file, layer.naturalEarthFile].filter((name) => existsSync(join(from, name)));
  if (found.length === 0) {
    throw new CutBasemapError(`missing layer in ${from}: expected ${layer.file} or ${layer.naturalEarthFile}`);
  }
  if (found.length > 1) throw new CutBasemapError(`both ${found.join(' and ')} are in ${from}: keep only one`);
  const path = join(from, found[0]);
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CutBasemapError(`${path} is not readable JSON: ${error.message}`);
  }
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new CutBasemapError(`${path} is not a GeoJSON FeatureCollection`);
  }
  return data;
}

/** The feature clipped, rounded and reduced to the layer's properties, or null when nothing of it is inside. */
function cutFeature(feature, layer, bbox, precision, tolerance) {
  if (feature.geometry == null) return null;
  let clipped = clipGeometry(feature.geometry, bbox);
  if (clipped === null) return null;
  // Natural Earth's 1:10m lines carry vertices a few hundred metres apart, finer than any view
  // of a regional map needs; high quality (no radial pre-pass) keeps the shapes' corners.
  if (tolerance > 0 && clipped.type !== 'Point') clipped = simplify(clipped, { tolerance, highQuality: true });
  // Rounds a copy: the clipper shares position arrays between input and output.
  const geometry = truncate(clipped, { precision, coordinates: 2 });
  return { type: 'Feature', properties: keptProperties(feature.properties ?? {}, layer.properties), geometry };
}

function clipGeometry(geometry, bbox) {
  const inside = ([lon, lat]) => lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
  switch (geometry.type) {
    case 'Point':
      return inside(geometry.coordinates) ? geometry : null;
    // bboxClip gives a LineString when one piece of a line is left, a MultiLineString when several are.
    case 'LineString':
    case 'MultiLineString':
    case 'Polygon': {
      const { geometry: clipped } = bboxClip(geometry, bbox);
      return clipped.coordinates.length > 0 ? clipped : null;
    }
    case 'MultiPolygon': {
      const polygons = bboxClip(geometry, bbox).geometry.coordinates.filter((polygon) => polygon.length > 0);
      return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
    }
    default:
      throw new CutBasemapError(`cannot cut a ${geometry.type}: Natural Earth's layers hold points, lines and polygons`);
  }
}

/** Null and missing values are left out rather than written as null: Natural Earth leaves many names empty. */
function keptProperties(properties, sources) {
  const kept = {};
  for (const [key, names] of Object.entries(sources)) {
    const value = names.map((name) => properties[name]).find((candidate) => candidate != null);
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

/** Filters on adm0name, the country a place is in (not sov0name, the state that claims it). */
function keepCountries(places, countries) {
  const wanted = new Set(countries);
  const kept = places.filter((place) => wanted.has(place.properties.adm0name));
  const present = new Set(kept.map((place) => place.properties.adm0name));
  const unmatched = countries.filter((country) => !present.has(country));
  if (unmatched.length > 0) {
    throw new CutBasemapError(
      `--countries: no populated place inside the bbox has adm0name ${unmatched.map((c) => JSON.stringify(c)).join(', ')}`,
    );
  }
  return kept;
}

/** Indented JSON, but each corner of the extent on one line, as a person would write it. */
function formatManifest(manifest) {
  const json = JSON.stringify(manifest, null, 2) + '\n';
  return json.replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]');
}

/** The command that makes this cut again, written into the manifest. */
function commandLine({ from, bbox, out, countries, precision, simplify: tolerance = DEFAULT_SIMPLIFY }) {
  const quote = (text) => (/^[\w./,:+-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`);
  const args = ['--from', quote(from), '--bbox', bbox.join(',')];
  if (countries !== undefined) args.push('--countries', quote(countries.join(',')));
  if (precision !== DEFAULT_PRECISION) args.push('--precision', String(precision));
  if (tolerance !== DEFAULT_SIMPLIFY) args.push('--simplify', String(tolerance));
  args.push('--out', quote(out));
  return `node scripts/cut-basemap.mjs ${args.join(' ')}`;
}

const USAGE =
  'usage: node scripts/cut-basemap.mjs --from <folder of Natural Earth GeoJSON> --bbox west,south,east,north --out <folder> [--countries "Syria,Iraq"] [--precision 5] [--simplify 0.002]';

/** Joins `--bbox -17,...` into `--bbox=-17,...`: parseArgs would take a western longitude for an option of its own. */
function bindWesternBbox(argv) {
  const args = [];
  for (const arg of argv) {
    if (args.at(-1) === '--bbox' && /^-\d/.test(arg)) args[args.length - 1] = `--bbox=${arg}`;
    else args.push(arg);
  }
  return args;
}

/** Turns the command line into cutBasemap's options. */
export function parseCommandLine(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: bindWesternBbox(argv),
      options: {
        from: { type: 'string' },
        bbox: { type: 'string' },
        out: { type: 'string' },
        countries: { type: 'string' },
        precision: { type: 'string' },
        simplify: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CutBasemapError(error.message);
  }
  for (const required of ['from', 'bbox', 'out']) {
    if (values[required] === undefined) throw new CutBasemapError(`--${required} is missing`);
  }
  // Number('') is 0, so an empty part must not pass as a coordinate.
  const bbox = values.bbox.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    throw new CutBasemapError(`--bbox must be four numbers west,south,east,north, not ${values.bbox}`);
  }
  // Checked here, while the text is at hand: Number('two') would only say NaN.
  if (values.precision !== undefined && !/^\d+$/.test(values.precision)) throw badPrecision(values.precision);
  const countries = values.countries
    ?.split(',')
    .map((country) => country.trim())
    .filter((country) => country !== '');
  return {
    from: values.from,
    bbox,
    out: values.out,
    countries: countries?.length ? countries : undefined,
    precision: values.precision === undefined ? DEFAULT_PRECISION : Number(values.precision),
    simplify: values.simplify === undefined ? DEFAULT_SIMPLIFY : Number(values.simplify),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const options = parseCommandLine(process.argv.slice(2));
    const { featureCounts } = cutBasemap(options);
    for (const [key, count] of Object.entries(featureCounts)) console.log(`${LAYERS[key].file}: ${count} features`);
    console.log(`wrote ${join(options.out, MANIFEST_FILE)}`);
  } catch (error) {
    if (!(error instanceof CutBasemapError)) throw error;
    console.error(`cut-basemap: ${error.message}\n${USAGE}`);
    process.exit(1);
  }
}
