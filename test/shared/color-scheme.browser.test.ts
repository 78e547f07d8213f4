/**
 * Dark mode as a reader meets it: a phone or OS in dark mode reading a light-only CMS page sees
 * light popovers and a light search box; a page that opts into dark (`color-scheme` on the root or
 * `<meta name="color-scheme">`) gets dark ones; `color-scheme` on the elements forces either.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/bj-keyword/bj-keyword.js';
import '../../src/components/bj-policy-search/bj-policy-search.js';
import type { BjKeyword } from '../../src/components/bj-keyword/bj-keyword.js';
import type { BjPolicySearch } from '../../src/components/bj-policy-search/bj-policy-search.js';
import { clearIndexCache } from '../../src/shared/index/index-store.js';
import { INDEX, panel, prepareIndex, waitContent, waitShown } from '../helpers/keyword.js';
import { combobox } from '../helpers/policy-search.js';

/** sRGB relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Light or dark, as a reader sees a surface: by the luminance of its background. */
const scheme = (el: Element): 'light' | 'dark' => (luminance(getComputedStyle(el).backgroundColor) > 0.5 ? 'light' : 'dark');

/** The page around the elements: a `<meta name="color-scheme">`, or `color-scheme` on the root. */
function declare(page: { meta?: string; root?: string }): void {
  if (page.meta) {
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: page.meta });
    meta.dataset.test = '';
    document.head.append(meta);
  }
  if (page.root) document.documentElement.style.colorScheme = page.root;
}

function undeclare(): void {
  document.head.querySelectorAll('meta[data-test]').forEach((m) => m.remove());
  document.documentElement.style.removeProperty('color-scheme');
}

/** Opens a keyword's popover (`style` on a wrapper, e.g. a forced `color-scheme`) and returns the popover. */
async function popover(style = ''): Promise<HTMLElement> {
  const wrap = await fixture<HTMLElement>(
    html`<p lang="en" style=${style}>The <bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword>.</p>`,
  );
  const el = wrap.querySelector<BjKeyword>('bj-keyword')!;
  el.show();
  await waitShown(el);
  await waitContent(el);
  await expect(wrap).to.be.accessible();
  return panel(el);
}

async function searchBox(style = ''): Promise<HTMLInputElement> {
  const el = await fixture<BjPolicySearch>(html`<bj-policy-search label="Search" style=${style}></bj-policy-search>`);
  await el.updateComplete;
  return combobox(el);
}

/**
 * The reader's light or dark mode. Firefox under WebDriver BiDi cannot emulate it (no CDP): a test
 * that needs dark mode is skipped there; light mode is its headless default.
 */
async function mode(this: Mocha.Context, colorScheme: 'light' | 'dark'): Promise<void> {
  try {
    await emulateMedia({ colorScheme });
  } catch {
    if (colorScheme === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches) this.skip();
  }
}

describe('colour scheme of the popover and the search box', () => {
  before(prepareIndex);
  beforeEach(() => clearIndexCache());
  afterEach(async function () {
    undeclare();
    await mode.call(this, 'light');
  });

  it('stays light on a light-only page when the reader is in dark mode', async function () {
    await mode.call(this, 'dark');
    expect(scheme(await popover()), 'popover').to.equal('light');
    expect(scheme(await searchBox()), 'search box').to.equal('light');
  });

  it('stays light on a page that declares color-scheme: light, in dark mode', async function () {
    await mode.call(this, 'dark');
    declare({ root: 'light', meta: 'light' });
    expect(scheme(await popover()), 'popover').to.equal('light');
    expect(scheme(await searchBox()), 'search box').to.equal('light');
  });

  for (const [how, page] of [
    ['<meta name="color-scheme" content="light dark">', { meta: 'light dark' }],
    [':root { color-scheme: light dark }', { root: 'light dark' }],
  ] as const) {
    it(`turns dark in dark mode on a page that opts in with ${how}`, async function () {
      await mode.call(this, 'dark');
      declare(page);
      expect(scheme(await popover()), 'popover').to.equal('dark');
      expect(scheme(await searchBox()), 'search box').to.equal('dark');
    });

    it(`stays light in light mode on a page that opts in with ${how}`, async function () {
      await mode.call(this, 'light');
      declare(page);
      expect(scheme(await popover()), 'popover').to.equal('light');
      expect(scheme(await searchBox()), 'search box').to.equal('light');
    });
  }

  it('is forced dark by color-scheme: dark on the elements (or an ancestor), whatever the mode', async function () {
    await mode.call(this, 'light');
    expect(scheme(await popover('color-scheme: dark')), 'popover').to.equal('dark');
    expect(scheme(await searchBox('color-scheme: dark')), 'search box').to.equal('dark');
  });

  it('is forced light by color-scheme: light on the elements on a dark page in dark mode', async function () {
    await mode.call(this, 'dark');
    declare({ root: 'light dark' });
    expect(scheme(await popover('color-scheme: light')), 'popover').to.equal('light');
    expect(scheme(await searchBox('color-scheme: light')), 'search box').to.equal('light');
  });
});
