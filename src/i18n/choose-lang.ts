import type { Lang } from '../domain/types.ts';

/**
 * The page's language: `?lang=ar|en` when the URL says so, otherwise the reader's first
 * preferred language (`ar*` gives Arabic, anything else English). A missing, unknown or
 * malformed value is not an error: it falls through to the preference.
 *
 * Self-contained on purpose (no import, no outer constant): the build also inlines its source
 * into index.html (scripts/vite-plugins/prerender.ts), where it sets `<html lang dir>` and picks the
 * prerendered language before the first paint.
 */
export function chooseLang(search: string, preferred: readonly string[]): Lang {
  let asked: string | null;
  try {
    asked = new URLSearchParams(search).get('lang');
  } catch {
    asked = null;
  }
  const wanted = (asked ?? '').trim().toLowerCase();
  if (wanted === 'ar' || wanted === 'en') return wanted;
  const first = String(preferred[0] ?? '').toLowerCase();
  return first === 'ar' || first.startsWith('ar-') ? 'ar' : 'en';
}
