import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildIndex } from '../../src/search/build.js';
import { editDistance } from '../../src/search/edit-distance.js';
import { BjError, MAX_QUERY_LENGTH, PolicyIndex, entryText, type MatchRange, type SearchResult } from '../../src/search/index.js';
import { nameKey } from '../../src/search/names.js';
import { readCorpora } from '../helpers/corpora.js';

const built = buildIndex(readCorpora('data'));
const json = JSON.stringify(built);
const index = PolicyIndex.fromJSON(json);

/** The highlighted strings of a result, per field. */
function marked(r: SearchResult, field: MatchRange['field']): string[] {
  const source = field === 'text' ? r.text : field === 'title.en' ? r.title.en! : r.title.zh!;
  return r.matches.filter((m) => m.field === field).map((m) => source.slice(m.start, m.end));
}

function fromEdited(edit: (value: Record<string, unknown>) => void): () => PolicyIndex {
  const value = JSON.parse(json) as Record<string, unknown>;
  edit(value);
  return () => PolicyIndex.fromJSON(value);
}

const failsWith = (code: string) => (e: unknown) =>
  e instanceof BjError && e.code === code && e.message.startsWith('bj: ') && /rebuild|bj-index build/.test(e.message);

describe('PolicyIndex.fromJSON', () => {
  it('loads the JSON text or its parsed value alike', () => {
    const fromValue = PolicyIndex.fromJSON(JSON.parse(json));
    assert.equal(fromValue.hash, built.hash);
    assert.equal(index.hash, built.hash);
    assert.deepEqual(index.sizeInfo, { terms: 13, passages: 100, documents: 2, jsonLength: json.length });
  });

  it('rejects text that is not JSON with code "json"', () => {
    assert.throws(() => PolicyIndex.fromJSON('{"format": "bj-index",'), failsWith('json'));
  });

  it('rejects a file that is not an index with code "format"', () => {
    assert.throws(() => PolicyIndex.fromJSON({ format: 'bj-corpus', schemaVersion: 1 }), failsWith('format'));
    assert.throws(() => PolicyIndex.fromJSON(null), failsWith('format'));
    assert.throws(() => PolicyIndex.fromJSON('[]'), failsWith('format'));
  });

  it('rejects another index layout with code "format"', () => {
    assert.throws(
      fromEdited((v) => (v.formatVersion = 2)),
      failsWith('format'),
    );
    assert.throws(
      fromEdited((v) => delete v.entries),
      failsWith('format'),
    );
  });

  it('rejects an index of another data schema with code "schema-version"', () => {
    assert.throws(
      fromEdited((v) => (v.schemaVersion = 2)),
      failsWith('schema-version'),
    );
  });

  it('rejects an index built by an incompatible library with code "library-version"', () => {
    assert.throws(
      fromEdited((v) => (v.library = { name: 'bj-policy-widgets', version: '1.0.0' })),
      failsWith('library-version'),
    );
    assert.throws(
      fromEdited((v) => (v.library = { name: 'bj-policy-widgets', version: '0.2.0' })),
      failsWith('library-version'),
    );
    assert.throws(
      fromEdited((v) => (v.library = { name: 'other', version: '0.1.0' })),
      failsWith('library-version'),
    );
    assert.doesNotThrow(fromEdited((v) => (v.library = { name: 'bj-policy-widgets', version: '0.1.7' })));
  });

  it('loads asynchronously with the same results', async () => {
    const later = await PolicyIndex.fromJSONAsync(json);
    assert.deepEqual(
      later.search('sandbox').map((r) => r.id),
      index.search('sandbox').map((r) => r.id),
    );
  });
});

describe('PolicyIndex.lookupTerm', () => {
  for (const name of [
    '监管沙盒',
    '監管沙盒',
    'Regulatory sandbox',
    'REGULATORY SANDBOX',
    'regulatory-sandbox',
    'Sandbox Supervision',
    '  “Regulatory   sandbox” ',
  ]) {
    it(`finds the regulatory sandbox keyword by ${JSON.stringify(name)}`, () => {
      assert.equal(index.lookupTerm(name)?.id, 'regulatory-sandbox');
    });
  }

  it('finds keywords by a title without its leading "The" or its acronym', () => {
    assert.equal(index.lookupTerm('notification and compliance requirement')?.id, 'notification-and-commitment');
    assert.equal(index.lookupTerm('SRAS')?.id, 'smart-review-and-approval');
    assert.equal(index.lookupTerm('"every microgram counts" initiative')?.id, 'every-microgram-counts');
  });

  it('returns undefined for what is not a keyword name', () => {
    assert.equal(index.lookupTerm('sandbox'), undefined);
    assert.equal(index.lookupTerm(''), undefined);
    assert.equal(index.lookupTerm('监管'), undefined);
  });
});

