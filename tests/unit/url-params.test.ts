import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NO_PARAMS,
  hrefWithAppParams,
  parseAppParams,
  roundCamera,
  serializeAppParams,
  THEMES,
  type AppParams,
} from '../../src/store/url-params.ts';
import { MAX_LATITUDE, ZOOM_RANGE, type Camera } from '../../src/domain/camera.ts';
import { chooseLang } from '../../src/i18n/choose-lang.ts';

// Any event's ids will do: the parser knows parties only through this list.
const context = { partyIds: ['alpha', 'bravo-party', 'c3'], chapterCount: 8 };
const RUNS = { numRuns: 10_000 };

function expectValid(params: AppParams): void {
  expectValidDisplay(params);
  expectValidLayers(params);
  expect([null, 'en', 'ar']).toContain(params.lang);
  expect([null, ...context.partyIds]).toContain(params.party);
  if (params.chapter !== null) {
    expect(Number.isInteger(params.chapter)).toBe(true);
    expect(params.chapter).toBeGreaterThanOrEqual(1);
    expect(params.chapter).toBeLessThanOrEqual(context.chapterCount);
  }
  expect(typeof params.present).toBe('boolean');
  const { camera } = params;
  if (camera === null) return;
  const [lon, lat] = camera.center;
  for (const n of [lon, lat, camera.zoom, camera.bearing]) expect(Number.isFinite(n)).toBe(true);
  expect(camera.zoom).toBeGreaterThanOrEqual(ZOOM_RANGE.min);
  expect(camera.zoom).toBeLessThanOrEqual(ZOOM_RANGE.max);
  expect(Math.abs(lat)).toBeLessThanOrEqual(MAX_LATITUDE);
  expect(lon).toBeGreaterThanOrEqual(-180);
  expect(lon).toBeLessThan(180);
  expect(camera.bearing).toBeGreaterThan(-180);
  expect(camera.bearing).toBeLessThanOrEqual(180);
  expect(roundCamera(camera)).toEqual(camera);
}

function expectValidLayers(params: AppParams): void {
  if (params.layers === null) return;
  expect(Object.keys(params.layers).sort()).toEqual(['claims', 'context', 'gaps', 'rings']);
  for (const visible of Object.values(params.layers)) expect(typeof visible).toBe('boolean');
}

function expectValidDisplay(params: AppParams): void {
  const { display } = params;
  expect(Object.keys(display).sort()).toEqual(['embed', 'isStatic', 'plain', 'theme']);
  for (const flag of [display.embed, display.plain, display.isStatic]) expect(typeof flag).toBe('boolean');
  expect(THEMES).toContain(display.theme);
}

const interesting = fc.constantFrom(
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '0x10',
  '6/34/38',
  '6.5/34.6/37.9/45',
  '99/99/999/999',
  '-3/-91/-181/-181',
  'AR',
  ' en ',
  '1',
  '0',
  'true',
  'dark',
  'AUTO',
  'claims,rings',
  'gaps,gaps',
  'none',
  'claims,bogus',
  'light ',
  'alpha',
  'BRAVO-PARTY',
  '3',
  '08',
  '9',
  '2.0',
  '+2',
  '<script>alert(1)</script>',
  '%E0%A4%A',
  '%',
  ''.padEnd(100_000, '9'),
  '',
);
const hostileQuery = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'lang',
        'party',
        'map',
        'embed',
        'theme',
        'plain',
        'static',
        'layers',
        'chapter',
        'present',
        'childId',
        'initialWidth',
        'parentUrl',
        'LANG',
        'Party',
        '',
      ),
      fc.oneof(interesting, fc.string(), fc.string({ unit: 'grapheme' })),
    ),
    { maxLength: 8 },
  )
  .chain((pairs) =>
    fc
      .tuple(fc.constant(pairs), fc.oneof(fc.constant(''), interesting, fc.string({ unit: 'binary' })))
      .map(([kv, hash]) => `https://news.example/map/?${kv.map(([k, v]) => `${k}=${v}`).join('&')}#${hash}`),
  );

