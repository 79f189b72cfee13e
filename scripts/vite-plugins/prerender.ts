import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { ARABIC_FACES, fontUrls } from './preload-fonts.ts';
import { DEFERRED_SCRIPTS_ID } from './deferred-scripts.ts';
import { resolveSelectedEvent } from './selected-event.ts';
import { loadBasemap } from './validate-data.ts';
import type { Basemap } from '../../src/domain/types.ts';

const ENTRY = 'src/entry-server.tsx';
const ROOT_ELEMENT = '<div id="root"></div>';
const HEAD_END = '</head>';
// Vite writes the CSP meta's quotes as &#39;.
const SCRIPT_SRC = /script-src (?:'|&#39;)self(?:'|&#39;)/;

type Lang = 'en' | 'ar';
type AppMode = 'reader' | 'embed';

interface ServerEntry {
  renderApp: (lang: Lang, mode: AppMode, mapPlaceholder: string) => string;
  renderMapPlaceholder: (basemap: Basemap) => string;
  documentTitle: (lang: Lang) => string;
  documentDescription: (lang: Lang) => string;
  chooseLang: (search: string, preferred: readonly string[]) => Lang;
  LANGS: readonly Lang[];
  LANG_DIR: Readonly<Record<Lang, 'ltr' | 'rtl'>>;
  PRERENDERED_MODES: readonly AppMode[];
}

/**
 * After the client build, renders the app's first state into dist/index.html, once per
 * language. The cards are then in the HTML itself: readable on a slow phone before any script
 * has loaded, and by anything that reads HTML without running it. The first language sits in
 * #root; the others wait in inert <template>s (not displayed, not in the accessibility tree).
 *
 * A small inline script in <head> runs the app's own `chooseLang` (its source, from the server
 * bundle) before the first paint: it sets `<html lang dir>` and the mode's flags, and once the
 * body is parsed swaps in the chosen language and mode. A page that needs the swap keeps #root
 * hidden until then, so an Arabic reader never sees the English page flash by (Chromium may
 * paint a long document before its parser reaches the end). The browser then hydrates the same
 * markup. The script is allowed by its hash in the CSP, not by
 * 'unsafe-inline'.
 */
export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'prerender',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(_options, bundle) {
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
        const entry = (await import(pathToFileURL(join(serverOut, 'entry-server.js')).href)) as ServerEntry;
        const htmlPath = resolve(config.root, config.build.outDir, 'index.html');
        const html = readFileSync(htmlPath, 'utf8');
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`prerender: ${ROOT_ELEMENT} not found in ${htmlPath}`);
        if (!html.includes(HEAD_END)) throw new Error(`prerender: no ${HEAD_END} in ${htmlPath}`);
        if (!SCRIPT_SRC.test(html)) throw new Error(`prerender: no "script-src 'self'" in the CSP of ${htmlPath}`);
        const [defaultLang, ...otherLangs] = entry.LANGS;
        if (!defaultLang) throw new Error('prerender: no language');
        const bootScript = languageBootScript(entry, defaultLang, { ar: fontUrls(bundle, ARABIC_FACES) });
        const { basemapDir } = resolveSelectedEvent(config.root);
        const mapPlaceholder = entry.renderMapPlaceholder(loadBasemap(config.root, basemapDir).layers);
        if (entry.PRERENDERED_MODES.join() !== 'reader,embed') {
          throw new Error(
            `prerender: the boot script knows the modes reader and embed, not ${entry.PRERENDERED_MODES.join(', ')}`,
          );
        }
        // The reader's page in the first language is the page itself; every other language and
        // the embed wait in inert templates, which the boot script picks from.
        const template = (lang: Lang, mode: AppMode) =>
          `<template id="prerendered-${mode}-${lang}" data-prerendered="${mode}-${lang}" data-title="${escapeAttribute(entry.documentTitle(lang))}" data-description="${escapeAttribute(entry.documentDescription(lang))}">${entry.renderApp(lang, mode, '')}</template>`;
        const prerendered = [
          `<div id="root" data-lang="${defaultLang}" data-mode="reader">${entry.renderApp(defaultLang, 'reader', mapPlaceholder)}</div>`,
          ...otherLangs.map((lang) => template(lang, 'reader')),
          ...entry.LANGS.map((lang) => template(lang, 'embed')),
        ].join('\n    ');
        const scriptHash = `sha256-${createHash('sha256').update(bootScript).digest('base64')}`;
        writeFileSync(
          htmlPath,
          html
            .replace(HEAD_END, () => `  <script>${bootScript}</script>\n  </head>`)
            .replace(ROOT_ELEMENT, () => prerendered)
            .replace(SCRIPT_SRC, (directive) => `${directive} &#39;${scriptHash}&#39;`),
        );
      } finally {
        rmSync(serverOut, { recursive: true, force: true });
      }
    },
  };
}

