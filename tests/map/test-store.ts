/**
 * A real app store on the bundled event, with its subscriptions counted, so that a test can
 * tell that a binding's `unbind` let go of everything it held.
 */
import { loadBundledEvent } from '../../src/domain/event-data.ts';
import type { Lang } from '../../src/domain/types.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';

export interface CountedStore {
  readonly store: AppStore;
  /** Subscriptions made through `store.subscribe` and not yet undone. */
  activeSubscriptions(): number;
}

export function createCountedStore(lang: Lang = 'en'): CountedStore {
  const store = createAppStore({ event: loadBundledEvent(), lang });
  let active = 0;
  const subscribe = store.subscribe;
  store.subscribe = ((...args: Parameters<typeof subscribe>) => {
    const unsubscribe = (subscribe as (...a: unknown[]) => () => void)(...args);
    active++;
    let isDone = false;
    return () => {
      if (!isDone) active--;
      isDone = true;
      unsubscribe();
    };
  }) as typeof subscribe;
  return { store, activeSubscriptions: () => active };
}
