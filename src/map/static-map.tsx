import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang, selectSelectedPartyId } from '../store/selectors.ts';
import { basemapUrls } from '../domain/event-data.ts';
import { LANG_DIR, localize, translate } from '../i18n/index.ts';
import { buildEventSources } from './event-sources.ts';
import { COLORS } from './map-style.ts';
import { claimWeights } from './ink.ts';
import { PartyPattern, SVG_DASHES } from '../ui/party-pattern.tsx';
import { drawnLines } from './drawn-lines.ts';

const WIDTH = 800;
const HEIGHT = 600;

type Project = (position: Position) => [number, number];
type StaticBasemap = Record<'countries' | 'boundaryLines' | 'rivers' | 'lakes', FeatureCollection>;

// Fetched once for the page: the handout's copy of the map is mounted in a `beforeprint`
// handler, and the page is laid out for paper before any fetch could answer; with the files
// already here it draws whole in its first render.
let basemapLoad: Promise<StaticBasemap> | null = null;
let loadedBasemap: StaticBasemap | null = null;

/** Starts loading the static map's basemap files (once), for a map that will be needed soon. */
export function loadStaticBasemap(): Promise<StaticBasemap> {
  if (!basemapLoad) {
    const load = (url: string) => fetch(url).then((r) => r.json() as Promise<FeatureCollection>);
    const urls = basemapUrls;
    basemapLoad = Promise.all([load(urls.countries), load(urls.boundaryLines), load(urls.rivers), load(urls.lakes)]).then(
      ([countries, boundaryLines, rivers, lakes]) => (loadedBasemap = { countries, boundaryLines, rivers, lakes }),
    );
    // A failed load may be tried again by the next map.
    void basemapLoad.catch(() => (basemapLoad = null));
  }
  return basemapLoad;
}

/**
 * The basemap's layers for an SVG drawing: at once when already loaded, otherwise once they
 * are (null until then). `who` names the drawing in the console if they cannot be loaded.
 */
export function useStaticBasemap(who: string): StaticBasemap | null {
  const [basemap, setBasemap] = useState<StaticBasemap | null>(loadedBasemap);
  useEffect(() => {
    let isMounted = true;
    loadStaticBasemap()
      .then((loaded) => {
        if (isMounted) setBasemap(loaded);
      })
      .catch((error: unknown) => console.error(`${who}: basemap could not be loaded`, error));
    return () => {
      isMounted = false;
    };
  }, [who]);
  return basemap;
}

/**
 * The map as SVG, for browsers without WebGL (and the printed handout without a live map):
 * same basemap files, same claim geometry, drawn by the browser (so Arabic names are shaped
 * correctly too). `idPrefix` keeps a second copy's patterns apart from the first's; `withNote`
 * says why the map is static.
 */
