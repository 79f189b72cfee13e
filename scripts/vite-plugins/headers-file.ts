import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { PRECOMPRESSED } from './precompress.ts';

export const HEADERS_FILE = '_headers';

/** The same values as scripts/nginx/site.conf, which says why each is there. */
export const CACHE = {
  page: 'no-cache',
  hashed: 'public, max-age=31536000, immutable',
  other: 'public, max-age=300, must-revalidate',
} as const;

/** The policy of a built index.html's `<meta>` (Vite writes its quotes as &#39;). */
export function cspOfHtml(html: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!meta?.[1]) throw new Error('headers-file: no Content-Security-Policy <meta> in index.html');
  return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/**
 * A `_headers` file, as Netlify and Cloudflare Pages read it, for a build at the site's root.
 * No two rules give the same header to one path: Cloudflare joins repeated values with a comma
 * ("no-cache, public, max-age=31536000…"), so Cache-Control is set per path, never under `/*`.
 * @param files paths of the build's files, relative to dist/, with `/` separators
 */
export function headersFile(csp: string, files: readonly string[]): string {
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const page = { 'Cache-Control': CACHE.page, 'Content-Security-Policy': csp };
  const others = files
    .filter((f) => f !== 'index.html' && f !== HEADERS_FILE && !f.startsWith('assets/') && !PRECOMPRESSED.test(f))
    .sort();
  return [
    `# Response headers for Netlify and Cloudflare Pages, written by the build (scripts/vite-plugins/headers-file.ts)`,
    `# for this build: the policy's script hash changes with it. See docs/DEPLOY.md.`,
    rule('/*', { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
    rule('/', page),
    rule('/index.html', page),
    rule('/assets/*', { 'Cache-Control': CACHE.hashed, 'Access-Control-Allow-Origin': '*' }),
    ...others.map((f) => rule(`/${f}`, { 'Cache-Control': CACHE.other, 'Access-Control-Allow-Origin': '*' })),
    '',
  ].join('\n');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Writes dist/_headers once the prerender has put the final policy (with its hash) in index.html. */
export function headersFilePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'headers-file',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const dist = resolve(config.root, config.build.outDir);
        const csp = cspOfHtml(readFileSync(join(dist, 'index.html'), 'utf8'));
        writeFileSync(join(dist, HEADERS_FILE), headersFile(csp, listFiles(dist)));
      },
    },
  };
}
