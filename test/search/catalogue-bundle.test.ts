/**
 * A page with only keywords (popovers, annotation) pays for the catalogue, not for search: bundling
 * src/search/catalogue.ts as the browser build would (esbuild, minified ES module) must leave out
 * MiniSearch, the stemmer, query planning, the lexicon, the tokenizer and highlighting, and stay small.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** gzip bytes the catalogue may weigh (minified); today's figure is printed by the test. */
const BUDGET_GZIP = 6 * 1024;

const result = await build({
  entryPoints: [new URL('../../src/search/catalogue.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const inputs = Object.keys(result.metafile.inputs);
const code = result.outputFiles[0]!.contents;
const gzip = gzipSync(code, { level: 9 }).length;
const ours = inputs.filter((f) => f.startsWith('src/')).sort();
const packages = [...new Set(inputs.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))];
console.log(
  `# catalogue bundle: ${code.length} bytes minified, ${gzip} bytes gzip; modules: ${ours.join(', ')}; packages: ${packages.join(', ') || 'none'}`,
);

describe('the keyword catalogue (src/search/catalogue.ts) as a browser bundle', () => {
  it('holds no package: no MiniSearch, no stemmer', () => {
    assert.deepEqual(packages, []);
  });

  it('holds reading and checking the index, the catalogue and the names, and no search code', () => {
    assert.deepEqual(ours, [
      'src/search/catalogue.ts',
      'src/search/format.ts',
      'src/search/names.ts',
      'src/search/read-index.ts',
      'src/search/script.ts',
      'src/search/types.ts',
      'src/search/validate.ts',
      'src/search/web-address.ts',
    ]);
  });

  it(`weighs at most ${BUDGET_GZIP} bytes gzip`, () => {
    assert.ok(gzip <= BUDGET_GZIP, `${gzip} bytes gzip`);
  });
});
