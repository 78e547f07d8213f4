/**
 * <bj-keyword> on a district's own site (`bj-index build --site`): its related passages are links
 * to their pages and headings, as the search results for the same passages are; "and N more"
 * searches for the keyword in the page's search box; on a Chinese page, a Chinese page that uses
 * the keyword word for word is listed before English passages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/bj-keyword/bj-keyword.js';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { resultHref } from '../../../src/components/bj-policy-search/result-href.js';
import type { BuiltIndex } from '../../../src/search/format.js';
import type { SearchResult } from '../../../src/search/types.js';
import { PolicyIndex } from '../../../src/search/index.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { INDEX, isHidden, panel, part, waitContent, waitShown, withFreshKeywords } from '../../helpers/keyword.js';
import { options, waitOptions } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

const SITE = 'https://district.example.gov.cn';
const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The default index as a district's site would have it: every document a page of the site, and one
 * more Chinese page, last in the index, that names 监管沙盒 word for word.
 */
async function siteIndex(): Promise<{ url: string; index: PolicyIndex }> {
  const built = (await (await fetch(INDEX)).json()) as BuiltIndex;
  built.documents.forEach((d, i) => (d.url = `${SITE}/en/page-${i}.html`));
  built.documents.push({
    id: 'zh-notice',
    title: { zh: '关于开展监管沙盒试点的通知' },
    lang: 'zh',
    source: built.documents[0]!.source,
    url: `${SITE}/zh/notice.html`,
  });
  built.entries.push({
    kind: 'passage',
    id: 'zh-notice-p001',
    document: 'zh-notice',
    headings: ['一、试点范围'],
    text: '本区在金融科技领域开展监管沙盒试点，为新业态留出发展空间。',
    terms: ['regulatory-sandbox'],
    anchor: 'scope',
  });
  const json = JSON.stringify(built);
  return { url: URL.createObjectURL(new Blob([json], { type: 'application/json' })), index: PolicyIndex.fromJSON(JSON.parse(json)) };
}

async function open(el: BjKeyword): Promise<BjKeyword> {
  el.show();
  await waitShown(el);
  await waitContent(el);
  return el;
}

const passages = (el: BjKeyword): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="passage"]')];

describe('<bj-keyword> on a district site', () => {
  withFreshKeywords();
  let site: Awaited<ReturnType<typeof siteIndex>>;
  before(async () => (site = await siteIndex()));
  after(() => URL.revokeObjectURL(site.url));
  afterEach(() => clearIndexCache());

  it('links each related passage to its page and heading, as the search results do', async () => {
    const el = await open(await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${site.url}>regulatory sandbox</bj-keyword>`));
    const items = passages(el);
    expect(items.length).to.be.within(1, 3);
    const all = site.index.passagesFor('regulatory-sandbox');
    const expected = [...all.filter((p) => p.lang === 'en'), ...all.filter((p) => p.lang !== 'en')];
    items.forEach((item, i) => {
      const link = item.querySelector<HTMLAnchorElement>('a[href]');
      expect(link, `passage ${i + 1} is a link`).to.not.equal(null);
      // The search result adds a text fragment (the passage's opening words) to the same page and heading.
      const result = resultHref({ entry: expected[i]! } as SearchResult)!.replace(/#?:~:text=.*$/, '');
      expect(link!.href, 'the same page and heading as its search result').to.equal(result);
      const title = expected[i]!.document.title;
      expect(text(link), 'named by its document (and heading)').to.contain((title.en ?? title.zh)!);
    });
    await expect(panel(el)).to.be.accessible();
  });

  it('on a Chinese page, lists the Chinese page that uses the keyword word for word first', async () => {
    const wrap = await fixture<HTMLElement>(html`<p lang="zh-CN">本区开展<bj-keyword index=${site.url}>监管沙盒</bj-keyword>试点。</p>`);
    const el = await open(wrap.querySelector('bj-keyword')!);
    const [first] = passages(el);
    expect(text(first!.querySelector('[part~="passage-document"]'))).to.equal('关于开展监管沙盒试点的通知');
    expect(first!.querySelector('[part~="passage-snippet"]')!.getAttribute('lang')).to.equal('zh-Hans');
    expect(first!.querySelector('a')!.href).to.equal(`${SITE}/zh/notice.html#scope`);
  });

  it('"and N more" searches for the keyword in the page\'s search box, which lists them all', async () => {
    const term = site.index.terms().find((t) => site.index.passagesFor(t.id).length > 3)!;
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <bj-policy-search index=${site.url} label="Search"></bj-policy-search>
        <p>Read about <bj-keyword index=${site.url} term=${term.id}>it</bj-keyword> here.</p>
      </div>`,
    );
    const el = await open(wrap.querySelector('bj-keyword')!);
    const total = site.index.passagesFor(term.id).length;
    expect(total, 'more passages than the popover lists (the test needs that)').to.be.above(3);
    const more = part(el, 'related-search');
    expect(more, '"and N more" can be pressed').to.not.equal(null);
    expect(more!.localName, 'a button (it acts on this page)').to.equal('button');
    expect(text(more)).to.equal(`and ${total - 3} more`);
    more!.click();
    await waitUntil(() => isHidden(el), 'the popover closes');
    const box = wrap.querySelector('bj-policy-search')!;
    await waitOptions(box);
    expect(box.value, 'the keyword is searched').to.equal(term.title.en);
    expect(document.activeElement, 'focus in the search box').to.equal(box);
    expect(options(box).length, 'its passages are listed').to.be.at.least(Math.min(total, box.limit));
  });

  it('"and N more" stays text on a page without a search box', async () => {
    const term = site.index.terms().find((t) => site.index.passagesFor(t.id).length > 3)!;
    const el = await open(await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${site.url} term=${term.id}>it</bj-keyword>`));
    const count = part(el, 'related-count');
    expect(text(count)).to.match(/^and \d+ more$/);
    expect(count!.querySelector('a, button'), 'nowhere to search').to.equal(null);
  });
});
