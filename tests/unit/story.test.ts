/** The story's rules (src/domain/story.ts): where a step leads, and what a chapter asks of the map. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, MAP_LAYERS } from '../../src/domain/layers.ts';
import {
  canStep,
  clampChapter,
  paragraphs,
  stepChapter,
  storyCameraTarget,
  storyLayers,
  type ChapterStep,
} from '../../src/domain/story.ts';

const STEPS: readonly ChapterStep[] = ['next', 'previous', 'first', 'last'];

describe('stepChapter', () => {
  it('moves one chapter at a time in the middle, and jumps to the ends', () => {
    expect(stepChapter(2, 5, 'next')).toBe(3);
    expect(stepChapter(2, 5, 'previous')).toBe(1);
    expect(stepChapter(2, 5, 'first')).toBe(0);
    expect(stepChapter(2, 5, 'last')).toBe(4);
  });

  it('holds at the last chapter ("next" does not wrap round to the first)', () => {
    expect(stepChapter(4, 5, 'next')).toBe(4);
    expect(stepChapter(4, 5, 'previous')).toBe(3);
    expect(stepChapter(4, 5, 'last')).toBe(4);
    expect(stepChapter(4, 5, 'first')).toBe(0);
  });

  it('holds at the first chapter ("previous" does not wrap round to the last)', () => {
    expect(stepChapter(0, 5, 'previous')).toBe(0);
    expect(stepChapter(0, 5, 'next')).toBe(1);
    expect(stepChapter(0, 5, 'first')).toBe(0);
    expect(stepChapter(0, 5, 'last')).toBe(4);
  });

  it.each(STEPS)('with one chapter, "%s" stays on it', (step) => {
    expect(stepChapter(0, 1, step)).toBe(0);
  });

  it.each(STEPS)('with no chapters, "%s" gives 0', (step) => {
    expect(stepChapter(0, 0, step)).toBe(0);
    expect(stepChapter(3, -1, step)).toBe(0);
  });

  it('steps from the chapter an out-of-range index shows', () => {
    // Past the end shows the last chapter; before the start, the first.
    expect(stepChapter(10, 3, 'next')).toBe(2);
    expect(stepChapter(10, 3, 'previous')).toBe(1);
    expect(stepChapter(-4, 3, 'next')).toBe(1);
    expect(stepChapter(-4, 3, 'previous')).toBe(0);
    // A fraction is the chapter it is in; NaN (a mangled link) is the first, an infinity the end it points at.
    expect(stepChapter(1.7, 3, 'next')).toBe(2);
    expect(stepChapter(Number.NaN, 3, 'next')).toBe(1);
    expect(stepChapter(Number.POSITIVE_INFINITY, 3, 'previous')).toBe(1);
  });
});

describe('clampChapter', () => {
  it('keeps an index in range, whole, and NaN at the first chapter', () => {
    expect(clampChapter(1, 3)).toBe(1);
    expect(clampChapter(7, 3)).toBe(2);
    expect(clampChapter(-2, 3)).toBe(0);
    expect(clampChapter(2.9, 3)).toBe(2);
    expect(clampChapter(Number.NaN, 3)).toBe(0);
    expect(clampChapter(Number.POSITIVE_INFINITY, 3)).toBe(2);
    expect(clampChapter(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(clampChapter(2, 0)).toBe(0);
  });
});

describe('canStep', () => {
  it('disables "previous" and "first" on the first chapter, "next" and "last" on the last', () => {
    expect(STEPS.map((s) => canStep(0, 4, s))).toEqual([true, false, false, true]);
    expect(STEPS.map((s) => canStep(3, 4, s))).toEqual([false, true, true, false]);
    expect(STEPS.map((s) => canStep(1, 4, s))).toEqual([true, true, true, true]);
  });

  it('disables every step when there is one chapter', () => {
    expect(STEPS.map((s) => canStep(0, 1, s))).toEqual([false, false, false, false]);
  });

  it('measures from the chapter shown: past the end is the last chapter', () => {
    expect(canStep(9, 4, 'next')).toBe(false);
    expect(canStep(9, 4, 'last')).toBe(false);
    expect(canStep(9, 4, 'previous')).toBe(true);
    expect(canStep(-1, 4, 'previous')).toBe(false);
    expect(canStep(-1, 4, 'next')).toBe(true);
  });
});

describe('storyLayers', () => {
  it('keeps the default set when the chapter lists none', () => {
    expect(storyLayers(null)).toEqual(DEFAULT_LAYERS);
    expect(storyLayers(undefined)).toEqual(DEFAULT_LAYERS);
    expect(DEFAULT_LAYERS.gaps).toBe(false);
  });

  it('shows exactly the listed layers, in any order, and hides the rest', () => {
    expect(storyLayers(['gaps'])).toEqual({ claims: false, rings: false, context: false, gaps: true });
    expect(storyLayers(['context', 'claims'])).toEqual({ claims: true, rings: false, context: true, gaps: false });
    expect(storyLayers(['claims', 'context'])).toEqual(storyLayers(['context', 'claims']));
  });

  it('hides every layer for an empty list (not the default set)', () => {
    const none = storyLayers([]);
    expect(MAP_LAYERS.every((layer) => !none[layer])).toBe(true);
  });
});

describe('storyCameraTarget', () => {
  it('fits bounds as bounds, with no zoom limit of its own', () => {
    const bounds = [
      [38.1, 34.3],
      [39.55, 35.05],
    ] as const;
    expect(storyCameraTarget({ bounds })).toEqual({ kind: 'bounds', bounds });
  });

  it('sends a centre and zoom as an exact camera, facing north', () => {
    expect(storyCameraTarget({ center: [33.29, 34.85], zoom: 11 })).toEqual({
      kind: 'camera',
      camera: { center: [33.29, 34.85], zoom: 11, bearing: 0 },
    });
  });
});

describe('paragraphs', () => {
  it('splits at blank lines and trims each paragraph', () => {
    expect(paragraphs('One.\n\nTwo.')).toEqual(['One.', 'Two.']);
    expect(paragraphs('  One. \n \t \n Two.  ')).toEqual(['One.', 'Two.']);
    expect(paragraphs('One.\r\n\r\nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('keeps a single line break inside its paragraph', () => {
    expect(paragraphs('One line,\nthe same paragraph.')).toEqual(['One line,\nthe same paragraph.']);
  });

  it('drops empty paragraphs from extra blank lines at the ends and between', () => {
    expect(paragraphs('\n\nOne.\n\n\n\nTwo.\n\n')).toEqual(['One.', 'Two.']);
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs(' \n\n ')).toEqual([]);
  });

  it('works on Arabic text as on English', () => {
    expect(paragraphs('الأولى.\n\nالثانية.')).toEqual(['الأولى.', 'الثانية.']);
  });
});
