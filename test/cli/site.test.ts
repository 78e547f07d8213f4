/**
 * `bj-index build --site`: a webmaster indexes the built HTML pages of their site next to the corpus.
 * The fixture site (test/cli/fixtures/site/) has a Chinese GBK page (`<meta charset="gbk">`), a
 * Chinese GB2312 page declared by `<meta http-equiv>` without <title>, an English UTF-8 page, a page
 * with a BOM and a `data-bj-body` region, a draft to exclude and a French page. site-undeclared/ holds
 * a GBK page that declares no encoding.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuiltIndex, StoredDocument, StoredPassage } from '../../src/search/format.js';
import { PolicyIndex } from '../../src/search/index.js';
import { buildCli, fixtures, readFixture, root, run, runInProcess, tempDir, writeJson } from '../helpers/cli.js';

const site = join(root, 'test', 'cli', 'fixtures', 'site');
const undeclared = join(root, 'test', 'cli', 'fixtures', 'site-undeclared');
const BASE = 'https://example.gov.cn/';

before(() => buildCli());

function load(path: string): BuiltIndex {
  return JSON.parse(readFileSync(path, 'utf8')) as BuiltIndex;
}

function passagesOf(index: BuiltIndex, document: string): StoredPassage[] {
  return index.entries.filter((e): e is StoredPassage => e.kind === 'passage' && e.document === document);
}

function documentOf(index: BuiltIndex, id: string): StoredDocument {
  const d = index.documents.find((x) => x.id === id);
  assert.ok(d, `document ${id} in ${index.documents.map((x) => x.id).join(', ')}`);
  return d;
}

describe('bj-index build --site', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  const out = join(tmp.dir, 'site.json');
  let index: BuiltIndex;
  let stderr = '';
  let stdout = '';

  before(async () => {
    const r = await runInProcess(['build', fixtures, '--site', site, '--base-url', BASE, '--exclude', 'drafts/', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    stderr = r.stderr;
    stdout = r.stdout;
    index = load(out);
  });

  it('adds one document per page, in path order, with the corpus documents kept', () => {
    assert.deepEqual(
      index.documents.map((d) => d.id),
      ['fixture-plan', 'en-body', 'index', 'zh-notice', 'zh-policy'],
    );
    assert.match(stdout, /4 pages/);
  });

  it('links each page: index.html to its folder, other pages by their path', () => {
    assert.equal(documentOf(index, 'index').url, 'https://example.gov.cn/');
    assert.equal(documentOf(index, 'zh-policy').url, 'https://example.gov.cn/zh/policy.html');
    assert.equal(documentOf(index, 'fixture-plan').url, undefined, 'corpus documents have no page');
  });

  it('reads a GBK page by its <meta charset> into passages under their heading path', () => {
    const doc = documentOf(index, 'zh-policy');
    assert.deepEqual(doc.title, { zh: '北京市政务公开工作要点' });
    assert.equal(doc.lang, 'zh');
    const passages = passagesOf(index, 'zh-policy');
    assert.deepEqual(
      passages.map((p) => ({ id: p.id, headings: p.headings, text: p.text, anchor: p.anchor })),
      [
        {
          id: 'zh-policy-p001',
          headings: [],
          text: '为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，制定本工作要点。',
          anchor: undefined,
        },
        {
          id: 'zh-policy-p002',
          headings: ['一、主要任务', '（一）推进公共数据开放'],
          text: '加快推进公共数据开放，扩大数据开放范围。',
          anchor: 'open-data',
        },
        {
          id: 'zh-policy-p003',
          headings: ['一、主要任务', '（一）推进公共数据开放'],
          text: '建设统一的数据开放平台。',
          anchor: 'open-data',
        },
        { id: 'zh-policy-p004', headings: ['一、主要任务', '（一）推进公共数据开放'], text: '完善数据开放目录。', anchor: 'open-data' },
        { id: 'zh-policy-p005', headings: ['一、主要任务', '（二）优化营商环境'], text: '深化监管沙盒试点。', anchor: 'tasks' },
      ],
    );
  });

  it('reads a GB2312 page declared by <meta http-equiv>, titled by its <h1>, without script, style or noscript text', () => {
    const doc = documentOf(index, 'zh-notice');
    assert.deepEqual(doc.title, { zh: '关于开展时间银行试点的通知' });
    assert.deepEqual(
      passagesOf(index, 'zh-notice').map((p) => [p.headings, p.text, p.anchor]),
      [[[], '各区：现就开展时间银行试点有关事项通知如下。', 'notice']],
    );
  });

  it("reads an English UTF-8 page: list items and paragraphs, whitespace normalised, nav/header/footer/aside left out (but an article header's heading kept)", () => {
    const doc = documentOf(index, 'index');
    assert.deepEqual(doc.title, { en: 'Open Government Work Plan 2024' });
    assert.equal(doc.lang, 'en');
    const passages = passagesOf(index, 'index');
    assert.deepEqual(
      passages.map((p) => [p.headings, p.text, p.anchor]),
      [
        [[], 'This plan sets out how the district publishes its decisions.', 'top'],
        [['Open data'], 'We publish open data sets every month.', 'data'],
        [['Open data'], 'Data catalogue updated weekly', 'data'],
        [['Open data'], 'Night-time economy reports', 'data'],
        [['Open data', 'Formats'], 'CSV and JSON files.', 'data'],
        [['Open data', 'Formats'], 'Share on Weibo', 'data'],
      ],
    );
    const all = index.entries.map((e) => (e.kind === 'passage' ? e.text : '')).join('\n');
    for (const hidden of [
      'Published 2024-01-05',
      'Example District',
      'Home',
      'Related links',
      '首页',
      '版权所有',
      '分享到微信',
      '脚本内容',
      '请启用脚本',
    ]) {
      assert.ok(!all.includes(hidden), `${hidden} is not indexed`);
    }
    assert.deepEqual(
      passages.find((p) => p.text === 'Night-time economy reports')?.terms,
      ['night-time-economy'],
      'keywords are linked as in the corpus',
    );
  });

  it('indexes only data-bj-body regions when a page has one, titled by <meta name="bj:title">, en-GB as en', () => {
    const doc = documentOf(index, 'en-body');
    assert.deepEqual(doc.title, { en: 'Business Environment Notice' });
    assert.equal(doc.lang, 'en');
    assert.deepEqual(
      passagesOf(index, 'en-body').map((p) => [p.headings, p.text, p.anchor]),
      [[['Scope'], 'This notice covers the time bank pilot.', 'scope']],
    );
  });

  it('skips excluded pages and warns about pages in a language the index does not hold', () => {
    assert.ok(!index.documents.some((d) => d.id.startsWith('drafts')));
    assert.ok(!index.documents.some((d) => d.id.startsWith('fr')));
    assert.match(stderr, /^bj: \S*fr\/page\.html: language "fr" is not English or Chinese; page skipped/m);
  });

  it('finds HTML passages in Chinese and English with the headless API, with links to page and heading', () => {
    const policy = PolicyIndex.fromJSON(readFileSync(out, 'utf8'));
    const zh = policy.search('数据开放平台', { kind: 'passage' })[0];
    assert.equal(zh?.id, 'zh-policy-p003');
    assert.equal(zh.entry.kind === 'passage' && zh.entry.url, 'https://example.gov.cn/zh/policy.html#open-data');
    const en = policy.search('catalogue', { kind: 'passage' })[0];
    assert.equal(en?.entry.kind === 'passage' && en.entry.url, 'https://example.gov.cn/#data');
    const corpus = policy.passage('fixture-plan-p001');
    assert.ok(corpus && corpus.url === undefined, 'corpus passages have no URL');
    const noAnchor = policy.passage('zh-policy-p001');
    assert.equal(noAnchor?.url, 'https://example.gov.cn/zh/policy.html', 'no heading with an id above: the page itself');
  });

  it('bj-index query prints the URL of an HTML passage', async () => {
    const r = await runInProcess(['query', '监管沙盒', '--index', out, '--kind', 'passage']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /https:\/\/example\.gov\.cn\/zh\/policy\.html#tasks/);
    const json = await runInProcess(['query', 'catalogue', '--index', out, '--json']);
    const results = JSON.parse(json.stdout) as Array<{ id: string; url?: string }>;
    assert.equal(results.find((x) => x.id === 'index-p003')?.url, 'https://example.gov.cn/#data');
  });

  it('writes the same bytes when built again', async () => {
    const again = join(tmp.dir, 'again.json');
    const r = await run(['build', fixtures, '--site', site, '--base-url', BASE, '--exclude', 'drafts/**', '-o', again]);
    assert.equal(r.code, 0, r.stderr);
    // The same bytes but the name of the dictionary lexicon's folder, which follows the output's name.
    const named = (file: string) => readFileSync(file, 'utf8').replaceAll(/"[a-z]+\.lexicon\//g, '"');
    assert.equal(named(again), named(out), 'a glob excludes as the path prefix did');
  });

  it('takes the content region from --content and skips pages without one', async () => {
    const path = join(tmp.dir, 'content.json');
    const r = await runInProcess([
      'build',
      fixtures,
      '--site',
      site,
      '--base-url',
      BASE,
      '--exclude',
      'drafts',
      '--content',
      'main article',
      '-o',
      path,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const built = load(path);
    assert.ok(!passagesOf(built, 'index').some((p) => p.text === 'Share on Weibo'));
    assert.equal(passagesOf(built, 'index').length, 5);
    assert.match(r.stderr, /^bj: \S*zh\/policy\.html: no element matches --content "main article"; page skipped/m);
    assert.equal(passagesOf(built, 'en-body').length, 1, 'data-bj-body still wins');
  });
});

describe('bj-index build --site: errors', () => {
  const tmp = tempDir();
  after(tmp.cleanup);

  it('refuses a page with non-UTF-8 bytes and no declared encoding, naming the file, byte and line', async () => {
    const out = join(tmp.dir, 'bad.json');
    const r = await runInProcess(['build', fixtures, '--site', undeclared, '--base-url', BASE, '-o', out]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^bj: \S*legacy\.html: byte 0x[0-9A-F]{2} at offset 49 \(line 3\) is not UTF-8 and the page declares no encoding; add <meta charset="[^"]+"> .*or save it as UTF-8/m,
    );
    assert.equal(existsSync(out), false);
  });

  it('refuses a page id that a corpus id already uses, naming both', async () => {
    const corpus = join(tmp.dir, 'corpus');
    mkdirSync(corpus);
    const plan = readFixture('plan.json');
    plan.documents![0]!.passages[0]!.id = 'zh-policy-p002';
    writeJson(join(corpus, 'plan.json'), plan);
    writeJson(join(corpus, 'glossary.json'), readFixture('glossary.json'));
    const r = await runInProcess(['build', corpus, '--site', site, '--base-url', BASE, '-o', join(tmp.dir, 'dup.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bj: \S*zh\/policy\.html: passage id "zh-policy-p002" is already used by \S*plan\.json/m);
  });

  it('needs --base-url with --site, as an http(s) address', async () => {
    const r = await runInProcess(['build', fixtures, '--site', site, '-o', join(tmp.dir, 'x.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bj: --site needs --base-url/m);
    const bad = await runInProcess(['build', fixtures, '--site', site, '--base-url', 'example.gov.cn', '-o', join(tmp.dir, 'x.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bj: --base-url must be an http:\/\/ or https:\/\/ address/m);
  });

  it('refuses a --base-url with a user name or password, which would be published in every link', async () => {
    const out = join(tmp.dir, 'creds.json');
    const r = await runInProcess(['build', fixtures, '--site', site, '--base-url', 'https://user:pass@example.gov.cn/', '-o', out]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^bj: --base-url must not hold a user name or password .*; give the public address, e.g. https:\/\/example\.gov\.cn\//m,
    );
    assert.equal(existsSync(out), false);
  });

  it('rejects a --content selector that is not valid CSS', async () => {
    const r = await runInProcess([
      'build',
      fixtures,
      '--site',
      site,
      '--base-url',
      BASE,
      '--content',
      'main[',
      '-o',
      join(tmp.dir, 'x.json'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bj: --content "main\[" is not a CSS selector/m);
  });

  it('validate checks the site too and writes nothing', async () => {
    const ok = await runInProcess(['validate', fixtures, '--site', site, '--base-url', BASE, '--exclude', 'drafts/']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^ok: 2 files, 2 terms, 3 passages; site: 4 pages, 13 passages/m);
    const bad = await runInProcess(['validate', fixtures, '--site', undeclared, '--base-url', BASE]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /legacy\.html: byte 0x/);
  });

  it('PolicyIndex refuses an index whose page address or heading anchor is not text', async () => {
    const out = join(tmp.dir, 'ok.json');
    const r = await runInProcess(['build', fixtures, '--site', site, '--base-url', BASE, '--exclude', 'drafts/', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const good = load(out);
    const withDoc = structuredClone(good);
    (withDoc.documents.find((d) => d.url)! as unknown as { url: unknown }).url = 5;
    assert.throws(() => PolicyIndex.fromJSON(withDoc), /bj: the index has a malformed record at documents\[\d+\]\.url/);
    const withAnchor = structuredClone(good);
    (withAnchor.entries.find((e) => e.kind === 'passage' && e.anchor)! as unknown as { anchor: unknown }).anchor = ['x'];
    assert.throws(() => PolicyIndex.fromJSON(withAnchor), /bj: the index has a malformed record at entries\[\d+\]\.anchor/);
  });

  it('skips a page marked data-bj-ignore on <html> or <body>', async () => {
    const dir = join(tmp.dir, 'ignored');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.html'),
      '<html lang="en" data-bj-ignore><head><title>A</title></head><body><main><p>Print version.</p></main></body></html>',
    );
    writeFileSync(
      join(dir, 'b.html'),
      '<html lang="en"><head><title>B</title></head><body data-bj-ignore><p>Search results page.</p></body></html>',
    );
    writeFileSync(join(dir, 'c.html'), '<html lang="en"><head><title>C</title></head><body><p>Kept.</p></body></html>');
    const out = join(tmp.dir, 'ignored.json');
    const r = await runInProcess(['build', fixtures, '--site', dir, '--base-url', BASE, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      load(out)
        .documents.filter((d) => d.url)
        .map((d) => d.id),
      ['c'],
    );
  });

  it('names a page whose title is missing everywhere and uses its path', async () => {
    const dir = join(tmp.dir, 'untitled');
    mkdirSync(dir);
    writeFileSync(join(dir, 'about.html'), '<html lang="en"><body><main><p>About the district.</p></main></body></html>');
    const out = join(tmp.dir, 'untitled.json');
    const r = await runInProcess(['build', fixtures, '--site', dir, '--base-url', BASE, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^bj: \S*about\.html: no <title>, <h1> or <meta name="bj:title">; titled "about\.html"/m);
    assert.deepEqual(documentOf(load(out), 'about').title, { en: 'about.html' });
  });
});
