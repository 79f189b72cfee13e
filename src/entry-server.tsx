/**
 * Build-time only: renders the page's first state to HTML in each language (see
 * scripts/vite-plugins/prerender.ts), so that the cards are readable as soon as the HTML arrives,
 * before any script has run, in the reader's language.
 */
import { renderToString } from 'react-dom/server';
import { LANGS, type Lang } from './domain/types.ts';
import { loadBundledEvent } from './domain/event-data.ts';
import { createAppStore } from './store/app-store.ts';
import { AppRoot } from './app/app-root.tsx';
import { LANG_DIR, localize } from './i18n/index.ts';
import { chooseLang } from './i18n/choose-lang.ts';
import { PRERENDERED_MODE } from './app/prerender.ts';

export { chooseLang, LANGS, LANG_DIR, PRERENDERED_MODE };

export function renderApp(lang: Lang): string {
  const store = createAppStore({ event: loadBundledEvent(), lang });
  return renderToString(<AppRoot store={store} onStarted={() => {}} />);
}

export const documentTitle = (lang: Lang): string => localize(loadBundledEvent().title, lang);
export const documentDescription = (lang: Lang): string => localize(loadBundledEvent().description, lang);
