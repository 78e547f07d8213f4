import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjErrorDetail } from '../../../src/shared/element/events.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import {
  activeOption,
  blobUrl,
  combobox,
  isOpen,
  jsonResponse,
  options,
  part,
  prepareIndex,
  root,
  seen,
  statusText,
  stubFetch,
  testIndex,
  waitOptions,
  waitStatus,
  typeAndSearch,
  typeInto,
} from '../../helpers/policy-search.js';
import { elapsed, settle, waitUntil } from '../../helpers/wait.js';

const expected = (query: string) => testIndex().search(query, { limit: 200 });

/** Counts requests for `path` and answers them with the good index. */
function countingIndex(path: string): { count: () => number; restore: () => void } {
  let n = 0;
  const restore = stubFetch({
    [path]: () => {
      n++;
      return jsonResponse();
    },
  });
  return { count: () => n, restore };
}

describe('<bj-policy-search> loading and failure', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('loads the index on first focus, not with the page; with preload at once', async () => {
    const lazy = countingIndex('/lazy/bj-index.json');
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/lazy/bj-index.json"></bj-policy-search>`);
      await el.updateComplete;
      await settle(); // rendered, and any load started on connection would have called fetch
      expect(lazy.count(), 'nothing fetched before the user comes').to.equal(0);
      combobox(el).focus();
      await waitUntil(() => lazy.count() === 1, 'focus loads the index', { timeout: 5000 }); // the search part's first import
      await sendKeys({ type: 'sandbox' });
      await waitOptions(el);
      expect(lazy.count(), 'one request').to.equal(1);
    } finally {
      lazy.restore();
    }
    const eager = countingIndex('/eager/bj-index.json');
    try {
      await fixture<BjPolicySearch>(html`<bj-policy-search preload index="/eager/bj-index.json"></bj-policy-search>`);
      await waitUntil(() => eager.count() === 1, 'preload loads at once', { timeout: 5000 });
    } finally {
      eager.restore();
    }
  });

  it('says search is unavailable here, offers Retry, fires bj-error, and Retry works once the index is there', async () => {
    let published = false;
    const restore = stubFetch({
      '/flaky/bj-index.json': () => (published ? jsonResponse() : new Response('not here', { status: 404, statusText: 'Not Found' })),
    });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/flaky/bj-index.json"></bj-policy-search>`);
      const failed = oneEvent(el, 'bj-error') as Promise<CustomEvent<BjErrorDetail>>;
      let errors = 0;
      el.addEventListener('bj-error', () => errors++);
      await typeInto(el, 'sandbox');
      const { detail } = await failed;
      expect(detail.code).to.equal('http');
      expect(detail.message).to.match(/^bj: .*404/);
      expect(detail.url).to.match(/\/flaky\/bj-index\.json$/);
      await waitUntil(() => part(el, 'error') !== null, 'error message appears');
      const error = part(el, 'error')!;
      expect(seen(error)).to.contain('Search is unavailable on this page right now.');
      const retry = error.querySelector('button')!;
      expect(seen(retry)).to.equal('Retry');
      await waitStatus(el, /unavailable/);
      expect(options(el)).to.have.length(0);
      await expect(el).to.be.accessible();

      published = true;
      retry.click();
      await waitOptions(el, 'Retry loads the index and shows the results');
      expect(part(el, 'error')).to.equal(null);
      expect(options(el).length).to.equal(expected('sandbox').length);
      // Only this index's warnings: an earlier test's lexicon part may still be failing to arrive.
      const about = warnings.filter((w) => w.includes('/flaky/'));
      expect(about.length, 'one warning, not one per keystroke: ' + warnings.join(' | ')).to.equal(1);
      expect(errors, 'one bj-error, not one per keystroke').to.equal(1);
    } finally {
      console.warn = warn;
      restore();
    }
  });

  it('tries again on the next keystroke after a failure', async () => {
    let published = false;
    const restore = stubFetch({
      '/flaky2/bj-index.json': () => (published ? jsonResponse() : new Response('', { status: 503 })),
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/flaky2/bj-index.json"></bj-policy-search>`);
      await typeInto(el, 'sandbo');
      await waitUntil(() => part(el, 'error') !== null, 'error message appears');
      published = true;
      await sendKeys({ type: 'x' });
      await waitOptions(el);
      expect(part(el, 'error')).to.equal(null);
    } finally {
      console.warn = warn;
      restore();
    }
  });
});

