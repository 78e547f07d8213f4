// The growth table: a generated district site (bench/site-gen.mjs) of 100 / 1,000 / 10,000 passages
// (100,000 with BJ_SITE_SIZES=100,1000,10000,100000), in two shapes (BJ_SITE_SHAPES, passages a page:
// 50, as a district's long policy pages, and 1, one page a passage), indexed two ways in the same run:
//   ours:     `bj-index build data --site …` (sharded above the `auto` limit);
//   baseline: Pagefind (npm `pagefind`, its own binary) on the same HTML.
// Then searched like with like, in English and in Chinese (a first query and five more each, on a
// page of that language), in headless Chromium with a fresh context per page and a gzip -9 server
// counting the bytes it sends (requests from workers count too); pages in bench/lib/site-pages.mjs:
//   UI:   <bj-policy-search limit="5"> vs Pagefind's default UI (5 results a page);
//   API:  the headless API (bj-policy-widgets/search) vs Pagefind's JS API, 5 results with texts.
// Per page: bytes before interaction, bytes and requests to the first answer, bytes over the next five
// queries, time to the first answer (keystroke or call → the 5 results with their texts), the longest
// main-thread task from the first query on; for the UIs, a phone profile (a fresh page, main thread
// 4× slower by CDP CPU throttling: time to the first answer, longest task). For English UIs on the
// 50-a-page site, also memory (JS heap + ArrayBuffers of page and workers, after GC) and warm query
// p95. Per site: build time and peak memory (max RSS) of each indexer.
//
//   node --import tsx bench/sites.mjs                  prints the rows and the growth table
//   node --import tsx bench/sites.mjs --update-docs    also writes the table into docs/performance.md
//                                                      (between the sites:start / sites:end markers)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, newPage } from './lib/browser.mjs';
import { root, scratch } from './lib/data.mjs';
import { finish, isMain, log, Results, writeDocsBlock } from './lib/report.mjs';
import { median, p95 } from './lib/stats.mjs';
import { generateSite } from './site-gen.mjs';
import { SHOWN, sitePages } from './lib/site-pages.mjs';

