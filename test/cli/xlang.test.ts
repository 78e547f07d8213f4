/**
 * `bj-index build` with the dictionary lexicon (issue 21), as a webmaster uses it: a Chinese-only
 * district page indexed with `--site` answers an English question, and the package's English
 * passages answer a Chinese query; `bj-index query` says when results come through translation.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuiltIndex } from '../../src/search/format.js';
import { buildCli, copyOfBuild, root, runInProcess, tempDir } from '../helpers/cli.js';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>企业开办</title></head><body><main>
<h1>企业开办指南</h1>
<h2 id="yinzhang">刻制印章</h2>
<p>新开办企业可以在政务服务中心免费刻制公章、财务专用章和发票专用章，当天领取。</p>
<h2 id="chongdian">充电桩</h2>
<p>小区居民申请安装新能源汽车充电桩，应先取得物业服务企业同意。</p>
</main></body></html>`;

/** Runs `fn` with `fetch` answering `base…` URLs from the files under `folder`; returns the URLs asked for. */
async function servedFrom(folder: string, base: string, fn: () => Promise<void>): Promise<string[]> {
  const requests: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push(url);
    const path = join(folder, decodeURIComponent(url.slice(base.length)));
    return existsSync(path) ? new Response(readFileSync(path)) : new Response('missing', { status: 404 });
  }) as typeof fetch;
  try {
    await fn();
  } finally {
    globalThis.fetch = realFetch;
  }
  return requests;
}

