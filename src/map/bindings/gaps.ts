/**
 * The measured gaps' lines on the map (measured by the build: `event.derived`), handed to the
 * style's gap-lines source when a reader first switches the `gaps` layer on. Showing and hiding
 * them afterwards is the layers binding's work; their labels are HTML markers, placed with the
 * other labels (bindings/markers.ts).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import { SOURCE_IDS } from '../map-style.ts';
import type { Unbind } from './types.ts';

export type GapsMap = Pick<MapLibreMap, 'getSource'>;

export function bindGaps(map: GapsMap, store: AppStore): Unbind {
  let isDrawn = false;
  const draw = (visible: boolean) => {
    if (!visible || isDrawn) return;
    isDrawn = true;
    map.getSource<GeoJSONSource>(SOURCE_IDS.gapLines)?.setData(store.getState().event.derived.gapLines);
  };
  draw(store.getState().view.layers.gaps);
  return store.subscribe((s) => s.view.layers.gaps, draw);
}
