import { describe, expect, it } from 'vitest';
import { bindTextScale, type TextScaleMap } from '../../src/map/bindings/text-scale.ts';
import { PRESENTATION_MAP_TEXT } from '../../src/map/map-style.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { loadTestEvent, TEST_EVENT_DIRS } from '../fixtures/events.ts';
import { withStory } from '../fixtures/story.ts';
import { createFakeMap } from './fake-map.ts';

const LAYERS = [
  { id: 'fill', type: 'fill', layout: {} },
  { id: 'river-label', type: 'symbol', layout: { 'text-size': 12 } },
  { id: 'country-label', type: 'symbol', layout: { 'text-size': 14 } },
  { id: 'zoomed', type: 'symbol', layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 14] } },
];

function setUp() {
  const store = createAppStore({ event: withStory(loadTestEvent(TEST_EVENT_DIRS[0])) });
  const fake = createFakeMap(['getStyle', 'setLayoutProperty'] as const, {
    stubs: { getStyle: () => ({ layers: LAYERS }), setLayoutProperty: () => undefined },
  });
  const unbind = bindTextScale(fake.map as unknown as TextScaleMap, store);
  const sizes = () => fake.callsTo('setLayoutProperty').map((c) => c.args);
  return { store, unbind, sizes };
}

describe('the text scale binding', () => {
  it('leaves the style alone outside presentation mode', () => {
    expect(setUp().sizes()).toEqual([]);
  });

  it("scales every fixed text size in presentation mode, the smallest to 20 px, and back to the style's own after", () => {
    const { store, sizes } = setUp();
    store.getState().setPresenting(true);
    expect(sizes()).toEqual([
      ['river-label', 'text-size', PRESENTATION_MAP_TEXT],
      ['country-label', 'text-size', 23.3],
    ]);
    store.getState().setPresenting(false);
    expect(sizes().slice(2)).toEqual([
      ['river-label', 'text-size', 12],
      ['country-label', 'text-size', 14],
    ]);
  });

  it('lets go of the store when unbound', () => {
    const { store, unbind, sizes } = setUp();
    unbind();
    store.getState().setPresenting(true);
    expect(sizes()).toEqual([]);
  });
});