describe('bj-index build and query across languages', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  const site = join(tmp.dir, 'site');
  const out = join(tmp.dir, 'public', 'bj-index.json');
  let built: BuiltIndex;
  let stdout = '';

  before(async () => {
    buildCli();
    mkdirSync(join(site, 'banshi'), { recursive: true });
    writeFileSync(join(site, 'banshi', 'qiye.html'), PAGE);
    const r = await runInProcess(['build', join(root, 'data'), '--site', site, '--base-url', 'https://example.gov.cn/', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    stdout = r.stdout;
    built = JSON.parse(readFileSync(out, 'utf8')) as BuiltIndex;
  });

  it('writes the lexicon in parts beside the index and names them in it', () => {
    const files = built.lexiconFile?.files ?? [];
    assert.ok(files.length > 1, JSON.stringify(built.lexiconFile));
    for (const f of files) assert.ok(existsSync(join(tmp.dir, 'public', f)), f);
    assert.deepEqual(readdirSync(join(tmp.dir, 'public', 'bj-index.lexicon')).sort(), files.map((f) => f.split('/')[1]).sort());
    assert.match(stdout, /dictionary lexicon: \d+ parts/);
  });

  it('answers an English question with the Chinese page that explains it', async () => {
    const r = await runInProcess(['query', '--index', out, '--limit', '3', 'where can I get an official seal for a new company']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Chinese results for "where can I get an official seal for a new company":$/m);
    assert.match(r.stdout.split('\n').slice(0, 6).join('\n'), /https:\/\/example\.gov\.cn\/banshi\/qiye\.html#yinzhang/);
  });

  it('answers 营业执照 with the English “business license” passage, saying the results are English', async () => {
    const r = await runInProcess(['query', '--index', out, '--json', '--limit', '5', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout) as Array<{ id: string; text: string; via?: string }>;
    const hit = results.find((x) => /business license/i.test(x.text));
    assert.ok(hit, results.map((x) => x.id).join(', '));
    assert.equal(hit.via, 'translation');
    const human = await runInProcess(['query', '--index', out, '--limit', '5', '营业执照']);
    assert.match(human.stdout, /^English results for "营业执照":$/m);
  });

  it('answers `query` as the search box does: an English query with close matches gets no translations', async () => {
    const { openSearcher } = await import('../../src/shared/index/searcher.js');
    const { loadLimits } = await import('../../src/shared/index/limits.js');
    const base = 'https://example.gov.cn/';
    const queries = ['open government', 'business licence', '营业执照', 'elderly care'];
    const page = new Map<string, string[]>();
    await servedFrom(join(tmp.dir, 'public'), base, async () => {
      // A fresh reader per query, as a fresh page: parts a previous query fetched would change nothing here.
      for (const q of queries) {
        const searcher = await openSearcher(`${base}bj-index.json`, { limits: loadLimits(), sync: true });
        page.set(
          q,
          (await searcher.search(q, { limit: 200 })).map((r) => `${r.id} ${r.strength} ${r.via ?? ''}`),
        );
      }
    });
    for (const q of queries) {
      const r = await runInProcess(['query', '--index', out, '--json', '--limit', '200', q]);
      assert.equal(r.code, 0, r.stderr);
      const cli = (JSON.parse(r.stdout) as Array<{ id: string; strength: string; via?: string }>).map(
        (x) => `${x.id} ${x.strength} ${x.via ?? ''}`,
      );
      assert.deepEqual(cli, page.get(q), q);
    }
  });

  it('fetches no lexicon part before a query, and then only those of its characters (the search worker’s reader)', async () => {
    const { openSearcher } = await import('../../src/shared/index/searcher.js');
    const { loadLimits } = await import('../../src/shared/index/limits.js');
    const { partsNeeded } = await import('../../src/search/xlang-needed.js');
    const base = 'https://example.gov.cn/';
    let afterOpen: string[] = [];
    let requests: string[] = [];
    requests = await servedFrom(join(tmp.dir, 'public'), base, async () => {
      const searcher = await openSearcher(`${base}bj-index.json`, { limits: loadLimits(), sync: true });
      await searcher.prepare();
      afterOpen = [...requests];
      assert.ok((await searcher.search('business license', { limit: 5 })).some((r) => r.strength === 'strong'));
      assert.ok((await searcher.search('营业执照', { limit: 5 })).some((r) => r.via === 'translation'));
    });
    assert.deepEqual(
      afterOpen.filter((u) => u.includes('.lexicon/')),
      [],
    );
    const lexicon = requests.filter((u) => u.includes('.lexicon/'));
    const own = partsNeeded(built.lexiconFile, '营业执照', false).map((i) => `${base}${built.lexiconFile!.files[i]}`);
    assert.ok(own.length < built.lexiconFile!.files.length);
    assert.deepEqual(lexicon.sort(), own.sort(), 'an English query with strong results fetched none');
  });

  it('names each lexicon part by its bytes, so a rebuild stopped before the index was replaced leaves the old one translating', async () => {
    for (const f of built.lexiconFile!.files) {
      const [, hash] = /^bj-index\.lexicon\/\d{2,}\.([0-9a-f]{20})\.json$/.exec(f) ?? [];
      const bytes = readFileSync(join(tmp.dir, 'public', f));
      assert.equal(hash, createHash('sha256').update(bytes).digest('hex').slice(0, 20), `${f} is named by its bytes`);
    }
    // What a rebuild of other content leaves when stopped after writing its lexicon parts: them, beside the old ones.
    const other = join(tmp.dir, 'other', 'bj-index.json');
    await copyOfBuild(['data'], [], other);
    const folder = join(tmp.dir, 'public', 'bj-index.lexicon');
    const stray = readdirSync(join(tmp.dir, 'other', 'bj-index.lexicon'));
    for (const f of stray) writeFileSync(join(folder, f), readFileSync(join(tmp.dir, 'other', 'bj-index.lexicon', f)));
    const r = await runInProcess(['query', '--index', out, '--json', '--limit', '5', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok((JSON.parse(r.stdout) as Array<{ via?: string }>).some((x) => x.via === 'translation'));
    // The next complete build removes what no index names.
    const again = await runInProcess(['build', join(root, 'data'), '--site', site, '--base-url', 'https://example.gov.cn/', '-o', out]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(readdirSync(folder).sort(), built.lexiconFile!.files.map((f) => f.split('/')[1]).sort());
  });

  it('searches in the query’s own language only when the lexicon is gone, with a warning', async () => {
    const lonely = join(tmp.dir, 'lonely.json');
    writeFileSync(lonely, readFileSync(out));
    const r = await runInProcess(['query', '--index', lonely, '--json', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^bj: cannot use the lexicon part .*searching without its translations/m);
    assert.ok(!(JSON.parse(r.stdout) as Array<{ via?: string }>).some((x) => x.via === 'translation'));
  });
});

describe('a sharded index across languages', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  const out = join(tmp.dir, 'public', 'bj-index.json');
  let entry: { hash: string; shards: { lexicon?: { files: string[]; first: string[] } } };

  before(async () => {
    buildCli();
    await copyOfBuild(['data'], ['--shards', 'always'], out);
    entry = JSON.parse(readFileSync(out, 'utf8')) as typeof entry;
  });

  it('writes its lexicon as parts of its own build, partitioned like its terms', () => {
    const lexicon = entry.shards.lexicon;
    assert.ok(lexicon && lexicon.files.length > 1, JSON.stringify(lexicon));
    assert.equal(lexicon.first.length, lexicon.files.length);
    assert.deepEqual([...lexicon.first].sort(), lexicon.first, 'contiguous ranges of the sorted keys');
    for (const f of lexicon.files) {
      assert.match(f, new RegExp(`^lexicon-\\d{3}\\.${entry.hash}\\.json$`));
      assert.ok(existsSync(join(tmp.dir, 'public', 'bj-index', f)), f);
    }
    assert.equal(existsSync(join(tmp.dir, 'public', 'bj-index.lexicon')), false, 'no one-file lexicon folder');
  });

  it('answers 营业执照 with the English “business license” passage, saying the results are English', async () => {
    const r = await runInProcess(['query', '--index', out, '--json', '--limit', '5', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout) as Array<{ id: string; text: string; via?: string }>;
    const hit = results.find((x) => /business license/i.test(x.text));
    assert.ok(hit, results.map((x) => x.id).join(', '));
    assert.equal(hit.via, 'translation');
    const human = await runInProcess(['query', '--index', out, '--limit', '5', '营业执照']);
    assert.match(human.stdout, /^English results for "营业执照":$/m);
  });

  it('answers the same in the search worker’s reader, fetching only the lexicon parts of the query’s characters', async () => {
    const { openSearcher } = await import('../../src/shared/index/searcher.js');
    const { loadLimits } = await import('../../src/shared/index/limits.js');
    const base = 'https://example.org/site/';
    const requests = await servedFrom(join(tmp.dir, 'public'), base, async () => {
      const searcher = await openSearcher(`${base}bj-index.json`, { limits: loadLimits(), sync: true });
      const results = await searcher.search('营业执照', { limit: 5 });
      const hit = results.find((x) => /business license/i.test(x.text));
      assert.ok(hit, results.map((x) => x.id).join(', '));
      assert.equal(hit.via, 'translation');
    });
    const lexicon = requests.filter((u) => /\/lexicon-\d{3}\./.test(u));
    const { first, files } = entry.shards.lexicon!;
    const own = new Set([...'营业执照'].map((ch) => files[first.findLastIndex((f) => f <= ch)]));
    assert.ok(lexicon.length > 0 && lexicon.length <= own.size, lexicon.join(', '));
    assert.ok(
      lexicon.every((u) => own.has(u.split('/').pop()!)),
      lexicon.join(', '),
    );
  });
});

describe('bj-index build: the lexicon when the layout changes', () => {
  const tmp = tempDir();
  after(tmp.cleanup);

  it('says how many lexicon partitions a sharded index has, and removes the one-file lexicon it replaced', async () => {
    const out = join(tmp.dir, 'public', 'bj-index.json');
    const folder = join(tmp.dir, 'public', 'bj-index.lexicon');
    assert.equal((await runInProcess(['build', join(root, 'data'), '-o', out])).code, 0);
    const oneFile = readdirSync(folder);
    assert.ok(oneFile.length > 1);
    const sharded = await runInProcess(['build', join(root, 'data'), '--shards', 'always', '-o', out]);
    assert.equal(sharded.code, 0, sharded.stderr);
    assert.match(sharded.stdout, /dictionary lexicon: \d+ partitions among the parts, \d+ bytes gzip/);
    // The replaced index's parts stay for a reader that holds it, as a sharded rebuild keeps its parts.
    assert.deepEqual(readdirSync(folder).sort(), oneFile.sort());
    const again = await runInProcess(['build', join(root, 'data'), '--no-dictionary', '-o', out]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(existsSync(folder), false, 'no index names a lexicon there any more: the folder is gone');
  });
});
