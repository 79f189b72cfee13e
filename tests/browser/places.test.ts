// The event's places on the map are HTML markers: named, reached with Tab, and Enter opens the
// place's details, including how precise its location is.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openIdle, selectedParties, tabThrough, useBrowser } from './helpers.ts';

const browser = useBrowser();

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

describe('place markers', () => {
  it('every event place is a named button reached with Tab; the unlocated one says it is approximate', async () => {
    const s = await openIdle(browser);
    const { page } = s;
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
    s.expectClean();
  });

  it('Enter on a place marker shows its details: both names and the precision note', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    const ghurab = eventPlaces.find((p) => p.id === 'ghurab')!;
    await page.locator(marker('ghurab')).focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.maplibregl-popup .place-popup');
    await popup.waitFor({ state: 'visible', timeout: 5000 });
    const text = await popup.innerText();
    expect(text).toContain(ghurab.name.en);
    expect(text).toContain(ghurab.name.ar);
    expect(text).toContain(ghurab.precision.en);
    expect(await popup.locator('[lang="ar"]').getAttribute('dir')).toBe('rtl');
    expect(await page.getAttribute(marker('ghurab'), 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.getAttribute(marker('ghurab'), 'aria-expanded')).toBe('false');
    s.expectClean();
  });

  it("a mouse click on a place marker opens its details and is not taken as a click on the claim beneath (al-Ghurab lies in SANA's area)", async () => {
    const s = await openIdle(browser);
    const { page } = s;
    expect(await selectedParties(page)).toEqual([]);
    await page.locator(marker('ghurab')).click();
    await page.locator('.maplibregl-popup .place-popup').waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(300);
    expect(await selectedParties(page), 'no party selected by a click on a place marker').toEqual([]);
    await page.locator(marker('sukhnah')).click();
    await page.waitForTimeout(300);
    expect(await page.locator('.maplibregl-popup').count(), 'one place open at a time').toBe(1);
    expect(await page.locator('.maplibregl-popup').innerText()).toContain('al-Sukhnah');
    s.expectClean();
  });
});
