/**
 * The built library on plain HTML pages, as a webmaster includes it: the ES module and the classic
 * IIFE script from dist/, in real Chromium and Firefox ESR, under the strict Content-Security-Policy
 * scripts/serve.mjs sends. Run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { cspViolations, describeInBrowsers, recordConsole, requireDist, serve, termFromIndex, type ConsoleRecord } from '../helpers/e2e.js';

const TIMEOUT = 60_000;

/** The keyword on the test pages reads "Sandbox Supervision", an alias of this keyword. */
const KEYWORD_ID = 'regulatory-sandbox';

interface Visit {
  page: Page;
  messages: ConsoleRecord[];
  errors: string[];
  requests: string[];
}

async function visit(browser: Browser, url: string): Promise<Visit> {
  const page = await browser.newPage();
  const { messages, errors } = recordConsole(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width: 1024, height: 768 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => Promise.all(['bj-keyword', 'bj-policy-search', 'bj-annotate'].map((t) => customElements.whenDefined(t))));
  return { page, messages, errors, requests };
}

/** Hovers the keyword and waits for its popover to show text that starts its definition. */
async function hoverShowsDefinition(page: Page, expected: string): Promise<void> {
  await page.hover('#keyword');
  await page.waitForFunction(
    (text: string) => {
      const popover = document.getElementById('keyword')?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]');
      if (!popover) return false;
      const box = popover.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && getComputedStyle(popover).visibility !== 'hidden';
      return shown && (popover.textContent ?? '').replace(/\s+/g, ' ').includes(text);
    },
    { timeout: 20_000 },
    expected,
  );
}

/** Types into the search box and waits for an option that names `title`. */
async function searchLists(page: Page, query: string, title: string): Promise<number> {
  const input = await page.waitForSelector('bj-policy-search >>> input');
  assert.ok(input, 'the search box has no text input');
  await input.click();
  await page.keyboard.type(query, { delay: 20 });
  const handle = await page.waitForFunction(
    (wanted: string) => {
      const root = document.querySelector('bj-policy-search')?.shadowRoot;
      const options = [...(root?.querySelectorAll('[part~="option"]') ?? [])];
      const named = options.some((o) => (o.textContent ?? '').includes(wanted));
      return named ? options.length : 0;
    },
    { timeout: 20_000 },
    title,
  );
  return (await handle.jsonValue()) as number;
}

async function assertClean(v: Visit): Promise<void> {
  assert.deepEqual(v.errors, [], 'console errors, uncaught errors or failed requests');
  assert.deepEqual(await cspViolations(v.page), [], 'Content-Security-Policy violations');
}

describe('built library on a page', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let stop: () => Promise<void> = async () => {};
  const term = () => termFromIndex(KEYWORD_ID);
  const definitionStart = () => [...(term().definition.en?.[0] ?? '')].slice(0, 40).join('');

  before(async () => {
    requireDist();
    const server = await serve();
    base = server.url;
    stop = server.stop;
  });
  after(() => stop());

  describeInBrowsers((browser) => {
    for (const [form, page] of [
      ['<script type="module">', 'module.html'],
      ['classic <script defer> (IIFE)', 'iife.html'],
    ] as const) {
      describe(`loaded as ${form}`, () => {
        it('shows a keyword’s definition on hover, from the index next to the script', { timeout: TIMEOUT }, async () => {
          const v = await visit(browser(), `${base}test/e2e/pages/${page}`);
          try {
            await hoverShowsDefinition(v.page, definitionStart());
            assert.ok(
              v.requests.includes(`${base}dist/bj-index.json`),
              `the index was not fetched from next to the script; requests: ${v.requests.join(', ')}`,
            );
            await assertClean(v);
          } finally {
            await v.page.close();
          }
        });

        it('lists results while typing in the search box', { timeout: TIMEOUT }, async () => {
          const v = await visit(browser(), `${base}test/e2e/pages/${page}`);
          try {
            const count = await searchLists(v.page, 'sandbox', term().title.en!);
            assert.ok(count >= 1);
            await assertClean(v);
          } finally {
            await v.page.close();
          }
        });

        it('marks the keywords inside <bj-annotate>', { timeout: TIMEOUT }, async () => {
          const v = await visit(browser(), `${base}test/e2e/pages/${page}`);
          try {
            await v.page.waitForSelector('bj-annotate bj-keyword', { timeout: 20_000 });
            const text = await v.page.$eval('bj-annotate bj-keyword', (el) => el.textContent);
            assert.equal(text, 'notification and commitment');
            await assertClean(v);
          } finally {
            await v.page.close();
          }
        });

        it('prints no bj: note when the script is included once', { timeout: TIMEOUT }, async () => {
          const v = await visit(browser(), `${base}test/e2e/pages/${page}`);
          try {
            await hoverShowsDefinition(v.page, definitionStart());
            assert.deepEqual(
              v.messages.filter((m) => m.text.startsWith('bj:')),
              [],
              'a page that loads the script once gets no bj: note',
            );
          } finally {
            await v.page.close();
          }
        });
      });
    }

    for (const [how, page] of [
      ['the classic script twice', 'twice-iife.html'],
      ['the module and then the classic script', 'twice-mixed.html'],
      ['the module from two URLs (like two versions)', 'twice-module.html'],
    ] as const) {
      it(`loading ${how} logs one bj: note, no error, and the elements work`, { timeout: TIMEOUT }, async () => {
        const v = await visit(browser(), `${base}test/e2e/pages/${page}`);
        try {
          await hoverShowsDefinition(v.page, definitionStart());
          const notes = v.messages.filter((m) => m.text.startsWith('bj:'));
          assert.equal(notes.length, 1, `expected one bj: note, got ${JSON.stringify(notes)}`);
          assert.match(notes[0]!.text, /loaded twice/);
          await assertClean(v);
        } finally {
          await v.page.close();
        }
      });
    }
  });
});
