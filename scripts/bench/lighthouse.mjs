// Lighthouse for `npm run bench`: one run of the npm package against a page served on
// 127.0.0.1, in Debian's Chromium started with the tests' own flags (scripts/chromium.mjs).
// Lighthouse's defaults otherwise: the mobile preset (a mid-range phone, 4x CPU slowdown, slow
// 4G, simulated) or its desktop preset, every category.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

export const PRESETS = ['mobile', 'desktop'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The metrics the report shows, by Lighthouse audit id; times in ms. */
export const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  si: 'speed-index',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};

/**
 * @param {string} url
 * @param {'mobile' | 'desktop'} preset
 * @returns {Promise<{ scores: Record<string, number | null>, metrics: Record<string, number | null>,
 *   failedAudits: string[], longTasks: { url: string, duration: number }[], runtimeError: string | null }>}
 */
export async function runLighthouse(url, preset) {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS], logLevel: 'silent' });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return summarize(result.lhr);
  } finally {
    await chrome.kill();
  }
}

/** What the bench keeps of one Lighthouse result. */
function summarize(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? null]));
  // Every scored audit below full marks outside performance: why a category is not 1.
  const failedAudits = [];
  for (const c of CATEGORIES.filter((c) => c !== 'performance')) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failedAudits.push(`${c}: ${ref.id}`);
    }
  }
  const longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({
    url: String(t.url),
    duration: Number(t.duration),
  }));
  return { scores, metrics, failedAudits, longTasks, runtimeError: lhr.runtimeError?.message ?? null };
}
