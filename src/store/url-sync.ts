/**
 * The URL's one owner. Nothing else in the app reads or writes `location` or `history`.
 *
 * The store is the source of truth and the URL follows it: a change of language or selection
 * pushes a history entry (so Back undoes it), a camera move replaces the current entry (so
 * panning does not fill the history), and Back/Forward (`popstate`) put the entry's state
 * back into the store. Parameters the app does not own (a host's `childId`, `parentUrl`,
 * WordPress's `#?secret=`) are kept as they are.
 */
import type { Lang } from '../domain/types.ts';
import {
  roundCamera,
  hrefWithAppParams,
  parseAppParams,
  sameAppParams,
  type AppParams,
  type ParamContext,
} from './url-params.ts';
import type { AppState, AppStore } from './app-store.ts';
import { DEFAULT_LAYERS, sameLayers } from '../domain/layers.ts';

/** The part of a window this module uses; a test hands it a fake. */
export interface UrlWindow {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'pushState' | 'replaceState' | 'state'>;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export function paramContext(state: Pick<AppState, 'event'>): ParamContext {
  return { partyIds: state.event.parties.map((p) => p.id), chapterCount: state.event.story?.chapters.length ?? 0 };
}

/**
 * What the URL should say for this state. The opening view is the default: no `map=`. In the
 * story, the chapter says it all: its party, layers and camera are in its data, so `?chapter=3`
 * is the whole link and Back returns to the chapter before as it was written.
 */
export function selectUrlParams(state: AppState): AppParams {
  const { view, selection, story } = state;
  if (story.chapter !== null)
    return {
      display: view.display,
      lang: view.lang,
      party: null,
      camera: null,
      layers: null,
      chapter: story.chapter + 1,
      present: story.presenting,
    };
  return {
    display: view.display,
    lang: view.lang,
    party: selection.partyId,
    camera: view.camera && !view.isHomeCamera ? roundCamera(view.camera) : null,
    layers: sameLayers(view.layers, DEFAULT_LAYERS) ? null : view.layers,
    chapter: null,
    present: false,
  };
}

/**
 * `href` (relative to the page, as `stateHref` writes it) made absolute against the document's
 * base URL: for code and links that leave the page (an embed code, a copied link).
 */
export function absoluteUrl(
  href: string,
  base: string = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI,
): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** The app's parameters in the page's URL, read once at boot (and on Back/Forward). */
export function readUrlParams(win: Pick<UrlWindow, 'location'>, context: ParamContext): AppParams {
  return parseAppParams(win.location.href, context);
}

/**
 * Keeps `win`'s URL in step with `store` from now on. The store should already hold the
 * URL's state (see `applyParams`): what is there now is not written back.
 * @param fallbackLang the language when an entry's URL names none (the reader's preference).
 */
export function startUrlSync(store: AppStore, win: UrlWindow, fallbackLang: Lang): () => void {
  const context = paramContext(store.getState());
  let written = selectUrlParams(store.getState());

  const write = (params: AppParams, how: 'push' | 'replace') => {
    const href = hrefWithAppParams(win.location.href, params, context);
    if (href === win.location.href) return;
    try {
      if (how === 'push') win.history.pushState(null, '', href);
      else win.history.replaceState(win.history.state, '', href);
    } catch {
      // A sandboxed or opaque-origin frame may refuse; the page works on without it.
    }
  };

  // While Back/Forward puts an entry's state back, the URL already says it: nothing is written.
  let isRestoring = false;
  const unsubscribe = store.subscribe(
    selectUrlParams,
    (params) => {
      if (isRestoring) return;
      const isNewEntry =
        params.lang !== written.lang ||
        params.party !== written.party ||
        params.chapter !== written.chapter ||
        params.present !== written.present;
      written = params;
      write(params, isNewEntry ? 'push' : 'replace');
    },
    { equalityFn: sameAppParams },
  );

  const handlePopState = () => {
    isRestoring = true;
    try {
      store.getState().applyParams(readUrlParams(win, context), fallbackLang);
    } finally {
      isRestoring = false;
    }
    written = selectUrlParams(store.getState());
  };
  win.addEventListener('popstate', handlePopState);

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', handlePopState);
  };
}
