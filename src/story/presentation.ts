/**
 * Presentation mode's browser side: the Fullscreen API where the page may use it (an embed
 * without `allow="fullscreen"`, or a browser that refuses, leaves the page as it is: the mode
 * still fills the window), leaving the mode when the reader leaves full screen, and a pointer
 * that hides while it is idle over a projected slide.
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/store-context.tsx';

/** How long the pointer may rest before it hides. */
const POINTER_IDLE_MS = 2500;

/**
 * Whether this page's request for full screen was granted since presentation mode began. A
 * `fullscreenchange` event reports the state at the time it is dispatched, not the change it
 * announces: entering and leaving in quick succession can fire two events that both find no
 * full-screen element. The granted request is what says the reader was in full screen.
 */
let wasGranted = false;

/** Asks for full screen; only from a click or key press (browsers refuse it otherwise). */
export function requestFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenEnabled || document.fullscreenElement || !root.requestFullscreen) return;
  root.requestFullscreen().then(
    () => {
      wasGranted = true;
    },
    () => {
      // Refused (a frame without permission, a browser setting): presentation mode goes on in the window.
    },
  );
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/**
 * While presenting: leaving full screen (Esc, which the browser keeps for itself there) leaves
 * the mode; leaving the mode leaves full screen; the pointer hides after a rest.
 */
export function usePresentation(isPresenting: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!isPresenting) {
      wasGranted = false;
      exitFullscreen();
      return;
    }
    let wasFullscreen = Boolean(document.fullscreenElement);
    const handleFullscreenChange = () => {
      const isFullscreen = Boolean(document.fullscreenElement);
      if ((wasFullscreen || wasGranted) && !isFullscreen) store.getState().setPresenting(false);
      wasFullscreen = isFullscreen;
    };
    document.addEventListener('fullscreenchange', handleFullscreenChange);
    return () => document.removeEventListener('fullscreenchange', handleFullscreenChange);
  }, [isPresenting, store]);

  useEffect(() => {
    if (!isPresenting) return;
    // On the root element: the mode restyles the whole page, the pointer included.
    const root = document.documentElement;
    root.dataset.presenting = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      delete root.dataset.pointerIdle;
      clearTimeout(timer);
      timer = setTimeout(() => {
        root.dataset.pointerIdle = '';
      }, POINTER_IDLE_MS);
    };
    wake();
    root.addEventListener('pointermove', wake);
    root.addEventListener('pointerdown', wake);
    return () => {
      clearTimeout(timer);
      delete root.dataset.pointerIdle;
      delete root.dataset.presenting;
      root.removeEventListener('pointermove', wake);
      root.removeEventListener('pointerdown', wake);
    };
  }, [isPresenting]);
}
