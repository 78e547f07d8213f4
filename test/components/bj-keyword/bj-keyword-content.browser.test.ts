import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { shardIndex } from '../../../src/search/shards/build.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { INDEX, freshIndexUrl, part, prepareIndex, testIndex, waitContent, waitShown } from '../../helpers/keyword.js';
import { waitUntil } from '../../helpers/wait.js';

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const all = (el: BjKeyword, selector: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

async function open(template: ReturnType<typeof html>): Promise<BjKeyword> {
  const wrap = await fixture<HTMLElement>(template);
  const el = (wrap.localName === 'bj-keyword' ? wrap : wrap.querySelector('bj-keyword')!) as BjKeyword;
  el.show();
  await waitShown(el);
  await waitContent(el);
  return el;
}

describe('<bj-keyword> content', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('on an English page: English title first, then Chinese, each with its lang; section; source line', async () => {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    expect(text(part(el, 'title'))).to.equal(sandbox.title.en);
    expect(part(el, 'title')!.lang).to.equal('en');
    expect(text(part(el, 'alt-title'))).to.equal(sandbox.title.zh);
    expect(part(el, 'alt-title')!.lang).to.equal('zh-Hans');
    const sections = all(el, '[part~="section"] span');
    expect(sections.map((s) => [s.lang, text(s)])).to.deep.equal([
      ['en', sandbox.section!.en],
      ['zh-Hans', sandbox.section!.zh],
    ]);
    const source = text(part(el, 'source'));
    expect(source).to.contain('Source:');
    expect(source).to.contain(sandbox.edition);
    expect(source).to.contain(`No. ${sandbox.number}`);
    expect(source).to.contain((sandbox.source.url || sandbox.source.publisher)!);
  });

  it('on a Chinese page (<html lang>): Chinese first and the interface in Chinese (simplified and traditional)', async () => {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const page = document.documentElement.lang;
    try {
      document.documentElement.lang = 'zh-CN';
      const el = await open(html`<p><bj-keyword index=${INDEX}>监管沙盒</bj-keyword></p>`);
      expect(text(part(el, 'title'))).to.equal(sandbox.title.zh);
      expect(part(el, 'title')!.lang).to.equal('zh-Hans');
      expect(text(part(el, 'alt-title'))).to.equal(sandbox.title.en);
      // The interface's Chinese strings are a module of their own, loaded on first use: on a loaded
      // machine (CI) that takes more than waitUntil's default second.
      await waitUntil(() => text(part(el, 'more')) === '展开', 'localised More', { timeout: 10_000 });
      expect(text(part(el, 'source'))).to.contain(`第 ${sandbox.number} 条`);
      const first = el.shadowRoot!.querySelector('[part~="definition"] p') as HTMLElement;
      expect(first.lang).to.equal('zh-Hans');

      document.documentElement.lang = 'zh-TW';
      const tw = await open(html`<p><bj-keyword index=${INDEX}>監管沙盒</bj-keyword></p>`);
      await waitUntil(() => text(part(tw, 'more')) === '展開', 'traditional More', { timeout: 10_000 });
      expect(text(part(tw, 'source'))).to.contain('來源');
    } finally {
      document.documentElement.lang = page;
    }
  });

  it("on a bilingual page: the paragraph orders the languages, the page (or the keyword's own lang) the labels", async () => {
    const page = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      const wrap = await fixture<HTMLElement>(
        html`<div>
          <p lang="zh-Hans"><bj-keyword index=${INDEX}>监管沙盒</bj-keyword></p>
          <p lang="zh-Hant"><bj-keyword index=${INDEX}>監管沙盒</bj-keyword></p>
          <p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>
          <p lang="en"><bj-keyword lang="zh-Hant" index=${INDEX}>監管沙盒</bj-keyword></p>
        </div>`,
      );
      const [hans, hant, en, own] = [...wrap.querySelectorAll('bj-keyword')] as BjKeyword[];
      // A keyword in a Chinese paragraph of an English page: Chinese title first, English labels; its
      // opening never switches the page's labels to Chinese (one UI locale per page).
      for (const [el, more, title] of [
        [hans, 'More', '监管沙盒'],
        [own, '展開', '监管沙盒'],
        [hant, 'More', '监管沙盒'],
        [en, 'More', 'Regulatory sandbox'],
      ] as const) {
        el!.show();
        await waitShown(el!);
        await waitContent(el!);
        await waitUntil(() => text(part(el!, 'more')) === more, `${title}: ${more}`);
        expect(text(part(el!, 'title'))).to.equal(title);
      }
    } finally {
      document.documentElement.lang = page;
    }
  });

  it("on an old CMS page that marks no language: the keyword's own script decides which language comes first", async () => {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const page = document.documentElement.lang;
    try {
      document.documentElement.lang = '';
      const zh = await open(html`<p><bj-keyword index=${INDEX}>监管沙盒</bj-keyword></p>`);
      expect(text(part(zh, 'title')), 'a Chinese keyword in unmarked text: Chinese first').to.equal(sandbox.title.zh);
      expect((zh.shadowRoot!.querySelector('[part~="definition"] p') as HTMLElement).lang).to.equal('zh-Hans');
      // A template's <html lang="zh-CN"> over an English paragraph without lang: the English reader leads.
      document.documentElement.lang = 'zh-CN';
      const en = await open(html`<p><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
      expect(text(part(en, 'title')), 'an English keyword in unmarked text: English first').to.equal(sandbox.title.en);
    } finally {
      document.documentElement.lang = page;
    }
  });

  it('shows only the published language for an English-only keyword, whatever display says', async () => {
    const microgram = testIndex().lookupTerm('every microgram counts')!;
    expect(microgram.title.zh, 'the source has no Chinese for this keyword').to.equal(undefined);
    for (const display of ['both', 'page', 'zh', 'en'] as const) {
      const el = await open(html`<p lang="zh-Hans"><bj-keyword index=${INDEX} display=${display}>every microgram counts</bj-keyword></p>`);
      expect(text(part(el, 'title')), display).to.equal(microgram.title.en);
      expect(part(el, 'title')!.lang, display).to.equal('en');
      expect(part(el, 'alt-title'), display).to.equal(null);
      for (const p of all(el, '[part~="definition"] p')) expect(p.lang, display).to.equal('en');
    }
  });

  it('display="en" / "zh" / "page" show one language', async () => {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const zh = await open(html`<p lang="en"><bj-keyword index=${INDEX} display="zh">监管沙盒</bj-keyword></p>`);
    expect(text(part(zh, 'title'))).to.equal(sandbox.title.zh);
    expect(part(zh, 'alt-title')).to.equal(null);
    part(zh, 'more')?.click();
    await zh.updateComplete;
    expect(all(zh, '[part~="definition"] p').every((p) => p.lang === 'zh-Hans')).to.equal(true);

    const page = await open(html`<p lang="en"><bj-keyword index=${INDEX} display="page">监管沙盒</bj-keyword></p>`);
    expect(text(part(page, 'title'))).to.equal(sandbox.title.en);
    expect(part(page, 'alt-title')).to.equal(null);
  });

  it('cuts a long definition with More, and Less brings the short form back', async () => {
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX} display="en" term="regulatory-sandbox">x</bj-keyword></p>`);
    await waitUntil(() => part(el, 'more') !== null, 'More button');
    const more = part(el, 'more')!;
    const collapsed = text(part(el, 'definition'));
    expect(collapsed.length).to.be.lessThan(sandbox.definition.en!.join(' ').length);
    expect(sandbox.definition.en![0]!.startsWith(collapsed.replace(/…$/, ''))).to.equal(true);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(text(more)).to.equal('More');

    more.click();
    await el.updateComplete;
    expect(all(el, '[part~="definition"] p').map(text)).to.deep.equal(sandbox.definition.en);
    expect(part(el, 'more')!.getAttribute('aria-expanded')).to.equal('true');
    expect(text(part(el, 'more'))).to.equal('Less');
    part(el, 'more')!.click();
    await el.updateComplete;
    expect(text(part(el, 'definition'))).to.equal(collapsed);
  });

  it('lists up to three related policy passages with document, heading and a snippet marking the keyword', async () => {
    const index = testIndex();
    const withMany = index.terms().find((t) => index.passagesFor(t.id).length > 3);
    const withSome = index.terms().find((t) => index.passagesFor(t.id).length > 0)!;
    for (const term of [withSome, withMany].filter((t) => t !== undefined)) {
      const passages = index.passagesFor(term.id);
      const el = await open(html`<p lang="en"><bj-keyword index=${INDEX} term=${term.id}>it</bj-keyword></p>`);
      expect(text(part(el, 'related-heading'))).to.equal(`Related policy passages (${passages.length})`);
      const items = all(el, '[part~="passage"]');
      expect(items).to.have.length(Math.min(3, passages.length));
      items.forEach((item, i) => {
        const p = passages[i]!;
        expect(text(item.querySelector('[part~="passage-document"]'))).to.equal(p.document.title.en);
        const heading = item.querySelector<HTMLElement>('[part~="passage-heading"]');
        if (p.headings.length) expect(text(heading)).to.equal(p.headings[p.headings.length - 1]);
        const snippet = item.querySelector<HTMLElement>('[part~="passage-snippet"]')!;
        expect(snippet.lang).to.equal(p.lang === 'zh' ? 'zh-Hans' : 'en');
        expect(p.text.replace(/\s+/g, ' ')).to.contain(text(snippet).replace(/^…|…$/g, '').slice(0, 30));
      });
      if (passages.length > 3) expect(text(part(el, 'related-count'))).to.equal(`and ${passages.length - 3} more`);
      else expect(part(el, 'related-count')).to.equal(null);
    }
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX}>Sandbox Supervision</bj-keyword></p>`);
    const marks = all(el, '[part~="passage-snippet"] mark').map(text);
    expect(marks.length).to.be.greaterThan(0);
    expect(marks.every((m) => /sandbox/i.test(m))).to.equal(true);
  });

  it('on a sharded index (a district-size site), counts every related passage though the catalogue lists only a few', async () => {
    const index = testIndex();
    const term = index.terms().find((t) => index.passagesFor(t.id).length > 3)!;
    expect(term, 'a keyword with more than 3 related passages (the test needs one)').to.not.equal(undefined);
    const total = index.passagesFor(term.id).length;
    // The same corpus as `bj-index build --shards always` writes it; the popover reads only the entry file.
    const built = (await (await fetch(INDEX)).json()) as Parameters<typeof shardIndex>[0];
    const { entry } = shardIndex(built, { relatedPerKeyword: 1 });
    const url = URL.createObjectURL(new Blob([JSON.stringify(entry)], { type: 'application/json' }));
    try {
      const el = await open(html`<p lang="en"><bj-keyword index=${url} term=${term.id}>it</bj-keyword></p>`);
      expect(text(part(el, 'related-heading'))).to.equal(`Related policy passages (${total})`);
      const listed = all(el, '[part~="passage"]').length;
      expect(listed, 'lists what the catalogue holds').to.be.within(1, 3);
      expect(text(part(el, 'related-count'))).to.equal(`and ${total - listed} more`);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('shows "Loading definition…" while the index loads', async () => {
    const url = freshIndexUrl();
    const original = window.fetch;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === url ? gate.then(() => original.call(window, input, init)) : original.call(window, input, init);
    try {
      const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${url}>监管沙盒</bj-keyword>`);
      el.show();
      await waitShown(el);
      expect(text(part(el, 'notice'))).to.equal('Loading definition…');
      expect(part(el, 'title')).to.equal(null);
      release();
      await waitContent(el);
      expect(part(el, 'notice')).to.equal(null);
    } finally {
      window.fetch = original;
    }
  });
});
