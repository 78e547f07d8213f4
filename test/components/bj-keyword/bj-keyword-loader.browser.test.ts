/**
 * The keyword as the loader draws it (src/components/bj-keyword/bj-keyword.ts) and what its first
 * use brings (keyword-popover.ts): the trigger is there at once and stays the same element, the
 * first tap of any keyword opens it (once, also when another keyword brought the popover part
 * already), and `show()` can be awaited.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { clickAt, INDEX, isShown, part, trigger, waitContent, waitHidden, waitShown, withFreshKeywords } from '../../helpers/keyword.js';
import { settle } from '../../helpers/wait.js';

describe('<bj-keyword> from the loader', () => {
  withFreshKeywords();

  it('is a focusable button-like trigger before anything else has loaded, and keeps that element when used', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>regulatory sandbox</bj-keyword>`);
    const t = trigger(el);
    expect(t.getAttribute('role')).to.equal('button');
    expect(t.tabIndex).to.equal(0);
    expect(t.getAttribute('aria-expanded')).to.equal('false');
    await el.show();
    expect(trigger(el), 'the same trigger element').to.equal(t);
    expect(t.getAttribute('aria-expanded')).to.equal('true');
  });

  it('show() resolves once the popover is shown', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>regulatory sandbox</bj-keyword>`);
    await el.show();
    expect(isShown(el)).to.equal(true);
  });

  it('a second keyword opens on its first tap, once (the popover part came with the first one)', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin: 2rem; line-height: 3">
        A <bj-keyword index=${INDEX} show-delay="5000">regulatory sandbox</bj-keyword> and
        <bj-keyword index=${INDEX} show-delay="5000">time banking</bj-keyword>.
      </p>`,
    );
    const [a, b] = [...wrap.querySelectorAll('bj-keyword')] as [BjKeyword, BjKeyword];
    await clickAt(trigger(a));
    await waitShown(a);
    await waitContent(a);
    a.hide();
    await waitHidden(a);

    await clickAt(trigger(b));
    await waitShown(b, 'the first tap opens it');
    await settle();
    expect(b.open, 'and it stays open (the tap was not handled twice)').to.equal(true);
    await waitContent(b);
    expect(part(b, 'title')!.textContent).to.equal('Time banking');
  });
});
