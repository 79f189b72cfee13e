/**
 * The framed page's side of auto-height: it measures its content and posts the height to its
 * parent (every format of frame-messages.ts) when the integer height changes. It sends only
 * that (non-sensitive) number, to '*', and acts on one incoming message, Pym's width, by
 * sending the height again. Every other message is ignored: nothing here navigates, scrolls,
 * evaluates or inserts anything (QUALITY.md §4).
 */
import { heightMessages, isPymWidthMessage, readFrameContext, type FrameContext } from './frame-messages.ts';

const noop = (): void => undefined;

/** Whether `win` is inside a frame. Reading `parent` should not throw, but a hostile host could make it. */
function isFramed(win: Window): boolean {
  try {
    return win.parent != null && win.parent !== win;
  } catch {
    return false;
  }
}

/**
 * Posts the height from `measure()` to `win.parent` at start, on `load`, after any resize of
 * the document or of #root (one ResizeObserver, one animation frame per burst) when the integer
 * height has changed, and in answer to Pym's width message. Does nothing outside a frame.
 * Returns the function that stops it all.
 */
export function startAutoHeight(win: Window, ctx: FrameContext, measure: () => number): () => void {
  if (!isFramed(win)) return noop;

  let stopped = false;
  let lastPosted: number | null = null;
  let scheduled = false;
  let pendingFrame: number | null = null;

  const post = (force: boolean): void => {
    if (stopped) return;
    let px: number;
    try {
      px = Math.ceil(measure());
    } catch {
      return;
    }
    if (!Number.isFinite(px) || px <= 0) return;
    if (!force && px === lastPosted) return;
    lastPosted = px;
    let parent: Window;
    try {
      parent = win.parent;
    } catch {
      return;
    }
    for (const message of heightMessages(px, ctx)) {
      try {
        parent.postMessage(message, '*');
      } catch {
        // A detached or hostile parent: the height is only a courtesy, never an error.
      }
    }
  };

  const schedule = (): void => {
    if (stopped || scheduled) return;
    if (typeof win.requestAnimationFrame !== 'function') {
      post(false);
      return;
    }
    scheduled = true;
    const id = win.requestAnimationFrame(() => {
      scheduled = false;
      pendingFrame = null;
      post(false);
    });
    // A requestAnimationFrame that ran its callback at once (tests do) leaves nothing pending.
    if (scheduled) pendingFrame = id;
  };

  // The host's listener may not have existed when we first posted (an async resizer script, a
  // Pym parent created late): `load` posts again even when the height has not changed.
  const onLoad = (): void => post(true);
  const onMessage = (event: MessageEvent): void => {
    try {
      if (event.source !== win.parent) return;
      if (isPymWidthMessage(event.data, ctx.childId)) post(true);
    } catch {
      // Ignore anything we cannot read.
    }
  };

  let observer: ResizeObserver | null = null;
  const Observer = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  if (typeof Observer === 'function') {
    observer = new Observer(schedule);
    observer.observe(win.document.documentElement);
    const root = win.document.getElementById('root');
    if (root) observer.observe(root);
  } else {
    win.addEventListener('resize', schedule);
  }
  win.addEventListener('load', onLoad);
  win.addEventListener('message', onMessage);
  post(false);

  return () => {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    win.removeEventListener('resize', schedule);
    win.removeEventListener('load', onLoad);
    win.removeEventListener('message', onMessage);
    if (pendingFrame !== null && typeof win.cancelAnimationFrame === 'function') win.cancelAnimationFrame(pendingFrame);
    pendingFrame = null;
    scheduled = false;
  };
}

/**
 * The height of the page's content in CSS px, rounded up: #root's box plus the body's vertical
 * margins (and padding and borders, zero today). Never `documentElement.scrollHeight`, which is
 * at least the frame's own height, so a frame would only ever grow. Self-contained (the browser
 * tests run its source inside the frame).
 */
export function measureContentHeight(doc: Document): number {
  const body = doc.body;
  const root = doc.getElementById('root') ?? body;
  if (!root) return 0;
  let height = root.getBoundingClientRect().height;
  const style = body && doc.defaultView ? doc.defaultView.getComputedStyle(body) : null;
  if (style) {
    const px = (property: string): number => parseFloat(style.getPropertyValue(property)) || 0;
    height += px('margin-top') + px('margin-bottom');
    if (root !== body) height += px('padding-top') + px('padding-bottom') + px('border-top-width') + px('border-bottom-width');
  }
  return Math.ceil(height);
}

/** The app's one call (src/main.tsx, with the event's id as slug): auto-height for this window. */
export function startEmbedMessaging(win: Window, slug: string): () => void {
  return startAutoHeight(win, readFrameContext(win.location.href, slug), () => measureContentHeight(win.document));
}
