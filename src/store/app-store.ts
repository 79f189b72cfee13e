/**
 * The one app store: zustand, vanilla, built by a factory so that tests, embeds and (later)
 * URL parsing can each start it from a known state. It holds serializable state only; the
 * MapLibre instance lives in src/map/map-controller.ts and follows this store.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Lang, NewsEvent } from '../domain/types.ts';

/** Who asked for a selection: the map does not move the camera for its own clicks. */
export type SelectionOrigin = 'panel' | 'map' | 'url' | 'story';

/**
 * `paused`: the WebGL context was lost and MapLibre may restore it; `static`: no usable WebGL
 * (none at start, or lost and not restored in time), so the SVG map stands in.
 */
export type MapStatus = 'loading' | 'idle' | 'paused' | 'static' | 'error';

export interface SelectionSlice {
  /** The party whose version is highlighted, or null. */
  readonly partyId: string | null;
  readonly origin: SelectionOrigin | null;
  /** Bumped on every selection, so re-selecting a party brings it into view again. */
  readonly requestId: number;
}

export interface ViewSlice {
  readonly lang: Lang;
  readonly mapStatus: MapStatus;
}

export interface AppState {
  readonly event: NewsEvent;
  readonly selection: SelectionSlice;
  readonly view: ViewSlice;
  selectParty: (partyId: string | null, origin: SelectionOrigin) => void;
  setMapStatus: (status: MapStatus) => void;
  setLang: (lang: Lang) => void;
  reset: () => void;
}

export interface AppStoreInit {
  readonly event: NewsEvent;
  readonly lang?: Lang;
  readonly partyId?: string | null;
}

export function createAppStore(init: AppStoreInit) {
  const knownParty = (id: string | null | undefined): string | null =>
    id && init.event.parties.some((p) => p.id === id) ? id : null;
  const initialPartyId = knownParty(init.partyId);
  return createStore<AppState>()(
    subscribeWithSelector((set, get, api) => ({
      event: init.event,
      selection: { partyId: initialPartyId, origin: initialPartyId ? 'url' : null, requestId: 0 },
      view: { lang: init.lang ?? 'en', mapStatus: 'loading' },
      selectParty: (partyId, origin) =>
        set((s) => ({
          selection: { partyId: knownParty(partyId), origin, requestId: s.selection.requestId + 1 },
        })),
      setMapStatus: (mapStatus) => {
        if (get().view.mapStatus !== mapStatus) set((s) => ({ view: { ...s.view, mapStatus } }));
      },
      setLang: (lang) => {
        if (get().view.lang !== lang) set((s) => ({ view: { ...s.view, lang } }));
      },
      reset: () => set(api.getInitialState()),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
