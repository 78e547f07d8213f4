/**
 * A reader loses the connection after the page loaded (a train, a lift): the index requests fail as
 * network errors (the test server drops the connection) and the browser says it is offline. The
 * search box and a keyword's popover say so, with Retry, and load again by themselves when the
 * browser is back online (the `online` event). The built library on a page that really goes offline
 * (its lazily loaded parts too) is test/e2e/offline.test.ts.
 *
 * `navigator.onLine` is the page's, set for the test through its (configurable) prototype getter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { collectErrors, quietWarnings } from '../../helpers/hardening.js';
import { part as keywordPart } from '../../helpers/keyword.js';
import { combobox, options, part, seen } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

const LOADED = { timeout: 5000 };

let keys = 0;
/** An index whose server drops every connection (a network error, as offline) until `back()`. */
async function droppedConnection(): Promise<{ url: string; back: () => Promise<void> }> {
  const key = `offline${Date.now().toString(36)}${++keys}`;
  const set = async (mode: string): Promise<void> => {
    expect((await fetch(`/__bj/switch/${key}/set?mode=${mode}&file=dist/bj-index.json`)).ok).to.equal(true);
  };
  await set('reset');
  return { url: new URL(`/__bj/switch/${key}/index`, location.href).href, back: () => set('good') };
}

const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
function goOffline(): void {
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  dispatchEvent(new Event('offline'));
}
function goOnline(): void {
  Object.defineProperty(Navigator.prototype, 'onLine', onLine);
  dispatchEvent(new Event('online'));
}

describe('offline, then back online', function () {
  this.timeout(15000);
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => {
    clearIndexCache();
    warnings = quietWarnings();
  });
  afterEach(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    warnings.restore();
  });

  it('<bj-policy-search>: typing offline shows “You are offline” with Retry; back online, the results show by themselves', async () => {
    const { url, back } = await droppedConnection();
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${url}></bj-policy-search>`);
    const errors = collectErrors(el);
    goOffline();
    combobox(el).focus();
    await sendKeys({ type: 'sandbox' });
    await waitUntil(() => part(el, 'error'), 'a notice appears', LOADED);
    expect(seen(part(el, 'error'))).to.match(/^You are offline\. .* Retry$/);
    expect(errors.events.length, 'one bj-error').to.equal(1);
    expect(errors.events[0]!.detail.message, 'the console names the cause').to.match(/^bj: .*the browser is offline/);
    expect(warnings.messages.join('\n')).not.to.match(/dist\/ folder/);

    await back();
    goOnline();
    await waitUntil(() => options(el).length > 0, 'back online, the results show without a Retry', LOADED);
    expect(part(el, 'error') === null, 'the notice is gone').to.equal(true);
    expect(errors.events.length, 'no further bj-error').to.equal(1);
    errors.stop();
  });

  it('<bj-keyword>: the popover says “You are offline” with Retry; back online, the definition shows in it', async () => {
    const { url, back } = await droppedConnection();
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url}>监管沙盒</bj-keyword>`);
    goOffline();
    await el.show();
    await waitUntil(() => keywordPart(el, 'retry'), 'Retry in the popover', LOADED);
    expect(seen(keywordPart(el, 'notice'))).to.match(/^You are offline\./);
    await back();
    goOnline();
    await waitUntil(() => keywordPart(el, 'title'), 'back online, the definition shows without a Retry', LOADED);
    expect(keywordPart(el, 'title')!.textContent).to.equal('Regulatory sandbox');
    expect(el.open, 'the popover stayed open').to.equal(true);
  });

  it('<bj-policy-search>: an index the site does not publish (404) says search is unavailable here, not to check the network', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index="/__bj/status/404"></bj-policy-search>`);
    combobox(el).focus();
    await sendKeys({ type: 'sandbox' });
    await waitUntil(() => part(el, 'error'), 'a notice appears', LOADED);
    expect(seen(part(el, 'error'))).to.equal('Search is unavailable on this page right now. Retry');
    expect(warnings.messages.join('\n'), 'the console tells the webmaster what is missing').to.match(
      /answered HTTP 404.*Publish bj-index\.json/,
    );
  });
});
