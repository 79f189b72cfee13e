// Runs Debian's nginx with this project's configuration (site.conf) on 127.0.0.1, as the current
// user, from a private prefix directory: what tests/browser/nginx.test.ts tests, and what
// `node scripts/nginx/nginx.mjs [dist] [port] [base]` serves for a person to try.
//   node scripts/nginx/nginx.mjs --print [dist] [base]   prints the rendered server block
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = 'ngx_http_brotli_static_module.so';
const INSTALL = 'apt-get install -y nginx libnginx-mod-http-brotli-static';

/** Debian's --modules-path (/usr/lib/nginx/modules), from `nginx -V`. */
export function modulesPath() {
  const r = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  if (r.error) throw new Error(`nginx is not installed at ${NGINX} (${r.error.message}); install it: ${INSTALL}`);
  return /--modules-path=(\S+)/.exec(r.stderr)?.[1] ?? '/usr/lib/nginx/modules';
}

/** Fails with the install command when nginx or its brotli_static module is missing. */
export function checkNginx() {
  const modules = modulesPath();
  if (!existsSync(join(modules, BROTLI_MODULE))) {
    throw new Error(`nginx's brotli_static module is missing (${join(modules, BROTLI_MODULE)}); install it: ${INSTALL}`);
  }
  return modules;
}

/** The Content-Security-Policy of a built index.html's <meta>, as a header would carry it. */
export function cspOfBuild(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!meta) throw new Error(`no Content-Security-Policy <meta> in ${join(root, 'index.html')}`);
  return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

function normalizeBase(base) {
  const path = `/${base}/`.replace(/\/{2,}/g, '/');
  if (!/^[A-Za-z0-9/._~-]+$/.test(path)) throw new Error(`base path ${JSON.stringify(base)}: only URL-safe characters`);
  return path;
}

/**
 * site.conf with its placeholders filled in.
 * @param {{ root: string, listen: string, base?: string, csp?: string }} opts
 */
export function renderSite({ root, listen, base = '/', csp = cspOfBuild(root) }) {
  const path = normalizeBase(base);
  if (/["\\$]/.test(csp)) throw new Error('the policy cannot go into an nginx string as it is');
  // Without the slash, the page's relative URLs (./assets/…) would resolve one level up.
  const redirect = path === '/' ? '' : `    location = ${path.slice(0, -1)} {\n        return 301 ${path}$is_args$args;\n    }\n`;
  return readFileSync(join(HERE, 'site.conf'), 'utf8')
    .replace('{{SUBPATH_REDIRECT}}\n', () => redirect)
    .replaceAll('{{LISTEN}}', () => listen)
    .replaceAll('{{BASE}}', () => path)
    .replaceAll('{{ROOT}}', () => `${resolve(root)}/`)
    .replaceAll('{{CSP}}', () => csp);
}

async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function waitUntilAnswering(url, child, log, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  const errors = existsSync(log) ? readFileSync(log, 'utf8').trim() : '';
  throw new Error(`nginx did not answer at ${url} within ${timeoutMs} ms${errors ? `:\n${errors}` : ''}`);
}

/**
 * Starts nginx serving `root` at `base` on 127.0.0.1:`port` (0: a free one).
 * @param {{ root: string, port?: number, base?: string, csp?: string }} opts
 * @returns {Promise<{ url: string, port: number, prefix: string, stop: () => Promise<void> }>}
 */
export async function startNginx({ root, port = 0, base = '/', csp }) {
  const modules = checkNginx();
  const prefix = mkdtempSync(join(tmpdir(), 'badia-nginx-'));
  const conf = join(prefix, 'nginx.conf');
  try {
    for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
    writeFileSync(
      conf,
      readFileSync(join(HERE, 'nginx.conf'), 'utf8')
        .replaceAll('{{PREFIX}}', () => prefix)
        .replaceAll('{{MODULES}}', () => modules)
        // Started by root, nginx would run its workers as "nobody", who cannot read a private
        // temp copy of dist/; as anyone else it runs as that user and ignores `user`.
        .replace('{{USER}}', () => (process.getuid?.() === 0 ? 'user root;\n' : '')),
    );
    const listenOn = async () => `127.0.0.1:${port || (await freePort())}`;
    let listen = await listenOn();
    writeFileSync(join(prefix, 'site.conf'), renderSite({ root, listen, base, csp }));
    const test = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', conf], { encoding: 'utf8' });
    if (test.status !== 0) throw new Error(`nginx -t refused the configuration in ${prefix}:\n${test.stderr}`);
    for (let attempt = 0; ; attempt++) {
      // daemon off: nginx stays this process's child, so a crashed test cannot leave it behind.
      const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const url = `http://${listen}${normalizeBase(base)}`;
      try {
        await waitUntilAnswering(url, child, join(prefix, 'error.log'));
      } catch (err) {
        child.kill('SIGKILL');
        // Another process took the free port between the probe and nginx's bind: try another.
        if (!port && attempt < 3 && /Address already in use/.test(stderr)) {
          listen = await listenOn();
          writeFileSync(join(prefix, 'site.conf'), renderSite({ root, listen, base, csp }));
          continue;
        }
        throw new Error(`${err.message}${stderr ? `\n${stderr.trim()}` : ''}`, { cause: err });
      }
      const stop = async () => {
        if (child.exitCode === null) {
          const exited = new Promise((ok) => child.once('exit', ok));
          // QUIT: a graceful stop (open keep-alive connections closed); KILL if it hangs.
          child.kill('SIGQUIT');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(prefix, { recursive: true, force: true });
      };
      return { url, port: Number(listen.split(':')[1]), prefix, stop };
    }
  } catch (err) {
    rmSync(prefix, { recursive: true, force: true });
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args[0] === '--print') {
    const [root = 'dist', base = '/'] = args.slice(1);
    process.stdout.write(renderSite({ root, listen: '80', base }));
  } else {
    const [root = 'dist', port = '8080', base = '/'] = args;
    const { url, stop } = await startNginx({ root, port: Number(port), base });
    console.log(`nginx serving ${root} at ${url} (Ctrl-C stops it)`);
    process.once('SIGINT', () => void stop().then(() => process.exit(0)));
    process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  }
}
