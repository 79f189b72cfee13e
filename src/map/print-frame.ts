/**
 * The printed handout's map, made ready off screen when the reader means to print (the Print
 * button pointed at, focused or pressed, the Share menu opened, Ctrl/⌘+P; never for a reader who
 * does not: a second map costs a phone as much as the first): a second MapLibre map at the paper's size
 * (A4's content width × 72 mm, in CSS px), on the event's opening view, in the paper's light
 * palette, following the selection and the legend's layers, with its own place names and badges
 * laid out by the markers binding for that frame. A `beforeprint` handler cannot wait for tiles;
 * this map has loaded its own, whatever the reader's map shows (png-export.ts [2]).
 *
 * It lives in a closed shadow root under an inert, hidden host: its buttons are not the page's
 * (no second "SANA: claimed place" for a keyboard, a screen reader or a page's selectors), and
 * the page's stylesheets are linked into it so that its names are set as the screen's are.
 */
import { Map as MapLibreMap, type GeoJSONSource } from 'maplibre-gl';
import type { AppStore } from '../store/app-store.ts';
import { basemapUrls } from '../domain/event-data.ts';
import { buildMapStyle, PALETTES, patternImage, patternImageId, SOURCE_IDS } from './map-style.ts';
import type { EventSources } from './event-sources.ts';
import { claimWeights } from './ink.ts';
import { HOME_PADDING, toLngLatBounds } from './bindings/camera.ts';
import { SELECTED_PARTY_STATE } from './bindings/selection.ts';
import { bindLoadedStyle } from './bindings/loaded-style.ts';
import { bindMarkers } from './bindings/markers.ts';
import type { Unbind } from './bindings/types.ts';
import { PRINT_MAP_HEIGHT_PX, PRINT_RESOLUTION, PRINT_WIDTH_PX } from './png-export.ts';

export interface PrintFrame {
  /** The map, once it has drawn its frame whole with its names laid out; null until then. */
  ready(): MapLibreMap | null;
  /** Settles once the frame is ready (ready() is then the map), or never if it is destroyed first. */
  readonly whenReady: Promise<void>;
  destroy(): void;
}

export function createPrintFrame(store: AppStore, sources: EventSources): PrintFrame {
  const { event, view, selection } = store.getState();
  const host = document.createElement('div');
  host.className = 'print-frame-host';
  host.inert = true;
  host.setAttribute('aria-hidden', 'true');
  // Laid out (MapLibre and the markers binding measure it) but never seen: clipped away whole,
  // fixed, so that it adds nothing to the page's scrolling.
  for (const [property, value] of [
    ['position', 'fixed'],
    ['inset-block-start', '0'],
    ['inset-inline-start', '0'],
    ['clip-path', 'inset(50%)'],
    ['pointer-events', 'none'],
  ] as const)
    host.style.setProperty(property, value);
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => {
    const copy = link.cloneNode() as HTMLLinkElement;
    shadow.append(copy);
    return new Promise<void>((resolve) => {
      copy.addEventListener('load', () => resolve(), { once: true });
      copy.addEventListener('error', () => resolve(), { once: true });
    });
  });
  const container = document.createElement('div');
  container.className = 'map print-frame';
  for (const [property, value] of [
    ['width', `${PRINT_WIDTH_PX}px`],
    ['height', `${PRINT_MAP_HEIGHT_PX}px`],
    ['min-height', '0'],
    ['max-height', 'none'],
  ] as const)
    container.style.setProperty(property, value, 'important');
  shadow.append(container);
  document.body.append(host);

  const palette = PALETTES.light;
  const map = new MapLibreMap({
    container,
    style: buildMapStyle(event, basemapUrls, sources, view.lang, palette),
    bounds: toLngLatBounds(event.view.bounds),
    fitBoundsOptions: { padding: HOME_PADDING },
    interactive: false,
    attributionControl: false,
    pixelRatio: 1,
    fadeDuration: 0,
    globalState: { [SELECTED_PARTY_STATE]: selection.partyId ?? '' },
  });
  const weights = claimWeights(event);
  for (const party of event.parties) {
    map.addImage(patternImageId(party.id), patternImage(party, PRINT_RESOLUTION, { palette, weight: weights[party.id] }), {
      pixelRatio: PRINT_RESOLUTION,
    });
  }

  let unbind: Unbind[] = [bindMarkers(map, store, sources)];
  let isReady = false;
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  map.once('load', () => {
    unbind.push(...bindLoadedStyle(map, store));
    // The names are measured once the page's styles apply in here and the border lines they keep
    // clear of have come back from the worker (bindMarkers asked for them first, at style.load,
    // so it has them by now): a resize lays them out again.
    const borders = map.getSource<GeoJSONSource>(SOURCE_IDS.boundaryLines)?.getData();
    void Promise.all([...sheets, borders]).then(() => {
      map.resize();
      map.once('idle', () => {
        isReady = true;
        markReady();
      });
      map.triggerRepaint();
    });
  });

  return {
    ready: () => (isReady && map.areTilesLoaded() ? map : null),
    whenReady,
    destroy() {
      for (const unbindOne of unbind.splice(0).reverse()) unbindOne();
      unbind = [];
      map.remove();
      host.remove();
    },
  };
}
