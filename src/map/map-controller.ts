/**
 * The one module that owns the MapLibre instance. It reads the store, follows it through
 * subscriptions, and writes back only through store actions. React never sees the map.
 */
import {
  AttributionControl,
  GPUInitializationError,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type LngLatBoundsLike,
  type MapLayerMouseEvent,
  type PositionAnchor,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { AppStore } from '../store/app-store.ts';
import type { Lang, LonLat, NewsEvent, Place } from '../domain/types.ts';
import { basemapUrls } from '../domain/event-data.ts';
import { LANG_DIR, localize, otherLang, translate, type MessageKey } from '../i18n/index.ts';
import { anchorFacingAway, buildEventSources, mostSpecificParty } from './event-sources.ts';
import { buildMapStyle, labelFontRequests, LAYER_IDS, patternImage, patternImageId } from './map-style.ts';
import { WebGLUnavailableError } from './errors.ts';

setWorkerUrl(workerUrl);

/** Where the camera was, so that a map rebuilt (for a language switch) opens on the same view. */
export interface MapCamera {
  readonly center: LonLat;
  readonly zoom: number;
}

export interface MapController {
  /** The current camera, for the next map's `camera` option. */
  camera(): MapCamera;
  destroy(): void;
}

export interface MapControllerOptions {
  /** Open on this view instead of fitting the story; the selection is then not flown to either. */
  readonly camera?: MapCamera;
}

const toBounds = ([[west, south], [east, north]]: readonly [LonLat, LonLat]): LngLatBoundsLike => [west, south, east, north];

/** How long a lost WebGL context may take to come back before the static map replaces it. */
const CONTEXT_RESTORE_TIMEOUT_MS = 5000;

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** How long the map waits for its label fonts before drawing with whatever the browser has. */
const LABEL_FONT_TIMEOUT_MS = 3000;

/**
 * Resolves once the fonts the canvas labels use in `lang` are loaded (usually at once: the
 * cards use them too). MapLibre rasterizes each glyph once; drawn before its font arrived, a
 * label would keep a fallback font for the life of the map.
 */
export function labelFontsReady(lang: Lang): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loads = labelFontRequests(lang).map(({ font, text }) => document.fonts.load(font, text).catch(() => []));
  return Promise.race([
    Promise.all(loads).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, LABEL_FONT_TIMEOUT_MS)),
  ]);
}

/**
 * Builds the map for the store's current language. MapLibre takes its control strings only at
 * construction (`locale`), so a language switch builds a new map at the old one's `camera`.
 */
