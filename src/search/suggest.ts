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
/** A run of a name's words counts a little less than the whole name. */
const WORDS_WEIGHT = 0.95;

/**
 * 1 for equal strings, falling with the edit distance relative to the longer one; exact when at
 * least `min`, else some value below `min`. The distance is only computed as far as `min` allows:
 * a 64-character query against a 10-character name is decided by their lengths, and every other
 * pair stops at the first row past the bound.
 */
function similarity(a: string, b: string, min: number): number {
  const longest = Math.max(a.length, b.length);
  // The bound errs high by far more than rounding, so a value at `min` is never cut.
  return longest === 0 ? 0 : 1 - editDistance(a, b, Math.floor((1 - min) * longest + 1e-9)) / longest;
}

/** A keyword name with its {@link nameKey} and that key's words, as {@link suggestNames} compares them. */
export interface SuggestName {
  name: string;
  key: string;
  words: string[];
}

/** `names` prepared once for {@link suggestNames}, which compares a query with all of them on each keystroke. */
export function suggestionNames(names: ReadonlyArray<{ name: string }>, variants: VariantMap): SuggestName[] {
  return names.map(({ name }) => {
    const key = nameKey(name, variants);
    return { name, key, words: key.split(' ') };
  });
}

/** Up to `limit` of `names` that look like `query`, best first (ties in code-unit order). */
export function suggestNames(names: readonly SuggestName[], query: string, limit: number, variants: VariantMap): string[] {
  const q = nameKey(query.slice(0, SUGGEST_QUERY_LENGTH), variants);
  if (!/[\p{L}\p{N}]/u.test(q)) return [];
  const qWords = q.split(' ').length;
  const scored = new Map<string, number>();
  for (const { name, key, words } of names) {
    // The whole name, or as many of its words as the query has (`sandbx` ~ `sandbox`).
    let best = similarity(q, key, SUGGEST_MIN_SIMILARITY);
    for (let i = 0; i + qWords <= words.length; i++) {
      best = Math.max(best, WORDS_WEIGHT * similarity(q, words.slice(i, i + qWords).join(' '), SUGGEST_MIN_SIMILARITY / WORDS_WEIGHT));
    }
    if (best >= SUGGEST_MIN_SIMILARITY && best > (scored.get(name) ?? 0)) scored.set(name, best);
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.max(0, limit))
    .map(([name]) => name);
}
