import { describe, expect, it } from 'vitest';
import { bindPageGestures, type MediaQuery, type PageGesturesMap } from '../../src/map/bindings/page-gestures.ts';

/** A media query whose answer the test changes, as a rotated or resized phone would. */
function fakeQuery(matches: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  const set = (value: boolean) => {
    query.matches = value;
    for (const listener of listeners) listener();
  };
  return { query: query as unknown as MediaQuery, set, listeners };
}

function fakeMap() {
  const calls: string[] = [];
  const map = {
    cooperativeGestures: { enable: () => calls.push('enable'), disable: () => calls.push('disable') },
  } as unknown as PageGesturesMap;
  return { map, calls };
}

describe('the page gestures binding', () => {
  it('asks for two fingers on the map while the phone layout with touch holds, and lets go when it ends', () => {
    const { map, calls } = fakeMap();
    const { query, set } = fakeQuery(true);
    bindPageGestures(map, query);
    expect(calls).toEqual(['enable']);
    set(false);
    expect(calls).toEqual(['enable', 'disable']);
    set(true);
    expect(calls).toEqual(['enable', 'disable', 'enable']);
  });

  it('leaves every gesture to the map elsewhere, and stops following the query once unbound', () => {
    const { map, calls } = fakeMap();
    const { query, set, listeners } = fakeQuery(false);
    const unbind = bindPageGestures(map, query);
    expect(calls).toEqual(['disable']);
    unbind();
    expect(listeners.size).toBe(0);
    set(true);
    expect(calls).toEqual(['disable']);
  });
});
