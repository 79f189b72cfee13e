// `npm run dev` is how contributors work on the map: the dev server must draw it too (it once
// did not: its pre-bundled MapLibre did not match the worker's own imports).
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { PARTIES, card, useBrowser, waitForMapState } from './helpers.ts';

const browser = useBrowser();
let server: ViteDevServer | undefined;

afterAll(async () => {
  await server?.close();
});

describe('dev server', () => {
  it('serves a page whose map reaches idle, with the three cards and no error', async () => {
    server = await createServer({
      root: fileURLToPath(new URL('../../', import.meta.url)),
      server: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'error',
      mode: 'development',
      // As on a fresh clone: no dependency cache from an earlier run.
      optimizeDeps: { force: true },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    expect(url, 'the dev server has a local URL').toBeTruthy();
    const s = await (await browser()).newSession();
    await s.page.goto(url!);
    await waitForMapState(s.page, 'idle', 90_000);
    for (const party of PARTIES) expect(await s.page.isVisible(card(party))).toBe(true);
    expect(s.pageErrors).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
