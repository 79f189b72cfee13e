import { useEffect } from 'react';
import type { AppStore } from '../store/app-store.ts';
import { StoreProvider } from '../store/store-context.tsx';
import { App } from './app.tsx';
import { MapPlaceholderContext } from '../map/map-placeholder-context.ts';

/**
 * The whole tree, the same at build time (prerender) and in the browser (hydration): React's
 * `useId` numbers elements by their place in the tree, so the two must not differ by even one
 * component, or the ids tying headings to their cards would not match.
 */
export function AppRoot({
  store,
  onStarted,
  mapPlaceholder = null,
}: {
  store: AppStore;
  onStarted: () => void;
  /** The prerendered drawing of the map's opening view, as HTML (see MapPlaceholderContext). */
  mapPlaceholder?: string | null;
}) {
  return (
    <StoreProvider store={store}>
      <MapPlaceholderContext value={mapPlaceholder}>
        <App />
      </MapPlaceholderContext>
      <AfterFirstCommit run={onStarted} />
    </StoreProvider>
  );
}

/** Runs `run` once the first render is on screen (hydrated or rendered). */
function AfterFirstCommit({ run }: { run: () => void }) {
  useEffect(run, [run]);
  return null;
}
