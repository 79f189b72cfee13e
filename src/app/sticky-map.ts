import { useEffect, useState } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectSelection } from '../store/selectors.ts';

/**
 * Where the reader's page makes the map stick above the versions (src/styles/app.css, "phones
 * held upright"): one column, on a screen tall enough for it.
 */
export const STICKY_MAP_MEDIA = '(max-width: 899.98px) and (min-height: 540px)';

/**
 * Whether the sticky map should stand down: on a phone, once the reader has scrolled past the
 * versions (into the comparison, the glossary, the sources), half the screen is theirs again.
 * A version selected down there ("Show on map" in the table or the timeline) calls the map back
 * until the reader returns to the versions. `versionsId` is the id of the versions' list, on the
 * page while `hasVersions` (not while the story takes the panel's place).
 */
export function useStickyMapStandsDown(versionsId: string, hasVersions: boolean): boolean {
  const selection = useAppStore(selectSelection);
  const [isPastVersions, setPastVersions] = useState(false);
  const [isRecalled, setRecalled] = useState(false);

  useEffect(() => {
    const versions = hasVersions ? document.getElementById(versionsId) : null;
    if (!versions || typeof matchMedia === 'undefined') return;
    const sticky = matchMedia(STICKY_MAP_MEDIA);
    // Read on scroll, once a frame: an IntersectionObserver says nothing when a jump (a link,
    // Home, End) carries the versions from below the screen to above it in one go.
    let frame = 0;
    const check = () => {
      frame = 0;
      const map = document.querySelector('.app-main .map');
      const mapHeight = map?.getBoundingClientRect().height ?? 0;
      // The versions are read past once their end has gone up under the map.
      const isPast = sticky.matches && map !== null && versions.getBoundingClientRect().bottom <= mapHeight;
      setPastVersions(isPast);
      if (!isPast) setRecalled(false);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    sticky.addEventListener('change', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      sticky.removeEventListener('change', schedule);
    };
  }, [versionsId, hasVersions]);

  // A selection made while the map stands down calls it back (the first render's is the page's
  // own and calls nothing).
  const [seenSelection, setSeenSelection] = useState(selection);
  if (selection !== seenSelection) {
    setSeenSelection(selection);
    if (isPastVersions && selection.partyId) setRecalled(true);
  }

  return hasVersions && isPastVersions && !isRecalled;
}
