/**
 * Every way loading the index can fail — HTTP 404 and 500, a refused connection, a connection reset,
 * a response slower than the time limit, invalid JSON, a truncated file, another data schema
 * version, an index from an incompatible library version, another file format — gives exactly one
 * `bj-error` with the right `code` and a `bj:` message, leaves the page's text readable, throws
 * nothing uncaught, and recovers on the next try once the same URL answers well.
 *
 * The failing answers come from the /__bj/ test middleware (test/helpers/middleware.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/bj-policy-widgets.js';
import type { BjAnnotate } from '../../src/components/bj-annotate/bj-annotate.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjErrorCode } from '../../src/search/types.js';
import { DEFAULT_TIMEOUT_MS, pageTimeoutMs } from '../../src/shared/index/limits.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { collectErrors, part, quietWarnings, seen, waitFor, watchErrors } from '../helpers/hardening.js';
import { settle } from '../helpers/wait.js';

/**
 * The page-wide time limit the tests set, so that a "slow" answer (held LIMIT_MS × 5) fails fast.
 * Every other answer must arrive within it: 3 s is over 5× what a loaded CI machine takes.
 */
const LIMIT_MS = 3000;

interface Mode {
  mode: string;
  code: BjErrorCode;
  says: RegExp;
}
const MODES: Mode[] = [
  { mode: '404', code: 'http', says: /answered HTTP 404/ },
  { mode: '500', code: 'http', says: /answered HTTP 500/ },
  { mode: 'reset', code: 'network', says: /network error/ },
  { mode: 'slow', code: 'timeout', says: new RegExp(`did not arrive within ${LIMIT_MS / 1000} s`) },
  { mode: 'json', code: 'json', says: /is not valid JSON/ },
  { mode: 'truncated', code: 'json', says: /is not valid JSON .*perhaps truncated/ },
  { mode: 'schema-version', code: 'schema-version', says: /data schema version 99/ },
  { mode: 'library-version', code: 'library-version', says: /bj-policy-widgets 7\.0\.0/ },
  { mode: 'format', code: 'format', says: /format version 99/ },
];

let keys = 0;
/** A switchable index URL of its own, answering as `mode` until `heal()`. */
async function switchable(mode: string): Promise<{ url: string; heal: () => Promise<void> }> {
  const key = `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${++keys}`;
  const set = async (m: string) => {
    const r = await fetch(`/__bj/switch/${key}/set?mode=${m}&ms=${LIMIT_MS * 5}&file=dist/bj-index.json`);
    expect(r.ok).to.equal(true);
  };
  await set(mode);
  return { url: new URL(`/__bj/switch/${key}/index`, location.href).href, heal: () => set('good') };
}

async function closedPortUrl(): Promise<string> {
  const { port } = (await (await fetch('/__bj/closed-port')).json()) as { port: number };
  return `http://127.0.0.1:${port}/bj-index.json`;
}

/**
 * Waits for the first bj-error, then until the failure has been handled everywhere (a frame and the
 * tasks after it: every reaction to the failed load has run); returns all of them, to catch a second one.
 */
async function errorsFrom(events: CustomEvent[]): Promise<CustomEvent[]> {
  await waitFor(() => events.length > 0, 'a bj-error', LIMIT_MS * 5 + 3000);
  await settle();
  return events;
}

function expectOneError(events: CustomEvent[], code: BjErrorCode, says: RegExp, url: string): void {
  expect(
    events.map((e) => e.detail.code),
    'exactly one bj-error',
  ).to.deep.equal([code]);
  const { message, url: reported } = events[0]!.detail as { message: string; url?: string };
  expect(message).to.match(/^bj: /);
  expect(message).to.match(says);
  expect(reported).to.equal(url);
}

