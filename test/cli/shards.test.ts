/**
 * `bj-index build --shards auto|always|never`, and `bj-index query` on a sharded index: what a
 * webmaster sees in the terminal and on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, run, tempDir } from '../helpers/cli.js';

describe('bj-index build --shards', () => {
  const { dir, cleanup } = tempDir();
  before(() => buildCli());
  after(cleanup);

  it('writes the keyword catalogue and a folder of parts named after it, and query reads them', async () => {
    const out = join(dir, 'site', 'bj-index.json');
    const built = await run(['build', 'data', '--shards', 'always', '-o', out]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /keyword catalogue; \d+ parts, \d+ bytes in all, in .*site\/bj-index\//);
    const parts = readdirSync(join(dir, 'site', 'bj-index'));
    assert.ok(parts.some((p) => p.startsWith('terms-')) && parts.some((p) => p.startsWith('passages-')));
    // Compared with a single-file index without the dictionary lexicon, which a sharded index does
    // not have yet (issue 21).
    const single = join(dir, 'single', 'bj-index.json');
    assert.equal((await run(['build', 'data', '--shards', 'never', '--no-dictionary', '-o', single])).code, 0);
    const whole = await run(['query', 'sandbox supervision', '--json', '--limit', '5', '--index', single]);
    const sharded = await run(['query', 'sandbox supervision', '--json', '--limit', '5', '--index', out]);
    assert.equal(sharded.code, 0, sharded.stderr);
    assert.deepEqual(JSON.parse(sharded.stdout), JSON.parse(whole.stdout), 'same results as the single-file index');
  });

  it('says which part is missing, and which build a stale part belongs to', async () => {
    const out = join(dir, 'broken', 'bj-index.json');
    assert.equal((await run(['build', 'data', '--shards', 'always', '-o', out])).code, 0);
    const folder = join(dir, 'broken', 'bj-index');
    for (const fragment of readdirSync(folder).filter((p) => p.startsWith('passages-'))) {
      const text = readFileSync(join(folder, fragment), 'utf8');
      writeFileSync(join(folder, fragment), text.replace(/"index":"[0-9a-f]+"/, '"index":"00000000000000000000"'));
    }
    const stale = await run(['query', 'sandbox', '--index', out, '--limit', '100']);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /^bj: part .*passages-\d+\.json belongs to another build of the index \(hash 0+, expected [0-9a-f]+\)/m);
    for (const p of readdirSync(folder).filter((name) => name.startsWith('terms-'))) writeFileSync(join(folder, p), '');
    const missing = await run(['query', 'sandbox', '--index', out]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^bj: part .*terms-\d+\.json of the index is not valid JSON/m);
  });

  it('keeps a small corpus one file under auto, and removes the parts of an earlier sharded build', async () => {
    const out = join(dir, 'small', 'bj-index.json');
    assert.equal((await run(['build', 'data', '--shards', 'always', '-o', out])).code, 0);
    const auto = await run(['build', 'data', '-o', out]);
    assert.equal(auto.code, 0, auto.stderr);
    assert.doesNotMatch(auto.stdout, /catalogue/);
    assert.deepEqual(readdirSync(join(dir, 'small', 'bj-index')), [], 'stale parts removed');
    assert.equal('shards' in JSON.parse(readFileSync(out, 'utf8')), false);
    assert.ok(existsSync(out));
  });

  it('refuses an unknown mode with a usage error', async () => {
    const r = await run(['build', 'data', '--shards', 'sometimes', '-o', join(dir, 'x.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bj: --shards must be auto, always or never, got "sometimes"/);
  });
});
