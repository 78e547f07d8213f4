/**
 * The search warm-up (`prepareSearch`, used by the in-page search when no worker can run): a query
 * typed while it runs finishes that build instead of starting a second one, and the results are
 * the same as from an index built at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { Catalogue, PolicyIndex } from '../../src/search/index.js';
import { readCorpora } from '../helpers/corpora.js';

const built = buildIndex(readCorpora('data'));

/** A fresh index that counts the search engines it creates. */
class CountingIndex extends PolicyIndex {
  engines = 0;
  constructor() {
    super(Catalogue.fromJSON(built));
  }
  protected override newEngine(): ReturnType<PolicyIndex['newEngine']> {
    this.engines++;
    return super.newEngine();
  }
}

describe('PolicyIndex.prepareSearch', () => {
  it('a query typed during the warm-up finishes it: one engine, same results', async () => {
    const reference = PolicyIndex.fromJSON(built);
    const index = new CountingIndex();
    const warming = index.prepareSearch();
    const during = index.search('regulatory sandbox');
    await warming;
    assert.equal(index.engines, 1, 'one search engine built, not two');
    assert.deepEqual(during, reference.search('regulatory sandbox'));
    assert.deepEqual(index.search('监管沙盒'), reference.search('监管沙盒'));
  });
});
