// A tiny static file server for the built app, bound to loopback only. Used by the browser
// tests and the benchmark; `vite preview` is for people. Never follows paths outside `root`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing: text, as a web server's gzip settings would name them. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json)|image\/svg\+xml)/;

/**
 * Serves `root` on 127.0.0.1. `port: 0` picks a free port. With `gzip`, text is sent gzipped
 * (level 9) to clients that accept it, as a production server would (the benchmark's pages).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveStatic(root, { port = 0, headers = {}, gzip = false } = {}) {
  const base = resolve(root);
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const head = { 'content-type': type, 'cache-control': 'no-store', ...headers };
      if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }));
        body = gzipped.get(file);
        head['content-encoding'] = 'gzip';
        head.vary = 'Accept-Encoding';
      }
      res.writeHead(200, head);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4173);
  const { url } = await serveStatic(root, { port });
  console.log(`serving ${root} at ${url}`);
}
