import { expect, oneEvent } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import '../../../src/components/bj-annotate/bj-annotate.js';
import type { BjAnnotate } from '../../../src/components/bj-annotate/bj-annotate.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { serverDown } from '../../helpers/hardening.js';

/** The built index (`npm run build:index` writes it; `npm test` builds first). */
const INDEX = '/dist/bj-index.json';
let host: HTMLDivElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  host.remove();
  clearIndexCache();
});

/** Renders `template` into the page and waits for the first `bj-annotated`. */
async function mount(template: TemplateResult) {
  const done = oneEvent(host, 'bj-annotated');
  render(template, host);
  const el = host.querySelector('bj-annotate')!;
  const event = await done;
  return { el, detail: event.detail };
}

const marks = (root: Element) => [...root.querySelectorAll('bj-keyword')].map((k) => [k.getAttribute('term'), k.textContent]);

const nextBatch = (el: Element) => oneEvent(el, 'bj-annotated');

describe('<bj-annotate>', () => {
  it('marks English and Chinese keywords of the index in its content, and is accessible', async () => {
    const { el, detail } = await mount(html`
      <bj-annotate index=${INDEX} on="load">
        <p lang="en">Beijing runs a regulatory sandbox for fintech and offers service packages to firms.</p>
        <p lang="zh-Hans">北京推行告知承诺制，并在金融科技领域试行监管沙盒。</p>
      </bj-annotate>
    `);
    expect(marks(el)).to.deep.equal([
      ['regulatory-sandbox', 'regulatory sandbox'],
      ['service-packages', 'service packages'],
      ['notification-and-commitment', '告知承诺制'],
      // First per language: the Chinese paragraph's readers get their own 监管沙盒.
      ['regulatory-sandbox', '监管沙盒'],
    ]);
    expect(detail).to.deep.equal({ count: 4, added: 4 });
    expect(el.count).to.equal(4);
    expect(getComputedStyle(el).display).to.equal('contents');
    const keyword = el.querySelector('bj-keyword')!;
    expect(keyword.getAttribute('index')).to.equal(INDEX, 'keywords use the same index');
    await expect(host).to.be.accessible();
  });

  it('marks traditional Chinese, keeping the characters as written', async () => {
    const { el } = await mount(html`<bj-annotate index=${INDEX} on="load"><p lang="zh-Hant">試行監管沙盒與時間銀行。</p></bj-annotate>`);
    expect(marks(el)).to.deep.equal([
      ['regulatory-sandbox', '監管沙盒'],
      ['time-banking', '時間銀行'],
    ]);
  });

  it('marks a keyword split by inline markup, plurals, the longest name, and not "sandboxing"', async () => {
    const { el } = await mount(
      html`<bj-annotate index=${INDEX} on="load" all>
        <p>
          试行<strong>监管</strong>沙盒。Regulatory sandboxing differs from regulatory sandboxes under the notification-commitment system.
        </p>
      </bj-annotate>`,
    );
    expect(marks(el)).to.deep.equal([
      ['regulatory-sandbox', '监管沙盒'],
      ['regulatory-sandbox', 'regulatory sandboxes'],
      ['notification-and-commitment', 'notification-commitment system'],
    ]);
    expect(el.querySelector('bj-keyword > strong')!.textContent).to.equal('监管');
  });

  it('leaves links, headings, code, form fields, editable regions and [data-bj-skip] alone', async () => {
    const { el } = await mount(
      html`<bj-annotate index=${INDEX} on="load" all>
        <h2>监管沙盒</h2>
        <p><a href="#s">监管沙盒</a> <code>监管沙盒</code> <button>监管沙盒</button></p>
        <textarea>监管沙盒</textarea>
        <div contenteditable="true">监管沙盒</div>
        <aside data-bj-skip><p>监管沙盒</p></aside>
        <p>只有这里：监管沙盒</p>
      </bj-annotate>`,
    );
    expect(el.count).to.equal(1);
    expect(el.querySelector('bj-keyword')!.parentElement!.textContent).to.equal('只有这里：监管沙盒');
  });

  it('marks the first occurrence by default, every one with `all`, at most `max`', async () => {
    const content = html`<p>监管沙盒、服务包、监管沙盒、服务包、时间银行</p>`;
    const first = await mount(html`<bj-annotate index=${INDEX} on="load">${content}</bj-annotate>`);
    expect(first.el.count).to.equal(3);
    render(html``, host);
    const all = await mount(html`<bj-annotate index=${INDEX} on="load" all>${content}</bj-annotate>`);
    expect(all.el.count).to.equal(5);
    render(html``, host);
    const max = await mount(html`<bj-annotate index=${INDEX} on="load" all max="2">${content}</bj-annotate>`);
    expect(marks(max.el).map(([, t]) => t)).to.deep.equal(['监管沙盒', '服务包']);
  });

  it('marks content added or changed later', async () => {
    const { el } = await mount(html`<bj-annotate index=${INDEX} on="load"><p id="a">Nothing yet.</p></bj-annotate>`);
    expect(el.count).to.equal(0);
    const p = document.createElement('p');
    p.textContent = '新增：时间银行';
    let batch = nextBatch(el);
    el.append(p);
    expect((await batch).detail).to.deep.equal({ count: 1, added: 1 });
    expect(p.querySelector('bj-keyword')!.textContent).to.equal('时间银行');

    batch = nextBatch(el);
    (el.querySelector('#a')!.firstChild as Text).data = 'Now the regulatory sandbox.';
    expect((await batch).detail.added).to.equal(1);
    expect(marks(el.querySelector('#a')!)).to.deep.equal([['regulatory-sandbox', 'regulatory sandbox']]);
  });

  it('restores the DOM exactly when removed from the page or on restore()', async () => {
    const source = document.createElement('div');
    source.append(document.createElement('p'), document.createElement('p'));
    source.children[0]!.append('监管沙盒 and ', Object.assign(document.createElement('b'), { textContent: 'time' }), ' banking');
    source.children[1]!.textContent = 'Service packages, 告知承诺制';
    const before = source.cloneNode(true);
    const texts = [...source.querySelectorAll('p, b')].flatMap((e) => [...e.childNodes]);

    const el = document.createElement('bj-annotate') as BjAnnotate;
    el.index = INDEX;
    el.on = 'load';
    el.append(...source.childNodes);
    const done = oneEvent(el, 'bj-annotated');
    host.append(el);
    expect((await done).detail.count).to.equal(4);

    el.remove();
    const after = document.createElement('div');
    after.append(...el.childNodes);
    expect(after.isEqualNode(before)).to.equal(true);
    expect([...after.querySelectorAll('p, b')].flatMap((e) => [...e.childNodes])).to.deep.equal(texts);

    el.append(...after.childNodes);
    const again = oneEvent(el, 'bj-annotated');
    host.append(el);
    expect((await again).detail.count).to.equal(4, 'annotated again when put back');
    el.restore();
    const restored = document.createElement('div');
    restored.append(...[...el.childNodes].map((n) => n.cloneNode(true)));
    expect(restored.isEqualNode(before)).to.equal(true);
    expect(el.count).to.equal(0);
  });

  it('fires bj-error and leaves the text untouched when the index cannot load', async () => {
    const errored = oneEvent(host, 'bj-error');
    render(html`<bj-annotate index="/no/such/bj-index.json" on="load"><p>监管沙盒</p></bj-annotate>`, host);
    const event = await errored;
    expect(event.detail.code).to.equal('http');
    expect(event.detail.message).to.match(/^bj:/);
    expect(host.querySelector('bj-annotate p')!.childNodes.length).to.equal(1);
    expect(host.querySelectorAll('bj-keyword').length).to.equal(0);
  });

  it('after a failed load, tries again when its settings change, marks the text, and reported the failure once', async () => {
    const { url, up } = await serverDown();
    const errors: string[] = [];
    host.addEventListener('bj-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
    const errored = oneEvent(host, 'bj-error');
    render(html`<bj-annotate index=${url} on="load"><p>监管沙盒 and 监管沙盒 again</p></bj-annotate>`, host);
    await errored;
    const el = host.querySelector('bj-annotate')!;
    expect(el.querySelectorAll('bj-keyword').length, 'text untouched after the failure').to.equal(0);
    await up();
    const done = oneEvent(host, 'bj-annotated');
    el.all = true;
    await done;
    expect(marks(el)).to.deep.equal([
      ['regulatory-sandbox', '监管沙盒'],
      ['regulatory-sandbox', '监管沙盒'],
    ]);
    expect(errors, 'one bj-error').to.deep.equal(['http']);
  });

  it('with on="idle", marks when the browser is idle; the `skip` selector leaves more alone', async () => {
    const { el } = await mount(
      html`<bj-annotate index=${INDEX} on="idle" skip=".aside" all>
        <p class="aside">监管沙盒</p>
        <p>时间银行与<span class="aside">服务包</span></p>
      </bj-annotate>`,
    );
    expect(marks(el)).to.deep.equal([['time-banking', '时间银行']]);
  });

  it('with the default on="visible", waits until the content is near the viewport', async () => {
    render(
      html`<div style="height: 300vh"></div>
        <bj-annotate index=${INDEX}><p>监管沙盒</p></bj-annotate>`,
      host,
    );
    const el = host.querySelector('bj-annotate')!;
    await el.updateComplete;
    // Observers report in creation order: once ours has delivered its first (not intersecting) entry
    // for the paragraph, the element's observer, created on connection, has seen it too.
    await new Promise<void>((resolve) => {
      const io = new IntersectionObserver(() => (io.disconnect(), resolve()), { rootMargin: '200px' });
      io.observe(el.querySelector('p')!);
    });
    expect(el.querySelectorAll('bj-keyword').length).to.equal(0);
    const done = oneEvent(el, 'bj-annotated');
    el.querySelector('p')!.scrollIntoView();
    expect((await done).detail.count).to.equal(1);
    window.scrollTo(0, 0);
  });
});
