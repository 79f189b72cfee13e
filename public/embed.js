/* global window, document */
/*
 * The host side of the contested-map embed: resizes each of our iframes (those with the
 * data-contested-map attribute) to the height its page reports in the Datawrapper format,
 * {"datawrapper-height": {"<slug>": px}}, clamped to 300-4000 px, and scrolls the page so that
 * a box of that frame (its map) is on screen when the frame asks with
 * {"contested-map-scroll": {"<slug>": {top: px, height: px}}} (a reader chose a version far
 * below the map; the frame cannot scroll its host): smoothly, or at once where the reader
 * prefers reduced motion. It matches the frame by event.source,
 * never event.origin (a sandboxed frame's origin is "null"), keeps the box inside the frame,
 * and does nothing else. Plain ES5, no dependencies; safe to include more than once on a page.
 */
(function () {
  'use strict';
  if (window.__contestedMapEmbed) return;
  window.__contestedMapEmbed = true;

  var MIN_HEIGHT = 300;
  var MAX_HEIGHT = 4000;

  /** The first finite number among the values of data['datawrapper-height'], or null. */
  function reportedHeight(data) {
    var heights = data && typeof data === 'object' ? data['datawrapper-height'] : null;
    if (!heights || typeof heights !== 'object') return null;
    for (var key in heights) {
      if (Object.prototype.hasOwnProperty.call(heights, key)) {
        var value = heights[key];
        if (typeof value === 'number' && isFinite(value)) return value;
      }
    }
    return null;
  }

  /**
   * The first {top, height} of finite numbers among the values of data['contested-map-scroll'],
   * or null (src/embed/frame-messages.ts readScrollRequest is the same rule, unit-tested).
   */
  function requestedBox(data) {
    var boxes = data && typeof data === 'object' ? data['contested-map-scroll'] : null;
    if (!boxes || typeof boxes !== 'object') return null;
    for (var key in boxes) {
      if (Object.prototype.hasOwnProperty.call(boxes, key)) {
        var box = boxes[key];
        if (
          box &&
          typeof box === 'object' &&
          typeof box.top === 'number' &&
          typeof box.height === 'number' &&
          isFinite(box.top) &&
          isFinite(box.height)
        ) {
          return { top: box.top, height: box.height };
        }
      }
    }
    return null;
  }

  /** Scrolls the page so that the box (frame px) is on screen: centred if it fits, else its top. */
  function scrollToBox(frame, box) {
    var rect = frame.getBoundingClientRect();
    // Inside the frame as it is now: a box below its end, or a huge one, cannot send the page elsewhere.
    var top = Math.min(Math.max(0, box.top), rect.height);
    var height = Math.min(Math.max(0, box.height), rect.height - top);
    var viewport = window.innerHeight || document.documentElement.clientHeight;
    var boxTop = rect.top + window.pageYOffset + top;
    var y = Math.max(0, Math.round(height < viewport ? boxTop + height / 2 - viewport / 2 : boxTop));
    var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    try {
      // 'instant', not 'auto': 'auto' takes the host's CSS, and many articles set
      // `scroll-behavior: smooth` on <html>, which would glide a reader who asked for no motion.
      window.scrollTo({ top: y, behavior: reduce ? 'instant' : 'smooth' });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (old) {
      window.scrollTo(0, y);
    }
  }

  /** Our frame whose window sent the message, or null. */
  function frameOf(source) {
    var frames = document.querySelectorAll('iframe[data-contested-map]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function onMessage(event) {
    try {
      if (!event.source) return;
      var height = reportedHeight(event.data);
      var box = height === null ? requestedBox(event.data) : null;
      if (height === null && box === null) return;
      var frame = frameOf(event.source);
      if (!frame) return;
      if (box) {
        scrollToBox(frame, box);
        return;
      }
      var px = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
      frame.style.height = px + 'px';
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (unreadable) {
      // A message we cannot read is not ours.
    }
  }

  window.addEventListener('message', onMessage, false);
})();
