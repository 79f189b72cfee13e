/**
 * Thrown by the map controller when this browser cannot run MapLibre (no WebGL 2). Lives apart
 * from the controller so that React code can recognise it without importing maplibre-gl.
 */
export class WebGLUnavailableError extends Error {
  constructor(cause: unknown) {
    super('WebGL is not available: showing the static map', { cause });
    this.name = 'WebGLUnavailableError';
  }
}
