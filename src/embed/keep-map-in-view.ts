/**
 * An embed's answer to "Show on map" pressed far below the map (issue 24): the card changes a
 * map the reader cannot see, and the frame cannot scroll its host. So, when the map is not on
 * the reader's screen, the frame asks its host to scroll to it (frame-messages.ts's scroll
 * request: public/embed.js, Pym.js); where the map is still not on screen once the host has had
 * its chance (a host with no helper script, a frame opened on its own), the card shows the claim
 * on a small map of its own (claim-inset.tsx). The reader's page does not use this: its map is
 * sticky.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useAppStoreApi } from '../store/store-context.tsx';
import { readFrameContext, scrollMessages, type FrameContext } from './frame-messages.ts';

/** The share of the map that must be on screen for it to count as seen. */
const VISIBLE_RATIO = 0.5;
/**
 * How long a host has to bring the map on screen: a smooth scroll of a long article takes a
 * few hundred milliseconds. A host that did nothing is not asked again.
 */
export const HOST_GRACE_MS = 1500;

/** The parent window, or null outside a frame (reading `parent` should not throw, a hostile host could make it). */
function parentOf(win: Window): Window | null {
  try {
    return win.parent != null && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function askHostToScroll(parent: Window, win: Window, map: Element, ctx: FrameContext): void {
  const rect = map.getBoundingClientRect();
  const box = { top: rect.top + win.scrollY, height: rect.height };
  for (const message of scrollMessages(box, ctx)) {
    try {
      parent.postMessage(message, '*');
    } catch {
      // A detached or hostile parent: the small map covers for it.
    }
  }
}

/**
 * The party whose claim the cards should show on a small map, or null: set when a party is shown
 * from its card while `mapRef`'s element is not on the reader's screen (after the host had its
 * chance to scroll), cleared by the next selection. An IntersectionObserver with the implicit
 * root measures against the top-level viewport, so inside a cross-origin frame it sees the host's
 * scroll as well as the frame's own.
 */
export function useInsetParty(mapRef: RefObject<HTMLElement | null>): string | null {
  // mapRef is the map's pane; the map inside it (`.map`) is what must be seen.
  const store = useAppStoreApi();
  const [insetParty, setInsetParty] = useState<string | null>(null);
  // Learnt once per page: a host that did not scroll the first time will not the next.
  const hostScrolls = useRef<boolean | null>(null);

  useEffect(() => {
    const win = window;
    // The map's own box: its pane and figure may be `display: contents` (a phone's layout),
    // boxes an observer never sees intersect.
    const map = mapRef.current?.querySelector('.map') ?? mapRef.current;
    if (!map || typeof win.IntersectionObserver !== 'function') return;
    const parent = parentOf(win);
    const ctx = readFrameContext(win.location.href, store.getState().event.id);
    let isMapVisible = false;
    let waiting: { partyId: string; timer: number; isMapComing: boolean } | null = null;

    const stopWaiting = () => {
      if (waiting) win.clearTimeout(waiting.timer);
      waiting = null;
    };
    const observer = new win.IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        isMapVisible = entry.isIntersecting && entry.intersectionRatio >= VISIBLE_RATIO;
        if (waiting && entry.isIntersecting) waiting.isMapComing = true;
        if (isMapVisible && waiting) {
          hostScrolls.current = true;
          stopWaiting();
        }
      },
      { threshold: [0, VISIBLE_RATIO, 1] },
    );
    observer.observe(map);

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection === previous.selection) return;
      stopWaiting();
      const { partyId, origin } = state.selection;
      // Only a choice made in the panel: the map's own clicks happen on the map, a story chapter
      // or the URL's party is framed where the reader already is.
      if (!partyId || origin !== 'panel' || isMapVisible) {
        setInsetParty(null);
        return;
      }
      if (!parent || hostScrolls.current === false) {
        setInsetParty(partyId);
        return;
      }
      setInsetParty(null);
      askHostToScroll(parent, win, map, ctx);
      // A host whose (smooth) scroll has begun bringing the map in gets a second grace.
      const giveUp = (isLastChance: boolean) => {
        if (!waiting || isMapVisible) return;
        if (waiting.isMapComing && !isLastChance) {
          waiting.timer = win.setTimeout(() => giveUp(true), HOST_GRACE_MS);
          return;
        }
        waiting = null;
        hostScrolls.current = false;
        setInsetParty(partyId);
      };
      waiting = { partyId, isMapComing: false, timer: win.setTimeout(() => giveUp(false), HOST_GRACE_MS) };
    });

    return () => {
      stopWaiting();
      unsubscribe();
      observer.disconnect();
    };
  }, [store, mapRef]);

  return insetParty;
}
