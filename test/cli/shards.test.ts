/**
 * `bj-index build --shards auto|always|never`, and `bj-index query` on a sharded index: what a
 * webmaster sees in the terminal and on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, copyOfBuild, runInProcess, tempDir } from '../helpers/cli.js';

describe('bj-index build --shards', () => {
  const { dir, cleanup } = tempDir();
  before(() => buildCli());
  after(cleanup);

  it('writes the keyword catalogue and a folder of parts named after it, and query reads them', async () => {
    const out = join(dir, 'site', 'bj-index.json');
    const built = await runInProcess(['build', 'data', '--shards', 'always', '-o', out]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /keyword catalogue; \d+ parts, \d+ bytes in all, in .*site\/bj-index\//);
    const parts = readdirSync(join(dir, 'site', 'bj-index'));
    assert.ok(parts.some((p) => p.startsWith('terms-')) && parts.some((p) => p.startsWith('passages-')));
    // Compared with a single-file index without the dictionary lexicon, which a sharded index does
    // not have yet (issue 21).
    const single = join(dir, 'single', 'bj-index.json');
    assert.equal((await runInProcess(['build', 'data', '--shards', 'never', '--no-dictionary', '-o', single])).code, 0);
    const whole = await runInProcess(['query', 'sandbox supervision', '--json', '--limit', '5', '--index', single]);
    const sharded = await runInProcess(['query', 'sandbox supervision', '--json', '--limit', '5', '--index', out]);
    assert.equal(sharded.code, 0, sharded.stderr);
    assert.deepEqual(JSON.parse(sharded.stdout), JSON.parse(whole.stdout), 'same results as the single-file index');
  });

  it('says which part is missing, and which build a stale part belongs to', async () => {
    const out = join(dir, 'broken', 'bj-index.json');
    await copyOfBuild(['data'], ['--shards', 'always'], out);
    const folder = join(dir, 'broken', 'bj-index');
    for (const fragment of readdirSync(folder).filter((p) => p.startsWith('passages-'))) {
      const text = readFileSync(join(folder, fragment), 'utf8');
      writeFileSync(join(folder, fragment), text.replace(/"index":"[0-9a-f]+"/, '"index":"00000000000000000000"'));
    }
    const stale = await runInProcess(['query', 'sandbox', '--index', out, '--limit', '100']);
    assert.equal(stale.code, 1);
    assert.match(
      stale.stderr,
      /^bj: part .*passages-\d+\.[0-9a-f]+\.json belongs to another build of the index \(hash 0+, expected [0-9a-f]+\)/m,
    );
    for (const p of readdirSync(folder).filter((name) => name.startsWith('terms-'))) writeFileSync(join(folder, p), '');
    const missing = await runInProcess(['query', 'sandbox', '--index', out]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^bj: part .*terms-\d+\.[0-9a-f]+\.json of the index is not valid JSON/m);
  });

  it('keeps a small corpus one file under auto, and removes the parts of an earlier sharded build', async () => {
    const out = join(dir, 'small', 'bj-index.json');
    await copyOfBuild(['data'], ['--shards', 'always'], out);
    const auto = await runInProcess(['build', 'data', '-o', out]);
    assert.equal(auto.code, 0, auto.stderr);
    assert.doesNotMatch(auto.stdout, /catalogue/);
    assert.deepEqual(readdirSync(join(dir, 'small', 'bj-index')), [], 'stale parts removed');
    assert.equal('shards' in JSON.parse(readFileSync(out, 'utf8')), false);
    assert.ok(existsSync(out));
  });

  it('refuses an unknown mode with a usage error', async () => {
    const r = await runInProcess(['build', 'data', '--shards', 'sometimes', '-o', join(dir, 'x.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bj: --shards must be auto, always or never, got "sometimes"/);
  });
});

describe('bj-index query on a tampered sharded index', () => {
  const { dir, cleanup } = tempDir();
  before(() => buildCli());
  after(cleanup);

  it('refuses a manifest that names parts outside the entry folder, and reads none of them', async () => {
    const out = join(dir, 'pub', 'bj-index.json');
    await copyOfBuild(['data'], ['--shards', 'always'], out);
    const entry = JSON.parse(readFileSync(out, 'utf8')) as { shards: { base: string } };
    for (const base of ['../../../../../../etc/', 'file:///etc/', '/etc/']) {
      entry.shards.base = base;
      writeFileSync(out, JSON.stringify(entry));
      const r = await runInProcess(['query', 'sandbox', '--index', out]);
      assert.equal(r.code, 1, base);
      assert.match(
        r.stderr,
        /^bj: index .*bj-index\.json: the index at file:.* has a broken "shards" manifest \(base ".*" is not a folder beside the entry file\)/m,
      );
      assert.doesNotMatch(r.stdout + r.stderr, /root:|passwd/);
    }
  });

  it('refuses a part over 8 MiB without reading it', async () => {
    const out = join(dir, 'big', 'bj-index.json');
    await copyOfBuild(['data'], ['--shards', 'always'], out);
    const folder = join(dir, 'big', 'bj-index');
    for (const p of readdirSync(folder).filter((n) => n.startsWith('terms-'))) writeFileSync(join(folder, p), ' '.repeat(9 * 1024 * 1024));
    const r = await runInProcess(['query', 'sandbox', '--index', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bj: part .*terms-\d+\.[0-9a-f]+\.json of the index has 9437184 bytes, over the 8388608 a part may have/m);
  });
});
