/**
 * Touch on the reader's page of a phone: there the map sticks above the versions, and a
 * one-finger swipe on it must scroll the page (the versions are what the reader came for), as
 * in an embed; two fingers move the map, and MapLibre says so when one finger tries. On a tablet
 * or laptop the map has its own pane and every gesture is the map's.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Unbind } from './types.ts';

export type PageGesturesMap = Pick<MapLibreMap, 'cooperativeGestures'>;
export type MediaQuery = Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;

/**
 * A touch screen with the phone's one-column layout, where the map sticks (the media query of
 * src/app/sticky-map.ts's STICKY_MAP_MEDIA, for a coarse pointer).
 */
export const PAGE_GESTURES_MEDIA = '(pointer: coarse) and (max-width: 899.98px) and (min-height: 540px)';

/** Cooperative gestures (two fingers to move the map) for as long as `query` matches. */
export function bindPageGestures(map: PageGesturesMap, query: MediaQuery): Unbind {
  const apply = () => {
    if (query.matches) map.cooperativeGestures.enable();
    else map.cooperativeGestures.disable();
  };
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
