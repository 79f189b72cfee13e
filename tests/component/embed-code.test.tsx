// The code journalists paste: parsed as HTML, as a CMS would, it must carry every attribute an
// accessible, lazy, full-width, fullscreen-capable frame needs, and the current state.
import { describe, expect, it } from 'vitest';
import { buildEmbedCode, DEFAULT_EMBED_HEIGHT, EMBED_MARKER } from '../../src/embed/embed-code.ts';

const SRC = 'https://maps.example/badia/?embed=1&lang=ar&party=sohr&map=8/33.5/38.6';

function parse(html: string): { iframe: HTMLIFrameElement; scripts: HTMLScriptElement[] } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const frames = doc.querySelectorAll('iframe');
  expect(frames).toHaveLength(1);
  return { iframe: frames[0]!, scripts: [...doc.querySelectorAll('script')] };
}

describe('buildEmbedCode', () => {
  it('writes an iframe with a title in the page language, lazy loading, fullscreen, full width, a default height and the state', () => {
    const { iframe, scripts } = parse(
      buildEmbedCode({
        src: SRC,
        title: 'خريطة تفاعلية: "ضربة" <واحدة>',
        lang: 'ar',
        height: DEFAULT_EMBED_HEIGHT,
        scriptSrc: 'https://maps.example/badia/embed.js',
      }),
    );
    expect(iframe.getAttribute('src')).toBe(SRC);
    expect(new URL(iframe.src).searchParams.get('embed')).toBe('1');
    expect(new URL(iframe.src).searchParams.get('party')).toBe('sohr');
    expect(iframe.getAttribute('title')).toBe('خريطة تفاعلية: "ضربة" <واحدة>');
    expect(iframe.getAttribute('lang')).toBe('ar');
    expect(iframe.getAttribute('loading')).toBe('lazy');
    expect(iframe.getAttribute('allow')).toBe('fullscreen');
    expect(iframe.hasAttribute('allowfullscreen')).toBe(true);
    expect(iframe.getAttribute('width')).toBe('100%');
    expect(iframe.getAttribute('height')).toBe(String(DEFAULT_EMBED_HEIGHT));
    expect(iframe.style.minWidth).toBe('100%');
    expect(iframe.style.borderStyle).toBe('none');
    expect(iframe.hasAttribute(EMBED_MARKER)).toBe(true);
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual(['https://maps.example/badia/embed.js']);
    expect(scripts[0]!.hasAttribute('async')).toBe(true);
  });

  it('writes the frame alone when no resizer script is wanted', () => {
    const { iframe, scripts } = parse(buildEmbedCode({ src: SRC, title: 'Map', lang: 'en', height: 500, scriptSrc: null }));
    expect(scripts).toEqual([]);
    expect(iframe.getAttribute('height')).toBe('500');
  });

  it('cannot be broken out of by a title or a URL', () => {
    const html = buildEmbedCode({
      src: 'https://x.example/?a="><script>alert(1)</script>',
      title: '"><img src=x onerror=alert(1)>',
      lang: 'en',
      height: 640,
      scriptSrc: null,
    });
    const { iframe, scripts } = parse(html);
    expect(scripts).toEqual([]);
    expect(iframe.getAttribute('title')).toBe('"><img src=x onerror=alert(1)>');
    expect(new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img')).toHaveLength(0);
  });
});
