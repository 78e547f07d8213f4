/**
 * Fuzzing the search core and the index reader with fast-check.
 *
 * - 10,000+ generated queries (any Unicode: emoji, combining marks, control characters, lone
 *   surrogates, regex metacharacters, strings of 10,000+ characters) through `search`, `suggest`
 *   and `lookupTerm`: none throws, every result is well formed, and no query takes long (a generous
 *   bound that only detects hangs; the actual maximum is printed).
 * - The query cap: `MAX_QUERY_LENGTH` is enforced, never splits a surrogate pair, and is documented.
 * - The index reader: any mutation of a real index, any truncation of its text, any JSON value gives
 *   a usable index or a `BjError` with a known code and a `bj:` message — never another exception.
 *
 * bj-test-cost: 16 (CPU seconds, `node bench/cpu.mjs`: scripts/test-node.mjs starts long files first)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildIndex } from '../../src/search/build.js';
import { BjError, entryText, MAX_QUERY_LENGTH, PolicyIndex, type SearchResult } from '../../src/search/index.js';
import { loadIndex, clearIndexCache } from '../../src/shared/index/index-store.js';
import { readCorpora } from '../helpers/corpora.js';

/** Only a hang detector: a query this slow means something is wrong, not merely slow. */
const HANG_MS = 200;
/** CPU time (user + system) this process has used, ms. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const CODES = new Set(['network', 'http', 'timeout', 'json', 'format', 'schema-version', 'library-version', 'invalid-data']);

const REGEX_META = [...'.*+?^${}()|[]\\/'];
const CONTROL = [...Array(32).keys()]
  .map((c) => String.fromCharCode(c))
  .concat(['\u007f', '\u0085', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff']);
const COMBINING = ['\u0301', '\u0308', '\u0338', '\u20dd', '\u0489'];
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇨🇳', '🏳️‍🌈', '👍🏽', '\ud83d', '\ude00'];
const WORDS = [
  'regulatory',
  'sandbox',
  '监管沙盒',
  '監管沙盒',
  'jianguan',
  'jgsh',
  'time bank',
  'AND',
  'OR',
  '*',
  'NOT',
  '__proto__',
  'constructor',
];

/** One "piece" of a query; queries are sequences of them. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, // any code unit, lone surrogates included
  { weight: 2, arbitrary: fc.constantFrom(...REGEX_META, ...CONTROL, ...COMBINING, ...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abc监管沙盒 '), maxLength: 40 }) },
);
const query = fc.oneof(
  { weight: 20, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => p.join('')) },
  // Long strings: a repeated piece past 10,000 characters.
  {
    weight: 1,
    arbitrary: fc
      .tuple(piece, fc.integer({ min: 10_000, max: 30_000 }))
      .map(([p, n]) => (p || 'x').repeat(Math.ceil(n / Math.max(1, (p || 'x').length)))),
  },
);

function checkResult(r: SearchResult, index: PolicyIndex): void {
  assert.ok(r.kind === 'term' || r.kind === 'passage');
  assert.equal(r.entry.id, r.id);
  assert.equal(r.entry.kind, r.kind);
  assert.ok(Number.isFinite(r.score) && r.score > 0, `score ${r.score}`);
  assert.ok(r.lang === 'en' || r.lang === 'zh');
  assert.equal(r.text, entryText(r.entry, r.lang));
  assert.ok(index.term(r.id) ?? index.passage(r.id), 'the result is an entry of the index');
  for (const m of r.matches) {
    const field = m.field === 'text' ? r.text : m.field === 'title.en' ? r.title.en : r.title.zh;
    assert.ok(field !== undefined, `match on a missing field ${m.field}`);
    assert.ok(
      Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= field.length,
      JSON.stringify(m),
    );
  }
}

describe('search core fuzz', () => {
  let index: PolicyIndex;
  before(() => {
    index = PolicyIndex.fromJSON(JSON.parse(JSON.stringify(buildIndex(readCorpora('data')))));
    index.search('warm up'); // builds the search index once
  });

  it('10,000+ generated queries: no exception, well-formed results, no hang', () => {
    let max = 0;
    let maxQuery = '';
    let runs = 0;
    let withResults = 0;
    const slow: string[] = [];
    function body(q: string, kind: 'all' | 'term' | 'passage'): void {
      runs++;
      // CPU time of this process, not wall time: a hang burns CPU, a busy machine only delays us.
      const t0 = cpuMs();
      const results = index.search(q, { kind, limit: 50 });
      const suggestions = index.suggest(q);
      const found = index.lookupTerm(q);
      let took = cpuMs() - t0;
      if (took > max) [max, maxQuery] = [took, q];
      if (took >= HANG_MS) {
        // A garbage-collection pause or a busy machine, or a real hang: time the same query again.
        const t1 = cpuMs();
        index.search(q, { kind, limit: 50 });
        index.suggest(q);
        index.lookupTerm(q);
        took = Math.min(took, cpuMs() - t1);
        slow.push(`${took.toFixed(1)} ms again: ${JSON.stringify(q.slice(0, 40))}`);
      }
      assert.ok(took < HANG_MS, `query took ${took.toFixed(1)} ms twice (hang detector): ${JSON.stringify(q.slice(0, 80))}…`);
      assert.ok(Array.isArray(results) && results.length <= 50);
      if (results.length) withResults++;
      for (const r of results) {
        if (kind !== 'all') assert.equal(r.kind, kind);
        checkResult(r, index);
      }
      assert.ok(Array.isArray(suggestions) && suggestions.every((s) => typeof s === 'string'));
      assert.ok(found === undefined || index.term(found.id) === found);
    }
    fc.assert(
      fc.property(query, fc.constantFrom('all', 'term', 'passage' as const), (q, kind) => {
        body(q, kind);
      }),
      { numRuns: 10_000, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
    console.log(
      `# fuzz: ${runs} queries, ${withResults} with results, slowest ${max.toFixed(2)} ms (${maxQuery.length} chars); over ${HANG_MS} ms once: ${slow.length ? slow.join('; ') : 'none'}`,
    );
    assert.ok(runs >= 10_000);
  });

  it(`cuts queries at MAX_QUERY_LENGTH (${MAX_QUERY_LENGTH}) without splitting a surrogate pair`, () => {
    assert.equal(MAX_QUERY_LENGTH, 256);
    const ids = (q: string) => index.search(q, { limit: 200 }).map((r) => `${r.id}:${r.score.toFixed(6)}`);
    const head = 'regulatory sandbox ';
    const long = head + 'x'.repeat(20_000);
    assert.deepEqual(ids(long), ids(long.slice(0, MAX_QUERY_LENGTH)), 'only the first MAX_QUERY_LENGTH code units count');
    assert.ok(ids(head).length > 0);
    // A surrogate pair straddling the cut is dropped whole, never halved.
    const straddle = 'sandbox '.padEnd(MAX_QUERY_LENGTH - 1, 'q') + '😀 time bank';
    assert.deepEqual(ids(straddle), ids(straddle.slice(0, MAX_QUERY_LENGTH - 1)));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: MAX_QUERY_LENGTH, maxLength: MAX_QUERY_LENGTH * 3 }), (q) => {
        const cut = q.slice(0, MAX_QUERY_LENGTH);
        const safe = /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
        assert.deepEqual(ids(q), ids(safe));
      }),
      { numRuns: 300 },
    );
  });

  it('the cap is documented in SECURITY.md', () => {
    const security = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8');
    assert.match(security, new RegExp(`MAX_QUERY_LENGTH[^\\n]*\\b${MAX_QUERY_LENGTH}\\b`));
  });
});

describe('index reader fuzz', () => {
  const built = JSON.parse(JSON.stringify(buildIndex(readCorpora('test/search/fixtures')))) as Record<string, unknown>;
  const text = JSON.stringify(built);

  /** A JSON path into the built index (object keys and array indexes), chosen at random. */
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[], depth: number): void => {
    paths.push(path);
    if (depth > 4 || v === null || typeof v !== 'object') return;
    const keys = Array.isArray(v) ? v.map((_, i) => String(i)).slice(0, 3) : Object.keys(v).slice(0, 12);
    for (const k of keys) walk((v as Record<string, unknown>)[k], [...path, k], depth + 1);
  };
  walk(built, [], 0);

  function mutate(path: string[], value: unknown, remove: boolean): unknown {
    const copy = structuredClone(built) as Record<string, unknown>;
    if (path.length === 0) return value;
    let at: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const last = path.at(-1)!;
    if (remove) {
      if (Array.isArray(at)) at.splice(Number(last), 1);
      else delete at[last];
    } else at[last] = value;
    return copy;
  }

  /** What loading `json` through the page's loader gives: an index that searches, or a clean BjError. */
  async function loads(json: string): Promise<'ok' | string> {
    clearIndexCache();
    try {
      const index = await loadIndex(`data:application/json,${encodeURIComponent(json)}`, { timeoutMs: 5000 });
      for (const q of ['sandbox', '监管', 'jg', 'time bank']) index.search(q);
      index.suggest('sandbx');
      index.lookupTerm('regulatory sandbox');
      index.terms().forEach((t) => index.passagesFor(t.id));
      return 'ok';
    } catch (e) {
      assert.ok(e instanceof BjError, `not a BjError: ${String(e)}`);
      assert.ok(CODES.has(e.code), e.code);
      assert.match(e.message, /^bj: /);
      return e.code;
    }
  }

  async function mutations(depth: number, numRuns: number): Promise<void> {
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths.filter((p) => p.length <= depth)),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        async (path, value, remove) => {
          const outcome = await loads(JSON.stringify(mutate(path, value, remove)));
          codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
        },
      ),
      { numRuns },
    );
    console.log(`# index mutations (depth ${depth}): ${JSON.stringify(Object.fromEntries(codes))}`);
  }

  it('any value in place of a top-level field of a real index: the loader gives a working index or one clean BjError', async () => {
    await mutations(1, 300);
  });

  it('any value at any place of a real index (entries too): a working index or one clean BjError', async () => {
    await mutations(5, 400);
  });

  it('any truncation of the index text is a json error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
        assert.equal(await loads(text.slice(0, cut)), 'json');
      }),
      { numRuns: 150 },
    );
  });

  it('PolicyIndex.fromJSON on any JSON value throws only BjError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.constant(built)), (value) => {
        try {
          PolicyIndex.fromJSON(value);
        } catch (e) {
          assert.ok(e instanceof BjError, `not a BjError: ${String(e)}`);
          assert.match(e.message, /^bj: /);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
