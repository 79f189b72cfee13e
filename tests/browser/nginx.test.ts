// The build served by Debian's nginx with this project's configuration (scripts/nginx/), as a
// newsroom would deploy it: the page and the embed at the site's root and under a sub-path, and
// the headers of the real responses (encodings, caching, the policy, CORS, types). Fails, never
// skips, without nginx and its brotli_static module.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { startNginx, type RunningNginx } from '../../scripts/nginx/nginx.mjs';
import { useBrowser, waitForMapState, type Session } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ASSETS_ELSEWHERE = fileURLToPath(new URL('../../scripts/assets-elsewhere.mjs', import.meta.url));
const SUB_PATH = '/news/graphics/badia-strike/';

let root: string;
let atRoot: RunningNginx;
let atSubPath: RunningNginx;

beforeAll(async () => {
  // A private copy: a `vite build` started meanwhile empties dist/.
  root = mkdtempSync(join(tmpdir(), 'badia-nginx-dist-'));
  cpSync(DIST, root, { recursive: true });
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!).filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`dist/ changed while it was copied (missing ${missing.join(', ')}); run again`);
  if (!existsSync(join(root, 'index.html.br'))) throw new Error('dist/ has no precompressed files: build again');
  atRoot = await startNginx({ root });
  atSubPath = await startNginx({ root, base: SUB_PATH });
});

