import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/bj-glossary/bj-glossary.js';
import type { BjGlossary } from '../../../src/components/bj-glossary/bj-glossary.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { INDEX, prepareIndex, testIndex } from '../../helpers/keyword.js';
import { waitUntil } from '../../helpers/wait.js';

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const entries = (el: BjGlossary): HTMLElement[] => [...el.querySelectorAll<HTMLElement>('[part~="entry"]')];
const shown = (el: BjGlossary): string[] =>
  entries(el)
    .filter((e) => !e.hidden)
    .map((e) => e.id);
const inView = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.top >= -1 && r.top < innerHeight;
};

/** The glossary of `template` (itself or inside it), once it lists its keywords. */
async function glossary(template = html`<bj-glossary index=${INDEX}></bj-glossary>`): Promise<BjGlossary> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'bj-glossary' ? root : root.querySelector('bj-glossary')!) as BjGlossary;
  await waitUntil(() => entries(el).length > 0, 'the glossary lists its keywords', { timeout: 10000 });
  return el;
}

/** Puts `hash` in the address bar without navigating (as a link from another page would have). */
function arriveWith(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

describe('<bj-glossary>', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  afterEach(async () => {
    arriveWith('');
    await setViewport({ width: 800, height: 600 });
  });

  it('lists every keyword of the index once, grouped by section, with both titles in their own language', async () => {
    const el = await glossary(html`<div lang="en"><bj-glossary index=${INDEX}></bj-glossary></div>`);
    const terms = testIndex().terms();
    expect(terms).to.have.length(13);
    expect(
      entries(el)
        .map((e) => e.id)
        .sort(),
    ).to.deep.equal(terms.map((t) => t.id).sort());
    for (const t of terms) {
      const entry = el.querySelector<HTMLElement>(`#${CSS.escape(t.id)}`)!;
      if (t.title.en) expect(text(entry.querySelector('[lang="en"]'))).to.contain(t.title.en);
      if (t.title.zh) expect(text(entry.querySelector('[lang="zh-Hans"]'))).to.contain(t.title.zh);
      expect(text(entry.querySelector('[part~="definition"]'))).to.contain((t.definition.en ?? t.definition.zh)![0]!.slice(0, 20));
      expect(text(entry.querySelector('[part~="source"]'))).to.contain(t.edition);
      // Its section heading is the nearest one above it.
      const section = entry.closest('[part~="section"]')!;
      expect(text(section.querySelector('h2'))).to.contain(t.section!.en!);
    }
    const sandbox = el.querySelector('#regulatory-sandbox')!;
    expect(sandbox.querySelectorAll('[part~="passage"]').length).to.be.greaterThan(0);
    const link = sandbox.querySelector<HTMLAnchorElement>('[part~="source"] a');
    if (testIndex().term('regulatory-sandbox')!.source.url) expect(link?.href).to.match(/^https?:/);
  });

  it('has a working anchor per keyword: following #id shows that entry', async () => {
    const el = await glossary();
    const last = entries(el).at(-1)!;
    const permalink = last.querySelector<HTMLAnchorElement>(`a[href="#${last.id}"]`)!;
    expect(permalink, 'a link to the entry itself').to.exist;
    permalink.click();
    await waitUntil(() => location.hash === `#${last.id}` && inView(last), 'the entry scrolls into view');
    expect(last.matches(':target')).to.equal(true);
  });

  it('scrolls to the entry named in the address when it arrives (a link from another page)', async () => {
    arriveWith('#time-banking');
    const el = await glossary(
      html`<div>
        <div style="height: 3000px"></div>
        <bj-glossary index=${INDEX}></bj-glossary>
      </div>`,
    );
    await waitUntil(() => inView(el.querySelector('#time-banking')!), 'the named entry is in view');
  });

  it('filters as you type through the search (English, Chinese, pinyin), and says how many are shown', async () => {
    const el = await glossary();
    const box = el.querySelector<HTMLInputElement>('input[type="search"]')!;
    box.focus();
    await sendKeys({ type: 'sandbox' });
    await waitUntil(() => shown(el).length === 1, 'one keyword left');
    expect(shown(el)).to.deep.equal(['regulatory-sandbox']);
    expect(text(el.querySelector('[role="status"]'))).to.contain('1');
    box.select();
    await sendKeys({ type: 'shijianyinhang' });
    await waitUntil(() => shown(el).includes('time-banking') && !shown(el).includes('regulatory-sandbox'), 'pinyin finds time banking');
    box.select();
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => shown(el).length === 13, 'clearing shows every keyword again');
    box.select();
    await sendKeys({ type: 'zzzzqqq' });
    await waitUntil(() => shown(el).length === 0, 'nothing matches');
    expect(text(el.querySelector('[role="status"]'))).to.match(/no keyword/i);
  });

  it('sorts by English or by pinyin within each section', async () => {
    const el = await glossary(html`<bj-glossary index=${INDEX} sort="en"></bj-glossary>`);
    const business = (): string[] =>
      [...el.querySelectorAll<HTMLElement>('[part~="section"]')[0]!.querySelectorAll<HTMLElement>('[part~="entry"]')].map((e) => e.id);
    const byEn = business().map((id) =>
      testIndex()
        .term(id)!
        .title.en!.replace(/^(the |")+/i, ''),
    );
    expect(byEn).to.deep.equal([...byEn].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const select = el.querySelector<HTMLSelectElement>('select')!;
    select.value = 'pinyin';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.sort).to.equal('pinyin');
    // 服务包 (fu), 告知承诺制 (gao), 监管沙盒 (jian), 无感审批 (wu), then “6+4”… (no pinyin: after the Han titles or before them, not between)
    const zh = business().map((id) => testIndex().term(id)!.title.zh!);
    const han = zh.filter((t) => /^\p{Script=Han}/u.test(t));
    expect(han).to.deep.equal(['服务包', '告知承诺制', '监管沙盒', '无感审批']);
  });

  it('shows its labels in the page language (Chinese)', async () => {
    const page = document.documentElement.lang;
    try {
      document.documentElement.lang = 'zh-CN';
      const el = await glossary();
      // The translation chunk arrives first (up to 5 s on a loaded CI machine; Firefox timed out at 1 s).
      await waitUntil(() => text(el.querySelector('label')).includes('筛选'), 'the filter label in Chinese', { timeout: 5000 });
      // Chinese first on a Chinese page.
      const first = el.querySelector('#regulatory-sandbox [part~="title"]')!;
      expect(first.getAttribute('lang')).to.equal('zh-Hans');
    } finally {
      document.documentElement.lang = page;
    }
  });

  it('is accessible (axe)', async function () {
    this.timeout(30000); // axe reads every entry: long on a busy machine
    const el = await glossary();
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await glossary();
    expect(document.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(320);
    for (const entry of entries(el)) expect(entry.getBoundingClientRect().right).to.be.at.most(320);
    const box = el.querySelector('input[type="search"]')!.getBoundingClientRect();
    expect(box.right).to.be.at.most(320);
    expect(box.height, 'a touch target of at least 24 px').to.be.at.least(24);
  });

  it('tells when the index cannot load, and Retry loads it again', async () => {
    const broken = await fixture<BjGlossary>(html`<bj-glossary index="/__bj/status/404"></bj-glossary>`);
    await waitUntil(() => broken.querySelector('[part~="retry"]'), 'a Retry button');
    expect(text(broken.querySelector('[part~="notice"]'))).to.match(/unavailable/i);
    expect(entries(broken)).to.have.length(0);
  });
});
