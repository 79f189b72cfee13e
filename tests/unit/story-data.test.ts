/**
 * The guided story as data: both events' stories load and say what their chapters need to
 * (short texts in both languages, real parties, places and sources), and every mistake an
 * editor can make in a chapter is refused with the file, the chapter and the field named.
 */
import { describe, expect, it } from 'vitest';
import { DataValidationError, parseEvent } from '../../src/domain/load-event.ts';
import type { DataIssue } from '../../src/domain/load-event.ts';
import { paragraphs } from '../../src/domain/story.ts';
import type { LonLat, NewsEvent, StoryChapter } from '../../src/domain/types.ts';
import { FICTIONAL_EVENT_DIR, TEST_EVENT_DIRS, loadTestEvent } from '../fixtures/events.ts';
import { REAL_EVENT_DIR, getAt, realEventInput, setAt } from '../fixtures/real-data.ts';

/**
 * At most this many words per chapter text, in each language: a chapter is read at 28 px on a
 * classroom projector, where about 70 English words fill the panel.
 */
const WORD_LIMIT = 70;
/** Paragraphs per chapter: one or two. */
const PARAGRAPH_LIMIT = 2;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

type Key = string | number;
const chapterPath = (index: number, ...rest: Key[]): Key[] => ['story', 'chapters', index, ...rest];

function story(event: NewsEvent) {
  if (!event.story) throw new Error(`event "${event.id}" has no story`);
  return event.story;
}

function issuesOf(run: () => unknown): readonly DataIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DataValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a DataValidationError, but the data was accepted');
}

/** One broken copy of an event's files: `change` edits its event.json. */
function brokenIssues(change: (event: unknown) => void, dir: string = REAL_EVENT_DIR): readonly DataIssue[] {
  const input = realEventInput(dir);
  change(input.event);
  return issuesOf(() => parseEvent(input));
}

/** Asserts the issue (file, record, field) exists, and that the build log's line names all three. */
function expectIssue(
  issues: readonly DataIssue[],
  want: { file?: string; record: string; field: string; expected?: string },
): void {
  const file = want.file ?? `${REAL_EVENT_DIR}/event.json`;
  const listed = issues.map((i) => `${i.file}: ${i.record}: ${i.field}: ${i.expected}`).join('\n');
  const issue = issues.find((i) => i.file === file && i.record === want.record && i.field === want.field);
  expect(issue, `no issue for ${file} / ${want.record} / ${want.field} in:\n${listed}`).toBeDefined();
  if (want.expected !== undefined) expect(issue?.expected).toContain(want.expected);
  const line = new DataValidationError(issues).message
    .split('\n')
    .find((l) => l.startsWith(`${file}: ${want.record}: field "${want.field}": expected `));
  expect(line, 'the one-line message').toBeDefined();
}

/** The chapter of the real story with this id, and its index. */
function realChapter(id: string): { index: number; chapter: unknown } {
  const chapters = getAt(realEventInput().event, ['story', 'chapters']) as unknown[];
  const index = chapters.findIndex((c) => (c as { id?: unknown }).id === id);
  if (index < 0) throw new Error(`no chapter "${id}" in the real story`);
  return { index, chapter: chapters[index] };
}

function inBounds([lon, lat]: LonLat, [[west, south], [east, north]]: readonly [LonLat, LonLat]): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

