/**
 * The search-core fuzz of fuzz.test.ts, smaller, in the browsers: generated Unicode queries (emoji,
 * combining marks, controls, lone surrogates, regex metacharacters, 10,000+ characters) never throw
 * and give well-formed results; and the same kind of text typed into <bj-policy-search> leaves it
 * working with nothing uncaught.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/bj-policy-widgets.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { entryText, MAX_QUERY_LENGTH, PolicyIndex } from '../../src/search/index.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { REAL_INDEX, fresh, part, waitFor, watchErrors } from '../helpers/hardening.js';

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom(
    ...'.*+?^${}()|[]\\',
    '\u0000',
    '\u001b',
    '\u202e',
    '\u200b',
    '\u0301',
    '😀',
    '👩‍👩‍👧',
    '\ud83d',
    'sandbox',
    '监管沙盒',
    'jgsh',
  ),
);
const query = fc.oneof(
  { weight: 30, arbitrary: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: piece.map((p) => (p || 'x').repeat(Math.ceil(10_500 / Math.max(1, (p || 'x').length)))) },
);

describe('search core fuzz in the browser', function () {
  this.timeout(120000);
  let index: PolicyIndex;
  before(async () => {
    index = PolicyIndex.fromJSON(await (await fetch(REAL_INDEX)).text());
    index.search('warm up');
  });

  it('1,500 generated queries: no exception, well-formed results', () => {
    let max = 0;
    fc.assert(
      fc.property(query, (q) => {
        const t0 = performance.now();
        const results = index.search(q, { limit: 30 });
        index.suggest(q);
        index.lookupTerm(q);
        max = Math.max(max, performance.now() - t0);
        expect(results.length).to.be.at.most(30);
        for (const r of results) {
          expect(r.entry.id).to.equal(r.id);
          expect(r.text).to.equal(entryText(r.entry, r.lang));
          for (const m of r.matches) {
            const field = m.field === 'text' ? r.text : m.field === 'title.en' ? r.title.en : r.title.zh;
            expect(field, m.field).to.be.a('string');
            expect(m.start >= 0 && m.start < m.end && m.end <= field!.length, JSON.stringify(m)).to.equal(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
    console.log(`bj fuzz (${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'}): slowest query ${max.toFixed(1)} ms`);
  });

  it('<bj-policy-search> takes hostile and overlong input and keeps working', async () => {
    clearIndexCache();
    const watch = watchErrors();
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${fresh(REAL_INDEX)}></bj-policy-search>`);
      const samples = fc.sample(query, { numRuns: 40, seed: 7 });
      for (const q of [...samples, 'x'.repeat(50_000), '\ud800'.repeat(300)]) await el.search(q);
      await el.search('regulatory sandbox');
      await waitFor(() => el.shadowRoot!.querySelector('[role="option"]'), 'results after the fuzz');
      expect((part(el, 'input') as HTMLInputElement).value).to.equal('regulatory sandbox');
      expect(MAX_QUERY_LENGTH).to.equal(256);
    } finally {
      watch.stop();
    }
    expect(watch.errors).to.deep.equal([]);
  });
});
