/**
 * The one app store: zustand, vanilla, built by a factory so that tests, embeds and the URL
 * can each start it from a known state. It holds serializable state only; the MapLibre
 * instance lives in src/map/ and follows this store, and so does the URL (url-sync.ts).
 *
 * Three slices: `event` (the loaded data, read-only), `selection` (whose version is
 * highlighted) and `view` (language, map status, camera). Camera moves are requests that any
 * writer makes and the map controller carries out; a selection never moves the camera by
 * itself.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Lang, NewsEvent } from '../domain/types.ts';
import type { Camera, CameraRequest, CameraTarget } from '../domain/camera.ts';
import { DEFAULT_DISPLAY, type AppParams, type DisplayFlags } from './url-params.ts';
import { DEFAULT_LAYERS, type LayerVisibility, type MapLayer } from '../domain/layers.ts';
import { stepChapter, storyCameraTarget, storyLayers, type ChapterStep } from '../domain/story.ts';

/** Who made a selection: the panel scrolls to a card only for selections made on the map. */
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
}

export interface ViewSlice {
  /** How the page is shown (an embed, its theme, its chrome): set at boot from the URL, then fixed. */
  readonly display: DisplayFlags;
  readonly lang: Lang;
  readonly mapStatus: MapStatus;
  /** The map's last settled camera (written by the map on `moveend`); null before a map has drawn. */
  readonly camera: Camera | null;
  /** True while the camera is the event's opening view, which a URL need not spell out. */
  readonly isHomeCamera: boolean;
  /** A move not yet carried out by the map; cleared by the map when it has made it. */
  readonly cameraRequest: CameraRequest | null;
  /** Which of the map's layers are shown (switched from the legend). */
  readonly layers: LayerVisibility;
}

/**
 * The guided story. A chapter is not state of its own kind: opening one sets the selection, the
 * layers and a camera request from its data, and the reader may change any of them after.
 */
export interface StorySlice {
  /** The chapter shown (0-based), or null outside the story. */
  readonly chapter: number | null;
  /** Presentation mode: the story filling the screen in type read from the back of a classroom. */
  readonly presenting: boolean;
}

export interface AppState {
  readonly event: NewsEvent;
  readonly selection: SelectionSlice;
  readonly view: ViewSlice;
  readonly story: StorySlice;
  /** Highlights a party's version (null for none), without moving the camera. */
  selectParty: (partyId: string | null, origin: SelectionOrigin) => void;
  /** Highlights a party's version and asks the map to frame its claimed place. */
  showParty: (partyId: string) => void;
  requestCamera: (target: CameraTarget, options?: { readonly animate?: boolean }) => void;
  /** The map has carried out request `id`. */
  completeCameraRequest: (id: number) => void;
  /** The map settled at `camera`; `isHome` when that is the event's opening view. */
  setCamera: (camera: Camera, isHome: boolean) => void;
  setMapStatus: (status: MapStatus) => void;
  setLang: (lang: Lang) => void;
  setLayer: (layer: MapLayer, visible: boolean) => void;
  /**
   * Puts the state a URL describes: on load (after hydration) and on Back/Forward.
   * A missing language is `fallbackLang` (the reader's preference); a missing camera frames
   * the party, or the opening view when there is none. The camera jumps: the reader did not
   * ask to watch it travel.
   */
  applyParams: (params: AppParams, fallbackLang: Lang) => void;
  /** Opens chapter `index` (clamped): its party, its layers, and a move to its camera. */
  openChapter: (index: number, options?: { readonly animate?: boolean }) => void;
  /** Next, previous, first or last chapter; opens the story at its first chapter when closed. */
  stepStory: (step: ChapterStep) => void;
  /** Carries out one of the current chapter's buttons ("Show SANA's area"). */
  applyStoryAction: (actionId: string) => void;
  /** Leaves the story (and presentation mode); the map stays where it is. */
  closeStory: () => void;
  /** Presentation mode on (opening the story if it is closed) or off (the story stays open). */
  setPresenting: (presenting: boolean) => void;
  /**
   * Back to the view the reader started from: the current chapter's, as its data says, or the
   * event's opening view outside the story.
   */
  resetView: () => void;
  reset: () => void;
}

export interface AppStoreInit {
  readonly event: NewsEvent;
  readonly lang?: Lang;
  readonly display?: DisplayFlags;
}

