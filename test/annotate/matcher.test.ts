import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matcherFor, nameVariants, normalizeText, numberForms, TermMatcher, type TermName } from '../../src/annotate/matcher.js';

/** Names as the corpus publishes them (titles, then aliases). */
const NAMES: TermName[] = [
  { termId: 'six-plus-four-regulatory-system', name: 'The "6+4" regulatory system', lang: 'en' },
  { termId: 'six-plus-four-regulatory-system', name: '“6+4”一体化综合监管体系', lang: 'zh' },
  { termId: 'service-packages', name: 'Service packages', lang: 'en' },
  { termId: 'service-packages', name: '服务包', lang: 'zh' },
  { termId: 'service-packages', name: 'Service Package', lang: 'en' },
  { termId: 'notification-and-commitment', name: 'The notification and compliance requirement', lang: 'en' },
  { termId: 'notification-and-commitment', name: '告知承诺制', lang: 'zh' },
  { termId: 'notification-and-commitment', name: 'notification-commitment system', lang: 'en' },
  { termId: 'notification-and-commitment', name: 'notification and commitment', lang: 'en' },
  { termId: 'smart-review-and-approval', name: 'Smart review and approval system (SRAS)', lang: 'en' },
  { termId: 'regulatory-sandbox', name: 'Regulatory sandbox', lang: 'en' },
  { termId: 'regulatory-sandbox', name: '监管沙盒', lang: 'zh' },
  { termId: 'regulatory-sandbox', name: 'Sandbox Supervision', lang: 'en' },
  { termId: 'time-banking', name: 'Time banking', lang: 'en' },
  { termId: 'time-banking', name: '时间银行', lang: 'zh' },
  { termId: 'two-minor-details', name: '两个“关键小事”', lang: 'zh' },
  // A made-up shorter name inside a longer one, to check that the longest wins.
  { termId: 'commitment-system', name: 'commitment system', lang: 'en' },
  { termId: 'sandbox', name: '沙盒', lang: 'zh' },
];

/** A few traditional → simplified pairs, one unit for one, as the index's variant map has them. */
const VARIANTS: Record<string, string> = {
  監: '监',
  務: '务',
  諾: '诺',
  時: '时',
  間: '间',
  銀: '银',
  體: '体',
  綜: '综',
  兩: '两',
  個: '个',
  關: '关',
  鍵: '键',
  事: '事',
};
const simplify = (text: string) => [...text].map((c) => VARIANTS[c] ?? c).join('');

const matcher = new TermMatcher(NAMES, simplify);
const found = (text: string) => matcher.find(text).map((m) => [m.termId, text.slice(m.start, m.end)]);

