/**
 * The pages the build prerenders into index.html (scripts/vite-plugins/prerender.ts): the
 * reader's page and an article's embed, each in every language. The inline script shows the one
 * the URL asks for and stamps its mode on #root as `data-mode`; the browser hydrates that HTML
 * when its first render will match it, and renders on the client otherwise (a story chapter in
 * an embed, `?plain=1`), since hydrating markup of another layout would fail.
 */
export type AppMode = 'reader' | 'embed';

export const PRERENDERED_MODES: readonly AppMode[] = ['reader', 'embed'];
