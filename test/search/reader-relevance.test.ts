/**
 * Reader relevance floors: the independent reader queries (test/search/reader/reader-queries.json,
 * 342 queries in 12 categories, written from the published texts without reading the engine) must
 * keep at least these MRR@10 and hit@10 figures per category. `npm run bench` prints the figures
 * next to plain MiniSearch and MiniSearch with Intl.Segmenter.
 *
 * `before` is the engine before issue 11 on the same cases (NOTES: /work/main at ad5d29d); the
 * floors the issue names are above it. Raise a floor when the engine gets better; never lower one
 * to make a change pass.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { PolicyIndex } from '../../src/search/index.js';
import { readCorpora } from '../helpers/corpora.js';
import { measure, type ReaderCase } from './reader/metrics.js';

const cases = JSON.parse(readFileSync(new URL('./reader/reader-queries.json', import.meta.url), 'utf8')) as ReaderCase[];
const index = PolicyIndex.fromJSON(JSON.stringify(buildIndex(readCorpora('data'))));

/** Per category: the floor (MRR@10, hit@10) and the engine before issue 11 (MRR@10, hit@10). */
const FLOORS: Record<string, { mrr: number; hit10: number; before: [number, number] }> = {
  'question-zh': { mrr: 0.95, hit10: 0.95, before: [0.07, 0.07] },
  'question-en': { mrr: 0.92, hit10: 0.92, before: [0.9, 0.96] },
  'colloquial-synonym': { mrr: 0.7, hit10: 0.8, before: [0.44, 0.6] },
  traditional: { mrr: 0.95, hit10: 0.95, before: [0.85, 0.85] },
  pinyin: { mrr: 0.95, hit10: 0.95, before: [0.56, 0.59] },
  typo: { mrr: 0.85, hit10: 0.93, before: [0.56, 0.67] },
  short: { mrr: 0.92, hit10: 0.92, before: [0.89, 0.89] },
  long: { mrr: 0.65, hit10: 0.7, before: [0.69, 0.71] },
  mixed: { mrr: 0.9, hit10: 0.95, before: [0.97, 1] },
  'zh-to-en-passage': { mrr: 0.05, hit10: 0.15, before: [0, 0] },
  paraphrase: { mrr: 0.82, hit10: 0.9, before: [0.85, 0.97] },
  unanswerable: { mrr: 0.9, hit10: 0.9, before: [0.46, 0.46] },
};

describe('reader relevance (independent queries), per category', () => {
  const ours = measure(cases, (q) => {
    const results = index.search(q, { limit: 10 });
    return { ids: results.map((r) => r.id), weakOnly: results.every((r) => r.strength === 'weak') };
  });

  it('covers every category of the suite, with at least 250 queries', () => {
    assert.ok(cases.length >= 250, `${cases.length} queries`);
    assert.deepEqual(Object.keys(ours.byCategory).sort(), Object.keys(FLOORS).sort());
  });

  for (const [category, floor] of Object.entries(FLOORS)) {
    it(`${category}: MRR@10 ≥ ${floor.mrr}, hit@10 ≥ ${floor.hit10} (before issue 11: ${floor.before.join(', ')})`, () => {
      const got = ours.byCategory[category]!;
      const failed = `first result wrong for: ${got.failed.slice(0, 8).join(' | ')}`;
      assert.ok(got.mrr >= floor.mrr, `MRR@10 ${got.mrr.toFixed(3)} < ${floor.mrr}; ${failed}`);
      assert.ok(got.hit10 >= floor.hit10, `hit@10 ${got.hit10.toFixed(3)} < ${floor.hit10}; ${failed}`);
    });
  }
});
