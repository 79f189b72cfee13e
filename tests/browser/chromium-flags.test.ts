// The Chromium the tests launch turns off what playwright-core turns off, and the window's UI
// pages besides (scripts/chromium.mjs). Chromium reads only the last `--disable-features`, so
// ours must repeat Playwright's list: this file fails when a new Playwright has added to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import {
  BROWSER_TEST_ARGS,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  PLAYWRIGHT_CHROMIUM_ARGS,
  PLAYWRIGHT_FEATURES_OFF,
  WINDOW_UI_FEATURES_OFF,
} from '../../scripts/chromium.mjs';

/** The features the browser process was started with off: the last `--disable-features`, as Chromium reads it. */
async function featuresOff(args: readonly string[]): Promise<string[]> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: [...args] });
  try {
    const pid = server.process().pid;
    if (pid === undefined) throw new Error('the launched Chromium has no process id');
    const switches = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const last = switches.filter((s) => s.startsWith('--disable-features=')).at(-1);
    return last ? last.slice('--disable-features='.length).split(',').filter(Boolean) : [];
  } finally {
    await server.close();
  }
}

describe("the tests' Chromium", () => {
  it("turns off every feature playwright-core itself turns off, and the address bar's pop-up page", async () => {
    const playwrights = await featuresOff(CHROMIUM_ARGS);
    expect(playwrights.length, 'Playwright passes a --disable-features of its own').toBeGreaterThan(0);
    expect(
      playwrights.filter((f) => !PLAYWRIGHT_FEATURES_OFF.includes(f)),
      "Playwright's features missing from PLAYWRIGHT_FEATURES_OFF (scripts/chromium.mjs)",
    ).toEqual([]);
    for (const [name, args] of Object.entries({ PLAYWRIGHT_CHROMIUM_ARGS, BROWSER_TEST_ARGS })) {
      const ours = await featuresOff(args);
      expect(
        [...playwrights, ...WINDOW_UI_FEATURES_OFF].filter((f) => !ours.includes(f)),
        `features left on by ${name}`,
      ).toEqual([]);
    }
  });
});
