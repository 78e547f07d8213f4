/**
 * What a page pays for, seen from the network: the loader (dist/bj-policy-widgets.js) is all a page
 * fetches before anyone interacts, a keyword's first hover fetches the popover's part and the index
 * but never the search box's, a search box's first search stays within its budget, and the classic
 * script finds its parts next to itself when the site keeps it in a sub-folder of its own. Real Chromium and Firefox ESR under the README's strict CSP;
 * run `npm run build` first (npm test does).
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { describeInBrowsers, firstResults, recordConsole, requireDist, root, search, termFromIndex } from '../helpers/e2e.js';

const TIMEOUT = 60_000;
/** The build under test: dist/, or BJ_DIST (e.g. an older build, to compare). */
const dist = process.env.BJ_DIST ? path.resolve(process.env.BJ_DIST) : path.join(root, 'dist');

/** The strict policy of the README (scripts/serve.mjs sends the same). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html bj-policy-widgets 'allow-duplicates'";

/** A district site: pages under /news/, the widgets copied as a folder to /static/js/widgets/. */
const WIDGETS = '/static/js/widgets/';

const keywordsOnly = (script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News</title>${script}</head>
<body><main>
  <p>We will explore the development of <bj-keyword id="keyword" show-delay="0">regulatory sandbox</bj-keyword>
  and <bj-keyword>time banking</bj-keyword> among others.</p>
</main></body></html>`;

const pages: Record<string, string> = {
  '/news/keywords.html': keywordsOnly(`<script type="module" src="${WIDGETS}bj-policy-widgets.js"></script>`),
  '/news/search.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search</title><script type="module" src="${WIDGETS}bj-policy-widgets.js"></script></head>
<body><header><bj-policy-search></bj-policy-search></header><main><p>Policies of the district.</p></main></body></html>`,
  // A Chinese district page and its English twin: a search box in the header and keywords in the text.
  '/news/zh.html': `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政策</title><script type="module" src="${WIDGETS}bj-policy-widgets.js"></script></head>
<body><header><bj-policy-search id="search"></bj-policy-search></header>
<main><p>探索<bj-keyword>监管沙盒</bj-keyword>和<bj-keyword>时间银行</bj-keyword>。</p></main></body></html>`,
  '/news/en.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Policies</title><script type="module" src="${WIDGETS}bj-policy-widgets.js"></script></head>
<body><header><bj-policy-search id="search"></bj-policy-search></header>
<main><p>We explore <bj-keyword>regulatory sandbox</bj-keyword> and <bj-keyword>time banking</bj-keyword>.</p></main></body></html>`,
  // Relative to the page, as a webmaster often writes it.
  '/news/classic.html': keywordsOnly('<script src="../static/js/widgets/bj-policy-widgets.iife.js" defer></script>'),
};

/**
 * Serves the pages (with the CSP) and dist/ under /static/js/widgets/; 404 for anything else. `served`
 * lists every path asked for, whoever asked (the page or the search worker).
 */
function startSite(): Promise<{ url: string; server: Server; served: string[] }> {
  const served: string[] = [];
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    served.push(url);
    if (url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (pages[url]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP });
      res.end(pages[url]);
      return;
    }
    if (url.startsWith(WIDGETS)) {
      const file = path.join(dist, path.normalize(url.slice(WIDGETS.length)));
      if (file.startsWith(dist + path.sep)) {
        try {
          if (statSync(file).isFile()) {
            res.writeHead(200, { 'Content-Type': file.endsWith('.json') ? 'application/json' : 'text/javascript' });
            res.end(readFileSync(file));
            return;
          }
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, served })),
  );
}

/** Gzip bytes of a file the page fetched from the widgets folder. */
const gzipOf = (url: string) => gzipSync(readFileSync(path.join(dist, new URL(url).pathname.slice(WIDGETS.length))), { level: 9 }).length;

async function open(browser: Browser, url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const { errors } = recordConsole(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width: 1024, height: 768 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => customElements.whenDefined('bj-keyword'));
  return { page, requests, errors };
}

/** Hovers the keyword and waits for the start of its definition in the popover. */
async function hoverShows(page: Page, text: string): Promise<void> {
  await page.hover('#keyword');
  await page.waitForFunction(
    (wanted: string) => {
      const popover = document.getElementById('keyword')?.shadowRoot?.querySelector('[part~="popover"]');
      return Boolean(popover && popover.getBoundingClientRect().height > 0 && (popover.textContent ?? '').includes(wanted));
    },
    { timeout: 20_000 },
    text,
  );
}

describe('the loader and its parts on a site', { timeout: 10 * TIMEOUT }, () => {
  let base = '';
  let server: Server | undefined;
  let served: string[] = [];
  const definitionStart = () => [...(termFromIndex('regulatory-sandbox').definition.en?.[0] ?? '')].slice(0, 30).join('');

  before(async () => {
    requireDist();
    ({ url: base, server, served } = await startSite());
  });
  after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  describeInBrowsers((browser) => {
    it(
      'a page with only keywords fetches the loader alone, then the popover part, and never the search part',
      { timeout: TIMEOUT },
      async () => {
        const { page, requests, errors } = await open(browser(), `${base}/news/keywords.html`);
        try {
          const scripts = () => requests.filter((u) => u.endsWith('.js'));
          const before = scripts();
          assert.deepEqual(before, [`${base}${WIDGETS}bj-policy-widgets.js`], 'before any interaction the page fetches the loader only');
          const loaderGzip = gzipOf(before[0]!);
          // The budget of scripts/build.mjs.
          assert.ok(loaderGzip <= 12 * 1024, `the loader is ${loaderGzip} B gzip, over its 12 KB budget`);

          await hoverShows(page, definitionStart());
          const parts = scripts().slice(before.length);
          assert.ok(
            parts.some((u) => /\/chunks\/keyword-popover-[\w-]+\.js$/.test(u)),
            `the first hover fetches the popover part; it fetched ${parts.join(', ')}`,
          );
          assert.ok(requests.includes(`${base}${WIDGETS}bj-index.json`), 'the index comes from next to the loader');
          // The popover is open: the page has all it will fetch for keywords.
          assert.deepEqual(
            scripts().filter((u) => /search-controller|policy-index|bj-policy-search/.test(u)),
            [],
            'a page without a search box never fetches the search part or the search engine',
          );
          assert.deepEqual(errors, [], 'no console error, failed request or CSP violation');
        } finally {
          await page.close();
        }
      },
    );

    it(
      'a search page answers its first search with at most 48 KB gzip of script (its budget), the worker included, and no sharded reader',
      { timeout: TIMEOUT },
      async () => {
        served.length = 0;
        const { page, errors } = await open(browser(), `${base}/news/search.html`);
        try {
          await search(page, 'regulatory sandbox');
          const [first] = await firstResults(page, 1);
          assert.match(first!.text, /regulatory sandbox/i, `the first result names the keyword: ${first!.text}`);
          // Counted at the server: the search worker fetches its own script and the index, which
          // the page's request log may not show.
          const scripts = [...new Set(served.filter((u) => u.startsWith(WIDGETS) && u.endsWith('.js')))];
          assert.ok(scripts.includes(`${WIDGETS}search-worker.js`), `the search ran in the worker; scripts: ${scripts.join(', ')}`);
          assert.deepEqual(
            scripts.filter((u) => /\/chunks\/worker-/.test(u)),
            [],
            'a single-file index never fetches the sharded index reader',
          );
          const total = scripts.reduce((n, u) => n + gzipOf(`${base}${u}`), 0);
          assert.ok(total <= 48 * 1024, `the first search fetched ${total} B gzip of script (${scripts.join(', ')}), over 48 KB`);
          assert.deepEqual(errors, [], 'no console error, failed request or CSP violation');
        } finally {
          await page.close();
        }
      },
    );

    for (const [lang, file, label] of [
      ['zh-CN', '/news/zh.html', '搜索政策和关键词'],
      ['en', '/news/en.html', 'Search policies and keywords'],
    ] as const) {
      it(
        `a lang="${lang}" page with a search box and keywords fetches the loader alone before interaction (no translation chunk), at most 12 KB gzip, its label already in the page's language`,
        { timeout: TIMEOUT },
        async () => {
          served.length = 0;
          const { page, errors } = await open(browser(), `${base}${file}`);
          try {
            await page.waitForFunction(
              (wanted: string) => document.getElementById('search')?.shadowRoot?.querySelector('label')?.textContent?.trim() === wanted,
              { timeout: 20_000 },
              label,
            );
            // Whatever the page may still be fetching for its shell lands within a network-idle moment.
            await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
            const scripts = [...new Set(served.filter((u) => u.startsWith(WIDGETS) && u.endsWith('.js')))];
            const total = scripts.reduce((n, u) => n + gzipOf(`${base}${u}`), 0);
            assert.deepEqual(scripts, [`${WIDGETS}bj-policy-widgets.js`], 'before interaction the page fetches the loader alone');
            assert.ok(total <= 12 * 1024, `before interaction the page fetched ${total} B gzip of script, over 12 KB`);
            assert.deepEqual(errors, [], 'no console error, failed request or CSP violation');
          } finally {
            await page.close();
          }
        },
      );
    }

    it('the classic script in a sub-folder imports its parts and the index from that folder', { timeout: TIMEOUT }, async () => {
      const { page, requests, errors } = await open(browser(), `${base}/news/classic.html`);
      try {
        await hoverShows(page, definitionStart());
        const fromOutside = requests.filter((u) => /\.(js|json)$/.test(u) && !u.startsWith(`${base}${WIDGETS}`));
        assert.deepEqual(fromOutside, [], 'every script and the index come from the widgets folder');
        assert.ok(
          requests.some((u) => u.startsWith(`${base}${WIDGETS}chunks/`)),
          `the parts come from ${WIDGETS}chunks/; requests: ${requests.join(', ')}`,
        );
        assert.ok(requests.includes(`${base}${WIDGETS}bj-policy-widgets.js`), 'the classic script imports the loader next to itself');
        assert.deepEqual(errors, [], 'no console error, failed request or CSP violation');
      } finally {
        await page.close();
      }
    });
  });
});
