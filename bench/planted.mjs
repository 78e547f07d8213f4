// Relevance at scale, measured (issue 24): a generated site (site-gen.mjs) with planted answers
// (lib/planted.mjs: rare words, unique phrases, two-word combinations, Chinese and English,
// traditional and pinyin), indexed by `bj-index build --site` and by Pagefind 1.6 (npm `pagefind`),
// the same queries to each:
//   ours, one file:  `bj-index build data --site … --shards never`, searched through the worker's own
//                    code (src/shared/index/searcher.ts: `openSearcher`, parts fetched over HTTP);
//   ours, sharded:   the same build cut by `shardIndex` as `bj-index build --shards always` does,
//                    searched the same way;
//   Pagefind:        its own search API (pagefind.js + WASM) run in Node, the language index a page
//                    of the query's language would load (Chinese and pinyin queries: zh-cn).
// Per category: hit@1 and hit@10 (an answer among the first 1 / 10 results, keywords included, as
// the search box shows them), MRR@10, and for rare words the exact form's share of the top ten.
// One passage a page (`--per-page 1`, so that a Pagefind result is a passage too), every page UTF-8
// (Pagefind reads no other encoding).
//
//   node bench/planted.mjs [--sizes 10000,100000] [--per-category 20] [--engines single,sharded,pagefind]
//                          [--failed] [--json FILE]
// Sizes default to 10,000 (BJ_PLANTED_SIZES too); the site, Pagefind's index and ours are kept in
// .tmp/bench/planted-N and rebuilt only when their inputs change (ours: src/search, src/cli).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
// Reads the search core's TypeScript: started without tsx, run again with it.
if (!process.execArgv.some((a) => a.includes('tsx'))) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8000', self, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(res.status ?? 1);
}

const { parseArgs } = await import('node:util');
const { root, scratch, loadCorpora } = await import('./lib/data.mjs');
const { finish, isMain, log, Results } = await import('./lib/report.mjs');
const { startServer } = await import('./lib/server.mjs');
const { CATEGORIES, pageOfUrl, pagesOf, plantedCorpus, score } = await import('./lib/planted.mjs');
const { generateSite } = await import('./site-gen.mjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BJ_PLANTED_SIZES ?? '10000' },
    'per-category': { type: 'string', default: '20' },
    'per-page': { type: 'string', default: '1' },
    engines: { type: 'string', default: 'single,sharded,pagefind' },
    seed: { type: 'string', default: '2022' },
    failed: { type: 'boolean' },
    json: { type: 'string' },
  },
  strict: false,
});
const SIZES = values.sizes.split(',').map(Number);
const PER_CATEGORY = Number(values['per-category']);
const PER_PAGE = Number(values['per-page']);
const ENGINES = values.engines.split(',');
const SEED = Number(values.seed);
const BASE_URL = 'https://example.gov.cn/';
const LIMITS = { timeoutMs: 600_000, maxBytes: 512 * 1024 * 1024 };

/** Hash of files and folders (recursively), for the rebuild keys. */
function hashOf(parts, extra) {
  const h = createHash('sha256').update(JSON.stringify(extra));
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(path.relative(root, p)).update(readFileSync(p));
  };
  for (const p of parts) walk(path.join(root, p));
  return h.digest('hex').slice(0, 16);
}

/** Runs a command; wall time in ms. Throws with its stderr when it fails. */
function run(cmd, args) {
  const t0 = performance.now();
  const res = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (res.status !== 0)
    throw new Error(`bj: ${path.basename(cmd)} ${args[0]} failed (exit ${res.status}): ${(res.stderr ?? '').slice(-1500)}`);
  return performance.now() - t0;
}

/** Pagefind's search API in Node: pagefind.js with `fetch` reading the files, one instance per language. */
async function pagefindSearcher(dir) {
  const { readFile } = await import('node:fs/promises');
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    if (!url.startsWith('file:')) return realFetch(input, init);
    return new Response(await readFile(fileURLToPath(url)));
  };
  const mod = await import(pathToFileURL(path.join(dir, 'pagefind.js')).href);
  const instances = new Map();
  const instance = async (lang) => {
    if (!instances.has(lang)) {
      // Pagefind picks the index of the page's <html lang>.
      globalThis.document = { querySelector: () => ({ getAttribute: () => lang }) };
      const pf = mod.createInstance({ basePath: `${pathToFileURL(dir).href}/` });
      await pf.init();
      delete globalThis.document;
      instances.set(lang, pf);
    }
    return instances.get(lang);
  };
  return {
    async search(query) {
      const pf = await instance(query.lang === 'zh' ? 'zh-cn' : 'en');
      const found = await pf.search(query.q);
      const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => pageOfUrl(d.url));
    },
    async close() {
      for (const pf of instances.values()) await pf.destroy();
      globalThis.fetch = realFetch;
    },
  };
}

