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

/**
 * The features playwright-core turns off in every Chromium it launches (its `disabledFeatures`,
 * 1.65). Chromium reads only the last `--disable-features` switch, so a launch that turns off
 * more must repeat these; tests/browser/chromium-flags.test.ts fails when Playwright's list has
 * grown past this one.
 */
export const PLAYWRIGHT_FEATURES_OFF = Object.freeze([
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]);

/**
 * The address bar's pop-up, a WebUI page (chrome://omnibox-popup.top-chrome) that headless
 * Chromium builds in a renderer of its own for every new window, and so for every browser
 * context: about 1.5 s of CPU each here (measured: 2.7 s of machine CPU per context with it,
 * 1.2 s without). No page sees it; the tests open one context per test.
 */
export const WINDOW_UI_FEATURES_OFF = Object.freeze([
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
]);

/** CHROMIUM_ARGS for a Chromium that playwright-core launches: its features off, and the window's UI. */
export const PLAYWRIGHT_CHROMIUM_ARGS = Object.freeze([
  ...CHROMIUM_ARGS,
  `--disable-features=${[...PLAYWRIGHT_FEATURES_OFF, ...WINDOW_UI_FEATURES_OFF].join(',')}`,
]);

/**
 * PLAYWRIGHT_CHROMIUM_ARGS for the browser tests, with the page composited in software: WebGL
 * still draws with SwiftShader, but the window's frames no longer go through it as well. On this
 * GPU-less machine that made six map-heavy test files 19% faster (126.3 s → 101.8 s, every test
 * passing, the pixel comparisons included) and saved 0.35 s of CPU per browser context. The
 * bench keeps GPU compositing: its figures stay comparable from report to report.
 */
export const BROWSER_TEST_ARGS = Object.freeze([...PLAYWRIGHT_CHROMIUM_ARGS, '--disable-gpu-compositing']);
