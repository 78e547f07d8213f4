/**
 * Bilingual articles: "first occurrence" is first per keyword per language of the text (its
 * `lang`, else its script), and a <bj-keyword> already in the region counts as that occurrence.
 */
import { expect } from '@open-wc/testing';
import { annotate } from '../../src/annotate/annotate.js';
import { TermMatcher, type TermName } from '../../src/annotate/matcher.js';

const NAMES: TermName[] = [
  { termId: 'regulatory-sandbox', name: 'Regulatory sandbox', lang: 'en' },
  { termId: 'regulatory-sandbox', name: 'Sandbox Supervision', lang: 'en' },
  { termId: 'regulatory-sandbox', name: '监管沙盒', lang: 'zh' },
  { termId: 'time-banking', name: 'Time banking', lang: 'en' },
  { termId: 'time-banking', name: '时间银行', lang: 'zh' },
];
const matcher = new TermMatcher(NAMES);

function dom(markup: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const div = document.createElement('div');
  div.append(template.content);
  return div;
}

/** [paragraph id, term, text] of each keyword created by annotate(). */
const marks = (root: Element) =>
  [...root.querySelectorAll('bj-keyword:not([data-hand])')].map((k) => [k.closest('p')?.id, k.getAttribute('term'), k.textContent]);

describe('annotate(): first occurrence per language', () => {
  it('marks a keyword once in the Chinese paragraph and once in its English version (lang attributes)', () => {
    const root = dom(`<p id="zh" lang="zh-CN">探索监管沙盒。监管沙盒试点。</p>
      <p id="en" lang="en">We will explore the regulatory sandbox. The regulatory sandbox pilot.</p>`);
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([
      ['zh', 'regulatory-sandbox', '监管沙盒'],
      ['en', 'regulatory-sandbox', 'regulatory sandbox'],
    ]);
  });

  it('without lang attributes, tells the languages apart by script', () => {
    const root = dom(`<p id="zh">发展时间银行，推广时间银行。</p><p id="en">Time banking grows. Time banking helps.</p>`);
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([
      ['zh', 'time-banking', '时间银行'],
      ['en', 'time-banking', 'Time banking'],
    ]);
  });

  it('a hand-written <bj-keyword> counts as the first occurrence in its language', () => {
    const root = dom(`<p id="a" lang="en">We explore <bj-keyword data-hand term="regulatory-sandbox">Sandbox Supervision</bj-keyword>.</p>
      <p id="b" lang="en">The regulatory sandbox is new.</p>
      <p id="c" lang="zh">监管沙盒是新的。</p>`);
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([['c', 'regulatory-sandbox', '监管沙盒']]);
    const byText = dom(`<p lang="en"><bj-keyword data-hand>Time banking</bj-keyword> and then time banking again.</p>`);
    annotate(byText, matcher);
    expect(marks(byText), 'a keyword without term counts by its text').to.deep.equal([]);
  });

  it('`all` still marks every occurrence and `max` still caps the region', () => {
    const text = `<p id="zh" lang="zh">监管沙盒，监管沙盒。</p><p id="en" lang="en">Regulatory sandbox, regulatory sandbox.</p>`;
    const all = dom(text);
    annotate(all, matcher, { all: true });
    expect(marks(all).length).to.equal(4);
    const capped = dom(text);
    annotate(capped, matcher, { max: 1 });
    expect(marks(capped)).to.deep.equal([['zh', 'regulatory-sandbox', '监管沙盒']]);
  });
});
