/** How the glossary orders keywords: by section as first published, then by pinyin or English title. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupTerms, sortKey } from '../../../src/components/bj-glossary/glossary-order.js';
import type { TermEntry } from '../../../src/search/types.js';

const term = (id: string, title: TermEntry['title'], section: TermEntry['section']): TermEntry => ({
  kind: 'term',
  id,
  edition: 'Keywords of Beijing 2022',
  section,
  title,
  definition: {},
  aliases: { en: [], zh: [] },
  source: { id: 's', title: {}, languages: ['en', 'zh'] },
  passages: [],
});

const business = { en: 'Business Environment', zh: '营商环境' };
const governance = { en: 'Innovative Governance' };
const terms = [
  term('sandbox', { en: 'Regulatory sandbox', zh: '监管沙盒' }, business),
  term('terminals', { en: 'Jingban mobile terminals' }, governance),
  term('packages', { en: 'Service packages', zh: '服务包' }, business),
  term('commitment', { en: 'The notification and compliance requirement', zh: '告知承诺制' }, business),
  term('microgram', { en: 'The "every microgram counts" initiative' }, governance),
];

describe('glossary order', () => {
  it('groups by section in the order sections first appear', () => {
    assert.deepEqual(
      groupTerms(terms, 'en').map((s) => s.key),
      ['Business Environment', 'Innovative Governance'],
    );
  });

  it('sorts by pinyin: 服务包 (fu), 告知承诺制 (gao), 监管沙盒 (jian)', () => {
    assert.deepEqual(
      groupTerms(terms, 'pinyin')[0]!.terms.map((t) => t.id),
      ['packages', 'commitment', 'sandbox'],
    );
  });

  it('sorts by English, ignoring leading articles and quotation marks', () => {
    assert.deepEqual(
      groupTerms(terms, 'en').map((s) => s.terms.map((t) => t.id)),
      [
        ['commitment', 'sandbox', 'packages'],
        ['microgram', 'terminals'],
      ],
    );
    assert.equal(sortKey('The "every microgram counts" initiative'), 'every microgram counts" initiative');
  });

  it('puts keywords without a Chinese title after the others when sorting by pinyin', () => {
    const mixed = [term('en-only', { en: 'Alpha' }, business), ...terms.filter((t) => t.section === business)];
    assert.deepEqual(
      groupTerms(mixed, 'pinyin')[0]!.terms.map((t) => t.id),
      ['packages', 'commitment', 'sandbox', 'en-only'],
    );
  });
});
