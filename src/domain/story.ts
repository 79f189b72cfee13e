/**
 * The story's rules, as plain functions: which chapter a step leads to, and what a chapter (or
 * one of its buttons) asks of the map. One interpreter for every chapter: the store applies
 * what these return; no chapter has code of its own.
 */
import type { CameraTarget } from './camera.ts';
import { MAP_LAYERS, DEFAULT_LAYERS, type LayerVisibility, type MapLayer } from './layers.ts';
import type { StoryCamera } from './types.ts';

/** The ways a reader moves through the story: buttons, arrow keys, Page Up/Down, Home/End. */
export type ChapterStep = 'next' | 'previous' | 'first' | 'last';

/**
 * The chapter index a step from `current` leads to, among `count` chapters. The ends hold:
 * "next" on the last chapter stays there (a clicker pressed once too often does not wrap round
 * to the title), and so does "previous" on the first.
 */
export function stepChapter(current: number, count: number, step: ChapterStep): number {
  if (count <= 0) return 0;
  const last = count - 1;
  const from = clampChapter(current, count);
  switch (step) {
    case 'next':
      return Math.min(from + 1, last);
    case 'previous':
      return Math.max(from - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/**
 * The chapter an index shows: whole, and within 0..count-1 (NaN, from a mangled link, is the
 * first; an infinity is the end it points at). 0 when there are no chapters.
 */
export function clampChapter(current: number, count: number): number {
  if (count <= 0 || Number.isNaN(current)) return 0;
  return Math.min(Math.max(0, Math.trunc(current)), count - 1);
}

/**
 * Whether a step from `current` goes anywhere (the buttons at the ends are disabled). Measured
 * from the chapter `current` shows, so that "next" from an index past the end, which shows the
 * last chapter, is disabled like "next" on the last chapter.
 */
export function canStep(current: number, count: number, step: ChapterStep): boolean {
  return stepChapter(current, count, step) !== clampChapter(current, count);
}

/** A chapter's camera as a request for the map. */
export function storyCameraTarget(camera: StoryCamera): CameraTarget {
  return 'bounds' in camera
    ? { kind: 'bounds', bounds: camera.bounds }
    : { kind: 'camera', camera: { center: camera.center, zoom: camera.zoom, bearing: 0 } };
}

/** The listed layers shown and every other one hidden; no list keeps the default set. */
export function storyLayers(layers: readonly MapLayer[] | null | undefined): LayerVisibility {
  if (!layers) return DEFAULT_LAYERS;
  return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, layers.includes(layer)])) as Record<MapLayer, boolean>;
}

/** A chapter's paragraphs: its text split at blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
