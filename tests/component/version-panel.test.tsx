import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { NewsEvent } from '../../src/domain/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { StoreProvider } from '../../src/store/store-context.tsx';
import { VersionPanel } from '../../src/panel/version-panel.tsx';
import { KnownFacts } from '../../src/panel/known-facts.tsx';
import { CARD_SECTIONS } from '../../src/panel/party-card.tsx';
import { languageName } from '../../src/i18n/event-text.ts';
import { en } from '../../src/i18n/en.ts';
import { ar } from '../../src/i18n/ar.ts';
import { testEvents } from '../fixtures/events.ts';

describe.each(testEvents())('VersionPanel: %s', (_dir, event: NewsEvent) => {
  function renderPanel(lang: 'en' | 'ar' = 'en') {
    const store = createAppStore({ event, lang });
    const view = render(
      <StoreProvider store={store}>
        <VersionPanel />
        <KnownFacts />
      </StoreProvider>,
    );
    return { store, ...view };
  }

  const cards = () => screen.getAllByRole('article');
  const sectionsOf = (card: HTMLElement) =>
    [...card.querySelectorAll<HTMLElement>('[data-section]')].map((el) => el.dataset.section);

  it('renders one card per party, in the order of the data', () => {
    renderPanel();
    expect(cards().map((c) => c.dataset.party)).toEqual(event.parties.map((p) => p.id));
    for (const party of event.parties) {
      expect(screen.getByRole('heading', { level: 3, name: party.name.en })).toBeTruthy();
    }
  });

  it('gives every card the same sections, in the same order, each with content', () => {
    renderPanel();
    for (const card of cards()) {
      expect(sectionsOf(card)).toEqual([...CARD_SECTIONS]);
      for (const section of card.querySelectorAll<HTMLElement>('[data-section] dd')) {
        expect(section.textContent?.trim().length, `${card.dataset.party}: empty section`).toBeGreaterThan(0);
      }
    }
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`shows each quote in ${lang}: the original when it is in ${lang}, else the translation with the original one click away`, () => {
      renderPanel(lang);
      for (const version of event.versions) {
        const card = cards().find((c) => c.dataset.party === version.party)!;
        const text = card.textContent ?? '';
        expect(text).toContain(version.speaker[lang]);
        expect(text).toContain(version.place.precision[lang]);
        for (const quote of version.quotes) {
          const original = within(card).getByText(quote.original.text);
          const blockquote = original.closest('blockquote')!;
          expect(blockquote.getAttribute('lang')).toBe(quote.original.lang);
          expect(blockquote.getAttribute('dir')).toBe(quote.original.dir);
          const translation = quote.translations[lang];
          const details = blockquote.closest('details');
          if (translation === undefined) {
            expect(details, 'an original in the page language is shown, not behind a click').toBeNull();
          } else {
            expect(text).toContain(translation);
            expect(details, 'the original sits in a disclosure').toBeTruthy();
            expect(details!.open, 'closed at first').toBe(false);
            const summary = (lang === 'en' ? en : ar)['card.quoteShowOriginal'].replace(
              '{language}',
              languageName(quote.original.lang, lang),
            );
            expect(details!.querySelector('summary')?.textContent).toBe(summary);
          }
        }
      }
    });
  }

  it('shows each party in Arabic, not in English', () => {
    renderPanel('ar');
    for (const version of event.versions) {
      const card = cards().find((c) => c.dataset.party === version.party)!;
      const text = card.textContent ?? '';
      expect(text).toContain(version.place.label.ar);
      expect(text).not.toContain(version.speaker.en);
      expect(within(card).getByRole('button', { name: ar['card.show'] })).toBeTruthy();
      expect([...card.querySelectorAll('dt')].map((dt) => dt.textContent)).toContain(ar['card.place']);
    }
  });

  it('isolates source titles and publishers, which mix Latin and Arabic, from the text around them', () => {
    renderPanel('ar');
    const lists = document.querySelectorAll('.source-list li');
    expect(lists.length).toBeGreaterThan(1);
    for (const li of lists) expect(li.querySelectorAll('bdi').length, li.textContent ?? '').toBeGreaterThanOrEqual(2);
  });

  it('selects a party from its button and asks the map to frame it; a second press clears it and moves nothing', () => {
    const { store } = renderPanel();
    const last = event.parties.at(-1)!.id;
    const sohr = cards().find((c) => c.dataset.party === last)!;
    const button = within(sohr).getByRole('button', { name: en['card.show'] });
    fireEvent.click(button);
    expect(store.getState().selection).toMatchObject({ partyId: last, origin: 'panel' });
    const request = store.getState().view.cameraRequest;
    expect(request).toMatchObject({ animate: true, target: { kind: 'bounds' } });
    expect(sohr.getAttribute('aria-current')).toBe('true');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(cards().filter((c) => c.getAttribute('aria-current') === 'true')).toHaveLength(1);
    fireEvent.click(button);
    expect(store.getState().selection.partyId).toBeNull();
    expect(sohr.getAttribute('aria-current')).toBeNull();
    expect(store.getState().view.cameraRequest, 'no new camera request').toBe(request);
  });

  it('follows a selection made elsewhere (the map)', () => {
    const { store } = renderPanel();
    const first = event.parties[0]!.id;
    act(() => store.getState().selectParty(first, 'map'));
    const card = cards().find((c) => c.dataset.party === first)!;
    expect(card.getAttribute('aria-current')).toBe('true');
  });

  it('keeps the known facts in their own block, apart from the cards', () => {
    renderPanel();
    const known = screen.getByTestId('known');
    expect(known.closest('article')).toBeNull();
    expect(within(known).getAllByRole('listitem').length).toBeGreaterThanOrEqual(event.known.length);
    for (const card of cards()) expect(card.contains(known)).toBe(false);
  });
});
