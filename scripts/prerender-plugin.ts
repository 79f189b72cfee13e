import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';

const ENTRY = 'src/entry-server.tsx';
const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * After the client build, renders the app's first state into dist/index.html. The cards are
 * then in the HTML itself: readable on a slow phone before any script has loaded, and by
 * anything that reads HTML without running it. The browser hydrates the same markup.
 */
export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'prerender',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle() {
      // Inside the project, so that the server bundle resolves react-dom from node_modules.
      mkdirSync(join(config.root, 'node_modules', '.cache'), { recursive: true });
      const serverOut = mkdtempSync(join(config.root, 'node_modules', '.cache', 'prerender-'));
      try {
        await build({
          configFile: config.configFile,
          root: config.root,
          logLevel: 'warn',
          build: { ssr: ENTRY, outDir: serverOut, emptyOutDir: true, minify: false, copyPublicDir: false },
        });
        const { renderApp } = (await import(pathToFileURL(join(serverOut, 'entry-server.js')).href)) as {
          renderApp: () => string;
        };
        const htmlPath = resolve(config.root, config.build.outDir, 'index.html');
        const html = readFileSync(htmlPath, 'utf8');
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`prerender: ${ROOT_ELEMENT} not found in ${htmlPath}`);
        writeFileSync(htmlPath, html.replace(ROOT_ELEMENT, `<div id="root">${renderApp()}</div>`));
      } finally {
        rmSync(serverOut, { recursive: true, force: true });
      }
    },
  };
}
