/**
 * The dictionary cache of `bj-index build` (src/cli/dictionary-cache.ts): an editor's rebuild reads
 * what the first build derived from CC-CEDICT and jieba, and writes the very same lexicon; a broken
 * cache file is rebuilt without a word; `BJ_INDEX_CACHE=off` writes none.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, fixtures, run, tempDir } from '../helpers/cli.js';

/** The lexicon parts written beside `index`, by name. */
const lexiconOf = (index: string): Record<string, string> => {
  const folder = index.replace(/\.json$/, '.lexicon');
  return Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
};

describe('bj-index build: the dictionary cache', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  before(buildCli);

  const build = async (name: string, env: Record<string, string>) => {
    const out = join(tmp.dir, name, 'bj-index.json');
    const r = await run(['build', fixtures, '-o', out], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dictionary lexicon: \d+ parts?/);
    return lexiconOf(out);
  };
  const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /^dictionary-[0-9a-f]{16}\.json$/.test(f)) : []);

  it('writes the same lexicon from the cache as from the dictionaries, and survives a broken cache file', async () => {
    const cache = join(tmp.dir, 'cache');
    const first = await build('first', { BJ_INDEX_CACHE: cache });
    assert.equal(cacheFiles(cache).length, 1, 'the first build leaves one cache file');
    assert.ok(Object.keys(first).length > 0);

    assert.deepEqual(await build('again', { BJ_INDEX_CACHE: cache }), first, 'a rebuild from the cache writes the same lexicon');

    const file = join(cache, cacheFiles(cache)[0]!);
    writeFileSync(file, '{"format": "bj-index-dictionary-cache/1", "entries": [');
    assert.deepEqual(await build('broken', { BJ_INDEX_CACHE: cache }), first, 'a broken cache file changes nothing');
    assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), 'and is written again, whole');

    const home = join(tmp.dir, 'home');
    assert.deepEqual(await build('off', { BJ_INDEX_CACHE: 'off', HOME: home, XDG_CACHE_HOME: '' }), first);
    assert.equal(existsSync(join(home, '.cache')), false, 'BJ_INDEX_CACHE=off writes no cache');
  });
});
