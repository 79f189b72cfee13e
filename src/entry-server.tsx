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
import { PRERENDERED_MODES, type AppMode } from './app/prerender.ts';
import { DEFAULT_DISPLAY } from './store/url-params.ts';
import { MapPlaceholder } from './map/map-placeholder.tsx';

export { chooseLang, LANGS, LANG_DIR, PRERENDERED_MODES };

/** The drawing of the map's opening view (the same in every language: it has no text). */
export function renderMapPlaceholder(basemap: Basemap): string {
  return renderToStaticMarkup(<MapPlaceholder event={loadBundledEvent()} basemap={basemap} />);
}

/**
 * The page in `lang` and `mode` (the reader's page, or an article's embed), with `mapPlaceholder`
 * (renderMapPlaceholder) in the map's box. The inline script moves one drawing between the
 * prerendered pages (scripts/vite-plugins/prerender.ts), so the others get an empty box for it.
 */
export function renderApp(lang: Lang, mode: AppMode, mapPlaceholder: string): string {
  const display = { ...DEFAULT_DISPLAY, embed: mode === 'embed' };
  const store = createAppStore({ event: loadBundledEvent(), lang, display });
  return renderToString(<AppRoot store={store} onStarted={() => {}} mapPlaceholder={mapPlaceholder} />);
}

export const documentTitle = (lang: Lang): string => localize(loadBundledEvent().title, lang);
export const documentDescription = (lang: Lang): string => localize(loadBundledEvent().description, lang);