describe('PolicyIndex.suggest', () => {
  it('suggests keyword names close to a misspelt query', () => {
    assert.equal(index.suggest('sandbx')[0], 'Regulatory sandbox');
    assert.equal(index.suggest('tme bankng')[0], 'Time banking');
    assert.equal(index.suggest('监管沙')[0], '监管沙盒');
    assert.equal(index.suggest('監管沙')[0], '监管沙盒');
  });

  it('suggests nothing for a query like no name, and respects the limit', () => {
    assert.deepEqual(index.suggest('xyzzy'), []);
    assert.deepEqual(index.suggest('!!!'), []);
    assert.ok(index.suggest('service', 1).length <= 1);
  });

  it('suggests, for a query a few typos from a name, the names a full edit-distance comparison finds, in its order', () => {
    // The plain definition: each name's best of its whole key and every run of as many of its words
    // as the query has (that run weighted 0.95), with the edit distance computed to the end; kept
    // from 0.6 up, best first, ties in code-unit order.
    const similarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);
    const expected = (query: string): string[] => {
      const q = nameKey(query.slice(0, 64), index.catalogue.variants);
      if (!/[\p{L}\p{N}]/u.test(q)) return [];
      const n = q.split(' ').length;
      const scored = new Map<string, number>();
      for (const { name } of index.catalogue.termNames()) {
        const words = nameKey(name, index.catalogue.variants).split(' ');
        let best = similarity(q, words.join(' '));
        for (let i = 0; i + n <= words.length; i++) best = Math.max(best, 0.95 * similarity(q, words.slice(i, i + n).join(' ')));
        if (best >= 0.6 && best > (scored.get(name) ?? 0)) scored.set(name, best);
      }
      return [...scored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    };
    const names = index.catalogue.termNames().map((t) => t.name);
    const letters = [...new Set(names.join(''))];
    // A name (or two, or the start of one), then up to 6 typos: a letter of the names inserted,
    // deleted or replaced, so that queries land on both sides of the 0.6 bound.
    const typo = fc.record({ at: fc.nat(), op: fc.constantFrom('insert', 'delete', 'replace'), letter: fc.constantFrom(...letters) });
    const misspelt = fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('', ...names), fc.nat(40), fc.array(typo, { maxLength: 6 }))
      .map(([a, b, cut, typos]) => {
        let q = [...`${a} ${b}`.trim()].slice(0, Math.max(3, cut));
        for (const { at, op, letter } of typos) {
          const i = at % (q.length + 1);
          q = op === 'insert' ? q.toSpliced(i, 0, letter) : op === 'delete' ? q.toSpliced(i, 1) : q.toSpliced(i, 1, letter);
        }
        return q.join('');
      });
    let suggested = 0;
    fc.assert(
      fc.property(misspelt, (q) => {
        const got = index.suggest(q, 100);
        if (got.length) suggested++;
        assert.deepEqual(got, expected(q), q);
      }),
      { numRuns: 400, seed: 23 },
    );
    assert.ok(suggested > 100, `${suggested} of 400 misspelt queries had suggestions (the test needs many)`);
  });
});

