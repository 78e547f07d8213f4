/**
 * `bj-index build` with the dictionary lexicon (issue 21), as a webmaster uses it: a Chinese-only
 * district page indexed with `--site` answers an English question, and the package's English
 * passages answer a Chinese query; `bj-index query` says when results come through translation.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuiltIndex } from '../../src/search/format.js';
import { buildCli, root, run, tempDir } from '../helpers/cli.js';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>企业开办</title></head><body><main>
<h1>企业开办指南</h1>
<h2 id="yinzhang">刻制印章</h2>
<p>新开办企业可以在政务服务中心免费刻制公章、财务专用章和发票专用章，当天领取。</p>
<h2 id="chongdian">充电桩</h2>
<p>小区居民申请安装新能源汽车充电桩，应先取得物业服务企业同意。</p>
</main></body></html>`;

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
    const r = await run(['build', join(root, 'data'), '--site', site, '--base-url', 'https://example.gov.cn/', '-o', out]);
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
    const r = await run(['query', '--index', out, '--limit', '3', 'where can I get an official seal for a new company']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Chinese results for "where can I get an official seal for a new company":$/m);
    assert.match(r.stdout.split('\n').slice(0, 6).join('\n'), /https:\/\/example\.gov\.cn\/banshi\/qiye\.html#yinzhang/);
  });

  it('answers 营业执照 with the English “business license” passage, saying the results are English', async () => {
    const r = await run(['query', '--index', out, '--json', '--limit', '5', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout) as Array<{ id: string; text: string; via?: string }>;
    const hit = results.find((x) => /business license/i.test(x.text));
    assert.ok(hit, results.map((x) => x.id).join(', '));
    assert.equal(hit.via, 'translation');
    const human = await run(['query', '--index', out, '--limit', '5', '营业执照']);
    assert.match(human.stdout, /^English results for "营业执照":$/m);
  });

  it('searches in the query’s own language only when the lexicon is gone, with a warning', async () => {
    const lonely = join(tmp.dir, 'lonely.json');
    writeFileSync(lonely, readFileSync(out));
    const r = await run(['query', '--index', lonely, '--json', '营业执照']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^bj: cannot use the lexicon part .*searching without its translations/m);
    assert.ok(!(JSON.parse(r.stdout) as Array<{ via?: string }>).some((x) => x.via === 'translation'));
  });
});
