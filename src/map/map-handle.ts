/**
 * The one handle on the live map, for the few commands that are not state (a snapshot of the
 * canvas). Everything else goes through the store. Free of MapLibre, so that a panel can hold
 * it without pulling the map's chunk into the page's first script.
 */
export interface MapCommands {
  /** A PNG of the map's canvas as it is drawn now (without the HTML markers laid over it). */
  snapshot(): Promise<Blob>;
  /**
   * The map as it is on screen, its place names and claim badges drawn in, at `factor` × the
   * screen's resolution, drawn now, synchronously, into a 2D canvas. For callers that cannot
   * wait for a frame, such as a `beforeprint` handler. Never `preserveDrawingBuffer`.
   */
  drawNow(factor?: number): HTMLCanvasElement;
  /**
   * The map for the printed handout, drawn now (png-export.ts's `drawPrintMapNow`): the printed
   * page's width at print resolution, names and badges at 8 pt and up, legend, scale bar.
   */
  drawForPrint(): HTMLCanvasElement;
  /** Whether the handout's off-screen map (print-frame.ts) has drawn its frame, names and all. */
  isPrintFrameReady(): boolean;
  /**
   * Makes the handout's off-screen map (print-frame.ts) if there is none yet, and resolves once
   * it is ready to print from, or after `PRINT_PREPARE_CEILING_MS` (a print then frames the
   * reader's own map instead). At once in an embed, which prints from the reader's map.
   */
  preparePrint(): Promise<void>;
  /**
   * The map as the reader sees it, for a file: title, the map with its markers at `scale` times
   * the screen's resolution, legend, scale bar and attribution (src/map/png-export.ts). A File,
   * named for the event, the language and the selected party.
   */
  exportPng(options?: PngExportOptions): Promise<File>;
  /**
   * Resolves at the map's next rest: once a frame has been drawn with no camera move, tile,
   * style change or transition still pending (MapLibre's `idle`, after a repaint asked for now).
   */
  settled(): Promise<void>;
}

export interface PngExportOptions {
  /**
   * Times the screen's own pixel ratio.
   * @defaultValue 2
   */
  readonly scale?: number;
}

/**
 * What the last drawing of the printed map measured (png-export.ts's drawPrintMapNow), in CSS px
 * of the paper (96 to the inch) from the map's top left corner: for the browser tests, which
 * read it through `window.__printedMap()`, and for a reader of the code wondering what printed.
 */
export interface PrintReport {
  /** Which map drew it: the off-screen one in the paper's frame, or the reader's put in that frame. */
  readonly drawnBy: 'print-frame' | 'reader-map';
  /** The frame drawn: its size in the map's CSS px, paper px per map px, its camera and its
   * bounds as [west, south, east, north]. */
  readonly frame: {
    readonly width: number;
    readonly height: number;
    readonly scale: number;
    readonly zoom: number;
    readonly bounds: readonly [number, number, number, number];
  };
  /** Whether every tile of the frame was loaded when it was drawn. */
  readonly tilesLoaded: boolean;
  /** The canvas's own names' (symbol layers') type sizes on paper. */
  readonly symbolTextPx: readonly number[];
  /** Each place name and claim badge drawn, with its type size on paper. */
  readonly labels: readonly {
    readonly text: string;
    readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
    readonly fontPx: number;
  }[];
}

/** How long a print waits for the handout's map before it prints without it. */
export const PRINT_PREPARE_CEILING_MS = 15_000;

let current: MapCommands | null = null;
let lastPrint: PrintReport | null = null;

export function recordPrintReport(report: PrintReport): void {
  lastPrint = report;
}

export function lastPrintReport(): PrintReport | null {
  return lastPrint;
}

/** The live map's commands, or null while there is no interactive map (loading, no WebGL). */
export function currentMap(): MapCommands | null {
  return current;
}

/** For the map's lifecycle only. */
export function setCurrentMap(commands: MapCommands | null): void {
  current = commands;
}
