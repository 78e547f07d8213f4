import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { INDEX, panel, part, prepareIndex, testIndex, trigger, waitContent, waitShown } from '../../helpers/keyword.js';
import { repositionAfter } from '../../helpers/wait.js';

/** The parts of axe-core's API (`axe.commons`) used to read the accessibility tree as AT would. */
interface AxeInternals {
  setup(root: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: {
    aria: { getRole(node: Element): string | null };
    text: { accessibleTextVirtual(vNode: unknown): string };
    dom: { idrefs(node: Element, attr: string): Array<Element | null> };
  };
}

/** The element drawn at the centre of `rect`, retargeted to the document (a shadow host for shadow content). */
const topmostAt = (rect: DOMRect): Element | null =>
  document.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 20));

/** Layout rounding: Firefox reports a sheet at the bottom of a 640 px viewport as ending at 640.0000152. */
const SUBPIXEL = 0.01;

function expectInViewport(rect: DOMRect): void {
  expect(rect.width, 'has a size').to.be.greaterThan(0);
  expect(rect.left, 'left edge visible').to.be.at.least(-SUBPIXEL);
  expect(rect.top, 'top edge visible').to.be.at.least(-SUBPIXEL);
  expect(rect.right, 'right edge visible').to.be.at.most(window.innerWidth + SUBPIXEL);
  expect(rect.bottom, 'bottom edge visible').to.be.at.most(window.innerHeight + SUBPIXEL);
}

/**
 * Narrows `wrap` to end just after the keyword's first word ("regulatory"), so that the rest goes to
 * the next line; returns the keyword's line boxes.
 */
function wrapAfterFirstWord(wrap: HTMLElement, el: BjKeyword): DOMRect[] {
  const word = document.createRange();
  word.setStart(el.firstChild!, 0);
  word.setEnd(el.firstChild!, 'regulatory'.length);
  wrap.style.width = `${word.getBoundingClientRect().right - wrap.getBoundingClientRect().left + 4}px`;
  return [...trigger(el).getClientRects()].filter((r) => r.width > 0);
}

/** The popover sits right above or below the keyword, starting near its left edge. */
function expectAdjacent(popover: DOMRect, reference: DOMRect): void {
  const below = Math.abs(popover.top - reference.bottom);
  const above = Math.abs(reference.top - popover.bottom);
  expect(Math.min(below, above), `vertical gap (${below.toFixed(1)} / ${above.toFixed(1)} px)`).to.be.at.most(12);
  expect(Math.abs(popover.left - reference.left), 'aligned with the keyword').to.be.at.most(12);
}

describe('<bj-keyword> placement', () => {
  before(prepareIndex);
  beforeEach(async () => {
    clearIndexCache();
    await setViewport({ width: 800, height: 600 });
  });

  it('escapes overflow:hidden and a z-index 2147483647 sticky header (top layer)', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <div style="position:relative;z-index:1;overflow:hidden;height:2.5em;margin-top:200px;border:1px solid">
          A clipped box with the <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> inside.
        </div>
        <header style="position:sticky;top:0;z-index:2147483647;height:400px;background:#eee">Header</header>
      </div>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    await waitContent(el);
    const rect = panel(el).getBoundingClientRect();
    expect(panel(el).matches(':popover-open'), 'in the top layer').to.equal(true);
    expectInViewport(rect);
    const box = wrap.firstElementChild!.getBoundingClientRect();
    expect(rect.bottom, 'reaches beyond the clipping box').to.be.greaterThan(box.bottom);
    expect(topmostAt(rect), 'drawn above the header').to.equal(el);
    expectAdjacent(rect, trigger(el).getBoundingClientRect());
  });

  it('sits next to the keyword inside a shadow root within a transformed, positioned container', async () => {
    const host = await fixture<HTMLElement>(html`<div style="margin:60px 0 0 40px"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div style="position:relative;transform:translate(37px,23px);padding:10px;overflow:hidden;height:3em">
      <span style="position:absolute;left:50px;top:12px" lang="en">Deep: <bj-keyword>监管沙盒</bj-keyword></span></div>`;
    const el = root.querySelector('bj-keyword') as BjKeyword;
    el.index = INDEX;
    el.show();
    await waitShown(el);
    await waitContent(el);
    const rect = panel(el).getBoundingClientRect();
    expectInViewport(rect);
    expectAdjacent(rect, trigger(el).getBoundingClientRect());
  });

  it('follows the keyword when the page scrolls', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en" style="padding-top:100px;height:3000px">
        <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword>
      </div>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    await waitContent(el);
    await repositionAfter(el, () => window.scrollBy(0, 40));
    expectAdjacent(panel(el).getBoundingClientRect(), trigger(el).getBoundingClientRect());
    window.scrollTo(0, 0);
  });

  it('fits a 320 px wide viewport', async () => {
    await setViewport({ width: 320, height: 640 });
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin:1rem">
        Beijing was the first to use the <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> on fintech.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    await waitContent(el);
    expectInViewport(panel(el).getBoundingClientRect());
  });
});

