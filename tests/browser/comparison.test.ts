// Weighing the versions: the legend and its layer switches, the comparison table, the measured
// gaps, the timeline, the glossary, the sources and the data to download, as a reader uses them.
// One page per language does it all, in an order where no step disturbs what a later one reads:
// the table at 1280 and 320 px, axe with everything open at both widths, then what changes the
// page (the layer switches, a selection).
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { parseEvent } from '../../src/domain/load-event.ts';
import { COMPARISON_QUESTIONS, type Lang } from '../../src/domain/types.ts';
import { claimGaps } from '../../src/domain/gaps.ts';
import { downloadFiles } from '../../src/domain/export.ts';
import { gapText } from '../../src/i18n/event-text.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import {
  appState,
  axeViolations,
  baseUrl,
  openIdle,
  settledCanvas,
  STATE_CEILING_MS,
  useBrowser,
  waitSelected,
  waitSettled,
  type AppStateSnapshot,
} from './helpers.ts';
import { diffCount, type Image } from './image.ts';

const event = parseEvent(realEventInput());
// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };

/**
 * Resizes the page, then puts the map back at the opening view as a page opened at this size
 * frames it (a resize keeps the camera, which at another size shows another stretch of ground
 * and other markers), and waits for it to rest there.
 */
async function resizeToOpeningView(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await expect.poll(() => page.evaluate(() => innerWidth), { message: `laid out at ${viewport.width} px` }).toBe(viewport.width);
  // Reset view: a jump, as the whole file runs with reduced motion.
  await page.locator('[data-testid="reset-view"]').click();
  await waitSettled(page);
  expect((await appState(page)).view.isHomeCamera, 'the opening view').toBe(true);
}

/**
 * Opens every disclosure a reader would open: the legend (on a phone), the gaps, the glossary.
 * What is open already stays open.
 */
async function openEverything(page: Page): Promise<void> {
  const expand = page.locator('.legend-expand');
  if ((await expand.isVisible()) && (await expand.getAttribute('aria-expanded')) !== 'true') await expand.click();
  for (const details of ['.gaps-details', '[data-testid="glossary"]']) {
    if (!(await page.locator(details).evaluate((el) => (el as HTMLDetailsElement).open))) {
      await page.locator(`${details} > summary`).click();
    }
  }
}

/** Every party and every question in `lang`, with the editors' marks and links into the sources list. */
async function expectComparisonTable(page: Page, lang: Lang): Promise<void> {
  const table = page.locator('[data-testid="comparison"] table');
  expect(await table.locator('thead th[data-party]').count()).toBe(event.parties.length);
  expect(await table.locator('tbody[data-question]').count()).toBe(COMPARISON_QUESTIONS.length);
  for (const version of event.versions) {
    expect(await table.locator(`tbody[data-question="target"] td[data-party="${version.party}"]`).innerText()).toContain(
      version.target[lang],
    );
  }
  const marks = table.locator('[data-testid="comparison-mark"]');
  expect(await marks.count()).toBe(event.comparison.marks.length);
  for (const mark of event.comparison.marks) expect(await table.innerText()).toContain(mark.note[lang]);
  const firstSource = table.locator('.comparison-sources a').first();
  const target = (await firstSource.getAttribute('href'))!;
  expect(await page.locator(target).count(), `${target} is in the sources list`).toBe(1);
}

/** At 320 px: one block per question, nothing cut off, each party's place in `lang`. */
async function expectTableAsBlocks(page: Page, lang: Lang): Promise<void> {
  const display = await page
    .locator('[data-testid="comparison"] tbody')
    .first()
    .evaluate((el) => getComputedStyle(el).display);
  expect(display).toBe('block');
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="comparison"] *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
      })
      .map((el) => el.tagName + (el.className ? `.${String(el.className)}` : '')),
  );
  expect(overflowing).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  for (const party of event.parties) {
    expect(
      await page.locator(`[data-testid="comparison"] tbody[data-question="place"] td[data-party="${party.id}"]`).innerText(),
    ).toContain(party.shortName[lang]);
  }
}

/**
 * The table at 1280 px, then at 320 px (laid out as blocks), and axe with the legend, table,
 * gaps, timeline and glossary open at 320 px and back at 1280 px. Leaves the page at 1280 px at
 * the opening view, with everything open and nothing else changed.
 */
async function expectTableAndAxeAtBothWidths(page: Page, lang: Lang): Promise<void> {
  await expectComparisonTable(page, lang);
  await resizeToOpeningView(page, PHONE);
  await expectTableAsBlocks(page, lang);
  await openEverything(page);
  expect(await axeViolations(page), `axe at ${PHONE.width} px with everything open`).toEqual([]);
  await resizeToOpeningView(page, WIDE);
  await openEverything(page);
  expect(await axeViolations(page), `axe at ${WIDE.width} px with everything open`).toEqual([]);
}

async function layers(page: Page): Promise<AppStateSnapshot['view']['layers']> {
  return (await appState(page)).view.layers;
}