describe('TermMatcher', () => {
  it('finds English titles and aliases case-insensitively inside running text', () => {
    assert.deepEqual(found('Beijing piloted a REGULATORY SANDBOX and new Service Packages last year.'), [
      ['regulatory-sandbox', 'REGULATORY SANDBOX'],
      ['service-packages', 'Service Packages'],
    ]);
  });

  it('finds Chinese names with no word boundaries', () => {
    assert.deepEqual(found('本市推行监管沙盒和告知承诺制。'), [
      ['regulatory-sandbox', '监管沙盒'],
      ['notification-and-commitment', '告知承诺制'],
    ]);
  });

  it('finds traditional characters through the simplified form and keeps the offsets of the original', () => {
    assert.deepEqual(found('推行監管沙盒與時間銀行'), [
      ['regulatory-sandbox', '監管沙盒'],
      ['time-banking', '時間銀行'],
    ]);
  });

  it('matches simple English plurals and singulars of the last word', () => {
    assert.deepEqual(found('two regulatory sandboxes and one service package'), [
      ['regulatory-sandbox', 'regulatory sandboxes'],
      ['service-packages', 'service package'],
    ]);
    assert.deepEqual(numberForms('sandbox'), ['sandboxes']);
    assert.deepEqual(numberForms('policy'), ['policies']);
    assert.deepEqual(numberForms('packages'), ['package']);
    assert.deepEqual(numberForms('status'), ['statuses']);
  });

  it('matches whole words only: not inside "sandboxing" or "timebanking", but before hyphens and apostrophes', () => {
    assert.deepEqual(found('regulatory sandboxing and pretime banking'), []);
    assert.deepEqual(found("the regulatory sandbox's rules; regulatory-sandbox-based pilots"), [
      ['regulatory-sandbox', 'regulatory sandbox'],
      ['regulatory-sandbox', 'regulatory-sandbox'],
    ]);
    assert.deepEqual(found('Überregulatory sandbox'), [], 'a non-ASCII letter before is part of the word');
    assert.deepEqual(found('在Regulatory sandbox中'), [['regulatory-sandbox', 'Regulatory sandbox']]);
  });

  it('prefers the longest name and never overlaps matches (leftmost-longest)', () => {
    assert.deepEqual(found('under the notification-commitment system today'), [
      ['notification-and-commitment', 'notification-commitment system'],
    ]);
    assert.deepEqual(found('a commitment system'), [['commitment-system', 'commitment system']]);
    assert.deepEqual(found('监管沙盒'), [['regulatory-sandbox', '监管沙盒']]);
    assert.deepEqual(found('沙盒监管沙盒'), [
      ['sandbox', '沙盒'],
      ['regulatory-sandbox', '监管沙盒'],
    ]);
  });

  it('treats any run of whitespace, line breaks and dashes as the space of a name', () => {
    assert.deepEqual(found('the regulatory\n    sandbox, the notification–commitment\u00a0system'), [
      ['regulatory-sandbox', 'regulatory\n    sandbox'],
      ['notification-and-commitment', 'notification–commitment\u00a0system'],
    ]);
  });

  it('drops a leading article, quotation marks and a trailing parenthesis from names', () => {
    assert.deepEqual(found('the notification and compliance requirement'), [
      ['notification-and-commitment', 'notification and compliance requirement'],
    ]);
    assert.deepEqual(found('the “6+4” regulatory system and the 6+4 regulatory system'), [
      ['six-plus-four-regulatory-system', '“6+4” regulatory system'],
      ['six-plus-four-regulatory-system', '6+4 regulatory system'],
    ]);
    assert.deepEqual(found('办好兩個關鍵小事'), [['two-minor-details', '兩個關鍵小事']]);
    assert.deepEqual(found('a smart review and approval system'), [['smart-review-and-approval', 'smart review and approval system']]);
    assert.ok(nameVariants('The "6+4" regulatory system').every((v) => !v.startsWith('the ')));
  });

  it('does not match ids (slugs) as such, only names written in prose', () => {
    assert.deepEqual(found('see six-plus-four-regulatory-system and smart-review-and-approval'), []);
  });

  it('is built once per index and cached', () => {
    const index = { termNames: () => NAMES, toSimplified: simplify };
    assert.equal(matcherFor(index), matcherFor(index));
    assert.notEqual(matcherFor(index), matcherFor({ termNames: () => NAMES }));
  });
});

describe('TermMatcher properties', () => {
  const filler = fc.string({
    unit: fc.constantFrom('a', 'x', 'y', ' ', '\n', '-', '的', '了', '監', '沙', '盒', 'S', '.', '“'),
    maxLength: 12,
  });
  const names = NAMES.map((n) => n.name);
  const pieces = fc.array(fc.oneof(filler, fc.constantFrom(...names), fc.constantFrom('sandboxes', 'Service packages', '時間銀行')), {
    maxLength: 12,
  });

  it('normalisation keeps the length of any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => normalizeText(text, simplify).length === text.length));
  });

  it('matches never overlap, are in order, and each is the longest name at its start', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        const norm = matcher.normalize(text);
        const matches = matcher.find(text);
        let prev = 0;
        for (const m of matches) {
          assert.ok(m.start >= prev && m.end > m.start, 'in order, not overlapping');
          const longest = matcher.candidatesAt(norm, m.start)[0]!;
          assert.equal(m.end, longest.end);
          prev = m.end;
        }
        // Nothing is missed: no name starts in a gap between matches.
        let covered = 0;
        for (let i = 0; i < norm.length; i++) {
          const inside = matches.some((m) => i >= m.start && i < m.end);
          if (!inside) assert.deepEqual(matcher.candidatesAt(norm, i), [], `missed a name at ${i} in ${JSON.stringify(text)}`);
          else covered++;
        }
        return covered <= norm.length;
      }),
    );
  });

  it('finds a name planted between separators wherever it is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('xy', 'ab', '的', '了'), { maxLength: 5 }),
        fc.constantFrom(...NAMES),
        fc.array(fc.constantFrom('xy', 'ab', '的', '了'), { maxLength: 5 }),
        (before, planted, after) => {
          const head = before.join(' ') + ' ';
          const text = `${head}${planted.name} ${after.join(' ')}`;
          const end = head.length + planted.name.length;
          // The match may leave out a leading article ("The …"), never more.
          const hit = matcher.find(text).find((m) => m.start >= head.length && m.end === end);
          assert.ok(hit, `${planted.name} not found in ${JSON.stringify(text)}`);
          assert.equal(hit.termId, planted.termId);
          assert.match(text.slice(head.length, hit.start), /^(The )?$/);
        },
      ),
    );
  });
});
