import { describe, expect, it } from 'vitest';
import { bindSelection, SELECTED_PARTY_STATE, type SelectionMap } from '../../src/map/bindings/selection.ts';
import { createFakeMap } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';
import { loadBundledEvent } from '../../src/domain/event-data.ts';

const PARTY_IDS = loadBundledEvent().parties.map((p) => p.id);

// No camera method is allowed: the fake throws if a selection tries to move the map.
const SELECTION_METHODS = [
  'setGlobalStateProperty',
  'getGlobalState',
  'queryRenderedFeatures',
  'getCanvas',
  'on',
  'off',
] as const;
const CLAIM_LAYERS = ['claims-fill', 'claims-outline-a'];

function setUp(
  renderedFeatures: { properties: Record<string, unknown> }[] = [],
  globalState: Record<string, unknown> = { [SELECTED_PARTY_STATE]: '' },
) {
  const { store, activeSubscriptions } = createCountedStore();
  const fake = createFakeMap(SELECTION_METHODS, { renderedFeatures, globalState });
  const unbind = bindSelection(fake.map as SelectionMap, store, CLAIM_LAYERS);
  const parties = store.getState().event.parties.map((p) => p.id);
  return { store, fake, unbind, parties, activeSubscriptions };
}

const click = { point: { x: 10, y: 20 }, originalEvent: { target: null } };

describe('the selection binding', () => {
  it('leaves the highlight the map was created with alone when it binds (a change re-tiles the claims)', () => {
    const { fake } = setUp();
    expect(fake.callsTo('setGlobalStateProperty')).toEqual([]);
  });

  it('applies a selection made since the map was created, once, when it binds', () => {
    const { fake } = setUp([], { [SELECTED_PARTY_STATE]: PARTY_IDS[0] });
    expect(fake.callsTo('setGlobalStateProperty')).toEqual([
      { method: 'setGlobalStateProperty', args: [SELECTED_PARTY_STATE, ''] },
    ]);
  });

  it('turns one selection into exactly one highlight call, and nothing else', () => {
    const { store, fake, parties } = setUp();
    // Reading the map's state changes nothing: every other call counts.
    const acts = () => fake.calls.filter((c) => c.method !== 'getGlobalState');
    const before = acts().length;
    store.getState().selectParty(parties[1]!, 'panel');
    expect(acts().slice(before)).toEqual([{ method: 'setGlobalStateProperty', args: [SELECTED_PARTY_STATE, parties[1]] }]);

    // The same party again, or a change elsewhere in the store: no call.
    store.getState().selectParty(parties[1]!, 'map');
    store.getState().setMapStatus('idle');
    expect(acts().length).toBe(before + 1);

    store.getState().selectParty(null, 'panel');
    expect(fake.calls.at(-1)).toEqual({ method: 'setGlobalStateProperty', args: [SELECTED_PARTY_STATE, ''] });
  });

  it('selects the smallest claim under a click, as a selection made on the map, and asks for no move', () => {
    const [largest, , smallest] = PARTY_IDS;
    const { store, fake } = setUp([
      { properties: { party: largest, areaKm2: 90_000 } },
      { properties: { party: smallest, areaKm2: 700 } },
    ]);
    fake.fire('click', click);
    expect(store.getState().selection).toEqual({ partyId: smallest, origin: 'map' });
    expect(store.getState().view.cameraRequest).toBeNull();
    expect(fake.callsTo('queryRenderedFeatures')[0]!.args).toEqual([click.point, { layers: CLAIM_LAYERS }]);
  });

  it('leaves a click on an HTML marker to that marker', () => {
    const { store, fake } = setUp([{ properties: { party: PARTY_IDS[0], areaKm2: 1 } }]);
    const onMarker = { closest: (selector: string) => (selector === '.maplibregl-marker' ? {} : null) };
    fake.fire('click', { ...click, originalEvent: { target: onMarker } });
    expect(store.getState().selection.partyId).toBeNull();
    fake.fire('click', { ...click, originalEvent: { target: { closest: () => null } } });
    expect(store.getState().selection.partyId).toBe(PARTY_IDS[0]);
  });

  it('shows a pointer over a claim and none elsewhere', () => {
    const withClaim = setUp([{ properties: { party: 'x', areaKm2: 1 } }]);
    withClaim.fake.fire('mousemove', click);
    expect(withClaim.fake.canvasStyle.cursor).toBe('pointer');
    const without = setUp([]);
    without.fake.fire('mousemove', click);
    expect(without.fake.canvasStyle.cursor).toBe('');
  });

  it('lets go of everything on unbind', () => {
    const { store, fake, unbind, parties, activeSubscriptions } = setUp([{ properties: { party: 'x', areaKm2: 1 } }]);
    unbind();
    expect(fake.listenerCount()).toBe(0);
    expect(activeSubscriptions()).toBe(0);
    const before = fake.calls.length;
    store.getState().selectParty(parties[0]!, 'panel');
    expect(fake.calls.length).toBe(before);
  });
});
