import { useEffect, useId, useMemo, useState } from 'react';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { LANG_DIR, localize, translate } from '../i18n/index.ts';
import { formatDistanceKm } from '../i18n/format.ts';
import { useStaticBasemap } from '../map/static-map.tsx';
import { PALETTES, partyInk, type MapPalette } from '../map/map-style.ts';
import { drawnLines } from '../map/drawn-lines.ts';
import { PartyPattern, SVG_DASHES } from '../ui/party-pattern.tsx';
import type { Lang, LonLat } from '../domain/types.ts';
import type { Theme } from '../store/url-params.ts';

const WIDTH = 320;
const HEIGHT = 200;
/** Around the claim, a share of its own size on each side, so that its edge is not the frame's. */
const MARGIN = 0.2;
/** The least the small map spans, in degrees: a small claim still shows where it lies. */
const MIN_SPAN = 1.2;

/** The Earth's radius that Web Mercator's scale is measured with, in km. */
const EARTH_RADIUS_KM = 6371.0088;
/** The scale bar's lengths to choose from, in km, and the most of the inset's width it may take. */
const SCALE_STEPS_KM = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500] as const;
const SCALE_MAX_PX = 90;
/** Space between the scale bar and the inset's edges, in px of the drawing. */
const SCALE_INSET = 10;

type Project = (position: Position) => [number, number];

