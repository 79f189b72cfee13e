// The story's interpreter in the store and its URL: a chapter is a selection, a layer set and a
// camera request taken from its data; the URL of a chapter is the chapter alone.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import { paramContext, selectUrlParams } from '../../src/store/url-sync.ts';
import { parseAppParams, serializeAppParams } from '../../src/store/url-params.ts';
import { DEFAULT_LAYERS } from '../../src/domain/layers.ts';
import { testEvents } from '../fixtures/events.ts';
import { withStory } from '../fixtures/story.ts';

describe.each(testEvents())('the story in the store (%s)', (_dir, plainEvent) => {
  const event = withStory(plainEvent);
  const count = event.story.chapters.length;

  it('opens a chapter as its data says: its party, its layers, and a move to its camera', () => {
    const store = createAppStore({ event });
    store.getState().openChapter(1);
    const { story, selection, view } = store.getState();
    const chapter = event.story.chapters[1]!;
    expect(story.chapter).toBe(1);
    expect(selection).toEqual({ partyId: chapter.party, origin: 'story' });
    expect(view.layers).toEqual({ claims: true, rings: false, context: false, gaps: false });
    expect(view.cameraRequest?.target).toEqual({
      kind: 'camera',
      camera: { center: (chapter.camera as { center: unknown }).center, zoom: 7, bearing: 0 },
    });
    expect(view.cameraRequest?.animate).toBe(true);
  });

  it('a chapter with no party or layers lets go of the selection and shows the default layers', () => {
    const store = createAppStore({ event });
    store.getState().openChapter(0);
    store.getState().openChapter(count - 1);
    expect(store.getState().selection.partyId).toBeNull();
    expect(store.getState().view.layers).toEqual(DEFAULT_LAYERS);
    expect(store.getState().view.cameraRequest?.target).toEqual({ kind: 'bounds', bounds: event.view.bounds });
  });

  it('steps forward and back and holds at both ends; a step opens a closed story at its first chapter', () => {
    const store = createAppStore({ event });
    store.getState().stepStory('previous');
    expect(store.getState().story.chapter).toBe(0);
    store.getState().stepStory('previous');
    expect(store.getState().story.chapter).toBe(0);
    const seen = [0];
    for (let i = 0; i < count + 2; i++) {
      store.getState().stepStory('next');
      seen.push(store.getState().story.chapter!);
    }
    expect(seen).toEqual([...Array.from({ length: count }, (_, i) => i), count - 1, count - 1, count - 1]);
    store.getState().stepStory('first');
    expect(store.getState().story.chapter).toBe(0);
    store.getState().stepStory('last');
    expect(store.getState().story.chapter).toBe(count - 1);
  });

  it('a step that goes nowhere asks the map for nothing', () => {
    const store = createAppStore({ event });
    store.getState().openChapter(count - 1);
    const request = store.getState().view.cameraRequest;
    store.getState().stepStory('next');
    expect(store.getState().view.cameraRequest).toBe(request);
  });

  it("clamps a chapter out of range, and a chapter's button changes only what it names", () => {
    const store = createAppStore({ event });
    store.getState().openChapter(999);
    expect(store.getState().story.chapter).toBe(count - 1);
    store.getState().openChapter(-5);
    expect(store.getState().story.chapter).toBe(0);
    store.getState().openChapter(Number.NaN);
    expect(store.getState().story.chapter).toBe(0);
    const party = store.getState().selection.partyId;
    const request = store.getState().view.cameraRequest;
    store.getState().applyStoryAction('gaps');
    expect(store.getState().view.layers).toEqual({ claims: true, rings: false, context: false, gaps: true });
    expect(store.getState().selection.partyId).toBe(party);
    expect(store.getState().view.cameraRequest).toBe(request);
    store.getState().applyStoryAction('no-such-button');
    expect(store.getState().view.layers.gaps).toBe(true);
  });

  it("resets to the chapter's view in the story, to the opening view outside it", () => {
    const store = createAppStore({ event });
    store.getState().openChapter(0);
    store.getState().applyStoryAction('gaps');
    store.getState().resetView();
    expect(store.getState().view.layers.gaps).toBe(false);
    expect(store.getState().view.cameraRequest?.target.kind).toBe('camera');
    store.getState().closeStory();
    store.getState().resetView();
    expect(store.getState().view.cameraRequest?.target).toEqual({ kind: 'home' });
    expect(store.getState().story).toEqual({ chapter: null, presenting: false });
  });

  it('presentation mode opens the story, and leaving the story leaves it', () => {
    const store = createAppStore({ event });
    store.getState().setPresenting(true);
    expect(store.getState().story).toEqual({ chapter: 0, presenting: true });
    store.getState().setPresenting(false);
    expect(store.getState().story).toEqual({ chapter: 0, presenting: false });
    store.getState().setPresenting(true);
    store.getState().closeStory();
    expect(store.getState().story).toEqual({ chapter: null, presenting: false });
  });

  it('writes a chapter as ?chapter=N alone, and reads it back to the same chapter and state', () => {
    const store = createAppStore({ event });
    store.getState().openChapter(1);
    store.getState().setPresenting(true);
    const query = serializeAppParams(selectUrlParams(store.getState()));
    expect(query).toBe('?present=1&lang=en&chapter=2');
    const other = createAppStore({ event });
    other.getState().applyParams(parseAppParams(`https://x.example/${query}`, paramContext({ event })), 'en');
    expect(other.getState().story).toEqual(store.getState().story);
    expect(other.getState().selection.partyId).toBe(store.getState().selection.partyId);
    expect(other.getState().view.layers).toEqual(store.getState().view.layers);
    expect(other.getState().view.cameraRequest?.target).toEqual(store.getState().view.cameraRequest?.target);
    expect(other.getState().view.cameraRequest?.animate, 'a link jumps').toBe(false);
    // A URL without a chapter closes the story (Back past its first chapter).
    other.getState().applyParams(parseAppParams('https://x.example/?lang=en', paramContext({ event })), 'en');
    expect(other.getState().story).toEqual({ chapter: null, presenting: false });
  });

  it('an event without a story ignores ?chapter= and ?present=, and stepping does nothing', () => {
    const store = createAppStore({ event: { ...plainEvent, story: null } });
    const params = parseAppParams(
      'https://x.example/?chapter=1&present=1',
      paramContext({ event: { ...plainEvent, story: null } }),
    );
    expect(params).toMatchObject({ chapter: null, present: false });
    store.getState().applyParams(params, 'en');
    store.getState().stepStory('next');
    store.getState().setPresenting(true);
    expect(store.getState().story).toEqual({ chapter: null, presenting: false });
  });
});
