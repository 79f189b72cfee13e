/**
 * The map's language. MapLibre reads its own strings (zoom buttons, the canvas's label, the
 * scale bar's units) only when a map is created, through its `locale` option, and the style's
 * text fields and the HTML markers are written for one language; so a language switch asks
 * the lifecycle for a new map, at the same camera (which the store keeps).
 */
import type { AppStore } from '../../store/app-store.ts';
import type { Lang } from '../../domain/types.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import type { Unbind } from './types.ts';

export function bindLocale(store: AppStore, rebuild: (lang: Lang) => void): Unbind {
  return store.subscribe(
    (s) => s.view.lang,
    (lang) => rebuild(lang),
  );
}

/** MapLibre's own strings in `lang`, for the map's `locale` option. */
export function mapLibreLocale(lang: Lang): Record<string, string> {
  const t = (key: MessageKey) => translate(lang, key);
  return {
    'NavigationControl.ZoomIn': t('maplibre.zoomIn'),
    'NavigationControl.ZoomOut': t('maplibre.zoomOut'),
    'NavigationControl.ResetBearing': t('maplibre.resetBearing'),
    'Popup.Close': t('maplibre.popupClose'),
    'AttributionControl.ToggleAttribution': t('maplibre.toggleAttribution'),
    'Map.Title': t('maplibre.mapTitle'),
    'Marker.Title': t('maplibre.markerTitle'),
    'ScaleControl.Kilometers': t('maplibre.kilometers'),
    'ScaleControl.Meters': t('maplibre.meters'),
    'CooperativeGesturesHandler.WindowsHelpText': t('maplibre.cooperativeWindows'),
    'CooperativeGesturesHandler.MacHelpText': t('maplibre.cooperativeMac'),
    'CooperativeGesturesHandler.MobileHelpText': t('maplibre.cooperativeMobile'),
  };
}
