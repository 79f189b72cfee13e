/**
 * The first WebGL context a page creates makes the browser's GPU process set up its GL back end,
 * and `canvas.getContext()` waits for that on the main thread: about 200–300 ms where GL is
 * software (SwiftShader), so one long task inside MapLibre's constructor, while the reader may
 * be tapping. A worker that creates a throwaway context first pays that set-up off the main
 * thread; the map's own context then takes a few milliseconds (measured in docs/perf-notes.md).
 *
 * The worker is a `data:` URL: it needs no file of its own, and works in a sandboxed embed,
 * whose opaque origin could not start a worker from the site's URL (the CSP allows
 * `worker-src data:` for MapLibre's own worker there, see scripts/vite-plugins/).
 */
const WARM_UP_SOURCE = `
try {
  const canvas = new OffscreenCanvas(1, 1);
  postMessage(Boolean(canvas.getContext('webgl2')));
} catch {
  postMessage(false);
}`;

let warmUp: Promise<void> | null = null;

/**
 * Starts the warm-up once per page (later calls return the same promise), which settles when
 * the worker's context exists or could not be made. Never rejects: where there is no
 * OffscreenCanvas, no worker or no WebGL, the map simply pays the set-up itself, or shows the
 * static map as before.
 */
export function warmUpGpu(): Promise<void> {
  warmUp ??= new Promise<void>((resolve) => {
    if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') {
      resolve();
      return;
    }
    try {
      const worker = new Worker(`data:text/javascript,${encodeURIComponent(WARM_UP_SOURCE)}`);
      const done = () => {
        worker.terminate();
        resolve();
      };
      worker.onmessage = done;
      worker.onerror = done;
    } catch {
      resolve();
    }
  });
  return warmUp;
}
