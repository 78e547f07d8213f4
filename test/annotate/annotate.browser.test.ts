import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { annotate, Annotator } from '../../src/annotate/annotate.js';
import { TermMatcher, type TermName } from '../../src/annotate/matcher.js';
import { waitUntil } from '../helpers/wait.js';

const NAMES: TermName[] = [
  { termId: 'regulatory-sandbox', name: 'Regulatory sandbox', lang: 'en' },
  { termId: 'regulatory-sandbox', name: '监管沙盒', lang: 'zh' },
  { termId: 'notification-and-commitment', name: 'notification-commitment system', lang: 'en' },
  { termId: 'notification-and-commitment', name: '告知承诺制', lang: 'zh' },
  { termId: 'commitment-system', name: 'commitment system', lang: 'en' },
  { termId: 'service-packages', name: 'Service packages', lang: 'en' },
  { termId: 'service-packages', name: '服务包', lang: 'zh' },
  { termId: 'time-banking', name: 'Time banking', lang: 'en' },
];
const VARIANTS: Record<string, string> = { 監: '监', 務: '务', 諾: '诺' };
const matcher = new TermMatcher(NAMES, (t) => [...t].map((c) => VARIANTS[c] ?? c).join(''));

/** Builds a detached element from trusted test markup. */
function dom(markup: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const div = document.createElement('div');
  div.append(template.content);
  return div;
}

const marks = (root: Element) => [...root.querySelectorAll('bj-keyword')].map((k) => [k.getAttribute('term'), k.textContent]);