export function createMapController(container: HTMLElement, store: AppStore, options: MapControllerOptions = {}): MapController {
  const { event, view } = store.getState();
  const lang = view.lang;
  const sources = buildEventSources(event, lang);
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: buildMapStyle(event, basemapUrls, sources, lang),
      ...(options.camera
        ? { center: [...options.camera.center], zoom: options.camera.zoom }
        : { bounds: toBounds(event.view.bounds), fitBoundsOptions: { padding: 24 } }),
      locale: mapLibreLocale(lang),
      attributionControl: false,
      maxZoom: 11,
      minZoom: 3,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      reduceMotion: prefersReducedMotion(),
      // Labels appear at once: a fade would hold 'idle' back by 300 ms for no reader's benefit.
      fadeDuration: 0,
      globalState: { selectedParty: store.getState().selection.partyId ?? '' },
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
  map.addControl(new NavigationControl({ showCompass: false }), `top-${end}`);
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
  for (const party of event.parties) {
    map.addImage(patternImageId(party.id), patternImage(party, pixelRatio), { pixelRatio });
  }

  const claimBadges = claimMarkers(event, lang, sources, store);
  const markers = [...placeMarkers(event, lang, map), ...claimBadges];
  for (const marker of markers) marker.addTo(map);

  const recordView = () => {
    const b = map.getBounds();
    container.dataset.view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
  };
  map.on('moveend', recordView);
  map.once('idle', () => {
    recordView();
    document.documentElement.dataset.mapIdle = String(performance.now());
    store.getState().setMapStatus('idle');
  });
  map.on('error', (e) => console.warn('map:', e.error?.message ?? e));

  // A lost WebGL context (GPU reset, too many contexts on a phone) pauses the map; MapLibre
  // restores the style when the browser gives the context back. If it does not, soon, the
  // static map takes over, so the reader is never left with a blank box.
  let contextLostTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('webglcontextlost', () => {
    store.getState().setMapStatus('paused');
    contextLostTimer = setTimeout(() => store.getState().setMapStatus('static'), CONTEXT_RESTORE_TIMEOUT_MS);
  });
  map.on('webglcontextrestored', () => {
    clearTimeout(contextLostTimer);
    if (store.getState().view.mapStatus === 'paused') map.once('idle', () => store.getState().setMapStatus('idle'));
  });

  // Map → store: a click on a claim selects the most specific party under the pointer.
  const claimLayers = [LAYER_IDS.claimFill, ...event.parties.map((p) => LAYER_IDS.claimOutline(p.id))];
  const handleClick = (e: MapLayerMouseEvent) => {
    // A click on a marker is that marker's, not a click on the claim drawn beneath it.
    if (e.originalEvent.target instanceof Element && e.originalEvent.target.closest('.maplibregl-marker')) return;
    const hits = map.queryRenderedFeatures(e.point, { layers: claimLayers });
    const partyId = mostSpecificParty(hits);
    if (partyId) store.getState().selectParty(partyId, 'map');
  };
  const handleHover = (e: MapLayerMouseEvent) => {
    map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: claimLayers }).length ? 'pointer' : '';
  };
  map.on('click', handleClick);
  map.on('mousemove', handleHover);

  // Store → map: highlight through global state (no layer is rebuilt), then bring into view.
  const applySelection = (partyId: string | null) => {
    map.setGlobalStateProperty('selectedParty', partyId ?? '');
    for (const badge of claimBadges) {
      const el = badge.getElement();
      el.setAttribute('aria-pressed', String(el.dataset.party === partyId));
    }
  };
  let unsubscribe = () => {};
  // Source and layer calls wait for the style; a selection made before then is read on load.
  map.once('load', () => {
    unsubscribe = store.subscribe(
      (s) => s.selection,
      (selection) => {
        applySelection(selection.partyId);
        if (selection.partyId && selection.origin !== 'map') bringIntoView(selection.partyId);
      },
    );
    const { partyId, origin } = store.getState().selection;
    applySelection(partyId);
    if (partyId && origin !== 'map' && !options.camera) bringIntoView(partyId);
  });

  const bringIntoView = (partyId: string) => {
    const area = sources.claimAreas.features.find((f) => f.properties.party === partyId);
    if (!area) return;
    const [west, south, east, north] = bbox(area);
    map.fitBounds(
      toBounds([
        [west, south],
        [east, north],
      ]),
      {
        padding: 48,
        maxZoom: 7,
        duration: prefersReducedMotion() ? 0 : 700,
        essential: false,
      },
    );
  };

  return {
    camera() {
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat], zoom: map.getZoom() };
    },
    destroy() {
      delete document.documentElement.dataset.mapIdle;
      clearTimeout(contextLostTimer);
      unsubscribe();
      for (const marker of markers) marker.remove();
      map.remove();
    },
  };
}

/**
 * Marks an element's text as written in `lang`. The map pins itself to left-to-right (its
 * controls and markers are placed in pixels); its labels and popups take their direction back.
 */
function writtenIn(element: HTMLElement, lang: Lang): void {
  element.lang = lang;
  element.dir = LANG_DIR[lang];
}

