// `npm run share-image`: the picture a link to the map shows in a social feed or a CMS card
// (Open Graph, Twitter, oEmbed's thumbnail), taken from the real build: the chosen event's
// embed page without chrome, 1200 × 630, in headless Chromium. Written into the event's own
// folder as share.png (the build copies it to dist/), so each event has its own.
// Flags: --skip-build (use dist/ as it is).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_ARGS } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values: flags } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false } } });
const { runnerImport } = await import('vite');
const { module: selection } = await runnerImport(join(root, 'scripts/vite-plugins/selected-event.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
const { dir, label } = selection.resolveSelectedEvent(root);

if (!flags['skip-build']) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = await serveStatic(join(root, 'dist'), { port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...PLAYWRIGHT_CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?embed=1&plain=1&static=1&lang=en`);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle',
    null,
    {
      timeout: 60_000,
    },
  );
  const png = await page.screenshot({ type: 'png' });
  const out = join(dir, 'share.png');
  writeFileSync(out, png);
  console.log(`share-image: wrote ${label}/share.png (${png.length} bytes)`);
} finally {
  await browser.close();
  await server.close();
}
