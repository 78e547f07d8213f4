import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import { arrange } from '../../../src/components/bj-policy-search/arrange.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BuiltIndex } from '../../../src/search/format.js';
import type { PassageEntry } from '../../../src/search/types.js';
import type { BjErrorDetail, BjSearchDetail, BjSelectDetail } from '../../../src/shared/element/events.js';
import { resolveIndexUrl } from '../../../src/shared/index/config.js';
import { clearIndexCache, loadIndex } from '../../../src/shared/index/index-store.js';
import {
  activeOption,
  blobUrl,
  combobox,
  hostileJson,
  indexJson,
  isOpen,
  jsonResponse,
  options,
  part,
  prepareIndex,
  root,
  seen,
  stubFetch,
  testIndex,
  waitOptions,
  waitStatus,
  typeAndSearch,
  typeInto,
} from '../../helpers/policy-search.js';
import { imageSettled, settle, waitUntil } from '../../helpers/wait.js';

/** Resolves once the element's index has loaded (the same load the element waits for) and what follows has run. */
async function indexSettled(el: BjPolicySearch): Promise<void> {
  await loadIndex(resolveIndexUrl(el.index)).catch(() => undefined);
  await settle();
  await el.updateComplete;
}

/** What the index itself returns for `query`, to compare with what the element shows. */
/** The results as the list shows them: the search's, arranged (src/components/bj-policy-search/arrange.ts). */
const expected = (query: string, kind: 'all' | 'term' | 'passage' = 'all') => arrange(testIndex().search(query, { kind, limit: 200 }));

async function searchBox(attrs: { limit?: number; href?: string } = {}): Promise<BjPolicySearch> {
  return fixture<BjPolicySearch>(
    html`<bj-policy-search index=${blobUrl()} limit=${attrs.limit ?? 12} href-template=${attrs.href ?? ''}></bj-policy-search>`,
  );
}

describe('<bj-policy-search> keyboard (APG combobox)', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('is a labelled combobox that controls a listbox in the same shadow root', async () => {
    const el = await searchBox();
    const input = combobox(el);
    const label = part(el, 'label')!;
    expect(seen(label)).to.equal('Search policies and keywords');
    expect(label.getAttribute('for')).to.equal(input.id);
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).getElementById(input.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal('listbox');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('types, moves with Down/Up (wrapping), chooses with Enter, closes with Escape and clears with a second Escape', async () => {
    const el = await searchBox({ limit: 5 });
    await typeInto(el, 'regulatory');
    const want = expected('regulatory').slice(0, 5);
    expect(want.length).to.be.greaterThan(1);
    const opts = await waitOptions(el);
    expect(opts.length).to.equal(want.length);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(activeOption(el)?.id).to.equal(undefined);

    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)?.id).to.equal('opt-0');
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)?.id).to.equal('opt-1');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(activeOption(el)?.id, 'Up from the first wraps to the last').to.equal(`opt-${want.length - 1}`);
    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)?.id, 'Down from the last wraps to the first').to.equal('opt-0');
    expect(root(el).activeElement?.id, 'focus stays in the box').to.equal('input');

    const selected = oneEvent(el, 'bj-select') as Promise<CustomEvent<BjSelectDetail>>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    expect(detail.record.id).to.equal(want[0]!.id);
    expect(detail.result?.id).to.equal(want[0]!.id);
    await waitUntil(() => part(el, 'details') !== null, 'details view opens');
    expect(isOpen(el), 'the details view takes the place of the list in the popup').to.equal(true);
    expect(options(el)).to.deep.equal([]);
    expect(combobox(el).getAttribute('aria-expanded'), 'the listbox is not shown').to.equal('false');
    expect(root(el).activeElement?.id, 'focus moves to the details heading').to.equal('details-title');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'details') === null && isOpen(el), 'Escape in details goes back to the results');
    expect(root(el).activeElement?.id).to.equal('input');

    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(combobox(el).value).to.equal('regulatory');
    await sendKeys({ press: 'Escape' });
    expect(combobox(el).value).to.equal('');
  });

  it('opens with Down and Alt+Down, and leaves Home/End, Left/Right and Backspace to the text', async () => {
    const el = await searchBox();
    await typeInto(el, 'sandbox');
    await waitOptions(el);
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    expect(isOpen(el), 'Alt+Down opens').to.equal(true);
    expect(activeOption(el)?.id, 'Alt+Down does not move into the list').to.equal(undefined);

    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'ArrowDown' });
    expect(isOpen(el), 'Down opens').to.equal(true);
    expect(activeOption(el)?.id, 'Down opens on the first option').to.equal('opt-0');

    await sendKeys({ press: 'Home' });
    expect(activeOption(el)?.id, 'Home returns visual focus to the box').to.equal(undefined);
    await sendKeys({ type: 'x' });
    expect(combobox(el).value, 'Home moved the caret to the start').to.equal('xsandbox');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Backspace' });
    expect(combobox(el).value, 'Left and Backspace edit the text').to.equal('xsandbx');
  });

  it('chooses with a click too', async () => {
    const el = await searchBox();
    await typeInto(el, 'sandbox');
    const [first] = await waitOptions(el);
    const selected = oneEvent(el, 'bj-select') as Promise<CustomEvent<BjSelectDetail>>;
    first!.click();
    expect((await selected).detail.record.id).to.equal(expected('sandbox')[0]!.id);
  });

  it('makes each option a link with href-template, and Enter follows it', async () => {
    const el = await searchBox({ href: '/policy/{kind}/{id}?from=search' });
    await typeInto(el, 'sandbox');
    const opts = await waitOptions(el);
    const want = expected('sandbox');
    opts.forEach((o, i) => {
      expect(o.localName).to.equal('a');
      expect(o.getAttribute('href')).to.equal(`/policy/${want[i]!.kind}/${encodeURIComponent(want[i]!.id)}?from=search`);
      expect(o.tabIndex, 'options are not tab stops').to.equal(-1);
    });
    let followed = '';
    const stop = (e: Event) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement) {
        followed = a.getAttribute('href')!;
        e.preventDefault(); // keep the test page
      }
    };
    document.addEventListener('click', stop);
    try {
      const selected = oneEvent(el, 'bj-select') as Promise<CustomEvent<BjSelectDetail>>;
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.record.id).to.equal(want[0]!.id);
      expect(followed).to.equal(opts[0]!.getAttribute('href'));
    } finally {
      document.removeEventListener('click', stop);
    }
  });
});

