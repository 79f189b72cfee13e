/**
 * Camera requests → the map; the map's settled camera → the store.
 *
 * Any writer (a card's "Show on map", the URL, Back and Forward, later a story chapter or a
 * reset) asks for a move with `requestCamera`; this binding carries out each request once and
 * clears it. On `moveend` (never on `move`) it writes where the map settled, and whether that
 * is still the event's opening view, which the URL does not need to spell out.
 *
 * While the map shows the opening view, a new size frames it anew (a window narrowed from a
 * laptop's to a phone's, a phone turned): kept at the old zoom, the claims and their badges
 * would hang off a smaller map. Once the reader has moved the map, or a claim is framed, a
 * resize keeps their camera.
 */
import type { LngLatBoundsLike, Map as MapLibreMap, MapLibreEvent } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import type { Bounds, Camera, CameraRequest } from '../../domain/camera.ts';
import type { Unbind } from './types.ts';

export type CameraMap = Pick<
  MapLibreMap,
  'fitBounds' | 'jumpTo' | 'easeTo' | 'getCenter' | 'getZoom' | 'getBearing' | 'getContainer' | 'on' | 'off'
>;

export interface CameraEnv {
  /** The event's opening view, fitted to the map's size. */
  readonly homeBounds: Bounds;
  readonly prefersReducedMotion: () => boolean;
}

/** Room kept around the event's opening view, in px. */
export const HOME_PADDING = 24;
/** Room kept around a framed claim, in px: its badge hangs outside it. */
export const FRAME_PADDING = 48;
/** How long an animated move takes. Reduced motion, a deep link or Back/Forward: no animation. */
export const FLIGHT_MS = 700;

export function toLngLatBounds([[west, south], [east, north]]: Bounds): LngLatBoundsLike {
  return [west, south, east, north];
}

export function readCamera(map: Pick<MapLibreMap, 'getCenter' | 'getZoom' | 'getBearing'>): Camera {
  const { lng, lat } = map.getCenter();
  return { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing() };
}

export function bindCamera(map: CameraMap, store: AppStore, env: CameraEnv): Unbind {
  // Whether the camera still shows the opening view: set by the request that moved it, lost
  // as soon as the reader moves the map (only their moves carry an `originalEvent`).
  let isHome = store.getState().view.isHomeCamera;

  const carryOut = (request: CameraRequest) => {
    const duration = request.animate && !env.prefersReducedMotion() ? FLIGHT_MS : 0;
    const { target } = request;
    isHome = target.kind === 'home';
    // Cleared first: a jump ends (`moveend`) before fitBounds returns.
    store.getState().completeCameraRequest(request.id);
    switch (target.kind) {
      case 'home':
        map.fitBounds(toLngLatBounds(env.homeBounds), { padding: HOME_PADDING, duration, essential: false });
        break;
      case 'bounds':
        map.fitBounds(toLngLatBounds(target.bounds), {
          padding: FRAME_PADDING,
          duration,
          essential: false,
          ...(target.maxZoom === undefined ? {} : { maxZoom: target.maxZoom }),
        });
        break;
      case 'camera': {
        const { center, zoom, bearing } = target.camera;
        const camera = { center: [center[0], center[1]] as [number, number], zoom, bearing };
        if (duration > 0) map.easeTo({ ...camera, duration, essential: false });
        else map.jumpTo(camera);
        break;
      }
    }
  };

  const handleMoveStart = (e: MapLibreEvent<unknown>) => {
    if (e.originalEvent) isHome = false;
  };
  const handleMoveEnd = () => store.getState().setCamera(readCamera(map), isHome);
  const fitHome = () => map.fitBounds(toLngLatBounds(env.homeBounds), { padding: HOME_PADDING, duration: 0, essential: false });
  // The size the view was last framed for: MapLibre also fires 'resize' when only the pixel
  // ratio changes (the PNG export's drawing), which must leave the reader's view exactly as it is.
  const sizeOf = ({ clientWidth, clientHeight }: HTMLElement) => `${clientWidth}x${clientHeight}`;
  let framedSize = sizeOf(map.getContainer());
  const handleResize = () => {
    const box = map.getContainer();
    if (sizeOf(box) === framedSize) return;
    framedSize = sizeOf(box);
    if (!isHome || store.getState().view.cameraRequest) return;
    // A map laid out to nothing (hidden, or standing down) has no view to fit.
    const { clientWidth, clientHeight } = box;
    if (clientWidth > 2 * HOME_PADDING && clientHeight > 2 * HOME_PADDING) fitHome();
  };

  map.on('movestart', handleMoveStart);
  map.on('moveend', handleMoveEnd);
  map.on('resize', handleResize);
  const unsubscribe = store.subscribe(
    (s) => s.view.cameraRequest,
    (request) => {
      if (request) carryOut(request);
    },
  );

  // A request made before this map existed (a deep link, Back while the map was rebuilt) is
  // carried out at once, without a flight: the reader has not seen the map yet. Otherwise the
  // store learns where the map opened.
  const pending = store.getState().view.cameraRequest;
  if (pending) carryOut({ ...pending, animate: false });
  else handleMoveEnd();

  return () => {
    unsubscribe();
    map.off('movestart', handleMoveStart);
    map.off('moveend', handleMoveEnd);
    map.off('resize', handleResize);
  };
}
