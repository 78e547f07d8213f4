/**
 * The term matcher behind `<bj-annotate>` and {@link annotate}: the index's names compiled once per
 * index into the search core's `TermMatcher` (src/search/name-matcher.ts), leftmost-longest, never
 * overlapping. How names are varied (articles, quotation marks, a trailing parenthesis or its
 * acronym, plurals, traditional characters) is `src/search/names.ts`, shared with the index builder
 * and the keyword lookup, so what a popover finds by name is what gets annotated and what the
 * builder links. Ids (slugs such as `service-packages`) are not matched: they never appear in
 * published prose.
 */
import { TermMatcher, type TermName } from '../search/name-matcher.js';

export { TermMatcher, type TermMatch, type TermName } from '../search/name-matcher.js';
export { normalizeText, numberForms, nameSpellings as nameVariants } from '../search/names.js';

/** What the matcher needs from an index: `Catalogue` and `PolicyIndex` fit. */
export interface TermSource {
  termNames(): readonly TermName[];
  /** Length-preserving traditional → simplified mapping. */
  toSimplified?(text: string): string;
}

const cache = new WeakMap<object, TermMatcher>();

/** The matcher for an index (or any {@link TermSource}), built on first use and kept per object. */
export function matcherFor(source: TermSource): TermMatcher {
  let matcher = cache.get(source);
  if (!matcher) {
    const simplify = source.toSimplified ? (text: string) => source.toSimplified!(text) : undefined;
    matcher = new TermMatcher(source.termNames(), simplify);
    cache.set(source, matcher);
  }
  return matcher;
}
