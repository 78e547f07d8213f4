/**
 * Links made from data, as a reader sees them: a source address with a look-alike (homograph) host
 * is shown as the ASCII host the link goes to, and an address carrying a user name and password is
 * refused with the index's `format` error, never published as a link.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import '../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { blobUrl, combobox, prepareIndex as prepareSearchIndex, waitOptions } from '../helpers/policy-search.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { part, waitContent } from '../helpers/keyword.js';
import { REAL_INDEX } from '../helpers/hardening.js';
import { waitUntil } from '../helpers/wait.js';

const TERM = 'jingban-jingtong-jingzhi';

/** The built index with the source of {@link TERM} replaced by `change(source)`. */
async function withSource(change: (s: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const index = (await (await fetch(REAL_INDEX)).json()) as {
    sources: Array<Record<string, unknown>>;
    entries: Array<{ id: string; source?: string }>;
  };
  const sourceId = index.entries.find((e) => e.id === TERM)!.source;
  const at = index.sources.findIndex((s) => s.id === sourceId);
  const file = REAL_INDEX.replace('/__bj/file/', '');
  const value = JSON.stringify(change({ ...index.sources[at]! }));
  return `/__bj/patched?file=${encodeURIComponent(file)}&path=sources.${at}&value=${encodeURIComponent(value)}`;
}

describe('links from data', () => {
  beforeEach(() => clearIndexCache());

  it('shows a look-alike host as the ASCII (punycode) host the link goes to', async () => {
    const url = await withSource((s) => {
      delete s.publisher;
      return { ...s, url: 'https://аррӏе.com/policy' };
    });
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url} term=${TERM}>Jingban</bj-keyword>`);
    el.show();
    await waitContent(el);
    const link = part(el, 'source-link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://xn--80ak6aa92e.com/policy');
    expect(link.textContent!.trim()).to.equal('xn--80ak6aa92e.com');
  });

  it('refuses a source address with a user name and password, naming the record', async () => {
    const url = await withSource((s) => ({ ...s, url: 'https://user:secret@wb.beijing.gov.cn/' }));
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url} term=${TERM}>Jingban</bj-keyword>`);
    const failed = oneEvent(el, 'bj-error');
    el.show();
    const { detail } = (await failed) as CustomEvent<{ code: string; message: string }>;
    expect(detail.code).to.equal('format');
    expect(detail.message).to.match(/sources\[\d+\]\.url .*with no user name or password/);
    expect(el.shadowRoot!.innerHTML).not.to.contain('secret');
  });

  describe('in <bj-policy-search>', () => {
    before(prepareSearchIndex);
    let original = '';
    beforeEach(() => (original = location.href));
    afterEach(() => history.replaceState(history.state, '', original));

    it('never makes a javascript: href-template a link, so a click runs nothing', async () => {
      const w = window as unknown as { bjPwned?: number };
      delete w.bjPwned;
      const el = await fixture<BjPolicySearch>(
        html`<bj-policy-search index=${blobUrl()} href-template="javascript:window.bjPwned=1;//{id}"></bj-policy-search>`,
      );
      combobox(el).focus();
      await sendKeys({ type: 'sandbox' });
      const opts = await waitOptions(el);
      expect(opts.some((o) => o.localName === 'a' && (o as HTMLAnchorElement).href.startsWith('javascript:'))).to.equal(false);
      opts[0]!.click();
      expect(w.bjPwned).to.equal(undefined);
    });

    it('links results with an origin-only Referer, and writes at most 256 characters of a huge paste into ?q=', async () => {
      const el = await fixture<BjPolicySearch>(
        html`<bj-policy-search sync-url index=${blobUrl()} href-template="/policy/{id}"></bj-policy-search>`,
      );
      combobox(el).focus();
      await sendKeys({ type: 'sandbox' });
      const link = (await waitOptions(el))[0] as HTMLAnchorElement;
      expect(link.referrerPolicy).to.equal('strict-origin');
      await waitUntil(() => new URL(location.href).searchParams.get('q') === 'sandbox', '?q= follows the typing');
      const paste = 'x'.repeat(10_000);
      const input = combobox(el);
      input.value = paste;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await waitUntil(() => (new URL(location.href).searchParams.get('q') ?? '').startsWith('xxx'), '?q= follows the paste');
      expect(new URL(location.href).searchParams.get('q')!.length).to.equal(256);
      expect(location.href.length).to.be.below(original.length + 400);
    });
  });
});