describe('annotate() (headless)', () => {
  it('marks English and Chinese keywords inside running text, keeping the text as written', () => {
    const root = dom('<p>Beijing tried a Regulatory Sandbox. 本市推行告知承诺制和服务包。</p>');
    const result = annotate(root, matcher);
    expect(marks(root)).to.deep.equal([
      ['regulatory-sandbox', 'Regulatory Sandbox'],
      ['notification-and-commitment', '告知承诺制'],
      ['service-packages', '服务包'],
    ]);
    expect(result.count).to.equal(3);
    expect(root.textContent).to.equal('Beijing tried a Regulatory Sandbox. 本市推行告知承诺制和服务包。');
  });

  it('marks traditional text through its simplified form and keeps the traditional characters', () => {
    const root = dom('<p lang="zh-Hant">推行監管沙盒與告知承諾制</p>');
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([
      ['regulatory-sandbox', '監管沙盒'],
      ['notification-and-commitment', '告知承諾制'],
    ]);
  });

  it('marks a keyword by the acronym its title gives in parentheses ("SRAS")', () => {
    const smart = new TermMatcher([{ termId: 'smart-review-and-approval', name: 'Smart review and approval system (SRAS)', lang: 'en' }]);
    const root = dom(
      '<p>Through the SRAS, businesses obtain approvals. The smart review and approval system is online; an SRA is not it.</p>',
    );
    annotate(root, smart, { all: true });
    expect(marks(root)).to.deep.equal([
      ['smart-review-and-approval', 'SRAS'],
      ['smart-review-and-approval', 'smart review and approval system'],
    ]);
  });

  it('marks English plurals, and nothing inside a longer word ("sandboxing")', () => {
    const root = dom('<p>Regulatory sandboxing is not one. Two regulatory sandboxes are.</p>');
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([['regulatory-sandbox', 'regulatory sandboxes']]);
  });

  it('marks a keyword split by inline markup, the markup kept inside the keyword', () => {
    const root = dom('<p>推行<b>监管</b>沙盒，and the regulatory <em>sandbox</em> too.</p>');
    const b = root.querySelector('b')!;
    const result = annotate(root, matcher, { all: true });
    const keywords = root.querySelectorAll('bj-keyword');
    expect(keywords.length).to.equal(2);
    expect(keywords[0]!.firstChild).to.equal(b, 'the same <b> element, moved inside');
    expect(keywords[0]!.textContent).to.equal('监管沙盒');
    expect(keywords[1]!.textContent).to.equal('regulatory sandbox');
    expect(keywords[1]!.querySelector('em')).to.exist;
    result.restore();
    expect(root.querySelector('p > b')).to.equal(b);
  });

  it('leaves a keyword alone when marking it would split an element', () => {
    const root = dom('<p><b>大监管</b>沙盒；then 监管沙盒</p>');
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([['regulatory-sandbox', '监管沙盒']]);
    expect(root.querySelector('b')!.textContent).to.equal('大监管');
  });

  it('does not join text across block elements or line breaks', () => {
    const root = dom('<div>监管<p>沙盒</p>regulatory<br>sandbox</div>');
    annotate(root, matcher, { all: true });
    expect(marks(root)).to.deep.equal([]);
  });

  it('marks the longest name and never overlaps marks', () => {
    const root = dom('<p>the notification-commitment system, then a commitment system</p>');
    annotate(root, matcher, { all: true });
    expect(marks(root)).to.deep.equal([
      ['notification-and-commitment', 'notification-commitment system'],
      ['commitment-system', 'commitment system'],
    ]);
  });

  const skipped = [
    '<a href="#x">监管沙盒</a>',
    '<h1>监管沙盒</h1>',
    '<h2>监管沙盒</h2>',
    '<h3>监管沙盒</h3>',
    '<h4>监管沙盒</h4>',
    '<h5>监管沙盒</h5>',
    '<h6>监管沙盒</h6>',
    '<code>监管沙盒</code>',
    '<pre>监管沙盒</pre>',
    '<kbd>监管沙盒</kbd>',
    '<samp>监管沙盒</samp>',
    '<script type="text/plain">监管沙盒</script>',
    '<style>/* 监管沙盒 */</style>',
    '<template>监管沙盒</template>',
    '<noscript>监管沙盒</noscript>',
    '<textarea>监管沙盒</textarea>',
    '<select><option>监管沙盒</option></select>',
    '<button>监管沙盒</button>',
    '<div contenteditable="">监管沙盒</div>',
    '<div contenteditable="true">监管沙盒</div>',
    '<div contenteditable="plaintext-only">监管沙盒</div>',
    '<bj-keyword term="time-banking">监管沙盒</bj-keyword>',
    '<svg><text>监管沙盒</text></svg>',
    '<math><mi>监管沙盒</mi></math>',
    '<div data-bj-skip><p>深处的<span>监管沙盒</span></p></div>',
    '<p data-bj-skip="">监管沙盒</p>',
  ];
  for (const markup of skipped) {
    it(`leaves alone ${markup}`, () => {
      const root = dom(`<p>${markup}</p><p>而这里的监管沙盒</p>`);
      const before = root.cloneNode(true);
      const result = annotate(root, matcher, { all: true });
      expect(result.count).to.equal(1);
      const keyword = root.querySelector('bj-keyword[term="regulatory-sandbox"]')!;
      expect(keyword.parentElement!.textContent).to.equal('而这里的监管沙盒');
      result.restore();
      expect(root.isEqualNode(before)).to.equal(true);
    });
  }

  it('marks inside contenteditable="false" and leaves an input\'s value alone', () => {
    const root = dom('<div contenteditable="false">监管沙盒</div><input value="监管沙盒">');
    annotate(root, matcher);
    expect(marks(root)).to.deep.equal([['regulatory-sandbox', '监管沙盒']]);
    expect(root.querySelector('input')!.value).to.equal('监管沙盒');
  });

  it('does nothing when the root itself is inside [data-bj-skip]', () => {
    const outer = dom('<section data-bj-skip><p>监管沙盒</p></section>');
    const result = annotate(outer.querySelector('p')!, matcher);
    expect(result.count).to.equal(0);
  });

  it('marks only the first occurrence of each keyword (per language) by default, every one with `all`, and at most `max`', () => {
    const markup = '<p>监管沙盒、服务包、监管沙盒</p><p>Regulatory sandbox and service packages</p>';
    const first = dom(markup);
    annotate(first, matcher);
    // The English paragraph is another language: its readers get their own first occurrences.
    expect(marks(first)).to.deep.equal([
      ['regulatory-sandbox', '监管沙盒'],
      ['service-packages', '服务包'],
      ['regulatory-sandbox', 'Regulatory sandbox'],
      ['service-packages', 'service packages'],
    ]);
    const all = dom(markup);
    expect(annotate(all, matcher, { all: true }).count).to.equal(5);
    const capped = dom(markup);
    annotate(capped, matcher, { all: true, max: 3 });
    expect(marks(capped).map(([, text]) => text)).to.deep.equal(['监管沙盒', '服务包', '监管沙盒']);
  });

  it('restores the DOM exactly, with the original text nodes', () => {
    const root = dom('<p>Before 监管沙盒 middle <i>service packages</i> after.</p><ul><li>告知承诺制</li></ul>');
    const before = root.cloneNode(true);
    const texts = [...root.querySelectorAll('p, i, li')].map((el) => el.firstChild);
    const result = annotate(root, matcher, { all: true });
    expect(result.count).to.equal(3);
    expect(root.isEqualNode(before)).to.equal(false);
    result.restore();
    expect(root.isEqualNode(before)).to.equal(true);
    expect([...root.querySelectorAll('p, i, li')].map((el) => el.firstChild)).to.deep.equal(texts);
    expect(result.count).to.equal(0);
  });

  it('restores what it can when the page removed a keyword in the meantime', () => {
    const root = dom('<p>一是监管沙盒，二是服务包，三是告知承诺制。</p>');
    const p = root.querySelector('p')!;
    const result = annotate(root, matcher);
    root.querySelector('bj-keyword[term="service-packages"]')!.remove();
    result.restore();
    expect(root.querySelectorAll('bj-keyword').length).to.equal(0);
    expect(p.textContent).to.equal('一是监管沙盒，二是，三是告知承诺制。');
    expect(p.childNodes.length).to.equal(2, 'merged on each side of the hole');
  });

  it('sets further attributes on the keywords it creates', () => {
    const root = dom('<p>服务包</p>');
    annotate(root, matcher, { attributes: { index: '/x.json' } });
    expect(root.querySelector('bj-keyword')!.getAttribute('index')).to.equal('/x.json');
  });
});

