/**
 * The story's keyboard: arrows, Page Up/Down (what a presenter's clicker sends), Home and End.
 * The arrows follow the reading direction: in Arabic the next chapter is to the left.
 */
import { useEffect } from 'react';
import type { ChapterStep } from '../domain/story.ts';
import { useAppStoreApi } from '../store/store-context.tsx';
import { LANG_DIR } from '../i18n/index.ts';

/** The step a key asks for, or null for keys the story leaves alone. */
export function keyStep(key: string, dir: 'ltr' | 'rtl'): ChapterStep | null {
  switch (key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'ArrowRight':
      return dir === 'rtl' ? 'previous' : 'next';
    case 'ArrowLeft':
      return dir === 'rtl' ? 'next' : 'previous';
    default:
      return null;
  }
}

/**
 * Whether a key pressed on `target` belongs to it rather than to the story: typing in a field,
 * moving a focused map with its own arrow keys, a dialog, a slider or a list that uses them.
 */
export function keyBelongsToTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog, .maplibregl-map, [role="slider"], [role="listbox"], [role="menu"]',
    ),
  );
}

/** While the story is open, its keys step it. Escape leaves presentation mode. */
export function useStoryKeys(isOpen: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!isOpen) return;
    const handleKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const state = store.getState();
      if (e.key === 'Escape' && state.story.presenting && !keyBelongsToTarget(e.target)) {
        state.setPresenting(false);
        return;
      }
      if (keyBelongsToTarget(e.target)) return;
      const step = keyStep(e.key, LANG_DIR[state.view.lang]);
      if (!step) return;
      e.preventDefault();
      state.stepStory(step);
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [isOpen, store]);
}
