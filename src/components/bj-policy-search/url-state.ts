/**
 * Shareable search state for `<bj-policy-search sync-url>`: the query lives in `?q=` of the page
 * address. Writes use `history.replaceState` (no history entry per keystroke) and keep every
 * other parameter and the hash.
 */
import { MAX_QUERY_LENGTH } from '../../search/index.js';
import type { SearchResult } from '../../search/types.js';
import { webHref } from '../../search/validate.js';

/**
 * The query in the page address, or '' when there is none; at most `MAX_QUERY_LENGTH` characters
 * (all a search reads), so a crafted link cannot put a long message into the box.
 */
export function readUrlQuery(param = 'q'): string {
  return cutToSearchable(new URLSearchParams(location.search).get(param) ?? '');
}

/** `text` cut to the searchable length, never inside a surrogate pair. */
function cutToSearchable(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Puts `query` into the page address (removes the parameter when `query` is blank). */
export function writeUrlQuery(query: string, param = 'q'): void {
  const url = new URL(location.href);
  const value = query.trim();
  if (value) url.searchParams.set(param, value);
  else url.searchParams.delete(param);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}

/**
 * Where a result links to: a passage indexed from a web page (`bj-index build --site`) to its page
 * and heading, when that address is http(s); other results to the filled `template`, if there is one.
 */
export function resultHref(result: SearchResult, template?: string): string | undefined {
  // The loader accepts only http(s) page addresses (validate.ts); checked again where it becomes a link.
  const url = result.entry.kind === 'passage' && /^https?:\/\//i.test(result.entry.url ?? '') ? webHref(result.entry.url) : undefined;
  if (url !== undefined) return url;
  return template ? fillHrefTemplate(template, result.kind, result.id) : undefined;
}

/** Fills `{id}` (URL-encoded) and `{kind}` (`term` or `passage`) in a link template. */
export function fillHrefTemplate(template: string, kind: string, id: string): string {
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{kind\}/g, encodeURIComponent(kind));
}
