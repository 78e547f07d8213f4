/**
 * A tampered sharded index: its manifest and parts get the same precise `bj:` refusals as a tampered
 * one-file index, never a frozen tab, a polluted prototype, a crash, or requests outside its folder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import { unmark } from '../../src/search/engine.js';
import { BjError } from '../../src/search/index.js';
import { partName, shardIndex } from '../../src/search/shards/build.js';
import { rangeXLexicon } from '../../src/search/xlang-parts.js';
import { ShardedIndex } from '../../src/search/shards/query.js';
import { readCorpora } from '../helpers/corpora.js';

const ENTRY = 'https://example.gov.cn/widgets/bj-index.json';
const built = buildIndex(readCorpora('data'));
const { entry, parts } = shardIndex(built, {});

type Json = Record<string, unknown>;
/** Opens the build with `editEntry` applied to a copy of its entry and `editPart` to each parsed part. */
function open(
  editEntry: (e: Json & { shards: Json }) => void = () => undefined,
  editPart: (name: string, part: Json) => void = () => undefined,
) {
  const copy = JSON.parse(JSON.stringify(entry)) as Json & { shards: Json };
  editEntry(copy);
  const requests: string[] = [];
  const load = (url: string): Promise<unknown> => {
    requests.push(url);
    const name = url.slice(url.lastIndexOf('/') + 1);
    const text = parts.get(name);
    if (text === undefined) return Promise.reject(new BjError('http', `bj: part ${url} answered HTTP 404`));
    const part = JSON.parse(text) as Json;
    editPart(name, part);
    return Promise.resolve(part);
  };
  return { open: () => ShardedIndex.open(copy, ENTRY, load), requests };
}

/** Rejects (or throws) with a `format` BjError whose message matches `message`. */
async function refused(run: () => unknown, message: RegExp): Promise<void> {
  await assert.rejects(
    async () => run(),
    (e: unknown) => {
      assert.ok(e instanceof BjError, `a BjError, got ${String(e)}`);
      assert.equal(e.code, 'format');
      assert.match(e.message, message);
      return true;
    },
  );
}

