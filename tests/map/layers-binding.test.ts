import { describe, expect, it } from 'vitest';
import { bindLayers, type LayersMap } from '../../src/map/bindings/layers.ts';
import { createFakeMap } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';

const LAYER_IDS = {
  claims: ['claim-fill', 'claim-outline-a'],
  rings: ['ring-line', 'ring-label'],
  context: [],
  gaps: ['gap-line'],
};

function setUp() {
  const { store, activeSubscriptions } = createCountedStore();
  const container = { dataset: {} as Record<string, string> };
  const fake = createFakeMap(['setLayoutProperty', 'getContainer'] as const, {
    stubs: { getContainer: () => container, setLayoutProperty: () => undefined },
  });
  const unbind = bindLayers(fake.map as LayersMap, store, LAYER_IDS);
  return { store, fake, unbind, container, activeSubscriptions };
}

const visibilityCalls = (fake: ReturnType<typeof setUp>['fake']) => fake.callsTo('setLayoutProperty').map((c) => c.args);

describe('the layers binding', () => {
  it('applies every switch once when it binds: gaps hidden, the rest shown', () => {
    const { fake, container } = setUp();
    expect(visibilityCalls(fake)).toEqual([
      ['claim-fill', 'visibility', 'visible'],
      ['claim-outline-a', 'visibility', 'visible'],
      ['ring-line', 'visibility', 'visible'],
      ['ring-label', 'visibility', 'visible'],
      ['gap-line', 'visibility', 'none'],
    ]);
    expect(container.dataset.hiddenLayers).toBe('gaps');
  });

  it('turns one switch into exactly its own layers, and marks the container for the HTML markers', () => {
    const { store, fake, container } = setUp();
    const before = fake.callsTo('setLayoutProperty').length;
    store.getState().setLayer('rings', false);
    expect(visibilityCalls(fake).slice(before)).toEqual([
      ['ring-line', 'visibility', 'none'],
      ['ring-label', 'visibility', 'none'],
    ]);
    store.getState().setLayer('context', false);
    expect(fake.callsTo('setLayoutProperty').length, 'context has no canvas layer').toBe(before + 2);
    expect(container.dataset.hiddenLayers).toBe('rings context gaps');
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