afterAll(async () => {
  await atRoot?.stop();
  await atSubPath?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

// After the hooks above: vitest runs `afterAll` hooks last-registered first, so the browser closes
// (and drops its keep-alive connections) before nginx stops.
const browser = useBrowser();

interface Seen {
  url: string;
  status: number;
  headers: Record<string, string>;
}

/** A page on nginx that also records every response and every failed request. */
async function openOnNginx(base: string, path: string): Promise<{ s: Session; responses: Seen[]; failed: string[] }> {
  const s = await (await browser()).newSession({ width: 1280, height: 800 }, base);
  const responses: Seen[] = [];
  const failed: string[] = [];
  const pending: Promise<void>[] = [];
  s.page.on('response', (r: Response) => {
    pending.push(
      r.allHeaders().then((headers) => {
        responses.push({ url: r.url(), status: r.status(), headers });
      }),
    );
  });
  s.page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  await s.open(path);
  await waitForMapState(s.page, 'idle');
  await Promise.all(pending);
  return { s, responses, failed };
}

/** No error of any kind, and every request inside `base` (or `elsewhere`, the asset origin's folder). */
function expectLoadedClean(
  base: string,
  { s, responses, failed }: Awaited<ReturnType<typeof openOnNginx>>,
  elsewhere?: string,
): void {
  const inside = (u: string) => u.startsWith(base) || (elsewhere !== undefined && u.startsWith(elsewhere));
  // The helpers' own origin check, minus the asset origin: the rest still fails expectClean.
  s.offOrigin.splice(0, s.offOrigin.length, ...s.offOrigin.filter((u) => !inside(u)));
  s.expectClean();
  expect(failed, 'failed requests').toEqual([]);
  expect(
    responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`),
    'error responses',
  ).toEqual([]);
  expect(
    s.requests.filter((u) => !inside(u) && !u.startsWith('data:') && !u.startsWith('blob:')),
    `requests outside ${base}`,
  ).toEqual([]);
}

/** One raw response (no decoding), as a client sending exactly `acceptEncoding` gets it. */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

/** The built files of each kind, by their path in dist/. */
function builtFiles(): Record<string, string> {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const style = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)"/.exec(html)?.[1];
  const js = readFileSync(join(root, script!), 'utf8');
  const geojson = /new URL\(`([^`]+\.geojson)`/.exec(js)?.[1];
  const mapChunk = /<link rel="modulepreload"[^>]*\shref="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const worker = /(maplibre-gl-worker-(?!dev\.)[\w-]+\.mjs)/.exec(readFileSync(join(root, mapChunk!), 'utf8'))?.[1];
  const font = /url\(\.\/([^)]+\.woff2)\)/.exec(readFileSync(join(root, style!), 'utf8'))?.[1];
  const files = {
    html: 'index.html',
    js: script,
    css: style,
    geojson: geojson && `assets/${geojson}`,
    mjs: worker && `assets/${worker}`,
    woff2: font && `assets/${font}`,
    svg: 'favicon.svg',
    txt: 'robots.txt',
  };
  for (const [kind, file] of Object.entries(files)) {
    if (!file || !existsSync(join(root, file))) throw new Error(`no built ${kind} file found (${file})`);
  }
  return files as Record<string, string>;
}

const TYPES: Record<string, RegExp> = {
  html: /^text\/html; charset=utf-8$/,
  js: /^text\/javascript; charset=utf-8$/,
  mjs: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  geojson: /^application\/geo\+json$/,
  woff2: /^font\/woff2$/,
  svg: /^image\/svg\+xml; charset=utf-8$/,
  txt: /^text\/plain; charset=utf-8$/,
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('nginx (scripts/nginx/site.conf)', () => {
  it('serves the page and the embed with no error, and Chromium gets brotli for HTML, JS, CSS and GeoJSON', async () => {
    for (const path of ['', '?embed=1']) {
      const seen = await openOnNginx(atRoot.url, path);
      expectLoadedClean(atRoot.url, seen);
      const byKind = (re: RegExp) => seen.responses.filter((r) => re.test(new URL(r.url).pathname) && r.status === 200);
      const kinds: [string, RegExp][] = [
        ['html', /\/$/],
        ['js', /\.m?js$/],
        ['css', /\.css$/],
        ['geojson', /\.geojson$/],
      ];
      for (const [kind, re] of kinds) {
        const got = byKind(re);
        // The embed draws the same basemap and loads the same scripts.
        expect(got.length, `${path || '/'}: ${kind} responses`).toBeGreaterThan(0);
        for (const r of got) expect(r.headers['content-encoding'], `${r.url}`).toBe('br');
      }
      console.log(`[nginx] ${path || '/'}: ${seen.responses.length} responses, ${seen.s.requests.length} requests`);
      await seen.s.page.close();
    }
  });

  it('sends brotli or gzip as asked, and the same bytes as the build', async () => {
    for (const [kind, file] of Object.entries(builtFiles())) {
      const raw = readFileSync(join(root, file));
      const url = new URL(file === 'index.html' ? '' : file, atRoot.url).href;
      for (const accept of ['br', 'gzip', 'gzip, deflate, br', undefined]) {
        const res = await get(url, accept);
        expect(res.status, `${file} (${accept})`).toBe(200);
        const precompressed = existsSync(join(root, `${file}.gz`));
        const expected = !precompressed || accept === undefined ? undefined : accept.includes('br') ? 'br' : 'gzip';
        expect(res.headers['content-encoding'], `${kind}: ${file}, Accept-Encoding: ${accept}`).toBe(expected);
        expect(decode(res.body, res.headers['content-encoding']).equals(raw), `${file} (${accept}) decodes to the file`).toBe(
          true,
        );
        if (precompressed) expect(res.headers.vary, `${file}: Vary`).toMatch(/Accept-Encoding/i);
      }
      expect(['woff2'].includes(kind) || existsSync(join(root, `${file}.br`)) || raw.length < 100, `${file} precompressed`).toBe(
        true,
      );
    }
  });

  it('gives each kind of file its type, caching, CORS and nosniff', async () => {
    const files = builtFiles();
    for (const [kind, file] of Object.entries(files)) {
      const { headers } = await get(new URL(file === 'index.html' ? '' : file, atRoot.url).href, 'br');
      expect(headers['content-type'], `${file}: Content-Type`).toMatch(TYPES[kind]!);
      expect(headers['x-content-type-options'], `${file}: nosniff`).toBe('nosniff');
      expect(headers['cross-origin-resource-policy'], `${file}: CORP`).toBe('cross-origin');
      if (file.startsWith('assets/')) {
        expect(headers['cache-control'], `${file}: hashed, cached for good`).toBe(IMMUTABLE);
        expect(headers['access-control-allow-origin'], `${file}: readable by a sandboxed embed`).toBe('*');
      } else if (kind === 'html') {
        expect(headers['cache-control']).toBe('no-cache');
      } else {
        expect(headers['cache-control'], `${file}: not hashed, kept briefly`).toBe('public, max-age=300, must-revalidate');
        expect(headers['access-control-allow-origin'], file).toBe('*');
      }
    }
    // index.html by name, the same as the directory.
    const named = await get(new URL('index.html', atRoot.url).href);
    expect(named.headers['cache-control']).toBe('no-cache');
    expect(named.headers['content-security-policy']).toBeDefined();
    // Only for the hosts that read it.
    expect((await get(new URL('_headers', atRoot.url).href)).status).toBe(404);
    // A missing asset is not cached for a year.
    const missing = await get(new URL('assets/missing-00000000.js', atRoot.url).href);
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it("sends the page's policy as a header, the same as its meta, and allows framing anywhere", async () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(meta, 'the build has its CSP meta').toBeDefined();
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => `${name} ${values.sort().join(' ')}`)
        .sort();
    for (const path of ['', '?embed=1', 'index.html']) {
      const { headers } = await get(new URL(path, atRoot.url).href);
      const header = headers['content-security-policy'];
      expect(header, `${path}: CSP header`).toBeDefined();
      expect(directives(header!), `${path}: header and meta`).toEqual(directives(meta!));
      expect(header, 'the inline boot script is allowed by its hash').toMatch(/script-src [^;]*'sha256-[A-Za-z0-9+/=]+'/);
      expect(header).not.toMatch(/frame-ancestors/);
      expect(headers['x-frame-options']).toBeUndefined();
    }
  });

  it(`works under a sub-path (${SUB_PATH}): the page and the embed, every request inside it`, async () => {
    expect(atSubPath.url.endsWith(SUB_PATH)).toBe(true);
    for (const path of ['', '?embed=1', '?lang=ar']) {
      const seen = await openOnNginx(atSubPath.url, path);
      expectLoadedClean(atSubPath.url, seen);
      await seen.s.page.close();
    }
    // Without its slash, relative URLs would resolve one level up: nginx adds it, query kept.
    const bare = await get(`${atSubPath.url.slice(0, -1)}?embed=1`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(`${SUB_PATH}?embed=1`);
    expect((await get(new URL('/assets/', atSubPath.url).href)).status, 'nothing served outside the sub-path').toBe(404);
  });

  it('works with its assets on another origin (scripts/assets-elsewhere.mjs): the page on one nginx, assets/ on the other', async () => {
    const pageDir = mkdtempSync(join(tmpdir(), 'badia-nginx-page-'));
    let pageServer: RunningNginx | undefined;
    try {
      cpSync(root, pageDir, { recursive: true });
      // No assets/ beside the page: anything still asked for there would fail.
      rmSync(join(pageDir, 'assets'), { recursive: true });
      const r = spawnSync(process.execPath, [ASSETS_ELSEWHERE, pageDir, `${atRoot.url}assets/`], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      pageServer = await startNginx({ root: pageDir });
      const assetsOrigin = new URL(atRoot.url).origin;
      expect(new URL(pageServer.url).origin).not.toBe(assetsOrigin);
      expect((await get(pageServer.url)).headers['content-security-policy'], 'the header follows the page').toContain(
        assetsOrigin,
      );
      for (const path of ['', '?embed=1']) {
        const seen = await openOnNginx(pageServer.url, path);
        const assets = `${atRoot.url}assets/`;
        expectLoadedClean(pageServer.url, seen, assets);
        const elsewhere = seen.s.requests.filter((u) => u.startsWith(assets));
        expect(
          elsewhere.filter((u) => u.endsWith('.js')).length,
          `${path || '/'}: scripts from the asset origin`,
        ).toBeGreaterThan(0);
        expect(
          elsewhere.filter((u) => u.endsWith('.geojson')).length,
          `${path || '/'}: basemap from the asset origin`,
        ).toBeGreaterThan(0);
        await seen.s.page.close();
      }
    } finally {
      await pageServer?.stop();
      rmSync(pageDir, { recursive: true, force: true });
    }
  });
});
