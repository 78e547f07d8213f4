/**
 * `bj-index build --site` on pages an editor did not plan for: a very long paragraph, a huge page,
 * a control character in a file name or a heading id. Each is handled for that page, named, and
 * the rest of the site is built.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuiltIndex, StoredPassage } from '../../src/search/format.js';
import { MAX_PASSAGE_CHARS } from '../../src/search/text-slices.js';
import { buildCli, fixtures, readFixture, root, runInProcess, tempDir, writeJson } from '../helpers/cli.js';

const BASE = 'https://example.gov.cn/';
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page</title></head><body><main>${body}</main></body></html>`;
const sentence = 'The district publishes its policy documents and answers questions from residents. ';

describe('bj-index build --site, page by page', () => {
  const tmp = tempDir();
  before(() => buildCli());
  after(tmp.cleanup);

  /** A site folder with `pages` (file name → HTML), built; returns the run and the index. */
  async function buildSite(name: string, pages: Record<string, string>) {
    const site = join(tmp.dir, name);
    mkdirSync(site, { recursive: true });
    for (const [file, html] of Object.entries(pages)) writeFileSync(join(site, file), html);
    const out = join(tmp.dir, `${name}.json`);
    const r = await runInProcess(['build', fixtures, '--site', site, '--base-url', BASE, '-o', out]);
    const index = r.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as BuiltIndex) : undefined;
    return {
      r,
      index,
      passages: (index?.entries ?? []).filter((e): e is StoredPassage => e.kind === 'passage' && e.document.startsWith('long')),
    };
  }

  it('splits a paragraph longer than the limit into consecutive passages under its heading', async () => {
    const long = sentence.repeat(Math.ceil((2.5 * MAX_PASSAGE_CHARS) / sentence.length)).trim();
    const { r, passages } = await buildSite('long', { 'long.html': page(`<h2 id="rules">Rules</h2><p>${long}</p>`) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(passages.length, 3);
    for (const p of passages) {
      assert.ok(p.text.length <= MAX_PASSAGE_CHARS, `${p.text.length} characters`);
      assert.deepEqual(p.headings, ['Rules']);
      assert.equal(p.anchor, 'rules');
      assert.match(p.text, /residents\.$/, 'cut after a sentence');
    }
    assert.equal(passages.map((p) => p.text).join(' '), long);
  });

  it('refuses a corpus passage over the limit, naming the file and the passage', async () => {
    const corpus = readFixture('plan.json');
    corpus.documents![0]!.passages[0]!.text = 'x'.repeat(MAX_PASSAGE_CHARS + 1);
    const dir = join(tmp.dir, 'corpus');
    mkdirSync(dir, { recursive: true });
    writeJson(join(dir, 'plan.json'), corpus);
    const r = await runInProcess(['build', dir, '-o', join(tmp.dir, 'corpus.json')]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^bj: .*plan\.json: documents\[0\]\.passages\[0\] .*text: must be at most 20000 characters long \(found 20001\)/m,
    );
    const schema = JSON.parse(readFileSync(join(root, 'data', 'schema', 'corpus.schema.json'), 'utf8')) as {
      $defs: { passage: { properties: { text: { maxLength: number } } } };
    };
    assert.equal(schema.$defs.passage.properties.text.maxLength, MAX_PASSAGE_CHARS, 'the schema and the builder agree');
  });

  it('skips a page whose file name holds a line break, naming it, and builds the rest', async () => {
    const { r, index } = await buildSite('newline', {
      'bad\nname.html': page('<p>Broken name.</p>'),
      'good.html': page('<p>Good page.</p>'),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^bj: ".*newline\/bad\\nname\.html": the file name holds a control character .*page skipped/m);
    assert.ok(index!.documents.some((d) => d.id === 'good'));
  });

  it('keeps a page whose heading id holds a control character, linking to the page and naming it', async () => {
    const { r, index } = await buildSite('anchor', { 'anchor.html': page('<h2 id="a\u0007b">Part</h2><p>Text under it.</p>') });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^bj: .*anchor\/anchor\.html: heading id "a\\u0007b" holds a control character/m);
    const p = index!.entries.find((e): e is StoredPassage => e.kind === 'passage' && e.document === 'anchor')!;
    assert.equal(p.anchor, undefined);
  });

  it('refuses a page over 16 MiB by name instead of running out of memory', async () => {
    const { r } = await buildSite('huge', { 'huge.html': page(`<p>${'word '.repeat(3_500_000)}</p>`), 'ok.html': page('<p>Fine.</p>') });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^bj: .*huge\/huge\.html has \d+ bytes, over the 16777216 a page may have; split the page or leave it out with --exclude/m,
    );
  });
});
