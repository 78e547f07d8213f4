/**
 * The dictionary lexicon (issue 21): built from CC-CEDICT entries pruned to the index's own words
 * (`xlang-build.ts`), and queries translated through it (`xlang.ts`, `xlang-plan.ts`). The
 * dictionary and word counts here are small stand-ins, so each rule is seen on its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex } from '../../src/search/build.js';
import type { BuiltIndex } from '../../src/search/format.js';
import { PolicyIndex } from '../../src/search/index.js';
import type { CorpusFile } from '../../src/search/types.js';
import { buildXLexicon, type XLexiconSources } from '../../src/search/xlang-build.js';
import { splitXLexicon } from '../../src/search/xlang-parts.js';
import { lexiconFilesFor } from '../../src/search/xlang-needed.js';
import { decodeMap, encodeMap } from '../../src/search/xlang-format.js';
import fc from 'fast-check';
import { useLexicon } from '../../src/search/xlang.js';

const corpus: CorpusFile = {
  format: 'bj-corpus',
  schemaVersion: 1,
  source: { id: 'xlang', title: { en: 'Cross-language fixture' }, languages: ['en', 'zh'] },
  documents: [
    {
      id: 'plan',
      title: { en: 'A plan' },
      lang: 'en',
      passages: [
        { id: 'licence', headings: ['Market access'], text: 'Deepen the reform separating permit from business license.' },
        { id: 'trade', headings: ['Trade'], text: 'Facilitate foreign trade and cross-border investment.' },
        { id: 'fakes', headings: ['Enforcement'], text: 'Crack down on counterfeit goods sold online.' },
      ],
    },
    {
      id: 'guide',
      title: { zh: '办事指南' },
      lang: 'zh',
      passages: [
        { id: 'zh-seal', headings: ['刻制印章'], text: '新开办企业可以免费刻制公章，当天领取。' },
        { id: 'zh-licence', headings: ['营业执照'], text: '营业执照在网上申请，三个工作日内发放。' },
      ],
    },
  ],
};

const sources: XLexiconSources = {
  dictionary: [
    { zh: '营业', glosses: ['do business', 'trade'] },
    { zh: '执照', glosses: ['license', 'permit'] },
    { zh: '熊猫', glosses: ['panda'] },
    { zh: '公章', glosses: ['official seal'] },
    { zh: '申请', glosses: ['apply for', 'application'] },
    { zh: '假货', glosses: ['counterfeit', 'knockoff'] },
    { zh: '冷僻', glosses: ['trade'] },
  ],
  frequency: new Map([
    ['营业', 1214],
    ['执照', 1070],
    ['熊猫', 2000],
    ['公章', 300],
    ['申请', 5000],
    ['假货', 5000],
    ['冷僻', 3],
  ]),
};

const built: BuiltIndex = buildIndex([{ file: 'xlang.json', data: corpus }], { libraryVersion: '0.1.0' });
const lexicon = buildXLexicon(built, sources);

function withLexicon(): PolicyIndex {
  const index = PolicyIndex.fromJSON(JSON.stringify(built));
  useLexicon(index, lexicon);
  return index;
}

describe('dictionary lexicon, as built', () => {
  it('keeps a Chinese word only when its English glosses occur in the index’s English text', () => {
    assert.deepEqual(lexicon.zh['执照'], ['licens', 'permit']);
    assert.equal(lexicon.zh['熊猫'], undefined, 'panda is in no English passage');
  });

  it('leaves out words readers rarely type, even when their gloss occurs', () => {
    assert.equal(lexicon.zh['冷僻'], undefined);
    assert.ok(lexicon.zh['营业']);
  });

  it('keeps English → Chinese only for Chinese words the index’s Chinese text has', () => {
    assert.deepEqual(lexicon.en['offici seal'], ['公章']);
    assert.deepEqual(lexicon.en['licens'], ['执照']);
    assert.equal(lexicon.en['panda'], undefined, '熊猫 is in no Chinese passage');
  });

  it('gives an English word the index lacks the glosses of the same headword it has', () => {
    assert.deepEqual(lexicon.syn['knockoff'], ['counterfeit']);
    assert.equal(lexicon.syn['counterfeit'], undefined, 'the index has this word itself');
  });

  it('leaves out a translation whose English words never occur together in one passage or keyword', () => {
    // `permit` and `goods` are both in the index, never in the same passage: the AND query matches nothing.
    const lex = buildXLexicon(built, {
      dictionary: [...sources.dictionary, { zh: '货证', glosses: ['goods permit', 'license'] }],
      frequency: new Map([...sources.frequency, ['货证', 500]]),
    });
    assert.deepEqual(lex.zh['货证'], ['licens']);
  });

  it('keeps few Chinese words for a common English gloss (first senses, then the commonest), all for a rarer one', () => {
    const many = Array.from({ length: 9 }, (_, i) => String.fromCodePoint(0x5f00 + i) + '易');
    const lex = buildXLexicon(built, {
      // The first five have `trade` as a later sense, the others as their first.
      dictionary: many.map((zh, i) => ({ zh, glosses: i < 5 ? ['goods', 'trade'] : ['trade'] })),
      frequency: new Map(many.map((zh, i) => [zh, 1000 + i * 100])),
    });
    const trade = Object.keys(lex.zh).filter((zh) => lex.zh[zh]!.includes('trade'));
    assert.deepEqual(trade.sort(), [many[6], many[7], many[8]].sort());
    assert.equal(Object.keys(lex.zh).filter((zh) => lex.zh[zh]!.includes('good')).length, 5);
  });

  it('gives a dictionary synonym only where its words occur together somewhere', () => {
    const lex = buildXLexicon(built, {
      dictionary: [...sources.dictionary, { zh: '伪证', glosses: ['goods permit', 'fakery'] }],
      frequency: new Map([...sources.frequency, ['伪证', 9000]]),
    });
    assert.equal(lex.syn['fakeri'], undefined);
  });

  it('leaves out a compound whose words, as a query would find them, give every word of its glosses', () => {
    const lex = buildXLexicon(built, {
      dictionary: [
        ...sources.dictionary,
        { zh: '营业执照', glosses: ['business license'] },
        { zh: '申请执照', glosses: ['license application'] },
      ],
      frequency: new Map([...sources.frequency, ['营业执照', 800], ['申请执照', 800]]),
    });
    assert.equal(lex.zh['营业执照'], undefined, '营业 + 执照 give busi and licens');
    assert.ok(lex.zh['营业'] && lex.zh['执照']);
    const results = (() => {
      const index = PolicyIndex.fromJSON(JSON.stringify(built));
      useLexicon(index, lex);
      return index.search('营业执照', { kind: 'passage' });
    })();
    assert.ok(results.some((r) => r.id === 'licence' && r.strength === 'strong'));
  });

  it('cuts the lexicon into parts by the first character of each key, losing nothing', () => {
    const zh = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [String.fromCodePoint(0x4e00 + i) + '子', ['x', 'y z']]));
    const parts = splitXLexicon({ ...lexicon, zh });
    assert.ok(parts.length > 1);
    const read = new Map(parts.flatMap((p) => [...decodeMap(p.zh)]));
    assert.deepEqual(Object.fromEntries(read), zh);
    assert.ok(parts.every((p, i) => p.part === i && p.parts === parts.length && p.index === built.hash));
  });
});

describe('a lexicon part file’s maps', () => {
  it('reads back every entry it stores, whatever the keys share', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9 ]{0,14}$/), fc.stringMatching(/^[一-龥\u{20000}-\u{20005}]{1,6}$/u));
    const targets = fc.array(fc.stringMatching(/^[a-z0-9一-龥][a-z0-9 一-龥]{0,9}$/), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.dictionary(key, targets), (map) => {
        assert.deepEqual(decodeMap(encodeMap(map)), new Map(Object.entries(map)));
      }),
    );
  });

  it('reads a malformed map as empty rather than shifting targets onto other keys', () => {
    assert.equal(decodeMap(['0营业,2执照', 'busi']).size, 0);
    assert.equal(decodeMap({ 营业: ['busi'] }).size, 0);
    assert.equal(decodeMap(undefined).size, 0);
  });
});

describe('queries through the dictionary lexicon', () => {
  it('finds the English passage for a Chinese query, marked as reached through translation, with its English words highlighted', () => {
    const results = withLexicon().search('营业执照', { kind: 'passage' });
    const english = results.find((r) => r.id === 'licence');
    assert.ok(english, `licence in ${results.map((r) => r.id).join(', ')}`);
    assert.equal(english.via, 'translation');
    assert.equal(english.strength, 'strong', 'the translations cover the whole query');
    const marked = english.matches.filter((m) => m.field === 'text').map((m) => english.text.slice(m.start, m.end));
    assert.ok(marked.includes('business') && marked.includes('license'), marked.join('|'));
  });

  it('ranks the passage in the query’s own language above the translated one', () => {
    const ids = withLexicon()
      .search('营业执照', { kind: 'passage' })
      .map((r) => r.id);
    assert.ok(ids.indexOf('zh-licence') >= 0 && ids.indexOf('zh-licence') < ids.indexOf('licence'), ids.join(', '));
    const own = withLexicon()
      .search('营业执照', { kind: 'passage' })
      .find((r) => r.id === 'zh-licence');
    assert.equal(own?.via, undefined);
  });

  it('reaches a Chinese page from an English question', () => {
    const results = withLexicon().search('where can I get an official seal', { kind: 'passage' });
    assert.equal(results[0]?.id, 'zh-seal');
    assert.equal(results[0]?.via, 'translation');
  });

  it('makes a result weak when the translations cover only part of the query', () => {
    const results = withLexicon().search('营业熊猫', { kind: 'passage' });
    assert.ok(results.length > 0);
    assert.ok(results.every((r) => r.strength === 'weak'));
  });

  it('finds a passage through a dictionary synonym, as a weak match only', () => {
    const [first] = withLexicon().search('knockoff', { kind: 'passage' });
    assert.equal(first?.id, 'fakes');
    assert.equal(first?.strength, 'weak');
  });

  it('does not translate without the lexicon, and says which parts a query needs', () => {
    const plain = PolicyIndex.fromJSON(JSON.stringify(built));
    assert.equal(
      plain.search('营业执照', { kind: 'passage' }).some((r) => r.id === 'licence'),
      false,
    );
    const named = PolicyIndex.fromJSON(
      JSON.stringify({ ...built, lexiconFile: { files: ['x/00.json', 'x/01.json'], has: { zh: true, en: false, syn: false } } }),
    );
    assert.deepEqual(lexiconFilesFor(named, 'abc'), []);
    assert.ok(lexiconFilesFor(named, '营業執照').length > 0, 'traditional characters need the parts of their simplified forms');
    assert.throws(() => useLexicon(named, { ...lexicon, index: 'another-build' }), /^Error: bj: .*another build/);
  });
});
