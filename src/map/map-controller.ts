/**
 * The one module that owns the MapLibre instance: its lifecycle. It creates the map for the
 * store's language and camera, attaches the bindings (src/map/bindings/, one concern each:
 * camera, selection, markers, locale, context loss), and on destroy undoes every binding and
 * removes the map. A language switch makes a new map at the same camera (see bindings/locale.ts).
 * React never sees the map; the store is its only input and its bindings' only output.
 */
import {
  AttributionControl,
  GPUInitializationError,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AppStore } from '../store/app-store.ts';
import type { Lang, NewsEvent } from '../domain/types.ts';
import { ZOOM_RANGE } from '../domain/camera.ts';
import { basemapUrls } from '../domain/event-data.ts';
import { LANG_DIR, translate } from '../i18n/index.ts';
import { buildEventSources } from './event-sources.ts';
import { buildMapStyle, labelFontRequests, PALETTES, patternImage, patternImageId } from './map-style.ts';
import { claimWeights } from './ink.ts';
import { WebGLUnavailableError } from './errors.ts';
import { ResetViewControl } from './reset-view-control.ts';
import { PRINT_PREPARE_CEILING_MS, setCurrentMap } from './map-handle.ts';
import { snapshotCanvas } from './snapshot.ts';
import { createPrintFrame, type PrintFrame } from './print-frame.ts';
import { exportMapPng, drawMapNow, drawPrintMapNow } from './png-export.ts';
import { exportContent, exportFileName } from './png-export-layout.ts';
import { bindCamera, HOME_PADDING, toLngLatBounds } from './bindings/camera.ts';
import { SELECTED_PARTY_STATE } from './bindings/selection.ts';
import { bindLoadedStyle } from './bindings/loaded-style.ts';
import { bindMarkers } from './bindings/markers.ts';
import { bindLocale, mapLibreLocale } from './bindings/locale.ts';
import { bindContextLoss } from './bindings/context-loss.ts';
import { bindPageGestures, PAGE_GESTURES_MEDIA } from './bindings/page-gestures.ts';
import { bindTextScale } from './bindings/text-scale.ts';
import type { Unbind } from './bindings/types.ts';

setWorkerUrl(workerUrl);
// The worker starts (fetching and compiling its script) while the page waits for a painted frame
// and the label fonts, instead of inside the map's constructor.
prewarm();

export interface MapController {
  destroy(): void;
}

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const prefersDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** How long the map waits for its label fonts before drawing with whatever the browser has. */
const LABEL_FONT_TIMEOUT_MS = 3000;

/**
 * Resolves once the fonts the canvas labels use in `lang` are loaded (usually at once: the
 * cards use them too). MapLibre rasterizes each glyph once; drawn before its font arrived, a
 * label would keep a fallback font for the life of the map.
 */
export function labelFontsReady(event: NewsEvent, lang: Lang): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loads = labelFontRequests(event, lang).map(({ font, text }) => document.fonts.load(font, text).catch(() => []));
  return Promise.race([
    Promise.all(loads).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, LABEL_FONT_TIMEOUT_MS)),
  ]);
}

/**
 * Creates the map in `container` and keeps it following `store` until `destroy()`.
 * @throws WebGLUnavailableError when the browser has no usable WebGL (the caller shows the
 * static map instead).
 */
export function createMapController(container: HTMLElement, store: AppStore): MapController {
  let live: { map: MapLibreMap; unbind: Unbind[] } | null = null;
  let isDestroyed = false;

  const teardown = () => {
    if (!live) return;
    for (const unbind of live.unbind.splice(0).reverse()) unbind();
    live.map.remove();
    live = null;
    setCurrentMap(null);
    delete document.documentElement.dataset.mapIdle;
  };

  const rebuild = (lang: Lang) => {
    teardown();
    store.getState().setMapStatus('loading');
    void labelFontsReady(store.getState().event, lang).then(() => {
      if (isDestroyed || live) return;
      try {
        live = build(container, store, rebuild);
      } catch (error) {
        store.getState().setMapStatus(error instanceof WebGLUnavailableError ? 'static' : 'error');
        if (!(error instanceof WebGLUnavailableError)) console.error('The map could not be rebuilt:', error);
      }
    });
  };

  live = build(container, store, rebuild);
  return {
    destroy() {
      isDestroyed = true;
      teardown();
    },
  };
}

