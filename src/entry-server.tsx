/**
 * Build-time only: renders the page's first state to HTML in each language (see
 * scripts/vite-plugins/prerender.ts), so that the cards are readable as soon as the HTML arrives,
 * before any script has run, in the reader's language.
 */
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { LANGS, type Basemap, type Lang } from './domain/types.ts';
import { loadBundledEvent } from './domain/event-data.ts';
import { createAppStore } from './store/app-store.ts';
import { AppRoot } from './app/app-root.tsx';
import { LANG_DIR, localize } from './i18n/index.ts';
import { chooseLang } from './i18n/choose-lang.ts';
import { PRERENDERED_MODE } from './app/prerender.ts';
import { MapPlaceholder } from './map/map-placeholder.tsx';

export { chooseLang, LANGS, LANG_DIR, PRERENDERED_MODE };

/** The drawing of the map's opening view (the same in every language: it has no text). */
export function renderMapPlaceholder(basemap: Basemap): string {
  return renderToStaticMarkup(<MapPlaceholder event={loadBundledEvent()} basemap={basemap} />);
}

/**
 * The reader's page in `lang`, with `mapPlaceholder` (renderMapPlaceholder) in the map's box.
 * The inline script moves one drawing between languages (scripts/vite-plugins/prerender.ts), so
 * the other languages' pages get an empty box for it.
 */
export function renderApp(lang: Lang, mapPlaceholder: string): string {
  const store = createAppStore({ event: loadBundledEvent(), lang });
  return renderToString(<AppRoot store={store} onStarted={() => {}} mapPlaceholder={mapPlaceholder} />);
}

export const documentTitle = (lang: Lang): string => localize(loadBundledEvent().title, lang);
export const documentDescription = (lang: Lang): string => localize(loadBundledEvent().description, lang);
