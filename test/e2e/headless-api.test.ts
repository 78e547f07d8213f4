/**
 * A portal with its own interface searches through the public headless API
 * (`bj-policy-widgets/search`, dist/search.js: `openIndex`), in Chromium and Firefox ESR: a sharded
 * district index (the 10,000-passage site of test/helpers/site-fixture.ts) and the one-file default
 * index answer in the search worker with the results and strengths of the page's own search (the
 * elements' fallback) and, for the sharded index, of `bj-index query`; searches started together
 * all answer in full.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeInBrowsers, recordConsole, requireDist, root } from '../helpers/e2e.js';
import { buildCli, runInProcess } from '../helpers/cli.js';
import { siteFixture } from '../helpers/site-fixture.js';

const TIMEOUT = 120_000;
const QUERIES = ['regulatory sandbox', '监管沙盒', 'business licence'];

/** A portal's page: its own script imports the headless API; nothing else of the library. */
const portalPage = (meta: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>${meta}
<script type="module">
  import { openIndex } from '/dist/search.js';
  window.portal = { openIndex };
  document.documentElement.dataset.ready = '1';
</script></head><body><h1>Our own search</h1></body></html>`;
const PAGES: Record<string, string> = {
  '/portal.html': portalPage(''),
  '/portal-no-worker.html': portalPage('<meta name="bj-search-worker" content="off">'),
};

interface Shown {
  id: string;
  strength: string;
}

/** Serves the pages, dist/, the sharded site's index under /site/ and the default index under /one/. */
async function startPortal(www: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (PAGES[url]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGES[url]);
      return;
    }
    let file: string | undefined;
    let m: RegExpExecArray | null;
    if ((m = /^\/dist\/((?:chunks\/)?[\w.-]+\.js)$/.exec(url))) file = path.join(root, 'dist', m[1]!);
    else if ((m = /^\/site\/(bj-index\.json|bj-index\/[\w.-]+\.json)$/.exec(url))) file = path.join(www, m[1]!);
    else if ((m = /^\/one\/(bj-index\.json|bj-index\.lexicon\/[\w.-]+\.json)$/.exec(url))) file = path.join(root, 'dist', m[1]!);
    if (file && existsSync(file)) {
      res.writeHead(200, { 'Content-Type': file.endsWith('.json') ? 'application/json' : 'text/javascript' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(url === '/favicon.ico' ? 204 : 404, { 'Content-Type': 'text/plain' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What `bj-index query --json` ranks for each query on `index`. */
async function fromCli(index: string): Promise<Shown[][]> {
  const { code, stdout, stderr } = await runInProcess(['query', '--json', '--index', index, '--limit', '10'], {
    input: `${QUERIES.join('\n')}\n`,
  });
  assert.equal(code, 0, stderr);
  return stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as Shown[]).map(({ id, strength }) => ({ id, strength })));
}

describe('the headless API, as a portal with its own interface uses it', { timeout: 20 * TIMEOUT }, () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  /**
   * `bj-index query`'s results, for the sharded index only: on a one-file index the CLI reads the
   * whole dictionary lexicon, while a page fetches its parts for an English query only when the
   * query's own words found nothing close.
   */
  const cli = new Map<string, Shown[][]>();

  before(async () => {
    requireDist();
    buildCli();
    const www = await siteFixture();
    portal = await startPortal(www);
    cli.set('/site/bj-index.json', await fromCli(path.join(www, 'bj-index.json')));
  });
  after(() => new Promise<void>((resolve) => (portal ? portal.server.close(() => resolve()) : resolve())));

  describeInBrowsers((browser) => {
    /** Opens `page`, searches `index` for every query at once through `openIndex`, and says where that ran. */
    const searchFrom = async (pagePath: string, index: string): Promise<{ mode: string; results: Shown[][] }> => {
      const page = await browser().newPage();
      const { errors, messages } = recordConsole(page);
      try {
        await page.goto(`${portal.url}${pagePath}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
        const got = await page.evaluate(
          async (url, queries) => {
            type Handle = { mode: string; search(q: string, o: object): Promise<Shown[]> };
            const api = (window as unknown as { portal: { openIndex(u: string): Handle } }).portal;
            const handle = api.openIndex(url);
            const results = await Promise.all(queries.map((q) => handle.search(q, { limit: 10 })));
            return { mode: handle.mode, results: results.map((list) => list.map(({ id, strength }) => ({ id, strength }))) };
          },
          index,
          QUERIES,
        );
        assert.deepEqual(
          messages.filter((m) => /^bj:/.test(m.text)).map((m) => m.text),
          [],
          'no bj: warning',
        );
        assert.deepEqual(errors, [], 'console errors or failed requests');
        return got;
      } finally {
        await page.close();
      }
    };

    for (const index of ['/site/bj-index.json', '/one/bj-index.json']) {
      it(
        `answers three searches started together on ${index} in the worker, as the page's own search does`,
        { timeout: TIMEOUT },
        async () => {
          const inWorker = await searchFrom('/portal.html', index);
          const onPage = await searchFrom('/portal-no-worker.html', index);
          assert.equal(inWorker.mode, 'worker');
          assert.equal(onPage.mode, 'page', 'the page turned the worker off');
          QUERIES.forEach((q, i) => {
            assert.ok(inWorker.results[i]!.length > 0, `"${q}" answers`);
            assert.deepEqual(
              inWorker.results[i],
              onPage.results[i],
              `"${q}": the same results and strengths in the worker and on the page`,
            );
            if (cli.has(index)) assert.deepEqual(inWorker.results[i], cli.get(index)![i], `"${q}": the results of bj-index query`);
          });
        },
      );
    }
  });
});
