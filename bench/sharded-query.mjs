// The sharded reader in Node: a generated corpus (lib/synth.mjs, seeded) cut into parts by
// `shardIndex` and served from memory, searched with the query mix (lib/queries.mjs). Figures: the
// first answer of each query on a freshly opened index (parts fetched, parsed and scored), then warm
// times with every part loaded, next to the single-file index of the same corpus in the same
// process. Each query's time is its fastest of REPS runs (robust on a busy machine); the figures are
// the sum over the mix and the p50/p95 of those per-query times. Run: node --expose-gc --import tsx bench/sharded-query.mjs [passages, default 10000]
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '../src/search/build.ts';
import { PolicyIndex } from '../src/search/index.ts';
import { shardIndex } from '../src/search/shards/build.ts';
import { ShardedIndex } from '../src/search/shards/query.ts';
import { QUERY_LIST } from './lib/queries.mjs';
import { syntheticCorpora } from './lib/synth.mjs';

const N = Number(process.argv[2] ?? 10_000);
const ENTRY = 'https://example.gov.cn/bj-index.json';
const REPS = 5;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const built = buildIndex(syntheticCorpora(N));
const { entry, parts } = shardIndex(built);
const entryJson = JSON.stringify(entry);
const queries = QUERY_LIST.map((q) => q.q);

/** A freshly opened sharded index; `bytes` counts the part bytes it loads, `urls` the parts. */
function openSharded() {
  const counter = { bytes: 0, urls: [] };
  const load = (url) => {
    const text = parts.get(url.slice(new URL('bj-index/', ENTRY).href.length));
    counter.bytes += text.length;
    counter.urls.push(url);
    return Promise.resolve(text);
  };
  return { index: ShardedIndex.open(JSON.parse(entryJson), ENTRY, load), counter };
}

/** Each query's fastest time of REPS runs of `run(q)`. */
async function fastest(run) {
  const out = [];
  for (const q of queries) {
    let best = Infinity;
    for (let r = 0; r < REPS; r++) {
      const t = performance.now();
      await run(q);
      best = Math.min(best, performance.now() - t);
    }
    out.push(best);
  }
  return out;
}

// Requests of a first answer showing 5 results, a Chinese and an English query: parts by kind, gzip -9 bytes.
const requests = [];
for (const q of ['营商环境', 'business environment']) {
  const { index, counter } = openSharded();
  await index.search(q, { limit: 200, resolve: 5 });
  const kinds = {};
  for (const url of counter.urls) {
    const kind = /bj-index\/([a-z]+)-/.exec(url)[1];
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const gz = counter.urls.reduce(
    (sum, url) => sum + gzipSync(parts.get(url.slice(new URL('bj-index/', ENTRY).href.length)), { level: 9 }).length,
    0,
  );
  requests.push({ q, n: counter.urls.length, kinds, gz });
}

// Cold: each query on its own freshly opened index (the first answer a reader waits for).
const coldBytes = [];
for (const q of queries) {
  const { index, counter } = openSharded();
  await index.search(q, { limit: 20, resolve: 5 });
  coldBytes.push(counter.bytes);
}
const cold = await fastest((q) => openSharded().index.search(q, { limit: 20, resolve: 5 }));

// Warm: one index, every query's parts loaded, then timed.
const { index: warmIndex } = openSharded();
for (const q of queries) await warmIndex.search(q, { limit: 20 });
const warm = await fastest((q) => warmIndex.search(q, { limit: 20 }));

// Baseline: the single-file index of the same corpus.
const single = PolicyIndex.fromJSON(JSON.parse(JSON.stringify(built)));
single.search('warm up'); // builds the engine
const singleTimes = await fastest(async (q) => single.search(q, { limit: 20 }));

const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`sharded reader, ${N} passages, ${queries.length} queries (${parts.size} parts)`);
console.log('| Figure | sharded | single-file |');
console.log('| --- | ---: | ---: |');
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`| first answers, sum over the mix (fresh index, parts from memory) | ${ms(sum(cold))} | |`);
console.log(`| first answer p50 | ${ms(quantile(cold, 0.5))} | |`);
console.log(`| first answer p95 | ${ms(quantile(cold, 0.95))} | |`);
console.log(`| part bytes of a first answer, p50 / max | ${quantile(coldBytes, 0.5)} / ${Math.max(...coldBytes)} | |`);
for (const { q, n, kinds, gz } of requests) {
  const by = Object.entries(kinds)
    .map(([k, c]) => `${c} ${k}`)
    .join(', ');
  console.log(`| first answer to "${q}" (5 shown): part requests (${by}), gzip -9 bytes | ${n}, ${gz} B | |`);
}
console.log(`| warm queries, sum over the mix | ${ms(sum(warm))} | ${ms(sum(singleTimes))} |`);
console.log(`| warm query p50 | ${ms(quantile(warm, 0.5))} | ${ms(quantile(singleTimes, 0.5))} |`);
console.log(`| warm query p95 | ${ms(quantile(warm, 0.95))} | ${ms(quantile(singleTimes, 0.95))} |`);
