import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindContextLoss, CONTEXT_RESTORE_TIMEOUT_MS, type ContextLossMap } from '../../src/map/bindings/context-loss.ts';
import { createFakeMap } from './fake-map.ts';
import { createCountedStore } from './test-store.ts';

function setUp() {
  const { store } = createCountedStore();
  store.getState().setMapStatus('idle');
  const fake = createFakeMap(['on', 'off', 'once'] as const);
  const unbind = bindContextLoss(fake.map as ContextLossMap, store);
  return { store, fake, unbind };
}

describe('the context-loss binding', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pauses the map when the context is lost and brings it back on the first frame after restore', () => {
    const { store, fake } = setUp();
    fake.fire('webglcontextlost');
    expect(store.getState().view.mapStatus).toBe('paused');
    fake.fire('webglcontextrestored');
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS * 2);
    expect(store.getState().view.mapStatus).toBe('paused');
    fake.fire('idle');
    expect(store.getState().view.mapStatus).toBe('idle');
  });

  it('hands over to the static map when the context does not come back in time', () => {
    const { store, fake } = setUp();
    fake.fire('webglcontextlost');
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS - 1);
    expect(store.getState().view.mapStatus).toBe('paused');
    vi.advanceTimersByTime(1);
    expect(store.getState().view.mapStatus).toBe('static');
  });

  it('lets go of its listeners and its timer on unbind', () => {
    const { store, fake, unbind } = setUp();
    fake.fire('webglcontextlost');
    fake.fire('webglcontextrestored');
    unbind();
    expect(fake.listenerCount()).toBe(0);
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS * 2);
    expect(store.getState().view.mapStatus).toBe('paused');
  });
});
