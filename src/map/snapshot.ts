/**
 * A PNG of the map's canvas. WebGL clears its drawing buffer after each frame is shown
 * (`preserveDrawingBuffer` would cost every frame), so the canvas is read inside a `render`
 * event, right after MapLibre has drawn a frame it was asked for.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function snapshotCanvas(map: Pick<MapLibreMap, 'once' | 'triggerRepaint' | 'getCanvas'>): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      map.getCanvas().toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map canvas gave no PNG'))), 'image/png');
    });
    map.triggerRepaint();
  });
}
