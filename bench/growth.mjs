// Growth: deterministic synthetic corpora (bench/lib/synth.mjs, seeded) of 1k, 10k and 100k
// passages plus the real keywords. Per size, in a child process of its own (clean heap): index
// gzip bytes, build time, load time (fromJSON), ready time (load + first query: the search engine
// is built lazily), query p50/p95 over a 20-query subset, heap after ready; next to plain MiniSearch
// (addAll; its serialised index; loadJSON; fuzzy+prefix queries). The one-file index only: the
// sharded index of a large site is measured by bench/sites.mjs (against Pagefind).
//
// Budget: 1k always runs; a larger size is skipped when its projected time (10× the previous size's) would pass the
// deadline `BJ_BENCH_DEADLINE` (epoch ms, set by bench/run.mjs), and the rows say so. Larger sizes
// run fewer repetitions (stated in each row).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { BASELINE_OPTIONS, baselineDocs, root, scratch } from './lib/data.mjs';
import { buildModule, searchModule } from './lib/ours.mjs';
import { QUERY_LIST } from './lib/queries.mjs';
import { finish, isMain, log, Results } from './lib/report.mjs';
import { heapUsed, median, p95 } from './lib/stats.mjs';
import { syntheticCorpora } from './lib/synth.mjs';

export const SIZES = process.env.BJ_GROWTH_SIZES ? process.env.BJ_GROWTH_SIZES.split(',').map(Number) : [1_000, 10_000, 100_000];
/** Four queries of each group. */
const QUERIES = [...new Set(QUERY_LIST.map((q) => q.group))].flatMap((g) => QUERY_LIST.filter((q) => q.group === g).slice(0, 4));
const REPS = { 1000: 5, 10000: 2, 100000: 1 };
const repsFor = (n) => REPS[n] ?? (n < 10_000 ? 5 : n < 100_000 ? 2 : 1);

/** Mid-range phone assumptions for the "whole index" limit rows (in bench/results.json). */
export const PHONE = { slowdown: 4.5, gzipBudget: 150 * 1024, loadBudgetMs: 300 };

const gz = (s) => gzipSync(s, { level: 9 }).length;

/** Measures one size (child process). The largest size skips the baseline and repeats less. */
async function measureSize(n) {
  const started = performance.now();
  const full = n < SIZES[SIZES.length - 1];
  const t = (fn) => {
    const t0 = performance.now();
    const v = fn();
    return [v, performance.now() - t0];
  };
  const corpora = syntheticCorpora(n);
  const { buildIndex } = await buildModule();
  const { PolicyIndex } = (await searchModule()).mod;
  buildIndex(corpora.slice(0, 1)); // load OpenCC + pinyin dictionaries outside the timing
  let [built, build] = t(() => buildIndex(corpora));
  const text = JSON.stringify(built);
  const out = { n, full, build, raw: text.length, gzip: gz(text) };
  built = undefined;
  // Load and load + first query: warm medians (a cold first call is timed but not used: JIT warm-up
  // is a fixed cost, measured on the default corpus by bench/index.mjs and bench/browser.mjs).
  t(() => PolicyIndex.fromJSON(text).search('sandbox'));
  const loads = [];
  for (let i = 0; i < (full ? 3 : 1); i++) loads.push(t(() => PolicyIndex.fromJSON(text))[1]);
  const readies = [];
  for (let i = 0; i < (full ? 2 : 0); i++) readies.push(t(() => PolicyIndex.fromJSON(text).search('sandbox'))[1]);
  let before = heapUsed();
  const [index, load] = t(() => PolicyIndex.fromJSON(text));
  const [, ready] = t(() => index.search('sandbox'));
  out.load = median([...loads, load]);
  out.ready = median([...readies, load + ready]);
  out.heap = heapUsed() - before;
  const queries = full ? QUERIES : QUERIES.filter((_, i) => i % 2 === 0);
  const samples = [];
  for (let r = 0; r < repsFor(n); r++) for (const { q } of queries) samples.push(t(() => index.search(q))[1]);
  out.queries = `${queries.length} queries × ${repsFor(n)}`;
  out.queryP50 = median(samples);
  out.queryP95 = p95(samples);
  out.oursSeconds = (performance.now() - started) / 1000;
  if (!full) return out;
  // Baseline: build, serialise, then load the serialised index in a clean heap.
  const docs = baselineDocs(corpora);
  const [base, baseBuild] = t(() => {
    const ms = new MiniSearch(BASELINE_OPTIONS);
    ms.addAll(docs);
    return ms;
  });
  const baseText = JSON.stringify(base);
  before = heapUsed();
  const [loaded, baseLoad] = t(() => MiniSearch.loadJSON(baseText, BASELINE_OPTIONS));
  const baseHeap = heapUsed() - before;
  const baseSamples = [];
  for (let r = 0; r < repsFor(n); r++)
    for (const { q } of queries) baseSamples.push(t(() => loaded.search(q, { fuzzy: 0.2, prefix: true }))[1]);
  out.base = {
    build: baseBuild,
    raw: baseText.length,
    gzip: gz(baseText),
    load: baseLoad,
    heap: baseHeap,
    queryP95: p95(baseSamples),
    queryP50: median(baseSamples),
  };
  out.keep = [index, loaded].length;
  return out;
}

