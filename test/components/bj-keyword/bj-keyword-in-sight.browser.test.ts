/**
 * The popover never hides the word it explains (WCAG 2.2 SC 2.4.11 Focus Not Obscured): on the
 * devices of the review (a laptop at 200 % zoom, a short desktop window, a phone), a keyword
 * opened by Tab, hover or a tap stays in the viewport, uncovered by its popover or sheet and by the
 * page's sticky header; and a popover whose keyword scrolled away under that header is not left
 * floating there.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { clickAt, INDEX, isShown, moveTo, panel, part, trigger, waitContent, waitShown, withFreshKeywords } from '../../helpers/keyword.js';
import { placementSettled, waitUntil } from '../../helpers/wait.js';

const DEVICES = [
  ['a 1280 × 720 laptop at 200 % zoom', { width: 640, height: 360 }],
  ['a 1280 × 600 desktop window', { width: 1280, height: 600 }],
  ['a 320 × 640 phone', { width: 320, height: 640 }],
] as const;

const HEADER = 56;
const filler = (n: number) =>
  Array.from(
    { length: n },
    () =>
      html`<p>
        Beijing keeps improving its business environment, looking for ways to supervise new business forms that are inclusive and prudent.
      </p>`,
  );

/**
 * A CMS article under a red sticky header (declared with scroll-padding-top, as the README asks):
 * one keyword in the middle of the first screen, one on its last line, one at the very end of the
 * page (which cannot scroll it any higher).
 */
async function article(): Promise<BjKeyword[]> {
  const page = await fixture<HTMLElement>(html`
    <div lang="en" style="font:16px/1.5 sans-serif">
      <header style="position:sticky;top:0;height:${HEADER}px;background:#c8102e;color:#fff;z-index:10">Beijing</header>
      <div style="height:calc(50vh - ${HEADER + 40}px)"></div>
      <p>Beijing was the first city to use the <bj-keyword index=${INDEX}>notification and commitment</bj-keyword> system.</p>
      <div style="height:calc(50vh - 90px)"></div>
      <p>The city also tried a <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> for fintech.</p>
      ${filler(2)}
      <p>Volunteers save hours through <bj-keyword index=${INDEX}>time banking</bj-keyword>.</p>
    </div>
  `);
  return [...page.querySelectorAll('bj-keyword')];
}

/** The rect of the header, sticky at the top of the viewport. */
const header = (): DOMRect => document.querySelector('header')!.getBoundingClientRect();
const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The reader sees the keyword, every line of it, and its popover next to it. */
function expectInSight(el: BjKeyword, how: string): void {
  const popover = panel(el).getBoundingClientRect();
  const lines = [...trigger(el).getClientRects()].filter((r) => r.width > 0);
  const name = `"${el.textContent}" (${how})`;
  for (const line of lines) {
    expect(line.top, `${name}: below the sticky header`).to.be.at.least(header().bottom - 0.5);
    expect(line.bottom, `${name}: above the bottom of the viewport`).to.be.at.most(innerHeight + 0.5);
    expect(line.left, `${name}: inside the viewport`).to.be.at.least(0);
    expect(line.right, `${name}: inside the viewport`).to.be.at.most(innerWidth);
    expect(
      overlap(line, popover),
      `${name}: not covered by its popover (${JSON.stringify(popover)} over ${JSON.stringify(line)})`,
    ).to.equal(false);
    const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
    expect(hit, `${name}: drawn on top (nothing covers it)`).to.equal(el);
  }
  expect(popover.top, `${name}: popover inside the viewport`).to.be.at.least(-0.5);
  expect(popover.bottom, `${name}: popover inside the viewport`).to.be.at.most(innerHeight + 0.5);
  const box = panel(el);
  expect(popover.height, `${name}: the popover shows its content, or a good part of the viewport`).to.be.at.least(
    Math.min(box.scrollHeight, 0.3 * innerHeight) - 1,
  );
}

/** The centre of the keyword's first line (a keyword that wraps has no text at the centre of its box). */
function firstLine(el: BjKeyword): [number, number] {
  const r = trigger(el).getClientRects()[0]!;
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Waits until the keyword's popover shows its definition and is placed. */
async function shown(el: BjKeyword): Promise<void> {
  await waitShown(el);
  await waitContent(el);
  await placementSettled(el);
}

describe('<bj-keyword> keeps the keyword in sight', () => {
  withFreshKeywords();
  beforeEach(() => {
    document.documentElement.style.scrollPaddingTop = `${HEADER}px`;
    window.scrollTo(0, 0);
  });
  afterEach(async () => {
    document.documentElement.style.removeProperty('scroll-padding-top');
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  for (const [device, viewport] of DEVICES) {
    describe(`on ${device}`, () => {
      beforeEach(() => setViewport(viewport));

      it('Tab from keyword to keyword: each keyword stays visible above or beside its popover', async () => {
        const keywords = await article();
        const start = document.createElement('button');
        start.textContent = 'start';
        document.querySelector('header')!.append(start);
        start.focus();
        for (const el of keywords) {
          for (let presses = 0; el.shadowRoot!.activeElement !== trigger(el); presses++) {
            expect(presses, `Tab reaches "${el.textContent}"`).to.be.below(30);
            await sendKeys({ press: 'Tab' });
          }
          await shown(el);
          expectInSight(el, 'Tab');
        }
      });

      it('hover: each keyword stays visible above or beside its popover', async () => {
        const keywords = await article();
        for (const el of keywords) {
          trigger(el).scrollIntoView({ block: 'nearest' });
          el.showDelay = 0;
          await moveTo(firstLine(el));
          await shown(el);
          expectInSight(el, 'hover');
          el.hide();
          await moveTo([1, 1]);
        }
      });

      it('tap: each keyword stays visible above or beside its popover', async () => {
        const keywords = await article();
        for (const el of keywords) {
          trigger(el).scrollIntoView({ block: 'nearest' });
          await clickAt(firstLine(el));
          await shown(el);
          expectInSight(el, 'tap');
          await clickAt(firstLine(el)); // a second tap closes it
          await waitUntil(() => !isShown(el), 'the second tap closes it');
        }
      });
    });
  }

  it('hides a popover whose keyword scrolled away under the sticky header, and shows it again when it comes back', async () => {
    await setViewport({ width: 1280, height: 600 });
    const [el] = await article();
    el!.closest('div')!.style.paddingBottom = '100vh'; // room to scroll the keyword under the header
    el!.show();
    await shown(el!);
    expect(getComputedStyle(panel(el!)).visibility, 'shown with its keyword').to.equal('visible');
    const under = trigger(el!).getBoundingClientRect().top - HEADER / 2; // the keyword's line in the middle of the header
    window.scrollBy(0, under);
    await placementSettled(el!);
    const line = trigger(el!).getClientRects()[0]!;
    expect(document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2), 'the header covers the keyword').to.equal(
      document.querySelector('header'),
    );
    expect(getComputedStyle(panel(el!)).visibility, 'not left floating without its keyword').to.equal('hidden');
    window.scrollBy(0, -under);
    await placementSettled(el!);
    expect(getComputedStyle(panel(el!)).visibility, 'back with its keyword').to.equal('visible');
    expect(part(el!, 'title'), 'still the same popover').to.not.equal(null);
  });
});
