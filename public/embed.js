/* global window, document */
/*
 * The host side of the contested-map embed: resizes each of our iframes (those with the
 * data-contested-map attribute) to the height its page reports in the Datawrapper format,
 * {"datawrapper-height": {"<slug>": px}}, clamped to 300-4000 px. It matches the frame by
 * event.source, never event.origin (a sandboxed frame's origin is "null"), and does nothing
 * else. Plain ES5, no dependencies; safe to include more than once on a page.
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

  function onMessage(event) {
    try {
      if (!event.source) return;
      var height = reportedHeight(event.data);
      if (height === null) return;
      var frames = document.querySelectorAll('iframe[data-contested-map]');
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === event.source) {
          var px = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
          frames[i].style.height = px + 'px';
          return;
        }
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (unreadable) {
      // A message we cannot read is not ours.
    }
  }

  window.addEventListener('message', onMessage, false);
})();