/** Least-squares line y = a + b·n through the measured points. */
function fit(points, key) {
  const k = points.length;
  const mx = points.reduce((s, p) => s + p.n, 0) / k;
  const my = points.reduce((s, p) => s + p[key], 0) / k;
  const b = points.reduce((s, p) => s + (p.n - mx) * (p[key] - my), 0) / points.reduce((s, p) => s + (p.n - mx) ** 2, 0);
  return { a: my - b * mx, b };
}

export async function run() {
  const r = new Results('growth', 'Growth (Node, synthetic corpora: N passages + the 13 keywords)');
  const deadline = Number(process.env.BJ_BENCH_DEADLINE) || Date.now() + 240_000;
  const measured = [];
  let last;
  for (const n of SIZES) {
    // ~5 s of every child is start-up (tsx, dictionaries, corpus generation); our part grows about
    // linearly with N (the largest size skips the baseline).
    const projected = last ? 5 + last.oursSeconds * (n / last.n) * 1.1 : 30;
    if (last && Date.now() + projected * 1000 > deadline) {
      r.missing(
        `${n}`,
        `${n.toLocaleString('en-US')} passages`,
        `not measured: projected ~${Math.round(projected)} s (linear from the ${last ? last.n.toLocaleString('en-US') : ''} case) would pass the 5-minute budget; see the extrapolated rows`,
      );
      break;
    }
    const file = path.join(scratch, `growth-${n}.json`);
    const t0 = Date.now();
    log(`growth: ${n} passages…`);
    try {
      execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          '--max-old-space-size=6000',
          path.join(root, 'bench/growth.mjs'),
          '--size',
          String(n),
          '--out',
          file,
        ],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
          timeout: Math.max(10_000, deadline - Date.now()),
        },
      );
    } catch (e) {
      r.missing(`${n}`, `${n.toLocaleString('en-US')} passages`, `failed or timed out: ${String(e.message).split('\n')[0]}`);
      break;
    }
    const m = JSON.parse(readFileSync(file, 'utf8'));
    last = { n, seconds: (Date.now() - t0) / 1000, oursSeconds: m.oursSeconds };
    measured.push(m);
    const k = n.toLocaleString('en-US');
    const base = m.base ?? {};
    const nb = m.full ? {} : { note: 'baseline not run at this size (budget)' };
    r.add(
      `${n}.gzip`,
      `${k}: index size (raw / gzip)`,
      { raw: m.raw, gzip: m.gzip, brotli: NaN },
      { unit: 'sizes', baseline: m.base ? { raw: base.raw, gzip: base.gzip, brotli: NaN } : undefined, ...nb },
    );
    r.add(`${n}.build`, `${k}: build (once)`, m.build, { baseline: base.build, note: 'buildIndex vs MiniSearch addAll' });
    r.add(`${n}.load`, `${k}: load (fromJSON, lazy engine; warm median)`, m.load, { baseline: base.load, note: 'baseline: loadJSON' });
    r.add(`${n}.ready`, `${k}: load + first query (engine built; warm median)`, m.ready, {
      baseline: base.load,
      note: 'what the first search on a page pays after the fetch',
    });
    r.add(`${n}.p95`, `${k}: query p95 (${m.queries})`, m.queryP95, {
      baseline: base.queryP95,
      note: `p50 ${m.queryP50.toFixed(2)} ms${m.base ? ` vs ${base.queryP50.toFixed(2)} ms; baseline fuzzy+prefix` : ''}`,
    });
    r.add(`${n}.heap`, `${k}: heap after load + first query`, m.heap, {
      unit: 'B',
      baseline: base.heap,
      note: 'after GC; baseline: loadJSON instance',
    });
  }
  // Sizes not measured: linear extrapolation from the two largest measured sizes, marked as such.
  if (measured.length >= 2) {
    const [a, b] = measured.slice(-2);
    for (const n of SIZES.filter((x) => x > b.n)) {
      const x = (k) => b[k] + ((b[k] - a[k]) / (b.n - a.n)) * (n - b.n);
      const k = n.toLocaleString('en-US');
      r.add(`${n}.gzip.est`, `${k}: index gzip (extrapolated, not measured)`, Math.round(x('gzip')), { unit: 'B' });
      r.add(`${n}.ready.est`, `${k}: load + first query (extrapolated, not measured)`, x('ready'));
      r.add(`${n}.build.est`, `${k}: build (extrapolated, not measured)`, x('build'));
    }
  }
  // Where loading the whole index stops being reasonable on a mid-range phone (assumptions in PHONE):
  // lines fitted through the measured sizes, solved for the budgets.
  if (measured.length >= 2) {
    const round = (x) => (x < 1000 ? Math.round(x / 10) * 10 : Math.round(x / 100) * 100).toLocaleString('en-US');
    const solve = (key, budget) => {
      const f = fit(measured, key);
      const n = (budget - f.a) / f.b;
      return { ...f, n, text: n < 0 ? 'none (over budget at any size: fixed cost alone)' : `~${round(n)} passages` };
    };
    const bytes = solve('gzip', PHONE.gzipBudget);
    const load = solve('load', PHONE.loadBudgetMs / PHONE.slowdown);
    const ready = solve('ready', PHONE.loadBudgetMs / PHONE.slowdown);
    const assumptions = `phone assumed ${PHONE.slowdown}× slower than this machine's core; ${PHONE.gzipBudget / 1024} KB gzip on 4G, ${PHONE.loadBudgetMs} ms to load (= ${(PHONE.loadBudgetMs / PHONE.slowdown).toFixed(0)} ms here); lines fitted through the measured sizes`;
    r.add('limit.bytes', `phone limit by bytes (${PHONE.gzipBudget / 1024} KB gzip)`, bytes.text, {
      unit: 'text',
      note: `${Math.round(bytes.b)} B gzip per passage + ${Math.round(bytes.a / 1024)} KB`,
      detail: bytes,
    });
    r.add('limit.load', `phone limit by load for popovers (fromJSON, ${PHONE.loadBudgetMs} ms)`, load.text, {
      unit: 'text',
      note: `${(load.b * 1000).toFixed(1)} µs per passage + ${load.a.toFixed(1)} ms here`,
      detail: load,
    });
    r.add('limit.search', `phone limit by first search (load + engine, ${PHONE.loadBudgetMs} ms)`, ready.text, {
      unit: 'text',
      note: `${(ready.b * 1000).toFixed(0)} µs per passage + ${ready.a.toFixed(0)} ms here`,
      detail: ready,
    });
    const whole = Math.max(0, Math.min(bytes.n, load.n));
    r.add('limit', 'whole index reasonable on a mid-range phone up to', `~${round(whole)} passages`, {
      unit: 'text',
      note: `${assumptions}; the first search is over budget sooner (row above)`,
    });
  }
  return r;
}

if (isMain(import.meta.url)) {
  const at = process.argv.indexOf('--size');
  if (at >= 0) {
    const n = Number(process.argv[at + 1]);
    const res = await measureSize(n);
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(scratch, { recursive: true });
    writeFileSync(process.argv[process.argv.indexOf('--out') + 1], JSON.stringify(res));
  } else finish(await run());
}
