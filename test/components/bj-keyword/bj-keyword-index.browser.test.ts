import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { repeat } from 'lit/directives/repeat.js';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjErrorDetail } from '../../../src/shared/element/events.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import {
  INDEX,
  captureWarnings,
  countFetches,
  freshIndexUrl,
  moveTo,
  observeRequests,
  parkMouse,
  part,
  prepareIndex,
  testIndex,
  trigger,
  waitContent,
  waitShown,
} from '../../helpers/keyword.js';
import { elapsed, settle, waitUntil } from '../../helpers/wait.js';

describe('<bj-keyword> finding the keyword', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  /** Every way the issue names to write a keyword, with the id it must find. */
  function textForms(): Array<[string, string]> {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const zh = sandbox.title.zh!;
    return [
      ['id', sandbox.id],
      ['English title', sandbox.title.en!],
      ['Chinese title', zh],
      ['alias', sandbox.aliases.en[0]!],
      ['traditional Chinese', zh.replace('监', '監')],
      ['upper case', sandbox.title.en!.toUpperCase()],
    ];
  }

  it('finds the keyword by its id, titles, alias, traditional characters and any letter case', async () => {
    for (const [form, text] of textForms()) {
      const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>${text}</bj-keyword>`);
      const shown = oneEvent(el, 'bj-show');
      el.show();
      await waitContent(el);
      expect((await shown).detail.term, form).to.equal('regulatory-sandbox');
      expect(part(el, 'title')!.textContent!.trim(), form).to.equal(testIndex().term('regulatory-sandbox')!.title.en);
      expect(el.textContent, `${form}: text untouched`).to.equal(text);
    }
  });

  it('uses the term attribute whatever the text says', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX} term="regulatory-sandbox">this pilot</bj-keyword>`);
    const shown = oneEvent(el, 'bj-show');
    el.show();
    expect((await shown).detail.term).to.equal('regulatory-sandbox');
    await waitContent(el);
    expect(part(el, 'title')!.textContent!.trim()).to.equal('Regulatory sandbox');
    expect(trigger(el).textContent).to.equal('');
    expect(el.textContent).to.equal('this pilot');
  });

  it('leaves an unknown keyword as plain text, with one bj: warning and a bj-error', async () => {
    const warnings = captureWarnings();
    try {
      const wrap = await fixture<HTMLElement>(
        html`<p lang="en">A <bj-keyword index=${INDEX} show-delay="10">quantum governance lattice</bj-keyword> here.</p>`,
      );
      const el = wrap.querySelector('bj-keyword')!;
      const before = wrap.textContent;
      const errors: BjErrorDetail[] = [];
      el.addEventListener('bj-error', (e) => errors.push(e.detail));
      el.focus();
      await waitUntil(() => errors.length > 0, 'bj-error fires');
      expect(errors[0]!.code).to.equal('unknown-term');
      expect(errors[0]!.term).to.equal('quantum governance lattice');
      await waitUntil(() => !el.open, 'no popover stays open');
      expect(el.shadowRoot!.querySelector('[role="button"], [tabindex], [popover]'), 'no trigger left').to.equal(null);
      expect(wrap.textContent).to.equal(before);

      // More interactions: still plain, still one warning.
      await moveTo(el);
      await elapsed(el.showDelay); // a show timer set by the hover would have fired by now
      el.show();
      await el.updateComplete;
      await settle();
      expect(el.open).to.equal(false);
      const ours = warnings.messages.filter((m) => m.includes('quantum governance lattice'));
      expect(ours).to.have.length(1);
      expect(ours[0]).to.match(/^bj: /);
      expect(errors).to.have.length(1);
    } finally {
      warnings.restore();
      await parkMouse();
    }
  });
});

