/**
 * Search in the worker (src/shared/index/search-client.ts → src/worker/search-worker.ts): what a reader
 * gets from the search box is what the in-page search gave, query for query.
 */
import { expect } from '@open-wc/testing';
import type { SearchResult } from '../../src/search/index.js';
import { loadLimits } from '../../src/shared/index/limits.js';
import { openSearcher, type IndexSearcher } from '../../src/shared/index/searcher.js';
import { getSearcher } from '../../src/shared/index/search-client.js';

const INDEX = new URL('/dist/bj-index.json', location.href).href;

/** Everything a result shows or links to. */
const seen = (results: SearchResult[]) =>
  results.map(({ id, kind, title, text, lang, score, strength, coverage, terms, matches, entry }) => ({
    id,
    kind,
    title,
    text,
    lang,
    score,
    strength,
    coverage,
    terms,
    matches,
    entry,
  }));

describe('search in a Web Worker', () => {
  let inPage: IndexSearcher;
  let readerQueries: Array<{ q: string }>;
  before(async () => {
    readerQueries = (await (await fetch(new URL('../search/reader/reader-queries.json', import.meta.url))).json()) as Array<{ q: string }>;
    const response = await fetch(INDEX);
    if (!response.ok) throw new Error('bj: dist/bj-index.json is missing; run `npm run build:index`');
    // The in-page search (the worker's fallback), which fetches the dictionary lexicon's parts as the
    // worker does (issue 21).
    inPage = await openSearcher(INDEX, { limits: loadLimits(), sync: true, json: JSON.parse(await response.text()) });
  });

  it('gives the in-page results for every query of the reader suite, from the worker', async function () {
    // Hundreds of queries, each searched twice: a correctness check, not a timing one, and a loaded
    // CI machine took more than the default 10 s for it (both browsers).
    this.timeout(120_000);
    const searcher = getSearcher(INDEX);
    await searcher.prepare();
    expect(searcher.mode).to.equal('worker');
    for (const { q } of readerQueries) {
      const fromWorker = await searcher.search(q, { kind: 'all', limit: 200 });
      expect(seen(fromWorker), q).to.deep.equal(seen(await inPage.search(q, { kind: 'all', limit: 200 })));
    }
    expect(await searcher.suggest('sandbx')).to.deep.equal(inPage.suggest('sandbx'));
  });

  it('rejects with the bj: message of a missing index, and tries again on the next query', async () => {
    const searcher = getSearcher(new URL('/no-such-index.json', location.href).href);
    let error: unknown;
    await searcher.search('sandbox').catch((e: unknown) => (error = e));
    expect(String((error as Error)?.message)).to.match(/^bj: the index at .*no-such-index\.json answered HTTP 404/);
    expect(searcher.mode, 'an index error is not a worker failure').to.equal('worker');
  });
});
