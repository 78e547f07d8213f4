/**
 * When a search of a one-file index fetches the parts of its dictionary lexicon (the search box,
 * the headless API and `bj-index query` alike): a Chinese query's parts before it runs; an English
 * query's only when its own words found nothing close, and then it runs again. So an English query
 * with close matches in its own language is answered without translations everywhere. DOM-free.
 */
import type { PolicyIndex } from './policy-index.js';
import { hasHan } from './script.js';
import type { SearchOptions, SearchResult } from './types.js';

/**
 * Searches `index` for `q`; `ensure(q, english)` resolves once the lexicon parts the query needs are
 * in the index (or failed); `ready`, when given, is awaited beside the first of them (the engine's build).
 */
export async function searchWithLexicon(
  index: PolicyIndex,
  q: string,
  opts: SearchOptions | undefined,
  ensure: (q: string, english: boolean) => Promise<unknown>,
  ready?: Promise<unknown>,
): Promise<SearchResult[]> {
  const lexicon = index.catalogue.built.lexiconFile !== undefined;
  await Promise.all([ready, lexicon && hasHan(q) ? ensure(q, false) : undefined]);
  const results = index.search(q, opts);
  if (!lexicon || results.some((r) => r.strength === 'strong')) return results;
  await ensure(q, true);
  return index.search(q, opts);
}