export function StaticMap({ idPrefix = 'static', withNote = true }: { idPrefix?: string; withNote?: boolean }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const selectedPartyId = useAppStore(selectSelectedPartyId);
  const basemap = useStaticBasemap('Static map');

  const project = useMemo(() => mercatorFit(event.view.bounds, WIDTH, HEIGHT), [event]);
  // Turf work: once per event and language, not on every selection.
  const sources = useMemo(() => buildEventSources(event, lang), [event, lang]);
  const weights = useMemo(() => claimWeights(event), [event]);
  const path = (geometry: Geometry) => geometryPath(geometry, project);
  const highlighted = new Set(event.map.highlightCountries);
  const dir = LANG_DIR[lang];
  // SVG's text-anchor start/end follow the text's direction; labels are placed by their
  // physical end (the map is not mirrored), so the anchor is chosen per direction.
  const endingAt = (side: 'left' | 'right') => ((side === 'right') === (dir === 'ltr') ? 'end' : 'start');

  return (
    <div className="static-map" data-testid="static-map">
      {withNote && <p className="map-status">{translate(lang, 'map.staticNote')}</p>}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={translate(lang, 'map.label')} direction={dir}>
        <defs>
          {event.parties.map((party) => (
            <PartyPattern key={party.id} party={party} id={`${idPrefix}-${party.id}`} size={8} />
          ))}
        </defs>
        <rect width={WIDTH} height={HEIGHT} fill="#c6dcea" />
        {basemap?.countries.features.map((f, i) => (
          <path
            key={`c${i}`}
            d={path(f.geometry)}
            fill={highlighted.has(String(f.properties?.name)) ? COLORS.focus : COLORS.land}
          />
        ))}
        {basemap?.lakes.features.map((f, i) => (
          <path key={`l${i}`} d={path(f.geometry)} fill="#c6dcea" />
        ))}
        {basemap?.rivers.features.map((f, i) => (
          <path key={`r${i}`} d={path(f.geometry)} fill="none" stroke="#4a8cc4" strokeWidth="1.2" />
        ))}
        {basemap?.boundaryLines.features.map((f, i) => (
          <path key={`b${i}`} d={path(f.geometry)} fill="none" stroke="#6f675a" strokeWidth="1.2" />
        ))}
        {sources.mapLabels.features.map((f, i) => {
          const [x, y] = project(f.geometry.coordinates);
          const name = f.properties.name;
          return (
            // Letter-spacing would pull Arabic letters apart.
            <text
              key={`n${i}`}
              x={x}
              y={y}
              fontSize="15"
              letterSpacing={lang === 'ar' ? 0 : 3}
              textAnchor="middle"
              fill="#7a7365"
            >
              {String(name ?? '')}
            </text>
          );
        })}
        {sources.claimAreas.features.map((f) => {
          const party = event.parties.find((p) => p.id === f.properties.party);
          const dimmed = selectedPartyId !== null && selectedPartyId !== f.properties.party;
          // As the live map inks it: a vaguer (larger) claim lighter (see claimWeights).
          const weight = Math.sqrt(weights[f.properties.party] ?? 1);
          return (
            <path
              key={`a${f.properties.party}`}
              d={path(f.geometry)}
              fill={`url(#${idPrefix}-${f.properties.party})`}
              opacity={Math.round((dimmed ? 0.3 : 0.85) * weight * 100) / 100}
              stroke={party?.mark.color}
              strokeWidth="0"
            />
          );
        })}
        {sources.contextRings.features.map((f) => (
          <path key={f.properties.id} d={path(f.geometry)} fill="none" stroke="#4d4d4d" strokeDasharray="6 3" />
        ))}
        {sources.claimOutlines.features.map((f) => {
          const party = event.parties.find((p) => p.id === f.properties.party);
          if (!party) return null;
          const selected = selectedPartyId === party.id;
          return (
            <path
              key={`o${party.id}`}
              d={path(f.geometry)}
              fill="none"
              stroke={party.mark.color}
              strokeWidth={selected ? 4 : 2.5}
              strokeDasharray={SVG_DASHES[party.mark.line]}
              strokeLinecap="round"
            />
          );
        })}
        {event.places
          .filter((place) => place.geometry.type === 'Point')
          .map((place) => {
            const [x, y] = project([...place.anchor]);
            return (
              <g key={place.id} className="static-place">
                {!place.approximate && <circle cx={x} cy={y} r="4" fill="#222" stroke="#fff" strokeWidth="1.5" />}
                <text
                  x={place.labelSide === 'left' ? x - 7 : x + 7}
                  y={y + 4}
                  textAnchor={place.labelSide === 'left' ? endingAt('right') : endingAt('left')}
                  fontSize="13"
                  paintOrder="stroke"
                  stroke="#fff"
                  strokeWidth="3"
                  fill="#222"
                >
                  {place.approximate ? `≈ ${localize(place.name, lang)}` : localize(place.name, lang)}
                </text>
              </g>
            );
          })}
        <text x={dir === 'rtl' ? 8 : WIDTH - 8} y={HEIGHT - 8} fontSize="12" textAnchor="end" fill="#333">
          {translate(lang, 'map.attribution')}
        </text>
      </svg>
    </div>
  );
}

/** Web Mercator, scaled so `bounds` fills a width × height box. */
function mercatorFit(
  bounds: readonly [readonly [number, number], readonly [number, number]],
  width: number,
  height: number,
): Project {
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const [[west, south], [east, north]] = bounds;
  const x0 = (west * Math.PI) / 180;
  const x1 = (east * Math.PI) / 180;
  const y0 = mercY(north);
  const y1 = mercY(south);
  const scale = Math.min(width / (x1 - x0), height / (y0 - y1));
  const offsetX = (width - (x1 - x0) * scale) / 2;
  const offsetY = (height - (y0 - y1) * scale) / 2;
  return ([lon = 0, lat = 0]) => [offsetX + ((lon * Math.PI) / 180 - x0) * scale, offsetY + (y0 - mercY(lat)) * scale];
}

function geometryPath(geometry: Geometry, project: Project): string {
  const ring = (positions: Position[], close: boolean) =>
    positions
      .map(
        (p, i) =>
          `${i === 0 ? 'M' : 'L'}${project(p)
            .map((n) => n.toFixed(1))
            .join(' ')}`,
      )
      .join('') + (close ? 'Z' : '');
  return drawnLines(geometry)
    .map(({ positions, closed }) => ring(positions, closed))
    .join('');
}
