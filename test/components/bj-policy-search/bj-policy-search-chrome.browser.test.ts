/**
 * <bj-policy-search>'s own chrome on real pages: the shortcut hint's room, its own messages drawn
 * on its own surface (AA contrast inside a coloured header), and a visually hidden label.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { blobUrl, combobox, isOpen, part, prepareIndex, root, stubFetch, waitOptions } from '../../helpers/policy-search.js';
import { elapsed, waitUntil } from '../../helpers/wait.js';

/** sRGB relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
};

/** The colour actually behind `el`: the first opaque background up the composed tree. */
function backgroundOf(el: Element): string {
  for (let n: Element | null = el; n; n = n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null) {
    const bg = getComputedStyle(n).backgroundColor;
    const alpha = /rgba\(.*,\s*([\d.]+)\)$/.exec(bg);
    if (bg !== 'transparent' && (!alpha || Number(alpha[1]) === 1)) return bg;
  }
  return 'rgb(255, 255, 255)';
}

const textContrast = (el: Element): number => contrast(getComputedStyle(el).color, backgroundOf(el));

describe('<bj-policy-search> chrome', () => {
  before(prepareIndex);
  afterEach(() => clearIndexCache());

  it('reserves no room for the shortcut hint while the hint is hidden (box focused, or text typed)', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search shortcut style="width: 20rem"></bj-policy-search>`);
    const input = combobox(el);
    const endPadding = () => parseFloat(getComputedStyle(input).paddingInlineEnd);
    expect(endPadding(), 'with the hint shown').to.be.greaterThan(48);
    input.focus();
    await el.updateComplete;
    expect(part(el, 'hint')?.getBoundingClientRect().width ?? 0, 'hint hidden while focused').to.equal(0);
    expect(endPadding(), 'focused: no room kept for a hidden hint').to.be.below(20);
    await sendKeys({ type: 'sandbox' });
    input.blur();
    await el.updateComplete;
    expect(part(el, 'hint'), 'no hint with text typed').to.equal(null);
    expect(endPadding(), 'text typed: no room kept for a hidden hint').to.be.below(20);
  });

  it('draws its error message and Retry on its own surface, with AA contrast inside a red header', async () => {
    const restore = stubFetch({ '/missing-index.json': () => new Response('', { status: 404 }) });
    try {
      const header = await fixture<HTMLElement>(
        html`<header style="background: #c8102e; color: #fff; padding: 1rem">
          <bj-policy-search index="/missing-index.json"></bj-policy-search>
        </header>`,
      );
      const el = header.querySelector('bj-policy-search')!;
      combobox(el).focus();
      await sendKeys({ type: 'sandbox' });
      await waitUntil(() => part(el, 'error') !== null, 'error message appears', { timeout: 5000 });
      const error = part(el, 'error')!;
      const retry = error.querySelector('button')!;
      // The message is the notice's own text.
      expect(textContrast(error), 'message text').to.be.at.least(4.5);
      expect(textContrast(retry), 'Retry text').to.be.at.least(4.5);
    } finally {
      restore();
    }
  });

  it('label-hidden hides the label visually and keeps it as the box’s accessible name', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search label-hidden label="Search the site"></bj-policy-search>`);
    const input = combobox(el);
    const label = root(el).querySelector('label')!;
    expect([...(input.labels ?? [])].map((l) => l.textContent?.trim())).to.deep.equal(['Search the site']);
    const box = label.getBoundingClientRect();
    expect(box.width * box.height, 'the label takes no room').to.be.at.most(1);
    expect(getComputedStyle(label).display).to.not.equal('none');
    await expect(el).to.be.accessible();
    el.removeAttribute('label-hidden');
    await el.updateComplete;
    expect(label.getBoundingClientRect().height, 'shown again without the attribute').to.be.greaterThan(5);
  });

  describe('sync-url', () => {
    let original = '';
    beforeEach(() => (original = location.href));
    afterEach(() => history.replaceState(history.state, '', original));

    it('restores ?q= into the box without opening results or announcing a count; a click opens them', async () => {
      const url = new URL(location.href);
      url.searchParams.set('q', 'sandbox');
      history.replaceState(history.state, '', url);
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search sync-url index=${blobUrl()}></bj-policy-search>`);
      expect(combobox(el).value).to.equal('sandbox');
      await new Promise<void>((resolve) => el.addEventListener('bj-search', () => resolve(), { once: true }));
      // A test about a delay: the live region speaks 500 ms after the last change; wait 5x that before checking nothing was said.
      await elapsed(2500);
      expect(isOpen(el), 'no results over the article on page load').to.equal(false);
      expect(part(el, 'status')!.textContent!.trim(), 'no count announced on page load').to.equal('');
      combobox(el).click();
      await waitUntil(() => isOpen(el), 'a click on the box opens the restored results');
      await waitOptions(el);
    });
  });

  it('Tab in the details view moves forward (to the next thing in it), not back to the box', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div><bj-policy-search index=${blobUrl()}></bj-policy-search><button id="after">after</button></div>`,
    );
    const el = wrap.querySelector('bj-policy-search')!;
    combobox(el).focus();
    await sendKeys({ type: 'supervision' });
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'details-title', 'the details title has focus');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const a = root(el).activeElement ?? document.activeElement;
      order.push(a === combobox(el) ? 'box' : a?.id || a?.localName || 'none');
      if (document.activeElement?.id === 'after') break;
    }
    expect(order, `Tab order from the details title: ${order.join(' → ')}`).to.not.include('box');
    expect(order[order.length - 1]).to.equal('after');
  });

  it('after Back from the details view, Tab from the box reaches the filter again', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()}></bj-policy-search>`);
    combobox(el).focus();
    await sendKeys({ type: 'supervision' });
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'details-title', 'the details title has focus');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => root(el).activeElement === combobox(el), 'Escape goes back to the box');
    await sendKeys({ press: 'Tab' });
    expect((root(el).activeElement as HTMLInputElement | null)?.value, 'Tab goes from the box to the filter').to.equal('all');
  });
});
