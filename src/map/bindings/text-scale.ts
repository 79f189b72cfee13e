/**
 * Presentation mode → the size of the canvas's words. Projected at the front of a classroom,
 * the map's 12–15 px names are unreadable from the back: in presentation mode every symbol
 * layer's text is scaled so the smallest is at least 20 px. (The HTML markers' names follow
 * from CSS; the markers binding reads the same scale to keep its labels off these.)
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState, AppStore } from '../../store/app-store.ts';
import { mapTextScale } from '../map-style.ts';
import type { Unbind } from './types.ts';

export type TextScaleMap = Pick<MapLibreMap, 'getStyle' | 'setLayoutProperty'>;

export const selectMapTextScale = (s: AppState): number => mapTextScale(s.story.presenting);

export function bindTextScale(map: TextScaleMap, store: AppStore): Unbind {
  // The style's own sizes, read once: each scale is applied to these, never to a scaled size.
  const baseSizes = (map.getStyle().layers ?? []).flatMap((layer) => {
    const size = layer.type === 'symbol' ? layer.layout?.['text-size'] : undefined;
    return typeof size === 'number' ? [{ id: layer.id, size }] : [];
  });
  let applied = 1;
  const apply = (scale: number) => {
    if (scale === applied) return;
    applied = scale;
    for (const { id, size } of baseSizes) map.setLayoutProperty(id, 'text-size', Math.round(size * scale * 10) / 10);
  };
  apply(selectMapTextScale(store.getState()));
  return store.subscribe(selectMapTextScale, apply);
}
