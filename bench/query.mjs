// Query latency in Node (for reference; the figure that counts is Chromium's, bench/browser.mjs):
// the fixed query mix, next to plain MiniSearch (default search, and fuzzy 0.2 + prefix), plus the
// search core's relevance cases for both.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { BASELINE_OPTIONS, loadCorpora, root } from './lib/data.mjs';
import { compare } from './lib/reader-relevance.mjs';
import { measureQueries, relevance } from './lib/measure-search.mjs';
import { defaultIndexJSON, searchModule } from './lib/ours.mjs';
import { QUERY_LIST } from './lib/queries.mjs';
import { finish, isMain, Results } from './lib/report.mjs';
import { baselineIndexJSON } from './size.mjs';

/** The relevance cases, when the search core has written them. */
export async function relevanceCases() {
  const file = path.join(root, 'test/search/relevance-cases.ts');
  if (!existsSync(file)) return undefined;
  try {
    return (await import(pathToFileURL(file).href)).RELEVANCE_CASES;
  } catch {
    return undefined; // needs `--import tsx`
  }
}

/** Adds the query rows of a `measureQueries` result (shared with the browser suite). */
export function queryRows(r, q, where) {
  const n = `${q.queries} queries × ${q.reps}`;
  r.add('query.p50', `query p50, ${where} (${n})`, q.ours.median, {
    baseline: q.baseFuzzy.median,
    note: `baseline: fuzzy 0.2 + prefix; default options: ${q.baseDefault.median.toFixed(3)} ms`,
    detail: q,
  });
  r.add('query.p95', `query p95, ${where}`, q.ours.p95, {
    baseline: q.baseFuzzy.p95,
    note: `default options: ${q.baseDefault.p95.toFixed(3)} ms`,
  });
  r.add('query.first', `first query after load, ${where}`, q.firstQuery, { note: 'includes lazy set-up and JIT warm-up' });
  for (const [g, s] of Object.entries(q.byGroup)) {
    r.add(`query.${g}.p95`, `  ${g} (${s.queries}): p95`, s.ours.p95, {
      baseline: s.fuzzy.p95,
      note: `answered ${s.answered}/${s.queries}, baseline ${s.baseAnswered}/${s.queries}`,
    });
  }
}

export function relevanceRows(r, rel) {
  const f = (s) => `${s.met}/${s.cases} met, top-1 ${s.top1}/${s.cases}`;
  r.add('relevance', 'relevance cases (test/search/relevance-cases.ts)', f(rel.ours), {
    unit: 'text',
    baseline: f(rel.baseFuzzy),
    note: `baseline fuzzy+prefix; default options: ${f(rel.baseDefault)}; ours missed: ${rel.ours.failed.slice(0, 5).join(', ') || 'none'}`,
    detail: rel,
  });
}

/**
 * Reader relevance (test/search/reader/reader-queries.json): MRR@10, hit@1, hit@10 per category for
 * ours, next to plain MiniSearch (fuzzy 0.2 + prefix) and MiniSearch with Intl.Segmenter, same cases.
 */
export function readerRows(r, index) {
  const file = path.join(root, 'test/search/reader/reader-queries.json');
  if (!existsSync(file)) return r.missing('reader', 'reader relevance', `${file} not found`);
  const cases = JSON.parse(readFileSync(file, 'utf8'));
  const res = compare({ index, corpora: loadCorpora(), cases });
  const f = (m) => `MRR ${m.mrr.toFixed(2)} · h@1 ${(m.hit1 * 100).toFixed(0)}% · h@10 ${(m.hit10 * 100).toFixed(0)}%`;
  const row = (id, label, get) =>
    r.add(id, label, f(get(res.ours)), {
      unit: 'text',
      baseline: f(get(res.plain)),
      note: `baseline: plain MiniSearch fuzzy+prefix; with Intl.Segmenter: ${f(get(res.segmenter))}`,
    });
  row('reader', `reader relevance, all (${res.ours.all.n} queries)`, (e) => e.all);
  for (const cat of Object.keys(res.ours.byCategory).sort()) {
    row(`reader.${cat}`, `  ${cat} (${res.ours.byCategory[cat].n})`, (e) => e.byCategory[cat]);
  }
}

export async function run() {
  const r = new Results('query', 'Query (Node, for reference)');
  const { mod, from } = await searchModule();
  const index = mod.PolicyIndex.fromJSON(await defaultIndexJSON());
  const base = MiniSearch.loadJSON(baselineIndexJSON(), BASELINE_OPTIONS);
  const q = measureQueries({ index, base, queries: QUERY_LIST, reps: 20 });
  queryRows(r, q, 'Node');
  r.note(`Node query figures use ${from}`);
  const cases = await relevanceCases();
  if (cases) relevanceRows(r, relevance({ index, base, cases }));
  else r.missing('relevance', 'relevance cases', 'test/search/relevance-cases.ts not found');
  readerRows(r, index);
  return r;
}

if (isMain(import.meta.url)) finish(await run());
