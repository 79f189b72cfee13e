/**
 * Build-time only: renders the page's first state to HTML (see scripts/prerender-plugin.ts), so
 * that the cards are readable as soon as the HTML arrives, before any script has run.
 */
import { renderToString } from 'react-dom/server';
import { loadBundledEvent } from './domain/event-data.ts';
import { createAppStore } from './store/app-store.ts';
import { StoreProvider } from './store/store-context.tsx';
import { App } from './app/app.tsx';

export function renderApp(): string {
  const store = createAppStore({ event: loadBundledEvent(), lang: 'en' });
  return renderToString(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
}
