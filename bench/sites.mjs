// Growth on a generated district site (bench/site-gen.mjs) of 100 / 1,000 / 10,000 passages
// (100,000 with BJ_SITE_SIZES=100,1000,10000,100000), each indexed two ways in the same run:
//   ours:     `bj-index build data --site … ` (sharded above the `auto` limit) searched through
//             <bj-policy-search limit="5"> (search in its worker), the ES bundle on the page;
//   baseline: Pagefind (npm `pagefind`, its own binary) on the same HTML, searched with its JS API
//             (`pagefind.search(q)` + `data()` of the first 5 results), imported at the first query.
// Per size, in headless Chromium (fresh browser context, gzip -9 server counting the bytes it sends,
// so requests from workers count too):
//   bytes before interaction; bytes to the first answer; bytes over the next five queries;
//   time to the first answer (input event → results with their texts); the longest main-thread
//   task from the first query on (PerformanceObserver 'longtask'); JS heap after the six queries
//   (page + its workers, after GC; Pagefind's WASM memory is not JS heap and not counted);
//   warm query p95 (the same queries again, parts already loaded);
//   build time and peak memory (max RSS) of each indexer, from /usr/bin/time;
//   a phone profile: a fresh page with the main thread 4× slower (CDP CPU throttling), the time to
//   the first answer and the longest task from the first keystroke to the shown results.
// Run alone: `node --import tsx bench/sites.mjs` (prints its table; BJ_SITE_FIRST sets the first query).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, newPage } from './lib/browser.mjs';
import { root, scratch } from './lib/data.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { median, p95 } from './lib/stats.mjs';
import { generateSite } from './site-gen.mjs';

export const SITE_SIZES = process.env.BJ_SITE_SIZES ? process.env.BJ_SITE_SIZES.split(',').map(Number) : [100, 1_000, 10_000];
/** The first query (`BJ_SITE_FIRST=营商环境` for a Chinese one). */
const FIRST = process.env.BJ_SITE_FIRST ?? 'regulatory sandbox';
const NEXT = ['business environment', 'smart city', 'employment', 'elderly care', 'approval'];
const WARM = [
  FIRST,
  ...NEXT,
  'digital infrastructure',
  'credit supervision',
  'land use',
  'hotline',
  'time banking',
  'open government affairs',
];
const SHOWN = 5;

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

const OURS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ours</title>
<script type="module" src="/dist/bj-policy-widgets.js"></script></head>
<body><bj-policy-search index="bj-index.json" limit="${SHOWN}"></bj-policy-search><main><p>District policies.</p></main>
<script type="module" src="ours-driver.js"></script></body></html>`;

// Types a query the way the element receives it (one input event) and waits for its `bj-search`.
const OURS_DRIVER = `window.bjRun = async (q) => {
  await customElements.whenDefined('bj-policy-search');
  const el = document.querySelector('bj-policy-search');
  await el.updateComplete;
  const input = el.shadowRoot.querySelector('input');
  const done = new Promise((resolve) => el.addEventListener('bj-search', function h(e) {
    if (e.detail.query === q) { el.removeEventListener('bj-search', h); resolve(); }
  }));
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await done;
  await el.updateComplete;
  const shown = el.shadowRoot.querySelectorAll('[role="option"]').length;
  return { ms: performance.now() - t0, shown };
};`;

const PAGEFIND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pagefind</title></head>
<body><main><p>District policies.</p></main><script type="module" src="pagefind-driver.js"></script></body></html>`;

// Pagefind's own API, imported at the first query (as its UI does on first use).
const PAGEFIND_DRIVER = `window.bjRun = async (q) => {
  const t0 = performance.now();
  window.pf ??= await import('./pagefind/pagefind.js');
  const search = await window.pf.search(q);
  const data = await Promise.all(search.results.slice(0, ${SHOWN}).map((r) => r.data()));
  return { ms: performance.now() - t0, shown: data.length };
};`;

