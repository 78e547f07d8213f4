/**
 * A district site of 10,000 passages (bench/site-gen.mjs: 200 built HTML pages, English and
 * Chinese, some GBK), indexed with `bj-index build --site` (sharded: more than the `auto` limit),
 * searched through `<bj-policy-search>` in Chromium and Firefox ESR under the strict CSP of docs/webmasters.md.
 * The reader sees the matching paragraph with its page link, from a few parts of the index, and the
 * search ran in the worker.
 *
 * The generated site and its index are built once and cached (test/helpers/site-fixture.ts).
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeInBrowsers, firstResults, recordConsole, requireDist, root, search } from '../helpers/e2e.js';
import { BASE_URL, PASSAGES, siteFixture } from '../helpers/site-fixture.js';

const TIMEOUT = 120_000;
/** Results the search box shows (its `limit`). */
const LIMIT = 10;

const page = (script: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Example District: search</title>
<script type="module" src="${script}"></script></head>
<body><header><bj-policy-search index="/bj-index.json" limit="${LIMIT}"></bj-policy-search></header><main><p>Policies of the district.</p></main></body>
</html>`;
/** The page, and one whose script folder lacks search-worker.js (a webmaster copied dist/ but not that file). */
const PAGES: Record<string, string> = {
  '/search.html': page('/dist/bj-policy-widgets.js'),
  '/no-worker.html': page('/bundle-only/bj-policy-widgets.js'),
};

interface Site {
  url: string;
  server: Server;
  /** Paths of index files requested, in order. */
  requests: string[];
}

/** Serves the page (with the strict CSP), dist/ and the index. */
async function startSite(www: string, csp: string): Promise<Site> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (PAGES[url]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
      res.end(PAGES[url]);
      return;
    }
    // /bundle-only/: the dist/ folder without search-worker.js.
    const dist =
      /^\/dist\/((?:chunks\/)?[\w.-]+\.js)$/.exec(url) ?? /^\/bundle-only\/((?:chunks\/)?(?!search-worker)[\w.-]+\.js)$/.exec(url);
    const index = /^\/(bj-index\.json|bj-index\/[\w.-]+\.json)$/.exec(url);
    const file = dist ? path.join(root, 'dist', dist[1]!) : index ? path.join(www, index[1]!) : undefined;
    if (file && existsSync(file)) {
      if (index) requests.push(url);
      res.writeHead(200, { 'Content-Type': file.endsWith('.json') ? 'application/json' : 'text/javascript' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

describe(`a generated district site of ${PASSAGES.toLocaleString('en-US')} passages, sharded`, { timeout: 20 * TIMEOUT }, () => {
  let www = '';
  let site: Site;
  let parts = 0;

  before(async () => {
    requireDist();
    assert.ok(existsSync(path.join(root, 'dist', 'search-worker.js')), 'bj: dist/search-worker.js is missing; run `npm run build`');
    www = await siteFixture();
    parts = readdirSync(path.join(www, 'bj-index')).length;
    const { CSP } = (await import(path.join(root, 'scripts', 'serve.mjs'))) as { CSP: string };
    site = await startSite(www, CSP);
  });
  after(() => new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve())));

  describeInBrowsers((browser) => {
    for (const [query, words, typed] of [
      ['regulatory sandbox', /regulatory sandbox/i, false],
      ['监管沙盒', /监管沙盒/, false],
      ['regulatory sandbox', /regulatory sandbox/i, true],
    ] as const) {
      const how = typed ? 'typed key by key' : 'entered at once';
      it(`finds "${query}" (${how}) in a paragraph linked to its page, fetching only a few parts`, { timeout: TIMEOUT }, async () => {
        const page = await browser().newPage();
        const { errors, messages } = recordConsole(page);
        site.requests.length = 0;
        try {
          await page.goto(`${site.url}/search.html`, { waitUntil: 'load' });
          assert.equal(site.requests.length, 0, 'no index bytes before interaction');
          await search(page, query, typed);
          const shown = await firstResults(page, 3);
          assert.match(shown[0]!.text, words, `the first result shows the words: ${shown[0]!.text}`);
          const passage = shown.find((r) => r.href?.startsWith(BASE_URL));
          assert.ok(passage, `a passage result links to its page on ${BASE_URL}: ${JSON.stringify(shown)}`);
          assert.match(passage.href!, /^https:\/\/district\.example\.gov\.cn\/(en|zh)\/\d{3}\/[\w-]+\.html(#.+)?$/);
          const fetchedParts = site.requests.filter((r) => r.startsWith('/bj-index/'));
          assert.ok(site.requests.includes('/bj-index.json'), 'the keyword catalogue was loaded');
          // One query: its term partitions and the fragments of the results it shows. Typed key by
          // key, the prefixes the reader passes through fetch theirs too, unless the next key
          // arrives first.
          const most = typed ? parts / 10 : 20;
          assert.ok(fetchedParts.length > 0 && fetchedParts.length <= most, `${fetchedParts.length} of ${parts} parts fetched`);
          assert.deepEqual(
            messages.filter((m) => /search runs on the page/.test(m.text)).map((m) => m.text),
            [],
            'the search ran in the worker',
          );
          assert.deepEqual(errors, [], 'console errors or failed requests');
        } finally {
          await page.close();
        }
      });
    }

    for (const query of ['营商环境', '监管沙盒']) {
      it(`fetches the texts of the results it shows for "${query}", no more passage parts`, { timeout: TIMEOUT }, async () => {
        const page = await browser().newPage();
        const { errors } = recordConsole(page);
        site.requests.length = 0;
        try {
          await page.goto(`${site.url}/search.html`, { waitUntil: 'load' });
          await search(page, query);
          const shown = await firstResults(page, LIMIT);
          const pages = new Set(shown.map((r) => r.href?.split('#')[0]).filter((href) => href?.startsWith(BASE_URL)));
          assert.ok(pages.size > 0, `passages are shown: ${JSON.stringify(shown)}`);
          // Counted at the server: at most one passage part per result shown, and they hold the pages shown.
          const fetched = [...new Set(site.requests.filter((r) => /^\/bj-index\/passages-/.test(r)))];
          assert.ok(fetched.length <= LIMIT, `${fetched.length} passage parts fetched for ${LIMIT} results shown`);
          const held = new Set(
            fetched.flatMap((part) =>
              (JSON.parse(readFileSync(path.join(www, part), 'utf8')) as { documents: Array<{ url?: string }> }).documents.map(
                (d) => d.url,
              ),
            ),
          );
          for (const url of pages) assert.ok(held.has(url), `the page shown ${url!} comes from a passage part fetched`);
          assert.deepEqual(errors, [], 'console errors or failed requests');
        } finally {
          await page.close();
        }
      });
    }

    it(
      'still answers on the page when search-worker.js is not published, and says so with a bj: warning',
      { timeout: TIMEOUT },
      async () => {
        const page = await browser().newPage();
        const { messages } = recordConsole(page);
        try {
          await page.goto(`${site.url}/no-worker.html`, { waitUntil: 'load' });
          await search(page, 'regulatory sandbox');
          const shown = await firstResults(page, 3);
          assert.match(shown[0]!.text, /regulatory sandbox/i);
          const warnings = messages.filter((m) => /search runs on the page/.test(m.text)).map((m) => m.text);
          assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(messages)}`);
          assert.match(
            warnings[0]!,
            /^bj: search runs on the page's main thread: the search worker .*bundle-only\/search-worker\.js failed to load/,
          );
          assert.match(warnings[0]!, /Publish search-worker\.js next to the library's script/);
        } finally {
          await page.close();
        }
      },
    );
  });
});
