// The build's own Vite plugins, one file each; vite.config.ts only puts them together.
export { contentSecurityPolicyPlugin } from './content-security-policy.ts';
export { downloadsPlugin } from './downloads.ts';
export { headersFilePlugin } from './headers-file.ts';
export { precompressPlugin } from './precompress.ts';
export { deferredScriptsPlugin } from './deferred-scripts.ts';
export { preloadFontsPlugin } from './preload-fonts.ts';
export { prerenderPlugin } from './prerender.ts';
export { selectedEventPlugin } from './selected-event.ts';
export { shareMetaPlugin } from './share-meta.ts';
export { validateDataPlugin } from './validate-data.ts';