function build(container: HTMLElement, store: AppStore, rebuild: (lang: Lang) => void): { map: MapLibreMap; unbind: Unbind[] } {
  const { event, view, selection } = store.getState();
  const { lang, display } = view;
  const sources = buildEventSources(event, lang);
  const isDark = display.theme === 'dark' || (display.theme === 'auto' && prefersDark());
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: buildMapStyle(event, basemapUrls, sources, lang, PALETTES[isDark ? 'dark' : 'light']),
      // A rebuilt map opens where the last one was; a new one on the event's opening view
      // (a pending request, such as a deep link's, is then carried out by the camera binding).
      ...(view.camera
        ? { center: [view.camera.center[0], view.camera.center[1]], zoom: view.camera.zoom, bearing: view.camera.bearing }
        : { bounds: toLngLatBounds(event.view.bounds), fitBoundsOptions: { padding: HOME_PADDING } }),
      locale: mapLibreLocale(lang),
      // In an article, the page scrolls past the map: Ctrl/⌘ + wheel zooms, two fingers pan.
      cooperativeGestures: display.embed,
      // `?static=1`: a picture of the claims that still follows the panel's selection.
      interactive: !display.isStatic,
      attributionControl: false,
      maxZoom: ZOOM_RANGE.max,
      minZoom: ZOOM_RANGE.min,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      reduceMotion: prefersReducedMotion(),
      // Labels appear at once: a fade would hold 'idle' back by 300 ms for no reader's benefit.
      fadeDuration: 0,
      globalState: { [SELECTED_PARTY_STATE]: selection.partyId ?? '' },
    });
  } catch (error) {
    if (error instanceof GPUInitializationError) throw new WebGLUnavailableError(error);
    throw error;
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  // The map is not mirrored in Arabic; its controls are, to sit where an Arabic reader's
  // eye starts (the panel moves to the other side too).
  const [start, end]: ['left', 'right'] | ['right', 'left'] = LANG_DIR[lang] === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  // `?static=1`: no zoom buttons on a map that is not to be moved.
  if (!display.isStatic) {
    map.addControl(new NavigationControl({ showCompass: false }), `top-${end}`);
    map.addControl(
      new ResetViewControl(translate(lang, 'map.resetView'), translate(lang, 'map.resetViewLabel'), () =>
        store.getState().resetView(),
      ),
      `top-${end}`,
    );
  }
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), `bottom-${start}`);
  map.addControl(
    new AttributionControl({
      compact: false,
      customAttribution: `<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">${translate(lang, 'map.attribution')}</a>`,
    }),
    `bottom-${end}`,
  );

  // The style has no sprite: patterns are drawn in memory, for this screen's pixel ratio.
  const pixelRatio = Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  const [palette, weights] = [PALETTES[isDark ? 'dark' : 'light'], claimWeights(event)];
  for (const party of event.parties) {
    map.addImage(patternImageId(party.id), patternImage(party, pixelRatio, { palette, weight: weights[party.id] }), {
      pixelRatio,
    });
  }

  // The handout's map, off screen in the paper's frame (print-frame.ts): made only when the
  // reader means to print (preparePrint), never for every reader.
  let printFrame: PrintFrame | null = null;
  const handleFirstIdle = () => {
    document.documentElement.dataset.mapIdle = String(performance.now());
    store.getState().setMapStatus('idle');
  };
  const handleError = (e: { error?: { message?: string } }) => console.warn('map:', e.error?.message ?? e);
  let unbindAfterLoad: Unbind[] = [];
  // Global state, layout properties and rendered features need the style: these bind once it has loaded.
  const handleLoad = () => {
    unbindAfterLoad = [...bindLoadedStyle(map, store), bindTextScale(map, store)];
  };
  map.once('idle', handleFirstIdle);
  map.once('load', handleLoad);
  map.on('error', handleError);

  const pageGesturesQuery = window.matchMedia?.(PAGE_GESTURES_MEDIA);
  const unbind: Unbind[] = [
    () => {
      printFrame?.destroy();
      printFrame = null;
      map.off('idle', handleFirstIdle);
      map.off('load', handleLoad);
      map.off('error', handleError);
      for (const unbindOne of unbindAfterLoad) unbindOne();
    },
    bindCamera(map, store, { homeBounds: event.view.bounds, prefersReducedMotion }),
    bindMarkers(map, store, sources),
    bindContextLoss(map, store),
    // An embed has cooperative gestures from the start (the host page scrolls past it).
    ...(pageGesturesQuery && !display.embed && !display.isStatic ? [bindPageGestures(map, pageGesturesQuery)] : []),
    bindLocale(store, rebuild),
  ];
  setCurrentMap({
    snapshot: () => snapshotCanvas(map),
    drawNow: (factor) => drawMapNow(map, factor).canvas,
    drawForPrint: () =>
      drawPrintMapNow(
        map,
        exportContent(store.getState().event, store.getState().view.lang),
        { bounds: toLngLatBounds(event.view.bounds), padding: HOME_PADDING },
        printFrame?.ready() ?? null,
      ),
    isPrintFrameReady: () => printFrame?.ready() != null,
    preparePrint: () => {
      if (display.embed) return Promise.resolve();
      printFrame ??= createPrintFrame(store, sources);
      let timer = 0;
      const ceiling = new Promise<void>((resolve) => (timer = window.setTimeout(resolve, PRINT_PREPARE_CEILING_MS)));
      return Promise.race([printFrame.whenReady, ceiling]).finally(() => window.clearTimeout(timer));
    },
    exportPng: async (options) => {
      // Named for what is on screen when it was asked for, not when it is done.
      const { event, view, selection } = store.getState();
      const name = exportFileName(event.id, view.lang, selection.partyId);
      const blob = await exportMapPng(map, exportContent(event, view.lang), options);
      return new File([blob], name, { type: 'image/png' });
    },
    // Asked for a frame now: MapLibre fires `idle` after the first frame that leaves nothing to do.
    settled: () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  });
  return { map, unbind };
}
