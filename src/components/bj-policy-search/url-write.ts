/**
 * Writing `?q=` for `<bj-policy-search sync-url>` (the search chunk; reading it is url-state.ts,
 * in the loader). `history.replaceState`: no history entry per keystroke; every other parameter
 * and the hash are kept.
 */

import { cutToSearchable } from './url-state.js';

/** Puts `query` into the page address (removes the parameter when `query` is blank). */
export function writeUrlQuery(query: string, param = 'q'): void {
  const url = new URL(location.href);
  // No more than a search reads: a pasted page does not become a 90 KB address.
  const value = cutToSearchable(query.trim());
  if (value) url.searchParams.set(param, value);
  else url.searchParams.delete(param);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}
