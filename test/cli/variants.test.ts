/**
 * The traditional → simplified map of `bj-index build` is made with OpenCC's conversions built from
 * opencc-js's presets, one trie per dictionary group shared between them (`openccConverters` in
 * src/search/build.ts). They must convert exactly as `OpenCC.Converter` does, or an index's
 * `variants` (and so its hash) would change: checked on every Chinese text of data/ and of the test
 * corpora, whole and character by character, as the map asks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js';
import { openccConverters, variantTexts } from '../../src/search/build.js';
import type { CorpusFile, SynonymsFile } from '../../src/search/types.js';
import { fixtures, root } from '../helpers/cli.js';

const corpora = [join(root, 'data'), fixtures].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusFile | SynonymsFile })),
);
const texts = [...variantTexts(corpora)];
// Characters alone, and mixed-script text with traditional-only and compatibility forms.
const extra = [...new Set(texts.join('').match(/\p{Script=Han}/gu))].concat([
  '臺灣 發展，著作權 後來 乾隆 裡面 麵包',
  '\uF900\uF901\uFA0C',
  'GDP 同比增长 5.2%',
]);

describe('bj-index build: OpenCC conversions of the variant map', () => {
  const ours = openccConverters();
  const theirs = {
    toTraditional: (['t', 'tw', 'hk', 'twp'] as const).map((to) => OpenCC.Converter({ from: 'cn', to })),
    toSimplifiedCn: OpenCC.Converter({ from: 't', to: 'cn' }),
  };

  it('converts every text of the corpora as OpenCC.Converter does, to each traditional standard and back', () => {
    assert.ok(texts.length > 100, 'the corpora give texts to compare');
    for (const text of [...texts, ...extra]) {
      ours.toTraditional.forEach((convert, i) => assert.equal(convert(text), theirs.toTraditional[i]!(text), text));
      const traditional = theirs.toTraditional[1]!(text);
      assert.equal(ours.toSimplifiedCn(traditional), theirs.toSimplifiedCn(traditional), traditional);
      assert.equal(ours.toSimplifiedCn(text), theirs.toSimplifiedCn(text), text);
    }
  });
});