const inRangeCamera: fc.Arbitrary<Camera> = fc.record({
  center: fc.tuple(
    fc.double({ min: -180, max: 180, maxExcluded: true, noNaN: true }),
    fc.double({ min: -MAX_LATITUDE, max: MAX_LATITUDE, noNaN: true }),
  ),
  zoom: fc.double({ min: ZOOM_RANGE.min, max: ZOOM_RANGE.max, noNaN: true }),
  bearing: fc.double({ min: -180, max: 180, minExcluded: true, noNaN: true }),
});
const validParams: fc.Arbitrary<AppParams> = fc.record({
  lang: fc.constantFrom(null, 'en' as const, 'ar' as const),
  party: fc.constantFrom(null, ...context.partyIds),
  camera: fc.option(inRangeCamera.map(roundCamera), { nil: null }),
  layers: fc.option(fc.record({ claims: fc.boolean(), rings: fc.boolean(), context: fc.boolean(), gaps: fc.boolean() }), {
    nil: null,
  }),
  chapter: fc.option(fc.integer({ min: 1, max: context.chapterCount }), { nil: null }),
  present: fc.boolean(),
  display: fc.record({ embed: fc.boolean(), theme: fc.constantFrom(...THEMES), plain: fc.boolean(), isStatic: fc.boolean() }),
});
const foreignHref = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('childId', 'initialWidth', 'parentUrl', 'parentTitle', 'utm_source'), fc.string()), {
      maxLength: 4,
    }),
    fc.constantFrom('', '#?secret=abc123', '#top', '#alpha'),
  )
  .map(([pairs, hash]) => {
    const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    return `https://news.example/2018/12/strike/${query ? `?${query}` : ''}${hash}`;
  });

// 10,000 runs each: generous timeouts, for a machine busy with other work (no timing is asserted).
describe('parseAppParams is total', { timeout: 120_000 }, () => {
  it('never throws and always yields a valid state, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (href) => {
        expectValid(parseAppParams(href, context));
      }),
      RUNS,
    );
  });

  it('never throws and always yields a valid state, for any web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (href) => {
        expectValid(parseAppParams(href, context));
      }),
      RUNS,
    );
  });

  it('never throws and always yields a valid state, for hostile query strings', () => {
    fc.assert(
      fc.property(hostileQuery, (href) => {
        expectValid(parseAppParams(href, context));
      }),
      RUNS,
    );
  });
});

