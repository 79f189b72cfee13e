/**
 * Resolves once the browser has painted the current frame: in the task after the next
 * animation frame. Long work started then (booting the app, evaluating MapLibre) cannot hold
 * back what the reader is about to see.
 *
 * A frame never comes to a hidden tab, nor to a frame a host page keeps off screen, so a
 * timer stands in for it after `fallbackMs`: the page then starts anyway, just not painted first.
 */
export function afterNextPaint(fallbackMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
