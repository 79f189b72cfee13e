/**
 * Whether the reader has pressed a key or a pointer on this page yet: the page moves focus by
 * itself only after that (a page or an embed that opens on a story chapter leaves focus alone).
 *
 * Counted from trusted input events rather than read from `navigator.userActivation`, which
 * browsers under automation report as active a moment after load without any input.
 */
let hasActed = false;

if (typeof window !== 'undefined') {
  const note = (event: Event) => {
    if (event.isTrusted) hasActed = true;
  };
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, note, { capture: true, passive: true });
}

export const readerHasActed = (): boolean => hasActed;
