/**
 * A reader opens a keyword while the index cannot be loaded (its server is down, then back): the
 * open popover says so and offers Retry, reachable from the keyboard and in the
 * page's language; Retry loads the index again and shows the definition in the same popover. The
 * search box's Retry, on the same kind of server, keeps working (both load through src/shared/index/index-load.ts).
 *
 * The server is the /__bj/switch/ test middleware (test/helpers/middleware.mjs): HTTP 500 until the
 * test brings it back, so an automatic reload (hover, focus, typing) cannot race the reader's Retry.
 * Elements are compared as booleans: chai describing a DOM element in a failure message can hang
 * the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { collectErrors, quietWarnings, serverDown } from '../../helpers/hardening.js';
import { clickAt, moveTo, parkMouse, part, trigger, waitContent, waitShown } from '../../helpers/keyword.js';
import { part as searchPart, waitOptions } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

/** How long a failed load, its notice and a part imported for the first time may take on a loaded CI machine. */
const LOADED = { timeout: 5000 };

const retryButton = (el: BjKeyword): HTMLButtonElement | null => part(el, 'retry') as HTMLButtonElement | null;
const focused = (el: BjKeyword): Element | null => el.shadowRoot!.activeElement;

describe('Retry, when the index server is down and then back', function () {
  this.timeout(15000);
  let warnings: ReturnType<typeof quietWarnings>;
  const pageLang = document.documentElement.lang;
  beforeEach(() => {
    clearIndexCache();
    warnings = quietWarnings();
  });
  afterEach(async () => {
    warnings.restore();
    document.documentElement.lang = pageLang;
    await parkMouse();
  });

  it('<bj-keyword> offers Retry in the open popover: Tab reaches it, Enter shows the definition without closing', async () => {
    const { url, up } = await serverDown();
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <button id="before">before</button>
        <p lang="en">A <bj-keyword index=${url}>regulatory sandbox</bj-keyword> pilot.</p>
      </div>`,
    );
    const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
    const errors = collectErrors(el);
    let hides = 0;
    el.addEventListener('bj-hide', () => hides++);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitShown(el, 'focus opens the popover');
    await waitUntil(
      () => /unavailable/i.test(part(el, 'notice')?.textContent ?? ''),
      'the popover says the definition is unavailable',
      LOADED,
    );
    await waitUntil(() => retryButton(el), 'a Retry button in the popover', LOADED);
    expect(retryButton(el)!.textContent!.trim()).to.equal('Retry');
    expect(errors.events.length, 'one bj-error for the failed load').to.equal(1);
    await expect(wrap, 'the notice with Retry passes axe').to.be.accessible();

    for (let i = 0; i < 3 && focused(el) !== retryButton(el); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el) === retryButton(el), 'Tab from the keyword reaches Retry').to.equal(true);
    await up();
    await sendKeys({ press: 'Enter' });
    await waitContent(el);
    expect(part(el, 'title')!.textContent).to.equal('Regulatory sandbox');
    expect(part(el, 'notice') === null, 'the notice is gone').to.equal(true);
    expect(el.open, 'the popover stayed open').to.equal(true);
    expect(hides, 'no bj-hide').to.equal(0);
    expect(focused(el) === el.shadowRoot!.querySelector('[part~="popover"]'), 'focus stays in the popover').to.equal(true);
    const live = el.shadowRoot!.querySelector('.live')!.textContent ?? '';
    expect(live, 'the definition is announced').to.match(/Regulatory sandbox\. /);
    expect(errors.events.length, 'no further bj-error').to.equal(1);
    errors.stop();
  });

  it('<bj-keyword> Retry works with the pointer: hover opens, a click on Retry shows the definition in place', async () => {
    const { url, up } = await serverDown();
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url} show-delay="20">监管沙盒</bj-keyword>`);
    let hides = 0;
    el.addEventListener('bj-hide', () => hides++);
    await moveTo(trigger(el));
    await waitShown(el);
    const retry = await waitUntil(() => retryButton(el), 'a Retry button in the popover', LOADED).then(() => retryButton(el)!);
    await moveTo(retry);
    await up();
    await clickAt(retry);
    await waitContent(el);
    expect(el.open, 'the popover stayed open').to.equal(true);
    expect(hides, 'no bj-hide').to.equal(0);
    expect(retryButton(el) === null, 'no Retry once the definition is shown').to.equal(true);
  });

  it('<bj-keyword> reopened while the server is still down tries again quietly: one bj-error, Retry stays offered', async () => {
    const { url, up } = await serverDown();
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url} show-delay="20">监管沙盒</bj-keyword>`);
    const errors = collectErrors(el);
    for (let i = 0; i < 3; i++) {
      await moveTo(trigger(el));
      await waitShown(el);
      await waitUntil(() => retryButton(el), 'Retry is offered', LOADED);
      el.hide();
      await parkMouse();
    }
    // Each opening asked the server again (the count of requests is the server's), and the reader was
    // told once; the page's error listeners too.
    expect(errors.events.length, 'one bj-error, not one per opening').to.equal(1);
    await up();
    await moveTo(trigger(el));
    await waitShown(el);
    await waitContent(el);
    expect(retryButton(el) === null, 'the definition, once the server is back').to.equal(true);
    errors.stop();
  });

  for (const [lang, says] of [
    ['zh-Hans', '重试'],
    ['zh-Hant', '重試'],
  ] as const) {
    it(`<bj-keyword> says Retry in the page's language (${lang}: ${says})`, async () => {
      document.documentElement.lang = lang;
      const { url } = await serverDown();
      const el = await fixture<BjKeyword>(html`<bj-keyword index=${url}>监管沙盒</bj-keyword>`);
      await el.show();
      await waitUntil(() => retryButton(el)?.textContent?.trim() === says, `Retry reads ${says}`, LOADED);
    });
  }

  it('<bj-policy-search> keeps its Retry: Tab reaches it, Enter loads again and shows results', async () => {
    const { url, up } = await serverDown();
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${url}></bj-policy-search>`);
    const errors = collectErrors(el);
    el.focus();
    await sendKeys({ type: 'sandbox' });
    const retry = await waitUntil(() => searchPart(el, 'error'), 'the error with Retry appears', LOADED).then(() =>
      searchPart(el, 'error')!.querySelector('button')!,
    );
    expect(retry.textContent!.trim()).to.equal('Retry');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === retry, 'Tab from the box reaches Retry').to.equal(true);
    await up();
    await sendKeys({ press: 'Enter' });
    await waitOptions(el, 'Retry loads the index and shows the results');
    expect(searchPart(el, 'error') === null, 'the error is gone').to.equal(true);
    expect(errors.events.length, 'one bj-error').to.equal(1);
    errors.stop();
  });
});
