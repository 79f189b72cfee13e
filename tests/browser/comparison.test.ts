// Weighing the versions: the legend and its layer switches, the comparison table, the measured
// gaps, the timeline, the glossary, the sources and the data to download, as a reader uses them.
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { parseEvent } from '../../src/domain/load-event.ts';
import { COMPARISON_QUESTIONS } from '../../src/domain/types.ts';
import { claimGaps } from '../../src/domain/gaps.ts';
import { downloadFiles } from '../../src/domain/export.ts';
import { gapText } from '../../src/i18n/event-text.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { appState, baseUrl, openIdle, useBrowser, waitSelected, waitSettled } from './helpers.ts';
import { diffCount } from './image.ts';

const event = parseEvent(realEventInput());
const browser = useBrowser();
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens every disclosure a reader would open: the legend (on a phone), the gaps, the glossary. */
async function openEverything(page: Page): Promise<void> {
  const expand = page.locator('.legend-expand');
  if (await expand.isVisible()) await expand.click();
  await page.locator('.gaps-details > summary').click();
  await page.locator('[data-testid="glossary"] > summary').click();
}

describe('the legend and its layer switches', () => {
  it('lists every party and every context ring drawn, and each switch changes the canvas', async () => {
    const s = await openIdle(browser, WIDE, '?lang=en');
    const { page } = s;
    const legend = page.locator('[data-testid="legend"]');
    const text = await legend.innerText();
    for (const party of event.parties) expect(text).toContain(party.name.en);
    const claimedRings = new Set(
      event.versions.flatMap((v) => (v.place.geometry.kind === 'ring' ? [v.place.geometry.ring] : [])),
    );
    for (const ring of event.rings.filter((r) => !claimedRings.has(r.id))) expect(text).toContain(ring.label.en);

    for (const layer of ['claims', 'rings', 'gaps'] as const) {
      const before = await waitSettled(page);
      await page.locator(`[data-testid="layer-${layer}"]`).click();
      const after = await waitSettled(page);
      const changed = diffCount(before, after);
      console.log(`[legend] switching ${layer}: ${changed} canvas pixels changed`);
      expect(changed, `switching ${layer} changes the canvas`).toBeGreaterThan(200);
      const { view } = await appState(page);
      expect(view.layers[layer]).toBe(layer === 'gaps');
    }
    expect(new URL(page.url()).searchParams.get('layers'), 'the URL keeps the switches').toBe('context,gaps');

    expect(await page.locator('.place-marker--context').first().isVisible()).toBe(true);
    await page.locator('[data-testid="layer-context"]').click();
    expect(await page.locator('.place-marker--context').first().isVisible(), 'context places hidden').toBe(false);
    expect(await page.locator('.claim-marker').first().isVisible(), 'claim badges hidden with the claims').toBe(false);
    s.expectClean();
  });

  it('a link with ?layers= opens with those layers', async () => {
    const s = await openIdle(browser, WIDE, '?layers=claims,gaps');
    const { page } = s;
    expect(await page.locator('[data-testid="layer-rings"]').isChecked()).toBe(false);
    expect(await page.locator('[data-testid="layer-gaps"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="gaps-draw"]').isChecked()).toBe(true);
    s.expectClean();
  });
});

describe('the comparison table', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`shows every party and every question in ${lang}, with the editors' marks and their sources`, async () => {
      const s = await openIdle(browser, WIDE, `?lang=${lang}`);
      const { page } = s;
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
      s.expectClean();
    });
  }

  it('selecting a column selects that party on the map', async () => {
    const s = await openIdle(browser, WIDE, '?lang=en');
    const { page } = s;
    const party = event.parties.at(-1)!.id;
    await page.locator(`[data-testid="comparison-select"][data-party="${party}"]`).click();
    await waitSelected(page, party, "its column's button");
    expect((await appState(page)).selection.partyId).toBe(party);
    s.expectClean();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`becomes one block per question at 320 px in ${lang}, with nothing cut off`, async () => {
      const s = await openIdle(browser, PHONE, `?lang=${lang}`);
      const { page } = s;
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
      s.expectClean();
    });
  }
});

describe('the measured gaps', () => {
  it('lists every pair with its distance in words, and draws the lines on the map', async () => {
    const s = await openIdle(browser, WIDE, '?lang=en');
    const { page } = s;
    await page.locator('.gaps-details > summary').click();
    const gaps = claimGaps(event);
    const rows = page.locator('[data-testid="gaps-table"] tbody tr');
    // Rendered once the disclosure's toggle event has been handled: not within the click.
    await expect.poll(() => rows.count(), { message: 'a row per pair of claims' }).toBe(gaps.length);
    for (const gap of gaps) {
      expect(await page.locator(`[data-testid="gaps-table"] tr[data-gap="${gap.id}"] td`).innerText()).toBe(gapText(gap, 'en'));
    }
    console.log(`[gaps] ${gaps.map((g) => `${g.id}: ${gapText(g, 'en')}`).join('; ')}`);
    const before = await waitSettled(page);
    await page.locator('[data-testid="gaps-draw"]').click();
    const after = await waitSettled(page);
    expect(diffCount(before, after), 'the gap lines change the canvas').toBeGreaterThan(200);
    expect(await page.locator('[data-testid="layer-gaps"]').isChecked(), 'the legend follows').toBe(true);
    s.expectClean();
  });
});

describe('the timeline', () => {
  it('runs earliest first, shows the corrected dates, and selecting an entry selects its party', async () => {
    const s = await openIdle(browser, WIDE, '?lang=en');
    const { page } = s;
    const entries = page.locator('[data-testid="timeline"] li[data-entry]');
    expect(await entries.count()).toBe(event.timeline.length);
    // In the data's order, which the loader holds to be chronological.
    const ids = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-entry')));
    expect(ids).toEqual(event.timeline.map((e) => e.id));
    for (const entry of event.timeline.filter((e) => e.correction)) {
      expect(await page.locator(`li[data-entry="${entry.id}"] .timeline-correction`).innerText()).toContain(
        entry.correction!.note.en,
      );
    }
    const withParty = event.timeline.find((e) => e.party)!;
    await page.locator(`li[data-entry="${withParty.id}"] [data-testid="timeline-select"]`).click();
    await waitSelected(page, withParty.party!, 'its timeline entry');
    s.expectClean();
  });
});

describe('the sources and the data', () => {
  it('lists every source once, and the downloads arrive and parse', async () => {
    const s = await openIdle(browser, WIDE, '?lang=ar');
    const { page } = s;
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

describe('accessibility with everything open', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const viewport of [WIDE, PHONE]) {
      it(`axe finds nothing in ${lang} at ${viewport.width} px with the legend, table, gaps, timeline and glossary open`, async () => {
        const s = await openIdle(browser, viewport, `?lang=${lang}`);
        await openEverything(s.page);
        expect(await axeViolations(s.page)).toEqual([]);
        s.expectClean();
      });
    }
  }
});
