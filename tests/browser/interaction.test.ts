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
  selectedParties,
  STATE_CEILING_MS,
  tabThrough,
  useBrowser,
  waitSelected,
  waitSettled,
} from './helpers.ts';

const browser = useBrowser();

/** `party` must not be the selected one, so that selecting it is an observable change. */
async function expectNotSelected(page: Page, party: string): Promise<void> {
  expect(await selectedParties(page), `${party} is not selected yet`).not.toContain(party);
}

async function clickGeometry(page: Page, party: string, candidates: LonLat[], what: string): Promise<void> {
  expect(candidates.length, `test data: candidate points inside ${what}`).toBeGreaterThan(0);
  await expectNotSelected(page, party);
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
    STATE_CEILING_MS,
  );
}

// All on one page at the opening view: a selection made on the map never moves the camera
// (src/map/bindings/selection.ts), so every claim stays where the opening view shows it. The
// steps run in an order where each selects a party other than the one selected before it.
describe('selecting from the map', () => {
  it("every claim marker is reached with Tab; a mouse click on each party's claimed geometry, and Enter on its focused claim marker, select its card; where SOHR's ring lies inside the coalition's Badia, a click selects the more specific claim (SOHR)", async () => {
    const s = await openIdle(browser);
    const { page } = s;

    for (const party of PARTIES) {
      expect(await page.locator(claimMarker(party)).count(), `one claim marker for ${party}`).toBe(1);
    }
    const reached = await tabThrough(page, 'claim-marker', 'data-party', PARTIES);
    expect([...reached].sort(), 'claim markers reached by Tab').toEqual([...PARTIES].sort());

    expect(await selectedParties(page), 'nothing selected at the opening').toEqual([]);
    // SOHR first, so that the last mouse click leaves another party selected for the next step.
    for (const party of [...PARTIES].reverse()) {
      await clickGeometry(page, party, claimPoints(party), `${party}'s claim only`);
    }
    await clickGeometry(page, 'sohr', sohrInsideBadiaPoints(), "SOHR's band and the Badia polygon");

    // SOHR is selected: coalition first, then each party in turn is a change.
    for (const party of PARTIES) {
      await expectNotSelected(page, party);
      const marker = page.locator(claimMarker(party));
      await marker.focus();
      expect(await marker.evaluate((el) => el === document.activeElement), `${party}'s claim marker takes focus`).toBe(true);
      await page.keyboard.press('Enter');
      await waitSelected(page, party, `Enter on ${party}'s claim marker`, STATE_CEILING_MS);
    }
    s.expectClean();
  });
});
