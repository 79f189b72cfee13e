/**
 * Which page the build prerenders into index.html (scripts/vite-plugins/prerender.ts stamps it
 * on #root as `data-mode`). The browser hydrates that HTML only for the same mode; a page in
 * another mode (an embed; a presentation, later) renders on the client instead, since
 * hydrating markup of another layout would fail.
 */
export type AppMode = 'reader' | 'embed';

export const PRERENDERED_MODE: AppMode = 'reader';