/** Our index through the worker's search code (`openSearcher`), fetched over HTTP from `url`. */
async function oursSearcher(url) {
  const { openSearcher } = await import('../src/shared/index/searcher.ts');
  const s = await openSearcher(url, { limits: LIMITS, sync: true });
  await s.prepare();
  return {
    async search(query) {
      const results = await s.search(query.q, { limit: 10 });
      return results.map((r) => (r.kind === 'passage' ? pageOfUrl(r.entry.url) : `keyword:${r.id}`));
    },
    close: async () => {},
  };
}

/** The site, Pagefind's index and ours for `n` passages, built unless up to date. */
async function prepare(n, lexicon) {
  const dir = path.join(scratch, `planted-${n}`);
  const planted = plantedCorpus(n, { seed: SEED, perCategory: PER_CATEGORY, lexicon });
  const siteKey = hashOf(['bench/site-gen.mjs', 'bench/lib/synth.mjs', 'bench/lib/planted.mjs', 'bench/lib/gbk.mjs', 'data'], {
    n,
    SEED,
    PER_CATEGORY,
    PER_PAGE,
  });
  const oursKey = `${siteKey}-${hashOf(['src/search', 'src/cli', 'package.json'], {})}`;
  const keyFile = (name) => path.join(dir, `${name}.key`);
  const fresh = (name, key) => existsSync(keyFile(name)) && readFileSync(keyFile(name), 'utf8') === key;
  const times = {};
  if (!fresh('site', siteKey)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    log(`planted: writing the site of ${n} passages…`);
    generateSite({ passages: n, out: path.join(dir, 'site'), perPage: PER_PAGE, documents: planted.documents, gbk: false });
    log('planted: Pagefind…');
    times.pagefind = run(path.join(root, 'node_modules', '.bin', 'pagefind'), [
      '--site',
      path.join(dir, 'site'),
      '--output-path',
      path.join(dir, 'pagefind'),
    ]);
    writeFileSync(keyFile('site'), siteKey);
  }
  if (!fresh('ours', oursKey)) {
    log('planted: bj-index build…');
    const { buildCli } = await import('../test/helpers/cli.ts');
    buildCli();
    rmSync(path.join(dir, 'single'), { recursive: true, force: true });
    rmSync(path.join(dir, 'sharded'), { recursive: true, force: true });
    const single = path.join(dir, 'single', 'bj-index.json');
    times.ours = run(process.execPath, [
      path.join(root, 'bin', 'bj-index.js'),
      'build',
      'data',
      '--site',
      path.join(dir, 'site'),
      '--base-url',
      BASE_URL,
      '--shards',
      'never',
      '-o',
      single,
    ]);
    // The sharded layout `bj-index build --shards always` writes (main.ts: `chooseLayout`, then the
    // dictionary lexicon among its parts).
    const { shardIndex } = await import('../src/search/shards/build.ts');
    const { addShardedLexicon } = await import('../src/cli/lexicon-output.ts');
    const { lexiconFile, ...built } = JSON.parse(readFileSync(single, 'utf8')); // its own lexicon is the one-file index's
    void lexiconFile;
    const layout = shardIndex(built, { base: 'bj-index/' });
    await addShardedLexicon(built, layout);
    mkdirSync(path.join(dir, 'sharded', 'bj-index'), { recursive: true });
    for (const [name, text] of layout.parts) writeFileSync(path.join(dir, 'sharded', 'bj-index', name), text);
    writeFileSync(path.join(dir, 'sharded', 'bj-index.json'), JSON.stringify(layout.entry));
    writeFileSync(keyFile('ours'), oursKey);
  }
  return { dir, planted, times };
}

async function measure(n, lexicon, r) {
  const started = performance.now();
  const { dir, planted, times } = await prepare(n, lexicon);
  const pageOf = pagesOf(planted.documents, PER_PAGE);
  const pagesAnswering = new Map(planted.queries.map((q) => [q, new Set([...q.answers].map((id) => pageOf.get(id)))]));
  const server = await startServer();
  const rel = (p) => path.relative(root, p).split(path.sep).join('/');
  const out = {};
  try {
    for (const engine of ENGINES) {
      log(`planted: ${n} passages, ${engine}…`);
      const searcher =
        engine === 'pagefind'
          ? await pagefindSearcher(path.join(dir, 'pagefind'))
          : await oursSearcher(`${server.origin}/${rel(path.join(dir, engine, 'bj-index.json'))}`);
      const ranked = new Map();
      const t0 = performance.now();
      for (const q of planted.queries) ranked.set(q, await searcher.search(q));
      await searcher.close();
      out[engine] = score(
        planted.queries,
        (q) => ranked.get(q),
        (q) => pagesAnswering.get(q),
      );
      out[engine].ms = performance.now() - t0;
    }
  } finally {
    await server.close();
  }
  report(n, planted, out, r);
  log(
    `planted: ${n} passages in ${((performance.now() - started) / 1000).toFixed(0)} s${times.ours ? `; bj-index build ${(times.ours / 1000).toFixed(0)} s` : ''}`,
  );
  return out;
}