describe('the URL round trip', { timeout: 120_000 }, () => {
  it('parse(serialize(p)) is p, for every valid state', () => {
    fc.assert(
      fc.property(validParams, (params) => {
        expect(parseAppParams(serializeAppParams(params), context)).toEqual(params);
      }),
      RUNS,
    );
  });

  it("writing a state into a host's URL keeps the host's parameters and reads back the same state", () => {
    fc.assert(
      fc.property(validParams, foreignHref, (params, href) => {
        const written = hrefWithAppParams(href, params, context);
        expect(parseAppParams(written, context)).toEqual(params);
        const own = ['lang', 'party', 'map', 'layers', 'embed', 'theme', 'plain', 'static', 'chapter', 'present'];
        const foreign = (u: string) => [...new URL(u).searchParams].filter(([k]) => !own.includes(k));
        expect(foreign(written)).toEqual(foreign(href));
        const hash = new URL(href).hash;
        expect(new URL(written).hash).toBe(hash === '#alpha' ? '' : hash);
      }),
      RUNS,
    );
  });

  it('a camera survives the URL to within half a pixel', () => {
    fc.assert(
      fc.property(inRangeCamera, (camera) => {
        const parsed = parseAppParams(serializeAppParams({ ...NO_PARAMS, camera }), context).camera!;
        const pixel = 360 / (512 * 2 ** camera.zoom);
        expect(Math.abs(parsed.zoom - camera.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(parsed.center[1] - camera.center[1])).toBeLessThanOrEqual(pixel);
        const dLon = Math.abs(parsed.center[0] - camera.center[0]);
        expect(Math.min(dLon, 360 - dLon)).toBeLessThanOrEqual(pixel);
      }),
      RUNS,
    );
  });

  it('rounds once: a zoom just under a rounding boundary is not rounded twice', () => {
    const camera = { center: [0, 0] as const, zoom: 6.7249995, bearing: 0 };
    expect(serializeAppParams({ ...NO_PARAMS, camera })).toBe('?map=6.72/0/0');
  });

  it('rounding is idempotent', () => {
    fc.assert(
      fc.property(inRangeCamera, (camera) => {
        expect(roundCamera(roundCamera(camera))).toEqual(roundCamera(camera));
      }),
      RUNS,
    );
  });
});

describe('URL examples', () => {
  const parse = (href: string) => parseAppParams(href, context);

  it('reads a party from the fragment', () => {
    expect(parse('https://x.example/#bravo-party').party).toBe('bravo-party');
  });
  it('prefers the query to the fragment', () => {
    expect(parse('/?party=alpha#c3').party).toBe('alpha');
  });
  it('ignores a party the event does not have', () => {
    expect(parse('/?party=nobody').party).toBeNull();
  });
  it("keeps a host's fragment and drops a party fragment when it writes", () => {
    const params = { ...NO_PARAMS, party: 'c3' };
    expect(hrefWithAppParams('https://x.example/a?childId=g#?secret=abc', params, context)).toBe(
      'https://x.example/a?childId=g&party=c3#?secret=abc',
    );
    expect(hrefWithAppParams('https://x.example/a#alpha', params, context)).toBe('https://x.example/a?party=c3');
  });
  it('reads keys case-sensitively but values leniently', () => {
    expect(parse('/?LANG=ar').lang).toBeNull();
    expect(parse('/?lang=AR%20').lang).toBe('ar');
  });
  it('reads a camera as zoom/latitude/longitude', () => {
    expect(parse('/?map=6.5/34.6/37.9').camera).toEqual({ center: [37.9, 34.6], zoom: 6.5, bearing: 0 });
  });
  it('clamps and wraps a camera out of range', () => {
    expect(parse('/?map=50/95/200/370').camera).toEqual({ center: [-160, 85.05112], zoom: ZOOM_RANGE.max, bearing: 10 });
  });
  it('drops a camera that is not plain decimals', () => {
    for (const map of ['1e3/2/3', '6/34', '6/34/38/1/2', 'NaN/1/2', '6/+34/38', '0x6/34/38', '6//38']) {
      expect(parse(`/?map=${map}`).camera, map).toBeNull();
    }
  });
  it('keeps a good key when another is bad', () => {
    expect(parse('/?lang=ar&map=bad&party=%E0%A4%A')).toEqual({ ...NO_PARAMS, lang: 'ar' });
  });
  it('does not read a value over 64 characters, even one that would trim to a good value', () => {
    // %20 rather than spaces: a URL's own trailing spaces are stripped before it is parsed.
    expect(parse(`/?lang=ar${'%20'.repeat(62)}`).lang).toBe('ar');
    expect(parse(`/?lang=ar${'%20'.repeat(63)}`).lang).toBeNull();
    expect(parse(`/?lang=ar${'%20'.repeat(1_000_000)}`).lang).toBeNull();
  });
  it('writes nothing for no state, and a full state in a fixed order', () => {
    expect(serializeAppParams(NO_PARAMS)).toBe('');
    expect(
      serializeAppParams({
        lang: 'ar',
        party: 'bravo-party',
        camera: { center: [38.5, 34.25], zoom: 7, bearing: -20 },
        layers: { claims: true, rings: false, context: false, gaps: true },
        chapter: 3,
        present: true,
        display: { embed: true, theme: 'dark', plain: true, isStatic: true },
      }),
    ).toBe(
      '?embed=1&theme=dark&plain=1&static=1&present=1&lang=ar&chapter=3&party=bravo-party&map=7/34.25/38.5/-20&layers=claims,gaps',
    );
  });
  it('reads a chapter the story has, in plain digits, and present only for an event with a story', () => {
    expect(parse('/?chapter=3').chapter).toBe(3);
    expect(parse('/?chapter=8').chapter).toBe(8);
    for (const bad of ['0', '9', '03', '3.0', '%2B3', '-1', '1e1', 'three', ''])
      expect(parse(`/?chapter=${bad}`).chapter, bad).toBeNull();
    expect(parse('/?present=1').present).toBe(true);
    expect(parseAppParams('/?present=1&chapter=1', { partyIds: [], chapterCount: 0 })).toMatchObject({
      present: false,
      chapter: null,
    });
  });
  it('reads the visible layers, each once, or none; anything else is the default', () => {
    expect(parse('/?layers=gaps,claims').layers).toEqual({ claims: true, rings: false, context: false, gaps: true });
    expect(parse('/?layers=none').layers).toEqual({ claims: false, rings: false, context: false, gaps: false });
    for (const bad of ['', 'claims,claims', 'claims,roads', ',', 'CLAIMS;RINGS'])
      expect(parse(`/?layers=${bad}`).layers, bad).toBeNull();
  });
  it('reads the display flags: 1 or true turns one on, a known theme is kept, anything else is the default', () => {
    expect(parse('/?embed=1&theme=DARK&plain=true&static=1').display).toEqual({
      embed: true,
      theme: 'dark',
      plain: true,
      isStatic: true,
    });
    expect(parse('/?embed=yes&theme=sepia&plain=0&static=').display).toEqual(NO_PARAMS.display);
    expect(parse('/?theme=auto').display.theme).toBe('auto');
  });
  it("keeps a host's parameters in their order and spelling", () => {
    const href = 'https://news.example/a?childId=abc&initialWidth=300&parentUrl=https%3A%2F%2Fnews.example%2Fa&lang=en';
    expect(hrefWithAppParams(href, { ...NO_PARAMS, lang: 'ar' }, context)).toBe(
      'https://news.example/a?childId=abc&initialWidth=300&parentUrl=https%3A%2F%2Fnews.example%2Fa&lang=ar',
    );
  });
  it('agrees with the inline language choice whenever the URL names a language', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('ar', 'EN', ' ar', 'fr', ''), fc.string({ maxLength: 6 })), (lang) => {
        const search = `?lang=${encodeURIComponent(lang)}`;
        const parsed = parseAppParams(search, context).lang;
        if (parsed !== null) expect(chooseLang(search, ['de'])).toBe(parsed);
      }),
    );
  });
});
