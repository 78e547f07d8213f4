/**
 * The search box where webmasters put it: in a red government header with white text, on a dark
 * page, in a 56 px flex header. The visible label takes the page's text colour (it sits on the
 * page's background, not on the box's), so it meets AA wherever the page's own text does; a failed
 * index load shows its notice over the page, without moving the header's content.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { quietWarnings, serverDown } from '../../helpers/hardening.js';
import { combobox, part } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

const label = (el: BjPolicySearch): HTMLElement => part(el, 'label')!;

describe('<bj-policy-search> in the page’s header', function () {
  this.timeout(15000);
  beforeEach(() => clearIndexCache());

  for (const [name, background, text] of [
    ['a red government header with white text', '#c00', 'rgb(255, 255, 255)'],
    ['a dark page', '#111', 'rgb(238, 238, 238)'],
  ] as const) {
    it(`the visible label reads in the host’s text colour on ${name} (axe passes)`, async () => {
      const wrap = await fixture<HTMLElement>(
        html`<header style="background: ${background}; color: ${text}; padding: 8px">
          <bj-policy-search lang="en"></bj-policy-search>
        </header>`,
      );
      const el = wrap.querySelector('bj-policy-search')!;
      await el.updateComplete;
      expect(getComputedStyle(label(el)).color).to.equal(text);
      await expect(wrap).to.be.accessible();
    });
  }

  it('a failed index load shows its notice over the page: the 56 px header keeps its height and the box stays in view', async () => {
    const warnings = quietWarnings();
    try {
      const { url } = await serverDown();
      const wrap = await fixture<HTMLElement>(
        html`<div>
          <header style="display: flex; align-items: center; height: 56px; background: #c00; color: #fff">
            <strong>District government</strong>
            <bj-policy-search lang="en" label-hidden index=${url} style="flex: 1"></bj-policy-search>
          </header>
          <p id="after">Article</p>
        </div>`,
      );
      const el = wrap.querySelector('bj-policy-search')!;
      const header = wrap.querySelector('header')!;
      // Measured from the header's top: focusing the box may scroll the test page.
      const top = (e: Element) => e.getBoundingClientRect().top - header.getBoundingClientRect().top;
      const before = top(combobox(el));
      const articleTop = top(wrap.querySelector('#after')!);
      combobox(el).focus();
      await sendKeys({ type: 'sandbox' });
      await waitUntil(() => part(el, 'error'), 'the notice with Retry appears', { timeout: 5000 });
      expect(header.getBoundingClientRect().height).to.equal(56);
      expect(top(combobox(el)), 'the box did not move').to.equal(before);
      expect(top(wrap.querySelector('#after')!), 'the article did not move').to.equal(articleTop);
      const notice = part(el, 'error')!.getBoundingClientRect();
      expect(notice.height > 0 && notice.top >= combobox(el).getBoundingClientRect().bottom, 'the notice shows under the box').to.equal(
        true,
      );
    } finally {
      warnings.restore();
    }
  });
});
