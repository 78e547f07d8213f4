/**
 * The search box's questions to its index, opened in the search worker (else on the page:
 * src/shared/index/search-client.ts) through `IndexLoad` (src/shared/index/index-load.ts: loading
 * state, failure reported once, Retry). The newest query wins: an answer to an older one, or from an
 * index the element no longer names, never lands. Part of the search chunk (search-controller.ts).
 */
import type { SearchResult } from '../../search/types.js';
import { IndexLoad } from '../../shared/index/index-load.js';
import { getSearcher, type Searcher } from '../../shared/index/search-client.js';
import type { BjPolicySearch } from './bj-policy-search.js';

/** Results asked of the index per query; filters and "Show more" work on these. */
const MAX_RESULTS = 200;

/** An answer: the results, and "did you mean" when there are none. */
export interface Answer {
  results: SearchResult[];
  suggestions: string[];
}

export class IndexSearch {
  /** The index: its loading state, failure and Retry. */
  readonly index: IndexLoad<Searcher>;
  private seq = 0;
  private lastIssued?: string;

  constructor(host: BjPolicySearch) {
    this.index = new IndexLoad(host, (url) => {
      const searcher = getSearcher(url);
      return searcher.prepare().then(() => searcher);
    });
  }

  /** Issues `q`: false when it is the query issued last (unless `force`); from now on, answers to earlier ones are dropped. */
  issue(q: string, force: boolean): boolean {
    if (!force && q === this.lastIssued) return false;
    this.lastIssued = q;
    this.seq++;
    return true;
  }

  /**
   * The answer to `q`, the query issued last; a sharded index fetches the texts of the first
   * `resolve` results of each kind (those shown). `again`: the element names another index now,
   * search that one; `failed`: the index (or a part of it, a sharded index's shard) could not be
   * loaded, said once until Retry; `undefined`: a newer query was issued meanwhile. Never throws.
   */
  async ask(q: string, resolve: number): Promise<Answer | 'again' | 'failed' | undefined> {
    const seq = this.seq;
    // Never throws; a failure is reported once (IndexLoad); a new `index` meanwhile: the new one.
    const index = await this.index.load();
    if (seq !== this.seq) return;
    if (!index) return 'failed';
    const url = this.index.url;
    let results: SearchResult[];
    let suggestions: string[] = [];
    try {
      results = await index.search(q, { kind: 'all', limit: MAX_RESULTS, resolve });
      if (seq === this.seq && results.length === 0) suggestions = await index.suggest(q);
    } catch (error) {
      if (seq !== this.seq) return;
      if (this.index.current() !== url) return 'again';
      this.index.fail(error);
      return 'failed';
    }
    // A newer query was issued while this one waited for the index: never overwrite it.
    if (seq !== this.seq) return;
    // `index` changed while it searched: search the new one.
    if (this.index.current() !== url) return 'again';
    this.index.answered();
    return { results, suggestions: suggestions.filter((s) => s !== q).slice(0, 5) };
  }

  /** The results of `q` again, the texts of the first `resolve` fetched (a sharded index); `undefined` once a newer query was issued, or on a failure (the next query reports it). */
  async resolve(q: string, resolve: number): Promise<SearchResult[] | undefined> {
    const seq = this.seq;
    try {
      const results = await this.index.value?.search(q, { kind: 'all', limit: MAX_RESULTS, resolve });
      return seq === this.seq ? results : undefined;
    } catch {
      return undefined;
    }
  }
}
