export interface CutBasemapOptions {
  /** Folder holding the six Natural Earth layers, under this project's names or Natural Earth's. */
  readonly from: string;
  /** [west, south, east, north] in degrees. */
  readonly bbox: readonly [number, number, number, number] | readonly number[];
  /** Folder to write the layers and basemap.json into (created if missing). */
  readonly out: string;
  /** Keep only populated places whose adm0name is one of these. */
  readonly countries?: readonly string[];
  /** Decimals kept in positions (default 5, about a metre). */
  readonly precision?: number;
  /** Douglas–Peucker tolerance in degrees for lines and polygons (default 0: none). */
  readonly simplify?: number;
}

export interface BasemapManifest {
  readonly extent: [[number, number], [number, number]];
  readonly source: string;
  readonly generatedBy: string;
  readonly layers: Readonly<Record<string, string>>;
}

export interface CutBasemapResult {
  readonly manifest: BasemapManifest;
  readonly featureCounts: Readonly<Record<string, number>>;
}

export declare const DEFAULT_PRECISION: number;
export declare const DEFAULT_SIMPLIFY: number;
export declare const MANIFEST_FILE: string;
export declare class CutBasemapError extends Error {}
export declare function cutBasemap(options: CutBasemapOptions): CutBasemapResult;
export declare function parseCommandLine(argv: readonly string[]): CutBasemapOptions;
