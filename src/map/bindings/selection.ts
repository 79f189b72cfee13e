/**
 * The selection, both ways: the store's selected party → the map's highlight (one style
 * global-state property, so no layer is rebuilt), and a click on a claim → the store.
 * It never moves the camera: a selection made on the map leaves the reader's view alone, and
 * whoever wants a move asks for it (see camera.ts).
 */
import type { Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import { mostSpecificParty } from '../event-sources.ts';
import type { Unbind } from './types.ts';

export type SelectionMap = Pick<
  MapLibreMap,
  'setGlobalStateProperty' | 'getGlobalState' | 'queryRenderedFeatures' | 'getCanvas' | 'on' | 'off'
>;

/** The style's global-state property that its claim layers compare their party with. */
export const SELECTED_PARTY_STATE = 'selectedParty';

/** Binds once the style has loaded (global state and rendered features need it). */
export function bindSelection(map: SelectionMap, store: AppStore, claimLayerIds: readonly string[]): Unbind {
  // The claim layers' width and opacity read the state per feature, in the worker: each change
  // re-tiles their sources and redraws the map, so a change to the same value is not made.
  const highlight = (partyId: string | null) => {
    const value = partyId ?? '';
    if (map.getGlobalState()[SELECTED_PARTY_STATE] !== value) map.setGlobalStateProperty(SELECTED_PARTY_STATE, value);
  };
  const layers = [...claimLayerIds];

  const handleClick = (e: MapLayerMouseEvent) => {
    // A click on a marker is that marker's, not a click on the claim drawn beneath it.
    if (isOnMarker(e.originalEvent.target)) return;
    const partyId = mostSpecificParty(map.queryRenderedFeatures(e.point, { layers }));
    if (partyId) store.getState().selectParty(partyId, 'map');
  };
  const handleHover = (e: MapLayerMouseEvent) => {
    map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers }).length > 0 ? 'pointer' : '';
  };

  map.on('click', handleClick);
  map.on('mousemove', handleHover);
  const unsubscribe = store.subscribe((s) => s.selection.partyId, highlight);
  // The map was created with the highlight of its day (map-controller.ts): a selection made
  // since is applied now, and nothing if there was none.
  highlight(store.getState().selection.partyId);

  return () => {
    unsubscribe();
    map.off('click', handleClick);
    map.off('mousemove', handleHover);
  };
}

function isOnMarker(target: EventTarget | null): boolean {
  const element = target as Partial<Pick<Element, 'closest'>> | null;
  return typeof element?.closest === 'function' && element.closest('.maplibregl-marker') !== null;
}
