/**
 * The camera as the app speaks of it: what the store holds, the URL carries and the map
 * controller applies. Plain data, no MapLibre: the map follows these, never the other way.
 */
import type { LonLat } from './types.ts';

/** A settled view of the map. `bearing` is in degrees, clockwise from north, in (-180, 180]. */
export interface Camera {
  readonly center: LonLat;
  readonly zoom: number;
  readonly bearing: number;
}

/** [[west, south], [east, north]] in degrees. */
export type Bounds = readonly [LonLat, LonLat];

/**
 * The zooms the map allows, and so the only ones a URL or a request can ask for: from a region
 * (the whole basemap) down to a few streets, so that an event of any scale, a 150 km desert or a
 * 2 km yard, can be framed whole. Framing itself is derived from each claim's geometry.
 */
export const ZOOM_RANGE = { min: 3, max: 15 } as const;

/** Web Mercator cannot show the poles; MapLibre clamps latitude to this too. */
export const MAX_LATITUDE = 85.051129;

/**
 * Where a camera request sends the map:
 * - `home`: the event's opening view (its bounds fitted to whatever size the map has);
 * - `bounds`: fit a box, never closer than `maxZoom`;
 * - `camera`: exactly this camera (a deep link, a rebuilt map).
 */
export type CameraTarget =
  | { readonly kind: 'home' }
  | { readonly kind: 'bounds'; readonly bounds: Bounds; readonly maxZoom?: number }
  | { readonly kind: 'camera'; readonly camera: Camera };

/**
 * An intent to move the camera, made by any writer (the URL, a selection, a story chapter, a
 * reset) and carried out once by the map controller, which then clears it. The id tells two
 * requests for the same target apart: asking again moves the map again.
 */
export interface CameraRequest {
  readonly id: number;
  readonly target: CameraTarget;
  /** False for moves the reader should not watch (a deep link on load, Back and Forward). */
  readonly animate: boolean;
}