interface Frame {
  readonly project: Project;
  /** Drawing px per km at the frame's middle latitude. */
  readonly pxPerKm: number;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Web Mercator framing `bounds` (widened by MARGIN, at least MIN_SPAN) in the inset's box. */
function frameOn(bounds: readonly [LonLat, LonLat]): Frame {
  const [[west, south], [east, north]] = bounds;
  const padX = Math.max((east - west) * MARGIN, (MIN_SPAN - (east - west)) / 2, 0);
  const padY = Math.max((north - south) * MARGIN, (MIN_SPAN - (north - south)) / 2, 0);
  const x0 = ((west - padX) * Math.PI) / 180;
  const x1 = ((east + padX) * Math.PI) / 180;
  const y0 = mercatorY(north + padY);
  const y1 = mercatorY(south - padY);
  const scale = Math.min(WIDTH / (x1 - x0), HEIGHT / (y0 - y1));
  const offsetX = (WIDTH - (x1 - x0) * scale) / 2;
  const offsetY = (HEIGHT - (y0 - y1) * scale) / 2;
  const project: Project = ([lon = 0, lat = 0]) => [
    offsetX + ((lon * Math.PI) / 180 - x0) * scale,
    offsetY + (y0 - mercatorY(lat)) * scale,
  ];
  // A radian of longitude spans `scale` px, and R·cos(latitude) km there.
  const middle = ((north + south) / 2) * (Math.PI / 180);
  return { project, pxPerKm: scale / (EARTH_RADIUS_KM * Math.cos(middle)) };
}

/** The longest round length whose bar fits SCALE_MAX_PX. */
function scaleLengthKm(pxPerKm: number): number {
  return [...SCALE_STEPS_KM].reverse().find((km) => km * pxPerKm <= SCALE_MAX_PX) ?? SCALE_STEPS_KM[0];
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the page is dark: `?theme=dark`, or `auto` while the reader's system is dark. */
function useIsDark(theme: Theme): boolean {
  const query = useMemo(
    () => (theme === 'auto' && typeof window !== 'undefined' ? window.matchMedia?.(DARK_QUERY) : undefined),
    [theme],
  );
  const [systemDark, setSystemDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = () => setSystemDark(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [query]);
  return theme === 'dark' || (theme === 'auto' && systemDark);
}

/** What the inset draws its map and marks in: the live map's palette for the page's theme. */
function insetInks(palette: MapPalette) {
  const dark = palette.tone === 'dark';
  return {
    palette,
    /** Dots, names and the scale: the darkest ink on the light map, the lightest on the dark one. */
    ink: dark ? palette.gap : '#222222',
    halo: dark ? palette.halo : '#ffffff',
  };
}

/**
 * A scale bar for the drawing: a round length, its ends ticked, at the bottom corner where the
 * reader's eye starts (left in English, right in Arabic, as the live map's scale control).
 */
function ScaleBar({ pxPerKm, lang, ink, halo }: { pxPerKm: number; lang: Lang; ink: string; halo: string }) {
  const km = scaleLengthKm(pxPerKm);
  const length = km * pxPerKm;
  const isRtl = LANG_DIR[lang] === 'rtl';
  const start = isRtl ? WIDTH - SCALE_INSET - length : SCALE_INSET;
  const y = HEIGHT - SCALE_INSET;
  const bar = `M${start.toFixed(1)} ${y - 5}V${y}H${(start + length).toFixed(1)}V${y - 5}`;
  return (
    <g className="claim-inset-scale" data-testid="claim-inset-scale" data-km={km}>
      <path d={bar} fill="none" stroke={halo} strokeWidth="4" strokeLinejoin="round" />
      <path d={bar} fill="none" stroke={ink} strokeWidth="1.5" />
      <text
        x={isRtl ? WIDTH - SCALE_INSET : SCALE_INSET}
        y={y - 8}
        fontSize="11"
        textAnchor="start"
        paintOrder="stroke"
        stroke={halo}
        strokeWidth="3"
        fill={ink}
      >
        {formatDistanceKm(km, lang, 1)}
      </text>
    </g>
  );
}

function pathOf(geometry: Geometry, project: Project): string {
  return drawnLines(geometry)
    .map(
      ({ positions, closed }) =>
        positions
          .map(
            (p, i) =>
              `${i === 0 ? 'M' : 'L'}${project(p)
                .map((n) => n.toFixed(1))
                .join(' ')}`,
          )
          .join('') + (closed ? 'Z' : ''),
    )
    .join('');
}

/**
 * A party's claim on a small SVG map, in its card: what an embed shows when "Show on map" has
 * framed the claim on a map the reader cannot see and the host page would not scroll to it
 * (src/embed/keep-map-in-view.ts). The static map's drawing (same basemap files, the party's own
 * pattern and line), framed on this claim alone, rather than a second WebGL map.
 */
export function ClaimInset({ partyId }: { partyId: string }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const theme = useAppStore((s) => s.view.display.theme);
  const { palette, ink, halo } = insetInks(PALETTES[useIsDark(theme) ? 'dark' : 'light']);
  const patternId = `inset-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const basemap = useStaticBasemap('Claim inset');

  const party = event.parties.find((p) => p.id === partyId);
  const claim = event.derived.claims.find((c) => c.party === partyId);
  const frame = useMemo(() => (claim ? frameOn(claim.bounds) : null), [claim]);
  if (!party || !claim || !frame) return null;
  const { project } = frame;
  // As the live map inks a party on this palette: 3:1 or more against every ground it crosses.
  const partyColor = partyInk(party.mark.color, palette);
  const inkedParty = { ...party, mark: { ...party.mark, color: partyColor } };

  const partyName = localize(party.name, lang);
  // SVG's text-anchor follows the text's direction; a name is placed by its physical side.
  const dir = LANG_DIR[lang];
  const places = event.places.filter((place) => place.role === 'event' && place.geometry.type === 'Point' && !place.approximate);
  const collection = (fc: FeatureCollection | undefined) => fc?.features ?? [];
  return (
    <figure className="claim-inset" data-testid="claim-inset" data-party={partyId}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        direction={dir}
        role="img"
        aria-label={translate(lang, 'embed.insetLabel', { party: partyName })}
      >
        <defs>
          <PartyPattern party={inkedParty} id={patternId} size={8} />
          <clipPath id={`${patternId}-clip`}>
            <rect width={WIDTH} height={HEIGHT} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${patternId}-clip)`}>
          <rect width={WIDTH} height={HEIGHT} fill={palette.sea} data-ground="sea" />
          {collection(basemap?.countries).map((f, i) => (
            <path
              key={`c${i}`}
              d={pathOf(f.geometry, project)}
              fill={palette.land}
              stroke={palette.border}
              strokeWidth="0.8"
              data-ground="land"
            />
          ))}
          {collection(basemap?.rivers).map((f, i) => (
            <path key={`r${i}`} d={pathOf(f.geometry, project)} fill="none" stroke={palette.river} strokeWidth="1" />
          ))}
          <path
            data-party={partyId}
            className="claim-inset-area"
            d={pathOf(claim.area, project)}
            fill={`url(#${patternId})`}
            opacity={0.9}
          />
          <path
            className="claim-inset-outline"
            d={pathOf(claim.area, project)}
            fill="none"
            stroke={partyColor}
            strokeWidth="2.5"
            strokeDasharray={SVG_DASHES[party.mark.line]}
            strokeLinecap="round"
          />
          {places.map((place) => {
            const [x, y] = project([...place.anchor]);
            if (x < 0 || x > WIDTH || y < 0 || y > HEIGHT) return null;
            const onLeft = place.labelSide === 'left';
            return (
              <g key={place.id}>
                <circle cx={x} cy={y} r="3.5" fill={ink} stroke={halo} strokeWidth="1.5" />
                <text
                  className="claim-inset-place"
                  x={onLeft ? x - 6 : x + 6}
                  y={y + 4}
                  textAnchor={onLeft === (dir === 'ltr') ? 'end' : 'start'}
                  fontSize="12"
                  paintOrder="stroke"
                  stroke={halo}
                  strokeWidth="3"
                  fill={ink}
                >
                  {localize(place.name, lang)}
                </text>
              </g>
            );
          })}
          <ScaleBar pxPerKm={frame.pxPerKm} lang={lang} ink={ink} halo={halo} />
        </g>
      </svg>
      <figcaption className="claim-inset-caption">{translate(lang, 'embed.insetCaption', { party: partyName })}</figcaption>
    </figure>
  );
}