describe('<bj-policy-search> shareable state (sync-url)', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  let original = '';
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(history.state, '', original));

  it('restores the query from ?q= on load and runs it; the results open on a click', async () => {
    const url = new URL(location.href);
    url.searchParams.set('q', 'sandbox');
    history.replaceState(history.state, '', url);
    const searched = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('bj-search', resolve as EventListener, { once: true }),
    );
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search sync-url index=${blobUrl()}></bj-policy-search>`);
    expect(combobox(el).value).to.equal('sandbox');
    expect((await searched).detail.query).to.equal('sandbox');
    combobox(el).click(); // restored results open on interaction, not on page load
    const opts = await waitOptions(el);
    expect(opts.length).to.equal(expected('sandbox').length);
  });

  it('keeps the query in ?q= as the user types, preserving other parameters and the hash', async () => {
    const url = new URL(location.href);
    url.searchParams.set('page', '2');
    url.hash = 'results';
    history.replaceState(history.state, '', url);
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search sync-url index=${blobUrl()}></bj-policy-search>`);
    const historyLength = history.length;
    await typeInto(el, 'hotline');
    await waitUntil(() => new URL(location.href).searchParams.get('q') === 'hotline', '?q= follows the box');
    const now = new URL(location.href);
    expect(now.searchParams.get('page')).to.equal('2');
    expect(now.hash).to.equal('#results');
    expect(history.length, 'no history entry per keystroke').to.equal(historyLength);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !new URL(location.href).searchParams.has('q'), 'clearing the box removes ?q=');
    expect(new URL(location.href).searchParams.get('page')).to.equal('2');
  });

  it('leaves the address alone without sync-url', async () => {
    const before = location.href;
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'hotline');
    await waitOptions(el);
    // With sync-url the address is written 250 ms (URL_DELAY_MS) after the last keystroke; by timer
    // order, waiting 5× that from now is after any such write.
    await elapsed(5 * 250);
    expect(location.href).to.equal(before);
  });
});

describe('<bj-policy-search> keyboard shortcut', () => {
  before(prepareIndex);

  it('focuses the box on "/" outside text fields and on Ctrl+K, and shows a hint', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <button id="elsewhere">elsewhere</button><input id="other" aria-label="other field" />
        <bj-policy-search shortcut index=${blobUrl()}></bj-policy-search>
      </div>`,
    );
    const el = wrap.querySelector('bj-policy-search')!;
    await el.updateComplete;
    const hint = part(el, 'hint')!;
    expect(seen(hint)).to.match(/^\/\s*(Ctrl|⌘) K$/);
    expect(combobox(el).getAttribute('aria-keyshortcuts')).to.contain('Control+K');

    wrap.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
    await sendKeys({ press: '/' });
    expect(document.activeElement === el && root(el).activeElement?.id === 'input', '"/" focuses the box').to.equal(true);
    expect(combobox(el).value, 'the "/" is not typed').to.equal('');

    const other = wrap.querySelector<HTMLInputElement>('#other')!;
    other.focus();
    await sendKeys({ press: '/' });
    expect(document.activeElement === other, '"/" in another field stays there').to.equal(true);
    expect(other.value).to.equal('/');

    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'k' });
    await sendKeys({ up: 'Control' });
    expect(document.activeElement === el && root(el).activeElement?.id === 'input', 'Ctrl+K focuses the box').to.equal(true);
  });

  it('does nothing without the shortcut attribute', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><button>b</button><bj-policy-search index=${blobUrl()}></bj-policy-search></div>`);
    const el = wrap.querySelector('bj-policy-search')!;
    wrap.querySelector('button')!.focus();
    await sendKeys({ press: '/' });
    expect(document.activeElement === el).to.equal(false);
    expect(part(el, 'hint')).to.equal(null);
  });
});

