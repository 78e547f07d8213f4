/**
 * Issue 13 in the browser: a malformed record gives one `format` bj-error (never a stuck popover),
 * the index is read with a byte cap (`too-large`, gzip bombs included) and a time limit over the
 * whole body, every attribute and page-wide setting is validated (one `bj:` warning, a sane
 * value, nothing uncaught), changing `index` or `term` during a load re-resolves, a clobbered
 * `document.currentScript` does not move the index, and `sync-url` restores at most 256 characters.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/bj-policy-widgets.js';
import type { BjAnnotate } from '../../src/components/bj-annotate/bj-annotate.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { MAX_QUERY_LENGTH } from '../../src/search/index.js';
import { resolveIndexUrl } from '../../src/shared/index/config.js';
import { DEFAULT_MAX_BYTES, pageMaxBytes, pageTimeoutMs } from '../../src/shared/index/limits.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { collectErrors, fresh, part, REAL_INDEX, seen, waitFor, watchErrors } from '../helpers/hardening.js';

/** Every console.warn until restore(), still printed nowhere. */
function captureWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

const abs = (u: string) => new URL(u, location.href).href;

let watch: ReturnType<typeof watchErrors>;
let warnings: ReturnType<typeof captureWarnings>;
beforeEach(() => {
  clearIndexCache();
  watch = watchErrors();
  warnings = captureWarnings();
});
afterEach(() => {
  warnings.restore();
  watch.stop();
  delete window.bjPolicyWidgets;
  document.querySelectorAll('meta[name^="bj-index"]').forEach((m) => m.remove());
  expect(watch.errors, 'no uncaught error or unhandled rejection').to.deep.equal([]);
});

function meta(name: string, content: string): HTMLMetaElement {
  const m = Object.assign(document.createElement('meta'), { name, content });
  document.head.append(m);
  return m;
}

async function keyword(index: string, term = 'regulatory sandbox'): Promise<{ el: BjKeyword; wrap: HTMLElement }> {
  const wrap = await fixture<HTMLElement>(html`<p lang="en">A <bj-keyword index=${index}>${term}</bj-keyword> pilot.</p>`);
  return { el: wrap.querySelector<BjKeyword>('bj-keyword')!, wrap };
}

describe('a malformed index record (item 2)', function () {
  this.timeout(15000);
  for (const [path, value, field] of [
    ['sources.0.url', '42', 'sources[0].url'],
    ['sources.0.publisher', '{"en":"x"}', 'sources[0].publisher'],
    ['sources.0.date', '[2023]', 'sources[0].date'],
    ['entries.1.id', '"regulatory-sandbox"', 'is already used by entries[1]'],
  ] as const) {
    it(`${path} = ${value}: one bj-error "format" naming ${field}, and the popover says unavailable`, async () => {
      const url = abs(fresh(`/__bj/patched?file=dist/bj-index.json&path=${path}&value=${encodeURIComponent(value)}`));
      const { el, wrap } = await keyword(url);
      const errors = collectErrors(el);
      el.show();
      await waitFor(() => errors.events.length > 0, 'a bj-error');
      await waitFor(() => part(el, 'notice')?.textContent?.includes('unavailable'), 'the popover says the definition is unavailable');
      expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['format']);
      expect(errors.events[0]!.detail.message).to.contain(field);
      expect(seen(wrap)).to.equal('A regulatory sandbox pilot.');
      errors.stop();
    });
  }
});

describe('bounded loading (item 5)', function () {
  this.timeout(30000);

  it('refuses an index larger than the page-wide byte cap with bj-error "too-large"', async () => {
    expect(DEFAULT_MAX_BYTES).to.be.within(2 * 1024 * 1024, 16 * 1024 * 1024);
    window.bjPolicyWidgets = { maxBytes: 65536 };
    expect(pageMaxBytes()).to.equal(65536);
    const url = abs(fresh(REAL_INDEX));
    const { el } = await keyword(url);
    const errors = collectErrors(el);
    el.show();
    await waitFor(() => errors.events.length > 0, 'a bj-error');
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['too-large']);
    expect(errors.events[0]!.detail.message).to.match(/^bj: the index at .* is larger than 65,536 bytes/);
    errors.stop();
  });

  it('<meta name="bj-index-max-bytes"> sets the cap too', async () => {
    meta('bj-index-max-bytes', '70000');
    expect(pageMaxBytes()).to.equal(70000);
  });

  it('stops reading a gzip bomb at the default cap, long before the time limit', async () => {
    window.bjPolicyWidgets = { timeout: 20000 };
    const url = abs(fresh('/__bj/bomb?mb=40'));
    const { el } = await keyword(url);
    const errors = collectErrors(el);
    const started = performance.now();
    el.show();
    await waitFor(() => errors.events.length > 0, 'a bj-error', 20000);
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['too-large']);
    expect(performance.now() - started, 'well before the 20 s limit').to.be.below(15000);
    errors.stop();
  });

  it('the time limit covers the whole body: a body that trickles in past it fails with "timeout"', async () => {
    window.bjPolicyWidgets = { timeout: 600 };
    const url = abs(fresh('/__bj/trickle?ms=4000&file=dist/bj-index.json'));
    const { el } = await keyword(url);
    const errors = collectErrors(el);
    el.show();
    await waitFor(() => errors.events.length > 0, 'a bj-error', 8000);
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['timeout']);
    errors.stop();
  });
});

