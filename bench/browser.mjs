// The search core in headless Chromium: load (fetch excluded) and query latency, running the same
// measurement code as Node (bench/lib/measure-search.mjs) in a page that imports dist/search.js,
// next to plain MiniSearch (an esbuild bundle of it) on the same documents and queries. Heap from
// CDP (Runtime.getHeapUsage after HeapProfiler.collectGarbage).
/* global PolicyIndex, MiniSearch, measure, text, baseText, baseOptions, queries, ours, base -- set on the page's window by the first page.evaluate */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage } from './lib/browser.mjs';
import { baselineBundles } from './lib/bundles.mjs';
import { BASELINE_OPTIONS, root, scratch } from './lib/data.mjs';
import { QUERY_LIST } from './lib/queries.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { queryRows, relevanceCases, relevanceRows } from './query.mjs';
import { baselineIndexJSON } from './size.mjs';

/** Heap used in the page after a full GC. */
export async function pageHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

export async function run() {
  const r = new Results('browser', 'Search core in Chromium (dist/search.js)');
  await baselineBundles();
  mkdirSync(scratch, { recursive: true });
  writeFileSync(path.join(scratch, 'baseline-index.json'), baselineIndexJSON());
  writeFileSync(path.join(scratch, 'queries.json'), JSON.stringify(QUERY_LIST));
  const cases = await relevanceCases();
  const server = await startServer();
  const browser = await launch();
  try {
    const { page, close } = await newPage(browser, { log });
    await page.goto(`${server.origin}/bench/pages/blank.html`);
    const isolated = await page.evaluate(() => crossOriginIsolated);
    if (!isolated) r.note('page is not cross-origin isolated: performance.now() is coarsened to 0.1 ms');
    await page.evaluate(async (baseOptions) => {
      const [{ PolicyIndex }, { default: MiniSearch }, measure] = await Promise.all([
        import('/dist/search.js'),
        import('/.tmp/bench/minisearch.js'),
        import('/bench/lib/measure-search.mjs'),
      ]);
      const get = async (u) => (await fetch(u)).text();
      const [text, baseText, queries] = await Promise.all([
        get('/dist/bj-index.json'),
        get('/.tmp/bench/baseline-index.json'),
        get('/.tmp/bench/queries.json'),
      ]);
      Object.assign(window, { PolicyIndex, MiniSearch, measure, text, baseText, baseOptions, queries: JSON.parse(queries) });
    }, BASELINE_OPTIONS);

    // Memory first, in a clean heap: the ready-to-search index, ours then the baseline.
    const cdp = await page.createCDPSession();
    let before = await pageHeap(cdp);
    await page.evaluate(() => {
      window.ours = PolicyIndex.fromJSON(text);
      window.ours.search('sandbox');
    });
    const heap = (await pageHeap(cdp)) - before;
    before = await pageHeap(cdp);
    await page.evaluate(() => {
      window.base = MiniSearch.loadJSON(baseText, baseOptions);
      window.base.search('sandbox');
    });
    const baseHeap = (await pageHeap(cdp)) - before;

    // Queries on a fresh index (its first query builds the search engine), then load times.
    const q = await page.evaluate(() => {
      const index = PolicyIndex.fromJSON(text);
      return measure.measureQueries({ index, base, queries, reps: 30 });
    });
    const m = await page.evaluate(() => measure.measureLoad({ PolicyIndex, MiniSearch, text, baseText, baseOptions, runs: 15 }));
    r.add('load.first', 'load default index, first in page', m.first, {
      baseline: m.baseFirst,
      note: 'JSON.parse + fromJSON; baseline: MiniSearch.loadJSON',
    });
    r.add('load', 'load default index (engine built lazily), median of 15', m.load.median, {
      baseline: m.base.median,
      note: `p95 ${m.load.p95.toFixed(2)} vs ${m.base.p95.toFixed(2)} ms`,
      detail: m,
    });
    r.add('ready', 'load + first query (engine built), median of 15', m.ready.median, {
      baseline: m.baseReady.median,
      note: `p95 ${m.ready.p95.toFixed(2)} vs ${m.baseReady.p95.toFixed(2)} ms`,
    });
    r.add('load.async', 'fromJSONAsync (engine built in chunks), median of 15', m.async.median, {
      baseline: m.baseReady.median,
      note: 'wall time incl. yields',
    });
    r.add('heap', 'heap used by the ready index', heap, { unit: 'B', baseline: baseHeap, note: 'CDP heap after GC' });
    queryRows(r, q, 'Chromium');
    if (cases) {
      const rel = await page.evaluate((cases) => measure.relevance({ index: ours, base, cases }), cases);
      relevanceRows(r, rel);
    }
    // With translations: the reader suite's queries (English, Chinese, across languages) through the
    // headless API searching on the page (worker off, as the search box's fallback does), after a
    // first pass that fetched the lexicon parts they need; baseline: plain MiniSearch, same queries.
    const readerQueries = JSON.parse(readFileSync(path.join(root, 'test', 'search', 'reader', 'reader-queries.json'), 'utf8')).map(
      (c) => c.q,
    );
    const x = await page.evaluate(
      async (qs, reps) => {
        const meta = Object.assign(document.createElement('meta'), { name: 'bj-search-worker', content: 'off' });
        document.head.append(meta);
        const { openIndex } = await import('/dist/search.js');
        const index = openIndex('/dist/bj-index.json');
        for (const q of qs) await index.search(q, { limit: 10 });
        const ours = [];
        const plain = [];
        for (let rep = 0; rep < reps; rep++) {
          for (const q of qs) {
            let t0 = performance.now();
            await index.search(q, { limit: 10 });
            ours.push(performance.now() - t0);
            t0 = performance.now();
            base.search(q, { fuzzy: 0.2, prefix: true });
            plain.push(performance.now() - t0);
          }
        }
        const at = (list, p) => list.sort((a, b) => a - b)[Math.floor(list.length * p)];
        return {
          mode: index.mode,
          n: qs.length,
          p50: at(ours, 0.5),
          p95: at(ours, 0.95),
          baseP50: at(plain, 0.5),
          baseP95: at(plain, 0.95),
        };
      },
      readerQueries,
      5,
    );
    r.add('query.xlang.p95', `query p95 with translations, Chromium (${x.n} reader-suite queries × 5, lexicon parts loaded)`, x.p95, {
      baseline: x.baseP95,
      note: `p50 ${x.p50.toFixed(3)} vs ${x.baseP50.toFixed(3)} ms; headless API in the ${x.mode} (await included); baseline: plain MiniSearch fuzzy 0.2 + prefix`,
    });
    await close();
  } finally {
    await browser.close();
    await server.close();
  }
  return r;
}

if (isMain(import.meta.url)) finish(await run());