describe('<bj-keyword> loading the index', () => {
  before(prepareIndex);
  beforeEach(async () => {
    clearIndexCache();
    await parkMouse();
  });
  afterEach(parkMouse);

  it('makes no request before the first interaction and one request for 1,000 keywords', async () => {
    const url = freshIndexUrl();
    const fetches = countFetches(url);
    const requests = observeRequests(url);
    try {
      const names = ['regulatory sandbox', '监管沙盒', 'Sandbox Supervision', 'every microgram counts'];
      const items = Array.from({ length: 1000 }, (_, i) => names[i % names.length]!);
      const wrap = await fixture<HTMLElement>(
        html`<div lang="en" style="line-height:2">
          ${repeat(
            items,
            (_, i) => i,
            (name) => html`<bj-keyword index=${url} show-delay="20" hide-delay="20">${name}</bj-keyword> · `,
          )}
        </div>`,
      );
      const all = [...wrap.querySelectorAll('bj-keyword')];
      expect(all).to.have.length(1000);
      await Promise.all(all.map((k) => k.updateComplete));
      await settle(); // rendered and idle: a load started on upgrade would have called fetch
      expect(fetches.count(), 'no fetch before any interaction').to.equal(0);
      expect(await requests.count(), 'no request before any interaction').to.equal(0);

      for (const el of all.slice(0, 4)) {
        await moveTo(trigger(el));
        await waitShown(el);
        await waitContent(el);
      }
      all[7]!.focus();
      await waitContent(all[7]!);
      expect(fetches.count(), 'one fetch for the whole page').to.equal(1);
      expect(await requests.count(), 'one request for the whole page').to.equal(1);
    } finally {
      fetches.restore();
      requests.stop();
    }
  });

  it('preload on one keyword loads the index once, before any interaction', async () => {
    const url = freshIndexUrl();
    const fetches = countFetches(url);
    try {
      const wrap = await fixture<HTMLElement>(
        html`<p lang="en">
          <bj-keyword index=${url} preload>regulatory sandbox</bj-keyword>
          <bj-keyword index=${url}>every microgram counts</bj-keyword>
          <bj-keyword index=${url}>监管沙盒</bj-keyword>
        </p>`,
      );
      await waitUntil(() => fetches.count() === 1, 'preload fetches');
      const [first, second] = [...wrap.querySelectorAll('bj-keyword')] as [BjKeyword, BjKeyword];
      // The preloaded keyword describes itself before it is opened.
      await waitUntil(() => trigger(first).getAttribute('aria-describedby') === 'definition', 'preloaded');
      second.show();
      await waitContent(second);
      expect(fetches.count()).to.equal(1);
    } finally {
      fetches.restore();
    }
  });

  it('when the index is missing: text stays, bj-error says what to do, the popover says so, nothing throws', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    const warnings = captureWarnings();
    try {
      const wrap = await fixture<HTMLElement>(
        html`<p lang="en">The <bj-keyword index="/no/such/place/bj-index.json">regulatory sandbox</bj-keyword> pilot.</p>`,
      );
      const el = wrap.querySelector('bj-keyword')!;
      const before = wrap.textContent;
      const error = oneEvent(el, 'bj-error');
      el.focus();
      const { detail } = await error;
      expect(detail.code).to.equal('http');
      expect(detail.message).to.match(/^bj: /);
      expect(detail.message).to.contain('/no/such/place/bj-index.json');
      expect(detail.url).to.contain('/no/such/place/bj-index.json');
      await waitUntil(() => /unavailable/i.test(part(el, 'notice')?.textContent ?? ''), 'notice in the popover');
      expect(wrap.textContent).to.equal(before);
      expect(trigger(el).getAttribute('tabindex'), 'still a focusable keyword').to.equal('0');
      await settle(); // unhandled rejections are reported in a task after the microtasks
      expect(rejections).to.deep.equal([]);
      expect(warnings.messages.some((m) => m.startsWith('bj: ') && m.includes('HTTP 404'))).to.equal(true);

      // A good index address: the next interaction succeeds.
      el.hide();
      el.index = INDEX;
      await el.updateComplete;
      el.show();
      await waitContent(el);
      expect(part(el, 'title')!.textContent!.trim()).to.equal('Regulatory sandbox');
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
      warnings.restore();
    }
  });

  it('retries the same address on the next interaction after a failed load', async () => {
    const url = freshIndexUrl();
    const original = window.fetch;
    let calls = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (href === url && ++calls === 1) return Promise.resolve(new Response('busy', { status: 503 }));
      return original.call(window, input, init);
    };
    const warnings = captureWarnings();
    try {
      const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url} show-delay="20">监管沙盒</bj-keyword>`);
      const error = oneEvent(el, 'bj-error');
      await moveTo(trigger(el));
      expect((await error).detail.code).to.equal('http');
      await waitShown(el);
      await waitUntil(() => part(el, 'notice') !== null, 'notice shown');
      await parkMouse();
      await waitUntil(() => !el.open, 'closes when the pointer leaves');
      await moveTo(trigger(el));
      await waitShown(el);
      await waitContent(el);
      expect(calls).to.equal(2);
      expect(part(el, 'notice')).to.equal(null);
    } finally {
      window.fetch = original;
      warnings.restore();
    }
  });
});