describe.each(TEST_EVENT_DIRS)('the story of %s', (dir) => {
  const event = loadTestEvent(dir);
  const { chapters, questions, title } = story(event);
  const sourceIds = new Set(event.sources.map((s) => s.id));
  const placeIds = new Set(event.places.map((p) => p.id));
  const partyIds = new Set(event.parties.map((p) => p.id));

  it('loads, with a title, chapters and questions', () => {
    expect(title.en.trim()).not.toBe('');
    expect(title.ar.trim()).not.toBe('');
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chapters.map((c) => c.id)).size).toBe(chapters.length);
  });

  it.each(chapters.map((c): [string, StoryChapter] => [c.id, c]))(
    `chapter "%s": a non-empty text in both languages, at most ${WORD_LIMIT} words and ${PARAGRAPH_LIMIT} paragraphs each`,
    (_, chapter) => {
      for (const lang of ['en', 'ar'] as const) {
        const text = chapter.text[lang];
        expect(text.trim(), `${lang} text`).not.toBe('');
        expect(words(text), `${lang} words`).toBeLessThanOrEqual(WORD_LIMIT);
        const count = paragraphs(text).length;
        expect(count, `${lang} paragraphs`).toBeGreaterThanOrEqual(1);
        expect(count, `${lang} paragraphs`).toBeLessThanOrEqual(PARAGRAPH_LIMIT);
        // The same paragraphs in both languages: a translation that merges two is a different layout.
        expect(count).toBe(paragraphs(chapter.text.en).length);
        expect(chapter.title[lang].trim(), `${lang} title`).not.toBe('');
      }
    },
  );

  it('cites only sources the event lists, and each chapter cites at least one', () => {
    for (const chapter of chapters) {
      expect(chapter.sources.length, `chapter "${chapter.id}" cites a source`).toBeGreaterThan(0);
      for (const id of chapter.sources) expect(sourceIds.has(id), `chapter "${chapter.id}": source "${id}"`).toBe(true);
    }
  });

  it('names only parties and places the event has, in chapters and buttons', () => {
    for (const chapter of chapters) {
      if (chapter.party !== null) expect(partyIds.has(chapter.party), chapter.id).toBe(true);
      for (const id of chapter.places) expect(placeIds.has(id), `chapter "${chapter.id}": place "${id}"`).toBe(true);
      for (const action of chapter.actions) if (action.party) expect(partyIds.has(action.party)).toBe(true);
    }
  });

  it('frames every place a chapter names inside its bounds', () => {
    for (const chapter of chapters) {
      const { camera } = chapter;
      if (!('bounds' in camera)) continue;
      for (const id of chapter.places) {
        const place = event.places.find((p) => p.id === id);
        expect(place && inBounds(place.anchor, camera.bounds), `chapter "${chapter.id}": ${id} in view`).toBe(true);
      }
    }
  });
});

describe('the Badia story', () => {
  const event = loadTestEvent(REAL_EVENT_DIR);
  const { chapters, questions } = story(event);
  const byId = (id: string) => {
    const chapter = chapters.find((c) => c.id === id);
    if (!chapter) throw new Error(`no chapter "${id}"`);
    return chapter;
  };

  it('has seven to nine chapters, in the order of the brief, and four to six questions', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    expect(chapters.length).toBeLessThanOrEqual(9);
    expect(chapters.map((c) => c.id)).toEqual([
      'badia',
      'tanf',
      'kassig',
      'coalition',
      'sana',
      'sohr',
      'how-far',
      'unknown',
      'questions',
    ]);
    expect(questions.length).toBeGreaterThanOrEqual(4);
    expect(questions.length).toBeLessThanOrEqual(6);
    for (const q of questions) expect(q.en.trim().endsWith('?'), q.en).toBe(true);
  });

  it("gives each party chapter its party and the places of that party's claim", () => {
    const parties = [
      ['coalition', 'coalition'],
      ['sana', 'syrian-government'],
      ['sohr', 'sohr'],
    ] as const;
    for (const [chapterId, party] of parties) {
      const chapter = byId(chapterId);
      expect(chapter.party).toBe(party);
      const version = event.versions.find((v) => v.party === party);
      const geometry = version?.place.geometry;
      // A ring claim is marked out by its centre: the ring itself is not a place.
      const claimed = geometry?.kind === 'place' ? geometry.place : event.rings.find((r) => r.id === geometry?.ring)?.center;
      expect(claimed).toBeDefined();
      expect(chapter.places).toContain(claimed);
    }
    // No other chapter speaks for a party.
    expect(chapters.filter((c) => c.party !== null).map((c) => c.id)).toEqual(['coalition', 'sana', 'sohr']);
  });

  it('gives the three party chapters the same shape and similar lengths', () => {
    const party = ['coalition', 'sana', 'sohr'].map(byId);
    const shape = party.map((c) => paragraphs(c.text.en).length);
    expect(new Set(shape).size).toBe(1);
    for (const lang of ['en', 'ar'] as const) {
      const counts = party.map((c) => words(c.text[lang]));
      expect(Math.max(...counts) - Math.min(...counts), `${lang}: ${counts.join(', ')}`).toBeLessThanOrEqual(10);
    }
    expect(party.every((c) => c.sources.includes('afp-ar-2018-12-02'))).toBe(true);
  });

  it('shows the gaps layer in "how far apart", and offers SANA\'s and SOHR\'s places as buttons', () => {
    const chapter = byId('how-far');
    expect(chapter.layers).toContain('gaps');
    expect(chapter.actions.map((a) => a.party)).toEqual(['syrian-government', 'sohr']);
    // Only there: the gaps are off in every other chapter that lists its layers, and by default.
    const others = chapters.filter((c) => c.id !== 'how-far');
    expect(others.some((c) => c.layers?.includes('gaps'))).toBe(false);
  });

  it("uses the article's corrected dates for Peter Kassig, never its wrong ones", () => {
    const text = byId('kassig').text;
    expect(text.en).toContain('1 October 2013');
    expect(text.en).toContain('16 November 2014');
    expect(text.ar).toContain('1 تشرين الأول/أكتوبر 2013');
    expect(text.ar).toContain('16 تشرين الثاني/نوفمبر 2014');
    // The wrong dates appear only as what the article says.
    expect(text.en).toMatch(/source article gives November 2013 and 17 November 2014/);
  });
});

