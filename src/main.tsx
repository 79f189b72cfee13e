import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/app.css';
import { loadBundledEvent } from './domain/event-data.ts';
import { DataValidationError } from './domain/load-event.ts';
import { createAppStore } from './store/app-store.ts';
import { StoreProvider } from './store/store-context.tsx';
import { App } from './app/app.tsx';
import { DataErrorPage } from './app/data-error.tsx';
import { chooseLang } from './i18n/choose-lang.ts';
import { LANG_DIR } from './i18n/index.ts';

const container = document.getElementById('root')!;
// The same choice the build's inline script made before the first paint (a no-op then); it
// is made here too for the dev server, which has no such script.
const lang = chooseLang(location.search, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang;
document.documentElement.dir = LANG_DIR[lang];

// The production build ships the first state as HTML in each language
// (scripts/prerender-plugin.ts): the inline script has already put this language's in #root.
// The others are not needed once the app runs.
const isPrerendered = container.dataset.lang === lang && container.hasChildNodes();
for (const template of document.querySelectorAll('template[data-prerendered]')) template.remove();

try {
  const store = createAppStore({ event: loadBundledEvent(), lang });
  const app = (
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>
  );
  if (isPrerendered) {
    hydrateRoot(container, app);
  } else {
    container.replaceChildren();
    createRoot(container).render(app);
  }
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  container.replaceChildren();
  createRoot(container).render(<DataErrorPage issues={error.issues} lang={lang} />);
}
