/**
 * Shareable search state for `<bj-policy-search sync-url>`: the query lives in `?q=` of the page
 * address. Writes use `history.replaceState` (no history entry per keystroke) and keep every
 * other parameter and the hash.
 */

/**
 * Longest query restored, in UTF-16 code units: `MAX_QUERY_LENGTH` of the search core (all a search
 * reads). Written here, not imported: src/search/index.ts would bring the whole search engine into
 * the loader. (With the search core split, import `cutQuery` from src/search/catalogue.ts instead.)
 */
const MAX_QUERY_LENGTH = 256;

/**
 * The query in the page address, or '' when there is none; at most `MAX_QUERY_LENGTH` characters
 * (all a search reads), so a crafted link cannot put a long message into the box.
 */
export function readUrlQuery(param = 'q'): string {
  return cutToSearchable(new URLSearchParams(location.search).get(param) ?? '');
}

/** `text` cut to the searchable length, never inside a surrogate pair (also what `sync-url` writes). */
export function cutToSearchable(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
