/**
 * Hostile data: an index whose every text field carries markup, script, event handlers,
 * `javascript:` URLs, bidi overrides, zero-width characters and very long strings (see
 * fixtures/hostile.ts). Every element must show it as inert, literal text: no payload runs (the
 * sentinel `window.__bjPwned` stays unset), no element or attribute is created from it, and the
 * characters a reader sees are exactly the data's.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../src/bj-policy-widgets.js';
import type { BjAnnotate } from '../../src/components/bj-annotate/bj-annotate.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { NAMES, PAYLOAD, RLO, TERM_IDS, TITLES, ZWSP } from './fixtures/hostile.js';
import { HOSTILE_INDEX, fresh, hover, injected, part, readsLeftToRight, seen, textOf, waitFor, watchErrors } from '../helpers/hardening.js';
import { waitOptions } from '../helpers/policy-search.js';
import { imageSettled, placementSettled, settle } from '../helpers/wait.js';

/** Resolves when an injected `<img src=x onerror>` would have failed to load and run its handler. */
async function payloadsSettled(): Promise<void> {
  await settle();
  await imageSettled('x'); // the same failing request as the payloads'…
  await settle(); // …and the error events queued with it have been dispatched
}

async function expectInert(scope: Element): Promise<void> {
  await payloadsSettled();
  expect(window.__bjPwned, 'a payload ran').to.equal(undefined);
  expect(injected(scope), 'elements or attributes created from data').to.deep.equal([]);
}

