/**
 * The demo as the README describes it (`npm start` → /demo/): the Chinese page (ES module), the
 * English page (classic script) and the element reference, in Chromium and Firefox ESR, under
 * the strict Content-Security-Policy the server sends. Needs `npm run build` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { describeInBrowsers, recordConsole, requireDist, root, serve, termFromIndex } from '../helpers/e2e.js';

const TIMEOUT = 60_000;

interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name?: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

async function open(browser: Browser, url: string) {
  const page = await browser.newPage();
  const { messages, errors } = recordConsole(page);
  // The demo pages carry no test code: listen for CSP violations from outside.
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { bjCspViolations: string[] }).bjCspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, messages, errors };
}

async function clean(page: Page, errors: string[]): Promise<void> {
  assert.deepEqual(errors, [], 'console errors, uncaught errors or failed requests');
  const csp = await page.evaluate(() => (window as unknown as { bjCspViolations?: string[] }).bjCspViolations ?? []);
  assert.deepEqual(csp, [], 'Content-Security-Policy violations');
}

/** Hovers the keyword at `selector` and waits until its popover shows `text`. */
async function hoverShows(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction((s: string) => customElements.get('bj-keyword') && document.querySelector(s), {}, selector);
  await page.hover(selector);
  await page.waitForFunction(
    (s: string, t: string) => {
      const popover = document.querySelector(s)?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]');
      const box = popover?.getBoundingClientRect();
      return !!box && box.width > 0 && (popover!.textContent ?? '').replace(/\s+/g, ' ').includes(t);
    },
    { timeout: 20_000 },
    selector,
    text,
  );
}

const start = (text: string | undefined, n: number) => [...(text ?? '')].slice(0, n).join('');

describe('the demo', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let stop: () => Promise<void> = async () => {};
  before(async () => {
    requireDist();
    ({ url: base, stop } = await serve());
  });
  after(() => stop());

  describeInBrowsers((browser) => {
    it('Chinese page: a keyword in the article shows its Chinese definition on hover', { timeout: TIMEOUT }, async () => {
      const { page, errors } = await open(browser(), `${base}demo/`);
      try {
        assert.equal(await page.$eval('html', (h) => h.lang), 'zh-Hans');
        const term = termFromIndex('smart-review-and-approval');
        await hoverShows(page, 'article bj-keyword[term="smart-review-and-approval"]', start(term.definition.zh?.[0], 20));
        await clean(page, errors);
      } finally {
        await page.close();
      }
    });

    it('Chinese page: <bj-annotate> marks the keyword written without markup', { timeout: TIMEOUT }, async () => {
      const { page, errors } = await open(browser(), `${base}demo/`);
      try {
        const sandbox = termFromIndex('regulatory-sandbox').title.zh!;
        await page.waitForFunction(
          (title: string) => [...document.querySelectorAll('bj-annotate bj-keyword')].some((k) => k.textContent === title),
          { timeout: 20_000 },
          sandbox,
        );
        await clean(page, errors);
      } finally {
        await page.close();
      }
    });

    it('English page (classic script): hover and search work', { timeout: TIMEOUT }, async () => {
      const { page, errors } = await open(browser(), `${base}demo/en.html`);
      try {
        const term = termFromIndex('notification-and-commitment');
        await hoverShows(page, 'article bj-keyword[term="notification-and-commitment"]', start(term.definition.en?.[0], 40));
        const input = await page.waitForSelector('bj-policy-search >>> input');
        await input!.click();
        await page.keyboard.type('time bank', { delay: 20 });
        const title = termFromIndex('time-banking').title.en!;
        await page.waitForFunction(
          (t: string) =>
            [...(document.querySelector('bj-policy-search')?.shadowRoot?.querySelectorAll('[part~="option"]') ?? [])].some((o) =>
              (o.textContent ?? '').includes(t),
            ),
          { timeout: 20_000 },
          title,
        );
        await clean(page, errors);
      } finally {
        await page.close();
      }
    });

    it(
      'reference page lists every element, attribute, event, slot, part and CSS property of the manifest',
      { timeout: TIMEOUT },
      async () => {
        const manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'custom-elements.json'), 'utf8')) as {
          modules: { declarations?: ManifestDeclaration[] }[];
        };
        const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
        assert.ok(elements.length >= 3, 'the manifest lists fewer than three elements');
        const { page, errors } = await open(browser(), `${base}demo/reference.html`);
        try {
          await page.waitForSelector(`section#${elements[0]!.tagName}`, { timeout: 20_000 });
          for (const d of elements) {
            const text = await page.$eval(`section#${d.tagName}`, (s) => s.textContent ?? '');
            const names = [
              ...(d.attributes ?? []).map((a) => a.name),
              ...(d.events ?? []).flatMap((e) => (e.name ? [e.name] : [])),
              ...(d.slots ?? []).flatMap((s) => (s.name ? [s.name] : [])),
              ...(d.cssParts ?? []).map((p) => p.name),
              ...(d.cssProperties ?? []).map((p) => p.name),
            ];
            const missing = names.filter((n) => !text.includes(n));
            assert.deepEqual(missing, [], `<${d.tagName}> reference lacks these names`);
          }
          await clean(page, errors);
        } finally {
          await page.close();
        }
      },
    );
  });
});
