/**
 * The search warm-up (`prepareSearch`, used by the in-page search when no worker can run): a query
 * typed while it runs finishes that build instead of starting a second one, and the results are
 * the same as from an index built at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { PolicyIndex } from '../../src/search/index.js';
import { indexInternals } from '../../src/search/shards/internals.js';
import { readCorpora } from '../helpers/corpora.js';

const built = buildIndex(readCorpora('data'));

/** A fresh index that counts the search engines it creates. */
function counted(): { index: PolicyIndex; engines: () => number } {
  const index = PolicyIndex.fromJSON(built);
  const internals = indexInternals(index);
  const make = internals.newEngine.bind(index);
  let n = 0;
  internals.newEngine = () => {
    n++;
    return make();
  };
  return { index, engines: () => n };
}

describe('PolicyIndex.prepareSearch', () => {
  it('a query typed during the warm-up finishes it: one engine, same results', async () => {
    const reference = PolicyIndex.fromJSON(built);
    const { index, engines } = counted();
    const warming = index.prepareSearch();
    const during = index.search('regulatory sandbox');
    await warming;
    assert.equal(engines(), 1, 'one search engine built, not two');
    assert.deepEqual(during, reference.search('regulatory sandbox'));
    assert.deepEqual(index.search('监管沙盒'), reference.search('监管沙盒'));
  });
});
