import { describe, expect, it, vi } from 'vitest';
import { bindLocale, mapLibreLocale } from '../../src/map/bindings/locale.ts';
import { LANGS } from '../../src/domain/types.ts';
import { createCountedStore } from './test-store.ts';

describe('the locale binding', () => {
  it('asks for a new map once per language switch, in the new language', () => {
    const { store, activeSubscriptions } = createCountedStore('en');
    const rebuild = vi.fn();
    const unbind = bindLocale(store, rebuild);
    store.getState().setLang('en');
    store.getState().selectParty(store.getState().event.parties[0]!.id, 'panel');
    expect(rebuild).not.toHaveBeenCalled();
    store.getState().setLang('ar');
    expect(rebuild.mock.calls).toEqual([['ar']]);
    unbind();
    expect(activeSubscriptions()).toBe(0);
    store.getState().setLang('en');
    expect(rebuild).toHaveBeenCalledTimes(1);
  });

  it('gives MapLibre the same strings in every language, none empty', () => {
    const en = mapLibreLocale('en');
    for (const lang of LANGS) {
      const table = mapLibreLocale(lang);
      expect(Object.keys(table)).toEqual(Object.keys(en));
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
    }
    expect(mapLibreLocale('ar')['NavigationControl.ZoomIn']).not.toBe(en['NavigationControl.ZoomIn']);
  });
});
