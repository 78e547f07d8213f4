/**
 * A sharded index (src/search/shards/) read as the search worker reads it, parts served from
 * memory: the single-file index's results, only the parts a query needs, `bj:` errors for parts
 * that are missing, stale or broken.
 *
 * bj-test-cost: 20 (CPU seconds, `node bench/cpu.mjs`: scripts/test-node.mjs starts long files first)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error -- plain ESM bench script without types
import { syntheticCorpora } from '../../bench/lib/synth.mjs';
// @ts-expect-error -- plain ESM bench script without types
import { QUERY_LIST } from '../../bench/lib/queries.mjs';
import { buildIndex } from '../../src/search/build.js';
import { BjError, Catalogue, PolicyIndex, type SearchResult } from '../../src/search/index.js';
import { shardIndex, type ShardOptions } from '../../src/search/shards/build.js';
import { ShardedIndex } from '../../src/search/shards/query.js';
import { readCorpora } from '../helpers/corpora.js';

const ENTRY = 'https://example.gov.cn/widgets/bj-index.json';
const PARTS = 'https://example.gov.cn/widgets/bj-index/';

/** Opens a sharded build, serving its parts from memory; `edit` may change a part's text. */
function open(built: ReturnType<typeof buildIndex>, options: ShardOptions = {}, edit?: (name: string, text: string) => string | undefined) {
  return serve(shardIndex(built, options), edit);
}

/** Opens the entry of a sharded build, serving its parts from memory. */
function serve({ entry, parts }: ReturnType<typeof shardIndex>, edit?: (name: string, text: string) => string | undefined) {
  const requests: string[] = [];
  const load = (url: string): Promise<string> => {
    requests.push(url);
    const name = url.slice(PARTS.length);
    let text = parts.get(name);
    if (text !== undefined && edit) text = edit(name, text);
    if (text === undefined) return Promise.reject(new BjError('http', `bj: part ${url} answered HTTP 404`));
    return Promise.resolve(text);
  };
  const sharded = ShardedIndex.open(JSON.parse(JSON.stringify(entry)), ENTRY, load);
  return { sharded, entry, parts, requests };
}

/**
 * What a reader sees of a result list (scores to the last bit): everything but a keyword's full
 * list of passage ids (the catalogue keeps the first few per keyword, what a popover lists).
 */
function seen(results: SearchResult[]) {
  return results.map((r) => ({
    ...r,
    entry: r.entry.kind === 'term' ? { ...r.entry, passages: r.entry.passages.slice(0, 3) } : r.entry,
  }));
}

const readerQueries = (JSON.parse(readFileSync('test/search/reader/reader-queries.json', 'utf8')) as Array<{ q: string }>).map((c) => c.q);
const QUERIES = [
  ...new Set([
    ...QUERY_LIST.map((q: { q: string }) => q.q),
    ...readerQueries,
    '监',
    '监管',
    'jgsh',
    'jianguanshahe',
    'sandbx',
    'IPR',
    'employmnt',
    '營商環境',
  ]),
];

