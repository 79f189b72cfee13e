// @vitest-environment jsdom
// The lifecycle: one map for the store's language and camera, a new one at the same camera on a
// language switch, and nothing left behind by destroy(). MapLibre is replaced by the fake map
// (tests/map/fake-map.ts); markers and popups by small recording stand-ins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeMap } from './fake-map.ts';

const mocks = vi.hoisted(() => ({
  maps: [] as { fake: FakeMap<never>; options: Record<string, unknown> }[],
  liveMarkers: 0,
}));

vi.mock('maplibre-gl', async () => {
  const { createFakeMap } = await import('./fake-map.ts');
  const noop = () => undefined;
  class FakeMapLibreMap {
    constructor(options: Record<string, unknown>) {
      const fake = createFakeMap(
        [
          'on',
          'off',
          'once',
          'fitBounds',
          'jumpTo',
          'easeTo',
          'getCenter',
          'getZoom',
          'getBearing',
          'setGlobalStateProperty',
          'getGlobalState',
          'queryRenderedFeatures',
          'getCanvas',
          'remove',
        ] as never[],
        {
          stubs: {
            touchZoomRotate: { disableRotation: noop },
            keyboard: { disableRotation: noop },
            addControl: noop,
            addImage: noop,
            triggerRepaint: noop,
            // The layers binding: visibility per switch, and the container's attribute for the markers.
            setLayoutProperty: noop,
            getLayoutProperty: () => undefined,
            getContainer: () => options.container,
            getSource: () => undefined,
            // The text scale binding reads the style's own sizes once.
            getStyle: () => options.style,
          },
        },
      );
      mocks.maps.push({ fake: fake as FakeMap<never>, options });
      return fake.map as unknown as FakeMapLibreMap;
    }
  }
  class Marker {
    private element: HTMLElement;
    constructor({ element }: { element: HTMLElement }) {
      this.element = element;
    }
    setLngLat() {
      return this;
    }
    addTo() {
      mocks.liveMarkers++;
      return this;
    }
    remove() {
      mocks.liveMarkers--;
      return this;
    }
    getElement() {
      return this.element;
    }
  }
  class Popup {
    setLngLat() {
      return this;
    }
    setDOMContent() {
      return this;
    }
    on() {
      return this;
    }
    isOpen() {
      return false;
    }
    addTo() {
      return this;
    }
    remove() {
      return this;
    }
  }
  class Control {}
  class GPUInitializationError extends Error {}
  return {
    Map: FakeMapLibreMap,
    Marker,
    Popup,
    NavigationControl: Control,
    ScaleControl: Control,
    AttributionControl: Control,
    GPUInitializationError,
    setWorkerUrl: noop,
    prewarm: noop,
  };
});

const { createMapController } = await import('../../src/map/map-controller.ts');
const { currentMap } = await import('../../src/map/map-handle.ts');
const { createCountedStore } = await import('./test-store.ts');

afterEach(() => {
  mocks.maps.length = 0;
  mocks.liveMarkers = 0;
});

describe('the map lifecycle', () => {
  it('creates one map, rebuilds it at the same camera for a language switch, and leaves nothing behind on destroy', async () => {
    const { store, activeSubscriptions } = createCountedStore('en');
    const event = store.getState().event;
    const pointPlaces = event.places.filter((p) => p.geometry.type === 'Point').length;
    // Place markers, claim badges and the measured gaps' labels are all HTML markers.
    const gapLabels = event.derived.gapLines.features.length;
    const controller = createMapController(document.createElement('div'), store);

    expect(mocks.maps).toHaveLength(1);
    const first = mocks.maps[0]!;
    expect(first.options).toMatchObject({
      locale: { 'NavigationControl.ZoomIn': 'Zoom in' },
      globalState: { selectedParty: '' },
    });
    expect(first.options.bounds, 'a new map opens on the event').toBeDefined();
    first.fake.fire('load');
    first.fake.fire('idle');
    expect(store.getState().view.mapStatus).toBe('idle');
    expect(mocks.liveMarkers).toBe(pointPlaces + event.versions.length + gapLabels);
    expect(currentMap()).not.toBeNull();
    const subscriptionsWithMap = activeSubscriptions();
    expect(subscriptionsWithMap).toBeGreaterThan(0);

    // The reader moves the map, then switches language.
    store.getState().requestCamera({ kind: 'camera', camera: { center: [37, 34], zoom: 7.5, bearing: 0 } });
    store.getState().setLang('ar');
    expect(first.fake.callsTo('remove')).toHaveLength(1);
    expect(first.fake.listenerCount(), 'the old map has no listener of ours left').toBe(0);
    expect(store.getState().view.mapStatus).toBe('loading');
    await vi.waitFor(() => expect(mocks.maps).toHaveLength(2));
    const second = mocks.maps[1]!;
    expect(second.options).toMatchObject({
      center: [37, 34],
      zoom: 7.5,
      bearing: 0,
      locale: { 'NavigationControl.ZoomIn': 'تكبير' },
    });
    expect(second.options.bounds, 'a rebuilt map opens where the last one was').toBeUndefined();
    second.fake.fire('load');
    expect(mocks.liveMarkers).toBe(pointPlaces + event.versions.length + gapLabels);
    expect(activeSubscriptions()).toBe(subscriptionsWithMap);

    controller.destroy();
    expect(second.fake.callsTo('remove')).toHaveLength(1);
    expect(second.fake.listenerCount()).toBe(0);
    expect(activeSubscriptions()).toBe(0);
    expect(mocks.liveMarkers).toBe(0);
    expect(currentMap()).toBeNull();

    // Nothing follows the store any more.
    store.getState().setLang('en');
    store.getState().showParty(event.parties[0]!.id);
    await new Promise((r) => setTimeout(r, 0));
    expect(mocks.maps).toHaveLength(2);
    expect(second.fake.calls.filter((c) => c.method === 'fitBounds')).toHaveLength(0);
  });
});