describe('PolicyIndex.search', () => {
  it('returns keyword results with title, definition text in the query language, and the entry', () => {
    const [zh] = index.search('监管沙盒');
    assert.equal(zh?.kind, 'term');
    assert.deepEqual(zh?.title, { en: 'Regulatory sandbox', zh: '监管沙盒' });
    assert.equal(zh?.lang, 'zh');
    assert.equal(zh?.text, entryText(zh!.entry, 'zh'));
    assert.ok(zh?.text.startsWith('监管沙盒作为'));
    const [en] = index.search('regulatory sandbox');
    assert.equal(en?.lang, 'en');
    assert.ok(en?.text.includes('\n\n'), 'definition paragraphs are joined with a blank line');
    assert.equal(index.search('regulatory sandbox', { lang: 'zh' })[0]?.lang, 'zh');
  });

  it('returns passage results with the document title and the passage text', () => {
    const [r] = index.search('bankruptcy');
    assert.equal(r?.kind, 'passage');
    assert.deepEqual(r?.title, { en: 'A Beijing plan to optimise the business environment' });
    assert.equal(r?.entry.kind === 'passage' && r.entry.document.id, 'business-environment-plan');
    assert.equal(r?.text, r?.entry.kind === 'passage' ? r.entry.text : '');
  });

  it('filters by kind and limits the number of results', () => {
    assert.ok(index.search('supervision', { kind: 'passage' }).every((r) => r.kind === 'passage'));
    assert.ok(index.search('supervision', { kind: 'term' }).every((r) => r.kind === 'term'));
    assert.equal(index.search('supervision', { limit: 3 }).length, 3);
    assert.equal(index.search('supervision').length, 20);
  });

  it('marks the words that matched, through stems and typos', () => {
    const [r] = index.search('sandboxes');
    assert.deepEqual(marked(r!, 'title.en'), ['sandbox']);
    assert.ok(marked(r!, 'text').includes('sandbox'));
    const [typo] = index.search('regulatry');
    assert.ok(marked(typo!, 'text').every((s) => /^regulat/i.test(s)));
  });

  it('marks Chinese substrings, also for a traditional query', () => {
    const [r] = index.search('監管沙盒');
    assert.deepEqual(marked(r!, 'title.zh'), ['监管沙盒']);
    assert.equal(marked(r!, 'text')[0], '监管沙盒');
    const [one] = index.search('秒批');
    assert.deepEqual(marked(one!, 'text'), ['秒批']);
  });

  it('marks the Chinese title of a keyword found by pinyin', () => {
    const [r] = index.search('shijianyinhang');
    assert.deepEqual(marked(r!, 'title.zh'), ['时间银行']);
  });

  it('marks the English alias in a passage found through a Chinese keyword name', () => {
    const r = index.search('告知承诺制').find((x) => x.id === 'business-environment-plan-p024');
    assert.ok(r, 'passage p024 is found');
    assert.ok(marked(r, 'text').length > 0);
    assert.ok(marked(r, 'text').every((s) => /^notification-commitment system$/i.test(s)));
  });

  it('returns nothing for empty, blank or punctuation-only queries', () => {
    for (const q of ['', '   ', '\n\t', '!!!', '。,、', '***', '😀']) assert.deepEqual(index.search(q), [], q);
  });

  it('cuts very long queries and still answers', () => {
    const long = 'sandbox '.repeat(2000);
    assert.ok(long.length > 10000);
    assert.equal(index.search(long)[0]?.id, 'regulatory-sandbox');
    assert.equal(MAX_QUERY_LENGTH, 256);
  });

  it('never throws, whatever the query', () => {
    const hostile = [
      '(',
      '[a-z]+',
      '.*',
      '\\',
      '$^',
      '\u0000\u0007',
      'e\u0301\u0301\u0301',
      '\ud800',
      '\udc00abc',
      '𠀀'.repeat(300),
      'a'.repeat(10000),
      '__proto__',
      'constructor',
      'toString',
    ];
    for (const q of hostile) assert.doesNotThrow(() => index.search(q), q);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (q) => {
        const results = index.search(q);
        return Array.isArray(results) && results.every((r) => r.matches.every((m) => m.start < m.end));
      }),
      { numRuns: 300 },
    );
  });
});

describe('PolicyIndex records', () => {
  it('gives keywords, passages and the links between them', () => {
    assert.equal(index.terms().length, 13);
    assert.equal(index.term('time-banking')?.title.zh, '时间银行');
    assert.equal(index.term('business-environment-plan-p030'), undefined);
    assert.equal(index.passage('business-environment-plan-p030')?.kind, 'passage');
    const linked = index.passagesFor('regulatory-sandbox').map((p) => p.id);
    assert.deepEqual(linked, ['business-environment-plan-p030']);
    assert.deepEqual(index.term('regulatory-sandbox')?.passages, linked);
    assert.ok(index.passage('business-environment-plan-p030')?.terms.includes('regulatory-sandbox'));
    assert.deepEqual(index.passagesFor('no-such-term'), []);
    assert.equal(index.term('regulatory-sandbox')?.source.id, 'kob2022-business-environment');
  });

  it('lists every title and alias with its language, for annotation', () => {
    const names = index.termNames().filter((n) => n.termId === 'regulatory-sandbox');
    assert.deepEqual(names, [
      { termId: 'regulatory-sandbox', name: 'Regulatory sandbox', lang: 'en' },
      { termId: 'regulatory-sandbox', name: '监管沙盒', lang: 'zh' },
      { termId: 'regulatory-sandbox', name: 'Sandbox Supervision', lang: 'en' },
    ]);
  });

  it('maps traditional characters to simplified without changing the length', () => {
    assert.equal(index.toSimplified('監管沙盒'), '监管沙盒');
    assert.equal(index.toSimplified('時間銀行'), '时间银行');
    const mixed = 'Time 時間 𠀀';
    assert.equal(index.toSimplified(mixed).length, mixed.length);
  });
});
