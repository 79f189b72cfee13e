// The benchmark's floor page: the app's own built index.html with every script taken out, so
// that its first paint is what the HTML, the CSS and the fonts alone cost.

/**
 * `html` without its `<script>` elements (inline and module) and without `modulepreload`
 * links, which would fetch scripts nobody runs. Everything else (styles, font preloads, the
 * prerendered versions) stays byte for byte.
 * @param {string} html
 * @returns {string}
 */
export function floorHtml(html) {
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi, '');
  if (/<script\b/i.test(stripped)) throw new Error('floorHtml: a <script> survived the strip');
  return stripped;
}