describe('<bj-keyword> placement near the edges', () => {
  before(prepareIndex);
  beforeEach(async () => {
    clearIndexCache();
    await setViewport({ width: 800, height: 600 });
  });

  /** Opens the keyword's popover and waits until its definition is shown and placed. */
  async function open(el: BjKeyword): Promise<DOMRect> {
    el.show();
    await waitShown(el);
    await waitContent(el);
    return panel(el).getBoundingClientRect();
  }

  it('opens above a keyword on the last line of the screen', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="position:fixed;left:40px;bottom:20px;margin:0">
        The <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> is near the bottom.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const rect = await open(el);
    const keyword = trigger(el).getBoundingClientRect();
    expectInViewport(rect);
    expect(rect.bottom, 'above the keyword').to.be.at.most(keyword.top);
    expectAdjacent(rect, keyword);
  });

  for (const [where, style] of [
    ['near the bottom', 'bottom:60px'],
    ['in the middle', 'top:380px'],
  ] as const) {
    it(`on a desktop window, a tall popover of a keyword ${where} floats beside it and scrolls, never as a sheet over it`, async () => {
      // "notification and commitment" lists its definition and several related passages: taller
      // than the room above or below the keyword in a 1280 x 800 window.
      await setViewport({ width: 1280, height: 800 });
      const wrap = await fixture<HTMLElement>(
        html`<p lang="en" style="position:fixed;left:200px;margin:0;${style}">
          Read about <bj-keyword index=${INDEX}>notification and commitment</bj-keyword> here.
        </p>`,
      );
      const el = wrap.querySelector('bj-keyword')!;
      const rect = await open(el);
      const box = panel(el);
      const keyword = trigger(el).getBoundingClientRect();
      expect(box.classList.contains('sheet'), 'a floating panel, not a sheet').to.equal(false);
      expectInViewport(rect);
      expectAdjacent(rect, keyword);
      expect(topmostAt(keyword), 'the keyword stays visible').to.equal(el);
      expect(box.scrollHeight, 'the content is taller than the room (the test needs that)').to.be.greaterThan(box.clientHeight);
    });
  }

  it('stays on screen for a keyword at the right edge, under the keyword', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="text-align:right;margin:100px 10px 0">
        Ends with the <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const rect = await open(el);
    const keyword = trigger(el).getBoundingClientRect();
    expectInViewport(rect);
    expect(rect.top - keyword.bottom, 'right below the keyword').to.be.within(0, 12);
    expect(rect.left, 'overlaps the keyword horizontally').to.be.below(keyword.right);
    expect(rect.right, 'overlaps the keyword horizontally').to.be.above(keyword.left);
  });

  it('stays on screen when a wide popover fits neither to the right nor to the left of the keyword', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin:100px 0 0 300px;--bj-popover-max-width:700px">
        <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword>
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const rect = await open(el);
    const keyword = trigger(el).getBoundingClientRect();
    expect(rect.width, 'wider than the room on either side (test set-up)').to.be.above(
      Math.max(window.innerWidth - keyword.left, keyword.right),
    );
    expectInViewport(rect);
    expect(rect.top - keyword.bottom, 'right below the keyword').to.be.within(0, 12);
  });

  it('sits under the second line of a keyword that wraps, starting where that line starts', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="margin:100px 0 0 60px;font:16px/1.5 sans-serif">
        Here is the <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> across two lines.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const lines = wrapAfterFirstWord(wrap, el);
    const tops = new Set(lines.map((r) => Math.round(r.top)));
    expect(tops.size, 'the keyword wraps (test set-up)').to.equal(2);
    const rect = await open(el);
    const last = lines.reduce((a, b) => (b.top > a.top ? b : a));
    expectInViewport(rect);
    expect(rect.top - last.bottom, 'right below the second line').to.be.within(0, 12);
    expect(Math.abs(rect.left - last.left), 'aligned with the second line').to.be.at.most(12);
  });

  it('opens above the first line of a wrapped keyword near the bottom, starting where that line starts', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en" style="position:fixed;left:60px;bottom:20px;margin:0;font:16px/1.5 sans-serif">
        Here is the <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> across two lines.
      </p>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const lines = wrapAfterFirstWord(wrap, el);
    expect(new Set(lines.map((r) => Math.round(r.top))).size, 'the keyword wraps (test set-up)').to.equal(2);
    const rect = await open(el);
    const first = lines.reduce((a, b) => (b.top < a.top ? b : a));
    expectInViewport(rect);
    expect(first.top - rect.bottom, 'right above the first line').to.be.within(0, 12);
    expect(Math.abs(rect.left - first.left), 'aligned with the first line').to.be.at.most(12);
  });

  it('follows the keyword when a scrolling box around it scrolls', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en" style="height:300px;overflow:auto;margin-top:40px">
        <p style="margin:100px 0 1000px">Inside a box: <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword>.</p>
      </div>`,
    );
    const el = wrap.querySelector('bj-keyword')!;
    const before = await open(el);
    await repositionAfter(el, () => wrap.scrollBy(0, 40));
    const after = panel(el).getBoundingClientRect();
    expect(before.top - after.top, 'moved up with the keyword').to.be.closeTo(40, 1);
    expectAdjacent(after, trigger(el).getBoundingClientRect());
  });
});

describe('<bj-keyword> accessibility', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  // One axe run per test: axe is slow on a loaded machine, and a failure names the state.
  const twoKeywords = () =>
    fixture<HTMLElement>(
      html`<p lang="en">
        The <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> and <bj-keyword index=${INDEX}>每微克</bj-keyword>.
      </p>`,
    );

  it('has no axe violations closed (nothing loaded)', async () => {
    await expect(await twoKeywords()).to.be.accessible();
  });

  it('has no axe violations open', async () => {
    const wrap = await twoKeywords();
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    await waitContent(el);
    await expect(wrap).to.be.accessible();
  });

  it('has no axe violations open with the definition expanded (More)', async () => {
    const wrap = await twoKeywords();
    const el = wrap.querySelector('bj-keyword')!;
    el.show();
    await waitShown(el);
    await waitContent(el);
    part(el, 'more')!.click();
    await el.updateComplete;
    await expect(wrap).to.be.accessible();
  });

  it('names the trigger by its text, describes it by the definition, and names the dialog by the title', async () => {
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${INDEX}>regulatory sandbox</bj-keyword>`);
    el.show();
    await waitShown(el);
    await waitContent(el);
    const t = trigger(el);
    const root = el.shadowRoot!;
    expect(t.getAttribute('role')).to.equal('button');
    expect(t.getAttribute('aria-expanded')).to.equal('true');
    expect(t.getAttribute('aria-haspopup')).to.equal('dialog');
    // Every id reference resolves inside the same shadow root.
    expect(root.getElementById(t.getAttribute('aria-controls')!)).to.equal(panel(el));
    const description = root.getElementById(t.getAttribute('aria-describedby')!)!;
    expect(description.getAttribute('part')).to.equal('definition');
    const dialog = panel(el);
    expect(dialog.getAttribute('role')).to.equal('dialog');
    const label = root.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    const sandbox = testIndex().term('regulatory-sandbox')!;
    expect(label.textContent!.trim()).to.equal(sandbox.title.en);

    // What assistive technology computes: axe-core's implementation of role, accname and idrefs.
    // @ts-expect-error axe-core's browser build has no type declarations; it registers window.axe.
    await import('axe-core/axe.min.js');
    const axe = (window as unknown as { axe: AxeInternals }).axe;
    axe.setup(document);
    try {
      const vTrigger = axe.utils.getNodeFromTree(t);
      expect(axe.commons.aria.getRole(t)).to.equal('button');
      expect(axe.commons.text.accessibleTextVirtual(vTrigger)).to.equal('regulatory sandbox');
      const described = axe.commons.dom
        .idrefs(t, 'aria-describedby')
        .map((n) => n?.textContent ?? '')
        .join(' ');
      expect(described).to.contain(sandbox.definition.en![0]!.slice(0, 40));
      expect(axe.commons.aria.getRole(dialog)).to.equal('dialog');
      expect(axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(dialog)).trim()).to.equal(sandbox.title.en);
    } finally {
      axe.teardown();
    }
  });
});
