// The PNG export's pure parts: its words, layout, scale bar and file name (src/map/png-export-layout.ts).
// Text is "measured" at a fixed width per character, so every box can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { loadBundledEvent } from '../../src/domain/event-data.ts';
import {
  exportContent,
  exportFileName,
  exportFontRequests,
  layoutExport,
  metresPerPixel,
  scaleBar,
  wrapText,
  type ExportLayout,
} from '../../src/map/png-export-layout.ts';

const event = loadBundledEvent();
/** 7 px per character, whatever the font. */
const measure = (text: string) => text.length * 7;
const MAP = { width: 800, height: 500, metresPerPx: 300 };

const boxesOf = (layout: ExportLayout) => [
  ...layout.title.map((l) => l.box),
  layout.legend.heading.box,
  ...layout.legend.items.flatMap((i) => [i.swatch, i.label.box]),
  ...(layout.scale ? [layout.scale.bar, layout.scale.label.box] : []),
  ...layout.footer.map((l) => l.box),
];

describe('the export file name', () => {
  it('names the event, the map and the language, and the selected party when there is one', () => {
    expect(exportFileName('badia-2018-12-02', 'en', null)).toBe('badia-2018-12-02-map-en.png');
    expect(exportFileName('badia-2018-12-02', 'ar', 'syrian-government')).toBe('badia-2018-12-02-map-ar-syrian-government.png');
  });

  it('keeps only safe characters from the ids', () => {
    expect(exportFileName('a/b c', 'en', '../x')).toBe('a-b-c-map-en-x.png');
  });
});

describe('the scale bar', () => {
  it('is the longest 1, 2, 3 or 5 × 10ⁿ m that fits, and as wide as that length', () => {
    expect(scaleBar(1000, 120)).toEqual({ metres: 100_000, width: 100 }); // 120 km fits 100 km
    expect(scaleBar(100, 120)).toEqual({ metres: 10_000, width: 100 });
    expect(scaleBar(1, 120)).toEqual({ metres: 100, width: 100 });
    expect(scaleBar(2.5, 120).metres).toBe(300); // 300 m of 300 m
    expect(scaleBar(4.5, 120).metres).toBe(500); // 540 m fits 500 m
    expect(scaleBar(2000, 120).metres).toBe(200_000); // 240 km fits 200 km
  });

  it('is left out when nothing can be measured', () => {
    expect(scaleBar(0, 120)).toEqual({ metres: 0, width: 0 });
    expect(scaleBar(Number.NaN, 120)).toEqual({ metres: 0, width: 0 });
  });

  it('measures the ground at the map centre: half as much at 60° as at the equator, half per zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(60, 0) / metresPerPixel(0, 0)).toBeCloseTo(0.5, 6);
    expect(metresPerPixel(34, 7) / metresPerPixel(34, 6)).toBeCloseTo(0.5, 6);
  });
});

describe('the export content', () => {
  it("has the event's title, day, every party's short name, the attribution and the credits in each language", () => {
    for (const lang of ['en', 'ar'] as const) {
      const c = exportContent(event, lang);
      expect(c.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(c.title).toBe(event.title[lang]);
      expect(c.dateLine).toMatch(/2018/);
      expect(c.legend.map((l) => l.label)).toEqual(event.parties.map((p) => p.shortName[lang]));
      expect(c.attribution).toMatch(/Natural Earth/);
      expect(c.credits).toBe(event.credits[lang]);
    }
    expect(exportContent(event, 'en').formatLength(50_000)).toBe('50 km');
    expect(exportContent(event, 'en').formatLength(500)).toBe('500 m');
    expect(exportContent(event, 'ar').formatLength(50_000)).toBe('50 كم');
  });

  it('asks for a font for every text it draws', () => {
    const requests = exportFontRequests(exportContent(event, 'ar'));
    const all = requests.map((r) => r.text).join(' ');
    for (const party of event.parties) expect(all).toContain(party.shortName.ar);
    expect(all).toContain(event.title.ar);
  });
});

describe('the export layout', () => {
  const content = exportContent(event, 'en');

  it('keeps every box inside the picture and its band, bands in whole px', () => {
    const layout = layoutExport(content, MAP, measure);
    for (const h of Object.values(layout.bands)) expect(Number.isInteger(h)).toBe(true);
    for (const box of boxesOf(layout)) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(MAP.width);
    }
    for (const l of layout.title) expect(l.box.y + l.box.height).toBeLessThanOrEqual(layout.bands.title);
    for (const i of layout.legend.items) expect(i.label.box.y + i.label.box.height).toBeLessThanOrEqual(layout.bands.legend);
    for (const l of layout.footer) expect(l.box.y + l.box.height).toBeLessThanOrEqual(layout.bands.footer);
  });

  it('gives every party the same swatch and the same font, in the data order', () => {
    const layout = layoutExport(content, MAP, measure);
    expect(layout.legend.items.map((i) => i.party.id)).toEqual(event.parties.map((p) => p.id));
    expect(new Set(layout.legend.items.map((i) => `${i.swatch.width}×${i.swatch.height}`)).size).toBe(1);
    expect(new Set(layout.legend.items.map((i) => i.label.font)).size).toBe(1);
  });

  it('wraps a long title and the legend on a narrow map, and grows the bands for it', () => {
    const wide = layoutExport(content, MAP, measure);
    const narrow = layoutExport(content, { ...MAP, width: 240 }, measure);
    expect(narrow.title.length).toBeGreaterThan(wide.title.length);
    expect(narrow.bands.title).toBeGreaterThan(wide.bands.title);
    expect(new Set(narrow.legend.items.map((i) => i.swatch.y)).size).toBeGreaterThan(1);
    expect(narrow.bands.legend).toBeGreaterThan(wide.bands.legend);
    expect(narrow.footer.length).toBeGreaterThan(wide.footer.length);
  });

  it('puts the scale bar first and the attribution after it, with the credits last', () => {
    const layout = layoutExport(content, MAP, measure);
    expect(layout.scale).not.toBeNull();
    expect(layout.scale!.bar.width).toBeCloseTo(30_000 / 300, 6); // 120 px are 36 km: 30 km fit
    expect(layout.scale!.label.text).toBe('30 km');
    expect(layout.footer[0]!.text).toBe(content.attribution);
    expect(layout.footer.at(-1)!.box.y).toBeGreaterThan(layout.scale!.bar.y);
  });

  it('is the English layout mirrored in Arabic: same bands, every box reflected', () => {
    const ar = exportContent(event, 'ar');
    // The same words, so that only the direction differs.
    const ltr = layoutExport({ ...ar, dir: 'ltr' }, MAP, measure);
    const rtl = layoutExport(ar, MAP, measure);
    expect(rtl.bands).toEqual(ltr.bands);
    const a = boxesOf(ltr);
    const b = boxesOf(rtl);
    expect(b).toHaveLength(a.length);
    a.forEach((box, i) => {
      expect(b[i]!.x).toBeCloseTo(MAP.width - box.x - box.width, 6);
      expect(b[i]!.y).toBe(box.y);
    });
    // The first party's swatch is on the right in Arabic.
    expect(rtl.legend.items[0]!.swatch.x).toBeGreaterThan(MAP.width / 2);
  });
});

describe('wrapText', () => {
  it('breaks between words, and keeps a word longer than the line whole', () => {
    expect(wrapText('aa bb cc', 'f', 35, measure)).toEqual(['aa bb', 'cc']);
    expect(wrapText('abcdefghij k', 'f', 35, measure)).toEqual(['abcdefghij', 'k']);
    expect(wrapText('   ', 'f', 35, measure)).toEqual([]);
  });
});