describe('validated configuration (item 6)', function () {
  this.timeout(15000);

  it('a page-wide timeout of 2^31 ms or more is clamped (one bj: warning), and loads still work', async () => {
    window.bjPolicyWidgets = { timeout: 2 ** 31 };
    const ms = pageTimeoutMs();
    expect(ms)
      .to.be.a('number')
      .and.to.be.below(2 ** 31);
    pageTimeoutMs();
    expect(
      warnings.messages.filter((m) => m.includes('2147483648')),
      'one warning naming the value',
    ).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^bj: /);
    const { el } = await keyword(abs(fresh(REAL_INDEX)));
    el.show();
    await waitFor(() => part(el, 'title'), 'the definition appears');
    window.bjPolicyWidgets = { timeout: 0, maxBytes: -1 };
    expect([pageTimeoutMs(), pageMaxBytes()], '0 and below: ignored, the library defaults apply').to.deep.equal([undefined, undefined]);
    expect(
      warnings.messages.filter((m) => /timeout = 0 is below 100 ms; ignoring it|maxBytes = -1 is below 1024 bytes; ignoring it/.test(m)),
    ).to.have.length(2);
  });

  it('a malformed index URL gives one bj: warning and falls back to the page-wide index, never a TypeError', async () => {
    meta('bj-index', fresh(REAL_INDEX));
    expect(() => resolveIndexUrl('http://[')).not.to.throw();
    const { el } = await keyword('http://[');
    el.show();
    await waitFor(() => part(el, 'title'), 'the definition appears from the page-wide index');
    expect(warnings.messages.filter((m) => m.includes('http://['))).to.have.length(1);
  });

  it('an invalid skip selector gives one bj: warning and is ignored; annotation still runs', async () => {
    const url = abs(fresh(REAL_INDEX));
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <bj-annotate skip="p[" on="load" index=${url}><p>A regulatory sandbox pilot.</p></bj-annotate>
      </div>`,
    );
    const el = wrap.querySelector<BjAnnotate>('bj-annotate')!;
    await waitFor(() => el.count > 0, 'the keyword is marked');
    expect(warnings.messages.filter((m) => m.startsWith('bj:') && m.includes('p['))).to.have.length(1);
  });

  for (const limit of ['0', '-3', 'abc']) {
    it(`<bj-policy-search limit="${limit}"> shows the default 12 results per page, with one bj: warning`, async () => {
      const url = abs(fresh(REAL_INDEX));
      // Plain markup, as a webmaster writes it (a Lit binding would be type-checked against the property).
      const el = await fixture<BjPolicySearch>(`<bj-policy-search limit="${limit}" index="${url}"></bj-policy-search>`);
      expect(el.limit).to.equal(12);
      expect(warnings.messages.filter((m) => m.startsWith('bj:') && m.includes(`limit="${limit}"`))).to.have.length(1);
    });
  }

  it('delays, display and on: bad values get the documented default or are clamped, one warning per value', async () => {
    const url = abs(fresh(REAL_INDEX));
    // Plain markup, as a webmaster writes it (Lit bindings would be type-checked against the properties).
    const wrap = await fixture<HTMLElement>(
      `<div>
        <bj-keyword index="${url}" show-delay="abc" hide-delay="-50" display="klingon">a</bj-keyword>
        <bj-keyword index="${url}" show-delay="abc" hide-delay="99999999" display="klingon">b</bj-keyword>
        <bj-annotate index="${url}" on="sometimes"><p>x</p></bj-annotate>
      </div>`,
    );
    const [a, b] = wrap.querySelectorAll<BjKeyword>('bj-keyword');
    expect([a!.showDelay, a!.hideDelay, a!.display]).to.deep.equal([300, 0, 'both']);
    expect(b!.hideDelay).to.be.within(1000, 60000);
    expect(wrap.querySelector<BjAnnotate>('bj-annotate')!.on).to.equal('visible');
    const about = (v: string) => warnings.messages.filter((m) => m.startsWith('bj:') && m.includes(v)).length;
    expect(about('show-delay="abc"'), 'once for two elements').to.equal(1);
    expect(about('display="klingon"')).to.equal(1);
    expect(about('hide-delay="-50"')).to.equal(1);
    expect(about('on="sometimes"')).to.equal(1);
  });
});

describe('changes while the index loads (item 7)', function () {
  this.timeout(20000);

  it('changing index during a load fetches the new URL and shows its definition', async () => {
    const slow = abs(fresh('/__bj/slow?ms=1500&file=test/hardening/fixtures/hostile-index.json'));
    const good = abs(fresh(REAL_INDEX));
    const { el } = await keyword(slow);
    const errors = collectErrors(el);
    el.show();
    await el.updateComplete;
    el.index = good;
    await waitFor(() => part(el, 'title'), 'the definition from the new index appears', 10000);
    expect(part(el, 'title')!.textContent).to.equal('Regulatory sandbox');
    expect(errors.events).to.deep.equal([]);
    errors.stop();
  });

  it('changing index away from a failing load does not report the old failure, and loads the new one', async () => {
    const failing = abs(fresh('/__bj/slow?ms=1000&file=nope.json'));
    const good = abs(fresh(REAL_INDEX));
    const { el } = await keyword(failing);
    const errors = collectErrors(el);
    el.show();
    await el.updateComplete;
    el.index = good;
    await waitFor(() => part(el, 'title'), 'the definition from the new index appears', 10000);
    expect(errors.events.map((e) => e.detail.url)).to.deep.equal([]);
    errors.stop();
  });

  it('<bj-policy-search>: changing index during a load searches the new index, without a stale bj-error', async () => {
    const failing = abs(fresh('/__bj/slow?ms=1000&file=nope.json'));
    const good = abs(fresh(REAL_INDEX));
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${failing}></bj-policy-search>`);
    const errors = collectErrors(el);
    void el.search('regulatory sandbox');
    await el.updateComplete;
    el.index = good;
    await waitFor(() => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'results from the new index', 10000);
    expect(seen(el.shadowRoot!.querySelector('[role="option"]')!)).to.contain('Regulatory sandbox');
    expect(errors.events).to.deep.equal([]);
    errors.stop();
  });

  it('changing term during a load shows the new term', async () => {
    const slow = abs(fresh('/__bj/slow?ms=1000&file=dist/bj-index.json'));
    const { el } = await keyword(slow);
    el.show();
    await el.updateComplete;
    el.term = 'time-banking';
    await waitFor(() => part(el, 'title')?.textContent === 'Time banking', 'the new keyword appears', 10000);
  });
});

