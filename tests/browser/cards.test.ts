// The three versions: one card per party, built from the same sections, apart from the known facts.
// One page: the cards are read once the app has started, while the map still loads; the page is
// checked clean once the map is idle.
import { describe, expect, it } from 'vitest';
import { event } from './geo.ts';
import { PARTIES, SECTIONS, STATE_CEILING_MS, card, selectButton, useBrowser, waitForMapState } from './helpers.ts';

// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

describe('party cards', () => {
  it('shows three visible cards, each with the same sections in the same order, and the known facts in a block of their own outside every card', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await s.open();
    // The cards as the app renders them, not only as prerendered: its test hook comes with its start.
    await page.waitForFunction(() => '__appState' in window, null, { timeout: STATE_CEILING_MS });

    const all = await page.$$eval('article[data-testid="party-card"]', (els) => els.map((e) => e.getAttribute('data-party')));
    expect([...all].sort(), 'one card per party').toEqual([...PARTIES].sort());

    for (const party of PARTIES) {
      const c = page.locator(card(party));
      await c.scrollIntoViewIfNeeded();
      expect(await c.isVisible(), `${party} card visible`).toBe(true);
      // Each section's name and the length of its rendered text, in the card's order.
      const sections = await c.evaluate((el) =>
        [...el.querySelectorAll<HTMLElement>('[data-section]')].map((x) => ({
          name: x.getAttribute('data-section'),
          text: x.innerText.trim().length,
        })),
      );
      expect(
        sections.map((x) => x.name),
        `${party} card sections`,
      ).toEqual([...SECTIONS]);
      for (const { name, text } of sections) expect(text, `${party} card section "${name}" has text`).toBeGreaterThan(0);
      expect(await c.locator('button[data-testid="select-party"]').count(), `${party} card has one select button`).toBe(1);
      expect(await page.getAttribute(selectButton(party), 'aria-pressed')).toMatch(/^(true|false)$/);

      const version = event.versions.find((v) => v.party === party)!;
      const text = await c.innerText();
      expect(
        text.includes(version.speaker.en) || text.includes(version.speaker.ar),
        `${party} card shows its speaker from data/ ("${version.speaker.en}")`,
      ).toBe(true);
    }

    const known = page.locator('[data-testid="known"]');
    expect(await known.count(), 'one known-facts block').toBe(1);
    await known.scrollIntoViewIfNeeded();
    expect(await known.isVisible()).toBe(true);
    expect((await known.innerText()).trim().length).toBeGreaterThan(20);
    const insideCard = await known.evaluate((el) => el.closest('article[data-testid="party-card"]') !== null);
    expect(insideCard, 'known-facts block is not inside a party card').toBe(false);
    const containsCard = await known.evaluate((el) => el.querySelector('article[data-testid="party-card"]') !== null);
    expect(containsCard, 'known-facts block holds no party card').toBe(false);

    // Whatever the map's loading logs or throws counts too.
    await waitForMapState(page, 'idle');
    s.expectClean();
  });
});
