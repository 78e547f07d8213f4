// Growth: deterministic synthetic corpora (bench/lib/synth.mjs, seeded) of 1k, 10k and 100k
// passages plus the real keywords. Per size, in a child process of its own (clean heap): index
// gzip bytes, build time, load time (fromJSON), ready time (load + first query: the search engine
// is built lazily), query p50/p95 over a 20-query subset, heap after ready; next to plain MiniSearch
// (addAll; its serialised index; loadJSON; fuzzy+prefix queries). Then the shard prototype
// (bench/shards.mjs) on the same corpus.
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
import { shardFigures } from './shards.mjs';

export const SIZES = [1_000, 10_000, 100_000];
/** Four queries of each group. */
const QUERIES = [...new Set(QUERY_LIST.map((q) => q.group))].flatMap((g) => QUERY_LIST.filter((q) => q.group === g).slice(0, 4));
const REPS = { 1000: 5, 10000: 2, 100000: 1 };

/** Mid-range phone assumptions for the "whole index" limit (see README, Performance). */
export const PHONE = { slowdown: 4.5, gzipBudget: 150 * 1024, loadBudgetMs: 300 };

const gz = (s) => gzipSync(s, { level: 9 }).length;

/** Measures one size (child process). */
async function measureSize(n) {
  const t = (fn) => {
    const t0 = performance.now();
    const v = fn();
    return [v, performance.now() - t0];
  };
  const corpora = syntheticCorpora(n);
  const { buildIndex } = await buildModule();
  const { PolicyIndex } = (await searchModule()).mod;
  buildIndex(corpora.slice(0, 1)); // load OpenCC + pinyin dictionaries outside the timing
  const [built, build] = t(() => buildIndex(corpora));
  const text = JSON.stringify(built);
  const out = { n, build, raw: text.length, gzip: gz(text) };
  let before = heapUsed();
  const [index, load] = t(() => PolicyIndex.fromJSON(text));
  const [, ready] = t(() => index.search('sandbox'));
  out.load = load;
  out.ready = load + ready;
  const samples = [];
  for (let r = 0; r < REPS[n]; r++) for (const { q } of QUERIES) samples.push(t(() => index.search(q))[1]);
  out.queryP50 = median(samples);
  out.queryP95 = p95(samples);
  out.heap = heapUsed() - before;
  out.shards = await shardFigures(built, PolicyIndex);
  // Baseline.
  const docs = baselineDocs(corpora);
  before = heapUsed();
  const [base, baseBuild] = t(() => {
    const ms = new MiniSearch(BASELINE_OPTIONS);
    ms.addAll(docs);
    return ms;
  });
  const baseText = JSON.stringify(base);
  const [loaded, baseLoad] = t(() => MiniSearch.loadJSON(baseText, BASELINE_OPTIONS));
  const baseSamples = [];
  for (let r = 0; r < REPS[n]; r++) for (const { q } of QUERIES) baseSamples.push(t(() => loaded.search(q, { fuzzy: 0.2, prefix: true }))[1]);
  out.base = { build: baseBuild, raw: baseText.length, gzip: gz(baseText), load: baseLoad, queryP95: p95(baseSamples), queryP50: median(baseSamples) };
  out.base.heap = heapUsed() - before; // both MiniSearch instances and the JSON text: an upper bound
  return { ...out, keep: [index, base, loaded].length };
}

