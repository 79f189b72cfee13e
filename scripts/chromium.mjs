// The one place that says how this project starts Chromium: Debian's package, driven by
// playwright-core (browser downloads fail here), with the flags a sandboxed, offline,
// GPU-less machine needs. Used by the browser tests and the benchmark alike.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);
