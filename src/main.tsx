import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import './styles/app.css';
import { loadBundledEvent } from './domain/event-data.ts';
import { DataValidationError } from './domain/load-event.ts';
import { createAppStore } from './store/app-store.ts';
import { StoreProvider } from './store/store-context.tsx';
import { App } from './app/app.tsx';
import { DataErrorPage } from './app/data-error.tsx';

const container = document.getElementById('root')!;

try {
  const store = createAppStore({ event: loadBundledEvent(), lang: 'en' });
  const app = (
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>
  );
  // The production build ships the first state as HTML (scripts/prerender-plugin.ts); the
  // dev server does not.
  if (container.hasChildNodes()) hydrateRoot(container, app);
  else createRoot(container).render(app);
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  container.replaceChildren();
  createRoot(container).render(<DataErrorPage issues={error.issues} />);
}
