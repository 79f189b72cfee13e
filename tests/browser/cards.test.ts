// The three versions: one card per party, built from the same sections, apart from the known facts.
import { describe, expect, it } from 'vitest';
import { event } from './geo.ts';
import { openIdle, PARTIES, SECTIONS, card, selectButton, useBrowser, waitForMapState } from './helpers.ts';

const browser = useBrowser();

describe('party cards', () => {
  it('shows three visible cards, each with the same sections in the same order', async () => {
    const s = await openIdle(browser);
    const { page } = s;

    const all = await page.$$eval('article[data-testid="party-card"]', (els) => els.map((e) => e.getAttribute('data-party')));
    expect([...all].sort(), 'one card per party').toEqual([...PARTIES].sort());

    for (const party of PARTIES) {
      const c = page.locator(card(party));
      await c.scrollIntoViewIfNeeded();
      expect(await c.isVisible(), `${party} card visible`).toBe(true);
      const sections = await c.evaluate((el) =>
        [...el.querySelectorAll('[data-section]')].map((x) => x.getAttribute('data-section')),
      );
      expect(sections, `${party} card sections`).toEqual([...SECTIONS]);
      for (const name of SECTIONS) {
        const sec = c.locator(`[data-section="${name}"]`);
        expect((await sec.innerText()).trim().length, `${party} card section "${name}" has text`).toBeGreaterThan(0);
      }
      expect(await c.locator('button[data-testid="select-party"]').count(), `${party} card has one select button`).toBe(1);
      expect(await page.getAttribute(selectButton(party), 'aria-pressed')).toMatch(/^(true|false)$/);

      const version = event.versions.find((v) => v.party === party)!;
      const text = await c.innerText();
      expect(
        text.includes(version.speaker.en) || text.includes(version.speaker.ar),
        `${party} card shows its speaker from data/ ("${version.speaker.en}")`,
      ).toBe(true);
    }
    s.expectClean();
  });

  it('keeps the known facts in a block of their own, outside every card', async () => {
    const s = await (await browser()).newSession();
    const { page } = s;
    await s.open();
    const known = page.locator('[data-testid="known"]');
    expect(await known.count(), 'one known-facts block').toBe(1);
    await known.scrollIntoViewIfNeeded();
    expect(await known.isVisible()).toBe(true);
    expect((await known.innerText()).trim().length).toBeGreaterThan(20);
    const insideCard = await known.evaluate((el) => el.closest('article[data-testid="party-card"]') !== null);
    expect(insideCard, 'known-facts block is not inside a party card').toBe(false);
    const containsCard = await known.evaluate((el) => el.querySelector('article[data-testid="party-card"]') !== null);
    expect(containsCard, 'known-facts block holds no party card').toBe(false);
    await waitForMapState(page, 'idle');
    s.expectClean();
  });
});
