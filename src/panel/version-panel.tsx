import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { useShowPartyToggle } from './use-show-party.ts';
import { selectEvent, selectLang, selectSelection } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';
import { PartyCard } from './party-card.tsx';

/** Where the page's skip link takes focus: the next Tab reaches the first version's control. */
export const VERSIONS_LIST_ID = 'versions-list';

/** One card per party, all from the same component, in the data's order (compact in an embed). */
export function VersionPanel({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const selection = useAppStore(selectSelection);
  const listRef = useRef<HTMLDivElement>(null);

  // A selection made on the map, or by a link (on load, or Back and Forward), brings its card
  // into view: a link to one version shows that version. One made here already is in view.
  // A link's jumps at once: the reader did not watch the page get there.
  useEffect(() => {
    if ((selection.origin !== 'map' && selection.origin !== 'url') || !selection.partyId) return;
    const cards = listRef.current?.querySelectorAll<HTMLElement>('[data-testid="party-card"]') ?? [];
    const card = [...cards].find((el) => el.dataset.party === selection.partyId);
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    card?.scrollIntoView?.({ block: 'start', behavior: reduceMotion || selection.origin === 'url' ? 'auto' : 'smooth' });
  }, [selection]);

  // "Show on map" shows the version and frames its place; pressed again, it lets go of it.
  const toggleParty = useShowPartyToggle();

  return (
    <section className="version-panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{translate(lang, 'panel.heading')}</h2>
      {variant === 'full' && (
        <p className="panel-intro">
          {translate(lang, 'panel.intro')} <a href="#glossary">{translate(lang, 'glossary.heading')}</a>
        </p>
      )}
      <div className="party-cards" ref={listRef} id={VERSIONS_LIST_ID} tabIndex={-1} aria-labelledby="versions-heading">
        {event.versions.map((version) => {
          const party = event.parties.find((p) => p.id === version.party);
          if (!party) return null;
          return (
            <PartyCard
              key={party.id}
              event={event}
              party={party}
              version={version}
              lang={lang}
              isSelected={selection.partyId === party.id}
              onSelect={toggleParty}
              variant={variant}
            />
          );
        })}
      </div>
    </section>
  );
}
