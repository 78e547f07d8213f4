/**
 * Shareable search state for `<bj-policy-search sync-url>`: the query lives in `?q=` of the page
 * address. Writes use `history.replaceState` (no history entry per keystroke) and keep every
 * other parameter and the hash.
 */

/** The query in the page address, or '' when there is none. */
export function readUrlQuery(param = 'q'): string {
  return new URLSearchParams(location.search).get(param) ?? '';
}

/** Puts `query` into the page address (removes the parameter when `query` is blank). */
export function writeUrlQuery(query: string, param = 'q'): void {
  const url = new URL(location.href);
  const value = query.trim();
  if (value) url.searchParams.set(param, value);
  else url.searchParams.delete(param);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}

/** Fills `{id}` (URL-encoded) and `{kind}` (`term` or `passage`) in a link template. */
export function fillHrefTemplate(template: string, kind: string, id: string): string {
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{kind\}/g, encodeURIComponent(kind));
}
