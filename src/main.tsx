import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/app.css';
import './styles/story.css';
import './styles/print.css';
import { loadBundledEvent } from './domain/event-data.ts';
import { DataValidationError } from './domain/data-issue.ts';
import type { Lang } from './domain/types.ts';
import { createAppStore, type AppStore } from './store/app-store.ts';
import { paramContext, readUrlParams, startUrlSync } from './store/url-sync.ts';
import type { AppParams } from './store/url-params.ts';
import { AppRoot } from './app/app-root.tsx';
import { DataErrorPage } from './app/data-error.tsx';
import { chooseLang } from './i18n/choose-lang.ts';
import { LANG_DIR } from './i18n/index.ts';
import { PRERENDERED_MODES, type AppMode } from './app/prerender.ts';
import { currentMap, lastPrintReport } from './map/map-handle.ts';
import { startEmbedMessaging } from './embed/auto-height.ts';

const container = document.getElementById('root')!;
// The reader's own preference, for a URL (or a history entry) that names no language.
const preferredLang = chooseLang('', navigator.languages ?? [navigator.language]);

function boot(): void {
  const event = loadBundledEvent();
  const params = readUrlParams(window, paramContext({ event }));
  const lang = params.lang ?? preferredLang;
  // The build's inline script has already done this before the first paint; the dev server
  // has no such script.
  document.documentElement.lang = lang;
  document.documentElement.dir = LANG_DIR[lang];
  // The theme is CSS's to apply (auto: by prefers-color-scheme); an embed sizes to its content.
  document.documentElement.dataset.theme = params.display.theme;
  if (params.display.embed) document.documentElement.dataset.embed = '';
  // The build's inline script marks a presentation before the first paint, from the raw flag;
  // the parsed URL says whether there is a story to present (src/story/presentation.ts owns it after).
  if (!params.present) delete document.documentElement.dataset.presenting;

  // The build ships the first state of the reader's page and of the embed as HTML in each
  // language (scripts/vite-plugins/prerender.ts), and the inline script has put the one this URL
  // asks for in #root. React hydrates it only when its first render will match it, markup for
  // markup: the same language and mode, no selection, the opening view. The URL's selection and
  // camera are applied just after. An embed that opens on a story chapter, or without its title
  // and credits (`?plain=1`), renders on the client, over the cards the inline script showed.
  const mode: AppMode = params.display.embed ? 'embed' : 'reader';
  const matchesPrerendered = mode === 'reader' || (params.chapter === null && !params.display.plain);
  const canHydrate =
    PRERENDERED_MODES.includes(mode) &&
    matchesPrerendered &&
    container.dataset.lang === lang &&
    container.dataset.mode === mode &&
    container.hasChildNodes();
  for (const template of document.querySelectorAll('template[data-prerendered]')) template.remove();

  const store = createAppStore({ event, lang, display: params.display });
  // The prerendered drawing of the map (src/map/map-placeholder.tsx), handed back to React as the
  // page holds it, in the map's box.
  const mapPlaceholder = container.querySelector('.map-placeholder')?.innerHTML ?? null;
  const app = (
    <StrictMode>
      <AppRoot store={store} onStarted={once(() => start(store, params, preferredLang))} mapPlaceholder={mapPlaceholder} />
    </StrictMode>
  );
  if (canHydrate) {
    // As a transition, React hydrates in slices of a few milliseconds, yielding to the browser
    // between them: a tap on the page is never stuck behind the whole tree.
    startTransition(() => {
      hydrateRoot(container, app);
    });
  } else {
    // No prerendered markup to match: the first render may as well be the URL's state (a story
    // chapter in an embed), rather than the opening one replaced a moment later (a layout shift).
    store.getState().applyParams(params, preferredLang);
    container.replaceChildren();
    createRoot(container).render(app);
  }
}

/** Once the first render is on screen: the URL's state, then the URL following the store. */
function start(store: AppStore, params: AppParams, fallbackLang: Lang): void {
  store.getState().applyParams(params, fallbackLang);
  startUrlSync(store, window, fallbackLang);
  // Inside a host's frame (an embed, or the full page framed), the host learns the content's
  // height; outside one, this does nothing.
  startEmbedMessaging(window, store.getState().event.id);
  exposeStateForTests(store);
}

/** StrictMode runs effects twice in development; booting twice would sync the URL twice. */
function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/**
 * Test hooks, documented in tests/browser/README.md: a copy of the store's serializable state
 * (selection, view and story), so that end-to-end tests read what the app holds rather than probes
 * written into the DOM for them, the map handle's snapshot, and a promise of the map's next rest
 * (tests wait for the state itself, never for a guessed time). Read-only: they hand out copies.
 */
function exposeStateForTests(store: AppStore): void {
  Object.defineProperty(window, '__appState', {
    configurable: true,
    value: () => {
      const { selection, view, story } = store.getState();
      return JSON.parse(JSON.stringify({ selection, view, story })) as unknown;
    },
  });
  // The live map's snapshot, as base64 PNG (null while there is no interactive map).
  Object.defineProperty(window, '__mapSnapshot', {
    configurable: true,
    value: async () => {
      const blob = await currentMap()?.snapshot();
      if (!blob) return null;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
  });
  // What the last printed map's drawing measured (src/map/map-handle.ts's PrintReport), or null.
  Object.defineProperty(window, '__printedMap', {
    configurable: true,
    value: () => JSON.parse(JSON.stringify(lastPrintReport())) as unknown,
  });
  // Whether the handout's off-screen map is ready to print from (src/map/print-frame.ts).
  Object.defineProperty(window, '__printFrameReady', {
    configurable: true,
    value: () => currentMap()?.isPrintFrameReady() ?? false,
  });
  // Resolves true at the live map's next rest (src/map/map-handle.ts), false with no live map.
  Object.defineProperty(window, '__mapSettled', {
    configurable: true,
    value: async () => {
      const map = currentMap();
      if (!map) return false;
      await map.settled();
      return true;
    },
  });
}

function bootOrShowDataError(): void {
  try {
    boot();
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    console.error(error.message);
    const lang = readUrlParams(window, { partyIds: [], chapterCount: 0 }).lang ?? preferredLang;
    container.replaceChildren();
    createRoot(container).render(<DataErrorPage issues={error.issues} lang={lang} />);
  }
}

// The built page loads this module only once its prerendered HTML has been painted
// (scripts/vite-plugins/deferred-scripts.ts), so it may start at once.
bootOrShowDataError();