describe('<bj-policy-search> language', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  afterEach(async () => {
    // Put the page's single @lit/localize locale back to English for the next tests.
    const reset = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en"></bj-policy-search>`);
    await waitUntil(() => seen(part(reset, 'label')) === 'Search policies and keywords');
  });

  it('speaks simplified Chinese and reads Chinese titles first', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="zh-Hans" index=${blobUrl()}></bj-policy-search>`);
    await waitUntil(() => seen(part(el, 'label')) === '搜索政策和关键词', 'localised label', { timeout: 10_000 });
    await typeAndSearch(el, '监管沙盒');
    const [first] = await waitOptions(el);
    const r = expected('监管沙盒')[0]!;
    expect(seen(first!.querySelector('[part~="kind"]'))).to.equal(r.kind === 'term' ? '关键词' : '政策');
    const titles = [...first!.querySelectorAll('.titles > [lang]')].map((t) => t.getAttribute('lang'));
    expect(titles).to.deep.equal(['zh-Hans', 'en']);
    expect(await waitStatus(el, /条结果/)).to.equal(`${expected('监管沙盒').length} 条结果`);
  });

  it('is localised when the tag is in the page before the script (as a webmaster pastes it)', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="pasted" style="width: 600px; height: 300px"></iframe>`);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="zh-Hans"><body><bj-policy-search></bj-policy-search>
      <script type="module" src="${new URL('/src/components/bj-policy-search/bj-policy-search.ts', location.href).href}"></script></body></html>`;
    await loaded;
    await waitUntil(
      () => {
        const label = frame.contentDocument?.querySelector('bj-policy-search')?.shadowRoot?.querySelector('label');
        return label?.textContent?.trim() === '搜索政策和关键词';
      },
      'the pasted element speaks the page language',
      { timeout: 5000 },
    );
  });

  it('speaks traditional Chinese when the page is zh-TW', async () => {
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'zh-TW';
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()}></bj-policy-search>`);
      await waitUntil(() => seen(part(el, 'label')) === '搜尋政策和關鍵詞', 'localised label', { timeout: 10_000 });
      await typeInto(el, 'qqzzxxyy');
      // Wait for the whole query in traditional characters: on a slow machine the partial "q" may be
      // announced first, and the label (the loader's own table) is there before the panel's
      // translation chunk, so a first status may still be in the previous test's locale.
      await waitStatus(el, /沒有找到與「qqzzxxyy」/);
      expect(statusText(el)).to.equal('沒有找到與「qqzzxxyy」相關的結果');
    } finally {
      document.documentElement.lang = pageLang;
    }
  });

  it('inside a Chinese section of an English page: English labels, Chinese titles first', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-Hans"><bj-policy-search index=${blobUrl()}></bj-policy-search></div>`);
    const el = wrap.querySelector('bj-policy-search')!;
    await waitUntil(() => seen(part(el, 'label')) === 'Search policies and keywords', 'page-language label');
    await typeInto(el, 'regulatory sandbox');
    const [first] = await waitOptions(el);
    const titles = [...first!.querySelectorAll('.titles > [lang]')].map((t) => t.getAttribute('lang'));
    expect(titles).to.deep.equal(['zh-Hans', 'en']);
  });
});

describe('<bj-policy-search> accessibility and layout', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  // One axe run per test: axe is slow on a loaded machine, and a failure names the state.
  it('passes axe closed', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search shortcut index=${blobUrl()}></bj-policy-search>`);
    await expect(el).to.be.accessible();
  });

  it('passes axe with results open and one active', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search shortcut index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'regulatory');
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => activeOption(el) !== null, 'an active option');
    await expect(el).to.be.accessible();
  });

  it('passes axe with no results', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search shortcut index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'sanbdx');
    await waitUntil(() => part(el, 'empty') !== null, 'no-results state');
    await expect(el).to.be.accessible();
  });

  it('passes axe in the details view', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search shortcut index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'sandbox');
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'details') !== null, 'details view');
    await expect(el).to.be.accessible();
  });

  it('on a phone, the results and the details view have a Close button that closes them and keeps the box focused', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'sandbox');
    await waitOptions(el);
    const close = () => part(el, 'close');
    const shown = (b: HTMLElement | null) =>
      Boolean(b && b.getBoundingClientRect().height >= 24 && getComputedStyle(b).visibility !== 'hidden');
    expect(shown(close()), 'a Close button over the results').to.equal(true);
    expect(seen(close())).to.equal('Close');
    close()!.click();
    await waitUntil(() => !isOpen(el), 'the results close');
    expect(root(el).activeElement, 'focus stays in the box').to.equal(combobox(el));

    await typeInto(el, ' regulatory');
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'details') !== null, 'details view');
    expect(shown(close()), 'a Close button over the details').to.equal(true);
    close()!.click();
    await waitUntil(() => !isOpen(el), 'the details close');
  });

  it('on a desktop window the results have no Close button (Escape and a click outside close them)', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()}></bj-policy-search>`);
    await typeInto(el, 'sandbox');
    await waitOptions(el);
    const b = part(el, 'close');
    expect(b === null || b.getBoundingClientRect().height === 0, 'no Close button').to.equal(true);
  });

  it('fits 320 px without sideways scrolling, with touch targets of at least 24 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl()} style="margin: 0 8px"></bj-policy-search>`);
    await typeInto(el, 'service package');
    await waitOptions(el);
    expect(document.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(320);
    const panel = part(el, 'panel')!.getBoundingClientRect();
    expect(panel.right).to.be.at.most(320);
    const targets = [
      combobox(el),
      ...part(el, 'filter')!.querySelectorAll('label'),
      ...options(el),
      ...(part(el, 'more') ? [part(el, 'more')!] : []),
    ];
    for (const t of targets) {
      const r = t.getBoundingClientRect();
      expect(r.height, `${t.localName} height`).to.be.at.least(24);
      expect(r.width, `${t.localName} width`).to.be.at.least(24);
      expect(r.right, `${t.localName} inside the viewport`).to.be.at.most(320);
    }
    expect(isOpen(el)).to.equal(true);
  });
});

