/**
 * How many browser test files run side by side, each in its own worker with its own Chromium
 * (global-setup.ts). Two on this 2-core machine: a SwiftShader page keeps about one core busy,
 * its GPU process's main thread waiting on each frame, so a second file uses what the first
 * leaves idle. Set BROWSER_WORKERS=1 to run one file at a time.
 */
export const BROWSER_WORKERS = Math.max(1, Math.min(4, Number(process.env.BROWSER_WORKERS) || 2));
