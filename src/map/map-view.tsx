import { useContext, useEffect, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectLang, selectMapStatus } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';
import { WebGLUnavailableError } from './errors.ts';
import { StaticMap } from './static-map.tsx';
import { warmUpGpu } from './gpu-warm-up.ts';
import { afterNextPaint } from '../ui/after-next-paint.ts';
import { MapPlaceholderContext } from './map-placeholder-context.ts';
import type { AppState } from '../store/app-store.ts';
import type { MapController } from './map-controller.ts';

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
  const placeholder = useContext(MapPlaceholderContext);
  const opensHome = useAppStore(opensOnHomeView);
  // The drawing stands in only until the first map is drawn: a rebuilt map (a language switch)
  // opens where the reader left it, not on the drawing's view.
  const [hasBeenDrawn, setHasBeenDrawn] = useState(false);
  if (status === 'idle' && !hasBeenDrawn) setHasBeenDrawn(true);
  const showsPlaceholder = placeholder !== null && status === 'loading' && opensHome && !hasBeenDrawn;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let controller: MapController | null = null;
    let isMounted = true;
    // The HTML preloads the map chunk; it is evaluated only now, after the page has been painted
    // once and when the map is about to be needed. The GPU warms up meanwhile, off this thread.
    whenNearViewport(container)
      .then(() => afterNextPaint())
      .then(() => {
        void warmUpGpu();
        return import('./map-controller.ts');
      })
      .then(async (module) => {
        const { event, view } = store.getState();
        await Promise.all([module.labelFontsReady(event, view.lang), warmUpGpu()]);
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
      >
        {showsPlaceholder && (
          // Above the canvas until the map's first idle, then gone: the same view, drawn.
          <div className="map-placeholder" aria-hidden="true" dangerouslySetInnerHTML={{ __html: placeholder }} />
        )}
      </div>
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

/** The map is about to open on the event's opening view: no camera yet, and none asked for but home. */
function opensOnHomeView(s: AppState): boolean {
  return s.view.camera === null && (s.view.cameraRequest === null || s.view.cameraRequest.target.kind === 'home');
}
