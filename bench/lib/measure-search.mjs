// Load and query measurements shared by Node (bench/query.mjs, bench/index.mjs) and Chromium
// (bench/pages/search.html runs this same file in the page). No Node or DOM APIs here.
import { summary, timeSync } from './stats.mjs';

/** The query that makes a freshly loaded index ready (a one-word English query). */
export const READY_QUERY = 'sandbox';

/**
 * Load times, fetch excluded: `PolicyIndex.fromJSON(text)` (JSON.parse included) and
 * `fromJSONAsync`, next to `MiniSearch.loadJSON(baseText, baseOptions)`.
 */
export async function measureLoad({ PolicyIndex, MiniSearch, text, baseText, baseOptions, runs = 15 }) {
  let t0 = performance.now();
  PolicyIndex.fromJSON(text);
  const first = performance.now() - t0;
  t0 = performance.now();
  MiniSearch.loadJSON(baseText, baseOptions);
  const baseFirst = performance.now() - t0;
  const load = timeSync(() => PolicyIndex.fromJSON(text), { runs, warmup: 2 });
  const base = timeSync(() => MiniSearch.loadJSON(baseText, baseOptions), { runs, warmup: 2 });
  const asyncSamples = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await PolicyIndex.fromJSONAsync(text);
    asyncSamples.push(performance.now() - t0);
  }
  // Ready to search: PolicyIndex builds its search engine lazily on the first search, so "load"
  // alone is what a popover pays and "ready" (load + one short query) what the first search pays.
  const ready = timeSync(() => PolicyIndex.fromJSON(text).search(READY_QUERY), { runs, warmup: 2 });
  const baseReady = timeSync(() => MiniSearch.loadJSON(baseText, baseOptions).search(READY_QUERY), { runs, warmup: 2 });
  const strip = ({ samples, ...s }) => s;
  return {
    first,
    baseFirst,
    load: strip(load),
    base: strip(base),
    ready: strip(ready),
    baseReady: strip(baseReady),
    async: summary(asyncSamples),
  };
}

/**
 * Per-query latency of `index.search(q)` next to the baseline's `search(q)` with default options
 * and with `{fuzzy: 0.2, prefix: true}`, each query timed alone, `reps` passes over the list
 * (after one untimed pass, whose first query is reported as `firstQuery`).
 */
export function measureQueries({ index, base, queries, reps = 20 }) {
  const fuzzy = { fuzzy: 0.2, prefix: true };
  let t0 = performance.now();
  index.search(queries[0].q);
  const firstQuery = performance.now() - t0;
  for (const { q } of queries) {
    index.search(q);
    base.search(q);
    base.search(q, fuzzy);
  }
  const ours = [];
  const plain = [];
  const fuzzed = [];
  const groups = {};
  for (let r = 0; r < reps; r++) {
    for (const { q, group } of queries) {
      t0 = performance.now();
      index.search(q);
      const t1 = performance.now();
      base.search(q);
      const t2 = performance.now();
      base.search(q, fuzzy);
      const t3 = performance.now();
      ours.push(t1 - t0);
      plain.push(t2 - t1);
      fuzzed.push(t3 - t2);
      (groups[group] ??= { ours: [], fuzzy: [] }).ours.push(t1 - t0);
      groups[group].fuzzy.push(t3 - t2);
    }
  }
  const answered = (fn) => queries.filter(({ q }) => fn(q).length > 0).length;
  const byGroup = {};
  for (const [g, s] of Object.entries(groups)) {
    const n = queries.filter((x) => x.group === g);
    byGroup[g] = {
      queries: n.length,
      ours: summary(s.ours),
      fuzzy: summary(s.fuzzy),
      answered: n.filter(({ q }) => index.search(q).length > 0).length,
      baseAnswered: n.filter(({ q }) => base.search(q, fuzzy).length > 0).length,
    };
  }
  return {
    queries: queries.length,
    reps,
    firstQuery,
    ours: summary(ours),
    baseDefault: summary(plain),
    baseFuzzy: summary(fuzzed),
    byGroup,
    answered: {
      ours: answered((q) => index.search(q)),
      baseDefault: answered((q) => base.search(q)),
      baseFuzzy: answered((q) => base.search(q, fuzzy)),
    },
  };
}

/**
 * The search core's relevance cases (test/search/relevance-cases.ts): a `top` case is met when the
 * expected entry is the first result, a `member` case when it is among the first 10.
 */
export function relevance({ index, base, cases }) {
  const fuzzy = { fuzzy: 0.2, prefix: true };
  const met = (ids, c) => (c.expect === 'top' ? ids[0] === c.id : ids.slice(0, 10).includes(c.id));
  const score = (search) => {
    let ok = 0;
    let top1 = 0;
    const failed = [];
    for (const c of cases) {
      const ids = search(c.query).map((x) => x.id);
      if (ids[0] === c.id) top1++;
      if (met(ids, c)) ok++;
      else failed.push(c.query);
    }
    return { cases: cases.length, met: ok, top1, failed };
  };
  return {
    ours: score((q) => index.search(q)),
    baseDefault: score((q) => base.search(q)),
    baseFuzzy: score((q) => base.search(q, fuzzy)),
  };
}
