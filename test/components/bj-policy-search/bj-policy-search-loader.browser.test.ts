/**
 * The search box as the loader draws it (src/components/bj-policy-search/bj-policy-search.ts),
 * before its search part (search-controller.ts) arrives: labelled in the page's language without
 * ever showing the English words on a Chinese page, with the same strings `npm run i18n` extracts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { shellStrings } from '../../../src/components/bj-policy-search/shell-strings.js';
import { waitUntil } from '../../helpers/wait.js';

const label = (el: BjPolicySearch) => el.shadowRoot!.querySelector<HTMLLabelElement>('label')!;
const box = (el: BjPolicySearch) => el.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const visible = (e: Element) => getComputedStyle(e).visibility !== 'hidden';

describe('<bj-policy-search> from the loader', () => {
  it('shows the English label and placeholder that the translations are made from', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en"></bj-policy-search>`);
    const english = shellStrings();
    expect(label(el).textContent!.trim()).to.equal(english.label);
    expect(box(el).placeholder).to.equal(english.placeholder);
    expect(visible(label(el))).to.equal(true);
  });

  it('on a Chinese page never shows the English label: it appears in Chinese, in the room it had', async () => {
    const seen: string[] = [];
    const el = document.createElement('bj-policy-search') as BjPolicySearch;
    el.lang = 'zh-Hant';
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.append(el);
    const record = () => {
      const l = el.shadowRoot?.querySelector('label');
      if (l && visible(l)) seen.push(l.textContent!.trim());
    };
    const observer = new MutationObserver(record);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    await el.updateComplete;
    record();
    const height = label(el).getBoundingClientRect().height;
    await waitUntil(() => label(el).textContent!.trim() === '搜尋政策和關鍵詞' && visible(label(el)), 'the Chinese label');
    observer.disconnect();
    expect(
      seen.filter((s) => /[a-z]/i.test(s)),
      'English words shown',
    ).to.deep.equal([]);
    expect(label(el).getBoundingClientRect().height, 'same height: nothing below it moved').to.equal(height);
  });
});
