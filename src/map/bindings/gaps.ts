/**
 * The measured gaps on the map (measured by the build: `event.derived`), labelled in the page's
 * language and handed to the style's gap-lines source when a reader first switches the `gaps`
 * layer on. Showing and hiding them afterwards is the layers binding's work.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import { gapText } from '../../i18n/event-text.ts';
import { SOURCE_IDS } from '../map-style.ts';
import type { Unbind } from './types.ts';

export type GapsMap = Pick<MapLibreMap, 'getSource'>;

export function bindGaps(map: GapsMap, store: AppStore): Unbind {
  let isDrawn = false;
  const draw = (visible: boolean) => {
    if (!visible || isDrawn) return;
    isDrawn = true;
    const { event, view } = store.getState();
    const { gaps, gapLines: lines } = event.derived;
    const byId = new Map(gaps.map((gap) => [gap.id, gap]));
    // Each line, and its label as a point at the line's middle: a label placed along a line
    // would be dropped wherever the words are longer than the line is on screen.
    const features = lines.features.flatMap((line) => {
      const label = gapText(byId.get(line.properties.id)!, view.lang);
      const coordinates = line.geometry.coordinates;
      const middle = coordinates[Math.floor(coordinates.length / 2)] ?? coordinates[0]!;
      return [
        { ...line, properties: { ...line.properties, label } },
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: middle },
          properties: { id: line.properties.id, label },
        },
      ];
    });
    map.getSource<GeoJSONSource>(SOURCE_IDS.gapLines)?.setData({ type: 'FeatureCollection', features });
  };
  draw(store.getState().view.layers.gaps);
  return store.subscribe((s) => s.view.layers.gaps, draw);
}