export async function run() {
  const r = new Results('growth', 'Growth (Node, synthetic corpora: N passages + the 13 keywords)');
  const deadline = Number(process.env.BJ_BENCH_DEADLINE) || Date.now() + 240_000;
  const measured = [];
  let last;
  for (const n of SIZES) {
    // ~4 s of every child is start-up (tsx, dictionaries); the rest grows about linearly with N.
    const projected = last ? 4 + Math.max(0, last.seconds - 4) * (n / last.n) : 30;
    if (last && Date.now() + projected * 1000 > deadline) {
      r.missing(`${n}`, `${n.toLocaleString('en-US')} passages`, `not measured: projected ~${Math.round(projected)} s (linear from the ${last ? last.n.toLocaleString('en-US') : ''} case) would pass the 5-minute budget; see the extrapolated rows`);
      break;
    }
    const file = path.join(scratch, `growth-${n}.json`);
    const t0 = Date.now();
    log(`growth: ${n} passages…`);
    try {
      execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--max-old-space-size=6000', path.join(root, 'bench/growth.mjs'), '--size', String(n), '--out', file], {
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: Math.max(10_000, deadline - Date.now()),
      });
    } catch (e) {
      r.missing(`${n}`, `${n.toLocaleString('en-US')} passages`, `failed or timed out: ${String(e.message).split('\n')[0]}`);
      break;
    }
    last = { n, seconds: (Date.now() - t0) / 1000 };
    const m = JSON.parse(readFileSync(file, 'utf8'));
    measured.push(m);
    const k = n.toLocaleString('en-US');
    const reps = `${QUERIES.length} queries × ${REPS[n]}`;
    r.add(`${n}.gzip`, `${k}: index size`, { raw: m.raw, gzip: m.gzip, brotli: NaN }, { unit: 'sizes', baseline: { raw: m.base.raw, gzip: m.base.gzip, brotli: NaN }, note: 'raw / gzip (brotli not computed)' });
    r.add(`${n}.build`, `${k}: build (once)`, m.build, { baseline: m.base.build, note: 'buildIndex vs MiniSearch addAll' });
    r.add(`${n}.load`, `${k}: load (fromJSON, lazy engine)`, m.load, { baseline: m.base.load, note: 'baseline: loadJSON' });
    r.add(`${n}.ready`, `${k}: load + first query (engine built)`, m.ready, { baseline: m.base.load, note: 'what the first search on a page pays after the fetch' });
    r.add(`${n}.p95`, `${k}: query p95 (${reps})`, m.queryP95, { baseline: m.base.queryP95, note: `p50 ${m.queryP50.toFixed(2)} ms vs ${m.base.queryP50.toFixed(2)} ms; baseline fuzzy+prefix` });
    r.add(`${n}.heap`, `${k}: heap after load + first query`, m.heap, { unit: 'B', baseline: m.base.heap, note: 'baseline: built + loaded instances and JSON (upper bound)' });
    const s = m.shards;
    r.add(`${n}.core`, `${k}: shard prototype, keyword core (popovers, annotate)`, { raw: s.core.raw, gzip: s.core.gzip, brotli: NaN }, { unit: 'sizes', note: `load ${s.core.load.toFixed(1)} ms; constant in N` });
    r.add(`${n}.shard`, `${k}: shard prototype, one passage shard (${s.perShard} passages)`, { raw: s.shard.raw, gzip: s.shard.gzip, brotli: NaN }, { unit: 'sizes', note: `${s.shards} shards; ready ${s.shard.ready.toFixed(0)} ms each; manifest ${s.manifest.gzip} B gzip` });
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
  // Where loading the whole index stops being reasonable on a mid-range phone (assumptions in PHONE).
  const points = [...measured];
  const perPassage = (k) => {
    if (points.length < 2) return undefined;
    const [a, b] = [points[0], points[points.length - 1]];
    return (b[k] - a[k]) / (b.n - a.n);
  };
  const gzPer = perPassage('gzip');
  const readyPer = perPassage('ready');
  if (gzPer && readyPer && points.length) {
    const a = points[0];
    const byBytes = Math.max(0, a.n + (PHONE.gzipBudget - a.gzip) / gzPer);
    const byTime = Math.max(0, a.n + (PHONE.loadBudgetMs / PHONE.slowdown - a.ready) / readyPer);
    r.add('limit', 'whole index reasonable on a mid-range phone up to', `~${Math.round(Math.min(byBytes, byTime)).toLocaleString('en-US')} passages`, {
      unit: 'text',
      note: `phone = ${PHONE.slowdown}× this machine's core; budgets ${PHONE.gzipBudget / 1024} KB gzip on 4G, ${PHONE.loadBudgetMs} ms load + first query; by bytes ~${Math.round(byBytes)} (${Math.round(gzPer)} B gzip/passage), by time ~${Math.round(byTime)} (${(readyPer * 1000).toFixed(0)} µs/passage here)`,
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
