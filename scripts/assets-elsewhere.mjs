// The page of a build, for a site whose assets/ are served from another origin (a CDN):
//   node scripts/assets-elsewhere.mjs dist https://cdn.example/badia/assets/
// rewrites dist/index.html in place (and its .gz/.br) so that it names its scripts and styles
// at that URL and its policy allows that origin. Everything else follows without a change: the
// chunks name their imports, fonts, basemap and worker relative to themselves, and MapLibre
// starts a worker from another origin through a same-origin blob: module (worker-src blob:).
// The asset origin must send Access-Control-Allow-Origin (scripts/nginx/site.conf does).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Directives under which the page fetches from assets/ (the worker's own fetches included). */
const DIRECTIVES = ['script-src', 'style-src', 'font-src', 'connect-src', 'img-src', 'worker-src'];

/**
 * @param {string} html a built index.html
 * @param {string} assetsUrl absolute URL of the build's assets/ folder, ending in a slash
 */
export function pageWithAssetsAt(html, assetsUrl) {
  const url = new URL(assetsUrl);
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith('/') || url.search || url.hash) {
    throw new Error(`assets URL ${assetsUrl}: an http(s) URL of a folder, ending in "/"`);
  }
  const refs = /((?:src|href)=")\.\/assets\//g;
  if (!refs.test(html)) throw new Error('no ./assets/ reference in index.html: is it a build of this app?');
  let out = html.replace(refs, (_, attr) => `${attr}${url.href}`);
  for (const directive of DIRECTIVES) {
    const re = new RegExp(`(${directive} (?:'|&#39;)self(?:'|&#39;))`);
    if (!re.test(out)) throw new Error(`no "${directive} 'self'" in the policy of index.html`);
    out = out.replace(re, (d) => `${d} ${url.origin}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, assetsUrl] = process.argv.slice(2);
  if (!dist || !assetsUrl) {
    console.error('usage: node scripts/assets-elsewhere.mjs <dist> <absolute URL of assets/>');
    process.exit(2);
  }
  const file = join(dist, 'index.html');
  const html = pageWithAssetsAt(readFileSync(file, 'utf8'), assetsUrl);
  writeFileSync(file, html);
  // A stale precompressed page would be served in place of the new one.
  rmSync(`${file}.gz`, { force: true });
  rmSync(`${file}.br`, { force: true });
  writeFileSync(`${file}.gz`, gzipSync(html, { level: constants.Z_BEST_COMPRESSION }));
  writeFileSync(`${file}.br`, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  console.log(`${file}: assets from ${assetsUrl}; render the server config again (its CSP header) before deploying`);
}