export function createAppStore(init: AppStoreInit) {
  const { event } = init;
  const isKnownParty = (id: string | null): id is string => id !== null && event.parties.some((p) => p.id === id);
  let nextRequestId = 1;
  // A claim is framed whole, at whatever zoom its own size calls for (a 6 km area as closely as
  // a 150 km one is widely), up to the basemap's detail limit, ZOOM_RANGE.max.
  const boundsOf = (partyId: string): CameraTarget => ({
    kind: 'bounds',
    bounds: event.derived.claims.find((claim) => claim.party === partyId)?.bounds ?? event.derived.bounds,
  });

  return createStore<AppState>()(
    subscribeWithSelector((set, get, api) => {
      const requestCamera: AppState['requestCamera'] = (target, { animate = true } = {}) =>
        set((s) => ({ view: { ...s.view, cameraRequest: { id: nextRequestId++, target, animate } } }));
      const selectParty: AppState['selectParty'] = (partyId, origin) => {
        const known = isKnownParty(partyId) ? partyId : null;
        set({ selection: { partyId: known, origin: known ? origin : null } });
      };

      // One interpreter for every chapter: its data says the party, the layers and the camera.
      const openChapterAt = (index: number, animate: boolean) => {
        const chapters = event.story?.chapters ?? [];
        if (chapters.length === 0) return;
        const at = Number.isFinite(index) ? Math.min(Math.max(0, Math.trunc(index)), chapters.length - 1) : 0;
        const chapter = chapters[at];
        if (!chapter) return;
        set((s) => ({ story: { ...s.story, chapter: at }, view: { ...s.view, layers: storyLayers(chapter.layers) } }));
        selectParty(chapter.party, 'story');
        requestCamera(storyCameraTarget(chapter.camera), { animate });
      };

      return {
        event,
        selection: { partyId: null, origin: null },
        view: {
          display: init.display ?? DEFAULT_DISPLAY,
          lang: init.lang ?? 'en',
          mapStatus: 'loading',
          camera: null,
          isHomeCamera: true,
          cameraRequest: null,
          layers: DEFAULT_LAYERS,
        },
        story: { chapter: null, presenting: false },
        selectParty,
        showParty: (partyId) => {
          if (!isKnownParty(partyId)) return;
          selectParty(partyId, 'panel');
          requestCamera(boundsOf(partyId));
        },
        requestCamera,
        completeCameraRequest: (id) => {
          if (get().view.cameraRequest?.id === id) set((s) => ({ view: { ...s.view, cameraRequest: null } }));
        },
        setCamera: (camera, isHome) => {
          const { view } = get();
          if (view.isHomeCamera === isHome && view.camera && sameCamera(view.camera, camera)) return;
          set({ view: { ...view, camera, isHomeCamera: isHome } });
        },
        setMapStatus: (mapStatus) => {
          if (get().view.mapStatus !== mapStatus) set((s) => ({ view: { ...s.view, mapStatus } }));
        },
        setLayer: (layer, visible) => {
          if (get().view.layers[layer] !== visible)
            set((s) => ({ view: { ...s.view, layers: { ...s.view.layers, [layer]: visible } } }));
        },
        setLang: (lang) => {
          if (get().view.lang !== lang) set((s) => ({ view: { ...s.view, lang } }));
        },
        applyParams: (params, fallbackLang) => {
          if (event.story && (params.chapter !== null || params.present)) {
            get().setLang(params.lang ?? fallbackLang);
            openChapterAt((params.chapter ?? 1) - 1, false);
            set((s) => ({ story: { ...s.story, presenting: params.present } }));
            return;
          }
          if (get().story.chapter !== null || get().story.presenting) set({ story: { chapter: null, presenting: false } });
          const party = isKnownParty(params.party) ? params.party : null;
          get().setLang(params.lang ?? fallbackLang);
          set((s) => ({ view: { ...s.view, layers: params.layers ?? DEFAULT_LAYERS } }));
          if (get().selection.partyId !== party) selectParty(party, 'url');
          const target: CameraTarget = params.camera
            ? { kind: 'camera', camera: params.camera }
            : party
              ? boundsOf(party)
              : { kind: 'home' };
          requestCamera(target, { animate: false });
        },
        openChapter: (index, { animate = true } = {}) => openChapterAt(index, animate),
        stepStory: (step) => {
          const chapters = event.story?.chapters ?? [];
          const { chapter } = get().story;
          if (chapter === null) openChapterAt(0, true);
          else if (stepChapter(chapter, chapters.length, step) !== chapter)
            openChapterAt(stepChapter(chapter, chapters.length, step), true);
        },
        applyStoryAction: (actionId) => {
          const { chapter } = get().story;
          const action = chapter === null ? undefined : event.story?.chapters[chapter]?.actions.find((a) => a.id === actionId);
          if (!action) return;
          if (action.party !== undefined) selectParty(action.party, 'story');
          if (action.layers !== undefined) set((s) => ({ view: { ...s.view, layers: storyLayers(action.layers) } }));
          if (action.camera !== undefined) requestCamera(storyCameraTarget(action.camera));
        },
        closeStory: () => {
          if (get().story.chapter !== null || get().story.presenting) set({ story: { chapter: null, presenting: false } });
        },
        setPresenting: (presenting) => {
          if (!event.story || get().story.presenting === presenting) return;
          if (presenting && get().story.chapter === null) openChapterAt(0, true);
          set((s) => ({ story: { ...s.story, presenting } }));
        },
        resetView: () => {
          const { chapter } = get().story;
          if (chapter === null) requestCamera({ kind: 'home' });
          else openChapterAt(chapter, true);
        },
        reset: () => set(api.getInitialState()),
      };
    }),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

function sameCamera(a: Camera, b: Camera): boolean {
  return a.zoom === b.zoom && a.bearing === b.bearing && a.center[0] === b.center[0] && a.center[1] === b.center[1];
}
