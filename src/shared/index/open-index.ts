/**
 * `openIndex(url)`: the public headless way to search an index of either layout, one-file or
 * sharded, exactly as the elements do. Queries run in the search worker (`search-worker.js`, next to
 * the script that imported this) where the browser allows one, else on the page; outside a browser
 * (Node 20+, with an http(s) URL) they run in the calling thread. Results are the elements' own:
 * `strength`, `coverage`, `via` and, on a sharded index, `pending` beyond `resolve`.
 */
import { getSearcher, type Searcher } from './search-client.js';
import { scriptUrl, setScriptUrl } from './script-url.js';
import type { SearchResult } from '../../search/types.js';
import type { ShardedSearchOptions } from '../../search/shards/query.js';

export interface OpenIndexOptions {
  /** Time limit for loading the index (and each part), in milliseconds (default 15000). */
  timeoutMs?: number;
  /** Largest index (or part) accepted, in bytes as decoded (default 8 MiB). */
  maxBytes?: number;
}

export interface IndexSearchOptions extends Omit<ShardedSearchOptions, 'superseded'> {
  /**
   * `true`: a newer search on the same index makes this one moot while it still waits for parts
   * (it then resolves with what it has, possibly nothing), as a search box does while the reader
   * types. Default `false`: every search answers in full.
   */
  latestOnly?: boolean;
}

export interface IndexHandle extends Omit<Searcher, 'search'> {
  /** The index's results for `query`, best first (see `SearchResult`). Rejects with a `BjError` whose message starts with `bj:`. */
  search(query: string, opts?: IndexSearchOptions): Promise<SearchResult[]>;
}

/**
 * Opens the index at `url` (relative URLs resolve against the page) for searching. Nothing is
 * fetched until the first `search`, `suggest` or `prepare`; one index per URL is shared with the
 * page's elements.
 */
export function openIndex(url: string | URL, options: OpenIndexOptions = {}): IndexHandle {
  let href: string;
  try {
    href = new URL(String(url), typeof document === 'undefined' ? undefined : document.baseURI).href;
  } catch {
    throw new TypeError(
      `bj: openIndex needs the index's URL; "${String(url)}" is not one here (outside a page, give an absolute http(s) URL).`,
    );
  }
  // The worker is `search-worker.js` next to this script (dist/search.js), unless the loader said where it is.
  if (!scriptUrl()) setScriptUrl(import.meta.url);
  const searcher = getSearcher(href, options);
  return {
    get mode() {
      return searcher.mode;
    },
    search: (query, { latestOnly = false, ...opts } = {}) => searcher.search(query, { ...opts, queue: latestOnly ? 'latest' : 'all' }),
    suggest: (query, limit) => searcher.suggest(query, limit),
    prepare: () => searcher.prepare(),
    fetched: () => searcher.fetched(),
  };
}
