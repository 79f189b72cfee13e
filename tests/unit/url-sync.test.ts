import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/load-event.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { paramContext, readUrlParams, startUrlSync, type UrlWindow } from '../../src/store/url-sync.ts';
import { realEventInput } from '../fixtures/real-data.ts';

/** A browser window's history, in memory: entries, a cursor, and popstate on go(). */
class FakeWindow implements UrlWindow {
  entries: string[];
  index = 0;
  pushes = 0;
  replaces = 0;
  private listeners = new Set<() => void>();
  readonly history = {
    state: null,
    pushState: (_state: unknown, _title: string, href?: string | URL | null) => {
      this.entries = [...this.entries.slice(0, this.index + 1), new URL(String(href), this.location.href).href];
      this.index++;
      this.pushes++;
    },
    replaceState: (_state: unknown, _title: string, href?: string | URL | null) => {
      this.entries[this.index] = new URL(String(href), this.location.href).href;
      this.replaces++;
    },
  };

  constructor(href: string) {
    this.entries = [href];
  }
  get location() {
    return { href: this.entries[this.index]! };
  }
  addEventListener(_type: 'popstate', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'popstate', listener: () => void) {
    this.listeners.delete(listener);
  }
  go(delta: number) {
    this.index += delta;
    for (const listener of this.listeners) listener();
  }
  get listenerCount() {
    return this.listeners.size;
  }
}

function setUp(href = 'https://news.example/map/?childId=graphic-1') {
  const store = createAppStore({ event: parseEvent(realEventInput()), lang: 'en' });
  const win = new FakeWindow(href);
  store.getState().applyParams(readUrlParams(win, paramContext(store.getState())), 'en');
  const stop = startUrlSync(store, win, 'en');
  // The map opens on the event's view and reports it.
  store.getState().setCamera({ center: [38.5, 34], zoom: 6, bearing: 0 }, true);
  const parties = store.getState().event.parties.map((p) => p.id);
  return { store, win, stop, parties };
}

const query = (href: string) => Object.fromEntries(new URL(href).searchParams);

describe('the URL follows the store', () => {
  it('writes nothing while nothing has changed', () => {
    const { win } = setUp();
    expect(win.entries).toEqual(['https://news.example/map/?childId=graphic-1']);
  });

  it('pushes an entry for a selection and for a language switch, and replaces it for a camera move', () => {
    const { store, win, parties } = setUp();
    store.getState().showParty(parties[2]!);
    expect(win.pushes).toBe(1);
    expect(query(win.location.href)).toEqual({ childId: 'graphic-1', lang: 'en', party: parties[2] });

    store.getState().setCamera({ center: [38.123456, 33.654321], zoom: 7.456, bearing: 0 }, false);
    expect(win.pushes).toBe(1);
    expect(win.replaces).toBe(1);
    expect(query(win.location.href)).toEqual({ childId: 'graphic-1', lang: 'en', party: parties[2], map: '7.46/33.654/38.123' });

    store.getState().setLang('ar');
    expect(win.pushes).toBe(2);
    expect(query(win.location.href).lang).toBe('ar');
    expect(win.entries).toHaveLength(3);
  });

  it('walks Back and Forward through selections and languages, putting each state back without writing', () => {
    const { store, win, parties } = setUp();
    store.getState().selectParty(parties[0]!, 'map');
    store.getState().selectParty(parties[1]!, 'panel');
    store.getState().setLang('ar');
    expect(win.entries).toHaveLength(4);
    const writes = () => win.pushes + win.replaces;
    const before = writes();

    win.go(-1);
    expect(store.getState().view.lang).toBe('en');
    expect(store.getState().selection.partyId).toBe(parties[1]);
    win.go(-1);
    expect(store.getState().selection.partyId).toBe(parties[0]);
    win.go(-1);
    expect(store.getState().selection.partyId).toBeNull();
    expect(store.getState().view.cameraRequest?.target).toEqual({ kind: 'home' });
    win.go(3);
    expect(store.getState().view.lang).toBe('ar');
    expect(store.getState().selection.partyId).toBe(parties[1]);
    expect(writes()).toBe(before);
  });

  it("puts an entry's camera back as a jump, not a flight", () => {
    const { store, win, parties } = setUp();
    store.getState().selectParty(parties[0]!, 'panel');
    store.getState().setCamera({ center: [37, 33], zoom: 8, bearing: 0 }, false);
    store.getState().selectParty(parties[1]!, 'panel');
    win.go(-1);
    expect(store.getState().view.cameraRequest).toMatchObject({
      animate: false,
      target: { kind: 'camera', camera: { center: [37, 33], zoom: 8, bearing: 0 } },
    });
  });

  it('stops listening when stopped', () => {
    const { store, win, stop, parties } = setUp();
    stop();
    expect(win.listenerCount).toBe(0);
    store.getState().selectParty(parties[0]!, 'panel');
    expect(win.entries).toHaveLength(1);
  });

  it('opens a deep link in its state: party from the fragment, camera from map=', () => {
    const party = parseEvent(realEventInput()).parties.at(-1)!.id;
    const { store } = setUp(`https://news.example/?map=8/34.1/37.2#${party}`);
    expect(store.getState().selection).toEqual({ partyId: party, origin: 'url' });
    expect(store.getState().view.cameraRequest?.target).toEqual({
      kind: 'camera',
      camera: { center: [37.2, 34.1], zoom: 8, bearing: 0 },
    });
  });
});

describe('the story in the URL', () => {
  it('each chapter is a new history entry holding ?chapter= alone; Back and Forward walk the chapters; leaving the story is one more', () => {
    const { store, win } = setUp();
    const chapters = store.getState().event.story?.chapters ?? [];
    expect(chapters.length).toBeGreaterThan(2);
    store.getState().openChapter(0);
    store.getState().stepStory('next');
    store.getState().stepStory('next');
    expect(win.pushes).toBe(3);
    expect(query(win.location.href)).toEqual({ childId: 'graphic-1', lang: 'en', chapter: '3' });
    // A camera move inside a chapter (the map settling on it) writes nothing new.
    store.getState().setCamera({ center: [38.9, 34.6], zoom: 8, bearing: 0 }, false);
    expect(win.pushes + win.replaces).toBe(3);
    win.go(-1);
    expect(store.getState().story.chapter).toBe(1);
    expect(store.getState().selection.partyId).toBe(chapters[1]!.party);
    win.go(-1);
    expect(store.getState().story.chapter).toBe(0);
    win.go(1);
    expect(store.getState().story.chapter).toBe(1);
    store.getState().closeStory();
    expect(query(win.location.href).chapter).toBeUndefined();
    win.go(-1);
    expect(store.getState().story.chapter).toBe(1);
  });
});