describe('the fictional story', () => {
  const badia = loadTestEvent(REAL_EVENT_DIR);
  const fiction = story(loadTestEvent(FICTIONAL_EVENT_DIR));

  it('has three chapters and two questions, one chapter framed by centre and zoom', () => {
    expect(fiction.chapters).toHaveLength(3);
    expect(fiction.questions).toHaveLength(2);
    expect(fiction.chapters.some((c) => 'center' in c.camera)).toBe(true);
  });

  it("says none of the Badia's names, in either language", () => {
    const names = [
      badia.title,
      ...badia.parties.flatMap((p) => [p.name, p.shortName]),
      ...badia.places.filter((p) => p.role === 'event').map((p) => p.name),
      ...badia.rings.map((r) => r.label),
    ].flatMap((t) => [t.en, t.ar]);
    const needles = [...names, 'Syria', 'Tanf', 'Sukhnah', 'Ghurab', 'Badia', 'SANA', 'SOHR', 'Kassig', 'سوريا', 'التنف'];
    const texts = JSON.stringify(fiction);
    expect(needles.filter((n) => texts.includes(n))).toEqual([]);
  });
});

describe('a broken story is refused, naming the file, the chapter and the field', () => {
  const coalition = realChapter('coalition');
  const sana = realChapter('sana');
  const howFar = realChapter('how-far');
  const badia = realChapter('badia');

  it('a chapter naming an unknown party', () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(coalition.index, 'party'), 'nobody'));
    expectIssue(issues, { record: 'story chapter "coalition"', field: 'party', expected: 'the id of a party' });
  });

  it('a chapter naming an unknown place', () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(sana.index, 'places', 1), 'atlantis'));
    expectIssue(issues, { record: 'story chapter "sana"', field: 'places[1]', expected: 'the id of a place' });
  });

  it('a chapter citing an unknown source', () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(badia.index, 'sources', 0), 'no-such-source'));
    expectIssue(issues, { record: 'story chapter "badia"', field: 'sources[0]', expected: 'the id of a source' });
  });

  it('a chapter showing an unknown layer, or one layer twice', () => {
    const unknown = brokenIssues((e) => setAt(e, chapterPath(howFar.index, 'layers', 1), 'roads'));
    expectIssue(unknown, { record: 'story chapter "how-far"', field: 'layers[1]', expected: '"gaps"' });
    const twice = brokenIssues((e) => setAt(e, chapterPath(howFar.index, 'layers'), ['gaps', 'claims', 'gaps']));
    expectIssue(twice, { record: 'story chapter "how-far"', field: 'layers[2]', expected: 'not already listed' });
  });

  it('a camera with neither bounds nor center (named after the field it lacks)', () => {
    const none = brokenIssues((e) => setAt(e, chapterPath(badia.index, 'camera'), {}));
    expectIssue(none, { record: 'story chapter "badia"', field: 'camera.bounds', expected: '"center" and "zoom"' });
    const zoomOnly = brokenIssues((e) => setAt(e, chapterPath(badia.index, 'camera'), { zoom: 6 }));
    expectIssue(zoomOnly, { record: 'story chapter "badia"', field: 'camera.center', expected: 'to go with "zoom"' });
  });

  it.each([2.5, 15.5, -1])('a zoom out of range (%s)', (zoom) => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(badia.index, 'camera'), { center: [38.6, 33.5], zoom }));
    expectIssue(issues, { record: 'story chapter "badia"', field: 'camera.zoom', expected: 'a zoom from 3 to 15' });
  });

  it('accepts the ends of the zoom range', () => {
    for (const zoom of [3, 15]) {
      const input = realEventInput();
      setAt(input.event, chapterPath(badia.index, 'camera'), { center: [38.6, 33.5], zoom });
      expect(() => parseEvent(input)).not.toThrow();
    }
  });

  it('bounds with one bad corner: that corner alone is reported, not a comparison with a placeholder', () => {
    const issues = brokenIssues((e) =>
      setAt(e, chapterPath(badia.index, 'camera'), {
        bounds: [
          [38, 33],
          [200, 35],
        ],
      }),
    );
    const chapterIssues = issues.filter((i) => i.record === 'story chapter "badia"');
    expect(chapterIssues.map((i) => `${i.field}: ${i.expected}`)).toEqual(['camera.bounds[1][0]: a longitude in [-180, 180]']);
  });

  it('bounds the wrong way round', () => {
    const issues = brokenIssues((e) =>
      setAt(e, chapterPath(badia.index, 'camera'), {
        bounds: [
          [40, 35],
          [38, 33],
        ],
      }),
    );
    expectIssue(issues, { record: 'story chapter "badia"', field: 'camera.bounds[1][0]', expected: 'east longitude' });
    expectIssue(issues, { record: 'story chapter "badia"', field: 'camera.bounds[1][1]', expected: 'north latitude' });
  });

  it('an empty chapters list', () => {
    const issues = brokenIssues((e) => setAt(e, ['story', 'chapters'], []));
    expectIssue(issues, { record: 'event "badia-2018-12-02"', field: 'story.chapters', expected: 'at least one chapter' });
  });

  it('two chapters with one id', () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(badia.index + 1, 'id'), 'badia'));
    expectIssue(issues, { record: 'story chapter "badia"', field: 'id', expected: 'a unique story chapter id' });
  });

  it('a button naming an unknown party', () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(howFar.index, 'actions', 0, 'party'), 'nobody'));
    expectIssue(issues, { record: 'story chapter "how-far"', field: 'actions[0].party', expected: 'the id of a party' });
  });

  it('a button that changes nothing: no party, camera or layers', () => {
    const label = { en: 'Nothing', ar: 'لا شيء' };
    const issues = brokenIssues((e) => setAt(e, chapterPath(howFar.index, 'actions', 0), { id: 'nothing', label }));
    expectIssue(issues, { record: 'story chapter "how-far"', field: 'actions[0]', expected: 'at least one of "party"' });
  });

  it("a button that changes nothing: the chapter's own party, or its own layers in another order", () => {
    const label = { en: 'Show it again', ar: 'أظهرها مجدداً' };
    const sameParty = brokenIssues((e) =>
      setAt(e, chapterPath(sana.index, 'actions'), [{ id: 'again', label, party: 'syrian-government' }]),
    );
    expectIssue(sameParty, { record: 'story chapter "sana"', field: 'actions[0]', expected: 'changes something' });
    const sameLayers = brokenIssues((e) =>
      setAt(e, chapterPath(howFar.index, 'actions', 1), { id: 'again', label, layers: ['gaps', 'claims', 'context'] }),
    );
    expectIssue(sameLayers, { record: 'story chapter "how-far"', field: 'actions[1]', expected: 'changes something' });
    // The default set, named in full, is the chapter's own when the chapter lists none.
    const defaults = brokenIssues((e) =>
      setAt(e, chapterPath(sana.index, 'actions'), [{ id: 'again', label, layers: ['claims', 'rings', 'context'] }]),
    );
    expectIssue(defaults, { record: 'story chapter "sana"', field: 'actions[0]', expected: 'changes something' });
  });

  it('accepts a button that changes only one thing', () => {
    const label = { en: 'Show the gaps', ar: 'أظهر المسافات' };
    const input = realEventInput();
    setAt(input.event, chapterPath(sana.index, 'actions'), [
      { id: 'gaps', label, party: 'syrian-government', layers: ['claims', 'gaps'] },
    ]);
    const loaded = parseEvent(input);
    expect(loaded.story?.chapters[sana.index]?.actions[0]?.layers).toEqual(['claims', 'gaps']);
  });

  it("names the other event's own file", () => {
    const issues = brokenIssues((e) => setAt(e, chapterPath(1, 'party'), 'nobody'), FICTIONAL_EVENT_DIR);
    expectIssue(issues, {
      file: `${FICTIONAL_EVENT_DIR}/event.json`,
      record: 'story chapter "two-versions"',
      field: 'party',
      expected: 'the id of a party',
    });
  });
});