/** `fonts`: the faces to preload for a page in each language, besides those every page preloads. */
function languageBootScript(entry: ServerEntry, defaultLang: Lang, fonts: Partial<Record<Lang, readonly string[]>>): string {
  const source = entry.chooseLang.toString();
  if (!source.startsWith('function chooseLang(')) throw new Error('prerender: chooseLang is not a self-contained function');
  return `(() => {
  const chooseLang = ${source};
  const dirs = ${JSON.stringify(entry.LANG_DIR)};
  const lang = chooseLang(location.search, navigator.languages ?? [navigator.language]);
  const html = document.documentElement;
  html.lang = lang;
  html.dir = dirs[lang];
  // Before the first layout, so that the page's optional faces arrive in time (src/styles/fonts.css).
  for (const href of ${JSON.stringify(fonts)}[lang] || []) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: '', href });
    document.head.append(link);
  }
  // Presentation mode hides the page's chrome: hidden from the first paint, not a moment later
  // (the whole page would jump up). The app takes the flag back for an event without a story.
  const params = new URLSearchParams(location.search);
  const flag = (name) => {
    const value = (params.get(name) || '').trim().toLowerCase();
    return value.length <= 64 && (value === '1' || value === 'true');
  };
  if (flag('present')) html.dataset.presenting = '';
  // An article's embed has its own layout, prerendered beside the reader's page (read as
  // src/store/url-params.ts reads the flags); \`?plain=1\` leaves out its title and credits.
  const embed = flag('embed');
  const mode = embed ? 'embed' : 'reader';
  if (embed) html.dataset.embed = '';
  // #root holds the reader's page in the first language; any other page waits in a template
  // further down. Until the parser has reached it, #root stays hidden (src/styles/app.css).
  const swaps = lang !== ${JSON.stringify(defaultLang)} || mode !== 'reader';
  if (swaps) html.dataset.prerenderPending = '';
  const showChosenPage = () => {
    const root = document.getElementById('root');
    const prerendered = document.getElementById('prerendered-' + mode + '-' + lang);
    // The drawing of the map's opening view is in the first language's page only: it moves to
    // the page shown (src/map/map-placeholder.tsx; src/main.tsx hands it back to React).
    const drawing = root && root.querySelector('.map-placeholder > svg');
    if (root && prerendered) {
      const page = prerendered.content.cloneNode(true);
      const slot = page.querySelector('.map-placeholder');
      if (drawing && slot) slot.append(drawing);
      if (embed && flag('plain')) for (const part of page.querySelectorAll('.embed-header, .embed-credits')) part.remove();
      root.replaceChildren(page);
      root.dataset.lang = lang;
      root.dataset.mode = mode;
      document.title = prerendered.dataset.title;
      const description = document.querySelector('meta[name="description"]');
      if (description) description.setAttribute('content', prerendered.dataset.description);
    }
  };
  // The app's scripts, once this page's first contentful paint is on screen (its paint entry
  // comes when the frame has been presented, not merely drawn), see
  // scripts/vite-plugins/deferred-scripts.ts. A hidden tab, or a frame its host keeps off
  // screen, renders no frame at all: there, the scripts start half a second after the page's
  // load event (so an embed below the fold still tells its host its height). A page that does
  // render frames waits for its paint, up to three seconds after load.
  let started = false;
  let rendering = false;
  requestAnimationFrame(() => (rendering = true));
  const start = () => {
    if (started) return;
    started = true;
    const scripts = document.getElementById(${JSON.stringify(DEFERRED_SCRIPTS_ID)});
    if (scripts) document.head.append(document.importNode(scripts.content, true));
  };
  const fallback = () => {
    setTimeout(() => rendering || start(), 500);
    setTimeout(start, 3000);
  };
  // The rest needs the whole body: the chosen page's template and the scripts' template.
  const whenParsed = () => {
    try {
      if (swaps) showChosenPage();
    } finally {
      delete html.dataset.prerenderPending;
    }
    // An embed starts its scripts as soon as the document is parsed: a frame its host keeps
    // off screen renders no frame to wait for, and the article's reader should find the map
    // live when they scroll to it.
    if (embed) return start();
    try {
      new PerformanceObserver((entries, observer) => {
        if (!entries.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        setTimeout(start, 0);
      }).observe({ type: 'paint', buffered: true });
    } catch {
      requestAnimationFrame(() => setTimeout(start, 0));
    }
    if (document.readyState === 'complete') fallback();
    else addEventListener('load', fallback, { once: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed, { once: true });
  else whenParsed();
})();`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
