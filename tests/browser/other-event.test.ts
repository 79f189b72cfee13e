// The app built for another event, by data alone: EVENT=tests/fixtures/events/harbour-fire-fictional
// (two parties, Cyprus, an English and a Greek original quote, Cyprus time). The page must speak
// of that event only, and work as it does for the Badia: cards, map, selection, both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import { eventCaption, languageName } from '../../src/i18n/event-text.ts';
import { formatLocalAndUtcTime } from '../../src/i18n/format.ts';
import { claimBounds } from '../../src/domain/geometry.ts';
import { FICTIONAL_EVENT_DIR, loadTestEvent } from '../fixtures/events.ts';
import { REAL_EVENT_DIR } from '../fixtures/real-data.ts';
import {
  CANVAS,
  card,
  claimMarker,
  readView,
  selectButton,
  useBrowser,
  waitForMapState,
  waitSelected,
  waitSettled,
  axeViolations,
} from './helpers.ts';
import { project } from './geo.ts';

const event = loadTestEvent(FICTIONAL_EVENT_DIR);
const badia = loadTestEvent(REAL_EVENT_DIR);
// What these tests check is where things end up, not the flight there (see BrowserOptions).
const browser = useBrowser([], { reducedMotion: 'reduce' });

async function openFictional(path: string, viewport = { width: 1280, height: 800 }) {
  const s = await (await browser()).newSession(viewport, inject('fictionalUrl'));
  await s.open(path);
  await waitForMapState(s.page, 'idle');
  return s;
}

/** Every file of the built page a reader's browser runs or shows (not the basemap's region data). */
function builtPageFiles(): { name: string; text: string }[] {
  const dist = inject('fictionalDist');
  const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(m?js|css)$/.test(f));
  return [
    { name: 'index.html', text: readFileSync(join(dist, 'index.html'), 'utf8') },
    ...assets.map((f) => ({ name: `assets/${f}`, text: readFileSync(join(dist, 'assets', f), 'utf8') })),
  ];
}

describe('built for another event (EVENT=tests/fixtures/events/harbour-fire-fictional)', () => {
  it("has none of the Badia event's names, in either language, in the page or its scripts", () => {
    // Taken from the Badia's own data, so the list follows it: its title, parties, places and rings.
    const names = [
      badia.title,
      ...badia.parties.flatMap((p) => [p.name, p.shortName]),
      ...badia.places.filter((p) => p.role === 'event').map((p) => p.name),
      ...badia.rings.map((r) => r.label),
      ...badia.map.labels.map((l) => l.name),
      ...badia.map.rivers.map((r) => r.label),
    ].flatMap((text) => [text.en, text.ar]);
    const words = [
      'Syria',
      'Tanf',
      'Sukhnah',
      'Ghurab',
      'Badia',
      'SANA',
      'SOHR',
      'Kassig',
      'Euphrates',
      'Damascus',
      'سوريا',
      'التنف',
      'السخنة',
    ];
    const found = builtPageFiles().flatMap(({ name, text }) =>
      [...names, ...words].filter((needle) => text.includes(needle)).map((needle) => `${name}: ${needle}`),
    );
    expect(names.length).toBeGreaterThan(15);
    expect(found).toEqual([]);
    // And the event it was built for is there.
    expect(builtPageFiles()[0]!.text).toContain(event.title.en);
  });

  for (const lang of ['en', 'ar'] as const) {
    const t = lang === 'en' ? en : ar;
    it(`shows that event in ${lang}: title, description, dateline in its time zone, caption, one card per party, credits; each quote in its original or translated, the original marked with its language`, async () => {
      const s = await openFictional(`?lang=${lang}`);
      const { page } = s;
      expect(await page.title()).toBe(event.title[lang]);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(event.description[lang]);
      expect(await page.locator('h1').innerText()).toBe(event.title[lang]);
      const { local } = formatLocalAndUtcTime(event.occurred.utc, event.occurred.timeZone, lang);
      const dateline = await page.locator('.app-dateline').innerText();
      expect(dateline).toContain(local);
      expect(dateline).toContain(event.occurred.timeZoneName[lang]);
      expect(await page.locator('figcaption.map-caption').innerText()).toBe(eventCaption(event, lang));
      expect(await page.locator('article[data-testid="party-card"]').count()).toBe(event.parties.length);
      for (const party of event.parties) expect(await page.locator(card(party.id)).innerText()).toContain(party.name[lang]);
      expect(await page.locator('.app-footer').innerText()).toContain(event.credits[lang]);
      expect(await page.locator(claimMarker(event.parties[0]!.id)).innerText()).toContain(event.parties[0]!.shortName[lang]);
      expect(await axeViolations(page)).toEqual([]);

      // Each quote in its original when it is in the page's language, else translated, with the
      // original one click away and marked with its language (on the same page: clicks only open them).
      let translated = 0;
      for (const version of event.versions) {
        for (const quote of version.quotes) {
          const original = page.locator(`${card(version.party)} blockquote[lang="${quote.original.lang}"]`, {
            hasText: quote.original.text,
          });
          expect(await original.getAttribute('dir')).toBe(quote.original.dir);
          const translation = quote.translations[lang];
          if (translation === undefined) {
            expect(await original.isVisible(), 'an original in the page language is shown').toBe(true);
          } else {
            translated++;
            expect(await page.locator(card(version.party)).innerText()).toContain(translation);
            expect(await original.isVisible(), 'behind a click at first').toBe(false);
            const summary = t['card.quoteShowOriginal'].replace('{language}', languageName(quote.original.lang, lang));
            const details = original.locator('xpath=ancestor::details[1]');
            expect(await details.locator('summary').innerText()).toBe(summary);
            await details.locator('summary').click();
            expect(await original.isVisible(), 'shown after one click').toBe(true);
          }
        }
      }
      expect(translated, 'some quote is in another language than the page').toBeGreaterThan(0);
      s.expectClean();
    });
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 667 },
  ]) {
    it(`"Show on map" frames each party's whole claim, at whatever scale it has (${viewport.width} px)`, async () => {
      const s = await openFictional('?lang=en', viewport);
      const { page } = s;
      for (const party of event.parties) {
        await page.locator(selectButton(party.id)).click();
        await waitSelected(page, party.id, `"Show on map" for ${party.id}`);
        await waitSettled(page);
        const [west, south, east, north] = await readView(page);
        const [[w, sth], [e, n]] = claimBounds(event, party.id);
        expect(w >= west && e <= east && sth >= south && n <= north, `${party.id}'s claim inside the view`).toBe(true);
        // Framed, not lost in a view sized for another event: the claim fills a fair part of it.
        expect((e - w) / (east - west) + (n - sth) / (north - south), `${party.id}'s claim is not a speck`).toBeGreaterThan(0.5);
        const badge = await page.locator(claimMarker(party.id)).boundingBox();
        const canvas = await page.locator(CANVAS).boundingBox();
        expect(badge && canvas, 'badge and canvas measured').toBeTruthy();
        expect(
          badge!.y >= canvas!.y && badge!.y + badge!.height <= canvas!.y + canvas!.height,
          `${party.id}'s badge on the map`,
        ).toBe(true);
        const { x, y } = project(await readView(page), canvas!.width, canvas!.height, [(w + e) / 2, (sth + n) / 2]);
        expect(x > 0 && x < canvas!.width && y > 0 && y < canvas!.height).toBe(true);
      }
      s.expectClean();
    });
  }
});