export const SITE_SIZES = process.env.BJ_SITE_SIZES ? process.env.BJ_SITE_SIZES.split(',').map(Number) : [100, 1_000, 10_000];
export const SITE_SHAPES = process.env.BJ_SITE_SHAPES ? process.env.BJ_SITE_SHAPES.split(',').map(Number) : [50, 1];
/** Per query language: the page's `lang`, the first query and the next five. */
const QUERIES = {
  en: {
    page: 'en',
    first: process.env.BJ_SITE_FIRST ?? 'regulatory sandbox',
    next: ['business environment', 'smart city', 'employment', 'elderly care', 'approval'],
  },
  zh: { page: 'zh-CN', first: '营商环境', next: ['监管沙盒', '就业', '养老', '审批', '信用'] },
};
/** The warm pass (English UIs on the 50-a-page site): every query again, twice, parts loaded. */
const WARM = [
  ...[QUERIES.en.first, ...QUERIES.en.next],
  'digital infrastructure',
  'credit supervision',
  'land use',
  'hotline',
  'time banking',
  'open government affairs',
];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** Static server for the repo (dist/, .tmp/bench/…), gzip -9, counting the bytes it sends per path. */
async function startCountingServer() {
  const sent = [];
  const cache = new Map();
  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404);
        res.end();
        return;
      }
      const ext = path.extname(file);
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
      };
      let body = readFileSync(file);
      // Pagefind's index files are already gzip-compressed (.pagefind, .pf_*): sent as they are.
      if (TYPES[ext] && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${statSync(file).mtimeMs}`;
        if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
        body = cache.get(key);
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      sent.push({ path: url.pathname, bytes: body.length });
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    sent,
    close: () => new Promise((r) => (server.closeAllConnections?.(), server.close(r))),
  };
}

/** Runs a command under /usr/bin/time: wall seconds and max RSS (KB). */
function timed(cmd, args) {
  const res = spawnSync('/usr/bin/time', ['-f', 'BJTIME %e %M', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const m = /BJTIME ([\d.]+) (\d+)/.exec(res.stderr ?? '');
  if (res.status !== 0 || !m) throw new Error(`bj: ${path.basename(cmd)} failed (exit ${res.status}): ${(res.stderr ?? '').slice(-800)}`);
  return { ms: Number(m[1]) * 1000, rssBytes: Number(m[2]) * 1024, stdout: res.stdout };
}

/** A phone's main thread: this many times slower than this machine's (CDP CPU throttling; workers run at full speed). */
export const PHONE_SLOWDOWN = 4;

/** The longest long task (PerformanceObserver 'longtask') since `t`, 0 when none. */
const longestSince = (page, t) => page.evaluate((t) => Math.max(0, ...window.bjLong.filter((e) => e.start >= t).map((e) => e.duration)), t);
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));

/**
 * One page of one engine: load it, ask the first query, then the next five. `phone`: the main thread
 * {@link PHONE_SLOWDOWN}× slower, the first query only. `extras`: memory after the six queries and the
 * warm pass.
 */
async function measurePage(browser, server, url, queries, { phone = false, extras = false } = {}) {
  const { page, close } = await newPage(browser, { log });
  try {
    if (phone) await (await page.createCDPSession()).send('Emulation.setCPUThrottlingRate', { rate: PHONE_SLOWDOWN });
    await page.evaluateOnNewDocument(() => {
      window.bjLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.bjLong.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const mark = () => server.sent.length;
    const bytesSince = (from, to = server.sent.length) => server.sent.slice(from, to).reduce((s, r) => s + r.bytes, 0);
    const m0 = mark();
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const before = bytesSince(m0);
    const m1 = mark();
    const queryStart = await page.evaluate(() => performance.now());
    const first = await page.evaluate((q) => window.bjRun(q), queries.first);
    const m2 = mark();
    const out = { before, first: bytesSince(m1, m2), requestsFirst: m2 - m1, firstMs: first.ms, shown: first.shown };
    if (phone) {
      await settle(page);
      return { ...out, longest: await longestSince(page, queryStart) };
    }
    for (const q of queries.next) await page.evaluate((q) => window.bjRun(q), q);
    Object.assign(out, { next: bytesSince(m2), longest: await longestSince(page, queryStart) });
    if (!extras) return out;
    const heap = await heapOf(page);
    for (const q of WARM) await page.evaluate((q) => window.bjRun(q), q); // every query's parts loaded
    const warm = [];
    for (let round = 0; round < 2; round++) for (const q of WARM) warm.push((await page.evaluate((q) => window.bjRun(q), q)).ms);
    return {
      ...out,
      heap: heap.js,
      workerHeap: heap.workers,
      workerCount: heap.count,
      memory: heap.backing === null ? null : heap.js + heap.backing,
      warmP95: p95(warm),
      warmP50: median(warm),
    };
  } finally {
    await close();
  }
}

/**
 * JS heap in use, after GC, of the page and each of its workers; `backing`: their ArrayBuffer
 * backing stores (WebAssembly memory included), where Chromium reports them.
 */
async function heapOf(page) {
  const sessions = [await page.createCDPSession(), ...page.workers().map((w) => w.client)];
  let used = 0;
  let backing = 0;
  let workers = 0;
  for (const s of sessions) {
    try {
      await s.send('HeapProfiler.collectGarbage');
    } catch {
      /* a worker without the domain */
    }
    const usage = await s.send('Runtime.getHeapUsage');
    used += usage.usedSize;
    if (s !== sessions[0]) workers += usage.usedSize + (usage.backingStorageSize ?? 0);
    backing = backing === null || usage.backingStorageSize === undefined ? null : backing + usage.backingStorageSize;
  }
  return { js: used, backing, workers, count: sessions.length - 1 };
}

/** Generates the site, builds both indexes and writes the pages: the site's folder and build figures. */
function buildSite(n, perPage) {
  const dir = path.join(scratch, `site-${n}${perPage === 50 ? '' : `-p${perPage}`}`);
  rmSync(dir, { recursive: true, force: true });
  const www = path.join(dir, 'www');
  mkdirSync(www, { recursive: true });
  generateSite({ passages: n, perPage, out: path.join(dir, 'site') });
  const ours = timed(process.execPath, [
    path.join(root, 'bin', 'bj-index.js'),
    'build',
    'data',
    '--site',
    path.join(dir, 'site'),
    '--base-url',
    'https://district.example.gov.cn/',
    '-o',
    path.join(www, 'bj-index.json'),
  ]);
  const pf = timed(path.join(root, 'node_modules', '.bin', 'pagefind'), [
    '--site',
    path.join(dir, 'site'),
    '--output-path',
    path.join(www, 'pagefind'),
  ]);
  for (const [lang, { page }] of Object.entries(QUERIES)) {
    for (const [name, [html, driver]] of Object.entries(sitePages(page))) {
      writeFileSync(path.join(www, `${name}.${lang}.html`), html);
      writeFileSync(path.join(www, `${name}-driver.js`), driver);
    }
  }
  return { www, sharded: /keyword catalogue/.test(ours.stdout), ours, pf };
}

/** Every page of one site: per query language, UI and API of both engines, and the UIs on a phone. */
async function measureSite(n, perPage, browser, server) {
  const site = buildSite(n, perPage);
  const base = `${server.origin}/${path.relative(root, site.www)}`;
  const langs = {};
  for (const [lang, queries] of Object.entries(QUERIES)) {
    const at = (name) => `${base}/${name}.${lang}.html`;
    const extras = lang === 'en' && perPage === 50;
    const m = {};
    for (const mode of ['ui', 'api']) {
      m[mode] = {
        ours: await measurePage(browser, server, at(`ours-${mode}`), queries, { extras: extras && mode === 'ui' }),
        pagefind: await measurePage(browser, server, at(`pagefind-${mode}`), queries, { extras: extras && mode === 'ui' }),
      };
    }
    m.phone = {
      ours: await measurePage(browser, server, at('ours-ui'), queries, { phone: true }),
      pagefind: await measurePage(browser, server, at('pagefind-ui'), queries, { phone: true }),
    };
    langs[lang] = m;
  }
  return {
    n,
    perPage,
    sharded: site.sharded,
    build: { ours: { ms: site.ours.ms, rss: site.ours.rssBytes }, pagefind: { ms: site.pf.ms, rss: site.pf.rssBytes } },
    langs,
  };
}

const sizeLabel = (n) => n.toLocaleString('en-US');
const shapeLabel = (perPage) => (perPage === 1 ? 'a page a passage' : `${perPage} passages a page`);

/** The rows of one site in the results (the old ids for English UIs on the 50-a-page site: the bench's targets read them). */
function addRows(r, s) {
  const label = `${sizeLabel(s.n)} passages, ${shapeLabel(s.perPage)}`;
  const prefix = s.perPage === 50 ? `${s.n}` : `${s.n}.p${s.perPage}`;
  for (const [lang, m] of Object.entries(s.langs)) {
    for (const mode of ['ui', 'api', 'phone']) {
      const { ours: a, pagefind: b } = m[mode];
      const main = s.perPage === 50 && lang === 'en' && mode !== 'api';
      const id = (metric) => (main ? `${prefix}.${mode === 'phone' ? 'phone.' : ''}${metric}` : `${prefix}.${lang}.${mode}.${metric}`);
      const what = `${label}, ${lang} queries, ${mode === 'ui' ? 'element vs Pagefind UI' : mode === 'api' ? 'headless API vs Pagefind API' : `UIs on a phone (main thread ${PHONE_SLOWDOWN}× slower)`}`;
      if (mode !== 'phone') {
        if (mode === 'ui') r.add(id('before'), `${what}: bytes before interaction`, a.before, { unit: 'B', baseline: b.before });
        r.add(id('first'), `${what}: bytes to the first answer`, a.first, {
          unit: 'B',
          baseline: b.first,
          note: `${a.requestsFirst} / ${b.requestsFirst} requests`,
        });
        r.add(id('next5'), `${what}: bytes over the next five queries`, a.next, { unit: 'B', baseline: b.next });
      }
      r.add(id('firstMs'), `${what}: time to the first answer`, a.firstMs, { baseline: b.firstMs, note: `${a.shown} / ${b.shown} shown` });
      r.add(id('longest'), `${what}: longest main-thread task from the first query on`, a.longest, {
        baseline: b.longest,
        note: mode === 'phone' ? '0 = none over 50 ms; target ≤ 50' : '0 = none over 50 ms',
      });
      if (a.warmP95 !== undefined) {
        r.add(id('heap'), `${what}: JS heap + ArrayBuffers (WASM memory), page + workers`, a.memory ?? a.heap, {
          unit: 'B',
          baseline: b.memory ?? b.heap,
          note: `JS heap alone ${(a.heap / 2 ** 20).toFixed(1)} / ${(b.heap / 2 ** 20).toFixed(1)} MB; in the search workers (${a.workerCount} / ${b.workerCount}) ${(a.workerHeap / 2 ** 20).toFixed(1)} / ${(b.workerHeap / 2 ** 20).toFixed(1)} MB`,
        });
        r.add(id('warmP95'), `${what}: warm query p95`, a.warmP95, {
          baseline: b.warmP95,
          note: `p50 ${a.warmP50.toFixed(1)} / ${b.warmP50.toFixed(1)} ms`,
        });
      }
    }
  }
  r.add(`${prefix}.buildMs`, `${label}: build time (${s.sharded ? 'sharded' : 'one file'})`, s.build.ours.ms, {
    baseline: s.build.pagefind.ms,
  });
  r.add(`${prefix}.buildRss`, `${label}: build peak memory (max RSS)`, s.build.ours.rss, { unit: 'B', baseline: s.build.pagefind.rss });
}

const kb = (b) => (b === undefined ? '–' : b === 0 ? '0' : `${(b / 1024).toFixed(1)} KB`);
const msOf = (v) => (v === undefined ? '–' : v === 0 ? '0' : v < 100 ? `${v.toFixed(0)} ms` : `${(v / 1000).toFixed(2)} s`);
const pair = (a, b, fmt) => {
  const ratio = typeof a === 'number' && typeof b === 'number' && b > 0 ? ` (${(a / b).toFixed(2)}×)` : '';
  return `${fmt(a)} / ${fmt(b)}${ratio}`;
};

/** The growth table (Markdown): one row per site, query language and pair compared; ours / Pagefind. */
export function growthTable(sites) {
  const lines = [
    '| passages | pages | queries | compared | before interaction | first answer: bytes (requests) | first answer: time | next five: bytes | longest task | phone: first answer | phone: longest task |',
    '| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of sites) {
    for (const [lang, m] of Object.entries(s.langs)) {
      for (const mode of ['ui', 'api']) {
        const { ours: a, pagefind: b } = m[mode];
        const phone = mode === 'ui' ? m.phone : undefined;
        lines.push(
          `| ${sizeLabel(s.n)}${s.sharded ? '' : ' (one file)'} | ${shapeLabel(s.perPage)} | ${lang === 'en' ? 'English' : 'Chinese'} | ${mode === 'ui' ? 'element / Pagefind UI' : 'headless API / Pagefind API'} | ` +
            `${mode === 'ui' ? pair(a.before, b.before, kb) : '–'} | ${pair(a.first, b.first, kb)} (${a.requestsFirst} / ${b.requestsFirst}) | ${pair(a.firstMs, b.firstMs, msOf)}${a.shown === b.shown ? '' : `, ${a.shown} / ${b.shown} shown`} | ` +
            `${pair(a.next, b.next, kb)} | ${pair(a.longest, b.longest, msOf)} | ${phone ? pair(phone.ours.firstMs, phone.pagefind.firstMs, msOf) : '–'} | ${phone ? pair(phone.ours.longest, phone.pagefind.longest, msOf) : '–'} |`,
        );
      }
    }
  }
  lines.push('', '| passages | pages | build time | build peak memory |', '| ---: | --- | ---: | ---: |');
  for (const s of sites) {
    lines.push(
      `| ${sizeLabel(s.n)} | ${shapeLabel(s.perPage)} | ${pair(s.build.ours.ms, s.build.pagefind.ms, msOf)} | ${pair(s.build.ours.rss, s.build.pagefind.rss, (v) => `${(v / 2 ** 20).toFixed(0)} MB`)} |`,
    );
  }
  return lines.join('\n');
}

export async function measureSites() {
  const r = new Results('sites', 'Generated district site: ours vs Pagefind 1.6, same HTML, same run, UI vs UI and API vs API');
  if (!existsSync(path.join(root, 'dist', 'search-worker.js'))) throw new Error('bj: dist/ is not built; run `npm run build`');
  const deadline = Number(process.env.BJ_BENCH_DEADLINE) || Infinity;
  const server = await startCountingServer();
  const browser = await launch();
  const sites = [];
  let lastSeconds = 0;
  try {
    for (const n of SITE_SIZES) {
      for (const perPage of SITE_SHAPES) {
        // A size 10× larger takes about 10× as long: skip it when that would pass the deadline.
        if (Date.now() + lastSeconds * 10_000 > deadline) {
          r.missing(
            `${n}.p${perPage}.skipped`,
            `${sizeLabel(n)} passages, ${shapeLabel(perPage)}`,
            'skipped: would pass the bench budget (BJ_BENCH_BUDGET=900 npm run bench)',
          );
          continue;
        }
        const t0 = Date.now();
        const site = await measureSite(n, perPage, browser, server);
        sites.push(site);
        addRows(r, site);
        lastSeconds = (Date.now() - t0) / 1000;
        log(`sites: ${n} passages, ${shapeLabel(perPage)}, in ${lastSeconds.toFixed(0)} s`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  r.note(
    `Chromium, gzip -9 bytes as sent, ${SHOWN} results with their texts; ours = bundle + keyword catalogue + worker + index parts (or the one-file index); Pagefind = its UI or pagefind.js + worker/WASM + meta + index chunks + fragments.`,
  );
  r.markdown = growthTable(sites);
  if (process.argv.includes('--update-docs')) writeDocsBlock('sites', r.markdown);
  return r;
}

if (isMain(import.meta.url)) {
  const r = await measureSites();
  finish(r);
  if (!process.argv.includes('--json')) console.log(`\n${r.markdown}`);
}