describe('hostile data is shown as inert text', function () {
  this.timeout(30000);
  let watch: ReturnType<typeof watchErrors>;
  beforeEach(async () => {
    delete window.__bjPwned;
    clearIndexCache();
    await resetMouse();
    watch = watchErrors();
  });
  afterEach(() => {
    watch.stop();
    expect(watch.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('the probes catch data rendered as HTML (control)', async () => {
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<p>${PAYLOAD.defImg}</p>`; // what an unsafe binding would do
    await payloadsSettled(); // also shows that this wait is long enough for a payload to run
    expect(window.__bjPwned).to.equal('def-img');
    expect(injected(wrap)).to.deep.equal(['<img> in light DOM', 'onerror= on <img>']);
    delete window.__bjPwned;
  });

  it('<bj-keyword>: title, alternate title, section, definition, source and related passages', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <p>Read about <bj-keyword index=${fresh(HOSTILE_INDEX)} term=${TERM_IDS.markup} show-delay="0">${NAMES.markup}</bj-keyword>.</p>
      </div>`,
    );
    const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
    const shown = oneEvent(el, 'bj-show');
    await hover(el);
    await shown;
    const title = await waitFor(() => part(el, 'title'), 'definition appears');
    expect(title.textContent).to.equal(TITLES.markupEn);
    expect(seen(title)).to.equal(TITLES.markupEn);
    expect(part(el, 'alt-title')!.textContent).to.equal(TITLES.markupZh);
    expect(seen(part(el, 'section')!)).to.contain(PAYLOAD.section);
    // The source's address is a bare host with markup in its path: linked as https:// (an inert
    // attribute value), its publisher's name (markup too) shown as text.
    expect(seen(part(el, 'source')!))
      .to.contain(PAYLOAD.edition)
      .and.contain(PAYLOAD.publisher);
    const link = part(el, 'source-link');
    expect(link?.getAttribute('href')).to.equal(new URL(`https://${PAYLOAD.sourceUrlText}`).href);
    expect(link?.getAttribute('rel')).to.equal('noopener');
    expect(part(el, 'source')!.querySelectorAll('svg').length).to.equal(0);
    // The definition is long (three paragraphs): expand it so that every paragraph renders.
    part(el, 'more')?.click();
    await el.updateComplete;
    const definition = seen(part(el, 'definition')!);
    for (const p of [
      PAYLOAD.defImg,
      PAYLOAD.svg,
      PAYLOAD.iframe,
      PAYLOAD.entity,
      PAYLOAD.style,
      PAYLOAD.attrBreak,
      PAYLOAD.template,
      PAYLOAD.zhScript,
    ]) {
      expect(definition).to.contain(p);
    }
    const related = textOf(part(el, 'related')!);
    expect(related).to.contain(TITLES.docEn);
    expect(related).to.contain(PAYLOAD.bidi); // the passage's innermost heading
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(links, 'the only link is the source, over https').to.deep.equal([new URL(`https://${PAYLOAD.sourceUrlText}`).href]);
    await expectInert(wrap);
  });

  it('<bj-keyword>: bidi overrides and zero-width characters stay as written, inside the popover', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">Then <bj-keyword index=${fresh(HOSTILE_INDEX)} show-delay="0">${NAMES.bidi}</bj-keyword> follows.</p>`,
    );
    const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
    el.show();
    const title = await waitFor(() => part(el, 'title'), 'definition appears');
    expect(title.textContent).to.equal(TITLES.bidiEn);
    expect(title.textContent).to.contain(RLO);
    expect(part(el, 'alt-title')!.textContent).to.equal(TITLES.bidiZh);
    expect(part(el, 'alt-title')!.textContent).to.contain(ZWSP);
    expect(seen(part(el, 'definition')!)).to.contain(PAYLOAD.zalgo);
    // The override cannot leak out of the popover into the page's own text.
    expect(wrap.textContent).not.to.contain(RLO);
    await expectInert(wrap);
  });

  it('<bj-keyword>: a 20,000-character definition and a 1,200-character word stay inside the viewport', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin: 2rem">
        <bj-keyword index=${fresh(HOSTILE_INDEX)} term=${TERM_IDS.long}>${NAMES.long}</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
    el.show();
    const title = await waitFor(() => part(el, 'title'), 'definition appears');
    expect(title.textContent).to.equal(TITLES.longEn);
    const more = await waitFor(() => part(el, 'more'), 'a long definition is collapsed with a More button');
    more.click();
    await el.updateComplete;
    expect(part(el, 'definition')!.textContent).to.contain(PAYLOAD.longParagraph);
    await placementSettled(el); // the expanded panel was placed
    const panel = part(el, 'popover')!;
    const r = panel.getBoundingClientRect();
    expect(r.left, 'left edge in view').to.be.at.least(0);
    expect(r.right, 'right edge in view').to.be.at.most(window.innerWidth);
    expect(r.bottom, 'bottom edge in view (the panel scrolls)').to.be.at.most(window.innerHeight + 1);
    expect(panel.scrollWidth, 'the long word wraps instead of widening the panel').to.be.at.most(panel.clientWidth + 1);
    await expectInert(wrap);
  });

  it('<bj-policy-search>: results, details view and a hostile query', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${fresh(HOSTILE_INDEX)}></bj-policy-search>`);
    const input = part(el, 'input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: NAMES.markup });
    const all = await waitOptions(el); // every result drawn (they are drawn a few at a time)
    const first = all[0]!;
    const options = all.map(textOf).join('\n');
    expect(options).to.contain(TITLES.markupEn);
    expect(options).to.contain(TITLES.docEn);
    await expectInert(el);

    // Open every result's details in turn: keyword and passages, with their source lines.
    const count = el.shadowRoot!.querySelectorAll('[role="option"]').length;
    const hrefs: string[] = [];
    expect(count).to.be.greaterThan(1);
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        part(el, 'back')!.click();
        await el.updateComplete;
      }
      const option = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>(`#opt-${i}`), `option ${i}`);
      option.click();
      const details = await waitFor(() => part(el, 'details'), 'details view opens');
      const text = seen(details);
      if (i === 0) {
        expect(first.textContent).to.contain(TITLES.markupEn);
        expect(text).to.contain(PAYLOAD.defImg).and.contain(PAYLOAD.alias).and.contain(PAYLOAD.edition);
      }
      for (const a of details.querySelectorAll('a')) {
        expect(a.getAttribute('href'), 'only http(s) source links').to.match(/^https?:\/\//);
        hrefs.push(a.getAttribute('href')!);
      }
      await expectInert(el);
    }
    // The passages' http(s) source URL, quotes and markup included, stayed one attribute value.
    expect(hrefs).to.include(PAYLOAD.sourceUrlHttp);

    // A hostile query is echoed literally in "No results for …".
    part(el, 'back')?.click();
    await el.updateComplete;
    input.focus();
    input.select();
    // Nothing in the corpus matches these words, so the query is echoed in "No results for …".
    const query = `<bdo ontoggle="qqzz()">xyzzy</bdo>`;
    await sendKeys({ type: query });
    // Results arrive asynchronously: a shorter prefix of the query may answer first; wait for the whole one.
    const empty = await waitFor(() => {
      const e = part(el, 'empty');
      return e && seen(e).includes('xyzzy</bdo>') ? e : undefined;
    }, '"no results" for the whole query appears');
    expect(seen(empty)).to.contain(query);
    await expectInert(el);
  });

  it('the bidi probe used below tells a leaked override from clean text', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en"><span>clean</span> <span id="after">text</span></p>
        <p lang="en"><span>Open ${RLO}override</span> <span id="leaked">text</span></p>
        <p lang="en"><span style="unicode-bidi: isolate">Open ${RLO}override</span> <span id="isolated">text</span></p>`,
    );
    expect(readsLeftToRight(wrap.parentElement!.querySelector('#after')!)).to.equal(true);
    expect(readsLeftToRight(wrap.parentElement!.querySelector('#leaked')!)).to.equal(false);
    expect(readsLeftToRight(wrap.parentElement!.querySelector('#isolated')!)).to.equal(true);
  });

  it('<bj-keyword>: an unterminated bidi override in a document title does not reverse the heading after it', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">
        <bj-keyword index=${fresh(HOSTILE_INDEX)} term=${TERM_IDS.markup}>${NAMES.markup}</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
    el.show();
    const heading = await waitFor(() => part(el, 'passage-heading'), 'related passages appear');
    expect(part(el, 'passage-document')!.textContent).to.equal(TITLES.docEn);
    expect(readsLeftToRight(heading), 'an override in one field leaks into the next').to.equal(true);
    await expectInert(wrap);
  });

  it('<bj-policy-search>: an unterminated bidi override in one title does not reverse the next', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${fresh(HOSTILE_INDEX)}></bj-policy-search>`);
    await el.search(NAMES.bidi);
    const option = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('#opt-0'), 'results appear');
    expect(option.querySelector('.title')!.textContent).to.equal(TITLES.bidiEn);
    expect(readsLeftToRight(option.querySelector('.alt')!), 'alternate title in the result').to.equal(true);
    option.click();
    const details = await waitFor(() => part(el, 'details'), 'details view opens');
    expect(readsLeftToRight(details.querySelector('h2 .alt')!), 'alternate title in the details heading').to.equal(true);
    await expectInert(el);
  });

  it('<bj-annotate>: marks hostile names in page text without creating markup, and their popovers are inert', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <bj-annotate index=${fresh(HOSTILE_INDEX)} on="load" all>
          <p>First ${NAMES.markup}, then ${PAYLOAD.alias} as text, then ${NAMES.markupZh} and ${NAMES.bidi}.</p>
        </bj-annotate>
      </div>`,
    );
    const annotate = wrap.querySelector<BjAnnotate>('bj-annotate')!;
    await waitFor(() => annotate.querySelectorAll('bj-keyword').length >= 4, 'keywords are marked');
    const keywords = [...annotate.querySelectorAll<BjKeyword>('bj-keyword')];
    expect(keywords.map((k) => k.getAttribute('term'))).to.include.members([TERM_IDS.markup, TERM_IDS.bidi]);
    // The alias written as markup is matched as text: it is a keyword holding a text node, nothing else.
    const asText = keywords.find((k) => k.textContent === PAYLOAD.alias);
    expect(asText, 'the literal markup alias is marked as a keyword').to.not.equal(undefined);
    expect(asText!.children.length).to.equal(0);
    expect(seen(annotate)).to.contain(PAYLOAD.alias);
    for (const k of keywords) {
      k.show();
      await waitFor(() => part(k, 'title'), `popover of ${k.textContent}`);
      k.hide();
    }
    await expectInert(wrap);
  });
});