describe('<bj-policy-search> popup placement', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const CLIP = 'overflow: hidden; height: 6rem; padding: 0.5rem';

  it('shows the popup in the top layer under the box, as wide as the box, and hides it on Escape', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style=${CLIP}><bj-policy-search index=${blobUrl()} style="width: 30rem"></bj-policy-search></div>`,
    );
    const el = wrap.querySelector('bj-policy-search')!;
    await typeInto(el, 'regulatory');
    await waitOptions(el);
    const panel = part(el, 'panel')!;
    expect(panel.matches(':popover-open'), 'top layer').to.equal(true);
    const box = combobox(el).getBoundingClientRect();
    await waitUntil(() => Math.abs(panel.getBoundingClientRect().top - box.bottom - 4) < 1, 'placed under the box');
    const r = panel.getBoundingClientRect();
    expect(r.left).to.be.closeTo(box.left, 1);
    expect(r.width, 'as wide as the box').to.be.closeTo(box.width, 1);
    expect(r.bottom, 'not clipped to the 6rem container').to.be.greaterThan(wrap.getBoundingClientRect().bottom + 100);

    el.style.width = '24rem';
    await waitUntil(
      () => Math.abs(panel.getBoundingClientRect().width - combobox(el).getBoundingClientRect().width) < 1,
      'follows the box width',
    );

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !panel.matches(':popover-open'), 'Escape hides the popup');
    expect(isOpen(el)).to.equal(false);
  });

  it('shows "no results" and the details view in the same popup', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style=${CLIP}><bj-policy-search index=${blobUrl()}></bj-policy-search></div>`);
    const el = wrap.querySelector('bj-policy-search')!;
    await typeInto(el, 'sanbdx');
    await waitUntil(() => part(el, 'empty') !== null, 'no-results state');
    const panel = part(el, 'panel')!;
    expect(panel.contains(part(el, 'empty')) && panel.matches(':popover-open')).to.equal(true);
    for (let i = 0; i < 'sanbdx'.length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'sandbox' });
    await waitOptions(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'details') !== null, 'details view');
    const details = part(el, 'details')!;
    expect(panel.contains(details) && panel.matches(':popover-open')).to.equal(true);
    expect(details.getBoundingClientRect().height, 'not clipped to the container').to.be.greaterThan(150);
    // A pointer press outside closes the popup, details included.
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitUntil(() => part(el, 'details') === null && !panel.matches(':popover-open'), 'closed from outside');
  });

  it('falls back to a fixed panel that still escapes overflow: hidden where the Popover API is missing', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="no popover" style="width: 700px; height: 500px"></iframe>`);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <script>delete HTMLElement.prototype.popover;</script>
      <div style="${CLIP}"><bj-policy-search index="${blobUrl()}"></bj-policy-search></div>
      <script type="module" src="${new URL('/src/components/bj-policy-search/bj-policy-search.ts', location.href).href}"></script></body></html>`;
    await loaded;
    const el = await waitUntil(() => frame.contentDocument!.querySelector('bj-policy-search')?.shadowRoot, 'element upgrades', {
      timeout: 5000,
    }).then(() => frame.contentDocument!.querySelector('bj-policy-search') as BjPolicySearch);
    const before = part(el, 'panel');
    expect(before === null || before.hidden, 'nothing shown before any search').to.equal(true);
    await el.search('regulatory');
    await waitUntil(() => options(el).length > 0 && part(el, 'panel')?.hidden === false, 'results appear', { timeout: 5000 });
    const panel = part(el, 'panel')!;
    expect(panel.classList.contains('bj-fallback')).to.equal(true);
    expect(frame.contentWindow!.getComputedStyle(panel).position).to.equal('fixed');
    await waitUntil(() => panel.getBoundingClientRect().height > 200, 'not clipped to the 6rem container');
    // Real-key Escape is covered in the main document; here keyboard focus would have to move into
    // the iframe first, which Firefox does not do reliably, so the key goes straight to the box.
    const input = combobox(el);
    input.focus();
    input.dispatchEvent(
      new (frame.contentWindow as typeof window).KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await waitUntil(() => panel.hidden, 'Escape hides it');
  });
});
