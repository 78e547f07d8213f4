/**
 * "Did you mean": keyword names that look like a query with no results, by edit distance over the
 * whole name or as many of its words as the query has. DOM-free.
 */
import { nameKey } from './names.js';
import type { VariantMap } from './script.js';
import { editDistance } from './edit-distance.js';

/** Queries longer than this are cut before looking for suggestions (edit distance is quadratic). */
const SUGGEST_QUERY_LENGTH = 64;
/** How alike (1 − edit distance / length) a name must be to be suggested. */
const SUGGEST_MIN_SIMILARITY = 0.6;

/** 1 for equal strings, falling with the edit distance relative to the longer one. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

/** Up to `limit` of `names` that look like `query`, best first (ties in code-unit order). */
export function suggestNames(names: ReadonlyArray<{ name: string }>, query: string, limit: number, variants: VariantMap): string[] {
  const q = nameKey(query.slice(0, SUGGEST_QUERY_LENGTH), variants);
  if (!/[\p{L}\p{N}]/u.test(q)) return [];
  const qWords = q.split(' ').length;
  const scored = new Map<string, number>();
  for (const { name } of names) {
    const key = nameKey(name, variants);
    const words = key.split(' ');
    // The whole name, or as many of its words as the query has (`sandbx` ~ `sandbox`).
    let best = similarity(q, key);
    for (let i = 0; i + qWords <= words.length; i++) {
      best = Math.max(best, 0.95 * similarity(q, words.slice(i, i + qWords).join(' ')));
    }
    if (best >= SUGGEST_MIN_SIMILARITY && best > (scored.get(name) ?? 0)) scored.set(name, best);
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.max(0, limit))
    .map(([name]) => name);
}