describe("<bj-policy-search> results from a site's web pages (bj-index build --site)", () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  /**
   * The built index with the documents of two "supervision" passages marked as read from web pages: the
   * first with an https page and a heading anchor, the second with `secondUrl`.
   */
  function siteIndex(secondUrl = 'https://example.gov.cn/en/other.html'): { json: string; linked: string; page: string; other: string } {
    const data = JSON.parse(indexJson()) as BuiltIndex;
    const passages = expected('supervision', 'passage');
    const first = passages[0]!.entry as PassageEntry;
    const second = passages.find((r) => (r.entry as PassageEntry).document.id !== first.document.id)!.entry as PassageEntry;
    for (const d of data.documents) {
      if (d.id === first.document.id) d.url = 'https://example.gov.cn/zh/policy.html';
      if (d.id === second.document.id) d.url = secondUrl;
    }
    for (const e of data.entries) if (e.kind === 'passage' && e.id === first.id) e.anchor = 'open data';
    return { json: JSON.stringify(data), linked: first.id, page: first.document.id, other: second.id };
  }

  /** A result link without its text fragment (`:~:text=…`, the passage's opening words; see result-href.test.ts). */
  const pageAndHeading = (href: string | null) => (href ?? '').replace(/#?:~:text=.*$/, '');

  it('makes a passage from a web page a link to its page and heading; others stay as they were', async () => {
    const { json, linked, other } = siteIndex();
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl(json)} limit="50"></bj-policy-search>`);
    await typeInto(el, 'supervision');
    const opts = await waitOptions(el);
    const ids = expected('supervision').map((r) => r.id);
    const option = (id: string) => opts[ids.indexOf(id)]!;
    expect(option(linked).localName).to.equal('a');
    expect(pageAndHeading(option(linked).getAttribute('href'))).to.equal('https://example.gov.cn/zh/policy.html#open%20data');
    expect(option(linked).getAttribute('href'), 'and a text fragment of the passage').to.match(/#open%20data:~:text=./);
    expect(pageAndHeading(option(other).getAttribute('href')), 'a passage of another page links to that page').to.equal(
      'https://example.gov.cn/en/other.html',
    );
    expect(opts[0]!.localName, 'a keyword without href-template is not a link').to.equal('div');
    let followed = '';
    const stop = (e: Event) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement) {
        followed = a.getAttribute('href')!;
        e.preventDefault(); // keep the test page
      }
    };
    document.addEventListener('click', stop);
    try {
      const selected = oneEvent(el, 'bj-select') as Promise<CustomEvent<BjSelectDetail>>;
      for (let i = 0; i <= ids.indexOf(linked); i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.record.id).to.equal(linked);
      expect(pageAndHeading(followed)).to.equal('https://example.gov.cn/zh/policy.html#open%20data');
    } finally {
      document.removeEventListener('click', stop);
    }
  });

  it('refuses an index whose page address is not http(s) (javascript:), with one bj-error and no link', async () => {
    const { json } = siteIndex('javascript:alert(1)');
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl(json)} limit="50"></bj-policy-search>`);
    const failed = oneEvent(el, 'bj-error') as Promise<CustomEvent<BjErrorDetail>>;
    await typeInto(el, 'supervision');
    const { detail } = await failed;
    expect(detail.code).to.equal('format');
    expect(detail.message).to.contain('javascript:alert(1)');
    expect(el.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
  });

  it('links a web page passage to its page even with href-template, which the other results use', async () => {
    const { json, linked, page } = siteIndex('https://example.gov.cn/en/other.html');
    const el = await fixture<BjPolicySearch>(
      html`<bj-policy-search index=${blobUrl(json)} limit="50" href-template="/policy/{kind}/{id}"></bj-policy-search>`,
    );
    const otherPage = (JSON.parse(json) as BuiltIndex).documents.find((d) => d.url === 'https://example.gov.cn/en/other.html')!.id;
    await typeInto(el, 'supervision');
    const opts = await waitOptions(el);
    const want = expected('supervision');
    opts.forEach((o, i) => {
      const r = want[i]!;
      const doc = r.entry.kind === 'passage' ? r.entry.document.id : undefined;
      const href =
        r.id === linked
          ? 'https://example.gov.cn/zh/policy.html#open%20data'
          : doc === page
            ? 'https://example.gov.cn/zh/policy.html' // same page, no heading anchor
            : doc === otherPage
              ? 'https://example.gov.cn/en/other.html'
              : `/policy/${r.kind}/${encodeURIComponent(r.id)}`;
      expect(pageAndHeading(o.getAttribute('href'))).to.equal(href);
    });
  });
});

