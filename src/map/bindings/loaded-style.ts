import type { AppStore } from '../../store/app-store.ts';
import { LAYER_IDS } from '../map-style.ts';
import { bindGaps, type GapsMap } from './gaps.ts';
import { bindLayers, type LayersMap } from './layers.ts';
import { bindSelection, type SelectionMap } from './selection.ts';
import type { Unbind } from './types.ts';

/**
 * The bindings that need the style loaded (global state, layout properties, source data): the
 * selection's highlight, the legend's layer switches and the measured gaps. Shared by the
 * reader's map and the handout's (print-frame.ts), which must show the same claims the same way.
 */
export function bindLoadedStyle(map: SelectionMap & LayersMap & GapsMap, store: AppStore): Unbind[] {
  const { event } = store.getState();
  const claimLayerIds = [LAYER_IDS.claimFill, ...event.parties.map((p) => LAYER_IDS.claimOutline(p.id))];
  return [
    bindSelection(map, store, claimLayerIds),
    bindLayers(map, store, {
      claims: claimLayerIds,
      rings: [LAYER_IDS.contextRingLine, LAYER_IDS.contextRingLabel],
      context: [],
      gaps: [LAYER_IDS.gapLine],
    }),
    bindGaps(map, store),
  ];
}
