// Index build (Node) and load (fetch excluded: JSON.parse + PolicyIndex.fromJSON / fromJSONAsync)
// next to plain MiniSearch (addAll; loadJSON of its serialised index) on the same documents.
import MiniSearch from 'minisearch';
import { BASELINE_OPTIONS, baselineDocs, loadCorpora } from './lib/data.mjs';
import { buildModule, defaultIndexJSON, searchModule } from './lib/ours.mjs';
import { finish, isMain, Results } from './lib/report.mjs';
import { measureLoad, READY_QUERY } from './lib/measure-search.mjs';
import { heapUsed, timeSync } from './lib/stats.mjs';
import { baselineIndexJSON } from './size.mjs';

export async function run() {
  const r = new Results('index', 'Index build and load (Node)');
  const corpora = loadCorpora();
  const docs = baselineDocs(corpora);
  const { buildIndex } = await buildModule();
  const { mod, from } = await searchModule();
  const { PolicyIndex } = mod;

  // Build. The first call also loads the OpenCC and pinyin dictionaries: reported on its own.
  const t0 = performance.now();
  buildIndex(corpora);
  const cold = performance.now() - t0;
  const build = timeSync(() => buildIndex(corpora), { runs: 5, warmup: 1 });
  const baseBuild = timeSync(() => new MiniSearch(BASELINE_OPTIONS).addAll(docs), { runs: 10, warmup: 2 });
  r.add('build.cold', 'buildIndex(data/), first call (loads OpenCC + pinyin dictionaries)', cold);
  r.add('build', 'buildIndex(data/), median of 5', build.median, {
    baseline: baseBuild.median,
    note: 'baseline: new MiniSearch + addAll',
    detail: build,
  });

  // Load, fetch excluded. `text` is what fetch().text() would give.
  const text = await defaultIndexJSON();
  const baseText = baselineIndexJSON(corpora);
  const baseLoad = () => MiniSearch.loadJSON(baseText, BASELINE_OPTIONS);
  const m = await measureLoad({ PolicyIndex, MiniSearch, text, baseText, baseOptions: BASELINE_OPTIONS, runs: 15 });
  r.add('load.first', 'load default index, first call in process', m.first, {
    baseline: m.baseFirst,
    note: `${from}; JSON.parse + fromJSON; baseline: MiniSearch.loadJSON`,
  });
  r.add('load', 'load default index (fromJSON, engine built lazily), median of 15', m.load.median, {
    baseline: m.base.median,
    note: `p95 ${m.load.p95.toFixed(2)} ms vs ${m.base.p95.toFixed(2)} ms`,
    detail: m.load,
  });
  r.add('ready', 'load + first query (search engine built), median of 15', m.ready.median, {
    baseline: m.baseReady.median,
    note: `p95 ${m.ready.p95.toFixed(2)} ms vs ${m.baseReady.p95.toFixed(2)} ms; baseline: loadJSON + search`,
    detail: m,
  });
  r.add('load.async', 'fromJSONAsync (engine built in chunks), median of 15', m.async.median, {
    baseline: m.baseReady.median,
    note: 'wall time incl. the yields between chunks',
  });

  // Memory held by a loaded index (heap delta after GC).
  const keep = [];
  let before = heapUsed();
  keep.push(PolicyIndex.fromJSON(text));
  keep[0].search(READY_QUERY); // builds the lazy search engine
  const heap = heapUsed() - before;
  before = heapUsed();
  keep.push(baseLoad());
  keep[1].search(READY_QUERY);
  const baseHeap = heapUsed() - before;
  r.add('heap', 'heap used by the loaded index, ready to search', heap, {
    unit: 'B',
    baseline: baseHeap,
    note: globalThis.gc ? 'after GC (--expose-gc)' : 'no --expose-gc: rough',
  });
  const info = keep[0].sizeInfo;
  if (info) r.note(`default corpus: ${info.terms} keywords, ${info.passages} passages; baseline vocabulary ${keep[1].termCount} terms`);
  return r;
}

if (isMain(import.meta.url)) finish(await run());
