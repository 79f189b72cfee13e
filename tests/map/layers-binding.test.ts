import { describe, expect, it } from 'vitest';
import { bindHiddenLayersAttribute, bindLayers, type HiddenLayersMap, type LayersMap } from '../../src/map/bindings/layers.ts';
import { createFakeMap } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';

const LAYER_IDS = {
  claims: ['claim-fill', 'claim-outline-a'],
  rings: ['ring-line', 'ring-label'],
  context: [],
  gaps: ['gap-line'],
};

/** The map as its style made it: every layer shown (visibility unset) but the gaps. */
function setUp(before: (store: ReturnType<typeof createCountedStore>['store']) => void = () => {}) {
  const { store, activeSubscriptions } = createCountedStore();
  before(store);
  const layout: Record<string, string | undefined> = { 'gap-line': 'none' };
  const fake = createFakeMap(['setLayoutProperty', 'getLayoutProperty'] as const, {
    stubs: {
      getLayoutProperty: (id: unknown) => layout[String(id)],
      setLayoutProperty: (id: unknown, _name: unknown, value: unknown) => {
        layout[String(id)] = String(value);
      },
    },
  });
  const unbind = bindLayers(fake.map as LayersMap, store, LAYER_IDS);
  return { store, fake, unbind, activeSubscriptions };
}

const visibilityCalls = (fake: ReturnType<typeof setUp>['fake']) => fake.callsTo('setLayoutProperty').map((c) => c.args);

describe('the layers binding', () => {
  it('changes nothing the map already shows when it binds (a change would re-tile the source)', () => {
    const { fake } = setUp();
    expect(visibilityCalls(fake)).toEqual([]);
  });

  it("applies the switches that differ from the map's when it binds: a link's layers", () => {
    const { fake } = setUp((store) => {
      store.getState().setLayer('rings', false);
      store.getState().setLayer('gaps', true);
    });
    expect(visibilityCalls(fake)).toEqual([
      ['ring-line', 'visibility', 'none'],
      ['ring-label', 'visibility', 'none'],
      ['gap-line', 'visibility', 'visible'],
    ]);
  });

  it('turns one switch into exactly its own layers', () => {
    const { store, fake } = setUp();
    const before = fake.callsTo('setLayoutProperty').length;
    store.getState().setLayer('rings', false);
    expect(visibilityCalls(fake).slice(before)).toEqual([
      ['ring-line', 'visibility', 'none'],
      ['ring-label', 'visibility', 'none'],
    ]);
    store.getState().setLayer('context', false);
    expect(fake.callsTo('setLayoutProperty').length, 'context has no canvas layer').toBe(before + 2);
    store.getState().setLayer('context', false);
    store.getState().setMapStatus('idle');
    expect(fake.callsTo('setLayoutProperty').length, 'nothing for an unchanged switch').toBe(before + 2);
  });

  it('unsubscribes on unbind', () => {
    const { store, fake, unbind, activeSubscriptions } = setUp();
    unbind();
    const before = fake.calls.length;
    store.getState().setLayer('gaps', true);
    expect(fake.calls.length).toBe(before);
    expect(activeSubscriptions()).toBe(0);
  });
});

describe('the hidden layers attribute (for the HTML markers)', () => {
  function setUpAttribute(before: (store: ReturnType<typeof createCountedStore>['store']) => void = () => {}) {
    const { store, activeSubscriptions } = createCountedStore();
    before(store);
    const container = { dataset: {} as Record<string, string> };
    const fake = createFakeMap(['getContainer'] as const, { stubs: { getContainer: () => container } });
    const unbind = bindHiddenLayersAttribute(fake.map as HiddenLayersMap, store);
    return { store, unbind, container, activeSubscriptions };
  }

  it('marks the container as it binds, before the style has loaded: the gaps are off at first, a link may turn off others', () => {
    expect(setUpAttribute().container.dataset.hiddenLayers).toBe('gaps');
    const linked = setUpAttribute((store) => {
      store.getState().setLayer('rings', false);
      store.getState().setLayer('gaps', true);
    });
    expect(linked.container.dataset.hiddenLayers).toBe('rings');
  });

  it('follows every switch, and stops on unbind', () => {
    const { store, unbind, container, activeSubscriptions } = setUpAttribute();
    store.getState().setLayer('rings', false);
    store.getState().setLayer('context', false);
    expect(container.dataset.hiddenLayers).toBe('rings context gaps');
    unbind();
    store.getState().setLayer('context', true);
    expect(container.dataset.hiddenLayers).toBe('rings context gaps');
    expect(activeSubscriptions()).toBe(0);
  });
});
