import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import { arrange } from '../../../src/components/bj-policy-search/arrange.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import {
  activeOption,
  combobox,
  isOpen,
  jsonResponse,
  listbox,
  options,
  part,
  prepareIndex,
  seen,
  stubFetch,
  testIndex,
  waitOptions,
  waitStatus,
  typeInto,
} from '../../helpers/policy-search.js';
import { waitUntil } from '../../helpers/wait.js';

// A phone's main thread draws a popup and its results in several short tasks: the popup opens on the
// first keystroke, and new results are drawn a few first, the rest after the next frame. What the
// reader gets in the end is the same: every result up to the limit, reachable with the keys, counted.

const expected = (query: string) => arrange(testIndex().search(query, { kind: 'all', limit: 200 }));

describe('<bj-policy-search> on a slow phone', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('opens under the box on the first keystroke, saying "Loading…" until the index is there', async () => {
    let arrive = (): void => undefined;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    const restore = stubFetch({ '/held/bj-index.json': () => held.then(() => jsonResponse()) });
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/held/bj-index.json"></bj-policy-search>`);
      await typeInto(el, 'sandbox');
      await waitUntil(() => isOpen(el), 'the popup opens before the results', { timeout: 5000 });
      expect(seen(part(el, 'panel'))).to.contain('Loading…');
      expect(options(el)).to.have.length(0);
      expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
      arrive();
      const opts = await waitOptions(el);
      expect(opts.length).to.equal(Math.min(12, expected('sandbox').length));
      expect(seen(part(el, 'panel'))).not.to.contain('Loading…');
    } finally {
      restore();
    }
  });

  it('shows every result up to the limit, busy until the last is drawn, and counts them all', async () => {
    const query = 'regulatory';
    const all = expected(query);
    const limit = 8;
    expect(all.length, 'more results than the limit').to.be.greaterThan(limit);
    const restore = stubFetch({ '/slices/bj-index.json': () => jsonResponse() });
    try {
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/slices/bj-index.json" limit=${limit}></bj-policy-search>`);
      await typeInto(el, query);
      await waitUntil(() => isOpen(el) && options(el).length > 0, 'results appear', { timeout: 5000 });
      await waitUntil(() => listbox(el).getAttribute('aria-busy') === 'false', 'the listbox is complete', { timeout: 5000 });
      expect(options(el).map((o) => o.id)).to.deep.equal([...Array(limit).keys()].map((i) => `opt-${i}`));
      expect(seen(part(el, 'more'))).to.contain(`(${all.length - limit})`);
      await waitStatus(el, new RegExp(`^${all.length} results$`));
    } finally {
      restore();
    }
  });

  it('reaches the last result with the keys: Up from the box wraps to it', async () => {
    const restore = stubFetch({ '/keys/bj-index.json': () => jsonResponse() });
    try {
      const limit = 7;
      const el = await fixture<BjPolicySearch>(html`<bj-policy-search index="/keys/bj-index.json" limit=${limit}></bj-policy-search>`);
      await typeInto(el, 'regulatory');
      await waitOptions(el);
      await sendKeys({ press: 'ArrowUp' });
      expect(activeOption(el)?.id).to.equal(`opt-${limit - 1}`);
      expect(activeOption(el)?.getAttribute('aria-selected')).to.equal('true');
    } finally {
      restore();
    }
  });
});
