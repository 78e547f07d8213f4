/**
 * One meaning of "this text names that keyword" (src/search/names.ts): the popover's lookup, the
 * annotator and the index builder must agree on it. Two bugs came from three matchers that mostly
 * agreed; the first two tests are theirs, from the webmaster's side.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { matcherFor } from '../../src/annotate/matcher.js';
import { buildIndex } from '../../src/search/build.js';
import { PolicyIndex } from '../../src/search/index.js';
import type { CorpusFile } from '../../src/search/types.js';
import { readCorpora } from '../helpers/corpora.js';

const corpora = readCorpora('data');
const defaultIndex = PolicyIndex.fromJSON(JSON.stringify(buildIndex(corpora)));

describe('a keyword named in traditional characters', () => {
  // A district site in traditional script quotes the keyword's published definition (converted with
  // OpenCC, as a zh-Hant page would carry it) and builds its index with the default corpus.
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const sandbox = defaultIndex.term('regulatory-sandbox')!;
  const text = toTraditional(sandbox.definition.zh![0]!);
  const page: CorpusFile = {
    format: 'bj-corpus',
    schemaVersion: 1,
    source: { id: 'district-zh-hant', title: { zh: '區政府網站' }, languages: ['zh'] },
    documents: [{ id: 'district-notice', title: { zh: '通知' }, lang: 'zh', passages: [{ id: 'district-notice-p1', headings: [], text }] }],
  };
  const index = PolicyIndex.fromJSON(JSON.stringify(buildIndex([...corpora, { file: 'district.json', data: page }])));

  it('is written in traditional characters the corpus maps back to the keyword name', () => {
    assert.notEqual(text, sandbox.definition.zh![0]);
    assert.ok(text.includes('監管沙盒'), text);
  });

  it('is found by a search and marked by the annotator', () => {
    assert.ok(index.search('監管沙盒', { kind: 'passage' }).some((r) => r.id === 'district-notice-p1'));
    assert.ok(
      matcherFor(index)
        .find(text)
        .some((m) => m.termId === 'regulatory-sandbox'),
    );
  });

  it("is listed among the keyword's related passages (the popover's list)", () => {
    assert.ok(
      index.passagesFor('regulatory-sandbox').some((p) => p.id === 'district-notice-p1'),
      `related passages: ${index
        .passagesFor('regulatory-sandbox')
        .map((p) => p.id)
        .join(', ')}`,
    );
  });
});

describe('a keyword named by its acronym', () => {
  // Published text of the "Smart review and approval system (SRAS)" keyword's own definition.
  const sentence = 'Through the SRAS, businesses or individuals that apply for authorization or registration can obtain approvals.';

  it('links <bj-keyword>SRAS</bj-keyword> to its keyword', () => {
    assert.equal(defaultIndex.lookupTerm('SRAS')?.id, 'smart-review-and-approval');
  });

  it('is marked in running text by the annotator', () => {
    const found = matcherFor(defaultIndex)
      .find(sentence)
      .map((m) => [m.termId, sentence.slice(m.start, m.end)]);
    assert.deepEqual(found, [['smart-review-and-approval', 'SRAS']]);
  });
});

describe('a keyword named with a plural or singular last word', () => {
  it('links <bj-keyword>regulatory sandboxes</bj-keyword> to its keyword, as the annotator marks it', () => {
    assert.equal(defaultIndex.lookupTerm('regulatory sandboxes')?.id, 'regulatory-sandbox');
    assert.deepEqual(
      matcherFor(defaultIndex)
        .find('Two regulatory sandboxes opened.')
        .map((m) => m.termId),
      ['regulatory-sandbox'],
    );
  });

  it('does not call the singular of a title ("Service package") a related keyword', () => {
    assert.equal(defaultIndex.lookupTerm('Service package')?.id, 'service-packages');
    assert.equal(defaultIndex.viaAlias('Service package'), false);
    assert.equal(defaultIndex.viaAlias('12345 citizen service hotlines'), true);
  });
});

describe('a name with a year in parentheses', () => {
  const file: CorpusFile = {
    format: 'bj-corpus',
    schemaVersion: 1,
    source: { id: 'district-plans', title: { en: 'District plans' }, languages: ['en'] },
    terms: [{ id: 'action-plan', edition: 'District plans', title: { en: 'Action plan (2021)' }, definition: { en: ['A plan.'] } }],
    documents: [
      {
        id: 'district-plans',
        title: { en: 'Plans' },
        lang: 'en',
        passages: [{ id: 'district-plans-p1', headings: [], text: 'In 2021 the district grew.' }],
      },
    ],
  };
  const index = PolicyIndex.fromJSON(JSON.stringify(buildIndex([...corpora, { file: 'district.json', data: file }])));

  it('is found by its name without the year, and the year alone names nothing', () => {
    assert.equal(index.lookupTerm('Action plan')?.id, 'action-plan');
    assert.equal(index.lookupTerm('2021'), undefined);
    assert.deepEqual(matcherFor(index).find('In 2021 the district grew.'), []);
    assert.deepEqual(index.passage('district-plans-p1')?.terms, []);
  });
});

describe('the lookup, the annotator and the builder agree on names', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  /** What a writer might type for a published name: case, width, script, article, number, acronym, quotes. */
  const writings = (name: string): string[] => {
    const acronym = /\(([A-Z0-9]{2,})\)$/.exec(name)?.[1];
    const bare = name.replace(/\s*\([^()]*\)$/, '');
    const out = [name, bare, name.toUpperCase(), name.toLowerCase(), titleCase(bare), fullWidth(bare), toTraditional(name)];
    out.push(bare.replace(/["“”]/g, ''), bare.replace(/"([^"]*)"/g, '“$1”'), `the ${bare.replace(/^the /i, '')}`);
    if (/[a-z]s$/.test(bare)) out.push(bare.slice(0, -1));
    else if (/[a-z]$/.test(bare)) out.push(`${bare}s`);
    if (acronym) out.push(acronym);
    return [...new Set(out)];
  };
  const cases = defaultIndex.termNames().flatMap((n) => writings(n.name).map((written) => ({ termId: n.termId, written })));
  /** Running text around a name, as pages write it. */
  const contexts: Array<[string, string]> = [
    ['', ''],
    ['In 2022, ', ' was extended.'],
    ['(', ')'],
    ['本市推行', '，成效明显。'],
    ['See “', '” below'],
  ];
  const sentence = (i: number, written: string) => `${contexts[i % contexts.length]![0]}${written}${contexts[i % contexts.length]![1]}`;

  // One build of the default corpus plus a page that writes every name in every way.
  const page: CorpusFile = {
    format: 'bj-corpus',
    schemaVersion: 1,
    source: { id: 'district-names', title: { en: 'District page' }, languages: ['en', 'zh'] },
    documents: [
      {
        id: 'district-names',
        title: { en: 'Names' },
        lang: 'en',
        passages: cases.map((c, i) => ({ id: `district-names-p${i}`, headings: [], text: sentence(i, c.written) })),
      },
    ],
  };
  const index = PolicyIndex.fromJSON(JSON.stringify(buildIndex([...corpora, { file: 'district.json', data: page }])));
  const matcher = matcherFor(index);

  it('has a few hundred writings of the real keyword names to check', () => {
    assert.ok(cases.length > 150, `${cases.length} writings`);
    assert.ok(cases.filter((c) => index.lookupTerm(c.written)).length > 100);
  });

  it('marks and links every name the lookup finds, in any running text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.integer({ min: 0, max: 4 }), (at, ctx) => {
        const { termId, written } = cases[at]!;
        if (index.lookupTerm(written)?.id !== termId) return;
        const text = sentence(ctx, written);
        const from = contexts[ctx]![0].length;
        // The mark covers the name as written (its quotation marks may be the sentence's own).
        const marked = matcher.find(text).filter((m) => m.termId === termId && m.start < from + written.length && m.end > from);
        assert.equal(marked.length, 1, `${JSON.stringify(text)}: the annotator does not mark ${termId}`);
      }),
      { numRuns: 500 },
    );
    for (const [i, c] of cases.entries()) {
      if (index.lookupTerm(c.written)?.id !== c.termId) continue;
      assert.ok(
        index.passage(`district-names-p${i}`)!.terms.includes(c.termId),
        `the builder does not link ${JSON.stringify(sentence(i, c.written))} to ${c.termId}`,
      );
    }
  });

  it('links a passage to a keyword exactly when the annotator marks that keyword in it', () => {
    for (let i = 0; i < cases.length; i++) {
      const p = index.passage(`district-names-p${i}`)!;
      const marked = new Set(matcher.findAll(p.text).map((m) => m.termId));
      assert.deepEqual(p.terms, [...new Set(p.terms.filter((id) => marked.has(id)))], p.text);
      assert.deepEqual(
        [...marked].sort(),
        [...p.terms].sort(),
        `${JSON.stringify(p.text)}: annotator ${[...marked].join(',')} / builder ${p.terms.join(',')}`,
      );
    }
  });
});
