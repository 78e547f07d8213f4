/**
 * The build cache of `bj-index build` (src/cli/dictionary-cache.ts, variant-cache.ts): an editor's
 * rebuild reads what the first build derived from CC-CEDICT and jieba, and the traditional →
 * simplified map OpenCC gave for the same texts, and writes the very same index and lexicon; a
 * damaged cache file is rebuilt without a word; `BJ_INDEX_CACHE=off` writes none.
 *
 * bj-test-cost: 20 (CPU seconds, `node bench/cpu.mjs`: scripts/test-node.mjs starts long files first)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, fixtures, run, tempDir } from '../helpers/cli.js';

/** The index written at `index` and the lexicon parts beside it, by name. */
const filesOf = (index: string): Record<string, string> => {
  const folder = index.replace(/\.json$/, '.lexicon');
  return {
    'bj-index.json': readFileSync(index, 'utf8'),
    ...Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')])),
  };
};

describe('bj-index build: the build cache', () => {
  const tmp = tempDir();
  after(tmp.cleanup);
  before(buildCli);

  const build = async (name: string, env: Record<string, string>) => {
    const out = join(tmp.dir, name, 'bj-index.json');
    const r = await run(['build', fixtures, '-o', out], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dictionary lexicon: \d+ parts?/);
    assert.equal(r.stderr, '');
    return filesOf(out);
  };
  const cacheFiles = (dir: string, kind: 'dictionary' | 'variants') =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${kind}-`) && !f.startsWith('.')) : [];

  it('writes the same index and lexicon from the cache as from the dictionaries, and survives damaged cache files', async () => {
    const cache = join(tmp.dir, 'cache');
    const first = await build('first', { BJ_INDEX_CACHE: cache });
    assert.equal(cacheFiles(cache, 'dictionary').length, 1, 'the first build leaves one dictionary cache file');
    assert.equal(cacheFiles(cache, 'variants').length, 1, 'and the variant map of its texts');
    assert.ok(Object.keys(first).length > 1);

    assert.deepEqual(await build('again', { BJ_INDEX_CACHE: cache }), first, 'a rebuild from the cache writes the same files');

    const dictionary = join(cache, cacheFiles(cache, 'dictionary')[0]!);
    const variants = join(cache, cacheFiles(cache, 'variants')[0]!);
    const written = { dictionary: readFileSync(dictionary, 'utf8'), variants: readFileSync(variants, 'utf8') };
    // Cut short, as by a full disk under another program's copy.
    writeFileSync(dictionary, written.dictionary.slice(0, written.dictionary.length / 2));
    writeFileSync(variants, written.variants.slice(0, written.variants.length / 2));
    assert.deepEqual(await build('broken', { BJ_INDEX_CACHE: cache }), first, 'damaged cache files change nothing');
    assert.equal(readFileSync(dictionary, 'utf8'), written.dictionary, 'the dictionary cache is written again, whole');
    assert.equal(readFileSync(variants, 'utf8'), written.variants, 'the variant map too');

    // Well-formed JSON that is no variant map (a character mapped to a number) is not used either.
    writeFileSync(variants, JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(written.variants) as object).map((k) => [k, 0]))));
    assert.deepEqual(await build('wrong', { BJ_INDEX_CACHE: cache }), first, 'a variant file of the wrong shape changes nothing');

    const home = join(tmp.dir, 'home');
    assert.deepEqual(await build('off', { BJ_INDEX_CACHE: 'off', HOME: home, XDG_CACHE_HOME: '' }), first);
    assert.equal(existsSync(join(home, '.cache')), false, 'BJ_INDEX_CACHE=off writes no cache');
  });

  it("keeps the dictionary caches of other versions used last: two sites built with two versions don't evict each other's", async () => {
    const cache = join(tmp.dir, 'versions');
    mkdirSync(cache);
    // Cache files of four other versions (other keys), used one day apart, the newest an hour ago.
    const others = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004'].map((key, i) => {
      const file = join(cache, `dictionary-${key}.txt`);
      writeFileSync(file, 'another version\n');
      const used = new Date(Date.now() - 3_600_000 - (3 - i) * 86_400_000);
      utimesSync(file, used, used);
      return `dictionary-${key}.txt`;
    });
    await build('this-version', { BJ_INDEX_CACHE: cache });
    const kept = cacheFiles(cache, 'dictionary');
    assert.equal(kept.length, 3, `this version's cache and the two other versions used last: ${kept.join(', ')}`);
    assert.ok(kept.includes(others[3]!) && kept.includes(others[2]!), 'the two other versions used last are kept');
    assert.ok(!kept.includes(others[0]!) && !kept.includes(others[1]!), 'the two used longest ago are removed');
  });
});
