// The frame's height messages (src/embed/frame-messages.ts) and their sender (src/embed/auto-height.ts)
// against a fake window: every format exactly when its trigger exists, integer px, no other keys;
// the URL reader total on hostile input; only Pym's width message is ever answered.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { heightMessages, isPymWidthMessage, readFrameContext, type FrameContext } from '../../src/embed/frame-messages.ts';
import { startAutoHeight } from '../../src/embed/auto-height.ts';

const APP = 'https://maps.example.org/badia/';
const SLUG = 'badia-2018-12-02';
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

function ctx(over: Partial<FrameContext> = {}): FrameContext {
  return { slug: SLUG, href: `${APP}?embed=1`, childId: null, wordpressSecret: null, ...over };
}

/** The messages sorted into their formats; fails on any message of no known format. */
function byFormat(messages: unknown[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const add = (k: string, m: unknown) => (out[k] ??= []).push(m);
  for (const m of messages) {
    if (typeof m === 'string') {
      if (m.startsWith('pymxPYMx')) add('pym', m);
      else {
        const parsed = JSON.parse(m) as Record<string, unknown>;
        add(parsed.sender === 'Flourish' ? 'flourish' : 'iframe.resize', parsed);
      }
    } else if (m && typeof m === 'object') {
      const o = m as Record<string, unknown>;
      if ('datawrapper-height' in o) add('datawrapper', o);
      else if (o.sentinel === 'amp') add('amp', o);
      else if (o.message === 'height') add('wordpress', o);
      else throw new Error(`unknown message ${JSON.stringify(m)}`);
    } else throw new Error(`unknown message ${String(m)}`);
  }
  return out;
}

// Property tests run thousands of cases: generous timeouts for a busy machine (no timing is asserted).
describe('heightMessages', { timeout: 120_000 }, () => {
  it('emits Datawrapper, AMP, iframe.resize and Flourish, and neither Pym nor WordPress without their triggers', () => {
    const href = `${APP}?embed=1&lang=ar`;
    const f = byFormat(heightMessages(812, ctx({ href })));
    expect(Object.keys(f).sort()).toEqual(['amp', 'datawrapper', 'flourish', 'iframe.resize']);
    expect(f.datawrapper).toEqual([{ 'datawrapper-height': { [SLUG]: 812 } }]);
    expect(f.amp).toEqual([{ sentinel: 'amp', type: 'embed-size', height: 812 }]);
    expect(f['iframe.resize']).toEqual([{ src: href, context: 'iframe.resize', height: 812 }]);
    expect(f.flourish).toEqual([{ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height: 812, src: href }]);
    // Exactly these keys, in the JSON strings too.
    const strings = heightMessages(812, ctx({ href })).filter((m) => typeof m === 'string');
    expect(strings).toEqual([
      JSON.stringify({ src: href, context: 'iframe.resize', height: 812 }),
      JSON.stringify({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height: 812, src: href }),
    ]);
  });

  it("adds Pym's string only with a childId and WordPress's message only with a secret", () => {
    const pym = byFormat(heightMessages(500, ctx({ childId: 'container' })));
    expect(pym.pym).toEqual(['pymxPYMxcontainerxPYMxheightxPYMx500']);
    expect(pym.wordpress).toBeUndefined();

    const wp = byFormat(heightMessages(500, ctx({ wordpressSecret: 'Ab3dE6gH9j' })));
    expect(wp.wordpress).toEqual([{ message: 'height', value: 500, secret: 'Ab3dE6gH9j' }]);
    expect(wp.pym).toBeUndefined();

    const both = byFormat(heightMessages(500, ctx({ childId: 'c-1', wordpressSecret: 's_2' })));
    expect(Object.keys(both).sort()).toEqual(['amp', 'datawrapper', 'flourish', 'iframe.resize', 'pym', 'wordpress']);
    expect(heightMessages(500, ctx({ childId: 'c-1', wordpressSecret: 's_2' }))).toHaveLength(6);
  });

  it('sends integer px, rounded up, and nothing for a height that is not a positive number', () => {
    const f = byFormat(heightMessages(640.2, ctx({ childId: 'x', wordpressSecret: 'y' })));
    expect((f.datawrapper![0] as { 'datawrapper-height': Record<string, number> })['datawrapper-height'][SLUG]).toBe(641);
    expect((f.amp![0] as { height: number }).height).toBe(641);
    expect((f['iframe.resize']![0] as { height: number }).height).toBe(641);
    expect((f.flourish![0] as { height: number }).height).toBe(641);
    expect(f.pym).toEqual(['pymxPYMxxxPYMxheightxPYMx641']);
    expect((f.wordpress![0] as { value: number }).value).toBe(641);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(heightMessages(bad, ctx()), String(bad)).toEqual([]);
    }
  });

  it('every number in every message is a positive integer (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.option(fc.stringMatching(SAFE)),
        fc.option(fc.stringMatching(SAFE)),
        (h, childId, secret) => {
          const px = Math.ceil(h);
          for (const [format, list] of Object.entries(byFormat(heightMessages(h, ctx({ childId, wordpressSecret: secret }))))) {
            for (const m of list) {
              const value =
                format === 'datawrapper'
                  ? (m as { 'datawrapper-height': Record<string, number> })['datawrapper-height'][SLUG]
                  : format === 'wordpress'
                    ? (m as { value: number }).value
                    : format === 'pym'
                      ? Number((m as string).split('xPYMx')[3])
                      : (m as { height: number }).height;
              expect(value).toBe(px);
              expect(Number.isInteger(value)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('readFrameContext', { timeout: 120_000 }, () => {
  it('reads Pym’s childId from the query and WordPress’s secret from #?secret=', () => {
    const pymSrc = `${APP}?embed=1&initialWidth=640&childId=container&parentTitle=A%20story&parentUrl=https%3A%2F%2Fnews.example%2Fa`;
    expect(readFrameContext(pymSrc, SLUG)).toEqual({ slug: SLUG, href: pymSrc, childId: 'container', wordpressSecret: null });
    expect(readFrameContext(`${APP}?embed=1#?secret=Ab3dE6gH9j`, SLUG).wordpressSecret).toBe('Ab3dE6gH9j');
    expect(readFrameContext(`${APP}?embed=1#?secret=Ab3dE6gH9j&x=1`, SLUG).wordpressSecret).toBe('Ab3dE6gH9j');
    expect(readFrameContext(`${APP}?childId=c_1#?secret=s-2`, SLUG)).toMatchObject({ childId: 'c_1', wordpressSecret: 's-2' });
  });

  it('ignores values that are too long, unsafe, in the wrong place or absent', () => {
    const cases: [string, string | null, string | null][] = [
      [APP, null, null],
      [`${APP}?embed=1`, null, null],
      [`${APP}?childId=${'a'.repeat(64)}`, 'a'.repeat(64), null],
      [`${APP}?childId=${'a'.repeat(65)}`, null, null],
      [`${APP}?childId=<script>`, null, null],
      [`${APP}?childId=a%20b`, null, null],
      [`${APP}?childId=a"onload="x`, null, null],
      [`${APP}?childId=`, null, null],
      [`${APP}?childId=%E0%A4%A`, null, null],
      [`${APP}#?childId=abc`, null, null], // a childId in the hash is not Pym's
      [`${APP}#secret=abc`, null, null], // WordPress writes `#?secret=`
      [`${APP}?secret=abc`, null, null], // a secret in the query is not WordPress's
      [`${APP}#?secret=${'s'.repeat(65)}`, null, null],
      [`${APP}#?secret=javascript:alert(1)`, null, null],
      [`${APP}?childId=one&childId=two`, 'one', null],
      ['', null, null],
      ['not a url at all', null, null],
      ['?childId=rel', 'rel', null],
    ];
    for (const [href, childId, secret] of cases) {
      const c = readFrameContext(href, SLUG);
      expect({ href, childId: c.childId, secret: c.wordpressSecret }).toEqual({ href, childId, secret });
    }
  });

  it('never throws and always yields sanitised values, whatever the href (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '?',
        '#',
        '#?',
        '&',
        '=',
        'childId=',
        'secret=',
        '%',
        '%E0%A4',
        '%00',
        '+',
        '\u0000',
        '\uD800',
        'javascript:',
      ),
      fc.stringMatching(SAFE),
      fc.string({ minLength: 60, maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const href = parts.join('');
        const c = readFrameContext(href, SLUG);
        expect(c.href).toBe(href);
        expect(c.slug).toBe(SLUG);
        for (const v of [c.childId, c.wordpressSecret]) {
          if (v !== null) expect(v).toMatch(SAFE);
        }
      }),
      { numRuns: 5_000 },
    );
    // Not even for values that are not strings at run time.
    for (const junk of [undefined, null, 42, {}, []]) {
      expect(() => readFrameContext(junk as unknown as string, SLUG)).not.toThrow();
    }
  });
});

describe('isPymWidthMessage', () => {
  it("accepts only Pym's width message for our own childId with an integer width", () => {
    expect(isPymWidthMessage('pymxPYMxcontainerxPYMxwidthxPYMx640', 'container')).toBe(true);
    expect(isPymWidthMessage('pymxPYMxcontainerxPYMxwidthxPYMx0', 'container')).toBe(true);
    const no: unknown[] = [
      'pymxPYMxcontainerxPYMxwidthxPYMx640',
      'pymxPYMxotherxPYMxwidthxPYMx640',
      'pymxPYMxcontainerxPYMxheightxPYMx640',
      'pymxPYMxcontainerxPYMxnavigateToxPYMxjavascript:alert(1)',
      'pymxPYMxcontainerxPYMxwidthxPYMx',
      'pymxPYMxcontainerxPYMxwidthxPYMx64.5',
      'pymxPYMxcontainerxPYMxwidthxPYMx-1',
      'pymxPYMxcontainerxPYMxwidthxPYMx640 ',
      'pymxPYMxcontainerxPYMxwidthxPYMx640xPYMxnavigateTo',
      'pymxPYMxcontainerxPYMxwidthxPYMx1234567',
      `pymxPYMxcontainerxPYMxwidthxPYMx${'9'.repeat(1_000_000)}`,
      ' pymxPYMxcontainerxPYMxwidthxPYMx640',
      { data: 'pymxPYMxcontainerxPYMxwidthxPYMx640' },
      ['pymxPYMxcontainerxPYMxwidthxPYMx640'],
      640,
      null,
      undefined,
    ];
    // The first entry is the right message for another frame: no childId means no Pym.
    expect(isPymWidthMessage(no[0], null)).toBe(false);
    for (const data of no.slice(1)) expect(isPymWidthMessage(data, 'container'), String(data).slice(0, 80)).toBe(false);
    // A childId that is not a safe token never matches (it could not have come from readFrameContext).
    expect(isPymWidthMessage('pymxPYMx.*xPYMxwidthxPYMx640', '.*')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// startAutoHeight against a fake window

type Listener = (event: unknown) => void;

class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  readonly targets = new Set<unknown>();
  disconnected = false;
  constructor(readonly callback: () => void) {
    FakeResizeObserver.instances.push(this);
  }
  observe(target: unknown): void {
    this.targets.add(target);
  }
  unobserve(target: unknown): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
    this.disconnected = true;
  }
  /** What the browser does after a layout change. */
  trigger(): void {
    if (!this.disconnected && this.targets.size) this.callback();
  }
}

function fakeWindow({ framed = true, parentThrows = false } = {}) {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const documentElement = { id: 'html' };
  const root = { id: 'root' };
  const rafCalls: number[] = [];
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message, targetOrigin });
    },
  };
  FakeResizeObserver.instances = [];
  const win: Record<string, unknown> = {
    ResizeObserver: FakeResizeObserver,
    document: { documentElement, getElementById: (id: string) => (id === 'root' ? root : null) },
    addEventListener(type: string, fn: Listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(fn);
    },
    removeEventListener(type: string, fn: Listener) {
      listeners.get(type)?.delete(fn);
    },
    // Run synchronously, as a browser would on its next frame.
    requestAnimationFrame(cb: (t: number) => void) {
      rafCalls.push(1);
      cb(0);
      return rafCalls.length;
    },
    cancelAnimationFrame() {},
    location: {
      href: `${APP}?embed=1&childId=container`,
      assign: () => navigations.push('assign'),
      replace: () => navigations.push('replace'),
    },
    scrollTo: () => scrolls.push('scrollTo'),
    eval: () => evals.push('eval'),
  };
  const navigations: string[] = [];
  const scrolls: string[] = [];
  const evals: string[] = [];
  if (parentThrows) {
    Object.defineProperty(win, 'parent', {
      get() {
        throw new Error('SecurityError');
      },
    });
  } else win.parent = framed ? parent : win;
  const dispatch = (type: string, event: unknown) => {
    for (const fn of [...(listeners.get(type) ?? [])]) fn(event);
  };
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return {
    win: win as unknown as Window,
    parent,
    posted,
    rafCalls,
    listeners,
    count,
    root,
    documentElement,
    navigations,
    scrolls,
    evals,
    dispatch,
    observer: () => FakeResizeObserver.instances,
  };
}

/** The heights posted so far, one per round of messages (the Datawrapper message opens each round). */
function rounds(posted: { message: unknown }[]): number[] {
  return posted
    .map((p) => p.message)
    .filter(
      (m): m is { 'datawrapper-height': Record<string, number> } => !!m && typeof m === 'object' && 'datawrapper-height' in m,
    )
    .map((m) => m['datawrapper-height'][SLUG]!);
}

describe('startAutoHeight', () => {
  const pymCtx = ctx({ childId: 'container' });

  it('posts every message once at start, to "*", then only when the integer height changes', () => {
    const f = fakeWindow();
    let height = 700.4;
    const stop = startAutoHeight(f.win, pymCtx, () => height);
    expect(rounds(f.posted)).toEqual([701]);
    expect(f.posted.map((p) => p.message)).toEqual(heightMessages(701, pymCtx));
    expect(new Set(f.posted.map((p) => p.targetOrigin))).toEqual(new Set(['*']));

    const ro = f.observer();
    expect(ro).toHaveLength(1);
    expect(ro[0]!.targets).toEqual(new Set([f.documentElement, f.root]));

    ro[0]!.trigger();
    height = 700.9; // the same integer height
    ro[0]!.trigger();
    expect(rounds(f.posted), 'unchanged height: nothing more').toEqual([701]);

    height = 655;
    ro[0]!.trigger();
    expect(rounds(f.posted)).toEqual([701, 655]);
    height = 1200;
    ro[0]!.trigger();
    expect(rounds(f.posted)).toEqual([701, 655, 1200]);
    expect(f.posted).toHaveLength(3 * heightMessages(1, pymCtx).length);
    stop();
  });

  it('measures once per animation frame however many resize callbacks arrive', () => {
    const f = fakeWindow();
    const queued: ((t: number) => void)[] = [];
    (f.win as unknown as { requestAnimationFrame: (cb: (t: number) => void) => number }).requestAnimationFrame = (cb) =>
      queued.push(cb);
    let measured = 0;
    let height = 500;
    const stop = startAutoHeight(f.win, pymCtx, () => (measured++, height));
    expect(measured).toBe(1);
    height = 600;
    for (let i = 0; i < 5; i++) f.observer()[0]!.trigger();
    expect(queued).toHaveLength(1);
    expect(measured).toBe(1);
    queued.shift()!(0);
    expect(measured).toBe(2);
    expect(rounds(f.posted)).toEqual([500, 600]);
    stop();
  });

  it('posts again on load, even with the same height', () => {
    const f = fakeWindow();
    const stop = startAutoHeight(f.win, pymCtx, () => 480);
    f.dispatch('load', {});
    expect(rounds(f.posted)).toEqual([480, 480]);
    stop();
  });

  it("answers Pym's width message from the parent with the height, even when unchanged", () => {
    const f = fakeWindow();
    const stop = startAutoHeight(f.win, pymCtx, () => 480);
    f.dispatch('message', { data: 'pymxPYMxcontainerxPYMxwidthxPYMx320', source: f.parent, origin: 'https://news.example' });
    expect(rounds(f.posted)).toEqual([480, 480]);
    expect(f.posted.at(-1)!.message).toBe('pymxPYMxcontainerxPYMxwidthxPYMx320'.replace('width', 'height').replace('320', '480'));
    // From anyone but the parent, or for another child, it is junk.
    f.dispatch('message', { data: 'pymxPYMxcontainerxPYMxwidthxPYMx320', source: {}, origin: 'https://evil.example' });
    f.dispatch('message', { data: 'pymxPYMxotherxPYMxwidthxPYMx320', source: f.parent, origin: 'https://news.example' });
    expect(rounds(f.posted)).toEqual([480, 480]);
    stop();
  });

  it('ignores every other message: no post, no navigation, no scroll, no eval, no throw', () => {
    const f = fakeWindow();
    const stop = startAutoHeight(f.win, pymCtx, () => 480);
    const before = f.posted.length;
    const junk: unknown[] = [
      'pymxPYMxcontainerxPYMxnavigateToxPYMxjavascript:alert(document.domain)',
      'pymxPYMxcontainerxPYMxscrollToChildPosxPYMx9999',
      'pymxPYMxcontainerxPYMxheightxPYMx10',
      `pymxPYMxcontainerxPYMxwidthxPYMx${'1'.repeat(1_000_000)}`,
      'x'.repeat(1_000_000),
      JSON.stringify({ context: 'iframe.resize', height: 10 }),
      { 'datawrapper-height': { [SLUG]: 10 } },
      { sentinel: 'amp', type: 'embed-size', height: 10 },
      { message: 'height', value: 10, secret: 'x' },
      { toString: () => 'pymxPYMxcontainerxPYMxwidthxPYMx320' },
      ['pymxPYMxcontainerxPYMxwidthxPYMx320'],
      { __proto__: { polluted: true } },
      null,
      undefined,
      0,
      Symbol('x'),
    ];
    for (const data of junk) {
      for (const source of [f.parent, null, {}]) {
        expect(() => f.dispatch('message', { data, source, origin: 'null' })).not.toThrow();
      }
    }
    // An event whose properties throw when read.
    const hostile = Object.defineProperty({}, 'data', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => f.dispatch('message', Object.assign(hostile, { source: f.parent }))).not.toThrow();
    expect(f.posted.length).toBe(before);
    expect([...f.navigations, ...f.scrolls, ...f.evals]).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    stop();
  });

  it('swallows postMessage failures and a measure that throws', () => {
    const f = fakeWindow();
    f.parent.postMessage = () => {
      throw new Error('DataCloneError');
    };
    let boom = false;
    let stop: () => void = () => undefined;
    expect(() => {
      stop = startAutoHeight(f.win, pymCtx, () => {
        if (boom) throw new Error('layout');
        return 300;
      });
    }).not.toThrow();
    boom = true;
    expect(() => f.observer()[0]!.trigger()).not.toThrow();
    stop();
  });

  it('does nothing at all when not framed, or when the parent cannot be read', () => {
    for (const opts of [{ framed: false }, { parentThrows: true }]) {
      const f = fakeWindow(opts);
      let measured = 0;
      const stop = startAutoHeight(f.win, pymCtx, () => (measured++, 500));
      expect(f.posted, JSON.stringify(opts)).toEqual([]);
      expect(f.count(), 'no listeners').toBe(0);
      expect(f.observer(), 'no observer').toEqual([]);
      expect(f.rafCalls).toEqual([]);
      expect(measured).toBe(0);
      expect(() => stop()).not.toThrow();
    }
  });

  it('the unsubscribe removes the listeners and the observer, and nothing is posted after it', () => {
    const f = fakeWindow();
    let height = 500;
    const stop = startAutoHeight(f.win, pymCtx, () => height);
    expect(f.count()).toBeGreaterThan(0);
    stop();
    expect(f.count()).toBe(0);
    expect(f.observer()[0]!.disconnected).toBe(true);
    const before = f.posted.length;
    height = 900;
    f.observer()[0]!.callback(); // even a late callback from the browser
    f.dispatch('load', {});
    f.dispatch('message', { data: 'pymxPYMxcontainerxPYMxwidthxPYMx320', source: f.parent });
    expect(f.posted.length).toBe(before);
    expect(() => stop()).not.toThrow();
  });
});
