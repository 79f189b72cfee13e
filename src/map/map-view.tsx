import { useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectLang, selectMapStatus } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';
import { WebGLUnavailableError } from './errors.ts';
import { StaticMap } from './static-map.tsx';
import type { MapController } from './map-controller.ts';

// Asked for as soon as this module runs (the HTML preloads it too), not after the first
// render: the cards never wait for it, and the map does not wait for the cards. Not when the
// page is prerendered at build time, where there is no window to draw in.
const mapControllerModule = typeof window === 'undefined' ? null : import('./map-controller.ts');

/**
 * Resolves after the browser has painted the current frame. Creating the map is one long task;
 * run before the first paint, it would hold back the cards the reader came for.
 */
function afterNextPaint<T>(value: T): Promise<T> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(value), 0)));
}

/**
 * Resolves once `element` is within a screen's height of the viewport (at once where the browser
 * cannot tell). A reader who never scrolls to the map never pays for it; on most screens it
 * is in view from the start.
 */
function whenNearViewport(element: Element): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        resolve();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
  });
}

/**
 * The only React component that knows the map controller exists. MapLibre is loaded lazily,
 * after the cards have rendered: a reader on a slow phone reads the versions first. Once
 * created, the controller follows the store by itself (a language switch included) until
 * this component unmounts.
 */
export function MapView({ caption }: { caption: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const status = useAppStore(selectMapStatus);
  const lang = useAppStore(selectLang);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !mapControllerModule) return;
    let controller: MapController | null = null;
    let isMounted = true;
    Promise.all([mapControllerModule, whenNearViewport(container)])
      .then(([module]) => afterNextPaint(module))
      .then(async (module) => {
        const { event, view } = store.getState();
        await module.labelFontsReady(event, view.lang);
        return module;
      })
      .then(({ createMapController }) => {
        if (isMounted) controller = createMapController(container, store);
      })
      .catch((error: unknown) => {
        if (!isMounted) return;
        if (error instanceof WebGLUnavailableError) {
          store.getState().setMapStatus('static');
        } else {
          console.error('The map could not be loaded:', error);
          store.getState().setMapStatus('error');
        }
      });
    return () => {
      isMounted = false;
      controller?.destroy();
    };
  }, [store]);

  return (
    <figure className="map-figure">
      <div
        ref={containerRef}
        className="map"
        data-testid="map"
        data-map-state={status}
        role="region"
        aria-label={translate(lang, 'map.label')}
        hidden={status === 'static'}
      />
      {status === 'loading' && (
        <p className="map-status" role="status">
          {translate(lang, 'map.loading')}
        </p>
      )}
      {status === 'paused' && (
        <p className="map-status" role="status">
          {translate(lang, 'map.paused')}
        </p>
      )}
      {status === 'error' && (
        <p className="map-status map-status--error" role="alert">
          {translate(lang, 'map.error')}
        </p>
      )}
      {status === 'static' && <StaticMap />}
      <figcaption className="map-caption">{caption}</figcaption>
    </figure>
  );
}
