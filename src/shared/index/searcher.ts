/**
 * Opens an index for searching, whatever its layout: a single-file index (`PolicyIndex`) or a
 * sharded one (`ShardedIndex`, parts fetched as queries need them). DOM-free: the search worker
 * (src/worker/search-worker.ts) and the in-page fallback (src/shared/index/search-client.ts) both use it,
 * so both answer alike.
 */
import { PolicyIndex } from '../../search/index.js';
import { searchWithLexicon } from '../../search/lexicon-policy.js';
import { isShardedIndex } from '../../search/shards/format.js';
import type { ShardedSearchOptions } from '../../search/shards/query.js';
import type { SearchResult } from '../../search/types.js';
import { fetchIndexValue, readAs } from './index-json.js';
import type { Limits } from './limits.js';

export interface IndexSearcher {
  search(query: string, opts?: ShardedSearchOptions): Promise<SearchResult[]>;
  suggest(query: string, limit?: number): string[];
  /** Gets ready for the first query (builds the engine of a single-file index). */
  prepare(): Promise<void>;
  /** URLs of the parts fetched so far (none for a single-file index). */
  fetched(): string[];
  /** `single` or `sharded`. */
  readonly layout: 'single' | 'sharded';
}

export interface OpenOptions {
  limits: Limits;
  /**
   * Build a single-file index's search engine in one synchronous step (in a worker, where nothing
   * waits for the thread) instead of in chunks that yield to the page.
   */
  sync: boolean;
  /** The index's JSON when the caller has it already. */
  json?: unknown;
}

/** Opens the index at the absolute `url`. Rejects with a `BjError` whose message starts with `bj:`. */
export async function openSearcher(url: string, { limits, sync, json }: OpenOptions): Promise<IndexSearcher> {
  const value = json ?? (await fetchIndexValue(url, limits));
  if (isShardedIndex(value)) {
    // The sharded reader is a part of its own: a single-file index never fetches it.
    const { ShardedIndex } = await import('../../search/shards/query.js');
    const sharded = ShardedIndex.open(value, url, (part) => fetchIndexValue(part, limits));
    return {
      layout: 'sharded',
      search: (q, opts) => sharded.search(q, opts),
      suggest: (q, limit) => sharded.catalogue.suggest(q, limit),
      prepare: () => Promise.resolve(),
      fetched: () => [...sharded.fetched],
    };
  }
  const index: PolicyIndex = readAs(url, () => PolicyIndex.fromJSON(value));
  // One build, whoever asks first: a query typed during a chunked build waits for it rather than
  // starting a second, synchronous build beside it.
  let ready: Promise<void> | undefined;
  const prepare = (): Promise<void> => {
    ready ??= sync ? Promise.resolve().then(() => index.buildSearch()) : index.prepareSearch();
    return ready;
  };
  // The dictionary lexicon's parts, fetched by a lazy part: a Chinese query's before it
  // runs; an English query's only when its own words found nothing close (then it runs again).
  let lexicon: Promise<(q: string, english: boolean) => Promise<unknown>> | undefined;
  const withLexicon = (q: string, english: boolean) =>
    (lexicon ??= import('./lexicon-loader.js').then(({ lexiconLoader }) => lexiconLoader(index, url, limits))).then((load) =>
      load(q, english),
    );
  return {
    layout: 'single',
    search: (q, opts) => searchWithLexicon(index, q, opts, withLexicon, prepare()),
    suggest: (q, limit) => index.suggest(q, limit),
    prepare,
    fetched: () => [],
  };
}
