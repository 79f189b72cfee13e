import { describe, expect, it } from 'vitest';
import { bindCamera, FLIGHT_MS, FRAME_PADDING, HOME_PADDING, type CameraMap } from '../../src/map/bindings/camera.ts';
import { claimBounds } from '../../src/domain/geometry.ts';
import { createFakeMap, flatBounds } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';

const CAMERA_METHODS = [
  'fitBounds',
  'jumpTo',
  'easeTo',
  'getCenter',
  'getZoom',
  'getBearing',
  'getContainer',
  'on',
  'off',
] as const;
const MOVES = ['fitBounds', 'jumpTo', 'easeTo'];

function setUp({ reducedMotion = false } = {}) {
  const { store, activeSubscriptions } = createCountedStore();
  // The map's box, read for the resize rule (camera-resize.test.ts); it never changes here.
  const container = { clientWidth: 800, clientHeight: 600 };
  const fake = createFakeMap<(typeof CAMERA_METHODS)[number]>(CAMERA_METHODS, { stubs: { getContainer: () => container } });
  const homeBounds = store.getState().event.view.bounds;
  const unbind = bindCamera(fake.map as CameraMap, store, { homeBounds, prefersReducedMotion: () => reducedMotion });
  const moves = () => fake.calls.filter((c) => MOVES.includes(c.method));
  return { store, fake, unbind, moves, homeBounds, activeSubscriptions };
}

describe('the camera binding', () => {
  it('records where the map opened, as the opening view, and moves nothing', () => {
    const { store, moves } = setUp();
    expect(moves()).toEqual([]);
    expect(store.getState().view.camera).toEqual({ center: [38, 34.5], zoom: 6, bearing: 0 });
    expect(store.getState().view.isHomeCamera).toBe(true);
  });

  it('moves the camera once for one request, then clears the request', () => {
    const { store, moves } = setUp();
    const camera = { center: [37.5, 34.25] as const, zoom: 7.25, bearing: 0 };
    store.getState().requestCamera({ kind: 'camera', camera });
    expect(moves()).toEqual([
      { method: 'easeTo', args: [{ center: [37.5, 34.25], zoom: 7.25, bearing: 0, duration: FLIGHT_MS, essential: false }] },
    ]);
    expect(store.getState().view.cameraRequest).toBeNull();
    expect(store.getState().view.camera).toEqual(camera);
    expect(store.getState().view.isHomeCamera).toBe(false);

    // Nothing else in the store moves it again: not a selection, not the language.
    const party = store.getState().event.parties[0]!.id;
    store.getState().selectParty(party, 'map');
    store.getState().setLang('ar');
    expect(moves()).toHaveLength(1);
  });

  it('moves again when the same target is asked for again', () => {
    const { store, moves } = setUp();
    store.getState().requestCamera({ kind: 'home' });
    store.getState().requestCamera({ kind: 'home' });
    expect(moves().map((c) => c.method)).toEqual(['fitBounds', 'fitBounds']);
  });

  it("frames a party's claim when the panel shows it", () => {
    const { store, moves } = setUp();
    const party = store.getState().event.parties.at(-1)!.id;
    store.getState().showParty(party);
    const [move, ...more] = moves();
    expect(more).toEqual([]);
    expect(move?.method).toBe('fitBounds');
    expect(move?.args[1]).toEqual({ padding: FRAME_PADDING, duration: FLIGHT_MS, essential: false });
    // The build ships the claim's box rounded to 1e-6 degrees (src/domain/derive.ts): measured
    // again here with Turf, it agrees to that.
    const framed = move?.args[0] as number[];
    const expected = flatBounds(claimBounds(store.getState().event, party));
    expect(framed).toHaveLength(4);
    framed.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThanOrEqual(1e-6));
  });

  it('goes home to the event bounds, and knows it is home until the reader moves the map', () => {
    const { store, fake, moves, homeBounds } = setUp();
    store.getState().requestCamera({ kind: 'camera', camera: { center: [36, 33], zoom: 9, bearing: 0 } });
    expect(store.getState().view.isHomeCamera).toBe(false);
    store.getState().requestCamera({ kind: 'home' }, { animate: false });
    expect(moves().at(-1)).toEqual({
      method: 'fitBounds',
      args: [flatBounds(homeBounds), { padding: HOME_PADDING, duration: 0, essential: false }],
    });
    expect(store.getState().view.isHomeCamera).toBe(true);

    // A drag, a wheel or a key: MapLibre passes the reader's DOM event along.
    fake.fire('movestart', { originalEvent: { type: 'mousedown' } });
    fake.fire('moveend');
    expect(store.getState().view.isHomeCamera).toBe(false);
  });

  it('jumps instead of flying when the reader prefers reduced motion', () => {
    const { store, moves } = setUp({ reducedMotion: true });
    store.getState().showParty(store.getState().event.parties[0]!.id);
    expect(moves()).toHaveLength(1);
    expect(moves()[0]!.args[1]).toMatchObject({ duration: 0 });
  });

  it('carries out a request made before the map existed, at once and without a flight', () => {
    const { store } = createCountedStore();
    store.getState().requestCamera({ kind: 'camera', camera: { center: [39, 35], zoom: 8, bearing: 0 } }, { animate: true });
    const fake = createFakeMap(CAMERA_METHODS, { stubs: { getContainer: () => ({ clientWidth: 800, clientHeight: 600 }) } });
    bindCamera(fake.map as CameraMap, store, {
      homeBounds: store.getState().event.view.bounds,
      prefersReducedMotion: () => false,
    });
    expect(fake.calls.filter((c) => MOVES.includes(c.method))).toEqual([
      { method: 'jumpTo', args: [{ center: [39, 35], zoom: 8, bearing: 0 }] },
    ]);
    expect(store.getState().view.cameraRequest).toBeNull();
  });

  it('lets go of everything on unbind: no listener, no subscription, no move after', () => {
    const { store, fake, unbind, moves, activeSubscriptions } = setUp();
    expect(fake.listenerCount()).toBeGreaterThan(0);
    expect(activeSubscriptions()).toBe(1);
    unbind();
    expect(fake.listenerCount()).toBe(0);
    expect(activeSubscriptions()).toBe(0);
    store.getState().requestCamera({ kind: 'home' });
    expect(moves()).toEqual([]);
    expect(store.getState().view.cameraRequest).not.toBeNull();
  });
});