describe('the comparison, the legend, the gaps and the timeline, in English', () => {
  it("the table (every party and question, the editors' marks and their sources) at 1280 px and as one block per question at 320 px; axe finds nothing with everything open at both; the legend lists every party and context ring, each switch and the gaps' own button change the canvas; the gaps table gives every pair in words; a column selects its party; the timeline runs earliest first with its corrections and selects an entry's party", async () => {
    const s = await openIdle(browser, WIDE, '?lang=en');
    const { page } = s;
    await expectTableAndAxeAtBothWidths(page, 'en');

    // The legend's contents.
    const legend = page.locator('[data-testid="legend"]');
    const text = await legend.innerText();
    for (const party of event.parties) expect(text).toContain(party.name.en);
    const claimedRings = new Set(
      event.versions.flatMap((v) => (v.place.geometry.kind === 'ring' ? [v.place.geometry.ring] : [])),
    );
    for (const ring of event.rings.filter((r) => !claimedRings.has(r.id))) expect(text).toContain(ring.label.en);

    // The measured gaps (their disclosure is open): every pair in words.
    const gaps = claimGaps(event);
    const rows = page.locator('[data-testid="gaps-table"] tbody tr');
    // Rendered once the disclosure's toggle event has been handled: not within the click.
    await expect.poll(() => rows.count(), { message: 'a row per pair of claims' }).toBe(gaps.length);
    for (const gap of gaps) {
      expect(await page.locator(`[data-testid="gaps-table"] tr[data-gap="${gap.id}"] td`).innerText()).toBe(gapText(gap, 'en'));
    }
    console.log(`[gaps] ${gaps.map((g) => `${g.id}: ${gapText(g, 'en')}`).join('; ')}`);

    // Each switch changes the canvas; each canvas is the one before the next switch. First the
    // gaps' own button draws their lines over the opening layers, and the legend follows.
    expect(await layers(page), 'the opening layers').toMatchObject({ claims: true, rings: true, gaps: false });
    let canvas: Image = await settledCanvas(page);
    const expectCanvasChangedBy = async (what: string) => {
      const after = await settledCanvas(page);
      const changed = diffCount(canvas, after);
      console.log(`[legend] ${what}: ${changed} canvas pixels changed`);
      expect(changed, `${what} changes the canvas`).toBeGreaterThan(200);
      canvas = after;
    };
    await page.locator('[data-testid="gaps-draw"]').click();
    await expectCanvasChangedBy("the gaps' button drawing their lines");
    expect(await page.locator('[data-testid="layer-gaps"]').isChecked(), 'the legend follows').toBe(true);
    // The legend's gaps switch takes them off again, then each switch from the opening layers.
    await page.locator('[data-testid="layer-gaps"]').click();
    await expectCanvasChangedBy('switching gaps off');
    expect((await layers(page)).gaps).toBe(false);
    for (const layer of ['claims', 'rings', 'gaps'] as const) {
      await page.locator(`[data-testid="layer-${layer}"]`).click();
      await expectCanvasChangedBy(`switching ${layer}`);
      expect((await layers(page))[layer]).toBe(layer === 'gaps');
    }
    expect(new URL(page.url()).searchParams.get('layers'), 'the URL keeps the switches').toBe('context,gaps');

    expect(await page.locator('.place-marker--context').first().isVisible()).toBe(true);
    await page.locator('[data-testid="layer-context"]').click();
    expect(await page.locator('.place-marker--context').first().isVisible(), 'context places hidden').toBe(false);
    expect(await page.locator('.claim-marker').first().isVisible(), 'claim badges hidden with the claims').toBe(false);

    // A column's button selects its party.
    const party = event.parties.at(-1)!.id;
    await page.locator(`[data-testid="comparison-select"][data-party="${party}"]`).click();
    await waitSelected(page, party, "its column's button", STATE_CEILING_MS);
    expect((await appState(page)).selection.partyId).toBe(party);

    // The timeline: in the data's order, which the loader holds to be chronological.
    const entries = page.locator('[data-testid="timeline"] li[data-entry]');
    expect(await entries.count()).toBe(event.timeline.length);
    const ids = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-entry')));
    expect(ids).toEqual(event.timeline.map((e) => e.id));
    for (const entry of event.timeline.filter((e) => e.correction)) {
      expect(await page.locator(`li[data-entry="${entry.id}"] .timeline-correction`).innerText()).toContain(
        entry.correction!.note.en,
      );
    }
    // An entry of another party than the column's, so that its selection is a change.
    const withParty = event.timeline.find((e) => e.party && e.party !== party)!;
    await page.locator(`li[data-entry="${withParty.id}"] [data-testid="timeline-select"]`).click();
    await waitSelected(page, withParty.party!, 'its timeline entry', STATE_CEILING_MS);
    s.expectClean();
  });

  it('a link with ?layers= opens with those layers', async () => {
    const s = await (await browser()).newSession(WIDE);
    const { page } = s;
    // The switches are read from the URL when the app starts, before the map is drawn: the
    // map is not waited for.
    await s.open('?layers=claims,gaps');
    await page.waitForFunction(() => '__appState' in window, null, { timeout: STATE_CEILING_MS });
    expect(await layers(page)).toMatchObject({ claims: true, rings: false, gaps: true });
    await expect.poll(() => page.locator('[data-testid="layer-rings"]').isChecked()).toBe(false);
    await expect.poll(() => page.locator('[data-testid="layer-gaps"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('[data-testid="gaps-draw"]').isChecked()).toBe(true);
    s.expectClean();
  });
});

describe('the comparison, the sources and the data, in Arabic', () => {
  it("the table (every party and question, the editors' marks and their sources) at 1280 px and as one block per question at 320 px; axe finds nothing with everything open at both; every source listed once, and the downloads arrive and parse", async () => {
    const s = await openIdle(browser, WIDE, '?lang=ar');
    const { page } = s;
    await expectTableAndAxeAtBothWidths(page, 'ar');

    expect(await page.locator('[data-testid="sources"] li[id^="source-"]').count()).toBe(event.sources.length);
    const files = downloadFiles(event.id);
    expect(await page.locator('[data-testid="download-geojson"]').getAttribute('href')).toBe(files.geojson);
    const geojson = (await (await fetch(new URL(files.geojson, baseUrl()))).json()) as { type: string; features: unknown[] };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBeGreaterThan(event.parties.length);
    const csv = await (await fetch(new URL(files.csv, baseUrl()))).text();
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.length).toBe(event.parties.length + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    s.expectClean();
  });
});
