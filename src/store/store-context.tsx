import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi: no <StoreProvider> above this component');
  return store;
}

/** Select the smallest value you need; the component re-renders only when it changes. */
export function useAppStore<U>(selector: (state: AppState) => U): U {
  return useStore(useAppStoreApi(), selector);
}