/** Event and context places as HTML markers: shaped by the browser, reachable by keyboard. */
function placeMarkers(event: NewsEvent, lang: Lang, map: MapLibreMap): Marker[] {
  // One place's details open at a time; the marker toggles them (mouse, Enter or Space), Escape closes.
  let openPopup: Popup | null = null;
  return event.places
    .filter((place) => place.geometry.type === 'Point')
    .map((place) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = [
        'place-marker',
        `place-marker--${place.role}`,
        `place-marker--label-${place.labelSide}`,
        ...(place.approximate ? ['place-marker--approximate'] : []),
      ].join(' ');
      button.dataset.testid = 'place-marker';
      button.dataset.place = place.id;
      // The dot sits in a 24 × 24 px box: the marker stays a usable target when its name is hidden.
      const dot = document.createElement('span');
      dot.className = 'place-marker-dot';
      dot.setAttribute('aria-hidden', 'true');
      dot.append(document.createElement('span'));
      const label = document.createElement('span');
      label.className = 'place-marker-label';
      writtenIn(label, lang);
      label.textContent = place.approximate ? `≈ ${localize(place.name, lang)}` : localize(place.name, lang);
      button.append(dot, label);
      button.setAttribute('aria-label', placeDescription(place, lang));
      button.setAttribute('aria-expanded', 'false');
      // Not Marker.setPopup: its toggle listens to the map's click, which a marker's own
      // button must not trigger (it would also count as a click on the claim underneath).
      const popup = new Popup({ offset: 14, closeButton: true, closeOnClick: false, focusAfterOpen: false, maxWidth: '260px' })
        .setLngLat([...place.anchor])
        .setDOMContent(placePopupContent(place, lang));
      popup.on('open', () => button.setAttribute('aria-expanded', 'true'));
      popup.on('close', () => button.setAttribute('aria-expanded', 'false'));
      button.addEventListener('click', () => {
        const wasOpen = popup.isOpen();
        openPopup?.remove();
        openPopup = wasOpen ? null : popup.addTo(map);
      });
      button.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && popup.isOpen()) popup.remove();
      });
      // The dot's centre, 12 px into its box, is the place's position.
      const [anchor, offset]: [PositionAnchor, [number, number]] = place.approximate
        ? ['center', [0, 0]]
        : place.labelSide === 'left'
          ? ['right', [12, 0]]
          : ['left', [-12, 0]];
      return new Marker({ element: button, anchor, offset }).setLngLat([...place.anchor]);
    });
}

function placeDescription(place: Place, lang: Lang): string {
  const name = localize(place.name, lang);
  return place.approximate ? `${name} (${translate(lang, 'map.approximate')})` : name;
}

function placePopupContent(place: Place, lang: Lang): HTMLElement {
  const root = document.createElement('div');
  root.className = 'place-popup';
  writtenIn(root, lang);
  const title = document.createElement('strong');
  title.textContent = localize(place.name, lang);
  const otherName = document.createElement('bdi');
  const other = otherLang(lang);
  writtenIn(otherName, other);
  otherName.className = 'place-popup-other';
  otherName.textContent = place.name[other];
  const note = document.createElement('p');
  note.textContent = localize(place.precision, lang);
  root.append(title, ' ', otherName, note);
  return root;
}

/** One badge per party on its claimed geometry: the keyboard route to the map's claims. */
function claimMarkers(event: NewsEvent, lang: Lang, sources: ReturnType<typeof buildEventSources>, store: AppStore): Marker[] {
  return sources.claimAnchors.features.flatMap((anchorPoint) => {
    const party = event.parties.find((p) => p.id === anchorPoint.properties.party);
    const version = event.versions.find((v) => v.party === anchorPoint.properties.party);
    if (!party || !version) return [];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `claim-marker claim-marker--${party.mark.line}`;
    button.dataset.testid = 'claim-marker';
    button.dataset.party = party.id;
    button.style.setProperty('--party-color', party.mark.color);
    writtenIn(button, lang);
    const badge = `${localize(party.shortName, lang)}: ${translate(lang, 'map.claimBadge')}`;
    button.textContent = badge;
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute(
      'aria-label',
      translate(lang, 'map.claimMarkerLabel', { badge, place: localize(version.place.label, lang) }),
    );
    button.addEventListener('click', () => store.getState().selectParty(party.id, 'map'));
    const [lon, lat] = anchorPoint.geometry.coordinates;
    // Hung outside the claim, on the side its point faces, so that it covers neither the
    // claim's own label nor the places inside it.
    const anchor = anchorFacingAway(anchorPoint.properties.outwardBearing);
    return [new Marker({ element: button, anchor }).setLngLat([lon ?? 0, lat ?? 0])];
  });
}

/** MapLibre's own strings (control tooltips, the canvas's label, the scale bar's units). */
function mapLibreLocale(lang: Lang): Record<string, string> {
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
  };
}
