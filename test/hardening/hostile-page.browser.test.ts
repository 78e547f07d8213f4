/**
 * Hostile pages: the elements stay readable and usable under aggressive page CSS — `all: unset`
 * (also `!important`) on every ancestor, `font-size: 0` ancestors, `!important` rules aimed at the
 * elements and at buttons and inputs, right-to-left ancestors — and their floating panels show on
 * top inside `overflow: hidden` containers next to a sticky header with the highest z-index
 * (`elementFromPoint` at the panel's centre hits the panel, not the header).
 */
import { expect, fixture } from '@open-wc/testing';
import { resetMouse, sendKeys, setViewport } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/bj-policy-widgets.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { REAL_INDEX, centre, fresh, hover, part, waitFor, watchErrors } from '../helpers/hardening.js';
import { waitOptions } from '../helpers/policy-search.js';
import { animationsFinished, placementSettled } from '../helpers/wait.js';

interface Hostility {
  name: string;
  css: string;
  dir?: 'rtl';
}

const HOSTILE: Hostility[] = [
  { name: '`all: unset` on every ancestor', css: '.hostile, .hostile * { all: unset; }' },
  { name: '`all: unset !important` on every ancestor', css: '.hostile, .hostile * { all: unset !important; }' },
  { name: '`font-size: 0` on the ancestors', css: '.hostile, .hostile div { font-size: 0 !important; line-height: 0 !important; }' },
  {
    name: '`!important` rules on the elements, buttons and inputs',
    css: `bj-keyword, bj-policy-search { all: unset !important; color: transparent !important; font: 0/0 serif !important; }
      button, input, [role="button"], [popover], [role="listbox"] { display: none !important; visibility: hidden !important; opacity: 0 !important; }
      * { z-index: 2147483647 !important; }`,
  },
  { name: 'a right-to-left ancestor', css: '.hostile { text-align: right; }', dir: 'rtl' },
];

/** A point `el` covers on screen (top layer included), as the user's pointer would find it. */
function hits(el: Element): boolean {
  const [x, y] = centre(el);
  const root = el.getRootNode() as ShadowRoot | Document;
  const top = root.elementFromPoint(x, y);
  return top !== null && (top === el || el.contains(top));
}

function readable(el: Element): void {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  expect(r.width, `${el.localName} width`).to.be.greaterThan(20);
  expect(r.height, `${el.localName} height`).to.be.greaterThan(8);
  expect(parseFloat(style.fontSize), `${el.localName} font-size`).to.be.at.least(10);
  expect(style.visibility).to.equal('visible');
  expect(Number(style.opacity)).to.be.greaterThan(0.9);
  expect(r.right).to.be.at.most(window.innerWidth + 1);
  expect(r.left).to.be.at.least(-1);
}

describe('hostile pages', function () {
  this.timeout(20000);
  let watch: ReturnType<typeof watchErrors>;
  beforeEach(async () => {
    clearIndexCache();
    await resetMouse();
    await setViewport({ width: 1000, height: 700 });
    watch = watchErrors();
  });
  afterEach(() => {
    watch.stop();
    expect(watch.errors).to.deep.equal([]);
  });

  for (const h of HOSTILE) {
    it(`<bj-keyword> under ${h.name}: the popover opens, is readable and on top`, async () => {
      const wrap = await fixture<HTMLElement>(staticHtml`<div>
        <style>${unsafeStatic(h.css)}</style>
        <div class="hostile" dir=${h.dir ?? 'ltr'} lang="en"><div><div><p>
          Beijing piloted a <bj-keyword index=${fresh(REAL_INDEX)} show-delay="0">regulatory sandbox</bj-keyword> for fintech.
        </p></div></div></div>
      </div>`);
      const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
      el.show(); // the trigger may be invisible under these rules; the API and focus still work
      const title = await waitFor(() => el.open && part(el, 'title'), 'definition appears');
      await placementSettled(el); // the popover was placed for its content
      const panel = part(el, 'popover')!;
      await animationsFinished(panel); // the fade-in ended: opacity as the reader sees it
      readable(panel);
      readable(title);
      expect(title.textContent).to.equal('Regulatory sandbox');
      expect(hits(panel), 'elementFromPoint at the popover centre is the popover').to.equal(true);
    });

    it(`<bj-policy-search> under ${h.name}: the box and results are readable and usable`, async () => {
      const wrap = await fixture<HTMLElement>(staticHtml`<div>
        <style>${unsafeStatic(h.css)}</style>
        <div class="hostile" dir=${h.dir ?? 'ltr'} lang="en"><div><div>
          <bj-policy-search index=${fresh(REAL_INDEX)} lang="en"></bj-policy-search>
        </div></div></div>
      </div>`);
      const el = wrap.querySelector<BjPolicySearch>('bj-policy-search')!;
      const input = part(el, 'input') as HTMLInputElement;
      readable(input);
      input.focus();
      await sendKeys({ type: 'regulatory sandbox' });
      const option = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[role="option"]'), 'results appear');
      await placementSettled(el); // the popup is placed under the box
      readable(option);
      expect(hits(option), 'elementFromPoint at the first result is the result').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      const details = await waitFor(() => part(el, 'details'), 'Enter opens the details view');
      readable(details);
    });
  }

  describe('inside overflow: hidden, next to a sticky header with z-index 2147483647', () => {
    const LAYOUT = `.clip { overflow: hidden; height: 5rem; position: relative; }
      .bar { position: sticky; top: 0; z-index: 2147483647; height: 60vh; background: rgb(200, 0, 0); }`;

    it('<bj-keyword>: the popover is above the header and not clipped', async () => {
      const wrap = await fixture<HTMLElement>(staticHtml`<div lang="en">
        <style>${unsafeStatic(LAYOUT)}</style>
        <header class="bar">Header</header>
        <div class="clip"><p>A <bj-keyword index=${fresh(REAL_INDEX)} show-delay="0">regulatory sandbox</bj-keyword> pilot.</p></div>
        <div style="height: 150vh"></div>
      </div>`);
      const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
      await hover(el);
      await waitFor(() => el.open && part(el, 'title'), 'definition appears');
      await placementSettled(el); // the popover was placed for its content
      const panel = part(el, 'popover')!;
      await animationsFinished(panel); // the fade-in ended: opacity as the reader sees it
      const r = panel.getBoundingClientRect();
      expect(r.height, 'not clipped to the 5rem container').to.be.greaterThan(80);
      // The header covers the top 60% of the viewport: the panel overlaps it or sits right below it.
      expect(hits(panel), 'elementFromPoint at the popover centre hits the popover, not the header').to.equal(true);
      expect(document.elementFromPoint(...centre(panel)), 'retargeted to the host in the light DOM').to.equal(el);
    });

    it('<bj-policy-search>: the result list is above the header and not clipped', async () => {
      const wrap = await fixture<HTMLElement>(staticHtml`<div lang="en">
        <style>${unsafeStatic(LAYOUT)}</style>
        <div class="clip"><bj-policy-search index=${fresh(REAL_INDEX)} lang="en"></bj-policy-search></div>
        <header class="bar">Header</header>
        <div style="height: 150vh"></div>
      </div>`);
      const el = wrap.querySelector<BjPolicySearch>('bj-policy-search')!;
      await el.search('regulatory sandbox');
      // Results are drawn a few at a time: measure the list once all are.
      const [option] = await waitOptions(el);
      const list = part(el, 'listbox')!;
      expect(list.getBoundingClientRect().height, 'not clipped to the 5rem container').to.be.greaterThan(100);
      expect(hits(option), 'elementFromPoint at the first result hits it, not the header').to.equal(true);
    });
  });
});
