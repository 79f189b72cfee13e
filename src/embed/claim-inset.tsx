import { useId, useMemo } from 'react';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { LANG_DIR, localize, translate } from '../i18n/index.ts';
import { useStaticBasemap } from '../map/static-map.tsx';
import { COLORS } from '../map/map-style.ts';
import { drawnLines } from '../map/drawn-lines.ts';
import { PartyPattern, SVG_DASHES } from '../ui/party-pattern.tsx';
import type { LonLat } from '../domain/types.ts';

const WIDTH = 320;
const HEIGHT = 200;
/** Around the claim, a share of its own size on each side, so that its edge is not the frame's. */
const MARGIN = 0.2;
/** The least the small map spans, in degrees: a small claim still shows where it lies. */
const MIN_SPAN = 1.2;

type Project = (position: Position) => [number, number];

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Web Mercator framing `bounds` (widened by MARGIN, at least MIN_SPAN) in the inset's box. */
function frameOn(bounds: readonly [LonLat, LonLat]): Project {
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
  return ([lon = 0, lat = 0]) => [offsetX + ((lon * Math.PI) / 180 - x0) * scale, offsetY + (y0 - mercatorY(lat)) * scale];
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
  const patternId = `inset-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const basemap = useStaticBasemap('Claim inset');

  const party = event.parties.find((p) => p.id === partyId);
  const claim = event.derived.claims.find((c) => c.party === partyId);
  const project = useMemo(() => (claim ? frameOn(claim.bounds) : null), [claim]);
  if (!party || !claim || !project) return null;

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
          <PartyPattern party={party} id={patternId} size={8} />
          <clipPath id={`${patternId}-clip`}>
            <rect width={WIDTH} height={HEIGHT} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${patternId}-clip)`}>
          <rect width={WIDTH} height={HEIGHT} fill="#c6dcea" />
          {collection(basemap?.countries).map((f, i) => (
            <path key={`c${i}`} d={pathOf(f.geometry, project)} fill={COLORS.land} stroke="#6f675a" strokeWidth="0.8" />
          ))}
          {collection(basemap?.rivers).map((f, i) => (
            <path key={`r${i}`} d={pathOf(f.geometry, project)} fill="none" stroke="#4a8cc4" strokeWidth="1" />
          ))}
          <path
            data-party={partyId}
            className="claim-inset-area"
            d={pathOf(claim.area, project)}
            fill={`url(#${patternId})`}
            opacity={0.9}
          />
          <path
            d={pathOf(claim.area, project)}
            fill="none"
            stroke={party.mark.color}
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
                <circle cx={x} cy={y} r="3.5" fill="#222" stroke="#fff" strokeWidth="1.5" />
                <text
                  x={onLeft ? x - 6 : x + 6}
                  y={y + 4}
                  textAnchor={onLeft === (dir === 'ltr') ? 'end' : 'start'}
                  fontSize="12"
                  paintOrder="stroke"
                  stroke="#fff"
                  strokeWidth="3"
                  fill="#222"
                >
                  {localize(place.name, lang)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="claim-inset-caption">{translate(lang, 'embed.insetCaption', { party: partyName })}</figcaption>
    </figure>
  );
}
