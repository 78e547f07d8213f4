/**
 * A very long passage (from an index `bj-index build` did not make, or made before passages were
 * split) in the details view: at most what the builder writes is laid out, then "…".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { DETAILS_CHARS } from '../../../src/components/bj-policy-search/result-view.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { blobUrl, combobox, indexJson, options, part, prepareIndex } from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

/** The good index with its first passage's text replaced by `chars` characters of words. */
function indexWithLongPassage(chars: number): string {
  const index = JSON.parse(indexJson()) as { entries: Array<{ kind: string; text?: string }> };
  const passage = index.entries.find((e) => e.kind === 'passage')!;
  const words = 'zygomorphic policy text that goes on and on ';
  passage.text = words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
  return JSON.stringify(index);
}

describe('<bj-policy-search> details of a very long passage', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it("lays out at most the builder's passage limit of a 1 MB passage, then an ellipsis", async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search index=${blobUrl(indexWithLongPassage(1_000_000))}></bj-policy-search>`);
    combobox(el).focus();
    await sendKeys({ type: 'zygomorphic' });
    await waitUntil(() => options(el).length > 0, 'the long passage is found', { timeout: 20000 });
    options(el)[0]!.click();
    await waitUntil(() => part(el, 'details') !== null, 'details view opens', { timeout: 20000 });
    const text = part(el, 'details')!.querySelector('.text')!.textContent!.trim();
    expect(text.length).to.equal(DETAILS_CHARS + 1);
    expect(text.endsWith('…')).to.equal(true);
    expect(text.startsWith('zygomorphic policy text')).to.equal(true);
  });
});
