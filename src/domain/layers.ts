/**
 * The map's layers a reader can switch on and off (from the legend), as plain data that the
 * store holds, the URL carries and the map controller applies.
 * - `claims`: every party's claimed area, outline and badge;
 * - `rings`: context rings no party claims (the 55 km zone);
 * - `context`: places that orient the reader (towns, the capital), not part of the story;
 * - `gaps`: the measured distances between claims, drawn as labelled lines (off at first).
 */
export const MAP_LAYERS = ['claims', 'rings', 'context', 'gaps'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export type LayerVisibility = Readonly<Record<MapLayer, boolean>>;

export const DEFAULT_LAYERS: LayerVisibility = Object.freeze({ claims: true, rings: true, context: true, gaps: false });

export function sameLayers(a: LayerVisibility, b: LayerVisibility): boolean {
  return MAP_LAYERS.every((layer) => a[layer] === b[layer]);
}
