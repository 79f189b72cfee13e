import type { AppState } from './app-store.ts';
import { serializeAppParams, type AppParams } from './url-params.ts';
import { selectUrlParams } from './url-sync.ts';

/**
 * A link to the page in `state`, with `overrides` (another language, no embed flags), relative
 * to the page itself: a query string, or `./` for the opening state. Links built from it need
 * no `location`, and render the same at build time and in the browser.
 */
export function stateHref(state: AppState, overrides: Partial<AppParams> = {}): string {
  return serializeAppParams({ ...selectUrlParams(state), ...overrides }) || './';
}
