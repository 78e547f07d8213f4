/**
 * The one index store of the page: one fetch per URL, shared by every element, in two views.
 *
 * - {@link loadCatalogue}: a {@link KeywordSource}, all a popover or `<bj-annotate>` needs (keyword
 *   lookup by name, alias or traditional form; related passages; every name).
 * - {@link loadSearchIndex}: the full `PolicyIndex` (MiniSearch, query planning) for the search box,
 *   built over the same catalogue (`PolicyIndex.fromCatalogue`): one fetch for both.
 *
 * The code that reads an index is imported on first use (a chunk of its own next to the loader),
 * so a page that never opens a popover or a search pays nothing for it. The first ask fetches, the
 * rest share the promise; a failed load is forgotten so that the next interaction retries.
 */
import type { Catalogue } from '../../search/catalogue.js';
import type { KeywordSource } from './keyword-source.js';
import { isOffline } from '../element/lazy-part.js';
import type { PolicyIndex } from '../../search/policy-index.js';

const catalogueLoads = new Map<string, Promise<Catalogue>>();
const catalogues = new Map<string, Catalogue>();
const searchLoads = new Map<string, Promise<PolicyIndex>>();
const searchIndexes = new Map<string, PolicyIndex>();

export interface LoadOptions {
  timeoutMs?: number;
  /** Largest index accepted, in bytes as decoded. */
  maxBytes?: number;
}

/** Shares one load per URL in `loads`; a failed load is forgotten (the next ask tries again). */
function once<T>(loads: Map<string, Promise<T>>, done: Map<string, T>, url: string, load: () => Promise<T>): Promise<T> {
  let pending = loads.get(url);
  if (!pending) {
    pending = load().then(
      (value) => {
        done.set(url, value);
        return value;
      },
      (error: unknown) => {
        loads.delete(url);
        throw error;
      },
    );
    loads.set(url, pending);
  }
  return pending;
}

/**
 * What popovers and `<bj-annotate>` read (a {@link KeywordSource}: the MiniSearch-free `Catalogue`),
 * loaded once per URL. Rejects with a `BjError`.
 */
export function loadCatalogue(url: string, options: LoadOptions = {}): Promise<Catalogue> {
  // Never offline: Firefox keeps a failed import failed for the page (IndexLoad says offline).
  return once(catalogueLoads, catalogues, url, () =>
    (!isOffline() ? import('./index-fetch.js') : Promise.reject(new Error('offline'))).then(({ fetchCatalogue }) =>
      fetchCatalogue(url, options),
    ),
  );
}

/** The catalogue at `url` if it has already loaded, without waiting. */
export function peekCatalogue(url: string): KeywordSource | undefined {
  return catalogues.get(url);
}

/** The searchable index at `url` (the search box): the same fetch as the catalogue, plus the engine. Rejects with a `BjError`. */
export function loadSearchIndex(url: string, options: LoadOptions = {}): Promise<PolicyIndex> {
  return once(searchLoads, searchIndexes, url, async () => {
    const [catalogue, { searchIndexFor }] = await Promise.all([loadCatalogue(url, options), import('./index-fetch.js')]);
    return searchIndexFor(catalogue);
  });
}

/** The searchable index at `url` if it has already loaded, without waiting. */
export function peekIndex(url: string): PolicyIndex | undefined {
  return searchIndexes.get(url);
}

/** Loads (once) and returns the searchable index at the absolute `url` (= {@link loadSearchIndex}). */
export const loadIndex = loadSearchIndex;

const clearHooks = new Set<() => void>();

/** Runs `fn` whenever {@link clearIndexCache} is called (the search client forgets its searchers). */
export function onClearIndexCache(fn: () => void): void {
  clearHooks.add(fn);
}

/** Forgets every loaded index (for tests, or after publishing a new index). */
export function clearIndexCache(): void {
  for (const map of [catalogueLoads, catalogues, searchLoads, searchIndexes]) map.clear();
  for (const fn of clearHooks) fn();
}
