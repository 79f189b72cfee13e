import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Text formats only: woff2, png and the like are compressed already, and a second pass mostly
 * costs the server a lookup for nothing.
 */
export const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.geojson',
  '.csv',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
  '.map',
]);

/** The siblings this plugin writes; anything that lists dist/ to count or check files skips them. */
export const PRECOMPRESSED = /\.(?:gz|br)$/;

export interface Precompressed {
  file: string;
  gzip: number | null;
  brotli: number | null;
}

/**
 * Writes `<file>.gz` (gzip 9) and `<file>.br` (brotli 11) beside every compressible file under
 * `dir`, each only when smaller than the file itself, so that nginx's `gzip_static` and
 * `brotli_static` (and any host that serves precompressed siblings) send them as they are,
 * at a ratio no on-the-fly compression can afford. Stale siblings from an earlier run are
 * removed first: a `.gz` that no longer matches its file would be served in its place.
 */
export function precompressDir(dir: string): Precompressed[] {
  const files = listFiles(dir);
  for (const file of files.filter((f) => PRECOMPRESSED.test(f))) rmSync(file);
  const written: Precompressed[] = [];
  for (const file of files) {
    if (PRECOMPRESSED.test(file) || !COMPRESSIBLE.has(extname(file).toLowerCase())) continue;
    const body = readFileSync(file);
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const entry: Precompressed = { file, gzip: null, brotli: null };
    if (gz.length < body.length) {
      writeFileSync(`${file}.gz`, gz);
      entry.gzip = gz.length;
    }
    if (br.length < body.length) {
      writeFileSync(`${file}.br`, br);
      entry.brotli = br.length;
    }
    written.push(entry);
  }
  return written;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Precompresses the finished build. It must see dist/ as readers get it: the prerender plugin
 * rewrites index.html in `writeBundle`, so this runs in `closeBundle` (after every
 * `writeBundle`), last and on its own (`order: 'post'`, `sequential`).
 */
export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'precompress',
    // Not for the prerender plugin's server bundle, which is built with the same config.
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const written = precompressDir(resolve(config.root, config.build.outDir));
        config.logger.info(`precompress: ${written.length} files, .gz and .br beside each where smaller`);
      },
    },
  };
}
