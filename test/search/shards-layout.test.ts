/**
 * What a reader downloads from a sharded index, counted at the "server" (the part loader): the
 * passage parts a query fetches for the results it shows, on a site of one page a passage and on a
 * site of long pages, and the entry file every popover loads. Layouts of earlier builds stay readable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error -- plain ESM bench script without types
import { syntheticCorpora } from '../../bench/lib/synth.mjs';
import { buildIndex, type CorpusInput } from '../../src/search/build.js';
import { BjError, PolicyIndex } from '../../src/search/index.js';
import { partName, shardIndex } from '../../src/search/shards/build.js';
import { ShardedIndex } from '../../src/search/shards/query.js';

const ENTRY = 'https://example.gov.cn/widgets/bj-index.json';
const PARTS = 'https://example.gov.cn/widgets/bj-index/';
const SHOWN = 5;
const QUERIES = ['regulatory sandbox', 'employment', 'elderly care', '营商环境', '养老', '审批'];

/** The synthetic corpus of `passages` passages, each on a page of its own (a site of short pages). */
function onePageAPassage(passages: number): CorpusInput[] {
  const corpora = syntheticCorpora(passages) as CorpusInput[];
  const site = corpora.at(-1)!.data as { documents: Array<{ id: string; passages: unknown[] }> };
  site.documents = site.documents.flatMap((d) => d.passages.map((p, i) => ({ ...d, id: `${d.id}-${i}`, passages: [p] })));
  return corpora;
}

/** Opens a sharded build, serving its parts from memory and noting what each request sent. */
function serve({ entry, parts }: ReturnType<typeof shardIndex>, edit?: (entry: Record<string, unknown>) => void) {
  const requests: Array<{ name: string; text: string }> = [];
  const load = (url: string): Promise<string> => {
    const name = url.slice(PARTS.length);
    const text = parts.get(name);
    if (text === undefined) return Promise.reject(new BjError('http', `bj: part ${url} answered HTTP 404`));
    requests.push({ name, text });
    return Promise.resolve(text);
  };
  const copy = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  edit?.(copy);
  return { sharded: ShardedIndex.open(copy, ENTRY, load), requests };
}

/** Passages received in the passage parts of `requests`. */
const passagesReceived = (requests: Array<{ name: string; text: string }>) =>
  requests
    .filter((r) => r.name.startsWith('passages-'))
    .reduce((n, r) => n + (JSON.parse(r.text) as { passages: unknown[] }).passages.length, 0);

describe('what a sharded index sends a reader', () => {
  it('sends the passages of the pages shown, not their neighbours, on a site of one page a passage', async () => {
    const build = shardIndex(buildIndex(onePageAPassage(1500)));
    for (const q of QUERIES) {
      const { sharded, requests } = serve(build);
      const results = await sharded.search(q, { limit: 20, resolve: SHOWN });
      const shown = results.filter((r) => r.kind === 'passage').slice(0, SHOWN);
      assert.ok(shown.length > 0 && shown.every((r) => r.text !== ''), `${q}: passages shown with their texts`);
      assert.ok(
        passagesReceived(requests) <= shown.length,
        `${q}: ${passagesReceived(requests)} passages received for ${shown.length} shown`,
      );
    }
  });

  it("keeps a long page's passages together, ten a part, on a site of 50 passages a page", async () => {
    const build = shardIndex(buildIndex(syntheticCorpora(1500) as CorpusInput[]));
    assert.equal(build.entry.shards.passages.per, 10);
  });

  it('lists no part file names in the entry file: it stays the size of the catalogue as the site grows', () => {
    const build = shardIndex(buildIndex(onePageAPassage(1500)));
    const shards = build.entry.shards as unknown as Record<string, { files?: unknown }>;
    for (const kind of ['terms', 'forms', 'passages']) assert.equal(shards[kind]!.files, undefined, kind);
    assert.ok(build.parts.has(partName('passages', build.entry.shards.passageCount - 1, build.entry.hash)), 'a part per passage');
  });

  it('reads an index built with layout version 1 (its part names listed), with the same results', async () => {
    const built = buildIndex(onePageAPassage(300));
    const whole = PolicyIndex.fromJSON(built);
    const build = shardIndex(built, { passagesPerFragment: 4 });
    const names = (kind: string) => [...build.parts.keys()].filter((n) => n.startsWith(`${kind}-`)).sort();
    const { sharded } = serve(build, (entry) => {
      const s = entry.shards as Record<string, Record<string, unknown>> & { version: number };
      s.version = 1;
      for (const kind of ['terms', 'forms', 'passages']) s[kind]!.files = names(kind);
    });
    for (const q of QUERIES) {
      const expected = whole.search(q, { limit: 10 });
      const actual = await sharded.search(q, { limit: 10 });
      assert.deepEqual(
        actual.map((r) => [r.id, r.score]),
        expected.map((r) => [r.id, r.score]),
        q,
      );
    }
  });
});