/** `text` as a regular expression matching it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const firstOf = (prefix: string) => [...parts.keys()].find((n) => n.startsWith(prefix))!;

describe('sharded index parts, trusted no more than a one-file index', () => {
  for (const base of [
    'https://evil.example/',
    '//evil.example/x/',
    '/other/',
    '../../',
    'bj-index/../../',
    'file:///etc/',
    'bj-index/%2e%2e/',
    'bj-index',
  ]) {
    it(`refuses a manifest whose parts base is ${JSON.stringify(base)}, before any request`, async () => {
      const t = open((e) => (e.shards.base = base));
      await refused(t.open, /^bj: the index at .* has a broken "shards" manifest \(base .* is not a folder beside the entry file\)/);
      assert.deepEqual(t.requests, []);
    });
  }

  it('refuses a crafted passage or document count at once instead of allocating for it', async () => {
    await refused(
      () =>
        open((e) => {
          const s = e.shards as {
            passageCount: number;
            documentCount: number;
            keywordCount: number;
            passages: { per: number };
          };
          s.passageCount = 50_000_000;
          s.documentCount = s.keywordCount + s.passageCount;
          s.passages.per = 50_000_000;
        }).open(),
      /broken "shards" manifest \((documentCount|passages\.per) \d+ is over/,
    );
  });

  it('refuses a posting under the field id "__proto__" and leaves Array.prototype alone', async () => {
    const name = firstOf('terms-');
    const t = open(undefined, (n, part) => {
      if (n !== name) return;
      const record = (part.terms as unknown[][])[0]!;
      (record[4] as unknown[][]).unshift(['__proto__', [0, 1, 1], [1, 1, 1], [1, 1, 1]]);
    });
    const sharded = t.open();
    const term = JSON.parse(parts.get(name)!).terms[0][0] as string;
    await refused(
      () => sharded.search(unmark(term)),
      /^bj: part .*terms-000\.[0-9a-f]+\.json of the index has a malformed record at terms\[0\]\[4\]\[0\] \(field id "__proto__"\)/,
    );
    assert.equal(Object.keys(Array.prototype).length, 0);
  });

  it('refuses a posting whose document number is past the index', async () => {
    const name = firstOf('terms-');
    const sharded = open(undefined, (n, part) => {
      if (n === name) ((part.terms as unknown[][])[0]![4] as unknown[][])[0]![1] = [9_999_999];
    }).open();
    const term = JSON.parse(parts.get(name)!).terms[0][0] as string;
    await refused(() => sharded.search(unmark(term)), /malformed record at terms\[0\]\[4\]\[0\] \(document 9999999 of \d+\)/);
  });

  it("refuses a term partition whose Han bigrams' places do not match their postings, naming the entry", async () => {
    const name = firstOf('terms-');
    const stored = JSON.parse(parts.get(name)!) as { terms: unknown[][]; positions: unknown[] };
    const bigram = stored.positions.findIndex((p) => Array.isArray(p));
    const single = stored.positions.findIndex((p, i) => p === 0 && unmark(stored.terms[i]![0] as string).length === 1);
    assert.ok(bigram >= 0 && single >= 0, 'the first partition has a Han bigram and a lone character');
    const places = stored.positions[bigram] as number[];
    const term = (i: number) => JSON.stringify(unmark(stored.terms[i]![0] as string));
    const cases: Array<[(positions: unknown[]) => void, string]> = [
      [(p) => p.pop(), `positions (not a list of one entry per term: ${stored.terms.length - 1} for ${stored.terms.length})`],
      [
        (p) => (p[bigram] = places.slice(1)),
        `positions[${bigram}] (not a list of ${places.length} places, one per occurrence of ${term(bigram)} in the text field)`,
      ],
      [(p) => (p[bigram] = [-1, ...places.slice(1)]), `positions[${bigram}][0] (a place expected, found -1)`],
      [(p) => (p[single] = [0]), `positions[${single}] (${term(single)} has no places to list: 0 expected)`],
    ];
    for (const [edit, what] of cases) {
      const sharded = open(undefined, (n, part) => {
        if (n === name) edit(part.positions as unknown[]);
      }).open();
      await refused(
        () => sharded.search(unmark(stored.terms[bigram]![0] as string)),
        new RegExp(`^bj: part \\S*/${escape(name)} of the index has a malformed record at ${escape(what)}; rebuild the index`),
      );
    }
  });

  it('names the passage and field of a fragment with a non-string text, as the one-file index does', async () => {
    const sharded = open(undefined, (n, part) => {
      if (n.startsWith('passages-')) for (const p of part.passages as Json[]) p.text = { toString: 42 };
    }).open();
    await refused(
      () => sharded.search('sandbox supervision', { limit: 50 }),
      /^bj: part .*passages-\d+\.[0-9a-f]+\.json of the index has a malformed record at passages\[0\]\.text \(id "[a-z0-9-]+"\): must be a string \(found an object\)/,
    );
  });

  it('refuses a fragment passage that names a keyword or source the catalogue lacks, or a control character', async () => {
    const cases: Array<[(p: Json, d: Json) => void, RegExp]> = [
      [
        (p) => (p.terms = ['no-such-keyword']),
        /passages\[0\]\.terms\[0\] .*names a keyword "no-such-keyword" that the index does not have/,
      ],
      [(_, d) => (d.source = 'no-such-source'), /documents\[0\]\.source .*names a source "no-such-source"/],
      [(p) => (p.headings = ['a\u001bb']), /passages\[0\]\.headings\[0\] .*control character or unpaired surrogate U\+001B/],
    ];
    for (const [edit, message] of cases) {
      const sharded = open(undefined, (n, part) => {
        if (n.startsWith('passages-')) edit((part.passages as Json[])[0]!, (part.documents as Json[])[0]!);
      }).open();
      await refused(() => sharded.search('sandbox supervision', { limit: 50 }), message);
    }
  });

  it('still answers a sound sharded index', async () => {
    const results = await open().open().search('sandbox supervision', { limit: 5 });
    assert.ok(results.length > 0);
  });
});

describe('a sharded index’s lexicon partitions', () => {
  /** The build with a two-word lexicon in partitions of its own, `editPart` applied to each parsed lexicon part. */
  function withLexicon(editPart: (part: Json) => void = () => undefined) {
    const copy = JSON.parse(JSON.stringify(entry)) as Json & { shards: Json };
    const ranges = rangeXLexicon({ zh: { 营业: ['busi'], 执照: ['licens'] }, en: {}, syn: {} }, 10);
    const lexicon = new Map(
      ranges.map(({ first: _, ...maps }, i) => {
        const name = partName('lexicon', i, built.hash);
        return [name, { format: 'bj-index-part', index: built.hash, part: name, source: 'test', license: 'CC BY-SA 4.0', ...maps }];
      }),
    );
    copy.shards.lexicon = { files: [...lexicon.keys()], first: ranges.map((r) => r.first), has: { zh: true, en: false, syn: false } };
    const requests: string[] = [];
    const load = (url: string): Promise<unknown> => {
      requests.push(url);
      const name = url.slice(url.lastIndexOf('/') + 1);
      const own = lexicon.get(name);
      if (own) {
        const part = JSON.parse(JSON.stringify(own)) as Json;
        editPart(part);
        return Promise.resolve(part);
      }
      return Promise.resolve(JSON.parse(parts.get(name)!) as Json);
    };
    return { index: ShardedIndex.open(copy, ENTRY, load), requests };
  }

  it('translates a Chinese query through them, fetching only those of its characters', async () => {
    const { index, requests } = withLexicon();
    const results = await index.search('营业执照', { kind: 'passage', limit: 5 });
    assert.ok(
      results.some((r) => r.via === 'translation' && /business licen[cs]e/i.test(r.text)),
      results.map((r) => r.id).join(', '),
    );
    assert.equal(requests.filter((u) => u.includes('/lexicon-')).length, 2);
    await index.search('sandbox', { limit: 5 });
    assert.equal(requests.filter((u) => u.includes('/lexicon-')).length, 2, 'an English query with strong results needs none');
  });

  it('names a malformed lexicon record in a bj: warning, and still answers in the query’s own language', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const { index } = withLexicon((part) => {
      if (part.zh && '执照' in (part.zh as Json)) (part.zh as Json)['执照'] = [5];
    });
    const results = await index.search('营业执照', { limit: 5 });
    assert.ok(Array.isArray(results));
    assert.equal(warn.mock.callCount(), 1);
    assert.match(
      String(warn.mock.calls[0]!.arguments[0]),
      /^bj: searching without translations: part .*\/lexicon-\d{3}\.\w+\.json of the index has a malformed record at zh\["执照"\]/,
    );
  });

  it('refuses a manifest whose lexicon lists do not match', async () => {
    const copy = JSON.parse(JSON.stringify(entry)) as Json & { shards: Json };
    copy.shards.lexicon = { files: ['lexicon-000.json'], first: [], has: { zh: true, en: false, syn: false } };
    await refused(
      () => ShardedIndex.open(copy, ENTRY, () => Promise.reject(new Error('no request expected'))),
      /broken "shards" manifest \(lexicon lists\)/,
    );
  });
});
