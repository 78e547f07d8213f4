/**
 * What a screen reader says, read from the accessibility tree as assistive technology computes it
 * (axe-core's accname): words of different elements stay apart in a result's name ("environment
 * II", not "environmentII"; "Regulatory sandbox 监管沙盒"), and a keyword's definition is said once
 * on focus, not by its description and a live region both.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-keyword/bj-keyword.js';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { INDEX, testIndex, trigger, waitContent, withFreshKeywords } from '../../helpers/keyword.js';
import { blobUrl, combobox, options, prepareIndex as prepareSearchIndex, waitOptions } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

interface Axe {
  setup(root: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(vNode: unknown): string }; dom: { idrefs(node: Element, attr: string): Array<Element | null> } };
}

/** Reads `read` with axe-core's accessible name computation set up on the document. */
async function accessibility<T>(read: (name: (el: Element) => string, axe: Axe) => T): Promise<T> {
  // @ts-expect-error axe-core's browser build has no type declarations; it registers window.axe.
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: Axe }).axe;
  axe.setup(document);
  try {
    return read((el) => axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el)), axe);
  } finally {
    axe.teardown();
  }
}

/** What the trigger's description says (aria-describedby), as a screen reader computes it. */
const description = (el: BjKeyword): Promise<string> =>
  accessibility((name, axe) =>
    axe.commons.dom
      .idrefs(trigger(el), 'aria-describedby')
      .map((n) => (n ? name(n) : ''))
      .join(' '),
  );

/** What the keyword's live regions say. */
const liveRegions = (el: BjKeyword): string =>
  [...el.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')].map((n) => n.textContent ?? '').join(' ');

/** How many of the places a screen reader announces on focus say `text`. */
async function timesSaid(el: BjKeyword, text: string): Promise<number> {
  return [await description(el), liveRegions(el)].filter((said) => said.replace(/\s+/g, ' ').includes(text)).length;
}

describe('<bj-keyword> and <bj-policy-search> as a screen reader says them', () => {
  withFreshKeywords();
  before(prepareSearchIndex);

  it("keeps a result's document title and heading apart in the option's name", async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" index=${blobUrl()} label="Search"></bj-policy-search>`);
    combobox(el).focus();
    await sendKeys({ type: 'regulatory sandbox' });
    await waitOptions(el);
    const names = await accessibility((name) => options(el).map(name));
    expect(
      names.some((n) => /^Keyword/.test(n)) && names.some((n) => /^Policy/.test(n)),
      'a keyword and a passage (the test needs both)',
    ).to.equal(true);
    for (const n of names) expect(n, 'no words run together').to.not.match(/[a-z][A-Z(]|[a-z)][\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z]/u);
  });

  it('says the definition once when it arrives after focus (slow index): in the live region, not also in the description', async () => {
    const slow = `/__bj/slow?ms=700&file=dist/bj-index.json&n=${Date.now()}`;
    const sandbox = testIndex().term('regulatory-sandbox')!;
    const el = await fixture<BjKeyword>(html`<bj-keyword lang="en" index=${slow}>regulatory sandbox</bj-keyword>`);
    el.focus();
    await waitUntil(() => el.open, 'focus opens the popover');
    await waitContent(el);
    expect(await timesSaid(el, sandbox.definition.en![0]!.slice(0, 40))).to.equal(1);
  });

  it('says the definition once on focus when the index is already here: in the description', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<p lang="en">
        The <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword> and <bj-keyword index=${INDEX}>time banking</bj-keyword>.
      </p>`,
    );
    const [first, el] = [...wrap.querySelectorAll('bj-keyword')] as BjKeyword[];
    first!.show();
    await waitContent(first!);
    first!.hide();
    el!.focus();
    await waitUntil(() => el!.open, 'focus opens the popover');
    await waitContent(el!);
    expect(await timesSaid(el!, testIndex().term('time-banking')!.definition.en![0]!.slice(0, 40))).to.equal(1);
  });
});