/** A phone's main thread: this many times slower than this machine's (CDP CPU throttling; workers run at full speed). */
export const PHONE_SLOWDOWN = 4;

/**
 * One engine at one size: the page, six queries, the warm pass, heap and long tasks. `phone`: the
 * main thread {@link PHONE_SLOWDOWN}× slower, the page and first query only (time and long tasks).
 */
async function measurePage(browser, server, url, { phone = false } = {}) {
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
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    const before = bytesSince(m0);
    const m1 = mark();
    const queryStart = await page.evaluate(() => performance.now());
    const first = await page.evaluate((q) => window.bjRun(q), FIRST);
    const m2 = mark();
    if (phone) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
      const longest = await page.evaluate(
        (t) => Math.max(0, ...window.bjLong.filter((e) => e.start >= t).map((e) => e.duration)),
        queryStart,
      );
      return { firstMs: first.ms, shown: first.shown, longest };
    }
    const next = [];
    for (const q of NEXT) next.push(await page.evaluate((q) => window.bjRun(q), q));
    const m3 = mark();
    const longest = await page.evaluate(
      (t) => Math.max(0, ...window.bjLong.filter((e) => e.start >= t).map((e) => e.duration)),
      queryStart,
    );
    const heap = await heapOf(page);

    for (const q of WARM) await page.evaluate((q) => window.bjRun(q), q); // every query's parts loaded
    const warm = [];
    for (let round = 0; round < 2; round++) for (const q of WARM) warm.push((await page.evaluate((q) => window.bjRun(q), q)).ms);
    return {
      before,
      first: bytesSince(m1, m2),
      next: bytesSince(m2, m3),
      firstMs: first.ms,
      shown: first.shown,
      longest,
      heap: heap.js,
      workerHeap: heap.workers,
      workerCount: heap.count,
      memory: heap.backing === null ? null : heap.js + heap.backing,
      warmP95: p95(warm),
      warmP50: median(warm),
      requestsFirst: m2 - m1,
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

async function measureSize(n, browser, server, r) {
  const dir = path.join(scratch, `site-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const www = path.join(dir, 'www');
  mkdirSync(www, { recursive: true });
  generateSite({ passages: n, out: path.join(dir, 'site') });
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
  const sharded = /keyword catalogue/.test(ours.stdout);
  const pf = timed(path.join(root, 'node_modules', '.bin', 'pagefind'), [
    '--site',
    path.join(dir, 'site'),
    '--output-path',
    path.join(www, 'pagefind'),
  ]);
  writeFileSync(path.join(www, 'ours.html'), OURS_PAGE);
  writeFileSync(path.join(www, 'ours-driver.js'), OURS_DRIVER);
  writeFileSync(path.join(www, 'pagefind.html'), PAGEFIND_PAGE);
  writeFileSync(path.join(www, 'pagefind-driver.js'), PAGEFIND_DRIVER);
  const base = `${server.origin}/${path.relative(root, www)}`;
  const a = await measurePage(browser, server, `${base}/ours.html`);
  const b = await measurePage(browser, server, `${base}/pagefind.html`);
  const aPhone = await measurePage(browser, server, `${base}/ours.html`, { phone: true });
  const bPhone = await measurePage(browser, server, `${base}/pagefind.html`, { phone: true });
  const label = `${n.toLocaleString('en-US')} passages`;
  const layout = sharded ? 'sharded' : 'one file';
  r.add(`${n}.before`, `${label}: bytes before interaction (bundle; ${layout})`, a.before, { unit: 'B', baseline: b.before });
  r.add(`${n}.first`, `${label}: bytes to the first answer`, a.first, {
    unit: 'B',
    baseline: b.first,
    note: `${a.requestsFirst} / ${b.requestsFirst} requests`,
  });
  r.add(`${n}.next5`, `${label}: bytes over the next five queries`, a.next, { unit: 'B', baseline: b.next });
  r.add(`${n}.firstMs`, `${label}: time to the first answer`, a.firstMs, { baseline: b.firstMs, note: `${a.shown} / ${b.shown} shown` });
  r.add(`${n}.longest`, `${label}: longest main-thread task from the first query on`, a.longest, {
    baseline: b.longest,
    note: '0 = none over 50 ms',
  });
  r.add(`${n}.phone.firstMs`, `${label}, phone (main thread ${PHONE_SLOWDOWN}× slower): time to the first answer`, aPhone.firstMs, {
    baseline: bPhone.firstMs,
    note: `${aPhone.shown} / ${bPhone.shown} shown`,
  });
  r.add(`${n}.phone.longest`, `${label}, phone: longest main-thread task from the first keystroke to the results`, aPhone.longest, {
    baseline: bPhone.longest,
    note: '0 = none over 50 ms; target ≤ 50',
  });
  if (a.memory !== null && b.memory !== null) {
    r.add(`${n}.heap`, `${label}: JS heap + ArrayBuffers (WASM memory), page + workers`, a.memory, {
      unit: 'B',
      baseline: b.memory,
      note: `JS heap alone ${(a.heap / 2 ** 20).toFixed(1)} / ${(b.heap / 2 ** 20).toFixed(1)} MB; in the search workers (${a.workerCount} / ${b.workerCount}) ${(a.workerHeap / 2 ** 20).toFixed(1)} / ${(b.workerHeap / 2 ** 20).toFixed(1)} MB`,
    });
  } else
    r.add(`${n}.heap`, `${label}: JS heap, page + workers`, a.heap, {
      unit: 'B',
      baseline: b.heap,
      note: "Pagefind's WASM memory not counted",
    });
  r.add(`${n}.warmP95`, `${label}: warm query p95`, a.warmP95, {
    baseline: b.warmP95,
    note: `p50 ${a.warmP50.toFixed(1)} / ${b.warmP50.toFixed(1)} ms`,
  });
  r.add(`${n}.buildMs`, `${label}: build time`, ours.ms, { baseline: pf.ms });
  r.add(`${n}.buildRss`, `${label}: build peak memory (max RSS)`, ours.rssBytes, { unit: 'B', baseline: pf.rssBytes });
  return {
    n,
    ours: { ...a, phone: aPhone, buildMs: ours.ms, buildRss: ours.rssBytes, sharded },
    pagefind: { ...b, phone: bPhone, buildMs: pf.ms, buildRss: pf.rssBytes },
  };
}

export async function measureSites() {
  const r = new Results('sites', 'Generated district site: ours (sharded index, search worker) vs Pagefind 1.6, same HTML, same run');
  if (!existsSync(path.join(root, 'dist', 'search-worker.js'))) throw new Error('bj: dist/ is not built; run `npm run build`');
  const deadline = Number(process.env.BJ_BENCH_DEADLINE) || Infinity;
  const server = await startCountingServer();
  const browser = await launch();
  const detail = [];
  let lastSeconds = 0;
  try {
    for (const n of SITE_SIZES) {
      // A size 10× larger takes about 10× as long: skip it when that would pass the deadline.
      if (Date.now() + lastSeconds * 10_000 > deadline) {
        r.missing(
          `${n}.skipped`,
          `${n.toLocaleString('en-US')} passages`,
          `skipped: would pass the bench budget (BJ_BENCH_BUDGET=900 npm run bench)`,
        );
        continue;
      }
      const t0 = Date.now();
      detail.push(await measureSize(n, browser, server, r));
      lastSeconds = (Date.now() - t0) / 1000;
      log(`sites: ${n} passages in ${lastSeconds.toFixed(0)} s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  r.note(
    'Chromium, gzip -9 bytes as sent; ours = bundle + keyword catalogue + worker + index parts (or the one-file index); Pagefind = pagefind.js + its worker/WASM + meta + index chunks + 5 fragments.',
  );
  r.detail = detail;
  return r;
}

if (isMain(import.meta.url)) finish(await measureSites());