const pct = (x) => (x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);

function report(n, planted, out, r) {
  const k = n.toLocaleString('en-US');
  const base = out.pagefind;
  for (const engine of ENGINES.filter((e) => e !== 'pagefind')) {
    const m = out[engine];
    if (!m) continue;
    for (const c of [...CATEGORIES, 'all']) {
      if (!m[c]) continue;
      const what = c === 'all' ? `all ${m[c].n} planted queries` : `${c} (${m[c].n})`;
      r.add(`${n}.${engine}.${c}.hit10`, `${k}, ${engine}: ${what} hit@10`, m[c].hit10, {
        unit: 'share',
        baseline: base?.[c]?.hit10,
        note: `hit@1 ${pct(m[c].hit1)}${base ? ` vs ${pct(base[c]?.hit1)}` : ''}; MRR ${m[c].mrr.toFixed(2)}${base ? ` vs ${base[c]?.mrr.toFixed(2)}` : ''}`,
        detail: { ours: m[c], pagefind: base?.[c] },
      });
      if (m[c].exact !== undefined && c !== 'traditional')
        r.add(
          `${n}.${engine}.${c}.exact`,
          `${k}, ${engine}: ${c === 'all' ? 'rare words' : c}: exact form's share of the top ten`,
          m[c].exact,
          {
            unit: 'share',
            baseline: base?.[c]?.exact,
          },
        );
    }
  }
  // A plain table, one line per category, for a reader of the terminal.
  const engines = ENGINES.filter((e) => out[e]);
  const lines = [
    `\nplanted answers, ${k} passages (${planted.queries.length} queries; one passage a page): hit@1 hit@10 [exact form share of the top ten]`,
    `${'category'.padEnd(12)} ${'n'.padStart(3)}  ${engines.map((e) => e.padEnd(20)).join('  ')}`,
  ];
  for (const c of [...CATEGORIES, 'all']) {
    const first = out[engines[0]][c];
    if (!first) continue;
    const cell = (m) => `${pct(m.hit1).padStart(4)} ${pct(m.hit10).padStart(4)}${m.exact !== undefined ? ` [${pct(m.exact)}]` : ''}`;
    lines.push(`${c.padEnd(12)} ${String(first.n).padStart(3)}  ${engines.map((e) => cell(out[e][c]).padEnd(20)).join('  ')}`);
  }
  lines.push(`time for the ${planted.queries.length} queries: ${engines.map((e) => `${e} ${(out[e].ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (values.failed)
    for (const e of engines)
      for (const c of CATEGORIES) if (out[e][c]?.failed.length) lines.push(`${e} ${c} missed: ${out[e][c].failed.join(' | ')}`);
  log(lines.join('\n'));
}

export async function runPlanted() {
  const r = new Results('planted', 'Relevance at scale: planted answers on a generated site, ours (one file, sharded) vs Pagefind 1.6');
  const { buildIndex } = await import('../src/search/build.ts');
  const lexicon = buildIndex(loadCorpora()).lexicon.renderings;
  const deadline = Number(process.env.BJ_BENCH_DEADLINE) || Infinity;
  let last;
  for (const n of SIZES) {
    if (last && Date.now() + last.seconds * (n / last.n) * 1000 > deadline) {
      r.missing(
        `${n}.skipped`,
        `${n.toLocaleString('en-US')} passages`,
        'skipped: would pass the bench budget (node bench/planted.mjs --sizes …)',
      );
      continue;
    }
    const t0 = Date.now();
    await measure(n, lexicon, r);
    last = { n, seconds: (Date.now() - t0) / 1000 };
  }
  r.note(
    "planted: answers known in advance (bench/lib/planted.mjs); hit@k = an answer among the first k results; Baseline = Pagefind 1.6 (its JS API in Node, the index of the query's language) on the same pages; one passage a page, UTF-8.",
  );
  return r;
}

if (isMain(import.meta.url)) finish(await runPlanted());
