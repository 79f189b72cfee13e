// Global setup of the `browser` vitest project: build the app (unless the runner already did),
// serve dist/ on 127.0.0.1 and hand its URL to the tests through `inject('baseUrl')`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserServer } from 'playwright-core';
import { BROWSER_TEST_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { missingPrerequisites } from '../../scripts/prerequisites.mjs';
import { FICTIONAL_EVENT_DIR } from '../fixtures/events.ts';
import { BROWSER_WORKERS } from './workers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT/ serving the production build in dist/. */
    baseUrl: string;
    /** The same for a build of the fictional test event (EVENT=tests/fixtures/events/…). */
    fictionalUrl: string;
    /** The folder that build was written to, for tests that read the built files. */
    fictionalDist: string;
    /** The run's Chromiums, one per worker (tests/browser/helpers.ts connects to its own), or why they did not start. */
    chromium: { wsEndpoints?: string[]; error?: string };
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function build(extraArgs: readonly string[] = [], event?: string): void {
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  // Vitest sets NODE_ENV=test, which would bundle React's development build: the browser
  // tests must see what readers get.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  if (event) env.EVENT = event;
  else delete env.EVENT;
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) throw new Error(`browser tests: \`vite build\` failed (exit ${r.status ?? r.signal})`);
}

/**
 * One Chromium per test worker (BROWSER_WORKERS, vite.config.ts): each file connects to its
 * worker's and makes a context per test. Each has its own GPU process, whose main thread is
 * where a SwiftShader page spends most of its time; two files sharing one queue there.
 * A launch that fails is handed to the tests as its message, so that each fails with it.
 */
async function startChromiums(
  count: number,
): Promise<{ servers: BrowserServer[]; provided: { wsEndpoints?: string[]; error?: string } }> {
  const missing = missingPrerequisites().filter((m) => m.package === 'chromium');
  if (missing.length) return { servers: [], provided: { error: missing[0]!.message } };
  const launches = Array.from({ length: count }, () =>
    chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: [...BROWSER_TEST_ARGS] }),
  );
  const settled = await Promise.allSettled(launches);
  const servers = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
    return {
      servers: [],
      provided: {
        error: `Chromium could not be launched (${CHROMIUM_PATH} ${BROWSER_TEST_ARGS.join(' ')}): ${(failed.reason as Error).message}`,
      },
    };
  }
  return { servers, provided: { wsEndpoints: servers.map((server) => server.wsEndpoint()) } };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browsers = await startChromiums(BROWSER_WORKERS);
  project.provide('chromium', browsers.provided);
  const haveBuild = existsSync(`${dist}index.html`);
  const alreadyBuilt = process.env.BUILD_DONE === '1' || process.env.SKIP_BUILD !== undefined;
  if (!haveBuild || !alreadyBuilt) build();
  if (!existsSync(`${dist}index.html`)) throw new Error('browser tests: dist/index.html missing after the build');

  const { serveStatic } = (await import(new URL('../../scripts/serve-static.mjs', import.meta.url).href)) as {
    serveStatic: (root: string, opts: { port: number }) => Promise<{ url: string; close: () => Promise<void> }>;
  };
  // Serve a private copy: a `vite build` started meanwhile (by a person or another tool) empties
  // dist/ and would pull the files out from under a running test.
  const snapshot = mkdtempSync(join(tmpdir(), 'badia-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const html = readFileSync(join(snapshot, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((f) => !existsSync(join(snapshot, f)));
  if (missing.length) {
    rmSync(snapshot, { recursive: true, force: true });
    throw new Error(`browser tests: dist/ changed while it was copied (missing ${missing.join(', ')}); run again`);
  }
  const server = await serveStatic(snapshot, { port: 0 });
  project.provide('baseUrl', server.url);

  // The fictional event, built on its own into a private folder (never dist/): by
  // scripts/run-tests.mjs beside the other checks (FICTIONAL_DIST), or here.
  const builtByRunner = process.env.FICTIONAL_DIST;
  const fictionalDist =
    builtByRunner && existsSync(join(builtByRunner, 'index.html'))
      ? builtByRunner
      : mkdtempSync(join(tmpdir(), 'badia-fictional-dist-'));
  if (fictionalDist !== builtByRunner) build(['--outDir', fictionalDist, '--emptyOutDir'], FICTIONAL_EVENT_DIR);
  const fictionalServer = await serveStatic(fictionalDist, { port: 0 });
  project.provide('fictionalUrl', fictionalServer.url);
  project.provide('fictionalDist', fictionalDist);

  return async () => {
    await Promise.all(browsers.servers.map((server) => server.close()));
    await server.close();
    await fictionalServer.close();
    rmSync(snapshot, { recursive: true, force: true });
    // The runner's folder is the runner's to remove.
    if (fictionalDist !== builtByRunner) rmSync(fictionalDist, { recursive: true, force: true });
  };
}
