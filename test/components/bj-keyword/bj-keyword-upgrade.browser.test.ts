/**
 * Keywords that were in the page before the script defined the element (the usual case: the
 * script comes last, or is deferred), upgraded in place, and keywords whose trigger is drawn again
 * after they were plain text. What a reader and a webmaster see must not depend on when the
 * element was upgraded: a button named by the keyword's own text, reached with Tab, opened with
 * Enter, with the documented defaults.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjErrorDetail } from '../../../src/shared/element/events.js';
import { captureWarnings, INDEX, part, trigger, waitContent, waitHidden, waitShown, withFreshKeywords } from '../../helpers/keyword.js';
import { waitUntil } from '../../helpers/wait.js';

/**
 * `markup` as a page had it before the script ran: parsed in a document without our elements,
 * then moved into this page, where each `<bj-keyword>` is upgraded on insertion (constructor,
 * attributes, connected), as `customElements.define` upgrades the keywords already on a page.
 */
async function pageBeforeScript(markup: string, before?: (raw: Element[]) => void): Promise<HTMLElement> {
  const parsed = document.implementation.createHTMLDocument('before the script');
  parsed.body.innerHTML = markup;
  const raw = [...parsed.body.querySelectorAll('bj-keyword')];
  expect(
    raw.every((k) => !(k instanceof HTMLElement) || !('show' in k)),
    'not upgraded yet',
  ).to.equal(true);
  before?.(raw);
  const wrap = await fixture<HTMLElement>(html`<div></div>`);
  wrap.append(document.adoptNode(parsed.body.firstElementChild!));
  return wrap;
}

/** The trigger's slot shows exactly the keyword's own text. */
function slottedText(el: BjKeyword): string {
  const slot = trigger(el).querySelector('slot');
  return (slot?.assignedNodes({ flatten: true }) ?? []).map((n) => n.textContent).join('');
}

describe('<bj-keyword> upgraded in a page', () => {
  withFreshKeywords();

  it('keywords already in the page become buttons named by their text, reached with Tab and opened with Enter', async () => {
    const wrap = await pageBeforeScript(
      `<div lang="en"><button>before</button>
        <p>The <bj-keyword index="${INDEX}" show-delay="5000">regulatory sandbox</bj-keyword> and
        <bj-keyword index="${INDEX}" show-delay="5000">time banking</bj-keyword> pilots.</p></div>`,
    );
    const [a, b] = [...wrap.querySelectorAll('bj-keyword')] as [BjKeyword, BjKeyword];
    await Promise.all([a.updateComplete, b.updateComplete]);
    for (const [el, text] of [
      [a, 'regulatory sandbox'],
      [b, 'time banking'],
    ] as const) {
      const t = trigger(el);
      expect(t, 'a trigger once updateComplete resolved').to.exist;
      expect(t.getAttribute('role')).to.equal('button');
      expect(t.tabIndex).to.equal(0);
      expect(t.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(t.getAttribute('aria-expanded')).to.equal('false');
      expect(slottedText(el), 'named by the text of the page').to.equal(text);
      expect(el.textContent).to.equal(text);
    }
    await expect(wrap).to.be.accessible();

    wrap.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitShown(a, 'the first keyword opens on keyboard focus');
    expect(a.shadowRoot!.activeElement).to.equal(trigger(a));
    await waitContent(a);
    expect(part(a, 'title')!.textContent).to.equal('Regulatory sandbox');
    await sendKeys({ press: 'Escape' });
    await waitHidden(a);
    await sendKeys({ press: 'Enter' });
    await waitShown(a, 'Enter opens it again');
    expect(trigger(a).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await waitHidden(a, 'Enter closes it');
    expect(trigger(a).getAttribute('aria-expanded')).to.equal('false');
  });

  it('has the documented defaults, keeps what the page set before the upgrade, and goes back to a default when an attribute is removed', async () => {
    const wrap = await pageBeforeScript(
      `<p lang="en"><bj-keyword index="${INDEX}">regulatory sandbox</bj-keyword>
        <bj-keyword index="${INDEX}" hide-delay="40" display="zh" open>time banking</bj-keyword>
        <bj-keyword index="${INDEX}">shared bicycles</bj-keyword></p>`,
      (raw) => Object.assign(raw[2]!, { showDelay: 0, display: 'en' }),
    );
    const [plain, set, early] = [...wrap.querySelectorAll('bj-keyword')] as [BjKeyword, BjKeyword, BjKeyword];
    await Promise.all([plain.updateComplete, set.updateComplete, early.updateComplete]);
    expect([plain.showDelay, plain.hideDelay, plain.display, plain.open, plain.preload, plain.term]).to.deep.equal([
      300,
      300,
      'both',
      false,
      false,
      undefined,
    ]);
    expect(plain.hasAttribute('open'), 'closed, with no open attribute').to.equal(false);
    expect([set.showDelay, set.hideDelay, set.display]).to.deep.equal([300, 40, 'zh']);
    expect([early.showDelay, early.display], 'properties set before the upgrade').to.deep.equal([0, 'en']);

    set.removeAttribute('hide-delay');
    set.removeAttribute('display');
    await set.updateComplete;
    expect([set.hideDelay, set.display]).to.deep.equal([300, 'both']);
    set.hide();
    await set.updateComplete;
    expect(set.hasAttribute('open')).to.equal(false);
  });

  it('an unknown keyword given a known term becomes a working button again', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>quantum governance lattice</bj-keyword>`);
      const errors: BjErrorDetail[] = [];
      el.addEventListener('bj-error', (e) => errors.push(e.detail));
      void el.show();
      await waitUntil(() => errors.length > 0 && !trigger(el), 'plain text once the index says it is unknown', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('slot'), 'its text still shows').to.exist;

      el.term = 'time-banking';
      await el.updateComplete;
      const t = trigger(el);
      expect(t, 'a trigger again').to.exist;
      expect([t.getAttribute('role'), t.tabIndex, t.getAttribute('aria-expanded')]).to.deep.equal(['button', 0, 'false']);
      expect(slottedText(el)).to.equal('quantum governance lattice');
      t.focus();
      await waitShown(el, 'focus opens it');
      await waitContent(el);
      expect(part(el, 'title')!.textContent).to.equal('Time banking');
    } finally {
      warnings.restore();
    }
  });
});
