// The frame's request to scroll its host to the map (src/embed/frame-messages.ts, issue 24): our
// own Datawrapper-shaped object, and Pym's scrollToChildPos only with Pym's childId; what
// public/embed.js accepts back (the same rule as readScrollRequest): finite numbers only, clamped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_FRAME_PX,
  SCROLL_REQUEST_KEY,
  readScrollRequest,
  scrollMessages,
  type FrameContext,
} from '../../src/embed/frame-messages.ts';

const SLUG = 'badia-2018-12-02';
const ctx = (childId: string | null = null): FrameContext => ({
  slug: SLUG,
  href: 'https://maps.example.org/badia/?embed=1',
  childId,
  wordpressSecret: null,
});

describe('scrollMessages', { timeout: 120_000 }, () => {
  it('asks with our own object, and with Pym’s scrollToChildPos only when Pym gave a childId', () => {
    expect(scrollMessages({ top: 59.4, height: 320.6 }, ctx())).toEqual([
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 59, height: 321 } } },
    ]);
    expect(scrollMessages({ top: 59.4, height: 320 }, ctx('container'))).toEqual([
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 59, height: 320 } } },
      'pymxPYMxcontainerxPYMxscrollToChildPosxPYMx59',
    ]);
  });

  it('sends nothing for a box that is not finite or has no height, and clamps to 0–4000 px', () => {
    for (const box of [
      { top: Number.NaN, height: 300 },
      { top: 10, height: Number.POSITIVE_INFINITY },
      { top: 10, height: 0 },
      { top: 10, height: -5 },
    ])
      expect(scrollMessages(box, ctx('c')), JSON.stringify(box)).toEqual([]);
    expect(scrollMessages({ top: -20, height: 1e9 }, ctx())).toEqual([
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 0, height: MAX_FRAME_PX } } },
    ]);
  });

  it('what it sends reads back as the box it asked for (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (top, height) => {
          const [ours] = scrollMessages({ top, height }, ctx());
          const read = readScrollRequest(ours);
          expect(read).not.toBeNull();
          expect(Number.isInteger(read!.top) && read!.top >= 0 && read!.top <= MAX_FRAME_PX).toBe(true);
          expect(Number.isInteger(read!.height) && read!.height >= 1 && read!.height <= MAX_FRAME_PX).toBe(true);
        },
      ),
    );
  });
});

describe('readScrollRequest', { timeout: 120_000 }, () => {
  it('accepts our own request only, with finite numbers, clamped', () => {
    expect(readScrollRequest({ [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 12, height: 300 } } })).toEqual({ top: 12, height: 300 });
    expect(readScrollRequest({ [SCROLL_REQUEST_KEY]: { any: { top: 1e9, height: 0 } } })).toEqual({
      top: MAX_FRAME_PX,
      height: 1,
    });
    // The first well-formed entry wins; malformed ones before it are skipped.
    expect(readScrollRequest({ [SCROLL_REQUEST_KEY]: { a: 'x', b: { top: 5, height: 6 } } })).toEqual({ top: 5, height: 6 });
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'contested-map-scroll',
      JSON.stringify({ [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 1, height: 1 } } }),
      [{ [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 1, height: 1 } } }],
      { [SCROLL_REQUEST_KEY]: 500 },
      { [SCROLL_REQUEST_KEY]: [{ top: 1, height: 1 }] },
      { [SCROLL_REQUEST_KEY]: { [SLUG]: 500 } },
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: '5', height: 300 } } },
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 5, height: null } } },
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: Number.NaN, height: 300 } } },
      { [SCROLL_REQUEST_KEY]: { [SLUG]: { top: 5, height: Number.POSITIVE_INFINITY } } },
      { 'datawrapper-height': { [SLUG]: 500 } },
      'pymxPYMxcontainerxPYMxscrollToChildPosxPYMx500',
      { sentinel: 'amp', type: 'embed-size', height: 500 },
    ];
    for (const data of junk) expect(readScrollRequest(data), String(JSON.stringify(data)).slice(0, 80)).toBeNull();
  });

  it('never throws, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const read = readScrollRequest({ [SCROLL_REQUEST_KEY]: data });
        if (read) expect(Number.isFinite(read.top) && Number.isFinite(read.height)).toBe(true);
        readScrollRequest(data);
      }),
    );
  });
});
