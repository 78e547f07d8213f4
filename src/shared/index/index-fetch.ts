/**
 * Loading an index on the page (a chunk: the index store imports it on the first load): its JSON
 * (src/shared/index/index-json.ts), then the reader. Every failure is a `BjError` whose `bj:` message
 * says what to do.
 */
import type { Catalogue } from '../../search/catalogue.js';
import type { PolicyIndex } from '../../search/policy-index.js';
import { fetchIndexValue, readAs } from './index-json.js';
import { loadLimits } from './limits.js';

/**
 * Fetches and reads the index at `url` (as a `Catalogue`) within the time and size limits (the given ones, else the
 * page's, else the defaults: 15 s, 8 MiB). Rejects with a `BjError`. For a sharded index, the
 * catalogue is its entry file (keywords, sources, the first passages of each keyword).
 */
export async function fetchCatalogue(url: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Catalogue> {
  // The reader (checks, the MiniSearch-free catalogue) is a chunk of its own: fetched in parallel.
  const reader = import('../../search/catalogue.js');
  reader.catch(() => undefined);
  const json = await fetchIndexValue(url, loadLimits(options));
  const { Catalogue } = await reader;
  return readAs(url, () => Catalogue.fromJSON(json));
}

/** The search engine over a loaded catalogue (MiniSearch and query planning, a chunk of their own). */
export async function searchIndexFor(catalogue: Catalogue): Promise<PolicyIndex> {
  const { PolicyIndex } = await import('../../search/policy-index.js');
  return PolicyIndex.fromCatalogue(catalogue);
}