describe('index load failures', function () {
  this.timeout(20000);
  let watch: ReturnType<typeof watchErrors>;
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => {
    clearIndexCache();
    window.bjPolicyWidgets = { timeout: LIMIT_MS };
    watch = watchErrors();
    warnings = quietWarnings();
  });
  afterEach(() => {
    warnings.restore();
    watch.stop();
    delete window.bjPolicyWidgets;
    expect(watch.errors, 'no uncaught error or unhandled rejection').to.deep.equal([]);
  });

  it('the time limit is page-wide: window.bjPolicyWidgets.timeout, or <meta name="bj-index-timeout"> first', () => {
    expect(DEFAULT_TIMEOUT_MS).to.equal(15000);
    expect(pageTimeoutMs()).to.equal(LIMIT_MS);
    const meta = Object.assign(document.createElement('meta'), { name: 'bj-index-timeout', content: '250' });
    document.head.append(meta);
    try {
      expect(pageTimeoutMs()).to.equal(250);
      meta.content = 'soon';
      expect(pageTimeoutMs(), 'an invalid meta is ignored (the page-wide global applies)').to.equal(LIMIT_MS);
    } finally {
      meta.remove();
    }
    delete window.bjPolicyWidgets;
    expect(pageTimeoutMs(), 'unset: the library default applies').to.equal(undefined);
  });

  describe('<bj-keyword>', () => {
    for (const { mode, code, says } of MODES) {
      it(`${mode}: one bj-error (${code}), the word stays readable, the next interaction recovers`, async () => {
        const index = await switchable(mode);
        const wrap = await fixture<HTMLElement>(
          html`<p lang="en">A <bj-keyword index=${index.url}>regulatory sandbox</bj-keyword> pilot.</p>`,
        );
        const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
        const errors = collectErrors(el);
        el.show();
        expectOneError(await errorsFrom(errors.events), code, says, index.url);
        expect(seen(wrap)).to.equal('A regulatory sandbox pilot.');
        await waitFor(() => part(el, 'notice')?.textContent?.includes('unavailable'), 'the popover says the definition is unavailable');

        await index.heal();
        el.hide();
        el.show();
        await waitFor(() => part(el, 'title'), 'the definition appears on the next try');
        expect(part(el, 'title')!.textContent).to.equal('Regulatory sandbox');
        expect(errors.events.length, 'no further bj-error').to.equal(1);
        errors.stop();
      });
    }

    it('refused connection (closed port): one bj-error (network)', async () => {
      const url = await closedPortUrl();
      const wrap = await fixture<HTMLElement>(html`<p lang="en">A <bj-keyword index=${url}>regulatory sandbox</bj-keyword> pilot.</p>`);
      const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
      const errors = collectErrors(el);
      el.show();
      expectOneError(await errorsFrom(errors.events), 'network', /network error/, url);
      expect(seen(wrap)).to.equal('A regulatory sandbox pilot.');
      errors.stop();
    });
  });

  describe('<bj-policy-search>', () => {
    for (const { mode, code, says } of MODES) {
      it(`${mode}: one bj-error (${code}), an error message with Retry, Retry recovers`, async () => {
        const index = await switchable(mode);
        const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${index.url}></bj-policy-search>`);
        const errors = collectErrors(el);
        await el.search('regulatory sandbox');
        expectOneError(await errorsFrom(errors.events), code, says, index.url);
        const box = await waitFor(() => part(el, 'error'), 'an error message shows');
        expect(seen(box)).to.contain('Search is unavailable on this page right now.');
        expect(seen(part(el, 'label')!)).to.equal('Search policies and keywords');

        await index.heal();
        box.querySelector('button')!.click();
        await waitFor(() => el.shadowRoot!.querySelector('[role="option"]'), 'results appear after Retry');
        expect(part(el, 'error'), 'the error message is gone').to.equal(null);
        expect(errors.events.length, 'no further bj-error').to.equal(1);
        errors.stop();
      });
    }

    it('refused connection (closed port): one bj-error (network)', async () => {
      const url = await closedPortUrl();
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${url}></bj-policy-search>`);
      const errors = collectErrors(el);
      await el.search('sandbox');
      expectOneError(await errorsFrom(errors.events), 'network', /network error/, url);
      errors.stop();
    });
  });

  describe('<bj-annotate>', () => {
    const TEXT = 'Beijing piloted a regulatory sandbox for fintech.';
    for (const { mode, code, says } of MODES) {
      it(`${mode}: one bj-error (${code}), the text untouched, refresh() recovers`, async () => {
        const index = await switchable(mode);
        // on="load" starts at once: listen (bj-error bubbles and is composed) before the element exists.
        const errors = collectErrors(document);
        const wrap = await fixture<HTMLElement>(
          html`<div lang="en">
            <bj-annotate on="load" index=${index.url}><p>${TEXT}</p></bj-annotate>
          </div>`,
        );
        const el = wrap.querySelector<BjAnnotate>('bj-annotate')!;
        expectOneError(await errorsFrom(errors.events), code, says, index.url);
        expect(
          [...el.querySelectorAll('*')].map((e) => e.localName),
          'the text is untouched',
        ).to.deep.equal(['p']);
        expect(seen(wrap)).to.equal(TEXT);

        await index.heal();
        await el.refresh();
        expect(el.querySelector('bj-keyword')?.textContent).to.equal('regulatory sandbox');
        expect(seen(wrap)).to.equal(TEXT);
        expect(errors.events.length, 'no further bj-error').to.equal(1);
        errors.stop();
      });
    }
  });
});
