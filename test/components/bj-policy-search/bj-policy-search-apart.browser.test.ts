/**
 * Results a reader can tell apart, in the default index: several passages of one section of a plan
 * match ("regulatory enforcement": five under "(VI) Create a more standardized environment for
 * regulatory enforcement"). The section's heading shows once, with its document, and its passages
 * follow it as their own text, together: never the same title twice in a row.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjPolicySearch } from '../../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../../src/shared/index/index-store.js';
import { blobUrl, combobox, options, prepareIndex, seen, waitOptions } from '../../helpers/policy-search.js';

const SECTION = '(VI) Create a more standardized environment for regulatory enforcement';
/** The title line an option shows ('' for a passage shown under the one above). */
const titleLine = (o: HTMLElement): string => seen(o.querySelector('.titles'));

describe('<bj-policy-search> results a reader can tell apart', function () {
  this.timeout(15000);
  before(prepareIndex);
  beforeEach(() => clearIndexCache());

  it('shows a section’s heading once, with its document, and its matching passages together under it', async () => {
    const el = await fixture<BjPolicySearch>(html`<bj-policy-search lang="en" limit="20" index=${blobUrl()}></bj-policy-search>`);
    combobox(el).focus();
    await sendKeys({ type: 'regulatory enforcement' });
    await waitOptions(el);
    const shown = options(el);
    const titles = shown.map(titleLine);
    for (let i = 1; i < titles.length; i++) {
      expect(titles[i] !== '' && titles[i] === titles[i - 1], `options ${i} and ${i + 1} read alike: ${titles[i]}`).to.equal(false);
    }
    const headed = shown.filter((o) => titleLine(o).includes(SECTION));
    expect(headed.length, `“${SECTION}” heads one option`).to.equal(1);
    expect(seen(headed[0]!), 'with its document').to.contain('A Beijing plan to optimise the business environment');
    const at = shown.indexOf(headed[0]!);
    const under = shown.slice(at + 1).findIndex((o) => titleLine(o) !== '');
    const followers = under === -1 ? shown.length - at - 1 : under;
    expect(followers, 'the section’s other matching passages follow it').to.be.at.least(3);
  });
});
