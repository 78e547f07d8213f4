import { expect } from '@open-wc/testing';
import { annotate, loadIndex, resolveIndexUrl } from '../../src/annotate-entry.js';

describe('headless annotate from the element bundle', () => {
  it('marks keywords in any element with the shared index and restores it exactly', async () => {
    const index = await loadIndex(resolveIndexUrl('/dist/bj-index.json'));
    const root = document.createElement('div');
    root.innerHTML = '<p>2019年北京市获国务院批准探索“监管沙盒”机制。</p><p>The Service Package for enterprises.</p>';
    const before = root.cloneNode(true);

    const result = annotate(root, index);

    const marked = [...root.querySelectorAll('bj-keyword')].map((k) => [k.getAttribute('term'), k.textContent]);
    expect(marked).to.deep.equal([
      ['regulatory-sandbox', '监管沙盒'],
      ['service-packages', 'Service Package'],
    ]);
    expect(result.count).to.equal(2);
    result.restore();
    expect(root.isEqualNode(before)).to.equal(true, 'the DOM is back as it was');
  });
});