describe('clobber-proof script URL (item 8)', function () {
  this.timeout(20000);

  it('the classic script finds bj-index.json next to itself even with <img name="currentScript"> in the page', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.srcdoc = `<!doctype html><img name="currentScript" src="/nowhere/evil.png" alt="">
      <script src="${abs('/dist/bj-policy-widgets.iife.js')}"></script>`;
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as unknown as Record<symbol, { script?: string }> & typeof globalThis;
      await waitFor(() => win[Symbol.for('bj-policy-widgets')], 'the classic script ran');
      expect(win[Symbol.for('bj-policy-widgets')]!.script, 'the script URL the index is resolved against').to.equal(
        abs('/dist/bj-policy-widgets.iife.js'),
      );
    } finally {
      frame.remove();
    }
  });
});

describe('sync-url (item 10)', () => {
  let original = '';
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(history.state, '', original));

  it(`restores at most ${MAX_QUERY_LENGTH} characters of a crafted ?q=`, async () => {
    const url = new URL(location.href);
    url.searchParams.set('q', `sandbox ${'Call +1 555 0100 to claim your refund. '.repeat(30)}`);
    history.replaceState(history.state, '', url);
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search sync-url index=${abs(fresh(REAL_INDEX))}></bj-policy-search>`);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    expect(box.value.length).to.be.at.most(MAX_QUERY_LENGTH);
    expect(box.value.startsWith('sandbox Call')).to.equal(true);
  });
});
