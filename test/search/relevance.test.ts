import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { PolicyIndex } from '../../src/search/index.js';
import { RELEVANCE_CASES } from './relevance-cases.js';

const dataDir = new URL('../../data/', import.meta.url);
const corpora = readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: `data/${f}`, data: JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) }));
const index = PolicyIndex.fromJSON(JSON.stringify(buildIndex(corpora)));

describe('search relevance on the default corpus (Node)', () => {
  for (const c of RELEVANCE_CASES) {
    const what = c.expect === 'top' ? 'first' : 'among the first 10';
    it(`${c.group}: ${JSON.stringify(c.query)} finds ${c.kind} ${c.id} ${what}`, () => {
      const results = index.search(c.query, { limit: 10 });
      const found = results.map((r) => `${r.kind}:${r.id}`);
      if (c.expect === 'top') assert.equal(found[0], `${c.kind}:${c.id}`, `got ${found.slice(0, 3).join(', ')}`);
      else assert.ok(found.includes(`${c.kind}:${c.id}`), `got ${found.join(', ')}`);
    });
  }
});
