/**
 * Where a search result links to: a passage from a web page goes to its page, at its heading, with
 * a text fragment of its opening words (the browser scrolls to and highlights the passage).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultHref, textFragment } from '../../../src/components/bj-policy-search/result-href.js';
import { passageResult } from '../../helpers/passage-result.js';

/** The text directive's value, decoded as a browser reads it. */
const directive = (href: string): string => decodeURIComponent(href.split(':~:text=')[1]!);

describe('search result links', () => {
  it('put a text fragment of the opening words next to the heading anchor', () => {
    const href = resultHref(
      passageResult(
        'Pilot the regulatory sandbox for fintech firms in the Zhongguancun area and beyond.',
        'https://gov.example/plan.html#tasks',
      ),
    )!;
    assert.match(href, /^https:\/\/gov\.example\/plan\.html#tasks:~:text=Pilot%20the%20regulatory%20sandbox/);
    assert.ok('Pilot the regulatory sandbox for fintech firms in the Zhongguancun area and beyond.'.startsWith(directive(href)));
    assert.ok(!/\s$/.test(directive(href)), 'ends at a word, not a space');
  });

  it('add the fragment directive after an empty fragment when the page has no heading anchor', () => {
    const href = resultHref(passageResult('Time banking for elderly care.', 'https://gov.example/care.html'))!;
    assert.equal(href, 'https://gov.example/care.html#:~:text=Time%20banking%20for%20elderly%20care.');
  });

  it('percent-encode -, & and , (the syntax characters of a text directive)', () => {
    const fragment = textFragment('R&D, cross-border e-commerce', 'en');
    assert.equal(fragment, ':~:text=R%26D%2C%20cross%2Dborder%20e%2Dcommerce');
    assert.ok(!/[-&,]/.test(fragment.slice(':~:text='.length)));
  });

  it('cut Chinese at a word boundary, not inside a word', () => {
    const text = '推进监管沙盒试点，在中关村开展金融科技创新监管试点。';
    const start = directive(resultHref(passageResult(text, 'https://gov.example/zh.html#s2', 'zh'))!);
    assert.ok(text.startsWith(start));
    assert.ok(start.length >= 8 && start.length < text.length, start);
    const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.index);
    assert.ok(words.includes(start.length), `${start} ends at a word boundary`);
  });

  it('cut Chinese at its first clause mark, and a short Chinese passage not at all', () => {
    const text = '一、深化“证照分离”改革，推进政务服务标准化。';
    assert.equal(directive(resultHref(passageResult(text, 'https://gov.example/zh.html#s3', 'zh'))!), '一、深化“证照分离”改革');
    assert.equal(textFragment('优化营商环境', 'zh'), `:~:text=${encodeURIComponent('优化营商环境')}`);
  });

  it('keep the plain page address for a passage without text', () => {
    assert.equal(resultHref(passageResult('  ', 'https://gov.example/care.html#s1')), 'https://gov.example/care.html#s1');
  });

  it('leave keyword results and passages without a page address as they were', () => {
    assert.equal(resultHref(passageResult('No page.', undefined)), undefined);
    assert.equal(resultHref(passageResult('No page.', undefined), '/search?id={id}&k={kind}'), '/search?id=p1&k=passage');
  });
});
