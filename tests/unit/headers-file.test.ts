// The `_headers` file the build writes for Netlify and Cloudflare Pages (scripts/vite-plugins/headers-file.ts).
import { describe, expect, it } from 'vitest';
import { CACHE, cspOfHtml, headersFile } from '../../scripts/vite-plugins/headers-file.ts';

const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";
const FILES = [
  'index.html',
  'index.html.br',
  'index.html.gz',
  'embed.js',
  'embed.js.gz',
  'favicon.svg',
  'robots.txt',
  'downloads/event.geojson',
  'assets/index-abc.js',
  'assets/index-abc.js.br',
  '_headers',
];

/** The rules of a `_headers` text: path → header name → value (repeated names kept apart). */
function parse(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let current: [string, string][] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      expect(rules.has(line), `${line} given twice`).toBe(false);
      current = [];
      rules.set(line, current);
      continue;
    }
    const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
    expect(m, `header line ${JSON.stringify(line)}`).not.toBeNull();
    current!.push([m![1]!, m![2]!]);
  }
  return rules;
}

/** What a path gets once every matching rule is applied (Cloudflare joins repeats with ", "). */
function headersFor(rules: Map<string, [string, string][]>, path: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [pattern, headers] of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!matches) continue;
    for (const [name, value] of headers) (out[name.toLowerCase()] ??= []).push(value);
  }
  return out;
}

describe('_headers', () => {
  const rules = parse(headersFile(CSP, FILES));

  it('gives the page its policy and no-cache, at / and /index.html', () => {
    for (const path of ['/', '/index.html']) {
      const h = headersFor(rules, path);
      expect(h['content-security-policy']).toEqual([CSP]);
      expect(h['cache-control']).toEqual([CACHE.page]);
      expect(h['x-content-type-options']).toEqual(['nosniff']);
      expect(h['frame-ancestors'], 'embedding is allowed everywhere').toBeUndefined();
      expect(h['x-frame-options']).toBeUndefined();
    }
  });

  it('caches hashed assets for a year, immutable, readable from any origin', () => {
    const h = headersFor(rules, '/assets/index-abc.js');
    expect(h['cache-control']).toEqual([CACHE.hashed]);
    expect(h['access-control-allow-origin']).toEqual(['*']);
    expect(h['content-security-policy']).toBeUndefined();
  });

  it('gives every other file one short Cache-Control, and no rule for the precompressed siblings or itself', () => {
    for (const path of ['/embed.js', '/favicon.svg', '/robots.txt', '/downloads/event.geojson']) {
      const h = headersFor(rules, path);
      expect(h['cache-control'], path).toEqual([CACHE.other]);
      expect(h['access-control-allow-origin'], path).toEqual(['*']);
    }
    const paths = [...rules.keys()];
    expect(paths.filter((p) => /\.(gz|br)$/.test(p) || p.includes('_headers'))).toEqual([]);
  });

  it('never gives one path the same header twice', () => {
    for (const file of FILES) {
      const h = headersFor(rules, `/${file}`);
      for (const [name, values] of Object.entries(h)) expect(values, `${file}: ${name}`).toHaveLength(1);
    }
  });

  it("reads the policy from the built page's meta, quotes unescaped", () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="${CSP.replaceAll("'", '&#39;')}"></head>`;
    expect(cspOfHtml(html)).toBe(CSP);
    expect(() => cspOfHtml('<head></head>')).toThrow(/no Content-Security-Policy/);
  });
});
