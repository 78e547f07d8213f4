/**
 * Search across languages (issue 21): a reader on a Chinese page types a Chinese query and reaches
 * the English passage that answers it, under a line that says the results are English. The element
 * loads the built index (dist/bj-index.json, `npm run build:index`) and its dictionary lexicon parts
 * from the dev server, as a published site would.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { combobox, options, part, seen, waitOptions } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

/** Commits `text` as a Chinese input method does: the whole word at once, as one input event. */
function commitIme(el: BjPolicySearch, text: string): void {
  const input = combobox(el);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { data: text, inputType: 'insertCompositionText', bubbles: true, composed: true }));
}

/** The search box on a page whose `<html lang>` is zh-CN. */
function chinesePage(): Promise<BjPolicySearch> {
  document.documentElement.lang = 'zh-CN';
  return fixture<BjPolicySearch>(html`<bj-policy-search index="/dist/bj-index.json"></bj-policy-search>`);
}

describe('<bj-policy-search> across languages', () => {
  const pageLang = document.documentElement.lang;
  beforeEach(() => clearIndexCache());
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  it('lists the English “business license” passage for 营业执照 on a Chinese page, under “English results”', async () => {
    const el = await chinesePage();
    commitIme(el, '营业执照');
    await waitOptions(el);
    await waitUntil(() => options(el).some((o) => /business license/i.test(seen(o))), 'the business license passage is listed', {
      timeout: 5000,
    });
    const option = options(el).find((o) => /business license/i.test(seen(o)))!;
    expect(option.querySelector('.snippet')!.getAttribute('lang')).to.equal('en');
    expect([...option.querySelectorAll('.snippet mark')].map((m) => m.textContent)).to.include('license');
    // In the page's language, once its translations have loaded.
    await waitUntil(
      () => seen(part(el, 'translated')) === '“营业执照”的英文结果',
      `the line reads “营业执照”的英文结果, not ${seen(part(el, 'translated'))}`,
      {
        timeout: 5000,
      },
    );
  });

  it('says nothing about translation when the best result uses the query’s own words', async () => {
    const el = await chinesePage();
    commitIme(el, '监管沙盒');
    await waitOptions(el);
    // Elements are compared as booleans: a failing comparison of an element hangs the browser.
    expect(part(el, 'translated') === null, 'no “English results” line').to.equal(true);
  });
});
