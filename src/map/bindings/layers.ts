/**
 * The legend's layer switches → the map. Canvas layers are shown and hidden with one
 * `setLayoutProperty('visibility')` each (never removed and re-added), once the style has loaded
 * (layout properties need it). The HTML markers drawn over the canvas follow a
 * `data-hidden-layers` attribute on the map's container, which the stylesheet reads: the markers
 * binding binds it with the map, before its first label layout (it measures the markers as
 * shown, and a late attribute would move the rings' canvas label once the map had drawn).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import { MAP_LAYERS, type LayerVisibility, type MapLayer } from '../../domain/layers.ts';
import type { Unbind } from './types.ts';

export type LayersMap = Pick<MapLibreMap, 'setLayoutProperty' | 'getLayoutProperty'>;
export type HiddenLayersMap = Pick<MapLibreMap, 'getContainer'>;

/** The style's layer ids behind each switch (a switch may also hide HTML markers, by attribute). */
export type LayerIds = Readonly<Record<MapLayer, readonly string[]>>;

export function bindLayers(map: LayersMap, store: AppStore, layerIds: LayerIds): Unbind {
  // Only what differs from the map is set: MapLibre re-tiles a layer's source on any change of
  // its layout, even to the value it has (an unset visibility is "visible").
  const isShown = (id: string) => map.getLayoutProperty(id, 'visibility') !== 'none';
  const apply = (layers: LayerVisibility) => {
    for (const layer of MAP_LAYERS) {
      for (const id of layerIds[layer]) {
        if (isShown(id) !== layers[layer]) map.setLayoutProperty(id, 'visibility', layers[layer] ? 'visible' : 'none');
      }
    }
  };
  apply(store.getState().view.layers);
  return store.subscribe((s) => s.view.layers, apply);
}

/** The switched-off layers, on the map's container for the HTML markers (and the stylesheet). */
export function bindHiddenLayersAttribute(map: HiddenLayersMap, store: AppStore): Unbind {
  const mark = (layers: LayerVisibility) => {
    map.getContainer().dataset.hiddenLayers = MAP_LAYERS.filter((layer) => !layers[layer]).join(' ');
  };
  mark(store.getState().view.layers);
  return store.subscribe((s) => s.view.layers, mark);
}