describe('<bj-policy-search> results', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('labels keywords and policy passages, shows both titles with their lang, the heading path and marks', async () => {
    const el = await searchBox({ limit: 50 });
    await typeInto(el, 'regulatory');
    const opts = await waitOptions(el);
    const want = expected('regulatory');
    expect(opts.length).to.equal(want.length);
    opts.forEach((o, i) => {
      const r = want[i]!;
      expect(seen(o.querySelector('[part~="kind"]'))).to.equal(r.kind === 'term' ? 'Keyword' : 'Policy');
      if (o.classList.contains('cont')) {
        // Another passage of the section above: shown under it, without its title again.
        const above = want[i - 1]!.entry;
        expect(r.entry.kind === 'passage' && above.kind === 'passage' && above.headings.join() === r.entry.headings.join()).to.equal(true);
        expect(o.querySelector('.titles')).to.equal(null);
      } else if (r.entry.kind === 'passage' && r.entry.headings.length) {
        // A passage is titled by its heading; the document and outer headings say where it is.
        const h = r.entry.headings;
        const lang = r.entry.lang === 'zh' ? 'zh-Hans' : 'en';
        expect(seen(o.querySelector(`.titles [lang="${lang}"]`))).to.equal(h[h.length - 1]);
        expect(seen(o.querySelector('.place'))).to.equal([r.title.en ?? r.title.zh, ...h.slice(0, -1)].join(' › '));
      } else {
        if (r.title.en) expect(seen(o.querySelector('.titles [lang="en"]'))).to.equal(r.title.en);
        if (r.title.zh) expect(seen(o.querySelector('.titles [lang="zh-Hans"]'))).to.equal(r.title.zh);
      }
    });
    const marks = [...root(el).querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase());
    expect(marks.length).to.be.greaterThan(0);
    expect(marks.some((m) => m.startsWith('regulat'))).to.equal(true);
  });

  it('announces result counts politely, without chattering while typing, and says so when nothing matches', async () => {
    const el = await searchBox();
    const region = root(el).querySelector('[role="status"]')!;
    let changes = 0;
    new MutationObserver(() => changes++).observe(region, { childList: true, subtree: true, characterData: true });
    await typeInto(el, 'regulatory');
    const n = expected('regulatory').length;
    // The status of the whole word (on a loaded machine a keystroke may come after a pause long
    // enough for the box to announce a prefix's count first).
    expect(await waitStatus(el, new RegExp(`^${n} results$`))).to.equal(`${n} results`);
    expect(changes, 'one announcement for ten keystrokes').to.be.lessThan(3);

    for (let i = 0; i < 'regulatory'.length; i++) await sendKeys({ press: 'Backspace' });
    await typeAndSearch(el, 'sanbdx');
    expect(expected('sanbdx')).to.have.length(0);
    expect(await waitStatus(el, /No results for “sanbdx”/)).to.equal('No results for “sanbdx”');
    const empty = part(el, 'empty')!;
    expect(seen(empty)).to.contain('No results for “sanbdx”.');
    expect(seen(empty)).to.match(/pinyin/);
    const suggestions = [...empty.querySelectorAll('button')];
    expect(suggestions.map((b) => seen(b))).to.deep.equal(testIndex().suggest('sanbdx'));

    const searched = oneEvent(el, 'bj-search') as Promise<CustomEvent<BjSearchDetail>>;
    suggestions[0]!.click();
    const { detail } = await searched;
    expect(detail.query).to.equal(testIndex().suggest('sanbdx')[0]);
    expect(combobox(el).value).to.equal(detail.query);
    expect(detail.count).to.equal(expected(detail.query).length);
    await waitOptions(el);
    expect(await waitStatus(el, /results?$/)).to.match(/^\d+ results?$/);
  });

  it('says "1 related result", not "1 related results", when one loose match is all there is', async () => {
    const q = ['languages zebra', 'entries zebra', 'languages giraffe banana'].find((c) => {
      const r = expected(c);
      return r.length === 1 && r[0]!.strength === 'weak';
    });
    expect(q, 'a query with one weak result in the test index').to.be.a('string');
    const el = await searchBox({ limit: 50 });
    await typeAndSearch(el, q!);
    await waitOptions(el);
    expect(await waitStatus(el, /close match for “[^”]*”; \d/)).to.equal(`No close match for “${q}”; 1 related result`);
  });

  it('says "No close match" above results that only share some words with the query', async () => {
    const el = await searchBox({ limit: 50 });
    const q = 'tourist visa for China';
    const related = expected(q);
    expect(related.length, 'the corpus shares some words with the query').to.be.greaterThan(0);
    expect(related.every((r) => r.strength === 'weak')).to.equal(true);
    await typeAndSearch(el, q);
    await waitOptions(el);
    expect(await waitStatus(el, new RegExp(`close match for “${q}”`))).to.equal(
      `No close match for “${q}”; ${related.length} related results`,
    );
    expect(seen(part(el, 'weak')!)).to.equal(`No close match for “${q}”; related results:`);
    expect(options(el)).to.have.length(related.length);

    combobox(el).select();
    await typeAndSearch(el, 'what is a regulatory sandbox');
    await waitStatus(el, new RegExp(`^${expected('what is a regulatory sandbox').length} results?$`));
    expect(part(el, 'weak'), 'a close match has no such line').to.equal(null);
    expect(seen(options(el)[0]!)).to.contain('Regulatory sandbox');
  });

  it('does not tell a Chinese query that found nothing to try Chinese', async () => {
    const el = await searchBox();
    await el.search('地铁票价');
    expect(expected('地铁票价')).to.have.length(0);
    await el.updateComplete;
    const empty = part(el, 'empty')!;
    expect(seen(empty)).to.contain('No results for “地铁票价”.');
    expect(seen(empty)).not.to.match(/Chinese/);
    expect(seen(empty)).to.match(/English or pinyin/);
  });

  it('filters All / Keywords / Policies with counts, by keyboard', async () => {
    const el = await searchBox({ limit: 50 });
    await typeInto(el, 'regulatory');
    await waitOptions(el);
    const radios = [...part(el, 'filter')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const labels = radios.map((r) => seen(r.closest('label')));
    expect(labels).to.deep.equal([
      `All ${expected('regulatory').length}`,
      `Keywords ${expected('regulatory', 'term').length}`,
      `Policies ${expected('regulatory', 'passage').length}`,
    ]);
    expect(radios[0]!.checked).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect((root(el).activeElement as HTMLInputElement | null)?.value, 'Tab goes from the box to the filter').to.equal('all');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => radios[1]!.checked, 'Keywords chosen');
    expect(isOpen(el), 'the list stays open while focus is in the filter').to.equal(true);
    expect(options(el).map((o) => seen(o.querySelector('[part~="kind"]')))).to.deep.equal(
      expected('regulatory', 'term').map(() => 'Keyword'),
    );
    await waitStatus(el, new RegExp(`^${expected('regulatory', 'term').length} results?$`));

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => radios[2]!.checked, 'Policies chosen');
    expect(options(el).length).to.equal(expected('regulatory', 'passage').length);
    expect(options(el).every((o) => seen(o.querySelector('[part~="kind"]')) === 'Policy')).to.equal(true);
  });

  it('cannot choose an empty filter: a kind with no results is shown with 0 and disabled', async () => {
    const q = ['jianguanshahe', 'jgsh', 'shijianyinhang', 'wuganshenpi', 'sandbox'].find(
      (c) => expected(c, 'term').length > 0 && expected(c, 'passage').length === 0,
    );
    expect(q, 'a query with keyword results only').to.be.a('string');
    const el = await searchBox({ limit: 50 });
    await typeInto(el, q!);
    await waitOptions(el);
    const radios = [...part(el, 'filter')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(seen(radios[2]!.closest('label'))).to.equal('Policies 0');
    expect(radios.map((r) => r.disabled)).to.deep.equal([false, false, true]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => radios[1]!.checked, 'Keywords chosen');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(radios[2]!.checked, 'the arrow keys pass over the empty filter').to.equal(false);
    expect(options(el).length, 'results stay listed').to.be.above(0);
  });

  it('shows more results on request', async () => {
    const el = await searchBox({ limit: 5 });
    await typeInto(el, 'regulatory');
    await waitOptions(el);
    const total = expected('regulatory').length;
    expect(total).to.be.greaterThan(5);
    expect(options(el)).to.have.length(5);
    part(el, 'more')!.click();
    await waitUntil(() => options(el).length === Math.min(10, total), 'five more');
  });

  it('shows a keyword with its full bilingual definition, and a passage with its text and place', async () => {
    const el = await searchBox();
    await typeInto(el, 'sandbox');
    await waitOptions(el);
    const term = expected('sandbox').find((r) => r.entry.kind === 'term')!.entry;
    if (term.kind !== 'term') throw new Error('unreachable');
    const at = expected('sandbox').findIndex((r) => r.id === term.id);
    options(el)[at]!.click();
    await waitUntil(() => part(el, 'details') !== null);
    const details = part(el, 'details')!;
    expect(seen(details.querySelector('h2'))).to.equal(`${term.title.en} ${term.title.zh}`);
    const paras = (lang: string) => [...details.querySelectorAll(`.text[lang="${lang}"] p`)].map((p) => p.textContent);
    expect(paras('en')).to.deep.equal(term.definition.en);
    expect(paras('zh-Hans')).to.deep.equal(term.definition.zh);

    const back = part(el, 'back')!;
    back.click();
    await waitUntil(() => part(el, 'details') === null && isOpen(el), 'Back returns to the results');
    expect(root(el).activeElement?.id).to.equal('input');

    const passage = expected('sandbox').find((r) => r.entry.kind === 'passage')!.entry;
    if (passage.kind !== 'passage') throw new Error('unreachable');
    options(el)[expected('sandbox').findIndex((r) => r.id === passage.id)]!.click();
    await waitUntil(() => part(el, 'details') !== null);
    const d2 = part(el, 'details')!;
    expect(seen(d2.querySelector('h2'))).to.contain(passage.document.title.en!);
    expect(seen(d2.querySelector('.place'))).to.contain(passage.headings.join(' › '));
    expect(seen(d2.querySelector(`.text[lang="${passage.lang === 'zh' ? 'zh-Hans' : 'en'}"]`))).to.equal(passage.text);
  });

  it('shows markup in the data as text and never creates elements from it', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl(await hostileJson())}></bj-policy-search>`);
    delete (window as { __bjHacked?: string }).__bjHacked;
    await typeInto(el, 'script sandbox');
    const opts = await waitOptions(el);
    expect(opts.length).to.equal(2);
    expect(seen(opts[0])).to.contain('<script>window.__bjHacked = "script"</script>');
    const tags = (n: ParentNode) => new Set([...n.querySelectorAll('*')].map((e) => e.localName));
    const allowed = new Set([
      'div',
      'span',
      'mark',
      'a',
      'p',
      'button',
      'h2',
      'section',
      'cite',
      'label',
      'input',
      'fieldset',
      'legend',
      'svg',
      'circle',
      'path',
      'kbd',
    ]);
    const unexpected = () => [...tags(root(el))].filter((t) => !allowed.has(t));
    expect(unexpected()).to.deep.equal([]);
    expect([...root(el).querySelectorAll('mark')].some((m) => /script/i.test(m.textContent!))).to.equal(true);

    opts[0]!.click();
    await waitUntil(() => part(el, 'details') !== null);
    expect(seen(part(el, 'details'))).to.contain('<img src=x onerror=');
    expect(unexpected()).to.deep.equal([]);
    expect(part(el, 'details')!.querySelector('a'), 'a source URL without http(s):// is not a link').to.equal(null);
    await imageSettled(); // an injected <img src=x onerror> would have run its handler by now
    expect((window as { __bjHacked?: string }).__bjHacked).to.equal(undefined);
  });
});

describe('<bj-policy-search> as you type', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('never lets an older query, still waiting for the index, overwrite a newer one', async () => {
    let release!: () => void;
    let slowRequested = false;
    const gate = new Promise<void>((r) => (release = r));
    const restore = stubFetch({
      '/slow/bj-index.json': async () => {
        slowRequested = true;
        await gate;
        return jsonResponse();
      },
      '/fast/bj-index.json': () => jsonResponse(),
    });
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/slow/bj-index.json"></bj-policy-search>`);
      const searches: string[] = [];
      el.addEventListener('bj-search', (e) => searches.push(e.detail.query));
      await typeInto(el, 'hotline');
      await waitUntil(() => slowRequested, 'the slow index is requested');
      await el.updateComplete;
      expect(options(el)).to.have.length(0);
      el.index = '/fast/bj-index.json'; // e.g. the page switched indexes while the first one hung
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: ' sandbox' });
      const want = expected('hotlin sandbox').map((r) => r.id);
      const shown = () => options(el).map((o) => seen(o));
      // The box answers each keystroke in turn ('hotlin s', 'hotlin sa', …): wait for the last one.
      await waitUntil(() => searches.at(-1) === 'hotlin sandbox', 'the box searched for the whole query', { timeout: 5000 });
      await waitOptions(el);
      await el.updateComplete;
      const before = shown();
      expect(before.length).to.equal(Math.min(12, want.length));

      release(); // the first index arrives now, after the newer results
      await loadIndex(resolveIndexUrl('/slow/bj-index.json')); // …and is read: the older search resumes
      await settle();
      await el.updateComplete;
      expect(shown(), 'what the user sees still belongs to the newest query').to.deep.equal(before);
      expect(searches.at(-1)).to.equal('hotlin sandbox');
      expect(
        searches.filter((q) => 'hotline'.startsWith(q) && q !== 'hotlin'),
        'no search on the slow index reported',
      ).to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('does not search in the middle of an IME composition, and searches once when it ends', async () => {
    for (const order of ['input after compositionend (Chromium)', 'input before compositionend (Firefox)']) {
      clearIndexCache();
      const el = await searchBox();
      const input = combobox(el);
      input.focus();
      const searches: string[] = [];
      el.addEventListener('bj-search', (e) => searches.push(e.detail.query));
      const compose = (value: string) => {
        input.value = value;
        input.dispatchEvent(
          new InputEvent('input', { data: value, inputType: 'insertCompositionText', isComposing: true, bubbles: true, composed: true }),
        );
      };
      input.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
      compose('j');
      compose('jian');
      compose('jian g');
      await indexSettled(el); // a search started by these inputs would have finished by now
      expect(searches, `${order}: no search mid-composition`).to.deep.equal([]);
      expect(options(el)).to.have.length(0);

      const end = () => input.dispatchEvent(new CompositionEvent('compositionend', { data: '监管', bubbles: true }));
      const commit = () => {
        input.value = '监管';
        input.dispatchEvent(
          new InputEvent('input', {
            data: '监管',
            inputType: 'insertCompositionText',
            isComposing: order.includes('before'),
            bubbles: true,
            composed: true,
          }),
        );
      };
      if (order.includes('after')) {
        input.value = '监管';
        end();
        commit();
      } else {
        commit();
        end();
      }
      await waitOptions(el);
      await indexSettled(el); // a second search would have reported by now
      expect(searches, `${order}: exactly one search when the composition ends`).to.deep.equal(['监管']);
      expect(options(el).length).to.equal(Math.min(12, expected('监管').length));
    }
  });
});
