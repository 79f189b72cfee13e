// Map → panel: activating a party's geometry (mouse on the canvas, or keyboard on its claim
// marker) selects that party's card.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { claimPoints, firstClickable, sohrInsideBadiaPoints, type LonLat } from './geo.ts';
import {
  openIdle,
  readView,
  PARTIES,
  claimMarker,
  selectViaButton,
  selectedParties,
  tabThrough,
  useBrowser,
  waitSelected,
  waitSettled,
} from './helpers.ts';

const browser = useBrowser();

/** Makes sure `party` is not the selected one, so that selecting it is an observable change. */
async function deselect(page: Page, party: string): Promise<void> {
  if ((await selectedParties(page)).includes(party)) {
    await selectViaButton(
      page,
      PARTIES.find((p) => p !== party)!,
    );
  }
}

async function clickGeometry(page: Page, party: string, candidates: LonLat[], what: string): Promise<void> {
  expect(candidates.length, `test data: candidate points inside ${what}`).toBeGreaterThan(0);
  await waitSettled(page);
  const hit = await firstClickable(page, candidates);
  if (!hit) {
    throw new Error(
      `none of ${candidates.length} points inside ${what} lands on the bare map canvas at the current view (${JSON.stringify(await readView(page))})`,
    );
  }
  console.log(
    `[click] ${what}: lon ${hit.lonLat[0].toFixed(3)}, lat ${hit.lonLat[1].toFixed(3)} → page (${hit.x.toFixed(0)}, ${hit.y.toFixed(0)})`,
  );
  await page.mouse.click(hit.x, hit.y);
  await waitSelected(
    page,
    party,
    `a click on the canvas inside ${what} at lon ${hit.lonLat[0].toFixed(3)}, lat ${hit.lonLat[1].toFixed(3)}`,
  );
}

describe('selecting from the map', () => {
  for (const party of PARTIES) {
    it(`a mouse click on ${party}'s claimed geometry selects its card`, async () => {
      const s = await openIdle(browser);
      await deselect(s.page, party);
      await clickGeometry(s.page, party, claimPoints(party), `${party}'s claim only`);
      s.expectClean();
    });
  }

  it("where SOHR's ring lies inside the coalition's Badia, a click selects the more specific claim (SOHR)", async () => {
    const s = await openIdle(browser);
    await deselect(s.page, 'sohr');
    await clickGeometry(s.page, 'sohr', sohrInsideBadiaPoints(), "SOHR's band and the Badia polygon");
    s.expectClean();
  });

  it('every claim marker is reached with Tab', async () => {
    const s = await openIdle(browser);
    const { page } = s;
    for (const party of PARTIES) {
      expect(await page.locator(claimMarker(party)).count(), `one claim marker for ${party}`).toBe(1);
    }
    const reached = await tabThrough(page, 'claim-marker', 'data-party', PARTIES);
    expect([...reached].sort(), 'claim markers reached by Tab').toEqual([...PARTIES].sort());
    s.expectClean();
  });

  for (const party of PARTIES) {
    it(`Enter on ${party}'s focused claim marker selects its card`, async () => {
      const s = await openIdle(browser);
      const { page } = s;
      await deselect(page, party);
      const marker = page.locator(claimMarker(party));
      await marker.focus();
      expect(await marker.evaluate((el) => el === document.activeElement), `${party}'s claim marker takes focus`).toBe(true);
      await page.keyboard.press('Enter');
      await waitSelected(page, party, `Enter on ${party}'s claim marker`);
      s.expectClean();
    });
  }
});
