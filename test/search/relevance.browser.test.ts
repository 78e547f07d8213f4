import { expect } from '@open-wc/testing';
import { PolicyIndex } from '../../src/search/index.js';
import { RELEVANCE_CASES } from './relevance-cases.js';

const INDEX_URL = '/dist/bj-index.json';

// The index `npm run build:index` (part of `npm test`'s build step) writes from data/*.json.
async function loadIndex(): Promise<PolicyIndex> {
  const response = await fetch(INDEX_URL);
  if (!response.ok) {
    throw new Error('bj: /dist/bj-index.json is missing; run `npm run build:index` before the browser tests');
  }
  if (/json/.test(response.headers.get('content-type') ?? '')) return PolicyIndex.fromJSONAsync(await response.text());
  // The test server's esbuild plugin (`json: true`) serves .json files as JS modules: import it instead.
  const module = (await import(/* @vite-ignore */ INDEX_URL)) as { default: unknown };
  return PolicyIndex.fromJSONAsync(module.default);
}

describe('search relevance on the default corpus (browser)', () => {
  let index: PolicyIndex;
  before(async () => {
    index = await loadIndex();
  });

  for (const c of RELEVANCE_CASES) {
    const what = c.expect === 'top' ? 'first' : 'among the first 10';
    it(`${c.group}: ${JSON.stringify(c.query)} finds ${c.kind} ${c.id} ${what}`, () => {
      const found = index.search(c.query, { limit: 10 }).map((r) => `${r.kind}:${r.id}`);
      if (c.expect === 'top') expect(found[0], `got ${found.slice(0, 3).join(', ')}`).to.equal(`${c.kind}:${c.id}`);
      else expect(found, `got ${found.join(', ')}`).to.include(`${c.kind}:${c.id}`);
    });
  }
});
