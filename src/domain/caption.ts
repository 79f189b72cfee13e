/** `{distance:<place id>:<place id>}` in a caption: the measured distance between two places. */
export const CAPTION_DISTANCE = /\{distance:([^:{}]+):([^:{}]+)\}/g;

/** The key of a pair of places in `DerivedGeometry.placeDistancesKm`. */
export const placePairKey = (from: string, to: string): string => `${from}:${to}`;
