/**
 * A lost WebGL context (GPU reset, too many contexts on a phone) pauses the map; MapLibre
 * restores the style when the browser gives the context back. If it does not, soon, the
 * static map takes over, so the reader is never left with a blank box.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import type { Unbind } from './types.ts';

export type ContextLossMap = Pick<MapLibreMap, 'on' | 'off' | 'once'>;

/** How long a lost WebGL context may take to come back before the static map replaces it. */
export const CONTEXT_RESTORE_TIMEOUT_MS = 5000;

export function bindContextLoss(map: ContextLossMap, store: AppStore): Unbind {
  let restoreTimer: ReturnType<typeof setTimeout> | undefined;
  const handleLost = () => {
    store.getState().setMapStatus('paused');
    clearTimeout(restoreTimer);
    restoreTimer = setTimeout(() => store.getState().setMapStatus('static'), CONTEXT_RESTORE_TIMEOUT_MS);
  };
  const handleIdleAfterRestore = () => {
    if (store.getState().view.mapStatus === 'paused') store.getState().setMapStatus('idle');
  };
  const handleRestored = () => {
    clearTimeout(restoreTimer);
    map.once('idle', handleIdleAfterRestore);
  };
  map.on('webglcontextlost', handleLost);
  map.on('webglcontextrestored', handleRestored);
  return () => {
    clearTimeout(restoreTimer);
    map.off('webglcontextlost', handleLost);
    map.off('webglcontextrestored', handleRestored);
    map.off('idle', handleIdleAfterRestore);
  };
}