describe('Annotator (sliced, live)', () => {
  it('marks a long article in slices and then content added later, ignoring its own changes', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    for (let n = 0; n < 400; n++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${n}: the regulatory sandbox and 监管沙盒 and the notification-commitment system. `.repeat(3);
      root.append(p);
    }
    const batches: number[] = [];
    const annotator = new Annotator(root, matcher, { all: true, sliceMs: 2, onBatch: (added) => batches.push(added) });
    let yielded = false;
    const start = annotator.start();
    // A high-priority task, like input: it runs as soon as the annotator yields.
    const scheduler = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => void } }).scheduler;
    if (scheduler?.postTask) scheduler.postTask(() => (yielded = annotator.count < 3600), { priority: 'user-blocking' });
    else setTimeout(() => (yielded = annotator.count < 3600), 0);
    await start;
    expect(yielded, 'the page got the main thread before the work was done').to.equal(true);
    expect(annotator.count).to.equal(400 * 9);
    expect(batches).to.deep.equal([3600]);

    const added = document.createElement('p');
    added.append('New: ', document.createTextNode('time banking'));
    root.append(added);
    await waitUntil(() => batches.length > 1, 'the added paragraph is annotated (onBatch)');
    expect(added.querySelector('bj-keyword')?.textContent).to.equal('time banking');
    expect(batches).to.deep.equal([3600, 1]);

    annotator.restore();
    expect(root.querySelectorAll('bj-keyword').length).to.equal(0);
    root.remove();
  });
});

describe('annotate() properties', () => {
  const words = fc.constantFrom(
    '监管',
    '沙盒',
    '监管沙盒',
    '監管沙盒',
    'regulatory ',
    'sandbox',
    'Regulatory sandboxes',
    ' ',
    'x',
    '服务包',
    'commitment system',
    'notification-',
    '告知承诺制',
    '，',
  );
  const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((ws) => ({ text: ws.join('') }));
  type Tree = { text: string } | { tag: string; children: Tree[] };
  const tags = ['p', 'b', 'i', 'span', 'em', 'div', 'a', 'code', 'br', 'h2', 'bj-keyword', 'q'];
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tie('tree'), { maxLength: 4 }) }),
    ),
  }));
  const build = (t: Tree): Node => {
    if ('text' in t) return document.createTextNode(t.text);
    const el = document.createElement(t.tag);
    if (t.tag !== 'br') for (const c of t.children) el.append(build(c));
    return el;
  };

  it('annotating then restoring any DOM gives an equal DOM with the same text nodes', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), fc.boolean(), fc.option(fc.nat(4)), (trees, all, max) => {
        const root = document.createElement('div');
        for (const t of trees) root.append(build(t));
        const before = root.cloneNode(true);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const texts: Node[] = [];
        while (walker.nextNode()) texts.push(walker.currentNode);
        const result = annotate(root, matcher, { all, max: max ?? undefined });
        expect(root.textContent).to.equal(before.textContent, 'annotating never changes the text');
        if (max !== null) expect(result.count).to.be.at.most(max);
        result.restore();
        expect(root.isEqualNode(before)).to.equal(true);
        for (const t of texts) expect(root.contains(t)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('marks never nest or overlap, and each holds a whole name', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (trees) => {
        const root = document.createElement('div');
        for (const t of trees) root.append(build(t));
        const existing = root.querySelectorAll('bj-keyword').length;
        const result = annotate(root, matcher, { all: true });
        const keywords = [...root.querySelectorAll('bj-keyword[term]')];
        expect(keywords.length).to.equal(result.count);
        expect(root.querySelectorAll('bj-keyword bj-keyword[term]').length).to.equal(0);
        for (const k of keywords) {
          const found = matcher.find(k.textContent!);
          expect(found.length).to.equal(1);
          expect(found[0]!.start).to.equal(0);
          expect(found[0]!.end).to.equal(k.textContent!.length);
          expect(found[0]!.termId).to.equal(k.getAttribute('term'));
        }
        expect(root.querySelectorAll('bj-keyword').length).to.equal(existing + result.count);
      }),
      { numRuns: 300 },
    );
  });
});
