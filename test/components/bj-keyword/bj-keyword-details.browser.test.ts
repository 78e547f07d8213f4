/**
 * <bj-keyword> details readers and screen readers meet on real pages: no popover reopening under a
 * resting pointer after Escape, a definition that arrives late is announced, an alias says how it
 * relates, the source links to its publication, and aria-controls names only an existing popover.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { webHref as sourceHref } from '../../../src/search/validate.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { applyUiLocale } from '../../../src/shared/lang/locale.js';
import {
  centre,
  INDEX,
  isHidden,
  moveTo,
  panel,
  parkMouse,
  part,
  prepareIndex,
  trigger,
  waitContent,
  waitShown,
} from '../../helpers/keyword.js';
import { elapsed, waitUntil } from '../../helpers/wait.js';

describe('<bj-keyword> details', () => {
  before(prepareIndex);
  beforeEach(async () => {
    clearIndexCache();
    await parkMouse();
  });
  afterEach(async () => {
    await parkMouse();
    document.documentElement.lang = 'en';
    await applyUiLocale(document.documentElement);
  });

  it('after Escape, a keyword under the resting pointer does not open until the pointer moves', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en" style="width: 30rem">
        <p><bj-keyword id="a" index=${INDEX} show-delay="50" hide-delay="50">regulatory sandbox</bj-keyword></p>
        <p><bj-keyword id="b" index=${INDEX} show-delay="50" hide-delay="50">time banking</bj-keyword></p>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll('bj-keyword')] as BjKeyword[];
    await moveTo(trigger(a!));
    await waitShown(a!);
    await waitContent(a!);
    // Into a's popover, on the spot where b lies underneath it.
    const [x, y] = centre(trigger(b!));
    const box = panel(a!).getBoundingClientRect();
    expect(x > box.left && x < box.right && y > box.top && y < box.bottom, 'the popover covers the second keyword').to.equal(true);
    await moveTo(panel(a!));
    await moveTo([x, y]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => isHidden(a!), 'Escape closes the popover');
    await elapsed(400); // a test about a delay: show-delay is 50 ms, so a wrong opening would have happened by now (8x)
    expect(b!.open, 'the keyword under the resting pointer stays closed').to.equal(false);
    await moveTo([x + 3, y]);
    await waitUntil(() => b!.open, 'moving the pointer opens it', { timeout: 3000 });
  });

  it('announces the definition when it arrives after focus (slow index)', async () => {
    const slow = `/__bj/slow?ms=700&file=dist/bj-index.json&n=${Date.now()}`;
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${slow}>regulatory sandbox</bj-keyword>`);
    el.focus();
    await waitUntil(() => el.open, 'focus opens the popover');
    expect(part(el, 'notice')?.textContent).to.match(/Loading/);
    await waitContent(el);
    const live = [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((n) => n.textContent ?? '').join(' ');
    expect(live, 'a live region says the definition').to.match(/Regulatory sandbox\. A regulatory sandbox/);
  });

  for (const [lang, says] of [
    ['en', 'Related keyword:'],
    ['zh-Hans', '相关关键词：'],
    ['zh-Hant', '相關關鍵詞：'],
  ] as const) {
    it(`a keyword reached through an alias says "${says}" (${lang} UI)`, async () => {
      document.documentElement.lang = lang;
      const wrap = await fixture<HTMLElement>(
        html`<p lang="en">
          <bj-keyword index=${INDEX}>12345 citizen service hotline</bj-keyword>
          <bj-keyword index=${INDEX}>one issue per month</bj-keyword>
        </p>`,
      );
      const [alias, title] = [...wrap.querySelectorAll('bj-keyword')] as BjKeyword[];
      alias!.show();
      await waitContent(alias!);
      await waitUntil(() => part(alias!, 'relation')?.textContent?.trim() === says, `says ${says}`);
      expect(part(alias!, 'title')!.textContent).to.contain('One issue per month');
      title!.show();
      await waitContent(title!);
      expect(part(title!, 'relation'), 'no relation line when the text is the title').to.equal(null);
    });
  }

  it('links the source line to the publication’s http(s) address, rel=noopener; never other schemes', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX} term="jingban-jingtong-jingzhi">Jingban</bj-keyword>`);
    el.show();
    await waitContent(el);
    const link = part(el, 'source-link') as HTMLAnchorElement | null;
    expect(link, 'the source is a link').to.not.equal(null);
    expect(link!.href).to.equal('https://wb.beijing.gov.cn/');
    expect(link!.rel).to.equal('noopener');
    expect(sourceHref('javascript:alert(1)')).to.equal(undefined);
    expect(sourceHref('data:text/html,x')).to.equal(undefined);
    expect(sourceHref('/relative/path')).to.equal(undefined);
    expect(sourceHref('Foreign Affairs Office')).to.equal(undefined);
    expect(sourceHref('http://example.org/a?b')).to.equal('http://example.org/a?b');
  });

  it('names a popover in aria-controls only once that popover exists', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>regulatory sandbox</bj-keyword>`);
    const t = trigger(el);
    const target = () => t.getAttribute('aria-controls');
    expect(target() === null || el.shadowRoot!.getElementById(target()!) !== null, 'before the first opening').to.equal(true);
    el.show();
    await waitShown(el);
    expect(target()).to.equal('popover');
    expect(el.shadowRoot!.getElementById('popover')).to.not.equal(null);
  });
});