describe('sharded index (bj-index build --shards)', () => {
  const synthetic = buildIndex(syntheticCorpora(2000));
  const whole = PolicyIndex.fromJSON(synthetic);
  // The build with the default options, split once (a split of the 2,000 passages costs ~2 s of
  // CPU) and served afresh to each test: `serve` opens a copy of its entry, and its parts are strings.
  let defaultBuild: ReturnType<typeof shardIndex> | undefined;
  const defaultSplit = () => (defaultBuild ??= shardIndex(synthetic));

  it('gives the single-file results for every query of the mix, on a generated corpus of 2,000 passages', async () => {
    // Small parts, so that queries cross partition and fragment boundaries.
    const { sharded } = open(synthetic, { termPartChars: 6000, formPartChars: 2000, passagesPerFragment: 7 });
    for (const q of QUERIES) {
      for (const opts of [{ limit: 20 }, { kind: 'passage' as const, limit: 5 }]) {
        const expected = seen(whole.search(q, opts));
        const actual = seen(await sharded.search(q, opts));
        assert.deepEqual(actual, expected, `query ${JSON.stringify(q)} ${JSON.stringify(opts)}`);
      }
    }
  });

  it('gives the single-file results on the default corpus, for the reader suite', async () => {
    const built = buildIndex(readCorpora('data'));
    const single = PolicyIndex.fromJSON(built);
    const { sharded } = open(built, { termPartChars: 3000, passagesPerFragment: 4 });
    for (const q of readerQueries) assert.deepEqual(seen(await sharded.search(q)), seen(single.search(q)), q);
  });

  it('fetches only a few parts for a query, and the fragments of the results it shows', async () => {
    const { sharded, parts, requests } = serve(defaultSplit());
    const results = await sharded.search('regulatory sandbox', { limit: 200, resolve: 10 });
    assert.ok(results.length > 10);
    assert.ok(requests.length < parts.size / 10, `${requests.length} of ${parts.size} parts fetched`);
    for (const r of results.slice(0, 10)) assert.ok(r.text.length > 0 && r.pending === undefined, r.id);
    const later = results.slice(10).filter((r) => r.pending !== undefined);
    assert.ok(later.length > 0, 'the passages beyond the shown ones are marked pending');
    for (const r of later) assert.ok(r.kind === 'passage' && r.id === '' && r.text === '', JSON.stringify(r));
    const before = requests.length;
    await sharded.search('regulatory sandbox', { limit: 200, resolve: 10 });
    assert.equal(requests.length, before, 'a repeated query fetches nothing');
  });

  it('ranks a Chinese query as the single-file index does, fetching the texts of the shown results only', async () => {
    // The mix's Chinese queries with a Han run of three or more characters, and every eighth reader question.
    const chinese = QUERIES.filter((q) => /\p{Script=Han}{3}/u.test(q)).filter((_, i) => i < 16 || i % 8 === 0);
    const passageParts = (requests: string[]) => new Set(requests.filter((r) => r.startsWith(`${PARTS}passages-`))).size;
    // Parts of a build of library 0.1, without the bigrams' places: the texts are read instead.
    const older = (_: string, text: string) => {
      const part = JSON.parse(text) as { positions?: unknown };
      delete part.positions;
      return JSON.stringify(part);
    };
    const build = shardIndex(synthetic, { passagesPerFragment: 7 });
    for (const q of chinese) {
      const expected = whole.search(q, { limit: 20 });
      const shown = expected.filter((r) => r.kind === 'passage').slice(0, 3);
      const { sharded, requests } = serve(build);
      const actual = await sharded.search(q, { limit: 20, resolve: 3 });
      assert.deepEqual(
        actual.map((r) => [r.pending === undefined ? r.id : 'pending', r.score]),
        expected.map((r) => [actual.find((a) => a.id === r.id) ? r.id : 'pending', r.score]),
        `${q}: the same results, in the same order, with the same scores`,
      );
      assert.ok(passageParts(requests) <= shown.length, `${q}: ${passageParts(requests)} passage parts for ${shown.length} shown passages`);
      const old = serve(build, older);
      const fromTexts = await old.sharded.search(q, { limit: 20, resolve: 3 });
      assert.deepEqual(
        fromTexts.map((r) => r.score),
        expected.map((r) => r.score),
        `${q}: an older build ranks alike`,
      );
    }
  });

  it('answers keyword lookups and suggestions from the catalogue alone', () => {
    const { sharded, requests, entry } = serve(defaultSplit());
    assert.equal(sharded.catalogue.lookupTerm('監管沙盒')?.id, 'regulatory-sandbox');
    assert.deepEqual(sharded.catalogue.suggest('sandbx'), whole.suggest('sandbx'));
    assert.equal(requests.length, 0);
    assert.ok(JSON.stringify(entry).length < JSON.stringify(synthetic).length / 5);
  });

  it('reports a missing part, a part from another build and a part that is not JSON with bj: messages', async () => {
    const missing = serve(defaultSplit(), (name, text) => (name.startsWith('terms-') ? undefined : text));
    await assert.rejects(missing.sharded.search('sandbox'), (e: unknown) => e instanceof BjError && /HTTP 404/.test(e.message));
    const stale = serve(defaultSplit(), (_name, text) => text.replace(synthetic.hash, '0123456789abcdef0123'));
    await assert.rejects(
      stale.sharded.search('sandbox'),
      (e: unknown) => e instanceof BjError && e.message.startsWith('bj: part ') && /another build/.test(e.message),
    );
    const broken = serve(defaultSplit(), (_name, text) => text.slice(0, 100));
    await assert.rejects(
      broken.sharded.search('sandbox'),
      (e: unknown) => e instanceof BjError && e.code === 'json' && /not valid JSON/.test(e.message),
    );
    // After a failure, the next search tries again (a part that now arrives is used).
    let fail = true;
    const flaky = serve(defaultSplit(), (_name, text) => (fail ? undefined : text));
    await assert.rejects(flaky.sharded.search('sandbox'));
    fail = false;
    assert.deepEqual(seen(await flaky.sharded.search('sandbox')), seen(whole.search('sandbox')));
  });

  it('counts every related passage of a keyword for its popover, as the single-file index does, while listing only the first few', () => {
    const { entry } = defaultSplit();
    const catalogue = Catalogue.fromJSON(JSON.parse(JSON.stringify(entry)));
    const terms = whole.catalogue.terms();
    assert.ok(
      terms.some((t) => whole.passagesFor(t.id).length > 3),
      'the corpus has a keyword with more than 3 passages (the test needs one)',
    );
    for (const t of terms) {
      const all = whole.passagesFor(t.id);
      assert.equal(catalogue.relatedCount(t.id), all.length, `${t.id}: the count of related passages`);
      const listed = catalogue.passagesFor(t.id).map((p) => p.id);
      assert.ok(listed.length >= Math.min(3, all.length), `${t.id}: at least the first 3 are listed`);
      assert.deepEqual(
        listed.slice(0, 3),
        all.slice(0, 3).map((p) => p.id),
        `${t.id}: the first passages, in corpus order`,
      );
    }
    assert.equal(
      whole.catalogue.relatedCount(terms[0]!.id),
      whole.passagesFor(terms[0]!.id).length,
      'a single-file index counts its own list',
    );
  });

  it('refuses a broken manifest with a bj: message naming the problem', () => {
    const { entry } = defaultSplit();
    const bad = { ...entry, shards: { ...entry.shards, passageCount: 5 } };
    assert.throws(
      () => ShardedIndex.open(bad, ENTRY, () => Promise.reject(new Error('unused'))),
      /bj: the index at .* broken "shards" manifest/,
    );
    const counts = { ...entry, shards: { ...entry.shards, relatedCounts: [1, -2] } };
    assert.throws(
      () => ShardedIndex.open(counts, ENTRY, () => Promise.reject(new Error('unused'))),
      /broken "shards" manifest \(relatedCounts/,
    );
    const future = { ...entry, shards: { ...entry.shards, version: 9 } };
    assert.throws(() => ShardedIndex.open(future, ENTRY, () => Promise.reject(new Error('unused'))), /sharded layout version 9/);
  });
});
