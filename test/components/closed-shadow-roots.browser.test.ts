/**
 * The elements inside a framework's closed shadow root (`attachShadow({ mode: 'closed' })`), where
 * the document cannot see inside: presses inside a popup must not count as outside presses, and
 * the page-wide `/` shortcut must not take a `/` typed into a field inside such a root.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/bj-keyword/bj-keyword.js';
import '../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { centre, INDEX, parkMouse } from '../helpers/keyword.js';
import { waitUntil } from '../helpers/wait.js';

let counter = 0;
/** A custom element whose shadow root is closed (as some frameworks make them), holding `markup`. */
async function closedHost(markup: string): Promise<{ host: HTMLElement; root: ShadowRoot }> {
  const name = `closed-host-${++counter}`;
  let root!: ShadowRoot;
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        root = this.attachShadow({ mode: 'closed' });
      }
    },
  );
  const wrap = await fixture<HTMLElement>(html`<div></div>`);
  const host = document.createElement(name);
  wrap.append(host);
  const template = document.createElement('template');
  template.innerHTML = markup;
  root.append(template.content);
  expect(host.shadowRoot, 'the root is closed').to.equal(null);
  return { host, root };
}

const click = (el: Element) => sendMouse({ type: 'click', position: centre(el) });

describe('inside a closed shadow root', () => {
  // The popover's and the search box's parts, compiled by the test server on first request: under a
  // loaded CI machine that alone can take seconds, which is not what these tests measure.
  before(async function () {
    this.timeout(60_000);
    await Promise.all([
      import('../../src/components/bj-keyword/keyword-popover.js'),
      import('../../src/components/bj-policy-search/search-controller.js'),
    ]);
  });
  beforeEach(async () => {
    clearIndexCache();
    await parkMouse();
  });
  afterEach(parkMouse);

  it('<bj-keyword>: clicks on the popover’s title and More keep it open; an outside click closes it', async () => {
    const { root } = await closedHost(
      `<p lang="en" style="margin: 2rem">Try the <bj-keyword index="${INDEX}" show-delay="5000">regulatory sandbox</bj-keyword>.</p>`,
    );
    const kw = root.querySelector('bj-keyword') as BjKeyword;
    await customElements.whenDefined('bj-keyword');
    await click(kw.shadowRoot!.querySelector('[part~="trigger"]')!);
    await waitUntil(() => kw.shadowRoot!.querySelector('[part~="title"]'), 'the definition shows', { timeout: 5000 });
    await click(kw.shadowRoot!.querySelector('[part~="title"]')!);
    expect(kw.open, 'a click on the title keeps it open').to.equal(true);
    const more = kw.shadowRoot!.querySelector('[part~="more"]');
    if (more) {
      await click(more);
      await kw.updateComplete;
      expect(kw.open, 'a click on More keeps it open').to.equal(true);
    }
    await sendMouse({ type: 'click', position: [5, 595] });
    await waitUntil(() => !kw.open, 'an outside click closes it');
  });

  it('<bj-policy-search>: a click on a filter keeps the results open', async () => {
    const { root } = await closedHost(`<bj-policy-search index="${INDEX}" style="width: 24rem"></bj-policy-search>`);
    const search = root.querySelector('bj-policy-search') as BjPolicySearch;
    await search.updateComplete;
    search.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'supervision' });
    await waitUntil(() => search.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'results', { timeout: 5000 });
    const filter = search.shadowRoot!.querySelectorAll('.seg')[1]!;
    await click(filter);
    await search.updateComplete;
    expect(search.open, 'the results stay open').to.equal(true);
    expect(search.shadowRoot!.querySelector<HTMLInputElement>('.seg input:checked')!.value).to.not.equal('all');
  });

  it('the `/` shortcut leaves a `/` typed into a field inside a closed root alone', async () => {
    const page = await fixture<HTMLElement>(html`<div><bj-policy-search shortcut index=${INDEX}></bj-policy-search></div>`);
    const search = page.querySelector('bj-policy-search')!;
    await search.updateComplete;
    const { root } = await closedHost('<label>Comment <input id="comment"></label>');
    const field = root.querySelector('input')!;
    field.focus();
    await sendKeys({ type: 'a/b' });
    expect(field.value).to.equal('a/b');
    expect(search.shadowRoot!.activeElement, 'the search box did not take focus').to.equal(null);
    // Outside any field, `/` still reaches the search box.
    field.blur();
    await sendKeys({ press: '/' });
    await waitUntil(() => search.shadowRoot!.activeElement?.localName === 'input', '`/` focuses the search box');
  });
});
