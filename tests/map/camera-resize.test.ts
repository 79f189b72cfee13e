// The opening view is framed anew when the map changes size (a window narrowed from a laptop's
// to a phone's), and only then: a camera the reader chose, or a framed claim, stays put.
import { describe, expect, it } from 'vitest';
import { bindCamera, HOME_PADDING, type CameraMap } from '../../src/map/bindings/camera.ts';
import { createFakeMap, flatBounds } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';

const METHODS = ['fitBounds', 'jumpTo', 'easeTo', 'getCenter', 'getZoom', 'getBearing', 'getContainer', 'on', 'off'] as const;

function setUp(size = { clientWidth: 320, clientHeight: 320 }) {
  const { store } = createCountedStore();
  const container = { ...size };
  const fake = createFakeMap<(typeof METHODS)[number]>(METHODS, { stubs: { getContainer: () => container } });
  const homeBounds = store.getState().event.view.bounds;
  const unbind = bindCamera(fake.map as CameraMap, store, { homeBounds, prefersReducedMotion: () => false });
  return { store, fake, unbind, homeBounds, container };
}

describe('the camera binding on a resize', () => {
  it('frames the opening view again, at once, while the map shows it', () => {
    const { fake, homeBounds, store, container } = setUp({ clientWidth: 1440, clientHeight: 600 });
    Object.assign(container, { clientWidth: 320, clientHeight: 320 });
    fake.fire('resize');
    expect(fake.callsTo('fitBounds')).toEqual([
      { method: 'fitBounds', args: [flatBounds(homeBounds), { padding: HOME_PADDING, duration: 0, essential: false }] },
    ]);
    expect(store.getState().view.isHomeCamera).toBe(true);
  });

  it('leaves the view exactly as it is when only the pixel ratio changed (the size is the same)', () => {
    const { fake } = setUp();
    fake.fire('resize');
    expect(fake.callsTo('fitBounds')).toEqual([]);
  });

  it("keeps the reader's camera once they have moved the map, and a framed claim", () => {
    const { fake, store, container } = setUp();
    fake.fire('movestart', { originalEvent: { type: 'mousedown' } });
    fake.fire('moveend');
    container.clientWidth = 375;
    fake.fire('resize');
    expect(fake.callsTo('fitBounds')).toEqual([]);

    const again = setUp();
    again.store.getState().showParty(again.store.getState().event.parties[0]!.id);
    const framed = again.fake.callsTo('fitBounds').length;
    again.container.clientWidth = 375;
    again.fake.fire('resize');
    expect(again.fake.callsTo('fitBounds')).toHaveLength(framed);
    expect(store.getState().view.isHomeCamera).toBe(false);
  });

  it('fits nothing into a map laid out to no size, and stops listening when unbound', () => {
    const { fake, unbind, container } = setUp();
    container.clientHeight = 0;
    fake.fire('resize');
    expect(fake.callsTo('fitBounds')).toEqual([]);
    unbind();
    container.clientHeight = 320;
    fake.fire('resize');
    expect(fake.callsTo('fitBounds')).toEqual([]);
  });
});
