import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import {
  centre,
  clickAt,
  INDEX,
  isHidden,
  isShown,
  moveTo,
  panel,
  part,
  trigger,
  waitContent,
  waitHidden,
  waitShown,
  withFreshKeywords,
} from '../../helpers/keyword.js';
import { isOpen as resultsShown, waitOptions } from '../../helpers/policy-search.js';
import { elapsed, waitUntil } from '../../helpers/wait.js';

/** A point well away from every fixture element. */
const FAR: [number, number] = [5, 595];

/** A search box showing the results for "sandbox", above `keyword` (a paragraph with a `<bj-keyword>`). */
async function resultsBesideKeyword(keyword: TemplateResult) {
  const wrap = await fixture<HTMLElement>(html`<div lang="en"><bj-policy-search index=${INDEX}></bj-policy-search>${keyword}</div>`);
  const box = wrap.querySelector('bj-policy-search')!;
  const el = wrap.querySelector('bj-keyword')!;
  await box.search('sandbox');
  await waitOptions(box);
  await waitUntil(() => resultsShown(box), 'the results show');
  return { box, el };
}

describe('<bj-keyword> opening and closing', () => {
  withFreshKeywords();

  it('opens on hover only after show-delay, then closes after the pointer leaves and the grace period ends', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin-top:2rem">
        Beijing piloted a <bj-keyword index=${INDEX} show-delay="700" hide-delay="1500">regulatory sandbox</bj-keyword> for fintech.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const shown = oneEvent(el, 'bj-show');
    await moveTo(trigger(el));
    expect(isShown(el), 'not open before the delay').to.equal(false);
    await waitShown(el);
    expect((await shown).detail.term).to.equal('regulatory-sandbox');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');

    const hidden = oneEvent(el, 'bj-hide');
    await moveTo(FAR);
    expect(isShown(el), 'still open during the grace period').to.equal(true);
    await waitHidden(el);
    expect((await hidden).detail.term).to.equal('regulatory-sandbox');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('does not open when the pointer only passes over it', async () => {
    // About show-delay: 1 s is more than 5× the time a pointer move takes on a loaded machine.
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">
        <bj-keyword index=${INDEX} show-delay="1000">regulatory sandbox</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    await moveTo(trigger(el));
    await moveTo(FAR);
    await elapsed(el.showDelay); // a show timer set on entering would have fired by now
    expect(isHidden(el)).to.equal(true);
  });

  it('stays open while the pointer moves from the keyword into the popover (hoverable)', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin-top:2rem">
        A <bj-keyword index=${INDEX} show-delay="50" hide-delay="2000">regulatory sandbox</bj-keyword> pilot.
      </p>`,
    );
    // About hide-delay: 2 s is more than 5× the time the three pointer moves below take under load.
    const el = wrap.querySelector('bj-keyword')!;
    await moveTo(trigger(el));
    await waitShown(el);
    await waitContent(el);
    const t = trigger(el).getBoundingClientRect();
    const p = panel(el).getBoundingClientRect();
    // Through the gap between them, then into the popover, and wait longer than the grace period.
    const x = Math.round(Math.max(t.left, p.left) + 4);
    await moveTo([x, Math.round((t.bottom + p.top) / 2)]);
    await moveTo([x, Math.round(p.top + 10)]);
    await moveTo(centre(panel(el)));
    await elapsed(el.hideDelay); // a hide timer set on leaving the keyword would have fired by now
    expect(isShown(el), 'open while the pointer is over the popover').to.equal(true);

    await moveTo(FAR);
    await waitHidden(el);
  });

  it('opens on keyboard focus; Escape closes it and focus stays on the keyword', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <button>before</button>
        <p>The <bj-keyword index=${INDEX} show-delay="5000">regulatory sandbox</bj-keyword> pilot.</p>
      </div>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    wrap.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitShown(el, 'opens on focus without the hover delay');
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));

    await sendKeys({ press: 'Escape' });
    await waitHidden(el);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));

    await sendKeys({ press: 'Enter' });
    await waitShown(el, 'Enter opens it again');
    await sendKeys({ press: 'Enter' });
    await waitHidden(el, 'Enter closes it');
  });

  it('Escape also dismisses a popover opened by hover, wherever focus is', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">
        <bj-keyword index=${INDEX} show-delay="50">regulatory sandbox</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    await moveTo(trigger(el));
    await waitShown(el);
    await sendKeys({ press: 'Escape' });
    await waitHidden(el);
    await elapsed(el.showDelay * 5); // a show timer re-armed by the resting pointer would have fired by now
    expect(isHidden(el), 'stays closed while the pointer rests on it').to.equal(true);
  });

  it('closes when focus leaves both the keyword and its popover', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <p>The <bj-keyword index=${INDEX} show-delay="5000">regulatory sandbox</bj-keyword> pilot.</p>
        <button>after</button>
      </div>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    el.focus();
    await waitShown(el);
    await waitContent(el);
    const more = part(el, 'more');
    expect(more, 'a long definition has a More button').to.exist;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement, 'Tab reaches the popover next').to.equal(more);
    expect(isShown(el), 'focus inside the popover keeps it open').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(wrap.querySelector('button'));
    await waitHidden(el);
  });

  it('stays open while focus is inside the popover, when the pointer that opened it leaves', async () => {
    // A reader hovers the keyword, then tabs into the popover (its More button) and moves the mouse
    // out of the way to read: the popover holds the focus, so it must not close under it.
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin-top:2rem">
        The <bj-keyword index=${INDEX} show-delay="50" hide-delay="100">regulatory sandbox</bj-keyword> pilot.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    await moveTo(trigger(el));
    await waitShown(el);
    await waitContent(el);
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement, 'Tab reaches the popover').to.equal(part(el, 'more'));
    await moveTo(FAR);
    await elapsed(el.hideDelay * 5); // a hide timer set on leaving would have fired by now
    expect(isShown(el), 'open while focus is in the popover').to.equal(true);
    expect(el.shadowRoot!.activeElement, 'focus stays where the reader put it').to.equal(part(el, 'more'));
    await sendKeys({ press: 'Escape' });
    await waitHidden(el);
  });

  it('toggles on click or tap, and an outside tap closes it', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin-top:2rem">
        The <bj-keyword index=${INDEX} show-delay="5000">regulatory sandbox</bj-keyword> pilot.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    await clickAt(trigger(el));
    await waitShown(el, 'click opens at once');
    await clickAt(trigger(el));
    await waitHidden(el, 'a second click closes');
    await clickAt(trigger(el));
    await waitShown(el);
    await clickAt(FAR);
    await waitHidden(el, 'a tap outside closes');
  });

  it('keeps only one popover open on the page', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">
        <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> and
        <bj-keyword index=${INDEX}>every microgram counts</bj-keyword>
      </p>`,
    );
    const [a, b] = [...wrap.querySelectorAll('bj-keyword')] as [BjKeyword, BjKeyword];
    a.show();
    await waitShown(a);
    b.focus();
    await waitShown(b);
    await waitHidden(a, 'opening the second closes the first');
    expect(document.querySelectorAll('bj-keyword[open]').length).to.equal(1);
  });

  it('keeps one popup open on the page: a keyword popover and the search results close each other', async () => {
    const { box, el } = await resultsBesideKeyword(html`<p><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    el.show();
    await waitShown(el);
    await waitUntil(() => !resultsShown(box) && !box.open, 'opening the popover closes the results');
    await box.search('sandbox');
    await waitUntil(() => resultsShown(box), 'the results show again');
    await waitHidden(el, 'showing the results closes the popover');
  });

  it('leaves the search results open when the pointer rests on a keyword on its way (a hover popover is a hint)', async () => {
    const { box, el } = await resultsBesideKeyword(
      html`<p style="margin-top:24rem"><bj-keyword index=${INDEX} show-delay="100">regulatory sandbox</bj-keyword></p>`,
    );
    await moveTo(trigger(el));
    await waitShown(el, 'hover opens the popover');
    expect(resultsShown(box) && box.open, 'the results stay open').to.equal(true);
  });

  it('reflects open, and show()/hide() and the open attribute drive the popover', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>regulatory sandbox</bj-keyword>`);
    el.show();
    await waitShown(el);
    expect(el.getAttribute('open')).to.equal('');
    el.hide();
    await waitHidden(el);
    expect(el.hasAttribute('open')).to.equal(false);
    el.setAttribute('open', '');
    await waitShown(el);
    el.removeAttribute('open');
    await waitHidden(el);
  });

  it('cleans up when removed while open', async () => {
    const wrap = await fixture<HTMLElement>(html`<div lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></div>`);
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    el.remove();
    await waitUntil(() => !el.open, 'open is false after removal');
    wrap.append(el);
    await el.updateComplete;
    expect(panel(el).matches(':popover-open')).to.equal(false);
  });
});
