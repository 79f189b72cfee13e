// The event's places on the map are HTML markers: named, reached with Tab, and Enter opens the
// place's details, including how precise its location is; a mouse click opens them too, one
// place at a time, and is not taken as a click on the claim beneath.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { appState, openIdle, selectedParties, STATE_CEILING_MS, tabThrough, useBrowser } from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

interface PlaceProps {
  id: string;
  role: string;
  approximate?: boolean;
  name: { en: string; ar: string };
  precision: { en: string };
}
const places = (
  JSON.parse(readFileSync(new URL('../../data/events/badia-2018-12-02/places.geojson', import.meta.url), 'utf8')) as {
    features: { properties: PlaceProps }[];
  }
).features.map((f) => f.properties);
const eventPlaces = places.filter((p) => p.role === 'event');
const marker = (id: string) => `button[data-testid="place-marker"][data-place="${id}"]`;
const POPUP = '.maplibregl-popup';

/** No party selected: neither in the store nor on the page. */
async function expectNoSelection(page: Page, what: string): Promise<void> {
  expect((await appState(page)).selection.partyId, `${what}: the store's selection`).toBeNull();
  expect(await selectedParties(page), `${what}: cards marked current`).toEqual([]);
}

// One page for the three checks: none of them selects a party or moves the camera, and each
// leaves no popup open for the next.
describe('place markers', () => {
  it('are named buttons reached with Tab (the unlocated one says it is approximate); Enter and a mouse click open their details, one at a time, without selecting the claim beneath', async () => {
    const s = await openIdle(browser);
    const { page } = s;

    // Every event place: named, visible, reached with Tab.
    for (const place of eventPlaces) {
      const name = await page.getAttribute(marker(place.id), 'aria-label');
      expect(name, `${place.id}'s accessible name`).toContain(place.name.en);
      if (place.approximate) expect(name).toMatch(/approximate/);
      expect(await page.isVisible(marker(place.id)), `${place.id}'s marker is visible`).toBe(true);
    }
    const reached = await tabThrough(
      page,
      'place-marker',
      'data-place',
      eventPlaces.map((p) => p.id),
    );
    expect([...reached].filter((id) => eventPlaces.some((p) => p.id === id)).sort()).toEqual(eventPlaces.map((p) => p.id).sort());

    // Enter on a focused marker: both names and the precision note; Escape closes them.
    const ghurab = eventPlaces.find((p) => p.id === 'ghurab')!;
    await page.locator(marker('ghurab')).focus();
    await page.keyboard.press('Enter');
    const popup = page.locator(`${POPUP} .place-popup`);
    await popup.waitFor({ state: 'visible', timeout: STATE_CEILING_MS });
    const text = await popup.innerText();
    expect(text).toContain(ghurab.name.en);
    expect(text).toContain(ghurab.name.ar);
    expect(text).toContain(ghurab.precision.en);
    expect(await popup.locator('[lang="ar"]').getAttribute('dir')).toBe('rtl');
    expect(await page.getAttribute(marker('ghurab'), 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: STATE_CEILING_MS });
    expect(await page.getAttribute(marker('ghurab'), 'aria-expanded')).toBe('false');

    // A mouse click on al-Ghurab, which lies in SANA's area: its details, and no selection.
    // The marker's click handler opens the popup in the same event dispatch in which the map
    // would have taken the click for the claim (src/map/bindings/markers.ts, selection.ts): with
    // the popup on screen, the click has been handled, and the store holds what it did.
    await expectNoSelection(page, 'before the clicks');
    await page.locator(marker('ghurab')).click();
    await popup.waitFor({ state: 'visible', timeout: STATE_CEILING_MS });
    await expectNoSelection(page, 'after a click on a place marker');
    // Another marker: its popup replaces the first one, in the same handler.
    await page.locator(marker('sukhnah')).click();
    await expect.poll(() => page.locator(POPUP).innerText(), { message: "al-Sukhnah's details" }).toContain('al-Sukhnah');
    expect(await page.locator(POPUP).count(), 'one place open at a time').toBe(1);
    expect(await page.getAttribute(marker('ghurab'), 'aria-expanded'), "al-Ghurab's details closed").toBe('false');
    await expectNoSelection(page, 'after a click on a second place marker');
    s.expectClean();
  });
});
